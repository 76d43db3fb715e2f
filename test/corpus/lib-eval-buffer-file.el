;; eval-buffer names its forms' file: current-load-list ends with it, macroexp-file-name gives it,
;; and load-history gets the file's entry with what its forms defined (here inside a load, as
;; `load-in-progress' says: outside one tsmacs notes only `provide's, GNU everything).
(defvar corpus-ebf-r nil)
(with-temp-buffer
  (setq buffer-file-name "/tmp/corpus-ebf-zz.el")
  (insert "(setq corpus-ebf-r (list (car (last current-load-list)) (macroexp-file-name)))")
  (eval-buffer)
  corpus-ebf-r)
(with-temp-buffer
  (insert "(setq corpus-ebf-r (list (car (last current-load-list)) (macroexp-file-name)))")
  (eval-buffer nil nil "/tmp/corpus-ebf-named.el")
  (prog1 corpus-ebf-r (eval-buffer)))
corpus-ebf-r
(with-temp-buffer
  (setq buffer-file-name "/tmp/corpus-ebf-x.el")
  (insert "(defun corpus-ebf-foo () 1)\n(defvar corpus-ebf-v 2)\n(provide 'corpus-ebf-feat)\n")
  (let ((load-in-progress t)) (eval-buffer) (eval-buffer))
  (list (assoc "/tmp/corpus-ebf-x.el" load-history)
        (length (seq-filter (lambda (e) (equal (car-safe e) "/tmp/corpus-ebf-x.el")) load-history))
        (symbol-file 'corpus-ebf-foo) (symbol-file 'corpus-ebf-v 'defvar)))
;; eval-region takes the forms' file from the buffer too (eval-defun, which does as well, prints
;; its value on GNU's real stdout in batch, outside what a case can catch).
(with-temp-buffer
  (setq buffer-file-name "/tmp/corpus-ebf-r.el")
  (insert "(setq corpus-ebf-r (list (car (last current-load-list)) (macroexp-file-name)))")
  (eval-region (point-min) (point-max))
  corpus-ebf-r)
(with-temp-buffer
  (insert "(setq corpus-ebf-r (list (car (last current-load-list)) (macroexp-file-name)))")
  (eval-region (point-min) (point-max))
  corpus-ebf-r)
