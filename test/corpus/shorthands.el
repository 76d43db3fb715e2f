;;; Symbol shorthands (Emacs 28): the reader, `intern', a file's Local Variables, the face.

;; The reader puts the longhand in place of the first matching prefix.
(let ((read-symbol-shorthands '(("s-" . "string-")))) (read "(s-trim s- #_s-trim)"))
(let ((read-symbol-shorthands '(("s-t" . "xx") ("s-" . "string-")))) (read "(s-trim s-tt)"))
(let ((read-symbol-shorthands '(("s-" . "string-")))) (read "#:s-a"))
(let ((read-symbol-shorthands '(("s-" . "string-")))) (read "'(s-a . s-b)"))
(let ((read-symbol-shorthands '((":" . "colon-")))) (read "(:a :b)"))
(let ((read-symbol-shorthands '(("" . "z-")))) (read "(s-a - -- a)"))
;; Names made only of - + * / _ < > = ^ | are left alone.
(let ((read-symbol-shorthands '(("-" . "fooey-"))) out)
  (dolist (s '("-" "--" "-." "-*" "-+" "-=" "->" "-_" "-%" "-/" "-$" "-<" "-^" "-|" "-a" "-1a" "-1" "-é" "-\\*" "-\\-" "-,"))
    (push (cons s (car (read-from-string s))) out))
  (nreverse out))
(let ((read-symbol-shorthands '(("*" . "star-")))) (read "(* ** *a *- *1)"))
;; Malformed entries are passed over.
(let ((read-symbol-shorthands '(bad ("s-" . "fooey-")))) (read "s-a"))
(let ((read-symbol-shorthands '(("s-" . fooey)))) (read "s-a"))
(let ((read-symbol-shorthands 'bad)) (read "s-a"))

;; `intern', `intern-soft' and `unintern' given a string use them too (with no exception).
(let ((read-symbol-shorthands '(("s-" . "string-")))) (list (intern "s-foo") (intern-soft "s-foo") (intern-soft "s-nothing-like-it")))
(let ((read-symbol-shorthands '(("-" . "fooey-")))) (list (intern "-") (intern "--") (intern-soft "-")))
(let ((read-symbol-shorthands '(("s-" . "fooey-")))) (intern "s-zz") (list (intern-soft "fooey-zz") (unintern "s-zz" obarray) (intern-soft "fooey-zz")))
(let ((read-symbol-shorthands '(("s-" . "fooey-"))) (ob (obarray-make))) (list (intern "s-zz" ob) (intern-soft "fooey-zz" ob)))
(progn (intern "s-sym") (let ((read-symbol-shorthands '(("s-" . "fooey-")))) (list (intern-soft 's-sym) (intern-soft 'fooey-sym))))

;; The value a buffer's Local Variables section gives.
(with-temp-buffer (insert "x\n;; Local Variables:\n;; read-symbol-shorthands: ((\"a-\" . \"bb-\") (\"ab-\" . \"c-\"))\n;; End:\n") (list (hack-read-symbol-shorthands) (local-variable-p 'read-symbol-shorthands) (point)))
(with-temp-buffer (insert "x\n;; Local Variables:\n;; read-symbol-shorthands: ((\"a-\" . \"bb-\"))\n;; read-symbol-shorthands: ((\"c-\" . \"d-\"))\n;; End:\n") (hack-read-symbol-shorthands))
(with-temp-buffer (insert ";; -*- read-symbol-shorthands: ((\"a-\" . \"bb-\")) -*-\n") (hack-read-symbol-shorthands))
(with-temp-buffer (insert "x\n;; Local Variables:\n;; foo: 1\n;; End:\n") (hack-read-symbol-shorthands))
(with-temp-buffer (insert "x\n;; Local Variables:\n;; read-symbol-shorthands: ((\"a-\" . \"bb-\"))\n") (hack-read-symbol-shorthands))
(with-temp-buffer (insert "x\n;; Local Variables:\n;; read-symbol-shorthands: 12\n;; End:\n") (hack-read-symbol-shorthands))
(with-temp-buffer (insert "x\n;; Local Variables:\n;; read-symbol-shorthands: ((\"a-\" . \"bb-\"))\n;; foo bar\n;; End:\n") (hack-read-symbol-shorthands))
(with-temp-buffer (insert "x\n;; Local Variables:\nread-symbol-shorthands: 1\n;; End:\n") (hack-read-symbol-shorthands))
(with-temp-buffer (insert "x\n;; Local Variables:\n;; read-symbol-shorthands: ((\"a-\" . \"bb-\"))\n;; End:\n") (narrow-to-region 1 2) (hack-read-symbol-shorthands))
(with-temp-buffer (insert "x\n/* Local Variables: */\n/* read-symbol-shorthands: ((\"a-\" . \"bb-\")) */\n/* End: */\n") (hack-read-symbol-shorthands))
(with-temp-buffer (insert "x\n/* Local Variables: */\n/* read-symbol-shorthands: ((\"a-\" . \"bb-\"))\n/* End: */\n") (hack-read-symbol-shorthands))
(list hack-read-symbol-shorthands-function (get 'read-symbol-shorthands 'safe-local-variable))

;; `load' reads a file with the shorthands its Local Variables give, bound while it runs.
(let ((file (make-temp-file "corpus-sh" nil ".el")))
  (unwind-protect
      (progn
        (with-temp-file file
          (insert "(defun sh1-double (x) (* 2 x))\n(defvar sh1-seen read-symbol-shorthands)\n(defun #_sh1-raw () 'raw)\n"
                  ";; Local Variables:\n;; read-symbol-shorthands: ((\"sh1-\" . \"corpus-shorthand-\"))\n;; End:\n"))
        (load file nil t)
        (list (corpus-shorthand-double 21) corpus-shorthand-seen (fboundp 'sh1-double) (fboundp 'sh1-raw)
              read-symbol-shorthands))
    (delete-file file)))
(let ((file (make-temp-file "corpus-sh" nil ".el")) seen)
  (unwind-protect
      (progn
        (with-temp-file file (insert "(setq corpus-sh-buffer (buffer-name))\n"))
        (defvar corpus-sh-buffer nil)
        (let ((hack-read-symbol-shorthands-function
               (lambda () (push (list (buffer-name) (point) (buffer-size)) seen) '(("q-" . "r-")))))
          (let ((read-symbol-shorthands '(("x-" . "y-")))) (load file nil t)))
        (list seen corpus-sh-buffer))
    (delete-file file)))
(let ((file (make-temp-file "corpus-sh" nil ".el")) seen)
  (unwind-protect
      (progn
        (with-temp-file file (insert "(setq corpus-sh-seen read-symbol-shorthands)\n"))
        (defvar corpus-sh-seen 'unset)
        (let ((read-symbol-shorthands '(("x-" . "y-")))) (load file nil t))
        corpus-sh-seen)
    (delete-file file)))

(list (shorthands--mismatch-from-end "foobar" "xbar") (shorthands--mismatch-from-end "foobar" "foobar")
      (shorthands--mismatch-from-end "abc" "xyz") (shorthands--mismatch-from-end "" "xyz")
      (shorthands--mismatch-from-end "Ab" "ab") (shorthands--mismatch-from-end [1 2 3] [0 2 3])
      (shorthands--mismatch-from-end nil "a"))
(shorthands--mismatch-from-end "a" 1)
(shorthands--mismatch-from-end '(1 2 3) [0 2 3])
(shorthands--mismatch-from-end 'ab "b")
(func-arity 'shorthands--mismatch-from-end)

;; The face on the written prefix of each shorthand whose longhand symbol exists.
(defun corpus-sh-faces (text shorthands &optional from limit)
  (with-temp-buffer
    (emacs-lisp-mode)
    (insert text)
    (setq-local read-symbol-shorthands shorthands)
    (goto-char (or from 1))
    (let ((r (shorthands-font-lock-shorthands (or limit (point-max)))) faces)
      (dotimes (i (buffer-size)) (push (get-text-property (1+ i) 'face) faces))
      (list r (point) (nreverse faces)))))
(corpus-sh-faces "(s-trim s- string-trim s-bar-)\n" '(("s-" . "string-")))
(corpus-sh-faces "(ing-trim xng-trim)" '(("ing-" . "string-") ("xng-" . "string-")))
(corpus-sh-faces "(string-trim)" '(("string-" . "string-")))
(corpus-sh-faces "(s-trim \"s-trim\" ;; s-trim\n)" '(("s-" . "string-")))
(corpus-sh-faces "(s-trim s-trim)" '(("s-" . "string-")) 1 9)
(corpus-sh-faces "(s-trim s-trim)" '(("s-" . "string-")) 4)
(corpus-sh-faces "(s-foo s-bar)" '(("s-" . "string-")) 1 5)
(corpus-sh-faces "(#_s-trim)" '(("s-" . "string-")))
(corpus-sh-faces "(s-trim)" nil)
(progn (intern "cd") (corpus-sh-faces "(ab ab)" '(("ab" . "cd"))))
(with-temp-buffer (emacs-lisp-mode) (insert "(s-trim)") (put-text-property 2 4 'face 'bold)
  (setq-local read-symbol-shorthands '(("s-" . "string-"))) (goto-char 1)
  (shorthands-font-lock-shorthands (point-max)) (list (get-text-property 2 'face) (get-text-property 4 'face)))
