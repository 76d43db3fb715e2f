;; Options whose value is worked out at each start (custom-initialize-delay):
;; user-mail-address and mail-host-address, as startup.el defines them.
custom-delayed-init-variables
(list (and (custom-variable-p 'user-mail-address) t) (and (custom-variable-p 'mail-host-address) t))
(list (get 'user-mail-address 'custom-type) (get 'mail-host-address 'custom-type))
mail-host-address
(stringp user-mail-address)
(equal user-mail-address (or (getenv "EMAIL") (concat (user-login-name) "@" (system-name))))
(progn (setq mail-host-address "example.org")
       (custom-reevaluate-setting 'user-mail-address)
       (or (getenv "EMAIL") (substring user-mail-address (length (user-login-name)))))
(progn (setq mail-host-address nil) (custom-reevaluate-setting 'user-mail-address)
       (equal user-mail-address (or (getenv "EMAIL") (concat (user-login-name) "@" (system-name)))))
;; Once started, a delayed option is set as soon as it is defined.
(progn (defcustom sd-late (+ 1 2) "A late option." :type 'integer :group 'tests
         :initialize #'custom-initialize-delay)
       sd-late)
(boundp 'sd-late)
(documentation-property 'sd-late 'variable-documentation)
(memq 'sd-late (if (listp custom-delayed-init-variables) custom-delayed-init-variables))
