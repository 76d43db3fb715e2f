;;; generator.el --- resumable functions: iter-lambda, iter-yield, iter-next  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; How it works.  A generator's body is macroexpanded, then rewritten in
;; continuation-passing style: every form that can reach an `iter-yield'
;; becomes code that hands its value to a continuation (a closure) instead
;; of returning it; forms that cannot yield are left alone and run as they
;; are.  A yield stores its continuation in the iterator's state and returns
;; to the driver, which hands the yielded value to `iter-next''s caller.
;;
;; The rewritten code never calls itself through a loop: the back edge of a
;; `while' returns a "bounce" (a thunk) to the driver, so the Lisp stack
;; stays flat however long a generator runs between yields.
;;
;; Constructs that must outlive a yield (a dynamic `let', `condition-case',
;; `catch', `unwind-protect') are kept as "frames": each frame is a
;; function that takes a thunk and runs it inside the construct.  The
;; driver re-enters every live frame, outermost first, each time it runs a
;; piece of the body, so the construct is in force exactly while the code
;; it encloses runs.  Entering or leaving a frame is always followed by a
;; bounce so that the frame list the driver uses stays current.

;;; Code:

(require 'cl-lib)

;; Not an `error': a plain `condition-case' on `error' lets it through.
(put 'iter-end-of-sequence 'error-conditions '(iter-end-of-sequence))
(put 'iter-end-of-sequence 'error-message "Iteration terminated")

(defvar cps-inhibit-atomic-optimization nil "Non-nil means rewrite even the forms of a generator that cannot yield.
This implementation always leaves such forms alone; the variable is kept
for code that binds it.")

(defun cps--special-form-p (definition) "Return non-nil if DEFINITION is a special form or a macro."
  (if (and (symbolp definition) definition (fboundp definition))
      (cps--special-form-p (indirect-function definition))
    (or (special-form-p definition) (macrop definition))))

(defun cps--outside-yield (&rest _) "Signal that `iter-yield' was used outside a generator."
  (error "`iter-yield' used outside a generator"))

(defalias 'cps-internal-yield #'cps--outside-yield)

(defmacro iter-yield (_value) "Suspend the current generator, giving VALUE to `iter-next''s caller.
The form's own value is what the next `iter-next' passes in."
  (cps--outside-yield))

(defmacro iter-yield-from (_iterator) "Yield each value ITERATOR gives, then return ITERATOR's final value."
  (cps--outside-yield))

;;; The state of one iterator: a vector [RESUME FRAMES FINISHED].

(defun cps--new-state () "Return the state of a fresh iterator."
  (vector nil nil nil))

(defun cps--enter (frames thunk) "Call THUNK inside each frame of FRAMES (innermost first)."
  (if frames
      (cps--enter (cdr frames) (let ((wrapper (car (car frames))))
                                 (lambda () (funcall wrapper thunk))))
    (funcall thunk)))

(defun cps--finish (state) "Mark the iterator with STATE finished."
  (aset state 0 nil)
  (aset state 1 nil)
  (aset state 2 t))

(defun cps--run (state value) "Resume the iterator with STATE, VALUE being the value of its pending yield."
  (if (aref state 2)
      (signal 'iter-end-of-sequence nil)
    (let* ((resume (aref state 0))
           (thunk (lambda () (funcall resume value)))
           (outcome nil)
           (clean nil))
      (aset state 0 nil)
      (unwind-protect
          (progn
            (while (eq (car (setq outcome (cps--enter (aref state 1) thunk))) :bounce)
              (setq thunk (cdr outcome)))
            (setq clean t))
        (unless clean (cps--finish state)))
      (if (eq (car outcome) :yield)
          (cdr outcome)
        (cps--finish state)
        (signal 'iter-end-of-sequence (cdr outcome))))))

(defun cps--close (state) "Close the iterator with STATE, running the cleanups of its pending `unwind-protect's.
The cleanups run outermost first, as GNU's do; the value is the last one's."
  (let ((value nil))
    (unless (aref state 2)
      (let ((frames (reverse (aref state 1))))
        (cps--finish state)
        (dolist (frame frames)
          (when (cdr frame) (setq value (funcall (cdr frame)))))))
    value))

(defun cps--dispatch (state op value) "Carry out OP (`:next' or `:close') on the iterator with STATE."
  (cond ((eq op :next) (cps--run state value))
        ((eq op :close) (cps--close state))
        (t (error "Unknown iterator operation %S" op))))

(defun iter-next (iterator &optional yield-result) "Resume ITERATOR and return the next value it yields.
YIELD-RESULT becomes the value of the `iter-yield' form ITERATOR is
suspended at.  When ITERATOR finishes, signal `iter-end-of-sequence' with
the value its body returned."
  (funcall iterator :next yield-result))

(defun iter-close (iterator) "Finish ITERATOR, running the cleanups of the `unwind-protect' forms it is inside."
  (funcall iterator :close nil))

;;; The rewriting.

(defvar cps--state-var nil "The variable holding the state of the iterator being rewritten.")

(defun cps--var (name) "Return a fresh uninterned symbol whose name starts with NAME."
  (make-symbol (format "cps-%s" name)))

(defun cps--yields-p (form) "Return non-nil if FORM, macroexpanded, can reach a yield."
  (cond ((not (consp form)) nil)
        ((memq (car form) '(quote function)) nil)
        ((eq (car form) 'cps-internal-yield) t)
        ((eq (car form) 'cond)
         (let ((found nil))
           (dolist (clause (cdr form)) (when (cps--any-yields-p clause) (setq found t)))
           found))
        ((eq (car form) 'condition-case)
         (or (cps--yields-p (nth 2 form))
             (let ((found nil))
               (dolist (h (nthcdr 3 form)) (when (cps--any-yields-p (cdr-safe h)) (setq found t)))
               found)))
        ((memq (car form) '(let let*))
         (or (let ((found nil))
               (dolist (b (nth 1 form))
                 (when (and (consp b) (cps--any-yields-p (cdr b))) (setq found t)))
               found)
             (cps--any-yields-p (nthcdr 2 form))))
        (t (cps--any-yields-p (cdr form)))))

(defun cps--any-yields-p (forms) "Return non-nil if some form of the list FORMS can reach a yield."
  (let ((found nil))
    (while (and (consp forms) (not found))
      (setq found (cps--yields-p (pop forms))))
    found))

(defun cps--with-k (k body-fn) "Call BODY-FN with a symbol naming continuation K, binding one if K is not a symbol."
  (if (symbolp k)
      (funcall body-fn k)
    (let ((v (cps--var "k")))
      `(let ((,v ,k)) ,(funcall body-fn v)))))

(defun cps--then (form fn) "Rewrite FORM so that its value goes to the code FN makes from a variable holding it."
  (if (cps--yields-p form)
      (let ((v (cps--var "v")))
        (cps--form form `(lambda (,v) ,(funcall fn v))))
    (let ((v (cps--var "v")))
      `(let ((,v ,form)) ,(funcall fn v)))))

(defun cps--bounce (form) "Return code that hands FORM, as a thunk, back to the driver."
  `(cons :bounce (lambda () ,form)))

(defun cps--push-frame (saved wrapper &optional closer) "Return code that saves the frame list in SAVED and pushes WRAPPER on it.
CLOSER, if non-nil, is code for the function `iter-close' calls for the frame."
  `(aset ,cps--state-var 1 (cons (cons ,wrapper ,closer) (setq ,saved (aref ,cps--state-var 1)))))

(defun cps--pop-frame (saved) "Return code that restores the frame list saved in SAVED."
  `(aset ,cps--state-var 1 ,saved))

(defun cps--body (forms k) "Rewrite the list FORMS as a `progn' whose value goes to continuation K."
  (cps--form (if (and (consp forms) (null (cdr forms))) (car forms) (cons 'progn forms)) k))

(defun cps--form (form k) "Rewrite FORM so that its value goes to the continuation K (code for a function)."
  (if (not (cps--yields-p form))
      `(funcall ,k ,form)
    (let ((head (car form)) (args (cdr form)))
      (pcase head
        ('cps-internal-yield
         (cps--then (car args)
                    (lambda (v) `(progn (aset ,cps--state-var 0 ,k) (cons :yield ,v)))))
        ((or 'progn 'inline)
         (cond ((null (cdr args)) (cps--form (car args) k))
               ((cps--yields-p (car args))
                (let ((ignored (cps--var "ignored")))
                  (cps--form (car args)
                             `(lambda (,ignored) (ignore ,ignored) ,(cps--body (cdr args) k)))))
               (t `(progn ,(car args) ,(cps--body (cdr args) k)))))
        ('prog1
         (cps--then (car args)
                    (lambda (v)
                      (let ((ignored (cps--var "ignored")))
                        (cps--body (cdr args) `(lambda (,ignored) (ignore ,ignored) (funcall ,k ,v)))))))
        ('if
         (cps--with-k k (lambda (kv)
                          (cps--then (car args)
                                     (lambda (c)
                                       `(if ,c ,(cps--form (nth 1 args) kv)
                                          ,(cps--body (nthcdr 2 args) kv)))))))
        ('and
         (cond ((null args) `(funcall ,k t))
               ((null (cdr args)) (cps--form (car args) k))
               (t (cps--form `(if ,(car args) (and ,@(cdr args)) nil) k))))
        ('or
         (cond ((null args) `(funcall ,k nil))
               ((null (cdr args)) (cps--form (car args) k))
               (t (cps--with-k k (lambda (kv)
                                   (cps--then (car args)
                                              (lambda (v)
                                                `(if ,v (funcall ,kv ,v)
                                                   ,(cps--form `(or ,@(cdr args)) kv)))))))))
        ('cond
         (cps--form (cps--cond-to-if args) k))
        ('while (cps--while (car args) (cdr args) k))
        ('setq (cps--setq args k))
        ('let (cps--let (car args) (cdr args) k))
        ('let*
         (if (null (car args))
             (cps--let nil (cdr args) k)
           (cps--let (list (caar args))
                     (if (cdar args) `((let* ,(cdar args) ,@(cdr args))) (cdr args))
                     k)))
        ('unwind-protect (cps--unwind-protect (car args) (cdr args) k))
        ('catch (cps--catch (car args) (cdr args) k))
        ('condition-case (cps--condition-case (car args) (nth 1 args) (nthcdr 2 args) k))
        ((guard (special-form-p head))
         (error "Special form %S incorrect or not supported" form))
        (_ (cps--call head args nil k))))))

(defun cps--cond-to-if (clauses) "Return `if'/`or' forms doing what a `cond' with CLAUSES does."
  (cond ((null clauses) nil)
        ((null (cdar clauses)) `(or ,(caar clauses) ,(cps--cond-to-if (cdr clauses))))
        (t `(if ,(caar clauses) (progn ,@(cdar clauses)) ,(cps--cond-to-if (cdr clauses))))))

(defun cps--call (fn args done k) "Rewrite a call of FN on ARGS; DONE holds the variables of the arguments already computed."
  (if (null args)
      `(funcall ,k (,fn ,@(reverse done)))
    (cps--then (car args) (lambda (v) (cps--call fn (cdr args) (cons v done) k)))))

(defun cps--setq (pairs k) "Rewrite `(setq ,@PAIRS)' with continuation K."
  (if (null pairs)
      `(funcall ,k nil)
    (cps--then (nth 1 pairs)
               (lambda (v)
                 (if (cddr pairs)
                     `(progn (setq ,(car pairs) ,v) ,(cps--setq (cddr pairs) k))
                   `(funcall ,k (setq ,(car pairs) ,v)))))))

(defun cps--while (test body k) "Rewrite `(while ,TEST ,@BODY)' with continuation K."
  (let ((loop (cps--var "loop")) (ignored (cps--var "ignored")))
    (cps--with-k
     k (lambda (kv)
         `(let ((,loop nil))
            (setq ,loop
                  (lambda ()
                    ,(cps--then test
                                (lambda (c)
                                  `(if ,c
                                       ,(cps--body body `(lambda (,ignored) (ignore ,ignored)
                                                           (cons :bounce ,loop)))
                                     (funcall ,kv nil))))))
            (funcall ,loop))))))

(defun cps--let (bindings body k) "Rewrite a parallel `let' of BINDINGS around BODY with continuation K."
  (let ((vars nil) (temps nil))
    (dolist (b bindings)
      (push (if (consp b) (car b) b) vars))
    (setq vars (nreverse vars))
    (cl-labels ((compute (rest done)
                  (if rest
                      (cps--then (and (consp (car rest)) (cadr (car rest)))
                                 (lambda (v) (compute (cdr rest) (cons v done))))
                    (setq temps (nreverse done))
                    (cps--let-bind vars temps body k))))
      (compute bindings nil))))

(defun cps--let-bind (vars values body k) "Bind VARS to the variables VALUES around BODY, rewritten with continuation K."
  (if (and (consp k) (cps--any-yields-p body))
      ;; K is code that may name a variable VARS rebind: bind it outside.
      (cps--with-k k (lambda (kv) (cps--let-bind vars values body kv)))
    (cps--let-bind-1 vars values body k)))

(defun cps--let-bind-1 (vars values body k)
  "Do what `cps--let-bind' does, K being a variable or BODY not yielding."
  (let* ((pairs (cl-mapcar #'list vars values))
         (special (cl-remove-if-not (lambda (p) (special-variable-p (car p))) pairs))
         (lexical (cl-remove-if (lambda (p) (special-variable-p (car p))) pairs)))
    (cond ((not (cps--any-yields-p body))
           `(funcall ,k (let ,pairs ,@body)))
          ((null special)
           `(let ,lexical ,(cps--body body k)))
          (t
           ;; The special variables live in a frame: bound while the body
           ;; runs, their values kept in CELLS while it is suspended.
           (let ((cells (cps--var "cells")) (saved (cps--var "saved"))
                 (inner (cps--var "inner")) (v (cps--var "v")) (i -1))
             `(let (,@lexical
                    (,cells (vector ,@(mapcar #'cadr special)))
                    (,saved nil))
                ,(cps--push-frame
                  saved
                  `(lambda (,inner)
                     (let ,(mapcar (lambda (p) `(,(car p) (aref ,cells ,(setq i (1+ i))))) special)
                       (unwind-protect (funcall ,inner)
                         ,@(let ((j -1))
                             (mapcar (lambda (p) `(aset ,cells ,(setq j (1+ j)) ,(car p))) special))))))
                ,(cps--bounce
                  (cps--body body `(lambda (,v)
                                     ,(cps--pop-frame saved)
                                     ,(cps--bounce `(funcall ,k ,v)))))))))))

(defun cps--unwind-protect (bodyform cleanups k) "Rewrite `(unwind-protect ,BODYFORM ,@CLEANUPS) with continuation K."
  (if (not (cps--yields-p bodyform))
      `(funcall ,k (unwind-protect ,bodyform ,@cleanups))
    (let ((saved (cps--var "saved")) (inner (cps--var "inner"))
          (done (cps--var "done")) (v (cps--var "v")))
      `(let ((,saved nil))
         ,(cps--push-frame
           saved
           `(lambda (,inner)
              (let ((,done nil))
                (unwind-protect (prog1 (funcall ,inner) (setq ,done t))
                  (unless ,done ,(cps--pop-frame saved) ,@cleanups))))
           `(lambda () ,@cleanups))
         ,(cps--bounce
           (cps--form bodyform `(lambda (,v)
                                  ,(cps--pop-frame saved)
                                  ,(cps--bounce `(progn ,@cleanups (funcall ,k ,v))))))))))

(defun cps--catch (tag body k) "Rewrite `(catch ,TAG ,@BODY)' with continuation K."
  (if (not (cps--any-yields-p body))
      (cps--then tag (lambda (tv) `(funcall ,k (catch ,tv ,@body))))
    (let ((saved (cps--var "saved")) (inner (cps--var "inner"))
          (done (cps--var "done")) (v (cps--var "v")) (r (cps--var "r")))
      (cps--with-k
       k (lambda (kv)
           (cps--then
            tag
            (lambda (tv)
              `(let ((,saved nil))
                 ,(cps--push-frame
                   saved
                   `(lambda (,inner)
                      (let* ((,done nil)
                             (,r (catch ,tv (prog1 (funcall ,inner) (setq ,done t)))))
                        (if ,done ,r
                          ,(cps--pop-frame saved)
                          ,(cps--bounce `(funcall ,kv ,r))))))
                 ,(cps--bounce
                   (cps--body body `(lambda (,v)
                                      ,(cps--pop-frame saved)
                                      ,(cps--bounce `(funcall ,kv ,v)))))))))))))

(defun cps--condition-case (var bodyform handlers k) "Rewrite a `condition-case' binding VAR with continuation K."
  (let ((success (assq :success handlers))
        (others (cl-remove-if (lambda (h) (eq (car-safe h) :success)) handlers)))
    (cps--with-k
     k (lambda (kv)
         (let ((handle (lambda (h value)
                         (if var
                             `(let ((,var ,value)) ,(cps--body (cdr h) kv))
                           (cps--body (cdr h) kv)))))
           (if (not (cps--yields-p bodyform))
               ;; Only handlers can yield: find out which one applies, then
               ;; run it rewritten.
               (let ((out (cps--var "out")) (err (cps--var "err")) (i 0))
                 `(let ((,out (condition-case ,err (cons -1 ,bodyform)
                                ,@(mapcar (lambda (h) `(,(car h) (cons ,(setq i (1+ i)) ,err)))
                                          others))))
                    (cond ((eq (car ,out) -1)
                           ,(if success (funcall handle success `(cdr ,out))
                              `(funcall ,kv (cdr ,out))))
                          ,@(let ((j 0))
                              (mapcar (lambda (h) `((eq (car ,out) ,(setq j (1+ j)))
                                                   ,(funcall handle h `(cdr ,out))))
                                      others)))))
             (let ((saved (cps--var "saved")) (inner (cps--var "inner"))
                   (err (cps--var "err")) (v (cps--var "v")))
               `(let ((,saved nil))
                  ,(cps--push-frame
                    saved
                    `(lambda (,inner)
                       (condition-case ,err (funcall ,inner)
                         ,@(mapcar (lambda (h)
                                     `(,(car h) ,(cps--pop-frame saved)
                                       ,(cps--bounce (funcall handle h err))))
                                   others))))
                  ,(cps--bounce
                    (cps--form bodyform
                               `(lambda (,v)
                                  ,(cps--pop-frame saved)
                                  ,(cps--bounce (if success (funcall handle success v)
                                                  `(funcall ,kv ,v))))))))))))))

(defun cps-internal-yield-from-form (iterator) "Return a form that yields each value of ITERATOR and returns its final value."
  (let ((it (make-symbol "it")) (sent (make-symbol "sent"))
        (out (make-symbol "out")) (over (make-symbol "over")) (e (make-symbol "e")))
    `(let ((,it ,iterator) (,sent nil) (,out nil) (,over nil))
       (while (not ,over)
         (condition-case ,e (setq ,out (iter-next ,it ,sent))
           (iter-end-of-sequence (setq ,over t ,out (cdr ,e))))
         (unless ,over (setq ,sent (iter-yield ,out))))
       ,out)))

(defun cps--make-iterator-form (body) "Return a form making an iterator that runs the forms BODY."
  (cl-assert lexical-binding)
  (let* ((state (make-symbol "state"))
         (cps--state-var state)
         (expanded (macroexpand-all
                    (macroexp-progn body)
                    (append `((iter-yield . ,(lambda (value) `(cps-internal-yield ,value)))
                              (iter-yield-from . cps-internal-yield-from-form))
                            macroexpand-all-environment)))
         (first (make-symbol "first")) (v (make-symbol "v")))
    `(let ((,state (cps--new-state)))
       (aset ,state 0 (lambda (,first)
                        (ignore ,first)
                        ,(cps--form expanded `(lambda (,v) (cons :done ,v)))))
       (lambda (op value) (cps--dispatch ,state op value)))))

(defun cps--split-body (body) "Split BODY into (DECLARATIONS . FORMS): docstring, `declare' and `interactive' first."
  (let ((decls nil))
    (when (and (stringp (car body)) (cdr body)) (push (pop body) decls))
    (while (memq (car-safe (car body)) '(declare interactive))
      (push (pop body) decls))
    (cons (nreverse decls) body)))

(defmacro iter-lambda (arglist &rest body) "Return a generator function taking ARGLIST and running BODY.
Each call of it returns a new iterator; `iter-next' runs BODY until its
next `iter-yield'."
  (declare (indent defun) (doc-string 2))
  (let ((split (cps--split-body body)))
    `(lambda ,arglist ,@(car split) ,(cps--make-iterator-form (cdr split)))))

(defmacro iter-defun (name arglist &rest body) "Define NAME as a generator function taking ARGLIST and running BODY.
A docstring or (:documentation FORM) and a `declare' form at BODY's start
apply to NAME."
  (declare (indent defun) (doc-string 3)
           (debug (&define name lambda-list lambda-doc &rest sexp)))
  (let* ((doc-form (and (eq (car-safe (car body)) :documentation) (list (pop body))))
         (split (cps--split-body body)))
    ;; A leading (:documentation FORM) gives the docstring, as in `defun'
    ;; (`iter-lambda' takes it as a plain form).
    `(defun ,name ,arglist ,@doc-form ,@(car split) ,(cps--make-iterator-form (cdr split)))))

(defmacro iter-do (spec &rest body) "Run BODY with VAR bound to each value of ITERATOR; SPEC is (VAR ITERATOR).
Return the iterator's final value."
  (declare (indent 1) (debug ((symbolp form) body)))
  (let ((it (make-symbol "iterator")) (result (make-symbol "result"))
        (over (make-symbol "over")) (e (make-symbol "e")))
    `(let ((,it ,(nth 1 spec)) (,result nil) (,over nil))
       (while (let ((,(car spec) (condition-case ,e (iter-next ,it)
                                   (iter-end-of-sequence
                                    (setq ,result (cdr ,e) ,over t)))))
                (unless ,over ,@body t)))
       ,result)))

;;; `cl-loop' clause `for VAR iter-by ITERATOR'.

(defun cps--initialize-for (iterator) "Return (VALUE . ITERATOR) for ITERATOR's first value, or nil if it has none."
  (condition-case nil (cons (iter-next iterator) iterator)
    (iter-end-of-sequence nil)))

(defun cps--advance-for (cursor) "Move CURSOR, a cons from `cps--initialize-for', to its iterator's next value."
  (condition-case nil (progn (setcar cursor (iter-next (cdr cursor))) cursor)
    (iter-end-of-sequence nil)))

(put 'iter-by 'cl-loop-for-handler
     (lambda (var)
       (let ((cursor (cl-macs--lp-temp)))
         (cl-macs--lp-for-bind cursor `(cps--initialize-for ,(cl-macs--lp-next)))
         (push `(consp ,cursor) cl-macs--lp-ends)
         (cl-macs--lp-test `(consp ,cursor))
         (cl-macs--lp-for-bind var nil)
         (cl-macs--lp-for-set var `(car ,cursor))
         (cl-macs--lp-for-step cursor `(cps--advance-for ,cursor)))))

(provide 'generator)

;;; generator.el ends here
