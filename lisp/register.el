;;; register.el --- named registers holding text, numbers, positions and rectangles  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A register is named by a character; `register-alist' maps each name to
;; its contents.  What a register can hold, and how it is shown, inserted
;; or jumped to, is decided by three generic functions, so that other
;; libraries may add kinds of contents (see `registerv-make').

(require 'cl-lib) (require 'cl-generic)

(defvar register-alist nil "Alist of (NAME . CONTENTS) for every register in use.
NAME is a character; CONTENTS is a string, a number, a marker, a list
of strings (a rectangle), (file . FILE-NAME), (file-query FILE-NAME
POSITION), or a `registerv' object.")

(defvar register-separator nil "Register whose text `append-to-register' and `prepend-to-register' put between pieces.")
(defvar register-preview-delay 1 "Seconds before the register preview window pops up; nil never shows it.")
(defvar register-preview-function #'register-preview-default "Function turning a (NAME . CONTENTS) pair into one line of preview text.")

;; Extensible contents: DATA plus how to print, jump to and insert it.
(cl-defstruct (registerv (:constructor nil)
                         (:constructor registerv--make
                                       (&optional data print-func jump-func insert-func))
                         (:copier nil))
  data print-func jump-func insert-func)

(cl-defun registerv-make (data &key print-func jump-func insert-func) "A register value holding DATA.
PRINT-FUNC is called with DATA to describe it (printing to
`standard-output'), JUMP-FUNC with DATA by `jump-to-register',
INSERT-FUNC with DATA by `insert-register'."
  (registerv--make data print-func jump-func insert-func))

(defun get-register (reg) "The contents of REG (a character), or nil if it is empty."
  (cdr (assq reg register-alist)))

(defun set-register (reg value) "Make VALUE the contents of REG and return VALUE."
  (let ((entry (assq reg register-alist)))
    (if entry (setcdr entry value)
      (setq register-alist (cons (cons reg value) register-alist))))
  value)

(defun register--text (beg fin delete) "The text from BEG to FIN as a register holds it; remove it too if DELETE."
  (let ((text (if (fboundp 'filter-buffer-substring)
                  (filter-buffer-substring beg fin delete)
                (prog1 (buffer-substring beg fin)
                  (when delete (delete-region beg fin))))))
    text))

(defun register--separator-text () "The contents of the separator register (nil when there is none)."
  (and register-separator (get-register register-separator)))

;;; Positions.

(defun register-swap-out () "Turn markers into this buffer kept in registers into file references.
Run from `kill-buffer-hook' of buffers visiting files, so that a
register still finds the place after the buffer is gone."
  (when buffer-file-name
    (dolist (entry register-alist)
      (let ((contents (cdr entry)))
        (when (and (markerp contents) (eq (marker-buffer contents) (current-buffer)))
          (setcdr entry (list 'file-query buffer-file-name (marker-position contents))))))))

(defun point-to-register (reg &optional _arg) "Save the position of point, in the current buffer, in REG.
Returns the marker saved."
  (interactive (list (register--ask "Point to")
                     current-prefix-arg))
  (add-hook 'kill-buffer-hook #'register-swap-out nil t)
  (set-register reg (point-marker)))

(defun window-configuration-to-register (_register &optional _arg) "Not available: tsmacs has no window configurations to save."
  (interactive '(nil nil))
  (user-error "Window configurations are not supported"))

(defun frame-configuration-to-register (_register &optional _arg) "Not available: tsmacs has no frame configurations to save."
  (interactive '(nil nil))
  (user-error "Frame configurations are not supported"))

(cl-defgeneric register-val-jump-to (contents ignored) "Move to the place register contents CONTENTS designate; IGNORED is the prefix.")

(cl-defmethod register-val-jump-to ((contents registerv) _arg)
  (let ((jump (registerv-jump-func contents)))
    (unless jump
      (error "Don't know how to jump to register value %S" contents))
    (funcall jump (registerv-data contents))))

(cl-defmethod register-val-jump-to ((contents marker) _arg)
  (let ((buf (marker-buffer contents)))
    (unless buf
      (user-error "That register's buffer no longer exists"))
    (switch-to-buffer buf)
    (unless (or (= (point) (marker-position contents)) (eq last-command 'jump-to-register))
      (push-mark))
    (goto-char contents)))

(cl-defmethod register-val-jump-to ((contents cons) ignored)
  (pcase contents
    (`(file . ,name) (find-file name))
    (`(file-query ,name ,pos)
     (unless (or (find-buffer-visiting name)
                 (y-or-n-p (format "Visit file %s again? " name)))
       (user-error "Register access aborted"))
     (find-file name) (goto-char pos))
    (_ (cl-call-next-method contents ignored))))

(cl-defmethod register-val-jump-to (_val _arg)
  (user-error "Register doesn't contain a buffer position or configuration"))

(defun jump-to-register (reg &optional delete) "Go to the position or file saved in REG.
DELETE is for window configurations, which tsmacs does not keep."
  (interactive (list (register--ask "Jump to")
                     current-prefix-arg))
  (register-val-jump-to (get-register reg) delete))

(defalias 'register-to-point #'jump-to-register)

;;; Numbers.

(defun number-to-register (num reg &optional _arg) "Store NUM in REG.
If NUM is nil, read the integer after point (skipping whitespace),
move past it and store that, or 0 when there is none."
  (interactive (list current-prefix-arg
                     (register--ask "Number to")))
  (set-register reg
                (cond (num (prefix-numeric-value num))
                      ((looking-at "\\s-*\\(-?[0-9]+\\)")
                       (goto-char (match-end 0)) (string-to-number (match-string 1)))
                      (t 0))))

(defun increment-register (amount reg) "Add AMOUNT to the number in REG, or append the region to its text.
For a number, AMOUNT is read as a prefix argument (nil counts as 1).
For text, the region is appended and AMOUNT non-nil deletes it."
  (interactive (list current-prefix-arg
                     (register--ask "Increment")))
  (let ((contents (get-register reg)))
    (cond ((numberp contents)
           (set-register reg (+ contents (prefix-numeric-value amount))))
          ((or (null contents) (stringp contents))
           (append-to-register reg (region-beginning) (region-end) amount))
          (t (user-error "Register does not contain a number or text")))))

;;; Text.

(defun copy-to-register (reg beg fin &optional kill-p as-region) "Save the text from BEG to FIN in REG; with KILL-P delete it.
AS-REGION non-nil means take the text the way the region is taken."
  (interactive (list (register--ask "Copy to")
                     (region-beginning) (region-end) current-prefix-arg t))
  (set-register reg
                (if (and as-region (boundp 'region-extract-function)
                         region-extract-function)
                    (funcall region-extract-function kill-p)
                  (register--text beg fin kill-p))) (setq deactivate-mark t)
  (and kill-p t))

(defun register--add-text (reg beg fin kill-p at-end) "Put the text from BEG to FIN at one end of REG's text.
AT-END non-nil appends it, nil prepends it; KILL-P deletes it."
  (let ((old (get-register reg)))
    (unless (or (null old) (stringp old))
      (user-error "Register does not contain text"))
    (let ((new (register--text beg fin kill-p)))
      ;; The separator goes only between two pieces.
      (set-register reg
                    (cond ((null old) new)
                          (at-end (concat old (register--separator-text) new))
                          (t (concat new (register--separator-text) old)))))
    (setq deactivate-mark t)
    nil))

(defun append-to-register (reg beg fin &optional kill-p) "Add the text from BEG to FIN to the end of REG's text.
With KILL-P the text is deleted from the buffer too."
  (interactive (list (register--ask "Append to")
                     (region-beginning) (region-end) current-prefix-arg))
  (register--add-text reg beg fin kill-p t))

(defun prepend-to-register (reg beg fin &optional kill-p) "Add the text from BEG to FIN to the front of REG's text.
With KILL-P the text is deleted from the buffer too."
  (interactive (list (register--ask "Prepend to")
                     (region-beginning) (region-end) current-prefix-arg))
  (register--add-text reg beg fin kill-p nil))

(defun copy-rectangle-to-register (reg beg fin &optional kill-p) "Save the rectangle with corners BEG and FIN in REG.
With KILL-P the rectangle is deleted from the buffer too."
  (interactive (list (register--ask "Copy rectangle to")
                     (region-beginning) (region-end) current-prefix-arg))
  (set-register reg (if kill-p
                        (delete-extract-rectangle beg fin)
                      (extract-rectangle beg fin))) (setq deactivate-mark t)
  nil)

(cl-defgeneric register-val-insert (contents) "Insert register contents CONTENTS at point.")

(cl-defmethod register-val-insert ((contents registerv))
  (let ((insert (registerv-insert-func contents)))
    (unless insert
      (error "Don't know how to insert register value %S" contents))
    (funcall insert (registerv-data contents))))

(cl-defmethod register-val-insert ((contents string))
  (if (fboundp 'insert-for-yank) (insert-for-yank contents) (insert contents)))

(cl-defmethod register-val-insert ((contents number))
  (princ contents (current-buffer)))

(cl-defmethod register-val-insert ((contents marker))
  (let ((pos (marker-position contents)))
    (if pos
        (princ pos (current-buffer))
      (cl-call-next-method contents))))

(cl-defmethod register-val-insert ((contents cons))
  (insert-rectangle contents))

(cl-defmethod register-val-insert (_val)
  (user-error "Register does not contain text"))

(defun insert-register (reg &optional ignored) "Insert the contents of REG at point.
Point ends before the inserted text and the mark after it, unless IGNORED
is non-nil, which puts the mark before and point after."
  (interactive (progn (barf-if-buffer-read-only)
                      (list (register--ask "Insert")
                            (not current-prefix-arg))))
  (push-mark)
  (register-val-insert (get-register reg))
  (unless ignored
    ;; Point back to the start, the mark after the insertion.
    (let ((fin (point))) (goto-char (mark t))
	 (set-marker (mark-marker) fin)))
  nil)

;;; Describing registers.

(defun register--text-head (text) "The first non-blank line of TEXT, cut to fit a preview line."
  (let* ((beg (or (string-match "[^ \t\n]" text) (length text)))
         (line-end (or (string-match "\n" text beg) (length text)))
         (room (if (fboundp 'window-width) (- (window-width) 59) 21)))
    (substring text beg (min line-end (+ beg (max room 0))))))

(cl-defgeneric register-val-describe (contents full) "Print a description of register contents CONTENTS to `standard-output'.
FULL non-nil asks for the whole contents.")

(cl-defmethod register-val-describe ((contents registerv) _verbose)
  (let ((print (registerv-print-func contents)))
    (if print
        (funcall print (registerv-data contents))
      (princ "[UNPRINTABLE CONTENTS]."))))

(cl-defmethod register-val-describe ((contents number) _verbose)
  (princ contents))

(cl-defmethod register-val-describe ((contents marker) _verbose)
  (let ((buf (marker-buffer contents))) (if (not buf)
					    (princ "a marker in no buffer")
					  (princ (format "a buffer position:\n    buffer %s, position %d"
							 (buffer-name buf) (marker-position contents))))))

(cl-defmethod register-val-describe ((contents string) full)
  (cond (full (princ "the text:\n") (princ contents))
        ((equal contents "") (princ "the empty string"))
        (t (princ "text starting with\n    ")
           (princ (register--text-head contents)))))

(cl-defmethod register-val-describe ((contents cons) full)
  (pcase contents
    (`(file . ,name)
     (princ "the file ") (prin1 name) (princ "."))
    (`(file-query ,name ,pos)
     (princ "a file-query reference:\n    file ") (prin1 name)
     (princ ",\n    position ") (princ pos) (princ "."))
    ((guard (stringp (car contents)))
     (if full
         (progn (princ "the rectangle:\n")
                (dolist (line contents) (princ "    ") (princ line) (terpri)))
       (princ "a rectangle starting with ")
       (princ (car contents))))
    (_ (cl-call-next-method contents full))))

(cl-defmethod register-val-describe (contents full)
  (princ "Garbage:\n")
  (when full (prin1 contents)))

(defun describe-register-1 (reg &optional full) "Print what REG holds to `standard-output'; FULL shows all of it."
  (princ (concat "Register " (single-key-description reg) " contains "))
  (register-val-describe (get-register reg) full))

(defun register-describe-oneline (reg) "A one-line description of what REG holds."
  (let* ((full (with-output-to-string (describe-register-1 reg)))
         (body (if (string-match " contains \\(?:an? \\|the \\)?" full)
                   (substring full (match-end 0))
                 full)))
    (replace-regexp-in-string "\n[ \t]*" " " body)))

(defun register-preview-default (entry) "The preview line for ENTRY, a (NAME . CONTENTS) pair of `register-alist'."
  (format "%s: %s\n" (single-key-description (car entry))
          (register-describe-oneline (car entry))))

(defun register-preview (buf &optional show-empty) "Fill BUF with a preview line for each register.
With SHOW-EMPTY the buffer is made even when no register is set."
  (when (or show-empty register-alist) (with-current-buffer (get-buffer-create buf)
					 (let ((inhibit-read-only t)) (erase-buffer)
					      (dolist (entry register-alist)
						(when (get-register (car entry))
						  (insert (funcall register-preview-function entry))))))))

(defun register--ask (what) "Read a register name for the command doing WHAT."
  (register-read-with-preview (concat what " register: ")))

(defun register-read-with-preview (prompt) "Read a register name with PROMPT and return it as a character.
The name is the event `read-key' leaves in `last-input-event'; C-g and
ESC quit, and `help-char' shows *Register Preview* and reads again.
The preview and its window are gone when this returns."
  (let ((asking t) (preview "*Register Preview*"))
    (unwind-protect
        (while asking
          (read-key (propertize prompt 'face 'minibuffer-prompt))
          (if (not (eq last-input-event help-char))
              (setq asking nil)
            (register-preview preview t)
            (display-buffer preview)))
      (when (get-buffer preview)
        (let ((shown (get-buffer-window preview)))
          (if (and shown (not (one-window-p t))) (delete-window shown)))
        (kill-buffer preview)))
    (cond ((memq last-input-event '(?\C-g ?\C-\[ escape)) (signal 'quit nil))
          ((characterp last-input-event) last-input-event)
          (t (error "Non-character input-event")))))

(defun view-register (reg) "Show the full contents of REG in the *Output* buffer."
  (interactive (list (register--ask "View")))
  (if (not (get-register reg))
      (message "Register %s is empty" (single-key-description reg))
    (with-output-to-temp-buffer "*Output*"
      (describe-register-1 reg t))))

(defun list-registers () "Describe every register that holds something, in the *Output* buffer."
  (interactive)
  (let ((names (sort (delq nil (mapcar (lambda (entry) (and (cdr entry) (car entry)))
                                       register-alist))
                     #'<)))
    (with-output-to-temp-buffer "*Output*"
      (dolist (name names)
        (describe-register-1 name) (terpri)))))

(provide 'register)

;;; register.el ends here
