;;; compile.el --- running compilers and finding the places their messages name  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A compilation runs a shell command as a child process whose output
;; goes to a buffer in Compilation mode.  Each line of output is matched
;; against a set of rules (`compilation-error-regexp-alist'); a match
;; becomes a message object put on the text as the `compilation-message'
;; property, pointing at a file, a line and a column.  `next-error' walks
;; these messages and visits their places.
;;
;; The data kept about places is shared by all messages of one file:
;;   file struct  = ((FILE DIRECTORY . FORMATS) nil LINE-STRUCT...)
;;   line struct  = (LINE LOC...)           newest line first
;;   loc          = (COLUMN LINE FILE-STRUCT MARKER VISITED)
;; A message is #s(compilation--message LOC TYPE END-LOC RULE), TYPE
;; being 2 for an error, 1 for a warning and 0 for information.

;;; Code:

(require 'cl-lib)

;;;; Options and state.

;; Plain settings: (NAME VALUE DOC).
(dolist (setting
         '((compile-command "make -k " "The command `compile' offers first.")
           (compile-history nil "The commands given to `compile' so far.")
           (compilation-read-command t "Non-nil means `compile' asks for the command to run.")
           (compilation-ask-about-save t "Non-nil means `compile' offers to save modified buffers first.")
           (compilation-save-buffers-predicate nil "Which buffers `compile' offers to save (as `save-some-buffers' takes it).")
           (compilation-environment nil "Extra environment entries (\"NAME=VALUE\") for a compilation's process.")
           (compilation-finish-functions nil "Functions called with the buffer and a message when a compilation ends.")
           (compilation-start-hook nil "Hook run with the process just after a compilation starts.")
           (compilation-exit-message-function nil "When non-nil, a function of STATUS, CODE and MESSAGE giving (MESSAGE . MODE-LINE-TEXT) for the end of a compilation.")
           (compilation-filter-hook nil "Hook run in the compilation buffer after each piece of output is inserted.")
           (compilation-mode-hook nil "Hook run when Compilation mode starts.")
           (compilation-scroll-output nil "Non-nil means the compilation window follows the output.")
           (compilation-auto-jump-to-first-error nil "Non-nil means visit the first message's place as soon as it appears.")
           (compilation-always-kill nil "Non-nil means a new compilation kills a running one without asking.")
           (compilation-search-path (nil) "Directories where the files messages name are looked for (nil: the message's own).")
           (compilation-error-case-fold-search nil "Non-nil means the message rules ignore case.")
           (compilation-error-screen-columns t "Non-nil means message columns count screen columns, not characters.")
           (compilation-first-column 1 "The number messages give the first column of a line.")
           (compilation-skip-threshold 1 "Messages below this type (0 info, 1 warning, 2 error) are passed over when moving between them.")
           (compilation-context-lines nil "How many lines of the compilation buffer to show above the current message.")
           (compilation-message-face underline "Face for the file and line parts of a message.")
           (compilation-error-face compilation-error "Face for the file names of errors.")
           (compilation-warning-face compilation-warning "Face for the file names of warnings.")
           (compilation-info-face compilation-info "Face for the file names of informational messages.")
           (compilation-line-face compilation-line-number "Face for line numbers in messages.")
           (compilation-column-face compilation-column-number "Face for column numbers in messages.")
           (compilation-mode-font-lock-keywords nil "Extra Font Lock keywords of Compilation mode.")
           (compilation-in-progress nil "The compilation processes that are running.")
           (compilation-num-errors-found 0 "How many errors the messages of the compilation buffer report.")
           (compilation-num-warnings-found 0 "How many warnings the messages of the compilation buffer report.")
           (compilation-num-infos-found 0 "How many informational messages the compilation buffer holds.")
           (compilation-skip-threshold-effective 0 "The type below which the current move passes messages over.")))
  (eval `(defvar ,(car setting) ',(cadr setting) ,(nth 2 setting)) t))

;;;###autoload
(defvar compilation-buffer-name-function #'compilation--default-buffer-name "Function of the mode's name that names a compilation buffer.")
;;;###autoload
(defvar compilation-process-setup-function #'ignore "Function called in the compilation buffer before its process starts.")
(defvar compilation-parse-errors-filename-function #'identity "Function applied to each file name found in a message.")
(defvar compilation-transform-file-match-alist (list (list (concat "/bin/" "[a-z]*sh\\'") nil))
  "Pairs (REGEXP REPLACEMENT) applied to file names found in messages; a nil REPLACEMENT drops the message's file.")
(defvar compilation-directory-matcher
  (list (concat "\\(?:Entering\\|Leavin\\(g\\)\\) directory " "[`']\\(.+\\)'$") '(2 . 1))
  "How directory changes are recognised: (REGEXP (DIR-GROUP . LEAVE-GROUP)...).")
(defvar compilation-page-delimiter
  (concat "^\\(?:\f\\|.*\\(?:Entering\\|Leaving\\)" " directory [`'].+'\n\\)+")
  "The `page-delimiter' of compilation buffers: form feeds and directory changes.")

;; Per buffer: (NAME VALUE DOC).
(dolist (local
         '((compilation-locs nil "The file structs of this buffer's messages, by (FILE . DIRECTORY).")
           (compilation-directory nil "The directory the last compilation of this buffer ran in.")
           (compilation-arguments nil "What the last compilation of this buffer was started with: (COMMAND MODE NAME-FUNCTION HIGHLIGHT-REGEXP).")
           (compilation-current-error nil "Marker at the message `next-error' last visited.")
           (compilation--parsed -1 "Position up to which the buffer's messages have been found.")
           (compilation--previous-file nil "The file struct of the last message seen, for rules that name no file.")
           (compilation-highlight-regexp t "What to highlight at a visited place (t: the whole line).")
           (compilation-minor-mode nil "Non-nil when Compilation minor mode is on.")
           (compilation-shell-minor-mode nil "Non-nil when Compilation Shell minor mode is on.")))
  (eval `(defvar ,(car local) ',(cadr local) ,(nth 2 local)) t)
  (make-variable-buffer-local (car local)))

;; Faces: (NAME PARENT DOC).
(pcase-dolist (`(,face ,parent ,doc)
               '((compilation-error error "Face of errors.")
                 (compilation-warning warning "Face of warnings.")
                 (compilation-info success "Face of informational messages.")
                 (compilation-line-number font-lock-keyword-face "Face of line numbers.")
                 (compilation-column-number font-lock-doc-face "Face of column numbers.")
                 (compilation-mode-line-fail compilation-error "Mode line face of a failed compilation.")
                 (compilation-mode-line-exit compilation-info "Mode line face of a compilation that succeeded.")
                 (compilation-mode-line-run compilation-warning "Mode line face of a running compilation.")))
  (custom-declare-face face `((t :inherit ,parent)) doc))

;;;; The data kept about messages.

(cl-defstruct (compilation--message
               (:copier nil)
               (:conc-name compilation--message->)
               (:constructor compilation--make-message (loc type end-loc rule)))
  "What one message says: where (LOC, END-LOC), how grave (TYPE) and by which RULE."
  loc type end-loc rule)

(cl-defstruct (compilation--loc
               (:type list) (:copier nil) (:predicate nil) (:constructor nil)
               (:conc-name compilation--loc->))
  "A place in a file: COL and LINE, its FILE-STRUCT, a MARKER once visited."
  col line file-struct marker visited)

(defun compilation--file-struct (file dir formats) "The file struct of FILE in DIR (made when new), kept in `compilation-locs'."
  (let ((table (or compilation-locs
                   (setq compilation-locs (make-hash-table :test 'equal))))
        (key (cons file dir)))
    (or (gethash key table)
        (puthash key (list (cons file (cons dir formats)) nil) table))))

(defun compilation--place (fs line col) "A new loc at LINE and COL of file struct FS, entered in its line struct."
  (let ((entry (assoc line (cddr fs)))
        (loc (list col line fs nil nil)))
    (if entry
        (setcdr entry (cons loc (cdr entry)))
      (setcdr (cdr fs) (cons (list line loc) (cddr fs))))
    loc))

;;;; The rules.

;; Each rule: (NAME REGEXP FILE LINE COLUMN TYPE HYPERLINK HIGHLIGHT...).
;; FILE is a group number, (GROUP FORMAT...) or a function giving
;; (FILE DIRECTORY FORMAT...); LINE and COLUMN a group number, a
;; function, or (START . END) of those; TYPE 2, 1, 0 or (WARNING-GROUP
;; . INFO-GROUP), nil meaning 2.
(defvar compilation-error-regexp-alist-alist
  (let* ((n "\\([0-9]+\\)")
         (win "\\(?:[a-zA-Z]:\\)?")
         (quoted "\"\\([^\"\n]+\\)\""))
    `((absoft
       ,(concat "^\\(?:[Ee]rror on \\|[Ww]arnin\\(g\\) on \\)?[Ll]ine " n
                " of \\(?:\"\\(?3:[^\"\n]+\\)\"\\|\\(?3:[^ \t\n]+\\)\\):")
       3 2 nil (1))
      (ada ,(concat "\\(warning: .*\\)? at \\([^ \n]+\\):" n "$") 2 3 nil (1))
      (aix ,(concat " in line " n " of file \\([^ \n]*[^. \n]\\)[.]? ") 2 1)
      (bash ,(concat "^\\([^ \t\n:]+\\): line " n ":") 1 2)
      (python-tracebacks-and-caml
       ,(concat "^[ \t]*File \\(?:\"\\(?1:[^\"\n]+\\)\"\\|\\(?1:[^ ,\n]+\\)\\), lines? "
                "\\(?2:[0-9]+\\)\\(?:-\\(?3:[0-9]+\\)\\)?"
                "\\(?:$\\|,\\(?: characters? \\(?4:[0-9]+\\)\\(?:-\\(?5:[0-9]+\\)\\)?:\\)?"
                "\\(?6:\\(?:\nWarning\\|\n.*[Ww]arning\\)[^\n]*\\)?\\)")
       1 (2 . 3) (4 . 5) (6))
      (cmake ,(concat "^CMake \\(?:Error\\|\\(Warning\\)\\) at \\(.*\\):\\([1-9][0-9]*\\) ([^)]+):$") 2 3 nil (1))
      (cmake-info "^  \\(?: [*]\\)?\\(.*\\):\\([1-9][0-9]*\\) ([^)]+)$" 1 2 nil 0)
      (comma
       ,(concat "^\"\\([^\"\n\t ,]+\\)\", line " n
                "\\(?:[.( pos]+" n ")?\\)?[-:.,; (]\\( warning:\\|[- 0-9]*(W)\\)?")
       1 2 3 (4))
      (msft
       ,(concat "^\\(?:[0-9]+>\\)?\\(" win "[^\t\n :(][^\t\n:(]*\\)"
                "(" n "\\(?:," n "\\)?) ?: "
                "\\(?:see declaration\\|\\(?:warnin\\(g\\)\\|[a-z ]+\\) C[0-9]+:\\)")
       1 2 3 (4))
      (edg-1 ,(concat "^\\([^ \n]+\\)(" n "): \\(?:error\\|warnin\\(g\\)\\|remar\\(k\\)\\)") 1 2 nil (3 . 4))
      (edg-2 ,(concat "at line " n " of \"\\([^ \n]+\\)\"$") 2 1 nil 0)
      (epc ,(concat "^Error [0-9]+ at (" n ":\\([^)\n]+\\))") 2 1)
      (ftnchek
       ,(concat "\\(^Warning .*\\)? line[\n ]" n "[\n ]\\(?:col " n "[\n ]\\)?file \\([^\n ;:]+\\)")
       4 2 3 (1))
      (iar ,(concat "^\"\\(.*\\)\"," n "[ \t]+\\(?:Error\\|Warnin\\(g\\)\\)\\[[0-9]+\\]:") 1 2 nil (3))
      (ibm ,(concat "^\\([^\t\n (]+\\)(" n ":" n ") : \\(?:warnin\\(g\\)\\|informationa\\(l\\)\\)?") 1 2 3 (4 . 5))
      (irix
       ,(concat "^[-[:alnum:]_/ ]+: \\(?:\\(?:[sS]evere\\|[eE]rror\\|[wW]arnin\\(g\\)\\|[iI]nf\\(o\\)\\)[0-9 ]*: \\)?"
                "\\([^\t\n \",]+\\)\\(?:, line\\|:\\) " n ":")
       3 4 nil (1 . 2))
      (java ,(concat "^\\(?:[ \t]+at \\|==[0-9]+== +\\(?:at\\|b\\(y\\)\\)\\).+(\\([^\n()]+\\):" n ")$") 2 3 nil (1))
      (javac
       ,(concat "^\\(" win "[^\n:]+\\):" n ": \\(?:\\(?:error\\|warnin\\(g\\)\\): \\)?.*\n.*\n\\( *\\)\\^$")
       1 2 ,(lambda () (+ compilation-first-column (- (match-end 4) (match-beginning 4)))) (3))
      (jikes-file "^\\(?:Found\\|Issued\\) .* compiling \"\\(.+\\)\":$" 1 nil nil 0)
      (clang-include ,(concat "^In file included from \\([^\n:]+\\):" n ":$") 1 2 nil 0)
      (gcc-include
       ,(concat "^\\(?:In file included \\| \\{17\\}\\|\t\\)from "
                "\\([0-9]*[^\n0-9]\\(?:[^\n :]\\| [^\n/-]\\|:[^\n ]\\)*?\\):"
                n "\\(?::" n "\\)?\\(?:\\(:\\)\\|\\(,\\|$\\)\\)?")
       1 2 3 0)
      (gmake ": [*]\\{3\\} \\[\\(\\(.+?\\):\\([0-9]+\\): .+\\)\\]" 2 3 nil 0 1)
      (gnu
       ,(concat
         "^\\(?:[[:alpha:]][-[:alnum:]]+: ?\\|[ \t]+\\(?:in \\|from \\)?\\)?"
         "\\(?:file:\\)?\\(?1:" win "[^\t\n :*[]\\(?:[^\n:]*[^\t\n :]\\)?\\|{[^\n}]+}\\):[ \t]*"
         "\\(?2:[0-9]+\\)"
         "\\(?:-\\(?4:[0-9]+\\)\\(?:[.]\\(?5:[0-9]+\\)\\)?"
         "\\|[:.]\\(?3:[0-9]+\\)\\(?:-\\(?:\\(?4:[0-9]+\\)[.]\\)?\\(?5:[0-9]+\\)\\)?\\)?:"
         "\\(?: *\\(?6:\\(?:Future\\|Runtime\\)?[Ww]arning\\|W:\\)\\|"
         " *\\(?7:[Ii]nfo\\(?:\\>\\|rmationa?l?\\)\\|I:\\|\\[ skipping .+ \\]\\|"
         "instantiated from\\|required from\\|[Nn]ote\\)\\|"
         " *[Ee]rror\\|[0-9]?\\(?:[^\n0-9]\\|$\\)\\|[0-9]\\{3\\}\\)")
       1 (2 . 4) (3 . 5) (6 . 7))
      (lcc ,(concat "^\\(?:E\\|\\(W\\)\\), \\([^\n(]+\\)(" n ",[ \t]*" n) 2 3 4 (1))
      (maven
       ,(concat "^\\(?:\\[\\(?:ERROR\\|WARNIN\\(G\\)\\|\\(INFO\\)\\)] \\)?"
                "\\([^\n []\\(?:[^\n :]\\| [^\n/-]\\|:[^\n []\\)*\\):\\[" n "," n "] ")
       3 4 5 (1 . 2))
      (ant
       ,(concat "^[ \t]*\\(?:\\[[^] \n]+\\][ \t]*\\)\\{1,2\\}\\(" win "[^: \n]+\\):" n
                "\\(?::" n ":" n ":" n "\\)?:\\(?: warnin\\(g\\)\\)?")
       1 (2 . 4) (3 . 5) (6))
      (borland
       ,(concat "^\\(?:Error\\|Warnin\\(g\\)\\) \\(?:[FEW][0-9]+ \\)?"
                "\\([a-zA-Z]?:?[^\t\n :(]+\\) " n "\\(?:[\t )]\\|:[^\n0-9]\\)")
       2 3 nil (1))
      (gradle-kotlin
       ,(concat "^\\(?:\\(w\\)\\|\\(i\\)\\|e\\): \\(" win "[^:\n]+\\): (" n ", " n "): ")
       3 4 5 (1 . 2))
      (jikes-line ,(concat "^ *" n "\\.[ \t]+.*\n +\\(<-*>\n\\*\\*\\* \\(?:Error\\|Warnin\\(g\\)\\)\\)") nil 1 nil 2 0)
      (ruby-Test::Unit ,(concat "^    [[ ]?\\([^ (].*\\):" n ":in ") 1 2)
      (cucumber ,(concat "\\(?:^[ \t]+\\|# \\)\\([^\t\n ():]*[.][^\t\n ():]+\\):" n) 1 2)
      (makepp
       "^makepp\\(?:\\(?:: warning\\(:\\).*?\\|\\(: Scanning\\|: [LR]e?l?oading makefile\\|: Imported\\|log:.*?\\) \\|: .*?\\)`\\(\\(\\S +?\\)\\(?::\\([0-9]+\\)\\)?\\)['(]\\)"
       4 5 nil (1 . 2) 3)
      (mips-1 ,(concat " (" n ") in \\([^ \n]+\\)") 2 1)
      (mips-2 ,(concat " in \\([^()\n ]+\\)(" n ")$") 1 2)
      (oracle
       ,(concat "^\\(?:Semantic error\\|Error\\|PCC-[0-9]+:\\).* line " n
                "\\(?:\\(?:,\\| at\\)? column " n "\\)?"
                "\\(?:,\\| in\\| of\\)? file \\(.*?\\):?$")
       3 1 2)
      (perl ,(concat " at \\([^ \n]+\\) line " n "\\(?:[,.]\\|$\\| during global destruction\\.$\\)") 1 2)
      (php ,(concat "\\(?:Parse\\|Fatal\\) error: \\(.*\\) in \\(.*\\) on line " n) 2 3 nil nil)
      (rxp ,(concat "^\\(?:Error\\|Warnin\\(g\\)\\):.*\nin unnamed entity at line " n " char " n " of file://\\(.+\\)$")
           4 2 3 (1))
      (shellcheck ,(concat "^In \\(.+\\) line " n ":$") 1 2)
      (sparc-pascal-file
       "^\\w\\w\\w \\w\\w\\w +[0-3]?[0-9] +[0-2][0-9]:[0-5][0-9]:[0-5][0-9] [12][09][0-9][0-9] +\\(.*\\):$"
       1 nil nil 0)
      (sun
       ,(concat ": \\(?:ERROR\\|WARNIN\\(G\\)\\|REMAR\\(K\\)\\) \\(?:[[:alnum:] ]+, \\)?File = \\(.+\\), Line = "
                n "\\(?:, Column = " n "\\)?")
       3 4 5 (1 . 2))
      (sun-ada ,(concat "^\\([^, \n\t]+\\), line " n ", char " n "[:., (-]") 1 2 3)
      (4bsd ,(concat "\\(?:[ \t]*::[ \t]*\\|( \\)\\([^ (\n]+\\)(" n ")\\(?:: \\(warning:\\)?\\|$\\| ),\\)") 1 2 nil (3))
      (perl--Test ,(concat "^# Failed test " n " in \\([^ \t\r\n]+\\) at line " n) 2 3)
      (perl--Test2 ,(concat "^\\(?:NOK\\|not ok\\) " n "# Test " n " got:.*(\\([^ \t\r\n]+\\) at line " n ")")
                   3 4)
      (weblint ,(concat "^\\([^ \t\r\n(]+\\) (" n ":" n ") ") 1 2 3)
      (guile-file "^In \\(.+\\..+\\):\n" 1 nil nil 0)
      (guile-line ,(concat "^ *\\([0-9]+\\): *\\([0-9]+\\)") nil 1 2)
      (watcom
       ,(concat "^[ \t]*\\(" win "[^\t\n :(][^\t\n:(]*\\)(" n "): ?"
                "\\(?:\\(Error! E[0-9]+\\)\\|\\(Warning! W[0-9]+\\)\\):")
       1 2 nil (4))))
  "Every rule Compilation mode knows, by name: (NAME REGEXP FILE LINE COLUMN TYPE HYPERLINK HIGHLIGHT...).")

(defvar compilation-error-regexp-alist
  ;; Earlier rules claim a line first.
  (let ((order '(absoft ada aix ant bash borland python-tracebacks-and-caml cmake cmake-info comma
                 msft edg-1 edg-2 epc ftnchek gradle-kotlin iar ibm irix java javac jikes-file
                 maven jikes-line clang-include gcc-include ruby-Test::Unit gmake gnu cucumber lcc
                 makepp mips-1 mips-2 omake oracle perl php rxp shellcheck sparc-pascal-file
                 sparc-pascal-line sparc-pascal-example sun sun-ada watcom 4bsd gcov-file
                 gcov-header gcov-nomark gcov-called-line gcov-never-called perl--Pod::Checker
                 perl--Test perl--Test2 perl--Test::Harness weblint guile-file guile-line)))
    (mapcan (lambda (name)
              (cond ((eq name 'makepp)
                     ;; A makepp line naming two files (`A' and `B') is a
                     ;; message about each; the second has no rule name.
                     (list name '("^makepp\\(: warning\\)?:? .*?`[^'\n]*' and `\\([^'\n]+\\)'" 2 nil nil (1) 2)))
                    ((assq name compilation-error-regexp-alist-alist) (list name))))
            order))
  "The rules messages are recognised by: names from `compilation-error-regexp-alist-alist', or rules themselves.")

;;;; Finding messages.

(defun compilation--group-value (spec) "The number SPEC (a group or a function) gives for the current match, or nil."
  (if (functionp spec)
      (save-match-data (funcall spec))
    (let ((text (and (integerp spec) (match-string-no-properties spec))))
      (and text (string-to-number text)))))

(defun compilation--rule-file (spec) "The (FILE DIRECTORY . FORMATS) SPEC names for the current match, or nil."
  (let ((got (pcase spec
               ((pred functionp) (save-match-data (funcall spec)))
               ((pred integerp) (match-string-no-properties spec))
               (`(,group . ,formats) (cons (match-string-no-properties group) (cons nil formats))))))
    (if (stringp got) (list got nil)
      (and (consp got) (car got) (cons (car got) (cons (cadr got) (cddr got)))))))

(defun compilation--transform-file (name) "NAME after `compilation-transform-file-match-alist', or nil when a rule drops it."
  (catch 'dropped
    (pcase-dolist (`(,re ,new) compilation-transform-file-match-alist)
      (when (string-match re name)
        (if new (setq name (replace-match new t t name)) (throw 'dropped nil))))
    name))

(defun compilation--type-of (type) "The message type (2, 1 or 0) TYPE gives for the current match."
  (pcase type
    ('nil 2)
    ((pred integerp) type)
    (`(,w . ,i) (cond ((and w (match-beginning w)) 1)
                      ((and i (match-beginning i)) 0)
                      (t 2)))))

(defun compilation--count (type) "Count one more message of TYPE."
  (cond ((eq type 2) (setq compilation-num-errors-found (1+ compilation-num-errors-found)))
        ((eq type 1) (setq compilation-num-warnings-found (1+ compilation-num-warnings-found)))
        (t (setq compilation-num-infos-found (1+ compilation-num-infos-found)))))

(defun compilation--pair (spec) "SPEC as (START . END): a single group or function has no END."
  (if (and (consp spec) (not (functionp spec))) spec (list spec)))

(defun compilation--record (name spec) "Make the message the current match of rule SPEC (named NAME) stands for, and put it on the text."
  (pcase-let* ((`(,_re ,file-spec ,line-spec ,col-spec ,type-spec ,link . ,_) spec)
               (`(,line-a . ,line-b) (compilation--pair line-spec))
               (`(,col-a . ,col-b) (compilation--pair col-spec))
               (file (and file-spec (compilation--rule-file file-spec)))
               (type (compilation--type-of type-spec)))
    (when file
      (setcar file (compilation--transform-file
                    (funcall compilation-parse-errors-filename-function (car file)))))
    (unless (and file (null (car file)))
      (let* ((line (compilation--group-value line-a))
             (end-line (compilation--group-value line-b))
             (col (compilation--group-value col-a))
             (end-col (compilation--group-value col-b))
             (fs (if file
                     (compilation--file-struct (car file) (cadr file) (cddr file))
                   (or compilation--previous-file (compilation--file-struct "*unknown*" nil nil))))
             (loc (compilation--place fs line col))
             ;; An end column is kept one past the last character; -1 means
             ;; the end of the line.
             (end-loc (and (or end-line end-col)
                           (compilation--place fs (or end-line line) (if end-col (1+ end-col) -1))))
             (linked (and (integerp link) (match-beginning link)))
             (beg (if linked (match-beginning link) (match-beginning 0)))
             (fin (if linked (match-end link) (match-end 0)))
             (face (cond ((eq type 2) compilation-error-face)
                         ((eq type 1) compilation-warning-face)
                         (t compilation-info-face))))
        ;; A rule that names no file (its messages go with the last file
        ;; named) is not counted.
        (when file-spec (compilation--count type))
        (setq compilation--previous-file fs)
        (with-silent-modifications
          (add-text-properties
           beg (max fin (1+ beg))
           `(compilation-message ,(compilation--make-message loc type end-loc name)
             help-echo ,(concat "mouse-2: visit this file"
                                (cond (col ", line and column") (line " and line") (t "")))
             mouse-face highlight
             font-lock-face (,face ,compilation-message-face))))))))

(defun compilation-parse-errors (start end &rest rules) "Put the messages found between START and END on the text.
RULES are names from `compilation-error-regexp-alist-alist' or rules
themselves; nil means `compilation-error-regexp-alist'.  Text that
already holds a message keeps it."
  (let ((case-fold-search compilation-error-case-fold-search))
    (save-match-data
      (save-excursion
        (dolist (item (or rules compilation-error-regexp-alist))
          (let ((spec (if (symbolp item) (cdr (assq item compilation-error-regexp-alist-alist)) item)))
            (cond
             ((stringp (car-safe spec))
              (goto-char start)
              (while (and (< (point) end) (re-search-forward (car spec) end t))
                (or (get-text-property (match-beginning 0) 'compilation-message)
                    (compilation--record (and (symbolp item) item) spec))
                (if (= (match-beginning 0) (match-end 0)) (forward-char 1))))
             ((symbolp item)
              (message "Cannot find %s in compilation-error-regexp-alist-alist" item)))))))))

(defun compilation--ensure-parse (limit) "Find the messages of the buffer up to LIMIT not looked at yet."
  (let ((from (max (point-min) compilation--parsed)))
    (when (< from limit)
      (let ((bol (save-excursion (goto-char from) (line-beginning-position)))
            (eol (save-excursion (goto-char limit) (line-beginning-position 2))))
        (compilation-parse-errors bol eol)
        (setq compilation--parsed eol)))))

(defun compilation--flush (start end) "Forget the messages between START and END, so that they are found again."
  (let ((inhibit-read-only t) (modified (buffer-modified-p)))
    (remove-list-of-text-properties start end '(compilation-message mouse-face help-echo font-lock-face))
    (restore-buffer-modified-p modified))
  (setq compilation--parsed (min compilation--parsed start)))

;;;; Moving between messages.

(defun compilation--message-at (pos) "The message on the text at POS, or nil."
  (get-text-property pos 'compilation-message))

(defun compilation--msg-file (msg) "The file struct of MSG's place."
  (and msg (nth 2 (compilation--message->loc msg))))

(defun compilation--step (pos forward) "The start of the message after (or before, unless FORWARD) the one at POS, or nil."
  (let ((p pos) (hit nil))
    (while (and (not hit) p)
      (setq p (if forward
                  (next-single-property-change p 'compilation-message)
                (and (> p (point-min))
                     (or (previous-single-property-change p 'compilation-message) (point-min)))))
      (when (and p (compilation--message-at p)
                 (or forward (not (eq (compilation--message-at p) (compilation--message-at pos)))
                     (not (compilation--message-at pos))))
        (setq hit p))
      (when (and p (not forward) (= p (point-min))) (setq p nil)))
    hit))

(defun compilation-next-error (n &optional different-file pt) "Move point to the Nth next message (back for a negative N) and give it.
With DIFFERENT-FILE non-nil, only messages of another file than the
current one count.  PT, when given, is where to start."
  (interactive "p")
  (let* ((start (or pt (point)))
         (ignore-parse (compilation--ensure-parse (point-max)))
         (cur (compilation--message-at start))
         (file (compilation--msg-file cur))
         (pos (if (and cur (> start (point-min)) (eq cur (compilation--message-at (1- start))))
                  (or (previous-single-property-change start 'compilation-message) (point-min))
                start))
         (msg cur)
         (left (abs n)))
    (ignore ignore-parse)
    (while (> left 0)
      (setq pos (or (compilation--step pos (>= n 0))
                    (user-error (if (>= n 0) "Moved past last error" "Moved back before first error")))
            msg (compilation--message-at pos))
      (if (and (>= (compilation--message->type msg) compilation-skip-threshold-effective)
               (not (and different-file (eq (compilation--msg-file msg) file))))
          (setq left (1- left))))
    (goto-char pos)
    msg))

(defun compilation-previous-error (n) "Move point to the Nth previous message." (interactive "p")
  (compilation-next-error (- 0 n)))

(defun compilation-next-file (n) "Move point to the first message of the Nth next file." (interactive "p")
  (compilation-next-error n 'other-file))

(defun compilation-previous-file (n) "Move point to the first message of the Nth previous file." (interactive "p")
  (compilation-next-error (- 0 n) 'other-file))

(defun compilation-find-file (marker filename directory &rest _formats) "Give a buffer visiting FILENAME, looked for in DIRECTORY and `compilation-search-path'.
MARKER is the message's place in the compilation buffer."
  (ignore marker)
  (let ((hit (seq-find #'file-exists-p
                       (mapcar (lambda (d) (expand-file-name filename (or d directory default-directory)))
                               compilation-search-path))))
    (if hit (find-file-noselect hit) (user-error "Cannot find file %s" filename))))

(defun compilation--column-there (col) "Move to column COL of the line (as messages count columns)."
  (let ((goal (max 0 (- col compilation-first-column))))
    (if compilation-error-screen-columns
        (move-to-column goal)
      (goto-char (min (+ (point) goal) (line-end-position))))))

(defun compilation--loc-marker (loc) "A marker at the place LOC names, visiting its file when needed."
  (let ((known (compilation--loc->marker loc)))
    (if (and known (marker-buffer known)) known
      (pcase-let* ((`(,file ,dir . ,_) (car (compilation--loc->file-struct loc)))
                   (buf (compilation-find-file (point-marker) file
                                               (or dir compilation-directory default-directory)))
                   (line (compilation--loc->line loc))
                   (col (compilation--loc->col loc))
                   (m (with-current-buffer buf
                        (save-restriction
                          (widen)
                          (let ((p (save-excursion
                                     (goto-char 1)
                                     (if line (forward-line (1- line)))
                                     (if col (compilation--column-there col))
                                     (point))))
                            (copy-marker p))))))
        (setf (compilation--loc->marker loc) m)))))

(defun compilation-next-error-function (n &optional reset) "Visit the place of the Nth next message (the `next-error-function' of compilations).
RESET non-nil starts from the buffer's first message."
  (interactive "p")
  (if reset (setq compilation-current-error nil))
  (compilation--ensure-parse (point-max))
  (let* ((fresh (null compilation-current-error))
         (from (if fresh (point-min) (marker-position compilation-current-error)))
         (first-there (and fresh (compilation--message-at from)))
         (msg (cond ((and first-there (<= n 1))
                     (goto-char from)
                     first-there)
                    ((and (= n 0) (not (compilation--message-at from)))
                     (user-error "No error here"))
                    (t (let ((compilation-skip-threshold-effective (if fresh 0 compilation-skip-threshold)))
                         ;; From a message at the very start, it is the first one.
                         (compilation-next-error (if first-there (1- n) n) nil from))))))
    (or msg (user-error "No error here"))
    (setq compilation-current-error (point-marker)
          overlay-arrow-position (copy-marker (line-beginning-position)))
    (let ((loc (compilation--message->loc msg)))
      (setf (compilation--loc->visited loc) t)
      (let ((there (compilation--loc-marker loc)))
        ;; The place becomes point of its buffer (shown there in a window
        ;; when there are windows).
        (with-current-buffer (marker-buffer there) (goto-char there))
        there))))

(defun compile-goto-error (&optional _event) "Visit the place of the message at point." (interactive)
  (let ((msg (or (compilation--message-at (point)) (user-error "No error here"))))
    (setq next-error-last-buffer (current-buffer)
          compilation-current-error (point-marker))
    (let ((there (compilation--loc-marker (compilation--message->loc msg))))
      (set-buffer (marker-buffer there))
      (goto-char there))))

(defun compilation-display-error () "Show the place of the message at point." (interactive)
  (save-current-buffer (save-excursion (compile-goto-error))))

;;;; The modes.

(defun compilation--keymap (parent bindings) "A keymap inheriting from PARENT with BINDINGS, a list of (KEY . COMMAND)."
  (let ((km (make-sparse-keymap)))
    (if parent (set-keymap-parent km parent))
    (pcase-dolist (`(,key . ,cmd) bindings) (define-key km key cmd))
    km))

(defconst compilation--message-keys
  '(([mouse-2] . compile-goto-error) ([follow-link] . mouse-face)
    ("\C-c\C-c" . compile-goto-error) ("\C-m" . compile-goto-error)
    ("\C-o" . compilation-display-error) ("\C-c\C-k" . kill-compilation)
    ("\M-n" . compilation-next-error) ("\M-p" . compilation-previous-error)
    ("\M-{" . compilation-previous-file) ("\M-}" . compilation-next-file))
  "The keys both Compilation mode and its minor mode have.")

(defvar compilation-minor-mode-map (compilation--keymap nil compilation--message-keys)
  "Keys of Compilation minor mode.")

(defvar compilation-shell-minor-mode-map
  (compilation--keymap nil '(("\M-\C-m" . compile-goto-error) ("\M-\C-n" . compilation-next-error)
                             ("\M-\C-p" . compilation-previous-error) ("\M-{" . compilation-previous-file)
                             ("\M-}" . compilation-next-file)))
  "Keys of Compilation Shell minor mode.")

(defvar compilation-mode-map
  (compilation--keymap special-mode-map
                       (append compilation--message-keys
                               '(("\C-c\C-f" . next-error-follow-minor-mode)
                                 ("\t" . compilation-next-error) ([backtab] . compilation-previous-error)
                                 ("n" . next-error-no-select) ("p" . previous-error-no-select)
                                 ("g" . recompile))))
  "Keys of Compilation mode.")

(defun compilation--after-change (start _end _len) "Forget what was found from START on, the text having changed."
  (if (< start compilation--parsed)
      (setq compilation--parsed (save-excursion (goto-char start) (line-beginning-position)))))

(defun compilation-setup (&optional minor) "Make the current buffer find and follow messages; MINOR non-nil for the minor modes."
  (dolist (var '(compilation-num-errors-found compilation-num-warnings-found compilation-num-infos-found))
    (set (make-local-variable var) 0))
  (setq compilation-locs (make-hash-table :test 'equal)
        compilation--parsed -1
        compilation-current-error nil)
  (setq-local next-error-function #'compilation-next-error-function)
  (setq-local overlay-arrow-position nil)
  (setq-local page-delimiter compilation-page-delimiter)
  (add-hook 'after-change-functions #'compilation--after-change nil t)
  (or minor (setq buffer-read-only t)))

(defun compilation--minor-switch (on) "Start (ON non-nil) or stop finding messages for a minor mode."
  (if on
      (compilation-setup 'minor)
    (remove-hook 'after-change-functions #'compilation--after-change t)
    (compilation--flush (point-min) (point-max))))

(defun compilation-mode (&optional name-of-mode) "Major mode of compilation output: each message is a link to the place it names.
NAME-OF-MODE, a string, is the mode's name (default \"Compilation\")."
  (interactive)
  (kill-all-local-variables)
  (setq major-mode #'compilation-mode)
  (setq mode-name (if name-of-mode name-of-mode "Compilation"))
  (use-local-map compilation-mode-map)
  (setq compilation-directory default-directory)
  (compilation-setup nil)
  (run-mode-hooks 'compilation-mode-hook))

(define-minor-mode compilation-minor-mode "Find and follow compiler messages in a buffer of another mode.
The keys of `compilation-minor-mode-map' visit the place of a message."
  :lighter " Compilation" :keymap compilation-minor-mode-map
  (compilation--minor-switch compilation-minor-mode))

(define-minor-mode compilation-shell-minor-mode "Find and follow compiler messages in a shell buffer.
Like `compilation-minor-mode', with keys that leave the shell's own."
  :lighter " Shell-Compile" :keymap compilation-shell-minor-mode-map
  (compilation--minor-switch compilation-shell-minor-mode))

;;;; Running a compilation.

(defun compilation--default-buffer-name (name-of-mode) "The buffer name \"*NAME-OF-MODE*\", in lower case."
  (format "*%s*" (downcase name-of-mode)))

(defun compilation-buffer-name (name-of-mode _mode-command name-function) "The name of the buffer a compilation of NAME-OF-MODE goes to, by NAME-FUNCTION."
  (let ((namer (or name-function compilation-buffer-name-function)))
    (funcall (or namer #'compilation--default-buffer-name) name-of-mode)))

(defun compilation--mode-name (mode) "The name MODE (a major mode command, t or nil) gives the compilation buffer."
  (if (memq mode '(nil t)) "compilation"
    (let ((name (symbol-name mode)))
      (if (string-match "-mode\\'" name) (substring name 0 (match-beginning 0)) name))))

(defun compilation--now () "The time as the compilation buffer's first and last lines say it."
  (let ((s (current-time-string))) (substring s 0 (- (length s) 5))))

(defun compilation-filter (proc string) "Insert STRING, output of the compilation PROC, into its buffer and find its messages."
  (let ((buf (process-buffer proc))
        (mark (process-mark proc)))
    (if (buffer-live-p buf)
        (with-current-buffer buf
          (let ((follow (= (point) mark))
                (inhibit-read-only t))
            (save-excursion
              (goto-char mark)
              (insert string)
              (move-marker mark (point))
              (run-hooks 'compilation-filter-hook))
            (if follow (goto-char mark))
            (compilation--ensure-parse mark))))))

(defun compilation-handle-exit (status code msg) "Write the end of the compilation (STATUS `exit' or `signal', CODE, MSG) into its buffer."
  (let* ((ok (and (eq status 'exit) (eql code 0)))
         (said (if compilation-exit-message-function
                   (funcall compilation-exit-message-function status code msg)
                 (cons msg (format "%s [%d]" status code))))
         (text (car said))
         (inhibit-read-only t))
    (save-excursion
      (goto-char (point-max))
      ;; "finished\n" becomes "finished at TIME\n".
      (insert "\n" mode-name " " (if (string-match "\n\\'" text) (substring text 0 -1) text)
              " at " (compilation--now) "\n"))
    (setq mode-line-process
          (list (propertize (concat ":" (cdr said))
                            'face (if ok 'compilation-mode-line-exit 'compilation-mode-line-fail))))
    (compilation--ensure-parse (point-max))
    (run-hook-with-args 'compilation-finish-functions (current-buffer) text)))

(defun compilation-sentinel (proc event) "Record the end of the compilation PROC (EVENT is what the process library says)."
  (let ((state (process-status proc))
        (buf (process-buffer proc)))
    (when (memq state '(exit signal))
      (setq compilation-in-progress (delq proc compilation-in-progress))
      (if (buffer-live-p buf)
          (with-current-buffer buf
            (compilation-handle-exit state (process-exit-status proc) event)
            (message "%s %s" mode-name (string-trim-right event)))))))

(defun compilation--stop-old (buf name-of-mode) "Kill the compilation running in BUF, if any, asking first unless `compilation-always-kill'."
  (let ((old (get-buffer-process buf)))
    (when old
      (unless (or compilation-always-kill
                  (not (eq (process-status old) 'run))
                  (yes-or-no-p (format "A %s process is running; kill it? " name-of-mode)))
        (error "Cannot have two processes in `%s' at once" (buffer-name buf)))
      (ignore-errors (interrupt-process old) (sit-for 1) (delete-process old)))))

(defun compilation-start (command &optional mode name-function highlight-regexp) "Run COMMAND in a shell, its output going to a compilation buffer; give the buffer.
MODE is the major mode of that buffer (`compilation-mode' when nil; t
means Comint mode with Compilation Shell minor mode).  NAME-FUNCTION names
the buffer from the mode's name.  HIGHLIGHT-REGEXP is what to
highlight at a visited place."
  (let* ((mode (or mode #'compilation-mode))
         (name-of-mode (compilation--mode-name mode))
         (buf (get-buffer-create (compilation-buffer-name name-of-mode mode name-function)))
         (here default-directory))
    (compilation--stop-old buf name-of-mode)
    (with-current-buffer buf
      (let ((inhibit-read-only t))
        (erase-buffer)
        (setq default-directory here)
        (cond ((eq mode t) (require 'comint) (comint-mode) (compilation-shell-minor-mode 1))
              (t (funcall mode)))
        (setq default-directory here
              compilation-directory here
              compilation-arguments (list command mode name-function highlight-regexp))
        (insert "-*- mode: " name-of-mode "; default-directory: "
                (prin1-to-string (abbreviate-file-name here)) " -*-\n"
                mode-name " started at " (compilation--now) "\n\n"
                command "\n")
        ;; The header is no message, even when the command looks like one.
        (setq compilation--parsed (point))
        (if highlight-regexp (setq compilation-highlight-regexp highlight-regexp))
        (funcall compilation-process-setup-function)
        (setq next-error-last-buffer buf)
        (let* ((process-environment
                `(,@compilation-environment "INSIDE_EMACS=t,compile" "TERM=dumb" ,@process-environment))
               (proc (start-file-process-shell-command (downcase name-of-mode) buf command)))
          (set-process-filter proc #'compilation-filter)
          (set-process-sentinel proc #'compilation-sentinel)
          (move-marker (process-mark proc) (point-max) buf)
          (setq mode-line-process '((:propertize ":%s" face compilation-mode-line-run))
                compilation-in-progress (cons proc compilation-in-progress))
          (run-hook-with-args 'compilation-start-hook proc))))
    buf))

(defun compile--ask-command () "Read the command `compile' runs, starting from `compile-command'."
  (let ((offered (eval compile-command t)))
    (if (not (or compilation-read-command current-prefix-arg))
        offered
      (read-shell-command "Compile command: " offered
                          (if (equal offered (car compile-history)) '(compile-history . 1) 'compile-history)))))

(defun compile (command &optional comint) "Run COMMAND (asked for when interactive) as a compilation.
Its output goes to the *compilation* buffer, where each message leads
to its place.  With COMINT non-nil the buffer is in Comint mode, so that
the command can be given input."
  (interactive (list (compile--ask-command) (consp current-prefix-arg)))
  (let ((offered (eval compile-command t)))
    ;; The command given becomes the next one offered.
    (if (not (equal offered command)) (setq compile-command command)))
  (compile--offer-saving)
  (set-default 'compilation-directory default-directory)
  (compilation-start command (and comint t)))

(defun compile--offer-saving () "Save modified file buffers as `compilation-ask-about-save' says."
  (save-some-buffers (null compilation-ask-about-save) compilation-save-buffers-predicate))

(defun recompile (&optional edit-command) "Run the compilation of this buffer again (asking for the command when EDIT-COMMAND)." (interactive "P")
  (compile--offer-saving)
  (let* ((args (copy-sequence (or compilation-arguments (list (eval compile-command t)))))
         (default-directory (or compilation-directory default-directory)))
    (if edit-command (setcar args (read-shell-command "Compile command: " (car args))))
    (apply #'compilation-start args)))

(defun kill-compilation () "Kill the process of the current compilation buffer." (interactive)
  (let ((proc (get-buffer-process (current-buffer))))
    (or proc (error "The %s process is not running" (downcase mode-name)))
    (interrupt-process proc)))

(provide 'compile)
