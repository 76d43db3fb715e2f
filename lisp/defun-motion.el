;;; defun-motion.el --- moving over, marking and editing defuns and sexps  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (the
;; commands of its emacs-lisp/lisp.el that syntax.el does not have);
;; autoloaded from autoloads.el.

(defvar defun-prompt-regexp nil "Regexp for text that may come before the open paren of a defun, or nil.")
(make-variable-buffer-local 'defun-prompt-regexp)
(defvar beginning-of-defun-function nil "Function that `beginning-of-defun' calls with its count instead, or nil.")
(defvar end-of-defun-function (lambda () (forward-sexp 1)) "Function that moves from a defun's start to its end, for `end-of-defun'.")
(defvar end-of-defun-moves-to-eol t "Non-nil when `end-of-defun' goes to the end of the line before looking.")
(defvar parens-require-spaces t "Non-nil when `insert-pair' puts spaces between the pair and words next to it.")
(defvar insert-pair-alist (list (list ?\( ?\)) (list ?\[ ?\]) (list ?\{ ?\}) (list ?< ?>) (list ?\" ?\") (list ?\' ?\') (list ?` ?\'))
  "Pairs `insert-pair' inserts: (OPEN CLOSE), or (KEY OPEN CLOSE) for another key.")
(defvar delete-pair-blink-delay 1 "Seconds `delete-pair' shows the closing character before deleting; 0 for none.")
(defvar narrow-to-defun-include-comments nil "Non-nil when `narrow-to-defun', run as a command, keeps the comments before the defun.")

;;; Where defuns start.

(defun defun-motion--start-regexp () "Regexp for the start of a defun in column 0 (with an optional prompt)."
  (if defun-prompt-regexp
      (concat "^\\(?:" defun-prompt-regexp "\\)?\\s(")
    "^\\s("))

(defun defun-motion--top-level-open-p (pos) "Non-nil when POS holds an open paren outside every list, string and comment."
  (save-excursion (let ((state (syntax-ppss pos)))
      (and (= (car state) 0) (not (nth 3 state)) (not (nth 4 state))))))

(defun defun-motion--column-0-search (count forward) "Search COUNT column-0 defun starts away, FORWARD or back; t when found.
As GNU's search does, only the last match is checked for lying in a
string or comment; if it does, the whole search is made again from it."
  (let ((re (defun-motion--start-regexp)))
    (catch 'result
      (while t
        (when (and forward (not (eobp))) (forward-char 1))
        (unless (if forward
                    (re-search-forward re nil 'move count)
                  (re-search-backward re nil 'move count))
          (throw 'result nil))
        (goto-char (1- (match-end 0)))
        (let ((state (save-excursion (syntax-ppss (point)))))
          (unless (or (nth 3 state) (nth 4 state))
            (throw 'result t)))))))

(defun defun-motion--find-start (forward) "Move to the paren that starts the next defun (FORWARD) or the previous one.
Return non-nil when one was found; otherwise leave point at the buffer's
end in that direction."
  (if (or defun-prompt-regexp open-paren-in-column-0-is-defun-start)
      (defun-motion--column-0-search 1 forward)
    ;; No column rule: any open paren at depth 0 starts a defun.
    (catch 'result
      (while (if forward
                 (progn (unless (eobp) (forward-char 1))
                        (re-search-forward "\\s(" nil 'move))
               (re-search-backward "\\s(" nil 'move))
        (let ((paren (if forward (1- (point)) (point))))
          (when (defun-motion--top-level-open-p paren)
            (goto-char paren)
            (throw 'result t))))
      nil)))

(defun beginning-of-defun-raw (&optional arg) "Move to the open paren of the defun before point, ARG times.
A negative ARG moves to the starts of following defuns.  Return t on
success; nil, at the buffer's start or end, when there are fewer." (interactive "^p")
  (let ((reps (prefix-numeric-value arg)))
    (cond
     (beginning-of-defun-function
      (condition-case nil (progn (funcall beginning-of-defun-function reps) t)
        (error nil)))
     ((= reps 0) t)
     ((or defun-prompt-regexp open-paren-in-column-0-is-defun-start)
      (or (defun-motion--column-0-search (abs reps) (< reps 0))
          (progn (goto-char (if (< reps 0) (point-max) (point-min))) nil)))
     (t
      (let ((ok t) (forward (< reps 0)))
        (dotimes (_ (abs reps))
          (when ok (setq ok (defun-motion--find-start forward))))
        (unless ok (goto-char (if forward (point-max) (point-min))))
        ok)))))

(defun beginning-of-defun (&optional arg) "Move to the start of the line of the defun before point, ARG times.
Negative ARG moves to following defuns.  A defun starts at an open paren
in column 0 (after a `defun-prompt-regexp' match, if that is set), or at
any top-level open paren when `open-paren-in-column-0-is-defun-start' is
nil.  Return t when found, nil otherwise." (interactive "^p")
  (when (beginning-of-defun-raw arg) (forward-line 0)
    t))

(defun beginning-of-defun--in-emptyish-line-p () "Non-nil when the line of point holds only blanks and comments.
The empty line at the end of a buffer does not count."
  (save-excursion (forward-line 0)
    (let ((eol (line-end-position)))
      (and (< eol (point-max))
           (progn (skip-chars-forward " \t" eol)
                  (or (= (point) eol)
                      (progn (forward-comment (buffer-size)) (> (point) eol))))))))

(defun defun-motion--comment-line-p () "Non-nil when the line of point is a comment, possibly indented."
  (save-excursion (forward-line 0) (skip-chars-forward " \t")
    (let ((text (point)))
      (and (not (eolp))
           (let ((state (syntax-ppss (1+ text))))
             (and (nth 4 state) (= (nth 8 state) text)))))))

(defun beginning-of-defun-comments (&optional arg) "Move to the start of the ARGth defun before point and its comments.
Comment lines right above the defun, with no blank line between, count
as part of it." (interactive "^p")
  (beginning-of-defun arg)
  (let ((top (point)))
    (while (and (> top (point-min))
                (save-excursion (goto-char top) (forward-line -1)
                                (defun-motion--comment-line-p)))
      (setq top (save-excursion (goto-char top) (forward-line -1) (point)))) (goto-char top)
    (forward-line 0)))

;;; Where defuns end.

(defun defun-motion--rethrow (err interactive) "Signal ERR again, or as a `user-error' with its message when INTERACTIVE."
  (when interactive (user-error "%s" (cadr err)))
  (signal (car err) (cdr err)))

(defun defun-motion--tail () "Move from a defun's last character to where `end-of-defun' stops.
Blanks and a comment after it are passed, and with them the line's end." (skip-chars-forward " \t")
  (when (or (eolp) (looking-at "\\s<")) (forward-line 1)))

(defun defun-motion--starts () "Every place a defun starts, in buffer order (the open paren's position)."
  (save-excursion (goto-char (point-min))
    (let ((starts nil))
      (when (if (or defun-prompt-regexp open-paren-in-column-0-is-defun-start)
                (looking-at (defun-motion--start-regexp))
              (eq (char-syntax (following-char)) ?\())
        (push (point-min) starts))
      (while (defun-motion--find-start t)
        (push (point) starts))
      (nreverse starts))))

(defun defun-motion--stop-after (start) "Where `end-of-defun' stops for the defun at START, or nil if it has no end."
  (save-excursion (goto-char start)
    (condition-case nil (progn (funcall end-of-defun-function)
               (and (> (point) start)
                    (progn (defun-motion--tail) (point))))
      (scan-error nil))))

(defun defun-motion--stops (starts) "The `end-of-defun' stops of the defuns at STARTS, in buffer order.
When no defun starts at the buffer's start, the text from there counts as
one too."
  (let ((stops (delq nil (mapcar #'defun-motion--stop-after
                                 (if (eq (car starts) (point-min))
                                     starts
                                   (cons (point-min) starts))))))
    (sort stops #'<)))

(defun defun-motion--next-stop (from starts) "Where one `end-of-defun' goes from FROM, given the defun STARTS."
  (let* ((before (seq-filter (lambda (s) (<= s from)) starts))
         (own (if before (car (last before)) (point-min)))
         (stop (defun-motion--stop-after own)))
    (if (and stop (> stop from))
        stop
      (let ((next (seq-find (lambda (s) (> s from)) starts)))
        (or (and next (defun-motion--stop-after next)) (point-max))))))

(defun end-of-defun (&optional arg interactive) "Move past the end of the defun around or after point, ARG times.
Negative ARG moves back to the ends of earlier defuns.  The end is just
after the defun's closing paren, past blanks and a comment on its line
and that line's newline.  INTERACTIVE reports a scan error as a
`user-error'." (interactive "^p\nd")
  (let ((reps (prefix-numeric-value arg)))
    (condition-case err (let ((starts (defun-motion--starts)))
          (cond
           ((> reps 0)
            (dotimes (_ reps) (goto-char (defun-motion--next-stop (point) starts))))
           ((< reps 0)
            (let* ((origin (point))
                   (behind (reverse (seq-filter (lambda (s) (< s origin))
                                                (defun-motion--stops starts)))))
              (goto-char (or (nth (1- (- reps)) behind) (point-min))))))
          nil)
      (scan-error (defun-motion--rethrow err interactive)))))

;;; Marking and narrowing.

(defun defun-motion--extend-mark-p (allow-extend) "Non-nil when a marking command should grow the marked text."
  (and allow-extend (mark t)
       (or mark-active (eq this-command last-command))))

(defun mark-sexp (&optional arg allow-extend) "Set the mark ARG sexps from point, where `forward-sexp' would go.
Repeated, or with an active mark and ALLOW-EXTEND, it marks ARG more
sexps after the marked ones." (interactive "P\np")
  (let ((reps (prefix-numeric-value arg)))
   (condition-case err (if (defun-motion--extend-mark-p allow-extend)
        ;; Grow away from point: backward when the mark is before it.
        (let ((step (cond (arg reps) ((>= (mark) (point)) 1) (t -1))))
          (set-mark (save-excursion (goto-char (mark)) (forward-sexp step) (point))))
      (push-mark (save-excursion (forward-sexp reps) (point)) nil t))
    (scan-error
     (user-error (if (equal (cadr err) "Containing expression ends prematurely")
                     "No sexp to select"
                   (cadr err)))))))

(defun defun-motion--stop-from (start) "Where `end-of-defun' stops for a defun starting at START (or the buffer's start)."
  (or (defun-motion--stop-after start) start))

(defun defun-motion--above-comments (spot) "SPOT moved up over the comment lines right above its line."
  (save-excursion (goto-char spot)
    (while (and (not (bobp))
                (save-excursion (forward-line -1) (defun-motion--comment-line-p)))  (forward-line -1))
    (point)))

(defun defun-motion--above-blanks (spot) "SPOT moved up over the blank lines right above its line."
  (save-excursion (goto-char spot)
    (while (and (not (bobp))
                (save-excursion (forward-line -1) (looking-at "[ \t]*$")))  (forward-line -1))
    (point)))

(defun narrow-to-defun (&optional include-comments) "Narrow to the defun around or after point.
INCLUDE-COMMENTS keeps the comment lines just before it in view."
  (interactive (list narrow-to-defun-include-comments))
  (let* ((origin (point))
         (end (save-excursion (end-of-defun 1) (point)))
         (start (save-excursion (goto-char end)
                                (if (beginning-of-defun 1) (point) (point-min)))))
    (when (> start origin)
      (setq start (save-excursion (if (beginning-of-defun 1) (point) (point-min)))))
    (when include-comments (setq start (defun-motion--above-comments start)))
    (narrow-to-region start end)
    nil))

(defun mark-defun (&optional arg interactive) "Put point at the start of the defun around or after point and the mark at its end.
The comment lines above it and the blank lines above those are included.
ARG defuns are marked; with an active mark, the marked text grows by ARG
defuns.  INTERACTIVE turns a scan error into a `user-error'." (interactive "p\nd")
  (let ((reps (prefix-numeric-value arg)))
    ;; Unlike the other marking commands, only an active region (in
    ;; Transient Mark mode) is grown: a repeated call marks afresh.
    (condition-case err (if (region-active-p)
            (if (< reps 0)
                ;; Grow the marked text backwards: point goes up over defuns.
                (progn (beginning-of-defun (- reps))
                       (goto-char (defun-motion--above-blanks (defun-motion--above-comments (point)))))
              (set-mark (save-excursion (goto-char (mark)) (end-of-defun reps) (point))))
          (let* ((origin (point))
                 ;; With no defun start before point, the text from the
                 ;; first sexp of the buffer counts as one.
                 (start (save-excursion
                          (if (beginning-of-defun 1) (point)
                            (goto-char (point-min))
                            (forward-comment (buffer-size))
                            (skip-chars-backward " \t")
                            (point))))
                 (end (defun-motion--stop-from start))
                 (inside (> end origin)))
            (if (< reps 0)
                ;; Backwards: the defun point is in, else the one before point,
                ;; and more before it.
                (when (< reps -1)
                  (setq start (save-excursion (goto-char start) (beginning-of-defun (- -1 reps))
                                              (point))))
              (unless inside
                ;; That one is behind point: take the next one, looking from its
                ;; end, not from point, which may be inside the next one's first
                ;; line.
                (let ((next (save-excursion
                              ;; From just before it: a defun may start right there.
                              (goto-char (max (point-min) (1- end)))
                              (and (beginning-of-defun -1) (< (point) (point-max)) (point)))))
                  (when next (setq start next end (defun-motion--stop-from next)))))
              (when (> reps 1)
                (setq end (save-excursion (goto-char end) (end-of-defun (1- reps)) (point)))))
            (push-mark end nil t)
            (goto-char (defun-motion--above-blanks (defun-motion--above-comments start)))
            (if (bobp) nil 0)))
      (scan-error (defun-motion--rethrow err interactive)))))

;;; Killing and rearranging sexps.

(defun defun-motion--kill-sexps (count interactive) "Kill from point over COUNT sexps; INTERACTIVE words a scan error for people."
  (let ((start-pos (point)))
    (condition-case err (forward-sexp count)
      (scan-error
       (if interactive
           (user-error (if (< count 0) "No previous sexp" "No next sexp"))
         (signal (car err) (cdr err)))))
    (kill-region start-pos (point))))

(defun kill-sexp (&optional arg interactive) "Kill ARG sexps after point (before it when ARG is negative).
INTERACTIVE reports a scan error as a `user-error'." (interactive "p\nd")
  (defun-motion--kill-sexps (prefix-numeric-value arg) interactive))

(defun backward-kill-sexp (&optional arg interactive) "Kill ARG sexps before point (after it when ARG is negative)."
  (interactive "p\nd")
  (defun-motion--kill-sexps (- (prefix-numeric-value arg)) interactive))

(defun defun-motion--sexps-text (count) "The text of the COUNT sexps after point."
  (let ((start-pos (point)))
    (save-excursion (forward-sexp count) (buffer-substring start-pos (point)))))

(defun defun-motion--replace-list (text) "Replace the list around point by TEXT, leaving point before it."
  (up-list -1)
  (let ((list-start (point)))
    (forward-sexp 1)
    (delete-region list-start (point)) (insert text)
    (goto-char list-start)
    nil))

(defun kill-backward-up-list (&optional arg) "Replace the ARG lists around the sexp after point by that sexp.
The lists go to the kill ring." (interactive "p")
  (let ((keep (defun-motion--sexps-text 1)))
    (up-list (- (prefix-numeric-value arg)))
    (defun-motion--kill-sexps 1 nil)
    (insert keep)
    (backward-char (length keep))))

(defun raise-sexp (&optional arg) "Replace the list around point by the ARG sexps after point.
With an active region, the region's text replaces the list instead." (interactive "p")
  (defun-motion--replace-list
   (if (use-region-p)
       (buffer-substring (region-beginning) (region-end))
     (defun-motion--sexps-text (prefix-numeric-value arg)))))

(defun defun-motion--pair-for (event) "The (OPEN CLOSE) pair `insert-pair-alist' gives for EVENT, or nil."
  (let ((base (and (integerp event) (event-basic-type event))))
    (catch 'pair
      (dolist (entry insert-pair-alist)
        (cond ((and (= (length entry) 3)
                    (or (eq (car entry) event) (eq (car entry) base)))
               (throw 'pair (cdr entry)))
              ((and (= (length entry) 2)
                    (or (eq (car entry) event) (eq (car entry) base)))
               (throw 'pair entry)))))))

(defun defun-motion--space-before-open (close) "Insert a space if the character before point would touch an opening one.
That is a word or symbol character, or one of the class of CLOSE."
  (when (and parens-require-spaces (not (bobp))
             (memq (char-syntax (char-before)) (list ?w ?_ (char-syntax close))))
    (insert " ")))

(defun defun-motion--space-after-close (open) "Insert a space, keeping point, if the character after point would touch a closing one."
  (when (and parens-require-spaces (not (eobp))
             (memq (char-syntax (char-after)) (list ?w ?_ (char-syntax open))))
    (save-excursion (insert " "))))

(defun insert-pair (&optional arg open close) "Put OPEN and CLOSE around the ARG sexps after point, leaving point after OPEN.
Negative ARG encloses sexps before point; no ARG (or 0) inserts the pair
with point between.  An active region is enclosed instead.  With OPEN and
CLOSE nil the pair comes from `insert-pair-alist' for the last key typed;
with no pair there, that key is inserted ARG times." (interactive "P")
  (cond
     ((not (and open close))
      (let ((pair (defun-motion--pair-for last-command-event)))
        (if pair
            (insert-pair arg (car pair) (cadr pair))
          (self-insert-command (prefix-numeric-value arg)))))
     ((use-region-p)
      (let ((left (region-beginning)) (right (copy-marker (region-end))))
        (goto-char left) (insert open)
        (save-excursion (goto-char right) (insert close)) (set-marker right nil)
        nil))
     (t
      (let ((reps (if arg (prefix-numeric-value arg) 0)))
        (when (< reps 0)
          (forward-sexp reps)
          (setq reps (- reps)))
        (unless (= reps 0) (skip-chars-forward " \t"))
        (defun-motion--space-before-open close) (insert open)
        (save-excursion (unless (= reps 0) (forward-sexp reps)) (insert close)
          (defun-motion--space-after-close open))))))

(defun insert-parentheses (&optional arg) "Put parentheses around the ARG sexps after point, leaving point after the open paren.
Negative ARG encloses sexps before point; no ARG inserts () with point
between." (interactive "P")
  (insert-pair arg ?\( ?\)))

(defun defun-motion--pair-p (open close) "Non-nil when OPEN and CLOSE are a pair of `insert-pair-alist'."
  (seq-some (lambda (entry)
              (equal (last entry 2) (list open close)))
            insert-pair-alist))

(defun defun-motion--drop-chars (&rest positions) "Delete the character at each of POSITIONS, the later ones first."
  (dolist (at (sort positions #'>))
    (delete-region at (1+ at))))

(defun delete-pair (&optional arg) "Delete the character after point and the one closing the ARG sexps that start there.
The two must be a pair of `insert-pair-alist'.  Negative ARG works on the
pair around the sexps before point." (interactive "P")
  (let ((reps (if arg (prefix-numeric-value arg) 1)))
    (save-excursion
      (if (< reps 0)
          (let ((after-close (progn (skip-chars-backward " \t") (point))))
            (forward-sexp reps)
            (if (defun-motion--pair-p (char-after) (char-before after-close))
                (defun-motion--drop-chars (point) (1- after-close))
              (error "Not after matching pair")))
        (let ((open-at (progn (skip-chars-forward " \t") (point))))
          (forward-sexp reps)
          (if (defun-motion--pair-p (char-after open-at) (char-before))
              (defun-motion--drop-chars open-at (1- (point)))
            (error "Not before matching pair")))))))

(defun check-parens () "Signal a `user-error' at the first unbalanced paren or quote of the buffer.
Point is left at the offending character; a balanced buffer gives nil." (interactive)
  (let ((scan-at (point-min)))
    (condition-case err (progn
          (while (setq scan-at (scan-sexps scan-at 1)))
          nil)
      (scan-error (push-mark)
       (goto-char (nth 2 err))
       (user-error "Unmatched bracket or quote")))))

(defun move-past-close-and-reindent () "Move past the next close paren, joining it to the text before it, then open a new line after it."
  (interactive)
  (up-list 1)
  (let* ((paren (1- (point)))
         (line-start (save-excursion (goto-char paren) (line-beginning-position))))
    ;; A close paren alone on its line joins the line above, unless that
    ;; line ends inside a comment.
    (when (and (> line-start (point-min))
               (string-match-p "\\`[ \t]*\\'" (buffer-substring line-start paren))
               (not (nth 4 (save-excursion (syntax-ppss (1- line-start))))))
      (delete-region (1- line-start) paren)))
  (insert ?\n)
  (indent-according-to-mode)
  nil)

(provide 'defun-motion)

;;; defun-motion.el ends origin
