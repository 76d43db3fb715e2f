;; case-table-get-table (case-table.el): each table of a case table, derived when missing.
(defun corpus-dump (tb) (let (r) (map-char-table (lambda (k v) (push (cons (if (consp k) (cons (car k) (cdr k)) k) v) r)) tb) (nreverse r)))
(let ((tb (make-char-table 'case-table))) (aset tb ?A ?a) (aset tb ?B ?a) (list (eq (case-table-get-table tb 'down) tb) (corpus-dump (case-table-get-table tb 'up)) (eq (case-table-get-table tb 'up) (char-table-extra-slot tb 0)) (corpus-dump (case-table-get-table tb 'canon)) (corpus-dump (case-table-get-table tb 'eqv))))
(case-table-get-table (make-char-table 'case-table) 'foo)
(let ((tb (copy-case-table (standard-case-table)))) (list (eq (case-table-get-table tb 'up) (char-table-extra-slot tb 0)) (char-table-p (case-table-get-table tb 'eqv)) (eq (current-case-table) (standard-case-table))))
(func-arity 'case-table-get-table)
