;;; subr-x.el --- extra Lisp functions: threading, if-let, strings, hash tables  -*- lexical-binding: t -*-

;; Written for tsmacs, following the documented behaviour of GNU Emacs 28's
;; subr-x.el, which is loaded with (require 'subr-x).

;;; Threading macros.

(defmacro internal--thread-argument (first? &rest forms)
  "Thread the first of FORMS through the rest of them.
With FIRST? non-nil each value becomes the first argument of the next
form, else the last one.  A bare symbol F among FORMS stands for (F)."
  (let ((acc (car forms)))
    (setq forms (cdr forms))
    (while forms
      (let ((step (car forms)))
        (setq acc
              (if (consp step)
                  (if first?
                      (cons (car step) (cons acc (cdr step)))
                    (append step (list acc)))
                (list step acc))))
      (setq forms (cdr forms)))
    acc))

(defmacro thread-first (&rest forms)
  "Thread FORMS elements as the first argument of their successor.
\(thread-first 5 (+ 20) (/ 25) - (+ 40)) is (+ (- (/ (+ 5 20) 25)) 40)."
  (declare (indent 0) (debug (form &rest [&or symbolp (sexp &rest form)])))
  `(internal--thread-argument t ,@forms))

(defmacro thread-last (&rest forms)
  "Thread FORMS elements as the last argument of their successor.
\(thread-last 5 (+ 20) (/ 25) - (+ 40)) is (+ 40 (- (/ 25 (+ 20 5))))."
  (declare (indent 0) (debug thread-first))
  `(internal--thread-argument nil ,@forms))

;;; Conditional binding.

(defun internal--listify (elt)
  "Turn the binding ELT into a (SYMBOL VALUEFORM) list.
A symbol S stands for (S S); a list (FORM) binds a fresh symbol."
  (cond
   ((symbolp elt) (list elt elt))
   ((null (cdr elt)) (list (make-symbol "s") (car elt)))
   (t elt)))

(defun internal--check-binding (binding)
  "Signal an error if BINDING has more than one value form; return it."
  (when (> (length binding) 2)
    (signal 'error (cons "`let' bindings can have only one value-form" binding)))
  binding)

(defun internal--build-binding-value-form (binding prev-var)
  "BINDING made conditional on PREV-VAR being non-nil."
  (list (car binding) (list 'and prev-var (car (cdr binding)))))

(defun internal--build-binding (binding prev-var)
  "Check BINDING and make it conditional on PREV-VAR."
  (internal--build-binding-value-form
   (internal--check-binding (internal--listify binding))
   prev-var))

(defun internal--build-bindings (bindings)
  "The `let*' bindings for BINDINGS, each conditional on the one before."
  (let ((prev t) (out nil))
    (dolist (binding bindings)
      (let ((built (internal--build-binding binding prev)))
        (setq prev (car built))
        (setq out (cons built out))))
    (nreverse out)))

(defmacro if-let* (varlist then &rest else)
  "Bind variables according to VARLIST and evaluate THEN or ELSE.
Like `if-let', without the special case for a VARLIST (SYMBOL FORM)."
  (declare (indent 2)
           (debug ((&rest [&or symbolp (symbolp form) (form)]) body)))
  (if varlist
      (let ((bindings (internal--build-bindings varlist)))
        `(let* ,bindings
           (if ,(car (car (last bindings)))
               ,then
             ,@else)))
    `(let* () ,then)))

(defmacro when-let* (varlist &rest body)
  "Bind variables according to VARLIST and conditionally evaluate BODY.
Like `when-let', without the special case for a VARLIST (SYMBOL FORM)."
  (declare (indent 1) (debug if-let*))
  (list 'if-let* varlist (macroexp-progn body)))

(defmacro and-let* (varlist &rest body)
  "Bind variables according to VARLIST and conditionally evaluate BODY.
Like `when-let*', but with an empty BODY the value is that of the last
binding (non-nil when all bindings are)."
  (declare (indent 1) (debug if-let*))
  (if varlist
      (let* ((bindings (internal--build-bindings varlist))
             (last-var (car (car (last bindings)))))
        `(let* ,bindings
           (when ,last-var
             ,@(or body (list last-var)))))
    `(let* () ,@(or body '(t)))))

(defmacro if-let (spec then &rest else)
  "Bind variables according to SPEC and evaluate THEN or ELSE.
Each binding is evaluated in turn, as in `let*', stopping at the first
nil value.  If all are non-nil, return THEN's value, else the last of ELSE.
An element of SPEC is (SYMBOL VALUEFORM), (VALUEFORM) or SYMBOL.  A SPEC
of the form (SYMBOL SOMETHING) means ((SYMBOL SOMETHING))."
  (declare (indent 2)
           (debug ([&or (symbolp form) (&rest [&or symbolp (symbolp form) (form)])]
                   body)))
  (when (and (<= (length spec) 2) (not (listp (car spec))))
    (setq spec (list spec)))
  (list 'if-let* spec then (macroexp-progn else)))

(defmacro when-let (spec &rest body)
  "Bind variables according to SPEC and conditionally evaluate BODY.
SPEC is as for `if-let'; the value is that of the last form of BODY."
  (declare (indent 1) (debug if-let))
  (list 'if-let spec (macroexp-progn body)))

;;; Hash tables.

(defun hash-table-empty-p (hash-table)
  "Check whether HASH-TABLE is empty (has 0 elements)."
  (zerop (hash-table-count hash-table)))

(defun hash-table-keys (hash-table)
  "Return a list of keys in HASH-TABLE."
  (let ((keys nil))
    (maphash (lambda (k _v) (setq keys (cons k keys))) hash-table)
    (nreverse keys)))

(defun hash-table-values (hash-table)
  "Return a list of values in HASH-TABLE."
  (let ((values nil))
    (maphash (lambda (_k v) (setq values (cons v values))) hash-table)
    (nreverse values)))

;;; Strings.

(defun string-empty-p (string)
  "Check whether STRING is empty."
  (string= string ""))

(defun string-join (strings &optional separator)
  "Join all STRINGS using SEPARATOR."
  (mapconcat #'identity strings separator))

(define-obsolete-function-alias 'string-reverse 'reverse "25.1")

(defun string-truncate-left (string length)
  "Truncate STRING to LENGTH, replacing initial surplus with \"...\"."
  (let ((len (length string)))
    (if (<= len length)
        string
      (setq length (max 0 (- length 3)))
      (concat "..." (substring string (max 0 (- len 1 length)))))))

(defun string-blank-p (string)
  "Check whether STRING is either empty or only whitespace.
Whitespace here is space, tab, newline and carriage return."
  (string-match-p "\\`[ \t\n\r]*\\'" string))

(defun string-remove-prefix (prefix string)
  "Remove PREFIX from STRING if present."
  (if (string-prefix-p prefix string)
      (substring string (length prefix))
    string))

(defun string-remove-suffix (suffix string)
  "Remove SUFFIX from STRING if present."
  (if (string-suffix-p suffix string)
      (substring string 0 (- (length string) (length suffix)))
    string))

(defun string-clean-whitespace (string)
  "Collapse each run of whitespace in STRING to one space; trim both ends."
  (let ((blank "[[:blank:]\r\n]+"))
    (string-trim (replace-regexp-in-string blank " " string t t)
                 blank blank)))

(defun string-limit (string length &optional end coding-system)
  "Return STRING cut to at most LENGTH characters (the last ones with END).
With CODING-SYSTEM, encode first and count LENGTH in bytes, never
cutting a character in two; the result is then unibyte."
  (unless (natnump length)
    (signal 'wrong-type-argument (list 'natnump length)))
  (if coding-system
      (let ((pieces nil)
            (used 0)
            (i (if end (1- (length string)) 0))
            (n (length string))
            (more t))
        (while (and more (if end (>= i 0) (< i n)))
          (let ((bytes (encode-coding-string (string (aref string i)) coding-system)))
            (if (> (+ used (length bytes)) length)
                (setq more nil)
              (setq pieces (cons bytes pieces))
              (setq used (+ used (length bytes)))
              (setq i (if end (1- i) (1+ i))))))
        (apply #'concat (if end pieces (nreverse pieces))))
    (cond
     ((<= (length string) length) string)
     (end (substring string (- (length string) length)))
     (t (substring string 0 length)))))

(defun string-lines (string &optional omit-nulls)
  "Split STRING into a list of lines; with OMIT-NULLS, drop empty ones."
  (split-string string "\n" omit-nulls))

(defun string-pad (string length &optional padding start)
  "Pad STRING to LENGTH with PADDING (a character, default space).
Pad at the end, or at the start if START is non-nil.  A STRING already
LENGTH long or longer is returned unchanged."
  (unless (natnump length)
    (signal 'wrong-type-argument (list 'natnump length)))
  (let ((missing (- length (length string))))
    (if (< missing 0)
        string
      (let ((pad (make-string missing (or padding ?\s))))
        (if start (concat pad string) (concat string pad))))))

(defun string-chop-newline (string)
  "Remove the final newline (if any) from STRING."
  (string-remove-suffix "\n" string))

;;; named-let.

(defmacro named-let (name bindings &rest body)
  "Looping construct taken from Scheme.
Like `let', bind variables in BINDINGS and then evaluate BODY, but BODY
can evaluate itself recursively by calling NAME, whose arguments become
the new values of the bound variables."
  (declare (indent 2) (debug (symbolp (&rest (symbolp form)) body)))
  (let ((params (mapcar (lambda (b) (if (consp b) (car b) b)) bindings))
        (inits (mapcar (lambda (b) (if (consp b) (car (cdr b)))) bindings)))
    ;; Calls of NAME in tail position become jumps, as GNU's cl-labels
    ;; does by its self-tail-call optimisation: a loop can run any number
    ;; of times without growing the stack.
    (setq body (subr-x--named-let-tco name params body))
    (if (and (require 'cl-lib nil t) (fboundp 'cl-labels))
        ;; NAME is not in scope in the initial values, so the first call
        ;; is made outside the local function definition.
        `(funcall (cl-labels ((,name ,params . ,body)) #',name) . ,inits)
      (subr-x--named-let-fallback name params inits body))))

(defun subr-x--interleave (as bs)
  "The list A1 B1 A2 B2 ... of AS and BS, for a `setq'."
  (let ((r nil))
    (while as
      (setq r (cons (car bs) (cons (car as) r)) as (cdr as) bs (cdr bs)))
    (nreverse r)))

(defun subr-x--named-let-tco (name params body)
  "BODY with NAME's tail calls turned into a loop over PARAMS, or BODY itself if there are none."
  (let* ((temps (mapcar (lambda (p) (make-symbol (symbol-name p))) params))
         (marker (make-symbol "recur"))
         (found nil)
         (tco nil))
    (setq tco
          (lambda (form)
            (let ((head (car-safe form)))
              (cond
               ((and (eq head name) (= (length (cdr form)) (length params)))
                (setq found t)
                `(progn (setq ,@(subr-x--interleave temps (cdr form))) ',marker))
               ((eq head 'progn)
                (if (cdr form) (append (butlast form) (list (funcall tco (car (last form))))) form))
               ((eq head 'if)
                `(if ,(nth 1 form) ,(funcall tco (nth 2 form))
                   ,@(if (nthcdr 3 form)
                         (append (butlast (nthcdr 3 form)) (list (funcall tco (car (last form))))))))
               ((eq head 'cond)
                (cons 'cond (mapcar (lambda (clause)
                                      (if (cdr-safe clause)
                                          (append (butlast clause) (list (funcall tco (car (last clause)))))
                                        clause))
                                    (cdr form))))
               ((memq head '(let let*))
                (if (cddr form)
                    (append (butlast form) (list (funcall tco (car (last form)))))
                  form))
               (t form)))))
    (let ((new (funcall tco (macroexpand-all (macroexp-progn body)))))
      (if (not found)
          body
        (let ((r (make-symbol "result")))
          `((let (,@temps (,r nil))
              (while (eq (setq ,r ,new) ',marker)
                (setq ,@(subr-x--interleave params temps)))
              ,r)))))))

(defun subr-x--named-let-fallback (name params inits body)
  "Expand a `named-let' without cl-lib: NAME becomes a local closure."
  (let* ((fn (make-symbol (symbol-name name)))
         (env (cons (cons name (lambda (&rest args) `(funcall ,fn ,@args)))
                    macroexpand-all-environment))
         (expanded (macroexpand-all (macroexp-progn body) env)))
    `(funcall (letrec ((,fn (lambda ,params ,expanded))) ,fn) ,@inits)))

(if (fboundp 'subr--expand-definitions-now)
    (subr--expand-definitions-now
     '(internal--thread-argument thread-first thread-last internal--listify
       internal--check-binding internal--build-binding-value-form
       internal--build-binding internal--build-bindings if-let* when-let*
       and-let* if-let when-let hash-table-keys hash-table-values string-limit
       named-let subr-x--interleave subr-x--named-let-tco subr-x--named-let-fallback)))

(provide 'subr-x)

;;; subr-x.el ends here
