;;; edit-libs-tests.el --- registers, rectangles, indentation, replacing, completion styles  -*- lexical-binding: t -*-

(require 'ert)

(defmacro edit-libs--with-text (text &rest body)
  "Run BODY in a temporary buffer holding TEXT, point at the start."
  (declare (indent 1))
  `(with-temp-buffer (insert ,text) (goto-char (point-min)) ,@body))

(ert-deftest edit-libs-register-text-round-trip ()
  (let ((register-alist nil))
    (edit-libs--with-text "alpha beta"
      (copy-to-register ?a 1 6)
      (should (equal (get-register ?a) "alpha"))
      (goto-char (point-max))
      (insert-register ?a t)
      (should (equal (buffer-string) "alpha betaalpha"))
      (should (= (point) (point-max))))))

(ert-deftest edit-libs-register-append-with-separator ()
  (let ((register-alist nil) (register-separator ?+))
    (set-register ?+ ", ")
    (edit-libs--with-text "one two"
      (append-to-register ?l 1 4)
      (append-to-register ?l 5 8)
      (should (equal (get-register ?l) "one, two")))))

(ert-deftest edit-libs-register-numbers ()
  (let ((register-alist nil))
    (number-to-register 5 ?n)
    (increment-register 10 ?n)
    (should (= (get-register ?n) 15))
    (should-error (progn (set-register ?m (point-marker)) (increment-register 1 ?m)))))

(ert-deftest edit-libs-register-positions ()
  (let ((register-alist nil))
    (edit-libs--with-text "abcdef"
      (goto-char 4)
      (point-to-register ?p)
      (goto-char 1)
      (jump-to-register ?p)
      (should (= (point) 4))
      (should (string-match-p "buffer position" (register-describe-oneline ?p))))))

(ert-deftest edit-libs-rectangle-extract-and-insert ()
  (edit-libs--with-text "abcd\nefgh\nijkl"
    (should (equal (extract-rectangle 2 14) '("bc" "fg" "jk")))
    (let ((rect (delete-extract-rectangle 2 14)))
      (should (equal (buffer-string) "ad\neh\nil"))
      (goto-char 2)
      (insert-rectangle rect)
      (should (equal (buffer-string) "abcd\nefgh\nijkl")))))

(ert-deftest edit-libs-rectangle-string-and-open ()
  (edit-libs--with-text "abc\ndef"
    (string-rectangle 2 7 "XY")
    (should (equal (buffer-string) "aXYc\ndXYf")))
  (edit-libs--with-text "abc\ndef"
    (open-rectangle 2 8)
    (should (equal (buffer-string) "a  bc\nd  ef"))))

(ert-deftest edit-libs-rectangle-short-lines-pad ()
  (edit-libs--with-text "abcdef\ngh\nijklmn"
    (should (equal (extract-rectangle 3 (point-max)) '("cdef" "    " "klmn")))))

(ert-deftest edit-libs-indent-line-to-and-rigidly ()
  (edit-libs--with-text "x\n  y\nz"
    (let ((indent-tabs-mode nil))
      (indent-rigidly (point-min) (point-max) 2)
      (should (equal (buffer-string) "  x\n    y\n  z"))
      (indent-rigidly (point-min) (point-max) -3)
      (should (equal (buffer-string) "x\n y\nz"))
      (goto-char (point-min))
      (indent-line-to 4)
      (should (equal (buffer-substring 1 6) "    x"))
      (should (= (current-column) 4)))))

(ert-deftest edit-libs-tab-stops ()
  (let ((tab-stop-list nil) (tab-width 8))
    (should (= (indent-next-tab-stop 0) 8))
    (should (= (indent-next-tab-stop 8) 16))
    (should (= (indent-next-tab-stop 9 t) 8)))
  (let ((tab-stop-list '(2 6)))
    (should (equal (indent-accumulate-tab-stops 15) '(2 6 10 14)))))

(ert-deftest edit-libs-indent-relative ()
  (edit-libs--with-text "    foo  bar\n"
    (goto-char (point-max))
    (let ((indent-tabs-mode nil))
      (indent-relative)
      (should (= (current-column) 4))
      (insert "x")
      (indent-relative)
      (should (= (current-column) 9)))))

(ert-deftest edit-libs-indent-region-with-function ()
  (edit-libs--with-text "a\nb\nc\n"
    (let ((indent-line-function (lambda () (indent-line-to 3)))
          (indent-tabs-mode nil))
      (indent-region (point-min) (point-max))
      (should (equal (buffer-string) "   a\n   b\n   c\n")))))

(ert-deftest edit-libs-replace-string-and-regexp ()
  (edit-libs--with-text "cat hat cat"
    (replace-string "cat" "dog")
    (should (equal (buffer-string) "dog hat dog")))
  (edit-libs--with-text "a1 b22"
    (replace-regexp "\\([a-z]\\)\\([0-9]+\\)" "\\2\\1")
    (should (equal (buffer-string) "1a 22b"))))

(ert-deftest edit-libs-replace-follows-case ()
  (edit-libs--with-text "Foo FOO foo"
    (let ((case-fold-search t) (case-replace t))
      (replace-string "foo" "bar"))
    (should (equal (buffer-string) "Bar BAR bar"))))

(ert-deftest edit-libs-perform-replace-function ()
  (edit-libs--with-text "x x x"
    (perform-replace "x" (cons (lambda (_data n) (number-to-string n)) nil) nil t nil)
    (should (equal (buffer-string) "0 1 2"))))

(ert-deftest edit-libs-how-many-keep-flush ()
  (edit-libs--with-text "apple\nbanana\navocado\ncherry\n"
    (should (= (how-many "^a") 2))
    (should (= (count-matches "an") 2))
    (flush-lines "an")
    (should (equal (buffer-string) "apple\navocado\ncherry\n"))
    (goto-char (point-min))
    (keep-lines "^a")
    (should (equal (buffer-string) "apple\navocado\n"))))

(ert-deftest edit-libs-occur-buffer ()
  (let ((src (generate-new-buffer "edit-libs-occur")))
    (unwind-protect
        (progn
          (with-current-buffer src
            (insert "one\ntwo\nthree one\n")
            (occur "one"))
          (with-current-buffer "*Occur*"
            (should (string-match-p "^2 matches for \"one\" in buffer: edit-libs-occur"
                                    (buffer-substring-no-properties (point-min) (point-max))))
            (should (string-match-p "      3:three one"
                                    (buffer-substring-no-properties (point-min) (point-max))))))
      (kill-buffer src)
      (when (get-buffer "*Occur*") (kill-buffer "*Occur*")))))

(ert-deftest edit-libs-completion-tables ()
  (let ((dyn (completion-table-dynamic (lambda (s) (list (concat s "1") (concat s "2"))))))
    (should (equal (all-completions "x" dyn) '("x1" "x2"))))
  (let ((merged (completion-table-merge '("apple") '("apricot"))))
    (should (equal (all-completions "ap" merged) '("apple" "apricot"))))
  (should (equal (completion-boundaries "abc" '("abcd") nil "") '(0 . 0)))
  (should (equal (completion-metadata "" '("a") nil) '(metadata))))

(ert-deftest edit-libs-completion-styles ()
  (let ((cands '("find-file" "find-function" "fill-paragraph")))
    (should (equal (completion-try-completion "fi" cands nil 2) '("fi" . 2)))
    (should (equal (completion-try-completion "f-fu" cands nil 4) '("find-function" . 13)))
    (let ((completion-styles '(substring)))
      (should (equal (completion-try-completion "para" cands nil 4) '("fill-paragraph" . 14))))
    (let ((all (completion-all-completions "fin" cands nil 3)))
      (should (equal (mapcar #'substring-no-properties (list (car all) (cadr all)))
                     '("find-file" "find-function")))
      (should (eq (cdr (last all)) 0)))))

(ert-deftest edit-libs-partial-completion-patterns ()
  (should (equal (completion-pcm--string->pattern "a-b") '("a" any "-" any-delim "b")))
  (should (equal (completion-pcm--pattern->string '("a" star "b")) "a*b"))
  (should (equal (completion-pcm--merge-try '("f" any "-" any-delim "b") '("foo-bar" "foo-baz") "" "")
                 '("foo-ba" . 6))))

(ert-deftest edit-libs-format-prompt ()
  (should (equal (format-prompt "Name" "x") "Name (default x): "))
  (should (equal (format-prompt "Name" nil) "Name: ")))

(ert-deftest edit-libs-expected-failure-example ()
  :expected-result :failed
  (should (equal (extract-rectangle 1 1) '("x"))))

;;; edit-libs-tests.el ends here
