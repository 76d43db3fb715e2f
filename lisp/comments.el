;;; comments.el --- commenting and uncommenting code  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (the
;; commands of its newcomment.el); autoloaded from autoloads.el.

(defvar comment-style 'indent "How `comment-region' lays comments out; a key of `comment-styles'.")
;;;###autoload
(defvar comment-styles
  ;; Each row: STYLE, what it looks like, then its MULTI ALIGN EXTRA INDENT.
  (mapcar (lambda (row) (append (list (car row)) (nth 2 row) (list (nth 1 row))))
          '((plain "Start in column 0 (do not indent), as in Emacs-20" (nil nil nil nil))
            (indent-or-triple "Start in column 0, but only for single-char starters"
                              (nil nil nil multi-char))
            (indent "Full comment per line, ends not aligned" (nil nil nil t))
            (aligned "Full comment per line, ends aligned" (nil t nil t))
            (box "Full comment per line, ends aligned, + top and bottom" (nil t t t))
            (extra-line "One comment for all lines, end on a line by itself" (t nil t t))
            (multi-line "One comment for all lines, end on last commented line" (t nil nil t))
            (box-multi "One comment for all lines, + top and bottom" (t t t t))))
  "The comment styles: (STYLE MULTI ALIGN EXTRA INDENT DOC).")
(defvar comment-inline-offset 1 "Least space between code and a comment after it.")
(defvar comment-empty-lines nil "Non-nil when `comment-region' comments empty lines too.")
(defvar comment-fill-column nil "Column comments are filled to, or nil for `fill-column'.")
(defvar comment-continue nil "String that continues a comment on the next line, or nil.")
(defvar comment-quote-nested t "Non-nil when comment delimiters inside a region are quoted.")
;;;###autoload
(defvar comment-combine-change-calls t "Non-nil when `comment-region' makes one change.")
;;;###autoload
(defvar comment-line-break-function 'comment-indent-new-line "What breaks a line inside a comment.")
(defvar comment-indent-function 'comment-indent-default "Function giving the column of a comment: a column, a range (MIN . MAX) of them, or nil.")
;;;###autoload
(defvar comment-insert-comment-function nil "Function inserting a comment, or nil.")
(defvar comment-region-function #'comment-region-default "The function `comment-region' hands its work to.")
(defvar uncomment-region-function #'uncomment-region-default "The function `uncomment-region' hands its work to.")
;;;###autoload
(defvar block-comment-start nil "String starting a block comment, or nil.")
;;;###autoload
(defvar block-comment-end nil "String ending a block comment, or nil.")
;;;###autoload
(defvar comment-use-global-state t "Non-nil when comments are found by parsing from the buffer's start.")
;;;###autoload
(defvar comment-quote-nested-function #'comment-quote-nested-default "Function that quotes or unquotes nested comment delimiters.")
(defvar comment-end-can-be-escaped nil "Non-nil when a backslash can escape the end of a comment.")

;;; Normalizing the settings.

(defun comment-string-strip (str beforep afterp) "STR without its leading (BEFOREP) and trailing (AFTERP) blanks and newlines."
  (let ((start (if beforep (progn (string-match "\\`[ \t\n]*" str) (match-end 0)) 0))
        (end (if afterp (progn (string-match "[ \t\n]*\\'" str) (match-beginning 0)) (length str))))
    (substring str start (max start end))))

(defun comment-string-reverse (s) "S with its characters in reverse order."
  (apply #'string (nreverse (string-to-list s))))

(defun comment--repeat-first-regexp (text) "Regexp for TEXT whose first character may appear several times."
  (if (string= text "")
      ""
    (concat (regexp-quote (substring text 0 1)) "+" (regexp-quote (substring text 1)))))

(defun comment--repeat-last-regexp (text) "Regexp for TEXT whose last character may appear several times."
  (if (string= text "")
      ""
    (concat (regexp-quote text) "+")))

(defun comment-normalize-vars (&optional noerror) "Check and complete the comment settings of the buffer.
Without `comment-start', signal an error, or with NOERROR return nil.
Missing `comment-start-skip' and `comment-end-skip' are built from the
starter and ender, and `comment-padding' becomes a string."
  (if (not comment-start)
      (unless noerror (error "No comment syntax is defined"))
    (when (integerp comment-padding)
      (setq comment-padding (make-string comment-padding ?\s)))
    ;; A block comment's later lines start with the starter less its first character.
    (when (and (null comment-continue) comment-end (not (string= comment-end "")))
      (setq-local comment-continue
                  (concat (if (= (length (comment-string-strip comment-start t t)) 1) "|" " ")
                          (substring comment-start 1))))
    ;; Undecided: the syntax table tells whether the starter is a comment starter.
    (when (eq comment-use-syntax 'undecided)
      (let ((lead (aref (comment-string-strip comment-start t t) 0)))
        (setq-local comment-use-syntax (eq (char-syntax lead) ?<))))
    (unless comment-start-skip
      (setq-local comment-start-skip
                  (concat "\\(\\(^\\|[^\\\n]\\)\\(\\\\\\\\\\)*\\)\\(?:\\s<+\\|"
                          (regexp-quote (substring (comment-string-strip comment-start t t) 0 -1))
                          (regexp-quote (substring (comment-string-strip comment-start t t) -1))
                          "+\\)[ \t]*")))
    (unless comment-end-skip
      (let ((ender (comment-string-strip comment-end t t)))
        (setq-local comment-end-skip
                    (concat "[ \t]*\\(\\s>\\|"
                            (if (string= ender "") "\n" (comment--repeat-first-regexp ender))
                            "\\)"))))
    comment-end-skip))

(defun comment-add (arg) "How many comment characters to add: ARG less one when given.
Without ARG, `comment-add' for a one-character starter, else none."
  (cond (arg (1- (prefix-numeric-value arg)))
        ((= (length (comment-string-strip comment-start t t)) 1) comment-add)
        (t 0)))

(defun comment--longer-blanks (own) "The longer of OWN (a string's own blanks) and `comment-padding'."
  (let ((pad (or comment-padding "")))
    (if (> (length own) (length pad)) own pad)))

(defun comment-padright (str &optional n) "STR with `comment-padding' after it and, with N, its last character N more times.
Nil for an empty STR."
  (unless (member str '(nil ""))
    (let* ((core (comment-string-strip str t t))
           (more (if (and n (> n 0)) (make-string n (aref core (1- (length core)))) ""))
           (padding (if (string-match "[ \t]\\'" str) (substring str (match-beginning 0))
                      (or comment-padding ""))))
      (ignore padding)
      (concat core more (comment--longer-blanks (substring str (length (comment-string-strip str nil t))))))))

(defun comment-padleft (str &optional n) "STR with `comment-padding' before it and, with N, its first character N more times.
Nil for an empty STR."
  (unless (member str '(nil ""))
    (let* ((core (comment-string-strip str t t))
           (more (if (and n (> n 0)) (make-string n (aref core 0)) ""))
           (lead (comment--longer-blanks (substring str 0 (- (length str) (length (comment-string-strip str t nil)))))))
      (concat lead more core))))

(defun comment-quote-re (str unp) "Regexp for the delimiter STR: quoted with backslashes after its
first character when UNP, or with or without them otherwise."
  (format "%s%s%s"
          (regexp-quote (string (aref str 0)))
          (if unp "\\\\+" "\\\\*")
          (regexp-quote (substring str 1))))

(defun comment-quote-nested-default (cs ce unp) "Quote the comment delimiters CS and CE after point with a backslash
after their first character, or with UNP remove one such backslash.
Only delimiters longer than one character are quoted."
  (when (and (> (length cs) 1) (> (length ce) 1))
    (let ((either (concat (comment-quote-re ce unp) "\\|" (comment-quote-re cs unp))))
      (while (re-search-forward either nil t)
        (let ((after-first (1+ (match-beginning 0))))
          (if unp
              (delete-region after-first (1+ after-first))
            (save-excursion (goto-char after-first) (insert "\\"))))))))

(defun comment-quote-nested (cs ce unp) "Quote or unquote nested comment delimiters CS and CE, as `comment-quote-nested' allows."
  (when (and comment-quote-nested cs ce)
    (funcall comment-quote-nested-function
             (comment-string-strip cs t t) (comment-string-strip ce t t) unp)))

(defmacro comment-with-narrowing (beg end &rest body) "Run BODY narrowed to BEG..END, with the first line's indentation made room for."
  (declare (indent 2) (debug t))
  `(save-restriction (narrow-to-region ,beg ,end) ,@body))

;;; Finding comments.

(defun comment--skip-end (start) "Where the comment starter matched by `comment-start-skip' at START ends, or START."
  (save-excursion (goto-char start)
    (if (looking-at comment-start-skip) (match-end 0) start)))

(defun comment-search-forward (limit &optional noerror) "Find the next comment start before LIMIT; return its position, point after the starter.
With NOERROR, give nil when there is none instead of an error."
  (let ((start
         (if comment-use-syntax
             ;; Parse on until inside a comment; its start is the answer.
             (let ((state nil) (hit nil))
               (while (and (null hit) (< (point) limit))
                 (setq state (parse-partial-sexp (point) limit nil nil state 'syntax-table))
                 (when (nth 4 state) (setq hit (nth 8 state))))
               hit)
           (and (re-search-forward comment-start-skip limit t)
                (or (match-end 1) (match-beginning 0))))))
    (cond (start (goto-char (comment--skip-end start)) start)
          (t (goto-char limit)
             (unless noerror (error "No comment"))))))

(defun comment-search-backward (&optional limit noerror) "Find the comment start before point and after LIMIT; point after its starter.
With NOERROR, give nil when there is none instead of an error."
  (let ((start
         (catch 'hit
           (while (re-search-backward comment-start-skip limit t)
             (let ((candidate (or (match-end 1) (match-beginning 0))))
               ;; Only a starter that really opens a comment counts.
               (when (eql candidate (save-excursion (nth 8 (syntax-ppss (1+ candidate)))))
                 (throw 'hit candidate))))
           nil)))
    (cond (start (goto-char (comment--skip-end start)) start)
          (noerror nil)
          (t (error "No comment")))))

(defun comment-beginning () "If point is in a comment, give its start and move just after the starter; else nil."
  (let ((start (nth 8 (syntax-ppss))))
    (when (and start (not (nth 3 (syntax-ppss))))
      (goto-char (comment--skip-end start))
      start)))

(defun comment-forward (&optional n) "Move over N comments and blanks, like `forward-comment' but over non-syntax comments too."
  (forward-comment (or n 1)))

(defun comment-enter-backward () "Move back from the end of a comment over its ender."
  (if (string= comment-end "") (skip-chars-backward " \t")
    (when (looking-back comment-end-skip (line-beginning-position))
      (goto-char (match-beginning 0)))))

(defun comment-only-p (beg end) "Non-nil when the text between BEG and END is only comments and blanks."
  (<= end (save-excursion (goto-char beg) (forward-comment most-positive-fixnum) (point))))

(defun comment-valid-prefix-p (prefix compos) "Non-nil when PREFIX, before a comment at COMPOS, can be a fill prefix for it."
  (or (not comment-use-syntax)
      (string-match-p "\\`[ \t]*\\'" prefix)
      (save-excursion (goto-char compos) (looking-at (regexp-quote prefix)))))

;;; One comment after code.

(defun comment-choose-indent (&optional indent) "The column for a comment on this line, INDENT (or `comment-column') adjusted.
It is moved right past the code, `comment-inline-offset' after it."
  (let* ((wanted (or indent comment-column))
         (code-end (save-excursion (skip-chars-backward " \t") (current-column))))
    (if (and (> code-end 0) (< wanted (+ code-end comment-inline-offset)))
        (+ code-end comment-inline-offset)
      wanted)))

(defun comment-indent-default () "Default `comment-indent-function': `comment-column' after code, column 0
on a line that holds nothing else."
  (if (save-excursion (skip-chars-backward " \t") (bolp))
      0
    comment-column))

(defun comment--find-on-line () "The start of a comment on this line, or nil; point is left at it."
  (let ((eol (line-end-position)) (found nil)) (forward-line 0)
    (while (and (not found) (re-search-forward comment-start-skip eol t))
      (let ((start (or (match-end 1) (match-beginning 0))))
        (when (save-excursion
                (let ((state (syntax-ppss start)))
                  (not (or (nth 3 state) (nth 4 state)))))
          (setq found start))))
    (when found (goto-char found))
    found))

(defun comment-indent (&optional continue) "Put a comment on this line at the comment column, or move the existing one there.
Point ends after the comment starter.  CONTINUE makes a new comment use
`comment-continue'." (interactive "*") (comment-normalize-vars)
  (let ((starter (if (and continue comment-continue) comment-continue comment-start))
        (found (save-excursion (comment--find-on-line))))
    (if found (goto-char found) (end-of-line))
    (let* ((wanted (save-excursion (funcall comment-indent-function)))
           (alone (save-excursion (skip-chars-backward " \t") (bolp)))
           (column (cond ((consp wanted)
                          ;; A range (MIN . MAX): `comment-column', pulled into it.
                          (max (car wanted) (min (cdr wanted) comment-column)))
                         ((and (null found) alone) (or wanted comment-column))
                         (t (comment-choose-indent wanted)))))
      (cond ((and found (null wanted))
             ;; A comment the mode leaves to the line's indentation (a Lisp ;; comment).
             (indent-according-to-mode)
             (goto-char (save-excursion (forward-line 0) (skip-chars-forward " \t") (point))))
            ((and alone (null found) (null wanted))
             ;; On a blank line the blanks before point stay; the comment goes to the column.
             (delete-region (point) (progn (skip-chars-forward " \t") (point)))
             (indent-to column))
            (t
             (delete-region (progn (skip-chars-backward " \t") (point))
                            (progn (skip-chars-forward " \t") (point)))
             (indent-to column)))
      (if found
          (let ((after (save-excursion (forward-line 0)
                                       (and (re-search-forward comment-start-skip (line-end-position) t)
                                            (match-end 0)))))
            (when after (goto-char after))) (insert starter)
        (save-excursion (insert comment-end))))
    (make-marker)))

(defun comment-set-column (arg) "Set `comment-column' to the column of point.
With ARG, take the column of the comment above and indent this line's
comment to it; with ARG `-', unset it." (interactive "P")
  (if (not arg)
      (setq comment-column (current-column))
    (if (eq arg '-)
        (setq comment-column nil)
      (let ((above (save-excursion (forward-line 0)
                     (and (re-search-backward comment-start-skip nil t)
                          (progn (goto-char (or (match-end 1) (match-beginning 0)))
                                 (current-column))))))
        (when above (setq comment-column above)))
      (comment-indent)))
  (message "Comment column set to %d" comment-column))

(defun comment-kill (arg) "Kill the comment on this line and the blanks before it; ARG lines' comments from here."
  (interactive "P") (comment-normalize-vars)
  (dotimes (_ (prefix-numeric-value arg))
    (save-excursion (forward-line 0)
      (let ((start (comment--find-on-line)))
        (when start (goto-char start) (skip-chars-backward " \t")
          (kill-region (point) (line-end-position)))))
    (when arg (forward-line 1))))

;;; Commenting regions.

(defun comment--style (&optional style) "The entry of `comment-styles' for STYLE (or `comment-style')."
  (cdr (assq (or style comment-style) comment-styles)))

(defun comment--lines (beg end) "The starts of the lines between BEG and END, as markers."
  (save-excursion (goto-char beg)
    (let ((starts nil))
      (while (< (point) end)
        (push (point-marker) starts) (forward-line 1))
      (nreverse starts))))

(defun comment--blank-line-p () "Non-nil when the line of point holds nothing but blanks."
  (save-excursion (forward-line 0) (looking-at "[ \t]*$")))

(defun comment--min-indent (lines) "The smallest indentation of the non-blank LINES."
  (let ((least nil))
    (dolist (line lines)
      (save-excursion (goto-char line)
        (unless (comment--blank-line-p)
          (setq least (min (or least most-positive-fixnum) (current-indentation))))))
    (or least 0)))

(defun comment--frame (lines column top bottom) "Put TOP on a line of its own above LINES and BOTTOM below, both at COLUMN."
  (goto-char (car (last lines)))
  (goto-char (line-end-position))
  (insert ?\n) (indent-to column) (insert bottom)
  (let ((first-line (car lines)))
    (goto-char first-line)
    (save-excursion (insert ?\n)) (indent-to column) (insert top)))

(defun comment-region-default-1 (beg end &optional arg _noadd) "Comment out the lines between BEG and END, as `comment-region-default' does."
  (unless (string= comment-end "")
    (save-excursion (save-restriction
        (narrow-to-region beg end) (goto-char (point-min))
        (comment-quote-nested comment-start comment-end nil))))
  (let* ((style (comment--style))
         (multi (nth 0 style)) (align (nth 1 style)) (extra (nth 2 style))
         (indent (nth 3 style))
         (adds (comment-add arg))
         (single-char (= (length (comment-string-strip comment-start t t)) 1))
         (ending (not (string= comment-end "")))
         (cs (comment-padright comment-start adds))
         (ce (and ending (comment-padleft comment-end adds)))
         (lines (seq-remove (lambda (m) (save-excursion (goto-char m)
                                                         (and (not comment-empty-lines)
                                                              (not (and align (not ending)))
                                                              (not (and multi ending))
                                                              (not (and align extra))
                                                              (comment--blank-line-p))))
                            (comment--lines beg end)))
         (column (cond ((not (save-excursion (goto-char beg) (bolp)))
                        ;; From inside a line: the first line is commented
                        ;; there, the others at their least indentation.
                        (comment--min-indent (cdr lines)))
                       ((eq indent 'multi-char) (if single-char 0 (comment--min-indent lines)))
                       (indent (comment--min-indent lines))
                       (t 0))))
    (when (and (eq indent 'multi-char) single-char (> adds 0)
               (> (comment--min-indent lines) 0))
      (setq cs (comment-padright comment-start 2)))
    (when (and align (not ending))
      (setq ce (comment-string-reverse cs)))
    (let* ((width (if align
                      (apply #'max 0 (mapcar (lambda (m) (save-excursion (goto-char m) (end-of-line)
                                                                           (current-column)))
                                             lines))
                    0))
           (continue (or comment-continue
                         (concat (make-string (1- (length (comment-string-strip cs nil t))) ?\s)
                                 (if (> (length (comment-string-strip cs t t)) 1)
                                     (substring (comment-string-strip cs t t) -1)
                                   (comment-string-strip cs t t))
                                 (substring cs (length (comment-string-strip cs nil t))))))
           (first t))
      (dolist (line lines)
        (goto-char line)
        ;; A region starting inside a line is commented from its start.
        (if (bolp) (move-to-column column t) (goto-char (max line (point))))
        (let ((head (cond ((and multi ending (not first)) continue)
                          ((and multi ending extra) continue)
                          (t cs))))
          (insert head))
        (when (and ce (or (not multi) (null (cdr (memq line lines))))) (end-of-line)
          (when (and align (or extra (not ending)))
            (let ((target (+ width (length cs))))
              (when (< (current-column) target) (indent-to target))))
          (unless (and multi extra)
            (insert ce)))
        (setq first nil))
      (cond
       ((and multi ending extra lines)
        ;; The starter and the ender get lines of their own.
        (comment--frame lines column (comment-string-strip cs nil t)
                        (comment-string-strip ce nil t)))
       ((and extra (not multi) lines)
        ;; A box: full-width lines of comment characters above and below.
        (let* ((core-start (comment-string-strip cs t t))
               (core-end (comment-string-strip (or ce (comment-string-reverse core-start)) t t))
               (box-width (save-excursion (goto-char (car lines)) (end-of-line)
                                          (- (current-column) column)))
               (filler (make-string (max 0 (- box-width (length core-start) (length core-end)))
                                    (aref core-start (1- (length core-start)))))
               (rule (concat core-start filler core-end)))
          (comment--frame lines column rule rule)))))
    (dolist (m lines) (set-marker m nil))
    nil))

(defun comment-region-default (beg end &optional arg) "Comment the lines between BEG and END in the style `comment-style' names.
ARG, a number, sets how many comment characters to use." (comment-normalize-vars)
  (when (or (>= beg end)
            (string-match-p "\\`[ \t\n]*\\'" (buffer-substring beg end)))
    (error "Nothing to comment"))
  (let ((end-marker (copy-marker (max beg end))))
    (save-excursion (goto-char (min beg end))
      (let ((start (point)))
        (goto-char end-marker)
        (unless (bolp) (forward-line 1))
        (comment-region-default-1 start (point) arg))) (set-marker end-marker nil)
    nil))

(defun comment-region-internal (beg end cs ce &optional _ccs _cce _block _lines _indent) "Put CS and CE around each line between BEG and END."
  (save-excursion (dolist (line (comment--lines beg end))
      (goto-char line)
      (unless (comment--blank-line-p)
        (insert cs)
        (when ce (end-of-line) (insert ce))) (set-marker line nil))))

(defun comment-make-extra-lines (cs ce ccs cce min-indent max-indent &optional block) "The top and bottom lines a boxed comment gets, as (CS . CE)."
  (ignore ccs cce block)
  (let ((width (- max-indent min-indent)))
    (cons (concat cs (make-string (max 0 width) (aref (comment-string-strip cs t t) (1- (length (comment-string-strip cs t t))))))
          (concat (make-string (max 0 width) (aref (comment-string-strip (or ce cs) t t) 0)) (or ce "")))))

(defun comment-make-bol-ws (len) "Blanks LEN columns wide, with tabs as `indent-to' would use them."
  (with-temp-buffer
    (setq indent-tabs-mode (default-value 'indent-tabs-mode))
    (indent-to len)
    (buffer-string)))

(defun comment-region (beg end &optional arg) "Comment out the lines between BEG and END.
ARG, a number, gives how many comment characters to use; negative (or
\\[universal-argument]) uncomments instead." (interactive "*r\nP") (comment-normalize-vars)
  (if (or (eq arg '-) (and (integerp arg) (< arg 0)) (consp arg))
      (uncomment-region beg end (if (consp arg) nil (- (prefix-numeric-value arg))))
    (save-excursion (funcall comment-region-function beg end arg))))

(defun comment--continue-regexp () "Regexp for the `comment-continue' prefix of a comment's later lines, or nil.
Group 1 is the prefix itself, found after the line's own indentation."
  (let* ((cc comment-continue)
         (core (and cc (comment-string-strip cc nil t))))
    (cond ((member cc '(nil "")) nil)
          ((string= core "") (concat "[ \t]*?\\(" (regexp-quote cc) "\\)"))
          (t (concat "[ \t]*?\\(" (comment--repeat-last-regexp core)
                     "\\(?:" (regexp-quote (comment--longer-blanks (substring cc (length core)))) "\\)?\\)")))))

(defun comment--ender-span (from limit) "Where the ender of the comment whose starter ends at FROM is, before LIMIT.
A list (BLANKS-START ENDER-START END), or nil when no ender follows."
  (let ((ender (comment-string-strip comment-end t t)))
    (unless (string= ender "")
      (save-excursion
        (goto-char from)
        (when (re-search-forward (concat "\\([ \t]*\\)" (comment--repeat-first-regexp ender)) limit t)
          (list (match-beginning 0) (match-end 1) (match-end 0)))))))

(defun comment--strip-later-lines (from last cont) "Drop the prefix CONT matches from the lines after FROM's, up to LAST.
Stop at the first line without one.  When FROM's line holds nothing more, the next line joins it."
  (let ((join (looking-at "[ \t]*$")))
    (while (and (= (forward-line 1) 0) (<= (point) last) (not (eobp)) (looking-at cont))
      (delete-region (if join from (match-beginning 1)) (match-end 1))
      (setq join nil))))

(defun uncomment-region-default-1 (beg end &optional arg) "Remove the comment starters (and enders) of the lines between BEG and END.
ARG, a number, removes only that many comment characters.  A comment over
several lines also loses the `comment-continue' prefix of its later lines."
  (let ((stop (copy-marker end)) (cont (comment--continue-regexp))
        ;; ARG characters go when what is left is still a whole starter.
        (least (length (comment-string-strip comment-start t t))))
    (goto-char beg)
    (while (and (< (point) stop) (re-search-forward comment-start-skip stop t))
      (let* ((from (copy-marker (or (match-end 1) (match-beginning 0))))
             (to (match-end 0))
             (core (comment-string-strip (buffer-substring from to) nil t))
             (span (comment--ender-span to stop))
             (last (copy-marker (if span (nth 2 span) (line-end-position)))))
        ;; The ender goes first, so that no continuation prefix is looked for inside it.
        (when span
          (let ((blanks (nth 0 span)) (done (nth 2 span)))
            (cond ((integerp arg)
                   ;; ARG characters go when what is left still closes the comment.
                   (delete-region (nth 1 span)
                                  (if (>= (- done (nth 1 span) arg) (length (comment-string-strip comment-end t t)))
                                      (+ (nth 1 span) arg)
                                    done)))
                  ;; Alone on a later line: that line is removed with it.
                  ((save-excursion (goto-char blanks) (and (bolp) (> (point) from)))
                   (delete-region (1- blanks) done))
                  (t (delete-region blanks done)))))
        (goto-char from)
        (if (and (integerp arg) (> arg 0) (>= (- (length core) arg) least))
            (delete-region (- (+ from (length core)) arg) (+ from (length core)))
          ;; Drop the starter and one padding's worth of blanks.
          (delete-region from (min to (+ from (length core) (length (or comment-padding ""))))))
        (when (and span cont) (comment--strip-later-lines from last cont))
        (goto-char last)
        (unless span (forward-line 1))
        (set-marker from nil)
        (set-marker last nil)))
    (set-marker stop nil)
    stop))

(defun uncomment-region-default (beg end &optional arg) "Uncomment the lines between BEG and END, as `uncomment-region' does."
  (comment-normalize-vars)
  (save-excursion (uncomment-region-default-1 beg end arg)))

(defun uncomment-region (beg end &optional arg) "Remove the comment starters and enders of the lines between BEG and END.
ARG, a number, removes only that many comment characters." (interactive "*r\nP")
  (comment-normalize-vars)
  (save-excursion (funcall uncomment-region-function (min beg end) (max beg end) arg)))

(defun comment--region-commented-p (beg end) "Non-nil when every non-blank line between BEG and END starts with a comment."
  (save-excursion (goto-char beg)
    (let ((all t) (any nil))
      (while (and all (< (point) end))
        (unless (comment--blank-line-p) (skip-chars-forward " \t")
          (setq any t)
          (unless (looking-at comment-start-skip) (setq all nil))) (forward-line 1))
      (and all any))))

(defun comment-or-uncomment-region (beg end &optional arg) "Uncomment the lines between BEG and END if they are all comments, else comment them."
  (interactive "*r\nP") (comment-normalize-vars)
  (if (comment--region-commented-p beg end)
      (uncomment-region beg end arg)
    (comment-region beg end arg)))

(defun comment-dwim (arg) "Do what is meant: with an active region, comment or uncomment it; on a blank
line or after code, add or move an end-of-line comment; with ARG, kill it." (interactive "*P")
  (comment-normalize-vars)
  (cond
   ((use-region-p)
    (comment-or-uncomment-region (region-beginning) (region-end) arg))
   (arg (comment-kill (and (integerp arg) arg)))
   (t (comment-indent))))

(defun comment-line (n) "Comment or uncomment N lines from this one, then move to the line after them.
A negative N works on the -N lines before this one and leaves point on it." (interactive "p")
  (comment-normalize-vars)
  (let ((count (or n 1)))
    (if (< count 0)
        (let ((from (copy-marker (line-beginning-position (1+ count)))))
          (comment-or-uncomment-region from (line-end-position 0))
          (goto-char from) (set-marker from nil)
          (setq this-command 'comment-line-backward))
      (let ((to (copy-marker (line-end-position count))))
        (comment-or-uncomment-region (line-beginning-position) to)
        (goto-char to)
        ;; On to the next line's start, or this one's when there is none.
        (unless (and (= (forward-line 1) 0) (bolp)) (forward-line 0)) (set-marker to nil)
        nil))))

(defun comment-indent-new-line (&optional soft) "Break the line at point, continuing a comment on the new line if inside one.
SOFT inserts a soft newline." (interactive)
  (comment-normalize-vars t)
  (let ((in-comment (and comment-start (save-excursion (comment-beginning)))))
    (comment--delete-blanks)
    (if soft (insert-and-inherit ?\n) (insert ?\n))
    (if (not in-comment)
        (indent-according-to-mode)
      (let ((starter (save-excursion
                       (goto-char in-comment)
                       (buffer-substring in-comment
                                         (if (looking-at comment-start-skip) (match-end 0) (point)))))
            (column (save-excursion (goto-char in-comment) (current-column))))
        (if (save-excursion (goto-char in-comment) (skip-chars-backward " \t") (bolp))
            ;; A comment alone on its line goes on at its column.
            (progn (indent-to column) (insert starter))
          ;; One after code is placed as `comment-indent' places a comment, with the
          ;; comment column no further right than the comment being continued.
          (let ((comment-column (min column comment-column)))
            (save-excursion (insert starter))
            (comment-indent t)))))))

(defun comment--delete-blanks () "Delete the blanks around point."
  (delete-region (progn (skip-chars-backward " \t") (point))
                 (progn (skip-chars-forward " \t") (point))))

(defun comment-box (beg end &optional arg) "Comment out the lines between BEG and END inside a box of comment characters."
  (interactive "*r\np")
  (let ((comment-style (if (nth 0 (comment--style)) 'box-multi 'box)))
    (comment-region beg end (+ comment-add (or arg 1)))))

(defalias 'indent-for-comment #'comment-indent)
(defalias 'set-comment-column #'comment-set-column)
(defalias 'kill-comment #'comment-kill)
(defalias 'indent-new-comment-line #'comment-indent-new-line)

(provide 'comments)

;;; comments.el ends here
