;;; elisp-mode.el --- Emacs Lisp mode helpers usable in batch: eldoc strings, completion, local variables  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.  The mode
;; itself lives in modes.el; this file holds what programs and tests call
;; on a buffer of Lisp: which function call point is in, the argument list
;; strings eldoc shows, the variables bound around point and the
;; completion table for the symbol at point.  Autoloaded (autoloads.el).

;;; Where point is.

(defun elisp--current-symbol () "Return the interned symbol whose name starts at or covers the character after point, or nil."
  (let ((next (char-after)))
    (and next (memq (char-syntax next) '(?w ?_)) (intern-soft (current-word)))))

(defun elisp--beginning-of-sexp () "Move back to the first element of the list around point; return a count.
The count is the number of expressions passed over, plus one when point
stood after white space rather than at the end of an expression, so
that it numbers the argument point is at (the function being 1)."
  (let* ((start (point))
         ;; Is point past the end of the expression before it?
         (prev-end (ignore-errors (save-excursion (backward-sexp) (forward-sexp) (point))))
         (n (if (and prev-end (< prev-end start)) 1 0)))
    (ignore-errors
      (let ((last start))
        (while (progn (backward-sexp) (< (point) last))
          (setq last (point) n (1+ n)))))
    n))

(defun elisp--fnsym-in-current-sexp () "Return (FUNCTION INDEX) for the call around point.
FUNCTION is the symbol heading the innermost list (nil unless interned);
INDEX is the number of the argument point is at, 0 on the function name."
  (save-excursion
    (let ((n (elisp--beginning-of-sexp)))
      (list (elisp--current-symbol) (max 0 (1- n))))))

;;; Argument list strings.

(defun elisp--argstring-item (item) "Render one argument list ITEM: a symbol capitalized unless it is an &-keyword."
  (cond ((and (symbolp item) (string-prefix-p "&" (symbol-name item)))
         (symbol-name item))
        ((symbolp item) (upcase (symbol-name item)))
        ((consp item)
         (concat "(" (elisp--argstring-item (car item))
                 (mapconcat (lambda (x) (concat " " (prin1-to-string x))) (cdr item) "")
                 ")"))
        (t (prin1-to-string item))))

(defun elisp-function-argstring (arglist) "Return ARGLIST as the string eldoc shows for it, names in capitals.
A string ARGLIST is a usage line \"(NAME ARGS...)\": the name is dropped.
Nil gives \"()\"; anything else that is not a list gives nil."
  (cond
   ((stringp arglist)
    (if (string-match "\\`(\\(?:[^ )]+\\) ?" arglist)
        (concat "(" (substring arglist (match-end 0)))
      arglist))
   ((null arglist) "()")
   ((listp arglist)
    (concat "(" (mapconcat #'elisp--argstring-item arglist " ") ")"))))

(defun elisp--usage-from-doc (sym) "Return the \"(fn ARGS)\" usage line of SYM's documentation as \"(ARGS)\", or nil."
  (let ((doc (ignore-errors (documentation sym t))))
    (when (and (stringp doc)
               (string-match "\n\n(fn\\(\\(?: [^\n]*\\)?\\))\\'" doc))
      (concat "(" (string-trim-left (match-string 1 doc)) ")"))))

(defun elisp--argstring-of (sym) "Return the argument list string of the function SYM, or nil."
  (let ((def (indirect-function sym)))
    (when (eq (car-safe def) 'macro) (setq def (cdr def)))
    (or (elisp--usage-from-doc sym)
        (let ((args (help-function-arglist sym t)))
          (and (listp args) (elisp-function-argstring args))))))

(defun elisp--highlight-function-argument (_sym args index) "Return ARGS, an argument list string, with argument number INDEX highlighted.
INDEX counts from 1; past the last argument a &rest argument stays
highlighted.  The face is `eldoc-highlight-function-argument'."
  (let ((words nil) (scan 1) (size (length args)))
    ;; Collect the start and end of each word naming an argument.
    (while (and (< scan size) (string-match "[^ ()]+" args scan))
      (setq scan (match-end 0))
      (push (cons (match-beginning 0) scan) words))
    (setq words (reverse words))
    (let ((n 0) (rest-next nil) (target nil) (last-rest nil))
      (dolist (w words)
        (let ((word (substring args (car w) (cdr w))))
          (cond ((member word '("&optional" "&key")))
                ((equal word "&rest") (setq rest-next t))
                (t (setq n (1+ n))
                   (when rest-next (setq last-rest w rest-next nil))
                   (when (= n index) (setq target w))))))
      (when (and (null target) last-rest (> index 0))
        (setq target last-rest))
      (cond
       (target
        (let ((copy (copy-sequence args)))
          (add-text-properties (car target) (cdr target)
                               '(face eldoc-highlight-function-argument) copy)
          copy))
       ;; Past the last argument of a fixed list: flag the closing paren.
       ((and (> index n) (> size 0))
        (let ((copy (copy-sequence args)))
          (add-text-properties (1- size) size '(face font-lock-warning-face) copy)
          copy))
       (t args)))))

(defun elisp-get-fnsym-args-string (sym &optional index) "Return the argument list string of the function SYM, or nil.
With INDEX, the argument of that number (from 1) is highlighted."
  (when (and sym (symbolp sym) (fboundp sym))
    (let ((args (elisp--argstring-of sym)))
      (when args
        (if index
            (elisp--highlight-function-argument sym args index)
          args)))))

;;; Documentation strings.

(defun elisp--docstring-first-line (doc) "Return the first line of the docstring DOC, a leading `*' dropped; nil if DOC is no string."
  (and (stringp doc)
       (substring doc (if (string-prefix-p "*" doc) 1 0) (string-search "\n" doc))))

(defun elisp-get-var-docstring (sym) "Return the first line of the variable SYM's documentation, or nil."
  (unless (symbolp sym) (signal 'wrong-type-argument (list 'symbolp sym)))
  (elisp--docstring-first-line (documentation-property sym 'variable-documentation t)))

(defun elisp-eldoc-funcall (callback &rest _ignored) "Report to CALLBACK the argument list of the function call around point.
CALLBACK gets the highlighted argument list and the properties :thing
and :face; return its value, or nil when there is nothing to report."
  (let* ((info (elisp--fnsym-in-current-sexp))
         (sym (car info))
         (args (and sym (elisp-get-fnsym-args-string sym (nth 1 info)))))
    (when args
      (funcall callback args :thing sym
               :face (if (or (special-form-p sym) (macrop sym))
                         'font-lock-keyword-face
                       'font-lock-function-name-face)))))

(defun elisp-eldoc-var-docstring (callback &rest _ignored) "Report to CALLBACK the first line of the documentation of the variable at point.
Return CALLBACK's value, or nil when point is on no documented variable."
  (let* ((sym (elisp--current-symbol))
         (doc (and sym (boundp sym) (elisp-get-var-docstring sym))))
    (when doc
      (funcall callback doc :thing sym :face 'font-lock-variable-name-face))))

;;; Variables bound around point.

(defvar elisp--witness-marker (make-symbol "here") "Stands for point in the form `elisp--local-variables' reads.")

(defun elisp--scan-bindings (form env) "Look for the point marker in FORM with ENV the variables bound so far.
Throw the variables bound where the marker is to `elisp--local-vars'."
  (cond
   ((eq form elisp--witness-marker) (throw 'elisp--local-vars env))
   ((not (consp form)) nil)
   ((and (memq (car form) '(let let*)) (listp (cdr form)))
    (let ((inner env)
          (bindings (car-safe (cdr form))))
      (when (listp bindings)
        (dolist (b bindings)
          (let ((var (if (consp b) (car b) b)))
            (when (consp b)
              (dolist (init (cdr b))
                (elisp--scan-bindings init (if (eq (car form) 'let*) inner env))))
            (when (and var (symbolp var)) (push var inner)))))
      (dolist (sub (cdr-safe (cdr form))) (elisp--scan-bindings sub inner))))
   ((and (eq (car form) 'lambda) (consp (cdr form)))
    (let ((args (and (listp (nth 1 form))
                     (delq nil (mapcar (lambda (a)
                                         (and (symbolp a)
                                              (not (string-prefix-p "&" (symbol-name a)))
                                              a))
                                       (nth 1 form))))))
      (dolist (sub (cddr form)) (elisp--scan-bindings sub (append args env)))))
   ((and (eq (car form) 'condition-case) (consp (cdr form)))
    (let ((var (nth 1 form)))
      (elisp--scan-bindings (nth 2 form) env)
      (dolist (handler (nthcdr 3 form))
        (when (consp handler)
          (dolist (sub (cdr handler))
            (elisp--scan-bindings sub (if (and var (symbolp var)) (cons var env) env)))))))
   (t
    (while (consp form)
      (elisp--scan-bindings (car form) env)
      (setq form (cdr form))))))

(defun elisp--local-variables () "Return the variables that `let', `let*', `lambda' and `condition-case' bind around point.
The innermost come first.  The top-level form around point is read up
to point and closed there."
  (let* ((state (syntax-ppss))
         (start (car (nth 9 state))))
    (when start
      (let ((text (concat (buffer-substring-no-properties start (point))
                          (if (nth 3 state) "\"" "")
                          (if (nth 4 state) "\n" "")
                          " elisp--point-here-marker "
                          (make-string (car state) ?\)))))
        (let ((form (condition-case nil (car (read-from-string text)) (error nil))))
          (when form
            (setq form (elisp--mark-point form))
            (catch 'elisp--local-vars
              (elisp--scan-bindings form nil)
              nil)))))))

(defun elisp--mark-point (form) "Return FORM with the symbol `elisp--point-here-marker' replaced by the point marker."
  (cond ((eq form 'elisp--point-here-marker) elisp--witness-marker)
        ((consp form)
         (cons (elisp--mark-point (car form)) (elisp--mark-point (cdr form))))
        (t form)))

;;; Completion.

(defun elisp--shorthand-aware-fboundp (sym) "Return non-nil if SYM is a defined function."
  (fboundp sym))

(defun elisp--shorthand-aware-boundp (sym) "Return non-nil if SYM is a bound variable."
  (boundp sym))

(defun elisp--symbol-bounds () "Return (START . END) of the symbol around point, or nil when there is none."
  (save-excursion
    (let ((end (progn (skip-syntax-forward "w_") (point)))
          (start (progn (skip-syntax-backward "w_")
                        (while (and (eq (char-before) ?\\) (> (point) (1+ (point-min))))
                          (backward-char 2)
                          (skip-syntax-backward "w_"))
                        (point))))
      (and (< start end) (cons start end)))))

(defun elisp--in-let-bindings-p (pos) "Return non-nil if the paren at POS opens one binding of a `let' or `let*'."
  (save-excursion
    (goto-char pos)
    (let ((outer (nth 1 (syntax-ppss))))
      (when outer
        (goto-char outer)
        (let ((head (nth 1 (syntax-ppss))))
          (when head
            (goto-char (1+ head))
            (and (memq (ignore-errors (read (current-buffer))) '(let let*))
                 (progn (skip-chars-forward " \t\n") (= (point) outer)))))))))

(defun elisp-completion-at-point () "Return the completion data for the Lisp symbol at point, or nil.
The value is (START END TABLE . PROPS) as `completion-at-point-functions'
want it; nil inside strings and comments."
  (let ((state (syntax-ppss)))
    (unless (or (nth 3 state) (nth 4 state))
      (let* ((bounds (elisp--symbol-bounds))
             (start (or (car bounds) (point)))
             (end (or (cdr bounds) (point)))
             (before (char-before start))
             (before2 (and (> start (1+ (point-min))) (char-before (1- start)))))
        (cond
         ((null bounds) nil)
         ;; #'NAME and (function NAME): functions.
         ((and (eq before ?') (eq before2 ?#))
          (list start end obarray :predicate #'elisp--shorthand-aware-fboundp))
         ;; 'NAME: any symbol that means something.
         ((eq before ?')
          (list start end obarray
                :predicate (lambda (s) (or (boundp s) (fboundp s) (symbol-plist s)))))
         ;; (NAME: a function, unless it opens a binding of a let.
         ((eq before ?\()
          (if (elisp--in-let-bindings-p (1- start))
              (list start end obarray :predicate #'elisp--shorthand-aware-boundp)
            (list start end obarray :predicate #'elisp--shorthand-aware-fboundp)))
         (t
          (let ((locals (mapcar #'symbol-name (elisp--local-variables))))
            (list start end
                  (completion-table-merge
                   locals
                   (apply-partially #'completion-table-with-predicate obarray
                                    (lambda (s) (or (boundp s) (fboundp s) (symbol-plist s)))
                                    'strict))))))))))

(defalias 'lisp-completion-at-point #'elisp-completion-at-point)

;;; Files.

(defun elisp-enable-lexical-binding (&optional _interactive) "Give the current buffer a first-line cookie `lexical-binding: t' and turn the variable on."
  (save-excursion
    (goto-char (point-min))
    (let* ((line-end (line-end-position))
           (line (buffer-substring (point) line-end)))
      (cond
       ;; A bare mode name becomes a `mode:' entry.
       ((string-match "-\\*- *\\([^ :;]+\\) *-\\*-" line)
        (let ((mode (match-string 1 line)))
          (delete-region (+ (point-min) (match-beginning 0)) (+ (point-min) (match-end 0)))
          (goto-char (+ (point-min) (match-beginning 0)))
          (insert "-*-  mode: " mode "; lexical-binding: t;  -*-")))
       ((string-match "-\\*-\\(.*[^ ]\\)? *-\\*-" line)
        (let ((body (or (match-string 1 line) "")))
          (goto-char (+ (point-min) (or (match-end 1) (+ (match-beginning 0) 3))))
          (insert (if (string-match ";\\s-*\\'" body) " " "; ")
                  "lexical-binding: t;")))
       ((string-match "\\`;;;.*---" line)
        (end-of-line)
        (insert "  -*- lexical-binding: t; -*-"))
       (t (insert ";;; -*- lexical-binding: t; -*-\n")))))
  (setq-local lexical-binding t))

;;;; Where definitions are: the `elisp' backend of xref

;; A location is a record #s(xref-elisp-location SYMBOL TYPE FILE), a
;; struct type as `cl-defstruct' would make it, written out so that
;; loading this file does not load cl-macs.
;;;###autoload
(defvar cl-struct-xref-elisp-location-tags nil "The tags of `xref-elisp-location' records.")
(cl-struct-define 'xref-elisp-location
                  "Where to look for the definition of SYMBOL, of TYPE, in FILE."
                  'cl-structure-object 'record nil
                  '((cl-tag-slot) (symbol nil) (type nil) (file nil))
                  'cl-struct-xref-elisp-location-tags 'xref-elisp-location t)
(put 'xref-elisp-location 'cl-deftype-satisfies 'xref-elisp-location-p)

(defun xref-elisp-location-p (cl-x) "Return t if CL-X is an `xref-elisp-location' record."
  (and (memq (type-of cl-x) cl-struct-xref-elisp-location-tags) t))

(defun elisp--xref-location-slot (object index) "Return slot INDEX of the location OBJECT, checking its type."
  (unless (xref-elisp-location-p object)
    (signal 'wrong-type-argument (list 'xref-elisp-location object)))
  (aref object index))

(defun xref-elisp-location-symbol (cl-x) "Return the symbol of the location CL-X."
  (elisp--xref-location-slot cl-x 1))
(defun xref-elisp-location-type (cl-x) "Return the definition type of the location CL-X: nil for a function, else `defvar', `defface' or `feature'..."
  (elisp--xref-location-slot cl-x 2))
(defun xref-elisp-location-file (cl-x) "Return the file of the location CL-X."
  (elisp--xref-location-slot cl-x 3))

(dolist (slot '((xref-elisp-location-symbol . 1) (xref-elisp-location-type . 2)
                (xref-elisp-location-file . 3)))
  (let ((index (cdr slot)))
    (function-put (car slot) 'gv-expander
                  (lambda (do object)
                    (funcall do `(aref ,object ,index)
                             (lambda (value)
                               `(progn (or (xref-elisp-location-p ,object)
                                           (signal 'wrong-type-argument
                                                   (list 'xref-elisp-location ,object)))
                                       (aset ,object ,index ,value))))))))

(defalias 'copy-xref-elisp-location #'copy-sequence)

(defun xref-make-elisp-location (symbol type file) "Return a location of the definition of SYMBOL, of TYPE, in FILE."
  (record 'xref-elisp-location symbol type file))

(defun make-xref-elisp-location (&rest keys) "Return a location from the keyword arguments KEYS: :symbol, :type and :file."
  (let ((rest keys))
    (while rest
      (unless (or (memq (car rest) '(:symbol :type :file :allow-other-keys))
                  (plist-get keys :allow-other-keys))
        (error "Keyword argument %s not one of (:symbol :type :file)" (car rest)))
      (setq rest (cddr rest))))
  (record 'xref-elisp-location (plist-get keys :symbol) (plist-get keys :type)
          (plist-get keys :file)))

(defun elisp--xref-backend () "Return `elisp', the xref backend of Emacs Lisp buffers."
  'elisp)

(defun elisp-load-path-roots () "Return the directories Lisp libraries are searched in: the package directory, then `load-path'."
  (if (boundp 'package-user-dir)
      (cons package-user-dir load-path)
    load-path))

(cl-defmethod xref-backend-identifier-at-point ((_backend (eql 'elisp))) "Return the name of the symbol at point, with its start as `pos' property, or nil."
  ;; Only word and symbol characters count: a backslash ends the name.
  (let ((from (save-excursion (skip-syntax-backward "w_") (point)))
        (to (save-excursion (skip-syntax-forward "w_") (point))))
    (unless (= from to)
      (propertize (buffer-substring-no-properties from to) 'pos from))))

(defun elisp--xref-known-p (sym) "Return non-nil if SYM has a definition xref could find."
  (or (boundp sym) (fboundp sym) (featurep sym)
      (and (fboundp 'facep) (facep sym))))

(cl-defmethod xref-backend-identifier-completion-table ((_backend (eql 'elisp))) "Return a completion table of the symbols that are defined in some way."
  (apply-partially #'completion-table-with-predicate obarray
                   #'elisp--xref-known-p 'strict))

(cl-defmethod xref-location-group ((l xref-elisp-location)) "Return the file of the location L, a C file under `find-function-C-source-directory'."
  (let ((c-dir find-function-C-source-directory)
        (file (xref-elisp-location-file l)))
    ;; C sources are named relative to Emacs's tree: "src/FILE.c".
    (if (and c-dir (string-prefix-p "src/" file))
        (concat c-dir (substring file 3))
      file)))

(cl-defmethod xref-location-marker ((l xref-elisp-location)) "Return a marker at the definition the location L names, visiting its file."
  (let ((found (find-function-search-for-symbol (xref-elisp-location-symbol l)
                                                (xref-elisp-location-type l)
                                                (xref-elisp-location-file l))))
    (with-current-buffer (car found)
      (when (cdr found) (goto-char (cdr found)))
      (point-marker))))

;;;; Completion annotations, one-line documentation and expansion

(defun elisp--face-name-p (sym) "Return non-nil if SYM names a face."
  (or (get sym 'face-defface-spec) (and (fboundp 'facep) (facep sym))))

;; The kinds a completion menu shows, each after the test that gives it;
;; the first test SYM passes decides.
(defconst elisp--completion-kind-tests
  `((,(lambda (sym) (or (macrop sym) (special-form-p sym))) . keyword)
    (fboundp . function) (boundp . variable) (elisp--face-name-p . color))
  "Pairs (TEST . KIND) tried in order by `elisp--company-kind'.")

(defun elisp--company-kind (str) "Return the kind of thing the symbol named STR is, for completion menus.
A macro or special form is `keyword', a function `function', a
variable `variable', a face `color', anything else `text'."
  (let ((sym (intern-soft str)))
    (or (cdr (seq-find (lambda (pair) (funcall (car pair) sym)) elisp--completion-kind-tests))
        'text)))

(defun elisp--company-doc-string (str) "Return the first line of the documentation of the symbol named STR, or nil."
  (let* ((sym (intern-soft str))
         (doc (cond ((fboundp sym) (ignore-errors (documentation sym t)))
                    (sym (documentation-property sym 'variable-documentation t)))))
    (and (stringp doc)
         (substring doc 0 (string-search "\n" doc)))))

(defun elisp--documentation-one-liner () "Return the documentation Eldoc finds for the thing at point as one line THING: DOC, or nil."
  (let* ((line nil)
         (report (lambda (doc &rest props)
                   (when doc
                     (let ((thing (plist-get props :thing)))
                       (setq line (if thing
                                      (concat (propertize (format "%s" thing) 'face (plist-get props :face))
                                              ": " doc)
                                    doc))))
                   t)))
    ;; Emacs Lisp's own reporters, whatever the buffer's hook holds: a
    ;; variable's documentation wins over the call around it.
    (or (elisp-eldoc-var-docstring report) line (elisp-eldoc-funcall report))
    line))

(defalias 'elisp-eldoc-documentation-function #'elisp--documentation-one-liner)

(defun elisp--safe-macroexpand-all (sexp) "Return SEXP with all its macros expanded, or SEXP itself if expanding fails."
  (condition-case nil
      (macroexpand-all sexp)
    (error sexp)))

(defun elisp--local-variables-1 (vars sexp) "Return the variables bound where `elisp--witness--lisp' is in SEXP, VARS being bound around SEXP.
The innermost come first; a list (nil) means none, nil that the
witness is not in SEXP."
  (let ((found (catch 'elisp--local-vars
                 (let ((elisp--witness-marker 'elisp--witness--lisp))
                   (elisp--scan-bindings sexp vars))
                 'absent)))
    (cond ((eq found 'absent) nil)
          (found)
          (t (list nil)))))

(defun emacs-lisp-macroexpand () "Expand by one step the macro call that starts at point, replacing it in the buffer."
  (interactive)
  (let* ((start (point))
         (form (read (current-buffer)))
         (expansion (macroexpand-1 form macroexpand-all-environment)))
    (if (equal form expansion)
        (message "Not a macro call, nothing to expand")
      (delete-region start (point))
      (let ((text (pp-to-string expansion)))
        (insert (string-trim-right text "\n")))
      (indent-region start (point)))))

;;;; Where point stands in a form

(defun elisp--form-quoted-p (pos) "Return non-nil if the code at POS is quoted, so not evaluated.
That is: POS is in a string or comment (the value is where it
starts), just after a quote or backquote, or in a list or vector that
is quoted or backquoted without an unquote nearer to POS."
  (let* ((state (save-excursion (syntax-ppss pos)))
         ;; Blanks between a quote mark and what it quotes do not count.
         (mark (char-before (save-excursion (goto-char pos) (skip-chars-backward " \t\n") (point)))))
    (cond
     ((nth 8 state))
     ((memq mark '(?\' ?\`)) t)
     ((eq mark ?,) nil)
     (t
      (let ((opens (reverse (nth 9 state))) (verdict nil) (decided nil))
        (while (and opens (not decided))
          (let ((open (car opens)))
            (cond ((memq (char-before open) '(?\' ?\`)) (setq verdict t decided t))
                  ((eq (char-before open) ?,) (setq decided t))
                  ((eq (char-after open) ?\[) (setq verdict t decided t))))
          (setq opens (cdr opens)))
        verdict)))))

(defun elisp--expect-function-p (pos) "Return non-nil if what starts at POS is expected to name a function: it follows #' or (function."
  (save-excursion
    (goto-char pos)
    (or (and (eq (char-before) ?\') (eq (char-before (1- pos)) ?#))
        (progn (skip-chars-backward " \t\n")
               (and (looking-back "(function" (max (point-min) (- (point) 9)))
                    (< (point) pos)
                    t)))))

(provide 'elisp-mode)

;;;; Odds and ends GNU's elisp-mode.el also has

;;;###autoload
(defvar elisp--eldoc-last-data (make-vector 3 nil) "The last symbol Eldoc documented, its text and its kind, as a three-slot vector.")

(defun elisp--last-data-store (symbol doc type) "Remember that SYMBOL's documentation of kind TYPE is DOC, for Eldoc; return DOC."
  (let ((slot 0))
    (dolist (value (list symbol doc type))
      (aset elisp--eldoc-last-data slot value)
      (setq slot (1+ slot))))
  doc)

(defun emacs-lisp-set-electric-text-pairs () "Make Electric Pair mode also pair `...' and curved single quotes in Emacs Lisp buffers.
The pairs are added to the value in the current buffer, and the result
becomes the value in every Emacs Lisp buffer; the function then leaves
`electric-pair-mode-hook', where Emacs Lisp mode puts it when Electric
Pair mode is not loaded yet."
  (remove-hook 'electric-pair-mode-hook #'emacs-lisp-set-electric-text-pairs)
  (let ((pairs (cons (cons ?\` ?\') (cons (cons ?‘ ?’) electric-pair-text-pairs))))
    (elisp--in-each-buffer (lambda () (setq-local electric-pair-text-pairs pairs)))))

(defun elisp--in-each-buffer (fn) "Call FN in every Emacs Lisp buffer; return nil."
  (mapc (lambda (buf)
          (with-current-buffer buf (if (derived-mode-p 'emacs-lisp-mode) (funcall fn))))
        (buffer-list))
  nil)

(defun elisp--font-lock-flush-elisp-buffers (&optional _file) "Refontify every Emacs Lisp buffer with Font Lock on, since macros may have changed; return nil."
  (elisp--in-each-buffer
   (lambda () (and (bound-and-true-p font-lock-mode) (fboundp 'font-lock-flush) (font-lock-flush)))))

(defun elisp--completion-local-symbols () "Return the table of symbols completion looks in: the obarray."
  obarray)

(defun elisp--company-location (str) "Return (BUFFER . POSITION) of the definition of the symbol named STR, as a function, variable or face."
  ;; The first kind of definition the symbol has wins; nil is bound, so an
  ;; unknown name ends up asking for the variable nil.
  (let* ((sym (intern-soft str))
         (kind (seq-find (lambda (entry) (funcall (car entry) sym))
                         (list (cons #'fboundp nil) (cons #'boundp 'defvar)
                               (cons #'elisp--face-name-p 'defface)))))
    (and kind (find-definition-noselect sym (cdr kind)))))

(defun elisp--xref-make-xref (type symbol file &optional summary) "Return an xref item for the definition of SYMBOL of TYPE in FILE.
SUMMARY, if given, describes it; otherwise (TYPE SYMBOL), TYPE `defun' when nil."
  (let ((where (xref-make-elisp-location symbol type file))
        (said (or summary
                  (format "(%s %s)"
                          (propertize (symbol-name (or type 'defun)) 'face 'font-lock-keyword-face)
                          (propertize (symbol-name symbol) 'face 'font-lock-function-name-face)))))
    (xref-make said where)))

(defun elisp--xref-find-definitions (symbol) "Return xref items for the definitions of SYMBOL found through `symbol-file'."
  (let ((items nil))
    (when (fboundp symbol)
      (let ((def (symbol-function symbol))
            (file (symbol-file symbol 'defun)))
        (cond ((and def (symbolp def))
               (when file (push (elisp--xref-make-xref 'defalias symbol file) items))
               (setq items (append (reverse (elisp--xref-find-definitions def)) items)))
              ((and file (not (subrp def)))
               (push (elisp--xref-make-xref nil symbol file) items)))))
    (pcase-dolist (`(,applies ,kind ,type) `((,(or (boundp symbol) (special-variable-p symbol)) defvar defvar)
                                             (,(elisp--face-name-p symbol) defface defface)
                                             (,(featurep symbol) provide feature)))
      (let ((file (and applies (symbol-file symbol kind))))
        (if file (push (elisp--xref-make-xref type symbol file) items))))
    ;; GNU lists a variable before the function of the same name.
    (let* ((in-order (reverse items))
           (vars (seq-filter (lambda (x) (eq (xref-elisp-location-type (aref x 2)) 'defvar))
                             in-order)))
      (append vars (seq-remove (lambda (x) (memq x vars)) in-order)))))

(defun elisp--xref-filter-definitions (definitions namespace symbol) "Keep of the xref items DEFINITIONS of SYMBOL those in NAMESPACE.
NAMESPACE is `function', `variable', `maybe-variable', `face', `feature' or `any'."
  (let ((type-of (lambda (item) (xref-elisp-location-type (aref item 2)))))
    (cond ((not (eq namespace 'any))
           (let ((kinds (pcase-exhaustive namespace
                          ('variable '(defvar)) ('face '(defface)) ('feature '(feature)) ('function nil))))
             (seq-filter (lambda (item)
                           (let ((type (funcall type-of item)))
                             (if (eq namespace 'function)
                                 (not (memq type '(defvar defface feature)))
                               (memq type kinds))))
                         definitions)))
          ;; A minor mode's variable comes with its function: only the function is listed.
          ((memq symbol minor-mode-list)
           (seq-remove (lambda (item) (eq (funcall type-of item) 'defvar)) definitions))
          (t definitions))))

(cl-defmethod xref-backend-definitions ((_backend (eql 'elisp)) identifier) "Return xref items for the definitions of the symbol named IDENTIFIER."
  ;; Every kind of definition of the name counts, wherever it was found.
  (let ((sym (intern-soft identifier)))
    (and sym
         (elisp--xref-filter-definitions
          (elisp--xref-find-definitions sym)
          'any
          sym))))

(cl-defmethod xref-backend-apropos ((_backend (eql 'elisp)) pattern) "Return xref items for the definitions of the symbols matching PATTERN."
  (apropos-parse-pattern pattern)
  (mapcan (lambda (sym) (copy-sequence (elisp--xref-find-definitions sym)))
          (apropos-internal (symbol-value 'apropos-regexp)
                            (lambda (sym) (or (fboundp sym) (boundp sym) (facep sym))))))
