;; makesum.el's double-column: the region's lines in two columns, the second half beside the first from column 41, point after them.
(require 'makesum)
(list (func-arity 'double-column) (commandp 'double-column) (interactive-form 'double-column))
(mapcar (lambda (c) (with-temp-buffer (insert (car c)) (goto-char 2) (list (double-column (nth 1 c) (nth 2 c)) (buffer-string) (point)))) '(("a\nb\nc\nd\nZ" 1 9) ("a\nb\nc\nd\nZ" 1 8) ("a\nb\nc\nd\nZ" 1 10) ("a\nb\nc\nd\nZ" 2 9) ("a\nb\nc\nd\nZ" 3 8) ("a\nb\nc\nd\ne\nZ" 1 11) ("a\nb\nc\nd\ne\nZ" 3 11) ("a\nb\nc\nZ" 1 7)))
(mapcar (lambda (c) (with-temp-buffer (insert (car c)) (goto-char 2) (list (double-column (nth 1 c) (nth 2 c)) (buffer-string) (point)))) '(("a\nb\nZ" 1 4) ("a\nb\nZ" 1 5) ("a\nb\nc\nd\n" 1 9) ("a\nb\nc\nd" 1 8) ("foo" 1 4) ("x\n" 1 3) ("" 1 1) ("a\nb\nc\nd\ne\nf" 3 10)))
(mapcar (lambda (c) (with-temp-buffer (insert (car c)) (goto-char 2) (list (double-column (nth 1 c) (nth 2 c)) (buffer-string) (point)))) '(("a\tb\nc\nd\ne" 1 10) ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\nb\nc\nd" 1 76) ("a\nb\nc\nd\ne\nf" 1 12)))
(with-temp-buffer (setq indent-tabs-mode nil) (insert "a\nbb\nc\nd\ne\nf\ng\nh") (list (double-column 1 (point-max)) (buffer-string)))
(with-temp-buffer (insert "line one\nline two\nthree\nfour\nfive") (list (double-column 1 (point-max)) (buffer-string)))
