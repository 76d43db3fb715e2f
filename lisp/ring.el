;;; ring.el --- fixed-size circular buffers of Lisp objects  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.
;;
;; A ring is the list (START COUNT . SLOTS).  SLOTS is a vector used
;; circularly, START the slot holding the oldest element and COUNT how many
;; elements are held.  Programs print and compare rings, so this layout and
;; the way each operation moves elements through SLOTS are part of the
;; behaviour.  Public indices count from the newest element (0) back
;; towards the oldest, and wrap around.

(defun ring-p (x) "Return t if X has the shape of a ring, else nil."
  (pcase x
    (`(,(pred integerp) ,(pred integerp) . ,(pred vectorp)) t)))

(defun make-ring (size) "Return a new, empty ring with room for SIZE elements."
  (let ((slots (make-vector size nil)))
    (cons 0 (cons 0 slots))))

(defun ring-plus1 (index veclen) "Return the slot after INDEX in a vector of VECLEN slots, going round to 0."
  (if (= (1+ index) veclen) 0 (1+ index)))

(defun ring-minus1 (index veclen) "Return the slot before INDEX in a vector of VECLEN slots, going round."
  (if (zerop index) (1- veclen) (1- index)))

(defun ring-length (ring) "Return how many elements RING currently holds."
  (nth 1 ring))

(defun ring-size (ring) "Return how many elements RING can hold at most."
  (length (cddr ring)))

(defun ring-empty-p (ring) "Return t if RING holds no elements, else nil."
  (zerop (ring-length ring)))

(defun ring-index (index head ringlen veclen) "Return the vector slot of the element at INDEX, 0 being the newest.
HEAD is the slot of the oldest element, RINGLEN the element count and
VECLEN the vector length.  INDEX is taken modulo RINGLEN."
  (mod (- (+ head ringlen) (mod index ringlen) 1) veclen))

(defun ring-copy (ring) "Return a new ring with the same elements as RING.
The slot vector is copied; the elements themselves are shared."
  (let ((slots (copy-sequence (cddr ring))))
    (cons (car ring) (cons (cadr ring) slots))))

(defun ring-insert (ring item) "Add ITEM to RING as its newest element and return ITEM.
When RING is full its oldest element is overwritten."
  (let* ((slots (cddr ring))
         (cap (length slots))
         (start (car ring))
         (count (cadr ring)))
    (aset slots (mod (+ start count) cap) item)
    (if (= count cap)
        (setcar ring (ring-plus1 start cap))
      (setcar (cdr ring) (1+ count)))
    item))

(defun ring-insert-at-beginning (ring item) "Add ITEM to RING as its oldest element.
When RING is full, its newest element is overwritten.  Return the new
number of elements."
  (let* ((slots (cddr ring))
         (cap (length slots))
         (start (ring-minus1 (car ring) cap)))
    (aset slots start item)
    (setcar ring start)
    (setcar (cdr ring) (min cap (1+ (cadr ring))))))

(defun ring-remove (ring &optional index) "Take the element at INDEX out of RING and return it.
INDEX defaults to the oldest element.  Signal an error if RING is empty."
  (let ((count (ring-length ring)))
    (unless (> count 0) (error "Ring empty"))
    (ring--take-out ring count index)))

(defun ring--take-out (ring count index) "Remove and return the element at INDEX (default the oldest) of RING.
COUNT is the element count of RING, known to be positive."
  (let* ((start (car ring))
         (slots (cddr ring))
         (cap (length slots))
         (hole (ring-index (or index (1- count)) start count cap))
         (newest (mod (+ start count -1) cap))
         (item (aref slots hole)))
    ;; Close the gap: each newer element moves one slot back, so the
    ;; oldest element keeps its slot and the newest slot becomes free.
    (while (/= hole newest)
      (let ((after (ring-plus1 hole cap)))
        (aset slots hole (aref slots after))
        (setq hole after)))
    (aset slots newest nil)
    (setcar (cdr ring) (1- count))
    item))

(defun ring-ref (ring index) "Return the element of RING at INDEX, 0 being the newest.
INDEX wraps around modulo the number of elements.  Signal an error if
RING is empty."
  (let ((count (ring-length ring))
        (slots (cddr ring)))
    (if (> count 0)
        (aref slots (ring-index index (car ring) count (length slots)))
      (error "Accessing an empty ring"))))

(defun ring-elements (ring) "Return a list of the elements of RING, the newest first."
  (let* ((slots (cddr ring))
         (cap (length slots))
         (start (car ring))
         (acc nil))
    ;; Walking from the oldest and consing gives newest-first order.
    (dotimes (k (cadr ring))
      (push (aref slots (mod (+ start k) cap)) acc))
    acc))

(defun ring-member (ring item) "Return the index in RING of the newest element `equal' to ITEM, or nil."
  (catch 'ring--hit
    (dotimes (k (ring-length ring))
      (when (equal item (ring-ref ring k))
        (throw 'ring--hit k)))
    nil))

(defun ring--neighbour (ring item step) "Return the element of RING next to ITEM, the index moved by the function STEP.
Signal an error if ITEM is not in RING."
  (let ((pos (ring-member ring item)))
    (if pos
        (ring-ref ring (funcall step pos (ring-length ring)))
      (error "Item is not in the ring: `%s'" item))))

(defun ring-next (ring item) "Return the element of RING one step older than ITEM, going round.
Signal an error if ITEM is not in RING."
  (ring--neighbour ring item #'ring-plus1))

(defun ring-previous (ring item) "Return the element of RING one step newer than ITEM, going round.
Signal an error if ITEM is not in RING."
  (ring--neighbour ring item #'ring-minus1))

(defun ring-resize (ring size) "Give RING room for exactly SIZE elements, SIZE being an integer.
When a full RING shrinks, its newest SIZE elements are kept.  A
non-integer SIZE leaves RING alone."
  (cond
   ((not (integerp size)) nil)
   ((ring-empty-p ring) (setcdr ring (cons 0 (make-vector size nil))))
   (t (ring--keep-newest ring size))))

(defun ring--keep-newest (ring size) "Move the newest elements of the non-empty RING into a vector of SIZE slots.
As many elements as fit are kept, the oldest of them in slot 0."
  (let* ((count (ring-length ring))
         (old (cddr ring))
         (cap (length old))
         (keep (min count size))
         ;; The first slot kept is START + COUNT - KEEP reduced modulo
         ;; COUNT, not modulo the vector length: GNU 28.2 computes it that
         ;; way, which scrambles a ring that does not fill its vector, and
         ;; programs see the result.
         (from (mod (- (+ (car ring) count) keep) count))
         (fresh (make-vector size nil)))
    (dotimes (k keep)
      (aset fresh k (aref old (mod (+ from k) cap))))
    (setcdr ring (cons keep fresh))
    (setcar ring 0)))

(defun ring-extend (ring x) "Make RING able to hold X more elements, X being a positive integer."
  (when (and (integerp x) (< 0 x))
    (ring-resize ring (+ (ring-size ring) x))))

(defun ring-insert+extend (ring item &optional grow-p) "Add ITEM to RING as its newest element, as `ring-insert' does.
If GROW-P is non-nil and RING is full, first make room for one more
element so that nothing is lost."
  (when (and grow-p (= (ring-size ring) (ring-length ring)))
    (ring-resize ring (1+ (ring-size ring))))
  (ring-insert ring item))

(defun ring-remove+insert+extend (ring item &optional grow-p) "Remove every element `equal' to ITEM from RING, then add ITEM as newest.
GROW-P is passed on to `ring-insert+extend'."
  (let ((pos (ring-member ring item)))
    (while pos
      (ring-remove ring pos)
      (setq pos (ring-member ring item))))
  (ring-insert+extend ring item grow-p))

(defun ring-convert-sequence-to-ring (seq) "Return a ring made from the elements of sequence SEQ.
The first element of SEQ becomes the newest.  An element `equal' to
that newest one is left out.  If SEQ is already a ring, return it."
  (if (ring-p seq)
      seq
    (let ((ring (make-ring (length seq))))
      (dolist (elt (append seq nil))
        (unless (and (not (ring-empty-p ring))
                     (equal elt (ring-ref ring 0)))
          (ring-insert-at-beginning ring elt)))
      ring)))

(provide 'ring)

;;; ring.el --- end
