;;; subr.el --- core control macros and list, string and hook helpers for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; Loaded third, after byte-run.el (`defun', `defmacro') and backquote.el,
;; and before macroexp.el: nothing in this file is expanded when it is
;; loaded.  subr-more.el expands these definitions once, in place, as soon
;; as `macroexpand-all' exists, so that calling them does not re-expand the
;; macros in their bodies every time.

;; The expansions of `lambda', `when', `unless', `push', `pop', `dolist'
;; and `dotimes' are compared with GNU's in the corpus: their shape is
;; behaviour and must not change.

;;;; Control structure.

(defmacro lambda (&rest cdr) "Make a lambda expression evaluate to itself, as a function.
\(lambda ARGS [DOCSTRING] [INTERACTIVE] BODY...) expands to the same list
wrapped in `function'; CDR is everything after the symbol `lambda'."
  `(function (lambda ,@cdr)))

(defmacro when (cond &rest body) "Run BODY, returning its last value, but only when COND is non-nil.
When COND yields nil, nothing else is evaluated and the value is nil."
  `(if ,cond (progn ,@body)))

(defmacro unless (cond &rest body) "Run BODY, returning its last value, but only when COND is nil.
When COND yields non-nil, the value is nil."
  `(if ,cond nil ,@body))

(defmacro prog2 (form1 form2 &rest body) "Run FORM1, FORM2 and then BODY, and return what FORM2 returned."
  (list 'progn form1 (cons 'prog1 (cons form2 body))))

(defmacro setq-default (&rest args) "Give several variables new default values, one after the other.
ARGS alternate VARIABLE and VALUE forms; a missing last VALUE means nil.
Buffer-local values are left alone."
  (let ((calls nil))
    (while args
      (setq calls (cons (list 'set-default (list 'quote (car args))
                              (car (cdr args)))
                        calls))
      (setq args (nthcdr 2 args)))
    (cons 'progn (nreverse calls))))

;; `push' and `pop' here handle a variable only; gv.el, loaded later,
;; replaces both with versions for any place, which expand the same way
;; when the place is a variable.
(defmacro push (newelt place) "Put NEWELT at the front of the list kept in the variable PLACE.
The variable is set to the longer list, which is also returned."
  `(setq ,place (cons ,newelt ,place)))

(defmacro pop (place) "Take the first element off the list kept in the variable PLACE.
The variable is set to the rest of the list; the value is that first
element, or nil when the list was already empty."
  `(car-safe (prog1 ,place (setq ,place (cdr ,place)))))

(defun subr--check-loop-spec (spec) "Signal an error unless SPEC looks like (VAR FORM [RESULT])."
  (or (consp spec)
      (signal 'wrong-type-argument (list 'consp spec)))
  (let ((n (length spec)))
    (if (or (< n 2) (> n 3))
        (signal 'wrong-number-of-arguments (list '(2 . 3) n)))))

;; Both loop macros use fixed, interned names for their hidden variables,
;; as GNU's lexical expansions do.
(defmacro dolist (spec &rest body) "Run BODY once for each element of a list, with VAR bound to it.
SPEC is (VAR LIST [RESULT]).  Afterwards RESULT, if given, is evaluated
and returned; otherwise the value is nil."
  (subr--check-loop-spec spec)
  (let ((rest-var '--dolist-tail--)
        (var (car spec))
        (result (nthcdr 2 spec)))
    (cond (lexical-binding
           ;; A fresh binding of VAR for each element, as closures expect.
           `(let ((,rest-var ,(nth 1 spec)))
              (while ,rest-var
                (let ((,var (car ,rest-var)))
                  ,@body
                  (setq ,rest-var (cdr ,rest-var))))
              ,@result))
          (t
           ;; Dynamic binding: one binding of VAR, set for each element
           ;; and back to nil before RESULT.
           `(let ((,rest-var ,(nth 1 spec)) ,var)
              (while ,rest-var
                (setq ,var (car ,rest-var))
                ,@body
                (setq ,rest-var (cdr ,rest-var)))
              ,@(and result `((setq ,var nil) ,@result)))))))

(defmacro dotimes (spec &rest body) "Run BODY COUNT times, with VAR bound to 0, 1, ... COUNT-1 in turn.
SPEC is (VAR COUNT [RESULT]).  RESULT, if given, is evaluated at the end
with VAR bound to COUNT, and its value returned; otherwise nil."
  (or (listp spec)
      (signal 'wrong-type-argument (list 'listp spec)))
  (let ((var (car spec))
        (end-var '--dotimes-limit--)
        (i-var '--dotimes-counter--)
        (result (nthcdr 2 spec)))
    (cond (lexical-binding
           `(let ((,end-var ,(nth 1 spec))
                  (,i-var 0))
              (while (< ,i-var ,end-var)
                (let ((,var ,i-var))
                  ,@body)
                (setq ,i-var (1+ ,i-var)))
              ,@(and result `((let ((,var ,i-var)) ,@result)))))
          (t
           ;; Dynamic binding: VAR itself counts.
           `(let ((,end-var ,(nth 1 spec))
                  (,var 0))
              (while (< ,var ,end-var)
                ,@body
                (setq ,var (1+ ,var)))
              ,@result)))))

(defalias 'not #'null)

;;;; Short list accessors.

(defun caar (x) "Return the first element of the first element of X." (car (car x)))
(defun cadr (x) "Return the second element of the list X." (car (cdr x)))
(defun cdar (x) "Return the rest of X's first element, its cdr." (cdr (car x)))
(defun cddr (x) "Return the list X without its first two elements." (cdr (cdr x)))
(defun caddr (x) "Return the third element of the list X." (car (cdr (cdr x))))
(defun cdddr (x) "Return the list X without its first three elements." (cdr (cdr (cdr x))))
(defun cadar (x) "Return the second element of the first element of X." (car (cdr (car x))))
(defun cddar (x) "Return the first element of X without its first two elements." (cdr (cdr (car x))))
(defun caadr (x) "Return the first element of the second element of X." (car (car (cdr x))))
(defun cdadr (x) "Return the cdr of the second element of X." (cdr (car (cdr x))))

;;;; Doing nothing.

(defun ignore (&rest _arguments) "Do nothing at all with _ARGUMENTS, however many there are; return nil.
As a command it does nothing too, which makes it a binding that swallows a key."
  (interactive)
  nil)

(defun always (&rest _arguments) "Do nothing at all with _ARGUMENTS, however many there are; return t."
  t)

;;;; Errors.

;; `error' and `user-error' are primitives here (eval.ts), as GNU's natively
;; compiled ones appear: no frame of their own between the caller and `signal'.

(defun define-error (name message &optional parent) "Turn the symbol NAME into an error that `signal' can raise.
MESSAGE, when non-nil, becomes its `error-message'.  PARENT names the
error (or list of errors) NAME specializes, `error' by default; NAME's
conditions are NAME and then every parent's conditions, without repeats."
  (let ((inherited
         (cond ((null parent) (get 'error 'error-conditions))
               ((symbolp parent)
                ;; A single unknown parent is accepted as it is.
                (cons parent (get parent 'error-conditions)))
               (t (let ((all nil))
                    (dolist (p parent)
                      (let ((its (get p 'error-conditions)))
                        (if (null its) (error "Unknown signal `%s'" p))
                        (setq all (append all its))))
                    all)))))
    ;; INHERITED shares conses with the parents' lists: copy before
    ;; removing duplicates in place.
    (put name 'error-conditions (delete-dups (copy-sequence (cons name inherited))))
    (if message (put name 'error-message message))))

(defmacro ignore-errors (&rest body) "Run BODY and return its value, or nil if it signals an error.
Only conditions under `error' are caught; `quit' still gets through."
  (list 'condition-case nil (cons 'progn body) '(error nil)))

(defmacro ignore-error (condition &rest body) "Run BODY and return its value, or nil if it signals CONDITION.
CONDITION is an error symbol or a list of them, and is not evaluated."
  (list 'condition-case nil (cons 'progn body) (list condition nil)))

(defmacro condition-case-unless-debug (var bodyform &rest handlers) "Handle errors of BODYFORM with HANDLERS as `condition-case' does, VAR alike.
The difference is meant for `debug-on-error': the handlers should then
step aside and let the debugger see the error."
  `(condition-case ,var ,bodyform
     ,@(mapcar (lambda (handler-clause)
                 (let ((conds (car handler-clause)))
                   `((debug ,@(if (listp conds) conds (list conds)))
                     ,@(cdr handler-clause))))
               handlers)))

(defmacro with-demoted-errors (format &rest body) "Run BODY; should it signal an error, print a message instead and return nil.
FORMAT is the format string for that message, given the error as its
argument.  When FORMAT is not a string, or BODY is empty, it is the first
form of BODY, and the message format is \"Error: %S\"."
  (let ((caught (make-symbol "err")))
    ;; A lone string is the body, not the format.
    (unless (and (stringp format) body)
      (setq body (cons format body)
            format "Error: %S"))
    (list 'condition-case-unless-debug caught (macroexp-progn body)
          (list 'error (list 'message format caught) nil))))

;;;; Lists.

(defun last (list &optional n) "Return the final cons of LIST, or with N, the last N of its conses.
A dotted tail stays attached.  An N of 0 gives what follows the final
cons (nil for a proper list); a negative N gives nil."
  (let ((len (safe-length list)))
    (cond ((null n) (if (> len 0) (nthcdr (1- len) list) list))
          ((< n 0) nil)
          ((< n len) (nthcdr (- len n) list))
          (t list))))

(defun butlast (list &optional n) "Return a new list holding LIST's elements except the final N (default 1).
LIST is left untouched; an N of zero or less returns LIST itself."
  (let ((drop (or n 1)))
    (cond
     ((<= drop 0) list)
     ((listp list)
      (let ((front nil))
        (dotimes (_ (- (length list) drop))
          (push (pop list) front))
        (nreverse front)))
     ;; Another sequence: GNU cuts a copy of it as if it were a list, so a short one
     ;; gives nil and a longer one fails where a cons was wanted.
     ((<= (length list) drop) nil)
     (t (signal 'wrong-type-argument
                (list (if (= (- (length list) drop) 1) 'consp 'listp) (copy-sequence list)))))))

(defun nbutlast (list &optional n) "Cut the final N (default 1) elements off LIST itself, and return LIST.
When that leaves nothing, the value is nil."
  (let* ((drop (or n 1))
         (keep (- (length list) drop)))
    (cond ((<= drop 0) list)
          ((<= keep 0) nil)
          (t (setcdr (nthcdr (1- keep) list) nil)
             list))))

(defun number-sequence (from &optional to inc) "List the numbers FROM, FROM+INC, FROM+2*INC... as far as TO.
INC defaults to 1 and may be negative or a float.  Without TO, or when
TO equals FROM, the list is just (FROM); when TO lies the wrong way from
FROM the list is empty.  The N-th element is computed as FROM + N*INC."
  (if (or (null to) (= from to))
      (list from)
    (let ((step (or inc 1))
          (steps 0)
          (x from)
          (acc nil))
      (if (= step 0) (error "The increment can not be zero"))
      (while (if (> step 0) (<= x to) (>= x to))
        (push x acc)
        (setq steps (1+ steps)
              x (+ from (* steps step))))
      (nreverse acc))))

(defun delete-dups (list) "Drop from LIST, in place, each element `equal' to an earlier one.
The first occurrences keep their order; the value is LIST."
  (let ((seen (make-hash-table :test 'equal))
        (prev nil)
        (cell list))
    (while cell
      (if (gethash (car cell) seen)
          (setcdr prev (cdr cell))
        (puthash (car cell) t seen)
        (setq prev cell))
      (setq cell (cdr cell)))
    list))

(defun remove (elt seq) "Return a copy of the sequence SEQ without the elements `equal' to ELT.
SEQ itself is never modified."
  (if (listp seq)
      (let ((kept nil))
        (dolist (x seq)
          (unless (equal x elt) (push x kept)))
        (nreverse kept))
    ;; `delete' already returns a new array.
    (delete elt seq)))

(defun remq (elt list) "Return LIST without the elements `eq' to ELT, leaving LIST unmodified.
When ELT does not occur, LIST itself is returned; otherwise the part
after the last occurrence is shared with LIST."
  (let ((scan list)
        (shared list))
    (while (setq scan (memq elt scan))
      (setq scan (cdr scan)
            shared scan))
    (if (eq shared list)
        list
      (let ((front nil))
        (while (not (eq list shared))
          (let ((x (pop list)))
            (unless (eq x elt) (push x front))))
        (nconc (nreverse front) shared)))))

(defun copy-tree (tree &optional vecp) "Copy TREE, the conses of all its levels rather than just the top one.
Atoms are shared with TREE.  With VECP, vectors inside TREE are copied
(recursively) as well."
  (cond
   ((and vecp (vectorp tree))
    (let ((v (copy-sequence tree)))
      (dotimes (i (length v))
        (aset v i (copy-tree (aref v i) vecp)))
      v))
   ((atom tree) tree)
   (t
    (let ((rev nil) (rest tree))
      (while (consp rest)
        (push (copy-tree (pop rest) vecp) rev))
      ;; The final cdr of a dotted list is copied as well.
      (nconc (nreverse rev) (copy-tree rest vecp))))))

(defun flatten-tree (tree) "List the non-nil atoms of TREE, leaves of its cons structure, left to right.
Vectors count as atoms; nils anywhere are dropped."
  (let ((todo (list tree))
        (leaves nil))
    (while todo
      (let ((node (pop todo)))
        (cond ((consp node)
               (setq todo (cons (car node) (cons (cdr node) todo))))
              (node (setq leaves (cons node leaves))))))
    (nreverse leaves)))

(defun ensure-list (object) "Return OBJECT when it is already a list, else a list holding just OBJECT."
  (if (nlistp object) (list object) object))

;;;; Alists.

(defun alist-get (key alist &optional default remove testfn) "Look KEY up in ALIST and return the cdr of the matching cell.
Keys are compared with `eq', or with TESTFN when given.  Without a
matching cell the value is DEFAULT.  REMOVE only matters for `setf'."
  (ignore remove)
  (let ((cell (if testfn (assoc key alist testfn) (assq key alist))))
    (if (consp cell) (cdr cell) default)))

(defun assoc-default (key alist &optional test default) "Search ALIST, whose elements may be conses or bare keys, for KEY.
Each element's key (its car, or the element itself) is passed with KEY
to TEST, `equal' by default.  For the first match the value is its cdr,
or DEFAULT when the element was a bare key; nil if nothing matches."
  (let ((pred (or test #'equal)))
    (catch 'subr--assoc-default
      (dolist (candidate alist)
        (let ((pair (consp candidate)))
          (if (funcall pred (if pair (car candidate) candidate) key)
              (throw 'subr--assoc-default (if pair (cdr candidate) default))))))))

(defun subr--drop-matching (pred list) "Splice out of LIST the elements for which PRED is non-nil; return the rest."
  (let* ((anchor (cons nil list))
         (prev anchor))
    (while (cdr prev)
      (if (funcall pred (cadr prev))
          (setcdr prev (cddr prev))
        (setq prev (cdr prev))))
    (cdr anchor)))

(defun assoc-delete-all (key alist &optional test) "Remove destructively from ALIST the conses whose car matches KEY.
A car matches when TEST (default `equal') applied to it and KEY is
non-nil.  Elements that are not conses stay.  Return the new ALIST."
  (let ((pred (or test #'equal)))
    (subr--drop-matching
     (lambda (elt) (and (consp elt) (funcall pred (car elt) key)))
     alist)))

(defun assq-delete-all (key alist) "Remove destructively from ALIST the conses whose car is `eq' to KEY.
Return the new ALIST."
  (subr--drop-matching (lambda (elt) (and (consp elt) (eq (car elt) key)))
                       alist))

(defun rassq-delete-all (value alist) "Remove destructively from ALIST the conses whose cdr is `eq' to VALUE.
Return the new ALIST."
  (subr--drop-matching
   (lambda (elt) (and (consp elt) (eq (cdr elt) value)))
   alist))

;;;; Numbers and small predicates.

(defun zerop (number) "Non-nil when NUMBER (an integer, float or marker) equals zero."
  (= number 0))

(defun xor (cond1 cond2) "True when exactly one of COND1 and COND2 is non-nil; return that one.
When both or neither are non-nil, return nil."
  (if cond1
      (if cond2 nil cond1)
    cond2))

(defun booleanp (object) "Return t for the two booleans nil and t, nil for any other OBJECT."
  (or (null object) (eq object t)))

(defun fixnump (object) "Return t when OBJECT is an integer in the fixnum range, else nil."
  (when (integerp object)
    (not (bignump object))))

(defun bignump (object) "Return t when OBJECT is an integer outside the fixnum range, else nil."
  (when (integerp object)
    (or (< object most-negative-fixnum)
        (> object most-positive-fixnum))))


(defun lsh (value count) "Shift the bits of VALUE by COUNT places: left if COUNT > 0, else right.
A negative fixnum VALUE shifted right is first read as the unsigned
number with the same fixnum bits, so zeros come in from the left."
  (if (and (< value 0) (< count 0))
      (progn
        (if (< value most-negative-fixnum)
            (signal 'args-out-of-range (list value count)))
        (ash (+ value (* 2 (1+ most-positive-fixnum))) count))
    (ash value count)))

;;;; Strings.

(defun string-prefix-p (prefix string &optional ignore-case) "Non-nil when STRING begins with PREFIX.
With IGNORE-CASE, letter case does not matter."
  (let ((n (length prefix)))
    (and (<= n (length string))
         (eq t (compare-strings prefix nil nil string 0 n ignore-case)))))

(defun string-suffix-p (suffix string &optional ignore-case) "Non-nil when STRING ends with SUFFIX.
With IGNORE-CASE, letter case does not matter."
  (let ((from (- (length string) (length suffix))))
    (and (>= from 0)
         (eq t (compare-strings suffix nil nil string from nil ignore-case)))))

(defun string-replace (from-string to-string in-string) "Return IN-STRING with each match of FROM-STRING changed to TO-STRING.
Matches are literal and do not overlap, searched from the left.  An
empty FROM-STRING is an error."
  (cond ((not (stringp from-string))
         (signal 'wrong-type-argument (list 'stringp from-string)))
        ((equal from-string "")
         (signal 'wrong-length-argument '(0))))
  (let ((pieces nil)
        (start 0)
        (step (length from-string))
        hit)
    (while (setq hit (string-search from-string in-string start))
      (setq pieces (cons to-string (cons (substring in-string start hit) pieces))
            start (+ hit step)))
    (apply #'concat (nreverse (cons (substring in-string start) pieces)))))

(defun string-to-list (string) "List the characters of STRING in order."
  (mapcar #'identity string))

(defun string-to-vector (string) "Make a vector of the characters of STRING, in order."
  (vconcat string))

(defalias 'string= #'string-equal)
(defalias 'string< #'string-lessp)
(defalias 'beep #'ding)

(defun string-greaterp (string1 string2) "Non-nil when STRING1 comes after STRING2 in character-code order.
Symbols stand for their names."
  (string-lessp string2 string1))

(defalias 'string> #'string-greaterp)

;;;; Variables holding lists, and hooks.

(defun add-to-list (list-var element &optional append compare-fn) "Put ELEMENT into the list held by the symbol LIST-VAR, unless already there.
Membership is tested by calling COMPARE-FN (default `equal') on ELEMENT
and each member.  A new element goes in front, or at the end with
APPEND.  Return the variable's value afterwards."
  (let* ((old (symbol-value list-var))
         (test (or compare-fn #'equal))
         (scan old))
    (while (and scan (not (funcall test element (car scan))))
      (setq scan (cdr scan)))
    (cond (scan old)
          (append (set list-var (append old (list element))))
          (t (set list-var (cons element old))))))

(defun subr--hook-depth (hook fn) "The depth recorded for FN in HOOK, 0 when there is none."
  (let ((entry (assoc fn (get hook 'hook--depth-alist))))
    (if entry (cdr entry) 0)))

;; A hook's buffer-local value may hold `t', standing for the functions of
;; its default value; `run-hooks' runs those where the t is.

(defun subr--hook-has-t-p (value) "Non-nil when the hook value VALUE is a list holding t."
  (and (consp value) (memq t value)))

(defun add-hook (hook function &optional depth local) "Add FUNCTION to the hook variable HOOK, unless it is already on it.
DEPTH orders the functions, lower first: nil stands for 0, t or any
other non-number for 90.  FUNCTION goes after those of equal depth when
DEPTH is positive, before them otherwise.  With LOCAL non-nil the
buffer-local value is changed, made first as (t) when there is none: the
t runs the default value's functions.  A FUNCTION with a non-nil
`permanent-local-hook' property survives `kill-all-local-variables'."
  (or (boundp hook) (set hook nil))
  (or (default-boundp hook) (set-default hook nil))
  (cond (local
         (unless (local-variable-if-set-p hook)
           (set (make-local-variable hook) (list t))))
        ;; A value without t is one made local by hand, or the global
        ;; value itself: either way the current value is what changes.
        ((not (subr--hook-has-t-p (symbol-value hook)))
         (setq local t)))
  (let ((d (cond ((numberp depth) depth) (depth 90) (t 0)))
        (fns (if local (symbol-value hook) (default-value hook))))
    (if (or (functionp fns) (nlistp fns))
        (setq fns (list fns)))
    (unless (member function fns)
      ;; Depths are remembered only once some function asked for one.
      (if (or (/= d 0) (get hook 'hook--depth-alist))
          (put hook 'hook--depth-alist
               (cons (cons function d) (get hook 'hook--depth-alist))))
      (let ((before nil)
            (later fns))
        ;; Walk past the functions that must run before FUNCTION.
        (while (and later
                    (let ((other (subr--hook-depth hook (car later))))
                      (if (> d 0) (<= other d) (< other d))))
          (push (pop later) before))
        (setq fns (nconc (nreverse before) (cons function later)))))
    (if (not local)
        (set-default hook fns)
      (and (symbolp function)
           (get function 'permanent-local-hook)
           (not (get hook 'permanent-local))
           (put hook 'permanent-local 'permanent-local-hook))
      (set hook fns))))

(defun remove-hook (hook function &optional local) "Take FUNCTION off the hook variable HOOK, if it is there.
With LOCAL non-nil the buffer-local value is changed; once only t is
left there, the local value goes.  Without LOCAL the default value is
changed, unless the current buffer's local value lacks the t that would
run it.  The value is the hook's new value, or nil when the default value
did not hold FUNCTION."
  (or (boundp hook) (set hook nil))
  (or (default-boundp hook) (set-default hook nil))
  (if (and (not local)
           (local-variable-p hook)
           (not (subr--hook-has-t-p (symbol-value hook))))
      (setq local t))
  ;; LOCAL asks for a local value: without one there is nothing to do.
  (unless (and local (not (local-variable-p hook)))
    (let* ((fns (if local (symbol-value hook) (default-value hook)))
           (single (or (nlistp fns) (functionp fns)))
           (found (if single (equal fns function) (member function fns))))
      (when found
        (setq fns (if single nil (delete function (copy-sequence fns)))))
      ;; The local value is stored back even when FUNCTION was not on it.
      (cond ((not local) (when found (set-default hook fns)))
            ((equal fns '(t)) (kill-local-variable hook))
            (t (set hook fns))))))

;;;; Functions and symbols.

(defvar gensym-counter 0 "The number `gensym' puts after the prefix of the next symbol it makes.")

(defun gensym (&optional prefix) "Make a fresh uninterned symbol named PREFIX (default \"g\") plus a counter.
The counter is `gensym-counter', which is then incremented."
  (let ((n gensym-counter))
    (setq gensym-counter (1+ n))
    (make-symbol (format "%s%d" (or prefix "g") n))))

(defun apply-partially (fun &rest args) "Make a function calling FUN with ARGS followed by its own arguments.
The result takes any number of arguments."
  (lambda (&rest later) (apply fun (append args later))))

(defmacro bound-and-true-p (var) "Give the value of the variable VAR, or nil when VAR has no value.
VAR is a symbol and is not evaluated."
  (if (not (symbolp var))
      (signal 'wrong-type-argument (list 'symbolp var)))
  `(and (boundp ',var) ,var))

;;;; Buffers.

(defmacro with-current-buffer (buffer-or-name &rest body) "Make BUFFER-OR-NAME current, run BODY, and make the old buffer current again.
The value is that of the last form of BODY." (declare (indent 1) (debug t))
  `(save-current-buffer (set-buffer ,buffer-or-name) ,@body))

(defmacro with-temp-buffer (&rest body) "Run BODY in a fresh hidden buffer that is killed afterwards, however BODY exits.
The value is that of the last form of BODY." (declare (indent 0) (debug t))
  (let ((buf (make-symbol "temp-buffer")))
    `(let ((,buf (generate-new-buffer " *temp*" t)))
       (with-current-buffer ,buf
         (unwind-protect (progn ,@body) (and (buffer-name ,buf) (kill-buffer ,buf)))))))

(defalias 'move-marker #'set-marker)

;;;; Output and the stack.

(defmacro with-output-to-string (&rest body) "Run BODY with `standard-output' collecting text; return that text.
Whatever BODY prints with `princ', `prin1' and the like ends up in the
string, in order, with its text properties." (declare (indent 0) (debug t))
  ;; The expansion is GNU's form for form (programs compare it); it is
  ;; spelled out with `list' so that the text is our own.
  (let ((out 'standard-output))
    (list 'let (list (list out '(generate-new-buffer " *string-output*" t)))
          (list 'unwind-protect
                (list 'progn
                      (cons 'let (cons (list (list out out)) body))
                      (list 'with-current-buffer out '(buffer-string)))
                (list 'kill-buffer out)))))

(defun subr--frame-description (evald func args _flags) "Turn the parts of a stack frame into the list (EVALD FUNC . ARGS)."
  (cons evald (cons func args)))

(defun backtrace-frame (nframes &optional base) "Describe the active call NFRAMES levels out from BASE, or return nil.
BASE is a function whose innermost frame is the starting point (this
function by default).  The description is (EVALD FUNC ARGS...): EVALD is
t when the arguments were already evaluated."
  (backtrace-frame--internal #'subr--frame-description
                             nframes (or base #'backtrace-frame)))

(defun backtrace-frames (&optional base) "Return the active calls, innermost first, from BASE's innermost frame on.
Each is (EVALD FUNC ARGS FLAGS), as `mapbacktrace' gives them; BASE is
this function by default."
  (let ((frames nil))
    (mapbacktrace (lambda (&rest frame) (setq frames (cons frame frames)))
                  (or base #'backtrace-frames))
    (nreverse frames)))

(defun prin1-char (char) "Return the `?' syntax that reads back as CHAR, such as \"?\\\\C-a\", or nil.
Modifier bits become \\A-, \\s-, \\H-, \\S-, \\C- and \\M- in that order,
and control characters use \\C-.  The value is nil when CHAR is not a
non-negative integer, or when the text built would not read as CHAR."
  (when (and (integerp char) (>= char 0))
    (let* ((code (logand char #x3fffff))
           (mods (- char code)))
      ;; An upper-case letter cannot carry modifiers in this syntax.
      (unless (and (/= mods 0) (/= code (downcase code)))
        (let ((prefixes '((#x400000 . "\\A-") (#x800000 . "\\s-")
                       (#x1000000 . "\\H-") (#x2000000 . "\\S-")
                       (#x4000000 . "\\C-") (#x8000000 . "\\M-")))
              (text "?"))
          (dolist (mark prefixes)
            (if (or (/= 0 (logand mods (car mark)))
                    (and (< code 32) (= (car mark) #x4000000)))
                (setq text (concat text (cdr mark)))))
          (let* ((key (if (< code 32) (downcase (+ code 64)) code))
                 (glyph (cond ((= key 127) "\\C-?")
                              ((memq key '(?\" ?\' ?\; ?\( ?\) ?\[ ?\] ?\{ ?\} ?\\))
                               (string ?\\ key))
                              (t (string key)))))
            (setq text (concat text glyph)))
          ;; Only text that reads back as CHAR is an answer.
          (and (eq char (ignore-errors (car (read-from-string text))))
               text))))))

;;;; Other names of primitives, kept for old code (`describe-function' says
;;;; they are aliases defined here, as GNU's do).

(defalias 'point-at-bol #'line-beginning-position)
(defalias 'point-at-eol #'line-end-position)
(defalias 'store-match-data #'set-match-data)
(defalias 'sxhash #'sxhash-equal)
(defalias 'user-original-login-name #'user-login-name)
(defalias 'chmod #'set-file-modes)
(defalias 'mkdir #'make-directory)
;; These two hold the primitives themselves, whose names say the real ones.
(defalias 'search-forward-regexp (symbol-function 're-search-forward))
(defalias 'search-backward-regexp (symbol-function 're-search-backward))

;;;; Variables GNU's subr.el has bound at start-up, for the programs that
;;;; read or bind them.

(defvar called-interactively-p-functions '(advice--called-interactively-skip) "Functions that tell `called-interactively-p' which frames to skip.")
(defvar delayed-warnings-hook '(collapse-delayed-warnings display-delayed-warnings) "Functions run on the pending `delayed-warnings-list' after a command.")
(defvar inhibit--record-char nil "Non-nil means the keys read are not recorded for the lossage list.")
(defvar key-substitution-in-progress nil "Non-nil while `substitute-command-keys' runs.")
(defvar menu-bar-separator '("--") "The item that separates the groups of a menu-bar menu.")
(defvar read-char-history nil "The history of the characters read by `read-char-from-minibuffer'.")
(defvar read-number-history nil "The history of the numbers read by `read-number'.")
(defvar read-key-delay 0.01 "Seconds `read-key' waits for the rest of a key sequence.")
(defvar suspend-hook nil "Functions run before Emacs is suspended.")
(defvar suspend-resume-hook nil "Functions run after a suspended Emacs resumes.")
(defvar undo--combining-change-calls nil "Non-nil while `combine-change-calls' collects the changes of its body.")
(defvar word-move-empty-char-table nil "Characters at which word motion stops even with `find-word-boundary-function-table'.")
(defvar y-or-n-p-history-variable nil "The history list of the answers given to `y-or-n-p', or nil for none.")
(defvar y-or-n-p-use-read-key nil "Non-nil means `y-or-n-p' reads its answer with `read-key'.")
(defvaralias 'messages-buffer-max-lines 'message-log-max)
(defvaralias 'inhibit-nul-byte-detection 'inhibit-null-byte-detection)
