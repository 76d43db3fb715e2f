;;; auth-source-pass.el --- credentials from a "pass" password store  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A "pass" store (https://www.passwordstore.org) keeps one gpg file per
;; entry under `auth-source-pass-filename'; an entry's first line is the
;; password and its other "key: value" lines are fields.  Entries are
;; named after the host, with the user and port worked in: "host",
;; "user@host", "host/user", "host:port", "user@host:port",
;; "host:port/user", in any folder.  `auth-source-pass-enable' puts the
;; store in `auth-sources'.

;;; Code:

(require 'auth-source)
(require 'cl-lib)
(require 'seq)

(defgroup auth-source-pass nil "Credentials kept by the pass password manager."
  :version "27.1" :group 'auth-source)

(defcustom auth-source-pass-filename
  (let ((env (getenv "PASSWORD_STORE_DIR"))) (if env env "~/.password-store"))
  "The folder of the password store." :version "27.1" :type 'directory)

(defcustom auth-source-pass-port-separator ":" "What separates the host from the port in an entry's name."
  :version "27.1" :type 'string)

(defun auth-source-pass--do-debug (&rest msg) "Report MSG (`format' arguments) through `auth-source-do-debug'."
  (apply #'auth-source-do-debug (concat "auth-source-pass: " (car msg)) (cdr msg)))

;;; Reading entries

(defun auth-source-pass--read-entry (entry) "The decrypted text of ENTRY, through gpg."
  (let ((file (expand-file-name (concat entry ".gpg") auth-source-pass-filename)))
    (with-temp-buffer
      (unless (eq 0 (call-process "gpg" nil '(t nil) nil "--quiet" "--batch" "--decrypt" file))
        (error "gpg could not decrypt %s" file))
      (buffer-string))))

(defun auth-source-pass--lines (contents) "The non-empty lines of CONTENTS."
  (split-string contents "\n" t))

(defun auth-source-pass--parse-secret (contents) "The password of an entry whose text is CONTENTS: its first line."
  (car (auth-source-pass--lines contents)))

(defun auth-source-pass--parse-data (contents) "The \"key: value\" fields after the first line of CONTENTS, as an alist."
  (let (fields)
    (dolist (line (cdr (auth-source-pass--lines contents)) (nreverse fields))
      (let ((colon (string-search ":" line)))
        (when colon
          (push (cons (string-trim (substring line 0 colon))
                      (string-trim (substring line (1+ colon))))
                fields))))))

(defun auth-source-pass-parse-entry (entry) "ENTRY's password (under `secret') and fields, as an alist."
  (let ((text (auth-source-pass--read-entry entry)))
    (cons (cons 'secret (auth-source-pass--parse-secret text))
          (auth-source-pass--parse-data text))))

(defun auth-source-pass--get-attr (key data) "The value of KEY (a string, or `secret') in entry DATA."
  (cdr (assoc key data)))

(defun auth-source-pass-get (key entry) "The value of KEY in the store's ENTRY; KEY `secret' gives the password."
  (auth-source-pass--get-attr key (auth-source-pass-parse-entry entry)))

(defun auth-source-pass-entries () "The names of every entry of the store."
  (let ((root (file-name-as-directory (expand-file-name auth-source-pass-filename))))
    (mapcar (lambda (file) (file-name-sans-extension (file-relative-name file root)))
            (directory-files-recursively root "\\.gpg\\'"))))

;;; Names to look for

(defconst auth-source-pass--default-ports
  '(("http" . "80") ("https" . "443") ("ftp" . "21") ("imap" . "143") ("ldap" . "389") ("file" . "21")
    ("irc" . "6667"))
  "The port a URL of each scheme stands for.")

(defun auth-source-pass--disambiguate (host &optional user port)
  "(HOSTNAME USER PORT) from HOST, which may be a URL; USER and PORT, when given, win."
  (let ((scheme "https") (rest host) (url-user nil) (url-port nil))
    (when (string-match "\\`\\([a-zA-Z][-a-zA-Z0-9+.]*\\)://" rest)
      (setq scheme (downcase (match-string 1 rest))
            rest (substring rest (match-end 0))))
    (when (string-match "[/?#]" rest)
      (setq rest (substring rest 0 (match-beginning 0))))
    (let ((at (string-search "@" rest)))
      (when at
        (setq url-user (car (split-string (substring rest 0 at) ":"))
              rest (substring rest (1+ at)))))
    (when (string-match ":\\([0-9]*\\)\\'" rest)
      (unless (string= (match-string 1 rest) "")
        (setq url-port (match-string 1 rest)))
      (setq rest (substring rest 0 (match-beginning 0))))
    (list (downcase rest)
          (or user url-user)
          (or port url-port
              (or (cdr (assoc scheme auth-source-pass--default-ports)) "0")))))

(defun auth-source-pass--domains (labels) "Each domain LABELS ends with, the longest first."
  (let (out)
    (while labels
      (push (mapconcat #'identity labels ".") out)
      (setq labels (cdr labels)))
    (nreverse out)))

(defun auth-source-pass--name-port-user-suffixes (name user port)
  "The entry names for host NAME with USER and PORT (each may be nil), the most precise first."
  (let ((with-port (and port (concat name auth-source-pass-port-separator (format "%s" port)))))
    (append (and user port (list (concat user "@" with-port) (concat with-port "/" user)))
            (and user (list (concat user "@" name) (concat name "/" user)))
            (and port (list with-port))
            (list name))))

(defun auth-source-pass--generate-entry-suffixes (hostname user port)
  "The entry names to look for HOSTNAME, USER and PORT (one or a list) under, in order."
  (let ((ports (if (listp port) (or port (list nil)) (list port))))
    (cl-loop for domain in (auth-source-pass--domains (split-string hostname "\\."))
             append (cl-loop for p in ports
                             append (auth-source-pass--name-port-user-suffixes domain user p)))))

(defun auth-source-pass--entries-matching-suffix (suffix entries) "The ENTRIES named SUFFIX, in any folder."
  (let ((tail (concat "/" suffix)))
    (seq-filter (lambda (e) (or (string= e suffix) (string-suffix-p tail e))) entries)))

;;; Finding the entry

(defun auth-source-pass--select-from-entries (entries user)
  "The data of the first of ENTRIES that has any.
Without USER the first entry with data ends the search; with one,
every entry is read, as GNU does."
  (let ((chosen nil) (rest entries))
    (while (and rest (or user (not chosen)))
      (let ((data (auth-source-pass-parse-entry (pop rest))))
        (unless chosen (setq chosen data))))
    chosen))

(defun auth-source-pass--find-match-unambiguous (hostname user port)
  "The data of the entry for HOSTNAME, USER and PORT, trying the most precise names first."
  (auth-source-pass--do-debug "searching for entries matching hostname=%S, user=%S, port=%S"
                              hostname (or user "") (or port ""))
  (let ((suffixes (auth-source-pass--generate-entry-suffixes hostname user port))
        (all (auth-source-pass-entries))
        (data nil))
    (auth-source-pass--do-debug "corresponding suffixes to search for: %S" suffixes)
    (while (and suffixes (not data))
      (let* ((suffix (pop suffixes))
             (hits (auth-source-pass--entries-matching-suffix suffix all)))
        (pcase (length hits)
          (0 (auth-source-pass--do-debug "found no entries matching %S" suffix))
          (1 (auth-source-pass--do-debug "found 1 entry matching %S: %S" suffix (car hits))
             (setq data (auth-source-pass-parse-entry (car hits))))
          (n (auth-source-pass--do-debug "found %s entries matching %S: %S" n suffix hits)
             (setq data (auth-source-pass--select-from-entries hits user))))))
    data))

(defun auth-source-pass--find-match (host user port)
  "The data of the entry for HOST (a name, URL or list of them), USER and PORT, with its host."
  (if (listp host)
      (seq-some (lambda (h) (auth-source-pass--find-match h user port)) host)
    (let ((data (apply #'auth-source-pass--find-match-unambiguous
                       (auth-source-pass--disambiguate host user port))))
      (when data
        (if (assoc "host" data) data (cons (cons "host" host) data))))))

(defun auth-source-pass--build-result (hosts port user)
  "The auth-source result for the entry HOSTS, PORT and USER find, or nil."
  (let ((data (auth-source-pass--find-match hosts user port)))
    (when data
      (let ((shown (list :host (auth-source-pass--get-attr "host" data)
                         :port (or (auth-source-pass--get-attr "port" data) port)
                         :user (or (auth-source-pass--get-attr "user" data) user))))
        (auth-source-pass--do-debug "return %s as final result (plus hidden password)" shown)
        (append shown (list :secret (lambda () (auth-source-pass--get-attr 'secret data))))))))

(cl-defun auth-source-pass-search (&rest _spec &key backend type host user port &allow-other-keys)
  "The store's entry for HOST, USER and PORT, as a list of one auth-source result."
  (when (and type backend (not (eq type (oref backend type))))
    (error "A password-store search for a %s backend" type))
  (cond ((null host) nil)
        ((eq host t)
         (ignore (warn "%s does not handle host wildcards." 'auth-source-pass)))
        (t (let ((one (auth-source-pass--build-result host port user)))
             (when one (list one))))))

;;; Joining auth-source

(defvar auth-source-pass-backend
  (auth-source-backend :source "." :type 'password-store :search-function #'auth-source-pass-search)
  "The backend standing for the password store.")

(defun auth-source-pass-backend-parse (entry) "The password-store backend when ENTRY is `password-store'."
  (and (eq entry 'password-store) auth-source-pass-backend))

(add-hook 'auth-source-backend-parser-functions 'auth-source-pass-backend-parse)

;;;###autoload
(defun auth-source-pass-enable () "Make `auth-source-search' look in the password store too."
  (add-to-list 'auth-sources 'password-store)
  (auth-source-forget-all-cached)
  nil)

(provide 'auth-source-pass)
;;; auth-source-pass.el ends here
