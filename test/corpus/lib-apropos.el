;; apropos.el: parsing patterns (regexps, word lists, synonyms), apropos-mode, documentation properties, entry points.
(mapcar (lambda (p) (list p (apropos-parse-pattern p) apropos-regexp apropos-all-words-regexp apropos-words apropos-all-words apropos-pattern apropos-pattern-quoted)) (list (list "foo") (list "b" "a" "c") (list "x" "x") "^a b" "a" (list "a.b") (list "foo" "bar-baz") (list "kill" "x") (list "find") (list "region" "a") (list "a" "yank") (list "cut" "z") (list "edit") (list "a" "b" "a") (list "paste" "selection")))
(list (apropos-parse-pattern (list "fo") t) apropos-regexp)
(list (apropos-parse-pattern "x.*y" t) apropos-regexp apropos-words)
(require 'apropos)
(list (get 'apropos-mode 'derived-mode-parent) (with-temp-buffer (apropos-mode) (list major-mode buffer-read-only mode-name)))
apropos-synonyms
(list apropos-do-all)
(apropos-documentation-property 'apropos-nonexistent-zz 'variable-documentation t)
(progn (defvar apropos-test-v1 1 "Doc of `car' and \\[save-buffer].") (list (apropos-documentation-property 'apropos-test-v1 'variable-documentation t) (substring-no-properties (apropos-documentation-property 'apropos-test-v1 'variable-documentation nil))))
(progn (put 'apropos-test-v2 'my-doc 5) (apropos-documentation-property 'apropos-test-v2 'my-doc t))
(mapcar (lambda (f) (list f (commandp f) (func-arity f))) '(apropos apropos-command apropos-documentation apropos-documentation-property apropos-function apropos-library apropos-local-value apropos-local-variable apropos-read-pattern apropos-user-option apropos-value apropos-variable command-apropos))
(symbol-function 'command-apropos)
