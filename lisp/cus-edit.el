;;; cus-edit.el --- Customize buffers: user options shown and edited as widgets  -*- lexical-binding: t -*-

;; Written for tsmacs from the Emacs manual ("Easy Customization") and GNU
;; Emacs 28.2's observed behaviour (recorded in test/corpus/lib-cus-edit.el).
;;
;; The setting half of Customize (themes, `customize-set-variable',
;; `custom-set-variables'...) is preloaded from custom-themes.el; this file
;; adds the buffers.  A Customize buffer is made of widgets (wid-edit.el):
;; a header, then one `custom-variable' widget per option.  Such a widget
;; shows a visibility button, the option's name, a child widget of the
;; option's :type holding the value, a State button with the option's
;; state, its documentation, an optional comment field and links to its
;; groups.  `custom-file' and `custom-save-all' write the saved settings as
;; a `custom-set-variables' form (and an empty or filled `custom-set-faces'
;; form) into the custom file.

(require 'wid-edit)

(defgroup customize '((widgets custom-group)) "Customization of the Customization buffers."
  :prefix "custom-" :group 'help)

(defface custom-variable-tag '((t :weight bold :foreground "blue1")) "Face of an option's name." :group 'customize)
(defface custom-state '((t :foreground "dark green")) "Face of the state of an option." :group 'customize)
(defface custom-documentation '((t nil)) "Face of an option's documentation." :group 'customize)
(defface custom-comment '((t :background "gray85")) "Face of a comment field." :group 'customize)
(defface custom-comment-tag '((t :foreground "blue4")) "Face of the label of a comment." :group 'customize)
(defface custom-button '((t :box (:line-width 2 :style released-button))) "Face of Customize buttons." :group 'customize)
(defface custom-link '((t :inherit link)) "Face of links in Customize buffers." :group 'customize)
(defface custom-group-tag '((t :weight bold :height 1.2)) "Face of a group's name." :group 'customize)

(defcustom custom-buffer-done-kill nil "Whether quitting a Customize buffer kills it rather than burying it."
  :type 'boolean :group 'customize)
(defcustom custom-unlispify-tag-names t "Whether options and groups are shown by words rather than their Lisp names."
  :type 'boolean :group 'customize)
(defcustom custom-buffer-indent 3 "How far the lines under an option's name are indented." :type 'integer :group 'customize)
(defcustom custom-search-field t "Whether Customize buffers start with a search field." :type 'boolean :group 'customize)

(defvar custom-options nil "The widgets of the settings shown in this Customize buffer.")
(make-variable-buffer-local 'custom-options)

;;; Names.

(defun custom-unlispify-tag-name (symbol) "Return SYMBOL's name as words: dashes become spaces and each word is capitalized.
The string remembers SYMBOL in its `custom-data' property."
  (let ((words (if custom-unlispify-tag-names
                   (capitalize (replace-regexp-in-string "-" " " (symbol-name symbol)))
                 (symbol-name symbol))))
    (propertize words 'custom-data symbol)))

(defun custom-unlispify-menu-entry (symbol &optional no-suffix) "Return the name of SYMBOL as a menu shows it, with \"...\" unless NO-SUFFIX."
  (concat (custom-unlispify-tag-name symbol) (if no-suffix "" "...")))

;;; The custom file.

(defun custom-file (&optional no-error) "Return the file customizations are saved in.
That is `custom-file', or else the init file.  When Emacs read no init
file (as with -q), saving would clobber the user's settings: signal a
`user-error', or return nil when NO-ERROR."
  (cond ((null user-init-file)
         (unless no-error
           (user-error "Saving settings from \"emacs -q\" would overwrite existing customizations")))
        (custom-file (file-chase-links (expand-file-name custom-file)))
        (t user-init-file)))

(defconst custom--file-warning
  (mapconcat #'identity
             (list " ;; %s was added by Custom."
                   (concat " ;; If you edit it by hand, you could mess it up, "
                           "so be careful.")
                   (concat " ;; Your init file should contain only one "
                           "such instance.")
                   (concat " ;; If there is more than one, "
                           "they won't work right."))
             "\n")
  "The comment Custom puts at the head of the forms it writes.")

(defun custom--saved-entry (sym form) "Return the `custom-set-variables' entry of SYM saved as FORM."
  (let ((now (and (not (get sym 'standard-value)) (boundp sym)))
        (req (get sym 'custom-requests))
        (note (get sym 'saved-variable-comment)))
    (cond (note (list sym form now req note))
          (req (list sym form now req))
          (now (list sym form t))
          (t (list sym form)))))

(defun custom--saved-symbols (prop) "Return the symbols having PROP, sorted by name."
  (let ((found nil))
    (mapatoms (lambda (s) (when (get s prop) (push s found))))
    (sort found (lambda (a b) (string< (symbol-name a) (symbol-name b))))))

(defun custom--write-form (head entries) "Replace the HEAD form in the current buffer by one listing ENTRIES, or add one at the end."
  (goto-char (point-min))
  (let ((there nil))
    (condition-case nil
        (while (not there)
          (let ((form (read (current-buffer))))
            (when (eq (car-safe form) head)
              (setq there (point))
              (let ((end (point)))
                (backward-sexp)
                (delete-region (point) end)))))
      (end-of-file nil))
    (unless there
      (goto-char (point-max))
      (unless (bolp) (insert "\n")))
    (let ((print-length nil) (print-level nil) (print-escape-newlines t))
      (insert "(" (symbol-name head) "\n" (format custom--file-warning head))
      (dolist (e entries)
        (insert "\n '" (prin1-to-string e)))
      ;; With nothing to list, the parenthesis closes on a line of its own.
      (insert (if entries ")" "\n )"))
      (unless there (insert "\n")))))

(defun custom-save-variables () "Write the saved variables into the custom file's buffer, which is current."
  (custom--write-form 'custom-set-variables
                      (mapcar (lambda (s) (custom--saved-entry s (car (get s 'saved-value))))
                              (custom--saved-symbols 'saved-value))))

(defun custom-save-faces () "Write the saved faces into the custom file's buffer, which is current."
  (custom--write-form 'custom-set-faces
                      (mapcar (lambda (f)
                                (let ((note (get f 'saved-face-comment)))
                                  (if note (list f (get f 'saved-face) nil note)
                                    (list f (get f 'saved-face)))))
                              (custom--saved-symbols 'saved-face))))

(defun custom-save-all () "Write every saved customization into the custom file."
  (with-current-buffer (find-file-noselect (custom-file))
    (widget--quietly (custom-save-variables) (custom-save-faces))
    (let ((file-precious-flag t)) (save-buffer))))

;;; States.

(defun custom--form-value (forms) "Return the value of the first of FORMS, or the symbol `custom--bad' when it fails."
  (condition-case nil (eval (car forms) t) (error 'custom--bad)))

(defun custom-variable-state (symbol value) "Return the Customize state of SYMBOL: `set', `saved', `themed', `standard', `changed' or `rogue'.
As GNU's, it judges the value SYMBOL holds, whatever VALUE says."
  (ignore value)
  (let ((themes (get symbol 'theme-value))
        (value (and (default-boundp symbol) (default-value symbol))))
    (cond ((get symbol 'customized-value)
           (if (equal value (custom--form-value (get symbol 'customized-value))) 'set 'changed))
          ;; A saved value counts through the user theme's entry only.
          (themes
           (if (equal value (custom--form-value (cdar themes)))
               (if (eq (caar themes) 'user) 'saved 'themed)
             'changed))
          ((get symbol 'standard-value)
           (if (equal value (custom--form-value (get symbol 'standard-value))) 'standard 'changed))
          (t 'rogue))))

(defconst custom--state-texts
  `((modified . ,(concat "EDITED, shown value does not take effect "
                         "until you set or save it."))
    (set . "SET for current session only.")
    (saved . "SAVED and set.")
    (themed . "THEMED.")
    (changed . "CHANGED outside Customize.")
    (standard . "STANDARD.")
    (rogue . "NO CUSTOMIZATION DATA; not intended to be customized.")
    (hidden . "HIDDEN, invoke \"Show\" in the previous line to show."))
  "What the State line says for each state of an option.")

;;; The option widget.

(define-widget 'custom 'default "The parts all Customize items share."
  :format "%v" :custom-state nil :value-delete #'widget--delete-children
  :notify #'custom-notify)

(defun custom-notify (widget &rest _) "Mark WIDGET as edited when something in it changed; the State line says so when WIDGET is drawn again."
  (widget-put widget :custom-state 'modified))

(define-widget 'custom-magic 'default "The State line of a Customize item."
  :format "%v" :value-create #'custom-magic-value-create :notify #'ignore)

(defun custom-magic-value-create (widget) "Insert the State button and the state text of the item WIDGET describes."
  (let* ((item (widget-get widget :custom-item))
         (state (widget-get item :custom-state)))
    (insert-char ?\s custom-buffer-indent)
    (widget-create-child-and-convert widget 'push-button :tag " State "
                                     :action (lambda (&rest _) (custom-variable-set item)))
    (insert ": " (or (cdr (assq state custom--state-texts)) (format "%s" state)) "\n")))

(define-widget 'custom-variable 'custom "A user option in a Customize buffer."
  :value-create #'custom-variable-value-create
  :custom-set #'custom-variable-set :custom-save #'custom-variable-save
  :custom-reset-current #'custom-variable-reset-current
  :custom-reset-saved #'custom-variable-reset-saved
  :custom-reset-standard #'custom-variable-reset-standard)

(defun custom-variable-type (symbol) "Return the widget type of SYMBOL's value, from its :type." 
  (let ((ty (get symbol 'custom-type)))
    (if (or (null ty) (and (symbolp ty) (not (get ty 'widget-type)))) 'sexp ty)))

(defun custom--multi-line-type-p (type) "Return non-nil when widgets of TYPE take lines of their own: lists, groups, sets."
  (let ((class (if (consp type) (car type) type)) (found nil))
    (while (and class (not found))
      (setq found (memq class '(group editable-list checklist radio-button-choice))
            class (car (get class 'widget-type))))
    found))

(defun custom--doc-lines (symbol) "Return the lines of SYMBOL's variable documentation, with a note when it is obsolete."
  (let ((doc (documentation-property symbol 'variable-documentation t))
        (old (get symbol 'byte-obsolete-variable)))
    (when (and old (stringp doc))
      (setq doc (concat doc "\n\n"
                        (if (car old)
                            (format-message "This variable is obsolete since %s;\nuse `%s' instead."
                                            (nth 2 old) (car old))
                          (format "This variable is obsolete since %s." (nth 2 old))))))
    (and (stringp doc) (split-string doc "\n"))))

(defun custom-variable-value-create (widget) "Insert the option WIDGET stands for: name, value, state, documentation, comment and groups."
  (let* ((symbol (widget-get widget :value))
         (shown (widget-get widget :shown-value))
         (value (if shown (car shown) (default-value symbol)))
         (indent (make-string custom-buffer-indent ?\s))
         (doc (custom--doc-lines symbol))
         buttons)
    (widget-put widget :shown-value nil)
    (unless (widget-get widget :custom-state)
      (widget-put widget :custom-state (custom-variable-state symbol value)))
    (if (eq (widget-get widget :custom-state) 'hidden)
        (custom--insert-folded widget symbol doc)
      (custom--insert-unfolded widget symbol value doc indent))))

(defun custom--insert-folded (widget symbol doc) "Insert the one-line form of the option SYMBOL in WIDGET: a Show button, its name and DOC's first line."
  (widget-put widget :buttons
              (list (widget-create-child-and-convert
                     widget 'push-button :format "%[%v%]" :value-create (lambda (_) (insert "Show Value"))
                     :action (lambda (&rest _)
                               (widget-put widget :custom-state nil)
                               (save-excursion (widget-value-set widget symbol))
                               (widget-setup)))))
  (insert " " (custom-unlispify-tag-name symbol) " \n")
  (when doc
    (insert (make-string custom-buffer-indent ?\s) (car doc) (if (cdr doc) " More" "") "\n")))

(defun custom--insert-unfolded (widget symbol value doc indent) "Insert the full form of the option SYMBOL holding VALUE in WIDGET; DOC are its documentation lines, INDENT the text lines under the name start with."
  (let (buttons)
    (push (widget-create-child-and-convert widget 'visibility :value t :on "Hide" :off "Show"
                                           :action (lambda (&rest _) nil))
          buttons)
    (insert " " (custom-unlispify-tag-name symbol)
            ;; A value of several lines starts on the next one.
            (if (custom--multi-line-type-p (custom-variable-type symbol)) ":\n" ": "))
    (let ((child (widget-create-child-and-convert
                  widget (custom-variable-type symbol) :value value)))
      (widget-put widget :children (list child)))
    (let ((magic (widget-create-child-and-convert widget 'custom-magic :custom-item widget)))
      (widget-put widget :custom-magic magic)
      (push magic buttons))
    (when doc
      (insert indent (car doc))
      (when (cdr doc)
        (insert " ")
        (push (widget-create-child-and-convert widget 'visibility :value t :on "Hide" :off "Show"
                                               :action (lambda (&rest _) nil))
              buttons)
        (dolist (line (cdr doc)) (insert "\n" indent line)))
      (insert "\n"))
    (when (widget-get widget :comment-shown)
      (let ((c (widget-create-child-and-convert
                widget 'editable-field :format "Comment: %v" :tag "Comment"
                :value (or (get symbol 'variable-comment) ""))))
        (widget-put widget :comment-widget c)
        (widget-put widget :children (append (widget-get widget :children) (list c)))))
    ;; Inside a group's buffer, that group goes without saying.
    (let ((groups (remove (widget-get (widget-get widget :parent) :value) (custom--groups-of symbol))))
      (when groups
        (insert "Groups:")
        (dolist (g groups)
          (insert " ")
          (push (widget-create-child-and-convert widget 'push-button :button-prefix "" :button-suffix ""
                                                 :format "%[%v%]" :value-create
                                                 (lambda (w) (insert "[" (custom-unlispify-tag-name (widget-get w :group)) "]"))
                                                 :group g
                                                 :action (lambda (w &rest _) (customize-group (widget-get w :group))))
                buttons))
        (insert "\n")))
    (widget-put widget :buttons buttons)))

(defun custom--groups-of (symbol) "Return the groups that list SYMBOL among their members, in the order they were made."
  (let ((found nil))
    (mapatoms (lambda (g)
                (when (assq symbol (get g 'custom-group))
                  (push g found))))
    (sort found (lambda (a b) (string< (symbol-name a) (symbol-name b))))))

(defun custom-redraw (widget) "Create WIDGET again, keeping a value the user is editing and point's place in it."
  (let* ((kid (car (widget-get widget :children)))
         ;; Line and column of point; `line-beginning-position' would stop at a field.
         (here (cons (count-lines 1 (save-excursion (forward-line 0) (point))) (current-column)))
         (was-in (<= (widget-get widget :from) (point) (widget-get widget :to))))
    (when kid
      (let ((edited (widget-value kid)))
        (unless (equal edited (default-value (widget-get widget :value)))
          (widget-put widget :shown-value (list edited))
          (widget-put widget :custom-state 'modified))))
    (save-excursion (widget-value-set widget (widget-get widget :value)))
    (widget-setup)
    (when was-in
      (goto-char 1)
      (forward-line (car here))
      (move-to-column (cdr here)))))

(defun custom-comment-show (widget) "Show the comment field of the option WIDGET."
  (widget-put widget :comment-shown t)
  (custom-redraw widget))

(defun custom--shown-value (widget) "Return the value the option WIDGET shows, or signal the first invalid part."
  (let* ((child (car (widget-get widget :children)))
         (bad (widget-apply child :validate)))
    (when bad
      (goto-char (widget-get bad :from))
      (error "%s" (widget-get bad :error)))
    (widget-value child)))

(defun custom--comment-text (widget) "Return the comment WIDGET shows, or nil when none is shown."
  (let ((c (widget-get widget :comment-widget)))
    (and c (widget-value c))))

(defun custom-variable-set (widget) "Give the option WIDGET shows the value it shows, for this session."
  (let ((symbol (widget-get widget :value))
        (value (custom--shown-value widget)))
    (customize-set-variable symbol value (custom--comment-text widget))
    (widget-put widget :custom-state (custom-variable-state symbol value))
    (custom-redraw widget)))

(defun custom-variable-save (widget) "Give the option WIDGET shows its shown value and save it in the custom file."
  (let ((symbol (widget-get widget :value))
        (value (custom--shown-value widget)))
    (custom--as-user symbol value)
    (put symbol 'saved-value (list (custom-quote value)))
    (custom--set-comment symbol (custom--comment-text widget) '(variable-comment saved-variable-comment))
    (dolist (p '(customized-value customized-variable-comment)) (put symbol p nil))
    (custom-save-all)
    (widget-put widget :custom-state (custom-variable-state symbol value))
    (custom-redraw widget)))

(defun custom--reset-to (widget forms) "Show in WIDGET the value of the first of FORMS, and give it to the option."
  (let ((symbol (widget-get widget :value)))
    (when forms
      (custom--call-setter symbol (eval (car forms) t)))
    (widget-put widget :custom-state nil)
    (widget-put widget :shown-value nil)
    (save-excursion (widget-value-set widget symbol))
    (widget-setup)))

(defun custom-variable-reset-current (widget) "Show the option's current value again in WIDGET, dropping edits."
  (custom--reset-to widget nil))

(defun custom-variable-reset-saved (widget) "Give the option in WIDGET its saved value again."
  (let ((symbol (widget-get widget :value)))
    (put symbol 'customized-value nil)
    (custom--reset-to widget (or (get symbol 'saved-value) (get symbol 'standard-value)))))

(defun custom-variable-reset-standard (widget) "Give the option in WIDGET its standard value and forget its customizations."
  (let ((symbol (widget-get widget :value)))
    (dolist (p '(customized-value saved-value)) (put symbol p nil))
    (custom-push-theme 'theme-value symbol 'user 'reset)
    (custom--reset-to widget (get symbol 'standard-value))))

;;; The buffer.

(defvar custom-mode-map
  (let ((m (make-keymap)))
    (set-keymap-parent m widget-keymap)
    (define-key m "\C-x\C-s" #'Custom-save)
    (define-key m "\C-c\C-c" #'Custom-set)
    (define-key m "q" #'Custom-buffer-done)
    (define-key m "n" #'widget-forward)
    (define-key m "p" #'widget-backward)
    (define-key m "u" #'Custom-goto-parent)
    m)
  "The keymap of Customize buffers.")

(defvar Custom-mode-hook nil "Hook run when a Customize buffer is set up.")

(defun Custom-mode () "Major mode of Customize buffers: options and groups shown as widgets.
\\{custom-mode-map}" (interactive)
  (kill-all-local-variables)
  (setq major-mode 'Custom-mode mode-name "Custom")
  (use-local-map custom-mode-map)
  (run-mode-hooks 'Custom-mode-hook))

(defun custom-mode () "Switch to Custom mode (its old name)." (interactive) (Custom-mode))

(defun custom--all-options (fn) "Call FN on each option widget of this buffer that shows a variable, inside groups too."
  (let ((todo custom-options))
    (while todo
      (let ((w (pop todo)))
        (pcase (widget-type w)
          ('custom-variable (funcall fn w))
          ('custom-group (setq todo (append (widget-get w :children) todo))))))))

(defun Custom-set (&rest _ignore) "Give every edited option of this buffer the value it shows." (interactive)
  (custom--all-options (lambda (w) (when (eq (widget-get w :custom-state) 'modified)
                                     (widget-apply w :custom-set)))))

(defun Custom-save (&rest _ignore) "Set and save every edited or set option of this buffer." (interactive)
  (custom--all-options (lambda (w) (when (memq (widget-get w :custom-state) '(modified set changed rogue))
                                     (widget-apply w :custom-save)))))

(defun Custom-reset-current (&rest _ignore) "Show every option's current value again, dropping edits." (interactive)
  (custom--all-options (lambda (w) (widget-apply w :custom-reset-current))))

(defun Custom-reset-saved (&rest _ignore) "Give every option of this buffer its saved value again." (interactive)
  (custom--all-options (lambda (w) (widget-apply w :custom-reset-saved))))

(defun Custom-reset-standard (&rest _ignore) "Give every option of this buffer its standard value." (interactive)
  (custom--all-options (lambda (w) (widget-apply w :custom-reset-standard))))

(defun Custom-buffer-done (&rest _ignore) "Leave this Customize buffer: kill it or bury it, as `custom-buffer-done-kill' says." (interactive)
  (if custom-buffer-done-kill (kill-buffer (current-buffer)) (bury-buffer)))

(defun Custom-goto-parent () "Go to the buffer of the group this one's group belongs to." (interactive)
  (user-error "No parent group"))

(defun custom--header () "Insert the text and buttons at the top of a Customize buffer."
  (let ((savable (custom-file t)))
    ;; Each piece is text, or a widget to create: (TYPE ARG...).
    (dolist (piece
             `(,@(unless savable
                   (list (format-message (concat "Custom settings cannot be saved; "
                                                 "maybe you started Emacs with `-q'.\n"))))
               "For help using this buffer, see "
               (custom-manual :tag "Easy Customization" "(emacs)Easy Customization")
               " in the "
               (info-link :tag "Emacs manual" :help-echo "Read the Emacs manual." "(emacs)Top")
               ".\n\n"
               ,@(when custom-search-field
                   '((editable-field :size 40 :format "%v ")
                     (push-button :tag " Search " :action ignore)
                     "\n\n"))
               "Operate on all settings in this buffer:\n"
               (push-button :tag " Revert... " :action Custom-reset-current) " "
               (push-button :tag " Apply " :action Custom-set) " "
               ,@(when savable '((push-button :tag " Apply and Save " :action Custom-save)))
               "\n\n"))
      (if (stringp piece) (widget-insert piece) (apply #'widget-create piece)))))

(define-widget 'custom-manual 'info-link "A link to a node of the Emacs manual." :help-echo "Read the manual.")

(defmacro custom--progress (what &rest body) "Say \"Creating customization \" WHAT, run BODY but its last element, then say the last element after the same words."
  (declare (indent 1))
  (let ((head (concat "Creating customization " (replace-regexp-in-string "\\.\\.\\.\\'" "" what))))
    `(progn (message "%s" ,(concat head "...")) ,@(butlast body)
            (message "%s" ,(concat head (car (last body)))))))

(defvar custom--item-gap nil "Non-nil when the items of the Customize buffer being made are set apart by an empty line.")

(defun custom-buffer-create-internal (options &optional _description) "Fill the current buffer with widgets for OPTIONS, lists (SYMBOL WIDGET-TYPE)."
  (widget--quietly (erase-buffer))
  (Custom-mode)
  (custom--header)
  (custom--progress "items..."
    (setq custom-options
          (mapcar (pcase-lambda (`(,sym ,type . ,more))
                    (prog1 (apply #'widget-create type :value sym more)
                      (unless (bolp) (widget-insert "\n"))
                      (when custom--item-gap (widget-insert "\n"))))
                  options))
    " ...done")
  (custom--progress "setup..." (widget-setup) "...done")
  (goto-char 1)
  nil)

(defun custom-buffer-create (options &optional name description) "Show OPTIONS, lists (SYMBOL WIDGET-TYPE), in a Customize buffer called NAME."
  (pop-to-buffer-same-window (get-buffer-create (or name "*Customization*")))
  (custom-buffer-create-internal options description))

(defun custom-buffer-create-other-window (options &optional name description) "Show OPTIONS in a Customize buffer called NAME, in another window."
  (switch-to-buffer-other-window (get-buffer-create (or name "*Customization*")))
  (custom-buffer-create-internal options description))

(defun custom--read-option (prompt) "Read the name of a user option with PROMPT."
  (intern (completing-read prompt obarray #'custom-variable-p t)))

(defun customize-option (symbol) "Show a Customize buffer for the user option SYMBOL." (interactive (list (custom--read-option "Customize option: ")))
  (unless symbol (error "No variable specified"))
  (custom-load-symbol symbol)
  (custom-buffer-create (list (list symbol 'custom-variable))
                        (format "*Customize Option: %s*" (custom-unlispify-tag-name symbol))))

(defalias 'customize-variable #'customize-option)

(defun customize-option-other-window (symbol) "Show a Customize buffer for the user option SYMBOL in another window." (interactive (list (custom--read-option "Customize option: ")))
  (custom-load-symbol symbol)
  (custom-buffer-create-other-window (list (list symbol 'custom-variable))
                                     (format "*Customize Option: %s*" (custom-unlispify-tag-name symbol))))

(defalias 'customize-variable-other-window #'customize-option-other-window)

(defun customize-group (&optional group other-window) "Show a Customize buffer for GROUP's options, in another window when OTHER-WINDOW." (interactive)
  (let ((group (if (stringp group) (intern group) (or group 'emacs))))
    (custom-load-symbol group)
    (funcall (if other-window #'custom-buffer-create-other-window #'custom-buffer-create)
             (list (list group 'custom-group))
             (format "*Customize Group: %s*" (custom-unlispify-tag-name group)))))

(define-widget 'custom-group 'custom "A customization group in a Customize buffer: its parents, documentation, folded members and subgroups."
  :value-create #'custom-group-value-create)

(defun custom--link (parent group) "Insert in PARENT a button [NAME] that shows GROUP's buffer; return it."
  (widget-create-child-and-convert
   parent 'push-button :format "%[%v%]" :group group
   :value-create (lambda (w) (insert "[" (custom-unlispify-tag-name (widget-get w :group)) "]"))
   :action (lambda (w &rest _) (customize-group (widget-get w :group)))))

(defun custom--first-doc-line (doc) "Return DOC's first line, with \" More\" when it has more."
  (let ((lines (split-string (or doc "") "\n")))
    (concat (car lines) (if (cdr lines) " More" ""))))

(defun custom-group-value-create (widget) "Insert the group WIDGET stands for, its members folded."
  (let* ((group (widget-get widget :value))
         (members (custom--by-name
                   (seq-remove (lambda (m) (get m 'byte-obsolete-variable))
                               (mapcar #'car (get group 'custom-group)))))
         (kinds (get group 'custom-group))
         (buttons nil) (kids nil))
    (widget-put widget :custom-state 'standard)
    (insert "\n")
    (let ((parents (custom--by-name (custom--groups-of group))))
      (when parents
        (insert "Parent groups:")
        (dolist (p parents) (insert " ") (push (custom--link widget p) buttons))
        (insert "\n\n")))
    (insert (custom-unlispify-tag-name group) " group: "
            (or (get group 'group-documentation) "") "\n"
            "      ")
    (push (widget-create-child-and-convert widget 'push-button :tag " State " :action #'ignore) buttons)
    (insert ": visible group members are all at standard values.\n   \n")
    (dolist (m members)
      (pcase (nth 1 (assq m kinds))
        ('custom-variable
         (when (boundp m)
           (push (widget-create-child-and-convert widget 'custom-variable :value m :custom-state 'hidden)
                 kids)
           (insert "\n")))
        ('custom-face
         (insert "Show ")
         (push (widget-create-child-and-convert
                widget 'push-button :format "%[%v%]" :value-create
                (lambda (_) (insert "[" (custom-unlispify-tag-name m) "]")))
               buttons)
         (insert ":[sample]\n" (make-string custom-buffer-indent ?\s)
                 (custom--first-doc-line (face-documentation m)) "\n\n"))))
    ;; A subgroup with no members of its own is left out.
    (let ((subs (seq-filter (lambda (m) (and (eq (nth 1 (assq m kinds)) 'custom-group) (get m 'custom-group)))
                            members)))
      (when subs
        (insert "Subgroups:\n")
        (dolist (g subs)
          (push (custom--link widget g) buttons)
          (insert "\t\t    " (custom--first-doc-line (get g 'group-documentation)) "\n"))
        (insert "\n")))
    (insert "\n")
    (widget-put widget :children (nreverse kids))
    (widget-put widget :buttons buttons)))

(defun customize-group-other-window (&optional group) "Show a Customize buffer for GROUP in another window." (interactive)
  (customize-group group t))

(defun custom--show-settings (prop complain none name) "Show the options having PROP in the Customize buffer NAME; with none, call COMPLAIN with NONE."
  (let ((found (seq-filter #'boundp (custom--saved-symbols prop))))
    (unless found (funcall complain "%s" none))
    (custom-buffer-create (mapcar (lambda (s) (list s 'custom-variable)) found) name)))

(defun customize-saved () "Show a Customize buffer of the options saved for future sessions." (interactive)
  (custom--show-settings 'saved-value #'user-error "No saved user options" "*Customize Saved*"))

(defun customize-unsaved () "Show a Customize buffer of the options set for this session only." (interactive)
  (custom--show-settings 'customized-value #'error "No user options are set but unsaved" "*Customize Unsaved*"))

(defalias 'customize-customized #'customize-unsaved)

(defun custom--visible-option-p (sym) "Return non-nil when SYM is a user option that Customize lists: bound and not obsolete."
  (and (boundp sym) (custom-variable-p sym) (not (get sym 'byte-obsolete-variable))))

(defun custom--by-name (syms) "Return SYMS sorted by name." (sort syms (lambda (a b) (string< (symbol-name a) (symbol-name b)))))

(defun customize-apropos (pattern &optional _type) "Show the user options whose names match PATTERN, a regexp or words, folded." (interactive "sSearch for custom items (word list or regexp): ")
  (let* ((re (if (string-match-p "[][*+?^$\\\\]" pattern) pattern
               (mapconcat #'regexp-quote (split-string pattern) "\\|")))
         (hits nil))
    (mapatoms (lambda (s) (when (and (custom-variable-p s) (string-match-p re (symbol-name s)))
                            (push s hits))))
    (unless hits (error "No customizable group, face, or option matching %s" pattern))
    (let ((custom--item-gap t))
      (custom-buffer-create
       (mapcar (lambda (s) (list s 'custom-variable :custom-state 'hidden))
               (custom--by-name (seq-filter #'custom--visible-option-p hits)))
       "*Customize Apropos*"))))

(defun customize-changed (&optional since-version) "Show the user options whose default changed after Emacs SINCE-VERSION." (interactive "sCustomize options changed, since version (default all versions): ")
  (let ((hits nil))
    (mapatoms (lambda (s)
                (let ((v (get s 'custom-version)))
                  (when (and (stringp v) (custom-variable-p s)
                             (or (null since-version) (equal since-version "")
                                 (version< since-version v)))
                    (push s hits)))))
    (unless hits (user-error "No user option defaults have been changed since Emacs %s" since-version))
    (custom-buffer-create
     (mapcar (lambda (s) (list s 'custom-variable))
             (custom--by-name (seq-filter #'custom--visible-option-p hits)))
     "*Customize Changed Options*")))

(defalias 'customize-changed-options #'customize-changed)

(defun customize-save-customized () "Save every option set for this session only (its `customized-value')." (interactive)
  (dolist (s (custom--saved-symbols 'customized-value))
    (put s 'saved-value (get s 'customized-value))
    (put s 'customized-value nil)
    (let ((note (get s 'customized-variable-comment)))
      (when note (put s 'saved-variable-comment note) (put s 'customized-variable-comment nil))))
  (custom-save-all))

(provide 'cus-edit)

;;; cus-edit.el ends here
