;;; subr-files-more-tests.el --- third-party-style tests of more subr/files helpers  -*- lexical-binding: t -*-

;; Uses only what GNU Emacs 28.2 has at start-up: change groups, events,
;; yanking, keymap helpers, symbolic file modes, backups, url-util and
;; find-func, the way a package's own test suite would.

(require 'ert)

(ert-deftest sfm-atomic-change-group-undoes-on-error ()
  (with-temp-buffer
    (buffer-enable-undo)
    (insert "keep")
    (should-error (atomic-change-group
                    (insert " lost")
                    (delete-region 1 3)
                    (error "stop")))
    (should (equal (buffer-string) "keep"))
    (atomic-change-group (insert "!"))
    (should (equal (buffer-string) "keep!"))))

(ert-deftest sfm-change-group-cancel-by-hand ()
  (with-temp-buffer
    (insert "abc")
    (let ((g (prepare-change-group)))
      (activate-change-group g)
      (goto-char (point-min))
      (insert "X")
      (cancel-change-group g))
    (should (equal (buffer-string) "abc"))
    (should (eq buffer-undo-list t))))

(ert-deftest sfm-combine-change-calls-runs-hooks-once ()
  (with-temp-buffer
    (insert "0123456789")
    (let* ((calls 0)
           (after-change-functions (list (lambda (&rest _) (setq calls (1+ calls))))))
      (combine-change-calls 2 8
        (goto-char 3) (insert "ab") (delete-region 5 7) (insert "c"))
      (should (= calls 1)))))

(ert-deftest sfm-event-parsing ()
  (should (equal (event-modifiers 'C-M-down-mouse-1) '(meta control down)))
  (should (eq (event-basic-type 'C-M-down-mouse-1) 'mouse-1))
  (should (equal (event-modifiers ?\C-x) '(control)))
  (should (= (event-basic-type ?\M-A) ?a))
  (should (equal (listify-key-sequence "\C-xa") '(24 97)))
  (should (eventp 'f1))
  (should-not (eventp "f1")))

(ert-deftest sfm-insert-for-yank-strips-excluded-properties ()
  (with-temp-buffer
    (insert-for-yank (propertize "txt" 'face 'bold 'invisible t 'field 'f))
    (should (equal (buffer-string) "txt"))
    (should (eq (get-text-property 1 'face) 'bold))
    (should-not (get-text-property 1 'invisible))
    (should-not (get-text-property 1 'field))))

(ert-deftest sfm-define-key-after-orders-bindings ()
  (let ((map (make-sparse-keymap)))
    (define-key map [a] 'cmd-a)
    (define-key map [b] 'cmd-b)
    (define-key-after map [c] 'cmd-c 'a)
    (let ((order nil))
      (map-keymap (lambda (ev _) (push ev order)) map)
      (should (equal (nreverse order) '(b a c))))))

(ert-deftest sfm-substitute-key-definition ()
  (let ((map (make-sparse-keymap)))
    (define-key map "x" 'old-cmd)
    (define-key map "\C-cx" 'old-cmd)
    (substitute-key-definition 'old-cmd 'new-cmd map)
    (should (eq (lookup-key map "x") 'new-cmd))
    (should (eq (lookup-key map "\C-cx") 'new-cmd))))

(ert-deftest sfm-forward-symbol-and-whitespace ()
  (with-temp-buffer
    (insert "alpha-beta   gamma")
    (goto-char (point-min))
    (forward-symbol 1)
    (should (= (point) 11))
    (forward-whitespace 1)
    (should (looking-at "gamma"))))

(ert-deftest sfm-find-tag-default ()
  (with-temp-buffer
    (insert "call some-function here")
    (goto-char 8)
    (should (equal (find-tag-default) "some-function"))
    (should (equal (find-tag-default-as-symbol-regexp) "\\_<some-function\\_>"))))

(ert-deftest sfm-symbolic-file-modes ()
  (should (= (file-modes-rights-to-number "+x" #o700 #o600) #o700))
  (should (= (file-modes-char-to-who ?a) #o7777))
  (should (= (file-modes-symbolic-to-number "go-r" #o644) #o600))
  (should-error (file-modes-char-to-right ?q)))

(ert-deftest sfm-make-empty-file-and-append ()
  (let ((dir (make-temp-file "sfm" t)))
    (unwind-protect
        (let ((default-directory (file-name-as-directory dir)))
          (make-empty-file "new")
          (should (file-exists-p "new"))
          (should-error (make-empty-file "new") :type 'file-already-exists)
          (with-temp-buffer
            (insert "one")
            (append-to-file (point-min) (point-max) "new")
            (append-to-file (point-min) (point-max) "new"))
          (with-temp-buffer
            (insert-file-contents "new")
            (should (equal (buffer-string) "oneone"))))
      (delete-directory dir t))))

(ert-deftest sfm-numbered-backups ()
  (let ((dir (make-temp-file "sfm" t)))
    (unwind-protect
        (let ((file (expand-file-name "f.txt" dir)))
          (write-region "" nil file)
          (should (equal (find-backup-file-name file) (list (concat file "~"))))
          (write-region "" nil (concat file ".~2~"))
          (should (equal (car (find-backup-file-name file)) (concat file ".~3~")))
          (should (equal (file-newest-backup file) (concat file ".~2~"))))
      (delete-directory dir t))))

(ert-deftest sfm-url-util-parts ()
  (should (equal (url-file-directory "http://h/a/b.html?q=1") "http://h/a/"))
  (should (equal (url-file-nondirectory "http://h/a/b.html") "b.html"))
  (should (equal (url-file-extension "http://h/a/b.tar.gz") ".gz"))
  (should (equal (url-parse-args "A=1; b=\"two\"") '(("b" . "two") ("a" . "1"))))
  (should (equal (url-insert-entities-in-string "<&>") "&lt;&amp;&gt;")))

(ert-deftest sfm-format-network-address ()
  (should (equal (format-network-address [10 0 0 1 22]) "10.0.0.1:22"))
  (should (equal (format-network-address [10 0 0 1 22] t) "10.0.0.1"))
  (should (equal (format-network-address [0 0 0 0 0 0 0 1 80]) "[0:0:0:0:0:0:0:1]:80")))

(ert-deftest sfm-minibuffer-state-in-batch ()
  (should (= (minibuffer-depth) 0))
  (should-not (minibufferp))
  (should-not (minibuffer-prompt))
  (should (member "*scratch*" (internal-complete-buffer "*scr" nil t))))

(ert-deftest sfm-macroexp-helpers ()
  (should (equal (macroexp-if 'a 'b '(if c d)) '(cond (a b) (c d))))
  (should (equal (macroexp--fgrep '((x 1) (y 2)) '(+ y 3)) '((y 2))))
  (should (equal (macroexp--unfold-lambda '((lambda (a) (* a 2)) 4)) '(let ((a 4)) (* a 2)))))

(ert-deftest sfm-expected-failure-example ()
  :expected-result :failed
  (should (equal (url-file-extension "noext") ".none")))

;;; subr-files-more-tests.el ends here
