;; float-sup: the angle conversion macros and the obsolete `pi'.
(list (macroexpand '(degrees-to-radians x)) (macroexpand '(radians-to-degrees x)) (degrees-to-radians 180) (radians-to-degrees float-pi) (degrees-to-radians 0) (radians-to-degrees -1) (func-arity 'degrees-to-radians) (macrop 'radians-to-degrees))
(condition-case e (degrees-to-radians "a") (error e))
(list pi (get 'pi 'byte-obsolete-variable) (special-variable-p 'pi) (get 'pi 'risky-local-variable) (let ((lexical-binding t)) (eval '(let ((pi 2)) (funcall (lambda () pi))) t)))
;; cl-extra's sequence functions bring in seq at their first use.
(progn (require 'cl-lib) (list (cl-concatenate 'list '(1) [2] "a") (cl-concatenate 'vector '(1) "b") (cl-concatenate 'string "a" '(?b) [?c]) (featurep 'seq) (cl-subseq [1 2 3 4] 1 -1) (cl-caaar '(((1)))) (cl-cdaar '(((1 2))))))
(condition-case e (cl-concatenate 'hash-table '(1)) (error e))
;; cl-struct-define refuses names that cannot name a structure: nil, keywords, built-in types.
(mapcar (lambda (n) (condition-case e (progn (cl-struct-define n nil nil 'record nil nil (intern (format "po-tag-%s" n)) 'preloaded-odds nil) 'ok) (error e))) (list nil :kw 'integer 'cons 'list 'number 'atom 'symbol 'po-fresh 't 'sequence 'boolean 'null 'marker 'hash-table 'string "str" 5))
(mapcar #'cl--struct-name-p '(integer nil po-fresh2 atom :k t boolean vector))
