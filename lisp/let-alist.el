;;; let-alist.el --- bind the dotted names used in a body to alist values  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.
;;
;; A body mentioning `.name' or `.outer.inner' gets one binding per such
;; symbol, each reading its value out of the alist (walking nested alists
;; for every further dot).  Only symbols that occur in the body are bound,
;; in the order of their first occurrence.

;; The helpers have GNU's names: GNU's own tests call them.

(defun let-alist--remove-dot (symbol)
  "Return SYMBOL with one leading period taken off its name, if it has one."
  (let ((name (symbol-name symbol)))
    (if (string-prefix-p "." name) (intern (substring name 1)) symbol)))

(defun let-alist--deep-dot-search (data)
  "Return an alist (SYMBOL . UNDOTTED) of the dotted symbols in DATA, in order.
Conses and vectors are walked; a symbol met twice is listed twice.  A
nested `let-alist' form contributes only what its own alist expression
mentions, since its body belongs to the inner binding."
  (cond
   ((symbolp data)
    (and (string-prefix-p "." (symbol-name data))
         (list (cons data (let-alist--remove-dot data)))))
   ((vectorp data)
    (apply #'append (mapcar #'let-alist--deep-dot-search data)))
   ((not (consp data)) nil)
   ((eq (car data) 'let-alist)
    (let-alist--deep-dot-search (car (cdr data))))
   (t (append (let-alist--deep-dot-search (car data))
              (let-alist--deep-dot-search (cdr data))))))

(defun let-alist--list-to-sexp (list var)
  "Return a form reading a value out of the nested alists in VAR.
LIST holds the keys innermost first: its last element is looked up in
VAR, the one before it in what that gives, and so on."
  (list 'cdr (list 'assq (list 'quote (car list))
                   (if (cdr list) (let-alist--list-to-sexp (cdr list) var) var))))

(defun let-alist--access-sexp (symbol variable)
  "Return a form reading the value that dotted SYMBOL names out of VARIABLE.
Each period-separated part of the name descends one alist; a name with
two leading periods stands for the symbol with one of them taken off."
  (let ((name (symbol-name symbol)))
    (if (string-prefix-p ".." name)
        (intern (substring name 1))
      (let-alist--list-to-sexp
       (nreverse (mapcar #'intern
                         (split-string (if (string-prefix-p "." name)
                                           (substring name 1)
                                         name)
                                       "\\.")))
       variable))))

(defmacro let-alist (alist &rest body)
  "Evaluate BODY with every dotted symbol in it bound to a value from ALIST.
ALIST is evaluated once.  A symbol `.key' in BODY is bound to the cdr
of KEY's entry in ALIST (nil when absent), and `.key.sub' to SUB's
entry in the alist found under KEY, and so on for further dots.  A
`let-alist' nested in BODY binds its own dotted symbols."
  (declare (indent 1) (debug t))
  (let ((holder (make-symbol "alist"))
        (seen nil))
    (dolist (entry (let-alist--deep-dot-search body))
      (unless (memq (car entry) seen)
        (push (car entry) seen)))
    `(let ((,holder ,alist))
       (let ,(mapcar (lambda (sym)
                       (list sym (let-alist--access-sexp sym holder)))
                     (nreverse seen))
         ,@body))))

(provide 'let-alist)

;;; let-alist.el --- end
