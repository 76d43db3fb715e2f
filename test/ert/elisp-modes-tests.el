;;; elisp-modes-tests.el --- evaluating in Lisp buffers, the Lisp major modes and their keymaps  -*- lexical-binding: t -*-

(require 'ert)

(defmacro lisp-modes--in (mode text &rest body)
  "Run BODY in a temporary buffer in MODE holding TEXT, point at the start."
  (declare (indent 2))
  `(with-temp-buffer (funcall ,mode) (insert ,text) (goto-char (point-min)) ,@body))

(defun lisp-modes--flat (text)
  "TEXT with every line's indentation removed."
  (replace-regexp-in-string "^[ \t]+" "" text))

;;; Evaluating in Lisp buffers.

(ert-deftest lisp-modes-eval-print-last-sexp ()
  (lisp-modes--in #'lisp-interaction-mode "(* 6 7)"
    (goto-char (point-max))
    (eval-print-last-sexp)
    (should (equal (buffer-string) "(* 6 7)\n42\n"))))

(ert-deftest lisp-modes-eval-last-sexp-inserts-and-returns ()
  (lisp-modes--in #'emacs-lisp-mode "(list 'a 'b)"
    (goto-char (point-max))
    (should (equal (eval-last-sexp t) '(a b)))
    (should (equal (buffer-string) "(list 'a 'b)(a b)"))))

(ert-deftest lisp-modes-eval-defun-resets-defvar ()
  (defvar lisp-modes--var 1)
  (lisp-modes--in #'emacs-lisp-mode "(defvar lisp-modes--var 2)"
    (forward-char 3)
    (let ((standard-output #'ignore))
      (should (equal (eval-defun nil) 2)))
    (should (equal lisp-modes--var 2))))

(ert-deftest lisp-modes-preceding-sexp ()
  (lisp-modes--in #'emacs-lisp-mode "(foo) 'bar ; note"
    (goto-char 11)
    (should (equal (elisp--preceding-sexp) ''bar))
    (goto-char 6)
    (should (equal (elisp--preceding-sexp) '(foo)))))

(ert-deftest lisp-modes-lisp-mode-settings ()
  (with-temp-buffer
    (lisp-mode)
    (should (eq major-mode 'lisp-mode))
    (should (derived-mode-p 'lisp-data-mode))
    (should (equal comment-start ";"))
    (should (eq indent-line-function 'lisp-indent-line))
    (should (eq (current-local-map) lisp-mode-map))))

(ert-deftest lisp-modes-keymaps ()
  (should (eq (lookup-key emacs-lisp-mode-map (kbd "C-M-x")) 'eval-defun))
  (should (eq (lookup-key lisp-interaction-mode-map (kbd "C-j")) 'eval-print-last-sexp))
  (should (eq (lookup-key lisp-mode-shared-map (kbd "C-M-q")) 'indent-sexp)))

;;; elisp-modes-tests.el ends here
