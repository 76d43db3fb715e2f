;;; dir-locals-tests.el --- a project's .dir-locals.el as a package author relies on it  -*- lexical-binding: t -*-

(require 'ert)

(defmacro dlt-with-tree (files &rest body)
  "Run BODY with `root' a fresh directory holding FILES, (NAME . TEXT) pairs."
  (declare (indent 1))
  `(let* ((root (file-name-as-directory (make-temp-file "dlt" t)))
          (dir-locals-class-alist nil)
          (dir-locals-directory-cache nil))
     (unwind-protect
         (progn
           (dolist (f ,files)
             (let ((path (expand-file-name (car f) root)))
               (make-directory (file-name-directory path) t)
               (write-region (cdr f) nil path nil 'silent)))
           ,@body)
       (dolist (b (buffer-list))
         (let ((name (buffer-local-value 'buffer-file-name b)))
           (when (and name (string-prefix-p root name)) (kill-buffer b))))
       (delete-directory root t))))

(defun dlt-visit-value (root file var)
  (with-current-buffer (find-file-noselect (expand-file-name file root))
    (and (local-variable-p var) (symbol-value var))))

(ert-deftest dlt-safe-values-apply ()
  (dlt-with-tree '((".dir-locals.el" . "((nil . ((fill-column . 50) (indent-tabs-mode . nil))))")
                   ("a.txt" . "text\n"))
    (should (equal (dlt-visit-value root "a.txt" 'fill-column) 50))
    (with-current-buffer (get-file-buffer (expand-file-name "a.txt" root))
      (should (local-variable-p 'indent-tabs-mode))
      (should-not indent-tabs-mode)
      (should (equal (assq 'fill-column dir-local-variables-alist) '(fill-column . 50))))))

(ert-deftest dlt-mode-keys-pick-by-derivation ()
  (dlt-with-tree '((".dir-locals.el" . "((prog-mode . ((fill-column . 60))) (text-mode . ((fill-column . 40))))")
                   ("a.el" . "(x)\n") ("b.txt" . "x\n"))
    (should (equal (dlt-visit-value root "a.el" 'fill-column) 60))
    (should (equal (dlt-visit-value root "b.txt" 'fill-column) 40))))

(ert-deftest dlt-file-locals-win ()
  (dlt-with-tree '((".dir-locals.el" . "((nil . ((fill-column . 50))))")
                   ("a.txt" . "-*- fill-column: 66 -*-\n"))
    (should (equal (dlt-visit-value root "a.txt" 'fill-column) 66))
    (with-current-buffer (get-file-buffer (expand-file-name "a.txt" root))
      (should-not (assq 'fill-column dir-local-variables-alist)))))

(ert-deftest dlt-subdirectory-entries ()
  (dlt-with-tree '((".dir-locals.el" . "((nil . ((tab-width . 3))) (\"lib\" . ((nil . ((tab-width . 5))))))")
                   ("lib/x.txt" . "x\n") ("doc/y.txt" . "y\n"))
    (should (equal (dlt-visit-value root "lib/x.txt" 'tab-width) 5))
    (should (equal (dlt-visit-value root "doc/y.txt" 'tab-width) 3))))

(ert-deftest dlt-subdirs-nil-stops-at-top ()
  (dlt-with-tree '((".dir-locals.el" . "((nil . ((subdirs . nil) (tab-width . 3))))")
                   ("top.txt" . "x\n") ("deeper/low.txt" . "y\n"))
    (should (equal (dlt-visit-value root "top.txt" 'tab-width) 3))
    (should-not (dlt-visit-value root "deeper/low.txt" 'tab-width))))

(ert-deftest dlt-second-file-overrides ()
  (dlt-with-tree '((".dir-locals.el" . "((nil . ((tab-width . 3) (fill-column . 30))))")
                   (".dir-locals-2.el" . "((nil . ((tab-width . 9))))")
                   ("a.txt" . "x\n"))
    (should (equal (dlt-visit-value root "a.txt" 'tab-width) 9))
    (should (equal (dlt-visit-value root "a.txt" 'fill-column) 30))))

(ert-deftest dlt-unsafe-value-blocks-all-in-batch ()
  (dlt-with-tree '((".dir-locals.el" . "((nil . ((fill-column . 50) (dlt-unknown . 1))))")
                   ("a.txt" . "x\n"))
    (should-not (dlt-visit-value root "a.txt" 'fill-column))
    (should-not (boundp 'dlt-unknown))))

(ert-deftest dlt-safe-keyword-takes-safe-ones ()
  (dlt-with-tree '((".dir-locals.el" . "((nil . ((fill-column . 50) (dlt-unknown-2 . 1))))")
                   ("a.txt" . "x\n"))
    (let ((enable-local-variables :safe))
      (should (equal (dlt-visit-value root "a.txt" 'fill-column) 50))
      (should-not (boundp 'dlt-unknown-2)))))

(ert-deftest dlt-classes-by-hand ()
  (dlt-with-tree '(("w/a.txt" . "x\n"))
    (dir-locals-set-class-variables 'dlt-class '((nil . ((fill-column . 72)))))
    (dir-locals-set-directory-class (expand-file-name "w" root) 'dlt-class)
    (should (equal (dlt-visit-value root "w/a.txt" 'fill-column) 72))
    (should (eq (nth 1 (dir-locals-find-file (expand-file-name "w/a.txt" root))) 'dlt-class))))

(ert-deftest dlt-cache-rereads-changed-files ()
  (dlt-with-tree '((".dir-locals.el" . "((nil . ((fill-column . 50))))"))
    (let ((file (expand-file-name ".dir-locals.el" root)))
      (set-file-times file '(20000 0))
      (dir-locals-read-from-dir root)
      (should (consp (dir-locals-find-file (expand-file-name "x" root))))
      (set-file-times file '(20001 0))
      (should (equal (dir-locals-find-file (expand-file-name "x" root)) root)))))

(ert-deftest dlt-non-file-buffer ()
  (dlt-with-tree '((".dir-locals.el" . "((nil . ((fill-column . 44))))"))
    (with-temp-buffer
      (setq default-directory root)
      (hack-dir-local-variables-non-file-buffer)
      (should (equal fill-column 44)))))

(ert-deftest dlt-malformed-file-is-skipped ()
  (dlt-with-tree '((".dir-locals.el" . "not-a-list") ("a.txt" . "x\n"))
    (should-not (dlt-visit-value root "a.txt" 'fill-column))
    (should (equal (dir-locals-get-class-variables (intern root)) nil))))

;;; dir-locals-tests.el ends here
