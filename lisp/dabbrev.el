;;; dabbrev.el --- expand a word from the words already written  -*- lexical-binding: t -*-

;; Part of tsmacs.  Written from GNU Emacs 28.2's manual ("Dynamic Abbrevs", "Dabbrev
;; Customization") and from how GNU's commands behave when run.
;;
;; The word before point is the abbreviation.  Candidates are the words that start with it:
;; first in this buffer, nearest first looking back from the abbreviation, then looking forward
;; from point, then in the other buffers `dabbrev-check-other-buffers' and
;; `dabbrev-check-all-buffers' allow.  `dabbrev-expand' (M-/) puts the first candidate in; run
;; again at once it puts the next one in its place, and when none is left the abbreviation comes
;; back.  After an expansion, a space and M-/ copy the word that follows the expansion where it
;; was found.  `dabbrev-completion' (C-M-/) offers all candidates to `completion-in-region'.

;;; Code:

(defgroup dabbrev nil "Expanding a word from the words around it." :group 'abbrev)

(defcustom dabbrev-backward-only nil "Non-nil means candidates are only looked for before point." :type 'boolean :group 'dabbrev)
(defcustom dabbrev-limit nil "How many characters either side of point are searched; nil means all." :type '(choice (const nil) integer) :group 'dabbrev)
(defcustom dabbrev-abbrev-skip-leading-regexp nil "Regexp of characters before a word that are not part of the abbreviation." :type '(choice regexp (const nil)) :group 'dabbrev)
(defcustom dabbrev-eliminate-newlines t "Non-nil means blanks and newlines between copied words become one space." :type 'boolean :group 'dabbrev)
(defcustom dabbrev-case-fold-search 'case-fold-search "Whether case is ignored when matching; `case-fold-search' means as that variable says." :type 'sexp :group 'dabbrev)
(defcustom dabbrev-upcase-means-case-search nil "Non-nil means an abbreviation with capitals matches case exactly." :type 'boolean :group 'dabbrev)
(defcustom dabbrev-case-distinction 'case-replace "Whether candidates differing only in case are told apart." :type 'sexp :group 'dabbrev)
(defcustom dabbrev-case-replace 'case-replace "Whether an expansion found ignoring case takes the case of the abbreviation; `case-replace' means as that variable says." :type 'sexp :group 'dabbrev)
(defcustom dabbrev-abbrev-char-regexp nil "Regexp of one character of a word; nil means word and symbol constituents." :type '(choice regexp (const nil)) :group 'dabbrev)
(defcustom dabbrev-check-all-buffers t "Non-nil means every other buffer is searched after the friendly ones." :type 'boolean :group 'dabbrev)
(defcustom dabbrev-ignored-buffer-names '("*Messages*" "*Buffer List*") "Buffers never searched, by name." :type '(repeat string) :group 'dabbrev)
(defcustom dabbrev-ignored-buffer-regexps nil "Buffers never searched, by regexp on their names." :type '(repeat regexp) :group 'dabbrev)
(defcustom dabbrev-check-other-buffers t "Non-nil means other buffers are searched when this one has no more candidates; `t' the friendly ones, anything else asks." :type 'sexp :group 'dabbrev)
(defcustom dabbrev-friend-buffer-function #'dabbrev--same-major-mode-p "Function of a buffer telling whether to search it among the friendly ones." :type 'function :group 'dabbrev)
(defcustom dabbrev-search-these-buffers-only nil "If non-nil, the buffers searched, instead of the other ones." :type '(repeat buffer) :group 'dabbrev)

(defvar dabbrev-select-buffers-function #'dabbrev--select-buffers "Function giving the other buffers to search, in order.")

;; The state one expansion leaves for the next command.
(defvar dabbrev--last-abbreviation nil "The abbreviation last expanded.")
(defvar dabbrev--last-abbrev-location nil "Marker where the last abbreviation started.")
(defvar dabbrev--last-expansion nil "The text of the last expansion put in.")
(defvar dabbrev--last-end nil "Marker after the last expansion put in.")
(defvar dabbrev--last-source nil "Where the last expansion was found: (BUFFER . END-POSITION).")
(defvar dabbrev--candidates nil "The candidates not yet offered: a list of (TEXT BUFFER . END).")
(defvar dabbrev--offered nil "The texts offered for the current abbreviation, downcased when case is ignored.")
(defvar dabbrev--check-other-buffers nil "Whether the current search goes on into other buffers.")
(defvar dabbrev--check-all-buffers nil "Whether the current search goes into all other buffers.")

(defun dabbrev--same-major-mode-p (other-buffer) "Non-nil when OTHER-BUFFER is in the same major mode as the current buffer."
  (eq major-mode (buffer-local-value 'major-mode other-buffer)))

(defun dabbrev--char-regexp () "Regexp of one word character for abbreviations."
  (or dabbrev-abbrev-char-regexp "\\sw\\|\\s_"))

(defun dabbrev--fold-p (abbrev) "Non-nil when ABBREV is matched ignoring case."
  (and (if (eq dabbrev-case-fold-search 'case-fold-search) case-fold-search dabbrev-case-fold-search)
       (not (and dabbrev-upcase-means-case-search (not (equal abbrev (downcase abbrev)))))))

(defun dabbrev--abbrev-at-point () "The abbreviation before point and where it starts, as (TEXT . START)."
  (save-excursion
    (let ((end (point)) (char (dabbrev--char-regexp)))
      ;; Without a word just before point, the last word before it and what follows count.
      (unless (and (> (point) (point-min)) (save-excursion (backward-char) (looking-at char)))
        (unless (re-search-backward char nil t)
          (user-error "No possible abbreviation preceding point"))
        (forward-char 1))
      (while (and (> (point) (point-min)) (save-excursion (backward-char) (looking-at char)))
        (backward-char))
      (when (and dabbrev-abbrev-skip-leading-regexp (looking-at dabbrev-abbrev-skip-leading-regexp))
        (goto-char (match-end 0)))
      (if (= (point) end) (user-error "No possible abbreviation preceding point")
        (cons (buffer-substring-no-properties (point) end) (point))))))

(defun dabbrev--word-end (pos) "The end of the word that goes on at POS."
  (save-excursion
    (goto-char pos)
    (let ((char (dabbrev--char-regexp)))
      (while (and (< (point) (point-max)) (looking-at char)) (goto-char (match-end 0))))
    (point)))

(defun dabbrev--word-start-p (pos) "Non-nil when no word character comes just before POS."
  (or (= pos (point-min))
      (not (save-excursion (goto-char (1- pos)) (looking-at (dabbrev--char-regexp))))))

(defun dabbrev--scan (abbrev fold from to backward skip)
  "The candidates for ABBREV in the current buffer between FROM and TO, as (TEXT BUFFER . END).
FOLD ignores case; BACKWARD lists the nearest to TO first; a match starting at SKIP is left out."
  (let ((case-fold-search fold) (re (regexp-quote abbrev)) found)
    (save-excursion
      (save-restriction
        (widen)
        (goto-char from)
        (while (re-search-forward re to t)
          (let ((beg (match-beginning 0)))
            (when (and (not (eql beg skip)) (dabbrev--word-start-p beg))
              (let ((end (dabbrev--word-end (match-end 0))))
                (push (cons (buffer-substring-no-properties beg end) (cons (current-buffer) end)) found)))
            (goto-char (1+ beg))))))
    (if backward found (nreverse found))))

(defun dabbrev--select-buffers () "The other buffers to search for candidates, in order."
  (let ((here (current-buffer)) friends others)
    (dolist (b (or dabbrev-search-these-buffers-only (buffer-list)))
      (when (and (buffer-live-p b) (not (eq b here))
                 (not (member (buffer-name b) dabbrev-ignored-buffer-names))
                 (let ((name (buffer-name b)) (ok t))
                   (dolist (re dabbrev-ignored-buffer-regexps) (when (string-match-p re name) (setq ok nil)))
                   ok))
        (if (or dabbrev-search-these-buffers-only (funcall dabbrev-friend-buffer-function b))
            (push b friends)
          (push b others))))
    (append (nreverse friends) (and dabbrev--check-all-buffers (nreverse others)))))

(defun dabbrev--find-all (abbrev start direction)
  "Every candidate for ABBREV (starting at START in this buffer) in search order.
DIRECTION positive looks back from START, then forward from point; negative only forward.
With `dabbrev-search-these-buffers-only', just those buffers are searched."
  (let* ((fold (dabbrev--fold-p abbrev))
         (only dabbrev-search-these-buffers-only)
         (low (if dabbrev-limit (max (point-min) (- start dabbrev-limit)) (point-min)))
         (high (if dabbrev-limit (min (point-max) (+ (point) dabbrev-limit)) (point-max)))
         (here (when (or (null only) (memq (current-buffer) only))
                 (append (and (>= direction 0) (dabbrev--scan abbrev fold low start t start))
                         (and (or (< direction 0) (not dabbrev-backward-only))
                              (dabbrev--scan abbrev fold (point) high nil start))))))
    (append here
            (and (or only dabbrev--check-other-buffers)
                 (apply #'append
                        (mapcar (lambda (b) (with-current-buffer b
                                              (dabbrev--scan abbrev fold (point-min) (point-max) nil nil)))
                                (funcall dabbrev-select-buffers-function)))))))

(defun dabbrev--fit-case (abbrev text) "TEXT with the case of ABBREV, when a candidate found ignoring case takes it."
  (if (not (and (dabbrev--fold-p abbrev)
                (if (eq dabbrev-case-replace 'case-replace) case-replace dabbrev-case-replace)))
      text
    (let ((lower (equal abbrev (downcase abbrev))) (upper (equal abbrev (upcase abbrev))))
      (cond ((and lower upper) text)      ; no letters to go by
            (lower (downcase text))
            ((and upper (> (length abbrev) 1)) (upcase text))
            ((equal (substring abbrev 0 1) (upcase (substring abbrev 0 1)))
             (concat (upcase (substring text 0 1)) (downcase (substring text 1))))
            (t text)))))

(defun dabbrev--key (abbrev text) "How TEXT is told apart from the other candidates of ABBREV."
  (if (dabbrev--fold-p abbrev) (downcase text) text))

(defun dabbrev--next (abbrev &optional nth)
  "Take the NTH (default 1) candidate for ABBREV not offered before off `dabbrev--candidates'; nil if none."
  (let ((n (or nth 1)) result)
    (while (and (> n 0) dabbrev--candidates)
      (let* ((cand (pop dabbrev--candidates)) (key (dabbrev--key abbrev (car cand))))
        (unless (member key dabbrev--offered)
          (push key dabbrev--offered)
          (setq n (1- n))
          (when (= n 0) (setq result cand)))))
    result))

(defun dabbrev--put (start text) "Replace the text from START to point with TEXT and remember the end."
  (delete-region start (point))
  (goto-char start)
  (insert text)
  (setq dabbrev--last-expansion text
        dabbrev--last-end (copy-marker (point))))

(defun dabbrev--following-words (source)
  "Candidates for a continuation: the word after the expansion at SOURCE, then the word after
each other place its text occurs, in search order from where it was put in."
  (let* ((prev dabbrev--last-expansion)
         (fold (dabbrev--fold-p prev))
         (others (save-excursion
                   (goto-char dabbrev--last-end)
                   (dabbrev--find-all prev (marker-position dabbrev--last-abbrev-location) 1)))
         result)
    (dolist (hit (cons (cons prev source) others))
      (when (if fold (string-prefix-p prev (car hit) t) (string-prefix-p prev (car hit)))
        (with-current-buffer (cadr hit)
          (save-excursion
            ;; From just after the text of PREV in the hit, on to the next word.
            (goto-char (- (cddr hit) (- (length (car hit)) (length prev))))
            (when (re-search-forward (dabbrev--char-regexp) nil t)
              (let* ((beg (match-beginning 0)) (end (dabbrev--word-end beg)))
                (push (cons (buffer-substring-no-properties beg end) (cons (current-buffer) end)) result)))))))
    (nreverse result)))

(defun dabbrev-expand (arg) "Expand the word before point from the words that begin with it elsewhere.
Run again at once, put the next such word in its place.  A numeric ARG takes the ARGth
candidate; a negative one looks forward from point first.  After an expansion, a space
and this command copy the word that followed the expansion where it was found."
  (interactive "*P")
  (let* ((repeat (and (null arg) (eq last-command this-command) dabbrev--last-end
                      (eq (marker-buffer dabbrev--last-end) (current-buffer))
                      (= (point) dabbrev--last-end)))
         (continue (and (not repeat) (null arg) dabbrev--last-end dabbrev--last-source
                        (eq (marker-buffer dabbrev--last-end) (current-buffer))
                        (= (point) (1+ dabbrev--last-end)) (eq (char-before) ?\s)
                        (buffer-live-p (car dabbrev--last-source)))))
    (cond
     (repeat
      (let ((cand (dabbrev--next dabbrev--last-abbreviation)))
        (if cand
            (progn (dabbrev--put dabbrev--last-abbrev-location
                                 (dabbrev--fit-case dabbrev--last-abbreviation (car cand)))
                   (setq dabbrev--last-source (cdr cand)))
          (dabbrev--put dabbrev--last-abbrev-location dabbrev--last-abbreviation)
          (setq dabbrev--last-end nil)
          (user-error (format-message "No further dynamic expansion for `%s' found"
                                      dabbrev--last-abbreviation)))))
     (continue
      (let ((dabbrev--check-other-buffers dabbrev-check-other-buffers)
            (dabbrev--check-all-buffers dabbrev-check-all-buffers))
        (setq dabbrev--candidates (dabbrev--following-words dabbrev--last-source)
              dabbrev--offered nil
              dabbrev--last-abbreviation ""
              dabbrev--last-abbrev-location (copy-marker (point))))
      (let ((cand (dabbrev--next "")))
        (if (not cand)
            (user-error (format-message "No dynamic expansion for `%s' found" dabbrev--last-expansion))
          (dabbrev--put (point) (car cand))
          (setq dabbrev--last-source (cdr cand)))))
     (t
      (let* ((found (dabbrev--abbrev-at-point))
             (abbrev (car found))
             (n (prefix-numeric-value arg))
             (dabbrev--check-other-buffers dabbrev-check-other-buffers)
             (dabbrev--check-all-buffers dabbrev-check-all-buffers))
        (setq dabbrev--last-abbreviation abbrev
              dabbrev--last-abbrev-location (copy-marker (cdr found))
              dabbrev--offered (list (dabbrev--key abbrev abbrev))
              dabbrev--candidates (dabbrev--find-all abbrev (cdr found) (if (< n 0) -1 1)))
        (let ((cand (dabbrev--next abbrev (abs n))))
          (if (not cand)
              (progn (setq dabbrev--last-end nil)
                     (user-error (format-message "No dynamic expansion for `%s' found" abbrev)))
            (dabbrev--put (cdr found) (dabbrev--fit-case abbrev (car cand)))
            (setq dabbrev--last-source (cdr cand))
            (unless (eq (cadr cand) (current-buffer))
              (message (format-message "Expansion found in `%s'" (buffer-name (cadr cand))))))))))))

(defun dabbrev-completion (&optional arg) "Complete the word before point from the words of this buffer that begin with it.
With one \\[universal-argument], the other buffers `dabbrev-check-other-buffers' allows are
searched too; with two, all buffers."
  (interactive "*P")
  (let* ((found (dabbrev--abbrev-at-point))
         (abbrev (car found))
         (n (prefix-numeric-value arg))
         (dabbrev--check-other-buffers (and arg t))
         (dabbrev--check-all-buffers (and arg (or (= n 16) dabbrev-check-all-buffers)))
         (dabbrev--offered (list (dabbrev--key abbrev abbrev)))
         (dabbrev--candidates (dabbrev--find-all abbrev (cdr found) 1))
         table cand)
    (while (setq cand (dabbrev--next abbrev))
      (push (dabbrev--fit-case abbrev (car cand)) table))
    (unless table
      (user-error "No dynamic expansion for \"%s\" found%s" abbrev
                  (if dabbrev--check-other-buffers "" " in this-buffer")))
    (let ((completion-ignore-case (dabbrev--fold-p abbrev)))
      (completion-in-region (cdr found) (point) (nreverse table)))))

(provide 'dabbrev)

;;; dabbrev.el ends here
