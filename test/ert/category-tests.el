;;; category-tests.el --- character categories as a package would use them  -*- lexical-binding: t -*-

;; Third-party-style tests of category tables: a mode that defines its own categories, marks
;; characters with them, and scans text with \c and \C.  Runs unchanged under GNU Emacs and tsmacs.

(require 'ert)

(defun category-tests--table-with (cat doc &rest ranges)
  "A copy of the standard table with CAT (documented by DOC) over RANGES."
  (let ((tb (copy-category-table)))
    (define-category cat doc tb)
    (dolist (r ranges) (modify-category-entry r cat tb))
    tb))

(defmacro category-tests--in-buffer (text &rest body)
  "Run BODY in a temporary buffer holding TEXT, point at its start."
  (declare (indent 1))
  `(with-temp-buffer (insert ,text) (goto-char (point-min)) ,@body))

(defun category-tests--collect (regexp)
  "All matches of REGEXP in the current buffer, from its start."
  (goto-char (point-min))
  (let (out)
    (while (re-search-forward regexp nil t) (push (match-string 0) out))
    (nreverse out)))

(ert-deftest category-tests-standard-scripts ()
  (should (string-match-p "\\`\\cl+\\'" "déjà"))
  (should (string-match-p "\\`\\cg+\\'" "λόγος"))
  (should (string-match-p "\\`\\cy+\\'" "слово"))
  (should (string-match-p "\\`\\cj+\\'" "日本語"))
  (should (string-match-p "\\`\\ch+\\'" "한국어"))
  (should-not (string-match-p "\\cl" "日本語"))
  (should (equal (string-match "\\cg" "abc δ") 4)))

(ert-deftest category-tests-negated ()
  (should (equal (string-match "\\Ca" "abc!é") 4))
  ;; ASCII punctuation and space are in the Latin category too.
  (should (equal (string-match "\\Cl+" "abc 日本 x") 4))
  (should (equal (match-end 0) 6)))

(ert-deftest category-tests-own-category ()
  (let ((tb (category-tests--table-with ?V "vowels" ?a ?e ?i ?o ?u '(?à . ?å))))
    (with-temp-buffer
      (set-category-table tb)
      (should (equal (category-docstring ?V) "vowels"))
      (should-not (string-match-p "\\cV" "xyz"))
      (should (equal (string-match "\\cV+" "strength") 3))
      (should (equal (string-match "\\cV" "crçà") 3))
      (should (equal (category-tests--collect "\\cV+") nil))
      (insert "beautiful queue")
      (should (equal (category-tests--collect "\\cV+") '("eau" "i" "u" "ueue")))
      (should (equal (category-tests--collect "\\CV+") '("b" "t" "f" "l q"))))))

(ert-deftest category-tests-own-table-is-per-buffer ()
  (let ((tb (category-tests--table-with ?V "vowels" ?a)))
    (with-temp-buffer
      (set-category-table tb)
      (should (eq (category-table) tb))
      (with-temp-buffer
        (should (eq (category-table) (standard-category-table)))
        (should-error (modify-category-entry ?b ?V) :type 'error)))))

(ert-deftest category-tests-reset-entry ()
  (let ((tb (copy-category-table)))
    (modify-category-entry '(?a . ?z) ?l tb t)
    (should (equal (category-set-mnemonics (aref tb ?q)) ".Lar"))
    (should (equal (category-set-mnemonics (aref tb ?Q)) ".Lalr"))
    (with-category-table tb
      (let ((case-fold-search nil))
        (should-not (string-match-p "\\cl" "hello"))
        (should (string-match-p "\\cl" "HELLO"))))
    (should (string-match-p "\\cl" "hello"))))

(ert-deftest category-tests-with-category-table-restores ()
  (let ((tb (make-category-table)))
    (with-temp-buffer
      (ignore-errors (with-category-table tb (error "Oops")))
      (should (eq (category-table) (standard-category-table))))))

(ert-deftest category-tests-unused-categories ()
  (let ((tb (make-category-table)) (seen nil))
    (while (get-unused-category tb)
      (let ((c (get-unused-category tb)))
        (push c seen)
        (define-category c (string c) tb)))
    (should (= (length seen) 95))
    (should (equal (category-docstring ?~ tb) "~"))
    (should-error (define-category ?a "twice" tb))))

(ert-deftest category-tests-category-sets ()
  (should (equal (category-set-mnemonics (make-category-set "zla")) "alz"))
  (should (equal (category-set-mnemonics (char-category-set ?a)) ".Lalr"))
  (should (bool-vector-p (char-category-set ?é)))
  (should (eq (char-category-set ?x) (char-category-set ?y)))
  (should-error (make-category-set "\x01") :type 'wrong-type-argument)
  (should-error (category-set-mnemonics [a]) :type 'wrong-type-argument))

(ert-deftest category-tests-errors ()
  (should-error (category-docstring 10) :type 'wrong-type-argument)
  (should-error (set-category-table 'foo) :type 'wrong-type-argument)
  (should-error (modify-category-entry ?a ?Q) :type 'error)
  (should-error (char-category-set -1) :type 'wrong-type-argument)
  (should-error (string-match "\\c" "a") :type 'invalid-regexp))

(ert-deftest category-tests-kill-all-local-variables ()
  (with-temp-buffer
    (set-category-table (make-category-table))
    (kill-all-local-variables)
    (should (eq (category-table) (standard-category-table)))))

(ert-deftest category-tests-rx ()
  (should (equal (rx (category latin)) "\\cl"))
  (should (equal (string-match (rx (+ (category greek))) "ab αβγ") 3))
  (should (equal (string-match (rx (not (category latin))) "ab αβγ") 3)))

;;; category-tests.el ends here
