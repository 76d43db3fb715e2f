;;; bindat.el --- pack and unpack binary data by a layout description  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; Two ways of describing a layout.  `bindat-type' (GNU 28's) turns a type
;; expression into a `bindat--type' object holding three closures made by
;; macroexpansion: one reads a value at the current position, one counts
;; the bytes a value takes, one writes a value.  Expressions inside the
;; type (lengths, counts, :pack-val, :unpack-val) are ordinary code in the
;; caller's lexical scope, with the fields already seen bound by name.
;;
;; The older spec lists ((NAME TYPE ...) ...) are interpreted directly by
;; `bindat--old-unpack' and friends below.
;;
;; Both read from or write to the unibyte string `bindat--raw' at the
;; position `bindat--idx', which the entry points bind.

;;; Code:

(require 'cl-lib)

(defvar bindat--raw nil "The unibyte string being packed or unpacked.")
(defvar bindat--idx 0 "The position in `bindat--raw' the next field starts at.")

(cl-defstruct (bindat--type (:constructor bindat--make-type (le ue pe))
                            (:copier nil) (:predicate bindat--type-object-p))
  le ue pe)

;;; Reading and writing the basic values.

(defun bindat--get-byte () "Read the next byte of the data."
  (prog1 (aref bindat--raw bindat--idx)
    (setq bindat--idx (1+ bindat--idx))))

(defun bindat--put-byte (byte) "Write BYTE (reduced to 8 bits) as the next byte of the data."
  (aset bindat--raw bindat--idx (logand byte 255))
  (setq bindat--idx (1+ bindat--idx)))

(defun bindat--get-uint (bits &optional little) "Read an unsigned integer of BITS bits; LITTLE means least significant byte first."
  (let ((n (/ bits 8)) (value 0))
    (if little
        (dotimes (i n) (setq value (logior value (ash (bindat--get-byte) (* 8 i)))))
      (dotimes (_ n) (setq value (logior (ash value 8) (bindat--get-byte)))))
    value))

(defun bindat--put-uint (bits value &optional little) "Write VALUE as an unsigned integer of BITS bits; LITTLE means least significant byte first."
  (let ((n (/ bits 8)))
    (cond
     ((= n 1) (bindat--put-byte value))
     (little
      (dotimes (i n) (bindat--put-byte (logand (ash value (- (* 8 i))) 255))))
     (t (dotimes (i n) (bindat--put-byte (logand (ash value (- (* 8 (- n i 1)))) 255)))))))

(defun bindat--get-sint (bits little) "Read a two's complement integer of BITS bits; LITTLE as for `bindat--get-uint'."
  (let ((u (bindat--get-uint bits little)))
    (if (and (> bits 0) (>= u (ash 1 (1- bits)))) (- u (ash 1 bits)) u)))

(defun bindat--put-sint (bits value little) "Write VALUE as a two's complement integer of BITS bits."
  (bindat--put-uint bits (if (< value 0) (+ value (ash 1 bits)) value) little))

(defun bindat--get-str (len) "Read LEN bytes as a unibyte string."
  (prog1 (substring bindat--raw bindat--idx (+ bindat--idx len))
    (setq bindat--idx (+ bindat--idx len))))

(defun bindat--put-str (len value) "Write the string (or vector) VALUE in a field of LEN bytes, zero-filled."
  (let ((n (min len (length value))))
    (dotimes (i n) (aset bindat--raw (+ bindat--idx i) (aref value i)))
    (setq bindat--idx (+ bindat--idx len))))

(defun bindat--get-strz (len) "Read a zero-terminated string from a field of LEN bytes."
  (unless len (signal 'wrong-type-argument '(number-or-marker-p nil)))
  (let* ((field (bindat--get-str len))
         (end (string-search "\0" field)))
    (if end (substring field 0 end) field)))

(defun bindat--strz-length (len value) "Return the bytes a zero-terminated field of LEN (or nil) holding VALUE takes.
Without LEN that is VALUE's length: GNU 28 writes no terminator then."
  (or len (length value)))

(defun bindat--put-strz (len value) "Write VALUE in a zero-filled field of LEN bytes, or without LEN just VALUE's bytes."
  (bindat--put-str (bindat--strz-length len value) value))

(defun bindat--get-bits (len) "Read LEN bytes as the list of the numbers of their set bits, highest first."
  (let ((bits nil) (n (* 8 len)))
    (dotimes (_ len)
      (let ((byte (bindat--get-byte)))
        (setq n (- n 8))
        (dotimes (b 8)
          (when (/= 0 (logand byte (ash 1 b))) (push (+ n b) bits)))))
    (sort bits #'<)))

(defun bindat--put-bits (len bits) "Write the list BITS of bit numbers as LEN bytes."
  (dotimes (i len)
    (let ((byte 0) (base (* 8 (- len i 1))))
      (dolist (b bits)
        (when (and (>= b base) (< b (+ base 8)))
          (setq byte (logior byte (ash 1 (- b base))))))
      (bindat--put-byte byte))))

(defun bindat--align (len) "Move the position up to the next multiple of LEN."
  (let ((rest (% bindat--idx len)))
    (unless (zerop rest) (setq bindat--idx (+ bindat--idx (- len rest))))))

(defun bindat--skip (len) "Move the position LEN bytes on."
  (setq bindat--idx (+ bindat--idx len)))

(defun bindat--run (op type value) "Run the closure OP (`ue', `le' or `pe') of the type object TYPE on VALUE."
  (pcase op
    ('ue (funcall (bindat--type-ue type)))
    ('le (funcall (bindat--type-le type) value))
    (_ (funcall (bindat--type-pe type) value))))

;;; Type expressions.

(defvar bindat--local-types nil "Names `letrec' binds to types while a type expression is being expanded.")

(put 'u8 'bindat-macro (lambda () '(uint 8)))
(put 'byte 'bindat-macro (lambda () '(uint 8)))
(put 'uintr 'bindat-macro (lambda (bitlen) `(bindat--uint-le ,bitlen)))
(put 'repeat 'bindat-macro (lambda (count &rest type) `(bindat--list ,count ,@type)))

(defmacro bindat-defmacro (name args &rest body) "Define NAME as a Bindat type form taking ARGS and expanding by BODY.
The new form can be used only inside Bindat type expressions."
  (declare (debug (&define name sexp def-body)) (doc-string 3) (indent 2))
  (let ((doc (and (stringp (car body)) (cdr body) (pop body))))
    (ignore doc)
    `(put ',name 'bindat-macro (lambda ,args ,@body))))

(defconst bindat--builtins
  '(uint bindat--uint-le sint str strz bits fill align vec bindat--list type unit struct if letrec)
  "The heads of the type forms expanded here rather than by a `bindat-macro'.")

(defun bindat--normalize (spec) "Return the type form (HEAD . ARGS) the type expression SPEC stands for.
SPEC is a symbol, a list of fields, or a head with its arguments."
  (cond
   ((symbolp spec)
    (if (memq spec bindat--local-types) `(type ,spec) (bindat--normalize (list spec))))
   ((or (keywordp (car spec)) (consp (car spec))) (cons 'struct spec))
   ((memq (car spec) bindat--local-types) `(type ,(car spec)))
   ((memq (car spec) bindat--builtins)
    (when (and (eq (car spec) 'uint) (cddr spec))
      (signal 'wrong-number-of-arguments (list '(3 . 3) (1+ (length spec)))))
    spec)
   ((get (car spec) 'bindat-macro)
    (bindat--normalize (apply (get (car spec) 'bindat-macro) (cdr spec))))
   (t `(type ,spec))))

(defun bindat--code (op spec v) "Return code doing OP for the type expression SPEC on the value in variable V.
OP is `ue' (unpack: the code's value is the value read), `le' (count the
bytes into `bindat--idx') or `pe' (write V)."
  (let* ((form (bindat--normalize spec))
         (args (cdr form)))
    (pcase (car form)
      ('uint (pcase op
               ('ue `(bindat--get-uint ,(car args)))
               ('le `(bindat--skip (/ ,(car args) 8)))
               (_ `(bindat--put-uint ,(car args) ,v))))
      ('bindat--uint-le (pcase op
                          ('ue `(bindat--get-uint ,(car args) t))
                          ('le `(bindat--skip (/ ,(car args) 8)))
                          (_ `(bindat--put-uint ,(car args) ,v t))))
      ('sint (pcase op
               ('ue `(bindat--get-sint ,(car args) ,(nth 1 args)))
               ('le `(bindat--skip (/ ,(car args) 8)))
               (_ `(bindat--put-sint ,(car args) ,v ,(nth 1 args)))))
      ('str (pcase op
              ('ue `(bindat--get-str ,(car args)))
              ('le `(bindat--skip ,(car args)))
              (_ `(bindat--put-str ,(car args) ,v))))
      ('strz (pcase op
               ('ue `(bindat--get-strz ,(car args)))
               ('le `(bindat--skip (bindat--strz-length ,(car args) ,v)))
               (_ `(bindat--put-strz ,(car args) ,v))))
      ('bits (pcase op
               ('ue `(bindat--get-bits ,(car args)))
               ('le `(bindat--skip ,(car args)))
               (_ `(bindat--put-bits ,(car args) ,v))))
      ('fill (if (eq op 'ue) `(progn (bindat--skip ,(car args)) nil) `(bindat--skip ,(car args))))
      ('align (if (eq op 'ue) `(progn (bindat--align ,(car args)) nil) `(bindat--align ,(car args))))
      ('unit (if (eq op 'ue) (car args) nil))
      ('type `(bindat--run ',op ,(car args) ,v))
      ('if `(if ,(car args) ,(bindat--code op (nth 1 args) v)
              ,(bindat--code op (if (cdr (nthcdr 2 args)) (nthcdr 2 args) (nth 2 args)) v)))
      ((or 'vec 'bindat--list) (bindat--code-sequence op (car form) (car args) (cdr args) v))
      ('struct (bindat--code-struct op args v))
      ('letrec
       (let ((bindat--local-types (append (mapcar #'car (car args)) bindat--local-types)))
         `(letrec ,(mapcar (lambda (b) (list (car b) (bindat--type-form
                                                          (if (cddr b) (cdr b) (nth 1 b)))))
                           (car args))
            ,(bindat--code op (if (cddr args) (cdr args) (nth 1 args)) v)))))))

(defun bindat--code-sequence (op kind count element v) "Return code doing OP for COUNT values of ELEMENT; KIND is `vec' or `bindat--list'.
ELEMENT is the list of the element's type expression, empty for bytes."
  (let ((elt-spec (or element '(uint 8)))
        (n (make-symbol "n")) (i (make-symbol "i")) (e (make-symbol "e"))
        (out (make-symbol "out")))
    (pcase op
      ('ue (if (eq kind 'vec)
               `(let* ((,n ,count) (,out (make-vector ,n nil)))
                  (dotimes (,i ,n) (aset ,out ,i ,(bindat--code 'ue elt-spec nil)))
                  ,out)
             `(let ((,out nil))
                (dotimes (,i ,count) (ignore ,i) (push ,(bindat--code 'ue elt-spec nil) ,out))
                (nreverse ,out))))
      (_ `(dotimes (,i ,count)
            (let ((,e (elt ,v ,i)))
              (ignore ,e)
              ,(bindat--code op elt-spec e)))))))

(defun bindat--split-field (field) "Split FIELD (LABEL TYPE... [:pack-val EXP]) into (LABEL TYPE-SPEC PACK-VAL)."
  (let* ((label (car field))
         (rest (cdr field))
         (tail (memq :pack-val rest))
         (spec (if tail (butlast rest (length tail)) rest)))
    (list label spec (and tail (list (nth 1 tail))))))

(defun bindat--code-struct (op parts v) "Return code doing OP for a composite type made of PARTS on the value in V."
  (let ((pack-var nil) (unpack-val nil) (fields nil))
    (when (eq (car parts) :pack-var)
      (setq pack-var (nth 1 parts) parts (nthcdr 2 parts)))
    (while parts
      (if (eq (car parts) :unpack-val)
          (setq unpack-val (list (nth 1 parts)) parts (nthcdr 2 parts))
        (push (bindat--split-field (pop parts)) fields)))
    (setq fields (nreverse fields))
    (if (eq op 'ue)
        (let ((head (make-symbol "head")) (tail (make-symbol "tail")) (val (make-symbol "val")))
          `(let* ((,head (list nil)) (,tail ,head))
             ,(bindat--unpack-fields fields head tail val unpack-val)))
      (let ((body (bindat--pack-fields op fields v)))
        (if pack-var `(let ((,pack-var ,v)) ,body) body)))))

(defun bindat--unpack-fields (fields head tail val unpack-val) "Return code unpacking FIELDS into the list after HEAD, TAIL being its last cons.
VAL is a variable for each value; UNPACK-VAL, if non-nil, is (EXP) for the result."
  (if (null fields)
      (if unpack-val (car unpack-val) `(cdr ,head))
    (let* ((field (car fields))
           (label (car field))
           (read (bindat--code 'ue (nth 1 field) nil)))
      (if (eq label '_)
          `(let ((,val ,read))
             (when ,val (setcdr ,tail ,val) (setq ,tail (last ,val)))
             ,(bindat--unpack-fields (cdr fields) head tail val unpack-val))
        `(let ((,label ,read))
           (setcdr ,tail (list (cons ',label ,label)))
           (setq ,tail (cdr ,tail))
           ,(bindat--unpack-fields (cdr fields) head tail val unpack-val))))))

(defun bindat--pack-fields (op fields v) "Return code doing OP (`le' or `pe') for FIELDS of the composite value in V."
  (if (null fields)
      nil
    (let* ((field (car fields))
           (label (car field))
           (value (cond ((nth 2 field) (car (nth 2 field)))
                        ((eq label '_) v)
                        (t `(cdr (assq ',label ,v)))))
           (var (if (eq label '_) (make-symbol "field") label)))
      `(let ((,var ,value))
         ,(bindat--code op (nth 1 field) var)
         ,(bindat--pack-fields op (cdr fields) v)))))

(defun bindat--type-form (spec) "Return a form making the type object for the type expression SPEC."
  (let ((v (make-symbol "v")))
    `(bindat--make-type (lambda (,v) (ignore ,v) ,(bindat--code 'le spec v))
                        (lambda () ,(bindat--code 'ue spec nil))
                        (lambda (,v) (ignore ,v) ,(bindat--code 'pe spec v)))))

(defmacro bindat-type (&rest type) "Return the Bindat type object for the type expression TYPE.
TYPE is a base type (uint BITLEN, str LEN, strz [LEN], bits LEN, fill LEN,
align LEN, vec COUNT [TYPE], repeat COUNT TYPE, type EXP, unit EXP, u8,
byte, uintr BITLEN, sint BITLEN LE), `if' COND THEN ELSE, `letrec'
BINDINGS TYPE, a form of `bindat-defmacro', or a list of fields (LABEL
TYPE [:pack-val EXP]) between an optional :pack-var VAR and an optional
:unpack-val EXP."
  (declare (indent 0) (debug (&rest sexp)))
  (let ((spec (if (and (consp type) (null (cdr type)) (symbolp (car type))) (car type) type)))
    (if (and (consp spec) (symbolp (car spec)) (not (keywordp (car spec)))
             (not (memq (car spec) bindat--builtins))
             (not (get (car spec) 'bindat-macro)))
        spec
      (if (and (symbolp spec) (not (get spec 'bindat-macro)) (not (memq spec bindat--builtins)))
          (list spec)
        (bindat--type-form spec)))))

;;; The old spec lists.

(defun bindat--old-field-value (struct name) "Return the value NAME has in STRUCT, an alist."
  (cdr (assq name struct)))

(defun bindat--old-arg (arg struct) "Return the length or count ARG stands for in STRUCT (a number, a field name, or (eval EXP))."
  (cond ((integerp arg) arg)
        ((eq (car-safe arg) 'eval)
         (let ((last struct)) (ignore last) (eval (nth 1 arg) `((struct . ,struct) (last . ,struct)))))
        ;; GNU 28 evaluates a length as an expression with no field in
        ;; scope, so a field name there is an unbound variable: not a number.
        ((and arg (symbolp arg)) (signal 'wrong-type-argument (list 'number-or-marker-p arg)))
        (t arg)))

(defun bindat--old-subspec (field) "Return the spec list a `struct' FIELD of an old spec names."
  (let ((arg (nth 2 field)))
    (cond ((symbolp arg) (symbol-value arg))
          ((eq (car-safe arg) 'eval) (eval (nth 1 arg) t))
          (t arg))))

(defun bindat--old-item (type len struct) "Unpack one item of the old TYPE with length LEN; STRUCT is the alist read so far."
  (pcase type
    ((or 'u8 'byte) (bindat--get-byte))
    ('u16 (bindat--get-uint 16)) ('u24 (bindat--get-uint 24)) ('u32 (bindat--get-uint 32))
    ('u16r (bindat--get-uint 16 t)) ('u24r (bindat--get-uint 24 t)) ('u32r (bindat--get-uint 32 t))
    ('str (bindat--get-str len))
    ('strz (bindat--get-strz len))
    ('ip (vconcat (bindat--get-str 4)))
    ('bits (bindat--get-bits len))
    ('vec (let ((out (make-vector len nil)))
            (dotimes (i len) (aset out i (bindat--get-byte)))
            out))
    (_ (ignore struct) (error "Unknown type %S" type))))

(defun bindat--old-unpack (spec) "Unpack the data by the old SPEC, a list of fields; return the alist, newest field first."
  (let ((struct nil))
    (dolist (field spec)
      (let* ((name (car field))
             (type (nth 1 field))
             (len (and (not (memq type '(struct eval))) (bindat--old-arg (nth 2 field) struct))))
        (when (eq (car-safe type) 'eval)
          (setq type (bindat--old-arg type struct)))
        (pcase type
          ('fill (bindat--skip len))
          ('align (bindat--align len))
          ('eval (push (cons name (eval (nth 2 field) t)) struct))
          ('struct (let ((sub (bindat--old-unpack (bindat--old-subspec field))))
                     (if name (push (cons name sub) struct)
                       (setq struct (append sub struct)))))
          ('repeat (let ((items nil))
                     (dotimes (_ len) (push (bindat--old-unpack (nthcdr 3 field)) items))
                     (push (cons name (nreverse items)) struct)))
          (_ (let ((value (bindat--old-item type len struct)))
               (when name (push (cons name value) struct)))))))
    struct))

(defun bindat--old-length (spec struct) "Return the bytes STRUCT takes by the old SPEC."
  (let ((bindat--idx 0) (bindat--raw nil))
    (bindat--old-walk spec struct nil)
    bindat--idx))

(defun bindat--old-walk (spec struct write) "Go over STRUCT by the old SPEC, writing its fields when WRITE is non-nil."
  (dolist (field spec)
    (let* ((name (car field))
           (type (nth 1 field))
           (len (and (not (memq type '(struct eval))) (bindat--old-arg (nth 2 field) struct)))
           (value (and name (bindat--old-field-value struct name))))
      (pcase type
        ('eval nil)
        ('fill (bindat--skip len))
        ('align (bindat--align len))
        ('struct (bindat--old-walk (bindat--old-subspec field) (if name value struct) write))
        ('repeat (dolist (item value) (bindat--old-walk (nthcdr 3 field) item write)))
        (_
         (let ((size (pcase type
                       ((or 'u8 'byte) 1) ((or 'u16 'u16r) 2) ((or 'u24 'u24r) 3)
                       ((or 'u32 'u32r) 4) ('ip 4) ('strz (or len (1+ (length value))))
                       (_ len))))
           (if (not write)
               (bindat--skip size)
             (pcase type
               ((or 'u8 'byte) (bindat--put-byte value))
               ('u16 (bindat--put-uint 16 value)) ('u24 (bindat--put-uint 24 value))
               ('u32 (bindat--put-uint 32 value))
               ('u16r (bindat--put-uint 16 value t)) ('u24r (bindat--put-uint 24 value t))
               ('u32r (bindat--put-uint 32 value t))
               ('bits (bindat--put-bits len value))
               (_ (bindat--put-str size value))))))))))

;;; Entry points.

(defun bindat--check-raw (raw message) "Signal an error saying MESSAGE if RAW is a multibyte string."
  (when (multibyte-string-p raw) (error "%s" message)))

(defun bindat-unpack (spec raw &optional idx) "Unpack the unibyte string RAW by SPEC, a Bindat type or an old spec list.
Start at position IDX (default 0).  Return the value read."
  (bindat--check-raw raw "String is multibyte")
  (let ((bindat--raw raw) (bindat--idx (or idx 0)))
    (if (bindat--type-object-p spec)
        (funcall (bindat--type-ue spec))
      (bindat--old-unpack spec))))

(defun bindat-length (spec struct) "Return how many bytes STRUCT takes when packed by SPEC."
  (if (bindat--type-object-p spec)
      (let ((bindat--idx 0))
        (funcall (bindat--type-le spec) struct)
        bindat--idx)
    (bindat--old-length spec struct)))

(defun bindat-pack (spec struct &optional raw idx) "Pack STRUCT by SPEC into a new unibyte string and return it.
With RAW, a unibyte string, write into it from position IDX (default 0)
instead, and return nil."
  (when raw (bindat--check-raw raw "Pre-allocated string is multibyte"))
  (let* ((start (or idx 0))
         (bindat--raw (or raw (make-string (+ start (bindat-length spec struct)) 0)))
         (bindat--idx start))
    (if (bindat--type-object-p spec)
        (funcall (bindat--type-pe spec) struct)
      (bindat--old-walk spec struct t))
    (unless raw bindat--raw)))

(defun bindat-get-field (struct &rest field) "Return the part of STRUCT that the names and indexes FIELD lead to."
  (while field
    (let ((f (pop field)))
      (setq struct (if (integerp f) (elt struct f) (cdr (assq f struct))))))
  struct)

(defun bindat-format-vector (vect fmt sep &optional len) "Format the first LEN (default all) elements of VECT with FMT, joined by SEP."
  (mapconcat (lambda (x) (format fmt x))
             (if len (cl-subseq vect 0 len) vect)
             sep))

(defun bindat-vector-to-dec (vect &optional sep) "Return VECT's elements in decimal joined by SEP (default \".\")."
  (bindat-format-vector vect "%d" (or sep ".")))

(defun bindat-vector-to-hex (vect &optional sep) "Return VECT's elements in two-digit hex joined by SEP (default \":\")."
  (bindat-format-vector vect "%02x" (or sep ":")))

(defun bindat-ip-to-string (ip) "Return the dotted decimal text of the IPv4 address IP, a vector or a string of 4 bytes."
  (bindat-vector-to-dec (if (stringp ip) (vconcat ip) ip)))

(provide 'bindat)

;;; bindat.el ends here
