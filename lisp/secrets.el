;;; secrets.el --- the Secret Service API, without a D-Bus to reach it  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; GNU reaches the freedesktop.org Secret Service (GNOME Keyring,
;; KWallet...) over the D-Bus session bus.  tsmacs has no D-Bus, so it
;; behaves as GNU does when no session bus is running: `secrets-enabled'
;; is nil and every call to the service signals
;; (dbus-error "No connection to bus" :session).

;;; Code:

(unless (get 'dbus-error 'error-conditions)
  (define-error 'dbus-error "D-Bus error"))

(defgroup secrets nil "The Secret Service API." :group 'comm :version "23.1")

(defvar secrets-enabled nil "Non-nil when the Secret Service can be reached (never in tsmacs: it has no D-Bus).")

(defvar secrets-service "org.freedesktop.secrets" "The D-Bus name of the Secret Service.")

(defvar secrets-path "/org/freedesktop/secrets" "The D-Bus object path of the Secret Service.")

(defvar secrets-empty-path "/" "The path D-Bus uses for no object.")

(defun secrets--no-bus () "Signal that the session bus cannot be reached."
  (signal 'dbus-error '("No connection to bus" :session)))

(dolist (name '(secrets-get-alias secrets-set-alias secrets-delete-alias
                secrets-list-collections secrets-create-collection secrets-delete-collection
                secrets-get-collections secrets-get-collection-properties
                secrets-get-collection-property secrets-collection-path
                secrets-unlock-collection secrets-lock-collection
                secrets-list-items secrets-get-items secrets-search-items
                secrets-search-item-paths secrets-create-item secrets-delete-item
                secrets-get-secret secrets-get-attribute secrets-get-attributes
                secrets-get-item-properties secrets-get-item-property secrets-item-path
                secrets-open-session secrets-close-session))
  (defalias name
    (lambda (&rest _args) (secrets--no-bus))
    "Ask the Secret Service, which needs the D-Bus session bus (tsmacs has none)."))

(provide 'secrets)
;;; secrets.el ends here
