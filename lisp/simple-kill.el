;;; simple-kill.el --- the kill ring: killing, copying and yanking text  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.
;; Loaded on first use through lisp/autoloads.el; the ring's variables are
;; declared there so that a `let' of them binds dynamically before this loads.

(defvar kill-ring-max 120 "How many entries `kill-ring' keeps at most.")
(defvar kill-do-not-save-duplicates nil "Non-nil means a kill equal to the newest entry does not add a new entry.")
(defvar kill-transform-function nil "Function applied to each string before it enters the kill ring; nil keeps it as is.
When it returns nil the string is not saved.")
(defvar kill-append-merge-undo nil "Non-nil means appending kills in a row are undone together.")
(defvar kill-read-only-ok nil "Non-nil means killing read-only text copies it instead of signalling.")
(defvar kill-whole-line nil "Non-nil means `kill-line' at the start of a line kills the newline too.")
(defvar interprogram-cut-function nil "Function given each new kill so that other programs can paste it, or nil.")
(defvar interprogram-paste-function nil "Function returning text other programs have cut most recently, or nil.")
(defvar save-interprogram-paste-before-kill nil "Non-nil means another program's text is saved in the ring before a kill replaces it.")
(defvar yank-pop-change-selection nil "Non-nil means rotating the kill ring also hands the text to other programs.")
(defvar yank-undo-function nil "Function `yank-pop' calls to delete the text the last yank inserted, or nil for `delete-region'.")
(defvar yank-excluded-properties '(category field follow-link fontified font-lock-face help-echo
                                            intangible invisible keymap local-map mouse-face
                                            read-only yank-handler) "Text properties removed from yanked text; t means all of them.")
(defvar yank-handled-properties nil "Alist of (PROPERTY . FUNCTION) applied to yanked text before the excluded properties go.")
(defvar filter-buffer-substring-function #'buffer-substring--filter "Function of (FROM TO DELETE) that `filter-buffer-substring' calls.")
(defvar buffer-substring-filters nil "Obsolete list of functions, each given a string and returning it filtered.")
(defvar yank-transform-functions nil "Functions each given the string about to be yanked and returning the one to insert.")
(defvar yank-window-start nil "Where the window started at the last yank; unused without windows.")
(defvar read-from-kill-ring-history nil "Minibuffer history of `read-from-kill-ring'.")

;; ---- getting text out of the buffer -------------------------------------------------

(defun buffer-substring--filter (from to &optional delete) "The default `filter-buffer-substring-function': the text from FROM to TO, deleted if DELETE.
The obsolete `buffer-substring-filters' are applied to the result in turn."
  (let ((chunk (if delete (delete-and-extract-region from to) (buffer-substring from to))))
    (dolist (filter buffer-substring-filters) (setq chunk (funcall filter chunk))) chunk))

(defun filter-buffer-substring (from to &optional delete) "Return the text between FROM and TO as `filter-buffer-substring-function' shapes it.
With DELETE non-nil the text is removed from the buffer as well."
  (funcall filter-buffer-substring-function from to delete))

;; ---- the ring itself ----------------------------------------------------------------

(defun kill-new (string &optional replace) "Put STRING at the front of the kill ring and make it the one to yank.
With REPLACE non-nil it takes the place of the newest entry instead."
  (when kill-transform-function (setq string (funcall kill-transform-function string)))
  (when (and string
             (not (and kill-do-not-save-duplicates kill-ring
                       (equal-including-properties string (car kill-ring)))))
    (if (and replace kill-ring) (setcar kill-ring string)
      (let ((size (length (push string kill-ring))))
        (when (> size kill-ring-max) (setcdr (nthcdr (1- kill-ring-max) kill-ring) nil)))))
  (setq kill-ring-yank-pointer kill-ring)
  (if interprogram-cut-function (funcall interprogram-cut-function string) string))

(defun kill-append (string before-p) "Add STRING to the end of the newest kill, or before it when BEFORE-P is non-nil."
  (let* ((newest (car kill-ring))
         (joined (if before-p (concat string newest) (concat newest string))))
    (kill-new joined
              (or (equal newest "")
                  (null (and (stringp newest) (> (length newest) 0)
                             (get-text-property 0 'yank-handler newest))))))
  nil)

(defun current-kill (n &optional do-not-move) "Rotate the yanking point by N entries and return the kill it then names.
DO-NOT-MOVE non-nil leaves the yanking point where it was."
  (let ((other (and (= n 0) interprogram-paste-function (funcall interprogram-paste-function))))
    (if (stringp other) (progn (kill-new other) other)
      (unless kill-ring (error "Kill ring is empty"))
      (let* ((size (length kill-ring)) (offset (- size (length kill-ring-yank-pointer)))
             (cell (nthcdr (mod (+ offset n) size) kill-ring)))
        (unless do-not-move (setq kill-ring-yank-pointer cell)) (car cell)))))

(defun rotate-yank-pointer (count) "Move the yanking point of the kill ring by COUNT entries." (interactive
                                                                                                 "p")
  (current-kill count))

;; ---- killing ------------------------------------------------------------------------

(defun kill-region (from to &optional region) "Delete the text from FROM to TO and save it in the kill ring.
Following another kill the text joins that kill.  With REGION non-nil the
text comes from `region-extract-function'.  Read-only text is copied instead,
and then `text-read-only' is signalled unless `kill-read-only-ok'."
  (interactive (if (mark) (list (mark) (point) 'region)
                 (user-error "The mark is not set now, so there is no region")))
  (condition-case nil
    (let ((chunk (if region (funcall region-extract-function 'delete)
                   (filter-buffer-substring from to 'delete))))
      (when chunk
        (if (eq last-command 'kill-region) (kill-append chunk (and from to (< to from)))
          (kill-new chunk)))
      (when (or chunk (eq last-command 'kill-region)) (setq this-command 'kill-region))
      (setq deactivate-mark t) nil)
    ((buffer-read-only text-read-only) (copy-region-as-kill from to region)
     (setq this-command 'kill-region)
     (if kill-read-only-ok (progn (message "Read only text copied to kill ring") nil)
       (barf-if-buffer-read-only)
       (signal 'text-read-only (list (current-buffer)))))))

(defun copy-region-as-kill (from to &optional region) "Save the text from FROM to TO in the kill ring without deleting it.
Following a kill the text joins that kill.  With REGION non-nil the text
comes from `region-extract-function'." (interactive (list (mark) (point) 'region))
  (let ((chunk (if region (funcall region-extract-function nil) (filter-buffer-substring from to))))
    (if (eq last-command 'kill-region) (kill-append chunk (and from to (< to from)))
      (kill-new chunk)))
  (setq deactivate-mark t) nil)

(defun kill-ring-save (from to &optional region) "Copy the text from FROM to TO to the kill ring, as `copy-region-as-kill' does."
  (interactive (list (mark) (point) 'region)) (copy-region-as-kill from to region) nil)

(defun indicate-copied-region (&optional _message-len) "Tell the user which text the last copy saved; without a window it is a message."
  (let ((other (mark t)))
    (when other
      (let* ((forward (< (point) other)) (from (if forward other (point)))
             (chunk (if forward (buffer-substring (max (point-min) (- from 40)) from)
                      (buffer-substring from (min (point-max) (+ from 40))))))
        (message (if forward "Saved text until \"%s\"" "Saved text from \"%s\"") chunk)))))

(defun kill-line (&optional count) "Kill the rest of the line, or with COUNT that many lines forward (backward if negative).
At the end of a line, or when only blanks remain, the newline goes too." (interactive "P")
  (kill-region (point)
               (progn
                 (if count (forward-line (prefix-numeric-value count))
                   (when (eobp) (signal 'end-of-buffer nil))
                   (let ((eol (line-end-position)))
                     (if (or (and kill-whole-line (bolp))
                             (save-excursion (skip-chars-forward " \t" eol) (= (point) eol)))
                         (forward-line 1)
                       (goto-char eol))))
                 (point))))

(defun kill-whole-line (&optional count) "Kill COUNT whole lines with their newlines, point's line first; COUNT 0 keeps the newline.
A negative COUNT kills the line and lines before it." (interactive "p") (setq count (or count 1))
  (when (and (> count 0) (eobp) (save-excursion (forward-line 0) (eobp)))
    (signal 'end-of-buffer nil))
  (when (and (< count 0) (bobp) (save-excursion (end-of-line) (bobp)))
    (signal 'beginning-of-buffer nil))
  (unless (eq last-command 'kill-region) (kill-new "") (setq last-command 'kill-region))
  (cond ((zerop count) (save-excursion (kill-region (point) (line-end-position)))
         (setq last-command 'kill-region) (kill-region (point) (line-beginning-position)))
        ((< count 0) (save-excursion (kill-region (point) (line-end-position)))
         (setq last-command 'kill-region)
         (kill-region (point)
                      (progn (forward-line (1+ count)) (unless (bobp) (backward-char)) (point))))
        (t (save-excursion (kill-region (point) (line-beginning-position)))
         (setq last-command 'kill-region)
         (kill-region (point) (progn (forward-line count) (point))))))

(defun kill-word (count) "Kill forward to the end of the ARGth word (backward if COUNT is negative)."
  (interactive "p") (kill-region (point) (progn (forward-word count) (point))))

(defun backward-kill-word (count) "Kill backward to the start of the ARGth word before point." (interactive
                                                                                                 "p")
  (kill-word (- count)))

(defun kill-forward-chars (count) "Kill COUNT characters after point; COUNT is a raw prefix argument."
  (when (listp count) (setq count (car count))) (when (eq count '-) (setq count -1))
  (kill-region (point) (+ (point) count)))

(defun kill-backward-chars (count) "Kill COUNT characters before point; COUNT is a raw prefix argument."
  (when (listp count) (setq count (car count))) (when (eq count '-) (setq count -1))
  (kill-region (point) (- (point) count)))

(defun zap-to-char (count char &optional _interactive) "Kill up to and including the ARGth occurrence of CHAR (searching backward if COUNT < 0)."
  (interactive (list (prefix-numeric-value current-prefix-arg) (read-char "Zap to char: " t)))
  (kill-region (point) (progn (search-forward (char-to-string char) nil nil count) (point))))

(defun append-next-kill (&optional interactive) "Make the next kill join the newest kill instead of starting a new one."
  (interactive "p")
  ;; From Lisp the kill that follows sees it as `last-command'; a command
  ;; leaves it as `this-command' for the next one.
  (set (if interactive 'this-command 'last-command) 'kill-region)
  (when interactive (message "If the next command is a kill, it will append")))

;; ---- yanking ------------------------------------------------------------------------

(defun simple-kill--insert (string) "Insert STRING as yanked text: `insert-for-yank' when there is one, else a plain insert
followed by removing `yank-excluded-properties'."
  (if (fboundp 'insert-for-yank) (insert-for-yank string)
    (dolist (f yank-transform-functions) (setq string (funcall f string)))
    (let ((from (point))) (insert string)
      (let ((inhibit-read-only t))
        (if (eq yank-excluded-properties t) (set-text-properties from (point) nil)
          (remove-list-of-text-properties from (point) yank-excluded-properties))
        ;; Text typed after the yanked text must not take on its properties.
        (when (and (> (point) from) (text-properties-at (1- (point))))
          (put-text-property (1- (point)) (point) 'rear-nonsticky t))))))

(defun yank (&optional count) "Insert the most recent kill, leaving point after it and the mark before it.
With a plain \\[universal-argument] point goes before it; with a number N insert the Nth most recent kill."
  (interactive "*P") (setq this-command t) (push-mark)
  (simple-kill--insert (current-kill (cond ((listp count) 0) ((eq count '-) -2) (t (1- count)))))
  (when (consp count)
    (let ((spot (point))) (goto-char (mark t)) (set-marker (mark-marker) spot (current-buffer))))
  (when (eq this-command t) (setq this-command 'yank)) nil)

(defun yank-pop (&optional count) "Replace the text just yanked with an earlier kill, COUNT entries further round the ring.
When the previous command was not a yank, read a kill to insert instead." (interactive "p")
  (unless (eq last-command 'yank)
    (yank-from-kill-ring (read-from-kill-ring "Yank from kill-ring: ") current-prefix-arg))
  (when (eq last-command 'yank) (setq this-command 'yank)
    (let* ((inhibit-read-only t) (steps (or count 1)) (other (mark t))
           (point-first (< (point) other)))
      (funcall (or yank-undo-function #'delete-region) (min (point) other) (max (point) other))
      (setq yank-undo-function nil) (set-marker (mark-marker) (point) (current-buffer))
      (simple-kill--insert (current-kill steps))
      (when point-first
        (let ((spot (point))) (goto-char (mark t)) (set-marker (mark-marker) spot (current-buffer))))))
  nil)

(defun read-from-kill-ring (prompt) "Read a string with PROMPT, offering the kill ring's entries as history."
  (let ((read-from-kill-ring-history kill-ring))
    (read-from-minibuffer prompt nil nil nil 'read-from-kill-ring-history)))

(defun yank-from-kill-ring (string &optional count) "Insert STRING as yanked text and move it to the front of the kill ring.
With COUNT a cons, leave point before it."
  (interactive (list (read-from-kill-ring "Yank from kill-ring: ") current-prefix-arg))
  (setq yank-window-start nil) (push-mark) (simple-kill--insert string)
  (when (consp count)
    (let ((spot (point))) (goto-char (mark t)) (set-marker (mark-marker) spot (current-buffer))))
  (setq this-command 'yank) nil)

(provide 'simple-kill)

;;; simple-kill.el ends here
