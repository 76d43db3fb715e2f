;;; cl.el --- the pre-24.3 names of cl-lib, kept for old code  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; `(require 'cl)' makes each unprefixed Common Lisp name an obsolete alias
;; of its `cl-' counterpart (obsolete since 27.1), as GNU 28 does, plus the
;; few old macros whose meaning changed (`flet', `labels', `lexical-let',
;; `defsetf', `define-modify-macro', `define-setf-expander').

(require 'cl-lib)

(let ((plain
       ;; Names whose cl-lib counterpart is cl-NAME.
       "acons adjoin assert assoc-if assoc-if-not block callf callf2 case
        check-type coerce compiler-macroexpand concatenate copy-list copy-seq
        count count-if count-if-not decf declaim define-compiler-macro defstruct
        deftype delete-duplicates delete-if delete-if-not destructuring-bind do
        do* do-all-symbols do-symbols ecase eighth endp equalp etypecase
        eval-when evenp every fifth fill find find-if find-if-not first
        floatp-safe fourth gcd gentemp getf incf intersection isqrt lcm ldiff
        letf letf* list* list-length load-time-value locally loop macrolet
        make-random-state map mapcon mapl maplist member-if member-if-not merge
        minusp mismatch multiple-value-apply multiple-value-bind
        multiple-value-call multiple-value-list multiple-value-setq
        nintersection ninth notany notevery nreconc nset-difference
        nset-exclusive-or nsublis nsubst nsubst-if nsubst-if-not nsubstitute
        nsubstitute-if nsubstitute-if-not nth-value nunion oddp pairlis plusp
        position position-if position-if-not proclaim progv psetf psetq pushnew
        random-state-p rassoc-if rassoc-if-not reduce remf remove-duplicates
        remove-if remove-if-not remprop replace rest return return-from
        revappend rotatef search second set-difference set-exclusive-or seventh
        shiftf signum sixth some stable-sort sublis subseq subsetp subst
        subst-if subst-if-not substitute substitute-if substitute-if-not svref
        symbol-macrolet tailp tenth the third tree-equal typecase typep union
        values values-list")
      ;; Names that lost a trailing star: NAME* is cl-NAME.
      (starred
       "ceiling* member* rem* rassoc* get* truncate* defun* sort* assoc* random*
        round* remove* floor* defmacro* function* mod* mapcar* defsubst*
        delete*"))
  (dolist (name (split-string plain))
    (let ((old (intern name)))
      (defalias old (intern (concat "cl-" name)))
      (make-obsolete old (intern (concat "cl-" name)) "27.1")))
  (dolist (name (split-string starred))
    (let ((old (intern name))
          (new (intern (concat "cl-" (substring name 0 -1)))))
      (defalias old new)
      (make-obsolete old new "27.1"))))

(dolist (suffix '("most-positive-float" "most-negative-float" "least-positive-float"
                  "least-negative-float" "least-positive-normalized-float"
                  "least-negative-normalized-float" "float-epsilon"
                  "float-negative-epsilon"))
  (defvaralias (intern suffix) (intern (concat "cl-" suffix))))

(defmacro flet (bindings &rest body) "Bind each function of BINDINGS, (NAME ARGLIST BODY...), around BODY, dynamically.
Unlike `cl-flet', the definitions replace the global ones while BODY runs."
  (declare (indent 1) (obsolete "use either `cl-flet' or `cl-letf'." "24.3"))
  `(cl-letf ,(mapcar (lambda (binding)
                       `((symbol-function ',(car binding)) (cl-function (lambda ,@(cdr binding)))))
                     bindings)
     ,@body))

(defmacro labels (bindings &rest body) "Bind local recursive functions; see `cl-labels'."
  (declare (indent 1) (obsolete cl-labels "24.3"))
  `(cl-labels ,bindings ,@body))

(defun cl--lexical-let-code (binder bindings body)
  ;; In lexical code BINDER already makes closures; dynamic code gets its
  ;; forms interpreted under lexical binding.
  (let ((form `(,binder ,bindings ,@body)))
    (if lexical-binding form `(funcall (eval '(lambda () ,form) t)))))

(defmacro lexical-let (bindings &rest body) "Bind BINDINGS lexically around BODY, even in dynamically bound code."
  (declare (indent 1) (obsolete "use lexical-binding." "24.3"))
  (cl--lexical-let-code 'let bindings body))

(defmacro lexical-let* (bindings &rest body) "Like `lexical-let', binding BINDINGS one after another."
  (declare (indent 1) (obsolete "use lexical-binding." "24.3"))
  (cl--lexical-let-code 'let* bindings body))

(defmacro defsetf (name arg1 &rest args) "Define how `setf' stores into (NAME ...).
Short form (defsetf NAME SETTER): (SETTER ARGS... VALUE) stores.  Long
form (defsetf NAME ARGLIST (STORE) BODY...): BODY computes the storing code."
  (declare (obsolete gv-define-setter "24.3"))
  (if (and (listp arg1) (consp args))
      `(gv-define-setter ,name (,(car (car args)) ,@arg1) ,@(cdr args))
    `(gv-define-simple-setter ,name ,arg1 ,(car args))))

(defmacro define-modify-macro (name arglist func &optional doc) "Define NAME as a macro (NAME PLACE ARGS...) that sets PLACE to (FUNC PLACE ARGS...)."
  (declare (obsolete gv-letplace "24.3"))
  (let ((rest (memq '&rest arglist)))
    `(defmacro ,name (place ,@arglist)
       ,doc
       ,(if rest
            `(cl-list* 'cl-callf ',func place ,@(butlast arglist 2) ,(cadr rest))
          `(list 'cl-callf ',func place ,@(remq '&optional arglist))))))

(defmacro define-setf-expander (name arglist &rest body) "Define how `setf' and friends reach (NAME ...), the old way.
BODY, run with the place's arguments bound by ARGLIST, returns five values:
temporaries, their value forms, a list of one store variable, the storing
form and the reading form."
  (declare (indent 2) (obsolete gv-define-expander "24.3"))
  `(gv-define-expander ,name
     (lambda (do &rest args)
       (let* ((parts (apply (lambda ,arglist ,@body) args))
              (store-var (car (nth 2 parts))))
         (macroexp-let* (cl-mapcar #'list (nth 0 parts) (nth 1 parts))
           (funcall do (nth 4 parts)
                    (lambda (value)
                      (macroexp-let* (list (list store-var value))
                        (nth 3 parts)))))))))

(defalias 'define-setf-method 'define-setf-expander)

(message "Package cl is deprecated")

(provide 'cl)
