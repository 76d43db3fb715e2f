;;; buffer-edit-tests.el --- editing and searching a buffer as a package would  -*- lexical-binding: t -*-

;; Third-party-style tests of the edit and search paths: a small "rename a word" command built on
;; search-forward and replace-match, a log that follows changes through after-change-functions,
;; an index of lines by their first word kept in markers, and a scanner of folded keywords.
;; Runs unchanged under GNU Emacs and tsmacs.

(require 'ert)

(defun buffer-edit-tests--rename (old new)
  "Replace every whole-word OLD by NEW in the buffer; return how many."
  (save-excursion
    (goto-char (point-min))
    (let ((n 0) (case-fold-search nil))
      (while (re-search-forward (concat "\\_<" (regexp-quote old) "\\_>") nil t)
        (replace-match new t t)
        (setq n (1+ n)))
      n)))

(defmacro buffer-edit-tests--with (text &rest body)
  "Run BODY in a temporary buffer holding TEXT, point at its start."
  (declare (indent 1))
  `(with-temp-buffer (insert ,text) (goto-char (point-min)) ,@body))

(ert-deftest buffer-edit-tests-rename-words ()
  (buffer-edit-tests--with "(let ((foo 1) (foobar 2)) (+ foo foobar foo))"
    (should (= (buffer-edit-tests--rename "foo" "quux") 3))
    (should (equal (buffer-string) "(let ((quux 1) (foobar 2)) (+ quux foobar quux))"))
    (should (= (point) (point-min)))))

(ert-deftest buffer-edit-tests-rename-multibyte ()
  (buffer-edit-tests--with "café naïve café\ncafé"
    (should (= (buffer-edit-tests--rename "café" "tea") 3))
    (should (equal (buffer-string) "tea naïve tea\ntea"))
    (should (= (position-bytes (point-max)) (1+ (string-bytes (buffer-string)))))))

(ert-deftest buffer-edit-tests-change-log ()
  (buffer-edit-tests--with "alpha beta gamma"
    (let ((log nil))
      (add-hook 'after-change-functions (lambda (beg end len) (push (list beg end len) log)) nil t)
      (buffer-edit-tests--rename "beta" "B")
      (goto-char (point-max))
      (insert-char ?! 3)
      (insert " end")
      (should (equal (nreverse log) '((7 8 4) (14 17 0) (17 21 0)))))))

(ert-deftest buffer-edit-tests-ticks-per-edit ()
  (buffer-edit-tests--with "a b a b"
    (let ((tick (buffer-chars-modified-tick)))
      (should (= (buffer-edit-tests--rename "a" "xyz") 2))
      (should (= (- (buffer-chars-modified-tick) tick) 2)))))

(ert-deftest buffer-edit-tests-markers-follow ()
  (buffer-edit-tests--with "one two three two one"
    (let ((index nil))
      (while (re-search-forward "\\w+" nil t)
        (push (cons (match-string 0) (copy-marker (match-beginning 0))) index))
      (buffer-edit-tests--rename "two" "2")
      (should (equal (mapcar (lambda (e) (marker-position (cdr e))) (nreverse index))
                     '(1 5 7 13 15)))
      (should (equal (buffer-string) "one 2 three 2 one")))))

(ert-deftest buffer-edit-tests-read-only-neighbour ()
  (buffer-edit-tests--with "keep:value"
    (put-text-property 1 6 'read-only t)
    (goto-char 1)
    (search-forward "value")
    (replace-match "other" t t)
    (should (equal (buffer-substring-no-properties 1 (point-max)) "keep:other"))
    (should-error (progn (goto-char 3) (insert "x")) :type 'text-read-only)))

(ert-deftest buffer-edit-tests-folded-keywords ()
  (buffer-edit-tests--with (mapconcat (lambda (i) (format "%s item%d" (if (zerop (% i 3)) "TODO" "done") i))
                                      (number-sequence 1 60) "\n")
    (let ((case-fold-search t) (found nil))
      (while (search-forward "todo item" nil t) (push (line-number-at-pos) found))
      (should (equal (length found) 20))
      (should (equal (car found) 60))
      (goto-char (point-max))
      (should (search-backward "DONE ITEM5" nil t))
      (should (looking-at "done item59")))))

(ert-deftest buffer-edit-tests-growing-buffer ()
  (with-temp-buffer
    (let ((chunk (make-string 1000 ?x)))
      (dotimes (_ 500) (insert chunk "\n"))
      (should (= (buffer-size) 500500))
      (goto-char (point-min))
      (should (= (how-many "^x" (point-min) (point-max)) 500))
      (erase-buffer)
      (insert "tail")
      (should (equal (buffer-string) "tail")))))

(ert-deftest buffer-edit-tests-match-string ()
  (buffer-edit-tests--with "key = value ; other = thing"
    (let ((pairs nil))
      (while (re-search-forward "\\(\\w+\\) = \\(\\w+\\)" nil t)
        (push (cons (match-string-no-properties 1) (match-string 2)) pairs))
      (should (equal (nreverse pairs) '(("key" . "value") ("other" . "thing"))))
      (should (null (match-string 3))))))

;;; buffer-edit-tests.el ends here
