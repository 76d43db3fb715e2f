;;; autoloads.el --- entry points that load their library when first used  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; Each name below is autoloaded from the same library in GNU Emacs 28, as
;; a function or as a macro.  GNU autoloads many more; these are the ones
;; whose libraries tsmacs has and that programs commonly call first.

;; Entries are (LIBRARY MACROS FUNCTIONS).
(dolist (entry '(("cl-lib" (cl-incf) ())
                 ("derived" (define-derived-mode) (derived-mode-init-mode-variables))
                 ("easy-mmode" (define-minor-mode define-globalized-minor-mode
                                easy-mmode-define-minor-mode easy-mmode-define-global-mode
                                define-global-minor-mode)
                  (easy-mmode-define-keymap))
                 ("ert" (ert-deftest) (ert-run-tests-batch ert-run-tests-batch-and-exit))
                 ("subr-x" (if-let when-let)
                  (string-clean-whitespace string-lines string-truncate-left))
                 ("cl-generic-gen" (cl-generic-define-generalizer)
                  (cl-generic-make-generalizer cl-generic-generalizers cl-find-method
                   cl-method-qualifiers cl--generic-register-custom))
                 ("subr-ext" (condition-case-no-debug with-local-quit with-existing-directory
                              dotimes-with-progress-reporter dolist-with-progress-reporter)
                  (called-interactively-p interactive-p combine-and-quote-strings
                   split-string-and-unquote make-progress-reporter progress-reporter-update
                   progress-reporter-force-update progress-reporter-do-update
                   progress-reporter-done subr-primitive-p apropos-internal add-to-history
                   delay-warning macroexp-parse-body macroexp-compiling-p
                   macroexp-warn-and-return macroexp-macroexpand make-ppss ppss-depth
                   ppss-innermost-start ppss-last-complete-sexp-start ppss-string-terminator
                   ppss-comment-depth ppss-quoted-p ppss-min-depth ppss-comment-style
                   ppss-comment-or-string-start ppss-open-parens ppss-two-character-syntax))
                 ("files-ext" ()
                  (wildcard-to-regexp shell-quote-wildcard-pattern convert-standard-filename
                   file-nlinks locate-user-emacs-file file-expand-wildcards))
                 ("cl-print" ()
                  (cl-prin1 cl-prin1-to-string cl-print-object cl-print-to-string-with-limit
                   cl-print-expand-ellipsis))
                 ("let-alist" (let-alist) ())
                 ("mule-util" () (store-substring truncate-string-to-width))
                 ("time-date" ()
                  (date-leap-year-p date-to-day date-to-time days-between days-to-time
                   format-seconds safe-date-to-time seconds-to-string time-since
                   time-to-day-in-year time-to-days))
                 ("parse-time" () (parse-time-string))
                 ("url-util" ()
                  (url-hexify-string url-unhex-string url-encode-url url-build-query-string
                   url-parse-query-string))
                 ("inline" (define-inline) ())
                 ("help" () (help-function-arglist))
                 ("loadhist" () (unload-feature))
                 ("advice" (defadvice)
                  (ad-activate ad-add-advice ad-enable-advice ad-disable-advice))
                 ("ring" () (make-ring ring-p))
                 ("rx" (rx rx-define rx-let rx-let-eval) (rx-to-string))
                 ("seq" ()
                  (seq-every-p seq-filter seq-find seq-group-by seq-intersection
                   seq-max seq-position seq-reduce seq-remove seq-some seq-sort-by
                   seq-subseq seq-take seq-union seq-uniq))))
  (let ((library (car entry)))
    (dolist (name (nth 1 entry))
      (autoload name library nil nil 'macro))
    (dolist (name (nth 2 entry))
      (autoload name library))))

;; Commands: autoloaded as interactive, so `commandp' holds before loading.
(autoload 'emacs-version "version" nil t)

;; Variables of GNU's minibuffer history that `add-to-history' (subr-ext)
;; reads: special from the start, so that a caller's `let' binds them.
(defvar history-length 100
  "How many elements a minibuffer history keeps; t for no limit.")
(defvar history-delete-duplicates nil
  "Non-nil means adding to a history removes older copies of the element.")

;; Where user files live; `locate-user-emacs-file' (files-ext) reads it.
(defvar user-emacs-directory "~/.emacs.d/"
  "The directory holding the user's Emacs files, as a directory name.")

;; Aliases GNU's subr.el and files.el keep for old names.
(defalias 'point-at-bol #'line-beginning-position)
(defalias 'point-at-eol #'line-end-position)
(defalias 'store-match-data #'set-match-data)
(defalias 'sxhash #'sxhash-equal)
(defalias 'user-original-login-name #'user-login-name)
(defalias 'chmod #'set-file-modes)
(defalias 'mkdir #'make-directory)

;; Preloaded in GNU too: two aliases of time.c primitives, and the
;; accessors of decoded times (lists of nine fields), usable with setf.
(defalias 'seconds-to-time #'time-convert)
(defalias 'time-to-seconds #'float-time)
(let ((index 0))
  (dolist (field '(second minute hour day month year weekday dst zone))
    (let ((name (intern (format "decoded-time-%s" field)))
          (n index))
      (defalias name (lambda (time) (nth n time))
        (format "The %s field of the decoded time TIME." field))
      (eval `(gv-define-setter ,name (val time) (list 'setcar (list 'nthcdr ,n time) val)) t))
    (setq index (1+ index))))
;; A command: GNU's autoload marks it interactive.
(autoload 'read-kbd-macro "edmacro" nil t)
;; subr-more2: more of what GNU preloads from subr.el, byte-run.el,
;; macroexp.el, syntax.el and timer.el (events, change groups, yanking,
;; keymap helpers, compiler helpers), loaded on first use.
(dolist (entry '(("subr-more2"
                  (atomic-change-group combine-after-change-calls combine-change-calls
                   with-temp-message while-no-input define-obsolete-face-alias
                   macroexp--accumulate syntax-propertize-precompile-rules)
                  (eventp event-modifiers event-basic-type mouse-event-p mouse-movement-p
                   event-start event-end event-click-count event-line-count posnp posn-window
                   posn-area posn-point posn-x-y posn-timestamp posn-string posn-actual-col-row
                   posn-image posn-object-x-y posn-object-width-height posn-object
                   listify-key-sequence prepare-change-group activate-change-group
                   accept-change-group cancel-change-group undo--wrap-and-run-primitive-undo
                   combine-change-calls-1 find-tag-default-bounds find-tag-default
                   find-tag-default-as-regexp find-tag-default-as-symbol-regexp
                   remove-yank-excluded-properties yank-handle-font-lock-face-property
                   yank-handle-category-property insert-for-yank insert-for-yank-1
                   insert-buffer-substring-as-yank insert-into-buffer subregexp-context-p
                   register-definition-prefixes package--description-file values--store-value
                   add-to-invisibility-spec remove-from-invisibility-spec keyboard-translate
                   define-key-after substitute-key-definition substitute-key-definition-key
                   map-keymap-sorted internal-push-keymap internal-pop-keymap
                   collapse-delayed-warnings display-delayed-warnings call-shell-region
                   major-mode-suspend major-mode-restore define-mail-user-agent
                   frame-configuration-p internal--fill-string-single-line
                   internal--format-docstring-line set-advertised-calling-convention
                   byte-compile-info byte-compile-info-string byte-compile-info-message
                   macroexp--cons macroexp--all-clauses
                   macroexp--const-symbol-p macroexp-if macroexp--fgrep macroexp--maxsize
                   macroexp--unfold-lambda macroexp--compiler-macro macroexp--obsolete-warning
                   syntax-ppss-depth timer--time-less-p
                   timer--time-setter cancel-timer-internal timeout-event-p
                   y-or-n-p read-number read-passwd))))
  (dolist (name (nth 1 entry)) (autoload name (car entry) nil nil 'macro))
  (dolist (name (nth 2 entry)) (autoload name (car entry))))
(dolist (cmd '(forward-whitespace forward-symbol forward-same-syntax forward-word-strictly
               backward-word-strictly))
  (autoload cmd "subr-more2" nil t))
(defalias 'macroexp--warn-and-return #'macroexp-warn-and-return)
(defalias 'syntax-ppss-after-change-function #'syntax-ppss-flush-cache)
(defalias 'indent-to-column #'indent-to)

;; files-more: more of GNU's files.el and files-x.el (symbolic modes,
;; backups, lock names, file insertion commands, local-variable helpers,
;; connection-local variables), loaded on first use.
(dolist (entry '(("files-more"
                  (minibuffer-with-setup-hook report-errors with-connection-local-variables)
                  (file-modes-char-to-who file-modes-char-to-right file-modes-rights-to-number
                   read-file-modes exec-path get-free-disk-space make-lock-file-name
                   files--splice-dirname-file files--ensure-directory files--message
                   file-ownership-preserved-p prune-directory-list make-backup-file-name-1
                   backup-extract-version find-backup-file-name file-backup-file-names
                   file-newest-backup insert-file-1 file-name-history--add
                   inhibit-local-variables-p version-control-safe-local-p
                   hack-one-local-variable-quotep hack-one-local-variable-constantp
                   dir-locals-set-class-variables dir-locals-get-class-variables
                   dir-locals-set-directory-class null-device path-separator
                   connection-local-set-profile-variables connection-local-set-profiles
                   hack-connection-local-variables-apply))))
  (dolist (name (nth 1 entry)) (autoload name (car entry) nil nil 'macro))
  (dolist (name (nth 2 entry)) (autoload name (car entry))))
(dolist (cmd '(make-empty-file append-to-file insert-file insert-file-literally pwd
               not-modified toggle-read-only rename-uniquely load-library))
  (autoload cmd "files-more" nil t))

;; Variables GNU has from the start that the two files above read or fill:
;; special from the start, so that a caller's `let' binds them dynamically.
(defvar file-name-history nil "The minibuffer history of file names.")
(defvar kept-old-versions 2 "How many of the oldest numbered backups to keep.")
(defvar kept-new-versions 2 "How many of the newest numbered backups to keep.")
(defvar dir-locals-class-alist nil "Alist of (CLASS . VARIABLES) of directory-local variable classes.")
(defvar dir-locals-directory-cache nil "List of (DIRECTORY CLASS MTIME): the class of each directory.")
(defvar connection-local-profile-alist nil "Alist of (PROFILE . VARIABLES) of connection-local variables.")
(defvar connection-local-criteria-alist nil "Alist of (CRITERIA . PROFILES) for connection-local variables.")
(defvar delayed-warnings-list nil "Warnings to show once the current command ends.")
(defvar throw-on-input nil "When non-nil, arriving input throws to this tag.")
(defvar null-device "/dev/null" "The name of the null device.")

;; url-util: the rest of GNU's autoloaded url-util names that need no URL parser.
(dolist (name '(url-file-directory url-file-nondirectory url-file-extension
                url-strip-leading-spaces url-eat-trailing-space url-parse-args
                url-insert-entities-in-string url-percentage url-get-normalized-date
                url-debug url-lazy-message url-display-percentage))
  (autoload name "url-util"))
(defalias 'url-basepath #'url-file-directory)
;; find-func: GNU autoloads its lookups and commands.
(dolist (name '(find-definition-noselect find-function-noselect find-variable-noselect
                find-function-search-for-symbol read-library-name))
  (autoload name "find-func"))
(dolist (cmd '(find-function find-function-other-window find-function-other-frame
               find-variable find-variable-other-window find-variable-other-frame
               find-library find-library-other-window find-library-other-frame))
  (autoload cmd "find-func" nil t))
;; Editing libraries GNU preloads or autoloads: registers, rectangles,
;; indentation, search-and-replace and the completion machinery.  Their
;; variables are special from the start (GNU has them at start-up), so a
;; caller's `let' binds them dynamically.
(defvar register-alist nil
  "Alist of (NAME . CONTENTS) for every register in use.")
(defvar register-separator nil
  "Register whose text `append-to-register' and `prepend-to-register' put between pieces.")
(defvar register-preview-delay 1
  "Seconds before the register preview pops up; nil never shows it.")
(defvar register-preview-function #'register-preview-default
  "Function turning a (NAME . CONTENTS) pair into one line of preview text.")
(defvar killed-rectangle nil
  "The rectangle last killed or copied by the rectangle commands.")
(defvar tab-stop-list nil
  "Columns of the tab stops, or nil for one every `tab-width' columns.")
(defvar standard-indent 4
  "Columns the margin commands add or remove by default.")
(defvar tab-always-indent t
  "What TAB does: t indents, nil inserts a tab past the indentation, `complete' also completes.")
(defvar indent-region-function #'indent-region-line-by-line
  "Function that `indent-region' calls with START and END, or nil.")
(make-variable-buffer-local 'indent-region-function)
(defvar indent-line-ignored-functions
  '(indent-relative indent-relative-maybe indent-relative-first-indent-point)
  "Line indenters that `indent-according-to-mode' replaces by copying the previous line's indentation.")
(defvar case-replace t
  "Non-nil means a replacement follows the case of the text it replaces.")
(defvar search-upper-case 'not-yanks
  "Non-nil means a search string with capitals searches case-sensitively.")
(defvar query-replace-skip-read-only nil
  "Non-nil means the replace commands pass over read-only matches.")
(defvar query-replace-lazy-highlight t
  "Non-nil means the replace commands highlight all matches.")
(defvar replace-lax-whitespace nil
  "Non-nil means a space in the string to replace matches any run of blanks.")
(defvar replace-regexp-lax-whitespace nil
  "Non-nil means a space in the regexp to replace matches any run of blanks.")
(defvar replace-char-fold nil
  "Non-nil means replacing folds characters.")
(defvar replace-count 0
  "How many replacements the current `perform-replace' has made so far.")
(defvar list-matching-lines-default-context-lines 0
  "Lines of context `occur' shows around each match by default.")
(defvar regexp-history nil
  "Regexps read by the commands that ask for one.")
(defvar query-replace-history nil
  "Strings read by the query-replace commands.")
(defvar completion-styles '(basic partial-completion emacs22)
  "The completion styles tried in turn; see `completion-styles-alist'.")
(defvar completion-styles-alist
  '((emacs21 completion-emacs21-try-completion completion-emacs21-all-completions
             "The whole string as a prefix.")
    (emacs22 completion-emacs22-try-completion completion-emacs22-all-completions
             "The text before point as a prefix; the text after it is kept.")
    (basic completion-basic-try-completion completion-basic-all-completions
           "The text before point as a prefix, the text after it somewhere later.")
    (partial-completion completion-pcm-try-completion completion-pcm-all-completions
                        "Each word as a prefix; `*' matches anything.")
    (substring completion-substring-try-completion completion-substring-all-completions
               "The string anywhere in the candidate.")
    (flex completion-flex-try-completion completion-flex-all-completions
          "The characters in order, with anything between.")
    (initials completion-initials-try-completion completion-initials-all-completions
              "The first letters of the words.")
    (shorthand completion-shorthand-try-completion completion-shorthand-all-completions
               "Symbol shorthands."))
  "Each style: (NAME TRY-FUNCTION ALL-FUNCTION DOC).")
(defvar completion-category-defaults
  '((buffer (styles basic substring)) (unicode-name (styles basic substring))
    (project-file (styles substring)) (xref-location (styles substring))
    (info-menu (styles basic substring)) (symbol-help (styles basic shorthand substring)))
  "Per-category settings used unless `completion-category-overrides' has some.")
(defvar completion-category-overrides nil
  "Per-category settings, as (CATEGORY (styles STYLE...)...).")
(defvar completion-pcm-word-delimiters "-_./:| "
  "The characters that end a word for partial completion.")
(defvar completion-pcm-complete-word-inserts-delimiters nil
  "Non-nil means completing a word may insert a delimiter.")
(defvar completion-cycle-threshold nil
  "Whether completion cycles: nil never, t always, N with at most N candidates.")
(dolist (entry '(("register"
                  (get-register set-register registerv-make registerv-p registerv-data
                   registerv-print-func registerv-jump-func registerv-insert-func
                   registerv--make register-swap-out describe-register-1
                   register-describe-oneline register-preview register-preview-default
                   register-read-with-preview register-val-jump-to register-val-insert
                   register-val-describe)
                  (point-to-register jump-to-register register-to-point number-to-register
                   increment-register copy-to-register append-to-register
                   prepend-to-register copy-rectangle-to-register insert-register
                   view-register list-registers window-configuration-to-register
                   frame-configuration-to-register))
                 ("rect"
                  (extract-rectangle delete-extract-rectangle
                   insert-rectangle)
                  (delete-rectangle kill-rectangle copy-rectangle-as-kill yank-rectangle
                   open-rectangle delete-whitespace-rectangle close-rectangle
                   string-rectangle replace-rectangle string-insert-rectangle
                   clear-rectangle rectangle-number-lines))
                 ("indent"
                  (indent-line-to indent-next-tab-stop indent-accumulate-tab-stops insert-tab
                   indent-region-line-by-line indent-rigidly--current-indentation
                   indent--funcall-widened current-left-margin indent-to-left-margin
                   delete-to-left-margin)
                  (indent-rigidly indent-region indent-relative indent-according-to-mode
                   tab-to-tab-stop move-to-tab-stop indent-for-tab-command
                   indent-relative-first-indent-point indent-relative-maybe
                   beginning-of-line-text move-to-left-margin indent-rigidly-left
                   indent-rigidly-right indent-rigidly-left-to-tab-stop
                   indent-rigidly-right-to-tab-stop set-left-margin set-right-margin
                   increase-left-margin decrease-left-margin increase-right-margin
                   decrease-right-margin))
                 ("replace"
                  (perform-replace replace-search replace-match-data replace-match-maybe-edit
                   replace-quote replace-eval-replacement replace-loop-through-replacements
                   replace-match-string-symbols query-replace-compile-replacement
                   keep-lines-read-args query-replace-descr query-replace--split-string
                   read-regexp read-regexp-suggestions query-replace-read-from
                   query-replace-read-to query-replace-read-args
                   query-replace-read-from-suggestions occur-1 occur-regexp-descr
                   occur-revert-function occur-read-primary-args
                   occur-mode--find-occurrences occur-mode-find-occurrence occur-find-match)
                  (replace-string replace-regexp query-replace query-replace-regexp
                   query-replace-regexp-eval map-query-replace-regexp how-many
                   count-matches keep-lines flush-lines delete-non-matching-lines
                   delete-matching-lines copy-matching-lines kill-matching-lines occur
                   list-matching-lines multi-occur multi-occur-in-matching-buffers
                   occur-mode occur-mode-goto-occurrence occur-mode-mouse-goto
                   occur-mode-goto-occurrence-other-window occur-mode-display-occurrence
                   occur-next occur-prev occur-rename-buffer))
                 ("minibuffer"
                  (complete-with-action completion-boundaries completion-metadata
                   completion-metadata-get completion--field-metadata
                   completion-table-dynamic completion-table-with-cache
                   completion-table-case-fold completion--some completion-table-in-turn
                   completion-table-merge completion-table-subvert
                   completion-table-with-context completion-table-with-terminator
                   completion-table-with-predicate completion-table-with-quoting
                   internal-complete-buffer-except completion--category-override
                   completion--styles completion--nth-completion completion-try-completion
                   completion-all-completions completion-hilit-commonality
                   completion-pcm--string->pattern completion-pcm--optimize-pattern
                   completion-pcm--pattern->regex completion-pcm--pattern->string
                   completion-pcm--pattern-trivial-p completion-pcm--pattern-point-idx
                   completion-pcm--all-completions completion--common-suffix
                   completion-pcm--merge-completions completion--merge-suffix
                   completion-pcm--merge-try completion-pcm--hilit-commonality
                   completion-pcm--find-all-completions completion-pcm--filename-try-filter
                   completion-pcm--prepare-delim-re
                   completion-pcm-try-completion completion-pcm-all-completions
                   completion-emacs21-try-completion completion-emacs21-all-completions
                   completion-emacs22-try-completion completion-emacs22-all-completions
                   completion-basic--pattern completion-basic-try-completion
                   completion-basic-all-completions completion-substring--all-completions
                   completion-substring-try-completion completion-substring-all-completions
                   completion-flex--make-flex-pattern completion-flex-try-completion
                   completion-flex-all-completions completion--flex-adjust-metadata
                   completion-initials-expand completion-initials-all-completions
                   completion-initials-try-completion completion-shorthand-try-completion
                   completion-shorthand-all-completions completion--string-equal-p
                   format-prompt completing-read-default minibuffer-message
                   set-minibuffer-message clear-minibuffer-message
                   minibuffer--double-dollars)
                  ())))
  ;; Entries are (LIBRARY FUNCTIONS COMMANDS).
  (dolist (name (nth 1 entry))
    (autoload name (car entry)))
  (dolist (name (nth 2 entry))
    (autoload name (car entry) nil t)))
(autoload 'lazy-completion-table "minibuffer" nil nil 'macro)

;; Text and code motion (GNU's paragraphs.el, fill.el, newcomment.el and
;; lisp.el, preloaded there): the commands load their file on first use.
;; Their user options are declared special here, so that a `let' of one
;; before the file is loaded binds it dynamically as in GNU.
(dolist (var '((paragraph-start "\f\\|[ \t]*$") (paragraph-separate "[ \t\f]*$")
               (fill-prefix nil t) (use-hard-newlines nil t)
               (sentence-end-double-space t) (sentence-end-without-period nil)
               (sentence-end-without-space "\u3002\uff0e\uff1f\uff01") (sentence-end nil)
               (sentence-end-base "[.?!\u2026\u203d][]\"'\u201d\u2019)}\u00bb\u203a]*")
               (page-delimiter "^\014") (defun-prompt-regexp nil t)
               (beginning-of-defun-function nil) (end-of-defun-function (lambda () (forward-sexp 1)))
               (parens-require-spaces t) (narrow-to-defun-include-comments nil)
               (insert-pair-alist ((?\( ?\)) (?\[ ?\]) (?\{ ?\}) (?< ?>) (?\" ?\") (?\' ?\') (?` ?\')))
               (delete-pair-blink-delay 1) (last-command-event nil)
               (adaptive-fill-mode t) (adaptive-fill-function ignore) (colon-double-space nil)
               (adaptive-fill-regexp "[ \t]*\\([-\u2013!|#%;>*\u00b7\u2022\u2023\u2043\u25e6]+[ \t]*\\)*")
               (adaptive-fill-first-line-regexp "\\`[ \t]*\\'") (default-justification left t)
               (fill-individual-varying-indent nil) (fill-paragraph-function nil)
               (fill-nobreak-predicate nil) (fill-forward-paragraph-function forward-paragraph)
               (comment-style indent) (comment-inline-offset 1) (comment-empty-lines nil)
               (comment-continue nil) (comment-quote-nested t) (comment-fill-column nil)
               (comment-indent-function comment-indent-default t)
               (comment-region-function comment-region-default)
               (uncomment-region-function uncomment-region-default)))
  (unless (boundp (car var))
    (internal--define-uninitialized-variable (car var))
    (set-default (car var) (nth 1 var))
    (when (nth 2 var) (make-variable-buffer-local (car var)))))
(dolist (entry '(("paragraph-motion"
                  (sentence-end start-of-paragraph-text end-of-paragraph-text)
                  (forward-paragraph backward-paragraph mark-paragraph kill-paragraph
                   backward-kill-paragraph transpose-paragraphs forward-sentence
                   backward-sentence kill-sentence backward-kill-sentence
                   mark-end-of-sentence transpose-sentences repunctuate-sentences
                   use-hard-newlines))
                 ("defun-motion"
                  (beginning-of-defun--in-emptyish-line-p)
                  (beginning-of-defun beginning-of-defun-raw beginning-of-defun-comments
                   end-of-defun mark-sexp mark-defun narrow-to-defun kill-sexp
                   backward-kill-sexp kill-backward-up-list insert-pair insert-parentheses
                   delete-pair raise-sexp check-parens move-past-close-and-reindent))
                 ("filling"
                  (current-fill-column current-justification fill-comment-paragraph
                   fill-common-string-prefix fill-context-prefix fill-delete-newlines
                   fill-delete-prefix fill-find-break-point fill-forward-paragraph
                   fill-french-nobreak-p fill-indent-to-left-margin
                   fill-individual-paragraphs-citation fill-individual-paragraphs-prefix
                   fill-match-adaptive-prefix fill-minibuffer-function fill-move-to-break-point
                   fill-newline fill-nobreak-p fill-polish-nobreak-p fill-single-char-nobreak-p
                   fill-single-word-nobreak-p fill-text-properties-at skip-line-prefix
                   unjustify-current-line unjustify-region)
                  (canonically-space-region fill-individual-paragraphs fill-nonuniform-paragraphs
                   fill-paragraph fill-region fill-region-as-paragraph justify-current-line
                   set-fill-prefix set-justification set-justification-center
                   set-justification-full set-justification-left set-justification-none
                   set-justification-right))
                 ("comments"
                  (comment-add comment-beginning comment-choose-indent comment-enter-backward
                   comment-forward comment-indent-default comment-make-bol-ws
                   comment-make-extra-lines comment-normalize-vars comment-only-p comment-padleft
                   comment-padright comment-quote-nested comment-quote-nested-default
                   comment-quote-re comment-region-default comment-region-default-1
                   comment-region-internal comment-search-backward comment-search-forward
                   comment-string-reverse comment-string-strip comment-valid-prefix-p
                   uncomment-region-default uncomment-region-default-1)
                  (comment-box comment-dwim comment-indent comment-indent-new-line comment-kill
                   comment-line comment-or-uncomment-region comment-region comment-set-column
                   uncomment-region indent-for-comment indent-new-comment-line kill-comment
                   set-comment-column))))
(autoload 'comment-with-narrowing "comments" nil nil 'macro)
  (dolist (name (nth 1 entry)) (autoload name (car entry)))
  (dolist (name (nth 2 entry)) (autoload name (car entry) nil t)))
