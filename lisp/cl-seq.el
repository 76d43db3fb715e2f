;;; cl-seq.el --- Common Lisp sequence functions for cl-lib  -*- lexical-binding: t -*-

;; Written for tsmacs.  The keyword-taking sequence functions of cl-lib.
;; Keyword arguments are looked up with `memq' in the argument list, as
;; GNU Emacs does, so a keyword may even appear in a value position.

;;; Keyword handling.

(defun cl--kw-check (keys allowed)
  "Signal an error if KEYS has a keyword not in ALLOWED."
  (unless (car (cdr (memq :allow-other-keys keys)))
    (let ((k keys))
      (while k
        (unless (memq (car k) allowed)
          (error "Bad keyword argument %s" (car k)))
        (setq k (cdr (cdr k)))))))

(defun cl--kw (keys kw &optional default)
  "The value of keyword KW in KEYS, or DEFAULT if it is nil or absent."
  (or (car (cdr (memq kw keys))) default))

(defconst cl--test-keys '(:test :test-not :key :if :if-not :allow-other-keys))

(defun cl--matcher (item keys)
  "A predicate of one element testing it against ITEM under KEYS."
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

(defun cl--match2 (keys)
  "A predicate of two elements comparing them under KEYS (key on both)."
  (let ((key (cl--kw keys :key))
        (test (cl--kw keys :test))
        (test-not (cl--kw keys :test-not)))
    (lambda (x y)
      (let ((a (if key (funcall key x) x))
            (b (if key (funcall key y) y)))
        (cond (test-not (not (funcall test-not a b)))
              (test (and (funcall test a b) t))
              (t (eql a b)))))))

(defun cl--list-from-end (seq keys ok-fn)
  "KEYS, with :from-end disabled for a list SEQ unless OK-FN accepts the count.
GNU Emacs honours :from-end on lists only for small counts."
  (let ((count (cl--kw keys :count)))
    (if (and (listp seq) (cl--kw keys :from-end)
             (not (and count (funcall ok-fn count (/ (length seq) 2)))))
        (cons :from-end (cons nil keys))
      keys)))

(defun cl--like (orig list)
  "LIST converted to the sequence type of ORIG."
  (cond ((listp orig) list)
        ((stringp orig) (concat list))
        (t (vconcat list))))

(defun cl--marks (seq keys match)
  "The list of flags, one per element of SEQ, of the elements to act on."
  (let* ((elts (if (listp seq) seq (append seq nil)))
         (len (length elts))
         (start (cl--kw keys :start 0))
         (end (or (cl--kw keys :end) len))
         (count (cl--kw keys :count))
         (from-end (cl--kw keys :from-end))
         (flags nil) (i 0))
    (dolist (x elts)
      (setq flags (cons (and (>= i start) (< i end) (funcall match x)) flags))
      (setq i (1+ i)))
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

(defun cl--remove-marked (seq flags)
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

(defun cl--delete-marked (seq flags)
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
  (append '(:count :from-end :start :end) cl--test-keys))

(defun cl-remove (item seq &rest keys)
  "Remove all occurrences of ITEM in SEQ (non-destructively).
\nKeywords supported:  :test :test-not :key :count :start :end :from-end"
  (cl--kw-check keys cl--remove-keys)
  (if (and (cl--kw keys :count) (<= (cl--kw keys :count) 0))
      seq
    (setq keys (cl--list-from-end seq keys #'<))
    (cl--remove-marked seq (cl--marks seq keys (cl--matcher item keys)))))

(defun cl-remove-if (pred seq &rest keys)
  "Remove all items satisfying PRED in SEQ (non-destructively)."
  (apply #'cl-remove nil seq :if pred keys))

(defun cl-remove-if-not (pred seq &rest keys)
  "Remove all items not satisfying PRED in SEQ (non-destructively)."
  (apply #'cl-remove nil seq :if-not pred keys))

(defun cl-delete (item seq &rest keys)
  "Remove all occurrences of ITEM in SEQ, reusing SEQ's storage."
  (cl--kw-check keys cl--remove-keys)
  (if (and (cl--kw keys :count) (<= (cl--kw keys :count) 0))
      seq
    (setq keys (cl--list-from-end seq keys #'<))
    (cl--delete-marked seq (cl--marks seq keys (cl--matcher item keys)))))

(defun cl-delete-if (pred seq &rest keys)
  "Remove all items satisfying PRED in SEQ, destructively."
  (apply #'cl-delete nil seq :if pred keys))

(defun cl-delete-if-not (pred seq &rest keys)
  "Remove all items not satisfying PRED in SEQ, destructively."
  (apply #'cl-delete nil seq :if-not pred keys))

;;; Substituting.

(defun cl--substitute-marked (new seq flags copy)
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
          (setq i (1+ i))))
      res)))

(defun cl-substitute (new old seq &rest keys)
  "Substitute NEW for OLD in SEQ (non-destructively)."
  (cl--kw-check keys cl--remove-keys)
  (if (or (eq old new) (and (cl--kw keys :count) (<= (cl--kw keys :count) 0)))
      seq
    (setq keys (cl--list-from-end seq keys #'<=))
    (cl--substitute-marked new seq (cl--marks seq keys (cl--matcher old keys)) t)))

(defun cl-substitute-if (new pred seq &rest keys)
  "Substitute NEW for items satisfying PRED in SEQ."
  (apply #'cl-substitute new nil seq :if pred keys))

(defun cl-substitute-if-not (new pred seq &rest keys)
  "Substitute NEW for items not satisfying PRED in SEQ."
  (apply #'cl-substitute new nil seq :if-not pred keys))

(defun cl-nsubstitute (new old seq &rest keys)
  "Substitute NEW for OLD in SEQ, destructively."
  (cl--kw-check keys cl--remove-keys)
  (if (or (eq old new) (and (cl--kw keys :count) (<= (cl--kw keys :count) 0)))
      seq
    (setq keys (cl--list-from-end seq keys #'<=))
    (cl--substitute-marked new seq (cl--marks seq keys (cl--matcher old keys)) nil)))

(defun cl-nsubstitute-if (new pred seq &rest keys)
  "Substitute NEW for items satisfying PRED in SEQ, destructively."
  (apply #'cl-nsubstitute new nil seq :if pred keys))

(defun cl-nsubstitute-if-not (new pred seq &rest keys)
  "Substitute NEW for items not satisfying PRED in SEQ, destructively."
  (apply #'cl-nsubstitute new nil seq :if-not pred keys))

;;; Finding.

(defconst cl--find-keys (append '(:from-end :start :end) cl--test-keys))

(defun cl--position-match (seq keys match)
  "Index of the first (or last, with :from-end) element of SEQ satisfying MATCH."
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
                (setq i (1- i))))
          (while (and (< i e) (not found))
            (if (funcall match (aref seq i)) (setq found i))
            (setq i (1+ i))))))
    found))

(defun cl-position (item seq &rest keys)
  "Find the first occurrence of ITEM in SEQ; return its index or nil."
  (cl--kw-check keys cl--find-keys)
  (cl--position-match seq keys (cl--matcher item keys)))

(defun cl-position-if (pred seq &rest keys)
  "Index of the first item of SEQ satisfying PRED, or nil."
  (apply #'cl-position nil seq :if pred keys))

(defun cl-position-if-not (pred seq &rest keys)
  "Index of the first item of SEQ not satisfying PRED, or nil."
  (apply #'cl-position nil seq :if-not pred keys))

(defun cl-find (item seq &rest keys)
  "Find the first occurrence of ITEM in SEQ; return it or nil."
  (let ((i (apply #'cl-position item seq keys)))
    (and i (elt seq i))))

(defun cl-find-if (pred seq &rest keys)
  "The first item of SEQ satisfying PRED, or nil."
  (apply #'cl-find nil seq :if pred keys))

(defun cl-find-if-not (pred seq &rest keys)
  "The first item of SEQ not satisfying PRED, or nil."
  (apply #'cl-find nil seq :if-not pred keys))

(defun cl-count (item seq &rest keys)
  "Count the number of occurrences of ITEM in SEQ."
  (cl--kw-check keys '(:test :test-not :key :if :if-not :start :end
                             :from-end :allow-other-keys))
  (let ((n 0))
    (dolist (f (cl--marks seq (list :start (cl--kw keys :start 0)
                                    :end (cl--kw keys :end))
                          (cl--matcher item keys)))
      (if f (setq n (1+ n))))
    n))

(defun cl-count-if (pred seq &rest keys)
  "Count the items of SEQ satisfying PRED."
  (apply #'cl-count nil seq :if pred keys))

(defun cl-count-if-not (pred seq &rest keys)
  "Count the items of SEQ not satisfying PRED."
  (apply #'cl-count nil seq :if-not pred keys))

;;; Lists as sets and tables.

(defun cl-member (item list &rest keys)
  "Find the first occurrence of ITEM in LIST; return the tail starting there."
  (if (null keys)
      (memql item list)
    (cl--kw-check keys cl--test-keys)
    (let ((match (cl--matcher item keys)))
      (while (and list (not (funcall match (car list))))
        (setq list (cdr list)))
      list)))

(defun cl-member-if (pred list &rest keys)
  "The first tail of LIST whose car satisfies PRED."
  (apply #'cl-member nil list :if pred keys))

(defun cl-member-if-not (pred list &rest keys)
  "The first tail of LIST whose car does not satisfy PRED."
  (apply #'cl-member nil list :if-not pred keys))

(defun cl-assoc (item alist &rest keys)
  "The first element of ALIST whose car matches ITEM."
  (cl--kw-check keys cl--test-keys)
  (if (and (null keys) (not (numberp item)))
      (assq item alist)
    (let ((match (cl--matcher item keys)) (res nil))
      (while (and alist (not res))
        (if (and (consp (car alist)) (funcall match (car (car alist))))
            (setq res (car alist)))
        (setq alist (cdr alist)))
      res)))

(defun cl-assoc-if (pred alist &rest keys)
  "The first element of ALIST whose car satisfies PRED."
  (apply #'cl-assoc nil alist :if pred keys))

(defun cl-assoc-if-not (pred alist &rest keys)
  "The first element of ALIST whose car does not satisfy PRED."
  (apply #'cl-assoc nil alist :if-not pred keys))

(defun cl-rassoc (item alist &rest keys)
  "The first element of ALIST whose cdr matches ITEM."
  (cl--kw-check keys cl--test-keys)
  (let ((match (cl--matcher item keys)) (res nil))
    (while (and alist (not res))
      (if (and (consp (car alist)) (funcall match (cdr (car alist))))
          (setq res (car alist)))
      (setq alist (cdr alist)))
    res))

(defun cl-rassoc-if (pred alist &rest keys)
  "The first element of ALIST whose cdr satisfies PRED."
  (apply #'cl-rassoc nil alist :if pred keys))

(defun cl-rassoc-if-not (pred alist &rest keys)
  "The first element of ALIST whose cdr does not satisfy PRED."
  (apply #'cl-rassoc nil alist :if-not pred keys))

(defun cl-adjoin (item list &rest keys)
  "Return ITEM consed onto LIST unless it is already in LIST."
  (cond ((or (equal keys '(:test eq)) (and (null keys) (not (numberp item))))
         (if (memq item list) list (cons item list)))
        ((or (equal keys '(:test equal)) (null keys))
         (if (member item list) list (cons item list)))
        (t
         (let ((key (cl--kw keys :key)))
           (if (apply #'cl-member (if key (funcall key item) item) list keys)
               list
             (cons item list))))))

(defun cl--set-member (x list keys)
  (if (or keys (numberp x))
      (let ((key (cl--kw keys :key)))
        (apply #'cl-member (if key (funcall key x) x) list keys))
    (memq x list)))

(defun cl-union (list1 list2 &rest keys)
  "Combine LIST1 and LIST2 using a set-union operation."
  (cond ((null list1) list2) ((null list2) list1)
        ((and (null keys) (equal list1 list2)) list1)
        (t
         (when (< (length list1) (length list2))
           (let ((tmp list1)) (setq list1 list2 list2 tmp)))
         (dolist (x list2)
           (if (or keys (numberp x))
               (setq list1 (apply #'cl-adjoin x list1 keys))
             (unless (memq x list1) (setq list1 (cons x list1)))))
         list1)))

(defun cl-nunion (list1 list2 &rest keys)
  "Combine LIST1 and LIST2 using a set-union operation (destructively)."
  (apply #'cl-union list1 list2 keys))

(defun cl-intersection (list1 list2 &rest keys)
  "Combine LIST1 and LIST2 using a set-intersection operation."
  (and list1 list2
       (if (equal list1 list2) list1
         (cl--kw-check keys '(:key :test :test-not :allow-other-keys))
         (let ((res nil))
           (when (< (length list1) (length list2))
             (let ((tmp list1)) (setq list1 list2 list2 tmp)))
           (dolist (x list2)
             (if (cl--set-member x list1 keys) (setq res (cons x res))))
           res))))

(defun cl-nintersection (list1 list2 &rest keys)
  "Combine LIST1 and LIST2 using a set-intersection operation (destructively)."
  (apply #'cl-intersection list1 list2 keys))

(defun cl-set-difference (list1 list2 &rest keys)
  "The items of LIST1 that do not appear in LIST2."
  (if (or (null list1) (null list2)) list1
    (cl--kw-check keys '(:key :test :test-not :allow-other-keys))
    (let ((res nil))
      (dolist (x list1)
        (unless (cl--set-member x list2 keys) (setq res (cons x res))))
      (nreverse res))))

(defun cl-nset-difference (list1 list2 &rest keys)
  "The items of LIST1 that do not appear in LIST2 (destructively)."
  (apply #'cl-set-difference list1 list2 keys))

(defun cl-set-exclusive-or (list1 list2 &rest keys)
  "The items appearing in exactly one of LIST1 and LIST2."
  (cond ((null list1) list2) ((null list2) list1)
        ((equal list1 list2) nil)
        (t (append (apply #'cl-set-difference list1 list2 keys)
                   (apply #'cl-set-difference list2 list1 keys)))))

(defun cl-nset-exclusive-or (list1 list2 &rest keys)
  "The items appearing in exactly one of LIST1 and LIST2 (destructively)."
  (apply #'cl-set-exclusive-or list1 list2 keys))

(defun cl-subsetp (list1 list2 &rest keys)
  "Return t if every element of LIST1 appears in LIST2."
  (cond ((null list1) t) ((null list2) nil)
        ((equal list1 list2) t)
        (t (cl--kw-check keys '(:key :test :test-not :allow-other-keys))
           (let ((key (cl--kw keys :key)))
             (while (and list1
                         (apply #'cl-member (if key (funcall key (car list1))
                                              (car list1))
                                list2 keys))
               (setq list1 (cdr list1))))
           (null list1))))

;;; Duplicates.

(defun cl--duplicate-marks (seq keys)
  "Flags of the elements of SEQ that `cl-remove-duplicates' drops."
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
                (setq j (1+ j)))
            ;; Keep the last occurrence: drop this one if a later one matches.
            (while (and (< j end) (not found))
              (if (funcall same (aref vec i) (aref vec j)) (setq found t))
              (setq j (1+ j)))
            (if found (aset drop i t)))))
      (setq i (1+ i)))
    (append drop nil)))

(defun cl-remove-duplicates (seq &rest keys)
  "Return a copy of SEQ with all duplicate elements removed."
  (cl--kw-check keys '(:test :test-not :key :start :end :from-end :if
                             :allow-other-keys))
  (cl--remove-marked seq (cl--duplicate-marks seq keys)))

(defun cl-delete-duplicates (seq &rest keys)
  "Remove all duplicate elements from SEQ (destructively)."
  (cl--kw-check keys '(:test :test-not :key :start :end :from-end :if
                             :allow-other-keys))
  (cl--delete-marked seq (cl--duplicate-marks seq keys)))

;;; Reducing, filling, replacing, comparing.

(defun cl-reduce (func seq &rest keys)
  "Reduce two-argument FUNC across SEQ.
\nKeywords supported:  :start :end :from-end :initial-value :key"
  (cl--kw-check keys '(:from-end :start :end :initial-value :key
                                 :allow-other-keys))
  (let* ((key (cl--kw keys :key))
         (elts (cl-subseq (if (listp seq) seq (append seq nil))
                          (cl--kw keys :start 0) (cl--kw keys :end)))
         (from-end (cl--kw keys :from-end)))
    (if from-end (setq elts (reverse elts)))
    (let ((acc (cond ((memq :initial-value keys) (cl--kw keys :initial-value))
                     (elts (prog1 (if key (funcall key (car elts)) (car elts))
                             (setq elts (cdr elts))))
                     (t (funcall func)))))
      (dolist (x elts)
        (let ((v (if key (funcall key x) x)))
          (setq acc (if from-end (funcall func v acc) (funcall func acc v)))))
      acc)))

(defun cl-fill (seq item &rest keys)
  "Fill the elements of SEQ with ITEM.  Keywords: :start :end."
  (cl--kw-check keys '(:start :end :allow-other-keys))
  (let ((start (cl--kw keys :start 0)) (end (cl--kw keys :end)))
    (if (listp seq)
        (let ((p (nthcdr start seq)) (n (and end (- end start))))
          (while (and p (or (null n) (>= (setq n (1- n)) 0)))
            (setcar p item)
            (setq p (cdr p))))
      (let ((e (or end (length seq))))
        (while (< start e)
          (aset seq start item)
          (setq start (1+ start)))))
    seq))

(defun cl-replace (seq1 seq2 &rest keys)
  "Replace the elements of SEQ1 with the elements of SEQ2; return SEQ1.
\nKeywords supported:  :start1 :end1 :start2 :end2"
  (cl--kw-check keys '(:start1 :end1 :start2 :end2 :allow-other-keys))
  (let* ((start1 (cl--kw keys :start1 0))
         (end1 (or (cl--kw keys :end1) (length seq1)))
         (start2 (cl--kw keys :start2 0))
         (end2 (or (cl--kw keys :end2) (length seq2)))
         (n (min (- end1 start1) (- end2 start2)))
         (src (append (cl-subseq seq2 start2 (+ start2 (max n 0))) nil))
         (i start1))
    (dolist (x src)
      (if (listp seq1) (setcar (nthcdr i seq1) x) (aset seq1 i x))
      (setq i (1+ i)))
    seq1))

(defun cl-mismatch (seq1 seq2 &rest keys)
  "Index of the first element of SEQ1 that does not match SEQ2, or nil."
  (cl--kw-check keys '(:test :test-not :key :from-end :start1 :end1 :start2
                             :end2 :allow-other-keys))
  (let* ((start1 (cl--kw keys :start1 0))
         (end1 (or (cl--kw keys :end1) (length seq1)))
         (start2 (cl--kw keys :start2 0))
         (end2 (or (cl--kw keys :end2) (length seq2)))
         (same (cl--match2 keys)))
    (if (cl--kw keys :from-end)
        (progn
          (while (and (< start1 end1) (< start2 end2)
                      (funcall same (elt seq1 (1- end1)) (elt seq2 (1- end2))))
            (setq end1 (1- end1) end2 (1- end2)))
          (and (or (< start1 end1) (< start2 end2)) (1- end1)))
      (while (and (< start1 end1) (< start2 end2)
                  (funcall same (elt seq1 start1) (elt seq2 start2)))
        (setq start1 (1+ start1) start2 (1+ start2)))
      (and (or (< start1 end1) (< start2 end2)) start1))))

(defun cl-search (seq1 seq2 &rest keys)
  "Index in SEQ2 of the leftmost (or rightmost) occurrence of SEQ1, or nil."
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
    (if (<= len 0)
        (if from-end end2 start2)
      (let ((i (if from-end (- end2 len) start2)))
        (while (and (not found) (if from-end (>= i start2) (<= i (- end2 len))))
          (let ((k 0) (ok t))
            (while (and ok (< k len))
              (unless (funcall same (elt seq1 (+ start1 k)) (elt seq2 (+ i k)))
                (setq ok nil))
              (setq k (1+ k)))
            (if ok (setq found i)))
          (setq i (if from-end (1- i) (1+ i))))
        found))))

;;; Sorting.

(defun cl-sort (seq pred &rest keys)
  "Sort SEQ according to PRED (destructively).  Keywords: :key."
  (cl--kw-check keys '(:key :allow-other-keys))
  (let ((key (cl--kw keys :key)))
    (if (not (listp seq))
        (cl-replace seq (apply #'cl-sort (append seq nil) pred keys))
      (if (memq key '(nil identity))
          (sort seq pred)
        (sort seq (lambda (x y) (funcall pred (funcall key x) (funcall key y))))))))

(defun cl-stable-sort (seq pred &rest keys)
  "Sort SEQ stably according to PRED (destructively).  Keywords: :key."
  (apply #'cl-sort seq pred keys))

(defun cl-merge (type seq1 seq2 pred &rest keys)
  "Merge the sorted sequences SEQ1 and SEQ2 into a sequence of TYPE."
  (let ((a (if (listp seq1) seq1 (append seq1 nil)))
        (b (if (listp seq2) seq2 (append seq2 nil)))
        (key (cl--kw keys :key))
        (res nil))
    (while (and a b)
      (if (funcall pred (if key (funcall key (car b)) (car b))
                   (if key (funcall key (car a)) (car a)))
          (setq res (cons (car b) res) b (cdr b))
        (setq res (cons (car a) res) a (cdr a))))
    (cl-coerce (nconc (nreverse res) a b) type)))

;;; Trees.

(defun cl--tree-map (tree leaf-fn)
  "Copy TREE, replacing each node for which LEAF-FN returns (VALUE) by VALUE."
  (let ((r (funcall leaf-fn tree)))
    (cond (r (car r))
          ((consp tree)
           (let ((a (cl--tree-map (car tree) leaf-fn))
                 (d (cl--tree-map (cdr tree) leaf-fn)))
             (if (and (eq a (car tree)) (eq d (cdr tree)))
                 tree
               (cons a d))))
          (t tree))))

(defun cl-subst (new old tree &rest keys)
  "Substitute NEW for OLD everywhere in TREE (non-destructively)."
  (cl--kw-check keys cl--test-keys)
  (let ((match (cl--matcher old keys)))
    (cl--tree-map tree (lambda (x) (and (funcall match x) (list new))))))

(defun cl-subst-if (new pred tree &rest keys)
  "Substitute NEW for elements satisfying PRED in TREE."
  (apply #'cl-subst new nil tree :if pred keys))

(defun cl-subst-if-not (new pred tree &rest keys)
  "Substitute NEW for elements not satisfying PRED in TREE."
  (apply #'cl-subst new nil tree :if-not pred keys))

(defun cl-nsubst (new old tree &rest keys)
  "Substitute NEW for OLD everywhere in TREE."
  (apply #'cl-subst new old tree keys))

(defun cl-nsubst-if (new pred tree &rest keys)
  "Substitute NEW for elements satisfying PRED in TREE."
  (apply #'cl-subst new nil tree :if pred keys))

(defun cl-nsubst-if-not (new pred tree &rest keys)
  "Substitute NEW for elements not satisfying PRED in TREE."
  (apply #'cl-subst new nil tree :if-not pred keys))

(defun cl-sublis (alist tree &rest keys)
  "Perform substitutions indicated by ALIST in TREE (non-destructively)."
  (cl--kw-check keys cl--test-keys)
  (let ((key (cl--kw keys :key))
        (test (cl--kw keys :test))
        (test-not (cl--kw keys :test-not)))
    (cl--tree-map
     tree
     (lambda (x)
       (let ((v (if key (funcall key x) x)) (res nil) (al alist))
         (while (and al (not res))
           (when (consp (car al))
             (let ((k (car (car al))))
               (if (cond (test-not (not (funcall test-not k v)))
                         (test (funcall test k v))
                         (t (eql k v)))
                   (setq res (list (cdr (car al)))))))
           (setq al (cdr al)))
         res)))))

(defun cl-nsublis (alist tree &rest keys)
  "Perform substitutions indicated by ALIST in TREE."
  (apply #'cl-sublis alist tree keys))

(defun cl-tree-equal (x y &rest keys)
  "Return t if trees X and Y have `eql' leaves (or leaves matching :test)."
  (cl--kw-check keys '(:test :test-not :key :allow-other-keys))
  (let ((same (cl--match2 keys)))
    (cl--tree-equal x y same)))

(defun cl--tree-equal (x y same)
  (while (and (consp x) (consp y) (cl--tree-equal (car x) (car y) same))
    (setq x (cdr x) y (cdr y)))
  (and (not (consp x)) (not (consp y)) (funcall same x y)))

(provide 'cl-seq)

;;; cl-seq.el ends here
