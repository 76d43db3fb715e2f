;;; loadhist.el --- questions about load-history, and unloading a feature  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; Which file provided a feature, what a file provides and requires, who
;; depends on it, and `unload-feature', which undoes what the file's
;; `load-history' entry says it defined.  Hooks are not searched for the
;; file's functions (GNU removes them from every hook variable).

(defun feature-file (feature) "Return the name of the file that provided FEATURE, by `load-history'.
Signal an error when FEATURE is not provided."
  (if (featurep feature)
      (car (feature-symbols feature))
    (error "%S is not a currently loaded feature" feature)))

(defun feature-symbols (feature) "Return the `load-history' element of the file that provided FEATURE, or nil."
  (catch 'loadhist--hit
    (dolist (element load-history nil)
      (when (member (cons 'provide feature) (cdr element))
        (throw 'loadhist--hit element)))))

(defun file-loadhist-lookup (file) "Return what `load-history' records for FILE.
FILE named exactly as in `load-history' gives its whole element.  Otherwise
FILE is looked up as a library, along `load-path' with the load suffixes,
and the element of the file found is given without its file name."
  (unless (stringp file) (signal 'wrong-type-argument (list 'stringp file)))
  (or (assoc file load-history)
      (let ((found (locate-file file load-path (get-load-suffixes))))
        (and found (cdr (assoc found load-history))))))

(defun loadhist--entries (file kind) "The values of the KIND items (`provide', `require') that `load-history' holds for FILE."
  (let ((items (file-loadhist-lookup file)))
    ;; A whole element starts with its file name, which no filter below keeps.
    (delq nil (mapcar (lambda (item) (and (eq (car-safe item) kind) (cdr item)))
                      items))))

(defun file-provides (file) "Return the features FILE provided when it was loaded."
  (loadhist--entries file 'provide))

(defun file-requires (file) "Return the features FILE required when it was loaded."
  (loadhist--entries file 'require))

(defun file-dependents (file) "Return the loaded files that required a feature FILE provides."
  (let ((provided (file-provides file))
        (users nil))
    (dolist (element load-history)
      (dolist (item (cdr element))
        (when (and (eq (car-safe item) 'require) (memq (cdr item) provided)
                   (not (member (car element) users)))
          (push (car element) users))))
    (nreverse users)))

(defun unload-feature (feature &optional force) "Undo the loading of the library that provided FEATURE.
Functions and variables its file defined become unbound (a function that
was an autoload before becomes that autoload again), its features are no
longer provided and its `load-history' entry goes.  Unless FORCE, refuse
when other loaded files require FEATURE.  A function FEATURE-unload-function,
if defined, runs first; when it returns non-nil it did the work itself."
  (interactive (list (read-feature "Unload feature: " t) current-prefix-arg))
  (or (featurep feature)
      (error "%s is not a currently loaded feature" (symbol-name feature)))
  (let* ((element (feature-symbols feature))
         (file (car element))
         (users (and (not force) (delete file (file-dependents file)))))
    (when users
      (error "Loaded libraries %s depend on %s" (prin1-to-string users) file))
    (let ((own (intern-soft (format "%s-unload-function" feature))))
      (unless (and own (fboundp own) (funcall own))
        (dolist (item (cdr element))
          (loadhist--undo item))))
    (setq load-history (delq element load-history))
    nil))

(defun loadhist--undo (item) "Undo one `load-history' ITEM."
  (cond
   ((and (symbolp item) (not (memq item '(nil t))))
    (makunbound item))
   ((memq (car item) '(provide))
    (setq features (delq (cdr item) features)))
   ((memq (car item) '(defun autoload))
    (let ((fn (cdr item)))
      (when (fboundp fn)
        (let ((previous (get fn 'autoload)))
          ;; A function that was an autoload before the file defined it becomes one again.
          (cond (previous (fset fn (cons 'autoload previous)))
                (t (fmakunbound fn)))))))))

(provide 'loadhist)
