;;; elec-pair.el --- typing one delimiter inserts its partner  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (test/corpus/elec-pair.el)
;; and the Emacs manual ("Matching Parentheses").  Electric Pair mode works from
;; `post-self-insert-hook': once a character is in, it may get its closing partner
;; after it, be swallowed because the same closer already follows (a "skip"), or
;; make the region be wrapped.  Whether to pair or to skip is decided from the
;; syntax around point: by default a pair is refused when it would leave the
;; buffer less balanced than it was, and a closer is skipped when that keeps it
;; balanced.  In comments and strings `electric-pair-text-pairs' and
;; `electric-pair-text-syntax-table' apply instead of the code's.

;;; Code:

(require 'electric)

(defgroup electric-pair nil "Insert delimiters in pairs as they are typed." :group 'electricity)

(defcustom electric-pair-pairs (list (cons ?\" ?\") (cons ?‘ ?’) (cons ?“ ?”)) "Pairs, (OPEN . CLOSE), paired in code beyond what the syntax table pairs.
A pair given here pairs and skips whatever the balance around point."
  :type '(alist :key-type character :value-type character))

(defcustom electric-pair-text-pairs (list (cons ?\" ?\") (cons ?‘ ?’) (cons ?“ ?”)) "Pairs, (OPEN . CLOSE), paired inside comments and strings.
`electric-pair-pairs' still counts there too."
  :type '(alist :key-type character :value-type character))

(defcustom electric-pair-skip-self #'electric-pair-default-skip-self "Whether a closer typed just before an identical one replaces it.
Nil never, t always, or a function called with the character typed."
  :type '(choice boolean (function :tag "Asked for each character")))

(defcustom electric-pair-inhibit-predicate #'electric-pair-default-inhibit "A function of the opener just typed; non-nil refuses to insert its closer."
  :type '(choice (function-item electric-pair-default-inhibit)
                 (function-item electric-pair-conservative-inhibit) function))

(defcustom electric-pair-preserve-balance t "Non-nil means the default predicates pair and skip so as to keep balance." :type 'boolean)

(defcustom electric-pair-delete-adjacent-pairs t "Whether DEL between an opener and its closer deletes both.
A function of no arguments may decide each time."
  :type '(choice boolean (function :tag "Decided by")))

(defcustom electric-pair-open-newline-between-pairs t "Whether a newline typed between an opener and its closer opens an empty line.
A function of no arguments may decide each time."
  :type '(choice boolean (function :tag "Decided by")))

(defcustom electric-pair-skip-whitespace t "Whether a closer may be skipped over the whitespace before it.
With `chomp' that whitespace is also deleted.  A function of no
arguments may decide each time."
  :type '(choice (const :tag "Never" nil) (function :tag "Decided by")
                 (const :tag "Over and deleting the blanks" chomp) (other :tag "Over the blanks" t)))

(defcustom electric-pair-skip-whitespace-chars (list ?\t ?\s ?\n) "The whitespace characters `electric-pair-skip-whitespace' passes over."
  :type '(repeat :tag "Characters" character))

(defvar electric-pair-skip-whitespace-function #'electric-pair--skip-whitespace "A function of no arguments moving point over the whitespace before a closer.")

(defvar electric-pair-string-bound-function #'point-max "A function of no arguments giving where an unterminated string is taken to end.")

(defvar electric-pair-text-syntax-table prog-mode-syntax-table "The syntax table used to find pairs inside comments and strings.")

;;;; Which pair a character belongs to

(defun electric-pair--chars-pair (char pairs) "Describe CHAR from the alist PAIRS as (SYNTAX PARTNER), or return nil.
An opener is described as `(', a closer as `)' and a character paired
with itself as a string quote."
  (let ((as-open (assq char pairs))
        (as-close (rassq char pairs)))
    (cond ((null as-open) (and as-close (list ?\) (car as-close))))
          ((eq (cdr as-open) char) (list ?\" char))
          (t (list ?\( (cdr as-open))))))

(defun electric-pair--literal-start (&optional pos comment-only) "Return where the comment or string holding POS (default point) starts, or nil.
With COMMENT-ONLY, only a comment counts: quotes are weighed as code in a string."
  (let ((state (save-excursion (syntax-ppss (or pos (point))))))
    (and (or (nth 4 state) (not comment-only)) (nth 8 state))))

(defun electric-pair--class-of (char) "Describe CHAR from the syntax table in force as (SYNTAX PARTNER), or nil."
  (let ((class (char-syntax char)))
    (cond ((memq class '(?\( ?\))) (list class (matching-paren char)))
          ((memq class '(?\" ?$)) (list class char)))))

(defun electric-pair-syntax-info (command-event) "Describe COMMAND-EVENT, a character just inserted before point, for pairing.
The value is (SYNTAX PAIR UNCONDITIONAL STRING-OR-COMMENT-START), or nil
when it neither opens nor closes anything here.  SYNTAX is one of the
characters ( ) \" $; PAIR is the partner; UNCONDITIONAL is non-nil when
the pair comes from `electric-pair-pairs' or `electric-pair-text-pairs'
rather than from syntax; the last element is where the comment or
string holding the character starts, if it is in one."
  (let* ((literal (and (electric-pair--literal-start (point))
                       ;; A quote that just closed its string is weighed as code.
                       (electric-pair--literal-start (max (point-min) (1- (point))))))
         (by-table (if literal
                       (with-syntax-table electric-pair-text-syntax-table (electric-pair--class-of command-event))
                     (electric-pair--class-of command-event))))
    (if by-table
        (nconc by-table (list nil literal))
      (let ((by-list (electric-pair--chars-pair
                      command-event (if literal (append electric-pair-text-pairs electric-pair-pairs) electric-pair-pairs))))
        (and by-list (nconc by-list (list t literal)))))))

;;;; Balance

(defun electric-pair--region-of-literal (start) "Return (BEG . END), the text of the comment or string starting at START.
Comments next to each other count as one; a string with no end runs to
what `electric-pair-string-bound-function' says."
  (save-excursion (goto-char start)
    (cond ((nth 3 (save-excursion (syntax-ppss (min (point-max) (1+ start)))))
           (cons (1+ start) (if (ignore-errors (forward-sexp 1) t) (1- (point))
                              (funcall electric-pair-string-bound-function))))
          (t (let ((stop (progn (forward-comment (buffer-size)) (point))))
               ;; Back over the comments before this one, then forward over
               ;; the blanks and line ends that are no part of the text.
               (goto-char start) (forward-comment (- (buffer-size))) (skip-syntax-forward " >!")
               (cons (point) stop))))))

(defun electric-pair--call-in-context (literal thunk) "Call THUNK where the balance of point's context is seen, returning its value.
In code that is the whole buffer with its own syntax table; inside a
comment or string starting at LITERAL, the narrowed text of that comment
or string, read with `electric-pair-text-syntax-table'."
  (let ((bounds (and literal (electric-pair--region-of-literal literal))))
    (save-excursion (save-restriction
        (if (null bounds) (funcall thunk)
          (narrow-to-region (car bounds) (max (car bounds) (cdr bounds)))
          ;; Syntax properties and the cache of `syntax-ppss' belong to the code.
          (let ((syntax-propertize-function nil) (parse-sexp-lookup-properties nil))
            (with-syntax-table electric-pair-text-syntax-table (funcall thunk))))))))

(defun electric-pair--list-edge (pos forward) "Where the list holding POS ends, FORWARD or backward: the closer or the opener.
Nil when the text runs out first.  The scan's error names that delimiter;
an opener left without closer is named by the other error, and ignored."
  (let ((edge (condition-case failure
                  (ignore (scan-sexps pos (if forward (buffer-size) (- (buffer-size)))))
                (scan-error (nth 2 failure)))))
    (and (integerp edge) (< edge (point-max))
         (eq (char-syntax (char-after edge)) (if forward ?\) ?\())
         edge)))

(defun electric-pair--level (at forward) "Describe the list holding AT from its edge met going FORWARD or backward.
The value is nil with no list, else (MATCHED-P CHAR NEXT): CHAR is that
edge, MATCHED-P whether the other edge is its partner, NEXT where to look
for the list outside this one."
  (let ((edge (electric-pair--list-edge at forward)))
    (cond (edge (let* ((char (char-after edge))
                       (other (if forward (electric-pair--list-edge at nil)
                                (ignore-errors (1- (scan-lists edge 1 0))))))
                  (list (and other (eq (char-after other) (matching-paren char))) char
                        (if forward (1+ edge) edge))))
          ;; Going forward, an opener never closed makes a list not matched.
          ((and forward (electric-pair--list-edge at nil)) (list nil nil nil)))))

(defun electric-pair--balance-info (direction string-or-comment) "Describe the lists around point, going outward in DIRECTION's sign.
STRING-OR-COMMENT is where the comment or string holding point starts,
if it is in one.  The value is (INNERMOST . OUTERMOST), each of the form
\(MATCHED-P . CHAR): CHAR is the delimiter met in DIRECTION and MATCHED-P
tells whether the one at the other end of that list is its partner.
Going outward stops at the first list whose ends do not match or when no
list is left; with no list around point at all the value is ((t) . (t))."
  (electric-pair--call-in-context
   string-or-comment
   (lambda ()
     (let* ((forward (> direction 0))
            (first (electric-pair--level (point) forward))
            (level first))
       ;; Outward while the lists match; running out of lists leaves (t).
       (while (and level (car level))
         (setq level (and (nth 2 level) (electric-pair--level (nth 2 level) forward))))
       (cons (if first (cons (car first) (nth 1 first)) (list t))
             (if level (cons (car level) (nth 1 level)) (list t)))))))

(defun electric-pair--unbalanced-strings-p (char) "Tell whether the strings of point's context end inside one quoted by CHAR.
The context is the code, ignoring strings around point, or the comment
holding point."
  (eq char (nth 3 (electric-pair--call-in-context (electric-pair--literal-start nil t)
                                                  (lambda ()
                                                    ;; Literals' syntax properties may be stale after the edit.
                                                    (syntax-propertize (point-max))
                                                    (parse-partial-sexp (point-min) (point-max)))))))

(defun electric-pair--syntax-ppss (&optional pos where) "Return the parse state at POS (default point), leaving point there.
Inside a comment or string of the kinds WHERE lists (default both,
`comment' and `string'), the state is that of its own text read with
`electric-pair-text-syntax-table', from where that text starts (for a
comment, the first of the comments next to it); elsewhere it is
`syntax-ppss''s."
  (let* ((at (or pos (point)))
         (state (syntax-ppss at))
         (kinds (or where '(string comment)))
         (literal (and (or (and (nth 3 state) (memq 'string kinds)) (and (nth 4 state) (memq 'comment kinds)))
                       (nth 8 state))))
    (if (null literal) state
      (let ((from (car (electric-pair--region-of-literal literal)))
            (syntax-propertize-function nil) (parse-sexp-lookup-properties nil))
        (with-syntax-table electric-pair-text-syntax-table
          (parse-partial-sexp (min from at) at))))))

(defun electric-pair--inside-string-p (char) "Tell whether point is inside a string quoted by CHAR, in its context.
The value is then a list holding CHAR."
  (memq char (list (nth 3 (save-excursion (electric-pair--syntax-ppss (point) '(comment)))))))

(defun electric-pair--weigh (char judge &optional keep-point) "Call JUDGE with the syntax info of CHAR, typed just before point, while CHAR is out.
CHAR then goes back after point, so that point ends before it, or after
it with KEEP-POINT.  The buffer's undo list is not told: the text comes
back as it was."
  (let ((info (electric-pair-syntax-info char)))
    (when info
      (let ((buffer-undo-list t))
        (delete-region (1- (point)) (point))
        (unwind-protect (funcall judge info)
          (if keep-point (insert char) (save-excursion (insert char))))))))

(defun electric-pair-inhibit-if-helps-balance (char) "Refuse to pair CHAR, just typed, when its closer would unbalance the text.
An opener is not paired when a list around point lacks exactly that
closer's opener; a quote is not paired when the strings after it are
already left open.  Point ends before CHAR."
  (electric-pair--weigh
   char (lambda (info)
          (cond ((eq (car info) ?\")
                 (electric-pair--unbalanced-strings-p char))
                ((eq (car info) ?\()
                 (let ((outer (cdr (electric-pair--balance-info 1 (nth 3 info)))))
                   (unless (car outer) (eq (nth 1 info) (cdr outer)))))))))

(defun electric-pair--skip-judge (char info) "Tell whether CHAR, described by INFO and taken out before point, may skip its twin.
A quote may inside a string it ends.  A closer may when its own list is
matched, unless an outer list is left open by exactly its opener."
  (pcase (car info)
    (?\" (electric-pair--inside-string-p char))
    (?\) (let* ((both (electric-pair--balance-info -1 (nth 3 info)))
                (outer (cdr both)))
           (and (car (car both))
                (or (car outer) (not (eq (nth 1 info) (cdr outer)))))))))

(defun electric-pair-skip-if-helps-balance (char) "Skip the closer after CHAR, just typed, when that keeps the text balanced.
Point stays after CHAR."
  (electric-pair--weigh char (lambda (info) (electric-pair--skip-judge char info)) t))

(defun electric-pair-conservative-inhibit (char) "Refuse to pair CHAR next to the same character, after two of them, or before a word."
  (cond ((eq char (char-after)) t)
        ((eq ?w (char-syntax (following-char))) t)
        (t (and (eq char (char-before)) (eq char (char-before (1- (point))))))))

(defun electric-pair-default-inhibit (char) "Refuse to pair CHAR as `electric-pair-preserve-balance' asks.
With it, as `electric-pair-inhibit-if-helps-balance' does; without,
as `electric-pair-conservative-inhibit' does."
  (funcall (if electric-pair-preserve-balance #'electric-pair-inhibit-if-helps-balance
             #'electric-pair-conservative-inhibit)
           char))

(defun electric-pair-default-skip-self (char) "Skip over CHAR always, or as balance decides with `electric-pair-preserve-balance'."
  (or (not electric-pair-preserve-balance) (electric-pair-skip-if-helps-balance char)))

;;;; Typing

(defun electric-pair--setting (value) "Return VALUE, or what it gives when it is a function of no arguments."
  (if (functionp value) (funcall value) value))

(defun electric-pair--literal-limit (literal) "Where the comment or string starting at LITERAL stops: its text's end, a comment's ender left out."
  (if (nth 3 (save-excursion (syntax-ppss)))
      (cdr (electric-pair--region-of-literal literal))
    (save-excursion (goto-char literal) (forward-comment 1)
                    (- (point) (if (eq ?> (char-syntax (preceding-char))) 1 0)))))

(defun electric-pair--skip-whitespace () "Move point over `electric-pair-skip-whitespace-chars', within its comment or string."
  (let* ((literal (electric-pair--literal-start))
         (limit (if literal (max (point) (electric-pair--literal-limit literal)) (point-max))))
    (skip-chars-forward (concat electric-pair-skip-whitespace-chars) limit)))

(defun electric-pair--insert (char) "Insert CHAR as if typed, with Electric Pair mode off meanwhile."
  (let ((electric-pair-mode nil) (blink-matching-paren nil) (last-command-event char))
    (self-insert-command 1 char)))

(defun electric-pair--at (pos function char) "Call FUNCTION with CHAR at POS and return its value, point coming back after.
Point is kept as a number: the predicates take the character out and put
it back, which a marker would not survive."
  (let ((back-to (point)))
    (unwind-protect (progn (goto-char pos) (funcall function char))
      (goto-char back-to))))

(defun electric-pair--escaped-p (pos) "Tell whether the character before POS is quoted by an odd run of escape characters."
  (let ((start (1- pos)))
    (save-excursion (goto-char start)
      (skip-syntax-backward "\\/")
      (= 1 (logand 1 (- start (point)))))))

(defun electric-pair--wrap (syntax pair end) "Put the text of the region between the character just typed before END and PAIR.
SYNTAX is the character's."
  (let* ((typed (char-before end))
         (pos (progn (delete-region (1- end) end) (1- end)))
         (low (min pos (mark)))
         (high (max pos (mark)))
         (closing (eq syntax ?\)))
         (after-opener (or (eq syntax ?\() (and (not closing) (= pos low)))))
    (goto-char high) (insert (if closing typed pair))
    (goto-char low) (insert (if closing pair typed))
    (goto-char (if after-opener (1+ low) (+ 2 high)))))

(defun electric-pair--try-skip (syntax unconditional) "Skip over the closer after the character just typed, if wanted; non-nil if done.
SYNTAX and UNCONDITIONAL describe that character."
  (let* ((typed last-command-event)
         (how electric-pair-skip-self)
         (wanted (or unconditional (if (functionp how) (electric-pair--at (point) how typed) how)))
         (blanks (and wanted (not (and unconditional (eq syntax ?\")))
                      (electric-pair--setting electric-pair-skip-whitespace)))
         (typed-at (1- (point)))
         (closer-at (and wanted (save-excursion
                                  (if blanks (funcall electric-pair-skip-whitespace-function))
                                  (and (eq typed (char-after)) (point))))))
    (when closer-at
      ;; The typed character goes; with `chomp' the blanks go with it.
      (delete-region typed-at (if (eq blanks 'chomp) closer-at (1+ typed-at)))
      (goto-char (1+ (if (eq blanks 'chomp) typed-at (1- closer-at))))
      t)))

(defun electric-pair--pair-wanted-p (end unconditional) "Tell whether the opener typed before END gets its closer."
  (cond (overwrite-mode nil)
        (unconditional t)
        (t (not (electric-pair--at end electric-pair-inhibit-predicate last-command-event)))))

(defun electric-pair--typed-end () "Where the character just typed ends: point, or before the blanks and newlines after it."
  (let ((typed last-command-event))
    (save-excursion
      (unless (eq (char-before) typed) (skip-chars-backward " \t\n"))
      (and (eq (char-before) typed) (point)))))

(defun electric-pair-post-self-insert-function () "Pair, skip or wrap around the character just typed, in Electric Pair mode."
  (let* ((end (and electric-pair-mode (electric-pair--typed-end)))
         (info (and end (characterp last-command-event) (not (electric-pair--escaped-p end))
                    (electric-pair-syntax-info last-command-event)))
         (syntax (car info)))
    (pcase-let ((`(,_ ,pair ,unconditional) info))
      (cond ((null info))
            ((use-region-p) (electric-pair--wrap syntax pair end))
            ((and (memq syntax '(?\) ?\" ?$)) (= end (point)) (electric-pair--try-skip syntax unconditional)))
            ((and (memq syntax '(?\( ?\" ?$)) (electric-pair--pair-wanted-p end unconditional))
             ;; The closer goes at point: after any newline or blanks Electric
             ;; Layout put after the opener.
             (save-excursion (electric-pair--insert pair)))))))

(defun electric-pair-open-newline-between-pairs-psif () "After a newline typed between an opener and its closer, open an empty line."
  (and electric-pair-mode
       (eq ?\n last-command-event)
       (> (point) (1+ (point-min)))
       (< (point) (point-max))
       (let ((opener (save-excursion (skip-chars-backward " \t") (char-before (max (point-min) (1- (point)))))))
         (and opener (eq (matching-paren (char-after)) opener)))
       (electric-pair--setting electric-pair-open-newline-between-pairs)
       (save-excursion (newline 1 'interactive))))

(defun electric-pair-will-use-region () "Tell whether the character being typed will wrap the region rather than replace it."
  (when (use-region-p) (memq (car (electric-pair-syntax-info last-command-event)) '(?\( ?\) ?\" ?$))))

(defun electric-pair-delete-pair (arg &optional killp) "Delete the closer after point and ARG characters before it.
KILLP non-nil (interactively, a prefix argument) saves the text deleted
backward in the kill ring." (interactive "*p\nP")
  (delete-char 1 nil)
  (if (not (derived-mode-p 'text-mode))
      (backward-delete-char-untabify arg killp)
    (delete-char (- arg) killp)))

(defun electric-pair--delete-filter (command) "Give COMMAND when point is between an opener and its closer and DEL should take both."
  (let* ((before (char-before))
         (info (and before (electric-pair-syntax-info before))))
    (and (memq (car info) '(?\( ?\" ?$))
         (char-after) (eq (char-after) (nth 1 info))
         (electric-pair--setting electric-pair-delete-adjacent-pairs)
         command)))

(defvar electric-pair-mode-map (let ((keys (make-sparse-keymap)))
    (define-key keys [?\d] (list 'menu-item "" #'electric-pair-delete-pair :filter #'electric-pair--delete-filter))
    keys)
  "Keys of Electric Pair mode: DEL deletes both halves of an empty pair.")

(defconst electric-pair--hooks
  '((post-self-insert-hook electric-pair-post-self-insert-function 50)
    (post-self-insert-hook electric-pair-open-newline-between-pairs-psif 50)
    (self-insert-uses-region-functions electric-pair-will-use-region 0))
  "The global hooks Electric Pair mode puts its functions on, with their depths.")

(defun electric-pair--set-hooks (on) "Put the functions of Electric Pair mode on their hooks if ON, else take them off."
  (pcase-dolist (`(,hook ,fn ,depth) electric-pair--hooks)
    (if on (add-hook hook fn depth) (remove-hook hook fn))))

(define-minor-mode electric-pair-mode "Toggle inserting the closer of each opener typed, in every buffer.
Which characters pair comes from the syntax table and from
`electric-pair-pairs' (`electric-pair-text-pairs' in comments and
strings).  A closer typed before the same closer is skipped over, and
with an active region an opener or closer wraps it.  See
`electric-pair-local-mode' for one buffer only."
  :group 'electricity :global t
  ;; Off: the functions stay while some buffer keeps the mode for itself.
  (electric-pair--set-hooks
   (or electric-pair-mode (seq-some (lambda (b) (buffer-local-value 'electric-pair-mode b)) (buffer-list)))))

(define-minor-mode electric-pair-local-mode "Toggle Electric Pair mode in this buffer only, leaving other buffers as they are."
  :variable (buffer-local-value 'electric-pair-mode (current-buffer))
  (electric--keep-local 'electric-pair-mode)
  (when electric-pair-mode (electric-pair--set-hooks t)))

(provide 'elec-pair)
