;;; help.el --- what a function's argument list is  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

(defun help--arity-arglist (low high) "Make an argument list of generic names for LOW required arguments.
HIGH is the most arguments accepted, or `many' or `unevalled' for any
number; the names are arg1, arg2... and rest."
  (let ((names nil) (n 1))
    (while (<= n low)
      (push (intern (format "arg%d" n)) names)
      (setq n (1+ n)))
    (cond ((numberp high)
           (when (< low high)
             (push '&optional names)
             (while (<= n high)
               (push (intern (format "arg%d" n)) names)
               (setq n (1+ n)))))
          (t (setq names (cons 'rest (cons '&rest names)))))
    (nreverse names)))

(defun help--usage-arglist (def) "Read the argument names from the \"(fn ARGS...)\" line ending DEF's documentation.
Give nil when there is none."
  (let ((doc (ignore-errors (documentation def t))))
    (when (and (stringp doc)
               (string-match "\n\n(fn\\(\\(?: [^)]*\\)?\\))\\'" doc))
      (let ((args (ignore-errors (car (read-from-string
                                      (concat "(" (match-string 1 doc) ")"))))))
        (and (listp args)
             (mapcar (lambda (a)
                       (if (and (symbolp a) (not (memq a '(&optional &rest))))
                           (intern (downcase (symbol-name a)))
                         a))
                     args))))))

(defun help-function-arglist (def &optional preserve-names) "Give the argument list of the function DEF (a symbol or a function object).
Lambdas, closures and compiled functions with a list give that list.
For primitives and compiled functions that record only counts, the
names come from the \"(fn ...)\" line of their documentation when
PRESERVE-NAMES is non-nil and there is one, else they are generic
\(arg1, arg2, rest).  An autoloaded function gives a string saying the
list is not known yet; anything else gives t."
  (let* ((fn (if (and (symbolp def) (fboundp def)) (indirect-function def) def))
         (fn (if (eq (car-safe fn) 'macro) (cdr fn) fn))
         (kind (car-safe fn)))
    (cond
     ;; Interpreted functions: (lambda ARGS ...) and (closure ENV ARGS ...).
     ((eq kind 'lambda) (car-safe (cdr fn)))
     ((eq kind 'closure) (car-safe (cdr-safe (cdr fn))))
     ((autoloadp fn)
      "[Arg list not available until function definition is loaded.]")
     ((not (or (byte-code-function-p fn) (subrp fn))) t)
     ((and (byte-code-function-p fn) (listp (aref fn 0))) (aref fn 0))
     ((and preserve-names (help--usage-arglist fn)))
     ((subrp fn)
      (let ((arity (subr-arity fn)))
        (help--arity-arglist (car arity) (cdr arity))))
     (t
      ;; A compiled function's argument descriptor packs the counts.
      (let ((desc (aref fn 0)))
        (help--arity-arglist (logand desc 127)
                             (if (= 0 (logand desc 128)) (ash desc -8) 'many)))))))

;;; Usage lines: the "(fn ARGS)" at the end of a docstring.

(defun help--usage-name (function) "Return the name a usage line shows for FUNCTION: the symbol itself, else `anonymous'."
  (if (symbolp function) function 'anonymous))

(defun help--arg-for-usage (arg) "Return the argument list element ARG as a usage line shows it, in capitals."
  (pcase arg
    ((pred consp) (cons (help--arg-for-usage (car arg)) (cdr arg)))
    ((pred symbolp)
     (let ((name (symbol-name arg)))
       (cond ((string-match-p "\\`&" name) arg)
             ;; One leading underscore (an unused argument) is not shown.
             ((string-match "\\`_\\(.+\\)" name) (intern (upcase (match-string 1 name))))
             (t (intern (upcase name))))))
    (_ arg)))

(defun help--make-usage (function arglist) "Return the usage form of FUNCTION called with ARGLIST: its name, then the arguments in capitals."
  (let ((shown (help--usage-name function)))
    (cons shown (mapcar (lambda (a) (help--arg-for-usage a)) arglist))))

(defalias 'help-make-usage #'help--make-usage)

(defun help--docstring-quote (string) "Return STRING with each grave accent, apostrophe and backslash escaped by \\=\\=."
  (replace-regexp-in-string "[`'\\]" "\\\\=\\&" string))

(defun help--make-usage-docstring (fn arglist) "Return the usage of FN with ARGLIST as text fit for a docstring."
  (help--docstring-quote (format "%S" (help--make-usage fn arglist))))

(defun help-split-fundoc (docstring def &optional section) "Split DOCSTRING's usage line from its text; name the function DEF in the usage.
Return (USAGE . DOC), or nil when there is no \"(fn ...)\" line.  With
SECTION `usage' return only USAGE, with `doc' only the text (the whole
DOCSTRING when it has no usage line)."
  (let ((found (and (stringp docstring)
                    (string-match "\n\n(fn\\(\\(?: [^\n]*\\)?)\\)\\'" docstring))))
    (cond
     ((not found) (and (eq section 'doc) docstring))
     (t
      (let ((usage (concat "(" (symbol-name (if def (help--usage-name def) 'anonymous))
                           (match-string 1 docstring)))
            (text (and (> (match-beginning 0) 0) (substring docstring 0 (match-beginning 0)))))
        (pcase section
          ('usage usage)
          ('doc text)
          (_ (cons usage text))))))))

(defun help-add-fundoc-usage (docstring arglist) "Return DOCSTRING with a \"(fn ARGS)\" usage line for ARGLIST added, unless it has one.
ARGLIST is a list, a usage string \"(NAME ARGS...)\", or t for none."
  (cond
   ((eq arglist t) docstring)
   ((and (stringp docstring) (string-match-p "\n\n(fn[ )][^\n]*\\'" docstring)) docstring)
   (t
    (let* ((doc (or docstring ""))
           (args (if (stringp arglist)
                     (if (string-match "\\`([^ )]*\\(.*\\)\\'" arglist)
                         (concat "(fn" (match-string 1 arglist))
                       arglist)
                   (format "%S" (help--make-usage 'fn arglist)))))
      ;; The usage line follows one empty line.
      (concat doc (substring "\n\n" (cond ((string-suffix-p "\n\n" doc) 2)
                                           ((string-suffix-p "\n" doc) 1)
                                           (t 0)))
              args)))))

;;; Keys.

(defun help--key-description-fontified (keys &optional prefix) "Return KEYS (after PREFIX) described as text in the `help-key-binding' face."
  (let ((text (key-description keys prefix)))
    (add-text-properties 0 (length text) '(face help-key-binding font-lock-face help-key-binding) text)
    text))

(defun help-key-description (key untranslated) "Describe KEY; add the UNTRANSLATED key it was read as, when that differs."
  (let ((shown (help--key-description-fontified key)))
    (if (and untranslated
             (not (equal (key-description key) (key-description untranslated))))
        (format "%s (translated from %s)" shown
                (help--key-description-fontified untranslated))
      shown)))

;;; What is at point.

(defun help--symbol-near-point (&optional create) "Return the symbol whose name is at point, or nil; CREATE non-nil interns a new name."
  (save-excursion
    (skip-syntax-backward "w_")
    (let ((start (point)))
      (skip-syntax-forward "w_")
      (and (< start (point))
           (funcall (if create #'intern #'intern-soft)
                    (buffer-substring-no-properties start (point)))))))

(defun function-called-at-point () "Return the function named at point, or else the function heading the list around point, or nil."
  (let ((here (help--symbol-near-point)))
    (if (and here (fboundp here))
        here
      (save-excursion
        (condition-case nil
            (progn
              (goto-char (nth 1 (syntax-ppss)))
              (forward-char 1)
              (skip-chars-forward " \t\n'")
              (let ((head (help--symbol-near-point)))
                (and head (fboundp head) head)))
          (error nil))))))

(provide 'help)
