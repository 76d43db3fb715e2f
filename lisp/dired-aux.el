;;; dired-aux.el --- Dired's operations on files: copy, rename, compress, shell commands  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observable behaviour (docs/stdlib.md, "Dired").

;;; Code:

(require 'cl-lib)
(require 'dired)

(defcustom dired-compress-file-suffixes
  (cons '("\\.t\\(?:ar\\.\\)?gz\\'" "" nil)
        (cl-loop for (ext prog) on '("gz" "gzip -d" "z" "gzip -d" "bz2" "bunzip2" "xz" "unxz" "zst" "unzstd"
                                     "lz" "lzip -d" "Z" "uncompress" "dz" "dictunzip")
                 by #'cddr collect (list (concat "\\." ext "\\'") "" prog)))
  "How `dired-compress-file' undoes compression: (REGEXP NEW-SUFFIX PROGRAM), PROGRAM nil meaning it is left alone."
  :type '(repeat (list regexp string (choice string (const nil)))) :group 'dired)
(defcustom dired-compress-file-default-suffix nil "Suffix `dired-compress-file' gives a file it compresses; nil means \".gz\"."
  :type '(choice (const nil) string) :group 'dired)
(defcustom dired-vc-rename-file nil "Non-nil renames files under version control through VC." :type 'boolean :group 'dired)

;;; Adding lines

(defun dired-add-entry (filename &optional marker-char _relative) "Insert the listing line of FILENAME before the line at point (or at the end), marked with MARKER-CHAR."
  (let* ((inhibit-read-only t)
         (file (expand-file-name filename))
         (here (file-name-as-directory (expand-file-name (dired-current-directory)))))
    (when (equal here (file-name-directory (directory-file-name file)))
      (dired-remove-entry file)
      (goto-char (if (or (save-excursion (dired-move-to-filename)) (eobp)) (line-beginning-position) (point-max)))
      (let ((top (point-marker)) (bottom (copy-marker (point) t)))
        (let ((default-directory here))
          (insert-directory (file-name-nondirectory (directory-file-name file))
                            (concat (or dired-actual-switches dired-listing-switches) "d") nil nil))
        (dired--indent-listing top bottom)
        (dired--align-region (save-excursion (goto-char 1) (line-beginning-position 2)) (point-max))
        (dired-insert-set-properties top bottom)
        (goto-char top)
        (and marker-char (dired--put-mark marker-char))
        (set-marker top nil)
        (set-marker bottom nil)
        (dired-move-to-filename)))))

(defun dired-add-file (filename &optional marker-char) "Add FILENAME's line to this Dired buffer, marked with MARKER-CHAR."
  (dired-add-entry filename marker-char))

(defun dired--add-everywhere (file &optional marker-char) "Add FILE's line to every Dired buffer listing its directory."
  (dolist (buf (dired-buffers-for-dir (file-name-directory (directory-file-name (expand-file-name file)))))
    (with-current-buffer buf (save-excursion (dired-add-entry file marker-char)))))

(defun dired-maybe-create-dirs (dir) "Make DIR when it is missing and `dired-create-destination-dirs' allows."
  (when (and dir (not (file-exists-p dir)))
    (pcase dired-create-destination-dirs
      ('always (make-directory dir t))
      ('ask (when (yes-or-no-p (format-message "Create destination dir `%s'? " dir))
              (make-directory dir t))))))

;;; Copying and renaming

(defun dired--make-room-for (target) "Make the missing directory TARGET is to go into, as `dired-create-destination-dirs' allows."
  (dired-maybe-create-dirs (file-name-directory target)))

(defun dired-copy-file (from to ok-flag) "Copy FROM to TO; OK-FLAG allows replacing an existing TO."
  (dired--make-room-for to)
  (copy-file from to ok-flag dired-copy-preserve-time))

(defun dired-copy-file-recursive (from to ok-flag &optional preserve-time top recursive) "Copy FROM to TO, a directory with its contents when RECURSIVE says so.
OK-FLAG allows replacing; PRESERVE-TIME keeps modification times; TOP is non-nil for the named file itself."
  (ignore top)
  (when (file-exists-p to) (unless ok-flag (file-already-exists-error to)))
  (dired--make-room-for to)
  (if (and recursive (eq t (file-attribute-type (file-attributes from))))
      (copy-directory from to preserve-time t t)
    (copy-file from to ok-flag preserve-time)))

(defun file-already-exists-error (file) "Signal `file-already-exists' about FILE."
  (signal 'file-already-exists (list "File already exists" file)))

(defun dired-rename-file (file newname ok-if-already-exists) "Rename FILE to NEWNAME, then follow the rename in buffers and Dired listings."
  (dired--make-room-for newname)
  (rename-file file newname ok-if-already-exists) (let ((buf (get-file-buffer file)))
    (when buf (with-current-buffer buf (set-visited-file-name newname nil t))))
  (dolist (b (dired-buffers-for-dir (file-name-directory (directory-file-name (expand-file-name file)))))
    (with-current-buffer b (dired-remove-entry file)))
  nil)

(defun dired-hardlink (file newname &optional ok-if-already-exists) "Make NEWNAME a hard link to FILE."
  (dired--make-room-for newname)
  (add-name-to-file file newname ok-if-already-exists))

(defun dired-symlink (file newname &optional ok-if-already-exists) "Make NEWNAME a symbolic link to FILE."
  (dired--make-room-for newname)
  (make-symbolic-link file newname ok-if-already-exists))

(defun dired-dwim-target-directory () "Return the directory of another Dired window when `dired-dwim-target' asks for it, else this buffer's."
  (let ((other (and dired-dwim-target
                    (cl-find-if (lambda (b) (and (not (eq b (current-buffer)))
                                                 (with-current-buffer b (derived-mode-p 'dired-mode))))
                                (mapcar #'window-buffer (window-list))))))
    (if other (with-current-buffer other (dired-current-directory)) (dired-current-directory))))

(defun dired-mark-read-file-name (prompt dir _op-symbol _arg files &optional default) "Ask for the target of an operation on FILES with PROMPT (a format taking the file or count), starting in DIR."
  (read-file-name (format prompt (if (cdr files) (format "* [%d files]" (length files))
                                   (file-name-nondirectory (car files))))
                  dir default))

(defun dired--marker-for (keep old) "Return the mark a new file gets from KEEP (see `dired-keep-marker-copy') when its original had OLD."
  (cond ((eq keep t) (and old (not (eq old ?\s)) old))
        ((characterp keep) keep)))

(defun dired-create-files (file-creator operation fn-list name-constructor &optional marker-char) "Apply FILE-CREATOR to each file of FN-LIST and the name NAME-CONSTRUCTOR gives it (nil skips it).
OPERATION names the operation in messages; new files get MARKER-CHAR.  Return the number of successes."
  (let ((total (length fn-list)) (done 0) (n 0) (dired-query nil)) (dolist (from fn-list) (setq n (1+ n))
      (let ((to (funcall name-constructor from)))
        (when to
          (let ((ok (or (not (file-exists-p to)) (eq file-creator #'dired-copy-file-recursive)
                        (and (file-directory-p to) (file-directory-p from))
                        (dired-query 'dired-query "Overwrite `%s'?" to)))
                (old-mark (save-excursion (and (dired-goto-file from) (char-after (line-beginning-position))))))
            (when ok (condition-case err
                  (progn
                    (funcall file-creator from to t)
                    (setq done (1+ done))
                    (message "%s: %d of %d" operation n total)
                    (dired--add-everywhere to (and marker-char (dired--marker-for marker-char old-mark))))
                (file-error (message "%s: %s" operation (error-message-string err)))))))))
    (message "%s: %d file%s done" operation done (if (= done 1) "" "s"))
    done))

(defun dired-do-create-files (op-symbol file-creator operation arg &optional marker-char _op1 _how-to) "Create new files from the marked ones (or ARG files) with FILE-CREATOR, asking for the target.
OP-SYMBOL names the operation (`copy', `move'...), OPERATION is its name in prompts.  Several
files, or a target that is a directory, put each file into the target directory.  Return point."
  (let* ((files (dired-get-marked-files nil arg nil nil t))
         (dir (dired-dwim-target-directory)) (target (expand-file-name
                  (dired-mark-read-file-name (concat operation " %s to: ") dir op-symbol arg files)))
         (into-dir (or (cdr files) (file-directory-p target) (directory-name-p target))))
    (when (and into-dir (not (file-exists-p target)))
      (if (memq dired-create-destination-dirs '(always ask))
          (dired-maybe-create-dirs target)
        (error "Target must be a directory: %s" target))
      (dired--add-everywhere (directory-file-name target)))
    (dired-create-files file-creator operation files
                        (if into-dir
                            (lambda (f) (expand-file-name (file-name-nondirectory f) target))
                          (lambda (_f) target)) marker-char)
    (point)))

(defun dired-do-copy (&optional arg) "Copy the marked files (or ARG files) to a file or into a directory read from the minibuffer." (interactive "P")
  (let ((dired-recursive-copies dired-recursive-copies))
    (dired-do-create-files 'copy (lambda (from to ok)
                                   (dired-copy-file-recursive from to ok dired-copy-preserve-time t
                                                              (and dired-recursive-copies t)))
                           "Copy" arg dired-keep-marker-copy)))

(defconst dired--link-kinds
  '((move dired-rename-file "Move" dired-keep-marker-rename) (symlink dired-symlink "Symlink" dired-keep-marker-symlink)
    (hardlink dired-hardlink "Hardlink" dired-keep-marker-hardlink))
  "For each operation of `dired--do-kind': the function making one file, its name, the variable of its mark.")

(defun dired--do-kind (kind arg) "Run the operation KIND (see `dired--link-kinds') on the marked files or ARG files."
  (pcase-let ((`(,fn ,label ,mark-var) (cdr (assq kind dired--link-kinds))))
    (dired-do-create-files kind fn label arg (symbol-value mark-var))))

(defun dired-do-rename (&optional arg) "Rename the marked files (or ARG files), or move them into a directory." (interactive "P")
  (dired--do-kind 'move arg))

(defun dired-do-symlink (&optional arg) "Make symbolic links to the marked files (or ARG files)." (interactive "P")
  (dired--do-kind 'symlink arg))

(defun dired-do-hardlink (&optional arg) "Make hard links to the marked files (or ARG files)." (interactive "P")
  (dired--do-kind 'hardlink arg))

(defun dired-make-relative-symlink (file1 file2 &optional ok-if-already-exists) "Make FILE2 a symbolic link to FILE1 written relative to FILE2's directory."
  (let* ((target (expand-file-name file1))
         (link (expand-file-name file2))
         (rel (file-relative-name target (file-name-directory link))))
    (make-symbolic-link rel link ok-if-already-exists)))

(defun dired-do-create-files-regexp (file-creator operation arg regexp newname &optional whole-name marker-char) "Create new files from the marked ones (or ARG) by replacing REGEXP with NEWNAME in their names.
WHOLE-NAME matches the absolute name instead of the last component; FILE-CREATOR and OPERATION as for `dired-create-files'."
  (dired-create-files
   file-creator operation (dired-get-marked-files nil arg nil nil t)
   (lambda (from)
     (let ((subject (if whole-name from (file-name-nondirectory from))))
       (and (string-match regexp subject)
            (expand-file-name (replace-match newname nil nil subject) (file-name-directory from)))))
   marker-char))

(defun dired-do-rename-regexp (regexp newname &optional arg whole-name) "Rename the marked files whose names match REGEXP, replacing the match with NEWNAME."
  (interactive (list (read-regexp "Rename from (regexp): ") (read-string "Rename to: ") current-prefix-arg nil))
  (dired-do-create-files-regexp #'dired-rename-file "Rename" arg regexp newname whole-name dired-keep-marker-rename))

(defun dired-do-copy-regexp (regexp newname &optional arg whole-name) "Copy the marked files whose names match REGEXP to names with the match replaced by NEWNAME."
  (interactive (list (read-regexp "Copy from (regexp): ") (read-string "Copy to: ") current-prefix-arg nil))
  (dired-do-create-files-regexp #'dired-copy-file "Copy" arg regexp newname whole-name dired-keep-marker-copy))

;;; Creating

(defun dired-create-directory (directory) "Make DIRECTORY (with its missing parents) and list it."
  (interactive (list (read-file-name "Create directory: " (dired-current-directory))))
  (let ((dir (directory-file-name (expand-file-name directory))))
    (when (file-exists-p dir) (error "Cannot create directory %s: file exists" dir)) (make-directory dir t)
    (dired--add-everywhere dir) (dired-goto-file dir)))

(defun dired-create-empty-file (file) "Make the empty FILE (with its missing parent directories) and list it."
  (interactive (list (read-file-name "Create empty file: " (dired-current-directory))))
  (let ((name (expand-file-name file)))
    (when (file-exists-p name) (error "Cannot create file %s: file exists" name))
    (make-empty-file name t)
    (dired--add-everywhere name)
    (dired-goto-file name)))

(defun dired-do-kill-lines (&optional arg _fmt _init-count) "Remove the lines of the marked files (or ARG files) from the listing; the files stay." (interactive "P")
  (let ((files (dired-get-marked-files nil arg)) (inhibit-read-only t))
    (dolist (f files) (dired-remove-entry f))
    (message "Killed %d line%s." (length files) (if (= (length files) 1) "" "s"))
    (length files)))

(defun dired-do-touch (&optional arg) "Set the modification time of the marked files (or ARG files) to now." (interactive "P")
  (dolist (f (dired-get-marked-files nil arg)) (set-file-times f)))

(defun dired-do-chmod (&optional arg) "Change the modes of the marked files (or ARG files) to a mode read as symbols or octal." (interactive "P")
  (let* ((files (dired-get-marked-files nil arg))
         (spec (read-string (format "Change mode of %s to: " (if (cdr files) "marked files" (file-name-nondirectory (car files)))))))
    (dolist (f files)
      (set-file-modes f (if (string-match-p "\\`[0-7]+\\'" spec) (string-to-number spec 8)
                          (file-modes-symbolic-to-number spec (file-modes f)))))
    (dired-revert)))

(defun dired-do-load (&optional arg) "Load the marked Lisp files (or ARG files)." (interactive "P")
  (dolist (f (dired-get-marked-files nil arg)) (load f nil nil t)))

;;; Compressing files

(defun dired--run-quietly (program &rest args) "Run PROGRAM with ARGS; return non-nil when it exits with status 0."
  (with-temp-buffer (eql 0 (apply #'process-file program nil t nil args))))

(defun dired-compress-file (file) "Compress FILE with gzip, or uncompress it when its suffix says it is compressed; return the new name or nil.
A file name handler of FILE does the work when it has one."
  (let ((handler (find-file-name-handler file 'dired-compress-file)))
    (if handler
        (funcall handler 'dired-compress-file file)
      (let* ((rule (cl-find-if (lambda (r) (string-match-p (car r) file)) dired-compress-file-suffixes))
             (default-directory (file-name-directory (expand-file-name file)))
             (local (file-name-nondirectory file)))
        (cond
         ((file-symlink-p file) nil)
         ((and rule (nth 2 rule))
          (let ((out (replace-regexp-in-string (car rule) (nth 1 rule) file t t)))
            (and (apply #'dired--run-quietly (car (split-string (nth 2 rule)))
                        (append (cdr (split-string (nth 2 rule))) (list local)))
                 out)))
         (rule nil)
         ((file-directory-p file) nil)
         (t
          (let ((suffix (or dired-compress-file-default-suffix ".gz")))
            (and (dired--run-quietly "gzip" "-f" local)
                 (concat file suffix)))))))))

(defun dired-do-compress (&optional arg) "Compress or uncompress the marked files (or ARG files)." (interactive "P")
  (let ((count 0))
    (dolist (f (dired-get-marked-files nil arg))
      (let ((new (dired-compress-file f)))
        (when new (setq count (1+ count))
          (dired-remove-entry f)
          (dired--add-everywhere new))))
    (message "Compressed or uncompressed %d file%s" count (if (= count 1) "" "s"))))

;;; Running shell commands on files

(defun dired--isolated-p (command pos width) "Non-nil when the WIDTH characters at POS of COMMAND stand alone between blanks or the ends."
  (and (or (= pos 0) (memq (aref command (1- pos)) '(?\s ?\t)))
       (or (= (+ pos width) (length command)) (memq (aref command (+ pos width)) '(?\s ?\t)))))

(defun dired--backquoted-p (command pos) "Non-nil when the character at POS of COMMAND is written between backquotes."
  (and (> pos 0) (< (1+ pos) (length command))
       (eq (aref command (1- pos)) ?`) (eq (aref command (1+ pos)) ?`)))

(defun dired--substitution-marks (command string) "Return the positions of the STRING characters of COMMAND that stand for file names."
  (cl-loop for i from 0 below (length command)
           when (and (eq (aref command i) (aref string 0))
                     (or (dired--isolated-p command i 1)
                         (and (equal string "?") (dired--backquoted-p command i))))
           collect i))

(defun dired--need-confirm-positions (command string) "Return the positions in COMMAND of the STRING characters (`?' or `*') that do not stand alone, last first.
A `?' written as `?` stands for a file name wherever it is."
  (let ((marks (dired--substitution-marks command string)))
    (nreverse (cl-loop for i from 0 below (length command)
                       when (and (eq (aref command i) (aref string 0)) (not (memq i marks)))
                       collect i))))

(defun dired--highlight-no-subst-chars (positions command mark) "Return COMMAND with the characters at POSITIONS in the `warning' face.
MARK non-nil adds a second line with a caret under each of them."
  (let ((shown (copy-sequence command)))
    (dolist (p positions) (add-face-text-property p (1+ p) 'warning nil shown))
    (if (not mark) shown
      (let ((carets (make-string (1+ (apply #'max 0 positions)) ?\s)))
        (dolist (p positions) (aset carets p ?^))
        (concat shown "\n" carets)))))

(defun dired--no-subst-confirm (positions command) "Ask whether COMMAND, whose wildcards at POSITIONS are not substituted, is meant; signal when not."
  (let ((answer (read-char-from-minibuffer
                 (concat (dired--highlight-no-subst-chars positions command t)
                         "\nSome wildcards will not be replaced by file names; proceed? (y or n) ")
                 '(?y ?n))))
    (unless (eq answer ?y) (user-error "Command canceled"))))

(defun dired--fill-marks (command marks names) "Return COMMAND with the characters at MARKS replaced by NAMES, or NAMES appended when MARKS is empty."
  (if (null marks) (concat command " " names)
    (let ((out "") (from 0))
      (dolist (m marks)
        (setq out (concat out (substring command from m) names) from (1+ m)))
      (concat out (substring command from)))))

(defun dired-shell-stuff-it (command file-list on-each &optional _raw-arg) "Return the shell command line running COMMAND on FILE-LIST (each file alone when ON-EACH).
A lone `*' or `?' takes the file names' place; without one they are appended."
  (let* ((quoted (mapcar #'shell-quote-argument file-list))
         (marks (sort (append (dired--substitution-marks command "*") (dired--substitution-marks command "?")) #'<)))
    (if on-each
        (mapconcat (lambda (f) (dired--fill-marks command marks f)) quoted ";")
      (dired--fill-marks command marks (mapconcat #'identity quoted " ")))))

(defun dired-run-shell-command (command) "Run COMMAND in a shell, its output going to `shell-command''s buffer; return nil."
  (shell-command command)
  nil)

(defun dired-do-shell-command (command &optional arg file-list) "Run the shell COMMAND on FILE-LIST (the marked files, or ARG files, by default).
A lone `*' is replaced by all the names, a lone `?' runs the command once per file; a `*' or `?'
inside a word is left for the shell after asking.  Return nil."
  (interactive (list (read-shell-command "! on marked files: ") current-prefix-arg nil))
  (let* ((files (or file-list (dired-get-marked-files t arg)))
         (stars (dired--need-confirm-positions command "*"))
         (qmarks (dired--need-confirm-positions command "?"))
         (lone-q (dired--substitution-marks command "?"))
         (lone-star (dired--substitution-marks command "*")))
    (when (and lone-q lone-star) (error "You can not combine `*' and `?' substitution marks"))
    (when (or (and lone-q qmarks) (and lone-star stars) (and lone-q stars) (and lone-star qmarks))
      (dired--no-subst-confirm (sort (append stars qmarks nil) #'<) command))
    (let ((default-directory (if (derived-mode-p 'dired-mode) (dired-current-directory) default-directory)))
      (dired-run-shell-command (dired-shell-stuff-it command files (not lone-star))))))

(defun dired-do-async-shell-command (command &optional arg file-list) "Like `dired-do-shell-command', with the command run in the background."
  (interactive (list (read-shell-command "& on marked files: ") current-prefix-arg nil))
  (dired-do-shell-command (if (string-match-p "&[ \t]*\\'" command) command (concat command " &")) arg file-list))

(provide 'dired-aux)

;;; dired-aux.el ends here
