;;; autoload-vars.el --- the variables of autoloaded libraries that every session has  -*- lexical-binding: t -*-

;; Written for tsmacs.  GNU's loaddefs.el carries a copy of each `defvar'
;; and `defcustom' that a library marks with an autoload cookie, so those
;; variables are bound in every session before their library loads (a
;; program may read `yank-excluded-properties' or bind `non-essential'
;; without loading anything).  The image is made the same way: when it is
;; built, this file reads every bundled library that is not preloaded and
;; evaluates the variable definitions that follow a cookie.  A user option
;; becomes a plain variable whose customization loads its library first,
;; as `custom-autoload' arranges.  Function cookies are left alone: the
;; functions are declared in autoloads.el.

;;; Code:

(defun autoload-vars--define (form library) "Evaluate the cookie-marked variable definition FORM of LIBRARY.
Give nil for a form that is not a variable definition (a `progn' of them
is taken apart); signal if a definition fails, so that a bad cookie stops
the build."
  (pcase form
    (`(defcustom ,name ,value ,doc . ,_)
     (eval `(defvar ,name ,value ,doc) t)
     (custom-autoload name library nil)
     name)
    (`(,(or 'defvar 'defvar-local 'defconst) ,name ,_ . ,_)
     (eval form t)
     name)
    ;; A group of definitions under one cookie.
    (`(progn . ,forms)
     (mapcar (lambda (f) (autoload-vars--define f library)) forms))))

(let ((preloaded (mapcar (lambda (entry) (file-name-base (car entry))) load-history)))
  (dolist (file (directory-files (file-name-directory load-file-name) t "\\.el\\'"))
    (let ((library (file-name-base file)))
      (unless (member library preloaded)
        (with-temp-buffer
          (insert-file-contents file)
          (goto-char (point-min))
          (while (re-search-forward "^;;;###autoload[ \t]*\n" nil t)
            (let ((form (read (current-buffer))))
              (condition-case err
                  (autoload-vars--define form library)
                (error (error "autoload-vars: %s in %s: %S" (cadr form) library err))))))))))

(provide 'autoload-vars)
