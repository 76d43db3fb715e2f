;;; eieio-compat.el --- the older EIEIO method macros on top of cl-generic  -*- lexical-binding: t -*-

;; Written for tsmacs from the EIEIO manual and GNU Emacs 28.2's observed
;; behaviour.  `defmethod' and `defgeneric' predate `cl-defmethod'; here
;; they become cl-generic methods.  A :static method applies to a class
;; name as well as to objects of that class; its specializer is
;; (eieio--static CLASS), which eieio-core.el teaches cl-generic.

(require 'eieio-core)

(defun eieio--defalias (name body) "Make BODY the definition of NAME, doing nothing if it already is."
  (unless (and (fboundp name) (eq (symbol-function name) body))
    (defalias name body)))

(defun eieio--defgeneric-init-form (method doc-string) "A generic function definition for METHOD documented by DOC-STRING."
  (if (and (fboundp method) (not (get method 'cl--generic))
           (not (autoloadp (symbol-function method))))
      (error "You cannot create a generic/method over an existing symbol: %s" method)
    (cl-generic-ensure-function method)
    (put method 'function-documentation doc-string)
    (symbol-function method)))

(defun eieio--defmethod (method kind argclass code) "Add CODE as a method of METHOD for objects of ARGCLASS, as the old `defmethod' did.
KIND is nil, :before, :primary, :after or :static; ARGCLASS nil makes
the method apply to any first argument."
  (let* ((kind (and kind (intern (downcase (symbol-name kind)))))
         (spec (cond ((null argclass) t)
                     ((eq kind :static) (list 'eieio--static argclass))
                     (t argclass)))
         (params (help-function-arglist code t)))
    (when (eq method 'constructor) (setq method 'make-instance))
    (cl-generic-define-method method (and (memq kind '(:before :after)) (list kind))
                              (cons (list (car params) spec) (cdr params))
                              nil code)))

(defmacro defgeneric (method args &optional doc-string) "Make METHOD, taking ARGS, a generic function documented by DOC-STRING."
  (ignore args)
  `(progn (eieio--defgeneric-init-form ',method ,doc-string)
          (unless (get ',method 'cl--generic) (cl-generic-ensure-function ',method))
          (cl--generic-install ',method)))

(defun eieio--compat-rename (form) "FORM with the old `call-next-method' and `next-method-p' calls renamed."
  (cond ((atom form) form)
        ((eq (car form) 'quote) form)
        (t (let ((head (car form)))
             (cons (pcase head
                     ('call-next-method 'cl-call-next-method)
                     ('next-method-p 'cl-next-method-p)
                     (_ (eieio--compat-rename head)))
                   (let ((rest (cdr form)) (out '()))
                     (while (consp rest) (push (eieio--compat-rename (pop rest)) out))
                     (nconc (nreverse out) rest)))))))

(defmacro defmethod (method &rest args) "Define METHOD, a method in the old EIEIO style.
ARGS are an optional key (:before, :primary, :after or :static),
an argument list whose first argument may be (VAR CLASS), an
optional docstring and the body.

\(fn METHOD [KEY] ARGLIST [DOCSTRING] BODY...)" (declare (doc-string 3) (indent defun))
  (let* ((key (and (keywordp (car args)) (intern (downcase (symbol-name (pop args))))))
         (arglist (pop args))
         (first (car arglist))
         (body (eieio--compat-rename args)))
    ;; Methods of the old `constructor' generic are methods of `make-instance'.
    (if (eq method 'constructor) (setq method 'make-instance))
    (when (and (eq key :static) (consp first))
      (setq arglist (cons (list (car first) (list 'eieio--static (cadr first))) (cdr arglist))))
    `(progn
       (put ',method 'eieio--old-style t)
       (cl-defmethod ,method ,@(and (memq key '(:before :after :around)) (list key))
         ,arglist ,@body))))

(defun generic-p (method) "Return non-nil if METHOD names a generic function."
  (and (symbolp method) (fboundp method) (get method 'cl--generic) t))

(defun call-next-method (&rest _args) "Call the next method; usable only inside a method body."
  (error "call-next-method only allowed inside primary and around methods"))

(defun next-method-p () "Return non-nil if a next method exists; usable only inside a method body."
  (error "next-method-p only allowed inside primary and around methods"))

(cl-defgeneric no-next-method (object &rest args) "Called when a method of OBJECT has no next method to call, with its ARGS.")
(cl-defmethod no-next-method (&rest args)
  (apply #'cl--eieio-original-no-next-method 'unknown nil args))

(cl-defgeneric no-applicable-method (object method &rest args) "Called when the generic METHOD has no method for OBJECT and ARGS.")
(cl-defmethod no-applicable-method (_object method &rest args)
  (apply #'cl--eieio-original-no-applicable-method method args))

(unless (fboundp 'cl--eieio-original-no-next-method)
  (defalias 'cl--eieio-original-no-next-method (symbol-function 'cl-no-next-method))
  (defalias 'cl--eieio-original-no-applicable-method (symbol-function 'cl-no-applicable-method))
  (defalias 'cl-no-next-method
    (lambda (generic method &rest args) "Signal that METHOD of GENERIC, called with ARGS, has no next method.
Once the old EIEIO interface is loaded, the generic `no-next-method' decides."
      (if args (apply #'no-next-method args)
        (apply #'cl--eieio-original-no-next-method generic method args))))
  (defalias 'cl-no-applicable-method
    (lambda (generic &rest args) "Signal that no method of GENERIC accepts ARGS.
Once the old EIEIO interface is loaded, the generic `no-applicable-method' decides."
      (if args (apply #'no-applicable-method (car args) generic args)
        (apply #'cl--eieio-original-no-applicable-method generic args)))))

(provide 'eieio-compat)
