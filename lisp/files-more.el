;;; files-more.el --- more of GNU's files.el and files-x.el, loaded on first use  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's manual and observed behaviour
;; (test/corpus/lib-files-more.el pins what is relied on).  GNU preloads
;; files.el; tsmacs autoloads these (lisp/autoloads.el).

;;;; Symbolic file modes ("u+rwx,go-w")

(defun file-modes-char-to-who (char) "The mode bits the `who' letter CHAR (u, g, o or a) of a symbolic mode covers."
  (pcase char
    (?u #o4700) (?g #o2070) (?o #o1007) (?a #o7777)
    (_ (error "%c: Bad `who' character" char))))

(defun file-modes-char-to-right (char &optional from) "The mode bits the permission letter CHAR stands for, for every class.
FROM, the mode being changed (default 0), gives the meaning of X, u, g and o."
  (let* ((old (or from 0))
         ;; The rwx bits of one class of OLD, copied to all three classes.
         (spread (lambda (shift) (* #o111 (logand 7 (ash old (- shift)))))))
    (pcase char
      (?r #o444) (?w #o222) (?x #o111) (?s #o6000) (?t #o1000)
      (?X (if (/= 0 (logand old #o111)) #o111 0))
      (?u (funcall spread 6))
      (?g (funcall spread 3))
      (?o (funcall spread 0))
      (_ (error "%c: Bad right character" char)))))

(defun file-modes-rights-to-number (rights who-mask &optional from) "Apply the operations of RIGHTS (such as \"+rw-x\") to FROM for the classes of WHO-MASK.
FROM defaults to 0.  Letters before the first operator do nothing."
  (let ((mode (or from 0)) (op nil) (bits 0) (i 0) (n (length rights)))
    (while (<= i n)
      (let ((c (and (< i n) (aref rights i))))
        (if (or (null c) (memq c '(?+ ?- ?=)))
            (progn
              (when op
                (setq bits (logand bits who-mask))
                (setq mode (pcase op
                             (?+ (logior mode bits))
                             (?- (logand mode (lognot bits)))
                             (?= (logior (logand mode (lognot who-mask)) bits)))))
              (setq op c bits 0))
          ;; Letters that name no permission are passed over.
          (when (and op (memq c '(?r ?w ?x ?X ?s ?t ?u ?g ?o)))
            (setq bits (logior bits (file-modes-char-to-right c mode))))))
      (setq i (1+ i)))
    mode))

(defun read-file-modes (&optional prompt orig-file) "Read file modes, octal or symbolic, prompting with PROMPT; give them as a number.
A symbolic answer changes the modes of ORIG-FILE, or 0 without one."
  (let* ((orig (and orig-file (file-modes orig-file)))
         (answer (read-string (or prompt "File modes (octal or symbolic): "))))
    (if (string-match-p "\\`[0-7]+\\'" answer)
        (string-to-number answer 8)
      (file-modes-symbolic-to-number answer (or orig 0)))))

;;;; Executables, disks, locks

(defun exec-path () "The directories searched for programs: `exec-path', or on a remote `default-directory' the remote host's."
  (let ((remote (find-file-name-handler default-directory 'exec-path)))
    (if remote (funcall remote 'exec-path) exec-path)))

(defun get-free-disk-space (dir) "The space free for the user on the file system of DIR, as a human-readable string, or nil."
  (let ((info (ignore-errors (file-system-info dir))))
    (and info (file-size-human-readable (nth 2 info) 'iec " "))))

;;;###autoload
(defvar lock-file-name-transforms nil "Rules like `auto-save-file-name-transforms'' that put lock files elsewhere than beside their files.")

(defun make-lock-file-name (filename) "The name of the lock file Emacs uses for FILENAME: \".#NAME\" in its directory.
`lock-file-name-transforms' may send it to another directory, or name it otherwise."
  (let ((full (expand-file-name filename)))
    (files--magic make-lock-file-name (full) (full)
      (let ((place (or (files--transformed-place full lock-file-name-transforms)
                       (cons (file-name-directory full) (file-name-nondirectory full)))))
        (concat (file-name-as-directory (car place)) ".#" (cdr place))))))

(defun files--splice-dirname-file (dirname file) "FILE put inside DIRNAME, unless FILE is already absolute."
  (if (file-name-absolute-p file) file (concat dirname file)))

(defun files--ensure-directory (dir) "Make DIR and its missing parents unless it is already a directory."
  (unless (file-directory-p dir) (make-directory dir t)))

(defun files--message (format &rest args) "Show the message FORMAT with ARGS, as file operations report themselves."
  (ignore (apply 'message format args)))

(defun file-ownership-preserved-p (file &optional group) "Non-nil if writing FILE anew would keep its owner (it is ours, or does not exist)."
  (files--magic file-ownership-preserved-p (file) (file group)
    (let ((attrs (file-attributes file 'integer)))
      (or (null attrs) (= (file-attribute-user-id attrs) (user-uid))))))

(defun prune-directory-list (dirs &optional keep reject) "The members of DIRS that are existing directories or in KEEP, and are not in the list REJECT."
  (let ((out nil))
    (dolist (d dirs)
      (when (or (member d keep) (file-directory-p d))
        (let ((rejected nil))
          (dolist (r reject) (if (equal r d) (setq rejected t)))
          (unless rejected (push d out)))))
    (nreverse out)))

;;;; Backup files

(defvar kept-old-versions 2 "How many of the oldest numbered backups to keep.")
(defvar kept-new-versions 2 "How many of the newest numbered backups to keep.")
;;;###autoload
(defvar delete-old-versions nil "Non-nil deletes excess numbered backups without asking.")
(defvar backup-directory-alist nil "Alist of (REGEXP . DIRECTORY): backups of matching files go to DIRECTORY.")
(defvar backup-extract-version-start)

(defun make-backup-file-name-1 (file) "FILE's backup name without the final version or tilde, placed by `backup-directory-alist'."
  (let* ((full (expand-file-name file))
         (dir (cdr (seq-find (lambda (e) (string-match-p (car e) full)) backup-directory-alist))))
    (cond ((null dir) file)
          ((file-name-absolute-p dir)
           ;; Directory separators of the full name become "!" in the backup directory.
           (expand-file-name (subst-char-in-string ?/ ?! (replace-regexp-in-string "!" "!!" full))
                             dir))
          (t (expand-file-name (file-name-nondirectory full)
                               (expand-file-name dir (file-name-directory full)))))))

(defun backup-extract-version (fn) "The version number of the numbered backup FN, read from `backup-extract-version-start'."
  (let ((tail (substring fn backup-extract-version-start)))
    (if (string-match "\\`[0-9]+~\\'" tail) (string-to-number tail) 0)))

(defun files-more--numbered-versions (base) "The version numbers of the numbered backups of BASE that exist, in increasing order."
  (let* ((prefix (concat (file-name-nondirectory base) ".~"))
         (dir (or (file-name-directory base) default-directory)))
    (sort (delq nil (mapcar (lambda (f)
                              (and (string-prefix-p prefix f)
                                   (string-match "\\`[0-9]+~\\'" (substring f (length prefix)))
                                   (string-to-number (substring f (length prefix)))))
                            (ignore-errors (directory-files dir))))
          #'<)))

(defun find-backup-file-name (fn) "The name for a new backup of FN, with the older numbered backups to delete: (NAME . OLD-NAMES).
Numbered backups are made when `version-control' is t, or nil with numbered ones present."
  (files--magic find-backup-file-name (fn) (fn)
  (let* ((base (make-backup-file-name-1 fn))
         (versions (files-more--numbered-versions base)))
    (if (or (eq version-control t)
            (and versions (not (eq version-control 'never))))
        (let* ((next (1+ (or (car (last versions)) 0)))
               (excess (- (length versions) kept-old-versions kept-new-versions -1))
               (doomed (and (> excess 0) (seq-subseq versions kept-old-versions
                                                     (+ kept-old-versions excess)))))
          (cons (format "%s.~%d~" base next)
                (mapcar (lambda (v) (format "%s.~%d~" base v)) doomed)))
      (list (concat base "~"))))))

(defun file-backup-file-names (filename) "The backups of FILENAME that exist, newest first."
  (let* ((base (make-backup-file-name-1 filename))
         (dir (file-name-directory base))
         (stem (file-name-nondirectory base))
         (found (seq-filter
                 (lambda (f)
                   (let ((name (file-name-nondirectory f)))
                     (or (equal name (concat stem "~"))
                         (and (string-prefix-p (concat stem ".~") name)
                              (string-match-p "\\`[^~]+~\\'" (substring name (+ 2 (length stem))))))))
                 (ignore-errors (directory-files dir t)))))
    ;; Names of the same age stay in reverse name order.
    (sort (nreverse found) #'file-newer-than-file-p)))

(defun file-newest-backup (filename) "The newest backup of FILENAME, or nil if it has none."
  (car (file-backup-file-names filename)))

;;;; Inserting, writing, buffers

(defun make-empty-file (filename &optional parents) "Create FILENAME, empty; signal `file-already-exists' if it exists.
With PARENTS, make its missing directories first."
  (interactive (list (read-file-name "Create empty file: ") current-prefix-arg))
  (when (file-exists-p filename)
    (signal 'file-already-exists (list "File exists" filename)))
  ;; GNU 28 makes the missing directories whatever PARENTS says.
  (ignore parents)
  (files--ensure-directory (file-name-directory (expand-file-name filename)))
  (write-region "" nil filename nil 0))

(defun append-to-file (start end filename) "Add the text of the region START..END at the end of FILENAME."
  (interactive "r\nFAppend to file: ")
  (write-region start end filename t))

(defun insert-file-1 (filename insert-func) "Insert FILENAME with INSERT-FUNC, leaving point before and the mark after it."
  (if (file-directory-p filename)
      (signal 'file-error (list "Opening input file" "Is a directory" filename))
    (push-mark (+ (point) (nth 1 (funcall insert-func filename))))))

(defun insert-file (filename) "Insert the contents of FILENAME at point, leaving the mark after them."
  (interactive "*fInsert file: ")
  (insert-file-1 filename 'insert-file-contents))

(defun insert-file-literally (filename) "Insert the bytes of FILENAME at point without decoding or conversion, the mark after them."
  (interactive "*fInsert file literally: ")
  (insert-file-1 filename 'insert-file-contents-literally))

(defun pwd (&optional insert) "Show the current buffer's default directory; with INSERT, insert it at point instead."
  (interactive "P")
  (let ((dir default-directory))
    (if (not insert) (message "Directory %s" dir) (insert dir))))

(defun not-modified (&optional arg) "Mark the current buffer as unchanged (as changed, with ARG)."
  (interactive "P")
  (message "Modification-flag %s" (if arg "set" "cleared"))
  (set-buffer-modified-p (and arg t)))

(defun toggle-read-only (&optional arg _interactive) "Obsolete: switch the current buffer's read-only state (on when ARG is positive)."
  (interactive (list current-prefix-arg t))
  (setq buffer-read-only (if arg (> (prefix-numeric-value arg) 0) (not buffer-read-only))))

(defun rename-uniquely () "Give the current buffer a name of the form NAME<N> that no other buffer has."
  (interactive)
  (let ((stem (replace-regexp-in-string "<[0-9]+>\\'" "" (buffer-name))))
    (rename-buffer (generate-new-buffer-name stem))
    nil))

(defun load-library (library) "Load the Lisp library named LIBRARY, searching `load-path'."
  (interactive (list (read-string "Load library: ")))
  (load library nil nil nil nil))

;;;; Minibuffer helpers

(defvar file-name-history nil "The minibuffer history of file names.")

(defun file-name-history--add (file) "Add FILE to `file-name-history', as reading or visiting a file does."
  (add-to-history 'file-name-history file))

(defvar minibuffer-setup-hook nil "Functions run each time a minibuffer is entered.")

(defmacro minibuffer-with-setup-hook (fun &rest body) "Run BODY with FUN added to `minibuffer-setup-hook' for the first minibuffer BODY enters.
FUN may be (:append FUN) to run after the hook's other functions."
  (declare (indent 1) (debug t))
  (let ((hook (make-symbol "hook")) (f (make-symbol "f")) (at-end nil))
    (when (eq (car-safe fun) :append) (setq at-end t fun (cadr fun)))
    `(let* ((,f ,fun) (,hook nil))
       (setq ,hook (lambda ()
                     (remove-hook 'minibuffer-setup-hook ,hook)
                     (funcall ,f)))
       (unwind-protect
           (progn (add-hook 'minibuffer-setup-hook ,hook ,at-end) ,@body)
         (remove-hook 'minibuffer-setup-hook ,hook)))))

(defmacro report-errors (format &rest body) "Obsolete: run BODY; if it signals, show the error with FORMAT and give nil."
  (declare (indent 1))
  (progn
    `(condition-case err ,(macroexp-progn body)
       ((debug error) (message ,format err) nil))))

;;;; File-local and directory-local variables

;;;###autoload
(defvar inhibit-local-variables-regexps
  (list "\\.tar\\'" "\\.t[bg]z\\'" "\\.arc\\'" "\\.zip\\'" "\\.lzh\\'" "\\.lha\\'" "\\.zoo\\'"
        "\\.[jew]ar\\'" "\\.xpi\\'" "\\.rar\\'" "\\.7z\\'" "\\.sx[dmicw]\\'" "\\.odt\\'"
        "\\.diff\\'" "\\.patch\\'" "\\.tiff?\\'" "\\.gif\\'" "\\.png\\'" "\\.jpe?g\\'")
  "Regexps of file names whose local variables are never applied.")

(defun inhibit-local-variables-p () "Non-nil if the visited file's name matches `inhibit-local-variables-regexps' (the matching tail)."
  (and buffer-file-name
       (let ((name (file-name-sans-versions buffer-file-name))
             (tail inhibit-local-variables-regexps))
         (while (and tail (not (string-match-p (car tail) name)))
           (setq tail (cdr tail)))
         tail)))

(defun version-control-safe-local-p (x) "Non-nil if X is a safe file-local value of `version-control'."
  (or (booleanp x) (equal x 'never)))

(defun hack-one-local-variable-quotep (exp) "Non-nil if EXP is a quoted form."
  (and (consp exp) (eq 'quote (car exp)) (consp (cdr exp))))

(defun hack-one-local-variable-constantp (exp) "Non-nil if EXP evaluates to itself or is quoted, so that it is safe to evaluate."
  (cond ((symbolp exp) (or (memq exp '(t nil)) (keywordp exp)))
        ((consp exp) (hack-one-local-variable-quotep exp))
        (t t)))

;;;; files-x: devices and connection-local variables

(defun null-device () "The name of the null device, \"/dev/null\" (or the remote host's, from a remote `default-directory')."
  (let ((handler (find-file-name-handler default-directory 'null-device)))
    (if handler (funcall handler 'null-device) null-device)))

(defun path-separator () "The separator of directories in search paths, \":\" (or the remote host's)."
  (let ((handler (find-file-name-handler default-directory 'path-separator)))
    (if handler (funcall handler 'path-separator) path-separator)))

;;;; Connection-local variables

(defvar connection-local-profile-alist nil "Alist of (PROFILE . VARIABLES): named sets of connection-local variable values.")
(defvar connection-local-criteria-alist nil "Alist of (CRITERIA . PROFILES): which profiles apply to which connections.")
(defvar-local connection-local-variables-alist nil "The connection-local variables that apply to the current buffer, as (VARIABLE . VALUE).")

(defun connection-local-set-profile-variables (profile variables) "Make VARIABLES, an alist of (VARIABLE . VALUE), the settings of the connection profile PROFILE."
  (setf (alist-get profile connection-local-profile-alist) variables))

(defun connection-local-get-profile-variables (profile) "The (VARIABLE . VALUE) settings of the connection profile PROFILE."
  (alist-get profile connection-local-profile-alist))

(defun files-more--criteria (criteria) "CRITERIA as a plist holding only its known keys, in a fixed order."
  (mapcan (lambda (key) (let ((value (plist-get criteria key))) (and value (list key value))))
          '(:application :protocol :user :machine)))

(defun connection-local-set-profiles (criteria &rest profiles) "Make the connection PROFILES apply to connections matching CRITERIA, a plist of :application, :protocol, :user and :machine."
  (unless (listp criteria) (error "Wrong criteria `%s'" criteria))
  (dolist (p profiles)
    (unless (assq p connection-local-profile-alist)
      (error "No such connection profile `%s'" (symbol-name p))))
  (let* ((key (files-more--criteria criteria))
         (entry (assoc key connection-local-criteria-alist)))
    (if (null entry)
        (push (cons key profiles) connection-local-criteria-alist)
      (setcdr entry (delete-dups (append (cdr entry) profiles))))))

(defun files-more--criteria-match-p (recorded criteria) "Non-nil if CRITERIA agrees with the RECORDED criteria on every key CRITERIA gives a value."
  (let ((agree t))
    (while (and agree recorded)
      (let ((wanted (plist-get criteria (car recorded))))
        (when (and wanted (not (equal wanted (cadr recorded))))
          (setq agree nil)))
      (setq recorded (cddr recorded)))
    agree))

(defun connection-local-get-profiles (&optional criteria) "The profiles that apply to connections matching CRITERIA, in the order they were recorded.
A key CRITERIA leaves out matches any value."
  (unless (listp criteria) (signal 'wrong-type-argument (list 'listp criteria)))
  (let ((found nil))
    (dolist (entry connection-local-criteria-alist)
      (when (files-more--criteria-match-p (car entry) criteria)
        (dolist (profile (cdr entry))
          (unless (memq profile found) (push profile found)))))
    (nreverse found)))

(defun hack-connection-local-variables (criteria) "Set `connection-local-variables-alist' in this buffer from the profiles CRITERIA selects.
The first profile to name a variable gives its value; the variables come
out last-named first."
  (let ((settings nil))
    (dolist (profile (connection-local-get-profiles criteria))
      (dolist (setting (connection-local-get-profile-variables profile))
        (unless (assq (car setting) settings) (push setting settings))))
    (setq connection-local-variables-alist settings)))

(defun hack-connection-local-variables-apply (criteria) "Make buffer-local the connection-local variables that CRITERIA selects."
  (when enable-connection-local-variables
    (hack-connection-local-variables criteria)
    (pcase-dolist (`(,var . ,val) connection-local-variables-alist)
      (set (make-local-variable var) val))))

(defun connection-local-criteria-for-default-directory (&optional application) "The connection criteria of a remote `default-directory', or nil for a local one.
APPLICATION defaults to `tramp'."
  (when (file-remote-p default-directory)
    (list :application (or application 'tramp)
          :protocol (file-remote-p default-directory 'method)
          :user (file-remote-p default-directory 'user)
          :machine (file-remote-p default-directory 'host))))

(defmacro with-connection-local-variables (&rest body) "Run BODY with the connection-local variables of `default-directory''s connection in effect.
They are made buffer-local in the current buffer for BODY, and the buffer's
own values are put back afterwards.  On a local `default-directory' BODY
just runs."
  (declare (debug t))
  `(files-more--with-connection-locals (lambda () ,@body)))

(defun files-more--with-connection-locals (body) "Call BODY with the connection-local variables of a remote `default-directory' set in the current buffer."
  (if (not (file-remote-p default-directory))
      (funcall body)
    (let ((saved (buffer-local-variables))
          (enable-connection-local-variables t)
          (connection-local-variables-alist nil))
      (hack-connection-local-variables-apply (connection-local-criteria-for-default-directory))
      (unwind-protect (funcall body)
        (dolist (setting connection-local-variables-alist)
          (let ((before (assq (car setting) saved)))
            (if before
                (set (make-local-variable (car before)) (cdr before))
              (kill-local-variable (car setting)))))))))

;;;; Directory listings made by `ls'


(defun files--ls-switches (switches) "Return SWITCHES, a string of `ls' options or a list of them, as a list."
  (if (listp switches) switches (split-string-and-unquote switches)))

(defun files--rewrite-total-line (start dir) "Turn the `total N' line `ls' wrote at START into one that also tells the free space of DIR."
  (save-excursion
    (goto-char start)
    (when (looking-at "total\\(?: used in directory\\)? \\([0-9.]+[BkKMGTPEZY]?\\)$")
      (let ((used (match-string 1))
            (free (get-free-disk-space dir)))
        (replace-match (concat "total used in directory " used
                               (if free (concat " available " free) ""))
                       t t)))))

(defun insert-directory (file switches &optional wildcard full-directory-p) "Insert at point a listing of FILE made by `insert-directory-program' with SWITCHES.
SWITCHES is a string or a list of strings.  With WILDCARD, FILE's
last part is a shell pattern and the files matching it are listed;
with FULL-DIRECTORY-P, FILE is a directory whose contents are listed,
under a line telling the space used and free.  Point ends after the
listing."
  (files--magic insert-directory (file) (file switches wildcard full-directory-p)
  (let ((args (files--ls-switches switches))
        (start (point)))
    (if wildcard
        (let ((dir (file-name-directory file)))
          (unless dir (signal 'wrong-type-argument (list 'stringp dir)))
          (let ((default-directory (expand-file-name dir)))
            (call-process shell-file-name nil t nil shell-command-switch
                          (concat insert-directory-program " -d "
                                  (mapconcat #'shell-quote-argument args " ")
                                  " -- " (file-name-nondirectory file)))))
      (unless (or (file-exists-p file) (file-symlink-p file))
        (signal 'file-missing (list "Reading directory" "No such file or directory" file)))
      (apply #'call-process insert-directory-program nil t nil
             (append args (unless full-directory-p '("-d")) (list "--" file)))
      (when full-directory-p
        (files--rewrite-total-line start (expand-file-name file))))
    nil)))

(defun insert-directory-safely (file switches &optional wildcard full-directory-p) "Like `insert-directory' with the same arguments, but a missing FILE is told in the listing."
  (if (or wildcard (file-exists-p file) (file-symlink-p file))
      (insert-directory file switches wildcard full-directory-p)
    (insert file ": No such file or directory\n")
    nil))

(defun list-directory (dirname &optional verbose) "Show a listing of DIRNAME in the buffer *Directory*; VERBOSE asks for details.
DIRNAME may end in a shell pattern.  The listing uses
`list-directory-verbose-switches' or `list-directory-brief-switches'."
  (interactive (let ((verbose current-prefix-arg))
                 (list (read-directory-name (if verbose "List directory (verbose): "
                                              "List directory (brief): ")
                                            nil default-directory nil)
                       verbose)))
  (let* ((switches (if verbose list-directory-verbose-switches list-directory-brief-switches))
         (dir (expand-file-name (or dirname default-directory)))
         (whole (file-directory-p dir)))
    (with-output-to-temp-buffer "*Directory*"
      (princ "Directory ")
      (princ dir)
      (terpri)
      (with-current-buffer "*Directory*"
        (let ((default-directory (if whole (file-name-as-directory dir) (file-name-directory dir))))
          (insert-directory (if whole "." dir) switches (not whole) whole)
          default-directory)))))

;;;; Pieces of `set-auto-mode'

(defun set-auto-mode-0 (mode &optional keep-mode-if-same) "Turn on the major MODE and return it.
With KEEP-MODE-IF-SAME, a buffer already in MODE is left alone and
nil is returned."
  (if (and keep-mode-if-same
           ;; Aliases of one mode count as the same mode.
           (eq (indirect-function major-mode) (indirect-function mode)))
      nil
    (funcall mode)
    mode))

(defun set-auto-mode-1 () "Find the -*- part of the line at point: move to its start and return its end, or nil.
The line after a #! line is looked at when the #! line has none.
Point is left at the start of what follows the opening -*-."
  (let ((from (point)) (bol (line-beginning-position)))
    (when (and (looking-at "#!")
               (not (save-excursion (search-forward "-*-" (line-end-position) t))))
      (forward-line 1)
      (setq bol (point)))
    (goto-char bol)
    (if (not (re-search-forward "-\\*-[ \t]*" (line-end-position) t))
        (progn (goto-char from) nil)
      (let ((start (point)))
        (prog1 (and (search-forward "-*-" (line-end-position) t)
                    (progn (goto-char (match-beginning 0))
                           (skip-chars-backward " \t")
                           (point)))
          (goto-char start))))))

(defun set-auto-mode--dir-local-valid-p (mode) "Return t if MODE may be set by a directory-local `mode' setting: a command named ...-mode."
  (when (and (symbolp mode) (commandp mode))
    (string-suffix-p "-mode" (symbol-name mode))))

(defun set-auto-mode--apply-alist (alist keep-mode-if-same dir-local) "Turn on the mode ALIST gives the buffer's file name; return t if one was found.
KEEP-MODE-IF-SAME is as for `set-auto-mode-0'.  With DIR-LOCAL, ALIST
came from a directory-local setting and a mode that is no command is
refused with a message."
  (let ((mode (and buffer-file-name
                   (let ((auto-mode-alist alist))
                     (modes--mode-for-name buffer-file-name)))))
    (cond ((null mode) nil)
          ((and dir-local (not (set-auto-mode--dir-local-valid-p mode)))
           (message "Ignoring invalid mode `%s'" mode)
           nil)
          (t (set-auto-mode-0 mode keep-mode-if-same)
             t))))

(defun warn-maybe-out-of-memory (size) "Warn if a file of SIZE bytes is too big to visit; return nil.
tsmacs has no fixed limit to compare with, so it never warns."
  (ignore size)
  nil)

(defun hack-one-local-variable--obsolete (var) "Tell, and return the message, if the file-local variable VAR is obsolete."
  (let ((info (get var 'byte-obsolete-variable)))
    (when info
      (let ((new (car info)) (since (nth 2 info)))
        (message "%s is obsolete%s%s" var
                 (if since (format " (since %s)" since) "")
                 (if (stringp new)
                     (concat "; " new)
                   (format-message "; use `%s' instead" new)))))))

(provide 'files-more)

;;; files-more.el ends here
