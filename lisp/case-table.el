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

(defun case-table--up (table)
  "Return TABLE's table of upper cases, giving it an empty one if it has none."
  (or (char-table-extra-slot table 0)
      (let ((up (make-char-table 'case-table)))
        (set-char-table-extra-slot table 0 up)
        up)))

(defun case-table--changed (table)
  "Forget TABLE's canon and eqv tables, which its change made stale."
  (set-char-table-extra-slot table 1 nil)
  (set-char-table-extra-slot table 2 nil))

(defun copy-case-table (case-table)
  "Return a fresh copy of CASE-TABLE, its table of upper cases copied too.
The copy has no canon and eqv tables: installing it computes them."
  (let ((copy (copy-sequence case-table))
        (up (char-table-extra-slot case-table 0)))
    (when up
      (set-char-table-extra-slot copy 0 (copy-sequence up)))
    (case-table--changed copy)
    copy))

(defun set-case-syntax-pair (uc lc table)
  "Make UC and LC the upper and lower case of one letter in case table TABLE.
Both become word constituents in the standard syntax table."
  (aset table uc lc)
  (aset table lc lc)
  (let ((up (case-table--up table)))
    (aset up uc uc)
    (aset up lc uc))
  (case-table--changed table)
  (modify-syntax-entry lc "w   " (standard-syntax-table))
  (modify-syntax-entry uc "w   " (standard-syntax-table)))

(defun set-upcase-syntax (uc lc table)
  "Make UC the upper case of LC in case table TABLE, leaving UC's lower case alone.
Both become word constituents in the standard syntax table."
  (aset table lc lc)
  (let ((up (case-table--up table)))
    (aset up uc uc)
    (aset up lc uc))
  (case-table--changed table)
  (modify-syntax-entry lc "w   " (standard-syntax-table))
  (modify-syntax-entry uc "w   " (standard-syntax-table)))

(defun set-downcase-syntax (uc lc table)
  "Make LC the lower case of UC in case table TABLE, leaving LC's upper case alone.
Both become word constituents in the standard syntax table."
  (aset table uc lc)
  (aset table lc lc)
  (aset (case-table--up table) uc uc)
  (case-table--changed table)
  (modify-syntax-entry lc "w   " (standard-syntax-table))
  (modify-syntax-entry uc "w   " (standard-syntax-table)))

(defun set-case-syntax (c syntax table)
  "Make C caseless in case table TABLE and give it SYNTAX in the standard syntax table.
SYNTAX is a descriptor string as `modify-syntax-entry' takes."
  (aset table c c)
  (aset (case-table--up table) c c)
  (case-table--changed table)
  (modify-syntax-entry c syntax (standard-syntax-table)))

(defun set-case-syntax-delims (l r table)
  "Make L and R a caseless pair of matching delimiters.
In case table TABLE both map to themselves; in the standard syntax
table L opens and R closes a parenthetical group."
  (aset table l l)
  (aset table r r)
  (let ((up (case-table--up table)))
    (aset up l l)
    (aset up r r))
  (case-table--changed table)
  (modify-syntax-entry l (string ?\( r ?\s ?\s) (standard-syntax-table))
  (modify-syntax-entry r (string ?\) l ?\s ?\s) (standard-syntax-table)))

(defmacro with-case-table (table &rest body)
  "Run BODY with TABLE as the current buffer's case table.
The previous case table is put back in that buffer afterwards, however
BODY is left; the value is that of BODY's last form."
  (declare (indent 1) (debug t))
  ;; The expansion is GNU's, uninterned variables included.
  (let ((saved (make-symbol "table"))
        (buf (make-symbol "buffer")))
    `(let ((,saved (current-case-table))
           (,buf (current-buffer)))
       (unwind-protect
           (progn (set-case-table ,table)
                  ,@body)
         (with-current-buffer ,buf
           (set-case-table ,saved))))))

(provide 'case-table)

;;; case-table.el ends here
