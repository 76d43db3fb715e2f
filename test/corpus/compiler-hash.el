;;; compiler-hash.el --- gethash and puthash from compiled functions: the in-place paths and their edges

;; Helpers called many times, so that they run compiled.
(defun ch-get (k h) (gethash k h))
(defun ch-get-d (k h d) (gethash k h d))
(defun ch-put (k v h) (puthash k v h))
(defun ch-entries (h) (let ((acc nil)) (maphash (lambda (k v) (push (cons k v) acc)) h) (nreverse acc)))
(defun ch-fill (h keys) (let ((i 0)) (dolist (k keys) (puthash k i h) (setq i (1+ i)))) (hash-table-count h))

;; eq tables: symbols, fixnums, the same string object only.
(let ((h (make-hash-table :test 'eq)) (s "abc"))
  (ch-put 'a 1 h) (ch-put 7 2 h) (ch-put s 3 h)
  (list (ch-get 'a h) (ch-get 7 h) (ch-get s h) (ch-get (copy-sequence s) h) (ch-get-d 'zz h 'none)))
;; eql tables: floats and bignums compare by value, -0.0 apart from 0.0.
(let ((h (make-hash-table :test 'eql)))
  (ch-put 1.5 'f h) (ch-put (expt 2 70) 'big h) (ch-put 0.0 'zero h) (ch-put -0.0 'negzero h)
  (list (ch-get 1.5 h) (ch-get (* 1.0 1.5) h) (ch-get (expt 2 70) h) (ch-get 0.0 h) (ch-get -0.0 h)
        (ch-get 2 h) (hash-table-count h)))
;; equal tables: strings by contents, text properties ignored; conses and vectors by structure.
(let ((h (make-hash-table :test 'equal)))
  (ch-put "key" 1 h) (ch-put (propertize "pk" 'face 'bold) 2 h) (ch-put '(1 2) 3 h) (ch-put [a b] 4 h)
  (ch-put 2.5 5 h) (ch-put 'sym 6 h)
  (list (ch-get (concat "k" "ey") h) (ch-get "pk" h) (ch-get (list 1 2) h) (ch-get (vector 'a 'b) h)
        (ch-get 2.5 h) (ch-get 'sym h) (ch-get "KEY" h) (ch-get-d "nope" h 'dflt)))
;; Conses of two atoms under equal (looked up in place since evalperf17): by contents, a float
;; by its bits, a string by its characters; deeper conses and dotted pairs of lists as before.
(let ((h (make-hash-table :test 'equal)))
  (ch-put (cons 5 ?a) 1 h) (ch-put (cons 'x "s") 2 h) (ch-put (cons 1.5 -0.0) 3 h) (ch-put '(1 2) 4 h)
  (ch-put (cons (list 1) 2) 5 h) (ch-put (cons 5 ?a) 6 h) (ch-put (cons nil nil) 7 h)
  (list (ch-get (cons 5 ?a) h) (ch-get (cons 'x (concat "s")) h) (ch-get (cons 1.5 -0.0) h)
        (ch-get (cons 1.5 0.0) h) (ch-get (list 1 2) h) (ch-get (cons (list 1) 2) h) (ch-get (list nil) h)
        (ch-get-d (cons 5 ?b) h 'none) (ch-get (cons 'x (propertize "s" 'face 'bold)) h)
        (hash-table-count h) (ch-entries h)))
;; Many cons keys through the compiled paths, growing the table.
(let ((h (make-hash-table :test 'equal)) (n 0))
  (dotimes (i 300) (ch-put (cons (% i 7) (% i 11)) i h))
  (dotimes (i 77) (when (ch-get (cons (% i 7) (% i 11)) h) (setq n (1+ n))))
  (list n (hash-table-count h) (ch-get (cons 3 4) h) (ch-get-d (cons 8 0) h 'no)))
;; Multibyte and unibyte strings: equal only when their characters agree.
(let ((h (make-hash-table :test 'equal)))
  (ch-put "é" 'multi h) (ch-put (string-to-unibyte "abc") 'uni h)
  (list (ch-get (string ?é) h) (ch-get "abc" h) (ch-get (string-to-multibyte "abc") h) (hash-table-count h)))
;; Replacing a value keeps the count; a new key adds one.
(let ((h (make-hash-table :test 'equal)))
  (list (ch-put "a" 1 h) (ch-put "a" 2 h) (hash-table-count h) (ch-put "b" 3 h) (hash-table-count h) (ch-get "a" h)))
;; A small table grows as keys come; the entries keep their order.
(let ((h (make-hash-table :test 'equal :size 2)))
  (list (ch-fill h (mapcar #'number-to-string (number-sequence 1 40)))
        (ch-get "17" h) (length (ch-entries h)) (car (ch-entries h)) (car (last (ch-entries h)))))
(let ((h (make-hash-table :test 'eq :size 1)))
  (list (ch-fill h '(a b c d e f g h i j k l m n o p)) (ch-get 'p h) (mapcar #'car (ch-entries h))))
;; remhash then puthash: the freed slot is reused, as the entry order shows.
(let ((h (make-hash-table :test 'eq)))
  (ch-fill h '(a b c d))
  (remhash 'b h)
  (ch-put 'e 9 h)
  (ch-entries h))
;; Weak tables look up the same way.
(let ((h (make-hash-table :test 'equal :weakness 'key)))
  (ch-put "w" 1 h)
  (list (ch-get "w" h) (hash-table-weakness h)))
;; Not a table: the primitive's error, from compiled code too.
(condition-case err (ch-get 'k 'not-a-table) (error err))
(condition-case err (ch-put 'k 1 [1 2]) (error err))
(condition-case err (ch-get-d 'k nil 0) (error err))
;; A table with a test of its own calls its functions.
(progn
  (defvar ch-calls 0)
  (define-hash-table-test 'ch-ci
    (lambda (a b) (setq ch-calls (1+ ch-calls)) (string= (downcase a) (downcase b)))
    (lambda (k) (setq ch-calls (1+ ch-calls)) (sxhash-equal (downcase k))))
  t)
(let ((h (make-hash-table :test 'ch-ci)))
  (setq ch-calls 0)
  (ch-put "Hello" 1 h) (ch-put "HELLO" 2 h)
  (list (ch-get "hello" h) (hash-table-count h) (> ch-calls 2)))
;; Advice on gethash is seen at the next call.
(let ((h (make-hash-table)) (log nil))
  (ch-put 'x 1 h)
  (let ((spy (lambda (f &rest args)
               (when (eq (nth 1 args) h) (push (car args) log))
               (if (eq (car args) 'y) 'advised (apply f args)))))
    (advice-add 'gethash :around spy)
    (unwind-protect (list (ch-get 'x h) (ch-get 'y h) (ch-get-d 'z h 0))
      (advice-remove 'gethash spy)))
  (list (ch-get 'x h) (ch-get 'y h) (nreverse log)))
;; Redefined: the new definition from the next call on.
(let ((h (make-hash-table)) (old (symbol-function 'gethash)))
  (ch-put 'x 1 h)
  (unwind-protect
      (progn (fset 'gethash (lambda (_k _h &optional _d) 'redefined))
             (ch-get 'x h))
    (fset 'gethash old)))
(let ((h (make-hash-table))) (ch-put 'x 1 h) (ch-get 'x h))
;; Many keys through the compiled paths, counted.
(let ((h (make-hash-table :test 'equal)) (total 0))
  (dotimes (i 3000) (let ((k (format "w%d" (% (* i 7) 1001)))) (ch-put k (1+ (ch-get-d k h 0)) h)))
  (maphash (lambda (_k v) (setq total (+ total v))) h)
  (list total (hash-table-count h) (ch-get "w0" h) (ch-get "w1000" h)))
;; Generic functions dispatch through their cache as before.
(progn
  (cl-defgeneric ch-gen (x) "Doc." (list 'default x))
  (cl-defmethod ch-gen ((x integer)) (list 'int x (cl-call-next-method)))
  (cl-defmethod ch-gen ((x string)) (list 'str x))
  (list (ch-gen 1) (ch-gen "s") (ch-gen 'sym) (ch-gen 2)))
(progn
  (cl-defmethod ch-gen ((x symbol)) (list 'symbol x))
  (list (ch-gen 'sym) (ch-gen nil) (ch-gen 3)))
(condition-case err (ch-gen) (error err))
(progn
  (cl-defgeneric ch-gen0 (a b) "No specializers." (list a b))
  (list (ch-gen0 1 2) (ch-gen0 'x 'y)))
(condition-case err (ch-gen0 1) (error (car err)))
(progn
  (cl-defgeneric ch-gen2 (a b) "Two positions.")
  (cl-defmethod ch-gen2 ((a integer) (b (eql 5))) (list 'int-five a b))
  (cl-defmethod ch-gen2 ((a integer) b) (list 'int a b))
  (cl-defmethod ch-gen2 (a b) (list 'any a b))
  (list (ch-gen2 1 5) (ch-gen2 1 6) (ch-gen2 "s" 5) (ch-gen2 2 5)))
(condition-case err (ch-gen2 1) (error err))
;; A generic nothing specializes is its effective method itself, as in GNU: its arity is the
;; method's and a call makes no frame of a dispatcher.
(func-arity 'ch-gen0)
(progn
  (cl-defgeneric ch-g6 (x) "Default only."
    (let ((fs nil))
      (mapbacktrace (lambda (_evald fn _args _flags)
                      (when (memq fn '(ch-g6 apply funcall)) (push fn fs))))
      (list x (nreverse fs))))
  (list (ch-g6 5) (func-arity 'ch-g6)))
(progn
  (cl-defgeneric ch-g7 (x &optional y) "Optional." (list x y))
  (cl-defgeneric ch-g8 (x))
  (list (func-arity 'ch-g7) (ch-g7 1) (ch-g7 1 2) (condition-case e (ch-g8 1) (error e)) (func-arity 'ch-g8)))
(progn
  (cl-defgeneric ch-g9 (x) "Next methods." (list 'base x))
  (cl-defmethod ch-g9 :around (x) (list 'around (cl-call-next-method) (cl-next-method-p)))
  (list (ch-g9 1) (func-arity 'ch-g9)))
(progn
  (cl-defmethod ch-g9 ((x integer)) (list 'int x))
  (list (ch-g9 1) (ch-g9 'a)))
