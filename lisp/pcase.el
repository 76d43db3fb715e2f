;;; pcase.el --- pattern matching: pcase and its relatives  -*- lexical-binding: t -*-

;; Written for tsmacs.
;;
;; How it works.  Every clause's pattern is first macroexpanded down to the
;; core language (`pred', `guard', `app', `quote', symbols, `or', `and'),
;; then turned into a "goal": (match SUBJ . PAT), (and GOAL...),
;; (or GOAL...), or one of the markers :pcase--succeed / :pcase--fail.
;; SUBJ is an expression (a symbol, or a constant form) that holds the value
;; being examined.
;;
;; A decision tree is then built from a list of branches, each of the form
;; (GOAL LEAF . VARS): LEAF is a function that, given the variables bound on
;; the way (a list of (NAME VALUE-EXPR)), returns the code to run; VARS are
;; the variables bound so far.  The first branch's goals are taken one at a
;; time; each test splits the remaining branches into those to try when the
;; test succeeds and those to try when it fails, simplifying the goals whose
;; outcome the test already decides.  That is what lets a function called by
;; `pred' or `app' run once even when several clauses use it.
;;
;; The marker :pcase--dontcare stands for "no branch left that matters":
;; `pcase-let' and friends assume their patterns match, so a test whose
;; failure leads there is evaluated for its effects and its result ignored.

(defconst pcase--dontcare-upats '(t _ pcase--dontcare)
  "Patterns that match anything without binding.")

(defvar pcase--dontwarn-upats '(pcase--dontcare))

;; Expansions are cached: interpreted code would otherwise expand a `pcase'
;; each time it runs.  The key comes from the source, so it lives as long
;; as the code does.
(defconst pcase--memoize (make-hash-table :weakness 'key :test 'eq))

(unless (fboundp 'define-symbol-prop)
  (defun define-symbol-prop (symbol prop val)
    "Define the property PROP of SYMBOL to be VAL."
    (put symbol prop val)))

(defun pcase--get-macroexpander (s)
  "Return the macroexpander for pcase pattern head S, or nil."
  (get s 'pcase-macroexpander))

(defmacro pcase--flip (fun arg1 arg2)
  "Call FUN with ARG2 and ARG1, in that order."
  (list fun arg2 arg1))

;;;; Small helpers

(defun pcase--self-quoting-p (upat)
  (or (keywordp upat) (integerp upat) (stringp upat)))

(defun pcase--trivial-upat-p (upat)
  (and (symbolp upat) (not (memq upat pcase--dontcare-upats))))

(defun pcase--occurs-p (sym sexp)
  "Non-nil if SYM appears anywhere inside SEXP (conses and vectors)."
  (let ((found nil))
    (while (and (not found) (consp sexp))
      (if (pcase--occurs-p sym (car sexp)) (setq found t))
      (setq sexp (cdr sexp)))
    (cond
     (found t)
     ((eq sexp sym) t)
     ((vectorp sexp)
      (let ((i 0) (n (length sexp)))
        (while (and (not found) (< i n))
          (if (pcase--occurs-p sym (aref sexp i)) (setq found t))
          (setq i (1+ i)))
        found)))))

(defun pcase--vars-in (vars sexp)
  "Those of the bindings VARS whose name occurs in SEXP, as (NAME VAL) pairs."
  (let ((out nil))
    (dolist (v vars)
      (when (pcase--occurs-p (car v) sexp)
        (push (list (car v) (cadr v)) out)))
    (nreverse out)))

(defun pcase--note-used (subj)
  "Record that the value in SUBJ is needed (SUBJ may be a constant form)."
  (if (symbolp subj) (put subj 'pcase--used t)))

(defun pcase--conj (goal goals)
  (if goals (cons 'and (cons goal goals)) goal))

(defun pcase--hoist (subj pat)
  "Goal for matching SUBJ against PAT, with PAT's `or'/`and' made goals."
  (if (memq (car-safe pat) '(or and))
      (cons (car pat) (mapcar (lambda (p) (pcase--hoist subj p)) (cdr pat)))
    (cons 'match (cons subj pat))))

;;;; Pattern macroexpansion

(defun pcase--macroexpand (pat)
  "Expand all macro-patterns in PAT down to the core pattern language."
  (let ((head (car-safe pat)))
    (cond
     ((null head) (if (pcase--self-quoting-p pat) (list 'quote pat) pat))
     ((memq head '(pred guard quote)) pat)
     ((memq head '(or and)) (cons head (mapcar #'pcase--macroexpand (cdr pat))))
     ((eq head 'app) (list 'app (nth 1 pat) (pcase--macroexpand (nth 2 pat))))
     (t
      (let* ((expander (pcase--get-macroexpander head))
             (new (and expander (apply expander (cdr pat)))))
        (cond
         (new (pcase--macroexpand new))
         (expander (error "Unexpandable %s pattern: %S" head pat))
         (t (error "Unknown %s pattern: %S" head pat))))))))

(defun pcase--warn (msg)
  "Report MSG as GNU does for interpreted code: a message on stderr."
  (message "%sWarning: %s"
           (if (stringp load-file-name)
               (concat (if (fboundp 'file-relative-name)
                           (file-relative-name load-file-name)
                         load-file-name)
                       ": ")
             "")
           msg))

;;;; Code for the tests

(defun pcase--call (fun arg vars)
  "Code that calls FUN (a `pred' or `app' function spec) on ARG."
  (cond
   ((symbolp fun) (list fun arg))
   ((eq (car-safe fun) 'not) (list 'not (pcase--call (cadr fun) arg vars)))
   (t
    (let ((env (pcase--vars-in vars fun)))
      (when (assq arg env)
        ;; The pattern variable would hide the value being examined.
        (let ((tmp (gensym "x")))
          (setq env (cons (list tmp arg) env))
          (setq arg tmp)))
      (let ((call (if (or (functionp fun) (not (consp fun)))
                      (list 'funcall (list 'function fun) arg)
                    (append fun (list arg)))))
        (if env (list 'let* env call) call))))))

(defun pcase--guard-code (exp vars)
  "Code that evaluates the guard EXP with the pattern variables VARS."
  (let ((v (assq exp vars)))
    (if v
        (cadr v)
      (let ((env (pcase--vars-in vars exp)))
        (if env (list 'let* env exp) exp)))))

(defun pcase--quote-test (subj val)
  (cond
   ((null val) (list 'null subj))
   ((integerp val) (list 'eql subj val))
   ((symbolp val)
    (list 'eq subj (if (keywordp val) val (list 'quote val))))
   (t (list 'equal subj (list 'quote val)))))

(defun pcase--if (test then else)
  (cond
   ((eq else :pcase--dontcare) (list 'progn (list 'ignore test) then))
   ((eq then :pcase--dontcare) (list 'progn (list 'ignore test) else))
   ((null else) (list 'if test then))
   (t (list 'if test then else))))

;;;; What one test tells about other goals

(defconst pcase--exclusive-preds
  '((symbolp integerp numberp consp arrayp vectorp stringp
             byte-code-function-p recordp)
    (integerp consp arrayp vectorp stringp byte-code-function-p recordp)
    (numberp consp arrayp vectorp stringp byte-code-function-p recordp)
    (consp arrayp atom vectorp stringp byte-code-function-p recordp)
    (arrayp byte-code-function-p)
    (vectorp byte-code-function-p recordp)
    (stringp vectorp recordp byte-code-function-p))
  "Each entry: a predicate, then predicates that cannot hold with it.")

(defun pcase--exclusive-p (p1 p2)
  (let ((e1 (assq p1 pcase--exclusive-preds))
        (e2 (assq p2 pcase--exclusive-preds)))
    (or (and e1 (memq p2 (cdr e1)))
        (and e2 (memq p1 (cdr e2))))))

(defconst pcase--pure-preds
  '(null not atom consp listp symbolp keywordp integerp numberp floatp
         natnump stringp vectorp arrayp sequencep characterp booleanp
         recordp zerop)
  "Predicates that may be computed when the pattern is expanded.")

(defun pcase--static-pred (fun val)
  "FUN applied to VAL if FUN is a pure predicate: a list of the answer, or nil."
  (and (symbolp fun) (memq fun pcase--pure-preds)
       (condition-case nil (list (funcall fun val)) (error nil))))

(defun pcase--after-equal (val pat)
  "What knowing the subject is VAL (or not) says about PAT: (THEN . ELSE)."
  (cond
   ((eq (car-safe pat) 'quote)
    (if (equal (cadr pat) val)
        '(:pcase--succeed . :pcase--fail)
      '(:pcase--fail . nil)))
   ((eq (car-safe pat) 'pred)
    (let ((r (pcase--static-pred (cadr pat) val)))
      (cond ((null r) nil)
            ((car r) '(:pcase--succeed . nil))
            (t '(:pcase--fail . nil)))))))

(defun pcase--invert (x)
  (cond ((eq x :pcase--succeed) :pcase--fail)
        ((eq x :pcase--fail) :pcase--succeed)))

(defun pcase--after-test (vars upat pat)
  "What the outcome of the `pred'/`guard' UPAT says about PAT: (THEN . ELSE).
Each half is :pcase--succeed, :pcase--fail or nil (unknown)."
  (cond
   ((and (equal upat pat)
         (or (and (eq (car upat) 'pred) (symbolp (cadr upat)))
             (null (pcase--vars-in vars (cadr upat)))))
    '(:pcase--succeed . :pcase--fail))
   ((and (eq (car-safe pat) 'pred) (eq (car-safe (cadr pat)) 'not))
    (let ((r (pcase--after-test vars upat (list 'pred (cadr (cadr pat))))))
      (cons (pcase--invert (car r)) (pcase--invert (cdr r)))))
   ((not (eq (car upat) 'pred)) nil)
   ((eq (car-safe (cadr upat)) 'not)
    (let ((r (pcase--after-test vars (list 'pred (cadr (cadr upat))) pat)))
      (cons (cdr r) (car r))))
   ((let ((other (cond ((eq (car-safe pat) 'pred) (cadr pat))
                       ((not (eq (car-safe pat) 'quote)) nil)
                       ((consp (cadr pat)) 'consp)
                       ((stringp (cadr pat)) 'stringp)
                       ((vectorp (cadr pat)) 'vectorp))))
      (and other (symbolp other) (symbolp (cadr upat))
           (pcase--exclusive-p (cadr upat) other)))
    '(:pcase--fail . nil))
   ((and (eq (car-safe (cadr upat)) 'pcase--flip)
         (memq (nth 1 (cadr upat)) '(memq memql member))
         (eq (car-safe (nth 2 (cadr upat))) 'quote)
         (eq (car-safe pat) 'quote))
    (if (member (cadr pat) (cadr (nth 2 (cadr upat))))
        '(nil . :pcase--fail)
      '(:pcase--fail . nil)))
   ((and (eq (car-safe pat) 'quote)
         (let ((v (cadr pat)))
           (or (symbolp v) (stringp v) (numberp v))))
    (let ((r (pcase--static-pred (cadr upat) (cadr pat))))
      (cond ((null r) nil)
            ((car r) '(nil . :pcase--fail))
            (t '(:pcase--fail . nil)))))))

(defun pcase--split-goal (subj judge goal)
  "Simplify GOAL for both outcomes of a test on SUBJ: (THEN . ELSE).
JUDGE maps a pattern on SUBJ to what the test says about it."
  (cond
   ((eq (car-safe goal) 'match)
    (if (not (eq (cadr goal) subj))
        (cons goal goal)
      (let ((r (funcall judge (cddr goal))))
        (cons (or (car r) goal) (or (cdr r) goal)))))
   ((memq (car-safe goal) '(or and))
    (let* ((is-or (eq (car goal) 'or))
           (neutral (if is-or :pcase--fail :pcase--succeed))
           (absorbing (if is-or :pcase--succeed :pcase--fail))
           (thens nil) (elses nil))
      (dolist (sub (cdr goal))
        (let ((r (pcase--split-goal subj judge sub)))
          (unless (eq (car r) neutral) (push (car r) thens))
          (unless (eq (cdr r) neutral) (push (cdr r) elses))))
      (cons (pcase--rebuild (car goal) neutral absorbing (nreverse thens))
            (pcase--rebuild (car goal) neutral absorbing (nreverse elses)))))
   ((memq goal '(:pcase--succeed :pcase--fail)) (cons goal goal))
   (t (error "Unknown MATCH %s" goal))))

(defun pcase--rebuild (op neutral absorbing parts)
  (cond ((memq absorbing parts) absorbing)
        ((null parts) neutral)
        ((null (cdr parts)) (car parts))
        (t (cons op parts))))

(defun pcase--partition (subj judge branches)
  "Split BRANCHES by a test on SUBJ: (THEN-BRANCHES . ELSE-BRANCHES)."
  (let ((thens nil) (elses nil))
    (dolist (b branches)
      (let ((r (pcase--split-goal subj judge (car b))))
        (unless (eq (car r) :pcase--fail) (push (cons (car r) (cdr b)) thens))
        (unless (eq (cdr r) :pcase--fail) (push (cons (cdr r) (cdr b)) elses))))
    (cons (nreverse thens) (nreverse elses))))

(defun pcase--reuse-app-goal (goal subj fun nsym)
  "GOAL with every `app' of FUN on SUBJ replaced by a match on NSYM."
  (cond
   ((eq (car-safe goal) 'match)
    (let ((pat (cddr goal)))
      (if (and (eq (cadr goal) subj) (eq (car-safe pat) 'app)
               (equal (nth 1 pat) fun))
          (pcase--hoist nsym (nth 2 pat))
        goal)))
   ((memq (car-safe goal) '(or and))
    (cons (car goal)
          (mapcar (lambda (g) (pcase--reuse-app-goal g subj fun nsym))
                  (cdr goal))))
   ((memq goal '(:pcase--succeed :pcase--fail)) goal)
   (t (error "Unknown MATCH %s" goal))))

;;;; The decision tree

(defun pcase--tree (branches)
  "Code that runs the first of BRANCHES whose goal holds, or nil."
  (setq branches (delq nil branches))
  (when branches
    (let ((b (car branches)))
      (pcase--solve (list (car b)) (cadr b) (cddr b) (cdr branches)))))

(defun pcase--solve (goals leaf vars rest)
  "Code that runs LEAF (with VARS) if all GOALS hold, else tries REST."
  (let ((g (car goals)))
    (cond
     ((null goals) (funcall leaf vars))
     ((eq g :pcase--fail) (pcase--tree rest))
     ((eq g :pcase--succeed) (pcase--solve (cdr goals) leaf vars rest))
     ((eq (car-safe g) 'and)
      (pcase--solve (append (cdr g) (cdr goals)) leaf vars rest))
     ((eq (car-safe g) 'or) (pcase--solve-or g (cdr goals) leaf vars rest))
     ((eq (car-safe g) 'match)
      (pcase--solve-match (cadr g) (cddr g) (cdr goals) leaf vars rest))
     (t (error "Incorrect MATCH %S" g)))))

(defun pcase--solve-or (g more leaf vars rest)
  (let* ((alts (cdr g))
         (first (car alts))
         (subj (and (eq (car-safe first) 'match) (cadr first)))
         (consts nil) (others nil) (memfun 'memq))
    (when subj
      ;; Equality tests on the same subject become one membership test.
      (dolist (alt alts)
        (if (and (eq (car-safe alt) 'match) (eq (cadr alt) subj)
                 (eq (car-safe (cddr alt)) 'quote))
            (let ((v (cadr (cddr alt))))
              (cond ((integerp v) (if (eq memfun 'memq) (setq memfun 'memql)))
                    ((not (symbolp v)) (setq memfun 'member)))
              (push v consts))
          (push alt others))))
    (cond
     ((null alts) (error "Please avoid it"))
     ((cdr consts)
      (pcase--solve
       (cons (cons 'match
                   (cons subj (list 'pred (list 'pcase--flip memfun
                                                (list 'quote consts)))))
             more)
       leaf vars
       (if (null others)
           rest
         (setq others (nreverse others))
         (cons (cons (pcase--conj (if (cdr others) (cons 'or others) (car others))
                                  more)
                     (cons leaf vars))
               rest))))
     (t
      (let ((remaining (cdr alts)))
        (unless remaining (error "Please avoid it"))
        (pcase--solve
         (cons first more) leaf vars
         (cons (cons (pcase--conj (if (cdr remaining) (cons 'or remaining)
                                    (car remaining))
                                  more)
                     (cons leaf vars))
               rest)))))))

(defun pcase--solve-match (subj pat more leaf vars rest)
  (cond
   ((memq pat '(t _))
    (if (eq pat t) (pcase--warn "Pattern t is deprecated.  Use `_' instead"))
    (pcase--solve more leaf vars rest))
   ((eq pat 'pcase--dontcare) :pcase--dontcare)
   ((memq (car-safe pat) '(pred guard))
    (if (eq (car pat) 'pred) (pcase--note-used subj))
    (let* ((split (pcase--partition
                   subj (lambda (p) (pcase--after-test vars pat p)) rest))
           (test (if (eq (car pat) 'pred)
                     (pcase--call (cadr pat) subj vars)
                   (pcase--guard-code (cadr pat) vars)))
           (then (pcase--solve more leaf vars (car split))))
      (pcase--if test then (pcase--tree (cdr split)))))
   ((and pat (symbolp pat))
    (pcase--note-used subj)
    (let ((prev (assq pat vars)))
      (if prev
          ;; A variable seen before: the values must be `eql'.
          (pcase--solve (cons (cons 'match
                                    (cons subj (list 'pred (list 'eql (cadr prev)))))
                              more)
                        leaf vars rest)
        (pcase--solve more leaf (cons (list pat subj) vars) rest))))
   ((eq (car-safe pat) 'app)
    (pcase--note-used subj)
    (let* ((fun (nth 1 pat))
           (nsym (gensym "x"))
           (body (pcase--solve
                  (cons (pcase--hoist nsym (nth 2 pat)) more) leaf vars
                  (mapcar (lambda (b)
                            (cons (pcase--reuse-app-goal (car b) subj fun nsym)
                                  (cdr b)))
                          rest))))
      (if (get nsym 'pcase--used)
          (list 'let* (list (list nsym (pcase--call fun subj vars))) body)
        body)))
   ((eq (car-safe pat) 'quote)
    (pcase--note-used subj)
    (let* ((val (cadr pat))
           (split (pcase--partition
                   subj (lambda (p) (pcase--after-equal val p)) rest))
           (then (pcase--solve more leaf vars (car split))))
      (pcase--if (pcase--quote-test subj val) then (pcase--tree (cdr split)))))
   (t (error "Unknown pattern `%S'" pat))))

;;;; Putting it together

(defun pcase-compile-patterns (exp cases)
  "Compile the set of patterns in CASES.
EXP is the expression that will be matched against the patterns.
CASES is a list of elements (PAT . CODEGEN) where CODEGEN is a function
of VARVALS and COUNT that returns the code (a cons) to run when PAT
matches.  VARVALS is a list of (VAR VAL) for each variable bound by
PAT; COUNT is how many times CODEGEN is called."
  (let* ((subj (if (macroexp-copyable-p exp) exp (make-symbol "val")))
         (seen nil)
         (counter 0)
         (tree
          (pcase--tree
           (mapcar
            (lambda (case)
              (cons (pcase--hoist subj (pcase--macroexpand (car case)))
                    (cons (lambda (vars)
                            (let ((entry (assq case seen))
                                  (ph (cons 'pcase--placeholder
                                            (setq counter (1+ counter)))))
                              (unless entry
                                (setq entry (list case))
                                (push entry seen))
                              (setcdr entry (cons (cons vars ph) (cdr entry)))
                              ph))
                          nil)))
            cases))))
    ;; Fill in the leaves now that we know how often each is used.
    (dolist (entry seen)
      (let ((codegen (cdr (car entry)))
            (uses (cdr entry))
            (names nil))
        (dolist (use uses)
          (dolist (v (car use))
            (unless (memq (car v) names) (push (car v) names))))
        (dolist (use uses)
          (let* ((vars (car use))
                 (varvals (mapcar (lambda (n) (list n (cadr (assq n vars))))
                                  names))
                 (code (funcall codegen varvals (length uses)))
                 (ph (cdr use)))
            (setcar ph (car code))
            (setcdr ph (cdr code))))))
    (dolist (case cases)
      (unless (or (assq case seen) (memq (car case) pcase--dontwarn-upats))
        (pcase--warn (format "pcase pattern %S shadowed by previous pcase pattern"
                             (car case)))))
    (if (eq tree :pcase--dontcare) (setq tree nil))
    (if (eq subj exp)
        tree
      (list 'let* (list (list subj exp)) tree))))

(defun pcase--small-body-p (code)
  (and (null (cdr code))
       (or (atom (car code))
           (let ((small t))
             (dolist (e (car code)) (if (consp e) (setq small nil)))
             small))))

(defun pcase--expand (exp cases)
  "The code for (pcase EXP . CASES)."
  (let* ((defs nil)
         (make-codegen
          (lambda (code)
            (if (member code '(nil (nil) ('nil)))
                (lambda (&rest _) ''nil)
              (let ((fsym nil))
                (lambda (varvals count &rest _)
                  (if (or (< count 2) (pcase--small-body-p code))
                      (cons 'let
                            (cons (mapcar (lambda (vv) (list (car vv) (cadr vv)))
                                          varvals)
                                  code))
                    ;; A big body reached several times: share it.
                    (unless fsym
                      (setq fsym (make-symbol (format "pcase-%d" (length defs))))
                      (push (list fsym (cons 'lambda
                                             (cons (mapcar #'car varvals) code)))
                            defs))
                    (cons 'funcall (cons fsym (mapcar #'cadr varvals)))))))))
         (main (pcase-compile-patterns
                exp
                (mapcar (lambda (case)
                          (cons (car case) (funcall make-codegen (cdr case))))
                        cases))))
    (if defs (list 'let* defs main) main)))

;;;; The macros

(defmacro pcase (exp &rest cases)
  "Evaluate EXP to get EXPVAL; try passing control to one of CASES.
CASES is a list of elements of the form (PATTERN CODE...).
For the first CASE whose PATTERN \"matches\" EXPVAL,
evaluate its CODE..., and return the value of the last form.
If no CASE has a PATTERN that matches, return nil.

PATTERN can take one of the forms:

  _                matches anything.
  \\='VAL             matches if EXPVAL is `equal' to VAL.
  KEYWORD          shorthand for \\='KEYWORD
  INTEGER          shorthand for \\='INTEGER
  STRING           shorthand for \\='STRING
  SYMBOL           matches anything and binds it to SYMBOL.
                   If a SYMBOL is used twice in the same pattern
                   the second occurrence becomes an `eq'uality test.
  (pred FUN)       matches if FUN called on EXPVAL returns non-nil.
  (pred (not FUN)) matches if FUN called on EXPVAL returns nil.
  (app FUN PAT)    matches if FUN called on EXPVAL matches PAT.
  (guard BOOLEXP)  matches if BOOLEXP evaluates to non-nil.
  (and PAT...)     matches if all the patterns match.
  (or PAT...)      matches if any of the patterns matches.

FUN in `pred' and `app' can take one of the forms:
  SYMBOL  or  (lambda ARGS BODY)
     call it with one argument
  (F ARG1 .. ARGn)
     call F with ARG1..ARGn and EXPVAL as n+1'th argument

FUN, BOOLEXP, and subsequent PAT can refer to variables
bound earlier in the pattern by a SYMBOL pattern.

Additional patterns can be defined using `pcase-defmacro'."
  (declare (indent 1))
  (let ((memo (gethash (car cases) pcase--memoize)))
    (if (and memo (equal exp (car memo)) (equal cases (cadr memo)))
        (cddr memo)
      (let ((expansion (pcase--expand exp cases)))
        (puthash (car cases) (cons exp (cons cases expansion)) pcase--memoize)
        expansion))))

(defmacro pcase-exhaustive (exp &rest cases)
  "The exhaustive version of `pcase' (which see).
If EXP fails to match any of the patterns in CASES, an error is
signaled."
  (declare (indent 1))
  (let* ((x (gensym "x"))
         (pcase--dontwarn-upats (cons x pcase--dontwarn-upats)))
    (pcase--expand
     exp (append cases
                 (list (list x (list 'error "No clause matching `%S'" x)))))))

(defun pcase--parse-body (body)
  "Split BODY into (DECLARATIONS . FORMS), as `macroexp-parse-body' does."
  (let ((decls nil))
    (while (and (cdr body)
                (let ((e (car body)))
                  (or (stringp e)
                      (memq (car-safe e)
                            '(:documentation declare interactive cl-declare)))))
      (push (car body) decls)
      (setq body (cdr body)))
    (cons (nreverse decls) body)))

(defmacro pcase-lambda (lambda-list &rest body)
  "Like `lambda' but allow each argument to be a pattern.
I.e. accepts the usual &optional and &rest keywords, but every
formal argument can be any pattern accepted by `pcase' (a mere
variable name being but a special case of it)."
  (declare (doc-string 2) (indent defun))
  (let* ((bindings nil)
         (parsed (pcase--parse-body body))
         (args (mapcar (lambda (pat)
                         (if (symbolp pat)
                             pat
                           (let ((arg (make-symbol
                                       (format "arg%s" (length bindings)))))
                             (push (list pat arg) bindings)
                             arg)))
                       lambda-list)))
    (cons 'lambda
          (cons args
                (append (car parsed)
                        (list (cons 'pcase-let*
                                    (cons (nreverse bindings) (cdr parsed)))))))))

(defun pcase--let* (bindings body)
  (cond
   ((null bindings) (macroexp-progn body))
   ((pcase--trivial-upat-p (car (car bindings)))
    (let ((inner (pcase--let* (cdr bindings) body)))
      (if (eq (car-safe inner) 'let*)
          (cons 'let* (cons (cons (car bindings) (cadr inner)) (cddr inner)))
        (list 'let* (list (car bindings)) inner))))
   (t
    (let ((binding (car bindings)))
      ;; The patterns are assumed to match: failing tests lead nowhere
      ;; (`pcase--dontcare'), so they are evaluated but not obeyed.
      (pcase--expand (cadr binding)
                     (list (list (car binding) (pcase--let* (cdr bindings) body))
                           (list 'pcase--dontcare nil)))))))

(defmacro pcase-let* (bindings &rest body)
  "Like `let*', but supports destructuring BINDINGS using `pcase' patterns.
As with `pcase-let', BINDINGS are of the form (PATTERN EXP), but the
EXP in each binding in BINDINGS can use the results of the destructuring
bindings that precede it in BINDINGS' order.

Each EXP should match (i.e. be of compatible structure) to its
respective PATTERN; a mismatch may signal an error or may go
undetected, binding variables to arbitrary values, such as nil."
  (declare (indent 1))
  (let ((memo (gethash bindings pcase--memoize)))
    (if (and memo (equal (car memo) body))
        (cdr memo)
      (let ((expansion (pcase--let* bindings body)))
        (puthash bindings (cons body expansion) pcase--memoize)
        expansion))))

(defmacro pcase-let (bindings &rest body)
  "Like `let', but supports destructuring BINDINGS using `pcase' patterns.
BODY should be a list of expressions, and BINDINGS should be a list of
bindings of the form (PATTERN EXP).
All EXPs are evaluated first, and then used to perform destructuring
bindings by matching each EXP against its respective PATTERN.  Then
BODY is evaluated with those bindings in effect.

Each EXP should match (i.e. be of compatible structure) to its
respective PATTERN; a mismatch may signal an error or may go
undetected, binding variables to arbitrary values, such as nil."
  (declare (indent 1))
  (if (null (cdr bindings))
      (cons 'pcase-let* (cons bindings body))
    (let ((plain nil) (matches nil))
      (dolist (binding bindings)
        (cond
         ((memq (car binding) pcase--dontcare-upats)
          (push (cons (make-symbol "_") (cdr binding)) plain))
         ((pcase--trivial-upat-p (car binding)) (push binding plain))
         (t
          (let ((tmp (make-symbol (format "x%d" (length plain)))))
            (push (cons tmp (cdr binding)) plain)
            (push (list (car binding) tmp) matches)))))
      (list 'let (nreverse plain)
            (cons 'pcase-let* (cons matches body))))))

(defmacro pcase-dolist (spec &rest body)
  "Eval BODY once for each set of bindings defined by PATTERN and LIST elements.
PATTERN should be a `pcase' pattern describing the structure of
LIST elements, and LIST is a list of objects that match PATTERN.
The destructuring is performed as if by `pcase-let'.
\n(fn (PATTERN LIST) BODY...)"
  (declare (indent 1))
  (if (pcase--trivial-upat-p (car spec))
      (cons 'dolist (cons spec body))
    (let ((tmp (gensym "x")))
      (list 'dolist (cons tmp (cdr spec))
            (cons 'pcase-let* (cons (list (list (car spec) tmp)) body))))))

(defmacro pcase-setq (pat val &rest args)
  "Assign values to variables by destructuring with `pcase'.
PATTERNS are normal `pcase' patterns, and VALUES are expression.

Evaluation happens sequentially as in `setq' (not in parallel).

VAL is presumed to match PAT.  Failure to match may signal an error or go
undetected, binding variables to arbitrary values, such as nil.

\(fn PATTERNS VALUE PATTERN VALUES ...)"
  (cond
   (args
    (let ((n (length args)))
      (unless (= 0 (% n 2))
        (signal 'wrong-number-of-arguments (list 'pcase-setq (+ 2 n)))))
    (let ((forms nil))
      (while args
        (push (list 'pcase-setq (car args) (cadr args)) forms)
        (setq args (cddr args)))
      (cons 'progn (cons (list 'pcase-setq pat val) (nreverse forms)))))
   ((pcase--trivial-upat-p pat) (list 'setq pat val))
   (t
    (pcase-compile-patterns
     val
     (list (cons pat
                 (lambda (varvals &rest _)
                   (cons 'setq
                         (mapcan (lambda (vv) (list (car vv) (cadr vv)))
                                 varvals))))
           (cons 'pcase--dontcare #'ignore))))))

(defmacro pcase-defmacro (name args &rest body)
  "Define a new kind of pcase PATTERN, by macro expansion.
Patterns of the form (NAME ...) will be expanded according
to this macro.
\n(fn NAME ARGS [DOC] &rest BODY...)"
  (declare (indent 2) (doc-string 3))
  (let ((fsym (intern (format "%s--pcase-macroexpander" name)))
        (decl (assq 'declare body)))
    (when decl (setq body (remove decl body)))
    (list 'progn
          (list 'eval-and-compile (cons 'defun (cons fsym (cons args body))))
          (list 'define-symbol-prop (list 'quote fsym) ''edebug-form-spec
                (list 'quote (cadr (assq 'debug decl))))
          (list 'define-symbol-prop (list 'quote name) ''pcase-macroexpander
                (list 'function fsym)))))

;;;; Built-in pattern macros

(pcase-defmacro \` (qpat)
  "Backquote-style pcase patterns: \\=`QPAT
QPAT can take the following forms:
  (QPAT1 . QPAT2)       matches if QPAT1 matches the car and QPAT2 the cdr.
  [QPAT1 QPAT2..QPATn]  matches a vector of length n and QPAT1..QPATn match
                           its 0..(n-1)th elements, respectively.
  ,PAT                  matches if the `pcase' pattern PAT matches.
  SYMBOL                matches if EXPVAL is `equal' to SYMBOL.
  KEYWORD               likewise for KEYWORD.
  NUMBER                likewise for NUMBER.
  STRING                likewise for STRING."
  (cond
   ((eq (car-safe qpat) '\,) (cadr qpat))
   ((vectorp qpat)
    (let ((parts nil) (i 0) (n (length qpat)))
      (while (< i n)
        (push (list 'app (list 'pcase--flip 'aref i) (list '\` (aref qpat i)))
              parts)
        (setq i (1+ i)))
      (cons 'and (cons '(pred vectorp)
                       (cons (list 'app 'length n) (nreverse parts))))))
   ((consp qpat)
    (list 'and '(pred consp)
          (list 'app 'car-safe (list '\` (car qpat)))
          (list 'app 'cdr-safe (list '\` (cdr qpat)))))
   ((or (stringp qpat) (numberp qpat) (symbolp qpat)) (list 'quote qpat))
   (t (error "Unknown QPAT: %S" qpat))))

(pcase-defmacro let (pat expr)
  "Matches if EXPR matches PAT."
  (list 'app (list 'lambda '(_) expr) pat))

;;;; cl-type (GNU defines it with cl-lib; we keep it here)

(defun pcase--typep (val type)
  "A stand-in for `cl-typep' covering the common type specifiers."
  (cond
   ((eq type t) t)
   ((null type) nil)
   ((consp type)
    (let ((head (car type)))
      (cond
       ((eq head 'or)
        (let ((r nil) (ts (cdr type)))
          (while (and ts (not r)) (setq r (pcase--typep val (car ts)) ts (cdr ts)))
          r))
       ((eq head 'and)
        (let ((r t) (ts (cdr type)))
          (while (and ts r) (setq r (pcase--typep val (car ts)) ts (cdr ts)))
          r))
       ((eq head 'not) (not (pcase--typep val (cadr type))))
       ((memq head '(member cl-member)) (and (memql val (cdr type)) t))
       ((eq head 'eql) (eql val (cadr type)))
       ((eq head 'satisfies) (funcall (cadr type) val))
       ((memq head '(integer float real number))
        (and (pcase--typep val head)
             (or (memq (cadr type) '(* nil)) (>= val (cadr type)))
             (or (memq (nth 2 type) '(* nil)) (<= val (nth 2 type)))))
       (t (error "Bad type spec: %s" type)))))
   ((memq type '(null)) (null val))
   ((eq type 'atom) (atom val))
   ((eq type 'real) (numberp val))
   ((eq type 'float) (floatp val))
   ((eq type 'fixnum) (and (integerp val) (fixnump val)))
   ((eq type 'bignum) (and (integerp val) (bignump val)))
   ((eq type 'character) (characterp val))
   ((eq type 'natnum) (natnump val))
   ((eq type 'boolean) (booleanp val))
   ((eq type 'keyword) (keywordp val))
   ((eq type 'list) (listp val))
   ((eq type 'cons) (consp val))
   ((eq type 'symbol) (symbolp val))
   ((eq type 'string) (stringp val))
   ((eq type 'array) (arrayp val))
   ((eq type 'vector) (vectorp val))
   ((eq type 'sequence) (sequencep val))
   ((eq type 'number) (numberp val))
   ((eq type 'integer) (integerp val))
   ((eq type 'function) (functionp val))
   ((and (symbolp type) (get type 'cl-deftype-satisfies))
    (funcall (get type 'cl-deftype-satisfies) val))
   ((and (symbolp type) (fboundp (intern (format "%s-p" type))))
    (funcall (intern (format "%s-p" type)) val))
   ((and (symbolp type) (fboundp (intern (format "%sp" type))))
    (funcall (intern (format "%sp" type)) val))
   (t (error "Unknown type %S" type))))

(pcase-defmacro cl-type (type)
  "Pcase pattern that matches objects of TYPE.
TYPE is a type descriptor as accepted by `cl-typep', which see."
  (list 'pred (list 'pcase--flip (if (fboundp 'cl-typep) 'cl-typep 'pcase--typep)
                    (list 'quote type))))

(pcase-defmacro cl-struct (type &rest fields)
  "Pcase patterns that match cl-struct EXPVAL of type TYPE.
Elements of FIELDS can be of the form (NAME PAT) in which case the
contents of field NAME is matched against PAT, or they can be of
the form NAME which is a shorthand for (NAME NAME)."
  (cons 'and
        (cons (list 'pred (list 'pcase--flip 'cl-typep (list 'quote type)))
              (mapcar
               (lambda (field)
                 (let* ((slot (if (consp field) (car field) field))
                        (pat (if (consp field) (cadr field) field))
                        (offset (cl-struct-slot-offset type slot)))
                   (list 'app
                         (if (eq (cl-struct-sequence-type type) 'list)
                             (list 'nth offset)
                           (list 'pcase--flip 'aref offset))
                         pat)))
               fields))))

(provide 'pcase)

;;; pcase.el ends here
