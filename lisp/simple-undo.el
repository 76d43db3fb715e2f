;;; simple-undo.el --- the undo-list element helpers of simple.el  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (test/corpus/simple-undo.el).
;; An undo element is (BEG . END) for an insertion, (TEXT . POS) for a deletion (POS
;; negative when point was at its end), (nil PROP VAL BEG . END) for a property change,
;; (MARKER . ADJUSTMENT), (t . TIME), (apply ...), a position, or nil for a boundary.

(defun simple-undo--span (elt) "The (BEG . END) an insertion or property-change ELT covers, or nil for other kinds."
  (cond ((and (consp elt) (integerp (car elt)) (integerp (cdr elt))) elt)
        ((and (consp elt) (null (car elt)) (consp (cdr elt)))
         (let ((tail (nthcdr 3 elt)))
           (cons (car tail) (cdr tail))))))

(defun undo-delta (undo-elt) "How UNDO-ELT moved later text, as (POSITION . OFFSET); (0 . 0) when it did not."
  (pcase undo-elt
    (`(,(and (pred integerp) from) . ,(and (pred integerp) to)) (cons from (- from to)))
    (`(,(and (pred stringp) text) . ,(and (pred integerp) at)) (cons (abs at) (length text)))
    (_ '(0 . 0))))

(defun undo-elt-in-region (undo-elt start end) "Non-nil when UNDO-ELT lies wholly within START..END.
A boundary counts as inside; a time stamp or an `apply' entry does not."
  (let ((inside (lambda (pos) (and (<= start pos) (<= pos end))))
        (span (simple-undo--span undo-elt)))
    (cond ((null undo-elt) t)
          ((integerp undo-elt) (funcall inside undo-elt))
          (span (and (>= (car span) start) (<= (cdr span) end)))
          ((stringp (car undo-elt)) (funcall inside (abs (cdr undo-elt))))
          ((markerp (car undo-elt)) (funcall inside (marker-position (car undo-elt)))))))

(defun undo-elt-crosses-region (undo-elt start end) "Non-nil when the insertion or property change UNDO-ELT overlaps START..END."
  (let ((span (simple-undo--span undo-elt)))
    (and span (< (car span) end) (> (cdr span) start))))

(defun undo-copy-list-1 (elt) "A copy of the cons structure of ELT; strings, markers and numbers are shared."
  (if (consp elt)
      (cons (undo-copy-list-1 (car elt)) (undo-copy-list-1 (cdr elt)))
    elt))

(defun undo-copy-list (list) "A copy of the undo LIST whose elements can be changed without touching LIST's."
  (mapcar #'undo-copy-list-1 list))

(defun undo-adjust-pos (pos deltas &optional use-<) "POS moved back by the (POSITION . OFFSET) DELTAS, each applied in turn.
A delta applies to positions at or after its POSITION (strictly after with
USE-<), and never moves POS before that POSITION."
  (dolist (delta deltas pos)
    (let ((at (car delta)))
      (when (if use-< (< at pos) (<= at pos))
        (setq pos (max at (- pos (cdr delta))))))))

(defun undo-adjust-beg-end (beg end deltas) "BEG and END moved by DELTAS, as (BEG . END), END never before BEG."
  (let ((from (undo-adjust-pos beg deltas))
        (to (undo-adjust-pos end deltas t)))
    (cons from (max from to))))

(defun undo-adjust-elt (elt deltas) "The undo element ELT with its positions moved by DELTAS."
  (cond ((integerp elt) (undo-adjust-pos elt deltas))
        ((and (consp elt) (integerp (car elt)) (integerp (cdr elt)))
         (undo-adjust-beg-end (car elt) (cdr elt) deltas))
        ((and (consp elt) (stringp (car elt)))
         (let ((moved (undo-adjust-pos (abs (cdr elt)) deltas)))
           (cons (car elt) (if (< (cdr elt) 0) (- moved) moved))))
        ((and (consp elt) (null (car elt)) (consp (cdr elt)))
         (let ((span (undo-adjust-beg-end (nth 3 elt) (nthcdr 4 elt) deltas)))
           (nconc (list (nth 0 elt) (nth 1 elt) (nth 2 elt)) (cons (car span) (cdr span)))))
        (t elt)))

;;;; The undo records of one region, for undo in region

(defun simple-undo--record-span (elt) "The positions ELT, an undo record that changes text or properties, covers: (FROM . TO), or nil for a record with none."
  (pcase elt
    (`(,(and (pred integerp) from) . ,(and (pred integerp) to)) (cons from to))
    (`(,(pred stringp) . ,(and (pred integerp) at)) (cons (abs at) (abs at)))
    (`(nil ,_ ,_ ,(and (pred integerp) from) . ,(and (pred integerp) to)) (cons from to))
    (`(apply ,(pred integerp) ,(and (pred integerp) from) ,(and (pred integerp) to) . ,_) (cons from to))))

(defun simple-undo--carry-pos (pos moves) "POS carried forward over MOVES, the changes left out (oldest first): each (AT . COUNT), COUNT positive for inserted text, negative for deleted."
  (dolist (move moves pos)
    (let ((at (car move)) (count (cdr move)))
      (cond ((> count 0) (when (>= pos at) (setq pos (+ pos count))))
            ((>= pos (- at count)) (setq pos (+ pos count)))
            ((> pos at) (setq pos at))))))

(defun simple-undo--carry (elt moves) "The undo record ELT with its positions carried forward over MOVES."
  (if (null moves)
      elt
    (pcase elt
      ((pred integerp) (simple-undo--carry-pos elt moves))
      (`(,(and (pred integerp) from) . ,(and (pred integerp) to))
       (let ((start (simple-undo--carry-pos from moves)))
         (cons start (+ start (- to from)))))
      (`(,(and (pred stringp) text) . ,(and (pred integerp) at))
       (let ((spot (simple-undo--carry-pos (abs at) moves)))
         (cons text (if (< at 0) (- spot) spot))))
      (`(nil ,prop ,val ,(and (pred integerp) from) . ,(and (pred integerp) to))
       (let ((start (simple-undo--carry-pos from moves)))
         `(nil ,prop ,val ,start . ,(+ start (- to from)))))
      (_ elt))))

(defun simple-undo--before-insertion (pos at count) "Where POS was before COUNT characters were inserted at AT."
  (cond ((<= pos at) pos)
        ((>= pos (+ at count)) (- pos count))
        (t at)))

(defun undo-make-selective-list (start end) "The records of `buffer-undo-list' that change only the text from START to END, in the form undo can replay now.
Going back in time, records wholly inside the region (as it was then) are
kept and records wholly outside are left out, the kept ones' positions
carried over the changes left out; a record straddling an edge is left
out as well.  Boundaries are kept, never two in a row."
  (let ((kept (list nil))
        (moves nil)
        (left-out nil)
        (from start) (to end)
        (rest buffer-undo-list)
        (done nil))
    (while (and rest (not done))
      (let ((elt (pop rest)))
        (cond
         ((null elt) (when (car kept) (push nil kept)))
         ((eq (car-safe elt) t) (unless left-out (push elt kept)))
         ((integerp elt)
          (when (<= from elt to) (push (simple-undo--carry elt moves) kept)))
         ((markerp (car-safe elt)) (unless left-out (push elt kept)))
         (t
          (let* ((span (simple-undo--record-span elt))
                 (size (cond ((stringp (car-safe elt)) (- (length (car elt))))
                             ((and (integerp (car-safe elt)) (integerp (cdr-safe elt)))
                              (- (cdr elt) (car elt)))
                             ((eq (car-safe elt) 'apply) (cadr elt))
                             (t 0))))
            (cond
             ((null span) (setq done t))
             ((and (<= from (car span)) (<= (cdr span) to))
              (push (simple-undo--carry elt moves) kept)
              (setq to (- to size)))
             ((or (<= (cdr span) from) (>= (car span) to))
              (setq left-out t)
              (unless (zerop size)
                (push (cons (car span) size) moves)
                (when (<= (cdr span) from)
                  (setq from (- from size) to (- to size)))))
             (t
              ;; Partly inside: left out too, and the region edges within the
              ;; text it inserted fall back to where that text began.
              (setq left-out t)
              (when (> size 0)
                (push (cons (car span) size) moves)
                (setq from (simple-undo--before-insertion from (car span) size)
                      ;; A change at the insertion point was before that text,
                      ;; so past an end within the text (observed).
                      to (if (and (<= (car span) to) (< to (+ (car span) size)))
                             (1- (car span))
                           (simple-undo--before-insertion to (car span) size)))))))))))
    (nreverse kept)))

(provide 'simple-undo)
;;; simple-undo.el ends here
