;;; files-x.el --- editing the file-local variables of the current buffer  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.  These
;; commands edit the text that declares file-local variables: the
;; "Local Variables:" list near the end of the buffer and the -*- line
;; at its top.  They change only the buffer; the variables take effect
;; when the file is visited again.  Autoloaded (autoloads.el).

(defun files-x--comment-lead (fallback) "Return the comment opener local variable lines start with, or FALLBACK if the mode has none."
  (if (not comment-start)
      fallback
    (let ((lead (string-trim-right comment-start))
          (reps (1+ (if (integerp comment-add) comment-add 0))))
      (mapconcat (lambda (_) lead) (make-list reps nil) ""))))

(defun files-x--comment-tail () "Return the text, with its leading space, closing a local variable line."
  (let ((tail (if comment-end (string-trim-left comment-end) "")))
    (if (equal tail "") "" (concat " " tail))))

(defun files-x--entry (variable value) "Return the text VARIABLE: VALUE, both as `prin1' writes them."
  (concat (format "%S" variable) ": " (prin1-to-string value)))

(defun files-x--revisit-note (interactive) "Tell, if INTERACTIVE, that the change needs the file visited again; return the message."
  (when interactive
    (message "For this change to take effect revisit file using %s"
             (substitute-command-keys "\\[revert-buffer]"))))

;;;; The Local Variables list

(defun files-x--list-bounds () "Return (FIRST END PREFIX SUFFIX) for the Local Variables list, or nil if there is none.
FIRST is where the first entry line begins, END where the End line
begins."
  (save-excursion (goto-char (point-max))
    (let ((floor (max (point-min) (- (point-max) 3000))))
      (when (search-backward "\n\f" floor t) (setq floor (point)))
      (goto-char (point-max))
      (let ((case-fold-search t)) ; GNU finds the list in any letter case
        (when (search-backward "Local Variables:" floor t)
          (let* ((prefix (buffer-substring (line-beginning-position) (point)))
                 (suffix (buffer-substring (match-end 0) (line-end-position)))
                 (first (progn (forward-line 1) (point)))
                 (end-re (concat "^" (regexp-quote prefix) "End:")))
            (if (re-search-forward end-re nil t)
                (list first (line-beginning-position) prefix suffix)
              (message "Local variables list is not properly terminated")
              nil)))))))

(defun files-x--new-list () "Add an empty Local Variables list at the end of the buffer and return its bounds."
  (let ((prefix (concat (files-x--comment-lead ";;") " "))
        (suffix (files-x--comment-tail)))
    (save-excursion (goto-char (point-max))
      (insert "\n" prefix "Local Variables:" suffix "\n")
      (let ((first (point))) (insert prefix "End:" suffix "\n")
        (list first first prefix suffix)))))

(defun files-x--drop-list-entries (variable bounds) "Delete VARIABLE's lines from the list BOUNDS; return where the last one was, or nil."
  (pcase-let ((`(,first ,end ,prefix ,_) bounds)
              (where nil))
    (let ((re (concat "^" (regexp-quote prefix) (regexp-quote (format "%S" variable)) ":"))
          (end-marker (copy-marker end)))
      (goto-char first)
      (while (re-search-forward re end-marker t)
        (setq where (line-beginning-position))
        (delete-region where (min (point-max) (1+ (line-end-position))))
        (goto-char where))
      (set-marker end-marker nil) ; the marker is only for this search
      where)))

(defun files-x--edit-list (op variable value) "Do OP (`add' or `delete') for VARIABLE, with VALUE, in the Local Variables list."
  (let ((bounds (files-x--list-bounds)))
    (cond
     ((eq op 'delete)
      (if (not bounds)
          (message "Local Variables not found")
        (let ((where (files-x--drop-list-entries variable bounds)))
          (when where (goto-char where))
          nil)))
     (t
      (unless bounds (setq bounds (files-x--new-list)))
      (pcase-let ((`(,first ,end ,prefix ,suffix) bounds))
        (if (eq variable 'mode) (goto-char first)
          (let ((where (files-x--drop-list-entries variable bounds)))
            (goto-char (or where
                           ;; The End line moved up by what was deleted: find it again.
                           (save-excursion (goto-char first)
                             (if (re-search-forward (concat "^" (regexp-quote prefix) "End:") nil t)
                                 (line-beginning-position)
                               end))))))
        (insert prefix (files-x--entry variable value) suffix "\n")
        nil)))))

(defun files-x--read-variable (prompt) "Read a variable name with PROMPT."
  (intern (completing-read (format-prompt prompt nil) obarray
                           (lambda (s) (or (boundp s) (get s 'safe-local-variable))))))

(defun files-x--read-value (variable) "Read a Lisp value for VARIABLE."
  (read--expression (format "Add %s with value: " variable)
                    (and (boundp variable) (prin1-to-string (symbol-value variable)))))

(defun add-file-local-variable (variable value &optional interactive) "Set VARIABLE to VALUE in the buffer's Local Variables list, making the list if needed.
An existing entry for VARIABLE is replaced; `mode' entries are added
first and never replace.  INTERACTIVE non-nil says to tell that the
file must be visited again."
  (interactive
   (let ((var (files-x--read-variable "Add file-local variable")))
     (when (eq var 'lexical-binding)
       (user-error "The `%s' variable must be set at the start of the file" var))
     (list var (files-x--read-value var) t)))
  (when (eq variable 'lexical-binding)
    (user-error "The `%s' variable must be set at the start of the file" variable))
  (files-x--edit-list 'add variable value)
  (files-x--revisit-note interactive))

(defun delete-file-local-variable (variable &optional interactive) "Remove every entry for VARIABLE from the buffer's Local Variables list.
INTERACTIVE non-nil says to tell that the file must be visited again."
  (interactive (list (files-x--read-variable "Delete file-local variable") t))
  (or (files-x--edit-list 'delete variable nil)
      (files-x--revisit-note interactive)))

;;;; The -*- line

(defun files-x--prop-line () "Return (OPEN . CLOSE) for the -*- line: where its entries start and where the closing -*- begins, or nil."
  (save-excursion (goto-char (point-min))
    (when (looking-at "#!") (forward-line 1))
    (let ((eol (line-end-position)))
      (when (search-forward "-*-" eol t)
        (let ((open (point)))
          (when (search-forward "-*-" eol t)
            (cons open (- (point) 3))))))))

(defun files-x--new-prop-line () "Start a -*- line at the top of the buffer (after a #! line) and return its bounds."
  (save-excursion (goto-char (point-min))
    (when (looking-at "#!") (forward-line 1))
    (if (and comment-start
             (not (eolp)) ; an empty line is no comment
             (looking-at (concat "[ \t]*" (regexp-quote (string-trim-right comment-start)))))
        ;; A comment line already: the -*- part goes at its end.
        (progn (end-of-line) (insert "  -*-"))
      (insert (files-x--comment-lead ";;;") " -*-")
      (save-excursion (insert "-*-" (files-x--comment-tail) "\n")))
    (let ((open (point)))
      (unless (looking-at "-\\*-") (insert "-*-") (backward-char 3))
      (cons open open))))

(defun files-x--prop-entries (bounds) "Return the entries of the -*- line BOUNDS as (NAME START END), END past its semicolon and spaces."
  (let ((close (copy-marker (cdr bounds))) (entries nil))
    (save-excursion (goto-char (car bounds))
      (skip-chars-forward " \t" close)
      (while (and (< (point) close) (looking-at "\\([^ \t:;]+\\)[ \t]*:"))
        (let ((name (match-string 1)) (start (point)))
          (if (search-forward ";" close t)
              (skip-chars-forward " \t" close)
            (goto-char close))
          (push (list name start (point)) entries))))
    (set-marker close nil)
    (nreverse entries)))

(defun files-x--prop-mode-only (bounds) "If the -*- line BOUNDS names just a mode, rewrite it as a `mode' entry; return the new bounds."
  (let ((text (string-trim (buffer-substring (car bounds) (cdr bounds)))))
    (if (or (equal text "") (string-search ":" text))
        bounds
      (save-excursion (goto-char (car bounds))
        (skip-chars-forward " \t")
        (let ((word-start (point)))
          (skip-chars-forward "^ \t" (cdr bounds))
          (delete-region word-start (point))
          (insert " mode: " text "; ")))
      (files-x--prop-line))))

(defun files-x--edit-prop-line (op variable value) "Do OP (`add' or `delete') for VARIABLE, with VALUE, on the -*- line."
  (let ((bounds (files-x--prop-line)))
    (cond
     ((eq op 'delete)
      (if (not bounds)
          (message "The -*- line not found")
        (setq bounds (files-x--prop-mode-only bounds))
        (files-x--drop-prop-line-entries variable bounds)
        (goto-char (cdr (files-x--prop-line)))
        nil))
     (t
      (setq bounds (if bounds (files-x--prop-mode-only bounds) (files-x--new-prop-line)))
      (let ((entries (files-x--prop-entries bounds))
            (text (files-x--entry variable value)))
        (ignore entries)
        (cond
         ((eq variable 'mode)
          ;; A mode goes first, and never replaces another.
          (goto-char (car bounds)) (skip-chars-forward " \t" (cdr bounds))
          (unless (memq (char-before) '(?\s ?\t)) (insert " "))
          (insert text "; "))
         (t
          (let ((where (and (not (eq variable 'mode))
                            (files-x--drop-prop-line-entries variable bounds))))
            (if where
                (progn (goto-char where) (insert text "; "))
              (progn
                (goto-char (cdr bounds))
                (skip-chars-backward " \t" (car bounds))
                (unless (or (<= (point) (car bounds)) (eq (char-before) ?\;))
                  (insert ";"))
                (insert " " text ";")
                (unless (looking-at "[ \t]") (insert " "))))))))
      nil))))

(defun files-x--drop-prop-line-entries (variable bounds) "Delete VARIABLE's entries from the -*- line BOUNDS; return where the last one now starts, or nil."
  (let ((name (format "%S" variable)) (removed 0) (where nil))
    (dolist (e (files-x--prop-entries bounds))
      (when (equal (car e) name)
        (let ((start (- (nth 1 e) removed)) (len (- (nth 2 e) (nth 1 e))))
          (delete-region start (+ start len))
          (setq removed (+ removed len) where start))))
    where))

(defun add-file-local-variable-prop-line (variable value &optional interactive) "Set VARIABLE to VALUE on the buffer's -*- line, making the line if needed.
An existing entry for VARIABLE is replaced; `mode' entries are added
first and never replace.  INTERACTIVE non-nil says to tell that the
file must be visited again."
  (interactive
   (let ((var (files-x--read-variable "Add -*- file-local variable")))
     (list var (files-x--read-value var) t)))
  (files-x--edit-prop-line 'add variable value)
  (files-x--revisit-note interactive))

(defun delete-file-local-variable-prop-line (variable &optional interactive) "Remove every entry for VARIABLE from the buffer's -*- line.
INTERACTIVE non-nil says to tell that the file must be visited again."
  (interactive (list (files-x--read-variable "Delete -*- file-local variable") t))
  (or (files-x--edit-prop-line 'delete variable nil)
      (files-x--revisit-note interactive)))

(require 'files-more)
(provide 'files-x)
