;;; backquote.el --- the ` macro: templates with , and ,@  -*- lexical-binding: t -*-

;; Written for tsmacs.  The expansion uses cons, list, append and vector,
;; folding constant parts into quoted data.

(defun backquote--constant-p (x)
  "Non-nil if X evaluates to itself."
  (or (null x) (eq x t) (keywordp x) (numberp x) (stringp x)
      (and (consp x) (eq (car x) 'quote))))

(defun backquote--value (x)
  "The value of constant expression X."
  (if (and (consp x) (eq (car x) 'quote)) (car (cdr x)) x))

(defun backquote--quote (x)
  "An expression evaluating to X."
  (if (or (null x) (eq x t) (keywordp x) (numberp x) (stringp x)) x (list 'quote x)))

(defun backquote--cons (head tail)
  "An expression consing the value of HEAD onto the value of TAIL."
  (cond
   ((and (backquote--constant-p head) (backquote--constant-p tail))
    (backquote--quote (cons (backquote--value head) (backquote--value tail))))
   ((null tail) (list 'list head))
   ((and (consp tail) (eq (car tail) 'list)) (cons 'list (cons head (cdr tail))))
   (t (list 'cons head tail))))

(defun backquote--process (form level)
  "Expand the template FORM at nesting LEVEL (0 = innermost backquote)."
  (cond
   ((vectorp form)
    (let ((e (backquote--process (append form nil) level)))
      (cond ((backquote--constant-p e) (backquote--quote (vconcat (backquote--value e))))
            ((and (consp e) (eq (car e) 'list)) (cons 'vector (cdr e)))
            (t (list 'vconcat e)))))
   ((atom form) (backquote--quote form))
   ((eq (car form) '\,)
    (if (= level 0)
        (car (cdr form))
      (backquote--cons ''\, (backquote--cons (backquote--process (car (cdr form)) (1- level)) nil))))
   ((eq (car form) '\`)
    (backquote--cons ''\` (backquote--cons (backquote--process (car (cdr form)) (1+ level)) nil)))
   (t
    (let ((items nil) (rest form) (tail nil))
      ;; Collect the elements up to a dotted tail or a `. ,x' tail.
      (while (and (consp rest) (not (and (eq (car rest) '\,) (consp (cdr rest)) (null (cdr (cdr rest))))))
        (setq items (cons (car rest) items))
        (setq rest (cdr rest)))
      (setq tail (if (consp rest)
                     (if (= level 0) (car (cdr rest))
                       (backquote--process rest level))
                   (backquote--quote rest)))
      (while items
        (let ((item (car items)))
          (if (and (consp item) (eq (car item) '\,@) (= level 0))
              (setq tail (if (null tail) (car (cdr item))
                           (list 'append (car (cdr item)) tail)))
            (setq tail (backquote--cons
                        (if (and (consp item) (eq (car item) '\,@))
                            (backquote--cons ''\,@ (backquote--cons (backquote--process (car (cdr item)) (1- level)) nil))
                          (backquote--process item level))
                        tail))))
        (setq items (cdr items)))
      tail))))

(defalias 'backquote
  (cons 'macro
        #'(lambda (structure)
            "Argument STRUCTURE describes a template to build."
            (backquote--process structure 0))))

(defalias '\` (symbol-function 'backquote))
