;;; modes-tests.el --- ERT tests of major and minor modes, syntax-ppss and syntax-propertize  -*- lexical-binding: t -*-

;; Written for tsmacs; runs unchanged under GNU Emacs 28.2.

(require 'ert)

(defvar modes-tests--log nil)
(defun modes-tests--note (x) (push x modes-tests--log))

(define-derived-mode modes-tests-parent-mode text-mode "MTP"
  "A parent for the tests."
  (modes-tests--note 'parent-body))

(define-derived-mode modes-tests-child-mode modes-tests-parent-mode "MTC"
  "A child for the tests."
  :after-hook (modes-tests--note 'child-after)
  (modes-tests--note 'child-body))

(define-minor-mode modes-tests-minor-mode "A buffer-local minor mode for the tests."
  :lighter " MT"
  (modes-tests--note (list 'minor modes-tests-minor-mode)))

(define-minor-mode modes-tests-global-mode "A global minor mode for the tests."
  :global t)

(ert-deftest modes-tests-derived-basics ()
  (with-temp-buffer
    (modes-tests-child-mode)
    (should (eq major-mode 'modes-tests-child-mode))
    (should (equal mode-name "MTC"))
    (should (derived-mode-p 'text-mode))
    (should (eq (derived-mode-p 'prog-mode 'modes-tests-parent-mode) 'modes-tests-parent-mode))
    (should-not (derived-mode-p 'prog-mode))
    (should (eq (syntax-table) modes-tests-child-mode-syntax-table))
    (should (eq (char-table-parent modes-tests-child-mode-syntax-table)
                modes-tests-parent-mode-syntax-table))
    (should (eq (current-local-map) modes-tests-child-mode-map))
    (should (eq (keymap-parent modes-tests-child-mode-map) modes-tests-parent-mode-map))))

(ert-deftest modes-tests-hook-order ()
  (let ((modes-tests--log nil)
        (text-mode-hook (list (lambda () (modes-tests--note 'text-hook))))
        (modes-tests-parent-mode-hook (list (lambda () (modes-tests--note 'parent-hook))))
        (modes-tests-child-mode-hook (list (lambda () (modes-tests--note 'child-hook))))
        (change-major-mode-after-body-hook (list (lambda () (modes-tests--note 'after-body))))
        (after-change-major-mode-hook (list (lambda () (modes-tests--note 'after-change)))))
    (with-temp-buffer (modes-tests-child-mode))
    (should (equal (reverse modes-tests--log)
                   '(parent-body child-body after-body text-hook parent-hook child-hook
                                 after-change child-after)))))

(ert-deftest modes-tests-delay-mode-hooks ()
  (let ((modes-tests--log nil)
        (modes-tests-child-mode-hook (list (lambda () (modes-tests--note 'child-hook)))))
    (with-temp-buffer
      (delay-mode-hooks (modes-tests-child-mode))
      (should (equal (reverse modes-tests--log) '(parent-body child-body)))
      (should (equal delayed-mode-hooks
                     '(modes-tests-child-mode-hook modes-tests-parent-mode-hook text-mode-hook)))
      (run-mode-hooks)
      (should (equal (reverse modes-tests--log) '(parent-body child-body child-hook child-after)))
      (should (null delayed-mode-hooks)))))

(ert-deftest modes-tests-provided-mode-derived-p ()
  (should (eq (provided-mode-derived-p 'emacs-lisp-mode 'prog-mode) 'prog-mode))
  (should (eq (provided-mode-derived-p 'lisp-interaction-mode 'lisp-data-mode) 'lisp-data-mode))
  (should-not (provided-mode-derived-p 'emacs-lisp-mode 'text-mode))
  (should (eq (provided-mode-derived-p 'modes-tests-child-mode 'text-mode 'modes-tests-parent-mode)
              'modes-tests-parent-mode)))

(ert-deftest modes-tests-local-variables-dropped ()
  (with-temp-buffer
    (setq-local modes-tests--var 1)
    (modes-tests-parent-mode)
    (should-not (local-variable-p 'modes-tests--var))
    (should text-mode-variant)))

(ert-deftest modes-tests-emacs-lisp-mode-settings ()
  (with-temp-buffer
    (emacs-lisp-mode)
    (should (equal comment-start ";"))
    (should (equal comment-start-skip ";+ *"))
    (should (equal comment-end ""))
    (should (eq comment-use-syntax t))
    (should (eq (syntax-table) emacs-lisp-mode-syntax-table))
    (should (eq (char-syntax ?\;) ?<))
    (should (eq (char-syntax ?\n) ?>))
    (should (eq (char-syntax ?') ?'))
    (should (eq (char-syntax ?-) ?_))
    (should (eq (char-syntax ?\[) ?\())))

(ert-deftest modes-tests-text-mode-syntax ()
  (with-temp-buffer
    (text-mode)
    (should (eq (char-syntax ?\") ?.))
    (should (eq (char-syntax ?\\) ?.))
    (should (eq (char-syntax ?') ?w))))

(ert-deftest modes-tests-minor-mode-args ()
  (with-temp-buffer
    (let ((modes-tests--log nil))
      (should (eq (modes-tests-minor-mode) t))
      (should (eq (modes-tests-minor-mode 'toggle) nil))
      (should (eq (modes-tests-minor-mode 1) t))
      (should (eq (modes-tests-minor-mode 0) nil))
      (should (eq (modes-tests-minor-mode 'x) t))
      (should (eq (modes-tests-minor-mode -1) nil))
      (should (equal (reverse modes-tests--log)
                     '((minor t) (minor nil) (minor t) (minor nil) (minor t) (minor nil)))))))

(ert-deftest modes-tests-minor-mode-hooks ()
  (with-temp-buffer
    (let ((seen nil))
      (add-hook 'modes-tests-minor-mode-hook (lambda () (push 'hook seen)) nil t)
      (add-hook 'modes-tests-minor-mode-on-hook (lambda () (push 'on seen)) nil t)
      (add-hook 'modes-tests-minor-mode-off-hook (lambda () (push 'off seen)) nil t)
      (modes-tests-minor-mode 1)
      (modes-tests-minor-mode -1)
      (should (equal (reverse seen) '(hook on hook off))))))

(ert-deftest modes-tests-minor-mode-locality ()
  (with-temp-buffer
    (modes-tests-minor-mode 1)
    (should (local-variable-p 'modes-tests-minor-mode))
    (should (memq 'modes-tests-minor-mode local-minor-modes))
    (should (equal (assq 'modes-tests-minor-mode minor-mode-alist) '(modes-tests-minor-mode " MT")))
    (with-temp-buffer (should-not modes-tests-minor-mode))))

(ert-deftest modes-tests-global-minor-mode ()
  (unwind-protect
      (progn
        (modes-tests-global-mode 1)
        (should (eq (default-value 'modes-tests-global-mode) t))
        (should (memq 'modes-tests-global-mode global-minor-modes))
        (with-temp-buffer (should modes-tests-global-mode)))
    (modes-tests-global-mode -1))
  (should-not modes-tests-global-mode)
  (should-not (memq 'modes-tests-global-mode global-minor-modes)))

(ert-deftest modes-tests-syntax-ppss ()
  (with-temp-buffer
    (emacs-lisp-mode)
    (insert "(defun f (x) \"a (b\" ; c (\n  (list ?\\( x))")
    (dotimes (i (buffer-size))
      (let ((pos (1+ i)))
        (should (equal (nth 0 (syntax-ppss pos)) (nth 0 (parse-partial-sexp 1 pos))))
        (should (equal (nth 3 (syntax-ppss pos)) (nth 3 (parse-partial-sexp 1 pos))))
        (should (equal (nth 8 (syntax-ppss pos)) (nth 8 (parse-partial-sexp 1 pos))))
        (should (= (point) pos))))
    (should (memq 'syntax-ppss-flush-cache before-change-functions))))

(ert-deftest modes-tests-syntax-ppss-after-change ()
  (with-temp-buffer
    (insert "(a b c)")
    (should (= (car (syntax-ppss 5)) 1))
    (goto-char 1)
    (insert "((")
    (should (= (car (syntax-ppss 7)) 3))
    (goto-char 1)
    (delete-char 3)
    (should (= (car (syntax-ppss 4)) 0))))

(ert-deftest modes-tests-syntax-propertize-rules ()
  (with-temp-buffer
    (setq-local syntax-propertize-function
                (syntax-propertize-rules ("\\(@\\)@" (1 "_")) ("%" (0 "."))))
    (insert "a@@b%c")
    (syntax-propertize (point-max))
    (should (equal (get-text-property 2 'syntax-table) (string-to-syntax "_")))
    (should-not (get-text-property 3 'syntax-table))
    (should (equal (get-text-property 5 'syntax-table) (string-to-syntax ".")))
    (should (= syntax-propertize--done (point-max)))))

(ert-deftest modes-tests-read-elisp-buffer ()
  (with-temp-buffer
    (emacs-lisp-mode)
    (insert ";;; a file\n(defun g () \"doc ; not a comment\" ?\\; 'x)\n;; (not read)\n(defvar h [1 2])\n")
    (goto-char (point-min))
    (should (equal (read (current-buffer)) '(defun g () "doc ; not a comment" 59 'x)))
    (should (equal (read (current-buffer)) '(defvar h [1 2])))
    (should-error (read (current-buffer)) :type 'end-of-file)))

(ert-deftest modes-tests-auto-mode ()
  (with-temp-buffer
    (setq buffer-file-name "/nonexistent/dir/x.el")
    (unwind-protect
        (progn (set-auto-mode) (should (eq major-mode 'emacs-lisp-mode)))
      (setq buffer-file-name nil)))
  (with-temp-buffer
    (setq buffer-file-name "/nonexistent/dir/notes.txt")
    (unwind-protect
        (progn (set-auto-mode) (should (eq major-mode 'text-mode)))
      (setq buffer-file-name nil))))

(ert-deftest modes-tests-special-mode ()
  (with-temp-buffer
    (special-mode)
    (should buffer-read-only)
    (should (eq (get 'special-mode 'mode-class) 'special))))

;;; modes-tests.el ends here
