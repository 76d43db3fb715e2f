;;; dired.el --- directory editing: listings, marks and file names  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observable behaviour (docs/stdlib.md, "Dired").
;; A Dired buffer holds one header line per listed directory ("  DIR:") followed by the lines
;; `insert-directory' gives, each indented by two columns; column 0 of a file line holds its mark.
;; Everything here finds files by reading those lines back, so an edited line (Wdired) answers
;; with its edited name.

;;; Code:

(require 'cl-lib)

(defgroup dired nil "Editing directories as listings of their files." :group 'files)

;;;###autoload
(defcustom dired-listing-switches "-al" "Switches handed to `insert-directory' for a new Dired buffer; they must include \"l\"."
  :type 'string :group 'dired)
(defcustom dired-trivial-filenames "\\`\\.\\.?\\'\\|\\`\\.?#" "Regexp of file names a new listing puts point after, or nil."
  :type '(choice regexp (const nil)) :group 'dired)
(defcustom dired-recursive-deletes 'top "How deleting a directory that is not empty asks: `always' never asks, `top' asks once per marked directory, nil refuses."
  :type '(choice (const always) (const top) (const nil)) :group 'dired)
(defcustom dired-recursive-copies 'top "How copying a directory asks: `always' never asks, `top' asks once per directory, nil copies no directory."
  :type '(choice (const always) (const top) (const nil)) :group 'dired)
(defcustom dired-auto-revert-buffer nil "Non-nil (or a function of the directory returning non-nil) re-reads a Dired buffer each time it is visited again."
  :type '(choice boolean function) :group 'dired)
(defcustom dired-always-read-filesystem nil "Non-nil makes commands that look into files read them from disk even when a buffer visits them."
  :type 'boolean :group 'dired)
(defcustom dired-dwim-target nil "Non-nil proposes the directory of another visible Dired window as the target of copies and renames."
  :type '(choice boolean function) :group 'dired)
(defcustom dired-deletion-confirmer #'yes-or-no-p "Function of one prompt that confirms a deletion." :type 'function :group 'dired)
(defcustom dired-create-destination-dirs nil "Whether copying or renaming into a missing directory makes it: `always', `ask' or nil."
  :type '(choice (const always) (const ask) (const nil)) :group 'dired)
(defcustom dired-ls-F-marks-symlinks nil "Non-nil if `ls -F' ends the name of a symbolic link with @." :type 'boolean :group 'dired)
(defcustom dired-keep-marker-rename t "Mark a renamed file gets: t keeps its own, a character puts that one, nil none." :type '(choice character boolean) :group 'dired)
(defcustom dired-keep-marker-copy ?C "Mark a copied file gets (see `dired-keep-marker-rename')." :type '(choice character boolean) :group 'dired)
(defcustom dired-keep-marker-hardlink ?H "Mark a new hard link gets (see `dired-keep-marker-rename')." :type '(choice character boolean) :group 'dired)
(defcustom dired-keep-marker-symlink ?Y "Mark a new symbolic link gets (see `dired-keep-marker-rename')." :type '(choice character boolean) :group 'dired)
(defcustom dired-copy-preserve-time t "Non-nil gives a copy the modification time of its original." :type 'boolean :group 'dired)
(defcustom dired-hide-details-hide-symlink-targets t "Non-nil hides the `-> TARGET' part of links in `dired-hide-details-mode'." :type 'boolean :group 'dired)
(defcustom dired-hide-details-hide-information-lines t "Non-nil hides the lines that are not file lines in `dired-hide-details-mode'." :type 'boolean :group 'dired)
(defcustom dired-mode-hook nil "Hook run when a buffer enters Dired mode." :type 'hook :group 'dired)
(defcustom dired-before-readin-hook nil "Hook run before a directory is read into its buffer." :type 'hook :group 'dired)
(defcustom dired-after-readin-hook nil "Hook run, narrowed to the new lines, after a directory is read into its buffer." :type 'hook :group 'dired)
(defcustom dired-initial-position-hook nil "Hook run once point was placed in a new listing." :type 'hook :group 'dired)
(defcustom dired-load-hook nil "Hook run once dired.el is loaded." :type 'hook :group 'dired)
(defcustom dired-kill-when-opening-new-dired-buffer nil "Non-nil kills the current Dired buffer when a command opens another." :type 'boolean :group 'dired)

(defvar dired-marker-char ?* "The character that marks a file; commands may bind it to another.")
(defvar dired-del-marker ?D "The character that flags a file for deletion.")
;;;###autoload
(defvar dired-directory nil "What this Dired buffer lists: a directory, a wildcard, or (DIR FILE...).")
(make-variable-buffer-local 'dired-directory)
(defvar dired-actual-switches nil "The switches this buffer's listing was made with.")
(make-variable-buffer-local 'dired-actual-switches)
(defvar dired-subdir-alist nil "The directories shown in this buffer: (DIR . MARKER-AT-ITS-HEADER), latest first.")
(make-variable-buffer-local 'dired-subdir-alist)
(defvar dired-buffers nil "Pairs (DIRECTORY . BUFFER) of the Dired buffers listing each directory.")
(defvar dired-query nil "Set by `dired-query' to remember a \"!\" answer.")
(defvar dired-switches-in-mode-line nil "How the mode line shows this buffer's switches.")
(defvar dired-re-mark "^[^ \n]" "Regexp that matches a marked line.")
(defvar dired-re-dir "^..d" "Regexp that matches the line of a directory.")
(defvar dired-re-sym "^..l" "Regexp that matches the line of a symbolic link.")
(defvar dired-re-exe "^..[-d]..\\(x\\|...x\\|......x\\)" "Regexp that matches the line of an executable file.")
(defvar dired-re-perms "[-bcdlps][-r][-w].[-r][-w].[-r][-w]." "Regexp of a permission string.")
(defvar dired-re-dot "^.* \\.\\.?/?$" "Regexp that matches the lines of `.' and `..'.")
(defvar dired-hide-details-mode nil "Non-nil when file details are hidden in this Dired buffer.")
(make-variable-buffer-local 'dired-hide-details-mode)

;; Where the file name starts: after the size and the date ls prints ("Dec  6 23:26",
;; "Dec  6  2025", ISO dates), whatever the size column looks like ("4096", "4.0K").
(defconst dired--date-before-name-re
  (concat "[0-9]\\(?:[.,][0-9]+\\)?[BKMGTPEZY]?i?B? +"
          "\\(?:[A-Za-z][a-z][a-z]\\.? +[0-9]\\{1,2\\} +\\(?:[0-9]\\{1,2\\}:[0-9][0-9]\\|[0-9]\\{4\\}\\)"
          "\\|[0-9]\\{1,2\\} +[A-Za-z][a-z][a-z]\\.? +\\(?:[0-9]\\{1,2\\}:[0-9][0-9]\\|[0-9]\\{4\\}\\)"
          "\\|[0-9]\\{4\\}-[0-9][0-9]-[0-9][0-9]\\(?: [0-9][0-9]:[0-9][0-9]\\(?::[0-9][0-9]\\(?:\\.[0-9]+\\)?\\)?\\(?: [-+][0-9]\\{4\\}\\)?\\)?"
          "\\|[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]\\) ")
  "Where a listing line's date ends and its file name begins.")

;;; Reading a line back

(defun dired-move-to-filename (&optional raise-error eol) "Put point where the file name of this line starts and return that position.
Without a file on the line return nil, or signal an error when RAISE-ERROR.  EOL bounds the search."
  (let ((found (save-excursion (forward-line 0) (re-search-forward dired--date-before-name-re (or eol (line-end-position)) t))))
    (cond (found (goto-char found))
          (raise-error (error "No file on this line")))))

(defun dired--each-line (fn &optional beg end) "Call FN with no argument at the start of each line from BEG (the buffer's start) up to END, keeping point.
FN may delete its own line; the walk carries on with the line that follows."
  (save-excursion
    (let ((next (copy-marker (or beg (point-min)))) (stop (copy-marker (or end (point-max)))))
      (while (< next stop) (goto-char next)
        (set-marker next (line-beginning-position 2))
        (funcall fn))
      (set-marker next nil)
      (set-marker stop nil)
      nil)))

(defun dired--switches-have-p (letter) "Non-nil when this buffer's switches hold the short option LETTER."
  (let ((sw (or dired-actual-switches dired-listing-switches)) (case-fold-search nil))
    (and (stringp sw) (string-match-p (concat "\\(?:\\`\\| \\)-[[:alnum:]]*" letter) sw))))

(defun dired-move-to-end-of-filename (&optional no-error) "Put point where this line's file name ends and return that position.
A link's name ends before \" -> \"; with -F, the type character ls added is left out.  NO-ERROR
means return nil on a line without a file."
  (let* ((from (save-excursion (dired-move-to-filename)))
         (bol (line-beginning-position)) (eol (line-end-position))
         (kind (char-after (min eol (+ bol 2))))
         (arrow (and from (eq kind ?l) (save-excursion (goto-char from) (search-forward " -> " eol t))))
         (end (if arrow (- arrow 4) eol)))
    (if (null from) (unless no-error (error "No file on this line"))
      (when (and (> end from) (dired--switches-have-p "F")
                 (eq (char-before end)
                     (pcase kind (?d ?/) (?s ?=) (?p ?|) (?D ?>)
                            (?l (and dired-ls-F-marks-symlinks ?@))
                            (?- (and (string-match-p "x" (buffer-substring-no-properties (+ bol 2) (min eol (+ bol 12)))) ?*)))))
        (setq end (1- end))) (goto-char end))))

(defun dired--unescape-name (name) "Undo the backslash escapes ls -b writes in NAME."
  (replace-regexp-in-string "\\\\\\([0-7][0-7][0-7]\\|.\\)"
                            (lambda (m) (let ((c (substring m 1))) (if (= (length c) 3) (string (string-to-number c 8)) c)))
                            name t t))

(defun dired-current-directory (&optional localp) "Return the directory whose listing holds point.
With LOCALP, return it relative to `default-directory'."
  (let ((dir (or (cl-loop for (d . m) in dired-subdir-alist
                          when (<= (marker-position m) (point)) return d)
                 (car (car (last dired-subdir-alist))) default-directory)))
    (if localp (dired-make-relative dir default-directory) dir)))

(defun dired-make-relative (file &optional dir) "Return FILE relative to DIR (the buffer's directory by default) when it lies below it."
  (let ((base (file-name-as-directory (expand-file-name (or dir default-directory)))))
    (if (string-prefix-p base (expand-file-name file))
        (substring (expand-file-name file) (length base))
      file)))

(defun dired-get-filename (&optional localp no-error-if-not-filep) "Return the name of the file on this line, absolute by default.
LOCALP `no-dir' gives it as listed, any other non-nil value relative to the buffer's directory.
A line without a file is an error, and so are `.' and `..', unless NO-ERROR-IF-NOT-FILEP."
  (let* ((beg (save-excursion (dired-move-to-filename)))
         (end (and beg (save-excursion (dired-move-to-end-of-filename t))))
         (name (and beg (buffer-substring-no-properties beg end))))
    (when (and name (dired--switches-have-p "b")) (setq name (dired--unescape-name name)))
    (cond
     ((null name) (if no-error-if-not-filep nil (error "No file on this line")))
     ((and (not no-error-if-not-filep) (member (file-name-nondirectory name) '("." "..")))
      (error "%s" (format-message "Cannot operate on `.' or `..'")))
     ((eq localp 'no-dir) name) ((file-name-absolute-p name)
      (if localp (dired-make-relative name) name))
     (localp (concat (dired-current-directory t) name))
     (t (concat (dired-current-directory) name)))))

(defun dired-get-file-for-visit () "Return the file of this line for visiting, or signal an error."
  (let ((f (dired-get-filename nil t)))
    (or f (error "No file on this line"))
    (if (or (file-exists-p f) (file-symlink-p f)) f (error "File no longer exists; type `g' to update Dired buffer"))))

(defun dired-file-name-at-point () "Return the abbreviated name of the file at point, a directory with its slash, or nil."
  (let ((f (dired-get-filename nil t)))
    (when f (abbreviate-file-name (if (file-directory-p f) (file-name-as-directory f) f)))))

(defun dired-between-files () "Non-nil when this line lists no file."
  (null (save-excursion (dired-move-to-filename))))

(defun dired--file-line-p (&optional allow-dots) "Non-nil when this line lists a file other than `.' or `..' (or any file, with ALLOW-DOTS)."
  (let ((f (dired-get-filename 'no-dir t)))
    (and f (or allow-dots (not (member (file-name-nondirectory f) '("." "..")))))))

;;; Moving

(defun dired-next-line (arg) "Move down ARG lines (up when negative) to the file name there; return its position or nil." (interactive "^p")
  (let ((missing (forward-line arg)))
    (if (and (< arg 0) (= missing arg)) nil (dired-move-to-filename))))

(defun dired-previous-line (arg) "Move up ARG lines and to the file name there." (interactive "^p")
  (dired-next-line (- arg)))

(defun dired-next-dirline (arg &optional _opoint) "Move to the ARGth next line listing a directory." (interactive "p")
  (let ((target (save-excursion
                  (let ((n (abs arg)) hit)
                    (while (and (> n 0) (zerop (forward-line (if (< arg 0) -1 1))))
                      (when (looking-at-p dired-re-dir) (setq n (1- n) hit (point))))
                    (and (zerop n) hit)))))
    (unless target (error "No more subdirectories")) (goto-char target) (dired-move-to-filename)))

(defun dired-prev-dirline (arg) "Move to the ARGth previous line listing a directory." (interactive "p")
  (dired-next-dirline (* -1 arg)))

(defun dired-goto-file (file) "Move to the line of FILE (absolute) and return point there, or nil when it is not listed."
  (interactive (list (expand-file-name (read-file-name "Goto file: " (dired-current-directory)))))
  (let ((want (directory-file-name (expand-file-name file))) hit)
    (dired--each-line
     (lambda ()
       (let ((f (and (not hit) (dired-get-filename nil t))))
         (when (and f (equal want (directory-file-name (expand-file-name f))))
           (setq hit (dired-move-to-filename))))))
    (and hit (goto-char hit))))

;;; Marks

(defun dired--put-mark (char) "Replace the mark column of this line by CHAR."
  (let ((bol (line-beginning-position)) (inhibit-read-only t))
    (unless (eq (char-after bol) char)
      (save-excursion (goto-char bol) (insert char) (delete-char 1)))))

(defun dired--mark-lines (count char) "Put CHAR on the next COUNT file lines (backward when negative) and leave point after them."
  (let ((step (if (< count 0) -1 1)) (left (abs count)) (moved 0))
    (while (and (> left 0) (zerop moved))
      (when (dired-move-to-filename)
        (dired--put-mark char)
        (setq left (1- left)))
      (setq moved (forward-line step))
      (when (and (> step 0) (eobp)) (setq moved 1))) (dired-move-to-filename)))

(defun dired--mark-with (char arg interactive) "Put CHAR in the mark column of ARG files from point, or of the region's files when INTERACTIVE and it is active."
  (if (and interactive (use-region-p))
      (dired--each-line (lambda () (when (dired--file-line-p t) (dired--put-mark char))) (region-beginning) (region-end))
    (dired--mark-lines (prefix-numeric-value arg) char)))

(defun dired-mark (arg &optional interactive) "Mark the file of this line, or of the next ARG lines, with `dired-marker-char'.
With an active region (when called INTERACTIVE), mark the files in it." (interactive (list current-prefix-arg t))
  (dired--mark-with dired-marker-char arg interactive))

(defun dired-unmark (arg &optional interactive) "Remove the mark of this line's file, or of the next ARG lines." (interactive (list current-prefix-arg t))
  (dired--mark-with ?\s arg interactive))

(defun dired-flag-file-deletion (arg &optional interactive) "Flag this line's file (or the next ARG) for deletion." (interactive (list current-prefix-arg t))
  (dired--mark-with dired-del-marker arg interactive))

(defun dired-unmark-backward (arg) "Move up a line and remove the mark there; repeat ARG times." (interactive "p")
  (dotimes (_ (max arg 0)) (forward-line -1)
    (and (dired-move-to-filename) (dired--put-mark ?\s))))

(defun dired-toggle-marks () "Mark the unmarked files and unmark the `*'-marked ones; `.', `..' and other marks stay." (interactive)
  (dired--each-line
   (lambda ()
     (when (dired--file-line-p) (pcase (char-after)
         (?\s (dired--put-mark dired-marker-char))
         ((pred (eq dired-marker-char)) (dired--put-mark ?\s)))))))

(defun dired-unmark-all-files (mark &optional arg) "Remove MARK (RET or any mark when it is ?\\r) from every file; ARG asks for each one."
  (interactive "cRemove marks (RET means all): \nP")
  (let ((removed 0))
    (dired--each-line
     (lambda () (let ((c (char-after)))
         (when (and (not (memq c '(nil ?\s ?\n))) (memq mark (list ?\r c))
                    (save-excursion (dired-move-to-filename))
                    (or (not arg) (y-or-n-p (format-message "Unmark file `%s'? " (dired-get-filename t t)))))
           (dired--put-mark ?\s)
           (setq removed (1+ removed))))))
    (message (if (= removed 1) "1 mark removed" "%d marks removed") removed)))

(defun dired-unmark-all-marks () "Remove every mark and flag in the buffer." (interactive)
  (dired-unmark-all-files ?\r))

(defun dired-mark-if-match (pred what &optional marker-char) "Put MARKER-CHAR on each file line for which PRED (called on the line) is non-nil; report with WHAT.
Return the number of lines marked."
  (let ((char (or marker-char dired-marker-char)) (hits 0))
    (dired--each-line
     (lambda ()
       (when (and (dired--file-line-p) (save-excursion (funcall pred)))
         (dired--put-mark char)
         (setq hits (1+ hits)))))
    (message "%s %s%s %s%s" hits what (if (= hits 1) "" "s")
             (if (eq char ?\s) "un" "") (if (eq char dired-del-marker) "flagged" "marked"))
    hits))

(defun dired-mark-files-regexp (regexp &optional marker-char) "Mark the files whose name (without directory) matches REGEXP."
  (interactive (list (read-regexp "Mark files (regexp): ") (if current-prefix-arg ?\s)))
  (dired-mark-if-match (lambda () (string-match-p regexp (dired-get-filename 'no-dir t)))
                       "matching file" marker-char))

(defun dired-flag-files-regexp (regexp) "Flag for deletion the files whose name matches REGEXP." (interactive (list (read-regexp "Flag for deletion (regexp): ")))
  (let ((dired-marker-char dired-del-marker)) (dired-mark-files-regexp regexp)))

(defun dired-mark-files-containing-regexp (regexp &optional marker-char) "Mark the plain files whose contents match REGEXP.
A file visited in a buffer is searched there unless `dired-always-read-filesystem'."
  (interactive (list (read-regexp "Mark files containing (regexp): ") (if current-prefix-arg ?\s)))
  (dired-mark-if-match
   (lambda ()
     (let* ((f (dired-get-filename nil t))
            (visiting (unless dired-always-read-filesystem (get-file-buffer f)))
            (search (lambda () (save-excursion (goto-char (point-min)) (re-search-forward regexp nil t)))))
       (cond ((not (file-regular-p f)) nil)
             (visiting (with-current-buffer visiting (funcall search)))
             (t (with-temp-buffer (insert-file-contents f) (funcall search))))))
   "matching file" marker-char))

(defun dired-mark-directories (&optional unflag) "Mark every directory line but `.' and `..'; UNFLAG removes their marks." (interactive "P")
  (dired-mark-if-match (lambda () (beginning-of-line) (looking-at-p dired-re-dir))
                       "directory file" (if unflag ?\s dired-marker-char)))

(defun dired-mark-symlinks (&optional unflag) "Mark every symbolic link; UNFLAG removes their marks." (interactive "P")
  (dired-mark-if-match (lambda () (beginning-of-line) (looking-at-p dired-re-sym))
                       "symbolic link" (if unflag ?\s dired-marker-char)))

(defun dired-mark-executables (&optional unflag) "Mark every executable file; UNFLAG removes their marks." (interactive "P")
  (dired-mark-if-match (lambda () (beginning-of-line) (looking-at-p dired-re-exe))
                       "executable file" (if unflag ?\s dired-marker-char)))

(defun dired--marked-lines (char) "Return the positions of the file names on the lines marked CHAR, in buffer order."
  (let (acc)
    (dired--each-line (lambda () (when (eq (char-after) char) (let ((p (dired-move-to-filename))) (when p (push p acc))))))
    (nreverse acc)))

(defun dired--files-at (positions localp) "Return the file names (see `dired-get-filename' for LOCALP) of the lines at POSITIONS."
  (mapcar (lambda (p) (save-excursion (goto-char p) (dired-get-filename localp t))) positions))

(defun dired--next-files (count localp) "Return the names of COUNT files from this line on, or of the -COUNT files above it."
  (let ((want (abs count)) (dir (if (< count 0) -1 1)) names)
    (save-excursion
      (when (< count 0) (forward-line -1))
      (while (> want 0)
        (let ((f (dired-get-filename localp t)))
          (when f (push f names) (setq want (1- want))))
        (unless (and (zerop (forward-line dir)) (not (eobp))) (setq want 0))))
    (nreverse names)))

(defun dired-get-marked-files (&optional localp arg filter distinguish-one-marked error) "Return the marked files, or the file at point when none is marked.
LOCALP is as for `dired-get-filename'.  An integer ARG takes that many files from point instead
(backward when negative), any other non-nil ARG the file at point.  FILTER keeps the files it
returns non-nil for.  With DISTINGUISH-ONE-MARKED, a single marked file comes back as (t FILE).
ERROR non-nil signals `user-error' when the result would be empty."
  (let* ((marked (and (null arg) (dired--files-at (dired--marked-lines dired-marker-char) localp)))
         (here (lambda () (let ((f (dired-get-filename localp t))) (and f (list f)))))
         (files (cond ((integerp arg) (dired--next-files arg localp))
                      ((or arg (null marked)) (funcall here))
                      (t marked))))
    (when filter (setq files (cl-remove-if-not filter files)))
    (when (and error (null files)) (user-error "No files specified"))
    (if (and distinguish-one-marked marked (null (cdr marked)) files) (cons t files) files)))

(defun dired-number-of-marked-files () "Say how many files are marked." (interactive)
  (let ((n (length (dired--marked-lines dired-marker-char))))
    (if (= n 0) (message "No marked files") (message "%d marked file%s" n (if (= n 1) "" "s")))))

;;; Making a listing

(defun dired--indent-listing (beg end) "Put two columns in front of every line between BEG and END."
  (dired--each-line (lambda () (insert "  ")) beg end))

(defun dired--pad (text width &optional right) "Return TEXT widened to WIDTH columns with spaces, on its left when RIGHT (for numbers)."
  (let ((gap (make-string (max 0 (- width (length text))) ?\s)))
    (if right (concat gap text) (concat text gap))))

(defun dired--align-region (beg end) "Pad the columns before the date on the file lines between BEG and END to common widths.
Numbers (link counts, sizes) are padded on their left, names (modes, owners) on their right."
  (let (rows widths)
    (dired--each-line
     (lambda ()
       (let ((name (save-excursion (dired-move-to-filename))))
         (when (and name (save-excursion (re-search-forward dired--date-before-name-re (1+ name) t)))
           (let* ((date-at (save-excursion (goto-char (match-beginning 0)) (skip-chars-forward "^ ") (skip-chars-forward " ") (point)))
                  (fields (split-string (buffer-substring-no-properties (+ (point) 2) date-at))))
             (push (list (copy-marker (+ (point) 2)) (copy-marker date-at) fields) rows)
             (while (< (length widths) (length fields)) (setq widths (append widths (list 0))))
             (setq widths (cl-mapcar (lambda (w f) (max w (length f))) widths
                                     (append fields (make-list (- (length widths) (length fields)) ""))))))))
     beg end)
    (pcase-dolist (`(,from ,to ,fields) rows)
      (save-excursion
        (goto-char to)
        (insert (mapconcat #'identity
                           (cl-mapcar (lambda (f w) (dired--pad f w (string-match-p "\\`[0-9]" f))) fields widths)
                           " ")
                " ")
        (delete-region from to))
      (set-marker from nil)
      (set-marker to nil))))

(defun dired-align-file (beg end) "Align the columns of the file lines between BEG and END." (dired--align-region beg (copy-marker end)))

(defun dired-insert-directory (dir switches &optional file-list wildcard hdr) "Insert at point the listing of DIR made with SWITCHES, indented for Dired.
FILE-LIST lists those files (relative to DIR) instead of the whole directory; WILDCARD means DIR
holds a wildcard pattern.  HDR non-nil also inserts the header line.  Return nothing useful."
  (let* ((top (point-marker))
         (default-directory (file-name-directory (expand-file-name dir)))
         (split (and wildcard (insert-directory-wildcard-in-dir-p (expand-file-name dir)))))
    (cond (file-list (mapc (lambda (f) (insert-directory f switches nil nil)) file-list))
          ((and split (string-match-p "[[*?]" (or (file-name-directory (cdr split)) "")))
           ;; A wildcard in a directory part too ("d*/*.c"): ls runs on the shell's expansion.
           (let ((default-directory (car split)))
             (call-process shell-file-name nil t nil shell-command-switch
                           (format "%s -d %s -- %s" insert-directory-program
                                   (if (listp switches) (mapconcat #'identity switches " ") switches) (cdr split)))))
          (t (insert-directory dir switches wildcard (not wildcard))))
    (let ((bottom (point-marker)))
      (dired--indent-listing top bottom)
      (when file-list (dired--align-region top bottom)) (save-excursion (goto-char top)
        (when hdr (insert "  " (directory-file-name default-directory) ":\n"))
        (when wildcard (insert "  wildcard " (file-name-nondirectory dir) "\n"))) (goto-char bottom)
      (set-marker bottom nil)
      (set-marker top nil))))

(defconst dired--name-help "mouse-2: visit this file in other window" "The `help-echo' of file names.")

(defun dired-insert-set-properties (beg end) "Give the file names between BEG and END the properties Dired's names carry, and the details their `invisible' classes."
  (dired--each-line
   (lambda ()
     (let ((bol (point)) (eol (line-end-position)) (name (dired-move-to-filename)))
       (cond
        (name
         (let ((name-end (dired-move-to-end-of-filename t)))
           (put-text-property (1+ bol) (1- name) 'invisible 'dired-hide-details-detail)
           (add-text-properties name name-end `(mouse-face highlight dired-filename t help-echo ,dired--name-help))
           (when (< name-end eol) (put-text-property name-end eol 'invisible 'dired-hide-details-link))))
        ((not (memq (char-after (+ bol 2)) '(?/ ?~)))
         (put-text-property (min (1+ bol) eol) eol 'invisible 'dired-hide-details-information)))))
   beg end))

(defun dired--listing-spec (what) "Split WHAT, the argument of `dired', into (DIRECTORY FILES WILDCARD-P)."
  (if (consp what)
      (list (file-name-as-directory (expand-file-name (car what))) (cdr what) nil)
    (let ((full (expand-file-name what)))
      (if (file-directory-p full)
          (list (file-name-as-directory full) nil nil)
        (list full nil (and (string-match-p "[[*?]" (file-name-nondirectory full)) t))))))

(defun dired-readin () "Fill this Dired buffer with the listing `dired-directory' names."
  (run-hooks 'dired-before-readin-hook)
  (pcase-let ((`(,dir ,files ,wild) (dired--listing-spec dired-directory))
              (inhibit-read-only t) (was-modified (buffer-modified-p)))
    (widen) (delete-region (point-min) (point-max))
    (unless wild (insert "  " (directory-file-name dir) ":\n"))
    (let ((default-directory (if files dir default-directory)))
      (dired-insert-directory dir dired-actual-switches files wild wild))
    (let ((top (file-name-directory (expand-file-name (if wild dir (file-name-as-directory dir))))))
      (setq dired-subdir-alist (list (cons (file-name-as-directory (abbreviate-file-name top)) (copy-marker 1)))))
    (dired-insert-set-properties (point-min) (point-max))
    (save-restriction (narrow-to-region (point-min) (point-max)) (run-hooks 'dired-after-readin-hook))
    (set-buffer-modified-p was-modified)))

(defun dired-initial-position (_dirname) "Put point on the first file of a new listing whose name is not trivial."
  (let ((first (catch 'found
                 (dired--each-line
                  (lambda ()
                    (let ((f (dired-get-filename 'no-dir t)))
                      (when (and f (not (and dired-trivial-filenames
                                             (string-match-p dired-trivial-filenames (file-name-nondirectory f)))))
                        (throw 'found (dired-move-to-filename)))))))))
    (goto-char (or first (point-max)))) (run-hooks 'dired-initial-position-hook))

;;; The mode

(defvar dired-mode-map
  (let ((km (make-keymap))) (suppress-keymap km)
    (pcase-dolist (`(,keys . ,cmd)
                   '(("a" . dired-find-alternate-file) ("d" . dired-flag-file-deletion) ("e" . dired-find-file)
                     ("f" . dired-find-file) ("\C-m" . dired-find-file) ("g" . revert-buffer) ("i" . dired-maybe-insert-subdir)
                     ("j" . dired-goto-file) ("m" . dired-mark) ("n" . dired-next-line) ("p" . dired-previous-line)
                     ("o" . dired-find-file-other-window) ("q" . quit-window) ("t" . dired-toggle-marks)
                     ("u" . dired-unmark) ("v" . dired-view-file) ("x" . dired-do-flagged-delete) ("^" . dired-up-directory)
                     ("<" . dired-prev-dirline) (">" . dired-next-dirline) ("C" . dired-do-copy) ("D" . dired-do-delete)
                     ("R" . dired-do-rename) ("S" . dired-do-symlink) ("H" . dired-do-hardlink) ("M" . dired-do-chmod)
                     ("Z" . dired-do-compress) ("!" . dired-do-shell-command) ("&" . dired-do-async-shell-command)
                     ("+" . dired-create-directory) ("U" . dired-unmark-all-marks) ("(" . dired-hide-details-mode)
                     ("\177" . dired-unmark-backward) (" " . dired-next-line) ("%m" . dired-mark-files-regexp)
                     ("%d" . dired-flag-files-regexp) ("%g" . dired-mark-files-containing-regexp) ("%R" . dired-do-rename-regexp)
                     ("%C" . dired-do-copy-regexp) ("*m" . dired-mark) ("*u" . dired-unmark) ("*t" . dired-toggle-marks)
                     ("*!" . dired-unmark-all-marks) ("*?" . dired-unmark-all-files) ("*/" . dired-mark-directories)
                     ("*@" . dired-mark-symlinks) ("**" . dired-mark-executables) ("*N" . dired-number-of-marked-files)
                     ("\C-x\C-q" . dired-toggle-read-only) ([remap next-line] . dired-next-line)
                     ([remap previous-line] . dired-previous-line) ([remap read-only-mode] . dired-toggle-read-only)))
      (define-key km keys cmd))
    km)
  "Keys of Dired mode.")

(put 'dired-mode 'mode-class 'special)

(defun dired-mode (&optional dirname switches) "Major mode of directory listings: mark files on their lines and act on the marked ones.
DIRNAME is what the buffer lists (default `default-directory'), SWITCHES the `ls' switches." (kill-all-local-variables)
  (setq major-mode 'dired-mode mode-name "Dired by name") (use-local-map dired-mode-map)
  (setq dired-directory (or dirname default-directory)
        dired-actual-switches (or switches dired-listing-switches)
        buffer-read-only t truncate-lines t)
  (let ((d (if (consp dired-directory) (car dired-directory) dired-directory)))
    (setq-local list-buffers-directory (if (file-directory-p d) (file-name-as-directory (expand-file-name d)) d)))
  (setq-local buffer-invisibility-spec (list t)
              revert-buffer-function #'dired-revert) (run-mode-hooks 'dired-mode-hook))

(define-minor-mode dired-hide-details-mode "Hide the details of file lines (permissions, sizes, dates) in this Dired buffer."
  :group 'dired
  (unless (derived-mode-p 'dired-mode 'wdired-mode) (error "Not a Dired buffer"))
  (dolist (kind '(dired-hide-details-detail dired-hide-details-information dired-hide-details-link))
    (let ((wanted (and dired-hide-details-mode
                       (pcase kind
                         ('dired-hide-details-information dired-hide-details-hide-information-lines)
                         ('dired-hide-details-link dired-hide-details-hide-symlink-targets)
                         (_ t)))))
      (if wanted (add-to-invisibility-spec kind) (remove-from-invisibility-spec kind)))))

;;; Buffers

(defun dired--forget-dead-buffers () "Drop the entries of `dired-buffers' whose buffer was killed."
  (setq dired-buffers (cl-remove-if-not (lambda (e) (buffer-live-p (cdr e))) dired-buffers)))

(defun dired-buffers-for-dir (dir &optional file subdirs) "Return the live Dired buffers listing DIR.
With FILE, only those whose listing can show FILE; SUBDIRS non-nil also counts buffers listing a directory below DIR."
  (dired--forget-dead-buffers)
  (let ((want (file-name-as-directory (expand-file-name dir))) found)
    (dolist (e dired-buffers)
      (let ((buf (cdr e))) (with-current-buffer buf
          (when (and (derived-mode-p 'dired-mode 'wdired-mode)
                     (cl-some (lambda (sub) (let ((d (expand-file-name (car sub))))
                                              (or (equal d want) (and subdirs (string-prefix-p want d)))))
                              dired-subdir-alist)
                     (or (null file) (consp dired-directory) (not (stringp dired-directory))
                         (file-directory-p dired-directory)
                         (string-match-p (wildcard-to-regexp (file-name-nondirectory dired-directory)) file)))
            (cl-pushnew buf found))))) (nreverse found)))

(defun dired-find-buffer-nocreate (dirname &optional mode) "Return a live Dired buffer (in MODE, `dired-mode' by default) listing exactly DIRNAME, or nil."
  (dired--forget-dead-buffers)
  (let ((mode (or mode 'dired-mode)) (want (if (consp dirname) dirname (expand-file-name dirname))))
    (cl-loop for (_ . buf) in dired-buffers when (with-current-buffer buf
                    (and (eq major-mode mode)
                         (let ((have (if (consp dired-directory) dired-directory (expand-file-name dired-directory))))
                           (or (equal have want)
                               (and (stringp have) (stringp want)
                                    (equal (file-name-as-directory have) (file-name-as-directory want)))))))
             return buf)))

(defvar-local dired--listing-modtime nil "Modification time of the directory when this buffer read it.")

(defun dired-directory-changed-p (dirname) "Non-nil when DIRNAME was modified since this buffer listed it."
  (let ((now (file-attribute-modification-time (file-attributes dirname))))
    (and now dired--listing-modtime (not (equal now dired--listing-modtime)))))

(defun dired--remember-modtime () "Record the listed directory's modification time."
  (let ((d (car (car (last dired-subdir-alist)))))
    (setq dired--listing-modtime (and d (file-attribute-modification-time (file-attributes d))))))

(defun dired-noselect (dir-or-list &optional switches) "Return a Dired buffer listing DIR-OR-LIST (a directory, a wildcard, or (DIR FILE...)); SWITCHES are for `ls'."
  (unless dir-or-list (setq dir-or-list default-directory))
  (let* ((given (if (consp dir-or-list) (car dir-or-list) dir-or-list))
         (dirname (abbreviate-file-name (expand-file-name given)))
         (dirname (if (file-directory-p dirname) (file-name-as-directory dirname) dirname))
         (what (if (consp dir-or-list) (cons dirname (cdr dir-or-list)) dirname))
         (old (dired-find-buffer-nocreate what))
         (buf (or old (create-file-buffer (directory-file-name dirname))))) (with-current-buffer buf
      (cond
       ((null old)
        (setq default-directory (abbreviate-file-name (file-name-directory (expand-file-name dirname))))
        (dired-mode what switches) (dired-readin)
        (dired--remember-modtime)
        (push (cons (expand-file-name (file-name-directory (expand-file-name dirname))) buf) dired-buffers)
        (dired-initial-position dirname))
       (switches (setq dired-actual-switches switches) (dired-revert))
       ((or (if (functionp dired-auto-revert-buffer) (funcall dired-auto-revert-buffer dirname) dired-auto-revert-buffer)
            (and (consp dir-or-list) (not (equal dired-directory what))))
        (setq dired-directory what)
        (dired-revert))
       ((dired-directory-changed-p (car (car (last dired-subdir-alist))))
        (message "%s" (substitute-command-keys "Directory has changed on disk; type \\[revert-buffer] to update Dired")))))
    buf))

(defun dired--show-in (how dirname switches) "Show the Dired buffer of DIRNAME (see `dired') with the function HOW and return it."
  (funcall how (dired-noselect dirname switches)))

(defun dired (dirname &optional switches) "List DIRNAME (a directory, a wildcard, or (DIR FILE...)) in a Dired buffer, switch to it and return it.
SWITCHES are the `ls' switches, `dired-listing-switches' by default."
  (interactive (list (read-directory-name "Dired (directory): " nil default-directory nil)))
  (dired--show-in #'switch-to-buffer dirname switches))

(defun dired-other-window (dirname &optional switches) "Like `dired', in another window." (interactive (list (read-directory-name "Dired in other window (directory): ")))
  (dired--show-in #'switch-to-buffer-other-window dirname switches))

(defun dired-other-frame (dirname &optional switches) "Like `dired', in another frame." (interactive (list (read-directory-name "Dired in other frame (directory): ")))
  (dired--show-in #'switch-to-buffer-other-frame dirname switches))

(defun dired-other-tab (dirname &optional switches) "Like `dired', in another tab." (interactive (list (read-directory-name "Dired in other tab (directory): ")))
  (dired--show-in #'switch-to-buffer-other-tab dirname switches))

(defun dired-save-positions () "Return where point is, to be given back after a revert: ((BUFFER FILE LINE COLUMN) WINDOW-POSITIONS)."
  (list (list (current-buffer) (dired-get-filename nil t) (line-number-at-pos) (current-column))
        (mapcar (lambda (w) (with-selected-window w (list w (dired-get-filename nil t) (line-number-at-pos))))
                (get-buffer-window-list nil 0 t))))

(defun dired-restore-positions (positions) "Put point back where POSITIONS (from `dired-save-positions') say: on the same file, or on the same line's file."
  (pcase-let ((`(,buf ,file ,line ,col) (car positions)))
    (and (buffer-live-p buf) (set-buffer buf)
         (not (and file (dired-goto-file file)))
         (progn (goto-char 1) (forward-line (1- line)) (or (dired-move-to-filename) (move-to-column col))))))

(defun dired--current-marks () "Return the marks of the buffer as pairs (FILE . CHAR)."
  (let (acc)
    (dired--each-line
     (lambda ()
       (let ((c (char-after)) (f (dired-get-filename nil t)))
         (and f (not (memq c '(?\s ?\n))) (push (cons f c) acc)))))
    acc))

(defun dired-revert (&optional _arg _noconfirm) "Read this Dired buffer's listing again, keeping the marks and point's file."
  (let ((where (dired-save-positions)) (marks (dired--current-marks))) (dired-readin)
    (dired--remember-modtime)
    (when marks
      (dired--each-line
       (lambda () (let ((hit (assoc (dired-get-filename nil t) marks))) (when hit (dired--put-mark (cdr hit)))))))
    (save-current-buffer (dired-restore-positions where))))

(defun dired-uncache (dir) "Forget what a file name handler cached about DIR."
  (let ((fn (find-file-name-handler (expand-file-name dir) 'dired-uncache)))
    (and fn (funcall fn 'dired-uncache dir))))

;;; Visiting

(defun dired-find-file () "Visit the file of this line (a directory in Dired) and return its buffer." (interactive)
  (let ((find-file-run-dired t)) (find-file (dired-get-file-for-visit))))

(defun dired-find-alternate-file () "Visit the file of this line in place of this Dired buffer." (interactive)
  (let ((old (current-buffer)) (new (find-file-noselect (dired-get-file-for-visit))))
    (switch-to-buffer new)
    (unless (eq old new) (kill-buffer old))
    new))

(defun dired-find-file-other-window () "Visit the file of this line in another window." (interactive)
  (find-file-other-window (dired-get-file-for-visit)))

(defun dired-view-file () "View the file of this line, or list it when it is a directory." (interactive)
  (let ((f (dired-get-file-for-visit)))
    (if (file-directory-p f) (dired f) (view-file f))))

(defun dired-up-directory (&optional other-window) "List the parent directory and put point on this directory there." (interactive "P")
  (let* ((me (directory-file-name (dired-current-directory))) (parent (file-name-directory me))) (when parent
      (funcall (if other-window #'dired-other-window #'dired) parent)
      (dired-goto-file me))))

(defun dired-jump (&optional other-window file-name) "List the directory of this buffer's file (or FILE-NAME) with point on that file.
In a Dired buffer, go up to the parent directory.  OTHER-WINDOW uses another window." (interactive "P")
  (if (and (derived-mode-p 'dired-mode) (null file-name)) (dired-up-directory other-window)
    (let ((target (expand-file-name (or file-name buffer-file-name (directory-file-name default-directory)))))
      (funcall (if other-window #'dired-other-window #'dired) (file-name-directory target))
      (unless (dired-goto-file target) (when (bound-and-true-p dired-omit-mode)
          (dired-omit-mode 0)
          (dired-goto-file target))))))

(defun dired-jump-other-window (&optional file-name) "Like `dired-jump' in another window." (interactive)
  (dired-jump t file-name))

(defun dired-toggle-read-only () "Make this Dired buffer's file names editable (Wdired); elsewhere toggle `read-only-mode'." (interactive)
  (if (not (derived-mode-p 'dired-mode)) (read-only-mode 'toggle)
    (wdired-change-to-wdired-mode)))

;;; Deleting

(defun dired-remove-entry (file) "Delete the line of FILE from this buffer, if it is there." (save-excursion
    (and (dired-goto-file file)
         (let ((inhibit-read-only t)) (delete-region (line-beginning-position) (line-beginning-position 2))))))

(defun dired-clean-up-after-deletion (file) "Remove FILE's lines from every Dired buffer and kill the Dired buffers of a deleted directory."
  (dolist (buf (dired-buffers-for-dir (file-name-directory (directory-file-name file))))
    (with-current-buffer buf (dired-remove-entry file)))
  (dolist (buf (dired-buffers-for-dir file nil t))
    (unless (eq buf (current-buffer)) (kill-buffer buf))))

(defconst dired--recursive-answers
  '(("yes" ?y "delete recursively the current directory") ("no" ?n "skip to next")
    ("all" ?! "delete all remaining directories with no more questions") ("quit" ?q "exit"))
  "The answers `read-answer' offers before a directory is deleted with its contents.")

(defun dired--ask-recursive (dir) "Ask whether to delete the non-empty directory DIR; return yes, no, all or quit."
  (intern (read-answer (format-message "Recursively delete %s? " (abbreviate-file-name dir)) dired--recursive-answers)))

(defun dired-delete-file (file &optional recursive trash) "Delete FILE; a directory that is not empty only as RECURSIVE allows (`always', `top' asks, nil refuses).
TRASH non-nil moves it to the trash when `delete-by-moving-to-trash'."
  (cond
   ((not (eq t (file-attribute-type (file-attributes file)))) (delete-file file trash))
   ((or (null recursive) (null (directory-files file nil directory-files-no-dot-files-regexp t 1)))
    (delete-directory file nil trash))
   (t (pcase (if (eq recursive 'always) 'yes (dired--ask-recursive file))
        ('quit (signal 'quit nil))
        ('all (setq dired-recursive-deletes 'always) (delete-directory file t trash))
        ('yes (delete-directory file t trash))))))

(defun dired--delete-these (files &optional trash) "Delete FILES (absolute names) after asking `dired-deletion-confirmer'; return how many went."
  (let ((gone 0) (dired-recursive-deletes dired-recursive-deletes))
    (cond
     ((null files) (message "(No deletions requested)"))
     ((not (funcall dired-deletion-confirmer
                    (if (cdr files) (format "Delete %d files? " (length files))
                      (format-message "Delete %s? " (file-name-nondirectory (car files))))))
      (message "(No deletions performed)"))
     (t (message "Deleting...")
      (catch 'dired--stop (dolist (f files) (condition-case failure
              (progn (dired-delete-file f dired-recursive-deletes trash)
                     (unless (or (file-exists-p f) (file-symlink-p f))
                       (setq gone (1+ gone))
                       (dired-clean-up-after-deletion f)))
            (quit (throw 'dired--stop nil))
            (file-error (message "%s" (error-message-string failure))))))
      (message "%d deletion%s done" gone (if (= gone 1) "" "s"))))
    gone))

(defun dired-do-delete (&optional arg) "Delete the marked files, or the ARG next files, or the file at point; return nil." (interactive "P")
  (dired--delete-these (dired-get-marked-files nil arg) (bound-and-true-p delete-by-moving-to-trash))
  nil)

(defun dired-do-flagged-delete (&optional _nomessage) "Delete the files flagged for deletion." (interactive)
  (let ((flagged (dired--files-at (dired--marked-lines dired-del-marker) nil)))
    (if (null flagged) (message "(No deletions requested)")
      (dired--delete-these flagged (bound-and-true-p delete-by-moving-to-trash)))))

(defun dired-query (sym prompt &rest args) "Ask PROMPT (formatted with ARGS) with y, n, ! and q; SYM remembers a \"!\" answer.
Return non-nil for yes."
  (or (eq (symbol-value sym) 'yes)
      (pcase (read-char-choice (concat (apply #'format-message prompt args) " (y, n, !, q) ") '(?y ?n ?! ?q))
        (?y t)
        (?! (set sym 'yes) t)
        (?q (set sym 'no) nil))))

;; The commands of dired-aux.el and dired-x.el, loaded when first called (as GNU's dired does).
(dolist (name '(dired-do-copy dired-do-rename dired-do-symlink dired-do-hardlink dired-do-chmod dired-do-compress
                dired-do-shell-command dired-do-async-shell-command dired-create-directory dired-create-empty-file
                dired-do-rename-regexp dired-do-copy-regexp dired-maybe-insert-subdir dired-do-kill-lines
                dired-do-create-files-regexp dired-do-touch dired-do-load dired-do-byte-compile dired-diff))
  (autoload name "dired-aux" nil t))
(dolist (name '(dired-copy-file dired-copy-file-recursive dired-rename-file dired-compress-file dired-do-create-files
                dired-add-file dired-mark-read-file-name dired--need-confirm-positions dired--highlight-no-subst-chars
                dired-create-files dired-make-relative-symlink))
  (autoload name "dired-aux"))
(dolist (name '(dired-do-relsymlink dired-omit-mode dired-mark-extension dired-mark-suffix dired-smart-shell-command
                dired-mark-sexp dired-flag-extension dired-mark-omitted dired-do-find-marked-files))
  (autoload name "dired-x" nil t))
(autoload 'dired-guess-default "dired-x")
(autoload 'wdired-change-to-wdired-mode "wdired" nil t)

(provide 'dired)
(run-hooks 'dired-load-hook)

;;; dired.el ends here
