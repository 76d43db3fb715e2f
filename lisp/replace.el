;;; replace.el --- search and replace, counting, keeping and flushing lines, occur  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; `perform-replace' is the engine: it walks the matches of a string or
;; regexp from point (or between START and END, or backward) and puts
;; the replacement in each.  Asking about each match needs `read-char';
;; without a query every match is replaced.

(defgroup matching nil
  "Searching for and replacing text."
  :group 'editing)

(defcustom case-replace t
  "Non-nil means a replacement follows the case of the text it replaces."
  :type 'boolean)
(defcustom replace-lax-whitespace nil
  "Non-nil means a space in the string to replace matches any run of blanks."
  :type 'boolean)
(defcustom replace-regexp-lax-whitespace nil
  "Non-nil means a space in the regexp to replace matches any run of blanks."
  :type 'boolean)
(defcustom replace-char-fold nil
  "Non-nil means replacing folds characters (tsmacs ignores it)."
  :type 'boolean)
(defcustom query-replace-skip-read-only nil
  "Non-nil means matches in read-only text are passed over."
  :type 'boolean)
(defcustom query-replace-show-replacement t
  "Non-nil means the query shows the replacement text."
  :type 'boolean)
(defcustom query-replace-highlight t
  "Non-nil means the match being asked about is highlighted."
  :type 'boolean)
(defcustom query-replace-lazy-highlight t
  "Non-nil means the other matches are highlighted too."
  :type 'boolean)
(defcustom query-replace-from-to-separator " → "
  "What separates FROM and TO in the query-replace history."
  :type '(choice string (sexp :tag "Expression")))
(defcustom list-matching-lines-default-context-lines 0
  "Lines of context `occur' shows around each match by default."
  :type 'integer)
(defcustom occur-excluded-properties
  '(read-only invisible intangible field mouse-face help-echo local-map keymap
    yank-handler follow-link)
  "Text properties not copied into the *Occur* buffer."
  :type '(choice (const :tag "All" t) (repeat symbol)))

(defvar query-replace-history nil "Strings read by the query-replace commands.")
(defvar query-replace-defaults nil "Earlier (FROM . TO) pairs of query-replace.")
(defvar regexp-history nil "Regexps read by the commands that ask for one.")
(defvar replace-count 0
  "How many replacements the current `perform-replace' has made so far.")
(defvar replace-re-search-function nil
  "Function `perform-replace' searches with in regexp mode, or nil for the default.")
(defvar replace-search-function nil
  "Function `perform-replace' searches with in string mode, or nil for the default.")
(defvar occur-revert-arguments nil
  "The arguments (REGEXP NLINES BUFFERS) the *Occur* buffer was made from.")
(make-variable-buffer-local 'occur-revert-arguments)
(defvar occur-hook nil "Hook run after an *Occur* buffer is filled.")
(defvar occur-mode-find-occurrence-hook nil "Hook run after going to an occurrence.")

;;; Case and search helpers.

(defun replace--has-upper-p (string regexp-p)
  "Non-nil if STRING has an upper-case letter that is not part of an escape.
With REGEXP-P, characters after a backslash and inside [:class:] don't count."
  (let ((s (if regexp-p
               (replace-regexp-in-string "\\[:[a-z]+:]\\|\\\\." "" string t t)
             string))
        (case-fold-search nil))
    (string-match-p "[[:upper:]]" s)))

(defun replace--effective-case-fold (string regexp-p)
  "The `case-fold-search' to use for STRING: off if it has capitals and `search-upper-case'."
  (if (and case-fold-search
           (if (boundp 'search-upper-case) search-upper-case t))
      (not (replace--has-upper-p string regexp-p))
    case-fold-search))

(defun replace--region (start end)
  "(FROM . TO) for START and END given to a line command, or from point to the end."
  (if (or start end)
      (cons (min start end) (max start end))
    (cons (point) (point-max))))

(defun replace-search (search-string limit regexp-flag delimited-flag case-fold &optional backward)
  "Find the next match of SEARCH-STRING before LIMIT, as `perform-replace' does.
REGEXP-FLAG and DELIMITED-FLAG say how to match; CASE-FOLD is the
case folding; BACKWARD searches toward the start."
  (let ((case-fold-search case-fold)
        (pattern (if delimited-flag
                     (concat "\\b" (if regexp-flag search-string (regexp-quote search-string)) "\\b")
                   search-string)))
    (cond ((or regexp-flag delimited-flag)
           (if backward
               (funcall (or replace-re-search-function #'re-search-backward) pattern limit t)
             (funcall (or replace-re-search-function #'re-search-forward) pattern limit t)))
          (backward (funcall (or replace-search-function #'search-backward) pattern limit t))
          (t (funcall (or replace-search-function #'search-forward) pattern limit t)))))

(defun replace-match-data (integers reuse &optional new)
  "Like `match-data' with INTEGERS and REUSE, or NEW when given."
  (or (and new (progn (set-match-data new) (and (eq new reuse) (not (memq nil reuse)) new)))
      (match-data integers reuse t)))

(defun replace-match-maybe-edit (newtext fixedcase literal noedit match-data &optional backward)
  "Replace the match by NEWTEXT as `replace-match' does, with FIXEDCASE and LITERAL.
A \\? in NEWTEXT asks for the text to be edited first, unless NOEDIT.
MATCH-DATA is restored first.  Returns NOEDIT; with BACKWARD point ends
at the start of the replacement."
  (unless (or literal noedit)
    (while (and (string-match "\\(?:\\`\\|[^\\]\\)\\(?:\\\\\\\\\\)*\\(\\\\\\?\\)" newtext)
                (not noedit))
      (setq newtext (read-string "Edit replacement string: "
                                 (prog1 (cons (replace-match "" t t newtext 1) (match-beginning 1))
                                   (setq noedit nil)))
            noedit t)))
  (set-match-data match-data)
  (replace-match newtext fixedcase literal)
  (when backward (goto-char (nth 0 match-data)))
  noedit)

;;; Replacement texts.

(defun replace-quote (replacement)
  "REPLACEMENT (made a string by `prin1' without escapes if it is not one) with backslashes doubled."
  (let ((text (if (stringp replacement) replacement (prin1-to-string replacement t))))
    (replace-regexp-in-string "\\\\" "\\\\" text t t)))

(defun replace-eval-replacement (expression count)
  "Evaluate EXPRESSION with `replace-count' bound to COUNT; give it as a string.
A value that is not a string is printed with `prin1' without quoting."
  (let* ((replace-count count)
         (value (condition-case err
                    (eval expression t)
                  (error (error "Error evaluating replacement expression: %S" err)))))
    (if (stringp value) value (prin1-to-string value t))))

(defun replace-loop-through-replacements (data count)
  "The replacement for the COUNTth match, cycling through a list of them.
DATA is a vector [NEXT-SWITCH REPEAT CURRENT ALL]: the list CURRENT
moves on (back to ALL at its end) when COUNT reaches NEXT-SWITCH, each
entry serving REPEAT matches."
  (when (= (aref data 0) count)
    (aset data 0 (+ count (aref data 1)))
    (let ((rest (cdr (aref data 2))))
      (aset data 2 (if (consp rest) rest (aref data 3)))))
  (car (aref data 2)))

(defun replace-match-string-symbols (n)
  "Rewrite the backslash symbols of form N in place for a \\, replacement.
\\N becomes (match-string N), \\& the whole match, \\#N and \\#& their
numbers, \\# `replace-count' and \\? a prompt for a string."
  (cond ((consp n)
         (replace-match-string-symbols (car n))
         (let ((cell n))
           (while (consp cell)
             (let ((new (replace--symbol-form (car cell))))
               (if new (setcar cell new) (replace-match-string-symbols (car cell))))
             (setq cell (cdr cell)))))
        (t nil)))

(defun replace--symbol-form (sym)
  "The form a backslash symbol SYM stands for in a \\, replacement, or nil."
  (when (symbolp sym)
    ;; The reader drops the backslash: \1 reads as the symbol named "1".
    (let ((name (symbol-name sym)))
      (cond ((string-match "\\`[0-9]+\\'" name)
             (list 'match-string (string-to-number name)))
            ((equal name "&") '(match-string 0))
            ((string-match "\\`#\\([0-9]+\\)\\'" name)
             (list 'string-to-number (list 'match-string (string-to-number (match-string 1 name)))))
            ((equal name "#&") '(string-to-number (match-string 0)))
            ((equal name "#") 'replace-count)
            ((equal name "?") '(query-replace-read-to "" "" t))))))

(defun query-replace-compile-replacement (to regexp-flag)
  "Turn TO into what `perform-replace' takes, when REGEXP-FLAG is set.
The pieces \\,EXPR (a Lisp expression) and \\# (the count) make a
\(replace-eval-replacement . FORM) pair; otherwise TO is returned."
  (if (not (and regexp-flag (string-match-p "\\\\[,#]" to)))
      to
    (let ((pos 0) (pieces nil) (text "") (special nil))
      ;; A \, or \# counts only after an even number of backslashes.
      (while (string-match "\\(?:\\`\\|[^\\]\\)\\(?:\\\\\\\\\\)*\\\\\\([,#]\\)" to pos)
        (setq special t)
        (let ((kind (aref to (match-beginning 1)))
              (after (match-end 0)))
          (setq text (concat text (substring to pos (- (match-beginning 1) 1))))
          (if (eq kind ?#)
              (progn
                (when (> (length text) 0) (push text pieces))
                (setq text "")
                (push '(number-to-string replace-count) pieces)
                (setq pos after))
            (let* ((read (read-from-string to after))
                   (form (car read))
                   (end (cdr read)))
              (when (> (length text) 0) (push text pieces))
              (setq text "")
              (let ((sub (replace--symbol-form form)))
                (if sub
                    (setq form sub)
                  (replace-match-string-symbols form)))
              (push (list 'replace-quote form) pieces)
              ;; One space after a symbol only ends the symbol.
              (setq pos (if (and (symbolp (car read)) (< end (length to)) (eq (aref to end) ?\s))
                            (1+ end)
                          end))))))
      (if (not special)
          to
        (setq text (concat text (substring to pos)))
        (when (> (length text) 0) (push text pieces))
        (setq pieces (nreverse pieces))
        (cons 'replace-eval-replacement
              (if (cdr pieces) (cons 'concat pieces) (car pieces)))))))

;;; The engine.

(defun replace--next-match (search-string regexp-flag delimited-flag fold limit backward after)
  "Find the next match, passing over an empty one right at AFTER (the previous match's end).
Returns the match data, or nil; point is moved only on success."
  (let ((from (point)) (found nil) (done nil))
    (while (not done)
      (goto-char from)
      (if (not (replace-search search-string limit regexp-flag delimited-flag fold backward))
          (setq done t)
        (if (and after (= (match-beginning 0) (match-end 0)) (= (match-beginning 0) after))
            ;; Step one character on, if there is room before the limit.
            (let ((next (if backward (1- after) (1+ after))))
              (if (if backward (> next (or limit (point-min))) (< next (or limit (point-max))))
                  (setq from next after nil)
                (setq done t)))
          (setq found (match-data t) done t))))
    (if found
        (progn (set-match-data found t) found)
      (goto-char from)
      nil)))

(defun perform-replace (from-string replacements query-flag regexp-flag delimited-flag
                                    &optional repeat-count _map start end backward
                                    _region-noncontiguous-p)
  "Replace the matches of FROM-STRING by REPLACEMENTS; the engine of the replace commands.
REGEXP-FLAG means FROM-STRING is a regexp; DELIMITED-FLAG means only
whole words.  REPLACEMENTS is a string, a list of strings used in turn
\(each REPEAT-COUNT times), or (FUNCTION . DATA), FUNCTION being called
with DATA and the count so far.  The search runs from point to the end,
or between START and END, or toward the start with BACKWARD.
QUERY-FLAG asks about each match with `read-char'."
  (let* ((fold (replace--effective-case-fold from-string regexp-flag))
         (nocasify (not (and case-replace fold)))
         (literal (or (not regexp-flag) (eq regexp-flag 'literal)))
         (next-fn nil) (next-data nil)
         (limit nil)
         (done 0) (skipped 0)
         (last-end nil)
         (stop nil)
         (all (not query-flag))
         (noedit nil))
    (when (and delimited-flag (eq delimited-flag 'backward)) (setq backward t))
    (cond ((stringp replacements) (setq next-fn nil next-data replacements))
          ((stringp (car replacements))
           (let ((n (or repeat-count 1)))
             (setq next-fn #'replace-loop-through-replacements
                   next-data (vector n n replacements replacements))))
          (t (setq next-fn (car replacements) next-data (cdr replacements))))
    (when (or start end)
      (let ((lo (min start end)) (hi (max start end)))
        (if backward
            (progn (goto-char hi) (setq limit (copy-marker lo)))
          (goto-char lo) (setq limit (copy-marker hi)))))
    (push-mark)
    (setq replace-count 0)
    (unwind-protect
        (while (and (not stop)
                    (if backward
                        (not (or (bobp) (and limit (<= (point) limit))))
                      (not (or (eobp) (and limit (>= (point) limit)))))
                    (replace--next-match from-string regexp-flag delimited-flag fold
                                         limit backward last-end))
          (let* ((md (match-data t))
                 (text (if next-fn (funcall next-fn next-data replace-count) next-data))
                 (act (if all 'replace (replace--ask))))
            (pcase act
              ('quit (setq stop t) (goto-char (if backward (nth 1 md) (nth 0 md))))
              ('skip (setq skipped (1+ skipped)
                           last-end (if backward (nth 0 md) (nth 1 md)))
                     (goto-char last-end))
              (_
               (if (and query-replace-skip-read-only
                        (text-property-not-all (nth 0 md) (nth 1 md) 'read-only nil))
                   (progn (setq skipped (1+ skipped)
                                last-end (if backward (nth 0 md) (nth 1 md)))
                          (goto-char last-end))
                 (setq noedit (replace-match-maybe-edit text nocasify literal noedit md backward))
                 (setq done (1+ done)
                       replace-count (1+ replace-count)
                       last-end (point))
                 (pcase act
                   ('replace-all (setq all t))
                   ('replace-and-exit (setq stop t))))))))
      (when limit (set-marker limit nil)))
    (message "Replaced %d occurrence%s%s" done (if (= done 1) "" "s")
             (if (> skipped 0) (format " (skipped %d)" skipped) ""))
    nil))

(defun replace--ask ()
  "Ask what to do with the current match: a symbol for `perform-replace'."
  (let ((answer nil))
    (while (not answer)
      (let ((key (read-char "Query replacing (y, n, !, ., q): ")))
        (setq answer (pcase key
                       ((or ?y ?\s) 'replace)
                       ((or ?n ?\d) 'skip)
                       (?! 'replace-all)
                       (?. 'replace-and-exit)
                       ((or ?q ?\r ?\e) 'quit)
                       (_ nil)))))
    answer))

;;; Commands.

(defun replace-string (from-string to-string &optional delimited start end backward region-noncontiguous-p)
  "Replace every FROM-STRING after point (or between START and END) with TO-STRING.
DELIMITED means whole words only; BACKWARD replaces toward the start.
From Lisp, a loop of `search-forward' and `replace-match' is often better."
  (interactive (list (read-string "Replace string: ") (read-string "Replace with: ")))
  (perform-replace from-string to-string nil nil delimited nil nil start end backward
                   region-noncontiguous-p))

(defun replace-regexp (regexp to-string &optional delimited start end backward region-noncontiguous-p)
  "Replace every match of REGEXP after point (or between START and END) with TO-STRING.
TO-STRING is interpreted as by `replace-match': \\& and \\N stand for
the match and its groups.  DELIMITED means whole words only; BACKWARD
replaces toward the start."
  (interactive (list (read-regexp "Replace regexp") (read-string "Replace with: ")))
  (perform-replace regexp to-string nil t delimited nil nil start end backward
                   region-noncontiguous-p))

(defun query-replace (from-string to-string &optional delimited start end backward region-noncontiguous-p)
  "Replace FROM-STRING by TO-STRING, asking about each match (see `perform-replace')."
  (interactive (list (read-string "Query replace: ") (read-string "Query replace with: ")))
  (perform-replace from-string to-string t nil delimited nil nil start end backward
                   region-noncontiguous-p))

(defun query-replace-regexp (regexp to-string &optional delimited start end backward region-noncontiguous-p)
  "Replace matches of REGEXP by TO-STRING, asking about each (see `perform-replace')."
  (interactive (list (read-regexp "Query replace regexp") (read-string "Query replace with: ")))
  (perform-replace regexp (query-replace-compile-replacement to-string t) t t delimited
                   nil nil start end backward region-noncontiguous-p))

(defun query-replace-regexp-eval (regexp to-expr &optional delimited start end region-noncontiguous-p)
  "Replace matches of REGEXP by the value of TO-EXPR, asking about each."
  (interactive (list (read-regexp "Query replace regexp") (read-minibuffer "Replace with: ")))
  (perform-replace regexp (cons #'replace-eval-replacement to-expr) t 'literal delimited
                   nil nil start end nil region-noncontiguous-p))

(defun map-query-replace-regexp (regexp to-strings &optional n start end region-noncontiguous-p)
  "Replace matches of REGEXP by the strings of TO-STRINGS in turn, N times each.
TO-STRINGS is a list, or a string of words separated by spaces."
  (interactive (list (read-regexp "Map query replace regexp")
                     (read-string "Replacements (separated by spaces): ")))
  (let ((words (if (listp to-strings) to-strings (split-string to-strings " " t))))
    (perform-replace regexp words t t nil n nil start end nil region-noncontiguous-p)))

;;; Counting, keeping and flushing lines.

(defun how-many (regexp &optional rstart rend interactive)
  "The number of matches of REGEXP after point, or between RSTART and REND.
An empty match counts and the search moves on by one character.  With
INTERACTIVE the count is also shown in the echo area."
  (interactive (list (read-regexp "How many matches for regexp") nil nil t))
  (let* ((bounds (replace--region rstart rend))
         (case-fold-search (replace--effective-case-fold regexp t))
         (n 0))
    (save-excursion
      (goto-char (car bounds))
      (while (and (< (point) (cdr bounds))
                  (re-search-forward regexp (cdr bounds) t))
        (setq n (1+ n))
        (when (and (= (match-beginning 0) (match-end 0)) (not (eobp)))
          (forward-char 1))))
    (when interactive
      (message "%d occurrence%s" n (if (= n 1) "" "s")))
    n))

(defalias 'count-matches #'how-many)

(defun keep-lines-read-args (prompt)
  "Read a regexp with PROMPT for the line commands: (REGEXP nil nil t)."
  (list (read-regexp prompt) nil nil t))

(defun keep-lines (regexp &optional rstart rend interactive)
  "Delete the lines after point (or between RSTART and REND) that do not match REGEXP.
A match that spans lines keeps all of them.  Only lines starting in the
region count; point's line is kept if point is not at its start."
  (interactive (keep-lines-read-args "Keep lines containing match for regexp"))
  (ignore interactive)
  (let* ((bounds (replace--region rstart rend))
         (case-fold-search (replace--effective-case-fold regexp t))
         (stop (copy-marker (cdr bounds))))
    (goto-char (car bounds))
    (save-excursion
      (unless (bolp) (forward-line 1))
      (while (< (point) stop)
        (let ((from (point)))
          (if (not (re-search-forward regexp stop 'move))
              (delete-region from stop)
            ;; Drop the lines before the match's, keep through its last line.
            (let ((keep-from (save-excursion (goto-char (match-beginning 0)) (line-beginning-position))))
              (goto-char (match-end 0))
              (when (< from keep-from) (delete-region from keep-from)))
            (forward-line 1)))))
    (set-marker stop nil)
    nil))

(defun flush-lines (regexp &optional rstart rend interactive)
  "Delete the lines after point (or between RSTART and REND) that match REGEXP.
Point's own line goes if a match starts after point.  Returns how many
matches deleted lines; with INTERACTIVE this is also shown."
  (interactive (keep-lines-read-args "Flush lines containing match for regexp"))
  (let* ((bounds (replace--region rstart rend))
         (case-fold-search (replace--effective-case-fold regexp t))
         (stop (copy-marker (cdr bounds)))
         (n 0))
    (goto-char (car bounds))
    (save-excursion
      (while (and (< (point) stop) (re-search-forward regexp stop t))
        (delete-region (save-excursion (goto-char (match-beginning 0)) (line-beginning-position))
                       (progn (forward-line 1) (point)))
        (setq n (1+ n))))
    (set-marker stop nil)
    (when interactive
      (message "Deleted %d matching line%s" n (if (= n 1) "" "s")))
    n))

(defalias 'delete-non-matching-lines #'keep-lines)
(defalias 'delete-matching-lines #'flush-lines)

(defun replace--matching-lines-text (regexp rstart rend)
  "The lines after point (or in RSTART..REND) with a match of REGEXP, joined, and their count."
  (let* ((bounds (replace--region rstart rend))
         (case-fold-search (replace--effective-case-fold regexp t))
         (parts nil) (n 0))
    (save-excursion
      (goto-char (car bounds))
      (while (and (< (point) (cdr bounds)) (re-search-forward regexp (cdr bounds) t))
        (let ((from (save-excursion (goto-char (match-beginning 0)) (line-beginning-position))))
          (forward-line 1)
          (push (buffer-substring from (point)) parts)
          (setq n (1+ n)))))
    (cons (apply #'concat (nreverse parts)) n)))

(defun copy-matching-lines (regexp &optional rstart rend interactive)
  "Put the lines after point (or in RSTART..REND) that match REGEXP on the kill ring.
Returns how many there were."
  (interactive (keep-lines-read-args "Copy lines containing match for regexp"))
  (let ((found (replace--matching-lines-text regexp rstart rend)))
    (kill-new (car found))
    (when interactive
      (message "Copied %d matching line%s" (cdr found) (if (= (cdr found) 1) "" "s")))
    (cdr found)))

(defun kill-matching-lines (regexp &optional rstart rend interactive)
  "Kill the lines after point (or in RSTART..REND) that match REGEXP: copy, then flush them.
Returns how many there were."
  (interactive (keep-lines-read-args "Kill lines containing match for regexp"))
  (barf-if-buffer-read-only)
  (let ((found (replace--matching-lines-text regexp rstart rend)))
    (kill-new (car found))
    (flush-lines regexp rstart rend)
    (when interactive
      (message "Killed %d matching line%s" (cdr found) (if (= (cdr found) 1) "" "s")))
    (cdr found)))

;;; Reading arguments.

(defun query-replace-descr (string)
  "STRING with its control characters shown as ^X by `display' properties."
  (let ((copy (copy-sequence string)))
    (dotimes (i (length copy))
      (let ((c (aref copy i)))
        (when (or (< c 32) (= c 127))
          (put-text-property i (1+ i) 'display
                             (propertize (format "^%c" (if (= c 127) ?? (+ c 64)))
                                         'face 'escape-glyph)
                             copy))))
    copy))

(defun query-replace--split-string (string)
  "Split STRING at a character with the `separator' property into (FROM . TO), or give STRING."
  (let ((at (text-property-any 0 (length string) 'separator t string)))
    (if at
        (cons (substring string 0 at) (substring-no-properties string (1+ at)))
      string)))

(defun read-regexp-suggestions ()
  "Default regexps offered by `read-regexp': the symbol at point and the last searches."
  (delq nil (list (and (fboundp 'find-tag-default-as-regexp) (find-tag-default-as-regexp))
                  (car regexp-history))))

(defun read-regexp (prompt &optional defaults history)
  "Read a regexp with PROMPT, giving DEFAULTS (a string, list or function) if the answer is empty.
HISTORY is the history list (`regexp-history' by default)."
  (let* ((defs (cond ((functionp defaults) (funcall defaults))
                     ((and defaults (symbolp defaults)) (and (boundp defaults) (symbol-value defaults)))
                     (t defaults)))
         (default (if (consp defs) (car defs) defs))
         (full (if (string-match-p ":[ \t]*\\'" prompt)
                   prompt
                 (if default
                     (format "%s (default %s): " prompt (query-replace-descr default))
                   (format "%s: " prompt))))
         (answer (read-from-minibuffer full nil nil nil (or history 'regexp-history) default)))
    (if (equal answer "")
        (or default answer)
      answer)))

(defun query-replace-read-from (prompt regexp-flag)
  "Read the string (or with REGEXP-FLAG the regexp) to replace, prompting with PROMPT."
  (let ((from (read-from-minibuffer (format "%s: " prompt) nil nil nil 'query-replace-history)))
    (when (and regexp-flag (string-match-p "\\\\[nt]" from))
      (message "Note: `\\n' here doesn't match a newline; use C-q C-j instead"))
    from))

(defun query-replace-read-to (from prompt regexp-flag)
  "Read the replacement for FROM with PROMPT; with REGEXP-FLAG compile \\, and \\#."
  (query-replace-compile-replacement
   (read-from-minibuffer (format "%s %s with: " prompt (query-replace-descr from))
                         nil nil nil 'query-replace-history)
   regexp-flag))

(defun query-replace-read-args (prompt regexp-flag &optional _noerror)
  "Read (FROM TO DELIMITED BACKWARD) for a replace command, prompting with PROMPT."
  (let* ((from (query-replace-read-from prompt regexp-flag))
         (to (query-replace-read-to from prompt regexp-flag)))
    (list from to nil nil)))

(defun query-replace-read-from-suggestions ()
  "The defaults offered when reading what to replace."
  (read-regexp-suggestions))

;;; Occur.

(defvar occur-mode-map (make-sparse-keymap) "Keymap of `occur-mode'.")

(define-derived-mode occur-mode special-mode "Occur"
  "Major mode of the *Occur* buffer: each line leads to a match."
  (setq-local revert-buffer-function #'occur-revert-function))

(defun occur-revert-function (_ignore1 _ignore2)
  "Fill the *Occur* buffer again from `occur-revert-arguments'."
  (apply #'occur-1 (append occur-revert-arguments (list (buffer-name)))))

(defun occur-read-primary-args ()
  "Read (REGEXP NLINES) for `occur'."
  (list (read-regexp "List lines matching regexp") nil))

(defun occur (regexp &optional nlines region)
  "List the lines of this buffer that match REGEXP in the *Occur* buffer.
NLINES lines of context are shown around each (before only, if
negative).  REGION, a list of (START . END), limits the search."
  (interactive (occur-read-primary-args))
  (let ((source (current-buffer)))
    (if region
        (let ((from (caar region)) (to (cdar region)))
          (occur-1 regexp nlines (list source) nil from to))
      (occur-1 regexp nlines (list source)))))

(defalias 'list-matching-lines #'occur)

(defun multi-occur (bufs regexp &optional nlines)
  "Show the lines of the buffers BUFS that match REGEXP in the *Occur* buffer."
  (interactive (list (buffer-list) (read-regexp "List lines matching regexp")))
  (occur-1 regexp nlines bufs))

(defun multi-occur-in-matching-buffers (bufregexp regexp &optional allbufs)
  "Run `occur' for REGEXP in the buffers whose names match BUFREGEXP.
With ALLBUFS, buffers whose names start with a space count too."
  (interactive (list (read-regexp "List lines in buffers whose names match regexp")
                     (read-regexp "List lines matching regexp")))
  (occur-1 regexp nil
           (delq nil (mapcar (lambda (b)
                               ;; File names, or with ALLBUFS buffer names.
                               (let ((name (if allbufs (buffer-name b) (buffer-file-name b))))
                                 (and name
                                      (string-match-p bufregexp name)
                                      b)))
                             (buffer-list)))))

(defun occur-regexp-descr (regexp)
  "How `occur' names REGEXP in its header."
  (concat " for \"" regexp "\""))

(defun occur--plural (n word)
  "N WORD, with WORD made plural unless N is 1."
  (format "%d %s%s" n word (if (= n 1) "" (if (equal word "match") "es" "s"))))

(defun occur--collect (regexp nlines buffer from to)
  "Scan BUFFER (FROM..TO) for REGEXP: (MATCHES LINES TEXT) for the *Occur* buffer."
  (with-current-buffer buffer
    (save-excursion
      (save-restriction
        (widen)
        (let* ((case-fold-search (replace--effective-case-fold regexp t))
               (before (if nlines (abs nlines) 0))
               (after (if (and nlines (> nlines 0)) nlines 0))
               (start (or from (point-min)))
               (end (or to (point-max)))
               (matches 0) (lines 0)
               (out nil)
               (shown-until nil))
          (goto-char start)
          (while (and (< (point) end) (re-search-forward regexp end t))
            (let* ((mb (match-beginning 0))
                   (me (match-end 0))
                   (lbeg (save-excursion (goto-char mb) (line-beginning-position)))
                   (lend (save-excursion (goto-char me) (line-end-position)))
                   (lineno (line-number-at-pos mb))
                   (targets nil)
                   (n-here 0))
              ;; All the matches on these lines.
              (save-excursion
                (goto-char lbeg)
                (while (and (< (point) lend) (re-search-forward regexp lend t))
                  (push (cons (copy-marker (match-beginning 0)) (copy-marker (match-end 0))) targets)
                  (setq n-here (1+ n-here))
                  (when (= (match-beginning 0) (match-end 0))
                    (if (eobp) (goto-char lend) (forward-char 1)))))
              (setq targets (nreverse targets)
                    matches (+ matches (max 1 n-here))
                    lines (1+ lines))
              ;; Context before.
              (let ((ctx-start (save-excursion (goto-char lbeg) (forward-line (- before)) (point))))
                (when (and shown-until (> ctx-start shown-until) (or (> before 0) (> after 0)))
                  (push "-------\n" out))
                (when (and shown-until (< ctx-start shown-until))
                  (setq ctx-start shown-until))
                (save-excursion
                  (goto-char ctx-start)
                  (while (< (point) lbeg)
                    (push (concat "       :" (buffer-substring-no-properties (point) (line-end-position)) "\n") out)
                    (forward-line 1))))
              ;; The matching lines, first with its number.
              (let ((first t))
                (save-excursion
                  (goto-char lbeg)
                  (while (progn
                           (let* ((bol (point)) (eol (line-end-position))
                                  (prefix (if first (format "%7d:" lineno) "       :"))
                                  (body (buffer-substring bol eol)))
                             (set-text-properties 0 (length body) nil body)
                             (dolist (tg targets)
                               (let ((s (max bol (car tg))) (e (min eol (cdr tg))))
                                 (when (< s e)
                                   (add-text-properties (- s bol) (- e bol) '(occur-match t face match) body))))
                             (push (concat (propertize prefix 'occur-prefix t 'occur-target targets)
                                           (propertize body 'occur-target targets)
                                           (propertize "\n" 'occur-target targets))
                                   out)
                             (setq first nil))
                           (forward-line 1)
                           (and (<= (point) lend) (not (eobp)) (< (line-beginning-position) lend))))))
              ;; Context after.
              (let ((ctx-end (save-excursion (goto-char lend) (forward-line after) (line-end-position))))
                (save-excursion
                  (goto-char lend)
                  (forward-line 1)
                  (let ((limit-next (save-excursion
                                      (if (and (< (point) end) (re-search-forward regexp end t))
                                          (progn (goto-char (match-beginning 0)) (line-beginning-position))
                                        (point-max)))))
                    (while (and (> after 0) (<= (point) ctx-end) (< (point) limit-next)
                                (not (and (eobp) (bolp))))
                      (push (concat "       :" (buffer-substring-no-properties (point) (line-end-position)) "\n") out)
                      (forward-line 1))
                    (setq shown-until (point)))))
              (goto-char lend)
              (unless (eobp) (forward-char 1))
              (unless shown-until (setq shown-until (point)))))
          (list matches lines (apply #'concat (nreverse out))))))))

(defun occur-1 (regexp nlines bufs &optional buf-name from to)
  "Fill the *Occur* buffer (or BUF-NAME) with the lines of BUFS matching REGEXP.
NLINES is the context; FROM and TO limit a single buffer's search."
  (when (equal regexp "") (error "Occur doesn't work with the empty regexp"))
  (let* ((name (or buf-name "*Occur*"))
         (nlines (if (numberp nlines) nlines
                   (and (numberp list-matching-lines-default-context-lines)
                        (/= list-matching-lines-default-context-lines 0)
                        list-matching-lines-default-context-lines)))
         (live (seq-filter #'buffer-live-p bufs))
         (results (mapcar (lambda (b) (cons b (occur--collect regexp nlines b from to))) live))
         (found (seq-filter (lambda (r) (> (nth 1 r) 0)) results))
         (total (apply #'+ (mapcar (lambda (r) (nth 1 r)) found)))
         (total-lines (apply #'+ (mapcar (lambda (r) (nth 2 r)) found)))
         (out (get-buffer-create name)))
    (with-current-buffer out
      (let ((inhibit-read-only t))
        (erase-buffer)
        (unless (derived-mode-p 'occur-mode) (occur-mode))
        (when (cdr live)
          (insert (propertize (format "%s%s total%s:\n"
                                      (occur--plural total "match")
                                      (if (/= total total-lines)
                                          (concat " in " (occur--plural total-lines "line"))
                                        "")
                                      (occur-regexp-descr regexp))
                              'face 'underline 'read-only t)))
        ;; GNU lists the buffers with matches last-first.
        (dolist (r (if (cdr live) (reverse found) found))
          (let ((m (nth 1 r)) (l (nth 2 r)))
            (insert (propertize (format "%s%s%s in buffer: %s\n"
                                        (occur--plural m "match")
                                        (if (/= m l) (concat " in " (occur--plural l "line")) "")
                                        (if (cdr live) "" (occur-regexp-descr regexp))
                                        (concat (buffer-name (car r))
                                                (if from (format " within region: %d-%d" from to) "")))
                                'face 'underline 'read-only t))
            (insert (nth 3 r))))
        (goto-char (point-min))
        (setq occur-revert-arguments (list regexp nlines bufs))
        (set-buffer-modified-p nil)))
    (message "Searched %d buffer%s; %s for %s"
             (length live) (if (= (length live) 1) "" "s")
             (if (= total 0) "no matches" (occur--plural total "match"))
             (concat "\"" regexp "\""))
    (if (= total 0)
        (progn (kill-buffer out) t)
      (when (fboundp 'display-buffer) (display-buffer out))
      (run-hooks 'occur-hook)
      nil)))

(defun occur-mode--find-occurrences ()
  "The (BEG-MARKER . END-MARKER) targets of the *Occur* line at point."
  (or (get-text-property (point) 'occur-target)
      (error "No occurrence on this line")))

(defun occur-mode-find-occurrence ()
  "The marker of the first match on the *Occur* line at point."
  (let ((target (car (occur-mode--find-occurrences))))
    (unless (buffer-live-p (marker-buffer (car target)))
      (error "Buffer for this occurrence was killed"))
    (car target)))

(defun occur-mode-goto-occurrence (&optional _event)
  "Go to the match that the *Occur* line at point shows."
  (interactive)
  (let ((pos (occur-mode-find-occurrence)))
    (pop-to-buffer (marker-buffer pos))
    (goto-char pos)
    (run-hooks 'occur-mode-find-occurrence-hook)))

(defalias 'occur-mode-mouse-goto #'occur-mode-goto-occurrence)

(defun occur-mode-goto-occurrence-other-window ()
  "Go to the match that the *Occur* line at point shows, in another window."
  (interactive)
  (occur-mode-goto-occurrence))

(defun occur-mode-display-occurrence ()
  "Show the match of the *Occur* line at point without going there."
  (interactive)
  (let ((pos (occur-mode-find-occurrence)))
    (with-current-buffer (marker-buffer pos) (goto-char pos))))

(defun occur-find-match (n search message)
  "Move N times to a line with `occur-prefix', with SEARCH; error MESSAGE when there is none."
  (dotimes (_ (or n 1))
    (let ((pos (funcall search (point) 'occur-prefix)))
      (when (and pos (get-text-property pos 'occur-prefix) (not (eq search #'next-single-property-change)))
        (setq pos (funcall search pos 'occur-prefix)))
      (when (and pos (not (get-text-property pos 'occur-prefix)))
        (setq pos (funcall search pos 'occur-prefix)))
      (if pos (goto-char pos) (user-error message)))))

(defun occur-next (&optional n)
  "Move to the Nth next match line of the *Occur* buffer."
  (interactive "p")
  (occur-find-match n #'next-single-property-change "No more matches"))

(defun occur-prev (&optional n)
  "Move to the Nth previous match line of the *Occur* buffer."
  (interactive "p")
  (occur-find-match n #'previous-single-property-change "No earlier matches"))

(defun occur-rename-buffer (&optional unique-p _interactive-p)
  "Rename the *Occur* buffer after the buffers it searched; UNIQUE-P makes the name unique."
  (interactive "P\np")
  (with-current-buffer (if (derived-mode-p 'occur-mode) (current-buffer) (get-buffer "*Occur*"))
    (rename-buffer (concat "*Occur: "
                           (mapconcat (lambda (b) (if (buffer-live-p b) (buffer-name b) "<killed>"))
                                      (nth 2 occur-revert-arguments) "/")
                           "*")
                   unique-p)))

(provide 'replace)

;;; replace.el ends here
