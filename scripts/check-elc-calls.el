;;; check-elc-calls.el --- list the calls of a compiled library that nothing defines  -*- lexical-binding: t -*-

;; Loaded by scripts/check-elc-calls.mjs after one lisp/X.elc, in a fresh process on the default
;; image.  The script hands over the .elc's forms as printed text (FILE, one form after another);
;; `elc-calls-report' walks them as code (their macros are already expanded), gathers every
;; symbol they may call, and prints one line per symbol that is not `fboundp':
;;
;;   HIT NAME WHERE GUARD
;;
;; WHERE is the top-level definition it sits in, GUARD `guarded' when the same definition tests
;; the name with `fboundp' or `functionp' (a call an optional package is meant to provide), else
;; `-', or `no-library' for an autoload whose file `locate-library' cannot find.  The features the forms `require' inside functions (at run time, not at load) are loaded
;; before the names are tested, as a call from there would find them.

(defvar elc-calls--found nil "Alist of (NAME . WHERE) of the names the walk saw called.")
(defvar elc-calls--tested nil "The names tested by `fboundp' or `functionp' in the current definition.")
(defvar elc-calls--guards nil "Alist of (WHERE . NAMES) of the tested names, per definition.")
(defvar elc-calls--features nil "The features required inside the forms.")
(defvar elc-calls--where nil "The definition being walked.")

(defun elc-calls--note (name) "Record that NAME may be called from the current definition."
  (when (and (symbolp name) name (not (eq name t)) (not (keywordp name)))
    (unless (member (cons name elc-calls--where) elc-calls--found)
      (push (cons name elc-calls--where) elc-calls--found))))

(defun elc-calls--quoted-symbol (x) "The symbol X quotes (\\='S or #\\='S), or nil."
  (and (consp x) (memq (car x) '(quote function)) (consp (cdr x)) (symbolp (cadr x)) (cadr x)))

(defun elc-calls--body (forms) "Walk each of FORMS as code."
  (while (consp forms)
    (elc-calls--walk (car forms))
    (setq forms (cdr forms))))

(defun elc-calls--lambda (fun) "Walk the body of the lambda expression FUN."
  (elc-calls--body (cddr fun)))

(defconst elc-calls--funargs
  '((funcall 1) (apply 1) (mapcar 1) (mapc 1) (mapcan 1) (mapconcat 1) (apply-partially 1)
    (funcall-interactively 1) (call-interactively 1) (seq-map 1) (seq-do 1) (seq-filter 1)
    (seq-remove 1) (cl-mapcar 1) (cl-remove-if 1) (cl-remove-if-not 1) (cl-find-if 1)
    (cl-position-if 1) (cl-some 1) (cl-every 1) (maphash 1) (mapatoms 1) (sort 2) (cl-sort 2)
    (add-hook 2) (remove-hook 2) (advice-add 3) (advice-remove 2) (defalias 2)
    (run-with-timer 3) (run-at-time 3) (run-with-idle-timer 3) (define-key 3) (global-set-key 2)
    (local-set-key 2) (add-function 3) (advice--add-function 3))
  "Functions and the positions of their arguments that are functions they call.")

(defun elc-calls--walk (form) "Walk FORM as code, noting the functions it may call."
  (when (consp form)
    (let ((head (car form)))
      (cond
       ((eq head 'quote) nil)
       ((eq head 'function)
        (let ((f (cadr form)))
          (cond ((symbolp f) (elc-calls--note f))
                ((and (consp f) (eq (car f) 'lambda)) (elc-calls--lambda f))
                ((and (consp f) (eq (car f) 'closure)) (elc-calls--body (nthcdr 3 f))))))
       ((eq head 'lambda) (elc-calls--lambda form))
       ((memq head '(let let*))
        (dolist (b (cadr form))
          (when (consp b) (elc-calls--body (cdr b))))
        (elc-calls--body (cddr form)))
       ((eq head 'cond)
        (dolist (clause (cdr form))
          (elc-calls--body clause)))
       ((eq head 'condition-case)
        (elc-calls--walk (nth 2 form))
        (dolist (h (nthcdr 3 form))
          (when (consp h) (elc-calls--body (cdr h)))))
       ((memq head '(setq setq-default))
        (let ((args (cdr form)))
          (while (consp args)
            (elc-calls--walk (cadr args))
            (setq args (cddr args)))))
       ((memq head '(defvar defconst))
        (elc-calls--body (cddr form)))
       ((eq head 'interactive)
        (elc-calls--body (cdr form)))
       ((consp head)
        ;; ((lambda ARGS . BODY) ARGS...)
        (elc-calls--walk (list 'function head))
        (elc-calls--body (cdr form)))
       ((symbolp head)
        (unless (special-form-p head) (elc-calls--note head))
        (when (and (memq head '(fboundp functionp)) (elc-calls--quoted-symbol (cadr form)))
          (push (elc-calls--quoted-symbol (cadr form)) elc-calls--tested))
        (when (and (eq head 'require) (elc-calls--quoted-symbol (cadr form)))
          (unless (memq (cadr (cadr form)) elc-calls--features)
            (push (cadr (cadr form)) elc-calls--features)))
        (dolist (pos (cdr (assq head elc-calls--funargs)))
          (let* ((a (nth pos form))
                 (s (and (consp a) (eq (car a) 'quote) (elc-calls--quoted-symbol a))))
            (when s (elc-calls--note s))))
        (when (eq head 'custom-declare-variable)
          ;; The option's :set, :get and :initialize functions.
          (let ((args (nthcdr 4 form)))
            (while (consp (cdr args))
              (let ((s (and (memq (car args) '(:set :get :initialize))
                            (consp (cadr args)) (eq (car (cadr args)) 'quote)
                            (elc-calls--quoted-symbol (cadr args)))))
                (when s (elc-calls--note s)))
              (setq args (cddr args)))))
        (when (eq head 'tsmacs-elc--source)
          (setq form (list nil (macroexpand-all (cdr form)))))
        (elc-calls--body (cdr form)))))))

(defun elc-calls--name (form) "The name of the top-level definition FORM, or `toplevel'."
  (or (and (consp form) (memq (car form) '(defalias defvar defconst put custom-declare-variable))
           (or (elc-calls--quoted-symbol (cadr form))
               (and (symbolp (cadr form)) (cadr form))))
      'toplevel))

(defun elc-calls-report (file) "Walk the forms printed in FILE and print the calls nothing defines."
  (let ((forms (with-temp-buffer
                 (insert-file-contents file)
                 (let ((out nil))
                   (condition-case nil
                       (while t (push (read (current-buffer)) out))
                     (end-of-file nil))
                   (nreverse out)))))
    (dolist (form forms)
      (let ((elc-calls--where (elc-calls--name form))
            (elc-calls--tested nil))
        (elc-calls--walk form)
        (when elc-calls--tested
          (push (cons elc-calls--where elc-calls--tested) elc-calls--guards))))
    ;; What the functions require when they run.
    (dolist (f elc-calls--features)
      (condition-case err
          (require f)
        (error (princ (format "NOTE require %s failed: %S\n" f err)))))
    (princ (format "FORMS %d CALLED %d\n" (length forms)
                   (length (delete-dups (mapcar #'car elc-calls--found)))))
    (dolist (hit (reverse elc-calls--found))
      (let ((name (car hit)) (where (cdr hit)))
        (cond
         ((not (fboundp name))
          (princ (format "HIT %S %S %s\n" name where
                         (if (memq name (cdr (assq where elc-calls--guards))) "guarded" "-"))))
         ;; An autoload whose library is not there fails as a void function would.
         ((and (autoloadp (symbol-function name))
               (not (locate-library (nth 1 (symbol-function name)))))
          (princ (format "HIT %S %S %s\n" name where "no-library"))))))))

;;; check-elc-calls.el ends here
