;; replace-match of a text by another as long (the in-place edit of insdel.ts): markers of
;; both insertion types around and inside the match, point, the ticks, undo, change hooks,
;; text properties and overlays nearby, and the cases that take the general path.

(defun rsl-markers (text re new &optional literal)
  "Replace the first match of RE in TEXT by NEW and report markers, point and the text."
  (with-temp-buffer
    (insert text)
    (let ((ms (mapcar (lambda (spec)
                        (let ((m (copy-marker (car spec) (cdr spec)))) m))
                      '((1 . nil) (3 . nil) (3 . t) (4 . nil) (4 . t) (5 . nil) (6 . t) (6 . nil) (7 . t) (9 . nil)))))
      (goto-char (point-min))
      (re-search-forward re)
      (replace-match new t literal)
      (list (buffer-string) (point) (mapcar #'marker-position ms)
            (match-beginning 0) (match-end 0)))))

(rsl-markers "abcdefghij" "def" "XYZ" t)
(rsl-markers "abcdefghij" "def" "XYZ")
(rsl-markers "abcdefghij" "d\\(e\\)f" "\\1\\1\\1")
(rsl-markers "abcdefghij" "cd" "QQ" t)
(rsl-markers "abcdefghij" "def" "X\u00e9Z" t)
(rsl-markers "ab\u00e9defghij" "def" "XYZ" t)
(rsl-markers "abcdefghij" "def" "XY" t)

(with-temp-buffer
  (insert "one two one two")
  (let ((t0 (buffer-modified-tick)) (c0 (buffer-chars-modified-tick)))
    (goto-char (point-min))
    (search-forward "two")
    (replace-match "TWO" t t)
    (list (- (buffer-modified-tick) t0) (- (buffer-chars-modified-tick) c0) (point) (buffer-modified-p))))

(with-temp-buffer
  (buffer-enable-undo)
  (insert "alpha beta gamma")
  (undo-boundary)
  (goto-char (point-min))
  (search-forward "beta")
  (replace-match "BETA" t t)
  (let ((u (seq-take buffer-undo-list 3)))
    (primitive-undo 1 buffer-undo-list)
    (list u (buffer-string))))

(let ((log nil))
  (with-temp-buffer
    (insert "red green blue")
    (add-hook 'before-change-functions (lambda (b e) (push (list 'before b e) log)) nil t)
    (add-hook 'after-change-functions (lambda (b e l) (push (list 'after b e l) log)) nil t)
    (goto-char (point-min))
    (search-forward "green")
    (replace-match "GREEN" t t)
    (list (buffer-string) (point) (nreverse log))))

(with-temp-buffer
  (insert "x " (propertize "word" 'face 'bold) " y")
  (goto-char (point-min))
  (search-forward "word")
  (replace-match "WORD" t t)
  (list (buffer-string) (point)))

(with-temp-buffer
  (insert "x word y")
  (goto-char (point-min))
  (search-forward "word")
  (replace-match (propertize "WORD" 'face 'italic) t t)
  (list (buffer-string) (point)))

(with-temp-buffer
  (insert "x word y word z")
  (let ((o1 (make-overlay 3 7)) (o2 (make-overlay 4 6)) (o3 (make-overlay 7 9 nil t nil)))
    (goto-char (point-min))
    (search-forward "word")
    (replace-match "WXYZ" t t)
    (list (buffer-string) (point)
          (mapcar (lambda (o) (list (overlay-start o) (overlay-end o))) (list o1 o2 o3)))))

(with-temp-buffer
  (insert "aaa bbb aaa bbb aaa")
  (narrow-to-region 5 16)
  (goto-char (point-min))
  (let ((n 0))
    (while (search-forward "aaa" nil t)
      (replace-match "ccc" t t)
      (setq n (1+ n)))
    (widen)
    (list n (buffer-string) (point))))

(with-temp-buffer
  (set-buffer-multibyte nil)
  (insert "abc\377def")
  (goto-char (point-min))
  (search-forward "def")
  (replace-match "xyz" t t)
  (list (buffer-string) (point) (position-bytes (point))))

(with-temp-buffer
  (insert "hello world")
  (let ((base (current-buffer)))
    (with-current-buffer (make-indirect-buffer base "rsl-indirect")
      (unwind-protect
          (progn
            (goto-char (point-max))
            (with-current-buffer base
              (goto-char (point-min))
              (search-forward "world")
              (replace-match "WORLD" t t))
            (list (buffer-string) (point)))
        (kill-buffer)))))

(with-temp-buffer
  (insert "Foo foo FOO")
  (goto-char (point-min))
  (let ((case-fold-search t) (out nil))
    (while (search-forward "foo" nil t)
      (replace-match "bar")
      (push (point) out))
    (list (buffer-string) (nreverse out))))

(with-temp-buffer
  (insert "abc")
  (setq buffer-read-only t)
  (goto-char (point-min))
  (search-forward "b")
  (condition-case err (replace-match "X" t t) (error err)))

(with-temp-buffer
  (insert "abc hello xyz hello")
  (let ((out nil))
    (dolist (at '(5 6 7 9 10 11))
      (goto-char at)
      (insert "Q")
      (delete-char -1)
      (goto-char (point-min))
      (search-forward "hello")
      (replace-match "HELLO" t t)
      (push (list (buffer-string) (point)) out)
      (goto-char (point-min))
      (search-forward "HELLO")
      (replace-match "hello" t t))
    (nreverse out)))
