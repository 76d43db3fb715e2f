;;; url-misc.el --- data: URLs, and schemes served by other programs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (issue 10).

;;; Code:

(require 'url-parse)
(require 'url-util)

(defun url-data (url) "A new buffer holding the document of the data: URL, as MIME headers and body."
  (let* ((spec (url-filename url))
         (comma (or (string-search "," spec) (error "Malformed data URL: %s" spec)))
         (media (substring spec 0 comma))
         (body (url-unhex-string (substring spec (1+ comma))))
         (encoding "8bit"))
    (when (string-match ";base64\\'" media)
      (setq media (substring media 0 (match-beginning 0)) encoding "base64"))
    ;; A type that starts with its parameters means text/plain.
    (when (eq (aref media 0) ?\;) (setq media (concat "text/plain" media)))
    ;; Point ends after the body.
    (with-current-buffer (generate-new-buffer " *url-data*")
      (set-buffer-multibyte nil)
      (insert (format "Content-Length: %d\nContent-Type: %s\nContent-Transfer-Encoding: %s\n\n%s"
                      (length body) media encoding body))
      (current-buffer))))

(defun url-generic-emulator-loader (url) "Open the URL (telnet, rlogin or tn3270) in a terminal buffer *USER@HOST*."
  (let* ((host (url-host url)) (user (url-user url))
         (args (pcase (url-type url)
                 ("telnet" (list "telnet" host (number-to-string (url-port url))))
                 ("rlogin" (append (list "rlogin" host) (and user (list "-l" user))))
                 (scheme (list scheme host)))))
    (apply #'make-term (if user (concat user "@" host) host) (car args) nil (cdr args))
    nil))

(defalias 'url-rlogin #'url-generic-emulator-loader)
(defalias 'url-telnet #'url-generic-emulator-loader)
(defalias 'url-tn3270 #'url-generic-emulator-loader)

(defun url-man (url) "Show the manual page the man: URL names."
  (let ((page (url-filename url))) (man page))
  nil)

(defun url-info (url) "Show the Info node the info: URL names (FILE#NODE)."
  (Info-find-node (url-filename url) (url-target url))
  nil)

(provide 'url-misc)

;;; url-misc.el ends here
