;;; modes.el --- mode hooks, minor-mode registry, abbrev tables and the preloaded major modes  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and its manual.
;;
;; Preloaded.  GNU spreads this over subr.el (hooks of major modes,
;; `derived-mode-p'), abbrev.el (tables), simple.el (`fundamental-mode',
;; `special-mode'), text-mode.el, prog-mode.el, lisp-mode.el and
;; elisp-mode.el.  The major modes below are written with
;; `define-derived-mode'; its library is autoloaded, and this file puts
;; the autoload back when it is done so that the image carries only the
;; expanded mode functions, as GNU's dumped byte code does.

;;; Running the hooks of a major mode.

(defvar delay-mode-hooks nil "Non-nil while a derived mode's parents run: `run-mode-hooks' then only saves the hooks.")
(put 'delay-mode-hooks 'permanent-local t)

(defvar-local delayed-mode-hooks nil "Hooks saved by `run-mode-hooks' while `delay-mode-hooks' was on, newest first.")

(defvar-local delayed-after-hook-functions nil "Functions of the modes' :after-hook forms still to be called, newest first.")

(defvar change-major-mode-after-body-hook nil "Normal hook `run-mode-hooks' runs first.")
(defvar after-change-major-mode-hook nil "Normal hook `run-mode-hooks' runs after the mode's own.")

(defvar modes--hack-done-later nil "Non-nil while `normal-mode' chooses the mode: it applies the file's local variables itself.")

(defmacro delay-mode-hooks (&rest body) "Run BODY with the mode hooks it would run saved for a later `run-mode-hooks'."
  (declare (debug t) (indent 0))
  `(progn (make-local-variable 'delay-mode-hooks)
          (let ((delay-mode-hooks t)) ,@body)))

(defun run-mode-hooks (&rest hooks) "Run the hooks HOOKS of a major mode that has just been set up.
While `delay-mode-hooks' is on they are only saved.  Otherwise the saved
ones run first, oldest first, after `change-major-mode-after-body-hook';
then a visited file's local variables are applied,
`after-change-major-mode-hook' runs and the saved :after-hook functions
are called."
  (if delay-mode-hooks
      (dolist (hook hooks) (setq delayed-mode-hooks (cons hook delayed-mode-hooks)))
    (let ((all (append (reverse delayed-mode-hooks) hooks)))
      (setq delayed-mode-hooks nil)
      (apply #'run-hooks 'change-major-mode-after-body-hook all))
    (when (and buffer-file-name (not modes--hack-done-later))
      (condition-case err (hack-local-variables 'no-mode)
        (error (message "File local-variables error: %s" (error-message-string err)))))
    (run-hooks 'after-change-major-mode-hook)
    (let ((funs (reverse delayed-after-hook-functions)))
      (setq delayed-after-hook-functions nil)
      (while funs
        (funcall (car funs))
        (setq funs (cdr funs))))))

(defun provided-mode-derived-p (mode &rest modes) "Return the first of MODES that MODE is or derives from, or nil.
The chain follows the `derived-mode-parent' properties, and a mode that
is an alias of another continues through it."
  (let ((m mode))
    (while (and m (not (memq m modes)))
      (setq m (or (get m 'derived-mode-parent)
                  (let ((alias (symbol-function m))) (and alias (symbolp alias) alias)))))
    m))

(defun derived-mode-p (&rest modes) "Return the first of MODES that the current major mode is or derives from, or nil."
  (apply #'provided-mode-derived-p major-mode modes))

(defun fundamental-mode () "Put the current buffer in Fundamental mode, the mode with no special settings.
All buffer-local variables but the permanent ones are dropped."
  (interactive)
  (progn (kill-all-local-variables) (run-mode-hooks)))

;;; Minor modes' registry.

(defvar minor-mode-alist nil "Mode-line strings of minor modes, each (VARIABLE STRING).")
(defvar minor-mode-list nil "Symbols of the minor modes defined so far.")
(defvar global-minor-modes nil "The global minor modes that are on.")

(defun add-minor-mode (toggle name &optional keymap _after toggle-fun) "Register TOGGLE, the variable of a minor mode, with mode-line text NAME and KEYMAP.
TOGGLE-FUN, when given, is recorded as the command that toggles it."
  (unless (memq toggle minor-mode-list) (setq minor-mode-list (cons toggle minor-mode-list)))
  (when (and toggle-fun (not (eq toggle toggle-fun)))
    (put toggle :minor-mode-function toggle-fun))
  (when name
    (let ((known (assq toggle minor-mode-alist)))
      (if known (setcdr known (list name))
        (setq minor-mode-alist (cons (list toggle name) minor-mode-alist)))))
  (when keymap
    (let ((known (assq toggle minor-mode-map-alist)))
      (if known (setcdr known keymap)
        (setq minor-mode-map-alist (cons (cons toggle keymap) minor-mode-map-alist))))))

(defun force-mode-line-update (&optional _all) "Ask for the mode line to be redisplayed: without a display there is nothing to do."
  nil)

;;; Abbrev tables, as far as modes need them.  A table is an obarray whose
;;; symbol named "" carries the table's properties.

(defvar abbrev-table-name-list '(fundamental-mode-abbrev-table global-abbrev-table) "Names of the variables holding abbrev tables.")

(defun make-abbrev-table (&optional props) "Return a new abbrev table with the property list PROPS."
  (let ((table (obarray-make 59)))
    (set (intern "" table) nil)
    (setplist (intern "" table) (list :abbrev-table-modiff 0))
    (modes--abbrev-table-props table props)
    table))

(defun modes--abbrev-table-props (table props) "Give the abbrev TABLE each property of the list PROPS."
  (let ((rest props))
    (while (consp rest)
      (abbrev-table-put table (pop rest) (car rest))
      (setq rest (cdr rest)))))

(defun abbrev-table-p (object) "Return non-nil when OBJECT is an abbrev table."
  (and (obarrayp object) (numberp (ignore-errors (abbrev-table-get object :abbrev-table-modiff)))))

(defun abbrev-table-get (table prop) "Return the property PROP of the abbrev TABLE."
  (let ((holder (intern-soft "" table)))
    (and holder (get holder prop))))

(defun abbrev-table-put (table prop value) "Give the abbrev TABLE the property PROP with VALUE; return VALUE."
  ;; The nameless symbol that holds the table's properties has a nil value, so
  ;; it is no abbrev but every symbol of the table is bound.
  (let ((holder (intern "" table)))
    (set holder nil)
    (put holder prop value)))

(defun define-abbrev-table (tablename definitions &optional docstring &rest props)
  "Make TABLENAME's value an abbrev table (keeping one it has) with the properties PROPS.
Each element of DEFINITIONS is the argument list of a `define-abbrev'
call, less the table: (NAME EXPANSION [HOOK] [PROPS...])."
  (when (and docstring props (symbolp docstring))
    ;; A keyword where the docstring goes starts the properties.
    (setq props (cons docstring props) docstring nil))
  (let ((table (and (boundp tablename) (symbol-value tablename))))
    (unless (abbrev-table-p table)
      (set tablename (setq table (make-abbrev-table)))
      (or (memq tablename abbrev-table-name-list) (push tablename abbrev-table-name-list)))
    (if (stringp docstring) (put tablename 'variable-documentation docstring))
    (modes--abbrev-table-props table props)
    (dolist (definition definitions)
      (apply #'define-abbrev table definition))))

(defvar global-abbrev-table (make-abbrev-table) "The abbrev table of every buffer, consulted after the local one.")
(defvar fundamental-mode-abbrev-table (make-abbrev-table) "The abbrev table of Fundamental mode.")
(setq-default local-abbrev-table fundamental-mode-abbrev-table)

;;; Comment settings the Lisp modes change.

(defvar comment-start nil "String that starts a comment, or nil when the mode has none.")
(defvar comment-start-skip nil "Regexp matching the start of a comment and the space after it.")
(defvar comment-end "" "String that ends a comment; empty when comments end at the line's end.")
(defvar comment-end-skip nil "Regexp matching the end of a comment and the space before it.")
(defvar comment-use-syntax 'undecided "Non-nil when comments are found through the syntax table.")
(defvar comment-add 0 "How many extra comment characters a new comment gets.")
(defvar comment-column 32 "Column where end-of-line comments start.")
(defvar comment-padding " " "Text put between the comment starter and the comment.")
(defvar comment-multi-line nil "Non-nil when a comment may go on over several lines.")
(defvar comment-indent-function 'comment-indent-default "Function giving the column for a comment that starts at point.")
(make-variable-buffer-local 'comment-indent-function)
(dolist (var '(comment-start comment-start-skip comment-use-syntax comment-add comment-column))
  (make-variable-buffer-local var))

(defvar require-final-newline nil "Whether saving a file adds a newline at its end.")
(make-variable-buffer-local 'require-final-newline)
(defvar indent-line-function 'indent-relative "Function that indents the current line.")
(make-variable-buffer-local 'indent-line-function)
(defvar parse-sexp-ignore-comments nil "Non-nil when sexp motion skips comments.")
(make-variable-buffer-local 'parse-sexp-ignore-comments)
(defvar multibyte-syntax-as-symbol nil "Non-nil when non-ASCII characters count as symbol constituents.")
(make-variable-buffer-local 'multibyte-syntax-as-symbol)
(defvar paragraph-ignore-fill-prefix nil "Non-nil when paragraphs are found without regard to the fill prefix.")
(make-variable-buffer-local 'paragraph-ignore-fill-prefix)
(defvar outline-regexp "[*\^L]+" "Regexp matching the start of an outline heading.")
(make-variable-buffer-local 'outline-regexp)

;;; The preloaded major modes.

(defvar special-mode-map
  (let ((map (make-sparse-keymap)))
    ;; Letters do not insert here; they are commands.
    (suppress-keymap map)
    (dolist (binding '(("q" . quit-window) (" " . scroll-up-command)
                       ([?\S-\ ] . scroll-down-command) ("\C-?" . scroll-down-command)
                       ("?" . describe-mode) ("h" . describe-mode)
                       (">" . end-of-buffer) ("<" . beginning-of-buffer)
                       ("g" . revert-buffer)))
      (define-key map (car binding) (cdr binding)))
    map)
  "Keys of `special-mode' and of the modes derived from it.")

(define-derived-mode special-mode
  nil "Special"
  "Mode of buffers that show data rather than text to edit: they are read-only."
  (setq-local buffer-read-only t))
;; Modes derived from it inherit this class.
(put 'special-mode 'mode-class 'special)

(define-derived-mode messages-buffer-mode special-mode "Messages"
  "Mode of the *Messages* buffer, the log of the messages shown.")

(defun messages-buffer () "Give the *Messages* buffer, making it (in `messages-buffer-mode') if it is gone."
  (or (get-buffer "*Messages*")
      (let ((log (get-buffer-create "*Messages*")))
        (with-current-buffer log (messages-buffer-mode) (buffer-disable-undo))
        log)))

(defvar messages--logging nil "Non-nil while a message is being logged.")

(defun messages--log (text) "Add TEXT, a message just shown, at the end of the *Messages* buffer.
`message' calls this.  TEXT equal to the last line logged (counting a
trailing count of repeats there) turns that line into TEXT with the count
one higher, as \" [N times]\", instead.
With `message-log-max' a number, only that many lines are kept; nil logs
nothing."
  (when (and message-log-max (not messages--logging))
    (let ((messages--logging t))
      (with-current-buffer (messages-buffer)
        (let ((inhibit-read-only t) (inhibit-modification-hooks t) (buffer-undo-list t)
              (follow (= (point) (point-max))))
          (save-excursion
            (goto-char (point-max))
            (let* ((last-start (if (bobp) (point) (line-beginning-position 0)))
                   (last (buffer-substring-no-properties last-start (max last-start (1- (point)))))
                   ;; Text left without a newline is written on: no count then.
                   (times (cond ((or (bobp) (not (bolp))) nil)
                                ((equal last text) 2)
                                ((and (string-match "\\` *\\(.*\\) \\[\\([0-9]+\\) times\\]\\'" last)
                                      (equal (match-string 1 last) text))
                                 (1+ (string-to-number (match-string 2 last)))))))
              (if times
                  (progn (delete-region last-start (point))
                         (insert (format "%s [%d times]\n" (substring-no-properties text) times)))
                (insert (substring-no-properties text) "\n")))
            (let ((extra (and (natnump message-log-max)
                              (- (count-lines (point-min) (point-max)) message-log-max))))
              ;; Only the last `message-log-max' lines stay.
              (and extra (> extra 0)
                   (delete-region (point-min) (progn (goto-char (point-min)) (forward-line extra) (point))))))
          (when follow (goto-char (point-max))))))))

(with-current-buffer "*Messages*" (messages-buffer-mode) (buffer-disable-undo))

(defvar text-mode-syntax-table
  ;; Quotes and backslashes are punctuation in prose; an apostrophe is
  ;; part of the word but also a prefix.
  (let ((table (make-syntax-table)))
    (dolist (entry '((?\" . ".") (?\\ . ".") (?' . "w p")) table)
      (modify-syntax-entry (car entry) (cdr entry) table)))
  "Syntax table of Text mode.")

(defvar text-mode-variant nil "Non-nil in a buffer whose mode is Text mode or one derived from it.")

(define-derived-mode text-mode
  nil "Text"
  "Major mode for prose written for people to read."
  (setq-local require-final-newline t
              text-mode-variant t))

(defvar pre-command-hook nil "Normal hook run before each command the command loop executes.")
(defvar post-command-hook nil "Normal hook run after each command the command loop executes.")
(defvar executing-kbd-macro nil "The keyboard macro being executed, or nil when none is.")
(defvar font-lock-extra-managed-props nil "Text properties that fontification manages besides `face'.")
(defvar prog-indentation-context nil "Nil, or (FIRST-COLUMN . REST) when the code being indented is embedded in other text.")
(defvar-local prettify-symbols-alist nil "Symbols shown as single characters by Prettify Symbols mode: (SYMBOL-TEXT . CHARACTER) pairs.
The CHARACTER may also be a string or a list of composition components.")
(defvar-local prettify-symbols-compose-predicate #'prettify-symbols-default-compose-p "Function of START, END and the matched text saying whether a match may be prettified.")
(defvar prettify-symbols-unprettify-at-point nil "Whether the prettified symbol at point is shown as written: nil, t or `right-edge'.")
(put 'prettify-symbols-unprettify-at-point 'custom-type
     '(choice (const :tag "Never unprettify" nil)
              (const :tag "Unprettify when point is inside" t)
              (const :tag "Unprettify when point is inside or at right edge" right-edge)))
(defvar-local prettify-symbols--keywords nil "The font-lock keywords Prettify Symbols mode added to the buffer.")
(defvar-local prettify-symbols--current-symbol-bounds nil "Nil, or (START END) of the symbol shown as written because point is in it.")
(defvar-local prettify-symbols-mode nil "Non-nil when Prettify Symbols mode is on in the buffer.")
(defvar global-prettify-symbols-mode nil "Non-nil when Prettify Symbols mode is turned on in every buffer that supports it.")
(defconst lisp-prettify-symbols-alist '(("lambda" . ?\u03bb)) "The symbols Lisp modes prettify, for `prettify-symbols-alist'.")

(define-derived-mode prog-mode
  nil "Prog"
  "The mode that programming-language modes derive from."
  (setq-local require-final-newline t
              parse-sexp-ignore-comments t
              bidi-paragraph-direction 'left-to-right))
(define-key prog-mode-map "\e\C-q" #'prog-indent-sexp)

(defconst modes--lisp-locals
  '((paragraph-ignore-fill-prefix . t) (indent-line-function . lisp-indent-line)
    (indent-region-function . lisp-indent-region) (comment-indent-function . lisp-comment-indent)
    (outline-level . lisp-outline-level)
    (outline-regexp . ";;;\\(;* [^ \t\n]\\|###autoload\\)\\|(")
    (comment-start . ";") (comment-start-skip . ";+ *") (comment-add . 1)
    (comment-column . 40) (comment-use-syntax . t) (multibyte-syntax-as-symbol . t)
    (electric-pair-skip-whitespace . chomp) (electric-pair-open-newline-between-pairs . nil)
    (add-log-current-defun-function . lisp-current-defun-name))
  "Buffer-local settings every Lisp mode makes, as (VARIABLE . VALUE).")

(defun modes--lisp-settings () "Give the buffer the settings of `modes--lisp-locals', and Lisp's prettified symbols."
  (dolist (setting modes--lisp-locals)
    (set (make-local-variable (car setting)) (cdr setting)))
  (setq-local prettify-symbols-alist lisp-prettify-symbols-alist)
  (setq-local adaptive-fill-function #'lisp-adaptive-fill))

(defun lisp-mode-variables (&optional lisp-syntax keywords-case-insensitive _elisp) "Give the current buffer the local settings every Lisp mode makes.
With LISP-SYNTAX, `lisp-mode-syntax-table' becomes its syntax table;
KEYWORDS-CASE-INSENSITIVE makes font-lock keywords match in any case."
  (when lisp-syntax (set-syntax-table lisp-mode-syntax-table))
  (modes--lisp-settings)
  (when keywords-case-insensitive
    (setq-local font-lock-keywords-case-fold-search t)))

;; Keys the Lisp modes share, and each one's own: evaluation and
;; indentation commands, loaded on first use.  Each map is built from a
;; parent and (KEYS . COMMAND) pairs, defined in order.
(defun modes--keymap (parent bindings) "A new sparse keymap with PARENT and the (KEYS . COMMAND) BINDINGS."
  (let ((keys (make-sparse-keymap)))
    (set-keymap-parent keys parent)
    (dolist (binding bindings keys)
      (define-key keys (car binding) (cdr binding)))))
(defvar lisp-mode-shared-map (modes--keymap prog-mode-map
                                           '(("\e\C-q" . indent-sexp)
                                             ("\177" . backward-delete-char-untabify)))
  "Keymap of the keys all Lisp modes share.")
(defvar emacs-lisp-mode-map (modes--keymap lisp-mode-shared-map
                                          '(("\e\t" . completion-at-point)
                                            ("\e\C-x" . eval-defun)
                                            ("\e\C-q" . indent-pp-sexp)))
  "Keymap of Emacs Lisp mode.")
(defvar lisp-interaction-mode-map (modes--keymap lisp-mode-shared-map
                                                '(("\e\C-x" . eval-defun)
                                                  ("\e\C-q" . indent-pp-sexp)
                                                  ("\e\t" . completion-at-point)
                                                  ("\n" . eval-print-last-sexp)))
  "Keymap of Lisp Interaction mode.")
(defvar lisp-mode-map (modes--keymap lisp-mode-shared-map
                                    '(("\e\C-x" . lisp-eval-defun)
                                      ("\C-c\C-z" . run-lisp)))
  "Keymap of Lisp mode.")

;; The menu-bar menus of the three Lisp modes, as GNU's maps hold them
;; (a batch session shows none, but `lookup-key' and `local-key-binding'
;; see them).  Items whose commands live in libraries tsmacs lacks are kept:
;; a menu names a command, it does not need it defined.  The tables below
;; write an item as (COMMAND LABEL HELP EXTRA...), a submenu as
;; (NAME . ITEMS), a separator as -, and `modes--menu' makes easymenu's
;; vectors of them.
(defun modes--menu (name items) "The easymenu form of the menu NAME with the ITEMS of a table above."
  (cons name
        (mapcar (lambda (item)
                  (cond ((eq item '-) "---")
                        ((stringp (car item)) (modes--menu (car item) (cdr item)))
                        (t (vconcat (list (nth 1 item) (car item))
                                    (nthcdr 3 item)
                                    (if (nth 2 item) (list :help (nth 2 item)))))))
                items)))

(let ((in-region '(:enable mark-active))
      (when-profiling '(:enable (and (featurep 'profiler) (profiler-running-p))))
      (edebug '(edebug-defun "Instrument Function for Debugging"
                "Evaluate the top level form point is in, stepping through with Edebug"
                :keys "C-u C-M-x")))
  (easy-menu-define emacs-lisp-mode-menu emacs-lisp-mode-map
    "Menu for Emacs Lisp mode."
    (modes--menu
     "Emacs-Lisp"
     `((lisp-indent-line "Indent Line" nil)
       (indent-region "Indent Region" "Indent each nonblank line in the region" ,@in-region)
       (comment-region "Comment Out Region" "Comment or uncomment each line in the region" ,@in-region)
       -
       (eval-last-sexp "Evaluate Last S-expression" "Evaluate sexp before point; print value in echo area")
       (eval-region "Evaluate Region" "Execute the region as Lisp code" ,@in-region)
       (eval-buffer "Evaluate Buffer" "Execute the current buffer as Lisp code")
       (ielm "Interactive Expression Evaluation" "Interactively evaluate Emacs Lisp expressions")
       -
       (emacs-lisp-byte-compile "Byte-compile This File"
        "Byte compile the file containing the current buffer")
       (emacs-lisp-byte-compile-and-load "Byte-compile and Load"
        "Byte-compile the current file (if it has changed), then load compiled code")
       (byte-recompile-directory "Byte-recompile Directory..."
        "Recompile every `.el' file in DIRECTORY that needs recompilation")
       (disassemble "Disassemble Byte Compiled Object..."
        "Print disassembled code for OBJECT in a buffer")
       -
       ,edebug
       ("Navigation"
        (forward-sexp "Forward Sexp" "Go to the next s-expression")
        (backward-sexp "Backward Sexp" "Go to the previous s-expression")
        (beginning-of-defun "Beginning Of Defun" "Go to the start of the current function definition")
        (up-list "Up List" "Go one level up and forward"))
       ("Linting"
        (elint-defun "Lint Defun" "Lint the function at point")
        (elint-current-buffer "Lint Buffer" "Lint the current buffer")
        (elint-file "Lint File..." "Lint a file")
        (elint-directory "Lint Directory..." "Lint a directory"))
       ("Profiling"
        (profiler-start "Start Native Profiler..." "Start recording profiling information")
        (profiler-report "Show Profiler Report" "Show the current profiler report" ,@when-profiling)
        (profiler-stop "Stop Native Profiler" "Stop recording profiling information" ,@when-profiling)
        -
        (elp-instrument-function "Instrument Function..." "Instrument a function for profiling")
        (elp-instrument-package "Instrument Package..."
         "Instrument for profiling all function that start with a prefix")
        (elp-results "Show Profiling Results" "Display current profiling results")
        (elp-reset-function "Reset Counters for Function..."
         "Reset the profiling information for a function")
        (elp-reset-all "Reset Counters for All Functions"
         "Reset the profiling information for all functions being profiled")
        -
        (elp-restore-all "Remove Instrumentation for All Functions"
         "Restore the original definitions of all functions being profiled")
        (elp-restore-function "Remove Instrumentation for Function..."
         "Restore an instrumented function to its original definition"))
       ("Tracing"
        (trace-function "Trace Function..." "Trace the function given as an argument")
        (trace-function-background "Trace Function Quietly..."
         "Trace the function with trace output going quietly to a buffer")
        -
        (untrace-all "Untrace All" "Untrace all currently traced functions")
        (untrace-function "Untrace Function..."
         "Untrace function, and possibly activate all remaining advice"))
       (re-builder "Construct Regexp" "Construct a regexp interactively")
       (checkdoc "Check Documentation Strings" "Check documentation strings for style requirements")
       (eldoc-mode "Auto-Display Documentation Strings"
        "Display the documentation string for the item under cursor"
        :style toggle :selected (bound-and-true-p eldoc-mode)))))

  (easy-menu-define lisp-interaction-mode-menu lisp-interaction-mode-map
    "Menu for Lisp Interaction mode."
    (modes--menu
     "Lisp-Interaction"
     `((completion-at-point "Complete Lisp Symbol" "Perform completion on Lisp symbol preceding point")
       (indent-pp-sexp "Indent or Pretty-Print"
        "Indent each line of the list starting just after point, or prettyprint it")
       ,edebug
       (eval-print-last-sexp "Evaluate and Print"
        "Evaluate sexp before point; print value into current buffer")
       (eval-defun "Evaluate Defun" "Evaluate the top-level form containing point, or after point")))))

(easy-menu-define lisp-mode-menu lisp-mode-map
  "Menu for ordinary Lisp mode."
  (modes--menu
   "Lisp"
   '((indent-sexp "Indent sexp" "Indent each line of the list starting just after point")
     (lisp-eval-defun "Eval defun" "Send the current defun to the Lisp process made by M-x run-lisp")
     (run-lisp "Run inferior Lisp"
      "Run an inferior Lisp process, input and output via buffer `*inferior-lisp*'"))))

(define-derived-mode lisp-data-mode
  prog-mode "Lisp-Data"
  "Major mode for files of Lisp data, such as the ones `read' takes back."
  (modes--lisp-settings)
  (setq-local electric-quote-string t)
  ;; Lisp data and Emacs Lisp are case-sensitive (Common Lisp's mode sets it back).
  (setq-local imenu-case-fold-search nil)
  (setq-local font-lock-defaults (lisp-fl--defaults nil)))

(defun modes--elisp-text-pairs () "Make Electric Pair mode pair `...' and curved single quotes in this buffer too."
  (setq-local electric-pair-text-pairs
              (cons (cons ?\` ?\') (cons (cons ?‘ ?’) electric-pair-text-pairs))))

(define-derived-mode emacs-lisp-mode lisp-data-mode "ELisp"
  "Major mode for editing Emacs Lisp code."
  (setq-local font-lock-defaults (lisp-fl--defaults t))
  ;; Completion and Eldoc know Emacs Lisp (elisp-mode.el, eldoc.el).
  (add-hook 'completion-at-point-functions #'elisp-completion-at-point nil 'local)
  (add-hook 'eldoc-documentation-functions #'elisp-eldoc-funcall nil t)
  (add-hook 'eldoc-documentation-functions #'elisp-eldoc-var-docstring nil t)
  (add-hook 'xref-backend-functions #'elisp--xref-backend nil t)
  (setq-local project-vc-external-roots-function #'elisp-load-path-roots)
  ;; `...' pairs in comments and strings (at once, or when Electric Pair mode loads).
  (if (boundp 'electric-pair-text-pairs)
      (modes--elisp-text-pairs)
    (add-hook 'electric-pair-mode-hook #'emacs-lisp-set-electric-text-pairs))
  ;; Eldoc is on by default; its library loads when first asked for.
  (if (featurep 'eldoc)
      (when global-eldoc-mode (turn-on-eldoc-mode))
    (setq-local eldoc-mode t)
    (setq local-minor-modes (cons 'eldoc-mode (delq 'eldoc-mode local-minor-modes)))
    (add-hook 'post-command-hook #'eldoc-schedule-timer nil t)
    (add-hook 'pre-command-hook #'eldoc-pre-command-refresh-echo-area nil t)))

(define-derived-mode lisp-interaction-mode
  emacs-lisp-mode "Lisp Interaction"
  "Emacs Lisp mode as *scratch* has it, where expressions are evaluated in place."
  :abbrev-table nil   ; it shares Emacs Lisp mode's
  (setq-local lexical-binding t))

(define-derived-mode lisp-mode
  lisp-data-mode "Lisp"
  "Major mode for Lisp code other than Emacs Lisp, Common Lisp above all.
Comments may also be #| ... |# blocks, and lines are indented by
`common-lisp-indent-function' (from cl-indent, which this system lacks)."
  (setq-local find-tag-default-function 'lisp-find-tag-default
              comment-start-skip "\\(\\(^\\|[^\\\n]\\)\\(\\\\\\\\\\)*\\)\\(;+\\|#|\\) *"
              comment-end-skip "[ \t]*\\(\\s>\\||#\\)"
              font-lock-comment-end-skip "|#"
              imenu-case-fold-search t
              lisp-indent-function 'common-lisp-indent-function))
(defalias 'common-lisp-mode #'lisp-mode)

;;; Choosing a mode from the file name.

(defvar auto-mode-alist
  '(("\\.gpg\\(~\\|\\.~[0-9]+~\\)?\\'" nil epa-file)
    ("\\.zst\\'" nil jka-compr) ("\\.dz\\'" nil jka-compr) ("\\.xz\\'" nil jka-compr)
    ("\\.lzma\\'" nil jka-compr) ("\\.lz\\'" nil jka-compr) ("\\.g?z\\'" nil jka-compr)
    ("\\.bz2\\'" nil jka-compr) ("\\.Z\\'" nil jka-compr)
    ("\\.te?xt\\'" . text-mode) ("\\.dir-locals\\(?:-2\\)?\\.el\\'" . lisp-data-mode)
    ("\\.el\\'" . emacs-lisp-mode) ("\\.article\\'" . text-mode) ("\\.letter\\'" . text-mode)
    ("[:/\\]\\..*\\(emacs\\|gnus\\|viper\\)\\'" . emacs-lisp-mode) ("\\`\\..*emacs\\'" . emacs-lisp-mode)
    ("[:/]_emacs\\'" . emacs-lisp-mode) ("\\.tar\\'" . tar-mode)
    ;; Configuration files (conf-mode.el), in GNU's order among its entries.
    ("/config\\.\\(?:bat\\|log\\)\\'" . fundamental-mode)
    ("\\.\\(?:[iI][nN][iI]\\|[lL][sS][tT]\\|[rR][eE][gG]\\|[sS][yY][sS]\\)\\'" . conf-mode)
    ("\\.la\\'" . conf-unix-mode) ("\\.ppd\\'" . conf-ppd-mode) ("java.+\\.conf\\'" . conf-javaprop-mode)
    ("\\.properties\\(?:\\.[a-zA-Z0-9._-]+\\)?\\'" . conf-javaprop-mode) ("\\.toml\\'" . conf-toml-mode)
    ("\\.desktop\\'" . conf-desktop-mode) ("/\\.redshift\\.conf\\'" . conf-windows-mode)
    ("\\`/etc/\\(?:DIR_COLORS\\|ethers\\|.?fstab\\|.*hosts\\|lesskey\\|login\\.?de\\(?:fs\\|vperm\\)\\|magic\\|mtab\\|pam\\.d/.*\\|permissions\\(?:\\.d/.+\\)?\\|protocols\\|rpc\\|services\\)\\'" . conf-space-mode)
    ("\\`/etc/\\(?:acpid?/.+\\|aliases\\(?:\\.d/.+\\)?\\|default/.+\\|group-?\\|hosts\\..+\\|inittab\\|ksysguarddrc\\|opera6rc\\|passwd-?\\|shadow-?\\|sysconfig/.+\\)\\'" . conf-mode)
    ("/\\.?\\(?:gitconfig\\|gnokiirc\\|hgrc\\|kde.*rc\\|mime\\.types\\|wgetrc\\)\\'" . conf-mode)
    ("/\\.\\(?:asound\\|enigma\\|fetchmail\\|gltron\\|gtk\\|hxplayer\\|mairix\\|mbsync\\|msmtp\\|net\\|neverball\\|nvidia-settings-\\|offlineimap\\|qt/.+\\|realplayer\\|reportbug\\|rtorrent\\.\\|screen\\|scummvm\\|sversion\\|sylpheed/.+\\|xmp\\)rc\\'" . conf-mode)
    ("/\\.\\(?:gdbtkinit\\|grip\\|mpdconf\\|notmuch-config\\|orbital/.+txt\\|rhosts\\|tuxracer/options\\)\\'" . conf-mode)
    ("/\\.?X\\(?:default\\|resource\\|re\\)s\\>" . conf-xdefaults-mode)
    ("/X11.+app-defaults/\\|\\.ad\\'" . conf-xdefaults-mode)
    ("/X11.+locale/.+/Compose\\'" . conf-colon-mode) ("/X11.+locale/compose\\.dir\\'" . conf-javaprop-mode)
    ("\\.~?[0-9]+\\.[0-9][-.0-9]*~?\\'" nil t)
    ("\\.\\(?:orig\\|in\\|[bB][aA][kK]\\)\\'" nil t)
    ("[/.]c\\(?:on\\)?f\\(?:i?g\\)?\\(?:\\.[a-zA-Z0-9._-]+\\)?\\'" . conf-mode-maybe)
    ;; Programming languages (ruby-mode.el, python.el, cc-mode.el, js.el), as GNU lists them.
    ("\\(?:\\.\\(?:rbw?\\|ru\\|rake\\|thor\\|jbuilder\\|rabl\\|gemspec\\|podspec\\)\\|/\\(?:Gem\\|Rake\\|Cap\\|Thor\\|Puppet\\|Berks\\|Brew\\|Vagrant\\|Guard\\|Pod\\)file\\)\\'" . ruby-mode)
    ("\\.py[iw]?\\'" . python-mode) ("\\.ii\\'" . c++-mode) ("\\.i\\'" . c-mode) ("\\.lex\\'" . c-mode)
    ("\\.y\\(acc\\)?\\'" . c-mode) ("\\.h\\'" . c-or-c++-mode) ("\\.c\\'" . c-mode)
    ("\\.\\(CC?\\|HH?\\)\\'" . c++-mode) ("\\.[ch]\\(pp\\|xx\\|\\+\\+\\)\\'" . c++-mode)
    ("\\.\\(cc\\|hh\\)\\'" . c++-mode) ("\\.x[bp]m\\'" . c-mode) ("\\.js[mx]?\\'" . javascript-mode)
    ("\\.har\\'" . javascript-mode) ("\\.json\\'" . javascript-mode) ("\\.xs\\'" . c-mode))
  "Alist of (REGEXP . MODE) choosing a visited file's major mode by its name.
An element (REGEXP MODE t) also strips the match from the name and looks
again; MODE nil there only strips.  Only modes this system has are listed.")

(defvar auto-mode-case-fold t "Non-nil: when no entry of `auto-mode-alist' matches with case, try again without.")

(defvar interpreter-mode-alist
  '(("ruby1.8" . ruby-mode) ("ruby1.9" . ruby-mode) ("jruby" . ruby-mode) ("rbx" . ruby-mode)
    ("ruby" . ruby-mode) ("python[0-9.]*" . python-mode) ("rhino" . js-mode) ("gjs" . js-mode)
    ("nodejs" . js-mode) ("node" . js-mode) ("emacs" . emacs-lisp-mode))
  "Alist of (REGEXP . MODE) choosing a major mode from a script's #! interpreter.")

(defun modes--mode-for-name (name) "The major mode `auto-mode-alist' gives the file NAME, or nil."
  (let ((mode nil) (done nil)
        ;; Backup and version suffixes say nothing about the contents.
        (name (file-name-sans-versions name)))
    (while (and name (not done))
      (let ((entry (or (let ((case-fold-search nil)) (assoc-default name auto-mode-alist #'string-match))
                       (and auto-mode-case-fold
                            (let ((case-fold-search t)) (assoc-default name auto-mode-alist #'string-match))))))
        (cond ((null entry) (setq done t))
              ((and (consp entry) (nth 1 entry))
               ;; Strip what matched and look at the rest of the name too.
               (if (car entry) (setq mode (or mode (car entry))))
               (setq name (substring name 0 (match-beginning 0))))
              ((consp entry)
               (setq done t mode (or (car entry) mode)))
              (t (setq mode entry done t)))))
    mode))

(defun modes--interpreter-mode () "The major mode the buffer's #! line asks for through `interpreter-mode-alist', or nil."
  (save-excursion
    (goto-char (point-min))
    (when (looking-at "#![ \t]?\\([^ \t\n]*/bin/env[ \t]\\)?[ \t]*\\([^ \t\n]+\\)")
      (let ((interp (file-name-nondirectory (match-string 2))))
        (assoc-default interp interpreter-mode-alist
                       (lambda (re s) (string-match (concat "\\`\\(?:" re "\\)\\'") s)))))))

;; The modes were expanded above; from now on `define-derived-mode' is
;; loaded when first used, as in GNU.
;; (`autoload' leaves a defined function alone, so the definitions go first;
;; the helpers come back with the library.)
(setq features (delq 'derived features))
(mapc #'fmakunbound '(define-derived-mode derived-mode-init-mode-variables derived--names
                      derived--doc derived--documented derived--inherit))
(autoload 'define-derived-mode "derived" nil nil 'macro)
(autoload 'derived-mode-init-mode-variables "derived")

;; *scratch* is in Lisp Interaction mode in GNU's batch session.
(when (equal (buffer-name) "*scratch*")
  (lisp-interaction-mode))

(provide 'text-mode)

;; End of modes.el.
