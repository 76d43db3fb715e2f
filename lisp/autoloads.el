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

;;; Indentation, comments, filling, paragraphs, abbrevs, buttons and the
;;; Lisp modes' commands (GNU preloads most of these libraries; here they
;;; load on first use).  Entries are (LIBRARY COMMANDS FUNCTIONS MACROS).
(dolist (entry '(("indent"
                  (indent-according-to-mode indent-region indent-rigidly indent-relative
                   indent-relative-first-indent-point indent-relative-maybe
                   indent-rigidly-left indent-rigidly-right indent-rigidly-left-to-tab-stop
                   indent-rigidly-right-to-tab-stop tab-to-tab-stop move-to-tab-stop
                   indent-for-tab-command move-to-left-margin beginning-of-line-text)
                  (indent-line-to indent-region-line-by-line indent-next-tab-stop
                   indent-accumulate-tab-stops insert-tab current-left-margin
                   indent-to-left-margin delete-to-left-margin indent-rigidly--current-indentation)
                  ())
                 ("lisp-mode"
                  (lisp-indent-line indent-sexp indent-pp-sexp indent-code-rigidly lisp-mode
                   common-lisp-mode lisp-fill-paragraph)
                  (calculate-lisp-indent lisp-indent-function lisp-indent-specform
                   lisp-indent-defform lisp-indent-region lisp-ppss lisp-comment-indent
                   lisp-outline-level lisp-adaptive-fill lisp-mode-variables)
                  ())
                 ("newcomment"
                  (comment-region uncomment-region comment-or-uncomment-region comment-dwim
                   comment-indent indent-for-comment comment-set-column set-comment-column
                   comment-kill kill-comment comment-line comment-box comment-indent-new-line
                   indent-new-comment-line)
                  (comment-normalize-vars comment-string-strip comment-string-reverse
                   comment-add comment-padright comment-padleft comment-search-forward
                   comment-search-backward comment-beginning comment-forward
                   comment-enter-backward comment-only-p comment-indent-default
                   comment-choose-indent comment-quote-re comment-quote-nested
                   comment-quote-nested-default comment-region-default
                   comment-region-default-1 uncomment-region-default
                   uncomment-region-default-1)
                  (comment-with-narrowing))
                 ("button"
                  (push-button forward-button backward-button button-mode)
                  (define-button-type button-type-put button-type-get button-type-subtype-p
                   button-category-symbol button-start button-end button-get button-put
                   button-label button-type button-has-type-p make-button insert-button
                   make-text-button insert-text-button button-buttonize button-at next-button
                   previous-button button-activate)
                  ())
                 ("abbrev"
                  (abbrev-mode define-global-abbrev define-mode-abbrev kill-all-abbrevs expand-abbrev
                   unexpand-abbrev abbrev-prefix-mark expand-region-abbrevs add-mode-abbrev
                   add-global-abbrev inverse-add-mode-abbrev inverse-add-global-abbrev
                   write-abbrev-file read-abbrev-file define-abbrevs insert-abbrevs)
                  (abbrev-get abbrev-put define-abbrev clear-abbrev-table copy-abbrev-table
                   abbrev-table-name abbrev-table-empty-p abbrev--table-symbols
                   abbrev--active-tables abbrev--symbol abbrev-symbol abbrev-expansion
                   abbrev--check-chars abbrev--before-point abbrev-insert abbrev--default-expand
                   add-abbrev inverse-add-abbrev quietly-read-abbrev-file abbrev--write
                   abbrev--describe insert-abbrev-table-description)
                  ())
                 ("paragraphs"
                  (use-hard-newlines forward-paragraph backward-paragraph mark-paragraph
                   kill-paragraph backward-kill-paragraph transpose-paragraphs forward-sentence
                   backward-sentence kill-sentence backward-kill-sentence mark-end-of-sentence
                   transpose-sentences repunctuate-sentences)
                  (sentence-end start-of-paragraph-text end-of-paragraph-text)
                  ())
                 ("fill"
                  (set-fill-prefix canonically-space-region justify-current-line
                   fill-region-as-paragraph fill-paragraph fill-region
                   fill-individual-paragraphs fill-nonuniform-paragraphs set-justification
                   set-justification-none set-justification-left set-justification-right
                   set-justification-full set-justification-center)
                  (current-fill-column current-justification fill-common-string-prefix
                   fill-match-adaptive-prefix fill-context-prefix fill-delete-prefix
                   fill-delete-newlines fill-nobreak-p fill-newline unjustify-current-line
                   unjustify-region fill-forward-paragraph fill-comment-paragraph)
                  ())
                 ("elisp-mode"
                  (eval-last-sexp eval-print-last-sexp eval-defun prog-indent-sexp)
                  (elisp--preceding-sexp preceding-sexp eval-sexp-add-defvars
                   elisp--eval-last-sexp elisp--eval-last-sexp-print-value elisp--eval-defun-1
                   elisp--eval-defun elisp--beginning-of-sexp elisp--current-symbol
                   elisp--fnsym-in-current-sexp elisp-function-argstring
                   elisp--docstring-first-line prog-first-column)
                  ())))
  (let ((file (car entry)))
    (dolist (f (nth 1 entry)) (unless (fboundp f) (autoload f file nil t)))
    (dolist (f (nth 2 entry)) (unless (fboundp f) (autoload f file)))
    (dolist (f (nth 3 entry)) (unless (fboundp f) (autoload f file nil nil 'macro)))))
