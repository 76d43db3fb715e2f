;;; newcomment.el --- commenting and uncommenting code in any major mode  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and its manual.
;;
;; Autoloaded (GNU preloads its newcomment.el).  The mode says what a
;; comment looks like through `comment-start', `comment-end' and friends;
;; everything here works from those and the syntax table.  The variables
;; themselves are preloaded (modes.el, textvars.el).

(defvar comment-styles
  '((plain nil nil nil nil "Start in column 0 (do not indent), as in Emacs-20")
    (indent-or-triple nil nil nil multi-char "Start in column 0, but only for single-char starters")
    (indent nil nil nil t "Full comment per line, ends not aligned")
    (aligned nil t nil t "Full comment per line, ends aligned")
    (box nil t t t "Full comment per line, ends aligned, + top and bottom")
    (extra-line t nil t t "One comment for all lines, end on a line by itself")
    (multi-line t nil nil t "One comment for all lines, end on last commented line")
    (box-multi t t t t "One comment for all lines, + top and bottom"))
  "The comment styles `comment-region' knows: (STYLE MULTI ALIGN EXTRA INDENT DOC).
MULTI: one comment spans the lines; ALIGN: the ends line up; EXTRA: the
start and end go on lines of their own; INDENT: t to start at the text's
indentation, `multi-char' to do so only for starters longer than a character.")

;;; Setting up.

(defun comment-string-strip (str beforep afterp) "STR without its leading (when BEFOREP) and trailing (when AFTERP) whitespace and final newline."
  (string-match "\\`\\s-*\\(.*?\\)\\s-*\n?\\'" str)
  (substring str (if beforep (match-beginning 1) 0) (if afterp (match-end 1) (length str))))

(defun comment-string-reverse (s) "S reversed, without the whitespace that ends up at its end." (comment-string-strip (concat (nreverse (string-to-list s))) nil t))

(defun comment-normalize-vars (&optional noerror) "Make the comment variables of the buffer consistent, deriving what the mode left out.
Without `comment-start' ask for one, unless NOERROR."
  (if (not comment-start) (unless noerror
        (set (make-local-variable 'comment-start)
             (read-string "No comment syntax is defined.  Use: "))) (when (integerp comment-padding)
      (setq comment-padding (make-string comment-padding ?\s))) (when (eq comment-use-syntax 'undecided)
      ;; Does the syntax table know these comments?
      (let ((table (syntax-table))
            (start comment-start)
            (end (if (string= comment-end "") "\n" comment-end)))
        (set (make-local-variable 'comment-use-syntax) (with-temp-buffer
               (set-syntax-table table) (insert start " hello " end)
               (goto-char (point-min)) (and (forward-comment 1) (eobp))))))
    (let ((start (comment-string-strip comment-start t t))
          (end (comment-string-strip comment-end t t)))
      (when (and (null comment-continue) (> (length end) 0))
        ;; Continuation lines of a block comment: its starter blanked out.
        (set (make-local-variable 'comment-continue)
             (concat " " (substring comment-start 1))))
      (unless comment-start-skip
        (set (make-local-variable 'comment-start-skip)
             (concat "\\(\\(^\\|[^\\\n]\\)\\(\\\\\\\\\\)*\\)\\(?:\\s<+\\|"
                     (regexp-quote start) "+\\)[ \t]*")))
      (unless comment-end-skip
        (set (make-local-variable 'comment-end-skip)
             (concat "[ \t]*\\(\\s>\\|"
                     (if (string= end "") "\n" (concat (regexp-quote (substring end 0 1)) "+"
                               (regexp-quote (substring end 1))))
                     "\\)"))))
    t))

(defun comment-add (arg) "How many extra starter characters a comment gets, given the prefix ARG."
  (if (and (null arg) (= (length (comment-string-strip comment-start t t)) 1))
      comment-add (1- (prefix-numeric-value arg))))

(defun comment--padding ()
  "`comment-padding' as a string."
  (cond ((integerp comment-padding) (make-string comment-padding ?\s))
        ((stringp comment-padding) comment-padding)
        (t "")))

(defun comment-padright (str &optional n) "STR, a comment starter, stripped, with N more copies of its last character and the padding."
  (when (and (stringp str) (not (string= str "")))
    (let* ((core (comment-string-strip str t t))
           (own (substring str (+ (string-match (regexp-quote core) str) (length core))))
           (pad (comment--padding)))
      (concat core
              (make-string (max 0 (or n 0)) (aref core (1- (length core))))
              (if (> (length own) (length pad)) own pad)))))

(defun comment-padleft (str &optional n) "STR, a comment ender, stripped, after the padding and N more copies of its first character."
  (when (and (stringp str) (not (string= str "")))
    (let ((core (comment-string-strip str t t)))
      (concat (comment--padding)
              (make-string (max 0 (or n 0)) (aref core 0))
              core))))

;;; Finding comments.

(defun comment--skip-starter (start)
  "Move from the comment START past its starter and the blanks after it." (goto-char start)
  (if (looking-at comment-start-skip) (goto-char (match-end 0))
    (skip-syntax-forward "<") (skip-chars-forward " \t")))

(defun comment-search-forward (limit &optional noerror) "Find the next comment before LIMIT; return where it starts and leave point after its starter.
Without one, go to LIMIT and return nil, or signal an error unless NOERROR." (if (not comment-use-syntax)
      (if (re-search-forward comment-start-skip limit noerror) (or (match-end 1) (match-beginning 0))
        (goto-char limit) (unless noerror (error "No comment")))
    (let* ((from (point)) (state (parse-partial-sexp from limit nil nil (syntax-ppss from) 'syntax-table)))
      ;; Stop at comment starts, skipping strings.
      (while (and (< (point) limit) (not (nth 4 state)))
        (setq state (parse-partial-sexp (point) limit nil nil state 'syntax-table)))
      (if (and (nth 4 state) (nth 8 state))
          (let ((start (nth 8 state)))
            (comment--skip-starter start)
            start) (goto-char limit)
        (unless noerror (error "No comment"))))))

(defun comment-search-backward (&optional limit noerror) "Find the comment that starts last before point (after LIMIT); return its start.
Point goes after its starter.  Without one, return nil, or signal an error unless NOERROR."
  (let ((found nil) (re (if comment-use-syntax "\\s<" comment-start-skip)))
    (while (and (not found) (re-search-backward re limit t))
      (let ((state (syntax-ppss (if comment-use-syntax (1+ (point)) (match-end 0)))))
        (cond ((and (nth 4 state) (nth 8 state))
               (setq found (nth 8 state)))
              ((not comment-use-syntax)
               (unless (nth 3 (syntax-ppss (point)))
                 (setq found (or (match-end 1) (match-beginning 0))))))))
    (if found
        (progn (comment--skip-starter found) found) (goto-char (or limit (point-min)))
      (unless noerror (error "No comment")))))

(defun comment-beginning () "If point is inside a comment, go after its starter and return where the comment starts, else nil."
  (let ((state (syntax-ppss))) (cond ((and comment-use-syntax (nth 4 state))
           (let ((start (nth 8 state)))
             (comment--skip-starter start)
             start))
          (comment-use-syntax nil)
          (t (let ((here (point))
                 (start (save-excursion (end-of-line)
                          (comment-search-backward (line-beginning-position) t))))
             (when (and start (< start here))
               (comment--skip-starter start)
               start))))))

(defun comment-forward (&optional n) "Move past N (default 1) comments and the blanks around them; return non-nil if all were there."
  (setq n (or n 1)) (if comment-use-syntax
      (forward-comment n) (let ((ok t))
      (while (and ok (> n 0)) (skip-syntax-forward " ")
        (setq n (1- n)) (if (and (looking-at comment-start-skip) (goto-char (match-end 0)))
            (if (string= comment-end "") (forward-line 1)
              (setq ok (re-search-forward comment-end-skip nil 'move))) (setq ok nil)))
      ok)))

(defun comment-enter-backward () "Move backward out of the end of a comment, to just before its ender; return point."
  (if (string= comment-end "") (skip-syntax-backward " ")
    (when (looking-back comment-end-skip (line-beginning-position)) (goto-char (match-beginning 0))))
  (point))

(defun comment-only-p (beg end) "Non-nil when the text from BEG to END holds nothing but comments and blanks." (save-excursion (goto-char beg)
    (comment-forward (point-max)) (<= end (point))))

;;; Indenting comments.

(defun comment-indent-default () "Column for the comment at point: 0 for three-character comments and two-character ones after code, else `comment-column' or the mode's indentation (nil)."
  (let ((alone (= (current-column) (current-indentation)))) (if (and (looking-at "\\s<\\s<\\(\\s<\\)?")
             (or (match-end 1) (not alone)))
        0
      (when (or (not alone) (and (> comment-add 0) (looking-at "\\s<\\(\\S<\\|\\'\\)"))) comment-column))))

(defun comment-choose-indent (&optional indent) "The column for a comment after code, from INDENT (a column or (MIN . MAX)), at least `comment-inline-offset' past the code."
  (let* ((code-end (save-excursion (skip-chars-backward " \t")
                                   (unless (bolp) (+ (current-column) comment-inline-offset))))
         (want (if (consp indent) (car indent) (or indent comment-column))))
    (if code-end (max want code-end) want)))

(defun comment-indent (&optional continue) "Indent the comment on this line, or start one at the comment column.
CONTINUE: use `comment-continue' as the starter.  Point ends after the starter." (interactive "*")
  (comment-normalize-vars) (let ((starter (or (and continue comment-continue) comment-start))
        (ender comment-end)
        (begpos nil) (cpos nil)) (unless starter (error "No comment syntax defined"))
    (beginning-of-line) (let ((eol (line-end-position)))
      (setq begpos (comment-search-forward eol t))
      (if begpos (setq cpos (point-marker))
        ;; A new comment at the end of the line.
        (end-of-line) (skip-chars-backward " \t")
        (delete-region (point) eol) (setq begpos (point))
        (insert starter) (setq cpos (point-marker))
        (insert ender))) (goto-char begpos)
    (let ((column (funcall comment-indent-function))) (if (null column)
          (indent-according-to-mode) (let ((want (comment-choose-indent column)))
          (unless (= (current-column) want) (delete-region (point) (progn (skip-chars-backward " \t") (point)))
            (indent-to want))))) (goto-char cpos)
    (set-marker cpos nil)))

(defalias 'indent-for-comment #'comment-indent)

(defun comment-set-column (arg) "Set `comment-column' to point's column; with ARG a number, align with the comment above, or forget it when negative."
  (interactive "P") (cond ((eq arg '-) (comment-kill nil))
        (arg (comment-normalize-vars) (save-excursion (beginning-of-line)
           (comment-search-backward) (beginning-of-line)
           (goto-char (comment-search-forward (line-end-position))) (setq comment-column (current-column))
           (message "Comment column set to %d" comment-column)) (comment-indent))
        (t (setq comment-column (current-column)) (message "Comment column set to %d" comment-column))) comment-column)

(defalias 'set-comment-column #'comment-set-column)

(defun comment--kill (from to)
  "Remove the text from FROM to TO, into the kill ring when there is one."
  (if (fboundp 'kill-region) (kill-region from to) (delete-region from to)))

(defun comment-kill (arg) "Remove the comment on this line, with the blanks before it; with ARG, on that many lines."
  (interactive "P") (comment-normalize-vars)
  (let ((lines (if arg (prefix-numeric-value arg) 1)))
    (dotimes (_ lines) (save-excursion
        (beginning-of-line) (let ((start (comment-search-forward (line-end-position) t)))
          (when start (goto-char start)
            (skip-syntax-backward " ") (setq start (point))
            (comment-forward) (comment--kill start (if (bolp) (1- (point)) (point)))
            (indent-according-to-mode)))) (when arg (forward-line 1)))))

(defalias 'kill-comment #'comment-kill)

;;; Commenting regions.

(defun comment-quote-re (str unp) "Regexp matching STR split after its first character, with backslashes when UNP."
  (concat (regexp-quote (substring str 0 1)) "\\\\" (if unp "+" "*") (regexp-quote (substring str 1))))

(defun comment-quote-nested (cs ce unp) "Quote (or unquote when UNP) the comment delimiters CS and CE nested in the buffer's accessible part."
  (funcall comment-quote-nested-function cs ce unp))

(defun comment-quote-nested-default (cs ce unp) "Put a backslash after the first character of the nested delimiters CS and CE; remove one when UNP."
  (let ((scs (comment-string-strip cs t t))
        (sce (comment-string-strip ce t t)))
    (when (and comment-quote-nested (> (length scs) 1) (> (length sce) 0))
      (let ((re (concat (comment-quote-re scs unp) "\\|" (comment-quote-re sce unp)))) (goto-char (point-min))
        (while (re-search-forward re nil t) (goto-char (1+ (match-beginning 0)))
          (if unp (delete-char 1) (insert "\\")) (goto-char (match-end 0)))))))

(defun comment--line-blank-p ()
  "Non-nil when the current line holds only blanks." (save-excursion (beginning-of-line) (looking-at "[ \t]*$")))

(defun comment-region (beg end &optional arg) "Comment out the lines from BEG to END.
A numeric ARG gives the number of starter characters (`comment-add' plus
one by default); a negative one or \\[universal-argument] uncomments instead." (interactive "*r\nP")
  (comment-normalize-vars) (when (> beg end) (setq beg (prog1 end (setq end beg))))
  (save-excursion (cond ((consp arg) (uncomment-region beg end))
          ((and (integerp arg) (< arg 0)) (uncomment-region beg end (- arg)))
          (t (funcall comment-region-function beg end arg)))))

(defun comment-region-default (beg end &optional arg) "Comment the lines from BEG to END in the style `comment-style' names; ARG as for `comment-region'."
  (let ((style (cdr (assoc comment-style comment-styles))))
    ;; The region ends where its last non-blank text does; text after it
    ;; on the same line goes to a line of its own.
    (goto-char end) (skip-chars-backward " \t\n")
    (let ((last (max beg (point)))) (goto-char beg)
      (skip-chars-forward " \t\n" last)
      (when (>= (point) last) (error "Nothing to comment"))
      ;; Starting within the indentation is starting at the line's start.
      (setq beg (if (save-excursion (skip-chars-backward " \t") (bolp)) (line-beginning-position)
                  (point)))) (goto-char end)
    (unless (or (bolp) (looking-at "[ \t]*$"))
      (save-excursion (comment--break-line))) (skip-chars-backward " \t\n")
    (setq end (point)) (comment-region-default-1 beg end arg style)
    nil))

(defun comment--break-line ()
  "Break the line at point and indent the new one as the mode says." (delete-region (point) (progn (skip-chars-forward " \t") (point)))
  (insert "\n") (indent-according-to-mode))

(defun comment-region-default-1 (beg end arg style)
  "Comment the text from BEG to END (already trimmed) with ARG and the comment STYLE entry."
  (let* ((multi-char (> (length (comment-string-strip comment-start t t)) 1))
         (indent (let ((i (nth 3 style))) (if (eq i 'multi-char) multi-char i)))
         (add (comment-add arg))
         (add (if (and (eq (nth 3 style) 'multi-char) (not multi-char) (null arg)) (1+ add) add))
         (ccs (comment-padright comment-start add))
         (cce (comment-padleft comment-end add))
         (cce (or cce (and (nth 2 style) (comment-string-reverse ccs))))
         (multi (and (nth 0 style) cce))
         (align (nth 1 style))
         (extra (nth 2 style))
         (stop (copy-marker end))
         (first-line (line-number-at-pos beg))
         (last-line (line-number-at-pos end))
         (column 0) (width 0))
    ;; Nested delimiters must not end the new comment early.
    (when cce (save-restriction
        (narrow-to-region beg stop)
        (comment-quote-nested comment-start comment-end nil)))
    ;; The columns the text spans.
    (goto-char beg) (let ((least nil))
      (while (<= (line-number-at-pos) last-line)
        (unless (comment--line-blank-p)
          (let ((col (if (= (line-number-at-pos) first-line)
                         (max (current-indentation)
                              (save-excursion (goto-char beg) (current-column))) (current-indentation))))
            (setq least (if least (min least col) col)))
          (setq width (max width (save-excursion
                                   (goto-char (min (line-end-position) stop)) (current-column)))))
        (if (eobp) (setq last-line 0) (forward-line 1)))
      (setq last-line (line-number-at-pos stop))
      (setq column (if indent (or least 0) 0)))
    (let ((box-width (- width column))) (goto-char beg)
      (beginning-of-line) (let ((line first-line) (done nil))
        (while (not done) (let ((blank (comment--line-blank-p)))
            (when (or (not blank) comment-empty-lines)
              (let ((starter (if (and multi (> line first-line))
                                 (or comment-continue ccs)
                               ccs))) (move-to-column column t)
                (when (and (= line first-line) (< (point) beg)) (goto-char beg)) (insert starter)
                (when (and cce (or (not multi) (= line last-line))) (end-of-line)
                  (when (> (point) stop) (goto-char stop))
                  (when align
                    (let ((target (+ column (length starter) box-width)))
                      (when (< (current-column) target) (indent-to target))))
                  (insert cce)))))
          (if (or (>= line last-line) (eobp)) (setq done t)
            (forward-line 1) (setq line (1+ line)))))
      (when extra
        ;; Lines of starter characters above and below.
        (let* ((fill-start (comment-string-strip comment-start t t))
               (fill-end (comment-string-strip (or comment-end "") t t))
               (inner (+ (length ccs) box-width (length (or cce ""))))
               (edge (if (string= fill-end "")
                         (make-string inner (aref fill-start 0))
                       (concat fill-start
                               (make-string (- inner (length fill-start) (length fill-end))
                                            (aref fill-start (1- (length fill-start))))
                               fill-end)))) (goto-char beg)
          (beginning-of-line) (move-to-column column t)
          (insert edge "\n") (indent-to column)
          (goto-char stop) (end-of-line)
          (insert "\n") (indent-to column)
          (insert edge))))
    (set-marker stop nil)))

(defun comment-box (beg end &optional arg) "Comment out the lines from BEG to END inside a box of comment characters; ARG as for `comment-region'."
  (interactive "*r\np") (comment-normalize-vars)
  (let ((comment-style (if (nth 1 (assoc comment-style comment-styles)) 'box-multi 'box)))
    (comment-region beg end (+ comment-add (prefix-numeric-value arg)))))

(defun uncomment-region (beg end &optional arg) "Remove the comment starters (and enders) in the region from BEG to END.
With ARG, remove that many starter characters from each comment." (interactive "*r\nP")
  (comment-normalize-vars) (when (> beg end) (setq beg (prog1 end (setq end beg))))
  (save-excursion (funcall uncomment-region-function beg end arg)))

(defun uncomment-region-default (beg end &optional arg) "Remove the comments' delimiters from BEG to END; ARG starter characters each when given."
  (goto-char beg) (let ((stop (copy-marker end))
        (count (and arg (prefix-numeric-value arg)))
        (pad (comment--padding)) (start nil))
    (while (and (< (point) stop)
                (setq start (comment-search-forward stop t)))
      (uncomment-region-default-1 start count pad stop))
    (set-marker stop nil)))

(defun uncomment-region-default-1 (start count pad stop)
  "Uncomment the comment at START: COUNT starter characters (all when nil), then PAD; before STOP." (goto-char start)
  (let* ((body (save-excursion (comment--skip-starter start) (point)))
         (chars (save-excursion (goto-char start)
                  (skip-syntax-forward "<" body) (when (= (point) start)
                    (skip-chars-forward (regexp-quote (comment-string-strip comment-start t t)) body) (when (= (point) start)
                      (goto-char body) (skip-chars-backward " \t")))
                  (- (point) start)))
         (removed (if count (min count chars) chars)))
    (delete-char removed)
    (when (and (= removed chars) (> (length pad) 0)
               (looking-at (regexp-quote pad)))
      (delete-char (length pad)))
    ;; The comment's end.
    (let ((body-start (point)))
      (if (string= comment-end "") (end-of-line)
        (when (re-search-forward comment-end-skip (min (point-max) (+ stop 100)) t)
          (let ((mb (match-beginning 0)) (me (match-end 0))) (goto-char mb)
            (delete-region mb me)
            ;; Nested delimiters the comment had quoted.
            (save-restriction (narrow-to-region body-start (point))
              (comment-quote-nested comment-start comment-end t) (goto-char (point-max)))))))))

(defun comment-or-uncomment-region (beg end &optional arg) "Uncomment the region from BEG to END when it holds only comments, else comment it; ARG as for those."
  (interactive "*r\nP") (comment-normalize-vars)
  (funcall (if (comment-only-p beg end) #'uncomment-region #'comment-region) beg end arg))

(defun comment-dwim (arg) "Comment or uncomment the active region; else add or align the comment on this line.
On a blank line a comment is started at the mode's indentation.  With ARG
on a line with text, kill its comment instead (ARG lines when a number)." (interactive "*P")
  (comment-normalize-vars) (if (and (bound-and-true-p mark-active) (bound-and-true-p transient-mark-mode) (mark t))
      (comment-or-uncomment-region (region-beginning) (region-end) arg) (if (save-excursion (beginning-of-line) (not (looking-at "[ \t]*$")))
        (if (eq arg '-) (comment-kill nil)
          (if arg (comment-kill (and (integerp arg) arg)) (comment-indent))) (let ((add (comment-add arg)))
        (indent-according-to-mode) (insert (comment-padright comment-start add))
        (save-excursion (unless (string= "" comment-end)
            (insert (comment-padleft comment-end add))) (indent-according-to-mode))))))

(defun comment-line (n) "Comment or uncomment N lines from this one (backward when N is negative) and move past them."
  (interactive "p") (let ((range (list (line-beginning-position) (goto-char (line-end-position n)))))
    (comment-or-uncomment-region (apply #'min range) (apply #'max range))) (forward-line 1)
  (beginning-of-line) (skip-chars-forward " \t")
  (when (< n 0) (setq this-command 'comment-line-backward)))

(defun comment-indent-new-line (&optional soft) "Break the line at point; inside a comment, continue it on the new line.
SOFT: the newline is a soft one (ignored here: no hard newlines in batch)." (interactive)
  (ignore soft) (comment-normalize-vars t)
  (let ((start (and comment-start (save-excursion (comment-beginning)))) (here (point)))
    (delete-region (progn (skip-chars-backward " \t") (point)) (progn (skip-chars-forward " \t") (point)))
    (ignore here) (if (not start)
        (progn (insert "\n") (indent-according-to-mode))
      (let* ((column (save-excursion (goto-char start) (current-column)))
             (starter (save-excursion (goto-char start)
                        (buffer-substring start (progn (comment--skip-starter start) (point)))))) (insert "\n")
        (indent-to column) (insert starter)))))

(defalias 'indent-new-comment-line #'comment-indent-new-line)

(defmacro comment-with-narrowing (beg end &rest body) "Run BODY narrowed to BEG..END, with the first line's indentation made part of the text."
  (declare (debug t) (indent 2)) `(save-restriction
     (narrow-to-region (save-excursion (goto-char ,beg) (line-beginning-position)) ,end)
     ,@body))

(provide 'newcomment)

;; End of newcomment.el.
