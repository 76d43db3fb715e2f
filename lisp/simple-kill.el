;;; simple-kill.el --- the kill ring and the commands that kill and yank  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (test/corpus/simple-kill.el).
;; The user options (`kill-ring', `kill-ring-max', `kill-whole-line', ...) are
;; declared in autoloads.el, so that a `let' of them is dynamic before this file loads.

;;;; Buffer text as a kill sees it

(defun buffer-substring--filter (beg end &optional delete) "Text from BEG to END as `filter-buffer-substring' gives it by default.
DELETE non-nil means the text also leaves the buffer."
  (let ((text (if delete
                  ;; Deleted from BEG, as GNU does: the undo entry says point was there.
                  (save-excursion (goto-char beg) (delete-and-extract-region beg end))
                (buffer-substring beg end))))
    ;; The obsolete filter list still applies, in order.
    (with-no-warnings
      (let ((filters buffer-substring-filters))
        (while filters
          (setq text (funcall (pop filters) text)))))
    text))

(defun filter-buffer-substring (beg end &optional delete) "Return the text between BEG and END through `filter-buffer-substring-function'.
With DELETE non-nil the text is deleted as well.  Commands that copy text
to the kill ring go through here, so modes can hide or change what is copied."
  (funcall filter-buffer-substring-function beg end delete))

;;;; The ring itself

(defun simple-kill--check-string (object) "Signal the error GNU gives when OBJECT, meant as kill text, is not a string."
  (unless (stringp object)
    (signal 'wrong-type-argument
            (list (if (sequencep object) 'stringp 'sequencep) object))))

(defun simple-kill--tell-others (text) "Hand TEXT to `interprogram-cut-function', when there is one."
  (when interprogram-cut-function
    (funcall interprogram-cut-function text)))

(defun kill-new (string &optional replace) "Make STRING the newest kill in `kill-ring'.
With REPLACE non-nil, STRING takes the place of the newest kill instead of
going in front of it.  `kill-transform-function' may change STRING first or
veto it by returning nil; `kill-do-not-save-duplicates' drops a STRING equal
to the newest kill.  The yank pointer is reset to the newest kill."
  (simple-kill--check-string string)
  (let ((text (if kill-transform-function
                  (funcall kill-transform-function string)
                string)))
    (when text
      (let ((duplicate (and kill-do-not-save-duplicates kill-ring
                            (equal-including-properties text (car kill-ring)))))
        (cond ((and replace kill-ring) (setcar kill-ring text))
              (duplicate nil)
              (t (push text kill-ring)
                 (let ((cut (and (natnump kill-ring-max)
                                 (nthcdr (max 0 (1- kill-ring-max)) kill-ring))))
                   (when cut (setcdr cut nil)))))
        (setq kill-ring-yank-pointer kill-ring)
        (simple-kill--tell-others text))))
  nil)

(defun kill-append (string before-p) "Join STRING to the newest kill: in front of it when BEFORE-P, else after it.
With an empty kill ring STRING simply becomes the newest kill."
  (let ((newest (car kill-ring)))
    (kill-new (cond ((null kill-ring) string)
                    (before-p (concat string newest))
                    (t (concat newest string)))
              (and kill-ring t))))

(defun simple-kill--pasted () "Kills offered by `interprogram-paste-function', pushed onto the ring; the newest or nil."
  (let ((offered (and interprogram-paste-function
                      (funcall interprogram-paste-function))))
    (when offered
      (let ((interprogram-cut-function nil)
            (items (if (listp offered) offered (list offered))))
        ;; The first item offered is the newest, so it is pushed last.
        (dolist (item (reverse items))
          (kill-new item)))
      (car kill-ring))))

(defun current-kill (n &optional do-not-move) "Return the kill N places after the one the yank pointer is at.
N wraps around the ring and may be negative.  Unless DO-NOT-MOVE, the
yank pointer moves there.  Text offered by `interprogram-paste-function'
wins over the ring: it becomes the newest kill and is returned."
  (or (simple-kill--pasted)
      (let* ((size (length kill-ring))
             (steps (+ n (- size (length kill-ring-yank-pointer)))))
        (unless kill-ring (error "Kill ring is empty"))
        (let ((target (nthcdr (mod steps size) kill-ring)))
          (unless do-not-move
            (setq kill-ring-yank-pointer target))
          (car target)))))

(defun rotate-yank-pointer (arg) "Move the yank pointer ARG kills further along the ring." (interactive "p")
  (current-kill arg))

;;;; Killing

(defun simple-kill--region-args () "Interactive arguments of the region commands: mark, point and the flag `region'."
  (list (mark) (point) 'region))

(defun simple-kill--save (text backwards) "Put TEXT on the ring, joined to the last kill when the previous command killed.
BACKWARDS non-nil means TEXT came from before the earlier kill."
  (cond ((not (eq last-command 'kill-region)) (kill-new text))
        (t (kill-append text backwards))))

(defun simple-kill--take (beg end region delete) "Text a kill or copy takes: of the region when REGION, else of BEG..END; DELETE removes it."
  (cond (region (funcall region-extract-function (and delete 'delete)))
        (t (filter-buffer-substring beg end delete))))

(defun simple-kill--finish (&optional command) "End a kill or copy: the mark goes inactive, and COMMAND, if any, becomes `this-command'."
  (when command (setq this-command command))
  (setq deactivate-mark t)
  nil)

(defun copy-region-as-kill (beg end &optional region) "Save the text from BEG to END in the kill ring without deleting it.
REGION non-nil means the region, as `region-extract-function' gives it.
Right after a kill, the text is joined to that kill."
  (interactive (simple-kill--region-args))
  (let ((text (simple-kill--take beg end region nil)))
    (simple-kill--save text (unless region (> beg end))))
  (simple-kill--finish))

(defun kill-ring-save (beg end &optional region) "Like `copy-region-as-kill'; interactively it is the usual way to copy."
  (interactive (simple-kill--region-args))
  (simple-kill--finish (ignore (copy-region-as-kill beg end region))))

(defun simple-kill--refused (why beg end region) "The text could not be deleted because of error WHY: copy it, then complain or just say so."
  (copy-region-as-kill beg end region)
  (setq this-command 'kill-region)
  (unless kill-read-only-ok
    (signal (car why) (list (current-buffer))))
  (message "Read only text copied to kill ring"))

(defun kill-region (beg end &optional region) "Delete the text from BEG to END and save it in the kill ring.
REGION non-nil means kill the region as `region-extract-function' sees it.
Consecutive kills are joined into one entry.  In a read-only buffer or on
read-only text the text is copied instead, and the error is signalled
unless `kill-read-only-ok' is non-nil."
  (interactive (simple-kill--region-args))
  (or region (and beg end)
      (user-error "The mark is not set now, so there is no region"))
  (condition-case why
      (let ((text (simple-kill--take beg end region t))
            (joining (eq last-command 'kill-region)))
        (if (or text joining)
            (simple-kill--save (or text "") (unless region (> beg end)))))
    ((buffer-read-only text-read-only) (simple-kill--refused why beg end region)))
  (simple-kill--finish 'kill-region))

(defun append-next-kill (&optional interactive) "Make the next kill command join its text to the last kill.
INTERACTIVE non-nil (as from a key) marks the current command as a kill, for
the next one to see, and says so; from Lisp without it, a kill later in the
same command appends." (interactive "p")
  (cond (interactive
         (setq this-command 'kill-region)
         (message "If the next command is a kill, it will append"))
        (t (setq last-command 'kill-region)))
  nil)

(defun simple-kill--from-point (move) "Kill from point to where calling MOVE leaves point.
Point is moved first, so a kill that fails leaves point there."
  (let ((origin (point)))
    (funcall move)
    (kill-region origin (point))))

(defun simple-kill--line-end (count) "Move point to where `kill-line' with raw prefix COUNT stops.
Without COUNT, signal `end-of-buffer' when there is nothing left to kill."
  (if count
      (forward-line (prefix-numeric-value count))
    (when (eobp) (signal 'end-of-buffer nil))
    (let ((at-bol (bolp))
          (blank-rest (save-excursion (skip-chars-forward " \t") (eolp))))
      (cond (blank-rest (forward-line 1))
            (t (goto-char (line-end-position))
               (and kill-whole-line at-bol (not (eobp))
                    (forward-char 1)))))))

(defun kill-line (&optional arg) "Kill the rest of the current line; at its end, or before only blanks, the newline too.
With a numeric ARG, kill that many lines forward, newlines included;
zero or negative ARG kills backward to the start of the line that far back.
At the start of a line, `kill-whole-line' non-nil makes the kill take the newline." (interactive "P")
  (simple-kill--from-point (lambda () (simple-kill--line-end arg))))

(defun simple-kill--joined-kills (&rest spans) "Kill each of SPANS, a list of thunks returning (FROM . TO), as one entry of the ring."
  (dolist (span spans)
    (let ((where (funcall span)))
      (kill-region (car where) (cdr where))
      (setq last-command 'kill-region))))

(defun kill-whole-line (&optional arg) "Kill the current line, newline included; ARG lines (default 1).
Negative ARG kills that many lines backward, taking the newline before
them; zero kills the line's text but leaves the newline." (interactive "p")
  (let ((n (or arg 1))
        (lone-empty-line (= (line-beginning-position) (line-end-position))))
    (when (and lone-empty-line (> n 0) (eobp)) (signal 'end-of-buffer nil))
    (when (and lone-empty-line (< n 0) (bobp)) (signal 'beginning-of-buffer nil))
    (let ((fresh (not (eq last-command 'kill-region))))
      ;; An empty entry to join to, so the pieces below make a single kill.
      (when fresh (kill-new "") (setq last-command 'kill-region)))
    (let ((before (lambda () (cons (line-beginning-position) (point))))
          (after (lambda () (cons (point) (line-end-position)))))
      (cond
       ((= n 0) (simple-kill--joined-kills before after))
       ((> n 0)
        (simple-kill--joined-kills
         before (lambda () (cons (point) (progn (forward-line n) (point))))))
       (t
        (simple-kill--joined-kills
         after (lambda () (cons (point)
                                (progn (forward-line (1+ n))
                                       (if (bobp) (point) (1- (point))))))))))
    (setq this-command 'kill-region)
    nil))

(defun kill-word (arg) "Kill from point to the end of the ARGth word after it (before it when ARG is negative)." (interactive "p")
  (simple-kill--from-point (lambda () (forward-word arg))))

(defun backward-kill-word (arg) "Kill from point back to the start of the ARGth word before it." (interactive "p")
  (simple-kill--from-point (lambda () (backward-word arg))))

(defun simple-kill--count (raw) "The count a raw prefix RAW stands for in the character kills."
  (cond ((consp raw) (car raw))
        ((null raw) 1)
        ((eq raw '-) -1)
        (t raw)))

(defun kill-forward-chars (arg) "Kill ARG characters after point; a raw prefix is read as its numeric value."
  (kill-region (point) (+ (point) (simple-kill--count arg))))

(defun kill-backward-chars (arg) "Kill ARG characters before point; a raw prefix is read as its numeric value."
  (kill-region (point) (- (point) (simple-kill--count arg))))

(defun zap-to-char (arg char) "Kill from point through the ARGth occurrence of CHAR (searching backward when ARG < 0).
`case-fold-search' decides whether case matters." (interactive "p\ncZap to char: ")
  (simple-kill--from-point
   (lambda () (search-forward (char-to-string char) nil nil arg))))

;;;; Yanking

(defun simple-kill--text-first () "Swap point and mark, without activating the mark, so point is before yanked text."
  (let ((other (mark t)))
    (set-marker (mark-marker) (point))
    (goto-char other)))

(defun simple-kill--put (text raw) "Insert TEXT the way the yank commands do, with raw prefix RAW.
The mark goes before the text and point after it, or the other way round
when RAW is a cons.  `this-command' is t while this runs, so that a failed
yank is not taken for one by the next command."
  (setq this-command t)
  (push-mark)
  (insert-for-yank (if (functionp text) (funcall text) text))
  (and (consp raw) (simple-kill--text-first))
  (when (eq t this-command) (setq this-command 'yank))
  nil)

(defun yank (&optional arg) "Insert the most recent kill, leaving point after it and the mark before it.
With a numeric ARG insert the ARGth most recent kill instead; with a
plain \\[universal-argument] put point before the text and the mark after it." (interactive "*P")
  (setq yank-window-start (and (fboundp 'window-start) (window-start)))
  (let ((offset (cond ((or (null arg) (consp arg)) 0)
                      ((eq '- arg) -2)
                      (t (- arg 1)))))
    (simple-kill--put (lambda () (current-kill offset)) arg)))

(defun simple-kill--replace-yank (step) "Put the kill STEP places further along the ring in place of the text just yanked."
  (let* ((here (point))
         (there (mark t))
         (from (min here there))
         (inhibit-read-only t))
    (if (functionp yank-undo-function)
        (funcall yank-undo-function from (max here there))
      (delete-region from (max here there)))
    (setq yank-undo-function nil)
    (goto-char from)
    (set-marker (mark-marker) from)
    (insert-for-yank (current-kill step))
    (if (< here there) (simple-kill--text-first))))

(defun yank-pop (&optional arg) "Replace the text just yanked with an earlier kill.
Only right after a `yank' or `yank-pop'; ARG says how many kills back to go
\(negative goes forward).  Otherwise read a kill to insert." (interactive "p")
  (cond ((eq last-command 'yank)
         (setq this-command 'yank)
         (simple-kill--replace-yank (or arg 1))
         nil)
        (t (yank-from-kill-ring (read-from-kill-ring "Yank from kill-ring: ")
                                current-prefix-arg))))

(defun read-from-kill-ring (prompt) "Read with PROMPT a string, offering the kills in `kill-ring' as completions and history."
  (let ((choices (delete-dups (mapcar #'substring-no-properties kill-ring))))
    (completing-read prompt choices nil nil nil 'kill-ring)))

(defun yank-from-kill-ring (string &optional arg) "Insert STRING as `yank' would, pushing the mark before it.
With ARG a cons, as from \\[universal-argument], leave point before the text."
  (interactive (list (read-from-kill-ring "Yank from kill-ring: ") current-prefix-arg))
  (simple-kill--put string arg))

;;;###autoload
(defvar yank-window-start nil "Where the window started when the last `yank' ran.")

(provide 'simple-kill)
;;; simple-kill.el ends here
