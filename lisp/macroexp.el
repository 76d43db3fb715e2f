;;; macroexp.el --- expanding macros: macroexpand-1 and macroexpand-all  -*- lexical-binding: t -*-

;; Written for tsmacs.  `macroexpand' itself is a primitive (eval.ts).

(defun macroexpand-1 (form &optional environment)
  "Perform (at most) one step of macroexpansion of FORM in ENVIRONMENT."
  (if (not (consp form))
      form
    (let* ((head (car form))
           (local (assq head environment)))
      (cond
       (local (if (cdr local) (apply (cdr local) (cdr form)) form))
       ((not (and (symbolp head) head (fboundp head))) form)
       (t
        (let ((def (autoload-do-load (symbol-function head) head 'macro)))
          (cond
           ((and (symbolp def) (macrop def)) (cons def (cdr form)))
           ((and (consp def) (eq (car def) 'macro)) (apply (cdr def) (cdr form)))
           (t form))))))))

(defun macroexp--all-forms (forms env &optional skip)
  "Expand each element of FORMS, leaving the first SKIP ones alone."
  (let ((out nil))
    (while (consp forms)
      (setq out (cons (if (and skip (> skip 0))
                          (car forms)
                        (macroexp--expand-all (car forms) env))
                      out))
      (if skip (setq skip (1- skip)))
      (setq forms (cdr forms)))
    (nconc (nreverse out) forms)))

(defun macroexp--all-clauses (clauses env &optional skip)
  "Expand the forms of each clause of CLAUSES, leaving the first SKIP of each."
  (mapcar (lambda (clause)
            (if (consp clause) (macroexp--all-forms clause env skip) clause))
          clauses))

(defun macroexp--expand-all (form env)
  "Expand all macros in FORM, with ENV the macro environment."
  (setq form (macroexpand form env))
  (if (not (consp form))
      form
    (let ((head (car form)))
      (cond
       ((eq head 'quote) form)
       ((eq head 'function)
        (let ((f (car-safe (cdr form))))
          (if (eq (car-safe f) 'lambda)
              (list 'function
                    (cons 'lambda (cons (car (cdr f)) (macroexp--all-forms (cdr (cdr f)) env))))
            form)))
       ((memq head '(let let*))
        (cons head
              (cons (mapcar (lambda (binding)
                              (if (consp binding)
                                  (macroexp--all-forms binding env 1)
                                binding))
                            (car (cdr form)))
                    (macroexp--all-forms (cdr (cdr form)) env))))
       ((eq head 'cond) (cons 'cond (macroexp--all-clauses (cdr form) env)))
       ((eq head 'condition-case)
        (cons head
              (cons (car (cdr form))
                    (cons (macroexp--expand-all (car (cdr (cdr form))) env)
                          (macroexp--all-clauses (cdr (cdr (cdr form))) env 1)))))
       ((memq head '(defvar defconst)) (cons head (macroexp--all-forms (cdr form) env 1)))
       ((eq head 'interactive) form)
       ((and (consp head) (eq (car head) 'lambda))
        (cons (macroexp--expand-all (list 'function head) env)
              (macroexp--all-forms (cdr form) env)))
       (t (cons head (macroexp--all-forms (cdr form) env)))))))

(defvar macroexpand-all-environment nil
  "The macro environment of the `macroexpand-all' running now.")

(defun macroexpand-all (form &optional environment)
  "Return result of expanding macros at all levels in FORM."
  (let ((macroexpand-all-environment environment))
    (macroexp--expand-all form environment)))

(defun macroexp-progn (exps)
  "Return EXPS as a single expression: a `progn' if there are several."
  (if (cdr exps) (cons 'progn exps) (car exps)))

(defun macroexp-quote (v)
  "Return an expression E such that `(eval E)' is V."
  (if (and (not (memq v '(nil t))) (or (symbolp v) (consp v)) (not (keywordp v)))
      (list 'quote v)
    v))

(defun macroexp-const-p (exp)
  "Return non-nil if EXP will always evaluate to the same value."
  (cond ((consp exp) (or (eq (car exp) 'quote)
                         (and (eq (car exp) 'function) (symbolp (car (cdr exp))))))
        ((symbolp exp) (or (keywordp exp) (memq exp '(nil t))))
        (t t)))

(defun macroexp-copyable-p (exp)
  "Return non-nil if EXP can be copied without extra cost."
  (or (symbolp exp) (macroexp-const-p exp)))

(defun internal-macroexpand-for-load (form full-p)
  "Expand FORM before `load' evaluates it: one step, or with FULL-P all of it."
  (condition-case err
      (if full-p (macroexpand-all form) (macroexpand form))
    ;; As GNU 28: report, and leave the form to be expanded when it runs.
    (error (message "Eager macro-expansion failure: %S" err) form)))
