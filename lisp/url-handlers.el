;;; url-handlers.el --- URLs as file names  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (issue 10).

;;; Code:

(require 'url)
(require 'url-expand)

(defun url--split-document (buffer) "The body of the retrieved document in BUFFER and its MIME headers, as (BODY . HEADERS).
BODY is the bytes after the empty line; HEADERS an alist of lower-case
names and values."
  (let ((text (with-current-buffer buffer (buffer-substring-no-properties (point-min) (point-max))))
        (at 0) (headers ()))
    (while (eq at (string-match "\\([^:\n]+\\):[ \t]*\\(.*\\)\n" text at))
      (push (cons (downcase (match-string 1 text)) (match-string 2 text)) headers)
      (setq at (match-end 0)))
    (when (eq (string-search "\n" text at) at) (setq at (1+ at)))
    (cons (substring text at) headers)))

(defun url--decode-body (body headers) "Decode BODY by the charset its HEADERS name (guessing when they name none).
As GNU's, a transfer encoding is not undone."
  (let* ((type (or (cdr (assoc "content-type" headers)) ""))
         (charset (and (string-match ";[ \t]*charset=\"?\\([^\";]+\\)" type) (intern (downcase (match-string 1 type))))))
    (decode-coding-string body (if (and charset (coding-system-p charset)) charset 'undecided))))

(defun url-insert-buffer-contents (buffer url &optional visit beg end replace) "Insert the document retrieved into BUFFER (killed then) at point, as `insert-file-contents' would.
URL is the document's URL; with VISIT the current buffer visits it.
BEG and END select bytes of the body; REPLACE replaces the buffer's text.
Returns (URL LENGTH), LENGTH in bytes."
  (let* ((parts (url--split-document buffer))
         (body (substring (car parts) (or beg 0) end))
         (text (url--decode-body body (cdr parts))))
    (kill-buffer buffer)
    (when replace (delete-region (point-min) (point-max)))
    (save-excursion (insert text))
    (goto-char (point-min))
    (when visit (setq buffer-file-name url))
    (list url (length body))))

(defun url-insert-file-contents (url &optional visit beg end replace) "Retrieve URL and insert its document at point; see `url-insert-buffer-contents'."
  (let ((buf (or (url-retrieve-synchronously url) (error "Opening input file: No such file or directory, %s" url))))
    (url-insert-buffer-contents buf url visit beg end replace)))

(defun url-file-local-copy (url &rest _ignored) "Retrieve URL into a new temporary file and return its name."
  (let ((file (make-temp-file "url")))
    (url-copy-file url file t)
    file))

(defun url-copy-file (url newname &optional ok-if-already-exists &rest _ignored) "Retrieve URL and write its body to NEWNAME.
Unless OK-IF-ALREADY-EXISTS, an existing NEWNAME is an error."
  (when (and (file-exists-p newname) (not ok-if-already-exists))
    (signal 'file-already-exists (list "File already exists" newname)))
  (let ((buf (or (url-retrieve-synchronously url) (error "Opening input file: No such file or directory, %s" url))))
    (let ((body (car (url--split-document buf))))
      (kill-buffer buf)
      (let ((coding-system-for-write 'no-conversion))
        (write-region body nil newname nil 'quiet)))
    t))

(defcustom url-handler-regexp "\\`\\(?:https?\\|ftp\\|file\\|nfs\\|ssh\\|scp\\|rsync\\|telnet\\)://"
  "The file names that `url-handler-mode' treats as URLs." :type 'regexp :group 'url)

(defun url-run-real-handler (operation args) "Run OPERATION on ARGS with the URL file name handler out of the way."
  (let* ((same (eq inhibit-file-name-operation operation))
         (inhibit-file-name-handlers (cons 'url-file-handler (and same inhibit-file-name-handlers)))
         (inhibit-file-name-operation operation))
    (apply operation args)))

(defun url--name-exists-p (url) "Non-nil if the document URL names can be retrieved."
  (let ((obj (url-generic-parse-url url)))
    (if (equal (url-type obj) "file")
        (file-exists-p (url-unhex-string (or (url-filename obj) "")))
      (let ((buf (url-retrieve-synchronously url t)))
        (prog1 (and buf t) (when (buffer-live-p buf) (kill-buffer buf)))))))

(dolist (entry '((file-exists-p . url--name-exists-p)
                 (file-readable-p . url--name-exists-p)
                 (expand-file-name . url-expand-file-name)
                 (file-name-directory . url-file-directory)
                 (file-name-nondirectory . url-file-nondirectory)
                 (insert-file-contents . url-insert-file-contents)
                 (file-local-copy . url-file-local-copy)
                 (copy-file . url-copy-file)))
  (put (car entry) 'url-file-handlers (cdr entry)))

(defun url-file-handler (operation &rest args) "The file name handler for URLs: OPERATION on ARGS, done the URL library's way.
An operation it has no way for runs as it would on a local file name."
  (let ((fn (get operation 'url-file-handlers)))
    (if fn (apply fn args) (url-run-real-handler operation args))))

(define-minor-mode url-handler-mode "Let file operations open URLs: names matching `url-handler-regexp' go to `url-file-handler'."
  :group 'url :global t
  (setq file-name-handler-alist (delete (cons url-handler-regexp 'url-file-handler) file-name-handler-alist))
  (when url-handler-mode
    (push (cons url-handler-regexp 'url-file-handler) file-name-handler-alist)))

(provide 'url-handlers)

;;; url-handlers.el ends here
