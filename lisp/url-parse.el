;;; url-parse.el --- URLs as structures: split one, write one back  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (issue 10).

;;; Code:

(eval-when-compile (require 'cl-lib))
(require 'url-methods)

;; The fields in GNU's order: a structure prints as #s(url TYPE USER ...).
(cl-defstruct (url (:copier nil) (:constructor nil)
                   (:constructor url-parse-make-urlobj
                    (&optional type user password host portspec filename target attributes fullness)))
  (type nil) (user nil) (password nil) (host nil) (portspec nil) (filename nil) (target nil)
  (attributes nil) (fullness nil) (silent nil) (use-cookies t) (asynchronous t))

(defun url-port (urlobj) "URLOBJ's port: the one it names, else its scheme's usual one."
  (let ((scheme (url-type urlobj)))
    (cond ((url-portspec urlobj))
          (scheme (url-scheme-get-property scheme 'default-port)))))

(defun url-port-if-non-default (urlobj) "URLOBJ's port when it names one other than its scheme's usual one, else nil."
  (let ((named (url-portspec urlobj)) (scheme (url-type urlobj)))
    (unless (or (null named)
                (and scheme (equal named (url-scheme-get-property scheme 'default-port))))
      named)))

(defun url-path-and-query (urlobj) "A cons (PATH . QUERY) of URLOBJ's file part split at its \"?\" (QUERY nil when none)."
  (let* ((file (url-filename urlobj))
         (mark (and file (string-search "?" file))))
    (if mark
        (cons (substring file 0 mark) (substring file (1+ mark)))
      (list file))))

(defun url--split-authority (text) "Split the authority TEXT into (USER PASSWORD HOST PORT)."
  (let (user password port)
    ;; The user part ends at the first "@"; an empty one is not a user.
    (when (string-match "\\`\\([^@]+\\)@" text)
      (let ((info (match-string 1 text)))
        (setq text (substring text (match-end 0)))
        (if (string-match ":" info)
            (setq user (substring info 0 (match-beginning 0))
                  password (substring info (match-end 0)))
          (setq user info))))
    ;; A port is the digits after the last colon, not inside [IPv6] brackets.
    (when (string-match "\\`\\(\\[[^]]*\\]\\|[^[]*?\\):\\([0-9]*\\)\\'" text)
      (let ((digits (match-string 2 text)))
        (setq port (and (> (length digits) 0) (string-to-number digits))
              text (match-string 1 text))))
    (list user password (downcase text) port)))

(defun url-generic-parse-url (url) "Split the URL string into a `url' structure (all fields nil for nil)."
  (if url
    (let ((rest (if (stringp url) url (with-temp-buffer (insert url) (buffer-string))))
          scheme target full user password host port)
      (when (string-match "\\`\\([a-zA-Z][-a-zA-Z0-9+.]*\\):" rest)
        (setq scheme (downcase (match-string 1 rest))
              rest (substring rest (match-end 0))))
      (when (setq full (string-prefix-p "//" rest))
        (let* ((stop (or (string-match "[/?#]" rest 2) (length rest)))
               (parts (url--split-authority (substring rest 2 stop))))
          (setq user (nth 0 parts) password (nth 1 parts) host (nth 2 parts) port (nth 3 parts)
                rest (substring rest stop))))
      (when (string-match "#" rest)
        (setq target (substring rest (match-end 0))
              rest (substring rest 0 (match-beginning 0))))
      (url-parse-make-urlobj scheme user password host port rest target nil full))
    (url-parse-make-urlobj)))

(defun url-recreate-url (urlobj) "The URL string URLOBJ stands for (its attributes are not written)."
  (let ((user (url-user urlobj)) (pass (url-password urlobj))
        (frag (url-target urlobj)) (scheme (url-type urlobj))
        (port (url-port-if-non-default urlobj)))
    (concat (and scheme (concat scheme ":"))
            (and (url-fullness urlobj) "//")
            (and (or user pass)
                 (concat user (and pass (concat ":" pass)) "@"))
            (url-host urlobj)
            (and port (format ":%d" port))
            (url-filename urlobj)
            (and frag (concat "#" frag)))))

(provide 'url-parse)

;;; url-parse.el ends here
