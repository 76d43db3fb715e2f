;;; replace.el --- search and replace, counting, keeping and flushing lines, occur  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; `perform-replace' is the engine: it walks the matches of a string or
;; regexp from point (or between START and END, or backward) and puts
;; the replacement in each.  Asking about each match needs `read-char';
;; without a query every match is replaced.

;;;###autoload
(defvar query-replace-show-replacement t "Non-nil means the query shows the replacement text.")
;;;###autoload
(defvar query-replace-highlight t "Non-nil means the match being asked about is highlighted.")
;;;###autoload
(defvar query-replace-from-to-separator " → " "What separates SPOT and TO in the query-replace history.")
;;;###autoload
(defvar occur-excluded-properties t "Text properties not copied into the *Occur* buffer (tsmacs copies none).")

(defvar query-replace-history nil "Strings read by the query-replace commands.")
;;;###autoload
(defvar query-replace-defaults nil "Earlier (SPOT . TO) pairs of query-replace.")
(defvar regexp-history nil "Regexps read by the commands that ask for one.")
;;;###autoload
(defvar replace-re-search-function nil "Function `perform-replace' searches with in regexp mode, or nil for the default.")
;;;###autoload
(defvar replace-search-function nil "Function `perform-replace' searches with in string mode, or nil for the default.")
;;;###autoload
(defvar occur-revert-arguments nil "The arguments (PATTERN-RE CONTEXT BUFFERS) the *Occur* buffer was made from.")
(make-variable-buffer-local 'occur-revert-arguments)
;;;###autoload
(defvar occur-hook nil "Hook run after an *Occur* buffer is filled.")
;;;###autoload
(defvar occur-mode-find-occurrence-hook nil "Hook run after going to an occurrence.")

;;; Case and search helpers.

(defun replace--has-upper-p (txt regexp-p) "Non-nil if TXT has an upper-case letter that is not part of an escape.
With REGEXP-P, characters after a backslash and inside [:class:] don't count."
  (let ((s (if regexp-p
               (replace-regexp-in-string "\\[:[a-z]+:]\\|\\\\." "" txt t t)
             txt)) (case-fold-search nil))
    (string-match-p "[[:upper:]]" s)))

(defun replace--effective-case-fold (txt regexp-p) "The `case-fold-search' to use for TXT: off if it has capitals and `search-upper-case'."
  (if (and case-fold-search
           (if (boundp 'search-upper-case) search-upper-case t))
      (not (replace--has-upper-p txt regexp-p)) case-fold-search))

(defun replace--region (beg fin) "(SPOT . TO) for BEG and FIN given to a line command, or from point to the end."
  (if (or beg fin)
      (cons (min beg fin) (max beg fin))
    (cons (point) (point-max))))

(defvar replace--spaces nil "While `perform-replace' searches a character-folding regexp with lax whitespace: what a space in it matches.")

(defun replace-search (needle bound re-p words-p fold-p &optional backwards) "Find the next match of NEEDLE before BOUND, as `perform-replace' does.
RE-P and WORDS-P say how to match; FOLD-P is the
case folding; BACKWARDS searches toward the start."
  (let ((case-fold-search fold-p)
        (search-spaces-regexp (or replace--spaces search-spaces-regexp))
        (pattern (if words-p
                     (concat "\\b" (if re-p needle (regexp-quote needle)) "\\b")
                   needle)))
    (cond ((or re-p words-p) (if backwards
				 (funcall (or replace-re-search-function #'re-search-backward) pattern bound t)
			       (funcall (or replace-re-search-function #'re-search-forward) pattern bound t)))
          (backwards (funcall (or replace-search-function #'search-backward) pattern bound t))
          (t (funcall (or replace-search-function #'search-forward) pattern bound t)))))

(defun replace-match-data (integers reuse &optional new) "Like `match-data' with INTEGERS and REUSE, or NEW when given."
  (or (and new (progn (set-match-data new) (and (eq new reuse) (not (memq nil reuse)) new)))
      (match-data integers reuse t)))

(defun replace-match-maybe-edit (newtext fixedcase literal noedit match-data &optional backwards)
  "Replace the match by NEWTEXT as `replace-match' does, with FIXEDCASE and LITERAL.
A \\? in NEWTEXT asks for the text to be edited first, unless NOEDIT.
MATCH-DATA is restored first.  Returns NOEDIT; with BACKWARDS point ends
at the start of the replacement."
  (unless (or literal noedit)
    (while (and (string-match "\\(?:\\`\\|[^\\]\\)\\(?:\\\\\\\\\\)*\\(\\\\\\?\\)" newtext)
                (not noedit))
      (setq newtext (read-string "Edit replacement string: "
                                 (prog1 (cons (replace-match "" t t newtext 1) (match-beginning 1))
                                   (setq noedit nil)))
            noedit t))) (set-match-data match-data) (replace-match newtext fixedcase literal)
  (when backwards (goto-char (nth 0 match-data)))
  noedit)

;;; Replacement texts.

(defun replace-quote (repl-value) "REPL-VALUE (made a string by `prin1' without escapes if it is not one) with backslashes doubled."
  (let ((text (if (stringp repl-value) repl-value (prin1-to-string repl-value t))))
    (replace-regexp-in-string "\\\\" "\\\\" text t t)))

(defun replace-eval-replacement (form count) "Evaluate FORM with `replace-count' bound to COUNT; give it as a string.
A value that is not a string is printed with `prin1' without quoting."
  (let* ((replace-count count)
         (value (condition-case err (eval form t)
                  (error (error "Error evaluating replacement expression: %S" err)))))
    (if (stringp value) value (prin1-to-string value t))))

(defun replace-loop-through-replacements (info count) "The replacement for the COUNTth match, cycling through a list of them.
INFO is a vector [NEXT-SWITCH REPEAT CURRENT ALL]: the list CURRENT
moves on (back to ALL at its end) when COUNT reaches NEXT-SWITCH, each
entry serving REPEAT matches."
  (when (= (aref info 0) count)
    (aset info 0 (+ count (aref info 1)))
    (let ((rest (cdr (aref info 2))))
      (aset info 2 (if (consp rest) rest (aref info 3)))))
  (car (aref info 2)))

(defun replace-match-string-symbols (tally) "Rewrite the backslash symbols of form TALLY in place for a \\, replacement.
\\TALLY becomes (match-string TALLY), \\& the whole match, \\#TALLY and \\#& their
numbers, \\# `replace-count' and \\? a prompt for a string."
  (cond ((consp tally)
         (replace-match-string-symbols (car tally))
         (let ((cell tally))
           (while (consp cell)
             (let ((new (replace--symbol-form (car cell))))
               (if new (setcar cell new) (replace-match-string-symbols (car cell))))
             (setq cell (cdr cell)))))
        (t nil)))

(defun replace--symbol-form (sym) "The form a backslash symbol SYM stands for in a \\, replacement, or nil."
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

(defun query-replace-compile-replacement (to re-p) "Turn TO into what `perform-replace' takes, when RE-P is set.
The pieces \\,EXPR (a Lisp expression) and \\# (the count) make a
\(replace-eval-replacement . FORM) pair; otherwise TO is returned."
  (if (not (and re-p (string-match-p "\\\\[,#]" to)))
      to
    (let ((target 0) (pieces nil) (text "") (special nil))
      ;; A \, or \# counts only after an even number of backslashes.
      (while (string-match "\\(?:\\`\\|[^\\]\\)\\(?:\\\\\\\\\\)*\\\\\\([,#]\\)" to target)
        (setq special t)
        (let ((kind (aref to (match-beginning 1)))
              (after (match-end 0)))
          (setq text (concat text (substring to target (- (match-beginning 1) 1))))
          (if (eq kind ?#)
              (progn
                (when (> (length text) 0) (push text pieces))
                (setq text "")
                (push '(number-to-string replace-count) pieces)
                (setq target after))
            (let* ((read (read-from-string to after))
                   (form (car read))
                   (fin (cdr read)))
              (when (> (length text) 0) (push text pieces))
              (setq text "")
              (let ((sub (replace--symbol-form form)))
                (if sub
                    (setq form sub)
                  (replace-match-string-symbols form)))
              (push (list 'replace-quote form) pieces)
              ;; One space after a symbol only ends the symbol.
              (setq target (if (and (symbolp (car read)) (< fin (length to)) (eq (aref to fin) ?\s))
                               (1+ fin)
                             fin))))))
      (if (not special)
          to
        (setq text (concat text (substring to target)))
        (when (> (length text) 0) (push text pieces))
        (setq pieces (nreverse pieces))
        (cons 'replace-eval-replacement
              (if (cdr pieces) (cons 'concat pieces) (car pieces)))))))

;;; The engine.

(defun replace--next-match (needle re-p words-p fold bound backwards after)
  "Find the next match, passing over an empty one right at AFTER (the previous match's end).
Returns the match data, or nil; point is moved only on success."
  (let ((spot (point)) (found nil) (finished nil))
    (while (not finished)
      (goto-char spot)
      (if (not (replace-search needle bound re-p words-p fold backwards))
          (setq finished t)
        (if (and after (= (match-beginning 0) (match-end 0)) (= (match-beginning 0) after))
            ;; Step one character on, if there is room before the limit.
            (let ((next (if backwards (1- after) (1+ after))))
              (if (if backwards (> next (or bound (point-min))) (< next (or bound (point-max))))
                  (setq spot next after nil)
                (setq finished t)))
          (setq found (match-data t) finished t))))
    (if found
        (progn (set-match-data found t) found)
      (goto-char spot)
      nil)))

;;;###autoload
(defvar query-replace-map
  (let ((km (make-sparse-keymap)))
    (dolist (pair '((" " . act) ("y" . act) ("Y" . act) ("\d" . skip) ([delete] . skip)
                    ([backspace] . skip) ("n" . skip) ("N" . skip)
                    ("e" . edit-replacement) ("E" . edit-replacement)
                    ("," . act-and-show) ("q" . exit) ("\r" . exit) ([return] . exit)
                    ("." . act-and-exit) ("\C-r" . edit) ("\C-w" . delete-and-edit)
                    ("\C-l" . recenter) ("!" . automatic) ("^" . backup)
                    ("u" . undo) ("U" . undo-all) ("\C-h" . help) ([f1] . help)
                    ([help] . help) ("?" . help) ("\C-g" . quit) ("\C-]" . quit)
                    ("\C-v" . scroll-up) ([?\M-v] . scroll-down) ([next] . scroll-up)
                    ([prior] . scroll-down) ([?\C-\M-v] . scroll-other-window)
                    ([M-next] . scroll-other-window) ([?\C-\M-\S-v] . scroll-other-window-down)
                    ([M-prior] . scroll-other-window-down) ([escape] . exit-prefix)))
      (define-key km (car pair) (cdr pair)))
    km)
  "Keymap of the answers to a query-replace question (and to `y-or-n-p').
Its bindings are symbols, not commands: `act', `skip', `act-and-exit',
`exit', `exit-prefix', `act-and-show', `automatic', `automatic-all',
`backup', `undo', `undo-all', `edit', `edit-replacement',
`delete-and-edit', `recenter', `scroll-up', `scroll-down',
`scroll-other-window', `scroll-other-window-down', `help' and `quit'.")

;;;###autoload
(defvar multi-query-replace-map
  (let ((km (make-sparse-keymap)))
    (set-keymap-parent km query-replace-map)
    (define-key km "Y" 'automatic-all)
    (define-key km "N" 'exit-current)
    km)
  "Keymap of the answers when a replacement runs over several buffers.
It adds `automatic-all' (on Y) and `exit-current' (on N) to `query-replace-map'.")

(defconst replace--help-text
  "Each match is a question; answer with
SPC or y to replace this match and go on to the next,
DEL or n to leave it and go on to the next,
RET or q to stop here,
. to replace this one and stop,
, to replace this one and ask again before going on,
! to replace this and all the remaining ones without asking,
^ to come back to an earlier match,
u to undo the last replacement, U to undo them all,
E or e to change the replacement text (it is kept for the next matches),
C-r to edit the buffer for a while (C-M-c to come back),
C-w to delete this match and edit the buffer (C-M-c to come back),
C-l to put this match in the middle of the window.
In a replacement across buffers, Y replaces in all of them and N
goes on to the next buffer.  Any other key stops and is then read as
a command."
  "What the help key of a query shows.")

(defun replace--answer (km) "Read one event and return (EVENT . ACTION), ACTION being its binding in KM or nil."
  (let* ((ev (read-event))
         (def (and (or (integerp ev) (and ev (symbolp ev)) (consp ev))
                   (condition-case nil (lookup-key km (vector ev)) (error nil)))))
    (cons ev (and (symbolp def) def))))

(defun replace--search-regexp (needle re-p &optional delimited) "NEEDLE as the regexp to search, or nil to search it as it is.
A plain NEEDLE matches folded characters under `replace-char-fold' (not
when DELIMITED); either kind has lax whitespace if the variable for it says so."
  (let* ((lax (if re-p replace-regexp-lax-whitespace replace-lax-whitespace))
         (blank (if (boundp 'search-whitespace-regexp) search-whitespace-regexp "[ \t]+"))
         (spaced (and lax blank (string-match-p " " needle))))
    (cond ((and replace-char-fold (not re-p) (not delimited))
           (require 'char-fold)
           ;; Its spaces stay literal in the regexp; the search makes them lax.
           (setq replace--spaces (and spaced blank))
           (char-fold-to-regexp needle))
          (spaced
           (mapconcat (lambda (piece) (if re-p piece (regexp-quote piece)))
                      (split-string needle " +") blank)))))

(defun replace--say-done (tally read-only) "Tell how many matches were replaced (TALLY) and how many were READ-ONLY."
  (message "Replaced %d occurrence%s%s" tally (if (= tally 1) "" "s")
           (if (> read-only 0) (format " (skipped %d read-only)" read-only) "")))

(defun perform-replace (old-text repl ask re-p words-p
                                 &optional repeat-count km beg fin backwards
                                 _region-noncontiguous-p)
  "Replace the matches of OLD-TEXT by REPL; the engine of the replace commands.
RE-P means OLD-TEXT is a regexp; WORDS-P means only whole words.  REPL is
a string, a list of strings used in turn (each REPEAT-COUNT times), or
\(FUNCTION . INFO), FUNCTION being called with INFO and the count so far.
The search runs from point to the end, or between BEG and FIN, or
toward the start with BACKWARDS.

With ASK each match is a question read with `read-event' and answered
by the bindings of KM (`query-replace-map' by default; see its
documentation).  The answers given are kept in a list, the newest first,
of (POSITION REPLACED-P MATCH-DATA MATCHED-TEXT REPLACEMENT); that list
is the value when the matches ran out, nil when the question was ended
by an answer, t when `exit-current' ended it."
  (let* ((km (or km query-replace-map))
         (replace--spaces nil)
         (lax (replace--search-regexp old-text re-p (and words-p (not (eq words-p 'backward)))))
         (needle (or lax old-text))
         (search-re (if lax t re-p))
         (fold (replace--effective-case-fold old-text re-p))
         (nocasify (not (and case-replace fold)))
         (literal (or (not re-p) (eq re-p 'literal)))
         (next-fn nil) (next-data nil) (edited nil) (forced nil)
         (bound nil) (last-end nil)
         (read-only-skips 0)
         (replace-count 0)
         ;; Each answered match: [POS REPLACED MD FROM TO BEG-MARKER END-MARKER].
         (history nil) (backed 0)
         (automatic (not ask))
         (stopped nil) (silent nil) (next-buffer nil)
         (noedit nil)
         (resume nil))
    (when (eq words-p 'backward) (setq backwards t))
    (cond ((stringp repl) (setq next-data repl))
          ((stringp (car repl))
           (let ((tally (or repeat-count 1)))
             (setq next-fn #'replace-loop-through-replacements
                   next-data (vector tally tally repl repl))))
          (t (setq next-fn (car repl) next-data (cdr repl))))
    (when (or beg fin)
      (let ((lo (min beg fin)) (hi (max beg fin)))
        (if backwards
            (progn (goto-char hi) (setq bound (copy-marker lo)))
          (goto-char lo) (setq bound (copy-marker hi)))))
    (push-mark)
    (unwind-protect
        (while (and (not stopped)
                    (or resume
                        (and (if backwards
                                 (not (or (bobp) (and bound (<= (point) bound))))
                               (not (or (eobp) (and bound (>= (point) bound)))))
                             (replace--next-match needle search-re words-p fold
                                                  bound backwards last-end))))
          ;; RESUME is an entry of HISTORY to ask about again (after ^, u or U).
          (let* ((entry resume)
                 (done-already (and entry (aref entry 1)))
                 (md (if entry (aref entry 2) (match-data t)))
                 (finished nil))
            (setq resume nil)
            (if entry (set-match-data md t) (setq forced nil))
            (cond
             ((and (not done-already) query-replace-skip-read-only
                   (text-property-not-all (nth 0 md) (nth 1 md) 'read-only nil))
              (setq read-only-skips (1+ read-only-skips)
                    last-end (if backwards (nth 0 md) (nth 1 md)))
              (goto-char last-end))
             (t
              (while (not finished)
                (let* ((text (or edited forced (if next-fn (funcall next-fn next-data replace-count) next-data)))
                       (from-text (buffer-substring-no-properties (nth 0 md) (nth 1 md)))
                       (shown (if done-already
                                  text
                                (save-match-data
                                  (set-match-data md t)
                                  (condition-case nil
                                      (match-substitute-replacement text nocasify literal)
                                    (error text)))))
                       (now nil)
                       (action
                        (if automatic
                            (cons nil 'automatic-step)
                          (message "%s"
                                   (format "Query replacing %s%s%s%s with %s: (? for help) "
                                           (if backwards "backward " "")
                                           (if words-p "word " "")
                                           (if re-p "regexp " "")
                                           (query-replace-descr old-text)
                                           (query-replace-descr shown)))
                          (replace--answer km)))
                       (def (cdr action))
                       (put-in
                        ;; Replace this match (once), counting it when COUNTED.
                        (lambda (counted)
                          (unless done-already
                            ;; Positions, not markers: undoing goes newest first, so
                            ;; each one is right again when its turn comes.
                            (let ((size (buffer-size))
                                  (b (nth 0 md)))
                              (setq noedit (replace-match-maybe-edit text nocasify literal noedit md backwards))
                              (let ((e (+ (nth 1 md) (- (buffer-size) size))))
                                (setq done-already (vector (if backwards b e) t md from-text
                                                           (buffer-substring-no-properties b e) b e)
                                      now t)
                                (goto-char (if backwards b e))
                                (when counted (setq replace-count (1+ replace-count))))))))
                       (keep
                        ;; Add this match to HISTORY, as it is now.
                        (lambda ()
                          ;; An answer given after ^ takes the place of the later ones.
                          (setq history (nthcdr backed history))
                          (push (cond (now done-already)
                                      ((vectorp done-already)
                                       (vector (point) t md from-text text
                                               (aref done-already 5) (aref done-already 6)))
                                      (t (vector (if backwards (nth 0 md) (nth 1 md)) nil md from-text shown nil nil)))
                                history)
                          (setq backed 0)))
                       (ask-again
                        (lambda (entry) (setq resume entry finished t) (goto-char (aref entry 0)))))
                  (pcase def
                    ('help
                     (with-output-to-temp-buffer "*Help*"
                       (princ (format "Query replacing %s%s with %s.\n\n"
                                      (if re-p "regexp " "") (query-replace-descr old-text)
                                      (query-replace-descr text)))
                       (princ replace--help-text)))
                    ('exit (setq stopped t finished t))
                    ('exit-current (setq stopped t finished t next-buffer t))
                    ('automatic-step
                     (funcall put-in t)
                     (setq last-end (point) finished t))
                    ((or 'act 'skip 'automatic 'automatic-all 'act-and-exit)
                     (unless (eq def 'skip) (funcall put-in t))
                     (if (eq def 'act-and-exit)
                         (setq stopped t)
                       (funcall keep))
                     (if done-already
                         (setq last-end (point))
                       (setq last-end (if backwards (nth 0 md) (nth 1 md)))
                       (goto-char last-end))
                     (when (memq def '(automatic automatic-all)) (setq automatic t))
                     (setq finished t))
                    ('act-and-show
                     (unless done-already
                       (funcall put-in t)
                       (funcall keep)))
                    ('edit-replacement
                     (setq edited (read-string "Edit replacement string: " text)
                           text edited noedit nil)
                     (funcall put-in nil)
                     (funcall keep)
                     (setq last-end (point) finished t))
                    ('backup
                     (if (>= backed (length history))
                         (progn (message "No previous match") (ding 'no-terminate) (sit-for 1))
                       (let ((entry (nth backed history)))
                         (setq backed (1+ backed))
                         (funcall ask-again
                                  (if (aref entry 1)
                                      ;; Show the replacement; answering it replaces nothing more.
                                      (vector (aref entry 0) entry
                                              (list (aref entry 5) (aref entry 6))
                                              nil nil nil nil)
                                    entry)))))
                    ((or 'undo 'undo-all)
                     (let ((older (nthcdr backed history))
                           (undone 0) (last nil))
                       (while (and older (or (eq def 'undo-all) (= undone 0)))
                         (let ((entry (pop older)))
                           (when (aref entry 1)
                             ;; Put back the text ENTRY replaced and ask about it again.
                             (let ((b (aref entry 5)) (e (aref entry 6)))
                               (goto-char b) (delete-region b e) (insert (aref entry 3))
                               ;; The match is asked about again with the text it had
                               ;; become; a plain string replacement keeps it from then on.
                               (setq forced (aref entry 4))
                               (unless next-fn (setq next-data forced))
                               (setq last (vector (if backwards b (point))
                                                  nil (aref entry 2) (aref entry 3) nil nil nil)
                                     replace-count (1- replace-count)
                                     undone (1+ undone)
                                     history older)))))
                       (if (= undone 0)
                           (progn (message "Nothing to undo") (ding 'no-terminate) (sit-for 1))
                         (setq backed 0)
                         (when (eq def 'undo-all)
                           (message "Undid %d %s" undone (if (= undone 1) "replacement" "replacements"))
                           (ding 'no-terminate) (sit-for 1))
                         (funcall ask-again last))))
                    ('recenter (recenter nil))
                    ('edit (save-excursion (save-match-data (recursive-edit))))
                    ('delete-and-edit
                     (delete-region (nth 0 md) (nth 1 md))
                     (save-excursion (recursive-edit))
                     (setq done-already t last-end (point) finished t))
                    (_
                     ;; Anything else ends the question and is read again as a command.
                     (setq unread-command-events (cons (car action) unread-command-events)
                           stopped t silent t finished t)))))))))
      (when bound (set-marker bound nil)))
    (unless silent (replace--say-done replace-count read-only-skips))
    (cond (next-buffer t)
          (stopped nil)
          (t (mapcar (lambda (entry)
                       (list (aref entry 0) (aref entry 1) (aref entry 2) (aref entry 3) (aref entry 4)))
                     history)))))

;;; Commands.

(defun replace-string (old-text new-text &optional whole-words beg fin backwards region-noncontiguous-p)
  "Replace every OLD-TEXT after point (or between BEG and FIN) with NEW-TEXT.
WHOLE-WORDS means whole words only; BACKWARDS replaces toward the start.
From Lisp, a loop of `search-forward' and `replace-match' is often better."
  (interactive (list (read-string "Replace string: ") (read-string "Replace with: ")))
  (perform-replace old-text new-text nil nil whole-words nil nil beg fin backwards
                   region-noncontiguous-p))

(defun replace-regexp (pattern-re new-text &optional whole-words beg fin backwards region-noncontiguous-p)
  "Replace every match of PATTERN-RE after point (or between BEG and FIN) with NEW-TEXT.
NEW-TEXT is interpreted as by `replace-match': \\& and \\TALLY stand for
the match and its groups.  WHOLE-WORDS means whole words only; BACKWARDS
replaces toward the start."
  (interactive (list (read-regexp "Replace regexp") (read-string "Replace with: ")))
  (perform-replace pattern-re new-text nil t whole-words nil nil beg fin backwards
                   region-noncontiguous-p))

(defun query-replace (old-text new-text &optional whole-words beg fin backwards region-noncontiguous-p)
  "Replace OLD-TEXT by NEW-TEXT, asking about each match (see `perform-replace')."
  (interactive (list (read-string "Query replace: ") (read-string "Query replace with: ")))
  (perform-replace old-text new-text t nil whole-words nil nil beg fin backwards
                   region-noncontiguous-p))

(defun query-replace-regexp (pattern-re new-text &optional whole-words beg fin backwards region-noncontiguous-p)
  "Replace matches of PATTERN-RE by NEW-TEXT, asking about each (see `perform-replace')."
  (interactive (list (read-regexp "Query replace regexp") (read-string "Query replace with: ")))
  (perform-replace pattern-re (query-replace-compile-replacement new-text t) t t whole-words
                   nil nil beg fin backwards region-noncontiguous-p))

(defun query-replace-regexp-eval (pattern-re to-expr &optional whole-words beg fin region-noncontiguous-p)
  "Replace matches of PATTERN-RE by the value of TO-EXPR, asking about each."
  (interactive (list (read-regexp "Query replace regexp") (read-minibuffer "Replace with: ")))
  (perform-replace pattern-re (cons #'replace-eval-replacement to-expr) t 'literal whole-words
                   nil nil beg fin nil region-noncontiguous-p))

(defun map-query-replace-regexp (pattern-re to-strings &optional tally beg fin region-noncontiguous-p)
  "Replace matches of PATTERN-RE by the strings of TO-STRINGS in turn, TALLY times each.
TO-STRINGS is a list, or a string of words separated by spaces."
  (interactive (list (read-regexp "Map query replace regexp")
                     (read-string "Replacements (separated by spaces): ")))
  (let ((words (if (listp to-strings) to-strings (split-string to-strings " " t))))
    (perform-replace pattern-re words t t nil tally nil beg fin nil region-noncontiguous-p)))

;;; Counting, keeping and flushing lines.

(defun how-many (pattern-re &optional lo hi verbose-p) "The number of matches of PATTERN-RE after point, or between LO and HI.
An empty match counts and the search moves on by one character.  With
VERBOSE-P the count is also shown in the echo area."
  (interactive (list (read-regexp "How many matches for regexp") nil nil t))
  (let* ((bounds (replace--region lo hi))
         (case-fold-search (replace--effective-case-fold pattern-re t))
         (tally 0)) (save-excursion (goto-char (car bounds))
	 (while (and (< (point) (cdr bounds))
                     (re-search-forward pattern-re (cdr bounds) t))
           (setq tally (1+ tally))
           (when (and (= (match-beginning 0) (match-end 0)) (not (eobp))) (forward-char 1))))
	 (when verbose-p
	   (message "%d occurrence%s" tally (if (= tally 1) "" "s")))
	 tally))

(defalias 'count-matches #'how-many)

(defun keep-lines-read-args (prompt) "Read a regexp with PROMPT for the line commands: (PATTERN-RE nil nil t)."
  (list (read-regexp prompt) nil nil t))

(defun keep-lines (pattern-re &optional lo hi verbose-p) "Delete the lines after point (or between LO and HI) that do not match PATTERN-RE.
A match that spans lines keeps all of them.  Only lines starting in the
region count; point's line is kept if point is not at its start."
  (interactive (keep-lines-read-args "Keep lines containing match for regexp"))
  (ignore verbose-p)
  (let* ((bounds (replace--region lo hi))
         (case-fold-search (replace--effective-case-fold pattern-re t))
         (stop (copy-marker (cdr bounds)))) (goto-char (car bounds)) (save-excursion
	 (unless (bolp) (forward-line 1))
	 (while (< (point) stop)
           (let ((spot (point)))
             (if (not (re-search-forward pattern-re stop 'move))
		 (delete-region spot stop)
               ;; Drop the lines before the match's, keep through its last line.
               (let ((keep-from (save-excursion (goto-char (match-beginning 0)) (line-beginning-position))))
		 (goto-char (match-end 0))
		 (when (< spot keep-from) (delete-region spot keep-from))) (forward-line 1)))))
	 (set-marker stop nil)
	 nil))

(defun flush-lines (pattern-re &optional lo hi verbose-p) "Delete the lines after point (or between LO and HI) that match PATTERN-RE.
Point's own line goes if a match starts after point.  Returns how many
matches deleted lines; with VERBOSE-P this is also shown."
  (interactive (keep-lines-read-args "Flush lines containing match for regexp"))
  (let* ((bounds (replace--region lo hi))
         (case-fold-search (replace--effective-case-fold pattern-re t))
         (stop (copy-marker (cdr bounds)))
         (tally 0)) (goto-char (car bounds)) (save-excursion
	 (while (and (< (point) stop) (re-search-forward pattern-re stop t))
           (delete-region (save-excursion (goto-char (match-beginning 0)) (line-beginning-position))
			  (progn (forward-line 1) (point)))
           (setq tally (1+ tally))))
	 (set-marker stop nil)
	 (when verbose-p
	   (message "Deleted %d matching line%s" tally (if (= tally 1) "" "s")))
	 tally))

(defalias 'delete-non-matching-lines #'keep-lines)
(defalias 'delete-matching-lines #'flush-lines)

(defun replace--matching-lines-text (pattern-re lo hi) "The lines after point (or in LO..HI) with a match of PATTERN-RE, joined, and their count."
  (let* ((bounds (replace--region lo hi))
         (case-fold-search (replace--effective-case-fold pattern-re t))
         (parts nil) (tally 0)) (save-excursion (goto-char (car bounds))
	 (while (and (< (point) (cdr bounds)) (re-search-forward pattern-re (cdr bounds) t))
           (let ((spot (save-excursion (goto-char (match-beginning 0)) (line-beginning-position))))
             (forward-line 1)
             (push (buffer-substring spot (point)) parts)
             (setq tally (1+ tally)))))
	 (cons (apply #'concat (nreverse parts)) tally)))

(defun copy-matching-lines (pattern-re &optional lo hi verbose-p) "Put the lines after point (or in LO..HI) that match PATTERN-RE on the kill ring.
Returns how many there were."
  (interactive (keep-lines-read-args "Copy lines containing match for regexp"))
  (let ((found (replace--matching-lines-text pattern-re lo hi)))
    (kill-new (car found))
    (when verbose-p
      (message "Copied %d matching line%s" (cdr found) (if (= (cdr found) 1) "" "s")))
    (cdr found)))

(defun kill-matching-lines (pattern-re &optional lo hi verbose-p) "Kill the lines after point (or in LO..HI) that match PATTERN-RE: copy, then flush them.
Returns how many there were."
  (interactive (keep-lines-read-args "Kill lines containing match for regexp"))
  (barf-if-buffer-read-only)
  (let ((found (replace--matching-lines-text pattern-re lo hi)))
    (kill-new (car found))
    (flush-lines pattern-re lo hi)
    (when verbose-p
      (message "Killed %d matching line%s" (cdr found) (if (= (cdr found) 1) "" "s")))
    (cdr found)))

;;; Reading arguments.

(defun query-replace-descr (txt) "TXT with its control characters shown as ^X by `display' properties."
  (let ((copy (copy-sequence txt))) (dotimes (i (length copy))
				      (let ((c (aref copy i)))
					(when (or (< c 32) (= c 127))
					  (put-text-property i (1+ i) 'display
							     (propertize (format "^%c" (if (= c 127) ?? (+ c 64)))
									 'face 'escape-glyph)
							     copy))))
       copy))

(defun query-replace--split-string (txt) "Split TXT at a character with the `separator' property into (SPOT . TO), or give TXT."
  (let ((at (text-property-any 0 (length txt) 'separator t txt)))
    (if at
        (cons (substring txt 0 at) (substring-no-properties txt (1+ at)))
      txt)))

(defun read-regexp-suggestions () "Default regexps offered by `read-regexp': the symbol at point and the last searches."
  (delq nil (list (and (fboundp 'find-tag-default-as-regexp) (find-tag-default-as-regexp))
                  (car regexp-history))))

(defun read-regexp (prompt &optional defaults history) "Read a regexp with PROMPT, giving DEFAULTS (a string, list or function) if the answer is empty.
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

(defun query-replace-read-from (prompt re-p) "Read the string (or with RE-P the regexp) to replace, prompting with PROMPT."
  (let ((spot (read-from-minibuffer (format "%s: " prompt) nil nil nil 'query-replace-history)))
    (when (and re-p (string-match-p "\\\\[nt]" spot))
      (message "Note: `\\n' here doesn't match a newline; use C-q C-j instead"))
    spot))

(defun query-replace-read-to (spot prompt re-p) "Read the replacement for SPOT with PROMPT; with RE-P compile \\, and \\#."
  (query-replace-compile-replacement
   (read-from-minibuffer (format "%s %s with: " prompt (query-replace-descr spot))
                         nil nil nil 'query-replace-history)
   re-p))

(defun query-replace-read-args (prompt re-p &optional _noerror) "Read (SPOT TO WHOLE-WORDS BACKWARDS) for a replace command, prompting with PROMPT."
  (let* ((spot (query-replace-read-from prompt re-p))
         (to (query-replace-read-to spot prompt re-p)))
    (list spot to nil nil)))

(defun query-replace-read-from-suggestions () "The defaults offered when reading what to replace."
  (read-regexp-suggestions))

;;; Occur.

;;;###autoload
(defvar occur-mode-map (make-sparse-keymap) "Keymap of `occur-mode'.")

(define-derived-mode occur-mode special-mode "Occur"
  "Major mode of the *Occur* buffer: each line leads to a match."
  (setq-local revert-buffer-function #'occur-revert-function))

(defun occur-revert-function (_ignore1 _ignore2) "Fill the *Occur* buffer again from `occur-revert-arguments'."
  (apply #'occur-1 (append occur-revert-arguments (list (buffer-name)))))

(defun occur-read-primary-args () "Read (PATTERN-RE CONTEXT) for `occur'."
  (list (read-regexp "List lines matching regexp") nil))

(defun occur (pattern-re &optional context region) "List the lines of this buffer that match PATTERN-RE in the *Occur* buffer.
CONTEXT lines of context are shown around each (before only, if
negative).  REGION, a list of (BEG . FIN), limits the search."
  (interactive (occur-read-primary-args))
  (let ((origin (current-buffer)))
    (if region
        (let ((spot (caar region)) (to (cdar region)))
          (occur-1 pattern-re context (list origin) nil spot to))
      (occur-1 pattern-re context (list origin)))))

(defalias 'list-matching-lines #'occur)

(defun multi-occur (buffers pattern-re &optional context) "Show the lines of the buffers BUFFERS that match PATTERN-RE in the *Occur* buffer."
  (interactive (list (buffer-list) (read-regexp "List lines matching regexp")))
  (occur-1 pattern-re context buffers))

(defun multi-occur-in-matching-buffers (bufregexp pattern-re &optional allbufs) "Run `occur' for PATTERN-RE in the buffers whose names match BUFREGEXP.
With ALLBUFS, buffers whose names start with a space count too."
  (interactive (list (read-regexp "List lines in buffers whose names match regexp")
                     (read-regexp "List lines matching regexp")))
  (occur-1 pattern-re nil (delq nil (mapcar (lambda (b)
					      ;; File names, or with ALLBUFS buffer names.
					      (let ((name (if allbufs (buffer-name b) (buffer-file-name b))))
						(and name
						     (string-match-p bufregexp name)
						     b))) (buffer-list)))))

(defun occur-regexp-descr (pattern-re) "How `occur' names PATTERN-RE in its header."
  (concat " for \"" pattern-re "\""))

(defun occur--plural (tally word) "TALLY WORD, with WORD made plural unless TALLY is 1."
  (format "%d %s%s" tally word (if (= tally 1) "" (if (equal word "match") "es" "s"))))

(defun occur--collect (pattern-re context buffer spot to) "Scan BUFFER (SPOT..TO) for PATTERN-RE: (MATCHES LINES TEXT) for the *Occur* buffer."
  (with-current-buffer buffer (save-excursion (save-restriction
						(widen)
						(let* ((case-fold-search (replace--effective-case-fold pattern-re t))
						       (before (if context (abs context) 0))
						       (after (if (and context (> context 0)) context 0))
						       (beg (or spot (point-min)))
						       (fin (or to (point-max)))
						       (matches 0) (lines 0)
						       (out nil)
						       (shown-until nil)) (goto-char beg)
						       (while (and (< (point) fin) (re-search-forward pattern-re fin t))
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
							     (while (and (< (point) lend) (re-search-forward pattern-re lend t))
							       (push (cons (copy-marker (match-beginning 0)) (copy-marker (match-end 0))) targets)
							       (setq n-here (1+ n-here)) (when (= (match-beginning 0) (match-end 0))
											   (if (eobp) (goto-char lend) (forward-char 1)))))
							   (setq targets (nreverse targets)
								 matches (+ matches (max 1 n-here))
								 lines (1+ lines))
							   ;; Context before.
							   (let ((ctx-start (save-excursion (goto-char lbeg) (forward-line (- before)) (point))))
							     (when (and shown-until (>= ctx-start shown-until) (or (> before 0) (> after 0)))
							       (push "-------\n" out))
							     (when (and shown-until (< ctx-start shown-until))
							       (setq ctx-start shown-until)) (save-excursion
							       (goto-char ctx-start)
							       (while (< (point) lbeg)
								 (push (concat "       :" (buffer-substring-no-properties (point) (line-end-position)) "\n") out)
								 (forward-line 1))))
							   ;; The matching lines, first with its number.
							   (let ((lead-line t)) (save-excursion
										  (goto-char lbeg) (while (progn
													    (let* ((bol (point)) (eol (line-end-position))
														   (prefix (if lead-line (format "%7d:" lineno) "       :"))
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
													      (setq lead-line nil))
													    ;; Down to the line the match ends on, even an empty one.
													    (and (zerop (forward-line 1)) (bolp) (<= (point) lend))))))
							   ;; Context after.
							   (let ((ctx-end (save-excursion (goto-char lend) (forward-line after) (line-end-position))))
							     (save-excursion
							       (goto-char lend) (forward-line 1)
							       (let ((limit-next (save-excursion
										   (if (and (< (point) fin) (re-search-forward pattern-re fin t))
										       (progn (goto-char (match-beginning 0)) (line-beginning-position))
										     (point-max)))))
								 (while (and (> after 0) (<= (point) ctx-end) (< (point) limit-next)
									     (not (and (eobp) (bolp))))
								   (push (concat "       :" (buffer-substring-no-properties (point) (line-end-position)) "\n") out)
								   (forward-line 1))
								 (setq shown-until (point)))))
							   (goto-char lend) (unless (eobp) (forward-char 1))
							   (unless shown-until (setq shown-until (point)))))
						       (list matches lines (apply #'concat (nreverse out))))))))

(defun occur-1 (pattern-re context buffers &optional buf-name spot to) "Fill the *Occur* buffer (or BUF-NAME) with the lines of BUFFERS matching PATTERN-RE.
CONTEXT is the context; SPOT and TO limit a single buffer's search."
  (when (equal pattern-re "") (error "Occur doesn't work with the empty regexp"))
  (let* ((name (or buf-name "*Occur*"))
         (context (if (numberp context) context
                    (and (numberp list-matching-lines-default-context-lines)
                         (/= list-matching-lines-default-context-lines 0)
                         list-matching-lines-default-context-lines)))
         (live (seq-filter #'buffer-live-p buffers))
         (results (mapcar (lambda (b) (cons b (occur--collect pattern-re context b spot to))) live))
         (found (seq-filter (lambda (r) (> (nth 1 r) 0)) results))
         (total (apply #'+ (mapcar (lambda (r) (nth 1 r)) found)))
         (total-lines (apply #'+ (mapcar (lambda (r) (nth 2 r)) found)))
         (out (get-buffer-create name)))
    (with-current-buffer out (let ((inhibit-read-only t)) (erase-buffer)
				  (unless (derived-mode-p 'occur-mode) (occur-mode))
				  (when (cdr live)
				    (insert (propertize (format "%s%s total%s:\n"
								(occur--plural total "match")
								(if (/= total total-lines)
								    (concat " in " (occur--plural total-lines "line"))
								  "")
								(occur-regexp-descr pattern-re))
							'face 'underline 'read-only t)))
				  ;; GNU lists the buffers with matches last-first.
				  (dolist (r (if (cdr live) (reverse found) found))
				    (let ((m (nth 1 r)) (l (nth 2 r)))
				      (insert (propertize (format "%s%s%s in buffer: %s\n"
								  (occur--plural m "match")
								  (if (/= m l) (concat " in " (occur--plural l "line")) "")
								  (if (cdr live) "" (occur-regexp-descr pattern-re))
								  (concat (buffer-name (car r))
									  (if spot (format " within region: %d-%d" spot to) "")))
							  'face 'underline 'read-only t))
				      (insert (nth 3 r)))) (goto-char (point-min))
				  (setq occur-revert-arguments (list pattern-re context buffers))
				  (set-buffer-modified-p nil)))
    (message "Searched %d buffer%s; %s for %s"
             (length live) (if (= (length live) 1) "" "s")
             (if (= total 0) "no matches" (occur--plural total "match"))
             (concat "\"" pattern-re "\""))
    (if (= total 0)
        (progn (kill-buffer out) t)
      (when (fboundp 'display-buffer) (display-buffer out))
      (run-hooks 'occur-hook)
      nil)))

(defun occur-mode--find-occurrences () "The (BEG-MARKER . END-MARKER) targets of the *Occur* line at point."
  (or (get-text-property (point) 'occur-target)
      (error "No occurrence on this line")))

(defun occur-mode-find-occurrence () "The marker of the first match on the *Occur* line at point."
  (let ((target (car (occur-mode--find-occurrences))))
    (unless (buffer-live-p (marker-buffer (car target)))
      (error "Buffer for this occurrence was killed"))
    (car target)))

(defvar occur--locus-overlay nil "The overlay that shows the occurrence visited last, or nil.")

(defun occur-goto-locus-delete-o () "Stop showing the occurrence visited last."
  (when (overlayp occur--locus-overlay) (delete-overlay occur--locus-overlay))
  (cancel-function-timers #'occur-goto-locus-delete-o)
  (remove-hook 'pre-command-hook #'occur-goto-locus-delete-o))

(defun occur--show-locus (how) "Highlight the first match of the *Occur* line at point as HOW says.
HOW is a value of `next-error-highlight': a number of seconds, t until the
next command, or anything else for no overlay.  Done in the match's buffer."
  (let* ((target (car (occur-mode--find-occurrences)))
         (beg (car target)) (end (cdr target)))
    (occur-goto-locus-delete-o)
    (when (or (numberp how) (eq how t))
      (if (overlayp occur--locus-overlay)
          (move-overlay occur--locus-overlay beg end (marker-buffer beg))
        (setq occur--locus-overlay (make-overlay beg end (marker-buffer beg)))
        (overlay-put occur--locus-overlay 'face 'next-error))
      (add-hook 'pre-command-hook #'occur-goto-locus-delete-o)
      (when (numberp how) (run-at-time how nil #'occur-goto-locus-delete-o)))))

(defun occur-mode-goto-occurrence (&optional _event) "Go to the match that the *Occur* line at point shows."
  (interactive nil)
  (let ((target (occur-mode-find-occurrence)))
    (occur--show-locus next-error-highlight)
    (pop-to-buffer (marker-buffer target)) (goto-char target)
    (run-hooks 'occur-mode-find-occurrence-hook)))

(defalias 'occur-mode-mouse-goto #'occur-mode-goto-occurrence)

(defun occur-mode-goto-occurrence-other-window () "Go to the match that the *Occur* line at point shows, in another window."
  (interactive nil) (occur-mode-goto-occurrence))

(defun occur-mode-display-occurrence () "Show the match of the *Occur* line at point without going there."
  (interactive nil)
  (let ((target (occur-mode-find-occurrence)))
    (occur--show-locus next-error-highlight-no-select)
    (with-current-buffer (marker-buffer target) (goto-char target))))

(defun occur-find-match (tally search message) "Move TALLY times to a line with `occur-prefix', with SEARCH; error MESSAGE when there is none."
  (dotimes (_ (or tally 1))
    (let ((target (funcall search (point) 'occur-prefix)))
      (when (and target (get-text-property target 'occur-prefix) (not (eq search #'next-single-property-change)))
        (setq target (funcall search target 'occur-prefix)))
      (when (and target (not (get-text-property target 'occur-prefix)))
        (setq target (funcall search target 'occur-prefix)))
      (if target (goto-char target) (user-error message)))))

(defun occur-next (&optional tally) "Move to the Nth next match line of the *Occur* buffer."
  (interactive (list (prefix-numeric-value current-prefix-arg)))
  (occur-find-match tally #'next-single-property-change "No more matches"))

(defun occur-prev (&optional tally) "Move to the Nth previous match line of the *Occur* buffer."
  (interactive (list (prefix-numeric-value current-prefix-arg)))
  (occur-find-match tally #'previous-single-property-change "No earlier matches"))

(defun occur-rename-buffer (&optional unique-p _interactive-p) "Rename the *Occur* buffer after the buffers it searched; UNIQUE-P makes the name unique."
  (interactive "P\np")
  (with-current-buffer (if (derived-mode-p 'occur-mode) (current-buffer) (get-buffer "*Occur*"))
    (rename-buffer (concat "*Occur: "
                           (mapconcat (lambda (b) (if (buffer-live-p b) (buffer-name b) "<killed>"))
                                      (nth 2 occur-revert-arguments) "/")
                           "*")
                   unique-p)))

(provide 'replace)

;;; replace.el ends here
