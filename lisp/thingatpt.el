;;; thingatpt.el --- find the symbol, sexp, word, URL... around point  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A "thing" is a symbol naming a kind of text.  How to find one:
;;   - property `bounds-of-thing-at-point': a function of no arguments giving
;;     (START . END) around point, or nil;
;;   - property `thing-at-point': a function giving the thing itself;
;;   - otherwise motion: property `forward-op' (a function of a count), else a
;;     function named forward-THING, and optionally the properties
;;     `beginning-op' and `end-op' (functions of no arguments).

(provide 'thingatpt)

;;;; Motion

(defun thing-at-point (thing &optional no-properties) "Return the THING at point, usually a string, or nil.
A function of `thing-at-point-provider-alist' for THING, THING's `thing-at-point'
property, or its bounds give it.  With NO-PROPERTIES, a string comes without text
properties."
  (let ((found
         (or (catch 'provided
               (pcase-dolist (`(,kind . ,provider) thing-at-point-provider-alist)
                 (when (eq kind thing)
                   (let ((value (funcall provider)))
                     (if value (throw 'provided value)))))
               nil)
             (let ((getter (get thing 'thing-at-point)))
               (if getter (funcall getter)
                 (pcase (bounds-of-thing-at-point thing)
                   (`(,from . ,to) (buffer-substring from to))))))))
    (when (and no-properties (sequencep found))
      (set-text-properties 0 (length found) nil found))
    found))

(defvar thing-at-point-provider-alist nil "Functions giving a thing at point, in an alist of (THING . FUNCTION).
The first function for THING whose value is non-nil gives `thing-at-point' its answer.")

(defun word-at-point (&optional no-properties) "Return the word at point, or nil; NO-PROPERTIES as for `thing-at-point'." (thing-at-point 'word no-properties))

(defun forward-thing (thing &optional n) "Move over N things of kind THING, backwards when N is negative.
THING's `forward-op' property, or else the function forward-THING, does the moving."
  (let ((mover (or (get thing 'forward-op)
                   (let ((named (intern-soft (format "forward-%s" thing))))
                     (and named (fboundp named) named)))))
    (unless mover
      (error "Can't determine how to move over a %s" thing))
    (funcall mover (or n 1))))

(defun thing-at-point--to-end (thing) "Move to the end of the THING at or after point, by its `end-op' or by motion."
  (let ((op (get thing 'end-op)))
    (if op (funcall op) (forward-thing thing 1))))

(defun thing-at-point--to-start (thing) "Move to the start of the THING at or before point, by its `beginning-op' or by motion."
  (let ((op (get thing 'beginning-op)))
    (if op (funcall op) (forward-thing thing -1))))

(defun thing-at-point--span (thing here) "Find THING's span around HERE by moving over it; nil when none covers HERE.
Point is left anywhere; the caller keeps it."
  ;; First the thing that ends at or after HERE: out to its end, back to its
  ;; start.  If that start is not after HERE it is the one; otherwise HERE is
  ;; between things, so try the one that starts before HERE.
  (let ((covers (lambda (from to) (and (<= from here to) (< from to) (cons from to))))
        (after-start (progn (goto-char here) (thing-at-point--to-end thing)
                            (thing-at-point--to-start thing) (point))))
    (if (<= after-start here)
        (funcall covers after-start (progn (thing-at-point--to-end thing) (point)))
      (let ((before-end (progn (goto-char here) (thing-at-point--to-start thing)
                               (thing-at-point--to-end thing) (point))))
        (funcall covers (progn (thing-at-point--to-start thing) (point)) before-end)))))

(defun bounds-of-thing-at-point (thing) "Return (START . END) of the THING around point, or nil if there is none.
THING is a symbol such as `symbol', `sexp', `list', `word', `line', `sentence', `url',
`email', `filename', `uuid' or `number', or any symbol with the properties
described at the top of thingatpt.el."
  (let ((finder (get thing 'bounds-of-thing-at-point)) (pt (point)))
    (if finder (funcall finder)
      (save-excursion (ignore-errors (thing-at-point--span thing pt))))))

(defun sentence-at-point (&optional no-properties) "Return the sentence at point, or nil; NO-PROPERTIES as for `thing-at-point'." (thing-at-point 'sentence no-properties))

(defun beginning-of-thing (thing) "Move point to the start of the THING around point and return it; an error if there is none."
  (let ((span (bounds-of-thing-at-point thing)))
    (if span (goto-char (car span)) (error "No %s here" thing))))

(defun end-of-thing (thing) "Move point to the end of the THING around point and return it; an error if there is none."
  (let ((span (bounds-of-thing-at-point thing)))
    (if span (goto-char (cdr span)) (error "No %s here" thing))))

;;;; The mouse

(defun thing-at-point--at-event (event fn) "Call FN with point where the mouse EVENT happened, in that window's buffer."
  (let* ((where (event-start event))
         (window (posn-window where))
         (pos (posn-point where)))
    (with-current-buffer (if (windowp window) (window-buffer window) (current-buffer))
      (save-excursion (if (integer-or-marker-p pos) (goto-char pos)) (funcall fn)))))

(defun thing-at-mouse (event thing &optional no-properties) "Return the THING where the mouse EVENT was, as `thing-at-point' would (NO-PROPERTIES likewise)."
  (thing-at-point--at-event event (lambda () (thing-at-point thing no-properties))))

(defun bounds-of-thing-at-mouse (event thing) "Return (START . END) of the THING where the mouse EVENT was, or nil."
  (thing-at-point--at-event event (lambda () (bounds-of-thing-at-point thing))))

;;;; Sexps, strings, lists

(defun thing-at-point--end-of-sexp () "Move over the sexp after point; stay put where no sexp can start."
  (condition-case nil (forward-sexp 1) (scan-error nil)))
(defun thing-at-point--beginning-of-sexp () "Move to the start of the sexp before point, or just before the opening delimiter point follows."
  (let ((before (char-syntax (char-before))))
    (cond ((eq before ?\() (backward-char))
          ((and (eq before ?\") (nth 3 (syntax-ppss))) (backward-char))
          (t (backward-sexp)))))
(defun thing-at-point-bounds-of-string-at-point () "Return (START . END) of the string literal point is in or at the opening quote of, or nil."
  (let* ((ppss (syntax-ppss))
         (open (cond ((nth 3 ppss) (nth 8 ppss))
                     ((eq (char-syntax (char-after)) ?\") (point)))))
    (and open
         (save-excursion (goto-char open) (ignore-errors (forward-sexp 1) (cons open (point)))))))

(defun thing-at-point-bounds-of-list-at-point () "Return (START . END) of the list around point.
Outside any list, the sexp point is on stands in for it."
  (save-excursion
    (if (ignore-errors (up-list -1) t)
        (ignore-errors (cons (point) (progn (forward-sexp 1) (point))))
      (let ((span (bounds-of-thing-at-point 'sexp)))
        (and span (< (point) (cdr span)) span)))))

;;;; Symbols

(defun thing-at-point--beginning-of-symbol () "Move to the start of the nearest symbol that starts before point.
A `search-failed' error when there is none."
  (re-search-backward "\\(\\sw\\|\\s_\\)+")
  (skip-syntax-backward "_w"))

;;;; Things made of a set of characters

(defvar thing-at-point-file-name-chars "-@~/[:alnum:]_.${}#%,:" "The characters a file name at point is made of, as a `skip-chars-forward' set.")

(defmacro define-thing-chars (thing chars) "Make THING a run of the characters CHARS, a `skip-chars-forward' set, for thing-at-point."
  (list 'progn
        (list 'put (list 'quote thing) ''end-op
              (list 'lambda nil
                    (list 're-search-forward (list 'concat "\\=[" chars "]*") nil t)))
        (list 'put (list 'quote thing) ''beginning-op
              (list 'lambda nil
                    (list 'if (list 're-search-backward (list 'concat "[^" chars "]") nil t)
                          '(forward-char)
                          '(goto-char (point-min)))))))

(define-thing-chars filename thing-at-point-file-name-chars)

(defun thing-at-point-file-at-point (&optional _lax bounds) "Return the name of an existing file at point, or nil.
BOUNDS, a (START . END) pair, gives where the name is instead of looking."
  (let* ((span (or bounds (bounds-of-thing-at-point 'filename)))
         (name (and span (buffer-substring-no-properties (car span) (cdr span)))))
    (and name (file-exists-p name) name)))

;;;; Matching a regexp around point

(defun thing-at-point-looking-at (regexp &optional distance) "Return non-nil if point is inside a match for REGEXP or just after one.
The match data then describe the earliest-starting such match.  DISTANCE, if
non-nil, bounds how far from point the search for matches looks, either way."
  (save-excursion
    (let* ((here (point)) (limit (and distance (+ here distance)))
           (back-limit (and distance (max (point-min) (- here distance))))
           (best nil))
      ;; A match starting right here counts if it reaches point.
      (when (and (looking-at regexp) (>= (match-end 0) here))
        (setq best here))
      ;; From the end of the next match, walk back over the matches that end
      ;; before each other's starts: those starting after point are passed
      ;; over, those starting before it must reach it to count, and the first
      ;; that does not ends the walk.
      (re-search-forward regexp limit 'limit)
      (let ((last (point)) (going t))
        (while going
          (let ((found (re-search-backward regexp back-limit t)))
            (setq going
                  (and found (< found last)
                       (or (> found here)
                           (and (looking-at regexp) (>= (match-end 0) here)
                                (setq best found)))))
            (when found (setq last found)))))
      ;; A match found reaches back as far as one still covering point does.
      (when best
        (let ((try (1- best)))
          (while (and (>= try (point-min))
                      (progn (goto-char try) (looking-at regexp))
                      (>= (match-end 0) here))
            (setq best try try (1- try)))))
      (and best (progn (goto-char best) (looking-at regexp))))))

;;;; Email addresses, UUIDs, numbers

(defvar thing-at-point-email-regexp "<?[-+_.~a-zA-Z][-+_.~:a-zA-Z0-9]*@[-.a-zA-Z0-9]+>?" "The regexp an email address at point matches.")

(defvar thing-at-point-uuid-regexp "\\<[[:xdigit:]]\\{8\\}-[[:xdigit:]]\\{4\\}-[[:xdigit:]]\\{4\\}-[[:xdigit:]]\\{4\\}-[[:xdigit:]]\\{12\\}\\>" "The regexp a UUID at point matches.")

(defun thing-at-point--match-span (regexp distance) "Return (START . END) of the REGEXP match around point, looking DISTANCE ahead, or nil."
  (and (thing-at-point-looking-at regexp distance)
       (cons (match-beginning 0) (match-end 0))))

(defun number-at-point () "Return the number at point, or nil: a decimal such as 14 or -14.5, or hex written 0xBEEF or #xBEEF."
  (cond ((thing-at-point-looking-at "\\(0x\\|#x\\)\\([a-fA-F0-9]+\\)" 500) (string-to-number (match-string 2) 16))
        ((thing-at-point-looking-at "-?[0-9]+\\.?[0-9]*" 500) (string-to-number (match-string 0)))))

;;;; URLs

(defvar thing-at-point-url-path-regexp "[^]\t\n \"'<>[^`{}]*[^]\t\n \"'<>[^`{}.,;]+" "A regexp the part of a URL after its scheme matches.")

(defvar thing-at-point-short-url-regexp (concat "[-A-Za-z0-9]+\\.[-A-Za-z0-9.]+" thing-at-point-url-path-regexp) "A regexp a URL without a scheme matches.")

(defvar thing-at-point-uri-schemes ; one string split at spaces: the list is long and only its value matters
  (split-string "aaa:// about: acap:// apt: bzr:// bzr+ssh:// attachment:/ chrome:// cid: content://
crid:// cvs:// data: dav: dict:// doi: dns: dtn: feed: file:/ finger:// fish:// ftp://
geo: git:// go: gopher:// h323: http:// https:// im: imap:// info: ipp: irc:// irc6://
ircs:// iris.beep: jar: ldap:// ldaps:// magnet: mailto: mid: mtqp:// mupdate:// news:
nfs:// nntp:// opaquelocktoken: pop:// pres: resource:// rmi:// rsync:// rtsp://
rtspu:// service: sftp:// sip: sips: smb:// sms: snmp:// soap.beep:// soap.beeps://
ssh:// svn:// svn+ssh:// tag: tel: telnet:// tftp:// tip:// tn3270:// udp:// urn: uuid:
vemmi:// webcal:// xri:// xmlrpc.beep:// xmlrpc.beeps:// z39.50r:// z39.50s:// xmpp:
fax: man: mms:// mmsh:// modem: prospero: snews: wais://" "[ \n]+")
  "The URI schemes that start a URL at point.")

(defvar thing-at-point-newsgroup-heads '("alt" "comp" "gnu" "misc" "news" "sci" "soc" "talk") "The top-level hierarchies a newsgroup name may start with.")

(defvar thing-at-point-newsgroup-regexp "\\`[[:lower:]]+\\.[-+[:lower:]_0-9.]+\\'" "A regexp a newsgroup name matches.")

(defun thing-at-point-newsgroup-p (string) "Return STRING if it looks like a newsgroup name under a known hierarchy, else nil."
  (let ((case-fold-search nil)) (and (string-match thing-at-point-newsgroup-regexp string)
         (member (substring string 0 (string-match "\\." string))
                 thing-at-point-newsgroup-heads)
         string)))

(defvar thing-at-point-markedup-url-regexp "<URL:\\([^<>\n]+\\)>" "A regexp a marked-up URL matches; its group 1 is the URL.")

(defun thing-at-point--bounds-of-markedup-url () "Return (START . END) of the URL in the first <URL:...> markup on this line that ends after point."
  (let ((pt (point)) (stop (line-end-position)))
    (save-excursion
      (goto-char (line-beginning-position))
      (catch 'markup
        (while (re-search-forward thing-at-point-markedup-url-regexp stop t)
          (if (> (match-end 0) pt) (throw 'markup (cons (match-beginning 1) (match-end 1)))))
        nil))))

(defconst thing-at-point--url-chars "-a-zA-Z0-9._~:/?#@!$&'()*+,;=%" "The ASCII characters a URL around point is made of.")

(defun thing-at-point--url-run () "Return (START . END) of the run of URL characters around point."
  ;; Non-ASCII characters count as URL characters too.
  (cons (save-excursion
          (while (progn (skip-chars-backward thing-at-point--url-chars)
                        (and (not (bobp)) (> (char-before) 127)))
            (backward-char))
          (point))
        (save-excursion
          (while (progn (skip-chars-forward thing-at-point--url-chars)
                        (and (not (eobp)) (> (char-after) 127)))
            (forward-char))
          (point))))

(defvar thing-at-point-beginning-of-url-regexp nil "A regexp the start of a URL matches, or nil to use `thing-at-point-uri-schemes'.")

(defun thing-at-point--bounds-of-well-formed-url (beg end pt) "Return (START . END) of a URL with a scheme between BEG and END that covers PT, or nil."
  (let ((case-fold-search t)
        (scheme-re (concat "\\<" (or thing-at-point-beginning-of-url-regexp
                                     (regexp-opt thing-at-point-uri-schemes)))))
    (save-excursion
      (goto-char beg)
      (and (re-search-forward scheme-re end t)
           (<= (match-beginning 0) pt)
           (< (match-end 0) end)
           (thing-at-point--url-finish (match-beginning 0) end pt)))))

(defun thing-at-point--url-finish (start end pt &optional empty-ok) "Trim the URL from START to END: trailing punctuation up to PT, and a closing paren matching one before START.
Return (START . END) if the result covers PT, else nil; an empty result only when EMPTY-OK."
  (let ((trimmed end))
    (while (and (> trimmed start) (> trimmed pt)
                (memq (char-before trimmed) '(?. ?, ?\; ?: ?! ?? ?')))
      (setq trimmed (1- trimmed)))
    (when (and (> start (point-min)) (eq (char-before start) ?\())
      ;; Comments do not count: a URL in a comment still pairs its parens.
      (let ((close (let ((parse-sexp-ignore-comments nil))
                     (ignore-errors (scan-lists (1- start) 1 0)))))
        (when (and close (<= close (1+ trimmed)))
          (setq trimmed (1- close)))))
    (and (<= start pt) (<= pt trimmed) (or empty-ok (< start trimmed))
         (cons start trimmed))))

(defun thing-at-point-bounds-of-url-at-point (&optional lax) "Return (START . END) of the URL at point, or nil.
With LAX, text without a scheme that could be a URL counts too."
  (or (thing-at-point--bounds-of-markedup-url)
      (pcase-let ((`(,from . ,to) (thing-at-point--url-run)) (at (point)))
        (or (thing-at-point--bounds-of-well-formed-url from to at)
            (and lax
                 (thing-at-point--url-finish
                  (save-excursion (goto-char from) (skip-chars-forward "^a-zA-Z0-9" at) (point))
                  to at t))))))

(defvar thing-at-point-default-mail-uri-scheme "mailto" "The scheme a bare email address gets when taken as a URL.")

(defun thing-at-point-url-at-point (&optional lax bounds) "Return the URL at point as a string, or nil.
With LAX, text that looks like a host, an email address or a newsgroup is made a
URL by adding a scheme; so is such text in <URL:...> markup or delimited by
BOUNDS, a (START . END) pair that says where the text is."
  (let* ((marked (and (not bounds) (thing-at-point--bounds-of-markedup-url)))
         (span (or bounds marked (thing-at-point-bounds-of-url-at-point lax))))
    (when (and span (< (car span) (cdr span)))
      (let ((text (buffer-substring-no-properties (car span) (cdr span)))
            (case-fold-search t))
        (cond ((string-match "\\`[a-zA-Z][-a-zA-Z0-9+.]*:" text) text)
              ;; Text the caller delimits, or that <URL:...> markup holds, is
              ;; taken as a URL even without a scheme.
              ((not (or lax marked bounds)) nil)
              ((string-match "\\`www\\." text) (concat "http://" text))
              ((string-match "\\`ftp\\." text) (concat "ftp://" text))
              ;; A mailbox: no <, >, / or @ before the @, a host character after it.
              ((string-match "\\`[^<>/@]+@[-.a-zA-Z0-9]" text)
               (concat thing-at-point-default-mail-uri-scheme ":" text))
              ((thing-at-point-newsgroup-p text) (concat "news:" text)))))))

;;;; How each kind of thing is found

;; (THING PROPERTY VALUE...) for each property set; a kind missing here moves
;; by its forward-THING function (word, sentence, paragraph, whitespace...).
(let ((url-edge
       (lambda (side)
         (lambda ()
           (let ((span (thing-at-point-bounds-of-url-at-point)))
             (unless span (error "No URL here"))
             (goto-char (funcall side span)))))))
  (dolist (entry
           (list
            (list 'symbol 'beginning-op 'thing-at-point--beginning-of-symbol)
            (list 'sexp 'end-op 'thing-at-point--end-of-sexp
                  'beginning-op 'thing-at-point--beginning-of-sexp)
            (list 'list 'bounds-of-thing-at-point 'thing-at-point-bounds-of-list-at-point)
            (list 'string 'bounds-of-thing-at-point 'thing-at-point-bounds-of-string-at-point)
            (list 'number 'thing-at-point 'number-at-point)
            (list 'existing-filename 'thing-at-point 'thing-at-point-file-at-point)
            (list 'url 'thing-at-point 'thing-at-point-url-at-point
                  'bounds-of-thing-at-point 'thing-at-point-bounds-of-url-at-point
                  'end-op (funcall url-edge #'cdr)
                  'beginning-op (funcall url-edge #'car))
            (list 'email
                  'bounds-of-thing-at-point
                  (lambda () (thing-at-point--match-span thing-at-point-email-regexp 500))
                  'thing-at-point
                  (lambda ()
                    (let ((span (bounds-of-thing-at-point 'email)))
                      (when span (buffer-substring (car span) (cdr span))))))
            (list 'uuid 'bounds-of-thing-at-point
                  (lambda () (thing-at-point--match-span thing-at-point-uuid-regexp 36)))
            (list 'line 'beginning-op
                  (lambda () (beginning-of-line (if (bolp) 0 1))))
            (list 'buffer
                  'end-op (lambda () (goto-char (point-max)))
                  'beginning-op (lambda () (goto-char (point-min))))
            (list 'defun 'end-op #'end-of-defun 'beginning-op #'beginning-of-defun
                  'forward-op #'end-of-defun)
            (list 'region 'bounds-of-thing-at-point
                  (lambda ()
                    (if (use-region-p) (cons (region-beginning) (region-end)))))))
    (let ((kind (car entry)) (props (cdr entry)))
      (while props
        (put kind (pop props) (pop props))))))

;;;; Reading the thing at point

(defun thing-at-point--read-from-whole-string (str) "Read one Lisp object from STR, an error if anything but whitespace follows it."
  (let* ((got (read-from-string str))
         (rest (substring str (cdr got))))
    (if (string-match-p "\\`[ \t\n\f\r]*\\'" rest)
        (car got)
      (error "Can't read whole string"))))

(defun sexp-at-point () "Return the Lisp object written at point, or nil." (form-at-point 'sexp))

(defun form-at-point (&optional thing pred) "Return the Lisp object the THING at point (default `sexp') reads as, or nil.
With PRED, nil unless PRED accepts the object."
  (let ((obj (ignore-errors
               (thing-at-point--read-from-whole-string
                (thing-at-point (or thing 'sexp))))))
    (and (or (null pred) (funcall pred obj)) obj)))

(defun symbol-at-point () "Return the symbol named at point, interned, or nil."
  (let ((name (thing-at-point 'symbol)))
    (and name (intern name))))

(defun list-at-point (&optional ignore-comment-or-string) "Return the list written around point, or nil.
With IGNORE-COMMENT-OR-STRING, inside a comment or a string look from its start."
  (save-excursion
    (let ((ppss (and ignore-comment-or-string (syntax-ppss))))
      (if (or (nth 3 ppss) (nth 4 ppss)) (goto-char (nth 8 ppss))))
    (form-at-point 'list 'listp)))

;; Older names.
(defun in-string-p () "Return the string's delimiter character if point is inside a string, else nil."
  (declare (obsolete "use (nth 3 (syntax-ppss)) instead." "25.1"))
  (nth 3 (syntax-ppss)))
(define-obsolete-function-alias 'read-from-whole-string 'thing-at-point--read-from-whole-string "25.1")
(define-obsolete-function-alias 'end-of-sexp 'thing-at-point--end-of-sexp "25.1")
(define-obsolete-function-alias 'beginning-of-sexp 'thing-at-point--beginning-of-sexp "25.1")

;;; thingatpt.el ends here
