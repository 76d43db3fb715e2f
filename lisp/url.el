;;; url.el --- retrieve the document a URL names  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (issue 10).
;; A scheme's loader (see url-methods.el) fills a new buffer with the
;; document, MIME headers first; file: and data: URLs are served here.
;; tsmacs has no HTTP client yet: http, https and ftp URLs signal an error.

;;; Code:

(require 'url-vars)
(require 'url-parse)
(require 'url-util)

(defun url-retrieve-internal (url callback cbargs &optional silent inhibit-cookies) "Retrieve URL as `url-retrieve' does."
  (let ((obj (if (url-p url) url (url-generic-parse-url url))))
    (unless (url-type obj) (error "Bad url: %s" (url-recreate-url obj)))
    (setf (url-silent obj) silent
          (url-use-cookies obj) (not inhibit-cookies))
    (let* ((loader (url-scheme-get-property (url-type obj) 'loader))
           (async (url-scheme-get-property (url-type obj) 'asynchronous-p)))
      (setf (url-asynchronous obj) url-asynchronous)
      (if (eq loader 'url-scheme-default-loader)
          (error "Unknown URL scheme: %s" (url-type obj))
        ;; An asynchronous loader runs CALLBACK itself when the document is in;
        ;; a synchronous one gives its buffer back, and CALLBACK runs here.
        (if async
            (funcall loader obj callback cbargs)
          (let ((buf (funcall loader obj)))
            (when (bufferp buf)
              (with-current-buffer buf (apply callback cbargs)))
            buf))))))

(defun url-retrieve (url callback &optional cbargs silent inhibit-cookies) "Retrieve URL and call CALLBACK with STATUS and CBARGS in the buffer holding it.
The buffer (returned) has the document's MIME headers, an empty line and
its body.  SILENT is stored in the URL object; INHIBIT-COOKIES too."
  (url-retrieve-internal (if (stringp url) url (with-temp-buffer (insert url) (buffer-string)))
                         callback (cons nil cbargs) silent inhibit-cookies))

(defun url-retrieve-synchronously (url &optional silent inhibit-cookies timeout) "Retrieve URL and return the buffer holding it, headers first, or nil.
SILENT and INHIBIT-COOKIES are as for `url-retrieve'; TIMEOUT (seconds)
bounds the wait for an asynchronous scheme."
  (let* ((done nil)
         (url-asynchronous nil)
         (buf (url-retrieve url (lambda (&rest _) (setq done t)) nil silent inhibit-cookies))
         (deadline (and timeout (time-add nil timeout))))
    (while (and (bufferp buf) (not done) (buffer-live-p buf)
                (not (and deadline (time-less-p deadline nil))))
      (accept-process-output nil 0.05))
    buf))

(provide 'url)

;;; url.el ends here
