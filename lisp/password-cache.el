;;; password-cache.el --- passwords kept for a while, under keys  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; Programs that ask for a password (Tramp, auth-source, Gnus) keep it under
;; a key, a string or symbol of their choosing, so the user is not asked
;; again within `password-cache-expiry' seconds.  An expired or removed
;; password string is wiped with `clear-string' first.

;;; Code:

;;;###autoload
(defcustom password-cache t "Non-nil means passwords are looked up in, and read from, the cache."
  :type 'boolean :group 'password)

(defvar password-data (make-hash-table :test 'equal) "The cached passwords, by key.")

;;;###autoload
(defcustom password-cache-expiry 16 "Seconds a cached password is kept; nil keeps it until removed."
  :type '(choice (const :tag "Never" nil) (integer :tag "Seconds")) :group 'password)

(defun password-cache-add (key password) "Cache PASSWORD under KEY, to be removed after `password-cache-expiry' seconds."
  (puthash key password password-data)
  (if password-cache-expiry (run-with-timer password-cache-expiry nil 'password-cache-remove key))
  nil)

(defun password-cache-remove (key) "Forget the password cached under KEY, wiping it first if it is a string."
  (let ((stored (gethash key password-data)))
    (remhash key password-data)
    (when (stringp stored) (clear-string stored))
    nil))

(defun password-reset () "Forget every cached password." (clrhash password-data))

(defun password-read-from-cache (key) "The password cached under KEY, or nil; always nil when `password-cache' is nil."
  (if password-cache (and key (gethash key password-data))))

(defun password-in-cache-p (key) "Whether a password is cached under KEY (and `password-cache' is on)."
  (when (and key password-cache)
    (let ((missing (make-symbol "missing")))
      (not (eq missing (gethash key password-data missing))))))

(defun password-read (prompt &optional key) "The password cached under KEY, or else one read from the user with PROMPT.
Reading does not cache it: see `password-cache-add'."
  (let ((known (password-read-from-cache key)))
    (if known known (read-passwd prompt))))

(provide 'password-cache)
