;;; regexp.el --- match data helpers, string splitting and regexp building for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.
;;
;; Preloaded.  Besides the small match-data conveniences this file holds
;; `split-string', `replace-regexp-in-string', the `string-trim' family
;; and `regexp-opt'.  Programs compare the regexps `regexp-opt' builds,
;; so its output has to be the very string GNU produces; the rules it
;; follows were worked out by running GNU on many lists of strings.

(defmacro save-match-data (&rest body) "Run the forms of BODY, then put the match data back as they were before.
The match data are put back however BODY is left, and the value of its
last form is returned." (declare (indent 0) (debug t))
  ;; The expansion is the one GNU produces, since code may look at it.
  (list 'let '((save-match-data-internal (match-data)))
        (list 'unwind-protect
              (cons 'progn body)
              '(set-match-data save-match-data-internal 'evaporate))))

(defun string-match-p (regexp string &optional start) "Return the index in STRING where REGEXP first matches, from START, or nil.
Unlike `string-match', this leaves the match data untouched."
  (let ((inhibit-changing-match-data t)) (string-match regexp string start)))

;; `match-string' and `match-string-no-properties' are primitives (search.ts).
(put 'match-string 'side-effect-free t)
(put 'match-string-no-properties 'side-effect-free t)

;;;; Replacing and splitting.

(defun replace-regexp-in-string (regexp rep string &optional fixedcase literal subexp start)
  "Return a copy of STRING with every match of REGEXP replaced by REP.
REP is a replacement string, as for `replace-match', or a function
called with the matched text and returning the replacement.  While REP
runs, the match data describe the match relative to the matched text
alone.  FIXEDCASE, LITERAL and SUBEXP are passed on to `replace-match'.
When START is given, matching begins there and the first START
characters are left out of the result.  The match data are preserved."
  (let ((end (length string))
        (pos (or start 0))
        (pieces nil))
    (save-match-data
      (if (and (stringp rep) (stringp string) (natnump pos)
               (not inhibit-changing-match-data))
          ;; The loop below for a string REP, in one primitive: the same
          ;; steps without a Lisp call per match.
          (replace-regexp-in-string--string regexp rep string fixedcase literal subexp pos)
        (while (and (< pos end) (string-match regexp string pos))
          (let* ((from (match-beginning 0))
                 ;; An empty match takes the character after it along, so
                 ;; that the search moves on.
                 (to (max (match-end 0) (min end (1+ from))))
                 (chunk (substring string from to)))
            ;; Make the match data refer to CHUNK, for REP and `replace-match'.
            (match-data--translate (- from))
            (push (substring string pos from) pieces)
            (push (replace-match (if (stringp rep)
                                     rep
                                   (funcall rep (match-string 0 chunk)))
                                 fixedcase literal chunk subexp)
                  pieces)
            (setq pos to)))
        (push (substring string pos end) pieces)
        (apply #'concat (nreverse pieces))))))

;;;; Searching buffers (the primitives are in search-buffer.ts).

;; `search-forward-regexp' and `search-backward-regexp' are in subr.el.

(defun looking-at-p (regexp) "Return t if the text after point matches REGEXP, leaving the match data alone." (declare (side-effect-free t))
  (let ((inhibit-changing-match-data t)) (looking-at regexp)))

(defun looking-back (regexp &optional limit greedy) "Return non-nil if the text before point matches REGEXP, ending at point.
The search goes back no further than LIMIT.  With GREEDY non-nil the
match is made to start as early as it can; the match data describe it."
  (let ((start (point))
        (found (save-excursion
                 (and (re-search-backward (concat "\\(?:" regexp "\\)\\=") limit t) (point)))))
    (when (and greedy found)
      ;; Move the start back while REGEXP still matches up to START.
      (save-restriction
        (narrow-to-region (point-min) start)
        (let ((anchored (concat "\\(?:" regexp "\\)\\'")))
          (while (and (> found (point-min))
                      (save-excursion (goto-char (1- found)) (looking-at anchored)))
            (setq found (- found 1)))
          (save-excursion (goto-char found) (looking-at anchored)))))
    (not (null found))))

(defun regexp--region-bounds (start end) "Check START and END for a replacement in a region and fill in defaults.
Return (START . END): point and the end of the accessible part stand in
for nil."
  (cond ((null start) (setq start (point)))
        ((< start (point-min)) (error "Start before start of buffer")))
  (cond ((null end) (setq end (point-max)))
        ((> end (point-max)) (error "End after end of buffer")))
  (cons start end))

(defun regexp--replace-in-region (finder target replacement literal start end) "Replace what FINDER finds of TARGET from START to END by REPLACEMENT.
FINDER is `re-search-forward' or `search-forward'; LITERAL is passed to
`replace-match'.  Return how many were replaced, nil for none."
  (let ((bounds (regexp--region-bounds start end))
        (n 0))
    (save-excursion
      (goto-char (car bounds))
      (let ((case-fold-search nil))
        (while (funcall finder target (cdr bounds) t)
          (replace-match replacement t literal)
          (setq n (+ n 1)))))
    (if (> n 0) n)))

(defun replace-regexp-in-region (regexp replacement &optional start end) "Replace each match of REGEXP between START and END by REPLACEMENT.
START defaults to point and END to the end of the accessible part.
REPLACEMENT may use `\\\\&' and `\\\\N' as in `replace-match'; its case is
kept and the search is case-sensitive.  Point does not move.  Return
the number of replacements, or nil when there was none."
  (regexp--replace-in-region #'re-search-forward regexp replacement nil start end))

(defun replace-string-in-region (string replacement &optional start end) "Replace each occurrence of STRING between START and END by REPLACEMENT.
As `replace-regexp-in-region', but STRING and REPLACEMENT are taken
literally.  Return the number of replacements, or nil when there was none."
  (regexp--replace-in-region #'search-forward string replacement t start end))

(defun match-substitute-replacement (replacement &optional fixedcase literal string subexp)
  "Return REPLACEMENT as `replace-match' would insert it for the last match.
FIXEDCASE, LITERAL, STRING and SUBEXP mean what they mean there."
  (let ((whole (match-string 0 string))
        (shift (- (match-beginning 0))))
    (save-match-data
      ;; Make the match data relative to WHOLE, then replace in it.
      (match-data--translate shift)
      (replace-match replacement fixedcase literal whole subexp))))

(defconst split-string-default-separators "[ \f\t\n\r\v]+"
  "The regexp `split-string' splits at when not given SEPARATORS.")

(defun split-string--piece (string from to trim keep acc) "Push the part of STRING between FROM and TO onto ACC and return ACC.
TRIM, when non-nil, is a regexp whose matches are cut from both ends of
the part.  Unless KEEP is non-nil an empty part is dropped."
  ;; The caller looks at the match data the trimming searches leave.
  (when (and trim (eql (string-match trim string from) from))
    (setq from (match-end 0)))
  (if (not (or keep (< from to)))
      acc
    (let ((part (substring string from to)))
      (when trim
        (let ((cut (string-match (concat trim "\\'") part)))
          (when cut
            (setq part (substring part 0 cut)))))
      (if (or keep (> (length part) 0))
          (cons part acc)
        acc))))

(defun split-string (string &optional separators omit-nulls trim) "Split STRING into the list of substrings found between matches of SEPARATORS.
SEPARATORS is a regexp, by default `split-string-default-separators'.
Empty substrings are dropped when OMIT-NULLS is non-nil, and always
when SEPARATORS is nil.  TRIM, if non-nil, is a regexp matching text to
remove from both ends of every substring.  The match data are changed."
  (let ((keep (and separators (not omit-nulls)))
        (regexp (or separators split-string-default-separators))
        ;; GNU's first use of STRING is a search, which checks the regexp and then the
        ;; string: either failing is a stringp error, the regexp's first.
        (size (cond ((not (stringp (or separators "")))
                     (signal 'wrong-type-argument (list 'stringp separators)))
                    ((stringp string) (length string))
                    (t (signal 'wrong-type-argument (list 'stringp string)))))
        (pos 0)
        (searched nil)
        (acc nil))
    (if (and (not trim) (not inhibit-changing-match-data))
        ;; The same loop in one primitive: no Lisp call per piece.
        (split-string--pieces regexp string keep)
      ;; After an empty match at POS the next search starts one further on.
      ;; That test reads the match data, which trimming may have changed.
      (while (and (string-match regexp string
                                (if (and searched
                                         (= pos (match-beginning 0))
                                         (< pos size))
                                    (1+ pos)
                                  pos))
                  (< pos size))
        (setq searched t)
        ;; Trimming the piece changes the match data: read them first.
        (let ((from pos)
              (to (match-beginning 0))
              (after (match-end 0)))
          (setq acc (split-string--piece string from to trim keep acc)
                pos after)))
      (nreverse (split-string--piece string pos size trim keep acc)))))

(defun string-trim-left (string &optional regexp) "Return STRING without its leading whitespace, or leading match of REGEXP.
Whitespace here means spaces, tabs, newlines and carriage returns."
  (let* ((pattern (if regexp
                      (concat "\\`\\(?:" regexp "\\)")
                    "\\`[ \t\n\r]+"))
         (start (and (string-match pattern string) (match-end 0))))
    (if start (substring string start) string)))

(defun string-trim-right (string &optional regexp) "Return STRING without its trailing whitespace, or trailing match of REGEXP.
Whitespace here means spaces, tabs, newlines and carriage returns."
  (let ((cut (string-match-p (if regexp
                                 (concat "\\(?:" regexp "\\)\\'")
                               "[ \t\n\r]+\\'")
                             string)))
    (if cut (substring string 0 cut) string)))

(defun string-trim (string &optional trim-left trim-right) "Return STRING with whitespace removed from both ends.
TRIM-LEFT and TRIM-RIGHT, when given, are the regexps to remove at the
start and at the end instead."
  (let ((without-tail (string-trim-right string trim-right)))
    (string-trim-left without-tail trim-left)))

;;;; Building a regexp that matches a set of strings.

(defconst regexp-unmatchable "\\`a\\`"
  "A regexp that no string or buffer text can match.")

(defun regexp-opt--common-head (strings) "Return the longest string that every element of STRINGS starts with."
  (let ((head (car strings)))
    (dolist (s (cdr strings))
      (let ((diff (compare-strings head nil nil s nil nil)))
        (unless (eq diff t)
          (setq head (substring head 0 (1- (abs diff)))))))
    head))

(defun regexp-opt--common-tail (strings) "Return the longest string that every element of STRINGS ends with."
  (reverse (regexp-opt--common-head (mapcar #'reverse strings))))

(defun regexp-opt--enclose (open text) "Return TEXT inside a group that starts with OPEN, or TEXT itself if OPEN is nil."
  (if open (concat open text "\\)") text))

(defun regexp-opt--build (strings open loose) "Return a regexp matching exactly the members of STRINGS.
STRINGS is a sorted list of distinct strings, at least one.  OPEN is the
string that opens a group around the result, nil for no group.  When
LOOSE is non-nil a result that is a single character, a bracket
expression or an optional such thing is left without that group."
  (let ((atom-open (if loose nil open))
        (first (car strings)))
    (cond
     ((null (cdr strings))
      (regexp-opt--enclose (if (= (length first) 1) atom-open open)
                           (regexp-quote first)))
     ;; The empty string sorts first: the rest becomes optional.
     ((= (length first) 0)
      (regexp-opt--enclose
       atom-open
       (concat (regexp-opt--build (cdr strings) "\\(?:" t) "?")))
     (t
      (let* ((head (regexp-opt--common-head strings))
             (head-length (length head)))
        (if (> head-length 0)
            (regexp-opt--enclose
             open
             (concat (regexp-quote head)
                     (regexp-opt--build
                      (mapcar (lambda (s) (substring s head-length)) strings)
                      "\\(?:" t)))
          (let* ((tail (regexp-opt--common-tail strings))
                 (tail-length (length tail)))
            (if (= tail-length 0)
                (regexp-opt--alternatives strings open atom-open)
              ;; Cutting the tail off can change the order of the strings.
              (regexp-opt--enclose
               open
               (concat (regexp-opt--build
                        (sort (mapcar (lambda (s)
                                        (substring s 0 (- tail-length)))
                                      strings)
                              #'string-lessp)
                        "\\(?:" t)
                       (regexp-quote tail)))))))))))

(defun regexp-opt--split (strings test) "Return (PASSING . FAILING), the members of STRINGS divided by TEST.
Both lists keep the order of STRINGS."
  (let ((passing nil)
        (failing nil))
    (dolist (elt strings)
      (if (funcall test elt)
          (push elt passing)
        (push elt failing)))
    (cons (nreverse passing) (nreverse failing))))

(defun regexp-opt--alternatives (strings open atom-open) "Return a regexp for STRINGS, which share neither a prefix nor a suffix.
If the first string is one character long and others are too, those
become one bracket expression, placed after the longer strings.
Otherwise the strings are split into those starting like the first one
and the others.  OPEN and ATOM-OPEN are as
in `regexp-opt--build'."
  (let* ((by-length (regexp-opt--split strings
                                       (lambda (s) (= (length s) 1))))
         (chars (mapcar (lambda (s) (aref s 0)) (car by-length)))
         (longer (cdr by-length)))
    ;; GNU takes the bracket-expression route only when the first string
    ;; is itself one character long.
    (if (and (cdr chars) (= (length (car strings)) 1))
        (let ((set (regexp-opt-charset chars)))
          (if longer
              (regexp-opt--enclose
               open (concat (regexp-opt--build longer nil nil) "\\|" set))
            (regexp-opt--enclose atom-open set)))
      (let* ((lead (aref (car strings) 0))
             (halves (regexp-opt--split strings
                                        (lambda (s) (eq (aref s 0) lead)))))
        (regexp-opt--enclose
         open
         (concat (regexp-opt--build (car halves) nil nil)
                 "\\|"
                 (regexp-opt--build (cdr halves) nil nil)))))))

(defun regexp-opt (strings &optional paren) "Return a regexp matching any one of the list of STRINGS.
The regexp shares common prefixes and suffixes, so it is usually faster
than the alternatives of the strings joined with \\|.  With STRINGS
empty it matches nothing.

PAREN chooses the grouping.  A string is used to open the group, for
example \"\\\\(?1:\"; `words' and `symbols' put the regexp in a group
between word or symbol boundaries; any other non-nil value makes it a
numbered group.  When PAREN is nil the regexp gets a shy group only
where needed for a following postfix operator to cover all of it."
  (let* ((open (cond ((stringp paren) paren)
                     (paren "\\(")))
         (group-open (or open "\\(?:"))
         (body (if strings
                   (let ((max-lisp-eval-depth (max max-lisp-eval-depth 10000)))
                     (regexp-opt--build
                      (delete-dups (sort (copy-sequence strings) #'string-lessp))
                      group-open
                      (not open)))
                 (concat group-open regexp-unmatchable "\\)"))))
    (cond ((eq paren 'words) (concat "\\<" body "\\>"))
          ((eq paren 'symbols) (concat "\\_<" body "\\_>"))
          (t body))))

(defun regexp-opt-charset (chars) "Return a regexp matching any one of the list of characters CHARS.
That is a bracket expression, or the quoted character when CHARS holds
only one distinct character, or `regexp-unmatchable' when it is empty."
  (let ((plain nil) (close-bracket nil) (caret nil) (dash nil))
    (dolist (c chars)
      (unless (fixnump c)
        (signal 'wrong-type-argument (list 'fixnump c)))
      (unless (characterp c)
        (signal 'wrong-type-argument (list 'characterp c)))
      ;; `]', `^' and `-' only stay literal at particular places in a
      ;; bracket expression, so they are put there at the end.
      (cond ((eq c ?\]) (setq close-bracket t))
            ((eq c ?^) (setq caret t))
            ((eq c ?-) (setq dash t))
            ((not (memq c plain)) (push c plain))))
    (setq plain (sort plain #'<))
    (let ((distinct (+ (length plain)
                       (if close-bracket 1 0) (if caret 1 0) (if dash 1 0))))
      (cond
       ((= distinct 0) regexp-unmatchable)
       ((= distinct 1) (regexp-quote (string (car chars))))
       (t
        ;; A caret must not come first; with nothing else to put before
        ;; it but a dash, the dash goes first.
        (if (and caret dash (null plain) (not close-bracket))
            "[-^]"
          (concat "["
                  (if close-bracket "]" "")
                  (regexp-opt--ranges plain)
                  (if caret "^" "")
                  (if dash "-" "")
                  "]")))))))

(defun regexp-opt--ranges (codes) "Return bracket-expression text for the ascending character list CODES.
A run of four or more consecutive characters is written as a range."
  (let ((runs nil))
    ;; Gather runs of consecutive codes as (LOW . HIGH), latest first.
    (dolist (c codes)
      (if (and runs (= c (1+ (cdar runs))))
          (setcdr (car runs) c)
        (push (cons c c) runs)))
    (mapconcat (lambda (run)
                 (if (>= (- (cdr run) (car run)) 3)
                     (format "%c-%c" (car run) (cdr run))
                   (apply #'string (number-sequence (car run) (cdr run)))))
               (nreverse runs) "")))

(defun regexp-opt--group-counts-p (regexp from to) "Return non-nil if the \\( at TO in REGEXP opens a group.
FROM is where the text after the last counted group opener starts, or
nil.  The text between them is compiled: running into an open bracket
expression or a lone trailing backslash means TO is not at a place
where a group can start."
  (condition-case compile-error
      (progn (string-match-p (substring regexp (or from 0) to) "") t)
    (invalid-regexp
     (not (member (cadr compile-error) '("Unmatched [ or [^" "Unmatched \\{"
                               "Trailing backslash"))))))

(defun regexp-opt-depth (regexp) "Return the number of numbered groups in REGEXP.
Shy groups \\(?: ... \\) are not counted, and neither are groups
given an explicit number with \\(?NUM: ... \\).  Signal
`invalid-regexp' if REGEXP is not a valid regexp."
  ;; Compiling REGEXP first rejects invalid ones.
  (string-match-p regexp "")
  (let ((numbered 0)
        (pos 0)
        (after-last nil))
    (while (setq pos (string-search "\\(" regexp pos))
      (let ((body-start (+ pos 2)))
        ;; A shy group \(?: or an explicitly numbered \(?NUM: is skipped
        ;; whole; anything else is checked for being a real group opener.
        (if (eql (string-match-p "\\?[0-9]*:" regexp body-start) body-start)
            (setq body-start (1+ (string-search ":" regexp body-start)))
          (when (regexp-opt--group-counts-p regexp after-last pos)
            (setq numbered (1+ numbered)
                  after-last body-start)))
        (setq pos body-start)))
    numbered))

(provide 'regexp-opt)

;;; regexp.el --- end
