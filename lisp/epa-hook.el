;;; epa-hook.el --- Auto Encryption mode: the file name handler for .gpg files  -*- lexical-binding: t -*-

;; Written for tsmacs from the behaviour of GNU Emacs 28.2 and its manual.
;; Preloaded, as in GNU: the handler's entry in `file-name-handler-alist' and
;; the mode are part of the start-up state.  tsmacs has no GnuPG interface,
;; so the handler lets every file operation through to the ordinary code
;; except reading and writing, which it refuses rather than treat an
;; encrypted file as plain text.

(defvar epa-file-name-regexp "\\.gpg\\(~\\|\\.~[0-9]+~\\)?\\'"
  "Regexp matching the names of the files Auto Encryption mode handles.")
(defvar epa-file-inhibit-auto-save t "Non-nil means auto-saving is off in the buffers of encrypted files.")
(defvar epa-file-encrypt-to nil "The recipients an encrypted file is encrypted for, usually set as a file-local variable.")
(put 'epa-file-encrypt-to 'safe-local-variable (lambda (v) (or (stringp v) (and (listp v) (seq-every-p #'stringp v)))))
(put 'epa-file-encrypt-to 'permanent-local t) ; survives a change of major mode
(defvar epa-file-handler (cons epa-file-name-regexp 'epa-file-handler)
  "The element of `file-name-handler-alist' Auto Encryption mode installs.")
(defvar epa-file-auto-mode-alist-entry
  (or (assoc epa-file-name-regexp auto-mode-alist) (list epa-file-name-regexp nil 'epa-file))
  "The element of `auto-mode-alist' Auto Encryption mode installs.")

(defun epa-file-name-regexp-update () "Make the installed handler entry use the current value of `epa-file-name-regexp'."
  (interactive) (setcar epa-file-handler epa-file-name-regexp))

(defun epa-file--file-name-regexp-set (variable value) "Set VARIABLE to VALUE and update the handler entry, as Customize does."
  (set-default variable value) (epa-file-name-regexp-update))

(defun epa-file-run-real-handler (operation args) "Apply OPERATION to ARGS with this handler out of the way."
  (let* ((same-op (eq inhibit-file-name-operation operation))
         (inhibit-file-name-handlers (cons 'epa-file-handler (and same-op inhibit-file-name-handlers)))
         (inhibit-file-name-operation operation))
    (apply operation args)))

(defun epa-file-handler (operation &rest args) "Handle OPERATION on an encrypted file name with ARGS; only reading and writing need decryption."
  (let ((writing (eq operation 'write-region)))
    (if (or writing (eq operation 'insert-file-contents))
        (signal 'file-error (list (if writing "Opening output file" "Opening input file")
                                  "Encryption is not available" (if writing (nth 2 args) (car args))))
      (save-match-data (epa-file-run-real-handler operation args)))))

;; Only reading and writing an encrypted file differ from a plain one.
(put 'epa-file-handler 'operations '(write-region insert-file-contents))
(put 'epa-file-handler 'safe-magic t)

(defun epa-file-find-file-hook () "Turn auto-saving off in the buffer of a visited encrypted file, as `epa-file-inhibit-auto-save' asks."
  (when (and buffer-file-name epa-file-inhibit-auto-save
             (string-match-p epa-file-name-regexp buffer-file-name)
             (fboundp 'auto-save-mode))
    (auto-save-mode -1)))

(defcustom auto-encryption-mode t "Non-nil while files named like `epa-file-name-regexp' are decrypted and encrypted as they are read and written."
  :type 'boolean :group 'epa-file
  :set (lambda (_symbol value) (auto-encryption-mode (if value 1 -1)))
  :initialize #'custom-initialize-default)
(defvar auto-encryption-mode-hook nil "Hook run after Auto Encryption mode is turned on or off.")
(defvar auto-encryption-mode-on-hook nil "Hook run after Auto Encryption mode is turned on.")
(defvar auto-encryption-mode-off-hook nil "Hook run after Auto Encryption mode is turned off.")

;; Written out rather than with `define-minor-mode': this file is in the
;; image, and the macro's library need not be.
(defun auto-encryption-mode (&optional arg) "Toggle the automatic decryption and encryption of the files named like `epa-file-name-regexp'.
ARG `toggle' switches the mode, a number below 1 turns it off, anything
else (nil included) turns it on.  The value is the new state."
  (interactive (list (if current-prefix-arg (prefix-numeric-value current-prefix-arg) 'toggle)))
  (let ((on (cond ((eq arg 'toggle) (not auto-encryption-mode))
                  ((numberp arg) (>= arg 1))
                  (t t))))
    (setq-default auto-encryption-mode on)
    (setq global-minor-modes (delq 'auto-encryption-mode global-minor-modes)
          file-name-handler-alist (delq epa-file-handler file-name-handler-alist)
          auto-mode-alist (delq epa-file-auto-mode-alist-entry auto-mode-alist))
    (remove-hook 'find-file-hook #'epa-file-find-file-hook)
    (when on
      (push 'auto-encryption-mode global-minor-modes)
      (push epa-file-handler file-name-handler-alist)
      (push epa-file-auto-mode-alist-entry auto-mode-alist)
      (add-hook 'find-file-hook #'epa-file-find-file-hook))
    (run-hooks 'auto-encryption-mode-hook
               (if on 'auto-encryption-mode-on-hook 'auto-encryption-mode-off-hook))
    on))

;; On from the start.
(push epa-file-handler file-name-handler-alist)
(unless (memq epa-file-auto-mode-alist-entry auto-mode-alist)
  (push epa-file-auto-mode-alist-entry auto-mode-alist))
(add-hook 'find-file-hook #'epa-file-find-file-hook)

(provide 'epa-hook)
