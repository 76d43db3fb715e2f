;;; let-alist.el --- bind the dotted names used in a body to alist values  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.
;;
;; A body mentioning `.name' or `.outer.inner' gets one binding per such
;; symbol, each reading its value out of the alist (walking nested alists
;; for every further dot).  Only symbols that occur in the body are bound,
;; in the order of their first occurrence.

;; The helpers have GNU's names: GNU's own tests call them.

(defun let-alist--remove-dot (sym) "Return SYM with one leading period taken off its name, if it has one."
  (if (string-prefix-p "." (symbol-name sym))
      (intern (substring (symbol-name sym) 1))
    sym))

(defun let-alist--deep-dot-search (tree) "Return an alist (SYMBOL . UNDOTTED) of the dotted symbols in TREE, in order.
Conses and vectors are walked; a symbol met twice is listed twice.  A
nested `let-alist' form contributes only what its own alist expression
mentions, since its body belongs to the inner binding."
  (pcase tree
    ((pred symbolp)
     (if (string-prefix-p "." (symbol-name tree))
         (list (cons tree (let-alist--remove-dot tree)))))
    (`(let-alist ,inner-alist . ,_) (let-alist--deep-dot-search inner-alist))
    (`(,head . ,tail) (nconc (let-alist--deep-dot-search head)
                             (let-alist--deep-dot-search tail)))
    ((pred vectorp) (mapcan #'let-alist--deep-dot-search tree))))

(defun let-alist--list-to-sexp (keys alist-form) "Return a form reading a value out of the nested alists in ALIST-FORM.
KEYS are innermost first: the last one is looked up in ALIST-FORM, the
one before it in what that gives, and so on."
  (let ((form alist-form))
    ;; No keys at all look up nil, as GNU's does.
    (dolist (key (reverse (or keys '(nil))) form)
      (setq form `(cdr (assq ',key ,form))))))

(defun let-alist--access-sexp (sym alist-form) "Return a form reading the value that dotted SYM names out of ALIST-FORM.
Each period-separated part of the name descends one alist; a name with
two leading periods stands for the symbol with one of them taken off."
  (let ((text (symbol-name sym)))
    (if (string-prefix-p "." text) (setq text (substring text 1)))
    (if (string-prefix-p "." text)
        (intern text)
      (let-alist--list-to-sexp (nreverse (mapcar #'intern (split-string text "\\.")))
                               alist-form))))

(defmacro let-alist (alist &rest body) "Evaluate BODY with every dotted symbol in it bound to a value from ALIST.
ALIST is evaluated once.  A symbol `.key' in BODY is bound to the cdr
of KEY's entry in ALIST (nil when absent), and `.key.sub' to SUB's
entry in the alist found under KEY, and so on for further dots.  A
`let-alist' nested in BODY binds its own dotted symbols." (declare (indent 1) (debug t))
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
