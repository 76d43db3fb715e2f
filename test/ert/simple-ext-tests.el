;;; simple-ext-tests.el --- editing commands and the kill ring as a package uses them  -*- lexical-binding: t -*-

;; Third-party-style tests: a small "editor" package drives the kill ring, the
;; blank-space and line commands and the mark from Lisp, the way batch scripts
;; do.  Runs unchanged under GNU Emacs and tsmacs.

(require 'ert)

(defmacro simple-ext-tests--with (text &rest body)
  "Run BODY in a temporary buffer holding TEXT, point where TEXT has `|' (removed)."
  (declare (indent 1))
  `(let ((kill-ring nil) (kill-ring-yank-pointer nil) (last-command nil) (this-command nil))
     (with-temp-buffer
       (insert ,text)
       (goto-char (point-min))
       (when (search-forward "|" nil t) (delete-char -1))
       ,@body)))

(defun simple-ext-tests--state ()
  "The buffer text with `|' at point."
  (concat (buffer-substring (point-min) (point)) "|" (buffer-substring (point) (point-max))))

(ert-deftest simple-ext-tests-kill-and-yank-round-trip ()
  (simple-ext-tests--with "one |two three"
    (kill-word 1)
    (should (equal (simple-ext-tests--state) "one | three"))
    (goto-char (point-max))
    (yank)
    (should (equal (simple-ext-tests--state) "one  threetwo|"))
    (should (equal kill-ring '("two")))))

(ert-deftest simple-ext-tests-consecutive-kills-append ()
  (simple-ext-tests--with "|alpha beta gamma"
    (kill-word 1)
    (setq last-command 'kill-region)
    (kill-word 1)
    (should (equal kill-ring '("alpha beta")))
    (setq last-command 'kill-region)
    (backward-kill-word 0)
    (should (= (length kill-ring) 1))))

(ert-deftest simple-ext-tests-yank-pop-cycles ()
  (simple-ext-tests--with "x|y"
    (kill-new "first") (kill-new "second") (kill-new "third")
    (yank)
    (should (equal (buffer-string) "xthirdy"))
    (setq last-command 'yank)
    (yank-pop)
    (should (equal (simple-ext-tests--state) "xsecond|y"))
    (setq last-command 'yank)
    (yank-pop 2)
    (should (equal (simple-ext-tests--state) "xthird|y"))))

(ert-deftest simple-ext-tests-current-kill-rotation ()
  (let ((kill-ring nil) (kill-ring-yank-pointer nil))
    (dolist (s '("a" "b" "c")) (kill-new s))
    (should (equal (current-kill 1) "b"))
    (should (equal (current-kill 1) "a"))
    (should (equal (current-kill 1) "c"))
    (should (equal (current-kill -1 t) "a"))
    (should (equal (car kill-ring-yank-pointer) "c"))
    (should-error (let ((kill-ring nil)) (current-kill 0)) :type 'error)))

(ert-deftest simple-ext-tests-kill-ring-max ()
  (let ((kill-ring nil) (kill-ring-max 2))
    (kill-new "1") (kill-new "2") (kill-new "3")
    (should (equal kill-ring '("3" "2")))
    (kill-new "4" t)
    (should (equal kill-ring '("4" "2")))))

(ert-deftest simple-ext-tests-kill-line-variants ()
  (simple-ext-tests--with "ab|cd\nef\n"
    (kill-line)
    (should (equal (simple-ext-tests--state) "ab|\nef\n"))
    (kill-line)
    (should (equal (simple-ext-tests--state) "ab|ef\n")))
  (simple-ext-tests--with "a\n|b\nc\n"
    (kill-whole-line)
    (should (equal (simple-ext-tests--state) "a\n|c\n"))
    (should (equal (car kill-ring) "b\n")))
  (simple-ext-tests--with "abc|"
    (should-error (kill-line) :type 'end-of-buffer)))

(ert-deftest simple-ext-tests-read-only-kill ()
  (simple-ext-tests--with "|locked text"
    (setq buffer-read-only t)
    (should-error (kill-region 1 7) :type 'buffer-read-only)
    (should (equal (car kill-ring) "locked"))
    (let ((kill-read-only-ok t))
      (should (null (kill-region 1 3))))
    (should (equal (buffer-string) "locked text"))))

(ert-deftest simple-ext-tests-zap-to-char ()
  (simple-ext-tests--with "|key = value; other"
    (zap-to-char 1 ?\;)
    (should (equal (simple-ext-tests--state) "| other"))
    (should (equal (car kill-ring) "key = value;"))
    (should-error (zap-to-char 1 ?z) :type 'search-failed)))

(ert-deftest simple-ext-tests-blanks ()
  (simple-ext-tests--with "a  | \t b"
    (just-one-space)
    (should (equal (simple-ext-tests--state) "a |b")))
  (simple-ext-tests--with "a  | \t b"
    (delete-horizontal-space)
    (should (equal (simple-ext-tests--state) "a|b")))
  (simple-ext-tests--with "foo   |  (bar)"
    (fixup-whitespace)
    (should (equal (buffer-string) "foo (bar)")))
  (simple-ext-tests--with "x  \ny\t\n\n\n"
    (delete-trailing-whitespace)
    (should (equal (buffer-string) "x\ny\n"))))

(ert-deftest simple-ext-tests-blank-lines ()
  (simple-ext-tests--with "a\n\n|\n\nb"
    (delete-blank-lines)
    (should (equal (buffer-string) "a\n\nb")))
  (simple-ext-tests--with "a\n|\nb"
    (delete-blank-lines)
    (should (equal (buffer-string) "a\nb")))
  (simple-ext-tests--with "|a\n\n\n\nb"
    (delete-blank-lines)
    (should (equal (buffer-string) "a\nb"))))

(ert-deftest simple-ext-tests-join-lines ()
  (simple-ext-tests--with "(foo\n   |bar)"
    (delete-indentation)
    (should (equal (simple-ext-tests--state) "(foo| bar)")))
  (simple-ext-tests--with "(|\n  bar)"
    (join-line t)
    (should (equal (buffer-string) "(bar)")))
  (simple-ext-tests--with "one\ntwo\nthree"
    (delete-indentation nil (point-min) (point-max))
    (should (equal (buffer-string) "one two three"))))

(ert-deftest simple-ext-tests-transpose ()
  (simple-ext-tests--with "a|bc"
    (transpose-chars nil)
    (should (equal (simple-ext-tests--state) "ba|c")))
  (simple-ext-tests--with "hello |world"
    (transpose-words 1)
    (should (equal (simple-ext-tests--state) "world hello|")))
  (simple-ext-tests--with "first\n|second\nthird"
    (transpose-lines 1)
    (should (equal (buffer-string) "second\nfirst\nthird")))
  (simple-ext-tests--with "(a b) |(c d)"
    (with-syntax-table emacs-lisp-mode-syntax-table (transpose-sexps 1))
    (should (equal (buffer-string) "(c d) (a b)")))
  (simple-ext-tests--with "|x"
    (should-error (transpose-chars nil))))

(ert-deftest simple-ext-tests-lines-and-counting ()
  (simple-ext-tests--with "l1\nl2\nl3\nl4"
    (goto-line 3)
    (should (equal (simple-ext-tests--state) "l1\nl2\n|l3\nl4"))
    (should (equal (what-line) "Line 3"))
    (should (= (count-words (point-min) (point-max)) 4))
    (should (equal (count-words--message "Buffer" (point-min) (point-max))
                   "Buffer has 4 lines, 4 words, and 11 characters."))))

(ert-deftest simple-ext-tests-mark-commands ()
  (simple-ext-tests--with "abc |def"
    (mark-whole-buffer)
    (should (= (point) 1))
    (should (= (mark) 8))
    (exchange-point-and-mark)
    (should (= (point) 8))
    (should (= (mark) 1)))
  (simple-ext-tests--with "abc"
    (should-error (exchange-point-and-mark) :type 'user-error)))

(ert-deftest simple-ext-tests-line-motion-keeps-column ()
  (simple-ext-tests--with "abc|def\nx\nlonger line"
    (next-line)
    (should (equal (simple-ext-tests--state) "abcdef\nx|\nlonger line"))
    (setq last-command 'next-line)
    (next-line)
    (should (equal (simple-ext-tests--state) "abcdef\nx\nlon|ger line"))
    (should-error (next-line) :type 'end-of-buffer)))

(ert-deftest simple-ext-tests-dwim-case ()
  (simple-ext-tests--with "|make it loud"
    (upcase-dwim 2)
    (should (equal (simple-ext-tests--state) "MAKE IT| loud"))
    (capitalize-dwim 1)
    (should (equal (buffer-string) "MAKE IT Loud"))))

(ert-deftest simple-ext-tests-other-buffers ()
  (let ((dest (generate-new-buffer "simple-ext-dest")))
    (unwind-protect
        (simple-ext-tests--with "copy me please"
          (append-to-buffer dest 1 5)
          (prepend-to-buffer dest 6 9)
          (should (equal (with-current-buffer dest (buffer-string)) "copyme "))
          (copy-to-buffer dest 9 15)
          (should (equal (with-current-buffer dest (buffer-string)) "please")))
      (kill-buffer dest))))

(ert-deftest simple-ext-tests-shell-region ()
  (simple-ext-tests--with "abc\n"
    (should (= (shell-command-on-region (point-min) (point-max) "tr a-z A-Z" nil t) 0))
    (should (equal (buffer-string) "ABC\n"))))

(ert-deftest simple-ext-tests-eval-expression-inserts ()
  (simple-ext-tests--with "="
    (goto-char (point-max))
    (eval-expression '(* 6 7) t)
    (should (equal (buffer-string) "=42"))
    (should (equal (car values) 42))))

;;; simple-ext-tests.el ends here
