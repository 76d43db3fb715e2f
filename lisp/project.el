;;; project.el --- projects: finding one, its files, the list of known ones  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.
;; A project is a value some function of `project-find-functions' returns for
;; a directory: a version-controlled tree gives (vc . ROOT), a directory the
;; user picked without one gives (transient . ROOT).  The generic functions
;; below answer questions about either kind; packages add their own kinds.

(mapc #'require '(cl-lib cl-generic))

(defvar project-find-functions (list #'project-try-vc) "Functions called with a directory, in turn, until one returns its project.")

(defvar project-vc-merge-submodules t "Non-nil means a Git submodule belongs to the project of the tree around it.")

(defvar project-vc-ignores nil "Extra glob patterns of files that version-controlled projects leave out.")

(defvar project-vc-include-untracked t "Non-nil means the files of a version-controlled project include untracked ones.")

(defvar project-vc-external-roots-function (lambda () tags-table-list) "Function giving the directories outside a version-controlled project that belong with it.")

(defvar tags-table-list nil "The tags tables searched, as file or directory names.")

(defvar project-list-file (locate-user-emacs-file "projects") "The file where the list of known projects is kept.")

(defvar project-switch-commands
  (mapcar (lambda (pair) (list (car pair) (cdr pair)))
          '((project-find-file . "Find file") (project-find-regexp . "Find regexp")
            (project-find-dir . "Find directory") (project-vc-dir . "VC-Dir") (project-eshell . "Eshell")))
  "The commands `project-switch-project' offers, each with its menu label.")

(defvar project-read-file-name-function #'project--read-file-cpd-relative "How project commands read a file name among the project's files.")

(defvar project-kill-buffers-display-buffer-list nil "Non-nil means `project-kill-buffers' shows the buffers before asking.")

(defvar project-switch-use-entire-map nil "Non-nil means `project-switch-project' reads any key of `project-prefix-map'.")

(defvar project--list 'unset "The known projects, as a list of (ROOT) entries, or `unset' before the file is read.")

;;;###autoload
(defvar vc-directory-exclusion-list
  '("SCCS" "RCS" "CVS" "MCVS" ".src" ".svn" ".git" ".hg" ".bzr" "_MTN" "_darcs" "{arch}")
  "Names of the directories version control systems keep their data in.")

(defvar grep-find-ignored-files
  (append '(".#*")
          (mapcar (lambda (ext) (concat "*" ext))
                  '(".o" "~" ".bin" ".lbin" ".so" ".a" ".ln" ".blg" ".bbl" ".elc" ".lof" ".glo"
                    ".idx" ".lot" ".fmt" ".tfm" ".class" ".fas" ".lib" ".mem" ".x86f" ".sparcf"
                    ".dfsl" ".pfsl" ".d64fsl" ".p64fsl" ".lx64fsl" ".lx32fsl" ".dx64fsl"
                    ".dx32fsl" ".fx64fsl" ".fx32fsl" ".sx64fsl" ".sx32fsl" ".wx64fsl" ".wx32fsl"
                    ".fasl" ".ufsl" ".fsl" ".dxl" ".lo" ".la" ".gmo" ".mo" ".toc" ".aux" ".cp"
                    ".fn" ".ky" ".pg" ".tp" ".vr" ".cps" ".fns" ".kys" ".pgs" ".tps" ".vrs"
                    ".pyc" ".pyo")))
  "Glob patterns of files that searching a tree leaves out.")

;;;; Finding the project

(defun project--find-in-directory (dir) "Return the project of directory DIR from `project-find-functions', or nil."
  (run-hook-with-args-until-success 'project-find-functions dir))

(defun project-current (&optional maybe-prompt directory) "Return the project of DIRECTORY (default: `default-directory').
With MAYBE-PROMPT non-nil and no project there, ask for a project
directory; the project found is then remembered among the known ones."
  (let* ((dir (or directory default-directory))
         (found (project--find-in-directory dir)))
    (when (and (null found) maybe-prompt)
      (setq dir (project-prompt-project-dir))
      (setq found (or (project--find-in-directory dir) (cons 'transient dir))))
    (when (and found maybe-prompt)
      (project-remember-project found))
    found))

(defvar project--vc-markers '((".git" . Git) (".hg" . Hg) (".bzr" . Bzr) ("_darcs" . Darcs) ("_MTN" . Mtn))
  "Names whose presence marks the top of a version-controlled tree.")

(defun project--vc-top (dir) "Return (ROOT . BACKEND) for the version-controlled tree DIR is in, or nil."
  (let ((best nil))
    (dolist (marker project--vc-markers)
      (let ((top (locate-dominating-file dir (car marker))))
        ;; A Git submodule has a .git file; the tree around it wins when merging.
        (while (and top (eq (cdr marker) 'Git) project-vc-merge-submodules
                    (file-regular-p (expand-file-name ".git" top))
                    (let ((up (file-name-directory (directory-file-name (expand-file-name top)))))
                      (and up (not (equal up (expand-file-name top)))
                           (let ((outer (locate-dominating-file up ".git")))
                             (when outer (setq top outer) t))))))
        (when (and top (or (null best) (> (length (expand-file-name top)) (length (car best)))))
          (setq best (cons (expand-file-name top) (cdr marker))))))
    best))

(defun project-try-vc (dir) "Return (vc . ROOT) when DIR lies in a version-controlled tree, else nil."
  (let ((top (and (file-directory-p dir) (project--vc-top dir))))
    (and top (cons 'vc (car top)))))

;;;; What a project is made of

(cl-defgeneric project-root (project) "Return the root directory of PROJECT.")

(cl-defmethod project-root ((project (head transient))) (cdr project))

(cl-defmethod project-root ((project (head vc))) (cdr project))

(cl-defgeneric project-roots (project) "Return the list of root directories of PROJECT (obsolete: one root, from `project-root')."
  (list (project-root project)))

(cl-defgeneric project-external-roots (_project) "Return directories outside PROJECT that belong with it." nil)

(cl-defmethod project-external-roots ((project (head vc)))
  (let ((extra (mapcar #'file-name-as-directory (funcall project-vc-external-roots-function)))
        (own (list (project-root project))))
    (project-subtract-directories (project-combine-directories extra) own)))

(cl-defgeneric project-ignores (_project _dir) "Return glob patterns of what PROJECT leaves out under DIR."
  (append (mapcar (lambda (d) (concat d "/")) vc-directory-exclusion-list)
          grep-find-ignored-files))

(defun project--gitignore-patterns (root) "Return the patterns of the .gitignore file at ROOT."
  (let ((file (expand-file-name ".gitignore" root)))
    (when (file-readable-p file) (with-temp-buffer (insert-file-contents file) (let ((acc nil))
          (dolist (line (split-string (buffer-string) "\n"))
            (unless (or (string-match-p "\\`[ \t]*\\'" line) (string-prefix-p "#" line))
              ;; A pattern anchored at the top is given as "./PATTERN".
              (push (if (string-prefix-p "/" line) (concat "." line) line) acc)))
          (nreverse acc))))))

(cl-defmethod project-ignores ((project (head vc)) dir)
  (let ((root (project-root project))) (append (and (file-equal-p dir root) (project--gitignore-patterns root))
            project-vc-ignores
            (mapcar (lambda (d) (concat d "/")) vc-directory-exclusion-list))))

(defun project--glob-matches-p (pattern relname) "Return non-nil if glob PATTERN matches the relative file name RELNAME."
  (let* ((dirp (string-suffix-p "/" pattern))
         (pat (if dirp (substring pattern 0 -1) pattern))
         (anchored (or (string-prefix-p "/" pat) (string-prefix-p "./" pat)))
         (pat (if anchored (substring pat (if (eq (aref pat 0) ?/) 1 2)) pat))
         (re (wildcard-to-regexp pat))
         (parts (split-string relname "/" t)))
    (cond
     ((string-match-p "/" pat) (string-match-p re relname))
     (anchored (and parts (string-match-p re (car parts)) (or (not dirp) (cdr parts))))
     (dirp (cl-some (lambda (p) (string-match-p re p)) (butlast parts)))
     (t (cl-some (lambda (p) (string-match-p re p)) parts)))))

(defun project--files-in-directory (dir ignores &optional files) "Return the files under DIR, sorted, without those IGNORES matches.
FILES, a glob, keeps only the files whose name it matches."
  (let* ((root (file-name-as-directory (expand-file-name dir)))
         (keep (and files (wildcard-to-regexp files)))
         (acc nil))
    (cl-labels ((walk (d rel)
                  (dolist (name (directory-files d nil nil t))
                    (unless (member name '("." ".."))
                      (let* ((full (expand-file-name name d))
                             (relname (concat rel name)))
                        (cond
                         ((and (file-directory-p full) (not (file-symlink-p full)))
                          (unless (cl-some (lambda (p) (project--glob-matches-p p (concat relname "/x")))
                                           (cl-remove-if-not (lambda (p) (string-suffix-p "/" p)) ignores))
                            (walk full (concat relname "/"))))
                         ((cl-some (lambda (p) (and (not (string-suffix-p "/" p))
                                                    (project--glob-matches-p p relname)))
                                   ignores))
                         ((and keep (not (string-match-p keep name))))
                         (t (push (concat root relname) acc))))))))
      (when (file-directory-p root) (walk root "")))
    (sort acc #'string<)))

(defun project--git-list (dir extra-ignores) "List the files Git knows of under DIR (untracked ones too), leaving out EXTRA-IGNORES."
  (let ((default-directory (file-name-as-directory (expand-file-name dir)))
        (acc nil))
    (with-temp-buffer (when (eq 0 (apply #'process-file "git" nil t nil "ls-files" "-z" "-c"
                         (if project-vc-include-untracked '("-o" "--exclude-standard") nil)))
        (dolist (rel (split-string (buffer-string) "\0" t))
          (unless (cl-some (lambda (p) (project--glob-matches-p p rel)) extra-ignores)
            (push (concat default-directory rel) acc)))))
    (nreverse acc)))

(cl-defgeneric project-files (project &optional dirs) "Return the files of PROJECT, absolute, under DIRS (default: its roots)."
  (let ((all nil))
    (dolist (dir (if dirs dirs (list (project-root project))))
      (setq all (append all (project--files-in-directory dir (project-ignores project dir)))))
    all))

(cl-defmethod project-files ((project (head vc)) &optional dirs)
  (let ((root (project-root project))) (cl-mapcan (lambda (dir)
                 (if (eq (cdr (project--vc-top dir)) 'Git)
                     (project--git-list dir project-vc-ignores)
                   (project--files-in-directory dir (project-ignores project dir))))
               (or dirs (list root)))))

(cl-defgeneric project-buffers (project) "Return the live buffers whose directory is inside PROJECT."
  (let ((top (file-name-as-directory (expand-file-name (project-root project)))))
    (seq-filter (lambda (buf)
                  (let ((where (buffer-local-value 'default-directory buf)))
                    (and where (string-prefix-p top (expand-file-name where)))))
                (buffer-list))))

(defun project-combine-directories (&rest lists-of-dirs) "Return the existing directories of LISTS-OF-DIRS, sorted, without those inside another."
  (let* ((dirs (sort (delete-dups
                      (cl-remove-if-not #'file-exists-p
                                        (mapcar (lambda (d) (file-name-as-directory (expand-file-name d)))
                                                (apply #'append lists-of-dirs))))
                     #'string<))
         (acc nil))
    (dolist (d dirs)
      (unless (and acc (string-prefix-p (car acc) d))
        (push d acc)))
    (nreverse acc)))

(defun project-subtract-directories (files dirs) "Return the elements of FILES that are not inside one of DIRS."
  (cl-remove-if (lambda (f) (cl-some (lambda (d) (file-in-directory-p f d)) dirs)) files))

(defun project--value-in-dir (var dir) "Return the value VAR has in directory DIR, directory-local variables applied."
  (with-temp-buffer (setq default-directory (file-name-as-directory dir)) (let ((enable-local-variables :all)) (when (fboundp 'hack-dir-local-variables-non-file-buffer)
        (hack-dir-local-variables-non-file-buffer)))
    (symbol-value var)))

;;;; The list of known projects

(defun project--read-project-list () "Read the known projects from `project-list-file' into `project--list'."
  (setq project--list (when (file-exists-p project-list-file)
          (with-temp-buffer (insert-file-contents project-list-file)
            (let ((data (ignore-errors (read (current-buffer)))))
              (mapcar (lambda (e) (if (consp e) e (list e))) data))))))

(defun project--ensure-read-project-list () "Read the list of known projects unless it is read already."
  (unless (listp project--list) (project--read-project-list)))

(defun project--write-project-list () "Write the known projects to `project-list-file'."
  (let ((dir (file-name-directory (expand-file-name project-list-file))))
    (when (and dir (not (file-directory-p dir))) (make-directory dir t)))
  (with-temp-buffer (insert ";;; -*- lisp-data -*-" ?\n)
    (let ((print-length nil) (print-level nil)) (pp (mapcar (lambda (e) (list (car e))) project--list) (current-buffer)))
    (write-region nil nil project-list-file nil 'silent)))

(defun project-remember-project (pr &optional no-write) "Put project PR first among the known projects; write the list unless NO-WRITE."
  (project--ensure-read-project-list) (let ((root (abbreviate-file-name (project-root pr))))
    (unless (equal (caar project--list) root)
      (setq project--list (cons (list root) (cl-remove root project--list :key #'car :test #'equal)))
      (unless no-write (project--write-project-list)))))

(defun project--remove-from-project-list (root report) "Forget the project at ROOT, saying so with format string REPORT."
  (project--ensure-read-project-list) (let ((entry (assoc (abbreviate-file-name root) project--list)))
    (when entry
      (setq project--list (delq entry project--list))
      (project--write-project-list) (message report (car entry))
      nil)))

(defun project-forget-project (project-root) "Remove the project at PROJECT-ROOT from the known projects."
  (interactive (project--ask-root))
  (project--remove-from-project-list project-root project--forgotten-format))

(defconst project--forgotten-format "Project `%s' removed from known projects" "The message saying a project was forgotten.")

(defun project--ask-root () "Return a list of one project directory read from the user."
  (list (project-prompt-project-dir)))

(defun project-known-project-roots () "Return the root directories of the known projects, most recent first."
  (project--ensure-read-project-list) (mapcar #'car project--list))

(defun project-forget-zombie-projects () "Forget the known projects whose directories no longer exist."
  (interactive nil) (dolist (root (project-known-project-roots))
    (unless (file-exists-p root)
      (project-forget-project root))))

(defun project-forget-projects-under (dir &optional recursive) "Forget the known project rooted at DIR, or with RECURSIVE every known project under DIR."
  (interactive "DDirectory: \nP") (let ((n 0) (top (file-name-as-directory (expand-file-name dir))))
    (dolist (root (project-known-project-roots))
      (let ((full (file-name-as-directory (expand-file-name root))))
        (when (if recursive (string-prefix-p top full) (equal top full))
          (project-forget-project root)
          (setq n (1+ n))))) (message "%d project%s were forgotten" n (if (= n 1) "" "s"))
    n))

(defun project-remember-projects-under (dir &optional recursive) "Remember the projects at DIR and right under it, or with RECURSIVE anywhere under it."
  (interactive "DDirectory: \nP") (let ((n 0)
        (start (file-name-as-directory (expand-file-name dir))))
    (cl-labels ((try (d)
                  (let ((pr (project--find-in-directory d)))
                    (when pr
                      (message "Found %s..." (project-root pr)) (project-remember-project pr t) (setq n (1+ n))) pr))
                (subdirs (d)
                  (cl-remove-if-not #'file-directory-p
                                    (directory-files d t directory-files-no-dot-files-regexp t)))
                (walk (d)
                  (unless (try d)
                    (dolist (sub (subdirs d))
                      (unless (string-prefix-p "." (file-name-nondirectory sub))
                        (walk (file-name-as-directory sub)))))))
      (if recursive (walk start)
        (try start)
        (dolist (sub (subdirs start))
          (try (file-name-as-directory sub)))))
    (project--write-project-list) (message "%d project%s were found" n (if (= n 1) "" "s"))
    n))

(defun project-prompt-project-dir () "Read a project directory among the known ones, or any directory."
  (project--ensure-read-project-list) (let* ((other "... (choose a dir)")
         (choices (append (project-known-project-roots) (list other)))
         (pick (completing-read "Select project: " choices nil t)))
    (if (equal pick other)
        (read-directory-name "Select directory: " default-directory nil t) pick)))

;;;; Commands

(defun project-prefixed-buffer-name (mode) "Return a buffer name for MODE prefixed by the name of the current directory."
  (format "*%s-%s*" (file-name-nondirectory (directory-file-name default-directory)) (downcase mode)))

(defun project--root-dir (&optional maybe-prompt) "Return the root of the current project, asking for one with MAYBE-PROMPT."
  (project-root (project-current (or maybe-prompt t))))

(defun project--read-file-cpd-relative (prompt all-files &optional predicate hist default) "Read a file among ALL-FILES with PROMPT, shown relative to their common directory.
PREDICATE, HIST and DEFAULT are passed on to `completing-read'."
  (let* ((common (if (cdr all-files)
                     (file-name-directory (try-completion "" all-files))
                   (and all-files (file-name-directory (car all-files)))))
         (cut (length common))
         (rel (mapcar (lambda (f) (substring f cut)) all-files))
         (answer (completing-read prompt rel predicate nil nil hist
                                  (and default (string-prefix-p common default) (substring default cut)))))
    (concat common answer)))

(defun project--read-file-absolute (prompt all-files &optional predicate hist default) "Read a file among ALL-FILES, absolute, with PROMPT.
PREDICATE, HIST and DEFAULT are passed on to `completing-read'."
  (completing-read prompt all-files predicate nil nil hist default))

(defun project-find-file-in (suggested-filename dirs project) "Visit a file of PROJECT under DIRS, read with SUGGESTED-FILENAME as default."
  (let* ((files (project-files project dirs))
         (file (funcall project-read-file-name-function "Find file" files nil nil suggested-filename)))
    (find-file file)))

(defun project-find-file () "Visit a file of the current project."
  (interactive nil) (let ((pr (project-current t))) (project-find-file-in (and buffer-file-name (expand-file-name buffer-file-name))
                          (list (project-root pr)) pr)))

(defun project-or-external-find-file () "Visit a file of the current project or of its external roots."
  (interactive nil) (let ((pr (project-current t))) (project-find-file-in (and buffer-file-name (expand-file-name buffer-file-name))
                          (cons (project-root pr) (project-external-roots pr)) pr)))

(defun project-find-dir () "Open Dired on a directory of the current project."
  (interactive nil) (let* ((pr (project-current t)) (dirs (delete-dups (mapcar #'file-name-directory (project-files pr))))
         (dir (funcall project-read-file-name-function "Dired" dirs nil nil)))
    (dired dir)))

(defun project-dired () "Open Dired at the root of the current project."
  (interactive nil) (dired (project--root-dir)))

(defun project-vc-dir () "Show the version control status of the current project."
  (interactive nil) (vc-dir (project--root-dir)))

(defun project-shell () "Start a shell in the root of the current project."
  (interactive nil) (let ((default-directory (project--root-dir)))
    (shell (project-prefixed-buffer-name "shell"))))

(defun project-eshell () "Start Eshell in the root of the current project."
  (interactive nil) (let* ((default-directory (project--root-dir))
         (eshell-buffer-name (project-prefixed-buffer-name "eshell")))
    (eshell)))

(defun project-compile () "Run `compile' in the root of the current project."
  (interactive nil) (let ((default-directory (project--root-dir)))
    (call-interactively #'compile)))

(defun project-shell-command () "Run `shell-command' in the root of the current project."
  (interactive nil) (let ((default-directory (project--root-dir)))
    (call-interactively #'shell-command)))

(defun project-async-shell-command () "Run `async-shell-command' in the root of the current project."
  (interactive nil) (let ((default-directory (project--root-dir)))
    (call-interactively #'async-shell-command)))

(defun project-execute-extended-command () "Run `execute-extended-command' in the root of the current project."
  (interactive nil) (let ((default-directory (project--root-dir)))
    (call-interactively #'execute-extended-command)))

(defun project--read-regexp () "Read a regexp to search the project for, the symbol at point as default."
  (let* ((here (thing-at-point 'symbol t))
         (default (when here (regexp-quote here))))
    (read-regexp "Find regexp" default)))

(defun project--find-regexp-in-files (regexp files) "Return xref items for the matches of REGEXP in FILES; a user error if none."
  (or (xref-matches-in-files regexp files)
      (user-error "No matches for: %s" regexp)))

(defun project--show-matches (regexp with-external) "Show the matches of REGEXP in the current project, WITH-EXTERNAL roots too."
  (let* ((pr (progn (require 'xref) (project-current t)))
         (dirs (cons (project-root pr) (and with-external (project-external-roots pr))))
         (files (project-files pr dirs)))
    (xref--show-xrefs (apply-partially #'project--find-regexp-in-files regexp files) nil)))

(defun project-find-regexp (regexp) "Show the matches of REGEXP in the files of the current project."
  (interactive (progn (list (project--read-regexp))))
  (project--show-matches regexp nil))

(defun project-or-external-find-regexp (regexp) "Show the matches of REGEXP in the files of the current project and its external roots."
  (interactive (progn (list (project--read-regexp))))
  (project--show-matches regexp t))

(defun project-search (regexp) "Visit the matches of REGEXP in the current project's files one by one."
  (interactive "sSearch (regexp): ") (require 'etags) (let ((files (project-files (project-current t))))
    (tags--search-files regexp files)))

(defun project-query-replace-regexp (from to) "Query-replace FROM with TO in all the files of the current project."
  (interactive (let ((args (query-replace-read-args "Query replace (regexp)" t t)))
                 (list (nth 0 args) (nth 1 args))))
  (require 'etags) (let ((files (project-files (project-current t))))
    (tags--query-replace-files from to files)))

(defun project--buffer-list (pr) "Return the buffers of project PR."
  (project-buffers pr))

(defun project--read-project-buffer () "Read the name of a buffer of the current project."
  (let* ((mine (project-buffers (project-current t)))
         (names (mapcar #'buffer-name mine))
         (previous (other-buffer (current-buffer))))
    (read-buffer "Switch to buffer: "
                 (when (memq previous mine) (buffer-name previous))
                 nil
                 (lambda (entry) (member (or (car-safe entry) entry) names)))))

(defun project--show-buffer (how buffer-or-name) "Show BUFFER-OR-NAME by calling HOW on it."
  (funcall how buffer-or-name))

(defun project-switch-to-buffer (buffer-or-name) "Switch to BUFFER-OR-NAME, a buffer of the current project."
  (interactive (progn (list (project--read-project-buffer))))
  (project--show-buffer #'switch-to-buffer buffer-or-name))

(defun project-display-buffer (buffer-or-name) "Display BUFFER-OR-NAME, a buffer of the current project, without selecting it."
  (interactive (progn (list (project--read-project-buffer))))
  (project--show-buffer #'display-buffer buffer-or-name))

(defun project-display-buffer-other-frame (buffer-or-name) "Display BUFFER-OR-NAME, a buffer of the current project, in another frame."
  (interactive (progn (list (project--read-project-buffer))))
  (project--show-buffer #'display-buffer-other-frame buffer-or-name))

(defun project--buffers-to-kill (pr) "Return the buffers of project PR that `project-kill-buffers' kills: those visiting files and special buffers."
  (seq-filter (lambda (b)
                (or (buffer-file-name b)
                    (with-current-buffer b (derived-mode-p 'special-mode 'dired-mode 'comint-mode))))
              (project-buffers pr)))

(defun project-kill-buffers (&optional no-confirm) "Kill the buffers of the current project, asking first unless NO-CONFIRM."
  (interactive nil)
  (let* ((pr (project-current t))
         (doomed (project--buffers-to-kill pr))
         (n (length doomed)))
    (if (= n 0)
        (message "No buffers to kill")
      (when (or no-confirm
                (yes-or-no-p (format "Kill %d buffers in %s? " n (project-root pr))))
        (mapc #'kill-buffer doomed)))))

(defun project--keymap-prompt () "Return the prompt `project-switch-project' shows: each command's key and label."
  (mapconcat (lambda (entry) (let ((key (where-is-internal (car entry) (and (boundp 'project-prefix-map) project-prefix-map) t)))
                 (format "[%s] %s" (if key (key-description key) "?") (cadr entry))))
             project-switch-commands "  "))

(defun project--switch-project-command () "Read which command `project-switch-project' runs."
  (let* ((keys (mapcar (lambda (entry)
                         (cons (where-is-internal (car entry) (and (boundp 'project-prefix-map) project-prefix-map) t)
                               (car entry)))
                       project-switch-commands)) (key (read-key-sequence (concat "Choose: " (project--keymap-prompt))))
         (hit (cl-find key keys :key #'car :test #'equal)))
    (or (cdr hit)
        (and (boundp 'project-prefix-map) (lookup-key project-prefix-map key))
        (user-error "Not a project command: %s" (key-description key)))))

(defun project-switch-project (dir) "Run one of `project-switch-commands', chosen by key, in the project at DIR."
  (interactive (progn (list (project-prompt-project-dir))))
  (let ((chosen (project--switch-project-command))
        (default-directory (file-name-as-directory dir)))
    (call-interactively chosen)))

(defun project--other-place-command (action &optional map) "Run the next command read from MAP with ACTION as the buffer display action."
  (let* ((key (read-key-sequence nil))
         (cmd (lookup-key (or map (and (boundp 'project-prefix-map) project-prefix-map)) key)))
    (if (not (commandp cmd))
        (user-error "%s is undefined" (key-description key))
      (let ((display-buffer-overriding-action action))
        (call-interactively cmd)))))

(defun project-other-window-command () "Run the next project command with its buffer in another window."
  (interactive nil) (project--other-place-command '((display-buffer-pop-up-window) (inhibit-same-window . t))))

(defun project-other-frame-command () "Run the next project command with its buffer in another frame."
  (interactive nil) (project--other-place-command '((display-buffer-pop-up-frame))))

(defun project-other-tab-command () "Run the next project command with its buffer in another tab."
  (interactive nil) (project--other-place-command '((display-buffer-in-new-tab))))

(provide 'project)

;;; project.el ends here
