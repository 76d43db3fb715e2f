;;; format-spec.el --- templates with letters of one's own choosing  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour
;; (the Elisp manual's "Custom Format Strings", and runs of GNU's batch mode).

;; A template such as "%u@%h: %5p" names its pieces by letter; an alist maps
;; each letter to the text that replaces it.  Between the `%' and the letter
;; come optional flags (space - 0 < > ^ _), a width and a precision.

;;; Code:

(defconst format-spec--syntax
  "\\([-0 <>^_]*\\)\\([0-9]*\\)\\(?:\\.\\([0-9]+\\)\\)?\\([[:alpha:]]\\)?"
  "What follows the `%' of a directive; its letter is group 4.")

(defun format-spec--fit-left (text width) "Drop characters from the front of TEXT until it is at most WIDTH columns wide."
  (let ((from 0) (len (length text)))
    (while (and (< from len) (> (string-width text from) width))
      (setq from (1+ from)))
    (substring text from)))

(defconst format-spec--flag-names
  '((?- . :pad-right) (?0 . :pad-zero) (?< . :chop-left) (?> . :chop-right)
    (?^ . :upcase) (?_ . :downcase))
  "The keyword each flag character of a directive stands for.")

(defun format-spec--parse-flags (flags) "The keywords of the flag characters in the string FLAGS, in their order.
Characters that are not flags (a space, say) are left out."
  (delq nil (mapcar (lambda (char) (cdr (assq char format-spec--flag-names))) flags)))

(defun format-spec--do-flags (str flags width precision)
  "Return STR as a directive with the keyword FLAGS, WIDTH and PRECISION shows it.
WIDTH and PRECISION are numbers or nil; columns count as `string-width'
does.  The order matters: cut to PRECISION, pad to WIDTH, cut to WIDTH
for `:chop-left' and `:chop-right', and change the case last."
  (let* ((from-front (memq :chop-left flags))
         (cut (lambda (text cols)
                (if from-front (format-spec--fit-left text cols)
                  (truncate-string-to-width text cols))))
         (out (if precision (funcall cut str precision) str))
         (short (if width (- width (string-width out)) 0)))
    (when (> short 0)
      (let ((pad (make-string short (if (memq :pad-zero flags) ?0 ?\s))))
        (setq out (if (memq :pad-right flags) (concat out pad) (concat pad out)))))
    (when (and width (or from-front (memq :chop-right flags)))
      (setq out (funcall cut out width)))
    (if (memq :upcase flags) (upcase out)
      (if (memq :downcase flags) (downcase out) out))))

(defun format-spec (format specification &optional ignore-missing split)
  "Fill in the `%'-directives of the template FORMAT from SPECIFICATION.
SPECIFICATION is an alist of (LETTER . VALUE); a directive %LETTER
becomes VALUE, itself if a string, else as `format' prints it with
\"%s\".  Between `%' and the letter may come flags, a width and a
precision: `0' pads with zeros instead of spaces, `-' pads on the
right, `^' and `_' turn the value to upper and lower case, `<' and
`>' cut a value wider than the width from its start or end; the
precision cuts the value to that many columns, from its start when
`<' is given, else from its end.  \"%%\" stands for one `%'.

A letter SPECIFICATION lacks is an error unless IGNORE-MISSING is
non-nil: `ignore' then keeps the directive as it is, `delete'
removes it, and any other non-nil value keeps it and also keeps
the first `%' of \"%%\" as it is and reads the second as the start of
a directive.  With those, malformed directives are
kept as text instead of signaling.  The text properties of a
directive's `%' are put on its replacement.

If SPLIT is non-nil, return a list of strings instead: the pieces of
text between directives and the replacement of each directive, in
order."
  (with-temp-buffer
    (insert format) (goto-char 1)
    (let* ((pieces '()) (from 1)
           (keep-percents (and ignore-missing (not (memq ignore-missing '(ignore delete)))))
           ;; Record the text since the last piece, then PIECE, for SPLIT.
           (cut-piece (lambda (pct piece)
                        (when split
                          (if (< from pct) (push (buffer-substring from pct) pieces))
                          (push piece pieces)))))
      (while (progn (skip-chars-forward "^%") (not (eobp)))
        (let ((pct (point)))
          (forward-char 1)
          (cond
           ;; "%%" is one `%'; when `%'s are kept, the second one starts the
           ;; next directive, so "%%a" gives "%" and then a's value.
           ((eq (char-after) ?%)
            (unless keep-percents (delete-char 1)))
           ((and (looking-at format-spec--syntax) (match-beginning 4))
            (let* ((stop (match-end 0))
                   (found (assq (char-after (match-beginning 4)) specification))
                   (digits (match-string 2))
                   (places (match-string 3)))
              (cond
               (found
                (let ((new (format-spec--do-flags
                            (if (stringp (cdr found)) (cdr found) (format "%s" (cdr found)))
                            (format-spec--parse-flags (match-string 1))
                            (and (> (length digits) 0) (string-to-number digits))
                            (and places (string-to-number places)))))
                  ;; Put the replacement just after the `%', whose properties it
                  ;; inherits, and then remove the directive around it.
                  (delete-region (point) stop)
                  (insert-and-inherit new)
                  (delete-region pct (1+ pct))
                  (funcall cut-piece pct (buffer-substring pct (point)))
                  (setq from (point))))
               ((null ignore-missing)
                (error "Invalid format character: `%%%c'" (char-after (match-beginning 4))))
               ((eq ignore-missing 'delete)
                (delete-region pct stop)
                (funcall cut-piece pct "")
                (setq from pct))
               (t
                (funcall cut-piece pct "%")
                (setq from (1+ pct))
                (goto-char stop)))))
           ;; Not a directive: the `%' stays as text, unless that is an error.
           ((null ignore-missing) (error "Invalid format string")))))
      (cond ((not split) (buffer-string))
            (t (if (< from (point-max)) (push (buffer-substring from (point-max)) pieces))
               (nreverse pieces))))))

(defun format-spec-make (&rest pairs)
  "Return an alist for `format-spec' from PAIRS, alternately a letter and its value."
  (let ((rest pairs) (alist '()))
    (while rest
      (or (consp (cdr rest)) (error "Invalid list of pairs"))
      (setq alist (cons (cons (car rest) (nth 1 rest)) alist)
            rest (nthcdr 2 rest)))
    (nreverse alist)))

(provide 'format-spec)
