;;; ibuffer.el --- Ibuffer: an operate-on-buffers listing  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and the
;; Emacs manual's "Buffer Menus" node.  `M-x ibuffer' lists the buffers in
;; *Ibuffer*, one line each, laid out by `ibuffer-formats'.  Each buffer
;; line carries the text property `ibuffer-properties' = (BUFFER MARK) and
;; the name of its filter group.  Marking, sorting and the basic
;; operations live here; filters, filter groups and the marking commands
;; by name, mode and so on are in ibuf-ext.el, autoloaded from here.
;; `ibuffer' itself is autoloaded (autoloads.el).

;;; Code:

(require 'cl-lib)
(require 'ibuf-macs)

(defgroup ibuffer nil "Advanced replacement for `buffer-menu'." :group 'convenience)

;; The user options: (VARIABLE DEFAULT-FORM TYPE DOCSTRING).
(dolist (opt
         `((ibuffer-formats
            (list (list 'mark 'modified 'read-only 'locked " " (list 'name 18 18 :left :elide)
                        " " (list 'size 9 -1 :right) " " (list 'mode 16 16 :left :elide)
                        " " 'filename-and-process)
                  (list 'mark " " (list 'name 16 -1) " " 'filename))
            (repeat sexp)
            "The line layouts Ibuffer switches between; the first is used at start.
Each element of a layout is a string inserted as is, a column name, or
\(COLUMN MIN MAX ALIGN ELIDE): pad to MIN and cut at MAX (-1: no limit).")
           (ibuffer-always-compile-formats nil boolean "Ignored: layouts are prepared whenever they change.")
           (ibuffer-fontification-alist nil (repeat sexp) "List of (PRIORITY FORM FACE) choosing a buffer name's face.")
           (ibuffer-use-other-window nil boolean "Non-nil means `ibuffer' shows its list in another window.")
           (ibuffer-default-shrink-to-minimum-size nil boolean "Non-nil means the Ibuffer window fits its contents.")
           (ibuffer-display-summary t boolean "Non-nil means a summary line ends the listing.")
           (ibuffer-truncate-lines t boolean "Value of `truncate-lines' in Ibuffer buffers.")
           (ibuffer-case-fold-search case-fold-search boolean "Value of `case-fold-search' in Ibuffer buffers.")
           (ibuffer-default-sorting-mode 'recency symbol "Sorting mode of a new Ibuffer buffer.")
           (ibuffer-default-sorting-reversep nil boolean "Non-nil means a new Ibuffer buffer sorts in reverse.")
           (ibuffer-eliding-string "..." string "What replaces the cut-off end of text too wide for its column.")
           (ibuffer-maybe-show-predicates
            (list (lambda (b) (and (eq (aref (buffer-name b) 0) ?\s) (not (buffer-file-name b)))))
            (repeat sexp) "Regexps or predicates of buffers listed only when `ibuffer-update' gets an argument.")
           (ibuffer-never-show-predicates nil (repeat sexp) "Regexps or predicates of buffers Ibuffer never lists.")
           (ibuffer-always-show-last-buffer nil sexp "Non-nil means always list the buffer shown before Ibuffer.")
           (ibuffer-jump-offer-only-visible-buffers nil boolean "Non-nil means `ibuffer-jump-to-buffer' offers only listed buffers.")
           (ibuffer-use-header-line t boolean "Non-nil means show a header line.")
           (ibuffer-default-directory nil sexp "Directory of a new Ibuffer buffer; nil: that of the current buffer.")
           (ibuffer-help-buffer-modes '(help-mode apropos-mode Info-mode Info-edit-mode) (repeat function)
                                      "Major modes whose buffers count as help buffers.")
           (ibuffer-compressed-file-name-regexp
            (concat "\\." (regexp-opt '("arj" "bgz" "bz2" "gz" "lzh" "taz" "tgz" "xz" "zip" "z") t) "$")
            regexp "Regexp matching the names of compressed files.")
           (ibuffer-hook nil hook "Run at the end of `ibuffer'.")
           (ibuffer-mode-hook nil hook "Run when an Ibuffer buffer is set up.")
           (ibuffer-load-hook nil hook "Run when ibuffer.el is loaded.")
           (ibuffer-marked-char ?> character "Character marking a buffer for an operation.")
           (ibuffer-modified-char ?* character "Character showing a buffer is modified.")
           (ibuffer-read-only-char ?% character "Character showing a buffer is read-only.")
           (ibuffer-locked-char ?L character "Character showing a buffer is locked.")
           (ibuffer-deletion-char ?D character "Character marking a buffer for deletion.")
           (ibuffer-expert nil boolean "Non-nil means dangerous operations run without asking.")
           (ibuffer-view-ibuffer nil boolean "Non-nil means the Ibuffer buffer may list itself.")
           (ibuffer-old-time 72 number "Hours after which a buffer not shown counts as old.")
           (ibuffer-movement-cycle t boolean "Non-nil means moving past either end wraps around.")
           (ibuffer-filter-group-name-face 'bold face "Face of filter group titles.")
           (ibuffer-title-face 'font-lock-type-face face "Face of the title lines.")))
  (custom-declare-variable (car opt) (nth 1 opt) (nth 3 opt) :type (nth 2 opt) :group 'ibuffer))

(defvar ibuffer-sorting-functions-alist nil "List of (MODE DESCRIPTION FUNCTION) for the sorting modes.")
(defvar ibuffer-filtering-alist nil "List of (NAME DESCRIPTION FUNCTION) of the filters defined.")

(dolist (v '((ibuffer-sorting-mode . "This Ibuffer buffer's sorting mode.")
             (ibuffer-sorting-reversep . "Non-nil means this Ibuffer buffer sorts in reverse.")
             (ibuffer-filtering-qualifiers . "The filters in effect here, all of which a listed buffer passes.")
             (ibuffer-filter-groups . "The filter groups here: a list of (NAME FILTER...).")
             (ibuffer-hidden-filter-groups . "Names of the filter groups whose lines are hidden.")
             (ibuffer-filter-group-kill-ring . "Filter groups removed by `ibuffer-kill-filter-group'.")
             (ibuffer-tmp-hide-regexps . "Regexps of buffer names hidden until the next full update.")
             (ibuffer-tmp-show-regexps . "Regexps of buffer names listed even when hidden otherwise.")
             (ibuffer-current-format . "Index in `ibuffer-formats' of the layout in use.")
             (ibuffer-prev-buffer . "The buffer that was current when Ibuffer was called.")
             (ibuffer-shrink-to-minimum-size . "Non-nil means the window fits the listing.")
             (ibuffer-display-maybe-show-predicates . "Non-nil means the hidden buffers are listed too.")
             (ibuffer--mark-state . "Alist of (BUFFER . MARK) kept across updates.")
             (ibuffer--buffers . "The buffers the last full update listed, each (BUFFER . MARK).")))
  (set-default (car v) nil)
  (eval `(defvar ,(car v) nil) t)
  (make-variable-buffer-local (car v))
  (put (car v) 'variable-documentation (cdr v)))
(defvar ibuffer--last-formats nil "The value of `ibuffer-formats' last prepared.")

;;; Columns.

(defun ibuffer--install-column (col title summarizer fn) "Make FN the cell function of column COL titled TITLE.
SUMMARIZER, if non-nil, makes the column's summary."
  (let ((sym (intern (format "ibuffer-make-column-%s" col))))
    (defalias sym fn)
    (put sym 'ibuffer-column-name title)
    (put sym 'ibuffer-column-summarizer summarizer)
    sym))

(defun ibuffer--file-name (buf) "Return BUF's file name, or a Dired buffer's directory, or nil."
  (or (buffer-local-value 'buffer-file-name buf)
      (let ((d (and (local-variable-p 'dired-directory buf) (buffer-local-value 'dired-directory buf))))
        (and d (expand-file-name (if (consp d) (car d) d))))))
(defalias 'ibuffer-buffer-file-name (lambda () (ibuffer--file-name (current-buffer)))
  "Return the current buffer's file name, or its Dired directory.")
(defun ibuffer--mode-name (buf) "BUF's mode name as the mode line shows it (empty without a mode line)."
  (if (fboundp 'format-mode-line) (format-mode-line (buffer-local-value 'mode-name buf) nil nil buf) ""))
(defun ibuffer--process-text (buf) "Describe BUF's process as (NAME STATUS), or the empty string."
  (let ((p (get-buffer-process buf)))
    (if p (format "(%s %s)" p (process-status p)) "")))
(defun ibuffer--flag (on char) "CHAR as a string when ON, else a space."
  (if on (char-to-string char) " "))

(let ((count-files (lambda (_cells) (ibuffer--count-listed "file" #'ibuffer--file-name)))
      (count-procs (lambda (_cells) (ibuffer--count-listed "process" #'get-buffer-process))))
  (dolist (c `((mark " " nil ,(lambda (_buffer mark) (char-to-string mark)))
               (read-only "R" nil ,(lambda (buffer _m) (ibuffer--flag (buffer-local-value 'buffer-read-only buffer) ibuffer-read-only-char)))
               (modified "M" nil ,(lambda (buffer _m) (ibuffer--flag (buffer-modified-p buffer) ibuffer-modified-char)))
               (locked "L" nil ,(lambda (buffer _m)
                                  (ibuffer--flag (and (local-variable-p 'emacs-lock-mode buffer)
                                                      (buffer-local-value 'emacs-lock-mode buffer))
                                                 ibuffer-locked-char)))
               (name "Name" ,(lambda (cells) (format (if (= (length cells) 1) "%d buffer" "%d buffers") (length cells)))
                     ,(lambda (buffer _m) (propertize (buffer-name buffer) 'ibuffer-name-column t 'mouse-face 'highlight)))
               (size "Size" ,(lambda (cells) (number-to-string (cl-reduce #'+ cells :key #'string-to-number)))
                     ,(lambda (buffer _m) (number-to-string (buffer-size buffer))))
               (mode "Mode" nil ,(lambda (buffer _m) (ibuffer--mode-name buffer)))
               (process "Process" ,count-procs ,(lambda (buffer _m) (ibuffer--process-text buffer)))
               (filename "Filename" ,count-files
                         ,(lambda (buffer _m) (let ((f (ibuffer--file-name buffer))) (if f (abbreviate-file-name f) ""))))
               (filename-and-process "Filename/Process"
                                     ,(lambda (_cells) (concat (ibuffer--count-listed "file" #'ibuffer--file-name) ", "
                                                               (downcase (ibuffer--count-listed "process" #'get-buffer-process))))
                                     ,(lambda (buffer _m)
                                        (let ((f (ibuffer--file-name buffer)))
                                          (mapconcat #'identity (delete "" (list (ibuffer--process-text buffer)
                                                                      (if f (abbreviate-file-name f) "")))
                                                     " "))))))
    (apply #'ibuffer--install-column c)))

(defvar ibuffer--shown nil "While the summary is made, the listed (BUFFER . MARK) pairs.")
(defun ibuffer--count-listed (what pred) "Say how many listed buffers pass PRED, as \"N WHATs\", capitalized."
  (let* ((n (cl-count-if (lambda (e) (funcall pred (car e))) ibuffer--shown))
         (plural (concat what (if (string-suffix-p "s" what) "es" "s")))
         (text (pcase n (0 (concat "no " plural)) (1 (concat "1 " what)) (_ (format "%d %s" n plural)))))
    (concat (upcase (substring text 0 1)) (substring text 1))))

;;; Sorting.

(defun ibuffer--install-sorter (mode description doc fn) "Make FN, of two (BUFFER . MARK) pairs, the sorting mode MODE.
DESCRIPTION names it in messages; DOC documents `ibuffer-do-sort-by-MODE'."
  (setq ibuffer-sorting-functions-alist
        (cons (list mode description fn) (assq-delete-all mode ibuffer-sorting-functions-alist)))
  (defalias (intern (format "ibuffer-do-sort-by-%s" mode))
    (lambda () (interactive) (setq ibuffer-sorting-mode mode) (ibuffer-redisplay t))
    doc))

(defun ibuffer--shown-time (buf) "When BUF was last shown in a window, 0 if never."
  (or (and (boundp 'buffer-display-time) (buffer-local-value 'buffer-display-time buf)) 0))
(ibuffer--install-sorter 'recency "recency" "Sort the buffers by the time they were last shown, latest first."
                         (lambda (x y) (time-less-p (ibuffer--shown-time (car y)) (ibuffer--shown-time (car x)))))

(defun ibuffer-sort-bufferlist (entries) "Sort ENTRIES, each (BUFFER . MARK), by the buffer's sorting mode."
  (let ((fn (nth 2 (assq ibuffer-sorting-mode ibuffer-sorting-functions-alist))))
    (let ((sorted (if fn (sort (copy-sequence entries) fn) entries)))
      (if ibuffer-sorting-reversep (reverse sorted) sorted))))

;;; Filters, installed by `define-ibuffer-filter'.

(defun ibuffer--install-filter (filter description doc reader accept-list test) "Define the filter FILTER: TEST is its function of a buffer and a qualifier.
DESCRIPTION names it in messages; the command `ibuffer-filter-by-FILTER',
documented by DOC, reads its qualifier by calling READER.  ACCEPT-LIST
non-nil makes a list qualifier an `or' of one filter per element."
  (setq ibuffer-filtering-alist
        (cons (list filter description test) (assq-delete-all filter ibuffer-filtering-alist)))
  (defalias (intern (format "ibuffer-filter-by-%s" filter))
    (lambda (qualifier)
      (interactive (list (funcall reader)))
      (ibuffer-add-filter-checked
       (if (and accept-list (consp qualifier))
           (if (cdr qualifier) (cons 'or (mapcar (lambda (q) (cons filter q)) qualifier)) (cons filter (car qualifier)))
         (cons filter qualifier))
       description qualifier))
    doc))

(defun ibuffer--restore-marks (where saved) "In the Ibuffer buffer WHERE, give the listed buffers back the marks SAVED.
SAVED is an alist (BUFFER . MARK)."
  (when (buffer-live-p where)
    (with-current-buffer where (ibuffer-map-lines-nomodify (lambda (buf _mark) (let ((old (assq buf saved)))
           (when old (ibuffer-set-mark-1 (cdr old))))))
      (ibuffer-redisplay t))))

;;; Formats.

(defun ibuffer--prepare-formats () "Check `ibuffer-formats' and say so when it changed."
  (unless (equal ibuffer--last-formats ibuffer-formats)
    (message "Formats have changed, recompiling...") (dolist (fmt ibuffer-formats)
      (dolist (e fmt)
        (let ((col (if (consp e) (car e) e)))
          (unless (or (stringp e) (fboundp (intern (format "ibuffer-make-column-%s" col))))
            (error "Unknown column %s in ibuffer-formats" col)))))
    (setq ibuffer--last-formats (copy-tree ibuffer-formats))
    (message "Formats have changed, recompiling...done")))
(defalias 'ibuffer-recompile-formats
  (lambda () (interactive) (setq ibuffer--last-formats nil) (ibuffer--prepare-formats))
  "Check `ibuffer-formats' again.")

(defun ibuffer-current-format (&optional dont-check) "Return the layout in use, a list from `ibuffer-formats'."
  (unless (or dont-check (and ibuffer-current-format (< ibuffer-current-format (length ibuffer-formats))))
    (setq ibuffer-current-format 0)) (nth (or ibuffer-current-format 0) ibuffer-formats))

(defun ibuffer--fit (str min max align elide) "Pad STR to MIN columns (ALIGN :left, :right or :center), cut it at MAX."
  (let ((w (string-width str)))
    (when (and max (>= max 0) (> w max))
      (setq str (if (and elide (> max (length ibuffer-eliding-string)))
                    (concat (truncate-string-to-width str (- max (length ibuffer-eliding-string)))
                            ibuffer-eliding-string)
                  (truncate-string-to-width str max))
            w (string-width str)))
    (if (and min (> min w))
        (let ((pad (- min w)))
          (pcase align (:right (concat (make-string pad ?\s) str))
            (:center (concat (make-string (/ pad 2) ?\s) str (make-string (- pad (/ pad 2)) ?\s)))
            (_ (concat str (make-string pad ?\s)))))
      str)))

(defun ibuffer--cell-spec (e) "Return (FUNCTION MIN MAX ALIGN ELIDE) for the format element E."
  (if (consp e) (list (intern (format "ibuffer-make-column-%s" (car e)))
            (nth 1 e) (nth 2 e) (nth 3 e) (memq :elide e))
    (list (intern (format "ibuffer-make-column-%s" e)) nil nil :left nil)))

(defun ibuffer--format-line (fmt cell-fn) "Concatenate FMT's elements; CELL-FN gives each column's text from its spec."
  (mapconcat (lambda (e)
               (if (stringp e) e
                 (let ((spec (ibuffer--cell-spec e)))
                   (apply #'ibuffer--fit (funcall cell-fn spec) (cdr spec)))))
             fmt ""))

;;; Listing.

(defun ibuffer--hidden-p (buf predicates) "Non-nil if BUF matches one of PREDICATES (regexps or functions)."
  (cl-some (lambda (p) (if (stringp p) (string-match-p p (buffer-name buf)) (with-current-buffer buf (funcall p buf))))
           predicates))

(defun ibuffer--wanted-buffers (all) "The buffers to list now; ALL non-nil lists the usually hidden ones too."
  (let ((self (current-buffer)) out)
    (dolist (b (buffer-list)) (when (and (or ibuffer-view-ibuffer (not (eq b self)))
                 (not (ibuffer--hidden-p b ibuffer-never-show-predicates))
                 (or all (cl-some (lambda (r) (string-match-p r (buffer-name b))) ibuffer-tmp-show-regexps)
                     (not (ibuffer--hidden-p b ibuffer-maybe-show-predicates)))
                 (not (cl-some (lambda (r) (string-match-p r (buffer-name b))) ibuffer-tmp-hide-regexps))
                 (or (null ibuffer-filtering-qualifiers)
                     (ibuffer-included-in-filters-p b ibuffer-filtering-qualifiers)))
        (push (cons b (or (cdr (assq b ibuffer--mark-state)) ?\s)) out))) (nreverse out)))

(defun ibuffer--grouped (entries) "Split ENTRIES by `ibuffer-filter-groups': a list of (NAME . ENTRIES), Default last."
  (let ((groups (mapcar (lambda (g) (list (car g))) ibuffer-filter-groups))
        (rest nil))
    (dolist (e entries) (let ((g (cl-find-if (lambda (g) (ibuffer-included-in-filters-p (car e) (cdr g))) ibuffer-filter-groups)))
        (if g (push e (cdr (assoc (car g) groups))) (push e rest))))
    (append (mapcar (lambda (g) (cons (car g) (nreverse (cdr g)))) groups)
            (list (cons "Default" (nreverse rest))))))

(defun ibuffer-insert-buffer-line (buffer mark format) "Insert BUFFER's line, marked with MARK, laid out by FORMAT."
  (let ((start (point))) (insert (ibuffer--format-line format (lambda (spec) (funcall (car spec) buffer mark))))
    (put-text-property start (point) 'ibuffer-properties (list buffer mark)) (insert "\n")))

(defun ibuffer--title (fmt) "Insert the title line and its underline for the layout FMT."
  (let* ((title (ibuffer--format-line fmt (lambda (spec) (or (get (car spec) 'ibuffer-column-name) ""))))
         (under (replace-regexp-in-string "[^ ]" "-" title)))
    (insert (propertize title 'font-lock-face ibuffer-title-face 'ibuffer-title t 'ibuffer-title-header t)
            "\n"
            (propertize under 'font-lock-face ibuffer-title-face 'ibuffer-title t)
            "\n")))

(defun ibuffer--summary (fmt entries) "Insert the summary line of ENTRIES laid out by FMT."
  (let ((ibuffer--shown entries))
    (insert "\n" (propertize
             (ibuffer--format-line
              fmt (lambda (spec)
                    (let ((sum (get (car spec) 'ibuffer-column-summarizer)))
                      (if sum (funcall sum (mapcar (lambda (e) (funcall (car spec) (car e) (cdr e))) entries))
                        (make-string (string-width (or (get (car spec) 'ibuffer-column-name) "")) ?\s)))))
             'ibuffer-summary t))))

(defun ibuffer-redisplay-engine (entries &optional _ignore) "Erase the listing and insert ENTRIES, each (BUFFER . MARK)."
  (let ((inhibit-read-only t) (fmt (ibuffer-current-format)))
    (erase-buffer) (ibuffer--title fmt)
    (dolist (g (ibuffer--grouped (ibuffer-sort-bufferlist entries)))
      (when (or (cdr g) (not (bound-and-true-p ibuffer-filter-groups))
                (not (boundp 'ibuffer-show-empty-filter-groups)) ibuffer-show-empty-filter-groups)
        (insert (propertize (format "[ %s ]" (car g))
                            'ibuffer-filter-group-name (car g) 'font-lock-face ibuffer-filter-group-name-face)
                (if (member (car g) ibuffer-hidden-filter-groups) " ..." "")
                "\n")
        (unless (member (car g) ibuffer-hidden-filter-groups)
          (dolist (e (cdr g))
            (let ((s (point))) (ibuffer-insert-buffer-line (car e) (cdr e) fmt)
              (put-text-property s (point) 'ibuffer-filter-group (car g)))))))
    (when ibuffer-display-summary (ibuffer--summary fmt entries)) (set-buffer-modified-p nil)))

(defun ibuffer-current-state-list (&optional _pos) "Return the listed buffers as (BUFFER . MARK) pairs, in display order."
  (let (out)
    (ibuffer-map-lines-nomodify (lambda (buf mark) (push (cons buf mark) out) t)) (nreverse out)))

(defun ibuffer-update (arg &optional silent) "Collect the buffers to list again and redisplay.
With ARG, list also the buffers `ibuffer-maybe-show-predicates' hides.
SILENT non-nil: no progress messages."
  (interactive "P") (ibuffer-assert-ibuffer-mode) (unless silent (message "Updating buffer list..."))
  (ibuffer--prepare-formats)
  (setq ibuffer--mark-state (ibuffer--live-marks))
  (setq ibuffer-display-maybe-show-predicates (and arg t))
  (let ((pos (point))) (setq ibuffer--buffers (ibuffer--wanted-buffers arg))
    (when (and (null ibuffer--buffers) ibuffer-filtering-qualifiers)
      (message "No buffers! (note: filtering in effect)")) (ibuffer-redisplay-engine ibuffer--buffers)
    (goto-char (min pos (point-max))))
  (unless silent (message "Updating buffer list...done")))

(defun ibuffer--live-marks () "The marks the listed lines have, as an alist (BUFFER . MARK)."
  (cl-remove-if (lambda (e) (eq (cdr e) ?\s)) (ibuffer-current-state-list)))

(defun ibuffer--relist () "Collect the buffers to list again, without messages." (ibuffer-update nil t))

(defun ibuffer-redisplay (&optional silent) "Redisplay the listed buffers without collecting them again."
  (interactive) (ignore silent)
  (ibuffer-assert-ibuffer-mode) (setq ibuffer--mark-state (ibuffer--live-marks))
  (let ((pos (point)) (entries (cl-remove-if-not (lambda (e) (buffer-live-p (car e)))
                                   (mapcar (lambda (e) (cons (car e) (or (cdr (assq (car e) ibuffer--mark-state)) ?\s)))
                                           ibuffer--buffers))))
    (ibuffer-redisplay-engine entries)
    (goto-char (min pos (point-max)))))

;;; Lines and marks.

(defun ibuffer-assert-ibuffer-mode () "Signal an error unless the current buffer is in Ibuffer mode." (cl-assert (derived-mode-p 'ibuffer-mode)))

(defun ibuffer-current-buffer (&optional must-be-live) "Return the buffer of the line at point, or nil.
With MUST-BE-LIVE, signal an error when there is none or it was killed."
  (let ((b (car (get-text-property (line-beginning-position) 'ibuffer-properties))))
    (when must-be-live (unless b (error "No buffer on this line"))
      (unless (buffer-live-p b) (error "Buffer %s has been killed; %s" b (substitute-command-keys "use `\\[ibuffer-update]' to update"))))
    b))

(defun ibuffer-current-mark () "Return the mark of the line at point."
  (cadr (get-text-property (line-beginning-position) 'ibuffer-properties)))

(defun ibuffer-set-mark-1 (mark) "Give the line at point the mark MARK."
  (let ((props (get-text-property (line-beginning-position) 'ibuffer-properties))
        (inhibit-read-only t)) (when props
      (save-excursion (beginning-of-line) (let ((all (text-properties-at (point))))
          (delete-char 1) (insert (apply #'propertize (string mark) all))
          (put-text-property (line-beginning-position) (line-end-position) 'ibuffer-properties (list (car props) mark))))
      (setf (alist-get (car props) ibuffer--mark-state) mark) (set-buffer-modified-p nil))))

(defun ibuffer-set-mark (mark) "Give the line at point the mark MARK and redisplay that line."
  (ibuffer-assert-ibuffer-mode) (ibuffer-set-mark-1 mark))

(defun ibuffer-map-lines (function &optional nomodify group) "Call FUNCTION with each listed buffer and its mark, in order.
FUNCTION runs with point on the line; a value of `kill' removes the line.
GROUP non-nil: only the lines of that filter group.  Return how many calls
gave a non-nil value."
  (let ((count 0) (inhibit-read-only t))
    (save-excursion (goto-char (point-min)) (while (not (eobp)) (let ((props (get-text-property (point) 'ibuffer-properties)))
          (if (and props (or (null group) (equal group (get-text-property (point) 'ibuffer-filter-group))))
              (let ((r (funcall function (car props) (cadr props))))
                (when r (setq count (1+ count)))
                (if (eq r 'kill)
                    (progn
                      (setq ibuffer--buffers (cl-remove (car props) ibuffer--buffers :key #'car))
                      (delete-region (line-beginning-position) (min (point-max) (1+ (line-end-position)))))
                  (forward-line 1))) (forward-line 1))))) (unless nomodify (set-buffer-modified-p nil))
    count))

(defun ibuffer-map-lines-nomodify (function) "Like `ibuffer-map-lines' with FUNCTION, leaving the lines as they are." (ibuffer-map-lines function t))

(defun ibuffer-map-on-mark (mark func) "Call FUNC with each buffer marked MARK and its mark; return the count."
  (ibuffer-map-lines (lambda (buf m) (when (eq m mark) (funcall func buf m)))))
(defun ibuffer-map-marked-lines (func) "Call FUNC with each buffer marked with `ibuffer-marked-char'."
  (ibuffer-map-on-mark ibuffer-marked-char func))
(defun ibuffer-map-deletion-lines (func) "Call FUNC with each buffer marked for deletion." (ibuffer-map-on-mark ibuffer-deletion-char func))

(defun ibuffer-buffer-names-with-mark (mark) "Return the names of the listed buffers marked MARK, last line first."
  (let (names) (ibuffer-map-lines-nomodify (lambda (buf m) (when (eq m mark) (push (buffer-name buf) names))))
    names))
(defun ibuffer-marked-buffer-names () "Names of the buffers marked with `ibuffer-marked-char'." (ibuffer-buffer-names-with-mark ibuffer-marked-char))
(defun ibuffer-deletion-marked-buffer-names () "Names of the buffers marked for deletion." (ibuffer-buffer-names-with-mark ibuffer-deletion-char))
(defun ibuffer-get-marked-buffers () "Return the buffers marked with `ibuffer-marked-char', in display order."
  (let (out)
    (ibuffer-map-marked-lines (lambda (buf _m) (push buf out))) (nreverse out)))
(defun ibuffer-count-marked-lines (&optional all) "Count the lines marked with `ibuffer-marked-char' (any mark with ALL)."
  (ibuffer-map-lines-nomodify (lambda (_b m) (if all (not (eq m ?\s)) (eq m ibuffer-marked-char)))))
(defun ibuffer-count-deletion-lines () "Count the lines marked for deletion."
  (ibuffer-map-lines-nomodify (lambda (_b m) (eq m ibuffer-deletion-char))))

(defun ibuffer--buffer-line-p () "Non-nil when point is on a buffer's line."
  (get-text-property (line-beginning-position) 'ibuffer-properties))

(defun ibuffer--stops (&optional buffers-only) "Starts of the lines motion stops at, in order.
Those are the buffer lines and, unless BUFFERS-ONLY, the filter group titles."
  (let (out)
    (save-excursion (goto-char (point-min)) (while (not (eobp)) (when (or (get-text-property (point) 'ibuffer-properties)
                  (and (not buffers-only) (get-text-property (point) 'ibuffer-filter-group-name)))
          (push (point) out)) (forward-line 1))) (nreverse out)))
(defun ibuffer--line-starts () "Starts of the buffer lines, in order."
  (ibuffer--stops t))

(defun ibuffer--step (n stops) "Move N stops of STOPS forward (backward if N < 0), wrapping around at either end."
  (when stops
    (dotimes (_ (abs n)) (let ((here (line-beginning-position)))
        (goto-char (if (> n 0)
                       (or (cl-find-if (lambda (p) (> p here)) stops)
                           (if ibuffer-movement-cycle (car stops) here))
                     (or (cl-find-if (lambda (p) (< p here)) (reverse stops))
                         (if ibuffer-movement-cycle (car (last stops)) here))))))))

(defun ibuffer-forward-line (&optional arg skip-group-names) "Move to the next line of a buffer or filter group; with ARG, ARG lines.
SKIP-GROUP-NAMES non-nil passes over the filter group titles.  Moving past
the last line wraps around to the first when `ibuffer-movement-cycle'."
  (interactive "P") (ibuffer--step (prefix-numeric-value arg) (ibuffer--stops skip-group-names)))

(defun ibuffer-backward-line (&optional arg skip-group-names) "Move to the previous line of a buffer or filter group; with ARG, ARG lines.
SKIP-GROUP-NAMES non-nil passes over the filter group titles."
  (interactive "P") (ibuffer--step (- (prefix-numeric-value arg)) (ibuffer--stops skip-group-names)))

(defun ibuffer-mark-interactive (arg mark &optional movement) "Mark ARG lines with MARK, moving down (up if MOVEMENT is negative).
On a filter group's title, mark every buffer of the group instead."
  (ibuffer-assert-ibuffer-mode) (let ((group (get-text-property (line-beginning-position) 'ibuffer-filter-group-name)))
    (if group
        (let ((n (ibuffer-map-lines (lambda (_buf m) (unless (eq m mark) (ibuffer-set-mark-1 mark) t)) nil group)))
          (message "Marked %s buffers" n))
      (let ((stops (ibuffer--line-starts)))
        (unless (or (ibuffer--buffer-line-p) (null stops)) (ibuffer--step 1 stops))
        (if (and movement (< movement 0))
            (dotimes (_ arg) (ibuffer--step -1 stops) (ibuffer-set-mark mark))
          (dotimes (_ arg) (ibuffer-set-mark mark) (ibuffer--step 1 stops)))))))

;; The four region-or-count marking commands: (COMMAND MARK-VARIABLE-OR-CHAR MOVEMENT DOC).
(dolist (spec '((ibuffer-mark-forward ibuffer-marked-char 1 "Mark the buffer on this line and move down; with ARG, ARG lines.
With the region active (START and END), mark the buffers in it instead.")
                (ibuffer-unmark-forward ?\s 1 "Unmark the buffer on this line and move down; with ARG, ARG lines.")
                (ibuffer-unmark-backward ?\s -1 "Move up and unmark the buffer there; with ARG, ARG lines.")
                (ibuffer-mark-for-delete ibuffer-deletion-char 1
                                         "Mark the buffer on this line for deletion and move down; with ARG, ARG lines.")))
  (let ((which (nth 1 spec)) (dir (nth 2 spec)))
    (defalias (car spec)
      (lambda (start end arg)
        (interactive (ibuffer-get-region-and-prefix)) (ibuffer-mark-region-or-n-with-char start end arg (if (symbolp which) (symbol-value which) which) dir))
      (nth 3 spec))))
(defun ibuffer-mark-for-delete-backwards (arg) "Move up and mark the buffer there for deletion; with ARG, ARG lines."
  (interactive "p") (ibuffer-mark-interactive (or arg 1) ibuffer-deletion-char -1))

(defun ibuffer-get-region-and-prefix () "Interactive arguments (START END ARG) of the marking commands.
START and END bound the region when it is active, else they are nil."
  (append (and (use-region-p) (list (region-beginning) (region-end))) (unless (use-region-p) (list nil nil))
          (list (prefix-numeric-value current-prefix-arg))))

(defun ibuffer-mark-region-or-n-with-char (start end arg mark &optional movement) "Mark with MARK the lines from START to END, or ARG lines from point.
MOVEMENT negative moves up before each line instead of down after it."
  (if (and start end)
      (save-excursion (goto-char start) (beginning-of-line) (while (< (point) end) (when (ibuffer--buffer-line-p) (ibuffer-set-mark mark))
          (forward-line 1))) (ibuffer-mark-interactive (or arg 1) mark movement)))

(defun ibuffer-unmark-all (mark) "Remove the mark MARK from every line; with MARK RET, every mark."
  (interactive "cRemove marks (RET means all):") (if (= (ibuffer-count-marked-lines t) 0) (message (format-message "No buffers marked; use `m' to mark a buffer"))
    (ibuffer-map-lines (lambda (_buf m)
                         (when (or (eq mark ?\r) (eq m mark)) (ibuffer-set-mark-1 ?\s))
                         t)) (ibuffer-redisplay t)))
(defun ibuffer-unmark-all-marks () "Remove every mark from every line." (interactive) (ibuffer-unmark-all ?\r))

(defun ibuffer-toggle-marks (&optional group) "Mark the unmarked lines and unmark the marked ones (of filter GROUP)."
  (interactive) (ibuffer-assert-ibuffer-mode) (let ((n (ibuffer-map-lines
            (lambda (_buf m)
              (cond ((eq m ibuffer-marked-char) (ibuffer-set-mark-1 ?\s) nil)
                    ((eq m ?\s) (ibuffer-set-mark-1 ibuffer-marked-char) t)))
            nil group))) (message "%s buffers marked" n)) (ibuffer-redisplay t))

(defun ibuffer-change-marks (&optional old new) "Change the mark OLD of every line into NEW."
  (interactive (let ((old (read-char "Old mark (RET means all):"))) (list old (read-char "New mark:"))))
  (when (eq new ?\r) (setq new ibuffer-marked-char))
  (let ((n (ibuffer-map-lines (lambda (_buf m)
                                (when (or (eq old ?\r) (eq m old))
                                  (ibuffer-set-mark-1 new) t)))))
    (message "%s marks changed" n)) (ibuffer-redisplay t))

(defun ibuffer-current-buffers-with-marks (curbufs) "Return CURBUFS's buffers paired with their marks here."
  (mapcar (lambda (b) (cons b (or (cdr (assq b (ibuffer-current-state-list))) ?\s))) curbufs))

;;; Operations.

(defun ibuffer-confirm-operation-on (operation names) "Ask whether to do OPERATION on the buffers NAMES."
  (or ibuffer-expert (y-or-n-p (if (= (length names) 1)
                    (format "Really %s buffer %s? " operation (car names))
                  (format "Really %s %d buffers? " operation (length names))))))

(defun ibuffer--run-op (mark question redisplay opstring fn) "Call FN with each buffer marked MARK, for an operation.
With no line marked, the line at point is.  QUESTION non-nil asks first.
FN's value nil stops, `kill' removes the line.  REDISPLAY non-nil
redisplays afterwards; OPSTRING is the final message's verb."
  (ibuffer-assert-ibuffer-mode) (when (and (null (ibuffer-buffer-names-with-mark mark)) (ibuffer-current-buffer))
    (ibuffer-set-mark-1 mark))
  (let ((names (nreverse (ibuffer-buffer-names-with-mark mark))))
    (if (and question names (not (ibuffer-confirm-operation-on question names)))
        (message "Operation aborted")
      (let ((done 0) (halted nil))
        (ibuffer-map-lines (lambda (buf m)
           (unless (or halted (not (eq m mark)))
             (let ((r (funcall fn buf)))
               (if (null r) (progn (setq halted t) nil)
                 (setq done (1+ done))
                 r)))))
        (when redisplay (ibuffer-redisplay t))
        (message "Operation finished; %s %s buffers" opstring done)
        done))))
(defalias 'ibuffer-map-on-mark-for-op
  (lambda (mark question redisplay fn opstring) (ibuffer--run-op mark question redisplay opstring fn))
  "Call FN with each buffer marked MARK; see `ibuffer--run-op' for QUESTION, REDISPLAY and OPSTRING.")

(let ((killer (lambda (buf) (and (kill-buffer buf) 'kill))))
  ;; (COMMAND DOC MARK-VARIABLE QUESTION OPSTRING FUNCTION-OF-BUFFER)
  (dolist (op `((ibuffer-do-save "Save the marked buffers." ibuffer-marked-char nil "saved"
                                 ,(lambda (buf) (with-current-buffer buf (when (buffer-modified-p) (save-buffer))) t))
                (ibuffer-do-toggle-modified "Toggle the modified flag of the marked buffers." ibuffer-marked-char nil
                                            "(un)marked as modified"
                                            ,(lambda (buf) (set-buffer-modified-p (not (buffer-modified-p buf))) t))
                (ibuffer-do-toggle-lock "Toggle Emacs Lock mode in the marked buffers." ibuffer-marked-char nil
                                        "toggled lock status in"
                                        ,(lambda (buf) (with-current-buffer buf (when (fboundp 'emacs-lock-mode)
                                               (emacs-lock-mode (if (bound-and-true-p emacs-lock-mode) 'toggle 'kill))))
                                           t))
                (ibuffer-do-delete "Kill the marked buffers." ibuffer-marked-char "kill" "killed" ,killer)
                (ibuffer-do-kill-on-deletion-marks "Kill the buffers marked for deletion." ibuffer-deletion-char
                                                   "kill" "killed" ,killer)))
    (let ((mark-var (nth 2 op)) (question (nth 3 op)) (verb (nth 4 op)) (fn (nth 5 op)))
      (defalias (car op)
        (lambda () (interactive) (ibuffer--run-op (symbol-value mark-var) question t verb fn))
        (nth 1 op)))))

(defun ibuffer-do-toggle-read-only (&optional arg) "Toggle the marked buffers' read-only status; ARG > 0 makes them read-only."
  (interactive "P") (ibuffer--run-op ibuffer-marked-char nil t "toggled read only status in"
                   (lambda (buf) (with-current-buffer buf (setq buffer-read-only (if arg (> (prefix-numeric-value arg) 0) (not buffer-read-only))))
                     t)))

(defun ibuffer-do-view (&optional other-frame) "Show the first marked buffer (or the one on this line); OTHER-FRAME is ignored."
  (interactive) (ignore other-frame)
  (switch-to-buffer (or (car (ibuffer-get-marked-buffers)) (ibuffer-current-buffer t))))

(defun ibuffer-visit-buffer (&optional single) "Switch to the buffer on this line; SINGLE is accepted for compatibility."
  (interactive "P") (ignore single)
  (switch-to-buffer (ibuffer-current-buffer t)))
(defun ibuffer-visit-buffer-other-window (&optional noselect) "Show the buffer on this line in another window; NOSELECT stays here."
  (interactive) (let ((target (ibuffer-current-buffer t)))
    (if noselect (display-buffer target t) (switch-to-buffer-other-window target))))
(defun ibuffer-visit-buffer-other-window-noselect () "Show the buffer on this line in another window, staying here." (interactive) (ibuffer-visit-buffer-other-window t))

(defun ibuffer-bury-buffer () "Bury the buffer on this line and update."
  (interactive) (bury-buffer (ibuffer-current-buffer t)) (ibuffer-update nil t))

(defun ibuffer-switch-format () "Use the next layout of `ibuffer-formats'."
  (interactive) (ibuffer-assert-ibuffer-mode) (setq ibuffer-current-format (mod (1+ (or ibuffer-current-format 0)) (length ibuffer-formats))) (ibuffer-update nil t))

;;; The mode and the command.

(defvar ibuffer-mode-map (let ((map (make-keymap))) (suppress-keymap map)
    ;; Each group is a key prefix ("" for none) and its (KEY COMMAND) pairs.
    (pcase-dolist (`(,prefix . ,pairs)
                   '(("" ("m" mark-forward) ("t" toggle-marks) ("u" unmark-forward) ("=" diff-with-file)
                      ("j" jump-to-buffer) ("M-g" jump-to-buffer) ("DEL" unmark-backward) ("M-DEL" unmark-all)
                      ("U" unmark-all-marks) ("." mark-old-buffers) ("d" mark-for-delete)
                      ("C-d" mark-for-delete-backwards) ("k" do-kill-lines) ("x" do-kill-on-deletion-marks)
                      ("n" forward-line) ("p" backward-line) ("g" update) ("`" switch-format)
                      ("-" add-to-tmp-hide) ("+" add-to-tmp-show) ("b" bury-buffer) ("," toggle-sorting-mode)
                      ("M-n" forward-filter-group) ("M-p" backward-filter-group) ("M-j" jump-to-filter-group)
                      ("C-k" kill-line) ("C-y" yank) ("C-t" visit-tags-table) ("|" do-shell-command-pipe)
                      ("!" do-shell-command-file) ("~" do-toggle-modified) ("A" do-view) ("D" do-delete)
                      ("E" do-eval) ("F" do-shell-command-file) ("I" do-query-replace-regexp)
                      ("H" do-view-other-frame) ("N" do-shell-command-pipe-replace) ("M" do-toggle-modified)
                      ("O" do-occur) ("P" do-print) ("Q" do-query-replace) ("R" do-rename-uniquely)
                      ("S" do-save) ("T" do-toggle-read-only) ("L" do-toggle-lock) ("r" do-replace-regexp)
                      ("V" do-revert) ("W" do-view-and-eval) ("X" do-shell-command-pipe)
                      ("w" copy-filename-as-kill) ("B" copy-buffername-as-kill) ("RET" visit-buffer)
                      ("e" visit-buffer) ("f" visit-buffer) ("o" visit-buffer-other-window)
                      ("C-o" visit-buffer-other-window-noselect) ("v" do-view))
                     ("* " ("*" unmark-all) ("c" change-marks) ("M" mark-by-mode) ("m" mark-modified-buffers)
                      ("u" mark-unsaved-buffers) ("s" mark-special-buffers) ("r" mark-read-only-buffers)
                      ("/" mark-dired-buffers) ("e" mark-dissociated-buffers) ("h" mark-help-buffers)
                      ("z" mark-compressed-file-buffers))
                     ("s " ("i" invert-sorting) ("a" do-sort-by-alphabetic) ("v" do-sort-by-recency)
                      ("s" do-sort-by-size) ("f" do-sort-by-filename/process) ("m" do-sort-by-major-mode))
                     ("% " ("n" mark-by-name-regexp) ("m" mark-by-mode-regexp) ("f" mark-by-file-name-regexp)
                      ("g" mark-by-content-regexp) ("L" mark-by-locked))
                     ("/ " ("m" filter-by-used-mode) ("M" filter-by-derived-mode) ("n" filter-by-name)
                      ("*" filter-by-starred-name) ("f" filter-by-filename) ("b" filter-by-basename)
                      ("." filter-by-file-extension) ("<" filter-by-size-lt) (">" filter-by-size-gt)
                      ("i" filter-by-modified) ("v" filter-by-visiting-file) ("c" filter-by-content)
                      ("e" filter-by-predicate) ("r" switch-to-saved-filters) ("a" add-saved-filters)
                      ("x" delete-saved-filters) ("d" decompose-filter) ("s" save-filters) ("p" pop-filter)
                      ("!" negate-filter) ("t" exchange-filters) ("TAB" exchange-filters) ("o" or-filter)
                      ("&" and-filter) ("g" filters-to-filter-group) ("P" pop-filter-group)
                      ("D" decompose-filter-group) ("/" filter-disable) ("S" save-filter-groups)
                      ("R" switch-to-saved-filter-groups) ("X" delete-saved-filter-groups)
                      ("\\" clear-filter-groups))))
      (dolist (pair pairs)
        (define-key map (kbd (concat prefix (car pair))) (intern (format "ibuffer-%s" (cadr pair))))))
    (define-key map (kbd "SPC") #'forward-line)
    (define-key map (kbd "q") #'quit-window)
    map)
  "Keymap of Ibuffer mode.")

(define-derived-mode ibuffer-mode special-mode "IBuffer" "A major mode listing buffers to operate on.
\\{ibuffer-mode-map}"
  (setq buffer-read-only t) (setq truncate-lines ibuffer-truncate-lines) (setq-local case-fold-search ibuffer-case-fold-search)
  (setq ibuffer-sorting-mode ibuffer-default-sorting-mode
        ibuffer-sorting-reversep ibuffer-default-sorting-reversep
        ibuffer-shrink-to-minimum-size ibuffer-default-shrink-to-minimum-size
        ibuffer-filtering-qualifiers nil
        ibuffer-filter-groups nil
        ibuffer-current-format nil
        ibuffer--mark-state nil
        ibuffer--buffers nil))

;; The other entry points: (COMMAND OTHER-WINDOW NOSELECT DOC).
(dolist (e '((ibuffer-list-buffers t t "List the buffers in Ibuffer without selecting it; FILES-ONLY: file buffers only.")
             (ibuffer-other-window t nil "Like `ibuffer', in another window; FILES-ONLY: file buffers only.")))
  (let ((other (nth 1 e)) (noselect (nth 2 e)))
    (defalias (car e)
      (lambda (&optional files-only)
        (interactive "P") (ibuffer other nil (and files-only (list (cons 'filename ".*"))) noselect))
      (nth 3 e))))

(defun ibuffer--commands-summary () "The one-line reminder of the main commands shown by `ibuffer'."
  (let ((key (lambda (cmd) (key-description (where-is-internal cmd ibuffer-mode-map t)))))
    (format "Commands: %s; %s to quit; %s for help"
            (mapconcat key '(ibuffer-mark-forward ibuffer-unmark-forward ibuffer-toggle-marks ibuffer-visit-buffer
                             ibuffer-update ibuffer-do-kill-lines ibuffer-do-save ibuffer-do-delete
                             ibuffer-do-query-replace)
                       ", ")
            (funcall key 'quit-window) (funcall key 'describe-mode))))

(defun ibuffer (&optional other-window-p name qualifiers noselect shrink filter-groups formats) "List the buffers to operate on them.
OTHER-WINDOW-P shows the list in another window, NAME names its buffer
\(*Ibuffer* by default); QUALIFIERS and FILTER-GROUPS are the initial
filters and filter groups, FORMATS the layouts.  NOSELECT shows it without
selecting it; SHRINK fits the window to it.  Point goes to the line of the
buffer that was current."
  (interactive "P") (let ((from (current-buffer))
        (listing (get-buffer-create (or name "*Ibuffer*"))))
    (cond ((not (or other-window-p ibuffer-use-other-window)) (unless noselect (switch-to-buffer listing)))
          (noselect (display-buffer listing t))
          (t (pop-to-buffer listing)))
    (with-current-buffer listing
      (unless (derived-mode-p 'ibuffer-mode) (ibuffer-mode)
        (when ibuffer-default-directory (setq default-directory ibuffer-default-directory)))
      (setq ibuffer-prev-buffer from)
      (when shrink (setq ibuffer-shrink-to-minimum-size t))
      (when (or qualifiers filter-groups) (require 'ibuf-ext))
      (when qualifiers (setq ibuffer-filtering-qualifiers qualifiers))
      (when filter-groups (setq ibuffer-filter-groups filter-groups))
      (when formats (setq-local ibuffer-formats formats))
      (ibuffer-update nil) (goto-char (or (cl-find from (ibuffer--line-starts)
                              :key (lambda (pos) (car (get-text-property pos 'ibuffer-properties))))
                     (car (ibuffer--line-starts))
                     (point-min))) (run-hooks 'ibuffer-hook)
      (message "%s" (ibuffer--commands-summary)))))

;;; Entry points of ibuf-ext.el.

(dolist (name '(ibuffer-auto-mode ibuffer-mouse-filter-by-mode ibuffer-interactive-filter-by-mode
                ibuffer-mouse-toggle-filter-group ibuffer-toggle-filter-group ibuffer-forward-filter-group
                ibuffer-backward-filter-group ibuffer-do-shell-command-pipe ibuffer-do-shell-command-pipe-replace
                ibuffer-do-shell-command-file ibuffer-do-eval ibuffer-do-view-and-eval ibuffer-do-rename-uniquely
                ibuffer-do-revert ibuffer-do-isearch ibuffer-do-isearch-regexp ibuffer-do-replace-regexp
                ibuffer-do-query-replace ibuffer-do-query-replace-regexp ibuffer-do-print
                ibuffer-included-in-filters-p ibuffer-included-in-filter-p ibuffer-unary-operand
                ibuffer-filters-to-filter-group ibuffer-set-filter-groups-by-mode
                ibuffer-pop-filter-group ibuffer-decompose-filter-group ibuffer-clear-filter-groups
                ibuffer-jump-to-filter-group ibuffer-kill-filter-group ibuffer-kill-line ibuffer-yank
                ibuffer-yank-filter-group ibuffer-save-filter-groups ibuffer-delete-saved-filter-groups
                ibuffer-switch-to-saved-filter-groups ibuffer-filter-disable ibuffer-pop-filter
                ibuffer-decompose-filter ibuffer-exchange-filters ibuffer-negate-filter ibuffer-or-filter
                ibuffer-and-filter ibuffer-save-filters ibuffer-delete-saved-filters ibuffer-add-saved-filters
                ibuffer-switch-to-saved-filters ibuffer-format-qualifier ibuffer-filter-chosen-by-completion
                ibuffer-filter-by-mode ibuffer-filter-by-used-mode ibuffer-filter-by-derived-mode
                ibuffer-filter-by-name ibuffer-filter-by-starred-name ibuffer-filter-by-filename
                ibuffer-filter-by-basename ibuffer-filter-by-file-extension ibuffer-filter-by-directory
                ibuffer-filter-by-size-gt ibuffer-filter-by-size-lt ibuffer-filter-by-modified
                ibuffer-filter-by-visiting-file ibuffer-filter-by-content ibuffer-filter-by-predicate
                ibuffer-filter-by-process ibuffer-toggle-sorting-mode ibuffer-invert-sorting
                ibuffer-do-sort-by-major-mode ibuffer-do-sort-by-mode-name ibuffer-do-sort-by-alphabetic
                ibuffer-do-sort-by-size ibuffer-do-sort-by-filename/process ibuffer-bs-show
                ibuffer-add-to-tmp-hide ibuffer-add-to-tmp-show ibuffer-forward-next-marked
                ibuffer-backwards-next-marked ibuffer-do-kill-lines ibuffer-jump-to-buffer
                ibuffer-diff-with-file ibuffer-copy-filename-as-kill ibuffer-copy-buffername-as-kill
                ibuffer-mark-by-name-regexp ibuffer-mark-by-mode-regexp ibuffer-mark-by-file-name-regexp
                ibuffer-mark-by-content-regexp ibuffer-mark-by-mode ibuffer-mark-modified-buffers
                ibuffer-mark-unsaved-buffers ibuffer-mark-dissociated-buffers ibuffer-mark-help-buffers
                ibuffer-mark-compressed-file-buffers ibuffer-mark-old-buffers ibuffer-mark-special-buffers
                ibuffer-mark-read-only-buffers ibuffer-mark-dired-buffers ibuffer-mark-by-locked
                ibuffer-do-occur))
  (unless (fboundp name) (autoload name "ibuf-ext" nil (not (memq name '(ibuffer-included-in-filters-p ibuffer-included-in-filter-p
                                                    ibuffer-unary-operand ibuffer-format-qualifier))))))

(run-hooks 'ibuffer-load-hook)
(provide 'ibuffer)
;;; ibuffer.el ends here
