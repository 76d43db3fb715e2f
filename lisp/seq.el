;;; seq.el --- sequence functions for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; Design notes.
;;
;; Most operations are generic functions, because that is their public
;; contract: a package may give its own data structure `seq-' behaviour by
;; adding methods (at least for `seq-do', `seq-elt', `seq-length',
;; `seq-subseq' and `seq-into-sequence'/`seq-into').  The default methods are
;; therefore written in terms of those few core generics wherever the
;; result does not depend on the concrete type, and methods specialised on
;; `list' (or `sequence') take the fast path through the C primitives.
;;
;; Early exit happens in one place only: `seq-some' throws out of `seq-do'
;; to a tag made fresh for each call (so nested searches cannot catch each
;; other's throws), and the other searches are phrased in terms of it.
;;
;; `cl-generic' is preloaded, so nothing needs to be required here.

;;;; Small internal helpers

(defun seq--list-head (list wanted) "Return a fresh list of the first WANTED elements of LIST.
Stops early when LIST runs out; a non-positive WANTED gives nil."
  (let ((copied nil))
    (while (and list (> wanted 0))
      (push (pop list) copied)
      (setq wanted (- wanted 1)))
    (nreverse copied)))

(defun seq--leading-count (pred sequence) "Return how many elements at the front of SEQUENCE satisfy PRED."
  (let ((limit (seq-length sequence))
        (matched 0))
    (while (and (< matched limit)
                (funcall pred (seq-elt sequence matched)))
      (setq matched (+ matched 1)))
    matched))

;;;; Core generic functions

(cl-defgeneric seqp (object) "Return non-nil if the `seq' functions can work on OBJECT.
By default that means OBJECT satisfies `sequencep'."
  (sequencep object))

(cl-defgeneric seq-elt (sequence n) "Return the element of SEQUENCE at zero-based index N."
  (elt sequence n))

(cl-defgeneric (setf seq-elt) (store sequence n) "Make STORE the element at index N of SEQUENCE, and return STORE.
This is what `setf' of a `seq-elt' form calls.  There is no default:
only arrays and non-empty lists have methods."
  (:method (value (vec array) index) (aset vec index value))
  (:method (value (cell cons) index) (setcar (nthcdr index cell) value)))

(cl-defgeneric seq-length (sequence) "Return how many elements SEQUENCE has."
  (length sequence))

(cl-defgeneric seq-do (function sequence) "Call FUNCTION on each element of SEQUENCE in order; return SEQUENCE.
FUNCTION's values are discarded: it is called for its side effects."
  (mapc function sequence))

(defalias 'seq-each #'seq-do)

(defmacro seq-doseq (spec &rest body) "Run BODY once per element of a sequence, with a variable bound to it.
SPEC has the form (VAR SEQUENCE).  The value is SEQUENCE itself.

\(fn (VAR SEQUENCE) BODY...)" (declare (indent 1) (debug ((symbolp form &optional form) body)))
  (let ((var (car spec))
        (sequence-form (car (cdr spec))))
    `(seq-do (lambda (,var) ,@body) ,sequence-form)))

(cl-defgeneric seq-copy (sequence) "Return a new sequence holding the same elements as SEQUENCE."
  (copy-sequence sequence))

(cl-defgeneric seq-empty-p (sequence) "Return non-nil if SEQUENCE has no elements."
  (:method ((l list)) (null l))
  (= (seq-length sequence) 0))

(defun seq-first (sequence) "Return the element at the front of SEQUENCE."
  (seq-elt sequence 0))

(defun seq-rest (sequence) "Return SEQUENCE without its front element, as the same kind of sequence."
  (seq-drop sequence 1))

;;;; Mapping

(defun seq--counting (function) "Return a one-argument function calling FUNCTION with its argument and a count.
The count is 0 on the first call, then 1, and so on."
  (let ((calls 0))
    (lambda (item) (prog1 (funcall function item calls) (setq calls (+ calls 1))))))

(defun seq-do-indexed (function sequence) "Call FUNCTION with each element of SEQUENCE and that element's index.
The index counts from zero.  The value is nil."
  (seq-do (seq--counting function) sequence)
  nil)

(cl-defgeneric seq-map (function sequence) "Return a list of FUNCTION's values on the elements of SEQUENCE, in order."
  (:method (function (s sequence)) (mapcar function s))
  (let ((collected nil))
    (seq-do (lambda (element) (push (funcall function element) collected))
            sequence)
    (nreverse collected)))

(defun seq-map-indexed (function sequence) "Return a list of FUNCTION's values on each element of SEQUENCE and its index.
FUNCTION gets two arguments, the element and its zero-based position."
  (seq-map (seq--counting function) sequence))

(cl-defgeneric seq-mapn (function sequence &rest sequences) "Call FUNCTION on parallel elements of all the sequences; return the values.
FUNCTION takes one argument per sequence.  It is called as many times as
the shortest sequence has elements, and the list of its results is
returned.  SEQUENCE and SEQUENCES are all treated alike."
  (let ((tails (mapcar (lambda (s) (seq-into s 'list))
                       (cons sequence sequences)))
        (collected nil))
    ;; Stop as soon as any of the lists is used up.
    (while (not (memq nil tails))
      (push (apply function (mapcar #'car tails)) collected)
      (setq tails (mapcar #'cdr tails)))
    (nreverse collected)))

(cl-defgeneric seq-mapcat (function sequence &optional type) "Join FUNCTION's values on the elements of SEQUENCE into one sequence.
Each value must itself be a sequence.  TYPE names the kind of result, as
for `seq-concatenate'; nil means a list."
  (let ((pieces (seq-map function sequence)))
    (apply #'seq-concatenate (if type type 'list) pieces)))

;;;; Pieces of sequences

(cl-defgeneric seq-subseq (sequence start &optional end) "Return the part of SEQUENCE from index START up to, not including, END.
END nil means the end of SEQUENCE.  A negative START or END counts back
from the end.  Indices outside SEQUENCE signal an error.  The result is a
new sequence of the same type."
  (cond
   ((listp sequence) (seq--list-subseq sequence start end))
   ((or (stringp sequence) (vectorp sequence))
    (substring sequence start end))
   (t (error "Unsupported sequence: %s" sequence))))

(defun seq--list-subseq (list start end) "Return the elements of LIST between START and END, as `seq-subseq' does.
The length of LIST is only computed when a negative index needs it."
  (let* ((size (if (or (< start 0) (and end (< end 0))) (length list)))
         (from (if (< start 0) (+ size start) start))
         (to (if (and end (< end 0)) (+ size end) end))
         (tail (and (>= from 0) (nthcdr from list)))
         (ok (and (>= from 0)
                  (or (null to) (<= from to))
                  ;; A nil TAIL may mean the exact end or beyond it.
                  (or tail (= from 0) (nthcdr (1- from) list))))
         (piece (and ok (if to
                            (seq--list-head tail (- to from))
                          (copy-sequence tail)))))
    (if (and ok (or (null to) (= (length piece) (- to from))))
        piece
      (error "Bad bounding indices: %s, %s" start end))))

(cl-defgeneric seq-take (sequence n) "Return the first N elements of SEQUENCE, as the same type of sequence.
A SEQUENCE shorter than N is returned whole (copied); N at most zero
gives an empty sequence."
  (:method ((l list) n) (seq--list-head l n))
  (let ((size (seq-length sequence)))
    (seq-subseq sequence 0 (if (< n 0) 0 (min n size)))))

(cl-defgeneric seq-drop (sequence n) "Return SEQUENCE minus its first N elements, as the same type of sequence.
When N is zero or negative, SEQUENCE itself is returned."
  (:method ((l list) n) (nthcdr n l))
  (if (> n 0)
      (let ((size (seq-length sequence)))
        (seq-subseq sequence (min n size) size))
    sequence))

(cl-defgeneric seq-take-while (pred sequence) "Return the longest prefix of SEQUENCE whose elements all satisfy PRED."
  (seq-take sequence (seq--leading-count pred sequence)))

(cl-defgeneric seq-drop-while (pred sequence) "Return what is left of SEQUENCE after dropping the elements satisfying PRED.
Only a prefix is dropped: scanning stops at the first element for which
PRED returns nil."
  (:method (pred (l list))
    (while (and l (funcall pred (car l)))
      (pop l))
    l)
  (seq-drop sequence (seq--leading-count pred sequence)))

(cl-defgeneric seq-partition (sequence n) "Cut SEQUENCE into a list of consecutive pieces of N elements each.
The final piece holds whatever remains and may be shorter.  N below 1
gives nil."
  (if (< n 1)
      nil
    (let ((pieces nil)
          (remaining sequence))
      (while (not (seq-empty-p remaining))
        (push (seq-take remaining n) pieces)
        (setq remaining (seq-drop remaining n)))
      (nreverse pieces))))

;;;; Converting and combining

(cl-defgeneric seq-into-sequence (sequence) "Return SEQUENCE as something the sequence primitives accept.
Signal an error if there is no such conversion."
  (if (sequencep sequence)
      sequence
    (error "Cannot convert %S into a sequence" sequence)))

(cl-defgeneric seq-into (sequence type) "Return the elements of SEQUENCE as a sequence of TYPE.
TYPE is one of the symbols `list', `vector' and `string'.  SEQUENCE is
returned as is when it already has that type."
  (pcase type
    ('list (if (listp sequence) sequence (append sequence nil)))
    ('vector (if (vectorp sequence) sequence (vconcat sequence)))
    ('string (if (stringp sequence) sequence (concat sequence)))
    (_ (error "Not a sequence type name: %S" type))))

(cl-defgeneric seq-concatenate (type &rest sequences) "Return a new sequence of TYPE holding the elements of all SEQUENCES.
TYPE is one of the symbols `list', `vector' and `string'.

\(fn TYPE SEQUENCE...)"
  ;; Check TYPE first, so that a bad one is reported before a bad input.
  (let ((empty (seq-into nil type)))
    (seq-into (apply #'append (append sequences (list empty nil))) type)))

(cl-defgeneric seq-reverse (sequence) "Return a new sequence with the elements of SEQUENCE in the opposite order.
For a type without a method of its own the result is a list."
  (:method ((s sequence)) (reverse s))
  (let ((backwards nil))
    (seq-do (lambda (element) (push element backwards)) sequence)
    backwards))

(cl-defgeneric seq-sort (pred sequence) "Return a sorted copy of SEQUENCE; PRED is the less-than test.
SEQUENCE itself is left alone; the result has its type."
  (:method (pred (l list)) (sort (copy-sequence l) pred))
  (let ((sorted (sort (copy-sequence (seq-into sequence 'list)) pred)))
    (seq-into sorted (type-of sequence))))

(defun seq-sort-by (function pred sequence) "Sort SEQUENCE by the values FUNCTION gives for its elements.
PRED compares two such values and says whether the first comes before
the second.  SEQUENCE is not modified."
  (seq-sort (lambda (left right)
              (funcall pred (funcall function left) (funcall function right)))
            sequence))

;;;; Selecting and folding

(cl-defgeneric seq-filter (pred sequence) "Return a list of the elements of SEQUENCE that satisfy PRED, in order."
  (let ((kept nil))
    (seq-do (lambda (element)
              (when (funcall pred element) (push element kept)))
            sequence)
    (nreverse kept)))

(cl-defgeneric seq-remove (pred sequence) "Return a list of the elements of SEQUENCE that do not satisfy PRED."
  (seq-filter (lambda (element) (not (funcall pred element))) sequence))

(cl-defgeneric seq-reduce (function sequence initial-value) "Fold SEQUENCE into one value with the two-argument FUNCTION.
FUNCTION first gets INITIAL-VALUE and the first element, then each
result together with the next element.  An empty SEQUENCE yields
INITIAL-VALUE."
  (let ((folded initial-value))
    (seq-do (lambda (element)
              (setq folded (funcall function folded element)))
            sequence)
    folded))

(cl-defgeneric seq-some (pred sequence) "Return the first non-nil value of PRED on the elements of SEQUENCE.
If PRED returns nil for every element, the value is nil."
  ;; A list is walked directly: a throw out of `seq-do' unwinds every
  ;; frame in between, which costs more than all the calls before it.
  ;; `length' first, so that a dotted or circular list fails before PRED
  ;; runs, as `mapc' makes the general method fail.
  (:method (pred (sequence list))
           (let ((left (length sequence))
                 (value nil))
             (while (and (not value) (> left 0))
               (setq value (funcall pred (car sequence))
                     sequence (cdr sequence)
                     left (1- left)))
             value))
  (let ((tag (make-symbol "seq-some")))
    (catch tag
      (seq-do (lambda (element)
                (let ((value (funcall pred element)))
                  (if value (throw tag value))))
              sequence)
      nil)))

(cl-defgeneric seq-every-p (pred sequence) "Return non-nil if every element of SEQUENCE satisfies PRED."
  (not (seq-some (lambda (element) (not (funcall pred element))) sequence)))

(cl-defgeneric seq-find (pred sequence &optional default) "Return the first element of SEQUENCE that satisfies PRED.
When none does, return DEFAULT.  An element that is itself nil cannot
be told apart from failure unless DEFAULT is something else."
  ;; Box the element, so that a nil element still counts as found.
  (let ((box (seq-some (lambda (element)
                         (and (funcall pred element) (list element)))
                       sequence)))
    (if box (car box) default)))

(cl-defgeneric seq-count (pred sequence) "Return how many elements of SEQUENCE satisfy PRED."
  (let ((hits 0))
    (seq-do (lambda (element)
              (if (funcall pred element) (setq hits (1+ hits))))
            sequence)
    hits))

(cl-defgeneric seq-contains-p (sequence elt &optional testfn) "Return non-nil if some element of SEQUENCE matches ELT.
Matching uses TESTFN, called with the element and ELT, or `equal'."
  (let ((same (or testfn #'equal)))
    (seq-some (lambda (element) (and (funcall same element elt) t))
              sequence)))

(cl-defgeneric seq-contains (sequence elt &optional testfn) "Return the first element of SEQUENCE that matches ELT, or nil.
Matching uses TESTFN, called with ELT and the element, or `equal'.
Obsolete: `seq-contains-p' also works when ELT is nil."
  (let ((same (or testfn #'equal)))
    (seq-some (lambda (element) (and (funcall same elt element) element))
              sequence)))

(make-obsolete 'seq-contains 'seq-contains-p "27.1")

(cl-defgeneric seq-position (sequence elt &optional testfn) "Return the index of the first element of SEQUENCE that matches ELT.
Matching uses TESTFN, called with the element and ELT, or `equal'.
Return nil when nothing matches."
  (:method ((sequence list) elt &optional testfn)
           ;; Counted directly, without the counting closure `seq-some' needs.
           (let ((same (or testfn #'equal))
                 (size (length sequence))
                 (index 0)
                 (found nil))
             (while (and (not found) (< index size))
               (if (funcall same (car sequence) elt)
                   (setq found index)
                 (setq sequence (cdr sequence)
                       index (1+ index))))
             found))
  (let ((same (or testfn #'equal)))
    (seq-some (seq--counting (lambda (element position)
                               (and (funcall same element elt) position)))
              sequence)))

(cl-defgeneric seq-set-equal-p (sequence1 sequence2 &optional testfn) "Return non-nil if SEQUENCE1 and SEQUENCE2 hold the same elements.
Order and repetitions do not matter; TESTFN (default `equal') compares."
  (and (seq-every-p (lambda (e) (seq-contains-p sequence2 e testfn)) sequence1)
       (seq-every-p (lambda (e) (seq-contains-p sequence1 e testfn)) sequence2)))

;;;; Set-like operations
;;
;; The results are lists.  Membership tests run against the elements
;; gathered so far (most recent first) or against the other sequence,
;; and TESTFN sees the arguments in that order, as in GNU Emacs.

(defun seq--add-new (seen sequence testfn) "Push onto SEEN each element of SEQUENCE not already there; return SEEN.
SEEN is kept most recent first; TESTFN (default `equal') compares."
  (seq-do (lambda (element)
            (unless (seq-contains-p seen element testfn)
              (push element seen)))
          sequence)
  seen)

(cl-defgeneric seq-uniq (sequence &optional testfn) "Return a list of the elements of SEQUENCE with later duplicates left out.
TESTFN (default `equal') decides which elements are duplicates."
  (nreverse (seq--add-new nil sequence testfn)))

(cl-defgeneric seq-union (sequence1 sequence2 &optional testfn) "Return a list of the elements found in SEQUENCE1 or SEQUENCE2.
Each element appears once, in order of first appearance; TESTFN
\(default `equal') compares elements."
  (nreverse (seq--add-new (seq--add-new nil sequence1 testfn)
                          sequence2 testfn)))

(defun seq--keep-by-membership (sequence1 sequence2 testfn wanted) "Return the elements of SEQUENCE1 whose membership in SEQUENCE2 is WANTED.
WANTED is t to keep members and nil to keep non-members.  SEQUENCE1 is
scanned from its end, which fixes the order in which TESTFN is called."
  (let ((kept nil))
    (seq-do (lambda (element)
              (when (eq wanted (and (seq-contains-p sequence2 element testfn) t))
                (push element kept)))
            (seq-reverse sequence1))
    kept))

(cl-defgeneric seq-intersection (sequence1 sequence2 &optional testfn) "Return a list of the elements of SEQUENCE1 that also occur in SEQUENCE2.
TESTFN (default `equal') compares elements."
  (seq--keep-by-membership sequence1 sequence2 testfn t))

(cl-defgeneric seq-difference (sequence1 sequence2 &optional testfn) "Return a list of the elements of SEQUENCE1 that do not occur in SEQUENCE2.
TESTFN (default `equal') compares elements."
  (seq--keep-by-membership sequence1 sequence2 testfn nil))

(cl-defgeneric seq-group-by (function sequence) "Sort the elements of SEQUENCE into groups by FUNCTION's value on them.
Return an alist with entries (KEY ELEMENT...), keys compared with
`equal'; within a group the elements keep their original order."
  ;; Walking SEQUENCE backwards and consing onto the front gives both
  ;; orders GNU Emacs has: groups last-seen first, members in order.
  (let ((buckets nil))
    (seq-do (lambda (element)
              (let* ((key (funcall function element))
                     (bucket (assoc key buckets)))
                (if bucket
                    (setcdr bucket (cons element (cdr bucket)))
                  (push (list key element) buckets))))
            (seq-reverse sequence))
    buckets))

(cl-defgeneric seq-min (sequence) "Return the least element of SEQUENCE, which holds numbers or markers."
  (apply #'min (seq-into sequence 'list)))

(cl-defgeneric seq-max (sequence) "Return the greatest element of SEQUENCE, which holds numbers or markers."
  (apply #'max (seq-into sequence 'list)))

(defun seq-random-elt (sequence) "Return an element of SEQUENCE chosen at random.
An empty SEQUENCE is an error."
  (when (seq-empty-p sequence)
    (error "Sequence cannot be empty"))
  (seq-elt sequence (random (seq-length sequence))))

;;;; Destructuring: `seq-let', `seq-setq' and the `seq' pcase pattern

(defun seq--nth-or-nil (n sequence) "Return element N of SEQUENCE, or nil when there is no such element.
Any error (a short or non-sequence value) also gives nil."
  (condition-case nil (seq-elt sequence n) (error nil)))

(defun seq--tail-from (n sequence) "Return SEQUENCE without its first N elements (for `&rest')."
  (seq-drop sequence n))

(defun seq--parts (targets) "Describe how each target in the `seq-let' list TARGETS gets its value.
Return a list of (ACCESSOR INDEX TARGET), where (ACCESSOR INDEX SEQ)
extracts TARGET's part of SEQ: `seq--nth-or-nil' for a plain element,
`seq--tail-from' for the target after `&rest'."
  (let ((unseen (append targets nil))
        (next-index 0)
        (parts nil))
    (while unseen
      (let ((target (pop unseen)))
        (if (eq target '&rest)
            (setq parts (cons (list 'seq--tail-from next-index (car unseen))
                              parts)
                  unseen nil)
          (setq parts (cons (list 'seq--nth-or-nil next-index target) parts)
                next-index (1+ next-index)))))
    (nreverse parts)))

(defun seq--destructure (targets source rename) "Return `let*' bindings that take apart the value of the symbol SOURCE.
TARGETS is a `seq-let' argument list: variables, nested argument
sequences, and `&rest' followed by one target for the remaining part.
When RENAME is non-nil, it is called with each variable and must return
the symbol to bind in its place."
  (mapcan (lambda (part)
            (seq--destructure-one (nth 2 part)
                                  (list (nth 0 part) (nth 1 part) source)
                                  rename))
          (seq--parts targets)))

(defun seq--destructure-one (target form rename) "Return the bindings giving TARGET its part, the value of FORM.
See `seq--destructure' for TARGET and RENAME."
  (cond
   ;; nil and `_' are placeholders that bind nothing.
   ((memq target '(nil _)) nil)
   ((symbolp target) (list (list (if rename (funcall rename target) target) form)))
   ((sequencep target)
    (let ((holder (make-symbol "part")))
      (cons (list holder form)
            (seq--destructure target holder rename))))
   ;; Literal elements (say, characters from a string) bind nothing.
   (t nil)))

(defmacro seq-let (args sequence &rest body) "Evaluate BODY with the variables in ARGS bound to elements of SEQUENCE.
ARGS lists variables, which get the elements in order (nil for missing
ones); an element of ARGS that is itself a sequence of variables takes
the corresponding element of SEQUENCE apart the same way.  `&rest'
followed by a variable binds it to what remains of SEQUENCE." (declare (indent 2) (debug (sexp form body)))
  (let ((source (make-symbol "seq")))
    `(let* ((,source ,sequence)
            ,@(seq--destructure args source nil))
       ,@body)))

(defmacro seq-setq (args sequence) "Assign the elements of SEQUENCE to the variables in ARGS.
ARGS is read as for `seq-let'; every value is computed before any
variable is assigned.  The value is that given to the first variable." (declare (debug (sexp form)))
  (let* ((source (make-symbol "seq"))
         (assignments nil)
         (bindings (seq--destructure
                    args source
                    (lambda (variable)
                      (let ((temp (make-symbol (symbol-name variable))))
                        (push (list variable temp) assignments)
                        temp)))))
    ;; ASSIGNMENTS is last variable first; assigning in that order makes
    ;; the value the first variable's, as in GNU Emacs (nil if none).
    `(let* ((,source ,sequence) ,@bindings)
       (setq ,@(apply #'append assignments)))))

(defun seq--make-pcase-patterns (args) "Translate the `seq-let' argument list ARGS into a `seq' pcase pattern.
Nested argument sequences become nested `seq' patterns."
  (cons 'seq
        (seq-map (lambda (arg)
                   (if (seqp arg) (seq--make-pcase-patterns arg) arg))
                 args)))

(pcase-defmacro seq (&rest patterns)
  "Match a sequence whose successive elements match PATTERNS.
Elements beyond the end of the value match as nil.  The symbol `&rest'
followed by a pattern matches the remainder of the sequence."
  `(and (pred seqp)
        ,@(mapcar (lambda (part)
                    `(app (,(nth 0 part) ,(nth 1 part)) ,(nth 2 part)))
                  (seq--parts patterns))))

(provide 'seq)
