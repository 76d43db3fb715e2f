;;; pcase.el --- pattern matching for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;;; Commentary:

;; A `pcase' form turns into a decision tree in three steps.
;;
;; First every clause's pattern is reduced to the kernel language by
;; calling the pattern macros of `pcase-defmacro'.  What remains is made of
;; symbols, `quote', `pred', `guard', `app', `and' and `or'.
;;
;; Then each clause becomes a row (CHECKS ENV LEAF).  CHECKS lists what is
;; still to be verified, as (SUBJECT . PATTERN) pairs where SUBJECT is a
;; symbol or a constant holding the value looked at; ENV is an alist from
;; the pattern variables bound so far to their subjects; LEAF stands for
;; the clause body.  Only the first check of the first row is ever worked
;; on.  When it is a test, the other rows are copied twice, once assuming
;; the test passed and once assuming it failed, and whatever that settles
;; in their own checks is settled there and then.  So a function that
;; several clauses apply to the same value runs only once.  Inside a
;; pattern, the internal form (pcase--at SUBJECT PATTERN) redirects a part
;; of it to another subject: that is how a later row learns to reuse the
;; result of an `app' computed for an earlier one.
;;
;; Last come the bodies.  Until the tree is complete a leaf is a
;; placeholder, because only then is it known how often a body is reached
;; and which variables each path binds.
;;
;; `pcase-let' and its relatives end their clause list with the marker
;; pattern `pcase--dontcare': a test whose failure could only lead to it is
;; still evaluated, for its side effects, but its answer is disregarded.

;;;; State of one compilation

(defvar pcase--quiet-patterns nil "Patterns that may be unreachable without a warning.
`pcase-compile-patterns' warns about the other clauses nothing reaches.")

(defvar pcase--live-subjects nil "Subjects whose value the code built so far refers to.
A temporary made for an `app' is only bound when it ends up here.")

(defconst pcase--expansion-cache (make-hash-table :test 'eq :weakness 'key) "Finished expansions, keyed by the clause or binding list they came from.
Interpreted code expands its macros every time it runs; keying on a cons
of the source keeps an entry exactly as long as that code is alive.")

(defun pcase--cached (key tag build) "Return the expansion stored under KEY for TAG, or call BUILD and store it.
KEY is a cons of the macro call; TAG is another of its arguments, which
must be `eq' to the stored one for the entry to count."
  (let ((entry (and (consp key) (gethash key pcase--expansion-cache))))
    (if (and entry (eq (car entry) tag))
        (cdr entry)
      (let ((fresh (funcall build)))
        (when (consp key)
          (puthash key (cons tag fresh) pcase--expansion-cache))
        fresh))))

(defun pcase--warn (text) "Report TEXT, a remark about a `pcase' form, as a warning."
  (message "Warning: %s" text))

(defun pcase--note-live (subject) "Record that the generated code reads SUBJECT."
  (and (symbolp subject)
       (not (memq subject pcase--live-subjects))
       (push subject pcase--live-subjects)))

(defun pcase--wildcard-p (pat) "Non-nil if PAT is one of the symbols that match without binding."
  (memq pat '(_ t pcase--dontcare)))

(defun pcase--plain-var-p (pat) "Non-nil if PAT is a symbol that simply names a variable."
  (and (symbolp pat) (not (pcase--wildcard-p pat))))

;;;; From patterns to the kernel language

(defun pcase--kernel (pat) "Return PAT with its pattern macros expanded, in kernel form.
Kernel forms are kept as they are; unknown atoms are left for the
compiler, which complains only if it gets to them."
  (cond
   ((or (keywordp pat) (integerp pat) (stringp pat)) (list 'quote pat))
   ((eq pat t)
    ;; GNU's exact warning, which programs see; built from its parts.
    (pcase--warn (format "Pattern %s is deprecated.  Use `%s' instead" t '_))
    '_)
   ((atom pat) pat)
   ((memq (car pat) '(quote pred guard)) pat)
   ((memq (car pat) '(and or))
    (cons (car pat) (mapcar #'pcase--kernel (cdr pat))))
   ((eq (car pat) 'app)
    (list 'app (nth 1 pat) (pcase--kernel (nth 2 pat))))
   (t
    (let* ((expander (or (get (car pat) 'pcase-macroexpander)
                         (error "Unknown %s pattern: %S" (car pat) pat)))
           (expansion (apply expander (cdr pat))))
      (if expansion
          (pcase--kernel expansion)
        (error "Unexpandable %s pattern: %S" (car pat) pat))))))

;;;; Code for single tests

(defun pcase--mentions-p (sym form) "Non-nil if the symbol SYM occurs somewhere in the list structure FORM."
  ;; Walk the spine; a cons left over means its car mentions SYM.
  (while (and (consp form) (not (pcase--mentions-p sym (car form))))
    (pop form))
  (or (consp form) (eq form sym)))

(defun pcase--env-refs (env form) "Return the entries of ENV whose variable FORM mentions."
  (let ((refs nil))
    (dolist (entry env)
      (when (pcase--mentions-p (car entry) form)
        (push entry refs)))
    refs))

(defun pcase--in-env (refs form) "Wrap FORM so that the pattern variables of REFS hold their values."
  (if (null refs)
      form
    (dolist (entry refs) (pcase--note-live (cdr entry)))
    (list 'let (mapcar (lambda (entry) (list (car entry) (cdr entry))) refs)
          form)))

(defun pcase--call-form (fun subject env) "Return code applying FUN, a `pred' or `app' function, to SUBJECT.
ENV gives the pattern variables FUN may use."
  (if (eq (car-safe fun) 'not)
      (list 'not (pcase--call-form (cadr fun) subject env))
    (pcase--note-live subject)
    (let* ((refs (and (not (symbolp fun)) (pcase--env-refs env fun)))
           ;; Binding the variables must not hide SUBJECT itself.
           (alias (and (assq subject refs) (make-symbol "x")))
           (arg (or alias subject))
           (call (cond ((symbolp fun) (list fun arg))
                       ((functionp fun) (list 'funcall (list 'function fun) arg))
                       (t (append fun (list arg))))))
      (if alias
          (list 'let (list (list alias subject)) (pcase--in-env refs call))
        (pcase--in-env refs call)))))

(defun pcase--equality-form (subject value) "Return code checking that SUBJECT holds VALUE, by the cheapest equality."
  (cond ((null value) (list 'null subject))
        ((symbolp value) (list 'eq subject (list 'quote value)))
        ((integerp value) (list 'eql subject value))
        (t (list 'equal subject (list 'quote value)))))

(defun pcase--test-form (subject pat env) "Return code for the kernel test PAT (`quote', `pred' or `guard') on SUBJECT.
ENV gives the pattern variables the test may use."
  (let ((arg (cadr pat)))
    (cond ((eq (car pat) 'quote)
           (pcase--note-live subject)
           (pcase--equality-form subject arg))
          ((eq (car pat) 'pred) (pcase--call-form arg subject env))
          (t (pcase--in-env (pcase--env-refs env arg) arg)))))

(defun pcase--branch-form (test then else) "Return code where TEST selects THEN or ELSE.
Either branch may be :pcase--dontcare, the mark of a branch whose
choice does not matter: then TEST only runs for its side effects."
  (cond ((and (eq then :pcase--dontcare) (eq else :pcase--dontcare)) then)
        ((eq else :pcase--dontcare) (list 'progn (list 'ignore test) then))
        ((eq then :pcase--dontcare) (list 'progn (list 'ignore test) else))
        (else (list 'if test then else))
        (t (list 'if test then))))

;;;; What a test teaches about the patterns of other rows

(defconst pcase--type-kinds
  '((null sym) (symbolp sym) (keywordp sym) (booleanp sym)
    (integerp int) (natnump int) (fixnump int) (bignump int) (characterp int)
    (floatp flt) (numberp int flt)
    (consp cons) (listp cons sym)
    (atom sym int flt str vec bvec ctab rec code hash)
    (stringp str) (vectorp vec) (bool-vector-p bvec) (char-table-p ctab)
    (arrayp str vec bvec ctab) (sequencep cons sym str vec bvec ctab)
    (recordp rec) (byte-code-function-p code) (hash-table-p hash))
  "Side-effect free type predicates, each with the kinds of object it accepts.
Two of them whose kinds do not overlap cannot both be true.")

(defun pcase--disjoint-p (f g) "Non-nil if the type predicates F and G are never both true."
  (let ((fk (cdr (assq f pcase--type-kinds)))
        (gk (cdr (assq g pcase--type-kinds)))
        (overlap nil))
    (when (and fk gk)
      (dolist (k fk) (if (memq k gk) (setq overlap t)))
      (not overlap))))

(defun pcase--try-call (fn &rest args) "Return a one-element list of FN's value on ARGS, or nil if FN signals."
  (ignore-errors (list (apply fn args))))

(defun pcase--static-pred (fun value) "Return what the `pred' function FUN says of the constant VALUE.
The answer is :yes or :no, or nil when it cannot be known before run
time."
  (let ((known
         (cond ((memq fun '(not zerop)) t)
               ((symbolp fun) (assq fun pcase--type-kinds))
               ;; The membership test that groups constants of an `or'.
               (t (and (eq (car-safe fun) 'pcase--flip)
                       (memq (nth 1 fun) '(memq memql member))
                       (eq (car-safe (nth 2 fun)) 'quote))))))
    ;; A predicate that signals on VALUE tells nothing.
    (let ((answer (and known
                       (if (symbolp fun)
                           (pcase--try-call fun value)
                         (pcase--try-call (nth 1 fun) value
                                          (cadr (nth 2 fun)))))))
      (cond ((null answer) nil)
            ((car answer) :yes)
            (t :no)))))

(defun pcase--invert (verdict) "Return VERDICT with :yes and :no swapped."
  (cdr (assq verdict '((:yes . :no) (:no . :yes)))))

(defun pcase--verdict (test passed shared pat) "Return what TEST giving PASSED says about the kernel pattern PAT.
Both apply to the same subject.  SHARED is non-nil when TEST gives the
same answer wherever it is written.  The value is :yes, :no, or nil for
nothing learnt."
  (let ((kind (car-safe pat)))
    (cond
     ((and shared (equal test pat)) (if passed :yes :no))
     ((and (eq kind 'pred) (eq (car-safe (cadr pat)) 'not))
      (pcase--invert
       (pcase--verdict test passed shared (list 'pred (cadr (cadr pat))))))
     ((and (eq (car test) 'pred) (eq (car-safe (cadr test)) 'not))
      (pcase--verdict (list 'pred (cadr (cadr test))) (not passed) shared pat))
     ((eq (car test) 'quote)
      ;; The subject is known to be, or not to be, that constant.
      (cond ((eq kind 'quote)
             (cond ((equal (cadr pat) (cadr test)) (if passed :yes :no))
                   (passed :no)))
            ((and passed (eq kind 'pred))
             (pcase--static-pred (cadr pat) (cadr test)))))
     ((not (eq (car test) 'pred)) nil)
     ((eq kind 'quote)
      (let ((would (pcase--static-pred (cadr test) (cadr pat))))
        (and would (not (eq would (if passed :yes :no))) :no)))
     ((and passed (eq kind 'pred) (symbolp (cadr test)) (symbolp (cadr pat))
           (pcase--disjoint-p (cadr test) (cadr pat)))
      :no))))

(defun pcase--combine (op unit zero parts) "Return (OP . PARTS) rebuilt after simplification.
A part equal to ZERO decides the whole; parts equal to UNIT drop out."
  (if (memq zero parts)
      zero
    (setq parts (delq unit parts))
    (cond ((null parts) unit)
          ((cdr parts) (cons op parts))
          (t (car parts)))))

(defun pcase--judge (pat at subject test passed shared) "Simplify PAT, matched against AT, knowing TEST on SUBJECT gave PASSED.
Return :yes, :no, or the remaining pattern.  `and' and `or' are
rebuilt whatever their subject, as the full pattern compiler would."
  (let ((head (car-safe pat))
        (again (lambda (p) (pcase--judge p at subject test passed shared))))
    (cond
     ((eq head 'and) (pcase--combine 'and :yes :no (mapcar again (cdr pat))))
     ((eq head 'or) (pcase--combine 'or :no :yes (mapcar again (cdr pat))))
     ((eq head 'pcase--at)
      (let ((inner (pcase--judge (nth 2 pat) (nth 1 pat)
                                 subject test passed shared)))
        (if (memq inner '(:yes :no))
            inner
          (list 'pcase--at (nth 1 pat) inner))))
     ((not (eq at subject)) pat)
     (t (or (pcase--verdict test passed shared pat) pat)))))

(defun pcase--learn (subject test passed shared rows) "Return ROWS revised by knowing that TEST on SUBJECT gave PASSED.
SHARED is as for `pcase--verdict'.  Rows that can no longer match are
left out."
  (let ((survivors nil))
    (dolist (candidate rows)
      (let ((revised (pcase--revise-row candidate subject test passed shared)))
        (when revised
          (push revised survivors))))
    (nreverse survivors)))

(defun pcase--revise-row (row subject test passed shared) "Return ROW revised by knowing that TEST on SUBJECT gave PASSED.
Return nil if ROW can no longer match.  SHARED is as for `pcase--verdict'."
  (let ((checks (car row))
        (kept nil)
        (dead nil))
    (while (and checks (not dead))
      (let* ((check (pop checks))
             (what (pcase--judge (cdr check) (car check)
                                 subject test passed shared)))
        (cond ((eq what :no) (setq dead t))
              ((eq what :yes))
              (t (push (cons (car check) what) kept)))))
    (unless dead
      (list (nreverse kept) (nth 1 row) (nth 2 row)))))

(defun pcase--reroute (pat at subject fun temp) "Return PAT, matched against AT, reading TEMP for each `app' of FUN on SUBJECT."
  (let ((kind (car-safe pat)))
    (cond
     ((memq kind '(and or))
      (cons kind (mapcar (lambda (p) (pcase--reroute p at subject fun temp))
                         (cdr pat))))
     ((eq kind 'pcase--at)
      (list 'pcase--at (nth 1 pat)
            (pcase--reroute (nth 2 pat) (nth 1 pat) subject fun temp)))
     ((and (eq kind 'app) (eq at subject) (equal (nth 1 pat) fun))
      (list 'pcase--at temp (nth 2 pat)))
     (t pat))))

;;;; Building the decision tree

(defun pcase--rows-code (rows) "Return code that runs the leaf of the first of ROWS to match.
With no rows, the code is nil."
  (when rows
    (let ((row (car rows)))
      (if (car row)
          (pcase--check-code (car (car row)) (cdr (car row)) row (cdr rows))
        (pcase--leaf-code (nth 2 row) (nth 1 row))))))

(defun pcase--continue (checks row others) "Return code for ROW with CHECKS left to do, and OTHERS behind it."
  (pcase--rows-code (cons (list checks (nth 1 row) (nth 2 row)) others)))

(defun pcase--check-code (check later row others) "Return code for ROW, whose next CHECK comes before the LATER ones.
OTHERS are the rows to fall back on."
  (let ((subject (car check))
        (pat (cdr check))
        (env (nth 1 row)))
    (cond
     ((eq pat '_) (pcase--continue later row others))
     ((eq pat 'pcase--dontcare) :pcase--dontcare)
     ((and pat (symbolp pat))
      (let ((earlier (assq pat env)))
        (if earlier
            ;; Seen before in this pattern: the two values must be `eql'.
            (pcase--continue
             (cons (cons subject (list 'pred (list 'eql (cdr earlier)))) later)
             row others)
          (pcase--rows-code
           (cons (list later (cons (cons pat subject) env) (nth 2 row))
                 others)))))
     ((memq (car-safe pat) '(quote pred guard))
      (pcase--test-code subject pat later row others))
     ((eq (car-safe pat) 'and)
      (pcase--continue
       (append (mapcar (lambda (p) (cons subject p)) (cdr pat)) later)
       row others))
     ((eq (car-safe pat) 'or)
      (pcase--or-code subject (cdr pat) later row others))
     ((eq (car-safe pat) 'app)
      (pcase--app-code subject pat later row others))
     ((eq (car-safe pat) 'pcase--at)
      (pcase--continue (cons (cons (nth 1 pat) (nth 2 pat)) later)
                       row others))
     (t (error "Unknown pattern `%S'" pat)))))

(defun pcase--test-code (subject pat later row others) "Return code for ROW whose next check is the test PAT on SUBJECT.
LATER are its remaining checks, OTHERS the rows behind it."
  (let* ((env (nth 1 row))
         (shared (or (eq (car pat) 'quote)
                     (and (eq (car pat) 'pred) (symbolp (cadr pat)))
                     (null (pcase--env-refs env (cadr pat)))))
         (passes (pcase--learn subject pat t shared others))
         (fails (pcase--learn subject pat nil shared others))
         (then (pcase--continue later row passes))
         (else (pcase--rows-code fails)))
    (pcase--branch-form (pcase--test-form subject pat env) then else)))

(defun pcase--member-fn (values) "Return the cheapest of `memq', `memql' and `member' that finds all VALUES."
  (let ((fn 'memq))
    (dolist (v values fn)
      (cond ((symbolp v))
            ((integerp v) (if (eq fn 'memq) (setq fn 'memql)))
            (t (setq fn 'member))))))

(defun pcase--or-code (subject alts later row others) "Return code for ROW whose next check is SUBJECT against (or . ALTS).
Each alternative becomes a row of its own, followed by LATER; OTHERS
come after them."
  (let ((consts nil) (rest nil) (tries nil))
    ;; When the first alternative is a simple one, the constant
    ;; alternatives are all looked up at once, before the others.
    (unless (memq (car-safe (car alts)) '(and or))
      (dolist (choice alts)
        (if (eq (car-safe choice) 'quote)
            (push (cadr choice) consts)
          (push choice rest))))
    (if (cdr consts)
        (progn
          (setq consts (nreverse consts))
          (setq rest (nreverse rest))
          (push (list 'pred (list 'pcase--flip (pcase--member-fn consts)
                                  (list 'quote consts)))
                tries)
          (when rest
            (push (if (cdr rest) (cons 'or rest) (car rest)) tries)))
      (unless (cdr alts) (error "Please avoid it"))
      (push (car alts) tries)
      (push (if (cddr alts) (cons 'or (cdr alts)) (cadr alts)) tries))
    (pcase--rows-code
     (append (mapcar (lambda (alt)
                       (list (cons (cons subject alt) later)
                             (nth 1 row) (nth 2 row)))
                     (nreverse tries))
             others))))

(defun pcase--app-code (subject pat later row others) "Return code for ROW whose next check is the `app' pattern PAT on SUBJECT.
LATER are its remaining checks, OTHERS the rows behind it."
  (let* ((fun (nth 1 pat))
         (temp (make-symbol "x"))
         (code (pcase--rows-code
                (cons (list (cons (cons temp (nth 2 pat)) later)
                            (nth 1 row) (nth 2 row))
                      (mapcar (lambda (fallback)
                                (cons (mapcar (lambda (check)
                                                (cons (car check)
                                                      (pcase--reroute
                                                       (cdr check) (car check)
                                                       subject fun temp)))
                                              (car fallback))
                                      (cdr fallback)))
                              others)))))
    (if (or (eq code :pcase--dontcare) (not (memq temp pcase--live-subjects)))
        code
      (list 'let (list (list temp (pcase--call-form fun subject (nth 1 row))))
            code))))

(defun pcase--leaf-code (leaf env) "Return a placeholder for the body of LEAF, reached with the variables of ENV."
  (let ((spot (list 'pcase--leaf)))
    (dolist (entry env) (pcase--note-live (cdr entry)))
    (setcdr leaf (cons (cons env spot) (cdr leaf)))
    spot))

(defun pcase--fill-leaf (codegen visits) "Replace the placeholders of VISITS by the code CODEGEN makes for each.
VISITS is a list of (ENV . PLACEHOLDER), in the order they were made.
Every visit gets all the variables bound on any path to the leaf, those
its own path does not bind being nil."
  (let ((bound nil)
        (total (length visits)))
    ;; Every variable bound anywhere, in the order the paths bind them.
    (dolist (visit visits)
      (dolist (entry (reverse (car visit)))
        (unless (memq (car entry) bound)
          (setq bound (append bound (list (car entry)))))))
    (dolist (visit visits)
      (let* ((env (car visit))
             (varvals (mapcar (lambda (v) (list v (cdr (assq v env)) nil))
                              bound))
             (code (funcall codegen varvals total)))
        (if (atom code) (setq code (list 'progn code)))
        (setcar (cdr visit) (car code))
        (setcdr (cdr visit) (cdr code))))))

(defun pcase-compile-patterns (exp cases) "Return code matching the value of EXP against the patterns in CASES.
Each element of CASES is (PATTERN . CODEGEN); the code of the first
PATTERN that matches is run.  CODEGEN is called with VARVALS and COUNT
and must return that code.  VARVALS lists, as (VAR EXPR RESERVED), the
variables PATTERN binds with an expression, cheap to copy, for each
value; COUNT says how many copies of CODEGEN's code the result holds."
  (let* ((subject (if (macroexp-copyable-p exp) exp (make-symbol "val")))
         (pcase--live-subjects nil)
         (leaves (mapcar #'list cases))
         (tree (pcase--rows-code
                (mapcar (lambda (leaf)
                          (list (list (cons subject (pcase--kernel (car (car leaf)))))
                                nil leaf))
                        leaves))))
    (when (eq tree :pcase--dontcare) (setq tree nil))
    (dolist (leaf leaves)
      (if (cdr leaf)
          (pcase--fill-leaf (cdr (car leaf)) (reverse (cdr leaf)))
        ;; Nothing reaches this clause.
        (unless (or (eq (car (car leaf)) 'pcase--dontcare)
                    (memq (car (car leaf)) pcase--quiet-patterns))
          (pcase--warn
           (format "pcase pattern %S shadowed by previous pcase pattern" (car (car leaf)))))))
    (if (eq subject exp)
        tree
      (list 'let (list (list subject exp)) tree))))

(defun pcase--small-p (body) "Non-nil if BODY is cheap enough to be copied wherever it is used."
  (and (null (cdr body))
       (or (atom (car body))
           (null (delq nil (mapcar #'consp (cdr (car body))))))))

(defun pcase--body-codegen (body helpers) "Return a CODEGEN for `pcase-compile-patterns' that runs BODY.
The car of the cons HELPERS collects the local functions it defines."
  (let ((helper nil))
    (lambda (varvals uses &rest _ignored)
      (cond
       ((or (< uses 2) (pcase--small-p body))
        `(let ,(mapcar (lambda (vv) (list (car vv) (cadr vv))) varvals)
           ,@body))
       (t
        ;; Reached from several places: BODY becomes a local function
        ;; rather than being copied.
        (unless helper
          (setq helper (make-symbol (format "pcase-%d" (length (car helpers)))))
          (push (list helper `(lambda ,(mapcar #'car varvals) ,@body))
                (car helpers)))
        `(funcall ,helper ,@(mapcar #'cadr varvals)))))))

(defun pcase--build (exp cases) "Return the code for (pcase EXP . CASES), without consulting the cache."
  (let ((helpers (list nil))
        (specs nil))
    (dolist (clause cases)
      (push (cons (car clause) (pcase--body-codegen (cdr clause) helpers))
            specs))
    (let ((code (pcase-compile-patterns exp (nreverse specs))))
      (if (car helpers)
          `(let ,(reverse (car helpers)) ,code)
        code))))

;;;; The macros

(defmacro pcase (exp &rest cases) "Match the value of EXP against the patterns of CASES; run the first hit.
Each element of CASES has the form (PATTERN BODY...).  EXP is evaluated
once.  The clauses are tried in order; the BODY of the first whose
PATTERN matches is run with the variables PATTERN binds, and the value
of its last form is returned.  If no PATTERN matches, the value is nil.

The patterns:

  _               always matches and binds nothing.
  SYMBOL          always matches, and binds SYMBOL to the value.  When
                  SYMBOL appears again in the same pattern, the later
                  occurrence only matches a value `eql' to the earlier.
  \\='OBJECT         matches a value `equal' to OBJECT.
  KEYWORD, INTEGER or STRING
                  stands for itself, quoted.
  (pred FUN)      matches when calling FUN on the value gives non-nil;
                  (pred (not FUN)) matches when it gives nil.
  (guard EXPR)    matches when evaluating EXPR gives non-nil.
  (app FUN PAT)   matches when the result of FUN on the value matches
                  the pattern PAT.
  (and PAT...)    matches when each PAT matches, tried left to right.
  (or PAT...)     matches when one PAT does; variables bound only by
                  other alternatives are then nil.

FUN is either a symbol or lambda expression, called with the value as
its only argument, or a call (F ARG...) lacking its last argument,
which receives the value: then F is called with ARG... and the value.
FUN, EXPR and the patterns further right may refer to the variables
bound by the parts of the pattern before them.

More kinds of pattern, such as the backquote style \\=`QPAT, are
defined by `pcase-defmacro'." (declare (indent 1))
  (pcase--cached cases exp (lambda () (pcase--build exp cases))))

(defmacro pcase-exhaustive (exp &rest cases) "Like `pcase', but signal an error when no pattern of CASES matches EXP." (declare (indent 1))
  (let* ((catch-all (gensym "x"))
         (pcase--quiet-patterns (cons catch-all pcase--quiet-patterns)))
    (pcase--build exp (append cases
                               (list (list catch-all
                                           (list 'error "No clause matching `%S'"
                                                 catch-all)))))))

(defun pcase--destructure (binding code) "Return code matching the value in BINDING against its pattern, then CODE.
BINDING is (PATTERN EXP).  The value is presumed to match, so a test
that fails leads to `pcase--dontcare' and its outcome is disregarded."
  (pcase--build (cadr binding)
                (list (list (car binding) code) (list 'pcase--dontcare))))

(defun pcase--let*-code (bindings body) "Return the expansion of `pcase-let*' with BINDINGS and BODY."
  (let ((plain nil))
    (while (and bindings (pcase--plain-var-p (car (car bindings))))
      (push (pop bindings) plain))
    (let ((inner (if bindings
                     (pcase--destructure (car bindings)
                                         (pcase--let*-code (cdr bindings) body))
                   (macroexp-progn body))))
      (if plain
          `(let* ,(nreverse plain) ,inner)
        inner))))

(defmacro pcase-let* (bindings &rest body) "Bind variables by destructuring, one binding after the other, then run BODY.
Each element of BINDINGS is (PATTERN EXP).  The value of each EXP is
matched against its PATTERN and BODY runs with all the variables bound;
an EXP may use the variables of the bindings before it.  Each value is
assumed to fit its PATTERN: when it does not, variables may get
arbitrary values such as nil, or an error may be signaled." (declare (indent 1))
  (and body
       (pcase--cached bindings body
                      (lambda () (pcase--let*-code bindings body)))))

(defmacro pcase-let (bindings &rest body) "Bind variables by destructuring, all values first, then run BODY.
Each element of BINDINGS is (PATTERN EXP).  Every EXP is evaluated
before any matching is done, so none sees the variables of the others.
Each value is then matched against its PATTERN and BODY runs with the
variables bound.  Values are assumed to fit their patterns: when one
does not, variables may get arbitrary values such as nil, or an error
may be signaled." (declare (indent 1))
  (if (length< bindings 2)
      `(pcase-let* ,bindings ,@body)
    (pcase--parallel-let bindings body)))

(defun pcase--parallel-let (bindings body) "Return the expansion of `pcase-let' for several BINDINGS and BODY.
All values are computed first, by a `let'; the patterns that are not
plain variables then destructure them with `pcase-let*'."
  (let ((eager nil)
        (later nil))
    (dolist (pair bindings)
      (let ((pat (car pair)))
        (cond
         ((pcase--wildcard-p pat) (push (cons (make-symbol "_") (cdr pair)) eager))
         ((symbolp pat) (push pair eager))
         (t
          ;; Evaluate now into a temporary, numbered by its position.
          (let ((temp (make-symbol (format "x%d" (length eager)))))
            (push (list pat temp) later)
            (push (cons temp (cdr pair)) eager))))))
    ;; LATER stays last binding first, as GNU Emacs has it.
    `(let ,(nreverse eager) (pcase-let* ,later ,@body))))

(defmacro pcase-dolist (spec &rest body) "Run BODY for each element of LIST, destructured by PATTERN as in `pcase-let'.
\n(fn (PATTERN LIST) BODY...)" (declare (indent 1))
  (if (pcase--plain-var-p (car spec))
      `(dolist ,spec ,@body)
    (let ((elt (gensym "x")))
      `(dolist (,elt ,@(cdr spec))
         (pcase-let* ((,(car spec) ,elt)) ,@body)))))

(defmacro pcase-setq (pat val &rest args) "Match each VALUE against the PATTERN before it and `setq' its variables.
The pairs are handled in turn, so a VALUE can use what the pairs before
it assigned.  Each VALUE is assumed to fit its PATTERN: when it does
not, variables may be set to arbitrary values such as nil, or an error
may be signaled.

\(fn PATTERNS VALUE PATTERN VALUES ...)"
  (let ((nargs (+ 2 (length args))))
    (cond
     ((= (% nargs 2) 1)
      (signal 'wrong-number-of-arguments (list 'pcase-setq nargs)))
     (args
      ;; Several pairs: one `pcase-setq' each, in order.
      (let ((forms (list `(pcase-setq ,pat ,val))))
        (while args
          (push `(pcase-setq ,(pop args) ,(pop args)) forms))
        (cons 'progn (nreverse forms))))
     ((pcase--plain-var-p pat) `(setq ,pat ,val))
     (t
      (let ((assign (lambda (varvals &rest _ignored)
                      `(setq ,@(apply #'append
                                      (mapcar (lambda (vv) (list (car vv) (cadr vv)))
                                              varvals))))))
        (pcase-compile-patterns val (list (cons pat assign)
                                          (cons 'pcase--dontcare #'ignore))))))))

(defun pcase--declaration-p (form) "Non-nil if FORM belongs to the header of a function body."
  (or (stringp form)
      (memq (car-safe form) '(:documentation declare interactive cl-declare))))

(defun pcase--split-declarations (body) "Split BODY into (DECLARATIONS . FORMS) for a function definition."
  (let ((head nil))
    ;; The last form stays in FORMS, whatever it looks like.
    (while (and (cdr body) (pcase--declaration-p (car body)))
      (push (pop body) head))
    (cons (nreverse head) body)))

(defmacro pcase-lambda (lambda-list &rest body) "Make a function whose arguments, in LAMBDA-LIST, may be `pcase' patterns.
LAMBDA-LIST is an ordinary argument list, with &optional and &rest,
except that any argument can be a pattern instead of a symbol; each
argument is destructured with its pattern, as by `pcase-let*', before
BODY runs." (declare (doc-string 2) (indent defun))
  (let* ((split (pcase--split-declarations body))
         (destructured nil)
         (formals nil))
    (dolist (param lambda-list)
      (if (symbolp param)
          (push param formals)
        (let ((name (make-symbol (format "arg%d" (length destructured)))))
          (push (list param name) destructured)
          (push name formals))))
    `(lambda ,(nreverse formals)
       ,@(car split)
       (pcase-let* ,(nreverse destructured) ,@(cdr split)))))

(defmacro pcase-defmacro (name args &rest body) "Define patterns of the form (NAME ARGS...) for `pcase'.
Such a pattern is replaced by the pattern that BODY returns, computed
with the variables of the argument list ARGS bound to the pattern's
arguments, much as a macro call is replaced by its expansion.
\n(fn NAME ARGS [DOC] &rest BODY...)" (declare (indent 2) (doc-string 3))
  (let* ((expander (intern (format "%s--pcase-macroexpander" name)))
         (decl (assq 'declare body))
         (forms (if decl (delq decl (copy-sequence body)) body)))
    `(progn
       (eval-and-compile (defun ,expander ,args ,@forms))
       (define-symbol-prop ',expander 'edebug-form-spec
                           ',(cadr (assq 'debug (cdr decl))))
       (define-symbol-prop ',name 'pcase-macroexpander #',expander))))

(defmacro pcase--flip (fun extra subject) "Expand to (FUN SUBJECT EXTRA): the value being matched goes first.
A `pred' or `app' call (pcase--flip FUN EXTRA) gets the value appended."
  (list fun subject extra))

;;;; Patterns defined with `pcase-defmacro'

(defun pcase--qpat-cons (qpat) "Return the pattern for the backquote pattern QPAT, a cons."
  (let ((head (list '\` (car qpat)))
        (tail (list '\` (cdr qpat))))
    `(and (pred consp) (app car-safe ,head) (app cdr-safe ,tail))))

(defun pcase--qpat-vector (qpat) "Return the pattern for the backquote pattern QPAT, a vector."
  (let ((elements nil))
    (dotimes (index (length qpat))
      (push `(app (pcase--flip aref ,index) ,(list '\` (aref qpat index)))
            elements))
    `(and (pred vectorp) (app length ,(length qpat)) ,@(nreverse elements))))

(pcase-defmacro \` (qpat)
  "Match the shape of QPAT, with a `pcase' pattern wherever a comma is.
\\=`QPAT matches in this way:
  (CAR . CDR)      a cons whose car matches CAR and cdr matches CDR,
                   both themselves read as backquote patterns.
  [E0 E1 ... En]   a vector of exactly n+1 elements, each matching the
                   backquote pattern at the same position.
  ,PAT             whatever the `pcase' pattern PAT matches.
  any other atom   a value `equal' to it, for symbols, numbers and
                   strings."
  (cond
   ((and (consp qpat) (eq (car qpat) '\,)) (cadr qpat))
   ((consp qpat) (pcase--qpat-cons qpat))
   ((vectorp qpat) (pcase--qpat-vector qpat))
   ((not (or (symbolp qpat) (numberp qpat) (stringp qpat)))
    (error "Unknown QPAT: %S" qpat))
   (t (list 'quote qpat))))

(pcase-defmacro let (pat expr)
  "Match when the value of EXPR matches PAT; the value being matched is ignored."
  `(app (lambda (_) ,expr) ,pat))

;; GNU defines the next two with cl-lib.  They live here because tsmacs
;; preloads the struct machinery they need.

(pcase-defmacro cl-type (type)
  "Match values of type TYPE, a type specifier as understood by `cl-typep'."
  (pcase--type-pred type))

(pcase-defmacro cl-struct (type &rest fields)
  "Match a structure of type TYPE whose slots match FIELDS.
Each of FIELDS is either (SLOT PAT), where the slot named SLOT must
match the pattern PAT, or just SLOT, which binds the variable SLOT to
that slot's value."
  (cons 'and
        (cons (pcase--type-pred type)
              (mapcar (lambda (spec) (pcase--slot-pattern type spec)) fields))))

(defun pcase--type-pred (type) "Return the pattern that matches the values of the cl type TYPE."
  (list 'pred (list 'pcase--flip 'cl-typep (list 'quote type))))

(defun pcase--slot-pattern (type spec) "Return the pattern for one slot SPEC of a `cl-struct' pattern for TYPE."
  (let* ((slot (if (consp spec) (car spec) spec))
         (pat (if (consp spec) (cadr spec) spec))
         (offset (cl-struct-slot-offset type slot)))
    (if (eq (cl-struct-sequence-type type) 'list)
        `(app (nth ,offset) ,pat)
      `(app (pcase--flip aref ,offset) ,pat))))

(provide 'pcase)
