;;; electric.el --- reindenting as you type, and the commands around it  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (test/corpus/electric.el)
;; and the Emacs manual ("Indent Convenience").  GNU preloads this library; here it is
;; loaded at the first typed character, through the autoload of the function that
;; `post-self-insert-hook' holds from the start.  Electric Indent mode's variables are
;; declared in autoloads.el, so that they exist before that.

;;; Code:

(defun electric--after-char-pos ()
  "Return where the character just typed ends, or nil if it cannot be found.
That is point when the character before it is `last-command-event', else
the same test made after going back over spaces and tabs (indentation
added since the character went in)."
  (let ((typed last-command-event))
    (save-excursion
      (unless (eq (char-before) typed)
        (skip-chars-backward " \t"))
      (and (eq (char-before) typed) (point)))))

(defun electric--indent-wanted-p (char)
  "Tell whether typing CHAR should reindent: `electric-indent-functions' decide
first (`no-indent' refuses), then membership in `electric-indent-chars'."
  (let ((verdict (run-hook-with-args-until-success 'electric-indent-functions char)))
    (if verdict
        (not (eq verdict 'no-indent))
      (memq char electric-indent-chars))))

(defun electric-indent-post-self-insert-function ()
  "Reindent after a character of `electric-indent-chars' has been typed.
After a newline the line it ended is reindented (unless
`electric-indent-inhibit' is set or the mode indents relatively, see
`electric-indent-functions-without-reindent') and loses its trailing
whitespace, and the new line is indented; after another such character
its own line is reindented, unless `electric-indent-inhibit' is set."
  (let ((char last-command-event)
        end)
    (when (and electric-indent-mode
               (characterp char)
               (setq end (electric--after-char-pos))
               (electric--indent-wanted-p char))
      (if (eq char ?\n)
          (let ((newline (copy-marker (1- end) t)))
            (save-excursion
              (goto-char newline)
              (unless (or electric-indent-inhibit
                          (memq indent-line-function electric-indent-functions-without-reindent))
                (indent-according-to-mode))
              (goto-char newline)
              (delete-horizontal-space t))
            (set-marker newline nil)
            (indent-according-to-mode))
        (unless electric-indent-inhibit
          (save-excursion
            (goto-char end)
            (indent-according-to-mode)))))))

(defun electric--hook-in ()
  "Put the reindenting function first on the global `post-self-insert-hook'."
  (add-hook 'post-self-insert-hook #'electric-indent-post-self-insert-function 60))

(defun electric--still-wanted-p ()
  "Tell whether some live buffer has Electric Indent mode on, in its own value."
  (let ((bufs (buffer-list)) (found nil))
    (while (and bufs (not found))
      (setq found (buffer-local-value 'electric-indent-mode (car bufs))
            bufs (cdr bufs)))
    found))

(define-minor-mode electric-indent-mode
  "Toggle reindenting lines as certain characters are typed, in every buffer.
The characters are those of `electric-indent-chars' (a newline by
default), or those `electric-indent-functions' accept.  See
`electric-indent-local-mode' for one buffer only."
  :global t
  :init-value t
  (cond (electric-indent-mode (electric--hook-in))
        ;; Off everywhere: the function leaves the hook, unless a buffer
        ;; keeps the mode on for itself.
        ((electric--still-wanted-p))
        (t (remove-hook 'post-self-insert-hook #'electric-indent-post-self-insert-function))))

(defun electric--keep-local (var) "Keep VAR buffer-local only if its value here differs from its default value."
  (let ((wanted (symbol-value var)))
    (kill-local-variable var)
    (unless (eq wanted (symbol-value var))
      (set (make-local-variable var) wanted))))

(define-minor-mode electric-indent-local-mode
  "Toggle Electric Indent mode in this buffer only, leaving other buffers as they are."
  :variable (buffer-local-value 'electric-indent-mode (current-buffer))
  ;; A buffer whose state is the global one keeps no value of its own.
  (electric--keep-local 'electric-indent-mode)
  (when electric-indent-mode
    (electric--hook-in)))

(defun electric-indent-just-newline (arg)
  "Insert a newline, ARG times, with no electric indentation.
The newline is inserted as typing it would insert it, hooks included." (interactive "*P")
  ;; `newline' runs the hook when told it is typed; the mode is off meanwhile.
  (let ((electric-indent-mode nil))
    (newline arg t)))

(defun electric-newline-and-maybe-indent ()
  "Insert a newline, and indent the new line unless Electric Indent mode would.
With Electric Indent mode on, RET already indents, so this inserts a plain
newline; with it off, this indents as `newline-and-indent' does." (interactive "*")
  (if (not electric-indent-mode)
      (newline-and-indent)
    (electric-indent-just-newline nil)))

;;;; Electric Quote mode

(defun electric-quote--wanted-here-p ()
  "Tell whether the quote just typed at point is in a place quoting applies to.
That is a comment (`electric-quote-comment'), a string
(`electric-quote-string'), or the text of a Text mode buffer
\(`electric-quote-paragraph'), unless `electric-quote-inhibit-functions' object."
  (and (not (run-hook-with-args-until-success 'electric-quote-inhibit-functions))
       (let ((state (save-excursion (syntax-ppss (1- (point))))))
         (cond ((nth 4 state) electric-quote-comment)
               ((nth 3 state) electric-quote-string)
               (t (and electric-quote-paragraph (derived-mode-p 'text-mode)))))))

(defun electric-quote--opening-p (pos)
  "Tell whether a quote at POS would open a quotation: it starts the buffer
or follows whitespace or an opening delimiter, escape characters before
POS not counting."
  (while (and (> pos (point-min)) (eq (char-syntax (char-before pos)) ?\\))
    (setq pos (1- pos)))
  (or (= pos (point-min))
      (memq (char-syntax (char-before pos)) '(?\s ?\( ?>))
      (memq (char-before pos) '(?\n ?\t ?\s))))

(defun electric-quote-post-self-insert-function ()
  "Turn the ` or ' (or \" with `electric-quote-replace-double') just typed into
a curved quote from `electric-quote-chars', where Electric Quote mode applies.
A ` after an opening single quote, or a ' after a closing one, makes the
double quote of that side."
  (let ((typed last-command-event))
    (when (and electric-quote-mode
               (memq typed (if electric-quote-replace-double '(?` ?' ?\") '(?` ?')))
               (eq (char-before) typed)
               (electric-quote--wanted-here-p))
      (let* ((at (1- (point)))
             (open-1 (nth 0 electric-quote-chars))
             (close-1 (nth 1 electric-quote-chars))
             (open-2 (nth 2 electric-quote-chars))
             (close-2 (nth 3 electric-quote-chars))
             (opening (and (not (eq typed ?`))
                           (or (eq typed ?\") electric-quote-context-sensitive)
                           (electric-quote--opening-p at)))
             (previous (char-before at))
             (new nil) (from at))
        (cond ((eq typed ?\")
               (setq new (if opening open-2 close-2)))
              ((eq typed ?`)
               (unless electric-quote-context-sensitive
                 (if (eq previous open-1)
                     (setq new open-2 from (1- at))
                   (setq new open-1))))
              ((and electric-quote-context-sensitive (eq typed ?') (eq previous open-1))
               ;; An opening single quote typed twice makes the double one.
               (setq new open-2 from (1- at)))
              (opening (setq new open-1))
              ((eq previous close-1) (setq new close-2 from (1- at)))
              (t (setq new close-1)))
        (when new
          (delete-region from (point))
          (insert new))))))

(define-minor-mode electric-quote-mode
  "Toggle turning the quotes typed into curved quotes, in every buffer.
A ` becomes an opening single quote and a ' a closing one, in comments,
in strings and in text, as `electric-quote-comment', `electric-quote-string'
and `electric-quote-paragraph' say; `electric-quote-chars' gives the quotes."
  :global t
  (if electric-quote-mode
      (add-hook 'post-self-insert-hook #'electric-quote-post-self-insert-function 10)
    (remove-hook 'post-self-insert-hook #'electric-quote-post-self-insert-function)))

(define-minor-mode electric-quote-local-mode
  "Toggle Electric Quote mode in this buffer only, leaving other buffers as they are."
  :variable (buffer-local-value 'electric-quote-mode (current-buffer))
  (electric--keep-local 'electric-quote-mode)
  (when electric-quote-mode
    (add-hook 'post-self-insert-hook #'electric-quote-post-self-insert-function 10)))


;;;; Electric Layout mode


(defun electric-layout-post-self-insert-function ()
  "Add the newlines `electric-layout-rules' asks for around the character just typed."
  (and electric-layout-mode (electric-layout-post-self-insert-function-1)))

(defun electric-layout-post-self-insert-function-1 ()
  "Do the work of `electric-layout-post-self-insert-function', whatever the mode's state."
  (let* ((rule (and (integerp last-command-event)
                    (cdr (assq last-command-event electric-layout-rules))))
         (end (and rule (electric--after-char-pos))))
    (when (and end (not (nth 8 (save-excursion (syntax-ppss end)))))
      (when (functionp rule) (setq rule (funcall rule)))
      (let ((wanted (if (listp rule) rule (list rule)))
            (end-marker (copy-marker end t)))
        (when (memq 'around wanted)
          (setq wanted (append '(before after) wanted)))
        ;; A newline before the character, unless it already starts its line.
        ;; The blanks before it go, and the character's line is indented.
        (when (memq 'before wanted)
          (let* ((char-pos (1- end-marker))
                 (blanks (save-excursion (goto-char char-pos) (skip-chars-backward " \t") (point))))
            (unless (save-excursion (goto-char blanks) (bolp))
              (save-excursion (delete-region blanks char-pos) (goto-char blanks)
                              (electric--layout-newline)))))
        (let ((follow (and (memq 'after wanted) (= (point) end-marker)))
              (new-line-pos (and (or (memq 'after wanted) (memq 'after-stay wanted))
                                 (save-excursion (goto-char end-marker) (electric--layout-newline)))))
          ;; Electric Indent reindents the typed character's line as if the
          ;; newline after it were not there yet, then the new line.
          (when (and new-line-pos electric-indent-mode (not electric-indent-inhibit)
                     (electric--indent-wanted-p last-command-event))
            (save-excursion (goto-char new-line-pos) (forward-line -1) (indent-according-to-mode))
            (setq new-line-pos (save-excursion (goto-char new-line-pos) (indent-according-to-mode) (point))))
          (when follow (goto-char new-line-pos)))
        (set-marker end-marker nil)))))

(defun electric--layout-newline () "Insert a newline at point and return where point ends.
The new line is indented when Electric Indent mode is on; the line the
newline ends is left as it is."
  (insert "\n")
  (when electric-indent-mode (indent-according-to-mode))
  (point))

(defun electric-layout--hook-in ()
  "Put the layout function first on the global `post-self-insert-hook'."
  (add-hook 'post-self-insert-hook #'electric-layout-post-self-insert-function 40))

(define-minor-mode electric-layout-mode
  "Toggle adding newlines around the characters `electric-layout-rules' names, in every buffer."
  :global t
  (cond (electric-layout-mode (electric-layout--hook-in))
        ((seq-some (lambda (b) (buffer-local-value 'electric-layout-mode b)) (buffer-list)))
        (t (remove-hook 'post-self-insert-hook #'electric-layout-post-self-insert-function))))

(define-minor-mode electric-layout-local-mode
  "Toggle Electric Layout mode in this buffer only."
  :variable (buffer-local-value 'electric-layout-mode (current-buffer))
  (electric--keep-local 'electric-layout-mode)
  (when electric-layout-mode
    (electric-layout--hook-in)))

(provide 'electric)

;;; electric.el ends here
