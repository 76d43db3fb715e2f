;;; ert-x-tests.el --- ert-x's helpers that need no buffer  -*- lexical-binding: t -*-

;; Written for tsmacs.  Run from the repository's root, as scripts/record-ert.sh
;; and test/ert.test.ts do.

(require 'ert)
(require 'ert-x)

(defconst ert-x-tests--here (ert-resource-directory)
  "The resource directory as this file's load expanded it.")

(ert-deftest ert-x-tests-resource-directory ()
  "Beside the test file, named after it without \"-tests.el\"."
  (should (equal ert-x-tests--here
                 (file-truename (expand-file-name "test/ert/ert-x-resources/"))))
  (should (equal (ert-resource-file "a.txt")
                 (expand-file-name "a.txt" ert-x-tests--here))))

(ert-deftest ert-x-tests-resource-directory-format ()
  "The name comes from the format and trim variables when it is used."
  (let ((ert-resource-directory-format "%s-data/"))
    (should (equal (ert-resource-directory)
                   (file-truename (expand-file-name "test/ert/ert-x-data/")))))
  (let ((ert-resource-directory-trim-right-regexp "\\.el"))
    (should (equal (ert-resource-directory)
                   (file-truename
                    (expand-file-name "test/ert/ert-x-tests-resources/"))))))

(ert-deftest ert-x-tests-resource-directory-needs-a-file ()
  "Expanded outside any file it has no file to name a directory after."
  (let ((load-file-name nil))
    (should-error (eval '(ert-resource-directory) t) :type 'wrong-type-argument)))

(ert-deftest ert-x-tests-filter-string ()
  (should (equal (ert-filter-string "hello world 123" "[0-9]+" "o") "hell wrld "))
  (should (equal (ert-filter-string "hello world" '("l\\(l\\)" 1)) "helo world"))
  (should (equal (ert-filter-string "abc") "abc")))

(ert-deftest ert-x-tests-message-capture ()
  (let ((value (ert-with-message-capture seen
                 (message "one %d" 1)
                 (message nil)
                 (message "")
                 (message "two\nlines")
                 (list seen))))
    (should (equal value '("one 1\ntwo\nlines\n")))))

(ert-deftest ert-x-tests-message-capture-nests ()
  (ert-with-message-capture outer
    (message "a")
    (ert-with-message-capture inner
      (message "b")
      (should (equal inner "b\n")))
    (should (equal outer "a\nb\n"))))

(ert-deftest ert-x-tests-test-buffer-name ()
  (should (equal (ert--format-test-buffer-name nil)
                 "*Test buffer (ert-x-tests-test-buffer-name)*"))
  (should (equal (ert--format-test-buffer-name "x")
                 "*Test buffer (ert-x-tests-test-buffer-name): x*")))

(ert-deftest ert-x-tests-test-buffer-keywords ()
  (should (equal (macroexpand-1 '(ert-with-test-buffer (:name "a" :name "b") 1))
                 '(ert--call-with-test-buffer "a" (lambda () 1))))
  (should (equal (macroexpand-1 '(ert-with-test-buffer () 1))
                 '(ert--call-with-test-buffer nil (lambda () 1))))
  (should-error (macroexpand-1 '(ert-with-test-buffer (:nome "a") 1))))

(ert-deftest ert-x-tests-simulate-command ()
  ;; The hooks see the command in `this-command'; an error skips the post hook.
  (with-temp-buffer
    (let ((log nil) (last-command 'before) (pre-command-hook nil) (post-command-hook nil))
      (add-hook 'pre-command-hook (lambda () (push (list 'pre this-command last-command) log)))
      (add-hook 'post-command-hook (lambda () (push (list 'post this-command last-command) log)))
      (should (equal (ert-simulate-command '(newline 2)) nil))
      (should (equal (ert-simulate-command '(forward-char -1)) nil))
      (should (equal (should-error (ert-simulate-command '(backward-char 5)))
                     '(beginning-of-buffer)))
      (should (equal (list (buffer-string) this-command last-command real-last-command)
                     '("\n\n" backward-char forward-char forward-char)))
      (should (equal (nreverse log)
                     '((pre newline before) (post newline before)
                       (pre forward-char newline) (post forward-char newline)
                       (pre backward-char forward-char)))))))

;;; ert-x-tests.el ends here
