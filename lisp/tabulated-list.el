;;; tabulated-list.el --- Tabulated List mode: a buffer showing entries in columns  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and the
;; Elisp manual's "Tabulated List Mode" node.  A mode derived from this
;; one sets `tabulated-list-format' (a vector of (NAME WIDTH SORT . PROPS)),
;; `tabulated-list-entries' (a list of (ID [LABEL...]) or a function giving
;; one) and calls `tabulated-list-print'.  Each printed line carries its
;; entry's ID and vector as text properties; each column's text carries
;; the column's name.  Autoloaded (autoloads.el).

;;; Variables.

;;;###autoload
(defvar-local tabulated-list-sort-key nil "The column sorted on: (NAME . FLIP), or nil for the entries' own order.")
;;;###autoload
(defvar-local tabulated-list-padding 0 "Number of columns kept free at the start of each line, for tags.")
;;;###autoload
(defvar-local tabulated-list-entries nil "The entries to show: a list of (ID CONTENTS), or a function returning one.")
;;;###autoload
(defvar-local tabulated-list-format nil "Vector describing the columns: each element is (NAME WIDTH SORT . PROPS).")
;;;###autoload
(defvar-local tabulated-list-printer 'tabulated-list-print-entry "Function of ID and CONTENTS inserting one entry's line.")
;;;###autoload
(defvar-local tabulated-list-use-header-line t "Non-nil means the column names go in the header line.")
;; What a derived mode set up survives a change of major mode.
(dolist (var '(tabulated-list-sort-key tabulated-list-padding tabulated-list-entries tabulated-list-format))
  (put var 'permanent-local t))

;;;###autoload
(defvar tabulated-list-revert-hook nil "Hook run by `tabulated-list-revert' before the entries are printed again.")
;;;###autoload
(defvar tabulated-list--header-string nil "The header that `tabulated-list-print-fake-header' shows in the buffer.")
;;;###autoload
(defvar tabulated-list--header-overlay nil "Overlay showing the header in the buffer when there is no header line.")
(defvar tabulated-list--near-rows) ; The entries printed before, at and after the one being printed.

(defun tabulated-list--keymap (bindings &optional parent) "Return a new keymap with PARENT holding BINDINGS, a list of (KEY . COMMAND) defined in order."
  (let ((keys (make-sparse-keymap)))
    (if parent (set-keymap-parent keys parent))
    (pcase-dolist (`(,key . ,command) bindings keys)
      (define-key keys key command))))

(defvar tabulated-list-sort-button-map (tabulated-list--keymap
   (append (mapcar (lambda (k) (cons k 'tabulated-list-col-sort))
                   '([header-line mouse-1] [header-line mouse-2] [mouse-1] [mouse-2]))
           '(("\C-m" . tabulated-list-sort) ([follow-link] . mouse-face))))
  "Keymap on the names of the sortable columns in the header.")

(defvar tabulated-list-mode-map (tabulated-list--keymap
   `(("n" . next-line) ("p" . previous-line)
     (,(kbd "M-<left>") . tabulated-list-previous-column)
     (,(kbd "M-<right>") . tabulated-list-next-column)
     ("S" . tabulated-list-sort)
     ("}" . tabulated-list-widen-current-column) ("{" . tabulated-list-narrow-current-column)
     ([follow-link] . mouse-face) ([mouse-2] . mouse-select-window))
   ;; Buttons' keys first, then those of special buffers.
   (make-composed-keymap (list button-buffer-map) special-mode-map))
  "Keymap of Tabulated List mode.")

;;; Columns.

(defun tabulated-list--column-number (name) "Return the index of the column called NAME, or signal an error."
  (or (seq-position (append tabulated-list-format nil) name
                    (lambda (spec wanted) (equal (car spec) wanted)))
      (error "No column named %s" name)))

(defun tabulated-list--label-text (label) "Return the text of the column LABEL, a string or (STRING . BUTTON-PROPS)."
  (if (consp label) (car label) label))

(defun tabulated-list--cell-width (row col) "Return the display width of column COL's label in ROW, an entry (ID VECTOR)."
  (let ((cells (car (cdr row))))
    (if (and (vectorp cells) (< col (length cells)))
        (string-width (or (tabulated-list--label-text (aref cells col)) ""))
      0)))

(defun tabulated-list--col-local-max-widths (col) "Return the widest label of column COL among the entries printed around the current one."
  (let ((widest 0))
    (dolist (row tabulated-list--near-rows widest)
      (setq widest (max widest (tabulated-list--cell-width row col))))))

(defun tabulated-list--available-space (width n) "Return how many columns the label of column N may use, its WIDTH plus room lent by the next column.
A right-aligned next column lends what its labels around the current
entry leave unused."
  (let ((follower (and (< (1+ n) (length tabulated-list-format))
                       (aref tabulated-list-format (1+ n)))))
    (if (not (plist-get (nthcdr 3 follower) :right-align))
        width
      (let ((spare (- (car (cdr follower)) (tabulated-list--col-local-max-widths (1+ n)))))
        (+ width (if (> spare 0) spare 0))))))

(defun tabulated-list--blank (count &optional align-to) "Return COUNT spaces, displayed up to column ALIGN-TO when that is given."
  (let ((spaces (make-string count ?\s)))
    (if align-to (propertize spaces 'display (list 'space :align-to align-to)) spaces)))

(defun tabulated-list-print-col (n col-desc x) "Insert COL-DESC, the label of column N, which starts at column X; return the next column's X.
COL-DESC is a string or (LABEL . PROPS), the latter inserted as a button."
  (pcase-let* ((`(,name ,width ,_sorter . ,options) (aref tabulated-list-format n))
               (gap (or (plist-get options :pad-right) 1))
               (flush-right (plist-get options :right-align))
               (final (= (1+ n) (length tabulated-list-format)))
               (text (tabulated-list--label-text col-desc))
               (limit (if final (string-width text) (tabulated-list--available-space width n)))
               (used (min (string-width text) limit))
               (stop (+ x width gap))
               (col-start (point)))
    (when (and flush-right (< used width))
      (insert (tabulated-list--blank (- width used) (+ x (- width used)))))
    (cond
     ((consp col-desc) (apply #'insert-text-button col-desc))
     (t (insert (propertize (if (> (string-width text) limit)
                                (truncate-string-to-width text limit nil nil t t)
                              text)
                            'help-echo (format "%s: %s" name text)))))
    (unless final
      (insert (tabulated-list--blank gap))
      (let ((reached (+ x gap (if flush-right (max used width) used))))
        (when (< reached stop)
          (insert (tabulated-list--blank (- stop reached) stop)))))
    (put-text-property col-start (point) 'tabulated-list-column-name name)
    stop))

(defun tabulated-list-print-entry (id cols) "Insert the line of the entry ID whose labels are the vector COLS."
  (let* ((line-start (point))
         (inhibit-read-only t)
         (tabulated-list--near-rows (if (boundp 'tabulated-list--near-rows)
                                        tabulated-list--near-rows
                                      (list (list id cols))))
         (x (max tabulated-list-padding 0)))
    (insert (tabulated-list--blank x))
    (dotimes (n (length tabulated-list-format))
      (setq x (tabulated-list-print-col n (aref cols n) x)))
    (insert ?\n)
    (add-text-properties line-start (point) (list 'tabulated-list-id id 'tabulated-list-entry cols))))

;;; Columns as displayed.

;; The padding between labels is displayed with `(space :align-to COL)'
;; and a cut label's tail as "…", so columns on screen are not character
;; counts.  Remembering and restoring point's column goes by the display.

(defun tabulated-list--display-unit (pos eol col) "Return (END . COL-AFTER) for the display unit at POS, shown from column COL, on a line ending at EOL.
An aligned stretch reaching past COL is one unit; any other character
counts on its own."
  (let* ((shown-as (get-text-property pos 'display))
         (align (and (eq (car-safe shown-as) 'space) (plist-get (cdr shown-as) :align-to))))
    (if (and (integerp align) (> align col))
        (cons (next-single-property-change pos 'display nil eol) align)
      (cons (1+ pos) (+ col (char-width (char-after pos)))))))

(defun tabulated-list--current-column () "Return the column point is displayed at."
  (let ((p (line-beginning-position))
        (line-end (line-end-position))
        (target (point))
        (col 0))
    (while (< p target)
      (pcase-let ((`(,next . ,after) (tabulated-list--display-unit p line-end col)))
        ;; Inside a stretch counts as its end.
        (setq col after p (min next target))))
    col))

(defun tabulated-list--move-to-column (goal) "Move point along the line to the first place displayed at or past column GOAL."
  (let ((line-end (line-end-position))
        (col 0))
    (forward-line 0)
    (while (and (< col goal) (< (point) line-end))
      (pcase-let ((`(,next . ,after) (tabulated-list--display-unit (point) line-end col)))
        (setq col after)
        (goto-char next)))))

;;; The header.

(defun tabulated-list--header-label (name sortable) "Return the header text naming the column NAME, clickable when SORTABLE."
  (let ((label (apply #'propertize name 'tabulated-list-column-name name
                      (and sortable
                           (list 'help-echo "Click to sort by column" 'mouse-face 'header-line-highlight
                                 'keymap tabulated-list-sort-button-map)))))
    (pcase tabulated-list-sort-key
      (`(,(pred (equal name)) . ,flip) (concat label (if flip " ▲" " ▼")))
      (_ label))))

(defun tabulated-list-init-header () "Build the header showing the column names and put it in the header line."
  (let* ((left (max tabulated-list-padding 0))
         (x left)
         (pieces
          (mapcan
           (pcase-lambda (`(,name ,width ,sortable . ,options))
             (let* ((label (tabulated-list--header-label name sortable))
                    (short (- width (string-width label)))
                    (lead (and (plist-get options :right-align) (> short 0)
                               (tabulated-list--blank 1 (+ x short)))))
               (setq x (+ x width (or (plist-get options :pad-right) 1)))
               (delq nil (list lead label
                               (propertize " " 'display `(space :align-to ,x) 'face 'fixed-pitch)))))
           (append tabulated-list-format nil)))
         (header (apply #'concat (tabulated-list--blank 1 left) pieces)))
    (cond
     (tabulated-list-use-header-line (setq header-line-format header))
     (t (setq header-line-format nil)
        (setq-local tabulated-list--header-string header)
        (tabulated-list-print-fake-header)))
    header))

(defun tabulated-list-print-fake-header () "Show the header at the top of the buffer, as an overlay, when there is no header line."
  (if tabulated-list--header-overlay (delete-overlay tabulated-list--header-overlay))
  (let ((shown (make-overlay (point-min) (point-min))))
    (overlay-put shown 'tabulated-list--header-overlay t)
    (overlay-put shown 'before-string (concat tabulated-list--header-string "\n"))
    (setq-local tabulated-list--header-overlay shown)))

(defun tabulated-list-header-overlay-p (&optional pos) "Return non-nil if there is a fake header overlay at POS (default the buffer's start)."
  (let ((here (overlays-at (or pos (point-min)))))
    (while (and here (not (overlay-get (car here) 'tabulated-list--header-overlay)))
      (pop here))
    (and here t)))

;;; Printing.

(defun tabulated-list--ascending (n spec) "Return the predicate ordering entries by column N, for the sort SPEC of that column.
SPEC t compares the labels as strings; otherwise it is the predicate."
  (if (eq spec t)
      (lambda (a b)
        (string< (tabulated-list--label-text (aref (cadr a) n))
                 (tabulated-list--label-text (aref (cadr b) n))))
    spec))

(defun tabulated-list--get-sorter () "Return the predicate sorting the entries by `tabulated-list-sort-key', or nil."
  (pcase tabulated-list-sort-key
    (`(,(and name (pred identity)) . ,flip)
     (let* ((n (tabulated-list--column-number name))
            (pred (tabulated-list--ascending n (nth 2 (aref tabulated-list-format n)))))
       (if flip (lambda (a b) (funcall pred b a)) pred)))))

(defun tabulated-list--ordered (entries) "Return ENTRIES in the order `tabulated-list-sort-key' asks for."
  (let* ((name (car tabulated-list-sort-key))
         (n (and name (tabulated-list--column-number name)))
         (spec (and n (nth 2 (aref tabulated-list-format n)))))
    (if (null spec)
        entries
      (let ((sorted (sort entries (tabulated-list--ascending n spec))))
        (if (cdr tabulated-list-sort-key) (nreverse sorted) sorted)))))

(defun tabulated-list-print (&optional remember-pos _update) "Erase the buffer and insert a line for each entry of `tabulated-list-entries'.
The entries are sorted first by `tabulated-list-sort-key'.  With
REMEMBER-POS, point goes back to the entry and column it was on."
  (let* ((inhibit-read-only t) (back-to (and remember-pos (tabulated-list-get-id)
                       (cons (tabulated-list-get-id) (tabulated-list--current-column))))
         (source tabulated-list-entries)
         (rows (tabulated-list--ordered (if (functionp source) (funcall source) source)))
         (landing nil))
    (unless (functionp source) (setq tabulated-list-entries rows))
    (erase-buffer)
    (let ((before nil))
      (while rows
        (let ((tabulated-list--near-rows (delq nil (list before (car rows) (car (cdr rows))))))
          (when (and back-to (not landing) (equal (car (car rows)) (car back-to)))
            (setq landing (point)))
          (apply tabulated-list-printer (car rows))
          (setq before (pop rows)))))
    (set-buffer-modified-p nil)
    (goto-char (or landing (point-min)))
    (when landing (tabulated-list--move-to-column (cdr back-to)))))

(defun tabulated-list-revert (&rest _ignored) "Print the entries again, after running `tabulated-list-revert-hook'."
  (interactive)
  (if (derived-mode-p 'tabulated-list-mode)
      (progn (run-hooks 'tabulated-list-revert-hook) (tabulated-list--redraw))
    (error "The current buffer is not in Tabulated List mode")))

(defun tabulated-list--redraw () "Build the header again and print the entries, point staying on its entry and column."
  (tabulated-list-init-header)
  (tabulated-list-print t))

;;; Entries at point.

(defun tabulated-list-get-id (&optional pos) "Return the ID of the entry at POS (default point), or nil."
  (get-text-property (if pos pos (point)) 'tabulated-list-id))

(defun tabulated-list-get-entry (&optional pos) "Return the label vector of the entry at POS (default point), or nil."
  (get-text-property (if pos pos (point)) 'tabulated-list-entry))

(defun tabulated-list--overwrite-padding (line-start text) "Replace the first characters of the line at LINE-START by TEXT, keeping their properties."
  (let ((inhibit-read-only t)
        (old-end (+ line-start (length text))))
    ;; Inserted after the characters it replaces, TEXT takes their
    ;; properties and joins their run of text.
    (save-excursion (goto-char old-end) (insert-and-inherit text))
    (delete-region line-start old-end)))

(defun tabulated-list-put-tag (tag &optional advance) "Write TAG into the padding at the start of the current line.
TAG is cut to `tabulated-list-padding' characters.  With ADVANCE, move
to the next line afterwards."
  (if (<= tabulated-list-padding 0)
      (error "Unable to tag the current line"))
  (let ((line-start (line-beginning-position)))
    (and (tabulated-list-get-entry line-start)
         (tabulated-list--overwrite-padding
          line-start (if (> (string-width tag) tabulated-list-padding)
                         (truncate-string-to-width tag tabulated-list-padding)
                       tag))))
  (if advance (forward-line 1)))

(defun tabulated-list-clear-all-tags () "Blank the padding of every line, removing the tags."
  (when (> tabulated-list-padding 0)
    (let ((blank (tabulated-list--blank tabulated-list-padding)) (line (point-min)))
      (while (< line (point-max))
        (if (tabulated-list-get-id line) (tabulated-list--overwrite-padding line blank))
        (setq line (save-excursion (goto-char line) (forward-line 1) (point)))))))

(defun tabulated-list-delete-entry () "Delete the line of the entry at point and return (ID CONTENTS), or nil if there is none."
  (let ((id (tabulated-list-get-id)))
    (and id
         (let ((inhibit-read-only t) (cells (tabulated-list-get-entry)))
           (tabulated-list--kill-line)
           (list id cells)))))

(defun tabulated-list--kill-line () "Delete the current line and its newline."
  (delete-region (line-beginning-position) (1+ (line-end-position))))

(defun tabulated-list-set-col (col desc &optional change-entry-data) "Show DESC in column COL (an index or a name) of the entry at point.
With CHANGE-ENTRY-DATA, also store DESC in the entry's vector."
  (let ((cells (tabulated-list-get-entry)))
    (or cells (error "No Tabulated List entry at position %s" (point)))
    (let* ((inhibit-read-only t) (id (tabulated-list-get-id))
           (index (if (integerp col) col (tabulated-list--column-number col)))
           (redrawn (vconcat cells))
           (line-start (line-beginning-position))
           (offset (- (point) line-start))
           (tag (buffer-substring line-start (+ line-start (max 0 tabulated-list-padding)))))
      (aset redrawn index desc)
      (if change-entry-data (aset cells index desc))
      (tabulated-list--kill-line)
      (goto-char line-start)
      (funcall tabulated-list-printer id redrawn)
      ;; The line keeps the entry's own vector, and its tag.
      (put-text-property line-start (point) 'tabulated-list-entry cells)
      (goto-char line-start)
      (when (> tabulated-list-padding 0)
        (delete-char tabulated-list-padding)
        (insert tag)
        (goto-char line-start))
      (goto-char (min (+ line-start offset) (line-end-position))))))

;;; Moving and sorting by column.

(defun tabulated-list--step-column (count forward) "Move COUNT columns along the line, FORWARD or back."
  (let ((step (if forward #'next-single-property-change #'previous-single-property-change)))
    (dotimes (_ count)
      (goto-char (funcall step (point) 'tabulated-list-column-name nil
                          (if forward (line-end-position) (line-beginning-position)))))))

(defun tabulated-list-next-column (&optional arg) "Move to the start of the next column on this line, ARG times."
  (interactive "p")
  (tabulated-list--step-column (or arg 1) t)
  nil)

(defun tabulated-list-previous-column (&optional arg) "Move to the start of the previous column on this line, ARG times."
  (interactive "p")
  (tabulated-list--step-column (or arg 1) nil)
  nil)

(defun tabulated-list--sort-by-column-name (name) "Sort by the column NAME, reversing the order if it is sorted on already."
  (when (derived-mode-p 'tabulated-list-mode)
    (or (nth 2 (and name (assoc name (append tabulated-list-format nil))))
        (user-error "Cannot sort by %s" name))
    (setq tabulated-list-sort-key
          (cons name (and (equal name (car tabulated-list-sort-key))
                          (not (cdr tabulated-list-sort-key)))))
    (tabulated-list--redraw)))

(defun tabulated-list-sort (&optional n) "Sort the entries by the column at point, or by column number N.
Sorting by the column sorted on already reverses the order."
  (interactive "P")
  (let ((name (if n (car (aref tabulated-list-format (prefix-numeric-value n)))
                (get-text-property (point) 'tabulated-list-column-name))))
    (tabulated-list--sort-by-column-name name)))

(defun tabulated-list-col-sort (&optional e) "Sort by the column whose header was clicked in the mouse event E."
  (interactive "e")
  (pcase (and e (posn-object (event-start e)))
    (`(,text . ,pos)
     (tabulated-list--sort-by-column-name (get-text-property pos 'tabulated-list-column-name text)))))

(defun tabulated-list-widen-current-column (&optional n) "Make the column at point N characters wider and print again."
  (interactive "p")
  (let ((name (get-text-property (point) 'tabulated-list-column-name)))
    (when name
      (let ((spec (aref tabulated-list-format (tabulated-list--column-number name))))
        (setcar (cdr spec) (max 1 (+ (car (cdr spec)) n)))
        (tabulated-list--redraw)))))

(defun tabulated-list-narrow-current-column (&optional n) "Make the column at point N (default 1) characters narrower and print again."
  (interactive "p")
  (tabulated-list-widen-current-column (- (or n 1))))

(defun tabulated-list-line-number-width () "Return the width taken by line numbers: 0 when they are not displayed."
  0)

;;; The mode.

(define-derived-mode tabulated-list-mode special-mode "Tabulated" "Major mode for a buffer listing entries in columns.
Modes derived from it set `tabulated-list-format' and
`tabulated-list-entries', then call `tabulated-list-init-header' and
`tabulated-list-print'."
  (setq-local truncate-lines t
              buffer-undo-list t
              revert-buffer-function #'tabulated-list-revert))

(put 'tabulated-list-mode 'mode-class 'special)

(provide 'tabulated-list)
