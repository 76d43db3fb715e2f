;;; gc-first.el --- The first, second and warm (garbage-collect) of a session, then on a bigger heap -*- lexical-binding: t -*-
;; Run with `tsmacs --batch -l bench/gc-first.el' or `emacs -Q --batch -l bench/gc-first.el';
;; prints one line of processor times in milliseconds (get-internal-run-time).

(defun gc-first-one ()
  "Run one full collection and return the processor time it took, in milliseconds."
  (let ((t0 (get-internal-run-time)))
    (garbage-collect)
    (* 1000.0 (float-time (time-subtract (get-internal-run-time) t0)))))

(defun gc-first-median (n)
  "Run N collections and return the median of their processor times."
  (let (times)
    (dotimes (_ n) (push (gc-first-one) times))
    (nth (/ n 2) (sort times #'<))))

(defvar gc-first-lists nil)

(let* ((first (gc-first-one)) (second (gc-first-one)) (warm (gc-first-median 21)))
  (dotimes (i 300) (push (number-sequence i (+ i 999)) gc-first-lists))
  (dotimes (i 20000) (push (cons (number-to-string i) (* i 1.5)) gc-first-lists))
  (message "first %.2f second %.2f warm %.2f lists %.2f" first second warm (gc-first-median 21)))
