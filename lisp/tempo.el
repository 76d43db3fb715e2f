;;; tempo.el --- fill-in templates: text, prompts, and marks to jump between  -*- lexical-binding: t -*-

;; Part of tsmacs.  Written from GNU Emacs 28.2's observed behaviour.
;;
;; A template is a list of elements kept in the variable
;; `tempo-template-NAME', and `tempo-define-template' makes a command of
;; the same name that inserts it.  Strings are inserted; symbols such as
;; `p', `r', `n', `>' leave marks, wrap the region, break lines or
;; indent; lists prompt for text, reuse saved answers or are evaluated.
;; Templates may also be reached through tags, words expanded in place
;; by `tempo-complete-tag'.

;;; Code:

(defgroup tempo nil "Fill-in templates with marks to jump between." :group 'abbrev)

(defcustom tempo-leave-completion-buffer nil "Non-nil: keep the list of candidates shown after a partial completion." :type 'boolean)

(defcustom tempo-show-completion-buffer t "Non-nil: list the candidates when a tag only partly completes." :type 'boolean)

(defcustom tempo-insert-region nil "Non-nil: a template command wraps the region unless given an argument.
nil reverses that: only with an argument.  Irrelevant in Transient
Mark mode, where an active region is always wrapped." :type 'boolean)

(defcustom tempo-interactive nil "Non-nil: `p' elements with a prompt ask for their text." :type 'boolean)

(defvar tempo-user-elements nil "Functions tried on elements tempo does not know, until one returns a replacement.")

(defvar tempo-tags nil "The tags every buffer knows: an alist (TAG . TEMPLATE-SYMBOL).")

(defvar tempo-insert-string-functions nil "A function, or a list of them, each given a template's string before insertion.")

;; Per-buffer state.
(defvar-local tempo-marks nil "Markers, in buffer order, where templates left places to fill.")
(defvar-local tempo-named-insertions nil "Answers saved under names while one template is inserted.")
(defvar-local tempo-region-start (make-marker) "Where the region being wrapped starts.")
(defvar-local tempo-region-stop (make-marker) "Where the region being wrapped ends.")
(defvar-local tempo-local-tags (list (list 'tempo-tags)) "The tag lists this buffer uses: (TAG-LIST-SYMBOL . MATCH-FINDER) pairs.")
(defvar-local tempo-match-finder "\\b\\([[:word:]]+\\)\\=" "Regexp (group 1: the tag) or function finding the tag before point.")
(defvar-local tempo-dirty-collection t "Non-nil when `tempo-collection' must be merged again.")
(defvar-local tempo-collection nil "This buffer's tags, merged from the lists in `tempo-local-tags'.")

(defconst tempo--completions-buffer "*Completions*" "Where partial completions are listed.")

(defun tempo--mark-here ()
  "Leave a place to fill at point."
  (tempo-insert-mark (copy-marker (point))))

;;; Defining templates.

(defun tempo-define-template (name elements &optional tag documentation taglist) "Make the template NAME of ELEMENTS and the command inserting it.
Both are the symbol `tempo-template-NAME', which is returned.  TAG, if
given, is added to TAGLIST (a symbol, default `tempo-tags').
DOCUMENTATION is the command's documentation string."
  (let ((command (intern (concat "tempo-template-" name))))
    (set command elements)
    (fset command (list 'lambda '(&optional arg)
                        (or documentation (format "Insert a %s." name))
                        '(interactive "*P")
                        (list 'tempo-insert-template (list 'quote command)
                              '(if tempo-insert-region (not arg) arg))))
    (when tag (tempo-add-tag tag command taglist))
    command))

(defun tempo-add-tag (tag template &optional tag-list) "Let TAG stand for the template TEMPLATE (a symbol) in TAG-LIST.
TAG-LIST is a symbol holding an alist, by default `tempo-tags'; a tag
already there is given the new template."
  (interactive "sTag: \nCTemplate: ")
  (let* ((list-var (or tag-list 'tempo-tags))
         (entry (assoc tag (symbol-value list-var))))
    (cond (entry (setf (cdr entry) template))
          (t (set list-var (cons (cons tag template) (symbol-value list-var)))))
    (tempo-invalidate-collection t)))

(defun tempo-use-tag-list (tag-list &optional completion-function) "Make this buffer use the tags of TAG-LIST.
COMPLETION-FUNCTION, when given, becomes `tempo-match-finder'."
  (let ((known (assq tag-list tempo-local-tags)))
    (if known
        (setcdr known completion-function)
      (push (cons tag-list completion-function) tempo-local-tags)))
  (when completion-function (setq tempo-match-finder completion-function))
  (tempo-invalidate-collection nil))

(defun tempo-invalidate-collection (&optional global) "Mark this buffer's tag collection out of date; with GLOBAL, every buffer's."
  (if (not global)
      (setq tempo-dirty-collection t)
    (dolist (b (buffer-list))
      (when (local-variable-p 'tempo-dirty-collection b)
        (with-current-buffer b (setq tempo-dirty-collection t))))
    (setq-default tempo-dirty-collection t)))

(defun tempo-build-collection () "Merge the tag lists of `tempo-local-tags' into `tempo-collection', if out of date."
  (if (and tempo-collection (not tempo-dirty-collection))
      tempo-collection
    (setq tempo-dirty-collection nil)
    (setq tempo-collection
          (mapcan (lambda (pair) (copy-sequence (symbol-value (car pair)))) tempo-local-tags))))

;;; Inserting.

(defun tempo-insert-template (template on-region) "Insert the template held by the symbol TEMPLATE at point.
With ON-REGION (or an active region in Transient Mark mode), the
template wraps the region: `r' elements step over it.  Point ends at
the template's first place to fill, or after it."
  (let ((wrap (or on-region (and transient-mark-mode mark-active))))
    (when wrap
      (set-marker tempo-region-stop (region-end))
      (goto-char (set-marker tempo-region-start (region-beginning))))
    (let ((start-pos (point)))
      ;; Marks at both ends, so that point has somewhere to go afterwards.
      (tempo--mark-here)
      (mapc (lambda (element) (tempo-insert element wrap)) (symbol-value template))
      (tempo--mark-here)
      (goto-char start-pos)))
  (prog1 (tempo-forward-mark)
    (setq tempo-named-insertions nil)
    (and transient-mark-mode (deactivate-mark))))

(defun tempo--line-has-text-after-point ()
  "Non-nil if something other than blanks follows point on its line."
  (not (looking-at-p "[ \t]*$")))

(defun tempo--wrap-region (indent)
  "Step over the region being wrapped; with INDENT, indent it first."
  (when indent (indent-region tempo-region-start tempo-region-stop))
  (goto-char tempo-region-stop))

(defun tempo-insert (element on-region) "Insert one template ELEMENT; ON-REGION says a region is being wrapped."
  (pcase element
    ((pred stringp) (tempo-process-and-insert-string element))
    ('nil nil)
    ('p (tempo--mark-here))
    ((or 'r 'r>) (if on-region
                     (tempo--wrap-region (eq element 'r>))
                   (tempo--mark-here)))
    ('n (insert "\n"))
    ('> (indent-according-to-mode))
    ('n> (insert "\n") (indent-according-to-mode))
    ('& (unless (save-excursion (skip-chars-backward " \t") (bolp)) (insert ?\n)))
    ('% (when (tempo--line-has-text-after-point) (insert "\n")))
    ('o (when (tempo--line-has-text-after-point) (open-line 1)))
    (`(p . ,prompt) (tempo-insert-prompt-compat prompt))
    (`(P . ,prompt) (let ((tempo-interactive t)) (tempo-insert-prompt-compat prompt)))
    (`(,(and kind (or 'r 'r>)) . ,prompt)
     (cond ((not on-region) (tempo-insert-prompt-compat prompt))
           (t (tempo--wrap-region (eq kind 'r>)))))
    (`(s ,name) (tempo-insert-named name))
    (`(l . ,parts) (dolist (part parts) (tempo-insert part on-region)))
    (_ (let ((replacement (tempo-is-user-element element)))
         ;; Anything else is evaluated, and its value inserted in turn.
         (tempo-insert (or replacement (eval element t)) on-region)))))

(defun tempo-process-and-insert-string (string) "Insert STRING after passing it through `tempo-insert-string-functions'."
  (let ((fns tempo-insert-string-functions))
    (insert (seq-reduce (lambda (text fn) (funcall fn text))
                        (if (functionp fns) (list fns) fns)
                        string))))

(defun tempo-is-user-element (element) "The first non-nil value of `tempo-user-elements' on ELEMENT, or nil."
  (run-hook-with-args-until-success 'tempo-user-elements element))

(defun tempo-insert-prompt-compat (prompt) "Call `tempo-insert-prompt' with PROMPT: a string or (PROMPT SAVE-NAME NO-INSERT)."
  (apply #'tempo-insert-prompt (if (consp prompt) prompt (list prompt))))

(defun tempo-insert-prompt (prompt &optional save-name no-insert) "Ask with PROMPT for text to insert, when `tempo-interactive'; else leave a mark.
SAVE-NAME keeps the answer for `s' elements, and an answer already kept
under it is inserted without asking.  NO-INSERT only keeps it."
  (cond ((and save-name (tempo-lookup-named save-name))
         (tempo-insert-named save-name))
        ((not tempo-interactive) (tempo--mark-here))
        (t
         (let ((answer (read-string prompt)))
           (when save-name (tempo-save-named save-name answer))
           (unless no-insert (insert answer))))))

(defun tempo-save-named (name data) "Keep DATA under NAME for the template being inserted."
  (push (cons name data) tempo-named-insertions))

(defun tempo-lookup-named (name) "What was kept under NAME, or nil."
  (alist-get name tempo-named-insertions))

(defun tempo-insert-named (name) "Insert what was kept under NAME; a mark if nothing was."
  (let ((kept (tempo-lookup-named name)))
    (if kept
        (tempo-insert kept nil)
      (tempo--mark-here))))

(defun tempo-forget-insertions () "Drop the answers kept while inserting a template."
  (kill-local-variable 'tempo-named-insertions))

;;; Marks.

(defun tempo-insert-mark (mark) "Add the marker MARK to `tempo-marks', unless one is there already."
  (unless (memql (marker-position mark) (mapcar #'marker-position tempo-marks))
    (let ((before nil) (after tempo-marks))
      (while (and after (< (car after) mark))
        (push (pop after) before))
      (setq tempo-marks (nconc (nreverse before) (cons mark after)))))
  mark)

(defun tempo-forward-mark () "Go to the next place a template left to fill."
  (interactive nil)
  (let ((marks tempo-marks))
    (while (and marks (<= (car marks) (point))) (setq marks (cdr marks)))
    (when marks (goto-char (car marks)) (car marks))))

(defun tempo-backward-mark () "Go to the previous place a template left to fill."
  (interactive nil)
  (let ((marks tempo-marks) (prev nil))
    (while (and marks (< (car marks) (point))) (setq prev (pop marks)))
    (when prev (goto-char prev) prev)))

;;; Tags.

(defun tempo-find-match-string (finder) "Find the tag before point with FINDER: (TAG . START) or nil.
FINDER is a regexp whose group 1 is the tag, or a function returning
the pair itself."
  (cond ((functionp finder) (funcall finder))
        ((save-excursion (re-search-backward finder nil t))
         (cons (match-string 1) (match-beginning 1)))))

(defun tempo-display-completions (string tag-list) "List in *Completions* the tags of TAG-LIST that start with STRING."
  (with-output-to-temp-buffer tempo--completions-buffer
    (display-completion-list (all-completions string tag-list))))

(defun tempo-complete-tag (&optional silent) "Expand the tag before point into its template, completing it if need be.
A tag completing to more than one leaves the common part and, with
`tempo-show-completion-buffer', lists the candidates.  SILENT: no beep."
  (interactive "*")
  (let* ((table (tempo-build-collection))
         (found (tempo-find-match-string tempo-match-finder))
         (word (car found))
         (completion (and found (if (assoc word table) word (try-completion word table)))))
    (when (eq completion t) (setq completion word))
    (cond ((null completion) (or silent (ding)))
          ((assoc completion table)
           (delete-region (cdr found) (point))
           (tempo-insert-template (cdr (assoc completion table)) nil))
          (t
           (delete-region (cdr found) (point))
           (insert-before-markers completion)
           (unless silent (ding))
           (when tempo-show-completion-buffer
             (tempo-display-completions completion table))
           nil))))

(defun tempo-expand-if-complete () "Expand the tag before point if it names a template; non-nil if it did."
  (interactive "*")
  (let* ((found (tempo-find-match-string tempo-match-finder))
         (entry (and found (assoc (car found) (tempo-build-collection)))))
    (when entry
      (delete-region (cdr found) (point))
      (tempo-insert-template (cdr entry) nil)
      t)))

(provide 'tempo)

;;; tempo.el ends here
