;;; map.el --- key/value map functions for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; Design notes.
;;
;; A "map" is an association list, a property list, a hash table or an
;; array (whose keys are the indices).  A list counts as a plist when its
;; first element is an atom, and as an alist otherwise.
;;
;; As in GNU Emacs the operations are generic functions, so that other
;; libraries can add map types.  The type-specific work is concentrated in
;; a few methods (`map-do', `map-elt', `map-put!', `map-copy', ...); the
;; rest is written in terms of them, so a new type that implements those
;; gets everything else for free.  A value nobody has a method for ends in
;; a `cl-no-applicable-method' error from one of the core generics, which
;; is also where GNU Emacs reports it.

(require 'seq)

(define-error 'map-not-inplace "Cannot modify map in-place")

(defun map--plist-p (map) "Return non-nil if MAP is a non-empty list to be read as a property list."
  (and (consp map) (not (consp (car map)))))

(defun map--wrong-type (map) "Signal that MAP is of a type the map functions do not handle."
  (error "Unsupported map type `%S': %S" (type-of map) map))

(defun map--index-p (array key) "Return non-nil if KEY is a valid index into ARRAY."
  (and (natnump key) (< key (length array))))

;;;; Traversal

(cl-defgeneric map-do (function map) "Call FUNCTION with each key and value of MAP, in order; return nil."
  (:method (function (table hash-table))
    (maphash function table))
  (:method (function (list list))
    (if (map--plist-p list)
        (while list
          (funcall function (car list) (car (cdr list)))
          (setq list (cdr (cdr list))))
      (dolist (entry list)
        (funcall function (car entry) (cdr entry))))
    nil)
  (:method (function (array array))
    (seq-do-indexed (lambda (value index) (funcall function index value))
                    array)))

(cl-defgeneric map-apply (function map) "Return the list of FUNCTION's values on the keys and values of MAP.
FUNCTION takes two arguments, a key and its value."
  (let ((collected nil))
    (map-do (lambda (key value) (push (funcall function key value) collected))
            map)
    (nreverse collected)))

(cl-defgeneric map-keys (map) "Return the keys of MAP, as a list."
  (map-apply (lambda (key _value) key) map))

(cl-defgeneric map-values (map) "Return the values of MAP, as a list."
  (:method ((array array)) (append array nil))
  (map-apply (lambda (_key value) value) map))

(cl-defgeneric map-pairs (map) "Return MAP's entries as an alist of (KEY . VALUE) pairs."
  (map-apply #'cons map))

(cl-defgeneric map-keys-apply (function map) "Return the list of FUNCTION's values on each key of MAP."
  (map-apply (lambda (key _value) (funcall function key)) map))

(cl-defgeneric map-values-apply (function map) "Return the list of FUNCTION's values on each value of MAP."
  (:method (function (array array)) (mapcar function array))
  (map-apply (lambda (_key value) (funcall function value)) map))

(cl-defgeneric map-filter (pred map) "Return an alist of the entries of MAP for which PRED holds.
PRED is called with a key and its value."
  (let ((kept nil))
    (map-do (lambda (k v)
              (if (funcall pred k v) (push (cons k v) kept)))
            map)
    (nreverse kept)))

(cl-defgeneric map-remove (pred map) "Return an alist of the entries of MAP for which PRED does not hold.
PRED is called with a key and its value."
  (map-filter (lambda (key value) (not (funcall pred key value))) map))

(cl-defgeneric map-some (pred map) "Return the first non-nil value of PRED on an entry of MAP, or nil.
PRED is called with a key and its value."
  (let ((tag (make-symbol "map-some")))
    (catch tag
      (map-do (lambda (k v)
                (let ((hit (funcall pred k v)))
                  (if hit (throw tag hit))))
              map)
      nil)))

(cl-defgeneric map-every-p (pred map) "Return non-nil if PRED holds for every entry of MAP.
PRED is called with a key and its value."
  (not (map-some (lambda (key value) (not (funcall pred key value))) map)))

;;;; Queries

(cl-defgeneric mapp (map) "Return non-nil if MAP is a map the `map-' functions can handle.
That is a list, a hash table or an array."
  (or (listp map) (hash-table-p map) (arrayp map)))

(cl-defgeneric map-elt (map key &optional default testfn) "Return the value MAP associates with KEY, or DEFAULT if it has none.
Alist keys are compared with TESTFN, `equal' if that is nil; plists use
`eq', hash tables their own test and arrays take integer indices."
  (cond
   ((map--plist-p map)
    (let ((tail (plist-member map key)))
      (if tail (car (cdr tail)) default)))
   ((listp map) (alist-get key map default nil (or testfn #'equal)))
   ((hash-table-p map) (gethash key map default))
   ((arrayp map) (if (map--index-p map key) (aref map key) default))
   (t (map--wrong-type map))))

(cl-defgeneric map-contains-key (map key &optional testfn) "Return non-nil if MAP has an entry for KEY.
TESTFN compares alist keys (default `equal').  For a plist the value is
the tail of MAP that starts at KEY."
  (:method ((list list) key &optional testfn)
    (if (map--plist-p list)
        (plist-member list key)
      (and (assoc key list (or testfn #'equal)) t)))
  (:method ((array array) key &optional _testfn)
    (map--index-p array key))
  (:method ((table hash-table) key &optional _testfn)
    (let ((absent (make-symbol "absent")))
      (not (eq (gethash key table absent) absent))))
  (let ((same (or testfn #'equal)))
    (map-some (lambda (k _v) (funcall same key k)) map)))

(defun map-nested-elt (map keys &optional default) "Follow the path KEYS through nested maps, starting at MAP.
Each key is looked up in the value found for the previous one.  Return
the final value, or DEFAULT if that is nil or the path leads through
something that is not a map."
  (let ((found (seq-reduce (lambda (inner key)
                             (and (mapp inner) (map-elt inner key)))
                           keys map)))
    (or found default)))

(cl-defgeneric map-length (map) "Return how many entries MAP has."
  (:method ((table hash-table)) (hash-table-count table))
  (:method ((list list))
    (if (map--plist-p list) (/ (length list) 2) (length list)))
  (:method ((array array)) (length array))
  (length (map-keys map)))

(cl-defgeneric map-empty-p (map) "Return non-nil if MAP has no entries."
  (:method ((list list)) (null list))
  (= (map-length map) 0))

(cl-defgeneric map-copy (map) "Return a copy of MAP that can be changed without changing MAP.
The copy is shallow: keys and values are shared."
  (:method ((list list))
    (if (map--plist-p list) (copy-sequence list) (copy-alist list)))
  (:method ((table hash-table)) (copy-hash-table table))
  (:method ((array array)) (copy-sequence array)))

;;;; Changing maps

(cl-defgeneric map-put! (map key value &optional testfn) "Make KEY's value in MAP be VALUE, changing MAP itself; return VALUE.
TESTFN compares alist keys (default `equal').  When the change cannot be
made in place, as for a key missing from an alist, signal
`map-not-inplace'."
  (cond
   ((map--plist-p map) (plist-put map key value) value)
   ((listp map)
    (let ((pair (assoc key map (or testfn #'equal))))
      (if pair
          (setcdr pair value)
        (signal 'map-not-inplace (list map)))))
   ((hash-table-p map) (puthash key value map))
   ((arrayp map) (aset map key value))
   (t (map--wrong-type map))))

(define-obsolete-function-alias 'map--put #'map-put! "27.1")

(cl-defgeneric map-insert (map key value) "Return a map like MAP but with KEY mapped to VALUE; MAP is not changed.
For lists the new entry is added in front, even when KEY is present."
  (:method ((list list) key value)
    (if (map--plist-p list)
        (cons key (cons value list))
      (cons (cons key value) list)))
  (let ((fresh (map-copy map)))
    (map-put! fresh key value)
    fresh))

(cl-defgeneric map-delete (map key) "Remove KEY's entry from MAP, changing it, and return the map.
Use the returned value: for a list whose first entry goes, that is a
tail of the old list.  In an array the element becomes nil."
  (:method ((list list) key)
    (if (map--plist-p list)
        (map--plist-drop list key)
      (let ((entry (assoc key list)))
        (if entry (delq entry list) list))))
  (:method ((table hash-table) key)
    (remhash key table)
    table)
  (:method ((array array) key)
    (if (map--index-p array key) (aset array key nil))
    array))

(defun map--plist-drop (plist key) "Destructively remove every KEY (compared with `eq') and its value from PLIST.
Return the resulting list."
  (let ((result plist)
        (prev nil)
        (here plist))
    (while here
      (let ((next (cdr (cdr here))))
        (cond
         ((not (eq (car here) key)) (setq prev here))
         (prev (setcdr (cdr prev) next))
         (t (setq result next)))
        (setq here next)))
    result))

(defmacro map-put (map key value &optional testfn) "Make KEY's value in MAP be VALUE and return VALUE.
MAP must be a place (as for `setf'); it is updated when the change cannot
be made in place.  Obsolete: use `map-put!' or `setf' of `map-elt'."
  (declare (obsolete "use map-put! or (setf (map-elt ...) ...) instead" "27.1"))
  `(setf (map-elt ,map ,key nil ,testfn) ,value))

;; `setf' of `map-elt': try to change the map in place, and otherwise store
;; an extended copy back into the place the map came from.
(gv-define-expander map-elt
  (lambda (do map key &optional default testfn)
    (gv-letplace (map-getter map-setter) map
      (macroexp-let2* nil ((k key) (d default) (test testfn))
        (funcall do
                 `(map-elt ,map-getter ,k ,d)
                 (lambda (stored)
                   (macroexp-let2 nil v stored
                     `(condition-case nil
                          (map-put! ,map-getter ,k ,v ,test)
                        (map-not-inplace
                         ,(funcall map-setter `(map-insert ,map-getter ,k ,v))
                         ,v)))))))))

;;;; Conversion and merging

(defun map--to-table (map table) "Copy the entries of MAP into the hash table TABLE and return TABLE."
  (map-do (lambda (key value) (puthash key value table)) map)
  table)

(cl-defgeneric map-into (map type) "Return the entries of MAP as a new map of TYPE.
TYPE is `list' or `alist', `plist', `hash-table' (which compares keys
with `equal') or (hash-table . ARGS) with ARGS for `make-hash-table'."
  (:method (map (_type (eql list))) (map-pairs map))
  (:method (map (_type (eql alist))) (map-pairs map))
  (:method (map (_type (eql plist)))
    (let ((flat nil))
      (map-do (lambda (key value) (setq flat (cons value (cons key flat)))) map)
      (nreverse flat)))
  (:method (map (_type (eql hash-table)))
    (map--to-table map (make-hash-table :size (map-length map) :test #'equal)))
  (:method (map (type (head hash-table)))
    (map--to-table map (apply #'make-hash-table (cdr type)))))

(defun map--merge (type maps combine) "Merge MAPS into a new map of TYPE.
COMBINE is called with a key's old and new value when the key is seen
again; nil means the new value wins."
  (if (memq type '(list alist plist))
      ;; Collect into a hash table: it keeps the order in which keys first
      ;; appear.  Plists compare keys with `eq', alists with `equal'.
      (let ((table (make-hash-table :test (if (eq type 'plist) #'eq #'equal)))
            (absent (make-symbol "absent")))
        (dolist (source maps)
          (map-do (lambda (k v)
                    (let ((old (gethash k table absent)))
                      (unless (or (null combine) (eq old absent))
                        (setq v (funcall combine old v)))
                      (puthash k v table)))
                  source))
        (map-into table type))
    (let ((result (map-into (car maps) type)))
      (dolist (source (cdr maps))
        (map-do (lambda (k v)
                  (when (and combine (map-contains-key result k))
                    (setq v (funcall combine (map-elt result k) v)))
                  (setf (map-elt result k) v))
                source))
      result)))

(defun map-merge (type &rest maps) "Return a new map of TYPE holding the entries of all MAPS.
When a key occurs more than once, the last value wins.  TYPE is as for
`map-into'."
  (map--merge type maps nil))

(defun map-merge-with (type function &rest maps) "Return a new map of TYPE holding the entries of all MAPS.
When a key occurs more than once, its value is FUNCTION applied to the
value so far and the new one.  TYPE is as for `map-into'."
  (map--merge type maps function))

;;;; Destructuring: `map-let' and the `map' pcase pattern

(defun map--key-and-pattern (spec) "Return (KEY-FORM . PATTERN) for one element SPEC of a `map-let' key list.
A symbol S looks up the key \\='S and binds S; a keyword :K looks up :K
and binds K; a list (KEY PATTERN) looks up the value of the form KEY."
  (cond
   ((consp spec) (cons (car spec) (car (cdr spec))))
   ((keywordp spec) (cons spec (intern (substring (symbol-name spec) 1))))
   (t (cons (list 'quote spec) spec))))

(defun map--lookup (key map) "Return KEY's value in MAP; the argument order suits pcase's `app'."
  (map-elt map key))

(defmacro map-let (keys map &rest body) "Evaluate BODY with variables bound to the values of keys in MAP.
Each element of KEYS is a symbol, bound to the value of the key of that
name; a keyword, whose name without the colon is bound to its value; or
\(KEY PATTERN), matching the value of the evaluated KEY against the pcase
PATTERN (usually just a variable)."
  (declare (indent 2)
           (debug ((&rest &or symbolp ([form symbolp])) form body)))
  (let ((source (make-symbol "map")))
    `(let ((,source ,map))
       (pcase-let* ,(mapcar (lambda (spec)
                              (let ((pair (map--key-and-pattern spec)))
                                (list (cdr pair)
                                      `(map-elt ,source ,(car pair)))))
                            keys)
         ,@body))))

(pcase-defmacro map (&rest args)
  "Match a map whose entries match ARGS.
ARGS are read as the KEYS of `map-let'; a missing key matches as nil."
  `(and (pred mapp)
        ,@(mapcar (lambda (spec)
                    (let ((pair (map--key-and-pattern spec)))
                      `(app (map--lookup ,(car pair)) ,(cdr pair))))
                  args)))

(provide 'map)
