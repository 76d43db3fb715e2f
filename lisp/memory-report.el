;;; memory-report.el --- how much memory objects take  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.  Sizes are
;; those of GNU's allocator as `garbage-collect' reports them (per type:
;; name, size of one, counts); `memory-report--set-size' takes such a
;; report, and a 64-bit one is assumed until then.

(require 'cl-lib)

(defvar memory-report--type-size
  '((conses 16) (symbols 48) (strings 32) (string-bytes 1) (vectors 16)
    (vector-slots 8) (floats 8) (intervals 56) (buffers 984))
  "The allocation sizes in use, as (TYPE SIZE ...) entries of a `garbage-collect' report.")

(defun memory-report--set-size (elems) "Use the sizes of the `garbage-collect' report ELEMS from now on."
  (setq memory-report--type-size
        (mapcar (lambda (e) (list (car e) (cadr e))) elems)))

(defun memory-report--size (kind) "The size of one object of KIND: cons, symbol, string, float or buffer.
Any other kind is given the size of a vector header."
  (let ((entry (assq (pcase kind
                       ('cons 'conses) ('symbol 'symbols) ('string 'strings)
                       ('float 'floats) ('buffer 'buffers) (_ 'vectors))
                     memory-report--type-size)))
    (or (cadr entry) 0)))

(defun memory-report--string-intervals (string) "The property lists of the runs of STRING, nil for a run without any.
A string without text properties has no runs at all."
  (let ((pos 0) (end (length string)) (plists nil))
    (when (next-property-change 0 string)
      (while (< pos end)
        (push (text-properties-at pos string) plists)
        (setq pos (or (next-property-change pos string) end))))
    (or plists
        (and (> end 0) (text-properties-at 0 string)
             (list (text-properties-at 0 string))))))

(defun memory-report--list-size (counted list) "The size of the conses of LIST and of their elements; COUNTED holds what was counted."
  (let ((total 0))
    (while (consp list)
      ;; A nil element costs nothing more.
      (setq total (+ total (memory-report--size 'cons)
                     (if (car list)
                         (memory-report--object-size counted (car list))
                       0)))
      (setq list (cdr list)))
    total))

(defun memory-report--object-size-1 (counted value) "The size of VALUE itself and of what it holds that COUNTED does not have yet."
  (cond
   ((null value) (memory-report--size 'symbol))
   ((consp value) (memory-report--list-size counted value))
   ((stringp value)
    (+ (memory-report--size 'string) (string-bytes value)
       (let ((sum 0))
         (dolist (plist (memory-report--string-intervals value) sum)
           (setq sum (+ sum (memory-report--size 'interval)
                        (memory-report--object-size counted plist)))))))
   ((and (recordp value) (get (type-of value) 'cl--class))
    ;; A structure: its header, then the values of its slots.
    (let ((sum (memory-report--size 'vector)))
      (dotimes (i (1- (length value)) sum)
        (setq sum (+ sum (memory-report--object-size counted (aref value (1+ i))))))))
   ((vectorp value)
    (let ((sum (memory-report--size 'vector)))
      (dotimes (i (length value) sum)
        (setq sum (+ sum (memory-report--size 'object)
                     (memory-report--object-size counted (aref value i)))))))
   ((hash-table-p value)
    (let ((sum (+ (memory-report--size 'vector)
                  (* (hash-table-size value) (memory-report--size 'object)))))
      (maphash (lambda (k v)
                 (setq sum (+ sum (memory-report--object-size counted k)
                              (memory-report--object-size counted v))))
               value)
      sum))
   ((bufferp value) (memory-report--size 'buffer))
   (t 0)))

(defun memory-report--object-size (counted value) "The size of VALUE and what it holds, leaving out what the hash table COUNTED has seen.
Everything counted is added to COUNTED."
  (if (gethash value counted)
      0
    (puthash value t counted)
    (memory-report--object-size-1 counted value)))

(defun memory-report-object-size (object) "Return the number of bytes OBJECT and what it holds take, each part counted once."
  (memory-report--object-size (make-hash-table :test #'eq) object))

(provide 'memory-report)
