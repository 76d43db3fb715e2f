;;; text-modes-tests.el --- indenting, commenting, filling, abbrevs and buttons as a package uses them  -*- lexical-binding: t -*-

;; Third-party-style tests of the editing libraries a Lisp package's own
;; test suite leans on: it reindents code it generated, comments regions
;; out, fills docstrings and comments, defines abbrevs and inserts
;; buttons.  Runs unchanged under GNU Emacs and tsmacs.

(require 'ert)

(defmacro text-modes-tests--with (mode text &rest body)
  "Run BODY in a temporary buffer in MODE holding TEXT, point at its start."
  (declare (indent 2))
  `(with-temp-buffer (funcall ,mode) (insert ,text) (goto-char (point-min)) ,@body))

(defun text-modes-tests--reindent (text)
  "TEXT with its indentation stripped and then recomputed in Emacs Lisp mode."
  (text-modes-tests--with #'emacs-lisp-mode (replace-regexp-in-string "^[ \t]+" "" text)
    (setq indent-tabs-mode nil)
    (let ((inhibit-message t)) (indent-region (point-min) (point-max)))
    (buffer-string)))

(defconst text-modes-tests--code
  "(defun text-modes-tests--sample (items &optional fn)
  \"Apply FN to ITEMS.\"
  (let ((result nil)
        (fn (or fn #'identity)))
    (dolist (item items)
      (if (consp item)
          (push (mapcar fn item) result)
        (push (funcall fn item) result)))
    (condition-case err
        (nreverse result)
      (error
       (message \"%S\" err)
       nil))))")

(ert-deftest text-modes-tests-indent-defun ()
  (should (equal (text-modes-tests--reindent text-modes-tests--code) text-modes-tests--code)))

(ert-deftest text-modes-tests-indent-line-keeps-point ()
  (text-modes-tests--with #'emacs-lisp-mode "(let ((a 1))\nbody)"
    (forward-line 1)
    (forward-char 2)
    (lisp-indent-line)
    (should (equal (buffer-string) "(let ((a 1))\n  body)"))
    (should (looking-at "dy)"))))

(ert-deftest text-modes-tests-declared-indent ()
  (defmacro text-modes-tests--with-thing (thing &rest body)
    (declare (indent 1))
    `(let ((it ,thing)) ,@body))
  (should (equal (text-modes-tests--reindent "(text-modes-tests--with-thing x\n(foo)\n(bar))")
                 "(text-modes-tests--with-thing x\n  (foo)\n  (bar))")))

(ert-deftest text-modes-tests-indent-sexp ()
  (text-modes-tests--with #'emacs-lisp-mode "(when a\nb\n(c\nd))"
    (indent-sexp)
    (should (equal (buffer-string) "(when a\n  b\n  (c\n   d))"))))

(ert-deftest text-modes-tests-comment-roundtrip ()
  (text-modes-tests--with #'emacs-lisp-mode "(foo)\n  (bar)\n\n(baz)\n"
    (let ((orig (buffer-string)))
      (comment-region (point-min) (point-max))
      (should (equal (buffer-string) ";; (foo)\n;;   (bar)\n\n;; (baz)\n"))
      (should (comment-only-p (point-min) (point-max)))
      (uncomment-region (point-min) (point-max))
      (should (equal (buffer-string) orig)))))

(ert-deftest text-modes-tests-comment-dwim-adds-comment ()
  (text-modes-tests--with #'emacs-lisp-mode "(foo)"
    (let ((indent-tabs-mode nil)) (comment-dwim nil))
    (insert "note")
    (should (equal (buffer-string) (concat "(foo)" (make-string 35 ?\s) ";note")))))

(ert-deftest text-modes-tests-comment-search ()
  (text-modes-tests--with #'emacs-lisp-mode "(a \";\") ; here\n"
    (should (= (comment-search-forward (point-max) t) 9))
    (should (looking-at "here"))))

(ert-deftest text-modes-tests-comment-other-syntax ()
  (with-temp-buffer
    (setq-local comment-start "# ")
    (insert "x = 1\ny = 2\n")
    (comment-region (point-min) (point-max))
    (should (equal (buffer-string) "# x = 1\n# y = 2\n"))
    (uncomment-region (point-min) (point-max))
    (should (equal (buffer-string) "x = 1\ny = 2\n"))))

(ert-deftest text-modes-tests-fill-paragraph ()
  (text-modes-tests--with #'text-mode "The quick brown fox jumps over the lazy dog.  It barks.  Then it runs away quickly."
    (let ((fill-column 30)) (fill-paragraph))
    (should (equal (buffer-string) "The quick brown fox jumps over\nthe lazy dog.  It barks.  Then\nit runs away quickly."))))

(ert-deftest text-modes-tests-fill-keeps-prefix ()
  (text-modes-tests--with #'text-mode "> one two three four five six seven\n> eight nine ten"
    (let ((fill-column 20)) (fill-paragraph))
    (should (equal (buffer-string) "> one two three four\n> five six seven\n> eight nine ten"))))

(ert-deftest text-modes-tests-fill-lisp-comment ()
  (text-modes-tests--with #'emacs-lisp-mode ";; alpha beta gamma delta epsilon zeta eta theta\n(code)"
    (let ((fill-column 25)) (fill-paragraph))
    (should (equal (buffer-string) ";; alpha beta gamma delta\n;; epsilon zeta eta theta\n(code)"))))

(ert-deftest text-modes-tests-fill-region-paragraphs ()
  (text-modes-tests--with #'fundamental-mode "aa bb cc dd ee\n\nff gg hh ii jj"
    (let ((fill-column 8)) (fill-region (point-min) (point-max)))
    (should (equal (buffer-string) "aa bb cc\ndd ee\n\nff gg hh\nii jj"))))

(ert-deftest text-modes-tests-paragraph-motion ()
  (text-modes-tests--with #'text-mode "one\ntwo\n\nthree\n"
    (forward-paragraph)
    (should (= (point) 9))
    (forward-paragraph)
    (should (eobp))
    (backward-paragraph)
    (should (= (point) 9))))

(ert-deftest text-modes-tests-sentence-motion ()
  (text-modes-tests--with #'text-mode "First one.  Second one.  Third."
    (forward-sentence)
    (should (= (point) 11))
    (forward-sentence)
    (should (looking-back "Second one\\." nil))))

(ert-deftest text-modes-tests-abbrevs ()
  (let ((table (make-abbrev-table)))
    (define-abbrev table "tmt" "text modes test")
    (with-temp-buffer
      (setq local-abbrev-table table)
      (abbrev-mode 1)
      (insert "see tmt")
      (should (eq (expand-abbrev) (abbrev--symbol "tmt" table)))
      (should (equal (buffer-string) "see text modes test"))
      (insert " Tmt")
      (expand-abbrev)
      (should (equal (buffer-string) "see text modes test Text modes test"))
      (should (= (abbrev-get (abbrev--symbol "tmt" table) :count) 2)))))

(ert-deftest text-modes-tests-abbrev-table-definitions ()
  (defvar text-modes-tests--abbrev-table nil)
  (define-abbrev-table 'text-modes-tests--abbrev-table '(("xa" "expanded a") ("xb" "expanded b" nil :count 4)))
  (should (equal (abbrev-expansion "xa" text-modes-tests--abbrev-table) "expanded a"))
  (should (= (abbrev-get (abbrev-symbol "xb" text-modes-tests--abbrev-table) :count) 4))
  (should-not (abbrev-table-empty-p text-modes-tests--abbrev-table)))

(ert-deftest text-modes-tests-buttons ()
  (let ((pushed nil))
    (define-button-type 'text-modes-tests-button 'action (lambda (b) (push (button-label b) pushed)))
    (with-temp-buffer
      (insert "[")
      (insert-button "one" 'type 'text-modes-tests-button)
      (insert "] [")
      (insert-text-button "two" 'type 'text-modes-tests-button)
      (insert "]")
      (goto-char (point-min))
      (should (button-has-type-p (forward-button 1) 'text-modes-tests-button))
      (push-button)
      (forward-button 1)
      (push-button)
      (should (equal pushed '("two" "one")))
      (should-error (forward-button 1) :type 'user-error))))

(ert-deftest text-modes-tests-eval-last-sexp-inserts ()
  (text-modes-tests--with #'emacs-lisp-mode "(* 6 7)"
    (goto-char (point-max))
    (should (= (eval-last-sexp t) 42))
    (should (equal (buffer-string) "(* 6 7)42"))))

(ert-deftest text-modes-tests-eval-defun-resets-defvar ()
  (defvar text-modes-tests--var 1)
  (text-modes-tests--with #'emacs-lisp-mode "(defvar text-modes-tests--var 2)"
    (let ((standard-output #'ignore))
      (cl-letf (((symbol-function 'prin1) #'ignore))
        (eval-defun nil))))
  (should (= text-modes-tests--var 2)))

(ert-deftest text-modes-tests-lisp-data-mode ()
  (text-modes-tests--with #'lisp-data-mode "(a\nb)"
    (should (eq indent-line-function 'lisp-indent-line))
    (should (equal comment-start ";"))
    (indent-region (point-min) (point-max))
    (should (equal (buffer-string) "(a\n b)"))))

;;; text-modes-tests.el ends here
