;;; sort.el --- reordering lines, paragraphs, pages and fields of the buffer  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; Every command here works the same way: split part of the buffer into
;; records, find a key in each, order the records by key (stably), and put
;; them back into the places the old records occupied, leaving whatever lay
;; between records where it was.

(defvar sort-fold-case nil "Non-nil means the sort commands compare keys without regard to case.")
(defvar sort-numeric-base 10 "The radix `sort-numeric-fields' reads numbers in, unless a number says otherwise.")

(defun sort--less (a b) "Say whether key A comes before key B when no predicate is given."
  (cond ((numberp a) (< a b))
        ((consp a)
         (let ((case-fold-search sort-fold-case))
           (< (compare-buffer-substrings nil (car a) (cdr a) nil (car b) (cdr b)) 0)))
        (sort-fold-case (string< (downcase a) (downcase b)))
        (t (string< a b))))

(defun sort--gather (next-rec end-rec start-key end-key) "Walk the records from point; give (KEY BEG . END) for each, in buffer order."
  (let ((found '()))
    (while (not (eobp))
      (let* ((rec-beg (point))
             (key (and start-key (funcall start-key)))
             (rec-end nil))
        (unless key
          (let ((key-beg (point)))
            (if end-key
                (funcall end-key)
              (funcall end-rec)
              (setq rec-end (point)))
            (setq key (cons key-beg (point)))))
        (unless rec-end
          (funcall end-rec)
          (setq rec-end (point)))
        (push (cons key (cons rec-beg rec-end)) found)
        (funcall next-rec)))
    (nreverse found)))

(defun sort--put-back (slots ordered) "Fill the buffer SLOTS with the text of the ORDERED records.
SLOTS and ORDERED are lists of (BEG . END) pairs, SLOTS in buffer order."
  (when slots
    (let* ((first (car (car slots)))
           (last (cdr (car (last slots))))
           (pieces '())
           (here first))
      (while slots
        (let ((slot (car slots)) (rec (car ordered)))
          (push (buffer-substring here (car slot)) pieces)
          (push (buffer-substring (car rec) (cdr rec)) pieces)
          (setq here (cdr slot) slots (cdr slots) ordered (cdr ordered))))
      (delete-region first last)
      (goto-char first)
      (apply #'insert (nreverse pieces)))))

(defun sort-subr (reverse nextrecfun endrecfun &optional startkeyfun endkeyfun predicate) "Reorder the records of the accessible part of the buffer, the first starting at point.
NEXTRECFUN moves from a record's end to the next record's start, ENDRECFUN
from a record's start to its end.  STARTKEYFUN, if given, moves from a
record's start to its key's start and may return the key itself; otherwise
the key is the text up to where ENDKEYFUN moves, or to the record's end.
Keys are compared by PREDICATE, or else as numbers, buffer text or strings.
REVERSE non-nil means descending order; equal keys keep their order."
  (let* ((records (sort--gather nextrecfun endrecfun startkeyfun endkeyfun))
         (slots (mapcar #'cdr records))
         (less (or predicate #'sort--less))
         (work (if reverse (reverse records) records)))
    (setq work (sort (copy-sequence work) (lambda (a b) (funcall less (car a) (car b)))))
    (when reverse (setq work (nreverse work)))
    (sort--put-back slots (mapcar #'cdr work))
    (goto-char (point-min))
    nil))

(defun sort--narrowed (beg end reverse &rest how) "Call `sort-subr' with REVERSE and HOW on the text between BEG and END, from its start."
  (save-restriction (narrow-to-region beg end)
    (goto-char (point-min))
    (apply #'sort-subr reverse how)))

(defun sort-lines (reverse beg end) "Sort the lines between BEG and END alphabetically; REVERSE (a prefix) sorts them descending." (interactive "P\nr")
  (let ((inhibit-field-text-motion t))
    (sort--narrowed beg end reverse #'forward-line #'end-of-line)))

(defun sort--paragraph-gap () "Move over separator lines to where the next paragraph starts."
  (while (and (looking-at paragraph-separate) (< (point) (point-max)))
    (forward-line 1)))

(defun sort-paragraphs (reverse beg end) "Sort the paragraphs between BEG and END alphabetically; REVERSE (a prefix) sorts them descending." (interactive "P\nr")
  ;; The last paragraph must end in a newline like the others, or it
  ;; would join the one placed after it.
  (unless (save-excursion (goto-char end) (bolp))
    (save-excursion (goto-char end) (insert "\n"))
    (setq end (1+ end)))
  (sort--narrowed beg end reverse #'sort--paragraph-gap #'forward-paragraph))

(defun sort-pages (reverse beg end) "Sort the pages between BEG and END alphabetically; REVERSE (a prefix) sorts them descending." (interactive "P\nr")
  (sort--narrowed beg end reverse (lambda () (skip-chars-forward "\n")) #'forward-page))

(defun sort--to-field (n) "Move from a line's start to the start of its Nth field; N below 1 counts from the end."
  (let ((eol (line-end-position)))
    (if (> n 0)
        (let ((left (1- n)))
          (skip-chars-forward " \t" eol)
          (while (> left 0)
            (skip-chars-forward "^ \t\n" eol)
            (skip-chars-forward " \t" eol)
            (setq left (1- left)))
          (when (and (eolp) (> n 0) (sort--field-missing-p n)) (sort--too-few))
          nil)
      (end-of-line)
      (let ((left (- n)) (bol (line-beginning-position)))
        (while (> left 0)
          (skip-chars-backward " \t" bol)
          (when (bolp) (sort--too-few))
          (skip-chars-backward "^ \t\n" bol)
          (setq left (1- left))))
      nil)))

(defun sort--field-missing-p (n) "Say whether the line holds fewer than N fields."
  (save-excursion (beginning-of-line)
    (let ((count 0) (eol (line-end-position)))
      (skip-chars-forward " \t" eol)
      (while (< (point) eol)
        (setq count (1+ count))
        (skip-chars-forward "^ \t\n" eol)
        (skip-chars-forward " \t" eol))
      (< count n))))

(defun sort--too-few () "Signal that the current line lacks the field asked for."
  (error "Line has too few fields: %s" (buffer-substring (line-beginning-position) (line-end-position))))

(defun sort--field-end () "Move over the field that starts at point."
  (skip-chars-forward "^ \t\n"))

(defun sort-fields (field beg end) "Sort the lines between BEG and END by their FIELDth whitespace-separated field.
A negative FIELD counts from the end of the line." (interactive "p\nr")
  (save-excursion
    (sort--narrowed beg end nil #'forward-line #'end-of-line
                    (lambda () (sort--to-field field) nil) #'sort--field-end)))

(defun sort--read-number () "Read the number at point the way `sort-numeric-fields' does: 0x is hexadecimal, a leading 0 octal."
  (let ((case-fold-search t))
    (cond ((looking-at "0x\\([0-9a-f]+\\)")
           (string-to-number (match-string 1) 16))
          ((looking-at "0[0-7]")
           (string-to-number (buffer-substring (point) (progn (sort--field-end) (point))) 8))
          (t (string-to-number (buffer-substring (point) (progn (sort--field-end) (point)))
                               sort-numeric-base)))))

(defun sort-numeric-fields (field beg end) "Sort the lines between BEG and END by the number in their FIELDth field.
Numbers are read in `sort-numeric-base'; 0x starts a hexadecimal number
and 0 an octal one." (interactive "p\nr")
  (save-excursion
    (sort--narrowed beg end nil #'forward-line #'end-of-line
                    (lambda () (sort--to-field field) (sort--read-number)))))

(defun sort-regexp-fields (reverse record-regexp key-regexp beg end) "Sort the matches of RECORD-REGEXP between BEG and END by their keys.
KEY-REGEXP \"\\\\&\" makes the whole match the key, \"\\\\N\" its Nth group,
and any other regexp its first match within the record.  REVERSE non-nil
sorts descending." (interactive "P\nsRegexp specifying records to sort: \nsRegexp specifying key within record: \nr")
  (let ((group (cond ((equal key-regexp "\\&") 0)
                     ((string-match "\\`\\\\\\([0-9]\\)\\'" key-regexp)
                      (string-to-number (match-string 1 key-regexp))))))
    (save-excursion (save-restriction (narrow-to-region beg end)
      (goto-char (point-min))
      (let ((records '()) (done nil) (prev-end nil))
          (while (and (not done) (re-search-forward record-regexp nil t))
            (let ((rb (match-beginning 0)) (re (match-end 0)) key)
              ;; An empty match where the last record ended, or at the very
              ;; end, is no record: step over it.
              (unless (and (= rb re) (or (eql rb prev-end) (= rb (point-max))))
                (if group
                    (setq key (cons (match-beginning group) (match-end group)))
                  (save-excursion
                    (goto-char rb)
                    (setq key (and (re-search-forward key-regexp re t)
                                   (cons (match-beginning 0) (match-end 0))))))
                (when key (push (cons key (cons rb re)) records))
                (setq prev-end re))
              (when (= rb re)
                (if (eobp) (setq done t) (forward-char 1)))))
          (setq records (nreverse records))
          (when records
            (let* ((work (if reverse (reverse records) records)))
              (setq work (sort (copy-sequence work) (lambda (a b) (sort--less (car a) (car b)))))
              (when reverse (setq work (nreverse work)))
              (sort--put-back (mapcar #'cdr records) (mapcar #'cdr work))))
          nil)))))

(defun sort-columns (reverse &optional beg end) "Sort the lines between BEG and END by the text between the columns of BEG and END.
The lines are handed to the `sort' program; REVERSE non-nil sorts them
descending and `sort-fold-case' ignores case." (interactive "P\nr")
  (save-excursion
    (let (line-beg line-end col-a col-b)
      (goto-char (min beg end))
      (setq col-a (current-column) line-beg (line-beginning-position))
      (goto-char (max beg end))
      (setq col-b (current-column))
      (end-of-line) (unless (eobp) (forward-char 1))
      (setq line-end (point))
      (when (> col-a col-b) (setq col-a (prog1 col-b (setq col-b col-a))))
      (goto-char line-beg)
      (when (search-forward "\t" line-end t)
        (error "sort-columns does not work with tabs -- use %s"
               (substitute-command-keys "\\[untabify]")))
      (let ((args (append (and reverse '("-r")) (and sort-fold-case '("-f"))
                          (and (< col-a col-b)
                               (list "-t" "\\0" (format "-k1.%d,1.%d" (1+ col-a) col-b))))))
        (apply #'call-process-region line-beg line-end "sort" t t nil args)))))

(defun reverse-region (beg end) "Reverse the order of the whole lines between BEG and END." (interactive "r")
  (when (> beg end) (setq beg (prog1 end (setq end beg))))
  (let (from to)
    (save-excursion (goto-char beg)
      (unless (bolp) (forward-line 1))
      (setq from (point)) (goto-char end)
      (if (eolp) (forward-line 1) (beginning-of-line))
      (setq to (point)) (forward-line -1)
      (when (< (point) from)
        (user-error "There are no full lines in the region"))
      (let* ((text (buffer-substring from to))
             (ends-nl (and (> (length text) 0) (eq (aref text (1- (length text))) ?\n)))
             (lines (split-string (if ends-nl (substring text 0 -1) text) "\n")))
        (delete-region from to) (goto-char from)
        (when (= from to) (insert "\n") (delete-char -1))
        (insert (mapconcat #'identity (nreverse lines) "\n") (if ends-nl "\n" ""))))))

(defun sort--duplicate-args () "Give `delete-duplicate-lines' its interactive arguments from the region and the prefix.
One \\[universal-argument] keeps last copies, two delete only adjacent copies, three spare blank lines."
  (barf-if-buffer-read-only)
  (let ((times (if (consp current-prefix-arg) (car current-prefix-arg) 0)))
    (list (region-beginning) (region-end) (= times 4) (= times 16) (= times 64) t)))

(defun delete-duplicate-lines (beg end &optional reverse adjacent keep-blanks interactive) "Delete the lines between BEG and END that repeat an earlier line.
REVERSE non-nil keeps the last of equal lines instead of the first;
ADJACENT non-nil only deletes a line equal to the one before it;
KEEP-BLANKS non-nil never deletes empty lines.  Return how many went;
INTERACTIVE non-nil also says so." (interactive (sort--duplicate-args))
  (let ((seen (make-hash-table :test 'equal))
        (previous nil) (doomed '()) (spans '()))
    (save-excursion (goto-char beg) (beginning-of-line)
      (while (< (point) end)
        (push (cons (point) (line-end-position)) spans)
        (forward-line 1))
      ;; SPANS is now last line first.
      (dolist (span (if reverse spans (reverse spans)))
        (let ((line (buffer-substring-no-properties (car span) (cdr span))))
          (if (and (not (and keep-blanks (string= line "")))
                   (if adjacent (equal line previous) (gethash line seen)))
              (push span doomed)
            (if adjacent (setq previous line) (puthash line t seen)))))
      (setq doomed (sort doomed (lambda (a b) (> (car a) (car b)))))
      (dolist (span doomed)
        (delete-region (car span) (min (1+ (cdr span)) (point-max)))))
    (when interactive
      (message "Deleted %d %sduplicate line%s" (length doomed) (if adjacent "adjacent " "")
               (if (= (length doomed) 1) "" "s")))
    (length doomed)))

(provide 'sort)
