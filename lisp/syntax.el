;;; syntax.el --- syntax table helpers and the Lisp modes' syntax tables for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.
;;
;; Preloaded.  The primitives live in src/emacs/syntax.ts; here are the
;; subr-level helpers (`make-syntax-table', `with-syntax-table',
;; `syntax-after', `syntax-class') and the syntax tables of the Lisp
;; modes that GNU's batch session has loaded and that Lisp code relies
;; on.  Their entries were read off a running GNU Emacs 28.2 with
;; `map-char-table', their parents with `char-table-parent'.

(defun make-syntax-table (&optional oldtable)
  "Return a new, empty syntax table that inherits from OLDTABLE.
OLDTABLE defaults to the standard syntax table.  Every character has
the syntax its parent gives it until `modify-syntax-entry' changes it."
  (let ((table (make-char-table 'syntax-table nil)))
    (set-char-table-parent table (or oldtable (standard-syntax-table)))
    table))

(defmacro with-syntax-table (table &rest body)
  "Run BODY with TABLE as the current buffer's syntax table.
The previous syntax table is put back in that buffer afterwards, however
BODY is left; the value is that of BODY's last form."
  (declare (debug t) (indent 1))
  ;; The expansion is GNU's, uninterned variables included.
  (let ((saved (make-symbol "table"))
        (buf (make-symbol "buffer")))
    `(let ((,saved (syntax-table))
           (,buf (current-buffer)))
       (unwind-protect
           (progn
             (set-syntax-table ,table)
             ,@body)
         (save-current-buffer
           (set-buffer ,buf)
           (set-syntax-table ,saved))))))

(defun syntax-after (pos)
  "Return the raw syntax descriptor of the character after POS, or nil.
The value is nil when POS is outside the accessible part of the buffer.
A `syntax-table' text property there counts when
`parse-sexp-lookup-properties' is non-nil."
  (unless (or (< pos (point-min)) (>= pos (point-max)))
    (let ((prop (and (bound-and-true-p parse-sexp-lookup-properties)
                     (get-char-property pos 'syntax-table))))
      (if (consp prop)
          prop
        (aref (or prop (syntax-table)) (char-after pos))))))

(defun syntax-class (syntax)
  "Return the class number of the raw syntax descriptor SYNTAX, or nil.
The flags kept in the high bits of the descriptor's code are dropped."
  (and syntax (logand (car syntax) 65535)))

;;; The Lisp modes' tables.

(defvar prog-mode-syntax-table (make-syntax-table)
  "Syntax table of programming modes: the standard table's entries.")

(defvar lisp-data-mode-syntax-table
  (let ((table (make-syntax-table)))
    ;; Letters and digits keep the standard word syntax: only what
    ;; differs from it is set, as in GNU's table.
    (dolist (entry '(((0 . 8) . "_") (9 . " ") (10 . ">") (11 . "_") (12 . " ")
                     ((13 . 31) . "_") (32 . " ") (33 . "_") (34 . "\"") (35 . "'")
                     ((36 . 38) . "_") (39 . "'") (40 . "()") (41 . ")(")
                     ((42 . 43) . "_") (44 . "'") ((45 . 47) . "_") (58 . "_")
                     (59 . "<") ((60 . 63) . "_") (64 . "_ p") (91 . "(]")
                     (92 . "\\") (93 . ")[") ((94 . 95) . "_") (96 . "'")
                     ((123 . 127) . "_") (160 . " ")))
      (modify-syntax-entry (car entry) (cdr entry) table))
    (set-char-table-parent table prog-mode-syntax-table)
    table)
  "Syntax table of Lisp data: comments run from `;' to the end of the line.")

(defvar lisp-mode-syntax-table
  (let ((table (make-syntax-table lisp-data-mode-syntax-table)))
    ;; Common Lisp's #| ... |# comments and |escaped symbols|.
    (modify-syntax-entry ?# "' 14" table)
    (modify-syntax-entry ?\[ "_" table)
    (modify-syntax-entry ?\] "_" table)
    (modify-syntax-entry ?| "\" 23bn" table)
    table)
  "Syntax table of Common Lisp mode.")

(defvar emacs-lisp-mode-syntax-table (make-syntax-table lisp-data-mode-syntax-table)
  "Syntax table of Emacs Lisp mode: that of Lisp data.")

(defvar lisp-interaction-mode-syntax-table (make-syntax-table emacs-lisp-mode-syntax-table)
  "Syntax table of Lisp Interaction mode, the mode of *scratch*.")

;; GNU's batch session evaluates in *scratch*, in Lisp Interaction mode.
(set-syntax-table lisp-interaction-mode-syntax-table)

;;; syntax.el ends here
