;;; regexp.el --- Lisp-level regexp helpers: match-string, split-string, replace-regexp-in-string, regexp-opt  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented behaviour.

(defmacro save-match-data (&rest body)
  "Run BODY, then restore the match data as it was."
  (declare (indent 0) (debug t))
  (let ((saved (make-symbol "saved-match-data")))
    `(let ((,saved (match-data)))
       (unwind-protect (progn ,@body)
         (set-match-data ,saved t)))))

(defun string-match-p (regexp string &optional start)
  "Like `string-match' but leave the match data alone."
  (let ((inhibit-changing-match-data t))
    (string-match regexp string start)))

(defun match-string (num &optional string)
  "The text matched by group NUM of the last search (in STRING if it was a string match), or nil."
  (when (match-beginning num)
    (if string
        (substring string (match-beginning num) (match-end num))
      (buffer-substring (match-beginning num) (match-end num)))))

(defun match-string-no-properties (num &optional string)
  "Like `match-string' without text properties."
  (when (match-beginning num)
    (if string
        (substring-no-properties string (match-beginning num) (match-end num))
      (buffer-substring-no-properties (match-beginning num) (match-end num)))))

(defun replace-regexp-in-string (regexp rep string &optional fixedcase literal subexp start)
  "Replace every match of REGEXP in STRING (from START) with REP, a string or a function of the match."
  (let ((l (length string))
        (start (or start 0))
        matches str mb me)
    (save-match-data
      (while (and (< start l) (string-match regexp string start))
        (setq mb (match-beginning 0)
              me (match-end 0))
        ;; An empty match right where the last one ended moves on one char.
        (when (= me mb) (setq me (min l (1+ mb))))
        ;; Match again on just this piece, so that REP's function and
        ;; replace-match see match data relative to it.
        (match-data--translate (- mb))
        (setq str (substring string mb me))
        (setq matches
              (cons (replace-match (if (stringp rep)
                                       rep
                                     (funcall rep (match-string 0 str)))
                                   fixedcase literal str subexp)
                    (cons (substring string start mb)
                          matches)))
        (setq start me))
      (setq matches (cons (substring string start l) matches))
      (apply #'concat (nreverse matches)))))

(defconst split-string-default-separators "[ \f\t\n\r\v]+"
  "The default separators of `split-string'.")

(defun split-string (string &optional separators omit-nulls trim)
  "Split STRING at matches of SEPARATORS (default whitespace, omitting empty parts) into a list."
  (let* ((keep-nulls (not (if separators omit-nulls t)))
         (rexp (or separators split-string-default-separators))
         (start 0) this-start this-end notfirst (list nil)
         (push-one
          (lambda ()
            (when trim
              (let ((tem (string-match trim string this-start)))
                (and (eq tem this-start)
                     (setq this-start (match-end 0)))))
            (when trim
              (let ((tem (string-match (concat trim "\\'") string this-start)))
                (and tem (< tem this-end)
                     (setq this-end tem))))
            (when (or keep-nulls (< this-start this-end))
              (let ((this (substring string this-start this-end)))
                (when trim
                  (let ((tem (string-match (concat trim "\\'") this 0)))
                    (and tem (< tem (length this))
                         (setq this (substring this 0 tem)))))
                (when (or keep-nulls (> (length this) 0))
                  (push this list)))))))
    (while (and (string-match rexp string
                              (if (and notfirst
                                       (= start (match-beginning 0))
                                       (< start (length string)))
                                  (1+ start) start))
                (< start (length string)))
      (setq notfirst t)
      (setq this-start start this-end (match-beginning 0)
            start (match-end 0))
      (funcall push-one))
    (setq this-start start this-end (length string))
    (funcall push-one)
    (nreverse list)))

(defun string-trim-left (string &optional regexp)
  "Remove the leading match of REGEXP (default whitespace) from STRING."
  (if (string-match (if regexp (concat "\\`\\(?:" regexp "\\)") "\\`[ \t\n\r]+") string)
      (substring string (match-end 0))
    string))

(defun string-trim-right (string &optional regexp)
  "Remove the trailing match of REGEXP (default whitespace) from STRING."
  (let ((i (string-match-p (if regexp (concat "\\(?:" regexp "\\)\\'") "[ \t\n\r]+\\'") string)))
    (if i (substring string 0 i) string)))

(defun string-trim (string &optional trim-left trim-right)
  "Remove leading and trailing whitespace (or TRIM-LEFT/TRIM-RIGHT matches) from STRING."
  (string-trim-left (string-trim-right string trim-right) trim-left))

;;; regexp-opt: a regexp matching any of a list of strings, factored on common prefixes and suffixes.

(defun regexp-opt (strings &optional paren keep-order)
  "Return a regexp matching any string in STRINGS; PAREN says how to group it (see GNU's docs)."
  (save-match-data
    (let* ((max-lisp-eval-depth 10000)
           (completion-ignore-case nil)
           (completion-regexp-list nil)
           (open (cond ((stringp paren) paren) (paren "\\(")))
           (re (if strings
                   (regexp-opt-group
                    (delete-dups (sort (copy-sequence strings) 'string-lessp))
                    (or open t) (not open))
                 ;; No strings: a regexp that never matches.
                 (concat (or open "\\(?:") regexp-unmatchable "\\)"))))
      (ignore keep-order)
      (cond ((eq paren 'words) (concat "\\<" re "\\>"))
            ((eq paren 'symbols) (concat "\\_<" re "\\_>"))
            (t re)))))

(defconst regexp-unmatchable "\\`a\\`"
  "A regexp that matches nothing.")

(defun regexp-opt-group (strings &optional paren lax)
  "A regexp for sorted, duplicate-free STRINGS; PAREN non-nil groups it, LAX lets a single char go ungrouped."
  (let* ((open-group (cond ((stringp paren) paren) (paren "\\(?:") (t "")))
         (close-group (if paren "\\)" ""))
         (open-charset (if lax "" open-group))
         (close-charset (if lax "" close-group)))
    (cond
     ((= (length strings) 1)
      (if (= (length (car strings)) 1)
          (concat open-charset (regexp-quote (car strings)) close-charset)
        (concat open-group (regexp-quote (car strings)) close-group)))
     ((= (length (car strings)) 0)
      (concat open-charset
              (regexp-opt-group (cdr strings) t t) "?"
              close-charset))
     (t
      (let ((prefix (try-completion "" strings)))
        (if (> (length prefix) 0)
            (let* ((n (length prefix))
                   (suffixes (mapcar (lambda (s) (substring s n)) strings)))
              (concat open-group
                      (regexp-quote prefix)
                      (regexp-opt-group suffixes t t)
                      close-group))
          (let* ((sgnirts (mapcar #'reverse strings))
                 (xiffus (try-completion "" sgnirts)))
            (if (> (length xiffus) 0)
                (let* ((n (- (length xiffus)))
                       (prefixes
                        (sort (mapcar (lambda (s) (substring s 0 n)) strings)
                              'string-lessp)))
                  (concat open-group
                          (regexp-opt-group prefixes t t)
                          (regexp-quote (nreverse xiffus))
                          close-group))
              (let ((half1 ()) (half2 ()) (letters ()) (rest ()))
                (dolist (s strings)
                  (if (= (length s) 1) (push s letters) (push s rest)))
                (if (> (length letters) 1)
                    (progn
                      (setq letters (nreverse letters) rest (nreverse rest))
                      (if rest
                          (concat open-group
                                  (regexp-opt-group rest) "\\|"
                                  (regexp-opt-charset letters)
                                  close-group)
                        (concat open-charset (regexp-opt-charset letters) close-charset)))
                  (let ((char (substring (car strings) 0 1)))
                    (dolist (s strings)
                      (if (string-equal (substring s 0 1) char)
                          (push s half1)
                        (push s half2)))
                    (setq half1 (nreverse half1) half2 (nreverse half2))
                    (if half2
                        (concat open-group
                                (regexp-opt-group half1)
                                "\\|" (regexp-opt-group half2)
                                close-group)
                      (concat open-group (regexp-opt-group half1) close-group)))))))))))))

(defun regexp-opt-charset (chars)
  "A bracket expression matching any of CHARS (a list of characters or one-char strings)."
  (let ((set (make-char-table 'regexp-opt-charset))
        (start -1) (end -2) (charset "") (bracket "") (dash "") (caret ""))
    (dolist (c chars)
      (when (stringp c) (setq c (string-to-char c)))
      (cond ((eq c ?\]) (setq bracket "]"))
            ((eq c ?^) (setq caret "^"))
            ((eq c ?-) (setq dash "-"))
            (t (aset set c t))))
    (map-char-table
     (lambda (c v)
       (when v
         (if (consp c)
             (if (= (1- (car c)) end) (setq end (cdr c))
               (if (> end (+ start 2))
                   (setq charset (format "%s%c-%c" charset start end))
                 (while (>= end start)
                   (setq charset (format "%s%c" charset start))
                   (setq start (1+ start))))
               (setq start (car c) end (cdr c)))
           (if (= (1- c) end) (setq end c)
             (if (> end (+ start 2))
                 (setq charset (format "%s%c-%c" charset start end))
               (while (>= end start)
                 (setq charset (format "%s%c" charset start))
                 (setq start (1+ start))))
             (setq start c end c)))))
     set)
    (when (>= end start)
      (if (> end (+ start 2))
          (setq charset (format "%s%c-%c" charset start end))
        (while (>= end start)
          (setq charset (format "%s%c" charset start))
          (setq start (1+ start)))))
    (if (and (string-equal charset "") (string-equal bracket "")
             (string-equal dash "") (string-equal caret ""))
        (if (= (length chars) 1) (regexp-quote (if (stringp (car chars)) (car chars) (string (car chars)))) "")
      (if (and (= (length charset) 0) (= (length bracket) 0) (= (length dash) 0)
               (not (string-equal caret "")) (= (length chars) 1))
          "\\^"
        (concat "[" bracket charset caret dash "]")))))

(defun regexp-opt-depth (regexp)
  "The number of capturing groups in REGEXP."
  (save-match-data
    (string-match regexp "")
    (let ((count 0) start last)
      (while (string-match "\\\\(\\(\\?[0-9]*:\\)?" regexp start)
        (setq start (match-end 0))
        (when (and (not (match-beginning 1))
                   (subregexp-context-p regexp (match-beginning 0) last))
          (setq count (1+ count)))
        (setq last (match-beginning 0)))
      count)))
