;;; conf-mode.el --- major modes for configuration files  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.  `conf-mode'
;; itself looks at the buffer and hands over to the variant that fits it:
;; more lines "NAME VALUE" than lines with = or : give Conf Space mode, more
;; lines "NAME: VALUE" give Conf Colon mode, more comments starting with ;
;; than with # give the Windows variant, and anything else the Unix one.
;; The variants differ in comment syntax, in the sign between a name and its
;; value, and in where `conf-align-assignments' puts it.

(defgroup conf nil "Configuration files." :group 'data)

(defmacro conf--option (name kind value doc) "Declare the Conf user option NAME of Custom type KIND with standard VALUE and DOC."
  (list 'defcustom name value doc :group ''conf :type (list 'quote kind)))

(conf--option conf-assignment-column integer 24 "Column `conf-align-assignments' puts the assignment sign at; negative: the value at minus this column.")
(conf--option conf-javaprop-assignment-column integer 32 "The `conf-assignment-column' of Java properties files.")
(conf--option conf-colon-assignment-column integer (- (abs conf-assignment-column)) "The `conf-assignment-column' of files assigning with a colon.")
(conf--option conf-assignment-space boolean t "Non-nil means aligned assignments have a space between the sign and the value (and before the sign when the value is aligned).")
(conf--option conf-colon-assignment-space boolean nil "The `conf-assignment-space' of files assigning with a colon.")

(defvar conf-assignment-sign ?= "The character between a name and its value, or nil when only whitespace separates them.")
(defvar conf-assignment-regexp ".+?\\([ \t]*=[ \t]*\\)" "Regexp matching a name and, as group 1, the assignment sign with the whitespace around it.")
(defvar conf-mode--recursing nil "Non-nil while `conf-mode' runs the variant it chose, so that the variant's parent call does not choose again.")

(defvar conf-space-keywords-alist
  (mapcar (lambda (pair) (cons (car pair) (cadr pair)))
          '(("\\`/etc/gpm/" "key\\|name\\|foreground\\|background\\|border\\|head")
            ("\\`/etc/magic\\'" "[^ \t]+[ \t]+\\(?:[bl]?e?\\(?:short\\|long\\)\\|byte\\|string\\)[^ \t]*")
            ("/mod\\(?:ules\\|probe\\)\\.conf" "alias\\|in\\(?:clude\\|stall\\)\\|options\\|remove")
            ("/manpath\\.config" "MAN\\(?:DATORY_MANPATH\\|PATH_MAP\\|DB_MAP\\)")
            ("/sensors\\.conf" "chip\\|bus\\|label\\|compute\\|set\\|ignore")
            ("/sane\\(\\.d\\)?/" "option\\|device\\|port\\|usb\\|sc\\(?:si\\|anner\\)")
            ("/resmgr\\.conf" "class\\|add\\|allow\\|deny")
            ("/dictionary\\.lst\\'" "DICT\\|HYPH\\|THES")
            ("/tuxracer/options" "set")))
  "Pairs (FILE-REGEXP . KEYWORDS-REGEXP): a Conf Space file whose name matches gets those keywords.")

(defvar-local conf-space-keywords nil "Regexp of the keywords that start lines in this Conf Space buffer, or nil.")

;;;; Font-lock keywords (kept as data: font-lock reads them when it is there).

(defun conf--face-specs (regexp &rest specs) "A font-lock keyword: REGEXP with SPECS, each (GROUP FACE . FLAGS) with FACE to be quoted.
A spec (flat GROUP FACE . FLAGS) is spliced in, not nested."
  (let ((out nil))
    (dolist (spec specs)
      (let* ((flat (eq (car spec) 'flat))
             (body (if flat (cdr spec) spec))
             (entry (cons (car body) (cons (list 'quote (cadr body)) (cddr body)))))
        (setq out (if flat (append (reverse entry) out) (cons entry out)))))
    (cons regexp (nreverse out))))

(defconst conf--section-line "^[ \t]*\\[\\(.+\\)\\]" "A [section] line, the name as group 1.")
(defconst conf--name-with-index "^[ \t]*\\(.+?\\)\\(?:\\[\\(.*?\\)\\]\\)?[ \t]*=" "An assigned name with an optional [index].")
(defconst conf--block-opener "^[ \t]*\\([^#=:\n]+?\\)[ \t\n]*{[^{}]*?$" "A name opening a { block.")

(defvar conf-font-lock-keywords
  (list (conf--face-specs conf--section-line '(flat 1 font-lock-type-face))
        (conf--face-specs conf--name-with-index '(1 font-lock-variable-name-face) '(2 font-lock-constant-face nil t))
        (append (conf--face-specs conf--block-opener '(flat 1 font-lock-type-face)) '(prepend)))
  "Font-lock keywords of Conf mode.")

(defvar conf-javaprop-font-lock-keywords
  (list (apply #'conf--face-specs
               "^[ \t]*\\(.+?\\)\\(?:\\.\\([0-9]+\\)\\(?:\\.\\(.+?\\)\\(?:\\.\\([0-9]+\\)\\(?:\\.\\(.+?\\)\\(?:\\.\\([0-9]+\\)\\(\\..+?\\)?\\)?\\)?\\)?\\)?\\)?\\([:= \t]\\|$\\)"
               '(1 font-lock-variable-name-face)
               (let ((n 1) (out nil))
                 (while (< n 7)
                   (setq n (1+ n))
                   (push (list n (if (= (% n 2) 0) 'font-lock-constant-face 'font-lock-variable-name-face) nil t) out))
                 (nreverse out))))
  "Font-lock keywords of Conf Java Properties mode: dotted names with numbered parts.")

(defvar conf-space-font-lock-keywords
  (let ((word "\\([^\000- ]+\\)"))
    (list (conf--face-specs conf--section-line '(flat 1 font-lock-type-face))
          (conf--face-specs "^[ \t]*\\(.+?\\)[ \t\n]*{[^{}]*?$" '(flat 1 font-lock-type-face))
          (list 'eval 'if 'conf-space-keywords
                (list 'list (list 'concat "^[ \t]*\\(" 'conf-space-keywords (concat "\\)[ \t]+" word))
                      (list 'quote '(1 'font-lock-keyword-face))
                      (list 'quote '(2 'font-lock-variable-name-face)))
                (list 'quote (conf--face-specs (concat "^[ \t]*" word) '(flat 1 font-lock-variable-name-face))))))
  "Font-lock keywords of Conf Space mode; the first word of a line is the name unless it is a keyword.")

(defvar conf-colon-font-lock-keywords
  (list (conf--face-specs conf--section-line '(flat 1 font-lock-type-face))
        (conf--face-specs "^[ \t]*\\(.+?\\)[ \t]*:" '(1 font-lock-variable-name-face))
        (append (conf--face-specs "^[ \t]*\\([^:\n]+\\)[ \t\n]*{[^{}]*?$" '(flat 1 font-lock-type-face)) '(prepend)))
  "Font-lock keywords of Conf Colon mode.")

(defvar conf-toml-font-lock-keywords
  (list (list 'conf-toml-recognize-section 0 ''font-lock-type-face 'prepend)
        (conf--face-specs "^\\s-*\\(.+?\\)\\(?:\\[\\(.*?\\)\\]\\)?\\s-*=" '(1 font-lock-variable-name-face) '(2 font-lock-constant-face nil t))
        (conf--face-specs "\\_<false\\|true\\_>" '(flat 0 font-lock-keyword-face)))
  "Font-lock keywords of Conf TOML mode.")

(defvar conf-desktop-font-lock-keywords
  (append conf-font-lock-keywords
          (list (conf--face-specs "\\_<false\\|true\\_>" '(flat 0 font-lock-constant-face))
                (conf--face-specs "\\_<%[uUfFick%]\\_>" '(flat 0 font-lock-constant-face))))
  "Font-lock keywords of Conf Desktop mode: those of Conf mode, booleans and field codes.")

;;;; Syntax tables.

(defun conf--syntax-table (parent &rest entries) "A syntax table inheriting from PARENT with ENTRIES, pairs of characters and syntax descriptors."
  (let ((table (make-syntax-table parent)))
    (while entries
      (modify-syntax-entry (car entries) (cadr entries) table)
      (setq entries (cddr entries)))
    table))

(defvar conf-mode-syntax-table
  (conf--syntax-table nil ?= "." ?. "_" ?\' "\"" ?\; "<" ?\n ">" ?\r ">")
  "Syntax table of Conf mode: ; starts a comment, both quotes delimit strings.")
(defvar conf-unix-mode-syntax-table (conf--syntax-table conf-mode-syntax-table ?\# "<" ?\; ".") "Syntax table of Conf Unix mode: # comments.")
(defvar conf-javaprop-mode-syntax-table (conf--syntax-table conf-unix-mode-syntax-table ?/ ". 124" ?* ". 23b") "Syntax table of Conf Java Properties mode: # and C-style comments.")
(defvar conf-ppd-mode-syntax-table (conf--syntax-table conf-mode-syntax-table ?* ". 1" ?% ". 2" ?\' "." ?\; ".") "Syntax table of Conf PPD mode: *% comments.")
(defvar conf-xdefaults-mode-syntax-table (conf--syntax-table conf-mode-syntax-table ?! "<" ?\; ".") "Syntax table of Conf Xdefaults mode: ! comments.")
(defvar conf-toml-mode-syntax-table (conf--syntax-table conf-mode-syntax-table ?\# "<" ?\; ".") "Syntax table of Conf TOML mode.")
(defvar conf-desktop-mode-syntax-table (conf--syntax-table conf-unix-mode-syntax-table ?\" "." ?\' ".") "Syntax table of Conf Desktop mode: quotes are plain characters.")

;;;; Keys.

(defvar conf-mode-map
  (let ((keys (make-sparse-keymap)) (c-c (make-sparse-keymap)))
    (dolist (binding '(("\C-u" . conf-unix-mode) ("\C-w" . conf-windows-mode) ("\C-j" . conf-javaprop-mode)
                       ("\C-s" . conf-space-keywords) (" " . conf-space-keywords)
                       ("\C-c" . conf-colon-mode) (":" . conf-colon-mode) ("\C-x" . conf-xdefaults-mode)
                       ("\C-p" . conf-ppd-mode) ("\C-q" . conf-quote-normal) ("\"" . conf-quote-normal)
                       ("'" . conf-quote-normal) ("\C-a" . conf-align-assignments)))
      (define-key c-c (car binding) (cdr binding)))
    (define-key keys "\C-c" c-c)
    keys)
  "The keys of Conf mode and its variants: C-c followed by a variant's key switches to it.")

(when (fboundp 'easy-menu-define)
  (easy-menu-define conf-mode-menu conf-mode-map "Menu of Conf mode."
    '("Conf"
      ["Windows mode" conf-windows-mode :style radio :selected (eq major-mode 'conf-windows-mode)]
      ["Java properties mode" conf-javaprop-mode :style radio :selected (eq major-mode 'conf-javaprop-mode)]
      ["Space keywords mode..." conf-space-keywords :style radio :selected (eq major-mode 'conf-space-keywords)]
      ["PPD mode" conf-ppd-mode :style radio :selected (eq major-mode 'conf-ppd-mode)]
      ["Colon mode" conf-colon-mode :style radio :selected (eq major-mode 'conf-colon-mode)]
      ["Unix mode" conf-unix-mode :style radio :selected (eq major-mode 'conf-unix-mode)]
      ["Xdefaults mode" conf-xdefaults-mode :style radio :selected (eq major-mode 'conf-xdefaults-mode)]
      "---"
      ["Set quote syntax normal" conf-quote-normal]
      ["Align assignments" conf-align-assignments])))

;;;; Commands.

(defun conf-align-assignments (&optional arg) "Line up the assignments of the region, or of the buffer when no region is active.
The sign goes to `conf-assignment-column' (ARG, when given, instead); when
that is negative, the values go to its absolute value.  Comment lines stay."
  (interactive "P")
  (let ((column (if arg (prefix-numeric-value arg) conf-assignment-column))
        (from (if (use-region-p) (region-beginning) (point-min)))
        (to (copy-marker (if (use-region-p) (region-end) (point-max)))))
    (save-excursion
      (goto-char from)
      (while (< (point) to)
        (unless (or (looking-at "[ \t]*$")
                    (and comment-start-skip (looking-at (concat "[ \t]*" comment-start-skip))))
          (when (looking-at conf-assignment-regexp)
            (conf--realign-line column)))
        (forward-line 1)))
    (set-marker to nil)))

(defun conf--realign-line (column) "Rewrite the matched assignment's separator (group 1) for COLUMN, as `conf-align-assignments' does."
  (let ((at-end (= (match-end 1) (line-end-position)))
        (sign (and conf-assignment-sign (string conf-assignment-sign))))
    (goto-char (match-beginning 1))
    (delete-region (match-beginning 1) (match-end 1))
    (if (>= column 0)
        (progn (indent-to column 1)
               (when sign
                 (insert sign)
                 (when (and conf-assignment-space (not at-end)) (insert " "))))
      (when sign
        (when conf-assignment-space (insert " "))
        (insert sign))
      (unless at-end (indent-to (- column) 1)))))

(defun conf-quote-normal (arg) "Make quote characters ordinary in this buffer: both with no ARG, only \\=' with 1, only \" with 2; 0 makes both string quotes again."
  (interactive "P")
  (let ((n (and arg (prefix-numeric-value arg))))
    (set-syntax-table (copy-syntax-table (syntax-table)))
    ;; 0 restores both; 1 leaves the double quote a string quote, 2 the single one.
    (modify-syntax-entry ?\' (if (memq n '(0 2)) "\"" "."))
    (modify-syntax-entry ?\" (if (memq n '(0 1)) "\"" "."))
    (when (and (boundp 'font-lock-mode) font-lock-mode (fboundp 'font-lock-flush))
      (font-lock-flush))))

(defun conf-outline-level () "The outline level of a heading line: how deep in brackets the heading's opener is."
  (car (save-excursion (syntax-ppss (match-end 0)))))

(defun conf--line-kind (line) "What LINE of a configuration file is, for `conf--guess-mode': equal, colon, space, semi, hash or nil."
  (let ((text (string-trim-left line)))
    (cond ((string= text "") nil)
          ((string-prefix-p ";" text) 'semi)
          ((string-prefix-p "#" text) 'hash)
          ((or (string-prefix-p "//" text) (string-prefix-p "[" text) (string-match-p "[{}]" text)) nil)
          ((string-match "\\`[^=:]+\\([=:]\\)" text) (if (equal (match-string 1 text) "=") 'equal 'colon))
          (t 'space))))

(defun conf--guess-mode () "The Conf variant the buffer's lines suggest (see the commentary)."
  (let ((tally (list (cons 'equal 0) (cons 'colon 0) (cons 'space 0) (cons 'semi 0) (cons 'hash 0))))
    (dolist (line (split-string (buffer-substring-no-properties (point-min) (point-max)) "\n"))
      (let ((cell (assq (conf--line-kind line) tally)))
        (when cell (setcdr cell (1+ (cdr cell))))))
    (let ((n (lambda (kind) (cdr (assq kind tally)))))
      (cond ((> (funcall n 'space) (max (funcall n 'equal) (funcall n 'colon))) 'conf-space-mode)
            ((> (funcall n 'colon) (max (funcall n 'equal) (funcall n 'space))) 'conf-colon-mode)
            ((> (funcall n 'semi) (funcall n 'hash)) 'conf-windows-mode)
            (t 'conf-unix-mode)))))

(defun conf-mode-initialize (comment &optional font-lock) "Set up the buffer's comments to start with COMMENT and its font-lock keywords to the variable FONT-LOCK.
Also the outline headings, indentation and Imenu entries all variants share."
  (conf--set-locals 'comment-start comment 'comment-end ""
                    'comment-start-skip (concat (regexp-quote comment) "+\\s *")
                    'font-lock-defaults (list (or font-lock 'conf-font-lock-keywords) nil t nil nil)
                    'outline-regexp "[ \t]*\\(?:\\[\\|.+[ \t\n]*{\\)" 'outline-level #'conf-outline-level
                    'indent-line-function #'indent-relative 'parse-sexp-ignore-comments t)
  (setq-local imenu-generic-expression
              (list (list "Parameters"
                          (if conf-assignment-sign
                              (concat "^[ \t]*\\(.+?\\)[ \t]*" (regexp-quote (string conf-assignment-sign)))
                            "^[ \t]*\\([^ \t\n[]+\\)\\(?:[ \t]\\|$\\)")
                          1)
                    (list nil "^[ \t]*\\[[ \t]*\\(.+\\)[ \t]*\\]" 1)
                    (list nil "^[ \t]*\\([^=:{} \t\n][^=:{}\n]+\\)[ \t\n]*{" 1))))

(defun conf--set-locals (&rest pairs) "Give the buffer local values: PAIRS alternates variables and their values."
  (while pairs
    (set (make-local-variable (car pairs)) (cadr pairs))
    (setq pairs (cddr pairs))))

(defvar conf-mode-abbrev-table nil "Abbrevs of Conf mode.")
(define-abbrev-table 'conf-mode-abbrev-table ())
(defvar conf-mode-hook nil "Hook run after entering Conf mode or any of its variants.")

(defun conf-mode () "Major mode for configuration files: choose the variant that suits the buffer and turn it on.
Called by a variant as its parent, set up what all variants share.

\\{conf-mode-map}"
  (interactive)
  (if (not (or conf-mode--recursing delay-mode-hooks))
      (let ((conf-mode--recursing t))
        (funcall (conf--guess-mode)))
    (kill-all-local-variables)
    (use-local-map conf-mode-map)
    (setq major-mode 'conf-mode mode-name "Conf[?]")
    (set-syntax-table conf-mode-syntax-table)
    (setq local-abbrev-table conf-mode-abbrev-table)
    (conf-mode-initialize "#")
    (run-mode-hooks 'conf-mode-hook))
  nil)

(define-derived-mode conf-unix-mode conf-mode "Conf[Unix]" "Conf mode for Unix files: # comments, NAME=VALUE, [sections].")

(define-derived-mode conf-windows-mode conf-mode "Conf[WinIni]" "Conf mode for Windows .ini files: ; comments, NAME=VALUE, [sections]."
  (conf-mode-initialize ";" nil))

(define-derived-mode conf-javaprop-mode conf-mode "Conf[JavaProp]" "Conf mode for Java properties: # and // comments, NAME=VALUE, NAME:VALUE or NAME VALUE."
  (conf-mode-initialize "#" 'conf-javaprop-font-lock-keywords)
  ;; Any of = : or whitespace separates a name from its value; // and /* comment too.
  (conf--set-locals 'imenu-generic-expression (list (list "Parameters" "^[ \t]*\\(.+?\\)[=: \t]" 1))
                    'comment-start-skip "\\(?:#+\\|/[/*]+\\)\\s *"
                    'conf-assignment-regexp ".+?\\([ \t]*[=: \t][ \t]*\\|$\\)"
                    'conf-assignment-column conf-javaprop-assignment-column))

(defun conf-space-mode-internal () "Pick this buffer's `conf-space-keywords' from its file name unless they were set, and refresh the highlighting."
  (unless (local-variable-p 'conf-space-keywords)
    (setq conf-space-keywords
          (and buffer-file-name
               (assoc-default buffer-file-name conf-space-keywords-alist #'string-match))))
  (when (and (boundp 'font-lock-mode) font-lock-mode (fboundp 'font-lock-flush))
    (font-lock-flush)))

(define-derived-mode conf-space-mode conf-unix-mode "Conf[Space]" "Conf mode for files of NAME VALUE lines, where keywords may start the lines (`conf-space-keywords')."
  (setq-local conf-assignment-sign nil)
  (setq-local conf-assignment-regexp ".+?\\([ \t]+\\|$\\)")
  (conf-mode-initialize "#" 'conf-space-font-lock-keywords)
  (add-hook 'hack-local-variables-hook #'conf-space-mode-internal nil t)
  (let ((chosen (and (local-variable-p 'conf-space-keywords) conf-space-keywords)))
    (kill-local-variable 'conf-space-keywords)
    (conf-space-mode-internal)
    (when chosen (setq conf-space-keywords chosen))))

(defun conf-space-keywords (keywords) "Turn on Conf Space mode with KEYWORDS (a regexp; empty or nil for none) starting its lines."
  (interactive "sConf Space keyword regexp: ")
  (unless (derived-mode-p 'conf-space-mode) (conf-space-mode))
  (setq-local conf-space-keywords (if (equal keywords "") nil keywords))
  (conf-space-mode-internal))

(define-derived-mode conf-colon-mode conf-unix-mode "Conf[Colon]" "Conf mode for files of NAME: VALUE lines."
  (conf--set-locals 'conf-assignment-sign ?: 'conf-assignment-regexp ".+?\\([ \t]*:[ \t]*\\)"
                    'conf-assignment-column conf-colon-assignment-column
                    'conf-assignment-space conf-colon-assignment-space)
  (conf-mode-initialize "#" 'conf-colon-font-lock-keywords))

(define-derived-mode conf-ppd-mode conf-colon-mode "Conf[PPD]" "Conf mode for Adobe and CUPS PPD files: *% comments."
  (conf-mode-initialize "*%" 'conf-colon-font-lock-keywords)
  (setq-local imenu-generic-expression '(("Parameters" "^[ \t]*\\(.+?\\)[ \t]*:" 1))))

(define-derived-mode conf-xdefaults-mode conf-colon-mode "Conf[Xdefaults]" "Conf mode for X resource files: ! comments."
  (conf-mode-initialize "!" 'conf-colon-font-lock-keywords))

(defun conf-toml-recognize-section (limit) "Find the first TOML [table] or [[array]] header after point and before LIMIT, for font-lock.
Give t with the match data on the header's name; point does not move."
  (save-excursion
    (let ((found nil))
      (while (and (not found) (re-search-forward "^\\s-*\\[\\[?\\([^]\n]*\\)" limit t))
        (unless (nth 3 (save-excursion (syntax-ppss (match-beginning 1))))
          (setq found (list (match-beginning 1) (match-end 1)))))
      (when found (set-match-data found) t))))

(define-derived-mode conf-toml-mode conf-mode "Conf[TOML]" "Conf mode for TOML files: # comments, NAME = VALUE, [tables]."
  (conf--set-locals 'conf-assignment-sign ?= 'conf-assignment-column 0)
  (conf-mode-initialize "#" 'conf-toml-font-lock-keywords))

(define-derived-mode conf-desktop-mode conf-unix-mode "Conf[Desktop]" "Conf mode for freedesktop.org .desktop files."
  (conf-mode-initialize "#" 'conf-desktop-font-lock-keywords))

(provide 'conf-mode)

;;; conf-mode.el ends here
