;;; uniquify.el --- uniquify's items and proposed buffer names  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.  The
;; renaming itself (NAME<DIR> for buffers visiting files of one name) is
;; done by files.el; this file adds uniquify's record of a buffer to
;; rename and the names it would propose under each style.  GNU preloads
;; uniquify; tsmacs autoloads it (autoloads.el).

(require 'cl-lib)

;; The options every session has bound, whether or not this file is loaded
;; (autoload-vars.el takes the whole group).
;;;###autoload
(progn
  (defvar uniquify-separator nil "String between a buffer's base name and its directory part, or nil for the style's own.")
  (defvar uniquify-trailing-separator-p nil "Non-nil means a directory's buffer name ends with a separator.")
  (defvar uniquify-min-dir-content 0 "The fewest directory components a proposed name shows.")
  (defvar uniquify-ignore-buffers-re nil "Regexp of buffer names uniquify leaves alone, or nil.")
  (defvar uniquify-list-buffers-directory-modes '(dired-mode cvs-mode vc-dir-mode) "Modes whose buffers uniquify names after `list-buffers-directory'."))
(defvar-local uniquify-managed nil "The uniquify items of the group this buffer's name belongs to, or nil.")
(put 'uniquify-managed 'permanent-local t)

;;;###autoload
(defvar cl-struct-uniquify-item-tags nil "The tags of `uniquify-item' records.")
(cl-struct-define 'uniquify-item "One buffer uniquify names: its base name, directory, buffer and proposal."
                  'cl-structure-object 'record nil
                  '((cl-tag-slot) (base) (dirname) (buffer) (proposed) (original-dirname))
                  'cl-struct-uniquify-item-tags 'uniquify-item t)

(defun uniquify-make-item (base dirname buffer &optional proposed original-dirname) "Return a new uniquify item of BASE, DIRNAME, BUFFER, PROPOSED and ORIGINAL-DIRNAME."
  (record 'uniquify-item base dirname buffer proposed original-dirname))

(defun uniquify-item-p (object) "Return t if OBJECT is a uniquify item."
  (and (memq (type-of object) cl-struct-uniquify-item-tags) t))

(defun uniquify--slot (item n) "Return slot N of ITEM, which must be a uniquify item."
  (unless (uniquify-item-p item)
    (signal 'wrong-type-argument (list 'uniquify-item item)))
  (aref item n))

(defun uniquify-item-base (item) "Return the base name of the uniquify ITEM." (uniquify--slot item 1))
(defun uniquify-item-dirname (item) "Return the directory of the uniquify ITEM." (uniquify--slot item 2))
(defun uniquify-item-buffer (item) "Return the buffer of the uniquify ITEM." (uniquify--slot item 3))
(defun uniquify-item-proposed (item) "Return the name proposed for the uniquify ITEM." (uniquify--slot item 4))
(defun uniquify-item-original-dirname (item) "Return the directory the uniquify ITEM started with." (uniquify--slot item 5))

(defun uniquify-item-greaterp (item1 item2) "Return non-nil if ITEM1's proposed name sorts after ITEM2's."
  (string-lessp (uniquify-item-proposed item2) (uniquify-item-proposed item1)))

(defun uniquify--tail-of (dirname depth) "Return the last DEPTH components of DIRNAME, and whether they reach its start."
  (let* ((parts (split-string dirname "/"))
         (absolute (and (cdr parts) (equal (car parts) "")))
         (names (if absolute (cdr parts) parts))
         (names (if (equal names '("")) nil names))
         (whole (>= depth (length names))))
    (list (last names (min depth (length names))) (and whole absolute))))

;; GNU defines this error with cl-lib's assertions, which it preloads.
(unless (get 'cl-assertion-failed 'error-conditions)
  (define-error 'cl-assertion-failed "Assertion failed"))

(defun uniquify-get-proposed-name (base dirname &optional depth _original-dirname) "Return the name BASE in DIRNAME would get, showing DEPTH directory components.
The form follows `uniquify-buffer-name-style'.  DIRNAME must not
end in a slash."
  (unless (equal (directory-file-name dirname) dirname)
    (signal 'cl-assertion-failed (list '(equal (directory-file-name dirname) dirname))))
  (file-remote-p dirname)
  (let* ((depth (or depth 0))
         (tail (uniquify--tail-of dirname depth))
         (parts (car tail))
         (rooted (cadr tail)))
    (when (and (> depth 0) (null parts))
      ;; The root alone shows as an empty directory part.
      (setq parts '("") rooted nil))
    (if (= depth 0)
        base
      (let ((sep (or uniquify-separator "|")))
        (pcase uniquify-buffer-name-style
          ('forward
           (let ((dir (concat (if rooted "/" "") (mapconcat #'identity parts "/"))))
             (cond ((equal base "") dir)
                   ((equal dir "/") (concat dir base))
                   (t (concat dir "/" base)))))
          ('reverse
           (let ((s (or uniquify-separator "\\")))
             (concat base (mapconcat (lambda (p) (concat s p)) (reverse parts) "")
                     (if rooted s ""))))
          ('post-forward
           (concat base sep (if rooted "/" "") (mapconcat #'identity parts "/")))
          ('post-forward-angle-brackets
           (let ((dir (concat (if rooted "/" "") (mapconcat #'identity parts "/"))))
             (if (equal base "") dir (concat base "<" dir ">"))))
          (_ (error "Bad value for uniquify-buffer-name-style: %s" uniquify-buffer-name-style)))))))

(defun uniquify-buffer-file-name (buffer) "Return the directory, without final slash, of the file BUFFER visits, or nil."
  (with-current-buffer buffer
    (let ((file (or buffer-file-name
                    (and (memq major-mode uniquify-list-buffers-directory-modes)
                         (bound-and-true-p list-buffers-directory)))))
      (and file (directory-file-name (file-name-directory (expand-file-name (directory-file-name file))))))))

(defun uniquify-buffer-base-name () "Return the base name of the current buffer if uniquify named it, else nil."
  (and buffer-file-name
       (let ((base (file-name-nondirectory buffer-file-name)))
         (and (string-prefix-p base (buffer-name)) base))))

;;;; Renaming a group of buffers until their names differ

(defvar uniquify--renaming nil "Non-nil while uniquify itself renames a buffer, which then keeps its group.")

(defvar uniquify-possibly-resolvable nil "Non-nil while going deeper into the directories may still tell a conflicting group apart.")

(defun uniquify--dir-components (dirname) "Return the components of DIRNAME and whether it is absolute."
  (let ((parts (split-string dirname "/")))
    (if (and (cdr parts) (equal (car parts) ""))
        (cons (delete "" (cdr parts)) t)
      (cons (delete "" parts) nil))))

(defun uniquify--shared-tail (items) "Return how many directory components at the end all ITEMS share, leaving each one at least one of its own."
  (let* ((split (mapcar (lambda (it) (reverse (car (uniquify--dir-components (uniquify-item-dirname it)))))
                        items))
         (limit (1- (apply #'min (mapcar #'length split))))
         (n 0))
    (while (and (< n limit)
                (let ((c (nth n (car split))))
                  (cl-every (lambda (parts) (equal (nth n parts) c)) (cdr split))))
      (setq n (1+ n)))
    n))

(defun uniquify--without-tail (dirname n) "Return DIRNAME less its last N components."
  (let* ((d (uniquify--dir-components dirname))
         (kept (butlast (car d) n)))
    (concat (if (cdr d) "/" "") (mapconcat #'identity kept "/"))))

(defun uniquify-rename-buffer (item newname) "Give the buffer of ITEM the name NEWNAME (made unique) unless it has it already.
Return the name given, or nil when nothing changed."
  (let ((buffer (uniquify-item-buffer item)))
    (unless (equal newname (buffer-name buffer))
      (with-current-buffer buffer
        (let ((uniquify--renaming t))
          (rename-buffer newname t))))))

(defun uniquify-rationalize-conflicting-sublist (conf-list old-name depth) "Tell apart the items of CONF-LIST, all proposing OLD-NAME at DEPTH.
One item alone gets OLD-NAME unless another buffer has it.  Otherwise
the items are shown one directory deeper
while that still changes a proposal; a group it cannot tell apart keeps
its names.  Return the last name given, or nil."
  (cond ((null conf-list) nil)
        ((and (null (cdr conf-list))
              (let ((holder (get-buffer old-name)))
                (or (null holder) (eq holder (uniquify-item-buffer (car conf-list))))))
         (uniquify-rename-buffer (car conf-list) old-name))
        (uniquify-possibly-resolvable
         (setq uniquify-possibly-resolvable nil)
         (let ((deeper (1+ depth)))
           (dolist (item conf-list)
             (let ((name (uniquify-get-proposed-name (uniquify-item-base item)
                                                     (uniquify-item-dirname item)
                                                     deeper
                                                     (uniquify-item-original-dirname item))))
               (unless (equal name (uniquify-item-proposed item))
                 (setq uniquify-possibly-resolvable t))
               (setf (aref item 4) name)))
           (uniquify-rationalize-a-list conf-list deeper)))))

(defun uniquify-rationalize-a-list (fix-list &optional depth) "Rename the buffers of the items FIX-LIST from their proposals, going deeper where proposals clash.
DEPTH, by default `uniquify-min-dir-content', is how many directory
components the proposals show.  Return the last name given, or nil."
  (let ((depth (or depth uniquify-min-dir-content))
        (sorted (sort (copy-sequence fix-list) #'uniquify-item-greaterp))
        (result nil))
    (while sorted
      (let* ((name (uniquify-item-proposed (car sorted)))
             (group (list (car sorted))))
        (setq sorted (cdr sorted))
        (while (and sorted (equal (uniquify-item-proposed (car sorted)) name))
          (push (car sorted) group)
          (setq sorted (cdr sorted)))
        (setq result (uniquify-rationalize-conflicting-sublist (nreverse group) name depth))))
    result))

(defun uniquify-rationalize (fix-list) "Give the buffers of the uniquify items FIX-LIST names that tell them apart.
Each buffer is told FIX-LIST is its group (`uniquify-managed').
With `uniquify-strip-common-suffix', directories all the items share
at the end are left out.  Return the last name given, or nil."
  (dolist (item fix-list)
    (with-current-buffer (uniquify-item-buffer item)
      (setq uniquify-managed fix-list))
    (setf (aref item 4) (uniquify-get-proposed-name (uniquify-item-base item)
                                                   (uniquify-item-dirname item)
                                                   uniquify-min-dir-content
                                                   (uniquify-item-original-dirname item))))
  (setq uniquify-possibly-resolvable t)
  (let ((shared (and uniquify-strip-common-suffix (cdr fix-list)
                     (uniquify--shared-tail fix-list))))
    (uniquify-rationalize-a-list
     (if (and shared (> shared 0))
         (mapcar (lambda (item)
                   (uniquify-make-item (uniquify-item-base item)
                                       (uniquify--without-tail (uniquify-item-dirname item) shared)
                                       (uniquify-item-buffer item)
                                       (uniquify-item-proposed item)
                                       (uniquify-item-original-dirname item)))
                 fix-list)
       fix-list))))

(defun uniquify-rerationalize-w/o-cb (fix-list) "Rename again the buffers of FIX-LIST but the current buffer's, which leaves the group."
  (let ((rest (cl-remove-if (lambda (item) (eq (uniquify-item-buffer item) (current-buffer)))
                            fix-list)))
    (and rest (uniquify-rationalize rest))))

(defun uniquify-maybe-rerationalize-w/o-cb () "Rename again the rest of the current buffer's group, when it has one and `uniquify-after-kill-buffer-p' says so."
  (and uniquify-managed uniquify-after-kill-buffer-p
       (uniquify-rerationalize-w/o-cb uniquify-managed)))

(defun uniquify-unload-function () "Undo uniquify's renaming hooks before the library is unloaded; return nil so unloading goes on."
  (advice-remove 'rename-buffer #'uniquify--rename-buffer-advice)
  (advice-remove 'create-file-buffer #'uniquify--create-file-buffer-advice)
  nil)

;;;; Keeping names up to date as buffers are made and renamed

(defun uniquify-rationalize-file-buffer-names (base dirname newbuf) "Rename NEWBUF, a buffer for the file BASE in DIRNAME, and the other buffers of files called BASE, so that their names differ.
Return the last name given, or nil."
  (interactive)
  (let ((items (list (uniquify-make-item base dirname newbuf))))
    (dolist (b (buffer-list))
      (unless (eq b newbuf)
        (let ((dir (uniquify-buffer-file-name b)))
          (when (and dir
                     (equal (file-name-nondirectory (buffer-local-value 'buffer-file-name b)) base)
                     (string-search base (buffer-name b)))
            (push (uniquify-make-item base dir b) items)))))
    (prog1 (uniquify-rationalize items)
      (unless (cdr items)
        (with-current-buffer newbuf (setq uniquify-managed nil))))))

(defun uniquify--create-file-buffer-advice (basefn filename &rest args) "Around `create-file-buffer': make the buffer with BASEFN from FILENAME and ARGS, then name it apart from its namesakes."
  (let ((buffer (apply basefn filename args)))
    (when uniquify-buffer-name-style
      (let ((file (expand-file-name (directory-file-name filename))))
        (uniquify-rationalize-file-buffer-names
         (file-name-nondirectory file)
         (directory-file-name (file-name-directory file))
         buffer)))
    buffer))

(defun uniquify--rename-buffer-advice (rb-fun newname &optional unique &rest args) "Around `rename-buffer': the buffer leaves its uniquify group, RB-FUN renames it to NEWNAME (UNIQUE and ARGS passed on).
A buffer visiting a file then joins the buffers of files called NEWNAME.
Return the buffer's name when uniquify renamed buffers, else what RB-FUN gave, else NEWNAME."
  (when (and uniquify-managed (not uniquify--renaming))
    (let ((group uniquify-managed))
      (setq uniquify-managed nil)
      (uniquify-rerationalize-w/o-cb group)))
  (let* ((given (apply rb-fun newname unique args))
         (dir (and uniquify-buffer-name-style (not uniquify--renaming)
                   (uniquify-buffer-file-name (current-buffer))))
         (named (and dir (uniquify-rationalize-file-buffer-names newname dir (current-buffer)))))
    (or (and named (buffer-name)) given newname)))

(provide 'uniquify)
