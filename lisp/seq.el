;;; seq.el --- sequence manipulation functions  -*- lexical-binding: t -*-

;; Written for tsmacs.  The `seq-' functions of GNU Emacs 28 over lists,
;; vectors and strings.  GNU makes most of them generic functions; here they
;; are plain functions whose behaviour on the built-in sequence types is the
;; same.  `seq-let' and `seq-setq' destructure directly, without pcase; the
;; `seq' pcase pattern is registered when pcase is around.

;;; Basic access

(defun seqp (object)
  "Return non-nil if OBJECT is a sequence, nil otherwise."
  (sequencep object))

(defun seq-elt (sequence n)
  "Return Nth element of SEQUENCE."
  (elt sequence n))

(defalias '\(setf\ seq-elt\)
  (lambda (store sequence n)
    "Set element N of SEQUENCE to STORE; what `(setf (seq-elt ...))' calls."
    (cond ((arrayp sequence) (aset sequence n store))
          ((consp sequence) (setcar (nthcdr n sequence) store))
          (t (signal 'cl-no-applicable-method
                     (list '\(setf\ seq-elt\) store sequence n))))))

(defun seq-length (sequence)
  "Return the number of elements of SEQUENCE."
  (length sequence))

(defun seq-empty-p (sequence)
  "Return non-nil if the SEQUENCE is empty, nil otherwise."
  (if (listp sequence)
      (null sequence)
    (= 0 (length sequence))))

(defun seq-copy (sequence)
  "Return a shallow copy of SEQUENCE."
  (copy-sequence sequence))

(defun seq-first (sequence)
  "Return the first element of SEQUENCE."
  (seq-elt sequence 0))

(defun seq-rest (sequence)
  "Return a sequence of the elements of SEQUENCE except the first one."
  (seq-drop sequence 1))

;;; Iteration

(defun seq-do (function sequence)
  "Apply FUNCTION to each element of SEQUENCE, presumably for side effects.
Return SEQUENCE."
  (mapc function sequence))

(defalias 'seq-each #'seq-do)

(defmacro seq-doseq (spec &rest body)
  "Loop over a sequence.
Evaluate BODY with VAR bound to each element of SEQUENCE, in turn.

\(fn (VAR SEQUENCE) BODY...)"
  (declare (indent 1))
  (list 'seq-do (cons 'lambda (cons (list (car spec)) body)) (car (cdr spec))))

(defun seq-do-indexed (function sequence)
  "Apply FUNCTION to each element of SEQUENCE and its index; return nil."
  (let ((i 0))
    (mapc (lambda (e) (funcall function e i) (setq i (1+ i))) sequence))
  nil)

(defun seq-map (function sequence)
  "Return the result of applying FUNCTION to each element of SEQUENCE."
  (mapcar function sequence))

(defun seq-map-indexed (function sequence)
  "Return the results of FUNCTION on each element of SEQUENCE and its index."
  (let ((i -1))
    (mapcar (lambda (e) (setq i (1+ i)) (funcall function e i)) sequence)))

(defun seq-mapn (function sequence &rest sequences)
  "Like `seq-map' but FUNCTION is mapped over all SEQUENCES.
The mapping stops at the shortest sequence.  Return a list.

\(fn FUNCTION SEQUENCES...)"
  (let ((lists (mapcar #'seq--into-list (cons sequence sequences)))
        (out nil))
    (while (not (memq nil lists))
      (setq out (cons (apply function (mapcar #'car lists)) out))
      (setq lists (mapcar #'cdr lists)))
    (nreverse out)))

(defun seq-mapcat (function sequence &optional type)
  "Concatenate the results of FUNCTION on each element of SEQUENCE.
The result is of TYPE, a list if TYPE is nil."
  (apply #'seq-concatenate (or type 'list) (seq-map function sequence)))

;;; Subsequences

(defun seq-subseq (sequence start &optional end)
  "Return the elements of SEQUENCE from START to END (exclusive).
Negative indices count from the end.  Signal an error when START or
END is outside the sequence."
  (cond
   ((or (stringp sequence) (vectorp sequence)) (substring sequence start end))
   ((listp sequence)
    (let ((msg (format "Bad bounding indices: %s, %s" start end))
          (len nil))
      (when (and end (< end 0))
        (setq len (length sequence))
        (setq end (+ end len)))
      (when (< start 0)
        (unless len (setq len (length sequence)))
        (setq start (+ start len)))
      (if (< start 0) (error "%s" msg))
      (when (> start 0)
        (let ((tail (nthcdr (1- start) sequence)))
          (if (null tail) (error "%s" msg))
          (setq sequence (cdr tail))))
      (if (null end)
          (copy-sequence sequence)
        (let ((out nil) (n (- end start)))
          (while (and (> n 0) sequence)
            (setq out (cons (car sequence) out))
            (setq sequence (cdr sequence))
            (setq n (1- n)))
          (if (> n 0) (error "%s" msg))
          (if (< n 0) (error "%s" msg))
          (nreverse out)))))
   (t (error "Unsupported sequence: %s" sequence))))

(defun seq-take (sequence n)
  "Return the first N elements of SEQUENCE, as a sequence of its type.
N of zero or less gives an empty sequence."
  (if (listp sequence)
      (let ((out nil))
        (while (and sequence (> n 0))
          (setq out (cons (car sequence) out))
          (setq sequence (cdr sequence))
          (setq n (1- n)))
        (nreverse out))
    (seq-subseq sequence 0 (min (max n 0) (length sequence)))))

(defun seq-drop (sequence n)
  "Return SEQUENCE without its first N elements, as a sequence of its type.
N of zero or less returns SEQUENCE itself."
  (cond
   ((listp sequence) (nthcdr n sequence))
   ((<= n 0) sequence)
   (t (let ((len (length sequence)))
        (seq-subseq sequence (min n len) len)))))

(defun seq--count-successive (pred sequence)
  "Count the leading elements of SEQUENCE that satisfy PRED."
  (let ((n 0) (len (length sequence)))
    (while (and (< n len) (funcall pred (elt sequence n)))
      (setq n (1+ n)))
    n))

(defun seq-take-while (pred sequence)
  "Return the leading elements of SEQUENCE for which PRED is non-nil."
  (seq-take sequence (seq--count-successive pred sequence)))

(defun seq-drop-while (pred sequence)
  "Return SEQUENCE without its leading elements for which PRED is non-nil."
  (if (listp sequence)
      (progn
        (while (and sequence (funcall pred (car sequence)))
          (setq sequence (cdr sequence)))
        sequence)
    (seq-drop sequence (seq--count-successive pred sequence))))

(defun seq-partition (sequence n)
  "Split SEQUENCE into a list of subsequences of N elements (the last may be shorter).
N less than 1 gives nil."
  (unless (< n 1)
    (let ((out nil))
      (while (not (seq-empty-p sequence))
        (setq out (cons (seq-take sequence n) out))
        (setq sequence (seq-drop sequence n)))
      (nreverse out))))

;;; Conversion

(defun seq--into-list (sequence)
  (if (listp sequence) sequence (append sequence nil)))

(defun seq--into-vector (sequence)
  (if (vectorp sequence) sequence (vconcat sequence)))

(defun seq--into-string (sequence)
  (if (stringp sequence) sequence (concat sequence)))

(defun seq-into (sequence type)
  "Convert SEQUENCE into a sequence of TYPE: `vector', `string' or `list'."
  (cond
   ((eq type 'vector) (seq--into-vector sequence))
   ((eq type 'string) (seq--into-string sequence))
   ((eq type 'list) (seq--into-list sequence))
   (t (error "Not a sequence type name: %S" type))))

(defun seq-into-sequence (sequence)
  "Return SEQUENCE if it is a sequence, signal an error otherwise."
  (unless (sequencep sequence)
    (error "Cannot convert %S into a sequence" sequence))
  sequence)

(defun seq-concatenate (type &rest sequences)
  "Concatenate SEQUENCES into a single sequence of TYPE.
TYPE is `vector', `string' or `list'.

\(fn TYPE SEQUENCE...)"
  (cond
   ((eq type 'vector) (apply #'vconcat sequences))
   ((eq type 'string) (apply #'concat sequences))
   ((eq type 'list) (apply #'append (append sequences '(nil))))
   (t (error "Not a sequence type name: %S" type))))

(defun seq-reverse (sequence)
  "Return a sequence with the elements of SEQUENCE in reverse order."
  (reverse sequence))

(defun seq-sort (pred sequence)
  "Sort SEQUENCE with PRED; the result has the type of SEQUENCE."
  (if (listp sequence)
      (sort (copy-sequence sequence) pred)
    (seq-into (sort (append sequence nil) pred) (type-of sequence))))

(defun seq-sort-by (function pred sequence)
  "Sort SEQUENCE with PRED applied to the results of FUNCTION on the elements."
  (seq-sort (lambda (a b) (funcall pred (funcall function a) (funcall function b)))
            sequence))

;;; Searching and testing

(defun seq-filter (pred sequence)
  "Return a list of the elements of SEQUENCE for which PRED is non-nil."
  (let ((out nil))
    (mapc (lambda (e) (if (funcall pred e) (setq out (cons e out)))) sequence)
    (nreverse out)))

(defun seq-remove (pred sequence)
  "Return a list of the elements of SEQUENCE for which PRED is nil."
  (seq-filter (lambda (e) (not (funcall pred e))) sequence))

(defun seq-reduce (function sequence initial-value)
  "Reduce FUNCTION across SEQUENCE, starting with INITIAL-VALUE.
FUNCTION is called with the accumulated value and each element."
  (let ((acc initial-value))
    (mapc (lambda (e) (setq acc (funcall function acc e))) sequence)
    acc))

(defun seq-some (pred sequence)
  "Return the first non-nil value of PRED on an element of SEQUENCE."
  (catch 'seq--break
    (mapc (lambda (e)
            (let ((r (funcall pred e)))
              (if r (throw 'seq--break r))))
          sequence)
    nil))

(defun seq-every-p (pred sequence)
  "Return non-nil if PRED is non-nil for every element of SEQUENCE."
  (catch 'seq--break
    (mapc (lambda (e) (or (funcall pred e) (throw 'seq--break nil))) sequence)
    t))

(defun seq-find (pred sequence &optional default)
  "Return the first element of SEQUENCE for which PRED is non-nil, else DEFAULT."
  (catch 'seq--break
    (mapc (lambda (e) (if (funcall pred e) (throw 'seq--break e))) sequence)
    default))

(defun seq-count (pred sequence)
  "Return the number of elements of SEQUENCE for which PRED is non-nil."
  (let ((n 0))
    (mapc (lambda (e) (if (funcall pred e) (setq n (1+ n)))) sequence)
    n))

(defun seq-contains-p (sequence elt &optional testfn)
  "Return non-nil if SEQUENCE has an element equal to ELT (by TESTFN or `equal')."
  (let ((test (or testfn #'equal)))
    (catch 'seq--break
      (mapc (lambda (e) (if (funcall test e elt) (throw 'seq--break t))) sequence)
      nil)))

(defun seq-contains (sequence elt &optional testfn)
  "Return the first element of SEQUENCE equal to ELT (by TESTFN or `equal')."
  (let ((test (or testfn #'equal)))
    (seq-some (lambda (e) (if (funcall test elt e) e)) sequence)))
(put 'seq-contains 'byte-obsolete-info '(seq-contains-p nil "27.1"))

(defun seq-position (sequence elt &optional testfn)
  "Return the index of the first element of SEQUENCE equal to ELT, or nil."
  (let ((test (or testfn #'equal)) (i 0))
    (catch 'seq--break
      (mapc (lambda (e)
              (if (funcall test e elt) (throw 'seq--break i))
              (setq i (1+ i)))
            sequence)
      nil)))

(defun seq-set-equal-p (sequence1 sequence2 &optional testfn)
  "Return non-nil if SEQUENCE1 and SEQUENCE2 have the same elements, in any order."
  (and (seq-every-p (lambda (e) (seq-contains-p sequence2 e testfn)) sequence1)
       (seq-every-p (lambda (e) (seq-contains-p sequence1 e testfn)) sequence2)))

(defun seq-uniq (sequence &optional testfn)
  "Return a list of the elements of SEQUENCE without duplicates."
  (let ((out nil))
    (mapc (lambda (e) (unless (seq-contains-p out e testfn) (setq out (cons e out))))
          sequence)
    (nreverse out)))

(defun seq-union (sequence1 sequence2 &optional testfn)
  "Return a list of the elements in SEQUENCE1 or SEQUENCE2, without duplicates."
  (let ((out nil))
    (let ((add (lambda (e) (unless (seq-contains-p out e testfn) (setq out (cons e out))))))
      (mapc add sequence1)
      (mapc add sequence2))
    (nreverse out)))

(defun seq-intersection (sequence1 sequence2 &optional testfn)
  "Return a list of the elements of SEQUENCE1 that are also in SEQUENCE2."
  (seq-filter (lambda (e) (seq-contains-p sequence2 e testfn)) sequence1))

(defun seq-difference (sequence1 sequence2 &optional testfn)
  "Return a list of the elements of SEQUENCE1 that are not in SEQUENCE2."
  (seq-remove (lambda (e) (seq-contains-p sequence2 e testfn)) sequence1))

(defun seq-group-by (function sequence)
  "Group the elements of SEQUENCE into an alist keyed by FUNCTION's results.
Keys are compared with `equal'."
  (let ((groups nil))
    (mapc (lambda (e)
            (let* ((key (funcall function e))
                   (cell (assoc key groups)))
              (if cell
                  (setcdr cell (cons e (cdr cell)))
                (setq groups (cons (list key e) groups)))))
          (reverse sequence))
    groups))

(defun seq-min (sequence)
  "Return the smallest element of SEQUENCE (numbers or markers)."
  (apply #'min (seq--into-list sequence)))

(defun seq-max (sequence)
  "Return the largest element of SEQUENCE (numbers or markers)."
  (apply #'max (seq--into-list sequence)))

(defun seq-random-elt (sequence)
  "Return a random element of SEQUENCE; signal an error if it is empty."
  (if (seq-empty-p sequence)
      (error "Sequence cannot be empty")
    (elt sequence (random (length sequence)))))

;;; Destructuring

(defun seq--elt-safe (sequence n)
  "Return element N of SEQUENCE, or nil when there is none."
  (ignore-errors (seq-elt sequence n)))

(defun seq--elt-at (n sequence)
  "Element N of SEQUENCE or nil (argument order suits pcase's `app')."
  (ignore-errors (seq-elt sequence n)))

(defun seq--drop-at (n sequence)
  "SEQUENCE without its first N elements (argument order suits pcase's `app')."
  (seq-drop sequence n))

(defun seq--destructure (args seqvar)
  "Return (VAR . FORM) pairs binding the names in ARGS from the sequence in SEQVAR.
Nested sequences in ARGS destructure the corresponding element."
  (let ((pairs nil) (i 0) (done nil)
        (len (length args)))
    (while (and (not done) (< i len))
      (let ((name (elt args i)))
        (cond
         ((eq name '&rest)
          (setq done t)
          (let ((target (seq--elt-safe args (1+ i))))
            (setq pairs (append (reverse (seq--destructure-one
                                          target (list 'seq-drop seqvar i)))
                                pairs))))
         (t
          (setq pairs (append (reverse (seq--destructure-one
                                        name (list 'seq--elt-safe seqvar i)))
                              pairs)))))
      (setq i (1+ i)))
    (nreverse pairs)))

(defun seq--destructure-one (target form)
  "Pairs binding TARGET (a symbol or a nested sequence of names) to FORM."
  (cond
   ((null target) nil)
   ((eq target '_) nil)
   ((symbolp target) (list (cons target form)))
   ((sequencep target)
    (let ((tmp (make-symbol "seq")))
      (cons (cons tmp form) (seq--destructure target tmp))))
   (t (error "Invalid seq-let pattern: %S" target))))

(defmacro seq-let (args sequence &rest body)
  "Bind the variables in ARGS to the elements of SEQUENCE, then evaluate BODY.
ARGS can also include the `&rest' marker followed by a variable
name to be bound to the rest of SEQUENCE."
  (declare (indent 2))
  (let ((tmp (make-symbol "seq")))
    ;; Only uninterned temporaries are referred to by the later bindings, so
    ;; sequential binding gives the same result as a parallel one.
    (cons 'let*
          (cons (cons (list tmp sequence)
                      (mapcar (lambda (p) (list (car p) (cdr p)))
                              (seq--destructure args tmp)))
                body))))

(defmacro seq-setq (args sequence)
  "Assign to the variables in ARGS the elements of SEQUENCE.
ARGS can also include the `&rest' marker followed by a variable
name to be bound to the rest of SEQUENCE."
  (let ((tmp (make-symbol "seq"))
        (lets nil) (sets nil))
    (dolist (p (seq--destructure args tmp))
      (if (eq (intern-soft (symbol-name (car p))) (car p))
          (let ((g (make-symbol (symbol-name (car p)))))
            (setq lets (cons (list g (cdr p)) lets))
            (setq sets (cons (list 'setq (car p) g) sets)))
        (setq lets (cons (list (car p) (cdr p)) lets))))
    (list 'let* (cons (list tmp sequence) (nreverse lets))
          ;; Assign the last variable first, so the value is the first's.
          (cons 'progn (or sets '(nil))))))

;;; The `seq' pcase pattern

(defun seq--make-pcase-bindings (args)
  "The `app' subpatterns matching the elements of a sequence against ARGS."
  (let ((out nil) (i 0) (done nil) (len (length args)))
    (while (and (not done) (< i len))
      (let ((pat (elt args i)))
        (if (eq pat '&rest)
            (progn
              (setq done t)
              (setq out (cons (list 'app (list 'seq--drop-at i)
                                    (seq--elt-safe args (1+ i)))
                              out)))
          (setq out (cons (list 'app (list 'seq--elt-at i) pat) out))))
      (setq i (1+ i)))
    (nreverse out)))

(defun seq--make-pcase-patterns (args)
  "Turn ARGS, with nested sequences, into a `(seq ...)' pcase pattern."
  (cons 'seq (mapcar (lambda (e) (if (seqp e) (seq--make-pcase-patterns e) e))
                     args)))

(defun seq--pcase-expand (&rest patterns)
  "Expand the pcase pattern (seq PATTERNS...)."
  (cons 'and (cons '(pred seqp) (seq--make-pcase-bindings patterns))))

(if (fboundp 'pcase-defmacro)
    (eval '(pcase-defmacro seq (&rest patterns)
             "Match a sequence whose elements match PATTERNS."
             (apply #'seq--pcase-expand patterns))
          t)
  (defalias 'seq--pcase-macroexpander #'seq--pcase-expand)
  (put 'seq 'pcase-macroexpander #'seq--pcase-macroexpander))

(provide 'seq)

;;; seq.el ends here
