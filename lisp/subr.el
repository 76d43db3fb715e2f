;;; subr.el --- basic Lisp macros and functions  -*- lexical-binding: t -*-

;; Written for tsmacs, following the documented behaviour of GNU Emacs 28's
;; subr.el.

(defmacro lambda (&rest cdr)
  "Return an anonymous function: (lambda ARGS [DOCSTRING] BODY...)."
  (list 'function (cons 'lambda cdr)))

(defmacro when (cond &rest body)
  "If COND yields non-nil, do BODY, else return nil."
  (list 'if cond (cons 'progn body)))

(defmacro unless (cond &rest body)
  "If COND yields nil, do BODY, else return nil."
  (cons 'if (cons cond (cons nil body))))

(defmacro prog2 (form1 form2 &rest body)
  "Eval FORM1, FORM2 and BODY sequentially; return value from FORM2."
  `(progn ,form1 (prog1 ,form2 ,@body)))

(defmacro setq-default (&rest args)
  "Set the default value of each variable to the value of its form."
  (let ((exps nil))
    (while args
      (setq exps (cons `(set-default ',(car args) ,(car (cdr args))) exps))
      (setq args (cdr (cdr args))))
    `(progn . ,(nreverse exps))))

;; push and pop for variables; gv.el (preloaded later) redefines both to
;; accept any generalized place, with the same expansions for variables.
(defmacro push (newelt place)
  "Add NEWELT to the list stored in the variable PLACE."
  (list 'setq place (list 'cons newelt place)))

(defmacro pop (place)
  "Return the first element of PLACE's value, and remove it from the list."
  (list 'car-safe (list 'prog1 place (list 'setq place (list 'cdr place)))))

(defmacro dolist (spec &rest body)
  "Loop over a list: (dolist (VAR LIST [RESULT]) BODY...)."
  (let ((tail (make-symbol "tail")))
    (setq tail '--dolist-tail--)
    `(let ((,tail ,(nth 1 spec)))
       (while ,tail
         (let ((,(car spec) (car ,tail)))
           ,@body
           (setq ,tail (cdr ,tail))))
       ,@(cdr (cdr spec)))))

(defmacro dotimes (spec &rest body)
  "Loop a certain number of times: (dotimes (VAR COUNT [RESULT]) BODY...)."
  (let ((counter '--dotimes-counter--)
        (limit '--dotimes-limit--))
    `(let ((,limit ,(nth 1 spec))
           (,counter 0))
       (while (< ,counter ,limit)
         (let ((,(car spec) ,counter))
           ,@body)
         (setq ,counter (1+ ,counter)))
       ,@(if (cdr (cdr spec))
             `((let ((,(car spec) ,counter)) ,@(cdr (cdr spec))))))))

(defalias 'not #'null)

(defun caar (x) "Return the car of the car of X." (car (car x)))
(defun cadr (x) "Return the car of the cdr of X." (car (cdr x)))
(defun cdar (x) "Return the cdr of the car of X." (cdr (car x)))
(defun cddr (x) "Return the cdr of the cdr of X." (cdr (cdr x)))
(defun caddr (x) "Return the car of the cddr of X." (car (cdr (cdr x))))
(defun cdddr (x) "Return the cdr of the cddr of X." (cdr (cdr (cdr x))))
(defun cadar (x) "Return the car of the cdar of X." (car (cdr (car x))))
(defun cddar (x) "Return the cdr of the cdar of X." (cdr (cdr (car x))))
(defun caadr (x) "Return the car of the cadr of X." (car (car (cdr x))))
(defun cdadr (x) "Return the cdr of the cadr of X." (cdr (car (cdr x))))

(defun ignore (&rest _arguments)
  "Ignore ARGUMENTS, do nothing, and return nil."
  nil)

(defun always (&rest _arguments)
  "Ignore ARGUMENTS, do nothing, and return t."
  t)

;; `error' and `user-error' are primitives here (eval.ts), as GNU's natively
;; compiled ones appear: no frame of their own between the caller and `signal'.

(defun define-error (name message &optional parent)
  "Define NAME as a new error signal with MESSAGE and PARENT conditions."
  (or parent (setq parent 'error))
  (let ((conditions
         (if (consp parent)
             (apply #'append
                    (mapcar (lambda (parent)
                              (cons parent
                                    (or (get parent 'error-conditions)
                                        (error "Unknown signal `%s'" parent))))
                            parent))
           (cons parent (get parent 'error-conditions)))))
    (put name 'error-conditions (delete-dups (copy-sequence (cons name conditions))))
    (when message (put name 'error-message message))))

(defmacro ignore-errors (&rest body)
  "Execute BODY; if an error occurs, return nil."
  `(condition-case nil (progn ,@body) (error nil)))

(defmacro ignore-error (condition &rest body)
  "Execute BODY; if the error CONDITION occurs, return nil."
  `(condition-case nil (progn ,@body) (,condition nil)))

(defmacro condition-case-unless-debug (var bodyform &rest handlers)
  "Like `condition-case' except that it does not prevent debugging."
  `(condition-case ,var ,bodyform ,@handlers))

(defmacro with-demoted-errors (format &rest body)
  "Run BODY and demote any errors to simple messages."
  (let ((err (make-symbol "err")))
    `(condition-case ,err
         (progn ,@body)
       (error (message ,format ,err) nil))))

(defun last (list &optional n)
  "Return the last link of LIST.  With N, the last N links."
  (if n
      (and (>= n 0)
           (let ((m (safe-length list)))
             (if (< n m) (nthcdr (- m n) list) list)))
    (and list (nthcdr (1- (safe-length list)) list))))

(defun butlast (list &optional n)
  "Return a copy of LIST with the last N elements removed."
  (if (and n (<= n 0)) list
    (let ((m (length list)))
      (take-first list (- m (or n 1))))))

(defun take-first (list n)
  "The first N elements of LIST, as a new list."
  (let ((r nil))
    (while (and list (> n 0))
      (setq r (cons (car list) r) list (cdr list) n (1- n)))
    (nreverse r)))

(defun nbutlast (list &optional n)
  "Modify LIST to remove the last N elements."
  (let ((m (length list)))
    (or n (setq n 1))
    (and (< n m)
         (progn
           (if (> n 0) (setcdr (nthcdr (- (1- m) n) list) nil))
           list))))

(defun number-sequence (from &optional to inc)
  "Return a sequence of numbers from FROM to TO with increments INC."
  (if (or (not to) (= from to))
      (list from)
    (or inc (setq inc 1))
    (when (zerop inc) (signal 'args-out-of-range (list from to inc)))
    (let (seq (n 0) (next from))
      (if (> inc 0)
          (while (<= next to)
            (setq seq (cons next seq)
                  n (1+ n)
                  next (+ from (* n inc))))
        (while (>= next to)
          (setq seq (cons next seq)
                n (1+ n)
                next (+ from (* n inc)))))
      (nreverse seq))))

(defun delete-dups (list)
  "Destructively remove `equal' duplicates from LIST."
  (let ((tail list))
    (while tail
      (setcdr tail (delete (car tail) (cdr tail)))
      (setq tail (cdr tail))))
  list)

(defun remove (elt seq)
  "Return a copy of SEQ with all occurrences of ELT removed (compared with `equal')."
  (delete elt (copy-sequence seq)))

(defun remq (elt list)
  "Return LIST with all occurrences of ELT removed (compared with `eq')."
  (while (and (eq elt (car list)) (setq list (cdr list))))
  (if (memq elt list)
      (delq elt (copy-sequence list))
    list))

(defun copy-tree (tree &optional vecp)
  "Make a copy of TREE, recursively copying conses (and vectors with VECP)."
  (if (consp tree)
      (let (result)
        (while (consp tree)
          (let ((newcar (car tree)))
            (if (or (consp (car tree)) (and vecp (vectorp (car tree))))
                (setq newcar (copy-tree (car tree) vecp)))
            (push newcar result))
          (setq tree (cdr tree)))
        (nconc (nreverse result)
               (if (and vecp (vectorp tree)) (copy-tree tree vecp) tree)))
    (if (and vecp (vectorp tree))
        (let ((i (length (setq tree (copy-sequence tree)))))
          (while (>= (setq i (1- i)) 0)
            (aset tree i (copy-tree (aref tree i) vecp)))
          tree)
      tree)))

(defun zerop (number)
  "Return t if NUMBER is zero."
  (= 0 number))

(defun xor (cond1 cond2)
  "Return the boolean exclusive-or of COND1 and COND2."
  (cond ((not cond1) cond2)
        ((not cond2) cond1)))

(defun string-prefix-p (prefix string &optional ignore-case)
  "Return non-nil if PREFIX is a prefix of STRING."
  (let ((prefix-length (length prefix)))
    (if (> prefix-length (length string)) nil
      (eq t (compare-strings prefix 0 prefix-length string
                             0 prefix-length ignore-case)))))

(defun string-suffix-p (suffix string &optional ignore-case)
  "Return non-nil if SUFFIX is a suffix of STRING."
  (let ((start-pos (- (length string) (length suffix))))
    (and (>= start-pos 0)
         (eq t (compare-strings suffix nil nil
                                string start-pos nil ignore-case)))))

(defun add-to-list (list-var element &optional append compare-fn)
  "Add ELEMENT to the value of LIST-VAR if it isn't there yet."
  (if (cond
       ((null compare-fn) (member element (symbol-value list-var)))
       ((eq compare-fn #'eq) (memq element (symbol-value list-var)))
       ((eq compare-fn #'eql) (memql element (symbol-value list-var)))
       (t (let ((lst (symbol-value list-var)))
            (while (and lst (not (funcall compare-fn element (car lst))))
              (setq lst (cdr lst)))
            lst)))
      (symbol-value list-var)
    (set list-var
         (if append
             (append (symbol-value list-var) (list element))
           (cons element (symbol-value list-var))))))

(defun add-hook (hook function &optional depth local)
  "Add to the value of HOOK the function FUNCTION."
  (ignore local)
  (or (boundp hook) (set hook nil))
  (or (default-boundp hook) (set-default hook nil))
  (let ((hook-value (symbol-value hook)))
    (if (or (not (listp hook-value)) (functionp hook-value))
        (setq hook-value (list hook-value)))
    (unless (member function hook-value)
      (setq hook-value
            (if (and depth (not (and (numberp depth) (< depth 0))))
                (append hook-value (list function))
              (cons function hook-value))))
    (set hook hook-value)))

(defun remove-hook (hook function &optional local)
  "Remove from the value of HOOK the function FUNCTION."
  (ignore local)
  (when (boundp hook)
    (let ((hook-value (symbol-value hook)))
      (if (or (not (listp hook-value)) (eq (car-safe hook-value) 'lambda))
          (when (equal hook-value function) (set hook nil))
        (set hook (delete function (copy-sequence hook-value)))))))

(defun alist-get (key alist &optional default remove testfn)
  "Find the first element of ALIST whose car equals KEY and return its cdr."
  (ignore remove)
  (let ((x (if (not testfn) (assq key alist) (assoc key alist testfn))))
    (if x (cdr x) default)))

(defun assoc-default (key alist &optional test default)
  "Find object KEY in a pseudo-alist ALIST."
  (let (found (tail alist) value)
    (while (and tail (not found))
      (let ((elt (car tail)))
        (when (funcall (or test #'equal) (if (consp elt) (car elt) elt) key)
          (setq found t value (if (consp elt) (cdr elt) default))))
      (setq tail (cdr tail)))
    value))

(defun gensym (&optional prefix)
  "Return a new uninterned symbol named PREFIX followed by a counter."
  (let ((num (prog1 gensym-counter
               (setq gensym-counter (1+ gensym-counter)))))
    (make-symbol (format "%s%d" (or prefix "g") num))))

(defvar gensym-counter 0 "Number used to construct the name of the next symbol created by `gensym'.")

(defun apply-partially (fun &rest args)
  "Return a function that is a partial application of FUN to ARGS."
  (lambda (&rest args2)
    (apply fun (append args args2))))

(defmacro bound-and-true-p (var)
  "Return the value of symbol VAR if it is bound, else nil."
  `(and (boundp (quote ,var)) ,var))

(defun special-form-or-macro-p (object)
  "Non-nil if OBJECT is a special form or a macro."
  (or (special-form-p object) (macrop object)))

(defmacro with-output-to-string (&rest body)
  "Execute BODY, return the text it sent to `standard-output', as a string."
  (let ((chars (make-symbol "chars")))
    `(let ((,chars nil))
       (let ((standard-output (lambda (c) (setq ,chars (cons c ,chars)))))
         ,@body)
       (concat (nreverse ,chars)))))

(defun fixnump (object)
  "Return t if OBJECT is a fixnum."
  (and (integerp object)
       (<= most-negative-fixnum object most-positive-fixnum)))

(defun bignump (object)
  "Return t if OBJECT is a bignum."
  (and (integerp object) (not (fixnump object))))

(defun lsh (value count)
  "Return VALUE with its bits shifted left by COUNT, logically for negative COUNT."
  (when (and (< value 0) (< count 0))
    (when (< value most-negative-fixnum)
      (signal 'args-out-of-range (list value count)))
    (setq value (logand (ash value -1) most-positive-fixnum))
    (setq count (1+ count)))
  (ash value count))

(defun flatten-tree (tree)
  "Return a \"flattened\" copy of TREE: its non-nil atoms, in order."
  (let (elems)
    (while (consp tree)
      (let ((elem (pop tree)))
        (while (consp elem)
          (push (cdr elem) tree)
          (setq elem (car elem)))
        (if elem (push elem elems))))
    (if tree (push tree elems))
    (nreverse elems)))

(defun ensure-list (object)
  "Return OBJECT as a list: itself if it is a list, else a one-element list."
  (if (listp object) object (list object)))

(defun string-to-list (string)
  "Return a list of characters in STRING."
  (append string nil))

(defun string-to-vector (string)
  "Return a vector of characters in STRING."
  (vconcat string))

(defun assq-delete-all (key alist)
  "Delete from ALIST all elements whose car is `eq' to KEY."
  (assoc-delete-all key alist #'eq))

(defun assoc-delete-all (key alist &optional test)
  "Delete from ALIST all elements whose car is KEY (compared with TEST or `equal')."
  (unless test (setq test #'equal))
  (while (and (consp (car alist))
              (funcall test (car (car alist)) key))
    (setq alist (cdr alist)))
  (let ((tail alist) tail-cdr)
    (while (setq tail-cdr (cdr tail))
      (if (and (consp (car tail-cdr))
               (funcall test (car (car tail-cdr)) key))
          (setcdr tail (cdr tail-cdr))
        (setq tail tail-cdr))))
  alist)

(defun rassq-delete-all (value alist)
  "Delete from ALIST all elements whose cdr is `eq' to VALUE."
  (while (and (consp (car alist))
              (eq (cdr (car alist)) value))
    (setq alist (cdr alist)))
  (let ((tail alist) tail-cdr)
    (while (setq tail-cdr (cdr tail))
      (if (and (consp (car tail-cdr))
               (eq (cdr (car tail-cdr)) value))
          (setcdr tail (cdr tail-cdr))
        (setq tail tail-cdr))))
  alist)

(defun string-replace (from-string to-string in-string)
  "Replace FROM-STRING with TO-STRING in IN-STRING each time it occurs."
  (when (= (length from-string) 0)
    (signal 'wrong-length-argument '(0)))
  (let ((start 0) (pieces nil) pos)
    (while (setq pos (string-search from-string in-string start))
      (push (substring in-string start pos) pieces)
      (push to-string pieces)
      (setq start (+ pos (length from-string))))
    (push (substring in-string start) pieces)
    (apply #'concat (nreverse pieces))))

;; --- string comparison names (subr.el) ---
(defalias 'string= #'string-equal)
(defalias 'string< #'string-lessp)
(defun string-greaterp (string1 string2)
  "Return non-nil if STRING1 sorts after STRING2 (character codes; symbols by name)."
  (string-lessp string2 string1))
(defalias 'string> #'string-greaterp)

(defun booleanp (object)
  "Return t if OBJECT is nil or t."
  (and (memq object '(nil t)) t))


(defun backtrace-frame (nframes &optional base)
  "Return (EVALD FUNC ARGS...) of the frame NFRAMES outward from BASE's innermost frame, or nil."
  (backtrace-frame--internal (lambda (evald fun args _flags) (cons evald (cons fun args)))
                             nframes (or base #'backtrace-frame)))

(defun prin1-char (char)
  "Return a string that reads back as CHAR in `?' syntax, or nil.
Modifier bits are written as \\A-, \\s-, \\H-, \\S-, \\C- and \\M- prefixes;
nil when CHAR is not a non-negative integer or no such syntax reads as CHAR."
  (when (and (integerp char) (>= char 0))
    (let* ((low (logand char (1- ?\A-\0)))
           (key (if (< low 32) (logior low 64) low))
           (key (condition-case nil (downcase key) (error key)))
           (plain (logand char (lognot (logior ?\A-\0 ?\s-\0 ?\H-\0 ?\S-\0 ?\C-\0 ?\M-\0))))
           (shifted (or (/= 0 (logand char ?\S-\0))
                        (/= plain (condition-case nil (downcase plain) (error plain)))))
           (prefixes
            (delq nil
                  (list (and (/= 0 (logand char ?\A-\0)) "\\A-")
                        (and (/= 0 (logand char ?\s-\0)) "\\s-")
                        (and (/= 0 (logand char ?\H-\0)) "\\H-")
                        (and shifted "\\S-")
                        (and (or (/= 0 (logand char ?\C-\0)) (< plain 32)) "\\C-")
                        (and (/= 0 (logand char ?\M-\0)) "\\M-")))))
      ;; An upper-case letter is written as itself, not as a shifted lower-case one.
      (when (and shifted (= 0 (logand char ?\S-\0))
                 (/= key (condition-case nil (upcase key) (error key))))
        (setq key (upcase key) prefixes nil))
      (let ((string
             (condition-case nil
                 (concat "?" (apply #'concat prefixes)
                         (cond ((memq key '(?\; ?\( ?\) ?\{ ?\} ?\[ ?\] ?\" ?\' ?\\))
                                (string ?\\ key))
                               ((= key 127) "\\C-?")
                               (t (string key))))
               (error nil))))
        (and string
             (eq (condition-case nil (car (read-from-string string)) (error nil)) char)
             string)))))
