;;; string-edit-tests.el --- rewriting strings as a package would: templates, replacements, joins  -*- lexical-binding: t -*-

;; Third-party-style tests of the string primitives on their fast paths: `format' building
;; lines, `replace-regexp-in-string' over long text with groups and case rules, `replace-match'
;; on strings keeping text properties, `mapconcat' and `concat' joining many pieces.  Runs
;; unchanged under GNU Emacs and tsmacs.

(require 'ert)

(defun string-edit-tests--words (n)
  "N words like w17é, pseudo-randomly numbered."
  (let (l)
    (dotimes (i n) (push (format "w%dé" (% (* i 7919) 10007)) l))
    l))

(ert-deftest string-edit-tests-format-fields ()
  (should (equal (format "%d:%s=%05.1f" 7 "49" (/ 7 7.0)) "7:49=001.0"))
  (should (equal (format "%5d|%-5d|%05d" 42 42 -42) "   42|42   |-0042"))
  (should (equal (format "%x %X %o %#x %#o" 255 255 8 255 8) "ff FF 10 0xff 010"))
  (should (equal (format "%+d % d %.3d" 5 5 5) "+5  5 005"))
  (should (equal (format "%s and %s" "é" 'sym) "é and sym"))
  (should (equal (format "%3s|%-3s|%.1s" "a" "b" "xyz") "  a|b  |x"))
  (should (equal (format "%c%c" ?é ?a) "éa"))
  (should (equal (format "%d" most-negative-fixnum) (number-to-string most-negative-fixnum)))
  (should (multibyte-string-p (format "w%dé" 1)))
  (should-not (multibyte-string-p (format "w%d" 1))))

(ert-deftest string-edit-tests-format-keeps-properties ()
  (let ((s (format "<%s>" (propertize "ab" 'face 'bold))))
    (should (equal s "<ab>"))
    (should (eq (get-text-property 1 'face s) 'bold))
    (should-not (get-text-property 0 'face s))))

(ert-deftest string-edit-tests-join-many ()
  (let* ((words (string-edit-tests--words 5000))
         (joined (mapconcat #'identity words " ")))
    (should (= (length joined) (+ (apply #'+ (mapcar #'length words)) 4999)))
    (should (equal (split-string joined " ") words))
    (should (equal (apply #'concat words) (mapconcat #'identity words "")))))

(ert-deftest string-edit-tests-match-loop ()
  (let ((s (mapconcat #'identity (string-edit-tests--words 3000) " "))
        (n 0) (digits 0) (pos 0))
    (while (string-match "w\\([0-9]+\\)é" s pos)
      (setq n (1+ n)
            digits (+ digits (length (match-string 1 s)))
            pos (match-end 0)))
    (should (= n 3000))
    (should (= digits (length (replace-regexp-in-string "[^0-9]" "" s))))))

(ert-deftest string-edit-tests-replace-groups ()
  (let ((s (mapconcat #'identity (string-edit-tests--words 2000) " ")))
    (let ((r (replace-regexp-in-string "w\\([0-9]\\)" "W\\1" s)))
      (should (= (length r) (length s)))
      (should (equal (upcase (substring s 0 1)) (substring r 0 1)))
      (should-not (let ((case-fold-search nil)) (string-match-p "w" r))))
    (should (equal (replace-regexp-in-string "\\([a-z]+\\)-\\([0-9]+\\)" "\\2:\\1" "abc-12 de-3")
                   "12:abc 3:de"))
    (should (equal (replace-regexp-in-string "[0-9]+" "<\\&>" "a1b22") "a<1>b<22>"))
    (should (equal (replace-regexp-in-string "\\(a\\)\\(b\\)" "Z" "abab" nil nil 2) "aZaZ"))
    (should (equal (replace-regexp-in-string "x*" "-" "axb") "-a--b"))
    (should (equal (replace-regexp-in-string "a" "b" "banana" nil nil nil 2) "nbnb"))))

(ert-deftest string-edit-tests-replace-case-rules ()
  (should (equal (replace-regexp-in-string "foo" "bar" "foo Foo FOO") "bar Bar BAR"))
  (should (equal (replace-regexp-in-string "foo" "bar" "foo Foo FOO" t) "bar bar bar"))
  (let ((case-fold-search nil))
    (should (equal (replace-regexp-in-string "foo" "bar" "foo Foo FOO") "bar Foo FOO"))))

(ert-deftest string-edit-tests-replace-errors ()
  (should-error (replace-regexp-in-string "a" "\\x" "banana") :type 'error)
  (should-error (replace-regexp-in-string "[" "x" "banana") :type 'invalid-regexp)
  (should (equal (replace-regexp-in-string "q" "\\x" "banana") "banana")))

(ert-deftest string-edit-tests-replace-keeps-match-data ()
  (string-match "\\(n\\)a" "banana")
  (let ((before (match-data)))
    (replace-regexp-in-string "a" "b" "xaxa")
    (should (equal (match-data) before))))

(ert-deftest string-edit-tests-replace-match-properties ()
  (string-match "a" "bab")
  (let ((r (replace-match (propertize "Q" 'p 1) nil nil "bab")))
    (should (equal r "bQb"))
    (should (eq (get-text-property 1 'p r) 1)))
  (let* ((s (propertize "xabx" 'z 3))
         (r (progn (string-match "a" s) (replace-match (concat (propertize "Q" 'p 1) "\\&") nil nil s))))
    (should (equal r "xQabx"))
    (should (eq (get-text-property 1 'p r) 1))
    (should (eq (get-text-property 2 'z r) 3))
    (should (eq (get-text-property 0 'z r) 3))))
