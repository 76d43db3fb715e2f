;;; abbrevs.el --- Abbrevs: words that expand into longer text as they are typed  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (recorded in
;; test/corpus/lib-abbrevs.el) and the Emacs Lisp manual's "Abbrevs" node.
;;
;; Autoloaded.  The tables themselves (`make-abbrev-table',
;; `abbrev-table-get'/`-put', `define-abbrev-table', the global and
;; Fundamental tables) are preloaded in modes.el, and the variables are
;; special from start-up (autoloads.el).
;;
;; A table is an obarray.  Its symbol named "" carries the table's
;; properties (:abbrev-table-modiff counts its changes); every other
;; symbol is an abbrev: the value is the expansion, the function cell the
;; hook, the property list the abbrev's properties (:count, :system,
;; :case-fixed, :enable-function, and the table's modiff when it was
;; defined).

;;; Abbrev objects.

(defalias 'abbrev-get #'get
  "Return the property PROP of the abbrev symbol SYM.")
(defalias 'abbrev-put #'put
  "Give the abbrev symbol SYM the property PROP with VALUE.")

(defun abbrev--check-table (table) "Signal `wrong-type-argument' unless TABLE is an obarray."
  (unless (obarrayp table) (signal 'wrong-type-argument (list 'vectorp table))))

(defun abbrev--props-for (props) "The property list a new abbrev gets from PROPS, an old-style COUNT [SYSTEM] or a plist."
  (if (and props (not (keywordp (car props))))
      ;; The old form: COUNT and SYSTEM-FLAG as plain arguments.
      (append (list :count (car props))
              (and (cdr props) (list :system (cadr props))))
    (let ((copy (copy-sequence props)))
      (if (plist-member copy :count) copy (append copy (list :count 0))))))

(defun define-abbrev (table abbrev expansion &optional hook &rest props) "Define ABBREV in TABLE to expand into EXPANSION, calling HOOK after it; return ABBREV.
PROPS is a property list: :count (uses so far, 0), :system (a system
abbrev is not saved; with value `force' it replaces a user abbrev),
:case-fixed (ABBREV matches only with its own case), :enable-function
\(a function that must return non-nil for ABBREV to expand).  The old
calling form COUNT SYSTEM-FLAG is accepted too.  Defining a user abbrev
sets `abbrevs-changed'."
  (abbrev--check-table table)
  (let* ((plist (abbrev--props-for props))
         (system (plist-get plist :system))
         (old (intern-soft abbrev table))
         (modiff (or (abbrev-table-get table :abbrev-table-modiff) 0)))
    ;; A system abbrev does not replace one the user defined, unless forced.
    (unless (and system (not (eq system 'force))
                 old (symbol-value old) (not (abbrev-get old :system)))
      (when (eq system 'force) (setq plist (plist-put plist :system t)))
      (let ((sym (intern abbrev table)))
        (or system
            (and old (equal (symbol-value old) expansion) (equal (symbol-function old) hook))
            (setq abbrevs-changed t))
        ;; Properties, function cell and value: the whole abbrev.
        (setplist sym (append plist (list :abbrev-table-modiff modiff)))
        (fset sym hook)
        (setf (symbol-value sym) expansion)
        (abbrev--bump-modiff table)))
    abbrev))

(defun abbrev--bump-modiff (table) "Count one more change of TABLE in its :abbrev-table-modiff."
  (abbrev-table-put table :abbrev-table-modiff (1+ (or (abbrev-table-get table :abbrev-table-modiff) 0))))

(defun abbrev-table-name (table) "Return the name of the variable whose value is TABLE, from `abbrev-table-name-list'."
  (seq-find (lambda (name) (and (boundp name) (eq (symbol-value name) table)))
            abbrev-table-name-list))

(defun abbrev--each (table function) "Call FUNCTION on each abbrev symbol of TABLE that has an expansion."
  (mapatoms (lambda (abbrev)
              (and (symbol-value abbrev) (not (equal (symbol-name abbrev) "")) (funcall function abbrev)))
            table))

(defun abbrev-table-empty-p (object &optional ignore-system) "Return non-nil when the abbrev table OBJECT has no abbrevs.
With IGNORE-SYSTEM, system abbrevs do not count."
  (unless (abbrev-table-p object) (error "Non abbrev table object"))
  (catch 'abbrev--found
    (abbrev--each object (lambda (sym)
                           (unless (and ignore-system (abbrev-get sym :system))
                             (throw 'abbrev--found nil))))
    t))

(defun clear-abbrev-table (table) "Remove every abbrev from TABLE, keeping the table's own properties."
  (set 'abbrevs-changed t)
  (let ((names nil))
    (mapatoms (lambda (abbrev) (unless (equal (symbol-name abbrev) "") (push (symbol-name abbrev) names)))
              table)
    (dolist (name names) (unintern name table)))
  (abbrev--bump-modiff table)
  nil)

(defun copy-abbrev-table (table) "Return a new abbrev table with TABLE's abbrevs, defined afresh.
Only expansions and hooks are copied: counts start at 0 and other
properties are dropped.  As in GNU, the table's own \"\" symbol is
defined too, last, which leaves its modification count one higher."
  (let ((copy (make-abbrev-table)) (named nil) (blank nil))
    (mapatoms (lambda (abbrev) (if (equal (symbol-name abbrev) "") (push abbrev blank) (push abbrev named)))
              table)
    (dolist (sym (nconc (nreverse named) blank))
      (define-abbrev copy (symbol-name sym) (symbol-value sym) (symbol-function sym)))
    copy))

(defun kill-all-abbrevs () "Empty every abbrev table named in `abbrev-table-name-list'."
  (interactive)
  (dolist (name abbrev-table-name-list)
    (if (boundp name) (clear-abbrev-table (symbol-value name)))))

;;; Finding abbrevs.

(defun abbrev--active-tables (&optional tables) "The abbrev tables in effect: TABLES (a table or a list), or the buffer's local ones and the global one."
  (cond ((consp tables) tables)
        (tables (list tables))
        (t (let ((local (if (listp local-abbrev-table) local-abbrev-table
                          (list local-abbrev-table)))
                 (minor nil))
             (dolist (entry abbrev-minor-mode-table-alist)
               (when (and (boundp (car entry)) (symbol-value (car entry)))
                 (setq minor (append minor (if (listp (cdr entry)) (cdr entry)
                                             (list (cdr entry)))))))
             (append minor local (list global-abbrev-table))))))

(defun abbrev--symbol (abbrev table) "Return the abbrev symbol for ABBREV in TABLE alone, or nil.
Unless the table is case-fixed, ABBREV is looked up in lower case first,
then as written; an abbrev defined case-fixed matches only its own
spelling."
  (let ((spellings (if (abbrev-table-get table :case-fixed)
                       (list abbrev)
                     (list (downcase abbrev) abbrev)))
        (found nil))
    (while (and spellings (not found))
      (let ((sym (intern-soft (car spellings) table)))
        (when (and sym (symbol-value sym)
                   (or (not (abbrev-get sym :case-fixed))
                       (equal abbrev (symbol-name sym))))
          (setq found sym)))
      (setq spellings (cdr spellings)))
    found))

(defun abbrev--table-usable-p (table) "Non-nil when TABLE's :enable-function, if any, allows it."
  (let ((enable (abbrev-table-get table :enable-function)))
    (or (null enable) (funcall enable))))

(defun abbrev--lookup (abbrev tables) "The first abbrev symbol for ABBREV in TABLES or their parents, or nil."
  (catch 'abbrev--hit
    (dolist (table tables)
      (let ((hit (or (abbrev--symbol abbrev table)
                     (abbrev--lookup abbrev (abbrev-table-get table :parents)))))
        (when hit (throw 'abbrev--hit hit))))
    nil))

(defun abbrev-symbol (abbrev &optional table) "Return the symbol of ABBREV in TABLE (default: the tables in effect), or nil."
  (abbrev--lookup abbrev (abbrev--active-tables table)))

(defun abbrev-expansion (abbrev &optional table) "Return the expansion of ABBREV in TABLE (default: the tables in effect), or nil."
  (let ((sym (abbrev-symbol abbrev table)))
    (and sym (symbol-value sym))))

(defun abbrev--word-before-point (table) "The (START . END) of the candidate abbrev before point for TABLE, or nil.
A table's :regexp gives it as its first group; otherwise it is the word
before point, with anything but word characters after it passed over."
  (let ((pattern (abbrev-table-get table :regexp)) (here (point)))
    (save-excursion
      (cond (pattern
             (and (looking-back pattern (line-beginning-position))
                  (cons (match-beginning 1) (match-end 1))))
            ;; The last word character before point ends the candidate.
            ((re-search-backward "\\w" nil t)
             (let ((word-end (1+ (point))))
               (when (<= word-end here)
                 (skip-syntax-backward "w")
                 (cons (point) word-end))))))))

(defun abbrev--drop-char (pos) "Delete the character at POS."
  (delete-region pos (1+ pos)))

(defun abbrev--before-point () "Find the abbrev before point: (SYMBOL NAME START END), or nil.
NAME is the text as written in the buffer.  A position set by
`abbrev-prefix-mark' starts the abbrev there instead."
  (if (and abbrev-start-location (markerp abbrev-start-location)
           (eq (marker-buffer abbrev-start-location) (current-buffer)))
      (let* ((from (prog1 (marker-position abbrev-start-location)
                     (setq abbrev-start-location nil)))
             (hyphen (eq (char-after from) ?-)))
        ;; The hyphen the mark put there goes.
        (when hyphen (abbrev--drop-char from))
        (let* ((name (buffer-substring-no-properties from (point)))
               (sym (abbrev-symbol name)))
          (and sym (list sym name from (+ from (length name))))))
    (setq abbrev-start-location nil)
    (catch 'abbrev--hit
      (dolist (table (abbrev--active-tables))
        ;; A table's and an abbrev's conditions count only when expanding.
        (let ((span (and (abbrev--table-usable-p table) (abbrev--word-before-point table))))
          (when span
            (let* ((name (buffer-substring-no-properties (car span) (cdr span)))
                   (sym (abbrev--lookup name (list table)))
                   (enable (and sym (abbrev-get sym :enable-function))))
              (when (and sym (or (null enable) (funcall enable)))
                (throw 'abbrev--hit (list sym name (car span) (cdr span))))))))
      nil)))

;;; Expanding.

(defun abbrev--adjust-case (typed start end) "Give the expansion between START and END the case of TYPED, the abbrev as written.
All capitals make a one-word expansion (or any, with `abbrev-all-caps')
all capitals and put capitals at the words' starts otherwise; some
capitals give the first word a capital."
  (let ((case-fold-search nil))
    (when (string-match "[[:upper:]]" typed)
      (let ((text (buffer-substring-no-properties start end)))
        (cond ((not (string-match "[[:lower:]]" typed))
               (if (or abbrev-all-caps (not (string-match "\\w\\W+\\w" text)))
                   (upcase-region start end)
                 (upcase-initials-region start end)))
              ((string-match "\\w+" text)
               (upcase-initials-region (+ start (match-beginning 0))
                                       (+ start (match-end 0)))))))))

(defun abbrev-insert (abbrev &optional name wordstart wordend) "Insert the expansion of the abbrev symbol ABBREV and run its hook; return ABBREV.
With WORDSTART and WORDEND, the text between them (the abbrev as
written, NAME) is replaced and the expansion takes NAME's case.  The
abbrev's :count goes up by one.  The value is nil when the hook has a
non-nil `no-self-insert' property and returns nil."
  (abbrev-put abbrev :count (1+ (or (abbrev-get abbrev :count) 0)))
  (let ((value abbrev) (from (or wordstart (point))))
    (goto-char from) (insert (symbol-value abbrev))
    ;; The abbrev goes after the expansion is in, so that markers (a `save-excursion'
    ;; point) at its end stay after the expansion, as in GNU.
    (when wordstart (delete-region (point) (+ (point) (- wordend wordstart))))
    (let ((past (point-marker)))
      (when (and name wordstart) (abbrev--adjust-case name from past))
      (goto-char (prog1 (marker-position past) (set-marker past nil))))
    (let* ((hook (symbol-function abbrev))
           (result (and hook (funcall hook))))
      ;; A hook marked `no-self-insert' that returns nil makes the value nil.
      (if (and hook (null result) (symbolp hook) (get hook 'no-self-insert))
          nil
        value))))

(defun abbrev--default-expand () "Expand the abbrev before point, if any, and return its symbol.
`abbrev-expand-functions' are wrapped around the expansion."
  (let ((core (lambda ()
                (let ((found (abbrev--before-point)))
                  (when found
                    (pcase-let* ((`(,sym ,name ,start ,end) found)
                                 ;; Text typed after the abbrev (a space) stays after point.
                                 (after (and (> (point) end) (- (point-max) (point)))))
                      (setq last-abbrev-text name last-abbrev sym last-abbrev-location start)
                      (prog1 (abbrev-insert sym name start end)
                        (if after (goto-char (- (point-max) after))))))))))
    (abbrev--wrap (if (listp abbrev-expand-functions) abbrev-expand-functions
                    (list abbrev-expand-functions))
                  core)))

(defun abbrev--wrap (wrappers core) "Call CORE inside WRAPPERS, the outermost first; each gets the rest as a function.
A t in a buffer-local value stands for the global value."
  (cond ((null wrappers) (funcall core))
        ((eq (car wrappers) t)
         (abbrev--wrap (append (default-value 'abbrev-expand-functions) (cdr wrappers)) core))
        (t (funcall (car wrappers) (lambda () (abbrev--wrap (cdr wrappers) core))))))

(defun expand-abbrev () "Expand the abbrev before point, returning its symbol (nil when there is none).
`abbrev-expand-function' does the work (the obsolete
`pre-abbrev-expand-hook' is not run, as in GNU 28)."
  (interactive)
  (funcall abbrev-expand-function))

(defun unexpand-abbrev () "Put back the abbrev text that the last expansion replaced."
  (interactive)
  (when (and last-abbrev (stringp last-abbrev-text)
             (<= (point-min) last-abbrev-location (point-max)))
    (let* ((pt (point))
           ;; Point after the expansion keeps its distance from the end.
           (tail (and (> pt last-abbrev-location) (- (point-max) pt)))
           (expansion (symbol-value last-abbrev)))
      (or (stringp expansion) (error "Value of abbrev-symbol must be a string"))
      (let ((at last-abbrev-location))
        (delete-region at (min (point-max) (+ at (length expansion))))
        (goto-char at)
        (insert (prog1 last-abbrev-text (setq last-abbrev-text nil))))
      (goto-char (if tail (- (point-max) tail) pt))))
  nil)

(defun abbrev-prefix-mark (&optional arg) "Mark point as the start of the next abbrev, inserting a hyphen there.
Unless ARG, the abbrev before point is expanded first."
  (interactive "P")
  (unless arg (expand-abbrev))
  ;; The marker is where the hyphen goes; it is removed on expansion.
  (setq abbrev-start-location-buffer (current-buffer)
        abbrev-start-location (prog1 (point-marker) (insert ?-))))

(defun expand-region-abbrevs (start end &optional noquery) "Expand each abbrev in the region START..END.
Without NOQUERY each would be asked about; in batch they all expand."
  (interactive "r\nP")
  noquery
  (let ((stop (copy-marker end t)))
    ;; Each word's end is where an abbrev would be expanded; point stays
    ;; after the last one.
    (goto-char start)
    (while (re-search-forward "\\w+" stop t) (expand-abbrev))
    (set-marker stop nil)))

(define-minor-mode abbrev-mode "Toggle Abbrev mode: abbrevs expand as words are finished."
  :lighter " Abbrev")

;;; Defining from commands.

(defun define-global-abbrev (abbrev expansion) "Define ABBREV, in lower case, as a global abbrev for EXPANSION; return that name."
  (interactive (let ((name (read-string "Global abbrev: ")))
                 (list name (read-string (format "Expansion of %s: " name)))))
  (abbrev--define-lower global-abbrev-table abbrev expansion))

(defun abbrev--define-lower (table name expansion) "Define NAME, in lower case, in TABLE for EXPANSION; return that name."
  (define-abbrev table (downcase name) expansion))

(defun define-mode-abbrev (abbrev expansion) "Define ABBREV, in lower case, for EXPANSION in the buffer's local abbrev table; return that name."
  (interactive (let ((name (read-string "Mode abbrev: ")))
                 (list name (read-string (format "Expansion of %s: " name)))))
  (let ((table (if (consp local-abbrev-table) (car local-abbrev-table) local-abbrev-table)))
    (unless table (error "Major mode has no abbrev table"))
    (abbrev--define-lower table abbrev expansion)))

;; Defining an abbrev for the text before point, or the text before point as an abbrev.

(defun abbrev--confirm-redefine (name table) "Non-nil unless NAME already expands in TABLE and the user declines to redefine it."
  (let ((old (abbrev-expansion name table)))
    (or (not old)
        (y-or-n-p (format "%s expands into \"%s\"; redefine? " name old)))))

(defun add-abbrev (table type arg) "Define an abbrev in TABLE whose expansion is the ARG words before point, read its name.
ARG 0 takes the region as the expansion; a negative ARG undefines the abbrev read.  TYPE
names the table in the prompt.  Return the abbrev's name, or nil when not redefined."
  (let* ((exp (and (>= arg 0)
                   (buffer-substring-no-properties
                    (point) (if (= arg 0) (mark t) (save-excursion (forward-word (- arg)) (point))))))
         (name (substring-no-properties
                (read-string (if (null exp)
                                 (format "Undefine %s abbrev: " type)
                               (format "%s abbrev that expands into \"%s\": " type exp))
                             nil nil nil nil))))
    ;; Undefining asks nothing.
    (and (or (null exp) (abbrev--confirm-redefine name table))
         (abbrev--define-lower table name exp))))

(defun abbrev--mode-table () "The table mode abbrevs go to: the global one under `only-global-abbrevs', else the local one."
  (cond (only-global-abbrevs global-abbrev-table)
        ((if (consp local-abbrev-table) (car local-abbrev-table) local-abbrev-table))
        (t (error "No per-mode abbrev table"))))

(defun add-global-abbrev (arg) "Define a global abbrev for the ARG words before point (the region if ARG is 0), reading its name."
  (interactive "p") (add-abbrev global-abbrev-table "Global" arg))

(defun add-mode-abbrev (arg) "Define a mode abbrev for the ARG words before point (the region if ARG is 0), reading its name."
  (interactive "p")
  (add-abbrev (abbrev--mode-table) "Mode" arg))

(defun inverse-add-abbrev (table type arg) "Make the ARGth word before point an abbrev in TABLE, read its expansion, and expand it.
TYPE names the table in the prompt.  Return the abbrev symbol expanded, or nil."
  (pcase-let* ((`(,word-start . ,word-end)
                (save-excursion
                  ;; ARG words back (a negative ARG: forward, to the word after), then that word.
                  (forward-word (- 1 arg))
                  (backward-word)
                  (cons (point) (progn (forward-word) (point)))))
               (name (buffer-substring-no-properties word-start word-end))
               (exp (read-string (format "Expansion for %s abbrev \"%s\": " type name) nil nil nil t)))
    (when (abbrev--confirm-redefine name table)
      (abbrev--define-lower table name exp)
      (save-excursion (goto-char word-end) (expand-abbrev)))))

(defun inverse-add-global-abbrev (n) "Make the Nth word before point a global abbrev, read its expansion, and expand it."
  (interactive "p") (inverse-add-abbrev global-abbrev-table "Global" n))

(defun inverse-add-mode-abbrev (n) "Make the Nth word before point a mode abbrev, read its expansion, and expand it."
  (interactive "p")
  (inverse-add-abbrev (abbrev--mode-table) "Mode" n))

;; Abbrev suggestions: noticing that the words before point are the expansion of an abbrev.
;; Expansions are handled as (EXPANSION . ABBREV) pairs.

(defun abbrev--suggest-get-previous-words (n) "Return the text of the N words before point, newlines turned into spaces."
  (let ((from (save-excursion (backward-word n) (point))))
    (subst-char-in-string ?\n ?\s (buffer-substring-no-properties from (point)))))

(defun abbrev--suggest-count-words (expansion) "Return how many space-separated words EXPANSION has."
  (safe-length (split-string expansion " " t)))

(defun abbrev--suggest-table-lineage (table) "TABLE's ancestors by their :parents, farthest first, then TABLE."
  (nconc (mapcan #'abbrev--suggest-table-lineage (copy-sequence (abbrev-table-get table :parents)))
         (list table)))

(defun abbrev--suggest-get-active-tables-including-parents () "Return the abbrev tables in effect, each after the tables it inherits from."
  (mapcan #'abbrev--suggest-table-lineage (copy-sequence (abbrev--active-tables))))

(defun abbrev--suggest-get-active-abbrev-expansions () "Return (EXPANSION . ABBREV) for every abbrev of the tables in effect and their parents.
The last table's abbrevs come first."
  (let ((pairs '()))
    (mapc (lambda (tbl)
            (abbrev--each tbl (lambda (abbrev)
                                (setq pairs (cons (cons (symbol-value abbrev) (symbol-name abbrev))
                                                  pairs)))))
          (abbrev--suggest-get-active-tables-including-parents))
    pairs))

(defun abbrev--suggest-above-threshold (expansion) "Non-nil if the abbrev of EXPANSION, an (EXPANSION . ABBREV) pair, saves enough typing.
That is at least `abbrev-suggest-hint-threshold' characters."
  (let ((saved (- (length (car expansion)) (length (cdr expansion)))))
    (not (< saved abbrev-suggest-hint-threshold))))

(defun abbrev--suggest-shortest-abbrev (new current) "Return whichever of the (EXPANSION . ABBREV) pairs NEW and CURRENT has the shorter abbrev.
CURRENT wins ties; with no CURRENT, NEW."
  (cond ((null current) new)
        ((< (length (cdr new)) (length (cdr current))) new)
        (t current)))

(defun abbrev--suggest-inform-user (expansion) "Note the (EXPANSION . ABBREV) pair EXPANSION as a suggestion made; return the suggestions so far."
  (push expansion abbrev--suggest-saved-recommendations))

(defun abbrev--suggest-maybe-suggest () "If the words before point are the expansion of an abbrev that saves typing, suggest it.
The shortest such abbrev is noted with `abbrev--suggest-inform-user', whose value this returns."
  (let ((best nil))
    (dolist (pair (abbrev--suggest-get-active-abbrev-expansions))
      (let ((typed (string-trim-right
                    (abbrev--suggest-get-previous-words
                     (abbrev--suggest-count-words (car pair))))))
        (when (and (eq t (compare-strings typed nil nil (car pair) nil nil t))
                   (abbrev--suggest-above-threshold pair))
          (setq best (abbrev--suggest-shortest-abbrev pair best)))))
    (and best (abbrev--suggest-inform-user best))))

(defun abbrev--suggest-get-totals () "Count the suggestions made, as (EXPANSION . TIMES), the earliest made first."
  (let ((totals nil))
    (dolist (pair abbrev--suggest-saved-recommendations totals)
      (let ((entry (assoc (car pair) totals)))
        (if entry (setcdr entry (1+ (cdr entry)))
          (push (cons (car pair) 1) totals))))))

(defun abbrev-table-menu (table &optional prompt sortfun) "Return a menu keymap inserting the abbrevs of TABLE, with PROMPT as its title.
The entries are sorted by name with SORTFUN, `string-lessp' by default."
  (let ((names nil))
    (abbrev--each table (lambda (sym) (push (symbol-name sym) names)))
    (setq names (sort names (or sortfun #'string-lessp)))
    (let ((entries (mapcar (lambda (name)
                             (let ((sym (abbrev--symbol name table)))
                               (list (intern name) 'menu-item name
                                     `(lambda () (interactive) (abbrev-insert ',sym)))))
                           names)))
      (if prompt (cons 'keymap (cons prompt entries)) (cons 'keymap entries)))))

(defun abbrev--check-chars (abbrev global) "Signal an error when ABBREV has characters that are not word constituents.
GLOBAL means the standard syntax table decides, else the buffer's."
  (let ((bad nil))
    (with-syntax-table (if global (standard-syntax-table) (syntax-table))
      (dolist (char (string-to-list abbrev))
        (unless (or (eq (char-syntax char) ?w) (memq char bad))
          (setq bad (cons char bad)))))
    (when bad
      (error "Some abbrev characters (%s) are not word constituents %s"
             (apply #'string (nreverse bad))
             (if global "in the standard syntax" "in this mode")))))

;;; Describing and saving.

(defun abbrev--table-symbols (name &optional system) "The abbrev symbols of the table named NAME; system ones only with SYSTEM."
  (let ((table (symbol-value name)) (syms nil))
    (abbrev--each table (lambda (sym)
                          (when (or system (not (abbrev-get sym :system)))
                            (push sym syms))))
    syms))

(defun abbrev--sorted (name system) "NAME's abbrev symbols (system ones too with SYSTEM), by name."
  (sort (abbrev--table-symbols name system)
        (lambda (a b) (string-lessp (symbol-name a) (symbol-name b)))))

(defun abbrev--emit (pieces) "Output PIECES in order: a string is inserted in the buffer, a number is a
column to indent to (at least one space), and (VALUE) prints VALUE with
`prin1' to `standard-output'."
  (dolist (piece pieces)
    (cond ((stringp piece) (insert piece))
          ((integerp piece) (indent-to piece 1))
          (t (prin1 (car piece))))))

(defun abbrev--write (sym) "Print SYM as one entry of a `define-abbrev-table' call.
The punctuation goes to the buffer, the printed values to
`standard-output'.  Of the abbrev's other properties only :case-fixed
and :enable-function are written."
  (let ((fixed (abbrev-get sym :case-fixed))
        (enable (abbrev-get sym :enable-function)))
    (abbrev--emit
     `("    (" (,(symbol-name sym)) " " (,(symbol-value sym)) " " (,(symbol-function sym))
       " :count " (,(abbrev-get sym :count))
       ,@(and fixed `(" :case-fixed " (,fixed)))
       ,@(and enable `(" :enable-function " (,enable)))
       ")\n"))))

(defun abbrev--describe (sym) "Print SYM as one line of a readable table listing.
The columns go to the buffer, the printed values to `standard-output'."
  (let ((system (abbrev-get sym :system)) (hook (symbol-function sym)))
    (abbrev--emit
     `((,(symbol-name sym)) ,@(and system '(" (sys)"))
       ;; A system abbrev's count sits further right.
       ,(if system 20 15) (,(abbrev-get sym :count))
       20 (,(symbol-value sym))
       ,@(and hook `(45 (,hook)))))
    (terpri)))

(defun insert-abbrev-table-description (name &optional readable) "Insert a description of the abbrev table whose variable is NAME.
With READABLE, a listing for people (system abbrevs included, marked
\"(sys)\"); otherwise a `define-abbrev-table' call that recreates the
user abbrevs."
  (let* ((standard-output (current-buffer))
         (syms (abbrev--sorted name readable))
         (title (symbol-name name)))
    (cond (readable
           (insert "(" title ")\n\n")
           (mapc #'abbrev--describe syms)
           (insert "\n\n"))
          (syms
           (insert "(define-abbrev-table '" title "\n  '(\n")
           (mapc #'abbrev--write syms)
           (insert "   ))\n\n"))
          (t (insert "(define-abbrev-table '" title " '())\n\n")))
    nil))

(defun write-abbrev-file (&optional file _verbose) "Save the user abbrevs of every table to FILE (default `abbrev-file-name').
Tables without user abbrevs are left out; the others come by name."
  (interactive)
  (let ((target (or file abbrev-file-name))
        (names (sort (copy-sequence abbrev-table-name-list)
                     (lambda (a b) (string-lessp (symbol-name a) (symbol-name b))))))
    (with-temp-buffer
      (insert ";;-*-coding: utf-8;-*-\n")
      (mapc (lambda (name)
              (let ((table (and (boundp name) (symbol-value name))))
                (and (abbrev-table-p table) (not (abbrev-table-empty-p table t))
                     (insert-abbrev-table-description name nil))))
            names)
      (let ((coding-system-for-write 'utf-8)) (write-region nil nil target nil 0)))
    nil))

(defun read-abbrev-file (&optional file quietly) "Load the abbrev definitions in FILE (default `abbrev-file-name').
QUIETLY loads without a message.  Afterwards the abbrevs count as saved."
  (interactive)
  (let ((source (or file abbrev-file-name)))
    (load source nil quietly))
  (setq save-abbrevs t abbrevs-changed nil)
  nil)

(defun quietly-read-abbrev-file (&optional file) "Load the abbrev definitions in FILE without a message."
  (read-abbrev-file file 'quietly))

;;; Listing and editing all the tables as text.

(defun insert-abbrevs () "Insert a description of every abbrev table, point before it and mark after it."
  (interactive nil)
  (push-mark (save-excursion
               (mapc (lambda (name) (insert-abbrev-table-description name t)) abbrev-table-name-list)
               (point))))

(defun prepare-abbrev-list-buffer (&optional local) "Fill the buffer *Abbrevs* with the abbrev tables and return it.
The tables with abbrevs come first.  With LOCAL, only the current
buffer's local table is shown, and the buffer keeps its mode
(else it is put in Edit-Abbrevs mode)."
  (let ((names (if local
                   (list (abbrev-table-name local-abbrev-table))
                 (let ((full nil) (empty nil))
                   (dolist (name abbrev-table-name-list)
                     (if (abbrev-table-empty-p (symbol-value name))
                         (push name empty)
                       (push name full)))
                   (nconc (nreverse full) (nreverse empty))))))
    (let ((listing (get-buffer-create "*Abbrevs*")))
      (with-current-buffer listing
        ;; Only the full listing is put in Edit-Abbrevs mode: the local one
        ;; keeps the buffer's mode.
        (unless local (edit-abbrevs-mode))
        (erase-buffer)
        (mapc (lambda (name) (insert-abbrev-table-description name t)) names)
        (restore-buffer-modified-p nil)
        (goto-char (point-min)))
      listing)))

(defun list-abbrevs (&optional local) "Show a list of the abbrevs of all tables, or with LOCAL of the local table only."
  (interactive "P")
  (let ((listing (prepare-abbrev-list-buffer local))) (display-buffer listing)))

(defun edit-abbrevs () "Edit the abbrevs of all tables in the buffer *Abbrevs*."
  (interactive nil)
  (switch-to-buffer (prepare-abbrev-list-buffer)))

(defun define-abbrevs (&optional arg) "Define the abbrevs described in the buffer, as `insert-abbrevs' writes them.
Each table is a line (TABLE-NAME), a blank line, then lines of \"NAME\"
COUNT \"EXPANSION\" [HOOK] at the start of the line (others are passed
over) up to a blank line.  With ARG, every
table is emptied first."
  (interactive "P")
  (if arg (kill-all-abbrevs))
  (save-excursion
    (goto-char (point-min))
    (while (re-search-forward "^(" nil t)
      (let* ((here (current-buffer))
             (table (read here))
             (defs nil))
        (forward-line 2)
        ;; Up to the blank line; a line not starting with a name is passed over.
        (while (< (point) (line-end-position))
          (when (eq (char-after) ?\")
            (let* ((name (read here)) (count (read here)) (expansion (read here))
                   (hook (and (not (looking-at "[ \t]*$")) (read here))))
              (push (list name expansion hook :count count) defs)))
          (forward-line))
        (define-abbrev-table table (nreverse defs))))))

(defun edit-abbrevs-redefine () "Define the abbrevs of the buffer anew, replacing all others."
  (interactive nil)
  ;; Every table is emptied first, so the buffer says all there is.
  (define-abbrevs 'empty-first)
  (set-buffer-modified-p nil))

(defun abbrev-edit-save-to-file (file) "Define the abbrevs of the buffer anew and save all abbrevs to FILE."
  (interactive (list (read-file-name "Save abbrevs to file: " nil abbrev-file-name)))
  (let ((target file))
    (edit-abbrevs-redefine)
    (write-abbrev-file target 'verbose)))

(defun abbrev-edit-save-buffer () "Define the abbrevs of the buffer anew and save all abbrevs to `abbrev-file-name'."
  (interactive nil)
  (let ((file abbrev-file-name))
    (abbrev-edit-save-to-file file)))

;;;###autoload
(defvar edit-abbrevs-mode-map
  (let ((keys (make-sparse-keymap)))
    (pcase-dolist (`(,key . ,command) '(("\C-x\C-s" . abbrev-edit-save-buffer)
                                         ("\C-x\C-w" . abbrev-edit-save-to-file)
                                         ("\C-c\C-c" . edit-abbrevs-redefine)))
      (define-key keys key command))
    keys)
  "Keys of Edit-Abbrevs mode.")

(define-derived-mode edit-abbrevs-mode fundamental-mode "Edit-Abbrevs" "Major mode for editing the list of abbrevs that `edit-abbrevs' shows.
Its keys: \\{edit-abbrevs-mode-map}")

(provide 'abbrevs)

;;; abbrevs.el ends here
