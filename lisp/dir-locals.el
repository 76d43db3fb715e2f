;;; dir-locals.el --- directory-local variables: .dir-locals.el files and classes  -*- lexical-binding: t -*-

;; A directory's settings are a "class": an alist whose keys are nil (every
;; buffer), a major mode (buffers in it or a mode derived from it) or a string
;; (files whose name, relative to the directory, starts with it; the value is
;; again such an alist).  Reading a directory's files makes a class named after
;; the directory and records (DIRECTORY CLASS MTIME) in
;; `dir-locals-directory-cache', so a later visit rereads only changed files.
;; The settings a buffer gets then go through the same safety filter as a
;; file's own local variables (files.el), ahead of them.

;;;; Classes and the directory cache

(defun dir-locals-set-class-variables (class variables) "Store VARIABLES, an alist keyed by nil, major modes and subdirectory names, as CLASS."
  (setf (alist-get class dir-locals-class-alist) variables))

(defun dir-locals-get-class-variables (class) "The settings stored as CLASS."
  (alist-get class dir-locals-class-alist))

(defun dir-locals-set-directory-class (directory class &optional mtime) "Make CLASS's settings apply below DIRECTORY.
MTIME is the time of the files CLASS was read from, when it was read."
  (unless (assq class dir-locals-class-alist)
    (error "No such class `%s'" class))
  (push (list (file-name-as-directory (expand-file-name directory)) class mtime)
        dir-locals-directory-cache))

;;;; Finding and reading the files

(defun dir-locals--all-files (directory) "The readable files of `dir-locals-file' and its \"-2\" companion in DIRECTORY."
  (let* ((dir (file-name-as-directory directory))
         (ext (file-name-extension dir-locals-file t))
         (second (concat (file-name-sans-extension dir-locals-file) "-2" ext))
         found)
    (dolist (name (list second dir-locals-file))
      (let ((path (expand-file-name name dir)))
        (when (and (file-readable-p path) (not (file-directory-p path)))
          (push path found))))
    found))

(defun dir-locals--newest-mtime (files) "The latest modification time among FILES, or 0 when FILES is empty."
  (let ((best 0))
    (dolist (f files)
      (let ((m (file-attribute-modification-time (file-attributes f))))
        (when (and m (time-less-p best m)) (setq best m))))
    best))

(defun dir-locals--cache-entry (file) "The deepest `dir-locals-directory-cache' entry whose directory contains FILE."
  (let (best)
    (dolist (entry dir-locals-directory-cache)
      (when (and (string-prefix-p (car entry) file (file-name-case-insensitive-p file))
                 (or (null best) (> (length (car entry)) (length (car best)))))
        (setq best entry)))
    best))

(defun dir-locals-find-file (file) "Where FILE's directory-local settings come from.
A directory name (a string) when the nearest directory with settings files
has to be read; an entry (DIRECTORY CLASS MTIME) of
`dir-locals-directory-cache' when a known class applies and its files have
not changed since; nil when nothing applies."
  (setq file (expand-file-name file))
  (let* ((on-disk (locate-dominating-file (file-name-directory file) #'dir-locals--all-files))
         (on-disk (and on-disk (file-name-as-directory (expand-file-name on-disk))))
         (cached (dir-locals--cache-entry file)))
    (cond ((null cached) on-disk)
          ((null on-disk) cached)
          ((> (length (car cached)) (length on-disk)) cached)
          ((< (length (car cached)) (length on-disk)) on-disk)
          ;; The same directory: the cache holds unless its files changed.
          ((null (nth 2 cached)) cached)
          ((time-equal-p (nth 2 cached) (dir-locals--newest-mtime (dir-locals--all-files on-disk)))
           cached)
          (t on-disk))))

(defun dir-locals--read-one (file) "The settings alist written in FILE, nil when it has none or cannot be read."
  (with-temp-buffer
    (insert-file-contents file)
    (let ((form (condition-case nil (read (current-buffer)) (end-of-file nil))))
      (if (listp form)
          form
        (message "Invalid data in %s: %s" file form)
        nil))))

(defun dir-locals--merge (into more) "Settings alist INTO with MORE's entries laid over it.
Variables of a mode key are merged one by one, MORE's values winning; a
subdirectory key's settings are replaced as a whole."
  (let ((result (copy-sequence into)))
    (dolist (entry more)
      (let ((old (assoc (car entry) result)))
        (cond ((null old) (setq result (append result (list entry))))
              ((stringp (car entry)) (setcdr old (cdr entry)))
              (t (let ((vars nil))
                   (dolist (pair (append (cdr old) (cdr entry)))
                     (let ((seen (assq (car pair) vars)))
                       (if seen (setcdr seen (cdr pair)) (push (cons (car pair) (cdr pair)) vars))))
                   (setcdr old (nreverse vars)))))))
    result))

(defun dir-locals--mode-depth (mode) "How many modes MODE derives from, through `derived-mode-parent'."
  (let ((parent (get mode 'derived-mode-parent)))
    (if parent (1+ (dir-locals--mode-depth parent)) 0)))

(defun dir-locals--get-sort-score (node) "Where the settings entry NODE sorts: nil first, then modes by how far they
derive, then subdirectories by the length of their names."
  (pcase (car node)
    ('nil -1)
    ((and (pred stringp) name) (+ 1000 (length name)))
    (mode (dir-locals--mode-depth mode))))

(defun dir-locals--sort-variables (variables) "VARIABLES sorted in place for application, subdirectory entries' contents too."
  (let ((sorted (sort variables (lambda (a b) (< (dir-locals--get-sort-score a)
                                                 (dir-locals--get-sort-score b))))))
    (dolist (node sorted)
      (when (stringp (car node))
        (setcdr node (dir-locals--sort-variables (cdr node)))))
    sorted))

(defun dir-locals-read-from-dir (dir) "Read DIR's settings files into a class named after DIR, cache it for DIR, return the class."
  (let* ((files (dir-locals--all-files dir))
         (class (intern dir))
         (settings nil))
    (dolist (f files)
      (let ((these (dir-locals--read-one f)))
        (setq settings (if settings (dir-locals--merge settings these) these))))
    (dir-locals-set-class-variables class (dir-locals--sort-variables settings))
    (dir-locals-set-directory-class dir class (dir-locals--newest-mtime files))
    class))

(defalias 'dir-locals-read-from-file #'dir-locals-read-from-dir)
(make-obsolete 'dir-locals-read-from-file 'dir-locals-read-from-dir "27.1")

;;;; Choosing a buffer's settings

(defun dir-locals-collect-mode-variables (mode-variables variables) "Lay the (VAR . VALUE) pairs of MODE-VARIABLES over the alist VARIABLES and return it.
A variable already there takes the new value where it stands; `eval' and
`mode' entries and new variables go to the front."
  (dolist (pair mode-variables)
    (let* ((var (car pair))
           (cell (and (not (memq var '(eval mode))) (assq var variables))))
      (if cell
          (setcdr cell (cdr pair))
        (push (cons var (cdr pair)) variables))))
  variables)

(defun dir-locals--without-subdirs (settings) "SETTINGS less its `subdirs' entries, which say where the others apply."
  (let (kept)
    (dolist (p settings) (unless (eq (car-safe p) 'subdirs) (push p kept)))
    (nreverse kept)))

(defun dir-locals-collect-variables (class-variables root variables &optional predicate)
  "Lay the settings of CLASS-VARIABLES (a class read for directory ROOT) that
concern this buffer over VARIABLES and return the result.
A mode key counts when the buffer's mode derives from it or, given
PREDICATE, when PREDICATE accepts it; a subdirectory key when the visited
file's (else `default-directory''s) name below ROOT starts with it.  An entry
saying (subdirs . nil) counts only for buffers whose `default-directory' is
ROOT itself."
  (let ((below-root (substring (or buffer-file-name default-directory) (length root))))
    (dolist (entry class-variables)
      (let ((key (car entry)))
        (if (stringp key)
            (when (string-prefix-p key below-root)
              (setq variables (dir-locals-collect-variables (cdr entry) root variables predicate)))
          (let ((settings (cdr entry)))
            (when (and (if predicate (funcall predicate key) (or (null key) (derived-mode-p key)))
                       (or (cdr (assq 'subdirs settings))
                           (not (assq 'subdirs settings))
                           (equal root default-directory)))
              (setq variables
                    (dir-locals-collect-mode-variables
                     (dir-locals--without-subdirs settings) variables))))))))
  variables)

(defun hack-dir-local--get-variables (predicate) "The settings that apply to this buffer, as (DIRECTORY . VARIABLES), or nil.
VARIABLES come newest first; PREDICATE is passed on to `dir-locals-collect-variables'."
  (let* ((where (dir-locals-find-file (or buffer-file-name default-directory)))
         (dir (if (consp where) (car where) where))
         (class (cond ((consp where) (nth 1 where))
                      (where (dir-locals-read-from-dir where)))))
    (when class
      (cons dir (dir-locals-collect-variables (dir-locals-get-class-variables class) dir nil predicate)))))

(defun dir-locals--wanted-here-p () "Non-nil when directory-local settings may be looked for in this buffer."
  (and enable-local-variables enable-dir-local-variables
       (or enable-remote-dir-locals
           (not (file-remote-p (or buffer-file-name default-directory))))))

(defun hack-dir-local-variables () "Find the directory-local settings of this buffer and queue the safe ones.
They are recorded in `dir-local-variables-alist' and put ahead of the file's
own in `file-local-variables-alist'; `hack-local-variables-apply' sets them."
  (when (dir-locals--wanted-here-p)
    (let ((found (hack-dir-local--get-variables nil)))
      (when found
        (setq dir-local-variables-alist (reverse (cdr found)))
        (hack-local-variables-filter (cdr found) (car found))))))

(defun hack-dir-local-variables-non-file-buffer () "Apply the directory-local settings of `default-directory' to a buffer that visits no file."
  (hack-dir-local-variables)
  (hack-local-variables-apply))

;;; dir-locals.el ends here
