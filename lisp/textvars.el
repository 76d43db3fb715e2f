;;; textvars.el --- the variables of indentation, comments, filling, paragraphs and abbrevs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed start-up state.
;;
;; Preloaded: GNU has these bound at start-up (their libraries are
;; preloaded there), and the per-buffer ones must be automatically local
;; before any mode sets them.  The code using them (indent.el, lisp-mode.el,
;; newcomment.el, fill.el, paragraphs.el, abbrev.el, button.el) is autoloaded.

;; Per-buffer settings, each with its default.
(dolist (entry '((indent-region-function . indent-region-line-by-line)
                 (comment-indent-function . comment-indent-default)
                 (comment-combine-change-calls . t)
                 (fill-prefix . nil) (fill-paragraph-function . nil)
                 (adaptive-fill-function . ignore) (use-hard-newlines . nil)
                 (default-justification . left) (left-margin . 0)
                 (auto-fill-function . nil)))
  (eval (list 'defvar (car entry) (list 'quote (cdr entry))) t)
  (make-variable-buffer-local (car entry)))

;; Global settings.
(dolist (entry `((lisp-body-indent . 2) (lisp-indent-offset . nil)
                 (lisp-indent-function . lisp-indent-function)
                 (emacs-lisp-docstring-fill-column . 65)
                 (standard-indent . 4) (tab-always-indent . t) (tab-stop-list . nil)
                 (comment-line-break-function . comment-indent-new-line)
                 (comment-empty-lines . nil) (comment-style . indent)
                 (comment-continue . nil) (comment-fill-column . nil)
                 (comment-inline-offset . 1) (comment-insert-comment-function . nil)
                 (comment-region-function . comment-region-default)
                 (uncomment-region-function . uncomment-region-default)
                 (comment-quote-nested . t)
                 (comment-quote-nested-function . comment-quote-nested-default)
                 (comment-auto-fill-only-comments . nil)
                 (adaptive-fill-mode . t)
                 (adaptive-fill-regexp . "[ \t]*\\([-–!|#%;>*·•‣⁃◦]+[ \t]*\\)*")
                 (adaptive-fill-first-line-regexp . "\\`[ \t]*\\'")
                 (sentence-end-double-space . t) (sentence-end-without-period . nil)
                 (sentence-end-without-space . "。．？！")
                 (sentence-end-base . "[.?!…‽][]\"'”’)}»›]*")
                 (sentence-end . nil)
                 (paragraph-start . "\f\\|[ \t]*$") (paragraph-separate . "[ \t\f]*$")
                 (page-delimiter . "^\f")
                 (normal-auto-fill-function . do-auto-fill)
                 (fill-individual-varying-indent . nil) (colon-double-space . nil)
                 (fill-nobreak-predicate . nil) (fill-nobreak-invisible . nil)
                 (fill-separate-heterogeneous-words-with-space . nil)
                 (fill-indent-according-to-mode . nil) (enable-kinsoku . t)
                 (fill-paragraph-handle-comment . t) (prog-indentation-context . nil)
                 (fill-forward-paragraph-function . forward-paragraph)
                 (abbrevs-changed . nil) (abbrev-start-location . nil)
                 (abbrev-start-location-buffer . nil) (last-abbrev . nil)
                 (last-abbrev-text . nil) (last-abbrev-location . 0)
                 (abbrev-all-caps . nil) (only-global-abbrevs . nil)
                 (abbrev-expand-function . abbrev--default-expand)
                 (abbrev-minor-mode-table-alist . nil)
                 (abbrev-file-name . "~/.emacs.d/abbrev_defs") (save-abbrevs . t)
                 (abbrev-expand-functions . nil)
                 (eval-expression-print-length . 12) (eval-expression-print-level . 4)
                 (eval-expression-print-maximum-character . 127)
                 (eval-expression-debug-on-error . t)
                 (indent-line-ignored-functions
                  . (indent-relative indent-relative-maybe indent-relative-first-indent-point))))
  (eval (list 'defvar (car entry) (list 'quote (cdr entry))) t))

;; End of textvars.el.
