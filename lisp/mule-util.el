;;; mule-util.el --- string helpers from GNU's mule-util: store-substring, truncate-string-to-width  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.  Only the
;; string functions programs commonly call are here; both are autoloaded.

;;; Code:

(defvar truncate-string-ellipsis nil "When a string, what `truncate-string-to-width' shows for cut-off text; nil means the default.")

(defun truncate-string-ellipsis () "The ellipsis `truncate-string-to-width' uses when asked for the default one."
  (or truncate-string-ellipsis "…"))

(defun store-substring (string idx obj) "Overwrite STRING from index IDX with OBJ, a character or a string; give STRING."
  (cond ((characterp obj) (aset string idx obj))
        ;; A plain byte copy when it is one, else each character in turn.
        ((tsmacs--store-substring string idx obj))
        (t (let ((n (length obj)))
             (dotimes (k n)
               (aset string (+ idx k) (aref obj k))))))
  string)

(defun truncate-string-to-width (str end-column &optional start-column padding ellipsis ellipsis-text-property)
  "Give the part of STR that lies between display columns START-COLUMN (default 0) and END-COLUMN.
A wide character cut by either column is left out; with PADDING (a
character) the columns it leaves empty are filled with PADDING, as is
the room after a string that ends before END-COLUMN.  ELLIPSIS (a
string, or t for `truncate-string-ellipsis') ends a string that had to
be cut; with ELLIPSIS-TEXT-PROPERTY the cut text stays, covered by a
`display' property showing the ellipsis."
  (let* ((len (length str))
         (_total (string-width str))
         (first (or start-column 0))
         (ell (cond ((stringp ellipsis) ellipsis)
                    (ellipsis (truncate-string-ellipsis))))
         (i 0) (col 0))
    ;; Walk to START-COLUMN; a wide character crossing it is skipped whole.
    (while (and (< i len) (< col first))
      (setq col (+ col (char-width (aref str i)))
            i (1+ i)))
    (if (< col first)
        ;; The string ends before START-COLUMN.
        (if padding (make-string end-column padding) "")
      (let* ((lead (if (and padding (> col first)) (make-string (- col first) padding) ""))
             (from i)
             (width (+ col (string-width str from)))
             (cut (and ell (> width end-column) (> width (string-width ell))))
             (room (- end-column (if cut (string-width ell) 0))))
        (cond
         ((< end-column col) (concat lead ell))
         ;; No room even for the ellipsis: GNU 28 keeps the whole rest, and
         ;; with PADDING fails on the column arithmetic; both kept as observed.
         ((and cut (< room col))
          (if padding
              (signal 'wrong-type-argument (list 'number-or-marker-p nil))
            (concat (substring str from) ell)))
         (t
          (while (and (< i len) (<= (+ col (char-width (aref str i))) room))
            (setq col (+ col (char-width (aref str i)))
                  i (1+ i)))
          (if (and cut ellipsis-text-property)
              (let ((whole (concat lead (substring str from))))
                (put-text-property (+ (length lead) (- i from)) (length whole) 'display ell whole)
                whole)
            (concat lead (substring str from i)
                    (and padding (< col room) (make-string (- room col) padding))
                    (and cut ell)))))))))

(provide 'mule-util)
