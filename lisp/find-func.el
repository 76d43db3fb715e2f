;;; find-func.el --- find the source file and place where a function or variable is defined  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and the Emacs
;; manual; the names and calling conventions are GNU's, the regexps our own.

;; Locating a definition has two halves: which library holds it
;; (`find-function-library', `find-library-name', from `load-history' and
;; the autoloads), and where in that library's text it is
;; (`find-function-search-for-symbol', with the regexps of
;; `find-function-regexp-alist'), which visits the file in a buffer.

;;;; How definitions look in a file

(defconst find-function-space-re "\\(?:[ \t\f\n]\\|;.*\n\\)+"
  "What may come between the parts of a definition: blanks, newlines, comments.")

(defcustom find-function-regexp
  (concat "^[ \t]*(\\(?:cl-\\)?def\\(?:un\\*?\\|macro\\*?\\|subst\\|advice"
          "\\|generic\\|method\\|setf\\|ine-[a-z-]+\\|[a-z-]*-mode\\)"
          find-function-space-re
          "\\(?:'\\|(quote \\)?%s\\(?:[ \t]\\|$\\|[()]\\)")
  "Regexp matching the start of the definition of a function.
`%s' in it stands for the function's name, quoted for regexps.")

(defcustom find-variable-regexp
  (concat "^[ \t]*(\\(?:def\\(?:var\\|const\\|custom\\|var-local\\|ine-[a-z-]*variable\\)"
          "\\)" find-function-space-re "%s\\(?:[ \t]\\|$\\)")
  "Regexp matching the start of the definition of a variable; `%s' is its name.")

(defcustom find-face-regexp
  (concat "^[ \t]*(defface" find-function-space-re "%s\\(?:[ \t]\\|$\\)")
  "Regexp matching the start of the definition of a face; `%s' is its name.")

(defcustom find-feature-regexp ";;; Code:"
  "Regexp matching where a library's code starts, for finding a feature.")

(defcustom find-alias-regexp "(defalias +'%s"
  "Regexp matching a `defalias' that defines the function `%s'.")

(defvar find-function-regexp-alist
  (mapcar (lambda (pair) (cons (car pair) (cadr pair)))
          '((nil find-function-regexp) (defvar find-variable-regexp)
            (defface find-function--defface) (feature find-feature-regexp)
            (defalias find-alias-regexp)))
  "How to search for a definition of each type, an alist (TYPE . SEARCH).
TYPE is nil for a function, `defvar', `defface', `feature'...  SEARCH is
a variable holding a regexp, `%s' in which stands for the name, or a
function called with the symbol in the library's buffer, which moves
point to the definition and returns non-nil if it finds it.")

(defcustom find-function-source-path nil "Directories searched for Lisp sources; nil means `load-path'.")

(defcustom find-library-source-path nil "Directories searched for libraries; nil means `find-function-source-path'.")

(defcustom find-function-recenter-line 1 "The window line where a found definition is shown; nil means leave it.")

(defcustom find-function-after-hook nil "Hook run after a definition has been found and shown.")

(defvar find-function-C-source-directory nil "Directory of the C sources of built-in functions; tsmacs has none to show.")

;;;; Which library

(defun find-library-suffixes () "The file name endings of Lisp source libraries, from `load-suffixes'.
Compiled endings are left out; each remaining one is combined with the
endings of `load-file-rep-suffixes'."
  (apply #'append
         (mapcar (lambda (suffix)
                   (and (not (string-match-p "\\.elc" suffix))
                        (mapcar (lambda (rep) (concat suffix rep))
                                load-file-rep-suffixes)))
                 load-suffixes)))

(defun find-library--source-name (library) "LIBRARY without a compiled or source ending, to be searched for as a source."
  (if (string-match "\\.el\\(?:c\\|\\.gz\\)?\\'" library)
      (substring library 0 (match-beginning 0))
    library))

(defun find-library-name (library) "Return the absolute name of the Lisp source file of LIBRARY.
LIBRARY may be a library name such as \"subr\" or \"emacs-lisp/seq\",
or a file name, compiled or not.  Signal `file-error' when no source
is found."
  (let* ((base (find-library--source-name library))
         (path (or find-library-source-path find-function-source-path
                   load-path))
         (found (if (file-name-absolute-p base)
                    (locate-file-internal (file-name-nondirectory base)
                                          (list (file-name-directory base))
                                          (cons "" (find-library-suffixes)))
                  (or (locate-file-internal base path (find-library-suffixes))
                      (locate-file-internal library path '(""))))))
    (or found
        (signal 'file-error (list "Can't find library" library)))))

(defun find-function-library (function &optional lisp-only verbose) "Return (ORIG . LIBRARY): the function FUNCTION stands for, and where it is defined.
ORIG is FUNCTION with its aliases followed; LIBRARY is the file that
defined it (from `load-history') or the library of its autoload, nil
when unknown.  With LISP-ONLY a built-in function is an error; with
VERBOSE following an alias says so in a message."
  (let ((orig function) (def nil))
    ;; Follow the chain of aliases down to a definition.
    (while (progn
             (or (fboundp orig) (signal 'void-function (list orig)))
             (setq def (symbol-function orig))
             (and def (symbolp def)))
      (if verbose
          (message "%s" (format-message "`%s' is an alias for `%s'" orig def)))
      (setq orig def))
    (cons orig
          (cond ((autoloadp def) (nth 1 def))
                ((not (subrp def)) (symbol-file orig 'defun))
                (lisp-only (error "%s is a built-in function" orig))))))

;;;; Where in the library

(defun find-function--defface (symbol) "Move point past the `defface' of SYMBOL; non-nil if it is found."
  (re-search-forward (format find-face-regexp (regexp-quote (symbol-name symbol))) nil t))

(defun find-function--search (symbol type) "Search the current buffer from its start for the definition of SYMBOL of TYPE.
Return non-nil and leave point at the start of that line if found."
  (let ((how (cdr (assq type find-function-regexp-alist))))
    (goto-char (point-min))
    (when (cond ((functionp how) (funcall how symbol))
                (how (re-search-forward
                      (format (symbol-value how)
                              (regexp-quote (symbol-name symbol)))
                      nil t)))
      (beginning-of-line)
      t)))

(defun find-function-search-for-symbol (symbol type library) "Visit LIBRARY and find the definition of SYMBOL of TYPE in it.
TYPE is nil for a function, else a key of `find-function-regexp-alist'.
Return (BUFFER . POSITION), POSITION nil when the definition was not
found in the text."
  (unless library
    (error "%s" (format-message "Don't know where `%s' is defined" symbol)))
  (let ((buffer (find-file-noselect (find-library-name library))))
    (with-current-buffer buffer
      (save-restriction
        (widen)
        (cons buffer
              (and (or (find-function--search symbol type)
                       ;; A function may also come from a `defalias'.
                       (and (null type)
                            (find-function--search symbol 'defalias)))
                   (point)))))))

(defun find-function-noselect (function &optional lisp-only) "Return (BUFFER . POSITION) for the definition of FUNCTION, visiting its file.
LISP-ONLY makes a built-in function an error."
  (or function (error "You didn't specify a function"))
  (let ((found (find-function-library function lisp-only t)))
    (find-function-search-for-symbol (car found) nil (cdr found))))

(defun find-variable-noselect (variable &optional file) "Return (BUFFER . POSITION) for the definition of VARIABLE, visiting its file.
FILE, when given, is the library to look in."
  (or variable (error "You didn't specify a variable"))
  (find-function-search-for-symbol
   variable 'defvar (or file (symbol-file variable 'defvar))))

(defun find-definition-noselect (symbol type &optional file) "Return (BUFFER . POSITION) for the definition of SYMBOL of TYPE.
TYPE nil means a function, `defvar' a variable, and so on; FILE, when
given, is the library to look in."
  (or symbol (error "You didn't specify a symbol"))
  (cond ((null type) (find-function-noselect symbol))
        ((eq type 'defvar) (find-variable-noselect symbol file))
        (t (find-function-search-for-symbol
            symbol type (or file (symbol-file symbol type))))))

;;;; Showing a definition

;; The commands below show the definition in the selected window (or
;; another one); in batch that just makes its buffer current, as in GNU.

(defun find-function-do-it (symbol type switch-fn) "Show the definition of SYMBOL of TYPE with SWITCH-FN, moving point there.
SWITCH-FN is called with the definition's buffer, as `switch-to-buffer'
is; then `find-function-after-hook' runs."
  (let ((found (find-definition-noselect symbol type)))
    (funcall switch-fn (car found))
    (if (cdr found) (goto-char (cdr found)))
    (run-hooks 'find-function-after-hook)
    found))

(defun find-func--read (type prompt) "Read a symbol of TYPE (`function' or `variable') with PROMPT, as the commands' interactive forms do."
  (let* ((pred (if (eq type 'function) #'fboundp #'boundp))
         (answer (completing-read prompt obarray pred t)))
    (list (if (equal answer "") (user-error "You didn't specify a %s" type) (intern answer)))))

(defun find-function (function) "Show the definition of FUNCTION in the selected window, point at its start."
  (interactive (find-func--read 'function "Find function: "))
  (find-function-do-it function nil #'switch-to-buffer)
  nil)

(defun find-function-other-window (function) "Show the definition of FUNCTION in another window."
  (interactive (find-func--read 'function "Find function in other window: "))
  (find-function-do-it function nil #'pop-to-buffer)
  nil)

(defun find-function-other-frame (function) "Show the definition of FUNCTION in another frame."
  (interactive (find-func--read 'function "Find function in other frame: "))
  (find-function-do-it function nil #'pop-to-buffer)
  nil)

(defun find-variable (variable) "Show the definition of VARIABLE in the selected window, point at its start."
  (interactive (find-func--read 'variable "Find variable: "))
  (find-function-do-it variable 'defvar #'switch-to-buffer)
  nil)

(defun find-variable-other-window (variable) "Show the definition of VARIABLE in another window."
  (interactive (find-func--read 'variable "Find variable in other window: "))
  (find-function-do-it variable 'defvar #'pop-to-buffer)
  nil)

(defun find-variable-other-frame (variable) "Show the definition of VARIABLE in another frame."
  (interactive (find-func--read 'variable "Find variable in other frame: "))
  (find-function-do-it variable 'defvar #'pop-to-buffer)
  nil)

(defun read-library-name () "Read the name of a Lisp library with completion over the libraries of `load-path'."
  (let ((names nil) (re (concat (regexp-opt (find-library-suffixes)) "\\'")))
    (dolist (dir load-path)
      (dolist (f (ignore-errors (directory-files dir nil re)))
        (push (replace-regexp-in-string re "" f) names)))
    (completing-read "Library name: " (delete-dups names))))

(defun find-library--show (library switch-fn) "Visit the source of LIBRARY with SWITCH-FN, run `find-function-after-hook', give its buffer."
  (let ((buf (find-file-noselect (find-library-name library))))
    (funcall switch-fn buf)
    (run-hooks 'find-function-after-hook)
    buf))

(defun find-library (library) "Visit the Lisp source of LIBRARY in the selected window."
  (interactive (list (read-library-name)))
  (find-library--show library #'switch-to-buffer))

(defun find-library-other-window (library) "Visit the Lisp source of LIBRARY in another window."
  (interactive (list (read-library-name)))
  (find-library--show library #'pop-to-buffer))

(defun find-library-other-frame (library) "Visit the Lisp source of LIBRARY in another frame."
  (interactive (list (read-library-name)))
  (find-library--show library #'pop-to-buffer))

;; The same lookups started from point, a key or a face.

(defun find-function-at-point () "Show in another window the definition of the function called at point, if any."
  (interactive nil)
  (let ((called (function-called-at-point)))
    (and called (find-function-other-window called))))

(defun find-variable-at-point () "Show in another window the definition of the variable at point, if any."
  (interactive nil)
  (let ((var (variable-at-point)))
    ;; variable-at-point says 0 when point is on no variable.
    (and var (not (eql var 0)) (find-variable-other-window var))))

(defun find-face-definition (face) "Show the `defface' of FACE in the selected window, point at its start."
  (interactive (list (intern (completing-read "Find face: " obarray #'facep t))))
  (find-function-do-it face 'defface #'switch-to-buffer)
  nil)

(defun find-function--key-command (key show) "Show with SHOW the definition of the command KEY runs; say so when KEY runs none."
  (let ((command (key-binding key t)))
    (if (or (null command) (integerp command))
        (message "%s is unbound" (key-description key))
      (funcall show command))))

;; The three commands on a key differ only in where they show the definition.
(pcase-dolist (`(,command ,show ,where)
               '((find-function-on-key find-function "")
                 (find-function-on-key-other-window find-function-other-window " in another window")
                 (find-function-on-key-other-frame find-function-other-frame " in another frame")))
  (defalias command
    (lambda (key)
      (interactive "kFind function on key: ")
      (find-function--key-command key show))
    (format "Show%s the definition of the command KEY runs." where)))

(defun find-function-setup-keys () "Bind the find-function commands under C-x: F for functions, K for keys, V for variables; with 4 and 5 for another window or frame."
  (let (last)
    (dolist (letter '(("F" . find-function) ("K" . find-function-on-key) ("V" . find-variable)))
      (let ((base (cdr letter)))
        (define-key ctl-x-map (car letter) base)
        (define-key ctl-x-4-map (car letter) (intern (format "%s-other-window" base)))
        (setq last (define-key ctl-x-5-map (car letter) (intern (format "%s-other-frame" base))))))
    last))

(provide 'find-func)
