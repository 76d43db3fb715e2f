;;; ccl.el --- the Code Conversion Language: its compiler and its interpreter  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A CCL program, (MAGNIFICATION MAIN-BLOCK [EOF-BLOCK]), compiles to a
;; vector of integers laid out as GNU Emacs 28.2 lays it out, so that the
;; vectors GNU makes run here and the other way round:
;;
;;   [MAGNIFICATION EOF-START MAIN-CODE... EOF-CODE... END]
;;
;; Each instruction word keeps its operation in the low 5 bits, a
;; register in the next 3, and either two more registers (bits 8 and 11)
;; and an arithmetic operator (from bit 14), or a signed number (from bit
;; 8: a constant or a jump distance counted from the word after the
;; instruction).  Words hold 28 bits, signed.  GNU's C side (`ccl-execute'
;; and the rest) is written here in Lisp too.
;;
;; Not done: the extended instructions (`read-multibyte-character',
;; `write-multibyte-character', `translate-character', the `map-*' and
;; `lookup-*' commands); using them signals an error that says so.

;;; Code:

;;;; Shared tables.

(defconst ccl--operators
  '((+ . 0) (- . 1) (* . 2) (/ . 3) (% . 4) (& . 5) (| . 6) (^ . 7)
    (<< . 8) (>> . 9) (<8 . 10) (>8 . 11) (// . 12)
    (< . 16) (> . 17) (== . 18) (<= . 19) (>= . 20) (!= . 21)
    (de-sjis . 22) (en-sjis . 23))
  "CCL's binary operators and the numbers their instructions carry.")

(defconst ccl--self-operators
  '((+= . +) (-= . -) (*= . *) (/= . /) (%= . %) (&= . &) (|= . |) (^= . ^)
    (<<= . <<) (>>= . >>) (<8= . <8) (>8= . >8) (//= . //))
  "The assigning forms of the operators, (REG OP= ARG).")

(defconst ccl--registers '(r0 r1 r2 r3 r4 r5 r6 r7) "The eight registers, by number.")

(defconst ccl--unsupported
  '(read-multibyte-character write-multibyte-character translate-character
    iterate-multiple-map map-multiple map-single lookup-character lookup-integer)
  "Extended CCL commands this implementation does not compile.")

(defvar ccl--program-table nil "Registered CCL programs: a list of (NAME . CODE), index 0 last.")

(defvar code-conversion-map-vector (make-vector 16 nil) "Code conversion maps, registered by `register-code-conversion-map'.")

;;;; The compiler.

(defvar ccl--code nil "The vector being filled by the compiler.")
(defvar ccl--pc 0 "Index of the next free word of `ccl--code'.")
(defvar ccl--loop nil "(START . BREAK-WORDS) of the innermost loop being compiled, or nil.")
(defvar ccl--statement nil "The statement being compiled, for error messages.")

(defun ccl--28 (n) "N as the signed 28-bit number a code word holds."
  (let ((low (logand n #xfffffff)))
    (if (>= low #x8000000) (- low #x10000000) low)))

(defun ccl--emit (word) "Append WORD to the code; give its index."
  (when (>= ccl--pc (length ccl--code))
    (setq ccl--code (vconcat ccl--code (make-vector (max 16 (length ccl--code)) 0))))
  (aset ccl--code ccl--pc word)
  (setq ccl--pc (1+ ccl--pc))
  (1- ccl--pc))

(defun ccl--op (code &optional rrr high) "Append the instruction CODE with register RRR and HIGH (from bit 8)."
  (ccl--emit (logior code (ash (or rrr 0) 5) (ash (or high 0) 8))))

(defun ccl--regs (r1 r2 &optional operator) "The high part of a word naming R1 (bit 8), R2 (bit 11) and OPERATOR (bit 14)."
  (logior r1 (ash r2 3) (ash (or operator 0) 6)))

(defun ccl--patch (at target) "Make the jump word AT go to TARGET."
  (let ((word (aref ccl--code at)))
    (aset ccl--code at (logior (logand word #xff) (ash (- target at 1) 8)))))

(defun ccl--jump (code &optional rrr target) "Append the jump instruction CODE (register RRR) to TARGET, or to be patched."
  (let ((at (ccl--op code rrr)))
    (when target (ccl--patch at target))
    at))

(defun ccl--fail (format &rest args) "Signal a compile error, GNU's way."
  (error "CCL: %s" (apply #'format format args)))

(defun ccl--register (x) "The number of register X, or nil when X names none."
  (and (symbolp x) (let ((tail (memq x ccl--registers))) (and tail (- 8 (length tail))))))

(defun ccl--need-register (x) "The number of register X; a compile error when X is none."
  (or (ccl--register x)
      (if (and (symbolp x) (string-match-p "\\`r[0-9]+\\'" (symbol-name x)))
          (ccl--fail "Invalid register %s in %s" x ccl--statement)
        (signal 'wrong-type-argument (list 'symbolp x)))))

(defun ccl--operator (op) "The number of the operator OP; a compile error when unknown."
  (or (cdr (assq op ccl--operators)) (ccl--fail "Invalid operator: %s" op)))

(defun ccl--operand (x) "Register number of the left operand X, computing X into r7 first when it is an expression."
  (if (consp x)
      (progn (ccl--assign 7 x) 7)
    (ccl--need-register x)))

(defun ccl--assign (reg expr) "Compile REG = EXPR."
  (cond
   ((integerp expr)
    (if (and (>= expr -524288) (<= expr 524288))
        (ccl--op 1 reg expr)
      (ccl--op 2 reg)
      (ccl--emit expr)))
   ((symbolp expr) (ccl--op 0 reg (ccl--need-register expr)))
   ((consp expr)
    (let* ((left (ccl--operand (car expr)))
           (op (ccl--operator (nth 1 expr)))
           (right (nth 2 expr)))
      (cond ((integerp right)
             (if (= left reg)
                 (ccl--op 23 reg (ash op 6))
               (ccl--op 25 reg (ccl--regs left 0 op)))
             (ccl--emit right))
            ((= left reg) (ccl--op 24 reg (ccl--regs (ccl--need-register right) 0 op)))
            (t (ccl--op 26 reg (ccl--regs left (ccl--need-register right) op))))))
   (t (signal 'wrong-type-argument (list 'symbolp expr)))))

(defun ccl--set (stmt) "Compile a statement (REG = EXPR) or (REG OP= ARG)."
  (let ((reg (ccl--need-register (car stmt)))
        (how (nth 1 stmt))
        (arg (nth 2 stmt)))
    (cond ((eq how '=) (ccl--assign reg arg))
          ((assq how ccl--self-operators)
           (let ((op (ccl--operator (cdr (assq how ccl--self-operators)))))
             (cond ((integerp arg) (ccl--op 23 reg (ash op 6)) (ccl--emit arg))
                   (t (ccl--op 24 reg (ccl--regs (ccl--operand arg) 0 op))))))
          (t (ccl--fail "Invalid command: %s" stmt)))
    nil))

(defun ccl--condition (cond reading) "Compile COND as a jump taken when it is false; give the word to patch.
READING non-nil reads the register first (`read-if')."
  (if (symbolp cond)
      (ccl--jump 5 (ccl--need-register cond))
    (let* ((left (ccl--operand (car cond)))
           (op (ccl--operator (nth 1 cond)))
           (right (nth 2 cond))
           (at (ccl--jump (+ (if (integerp right) 27 28) (if reading 2 0)) left)))
      (ccl--emit op)
      (ccl--emit (if (integerp right) right (ccl--need-register right)))
      at)))

(defun ccl--block (block) "Compile BLOCK, a statement or a list of them; non-nil when it always jumps away."
  (cond ((null block) nil)
        ((symbolp (car block)) (ccl--statement block))
        (t (let (jumped)
             (dolist (stmt block jumped) (setq jumped (ccl--statement stmt)))))))

(defun ccl--if (stmt reading) "Compile (if COND THEN [ELSE]) or `read-if'."
  (unless (memq (length stmt) '(3 4)) (ccl--fail "Invalid number of arguments: %s" stmt))
  (let* ((skip (ccl--condition (nth 1 stmt) reading))
         (then-jumps (ccl--block (nth 2 stmt))))
    (if (= (length stmt) 3)
        (progn (ccl--patch skip ccl--pc) nil)
      (let ((over (unless then-jumps (ccl--jump 4))))
        (ccl--patch skip ccl--pc)
        (let ((else-jumps (ccl--block (nth 3 stmt))))
          (when over (ccl--patch over ccl--pc))
          (and then-jumps else-jumps))))))

(defun ccl--branch (stmt code) "Compile (branch REG BLOCK...) with instruction CODE (13, or 16 for `read-branch')."
  (when (< (length stmt) 3) (ccl--fail "Invalid number of arguments: %s" stmt))
  (let* ((blocks (nthcdr 2 stmt))
         (n (length blocks))
         (base (1+ (ccl--op code (ccl--need-register (nth 1 stmt)) n)))
         (table (progn (dotimes (_ (1+ n)) (ccl--emit 0)) base))
         (exits ()))
    (dotimes (i n)
      (aset ccl--code (+ table i) (- ccl--pc base))
      (unless (or (ccl--block (nth i blocks)) (= i (1- n)))
        (push (ccl--jump 4) exits)))
    (aset ccl--code (+ table n) (- ccl--pc base))
    (dolist (at exits) (ccl--patch at ccl--pc))
    nil))

(defun ccl--loop-start (stmt) "Start of the loop around STMT; a compile error outside one."
  (if ccl--loop (car ccl--loop) (ccl--fail "No outer loop: %s" stmt)))

(defun ccl--string-words (string) "The words that follow the length of STRING in a string instruction."
  (if (multibyte-string-p string)
      (mapcar (lambda (c) (logior #x1000000 c)) string)
    (let ((words ()) (i 0) (n (length string)))
      (while (< i n)
        (push (logior (ash (aref string i) 16)
                      (if (< (1+ i) n) (ash (aref string (1+ i)) 8) 0)
                      (if (< (+ i 2) n) (aref string (+ i 2)) 0))
              words)
        (setq i (+ i 3)))
      (nreverse words))))

(defun ccl--write (stmt) "Compile (write ...)."
  (let ((args (cdr stmt)))
    (pcase (car args)
      ((pred integerp) (ccl--op 20 0 (car args)))
      ((pred stringp)
       (ccl--op 20 1 (length (car args)))
       (mapc #'ccl--emit (ccl--string-words (car args))))
      ((pred consp)
       (let* ((expr (car args))
              (left (ccl--operand (car expr)))
              (op (ccl--operator (nth 1 expr)))
              (right (nth 2 expr)))
         (if (integerp right)
             (progn (ccl--op 15 0 (ccl--regs left 0 op)) (ccl--emit right))
           (ccl--op 18 0 (ccl--regs left (ccl--need-register right) op)))))
      (_
       (if (vectorp (nth 1 args))
           (progn (ccl--op 21 (ccl--need-register (car args)) (length (nth 1 args)))
                  (mapc #'ccl--emit (nth 1 args)))
         (let ((left (length args)))
           (dolist (r args)
             (setq left (1- left))
             (ccl--op 17 (ccl--need-register r) left))))))
    nil))

(defun ccl--write-repeat (stmt) "Compile (write-repeat ARG): write ARG and go back to the loop's start."
  (let ((start (ccl--loop-start stmt))
        (arg (nth 1 stmt)))
    (cond ((integerp arg) (ccl--jump 8 0 start) (ccl--emit arg))
          ((stringp arg)
           (ccl--jump 10 0 start)
           (ccl--emit (length arg))
           (mapc #'ccl--emit (ccl--string-words arg)))
          (t (ccl--jump 6 (ccl--need-register arg) start)))
    t))

(defun ccl--write-read-repeat (stmt) "Compile (write-read-repeat REG [ARRAY])."
  (let* ((start (ccl--loop-start stmt))
         (reg (ccl--need-register (nth 1 stmt)))
         (array (nth 2 stmt)))
    (cond ((null array) (ccl--jump 7 reg start))
          ((vectorp array)
           (ccl--jump 11 reg start)
           (ccl--emit (length array))
           (mapc #'ccl--emit array))
          (t (signal 'wrong-type-argument (list 'symbolp array))))
    (ccl--jump 12 reg start)
    t))

(defun ccl--statement (stmt) "Compile the statement STMT; non-nil when it always jumps away."
  (let ((ccl--statement stmt)
        (head (car-safe stmt)))
    (cond
     ((not (consp stmt)) (ccl--fail "Invalid statement: %s" stmt))
     ((ccl--register head) (ccl--set stmt))
     ((and (symbolp head) (memq (nth 1 stmt) (cons '= (mapcar #'car ccl--self-operators)))
           (string-match-p "\\`r[0-9]+\\'" (symbol-name head)))
      (ccl--fail "Invalid register %s in %s" head stmt))
     ((eq head 'if) (ccl--if stmt nil))
     ((eq head 'read-if) (ccl--if stmt (consp (nth 1 stmt))))
     ((eq head 'branch) (ccl--branch stmt 13))
     ((eq head 'read-branch) (ccl--branch stmt 16))
     ((eq head 'loop)
      (let ((ccl--loop (list ccl--pc)))
        (dolist (s (cdr stmt)) (ccl--statement s))
        (dolist (at (cdr ccl--loop)) (ccl--patch at ccl--pc)))
      nil)
     ((eq head 'repeat) (ccl--jump 4 0 (ccl--loop-start stmt)) t)
     ((eq head 'break)
      (ccl--loop-start stmt)
      (push (ccl--jump 4) (cdr ccl--loop))
      t)
     ((eq head 'write) (ccl--write stmt))
     ((eq head 'write-repeat) (ccl--write-repeat stmt))
     ((eq head 'write-read-repeat) (ccl--write-read-repeat stmt))
     ((eq head 'read)
      (let ((left (length (cdr stmt))))
        (dolist (r (cdr stmt))
          (setq left (1- left))
          (ccl--op 14 (ccl--need-register r) left)))
      nil)
     ((eq head 'call)
      (unless (and (nth 1 stmt) (symbolp (nth 1 stmt)))
        (ccl--fail "Subroutine should be a symbol: %s" stmt))
      (ccl--op 19 1)
      (ccl--emit (cons (nth 1 stmt) 'ccl-program-idx))
      nil)
     ((eq head 'end) (ccl--op 22) nil)
     ((memq head ccl--unsupported)
      (error "CCL: %s is not supported by this implementation" head))
     (t (ccl--fail "Invalid command: %s" stmt)))))

(defun ccl-compile (ccl-program) "Compile CCL-PROGRAM, (MAGNIFICATION MAIN [EOF]), into a vector of code words.
MAGNIFICATION says how much longer than its input the output may get;
MAIN is the block run over the input and EOF the block run when the
input ends."
  (unless (and (consp ccl-program) (integerp (car ccl-program)) (listp (cdr ccl-program)))
    (ccl--fail "Invalid CCL program: %s" ccl-program))
  (let ((ccl--code (make-vector 64 0))
        (ccl--pc 0)
        (ccl--loop nil))
    (ccl--emit (car ccl-program))
    (ccl--emit 0)
    (ccl--block (nth 1 ccl-program))
    (aset ccl--code 1 ccl--pc)
    (ccl--block (nth 2 ccl-program))
    (ccl--op 22)
    (let ((out (substring ccl--code 0 ccl--pc)))
      (dotimes (i (length out) out)
        (when (integerp (aref out i)) (aset out i (ccl--28 (aref out i))))))))

;;;###autoload
(defmacro define-ccl-program (name ccl-program &optional doc) "Compile CCL-PROGRAM now and make it the program called NAME.
NAME becomes a constant holding the code and is registered with
`register-ccl-program'; DOC documents the constant."
  (declare (doc-string 3) (indent 1))
  (let ((code (ccl-compile (eval ccl-program t))))
    `(let ((prog ,code))
       (defconst ,name prog ,doc)
       (put ',name 'ccl-program-idx (register-ccl-program ',name prog))
       nil)))

;;;###autoload
(defmacro declare-ccl-program (name &optional vector) "Register NAME as a CCL program (VECTOR, or none yet), so that others may call it."
  `(put ',name 'ccl-program-idx (register-ccl-program ',name ,vector)))

;;;; Registration.

(defun ccl--entry (name) "The (NAME . CODE) of the registered program NAME, or nil."
  (assq name ccl--program-table))

(defun ccl--index (name) "The index NAME was registered under, or nil."
  (let ((tail (memq (ccl--entry name) ccl--program-table)))
    (and tail (1- (length tail)))))

(defun ccl-program-p (object) "Non-nil when OBJECT is a compiled CCL program or the name of a registered one."
  (cond ((symbolp object) (and object (ccl--entry object) t))
        ((and (vectorp object) (>= (length object) 3)
              (natnump (aref object 0)) (natnump (aref object 1))
              (catch 'bad
                (mapc (lambda (w) (unless (integerp w) (throw 'bad nil))) object)
                t)))))

(defun register-ccl-program (name ccl-prog) "Register CCL-PROG under the symbol NAME and give its index.
A name registered before keeps its index and takes the new program.
Subroutine references in CCL-PROG are resolved in the registered copy."
  (unless (symbolp name) (signal 'wrong-type-argument (list 'symbolp name)))
  (let ((entry (or (ccl--entry name)
                   (car (push (cons name nil) ccl--program-table)))))
    (put name 'ccl-program-idx (ccl--index name))
    (when ccl-prog
      (let ((code (if (vectorp ccl-prog) (ccl--resolve ccl-prog) ccl-prog)))
        (unless (ccl-program-p code) (error "Error in CCL program"))
        (setcdr entry code)))
    (ccl--index name)))

(defun ccl--resolve (code) "A copy of CODE whose (SYMBOL . PROPERTY) words are replaced by SYMBOL's PROPERTY, when it has one."
  (let ((copy (copy-sequence code)))
    (dotimes (i (length copy) copy)
      (let ((w (aref copy i)))
        (when (and (consp w) (symbolp (car w)) (integerp (get (car w) (cdr w))))
          (aset copy i (get (car w) (cdr w))))))))

(defun register-code-conversion-map (symbol map) "Register MAP as the code conversion map called SYMBOL and give its id."
  (unless (symbolp symbol) (signal 'wrong-type-argument (list 'symbolp symbol)))
  (let ((id (or (get symbol 'code-conversion-map-id)
                (let ((i 0))
                  (while (and (< i (length code-conversion-map-vector))
                              (aref code-conversion-map-vector i))
                    (setq i (1+ i)))
                  i))))
    (when (>= id (length code-conversion-map-vector))
      (setq code-conversion-map-vector
            (vconcat code-conversion-map-vector (make-vector (length code-conversion-map-vector) nil))))
    (aset code-conversion-map-vector id (cons symbol map))
    (put symbol 'code-conversion-map map)
    (put symbol 'code-conversion-map-id id)
    id))

(defun check-ccl-program (ccl-prog &optional name) "Give a name for CCL-PROG usable by the CCL primitives, or nil.
A registered program's name is given back; a compiled vector is
registered under NAME, which is given back; anything else gives nil."
  (cond ((and (symbolp ccl-prog) (ccl--entry ccl-prog)) ccl-prog)
        ((and (vectorp ccl-prog) name)
         (register-ccl-program name ccl-prog)
         name)))

;;;; The interpreter.

(defvar ccl--regs nil "The registers of the running program, a vector of 8.")
(defvar ccl--input nil "The characters (or bytes) still to read.")
(defvar ccl--output nil "The characters written so far, most recent first.")
(defvar ccl--continue nil "Non-nil: stop at the end of the input instead of running the EOF block.")

(defun ccl--code-of (program) "The code vector of PROGRAM, a vector or a registered name; an error when it has none."
  (let ((code (if (symbolp program) (cdr (ccl--entry program)) program)))
    (unless (and code (ccl-program-p code)) (error "Invalid CCL program"))
    code))

(defvar ccl--extra nil "A second result of the last operation (remainder, low byte, second byte) that r7 takes, or nil.")

(defun ccl--store (reg value) "Set register REG to VALUE, then r7 to the operation's second result if it had one."
  (aset ccl--regs reg value)
  (when ccl--extra
    (aset ccl--regs 7 ccl--extra)
    (setq ccl--extra nil))
  value)

(defun ccl--calc (op a b) "Apply the CCL operator number OP to A and B; a second result waits in `ccl--extra'."
  (setq ccl--extra nil)
  (pcase op
    (0 (+ a b)) (1 (- a b)) (2 (* a b))
    ((or 3 4 12)
     (when (zerop b) (throw 'ccl--division nil))
     (pcase op
       (3 (truncate a b))
       (4 (% a b))
       (_ (setq ccl--extra (% a b)) (truncate a b))))
    (5 (logand a b)) (6 (logior a b)) (7 (logxor a b))
    (8 (ash a b)) (9 (ash a (- b)))
    (10 (logior (ash a 8) b))
    (11 (setq ccl--extra (logand a 255)) (ash a -8))
    (16 (if (< a b) 1 0)) (17 (if (> a b) 1 0)) (18 (if (= a b) 1 0))
    (19 (if (<= a b) 1 0)) (20 (if (>= a b) 1 0)) (21 (if (/= a b) 1 0))
    (22 ;; Shift-JIS bytes A B to the JIS row and column.
     (let ((row (- (* 2 a) (if (>= a #xe0) #x160 #xe0))))
       (if (>= b #x9f)
           (progn (setq ccl--extra (- b #x7e)) row)
         (setq ccl--extra (- b (if (>= b #x7f) #x20 #x1f)))
         (1- row))))
    (23 ;; JIS row A and column B to Shift-JIS bytes.
     (setq ccl--extra (+ b (if (= (logand a 1) 1) (if (>= b #x60) #x20 #x1f) #x7e)))
     (+ (ash (1+ a) -1) (if (<= a #x5e) #x70 #xb0)))
    (_ (throw 'ccl--division nil))))

(defun ccl--put (c) "Write C to the output."
  (push c ccl--output))

(defun ccl--put-string (code at len) "Write the LEN characters of the string words of CODE from AT."
  (if (and (> len 0) (/= 0 (logand (aref code at) #x1000000)))
      (dotimes (i len) (ccl--put (logand (aref code (+ at i)) #xffffff)))
    (dotimes (i len)
      (ccl--put (logand (ash (aref code (+ at (/ i 3))) (* -8 (- 2 (% i 3)))) 255)))))

(defun ccl--string-size (code at len) "How many words the LEN-character string at AT of CODE takes."
  (if (and (> len 0) (/= 0 (logand (aref code at) #x1000000))) len (/ (+ len 2) 3)))

(defun ccl--run (code ic eof-ran) "Run CODE from IC; give (STOP . IC), STOP `end' or `suspend'.
EOF-RAN non-nil when the EOF block is already running."
  (let ((eof (aref code 1))
        (n (length code))
        result)
    (while (not result)
      (let* ((here ic)
             (word (if (< ic n) (aref code ic) (throw 'ccl--error (1+ ic))))
             (op (logand word 31))
             (rrr (logand (ash word -5) 7))
             (r2 (logand (ash word -8) 7))
             (r3 (logand (ash word -11) 7))
             (arith (ash word -14))
             (big (ash word -8))
             (next (1+ ic))
             (fetch (lambda (i) (if (< i n) (aref code i) (throw 'ccl--error (1+ i)))))
             (read
              (lambda (reg)
                (cond (ccl--input (aset ccl--regs reg (pop ccl--input)) t)
                      (ccl--continue (setq result (cons 'suspend here)) nil)
                      (eof-ran (setq result (cons 'end here)) nil)
                      (t (aset ccl--regs reg -1)
                         (setq eof-ran t ic eof)
                         nil))))
             (cond-jump
              (lambda (value)
                (ccl--store 7 value)
                (if (zerop value) (+ here 1 big) (+ here 3)))))
        (setq ic next)
        (unless (catch 'ccl--division
        (pcase op
          (0 (aset ccl--regs rrr (aref ccl--regs r2)))
          (1 (aset ccl--regs rrr big))
          (2 (aset ccl--regs rrr (funcall fetch next)) (setq ic (1+ next)))
          (3 (let ((i (aref ccl--regs r2)) (len (ash word -11)))
               (when (and (>= i 0) (< i len)) (aset ccl--regs rrr (funcall fetch (+ next i))))
               (setq ic (+ next len))))
          (4 (setq ic (+ next big)))
          (5 (when (zerop (aref ccl--regs rrr)) (setq ic (+ next big))))
          (6 (ccl--put (aref ccl--regs rrr)) (setq ic (+ next big)))
          ((or 7 9)
           (ccl--put (if (= op 7) (aref ccl--regs rrr) (funcall fetch next)))
           (when (= op 9) (setq ic (1+ next))))
          (8 (ccl--put (funcall fetch next)) (setq ic (+ next big)))
          (10 (let ((len (funcall fetch next)))
                (ccl--put-string code (1+ next) len)
                (setq ic (+ next big))))
          (11 (let ((len (funcall fetch next)) (i (aref ccl--regs rrr)))
                (when (and (>= i 0) (< i len)) (ccl--put (funcall fetch (+ next 1 i))))
                (setq ic (+ next 1 len))))
          (12 (when (funcall read rrr) (setq ic (+ next big))))
          ((or 13 16)
           (when (or (= op 13) (funcall read rrr))
             (let ((i (aref ccl--regs rrr)))
               (setq ic (+ next (funcall fetch (+ next (if (and (>= i 0) (< i big)) i big))))))))
          (14 (funcall read rrr))
          (15 (ccl--put (ccl--store 7 (ccl--calc arith (aref ccl--regs r2) (funcall fetch next))))
              (setq ic (1+ next)))
          (17 (ccl--put (aref ccl--regs rrr)))
          (18 (ccl--put (ccl--store 7 (ccl--calc arith (aref ccl--regs r2) (aref ccl--regs r3)))))
          (19 (let* ((target (if (= rrr 1) (funcall fetch next) big))
                     (sub (cond ((integerp target) (cdr (nth (- (length ccl--program-table) 1 target)
                                                             ccl--program-table)))
                                ((consp target) (cdr (ccl--entry (car target)))))))
                (unless (and sub (ccl-program-p sub)) (throw 'ccl--error (1+ next)))
                (when (= rrr 1) (setq ic (1+ next)))
                (let ((inner (ccl--run sub 2 eof-ran)))
                  (when (eq (car inner) 'suspend) (setq result inner)))))
          (20 (if (= rrr 0)
                  (ccl--put big)
                (ccl--put-string code next big)
                (setq ic (+ next (ccl--string-size code next big)))))
          (21 (let ((i (aref ccl--regs rrr)))
                (when (and (>= i 0) (< i big)) (ccl--put (funcall fetch (+ next i))))
                (setq ic (+ next big))))
          (22 (setq result (cons 'end here)))
          (23 (ccl--store rrr (ccl--calc arith (aref ccl--regs rrr) (funcall fetch next)))
              (setq ic (1+ next)))
          (24 (ccl--store rrr (ccl--calc arith (aref ccl--regs rrr) (aref ccl--regs r2))))
          (25 (ccl--store rrr (ccl--calc arith (aref ccl--regs r2) (funcall fetch next)))
              (setq ic (1+ next)))
          (26 (ccl--store rrr (ccl--calc arith (aref ccl--regs r2) (aref ccl--regs r3))))
          ((or 27 28 29 30)
           (when (or (< op 29) (funcall read rrr))
             (let* ((operator (funcall fetch next))
                    (arg (funcall fetch (1+ next)))
                    (b (if (memq op '(27 29)) arg (aref ccl--regs (logand arg 7)))))
               (setq ic (funcall cond-jump (ccl--calc operator (aref ccl--regs rrr) b))))))
          (_ (error "CCL: extended instructions are not supported by this implementation")))
          t)
          ;; A division by zero: GNU reports the position after the operands.
          (throw 'ccl--error (+ next (pcase op ((or 15 23 25) 1) ((or 27 28 29 30) 2) (_ 0)))))))
    result))

(defun ccl--registers-from (vector count) "A register vector from the first 8 of the COUNT elements of VECTOR, nil taken as 0."
  (let ((regs (make-vector 8 0)))
    (dotimes (i (min 8 count) regs)
      (let ((v (aref vector i)))
        (aset regs i (if (integerp v) v 0))))))

(defun ccl-execute (ccl-prog reg) "Run CCL-PROG with the registers in REG, a vector of 8 integers, updated in place.
There is no input and the output is thrown away; the value is nil."
  (unless (vectorp reg) (signal 'wrong-type-argument (list 'vectorp reg)))
  (unless (= (length reg) 8) (error "Length of vector REGISTERS is not 8"))
  (let* ((code (ccl--code-of ccl-prog))
         (regs (ccl--registers-from reg 8)))
    (ccl--run-toplevel code regs nil nil 2)
    (dotimes (i 8) (aset reg i (aref regs i)))
    nil))

(defun ccl--run-toplevel (code regs input continue start) "Run CODE from START; give (OUTPUT . IC)."
  (let* ((ccl--regs regs)
         (ccl--input input)
         (ccl--output nil)
         (ccl--continue continue)
         (outcome (catch 'ccl--error (list (ccl--run code start nil)))))
    (unless (consp outcome)
      (error "Error in CCL program at %dth code" outcome))
    (cons (nreverse ccl--output) (cdar outcome))))

(defun ccl-execute-on-string (ccl-program status string &optional continue unibyte-p) "Run CCL-PROGRAM over STRING and give its output as a string.
STATUS, a vector [R0 ... R7 IC], gives the registers (nil as 0) and
where to resume, and gets their values at the end.  With CONTINUE
non-nil the program stops, ready to resume, when it wants more input
than STRING has; otherwise it runs its EOF block.  With UNIBYTE-P the
output is a unibyte string."
  (unless (vectorp status) (signal 'wrong-type-argument (list 'vectorp status)))
  (unless (= (length status) 9) (error "Length of vector STATUS is not 9"))
  (unless (stringp string) (signal 'wrong-type-argument (list 'stringp string)))
  (let* ((code (ccl--code-of ccl-program))
         (regs (ccl--registers-from status 8))
         (ic (aref status 8))
         (start (if (and (integerp ic) (> ic 2) (< ic (length code))) ic 2))
         (input (if (multibyte-string-p string)
                    (string-to-list string)
                  (append string nil)))
         (run (ccl--run-toplevel code regs input continue start))
         (chars (car run)))
    (dolist (c chars)
      (unless (characterp c) (signal 'wrong-type-argument (list 'characterp c))))
    (dotimes (i 8) (aset status i (aref regs i)))
    (aset status 8 (cdr run))
    (if unibyte-p
        (apply #'unibyte-string (mapcar (lambda (c) (logand c 255)) chars))
      (apply #'string chars))))

(defun ccl-execute-with-args (ccl-prog &rest args) "Run CCL-PROG with its first registers set from ARGS (at most 8, the rest 0); give the registers."
  (let ((reg (make-vector 8 0)))
    (let ((i 0))
      (while (and args (< i 8))
        (aset reg i (car args))
        (setq args (cdr args) i (1+ i))))
    (ccl-execute ccl-prog reg)
    reg))

;;;; Listing compiled code.

(defconst ccl--names
  ["set-register" "set-short-const" "set-const" "set-array" "jump" "jump-cond"
   "write-register-jump" "write-register-read-jump" "write-const-jump"
   "write-const-read-jump" "write-string-jump" "write-array-read-jump" "read-jump"
   "branch" "read-register" "write-expr-const" "read-branch" "write-register"
   "write-expr-register" "call" "write-const-string" "write-array" "end"
   "set-assign-expr-const" "set-assign-expr-register" "set-expr-const"
   "set-expr-register" "jump-cond-expr-const" "jump-cond-expr-register"
   "read-jump-cond-expr-const" "read-jump-cond-expr-register" "ex-cmd"]
  "How the listing names each instruction, by its number.")

(defun ccl--operator-name (n) "The source spelling of operator number N."
  (symbol-name (car (rassq n ccl--operators))))

(defun ccl--dump-target (code at) "The text \"jump to T(+D)\" of the jump in word AT of CODE."
  (let ((target (+ at 1 (ash (aref code at) -8))))
    (format "jump to %d(%s%d)" target (if (> target at) "+" "") (- target at))))

(defun ccl--dump-chars (code from n) "Insert the N array elements of CODE from FROM as quoted characters, on a line of their own."
  (insert "\t")
  (dotimes (i n) (insert (format " \"%c\"" (aref code (+ from i)))))
  (insert "\n"))

(defun ccl--dump-string (code at len) "The LEN characters of the string words of CODE from AT, as a string."
  (let ((ccl--output nil))
    (ccl--put-string code at len)
    (apply #'string (nreverse ccl--output))))

(defun ccl--dump-one (code at) "Insert the listing of the instruction at AT of CODE; give the index after it."
  (let* ((word (aref code at))
         (op (logand word 31))
         (r (format "r%d" (logand (ash word -5) 7)))
         (r2 (format "r%d" (logand (ash word -8) 7)))
         (r3 (format "r%d" (logand (ash word -11) 7)))
         (big (ash word -8))
         (opname (ccl--operator-name (ash word -14)))
         (next (1+ at)))
    (insert (format "%5d:[%s] " at (aref ccl--names op)))
    (pcase op
      (0 (insert (format "%s = %s\n" r r2)))
      (1 (insert (format "%s = %d\n" r big)))
      (2 (insert (format "%s = %d\n" r (aref code next))) (setq next (1+ next)))
      (3 (let ((len (ash word -11)))
           (insert (format "%s = array[%s] of length %d\n" r r2 len))
           (ccl--dump-chars code next len)
           (setq next (+ next len))))
      (4 (insert (ccl--dump-target code at) "\n"))
      (5 (insert (format "if (%s == 0), %s\n" r (ccl--dump-target code at))))
      (6 (insert (format "write %s, %s\n" r (ccl--dump-target code at))))
      (7 (insert (format "write %s, read %s, %s\n" r r (ccl--dump-target code at)))
         (setq next (1+ next)))
      (8 (insert (format "write char \"%c\", %s\n" (aref code next) (ccl--dump-target code at)))
         (setq next (1+ next)))
      (9 (insert (format "write char \"%c\", read %s, %s\n" (aref code next) r (ccl--dump-target code at)))
         (setq next (+ next 2)))
      (10 (let ((len (aref code next)))
            (insert (format "write \"%s\", %s\n" (ccl--dump-string code (1+ next) len)
                            (ccl--dump-target code at)))
            (setq next (+ next 1 (ccl--string-size code (1+ next) len)))))
      (11 (let ((len (aref code next)))
            (insert (format "write array[%s] of length %d,\n" r len))
            (ccl--dump-chars code (1+ next) len)
            (insert (format "\tthen read %s, %s\n" r (ccl--dump-target code at)))
            (setq next (+ next 2 len))))
      (12 (insert (format "read %s, %s\n" r (ccl--dump-target code at))))
      ((or 13 16)
       (insert (format "%sjump to array[%s] of length %d\n\t" (if (= op 16) (format "read %s, " r) "") r big))
       (dotimes (i (1+ big)) (insert (format "%d " (+ next (aref code (+ next i))))))
       (insert "\n")
       (setq next (+ next big 1)))
      (14 (insert (format "read %s (%d remaining)\n" r big)))
      (15 (insert (format "write (%s %s %d)\n" r2 opname (aref code next))) (setq next (1+ next)))
      (17 (insert (format "write %s (%d remaining)\n" r big)))
      (18 (insert (format "write (%s %s %s)\n" r2 opname r3)))
      (19 (let ((callee (if (= (logand (ash word -5) 7) 1) (aref code next) big)))
            (insert (format-message "call subroutine `%s'\n" (car callee)))
            (setq next (1+ next))))
      (20 (if (string= r "r0")
              (insert (format "write char \"%c\"\n" big))
            (insert (format "write \"%s\"\n" (ccl--dump-string code next big)))
            (setq next (+ next (ccl--string-size code next big)))))
      (21 (insert (format "write array[%s] of length %d\n" r big))
          (ccl--dump-chars code next big)
          (setq next (+ next big)))
      (22 (insert "end\n"))
      (23 (insert (format "%s %s= %d\n" r opname (aref code next))) (setq next (1+ next)))
      (24 (insert (format "%s %s= %s\n" r opname r2)))
      (25 (insert (format "%s = %s %s %d\n" r r2 opname (aref code next))) (setq next (1+ next)))
      (26 (insert (format "%s = %s %s %s\n" r r2 opname r3)))
      ((or 27 28 29 30)
       (let ((arg (aref code (1+ next))))
         (insert (format "%sif !(%s %s %s), %s\n"
                         (if (>= op 29) (format "read %s, " r) "")
                         r (ccl--operator-name (aref code next))
                         (if (memq op '(27 29)) arg (format "r%d" arg))
                         (ccl--dump-target code at))))
       (setq next (+ next 2)))
      (_ (insert "\n")))
    next))

(defun ccl-dump (code) "Insert a readable listing of the compiled CCL program CODE at point."
  (let ((mag (aref code 0))
        (eof (aref code 1))
        (at 2))
    ;; The first line says how big the output may get against the input.
    (insert (if (= mag 0)
                (format-message "Don't output anything.\n")
              (format "Out-buffer must be %s in-buffer.\n"
                      (if (= mag 1) "as large as" (format "%d times bigger than" mag))))
            "Main-body:\n")
    (while (< at (length code))
      (when (= at eof) (insert "At EOF:\n"))
      (setq at (ccl--dump-one code at)))
    nil))

(provide 'ccl)

;;; ccl.el ends here
