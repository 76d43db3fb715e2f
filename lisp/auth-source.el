;;; auth-source.el --- credentials from netrc files and other stores  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; `auth-source-search' asks each store named in `auth-sources' for
;; entries matching a spec (:host, :user, :port and any other keys) and
;; gives them as plists whose :secret is a function.  The netrc store
;; reads and writes "machine H login U password P" files; the macOS
;; keychain, Secret Service and plstore stores are parsed as GNU parses
;; them.  Found results are remembered in `password-data' for
;; `auth-source-cache-expiry' seconds.

;;; Code:

(require 'password-cache)
(require 'cl-lib)
(require 'eieio)
(require 'secrets nil t)

(defgroup auth-source nil "Where credentials come from." :group 'gnus :version "23.1")

;;;###autoload
(defcustom auth-source-cache-expiry 7200 "Seconds a search result stays remembered; nil keeps it until forgotten."
  :type '(choice (const :tag "Never" nil) (integer :tag "Seconds")) :version "24.1")

(defcustom auth-source-do-cache t "Non-nil means search results are remembered in `password-data'."
  :type 'boolean :version "23.2")

(defcustom auth-source-debug nil "How to report what the searches do: nil (not at all), t, `trivia' (more), or a function taking `format' arguments."
  :type '(choice (const nil) (const t) (const trivia) function) :version "23.2")

(defcustom auth-sources '("~/.authinfo" "~/.authinfo.gpg" "~/.netrc") "The stores `auth-source-search' asks, in order."
  :type '(repeat sexp) :version "26.1")

(defcustom auth-source-save-behavior 'ask "Whether new entries are saved: t saves, nil never, `ask' asks first."
  :type '(choice (const t) (const nil) (const ask)) :version "23.2")

(defcustom auth-source-netrc-use-gpg-tokens 'never "When netrc entries get their values encrypted as gpg: tokens."
  :type 'sexp :version "24.1")

(defcustom auth-source-gpg-encrypt-to t "Recipients new .gpg netrc files are encrypted to; t means symmetric encryption."
  :type '(choice (const t) (repeat string)) :version "24.1")

(defcustom auth-source-protocols
  (list (list 'imap "imap" "imaps" "143" "993") (list 'pop3 "pop3" "pop" "pop3s" "110" "995")
        (list 'ssh "ssh" "22") (list 'sftp "sftp" "115") (list 'smtp "smtp" "25"))
  "Port names and numbers that stand for each protocol symbol."
  :type '(repeat (cons symbol (repeat string))) :version "23.2")

(defvar auth-source-protocols-customize
  (mapcar (lambda (proto)
            (let ((sym (car proto)))
              `(const :tag ,(upcase (symbol-name sym)) ,sym)))
          auth-source-protocols)
  "The protocol choices offered by customization.")

(defvar auth-source-creation-defaults nil "Plist or function giving default values when an entry is created.")

(defvar auth-source-creation-prompts nil "Plist of prompt templates used when an entry is created.")

(defvar auth-source-passphrase-alist nil "Passphrases of gpg-encrypted netrc files, by file name.")

(defvar auth-source-netrc-cache nil "Contents of the netrc files already read, with their modification times.")

(defvar auth-source-backend-parser-functions nil "Functions that turn an `auth-sources' element into a backend, or give nil.")

(defclass auth-source-backend ()
  ((type :documentation "Which kind of store this is."
         :custom symbol :type symbol :initform 'netrc :initarg :type)
   (source :documentation "Where the store is (a file name, a collection...)."
           :custom string :type string :initarg :source)
   (host :documentation "Only searches for this host use the store (t: any)."
         :custom string :type t :initform t :initarg :host)
   (user :documentation "Only searches for this user use the store (t: any)."
         :custom string :type t :initform t :initarg :user)
   (port :documentation "Only searches for this port use the store (t: any)."
         :custom string :type t :initform t :initarg :port)
   (data :documentation "What the store keeps for itself." :initform nil :initarg :data)
   (create-function :documentation "Called to make a new entry."
                    :custom function :type function :initform #'ignore :initarg :create-function)
   (search-function :documentation "Called to find entries."
                    :custom function :type function :initform #'ignore :initarg :search-function))
  "One credentials store that `auth-source-search' can ask.")

;;; Debugging output

(defun auth-source--report (level fmt args)
  "Hand FMT and ARGS to `auth-source-debug' when LEVEL (t or `trivia') is wanted."
  (let ((how auth-source-debug))
    (cond ((null how) nil)
          ((functionp how) (apply how fmt args))
          ((and (eq level 'trivia) (not (eq how 'trivia))) nil)
          (t (apply #'message fmt args)))))

(defun auth-source-do-debug (&rest msg) "Report MSG (`format' arguments) when `auth-source-debug' is on."
  (auth-source--report t (car msg) (cdr msg)))

(defun auth-source-do-trivia (&rest msg) "Report MSG (`format' arguments) when `auth-source-debug' is `trivia'."
  (auth-source--report 'trivia (car msg) (cdr msg)))

(defun auth-source-do-warn (&rest msg) "Show MSG (`format' arguments) always."
  (apply #'message msg))

;;; Small helpers

(defun auth-source--aget (alist key) "The value of string KEY in ALIST."
  (cdr (assoc key alist)))

(defun auth-source--aput (alist key val) "ALIST with KEY set to VAL, at the front."
  (cons (cons key val) (cl-remove key alist :key #'car :test #'equal)))

(defun auth-source-ensure-strings (values) "VALUES as a list with numbers made strings; t and nil unchanged."
  (cond ((eq values t) t)
        ((null values) nil)
        (t (mapcar (lambda (v) (if (numberp v) (format "%s" v) v))
                   (if (listp values) values (list values))))))

(defun auth-source-search-collection (collection value) "Non-nil when VALUE is allowed by COLLECTION (t allows all)."
  (when (and collection value)
    (if (or (eq collection t) (eq value t))
        t
      (member value (if (listp collection) collection (list collection))))))

(defun auth-source-format-prompt (prompt alist) "PROMPT with each %C replaced by the value ALIST gives character C, when non-nil."
  (let ((out prompt))
    (dolist (pair alist out)
      (let ((val (cadr pair)))
        (when val
          (setq out (replace-regexp-in-string
                     (concat "%" (regexp-quote (char-to-string (car pair))))
                     (format "%s" val) out t t)))))))

(defun auth-source--hide (secret) "A function giving SECRET back, so that it does not print."
  (lambda () secret))

;;; Backends

(defun auth-source--file-backend (file)
  "A netrc or plstore backend for FILE."
  (if (equal (file-name-extension file) "plist")
      (auth-source-backend
       :source file :type 'plstore
       :search-function #'auth-source-plstore-search
       :create-function #'auth-source-plstore-create
       :data (and (require 'plstore nil t) (plstore-open file)))
    (auth-source-backend
     :source file :type 'netrc
     :search-function #'auth-source-netrc-search
     :create-function #'auth-source-netrc-create)))

(defun auth-source-backends-parser-file (entry) "A file backend for ENTRY: a file name or (:source FILE ...)."
  (let ((file (cond ((stringp entry) entry)
                    ((and (consp entry) (stringp (plist-get entry :source)))
                     (plist-get entry :source)))))
    (when file (auth-source--file-backend file))))

(defconst auth-source--keychain-kinds '(macos-keychain-internet macos-keychain-generic)
  "The two kinds of macOS keychain store.")

(defun auth-source--keychain (kind name) "A keychain backend of KIND over keychain NAME."
  (auth-source-backend
   :source name :type kind
   :search-function #'auth-source-macos-keychain-search
   :create-function #'auth-source-macos-keychain-create))

(defun auth-source-backends-parser-macos-keychain (entry) "A macOS keychain backend for ENTRY, or nil."
  (cond ((memq entry auth-source--keychain-kinds)
         (auth-source--keychain entry "default"))
        ((and (stringp entry) (string-match "\\`\\(macos-keychain-\\(?:internet\\|generic\\)\\):\\(.*\\)" entry))
         (auth-source--keychain (intern (match-string 1 entry)) (match-string 2 entry)))
        ((and (consp entry) (consp (plist-get entry :source)))
         (let ((src (plist-get entry :source)))
           (when (and (memq (car src) '(:macos-keychain-internet :macos-keychain-generic))
                      (cadr src) (or (stringp (cadr src)) (symbolp (cadr src))))
             (auth-source--keychain (intern (substring (symbol-name (car src)) 1))
                                    (format "%s" (cadr src))))))))

(defun auth-source--secrets-collection (name)
  "The Secret Service collection NAME names: a string as is, a symbol through its alias."
  (if (stringp name)
      name
    (or (secrets-get-alias (symbol-name name)) "Login")))

(defun auth-source-backends-parser-secrets (entry) "A Secret Service backend for ENTRY when the service is usable, or nil."
  (when (and (featurep 'secrets) (bound-and-true-p secrets-enabled))
    (let ((coll (cond ((and (symbolp entry) entry (not (memq entry auth-source--keychain-kinds)))
                       entry)
                      ((and (stringp entry) (string-match "\\`secrets:\\(.+\\)" entry))
                       (match-string 1 entry))
                      ((and (consp entry) (consp (plist-get entry :source))
                            (eq (car (plist-get entry :source)) :secrets))
                       (cadr (plist-get entry :source))))))
      (when (and coll (or (stringp coll) (symbolp coll)))
        (auth-source-backend
         :source (auth-source--secrets-collection coll) :type 'secrets
         :search-function #'auth-source-secrets-search
         :create-function #'auth-source-secrets-create)))))

(dolist (fn '(auth-source-backends-parser-file auth-source-backends-parser-macos-keychain
              auth-source-backends-parser-secrets))
  (add-hook 'auth-source-backend-parser-functions fn))

(defun auth-source-backend-parse (entry) "The backend ENTRY (an element of `auth-sources') describes."
  (or (run-hook-with-args-until-success 'auth-source-backend-parser-functions entry)
      (progn
        (auth-source-do-warn "auth-source-backend-parse: invalid backend spec: %S" entry)
        (auth-source-backend :source "" :type 'ignore))))

;;; The cache of results

(defun auth-source-format-cache-entry (spec) "The `password-data' key SPEC's results are kept under."
  (cons 'auth-source spec))

(defun auth-source-remember (spec found) "Keep FOUND as the result of SPEC, when `password-cache' is on."
  (when password-cache
    (let ((password-cache-expiry auth-source-cache-expiry))
      (password-cache-add (auth-source-format-cache-entry spec) found)))
  nil)

(defun auth-source-recall (spec) "The result kept for SPEC, or nil."
  (let ((password-cache-expiry auth-source-cache-expiry))
    (password-read-from-cache (auth-source-format-cache-entry spec))))

(defun auth-source-remembered-p (spec) "Non-nil when a result is kept for SPEC."
  (let ((password-cache-expiry auth-source-cache-expiry))
    (password-in-cache-p (auth-source-format-cache-entry spec))))

(defun auth-source-forget (spec) "Drop the result kept for exactly SPEC."
  (password-cache-remove (auth-source-format-cache-entry spec)))

(defun auth-source--cache-keys () "The keys of `password-data' that hold search results."
  (let (keys)
    (maphash (lambda (k _v) (when (and (consp k) (eq (car k) 'auth-source)) (push k keys)))
             password-data)
    keys))

(defun auth-source-specmatchp (spec stored) "Non-nil when every key of SPEC allows STORED's value for it."
  (let ((ok t) (rest spec))
    (while (and ok rest)
      (unless (auth-source-search-collection (cadr rest) (plist-get stored (car rest)))
        (setq ok nil))
      (setq rest (cddr rest)))
    ok))

(defun auth-source-forget+ (&rest spec) "Drop every kept result whose spec SPEC matches; give how many."
  (let ((n 0))
    (dolist (key (auth-source--cache-keys) n)
      (when (auth-source-specmatchp spec (cdr key))
        (password-cache-remove key)
        (setq n (1+ n))))))

(defun auth-source-forget-all-cached () "Drop every kept result and every netrc file read."
  (dolist (key (auth-source--cache-keys))
    (password-cache-remove key))
  (setq auth-source-netrc-cache nil))

;;; Search

(defconst auth-source--spec-keys '(:host :user :port)
  "The spec keys a backend can be restricted to.")

(defun auth-source--backend-wanted-p (backend spec) "Non-nil when BACKEND can answer SPEC."
  (and (or (null (plist-get spec :type))
           (eq (plist-get spec :type) (oref backend type)))
       (cl-every (lambda (key)
                   (let ((want (plist-get spec key))
                         (have (eieio-oref backend key)))
                     (or (null want) (eq have t) (eq want t)
                         (auth-source-search-collection (auth-source-ensure-strings want) have))))
                 auth-source--spec-keys)))

(defun auth-source--ask (backends spec max create)
  "Ask each of BACKENDS for up to MAX results for SPEC, CREATE saying whether to make one."
  (let ((found nil) (left max))
    (dolist (backend backends)
      (when (> left 0)
        (let ((got (apply (oref backend search-function)
                          :backend backend :type (oref backend type)
                          :max left :create create
                          (cl-loop for (k v) on spec by #'cddr
                                   unless (memq k '(:backend :type :max :create))
                                   append (list k v)))))
          (when (consp got)
            (auth-source-do-debug "auth-source-search-backend: got %d (max %d) in %s:%s matching %S"
                                  (length got) left (oref backend type) (oref backend source) spec)
            (setq found (append found got)
                  left (- left (length got)))))))
    found))

(defun auth-source-search (&rest spec) "The credentials matching SPEC, as a list of plists.
SPEC takes :host, :user, :port (each a value, a list of them or t),
:max (how many, 1 by default; 0 gives t when something matches),
:require (keys each result must have), :create, :delete, :type and
any other key a store knows."
  (let* ((max (or (plist-get spec :max) 1))
         (want (if (and (numberp max) (zerop max)) 1 max))
         (create (plist-get spec :create))
         (cached (and auth-source-do-cache (auth-source-recall spec))))
    (if cached
        (progn (auth-source-do-debug "auth-source-search: found %d CACHED results matching %S"
                                     (length cached) spec)
               cached)
      (let* ((backends (cl-remove-if-not (lambda (b) (auth-source--backend-wanted-p b spec))
                                         (mapcar #'auth-source-backend-parse auth-sources)))
             (found (progn
                      (auth-source-do-debug "auth-source-search: found %d backends matching %S"
                                            (length backends) spec)
                      (and (> want 0) (auth-source--ask backends spec want nil)))))
        (when (and (null found) create (> want 0))
          (setq found (auth-source--ask (and backends (list (car backends))) spec want create)))
        (auth-source-do-debug "auth-source-search: found %d results (max %d) matching %S"
                              (length found) max spec)
        (when (and found auth-source-do-cache)
          (auth-source-remember spec found))
        (if (and (numberp max) (zerop max)) (and found t) found)))))

(defun auth-source-delete (&rest spec) "Delete the entries SPEC finds (stores that can), giving them."
  (apply #'auth-source-search :delete t spec))

(defun auth-source-pick-first-password (&rest spec) "The secret of the first entry SPEC finds, as a string."
  (let ((secret (plist-get (car (apply #'auth-source-search (append spec '(:max 1)))) :secret)))
    (if (functionp secret) (funcall secret) secret)))

(defun auth-source-user-or-password (mode host port &optional _username _create-missing _delete-existing)
  "The MODE (\"login\", \"password\" or a list of them) of the entry for HOST and PORT."
  (let* ((found (car (auth-source-search :host host :port port :max 1)))
         (get (lambda (m) (let ((v (plist-get found (if (equal m "login") :user :secret))))
                            (if (functionp v) (funcall v) v)))))
    (and found (if (listp mode) (mapcar get mode) (funcall get mode)))))

;;; The netrc store

(defun auth-source-netrc-parse-one () "The next token after point in a netrc buffer, moving over it; nil at the end."
  (let (tok)
    (while (and (null tok) (not (eobp)))
      (skip-chars-forward " \t\n\r")
      (cond ((eobp))
            ((eq (char-after) ?#) (forward-line 1))
            ((memq (char-after) '(?\" ?'))
             (let ((close (char-after)) (start (1+ (point))))
               (forward-char 1)
               (if (search-forward (char-to-string close) nil t)
                   (setq tok (buffer-substring start (1- (point))))
                 (goto-char (point-max))
                 (setq tok (buffer-substring start (point))))))
            (t (let ((start (point)))
                 (skip-chars-forward "^ \t\n\r")
                 (setq tok (buffer-substring start (point)))))))
    tok))

(defun auth-source-netrc-parse-entries (check max)
  "Read the netrc entries from point as alists (last key first), up to MAX of those CHECK accepts."
  (let ((kept nil) (count 0) (entry nil) tok)
    (cl-flet ((finish ()
                (when (and entry (< count max) (funcall check entry))
                  (push entry kept)
                  (setq count (1+ count)))
                (setq entry nil)))
      (while (setq tok (auth-source-netrc-parse-one))
        (cond ((equal tok "default")
               (finish)
               (push (cons "machine" t) entry))
              (t
               (when (equal tok "machine") (finish))
               (let ((val (auth-source-netrc-parse-one)))
                 (when (equal val "machine")
                   (error "%s: Unexpected `machine' token at line %d"
                          "auth-source-netrc-parse-entries" (line-number-at-pos)))
                 (when val (push (cons tok val) entry))))))
      (finish))
    (nreverse kept)))

(defun auth-source--decrypt-file (file)
  "The text of the gpg-encrypted FILE, decrypted by EasyPG (GNU reads it through epa-file)."
  (require 'epg)
  (decode-coding-string (epg-decrypt-file (epg-make-context 'OpenPGP) file nil) 'utf-8))

(defun auth-source--netrc-text (file) "The contents of netrc FILE, read again only when it changed."
  (let* ((mtime (file-attribute-modification-time (file-attributes file)))
         (known (cdr (assoc file auth-source-netrc-cache))))
    (if (and known (equal (plist-get known :mtime) mtime))
        (progn (auth-source-do-trivia "auth-source-netrc-parse: using CACHED file data for %s" file)
               (funcall (plist-get known :secret)))
      (let ((text (if (string-match-p "\\.gpg\\'" file)
                      (auth-source--decrypt-file file)
                    (with-temp-buffer (insert-file-contents file) (buffer-string)))))
        (setq auth-source-netrc-cache
              (cons (list file :mtime mtime :secret (auth-source--hide text))
                    (cl-remove file auth-source-netrc-cache :key #'car :test #'equal)))
        text))))

(defconst auth-source--netrc-names '((:host "machine" "host") (:user "login" "account" "user")
                                     (:port "port" "protocol") (:secret "password" "secret"))
  "The netrc key names that stand for each spec key.")

(defun auth-source--netrc-get (alist key) "The value netrc ALIST has for spec KEY, or nil."
  (let ((names (or (cdr (assq key auth-source--netrc-names))
                   (list (substring (symbol-name key) 1)))))
    (cl-some (lambda (n) (auth-source--aget alist n)) names)))

(cl-defun auth-source-netrc-parse (&key file max host user port require &allow-other-keys)
  "The alists of netrc FILE that match HOST, USER and PORT and have the REQUIRE keys, up to MAX."
  (when (and file (file-exists-p file))
    (let ((host (auth-source-ensure-strings (or host t)))
          (user (auth-source-ensure-strings (or user t)))
          (port (auth-source-ensure-strings (or port t))))
      (with-temp-buffer
        (insert (auth-source--netrc-text file))
        (goto-char (point-min))
        (auth-source-netrc-parse-entries
         (lambda (alist)
           (and (auth-source-search-collection host (or (auth-source--netrc-get alist :host) t))
                (auth-source-search-collection user (or (auth-source--netrc-get alist :user) t))
                (auth-source-search-collection port (or (auth-source--netrc-get alist :port) t))
                (cl-every (lambda (k) (auth-source--netrc-get alist k)) require)))
         (or max 1))))))

(defun auth-source-netrc-normalize (alists _filename) "ALISTS from a netrc file as result plists."
  (mapcar (lambda (alist)
            (let ((plist nil))
              (dolist (pair (reverse alist) plist)
                (let* ((name (car pair))
                       (key (or (car (cl-find-if (lambda (e) (member name (cdr e)))
                                                 auth-source--netrc-names))
                                (intern (concat ":" name))))
                       (val (cdr pair)))
                  (setq plist (plist-put plist key
                                         (if (eq key :secret) (auth-source--hide val) val)))))))
          alists))

(cl-defun auth-source-netrc-search (&rest spec &key backend create max &allow-other-keys)
  "Search the netrc file of BACKEND for SPEC; make an entry when CREATE and none matches."
  (unless (eq (oref backend type) 'netrc)
    (error "Invalid netrc search: %s %s" (oref backend type) (oref backend source)))
  (let ((found (auth-source-netrc-normalize
                (apply #'auth-source-netrc-parse :file (oref backend source) :max max spec)
                (oref backend source))))
    (if (and (null found) create)
        (apply #'auth-source-netrc-create spec)
      found)))

(defun auth-source--netrc-field (value) "VALUE as it is written in a netrc file."
  (if (string-match "[ #\"]" value) (format "%S" value) value))

(defun auth-source--creation-default (key) "The default `auth-source-creation-defaults' gives KEY."
  (if (functionp auth-source-creation-defaults)
      (funcall auth-source-creation-defaults key)
    (plist-get auth-source-creation-defaults key)))

(defun auth-source--given (spec key) "The single value SPEC gives KEY, or nil when it gives none or t."
  (let ((v (plist-get spec key)))
    (cond ((eq v t) nil)
          ((consp v) (car v))
          (t v))))

(cl-defun auth-source-netrc-create (&rest spec &key backend &allow-other-keys)
  "Make a new netrc entry for SPEC, asking for what is missing; give it in a one-element list."
  (let* ((host (auth-source--given spec :host))
         (port (auth-source--given spec :port))
         (user (auth-source--given spec :user))
         (fill (lambda (prompt)
                 (auth-source-format-prompt
                  prompt `((?u ,user) (?h ,(or host "[any host]")) (?p ,(or port "[any port]"))
                           (?d ,(or (auth-source--creation-default :user) (user-login-name)))))))
         secret)
    (unless user
      (let ((default (or (auth-source--creation-default :user) (user-login-name))))
        (setq user (read-string (funcall fill (or (plist-get auth-source-creation-prompts :user)
                                                  "%p user name for %h (default %d): "))
                                nil nil default))))
    (setq secret (read-passwd (funcall fill (or (plist-get auth-source-creation-prompts :secret)
                                                "%p password for %u@%h: "))))
    (let ((result (append (and host (list :host host)) (list :user user))))
      (when port (setq result (append result (list :port port))))
      (when secret (setq result (append result (list :secret (auth-source--hide secret)))))
      (when (and (stringp secret) (> (length secret) 0))
        (let ((file (oref backend source))
              (line (mapconcat
                     #'identity
                     (delq nil (cl-mapcar (lambda (name v)
                                            (and (stringp v) (> (length v) 0)
                                                 (concat name " " (auth-source--netrc-field v))))
                                          '("machine" "login" "port" "password")
                                          (list host user port secret)))
                     " ")))
          (setq result (append result (list :save-function
                                            (let ((done nil))
                                              (lambda ()
                                                (unless done
                                                  (setq done t)
                                                  (auth-source-netrc-saver file line)))))))))
      (list result))))

(defun auth-source-netrc-saver (file line) "Add LINE at the top of netrc FILE, as `auth-source-save-behavior' says."
  (when (or (eq auth-source-save-behavior t)
            (and (eq auth-source-save-behavior 'ask)
                 (y-or-n-p (format "Save auth info to file %s? " file))))
    (with-temp-buffer
      (when (file-exists-p file) (insert-file-contents file))
      (goto-char (point-min))
      (insert line "\n")
      (write-region (point-min) (point-max) file nil 'silent))
    (setq auth-source-netrc-cache (cl-remove file auth-source-netrc-cache :key #'car :test #'equal))
    (message "Saved new authentication information to %s" file))
  nil)

;;; Stores tsmacs cannot reach

(defun auth-source-macos-keychain-search (&rest _spec) "Search a macOS keychain: there is none outside macOS."
  (error "The macOS keychain needs the `security' program of macOS"))

(defun auth-source-macos-keychain-create (&rest _spec) "Make a macOS keychain entry: there is none outside macOS."
  (error "The macOS keychain needs the `security' program of macOS"))

(defun auth-source-secrets-search (&rest _spec) "Search the Secret Service, which needs D-Bus."
  (signal 'dbus-error '("No connection to bus" :session)))

(defun auth-source-secrets-create (&rest _spec) "Make a Secret Service entry, which needs D-Bus."
  (signal 'dbus-error '("No connection to bus" :session)))

(defun auth-source-plstore-search (&rest _spec) "Search a plstore file: tsmacs has no plstore library yet."
  (error "plstore files are not supported"))

(defun auth-source-plstore-create (&rest _spec) "Make a plstore entry: tsmacs has no plstore library yet."
  (error "plstore files are not supported"))

(provide 'auth-source)
;;; auth-source.el ends here
