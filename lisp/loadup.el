;;; loadup.el --- load the preloaded Lisp library, then dump  -*- lexical-binding: t -*-

;; Written for tsmacs.  `tsmacs --temacs=pdump' runs this from a bare runtime
;; and dumps the result; starting without a dump runs it too.

;; The preloaded files, in order.  Their "Loading..." messages show only
;; while building the image, as GNU's temacs shows them.
(let ((files '("byte-run" "backquote" "subr" "macroexp" "obarray" "files" "regexp" "subr-more" "env" "simple" "syntax" "case-table" "gv" "nadvice" "load-more" "pcase" "keymap" "cl-preloaded" "cl-generic" "timer" "process-fns" "window" "select" "comp-names" "command-args" "autoloads" "widget" "faces" "custom-themes" "font-lock" "lisp-font-lock" "shorthands" "modes" "help" "map-ynp" "vc-hooks"))
      (quiet (null (equal dump-mode "pdump"))))
  (while files (load (car files) nil quiet) (setq files (cdr files))))

;; Charsets and coding systems (GNU preloads mule.el, mule-cmds.el and mule-conf.el).
(load "mule" nil (null (equal dump-mode "pdump")))
;; The input methods registered at start-up (GNU's leim-list.el).
(load "leim-list" nil (null (equal dump-mode "pdump")))
;; Auto Compression mode: its table and handler (it needs the coding systems' alist).
(load "jka-cmpr-hook" nil (null (equal dump-mode "pdump")))
;; Auto Encryption mode: the .gpg handler, ahead of the compression one as in GNU.
(load "epa-hook" nil (null (equal dump-mode "pdump")))
;; The batch terminal's colors: `color-values' and its family (GNU preloads tty-colors.el).
(load "tty-colors" nil (null (equal dump-mode "pdump")))
;; The variables of the autoloaded libraries every session has (GNU's loaddefs.el
;; carries them): the cookie-marked definitions of each bundled library.
(load "autoload-vars" nil (null (equal dump-mode "pdump")))
;; The standard values of the options made without `defcustom' (GNU preloads cus-start.el).
(load "cus-start" nil (null (equal dump-mode "pdump")))
;; The handlers' order is GNU's: Tramp's archive handler first, then the
;; encryption and compression ones, Tramp's remote names, and `/:' last.
(tramp-register-autoload-file-name-handlers)
(let ((quoted (assoc "\\`/:" file-name-handler-alist)))
  (setq file-name-handler-alist (append (delq quoted file-name-handler-alist) (list quoted))))
(tramp-register-archive-file-name-handler)

;; The global minor modes on at start, most recent first as GNU lists them.
;; Their switches are set where they are defined (most in autoloads.el); only
;; the list of them is made here.
(setq global-minor-modes
      '(tooltip-mode global-eldoc-mode show-paren-mode electric-indent-mode
        file-name-shadow-mode auto-encryption-mode auto-compression-mode))

;; The minor modes GNU's preloaded files register (by `define-minor-mode' or
;; `add-minor-mode'), most recent first as GNU lists them.  Here most of them
;; are autoloaded, or were defined before modes.el existed, so they are
;; registered now; those this build has no definition of are left out.
(let ((known '(tooltip-mode global-eldoc-mode eldoc-mode show-paren-mode
               electric-quote-mode electric-layout-mode electric-indent-mode
               paragraph-indent-minor-mode global-prettify-symbols-mode
               prettify-symbols-mode use-hard-newlines tab-bar-history-mode
               tab-bar-mode menu-bar-mode file-name-shadow-mode context-menu-mode
               jit-lock-debug-mode global-font-lock-mode font-lock-mode
               blink-cursor-mode window-divider-mode completion-in-region-mode
               auto-composition-mode unify-8859-on-decoding-mode
               unify-8859-on-encoding-mode auto-encryption-mode
               auto-compression-mode temp-buffer-resize-mode visible-mode
               buffer-read-only size-indication-mode column-number-mode
               line-number-mode auto-fill-function global-visual-line-mode
               visual-line-mode indent-tabs-mode transient-mark-mode
               next-error-follow-minor-mode button-mode lock-file-mode
               auto-save-visited-mode auto-save-mode auto-fill-mode abbrev-mode
               overwrite-mode view-mode hs-minor-mode)))
  ;; Two of them are variables only (a buffer's read-only flag, its fill function).
  (let ((have nil))
    (dolist (m known)
      (when (or (fboundp m) (memq m '(buffer-read-only auto-fill-function)))
        (push m have)))
    (setq minor-mode-list (append (nreverse have) minor-mode-list))))
;; Their mode-line lighters, likewise (isearch, which is not written, left out).
(setq minor-mode-alist
      (append '((eldoc-mode eldoc-minor-mode-string) (visible-mode " Vis")
                (visual-line-mode " Wrap") (next-error-follow-minor-mode " Fol")
                (abbrev-mode " Abbrev") (overwrite-mode overwrite-mode)
                (auto-fill-function " Fill")
                (defining-kbd-macro mode-line-defining-kbd-macro))
              minor-mode-alist))

;; The files loaded before `internal-macroexpand-for-load' existed (byte-run,
;; backquote, subr, macroexp) kept their macro calls: every program's first
;; calls of `with-temp-buffer', `push', `dolist' and the like expanded them
;; again, through backquote.el's Lisp, cold (about 15 ms of CPU in a short
;; program).  Expand the bodies of all dumped functions and macros now, as the
;; other files' were when they were loaded (GNU's preloaded functions are
;; compiled, so nothing of their macro calls shows either).  A body whose
;; expansion signals stays as it is.
(mapatoms
 (lambda (sym)
   (let* ((def (and (fboundp sym) (symbol-function sym)))
          (fun (if (eq (car-safe def) 'macro) (cdr def) def)))
     (when (memq (car-safe fun) '(closure lambda))
       (let* ((lexical-binding (eq (car fun) 'closure))
              (tail (if lexical-binding (cdr-safe (cdr fun)) (cdr fun))))
         (when (and (consp tail) (consp (cdr tail)))
           (condition-case nil
               (setcdr tail (macroexp--expand-each (cdr tail) nil))
             (error nil))))))))

;; `gensym' counts from 0 in a session, whatever the preloaded macros took.
(setq gensym-counter 0)

(if (and (boundp 'loadup--dump-file) (equal dump-mode "pdump"))
    (progn
      ;; The build's own "Loading..." lines stay out of the image: every
      ;; session starts with an empty *Messages*, as GNU's does.
      (with-current-buffer (messages-buffer)
        (let ((inhibit-read-only t)) (erase-buffer)))
      ;; A session sees no dump in progress, as GNU's.
      (setq dump-mode nil)
      (dump-emacs-portable loadup--dump-file)))
