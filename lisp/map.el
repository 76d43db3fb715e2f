;;; map.el --- map manipulation functions  -*- lexical-binding: t -*-

;; Written for tsmacs.  The `map-' functions of GNU Emacs 28 over alists,
;; plists, hash tables and arrays.  A list whose first element is an atom
;; is a plist; any other list is an alist.  GNU makes most of these generic
;; functions; here they dispatch on the built-in map types directly.

(require 'seq)

(define-error 'map-not-inplace "Cannot modify map in-place")

(unless (get 'cl-no-applicable-method 'error-conditions)
  (define-error 'cl-no-method "No method")
  (define-error 'cl-no-applicable-method "No applicable method" 'cl-no-method))

(defun map--plist-p (list)
  "Non-nil if LIST is to be treated as a plist."
  (and (consp list) (atom (car list))))

(defun map--unsupported (map)
  (error "Unsupported map type `%S': %S" (type-of map) map))

(defun map--no-method (name &rest args)
  (signal 'cl-no-applicable-method (cons name args)))

(defun mapp (map)
  "Return non-nil if MAP is a map (alist/plist, hash-table, array, ...)."
  (or (listp map) (hash-table-p map) (arrayp map)))

;;; Lookup

(defun map-elt (map key &optional default testfn)
  "Look up KEY in MAP and return its associated value, or DEFAULT.
Alist keys are compared with TESTFN or `equal', plist keys with `eq',
hash-table keys with the table's test."
  (cond
   ((listp map)
    (if (map--plist-p map)
        (let ((cell (plist-member map key)))
          (if cell (car (cdr cell)) default))
      (alist-get key map default nil (or testfn #'equal))))
   ((hash-table-p map) (gethash key map default))
   ((arrayp map) (if (map-contains-key map key) (aref map key) default))
   (t (map--unsupported map))))

(defun map-contains-key (map key &optional testfn)
  "Return non-nil if MAP contains KEY.
For a plist this is the tail of MAP that starts with KEY."
  (cond
   ((listp map)
    (if (map--plist-p map)
        (plist-member map key)
      (let ((missing (list nil)))
        (not (eq missing (alist-get key map missing nil (or testfn #'equal)))))))
   ((hash-table-p map)
    (let ((missing (list nil)))
      (not (eq missing (gethash key map missing)))))
   ((arrayp map) (and (natnump key) (< key (length map))))
   (t (let ((test (or testfn #'equal)))
        (map-some (lambda (k _v) (funcall test key k)) map)))))

(defun map-nested-elt (map keys &optional default)
  "Follow KEYS down the nested maps in MAP; return the value or DEFAULT if nil."
  (or (seq-reduce (lambda (acc key) (if (mapp acc) (map-elt acc key)))
                  keys map)
      default))

;;; Iteration

(defun map-do (function map)
  "Call FUNCTION with each key and value of MAP; return nil."
  (cond
   ((listp map)
    (if (map--plist-p map)
        (while map
          (let ((k (car map)))
            (setq map (cdr map))
            (let ((v (car map)))
              (setq map (cdr map))
              (funcall function k v))))
      (mapc (lambda (pair) (funcall function (car pair) (cdr pair))) map))
    nil)
   ((hash-table-p map) (maphash function map))
   ((arrayp map)
    (let ((i 0))
      (mapc (lambda (e) (funcall function i e) (setq i (1+ i))) map))
    nil)
   (t (map--no-method 'map-do function map))))

(defun map-apply (function map)
  "Return the list of FUNCTION's results on each key and value of MAP."
  (cond
   ((and (listp map) (not (map--plist-p map)))
    (mapcar (lambda (pair) (funcall function (car pair) (cdr pair))) map))
   ((arrayp map)
    (let ((i -1))
      (mapcar (lambda (e) (setq i (1+ i)) (funcall function i e)) map)))
   ((or (listp map) (hash-table-p map))
    (let ((out nil))
      (map-do (lambda (k v) (setq out (cons (funcall function k v) out))) map)
      (nreverse out)))
   (t (map--no-method 'map-do (lambda (k v) (ignore k v)) map))))

(defun map-keys (map)
  "Return the list of keys in MAP."
  (map-apply (lambda (key _value) key) map))

(defun map-values (map)
  "Return the list of values in MAP."
  (if (arrayp map)
      (append map nil)
    (map-apply (lambda (_key value) value) map)))

(defun map-pairs (map)
  "Return the key/value pairs of MAP as an alist."
  (map-apply #'cons map))

(defun map-keys-apply (function map)
  "Return the results of FUNCTION on each key of MAP."
  (map-apply (lambda (key _value) (funcall function key)) map))

(defun map-values-apply (function map)
  "Return the results of FUNCTION on each value of MAP."
  (if (arrayp map)
      (mapcar function map)
    (map-apply (lambda (_key value) (funcall function value)) map)))

(defun map-filter (pred map)
  "Return an alist of the key/value pairs of MAP for which (PRED KEY VALUE) is non-nil."
  (delq nil (map-apply (lambda (k v) (and (funcall pred k v) (cons k v))) map)))

(defun map-remove (pred map)
  "Return an alist of the key/value pairs of MAP for which (PRED KEY VALUE) is nil."
  (map-filter (lambda (k v) (not (funcall pred k v))) map))

(defun map-some (pred map)
  "Return the first non-nil value of (PRED KEY VALUE) over MAP, or nil."
  (catch 'map--break
    (map-do (lambda (k v)
              (let ((r (funcall pred k v)))
                (if r (throw 'map--break r))))
            map)
    nil))

(defun map-every-p (pred map)
  "Return non-nil if (PRED KEY VALUE) is non-nil for every pair of MAP."
  (catch 'map--break
    (map-do (lambda (k v) (or (funcall pred k v) (throw 'map--break nil))) map)
    t))

;;; Size and copies

(defun map-length (map)
  "Return the number of key/value pairs in MAP."
  (cond
   ((hash-table-p map) (hash-table-count map))
   ((listp map) (if (map--plist-p map) (/ (length map) 2) (length map)))
   ((arrayp map) (length map))
   (t (let ((n 0)) (map-do (lambda (_k _v) (setq n (1+ n))) map) n))))

(defun map-empty-p (map)
  "Return non-nil if MAP is empty."
  (if (listp map) (null map) (zerop (map-length map))))

(defun map-copy (map)
  "Return a copy of MAP."
  (cond
   ((listp map) (if (map--plist-p map) (copy-sequence map) (copy-alist map)))
   ((hash-table-p map) (copy-hash-table map))
   ((arrayp map) (copy-sequence map))
   (t (map--no-method 'map-copy map))))

;;; Modification

(defun map-put! (map key value &optional testfn)
  "Associate KEY with VALUE in MAP, modifying MAP in place; return VALUE.
Signal `map-not-inplace' when MAP cannot be changed in place."
  (cond
   ((listp map)
    (if (map--plist-p map)
        (plist-put map key value)
      (let ((cell (assoc key map (or testfn #'equal))))
        (if cell
            (setcdr cell value)
          (signal 'map-not-inplace (list map)))))
    value)
   ((hash-table-p map) (puthash key value map))
   ((arrayp map) (aset map key value))
   (t (map--unsupported map))))

(defalias 'map--put #'map-put!)

(defun map-insert (map key value)
  "Return a new map like MAP but with KEY associated with VALUE; MAP is unchanged."
  (if (listp map)
      (if (map--plist-p map)
          (cons key (cons value map))
        (cons (cons key value) map))
    (let ((copy (map-copy map)))
      (map-put! copy key value)
      copy)))

(defun map--plist-remove (map key)
  "Remove every KEY (compared with `eq') from the plist MAP; return it."
  (let ((tail map) (prev nil))
    (while (consp tail)
      (if (not (eq key (car tail)))
          (progn (setq prev tail) (setq tail (cdr (cdr tail))))
        (setq tail (cdr (cdr tail)))
        (if prev
            (setcdr (cdr prev) tail)
          (setq map tail))))
    map))

(defun map-delete (map key)
  "Delete KEY in place from MAP and return MAP.
For lists the result must be used: deleting the first entry returns
the rest of the list."
  (cond
   ((listp map)
    (if (map--plist-p map)
        (map--plist-remove map key)
      (let ((cell (assoc key map #'equal)))
        (if cell (delq cell map) map))))
   ((hash-table-p map) (remhash key map) map)
   ((arrayp map) (if (map-contains-key map key) (aset map key nil)) map)
   (t (map--no-method 'map-delete map key))))

(defmacro map-put (map key value &optional testfn)
  "Associate KEY with VALUE in MAP and return VALUE (obsolete).
MAP must be a variable or a `setf'-able place."
  (if (symbolp map)
      (let ((k (make-symbol "key")) (v (make-symbol "v")))
        (list 'let (list (list k key) (list v value))
              (list 'condition-case nil
                    (list 'map-put! map k v testfn)
                    (list 'map-not-inplace
                          (list 'setq map (list 'map-insert map k v))
                          v))))
    (list 'setf (list 'map-elt map key nil testfn) value)))

;;; Conversion and merging

(defun map--into-hash (map args)
  (let ((table (apply #'make-hash-table args)))
    (map-do (lambda (k v) (puthash k v table)) map)
    table))

(defun map-into (map type)
  "Convert MAP into a map of TYPE: `list', `alist', `plist', `hash-table'
or (hash-table . MAKE-HASH-TABLE-ARGS)."
  (cond
   ((memq type '(list alist)) (map-pairs map))
   ((eq type 'plist)
    (let ((out nil))
      (map-do (lambda (k v) (setq out (cons v (cons k out)))) map)
      (nreverse out)))
   ((eq type 'hash-table)
    (map--into-hash map (list :size (map-length map) :test #'equal)))
   ((eq (car-safe type) 'hash-table) (map--into-hash map (cdr type)))
   (t (map--no-method 'map-into map type))))

(defun map--merge (merge type maps)
  "Merge MAPS into a map of TYPE, combining each pair with MERGE."
  (let* ((listy (memq type '(list alist plist)))
         (result (map-into (car maps)
                           (cond ((eq type 'plist) '(hash-table :test eq))
                                 (listy '(hash-table :test equal))
                                 (t type)))))
    (dolist (m (cdr maps))
      (map-do (lambda (k v) (setq result (funcall merge result k v))) m))
    (if listy (map-into result type) result)))

(defun map--set (map key value)
  "Set KEY to VALUE in MAP, in place when possible; return the map."
  (condition-case nil
      (progn (map-put! map key value) map)
    (map-not-inplace (map-insert map key value))))

(defun map-merge (type &rest maps)
  "Merge the key/value pairs of MAPS into a new map of TYPE."
  (map--merge #'map--set type maps))

(defun map-merge-with (type function &rest maps)
  "Merge MAPS into a new map of TYPE, combining the values of duplicate
keys with FUNCTION."
  (let ((missing (list nil)))
    (map--merge (lambda (result k v)
                  (let ((old (map-elt result k missing)))
                    (map--set result k (if (eql old missing) v
                                         (funcall function old v)))))
                type maps)))

;;; Destructuring

(defun map--binding-pairs (keys mapvar)
  "(VAR . FORM) pairs binding the entries of KEYS from the map in MAPVAR."
  (let ((out nil))
    (dolist (elt keys)
      (cond
       ((consp elt)
        (let ((pat (car (cdr elt))))
          (if (eq (car-safe pat) 'map)
              (let ((tmp (make-symbol "map")))
                (setq out (cons (cons tmp (list 'map-elt mapvar (car elt))) out))
                (setq out (append (reverse (map--binding-pairs (cdr pat) tmp)) out)))
            (setq out (cons (cons pat (list 'map-elt mapvar (car elt))) out)))))
       ((keywordp elt)
        (setq out (cons (cons (intern (substring (symbol-name elt) 1))
                              (list 'map-elt mapvar elt))
                        out)))
       (t (setq out (cons (cons elt (list 'map-elt mapvar (list 'quote elt))) out)))))
    (nreverse out)))

(defmacro map-let (keys map &rest body)
  "Bind the variables in KEYS to the elements of MAP, then evaluate BODY.
KEYS is a list of symbols, each bound to the value of the key of that
name, or of (KEY VARNAME) pairs where KEY is evaluated."
  (declare (indent 2))
  (let ((tmp (make-symbol "map")))
    (cons 'let*
          (cons (cons (list tmp map)
                      (mapcar (lambda (p) (list (car p) (cdr p)))
                              (map--binding-pairs keys tmp)))
                body))))

(defun map--elt-of (key map)
  "(map-elt MAP KEY), with arguments in the order pcase's `app' gives them."
  (map-elt map key))

(defun map--make-pcase-bindings (args)
  (mapcar (lambda (elt)
            (cond ((consp elt) (list 'app (list 'map--elt-of (car elt)) (car (cdr elt))))
                  ((keywordp elt)
                   (list 'app (list 'map--elt-of elt)
                         (intern (substring (symbol-name elt) 1))))
                  (t (list 'app (list 'map--elt-of (list 'quote elt)) elt))))
          args))

(defun map--pcase-expand (&rest args)
  "Expand the pcase pattern (map ARGS...)."
  (cons 'and (cons '(pred mapp) (map--make-pcase-bindings args))))

(if (fboundp 'pcase-defmacro)
    (eval '(pcase-defmacro map (&rest args)
             "Match a map whose entries match ARGS."
             (apply #'map--pcase-expand args))
          t)
  (defalias 'map--pcase-macroexpander #'map--pcase-expand)
  (put 'map 'pcase-macroexpander #'map--pcase-macroexpander))

;; `setf' on `map-elt': change the map in place, or store a new map in the
;; place holding it when that is impossible.
(when (fboundp 'gv-define-expander)
  (eval '(gv-define-expander map-elt
           (lambda (do map key &optional default testfn)
             (gv-letplace (getter setter) map
               (macroexp-let2* nil ((k key) (d default) (tf testfn))
                 (funcall do (list 'map-elt getter k d)
                          (lambda (v)
                            (macroexp-let2 nil v v
                              (list 'condition-case nil
                                    (list 'map-put! getter k v tf)
                                    (list 'map-not-inplace
                                          (funcall setter (list 'map-insert getter k v))
                                          v)))))))))
        t))

(provide 'map)

;;; map.el ends here
