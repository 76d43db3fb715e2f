;;; delim-col.el --- put delimiters around and between columns of text  -*- lexical-binding: t -*-

;; Part of tsmacs.  Written from GNU Emacs 28.2's observed behaviour.
;;
;; A table typed with tabs (or any other separator) is turned into
;; delimited text: each row's cells are split at every match of
;; `delimit-columns-separator', each cell is wrapped in
;; `delimit-columns-before' / `delimit-columns-after', the cells are
;; joined with `delimit-columns-str-separator', and the row is wrapped
;; in `delimit-columns-str-before' / `delimit-columns-str-after'.
;; Unless `delimit-columns-format' is nil, the cells of one column are
;; padded to the width of the widest one, the padding going after the
;; joining string (t), before it (`separator') or inside the cell's own
;; wrapping (`padding').  Only the cells numbered
;; `delimit-columns-start' to `delimit-columns-end' (from 0) are
;; reworked; the others stay as they were.
;;
;; `delimit-columns-region' works on whole lines,
;; `delimit-columns-rectangle' on the part of each line inside a
;; rectangle (the text right of it stays in place).

;;; Code:

(require 'rect)

(defgroup columns nil "Putting delimiters around and between the columns of a table of text."
  :prefix "delimit-columns-" :group 'convenience :group 'text)

(defmacro delim-col--options (&rest specs) "Define the user options of the group `columns', one per element of SPECS.
An element is (SUFFIX INITIAL KIND DOC): the option is named
delimit-columns-SUFFIX; KIND is its Customize type, a string standing
for a `string' type with that tag."
  (cons 'progn
        (mapcar (lambda (spec)
                  (let ((kind (nth 2 spec)))
                    (list 'defcustom (intern (concat "delimit-columns-" (symbol-name (car spec))))
                          (nth 1 spec) (nth 3 spec)
                          :group ''columns
                          :type (list 'quote (if (stringp kind) (list 'string :tag kind) kind)))))
                specs)))

(delim-col--options
 (str-before "" "Before All Columns" "Text inserted in front of each row's first reworked cell.")
 (str-separator ", " "Between Each Column" "Text put between two reworked cells of a row.")
 (str-after "" "After All Columns" "Text appended after each row's last reworked cell.")
 (before "" "Before Each Column" "Text put on the left of every cell.")
 (after "" "After Each Column" "Text put on the right of every cell.")
 (separator "\t" (regexp :tag "Column Separator") "Regexp matching what divides one cell of a row from the next.")
 (format t (choice :menu-tag "Column Formatting" :tag "Column Formatting"
                   (const :tag "No Formatting" nil) (const :tag "Column Alignment" t)
                   (const :tag "Separator Alignment" separator) (const :tag "Column Padding" padding))
         "How cells are padded to their column's width.
nil pads nothing; t puts the spaces after the string joining a cell
to the next; `separator' puts them before that string; `padding'
puts them inside the cell, before `delimit-columns-after'.")
 (extra t (boolean :tag "Lines With Same Number Of Column")
        "Non-nil gives short rows empty cells, so that every row has as many.
It only matters when `delimit-columns-format' is non-nil.")
 (start 0 (integer :tag "Column Start") "Number (from 0) of the first cell of a row to rework.")
 (end 1000000 (integer :tag "Column End") "Number (from 0) of the last cell of a row to rework."))

;;;###autoload
(defun delimit-columns-customize () "Show the options of `delimit-columns-region' in a Customize buffer."
  (interactive)
  (customize-group 'columns))

(defun delim-col--split (text) "Cut TEXT at each separator match: a list of (FROM . TO) index pairs, one per cell."
  (let ((cells nil) (from 0) (scan 0))
    (while (and (<= scan (length text))
                (string-match delimit-columns-separator text scan))
      (if (= (match-beginning 0) (match-end 0))
          ;; An empty match divides nothing: look further on.
          (setq scan (1+ (match-end 0)))
        (push (cons from (match-beginning 0)) cells)
        (setq from (match-end 0) scan from)))
    (nreverse (cons (cons from (length text)) cells))))

(defun delim-col--cell (row i) "The text of cell I of ROW, or \"\" when ROW has fewer cells."
  (let ((span (nth i (cdr row))))
    (if span (substring (car row) (car span) (cdr span)) "")))

(defun delim-col--edits (row last widths) "The changes turning ROW (TEXT . CELLS) into delimited cells up to LAST.
WIDTHS is a vector of the widths of the columns.  The value is a list
of (FROM TO NEW): replace the text between indexes FROM and TO of ROW's
text with NEW; the cells' own text is never replaced, only what lies
between them, so that markers in a cell stay with it."
  (let* ((cells (cdr row))
         (real (length cells))
         (i delimit-columns-start)
         (lead delimit-columns-str-before)
         (edits nil))
    (while (<= i last)
      (let* ((cell (delim-col--cell row i))
             (gap (and delimit-columns-format
                       (make-string (max 0 (- (aref widths i) (string-width cell))) ?\s)))
             (join (if (< i last) delimit-columns-str-separator ""))
             (tail (pcase delimit-columns-format
                     ('padding (concat gap delimit-columns-after join))
                     ('separator (concat delimit-columns-after gap join))
                     (_ (concat delimit-columns-after join gap)))))
        (if (< i real)
            (let ((span (nth i cells)))
              ;; What goes in front of this cell replaces the separator
              ;; before it (or nothing, for the first one reworked).
              (push (list (if (= i delimit-columns-start) (car span) (cdr (nth (1- i) cells)))
                          (car span)
                          (concat lead delimit-columns-before))
                    edits))
          ;; A cell the row lacks: it goes after the row's last one.
          (let ((end (cdr (nth (1- real) cells))))
            (push (list end end (concat lead delimit-columns-before)) edits)))
        (setq lead tail i (1+ i))))
    (let ((end (cdr (nth (min last (1- real)) cells))))
      (push (list end end (concat lead delimit-columns-str-after)) edits))
    ;; Made from left to right; to be applied from right to left.
    edits))

(defun delim-col--rework (spans) "Rewrite the text between each pair of markers of SPANS as delimited cells."
  (let* ((rows (mapcar (lambda (span)
                         (let ((text (buffer-substring-no-properties (car span) (cdr span))))
                           (cons text (delim-col--split text))))
                       spans))
         (first delimit-columns-start)
         ;; The last cell number reworked: the row's own last one, or the
         ;; widest row's when short rows are to be filled up.
         (widest (apply #'max 0 (mapcar (lambda (row) (length (cdr row))) rows)))
         (fill (and delimit-columns-format delimit-columns-extra))
         (widths (make-vector (max widest 1) 0)))
    (dolist (row rows)
      (let ((i 0))
        (dolist (span (cdr row))
          (aset widths i (max (aref widths i)
                              (string-width (substring (car row) (car span) (cdr span)))))
          (setq i (1+ i)))))
    (while spans
      (let* ((row (car rows))
             (base (marker-position (car (car spans))))
             (last (min delimit-columns-end (1- (if fill widest (length (cdr row)))))))
        (when (and (<= first last) (< first (length (cdr row))))
          (dolist (edit (delim-col--edits row last widths))
            (goto-char (+ base (nth 0 edit)))
            (delete-region (point) (+ base (nth 1 edit)))
            (insert (nth 2 edit)))))
      (set-marker (car (car spans)) nil)
      (set-marker (cdr (car spans)) nil)
      (setq spans (cdr spans) rows (cdr rows)))))

;;;###autoload
(defun delimit-columns-region (start end) "Delimit the columns of the lines of the region from START to END.
A line is taken whole when the region holds part of it; see the group
`columns' for what is inserted."
  (interactive "*r")
  ;; With no cell number in the range there is nothing to do.
  (when (<= delimit-columns-start delimit-columns-end)
    (save-excursion
      (let ((rows nil)
            (stop (copy-marker end)))
        (goto-char start)
        (beginning-of-line)
        (while (and (< (point) stop) (not (eobp)))
          (let ((row-start (point-marker)))
            (goto-char (line-end-position))
            ;; GNU's command steps over the newline of each line it takes
            ;; and fails on a last line that has none, before changing anything.
            (if (eobp)
                (signal 'end-of-buffer nil)
              (push (cons row-start (point-marker)) rows)
              (forward-char))))
        (delim-col--rework (nreverse rows))
        (set-marker stop nil)))))

;;;###autoload
(defun delimit-columns-rectangle (start end) "Delimit the columns of the text in the rectangle from START to END.
Text right of the rectangle stays where it is, after the last cell."
  (interactive "*r")
  (when (<= delimit-columns-start delimit-columns-end)
    (save-excursion
      (let ((rows nil)
            (corner (copy-marker end)))
        (apply-on-rectangle
         (lambda (left right)
           ;; A line ending left of the rectangle has no part in it.
           (when (>= (move-to-column left) left)
             (let ((row-start (point-marker)))
               ;; A tab across the right edge stays out.
               (when (> (move-to-column right) right)
                 (forward-char -1))
               (push (cons row-start (copy-marker (max row-start (point)))) rows))))
         start corner)
        (delim-col--rework (nreverse rows))
        (set-marker corner nil)))))

(provide 'delim-col)

;;; delim-col.el ends here
