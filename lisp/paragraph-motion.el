;;; paragraph-motion.el --- moving, marking and killing by paragraph and sentence  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (the
;; commands of its paragraphs.el); autoloaded from autoloads.el.

(defvar paragraph-start "\f\\|[ \t]*$"
  "Regexp for a line that starts a paragraph or separates two.
It is matched at the left margin; a line it matches is a separator too
when `paragraph-separate' matches it as well.")
(defvar paragraph-separate "[ \t\f]*$"
  "Regexp for a line that lies between paragraphs, matched at the left margin.")
(defvar fill-prefix nil "String put at the start of each line a fill makes, or nil.")
(make-variable-buffer-local 'fill-prefix)
(defvar paragraph-ignore-fill-prefix nil "Non-nil when paragraphs are found without regard to `fill-prefix'.")
(make-variable-buffer-local 'paragraph-ignore-fill-prefix)
(defvar use-hard-newlines nil "Non-nil in a buffer whose newlines are soft unless marked `hard'.")
(make-variable-buffer-local 'use-hard-newlines)
;;;###autoload
(defvar use-hard-newlines-hook nil "Run when `use-hard-newlines' is turned on or off.")
(defvar sentence-end-double-space t "Non-nil when a sentence's end needs two spaces after the period.")
(defvar sentence-end-without-period nil "Non-nil when two spaces alone end a sentence.")
(defvar sentence-end-without-space "\u3002\uff0e\uff1f\uff01"
  "Characters that end a sentence with no space after them.")
(defvar sentence-end nil "Regexp for the end of a sentence, or nil to build one with `sentence-end'.")
(defvar sentence-end-base "[.?!\u2026\u203d][]\"'\u201d\u2019)}\u00bb\u203a]*"
  "Regexp for the punctuation and closing characters that end a sentence.")
(defvar page-delimiter "^\014" "Regexp for the start of a page.")

(defun sentence-end () "The regexp that matches the end of a sentence and the space after it.
That is the variable `sentence-end' when it is set, or else one built from
`sentence-end-base', `sentence-end-double-space',
`sentence-end-without-period' and `sentence-end-without-space'."
  (or sentence-end
      (let ((gap (if sentence-end-double-space
                     "\\($\\|[ \u00a0]$\\|\t\\|[ \u00a0][ \u00a0]\\)"
                   "\\($\\|[\t \u00a0]\\)")))
        (concat (and sentence-end-without-period "\\w[ \u00a0][ \u00a0]\\|")
                "\\(" sentence-end-base gap
                "\\|[" (or sentence-end-without-space "") "]+\\)"
                "[ \u00a0\t\n]*"))))

;;; Which lines start and separate paragraphs.

(defun paragraph-motion--regexp (re) "RE as matched at a line's left margin: a leading ^ is dropped."
  (if (and (> (length re) 0) (eq (aref re 0) ?^)) (substring re 1) re))

(defun paragraph-motion--prefix () "The fill prefix that paragraph motion respects, or nil."
  (and (not paragraph-ignore-fill-prefix)
       (stringp fill-prefix) (> (length fill-prefix) 0)
       fill-prefix))

(defun paragraph-motion--soft-line-p () "Non-nil when hard newlines are in use and the line follows a soft one."
  (and use-hard-newlines (> (point) (point-min))
       (not (get-text-property (1- (point)) 'hard))))

(defun paragraph-motion--at-margin () "Move over the indentation of this line up to the left margin."
  (let ((margin (current-left-margin)) (lim (line-end-position)))
    (when (> margin 0)
      (while (and (< (point) lim) (< (current-column) margin)
                  (memq (char-after) '(?\s ?\t))) (forward-char 1)))))

(defun paragraph-motion--kind () "Classify the line point is on: `sep', `start' or nil (ordinary text)."
  (save-excursion (forward-line 0)
    (let ((soft (paragraph-motion--soft-line-p)))
      (let ((prefix (paragraph-motion--prefix)))
        (paragraph-motion--at-margin)
        ;; With a fill prefix, a line of the prefix and blanks separates
        ;; and a line without the prefix starts a paragraph.
        (let ((prefixed (and prefix (string-prefix-p
                                     prefix (buffer-substring (point) (line-end-position))))))
          (cond
           ((looking-at (paragraph-motion--regexp paragraph-separate)) 'sep)
           ((and prefixed (save-excursion (forward-char (length prefix))
                                          (looking-at "[ \t]*$")))
            'sep)
           ((and prefix (not prefixed)) 'start)
           ((and (not soft) (looking-at (paragraph-motion--regexp paragraph-start)))
            'start)))))))

(defun paragraph-motion--next-line () "Go to the start of the next line; nil when there is none."
  (end-of-line)
  (and (not (eobp)) (progn (forward-char 1) t)))

(defun paragraph-motion--forward-1 () "Move to the end of the next paragraph; nil when no text was left."
  (forward-line 0)
  (while (and (not (eobp)) (eq (paragraph-motion--kind) 'sep)) (forward-line 1))
  (if (eobp)
      nil
    ;; The first line belongs to the paragraph whatever it is; the
    ;; paragraph goes on until a line that starts or separates another.
    (let ((more (paragraph-motion--next-line)))
      (while (and more (null (paragraph-motion--kind)))
        (setq more (paragraph-motion--next-line)))
      (unless more (goto-char (point-max))))
    t))

(defun paragraph-motion--empty-line-before-p () "Non-nil when the line before point's line is empty and separates paragraphs."
  (save-excursion (forward-line 0)
    (and (not (bobp))
         (progn (forward-line -1) (eolp))
         (eq (paragraph-motion--kind) 'sep))))

(defun paragraph-motion--backward-1 () "Move to the start of the paragraph before point; nil at the buffer start.
An empty separator line just before a paragraph's first line is taken as
where that paragraph starts."
  (if (and (bolp) (not (bobp)) (not (eq (paragraph-motion--kind) 'sep))
           (paragraph-motion--empty-line-before-p))
      (progn (forward-line -1) t)
    (when (bolp) (backward-char 1)) (forward-line 0)
    (while (and (> (point) (point-min)) (eq (paragraph-motion--kind) 'sep)) (forward-line -1))
    (unless (= (point) (point-min))
      ;; Climb to the paragraph's first line: one that starts a paragraph,
      ;; follows a separator or is the first of the buffer.
      (let ((done nil))
        (while (not done)
          (cond ((or (paragraph-motion--kind) (= (point) (point-min))) (setq done t))
                ((save-excursion (forward-line -1) (eq (paragraph-motion--kind) 'sep))
                 (setq done t))
                (t (forward-line -1)))))
      (when (paragraph-motion--empty-line-before-p) (forward-line -1))
      t)))

(defun forward-paragraph (&optional arg) "Move to the end of the paragraph, ARG times (back when ARG is negative).
A paragraph ends at the start of the first line after it that
`paragraph-start' or `paragraph-separate' matches, or at the buffer end.
Return how many paragraphs could not be moved over." (interactive "^p")
  (let ((left (or arg 1)))
    (cond
     ((> left 0)
      (while (and (> left 0) (< (point) (point-max)) (paragraph-motion--forward-1))
        (setq left (1- left))))
     ((< left 0)
      (while (and (< left 0) (> (point) (point-min)))
        (when (paragraph-motion--backward-1)
          (setq left (1+ left))))))
    left))

(defun backward-paragraph (&optional arg) "Move to the start of the paragraph, ARG times (forward when ARG is negative).
A blank line just before a paragraph counts as its start." (interactive "^p")
  (forward-paragraph (- (or arg 1))))

(defun mark-paragraph (&optional arg allow-extend) "Put point at the start of this or the next paragraph and the mark at its end.
ARG paragraphs are marked; a negative ARG marks backward, leaving point at
the end.  With ALLOW-EXTEND and an active mark, the marked text grows by
ARG paragraphs instead." (interactive "p\np")
  (let ((n (if arg (prefix-numeric-value arg) 1)))
    (if (= n 0) (error "Cannot mark zero paragraphs")
      (if (and allow-extend (mark t) (or (eq last-command this-command) mark-active))
          (let ((far (save-excursion (goto-char (mark)) (forward-paragraph n) (point))))
            (set-mark far))
        (if (> n 0)
            (let ((far (save-excursion (forward-paragraph n) (point))))
              (goto-char far) (push-mark far t t)
              (forward-paragraph (- n)))
          ;; Backward: point goes to the end of the paragraph it is in,
          ;; the mark -N paragraph starts before that.
          (forward-paragraph -1)
          (let ((end (save-excursion (forward-paragraph 1) (point))))
            (push-mark (save-excursion (goto-char end) (forward-paragraph n) (point)) t t))
          (forward-paragraph 1))))))

(defun paragraph-motion--kill-over (mover count) "Kill the text from point to where MOVER, called with COUNT, goes."
  (let ((from (point)))
    (funcall mover count)
    (kill-region from (point))))

(defun kill-paragraph (arg) "Kill up to the ARGth paragraph end (back to the -ARGth start when negative)."
  (interactive "p")
  (paragraph-motion--kill-over #'forward-paragraph (or arg 1)))

(defun backward-kill-paragraph (arg) "Kill back to the ARGth paragraph start (on to the -ARGth end when negative)."
  (interactive "p")
  (paragraph-motion--kill-over #'forward-paragraph (- (or arg 1))))

(defun start-of-paragraph-text () "Move to where the text of this paragraph begins, past leading blanks.
When that is not before point, the previous paragraph's is used."
  (let ((here (point)))
    (backward-paragraph 1)
    (let ((top (point)))
      (skip-chars-forward " \t\n")
      (when (and (>= (point) here) (< top here)) (goto-char top)
        (when (> top (point-min)) (start-of-paragraph-text)))))
  nil)

(defun end-of-paragraph-text () "Move to where the text of this paragraph ends, before its final newline.
When that is not after point, the next paragraph's is used; at the end
of the buffer that signals `end-of-buffer'."
  (let ((here (point)))
    (forward-paragraph 1)
    (when (eq (char-before) ?\n) (backward-char 1))
    (when (<= (point) here) (forward-char 1)
      (when (< (point) (point-max)) (end-of-paragraph-text))))
  nil)

;;; Sentences.

(defun paragraph-motion--text-end () "Where the text of the paragraph at or after point ends."
  (save-excursion (end-of-paragraph-text) (point)))

(defun paragraph-motion--text-start () "Where the text of the paragraph at or before point starts."
  (save-excursion (start-of-paragraph-text) (point)))

(defun forward-sentence (&optional arg) "Move to the end of the sentence, ARG times (back to starts when negative).
Sentence ends are what `sentence-end' matches; paragraph boundaries end
sentences too.  Return point." (interactive "^p")
  (let ((regexp (sentence-end)) (n (or arg 1)))
    (while (< n 0)
      (let* ((here (point)) (floor (paragraph-motion--text-start)) (spot nil)
             ;; The search may look into the indentation before the text.
             (limit (save-excursion (goto-char floor) (skip-chars-backward " \t") (point))))
        (save-excursion (while (and (not spot)
                      (re-search-backward (concat regexp "[^ \t\n]") limit t))
            (if (< (1- (match-end 0)) here)
                (setq spot (1- (match-end 0)))
              (goto-char (match-beginning 0)))))
        (goto-char (or spot floor)))
      (setq n (1+ n)))
    (while (> n 0)
      (let ((ceiling (paragraph-motion--text-end)))
        (if (re-search-forward regexp ceiling t)
            (skip-chars-backward " \t\n")
          (goto-char ceiling)))
      (setq n (1- n))))
  (point))

(defun backward-sentence (&optional arg) "Move to the start of the sentence, ARG times (forward when negative)."
  (interactive "^p")
  (forward-sentence (- (or arg 1))))

(defun kill-sentence (&optional arg) "Kill to the end of the sentence, ARG times (back to starts when negative)."
  (interactive "p")
  (paragraph-motion--kill-over #'forward-sentence (or arg 1)))

(defun backward-kill-sentence (&optional arg) "Kill back to the start of the sentence, ARG times (forward when negative)."
  (interactive "p")
  (paragraph-motion--kill-over #'forward-sentence (- (or arg 1))))

(defun mark-end-of-sentence (arg) "Set the mark ARG sentence ends away, as `forward-sentence' moves.
Repeated, or with the mark active, the mark moves on from where it is." (interactive "p")
  (let ((from (if (and (mark t) (or (eq last-command this-command)
                                   (and transient-mark-mode mark-active)))
                  (mark)
                (point))))
    (push-mark (save-excursion (goto-char from) (forward-sentence arg) (point))
               nil t)))

(defun repunctuate-sentences (&optional no-query) "Make the sentence ends after point have two spaces.
Without NO-QUERY each change is asked about, as `query-replace-regexp' does." (interactive)
  ;; A stop, maybe one closing character, then the spaces to widen.
  (let ((stop "\\([.?!][]\"')]?\\) +") (wide "\\1  "))
    (cond ((not no-query) (query-replace-regexp stop wide))
          (t (while (re-search-forward stop nil t) (replace-match wide))))))

;;; Swapping neighbours.

(defun paragraph-motion--there-and-back (mover n) "Call MOVER with N, then with -N; give the two places reached, in order."
  (let ((one (progn (funcall mover n) (point)))
        (two (progn (funcall mover (- n)) (point))))
    (if (< one two) (cons one two) (cons two one))))

(defun paragraph-motion--swap (mover arg) "Exchange things MOVER moves over, as the transpose commands do with ARG.
As in GNU, point stays where the search left it when there is nothing to
swap with."
  (let* ((mine (if (zerop arg)
                   (paragraph-motion--there-and-back mover 1)
                 (let ((end (progn (funcall mover 1) (point))))
                   (cons (progn (funcall mover -1) (point)) end))))
         (other (if (zerop arg)
                    (save-excursion (goto-char (mark))
                                    (paragraph-motion--there-and-back mover 1))
                  (goto-char (if (> arg 0) (cdr mine) (car mine)))
                  (paragraph-motion--there-and-back mover arg)))
         (early (if (< (car mine) (car other)) mine other))
         (late (if (eq early mine) other mine)))
    (when (or (> (cdr early) (car late)) (= (car late) (cdr late))
              (= (car early) (cdr early))) (error "Don't have two things to transpose"))
    (let ((early-text (buffer-substring (car early) (cdr early)))
          (late-text (buffer-substring (car late) (cdr late))))
      (goto-char (car late))
      (delete-region (car late) (cdr late))
      (insert early-text)
      (goto-char (car early))
      (delete-region (car early) (cdr early))
      (insert late-text)
      ;; Point ends after the thing that was around point, in its new place.
      (goto-char (if (eq early mine)
                     (cdr late)
                   (+ (car early) (length late-text)))))))

(defun transpose-paragraphs (arg) "Swap this paragraph with the next, or move it over ARG paragraphs.
Negative ARG moves it backward; zero swaps it with the paragraph at the mark." (interactive "*p")
  (paragraph-motion--swap #'forward-paragraph arg))

(defun transpose-sentences (arg) "Swap this sentence with the next, or move it over ARG sentences.
Negative ARG moves it backward; zero swaps it with the sentence at the mark." (interactive "*p")
  (paragraph-motion--swap #'forward-sentence arg))

;;; Hard newlines.

(defun paragraph-motion--mark-hard () "Mark hard the newlines that end separator lines or come before paragraphs.
One before a line that starts or separates a paragraph is also made
rear-nonsticky, so text typed after it is not hard."
  (let ((use-hard-newlines nil) (pos (point-min)))
    (while (setq pos (save-excursion
                       (goto-char pos)
                       (and (search-forward "\n" nil t) (point))))
      (let ((ahead (save-excursion (goto-char pos) (paragraph-motion--kind)))
            (own (save-excursion (goto-char (1- pos)) (paragraph-motion--kind))))
        (cond (ahead (add-text-properties (1- pos) pos '(hard t rear-nonsticky (hard))))
              ((eq own 'sep) (put-text-property (1- pos) pos 'hard t)))))))


(defun use-hard-newlines (&optional arg insert) "Toggle the minor mode in which only newlines marked `hard' end paragraphs.
From Lisp, ARG nil or positive turns it on, `toggle' flips it, anything
else turns it off.  When turning it on in a buffer with no hard newline,
INSERT says whether to mark the newlines before paragraph starts hard:
`never' leaves them, t, `always' or `guess' marks them."
  (interactive (list (or current-prefix-arg 'toggle)))
  (setq use-hard-newlines
        (cond ((eq arg 'toggle) (not use-hard-newlines))
              ((null arg) t)
              (t (> (prefix-numeric-value arg) 0))))
  (when (and use-hard-newlines (memq insert '(t always guess))
             (not (text-property-any (point-min) (point-max) 'hard t)))
    (paragraph-motion--mark-hard))
  (run-hooks 'use-hard-newlines-hook)
  use-hard-newlines)

(provide 'paragraph-motion)

;;; paragraph-motion.el ends here
