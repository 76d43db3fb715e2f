;;; cmds-insert.el --- self-insert-command -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and the Emacs Lisp manual.
;; GNU has this command in C (cmds.c); here it is Lisp over `insert', `expand-abbrev' and the
;; auto-fill hook.  The order of events, as GNU's shows: an abbrev before point is expanded
;; first when the char ends a word; overwrite modes delete what the new chars cover; a newline
;; gives Auto Fill its chance before it goes in, a space after; then `post-self-insert-hook'.

;;; Code:

(defun cmds-insert--overwritten-end (count width)
  "Where the text that COUNT chars of WIDTH columns each cover in Overwrite mode ends.
Stop at a newline, and before a char (a tab) that reaches past the new chars' last column."
  (save-excursion
    (let ((goal (+ (current-column) (* count width)))
          (stop (line-end-position)))
      (while (and (< (point) stop)
                  (<= (save-excursion (forward-char 1) (current-column)) goal))
        (forward-char 1))
      (point))))

(defun self-insert-command (n &optional c) "Insert the character C, or `last-command-event' when C is nil, N times.
Nothing is inserted when the char is not a valid character.  With
Abbrev mode on, a char that cannot be part of a word first expands the
abbrev before point; in Overwrite mode the new chars replace what they
cover; a space or newline (a char of `auto-fill-chars') calls
`auto-fill-function'; `post-self-insert-hook' runs after an insertion."
  (interactive (list (prefix-numeric-value current-prefix-arg) last-command-event))
  (unless (fixnump n) (signal 'wrong-type-argument (list 'fixnump n)))
  (when (< n 0) (error "Negative repetition argument %d" n))
  ;; A run of single insertions undoes as one change; a repeated one stands alone.
  (when (< n 2) (undo-auto-amalgamate))
  (let ((ch (or c last-command-event)))
    (cond
     ;; Zero copies insert nothing, yet count as an insertion for the hook.
     ((= n 0) (run-hooks 'post-self-insert-hook))
     ((not (characterp ch)) (ding))
     (t
      (when (and abbrev-mode (not (eq (char-syntax ch) ?w))
                 (eq (char-syntax (or (char-before) ?\s)) ?w))
        (expand-abbrev))
      (let ((text (make-string n ch))
            (filling (and auto-fill-function (aref auto-fill-chars ch))))
        (cond ((eq overwrite-mode 'overwrite-mode-binary)
               (delete-region (point) (min (point-max) (+ (point) n))))
              ((and overwrite-mode (not (eq ch ?\n)))
               (delete-region (point) (cmds-insert--overwritten-end n (char-width ch)))))
        (when (and filling (eq ch ?\n))
          (funcall auto-fill-function)
          (setq filling nil))
        (insert text)
        (when filling (funcall auto-fill-function)))
      (run-hooks 'post-self-insert-hook))))
  nil)

(defun cmds-insert--paragraph-prefix () "The prefix continuation lines get: `fill-prefix', else one adaptive filling finds, else nil."
  (or fill-prefix
      (and adaptive-fill-mode
           (let ((from (save-excursion (fill-forward-paragraph -1) (point)))
                 (to (save-excursion (fill-forward-paragraph 1) (point))))
             (fill-context-prefix from (max to (line-end-position)))))))

(defun cmds-insert--break-past-prefix (spot limit width) "SPOT, or the first later break before LIMIT, where the text before it ends past column WIDTH.
A break no further right than the fill prefix would not make the line any
shorter (observed); LIMIT comes back when no break qualifies."
  (save-excursion
    (goto-char spot)
    (while (and (< (point) limit)
                (<= (save-excursion (skip-chars-backward " \t") (current-column)) width))
      (let ((from (point)))
        (skip-chars-forward "^ \t\n")
        (skip-chars-forward " \t")
        (when (or (= (point) from) (eolp)) (goto-char limit))))
    (min (point) limit)))

(defun do-auto-fill () "Break the line point is on, as often as needed, so that it fits the fill column.
Breaks go at blanks before point, each new line starting with the fill
prefix (or the one adaptive filling finds) and the finished lines
justified as `current-justification' says.  Give nil when the line
already fits, the fill column is nil or justification is `none',
else t."
  (let ((column (current-fill-column))
        (how (current-justification)))
    (when (and column (not (eq how 'none)) (> (current-column) column))
      (let ((prefix (cmds-insert--paragraph-prefix))
            (here (point-marker))
            (going t))
        (while (and going (> (current-column) column))
          (let* ((start (save-excursion
                          (beginning-of-line)
                          (when (and prefix (not (equal prefix "")))
                            (skip-line-prefix prefix))
                          (point)))
                 (spot (save-excursion (fill-move-to-break-point start) (point))))
            (when (and prefix (> spot start))
              (setq spot (cmds-insert--break-past-prefix spot here (string-width prefix))))
            (if (or (<= spot start) (>= spot here))
                (setq going nil)
              (goto-char spot)
              (fill-newline)
              (when (and prefix (not (equal prefix ""))) (insert-and-inherit prefix))
              (unless (memq how '(nil left))
                (save-excursion (forward-line -1) (justify-current-line how nil t)))
              (goto-char here))))
        (goto-char here)
        (set-marker here nil)
        t))))

(provide 'cmds-insert)

;;; cmds-insert.el ends here
