;;; cl-seq.el --- cl-lib's keyword-driven sequence functions for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.
;; Searching, removing, substituting, set operations on lists, sorting
;; and tree walking, all taking Common Lisp keyword arguments.  Keywords
;; are found with `memq' anywhere in the argument list, which is what GNU
;; Emacs does too, so a keyword may even be picked up from a value slot.
;; Loaded alone (`require'), it needs cl-lib for the cl-extra functions it calls.

(require 'cl-lib)

;;; The end of a list.

(defun cl-endp (x) "Return t if the list X is empty and nil if it is a cons.
Anything other than a list is an error."
  (or (listp x) (signal 'wrong-type-argument (list 'list x 'x)))
  (null x))

;;; Keyword handling.

(defun cl--kw-check (keys allowed) "Signal an error if KEYS uses a keyword that is not in ALLOWED.
A non-nil :allow-other-keys value in KEYS turns the check off."
  (unless (car (cdr (memq :allow-other-keys keys)))
    (let ((k keys))
      (while k
        (unless (memq (car k) allowed)
          (error "Bad keyword argument %s" (car k)))
        (setq k (cdr (cdr k)))))))

(defun cl--kw (keys kw &optional default) "Return the value given for the keyword KW in KEYS.
Return DEFAULT when KW is missing or its value is nil."
  (or (car (cdr (memq kw keys))) default))

(defconst cl--test-keys '(:test :test-not :key :if :if-not :allow-other-keys) "The keywords that say how elements are matched.")

(defun cl--matcher (item keys) "Return a one-argument function testing an element against ITEM.
The test follows the :test, :test-not, :key, :if and :if-not values in KEYS."
  (let ((key (cl--kw keys :key))
        (test (cl--kw keys :test))
        (test-not (cl--kw keys :test-not))
        (pred (cl--kw keys :if))
        (pred-not (cl--kw keys :if-not)))
    (let ((negate nil))
      (when test-not (setq test test-not negate t))
      (when (and (not pred) pred-not) (setq pred pred-not)
            (unless test (setq negate t)))
      (cond
       (test (lambda (x)
               (let ((r (funcall test item (if key (funcall key x) x))))
                 (if negate (not r) (and r t)))))
       (pred (lambda (x)
               (let ((r (funcall pred (if key (funcall key x) x))))
                 (if negate (not r) (and r t)))))
       (key (lambda (x) (eql item (funcall key x))))
       (t (lambda (x) (eql item x)))))))

(defun cl--match2 (keys) "Return a two-argument function telling if two elements match.
Both go through the :key of KEYS, then :test or :test-not (default `eql')."
  (let ((key (cl--kw keys :key))
        (test (cl--kw keys :test))
        (test-not (cl--kw keys :test-not)))
    (lambda (x y)
      (let ((a (if key (funcall key x) x))
            (b (if key (funcall key y) y)))
        (cond (test-not (not (funcall test-not a b)))
              (test (and (funcall test a b) t))
              (t (eql a b)))))))

(defun cl--list-from-end (seq keys ok-fn) "Return KEYS, turning :from-end off for a list SEQ in some cases.
On lists GNU Emacs honours :from-end only when OK-FN, called with the
:count value and half the length of SEQ, returns non-nil."
  (let ((count (cl--kw keys :count)))
    (if (and (listp seq) (cl--kw keys :from-end)
             (not (and count (funcall ok-fn count (/ (length seq) 2)))))
        (cons :from-end (cons nil keys))
      keys)))

(defun cl--like (orig list) "Return LIST as a sequence of the same kind as ORIG."
  (cond ((listp orig) list)
        ((stringp orig) (concat list))
        (t (vconcat list))))

(defun cl--marks (seq keys match) "Return a list with one flag per element of SEQ, t for those to act on.
MATCH selects elements; :start, :end, :count and :from-end in KEYS limit
the selection."
  (let* ((elts (if (listp seq) seq (append seq nil)))
         (len (length elts))
         (start (cl--kw keys :start 0))
         (end (or (cl--kw keys :end) len))
         (count (cl--kw keys :count))
         (from-end (cl--kw keys :from-end))
         (flags nil) (i 0))
    (dolist (x elts)
      (setq flags (cons (and (>= i start) (< i end) (funcall match x)) flags))
      (setq i (+ i 1)))
    ;; FLAGS is reversed here.
    (when count
      (let ((n count) (fl (if from-end flags (setq flags (nreverse flags)))))
        (while fl
          (when (car fl)
            (if (> n 0) (setq n (1- n)) (setcar fl nil)))
          (setq fl (cdr fl)))
        (if from-end (setq flags (nreverse flags)))))
    (if count flags (nreverse flags))))

;;; Removing and deleting.

(defun cl--remove-marked (seq flags) "Return SEQ without the elements whose flag in FLAGS is set.
A list keeps its tail after the last flagged element; SEQ is unchanged."
  (if (not (memq t flags))
      seq
    (if (listp seq)
        (let ((last-idx 0) (i 0) (res nil) (p seq) (f flags))
          (while f
            (if (car f) (setq last-idx i))
            (setq i (1+ i) f (cdr f)))
          (setq i 0 f flags)
          (while (<= i last-idx)
            (unless (car f) (setq res (cons (car p) res)))
            (setq p (cdr p) f (cdr f) i (1+ i)))
          (nconc (nreverse res) p))
      (let ((res nil) (f flags))
        (dolist (x (append seq nil))
          (unless (car f) (setq res (cons x res)))
          (setq f (cdr f)))
        (cl--like seq (nreverse res))))))

(defun cl--delete-marked (seq flags) "Like `cl--remove-marked' on SEQ and FLAGS, but splice a list in place."
  (if (not (listp seq))
      (cl--remove-marked seq flags)
    (let ((head (cons nil seq)))
      (let ((p head) (f flags))
        (while f
          (if (car f)
              (setcdr p (cdr (cdr p)))
            (setq p (cdr p)))
          (setq f (cdr f))))
      (cdr head))))

(defconst cl--remove-keys
  (append '(:count :from-end :start :end) cl--test-keys)
  "The keywords of the removing and substituting functions.")

(defun cl-remove (item seq &rest keys) "Return SEQ without the elements that match ITEM; SEQ is left intact.
The result may share structure with SEQ, or be SEQ itself.
Keywords: :test :test-not :key :count :start :end :from-end."
  (cl--kw-check keys cl--remove-keys)
  (if (and (cl--kw keys :count) (<= (cl--kw keys :count) 0))
      seq
    (setq keys (cl--list-from-end seq keys #'<))
    (cl--remove-marked seq (cl--marks seq keys (cl--matcher item keys)))))

(defun cl-remove-if (pred seq &rest keys) "Return SEQ without the elements for which PRED is non-nil.
SEQ is not modified.  KEYS are as for `cl-remove'."
  (apply #'cl-remove nil seq :if pred keys))

(defun cl-remove-if-not (pred seq &rest keys) "Return SEQ without the elements for which PRED returns nil.
SEQ is not modified.  KEYS are as for `cl-remove'."
  (apply #'cl-remove nil seq :if-not pred keys))

(defun cl-delete (item seq &rest keys) "Remove the elements that match ITEM from SEQ, possibly altering SEQ.
Return the resulting sequence.  KEYS are as for `cl-remove'."
  (cl--kw-check keys cl--remove-keys)
  (if (and (cl--kw keys :count) (<= (cl--kw keys :count) 0))
      seq
    (setq keys (cl--list-from-end seq keys #'<))
    (cl--delete-marked seq (cl--marks seq keys (cl--matcher item keys)))))

(defun cl-delete-if (pred seq &rest keys) "Remove the elements for which PRED is non-nil from SEQ, destructively.
KEYS are as for `cl-remove'."
  (apply #'cl-delete nil seq :if pred keys))

(defun cl-delete-if-not (pred seq &rest keys) "Remove the elements for which PRED returns nil from SEQ, destructively.
KEYS are as for `cl-remove'."
  (apply #'cl-delete nil seq :if-not pred keys))

;;; Substituting.

(defun cl--substitute-marked (new seq flags copy) "Put NEW in place of the elements of SEQ whose flag in FLAGS is set.
Work on a copy of SEQ if COPY is non-nil, else on SEQ itself."
  (if (not (memq t flags))
      seq
    (let ((res (if copy (copy-sequence seq) seq)) (i 0))
      (if (listp res)
          (let ((p res))
            (dolist (f flags)
              (if f (setcar p new))
              (setq p (cdr p))))
        (dolist (f flags)
          (if f (aset res i new))
          (setq i (+ i 1))))
      res)))

(defun cl-substitute (new old seq &rest keys) "Return a copy of SEQ in which elements matching OLD are replaced by NEW.
Keywords: :test :test-not :key :count :start :end :from-end."
  (cl--kw-check keys cl--remove-keys)
  (if (or (eq old new) (and (cl--kw keys :count) (<= (cl--kw keys :count) 0)))
      seq
    (setq keys (cl--list-from-end seq keys #'<=))
    (cl--substitute-marked new seq (cl--marks seq keys (cl--matcher old keys)) t)))

(defun cl-substitute-if (new pred seq &rest keys) "Return a copy of SEQ with NEW in place of elements satisfying PRED.
KEYS are as for `cl-substitute'."
  (apply #'cl-substitute new nil seq :if pred keys))

(defun cl-substitute-if-not (new pred seq &rest keys) "Return a copy of SEQ with NEW in place of elements failing PRED.
KEYS are as for `cl-substitute'."
  (apply #'cl-substitute new nil seq :if-not pred keys))

(defun cl-nsubstitute (new old seq &rest keys) "Replace the elements of SEQ matching OLD by NEW, changing SEQ itself.
KEYS are as for `cl-substitute'."
  (cl--kw-check keys cl--remove-keys)
  (if (or (eq old new) (and (cl--kw keys :count) (<= (cl--kw keys :count) 0)))
      seq
    (setq keys (cl--list-from-end seq keys #'<=))
    (cl--substitute-marked new seq (cl--marks seq keys (cl--matcher old keys)) nil)))

(defun cl-nsubstitute-if (new pred seq &rest keys) "Replace the elements of SEQ satisfying PRED by NEW, in place.
KEYS are as for `cl-substitute'."
  (apply #'cl-nsubstitute new nil seq :if pred keys))

(defun cl-nsubstitute-if-not (new pred seq &rest keys) "Replace the elements of SEQ failing PRED by NEW, in place.
KEYS are as for `cl-substitute'."
  (apply #'cl-nsubstitute new nil seq :if-not pred keys))

;;; Finding.

(defconst cl--find-keys (append '(:from-end :start :end) cl--test-keys) "The keywords of the position and find functions.")

(defun cl--position-match (seq keys match) "Return the index of the first element of SEQ for which MATCH is true.
With :from-end in KEYS, the last one; :start and :end bound the search."
  (let* ((start (cl--kw keys :start 0))
         (end (cl--kw keys :end))
         (from-end (cl--kw keys :from-end))
         (i start) (found nil))
    (if (listp seq)
        (let ((p (nthcdr start seq)))
          (while (and p (or (null end) (< i end)) (or from-end (not found)))
            (if (funcall match (car p)) (setq found i))
            (setq p (cdr p) i (1+ i))))
      (let ((e (or end (length seq))))
        (if from-end
            (progn
              (setq i (1- e))
              (while (and (>= i start) (not found))
                (if (funcall match (aref seq i)) (setq found i))
                (setq i (- i 1))))
          (while (and (< i e) (not found))
            (if (funcall match (aref seq i)) (setq found i))
            (setq i (+ i 1))))))
    found))

(defun cl-position (item seq &rest keys) "Return the index in SEQ of the first element matching ITEM, or nil.
Keywords: :test :test-not :key :start :end :from-end."
  (cl--kw-check keys cl--find-keys)
  (cl--position-match seq keys (cl--matcher item keys)))

(defun cl-position-if (pred seq &rest keys) "Return the index of the first element of SEQ satisfying PRED, or nil.
KEYS are as for `cl-position'."
  (apply #'cl-position nil seq :if pred keys))

(defun cl-position-if-not (pred seq &rest keys) "Return the index of the first element of SEQ failing PRED, or nil.
KEYS are as for `cl-position'."
  (apply #'cl-position nil seq :if-not pred keys))

(defun cl-find (item seq &rest keys) "Return the first element of SEQ matching ITEM, or nil.
KEYS are as for `cl-position'."
  (let ((i (apply #'cl-position item seq keys)))
    (and i (elt seq i))))

(defun cl-find-if (pred seq &rest keys) "Return the first element of SEQ satisfying PRED, or nil.
KEYS are as for `cl-position'."
  (apply #'cl-find nil seq :if pred keys))

(defun cl-find-if-not (pred seq &rest keys) "Return the first element of SEQ failing PRED, or nil.
KEYS are as for `cl-position'."
  (apply #'cl-find nil seq :if-not pred keys))

(defun cl-count (item seq &rest keys) "Return how many elements of SEQ match ITEM.
Keywords: :test :test-not :key :start :end."
  (cl--kw-check keys '(:test :test-not :key :if :if-not :start :end
                             :from-end :allow-other-keys))
  (let ((n 0))
    (dolist (f (cl--marks seq (list :start (cl--kw keys :start 0)
                                    :end (cl--kw keys :end))
                          (cl--matcher item keys)))
      (if f (setq n (1+ n))))
    n))

(defun cl-count-if (pred seq &rest keys) "Return how many elements of SEQ satisfy PRED.
KEYS are as for `cl-count'."
  (apply #'cl-count nil seq :if pred keys))

(defun cl-count-if-not (pred seq &rest keys) "Return how many elements of SEQ fail PRED.
KEYS are as for `cl-count'."
  (apply #'cl-count nil seq :if-not pred keys))

;;; Lists as sets and tables.

(defun cl-member (item list &rest keys) "Return the tail of LIST starting at the first element matching ITEM.
Return nil if there is none.  Keywords: :test :test-not :key."
  (if (null keys)
      (memql item list)
    (cl--kw-check keys cl--test-keys)
    (let ((match (cl--matcher item keys)))
      (catch 'cl--hit
        (while list
          (if (funcall match (car list)) (throw 'cl--hit list))
          (pop list))
        nil))))

(defun cl-member-if (pred list &rest keys) "Return the tail of LIST starting at the first element satisfying PRED.
KEYS may give :key."
  (apply #'cl-member nil list :if pred keys))

(defun cl-member-if-not (pred list &rest keys) "Return the tail of LIST starting at the first element failing PRED.
KEYS may give :key."
  (apply #'cl-member nil list :if-not pred keys))

(defun cl--alist-find (alist part match) "Return the first pair of ALIST whose PART (`car' or `cdr') satisfies MATCH.
Elements of ALIST that are not conses are skipped."
  (catch 'cl--hit
    (dolist (entry alist)
      (and (consp entry)
           (funcall match (funcall part entry))
           (throw 'cl--hit entry)))
    nil))

(defun cl-assoc (item alist &rest keys) "Return the first pair in ALIST whose car matches ITEM, or nil.
Keywords: :test :test-not :key."
  (cl--kw-check keys cl--test-keys)
  (if (or keys (numberp item))
      (cl--alist-find alist #'car (cl--matcher item keys))
    (assq item alist)))

(defun cl-assoc-if (pred alist &rest keys) "Return the first pair in ALIST whose car satisfies PRED, or nil.
KEYS may give :key."
  (apply #'cl-assoc nil alist :if pred keys))

(defun cl-assoc-if-not (pred alist &rest keys) "Return the first pair in ALIST whose car fails PRED, or nil.
KEYS may give :key."
  (apply #'cl-assoc nil alist :if-not pred keys))

(defun cl-rassoc (item alist &rest keys) "Return the first pair in ALIST whose cdr matches ITEM, or nil.
Keywords: :test :test-not :key."
  (cl--kw-check keys cl--test-keys)
  (cl--alist-find alist #'cdr (cl--matcher item keys)))

(defun cl-rassoc-if (pred alist &rest keys) "Return the first pair in ALIST whose cdr satisfies PRED, or nil.
KEYS may give :key."
  (apply #'cl-rassoc nil alist :if pred keys))

(defun cl-rassoc-if-not (pred alist &rest keys) "Return the first pair in ALIST whose cdr fails PRED, or nil.
KEYS may give :key."
  (apply #'cl-rassoc nil alist :if-not pred keys))

(defun cl--adjoin (item list &rest keys) "Do `cl-adjoin' when KEYS are given: test ITEM against LIST as `cl-member' does.
With :key, the key of ITEM is looked up."
  (let ((key (cl--kw keys :key)))
    (if (apply #'cl-member (if key (funcall key item) item) list keys)
        list
      (cons item list))))

(defconst cl--set-keys '(:key :test :test-not :allow-other-keys) "The keywords the two-list set functions accept.")

(defun cl--set-member (x list keys) "Return non-nil if X, through the :key of KEYS, is a member of LIST."
  (if (or keys (numberp x))
      (let ((key (cl--kw keys :key)))
        (apply #'cl-member (if key (funcall key x) x) list keys))
    (memq x list)))

(defun cl-union (list1 list2 &rest keys) "Return a list of the elements that are in LIST1 or in LIST2.
Each element appears once unless it was repeated in an argument, and
the order is unspecified.  Either list may be returned, or share
structure with the result.  Keywords: :test :test-not :key."
  (cond
   ((not (and list1 list2)) (or list1 list2))
   ((and (null keys) (equal list1 list2)) list1)
   (t
    ;; Add the elements of the shorter list to the longer one.
    (let* ((swap (< (length list1) (length list2)))
           (result (if swap list2 list1)))
      (dolist (x (if swap list1 list2) result)
        (setq result (apply #'cl--adjoin x result keys)))))))

(defun cl-nunion (list1 list2 &rest keys) "Return the union of LIST1 and LIST2, as `cl-union' does.
The arguments may be modified."
  (apply #'cl-union list1 list2 keys))

(defun cl-intersection (list1 list2 &rest keys) "Return a list of the elements of LIST1 that are also in LIST2.
The order is unspecified and the result may share structure with the
arguments.  Keywords: :test :test-not :key."
  (cond
   ((not (and list1 list2)) nil)
   ((equal list1 list2) list1)
   (t
    (cl--kw-check keys cl--set-keys)
    ;; Walk the shorter list, looking each element up in the longer one.
    (let* ((swap (< (length list1) (length list2)))
           (other (if swap list2 list1))
           (common nil))
      (dolist (x (if swap list1 list2) common)
        (when (cl--set-member x other keys)
          (push x common)))))))

(defun cl-nintersection (list1 list2 &rest keys) "Return the intersection of LIST1 and LIST2, as `cl-intersection' does.
The arguments may be modified."
  (apply #'cl-intersection list1 list2 keys))

(defun cl-set-difference (list1 list2 &rest keys) "Return a list of the elements of LIST1 that do not occur in LIST2.
Keywords: :test :test-not :key."
  (if (not (and list1 list2))
      list1
    (cl--kw-check keys cl--set-keys)
    (let ((kept nil))
      (dolist (x list1 (nreverse kept))
        (or (cl--set-member x list2 keys)
            (push x kept))))))

(defun cl-nset-difference (list1 list2 &rest keys) "Return the elements of LIST1 missing from LIST2, like `cl-set-difference'.
LIST1 may be modified."
  (apply #'cl-set-difference list1 list2 keys))

(defun cl-set-exclusive-or (list1 list2 &rest keys) "Return the elements that occur in just one of LIST1 and LIST2.
Keywords: :test :test-not :key."
  (cond
   ((not (and list1 list2)) (or list1 list2))
   ((equal list1 list2) nil)
   (t (append (apply #'cl-set-difference list1 list2 keys)
              (apply #'cl-set-difference list2 list1 keys)))))

(defun cl-nset-exclusive-or (list1 list2 &rest keys) "Like `cl-set-exclusive-or' of LIST1 and LIST2, which may be modified."
  (apply #'cl-set-exclusive-or list1 list2 keys))

(defun cl-subsetp (list1 list2 &rest keys) "Return t if each element of LIST1 occurs in LIST2, nil otherwise.
Keywords: :test :test-not :key."
  (or (null list1)
      (and list2
           (or (equal list1 list2)
               (progn
                 (cl--kw-check keys cl--set-keys)
                 (cl-every (lambda (x) (cl--set-member x list2 keys)) list1))))))

;;; Duplicates.

(defun cl--duplicate-marks (seq keys) "Return flags for the elements of SEQ that duplicate others, per KEYS.
Without :from-end an element is flagged when an equal one follows it;
with it, when an equal one comes before."
  (let* ((elts (if (listp seq) seq (append seq nil)))
         (vec (vconcat elts))
         (len (length vec))
         (start (cl--kw keys :start 0))
         (end (or (cl--kw keys :end) len))
         (from-end (cl--kw keys :from-end))
         (same (cl--match2 keys))
         (drop (make-vector len nil))
         (i start))
    (while (< i end)
      (unless (aref drop i)
        (let ((j (1+ i)) (found nil))
          (if from-end
              ;; Keep the first occurrence: drop later equal ones.
              (while (< j end)
                (when (and (not (aref drop j))
                           (funcall same (aref vec i) (aref vec j)))
                  (aset drop j t))
                (setq j (+ j 1)))
            ;; Keep the last occurrence: drop this one if a later one matches.
            (while (and (< j end) (not found))
              (if (funcall same (aref vec i) (aref vec j)) (setq found t))
              (setq j (+ j 1)))
            (if found (aset drop i t)))))
      (setq i (+ i 1)))
    (append drop nil)))

(defun cl-remove-duplicates (seq &rest keys) "Return SEQ with repeated elements left out; SEQ is not modified.
Of equal elements the last is kept, or the first with :from-end.
Keywords: :test :test-not :key :start :end :from-end."
  (cl--kw-check keys '(:test :test-not :key :start :end :from-end :if
                             :allow-other-keys))
  (cl--remove-marked seq (cl--duplicate-marks seq keys)))

(defun cl-delete-duplicates (seq &rest keys) "Remove repeated elements from SEQ, which may be modified.
KEYS are as for `cl-remove-duplicates'."
  (cl--kw-check keys '(:test :test-not :key :start :end :from-end :if
                             :allow-other-keys))
  (cl--delete-marked seq (cl--duplicate-marks seq keys)))

;;; Reducing, filling, replacing, comparing.

(defun cl-reduce (func seq &rest keys) "Combine the elements of SEQ into one value with the function FUNC.
FUNC is called on the running value and the next element, left to
right (with :from-end, on the element and the running value, right to
left).  :initial-value starts the running value; without it, an empty
SEQ gives (FUNC) and a one-element SEQ gives that element.
Keywords: :start :end :from-end :initial-value :key."
  (cl--kw-check keys '(:from-end :start :end :initial-value :key
                                 :allow-other-keys))
  (let* ((key (cl--kw keys :key))
         (value-of (lambda (x) (if key (funcall key x) x)))
         (backwards (cl--kw keys :from-end))
         (elts (cl-subseq (append seq nil)
                          (cl--kw keys :start 0) (cl--kw keys :end)))
         (acc nil))
    (if backwards (setq elts (reverse elts)))
    (setq acc (cond ((memq :initial-value keys) (cl--kw keys :initial-value))
                    ((null elts) (funcall func))
                    (t (funcall value-of (pop elts)))))
    (dolist (x elts acc)
      (setq acc (if backwards
                    (funcall func (funcall value-of x) acc)
                  (funcall func acc (funcall value-of x)))))))

(defun cl-fill (seq item &rest keys) "Store ITEM into every element of SEQ, or of its part from :start to :end.
Return SEQ."
  (cl--kw-check keys '(:start :end :allow-other-keys))
  (let ((i (cl--kw keys :start 0))
        (stop (cl--kw keys :end)))
    (if (listp seq)
        (let ((cell (nthcdr i seq)))
          (while (and cell (or (null stop) (< i stop)))
            (setcar cell item)
            (setq cell (cdr cell) i (1+ i))))
      (setq stop (or stop (length seq)))
      (while (< i stop)
        (aset seq i item)
        (setq i (+ i 1)))))
  seq)

(defun cl-replace (seq1 seq2 &rest keys) "Copy elements of SEQ2 into SEQ1, in place, and return SEQ1.
The part of SEQ2 from :start2 to :end2 overwrites SEQ1 from :start1;
no more is copied than fits before :end1."
  (cl--kw-check keys '(:start1 :end1 :start2 :end2 :allow-other-keys))
  (let* ((start1 (cl--kw keys :start1 0))
         (end1 (or (cl--kw keys :end1) (length seq1)))
         (start2 (cl--kw keys :start2 0))
         (end2 (or (cl--kw keys :end2) (length seq2)))
         (n (min (- end1 start1) (- end2 start2)))
         ;; A copy, so that SEQ2 may overlap SEQ1; a list piece is fresh already.
         (piece (cl-subseq seq2 start2 (+ start2 (max n 0))))
         (src (if (listp piece) piece (append piece nil))))
    (if (listp seq1)
        ;; Walk one tail along SEQ1: `nthcdr' per element is quadratic.
        (let ((cell (nthcdr start1 seq1)))
          (dolist (x src)
            (setcar cell x)
            (setq cell (cdr cell))))
      (let ((i start1))
        (dolist (x src)
          (aset seq1 i x)
          (setq i (+ i 1)))))
    seq1))

(defun cl--random-access (seq) "Return SEQ, or for a list a vector of its elements.
The index loops below would make `elt' walk a list from its head at
every step, which is quadratic."
  (if (listp seq) (vconcat seq) seq))

(defun cl-mismatch (seq1 seq2 &rest keys) "Return the index in SEQ1 where SEQ1 and SEQ2 first differ, or nil.
With :from-end, compare from the ends and return one less than the
index just after the last difference.
Keywords: :test :test-not :key :start1 :end1 :start2 :end2 :from-end."
  (cl--kw-check keys '(:test :test-not :key :from-end :start1 :end1 :start2
                             :end2 :allow-other-keys))
  (let* ((s1 (cl--kw keys :start1 0))
         (e1 (or (cl--kw keys :end1) (length seq1)))
         (s2 (cl--kw keys :start2 0))
         (e2 (or (cl--kw keys :end2) (length seq2)))
         (backwards (cl--kw keys :from-end))
         (same (cl--match2 keys))
         (limit (min (- e1 s1) (- e2 s2)))
         (k 0))
    (setq seq1 (cl--random-access seq1) seq2 (cl--random-access seq2))
    ;; K counts the matching elements, from the front or from the back.
    (while (and (< k limit)
                (if backwards
                    (funcall same (elt seq1 (- e1 k 1)) (elt seq2 (- e2 k 1)))
                  (funcall same (elt seq1 (+ s1 k)) (elt seq2 (+ s2 k)))))
      (setq k (+ k 1)))
    (cond ((and (= k (- e1 s1)) (= k (- e2 s2))) nil)
          (backwards (- e1 k 1))
          (t (+ s1 k)))))

(defun cl-search (seq1 seq2 &rest keys) "Return the index in SEQ2 where a copy of SEQ1 starts, or nil.
The leftmost match is found, or the rightmost with :from-end.
Keywords: :test :test-not :key :start1 :end1 :start2 :end2 :from-end."
  (cl--kw-check keys '(:test :test-not :key :from-end :start1 :end1 :start2
                             :end2 :allow-other-keys))
  (let* ((start1 (cl--kw keys :start1 0))
         (end1 (or (cl--kw keys :end1) (length seq1)))
         (start2 (cl--kw keys :start2 0))
         (end2 (or (cl--kw keys :end2) (length seq2)))
         (from-end (cl--kw keys :from-end))
         (len (- end1 start1))
         (same (cl--match2 keys))
         (found nil))
    (setq seq1 (cl--random-access seq1) seq2 (cl--random-access seq2))
    (if (<= len 0)
        (if from-end end2 start2)
      (let ((i (if from-end (- end2 len) start2)))
        (while (and (not found) (if from-end (>= i start2) (<= i (- end2 len))))
          (let ((k 0) (ok t))
            (while (and ok (< k len))
              (unless (funcall same (elt seq1 (+ start1 k)) (elt seq2 (+ i k)))
                (setq ok nil))
              (setq k (+ k 1)))
            (if ok (setq found i)))
          (setq i (if from-end (1- i) (1+ i))))
        found))))

;;; Sorting and merging.

(defun cl-sort (seq pred &rest keys) "Sort SEQ by the ordering predicate PRED and return it; SEQ is modified.
With :key, PRED compares the keys of the elements."
  (cl--kw-check keys '(:key :allow-other-keys))
  (let* ((key (cl--kw keys :key))
         (before (if (memq key '(nil identity))
                     pred
                   (lambda (a b) (funcall pred (funcall key a) (funcall key b))))))
    (if (listp seq)
        (sort seq before)
      ;; Sort a list of the elements, then copy them back into SEQ.
      (cl-replace seq (sort (append seq nil) before)))))

(defun cl-stable-sort (seq pred &rest keys) "Sort SEQ by PRED keeping equal elements in order, like `cl-sort'."
  (apply #'cl-sort seq pred keys))

(defun cl-merge (type seq1 seq2 pred &rest keys) "Merge the sequences SEQ1 and SEQ2, both sorted by PRED, into one.
The result has type TYPE; the arguments may be destroyed.  KEYS may
give :key."
  (cl--kw-check keys '(:key :allow-other-keys))
  (let* ((key (cl--kw keys :key))
         (key-of (lambda (x) (if key (funcall key x) x)))
         (left (if (listp seq1) seq1 (append seq1 nil)))
         (right (if (listp seq2) seq2 (append seq2 nil)))
         (merged nil))
    ;; Take from RIGHT only when it strictly precedes, so ties keep
    ;; the elements of SEQ1 first.
    (while (and left right)
      (push (if (funcall pred (funcall key-of (car right)) (funcall key-of (car left)))
                (pop right)
              (pop left))
            merged))
    (cl-coerce (nconc (nreverse merged) left right) type)))

;;; Trees.

(defun cl--tree-map (tree leaf-fn) "Return TREE with every subtree for which LEAF-FN returns (NEW) replaced.
NEW takes the subtree's place; unchanged parts are shared with TREE."
  (let ((r (funcall leaf-fn tree)))
    (cond (r (car r))
          ((consp tree)
           (let ((a (cl--tree-map (car tree) leaf-fn))
                 (d (cl--tree-map (cdr tree) leaf-fn)))
             (if (and (eq a (car tree)) (eq d (cdr tree)))
                 tree
               (cons a d))))
          (t tree))))

(defun cl--subst-keyed (new old tree &rest keys) "Do `cl-subst' when KEYS are given or OLD is a float.
TREE itself is not changed.  Keywords: :test :test-not :key :if :if-not."
  (cl--kw-check keys cl--test-keys)
  (let ((match (cl--matcher old keys)))
    (cl--tree-map tree (lambda (x) (and (funcall match x) (list new))))))

(defun cl-subst-if (new pred tree &rest keys) "Return a copy of TREE with NEW for each subtree satisfying PRED."
  (apply #'cl--subst-keyed new nil tree :if pred keys))

(defun cl-subst-if-not (new pred tree &rest keys) "Return a copy of TREE with NEW for each subtree failing PRED."
  (apply #'cl--subst-keyed new nil tree :if-not pred keys))

(defun cl-nsubst (new old tree &rest keys) "Replace each subtree of TREE matching OLD by NEW; return the result."
  (apply #'cl--subst-keyed new old tree keys))

(defun cl-nsubst-if (new pred tree &rest keys) "Replace each subtree of TREE satisfying PRED by NEW; return the result."
  (apply #'cl--subst-keyed new nil tree :if pred keys))

(defun cl-nsubst-if-not (new pred tree &rest keys) "Replace each subtree of TREE failing PRED by NEW; return the result."
  (apply #'cl--subst-keyed new nil tree :if-not pred keys))

(defun cl-sublis (alist tree &rest keys) "Return a copy of TREE with subtrees replaced as ALIST says.
A subtree matching the car of a pair of ALIST becomes its cdr.
Keywords: :test :test-not :key."
  (cl--kw-check keys cl--test-keys)
  (let ((key (cl--kw keys :key))
        (test (cl--kw keys :test))
        (test-not (cl--kw keys :test-not)))
    (cl--tree-map
     tree
     (lambda (node)
       (let* ((v (if key (funcall key node) node))
              (pair (cl--alist-find
                     alist #'car
                     (lambda (k)
                       (cond (test-not (not (funcall test-not k v)))
                             (test (funcall test k v))
                             (t (eql k v)))))))
         (and pair (list (cdr pair))))))))

(defun cl-nsublis (alist tree &rest keys) "Make the replacements ALIST gives in TREE and return the result."
  (apply #'cl-sublis alist tree keys))

(defun cl-tree-equal (x y &rest keys) "Return t if X and Y are trees of the same shape with matching leaves.
Leaves are compared with `eql', or as :test, :test-not and :key say."
  (cl--kw-check keys '(:test :test-not :key :allow-other-keys))
  (let ((same (cl--match2 keys)))
    (cl--tree-equal x y same)))

(defun cl--tree-equal (x y same) "Return non-nil if the trees X and Y have one shape and SAME holds on leaves."
  (catch 'cl--differ
    ;; Loop down the cdrs, recursing only into the cars.
    (while (and (consp x) (consp y))
      (unless (cl--tree-equal (pop x) (pop y) same)
        (throw 'cl--differ nil)))
    (and (atom x) (atom y) (funcall same x y))))

(provide 'cl-seq)
