;;; progtools-tests.el --- project, xref, etags, checkdoc and apropos as packages use them  -*- lexical-binding: t -*-

;; Written for tsmacs.  Each test makes its own files in a temporary
;; directory and removes them.

(require 'ert)
(require 'cl-lib)

(defmacro progtools-tests--in-dir (var &rest body)
  "Run BODY with VAR bound to a fresh temporary directory, removed afterwards."
  (declare (indent 1))
  `(let ((,var (file-name-as-directory (make-temp-file "progtools" t))))
     (unwind-protect (progn ,@body)
       (dolist (b (buffer-list))
         (when (and (buffer-file-name b) (string-prefix-p ,var (buffer-file-name b)))
           (kill-buffer b)))
       (delete-directory ,var t))))

(defun progtools-tests--write (dir name text)
  "Write TEXT to the file NAME under DIR, making its directory."
  (let ((file (expand-file-name name dir)))
    (make-directory (file-name-directory file) t)
    (write-region text nil file nil 'silent)
    file))

(ert-deftest progtools-tests-transient-project ()
  (progtools-tests--in-dir dir
    (progtools-tests--write dir "a.txt" "a")
    (progtools-tests--write dir "sub/b.el" "b")
    (progtools-tests--write dir "sub/c.elc" "c")
    (let ((pr (cons 'transient dir)))
      (should (equal (project-root pr) dir))
      (should (equal (mapcar (lambda (f) (file-relative-name f dir)) (project-files pr))
                     '("a.txt" "sub/b.el")))
      (should (member "*.elc" (project-ignores pr dir))))))

(ert-deftest progtools-tests-git-project ()
  (skip-unless (executable-find "git"))
  (progtools-tests--in-dir dir
    (let ((default-directory dir))
      (should (eq 0 (call-process "git" nil nil nil "init" "-q" ".")))
      (progtools-tests--write dir "tracked.el" "x")
      (progtools-tests--write dir "lib/untracked.el" "y")
      (progtools-tests--write dir ".gitignore" "*.log\n")
      (progtools-tests--write dir "noise.log" "z")
      (should (eq 0 (call-process "git" nil nil nil "add" "tracked.el")))
      (let ((pr (project-current nil (expand-file-name "lib/" dir))))
        (should (eq (car pr) 'vc))
        (should (equal (project-root pr) dir))
        (should (equal (sort (mapcar (lambda (f) (file-relative-name f dir)) (project-files pr)) #'string<)
                       '(".gitignore" "lib/untracked.el" "tracked.el")))
        (should (equal (car (project-ignores pr dir)) "*.log"))))))

(ert-deftest progtools-tests-known-projects ()
  (progtools-tests--in-dir dir
    (let ((project-list-file (expand-file-name "projects" dir))
          (a (file-name-as-directory (expand-file-name "a" dir)))
          (b (file-name-as-directory (expand-file-name "b" dir))))
      (make-directory a) (make-directory b)
      (setq project--list 'unset)
      (should (null (project-known-project-roots)))
      (project-remember-project (cons 'transient a))
      (project-remember-project (cons 'transient b))
      (should (equal (project-known-project-roots) (list b a)))
      (project-forget-project b)
      (should (equal (project-known-project-roots) (list a)))
      (setq project--list 'unset)
      (should (equal (project-known-project-roots) (list a)))
      (setq project--list 'unset))))

(ert-deftest progtools-tests-xref-matches ()
  (require 'xref)
  (progtools-tests--in-dir dir
    (let* ((file (progtools-tests--write dir "m.txt" "one two one\nnone\n"))
           (items (xref-matches-in-files "one" (list file))))
      (should (= (length items) 3))
      (should (equal (mapcar (lambda (i) (xref-file-location-column (xref-item-location i))) items)
                     '(0 8 1)))
      (should (equal (mapcar #'substring-no-properties (mapcar #'xref-item-summary items))
                     '("one two " "one" "none")))
      (should (equal (mapcar #'xref-match-length items) '(3 3 3))))))

(ert-deftest progtools-tests-xref-definitions ()
  (require 'xref)
  (progtools-tests--in-dir dir
    (let ((file (progtools-tests--write dir "progtools-defs.el"
                                        ";;; progtools-defs.el  -*- lexical-binding: t -*-\n(defun progtools-defs-f () 1)\n(defvar progtools-defs-v 2)\n")))
      (load file nil t)
      (let ((defs (xref-backend-definitions 'elisp "progtools-defs-f")))
        (should (= (length defs) 1))
        (should (equal (xref-elisp-location-file (xref-item-location (car defs))) file)))
      (with-temp-buffer
        (emacs-lisp-mode)
        (xref-find-definitions "progtools-defs-v")
        (should (equal (buffer-file-name) file))
        (should (looking-at "(defvar progtools-defs-v"))
        (xref-pop-marker-stack)
        (should (null (buffer-file-name)))))))

(ert-deftest progtools-tests-etags ()
  (skip-unless (executable-find "etags"))
  (progtools-tests--in-dir dir
    (progtools-tests--write dir "t.el" "(defun tg-one () 1)\n(defun tg-two () 2)\n")
    (let ((default-directory dir)
          (tags-file-name nil) (tags-table-list nil))
      (should (eq 0 (call-process "etags" nil nil nil "t.el")))
      (visit-tags-table dir)
      (should (equal tags-file-name (expand-file-name "TAGS" dir)))
      (should (equal (save-excursion (visit-tags-table-buffer) (tags-table-files)) '("t.el")))
      (should (equal (sort (all-completions "tg-" (tags-lazy-completion-table)) #'string<)
                     '("tg-one" "tg-two")))
      (with-current-buffer (find-tag-noselect "tg-two")
        (should (looking-at "(defun tg-two")))
      (should-error (find-tag-noselect "tg-nothing") :type 'user-error))))

(ert-deftest progtools-tests-checkdoc ()
  (progtools-tests--in-dir dir
    (let ((file (progtools-tests--write dir "cdx.el"
                                        ";;; cdx.el --- Test  -*- lexical-binding: t -*-\n;;; Commentary:\n;;; Code:\n(defun cdx-a (x)\n  \"return x\"\n  x)\n(provide 'cdx)\n;;; cdx.el ends here\n")))
      (with-current-buffer (find-file-noselect file)
        (when (get-buffer "*Style Warnings*") (kill-buffer "*Style Warnings*"))
        (checkdoc-current-buffer t)
        (with-current-buffer "*Style Warnings*"
          (should (string-match-p "cdx.el:5: First sentence should end with punctuation" (buffer-string)))
          (should (string-match-p "cdx.el:5: First line should be capitalized" (buffer-string)))
          (should (string-match-p "Argument .x. should appear (as X)" (buffer-string))))))))

(ert-deftest progtools-tests-apropos-pattern ()
  (require (quote apropos))
  (should (equal (apropos-parse-pattern '("foo")) "foo"))
  (should (equal (apropos-parse-pattern "^f.o") "^f.o"))
  (apropos-parse-pattern '("kill" "x"))
  (should (string-match-p apropos-regexp "x-then-kill"))
  (should (string-match-p apropos-all-words-regexp "x-then-cut"))
  (should-not (string-match-p apropos-regexp "only-x")))

;;; progtools-tests.el ends here
