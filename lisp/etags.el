;;; etags.el --- tags tables: visiting them, finding tags, searching their files  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.
;; A tags table (as the etags program writes it) is a series of sections,
;; one per source file: a form feed line, then "FILE,SIZE", then one line
;; per tag: the text before the tag, DEL, the tag's name (when given), ^A,
;; then "LINE,OFFSET".

(mapc #'require '(cl-lib ring xref))

(defvar tags-file-name nil "The file name of the tags table in use, or nil.")

(defvar tags-table-list nil "The list of tags tables searched in turn.")

(defvar tags-case-fold-search 'default "Whether tags searches ignore case; `default' follows `case-fold-search'.")

(defvar tags-add-tables 'ask-user "Whether visiting a new tags table adds it to `tags-table-list'.")

(defvar tags-revert-without-query nil "Non-nil means a changed tags table is reread without asking.")

(defvar find-tag-marker-ring-length 16 "How many places jumped from by tag commands are remembered.")

;;;###autoload
(defvar find-tag-hook nil "Hook run by `find-tag' after it shows the tag's place.")

;;;###autoload
(defvar find-tag-default-function nil "Function giving the default tag name at point, or nil for the usual one.")

(defvar default-tags-table-function nil "Function giving the tags table for the current buffer, or nil.")

(defvar tags-apropos-verbose nil "Non-nil means `tags-apropos' says which tags tables it reads.")

(defvar tags-apropos-additional-actions nil "Extra places `tags-apropos' searches, as (TITLE FUNCTION TO-SEARCH) entries.")

(defvar tags-tag-face 'default "The face of tag names in listings.")

(defvar last-tag nil "The last tag name looked up by `find-tag'.")

(defvar tags-table-mode-hook nil "Hook run when a buffer enters Tags Table mode.")

(defvar tags-table-format-functions '(etags-recognize-tags-table) "Functions that recognize the format of a tags table buffer.")

(defvar tags-completion-table nil "Completion table of the tags in the current tags table buffer.")
(make-variable-buffer-local 'tags-completion-table)

(defvar tags-table-files nil "The source files of the current tags table buffer, or nil before they are read.")
(make-variable-buffer-local 'tags-table-files)

;; Where the last `find-tag' stopped: the name looked for, whether as a
;; regexp, and the tags found still to visit.
(defvar etags--pending nil "The tags of the last lookup not visited yet, as (FILE LINE OFFSET TEXT) lists.")
(defvar etags--pending-key nil "The (NAME . REGEXP-P) of the last tag lookup.")

;; The file loop behind `tags-search', `tags-query-replace' and
;; `tags-next-file': files still to visit, and what to do in each.
(defvar etags--loop-files nil "The files the current tags loop still has to visit.")
(defvar etags--loop-scan nil "Function called in each file of the loop; non-nil means stop there.")
(defvar etags--loop-operate nil "Function called where the scan stopped; non-nil means stop for the user.")
(defvar etags--loop-started nil "Non-nil while the current file of the loop is being searched again.")

;;;; Reading a tags table

(defun etags-recognize-tags-table () "Return non-nil if the current buffer holds a tags table in etags format."
  (save-excursion (goto-char (point-min)) (looking-at-p "\f\n")))

(defun tags-table-mode () "Major mode for a buffer holding a tags table."
  (interactive nil) (kill-all-local-variables) (setq major-mode 'tags-table-mode mode-name "Tags Table")
  (setq buffer-undo-list t) (run-mode-hooks 'tags-table-mode-hook))

(defun etags--expand (file) "Return the tags table named by FILE: FILE itself, or TAGS in it when it is a directory."
  (let ((f (expand-file-name file))) (if (file-directory-p f) (expand-file-name "TAGS" f) f)))

(defun visit-tags-table (file &optional local) "Use FILE (or FILE/TAGS for a directory) as the tags table.
With LOCAL non-nil, only for the current buffer."
  (interactive (list (read-file-name "Visit tags table (default TAGS): "
                                     (or (locate-dominating-file default-directory "TAGS") default-directory)
                                     (expand-file-name "TAGS" (or (locate-dominating-file default-directory "TAGS")
                                                                   default-directory)) t)
                     current-prefix-arg)) (let ((name (etags--expand file)))
    (unless (file-exists-p name)
      (user-error "File %s does not exist" name))
    (if local
        (setq-local tags-file-name name)
      (setq-default tags-file-name name))
    (save-excursion (visit-tags-table-buffer))
    nil))

(defun etags--table-buffer (file) "Return a buffer holding the tags table FILE, reading it if needed."
  (unless (file-exists-p file) (user-error "File %s does not exist" file))
  (let ((buf (or (get-file-buffer file) (let ((b (create-file-buffer file)))
                   (with-current-buffer b (insert-file-contents file t)
                     (setq default-directory (file-name-directory file))) b))))
    (with-current-buffer buf (unless (eq major-mode 'tags-table-mode)
        (let ((name buffer-file-name) (dir default-directory))
          (tags-table-mode) (setq buffer-file-name name default-directory dir))))
    buf))

(defun visit-tags-table-buffer (&optional cont cbuf) "Make the buffer of the current tags table current; return t.
With CONT non-nil, go on to the next table of `tags-table-list' and
return nil when there is none.  CBUF is the buffer whose tables are meant."
  (ignore cbuf)
  (let ((tables (etags--table-names)))
    (cond
     ((eq cont t)
      (let ((rest (cdr (member (and (boundp 'etags--current-table) etags--current-table) tables))))
        (if (null rest) nil
          (setq etags--current-table (car rest))
          (set-buffer (etags--table-buffer (car rest)))
          t)))
     (t
      (let ((file (or (car tables) (user-error "No tags table in use"))))
        (when (and tags-file-name (not (member (etags--expand tags-file-name) tags-table-list)))
          (message "Starting a new list of tags tables") (setq tags-table-list (list (etags--expand tags-file-name))))
        (setq etags--current-table file)
        (set-buffer (etags--table-buffer file))
        t)))))

(defvar etags--current-table nil "The tags table file being read by the current lookup.")

(defun etags--table-names () "Return the tags tables to use, the current one first."
  (let ((names (mapcar #'etags--expand
                       (delete-dups (delq nil (cons (or (and default-tags-table-function
                                                             (funcall default-tags-table-function)) tags-file-name) tags-table-list))))))
    names))

(defun etags--sections () "Return the sections of the tags table in the current buffer as (FILE START END) lists."
  (save-excursion (goto-char (point-min)) (let ((acc nil))
      (while (re-search-forward "\f\n\\([^,\n]*\\),\\([0-9]*\\)" nil t)
        (let ((file (match-string-no-properties 1))
              (start (min (point-max) (1+ (line-end-position)))))
          (push (list file start (save-excursion
                                   (if (search-forward "\f\n" nil t) (- (point) 2) (point-max))))
                acc)))
      (nreverse acc))))

(defun tags-table-files () "Return the source files named in the current tags table buffer, in order."
  (or tags-table-files (setq tags-table-files (cl-remove-if (lambda (f) (string= f ""))
                          (mapcar #'car (etags--sections))))))

(defun etags--tags-of (section) "Return the tags of SECTION, a (FILE START END) list, as (FILE LINE OFFSET TEXT NAME) lists."
  (let ((acc nil) (file (car section)))
    (save-excursion (goto-char (nth 1 section))
      (while (re-search-forward "^\\([^\177\n]*\\)\177\\([^\001\n]*\\)\001?\\([0-9]*\\),\\([0-9]*\\)$"
                                (nth 2 section) t)
        (let ((text (match-string-no-properties 1))
              (name (match-string-no-properties 2))
              (line (match-string-no-properties 3))
              (off (match-string-no-properties 4)))
          (push (list file (and (> (length line) 0) (string-to-number line))
                      (and (> (length off) 0) (string-to-number off))
                      text (and (> (length name) 0) name))
                acc))))
    (nreverse acc)))

(defun etags--all-tags () "Return every tag of the current tags table buffer."
  (cl-mapcan #'etags--tags-of (etags--sections)))

(defun etags--implicit-name (text) "Return the name a tag without an explicit one has: the last symbol of TEXT."
  (when (string-match "\\([[:alnum:]_$?:.+*/!%&<=>-]+\\)[^[:alnum:]_$?:.+*/!%&<=>-]*\\'" text)
    (match-string 1 text)))

(defun etags--tag-name (tag) "Return the name of TAG, explicit or implicit."
  (or (nth 4 tag) (etags--implicit-name (nth 3 tag))))

(defun tags-completion-table (&optional buf) "Return the tag names of the tags table in BUF (default: the current buffer)."
  (with-current-buffer (or buf (current-buffer)) (or tags-completion-table (progn
          (message "Making tags completion table for %s..." buffer-file-name)
          (prog1 (setq tags-completion-table
                       (delete-dups (delq nil (mapcar #'etags--tag-name (etags--all-tags)))))
            (message "Making tags completion table for %s...done" buffer-file-name))))))

(defun tags-lazy-completion-table () "Return a completion function over the tags of the current tags tables."
  (let ((buf (current-buffer))) (lambda (string pred action)
      ;; As GNU's, the tags table's buffer is left current.
      (let ((names (progn
                     (set-buffer buf) (let ((acc nil) (more (visit-tags-table-buffer)))
                       (while more
                         (setq acc (append acc (tags-completion-table)))
                         (setq more (visit-tags-table-buffer t)))
                       (delete-dups acc)))))
        (complete-with-action action names string pred)))))

(defun tags-complete-tags-table-file (string predicate what) "Complete STRING among the files of the current tags table (PREDICATE, WHAT as `all-completions')."
  (save-excursion (visit-tags-table-buffer) (complete-with-action what (tags-table-files) string predicate)))

;;;; Finding tags

(defun etags--case-fold () "Return whether tag searches ignore case."
  (if (memq tags-case-fold-search '(nil t)) tags-case-fold-search case-fold-search))

(defun etags--matches (name regexp-p) "Return the tags of all current tables matching NAME, best first.
With REGEXP-P, NAME is a regexp searched in the tag lines.  Otherwise
tags named NAME come first, then those whose text holds NAME as a
symbol, then those holding it anywhere."
  (save-excursion (let ((case-fold-search (etags--case-fold))
          (all nil) (more (visit-tags-table-buffer)))
      (while more
        (setq all (append all (mapcar (lambda (tag) (append tag (list buffer-file-name))) (etags--all-tags))))
        (setq more (visit-tags-table-buffer t)))
      (if regexp-p (cl-remove-if-not (lambda (tag) (string-match-p name (concat (nth 3 tag) (or (nth 4 tag) ""))))
                            all)
        (let* ((q (regexp-quote name))
               (exact (cl-remove-if-not (lambda (tag) (let ((n (etags--tag-name tag)))
                                                        (and n (if case-fold-search
                                                                   (string= (downcase n) (downcase name))
                                                                 (string= n name)))))
                                        all))
               (rest (cl-remove-if (lambda (tag) (memq tag exact)) all))
               (symbol (cl-remove-if-not (lambda (tag) (string-match-p (concat "\\_<" q "\\_>") (nth 3 tag))) rest))
               (rest (cl-remove-if (lambda (tag) (memq tag symbol)) rest))
               (any (cl-remove-if-not (lambda (tag) (or (string-match-p q (nth 3 tag))
                                                        (and (nth 4 tag) (string-match-p q (nth 4 tag)))))
                                      rest)))
          (append exact symbol any))))))

(defun etags--goto-tag (tag) "Visit the file of TAG and put point at the start of its line; return the buffer."
  (let* ((table (nth 5 tag))
         (file (expand-file-name (car tag) (file-name-directory table)))
         (buf (find-file-noselect file))) (with-current-buffer buf (widen)
      (push-mark)
      (goto-char (point-min)) (let ((text (nth 3 tag)) (found nil))
        ;; The recorded offset is a hint: look for the tag's text near it,
        ;; then at its line, then anywhere.
        (when (nth 2 tag)
          (goto-char (min (point-max) (1+ (nth 2 tag))))
          (beginning-of-line) (setq found (looking-at-p (regexp-quote text))))
        (unless found (goto-char (point-min)) (when (nth 1 tag) (forward-line (1- (nth 1 tag))))
          (setq found (looking-at-p (regexp-quote text))))
        (unless found (goto-char (point-min)) (if (re-search-forward (concat "^" (regexp-quote text)) nil t)
              (beginning-of-line) (goto-char (point-min)) (when (nth 1 tag) (forward-line (1- (nth 1 tag))))))))
    buf))

(defun find-tag-interactive (prompt &optional no-default) "Read the arguments of a tag command with PROMPT: (TAG NEXT-P).
NO-DEFAULT non-nil means the tag at point is not offered as default."
  (if current-prefix-arg (list nil (if (< (prefix-numeric-value current-prefix-arg) 0) '- t))
    (let* ((def (and (not no-default) (find-tag-default)))
           (answer (completing-read (if def (format "%s (default %s): " prompt def) (concat prompt ": "))
                                    (tags-lazy-completion-table) nil nil nil nil def)))
      (list (if (equal answer "") (or def (user-error "There is no default tag")) answer)))))

(defun find-tag-noselect (tagname &optional next-p regexp-p) "Return the buffer of the definition of TAGNAME, point at it.
NEXT-P non-nil means the next tag matching the last name looked up;
`-' means go back to the place of the previous one.  REGEXP-P means
TAGNAME is a regexp."
  (interactive (find-tag-interactive "Find tag")) (cond
   ((eq next-p '-)
    (when (ring-empty-p xref--marker-ring) (user-error "No previous tag locations"))
    (let ((m (ring-remove xref--marker-ring 0)))
      (prog1 (marker-buffer m)
        (with-current-buffer (marker-buffer m) (goto-char m)))))
   (t
    (unless next-p
      (setq last-tag tagname
            etags--pending-key (cons tagname regexp-p)
            etags--pending (etags--matches tagname regexp-p))
      (unless etags--pending
        (user-error "No %stags %s %s" "" (if regexp-p "matching" "containing") tagname)))
    (when next-p
      (setq etags--pending (cdr etags--pending))
      (unless etags--pending
        (user-error "No %stags %s %s" "more " (if (cdr etags--pending-key) "matching" "containing")
                    (car etags--pending-key))))
    (etags--goto-tag (car etags--pending)))))

(defun etags--find-tag-1 (tagname next-p regexp-p) "Find TAGNAME (NEXT-P, REGEXP-P as `find-tag-noselect'), remembering the place left; return the buffer."
  (let ((here (point-marker)) (buf (find-tag-noselect tagname next-p regexp-p)))
    (unless (eq next-p '-) (xref-push-marker-stack here))
    buf))

(defun find-tag (tagname &optional next-p regexp-p) "Go to the definition of TAGNAME (NEXT-P and REGEXP-P as `find-tag-noselect')."
  (interactive (find-tag-interactive "Find tag")) (let* ((buf (etags--find-tag-1 tagname next-p regexp-p))
         (pos (with-current-buffer buf (point)))) (switch-to-buffer buf) (goto-char pos) (run-hooks 'find-tag-hook)
    pos))

(defun find-tag-other-window (tagname &optional next-p regexp-p) "Show the definition of TAGNAME in another window (NEXT-P, REGEXP-P as `find-tag-noselect')."
  (interactive (find-tag-interactive "Find tag other window")) (let* ((buf (etags--find-tag-1 tagname next-p regexp-p))
         (pos (with-current-buffer buf (point)))) (pop-to-buffer buf t)
    (goto-char pos) (run-hooks 'find-tag-hook)
    pos))

(defun find-tag-other-frame (tagname &optional next-p) "Show the definition of TAGNAME in another frame (NEXT-P as `find-tag-noselect')."
  (interactive (find-tag-interactive "Find tag other frame")) (let ((pop-up-frames t)) (find-tag-other-window tagname next-p)))

(defun find-tag-regexp (regexp &optional next-p other-window) "Go to the definition of a tag matching REGEXP (NEXT-P as `find-tag-noselect').
OTHER-WINDOW non-nil shows it in another window."
  (interactive (find-tag-interactive "Find tag regexp" t)) (if other-window (find-tag-other-window regexp next-p t)
    (find-tag regexp next-p t)))

(defun complete-tag () "Complete the tag name before point."
  (interactive nil) (unless (or tags-file-name tags-table-list)
    (user-error "%s" (substitute-command-keys "No tags table loaded; try \\[visit-tags-table]")))
  (let* ((end (point)) (start (save-excursion (skip-syntax-backward "w_") (point)))
         (table (tags-lazy-completion-table)))
    (completion-in-region start end table)))

;;;; Listing tags

(defun etags--listing-line (tag) "Return the text a listing shows for TAG."
  (let ((text (nth 3 tag)))
    (if (string-prefix-p "(" text) (concat text " ...)") text)))

(defun list-tags (file &optional _next-match) "List the tags of FILE, a file named in the current tags tables."
  (interactive (list (completing-read "List tags in file: " #'tags-complete-tags-table-file nil t nil)))
  (with-output-to-temp-buffer "*Tags List*" (princ (substitute-command-keys "Tags in file `")) (princ file) (princ (substitute-command-keys "':\n\n")) (let ((found nil)) (save-excursion (let ((more (visit-tags-table-buffer)))
          (while (and more (not found))
            (let ((section (assoc file (etags--sections))))
              (when section (setq found t) (dolist (tag (etags--tags-of section))
                  (princ (etags--listing-line tag))
                  (terpri))))
            (setq more (visit-tags-table-buffer t)))))
      (unless found (user-error "File %s not in current tags tables" file))))
  (etags--listing-mode)
  t)

(defun etags--listing-mode () "Put the *Tags List* buffer in the mode of listings."
  (require 'apropos) (with-current-buffer "*Tags List*" (apropos-mode)))

(defun tags-apropos (regexp) "List the tags matching REGEXP in the current tags tables."
  (interactive "sTags apropos (regexp): ") (message "Making tags apropos buffer for `%s'..." regexp)
  (with-output-to-temp-buffer "*Tags List*" (princ "Click mouse-2 to follow tags.\n\nTags matching regexp ")
    (princ (format-message "`%s'" regexp))
    (princ ":\n") (save-excursion (let ((more (visit-tags-table-buffer))
            (case-fold-search (etags--case-fold))
            (first t))
        (while more
          (dolist (tag (etags--all-tags))
            (when (string-match-p regexp (nth 3 tag))
              (when first (terpri) (setq first nil))
              (princ (format "[%s]: %s\n" (car tag) (etags--listing-line tag)))))
          (setq more (visit-tags-table-buffer t))))))
  (etags--listing-mode)
  t)

(defun select-tags-table () "List the known tags tables in a buffer, to choose the one to use."
  (interactive nil) (with-current-buffer (get-buffer-create "*Tags Table List*")
    (let ((inhibit-read-only t)) (erase-buffer) (dolist (f (delete-dups (delq nil (cons tags-file-name (copy-sequence tags-table-list)))))
        (insert (abbreviate-file-name f) "\n"))
      (goto-char (point-min)) (setq buffer-read-only t)) (pop-to-buffer (current-buffer))))

;;;; Searching and replacing in the files of the tags tables

(defun etags--all-files () "Return the files of all current tags tables, absolute."
  (save-excursion (let ((acc nil) (more (visit-tags-table-buffer)))
      (while more
        (let ((dir (file-name-directory buffer-file-name))) (setq acc (append acc (mapcar (lambda (f) (expand-file-name f dir)) (tags-table-files)))))
        (setq more (visit-tags-table-buffer t)))
      acc)))

(defun tags-next-file (&optional initialize novisit) "Visit the next file of the current tags tables and return its buffer.
INITIALIZE non-nil starts again from the first file (a list: those files).
NOVISIT non-nil means only read the file, not switch to it."
  (interactive (list (if current-prefix-arg t nil)))
  (when initialize (setq etags--loop-files (if (consp initialize) (copy-sequence initialize) (etags--all-files))
          etags--loop-scan (lambda () nil)
          etags--loop-operate (lambda () t)))
  (unless etags--loop-files
    (user-error "All files processed")) (let* ((file (pop etags--loop-files))
         (buf (find-file-noselect file))) (if novisit
        (set-buffer buf) (switch-to-buffer buf)) buf))

(defalias 'next-file #'tags-next-file)

(defun etags--loop-run () "Go on with the file loop: search the files in turn until one holds a stop."
  (let ((done nil)) (while (not done) (if (and etags--loop-started (funcall etags--loop-scan) (funcall etags--loop-operate))
          (setq done t) (unless etags--loop-files
          (setq etags--loop-started nil)
          (user-error "All files processed")) (let* ((file (pop etags--loop-files))
               (buf (find-file-noselect file))) (set-buffer buf) (widen)
          (goto-char (point-min)) (setq etags--loop-started t)
          (when (and (funcall etags--loop-scan) (funcall etags--loop-operate))
            (switch-to-buffer buf) (setq done t))))) nil))

(defun tags-loop-continue (&optional first-time) "Go on with the last `tags-search' or `tags-query-replace'.
FIRST-TIME non-nil starts with the first file."
  (interactive nil) (when (and (not first-time) (null etags--loop-scan))
    (user-error "No operation in progress"))
  (when etags--loop-started
    (let ((buf (current-buffer))) (ignore buf)))
  (etags--loop-run))

(defun tags--search-files (regexp files) "Start a search for REGEXP through FILES, stopping at the first match."
  (setq etags--loop-files (copy-sequence files)
        etags--loop-started nil
        etags--loop-scan (lambda () (let ((case-fold-search (etags--case-fold)))
                                      (re-search-forward regexp nil t))) etags--loop-operate (lambda () t))
  (etags--loop-run))

(defun tags--query-replace-files (from to files &optional delimited) "Start query-replacing FROM by TO through FILES.
DELIMITED non-nil replaces whole words only."
  (setq etags--loop-files (copy-sequence files)
        etags--loop-started nil
        etags--loop-scan (lambda () (let ((case-fold-search (etags--case-fold)))
                                      (when (re-search-forward from nil t) (goto-char (match-beginning 0)) t)))
        etags--loop-operate (lambda () (perform-replace from to t t delimited) nil))
  (etags--loop-run))

(defun tags-search (regexp &optional files) "Search the files of the current tags tables (or FILES, a list) for REGEXP.
Stops at the first match; \\[tags-loop-continue] goes on."
  (interactive "sTags search (regexp): ") (tags--search-files regexp (or files (etags--all-files))))

(defun tags-query-replace (from to &optional delimited files) "Query-replace FROM with TO in the files of the current tags tables (or FILES).
DELIMITED non-nil replaces whole words only."
  (interactive (let ((args (query-replace-read-args "Tags query replace (regexp)" t t)))
                 (list (nth 0 args) (nth 1 args) (nth 2 args))))
  (tags--query-replace-files from to (or files (etags--all-files)) delimited))

(provide 'etags)

;;; etags.el ends here
