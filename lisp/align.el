;;; align.el --- line up columns of text by regexp and by rule  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and the Emacs
;; manual ("Alignment").  A rule is an alist: a regexp (or a search function
;; of END and REVERSE), the groups of it whose text is whitespace to adjust,
;; and conditions (modes, run-if, valid).  Matches of a rule are gathered into
;; sections; in each section the N-th match of every line (N > 1 only with
;; `repeat') forms one column, and each group of a column is widened or
;; narrowed until its text starts at one column: the largest such column of
;; the section plus the spacing, optionally moved on to tab stops.

(defgroup align nil "Lining up columns of text." :group 'fill)

(defcustom align-load-hook nil "Hook run when align.el has been loaded." :type 'hook)
(defcustom align-indent-before-aligning nil "Non-nil means the region is indented before it is aligned." :type 'boolean)
(defcustom align-default-spacing 1 "The spacing a rule without `spacing' leaves: columns, or tab stops when aligning to tab stops." :type 'integer)
(defcustom align-to-tab-stop 'indent-tabs-mode "Whether aligned columns move on to tab stops: a boolean, or a variable whose value says." :type '(choice (const nil) (const t) symbol))
(defcustom align-region-heuristic 500 "Regions larger than this many characters are aligned without asking how (interactive use)." :type '(choice (const nil) integer))
(defcustom align-highlight-change-face 'highlight "The face `align-highlight-rule' gives text that aligning would change." :type 'face)
(defcustom align-highlight-nochange-face 'secondary-selection "The face `align-highlight-rule' gives text that aligning would leave." :type 'face)
(defcustom align-large-region 10000 "Regions over this many characters show progress messages while aligned." :type '(choice (const nil) integer))

(defcustom align-c++-modes '(c++-mode c-mode java-mode) "Major modes whose text the C-like rules align." :type '(repeat symbol))
(defcustom align-perl-modes '(perl-mode cperl-mode) "Major modes whose text the Perl rules align." :type '(repeat symbol))
(defcustom align-lisp-modes '(emacs-lisp-mode lisp-interaction-mode lisp-mode scheme-mode) "Major modes whose text the Lisp rules align." :type '(repeat symbol))
(defcustom align-tex-modes '(tex-mode plain-tex-mode latex-mode slitex-mode) "Major modes whose text the TeX rules align." :type '(repeat symbol))
(defcustom align-text-modes '(text-mode outline-mode) "Major modes whose text the plain-text rules align." :type '(repeat symbol))
(defcustom align-dq-string-modes (append align-lisp-modes align-c++-modes align-perl-modes (list 'python-mode 'vhdl-mode))
  "Major modes where text between double quotes is never aligned." :type '(repeat symbol))
(defcustom align-sq-string-modes (append align-perl-modes (list 'python-mode)) "Major modes where text between single quotes is never aligned." :type '(repeat symbol))
(defcustom align-open-comment-modes (append align-lisp-modes align-c++-modes align-perl-modes (list 'python-mode 'makefile-mode 'vhdl-mode))
  "Major modes whose comments running to the end of the line are aligned and kept out of other rules." :type '(repeat symbol))
(defcustom align-region-separate "^\\s-*[{}]?\\s-*$" "What divides a region into sections aligned apart: a regexp, `entire', `group', `largest', a function or a list of positions." :type '(choice regexp symbol function (repeat integer)))

;;;; Rule conditions and searches.

(defun align--with-prefix () "True when a prefix argument was given to the command." current-prefix-arg)
(defun align--plain-prefix () "True when a prefix argument other than a bare minus was given." (and current-prefix-arg (not (eq current-prefix-arg '-))))
(defun align--minus-prefix () "True when the prefix argument is a bare minus." (eq current-prefix-arg '-))
(defun align--latex-p () "True in LaTeX mode." (eq major-mode 'latex-mode))

(defun align--comment-search (end reverse) "Find a comment that follows code on its line, before END (after it when REVERSE); group 1 is its text."
  (let ((pattern (concat "[^ \t\n\\\\]" (regexp-quote comment-start) "\\(.+\\)$")))
    (funcall (if reverse #'re-search-backward #'re-search-forward) pattern end t)))

(defun align--c-declaration-p () "True unless the declaration-like match follows a statement keyword or sits in a comment."
  (save-excursion
    (goto-char (match-beginning 1))
    (backward-word 1)
    (not (or (looking-at "\\(goto\\|return\\|new\\|delete\\|throw\\)")
             (nth 4 (syntax-ppss))))))

(defun align--comment-after-code-p () "True when the matched comment does not begin its line."
  (save-excursion (goto-char (match-beginning 1)) (not (bolp))))

(defun align--line-ends-after (tail) "A predicate: true when the text after the match's group 2 matches TAIL."
  (lambda () (save-excursion (goto-char (match-end 2)) (looking-at tail))))

(defun align--tex-ampersand (end reverse) "Search for a TeX column separator `&' up to END, backward when REVERSE."
  (align-match-tex-pattern "&" end reverse))
(defun align--tex-tabbing (end reverse) "Search for a TeX tabbing command up to END, backward when REVERSE."
  (align-match-tex-pattern "\\\\[=>]" end reverse))

(defun align--not-others () "True unless the VHDL choice matched is `others'."
  (not (string= (downcase (match-string 1)) "others")))

(defun align--rules-from (table) "Turn TABLE's entries (NAME REGEXP KEY VALUE...) into rules (NAME (regexp . REGEXP) (KEY . VALUE)...)."
  (mapcar (lambda (entry)
            (let ((props (cddr entry)) (alist nil))
              (while props
                (push (cons (intern (substring (symbol-name (car props)) 1)) (cadr props)) alist)
                (setq props (cddr props)))
              (cons (car entry) (cons (cons 'regexp (cadr entry)) (nreverse alist)))))
          table))

(defcustom align-rules-list
  (align--rules-from
   `((lisp-second-arg "\\(^\\s-+[^( \t\n]\\|(\\(\\S-+\\)\\s-+\\)\\S-+\\(\\s-+\\)"
                      :group 3 :modes align-lisp-modes :run-if align--with-prefix)
     (lisp-alist-dot "\\(\\s-*\\)\\.\\(\\s-*\\)" :group (1 2) :modes align-lisp-modes)
     (open-comment align--comment-search :modes align-open-comment-modes)
     (c-macro-definition "^\\s-*#\\s-*define\\s-+\\S-+\\(\\s-+\\)" :modes align-c++-modes)
     (c-variable-declaration
      "[*&0-9A-Za-z_]>?[][&*]*\\(\\s-+[*&]*\\)[A-Za-z_][][0-9A-Za-z:_]*\\s-*\\(\\()\\|=[^=\n].*\\|(.*)\\|\\(\\[.*\\]\\)*\\)\\s-*[;,]\\|)\\s-*$\\)"
      :group 1 :modes align-c++-modes :justify t :valid align--c-declaration-p)
     (c-assignment "[^-=!^&*+<>/| \t\n]\\(\\s-*[-=!^&*+<>/|]*\\)=\\(\\s-*\\)\\([^= \t\n]\\|$\\)"
                   :group (1 2) :modes align-c++-modes :justify t :tab-stop nil)
     (perl-assignment "[^=!^&*+<>/| \t\n-]\\(\\s-*\\)=[~>]?\\(\\s-*\\)\\([^>= \t\n]\\|$\\)"
                      :group (1 2) :modes align-perl-modes :tab-stop nil)
     (python-assignment "[^=!<> \t\n]\\(\\s-*\\)=\\(\\s-*\\)\\([^>= \t\n]\\|$\\)"
                        :group (1 2) :modes '(python-mode) :tab-stop nil)
     (make-assignment "^\\s-*\\w+\\(\\s-*\\):?=\\(\\s-*\\)\\([^\t\n \\]\\|$\\)"
                      :group (1 2) :modes '(makefile-mode) :tab-stop nil)
     (c-comma-delimiter ",\\(\\s-*\\)[^/ \t\n]" :repeat t :modes align-c++-modes :run-if align--with-prefix)
     (basic-comma-delimiter ",\\(\\s-*\\)[^# \t\n]" :repeat t :modes (append align-perl-modes '(python-mode))
                            :run-if align--with-prefix)
     (c++-comment "\\(\\s-*\\)\\(//.*\\|/\\*.*\\*/\\s-*\\)$" :modes align-c++-modes :column comment-column
                  :valid align--comment-after-code-p)
     (c-chain-logic "\\(\\s-*\\)\\(&&\\|||\\|\\<and\\>\\|\\<or\\>\\)" :modes align-c++-modes
                    :valid ,(align--line-ends-after "\\s-*\\(/[*/]\\|$\\)"))
     (perl-chain-logic "\\(\\s-*\\)\\(&&\\|||\\|\\<and\\>\\|\\<or\\>\\)" :modes align-perl-modes
                       :valid ,(align--line-ends-after "\\s-*\\(#\\|$\\)"))
     (python-chain-logic "\\(\\s-*\\)\\(\\<and\\>\\|\\<or\\>\\)" :modes '(python-mode)
                         :valid ,(align--line-ends-after "\\s-*\\(#\\|$\\|\\\\\\)"))
     (c-macro-line-continuation "\\(\\s-*\\)\\\\$" :modes align-c++-modes :column c-backslash-column)
     (basic-line-continuation "\\(\\s-*\\)\\\\$" :modes '(python-mode makefile-mode))
     (tex-record-separator align--tex-ampersand :group (1 2) :modes align-tex-modes :repeat t)
     (tex-tabbing-separator align--tex-tabbing :group (1 2) :modes align-tex-modes :repeat t :run-if align--latex-p)
     (tex-record-break "\\(\\s-*\\)\\\\\\\\" :modes align-tex-modes)
     (text-column "\\(^\\|\\S-\\)\\([ \t]+\\)\\(\\S-\\|$\\)" :group 2 :modes align-text-modes :repeat t
                  :run-if align--plain-prefix)
     (text-dollar-figure "\\$?\\(\\s-+[0-9]+\\)\\." :modes align-text-modes :justify t :run-if align--minus-prefix)
     (css-declaration "^\\s-*\\(?:\\w-?\\)+:\\(\\s-*\\).*;" :group (1) :modes '(css-mode html-mode))))
  "The rules `align' applies, in order: each (NAME (regexp . R) (ATTRIBUTE . VALUE)...)." :type '(repeat sexp))

(defcustom align-exclude-rules-list
  (align--rules-from
   '((exc-dq-string "\"\\([^\"\n]+\\)\"" :repeat t :modes align-dq-string-modes)
     (exc-sq-string "'\\([^'\n]+\\)'" :repeat t :modes align-sq-string-modes)
     (exc-open-comment align--comment-search :modes align-open-comment-modes)
     (exc-c-comment "/\\*\\(.+\\)\\*/" :repeat t :modes align-c++-modes)
     (exc-c-func-params "(\\([^)\n]+\\))" :repeat t :modes align-c++-modes)
     (exc-c-macro "^\\s-*#\\s-*\\(if\\w*\\|endif\\)\\(.*\\)$" :group 2 :modes align-c++-modes)))
  "Rules whose matched groups `align' never changes, in the same form as `align-rules-list'." :type '(repeat sexp))

(defcustom align-vhdl-rules-list
  (align--rules-from
   '((vhdl-declaration "\\(signal\\|variable\\|constant\\)\\(\\s-+\\)\\S-" :group 2)
     (vhdl-case "\\(others\\|[^ \t\n=<]\\)\\(\\s-*\\)=>\\(\\s-*\\)\\S-" :group (2 3) :valid align--not-others)
     (vhdl-colon "[^ \t\n:]\\(\\s-*\\):\\(\\s-*\\)[^=\n]" :group (1 2))
     (direction ":\\s-*\\(in\\|out\\|inout\\|buffer\\)\\(\\s-*\\)" :group 2)
     (sig-assign "[^ \t\n=<]\\(\\s-*\\)<=\\(\\s-*\\)\\S-" :group (1 2))
     (var-assign "[^ \t\n:]\\(\\s-*\\):=")
     (use-entity "\\(\\s-+\\)use\\s-+entity")))
  "Alignment rules for VHDL (`align-set-vhdl-rules' installs them)." :type '(repeat sexp))

(defvar align-regexp-history nil "Regexps given to `align-regexp'.")
(defvar align-highlight-overlays nil "The overlays `align-highlight-rule' made.")
;; A major mode may set these in its buffers to replace the default rules.
(defvar-local align-mode-exclude-rules-list nil "Exclusion rules a major mode puts in place of `align-exclude-rules-list'.")
(defvar-local align-mode-rules-list nil "Rules a major mode puts in place of `align-rules-list' in its buffers.")

;;;; Commands.

(defun align (beg end &optional separate rules exclude-rules) "Align the text between BEG and END by the rules that apply to the major mode.
SEPARATE divides it into sections (see `align-region-separate'); RULES and
EXCLUDE-RULES replace the mode's or the default lists."
  (interactive "r")
  (when align-indent-before-aligning (indent-region beg end))
  (align-region beg end (or separate align-region-separate)
                (or rules align-mode-rules-list align-rules-list)
                (or exclude-rules align-mode-exclude-rules-list align-exclude-rules-list)))

(defun align-entire (beg end &optional rules exclude-rules) "Align BEG to END as one section, by RULES and EXCLUDE-RULES as `align' takes them."
  (interactive "r")
  (let ((align-region-separate 'entire))
    (align beg end nil rules exclude-rules)))

(defun align-current (&optional rules exclude-rules) "Align the section around point, the text between the separators of `align-region-separate'."
  (interactive)
  (let ((bounds (align--section-around (point) align-region-separate)))
    (align-region (car bounds) (cdr bounds) 'entire
                  (or rules align-mode-rules-list align-rules-list)
                  (or exclude-rules align-mode-exclude-rules-list align-exclude-rules-list))))

(defun align--section-around (pos separator) "The (BEG . END) of the section holding POS, between lines SEPARATOR matches (the buffer when it is no regexp)."
  (if (not (stringp separator))
      (cons (point-min) (point-max))
    (save-excursion
      (goto-char pos)
      (let ((top (if (re-search-backward separator nil t) (progn (forward-line 1) (point)) (point-min))))
        (goto-char pos)
        (cons top (if (re-search-forward separator nil t) (match-beginning 0) (point-max)))))))

(defun align-regexp (beg end regexp &optional group spacing repeat) "Align BEG to END on REGEXP: its GROUP (1 by default; negative to right-justify) is the text to adjust.
SPACING (`align-default-spacing' when nil) is left before the column; REPEAT
aligns every match on a line, not only the first."
  (interactive (list (region-beginning) (region-end)
                     (concat "\\(\\s-*\\)" (read-string "Align regexp: " nil 'align-regexp-history))
                     1 align-default-spacing nil))
  (let ((g (or group 1)))
    (align-region beg end 'entire
                  (list (list 'regexp (cons 'regexp regexp) (cons 'group (abs g))
                              (cons 'spacing (or spacing align-default-spacing))
                              (cons 'repeat repeat) (cons 'justify (< g 0))))
                  nil)))

(defun align-newline-and-indent () "Start a new line as `newline-and-indent' does, then align the section it ends."
  (interactive)
  (let ((here (point-marker)))
    (newline-and-indent)
    (save-excursion
      (goto-char here)
      (let ((top (car (align--section-around here align-region-separate))))
        (align top here)))
    (set-marker here nil)))

(defun align-highlight-rule (beg end title &optional rules exclude-rules) "Show with overlays what the rule named TITLE (a string) would change between BEG and END."
  (interactive "r\nsTitle of rule to highlight: ")
  (align-unhighlight-rule)
  (align-region beg end align-region-separate
                (or rules align-mode-rules-list align-rules-list)
                (or exclude-rules align-mode-exclude-rules-list align-exclude-rules-list)
                (lambda (from to what)
                  (if (consp what)
                      (progn (unless (stringp title) (signal 'wrong-type-argument (list 'stringp title)))
                             (string= title (symbol-name (car what))))
                    (let ((ov (make-overlay from to)))
                      (overlay-put ov 'face (if what align-highlight-change-face align-highlight-nochange-face))
                      (push ov align-highlight-overlays))
                    nil))))

(defun align-unhighlight-rule () "Remove the overlays `align-highlight-rule' made." (interactive)
  (mapc #'delete-overlay align-highlight-overlays)
  (setq align-highlight-overlays nil))

;;;; The engine.

(defun align-match-tex-pattern (regexp end &optional reverse) "Search up to END (backward when REVERSE) for REGEXP not escaped by a backslash, with the whitespace around it as groups 1 and 2."
  (let ((pattern (concat "\\(\\s-*\\)" regexp "\\(\\s-*\\)"))
        (found nil))
    (while (and (not found)
                (funcall (if reverse #'re-search-backward #'re-search-forward) pattern end t))
      (unless (eq (char-before (match-end 1)) ?\\)
        (setq found (point))))
    found))

(defun align-column (pos) "The column of position POS." (save-excursion (goto-char pos) (current-column)))

(defun align-new-section-p (beg end separator) "Non-nil when the text from BEG to END crosses a section boundary that SEPARATOR describes.
A regexp: a match between them (its end is given); `group': a line between
them; `entire' or `largest': never; a function: its value; a list: a
position of it between them."
  (pcase separator
    ((pred stringp) (save-excursion (goto-char beg) (re-search-forward separator end t)))
    ('group (> (- (line-number-at-pos end) (line-number-at-pos beg)) 1))
    ((or 'entire 'largest) nil)
    ((pred functionp) (funcall separator beg end))
    ((pred consp) (and (memq t (mapcar (lambda (p) (<= beg p end)) separator)) t))
    (_ nil)))

(defun align-adjust-col-for-rule (column rule spacing tab-stop) "The column aligned text starts at: COLUMN plus SPACING, or when TAB-STOP is non-nil SPACING tab stops on.
RULE is not consulted."
  (ignore rule)
  (if (not tab-stop)
      (+ column spacing)
    (let ((col column))
      (dotimes (_ spacing) (setq col (* (1+ (/ col tab-width)) tab-width)))
      col)))

(defmacro align--set-marker (marker-var pos &optional type) "Point MARKER-VAR at POS, making it a marker (of insertion TYPE) the first time."
  `(setq ,marker-var (if (markerp ,marker-var) (set-marker ,marker-var ,pos) (copy-marker ,pos ,type))))

(defun align--rule-value (rule key default) "RULE's KEY attribute, or DEFAULT when RULE has none."
  (let ((cell (assq key rule))) (if cell (cdr cell) default)))

(defun align--nth-value (value index) "VALUE itself, or its INDEX-th element (the last one past its end) when it is a list."
  (if (consp value) (or (nth index value) (car (last value))) value))

(defun align--resolve (value) "VALUE, or the value of the variable or form it is."
  (cond ((or (null value) (numberp value)) value)
        ((functionp value) (funcall value))
        (t (eval value t))))

(defun align--rule-applies-p (rule) "Whether RULE is for this major mode and its `run-if' allows it."
  (let ((modes (assq 'modes rule)) (run-if (assq 'run-if rule)))
    (and (or (null modes) (memq major-mode (eval (cdr modes) t)))
         (or (null run-if) (funcall (cdr run-if))))))

(defun align--search (rule end) "Search for RULE's regexp up to END; non-nil when found, with the match data set."
  (let ((re (cdr (assq 'regexp rule))))
    (if (functionp re) (funcall re end nil) (re-search-forward re end t))))

(defun align--excluded-areas (beg end rules) "The (FROM . TO) spans between BEG and END that the applicable exclusion RULES match."
  (let ((spans nil))
    (dolist (rule rules)
      (when (align--rule-applies-p rule)
        (let ((groups (align--rule-value rule 'group 1))
              (repeat (align--rule-value rule 'repeat nil)))
          (save-excursion
            (goto-char beg)
            (while (and (< (point) end) (align--search rule end))
              (let ((after (point)))
                (dolist (g (if (listp groups) groups (list groups)))
                  (when (match-beginning g) (push (cons (match-beginning g) (match-end g)) spans)))
                (if repeat
                    (when (= after (match-beginning 0)) (forward-char 1))
                  (forward-line 1))))))))
    spans))

(defun align--overlaps-p (from to spans) "Whether FROM..TO meets one of SPANS."
  (let ((hit nil))
    (dolist (s spans hit)
      (when (and (< from (cdr s)) (> to (car s))) (setq hit t)))))

(defun align-region (beg end separate rules exclude-rules &optional func) "Align the text from BEG to END by RULES, leaving what EXCLUDE-RULES match alone.
SEPARATE (or a rule's own `separate') divides it into sections.  With FUNC,
nothing is changed: FUNC is called with BEG, END and each rule (a nil value
skips the rule), then with the start, end and t of each span to adjust."
  (let ((excluded (align--excluded-areas beg end exclude-rules)))
    (dolist (rule rules)
      (when (and (align--rule-applies-p rule)
                 (or (null func) (funcall func beg end rule)))
        (align--apply-rule rule beg end (align--rule-value rule 'separate separate) excluded func))))
  nil)

(defun align--apply-rule (rule beg end separate excluded func) "Align BEG to END by RULE, sections divided by SEPARATE, skipping matches in EXCLUDED; FUNC as for `align-region'."
  (let* ((groups (align--rule-value rule 'group 1))
         (groups (if (listp groups) groups (list groups)))
         (repeat (align--rule-value rule 'repeat nil))
         (valid (align--rule-value rule 'valid nil))
         (sections nil) (lines nil) (line nil) (line-start nil) (last-pos nil))
    (save-excursion
      (goto-char beg)
      (while (and (< (point) end) (align--search rule end))
        (let ((start (match-beginning 0)) (after (point)) (spans nil) (ok t))
          (dolist (g groups)
            (if (match-beginning g)
                (push (cons (match-beginning g) (match-end g)) spans)
              (error "No match for subexpression %d" g)))
          (setq spans (nreverse spans))
          (when (or (and valid (not (save-match-data (funcall valid))))
                    (let ((bad nil))
                      (dolist (s spans bad) (when (align--overlaps-p (car s) (cdr s) excluded) (setq bad t)))))
            (setq ok nil))
          (if (not ok)
              (goto-char (max after (1+ start)))
            (let ((bol (save-excursion (goto-char start) (line-beginning-position))))
              ;; A new line: close the previous one, and maybe the section.
              (unless (eql bol line-start)
                (when line (push (nreverse line) lines))
                (setq line nil line-start bol)
                (when (and last-pos lines (align-new-section-p last-pos start separate))
                  (push (nreverse lines) sections)
                  (setq lines nil)))
              (setq last-pos start)
              (push (mapcar (lambda (s) (cons (copy-marker (car s)) (copy-marker (cdr s) t))) spans) line)
              (if repeat
                  (goto-char (if (= after start) (1+ after) after))
                (forward-line 1))))))
      (when line (push (nreverse line) lines))
      (when lines (push (nreverse lines) sections))
      (align-regions (nreverse sections) (list groups rule) rule func))))

(defun align-regions (regions props rule func) "Align each section of REGIONS: a list of lines, each a list of matches, each a list of (BEG . END) marker spans.
PROPS is (GROUPS RULE); columns are aligned from the left, the K-th match of
each line together and each group of it in turn."
  (let ((count (length (car props))))
    (dolist (section regions)
      (let ((width (apply #'max 0 (mapcar #'length section))))
        (dotimes (k width)
          (dotimes (g count)
            (let ((areas nil))
              (dolist (line section)
                (let ((match (nth k line)))
                  (when match (push (nth g match) areas))))
              (align-areas (nreverse areas) (list g) rule func))))))
    (dolist (section regions)
      (dolist (line section)
        (dolist (match line)
          (dolist (s match) (set-marker (car s) nil) (set-marker (cdr s) nil)))))))

(defun align-areas (areas props rule func) "Adjust the whitespace of AREAS, (BEG . END) marker spans, so their text starts at one column.
PROPS is (INDEX), the group's place in RULE's list of groups (for `spacing'
and `column' lists); FUNC as for `align-region'."
  (let* ((index (car props))
         (justify (align--rule-value rule 'justify nil))
         (spacing (align--nth-value (align--rule-value rule 'spacing align-default-spacing) index))
         (fixed (align--resolve (align--nth-value (align--rule-value rule 'column nil) index)))
         (tab-stop (let ((ts (align--rule-value rule 'tab-stop align-to-tab-stop)))
                     (if (and ts (symbolp ts) (not (eq ts t)) (boundp ts)) (symbol-value ts) ts)))
         (widest 0) (start-col 0))
    (dolist (a areas)
      (setq start-col (max start-col (align-column (car a))))
      (when justify
        (setq widest (max widest (string-width (align--trim (buffer-substring (car a) (cdr a))))))))
    (let ((target (or fixed (align-adjust-col-for-rule start-col rule spacing tab-stop))))
      (dolist (a (reverse areas))
        (if func
            (funcall func (marker-position (car a)) (marker-position (cdr a)) t)
          (align--fill-area a target justify widest))))))

(defun align--trim (text) "TEXT without its leading whitespace."
  (if (string-match "\\`[ \t\n]+" text) (substring text (match-end 0)) text))

(defun align--fill-area (area column justify widest) "Make AREA's text start at COLUMN (with JUSTIFY, end at COLUMN plus WIDEST)."
  (let* ((from (car area)) (to (cdr area))
         (keep (if justify (align--trim (buffer-substring from to)) ""))
         (goal (if justify (- (+ column widest) (string-width keep)) column)))
    (unless (and (= (align-column to) (+ goal (string-width keep)))
                 (string= keep (if justify (buffer-substring (- to (length keep)) to) "")))
      (save-excursion
        (goto-char from)
        (delete-region from to)
        (indent-to goal)
        (insert keep)))))

(defun align-set-vhdl-rules () "Use the VHDL rules in this buffer (for `vhdl-mode-hook')."
  (setq align-mode-rules-list align-vhdl-rules-list))

(provide 'align)
(run-hooks 'align-load-hook)

;;; align.el ends here
