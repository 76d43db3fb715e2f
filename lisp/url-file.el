;;; url-file.el --- file: URLs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (issue 10).

;;; Code:

(require 'url-parse)
(require 'url-vars)                     ; url-current-object

(defun url-file (url callback cbargs) "Read the local file URL names into a new buffer, as MIME headers and body.
The host must be empty or \"localhost\".  CALLBACK is applied to CBARGS
in the new buffer.  A directory gives nil."
  (let ((host (url-host url)) (file (url-unhex-string (or (url-filename url) ""))))
    (unless (member host '(nil "" "localhost"))
      (error "tsmacs cannot retrieve files from other hosts: %s" (url-recreate-url url)))
    (cond
     ((file-directory-p file) nil)
     (t
      (let ((bytes (file-attribute-size (file-attributes file)))
            (type (or (mailcap-extension-to-mime (or (file-name-extension file t) ""))
                      "application/octet-stream")))
        (with-current-buffer (generate-new-buffer " *url-file*")
          (set-buffer-multibyte nil)
          ;; The headers, then the file's bytes, with point between them.
          (insert "Content-type: " type "\n"
                  (format "Content-length: %d\n\n" (if (>= bytes 0) bytes 0)))
          (save-excursion (insert-file-contents-literally file))
          (setq-local url-current-object url)
          (prog1 (current-buffer) (apply callback cbargs))))))))

(defun url-ftp (url callback cbargs) "Retrieve the ftp: URL: tsmacs has no FTP client, and signals an error."
  (ignore callback cbargs)
  (error "tsmacs has no FTP client: cannot retrieve %s" (url-recreate-url url)))

(provide 'url-file)

;;; url-file.el ends here
