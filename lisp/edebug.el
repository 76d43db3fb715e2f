;;; edebug.el --- Edebug's specifications and a form instrumenter that runs without stopping  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and the Emacs
;; Lisp manual ("Edebug", "Instrumenting Macro Calls", "Specification
;; List"); the names and calling conventions are GNU's.

;; What is here:
;;
;; - the specification store: `def-edebug-spec', `def-edebug-elem-spec',
;;   `edebug-get-spec', the specs of the special forms and core macros
;;   (a `(declare (debug SPEC))' in a macro stores its spec the same way);
;; - the matcher of forms against specifications, and from it the
;;   instrumenter: `edebug-instrument-form' gives a form back with each
;;   evaluated subform wrapped in `edebug-before'/`edebug-after' calls and
;;   each definition body in `edebug-enter', just as GNU's instrumented
;;   code is shaped (counters stand in for GNU's buffer offsets);
;; - the runtime of that code, through `edebug-behavior-alist', and
;;   `edebug-defun' / `edebug-eval-top-level-form' for the form at point.
;;
;; There is no display or command loop in batch: instrumented code runs as
;; in GNU's `Go-nonstop' mode whatever `edebug-initial-mode' says, and
;; breakpoints are not kept.

(require 'cl-lib)
(require 'find-func)

;;;; Options (user options as in GNU; without :type, as there is no
;;;; customization interface to use it)

(defcustom edebug-setup-hook nil "Functions run when Edebug is first used, then emptied.")

(defcustom edebug-all-defs nil "Non-nil means definitions are instrumented when they are evaluated.")

(defcustom edebug-all-forms nil "Non-nil means every form is instrumented when it is evaluated.")

(defcustom edebug-eval-macro-args nil "Non-nil means the arguments of macros without a spec are instrumented as forms.")

(defcustom edebug-initial-mode 'step "The execution mode Edebug starts in; tsmacs always runs as `Go-nonstop'.")

(defcustom edebug-trace nil "Non-nil means trace function entries and exits.")

(defcustom edebug-test-coverage nil "Non-nil means record coverage while instrumented code runs.")

(defcustom edebug-continue-kbd-macro nil "Non-nil means keyboard macros keep running inside Edebug.")

(defcustom edebug-print-length 50 "`print-length' while Edebug prints results.")

(defcustom edebug-print-level 50 "`print-level' while Edebug prints results.")

(defcustom edebug-print-circle t "`print-circle' while Edebug prints results.")

(defcustom edebug-unwrap-results nil "Non-nil means results are shown with their instrumentation taken off.")

(defcustom edebug-on-error t "Value for `debug-on-error' while Edebug is active.")

(defcustom edebug-on-quit t "Value for `debug-on-quit' while Edebug is active.")

(defcustom edebug-global-break-condition nil "A form evaluated at every stop point; non-nil stops there.")

(defcustom edebug-sit-for-seconds 1 "Seconds to pause at each stop point in trace modes.")

(defcustom edebug-save-windows t "Non-nil means window configurations are saved and restored.")

(defcustom edebug-save-displayed-buffer-points nil "Non-nil means the points of displayed buffers are saved and restored.")

(defcustom edebug-max-depth 150 "How deeply instrumented definitions may nest while they run.")

(defvar edebug-execution-mode 'step "The current execution mode.")

(defvar edebug-active nil "Non-nil while instrumented code is running.")

(defvar edebug-after-instrumentation-function #'identity "Function called with each instrumented top-level form; its value is used.")

(defvar edebug-new-definition-function #'edebug-new-definition "Function called with the name of each definition that was instrumented.")

(defvar edebug-behavior-alist
  '((edebug edebug-default-enter edebug-slow-before edebug-slow-after))
  "How instrumented code behaves: elements (NAME ENTER BEFORE AFTER).
A definition uses the entry named by its `edebug-behavior' property,
`edebug' by default.")

(defvar edebug-def-name nil "The name of the definition being instrumented.")

(defvar edebug--depth 0 "How many instrumented definitions are running, one inside the other.")

;;;; Specifications

(defmacro def-edebug-spec (symbol spec) "Give SYMBOL, a macro, the Edebug specification SPEC (neither is evaluated).
SPEC is a list, t (all arguments are forms), 0 (none is), or a symbol
whose specification is used."
  `(put ',symbol 'edebug-form-spec ',spec))

(defun def-edebug-elem-spec (name spec) "Define NAME as an element usable inside Edebug specifications, matching SPEC."
  (unless (consp spec) (error "Edebug spec has to be a list: %S" spec))
  (put name 'edebug-elem-spec spec))

(defun edebug-get-spec (symbol) "Return the Edebug specification of SYMBOL, or nil if it has none.
Aliases are followed, and a spec that is itself a symbol stands for
that symbol's spec."
  (let ((spec nil) (seen nil))
    (while (and symbol (symbolp symbol) (not (memq symbol seen)))
      (push symbol seen)
      (setq spec (get symbol 'edebug-form-spec))
      (cond ((and spec (symbolp spec) (not (memq spec '(t 0))))
             (setq symbol spec spec nil))
            ((and (null spec) (fboundp symbol)
                  (symbolp (symbol-function symbol)))
             (setq symbol (symbol-function symbol)))
            (t (setq symbol nil))))
    spec))

;; The specs of the special forms and core macros that need one; the
;; others take forms as their arguments, as a function call does, and are
;; instrumented so without a spec.  Libraries give theirs with `declare'.
(dolist (entry
         '((quote sexp)
           (function &or symbolp lambda-expr)
           (setq &rest symbolp form)
           (setq-default &rest symbolp form)
           (let (&rest &or (symbolp &optional form) symbolp) body)
           (let* . let)
           (cond &rest (&rest form))
           (condition-case symbolp form &rest ([&or symbolp (&rest symbolp)] body))
           (defvar symbolp &optional form stringp)
           (defconst . defvar)
           (defun &define name lambda-list lambda-doc
                  [&optional ("declare" def-declarations)]
                  [&optional ("interactive" &optional [&or stringp def-form] &rest symbolp)]
                  def-body)
           (defsubst . defun)
           (defmacro &define name lambda-list lambda-doc
                     [&optional ("declare" def-declarations)]
                     def-body)
           (lambda &define lambda-list lambda-doc
                   [&optional ("interactive" interactive)]
                   def-body)))
  (unless (get (car entry) 'edebug-form-spec)
    (put (car entry) 'edebug-form-spec (cdr entry))))

(def-edebug-elem-spec 'lambda-expr
  '(("lambda" &define lambda-list lambda-doc
     [&optional ("interactive" interactive)]
     def-body)))
(def-edebug-elem-spec 'lambda-doc '(&optional [&or stringp (&define ":documentation" def-form)]))
(def-edebug-elem-spec 'interactive '(&optional [&or stringp def-form] &rest symbolp))
(def-edebug-elem-spec 'def-declarations '(&rest sexp))
;; gv.el's `setf' and friends name their places so.  An instrumented place
;; is an `edebug-after' form; its expander below sees through it.
(def-edebug-elem-spec 'gv-place '(form))

(gv-define-expander edebug-after
  (lambda (do before after place)
    (ignore after)
    (gv-get place (lambda (getter setter)
                    (funcall do `(progn ,before ,getter) setter)))))

;;;; Matching and instrumenting

;; While a form is instrumented, `edebug--counter' numbers the stop points
;; (GNU numbers them by buffer offset); `edebug--failed' is the tag thrown
;; when an alternative does not match.

(defvar edebug--counter 0)

(defun edebug--next-index () "A fresh stop-point number."
  (setq edebug--counter (+ edebug--counter 1)))

(defun edebug--fail (why) "Give up the current alternative, because of WHY."
  (throw 'edebug--no-match why))

(defun edebug--constant-p (form) "Non-nil if FORM evaluates to itself, so instrumenting it shows nothing."
  (or (not (or (symbolp form) (consp form)))
      (memq form '(nil t))
      (keywordp form)
      (eq (car-safe form) 'quote)))

(defun edebug-instrument-form (form) "Return FORM instrumented: its value goes through `edebug-after'."
  (cond
   ((edebug--constant-p form) form)
   ((symbolp form) (list 'edebug-after 0 (edebug--next-index) form))
   (t
    (let* ((before (edebug--next-index))
           (inner (edebug--instrument-call form)))
      (if (eq (car-safe inner) 'function)
          inner
        (list 'edebug-after (list 'edebug-before before)
              (edebug--next-index) inner))))))

(defun edebug--instrument-call (form) "Instrument the arguments of the call or special form FORM by its head's spec."
  (let* ((head (car form))
         (spec (and (symbolp head) (edebug-get-spec head))))
    (cond
     ((eq (car-safe head) 'lambda)
      (cons (car (edebug--match-one 'lambda-expr (list head)))
            (mapcar #'edebug-instrument-form (cdr form))))
     ((not (symbolp head)) form)
     ((eq spec t) (cons head (mapcar #'edebug-instrument-form (cdr form))))
     ((eq spec 0) form)
     (spec
      (let ((result (catch 'edebug--no-match
                      (list 'matched (edebug--match spec (cdr form))))))
        (if (eq (car-safe result) 'matched)
            (cons head (cadr result))
          (error "Bad `%s' form: %S (%s)" head form result))))
     ((and (fboundp head) (macrop head) (not edebug-eval-macro-args)) form)
     (t (cons head (mapcar #'edebug-instrument-form (cdr form)))))))

;; A definition (a spec with `&define') names what it defines with `name'
;; and its arguments with `lambda-list'; its `def-body' and `def-form' run
;; through `edebug-enter' under that name.  These hold what the definition
;; being matched has said so far.
(defvar edebug--def-args nil)

(defun edebug--enter-wrapper (forms) "Wrap the instrumented FORMS so they run through `edebug-enter'."
  (let ((name (if (and edebug-def-name (symbolp edebug-def-name))
                  edebug-def-name
                (intern (format "edebug-anon%d" (edebug--next-index))))))
    (put name 'edebug-behavior 'edebug)
    `(edebug-enter ',name (list ,@edebug--def-args)
                   (function (lambda () ,@forms)))))

(defun edebug--lambda-list-variables (list) "The variables of the argument list LIST, without `&optional' and `&rest'."
  (let ((vars nil))
    (while (consp list)
      (let ((arg (pop list)))
        (when (and (symbolp arg) (not (memq arg '(&optional &rest))))
          (push arg vars))))
    (when (and list (symbolp list)) (push list vars))
    (nreverse vars)))

(defun edebug--elem-spec (symbol) "The spec list of the spec element SYMBOL, or nil."
  (or (get symbol 'edebug-elem-spec)
      (let ((s (get symbol 'edebug-form-spec)))
        (and (consp s) s))))

(defun edebug--match (specs forms) "Match FORMS, a list, against the spec list SPECS; return them instrumented.
Throw to `edebug--no-match' when they do not match."
  (let ((out (edebug--match-seq (if (listp specs) specs (list specs)) forms nil)))
    (when (car out)
      (edebug--fail (format "%S left over" (car out))))
    (cdr out)))

(defun edebug--match-seq (specs forms lenient) "Match as much of FORMS as SPECS needs; return (REST-FORMS . INSTRUMENTED).
With LENIENT (inside `&optional' and `&rest'), running out of forms ends
the match quietly instead of failing it."
  (let ((done nil)
        ;; What a `&define' here names stays with this level.
        (edebug-def-name edebug-def-name)
        (edebug--def-args edebug--def-args))
    (while specs
      (let ((spec (pop specs)))
        (cond
         ((eq spec '&define)
          ;; An anonymous definition (a lambda) gets a name of its own.
          (setq edebug-def-name nil edebug--def-args nil))
         ((memq spec '(&name gate &interpose)) nil)
         ;; `:name SUFFIX' and `:unique SUFFIX' only refine a definition's name.
         ((memq spec '(:name :unique)) (pop specs))
         ((eq spec '&optional)
          ;; Each following element may be missing; the first that does not
          ;; match ends matching at this level.
          (let ((rest specs))
            (setq specs nil)
            (while rest
              (let* ((one (pop rest))
                     (result (edebug--try
                              (lambda () (edebug--match-seq (list one) forms t)))))
                (if (null result)
                    (setq rest nil)
                  (setq forms (car result)
                        done (append (reverse (cdr result)) done)))))))
         ((eq spec '&rest)
          (let ((rest-specs specs) (going t))
            (setq specs nil)
            (while (and going (consp forms))
              (let ((result (edebug--try
                             (lambda () (edebug--match-seq rest-specs forms t)))))
                (if (and result (not (eq (car result) forms)))
                    (setq forms (car result)
                          done (append (reverse (cdr result)) done))
                  (setq going nil))))))
         ((eq spec '&or)
          (let ((alternatives specs) (result nil))
            (setq specs nil)
            (while (and alternatives (not result))
              (setq result (edebug--try
                            (let ((alt (pop alternatives)))
                              (lambda () (edebug--match-seq (list alt) forms lenient))))))
            (unless result (edebug--fail "no alternative of &or matched"))
            (setq forms (car result) done (append (reverse (cdr result)) done))))
         ((eq spec '&not)
          (let ((excluded (pop specs)))
            (when (edebug--try (lambda () (edebug--match-seq (list excluded) forms nil)))
              (edebug--fail "&not matched"))))
         ((eq spec '&key)
          ;; Keyword pairs, in any order: each keyword is kept, its value a form.
          (setq specs nil)
          (while (keywordp (car-safe forms))
            (push (pop forms) done)
            (when (consp forms) (push (edebug-instrument-form (pop forms)) done))))
         ((vectorp spec)
          (let ((result (edebug--match-seq (append spec nil) forms lenient)))
            (setq forms (car result) done (append (reverse (cdr result)) done))))
         ((and (not (consp forms)) (not (memq spec '(body def-body))))
          (if lenient
              (setq specs nil)
            (edebug--fail (format "%S expected" spec))))
         (t
          (let ((result (edebug--match-item spec forms)))
            (setq forms (car result) done (append (reverse (cdr result)) done)))))))
    (cons forms (nreverse done))))

(defun edebug--try (thunk) "Call THUNK; return its value, or nil if it threw `edebug--no-match'."
  (let* ((saved edebug--counter)
         (result (catch 'edebug--no-match (list 'ok (funcall thunk)))))
    (if (eq (car-safe result) 'ok)
        (cadr result)
      (setq edebug--counter saved)
      nil)))

(defun edebug--match-one (spec forms) "Match the single spec SPEC against the start of FORMS; return the instrumented items."
  (cdr (edebug--match-item spec forms)))

(defun edebug--match-item (spec forms) "Match one item of FORMS against the spec element SPEC: (REST . INSTRUMENTED)."
  (let ((item (car forms)))
    (cond
     ((eq spec 'form)
      (cons (cdr forms) (list (edebug-instrument-form item))))
     ((eq spec 'def-form)
      (cons (cdr forms) (list (edebug--enter-wrapper
                                (list (edebug-instrument-form item))))))
     ((eq spec 'body)
      (cons nil (mapcar #'edebug-instrument-form forms)))
     ((eq spec 'def-body)
      (cons nil (list (edebug--enter-wrapper
                       (mapcar #'edebug-instrument-form forms)))))
     ((eq spec 'sexp) (cons (cdr forms) (list item)))
     ((eq spec 'place) (cons (cdr forms) (list (edebug--instrument-place item))))
     ((eq spec 'name)
      (unless (symbolp item) (edebug--fail "symbol expected"))
      (setq edebug-def-name item)
      (cons (cdr forms) (list item)))
     ((eq spec 'arg)
      (unless (symbolp item) (edebug--fail "symbol expected"))
      (cons (cdr forms) (list item)))
     ((eq spec 'lambda-list)
      (unless (listp item) (edebug--fail "argument list expected"))
      (setq edebug--def-args (edebug--lambda-list-variables item))
      (cons (cdr forms) (list item)))
     ((eq spec 'function-form)
      (cons (cdr forms)
            (list (if (memq (car-safe item) '(function quote))
                      (list (car item)
                            (if (eq (car-safe (cadr item)) 'lambda)
                                (car (edebug--match-one 'lambda-expr (cdr item)))
                              (cadr item)))
                    (edebug-instrument-form item)))))
     ((stringp spec)
      (unless (eq item (intern spec)) (edebug--fail (format "%s expected" spec)))
      (cons (cdr forms) (list item)))
     ((consp spec)
      (unless (listp item) (edebug--fail "list expected"))
      (cons (cdr forms) (list (edebug--match-sublist spec item))))
     ((and (symbolp spec) (edebug--elem-spec spec))
      (edebug--match-seq (edebug--elem-spec spec) forms nil))
     ((and (symbolp spec) (fboundp spec))
      (unless (funcall spec item) (edebug--fail (format "%S failed" spec)))
      (cons (cdr forms) (list item)))
     ((and (symbolp spec) (get spec 'edebug-form-spec))
      (cons (cdr forms)
            (list (if (consp item)
                      (cons (car item) (edebug--match (edebug-get-spec spec) (cdr item)))
                    item))))
     (t (error "%S is not a valid Edebug spec" spec)))))

(defun edebug--match-sublist (spec items) "Match the list ITEMS against the list spec SPEC, which may be dotted."
  (let ((proper nil) (tail-spec nil) (s spec))
    (while (consp s) (push (pop s) proper))
    (setq tail-spec s proper (nreverse proper))
    (if (null tail-spec)
        (edebug--match proper items)
      ;; A dotted spec: the proper part, then the tail matched as one item.
      (let* ((result (edebug--match-seq proper items nil))
             (rest (car result)))
        (append (cdr result)
                (if (listp rest)
                    (edebug--match (list tail-spec) rest)
                  (car (edebug--match-one tail-spec (list rest)))))))))

(defun edebug--instrument-place (place) "Instrument the argument forms of the generalized variable PLACE."
  (if (and (consp place) (symbolp (car place)))
      (cons (car place) (mapcar #'edebug-instrument-form (cdr place)))
    place))

;;;; Running instrumented code

(defun edebug-enter (func args body) "Run BODY, a function, as the instrumented body of FUNC called with ARGS.
FUNC's `edebug-behavior' property chooses, in `edebug-behavior-alist',
the functions that enter it and that `edebug-before' and `edebug-after'
call while it runs."
  (let ((behavior (cdr (assq (get func 'edebug-behavior) edebug-behavior-alist))))
    (cl-letf (((symbol-function 'edebug-before) (nth 1 behavior))
              ((symbol-function 'edebug-after) (nth 2 behavior)))
      (funcall (nth 0 behavior) func args body))))

(defun edebug-default-enter (function args body) "Enter the instrumented FUNCTION called with ARGS and run BODY."
  (ignore function args)
  (when (>= edebug--depth edebug-max-depth)
    (error "Too deep - perhaps infinite loop in function"))
  (let ((edebug--depth (1+ edebug--depth))
        (edebug-active t)
        (edebug-execution-mode 'Go-nonstop))
    (funcall body)))

(defun edebug-slow-before (before-index) "Before a form: nothing stops in batch, so return BEFORE-INDEX's nil."
  (ignore before-index)
  nil)

(defun edebug-slow-after (before-index after-index value) "After a form: return VALUE."
  (ignore before-index after-index)
  value)

(defalias 'edebug-fast-before #'edebug-slow-before)
(defalias 'edebug-fast-after #'edebug-slow-after)

(defun edebug-new-definition (def-name) "Note that DEF-NAME was instrumented."
  (put def-name 'edebug t)
  (message "Edebug: %s" def-name))

;;;; Entry points

(defun edebug--instrument-top-level (form) "Instrument the top-level FORM, to be evaluated in its place.
A definition's body runs through `edebug-enter' by its spec; any other
form is wrapped so as a whole."
  (let ((edebug--counter 0)
        (edebug-def-name nil)
        (edebug--def-args nil))
    (run-hooks 'edebug-setup-hook)
    (setq edebug-setup-hook nil)
    (let* ((definition (memq '&define (let ((spec (and (symbolp (car-safe form))
                                                        (edebug-get-spec (car form)))))
                                         (and (consp spec) spec))))
           (result (edebug-instrument-form form)))
      ;; At top level the value is not shown: the outer wrapper goes.
      (when (eq (car-safe result) 'edebug-after)
        (setq result (nth 3 result)))
      (unless definition
        (setq result (edebug--enter-wrapper (list result))))
      (when (and definition (symbolp (nth 1 form)))
        (funcall edebug-new-definition-function (nth 1 form)))
      (funcall edebug-after-instrumentation-function result))))

(defun edebug-read-top-level-form () "Read the top-level form at or before point in the current buffer."
  (let ((here (point)) (form nil) (done nil))
    (save-excursion
      (goto-char (point-min))
      (while (not done) (setq form (read (current-buffer))) (when (>= (point) here) (setq done t))))
    form))

(defun edebug-eval-top-level-form () "Instrument and evaluate the top-level form at point; show its value as `eval-defun' does and return it."
  (interactive)
  (let ((value (eval (edebug--instrument-top-level (edebug-read-top-level-form)) lexical-binding)))
    (require 'elisp-eval)
    (elisp--eval-last-sexp-print-value value t nil t)
    value))

(defalias 'edebug-defun #'edebug-eval-top-level-form)

(defun edebug-all-defs () "Turn `edebug-all-defs' on if it is off, off if it is on, and say which."
  (interactive)
  (setq edebug-all-defs (not edebug-all-defs))
  (message "Edebugging all definitions is %s." (if edebug-all-defs "on" "off")))

(defun edebug-all-forms () "Turn `edebug-all-forms' on if it is off, off if it is on, and say which."
  (interactive)
  (setq edebug-all-forms (not edebug-all-forms))
  (message "Edebugging all forms is %s." (if edebug-all-forms "on" "off")))

(defun edebug-basic-spec (spec) "Non-nil if SPEC is nil, a symbol with an `edebug-form-spec', or a list of such specs."
  (cond ((null spec) t)
        ((symbolp spec) (and (get spec 'edebug-form-spec) t))
        ((consp spec)
         (let ((ok t))
           (while (and ok spec)
             (setq ok (edebug-basic-spec (car spec))
                   spec (cdr spec)))
           ok))))

(defun edebug-instrument-function (func) "Instrument the function FUNC from its source, found with `find-function-noselect'."
  (let ((location (find-function-noselect func)))
    (with-current-buffer (car location)
      (save-excursion
        (goto-char (cdr location))
        (eval (edebug--instrument-top-level (read (current-buffer))) t)))
    func))

(provide 'edebug)
