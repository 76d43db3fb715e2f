;;; rect.el --- commands on rectangles of text, by screen column  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A rectangle is given by two buffer positions: its lines run from the
;; line of the first to the line of the second, its columns between the
;; two positions' columns.  Extracted rectangles are lists of strings,
;; one per line, each padded with spaces to the rectangle's width.

(defvar killed-rectangle nil
  "The rectangle last killed or copied by the rectangle commands, a list of strings.")

(defun apply-on-rectangle (function start end &rest args)
  "Call FUNCTION once per line of the rectangle between START and END.
FUNCTION gets the rectangle's left and right columns and then ARGS,
with point at the start of the line.  Returns where point was after
the last call; point itself is left unchanged."
  (save-excursion
    (let* ((left (progn (goto-char start) (current-column)))
           (first-line (line-beginning-position))
           (right (progn (goto-char end) (current-column)))
           ;; A marker, as FUNCTION may change the lines before it.
           (last-line (copy-marker (line-beginning-position)))
           (result nil))
      (when (< right left)
        (setq left (prog1 right (setq right left))))
      (goto-char first-line)
      (while (progn
               (apply function left right args)
               (setq result (point))
               (and (zerop (forward-line 1))
                    (bolp)
                    (<= (point) last-line))))
      (set-marker last-line nil)
      result)))

(defun rect--line-column-span (left right)
  "Move to column LEFT and return (START-POS STOP-POS START-COL STOP-COL).
The positions are where `move-to-column' lands for LEFT and RIGHT;
START-POS is nil when the line ends before LEFT."
  (let ((col (move-to-column left)))
    (if (< col left)
        (list nil (point) col col)
      (let ((from (point))
            (stop (move-to-column right)))
        (list from (point) col stop)))))

(defun rect--expand-tabs (text column)
  "TEXT, starting at COLUMN, with each tab replaced by the spaces it spans."
  (if (not (string-search "\t" text))
      text
    (let ((col column) (parts nil))
      (dolist (ch (string-to-list text))
        (if (eq ch ?\t)
            (let ((next (* (1+ (/ col tab-width)) tab-width)))
              (push (make-string (- next col) ?\s) parts)
              (setq col next))
          (push (char-to-string ch) parts)
          (setq col (+ col (char-width ch)))))
      (apply #'concat (nreverse parts)))))

(defun rect--line-text (left right)
  "The columns LEFT to RIGHT of the current line, as a string exactly RIGHT - LEFT wide."
  (pcase-let ((`(,from ,to ,from-col ,to-col) (rect--line-column-span left right)))
    (if (null from)
        (make-string (- right left) ?\s)
      (let* ((text (rect--expand-tabs (buffer-substring from to) from-col))
             (width (string-width text))
             (lead (- from-col left)))
        ;; A tab or wide character straddling an edge counts as spaces.
        (when (> lead 0)
          (setq text (concat (make-string lead ?\s) text)
                width (+ width lead)))
        (if (> to-col right)
            (substring text 0 (max 0 (- (length text) (- to-col right))))
          (concat text (make-string (max 0 (- right left width)) ?\s)))))))

(defun extract-rectangle (start end)
  "The rectangle between START and END as a list of strings, one per line."
  (let ((lines nil))
    (apply-on-rectangle (lambda (left right)
                          (push (rect--line-text left right) lines))
                        start end)
    (nreverse lines)))

(defun rect--delete-line (left right fill)
  "Delete columns LEFT to RIGHT of this line; with FILL pad a short line to LEFT."
  (when (= (move-to-column left (if fill t 'coerce)) left)
    (delete-region (point) (progn (move-to-column right 'coerce) (point)))))

(defun delete-rectangle (start end &optional fill)
  "Delete the rectangle between START and END, closing the gap on each line.
With FILL, lines ending before the rectangle's left edge are padded to it."
  (interactive "*r\nP")
  (apply-on-rectangle #'rect--delete-line start end fill))

(defun delete-extract-rectangle (start end &optional fill)
  "Delete the rectangle between START and END and return it as a list of strings.
With FILL, lines ending before the rectangle's left edge are padded to it."
  (let ((lines nil))
    (apply-on-rectangle
     (lambda (left right)
       (if (/= (move-to-column left (if fill t 'coerce)) left)
           (push (make-string (- right left) ?\s) lines)
         (let* ((from (point))
                (reached (move-to-column right 'coerce))
                (text (buffer-substring from (point))))
           (delete-region from (point))
           (push (concat text (make-string (max 0 (- right reached)) ?\s)) lines))))
     start end)
    (nreverse lines)))

(defun kill-rectangle (start end &optional fill)
  "Delete the rectangle between START and END and keep it in `killed-rectangle'.
With FILL, lines ending before the rectangle's left edge are padded.
In a read-only buffer the rectangle is only copied, and an error
signalled unless `kill-read-only-ok'."
  (interactive "r\nP")
  (condition-case nil
      (setq killed-rectangle (delete-extract-rectangle start end fill))
    ((buffer-read-only text-read-only)
     (setq deactivate-mark t)
     (setq killed-rectangle (extract-rectangle start end))
     (if (and (boundp 'kill-read-only-ok) kill-read-only-ok)
         (progn (message "Read only text copied to `killed-rectangle'") nil)
       (barf-if-buffer-read-only)
       (signal 'text-read-only (list (current-buffer)))))))

(defun copy-rectangle-as-kill (start end)
  "Copy the rectangle between START and END into `killed-rectangle'."
  (interactive "r")
  (setq killed-rectangle (extract-rectangle start end))
  (setq deactivate-mark t)
  nil)

(defun insert-rectangle (rectangle)
  "Insert RECTANGLE, a list of strings, with its top left corner at point.
Each further line goes at the same column on the following line,
adding lines at the end of the buffer as needed.  The mark is set at
the start and point ends after the last line inserted."
  (let ((column (current-column))
        (first t))
    (push-mark)
    (dolist (line rectangle)
      (unless first
        (forward-line 1)
        (unless (bolp) (insert "\n"))
        (move-to-column column t))
      (setq first nil)
      (insert line))))

(defun yank-rectangle ()
  "Insert the last killed rectangle with its top left corner at point."
  (interactive "*")
  (insert-rectangle killed-rectangle))

(defun open-rectangle (start end &optional fill)
  "Insert blank space filling the rectangle between START and END.
Text that was there moves right.  With FILL, lines ending before the
left edge are padded too.  Point goes to START, which is returned."
  (interactive "*r\nP")
  (apply-on-rectangle
   (lambda (left right)
     (when (= (move-to-column left (if fill t 'coerce)) left)
       (unless (and (not fill) (eolp))
         (indent-to right))))
   start end)
  (goto-char start))

(defun delete-whitespace-rectangle (start end &optional fill)
  "Delete the whitespace that starts at the left edge of the rectangle on each line.
With FILL, lines ending before the left edge are padded to it."
  (interactive "*r\nP")
  (apply-on-rectangle
   (lambda (left _right)
     (when (= (move-to-column left (if fill t 'coerce)) left)
       (unless (eolp)
         (delete-region (point) (progn (skip-chars-forward " \t") (point))))))
   start end))

(defalias 'close-rectangle #'delete-whitespace-rectangle)

(defun rect--put-string (left right string replace)
  "Insert STRING at column LEFT; if REPLACE, first delete up to column RIGHT."
  (move-to-column left t)
  (when replace
    (rect--delete-line left right nil))
  (insert string))

(defun string-rectangle (start end string)
  "Replace each line's part of the rectangle between START and END with STRING.
Point ends after the last STRING inserted."
  (interactive "*r\nsString rectangle: ")
  (goto-char (apply-on-rectangle #'rect--put-string start end string t)))

(defalias 'replace-rectangle #'string-rectangle)

(defun string-insert-rectangle (start end string)
  "Insert STRING at the rectangle's left edge on each of its lines."
  (interactive "*r\nsString insert rectangle: ")
  (apply-on-rectangle #'rect--put-string start end string nil))

(defun clear-rectangle (start end &optional fill)
  "Blank out the rectangle between START and END, leaving the text around it in place.
With FILL, lines ending before the rectangle are padded to its width."
  (interactive "*r\nP")
  (apply-on-rectangle
   (lambda (left right)
     (let ((line-end-col (save-excursion (end-of-line) (current-column))))
       (when (= (move-to-column left (if fill t 'coerce)) left)
         (if (and (not fill) (<= line-end-col right))
             (delete-region (point) (line-end-position))
           (let ((from (point)))
             (move-to-column right t)
             (delete-region from (point))
             (indent-to right))))))
   start end))

(defun rectangle-number-lines (start end start-at &optional format)
  "Insert a line number at the left edge of each line of the rectangle.
Numbering begins at START-AT; FORMAT (default a right-aligned number
wide enough for the last one, then a space) formats each number."
  (interactive "*r\np")
  (let ((number start-at))
    (unless format
      (let ((last (+ start-at (count-lines start end) -1)))
        (setq format (format "%%%dd " (length (number-to-string last))))))
    (apply-on-rectangle
     (lambda (left _right)
       (move-to-column left t)
       (insert (format format number))
       (setq number (1+ number)))
     start end)))

(provide 'rect)

;;; rect.el ends here
