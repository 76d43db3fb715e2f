;;; gc.el --- Full collections: the start-up heap, then the hash-fill heap and a list heap -*- lexical-binding: t -*-
;; Prints the heap's answer on stdout; on stderr, lines "bench: NAME MS" give the median of
;; seven full collections (processor time, get-internal-run-time) that bench/run.mjs reports.

(defun bench-gc-ms ()
  "The median processor time of seven full collections, in milliseconds."
  (let ((times nil))
    (dotimes (_ 7)
      (let ((t0 (get-internal-run-time)))
        (garbage-collect)
        (push (* 1000.0 (float-time (time-subtract (get-internal-run-time) t0))) times)))
    (nth 3 (sort times #'<))))

(defvar bench-gc-table nil)
(defvar bench-gc-lists nil)

(let ((start (bench-gc-ms)))
  ;; hash-fill.el's heap: an eql table of 200,000 fixnum keys.
  (setq bench-gc-table (make-hash-table :test 'eql))
  (dotimes (i 200000) (puthash i (* 2 i) bench-gc-table))
  (let ((filled (bench-gc-ms)))
    ;; Then 300,000 more conses in lists of 1,000, and 20,000 strings and floats.
    (dotimes (i 300) (push (number-sequence i (+ i 999)) bench-gc-lists))
    (dotimes (i 20000) (push (cons (number-to-string i) (* i 1.5)) bench-gc-lists))
    (let ((lists (bench-gc-ms)))
      (message "bench: gc-start-up-heap %.3f" start)
      (message "bench: gc-hash-fill-heap %.3f" filled)
      (message "bench: gc-hash-and-lists-heap %.3f" lists)
      (princ (list (hash-table-count bench-gc-table) (length bench-gc-lists)
                   (apply #'+ (mapcar #'length (last bench-gc-lists 300))))))))
