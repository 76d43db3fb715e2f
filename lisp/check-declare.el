;;; check-declare.el --- verify `declare-function' statements  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.  A
;; `declare-function' says a function is defined in some file, with some
;; argument list; this library reads the declarations of files and checks
;; each against the file it names.

(require 'cl-lib)

(defvar check-declare-warning-buffer "*Check Declarations Warnings*" "The buffer that collects the warnings of check-declare.")

(defvar check-declare-ext-errors nil "When non-nil, declarations naming \"ext:\" files are checked too.")

(defun check-declare-locate (file basefile) "Return the source file FILE, from a declaration in BASEFILE, refers to.
A name starting with \".\" or \"ext:\" (kept in front of the result), an
absolute one, or one no library is found for, is taken from BASEFILE's
directory; another is the library of that name.  \".el\" is added when
missing, and the result is relative to `default-directory'."
  (let* ((ext (string-prefix-p "ext:" file))
         (name (if ext (substring file 4) file))
         (found (and (not ext)
                     (not (string-prefix-p "." name))
                     (not (file-name-absolute-p name))
                     (locate-library (if (string-suffix-p ".el" name) name
                                       (concat name ".el"))
                                     t)))
         (path (or found
                   (let ((el (if (string-suffix-p ".el" name) name
                               (concat name ".el"))))
                     (expand-file-name el (if (equal basefile "")
                                              default-directory
                                            (file-name-directory
                                             (expand-file-name basefile))))))))
    (concat (if ext "ext:" "") (file-relative-name path))))

(defun check-declare--read-declaration () "Read the declaration whose name follows point; return (FN FILE ARGLIST FILEONLY), or :malformed."
  (condition-case nil
      (let* ((fn (read (current-buffer)))
             (file (read (current-buffer)))
             (rest (save-excursion
                     (let ((items nil))
                       (condition-case nil
                           (while t (push (read (current-buffer)) items))
                         (error nil))
                       (nreverse items))))
             (arglist (if rest (car rest) t))
             (fileonly (cadr rest)))
        (if (and (symbolp fn) (stringp file)
                 (or (eq arglist t) (listp arglist))
                 (memq fileonly '(nil t))
                 (<= (length rest) 2))
            (list fn file arglist fileonly)
          (list :malformed fn file)))
    (error (list :malformed nil nil))))

(defun check-declare-scan (file) "Return the `declare-function' statements of FILE, the last one first.
Each is (FNFILE FN ARGLIST FILEONLY): FNFILE as `check-declare-locate'
gives it, FN the function's name as a string, ARGLIST t when the
declaration has none.  Only declarations starting a line count; a
malformed one is warned about and left out."
  (let ((found nil))
    (with-temp-buffer
      (insert-file-contents file)
      (emacs-lisp-mode)
      (goto-char (point-min))
      (while (re-search-forward "^[ \t]*(declare-function[ \t\n]+" nil t)
        (unless (nth 8 (syntax-ppss))
          (let ((line (line-number-at-pos))
                (decl (save-excursion (check-declare--read-declaration))))
            (if (eq (car decl) :malformed)
                (check-declare-warn (file-relative-name file)
                                    (format "%s" (nth 1 decl))
                                    (nth 2 decl) "Malformed declaration" line)
              (pcase-let ((`(,fn ,fnfile ,arglist ,fileonly) decl))
                (push (list (check-declare-locate fnfile file)
                            (symbol-name fn) arglist fileonly)
                      found)))))))
    found))

(defconst check-declare--definers
  '(defun defsubst cl-defun cl-defsubst cl-defmethod cl-defgeneric defalias
    define-derived-mode define-minor-mode define-global-minor-mode
    define-globalized-minor-mode define-generic-mode)
  "The forms whose definitions a declaration may name (not macros).")

(defun check-declare--definition-arglist (form) "The argument list FORM defines its function with, or t when it cannot be told."
  (pcase (car form)
    ((or 'defalias 'define-generic-mode) t)
    ('define-derived-mode nil)
    ((or 'define-minor-mode 'define-global-minor-mode 'define-globalized-minor-mode)
     '(&optional arg))
    ((or 'cl-defmethod 'cl-defgeneric)
     ;; Skip the qualifiers; a specialized argument counts by its name.
     (let ((tail (cddr form)))
       (while (and tail (not (listp (car tail)))) (setq tail (cdr tail)))
       (mapcar (lambda (a) (if (consp a) (car a) a)) (car tail))))
    (_ (nth 2 form))))

(defun check-declare--definitions (fnfile) "Return an alist (NAME . ARGLIST) of the functions the file FNFILE defines at top level."
  (let ((defs nil))
    (with-temp-buffer
      (insert-file-contents fnfile)
      (goto-char (point-min))
      (condition-case nil
          (while t
            (let ((form (read (current-buffer))))
              (when (and (consp form) (memq (car form) check-declare--definers))
                (let ((name (nth 1 form)))
                  (when (eq (car-safe name) 'quote) (setq name (cadr name)))
                  (when (and name (symbolp name))
                    (push (cons (symbol-name name)
                                (check-declare--definition-arglist form))
                          defs))))))
        (error nil)))
    defs))

(defun check-declare--arity (arglist) "The arity (MIN . MAX) of ARGLIST; MAX is `many' when it takes any number of arguments."
  (let ((min 0) (max 0) (state 'required))
    (dolist (a arglist)
      (cond
       ((eq a '&optional) (setq state 'optional))
       ((memq a '(&rest &body &key)) (setq state 'many max 'many))
       ((memq a '(&aux &allow-other-keys)) (setq state 'done))
       ((eq state 'required) (setq min (1+ min) max (1+ max)))
       ((eq state 'optional) (setq max (1+ max)))))
    (cons min max)))

(defun check-declare-verify (fnfile fnlist) "Check the declarations FNLIST, each (FILE FN ARGLIST [FILEONLY]), against FNFILE.
Return the problems, the last one first, each (FILE FN PROBLEM):
\"file not found\", \"function not found\" (not for a FILEONLY one) or
\"arglist mismatch\" (the numbers of arguments taken differ; not
checked for an ARGLIST of t)."
  (let ((real (if (string-prefix-p "ext:" fnfile) (substring fnfile 4) fnfile))
        (problems nil))
    (if (not (file-exists-p real))
        (dolist (decl fnlist)
          (push (list (nth 0 decl) (nth 1 decl) "file not found") problems))
      (let ((defs (check-declare--definitions real)))
        (dolist (decl fnlist)
          (pcase-let ((`(,file ,fn ,arglist ,fileonly) decl))
            (let ((def (assoc fn defs)))
              (cond
               ((null def)
                (unless fileonly
                  (push (list file fn "function not found") problems)))
               ((or (eq arglist t) (eq (cdr def) t)))
               ((not (equal (check-declare--arity arglist)
                            (check-declare--arity (cdr def))))
                (push (list file fn "arglist mismatch") problems))))))))
    problems))

(defun check-declare-sort (alist) "Group ALIST, whose elements are (FILE (FNFILE . REST)), by FNFILE.
Return a list of (FNFILE (FILE . REST)...), the group seen last first,
each group's entries in their order in ALIST."
  (let ((groups nil))
    (dolist (entry alist)
      (let* ((item (cadr entry))
             (key (car item))
             (group (assoc key groups))
             (member (cons (car entry) (cdr item))))
        (if group
            (setcdr group (append (cdr group) (list member)))
          (push (list key member) groups))))
    groups))

(defun check-declare-warn (file fn fnfile type &optional line) "Report that FILE, at LINE, said FN was defined in FNFILE, and TYPE is the problem.
The warning goes to `check-declare-warning-buffer', and to stderr in batch."
  (let ((text (format-message "%s:%d:Warning (check-declare): said `%s' was defined in %s:\n    %s"
                              file (or line 0) fn fnfile type)))
    (when noninteractive (message "%s" text))
    (with-current-buffer (get-buffer-create check-declare-warning-buffer)
      (let ((inhibit-read-only t))
        (goto-char (point-max))
        (insert text "\n")))
    nil))

(defun check-declare-files (&rest files) "Check the `declare-function' statements of FILES; warn of each problem and return them.
The result is a list of (FNFILE (FILE FN PROBLEM)...)."
  (let ((by-fnfile nil) (problems nil))
    (dolist (file files)
      (dolist (decl (check-declare-scan file))
        (let ((group (assoc (car decl) by-fnfile)))
          (unless group
            (setq group (list (car decl)))
            (push group by-fnfile))
          (setcdr group (append (cdr group)
                                (list (cons (file-relative-name file) (cdr decl))))))))
    (dolist (group by-fnfile)
      (let ((fnfile (car group)))
        (unless (and (string-prefix-p "ext:" fnfile) (not check-declare-ext-errors))
          (dolist (err (check-declare-verify fnfile (cdr group)))
            (check-declare-warn (nth 0 err) (nth 1 err) fnfile (nth 2 err))
            (push (list fnfile err) problems)))))
    (check-declare-sort problems)))

(defun check-declare-file (file) "Check the `declare-function' statements of FILE; return the problems found."
  (interactive "fFile to check: ")
  (check-declare-files (expand-file-name file)))

(defun check-declare-directory (root) "Check the `declare-function' statements of every Lisp file under ROOT."
  (interactive "DDirectory to check: ")
  (apply #'check-declare-files
         (directory-files-recursively (expand-file-name root) "\\.el\\'")))

(provide 'check-declare)
