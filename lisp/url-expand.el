;;; url-expand.el --- resolve a relative URL against a base  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (issue 10),
;; following RFC 3986's reference resolution.

;;; Code:

(require 'url-parse)

(defun url--drop-dot-segments (path) "PATH with its \".\" and \"..\" segments resolved."
  ;; A last segment of dots only is a directory: close it with a slash.
  (when (string-match "/\\.+\\'" path) (setq path (concat path "/")))
  (let ((out ()) (segments (split-string path "/")))
    (while segments
      (let ((seg (pop segments)))
        (cond ((equal seg ".") (unless segments (push "" out)))
              ((equal seg "..")
               (when (cdr out) (pop out))
               (unless segments (push "" out)))
              (t (push seg out)))))
    (mapconcat #'identity (nreverse out) "/")))

(defun url-identity-expander (urlobj defobj) "Give URLOBJ the scheme of DEFOBJ, changing nothing else."
  (setf (url-type urlobj) (or (url-type urlobj) (url-type defobj))))

(defun url-default-expander (urlobj defobj) "Resolve the relative URLOBJ against the full URL DEFOBJ, in place."
  (let ((file (or (url-filename urlobj) "")) (base (or (url-filename defobj) "")))
    (setf (url-type urlobj) (url-type defobj)
          (url-host urlobj) (url-host defobj)
          (url-portspec urlobj) (url-port defobj)
          (url-fullness urlobj) t)
    (let ((merged
           (cond ((string-prefix-p "/" file) file)
                 ((string-prefix-p "?" file)
                  (concat (car (url-path-and-query defobj)) file))
                 ((equal file "")
                  (unless (url-target urlobj) (setf (url-target urlobj) (url-target defobj)))
                  base)
                 (t (let ((dir (car (url-path-and-query defobj))))
                      (concat (if (string-match "/[^/]*\\'" dir) (substring dir 0 (1+ (match-beginning 0))) "/")
                              file))))))
      (setf (url-filename urlobj)
            (if (equal file "") merged
              (let ((query (and (string-match "?" merged) (substring merged (match-beginning 0))))
                    (path (if (string-match "?" merged) (substring merged 0 (match-beginning 0)) merged)))
                (concat (url--drop-dot-segments path) query)))))))

(dolist (scheme '(http https ftp file ldap))
  (defalias (intern (format "url-%s-expand-file-name" scheme)) #'url-default-expander))

(defvar url-current-object)

(defun url-expand-file-name (url &optional default) "The absolute form of URL, a string, relative to DEFAULT.
DEFAULT is a URL string or structure; it defaults to the URL of the
current buffer's document.  A URL with a scheme is returned as it is."
  (cond ((string-match "\\`[ \t\n]*\\'" url) (setq url ""))
        ((string-match "\\`[ \t\n]+\\|[ \t\n]+\\'" url) (setq url (string-trim url "[ \t\n]+" "[ \t\n]+"))))
  (if (string-match "\\`[a-zA-Z][-a-zA-Z0-9+.]*:" url)
      url
    (let ((base (cond ((stringp default) (url-generic-parse-url default))
                      (default)
                      ((bound-and-true-p url-current-object))
                      (t (error "url-expand-file-name confused - no default?")))))
      (if (null (url-type base))
          url
        (let ((obj (url-generic-parse-url url)))
          (if (string-prefix-p "//" url)
              (setf (url-type obj) (url-type base))
            (funcall (url-scheme-get-property (url-type base) 'expand-file-name) obj base))
          (url-recreate-url obj))))))

(provide 'url-expand)

;;; url-expand.el ends here
