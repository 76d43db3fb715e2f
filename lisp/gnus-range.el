;;; gnus-range.el --- sorted lists of article numbers, and ranges -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.  The set operations GNU
;; autoloads from gnus-range: lists of numbers in increasing order are merged in one pass, a
;; number present in both lists pairing off with one of its copies in the other.  The names
;; with an N change the cells of their first argument.

;;; Code:

(defun gnus-range--walk (one two take) "Merge the sorted number lists ONE and TWO into a new list, keeping what TAKE says.
TAKE is a list of symbols: `left' keeps a number found only in ONE, `right' one found only
in TWO, `both' one found in both (once).  Whichever list outlasts the other is kept after
the merged part when its symbol is in TAKE."
  (let ((acc '()))
    (while (and one two)
      (let ((x (car one)) (y (car two)))
        (cond ((< x y)
               (if (memq 'left take) (push x acc))
               (pop one))
              ((< y x)
               (if (memq 'right take) (push y acc))
               (pop two))
              (t
               (if (memq 'both take) (push x acc))
               (pop one)
               (pop two)))))
    (let ((rest (cond ((and one (memq 'left take)) one)
                      ((and two (memq 'right take)) two))))
      (nconc (nreverse acc) (copy-sequence rest)))))

(defun gnus-sorted-difference (list1 list2) "Return the numbers of the sorted LIST1 that the sorted LIST2 lacks, as a new list."
  (gnus-range--walk list1 list2 '(left)))

(defun gnus-sorted-ndifference (list1 list2) "Remove from the sorted LIST1 the numbers of the sorted LIST2; return what is left.
The cells of LIST1 that stay are relinked."
  (let ((head nil) (last nil))
    (while list1
      (let ((cell list1))
        (setq list1 (cdr list1))
        (while (and list2 (< (car list2) (car cell)))
          (setq list2 (cdr list2)))
        (if (and list2 (= (car list2) (car cell)))
            (setq list2 (cdr list2))
          (if last (setcdr last cell) (setq head cell))
          (setq last cell))))
    (when last (setcdr last nil))
    head))

(defun gnus-sorted-complement (list1 list2) "Return the numbers in just one of the sorted lists LIST1 and LIST2, in order, as a new list."
  (gnus-range--walk list1 list2 '(left right)))

(defun gnus-intersection (list1 list2) "Return the elements of LIST1 that are also in LIST2 (compared with `eq'), last first."
  (let ((out nil))
    (dolist (x list1) (when (memq x list2) (push x out)))
    out))

(defun gnus-sorted-intersection (list1 list2) "Return the numbers of the sorted LIST1 also in the sorted LIST2, as a new list."
  (gnus-range--walk list1 list2 '(both)))

(defun gnus-sorted-nintersection (list1 list2) "Keep in the sorted LIST1 only the numbers also in the sorted LIST2; return the result.
The cells of LIST1 that stay are relinked."
  (let ((head nil) (last nil))
    (while (and list1 list2)
      (let ((cell list1))
        (cond ((< (car cell) (car list2)) (setq list1 (cdr list1)))
              ((< (car list2) (car cell)) (setq list2 (cdr list2)))
              (t (setq list1 (cdr list1) list2 (cdr list2))
                 (if last (setcdr last cell) (setq head cell))
                 (setq last cell)))))
    (when last (setcdr last nil))
    head))

(defalias 'gnus-set-sorted-intersection #'gnus-sorted-nintersection)

(defun gnus-sorted-union (list1 list2) "Return the numbers of the sorted lists LIST1 and LIST2 merged, each shared one once, as a new list."
  (gnus-range--walk list1 list2 '(left right both)))

(defun gnus-sorted-nunion (list1 list2) "Merge the numbers of the sorted LIST2 missing from the sorted LIST1 into LIST1; return the result.
LIST1's cells are kept and new cells made for the numbers that come from LIST2."
  (let* ((anchor (cons nil list1)) (prev anchor))
    (while (and (cdr prev) list2)
      (let ((a (cadr prev)) (b (car list2)))
        (cond ((< a b) (setq prev (cdr prev)))
              ((< b a) (setcdr prev (cons b (cdr prev)))
               (setq prev (cdr prev) list2 (cdr list2)))
              (t (setq prev (cdr prev) list2 (cdr list2))))))
    (when list2 (setcdr prev (copy-sequence list2)))
    (cdr anchor)))

(defun gnus-add-to-sorted-list (list num) "Put NUM in its place in the sorted LIST unless it is there; return the list.
LIST is changed, unless NUM goes first."
  (let ((prev nil) (tail list))
    (while (and tail (< (car tail) num))
      (setq prev tail tail (cdr tail)))
    (cond ((and tail (= (car tail) num)) list)
          (prev (setcdr prev (cons num tail)) list)
          (t (cons num list)))))

(defun gnus-range--bounds (item) "The (LOW . HIGH) of ITEM, a number or a range (LOW . HIGH)."
  (if (consp item) item (cons item item)))

(defun gnus-sorted-range-intersection (range1 range2) "Return the intersection of RANGE1 and RANGE2, sorted lists of numbers and (LOW . HIGH) ranges.
Each may also be a single range (LOW . HIGH).  The result is such a list, or the range itself when
it is a single range.  As in GNU, moving past an item that meets nothing in the other list also
skips the item after it."
  (when (and (consp range1) (numberp (cdr range1))) (setq range1 (list range1)))
  (when (and (consp range2) (numberp (cdr range2))) (setq range2 (list range2)))
  (let ((out nil))
    (while (and range1 range2)
      (let* ((one (gnus-range--bounds (car range1)))
             (two (gnus-range--bounds (car range2))))
        (cond ((< (cdr one) (car two)) (setq range1 (cddr range1)))
              ((< (cdr two) (car one)) (setq range2 (cddr range2)))
              (t (let ((low (max (car one) (car two)))
                       (high (min (cdr one) (cdr two))))
                   (push (if (= low high) low (cons low high)) out))
                 (if (< (cdr one) (cdr two))
                     (setq range1 (cdr range1))
                   (setq range2 (cdr range2)))))))
    (setq out (nreverse out))
    (if (and out (null (cdr out)) (consp (car out))) (car out) out)))

(provide 'gnus-range)

;;; gnus-range.el ends here
