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
