;;; simple-tests.el --- ERT tests for the kill ring and editing commands of simple.el  -*- lexical-binding: t -*-

;; Written for tsmacs.  Third-party style: only GNU Emacs 28's public API, the way a
;; package's own test suite would exercise it.

(require 'ert)

(defmacro simple-tests--with (text &rest body)
  "Run BODY in a fresh buffer holding TEXT, point at its start, with a private kill ring."
  (declare (indent 1))
  `(with-temp-buffer
     (let ((kill-ring nil) (kill-ring-yank-pointer nil)
           (interprogram-cut-function nil) (interprogram-paste-function nil)
           (last-command nil) (this-command nil))
       (insert ,text)
       (goto-char (point-min))
       ,@body)))

(ert-deftest simple-tests-kill-new-and-current-kill ()
  (simple-tests--with ""
    (kill-new "one")
    (kill-new "two")
    (should (equal kill-ring '("two" "one")))
    (should (equal (current-kill 0) "two"))
    (should (equal (current-kill 1) "one"))
    (should (equal (current-kill 0) "one"))
    (should (equal (current-kill 1 t) "two"))
    (kill-new "three" t)
    (should (equal kill-ring '("three" "one")))))

(ert-deftest simple-tests-kill-ring-max ()
  (simple-tests--with ""
    (let ((kill-ring-max 3))
      (dotimes (i 10) (kill-new (number-to-string i)))
      (should (equal kill-ring '("9" "8" "7"))))))

(ert-deftest simple-tests-kill-append ()
  (simple-tests--with ""
    (kill-new "mid")
    (kill-append "-end" nil)
    (kill-append "start-" t)
    (should (equal (car kill-ring) "start-mid-end"))
    (should (= (length kill-ring) 1))))

(ert-deftest simple-tests-empty-ring-errors ()
  (simple-tests--with "abc"
    (should-error (current-kill 0))
    (should-error (yank))))

(ert-deftest simple-tests-consecutive-kills-join ()
  (simple-tests--with "alpha beta gamma"
    (kill-word 1)
    (setq last-command 'kill-region)
    (kill-word 1)
    (should (equal (car kill-ring) "alpha beta"))
    (should (equal (buffer-string) " gamma"))
    (should (= (length kill-ring) 1))))

(ert-deftest simple-tests-backward-kills-prepend ()
  (simple-tests--with "alpha beta gamma"
    (goto-char (point-max))
    (backward-kill-word 1)
    (setq last-command 'kill-region)
    (backward-kill-word 1)
    (should (equal (car kill-ring) "beta gamma"))))

(ert-deftest simple-tests-kill-line ()
  (simple-tests--with "first\nsecond\nthird"
    (kill-line)
    (should (equal (buffer-string) "\nsecond\nthird"))
    (setq last-command 'kill-region)
    (kill-line)
    (should (equal (car kill-ring) "first\n"))
    (kill-line 2)
    (should (equal (buffer-string) ""))
    (should-error (kill-line))))

(ert-deftest simple-tests-kill-whole-line-variable ()
  (simple-tests--with "first\nsecond\n"
    (let ((kill-whole-line t))
      (kill-line))
    (should (equal (buffer-string) "second\n"))
    (should (equal (car kill-ring) "first\n"))))

(ert-deftest simple-tests-kill-whole-line ()
  (simple-tests--with "a\nb\nc\n"
    (forward-line 1)
    (forward-char 1)
    (kill-whole-line)
    (should (equal (buffer-string) "a\nc\n"))
    (should (equal (car kill-ring) "b\n"))
    (should (= (point) 3))))

(ert-deftest simple-tests-read-only-kill ()
  (simple-tests--with "protected text"
    (setq buffer-read-only t)
    (should-error (kill-region 1 10) :type 'buffer-read-only)
    (should (equal (car kill-ring) "protected"))
    (let ((kill-read-only-ok t))
      (kill-ring-save 1 4)
      (kill-region 1 4))
    (should (equal (buffer-string) "protected text"))))

(ert-deftest simple-tests-yank-and-yank-pop ()
  (simple-tests--with "[]"
    (kill-new "first")
    (kill-new "second")
    (forward-char 1)
    (yank)
    (should (equal (buffer-string) "[second]"))
    (should (= (mark t) 2))
    (setq last-command 'yank)
    (yank-pop)
    (should (equal (buffer-string) "[first]"))
    (should (= (point) 7))))

(ert-deftest simple-tests-yank-prefix ()
  (simple-tests--with ""
    (kill-new "a")
    (kill-new "b")
    (yank 2)
    (should (equal (buffer-string) "a"))
    (erase-buffer)
    (yank '(4))
    (should (= (point) 1))
    (should (= (mark t) 2))))

(ert-deftest simple-tests-yank-strips-excluded-properties ()
  (simple-tests--with ""
    (kill-new (propertize "x" 'invisible t 'face 'bold))
    (yank)
    (should-not (get-text-property 1 'invisible))
    (should (eq (get-text-property 1 'face) 'bold))))

(ert-deftest simple-tests-zap-to-char ()
  (simple-tests--with "key = value; rest"
    (zap-to-char 1 ?\;)
    (should (equal (buffer-string) " rest"))
    (should (equal (car kill-ring) "key = value;"))
    (should-error (zap-to-char 1 ?z) :type 'search-failed)))

(ert-deftest simple-tests-copy-region-keeps-text ()
  (simple-tests--with "abcdef"
    (copy-region-as-kill 2 5)
    (should (equal (buffer-string) "abcdef"))
    (should (equal (car kill-ring) "bcd"))))

(ert-deftest simple-tests-newline-and-open-line ()
  (simple-tests--with "ab"
    (forward-char 1)
    (newline 2)
    (should (equal (buffer-string) "a\n\nb"))
    (should (= (point) 4))
    (open-line 1)
    (should (equal (buffer-string) "a\n\n\nb"))
    (should (= (point) 4))
    (should-error (newline -1))))

(ert-deftest simple-tests-delete-indentation ()
  (simple-tests--with "foo\n    bar\n  (baz\n  )"
    (forward-line 1)
    (delete-indentation)
    (should (equal (buffer-string) "foo bar\n  (baz\n  )"))
    (goto-char (point-max))
    (delete-indentation)
    (should (equal (buffer-string) "foo bar\n  (baz)"))))

(ert-deftest simple-tests-whitespace-commands ()
  (simple-tests--with "a  \t b"
    (forward-char 2)
    (just-one-space)
    (should (equal (buffer-string) "a b"))
    (delete-horizontal-space)
    (should (equal (buffer-string) "ab"))
    (fixup-whitespace)
    (should (equal (buffer-string) "a b"))))

(ert-deftest simple-tests-delete-trailing-whitespace ()
  (simple-tests--with "a  \nb\t\n\n\n"
    (delete-trailing-whitespace)
    (should (equal (buffer-string) "a\nb\n"))))

(ert-deftest simple-tests-delete-blank-lines ()
  (simple-tests--with "a\n\n\n\nb"
    (forward-line 2)
    (delete-blank-lines)
    (should (equal (buffer-string) "a\n\nb"))
    (delete-blank-lines)
    (should (equal (buffer-string) "a\nb"))))

(ert-deftest simple-tests-transpose ()
  (simple-tests--with "ab cd ef"
    (forward-char 1)
    (transpose-chars 1)
    (should (equal (buffer-string) "ba cd ef"))
    (goto-char 4)
    (transpose-words 1)
    (should (equal (buffer-string) "cd ba ef"))
    (should (= (point) 6)))
  (simple-tests--with "one\ntwo\n"
    (forward-line 1)
    (transpose-lines 1)
    (should (equal (buffer-string) "two\none\n"))))

(ert-deftest simple-tests-backward-delete-untabify ()
  (simple-tests--with "a\tb"
    (forward-char 2)
    (backward-delete-char-untabify 1)
    (should (equal (buffer-string) "a      b"))))

(ert-deftest simple-tests-dwim-case ()
  (simple-tests--with "hello world"
    (upcase-dwim 1)
    (should (equal (buffer-string) "HELLO world"))
    (let ((transient-mark-mode t))
      (set-mark (point))
      (goto-char (point-max))
      (capitalize-dwim 1))
    (should (equal (buffer-string) "HELLO World"))))

(ert-deftest simple-tests-goto-line-and-what-line ()
  (simple-tests--with "l1\nl2\nl3\n"
    (goto-line 3)
    (should (= (line-number-at-pos) 3))
    (should (equal (what-line) "Line 3"))
    (goto-line 1)
    (should (bobp))))

(ert-deftest simple-tests-buffer-ends-push-mark ()
  (simple-tests--with "abc"
    (goto-char 2)
    (end-of-buffer)
    (should (eobp))
    (should (= (mark t) 2))
    (beginning-of-buffer)
    (should (bobp))
    (should (= (mark t) 4))))

(ert-deftest simple-tests-count-words ()
  (simple-tests--with "one two-three, four"
    (should (= (count-words (point-min) (point-max)) 4))
    (should (= (count-words 1 4) 1))))

(ert-deftest simple-tests-current-word ()
  (simple-tests--with "foo-bar  baz"
    (should (equal (current-word) "foo-bar"))
    (should (equal (current-word nil t) "foo"))
    (goto-char 9)
    (should (equal (current-word) "foo-bar"))
    (should-not (current-word t))))

(ert-deftest simple-tests-mark-ring-is-per-buffer ()
  (simple-tests--with "abcdef"
    (push-mark 2 t)
    (push-mark 4 t)
    (should (= (length mark-ring) 1))
    (with-temp-buffer
      (should (null mark-ring)))
    (set-mark-command '(4))
    (should (= (point) 4))
    (should (= (mark t) 2))))

(ert-deftest simple-tests-exchange-point-and-mark ()
  (simple-tests--with "abcdef"
    (should-error (exchange-point-and-mark) :type 'user-error)
    (set-mark 3)
    (goto-char 5)
    (exchange-point-and-mark)
    (should (= (point) 3))
    (should (= (mark t) 5))))

(ert-deftest simple-tests-save-mark-and-excursion ()
  (simple-tests--with "abcdef"
    (set-mark 2)
    (save-mark-and-excursion
      (set-mark 5)
      (goto-char 6))
    (should (= (mark t) 2))
    (should (= (point) 1))))

(ert-deftest simple-tests-next-line-keeps-column ()
  (simple-tests--with "abcdef\nab\nabcdef"
    (goto-char 5)
    (next-line)
    (should (= (current-column) 2))
    (setq last-command 'next-line)
    (next-line)
    (should (= (current-column) 4))
    (should-error (next-line) :type 'end-of-buffer)
    (should (eobp))))

(ert-deftest simple-tests-move-end-of-line ()
  (simple-tests--with "abc\ndefg\n"
    (move-end-of-line 2)
    (should (= (point) 9))
    (move-beginning-of-line 1)
    (should (= (point) 5))))

;; Minor modes and undo.

(ert-deftest simple-tests-read-only-mode ()
  (with-temp-buffer
    (read-only-mode 1)
    (should buffer-read-only)
    (should-error (insert "x") :type 'buffer-read-only)
    (read-only-mode 'toggle)
    (should-not buffer-read-only)
    (insert "x")
    (should (equal (buffer-string) "x"))))

(ert-deftest simple-tests-overwrite-and-auto-fill-modes ()
  (with-temp-buffer
    (should (eq (overwrite-mode 1) 'overwrite-mode-textual))
    (should (eq (binary-overwrite-mode 1) 'overwrite-mode-binary))
    (should-not (overwrite-mode -1))
    (auto-fill-mode 1)
    (should auto-fill-function)
    (should (local-variable-p 'auto-fill-function))
    (turn-off-auto-fill)
    (should-not auto-fill-function)))

(ert-deftest simple-tests-mode-hooks-run ()
  (with-temp-buffer
    (let* ((ran nil)
           (visual-line-mode-hook (list (lambda () (push 'hook ran)))))
      (visual-line-mode 1)
      (should (equal ran '(hook)))
      (should word-wrap)
      (visual-line-mode -1)
      (should-not word-wrap))))

(ert-deftest simple-tests-copy-between-buffers ()
  (let ((target (generate-new-buffer "simple-tests-target")))
    (unwind-protect
        (with-temp-buffer
          (insert "hello world")
          (append-to-buffer target 1 6)
          (prepend-to-buffer target 7 12)
          (should (equal (with-current-buffer target (buffer-string)) "helloworld"))
          (copy-to-buffer target 6 12)
          (should (equal (with-current-buffer target (buffer-string)) " world")))
      (kill-buffer target))))

(ert-deftest simple-tests-consecutive-undo-and-redo ()
  (with-temp-buffer
    (buffer-enable-undo)
    (insert "a") (undo-boundary)
    (insert "b") (undo-boundary)
    (insert "c") (undo-boundary)
    (let ((last-command nil))
      (undo))
    (undo-boundary)
    (let ((last-command 'undo))
      (undo))
    (undo-boundary)
    (should (equal (buffer-string) "a"))
    (undo-redo 1)
    (should (equal (buffer-string) "ab"))
    (undo-redo 1)
    (should (equal (buffer-string) "abc"))
    (should-error (undo-redo 1) :type 'user-error)))

;; Odds: shell filters, clones, expressions, undo elements.

(ert-deftest simple-tests-shell-command-on-region ()
  (with-temp-buffer
    (insert "b\na\nc\n")
    (should (eql (shell-command-on-region (point-min) (point-max) "sort" t t) 0))
    (should (equal (buffer-string) "a\nb\nc\n"))
    (should (eql (shell-command-on-region (point-min) (point-max) "exit 4" t t) 4))
    (should (equal (buffer-string) ""))))

(ert-deftest simple-tests-clone-buffer ()
  (let ((source (generate-new-buffer "simple-tests-source")))
    (unwind-protect
        (with-current-buffer source
          (insert "some text")
          (goto-char 3)
          (setq-local simple-tests-local 'kept)
          (let ((copy (clone-buffer)))
            (unwind-protect
                (with-current-buffer copy
                  (should (equal (buffer-string) "some text"))
                  (should (= (point) 3))
                  (should (eq (bound-and-true-p simple-tests-local) 'kept))
                  (should-not (eq (current-buffer) source)))
              (kill-buffer copy))))
      (kill-buffer source))))

(ert-deftest simple-tests-eval-expression-insert ()
  (with-temp-buffer
    (should (= (eval-expression '(* 6 7) t) 42))
    (should (equal (buffer-string) "42"))
    (should (equal (eval-expression-print-format 10) " (#o12, #xa, ?\\C-j)"))
    (should-not (eval-expression-print-format 'x))))

(ert-deftest simple-tests-event-apply-modifier ()
  (should (= (event-apply-modifier ?a 'control 26 "C-") 1))
  (should (= (event-apply-modifier ?a 'shift 25 "S-") ?A))
  (should (eq (event-apply-modifier 'f1 'meta 27 "M-") 'M-f1)))

(ert-deftest simple-tests-undo-elements ()
  (should (equal (undo-delta '(4 . 9)) '(4 . -5)))
  (should (equal (undo-delta '("abc" . -7)) '(7 . 3)))
  (should (undo-elt-in-region '(4 . 9) 1 10))
  (should-not (undo-elt-in-region '(4 . 9) 5 10))
  (should (undo-elt-crosses-region '(4 . 9) 5 10))
  (should (equal (undo-adjust-elt '(6 . 9) '((2 . 2))) '(4 . 7))))

;;; simple-tests.el ends here
