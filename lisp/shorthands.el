;;; shorthands.el --- symbol shorthands of a file: finding them, showing them  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.

;; The reader (lread.ts) already puts the longhand in place of a prefix listed
;; in `read-symbol-shorthands', and `intern' does so too.  What is here: the
;; value a file gives that variable in its Local Variables block (`load' asks
;; for it through `hack-read-symbol-shorthands-function' before reading the
;; file's forms), and the face that marks a shorthand prefix in a buffer.

(defvar hack-read-symbol-shorthands-function #'hack-read-symbol-shorthands
  "The function `load' calls, in the buffer of a source file's text, for the file's shorthands.")

(put 'read-symbol-shorthands 'safe-local-variable 'consp)

(defun hack-read-symbol-shorthands () "Give the value the buffer's Local Variables section sets `read-symbol-shorthands' to, or nil.
When the section sets it more than once, the last setting counts."
  (cdr (assq 'read-symbol-shorthands (hack-local-variables--find-variables))))

(defun shorthands--of-file (file) "Give the shorthands `load' reads FILE's text with.
Its text goes into a buffer \" *load*\", point at its start, where
`hack-read-symbol-shorthands-function' is called."
  (let ((buf (generate-new-buffer " *load*" t)))
    (unwind-protect (save-current-buffer
                      (set-buffer buf)
                      ;; Point stays before the inserted text.
                      (insert-file-contents file)
                      (funcall hack-read-symbol-shorthands-function))
      (and (buffer-live-p buf) (kill-buffer buf)))))

(defun shorthands--mismatch-from-end (str1 str2) "

\(fn STR1 STR2)"
  ;; The count of elements the two sequences have in common at their ends.
  (let ((i (1- (length str1)))
        (j (1- (length str2)))
        (same 0))
    (while (and (>= i 0) (>= j 0) (eq (aref str1 i) (aref str2 j)))
      (setq same (1+ same) i (1- i) j (1- j)))
    same))

(defun shorthands-font-lock-shorthands (limit) "Put `elisp-shorthand-font-lock-face' on each shorthand prefix before LIMIT.
A symbol written with a prefix of `read-symbol-shorthands' whose longhand
symbol exists gets the face on the part of its name the longhand does
not share; the search leaves point after the last symbol seen.  The
value is always nil: there is nothing left for Font Lock to highlight."
  ;; `while' gives nil, what Font Lock is to see.
  (while (and read-symbol-shorthands
              (re-search-forward "\\_<\\(?:\\sw\\|\\s_\\)+\\_>" limit t))
    (let* ((from (match-beginning 0))
           (written (match-string-no-properties 0))
           (sym (intern-soft written))
           (long (and sym (symbol-name sym))))
      (and long (not (string-equal written long))
           (add-face-text-property from (+ from 1 (- (length written) (shorthands--mismatch-from-end written long)))
                                   'elisp-shorthand-font-lock-face)))))
