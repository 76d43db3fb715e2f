;;; text-editing-tests.el --- paragraphs, filling, comments and defun motion as a package uses them  -*- lexical-binding: t -*-

(require 'ert)

(defmacro text-editing-tests--in (mode text &rest body)
  "Run BODY in a temporary buffer in MODE holding TEXT, point at its start."
  (declare (indent 2))
  `(with-temp-buffer
     (insert ,text)
     (funcall ,mode)
     (goto-char (point-min))
     ,@body))

(ert-deftest text-editing-paragraph-walk ()
  (text-editing-tests--in #'text-mode "One\ntwo\n\nthree\n\n\nfour\n"
    (let ((stops nil))
      (while (not (eobp))
        (forward-paragraph)
        (push (point) stops))
      (should (equal (nreverse stops) '(9 16 23))))
    (should (= (backward-paragraph) 0))
    (should (= (point) 17))))

(ert-deftest text-editing-paragraph-count-left ()
  (text-editing-tests--in #'fundamental-mode "a\n\nb\n"
    (should (= (forward-paragraph 5) 3))
    (should (eobp))
    (should (= (forward-paragraph -5) -4))
    (should (bobp))))

(ert-deftest text-editing-mark-paragraph ()
  (text-editing-tests--in #'fundamental-mode "aa\nbb\n\ncc\ndd\n\nee"
    (goto-char 4)
    (mark-paragraph)
    (should (= (point) 1))
    (should (= (mark) 7))
    (should (equal (buffer-substring (point) (mark)) "aa\nbb\n"))))

(ert-deftest text-editing-sentences ()
  (text-editing-tests--in #'text-mode "One two.  Three four.  Five."
    (should (= (forward-sentence) 9))
    (should (= (forward-sentence) 22))
    (should (= (backward-sentence) 11))
    (let ((sentence-end-double-space nil))
      (goto-char (point-min))
      (should (= (forward-sentence) 9)))))

(ert-deftest text-editing-sentence-end-regexp ()
  (should (string-match-p (sentence-end) ".  "))
  (should-not (string-match-p (sentence-end) "a. b"))
  (let ((sentence-end-double-space nil))
    (should (string-match (sentence-end) "a. b"))))

(ert-deftest text-editing-transpose-paragraphs ()
  (text-editing-tests--in #'fundamental-mode "aa\n\nbb\n\ncc\n"
    (goto-char 5)
    (transpose-paragraphs 1)
    (should (equal (buffer-string) "aa\n\ncc\n\nbb\n"))))

(ert-deftest text-editing-fill-paragraph ()
  (text-editing-tests--in #'text-mode "aaa bbb ccc ddd eee fff ggg hhh iii jjj\n\nkeep this"
    (setq fill-column 20)
    (fill-paragraph)
    (should (equal (buffer-string) "aaa bbb ccc ddd eee\nfff ggg hhh iii jjj\n\nkeep this"))))

(ert-deftest text-editing-fill-keeps-prefix ()
  (text-editing-tests--in #'fundamental-mode "> aaa bbb ccc ddd eee\n> fff ggg hhh iii"
    (setq fill-column 10)
    (should (equal (fill-region-as-paragraph (point-min) (point-max)) "> "))
    (should (equal (buffer-string) "> aaa bbb\n> ccc ddd\n> eee fff\n> ggg hhh\n> iii"))))

(ert-deftest text-editing-fill-sentence-spacing ()
  (text-editing-tests--in #'fundamental-mode "One two.\nThree.   Four"
    (fill-region-as-paragraph (point-min) (point-max))
    (should (equal (buffer-string) "One two.  Three.  Four"))))

(ert-deftest text-editing-justify ()
  (text-editing-tests--in #'fundamental-mode "a b c d e"
    (setq fill-column 13)
    (justify-current-line 'full)
    (should (equal (buffer-string) "a  b  c  d  e"))
    (erase-buffer)
    (insert "a b c")
    (setq fill-column 10)
    (justify-current-line 'right)
    (should (equal (buffer-string) "     a b c"))))

(ert-deftest text-editing-canonical-spaces ()
  (text-editing-tests--in #'fundamental-mode "a   b.   c"
    (canonically-space-region (point-min) (point-max))
    (should (equal (buffer-string) "a b.  c"))))

(ert-deftest text-editing-context-prefix ()
  (text-editing-tests--in #'fundamental-mode "- item\n  more"
    (should (equal (fill-context-prefix (point-min) (point-max)) "  ")))
  (should (equal (fill-common-string-prefix "abc" "abd") "ab"))
  (should-not (fill-common-string-prefix "x" "y")))

(ert-deftest text-editing-comment-region-lisp ()
  (text-editing-tests--in #'emacs-lisp-mode "(a)\n  (b)\n"
    (comment-region (point-min) (point-max))
    (should (equal (buffer-string) ";; (a)\n;;   (b)\n"))
    (uncomment-region (point-min) (point-max))
    (should (equal (buffer-string) "(a)\n  (b)\n"))))

(ert-deftest text-editing-comment-region-block ()
  (text-editing-tests--in #'fundamental-mode "(a)\n(bbb)\n"
    (setq-local comment-start "/* ")
    (setq-local comment-end " */")
    (let ((comment-style 'extra-line))
      (comment-region (point-min) (point-max)))
    (should (equal (buffer-string) "/*\n * (a)\n * (bbb)\n */\n"))))

(ert-deftest text-editing-comment-toggle ()
  (text-editing-tests--in #'emacs-lisp-mode "(a)\n(b)"
    (comment-or-uncomment-region (point-min) (point-max))
    (should (equal (buffer-string) ";; (a)\n;; (b)"))
    (comment-or-uncomment-region (point-min) (point-max))
    (should (equal (buffer-string) "(a)\n(b)"))))

(ert-deftest text-editing-comment-indent ()
  (text-editing-tests--in #'fundamental-mode "(a)"
    (setq-local comment-start "# ")
    (setq-local comment-end "")
    (comment-indent)
    (should (= (current-column) 34))
    (should (looking-back "# " (line-beginning-position)))))

(ert-deftest text-editing-comment-search ()
  (text-editing-tests--in #'emacs-lisp-mode "(a) ; x\n(b)"
    (should (= (comment-search-forward (point-max) t) 5))
    (should (= (point) 7))
    (goto-char 8)
    (should (= (comment-beginning) 5))
    (should-not (comment-only-p 1 4))))

(ert-deftest text-editing-comment-padding ()
  (with-temp-buffer
    (emacs-lisp-mode)
    (comment-normalize-vars)
    (should (equal (comment-padright ";") "; "))
    (should (equal (comment-padright ";" 2) ";;; "))
    (should (null (comment-padleft "")))
    (should (equal (comment-string-strip "  ab  " t t) "ab"))))

(ert-deftest text-editing-defun-motion ()
  (text-editing-tests--in #'emacs-lisp-mode ";; c\n(defun a ()\n  1)\n\n(defun b ()\n  2)\n"
    (goto-char (point-max))
    (should (beginning-of-defun))
    (should (looking-at "(defun b"))
    (should (beginning-of-defun))
    (should (looking-at "(defun a"))
    (should-not (beginning-of-defun))
    (should (bobp))
    (end-of-defun)
    (should (= (point) 23))
    (end-of-defun)
    (should (eobp))))

(ert-deftest text-editing-narrow-to-defun ()
  (text-editing-tests--in #'emacs-lisp-mode "(defun a ()\n  1)\n\n(defun b ()\n  2)\n"
    (goto-char 25)
    (narrow-to-defun)
    (should (equal (buffer-string) "(defun b ()\n  2)\n"))))

(ert-deftest text-editing-sexp-editing ()
  (text-editing-tests--in #'emacs-lisp-mode "(a (b c) d)"
    (goto-char 4)
    (raise-sexp)
    (should (equal (buffer-string) "(b c)"))
    (erase-buffer)
    (insert "foo bar")
    (goto-char 5)
    (insert-parentheses 1)
    (should (equal (buffer-string) "foo (bar)"))
    (goto-char 5)
    (delete-pair)
    (should (equal (buffer-string) "foo bar"))))

(ert-deftest text-editing-check-parens ()
  (text-editing-tests--in #'emacs-lisp-mode "(a (b c)"
    (should-error (check-parens) :type 'user-error)
    (should (= (point) 1)))
  (text-editing-tests--in #'emacs-lisp-mode "(a (b c))"
    (should-not (check-parens))))

;;; text-editing-tests.el ends here
