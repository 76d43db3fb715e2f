;;; abbrevs-tests.el --- abbrevs: definitions, expansion and case, hooks, descriptions, files  -*- lexical-binding: t -*-

(require 'ert)

(defmacro lisp-modes--in (mode text &rest body)
  "Run BODY in a temporary buffer in MODE holding TEXT, point at the start."
  (declare (indent 2))
  `(with-temp-buffer (funcall ,mode) (insert ,text) (goto-char (point-min)) ,@body))

(defun lisp-modes--flat (text)
  "TEXT with every line's indentation removed."
  (replace-regexp-in-string "^[ \t]+" "" text))

;;; Abbrevs.

(ert-deftest lisp-modes-abbrev-expansion-and-case ()
  (let ((table (make-abbrev-table)))
    (define-abbrev table "lmt" "lisp modes test")
    (dolist (c '(("lmt" . "lisp modes test") ("Lmt" . "Lisp modes test")
                 ("LMT" . "Lisp Modes Test")))
      (with-temp-buffer
        (setq local-abbrev-table table)
        (insert (car c))
        (should (expand-abbrev))
        (should (equal (buffer-string) (cdr c)))))
    (should (equal (abbrev-get (abbrev--symbol "lmt" table) :count) 3))))

(ert-deftest lisp-modes-abbrev-hooks-and-unexpand ()
  (let ((table (make-abbrev-table)) (ran nil))
    (define-abbrev table "hk" "hooked" (lambda () (setq ran t)))
    (with-temp-buffer
      (setq local-abbrev-table table)
      (insert "x hk")
      (should (eq (expand-abbrev) (abbrev--symbol "hk" table)))
      (should ran)
      (should (equal (buffer-string) "x hooked"))
      (unexpand-abbrev)
      (should (equal (buffer-string) "x hk")))))

(ert-deftest lisp-modes-abbrev-table-definitions-and-description ()
  (defvar lisp-modes--abbrevs nil)
  (define-abbrev-table 'lisp-modes--abbrevs '(("b" "bee" nil :count 2) ("a" "ay")))
  (should (abbrev-table-p lisp-modes--abbrevs))
  (should (memq 'lisp-modes--abbrevs abbrev-table-name-list))
  (should (equal (abbrev-expansion "a" lisp-modes--abbrevs) "ay"))
  (should (equal (with-temp-buffer
                   (insert-abbrev-table-description 'lisp-modes--abbrevs)
                   (buffer-string))
                 "(define-abbrev-table 'lisp-modes--abbrevs\n  '(\n    (\"a\" \"ay\" nil :count 0)\n    (\"b\" \"bee\" nil :count 2)\n   ))\n\n"))
  (clear-abbrev-table lisp-modes--abbrevs)
  (should (abbrev-table-empty-p lisp-modes--abbrevs)))

(ert-deftest lisp-modes-abbrev-file-round-trip ()
  (defvar lisp-modes--saved nil)
  (define-abbrev-table 'lisp-modes--saved '(("sv" "saved")))
  (let ((file (make-temp-file "lisp-modes-abbrevs")))
    (unwind-protect
        (progn
          (write-abbrev-file file)
          (clear-abbrev-table lisp-modes--saved)
          (should-not (abbrev-expansion "sv" lisp-modes--saved))
          (read-abbrev-file file t)
          (should (equal (abbrev-expansion "sv" lisp-modes--saved) "saved")))
      (delete-file file))))

(ert-deftest lisp-modes-abbrev-mode-toggles ()
  (with-temp-buffer
    (abbrev-mode 1)
    (should abbrev-mode)
    (abbrev-mode -1)
    (should-not abbrev-mode)))

;;; abbrevs-tests.el ends here
