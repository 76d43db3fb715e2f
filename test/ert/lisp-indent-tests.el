;;; lisp-indent-tests.el --- Lisp indentation: indent-region, indent-sexp, calculate-lisp-indent, lisp-indent-line  -*- lexical-binding: t -*-

(require 'ert)

(defmacro lisp-modes--in (mode text &rest body)
  "Run BODY in a temporary buffer in MODE holding TEXT, point at the start."
  (declare (indent 2))
  `(with-temp-buffer (funcall ,mode) (insert ,text) (goto-char (point-min)) ,@body))

(defun lisp-modes--flat (text)
  "TEXT with every line's indentation removed."
  (replace-regexp-in-string "^[ \t]+" "" text))

;;; Indentation.

(ert-deftest lisp-modes-indent-region-restores-layout ()
  (let ((code "(defun my-fn (items)\n  \"Sum ITEMS.\"\n  (let ((total 0))\n    (dolist (x items)\n      (when (numberp x)\n        (setq total (+ total x))))\n    total))\n"))
    (lisp-modes--in #'emacs-lisp-mode (lisp-modes--flat code)
      (let ((indent-tabs-mode nil))
        (indent-region (point-min) (point-max)))
      (should (equal (buffer-string) code)))))

(ert-deftest lisp-modes-indent-special-forms ()
  (lisp-modes--in #'emacs-lisp-mode "(if cond\nthen\nelse1\nelse2)"
    (let ((indent-tabs-mode nil)) (indent-region (point-min) (point-max)))
    (should (equal (buffer-string) "(if cond\n    then\n  else1\n  else2)"))))

(ert-deftest lisp-modes-indent-declared-macro ()
  (defmacro lisp-modes--with-thing (thing &rest body)
    (declare (indent 1))
    `(let ((it ,thing)) ,@body))
  (lisp-modes--in #'emacs-lisp-mode "(lisp-modes--with-thing x\ny\nz)"
    (indent-region (point-min) (point-max))
    (should (equal (buffer-string) "(lisp-modes--with-thing x\n  y\n  z)"))))

(ert-deftest lisp-modes-indent-function-property ()
  (put 'lisp-modes--frob 'lisp-indent-function 'defun)
  (lisp-modes--in #'emacs-lisp-mode "(lisp-modes--frob a b\nc)"
    (indent-region (point-min) (point-max))
    (should (equal (buffer-string) "(lisp-modes--frob a b\n  c)"))))

(ert-deftest lisp-modes-calculate-indent-values ()
  (lisp-modes--in #'emacs-lisp-mode "(foo bar\nbaz)\n(let\n((a 1))\nb)\n\"x\ny\""
    (forward-line 1)
    (should (equal (calculate-lisp-indent) 5))
    (forward-line 2)
    (should (equal (calculate-lisp-indent) (list 4 (line-beginning-position 0))))
    (forward-line 3)
    (should (equal (calculate-lisp-indent) nil))))

(ert-deftest lisp-modes-indent-sexp-only-the-sexp ()
  (lisp-modes--in #'emacs-lisp-mode "(a\nb\n(c\nd))\n(e\nf)"
    (indent-sexp)
    (should (equal (buffer-string) "(a\n b\n (c\n  d))\n(e\nf)"))))

(ert-deftest lisp-modes-indent-line-keeps-point-on-text ()
  (lisp-modes--in #'emacs-lisp-mode "(foo\nbarbaz)"
    (forward-line 1)
    (forward-char 3)
    (lisp-indent-line)
    (should (equal (buffer-string) "(foo\n barbaz)"))
    (should (looking-at "baz"))))

(ert-deftest lisp-modes-indent-offset-and-body-indent ()
  (lisp-modes--in #'emacs-lisp-mode "(defun f ()\nx)\n(foo a\nb)"
    (let ((lisp-body-indent 4) (indent-tabs-mode nil))
      (indent-region (point-min) (point-max)))
    (should (equal (buffer-string) "(defun f ()\n    x)\n(foo a\n     b)")))
  (lisp-modes--in #'emacs-lisp-mode "(foo a\nb)"
    (let ((lisp-indent-offset 3)) (indent-region (point-min) (point-max)))
    (should (equal (buffer-string) "(foo a\n   b)"))))

(ert-deftest lisp-modes-indent-code-rigidly-spares-strings ()
  (lisp-modes--in #'emacs-lisp-mode "(a\n\"x\ny\"\nb)"
    (indent-code-rigidly (point-min) (point-max) 2)
    (should (equal (buffer-string) "  (a\n  \"x\ny\"\n  b)"))))

;;; lisp-indent-tests.el ends here
