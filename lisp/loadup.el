;;; loadup.el --- load the preloaded Lisp library, then dump  -*- lexical-binding: t -*-

;; Written for tsmacs.  `tsmacs --temacs=pdump' runs this from a bare runtime
;; and dumps the result; starting without a dump runs it too.

;; The preloaded files, in order.  Their "Loading..." messages show only
;; while building the image, as GNU's temacs shows them.
(let ((files '("byte-run" "backquote" "subr" "macroexp" "obarray" "files" "regexp" "subr-more" "env" "simple" "syntax" "case-table" "gv" "nadvice" "load-more" "pcase" "keymap" "cl-preloaded" "cl-generic" "timer" "process-fns" "autoloads" "modes"))
      (quiet (null (equal dump-mode "pdump"))))
  (while files (load (car files) nil quiet) (setq files (cdr files))))

;; Charsets and coding systems (GNU preloads mule.el, mule-cmds.el and mule-conf.el).
(load "mule" nil (null (equal dump-mode "pdump")))
;; Auto Compression mode: its table and handler (it needs the coding systems' alist).
(load "jka-cmpr-hook" nil (null (equal dump-mode "pdump")))

(if (and (boundp 'loadup--dump-file) (equal dump-mode "pdump"))
    (dump-emacs-portable loadup--dump-file))
