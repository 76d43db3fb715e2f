;;; cl-extra.el --- the less common cl-lib functions for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.
;; Type conversion, loose equality, the CL mapping family, integer
;; division helpers, `cl-parse-integer', a few list utilities and
;; property-list access.  cl-lib.el autoloads it; loaded alone (`require'),
;; it needs cl-lib for the cl-seq functions it calls.

(require 'cl-lib)

;;; Conversion and comparison.

(defun cl--as-list (seq) "Return the elements of the sequence SEQ as a list (SEQ itself if a list)."
  (if (listp seq) seq (append seq nil)))

(defun cl--coerce-to-character (x) "Return the only character of the string or symbol name X, or signal."
  (let ((name (if (symbolp x) (symbol-name x) x)))
    (if (and (stringp name) (= (length name) 1))
        (aref name 0)
      (error "Can't coerce %s to type %s" x 'character))))

(defconst cl--coercions
  `((list . cl--as-list)
    (vector . vconcat)
    (array . vconcat)
    (string . concat)
    (bool-vector . ,(lambda (seq) (apply #'bool-vector (cl--as-list seq))))
    (character . cl--coerce-to-character)
    (float . float))
  "How `cl-coerce' converts to each type it knows: (TYPE . FUNCTION).")

(defun cl-coerce (x type) "Convert X to the type named by TYPE, a Common Lisp type specifier.
Sequence types copy the elements into a new sequence of that type,
`character' accepts a one-character string or symbol, and `float'
converts a number.  X is returned as it is when it already has TYPE."
  (if (cl-typep x type)
      x
    (let ((how (cdr (assq type cl--coercions))))
      (if how
          (funcall how x)
        (error "Can't coerce %s to type %s" x type)))))

(defun cl-equalp (x y) "Return t if X and Y are alike, in a looser sense than `equal'.
Numbers only need to be `=' and strings are compared without regard to
case; conses and vectors are compared element by element this way."
  (or (eq x y)
      (pcase (type-of x)
        ((or 'integer 'float) (and (numberp y) (= x y)))
        ('string
         (and (stringp y) (eq t (compare-strings x nil nil y nil nil t))))
        ('cons
         ;; Walk the spine in a loop so long lists do not deepen the stack.
         (let ((alike t))
           (while (and alike (consp x))
             (setq alike (and (consp y) (cl-equalp (pop x) (pop y)))))
           (and alike (cl-equalp x y))))
        ('vector
         (and (vectorp y)
              (eq (length x) (length y))
              (let ((k (1- (length x))))
                (while (and (>= k 0) (cl-equalp (aref x k) (aref y k)))
                  (setq k (- k 1)))
                (< k 0))))
        (_ (equal x y)))))

;;; Mapping.

(defun cl--zip-columns (seqs) "Transpose SEQS into a list of argument lists, one per position.
Stops at the end of the shortest sequence."
  (let ((cols (mapcar #'cl--as-list seqs))
        (rows nil))
    (while (not (memq nil cols))
      (push (mapcar #'car cols) rows)
      (setq cols (mapcar #'cdr cols)))
    (nreverse rows)))

(defun cl--zip-tails (lists) "Return the argument lists for the tail-mapping functions over LISTS.
Each element is a list of successive tails, one from each of LISTS,
and the result stops as soon as any of them has run out of conses."
  (let ((rows nil))
    (while (cl-every #'consp lists)
      (push lists rows)
      (setq lists (mapcar #'cdr lists)))
    (nreverse rows)))

(defun cl--mapcar-many (func seqs) "Call FUNC on one element of each of SEQS at a time, as `cl-mapcar' does.
Stop at the end of the shortest of SEQS; return the list of FUNC's values."
  (mapcar (apply-partially #'apply func) (cl--zip-columns seqs)))

(defun cl-map (type func seq &rest rest) "Like `cl-mapcar', but collect the values into a sequence of TYPE.
TYPE nil discards the values and returns nil."
  (let ((vals (apply #'cl-mapcar func seq rest)))
    (if type (cl-coerce vals type))))

(defun cl-mapc (func seq &rest rest) "Call FUNC on the elements of SEQ and the REST sequences, for effect.
Return SEQ."
  (if rest
      (progn (mapc (apply-partially #'apply func) (cl--zip-columns (cons seq rest)))
             seq)
    (mapc func seq)))

(defun cl-mapcan (func seq &rest rest) "Like `cl-mapcar', but join FUNC's values together with `nconc'."
  (apply #'nconc (apply #'cl-mapcar func seq rest)))

(defun cl-maplist (func list &rest rest) "Call FUNC on LIST, then on its cdr, and so on, returning the values.
With REST lists FUNC gets one tail of each, until one of them ends."
  (mapcar (apply-partially #'apply func) (cl--zip-tails (cons list rest))))

(defun cl-mapl (func list &rest rest) "Like `cl-maplist', but call FUNC only for effect and return LIST."
  (mapc (apply-partially #'apply func) (cl--zip-tails (cons list rest)))
  list)

(defun cl-mapcon (func list &rest rest) "Like `cl-maplist', but join FUNC's values together with `nconc'."
  (apply #'nconc (apply #'cl-maplist func list rest)))

(defun cl-some (pred seq &rest rest) "Return the first non-nil value PRED gives on the elements of the sequences.
PRED takes one argument from SEQ and from each of REST; return nil when
no call gives anything but nil."
  (let ((rows (if rest
                  (cl--zip-columns (cons seq rest))
                (mapcar #'list (cl--as-list seq))))
        (hit nil))
    (while (and rows (not hit))
      (setq hit (apply pred (pop rows))))
    hit))

(defun cl-every (pred seq &rest rest) "Return t if PRED is non-nil on all elements of SEQ and the REST sequences.
Stops at the first element for which PRED returns nil, and returns nil then."
  (let ((rows (if rest
                  (cl--zip-columns (cons seq rest))
                (mapcar #'list (cl--as-list seq)))))
    (while (and rows (apply pred (car rows)))
      (pop rows))
    (null rows)))

(defun cl-notany (pred seq &rest rest) "Return t if PRED gives nil on every element of SEQ and REST, else nil."
  (null (apply #'cl-some pred seq rest)))

(defun cl-notevery (pred seq &rest rest) "Return t if PRED gives nil on some element of SEQ and REST, else nil."
  (null (apply #'cl-every pred seq rest)))

;;; Integer arithmetic.

(defun cl--gcd-pair (a b) "Return a greatest common divisor of the integers A and B, by Euclid.
Its sign is unspecified; callers take the absolute value."
  (if (= b 0)
      a
    (cl--gcd-pair b (% a b))))

(defun cl-gcd (&rest args) "Return the largest integer dividing all of ARGS, or 0 with no ARGS."
  (abs (cl-reduce #'cl--gcd-pair (cdr args) :initial-value (or (car args) 0))))

(defun cl-lcm (&rest args) "Return the smallest positive multiple of all of ARGS.
That is 1 with no ARGS and 0 when one of them is 0."
  (if (memql 0 args)
      0
    (abs (cl-reduce (lambda (m n) (* n (/ m (cl--gcd-pair m n))))
                    (cdr args) :initial-value (or (car args) 1)))))

(defun cl-isqrt (x) "Return the largest integer whose square does not exceed the integer X.
Signal `arith-error' unless X is a non-negative integer."
  (unless (and (integerp x) (>= x 0))
    (signal 'arith-error nil))
  (if (< x 2)
      x
    ;; Newton's iteration from above decreases until it reaches the root.
    (let ((r x)
          (next (/ (1+ x) 2)))
      (while (< next r)
        (setq r next)
        (setq next (/ (+ r (/ x r)) 2)))
      r)))

(defun cl-floor (x &optional y) "Divide X by Y (1 by default), rounding toward minus infinity.
Return the list (QUOTIENT REMAINDER)."
  (let ((quot (floor x y)))
    (list quot (- x (* quot (or y 1))))))

(defun cl-ceiling (x &optional y) "Divide X by Y (1 by default), rounding toward plus infinity.
Return the list (QUOTIENT REMAINDER)."
  (let* ((down (cl-floor x y))
         (r (nth 1 down)))
    (if (zerop r)
        down
      (list (1+ (car down)) (- r (if y y 1))))))

(defun cl-truncate (x &optional y) "Divide X by Y (1 by default), rounding toward zero.
Return the list (QUOTIENT REMAINDER)."
  (let ((negative (if y (not (eq (< x 0) (< y 0))) (< x 0))))
    (if negative (cl-ceiling x y) (cl-floor x y))))

(defun cl-round (x &optional y) "Divide X by Y (1 by default), rounding to the nearest integer.
A quotient exactly halfway goes to the even integer.  Return the list
(QUOTIENT REMAINDER)."
  (cond
   ((null y)
    (let ((q (round x))) (list q (- x q))))
   ((and (integerp x) (integerp y))
    ;; Integer `round' with a divisor is exact and rounds halves to even.
    (let ((q (round x y))) (list q (- x (* y q)))))
   (t
    (let ((q (round (/ x y)))) (list q (- x (* y q)))))))

(defun cl-mod (x y) "Return the remainder of `cl-floor' of X by Y; it has the sign of Y."
  (car (cdr (cl-floor x y))))

(defun cl-rem (x y) "Return the remainder of `cl-truncate' of X by Y; it has the sign of X."
  (car (cdr (cl-truncate x y))))

(defun cl-signum (x) "Return the integer 1, -1 or 0 as the number X is above, below or at zero."
  (if (> x 0) 1 (if (< x 0) -1 0)))

(defconst cl--parse-integer-keys '(:start :end :radix :junk-allowed) "The keywords `cl-parse-integer' accepts.")

(defun cl--parse-integer-skip-blanks (string pos stop) "Return the first index from POS below STOP where STRING has no blank.
Blanks are the characters of whitespace syntax in the standard syntax
table: space, tab, form feed and no-break space.  Return STOP if all are."
  (or (cl-position-if-not (lambda (c) (memq c '(?\s ?\t ?\f #xa0)))
                         string :start pos :end stop)
      stop))

(defun cl-parse-integer (string &rest keys) "Read an integer written in STRING, in base 10 or another radix.
Blanks may surround the digits, and a sign may come before them.
Keywords: :start and :end bound the part of STRING to read; :radix is
the base, from 2 to 36; with :junk-allowed non-nil, reading stops at the
first character that cannot belong to the number, and nil is returned
when there are no digits, instead of signalling an error."
  (unless (plist-get keys :allow-other-keys)
    (let ((k keys))
      (while k
        (unless (memq (car k) (cons :allow-other-keys cl--parse-integer-keys))
          (error "Keyword argument %S not one of %S" (car k)
                 cl--parse-integer-keys))
        (setq k (nthcdr 2 k)))))
  (unless (stringp string)
    (signal 'wrong-type-argument (list 'string string 'string)))
  (let* ((size (length string))
         (pos (or (plist-get keys :start) 0))
         (stop (or (plist-get keys :end) size))
         (base (or (plist-get keys :radix) 10))
         (junk-ok (plist-get keys :junk-allowed))
         (negative nil)
         (value nil)
         (d nil))
    (unless (and (<= pos stop) (<= stop size))
      (error "Bad interval: [%d, %d)" pos stop))
    (setq pos (cl--parse-integer-skip-blanks string pos stop))
    (pcase (and (< pos stop) (aref string pos))
      (?+ (setq pos (1+ pos)))
      (?- (setq pos (1+ pos) negative t)))
    (while (and (< pos stop)
                (setq d (cl-digit-char-p (aref string pos) base)))
      (setq value (+ d (* base (or value 0))) pos (1+ pos)))
    (setq pos (cl--parse-integer-skip-blanks string pos stop))
    (cond
     ((and value (or junk-ok (= pos stop)))
      (if negative (- value) value))
     (junk-ok nil)
     (t (error "Not an integer string: `%s'" string)))))

;;; Sequences and lists.

(defun cl-subseq (seq start &optional end) "Return a copy of the part of SEQ from index START up to END.
END nil means the end of SEQ; negative indices count from the end."
  ;; seq.el is loaded by the first use, as GNU's cl-extra brings it in.
  (require 'seq)
  (seq-subseq seq start end))

(defun cl-concatenate (type &rest sequences) "Join SEQUENCES into one new sequence of TYPE: `list', `vector' or `string'."
  (require 'seq)
  (apply #'seq-concatenate type sequences))

(defun cl-revappend (x y) "Return the elements of the list X in reverse order, followed by Y.
X is not modified."
  (dolist (elt x y)
    (push elt y)))

(defun cl-nreconc (x y) "Reverse the list X in place and attach Y at its end; return the result."
  ;; Turn each cons of X around to point at what has been built so far.
  (while (consp x) (let ((next (cdr x))) (setcdr x y) (setq y x x next)))
  y)

(defun cl-list-length (x) "Return how many elements the list X has, or nil if X is circular."
  (or (listp x) (signal 'wrong-type-argument (list 'list x 'x)))
  (condition-case nil (length x) (circular-list nil)))

(defun cl-tailp (sublist list) "Return t if SUBLIST is LIST itself or one of its tails.
The final atom of a dotted LIST counts as a tail too, compared with `eql'."
  (catch 'cl--tail-found
    (while (consp list)
      (if (eq list sublist) (throw 'cl--tail-found t))
      (pop list))
    (eql list sublist)))

;;; Plists.

(defun cl-getf (plist tag &optional def) "Return the value stored under TAG in the property list PLIST.
When PLIST has no TAG, return DEF.  As a place, storing adds TAG in front
when it is missing and changes its value in place otherwise."
  (declare (gv-expander
            (lambda (do)
              (gv-letplace (old-list store-list) plist
                (macroexp-let2* nil ((key tag) (fallback def))
                  (funcall do (list 'cl-getf old-list key fallback)
                           (lambda (new)
                             (macroexp-let2 nil val new
                               (list 'progn
                                     (funcall store-list
                                              (list 'cl--set-getf old-list key val))
                                     val)))))))))
  (let ((cell (plist-member plist tag)))
    (if cell (nth 1 cell) def)))

(defun cl-get (sym tag &optional def) "Return SYM's TAG property, or DEF if SYM has no such property."
  (cl-getf (symbol-plist sym) tag def))

(defun cl--set-getf (plist tag val) "Store VAL under TAG in PLIST, in place if TAG is present.
Return the property list to use from now on."
  (let ((cell (plist-member plist tag)))
    (if (null cell)
        (cons tag (cons val plist))
      (setcar (cdr cell) val)
      plist)))

(defun cl--do-remf (plist tag) "Cut TAG and its value out of PLIST, searching from its second pair.
Return t if something was removed.  The first pair is the caller's job,
since removing it changes which cons starts the list."
  (catch 'cl--removed
    ;; PREV is always the value cell just before the key being looked at.
    (let ((prev (cdr plist)))
      (while (cdr prev)
        (when (eq (nth 1 prev) tag)
          (setcdr prev (nthcdr 3 prev))
          (throw 'cl--removed t))
        (setq prev (nthcdr 2 prev))))
    nil))

(defun cl-remprop (sym tag) "Remove the property TAG from the symbol SYM.
Return t if SYM had that property, nil otherwise."
  (let ((props (symbol-plist sym)))
    (cond
     ((null props) nil)
     ((eq (car props) tag)
      (setplist sym (nthcdr 2 props))
      t)
     (t (cl--do-remf props tag)))))

;;; Float limits.

(defun cl-float-limits () "Give the `cl-...-float' constants their values for IEEE double floats.
Return nil."
  (let ((tiny (expt 2.0 -1074))
        (normal (expt 2.0 -1022)))
    (setq cl-most-positive-float (* (- 2.0 (expt 2.0 -52)) (expt 2.0 1023))
          cl-most-negative-float (- cl-most-positive-float)
          cl-least-positive-float tiny
          cl-least-negative-float (- tiny)
          cl-least-positive-normalized-float normal
          cl-least-negative-normalized-float (- normal)
          cl-float-epsilon (expt 2.0 -52)
          cl-float-negative-epsilon (expt 2.0 -53)))
  nil)

(provide 'cl-extra)
