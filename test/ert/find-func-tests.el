;;; find-func-tests.el --- find-func, symbol-file, load-history and file-truename  -*- lexical-binding: t -*-

;; Written for tsmacs.  Run from the repository's root, as scripts/record-ert.sh
;; and test/ert.test.ts do: the symbolic links of node_modules/.bin serve as
;; links to follow.

(require 'ert)
(require 'find-func)

;; Defined while this file loads, so that `load-history' records them.
(defvar find-func-tests--var 1)
(defconst find-func-tests--const 2)
(defcustom find-func-tests--option 3 "An option." :type 'integer :group 'lisp)
(defvaralias 'find-func-tests--alias 'find-func-tests--var)
(defun find-func-tests--fun () 1)
(define-symbol-prop 'find-func-tests--a 'find-func-tests--prop 1)
(define-symbol-prop 'find-func-tests--b 'find-func-tests--prop 2)
(define-symbol-prop 'find-func-tests--a 'find-func-tests--other 3)
(ert-deftest find-func-tests--a-test () (should t))

(defconst find-func-tests--file load-file-name)

(ert-deftest find-func-tests-load-history-entry ()
  (let* ((entry (assoc find-func-tests--file load-history))
         (props (assq 'define-symbol-props (cdr entry))))
    (should entry)
    (should (equal (seq-filter (lambda (item)
                                 (memq item '(find-func-tests--var
                                              find-func-tests--const
                                              find-func-tests--option
                                              find-func-tests--alias)))
                               (cdr entry))
                   '(find-func-tests--var
                     find-func-tests--const
                     find-func-tests--option
                     find-func-tests--alias)))
    ;; One entry for the file, one list per property, newest first.
    (should (equal (mapcar #'car (cdr props))
                   '(ert--test find-func-tests--other find-func-tests--prop)))
    (should (equal (cdr (assq 'find-func-tests--prop props))
                   '(find-func-tests--b find-func-tests--a)))
    (should (equal (last (cdr (assq 'ert--test props)))
                   '(find-func-tests--a-test)))))

(ert-deftest find-func-tests-symbol-file ()
  (dolist (var '(find-func-tests--var find-func-tests--const
                 find-func-tests--option find-func-tests--alias))
    (should (equal (symbol-file var) find-func-tests--file))
    (should (equal (symbol-file var 'defvar) find-func-tests--file))
    (should-not (symbol-file var 'defun)))
  (should (equal (symbol-file 'find-func-tests--fun 'defun) find-func-tests--file))
  (should-not (symbol-file 'find-func-tests--fun 'defvar))
  (should (equal (symbol-file 'find-func-tests--a 'find-func-tests--prop)
                 find-func-tests--file))
  (should (equal (symbol-file 'find-func-tests--b 'find-func-tests--prop)
                 find-func-tests--file))
  (should-not (symbol-file 'find-func-tests--b 'find-func-tests--other))
  (should-not (symbol-file 'find-func-tests--b))
  (should (equal (symbol-file 'find-func-tests--a-test 'ert--test)
                 find-func-tests--file))
  (should-not (symbol-file nil))
  (should-not (symbol-file "find-func-tests--var"))
  (should-not (symbol-file 'find-func-tests--no-such-thing)))

(ert-deftest find-func-tests-symbol-file-autoload ()
  (autoload 'find-func-tests--auto "find-func-tests-nowhere")
  (unwind-protect
      (progn
        (should (equal (symbol-file 'find-func-tests--auto) "find-func-tests-nowhere"))
        (should (equal (symbol-file 'find-func-tests--auto 'defun)
                       "find-func-tests-nowhere"))
        (should-not (symbol-file 'find-func-tests--auto 'defvar)))
    (fmakunbound 'find-func-tests--auto)))

(ert-deftest find-func-tests-function-library ()
  (should (equal (find-function-library 'find-func-tests--fun)
                 (cons 'find-func-tests--fun find-func-tests--file)))
  (defalias 'find-func-tests--fun-alias 'find-func-tests--fun)
  (should (equal (find-function-library 'find-func-tests--fun-alias)
                 (cons 'find-func-tests--fun find-func-tests--file)))
  (autoload 'find-func-tests--auto "find-func-tests-nowhere")
  (should (equal (find-function-library 'find-func-tests--auto)
                 '(find-func-tests--auto . "find-func-tests-nowhere")))
  (fmakunbound 'find-func-tests--auto)
  (should-error (find-function-library 'find-func-tests--no-such-function)
                :type 'void-function)
  (should (equal (should-error (find-function-library 'car t))
                 '(error "car is a built-in function"))))
;; An alias of a void function is left out: GNU 28.2 loops forever on it,
;; tsmacs signals `void-function'.

(ert-deftest find-func-tests-library-name ()
  (let ((ring (find-library-name "ring")))
    (should (file-name-absolute-p ring))
    (should (string-match-p "/ring\\.el\\(\\.gz\\)?\\'" ring))
    (should (equal (find-library-name "ring.elc") ring))
    (should (equal (find-library-name "ring.el") ring)))
  (should (equal (should-error (find-library-name "find-func-tests-nowhere"))
                 '(file-error "Can't find library" "find-func-tests-nowhere")))
  (should (member ".el" (find-library-suffixes)))
  (should-not (member ".elc" (find-library-suffixes))))

(ert-deftest find-func-tests-regexp-alist ()
  (should (eq (cdr (assq 'defvar find-function-regexp-alist)) 'find-variable-regexp))
  (should (eq (cdr (assq nil find-function-regexp-alist)) 'find-function-regexp))
  (should (eq (cdr (assq 'ert--test find-function-regexp-alist))
              'ert--find-test-regexp))
  (let ((find-function-regexp-alist (copy-sequence find-function-regexp-alist)))
    (add-to-list 'find-function-regexp-alist '(my-type . find-func-tests--x))
    (should (assq 'my-type find-function-regexp-alist)))
  (dolist (probe `((,find-function-regexp "(defun foo (x)" "(defun foobar ()")
                   (,find-function-regexp "  (defmacro foo\n" "(defvar foo 1)")
                   (,find-function-regexp "(defsubst foo ()" ";; (defun foo ()")
                   (,find-variable-regexp "(defvar foo 1)" "(defvar foo-bar 1)")
                   (,find-variable-regexp "(defcustom foo 1" "(defun foo ()")
                   (,ert--find-test-regexp "(ert-deftest foo ()" "(ert-deftest foo-2 ()")))
    (let ((regexp (format (nth 0 probe) (regexp-quote "foo"))))
      (should (string-match-p regexp (nth 1 probe)))
      (should-not (string-match-p regexp (nth 2 probe))))))

(ert-deftest find-func-tests-truename ()
  (should (equal (file-truename "/") "/"))
  (should (equal (file-truename "/find-func-tests-nowhere/../a//b/")
                 "/a/b/"))
  (should (equal (file-truename "test/ert/../ert/find-func-tests.el")
                 (expand-file-name "test/ert/find-func-tests.el")))
  (should (equal (file-truename "node_modules/.bin/tsc")
                 (expand-file-name "node_modules/typescript/bin/tsc")))
  ;; ".." after a link is the parent of where the link leads.
  (should (equal (file-truename "node_modules/.bin/tsc/../x")
                 (expand-file-name "node_modules/typescript/bin/x")))
  (should (equal (file-truename "node_modules/.bin/./tsc/")
                 (expand-file-name "node_modules/typescript/bin/tsc/")))
  (should (equal (should-error (file-truename nil)) '(wrong-type-argument arrayp nil)))
  (should (file-accessible-directory-p "test"))
  (should (file-accessible-directory-p "test/"))
  (should-not (file-accessible-directory-p "README.md"))
  (should-not (file-accessible-directory-p "find-func-tests-nowhere"))
  (should-error (file-accessible-directory-p nil) :type 'wrong-type-argument))

;;; find-func-tests.el ends here
