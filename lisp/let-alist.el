;;; let-alist.el --- easily let-bind values of an assoc-list by their names  -*- lexical-binding: t -*-

;; Written for tsmacs.  `let-alist' binds every dotted symbol (`.key',
;; `.key.sub') that appears in its body to the matching value of an alist,
;; following nested alists for the dots inside a name.

(defun let-alist--dotted-p (symbol)
  "Non-nil if SYMBOL's name starts with a dot."
  (let ((name (symbol-name symbol)))
    (and (> (length name) 0) (eq (aref name 0) ?.))))

(defun let-alist--deep-dot-search (data)
  "Return (SYMBOL . NAME-WITHOUT-DOT) for every dotted symbol in DATA.
Inner `let-alist' forms are searched only in their alist argument."
  (cond
   ((symbolp data)
    (if (let-alist--dotted-p data)
        (list (cons data (intern (substring (symbol-name data) 1))))))
   ((vectorp data)
    (apply #'nconc (mapcar #'let-alist--deep-dot-search data)))
   ((not (consp data)) nil)
   ((eq (car data) 'let-alist)
    (let-alist--deep-dot-search (car (cdr data))))
   (t (append (let-alist--deep-dot-search (car data))
              (let-alist--deep-dot-search (cdr data))))))

(defun let-alist--remove-dot (symbol)
  "SYMBOL without its leading dot, if it has one."
  (if (let-alist--dotted-p symbol)
      (intern (substring (symbol-name symbol) 1))
    symbol))

(defun let-alist--list-to-sexp (keys var)
  "The form looking up KEYS (innermost key first) starting from VAR."
  (list 'cdr (list 'assq (list 'quote (car keys))
                   (if (cdr keys) (let-alist--list-to-sexp (cdr keys) var) var))))

(defun let-alist--split-dots (name)
  "Split NAME at its dots."
  (let ((parts nil) (start 0) (i 0) (len (length name)))
    (while (< i len)
      (when (eq (aref name i) ?.)
        (setq parts (cons (substring name start i) parts))
        (setq start (1+ i)))
      (setq i (1+ i)))
    (nreverse (cons (substring name start) parts))))

(defun let-alist--access-sexp (symbol variable)
  "The form that gives the value of the dotted SYMBOL from the alist in VARIABLE."
  (let* ((clean (let-alist--remove-dot symbol))
         (name (symbol-name clean)))
    (if (let-alist--dotted-p clean)
        clean
      (let-alist--list-to-sexp (mapcar #'intern (nreverse (let-alist--split-dots name)))
                               variable))))

(defmacro let-alist (alist &rest body)
  "Let-bind dotted symbols to their cdrs in ALIST and execute BODY.
A dotted symbol is one starting with `.'; `.a.b' is the value of `b'
in the alist that is the value of `a'.  Only the dotted symbols that
appear in BODY are bound."
  (declare (indent 1))
  (let ((var (make-symbol "alist")))
    (list 'let (list (list var alist))
          (cons 'let
                (cons (mapcar (lambda (x)
                                (list (car x) (let-alist--access-sexp (car x) var)))
                              (delete-dups (let-alist--deep-dot-search body)))
                      body)))))

(provide 'let-alist)

;;; let-alist.el ends here
