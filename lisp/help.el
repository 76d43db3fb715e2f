;;; help.el --- what a function's argument list is  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

(defun help--arity-arglist (low high) "Make an argument list of generic names for LOW required arguments.
HIGH is the most arguments accepted, or `many' or `unevalled' for any
number; the names are arg1, arg2... and rest."
  (let ((names nil) (n 1))
    (while (<= n low)
      (push (intern (format "arg%d" n)) names)
      (setq n (1+ n)))
    (cond ((numberp high)
           (when (< low high)
             (push '&optional names)
             (while (<= n high)
               (push (intern (format "arg%d" n)) names)
               (setq n (1+ n)))))
          (t (setq names (cons 'rest (cons '&rest names)))))
    (nreverse names)))

(defun help--usage-arglist (def) "Read the argument names from the \"(fn ARGS...)\" line ending DEF's documentation.
Give nil when there is none."
  (let ((doc (ignore-errors (documentation def t))))
    (when (and (stringp doc)
               (string-match "\n\n(fn\\(\\(?: [^)]*\\)?\\))\\'" doc))
      (let ((args (ignore-errors (car (read-from-string
                                      (concat "(" (match-string 1 doc) ")"))))))
        (and (listp args)
             (mapcar (lambda (a)
                       (if (and (symbolp a) (not (memq a '(&optional &rest))))
                           (intern (downcase (symbol-name a)))
                         a))
                     args))))))

(defun help-function-arglist (def &optional preserve-names) "Give the argument list of the function DEF (a symbol or a function object).
Lambdas, closures and compiled functions with a list give that list.
For primitives and compiled functions that record only counts, the
names come from the \"(fn ...)\" line of their documentation when
PRESERVE-NAMES is non-nil and there is one, else they are generic
\(arg1, arg2, rest).  An autoloaded function gives a string saying the
list is not known yet; anything else gives t."
  (when (and (symbolp def) (fboundp def))
    (setq def (indirect-function def)))
  (when (eq (car-safe def) 'macro)
    (setq def (cdr def)))
  (cond
   ((eq (car-safe def) 'lambda) (car-safe (cdr def)))
   ((eq (car-safe def) 'closure) (car-safe (cdr (cdr def))))
   ((and (byte-code-function-p def) (listp (aref def 0))) (aref def 0))
   ((or (byte-code-function-p def) (subrp def))
    (or (and preserve-names (help--usage-arglist def))
        (if (subrp def)
            (let ((arity (subr-arity def)))
              (help--arity-arglist (car arity) (cdr arity)))
          (let ((code (aref def 0)))
            (help--arity-arglist (logand code 127)
                                 (if (zerop (logand code 128))
                                     (ash code -8)
                                   'many))))))
   ((autoloadp def)
    "[Arg list not available until function definition is loaded.]")
   (t t)))

(provide 'help)
