;; Killing and saving many buffers, find-file's variants and wildcards, and the buffer list's
;; order (files.el, buffer.c).  `fb-run' makes a fresh directory D with the given files, runs its
;; body, prints the result with D's name replaced by "D/", then kills the buffers it made and
;; removes D.  No case asks a question (answers on standard input are CLI cases).
(progn
  (defvar fb-root nil)
  (defvar fb-before nil)
  (defmacro fb-run (files &rest body)
    `(let* ((fb-root (file-name-as-directory (make-temp-file "fbc" t)))
            (fb-before (buffer-list)))
       (unwind-protect
           (progn
             (dolist (f ',files)
               (let ((path (expand-file-name (car f) fb-root)))
                 (make-directory (file-name-directory path) t)
                 (write-region (cdr f) nil path nil 'silent)))
             (let ((s (prin1-to-string (progn ,@body))))
               (string-replace (directory-file-name fb-root) "D" (string-replace fb-root "D/" s))))
         (dolist (b (buffer-list))
           (unless (memq b fb-before)
             (with-current-buffer b (set-buffer-modified-p nil))
             (kill-buffer b)))
         (delete-directory fb-root t))))
  (defun fb-file (rel) (expand-file-name rel fb-root))
  (defun fb-contents (rel) (with-temp-buffer (insert-file-contents (fb-file rel)) (buffer-string)))
  (defun fb-names (&optional buffers)
    (delq nil (mapcar (lambda (b) (and (not (memq b fb-before)) (buffer-name b))) (or buffers (buffer-list)))))
  'ok)

;; kill-matching-buffers, no questions
(fb-run () (dolist (n '("fbfoo1" "fbfoo2" " fbfoo3" "fbbar")) (get-buffer-create n)) (list (kill-matching-buffers "fbfoo" nil t) (fb-names)))
(fb-run () (dolist (n '("fbfoo1" " fbfoo3" "fbbar")) (get-buffer-create n)) (list (kill-matching-buffers "fbfoo" t t) (fb-names)))
(fb-run () (dolist (n '("fbFOO1" "fbfoo2")) (get-buffer-create n)) (list (kill-matching-buffers "fbfoo" nil t) (fb-names)))
(fb-run () (dolist (n '("fbFOO1" "fbfoo2")) (get-buffer-create n)) (list (let ((case-fold-search nil)) (kill-matching-buffers "fbfoo" nil t)) (fb-names)))
(fb-run () (dolist (n '("fba" "fbb" "fbc")) (get-buffer-create n)) (list (kill-matching-buffers "^fb[ab]$" nil t) (fb-names)))
(fb-run () (with-current-buffer (get-buffer-create "fbmod") (insert "x") (setq buffer-file-name (fb-file "fbmod.txt"))) (list (kill-matching-buffers "fbmod" nil t) (fb-names)))
(fb-run () (get-buffer-create "fbkeep") (list (kill-matching-buffers "nothing-matches-this" nil t) (fb-names)))
(fb-run () (kill-matching-buffers "[" nil t))

;; save-some-buffers with ARG t (batch cannot ask)
(fb-run (("f1.txt" . "a\n") ("f2.txt" . "b\n")) (with-current-buffer (find-file-noselect (fb-file "f1.txt")) (insert "zz")) (list (save-some-buffers t) (fb-contents "f1.txt") (fb-contents "f2.txt") (save-some-buffers t)))
(fb-run (("f1.txt" . "a\n")) (with-current-buffer (find-file-noselect (fb-file "f1.txt")) (insert "zz")) (list (save-some-buffers t (lambda () nil)) (fb-contents "f1.txt")))
(fb-run (("f1.txt" . "a\n") ("f2.txt" . "b\n")) (dolist (f '("f1.txt" "f2.txt")) (with-current-buffer (find-file-noselect (fb-file f)) (insert "q"))) (let (seen) (list (save-some-buffers t (lambda () (push (buffer-name) seen) (equal (buffer-name) "f2.txt"))) (reverse seen) (fb-contents "f1.txt") (fb-contents "f2.txt"))))
(fb-run () (with-current-buffer (get-buffer-create "fbnofile") (insert "x")) (save-some-buffers t))
(fb-run () (with-current-buffer (get-buffer-create "fbnofile2") (insert "x") (setq-local buffer-offer-save t)) (save-some-buffers t))
(fb-run () (save-some-buffers))
(fb-run (("f1.txt" . "a\n")) (with-current-buffer (find-file-noselect (fb-file "f1.txt")) (insert "zz")) (let ((save-some-buffers-default-predicate (lambda () nil))) (list (save-some-buffers t) (fb-contents "f1.txt"))))

;; wildcards
(fb-run (("f1.txt" . "a\n") ("f2.el" . "b\n") ("g.txt" . "c\n")) (list (mapcar #'buffer-name (find-file-noselect (fb-file "f*") nil nil t)) (fb-names)))
(fb-run (("f1.txt" . "a\n") ("f2.el" . "b\n")) (list (buffer-name (find-file-noselect (fb-file "zz*") nil nil t)) (fb-names)))
(fb-run (("f1.txt" . "a\n")) (list (bufferp (find-file-noselect (fb-file "f1.txt") nil nil t))))
(fb-run (("f1.txt" . "a\n")) (let ((find-file-wildcards nil)) (buffer-name (find-file-noselect (fb-file "f*") nil nil t))))
(fb-run (("f1.txt" . "a\n")) (buffer-name (find-file-noselect (fb-file "f*"))))
(fb-run (("f1.txt" . "a\n")) (buffer-name (find-file-noselect (concat "/:" (fb-file "f*")) nil nil t)))
(fb-run (("a1.txt" . "a\n") ("b1.txt" . "b\n")) (list (mapcar #'buffer-name (find-file-noselect (fb-file "[ab]1.txt") nil nil t))))

;; find-file-read-only, find-file-existing, find-alternate-file, find-file with wildcards
(fb-run () (condition-case e (find-file-read-only (fb-file "nonexist.txt")) (error (list (car e) (string-replace fb-root "D/" (cadr e))))))
(fb-run (("f2.el" . "(x)\n")) (list (buffer-name (find-file-existing (fb-file "f2.el"))) major-mode))
(fb-run () (condition-case e (find-file-existing (fb-file "nonexist.txt")) (error (list (car e) (string-replace fb-root "D/" (cadr e))))))
(fb-run (("f1.txt" . "a\n") ("f2.el" . "(x)\n")) (set-buffer (find-file-noselect (fb-file "f1.txt"))) (list (find-alternate-file (fb-file "f2.el")) (buffer-name) buffer-file-name major-mode (fb-names)))
(fb-run (("f1.txt" . "a\n")) (set-buffer (get-buffer-create "fbplain")) (list (find-alternate-file (fb-file "f1.txt")) (buffer-name) (fb-names)))
(fb-run (("f1.txt" . "a\n")) (set-buffer (find-file-noselect (fb-file "f1.txt"))) (list (find-alternate-file (fb-file "f1.txt")) (buffer-name) (fb-names)))
(fb-run (("f1.txt" . "a\n") ("f2.txt" . "b\n")) (let ((b (find-file-read-only (fb-file "f*.txt") t))) (list (mapcar #'buffer-name b) (mapcar (lambda (x) (buffer-local-value 'buffer-read-only x)) b) (buffer-name))))
(fb-run (("f1.txt" . "a\n") ("f2.txt" . "b\n") ("f3.txt" . "c\n")) (let ((v (find-file (fb-file "f?.txt") t))) (list (mapcar #'buffer-name v) (buffer-name) (fb-names))))
(fb-run (("f1.txt" . "a\n")) (let ((b (find-file-read-only (fb-file "f1.txt")))) (list (buffer-name b) (buffer-local-value 'buffer-read-only b) (eq b (current-buffer)) (fb-names))))

;; The buffer list's order
(progn (get-buffer-create "fb-a") (get-buffer-create "fb-b")
       (let ((names (lambda () (seq-filter (lambda (n) (string-prefix-p "fb-" n)) (mapcar #'buffer-name (buffer-list))))) (log nil))
         (push (funcall names) log)
         (set-buffer "fb-b") (push (funcall names) log)
         (switch-to-buffer "fb-a" t) (push (funcall names) log)
         (switch-to-buffer "fb-b") (push (funcall names) log)
         (pop-to-buffer "fb-a") (push (funcall names) log)
         (bury-buffer-internal (get-buffer "fb-a")) (push (funcall names) log)
         (switch-to-buffer "fb-c") (push (funcall names) log)
         (kill-buffer "fb-a") (kill-buffer "fb-b") (kill-buffer "fb-c")
         (nreverse log)))
(condition-case e (bury-buffer-internal "x") (error e))
(let ((n 0)) (let ((buffer-list-update-hook (list (lambda () (setq n (1+ n)))))) (let ((b (get-buffer-create "fb-h"))) (bury-buffer-internal b) (switch-to-buffer b) (switch-to-buffer b t) (kill-buffer b))) n)

;; Small helpers
(mapcar #'files--name-absolute-system-p '("/x" "~/x" "x" "~" "/:x" ""))
(with-temp-buffer (list (files--force t #'insert-file-contents "/nonexist") (files--force 'x #'insert-file-contents "/nonexist") (files--force 7 #'insert-file-contents "/nonexist")))
(with-temp-buffer (condition-case e (files--force nil #'insert-file-contents "/nonexist") (error e)))
(files--force t #'car '(1 2))
(condition-case e (files--force t #'signal 'file-error '("x")) (error e))
(list (confirm-nonexistent-file-or-buffer) (let ((confirm-nonexistent-file-or-buffer t)) (confirm-nonexistent-file-or-buffer)) (let ((confirm-nonexistent-file-or-buffer nil)) (confirm-nonexistent-file-or-buffer)) (let ((confirm-nonexistent-file-or-buffer 'x)) (confirm-nonexistent-file-or-buffer)) confirm-nonexistent-file-or-buffer)
(fb-run (("f1.txt" . "a\n") ("f2.txt" . "b\n")) (let ((n 0)) (let ((read-only-mode-hook (list (lambda () (setq n (1+ n)))))) (list (mapcar #'buffer-name (find-file-read-only (fb-file "f*.txt") t)) n buffer-read-only))))
