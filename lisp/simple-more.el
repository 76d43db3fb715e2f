;;; simple-more.el --- buffer-local minor modes, buffer copying and redo of simple.el  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (test/corpus/simple-misc.el).

;;;; Minor modes over existing variables

(defun simple-more--mode (mode arg getter setter) "Turn MODE on or off as a minor mode command does with ARG, through GETTER and SETTER.
ARG nil from Lisp turns it on, `toggle' flips it, a number above zero turns
it on and any other off.  Run MODE's hooks and return GETTER's value."
  (let ((on (cond ((eq arg 'toggle) (not (funcall getter)))
                  ((null arg) t)
                  (t (> (prefix-numeric-value arg) 0)))))
    (funcall setter on)
    (run-hooks (intern (format "%s-hook" mode))
               (intern (format "%s-%s-hook" mode (if on "on" "off"))))
    (when (called-interactively-p 'interactive)
      (message "%s %s" mode (if on "enabled" "disabled")))
    (funcall getter)))

(defun simple-more--toggle-arg () "Interactive argument of the minor mode commands: the raw prefix, or `toggle' without one."
  (list (if current-prefix-arg current-prefix-arg 'toggle)))

(defun simple-more--local-setter (variable value) "A setter making VARIABLE, buffer-locally, VALUE when on and nil when off."
  (lambda (on) (set (make-local-variable variable) (and on value))))

(defun read-only-mode (&optional arg) "Make the buffer read-only (`buffer-read-only') or, with ARG zero or less, writable."
  (interactive (simple-more--toggle-arg))
  (prog1 (simple-more--mode 'read-only-mode arg (lambda () buffer-read-only)
                            (simple-more--local-setter 'buffer-read-only t))
    ;; View mode goes with the read-only state: making the buffer writable leaves
    ;; it, and `view-read-only' asks for it when the buffer becomes read-only.
    (cond ((and (bound-and-true-p view-mode) (not buffer-read-only)) (View-exit-and-edit))
          ((and buffer-read-only view-read-only (not (bound-and-true-p view-mode)))
           (view-mode-enter)))))

(defun overwrite-mode (&optional arg) "Typed characters replace the text after point; ARG as for any minor mode."
  (interactive (simple-more--toggle-arg))
  (simple-more--mode 'overwrite-mode arg (lambda () overwrite-mode)
                     (simple-more--local-setter 'overwrite-mode 'overwrite-mode-textual)))

(defun binary-overwrite-mode (&optional arg) "Like `overwrite-mode', but newlines and tabs are replaced as well."
  (interactive (simple-more--toggle-arg))
  (simple-more--mode 'binary-overwrite-mode arg (lambda () overwrite-mode)
                     (simple-more--local-setter 'overwrite-mode 'overwrite-mode-binary)))

(defun auto-fill-mode (&optional arg) "Break lines that grow past `fill-column' while typing; ARG as for any minor mode."
  (interactive (simple-more--toggle-arg))
  (simple-more--mode 'auto-fill-mode arg (lambda () auto-fill-function)
                     (simple-more--local-setter 'auto-fill-function normal-auto-fill-function)))

(defun turn-on-auto-fill () "Turn on Auto Fill mode, for use in hooks."
  (auto-fill-mode 1))

(defun indent-tabs-mode (&optional arg) "Let indentation use tabs (`indent-tabs-mode') here, or not with ARG zero or less."
  (interactive (simple-more--toggle-arg))
  (simple-more--mode 'indent-tabs-mode arg (lambda () indent-tabs-mode)
                     (simple-more--local-setter 'indent-tabs-mode t)))

(defvar-local visual-line--saved nil "The `word-wrap' and `truncate-lines' values Visual Line mode replaced, as an alist.")

(defun simple-more--visual-lines (on) "Turn wrapping at word boundaries ON or off in this buffer, saving and restoring the old settings."
  (setq visual-line-mode on)
  (if on
      (progn
        (setq visual-line--saved
              (mapcar (lambda (v) (cons v (and (local-variable-p v) (symbol-value v))))
                      '(word-wrap truncate-lines)))
        (setq-local word-wrap t)
        (setq-local truncate-lines nil))
    (dolist (saved visual-line--saved)
      (set (make-local-variable (car saved)) (cdr saved)))
    (setq visual-line--saved nil)))

(defun visual-line-mode (&optional arg) "Wrap long lines at word boundaries instead of truncating them; ARG as usual."
  (interactive (simple-more--toggle-arg))
  (simple-more--mode 'visual-line-mode arg (lambda () visual-line-mode)
                     #'simple-more--visual-lines))

(defun turn-off-auto-fill () "Turn off Auto Fill mode, for use in hooks."
  (auto-fill-mode 0))

(defun turn-on-visual-line-mode () "Turn on Visual Line mode, as a hook function." (visual-line-mode 1))

(defvar-local visible-mode--saved-spec nil "The `buffer-invisibility-spec' Visible mode replaced, as a one-element list.")

(defun simple-more--visible (on) "Show invisible text when ON, by clearing `buffer-invisibility-spec'; put it back when off."
  (setq visible-mode on)
  (cond (on (setq visible-mode--saved-spec (list buffer-invisibility-spec))
            (setq buffer-invisibility-spec nil))
        (visible-mode--saved-spec
         (setq buffer-invisibility-spec (car visible-mode--saved-spec))
         (setq visible-mode--saved-spec nil))))

(defun visible-mode (&optional arg) "Show invisible text while this is on; ARG as for any minor mode."
  (interactive (simple-more--toggle-arg))
  (simple-more--mode 'visible-mode arg (lambda () visible-mode) #'simple-more--visible))

(defun simple-more--global-setter (variable) "A setter for the global minor mode whose variable is VARIABLE."
  (lambda (on) (set-default variable on)))

(defun line-number-mode (&optional arg) "Show point's line number in the mode line; ARG as for any minor mode."
  (interactive (simple-more--toggle-arg))
  (simple-more--mode 'line-number-mode arg (lambda () line-number-mode)
                     (simple-more--global-setter 'line-number-mode)))

(defun column-number-mode (&optional arg) "Show point's column number in the mode line; ARG as for any minor mode."
  (interactive (simple-more--toggle-arg))
  (simple-more--mode 'column-number-mode arg (lambda () column-number-mode)
                     (simple-more--global-setter 'column-number-mode)))

(defun size-indication-mode (&optional arg) "Show the buffer's size in the mode line; ARG as for any minor mode."
  (interactive (simple-more--toggle-arg))
  (simple-more--mode 'size-indication-mode arg (lambda () size-indication-mode)
                     (simple-more--global-setter 'size-indication-mode)))

(defun transient-mark-mode (&optional arg) "Highlight the active region, and let commands act on it; ARG as usual."
  (interactive (simple-more--toggle-arg))
  (simple-more--mode 'transient-mark-mode arg (lambda () transient-mark-mode)
                     (simple-more--global-setter 'transient-mark-mode)))

(defun simple-more--switch (raw current) "The new state of a toggle whose state is CURRENT, given raw prefix RAW."
  (if raw (> (prefix-numeric-value raw) 0) (not current)))

(defun toggle-truncate-lines (&optional arg) "Toggle `truncate-lines' here; ARG positive turns it on, otherwise off."
  (interactive "P")
  (let ((on (simple-more--switch arg truncate-lines))
        (wrapping visual-line-mode))
    ;; Visual Line mode goes first, or turning it off would put the old value back.
    (when (and on wrapping) (visual-line-mode 0))
    (setq truncate-lines on)
    (if (and on wrapping)
        (message "%s" (format-message "Truncate long lines enabled and `visual-line-mode' disabled"))
      (message "Truncate long lines %s" (if on "enabled" "disabled")))))

(defun toggle-word-wrap (&optional arg) "Toggle `word-wrap' here; ARG positive turns it on, otherwise off."
  (interactive "P")
  (setq word-wrap (simple-more--switch arg word-wrap))
  (message "Word wrapping %s" (if word-wrap "enabled" "disabled")))

(defun set-fill-column (arg) "Set `fill-column' here to ARG, or with a plain prefix to point's column."
  (interactive "P")
  (let ((column (cond ((integerp arg) arg)
                      ((consp arg) (current-column))
                      (t (error "set-fill-column requires an explicit argument")))))
    (message "Fill column set to %d (was %d)" column fill-column)
    (setq fill-column column)))

;;;; Copying text to other buffers

(defun simple-more--text (start end) "The current buffer's text between START and END, in either order."
  (buffer-substring (min start end) (max start end)))

(defun simple-more--copy-args (verb) "Interactive arguments of the commands that VERB the region to a buffer read first."
  (let ((target (read-buffer (format "%s buffer: " verb) (other-buffer (current-buffer) t))))
    (list target (region-beginning) (region-end))))

(defun simple-more--into (buffer fn) "Call FN in BUFFER (made when missing), refusing a read-only one; return nil."
  (with-current-buffer (get-buffer-create buffer)
    (barf-if-buffer-read-only)
    (funcall fn))
  nil)

(defun append-to-buffer (buffer start end) "Insert the text from START to END at point in BUFFER, leaving its point after it.
BUFFER may be a name; such a buffer is made when missing."
  (interactive (simple-more--copy-args "Append to"))
  (let ((text (simple-more--text start end)))
    (simple-more--into buffer (lambda () (insert text)))))

(defun prepend-to-buffer (buffer start end) "Insert the text from START to END at point in BUFFER, leaving its point before it."
  (interactive (simple-more--copy-args "Prepend to"))
  (let ((text (simple-more--text start end)))
    (simple-more--into buffer (lambda () (save-excursion (insert text))))))

(defun copy-to-buffer (buffer start end) "Replace BUFFER's contents by the text from START to END, point at its start."
  (interactive (simple-more--copy-args "Copy to"))
  (let ((source (current-buffer)))
    (simple-more--into buffer
                       (lambda ()
                         (widen)
                         (delete-region (point-min) (point-max))
                         (insert-buffer-substring source start end)
                         (goto-char (point-min))))))

(defun insert-buffer (buffer) "Insert all of BUFFER at point, leaving point before it and the mark after it."
  (interactive (list (read-buffer "Insert buffer: " (other-buffer (current-buffer) t) t)))
  (let ((start (point)))
    (insert-buffer-substring (get-buffer buffer))
    (push-mark (point))
    (goto-char start))
  nil)

;;;; Newlines with indentation

(defun newline-and-indent (&optional arg) "Insert ARG newlines, indenting each new line as the mode does.
Blanks before point go first."
  (interactive "*p")
  (barf-if-buffer-read-only)
  (delete-horizontal-space t)
  (let ((left (or arg 1)))
    (while (> left 0)
      (newline 1)
      (indent-according-to-mode)
      (setq left (1- left)))))

(defun reindent-then-newline-and-indent () "Indent this line, start a new one after point and indent that too.
Blanks before point are deleted."
  (interactive "*")
  (let ((break (copy-marker (progn (delete-horizontal-space t) (point)) t)))
    (indent-according-to-mode)
    (goto-char break)
    (set-marker break nil)
    (newline 1)
    (indent-according-to-mode)))

;;;; Undo

(defun undo-redo (&optional arg) "Undo the last ARG undoings, redoing what they undid.
The undoings leave `buffer-undo-list', as if they had never been made."
  (interactive "*p")
  (let ((kind (undo--last-change-was-undo-p buffer-undo-list)))
    (unless kind
      (user-error "No undone changes to redo"))
    (let* ((undoings (undo--skip-boundaries buffer-undo-list))
           (rest (let ((undo-in-progress t)
                       (buffer-undo-list t))
                   (primitive-undo arg undoings))))
      (message "Redo%s" (if (eq kind 'undo-in-region) " in region" ""))
      ;; An `undo' right after goes on from where the reverted undoing had got to.
      (setq this-command 'undo
            pending-undo-list (undo--last-change-was-undo-p rest))
      (setq buffer-undo-list rest))))

(defun undo-amalgamate-change-group (handle) "Make the changes since HANDLE, from `prepare-change-group', undo as one.
The undo boundaries recorded since the group began are removed."
  (dolist (entry handle)
    (with-current-buffer (car entry)
      ;; A group not yet activated has no start cell: the list it saw is the stop.
      (let* ((parts (subr-more2--group-parts entry))
             (stop (or (cdr parts) (car parts)))
             (cell buffer-undo-list))
        (while (and (consp cell) (not (eq cell stop)) (not (eq (cdr cell) stop)))
          (if (and (consp (cdr cell)) (null (cadr cell)) (not (eq (cdr cell) stop)))
              (setcdr cell (cddr cell))
            (setq cell (cdr cell))))))))

;;;; Odds and ends

(defun invisible-p (pos-or-prop) "Non-nil when POS-OR-PROP is invisible under `buffer-invisibility-spec'.
A position (or marker) stands for its `invisible' property, text or overlay;
anything else is taken as such a property value.  The answer is t, or 2 when
the spec asks for an ellipsis."
  (let ((value (if (integer-or-marker-p pos-or-prop)
                   (let ((at (if (markerp pos-or-prop) (marker-position pos-or-prop) pos-or-prop)))
                     (unless (and (>= at 1) (<= at (1+ (buffer-size))))
                       (signal 'args-out-of-range (list pos-or-prop)))
                     (get-char-property at 'invisible))
                 pos-or-prop))
        (spec buffer-invisibility-spec))
    (cond ((null value) nil)
          ((eq spec t) t)
          (t (let ((names (if (consp value) value (list value)))
                   (found nil))
               (while (and names (not found))
                 (let ((name (pop names)))
                   (dolist (entry spec)
                     (cond (found)
                           ((eq entry name) (setq found t))
                           ((and (consp entry) (eq (car entry) name))
                            (setq found (if (cdr entry) 2 t)))))))
               found)))))


(defun kill-current-buffer () "Kill the current buffer, asking as `kill-buffer' does."
  (interactive)
  (kill-buffer (current-buffer)))

(defun keyboard-quit () "Stop what is going on: deactivate the mark and signal `quit'."
  (interactive)
  (deactivate-mark)
  (signal 'quit nil))

(defun rfc822-goto-eoh () "Go to the line that ends a mail's header fields; nil when there is none."
  (goto-char (point-min))
  (while (and (not (eobp)) (looking-at "[^: \t\n]+:\\|[ \t]"))
    (forward-line 1))
  (unless (eobp) (point)))

(defun pop-global-mark () "Go to the newest mark in `global-mark-ring', in its buffer, moving it to the ring's end."
  (interactive)
  (while (and global-mark-ring (not (buffer-live-p (marker-buffer (car global-mark-ring)))))
    (setq global-mark-ring (cdr global-mark-ring)))
  (unless global-mark-ring (error "No global mark set"))
  (let* ((newest (car global-mark-ring))
         (buffer (marker-buffer newest))
         (pos (marker-position newest)))
    (setq global-mark-ring (nconc (cdr global-mark-ring) (list newest)))
    (set-buffer buffer)
    (or (<= (point-min) pos (point-max)) (widen))
    (goto-char pos)
    (when (fboundp 'switch-to-buffer) (switch-to-buffer buffer))))

;; Visual Line mode in every buffer where `turn-on-visual-line-mode' would turn it on.
(define-globalized-minor-mode global-visual-line-mode visual-line-mode turn-on-visual-line-mode)

(provide 'simple-more)
;;; simple-more.el ends here
