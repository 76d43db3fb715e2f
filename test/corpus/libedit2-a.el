;; abbrev tables: the nameless property holder is bound to nil (so every
;; symbol of a table is bound) and the local abbrev listing keeps its mode.
(let ((tb (obarray-make)))
  (abbrev-table-put tb :x 1)
  (list (boundp (intern-soft "" tb)) (symbol-value (intern-soft "" tb))))
(let ((tb (obarray-make)))
  (set (intern "" tb) 5)
  (list (abbrev-table-put tb :y 2) (symbol-value (intern-soft "" tb)) (abbrev-table-get tb :y)))
(let ((tb (obarray-make)))
  (abbrev-table-put tb :abbrev-table-modiff 42)
  (list (abbrev-table-p tb) (abbrev-table-empty-p tb)))
(condition-case e (abbrev-table-empty-p (obarray-make)) (error e))
(progn
  (when (get-buffer "*Abbrevs*") (kill-buffer "*Abbrevs*"))
  (with-temp-buffer
    (prepare-abbrev-list-buffer t)
    (with-current-buffer "*Abbrevs*"
      (prog1 (list major-mode (buffer-string))
        (kill-buffer)))))
(progn
  (with-current-buffer (get-buffer-create "*Abbrevs*") (text-mode))
  (with-temp-buffer
    (prepare-abbrev-list-buffer t)
    (with-current-buffer "*Abbrevs*"
      (prog1 major-mode (kill-buffer)))))
(with-current-buffer (prepare-abbrev-list-buffer)
  (prog1 (list major-mode (buffer-modified-p)) (kill-buffer)))

;; thing-at-point 'url: a paren before the URL pairs with one after it, also
;; inside a C comment.
(let (out)
  (dolist (s '("x http://foo/bar) y" "x (http://foo/bar)) y" "x http://foo/(a)b) y"
               "(x http://foo/bar) y" "(http://a/b(c)d) y" "((http://a/b) y"
               "(http://a/b)c) y" "(http://a/b" "x http://a/b.) y" "(http://a/b).) y")
               (nreverse out))
    (dolist (m '(fundamental-mode c-mode))
      (with-temp-buffer
        (funcall m)
        (insert s)
        (goto-char 9)
        (push (thing-at-point 'url) out)))))
(with-temp-buffer
  (c-mode)
  (insert "/* (http://foo/bar)\n(http://foo/bar(baz)) */\n")
  (list (progn (goto-char 6) (thing-at-point 'url))
        (progn (goto-char 23) (thing-at-point 'url))))

;; completion-table-subvert answers boundaries whether or not the table has any.
(let ((subv (completion-table-subvert '("A-hello" "A-there") "B" "A")))
  (list (funcall subv "B-hel" nil '(boundaries . "suffix"))
        (funcall subv "C-hel" nil '(boundaries . "suffix"))
        (completion-boundaries "B-hel" subv nil "suffix")
        (try-completion "B-hel" subv)
        (all-completions "B-hel" subv)
        (test-completion "B-hello" subv)))
(funcall (completion-table-subvert '("AAA-x") "B" "AAA") "B-" nil '(boundaries . "ar/baz"))
(funcall (completion-table-subvert '("A-x") "BBB" "A") "BBB-" nil '(boundaries . "ar/baz"))
