;;; simple-odds.el --- eval-expression, event modifiers, cursor reports and other odds of simple.el  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (test/corpus/simple-odds.el).

;;;; Evaluating an expression

(defun eval-expression-print-format (value) "The \" (#oOCT, #xHEX, ?CHAR)\" note shown after an integer VALUE; nil for others.
The character is given only for a VALUE from 0 up to
`eval-expression-print-maximum-character' that is a Unicode character."
  (and (integerp value)
       (format " (#o%o, #x%x%s)" value value
               (if (and (<= 0 value eval-expression-print-maximum-character) (<= value #x10ffff))
                   (concat ", " (prin1-char value))
                 ""))))

(defun eval-expression-get-print-arguments (prefix-argument) "How `eval-expression' shows a value, given the raw PREFIX-ARGUMENT.
The answer is (INSERT-VALUE NO-TRUNCATE CHAR-PRINT-LIMIT)."
  (let ((raw prefix-argument))
    (list (and raw (not (eq raw '-)))
          (eql raw 0)
          (cond ((memql raw '(nil 0)) eval-expression-print-maximum-character)
                ((memql raw '(- -1)) most-positive-fixnum)))))

(defun simple-odds--show (value no-truncate char-print-limit) "VALUE as `eval-expression' shows it, cut short unless NO-TRUNCATE, with the integer note
when CHAR-PRINT-LIMIT allows."
  (let ((print-length (and (not no-truncate) eval-expression-print-length))
        (print-level (and (not no-truncate) eval-expression-print-level)))
    (concat (prin1-to-string value)
            (or (and char-print-limit
                     (let ((eval-expression-print-maximum-character char-print-limit))
                       (eval-expression-print-format value)))
                ""))))

(defun simple-odds--eval-args () "Interactive arguments of `eval-expression': an expression read, then how to show its value."
  (let ((form (read--expression "Eval: ")))
    (cons form (eval-expression-get-print-arguments current-prefix-arg))))

(defun eval-expression (exp &optional insert-value no-truncate char-print-limit) "Evaluate EXP and return its value.
INSERT-VALUE non-nil inserts the value at point, cut to
`eval-expression-print-length' and `-print-level' unless NO-TRUNCATE.
Otherwise the value is printed to the echo area.  Called interactively,
the value is also pushed onto `values'."
  (interactive (simple-odds--eval-args))
  (let ((value (eval exp lexical-binding))
        (asked (called-interactively-p 'any)))
    (when asked (push value values))
    (let ((shown (simple-odds--show value no-truncate char-print-limit)))
      ;; Not inserted, the value goes to the echo area: standard output in batch.
      (if insert-value (insert shown) (princ shown t)))
    value))

;; `read--expression', `read-minibuffer' and `eval-minibuffer' are preloaded, in simple.el.

;;;; Input events

(defun event-apply-modifier (event symbol lshiftby prefix) "EVENT with the modifier SYMBOL added.
A symbol event gets PREFIX in front of its name unless it has the modifier
already.  A character gets the bit LSHIFTBY, except that control makes
@, A-Z, [ ... _ and a-z ASCII control characters and shift upcases a-z."
  (cond
   ((symbolp event)
    (if (memq symbol (event-modifiers event)) event
      (intern (concat prefix (symbol-name event)))))
   ((and (eq symbol 'control) (integerp event) (<= ?@ event ?_)) (- event ?@))
   ((and (eq symbol 'control) (integerp event) (<= ?a event ?z)) (- event ?`))
   ((and (eq symbol 'shift) (integerp event) (<= ?a event ?z)) (upcase event))
   ((and (eq symbol 'shift) (integerp event) (<= ?A event ?Z)) event)
   (t (logior event (ash 1 lshiftby)))))

;;;; Reports

(defun simple-odds--percent (pos total) "How far POS is into TOTAL characters, in whole percent."
  (if (zerop total) 0 (round (* 100 (1- pos)) total)))

(defun what-cursor-position (&optional detail) "Say which character is at point, where point is and its column.
DETAIL is accepted for compatibility; the report is the short one."
  (interactive "P")
  (ignore detail)
  (let* ((pos (point))
         (size (buffer-size))
         (where (format "point=%d of %d (%s)%s column=%d" pos size
                        (if (eobp) "EOB" (format "%d%%" (simple-odds--percent pos size)))
                        (if (buffer-narrowed-p) (format " <%d-%d>" (point-min) (point-max)) "")
                        (current-column))))
    (if (eobp) (message "%s" where)
      (let ((c (following-char)))
        (message "Char: %s (%d, #o%o, #x%x) %s" (single-key-description c) c c c where)))))

(defun display-message-or-buffer (message &optional buffer-name _action _frame) "Show MESSAGE (a string or a buffer) in the echo area, or in a buffer when it has several lines.
The buffer is BUFFER-NAME, by default \"*Message*\"; return the message or the buffer."
  (let ((text (if (bufferp message)
                  (with-current-buffer message (buffer-string))
                message)))
    (if (string-match-p "\n." text)
        (let ((out (get-buffer-create (or buffer-name "*Message*"))))
          (with-current-buffer out (erase-buffer) (insert text))
          out)
      (message "%s" text))))

(defun make-separator-line (&optional length) "A line of LENGTH dashes and a newline, in face `separator-line'.
LENGTH defaults to the window's width less one."
  (let ((n (or length (1- (if (fboundp 'window-width) (window-width) 80)))))
    (concat (propertize (make-string n ?-) 'face 'separator-line) "\n")))

(defun set-hard-newline-properties (from to) "Mark the text from FROM to TO as hard newlines (property `hard').
Unless FROM's `rear-nonsticky' is t or names `hard' already, the text
between FROM and point is made rear-nonsticky for `hard' too."
  (let ((nonsticky (get-text-property from 'rear-nonsticky)))
    (put-text-property from to 'hard t)
    (when (and (listp nonsticky) (not (memq 'hard nonsticky)))
      (put-text-property (min from (point)) (max from (point))
                         'rear-nonsticky (cons 'hard nonsticky)))))

(defun minibuffer-prompt-width () "Width of the minibuffer prompt in this buffer, 0 outside a minibuffer."
  (if (minibufferp) (- (minibuffer-prompt-end) (point-min)) 0))

(defun reset-this-command-lengths () "Obsolete, and does nothing." nil)

(defun set-variable (variable value &optional make-local) "Give VARIABLE the value VALUE, buffer-locally when MAKE-LOCAL; return nil."
  (interactive (let* ((var (read-variable "Set variable: "))
                      (val (read--expression (format "Set %s to value: " var))))
                 (list var (eval val t) current-prefix-arg)))
  (unless (symbolp variable) (signal 'wrong-type-argument (list 'symbolp variable)))
  (set (if make-local (make-local-variable variable) variable) value)
  nil)

(defun clone-indirect-buffer (newname display-flag &optional norecord) "Make an indirect buffer of this one, sharing its text and copying its state.
It is called NEWNAME (made unique), by default after this buffer.  With
DISPLAY-FLAG it is shown; NORECORD is passed on for that.  Return it."
  (interactive (list (and current-prefix-arg (read-buffer "Name of indirect buffer: " (current-buffer)))
                     t))
  (let* ((name (generate-new-buffer-name (or newname (buffer-name))))
         (clone (make-indirect-buffer (current-buffer) name t)))
    (when (and display-flag (fboundp 'pop-to-buffer))
      (pop-to-buffer clone nil norecord))
    clone))

(defconst simple-odds--not-cloned
  '(buffer-undo-list enable-multibyte-characters buffer-file-name buffer-file-truename
    buffer-auto-save-file-name buffer-saved-size buffer-display-count buffer-display-time
    point-before-scroll)
  "Buffer-local variables `clone-buffer' leaves alone: the buffer's identity and history.")

(defun clone-buffer (&optional newname display-flag) "A new buffer holding a copy of this one: text, point, mark, narrowing, mode, locals.
It is named NEWNAME, made unique, by default after this buffer; with
DISPLAY-FLAG it is shown.  A buffer visiting a file cannot be cloned."
  (interactive (list (and current-prefix-arg (read-buffer "Name of new cloned buffer: " (current-buffer)))
                     t))
  (when buffer-file-name (error "Cannot clone a file-visiting buffer"))
  (let* ((source (current-buffer))
         (text (save-restriction (widen) (buffer-substring (point-min) (point-max))))
         (state (list (point) (mark t) mark-active (point-min) (point-max) (buffer-modified-p)))
         (source-mode major-mode)
         (locals (buffer-local-variables))
         (copy (generate-new-buffer (or newname (buffer-name source)))))
    (with-current-buffer copy
      (insert text)
      (or (eq source-mode 'fundamental-mode) (funcall source-mode))
      (pcase-dolist (`(,var . ,val) (seq-filter #'consp locals))
        (unless (memq var simple-odds--not-cloned)
          (ignore-errors (set (make-local-variable var) val))))
      (pcase-let ((`(,at ,mk ,active ,lo ,hi ,modified) state))
        (narrow-to-region lo hi)
        (goto-char at)
        (set-marker (mark-marker) mk)
        (setq mark-active active)
        (set-buffer-modified-p modified)))
    (when (and display-flag (fboundp 'pop-to-buffer)) (pop-to-buffer copy))
    copy))

;;;; Filtering text through a shell command

(defun simple-odds--run-shell (command input) "Run the shell COMMAND with INPUT on its standard input; return (STATUS . OUTPUT).
Its error output is mixed into OUTPUT."
  (with-temp-buffer
    (let ((status (call-process-region input nil shell-file-name nil t nil shell-command-switch command)))
      (cons status (buffer-string)))))

(defun simple-odds--report (status output) "Say in the echo area what a command with exit STATUS printed, OUTPUT."
  (cond ((not (equal output ""))
         (message "%s" (replace-regexp-in-string "\n+\\'" "" output)))
        ((eql status 0) (message "(Shell command succeeded with no output)"))
        (t (message "(Shell command failed with code %s and no output)" status))))

(defun shell-command-on-region (start end command &optional output-buffer replace
                                      _error-buffer _display-error-buffer _region-noncontiguous-p)
  "Run the shell COMMAND with the text from START to END as input; return its exit status.
With REPLACE the output takes the text's place, point and mark at its ends
on START's and END's sides.  OUTPUT-BUFFER t (without REPLACE) inserts the
output at START; a buffer or a name gets the output in place of its contents;
nil sends it to \"*Shell Command Output*\" and shows it in the echo area."
  (interactive (let ((command (read-shell-command "Shell command on region: ")))
                 (list (region-beginning) (region-end) command current-prefix-arg current-prefix-arg)))
  (let* ((from (min start end))
         (to (max start end))
         (here (or replace (eq output-buffer t)
                   (and output-buffer (not (bufferp output-buffer))
                        (not (stringp output-buffer))))))
    (when here (barf-if-buffer-read-only))
    (pcase-let ((`(,status . ,output) (simple-odds--run-shell command (buffer-substring from to))))
      (cond
       (replace
        (let ((after (progn (delete-region from to) (goto-char from) (insert output) (point))))
          ;; Point and mark end up at the output's ends, on START's and END's sides.
          (if (> start end)
              (push-mark from t)
            (goto-char from)
            (push-mark after t))))
       (here (goto-char start) (insert output))
       (t
        (with-current-buffer (get-buffer-create (or output-buffer "*Shell Command Output*"))
          (let ((inhibit-read-only t)) (erase-buffer) (insert output)))
        (simple-odds--report status output)))
      status)))

;;;; Abbreviations of command names (the hint `execute-extended-command' gives)

(defun execute-extended-command--shorter-1 (name length) "All the ways of writing LENGTH characters that abbreviate NAME, word by word.
Each character kept is either the next one of NAME or the dash that starts
one of its later words (skipping what lies between); duplicates stay."
  (cond ((zerop length) (list ""))
        ((string= name "") nil)
        (t (let ((head (substring name 0 1))
                 (dash (string-search "-" name 1)))
             (nconc (mapcar (lambda (tail) (concat head tail))
                            (execute-extended-command--shorter-1 (substring name 1) (1- length)))
                    (and dash
                         (execute-extended-command--shorter-1 (substring name dash) length)))))))

(defun simple-odds--abbrev-matches-p (abbrev name) "Non-nil when ABBREV matches NAME as partial completion reads it: each dash-separated piece a prefix of a word, in order."
  (let ((pieces (split-string abbrev "-"))
        (words (split-string name "-"))
        (ok t))
    (while (and ok pieces)
      (let ((piece (pop pieces)))
        (if (null words)
            (setq ok nil)
          (setq ok (string-prefix-p piece (pop words))))))
    ok))

(defun execute-extended-command--shorter (name typed) "The shortest abbreviation of the command NAME that no other command shares, if shorter than TYPED.
Give nil when there is none."
  (let ((size 1) (found nil)
        (others nil))
    (mapatoms (lambda (sym)
                (when (and (commandp sym)
                           (not (string= (symbol-name sym) name)))
                  (push (symbol-name sym) others))))
    (while (and (not found) (< size (length typed)))
      (let ((tries (execute-extended-command--shorter-1 name size)))
        (while (and tries (not found))
          (let ((try (pop tries)))
            (unless (seq-some (lambda (other) (simple-odds--abbrev-matches-p try other)) others)
              (setq found try)))))
      (setq size (1+ size)))
    found))

;;;; Which commands `M-x' offers in a buffer

(defun command-completion-with-modes-p (modes buffer) "Non-nil when one of MODES applies in BUFFER.
A major mode applies when BUFFER's mode is it or derives from it: the answer
is then the nearest such mode.  Else the answer lists those of MODES that
are minor modes on in BUFFER, local ones if any, else global ones."
  (with-current-buffer buffer
    (or (apply #'provided-mode-derived-p major-mode modes)
        (seq-filter (lambda (mode) (memq mode local-minor-modes)) modes)
        (seq-filter (lambda (mode) (memq mode global-minor-modes)) modes))))

(defun command-completion-using-modes-p (symbol buffer) "Non-nil when the command SYMBOL names modes and one of them applies in BUFFER."
  (let ((modes (command-modes symbol)))
    (and modes (command-completion-with-modes-p modes buffer))))

(defun command-completion-default-include-p (symbol buffer) "Non-nil when `M-x' should offer the command SYMBOL in BUFFER.
SYMBOL's `completion-predicate', if any, decides; else a command naming
modes is offered where one of them applies, and any other always."
  (let ((check (get symbol 'completion-predicate))
        (modes (command-modes symbol)))
    (cond (check (funcall check symbol buffer))
          (modes (command-completion-with-modes-p modes buffer))
          (t t))))

(defun command-completion-button-p (category buffer) "Non-nil when the text at point in BUFFER is a button whose category is CATEGORY."
  (with-current-buffer buffer
    (let ((here (button-at (point))))
      (and here category
           (eq (button-get here 'category) category)
           t))))

;;;; Showing the matching open paren


(defun blink-matching-check-mismatch (start end) "Non-nil when the close paren before END does not pair with the open paren at START.
Text before END that is no close paren never mismatches; a close paren with
no open paren found (START nil) does."
  (let* ((closer (char-before end))
         (wanted (and closer (matching-paren closer))))
    (and wanted
         (or (null start)
             (not (eq wanted (char-after start)))))))

(defun simple-odds--open-line-text (open) "The text shown for the open paren at OPEN: its line up to it and, when it ends its line there, nothing after; else the rest of its line."
  (let* ((line-start (save-excursion (goto-char open) (line-beginning-position)))
         (first-on-line (string-match-p "\\`[ \t]*\\'" (buffer-substring-no-properties line-start open))))
    (if first-on-line
        (buffer-substring open (save-excursion (goto-char open) (line-end-position)))
      (buffer-substring line-start (1+ open)))))

(defun simple-odds--find-opener (close) "The position of the open paren matching the close paren just before CLOSE, or nil.
The search goes back at most `blink-matching-paren-distance' characters and
skips comments unless `blink-matching-paren-dont-ignore-comments'."
  (let ((limit (if blink-matching-paren-distance
                   (max (point-min) (- close blink-matching-paren-distance))
                 (point-min)))
        (parse-sexp-ignore-comments (unless blink-matching-paren-dont-ignore-comments
                                      parse-sexp-ignore-comments)))
    (ignore-errors
      (save-restriction
        (narrow-to-region limit close)
        (scan-sexps close -1)))))

(defun blink-matching-open () "Report the open paren that pairs with the close paren before point.
In batch the paren is never on screen, so its line is shown in the echo area;
a mismatch or no partner is reported too." (interactive)
  (unless (or (null blink-matching-paren) (bobp))
    (let* ((open (simple-odds--find-opener (point)))
           (bad (funcall blink-matching-check-function open (point))))
      (cond
       ((and bad open) (message "Mismatched parentheses"))
       (bad (message "No matching parenthesis found"))
       (open
        (message "Matches %s" (simple-odds--open-line-text open))
        ;; The report stays only while the paren would blink.
        (message nil)
        t)))))

;;;; Lines as shown, skipping invisible text

(defun simple-odds--invisible-at (pos) "Non-nil when the text at POS is hidden by `buffer-invisibility-spec'."
  (let ((prop (get-char-property pos 'invisible)))
    (and prop
         (or (eq buffer-invisibility-spec t)
           (seq-some (lambda (value)
                       (seq-some (lambda (entry)
                                   (eq value (if (consp entry) (car entry) entry)))
                                 buffer-invisibility-spec))
                     (if (listp prop) prop (list prop)))))))

(defun simple-odds--next-shown-newline () "Move to just after the next newline that is not invisible; nil, at the buffer's end, when there is none."
  (let (shown)
    (while (and (not shown) (search-forward "\n" nil 'move))
      (setq shown (not (simple-odds--invisible-at (1- (point))))))
    shown))

(defun forward-visible-line (arg) "Move forward over ARG lines as shown, not counting invisible newlines; back for a negative ARG.
Point ends at the beginning of a shown line; nil is returned."
  (cond
   ((> arg 0)
    (let ((left arg))
      (while (and (> left 0) (simple-odds--next-shown-newline))
        (setq left (1- left))))
    (while (and (not (eobp)) (simple-odds--invisible-at (point)))
      (goto-char (next-single-char-property-change (point) 'invisible))))
   (t
    (let ((count (- 1 arg)) (stop nil))
      (while (and (> count 0) (not stop))
        (let (shown)
          (while (and (not shown) (search-backward "\n" nil 'move))
            (setq shown (not (simple-odds--invisible-at (point)))))
          (if shown
              (progn (setq count (1- count))
                     (when (zerop count) (forward-char 1)))
            (setq stop t)))))))
  nil)

(defun end-of-visible-line () "Move to the end of the line as shown: before the next newline that is not invisible.
Return nil."
  ;; Hop over each newline that is hidden; stop before the first shown one.
  (while (progn (skip-chars-forward "^\n")
                (and (< (point) (point-max)) (simple-odds--invisible-at (point))))
    (forward-char 1))
  nil)

;;;; Fonts of a terminal frame

(defun default-font-height () "The height in pixels of the default face's font: a character cell, 1, on a terminal as in batch." 1)
(defun default-font-width () "The width in pixels of the default face's font: a character cell, 1, on a terminal as in batch." 1)
(defun default-line-height () "The height in pixels of a line of the default face, spacing included: 1 on a terminal as in batch." 1)

;;;; Auto filling, shift selection, copying

(defun internal-auto-fill () "Call the buffer's `auto-fill-function' (GNU's self-insertion does so after a fill-triggering character)." (funcall auto-fill-function))


(defun simple-odds--temporary-region-p () "Non-nil when the region is a temporary one, active only until the next unshifted motion."
  (eq 'only (car-safe transient-mark-mode)))

(defun handle-shift-selection () "Start or end a temporary shift-selected region for the command running, as `interactive' \"^\" asks.
A shift-translated key (`this-command-keys-shift-translated') with
`shift-select-mode' on activates the mark temporarily; otherwise a temporary
region ends.  Return nil."
  (cond ((and this-command-keys-shift-translated shift-select-mode)
         (unless (and (simple-odds--temporary-region-p) mark-active)
           (let ((underlying (if (eq transient-mark-mode 'lambda) nil transient-mark-mode)))
             (set (make-local-variable 'transient-mark-mode) (cons 'only underlying)))
           (push-mark nil 'nomsg 'activate)))
        ((simple-odds--temporary-region-p)
         ;; Back to the mode's own setting, and the temporary region goes.
         (setq transient-mark-mode (cdr transient-mark-mode))
         (deactivate-mark)))
  nil)

(defun indicate-copied-region (&optional message-len) "Show where the text just copied ends: in batch, say so with up to MESSAGE-LEN (40) characters of it.
With point after the mark the start of the copy is quoted, else its end."
  (let* ((room (or message-len 40))
         (other (mark t))
         (pt (point))
         (text (if (<= other pt)
                   (buffer-substring other (min pt (+ other room)))
                 (buffer-substring (max pt (- other room)) other)))
         (word (if (<= other pt) "from" "until")))
    (message "Copied text %s \"%s\"" word (simple-odds--show-controls (substring-no-properties text)))))

(defun simple-odds--show-controls (text) "TEXT with each control character displayed as ^C, as the echo area shows a message's control characters."
  (let ((out (copy-sequence text))
        (from 0))
    (while (string-match "[\000-\037\177]" out from)
      (let ((c (aref out (match-beginning 0))))
        (put-text-property (match-beginning 0) (match-end 0) 'display
                           (propertize (string ?^ (if (= c 127) ?? (+ c 64))) 'face 'escape-glyph)
                           out))
      (setq from (match-end 0)))
    out))


(defun keyboard-escape-quit () "Leave whatever state you are in: deactivate the region, forget a prefix argument, or bury a hidden buffer." (interactive)
  (cond ((region-active-p) (deactivate-mark))
        (current-prefix-arg nil)
        (buffer-quit-function (funcall buffer-quit-function))
        ((and (string-prefix-p " *" (buffer-name)) (fboundp 'bury-buffer)) (bury-buffer))))

(defun repeat-complex-command (arg) "Edit and run again the ARGth most recent complex command of `command-history'." (interactive "p")
  (let ((form (nth (1- arg) command-history)))
    (cond (form)
          ((null command-history) (error "There are no previous complex commands to repeat"))
          (t (error "Argument %d is beyond length of command history" arg)))
    (let ((again (read-from-minibuffer "Redo: " (prin1-to-string form) read-expression-map t)))
      (unless (equal again (car command-history))
        (push again command-history))
      (apply #'funcall-interactively (car again) (mapcar (lambda (e) (eval e t)) (cdr again))))))

;;;; Minibuffer helpers that work in any buffer


(defun minibuffer-history-value () "The list of the history the minibuffer uses, `minibuffer-history-variable''s value."
  (symbol-value minibuffer-history-variable))

(defun minibuffer-history-initialize () "Forget the text saved before moving through history, as each minibuffer starts."
  (set 'minibuffer-text-before-history nil))

(defun minibuffer-error-initialize () "Have errors in this buffer reported by `minibuffer-error-function'."
  (setq-local command-error-function #'minibuffer-error-function))

(defun minibuffer-default-add-completions () "The minibuffer's default values followed by every completion of the empty string, the defaults not repeated."
  (let ((defaults minibuffer-default)
        (all (all-completions "" minibuffer-completion-table minibuffer-completion-predicate)))
    (cond ((null defaults) all)
          ((listp defaults) (append defaults all))
          (t (cons defaults (delete defaults all))))))

(defun minibuffer-avoid-prompt (_new _old) "Keep point out of the minibuffer's prompt; give point."
  (let ((floor (minibuffer-prompt-end)))
    (if (< (point) floor) (goto-char floor) (point))))

;;;; Sounds

(defun simple-odds--sound-kind (bytes) "The format of sound data BYTES: `wav', `au' or nil."
  (cond ((and (>= (length bytes) 12)
              (string= (substring bytes 0 4) "RIFF")
              (string= (substring bytes 8 12) "WAVE"))
         'wav)
        ((and (>= (length bytes) 4) (string= (substring bytes 0 4) ".snd")) 'au)))

(defun simple-odds--file-head (file n) "The first N bytes of FILE, as a unibyte string."
  (with-temp-buffer (set-buffer-multibyte nil) (insert-file-contents-literally file nil 0 n) (buffer-string)))

(defun play-sound (sound) "Play SOUND, a list (sound :file FILE-OR :data BYTES ...).
tsmacs has no sound device, so known formats end in an error too."
  (let* ((props (and (eq (car-safe sound) 'sound) (cdr sound)))
         (file (plist-get props :file))
         (data (plist-get props :data)))
    (unless (or (stringp file) (stringp data))
      (error "Invalid sound specification"))
    (let ((bytes (if (stringp file)
                     (let ((path (expand-file-name file (bound-and-true-p data-directory))))
                       (unless (file-readable-p path)
                         (error "Could not open sound file: %s"
                                (if (file-exists-p path) "Permission denied" "No such file or directory")))
                       (simple-odds--file-head path 64))
                   data)))
      (unless (simple-odds--sound-kind bytes)
        (error "Unknown sound format"))
      (error "Could not open sound device"))))

(defun play-sound-file (file &optional volume device) "Play the sound in FILE at VOLUME on DEVICE, through `play-sound'." (interactive "fPlay sound file: ")
  (play-sound (if (not (stringp file))
                  '(sound)
                (nconc (list 'sound :file file)
                       (and volume (list :volume volume))
                       (and device (list :device device))))))

;;;; Warnings about packages known not to work

(defun bad-package-check (package) "Warn, through `display-warning', when the loaded PACKAGE is one `bad-packages-alist' names.
SYMBOL t means any version; otherwise SYMBOL's string value must match REGEXP."
  (let ((entry (assq package bad-packages-alist)))
    (when entry
      (let ((sym (nth 1 entry)) (regexp (nth 2 entry)))
        (when (or (eq sym t)
                  (and (boundp sym) (stringp (symbol-value sym))
                       (or (null regexp) (string-match-p regexp (symbol-value sym)))))
          (display-warning package (nth 3 entry) :warning))))))

;;;; The list of processes


;;;###autoload
(defvar process-menu-mode-map (let ((keys (make-sparse-keymap))) (define-key keys "d" #'process-menu-delete-process) keys)
  "Keys of Process Menu mode.")

(defconst simple-odds--process-columns
  '(("Process" . 15) ("PID" . 7) ("Status" . 7) ("Buffer" . 25) ("TTY" . 12) ("Thread" . 12) ("Command" . 0))
  "The columns of the process list: title and width; every one sorts.")

(define-derived-mode process-menu-mode tabulated-list-mode "Process Menu" "Major mode of the list of processes that `list-processes' shows."
  (setq tabulated-list-format (apply #'vector (mapcar (lambda (col) (list (car col) (cdr col) t))
                                                      simple-odds--process-columns))
        tabulated-list-sort-key (list (caar simple-odds--process-columns)))
  (set (make-local-variable 'process-menu-query-only) process-menu-query-only)
  (add-hook 'tabulated-list-revert-hook #'list-processes--refresh nil t))

(defun simple-odds--process-row (proc) "The row of the process list for PROC: its id and a vector of its columns."
  (let* ((home (process-buffer proc))
         (id (process-id proc))
         (argv (process-command proc))
         (buffer-cell
          (if (not (buffer-live-p home)) "--"
            (list (buffer-name home) 'face 'link
                  'help-echo (format-message "Visit buffer `%s'" (buffer-name home))
                  'follow-link t 'process-buffer home
                  'action #'process-menu-visit-buffer))))
    (list proc
          (vector (process-name proc)
                  (if id (number-to-string id) "--")
                  (symbol-name (process-status proc))
                  buffer-cell
                  (or (process-tty-name proc) "--")
                  "Main"
                  (if (consp argv) (mapconcat #'identity argv " ") "")))))

(defun list-processes--refresh () "Fill `tabulated-list-entries' with the processes to list, and set up the header."
  (let ((rows nil))
    (dolist (proc (process-list))
      (if (or (not process-menu-query-only) (process-query-on-exit-flag proc))
          (push (simple-odds--process-row proc) rows)))
    (setq tabulated-list-entries (nreverse rows)))
  (tabulated-list-init-header))

(defun list-processes (&optional query-only buffer) "List the processes in BUFFER (\"*Process List*\" by default), in Process Menu mode.
QUERY-ONLY non-nil lists only the processes that ask before Emacs exits." (interactive)
  (with-current-buffer (or buffer (get-buffer-create "*Process List*"))
    (process-menu-mode)
    (setq-local process-menu-query-only query-only)
    (list-processes--refresh)
    ;; The table is drawn afresh, and the caller gets nothing back.
    (ignore (tabulated-list-print))))

(defun process-menu-delete-process () "Kill the process on the line at point, then list the processes again." (interactive)
  (let ((line-start (point))
        (victim (tabulated-list-get-id)))
    (delete-process victim)
    (revert-buffer)
    ;; Stay on the same line, or the last one when that line is gone.
    (goto-char (min line-start (point-max)))
    (forward-line (if (eobp) -1 0))))

;;;; The buffer of completions

;;;###autoload
(defvar completion-list-mode-map
  (let ((map (make-sparse-keymap)))
    (set-keymap-parent map special-mode-map)
    ;; Bound in this order, as GNU's map lists them (latest first).
    (dolist (pair '(("g") ([mouse-2] . choose-completion) ([follow-link] . mouse-face)
                    ([down-mouse-2]) ("\C-m" . choose-completion)
                    ("\e\e\e" . delete-completion-window) ("\M-g\M-c" . switch-to-minibuffer)
                    ([left] . previous-completion) ([right] . next-completion)
                    ([?\t] . next-completion) ([backtab] . previous-completion)
                    ("z" . kill-current-buffer) ("n" . next-completion) ("p" . previous-completion)))
      (define-key map (car pair) (cdr pair)))
    map)
  "Keys of Completion List mode.")

(unless (fboundp 'completion--replace)
  (defun completion--replace (start end text) "Put TEXT in place of the text from START to END, leaving point after it."
    ;; New text after the old, then the old goes: point ends after the new.
    (goto-char end)
    (insert text)
    (delete-region start end)))
;;;###autoload
(defvar completion-list-insert-choice-function #'completion--replace "Function of START, END and CHOICE that puts a chosen completion in place.")

(define-derived-mode completion-list-mode nil "Completion List"
  "Major mode of the buffer that lists the possible completions.")

(defun completion-list-mode-finish () "Make a buffer in Completion List mode read-only, once it is filled."
  (if (eq major-mode 'completion-list-mode)
      (setq buffer-read-only t)))

(defun simple-odds--face-at (pos) "Non-nil when the character at POS belongs to a completion (has a `mouse-face')."
  (and (< pos (point-max)) (get-text-property pos 'mouse-face)))

(defun simple-odds--step-completion (forward) "Move to the start of the next completion, or the previous one when not FORWARD; the buffer's end or start when there is none."
  (if forward
      (progn
        (when (simple-odds--face-at (point))
          (goto-char (or (next-single-property-change (point) 'mouse-face) (point-max))))
        (unless (simple-odds--face-at (point))
          (goto-char (or (next-single-property-change (point) 'mouse-face) (point-max)))))
    (when (and (simple-odds--face-at (point)) (> (point) (point-min))
               (simple-odds--face-at (1- (point))))
      (goto-char (or (previous-single-property-change (point) 'mouse-face) (point-min))))
    (let ((edge (if (and (> (point) (point-min)) (simple-odds--face-at (1- (point))))
                    (point)
                  (previous-single-property-change (point) 'mouse-face))))
      (goto-char (or (and edge (previous-single-property-change edge 'mouse-face))
                     (point-min))))))

(defun next-completion (n) "Move to the start of the Nth next completion in the list; back for a negative N.
With no more completions point stops at the buffer's end (or start)." (interactive "p")
  (let ((count (abs n)))
    (while (> count 0)
      (simple-odds--step-completion (> n 0))
      (setq count (1- count)))))

(defun previous-completion (n) "Move to the Nth previous completion in the list; forward for a negative N." (interactive "p")
  (next-completion (- n)))

(defun choose-completion-guess-base-position (string) "Guess where, before point, the text that STRING completes starts.
That is the start of the longest text just before point that STRING begins
with (case as `completion-ignore-case' says); point when there is none."
  (let* ((pt (point))
         (n (min (length string) (- pt (point-min)))))
    ;; The longest candidate first, shorter ones after.
    (while (and (> n 0)
                (not (eq t (compare-strings string 0 n (buffer-substring-no-properties (- pt n) pt)
                                            nil nil completion-ignore-case))))
      (setq n (1- n)))
    (- pt n)))

(defun choose-completion-string (choice &optional buffer base-position insert-function) "Put the completion CHOICE into BUFFER in place of the text it completes.
BASE-POSITION is (START END) of that text, none (insert at point) when nil;
INSERT-FUNCTION, or `completion-list-insert-choice-function', does the
replacing unless one of `choose-completion-string-functions' did.  Return nil."
  (let ((dest (or buffer completion-reference-buffer))
        (put-in (or insert-function completion-list-insert-choice-function)))
    (or (run-hook-with-args-until-success 'choose-completion-string-functions choice dest base-position nil)
        (with-current-buffer dest
          (let ((from (or (car base-position) (point))))
            (funcall put-in from (or (cadr base-position) from) choice))))
    nil))


;;;; Where point goes in a shell command's output buffer

(defun shell-command-save-pos-or-erase (&optional output-to-current-buffer) "Prepare the current buffer for a shell command's output, as `shell-command-dont-erase-buffer' says.
Nil erases it; `beg-last-out' and `save-point' note a position in
`shell-command-saved-pos' (the buffer's end, or point; one per buffer), go to
the end and return that list.
With OUTPUT-TO-CURRENT-BUFFER nothing is done."
  (unless output-to-current-buffer
    (let ((how shell-command-dont-erase-buffer))
      (cond ((null how)
             (let ((inhibit-read-only t)) (erase-buffer) nil))
            ((memq how '(beg-last-out save-point))
             (let ((spot (if (eq how 'save-point) (point) (point-max)))
                   (entry (assq (current-buffer) shell-command-saved-pos)))
               (goto-char (point-max))
               (if entry
                   (setcdr entry spot)
                 (push (cons (current-buffer) spot) shell-command-saved-pos))
               shell-command-saved-pos))))))

(defun shell-command-set-point-after-cmd (&optional buffer) "Put point in BUFFER (the current one) where `shell-command-dont-erase-buffer' wants it after the output.
Return that position, or nil when the buffer was erased before."
  (with-current-buffer (or buffer (current-buffer))
    (let ((how shell-command-dont-erase-buffer))
      (and how
           (goto-char (or (and (memq how '(beg-last-out save-point))
                               (cdr (assq (current-buffer) shell-command-saved-pos)))
                          (point-max)))))))

(defun shell-command-sentinel (process signal) "Report that the shell command of PROCESS ended, with the text of SIGNAL, and place point in its buffer."
  (when (memq (process-status process) '(signal exit))
    (let ((home (process-buffer process)))
      (and (buffer-live-p home) (shell-command-set-point-after-cmd home)))
    (message "%s: %s." (nth 2 (process-command process)) (substring signal 0 -1))))

;;;; Starting a process again

(defun clone-process (process &optional newname) "Start a new process running PROCESS's command, named NEWNAME or PROCESS's name (made unique).
It shares PROCESS's filter, sentinel, query flag and property list, and
writes to the current buffer when PROCESS had a buffer."
  (unless (processp process) (signal 'wrong-type-argument (list 'processp process)))
  (let ((copy (make-process :name (or newname (process-name process))
                            :buffer (and (process-buffer process) (current-buffer))
                            :command (process-command process)
                            :connection-type (if (process-tty-name process) 'pty 'pipe)
                            :noquery (not (process-query-on-exit-flag process))
                            :filter (process-filter process)
                            :sentinel (process-sentinel process))))
    (set-process-plist copy (copy-sequence (process-plist process)))
    copy))

;;;; What M-x shows beside each command

(defun read-extended-command--affixation (command-names) "Each of COMMAND-NAMES as (NAME PREFIX SUFFIX): no prefix, and the first key the command is on, if any, as suffix."
  (let (rows)
    (dolist (name command-names (nreverse rows))
      (let* ((sym (intern name))
             (key (and (commandp sym) (where-is-internal sym nil t)))
             (suffix (if (null key) ""
                       (propertize (format " (%s)" (key-description key)) 'face 'completions-annotations))))
        (push (list name "" suffix) rows)))))

;;;; M-x given the command's name

(defun simple-odds--command-hint (command typed binding) "Say in the echo area how COMMAND, run through M-x as TYPED, could be run more briefly: by BINDING, or a shorter name."
  (let ((shorter (and (null binding) typed extended-command-suggest-shorter
                      (execute-extended-command--shorter (symbol-name command) typed))))
    (cond (binding
           (message "You can run the command `%s' with %s" command (key-description binding)))
          (shorter
           (message "You can run the command `%s' with M-x %s" command shorter)))))

(defun execute-extended-command (prefixarg &optional command-name typed) "Run the command named COMMAND-NAME (read when nil) with the prefix argument PREFIXARG.
TYPED is what was typed to name it.  When `suggest-key-bindings' is on and
the command has a key, or TYPED could be shorter, a timer is started that
will say so; that timer is returned."
  (interactive (list current-prefix-arg (read-extended-command) execute-extended-command--last-typed))
  (let ((command (and (stringp command-name) (intern-soft command-name))))
    (unless (and command (commandp command))
      (error "`%s' is not a valid command name" command-name))
    (setq this-command command
          real-this-command command)
    (let ((prefix-arg prefixarg)) (command-execute command 'record))
    (when suggest-key-bindings
      (let ((binding (where-is-internal command nil t)))
        (when (or binding (and typed extended-command-suggest-shorter))
          (run-at-time 0 nil #'simple-odds--command-hint command typed binding))))))

(defun execute-extended-command-for-buffer (prefixarg &optional command-name typed) "Like `execute-extended-command', but offering first the commands meant for this buffer's modes." (interactive (list current-prefix-arg (read-extended-command) execute-extended-command--last-typed))
  (execute-extended-command prefixarg command-name typed))

(defun clone-indirect-buffer-other-window (newname display-flag &optional norecord) "Make an indirect clone of this buffer as `clone-indirect-buffer' does, shown in another window when DISPLAY-FLAG."
  (interactive (if (get major-mode 'no-clone-indirect)
                   (error "Cannot indirectly clone a buffer in %s mode" mode-name)
                 (list (and current-prefix-arg (read-buffer "Name of indirect buffer: " (current-buffer)))
                       t)))
  (dlet ((pop-up-windows t)) (clone-indirect-buffer newname display-flag norecord)))

;;;; Interactive readers that batch mode answers from standard input

(defun goto-line-read-args (&optional _relative) "Give the arguments of `goto-line' for an interactive call: (LINE nil), or (LINE) from a prefix.
A numeric prefix argument is the line; else one is read, the number at
point being the default."
  (require 'subr-more3)
  (let ((raw current-prefix-arg))
    (if (or (null raw) (consp raw))
        (list (read-number "Goto line: " (subr-more3--natnum-near-point) 'goto-line-history) nil)
      (list (prefix-numeric-value raw)))))

(defun read-shell-command (prompt &optional initial-contents hist &rest _args) "Read a shell command line with PROMPT and give it.
INITIAL-CONTENTS and HIST are as for `read-from-minibuffer'; the history
is `shell-command-history' by default."
  (read-from-minibuffer prompt initial-contents nil nil (or hist 'shell-command-history)))

(defun read-extended-command () "Read the name of a command to run, as M-x does, and give it as a string."
  (read-from-minibuffer "M-x " nil nil nil 'extended-command-history))

(defun edit-and-eval-command (prompt command) "Let the user edit the expression COMMAND with PROMPT, then evaluate the result and give its value.
The edited expression goes to the front of `command-history' unless it is there already."
  (let ((form (read-from-minibuffer prompt (prin1-to-string command) nil t)))
    (or (equal form (car command-history)) (push form command-history))
    (eval form)))

(defun simple-odds--apply-modifier-to-next (symbol shift prefix) "Read the next event and give a one-element vector of it with the modifier SYMBOL (bit SHIFT, name PREFIX) added."
  (vector (event-apply-modifier (read-event) symbol shift prefix)))

(defun event-apply-alt-modifier (_ignore-prompt) "Give the next event read with the Alt modifier added, in a vector."
  (simple-odds--apply-modifier-to-next 'alt 22 "A-"))
(defun event-apply-super-modifier (_ignore-prompt) "Give the next event read with the Super modifier added, in a vector."
  (simple-odds--apply-modifier-to-next 'super 23 "s-"))
(defun event-apply-hyper-modifier (_ignore-prompt) "Give the next event read with the Hyper modifier added, in a vector."
  (simple-odds--apply-modifier-to-next 'hyper 24 "H-"))
(defun event-apply-shift-modifier (_ignore-prompt) "Give the next event read with the Shift modifier added, in a vector."
  (simple-odds--apply-modifier-to-next 'shift 25 "S-"))
(defun event-apply-control-modifier (_ignore-prompt) "Give the next event read with the Control modifier added, in a vector."
  (simple-odds--apply-modifier-to-next 'control 26 "C-"))
(defun event-apply-meta-modifier (_ignore-prompt) "Give the next event read with the Meta modifier added, in a vector."
  (simple-odds--apply-modifier-to-next 'meta 27 "M-"))

(provide 'simple-odds)
;; The Options menu's two debugger switches (GNU's menu-bar.el makes them), usable from Lisp.

(defun simple-odds--toggle-option (var label interactively) "Flip the default value of the option VAR through its Custom setter, saying so with LABEL; INTERACTIVELY also marks VAR as set for Custom.  Return nil."
  (let ((setter (or (get var 'custom-set) #'set-default))
        (getter (or (get var 'custom-get) #'default-value)))
    (funcall setter var (not (funcall getter var)))
    (message "%s %s" label (if (funcall getter var) "enabled globally" "disabled globally"))
    (when (and interactively (fboundp 'customize-mark-as-set))
      (customize-mark-as-set var))
    nil))

(defun toggle-debug-on-error (&optional interactively) "Turn `debug-on-error' on everywhere if it is off by default, off if on; say which.
Called interactively (INTERACTIVELY non-nil), the change counts as one to save from Custom."
  (interactive "p")
  (simple-odds--toggle-option 'debug-on-error "Debug on Error" interactively))

(defun toggle-debug-on-quit (&optional interactively) "Turn `debug-on-quit' on everywhere if it is off by default, off if on; say which.
Called interactively (INTERACTIVELY non-nil), the change counts as one to save from Custom."
  (interactive "p")
  (simple-odds--toggle-option 'debug-on-quit "Debug on Quit" interactively))

;;; simple-odds.el ends here
