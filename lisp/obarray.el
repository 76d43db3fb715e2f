;;; obarray.el --- making and recognizing obarrays for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; As in GNU Emacs 28, an obarray is a vector of buckets, 0 while empty.

(defun obarrayp (object) "Non-nil when OBJECT can be used as an obarray: a vector with some buckets."
  ;; The empty vector is the one vector without a bucket.
  (if (vectorp object) (not (equal object []))))

(defun obarray-make (&optional size) "Return a new, empty obarray with SIZE buckets, or `obarray-default-size' ones.
A SIZE of zero or less is an error."
  (let ((buckets (if size size obarray-default-size)))
    ;; GNU reports a bad size this way, whatever it was.
    (unless (> buckets 0) (signal 'wrong-type-argument (list 'size 0)))
    (make-vector buckets 0)))

(defconst obarray-default-size 59 "How many buckets `obarray-make' gives a new obarray when no size is given.")

;; The rest are the primitives on symbols with the obarray argument first.
(defalias 'obarray-size #'length "Return the number of buckets of the obarray OB.\n\n(fn OB)")

(let ((by-name (lambda (prim) (lambda (ob name) (funcall prim name ob)))))
  (defalias 'obarray-get (funcall by-name #'intern-soft)
    "Return the symbol called NAME in the obarray OB, or nil if OB has none.")
  (defalias 'obarray-put (funcall by-name #'intern)
    "Return the symbol called NAME in the obarray OB, adding a new one if OB has none.")
  (defalias 'obarray-remove (funcall by-name #'unintern)
    "Take the symbol NAME (a string or symbol) out of the obarray OB; t if it was there."))

(defalias 'obarray-map (lambda (fn ob) (mapatoms fn ob)) "Call FN on each symbol of the obarray OB; return nil.")

(provide 'obarray)
