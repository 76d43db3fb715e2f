;;; obarray.el --- obarray functions  -*- lexical-binding: t -*-

;; Written for tsmacs.

;; --- obarrays (obarray.el) ---
(defconst obarray-default-size 59 "Size of a new obarray when none is given.")
(defun obarray-make (&optional size)
  "Return a new empty obarray with SIZE buckets (default `obarray-default-size')."
  (let ((n (or size obarray-default-size)))
    (if (> n 0) (make-vector n 0) (signal 'wrong-type-argument '(size 0)))))
(defun obarrayp (object)
  "Return t if OBJECT can serve as an obarray (a non-empty vector)."
  (and (vectorp object) (> (length object) 0)))

