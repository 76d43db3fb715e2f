;;; diff-fuzz.el --- call functions over a pool of arguments, for comparing with GNU  -*- lexical-binding: t -*-
;; Run by scripts/diff-fuzz.sh under both systems. Each line is FUNCTION ARGS TAB RESULT, where
;; RESULT is the value or (ERR ERROR). The names come from the file named by DIFF_FUZZ_FUNCTIONS.
(setq print-escape-newlines t print-circle t)
(defvar diff-fuzz-pool (list nil t 0 1 -1 2 7 1.5 -0.0 0.5 "abc" "" "Aéb" ?a 'foo '(1 2 3) '(a . b) [1 2]
                             "a\nb" -3 "10" '((a . 1) (b . 2))))
(defvar diff-fuzz-small (list nil 0 1 "ab" 'foo '(1 2) 2.5))
(defun diff-fuzz-call (f args)
  (let ((r (condition-case e (apply f args) (error (list 'ERR e)))))
    (princ (format "%S %S\t%S\n" f args r))))
(dolist (name (split-string (with-temp-buffer
                              (insert-file-contents (getenv "DIFF_FUZZ_FUNCTIONS"))
                              (buffer-string))
                            "\n" t))
  (let* ((f (intern name)) (arity (func-arity f)) (lo (car arity)) (hi (cdr arity)))
    (when (<= lo 0) (diff-fuzz-call f nil))
    (when (and (<= lo 1) (or (not (numberp hi)) (>= hi 1)))
      (dolist (a diff-fuzz-pool) (diff-fuzz-call f (list a))))
    (when (and (<= lo 2) (or (not (numberp hi)) (>= hi 2)))
      (dolist (a diff-fuzz-pool) (dolist (b diff-fuzz-pool) (diff-fuzz-call f (list a b)))))
    (when (and (<= lo 3) (or (not (numberp hi)) (>= hi 3)))
      (dolist (a diff-fuzz-small)
        (dolist (b diff-fuzz-small)
          (dolist (c diff-fuzz-small) (diff-fuzz-call f (list a b c))))))))
