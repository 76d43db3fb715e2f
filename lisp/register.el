;;; register.el --- named registers holding text, numbers, positions and rectangles  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A register is named by a character; `register-alist' maps each name to
;; its contents.  What a register can hold, and how it is shown, inserted
;; or jumped to, is decided by three generic functions, so that other
;; libraries may add kinds of contents (see `registerv-make').

(require 'cl-lib)
(require 'cl-generic)

(defvar register-alist nil
  "Alist of (NAME . CONTENTS) for every register in use.
NAME is a character; CONTENTS is a string, a number, a marker, a list
of strings (a rectangle), (file . FILE-NAME), (file-query FILE-NAME
POSITION), or a `registerv' object.")

(defgroup register nil
  "Saving text, positions and numbers in named registers."
  :group 'killing)

(defcustom register-separator nil
  "Register whose text `append-to-register' and `prepend-to-register' put between pieces."
  :type '(choice (const :tag "None" nil) character))

(defcustom register-preview-delay 1
  "Seconds before the register preview window pops up; nil never shows it."
  :type '(choice number (const :tag "Never" nil)))

(defcustom register-preview-function #'register-preview-default
  "Function turning a (NAME . CONTENTS) pair into one line of preview text."
  :type 'function)

;; Extensible contents: DATA plus how to print, jump to and insert it.
(cl-defstruct (registerv (:constructor nil)
                         (:constructor registerv--make
                                       (&optional data print-func jump-func insert-func))
                         (:copier nil))
  data print-func jump-func insert-func)

(cl-defun registerv-make (data &key print-func jump-func insert-func)
  "A register value holding DATA.
PRINT-FUNC is called with DATA to describe it (printing to
`standard-output'), JUMP-FUNC with DATA by `jump-to-register',
INSERT-FUNC with DATA by `insert-register'."
  (registerv--make data print-func jump-func insert-func))

(defun get-register (register)
  "The contents of REGISTER (a character), or nil if it is empty."
  (cdr (assq register register-alist)))

(defun set-register (register value)
  "Make VALUE the contents of REGISTER and return VALUE."
  (let ((cell (assq register register-alist)))
    (if cell
        (setcdr cell value)
      (setq register-alist (cons (cons register value) register-alist))))
  value)

(defun register--text (start end delete)
  "The text from START to END as a register holds it; remove it too if DELETE."
  (let ((text (if (fboundp 'filter-buffer-substring)
                  (filter-buffer-substring start end delete)
                (prog1 (buffer-substring start end)
                  (when delete (delete-region start end))))))
    text))

(defun register--separator-text ()
  "The contents of the separator register (nil when there is none)."
  (and register-separator (get-register register-separator)))

;;; Positions.

(defun register-swap-out ()
  "Turn markers into this buffer kept in registers into file references.
Run from `kill-buffer-hook' of buffers visiting files, so that a
register still finds the place after the buffer is gone."
  (when buffer-file-name
    (dolist (cell register-alist)
      (let ((val (cdr cell)))
        (when (and (markerp val) (eq (marker-buffer val) (current-buffer)))
          (setcdr cell (list 'file-query buffer-file-name (marker-position val))))))))

(defun point-to-register (register &optional _arg)
  "Save the position of point, in the current buffer, in REGISTER.
Returns the marker saved."
  (interactive (list (register-read-with-preview "Point to register: ")
                     current-prefix-arg))
  (add-hook 'kill-buffer-hook #'register-swap-out nil t)
  (set-register register (point-marker)))

(defun window-configuration-to-register (_register &optional _arg)
  "Not available: tsmacs has no window configurations to save."
  (interactive (list nil nil))
  (user-error "Window configurations are not supported"))

(defun frame-configuration-to-register (_register &optional _arg)
  "Not available: tsmacs has no frame configurations to save."
  (interactive (list nil nil))
  (user-error "Frame configurations are not supported"))

(cl-defgeneric register-val-jump-to (val arg)
  "Move to the place register contents VAL designate; ARG is the prefix.")

(cl-defmethod register-val-jump-to ((val registerv) _arg)
  (let ((jump (registerv-jump-func val)))
    (unless jump
      (error "Don't know how to jump to register value %S" val))
    (funcall jump (registerv-data val))))

(cl-defmethod register-val-jump-to ((val marker) _arg)
  (let ((buffer (marker-buffer val)))
    (unless buffer
      (user-error "That register's buffer no longer exists"))
    (switch-to-buffer buffer)
    (unless (or (= (point) (marker-position val))
                (eq last-command 'jump-to-register))
      (push-mark))
    (goto-char val)))

(cl-defmethod register-val-jump-to ((val cons) arg)
  (pcase val
    (`(file . ,name) (find-file name))
    (`(file-query ,name ,pos)
     (unless (or (find-buffer-visiting name)
                 (y-or-n-p (format "Visit file %s again? " name)))
       (user-error "Register access aborted"))
     (find-file name)
     (goto-char pos))
    (_ (cl-call-next-method val arg))))

(cl-defmethod register-val-jump-to (_val _arg)
  (user-error "Register doesn't contain a buffer position or configuration"))

(defun jump-to-register (register &optional delete)
  "Go to the position or file saved in REGISTER.
DELETE is for window configurations, which tsmacs does not keep."
  (interactive (list (register-read-with-preview "Jump to register: ")
                     current-prefix-arg))
  (register-val-jump-to (get-register register) delete))

(defalias 'register-to-point #'jump-to-register)

;;; Numbers.

(defun number-to-register (number register &optional _arg)
  "Store NUMBER in REGISTER.
If NUMBER is nil, read the integer after point (skipping whitespace),
move past it and store that, or 0 when there is none."
  (interactive (list current-prefix-arg
                     (register-read-with-preview "Number to register: ")))
  (set-register register
                (cond (number (prefix-numeric-value number))
                      ((looking-at "\\s-*\\(-?[0-9]+\\)")
                       (goto-char (match-end 0))
                       (string-to-number (match-string 1)))
                      (t 0))))

(defun increment-register (prefix register)
  "Add PREFIX to the number in REGISTER, or append the region to its text.
For a number, PREFIX is read as a prefix argument (nil counts as 1).
For text, the region is appended and PREFIX non-nil deletes it."
  (interactive (list current-prefix-arg
                     (register-read-with-preview "Increment register: ")))
  (let ((val (get-register register)))
    (cond ((numberp val)
           (set-register register (+ val (prefix-numeric-value prefix))))
          ((or (null val) (stringp val))
           (append-to-register register (region-beginning) (region-end) prefix))
          (t (user-error "Register does not contain a number or text")))))

;;; Text.

(defun copy-to-register (register start end &optional delete-flag region)
  "Save the text from START to END in REGISTER; with DELETE-FLAG delete it.
REGION non-nil means take the text the way the region is taken."
  (interactive (list (register-read-with-preview "Copy to register: ")
                     (region-beginning) (region-end) current-prefix-arg t))
  (set-register register
                (if (and region (boundp 'region-extract-function)
                         region-extract-function)
                    (funcall region-extract-function delete-flag)
                  (register--text start end delete-flag)))
  (setq deactivate-mark t)
  (and delete-flag t))

(defun register--add-text (register start end delete-flag at-end)
  "Put the text from START to END at one end of REGISTER's text.
AT-END non-nil appends it, nil prepends it; DELETE-FLAG deletes it."
  (let ((old (get-register register)))
    (unless (or (null old) (stringp old))
      (user-error "Register does not contain text"))
    (let ((new (register--text start end delete-flag)))
      ;; The separator goes only between two pieces.
      (set-register register
                    (cond ((null old) new)
                          (at-end (concat old (register--separator-text) new))
                          (t (concat new (register--separator-text) old)))))
    (setq deactivate-mark t)
    nil))

(defun append-to-register (register start end &optional delete-flag)
  "Add the text from START to END to the end of REGISTER's text.
With DELETE-FLAG the text is deleted from the buffer too."
  (interactive (list (register-read-with-preview "Append to register: ")
                     (region-beginning) (region-end) current-prefix-arg))
  (register--add-text register start end delete-flag t))

(defun prepend-to-register (register start end &optional delete-flag)
  "Add the text from START to END to the front of REGISTER's text.
With DELETE-FLAG the text is deleted from the buffer too."
  (interactive (list (register-read-with-preview "Prepend to register: ")
                     (region-beginning) (region-end) current-prefix-arg))
  (register--add-text register start end delete-flag nil))

(defun copy-rectangle-to-register (register start end &optional delete-flag)
  "Save the rectangle with corners START and END in REGISTER.
With DELETE-FLAG the rectangle is deleted from the buffer too."
  (interactive (list (register-read-with-preview "Copy rectangle to register: ")
                     (region-beginning) (region-end) current-prefix-arg))
  (set-register register (if delete-flag
                             (delete-extract-rectangle start end)
                           (extract-rectangle start end)))
  (setq deactivate-mark t)
  nil)

(cl-defgeneric register-val-insert (val)
  "Insert register contents VAL at point.")

(cl-defmethod register-val-insert ((val registerv))
  (let ((insert (registerv-insert-func val)))
    (unless insert
      (error "Don't know how to insert register value %S" val))
    (funcall insert (registerv-data val))))

(cl-defmethod register-val-insert ((val string))
  (if (fboundp 'insert-for-yank) (insert-for-yank val) (insert val)))

(cl-defmethod register-val-insert ((val number))
  (princ val (current-buffer)))

(cl-defmethod register-val-insert ((val marker))
  (let ((pos (marker-position val)))
    (if pos
        (princ pos (current-buffer))
      (cl-call-next-method val))))

(cl-defmethod register-val-insert ((val cons))
  (insert-rectangle val))

(cl-defmethod register-val-insert (_val)
  (user-error "Register does not contain text"))

(defun insert-register (register &optional arg)
  "Insert the contents of REGISTER at point.
Point ends before the inserted text and the mark after it, unless ARG
is non-nil, which puts the mark before and point after."
  (interactive (progn (barf-if-buffer-read-only)
                      (list (register-read-with-preview "Insert register: ")
                            (not current-prefix-arg))))
  (push-mark)
  (register-val-insert (get-register register))
  (unless arg
    ;; Point back to the start, the mark after the insertion.
    (let ((end (point)))
      (goto-char (mark t))
      (set-marker (mark-marker) end)))
  nil)

;;; Describing registers.

(defun register--text-head (text)
  "The first non-blank line of TEXT, cut to fit a preview line."
  (let* ((start (or (string-match "[^ \t\n]" text) (length text)))
         (line-end (or (string-match "\n" text start) (length text)))
         (room (if (fboundp 'window-width) (- (window-width) 59) 21)))
    (substring text start (min line-end (+ start (max room 0))))))

(cl-defgeneric register-val-describe (val verbose)
  "Print a description of register contents VAL to `standard-output'.
VERBOSE non-nil asks for the whole contents.")

(cl-defmethod register-val-describe ((val registerv) _verbose)
  (let ((print (registerv-print-func val)))
    (if print
        (funcall print (registerv-data val))
      (princ "[UNPRINTABLE CONTENTS]."))))

(cl-defmethod register-val-describe ((val number) _verbose)
  (princ val))

(cl-defmethod register-val-describe ((val marker) _verbose)
  (let ((buffer (marker-buffer val)))
    (if (not buffer)
        (princ "a marker in no buffer")
      (princ "a buffer position:\n    buffer ")
      (princ (buffer-name buffer))
      (princ ", position ")
      (princ (marker-position val)))))

(cl-defmethod register-val-describe ((val string) verbose)
  (cond (verbose (princ "the text:\n") (princ val))
        ((equal val "") (princ "the empty string"))
        (t (princ "text starting with\n    ")
           (princ (register--text-head val)))))

(cl-defmethod register-val-describe ((val cons) verbose)
  (pcase val
    (`(file . ,name)
     (princ "the file ") (prin1 name) (princ "."))
    (`(file-query ,name ,pos)
     (princ "a file-query reference:\n    file ") (prin1 name)
     (princ ",\n    position ") (princ pos) (princ "."))
    ((guard (stringp (car val)))
     (if verbose
         (progn (princ "the rectangle:\n")
                (dolist (line val) (princ "    ") (princ line) (terpri)))
       (princ "a rectangle starting with ")
       (princ (car val))))
    (_ (cl-call-next-method val verbose))))

(cl-defmethod register-val-describe (val verbose)
  (princ "Garbage:\n")
  (when verbose (prin1 val)))

(defun describe-register-1 (register &optional verbose)
  "Print what REGISTER holds to `standard-output'; VERBOSE shows all of it."
  (princ "Register ")
  (princ (single-key-description register))
  (princ " contains ")
  (register-val-describe (get-register register) verbose))

(defun register-describe-oneline (register)
  "A one-line description of what REGISTER holds."
  (let* ((full (with-output-to-string (describe-register-1 register)))
         (body (if (string-match " contains \\(?:an? \\|the \\)?" full)
                   (substring full (match-end 0))
                 full)))
    (replace-regexp-in-string "\n[ \t]*" " " body)))

(defun register-preview-default (cell)
  "The preview line for CELL, a (NAME . CONTENTS) pair of `register-alist'."
  (format "%s: %s\n" (single-key-description (car cell))
          (register-describe-oneline (car cell))))

(defun register-preview (buffer &optional show-empty)
  "Fill BUFFER with a preview line for each register.
With SHOW-EMPTY the buffer is made even when no register is set."
  (when (or show-empty register-alist)
    (with-current-buffer (get-buffer-create buffer)
      (let ((inhibit-read-only t))
        (erase-buffer)
        (dolist (cell register-alist)
          (when (get-register (car cell))
            (insert (funcall register-preview-function cell))))))))

(defun register-read-with-preview (prompt)
  "Read a register name with PROMPT and return it as a character."
  (let ((key (read-char prompt)))
    (if (characterp key) key (user-error "Non-character input-event"))))

(defun view-register (register)
  "Show the full contents of REGISTER in the *Output* buffer."
  (interactive (list (register-read-with-preview "View register: ")))
  (if (not (get-register register))
      (message "Register %s is empty" (single-key-description register))
    (with-output-to-temp-buffer "*Output*"
      (describe-register-1 register t))))

(defun list-registers ()
  "Describe every register that holds something, in the *Output* buffer."
  (interactive)
  (let ((names (sort (delq nil (mapcar (lambda (cell) (and (cdr cell) (car cell)))
                                       register-alist))
                     #'<)))
    (with-output-to-temp-buffer "*Output*"
      (dolist (name names)
        (describe-register-1 name)
        (terpri)))))

(provide 'register)

;;; register.el ends here
