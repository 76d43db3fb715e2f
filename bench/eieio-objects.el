;; Bench for bench/eieio.sh: 20,000 objects made, a method called on each and a slot set.
(require 'eieio)
(defclass bb () ((a :initarg :a :initform 0) (b :initarg :b :initform (list 1))))
(cl-defmethod bb-get ((x bb)) (oref x a))
(let ((s 0)) (dotimes (i 20000) (let ((o (bb :a i))) (setq s (+ s (bb-get o))) (oset o a 1))) s)
