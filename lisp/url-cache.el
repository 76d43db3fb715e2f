;;; url-cache.el --- keep retrieved documents on disk  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (issue 10).
;; A document is kept under url-cache-directory/USER/SCHEME/HOST-REVERSED/,
;; in a file named by the MD5 of its URL.

;;; Code:

(require 'url-parse)
(require 'url-vars)

(defcustom url-cache-directory (expand-file-name "cache" url-configuration-directory)
  "The directory of the URL cache." :type 'directory :group 'url)

(defcustom url-cache-expire-time 3600 "How many seconds a cached document stays fresh."
  :type 'integer :group 'url)

(defun url-cache-create-filename (url) "The cache file that would hold URL (a string or a `url' structure)."
  (let* ((obj (if (url-p url) url (url-generic-parse-url url)))
         (site (url-host obj))
         (dirs (cons (or (url-type obj) "file")
                     (if site (nreverse (split-string site "\\." t)) (list "localhost")))))
    (unless (url-filename obj) (setq obj (copy-sequence obj)) (setf (url-filename obj) "/"))
    (expand-file-name (md5 (url-recreate-url obj))
                      (expand-file-name (mapconcat #'identity dirs "/")
                                        (expand-file-name (user-real-login-name) url-cache-directory)))))

(defun url-is-cached (url) "The modification time of URL's cache file, or nil when it is not cached."
  (let ((file (and (stringp url) (url-cache-create-filename url))))
    (and file (file-exists-p file) (file-attribute-modification-time (file-attributes file)))))

(defun url-cache-expired (url &optional expire-time) "Non-nil unless URL is cached and younger than EXPIRE-TIME seconds (default `url-cache-expire-time')."
  (let ((stamp (url-is-cached url)))
    (or (null stamp)
        (time-less-p (time-add stamp (or expire-time url-cache-expire-time)) nil))))

(defun url-store-in-cache (&optional buff) "Write BUFF (default the current buffer) to the cache file of its document's URL."
  (with-current-buffer (or buff (current-buffer))
    (let ((file (url-cache-create-filename (and url-current-object (url-recreate-url url-current-object)))))
      (make-directory (file-name-directory file) 'parents)
      ;; The bytes as they are, and no "Wrote" message.
      (let ((coding-system-for-write 'no-conversion))
        (write-region nil nil file nil 'quiet))
      nil)))

(defun url-cache-extract (fnam) "Replace the current buffer's text with the bytes of the cache file FNAM."
  (set-buffer-multibyte nil)
  (delete-region (point-min) (point-max))
  (insert-file-contents-literally fnam))

(defun url-fetch-from-cache (url) "A new buffer holding URL's cached document, as `url-retrieve' would give it."
  (let ((buf (generate-new-buffer " *temp*")))
    (with-current-buffer buf (url-cache-extract (url-cache-create-filename url)))
    buf))

(provide 'url-cache)

;;; url-cache.el ends here
