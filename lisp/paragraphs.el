;;; paragraphs.el --- moving over, marking and killing paragraphs and sentences  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and its manual.
;;
;; Autoloaded (GNU preloads its paragraphs.el); the variables are in
;; textvars.el.  A line separates paragraphs when `paragraph-separate'
;; matches at its left margin, and starts one when `paragraph-start'
;; does; with a `fill-prefix' (unless `paragraph-ignore-fill-prefix'), a
;; line without the prefix, or with only the prefix, also ends one.

(define-minor-mode use-hard-newlines "Minor mode where only newlines marked `hard' end paragraphs."
  :lighter " Hard" (when use-hard-newlines (save-excursion (goto-char (point-min))
      (while (search-forward "\n" nil t) (put-text-property (1- (point)) (point) 'hard t)))))

(defun sentence-end () "The regexp that matches the end of a sentence and the blanks after it.
`sentence-end' when set, else built from `sentence-end-base',
`sentence-end-double-space', `sentence-end-without-period' and
`sentence-end-without-space'." (or sentence-end
      (let ((blank "[ \u00a0]"))
        (concat (and sentence-end-without-period (concat "\\w" blank blank "\\|"))
                "\\(" sentence-end-base (if sentence-end-double-space
                    (concat "\\($\\|" blank "$\\|\t\\|" blank blank "\\)")
                  "\\($\\|[\t \u00a0]\\)")
                (if (and sentence-end-without-space (not (string= sentence-end-without-space "")))
                    (concat "\\|[" sentence-end-without-space "]+")
                  "")
                "\\)[ \u00a0\t\n]*"))))

;;; Paragraphs.

(defun paragraphs--unanchored (re)
  "RE without a leading `^': the paragraph regexps are matched at the left margin."
  (if (and (> (length re) 0) (eq (aref re 0) ?^)) (substring re 1) re))

(defun paragraphs--prefix-re ()
  "The quoted fill prefix when it delimits paragraphs, else nil."
  (and fill-prefix (not (equal fill-prefix "")) (not paragraph-ignore-fill-prefix) (regexp-quote fill-prefix)))

(defun paragraphs--separator-p (sep)
  "Non-nil when the current line is a separator line, SEP matching at its left margin." (move-to-left-margin)
  (looking-at sep))

(defun paragraphs--real-start-p (start sep)
  "Non-nil when the line at START (its beginning) really starts or separates a paragraph.
It must match SEP, or the paragraph start regexp START-RE both at the
margin and at the line's beginning."
  (ignore start)
  (let ((start-re (paragraphs--unanchored paragraph-start))) (move-to-left-margin)
    (or (looking-at sep)
        (and (looking-at start-re)
             (save-excursion (beginning-of-line) (looking-at start-re))))))

(defun paragraphs--forward-one (sep any prefix-re)
  "Move past one paragraph: SEP the separator regexp, ANY the search regexp.
PREFIX-RE is the fill prefix regexp or nil.  Return t unless at the end already."
  (while (and (not (eobp)) (progn (move-to-left-margin) (not (eobp)))
              (looking-at sep)) (forward-line 1))
  (let ((counted (not (eobp)))) (forward-line 1)
    (if prefix-re
        (while (and (not (eobp)) (progn (move-to-left-margin) (not (eobp)))
                    (not (looking-at sep)) (looking-at prefix-re)) (forward-line 1))
      (let ((line-start nil) (done nil)) (while (not done)
          (if (not (re-search-forward any nil 1)) (setq done t)
            (setq line-start (match-beginning 0))
            (goto-char line-start)
            (cond ((eobp) (setq done t))
                  ((and (paragraphs--real-start-p line-start sep)
                        (not (and use-hard-newlines (> line-start (point-min))
                                  (not (get-text-property (1- line-start) 'hard))))) (setq done t))
                  (t (forward-char 1))))) (when (and line-start (< (point) (point-max))) (goto-char line-start))))
    counted))

(defun paragraphs--backward-one (sep any prefix-re)
  "Move back to the start of a paragraph; arguments as for `paragraphs--forward-one'.
Return t when a paragraph was found before point."
  (if (and (not (looking-at sep)) (re-search-backward "^\n" (max (1- (point)) (point-min)) t)
           (looking-at sep))
      t (let ((from (point))) (forward-char -1) (beginning-of-line)
      (while (and (not (bobp)) (paragraphs--separator-p sep)) (forward-line -1))
      (if (bobp)
          nil (end-of-line)
        (if (if prefix-re
                (progn (while (and (progn (beginning-of-line) (not (bobp)))
                              (not (paragraphs--separator-p sep))
                              (looking-at prefix-re)) (forward-line -1))
                  (move-to-left-margin) (not (bobp)))
              (let ((found nil) (searching t)) (while searching
                  (if (not (re-search-backward any nil 1)) (setq searching nil)
                    (setq from (point) found t)
                    (if (paragraphs--real-start-p from sep) (setq searching nil)
                      (setq found nil) (goto-char from))))
                found))
            (progn
              (while (and (not (eobp)) (paragraphs--separator-p sep)) (forward-line 1))
              ;; Stop on the line before the text unless it is only margin.
              (end-of-line 0) (if (> (current-column) (current-left-margin))
                  (forward-char 1) (skip-chars-backward " \t")
                (unless (bolp) (forward-line 1)))) (goto-char (point-min)))
        t))))

(defun forward-paragraph (&optional arg) "Move to the end of the paragraph; ARG paragraphs (backward when negative).
Return how many of them could not be moved over (negative when backward)." (interactive "^p")
  (setq arg (or arg 1)) (let* ((prefix-re (paragraphs--prefix-re))
         (start-re (paragraphs--unanchored paragraph-start))
         (sep (paragraphs--unanchored paragraph-separate))
         (sep (if prefix-re (concat sep "\\|" prefix-re "[ \t]*$") sep))
         (any (concat "^[ \t]*\\(?:" start-re "\\|" sep "\\)"))) (while (and (< arg 0) (not (bobp)))
      (when (paragraphs--backward-one sep any prefix-re) (setq arg (1+ arg))))
    (while (and (> arg 0) (not (eobp))) (when (paragraphs--forward-one sep any prefix-re)
        (setq arg (1- arg)))) arg))

(defun backward-paragraph (&optional arg) "Move to the start of the paragraph; ARG paragraphs (forward when negative)."
  (interactive "^p") (forward-paragraph (- (or arg 1))))

(defun mark-paragraph (&optional arg allow-extend) "Put point at the start of this paragraph and the mark at its end (ARG paragraphs).
ALLOW-EXTEND: extend an active region instead." (interactive "p\np")
  (setq arg (or arg 1)) (when (zerop arg) (error "Cannot mark zero paragraphs"))
  (if (and allow-extend (or (and (eq last-command this-command) (mark t))
                            (and (boundp 'mark-active) mark-active)))
      (set-mark (save-excursion (goto-char (mark)) (forward-paragraph arg) (point))) (forward-paragraph arg)
    (push-mark nil t t) (backward-paragraph arg)))

(defun paragraphs--kill (from to)
  "Kill the text from FROM to TO."
  (kill-region from to))

(defun kill-paragraph (arg) "Kill from point to the end of the paragraph (ARG paragraphs)."
  (interactive "p") (paragraphs--kill (point) (progn (forward-paragraph arg) (point))))

(defun backward-kill-paragraph (arg) "Kill from point back to the start of the paragraph (ARG paragraphs)."
  (interactive "p") (paragraphs--kill (point) (progn (backward-paragraph arg) (point))))

(defun transpose-paragraphs (arg) "Exchange this paragraph with the next one (ARG times)."
  (interactive "*p") (transpose-subr #'forward-paragraph arg))

(defun start-of-paragraph-text () "Move to the first non-blank text of the paragraph."
  (let ((from (point)) (landed nil)) (forward-paragraph -1)
    (setq landed (point)) (skip-chars-forward " \t\n")
    ;; The blank lines crossed may reach past the start: retry from there.
    (when (and (>= (point) from) (< landed from))
      (goto-char landed)
      (when (> landed (point-min)) (start-of-paragraph-text)))))

(defun end-of-paragraph-text () "Move to the end of the paragraph's text, before the newline that ends it."
  (let ((from (point))) (forward-paragraph 1)
    (when (eq (preceding-char) ?\n) (forward-char -1))
    (when (<= (point) from) (forward-char 1)
      (when (< (point) (point-max)) (end-of-paragraph-text)))))

;;; Sentences.

(defun forward-sentence (&optional arg) "Move to the end of the sentence; ARG sentences (backward when negative).
A sentence ends where `sentence-end' matches, or at its paragraph's end.
Return point." (interactive "^p")
  (setq arg (or arg 1)) (let ((end-re (sentence-end)))
    (while (< arg 0) (let ((from (point)) (text-start nil) (line-start nil))
        (save-excursion (start-of-paragraph-text)
          (setq text-start (point)) (beginning-of-line)
          (setq line-start (point)))
        (if (and (re-search-backward end-re line-start t)
                 (or (< (match-end 0) from) (re-search-backward end-re line-start t))) (goto-char (match-end 0))
          (goto-char text-start))) (setq arg (1+ arg)))
    (while (> arg 0) (let ((limit (save-excursion (end-of-paragraph-text) (point))))
        (if (re-search-forward end-re limit t) (skip-chars-backward " \t\n")
          (goto-char limit))) (setq arg (1- arg)))
    (point)))

(defun backward-sentence (&optional arg) "Move to the start of the sentence; ARG sentences (forward when negative)."
  (interactive "^p") (forward-sentence (- (or arg 1))))

(defun kill-sentence (&optional arg) "Kill from point to the end of the sentence (ARG sentences)."
  (interactive "p") (paragraphs--kill (point) (progn (forward-sentence arg) (point))))

(defun backward-kill-sentence (&optional arg) "Kill back from point to the start of the sentence (ARG sentences)."
  (interactive "p") (paragraphs--kill (point) (progn (backward-sentence arg) (point))))

(defun mark-end-of-sentence (arg) "Put the mark at the end of the sentence (ARG sentences)."
  (interactive "p") (push-mark (save-excursion
               (if (and (eq last-command this-command) (mark t)) (goto-char (mark))) (forward-sentence arg)
               (point))
             nil t))

(defun transpose-sentences (arg) "Exchange this sentence with the next one (ARG times)."
  (interactive "*p") (transpose-subr #'forward-sentence arg))

(defun repunctuate-sentences (&optional no-query start end)
  "Put two spaces after each sentence end that has one, from point (or START) to END.
Ask each time unless NO-QUERY." (interactive)
  (let ((re "\\([]\"')]?\\)\\([.?!]\\)\\([]\"')]?\\) +")
        (stop (copy-marker (or end (point-max))))) (save-excursion
      (goto-char (or start (point)))
      (while (re-search-forward (concat re "\\(?:[^ ]\\|\\'\\)") stop t) (goto-char (match-end 3))
        (let ((from (point)) (to (progn (skip-chars-forward " ") (point))))
          (when (and (= (- to from) 1) (not (eobp))
                     (or no-query (y-or-n-p "Repunctuate? "))) (goto-char from)
            (delete-region from to) (insert "  ")))))
    (set-marker stop nil)))

(provide 'paragraphs)

;; End of paragraphs.el.
