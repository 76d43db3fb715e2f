;;; ring.el --- handle rings of items  -*- lexical-binding: t -*-

;; Written for tsmacs.  A ring is (HEAD LENGTH . VECTOR): HEAD is the index
;; of the oldest item in VECTOR, LENGTH the number of items.  Index 0 in
;; the public functions is the newest item.

(defun ring-p (x)
  "Return t if X is a ring; nil otherwise."
  (and (consp x) (integerp (car x))
       (consp (cdr x)) (integerp (car (cdr x)))
       (vectorp (cdr (cdr x)))))

(defun make-ring (size)
  "Make a ring that can contain SIZE elements."
  (cons 0 (cons 0 (make-vector size nil))))

(defun ring-plus1 (index veclen)
  "Return INDEX+1, with wraparound."
  (let ((next (1+ index)))
    (if (= next veclen) 0 next)))

(defun ring-minus1 (index veclen)
  "Return INDEX-1, with wraparound."
  (1- (if (zerop index) veclen index)))

(defun ring-length (ring)
  "Return the number of elements in the RING."
  (car (cdr ring)))

(defun ring-size (ring)
  "Return the size of RING, the maximum number of elements it can contain."
  (length (cdr (cdr ring))))

(defun ring-empty-p (ring)
  "Return t if RING is empty; nil otherwise."
  (zerop (car (cdr ring))))

(defun ring-index (index head ringlen veclen)
  "Convert the nominal INDEX (0 = newest) to an index into the ring's vector.
HEAD is the vector index of the oldest item, RINGLEN the number of items,
VECLEN the vector's size."
  (let ((i (mod index ringlen)))
    (mod (+ head (- ringlen i) -1) veclen)))

(defun ring-copy (ring)
  "Return a copy of RING."
  (cons (car ring) (cons (car (cdr ring)) (copy-sequence (cdr (cdr ring))))))

(defun ring-insert (ring item)
  "Insert ITEM into RING as the newest item; return ITEM.
If the ring is full, the oldest item is dropped."
  (let* ((vec (cdr (cdr ring)))
         (size (length vec))
         (head (car ring))
         (len (car (cdr ring))))
    (prog1 (aset vec (mod (+ head len) size) item)
      (if (= len size)
          (setcar ring (ring-plus1 head size))
        (setcar (cdr ring) (1+ len))))))

(defun ring-insert-at-beginning (ring item)
  "Add ITEM to RING as the oldest item."
  (let* ((vec (cdr (cdr ring)))
         (size (length vec))
         (head (ring-minus1 (car ring) size))
         (len (min size (1+ (car (cdr ring))))))
    (aset vec head item)
    (setcar ring head)
    (setcar (cdr ring) len)))

(defun ring-remove (ring &optional index)
  "Remove an item from RING and return it.
Without INDEX remove the oldest item, else the item at INDEX."
  (if (ring-empty-p ring)
      (error "Ring empty")
    (let* ((head (car ring))
           (len (car (cdr ring)))
           (vec (cdr (cdr ring)))
           (size (length vec))
           (last (mod (+ head len -1) size))
           (i (ring-index (or index (1- len)) head len size))
           (item (aref vec i)))
      (while (/= i last)
        (let ((next (ring-plus1 i size)))
          (aset vec i (aref vec next))
          (setq i next)))
      (aset vec last nil)
      (setcar (cdr ring) (1- len))
      item)))

(defun ring-ref (ring index)
  "Return RING's INDEX element; 0 is the newest.  INDEX wraps around."
  (if (ring-empty-p ring)
      (error "Accessing an empty ring")
    (let ((vec (cdr (cdr ring))))
      (aref vec (ring-index index (car ring) (car (cdr ring)) (length vec))))))

(defun ring-elements (ring)
  "Return a list of the elements of RING, newest first."
  (let ((head (car ring))
        (vec (cdr (cdr ring)))
        (out nil) (i 0))
    (let ((size (length vec)) (len (car (cdr ring))))
      (while (< i len)
        (setq out (cons (aref vec (mod (+ head i) size)) out))
        (setq i (1+ i))))
    out))

(defun ring-member (ring item)
  "Return the index of ITEM (compared with `equal') in RING, or nil."
  (catch 'found
    (let ((i 0) (n (ring-length ring)))
      (while (< i n)
        (if (equal item (ring-ref ring i)) (throw 'found i))
        (setq i (1+ i))))
    nil))

(defun ring-next (ring item)
  "Return the item of RING after ITEM; signal an error if ITEM is absent."
  (let ((i (ring-member ring item)))
    (unless i (error "Item is not in the ring: `%s'" item))
    (ring-ref ring (ring-plus1 i (ring-length ring)))))

(defun ring-previous (ring item)
  "Return the item of RING before ITEM; signal an error if ITEM is absent."
  (let ((i (ring-member ring item)))
    (unless i (error "Item is not in the ring: `%s'" item))
    (ring-ref ring (ring-minus1 i (ring-length ring)))))

(defun ring-resize (ring size)
  "Set the size of RING to SIZE; shrinking drops the oldest items."
  (when (integerp size)
    (let ((len (ring-length ring))
          (new (make-vector size nil)))
      (if (= len 0)
          (setcdr ring (cons 0 new))
        (let* ((old (cdr (cdr ring)))
               (old-size (length old))
               (keep (min size len))
               (from (mod (+ (car ring) (- len keep)) len))
               (j 0))
          (setcdr ring (cons keep new))
          (while (< j keep)
            (aset new j (aref old (mod (+ from j) old-size)))
            (setq j (1+ j)))
          (setcar ring 0))))))

(defun ring-extend (ring x)
  "Increase the size of RING by X."
  (when (and (integerp x) (> x 0))
    (ring-resize ring (+ x (ring-size ring)))))

(defun ring-insert+extend (ring item &optional grow-p)
  "Like `ring-insert', but grow a full RING first when GROW-P is non-nil."
  (and grow-p
       (= (ring-length ring) (ring-size ring))
       (ring-extend ring 1))
  (ring-insert ring item))

(defun ring-remove+insert+extend (ring item &optional grow-p)
  "Remove every ITEM from RING, then `ring-insert+extend' it."
  (let (i)
    (while (setq i (ring-member ring item))
      (ring-remove ring i)))
  (ring-insert+extend ring item grow-p))

(defun ring-convert-sequence-to-ring (seq)
  "Return a ring holding the elements of SEQ (or SEQ itself if it is a ring).
Consecutive duplicates are dropped."
  (if (ring-p seq)
      seq
    (let* ((size (length seq))
           (ring (make-ring size))
           (i 0))
      (while (< i size)
        (let ((e (elt seq i)))
          (when (or (ring-empty-p ring)
                    (not (equal (ring-ref ring 0) e)))
            (ring-insert-at-beginning ring e)))
        (setq i (1+ i)))
      ring)))

(provide 'ring)

;;; ring.el ends here
