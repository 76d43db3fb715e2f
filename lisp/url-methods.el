;;; url-methods.el --- what tsmacs knows of each URL scheme  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (issue 10).
;; A scheme's properties: the port it uses when a URL names none, whether
;; its retrieval is asynchronous, and the function that retrieves it.

;;; Code:

(defconst url--scheme-table
  '(("http" 80 t url-http) ("https" 443 t url-https) ("ftp" 21 t url-ftp)
    ("file" 21 t url-file) ("irc" 6667 nil url-irc) ("ldap" 389 nil url-ldap)
    ("imap" 143 nil url-imap) ("mailto" 0 nil url-mailto) ("data" 0 nil url-data)
    ("news" 0 nil url-news) ("snews" 0 nil url-snews) ("telnet" 0 nil url-telnet)
    ("info" 0 nil url-info) ("man" 0 nil url-man) ("rlogin" 0 nil url-rlogin)
    ("tn3270" 0 nil url-tn3270) ("cid" 0 nil url-cid) ("about" 0 nil url-about))
  "Known schemes: (NAME DEFAULT-PORT ASYNCHRONOUS-P LOADER).")

(defvar url-scheme-registry (make-hash-table :size 7 :test 'equal)
  "Each scheme's property list, made the first time the scheme is asked about.")

(defun url-scheme-default-loader (url &optional _callback _cbargs)
  "Refuse URL, whose scheme tsmacs cannot retrieve."
  (error "Unknown URL scheme: %s" (if (stringp url) url (url-type url))))

(defun url-scheme--properties (scheme)
  "The property list of SCHEME (a string), made from `url--scheme-table'."
  (let ((key (downcase scheme)))
    (or (gethash key url-scheme-registry)
        (let* ((row (assoc key url--scheme-table))
               (plist (if row
                          (list 'name key 'default-port (nth 1 row)
                                'asynchronous-p (nth 2 row) 'loader (nth 3 row)
                                'expand-file-name (if (member key '("http" "https" "ftp" "file" "ldap"))
                                                      (intern (format "url-%s-expand-file-name" key))
                                                    'url-identity-expander))
                        (list 'name key 'default-port 0 'asynchronous-p nil
                              'loader 'url-scheme-default-loader
                              'expand-file-name 'url-identity-expander))))
          (puthash key plist url-scheme-registry)))))

(defun url-scheme-get-property (scheme property)
  "The value of PROPERTY (a symbol such as `default-port') for URL SCHEME."
  (plist-get (url-scheme--properties scheme) property))

(provide 'url-methods)

;;; url-methods.el ends here
