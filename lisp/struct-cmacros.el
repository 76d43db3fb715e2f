;;; struct-cmacros.el --- the compiler-macro functions of some preloaded structure accessors -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.  GNU defines the accessors of
;; its timer, decoded-time and ppss structures with `cl-defstruct', which gives each accessor a
;; compiler macro NAME--cmacro that open-codes the slot access.  tsmacs's accessors are plain
;; functions (no compiler-macro property is set), but the NAME--cmacro functions exist and give
;; GNU's expansions: (cl-block NAME (progn ACCESS)), with a non-trivial argument first bound
;; to `cl-x'.

;;; Code:

(defconst struct-cmacros--pure-heads '(car cdr car-safe cdr-safe nth nthcdr aref elt length symbol-value)
  "Functions whose calls on simple arguments are cheap and harmless enough to repeat.")

(defun struct-cmacros--trivial-p (arg) "Non-nil when ARG can be used in the expansion as it is.
That is a symbol, a constant, or a call of a cheap accessor on such."
  (cond ((or (symbolp arg) (numberp arg) (stringp arg)) t)
        ((eq (car-safe arg) 'quote) t)
        ((memq (car-safe arg) struct-cmacros--pure-heads)
         (null (delq t (mapcar #'struct-cmacros--trivial-p (cdr arg)))))))

(defun struct-cmacros--expand (name access arg) "The expansion of a call of the accessor NAME on ARG, whose slot ACCESS reads given a form for the object."
  (if (struct-cmacros--trivial-p arg)
      (list 'cl-block name (list 'progn (funcall access arg)))
    (list 'let (list (list 'cl-x arg))
          (list 'cl-block name (list 'progn (funcall access 'cl-x))))))

(defun struct-cmacros--define (name access) "Define NAME--cmacro, the compiler-macro function of the accessor NAME whose slot ACCESS reads."
  (defalias (intern (concat (symbol-name name) "--cmacro"))
    (lambda (_whole object) (struct-cmacros--expand name access object))
    (format "Open-code a call of `%s' on OBJECT, as its compiler macro does." name)))

;; Timers are vectors.
(let ((slot 0))
  (dolist (field '(triggered high-seconds low-seconds usecs repeat-delay function args
                   idle-delay psecs integral-multiple))
    (let ((i slot))
      (struct-cmacros--define (intern (format "timer--%s" field))
                              (lambda (object) (list 'aref object i))))
    (setq slot (1+ slot))))

(defun timer--create--cmacro (_whole) "Open-code a call of `timer--create': a fresh timer vector."
  (list 'cl-block 'timer--create (cons 'vector (cons t (make-list 9 nil)))))

;; Decoded times and parse states are lists.
(dolist (group '(("decoded-time-" second minute hour day month year weekday dst zone)
                 ("ppss-" depth innermost-start last-complete-sexp-start string-terminator
                  comment-depth quoted-p min-depth comment-style comment-or-string-start
                  open-parens two-character-syntax)))
  (let ((slot 0))
    (dolist (field (cdr group))
      (let ((i slot))
        (struct-cmacros--define (intern (concat (car group) (symbol-name field)))
                                (lambda (object) (if (= i 0) (list 'car object) (list 'nth i object)))))
      (setq slot (1+ slot)))))

(provide 'struct-cmacros)

;;; struct-cmacros.el ends here
