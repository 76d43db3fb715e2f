;;; inline.el --- define-inline: one body, both a function and its inliner  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; `define-inline' reads its body twice.  As the function, `inline-quote'
;; is plain code (its unquoted parts are the argument values) and the
;; constant tests are trivially true.  As the inliner (NAME--inliner, the
;; function's compiler macro), the same body computes the code to put in
;; place of a call, and gives up on the call (keeping it as it is) when an
;; argument it needs as a constant is not one.

(defun inline--unquote (template) "TEMPLATE, a backquote-style template, as the code it stands for."
  (cond ((not (consp template)) template)
        ((eq (car template) '\,) (nth 1 template))
        (t (let ((out nil))
             (while (consp template)
               (if (eq (car template) '\,)
                   ;; A dotted unquote: (a . ,b).
                   (setq out (nconc (nreverse (list (nth 1 template))) out)
                         template nil)
                 (push (inline--unquote (car template)) out)
                 (setq template (cdr template))))
             (nconc (nreverse out) template)))))

(defconst inline--as-function
  (list (cons 'inline-quote #'inline--unquote)
        (cons 'inline-const-p (lambda (_exp) t))
        (cons 'inline-const-val (lambda (exp) exp))
        (cons 'inline-error (lambda (format &rest args) `(error ,format ,@args)))
        (cons 'inline-letevals (lambda (_vars &rest body) (macroexp-progn body))))
  "How the inline-* forms read in the function's own body.")

(defun inline--const-test (exp)
  `(or (macroexp-const-p ,exp) (eq (car-safe ,exp) 'function)))

(defun inline--letevals (vars body) "The inliner's code binding each of VARS to a copy-safe form around BODY."
  (if (not (consp vars))
      (macroexp-progn body)
    (let ((var (car vars))
          (inner (inline--letevals (cdr vars) body)))
      `(let* ((exp ,var)
              (,var (if (macroexp-copyable-p exp) exp (make-symbol ,(symbol-name var))))
              (body ,inner))
         (if (eq ,var exp) body (macroexp-let* (list (list ,var exp)) body))))))

(defun inline--template-code (template) "Code building TEMPLATE: a proper list is built by `list', element by element."
  (if (and (consp template) (not (eq (car template) '\,))
           (proper-list-p template)
           (not (memq t (mapcar (lambda (e) (eq (car-safe e) '\,@)) template))))
      (cons 'list (mapcar (lambda (e) (list '\` e)) template))
    (list '\` template)))

(defconst inline--as-inliner
  (list (cons 'inline-quote #'inline--template-code)
        (cons 'inline-const-p #'inline--const-test)
        (cons 'inline-const-val
              (lambda (exp)
                `(cond ((not ,(inline--const-test exp))
                        (throw 'inline--just-use inline--form))
                       ((consp ,exp) (car (cdr ,exp)))
                       (t ,exp))))
        (cons 'inline-error
              (lambda (&rest _) '(throw 'inline--just-use inline--form)))
        (cons 'inline-letevals (lambda (vars &rest body) (inline--letevals vars body))))
  "How the inline-* forms read in the inliner.")

(defmacro define-inline (name args &rest body) "Define NAME as a function taking ARGS, and an inliner for its calls, from one BODY.
BODY may start with a docstring and a `declare' form.  In BODY,
\(inline-quote EXP) is the code of the call's result, a backquote template
whose unquoted parts are the arguments; `inline-const-p' tells whether an
argument is a constant, `inline-const-val' gives its value,
`inline-letevals' makes arguments safe to use more than once and
`inline-error' reports a misuse."
  (declare (indent defun) (debug defun) (doc-string 3))
  (let ((doc (and (stringp (car body)) (list (pop body))))
        (decls (and (eq (car-safe (car body)) 'declare) (cdr (pop body))))
        (inliner (intern (format "%s--inliner" name)))
        (code (macroexp-progn body)))
    `(progn
       (defun ,name ,args ,@doc
         (declare (compiler-macro ,inliner) ,@decls)
         ,(macroexpand-all code inline--as-function))
       :autoload-end
       (eval-and-compile
         (defun ,inliner (inline--form ,@args)
           (ignore inline--form)
           (catch 'inline--just-use ,(macroexpand-all code inline--as-inliner)))))))

(dolist (name '(inline-quote inline-const-p inline-const-val inline-error inline-letevals))
  (defalias name
    (cons 'macro (lambda (&rest _) (error "%s can only be used within define-inline" name)))))

(provide 'inline)
