;;; lisp-indent.el --- Indentation of Lisp code for the Lisp major modes  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (what its
;; `indent-region', `indent-sexp' and `calculate-lisp-indent' do to many
;; forms, recorded in test/corpus/lib-lisp-indent.el) and its manual.
;;
;; Autoloaded.  The variables are special from start-up (autoloads.el).
;;
;; How a line is indented, as observed:
;;  - inside a string: left alone;  at top level: column 0;
;;  - in a list, by default ("normal" indentation): under the first
;;    thing on the line where the list's last finished element starts,
;;    when that is not the list's own first line; otherwise under the
;;    second element if the list starts with a symbol followed by one on
;;    the same line, else under the first element (or one column after
;;    the paren when the list is still empty);
;;  - a list headed by a symbol (quoted or not) asks `lisp-indent-function',
;;    which uses the head's `lisp-indent-function' property: `defun' (and
;;    any head named def... without a property) puts every line at the
;;    body indentation, an integer N marks N leading "special" arguments;
;;  - `lisp-indent-offset', when set, overrides all of it inside lists.

(defun lisp-indent--form-start (pos) "Where the top-level form around POS starts: a line opening with a paren, or the buffer's start."
  (save-excursion
    (goto-char (line-beginning-position))
    ;; Step up a line at a time; `forward-line' answers 0 while it moves.
    (while (and (= 0 (forward-line -1))
                (not (eq ?\( (char-syntax (or (char-after) ?\s))))))
    (point)))

(defun lisp-indent--state (bol parse-start) "The parse state at BOL, scanning from PARSE-START or the enclosing form's start."
  (let ((from (or parse-start (lisp-indent--form-start bol))))
    (save-excursion (parse-partial-sexp from bol))))

(defun lisp-indent--elements (open limit) "Start positions of the complete elements of the list opened at OPEN that begin before LIMIT."
  (let ((starts nil) (cursor (1+ open)) next)
    (save-excursion
      (goto-char cursor)
      ;; Each round: past comments and blanks, then over one element.
      (while (progn (forward-comment (buffer-size))
                    (setq cursor (point))
                    (and (< cursor limit) (not (eobp))
                         (not (eq (char-syntax (char-after)) ?\)))
                         (setq next (ignore-errors (scan-sexps cursor 1)))
                         (<= next limit)))
        (setq starts (cons cursor starts))
        (goto-char next)))
    (nreverse starts)))

(defun lisp-indent--column-at (pos) "The column of POS."
  (save-excursion (goto-char pos) (current-column)))

(defun lisp-indent--past-prefix (pos) "The position after the quote-like (prefix syntax) characters at POS."
  (save-excursion (goto-char pos) (skip-syntax-forward "'") (point)))

(defun lisp-indent--symbolish-p (pos) "Non-nil when the element at POS is a symbol or number, quote marks before it aside."
  (memq (char-syntax (or (char-after (lisp-indent--past-prefix pos)) ?\s)) '(?w ?_)))

(defun lisp-indent--leading-column (pos) "Column of the first thing on POS's line, past blanks and closing parens."
  (save-excursion
    (goto-char pos)
    (skip-syntax-forward " )" (prog1 pos (forward-line 0)))
    (current-column)))

(defun lisp-indent--normal (open elements) "Default indentation, a column, in the list opened at OPEN with the ELEMENTS seen so far."
  (let ((last (car (last elements))))
    (cond ((null elements) (1+ (lisp-indent--column-at open)))
          ((> last (lisp-indent--line-end open))
           (lisp-indent--leading-column last))
          ((and (cdr elements) (lisp-indent--symbolish-p (car elements)))
           (lisp-indent--column-at (nth 1 elements)))
          (t (lisp-indent--column-at (car elements))))))

(defun calculate-lisp-indent (&optional parse-start) "Return the column the current line of Lisp code should be indented to.
The value is nil when the line starts inside a string, and can be a list
(COLUMN CONTAINING-START) when the column holds only for this line, not
for the lines after it in the same list.  PARSE-START, if given, is where
scanning starts; by default the enclosing top-level form's start."
  (let ((bol (line-beginning-position)))
    (save-excursion (lisp-indent--compute bol (lisp-indent--state bol parse-start)))))

(defun lisp-indent--compute (bol state) "What `calculate-lisp-indent' gives for the line at BOL, whose parse state is STATE."
  (let ((open (nth 1 state)))
    (cond ((nth 3 state) nil)
          ;; Top level: the line's own start, which a field may put past column 0.
          ((null open) (save-excursion (goto-char bol) (current-column)))
          ((integerp lisp-indent-offset)
           (+ (lisp-indent--column-at open) lisp-indent-offset))
          (t
           (let* ((elements (lisp-indent--elements open bol))
                  (normal (lisp-indent--normal open elements))
                  (special nil))
             ;; Quoted lists are no exception: '(if a ...) indents as code.
             (when (and elements (lisp-indent--symbolish-p (car elements)))
               ;; The indentation function expects point at the
               ;; default place (its column is the normal indentation).
               (save-excursion
                 (goto-char (lisp-indent--normal-position open elements normal))
                 (setq special (funcall lisp-indent-function bol state))))
             (or special normal))))))

(defun lisp-indent--normal-position (open elements column) "A position whose column is COLUMN, on the line that COLUMN was taken from."
  (let* ((last (car (last elements)))
         (line-of (if (and last (> last (lisp-indent--line-end open))) last open)))
    (save-excursion (goto-char line-of) (move-to-column column) (point))))

(defun lisp-indent--line-end (pos) "The end of POS's line."
  (save-excursion (goto-char pos) (line-end-position)))

(defun lisp-indent--head-end (open) "Where the first element of the list opened at OPEN ends."
  (save-excursion
    (goto-char (lisp-indent--past-prefix (1+ open)))
    (forward-sexp 1)
    (point)))

(defun lisp-indent-function (indent-point state) "Indent the line at INDENT-POINT by the rules of the head of its list.
STATE is the parse state at INDENT-POINT; point is where normal
indentation would put the line.  The head's `lisp-indent-function'
property says how: `defun', a number of special arguments (see
`lisp-indent-specform') or a function, called with INDENT-POINT and
STATE and point just after the head.  A head without the property whose
name starts with \"def\" is treated as `defun'.  Nil means normal
indentation."
  (let* ((normal (current-column))
         (open (nth 1 state))
         (head-end (lisp-indent--head-end open))
         (name (buffer-substring-no-properties
                (lisp-indent--past-prefix (1+ open)) head-end))
         (head (intern-soft name))
         (rule (and head (function-get head 'lisp-indent-function))))
    (cond ((integerp rule)
           (lisp-indent-specform rule state indent-point normal))
          ((or (eq rule 'defun)
               (and (null rule) (> (length name) 3) (string-prefix-p "def" name)))
           (lisp-indent-defform state indent-point))
          (rule (goto-char head-end) (funcall rule indent-point state)))))

(defun lisp-indent--body-column (state) "The column of body lines of the list STATE is in."
  (+ lisp-body-indent (lisp-indent--column-at (nth 1 state))))

(defun lisp-indent--settled-p (open limit) "Non-nil when an element of the list opened at OPEN, before LIMIT, starts after the list's first line."
  (let ((last (car (last (lisp-indent--elements open limit)))))
    (and last (> last (lisp-indent--line-end open)))))

(defun lisp-indent-defform (state indent-point) "Indentation of the line at INDENT-POINT in a definition-like form.
While every element of STATE's list so far is on its first line, that is
the body column; after that nil, normal indentation."
  (let ((open (nth 1 state)))
    (unless (lisp-indent--settled-p open indent-point)
      (+ lisp-body-indent (lisp-indent--column-at open)))))

(defun lisp-indent-specform (count state indent-point normal-indent) "Indentation of a line in a form whose first COUNT arguments are special.
STATE is the parse state at INDENT-POINT; NORMAL-INDENT the default
column.  The first two special arguments go at twice the body
indentation, later special ones at NORMAL-INDENT; both are returned as
(COLUMN LIST-START).  The first body form goes at the body column (or
NORMAL-INDENT when an earlier line gave it and it is less), later ones
at NORMAL-INDENT."
  (let* ((open (nth 1 state))
         (args (1- (length (lisp-indent--elements open indent-point))))
         (body (lisp-indent--body-column state)))
    (cond ((< args count)
           (list (if (< args 2) (+ body lisp-body-indent) normal-indent) open))
          ((> args count) normal-indent)
          ;; The first body form; one already placed further left is followed.
          ((lisp-indent--settled-p open indent-point) (min body normal-indent))
          (t body))))

;;; Lines.

(defun lisp-indent--comment-kind () "At the first non-blank of a line: 3 for a ;;; comment, 1 for a lone ;, 2 for ;;, nil otherwise."
  (cond ((looking-at ";;;") 3)
        ((looking-at ";;") 2)
        ((looking-at ";") 1)))

(defun lisp-comment-indent () "The column for a comment starting at point, for `comment-indent-function'.
Nil means the comment stays where it is: a ;; comment alone on its line,
or point at the indentation but not at a comment.  Comments of three or
more semicolons, and ;; after code, go to column 0, except right after an
opening paren, where the range (COLUMN . COLUMN) keeps them against it; a
single ; (when `comment-add' is positive) and anything after code go to
`comment-column'."
  (let ((first-on-line (= (current-column) (current-indentation)))
        (after-open (save-excursion (skip-chars-backward " \t")
                                    (and (eq (char-before) ?\() (current-column)))))
    (cond ((and after-open (looking-at ";;"))
           ;; Right after an opening paren the comment needs no blank before it.
           (cons after-open after-open))
          ((looking-at ";;;") 0)
          ((looking-at ";;") (unless first-on-line 0))
          ((not first-on-line) comment-column)
          ((and (> comment-add 0) (looking-at ";")) comment-column))))

(defun lisp-indent-line (&optional indent) "Indent the current line as Lisp code; INDENT, if given, is what `calculate-lisp-indent' gave.
Point stays on the same text, or goes to the end of the indentation
when it was inside it.  A line starting in a string or with ;;; is left
alone; a line with only a ; comment goes to `comment-column'."
  (interactive)
  (let* ((tail (- (point-max) (point)))
         (want (or indent (calculate-lisp-indent)))
         (kind (progn (goto-char (line-beginning-position))
                      (skip-chars-forward " \t")
                      (lisp-indent--comment-kind)))
         (after-text (lambda ()
                       ;; Back to where point was, unless that was in the blanks.
                       (let ((old (- (point-max) tail)))
                         (and (> old (point)) (goto-char old))))))
    (cond ((eq kind 1)
           (indent-line-to (or (lisp-comment-indent) comment-column))
           (skip-chars-forward ";")
           nil)
          ((or (eq kind 3) (null want))
           (goto-char (- (point-max) tail)))
          (t
           (let ((column (if (consp want) (car want) want)))
             (or (= column (current-column)) (indent-line-to column)))
           (funcall after-text)))))

(defun lisp-indent--trailing-comment (at-end) "Move a lone-semicolon comment after code to `comment-column'.
AT-END is the parse state at the end of the comment's line."
  (when (and (nth 4 at-end) (nth 8 at-end))
    (save-excursion
      (goto-char (nth 8 at-end))
      (when (and (looking-at ";\\([^;]\\|$\\)")
                 (> (current-column) (current-indentation)))
        (delete-region (progn (skip-chars-backward " \t") (point)) (nth 8 at-end))
        (indent-to comment-column 1)))))

(defun lisp-indent--lines (from limit &optional origin comments-too) "Indent each non-empty line whose start is in FROM..LIMIT (a marker) as Lisp code.
With ORIGIN, a position before FROM, depths count from there and the
work stops before the first line that starts outside ORIGIN's expression.
With COMMENTS-TOO, single-semicolon comments after code are also moved
to `comment-column', on lines that do not end ORIGIN's expression.
Unlike indenting line by line, the scan goes on from line to line (so a
docstring line starting with a paren does not look like a new form), and
a plain column found for a line at some depth is reused for the later
lines at that depth until a line starts shallower, as GNU's region
indenter does: a line after a multi-line string lines up with the
string's first line rather than with its last."
  (save-excursion
    (goto-char (if (= from (save-excursion (goto-char from) (line-beginning-position)))
                   from
                 (save-excursion (goto-char from) (line-beginning-position 2))))
    (let ((state (if origin
                     (save-excursion (parse-partial-sexp origin (point)))
                   (lisp-indent--state (point) nil)))
          (bol (point))
          (columns nil))                ; (DEPTH . COLUMN), deepest first
      (while (and (< (point) limit) (not (and origin (<= (car state) 0))))
        (let ((depth (car state)))
          (while (and columns (> (caar columns) depth))
            (setq columns (cdr columns)))
          (unless (or (nth 3 state) (and (bolp) (eolp)))
            (let* ((known (assq depth columns))
                   (column (if known (cdr known) (lisp-indent--compute (point) state))))
              (when (and (integerp column) (not known) (nth 1 state)
                         (not (save-excursion (skip-chars-forward " \t") (looking-at ";"))))
                (push (cons depth column) columns))
              (when column (lisp-indent-line column))))
          (when comments-too
            (let ((at-end (save-excursion
                            (parse-partial-sexp bol (line-end-position) nil nil state))))
              (unless (and origin (<= (car at-end) 0))
                (lisp-indent--trailing-comment at-end)))))
        (forward-line 1)
        (setq state (parse-partial-sexp bol (point) nil nil state)
              bol (point))))))

(defun indent-sexp (&optional endpos) "Indent the lines after the current one that belong to the Lisp expression after point.
Those are the lines that start deeper in parentheses than point is (the
expression must be balanced).  With ENDPOS, indent instead the lines
after the current one that start before ENDPOS."
  (interactive)
  ;; Without ENDPOS the expression must be whole: check it first, so a
  ;; bad one is a scan error before anything changes.
  (unless endpos (scan-sexps (point) 1))
  (let ((stop (copy-marker (or endpos (point-max))))
        (origin (unless endpos (point))))
    ;; The first line's comment, if the expression goes on past it.
    (let ((at-end (save-excursion
                    (parse-partial-sexp (or origin (line-beginning-position)) (line-end-position)))))
      (when (or endpos (> (car at-end) 0))
        (lisp-indent--trailing-comment at-end)))
    (lisp-indent--lines (line-beginning-position 2) stop origin t)
    (set-marker stop nil)))

(defun lisp-indent-region (start end) "Indent each non-empty line starting in START..END as Lisp code."
  (let ((stop (copy-marker end)))
    (lisp-indent--lines (save-excursion (goto-char start) (line-beginning-position)) stop)
    (set-marker stop nil)))

(defun indent-pp-sexp (&optional arg) "Indent the Lisp expression after point; with ARG, lay it out with `pp-buffer' first."
  (interactive "P")
  (when arg
    (unless (fboundp 'pp-buffer)
      (error "Laying out an expression needs `pp-buffer', which this system lacks"))
    (let ((from (point)) (to (scan-sexps (point) 1)))
      (save-excursion
        (save-restriction
          (narrow-to-region from to)
          (pp-buffer)
          ;; pp-buffer ends the text with a newline the expression lacked.
          (when (eq (char-before (point-max)) ?\n)
            (delete-region (1- (point-max)) (point-max)))))))
  (indent-sexp))

(defun indent-code-rigidly (start end arg &optional nochange-regexp)
  "Shift by ARG columns each line that starts in START..END, except lines starting in a string.
Lines matching NOCHANGE-REGEXP at their start are also left alone, and
blank lines are emptied.  Indentation never goes below column 0."
  (interactive "r\np")
  (let ((stop (copy-marker end)) (line-start start) state)
    (save-excursion
      (goto-char start)
      ;; A line counts when it starts at or after START.
      (unless (bolp)
        (setq line-start (line-beginning-position 2)
              state (parse-partial-sexp start line-start)))
      (goto-char line-start)
      (while (and (< (point) stop) (not (eobp)))
        (cond ((nth 3 state))
              ((looking-at "[ \t]*$") (delete-region (point) (match-end 0)))
              ((and nochange-regexp (looking-at nochange-regexp)))
              (t (indent-line-to (max 0 (+ arg (current-indentation))))))
        (setq line-start (line-beginning-position))
        (forward-line 1)
        (setq state (parse-partial-sexp line-start (point) nil nil state))))
    (set-marker stop nil)
    nil))

;;; Small helpers the Lisp modes install.

(defun lisp-outline-level () "The outline level of the heading at point, for `outline-level'.
A comment heading of three or more semicolons and a space counts the
semicolons past two; a form or an autoload cookie is level 1000.
Anything else gets the length of the last match (the heading's, when
the outline code calls this right after matching `outline-regexp')."
  (let ((case-fold-search nil))
    (cond ((looking-at ";;;+ ") (- (match-end 0) (match-beginning 0) 3))
          ((looking-at "(\\|;;;###autoload") 1000)
          (t (- (match-end 0) (match-beginning 0))))))

(provide 'lisp-indent)

;;; lisp-indent.el ends here
