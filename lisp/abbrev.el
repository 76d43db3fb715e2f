;;; abbrev.el --- defining abbrevs, expanding them, saving and describing tables  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and its manual.
;;
;; Autoloaded.  The tables themselves (`make-abbrev-table',
;; `define-abbrev-table', `abbrev-table-get'/`-put') are preloaded in
;; modes.el.  In a table (an obarray) each abbrev is a symbol named by the
;; abbrev, whose value is the expansion, whose function is the hook and
;; whose plist holds :count, :system, :case-fixed and :enable-function.

(defalias 'abbrev-get #'get "The property PROP of the abbrev SYM.")
(defalias 'abbrev-put #'put "Give the abbrev SYM the property PROP with VALUE.")

(define-minor-mode abbrev-mode "Minor mode where words typed that are abbrevs are replaced by their expansions."
  :lighter " Abbrev")

;;; Defining.

(defun abbrev--bump-modiff (table)
  "Count one more change of TABLE." (abbrev-table-put table :abbrev-table-modiff
                    (1+ (or (abbrev-table-get table :abbrev-table-modiff) 0))))

(defun define-abbrev (table abbrev expansion &optional hook &rest props) "Make ABBREV (a string) in TABLE expand to EXPANSION, then call HOOK.
PROPS are the abbrev's properties: :count (uses so far), :system (a
system abbrev never replaces a user one), :case-fixed, :enable-function.
The old calling convention, COUNT and SYSTEM-FLAG as the 5th and 6th
arguments, is understood too.  Return ABBREV." (when (and (consp props) (or (null (car props)) (numberp (car props))))
    (setq props (append (list :count (car props))
                        (and (cadr props) (list :system (cadr props)))))) (unless (plist-get props :count)
    (setq props (plist-put props :count 0))) (let* ((system (plist-get props :system))
         (sym (intern abbrev table))
         (user-owned (and (boundp sym) (symbol-value sym) (not (abbrev-get sym :system)))))
    (unless (and system (not (eq system 'force)) user-owned)
      (unless (or system
                  (and (boundp sym) (equal (symbol-value sym) expansion) (equal (symbol-function sym) hook)))
        (setq abbrevs-changed t)) (set sym expansion)
      (fset sym hook) (setplist sym (if (eq system 'force) (plist-put props :system t) props))
      (abbrev--bump-modiff table)))
  abbrev)

(defun define-global-abbrev (abbrev expansion) "Make ABBREV expand to EXPANSION in every buffer."
  (interactive "sDefine global abbrev: \nsExpansion for %s: ") (define-abbrev global-abbrev-table (downcase abbrev) expansion))

(defun define-mode-abbrev (abbrev expansion) "Make ABBREV expand to EXPANSION in the buffers of the current major mode."
  (interactive "sDefine mode abbrev: \nsExpansion for %s: ") (define-abbrev (or local-abbrev-table (error "No per-mode abbrev table"))
    (downcase abbrev) expansion))

(defun clear-abbrev-table (table) "Remove every abbrev of TABLE, keeping the table's own properties."
  (setq abbrevs-changed t) (let ((doomed nil))
    (mapatoms (lambda (sym) (unless (string= (symbol-name sym) "") (push sym doomed))) table)
    (dolist (sym doomed) (unintern sym table)))
  (abbrev--bump-modiff table)
  nil)

(defun kill-all-abbrevs () "Empty every abbrev table named in `abbrev-table-name-list'."
  (interactive) (dolist (name abbrev-table-name-list)
    (clear-abbrev-table (symbol-value name))))

(defun copy-abbrev-table (table) "A new abbrev table with the abbrevs of TABLE."
  (let ((copy (make-abbrev-table))) (mapatoms (lambda (sym)
                (unless (string= (symbol-name sym) "")
                  (define-abbrev copy (symbol-name sym) (symbol-value sym) (symbol-function sym))))
              table)
    copy))

(defun abbrev-table-name (table) "The variable of `abbrev-table-name-list' whose value is TABLE, or nil."
  (let ((names abbrev-table-name-list) (found nil))
    (while (and names (not found))
      (when (eq (symbol-value (car names)) table) (setq found (car names))) (setq names (cdr names)))
    found))

(defun abbrev-table-empty-p (object &optional ignore-system) "Non-nil when the abbrev table OBJECT has no abbrevs (no user ones, with IGNORE-SYSTEM)."
  (unless (abbrev-table-p object) (error "Non abbrev table object"))
  (not (catch 'abbrev--found (mapatoms (lambda (sym)
                     (unless (or (string= (symbol-name sym) "")
                                 (and ignore-system (abbrev-get sym :system)))
                       (throw 'abbrev--found t)))
                   object)
         nil)))

(defun abbrev--table-symbols (name &optional system) "The abbrevs of the table NAME (a variable or the table), system ones too when SYSTEM."
  (let ((table (if (symbolp name) (symbol-value name) name)) (found nil)) (mapatoms (lambda (sym)
                (when (and (> (length (symbol-name sym)) 0) (boundp sym) (symbol-value sym)
                           (or system (not (abbrev-get sym :system))))
                  (push sym found)))
              table)
    found))

;;; Looking abbrevs up.

(defun abbrev--active-tables (&optional tables) "The abbrev tables in force: TABLES when given, else the local ones, the minor modes' and the global one."
  (cond ((consp tables) tables)
        ((and tables (abbrev-table-p tables)) (list tables))
        (t
         (let ((found (if (listp local-abbrev-table)
                          (append local-abbrev-table (list global-abbrev-table)) (list local-abbrev-table global-abbrev-table))))
           (dolist (entry abbrev-minor-mode-table-alist)
             (when (and (symbolp (car entry)) (boundp (car entry)) (symbol-value (car entry)))
               (setq found (if (listp (cdr entry)) (append (cdr entry) found)
                             (cons (cdr entry) found)))))
           found))))

(defun abbrev--symbol (abbrev table) "The abbrev ABBREV of TABLE, or nil.  Case is ignored unless the table or the abbrev fixes it."
  (let* ((fold (not (abbrev-table-get table :case-fixed)))
         (sym (or (intern-soft abbrev table)
                  (and fold
                       (let ((lower (intern-soft (downcase abbrev) table)))
                         (and lower (not (abbrev-get lower :case-fixed)) lower))))))
    (and sym (boundp sym) (symbol-value sym) sym)))

(defun abbrev-symbol (abbrev &optional table) "The symbol of ABBREV in TABLE (default: the active tables), their parents included, or nil."
  (let ((tables (abbrev--active-tables table)) (found nil))
    (while (and tables (not found))
      (let ((one (car tables)))
        (setq tables (append (abbrev-table-get one :parents) (cdr tables)))
        (setq found (abbrev--symbol abbrev one))))
    found))

(defun abbrev-expansion (abbrev &optional table) "What ABBREV expands to in TABLE (default: the active tables), or nil." (symbol-value (abbrev-symbol abbrev table)))

(defun abbrev--check-chars (abbrev global) "Signal an error when ABBREV has characters that are not word constituents (GLOBAL: in the global table)."
  (save-match-data (when (string-match "\\W" abbrev)
      (let ((bad nil))
        (dolist (c (string-to-list abbrev))
          (unless (or (= (char-syntax c) ?w) (member (string c) bad))
            (setq bad (append bad (list (string c)))))) (error "Some abbrev characters (%s) are not word constituents %s"
               (mapconcat #'identity bad " ") (if global "in the standard syntax" "in this mode"))))))

(defun abbrev--enabled-p (table)
  "Non-nil unless TABLE has an :enable-function that says no."
  (let ((fn (abbrev-table-get table :enable-function)))
    (or (null fn) (funcall fn))))

(defun abbrev--before-point () "The abbrev before point, as (SYMBOL NAME START END), or nil.
`abbrev-start-location' marks where it starts when set; else a table's
:regexp, or the word before point, says where."
  (let ((tables (abbrev--active-tables)) (found nil)) (if abbrev-start-location
        (let ((start abbrev-start-location) (end (point))) (setq abbrev-start-location nil)
          (when (and (< start (point-max)) (eq (char-after start) ?-)) (delete-region start (1+ start))
            (setq end (1- end))) (let ((name (buffer-substring start end)))
            (setq found (list (abbrev-symbol name tables) name start end))
            (unless (car found) (setq found nil))))
      (while (and tables (not found))
        (let ((table (car tables)))
          (setq tables (append (abbrev-table-get table :parents) (cdr tables)))
          (when (abbrev--enabled-p table)
            (let* ((re (abbrev-table-get table :regexp))
                   (bounds
                    (if re
                        (and (looking-back re (line-beginning-position))
                             (cons (match-beginning 1) (match-end 1))) (save-excursion
                        (let ((limit (point))) (backward-word 1)
                          (let ((start (point))) (forward-word 1)
                            (and (< start limit) (cons start (min (point) limit))))))))) (when bounds
                (let* ((name (buffer-substring (car bounds) (cdr bounds)))
                       (sym (abbrev--symbol name table)))
                  (when (and sym
                             (let ((fn (abbrev-get sym :enable-function)))
                               (or (null fn) (funcall fn))))
                    (setq found (list sym name (car bounds) (cdr bounds)))))))))))
    found))

;;; Expanding.

(defun abbrev--fix-case (sym name start end)
  "Give the expansion of SYM between START and END the case of NAME, the text typed."
  (when (and (not (equal name (symbol-name sym)))
             (not (abbrev-get sym :case-fixed))
             (let ((case-fold-search nil)) (string-match "[[:upper:]]" name))) (let ((case-fold-search nil)) (if (not (string-match "[[:lower:]]" name))
          ;; All capitals: every word, or every letter.
          (if (and (not abbrev-all-caps) (save-excursion
                     (> (progn (goto-char end) (backward-word 1) (point))
                        (progn (goto-char start) (forward-word 1) (point)))))
              (upcase-initials-region start end)
            (upcase-region start end))
        ;; Some capitals: the expansion's first letter only.
        (save-excursion (goto-char start) (skip-syntax-forward "^w" (1- end)) (upcase-initials-region (point) (1+ (point))))))))

(defun abbrev-insert (abbrev &optional name wordstart wordend) "Put the expansion of the abbrev symbol ABBREV in place of WORDSTART..WORDEND.
NAME is the text that was typed; its case carries over.  The abbrev's
hook runs afterwards.  Return ABBREV, or nil when the hook has a
`no-self-insert' property and returned nil." (unless name (setq name (symbol-name abbrev)))
  (unless wordstart (setq wordstart (point))) (unless wordend (setq wordend wordstart))
  (abbrev-put abbrev :count (1+ (or (abbrev-get abbrev :count) 0)))
  (let ((result abbrev) (expansion (symbol-value abbrev))) (goto-char wordstart)
    ;; Inserting before deleting keeps the markers after the abbrev there.
    (insert expansion) (delete-char (- wordend wordstart))
    (let ((end (point))) (abbrev--fix-case abbrev name wordstart end)
      (goto-char end)) (setq last-abbrev-text name last-abbrev abbrev last-abbrev-location wordstart)
    (let ((hook (symbol-function abbrev)))
      (when hook
        (let ((value (funcall hook)))
          (when (and (symbolp hook) (null value) (get hook 'no-self-insert))
            (setq result nil)))))
    result))

(defun abbrev--default-expand () "Expand the abbrev before point, as `expand-abbrev' does by default; return its symbol or nil."
  (let ((fns abbrev-expand-functions))
    (when (and (local-variable-p 'abbrev-expand-functions) (memq t fns))
      (setq fns (append (delq t (copy-sequence fns)) (default-value 'abbrev-expand-functions))))
    (abbrev--call-wrapped fns)))

(defun abbrev--call-wrapped (fns)
  "Call the wrapper functions FNS around the plain expansion."
  (if (null fns)
      (abbrev--expand-here)
    (funcall (car fns) (lambda () (abbrev--call-wrapped (cdr fns))))))

(defun abbrev--expand-here ()
  "Expand the abbrev before point, without the wrapper hooks."
  (let ((found (abbrev--before-point)))
    (when found
      (let* ((sym (nth 0 found)) (name (nth 1 found))
             (start (nth 2 found)) (end (nth 3 found))
             (typed-end (copy-marker (point) t))
             (word-end (copy-marker end t)))
        (prog1 (abbrev-insert sym name start end)
          ;; Point was past the abbrev (after a space, say): put it back there,
          ;; unless the hook moved it.
          (when (and (> typed-end word-end) (= (point) word-end))
            (goto-char typed-end))
          (set-marker typed-end nil)
          (set-marker word-end nil))))))

(defun expand-abbrev () "Expand the abbrev before point, if there is one; return its symbol or nil."
  (interactive) (run-hooks 'pre-abbrev-expand-hook)
  (funcall abbrev-expand-function))

(defun unexpand-abbrev () "Put back the abbrev that the last expansion replaced."
  (interactive) (save-excursion
    (when (and (stringp last-abbrev-text)
               (<= (point-min) last-abbrev-location (point-max))) (goto-char last-abbrev-location)
      (let ((expansion (symbol-value last-abbrev)))
        (unless (stringp expansion) (error "Value of abbrev-symbol must be a string")) (insert last-abbrev-text)
        (delete-region (point) (+ (point) (length expansion)))
        (setq last-abbrev-text nil)))))

(defun abbrev-prefix-mark (&optional arg) "Mark point as the start of the next abbrev, with a `-' that expansion removes.
Without ARG, first expand the abbrev before point." (interactive "P")
  (unless arg (expand-abbrev)) (setq abbrev-start-location (point-marker)
        abbrev-start-location-buffer (current-buffer)) (insert "-"))

(defun expand-region-abbrevs (start end &optional noquery) "Expand every abbrev between START and END (asking first for each unless NOQUERY)."
  (interactive "r\nP") (save-excursion
    (goto-char start) (let ((stop (copy-marker end)))
      (while (and (< (point) stop) (re-search-forward "\\w+" stop 'move))
        (let ((found (abbrev--before-point)))
          (when (and found (or noquery (y-or-n-p (format-message "Expand `%s'? " (nth 1 found))))) (expand-abbrev))))
      (set-marker stop nil))))

;;; Adding abbrevs interactively.

(defun add-abbrev (table type arg) "Define an abbrev in TABLE (TYPE names it in prompts) for the ARG words before point."
  (let* ((expansion (and (>= (prefix-numeric-value arg) 0) (buffer-substring-no-properties
                          (point)
                          (if (= (prefix-numeric-value arg) 0) (mark)
                            (save-excursion (forward-word (- (prefix-numeric-value arg))) (point))))))
         (name (read-string (format (if expansion "%s abbrev that expands into \"%s\": " "Undefine %s abbrev: ")
                                    type expansion)))) (set-text-properties 0 (length name) nil name)
    (when (or (null expansion) (not (abbrev-expansion name table))
              (y-or-n-p (format "%s expands into \"%s\"; redefine? " name (abbrev-expansion name table))))
      (define-abbrev table (downcase name) expansion))))

(defun add-mode-abbrev (arg) "Define a mode abbrev for the ARG words before point."
  (interactive "p") (add-abbrev (if only-global-abbrevs global-abbrev-table
                (or local-abbrev-table (error "No per-mode abbrev table"))) "Mode" arg))

(defun add-global-abbrev (arg) "Define a global abbrev for the ARG words before point."
  (interactive "p") (add-abbrev global-abbrev-table "Global" arg))

(defun inverse-add-abbrev (table type arg) "Make the word ARG words before point an abbrev in TABLE, asking for its expansion."
  (let (name expansion start end) (save-excursion
      (forward-word (1+ (- arg))) (setq end (point))
      (backward-word 1) (setq start (point) name (buffer-substring-no-properties start end))
      (setq expansion (read-string (format "%s expansion for \"%s\": " type name))) (when (or (not (abbrev-expansion name table))
                (y-or-n-p (format "%s expands into \"%s\"; redefine? " name (abbrev-expansion name table))))
        (define-abbrev table (downcase name) expansion)))
    (when (and expansion (not (string= expansion "")))
      (save-excursion (goto-char end) (expand-abbrev)))))

(defun inverse-add-mode-abbrev (n) "Make the word N words before point a mode abbrev."
  (interactive "p") (inverse-add-abbrev (if only-global-abbrevs global-abbrev-table
                        (or local-abbrev-table (error "No per-mode abbrev table")))
                      "Mode" n))

(defun inverse-add-global-abbrev (n) "Make the word N words before point a global abbrev."
  (interactive "p") (inverse-add-abbrev global-abbrev-table "Global" n))

;;; Describing, saving and reading tables.

(defun abbrev--sorted (name &optional system)
  "The abbrevs of the table NAME sorted by name (system ones too when SYSTEM)."
  (sort (abbrev--table-symbols name system)
        (lambda (a b) (string-lessp (symbol-name a) (symbol-name b)))))

(defun abbrev--write (sym) "Insert SYM as an entry of a `define-abbrev-table' form."
  (insert "    (") (prin1 (symbol-name sym) (current-buffer))
  (insert " ") (prin1 (symbol-value sym) (current-buffer))
  (insert " ") (prin1 (symbol-function sym) (current-buffer))
  (insert " :count ") (prin1 (abbrev-get sym :count) (current-buffer))
  (when (abbrev-get sym :case-fixed) (insert " :case-fixed ")
    (prin1 (abbrev-get sym :case-fixed) (current-buffer))) (when (abbrev-get sym :enable-function)
    (insert " :enable-function ") (prin1 (abbrev-get sym :enable-function) (current-buffer))) (insert ")\n"))

(defun abbrev--describe (sym) "Insert a line describing SYM for people: name, uses, expansion, hook."
  (prin1 (symbol-name sym) (current-buffer))
  (if (abbrev-get sym :system)
      (progn (insert " (sys)") (indent-to 20 1))
    (indent-to 15 1))
  (prin1 (abbrev-get sym :count) (current-buffer)) (indent-to 20 1)
  (prin1 (symbol-value sym) (current-buffer)) (when (symbol-function sym)
    (indent-to 45 1) (prin1 (symbol-function sym) (current-buffer))) (insert "\n"))

(defun insert-abbrev-table-description (name &optional readable) "Insert before point a description of the abbrev table NAME (a symbol).
READABLE: a listing for people; else a `define-abbrev-table' form that
recreates its user abbrevs."
  (let ((syms (abbrev--sorted name readable))) (if readable
        (progn
          (insert "(" (symbol-name name) ")\n\n")
          (mapc #'abbrev--describe syms) (insert "\n\n"))
      (insert "(define-abbrev-table '" (symbol-name name) "\n  '(\n")
      (mapc #'abbrev--write syms) (insert "   ))\n\n")))
  nil)

(defun write-abbrev-file (&optional file verbose) "Save the user abbrevs of every table in FILE (default `abbrev-file-name').
VERBOSE: say so in the echo area."
  (interactive (list (read-file-name "Write abbrev file: " nil abbrev-file-name) t))
  (unless file (setq file abbrev-file-name))
  (let ((names (sort (copy-sequence abbrev-table-name-list)
                     (lambda (a b) (string-lessp (symbol-name a) (symbol-name b)))))) (with-temp-buffer
      (insert ";;-*-coding: utf-8;-*-\n") (dolist (name names)
        (when (abbrev--table-symbols name)
          (insert-abbrev-table-description name nil)))
      (write-region nil nil file nil (and (not verbose) 0)))
    (setq abbrevs-changed nil)))

(defun read-abbrev-file (&optional file quietly) "Load the abbrev definitions of FILE (default `abbrev-file-name'); QUIETLY: no message."
  (interactive (list (read-file-name "Read abbrev file: " nil abbrev-file-name))) (load (or file abbrev-file-name) nil quietly) (setq abbrevs-changed nil))

(defun quietly-read-abbrev-file (&optional file) "Read the abbrev FILE without a message." (read-abbrev-file file t))

(defun define-abbrevs (&optional arg) "Define abbrevs from the descriptions in the buffer (as `insert-abbrevs' writes them).
With ARG, first empty every table." (interactive "P")
  (when arg (kill-all-abbrevs)) (save-excursion
    (goto-char (point-min)) (while (and (not (eobp)) (re-search-forward "^(" nil t))
      (let* ((table (read (current-buffer))) (abbrevs nil)) (forward-line 1)
        (while (progn (forward-line 1) (not (eolp)))
          (let* ((name (read (current-buffer)))
                 (count (if (looking-at "[ \t]*(sys)") (progn (goto-char (match-end 0)) (read (current-buffer))) (read (current-buffer))))
                 (exp (read (current-buffer))) (hook (progn (skip-chars-backward " \t\n\f")
                              (skip-chars-forward " \t") (and (not (eolp)) (read (current-buffer))))))
            (push (list name exp hook count) abbrevs)))
        (define-abbrev-table table abbrevs)))))

(defun insert-abbrevs () "Insert the descriptions of all abbrev tables after point."
  (interactive) (push-mark
   (save-excursion (dolist (name abbrev-table-name-list)
       (insert-abbrev-table-description name t))
     (point))))

(provide 'abbrev)

;; End of abbrev.el.
