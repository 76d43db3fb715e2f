;;; undo-selective.el --- `undo-make-selective-list' with changes partly inside the region  -*- lexical-binding: t -*-

(defun undo-selective--lists (text setup regions)
  (with-temp-buffer
    (buffer-enable-undo)
    (insert text)
    (setq buffer-undo-list nil)
    (funcall setup)
    (cons buffer-undo-list
          (mapcar (lambda (r) (list r (apply #'undo-make-selective-list r))) regions))))

(undo-selective--lists "This is a test\n"
                       (lambda () (goto-char (point-min)) (downcase-word 1))
                       '((1 9) (4 9) (5 9) (6 9) (1 2) (2 3) (1 5) (4 5) (5 5) (1 20)))

(undo-selective--lists "abcdefghijklmnop"
                       (lambda () (goto-char 3) (insert "XY") (undo-boundary) (goto-char 8) (insert "Q")
                         (undo-boundary) (goto-char 12) (delete-char 2) (undo-boundary))
                       '((1 4) (2 5) (4 10) (7 9) (9 14) (3 5) (11 13) (5 20) (3 4) (4 4)))

(undo-selective--lists "abcdefghijklmnop"
                       (lambda () (goto-char 3) (delete-char 4) (undo-boundary) (goto-char 2) (insert "ZZZ") (undo-boundary))
                       '((1 3) (2 4) (3 6) (4 8) (1 10) (2 2) (5 5) (2 5) (1 2)))

(undo-selective--lists "abcdefghijklmnop"
                       (lambda () (put-text-property 2 6 'face 'bold) (undo-boundary) (goto-char 4) (insert "K") (undo-boundary))
                       '((1 3) (3 5) (5 9) (1 10) (4 5) (2 7)))

(undo-selective--lists "abcdefghijklmnop"
                       (lambda () (goto-char 5) (insert "1234") (undo-boundary) (goto-char 6) (insert "++") (undo-boundary)
                         (goto-char 3) (delete-char 1) (undo-boundary))
                       '((1 4) (4 8) (5 9) (6 8) (5 12) (7 20) (3 3) (2 6)))
