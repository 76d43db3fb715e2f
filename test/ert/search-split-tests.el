;;; search-split-tests.el --- ERT tests of our own for split-string and literal buffer searches  -*- lexical-binding: t -*-

;; Written for tsmacs; recorded against GNU Emacs 28.2 by scripts/record-ert.sh.

(require 'ert)

(ert-deftest search-split-basic-pieces ()
  (should (equal (split-string "one two  three") '("one" "two" "three")))
  (should (equal (split-string "a,b,,c" ",") '("a" "b" "" "c")))
  (should (equal (split-string "a,b,,c" "," t) '("a" "b" "c")))
  (should (equal (split-string ",x," ",") '("" "x" ""))))

(ert-deftest search-split-empty-matches-advance ()
  (should (equal (split-string "abc" "") '("" "a" "b" "c" "")))
  (should (equal (split-string "axxb" "x*" t) '("a" "b"))))

(ert-deftest search-split-leaves-last-match ()
  (split-string "k=v;k2=v2" "[=;]")
  (should (equal (match-data) '(6 7)))
  (split-string "nothing here" ",")
  (should (equal (match-data) '(6 7))))

(ert-deftest search-split-keeps-properties ()
  (let ((parts (split-string (propertize "ab cd" 'face 'bold) " ")))
    (should (equal (get-text-property 0 'face (cadr parts)) 'bold))))

(ert-deftest search-split-long-list ()
  (let* ((line (mapconcat #'number-to-string (number-sequence 1 2000) ";"))
         (parts (split-string line ";")))
    (should (= (length parts) 2000))
    (should (equal (nth 999 parts) "1000"))))

(ert-deftest search-split-errors ()
  (should-error (split-string 'not-a-string) :type 'wrong-type-argument)
  (should-error (split-string "a" "[") :type 'invalid-regexp))

(ert-deftest search-literal-not-regexp ()
  (with-temp-buffer
    (insert "a.c abc a.c")
    (goto-char (point-min))
    (should (= (search-forward "a.c") 4))
    (goto-char (point-min))
    (should (= (re-search-forward "a.c" nil t 2) 8))
    (goto-char (point-min))
    (should (= (search-forward "a.c" nil t 2) 12))))

(ert-deftest search-folded-literal-both-ways ()
  (with-temp-buffer
    (dotimes (_ 2000) (insert "lorem ipsum café "))
    (insert "ZZZ")
    (dotimes (_ 2000) (insert "dolor sit amet "))
    (goto-char (point-min))
    (should (= (search-forward "zzz") 34004))
    (goto-char (point-max))
    (should (= (search-backward "zZz") 34001))
    (let ((case-fold-search nil))
      (goto-char (point-min))
      (should-not (search-forward "zzz" nil t)))))

(ert-deftest search-replace-loop ()
  (with-temp-buffer
    (dotimes (_ 1000) (insert "lorem ipsum dolor\n"))
    (goto-char (point-min))
    (let ((n 0))
      (while (search-forward "ipsum" nil t)
        (replace-match "IPSUM" t t)
        (setq n (1+ n)))
      (should (= n 1000))
      (should (= (buffer-size) 18000)))))

;;; search-split-tests.el ends here
