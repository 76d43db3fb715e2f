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
                                define-global-minor-mode easy-mmode-defmap easy-mmode-defsyntax)
                  ;; custom-set-minor-mode is the `:set' of every global minor mode's option
                  ;; (GNU preloads it): a compiled library's option must find it.
                  (easy-mmode-define-keymap easy-mmode--globalized-predicate-p
                   custom-set-minor-mode))
                 ("eieio-core" () (eieio-defclass-autoload))
                 ("ert" (ert-deftest) (ert-run-tests-batch ert-run-tests-batch-and-exit))
                 ("subr-x" (if-let when-let)
                  (string-clean-whitespace string-lines string-truncate-left))
                 ("cl-generic-gen" (cl-generic-define-generalizer)
                  (cl-generic-make-generalizer cl-generic-generalizers cl-find-method
                   cl-method-qualifiers cl--generic-register-custom cl--generic-struct-tag
                   cl--generic-struct-specializers cl--generic-class-parents
                   cl--generic-derived-specializers cl--generic-load-hist-format
                   cl-generic--method-qualifier-p cl--generic-arg-specializer
                   cl--generic-method-info cl--generic-specializers-apply-to-type-p
                   cl--generic-lambda cl--generic-make-function
                   cl--generic-build-combined-method cl--generic-make-next-function
                   cl--generic-no-next-method-function cl--generic-isnot-nnm-p
                   cl--generic-method-files cl--generic-method-documentation
                   cl--generic-describe cl--generic-search-method loadhist-unload-element
                   cl--generic-edebug-remember-name cl--generic-edebug-make-name))
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
                 ("benchmark" (benchmark-run benchmark-run-compiled benchmark-progn) (benchmark-call))
                 ("crm" () (completing-read-multiple))
                 ("trace" () (trace-values))
                 ("mule-util" () (store-substring truncate-string-to-width))
                 ("time-date" ()
                  (date-leap-year-p date-to-day date-to-time days-between days-to-time
                   format-seconds safe-date-to-time seconds-to-string time-since
                   time-to-day-in-year time-to-days))
                 ("parse-time" () (parse-time-string))
                 ("auth-source-pass" () (auth-source-pass-enable auth-source-pass-get))
                 ("epg-config" () (epg-check-configuration epg-configuration epg-expand-group
                                   epg-find-configuration))
                 ("epg" () (epg-make-context))
                 ("rmc" () (read-multiple-choice))
                 ("unsafep" () (unsafep))
                 ("url-util" ()
                  (url-hexify-string url-unhex-string url-encode-url url-build-query-string
                   url-parse-query-string))
                 ("inline" (define-inline) ())
                 ("generic" (define-generic-mode) (generic-mode-internal generic-make-keywords-list))
                 ("ccl" (define-ccl-program declare-ccl-program)
                  (ccl-compile ccl-dump check-ccl-program ccl-execute-with-args ccl-execute
                   ccl-execute-on-string ccl-program-p register-ccl-program
                   register-code-conversion-map))
                 ("help" () (help-function-arglist))
                 ("loadhist" () (unload-feature))
                 ("advice" (defadvice)
                  (ad-activate ad-add-advice ad-enable-advice ad-disable-advice))
                 ("ring" () (make-ring ring-p))
                 ("rx" (rx rx-define rx-let rx-let-eval) (rx-to-string))
                 ("seq" ()
                  (seq-random-elt seq-every-p seq-filter seq-find seq-group-by seq-intersection
                   seq-max seq-position seq-reduce seq-remove seq-some seq-sort-by
                   seq-subseq seq-take seq-union seq-uniq))))
  (let ((library (car entry)))
    ;; GNU's generated autoloads mark a macro with TYPE t, not `macro'.
    (dolist (name (nth 1 entry))
      (autoload name library nil nil t))
    (dolist (name (nth 2 entry))
      (autoload name library))))

;; Commands: autoloaded as interactive, so `commandp' holds before loading.
(autoload 'emacs-version "version" nil t)
(autoload 'generic-mode "generic" nil t)
(defalias 'version #'emacs-version)
(dolist (f '(emacs-repository-get-version emacs-repository-get-branch emacs-repository-version-git
             emacs-repository-branch-git emacs-bzr-get-version))
  (autoload f "version"))
(autoload 'thread-handle-event "thread" nil t)

;; Variables of GNU's minibuffer history that `add-to-history' (subr-ext)
;; reads: special from the start, so that a caller's `let' binds them.
(defvar history-length 100 "How many elements a minibuffer history keeps; t for no limit.")
(defvar history-delete-duplicates nil "Non-nil means adding to a history removes older copies of the element.")

;; Where user files live; `locate-user-emacs-file' (files-ext) reads it.
(defvar user-emacs-directory "~/.emacs.d/"
  "The directory holding the user's Emacs files, as a directory name.")

;; The aliases of old names GNU keeps in subr.el are in subr.el.

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
(autoload 'format-kbd-macro "edmacro")
(autoload 'start-kbd-macro "kbd-macro" nil t)
(autoload 'end-kbd-macro "kbd-macro" nil t)
(autoload 'call-last-kbd-macro "kbd-macro" nil t)
(autoload 'execute-kbd-macro "kbd-macro")
(autoload 'store-kbd-macro-event "kbd-macro")
(autoload 'cancel-kbd-macro-events "kbd-macro")
(autoload 'insert-kbd-macro "kbd-macro" nil t)
(autoload 'kbd-macro-query "kbd-macro" nil t)
(autoload 'read-key-sequence "kbd-macro")
(autoload 'read-key-sequence-vector "kbd-macro")
(autoload 'kmacro-call-macro "kmacro" nil t)
(autoload 'kmacro-start-macro "kmacro" nil t)
(autoload 'kmacro-end-macro "kmacro" nil t)
(autoload 'kmacro-start-macro-or-insert-counter "kmacro" nil t)
(autoload 'kmacro-end-or-call-macro "kmacro" nil t)
(autoload 'kmacro-end-and-call-macro "kmacro" nil t)
(autoload 'kmacro-end-call-mouse "kmacro" nil t)
(autoload 'kmacro-exec-ring-item "kmacro")
(autoload 'kmacro-lambda-form "kmacro")
(autoload 'kmacro-keymap "kmacro" "Keymap for keyboard macro commands." t 'keymap)
;; Edebug's entry points and its two switches, whose variables exist
;; (customizable once edebug is loaded) before the library is.
(autoload 'edebug-eval-top-level-form "edebug" nil t)
(defalias 'edebug-defun 'edebug-eval-top-level-form)
(autoload 'edebug-basic-spec "edebug")
(autoload 'edebug-all-defs "edebug" nil t)
(autoload 'edebug-all-forms "edebug" nil t)
(defvar edebug-all-defs nil "Non-nil means definitions are instrumented as they are evaluated.")
(defvar edebug-all-forms nil "Non-nil means every evaluated form is instrumented.")
(custom-autoload 'edebug-all-defs "edebug" t)
(custom-autoload 'edebug-all-forms "edebug" t)
;; cl-lib's global mode for old structures: its variable exists from the
;; start, customizable once cl-lib is loaded.
(autoload 'cl-old-struct-compat-mode "cl-lib" nil t)
(defvar cl-old-struct-compat-mode nil
  "Non-nil when `type-of' knows the vector-based structures of old compiled code.")
(custom-autoload 'cl-old-struct-compat-mode "cl-lib" nil)
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
                   ;; simple-more's undo-amalgamate-change-group calls it on any handle.
                   subr-more2--group-parts
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
(dolist (cmd '(forward-whitespace forward-symbol forward-same-syntax))
  (autoload cmd "subr-more2" nil t))
(autoload 'forward-word-strictly "subr-more2")
(autoload 'backward-word-strictly "subr-more2")
(defalias 'macroexp--warn-and-return #'macroexp-warn-and-return)
(defalias 'syntax-ppss-after-change-function #'syntax-ppss-flush-cache)
(defalias 'indent-to-column #'indent-to)

;; files-more: more of GNU's files.el and files-x.el (symbolic modes,
;; backups, lock names, file insertion commands, local-variable helpers,
;; connection-local variables), loaded on first use.
(dolist (entry '(("files-more"
                  (minibuffer-with-setup-hook report-errors)
                  (file-modes-char-to-who file-modes-char-to-right file-modes-rights-to-number
                   read-file-modes exec-path get-free-disk-space make-lock-file-name
                   files--splice-dirname-file files--ensure-directory files--message
                   file-ownership-preserved-p prune-directory-list make-backup-file-name-1
                   backup-extract-version find-backup-file-name file-backup-file-names
                   file-newest-backup insert-file-1 file-name-history--add
                   inhibit-local-variables-p version-control-safe-local-p
                   hack-one-local-variable-quotep hack-one-local-variable-constantp
                   null-device path-separator
                   connection-local-set-profile-variables connection-local-set-profiles
                   hack-connection-local-variables-apply insert-directory
                   insert-directory-safely set-auto-mode-0 set-auto-mode-1
                   set-auto-mode--dir-local-valid-p set-auto-mode--apply-alist
                   warn-maybe-out-of-memory hack-one-local-variable--obsolete))))
  (dolist (name (nth 1 entry)) (autoload name (car entry) nil nil 'macro))
  (dolist (name (nth 2 entry)) (autoload name (car entry))))
(autoload 'with-connection-local-variables "files-more" nil nil t)
(dolist (cmd '(make-empty-file append-to-file insert-file insert-file-literally pwd
               not-modified toggle-read-only rename-uniquely load-library list-directory))
  (autoload cmd "files-more" nil t))

;; The switches of directory listings, which GNU preloads with files.el.
(defvar insert-directory-program "ls" "The program that lists directories for `insert-directory'.")
(defvar list-directory-brief-switches "-CF" "The `ls' switches `list-directory' uses for a brief listing.")
(defvar list-directory-verbose-switches "-l" "The `ls' switches `list-directory' uses for a verbose listing.")

;; dir-locals: directory-local settings, read when a buffer first looks for them.
(dolist (name '(dir-locals-set-class-variables dir-locals-get-class-variables
                dir-locals-set-directory-class dir-locals--all-files dir-locals-find-file
                dir-locals-read-from-dir dir-locals-read-from-file dir-locals--get-sort-score
                dir-locals--sort-variables dir-locals-collect-mode-variables
                dir-locals-collect-variables hack-dir-local--get-variables
                hack-dir-local-variables hack-dir-local-variables-non-file-buffer))
  (autoload name "dir-locals"))

;; files-buffers: killing and saving many buffers, find-file's variants.
(dolist (name '(kill-buffer-ask kill-matching-buffers kill-some-buffers save-some-buffers
                find-file--read-only find-file-read-only find-file-read-only-other-window
                find-file-read-only-other-frame find-file-existing find-file-other-window
                find-file-other-frame find-alternate-file find-alternate-file-other-window
                confirm-nonexistent-file-or-buffer files--name-absolute-system-p files--force))
  (autoload name "files-buffers" nil
            (not (memq name '(kill-buffer-ask find-file--read-only confirm-nonexistent-file-or-buffer
                              files--name-absolute-system-p files--force)))))
(defvar confirm-nonexistent-file-or-buffer 'after-completion "Whether visiting a file or buffer that does not exist asks first.")
(defvar save-some-buffers-default-predicate nil "When non-nil, the PRED `save-some-buffers' uses when called without one.")

;; Variables GNU has from the start that the two files above read or fill:
;; special from the start, so that a caller's `let' binds them dynamically.
(defvar file-name-history nil "The minibuffer history of file names.")
(defvar read-file-name-function #'read-file-name-default "The function `read-file-name' calls to do its work.")
(defvar insert-default-directory t "Non-nil means a file name is read starting from the default directory.")
(defvar kept-old-versions 2 "How many of the oldest numbered backups to keep.")
(defvar kept-new-versions 2 "How many of the newest numbered backups to keep.")
(defvar enable-connection-local-variables t "Non-nil means connection-local variables are applied to buffers.")

(defvar delayed-warnings-list nil "Warnings to show once the current command ends.")
(defvar throw-on-input nil "When non-nil, arriving input throws to this tag.")
(defvar null-device "/dev/null" "The name of the null device.")

;; url-util: the rest of GNU's autoloaded url-util names that need no URL parser.
(dolist (name '(url-file-directory url-file-nondirectory url-file-extension
                url-strip-leading-spaces url-eat-trailing-space url-parse-args
                url-insert-entities-in-string url-percentage url-get-normalized-date
                url-debug url-lazy-message url-display-percentage
                url-normalize-url url-truncate-url-for-viewing))
  (autoload name "url-util"))
;; The URL library's parser and resolver (url-parse.el, url-expand.el), as GNU autoloads them.
(autoload 'url-generic-parse-url "url-parse")
(autoload 'url-recreate-url "url-parse")
(autoload 'url-default-expander "url-expand")
(autoload 'url-https-expand-file-name "url-expand")
(dolist (name '(url-is-cached url-store-in-cache url-cache-extract)) (autoload name "url-cache"))
;; Retrieval (url.el) and the schemes' loaders; URLs as file names (url-handlers.el).
(dolist (entry '(("url" url-retrieve url-retrieve-synchronously)
                 ("url-file" url-file url-ftp)
                 ("url-http" url-http url-https url-https-file-exists-p url-https-file-readable-p
                  url-https-file-attributes)
                 ("url-misc" url-data url-generic-emulator-loader url-info url-man url-rlogin
                  url-telnet url-tn3270)
                 ("url-handlers" url-file-handler url-insert-file-contents url-insert-buffer-contents
                  url-file-local-copy url-copy-file)
                 ("mailcap" mailcap-extension-to-mime mailcap-parse-mimetypes)))
  (dolist (name (cdr entry)) (autoload name (car entry))))
(autoload 'url-handler-mode "url-handlers" nil t)
;; Gnus's shared helpers (gmm-utils.el) and Turkish case conversion (european.el).
(dolist (name '(gmm-regexp-concat gmm-message gmm-error gmm-widget-p gmm-tool-bar-from-list))
  (autoload name "gmm-utils"))
(autoload 'turkish-case-conversion-enable "european")
(autoload 'turkish-case-conversion-disable "european")
(autoload 'mm-default-file-type "mm-encode")
(autoload 'mm-default-file-encoding "mm-encode")
(defalias 'url-basepath #'url-file-directory)
;; find-func: GNU autoloads its lookups and commands.
(dolist (name '(find-definition-noselect find-function-noselect find-variable-noselect
                find-function-search-for-symbol read-library-name))
  (autoload name "find-func"))
(dolist (cmd '(find-function find-function-other-window find-function-other-frame
               find-variable find-variable-other-window find-variable-other-frame
               find-library find-library-other-window find-library-other-frame
               find-function-at-point find-variable-at-point find-face-definition find-function-on-key
               find-function-on-key-other-window find-function-on-key-other-frame))
  (autoload cmd "find-func" nil t))
(autoload 'find-function-setup-keys "find-func")
;; pp: the printer that lays data out over lines; its commands too.
(autoload 'pp "pp")
(autoload 'pp-to-string "pp")
(dolist (cmd '(pp-buffer pp-eval-expression pp-macroexpand-expression
               pp-eval-last-sexp pp-macroexpand-last-sexp))
  (autoload cmd "pp" nil t))
;; Editing libraries GNU preloads or autoloads: registers, rectangles,
;; indentation, search-and-replace and the completion machinery.  Their
;; variables are special from the start (GNU has them at start-up), so a
;; caller's `let' binds them dynamically.
(defvar register-alist nil "Alist of (NAME . CONTENTS) for every register in use.")
(defvar register-separator nil "Register whose text `append-to-register' and `prepend-to-register' put between pieces.")
(defvar register-preview-delay 1 "Seconds before the register preview pops up; nil never shows it.")
(defvar register-preview-function #'register-preview-default "Function turning a (NAME . CONTENTS) pair into one line of preview text.")
(defvar killed-rectangle nil "The rectangle last killed or copied by the rectangle commands.")
(defvar tab-stop-list nil "Columns of the tab stops, or nil for one every `tab-width' columns.")
(defvar standard-indent 4 "Columns the margin commands add or remove by default.")
(defvar tab-always-indent t "What TAB does: t indents, nil inserts a tab past the indentation, `complete' also completes.")
(defvar indent-region-function #'indent-region-line-by-line "Function that `indent-region' calls with START and END, or nil.")
(make-variable-buffer-local 'indent-region-function)
(defvar indent-line-ignored-functions
  '(indent-relative indent-relative-maybe indent-relative-first-indent-point)
  "Line indenters that `indent-according-to-mode' replaces by copying the previous line's indentation.")
(defvar case-replace t "Non-nil means a replacement follows the case of the text it replaces.")
(defvar search-upper-case 'not-yanks "Non-nil means a search string with capitals searches case-sensitively.")
(defvar query-replace-skip-read-only nil "Non-nil means the replace commands pass over read-only matches.")
(defvar query-replace-lazy-highlight t "Non-nil means the replace commands highlight all matches.")
(defvar replace-lax-whitespace nil "Non-nil means a space in the string to replace matches any run of blanks.")
(defvar replace-regexp-lax-whitespace nil "Non-nil means a space in the regexp to replace matches any run of blanks.")
(defvar replace-char-fold nil "Non-nil means replacing folds characters.")
(defvar replace-count 0 "How many replacements the current `perform-replace' has made so far.")
(defvar list-matching-lines-default-context-lines 0 "Lines of context `occur' shows around each match by default.")
(defvar regexp-history nil "Regexps read by the commands that ask for one.")
(defvar query-replace-history nil "Strings read by the query-replace commands.")
(defvar completion-styles '(basic partial-completion emacs22) "The completion styles tried in turn; see `completion-styles-alist'.")
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
(defvar completion-category-overrides nil "Per-category settings, as (CATEGORY (styles STYLE...)...).")
(defvar completion-pcm-word-delimiters "-_./:| "
  "The characters that end a word for partial completion.")
(defvar completion-pcm-complete-word-inserts-delimiters nil "Non-nil means completing a word may insert a delimiter.")
(defvar completion-cycle-threshold nil "Whether completion cycles: nil never, t always, N with at most N candidates.")
;; More of minibuffer.el's variables GNU has bound at start-up.  The batch
;; minibuffer reads a line from standard input, so the display ones are only
;; bound; `completing-read' calls `completing-read-function' (minibuf.ts).
(defvar completion-annotate-function nil "An obsolete function giving the annotation of a completion candidate.")
(defvar completion-extra-properties nil "Properties (such as :annotation-function) the current completion adds to its table's metadata.")
(defvar completion-cycling nil "Non-nil while completion cycles through the candidates.")
(defvar completion-fail-discreetly nil "Non-nil means a completion that fails says nothing.")
(defvar completion-in-region-functions nil "Functions `completion-in-region' calls around its work, each with the next as first argument.")
(defvar completion-in-region--data nil "What the completion in region under way completes: (START END COLLECTION PREDICATE).")
(defvar completion-in-region-mode nil "Non-nil while Completion In Region mode is on.")
(defvar completion-in-region-mode-predicate nil "A function telling whether Completion In Region mode should stay on.")
(defvar completion-in-region-mode--predicate nil "A copy of `completion-in-region-mode-predicate' kept while the mode is on.")
(defvar completion-setup-hook nil "Functions run after the list of completions is shown.")
(defvar completion-show-inline-help t "Non-nil means completion may show short messages in the minibuffer.")
(defvar completion-tab-width nil "When an integer, candidates in the completion list start at multiples of it.")
(defvar completion--capf-misbehave-funs nil "The completion-at-point functions found to move point while asked.")
(defvar completion--capf-safe-funs nil "The completion-at-point functions found not to move point.")
(defvar completion--all-sorted-completions-location nil "Where the sorted candidates of cycling were computed.")
(make-variable-buffer-local 'completion--all-sorted-completions-location)
(defvar flex-score-match-tightness 3 "How much a flex match is scored down for gaps between the matched characters.")
(defvar minibuffer--original-buffer nil "The buffer that was current when the minibuffer was entered.")
(defvar minibuffer--require-match nil "The REQUIRE-MATCH of the completing read under way.")
(defvar minibuffer-confirm-exit-commands '(completion-at-point minibuffer-complete minibuffer-complete-word PC-complete PC-complete-word)
  "Commands after which exiting a completing read with a confirmation asks no more.")
(defvar minibuffer-inactive-mode-hook nil "Functions run on entering Minibuffer Inactive mode.")
(defvar minibuffer-mode-hook nil "Functions run on entering Minibuffer mode.")
(defvar minibuffer-message-overlay nil "The overlay that shows a message over the minibuffer's text.")
(defvar minibuffer-message-properties nil "Text properties added to messages shown over the minibuffer's text.")
(defvar minibuffer-message-timer nil "The timer that removes a message shown over the minibuffer's text.")
(defvar completion-auto-help t "Non-nil means completion that cannot finish shows the list of candidates.")
(defvar completion-in-region-mode-hook nil "Functions run when Completion In Region mode is turned on or off.")
(defvar completions-detailed nil "Non-nil means the list of completions may show more about each candidate.")
(defvar completions-format 'horizontal "How the completion list is laid out: `horizontal', `vertical' or `one-column'.")
(defvar completions-group nil "Non-nil means the completion list shows candidates in groups.")
(defvar completions-group-sort nil "How the groups of the completion list are sorted: nil, `alphabetical' or a function.")
(defvar minibuffer-beginning-of-buffer-movement nil "Non-nil means `minibuffer-beginning-of-buffer' stops after the prompt first.")
(defvar minibuffer-message-clear-timeout nil "When a number, seconds after which a message in the echo area goes.")
(defvar read-file-name-completion-ignore-case nil "Non-nil means file names read with completion ignore case.")
;; simple.el's user options, here rather than in the autoloaded files that use them,
;; so that a `let' of one is a dynamic binding before those files load.
(defvar kill-ring nil "The kills, newest first; see `kill-new' and `yank'.")
(defvar kill-ring-max 60 "How many kills `kill-ring' keeps.")
(defvar kill-ring-yank-pointer nil "The tail of `kill-ring' whose car `yank' inserts next.")
(defvar kill-whole-line nil "Non-nil means `kill-line' at the start of a line takes its newline.")
(defvar kill-do-not-save-duplicates nil "Non-nil means a kill equal to the newest one is not pushed again.")
(defvar kill-transform-function nil "Function applied to each new kill's text; nil from it means the text is not saved.")
(defvar kill-append-merge-undo nil "Non-nil means kills that append are undone together.")
(defvar kill-read-only-ok nil "Non-nil means killing read-only text copies it without an error.")
;; GNU's defaults are the window system's selection functions; tsmacs has no selections.
(defvar interprogram-cut-function nil "Function given each new kill, for other programs.")
(defvar interprogram-paste-function nil "Function returning text other programs killed since, or nil.")
(defvar save-interprogram-paste-before-kill nil "Non-nil means other programs' text is saved to the ring before a kill replaces it.")
(defvar yank-pop-change-selection nil "Non-nil means `yank-pop' hands its text to `interprogram-cut-function'.")
(defvar filter-buffer-substring-function #'buffer-substring--filter "Function of (BEG END DELETE) through which kills and copies take buffer text.")
(defvar filter-buffer-substring-functions nil "Obsolete wrappers of `filter-buffer-substring'.")
(defvar buffer-substring-filters nil "Obsolete: functions applied in turn to copied text.")
(defvar backward-delete-char-untabify-method 'untabify "What `backward-delete-char-untabify' does with whitespace: untabify, hungry, all or nil.")
(defvar delete-trailing-lines t "Non-nil means `delete-trailing-whitespace' on the whole buffer also drops empty last lines.")
(defvar fill-prefix nil "String put at the start of each new line by filling and line commands, or nil.")
(make-variable-buffer-local 'fill-prefix)
(defvar goal-column nil "The column vertical motion keeps to, or nil.")
(make-variable-buffer-local 'goal-column)
(defvar temporary-goal-column 0 "The column vertical motion is heading for, set by its first step.")
(defvar track-eol nil "Non-nil means vertical motion from a line's end stays at line ends.")
(defvar next-line-add-newlines nil "Non-nil means `next-line' on the last line adds a newline.")
(defvar line-move-visual t "Non-nil means vertical motion counts screen lines.")
(defvar line-move-ignore-invisible t "Non-nil means vertical motion skips invisible text.")
(defvar set-mark-command-repeat-pop nil "Non-nil means repeated \\[set-mark-command] after a pop keeps popping.")
(dolist (name '(kill-new kill-append current-kill filter-buffer-substring
                buffer-substring--filter kill-forward-chars kill-backward-chars))
  (autoload name "simple-kill"))
(dolist (name '(kill-region copy-region-as-kill kill-ring-save kill-line kill-whole-line
                kill-word backward-kill-word append-next-kill yank yank-pop
                rotate-yank-pointer zap-to-char read-from-kill-ring yank-from-kill-ring))
  (autoload name "simple-kill" nil t))
(dolist (name '(transpose-subr transpose-subr-1))
  (autoload name "simple-edit"))
(dolist (name '(newline open-line split-line delete-indentation join-line delete-blank-lines
                delete-trailing-whitespace delete-horizontal-space just-one-space
                fixup-whitespace cycle-spacing delete-forward-char
                backward-delete-char-untabify transpose-chars transpose-words
                transpose-sexps transpose-lines upcase-dwim downcase-dwim capitalize-dwim
                back-to-indentation forward-to-indentation backward-to-indentation))
  (autoload name "simple-edit" nil t))
(dolist (name '(region-bounds region-noncontiguous-p region-modifiable-p
                save-mark-and-excursion--save save-mark-and-excursion--restore
                ;; What `save-mark-and-excursion' expands to calls it: a compiled file that used
                ;; the macro calls it without the macro's autoload having loaded simple-move.
                simple-move--keeping-mark
                count-words--message count-words--buffer-message count-words--format
                line-move line-move-1 line-move-visual line-move-to-column line-move-finish))
  (autoload name "simple-move"))
(autoload 'save-mark-and-excursion "simple-move" nil nil 'macro)
(dolist (name '(exchange-point-and-mark pop-to-mark-command push-mark-command
                set-mark-command mark-whole-buffer mark-word beginning-of-buffer
                end-of-buffer goto-line goto-line-relative count-words count-words-region
                count-lines-region what-line current-word next-line previous-line
                next-logical-line previous-logical-line move-end-of-line
                move-beginning-of-line set-goal-column))
  (autoload name "simple-move" nil t))
(defvar line-number-mode t "Non-nil means the mode line shows point's line number.")
(defvar column-number-mode nil "Non-nil means the mode line shows point's column number.")
(defvar size-indication-mode nil "Non-nil means the mode line shows the buffer's size.")
(defvar-local visual-line-mode nil "Non-nil when Visual Line mode is on in this buffer.")
(defvar-local visible-mode nil "Non-nil when Visible mode is on in this buffer.")
(defvar normal-auto-fill-function 'do-auto-fill "What `auto-fill-function' becomes when Auto Fill mode is turned on.")
;; The minor modes' hooks, special before simple-more.el loads so a `let' of one binds it.
(dolist (mode '(read-only-mode overwrite-mode binary-overwrite-mode auto-fill-mode
                indent-tabs-mode visual-line-mode visible-mode line-number-mode
                column-number-mode size-indication-mode transient-mark-mode))
  (eval `(defvar ,(intern (concat (symbol-name mode) "-hook")) nil) t))
(dolist (name '(undo-amalgamate-change-group rfc822-goto-eoh invisible-p
                turn-on-auto-fill turn-off-auto-fill turn-on-visual-line-mode))
  (autoload name "simple-more"))
(dolist (name '(read-only-mode overwrite-mode binary-overwrite-mode auto-fill-mode
                indent-tabs-mode visual-line-mode visible-mode line-number-mode
                column-number-mode size-indication-mode transient-mark-mode
                toggle-truncate-lines toggle-word-wrap set-fill-column append-to-buffer
                prepend-to-buffer copy-to-buffer insert-buffer newline-and-indent
                reindent-then-newline-and-indent undo-redo kill-current-buffer keyboard-quit
                pop-global-mark))
  (autoload name "simple-more" nil t))
(defvar eval-expression-print-length 12 "`print-length' for the values `eval-expression' shows.")
(defvar eval-expression-print-level 4 "`print-level' for the values `eval-expression' shows.")
(defvar eval-expression-print-maximum-character 127 "The largest integer `eval-expression' also shows as a character.")
(defvar read-expression-history nil "Expressions read by `read--expression'.")
(dolist (name '(eval-expression-print-format eval-expression-get-print-arguments
                event-apply-modifier
                display-message-or-buffer make-separator-line set-hard-newline-properties
                minibuffer-prompt-width reset-this-command-lengths))
  (autoload name "simple-odds"))
(dolist (name '(eval-expression what-cursor-position set-variable clone-indirect-buffer
                shell-command-on-region clone-buffer toggle-debug-on-error toggle-debug-on-quit))
  (autoload name "simple-odds" nil t))
;; simple-odds, bindings-menu, subr-more3: batch-meaningful pieces of GNU's preloaded
;; simple.el, bindings.el and subr.el (blinking parens, visible lines, the process and
;; completion lists, mode-line helpers, compiler macros, keymap flattening).
(defvar blink-matching-paren t "Non-nil means a close paren shows its open paren; `jump' moves the cursor there briefly, `jump-offscreen' even when it is off screen.")
(defvar blink-matching-paren-on-screen t "Non-nil means show the open paren even when it is visible.")
(defvar blink-matching-paren-distance 102400 "How far back to look for the open paren; nil means the whole buffer.")
(defvar blink-matching-delay 1 "Seconds the cursor stays on the open paren.")
(defvar blink-matching-paren-dont-ignore-comments nil "Non-nil means comments count when looking for the open paren.")
(defvar blink-matching-check-function #'blink-matching-check-mismatch "Function of START and END saying whether the parens at them mismatch.")
(defvar blink-paren-function #'blink-matching-open "Function called after a close paren is inserted, to show its partner.")
(defvar shift-select-mode t "Non-nil means a shifted motion key extends a temporary region.")
(defvar copy-region-blink-delay 1 "Seconds `indicate-copied-region' shows the other end of the region.")
(defvar buffer-quit-function nil "Function `keyboard-escape-quit' calls to leave the current buffer, or nil.")
(defvar minibuffer-text-before-history nil "The minibuffer's own text, kept while history elements are shown.")
(defvar process-menu-query-only nil "Non-nil means the process list shows only processes that ask before Emacs exits.")
(defvar completion-reference-buffer nil "The buffer a choice made in the completion list goes to.")
(defvar completion-base-position nil "Where the text a completion replaces lies: (START END), or nil for unknown.")
(defvar choose-completion-string-functions nil "Functions of CHOICE, BUFFER, BASE-POSITION and a fourth argument that may insert a chosen completion themselves.")
(defvar bad-packages-alist
  (list (list 'semantic 'semantic-version "\\`2\\.0pre[1-3]\\'"
              "This old Semantic does not work with this Emacs; get a newer one.")
        (list 'CUA-mode t nil
              "CUA-mode is part of Emacs now: turn on `cua-mode' instead of this old copy."))
  "Packages known to misbehave: entries (PACKAGE SYMBOL REGEXP STRING).")

(defvar minibuffer-history-variable 'minibuffer-history "The history list the minibuffer being read uses; t for none.")
(defvar minibuffer-history nil "Default history list of minibuffer input.")
(defvar minibuffer-default nil "The default value or values of the minibuffer input being read.")
(defvar minibuffer-completion-table nil "The completions offered for the minibuffer input being read.")
(defvar minibuffer-completion-predicate nil "Predicate the completions of `minibuffer-completion-table' must satisfy.")
(defvar this-command-keys-shift-translated nil "Non-nil when the keys of the command running were found only by removing shift.")
(defvar command-error-function nil "Function that reports an error a command signalled, or nil for the default report.")
(dolist (name '(execute-extended-command--shorter-1 execute-extended-command--shorter
                command-completion-with-modes-p command-completion-using-modes-p
                command-completion-default-include-p command-completion-button-p
                blink-matching-check-mismatch
                forward-visible-line end-of-visible-line default-font-height default-font-width
                default-line-height internal-auto-fill handle-shift-selection indicate-copied-region
                minibuffer-history-value minibuffer-history-initialize
                minibuffer-error-initialize minibuffer-default-add-completions minibuffer-avoid-prompt
                play-sound bad-package-check list-processes--refresh completion-list-mode-finish
                choose-completion-guess-base-position choose-completion-string goto-line-read-args
                read-shell-command read-extended-command edit-and-eval-command
                event-apply-alt-modifier event-apply-super-modifier event-apply-hyper-modifier
                event-apply-shift-modifier event-apply-control-modifier event-apply-meta-modifier))
  (autoload name "simple-odds"))
(dolist (name '(blink-matching-open keyboard-escape-quit repeat-complex-command play-sound-file
                process-menu-mode list-processes process-menu-delete-process completion-list-mode
                next-completion previous-completion))
  (autoload name "simple-odds" nil t))
(dolist (name '(make-mode-line-mouse-map mode-line-eol-desc propertized-buffer-identification
                mode-line-frame-control mode-line-modified-help-echo mode-line-read-only-help-echo
                mode-line-mule-info-help-echo))
  (autoload name "bindings-menu"))
(autoload 'mode-line-other-buffer "bindings-menu" nil t)
(dolist (name '(add-to-list--anon-cmacro eval-after-load--anon-cmacro keymap-canonicalize
                run-hook-query-error-with-timeout read-key read-char-from-minibuffer
                read-char-choice-with-read-key read-char-choice goto-char--read-natnum-interactive))
  (autoload name "subr-more3"))
(dolist (name '(with-mutex track-mouse))
  (autoload name "subr-more3" nil nil 'macro))
(put 'with-mutex 'lisp-indent-function 1)
(put 'track-mouse 'lisp-indent-function 0)
(put 'add-to-list 'compiler-macro #'add-to-list--anon-cmacro)
(put 'eval-after-load 'compiler-macro #'eval-after-load--anon-cmacro)
(defvar read-char-choice-use-read-key nil "Non-nil means `read-char-choice' reads single keys rather than a line in the minibuffer.")
;; simple-args: next-error's helpers; simple-odds: shell output placement, clone-process; simple-more: global-visual-line-mode.
(defvar next-error-found-function #'ignore "Function of the buffer listing loci and the buffer a locus was shown in, called by `next-error-found'.")
(defvar next-error-message-highlight nil "Non-nil means the line of the current locus is highlighted in the buffer listing loci; `keep' keeps earlier ones.")
(defvar next-error-follow-minor-mode nil "Non-nil when Next Error Follow minor mode is on in this buffer.")
(make-variable-buffer-local 'next-error-follow-minor-mode)
(dolist (name '(next-error-buffer-unnavigated-current next-error-buffer-on-selected-frame
                next-error-message-highlight next-error-found next-error-quit-window
                next-error-follow-mode-post-command-hook))
  (autoload name "simple-args"))
(dolist (name '(next-error-follow-minor-mode next-error-select-buffer))
  (autoload name "simple-args" nil t))
(defvar shell-command-dont-erase-buffer nil "Non-nil means a shell command's output buffer is not erased first; the value says where point goes after.")
(defvar shell-command-saved-pos nil "Positions noted for `shell-command-dont-erase-buffer', as (BUFFER . POSITION) pairs.")
(dolist (name '(shell-command-save-pos-or-erase shell-command-set-point-after-cmd
                shell-command-sentinel clone-process read-extended-command--affixation))
  (autoload name "simple-odds"))
(defvar global-visual-line-mode nil "Non-nil when Global Visual Line mode is on.")
(defvar-local visual-line-mode-set-explicitly nil "Non-nil when Visual Line mode was turned on or off in this buffer by hand.")
(defvar-local visual-line-mode-major-mode nil "The major mode Global Visual Line mode last saw in this buffer.")
(defvar global-visual-line-mode-buffers nil "Buffers Global Visual Line mode still has to look at.")
(dolist (name '(visual-line-mode-set-explicitly global-visual-line-mode-enable-in-buffers
                global-visual-line-mode-check-buffers global-visual-line-mode-cmhh))
  (autoload name "simple-more"))
(autoload 'global-visual-line-mode "simple-more" nil t)
(put 'global-visual-line-mode 'globalized-minor-mode t)
(defvar suggest-key-bindings t "Non-nil means M-x says which key runs the command it ran, if any.")
(defvar extended-command-suggest-shorter t "Non-nil means M-x says how the command's name could have been typed shorter.")
(defvar execute-extended-command--last-typed nil "What was typed to name the command M-x is about to run.")
(dolist (name '(execute-extended-command execute-extended-command-for-buffer
                clone-indirect-buffer-other-window))
  (autoload name "simple-odds" nil t))
(add-hook 'visual-line-mode-hook #'visual-line-mode-set-explicitly)
(define-obsolete-function-alias 'advertised-undo #'undo "23.2")
(define-obsolete-function-alias 'redraw-modeline #'force-mode-line-update "24.3")
(define-obsolete-function-alias 'set-temporary-overlay-map #'set-transient-map "24.4")
(defalias 'goto-next-locus #'next-error)
(defalias 'next-match #'next-error)
(dolist (name '(undo-make-selective-list undo-delta undo-elt-in-region undo-elt-crosses-region undo-copy-list
                undo-copy-list-1 undo-adjust-pos undo-adjust-beg-end undo-adjust-elt))
  (autoload name "simple-undo"))
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
                   completion-all-completions completion-all-sorted-completions
                   completion-hilit-commonality
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
                   minibuffer--double-dollars read-file-name-default read-file-name
                   read-directory-name read-no-blanks-input)
                  ())))
  ;; Entries are (LIBRARY FUNCTIONS COMMANDS).
  (dolist (name (nth 1 entry))
    (autoload name (car entry)))
  (dolist (name (nth 2 entry))
    (autoload name (car entry) nil t)))
(autoload 'lazy-completion-table "minibuffer" nil nil 'macro)
(autoload 'benchmark "benchmark" nil t)
;; debug.el: marking functions and variables for the debugger.
(dolist (name '(debug-on-entry cancel-debug-on-entry debug-on-variable-change
                cancel-debug-on-variable-change))
  (autoload name "debug" nil t))
(defalias 'debug-watch #'debug-on-variable-change)
(defalias 'cancel-debug-watch #'cancel-debug-on-variable-change)
;; compile.el: compilations and their messages.
(dolist (name '(compilation-mode compilation-minor-mode compilation-shell-minor-mode compile
                compilation-next-error-function))
  (autoload name "compile" nil t))
(autoload 'compilation-start "compile")
(autoload 'trace-function-foreground "trace" nil t)
(autoload 'trace-function-background "trace" nil t)
(defalias 'trace-function #'trace-function-foreground)
;; Lisp indentation (lisp-indent.el): GNU preloads lisp-mode.el, so its
;; variables are special from the start.
(defvar lisp-indent-offset nil "When a number, lines inside a list are indented this many columns past its open paren.")
(defvar lisp-body-indent 2 "Columns by which the body of a special form or definition is indented.")
(defvar lisp-indent-function #'lisp-indent-function "Function asked how to indent a line in a list headed by a symbol.
It gets the line's start and the parse state there, and gives a column,
a list (COLUMN LIST-START), or nil for the normal indentation.")
(dolist (name '(calculate-lisp-indent lisp-indent-function lisp-indent-specform
                lisp-indent-defform lisp-indent-region lisp-comment-indent
                lisp-outline-level))
  (autoload name "lisp-indent"))
(dolist (cmd '(lisp-indent-line indent-sexp indent-pp-sexp indent-code-rigidly))
  (autoload cmd "lisp-indent" nil t))
;; How the Lisp indenter treats forms GNU knows at start-up (special forms,
;; preloaded macros and autoloaded ones): the `lisp-indent-function's property.
(dolist (rule '(
                (atomic-change-group . 0) (autoload . defun) (benchmark-progn . 0) (benchmark-run . 1) 
                (benchmark-run-compiled . 1) (bindings--define-key . 2) (catch . 1) 
                (cl--generic-with-memoization . 1) (cl-generic-define-context-rewriter . defun) 
                (cl-generic-define-generalizer . 1) (combine-after-change-calls . 0) (combine-change-calls . 
                2) (comment-with-narrowing . 2) (condition-case . 2) (condition-case-unless-debug . 2) 
                (def-edebug-elem-spec . 1) (defadvice . 2) (define-generic-mode . 1) (define-ibuffer-column . 
                defun) (define-ibuffer-filter . 2) (define-ibuffer-op . 2) (define-ibuffer-sorter . 1) 
                (define-inline . defun) (defmacro . 2) (defun . 2) (dolist . 1) (dolist-with-progress-reporter 
                . 2) (dont-compile . 0) (dotimes . 1) (dotimes-with-progress-reporter . 2) (easy-menu-define . 
                defun) (easy-mmode-defmap . 1) (easy-mmode-defsyntax . 1) 
                (eldoc--documentation-strategy-defcustom . 2) (ert-deftest . 2) (eval-after-load . 1) 
                (eval-and-compile . 0) (eval-when-compile . 0) (handler-bind . 1) (handler-case . 1) (if . 2) 
                (if-let . 2) (ignore-error . 1) (ignore-errors . 0) (isearch-define-mode-toggle . defun) 
                (lambda . defun) (let . 1) (let* . 1) (let-alist . 1) (macroexp--accumulate . 1) 
                (minibuffer-with-setup-hook . 1) (prog1 . 1) (prog2 . 2) (progn . 0) (replace--push-stack . 0) 
                (rx-define . defun) (rx-let . 1) (rx-let-eval . 1) (save-current-buffer . 0) (save-excursion . 
                0) (save-mark-and-excursion . 0) (save-restriction . 0) (save-selected-window . 0) 
                (save-window-excursion . 0) (track-mouse . 0) (transient-append-suffix . defun) 
                (transient-insert-suffix . defun) (transient-remove-suffix . defun) (transient-replace-suffix 
                . defun) (unless . 1) (unwind-protect . 1) (when . 1) (when-let . 1) (while . 1) 
                (while-no-input . 0) (with-auto-compression-mode . 0) (with-coding-priority . 1) 
                (with-current-buffer-window . 3) (with-demoted-errors . 1) (with-displayed-buffer-window . 3) 
                (with-existing-directory . 0) (with-help-window . 1) (with-local-quit . 0) 
                (with-minibuffer-selected-window . 0) (with-mutex . 1) (with-no-warnings . 0) 
                (with-selected-frame . 1) (with-selected-window . 1) (with-suppressed-warnings . 1) 
                (with-temp-buffer-window . 3) (with-temp-message . 1) (with-window-non-dedicated . 1) 
                (with-wrapper-hook . 2) ))
  (put (car rule) 'lisp-indent-function (cdr rule)))
;; Buttons (buttons.el): GNU preloads button.el, so its keymaps and the base
;; type `button' (whose defaults live on the symbol `default-button') exist
;; from the start.
(defvar button-map
  (let ((map (make-sparse-keymap)))
    (define-key map "\r" #'push-button)
    (define-key map [mouse-2] #'push-button)
    (define-key map [follow-link] 'mouse-face)
    (define-key map [mode-line mouse-2] #'push-button)
    (define-key map [header-line mouse-2] #'push-button)
    map)
  "Keymap active on a button.")
(defvar button-buffer-map
  (let ((map (make-sparse-keymap)))
    (define-key map "\t" #'forward-button)
    (define-key map "\e\t" #'backward-button)
    (define-key map [backtab] #'backward-button)
    map)
  "Keymap for buffers full of buttons: TAB and S-TAB move between them.")
(setplist 'default-button
          (list 'face 'button 'mouse-face 'highlight 'keymap button-map 'type 'button
                'action #'ignore 'help-echo "mouse-2, RET: Push this button"
                'evaporate t 'rear-nonsticky t))
(put 'button 'button-category-symbol 'default-button)
(dolist (name '(button-category-symbol define-button-type button-type-get button-type-put
                button-type-subtype-p make-button insert-button make-text-button
                insert-text-button button-buttonize button-at button-start button-end
                button-get button-put button-label button-type button-has-type-p
                button--help-echo next-button previous-button button-activate
                button--area-button-p button--area-button-string))
  (autoload name "buttons"))
(dolist (cmd '(forward-button backward-button push-button button-mode))
  (autoload cmd "buttons" nil t))
(defvar button-mode nil "Non-nil when Button mode is on: TAB and S-TAB move between buttons.")
(make-variable-buffer-local 'button-mode)
;; Features GNU has at start-up whose names tsmacs spreads over autoloaded files.
(dolist (feature '(button lisp-mode elisp-mode))
  (provide feature))
;; Abbrevs (abbrevs.el): the tables are preloaded in modes.el; GNU has
;; these variables from start-up.
(defvar abbrev-start-location nil "Where `abbrev-prefix-mark' put the start of the next abbrev, or nil.")
(defvar abbrev-start-location-buffer nil "The buffer `abbrev-start-location' belongs to.")
(defvar last-abbrev nil "The symbol of the abbrev expanded last.")
(defvar last-abbrev-text nil "The abbrev as it was written before the last expansion.")
(defvar last-abbrev-location 0 "Where the last expanded abbrev started.")
(defvar abbrevs-changed nil "Non-nil when user abbrevs were defined or changed since they were last saved.")
(defvar abbrev-all-caps nil "Non-nil means an abbrev written in capitals expands all in capitals.")
(defvar pre-abbrev-expand-hook nil "Normal hook run by `expand-abbrev' before it expands.")
(make-obsolete-variable 'pre-abbrev-expand-hook 'abbrev-expand-function "23.1")
(defvar abbrev-expand-function #'abbrev--default-expand "Function `expand-abbrev' calls to do the expansion.")
(defvar abbrev-expand-functions nil "Functions wrapped around each abbrev expansion; each gets the rest as a function.")
(defvar abbrev-minor-mode-table-alist nil "Alist of (MODE-VARIABLE . TABLES): tables in effect while the minor mode is on.")
(defvar abbrev-file-name "~/.emacs.d/abbrev_defs" "The file abbrevs are saved in and read from by default.")
(defvar only-global-abbrevs nil "Non-nil means the abbrev commands define global abbrevs only.")
(defvar save-abbrevs t "Non-nil means abbrevs are saved when files are saved; `silently' without asking.")
(dolist (name '(define-abbrev abbrev-table-name abbrev-table-empty-p clear-abbrev-table
                copy-abbrev-table abbrev--active-tables abbrev--symbol abbrev-symbol
                abbrev-expansion abbrev--before-point abbrev-insert abbrev--default-expand
                abbrev--check-chars abbrev--table-symbols abbrev--write abbrev--describe
                insert-abbrev-table-description quietly-read-abbrev-file abbrev-get abbrev-put
                add-abbrev inverse-add-abbrev abbrev-table-menu
                abbrev--suggest-get-previous-words abbrev--suggest-count-words
                abbrev--suggest-get-active-tables-including-parents
                abbrev--suggest-get-active-abbrev-expansions abbrev--suggest-above-threshold
                abbrev--suggest-shortest-abbrev abbrev--suggest-inform-user
                abbrev--suggest-maybe-suggest abbrev--suggest-get-totals))
  (autoload name "abbrevs"))
(defvar abbrev-suggest nil "Non-nil means suggest abbrevs for expansions typed out in full.")
(defvar abbrev-suggest-hint-threshold 3 "How many characters an abbrev must save to be suggested.")
(defvar abbrev--suggest-saved-recommendations nil "The abbrev suggestions made so far, as (EXPANSION . ABBREV), latest first.")
(dolist (cmd '(kill-all-abbrevs expand-abbrev unexpand-abbrev abbrev-prefix-mark
               expand-region-abbrevs abbrev-mode define-global-abbrev define-mode-abbrev
               write-abbrev-file read-abbrev-file add-global-abbrev add-mode-abbrev
               inverse-add-global-abbrev inverse-add-mode-abbrev))
  (autoload cmd "abbrevs" nil t))
(provide 'abbrev)
;; Evaluating from Emacs Lisp buffers (elisp-eval.el).
(defvar eval-expression-print-length 12 "How many elements of a list or vector a shown value prints; nil for all.")
(defvar eval-expression-print-level 4 "How deeply nested a shown value prints; nil for all levels.")
(dolist (name '(elisp--preceding-sexp elisp--eval-defun-1 eval-sexp-add-defvars
                last-sexp-setup-props elisp--eval-last-sexp-print-value elisp--eval-last-sexp
                elisp--eval-defun))
  (autoload name "elisp-eval"))
(dolist (cmd '(eval-last-sexp eval-print-last-sexp eval-defun elisp-last-sexp-toggle-display))
  (autoload cmd "elisp-eval" nil t))
(defalias 'preceding-sexp #'elisp--preceding-sexp)

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
  (dolist (name (nth 1 entry)) (autoload name (car entry)))
  (dolist (name (nth 2 entry)) (autoload name (car entry) nil t)))
(autoload 'comment-with-narrowing "comments" nil nil 'macro)
;; Emacs Lisp mode's helpers (GNU preloads elisp-mode.el).
(dolist (name '(elisp--current-symbol elisp--beginning-of-sexp elisp--fnsym-in-current-sexp
                elisp-function-argstring elisp--highlight-function-argument
                elisp-get-fnsym-args-string elisp--docstring-first-line elisp-get-var-docstring
                elisp-eldoc-funcall elisp-eldoc-var-docstring elisp--local-variables
                elisp--shorthand-aware-fboundp elisp--shorthand-aware-boundp
                elisp-completion-at-point lisp-completion-at-point elisp-enable-lexical-binding
                xref-elisp-location-p xref-elisp-location-symbol xref-elisp-location-type
                xref-elisp-location-file copy-xref-elisp-location xref-make-elisp-location
                make-xref-elisp-location elisp--xref-backend elisp-load-path-roots
                xref-backend-identifier-at-point xref-backend-identifier-completion-table
                xref-location-group xref-location-marker elisp--company-kind
                elisp--company-doc-string elisp--documentation-one-liner
                elisp-eldoc-documentation-function elisp--safe-macroexpand-all
                elisp--local-variables-1 elisp--form-quoted-p elisp--expect-function-p
                elisp--last-data-store emacs-lisp-set-electric-text-pairs
                elisp--font-lock-flush-elisp-buffers elisp--completion-local-symbols
                elisp--company-location elisp--xref-make-xref elisp--xref-find-definitions
                elisp--xref-filter-definitions xref-backend-definitions xref-backend-apropos))
  (autoload name "elisp-mode"))
(autoload 'emacs-lisp-macroexpand "elisp-mode" nil t)
(defvar package-user-dir (concat user-emacs-directory "elpa") "Directory where the packages a user installs are kept.")
;; Tabulated List mode (GNU preloads tabulated-list.el).
(dolist (name '(tabulated-list-mode tabulated-list-print tabulated-list-print-entry
                tabulated-list-print-col tabulated-list-init-header tabulated-list-print-fake-header
                tabulated-list-header-overlay-p tabulated-list-get-id tabulated-list-get-entry
                tabulated-list-put-tag tabulated-list-clear-all-tags tabulated-list-delete-entry
                tabulated-list-set-col tabulated-list-next-column tabulated-list-previous-column
                tabulated-list-sort tabulated-list-col-sort tabulated-list-widen-current-column
                tabulated-list-narrow-current-column tabulated-list-revert
                tabulated-list-line-number-width tabulated-list--column-number
                tabulated-list--get-sorter tabulated-list--sort-by-column-name
                tabulated-list--available-space tabulated-list--col-local-max-widths))
  (autoload name "tabulated-list" nil
            (memq name '(tabulated-list-mode tabulated-list-sort tabulated-list-col-sort
                         tabulated-list-next-column tabulated-list-previous-column
                         tabulated-list-widen-current-column tabulated-list-narrow-current-column
                         tabulated-list-revert))))
;; help.el's usage-line and key helpers, help-fns's `variable-at-point'.
(dolist (name '(help-split-fundoc help-add-fundoc-usage help--make-usage help-make-usage
                help--make-usage-docstring help--docstring-quote help-key-description
                help--key-description-fontified function-called-at-point))
  (autoload name "help"))
(autoload 'variable-at-point "help-fns")
;; Help buffers: help.el's commands, help-fns's describers, help-mode.
(dolist (entry '(("help" with-help-window)
                 ("help" help-print-return-message help-window-setup help-window-display-message
                  help--analyze-key help--binding-locus lookup-minor-mode-from-indicator
                  describe-minor-mode-completion-table-for-symbol
                  describe-minor-mode-completion-table-for-indicator view-help-file
                  describe-map-tree describe-map)
                 ("help" t where-is describe-key-briefly describe-key describe-minor-mode
                  describe-minor-mode-from-symbol describe-minor-mode-from-indicator
                  view-echo-area-messages view-lossage describe-copying describe-distribution
                  describe-no-warranty describe-gnu-project view-emacs-debugging view-emacs-FAQ
                  view-emacs-problems view-emacs-todo view-external-packages view-order-manuals
                  view-emacs-news help-quit help help-for-help help-for-help-internal
                  describe-bindings describe-prefix-bindings)
                 ("help-fns" help-C-file-name find-lisp-object-file-name describe-function-1)
                 ("help-fns" t describe-function describe-command describe-variable describe-symbol
                  describe-keymap describe-mode describe-syntax describe-categories)
                 ("help-mode" help-buffer help-setup-xref help-xref-button help-insert-xref-button
                  help-mode-setup help-mode-finish help-xref-on-pp help-bookmark-jump)
                 ("help-mode" t help-mode help-make-xrefs help-xref-interned help-go-back
                  help-go-forward help-follow-symbol)))
  (let* ((file (car entry))
         (cmd (eq (cadr entry) t))
         (names (if cmd (cddr entry) (cdr entry))))
    (dolist (name names)
      (autoload name file nil cmd (and (eq name 'with-help-window) 'macro)))))
;; easymenu.el (GNU preloads it).
(autoload 'easy-menu-define "easymenu" nil nil 'macro)
(dolist (name '(easy-menu-do-define easy-menu-create-menu easy-menu-convert-item
                easy-menu-convert-item-1 easy-menu-intern easy-menu-make-symbol easy-menu-binding
                easy-menu-name-match easy-menu-always-true-p easy-menu-filter-return
                easy-menu-get-map easy-menu-lookup-name easy-menu-return-item
                easy-menu-item-present-p easy-menu-define-key easy-menu-add-item
                easy-menu-remove-item easy-menu-change add-submenu))
  (autoload name "easymenu"))
;; Menus are added and removed with the keymaps that hold them.
(defalias 'easy-menu-add #'ignore)
(defalias 'easy-menu-remove #'ignore)
;; Names GNU's loaddefs.el defines outright: an obsolete alias of
;; time-date's subtraction, and the old name of the keyboard-macro
;; namer, an alias even though kmacro's function is not autoloaded.
(define-obsolete-function-alias 'subtract-time #'time-subtract "26.1")
(defalias 'name-last-kbd-macro #'kmacro-name-last-macro)
;; prog-mode.el (GNU preloads it): Prettify Symbols mode and indentation helpers.
(dolist (name '(prog-first-column prog-indent-sexp prettify-symbols--make-keywords
                prettify-symbols-default-compose-p prettify-symbols--compose-symbol
                prettify-symbols--post-command-hook prettify-symbols-mode
                prettify-symbols-mode-set-explicitly turn-on-prettify-symbols-mode
                global-prettify-symbols-mode global-prettify-symbols-mode-enable-in-buffers
                global-prettify-symbols-mode-check-buffers global-prettify-symbols-mode-cmhh))
  (autoload name "prog-mode" nil
            (memq name '(prog-indent-sexp prettify-symbols-mode global-prettify-symbols-mode))))
;; eldoc.el (GNU preloads it).
(dolist (name '(eldoc-add-command eldoc-remove-command eldoc-add-command-completions
                eldoc-remove-command-completions eldoc--message-command-p eldoc--supported-p
                eldoc-display-message-p eldoc-display-message-no-interference-p eldoc-message
                eldoc-minibuffer-message eldoc-mode turn-on-eldoc-mode global-eldoc-mode
                eldoc-schedule-timer eldoc-pre-command-refresh-echo-area
                eldoc-edit-message-commands eldoc--request-state eldoc--make-callback
                eldoc--invoke-strategy eldoc-documentation-default eldoc--documentation-compose-1
                eldoc-documentation-compose eldoc-documentation-compose-eagerly
                eldoc-documentation-enthusiast eldoc-print-current-symbol-info eldoc eldoc--message
                eldoc--echo-area-substring eldoc--echo-area-prefer-doc-buffer-p
                eldoc-display-in-echo-area eldoc--format-doc-buffer eldoc-doc-buffer
                eldoc-display-in-buffer eldoc-mode-set-explicitly global-eldoc-mode-enable-in-buffers
                global-eldoc-mode-check-buffers global-eldoc-mode-cmhh eldoc--eval-expression-setup))
  (autoload name "eldoc" nil (memq name '(eldoc-mode global-eldoc-mode eldoc-print-current-symbol-info
                                          eldoc eldoc-doc-buffer))))
(autoload 'eldoc--documentation-strategy-defcustom "eldoc" nil nil 'macro)
;; files-x.el's commands editing the file-local variables of the buffer.
(dolist (name '(add-file-local-variable delete-file-local-variable
                add-file-local-variable-prop-line delete-file-local-variable-prop-line))
  (autoload name "files-x" nil t))
;; uniquify.el (GNU preloads it).
(defvar uniquify-possibly-resolvable nil "Non-nil while going deeper into the directories may still tell a conflicting group apart.")
(defvar-local uniquify-managed nil "The uniquify items of the group this buffer's name belongs to, or nil.")
(put 'uniquify-managed 'permanent-local t)
(dolist (name '(uniquify-make-item uniquify-item-p uniquify-item-base uniquify-item-dirname
                uniquify-item-buffer uniquify-item-proposed uniquify-item-original-dirname
                uniquify-item-greaterp uniquify-get-proposed-name uniquify-buffer-file-name
                uniquify-buffer-base-name uniquify-rename-buffer uniquify-rationalize
                uniquify-rationalize-a-list uniquify-rationalize-conflicting-sublist
                uniquify-rerationalize-w/o-cb uniquify-maybe-rerationalize-w/o-cb
                uniquify-unload-function uniquify--create-file-buffer-advice
                uniquify--rename-buffer-advice))
(autoload 'uniquify-rationalize-file-buffer-names "uniquify" nil t)
(defvar-local list-buffers-directory nil "The directory a buffer that visits no file shows in buffer lists, or nil.")
;; GNU advises `rename-buffer' with `uniquify--rename-buffer-advice'; tsmacs does not yet (the
;; advised command's interactive form would differ from GNU's), so a renamed buffer keeps its group.
  (autoload name "uniquify"))
;; Eldoc's switches exist before eldoc.el loads, as in GNU where it is preloaded.
(defvar-local eldoc-mode nil "Non-nil when Eldoc mode is on in the buffer.")
(defvar global-eldoc-mode t "Non-nil when Eldoc mode is turned on in every buffer that supports it.")
;; lisp-mode.el's helpers.
(dolist (name '(lisp-ppss lisp-current-defun-name lisp-find-tag-default
                lisp-string-after-doc-keyword-p lisp-string-in-doc-position-p
                lisp-indent-state-p lisp-indent-state-stack lisp-indent-state-ppss
                lisp-indent-state-ppss-point copy-lisp-indent-state lisp-indent-initial-state
                lisp-font-lock-syntactic-face-function lisp-adaptive-fill))
  (autoload name "lisp-mode"))
;; Where the defining forms keep their docstrings.
(dolist (spec '((defun . 3) (defmacro . 3) (defsubst . 3) (defvar . 3) (defconst . 3)
                (defalias . 3) (lambda . 2) (define-minor-mode . 2) (define-globalized-minor-mode . 2) (cl-defun . 3)
                (cl-defmacro . 3) (ert-deftest . 3) (cl-defstruct . 2) (define-inline . 3)
                (define-obsolete-function-alias . 4)))
  (unless (function-get (car spec) 'doc-string-elt)
    (put (car spec) 'doc-string-elt (cdr spec))))
;; subr-fields: field-at-pos and other small subr.el pieces.
(dolist (name '(field-at-pos))
  (autoload name "subr-fields"))
;; simple-args: prefix-argument commands and next-error; text-center: centering lines.
(defvar next-error-last-buffer nil "The buffer `next-error' last moved through.")
(defvar-local next-error-function nil "In a buffer listing loci, the function `next-error' calls with a count and a reset flag.")
(defvar next-error-find-buffer-function #'ignore "Function asked first by `next-error-find-buffer'; a non-nil answer is the buffer to use.")
(dolist (name '(prefix-command-preserve-state prefix-command-update universal-argument--preserve
                universal-argument--description universal-argument--mode next-error-buffer-p
                next-error-find-buffer))
  (autoload name "simple-args"))
(dolist (name '(universal-argument universal-argument-more negative-argument digit-argument
                next-error previous-error first-error next-error-no-select
                previous-error-no-select next-error-internal))
  (autoload name "simple-args" nil t))
(dolist (name '(center-line center-region center-paragraph))
  (autoload name "text-center" nil t))
;; files-misc: backup names, the large-file question, recover-file.
(dolist (name '(make-backup-file-name--default-function files--ask-user-about-large-file
                abort-if-file-too-large insert-directory-wildcard-in-dir-p ask-user-about-lock
                ask-user-about-supersession-threat userlock--ask-user-about-supersession-threat
                userlock--handle-unlock-error save-some-buffers-root find-file-read-args))
  (autoload name "files-misc"))
(dolist (name '(recover-file recover-this-file recover-session recover-session-finish))
  (autoload name "files-misc" nil t))
;; bindings-motion: the arrow-key commands; text-center also holds text-mode-hook-identify.
(dolist (name '(right-char left-char right-word left-word))
  (autoload name "bindings-motion" nil t))
(autoload 'text-mode-hook-identify "text-center")
(defalias 'indented-text-mode #'text-mode)
;; cmds-insert: self-insert-command, GNU's C command, in Lisp.
(defvar post-self-insert-hook
  '(electric-indent-post-self-insert-function blink-paren-post-self-insert-function)
  "Functions `self-insert-command' calls, with no arguments, after it has inserted.")
(put 'post-self-insert-hook 'hook--depth-alist
     (list (cons 'electric-indent-post-self-insert-function 60) (cons 'blink-paren-post-self-insert-function 90)))
;; electric: Electric Indent mode, on from the start as in GNU; the library
;; loads at the first typed character, its variables are here.
(defvar electric-indent-mode t
  "Non-nil when typing a character of `electric-indent-chars' reindents.")
(custom-autoload 'electric-indent-mode "electric" nil)
(defvar electric-indent-chars '(?\n)
  "The characters whose typing reindents the line (a newline also indents the next one).")
(defvar electric-indent-functions nil
  "Functions called with a typed character: `no-indent' from one refuses reindenting,
another non-nil value asks for it, and nil from all leaves it to `electric-indent-chars'.")
(defvar-local electric-indent-inhibit nil
  "Non-nil means Electric Indent mode only indents new lines, never reindenting the current one.")
(defvar electric-indent-functions-without-reindent
  '(indent-relative indent-to-left-margin indent-relative-maybe indent-relative-first-indent-point
    py-indent-line coffee-indent-line org-indent-line yaml-indent-line haskell-indentation-indent-line
    haskell-indent-cycle haskell-simple-indent yaml-indent-line)
  "Indentation functions whose modes keep the line a newline ends as it is.")
(dolist (name '(electric-indent-mode electric-indent-local-mode electric-indent-just-newline
                electric-newline-and-maybe-indent))
  (autoload name "electric" nil t))
(dolist (name '(electric-indent-post-self-insert-function electric--after-char-pos))
  (autoload name "electric"))
(defvar electric-quote-mode nil "Non-nil when typed quotes become curved quotes.")
(custom-autoload 'electric-quote-mode "electric" nil)
(defvar electric-quote-chars '(?‘ ?’ ?“ ?”)
  "The opening single, closing single, opening double and closing double quotes to type.")
(defvar electric-quote-comment t "Non-nil means Electric Quote mode works in comments.")
(defvar-local electric-quote-string nil "Non-nil means Electric Quote mode works in strings.")
(defvar electric-quote-paragraph t "Non-nil means Electric Quote mode works in the text of Text mode buffers.")
(defvar electric-quote-context-sensitive nil
  "Non-nil means ' opens or closes a quotation as the text before it says, and ` is left alone.")
(defvar electric-quote-replace-double nil "Non-nil means Electric Quote mode also curves the \" typed.")
(defvar electric-quote-inhibit-functions nil
  "Functions called with no arguments before quoting; one giving non-nil leaves the quote alone.")
(dolist (name '(electric-quote-mode electric-quote-local-mode))
  (autoload name "electric" nil t))
(autoload 'electric-quote-post-self-insert-function "electric")
(defvar electric-layout-mode nil "Non-nil when typing a character of `electric-layout-rules' adds newlines around it.")
(custom-autoload 'electric-layout-mode "electric" nil)
(defvar electric-layout-rules nil
  "An alist (CHAR . WHERE) of the newlines typing CHAR adds.
WHERE is `before', `after', `after-stay' (a newline after CHAR, point
staying before it) or `around', a list of these, or a function of no
arguments giving one of them.")
(defvar electric-layout-allow-duplicate-newlines nil
  "Non-nil means Electric Layout mode adds its newlines even next to newlines already there.")
(dolist (name '(electric-layout-mode electric-layout-local-mode))
  (autoload name "electric" nil t))
(autoload 'electric-layout-post-self-insert-function "electric")
;; elec-pair: Electric Pair mode, loaded when first turned on.
(defvar electric-pair-mode nil "Non-nil when typing an opener also inserts its closer.")
(custom-autoload 'electric-pair-mode "elec-pair" nil)
(dolist (name '(electric-pair-mode electric-pair-local-mode))
  (autoload name "elec-pair" nil t))
(defvar auto-fill-chars
  (let ((table (make-char-table 'auto-fill-chars)))
    (dolist (range '(10 32 (#x3041 . #x30ff) (#x3400 . #x4db5) (#x4e00 . #x9fbb) (#xf900 . #xfaff)
                     (#xff00 . #xff9f) (#x20000 . #x2ffff)))
      (set-char-table-range table range t))
    table)
  "Char-table of the chars after whose insertion `self-insert-command' calls `auto-fill-function'.")
(autoload 'self-insert-command "cmds-insert" nil t)
(autoload 'do-auto-fill "cmds-insert")
;; subr-more3: event symbol parsing, wrapper hooks, transient maps.
(dolist (name '(internal-event-symbol-parse-modifiers set-transient-map keymap--menu-item-binding
                keymap--menu-item-with-binding keymap--merge-bindings internal--compiler-macro-cXXr
                zerop--anon-cmacro bidi-string-mark-left-to-right unmsys--file-name timer--create
                internal-timer-start-idle y-or-n-p-with-timeout memory-limit))
  (autoload name "subr-more3"))
(dolist (name '(with-wrapper-hook subr--with-wrapper-hook-no-warnings))
  (autoload name "subr-more3" nil nil 'macro))
(put 'with-wrapper-hook 'lisp-indent-function 2)
(defalias 'inline #'progn)
;; simple-undo-auto: automatic undo boundaries and amalgamating commands.
(defvar undo-auto--undoably-changed-buffers nil "The buffers changed (with undo on) since the last automatic boundaries.")
(defvar undo-auto-current-boundary-timer nil "The timer that will add boundaries to changed buffers, or nil.")
(defvar undo-auto--this-command-amalgamating nil "Non-nil when the command running has asked to amalgamate its undo records.")
(dolist (name '(undo-auto--last-boundary-amalgamating-number undo-auto--needs-boundary-p
                undo-auto--ensure-boundary undo-auto--boundaries undo-auto--undoable-change
                undo-auto-amalgamate undo-auto--boundary-ensure-timer undo-auto--boundary-timer
                undo-auto--add-boundary))
  (autoload name "simple-undo-auto"))
;; struct-cmacros: the NAME--cmacro functions of the timer, decoded-time and ppss accessors.
(autoload 'timer--create--cmacro "struct-cmacros")
(dolist (group '(("timer--" triggered high-seconds low-seconds usecs repeat-delay function args
                  idle-delay psecs integral-multiple)
                 ("decoded-time-" second minute hour day month year weekday dst zone)
                 ("ppss-" depth innermost-start last-complete-sexp-start string-terminator
                  comment-depth quoted-p min-depth comment-style comment-or-string-start
                  open-parens two-character-syntax)))
  (dolist (field (cdr group))
    (autoload (intern (concat (car group) (symbol-name field) "--cmacro")) "struct-cmacros")))
;; struct-cmacros: the NAME--cmacro functions of the class, slot, generic-function, method and
;; generalizer records.
(dolist (name '(cl--class-p cl--class-name cl--class-docstring cl--class-parents cl--class-slots
                cl--class-index-table cl--struct-class-p cl--struct-class-name
                cl--struct-class-docstring cl--struct-class-parents cl--struct-class-slots
                cl--struct-class-index-table cl--struct-class-tag cl--struct-class-type
                cl--struct-class-named cl--struct-class-print cl--struct-class-children-sym
                cl--struct-new-class cl-slot-descriptor-p cl--make-slot-descriptor
                cl--slot-descriptor-name cl--slot-descriptor-initform cl--slot-descriptor-type
                cl--slot-descriptor-props cl-struct-p cl--struct-cl--generic-p cl--generic-make
                cl--generic-name cl--generic-dispatches cl--generic-method-table
                cl--generic-options cl--struct-cl--generic-method-p cl--generic-make-method
                cl--generic-method-specializers cl--generic-method-qualifiers
                cl--generic-method-uses-cnm cl--generic-method-function cl--generic-generalizer-p
                cl-generic-make-generalizer cl--generic-generalizer-name
                cl--generic-generalizer-priority cl--generic-generalizer-tagcode-function
                cl--generic-generalizer-specializers-function
                xref-elisp-location-p xref-elisp-location-symbol xref-elisp-location-type
                xref-elisp-location-file xref-make-elisp-location make-xref-elisp-location
                lisp-indent-state-p lisp-indent-state-stack lisp-indent-state-ppss
                lisp-indent-state-ppss-point))
  (autoload (intern (concat (symbol-name name) "--cmacro")) "struct-cmacros"))
(dolist (name '(uniquify-item-base uniquify-item-dirname uniquify-item-buffer uniquify-item-proposed
                uniquify-item-original-dirname uniquify-item-p uniquify-make-item))
  (autoload (intern (concat (symbol-name name) "--cmacro")) "struct-cmacros"))
;; gnus-range: sorted lists of article numbers.
(dolist (name '(gnus-add-to-sorted-list gnus-intersection gnus-sorted-complement
                gnus-sorted-difference gnus-sorted-intersection gnus-sorted-ndifference
                gnus-sorted-nintersection gnus-sorted-nunion gnus-sorted-range-intersection
                gnus-sorted-union))
  (autoload name "gnus-range"))
(defalias 'gnus-set-sorted-intersection 'gnus-sorted-nintersection)
;; files-attrs: extended attributes, transformed file names.
(dolist (name '(file-extended-attributes set-file-extended-attributes files--transform-file-name))
  (autoload name "files-attrs"))
;; bindings-menu: bindings.el's menu keymap helpers.
(dolist (name '(bindings--define-key bindings--menu-item-string bindings--sort-menu-keymap))
  (autoload name "bindings-menu"))
;; Unicode normalization forms (ucs-normalize.el).
(dolist (form '("NFD" "NFC" "NFKD" "NFKC" "HFS-NFD" "HFS-NFC"))
  (autoload (intern (format "ucs-normalize-%s-string" form)) "ucs-normalize")
  (autoload (intern (format "ucs-normalize-%s-region" form)) "ucs-normalize" nil t))
;; Compositions as text properties, and the glyph-string vectors (composite.el).
(defvar auto-composition-mode t "Non-nil means characters are composed automatically when shown.")
(make-variable-buffer-local 'auto-composition-mode)
(dolist (name '(compose-region-internal compose-string-internal find-composition-internal
                compose-string decompose-string compose-chars find-composition
                encode-composition-rule decode-composition-rule encode-composition-components
                decode-composition-components lgstring-header lgstring-set-header lgstring-font
                lgstring-char lgstring-char-len lgstring-shaped-p lgstring-set-id lgstring-glyph
                lgstring-glyph-len lgstring-set-glyph lgstring-insert-glyph lgstring-remove-glyph
                lglyph-from lglyph-to lglyph-char lglyph-code lglyph-width lglyph-lbearing
                lglyph-rbearing lglyph-ascent lglyph-descent lglyph-adjustment lglyph-set-from-to
                lglyph-set-char lglyph-set-code lglyph-set-width lglyph-set-adjustment lglyph-copy))
  (autoload name "composite"))
(dolist (cmd '(compose-region decompose-region compose-last-chars auto-composition-mode
               global-auto-composition-mode toggle-auto-composition))
  (autoload cmd "composite" nil t))
;; File formats (format.el); GNU preloads the file, so the table exists from start-up.
(defvar format-alist
  `((text/enriched "Extended MIME text/enriched format." "Content-[Tt]ype:[ 	]*text/enriched" enriched-decode enriched-encode t enriched-mode) (plain ,(concat "ISO 8859-1 standard format, " "no text properties.") nil nil nil nil nil) (TeX "TeX (encoding)" nil iso-tex2iso iso-iso2tex t nil) (gtex "German TeX (encoding)" nil iso-gtex2iso iso-iso2gtex t nil) (html "HTML/SGML \"ISO 8879:1986//ENTITIES Added Latin 1//EN\" (encoding)" nil iso-sgml2iso iso-iso2sgml t nil) (rot13 "rot13" nil rot13-region rot13-region t nil) (duden "Duden Ersatzdarstellung" nil "diac" iso-iso2duden t nil) (de646 "German ASCII (ISO 646)" nil "recode -f iso646-ge:latin1" "recode -f latin1:iso646-ge" t nil) (denet "net German" nil iso-german iso-cvt-read-only t nil) (esnet "net Spanish" nil iso-spanish iso-cvt-read-only t nil))
  "The file formats known: (NAME DOC-STRING REGEXP FROM-FN TO-FN MODIFY MODE-FN PRESERVE) each.")
(dolist (name '(format-proper-list-p format-delq-cons format-make-relatively-unique format-reorder
                format-subtract-regions
                format-annotate-value format-property-increment-region format-replace-strings
                format-insert-annotations format-decode-run-method format-encode-run-method
                format-decode format-read))
  (autoload name "format"))
(dolist (cmd '(format-decode-region format-decode-buffer format-encode-region format-encode-buffer
               format-find-file format-insert-file format-write-file))
  (autoload cmd "format" nil t))
(autoload 'prepare-abbrev-list-buffer "abbrevs")
(dolist (cmd '(insert-abbrevs list-abbrevs edit-abbrevs define-abbrevs edit-abbrevs-redefine
               abbrev-edit-save-to-file abbrev-edit-save-buffer edit-abbrevs-mode))
  (autoload cmd "abbrevs" nil t))
;; Japanese kana and width conversions (japan-util.el).
(dolist (name '(japanese-katakana japanese-hiragana japanese-hankaku japanese-zenkaku
                read-hiragana-string setup-japanese-environment-internal))
  (autoload name "japan-util"))
(dolist (cmd '(japanese-katakana-region japanese-hiragana-region japanese-hankaku-region
               japanese-zenkaku-region))
  (autoload cmd "japan-util" nil t))
;; Input methods and mule-cmds' readers (mule-input.el); GNU preloads mule-cmds.
(dolist (name '(register-input-method read-input-method-name activate-input-method
                deactivate-input-method deactivate-transient-input-method
                describe-current-input-method read-multilingual-string read-char-by-name
                mule--ucs-names-affixation mule--ucs-names-group mule--ucs-names-sort-by-code
                select-safe-coding-system--format-list select-safe-coding-system-interactively
                update-leim-list-file mule-cmds--prefixed-command-echo
                mule-cmds--prefixed-command-pch mule-cmds--prefixed-command-preserve
                set-display-table-and-terminal-coding-system standard-display-european-internal))
  (autoload name "mule-input"))
(dolist (cmd '(ucs-insert set-input-method toggle-input-method))
  (autoload cmd "mule-input" nil t))
(defalias 'inactivate-input-method 'deactivate-input-method)
(make-obsolete 'inactivate-input-method 'deactivate-input-method "24.3")
;; Quail input method packages (quail.el).
(dolist (name '(quail-define-package quail-defrule quail-defrule-internal quail-install-decode-map
                quail-install-map quail-title quail-use-package))
  (autoload name "quail"))
(autoload 'quail-define-rules "quail" nil nil t)
;; Small language utilities and older mule.el entry points.
(dolist (entry '(("mule-compat" ctext-non-standard-encodings-table convert-define-charset-argument
                  read-charset cyrillic-encode-koi8-r-char cyrillic-encode-alternativnyj-char
                  viet-encode-viscii-char tibetan-char-p setup-korean-environment-internal)))
  (dolist (name (cdr entry)) (autoload name (car entry))))
(defvar ctext-non-standard-encodings nil "Names of the non-standard encodings compound text may use when writing.")
(defvar ctext-non-standard-encodings-alist
  '(("big5-0" big5 2 big5) ("ISO8859-14" iso-8859-14 1 latin-iso8859-14)
    ("ISO8859-15" iso-8859-15 1 latin-iso8859-15) ("gbk-0" gbk 2 chinese-gbk)
    ("koi8-r" koi8-r 1 koi8-r) ("microsoft-cp1251" windows-1251 1 windows-1251))
  "The non-standard encodings of compound text: (NAME CODING-SYSTEM BYTES-PER-CHAR CHARSET) each.")
(defvar default-korean-keyboard "" "The Korean keyboard layout: \"\", \"3\" or \"390\".")
;; thingatpt.el's entry points (GNU autoloads the same ones).
(dolist (name '(thing-at-point bounds-of-thing-at-point forward-thing thing-at-mouse
                bounds-of-thing-at-mouse sexp-at-point symbol-at-point number-at-point
                list-at-point))
  (autoload name "thingatpt"))
(defvar xref-backend-functions nil "Functions tried in turn to find the xref backend of the current buffer; the first non-nil value is it.")
(add-hook 'xref-backend-functions #'etags--xref-backend)
;; xref.el's entry points (a small part of GNU's library: backends, the marker stack, items).
(dolist (name '(xref-find-backend xref-marker-stack-empty-p etags--xref-backend))
  (autoload name "xref"))

;; simple-history: moving through minibuffer history (GNU's simple.el).
(defvar minibuffer-history-position nil "Where in the history the minibuffer's text comes from: 0 for the user's own text.")
(defvar minibuffer-history-sexp-flag nil "Non-nil when the minibuffer reads a Lisp expression: history elements are shown printed.")
(defvar minibuffer-history-case-insensitive-variables nil "History variables whose elements are matched without regard to case.")
(defvar minibuffer-default-add-function #'minibuffer-default-add-completions "Function that extends the default values when the user moves past them.")
(defvar minibuffer-default-add-done nil "Non-nil once `minibuffer-default-add-function' has extended the defaults.")
(dolist (name '(goto-history-element next-history-element previous-history-element
                previous-matching-history-element next-matching-history-element
                previous-complete-history-element next-complete-history-element))
  (autoload name "simple-history" nil t))
;; profiler: GNU autoloads these; tsmacs's profiler.el has the rest.
(autoload 'profiler-start "profiler" nil t)
(autoload 'profiler-find-profile "profiler" nil t)
(autoload 'profiler-find-profile-other-window "profiler" nil t)
(autoload 'profiler-find-profile-other-frame "profiler" nil t)
;; simple-input: quoted characters and line breaks (GNU's simple.el).
(defvar read-quoted-char-radix 8 "The radix `read-quoted-char' reads a character's code in: 8, 10 or 16.")
(autoload 'read-quoted-char "simple-input")
(dolist (name '(quoted-insert default-indent-new-line))
  (autoload name "simple-input" nil t))
;; project.el's entry points, autoloaded as GNU autoloads them (commands marked interactive).
(dolist (name '(project-current project-known-project-roots project-remember-project))
  (autoload name "project"))
(dolist (name '(project-async-shell-command project-compile project-dired project-display-buffer
                project-display-buffer-other-frame project-eshell project-execute-extended-command
                project-find-dir project-find-file project-find-regexp project-forget-project
                project-kill-buffers project-or-external-find-file project-or-external-find-regexp
                project-other-frame-command project-other-tab-command project-other-window-command
                project-query-replace-regexp project-search project-shell project-shell-command
                project-switch-project project-switch-to-buffer project-vc-dir))
  (autoload name "project" nil t))
;; The rest of xref.el's entry points.
(dolist (name '(xref-matches-in-directory xref-matches-in-files xref-references-in-directory))
  (autoload name "xref"))
(dolist (name '(xref-find-apropos xref-find-definitions xref-find-definitions-at-mouse
                xref-find-definitions-other-frame xref-find-definitions-other-window
                xref-find-references xref-find-references-at-mouse xref-pop-marker-stack))
  (autoload name "xref" nil t))
(defalias 'pop-tag-mark #'xref-pop-marker-stack)
;; etags.el's entry points, as GNU autoloads them, and its options GNU has at start-up.
(defvar tags-file-name nil "The file name of the tags table in use, or nil.")
(defvar tags-table-list nil "The list of tags tables searched in turn.")
(defvar tags-case-fold-search 'default "Whether tags searches ignore case; `default' follows `case-fold-search'.")
(defvar tags-add-tables 'ask-user "Whether visiting a new tags table adds it to `tags-table-list'.")
(dolist (name '(tags-lazy-completion-table tags-table-files visit-tags-table-buffer))
  (autoload name "etags"))
(dolist (name '(complete-tag find-tag find-tag-noselect find-tag-other-frame find-tag-other-window
                find-tag-regexp list-tags select-tags-table tags-apropos tags-loop-continue
                tags-next-file tags-query-replace tags-search tags-table-mode visit-tags-table))
  (autoload name "etags" nil t))
(defalias 'next-file #'tags-next-file)
;; apropos.el's entry points, as GNU autoloads them.
(dolist (name '(apropos-documentation-property apropos-read-pattern))
  (autoload name "apropos"))
(dolist (name '(apropos apropos-command apropos-documentation apropos-function apropos-library
                apropos-local-value apropos-local-variable apropos-user-option apropos-value
                apropos-variable))
  (autoload name "apropos" nil t))
(defalias 'command-apropos #'apropos-command)
;; checkdoc.el's entry points, as GNU autoloads them.
(dolist (name '(checkdoc-file checkdoc-list-of-strings-p))
  (autoload name "checkdoc"))
(dolist (name '(checkdoc checkdoc-comments checkdoc-continue checkdoc-current-buffer checkdoc-defun
                checkdoc-eval-current-buffer checkdoc-eval-defun checkdoc-interactive checkdoc-ispell
                checkdoc-ispell-comments checkdoc-ispell-continue checkdoc-ispell-current-buffer
                checkdoc-ispell-defun checkdoc-ispell-interactive checkdoc-ispell-message-interactive
                checkdoc-ispell-message-text checkdoc-ispell-start checkdoc-message-interactive
                checkdoc-message-text checkdoc-minor-mode checkdoc-package-keywords
                checkdoc-rogue-spaces checkdoc-start))
  (autoload name "checkdoc" nil t))
;; Show Paren mode (paren.el), on from the start as in GNU: its switch,
;; options and idle timer are dumped; the library loads at first use.  Batch
;; Emacs is never idle, so the timer only waits.
(defvar show-paren-mode t "Non-nil while Show Paren mode highlights the paren matching the one at point.")
(custom-autoload 'show-paren-mode "paren" nil)
(defvar show-paren-delay 0.125 "Seconds of idleness before Show Paren mode highlights.")
(defvar show-paren-style 'parenthesis
  "What Show Paren mode highlights: `parenthesis', `expression', or `mixed' (the expression when the partner is out of sight).")
(defvar show-paren-priority 1000 "The priority of Show Paren mode's overlays.")
(defvar show-paren-when-point-inside-paren nil "Non-nil means also highlight when point is just inside a paren.")
(defvar show-paren-when-point-in-periphery nil
  "Non-nil means also highlight the paren at the start or end of a line when point is in the line's indentation or trailing blanks.")
(defvar show-paren-highlight-openparen t "Non-nil means highlight an opening paren at point as well as its partner.")
(defvar show-paren-ring-bell-on-mismatch nil "Non-nil means ring the bell when the parens do not match.")
(defvar show-paren-data-function #'show-paren--default
  "The function Show Paren mode calls for what to highlight, returning (HERE-BEG HERE-END THERE-BEG THERE-END MISMATCH) or nil.")
(dolist (name '(show-paren-mode show-paren-local-mode))
  (autoload name "paren" nil t))
(dolist (name '(show-paren-function show-paren--default show-paren--locate-near-paren
                show-paren--categorize-paren show-paren--unescaped-p show-paren--delete-overlays))
  (autoload name "paren"))
(defvar show-paren--idle-timer (run-with-idle-timer show-paren-delay t #'show-paren-function)
  "The idle timer that calls `show-paren-function'.")
;; Tooltip mode (tooltip.el), on from the start as in GNU; a terminal shows
;; help in the echo area instead.
(defvar tooltip-mode t "Non-nil while Tooltip mode shows help text in tooltips.")
(custom-autoload 'tooltip-mode "tooltip" nil)
(defvar tooltip-delay 0.7 "Seconds to wait before the first tooltip shows.")
(defvar tooltip-short-delay 0.1 "Seconds to wait before the next tooltip shows, soon after one was shown.")
(defvar tooltip-hide-delay 10 "Seconds a tooltip stays up.")
(defvar tooltip-x-offset 5 "Horizontal distance in pixels between the mouse and its tooltip.")
(defvar tooltip-y-offset 20 "Vertical distance in pixels between the mouse and its tooltip.")
(defvar tooltip-functions nil "Functions called with a mouse event to show a tooltip; the first non-nil one wins.")
(defvar tooltip-resize-echo-area nil "Non-nil means the echo area may grow to show help text.")
(defvar tooltip-recent-seconds 1 "Seconds within which a tooltip counts as recently shown.")
(defvar tooltip-hide-time nil "When the last tooltip was hidden.")
(defvar tooltip-help-message nil "The help text last shown in the echo area.")
(defvar tooltip-previous-message nil "The echo area's text before help replaced it.")
(defvar tooltip-use-echo-area nil "Obsolete: non-nil meant show tooltips in the echo area.")
(defvar tooltip-frame-parameters
  '((name . "tooltip") (internal-border-width . 2) (border-width . 1) (no-special-glyphs . t))
  "Frame parameters of the frame a tooltip shows in.")
(dolist (name '(tooltip-mode))
  (autoload name "tooltip" nil t))
(dolist (name '(tooltip-show-help tooltip-show-help-non-mode tooltip-cancel-delayed-tip
                tooltip-strip-prompt tooltip-delay))
  (autoload name "tooltip"))
;; File Name Shadow mode (rfn-eshadow.el), on from the start as in GNU: it
;; works by a function on `minibuffer-setup-hook'.
(defvar file-name-shadow-mode t "Non-nil while the ignored part of a file name in the minibuffer is shown dimmed.")
(custom-autoload 'file-name-shadow-mode "rfn-eshadow" nil)
(defvar file-name-shadow-properties '(face file-name-shadow field shadow)
  "The text properties of the shadowed part of a file name on a graphic display.")
(defvar file-name-shadow-tty-properties '(before-string "{" after-string "} " field shadow)
  "The text properties of the shadowed part of a file name on a text terminal.")
(defvar minibuffer-completing-file-name nil "Non-nil while the minibuffer completes a file name.")
(defvar minibuffer-setup-hook '(rfn-eshadow-setup-minibuffer) "Functions run each time a minibuffer is entered.")
(dolist (name '(file-name-shadow-mode))
  (autoload name "rfn-eshadow" nil t))
(dolist (name '(rfn-eshadow-setup-minibuffer rfn-eshadow-update-overlay))
  (autoload name "rfn-eshadow"))
;; simple-rest: line motion into the history, define-alternatives, the undo
;; list's truncation, compiling an Emacs Lisp buffer's file.
(dolist (name '(next-line-or-history-element previous-line-or-history-element emacs-lisp-byte-compile
                emacs-lisp-byte-compile-and-load elisp-byte-code-mode))
  (autoload name "simple-rest" nil t))
(autoload 'undo-outer-limit-truncate "simple-rest")
(autoload 'elisp-byte-code-syntax-propertize "simple-rest")
(autoload 'define-alternatives "simple-rest" nil nil 'macro)
;; files-odds: quoted file names, Lock File and Auto Save Visited modes, the trash.
(defvar trash-directory nil "The folder `move-file-to-trash' moves files to; nil means the freedesktop.org trash.")
(defvar auto-save-visited-mode nil "Non-nil while changed buffers are saved to their files when Emacs is idle.")
(custom-autoload 'auto-save-visited-mode "files-odds" nil)
(defvar auto-save-visited-interval 5 "Seconds of idleness after which Auto Save Visited mode saves.")
(put 'auto-save-visited-interval 'standard-value '(5))
(dolist (name '(lock-file-mode auto-save-visited-mode move-file-to-trash))
  (autoload name "files-odds" nil t))
(autoload 'file-name-non-special "files-odds")
;; File names quoted with `/:' go past every other handler (the others are
;; pushed in front of this one as they install).
(setq file-name-handler-alist (append file-name-handler-alist '(("\\`/:" . file-name-non-special))))

;; ---- what GNU's loaddefs define outright: version-control probes, Tramp's handler hooks, and a few more

(defun vc--registered-master (file templates) "Give the first existing master file for FILE among TEMPLATES (formats of directory and base name), or nil."
  (let* ((f (expand-file-name file))
         (dir (file-name-directory f))
         (base (file-name-nondirectory f))
         (found nil))
    (while (and templates (not found))
      (let ((m (format (car templates) dir base)))
        (when (file-exists-p m) (setq found m)))
      (setq templates (cdr templates)))
    found))

(defun vc--tool-says-yes (program &rest args) "Tell whether PROGRAM with ARGS, run in FILE's folder, exits with 0 and prints something."
  (with-temp-buffer
    (and (executable-find program)
         (eq 0 (condition-case nil (apply #'call-process program nil t nil args) (error nil)))
         (> (buffer-size) 0))))

(defun vc--tracked-p (file marker program &rest args) "Tell whether PROGRAM run with ARGS and FILE's base name vouches for FILE, in a tree that has MARKER above it."
  (let ((f (expand-file-name file)))
    (and (locate-dominating-file f marker)
         (let ((default-directory (file-name-directory f)))
           (and (apply #'vc--tool-says-yes program (append args (list (file-name-nondirectory f)))) t)))))

(defun vc-git-registered (file) "Tell whether FILE is tracked by a Git repository; the Git backend is loaded once a work tree is found."
  (when (vc-find-root file ".git")
    (load "vc-git" nil t)
    (vc-git-registered file)))

(defun vc-hg-registered (file) "Tell whether FILE is tracked by a Mercurial repository."
  (vc--tracked-p file ".hg" "hg" "files" "--"))

(defun vc-bzr-registered (file) "Tell whether FILE is tracked by a Bazaar branch."
  (vc--tracked-p file ".bzr" "bzr" "ls" "--versioned"))

(defun vc-svn-registered (file) "Tell whether FILE is under Subversion."
  (vc--tracked-p file ".svn" "svn" "info" "--"))

(defun vc-mtn-registered (file) "Tell whether FILE is tracked by a Monotone workspace."
  (vc--tracked-p file "_MTN" "mtn" "ls" "known"))

(defun vc-cvs-registered (file) "Tell whether FILE is listed in its folder's CVS/Entries."
  (let* ((f (expand-file-name file))
         (entries (expand-file-name "CVS/Entries" (file-name-directory f))))
    (and (file-readable-p entries)
         (with-temp-buffer
           (insert-file-contents entries)
           (and (search-forward (concat "/" (file-name-nondirectory f) "/") nil t) t)))))

(defun vc-rcs-registered (file) "Give FILE's RCS master file name when it has one, else nil."
  (vc--registered-master file '("%sRCS/%s,v" "%s%s,v" "%sRCS/%s")))

(defun vc-src-registered (file) "Give FILE's SRC master file name when it has one, else nil."
  (vc--registered-master file '("%s.src/%s,v")))

(defun vc-sccs-search-project-dir (_dirname basename) "Give the SCCS master of BASENAME in the folder $PROJECTDIR names, or nil."
  (let ((project (getenv "PROJECTDIR")))
    (when (and project (> (length project) 0))
      (let ((dir (file-name-as-directory (if (file-name-absolute-p project) project (expand-file-name project "~")))))
        (seq-find #'file-exists-p (list (concat dir "SCCS/s." basename) (concat dir "s." basename)))))))

(defun vc-sccs-registered (file) "Give FILE's SCCS master file name when it has one, else nil."
  (or (vc--registered-master file '("%sSCCS/s.%s" "%ss.%s"))
      (let ((f (expand-file-name file)))
        (vc-sccs-search-project-dir (file-name-directory f) (file-name-nondirectory f)))))

;; Tramp is not part of tsmacs. Its handlers are registered as GNU registers them at start-up, so
;; that `find-file-name-handler' answers alike; called, they handle the operation as if no
;; handler were there.
(defvar tramp-mode t "Non-nil means remote file names are recognized.")
(defvar tramp-archive-enabled nil "Non-nil means file names inside archives are recognized (it needs GVFS).")
(defvar tramp-archive-suffixes
  (split-string "7z apk ar cab CAB cpio deb depot exe iso jar lzh LZH msu MSU mtree odb odf odg odp ods odt pax rar rpm shar tar tbz tgz tlz txz tzst warc xar xpi xps zip ZIP")
  "File name suffixes of the archive formats whose contents can be visited.")
(defvar tramp-archive-compression-suffixes (split-string "bz2 gz lrz lz lz4 lzma lzo uu xz Z zst")
  "Compression suffixes an archive's name may carry after its own.")
(defconst tramp-autoload-file-name-regexp "\\`/[^/|:]+:" "Which file names are remote, as the handler registered at start-up sees them.")

(defmacro tramp-archive-autoload-file-name-regexp () "Give the form computing the regexp of file names inside archives."
  `(concat "\\`" "\\(" ".+" "\\." (regexp-opt tramp-archive-suffixes)
           "\\(?:" "\\." (regexp-opt tramp-archive-compression-suffixes) "\\)*"
           "\\)" "\\(" "/" ".*" "\\)" "\\'"))

(defun tramp--pass-through (handler operation args) "Do OPERATION on ARGS as if HANDLER were not registered."
  (let ((inhibit-file-name-handlers
         (cons handler (and (eq inhibit-file-name-operation operation) inhibit-file-name-handlers)))
        (inhibit-file-name-operation operation))
    (apply operation args)))

(defun tramp-autoload-file-name-handler (operation &rest args) "Handle OPERATION on a remote file name; without Tramp it is done as for a local name."
  (tramp--pass-through 'tramp-autoload-file-name-handler operation args))

(defun tramp-archive-autoload-file-name-handler (operation &rest args) "Handle OPERATION on a file name inside an archive; without Tramp it is done as for any name."
  (tramp--pass-through 'tramp-archive-autoload-file-name-handler operation args))

(defun tramp-register-autoload-file-name-handlers () "Put the handler for remote file names into `file-name-handler-alist'; give t."
  (unless (rassq 'tramp-autoload-file-name-handler file-name-handler-alist)
    (setq file-name-handler-alist
          (append file-name-handler-alist (list (cons tramp-autoload-file-name-regexp 'tramp-autoload-file-name-handler)))))
  (put 'tramp-autoload-file-name-handler 'safe-magic t)
  t)

(defun tramp-register-archive-file-name-handler () "Put the handler for file names inside archives first in `file-name-handler-alist'; give t."
  (unless (rassq 'tramp-archive-autoload-file-name-handler file-name-handler-alist)
    (push (cons (tramp-archive-autoload-file-name-regexp) 'tramp-archive-autoload-file-name-handler)
          file-name-handler-alist))
  (put 'tramp-archive-autoload-file-name-handler 'safe-magic t)
  t)

(defun tramp-unload-file-name-handlers () "Take every Tramp handler out of `file-name-handler-alist'."
  (setq file-name-handler-alist
        (seq-remove (lambda (entry) (and (symbolp (cdr entry)) (string-prefix-p "tramp-" (symbol-name (cdr entry)))))
                    file-name-handler-alist))
  nil)

(defun tramp-unload-tramp () "Discard Tramp: its file name handlers leave `file-name-handler-alist'."
  (interactive)
  (tramp-unload-file-name-handlers))


(defvar package-quickstart nil "Non-nil means packages are activated from one precomputed file, `package-quickstart-file'.")
(defvar package-quickstart-file (locate-user-emacs-file "package-quickstart.el") "The file `package-activate-all' loads when `package-quickstart' is on.")

(defun package-activate-all () "Make the installed packages available: with `package-quickstart', by loading its file; tsmacs has no package manager beyond that, so otherwise nothing."
  (when (and package-quickstart (file-readable-p package-quickstart-file))
    (load package-quickstart-file nil t))
  nil)

(defun tags-completion-at-point-function () "Complete the tag name before point from the tags tables in use, for `completion-at-point'; nil without a tags table."
  (when (or tags-file-name tags-table-list)
    (let ((end (point))
          (beg (save-excursion (skip-syntax-backward "w_") (point))))
      (when (< beg end)
        (list beg end (tags-lazy-completion-table) :exclusive 'no)))))

(defun rx--pcase-macroexpander (&rest regexps) "Expand the `rx' pcase pattern with REGEXPS, after loading the rx library that defines it."
  (require 'rx)
  (apply #'rx--pcase-macroexpander regexps))
(define-symbol-prop 'rx 'pcase-macroexpander #'rx--pcase-macroexpander)
;; Editing packages that work on buffer text: sorting, pages, tabs and
;; misc.el's small commands (GNU preloads page.el and autoloads the rest).
(autoload 'sort-subr "sort")
(dolist (entry '(("sort" sort-lines sort-paragraphs sort-pages sort-fields sort-numeric-fields
                  sort-regexp-fields sort-columns reverse-region delete-duplicate-lines)
                 ("page" forward-page backward-page mark-page narrow-to-page count-lines-page
                  what-page)
                 ("misc" copy-from-above-command zap-up-to-char mark-beginning-of-buffer
                  mark-end-of-buffer upcase-char forward-to-word backward-to-word)
                 ("tabify" tabify untabify)))
  (dolist (name (cdr entry)) (autoload name (car entry) nil t)))
(autoload 'page--count-lines-page "page")
(autoload 'page--what-page "page")
;; Templates with %-directives of the caller's letters (GNU autoloads it).
(autoload 'format-spec "format-spec")

;; View mode (GNU autoloads view.el's entry points; `view-read-only' is files.el's).
(defcustom view-read-only nil "Non-nil means a buffer made read-only with `read-only-mode' also goes into View mode."
  :type 'boolean :group 'view)
(dolist (name '(view-mode view-buffer view-buffer-other-window view-buffer-other-frame view-file
                view-file-other-window view-file-other-frame View-exit-and-edit))
  (autoload name "view" nil t))
(dolist (name '(view-mode-enter kill-buffer-if-not-modified view-return-to-alist-update))
  (autoload name "view"))
;; align.el's commands (GNU autoloads all seven).
(dolist (name '(align align-regexp align-entire align-current align-highlight-rule
                align-unhighlight-rule align-newline-and-indent))
  (autoload name "align" nil t))
;; Configuration file modes (conf-mode.el); `conf-mode-maybe' is files.el's.
(dolist (name '(conf-mode conf-unix-mode conf-windows-mode conf-javaprop-mode conf-space-mode
                conf-space-keywords conf-colon-mode conf-ppd-mode conf-xdefaults-mode
                conf-toml-mode conf-desktop-mode))
  (autoload name "conf-mode" nil t))
(defun conf-mode-maybe () "Turn on XML mode when the buffer starts like XML (<? or <!), else Conf mode.
Without an XML mode in this system, Conf mode."
  (if (and (save-excursion (goto-char (point-min)) (looking-at "<[?!]"))
           (fboundp 'xml-mode))
      (xml-mode)
    (conf-mode)))
;; The byte compiler's entry points GNU autoloads from bytecomp.el.
(dolist (name '(byte-force-recompile byte-recompile-directory compile-defun display-call-tree))
  (autoload name "bytecomp" nil t))
(dolist (name '(batch-byte-compile batch-byte-compile-if-not-done batch-byte-recompile-directory
                byte-compile-disable-warning byte-compile-enable-warning))
  (autoload name "bytecomp"))
;; More of files.el (lisp/files-late.el).
(defcustom trusted-content nil "Files and directories (names ending in a slash) whose code may be run, or :all for every file."
  :type '(choice (const :all) (repeat file)) :group 'files)
(put 'trusted-content 'risky-local-variable t)
;; Batch sessions trust all content, as GNU's do.
(when noninteractive (setq trusted-content :all))
(defvar untrusted-content nil "Non-nil means no code of this buffer may be run, whatever `trusted-content' says.")
(defcustom kill-emacs-query-functions nil "Functions called with no argument before `save-buffers-kill-emacs' ends Emacs; one giving nil stops it."
  :type 'hook :group 'convenience)
(defcustom confirm-kill-emacs nil "A function asking whether to end Emacs (`yes-or-no-p', say); nil ends it without asking.
`save-buffers-kill-emacs' calls it with a question; nil from it stops."
  :type '(choice (const :tag "Ask with yes-or-no-p" yes-or-no-p)
                 (const :tag "Ask with y-or-n-p" y-or-n-p)
                 (const :tag "Don't confirm" nil)
                 (function :tag "Predicate function"))
  :group 'convenience)

(defcustom confirm-kill-processes t "Non-nil: `save-buffers-kill-emacs' asks before killing the processes that want to be asked about."
  :type 'boolean
  :group 'convenience)
(dolist (name '(recode-file-name revert-buffer-quick save-buffers-kill-emacs save-buffers-kill-terminal))
  (autoload name "files-late" nil t))
(dolist (name '(trusted-content-p hack-local-variables-confirm locate-file-completion-table backup-buffer-copy))
  (autoload name "files-late"))

;; Font Lock regression tests through markup (GNU autoloads faceup's commands and its explainer macro).
(dolist (name '(faceup-clean-buffer faceup-render-view-buffer faceup-view-buffer faceup-write-file))
  (autoload name "faceup" nil t))
(autoload 'faceup-defexplainer "faceup" nil nil t)
;; ANSI colours (ansi-color.el).
(autoload 'ansi-color-for-comint-mode-on "ansi-color" nil t)
(dolist (name '(ansi-color-compilation-filter ansi-color-process-output))
  (autoload name "ansi-color"))
;; Comint (comint.el): process buffers.
(autoload 'make-comint "comint")
(autoload 'make-comint-in-buffer "comint")
(dolist (name '(comint-run comint-redirect-send-command comint-redirect-send-command-to-process))
  (autoload name "comint" nil t))
(dolist (name '(comint-redirect-results-list comint-redirect-results-list-from-process))
  (autoload name "comint"))
(defvar comint-output-filter-functions
  '(ansi-color-process-output comint-postoutput-scroll-to-bottom comint-watch-for-password-prompt)
  "Functions comint buffers call with each output string after inserting it.")
;; Shell mode (shell.el).
(autoload 'shell "shell" nil t)
(autoload 'split-string-shell-command "shell")
(defvar shell-dumb-shell-regexp "cmd\\(proxy\\)?\\.exe"
  "Shells whose program name matches this cannot report their working directory.")
;; XML reading (xml.el): the entry points GNU autoloads.
(dolist (name '(xml-parse-file xml-parse-region xml-remove-comments))
  (autoload name "xml"))
;; Character-folding search (char-fold.el), as GNU autoloads it.
(autoload 'char-fold-to-regexp "char-fold")
;; color.el's conversions (GNU autoloads `color-name-to-rgb').
(autoload 'color-name-to-rgb "color")
;; ROT13 (rot13.el), as GNU autoloads it.
(dolist (name '(rot13 rot13-string)) (autoload name "rot13"))
(dolist (name '(rot13-region rot13-other-window toggle-rot13-mode)) (autoload name "rot13" nil t))

;; Overstrike underlining (underline.el), as GNU autoloads it.
(dolist (name '(underline-region ununderline-region)) (autoload name "underline" nil t))
;; Small libraries of GNU's (branch libsmall): their commands and functions as GNU autoloads
;; them, and the options GNU has bound at start-up.
(pcase-dolist (`(,lib ,commands ,functions)
               '(("lpr" (lpr-buffer lpr-region print-buffer print-region) ())
                 ("mwheel" (mouse-wheel-mode) ())
                 ("info" (info Info-directory Info-mode) ())
                 ("info-xref" (info-xref-check) ())
                 ;; GNU preloads buff-menu.el (which provides no feature).
                 ("buff-menu" (list-buffers buffer-menu Buffer-menu-mode)
                  (list-buffers-noselect Buffer-menu-buffer list-buffers--refresh))
                 ;; GNU preloads tab-bar.el: the tab functions are there from the start.
                 ("tab-bar" (tab-bar-mode tab-new tab-new-to tab-close tab-close-other tab-undo
                             tab-select tab-next tab-previous tab-rename tab-bar-new-tab
                             tab-bar-new-tab-to tab-bar-close-tab tab-bar-close-other-tabs
                             tab-bar-undo-close-tab tab-bar-select-tab tab-bar-switch-to-next-tab
                             tab-bar-switch-to-prev-tab tab-bar-rename-tab)
                  (tab-bar-tabs tab-bar-tabs-set tab-bar--current-tab-find tab-bar--current-tab
                   tab-bar--current-tab-index tab-bar--tab tab-bar--current-tab-make
                   tab-bar-tab-name-current tab-bar-tab-name-all))
                 ("image" () (create-image find-image image-type image-type-auto-detected-p
                              image-type-available-p image-type-from-buffer image-type-from-data
                              image-type-from-file-header image-type-from-file-name insert-image
                              insert-sliced-image put-image remove-images))))
  (dolist (name commands) (autoload name lib nil t))
  (dolist (name functions) (autoload name lib)))
(autoload 'defimage "image" nil nil 'macro)
(defvar tab-bar-closed-tabs nil "The tabs closed, latest first, for `tab-bar-undo-close-tab'.")
(defvar tab-bar-mode nil "Non-nil when Tab Bar mode is on.")
(defvar mouse-wheel-mode t "Non-nil when Mouse Wheel mode is on (GNU's start-up turns it on).")
(defvar lpr-windows-system nil "Non-nil on MS-DOS and MS-Windows printing.")
(defvar lpr-lp-system nil "Non-nil when the spooler is System V's \"lp\" rather than \"lpr\".")
(defvar printer-name (and (eq system-type 'ms-dos) "PRN") "The printer to use, or nil for the spooler's default.")
(defvar lpr-switches nil "Options (strings) always handed to `lpr-command'.")
(defvar lpr-command "lpr" "Name of program for printing a file.")
;; Time stamps in files (time-stamp.el): the commands, and which values of
;; its variables a file may set for itself.
(dolist (name '(time-stamp time-stamp-toggle-active)) (autoload name "time-stamp" nil t))
(pcase-dolist (`(,var . ,test) '((time-stamp-format . stringp) (time-stamp-time-zone . time-stamp-zone-type-p)
                                 (time-stamp-line-limit . integerp) (time-stamp-start . stringp)
                                 (time-stamp-end . stringp) (time-stamp-inserts-lines . symbolp)
                                 (time-stamp-count . integerp) (time-stamp-pattern . stringp)))
  (put var 'safe-local-variable test))
;; Bookmarks (bookmark.el): the commands GNU autoloads, and the list's two other names.
(dolist (name '(bookmark-set bookmark-set-no-overwrite bookmark-jump bookmark-jump-other-window
                bookmark-jump-other-frame bookmark-relocate bookmark-insert-location bookmark-rename
                bookmark-insert bookmark-delete bookmark-delete-all bookmark-write bookmark-save
                bookmark-load bookmark-bmenu-list bookmark-bmenu-search))
  (autoload name "bookmark" nil t))
(autoload 'bookmark-bmenu-get-buffer "bookmark")
(defalias 'list-bookmarks #'bookmark-bmenu-list)
(defalias 'edit-bookmarks #'bookmark-bmenu-list)
;; Hiding licence headers (elide-head.el).
(autoload 'elide-head "elide-head" nil t)
;; Dired (dired.el) and Wdired (wdired.el), as GNU autoloads them.
(dolist (name '(dired dired-other-window dired-other-frame dired-other-tab dired-jump dired-jump-other-window))
  (autoload name "dired" nil t))
(dolist (name '(dired-noselect dired-mode)) (autoload name "dired"))
(autoload 'wdired-change-to-wdired-mode "wdired" nil t)
;; File notifications (filenotify.el).
(autoload 'file-notify-handle-event "filenotify" nil t)
;; Showing and cleaning up blanks (whitespace.el).
(dolist (name '(whitespace-mode whitespace-newline-mode global-whitespace-mode
                global-whitespace-newline-mode whitespace-cleanup whitespace-cleanup-region
                whitespace-report whitespace-report-region))
  (autoload name "whitespace" nil t))
(defvar global-whitespace-mode nil "Non-nil when Global Whitespace mode is on.")
(custom-autoload 'global-whitespace-mode "whitespace" nil)
(defvar global-whitespace-newline-mode nil "Non-nil when Global Whitespace Newline mode is on.")
(custom-autoload 'global-whitespace-newline-mode "whitespace" nil)
;; Dynamic abbreviations (dabbrev.el), on M-/ and C-M-/ already.
(dolist (name '(dabbrev-expand dabbrev-completion)) (autoload name "dabbrev" nil t))
;; Completing a region of the buffer (completion-region.el; GNU's minibuffer.el).
(autoload 'completion-in-region "completion-region")
;; Screen lines, scrolling and recentering (window-scroll.el; C in GNU).
(autoload 'count-screen-lines "window-scroll")
(autoload 'compare-window-configurations "window-scroll")
(dolist (name '(vertical-motion move-to-window-line recenter recenter-top-bottom scroll-up scroll-down
                scroll-up-command scroll-down-command))
  (autoload name "window-scroll" nil t))
(defvar scroll-preserve-screen-position nil "Whether scrolling keeps point on its screen line: t for scroll commands, other non-nil always.")
(defvar next-screen-context-lines 2 "How many lines of the old screen a full-screen scroll keeps.")
(defvar scroll-error-top-bottom nil "Non-nil means the scroll commands move point to the buffer's end before signaling.")
;; Scroll Lock mode (scroll-lock.el).
(autoload 'scroll-lock-mode "scroll-lock" nil t)
;; Finding the file or URL at point (ffap.el).
(dolist (name '(find-file-at-point ffap-next ffap-bindings dired-at-point)) (autoload name "ffap" nil t))
(autoload 'ffap-guess-file-name-at-point "ffap")
(defalias 'ffap #'find-file-at-point)
;; The widget library (wid-edit.el): the entry points GNU autoloads.
(dolist (name '(widget-create widget-delete widget-insert widget-prompt-value widget-setup widget-value widgetp))
  (autoload name "wid-edit"))
;; The Customize buffers (cus-edit.el), as GNU autoloads them; the init file
;; tsmacs reads is none, as with -q.
(defvar user-init-file nil "The init file that was loaded, or nil when none was.")
(dolist (name '(custom-buffer-create custom-buffer-create-other-window custom-save-all))
  (autoload name "cus-edit"))
(dolist (name '(customize-group customize-group-other-window customize-option customize-option-other-window
                customize-save-customized customize-saved customize-unsaved customize-apropos
                customize-changed))
  (autoload name "cus-edit" nil t))
(defalias 'customize-variable #'customize-option)
(defalias 'customize-variable-other-window #'customize-option-other-window)
;; Programming-language modes: Ruby (ruby-mode.el), Python (python.el), JavaScript (js.el),
;; C and C++ (cc-mode.el); their file names are in `auto-mode-alist' (modes.el).
(autoload 'ruby-mode "ruby-mode" nil t)
(autoload 'python-mode "python" nil t)
(dolist (name '(js-mode javascript-mode)) (autoload name "js" nil t))
(dolist (name '(c-mode c++-mode c-or-c++-mode)) (autoload name "cc-mode" nil t))
;; Save Place mode (saveplace.el): the global mode's variable exists before the library loads.
(defvar save-place-mode nil "Non-nil when Save Place mode, which remembers point in visited files, is on.")
(dolist (name '(save-place-mode save-place-local-mode)) (autoload name "saveplace" nil t))
;; Small libraries (issue 10, branch libmisc), as GNU autoloads them.
;; Delimiting columns (delim-col.el).
(dolist (name '(delimit-columns-customize delimit-columns-region delimit-columns-rectangle))
  (autoload name "delim-col" nil t))
;; What minor modes such as `display-battery-mode' and `display-time-mode'
;; add to the mode line (bindings.el in GNU).
(defvar global-mode-string nil "Mode-line elements shown in every mode line, added by global modes such as `display-time-mode'.")
(put 'global-mode-string 'risky-local-variable t)
;; The battery's state (battery.el).
(dolist (name '(battery display-battery-mode)) (autoload name "battery" nil t))
;; find(1) command lines from Lisp forms (find-cmd.el); `find-program' is
;; grep.el's option, autoloaded in GNU.
(defvar find-program "find" "The name of the find program.")
(autoload 'find-cmd "find-cmd")
;; The time in the mode line, world clocks, uptime (time.el).
(dolist (name '(display-time display-time-mode world-clock emacs-uptime emacs-init-time))
  (autoload name "time" nil t))
;; Skeletons (skeleton.el) and filling new files from templates (autoinsert.el).
(autoload 'define-skeleton "skeleton" nil nil t)
(dolist (name '(skeleton-insert skeleton-proxy-new define-auto-insert))
  (autoload name (if (eq name 'define-auto-insert) "autoinsert" "skeleton")))
(dolist (name '(auto-insert auto-insert-mode)) (autoload name "autoinsert" nil t))
;; Ibuffer (ibuffer.el; its filters in ibuf-ext.el, its macros in ibuf-macs.el).
(autoload 'ibuffer "ibuffer" nil t)
(autoload 'ibuffer-other-window "ibuffer" nil t)
(autoload 'ibuffer-list-buffers "ibuffer" nil t)
(dolist (name '(define-ibuffer-column define-ibuffer-sorter define-ibuffer-op define-ibuffer-filter))
  (autoload name "ibuf-macs" nil nil 'macro))
;; What those macros' expansions call.
(dolist (name '(ibuffer--install-column ibuffer--install-sorter ibuffer--install-filter ibuffer--run-op))
  (autoload name "ibuffer"))
;; Terminal emulator (term.el).
(dolist (name '(term make-term ansi-term)) (autoload name "term" nil (not (eq name 'make-term))))
;; Tar archives (tar-mode.el).
(autoload 'tar-mode "tar-mode" nil t)
;; Libraries of issue 10 (branch libmodes3), as GNU autoloads them.
;; What text carries (descr-text.el).
(autoload 'describe-text-properties "descr-text" nil t)
(autoload 'describe-char-eldoc "descr-text")
;; Highlighting by regexp (hi-lock.el).
(dolist (name '(hi-lock-mode global-hi-lock-mode hi-lock-line-face-buffer
                highlight-lines-matching-regexp hi-lock-face-buffer highlight-regexp
                hi-lock-face-phrase-buffer highlight-phrase hi-lock-face-symbol-at-point
                highlight-symbol-at-point hi-lock-unface-buffer unhighlight-regexp
                hi-lock-write-interactive-patterns))
  (autoload name "hi-lock" nil t))
(defvar global-hi-lock-mode nil "Non-nil when Global Hi Lock mode, Hi Lock mode in every buffer, is on.")
;; Repeating commands (repeat.el); C-x z is bound to `repeat' already.
(dolist (name '(repeat repeat-mode)) (autoload name "repeat" nil t))
(defvar repeat-mode nil "Non-nil when Repeat mode, in which the keys of a command's `repeat-map' repeat it, is on.")
;; An index of the definitions in a buffer (imenu.el).
(dolist (name '(imenu imenu-add-to-menubar imenu-add-menubar-index)) (autoload name "imenu" nil t))
(defvar-local imenu-generic-expression nil "How `imenu-default-create-index-function' finds entries: a list of (MENU-TITLE REGEXP INDEX [FUNCTION ARGS...]).")
(put 'imenu-generic-expression 'risky-local-variable t)
(defvar-local imenu-create-index-function 'imenu-default-create-index-function "The function, of no arguments, that makes the buffer's index alist.")
(defvar-local imenu-case-fold-search t "Non-nil means the searches of `imenu-generic-expression' ignore case.")
(defvar-local add-log-current-defun-function nil "A function of no arguments naming the definition point is in, for change logs; nil to guess.")

;; This file is what GNU calls loaddefs.el: the autoloads every session starts with.
(provide 'loaddefs)
;; The help text at point (help-at-pt.el).
(dolist (name '(display-local-help help-at-pt-set-timer help-at-pt-cancel-timer scan-buf-next-region
                scan-buf-previous-region))
  (autoload name "help-at-pt" nil t))
(dolist (name '(help-at-pt-string help-at-pt-kbd-string scan-buf-move-to-region)) (autoload name "help-at-pt"))
(defvar help-at-pt-display-when-idle 'never "When the idle timer of help-at-pt.el shows the help at point: t, a list of properties, or `never'.")
(custom-autoload 'help-at-pt-display-when-idle "help-at-pt" nil)
;; Mode-line mouse commands, selective display, event positions and the
;; syntax describer (display-odds.el; GNU preloads them).
(dolist (name '(mode-line-toggle-read-only mode-line-toggle-modified mode-line-widen mode-line-next-buffer
                mode-line-previous-buffer mode-line-bury-buffer mode-line-change-eol set-selective-display))
  (autoload name "display-odds" nil t))
(defvar max-mini-window-height 0.25 "The echo area's greatest height: a float is a share of the frame's height, an integer lines.")
(dolist (name '(max-mini-window-lines posn-col-row posn-set-point internal-describe-syntax-value
                read-password--hide-password))
  (autoload name "display-odds"))
;; A temporary file made through the file primitives (files-odds.el), and
;; `start-kbd-macro' under its second name (kbd-macro.el).
(autoload 'files--make-magic-temp-file "files-odds")
(autoload 'defining-kbd-macro "kbd-macro" nil t)
