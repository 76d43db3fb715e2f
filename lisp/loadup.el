;;; loadup.el --- load the preloaded Lisp library, then dump  -*- lexical-binding: t -*-

;; Written for tsmacs.  `tsmacs --temacs=pdump' runs this from a bare runtime
;; and dumps the result; starting without a dump runs it too.

(load "byte-run")
(load "backquote")
(load "subr")
(load "macroexp")
(load "obarray")
(load "files")
(load "regexp")

(if (and (boundp 'loadup--dump-file) (equal dump-mode "pdump"))
    (dump-emacs-portable loadup--dump-file))
