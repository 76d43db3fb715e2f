;;; edebug-tests.el --- Edebug's specifications and its runtime, without buffers  -*- lexical-binding: t -*-

;; Written for tsmacs.

(require 'ert)
(require 'edebug)

(defmacro edebug-tests--m1 (a &rest body)
  (declare (debug (form body)))
  `(progn ,a ,@body))
(defalias 'edebug-tests--m2 'edebug-tests--m1)
(put 'edebug-tests--m3 'edebug-form-spec 'edebug-tests--m1)

(ert-deftest edebug-tests-features ()
  (should (featurep 'edebug))
  (should (featurep 'find-func)))

(ert-deftest edebug-tests-options ()
  (should (eq edebug-all-defs nil))
  (should (eq edebug-all-forms nil))
  (should (eq edebug-initial-mode 'step))
  (should (eq edebug-eval-macro-args nil))
  (should (equal (list edebug-print-length edebug-print-level edebug-print-circle)
                 '(50 50 t)))
  (should (eq edebug-max-depth 150))
  (should (equal (mapcar #'car edebug-behavior-alist) '(edebug)))
  (dolist (var '(edebug-all-defs edebug-all-forms edebug-initial-mode
                 edebug-trace edebug-on-error edebug-max-depth edebug-setup-hook))
    (should (custom-variable-p var))))

(ert-deftest edebug-tests-def-edebug-spec ()
  (should (equal (macroexpand '(def-edebug-spec edebug-tests--x (form body)))
                 '(put 'edebug-tests--x 'edebug-form-spec '(form body))))
  (def-edebug-spec edebug-tests--x (sexp form))
  (should (equal (get 'edebug-tests--x 'edebug-form-spec) '(sexp form)))
  (should (equal (edebug-get-spec 'edebug-tests--x) '(sexp form))))

(ert-deftest edebug-tests-elem-spec ()
  (def-edebug-elem-spec 'edebug-tests--elem '(symbolp form))
  (should (equal (get 'edebug-tests--elem 'edebug-elem-spec) '(symbolp form)))
  (should (equal (should-error (def-edebug-elem-spec 'edebug-tests--elem 'form))
                 '(error "Edebug spec has to be a list: form"))))

(ert-deftest edebug-tests-get-spec ()
  (should (equal (edebug-get-spec 'edebug-tests--m1) '(form body)))
  (should (equal (edebug-get-spec 'edebug-tests--m2) '(form body)))
  (should (equal (edebug-get-spec 'edebug-tests--m3) '(form body)))
  (should-not (edebug-get-spec 'car))
  (should-not (edebug-get-spec 'edebug-tests--nothing)))

(ert-deftest edebug-tests-core-specs ()
  (should (equal (edebug-get-spec 'quote) '(sexp)))
  (should (equal (edebug-get-spec 'setq) '(&rest symbolp form)))
  (should (equal (edebug-get-spec 'setq-default) '(&rest symbolp form)))
  (should (equal (edebug-get-spec 'defvar) '(symbolp &optional form stringp)))
  (should (equal (edebug-get-spec 'defconst) '(symbolp &optional form stringp)))
  (should (equal (edebug-get-spec 'let)
                 '((&rest &or (symbolp &optional form) symbolp) body)))
  (should (equal (edebug-get-spec 'let*) (edebug-get-spec 'let)))
  (should (equal (edebug-get-spec 'cond) '(&rest (&rest form))))
  (should (equal (edebug-get-spec 'condition-case)
                 '(symbolp form &rest ([&or symbolp (&rest symbolp)] body))))
  (should (equal (edebug-get-spec 'function) '(&or symbolp lambda-expr)))
  (should (equal (edebug-get-spec 'defun)
                 '(&define name lambda-list lambda-doc
                           [&optional ("declare" def-declarations)]
                           [&optional ("interactive" &optional [&or stringp def-form] &rest symbolp)]
                           def-body)))
  (should (equal (edebug-get-spec 'defmacro)
                 '(&define name lambda-list lambda-doc
                           [&optional ("declare" def-declarations)]
                           def-body)))
  (should (equal (edebug-get-spec 'lambda)
                 '(&define lambda-list lambda-doc
                           [&optional ("interactive" interactive)]
                           def-body)))
  ;; Special forms whose arguments are all forms need none.
  (dolist (sym '(if progn and or while catch unwind-protect prog1
                 save-excursion save-restriction save-current-buffer))
    (should-not (edebug-get-spec sym))))

(ert-deftest edebug-tests-elem-specs ()
  (should (equal (get 'lambda-expr 'edebug-elem-spec)
                 '(("lambda" &define lambda-list lambda-doc
                    [&optional ("interactive" interactive)]
                    def-body))))
  (should (equal (get 'lambda-doc 'edebug-elem-spec)
                 '(&optional [&or stringp (&define ":documentation" def-form)])))
  (should (equal (get 'interactive 'edebug-elem-spec)
                 '(&optional [&or stringp def-form] &rest symbolp)))
  (should (equal (get 'gv-place 'edebug-elem-spec) '(form))))

(ert-deftest edebug-tests-enter ()
  "Outside instrumented code the stop points are not defined."
  (should-error (edebug-after 0 1 7) :type 'void-function)
  (should-error (edebug-before 0) :type 'void-function)
  ;; GNU's default behavior shows the source, so a run of it needs a
  ;; buffer; a behavior of one's own needs none.
  (let* ((log nil)
         (edebug-behavior-alist
          `((edebug-tests--log
             ,(lambda (func args body) (push (list 'enter func args) log) (funcall body))
             ,(lambda (before) (push (list 'before before) log) 'b)
             ,(lambda (before after value) (push (list 'after before after value) log)
                value)))))
    (put 'edebug-tests--g 'edebug-behavior 'edebug-tests--log)
    (should (equal (edebug-enter 'edebug-tests--g '(2)
                                 (lambda () (edebug-after (edebug-before 3) 4 'v)))
                   'v))
    (should (equal (nreverse log)
                   '((enter edebug-tests--g (2)) (before 3) (after b 4 v))))))

;;; edebug-tests.el ends here
