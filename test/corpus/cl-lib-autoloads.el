;;; cl-lib-autoloads.el --- what (require 'cl-lib) loads, and what loads later  -*- lexical-binding: t -*-

;; cl-lib autoloads cl-macs, cl-seq and cl-extra: each file loads at the
;; first use of one of its names, and only then is its feature present.

(require 'cl-lib)
(list (featurep 'cl-lib) (featurep 'cl-macs) (featurep 'cl-seq) (featurep 'cl-extra))
(mapcar (lambda (name)
          (let ((def (symbol-function name)))
            (if (autoloadp def) (list name (nth 1 def) (nth 4 def)) (list name (functionp def)))))
        '(cl-loop cl-defstruct cl-defun cl-case cl-gensym cl-remove-if cl-endp cl-sort cl-some
          cl-subseq cl-float-limits cl-incf cl-pushnew cl-adjoin cl-subst cl-mapcar cl-first
          cl-evenp))
;; The common cases of these run in cl-lib itself.
(list (cl-adjoin 1 '(2)) (cl-adjoin "a" '("a") :test #'equal) (cl-subst 'x 'a '(a (b . a)))
      (cl-mapcar #'+ '(1 2) '(3 4 5)) (cl-mapcar #'1+ [1 2]))
(list (featurep 'cl-macs) (featurep 'cl-seq) (featurep 'cl-extra))
(macroexpand '(cl-incf x))
(macroexpand '(cl-pushnew (f) x))
(macroexpand '(cl-pushnew 'a x :test #'eq))
(list (featurep 'cl-macs) (featurep 'cl-seq) (featurep 'cl-extra))
;; The others load their file.
(cl-adjoin 3 '(1 2) :key #'1+)
(list (featurep 'cl-macs) (featurep 'cl-seq) (featurep 'cl-extra))
(cl-mapcar #'list [1 2] '(a b c))
(list (featurep 'cl-macs) (featurep 'cl-seq) (featurep 'cl-extra))
(macroexpand '(cl-incf (car y) 2))
(list (featurep 'cl-macs) (featurep 'cl-seq) (featurep 'cl-extra))
(mapcar (lambda (name) (autoloadp (symbol-function name))) '(cl-loop cl-remove-if cl-some cl-gensym))
(cl-subst 'x 1.0 '(1.0 (b . 1.0)))
