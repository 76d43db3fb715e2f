;;; xdg.el --- freedesktop.org base directories, user directories, desktop files, MIME apps  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;;; Code:

;;;; Base directories

(defmacro xdg--in-file (file &rest body) "Run BODY at the start of a scratch buffer holding FILE's text."
  (declare (indent 1))
  `(with-temp-buffer (insert-file-contents ,file) (goto-char 1) ,@body))

(defun xdg--dir-home (environ default-path) "The directory the variable ENVIRON names when it is absolute, else DEFAULT-PATH expanded."
  (let ((value (getenv environ)))
    (if (and value (not (string= value "")) (file-name-absolute-p value))
        value
      (expand-file-name default-path))))

(dolist (spec '((xdg-config-home "XDG_CONFIG_HOME" ".config" "configuration")
                (xdg-cache-home "XDG_CACHE_HOME" ".cache" "cache")
                (xdg-data-home "XDG_DATA_HOME" ".local/share" "data")))
  (let ((var (nth 1 spec)) (fallback (concat "~/" (nth 2 spec))))
    (defalias (car spec) (lambda () (xdg--dir-home var fallback))
      (format "The user's %s directory: $%s when absolute, else %s." (nth 3 spec) var fallback))))

(defun xdg-runtime-dir () "The user's runtime directory, $XDG_RUNTIME_DIR, or nil." (getenv "XDG_RUNTIME_DIR"))

(defun xdg--path-list (environ fallback) "The directories of the colon list in ENVIRON, or FALLBACK when it is unset or empty."
  (let ((value (getenv environ)))
    (if (or (null value) (string= value "")) fallback (parse-colon-path value))))

(defun xdg-config-dirs () "The system configuration directories: $XDG_CONFIG_DIRS or (\"/etc/xdg\")."
  (xdg--path-list "XDG_CONFIG_DIRS" (list "/etc/xdg")))

(defun xdg-data-dirs () "The system data directories: $XDG_DATA_DIRS or /usr/local/share/ and /usr/share/."
  (xdg--path-list "XDG_DATA_DIRS" (list "/usr/local/share/" "/usr/share/")))

;;;; User directories (user-dirs.dirs)

(defconst xdg-line-regexp
  (let ((names (regexp-opt (split-string "DESKTOP DOWNLOAD TEMPLATES PUBLICSHARE DOCUMENTS MUSIC PICTURES VIDEOS")))
        (value "\\(?2:\\(?:\\(?:\\$HOME\\)?/\\)\\(?:[^\"]\\|\\\\\"\\)*?\\)"))
    (format "XDG_\\(?1:%s\\)_DIR=\"%s\"" names value))
  "Regexp for one XDG_NAME_DIR=\"...\" line of user-dirs.dirs: group 1 the name, 2 the directory.")

(defvar xdg-user-dirs nil "The user directories read from user-dirs.dirs, as (NAME . DIRECTORY), once read.")

(defun xdg--substitute-home-env (str) "STR with a leading $HOME written as ~."
  (if (string-prefix-p "$HOME" str) (concat "~" (substring str 5)) str))

(defun xdg--user-dirs-parse-line () "The (NAME . DIRECTORY) of the user-dirs.dirs line at point, or nil."
  (skip-chars-forward " \t")
  (when (looking-at xdg-line-regexp)
    (cons (match-string 1) (xdg--substitute-home-env (match-string 2)))))

(defun xdg--user-dirs-parse-file (filename) "The (NAME . DIRECTORY) entries of the user-dirs.dirs file FILENAME, nil if it is unreadable."
  (when (file-readable-p filename)
    (xdg--in-file filename
      (let ((found nil))
        (while (not (eobp))
          (let ((entry (xdg--user-dirs-parse-line)))
            (when entry (push entry found)))
          (forward-line 1))
        found))))

(defun xdg-user-dir (name) "The user directory NAME (\"DOCUMENTS\", \"MUSIC\"...) from user-dirs.dirs, expanded, or nil."
  (let ((file (expand-file-name "user-dirs.dirs" (xdg-config-home))))
    (when (file-exists-p file)
      (unless xdg-user-dirs (setq xdg-user-dirs (xdg--user-dirs-parse-file file)))
      (let ((dir (cdr (assoc name xdg-user-dirs))))
        (and dir (expand-file-name dir))))))

;;;; Thumbnails

(defun xdg-thumb-uri (filename) "The file:// URI of FILENAME, as thumbnail names are made from."
  (format "file://%s" (expand-file-name filename)))

(defun xdg-thumb-name (filename) "The thumbnail file name of FILENAME: the MD5 of its URI, then .png."
  (format "%s.png" (md5 (xdg-thumb-uri filename))))

(defun xdg-thumb-mtime (filename) "The modification time of FILENAME, or nil if it does not exist."
  (when (file-exists-p filename)
    (file-attribute-modification-time (file-attributes filename))))

;;;; Desktop entry files

(defconst xdg-desktop-group-regexp "\\[\\(?1:[ -Z\\^-~]+?\\)]" "Regexp for a [GROUP] header of a desktop file.")

(defconst xdg-desktop-entry-regexp "\\(?1:[0-9A-Za-z-]+\\)[[:blank:]]*=[[:blank:]]*\\(?2:.*\\)"
  "Regexp for a KEY=VALUE line of a desktop file.")

(defun xdg--skip-blank-and-comments () "Move over empty lines and # comment lines."
  (while (and (not (eobp)) (looking-at "[[:blank:]]*\\(?:#.*\\)?$"))
    (forward-line 1)))

(defun xdg-desktop-read-group () "Read the KEY=VALUE lines from point up to the next group; return them in a hash table.
Localized keys (KEY[locale]=...) are left out; any other line is an error."
  (let ((table (make-hash-table :test #'equal)))
    (xdg--skip-blank-and-comments)
    (while (and (not (eobp)) (not (looking-at xdg-desktop-group-regexp)))
      (cond ((looking-at "[0-9A-Za-z-]+\\[[^]\n]*\\][[:blank:]]*="))
            ((looking-at xdg-desktop-entry-regexp)
             (puthash (match-string 1) (match-string 2) table))
            (t (error "Malformed line: %s" (buffer-substring (point) (line-end-position)))))
      (forward-line 1)
      (xdg--skip-blank-and-comments))
    table))

(defun xdg-desktop-read-file (filename &optional group) "The entries of GROUP (default \"Desktop Entry\") of the desktop file FILENAME, in a hash table.
The first group is read whatever its name; GROUP, when given, is searched for after it,
and when no group of that name follows, the last group seen is read."
  (xdg--in-file filename
    (xdg--skip-blank-and-comments)
    (when (looking-at xdg-desktop-group-regexp) (forward-line 1))
    (progn
      (when group
        (let ((searching (not (equal group "Desktop Entry"))))
          (while (and searching (re-search-forward (concat "^" xdg-desktop-group-regexp "[[:blank:]]*$") nil t))
            (forward-line 1)
            (when (equal (match-string 1) group) (setq searching nil)))))
      (xdg-desktop-read-group))))

(defun xdg-desktop-strings (value) "The list of strings in the desktop-file VALUE, separated by unescaped semicolons.
Leading white space is dropped, \\; stands for a semicolon, and a final semicolon ends the list."
  (let ((text (string-trim-left value)) (items nil) (start 0) (i 0))
    (unless (string= text "")
      (while (< i (length text))
        (cond ((and (eq (aref text i) ?\\) (< (1+ i) (length text)) (eq (aref text (1+ i)) ?\;))
               (setq i (+ i 2)))
              ((eq (aref text i) ?\;)
               (push (substring text start i) items)
               (setq i (1+ i) start i))
              (t (setq i (1+ i)))))
      (when (< start (length text)) (push (substring text start) items))
      (mapcar (lambda (s) (replace-regexp-in-string "\\\\;" ";" s t t)) (nreverse items)))))

;;;; MIME associations

(defvar xdg-mime-table nil "MIME applications found so far: (TYPE . TABLE), TABLE mapping a subtype to desktop files.")

(defun xdg-mime-apps-files () "The mimeapps.list and mimeinfo.cache files to read, most important first."
  (let ((apps (lambda (dir) (expand-file-name "applications" dir))))
    (append (list (expand-file-name "mimeapps.list" (xdg-config-home))
                  (expand-file-name "mimeapps.list" (funcall apps (xdg-data-home))))
            (mapcar (lambda (dir) (expand-file-name "mimeapps.list" dir)) (xdg-config-dirs))
            (mapcar (lambda (dir) (expand-file-name "mimeapps.list" (funcall apps dir))) (xdg-data-dirs))
            (mapcar (lambda (dir) (expand-file-name "mimeinfo.cache" (funcall apps dir))) (xdg-data-dirs)))))

(defun xdg-mime-collect-associations (mime files) "The desktop file names FILES associate with MIME, in order, without repeats.
Defaults, added associations and the MIME cache add; removed associations keep
a name out of what later groups and files add."
  (let ((found nil) (removed nil))
    (dolist (file files)
      (when (file-readable-p file)
        (xdg--in-file file
          (let ((section nil))
            (while (not (eobp))
              (cond ((looking-at (concat xdg-desktop-group-regexp "[[:blank:]]*$"))
                     (setq section (match-string 1)))
                    ((and section (looking-at "\\([^=\n]+\\)=\\(.*\\)")
                          (equal (match-string 1) mime))
                     (let ((names (xdg-desktop-strings (match-string 2))))
                       (if (equal section "Removed Associations")
                           (setq removed (append removed names))
                         (when (member section '("Default Applications" "Added Associations" "MIME Cache"))
                           (dolist (name names)
                             (unless (or (member name removed) (member name found))
                               (setq found (append found (list name))))))))))
              (forward-line 1))))))
    found))

(defun xdg-mime-apps (mime) "The desktop files of the applications associated with MIME (\"TYPE/SUBTYPE\") that exist."
  (let* ((parts (split-string mime "/"))
         (type (car parts)) (subtype (cadr parts))
         (cell (or (assoc type xdg-mime-table)
                   (car (push (cons type (make-hash-table :test #'equal)) xdg-mime-table)))))
    (pcase (gethash subtype (cdr cell) 'unknown)
      ('unknown
       (let* ((dirs (mapcar (lambda (d) (expand-file-name "applications" d))
                            (cons (xdg-data-home) (xdg-data-dirs))))
              (files (delq nil (mapcar (lambda (name) (locate-file name dirs))
                                       (xdg-mime-collect-associations mime (xdg-mime-apps-files))))))
         (puthash subtype files (cdr cell))
         files))
      (known known))))

(provide 'xdg)

;;; xdg.el ends here
