;;; cus-start.el --- standard values of the user options not made by `defcustom'  -*- lexical-binding: t -*-

;; Written for tsmacs.  An option is a variable with a `standard-value'
;; property: `custom-variable-p' looks for it, and Customize resets to it.
;; The options of the primitives are made in TypeScript, and those of the
;; preloaded Lisp are mostly plain `defvar's, which keeps the image small
;; and loading fast.  So this file, read when the image is made, records
;; the value each of them has then as its standard value.  GNU 28.2 has
;; each of these names as a user option once `emacs -Q' has started.
;; Left out: the options whose standard value depends on the machine or
;; the environment (`exec-path', `temporary-file-directory',
;; `user-full-name', `shell-file-name'...), since a value fixed when the
;; image was made would be wrong where it runs.

;;; Code:

(let ((atoms nil))
  (dolist (name
           '(
             ;; C
             auto-save-interval auto-save-no-message auto-save-timeout auto-save-visited-file-name
             bidi-paragraph-direction case-fold-search completion-ignored-extensions create-lockfiles
             ctl-arrow cursor-in-non-selected-windows cursor-type debug-ignored-errors debug-on-error
             debug-on-quit debug-on-signal debugger-stack-frame-as-list delete-auto-save-files
             delete-by-moving-to-trash delete-exited-processes display-hourglass echo-keystrokes
             enable-character-translation enable-recursive-minibuffers eol-mnemonic-dos eol-mnemonic-mac
             eol-mnemonic-undecided eol-mnemonic-unix exec-suffixes file-coding-system-alist fill-column
             garbage-collection-messages gc-cons-percentage gc-cons-threshold help-char help-event-list
             history-delete-duplicates history-length indent-tabs-mode indicate-buffer-boundaries
             indicate-empty-lines inhibit-eol-conversion kill-buffer-delete-auto-save-files left-margin
             line-spacing major-mode mark-even-if-inactive max-lisp-eval-depth max-specpdl-size
             message-log-max meta-prefix-char minibuffer-auto-raise minibuffer-prompt-properties
             mode-line-format mode-line-in-non-selected-windows next-screen-context-lines
             open-paren-in-column-0-is-defun-start parse-sexp-ignore-comments polling-period
             read-buffer-completion-ignore-case read-buffer-function read-minibuffer-restore-windows
             recenter-redisplay scroll-down-aggressively scroll-preserve-screen-position
             scroll-up-aggressively selective-display-ellipses tab-bar-mode tab-width
             temp-buffer-show-function text-quoting-style truncate-lines undo-limit undo-outer-limit
             undo-strong-limit use-dialog-box use-short-answers window-combination-limit
             window-combination-resize word-wrap words-include-escapes
             ;; abbrev.el
             abbrev-all-caps abbrev-suggest abbrev-suggest-hint-threshold only-global-abbrevs
             ;; eldoc.el
             eldoc-argument-case eldoc-documentation-strategy eldoc-echo-area-display-truncation-message
             eldoc-echo-area-prefer-doc-buffer eldoc-echo-area-use-multiline-p eldoc-idle-delay
             eldoc-minor-mode-string eldoc-print-after-edit global-eldoc-mode
             ;; electric.el
             electric-quote-chars electric-quote-comment electric-quote-context-sensitive
             electric-quote-paragraph electric-quote-replace-double electric-quote-string
             ;; elisp-mode.el
             emacs-lisp-mode-hook lisp-interaction-mode-hook
             ;; epa-hook.el
             auto-encryption-mode-hook epa-file-inhibit-auto-save epa-file-name-regexp
             ;; files.el
             after-save-hook auto-mode-case-fold auto-save-default auto-save-visited-mode-hook
             automount-dir-prefix backup-by-copying backup-by-copying-when-linked
             backup-by-copying-when-mismatch backup-by-copying-when-privileged-mismatch
             backup-directory-alist before-save-hook break-hardlink-on-save buffer-offer-save
             byte-count-to-string-function change-major-mode-with-file-name
             confirm-nonexistent-file-or-buffer copy-directory-create-symlink delete-old-versions
             directory-abbrev-alist directory-free-space-args directory-free-space-program
             dired-kept-versions enable-local-eval enable-local-variables enable-remote-dir-locals
             file-name-at-point-functions file-precious-flag file-preserve-symlinks-on-save
             find-file-existing-other-name find-file-run-dired find-file-suppress-same-file-warnings
             find-file-visit-truename find-file-wildcards ignored-local-variable-values kept-new-versions
             kept-old-versions large-file-warning-threshold list-directory-brief-switches
             list-directory-verbose-switches lock-file-mode-hook lock-file-name-transforms
             make-backup-file-name-function make-backup-files mode-require-final-newline mounted-file-systems
             out-of-memory-warning-percentage query-about-changed-file remote-file-name-inhibit-cache
             remote-file-name-inhibit-locks remote-shell-program require-final-newline
             revert-buffer-quick-short-answers revert-without-query safe-local-eval-forms
             safe-local-variable-values save-abbrevs save-some-buffers-default-predicate trash-directory
             user-emacs-directory-warning version-control
             ;; fill.el
             adaptive-fill-first-line-regexp adaptive-fill-function adaptive-fill-mode adaptive-fill-regexp
             colon-double-space default-justification enable-kinsoku fill-individual-varying-indent
             fill-nobreak-invisible fill-nobreak-predicate fill-separate-heterogeneous-words-with-space
             ;; font-core.el
             font-lock-global-modes global-font-lock-mode-hook
             ;; font-lock.el
             font-lock-maximum-decoration font-lock-maximum-size font-lock-support-mode font-lock-verbose
             ;; indent.el
             standard-indent tab-always-indent tab-stop-list
             ;; isearch.el
             search-upper-case search-whitespace-regexp
             ;; jit-lock.el
             jit-lock-chunk-size jit-lock-context-time jit-lock-contextually jit-lock-defer-time
             jit-lock-stealth-time
             ;; jka-cmpr-hook.el
             auto-compression-mode auto-compression-mode-hook jka-compr-verbose
             ;; lisp.el
             defun-prompt-regexp delete-pair-blink-delay insert-pair-alist parens-require-spaces
             ;; lisp-mode.el
             lisp-body-indent lisp-indent-function lisp-indent-offset lisp-mode-hook
             ;; map-ynp.el
             read-answer-short
             ;; minibuffer.el
             completion-auto-help completion-category-overrides completion-cycle-threshold
             completion-flex-nospace completion-in-region-mode-hook
             completion-pcm-complete-word-inserts-delimiters completion-pcm-word-delimiters completion-styles
             completions-detailed completions-format completions-group completions-group-sort
             insert-default-directory minibuffer-beginning-of-buffer-movement
             minibuffer-default-prompt-format minibuffer-message-clear-timeout
             read-file-name-completion-ignore-case
             ;; mule.el
             auto-coding-alist auto-coding-functions auto-coding-regexp-alist
             ;; mule-cmds.el
             current-language-environment default-input-method exit-language-environment-hook
             input-method-activate-hook input-method-after-insert-chunk-hook input-method-deactivate-hook
             input-method-highlight-flag input-method-use-echo-area input-method-verbose-flag
             set-language-environment-hook
             ;; newcomment.el
             comment-column comment-empty-lines comment-fill-column comment-inline-offset comment-multi-line
             comment-padding comment-style
             ;; paragraphs.el
             page-delimiter paragraph-ignore-fill-prefix paragraph-separate paragraph-start sentence-end
             sentence-end-base sentence-end-double-space sentence-end-without-period
             sentence-end-without-space use-hard-newlines-hook
             ;; paren.el
             show-paren-delay show-paren-highlight-openparen show-paren-priority
             show-paren-ring-bell-on-mismatch show-paren-style show-paren-when-point-in-periphery
             show-paren-when-point-inside-paren
             ;; prog-mode.el
             global-prettify-symbols-mode prettify-symbols-unprettify-at-point prog-mode-hook
             ;; register.el
             register-preview-delay register-separator
             ;; replace.el
             case-replace list-matching-lines-default-context-lines occur-hook
             occur-mode-find-occurrence-hook query-replace-from-to-separator query-replace-highlight
             query-replace-lazy-highlight query-replace-show-replacement query-replace-skip-read-only
             replace-char-fold replace-lax-whitespace replace-regexp-lax-whitespace
             ;; rfn-eshadow.el
             file-name-shadow-properties file-name-shadow-tty-properties
             ;; select.el
             select-enable-clipboard select-enable-primary selection-coding-system x-select-request-type
             ;; simple.el
             async-shell-command-buffer async-shell-command-display-buffer async-shell-command-width
             auto-fill-inhibit-regexp auto-fill-mode-hook auto-save-mode-hook
             backward-delete-char-untabify-method binary-overwrite-mode-hook blink-matching-delay
             blink-matching-paren blink-matching-paren-distance blink-matching-paren-dont-ignore-comments
             blink-matching-paren-on-screen column-number-mode column-number-mode-hook completion-show-help
             compose-mail-user-agent-warnings copy-region-blink-delay delete-active-region
             delete-trailing-lines eval-expression-debug-on-error eval-expression-print-length
             eval-expression-print-level eval-expression-print-maximum-character
             extended-command-suggest-shorter fill-prefix global-mark-ring-max global-visual-line-mode
             global-visual-line-mode-hook goal-column goto-line-history-local idle-update-delay
             indent-tabs-mode-hook kill-append-merge-undo kill-do-not-save-duplicates kill-read-only-ok
             kill-ring-max kill-transform-function kill-whole-line line-move-ignore-invisible
             line-move-visual line-number-mode line-number-mode-hook mail-user-agent mark-ring-max
             minibuffer-history-case-insensitive-variables next-error-find-buffer-function
             next-error-follow-minor-mode-hook next-error-found-function next-error-highlight
             next-error-highlight-no-select next-error-hook next-error-message-highlight next-error-recenter
             next-error-verbose next-line-add-newlines normal-erase-is-backspace
             normal-erase-is-backspace-mode-hook overwrite-mode-hook process-file-return-signal-string
             read-extended-command-predicate read-mail-command read-only-mode-hook read-quoted-char-radix
             save-interprogram-paste-before-kill set-mark-command-repeat-pop shell-command-dont-erase-buffer
             shell-command-prompt-show-cwd shift-select-mode size-indication-mode size-indication-mode-hook
             suggest-key-bindings track-eol transient-mark-mode-hook undo-ask-before-discard undo-no-redo
             use-empty-active-region visible-mode-hook visual-line-fringe-indicators visual-line-mode-hook
             what-cursor-show-names yank-excluded-properties yank-from-kill-ring-rotate
             yank-handled-properties yank-pop-change-selection
             ;; startup.el
             fancy-splash-image inhibit-default-init inhibit-startup-buffer-menu
             inhibit-startup-echo-area-message initial-buffer-choice
             initial-major-mode site-run-file
             ;; tab-bar.el
             tab-bar-tab-post-open-functions tab-bar-tab-pre-close-functions
             ;; timer.el
             timer-max-repeats
             ;; tooltip.el
             tooltip-delay tooltip-frame-parameters tooltip-hide-delay tooltip-recent-seconds
             tooltip-resize-echo-area tooltip-short-delay tooltip-use-echo-area tooltip-x-offset
             tooltip-y-offset
             ;; uniquify.el
             uniquify-after-kill-buffer-p uniquify-buffer-name-style uniquify-ignore-buffers-re
             uniquify-min-dir-content uniquify-separator uniquify-strip-common-suffix
             uniquify-trailing-separator-p
             ;; window.el
             display-buffer-alist display-buffer-base-action fit-window-to-buffer-horizontally pop-up-windows
             scroll-error-top-bottom split-height-threshold split-width-threshold
             split-window-preferred-function switch-to-buffer-preserve-window-point window-min-height
             window-min-width
             ))
    (let* ((value (default-value name))
           (shared (and (atom value) (not (stringp value)) (assq value atoms))))
      ;; Options whose standard value is the same atom share one list.
      (unless shared
        (setq shared (cons value (list (macroexp-quote value))))
        (when (and (atom value) (not (stringp value)))
          (push shared atoms)))
      (put name 'standard-value (cdr shared)))))

;;; cus-start.el ends here
