;;; files-buffers.el --- files.el's commands over many buffers and the find-file variants  -*- lexical-binding: t -*-

;; Killing buffers by name or one by one with a question, saving every
;; modified file buffer, and the `find-file' relatives that visit read-only,
;; insist on an existing file, or replace the current buffer.  Questions are
;; read from standard input in batch mode, as the minibuffer would read them.

(defun kill-buffer-ask (buffer)
  "Ask whether to kill BUFFER (saying whether it was edited), and kill it if so."
  (when (yes-or-no-p (format "Buffer %s %s.  Kill? " (buffer-name buffer)
                             (if (buffer-modified-p buffer) "HAS BEEN EDITED" "is unmodified")))
    (kill-buffer buffer)))

(defun files--internal-buffer-p (buffer)
  "Non-nil if BUFFER's name starts with a space, as internal buffers' names do."
  (string-prefix-p " " (buffer-name buffer)))

(defun kill-matching-buffers (regexp &optional internal-too no-ask)
  "Kill the buffers whose names REGEXP matches, asking about each unless NO-ASK.
Buffers whose names start with a space are spared unless INTERNAL-TOO."
  (interactive "sKill buffers matching this regular expression: \nP")
  (dolist (buffer (buffer-list))
    (when (and (buffer-live-p buffer)
               (string-match regexp (buffer-name buffer))
               (or internal-too (not (files--internal-buffer-p buffer))))
      (if no-ask (kill-buffer buffer) (kill-buffer-ask buffer))))
  nil)

(defun kill-some-buffers (&optional list)
  "Ask about each buffer of LIST (default: all buffers) whether to kill it.
Buffers whose names start with a space are not offered."
  (interactive)
  (dolist (buffer (or list (buffer-list)))
    (when (and (buffer-live-p buffer) (not (files--internal-buffer-p buffer)))
      (kill-buffer-ask buffer)))
  nil)

(defvar save-some-buffers-default-predicate nil
  "When non-nil, the PRED `save-some-buffers' uses when called without one.")

(defun files--wants-saving-p (buffer pred)
  "Non-nil if BUFFER is a modified file buffer that PRED (when a function) accepts."
  (with-current-buffer buffer
    (and (buffer-live-p buffer)
         (buffer-modified-p)
         buffer-file-name
         (not (files--internal-buffer-p buffer))
         (or (not (functionp pred)) (funcall pred)))))

(defun save-some-buffers (&optional arg pred)
  "Save the modified buffers that visit files; t if any was saved.
With ARG non-nil, save them all without asking.  PRED, when a function, is
called in each candidate buffer and must give non-nil for it to be saved.
Batch mode has no way to ask, so a question to ask is a `quit'."
  (interactive "P")
  (let ((pred (or pred save-some-buffers-default-predicate))
        (saved nil))
    (dolist (buffer (buffer-list))
      (when (files--wants-saving-p buffer pred)
        (unless arg (signal 'quit nil))
        (with-current-buffer buffer (save-buffer))
        (setq saved t)))
    saved))

(defun find-file--read-only (fun filename wildcards)
  "Visit FILENAME with FUN (given FILENAME and WILDCARDS) and make the buffers read-only.
The file must exist unless WILDCARDS lets FILENAME be a pattern."
  (unless (or (and wildcards find-file-wildcards (string-match-p "[[*?]" filename))
              (file-exists-p filename))
    (error "%s does not exist" filename))
  (let ((value (funcall fun filename wildcards)))
    (dolist (buffer (if (listp value) value (list value)))
      (with-current-buffer buffer (setq buffer-read-only t)))
    value))

(defun find-file-read-only (filename &optional wildcards)
  "Visit the existing file FILENAME read-only, as `find-file' would visit it."
  (interactive (list (read-string "Find file read-only: ") t))
  (find-file--read-only #'find-file filename wildcards))

(defun find-file-read-only-other-window (filename &optional wildcards)
  "Visit FILENAME read-only; in batch mode there is no other window, so as `find-file-read-only'."
  (interactive (list (read-string "Find file read-only other window: ") t))
  (find-file--read-only #'find-file filename wildcards))

(defun find-file-read-only-other-frame (filename &optional wildcards)
  "Visit FILENAME read-only; in batch mode there is no other frame, so as `find-file-read-only'."
  (interactive (list (read-string "Find file read-only other frame: ") t))
  (find-file--read-only #'find-file filename wildcards))

(defun find-file-existing (filename)
  "Visit FILENAME as `find-file' does, but only when it exists."
  (interactive (list (read-string "Find existing file: ")))
  (unless (file-exists-p filename)
    (error "%s does not exist" filename))
  (find-file filename))

(defun find-file-other-window (filename &optional wildcards)
  "Visit FILENAME; batch mode has no other window, so as `find-file'."
  (interactive (list (read-string "Find file in other window: ") t))
  (find-file filename wildcards))

(defun find-file-other-frame (filename &optional wildcards)
  "Visit FILENAME; batch mode has no other frame, so as `find-file'."
  (interactive (list (read-string "Find file in other frame: ") t))
  (find-file filename wildcards))

(defun find-alternate-file (filename &optional wildcards)
  "Kill the current buffer and visit FILENAME in its place.
A modified buffer visiting a file is only given up after a yes-or-no question."
  (interactive (list (read-string "Find alternate file: ") t))
  (and (buffer-modified-p) buffer-file-name
       (not (yes-or-no-p (format-message "Kill and replace buffer `%s' without saving it? "
                                         (buffer-name))))
       (user-error "Aborted"))
  (let ((old (current-buffer)))
    (find-file filename wildcards)
    (if (eq old (current-buffer))
        t
      (let ((new (current-buffer)))
        (with-current-buffer old (set-buffer-modified-p nil))
        (prog1 (kill-buffer old)
          (set-buffer new))))))

(defun find-alternate-file-other-window (filename &optional wildcards)
  "Visit FILENAME; batch mode has no other window, so as `find-file'."
  (interactive (list (read-string "Find alternate file in other window: ") t))
  (find-file filename wildcards))

;;; files-buffers.el ends here
