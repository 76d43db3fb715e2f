;;; Fill a buffer "big" with about 10 MB of Lisp-like text and dump the session to the file named
;;; by the last command-line argument: the same script under GNU Emacs 28.2 and tsmacs (BENCHMARKS.md).
(with-current-buffer (get-buffer-create "big")
  (let ((chunk (with-temp-buffer (dotimes (i 2000) (insert (format "(defun f%d (x) \"Doc %d.\" (list x %d 'sym%d))\n" i i i i))) (buffer-string))))
    (while (< (buffer-size) 10000000) (insert chunk))))
(dump-emacs-portable (car (last command-line-args)))
