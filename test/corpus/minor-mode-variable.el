;; minor-mode-variable: define-minor-mode's :variable as a (GET . SET) pair whose SET is a lambda form, a #' function or a name, beside plain places.
(progn (defvar mmv-a nil) (define-minor-mode mmv-a-mode "Doc." :variable ((car (list mmv-a)) . (lambda (v) (setq mmv-a v)))) (list (progn (mmv-a-mode 1) mmv-a) (progn (mmv-a-mode -1) mmv-a) (progn (mmv-a-mode 'toggle) mmv-a) (mmv-a-mode 0) mmv-a))
(progn (defvar mmv-b nil) (define-minor-mode mmv-b-mode "Doc." :variable (mmv-b . (lambda (v) (setq mmv-b (if v 'on nil))))) (list (progn (mmv-b-mode 1) mmv-b) (progn (mmv-b-mode -1) mmv-b) (progn (mmv-b-mode) mmv-b)))
(progn (defvar mmv-c 0) (defun mmv-c-set (v) (setq mmv-c (if v 1 0))) (define-minor-mode mmv-c-mode "Doc." :variable ((= mmv-c 1) . mmv-c-set)) (list (progn (mmv-c-mode 1) mmv-c) (progn (mmv-c-mode 'toggle) mmv-c) (progn (mmv-c-mode 'toggle) mmv-c)))
(progn (defvar mmv-d nil) (define-minor-mode mmv-d-mode "Doc." :variable ((car (list mmv-d)) . #'(lambda (v) (setq mmv-d (list v))))) (list (progn (mmv-d-mode 1) mmv-d) (progn (mmv-d-mode -1) mmv-d)))
(progn (defvar mmv-e (list nil)) (define-minor-mode mmv-e-mode "Doc." :variable (car mmv-e)) (list (progn (mmv-e-mode 1) mmv-e) (progn (mmv-e-mode -1) mmv-e)))
(progn (defvar mmv-f (vector nil nil)) (define-minor-mode mmv-f-mode "Doc." :variable (aref mmv-f 1)) (list (progn (mmv-f-mode 1) mmv-f) (progn (mmv-f-mode 'toggle) mmv-f)))
(progn (defvar mmv-g nil) (define-minor-mode mmv-g-mode "Doc." :variable mmv-g) (list (progn (mmv-g-mode 1) mmv-g) (boundp 'mmv-g-mode)))
(progn (defvar mmv-h nil) (list (condition-case e (macroexpand '(define-minor-mode mmv-h-mode "Doc." :lighter " H" :variable ((car mmv-h) . (lambda (v) v)))) (error e))))
