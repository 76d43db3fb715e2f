;;; backquote.el --- the backquote macro, for templates with , and ,@  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; Loaded right after byte-run.el: only `defun', `defmacro' and primitives
;; are available here.

;; The expansions have the same shape as GNU's, since programs print them:
;; constant parts are folded into quoted data, a run of elements ending in
;; constant data becomes `list', `cons' or `backquote-list*', splices
;; become one `append', and vectors use `vector', `vconcat' or `apply'.

;; A template is first turned into a description, one of:
;;   (bq-const . VALUE)          the template part is the constant VALUE;
;;   (bq-form . FORM)            FORM computes it;
;;   (bq-chain ITEMS . TAIL)     the descriptions ITEMS consed onto TAIL;
;;   (bq-append . PARTS)         the descriptions PARTS appended.
;; and the description is then written out as a form.

(defun backquote--render (d) "Write out the description D as a form computing its value."
  (let ((kind (car d)))
    (cond
     ((eq kind 'bq-const)
      (let ((v (cdr d)))
        (if (or (null v) (eq v t) (numberp v) (stringp v) (vectorp v))
            v
          (list 'quote v))))
     ((eq kind 'bq-form) (cdr d))
     ((eq kind 'bq-append)
      (cons 'append (mapcar #'backquote--render (cdr d))))
     (t
      (let ((items (mapcar #'backquote--render (car (cdr d))))
            (tail (cdr (cdr d))))
        ;; A tail of constant nil or of the form nil both end in `list'.
        (cond ((or (equal tail '(bq-const)) (equal tail '(bq-form)))
               (cons 'list items))
              ((null (cdr items))
               (list 'cons (car items) (backquote--render tail)))
              (t
               (cons 'backquote-list*
                     (append items (list (backquote--render tail)))))))))))

(defun backquote--prepend (item acc) "Describe the list made of the element ITEM followed by the list ACC."
  (cond ((and (eq (car item) 'bq-const) (eq (car acc) 'bq-const))
         (cons 'bq-const (cons (cdr item) (cdr acc))))
        ((eq (car acc) 'bq-chain)
         (cons 'bq-chain (cons (cons item (car (cdr acc))) (cdr (cdr acc)))))
        (t (cons 'bq-chain (cons (list item) acc)))))

(defun backquote--splice (form acc) "Describe the list value of FORM, spliced in front of the list ACC."
  (let ((part (cons 'bq-form form)))
    (cond ((and (null form) (equal acc '(bq-const)))
           ;; Splicing nil at the end: no element, but no longer constant
           ;; data either: the form nil.
           '(bq-form))
          ((equal acc '(bq-const)) part)
          ((eq (car acc) 'bq-append) (cons 'bq-append (cons part (cdr acc))))
          (t (list 'bq-append part acc)))))

(defun backquote--unquoted (form) "Describe the value of FORM, written after a comma at the innermost level.
A quoted constant counts as constant data."
  (if (and (eq (car-safe form) 'quote) (consp (cdr form)))
      (cons 'bq-const (car (cdr form)))
    (cons 'bq-form form)))

(defun backquote--nested (marker rest level) "Describe (MARKER . REST), where MARKER is one of the three backquote symbols.
REST is processed at LEVEL: deeper inside a nested backquote, shallower
after a comma that belongs to it."
  (let ((inner (backquote--list rest level)))
    (if (eq (car inner) 'bq-const)
        (cons 'bq-const (cons marker (cdr inner)))
      (cons 'bq-form
            (list 'cons (list 'quote marker) (backquote--render inner))))))

(defun backquote--unquote-tail-p (l) "Non-nil when the list tail L is itself a comma form, as in (a . ,b)."
  (and (eq (car l) '\,) (consp (cdr l)) (null (cdr (cdr l)))))

(defun backquote--list (l level) "Describe the template list L at nesting LEVEL (0 is the innermost backquote)."
  (let ((elements nil))
    (while (and (consp l) (not (backquote--unquote-tail-p l)))
      (setq elements (cons (car l) elements)
            l (cdr l)))
    ;; ELEMENTS is reversed, so the folding below goes from the end.
    (let ((acc (if (or (consp l) (vectorp l))
                   (backquote--describe l level)
                 (cons 'bq-const l))))
      (while elements
        (let ((e (car elements)))
          (setq acc
                (if (and (= level 0) (eq (car-safe e) '\,@) (consp (cdr e)))
                    (backquote--splice (car (cdr e)) acc)
                  (backquote--prepend (backquote--describe e level) acc))))
        (setq elements (cdr elements)))
      acc)))

(defun backquote--vector (v level) "Describe the template vector V at nesting LEVEL."
  (let ((d (backquote--list (append v nil) level)))
    (cond
     ;; GNU keeps the template vector itself when nothing in it varies.
     ((eq (car d) 'bq-const) (cons 'bq-const v))
     ((eq (car d) 'bq-form) (cons 'bq-form (list 'vconcat (cdr d))))
     ((eq (car d) 'bq-append)
      (cons 'bq-form (cons 'vconcat (mapcar #'backquote--render (cdr d)))))
     ((member (cdr (cdr d)) '((bq-const) (bq-form)))
      (cons 'bq-form (cons 'vector (mapcar #'backquote--render (car (cdr d))))))
     (t (cons 'bq-form (list 'apply '#'vector (backquote--render d)))))))

(defun backquote--describe (x level) "Describe the template X at nesting LEVEL."
  (cond
   ((vectorp x) (backquote--vector x level))
   ((atom x) (cons 'bq-const x))
   ((eq (car x) '\`) (backquote--nested '\` (cdr x) (1+ level)))
   ((memq (car x) '(\, \,@))
    (cond ((> level 0) (backquote--nested (car x) (cdr x) (1- level)))
          ((eq (car x) '\,) (backquote--unquoted (car (cdr x))))
          ;; A splice with nothing to splice into: just its value.
          (t (cons 'bq-form (car (cdr x))))))
   (t (backquote--list x level))))

(defmacro backquote-list* (first &rest list) "Cons FIRST and the other elements of LIST onto LIST's last element.
\(backquote-list* A B C) is (cons A (cons B C))."
  (let* ((all (reverse (cons first list)))
         (form (car all)))
    (setq all (cdr all))
    (while all
      (setq form (list 'cons (car all) form)
            all (cdr all)))
    form))

(defalias 'backquote
  (cons 'macro
        #'(lambda (structure)
            "Build the data that the template STRUCTURE describes.
The template is copied, except for the parts marked with a comma: ,FORM
puts in FORM's value, and ,@FORM splices in the elements of FORM's list
value.  Nested backquotes each consume one level of commas."
            ;; The same work as (backquote--render (backquote--describe
            ;; structure 0)), done by a primitive (src/emacs/backquote.ts):
            ;; `load' expands every backquote it reads.
            (tsmacs--backquote structure))))

;; The reader turns `X into (\` X).
(defalias '\` (symbol-function 'backquote))

;;;; GNU's helper functions, callable directly.
;; They work on pairs (LEVEL . FORM): LEVEL 0 says FORM is a constant (written
;; as a form: quoted unless self-evaluating), 1 that FORM computes a value, 2
;; that FORM's list value is spliced in.

(defun backquote-process (s &optional level) "Return (LEVEL . FORM) for the backquote template S, its commas counted from nesting LEVEL (default 0).
LEVEL in the result is 0 when FORM is constant, 2 when S is a top-level ,@ splice, else 1."
  (let ((depth (if level level 0)))
    (if (and (= depth 0) (eq (car-safe s) '\,@) (consp (cdr s)))
        (cons 2 (car (cdr s)))
      (let ((d (backquote--describe s depth)))
        (cons (if (eq (car d) 'bq-const) 0 1) (backquote--render d))))))

(defun backquote-delay-process (s level) "Return (LEVEL . FORM) for the list S whose head is kept as it is, its tail processed at LEVEL."
  (let ((head (car s))
        (tail (backquote-process (cdr s) level)))
    (if (= (car tail) 0)
        (cons 0 (list 'quote (cons head (eval (cdr tail)))))
      (cons 1 (list 'cons (list 'quote head) (cdr tail))))))

(defun backquote-listify (list old-tail) "Return a form building the list of the processed elements LIST, last element first, onto OLD-TAIL.
Each of LIST and OLD-TAIL is a (LEVEL . FORM) pair; constant elements at the end
fold into a constant tail."
  (let ((heads (reverse list))
        (tail-const (= (car old-tail) 0))
        (tail-value nil))
    (when tail-const
      (setq tail-value (eval (cdr old-tail)))
      ;; Fold the constant elements that end the list into the constant tail.
      (let ((rev list))
        (while (and rev (= (car (car rev)) 0))
          (setq tail-value (cons (eval (cdr (car rev))) tail-value)
                rev (cdr rev)))
        (setq heads (reverse rev))))
    (let ((tail-form (if tail-const
                         (list 'quote tail-value)
                       (cdr old-tail)))
          (forms (mapcar #'cdr heads)))
      (cond ((null forms) (if (and tail-const (null tail-value)) '(list) tail-form))
            ((and tail-const (null tail-value)) (cons 'list forms))
            ((null (cdr forms)) (list 'cons (car forms) tail-form))
            (t (cons 'backquote-list* (append forms (list tail-form))))))))

(defun backquote-list*-function (first &rest list) "Return FIRST and the other elements of LIST consed onto LIST's last element."
  (if (null list)
      first
    (let* ((all (reverse (cons first list)))
           (result (car all)))
      (setq all (cdr all))
      (while all
        (setq result (cons (car all) result)
              all (cdr all)))
      result)))

(defalias 'backquote-list*-macro (symbol-function 'backquote-list*))

(provide 'backquote)
