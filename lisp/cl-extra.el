;;; cl-extra.el --- more Common Lisp functions for cl-lib  -*- lexical-binding: t -*-

;; Written for tsmacs.  Coercion, equalp, the mapping functions, number
;; functions, subsequences and property lists.

(defun cl-coerce (x type)
  "Coerce X to type TYPE (a Common Lisp type specifier)."
  (cond ((eq type 'list) (if (listp x) x (append x nil)))
        ((eq type 'vector) (if (vectorp x) x (vconcat x)))
        ((eq type 'bool-vector)
         (if (bool-vector-p x) x (apply #'bool-vector (cl-coerce x 'list))))
        ((eq type 'string) (if (stringp x) x (concat x)))
        ((eq type 'array) (if (arrayp x) x (vconcat x)))
        ((and (eq type 'character) (stringp x) (= (length x) 1)) (aref x 0))
        ((and (eq type 'character) (symbolp x))
         (cl-coerce (symbol-name x) type))
        ((eq type 'float) (float x))
        ((cl-typep x type) x)
        (t (error "Can't coerce %s to type %s" x type))))

(defun cl-equalp (x y)
  "Like `equal', but numbers compare with `=' and strings ignore case."
  (cond ((eq x y) t)
        ((stringp x)
         (and (stringp y) (= (length x) (length y))
              (eq (compare-strings x nil nil y nil nil t) t)))
        ((numberp x) (and (numberp y) (= x y)))
        ((consp x)
         (while (and (consp x) (consp y) (cl-equalp (car x) (car y)))
           (setq x (cdr x) y (cdr y)))
         (and (not (consp x)) (cl-equalp x y)))
        ((vectorp x)
         (and (vectorp y) (= (length x) (length y))
              (let ((i 0) (n (length x)) (ok t))
                (while (and ok (< i n))
                  (setq ok (cl-equalp (aref x i) (aref y i)) i (1+ i)))
                ok)))
        (t (equal x y))))

;;; Mapping.

(defun cl--map-args (seqs)
  "Call-argument lists taken across SEQS, up to the shortest one."
  (let* ((n (apply #'min (mapcar #'length seqs)))
         (lists (mapcar (lambda (s) (if (listp s) s (append s nil))) seqs))
         (res nil) (i 0))
    (while (< i n)
      (setq res (cons (mapcar #'car lists) res))
      (setq lists (mapcar #'cdr lists) i (1+ i)))
    (nreverse res)))

(defun cl-mapcar (func seq &rest rest)
  "Apply FUNC to successive elements of SEQ and the REST sequences; list results."
  (if rest
      (mapcar (lambda (args) (apply func args)) (cl--map-args (cons seq rest)))
    (mapcar func seq)))

(defun cl-map (type func seq &rest rest)
  "Map FUNC across the sequences, returning a sequence of TYPE."
  (let ((res (apply #'cl-mapcar func seq rest)))
    (and type (cl-coerce res type))))

(defun cl-mapc (func seq &rest rest)
  "Like `cl-mapcar', but for side effects only; return SEQ."
  (if rest
      (progn (dolist (args (cl--map-args (cons seq rest))) (apply func args))
             seq)
    (mapc func seq)))

(defun cl-mapcan (func seq &rest rest)
  "Like `cl-mapcar', but nconc the results together."
  (apply #'nconc (apply #'cl-mapcar func seq rest)))

(defun cl--tails-args (lists)
  (let ((res nil))
    (while (let ((ok t)) (dolist (l lists) (unless (consp l) (setq ok nil))) ok)
      (setq res (cons lists res))
      (setq lists (mapcar #'cdr lists)))
    (nreverse res)))

(defun cl-maplist (func list &rest rest)
  "Apply FUNC to successive tails of LIST (and REST lists); list results."
  (mapcar (lambda (args) (apply func args)) (cl--tails-args (cons list rest))))

(defun cl-mapl (func list &rest rest)
  "Like `cl-maplist', but for side effects only; return LIST."
  (dolist (args (cl--tails-args (cons list rest))) (apply func args))
  list)

(defun cl-mapcon (func list &rest rest)
  "Like `cl-maplist', but nconc the results together."
  (apply #'nconc (apply #'cl-maplist func list rest)))

(defun cl-some (pred seq &rest rest)
  "Return the first non-nil value of PRED applied across the sequences."
  (let ((res nil))
    (if rest
        (let ((args (cl--map-args (cons seq rest))))
          (while (and args (not res))
            (setq res (apply pred (car args)) args (cdr args))))
      (let ((l (if (listp seq) seq (append seq nil))))
        (while (and l (not res))
          (setq res (funcall pred (car l)) l (cdr l)))))
    res))

(defun cl-every (pred seq &rest rest)
  "Return t if PRED is non-nil for every set of elements of the sequences."
  (let ((ok t))
    (if rest
        (let ((args (cl--map-args (cons seq rest))))
          (while (and args ok)
            (setq ok (apply pred (car args)) args (cdr args))))
      (let ((l (if (listp seq) seq (append seq nil))))
        (while (and l ok)
          (setq ok (funcall pred (car l)) l (cdr l)))))
    (and ok t)))

(defun cl-notany (pred seq &rest rest)
  "Return t if PRED is nil for every set of elements of the sequences."
  (not (apply #'cl-some pred seq rest)))

(defun cl-notevery (pred seq &rest rest)
  "Return t if PRED is nil for some set of elements of the sequences."
  (not (apply #'cl-every pred seq rest)))

;;; Numbers.

(defun cl-gcd (&rest args)
  "Return the greatest common divisor of the arguments."
  (let ((a (if args (car args) 0)))
    (dolist (b (cdr args))
      (while (/= b 0)
        (let ((r (% a b))) (setq a b b r))))
    (abs a)))

(defun cl-lcm (&rest args)
  "Return the least common multiple of the arguments."
  (if (memq 0 args)
      0
    (let ((a (if args (car args) 1)))
      (dolist (b (cdr args))
        (setq a (* (/ a (cl-gcd a b)) b)))
      (abs a))))

(defun cl-isqrt (x)
  "Return the integer square root of the integer X."
  (cond ((and (integerp x) (> x 0))
         (let ((g x) (next (/ (+ x 1) 2)))
           (while (< next g)
             (setq g next next (/ (+ g (/ x g)) 2)))
           g))
        ((eq x 0) 0)
        (t (signal 'arith-error nil))))

(defun cl-floor (x &optional y)
  "Return a list of the floor of X (or X/Y) and the remainder."
  (let ((q (floor x y)))
    (list q (- x (if y (* y q) q)))))

(defun cl-ceiling (x &optional y)
  "Return a list of the ceiling of X (or X/Y) and the remainder."
  (let ((res (cl-floor x y)))
    (if (= (cadr res) 0) res
      (list (1+ (car res)) (- (cadr res) (or y 1))))))

(defun cl-truncate (x &optional y)
  "Return a list of the truncation of X (or X/Y) and the remainder."
  (if (eq (>= x 0) (or (null y) (>= y 0)))
      (cl-floor x y)
    (cl-ceiling x y)))

(defun cl-round (x &optional y)
  "Return a list of X (or X/Y) rounded to the nearest integer and the remainder."
  (if y
      (if (and (integerp x) (integerp y))
          (let* ((half (/ y 2))
                 (res (cl-floor (+ x half) y)))
            (if (and (= (cadr res) 0) (= (+ half half) y)
                     (/= (% (car res) 2) 0))
                (list (1- (car res)) half)
              (list (car res) (- (cadr res) half))))
        (let ((q (round (/ x y))))
          (list q (- x (* q y)))))
    (if (integerp x) (list x 0)
      (let ((q (round x)))
        (list q (- x q))))))

(defun cl-mod (x y)
  "The remainder of X divided by Y, with the sign of Y."
  (nth 1 (cl-floor x y)))

(defun cl-rem (x y)
  "The remainder of X divided by Y, with the sign of X."
  (nth 1 (cl-truncate x y)))

(defun cl-signum (x)
  "Return 1 if X is positive, -1 if negative, 0 if zero."
  (cond ((> x 0) 1) ((< x 0) -1) (t 0)))

(defun cl-parse-integer (string &rest keys)
  "Parse an integer from STRING.
\nKeywords supported:  :start :end :radix :junk-allowed"
  (let ((k keys))
    (while k
      (unless (memq (car k) '(:start :end :radix :junk-allowed :allow-other-keys))
        (unless (car (cdr (memq :allow-other-keys keys)))
          (error "Keyword argument %S not one of (:start :end :radix :junk-allowed)"
                 (car k))))
      (setq k (cddr k))))
  (unless (stringp string) (signal 'wrong-type-argument (list 'stringp string)))
  (let* ((start (or (plist-get keys :start) 0))
         (len (length string))
         (end (or (plist-get keys :end) len))
         (radix (or (plist-get keys :radix) 10))
         (junk (plist-get keys :junk-allowed))
         (sign 1) (sum nil) (digit nil))
    (unless (and (<= start end) (<= end len))
      (error "Bad interval: [%d, %d)" start end))
    (while (and (< start end) (memq (aref string start) '(?\s ?\t ?\n ?\r ?\f)))
      (setq start (1+ start)))
    (when (< start end)
      (cond ((eq (aref string start) ?+) (setq start (1+ start)))
            ((eq (aref string start) ?-) (setq start (1+ start) sign -1))))
    (while (and (< start end)
                (setq digit (cl-digit-char-p (aref string start) radix)))
      (setq sum (+ (* (or sum 0) radix) digit) start (1+ start)))
    (while (and (< start end) (memq (aref string start) '(?\s ?\t ?\n ?\r ?\f)))
      (setq start (1+ start)))
    (cond ((and junk (null sum)) nil)
          (junk (* sign sum))
          ((or (/= start end) (null sum))
           (error "Not an integer string: `%s'" string))
          (t (* sign sum)))))

;;; Sequences.

(defun cl-subseq (seq start &optional end)
  "Return the subsequence of SEQ from START to END (negative counts from the end)."
  (cond
   ((or (stringp seq) (vectorp seq)) (substring seq start end))
   ((listp seq)
    (let ((len nil)
          (msg (format "Bad bounding indices: %s, %s" start end)))
      (when (and end (< end 0)) (setq len (length seq) end (+ end len)))
      (when (< start 0) (setq start (+ start (or len (setq len (length seq))))))
      (unless (>= start 0) (error "%s" msg))
      (when (> start 0)
        (setq seq (nthcdr (1- start) seq))
        (unless seq (error "%s" msg))
        (setq seq (cdr seq)))
      (if end
          (let ((res nil) (n (- end start)))
            (while (and (> n 0) seq)
              (setq res (cons (car seq) res) seq (cdr seq) n (1- n)))
            (unless (<= n 0) (error "%s" msg))
            (if (< (- end start) 0) (error "%s" msg))
            (nreverse res))
        (copy-sequence seq))))
   (t (error "Unsupported sequence: %s" seq))))

(defun cl-concatenate (type &rest sequences)
  "Concatenate the SEQUENCES into a sequence of type TYPE."
  (cond ((eq type 'vector) (apply #'vconcat sequences))
        ((eq type 'string) (apply #'concat sequences))
        ((eq type 'list) (apply #'append (append sequences '(nil))))
        (t (error "Not a sequence type name: %S" type))))

(defun cl-revappend (x y)
  "Equivalent to (append (reverse X) Y)."
  (nconc (reverse x) y))

(defun cl-nreconc (x y)
  "Equivalent to (nconc (nreverse X) Y)."
  (nconc (nreverse x) y))

(defun cl-list-length (x)
  "Return the length of list X, or nil if it is circular."
  (unless (listp x) (signal 'wrong-type-argument (list 'list x 'x)))
  (condition-case nil (length x) (circular-list nil)))

(defun cl-tailp (sublist list)
  "Return t if SUBLIST is a tail of LIST."
  (while (and (consp list) (not (eq sublist list)))
    (setq list (cdr list)))
  (if (numberp sublist) (equal sublist list) (eq sublist list)))

;;; Property lists.

(defun cl-getf (plist tag &optional def)
  "Return the value of property TAG in PLIST, or DEF if there is none."
  (let ((tail (cdr-safe (plist-member plist tag))))
    (if tail (car tail) def)))

(defun cl-get (sym tag &optional def)
  "Return SYM's property TAG, or DEF if it has none."
  (cl-getf (symbol-plist sym) tag def))

(defun cl--set-getf (plist tag val)
  (let ((tail (cdr-safe (plist-member plist tag))))
    (if tail (progn (setcar tail val) plist)
      (cons tag (cons val plist)))))

(defun cl--do-remf (plist tag)
  (let ((p (cdr plist)))
    (while (and (cdr p) (not (eq (car (cdr p)) tag))) (setq p (cdr (cdr p))))
    (and (cdr p) (progn (setcdr p (cdr (cdr (cdr p)))) t))))

(defun cl-remprop (sym tag)
  "Remove property TAG from SYM's plist; return t if it was there."
  (let ((plist (symbol-plist sym)))
    (if (and plist (eq tag (car plist)))
        (progn (setplist sym (cdr (cdr plist))) t)
      (cl--do-remf plist tag))))

(provide 'cl-extra)

;;; cl-extra.el ends here
