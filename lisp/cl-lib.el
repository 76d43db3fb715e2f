;;; cl-lib.el --- Common Lisp compatibility library for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.
;; Requiring `cl-lib' loads this file's small list, number and symbol
;; functions and sets up autoloads for the macros (cl-macs, with
;; `cl-defstruct'), the sequence functions (cl-seq) and the rest
;; (cl-extra).  The struct class registry itself is preloaded, in
;; cl-preloaded.el.

;; The rest of the library is autoloaded, as GNU Emacs does it: the first
;; use of one of these names loads its file, whose feature only then
;; becomes present.  Macros get the autoload type t, as GNU's generated
;; autoloads give them.  Entries are (FILE MACROS FUNCTIONS).
(dolist (entry '(("cl-macs"
                   (cl-assert cl-block cl-callf cl-callf2 cl-case cl-check-type cl-defmacro
                    cl-defstruct cl-defsubst cl-deftype cl-defun cl-destructuring-bind cl-do
                    cl-do* cl-do-all-symbols cl-do-symbols cl-dolist cl-dotimes cl-ecase
                    cl-etypecase cl-eval-when cl-flet cl-flet* cl-function cl-iter-defun cl-labels cl-letf
                    cl-letf* cl-load-time-value cl-locally cl-loop cl-macrolet
                    cl-multiple-value-bind cl-multiple-value-setq cl-progv cl-psetf cl-psetq
                    cl-remf cl-return cl-return-from cl-rotatef cl-shiftf cl-symbol-macrolet
                    cl-tagbody cl-the cl-typecase)
                   (cl-gensym cl-gentemp cl-macs--assertion-failure cl-macs--each-interval
                    cl-macs--each-key-seq cl-macs--each-overlay cl-macs--plist-drop-after
                    cl-macs--progv-run))
                 ("cl-seq"
                   ()
                   (cl--adjoin cl--subst-keyed cl-assoc cl-assoc-if cl-assoc-if-not cl-count
                    cl-count-if cl-count-if-not cl-delete cl-delete-duplicates cl-delete-if
                    cl-delete-if-not cl-endp cl-fill cl-find cl-find-if cl-find-if-not
                    cl-intersection cl-member cl-member-if cl-member-if-not cl-merge cl-mismatch
                    cl-nintersection cl-nset-difference cl-nset-exclusive-or cl-nsublis cl-nsubst
                    cl-nsubst-if cl-nsubst-if-not cl-nsubstitute cl-nsubstitute-if
                    cl-nsubstitute-if-not cl-nunion cl-position cl-position-if cl-position-if-not
                    cl-rassoc cl-rassoc-if cl-rassoc-if-not cl-reduce cl-remove
                    cl-remove-duplicates cl-remove-if cl-remove-if-not cl-replace cl-search
                    cl-set-difference cl-set-exclusive-or cl-sort cl-stable-sort cl-sublis
                    cl-subsetp cl-subst-if cl-subst-if-not cl-substitute cl-substitute-if
                    cl-substitute-if-not cl-tree-equal cl-union))
                 ("cl-extra"
                   ()
                   (cl--do-remf cl--mapcar-many cl--set-getf cl-ceiling cl-coerce cl-concatenate
                    cl-equalp cl-every cl-float-limits cl-floor cl-gcd cl-get cl-getf cl-isqrt
                    cl-lcm cl-list-length cl-map cl-mapc cl-mapcan cl-mapcon cl-mapl cl-maplist
                    cl-mod cl-notany cl-notevery cl-nreconc cl-parse-integer cl-rem cl-remprop
                    cl-revappend cl-round cl-signum cl-some cl-subseq cl-tailp cl-truncate))))
  (let ((file (car entry)))
    (dolist (name (nth 1 entry)) (autoload name file nil nil t))
    (dolist (name (nth 2 entry)) (autoload name file))))

;;; List positions.

(defalias 'cl-first #'car)
(defalias 'cl-second #'cadr)
(defalias 'cl-rest #'cdr)
(defun cl-third (x) "Return element 2, counting from 0, of the list X." (nth 2 x))
(defun cl-fourth (x) "Return element 3, counting from 0, of the list X." (nth 3 x))
(defun cl-fifth (x) "Return element 4, counting from 0, of the list X." (nth 4 x))
(defun cl-sixth (x) "Return element 5, counting from 0, of the list X." (nth 5 x))
(defun cl-seventh (x) "Return element 6, counting from 0, of the list X." (nth 6 x))
(defun cl-eighth (x) "Return element 7, counting from 0, of the list X." (nth 7 x))
(defun cl-ninth (x) "Return element 8, counting from 0, of the list X." (nth 8 x))
(defun cl-tenth (x) "Return element 9, counting from 0, of the list X." (nth 9 x))

(defalias 'cl-caddr #'caddr)
(defalias 'cl-cdddr #'cdddr)
(defalias 'cl-cadar #'cadar)
(defalias 'cl-cddar #'cddar)
(defalias 'cl-caadr #'caadr)
(defalias 'cl-cdadr #'cdadr)
(defalias 'cl-caaar #'caaar)
(defalias 'cl-cdaar #'cdaar)
;; The four-level accessors, built from their names rather than listed.
(dolist (a '("a" "d"))
  (dolist (b '("a" "d"))
    (dolist (c '("a" "d"))
      (dolist (d '("a" "d"))
        (let ((name (concat "c" a b c d "r")))
          (defalias (intern (concat "cl-" name)) (intern name)))))))
(defalias 'cl-copy-seq #'copy-sequence)
(defalias 'cl-svref #'aref)
(defalias 'cl-floatp-safe #'floatp)

(defun cl-proclaim (_spec) "Declare SPEC globally; only the byte compiler heeds such declarations, so return nil."
  nil)

(defmacro cl-declaim (&rest specs) "Proclaim each of SPECS, as `cl-proclaim' does, when this form runs."
  `(progn ,@(mapcar (lambda (spec) `(cl-proclaim ',spec)) specs)))

;;; List construction and copying.

(defun cl-list* (arg &rest rest) "Cons ARG and all of REST but the last onto the last element of REST.
With no REST, return ARG itself; (cl-list* 1 2 \\='(3)) is (1 2 3)."
  (if rest
      (let ((copy (cons arg (copy-sequence rest))))
        ;; Splice the last argument in as the tail.
        (setcdr (last copy 2) (car (last copy)))
        copy)
    arg))

(defun cl-ldiff (list sublist) "Return a fresh list of the elements of LIST that come before SUBLIST.
If SUBLIST is not a tail of LIST, that is a copy of all of LIST."
  (let ((front nil))
    (catch 'cl--ldiff-done
      (while (consp list)
        (if (eq list sublist) (throw 'cl--ldiff-done nil))
        (push (pop list) front)))
    (nreverse front)))

(defun cl-copy-list (list) "Copy the conses of LIST, keeping a dotted list's final atom."
  (if (consp list)
      (let ((rev nil))
        (while (consp list) (push (pop list) rev))
        ;; REV's first cons becomes the copy's last: it takes the atom.
        (let ((last-cons rev))
          (prog1 (nreverse rev) (setcdr last-cons list))))
    (car list)))                        ; nil, or a wrong-type error

(defun cl-acons (key value alist) "Put a new association of KEY with VALUE at the front of ALIST."
  (cons (cons key value) alist))

(defun cl-pairlis (keys values &optional alist) "Associate each of KEYS with the corresponding one of VALUES.
The new pairs are put before ALIST; the shorter of KEYS and VALUES
decides how many there are."
  (nconc (cl-mapcar #'cons keys values) alist))

;;; Multiple values, which this library represents as lists.

(defalias 'cl-values #'list)

(defun cl-values-list (list) "Return LIST, as the multiple values it holds; LIST must be a list."
  (if (listp list) list (signal 'wrong-type-argument list)))

(defun cl-multiple-value-list (expression) "Return the list of values of EXPRESSION, which is that value itself."
  expression)

(defun cl-multiple-value-apply (function expression) "Call FUNCTION with the multiple values of EXPRESSION as its arguments."
  (apply function expression))

(defalias 'cl-multiple-value-call #'apply)
(defalias 'cl-nth-value #'nth)

;;; Numeric predicates and digits.

(defun cl-plusp (number) "Return t if NUMBER is above zero." (> number 0))
(defun cl-minusp (number) "Return t if NUMBER is below zero." (< number 0))
(defun cl-oddp (integer) "Return t if INTEGER is not divisible by two." (/= 0 (% integer 2)))
(defun cl-evenp (integer) "Return t if INTEGER is divisible by two." (= 0 (% integer 2)))

(defconst cl--digit-values
  (let ((digits (make-vector 256 nil)))
    (dotimes (v 36)
      (if (< v 10)
          (aset digits (+ ?0 v) v)
        ;; Letters count from 10, in either case.
        (aset digits (+ ?A v -10) v)
        (aset digits (+ ?a v -10) v)))
    digits)
  "The digit value of each character code below 256, nil for non-digits.")

(defun cl-digit-char-p (char &optional radix) "Return the value of CHAR as a digit in base RADIX (10 by default).
Return nil if CHAR is not such a digit.  RADIX must be from 2 to 36."
  (let ((base (or radix 10)))
    (unless (and (>= base 2) (<= base 36))
      (signal 'args-out-of-range (list 'radix radix '(2 36))))
    (let ((v (aref cl--digit-values char)))
      (and v (< v base) v))))

(defconst cl-float-epsilon nil "The smallest E for which 1.0 + E differs from 1.0; set by `cl-float-limits'.")
(defconst cl-most-positive-float nil "The largest float; nil until `cl-float-limits' has run.")
(defconst cl-least-negative-float nil "The float nearest zero below it; nil until `cl-float-limits' has run.")
(defconst cl-float-negative-epsilon nil "The smallest E for which 1.0 - E differs from 1.0; set by `cl-float-limits'.")
(defconst cl-least-positive-normalized-float nil "The smallest normalized float above zero; set by `cl-float-limits'.")
(defconst cl-most-negative-float nil "The most negative float; nil until `cl-float-limits' has run.")
(defconst cl-least-negative-normalized-float nil "The negative of `cl-least-positive-normalized-float'; set by `cl-float-limits'.")
(defconst cl-least-positive-float nil "The smallest float above zero; nil until `cl-float-limits' has run.")

;;; Counting, pushing, adjoining and substituting.

;; The common cases run here; keyword arguments and the rarer cases go to
;; helpers in cl-seq.el and cl-extra.el, which load when first needed.

(defun cl--step-place (place amount op by-one) "Code that stores OP of PLACE's value and AMOUNT back into PLACE.
With AMOUNT nil a variable gets BY-ONE of its value, other places OP with 1."
  (cond ((not (symbolp place)) `(cl-callf ,op ,place ,(or amount 1)))
        (amount `(setq ,place (,op ,place ,amount)))
        (t `(setq ,place (,by-one ,place)))))

(defmacro cl-incf (place &optional x) "Add X (default 1) to the number in PLACE, store the sum there and return it."
  (cl--step-place place x '+ '1+))

(defmacro cl-decf (place &optional x) "Subtract X (default 1) from the number in PLACE, store and return the result."
  (cl--step-place place x '- '1-))

(defmacro cl-pushnew (x place &rest keys) "Push X onto the list in PLACE unless it is already a member.
Membership is tested with `eql', or as KEYS (:test, :test-not, :key) say."
  (cond ((not (symbolp place)) `(cl-callf2 cl-adjoin ,x ,place ,@keys))
        (keys `(setq ,place (cl-adjoin ,x ,place ,@keys)))
        (t (macroexp-let2 nil var x
             ;; Already there: the place's value, with no warning for an
             ;; unused value; else the place with the element in front.
             (let ((found `(memql ,var ,place))
                   (push-it `(setq ,place (cons ,var ,place))))
               (list 'if found (list 'with-no-warnings place) push-it))))))

(defun cl-adjoin (item list &rest keys) "Return LIST with ITEM added in front, unless ITEM is already a member.
Membership is decided as by `cl-member'; with :key, the key of ITEM is
looked up.  Keywords: :test :test-not :key."
  (let ((test (and (eq (car keys) :test) (null (cddr keys)) (cadr keys))))
    (cond ((and keys (not (memq test '(eq equal))))
           (apply #'cl--adjoin item list keys))
          ((if (eq test 'equal) (member item list)
             (if test (memq item list) (memql item list)))
           list)
          (t (cons item list)))))

(defun cl--subst-eql (new old tree) "Return TREE with NEW for each subtree `eql' to OLD, sharing what is unchanged."
  (cond ((eql tree old) new)
        ((consp tree)
         (let ((head (cl--subst-eql new old (car tree)))
               (tail (cl--subst-eql new old (cdr tree))))
           (if (and (eq head (car tree)) (eq tail (cdr tree)))
               tree
             (cons head tail))))
        (t tree)))

(defun cl-subst (new old tree &rest keys) "Return a copy of TREE in which every subtree matching OLD is NEW.
TREE itself is not changed.  Keywords: :test :test-not :key."
  (if (or keys (floatp old))
      (apply #'cl--subst-keyed new old tree keys)
    (cl--subst-eql new old tree)))

(defun cl-mapcar (func seq &rest rest) "Call FUNC on the elements of SEQ, and of the REST sequences if any.
With several sequences FUNC gets one argument from each and the mapping
stops with the shortest.  Return the list of FUNC's values."
  (cond ((null rest) (mapcar func seq))
        ((and (null (cdr rest)) (listp seq) (listp (car rest)))
         ;; Two lists, the common case, are walked here.
         (let ((a seq) (b (car rest)) (out nil))
           (while (and a b)
             (push (funcall func (car a) (car b)) out)
             (setq a (cdr a) b (cdr b)))
           (nreverse out)))
        (t (cl--mapcar-many func (cons seq rest)))))

;;; Structures made by old compiled code.

;; Compiled files from before records were vectors whose slot 0 held the
;; symbol cl-struct-NAME.  With the mode on, `type-of' names such a vector's
;; structure type; the tag symbol then holds the class as its value and
;; `:quick-object-witness-check' as its function, which marks it as known.

(defun cl--old-struct-type-of (orig-fun object)
  "Give OBJECT's structure type when it is an old-style tagged vector, else call ORIG-FUN on it."
  (let ((tag (and (vectorp object) (> (length object) 0) (aref object 0))))
    (if (and tag (symbolp tag) (string-prefix-p "cl-struct-" (symbol-name tag)))
        (progn
          (unless (eq (symbol-function tag) :quick-object-witness-check)
            (set tag (cl--struct-get-class (intern (substring (symbol-name tag) 10))))
            (fset tag :quick-object-witness-check))
          (cl--class-name (symbol-value tag)))
      (funcall orig-fun object))))

(define-minor-mode cl-old-struct-compat-mode
  "Toggle `type-of' knowing the vectors that old compiled code used as structures.
Such a vector holds cl-struct-NAME in its first slot; with the mode on,
`type-of' gives NAME for it."
  :global t
  (if cl-old-struct-compat-mode
      (advice-add 'type-of :around #'cl--old-struct-type-of)
    (advice-remove 'type-of #'cl--old-struct-type-of)))


(provide 'cl-lib)
