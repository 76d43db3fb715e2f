;;; ls-lisp.el --- `insert-directory' done in Lisp, without the ls program  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and the
;; Emacs manual's "ls in Lisp" node.  Loading this file puts an :around
;; advice on `insert-directory': when `ls-lisp-use-insert-directory-program'
;; is nil the listing is made here from `file-attributes', in `ls -l' form
;; whatever the switches, with the switches that pick files, order and
;; columns honoured (a, A, B, c, d, F, h, i, r, R, s, S, t, u, U, X,
;; --group-directories-first).  Unloading takes the advice off again.

;;; Code:

(require 'cl-lib)

(defgroup ls-lisp nil "Directory listings made in Lisp rather than by the ls program." :group 'dired)

(dolist (opt '((ls-lisp-emulation nil symbol "Platform whose ls is emulated; nil: GNU.")
               (ls-lisp-ignore-case nil boolean "Non-nil means names sort without regard to case.")
               (ls-lisp-dirs-first nil boolean "Non-nil means directories are listed before files.")
               (ls-lisp-verbosity (links uid gid) (set (const links) (const uid) (const gid))
                                  "Which of the link count, owner and group columns appear.")
               (ls-lisp-use-insert-directory-program t boolean
                                                     "Non-nil means `insert-directory' runs the ls program as before.")
               (ls-lisp-use-string-collate t boolean "Non-nil means names sort by `string-collate-lessp'.")
               (ls-lisp-use-localized-time-format nil boolean
                                                  "Non-nil means times follow `ls-lisp-format-time-list'.")
               (ls-lisp-format-time-list ("%b %e %H:%M" "%b %e  %Y") (list string string)
                                         "Time formats for recent and for older files, when localized.")
               (ls-lisp-support-shell-wildcards t boolean "Non-nil means file patterns are shell wildcards.")))
  (custom-declare-variable (car opt) `',(nth 1 opt) (nth 3 opt) :type `',(nth 2 opt) :group 'ls-lisp))

(defconst ls-lisp--half-year (* 60 60 24 182) "Files older than this many seconds show the year, not the time.")

(defun ls-lisp--flags (switches) "The single-letter options of SWITCHES (a string or list), and the long ones, as (CHARS . LONGS)."
  (let ((words (if (listp switches) switches (split-string (or switches "") " " t)))
        (chars nil) (longs nil))
    (dolist (w words)
      (cond ((string-prefix-p "--" w) (push w longs))
            ((string-prefix-p "-" w) (setq chars (append (string-to-list (substring w 1)) chars)))))
    (cons chars longs)))

(defun ls-lisp--entries (dir chars) "Attributes of the entries of DIR that CHARS (the ls options) ask for: ((NAME . ATTRS)...)."
  (let ((all (directory-files-and-attributes dir nil nil t 'string)))
    (cond ((memq ?a chars) all)
          ((memq ?A chars) (cl-remove-if (lambda (e) (member (car e) '("." ".."))) all))
          (t (cl-remove-if (lambda (e) (or (string-prefix-p "." (car e))
                                            (and (memq ?B chars) (string-suffix-p "~" (car e)))))
                           all)))))

(defun ls-lisp--time (attrs chars) "The time CHARS pick from ATTRS: change (c), access (u) or modification."
  (cond ((memq ?c chars) (file-attribute-status-change-time attrs))
        ((memq ?u chars) (file-attribute-access-time attrs))
        (t (file-attribute-modification-time attrs))))

(defun ls-lisp--order (entries chars longs) "ENTRIES sorted as the ls options CHARS and LONGS say."
  (let* ((name-less (lambda (a b)
                      (let ((x (car a)) (y (car b)))
                        (when ls-lisp-ignore-case (setq x (downcase x) y (downcase y)))
                        (string< x y))))
         (sorted (if (memq ?U chars) entries (sort (copy-sequence entries) name-less))))
    (unless (memq ?U chars)
      (cond ((memq ?t chars)
             (setq sorted (sort sorted (lambda (a b) (time-less-p (ls-lisp--time (cdr b) chars)
                                                                  (ls-lisp--time (cdr a) chars))))))
            ((memq ?S chars)
             (setq sorted (sort sorted (lambda (a b) (> (file-attribute-size (cdr a)) (file-attribute-size (cdr b)))))))
            ((memq ?X chars)
             (setq sorted (sort sorted (lambda (a b) (string< (ls-lisp--extension (car a)) (ls-lisp--extension (car b))))))))
      (when (memq ?r chars) (setq sorted (nreverse sorted))))
    (if (or ls-lisp-dirs-first (member "--group-directories-first" longs))
        (append (cl-remove-if-not (lambda (e) (eq (file-attribute-type (cdr e)) t)) sorted)
                (cl-remove-if (lambda (e) (eq (file-attribute-type (cdr e)) t)) sorted))
      sorted)))

(defun ls-lisp--pad (text width &optional right) "TEXT padded with spaces to WIDTH columns, on the left when RIGHT (right-aligned)."
  (let ((gap (make-string (max 0 (- width (string-width text))) ?\s)))
    (if right (concat gap text) (concat text gap))))

(defun ls-lisp--extension (name) "What follows the last dot of NAME, or the empty string."
  (let ((dot (string-match "\\.[^.]*\\'" name)))
    (if dot (substring name (1+ dot)) "")))

(defun ls-lisp--kib (bytes) "BYTES in 1024-byte blocks, rounded up."
  (ceiling bytes 1024.0))

(defun ls-lisp--human (size) "SIZE the short way: 2k, 15M..."
  (if (< size 1024) (number-to-string size)
    (file-size-human-readable size)))

(defun ls-lisp--when (time chars) "TIME as the listing shows it: month, day and hour when recent, else the date."
  (ignore chars)
  (let ((recent (< (abs (float-time (time-subtract nil time))) ls-lisp--half-year)))
    (format-time-string (if ls-lisp-use-localized-time-format
                            (if recent (car ls-lisp-format-time-list) (cadr ls-lisp-format-time-list))
                          (if recent "%m-%d %H:%M" "%Y-%m-%d "))
                        time)))

(defun ls-lisp--suffix (attrs) "The -F indicator of a file with ATTRS."
  (let ((type (file-attribute-type attrs)) (modes (file-attribute-modes attrs)))
    (cond ((eq type t) "/")
          ((stringp type) "@")
          ((string-match-p "x" (substring modes 1)) "*")
          ((eq (aref modes 0) ?p) "|")
          ((eq (aref modes 0) ?s) "=")
          (t ""))))

(defun ls-lisp--lines (entries chars &optional widths-from) "Insert the long lines of ENTRIES, laid out for the ls options CHARS.
The size column is as wide as the largest size of WIDTHS-FROM (ENTRIES by default)."
  (let* ((human (memq ?h chars))
         (size-text (lambda (e) (let ((n (file-attribute-size (cdr e)))) (if human (ls-lisp--human n) (number-to-string n)))))
         (sizes (mapcar size-text entries))
         (size-width (if human 6 (apply #'max 1 (mapcar (lambda (e) (length (funcall size-text e))) (or widths-from entries)))))
         (links (mapcar (lambda (e) (number-to-string (file-attribute-link-number (cdr e)))) entries))
         (link-width (apply #'max 1 (mapcar #'length links)))
         (owner (lambda (a) (format "%s" (file-attribute-user-id a))))
         (group (lambda (a) (format "%s" (file-attribute-group-id a))))
         (owner-width (apply #'max 1 (mapcar (lambda (e) (length (funcall owner (cdr e)))) entries)))
         (group-width (apply #'max 1 (mapcar (lambda (e) (length (funcall group (cdr e)))) entries)))
         (blocks (mapcar (lambda (e) (number-to-string (ls-lisp--kib (file-attribute-size (cdr e))))) entries))
         (block-width (apply #'max 1 (mapcar #'length blocks))))
    (cl-loop for (name . attrs) in entries for size in sizes for link in links for blk in blocks do
             (insert (if (memq ?i chars) (format "%19d " (file-attribute-inode-number attrs)) "")
                     (if (memq ?s chars) (concat (ls-lisp--pad blk block-width t) " ") "")
                     (file-attribute-modes attrs)
                     (if (memq 'links ls-lisp-verbosity) (concat " " (ls-lisp--pad link (1+ link-width) t)) "")
                     (if (memq 'uid ls-lisp-verbosity) (concat " " (ls-lisp--pad (funcall owner attrs) owner-width)) "")
                     (if (memq 'gid ls-lisp-verbosity) (concat " " (ls-lisp--pad (funcall group attrs) group-width)) "")
                     " " (ls-lisp--pad size size-width t)
                     " " (ls-lisp--when (ls-lisp--time attrs chars) chars)
                     " " (propertize name 'dired-filename t)
                     (if (memq ?F chars) (ls-lisp--suffix attrs) "")
                     (if (stringp (file-attribute-type attrs)) (concat " -> " (file-attribute-type attrs)) "")
                     "\n"))))

(defun ls-lisp--total (entries) "The `total' line of ENTRIES: their size in KiB, rounded up."
  (format "total %d\n" (ls-lisp--kib (apply #'+ 0 (mapcar (lambda (e) (file-attribute-size (cdr e))) entries)))))

(defun ls-lisp--list-directory (dir chars longs top) "Insert the listing of the directory DIR for the ls options CHARS and LONGS.
TOP nil means a subdirectory of -R, which gets its name first."
  (let ((entries (ls-lisp--order (ls-lisp--entries dir chars) chars longs)))
    (unless top (insert "\n" (directory-file-name dir) ":\n"))
    (insert (ls-lisp--total entries))
    (ls-lisp--lines entries chars)
    (when (memq ?R chars)
      (dolist (e entries) (when (and (eq (file-attribute-type (cdr e)) t) (not (member (car e) '("." ".."))))
          (ls-lisp--list-directory (expand-file-name (car e) dir) chars longs nil))))))

(defun ls-lisp-insert-directory (file switches &optional wildcard full-directory-p) "Insert the listing of FILE for SWITCHES, made in Lisp.
WILDCARD means FILE's last part is a shell pattern; FULL-DIRECTORY-P
means FILE is a directory whose contents are listed."
  (let* ((flags (ls-lisp--flags switches)) (chars (car flags)) (longs (cdr flags))
         (start (point))) (cond
     (wildcard
      (let* ((dir (file-name-directory (expand-file-name file)))
             (pattern (file-name-nondirectory file))
             (regexp (if ls-lisp-support-shell-wildcards (wildcard-to-regexp pattern) pattern))
             (entries (ls-lisp--order (cl-remove-if-not (lambda (e) (string-match-p regexp (car e)))
                                                        (ls-lisp--entries dir (cons ?a chars)))
                                      chars longs)))
        (insert (ls-lisp--total entries))
        (ls-lisp--lines entries chars)
        (files--rewrite-total-line start dir)))
     ((and full-directory-p (not (memq ?d chars)))
      (ls-lisp--list-directory (file-name-as-directory (expand-file-name file)) chars longs t)
      (files--rewrite-total-line start (expand-file-name file)))
     (t
      (let ((attrs (file-attributes file 'string)))
        (unless attrs (signal 'file-error (list "Reading directory" "Directory doesn't exist or is inaccessible" file)))
        (ls-lisp--lines (list (cons file attrs)) chars
                        (ignore-errors (ls-lisp--entries (file-name-directory (expand-file-name file)) nil))))))))

(defun ls-lisp--insert-directory (orig-fun file switches &optional wildcard full-directory-p) "Around advice of `insert-directory': make the listing in Lisp.
Unless `ls-lisp-use-insert-directory-program' says to call ORIG-FUN with
FILE, SWITCHES, WILDCARD and FULL-DIRECTORY-P as before."
  (if ls-lisp-use-insert-directory-program (funcall orig-fun file switches wildcard full-directory-p) (let ((handler (find-file-name-handler (expand-file-name file) 'insert-directory)))
      (if handler
          (funcall handler 'insert-directory file switches wildcard full-directory-p)
        (ls-lisp-insert-directory file switches wildcard full-directory-p)))))

(advice-add 'insert-directory :around #'ls-lisp--insert-directory)

(defun ls-lisp-unload-function () "Take `ls-lisp--insert-directory' off `insert-directory' when ls-lisp is unloaded."
  (advice-remove 'insert-directory #'ls-lisp--insert-directory) nil)

(provide 'ls-lisp)
;;; ls-lisp.el ends here
