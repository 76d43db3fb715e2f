;;; case-table.el --- building case tables for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from the Emacs Lisp Reference Manual ("The Case
;; Table") and GNU Emacs 28.2's observed behaviour; GNU's file of the same
;; name was never read.
;;
;; Preloaded, as in GNU's batch session.  A case table maps characters
;; to lower case; its extra slot 0 (the "up" table) maps them to upper
;; case, slots 1 and 2 (canon and eqv) are derived from the two and are
;; cleared here whenever an entry changes, so that `set-case-table'
;; derives them afresh.  The `set-case-syntax' family also gives the
;; characters their syntax in the standard syntax table.

(defun case-table--up (table) "Return TABLE's table of upper cases, giving it an empty one if it has none."
  (or (char-table-extra-slot table 0)
      (let ((up (make-char-table 'case-table)))
        (set-char-table-extra-slot table 0 up)
        up)))

(defun case-table--changed (table) "Forget TABLE's canon and eqv tables, which its change made stale."
  (dolist (slot '(1 2))
    (set-char-table-extra-slot table slot nil)))

(defun case-table--put (table &rest pairs) "Store in TABLE each (CHAR . VALUE) of PAIRS."
  (dolist (p pairs)
    (aset table (car p) (cdr p))))

(defun case-table--syntax (syntax &rest chars) "Give each of CHARS the descriptor SYNTAX in the standard syntax table."
  (dolist (c chars)
    (modify-syntax-entry c syntax (standard-syntax-table))))

(defun case-table-get-table (case-table table) "Return the TABLE of CASE-TABLE: `down' (CASE-TABLE itself), `up', `canon' or `eqv'.
Missing up, canon and eqv tables are derived as `set-case-table' derives them."
  (if (eq table 'down)
      case-table
    (let ((slot (cdr (assq table '((up . 0) (canon . 1) (eqv . 2))))))
      (or (char-table-extra-slot case-table slot)
          ;; Installing the table derives what it lacks; put the old one back.
          (let ((old (current-case-table)))
            (set-case-table case-table)
            (set-case-table old)
            (char-table-extra-slot case-table slot))))))

(defun copy-case-table (case-table) "Return a fresh copy of CASE-TABLE, its table of upper cases copied too.
The copy has no canon and eqv tables: installing it computes them."
  (let ((new (copy-sequence case-table))
        (upper (char-table-extra-slot case-table 0)))
    (when upper
      (set-char-table-extra-slot new 0 (copy-sequence upper)))
    (case-table--changed new)
    new))

(defun set-case-syntax-pair (uc lc table) "Make UC and LC the upper and lower case of one letter in case table TABLE.
Both become word constituents in the standard syntax table."
  (case-table--put table (cons uc lc) (cons lc lc))
  (case-table--put (case-table--up table) (cons uc uc) (cons lc uc))
  (case-table--changed table)
  (case-table--syntax "w   " lc uc))

(defun set-upcase-syntax (uc lc table) "Make UC the upper case of LC in case table TABLE, leaving UC's lower case alone.
Both become word constituents in the standard syntax table."
  (case-table--put table (cons lc lc))
  (case-table--put (case-table--up table) (cons uc uc) (cons lc uc))
  (case-table--changed table)
  (case-table--syntax "w   " lc uc))

(defun set-downcase-syntax (uc lc table) "Make LC the lower case of UC in case table TABLE, leaving LC's upper case alone.
Both become word constituents in the standard syntax table."
  (case-table--put table (cons uc lc) (cons lc lc))
  (case-table--put (case-table--up table) (cons uc uc))
  (case-table--changed table)
  (case-table--syntax "w   " lc uc))

(defun set-case-syntax (c syntax table) "Make C caseless in case table TABLE and give it SYNTAX in the standard syntax table.
SYNTAX is a descriptor string as `modify-syntax-entry' takes."
  (case-table--put table (cons c c))
  (case-table--put (case-table--up table) (cons c c))
  (case-table--changed table)
  (case-table--syntax syntax c))

(defun set-case-syntax-delims (l r table) "Make L and R a caseless pair of matching delimiters.
In case table TABLE both map to themselves; in the standard syntax
table L opens and R closes a parenthetical group."
  (case-table--put table (cons l l) (cons r r))
  (case-table--put (case-table--up table) (cons l l) (cons r r))
  (case-table--changed table)
  (case-table--syntax (string ?\( r ?\s ?\s) l)
  (case-table--syntax (string ?\) l ?\s ?\s) r))

(defmacro with-case-table (table &rest body) "Run BODY with TABLE as the current buffer's case table.
The previous case table is put back in that buffer afterwards, however
BODY is left; the value is that of BODY's last form."
  (declare (debug t) (indent 1))
  ;; The expansion is GNU's, uninterned variables included.
  (let ((saved (make-symbol "table"))
        (buf (make-symbol "buffer")))
    (list 'let (list (list saved '(current-case-table)) (list buf '(current-buffer)))
          (list 'unwind-protect
                (cons 'progn (cons (list 'set-case-table table) body))
                (list 'with-current-buffer buf (list 'set-case-table saved))))))

;; GNU keeps this one in mule.el, preloaded as this file is; its expansion is GNU's
;; (uninterned `old-table' and `old-buffer').
(defmacro with-category-table (table &rest body) "Evaluate BODY while TABLE is the current buffer's category table.
Whatever way BODY ends, the buffer that was current on entry gets its own
category table back.  Returns the value of the last form of BODY."
  (declare (debug t) (indent 1))
  (let ((prev (make-symbol "old-table"))
        (home (make-symbol "old-buffer")))
    `(let ((,prev (category-table))
           (,home (current-buffer)))
       (unwind-protect
           (progn (set-category-table ,table) ,@body)
         (with-current-buffer ,home
           (set-category-table ,prev))))))

(provide 'case-table)

;; End of case-table.el.
