;;; files-odds.el --- More of files.el: quoted file names, Lock File mode, Auto Save Visited mode, the trash  -*- lexical-binding: t -*-

;; Written for tsmacs from the behaviour of GNU Emacs 28.2 and its manual.

(defun file-name-non-special (operation &rest args) "Do file OPERATION on ARGS for a file name quoted with `/:', which no other handler may touch.
Names keep their quoting; substituting in one changes nothing."
  (let ((inhibit-file-name-handlers
         (cons 'file-name-non-special
               (and (eq inhibit-file-name-operation operation) inhibit-file-name-handlers)))
        (inhibit-file-name-operation operation))
    (pcase operation
      ('substitute-in-file-name (car args))
      ('unhandled-file-name-directory
       (file-name-as-directory (file-name-unquote (car args))))
      ;; These hand the name to a program or to the file search of `load', which know no quoting.
      ((or 'insert-directory 'load 'byte-compiler-base-file-name)
       (apply operation (file-name-unquote (car args)) (cdr args)))
      ;; A program started here runs in the unquoted directory.
      ((or 'process-file 'start-file-process 'shell-command)
       (let ((default-directory (file-name-unquote (directory-file-name default-directory))))
         ;; A shell command that starts with a quoted program name runs that program.
         (apply operation (if (eq operation 'shell-command) (cons (file-name-unquote (car args)) (cdr args)) args))))
      ('make-auto-save-file-name
       (let ((buffer-file-name (and buffer-file-name (file-name-unquote buffer-file-name))))
         (apply operation args)))
      (_ (apply operation args)))))

;;;###autoload
(defvar-local lock-file-mode nil "Non-nil when Lock File mode is on in the buffer.")

(define-minor-mode lock-file-mode "Toggle making lock files for the file this buffer visits."
  :variable ((buffer-local-value 'create-lockfiles (current-buffer))
             . (lambda (on) (setq-local create-lockfiles on)))
  (setq-local lock-file-mode create-lockfiles))

;;;###autoload
(defvar auto-save--timer nil "The idle timer of Auto Save Visited mode, or nil.")

(defun auto-save-visited--save () "Save each buffer that visits a file and was changed, as Auto Save Visited mode does."
  (save-some-buffers t (lambda ()
                         (and buffer-file-name
                              (not (and buffer-auto-save-file-name auto-save-visited-file-name))))))

(define-minor-mode auto-save-visited-mode "Toggle saving changed buffers to their visited files when Emacs is idle."
  :global t :group 'auto-save
  (when auto-save--timer
    (cancel-timer auto-save--timer))
  (setq auto-save--timer
        (and auto-save-visited-mode
             (run-with-idle-timer auto-save-visited-interval t #'auto-save-visited--save))))

(defun files--trash-name (dir name) "Return a name for NAME in the folder DIR that no file has yet: NAME itself, or NAME.~N~."
  (let ((target (expand-file-name name dir)) (n 1))
    (while (or (file-exists-p target) (file-symlink-p target))
      (setq target (expand-file-name (format "%s.~%d~" name n) dir)
            n (1+ n)))
    target))

(defun move-file-to-trash (filename) "Move FILENAME to the trash: `trash-directory' if set, else the freedesktop.org trash."
  (interactive "fMove file to trash: ")
  (let* ((file (directory-file-name (expand-file-name filename)))
         (name (file-name-nondirectory file)))
    (if trash-directory
        (let ((dir (expand-file-name trash-directory)))
          (unless (file-directory-p dir) (make-directory dir t))
          (rename-file file (files--trash-name dir name)))
      ;; The freedesktop.org layout: files/NAME and info/NAME.trashinfo.
      (let* ((home (or (getenv "XDG_DATA_HOME") (expand-file-name "~/.local/share")))
             (trash (expand-file-name "Trash" home))
             (files-dir (expand-file-name "files" trash))
             (info-dir (expand-file-name "info" trash)))
        (make-directory files-dir t)
        (make-directory info-dir t)
        (let* ((target (files--trash-name files-dir name))
               (info (expand-file-name (concat (file-name-nondirectory target) ".trashinfo") info-dir)))
          (write-region (format "[Trash Info]\nPath=%s\nDeletionDate=%s\n"
                                (url-hexify-string file (let ((ok (make-vector 256 nil)))
                                                          (dolist (c (string-to-list "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~/"))
                                                            (aset ok c t))
                                                          ok))
                                (format-time-string "%Y-%m-%dT%T"))
                        nil info nil 'quiet)
          (rename-file file target))))
    nil))

(provide 'files-odds)


(defun files--make-magic-temp-file (absolute-prefix &optional dir-flag suffix text) "Create a fresh file named ABSOLUTE-PREFIX, six random characters and SUFFIX; give its name.
The name is expanded (where a file name handler may take part) and the
file primitives make it there.  DIR-FLAG makes a directory instead; a file holds TEXT (or nothing).
Only the owner gets access.  A name taken meanwhile means another try."
  (let ((made nil))
    (with-file-modes #o700
      (while (not made)
        (let* ((name (concat (make-temp-name absolute-prefix) suffix))
               (where (expand-file-name name)))
          (condition-case nil
              (progn
                (if dir-flag
                    (make-directory where)
                  (write-region (or text "") nil where nil 'silent nil 'excl))
                (setq made name))
            (file-already-exists nil)))))
    made))

;;; files-odds.el ends here
