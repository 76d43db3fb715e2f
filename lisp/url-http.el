;;; url-http.el --- http: and https: URLs (not retrievable in tsmacs yet)  -*- lexical-binding: t -*-

;; Written for tsmacs (issue 10).  tsmacs has no HTTP client: every entry
;; point that would talk to a server signals an error saying so.

;;; Code:

(require 'url-parse)

(define-error 'url-http-unsupported "tsmacs has no HTTP client")

(defun url-http--refuse (url) "Signal that URL cannot be retrieved by tsmacs."
  (signal 'url-http-unsupported (list (if (url-p url) (url-recreate-url url) url))))

(defun url-http (url callback cbargs &optional _retry-buffer _gateway-method) "Retrieve the http: URL: tsmacs cannot, and signals `url-http-unsupported'."
  (ignore callback cbargs)
  (url-http--refuse url))

(defun url-https (url callback cbargs) "Retrieve the https: URL: tsmacs cannot, and signals `url-http-unsupported'."
  (ignore callback cbargs)
  (url-http--refuse url))

(defun url-https-file-exists-p (url) "Whether the https: URL exists: tsmacs cannot ask (`url-http-unsupported')."
  (url-http--refuse url))

(defun url-https-file-readable-p (url) "Whether the https: URL is readable: tsmacs cannot ask (`url-http-unsupported')."
  (url-http--refuse url))

(defun url-https-file-attributes (url &optional _id-format) "The attributes of the https: URL: tsmacs cannot ask (`url-http-unsupported')."
  (url-http--refuse url))

(provide 'url-http)

;;; url-http.el ends here
