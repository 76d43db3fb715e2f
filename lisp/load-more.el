;;; load-more.el --- after-load hooks, load-history lookups and library search  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; What GNU keeps in subr.el and files.el around `load': code to run once a
;; file or feature is loaded, finding a file's entry of `load-history', and
;; the searches `locate-file' and `locate-library'.

(defvar after-load-functions nil "Functions called with the absolute name of each file `load' has just finished.")

(defun load-history-regexp (file) "Return a regexp matching the `load-history' file names FILE may stand for.
An absolute FILE matches itself, compressed or not; a relative one matches
at a directory boundary, with any load suffix when it has none."
  (let ((quoted (regexp-quote file))
        (tail (if (file-name-extension file)
                  "\\(\\.gz\\)?\\'"
                "\\(\\.so\\|\\.elc\\|\\.el\\)?\\(\\.gz\\)?\\'")))
    (concat (if (not (file-name-absolute-p file)) "\\(\\`\\|/\\)" "\\`")
            quoted tail)))

(defun load-history-filename-element (file-regexp) "Return the first element of `load-history' whose file name FILE-REGEXP matches, or nil."
  (catch 'load--hit
    (dolist (element load-history nil)
      (let ((name (car-safe element)))
        (and (stringp name) (string-match-p file-regexp name)
             (throw 'load--hit element))))))

(defun eval-after-load (file form) "Arrange for FORM to run once FILE has been loaded; run it now if it already is.
FILE is a feature (a symbol: FORM runs when it is provided, after the
providing file has finished loading) or a file name (a string, matched
against the names `load' records).  FORM is a function to call or, for
compatibility, a form to evaluate.  Return FORM's value when it ran now,
else nil."
  (let* ((fn (if (functionp form) form (eval `(lambda () ,form) t)))
         (key (cond ((symbolp file) file)
                    ((stringp file) (load-history-regexp file))
                    (t (signal 'wrong-type-argument (list 'symbolp file)))))
         (loaded (if (stringp key)
                     (load-history-filename-element key)
                   (featurep key))))
    (if loaded
        (funcall fn)
      (let ((entry (or (assoc key after-load-alist)
                       (car (push (list key) after-load-alist))))
            (run (if (stringp key) fn (load--after-provide fn))))
        ;; Functions run in the order they were added.
        (unless (member run (cdr entry))
          (setcdr entry (append (cdr entry) (list run))))
        nil))))

(defun load--after-provide (fn) "A function that runs FN for a `provide': at once, or when the file providing ends."
  (lambda ()
    (if load-file-name
      (let ((file load-file-name)
            (waiter (make-symbol "eval-after-load-helper")))
        (fset waiter (lambda (loaded)
                       (when (equal loaded file)
                         (remove-hook 'after-load-functions waiter)
                         (funcall fn))))
        (add-hook 'after-load-functions waiter 'append))
      ;; Provided outside any load: nothing to wait for.
      (funcall fn))))

(defmacro with-eval-after-load (file &rest body) "Run BODY once FILE (a feature or a file name) is loaded, or now if it is.
See `eval-after-load'."
  (declare (indent 1) (debug (form def-body)))
  (list 'eval-after-load file (cons 'lambda (cons nil body))))

(defun do-after-load-evaluation (abs-file) "Run what `after-load-alist' holds for ABS-FILE, then `after-load-functions'.
`load' calls this when it has finished loading ABS-FILE."
  (dolist (entry after-load-alist)
    (when (and (stringp (car-safe entry)) (string-match-p (car entry) abs-file))
      (mapc #'funcall (cdr entry))))
  (run-hook-with-args 'after-load-functions abs-file))

(defun locate-file (filename path &optional suffixes predicate) "Search PATH, a list of directories, for FILENAME with each of SUFFIXES.
Return the first existing file's absolute name, or nil.  PREDICATE, when
non-nil, must accept the file: a function, one of the symbols
`executable', `readable', `writable', `exists' (or a list of them, all
required), or an access mode number (1 executable, 2 writable, 4 readable).
A directory qualifies only when a function PREDICATE returns `dir-ok'."
  (let ((test
         (cond
          ((null predicate) nil)
          ((and (symbolp predicate) (memq predicate '(executable readable writable exists)))
           (load--access-test (list predicate)))
          ((integerp predicate)
           (load--access-test (delq nil (list 'exists
                                               (and (/= 0 (logand predicate 1)) 'executable)
                                               (and (/= 0 (logand predicate 2)) 'writable)
                                               (and (/= 0 (logand predicate 4)) 'readable)))))
          ((and (consp predicate) (not (functionp predicate)))
           (load--access-test predicate))
          (t predicate))))
    (locate-file-internal filename path suffixes test)))

(defun load--access-test (kinds)
  (lambda (candidate)
    (not (memq nil (mapcar (lambda (kind)
                             (cond ((eq kind 'executable) (file-executable-p candidate))
                                   ((eq kind 'readable) (file-readable-p candidate))
                                   ((eq kind 'writable) (file-writable-p candidate))
                                   (t (file-exists-p candidate))))
                           kinds)))))

(defun locate-library (library &optional nosuffix path interactive-call) "Return the absolute name of the Lisp library LIBRARY as `load' would find it, or nil.
Unless NOSUFFIX, the load suffixes are tried; PATH replaces `load-path'.
With INTERACTIVE-CALL, report the result in the echo area too."
  (let* ((suffixes (if nosuffix load-file-rep-suffixes
                      (append (get-load-suffixes) load-file-rep-suffixes)))
         (found (locate-file library (or path load-path) suffixes)))
    (when interactive-call
      (if (null found)
          (message "No library %s in search path" library)
        (message "Library is file %s" (abbreviate-file-name found))))
    found))

(defun load-file (file) "Load the Lisp file named FILE, exactly that file: no search, no added suffix."
  (interactive "fLoad file: ")
  (let ((absolute (expand-file-name file)))
    (load absolute nil nil t)))
