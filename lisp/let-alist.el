;;; let-alist.el --- bind the dotted names used in a body to alist values  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.
;;
;; A body mentioning `.name' or `.outer.inner' gets one binding per such
;; symbol, each reading its value out of the alist (walking nested alists
;; for every further dot).  Only symbols that occur in the body are bound,
;; in the order of their first occurrence.

(defun let-alist--leading-dot-p (sym)
  "Return non-nil when the name of symbol SYM begins with a period."
  (string-prefix-p "." (symbol-name sym)))

(defun let-alist--collect (tree found)
  "Push the dotted symbols of TREE onto FOUND, depth first; return FOUND.
Conses and vectors are walked.  A nested `let-alist' form contributes
only what its own alist expression mentions, since its body belongs to
the inner binding."
  (cond
   ((symbolp tree)
    (if (let-alist--leading-dot-p tree) (cons tree found) found))
   ((vectorp tree)
    (dolist (elt (append tree nil) found)
      (setq found (let-alist--collect elt found))))
   ((not (consp tree)) found)
   ((eq (car tree) 'let-alist)
    (let-alist--collect (car (cdr tree)) found))
   (t (let-alist--collect (cdr tree)
                          (let-alist--collect (car tree) found)))))

(defun let-alist--lookup-form (sym place)
  "Return a form reading the value of dotted symbol SYM from the alist PLACE.
A name with two leading periods stands for the symbol with one of them
stripped, unchanged."
  (let ((name (substring (symbol-name sym) 1)))
    (if (string-prefix-p "." name)
        (intern name)
      (let ((form place))
        ;; Every dot-separated part descends one level, outermost first.
        (dolist (key (split-string name "\\."))
          (setq form (list 'cdr (list 'assq (list 'quote (intern key)) form))))
        form))))

(defmacro let-alist (alist &rest body)
  "Evaluate BODY with every dotted symbol in it bound to a value from ALIST.
ALIST is evaluated once.  A symbol `.key' in BODY is bound to the cdr
of KEY's entry in ALIST (nil when absent), and `.key.sub' to SUB's
entry in the alist found under KEY, and so on for further dots.  A
`let-alist' nested in BODY binds its own dotted symbols."
  (declare (indent 1) (debug t))
  (let ((holder (make-symbol "alist"))
        (seen nil))
    (dolist (sym (nreverse (let-alist--collect body nil)))
      (unless (memq sym seen)
        (push sym seen)))
    `(let ((,holder ,alist))
       (let ,(mapcar (lambda (sym)
                       (list sym (let-alist--lookup-form sym holder)))
                     (nreverse seen))
         ,@body))))

(provide 'let-alist)

;;; let-alist.el --- end
