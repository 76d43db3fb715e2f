;;; rect.el --- commands on rectangles of text, by screen column  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A rectangle is given by two buffer positions: its lines run from the
;; line of the first to the line of the second, its columns between the
;; two positions' columns.  Extracted rectangles are lists of strings,
;; one per line, each padded with spaces to the rectangle's width.

(defvar killed-rectangle nil "The rectangle last killed or copied by the rectangle commands, a list of strings.")

(defun rect--args (writable) "Interactive arguments (START END PREFIX) from the region; WRITABLE checks the buffer."
  (when writable (barf-if-buffer-read-only))
  (list (region-beginning) (region-end) current-prefix-arg))

(defun apply-on-rectangle (fn beg fin &rest extra) "Call FN once per line of the rectangle between BEG and FIN.
FN gets the rectangle's left and right columns and then EXTRA,
with point at the start of the line.  Returns where point was after
the last call; point itself is left unchanged."
  (save-excursion
    (let* ((left (progn (goto-char beg) (current-column)))
           (first-line (line-beginning-position))
           (right (progn (goto-char fin) (current-column)))
           ;; A marker, as FUNCTION may change the lines before it.
           (last-line (copy-marker (line-beginning-position))) (last-pos nil))
      (when (< right left)
        (setq left (prog1 right (setq right left))))
      (goto-char first-line) (while (progn
				      (apply fn left right extra) (setq last-pos (point)) (and (zerop (forward-line 1))
											       (bolp)
											       (<= (point) last-line))))
      (set-marker last-line nil)
      last-pos)))

(defun rect--line-column-span (left right) "Move to column LEFT and return (START-POS STOP-POS START-COL STOP-COL).
The positions are where `move-to-column' lands for LEFT and RIGHT;
START-POS is nil when the line ends before LEFT."
  (let ((col (move-to-column left)))
    (if (< col left)
        (list nil (point) col col)
      (let ((p0 (point))
            (stop (move-to-column right)))
        (list p0 (point) col stop)))))

(defun rect--expand-tabs (text col0) "TEXT, starting at COL0, with each tab replaced by the spaces it spans."
  (if (not (string-search "\t" text))
      text
    (let ((col col0) (parts nil))
      (dolist (ch (string-to-list text))
        (if (eq ch ?\t)
            (let ((next (* (1+ (/ col tab-width)) tab-width)))
              (push (make-string (- next col) ?\s) parts)
              (setq col next))
          (push (char-to-string ch) parts)
          (setq col (+ col (char-width ch)))))
      (apply #'concat (nreverse parts)))))

(defun rect--line-text (left right) "The columns LEFT to RIGHT of the current line, as a string exactly RIGHT - LEFT wide."
  (pcase-let ((`(,p0 ,to ,from-col ,to-col) (rect--line-column-span left right)))
    (if (null p0)
        (make-string (- right left) ?\s)
      (let* ((text (rect--expand-tabs (buffer-substring p0 to) from-col))
             (width (string-width text))
             (lead (- from-col left)))
        ;; A tab or wide character straddling an edge counts as spaces.
        (when (> lead 0)
          (setq text (concat (make-string lead ?\s) text)
                width (+ width lead)))
        (if (> to-col right)
            (substring text 0 (max 0 (- (length text) (- to-col right))))
          (concat text (make-string (max 0 (- right left width)) ?\s)))))))

(defun extract-rectangle (beg fin) "The rectangle between BEG and FIN as a list of strings, one per line."
  (let ((acc nil))
    (apply-on-rectangle (lambda (left right)
                          (push (rect--line-text left right) acc))
                        beg fin) (nreverse acc)))

(defun rect--delete-line (left right pad) "Delete columns LEFT to RIGHT of this line; with PAD pad a short line to LEFT."
  (when (= (move-to-column left (if pad t 'coerce)) left)
    (delete-region (point) (progn (move-to-column right 'coerce) (point)))))

(defun delete-rectangle (beg fin &optional pad) "Delete the rectangle between BEG and FIN, closing the gap on each line.
With PAD, lines ending before the rectangle's left edge are padded to it."
  (interactive (rect--args t))
  (apply-on-rectangle #'rect--delete-line beg fin pad))

(defun delete-extract-rectangle (beg fin &optional pad) "Delete the rectangle between BEG and FIN and return it as a list of strings.
With PAD, lines ending before the rectangle's left edge are padded to it."
  (let ((acc nil))
    (apply-on-rectangle (lambda (left right)
			  (if (/= (move-to-column left (if pad t 'coerce)) left)
			      (push (make-string (- right left) ?\s) acc)
			    (let* ((p0 (point))
				   (reached (move-to-column right 'coerce))
				   (text (buffer-substring p0 (point))))
			      (delete-region p0 (point))
			      (push (concat text (make-string (max 0 (- right reached)) ?\s)) acc))))
			beg fin) (nreverse acc)))

(defun kill-rectangle (beg fin &optional pad) "Delete the rectangle between BEG and FIN and keep it in `killed-rectangle'.
With PAD, lines ending before the rectangle's left edge are padded.
In a read-only buffer the rectangle is only copied, and an error
signalled unless `kill-read-only-ok'."
  (interactive (rect--args nil)) (condition-case nil
				     (setq killed-rectangle (delete-extract-rectangle beg fin pad))
				   ((buffer-read-only text-read-only) (setq deactivate-mark t)
				    (setq killed-rectangle (extract-rectangle beg fin))
				    (if (and (boundp 'kill-read-only-ok) kill-read-only-ok)
					(progn (message "Read only text copied to `killed-rectangle'") nil)
				      (barf-if-buffer-read-only) (signal 'text-read-only (list (current-buffer)))))))

(defun copy-rectangle-as-kill (beg fin) "Copy the rectangle between BEG and FIN into `killed-rectangle'."
  (interactive "r")
  (setq killed-rectangle (extract-rectangle beg fin)) (setq deactivate-mark t)
  nil)

(defun insert-rectangle (lines) "Insert ACC, a list of strings, with its top left corner at point.
Each further line goes at the same column on the following line,
adding lines at the end of the buffer as needed.  The mark is set at
the start and point ends after the last line inserted."
  (let ((col0 (current-column))
        (leading t))
    (push-mark)
    (dolist (row lines)
      (unless leading (forward-line 1)
              (unless (bolp) (insert "\n"))
              (move-to-column col0 t))
      (setq leading nil)
      (insert row))))

(defun yank-rectangle () "Insert the last killed rectangle with its top left corner at point."
  (interactive "*")
  (insert-rectangle killed-rectangle))

(defun open-rectangle (beg fin &optional pad) "Insert blank space filling the rectangle between BEG and FIN.
Text that was there moves right.  With PAD, lines ending before the
left edge are padded too.  Point goes to BEG, which is returned."
  (interactive (rect--args t))
  (apply-on-rectangle (lambda (left right)
			(when (= (move-to-column left (if pad t 'coerce)) left)
			  (unless (and (not pad) (eolp))
			    (indent-to right))))
		      beg fin) (goto-char beg))

(defun delete-whitespace-rectangle (beg fin &optional pad) "Delete the whitespace that starts at the left edge of the rectangle on each line.
With PAD, lines ending before the left edge are padded to it."
  (interactive (rect--args t))
  (apply-on-rectangle (lambda (left _right)
			(when (= (move-to-column left (if pad t 'coerce)) left) (unless (eolp)
										  (delete-region (point) (progn (skip-chars-forward " \t") (point))))))
		      beg fin))

(defalias 'close-rectangle #'delete-whitespace-rectangle)

(defun rect--put-string (left right text replace) "Insert TEXT at column LEFT; if REPLACE, first delete up to column RIGHT."
  (move-to-column left t) (when replace
			    (rect--delete-line left right nil)) (insert text))

(defun string-rectangle (beg fin text) "Replace each line's part of the rectangle between BEG and FIN with TEXT.
Point ends after the last TEXT inserted."
  (interactive "*r\nsString rectangle: ")
  (goto-char (apply-on-rectangle #'rect--put-string beg fin text t)))

(defalias 'replace-rectangle #'string-rectangle)

(defun string-insert-rectangle (beg fin text) "Insert TEXT at the rectangle's left edge on each of its lines."
  (interactive "*r\nsString insert rectangle: ")
  (apply-on-rectangle #'rect--put-string beg fin text nil))

(defun clear-rectangle (beg fin &optional pad) "Blank out the rectangle between BEG and FIN, leaving the text around it in place.
With PAD, lines ending before the rectangle are padded to its width."
  (interactive (rect--args t))
  (apply-on-rectangle (lambda (left right)
			(let ((line-end-col (save-excursion (end-of-line) (current-column))))
			  (when (= (move-to-column left (if pad t 'coerce)) left)
			    (if (and (not pad) (<= line-end-col right)) (delete-region (point) (line-end-position))
			      (let ((p0 (point)))
				(move-to-column right t)
				(delete-region p0 (point))
				(indent-to right))))))
		      beg fin))

(defun rectangle-number-lines (beg fin start-at &optional format) "Insert a line number at the left edge of each line of the rectangle.
Numbering begins at START-AT; FORMAT (default a right-aligned number
wide enough for the last one, then a space) formats each number."
  (interactive "*r\np")
  (let ((number start-at)) (unless format
			     (let ((last (+ start-at (count-lines beg fin) -1)))
			       (setq format (format "%%%dd " (length (number-to-string last))))))
       (apply-on-rectangle (lambda (left _right) (move-to-column left t)
			     (insert (format format number))
			     (setq number (1+ number)))
			   beg fin)))

(provide 'rect)

;;; rect.el ends here
