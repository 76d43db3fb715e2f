;;; invisible-p.el --- `invisible-p' against `buffer-invisibility-spec', and count-lines ignoring invisible lines  -*- lexical-binding: t -*-

(defvar invisible-p--buf (generate-new-buffer "invisible-p"))
(with-current-buffer invisible-p--buf
  (insert "abcdef")
  (put-text-property 2 3 'invisible t)
  (put-text-property 3 4 'invisible 'foo)
  (put-text-property 4 5 'invisible '(bar foo))
  (list buffer-invisibility-spec (invisible-p 1) (invisible-p 2) (invisible-p 3) (invisible-p 4)
        (invisible-p t) (invisible-p nil) (invisible-p 'foo) (invisible-p 7)))
(with-current-buffer invisible-p--buf
  (setq buffer-invisibility-spec '((foo . t) bar))
  (list (invisible-p 2) (invisible-p 3) (invisible-p 4) (invisible-p 'bar) (invisible-p '(zz foo))
        (invisible-p '(zz)) (invisible-p 'foo) (invisible-p '((foo . t)))))
(with-current-buffer invisible-p--buf (invisible-p 100))
(with-current-buffer invisible-p--buf (invisible-p 0))
(with-current-buffer invisible-p--buf (invisible-p "x"))
(with-current-buffer invisible-p--buf
  (setq buffer-invisibility-spec nil)
  (list (invisible-p 2) (invisible-p 3) (invisible-p t)))
(with-current-buffer invisible-p--buf
  (let ((o (make-overlay 5 6)))
    (overlay-put o 'invisible 'bar)
    (setq buffer-invisibility-spec '(bar))
    (list (invisible-p 5) (invisible-p 6) (invisible-p (copy-marker 5)))))
(with-current-buffer invisible-p--buf
  (setq buffer-invisibility-spec t)
  (list (invisible-p 2) (invisible-p 3) (invisible-p 5) (invisible-p 'anything)))

(with-temp-buffer
  (insert "foo\nbar")
  (insert (propertize "\nbar\nbaz\nzut" 'invisible t))
  (insert "\nq\n")
  (list (count-lines 1 (point-max) t) (count-lines 1 (point-max)) (count-lines 1 9 t)
        (count-lines 5 (point-max) t) (count-lines (point-max) 1 t) (count-lines 1 1 t)
        (progn (setq buffer-invisibility-spec '(foo)) (count-lines 1 (point-max) t))
        (progn (put-text-property 1 5 'invisible 'foo) (count-lines 1 (point-max) t))))
