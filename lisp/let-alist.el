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
  (let ((str (symbol-name symbol)))
    (if (and (> (length str) 0) (eq (aref str 0) ?.))
        (intern (substring str 1))
      symbol)))

(defun let-alist--deep-dot-search (form)
  "Return an alist (SYMBOL . UNDOTTED) of the dotted symbols in DATA, in order.
Conses and vectors are walked; a symbol met twice is listed twice.  A
nested `let-alist' form contributes only what its own alist expression
mentions, since its body belongs to the inner binding."
  (cond ((consp form)
         (if (eq (car form) 'let-alist)
             (let-alist--deep-dot-search (nth 1 form))
           (nconc (let-alist--deep-dot-search (car form))
                  (let-alist--deep-dot-search (cdr form)))))
        ((vectorp form) (mapcan #'let-alist--deep-dot-search form))
        ((and (symbolp form) (string-prefix-p "." (symbol-name form)))
         (list (cons form (let-alist--remove-dot form))))))

(defun let-alist--list-to-sexp (keys var)
  "Return a form reading a value out of the nested alists in VAR.
LIST holds the keys innermost first: its last element is looked up in
VAR, the one before it in what that gives, and so on."
  (let ((form var))
    (dolist (k (reverse (or keys '(nil))) form)
      (setq form `(cdr (assq ',k ,form))))))

(defun let-alist--access-sexp (sym var)
  "Return a form reading the value that dotted SYMBOL names out of VARIABLE.
Each period-separated part of the name descends one alist; a name with
two leading periods stands for the symbol with one of them taken off."
  (let ((str (symbol-name sym)))
    (cond ((string-prefix-p ".." str) (intern (substring str 1)))
          (t (let* ((bare (if (string-prefix-p "." str) (substring str 1) str))
                    (keys (mapcar #'intern (split-string bare "\\."))))
               (let-alist--list-to-sexp (reverse keys) var))))))

(defmacro let-alist (alist &rest body)
  "Evaluate BODY with every dotted symbol in it bound to a value from ALIST.
ALIST is evaluated once.  A symbol `.key' in BODY is bound to the cdr
of KEY's entry in ALIST (nil when absent), and `.key.sub' to SUB's
entry in the alist found under KEY, and so on for further dots.  A
`let-alist' nested in BODY binds its own dotted symbols."
  (declare (indent 1) (debug t))
  ;; One binding per distinct dotted symbol, first occurrence first.
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
