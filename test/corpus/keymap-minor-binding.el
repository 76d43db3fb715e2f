;; minor-mode-key-binding (keymap.c): the first active minor mode map binding KEY, in the order of
;; emulation-mode-map-alists, minor-mode-overriding-map-alist and minor-mode-map-alist.
(progn
  (defvar lf-mode nil) (defvar lf2-mode nil)
  (defvar lf-map (let ((m (make-sparse-keymap))) (define-key m "a" 'ignore) (define-key m "\C-cb" 'forward-char) (define-key m [t] 'backward-char) m))
  (defvar lf2-map (let ((m (make-sparse-keymap))) (define-key m "a" 'undo) (define-key m "\C-c" 'lf-prefix) m))
  t)
(list (func-arity 'minor-mode-key-binding) (minor-mode-key-binding "a") (minor-mode-key-binding [?\C-x ?\C-f]))
(let ((minor-mode-map-alist (list (cons 'lf-mode lf-map) (cons 'lf2-mode lf2-map))) (lf-mode t) (lf2-mode t)) (list (minor-mode-key-binding "a") (minor-mode-key-binding "\C-cb") (minor-mode-key-binding "\C-c") (minor-mode-key-binding "z") (minor-mode-key-binding "z" t) (minor-mode-key-binding [?a])))
(condition-case e (minor-mode-key-binding 5) (error e))
(let ((minor-mode-map-alist (list (cons 'lf-mode lf-map) (cons 'lf2-mode lf2-map))) (lf-mode nil) (lf2-mode t)) (list (minor-mode-key-binding "a") (minor-mode-key-binding "\C-cb") (minor-mode-key-binding "\C-c")))
(let ((minor-mode-map-alist (list (cons 'lf-mode lf-map))) (lf-mode t) (lf2-mode t) (emulation-mode-map-alists (list (list (cons 'lf2-mode lf-map))))) (minor-mode-key-binding "a"))
(let ((minor-mode-map-alist (list (cons 'lf-mode lf-map))) (lf-mode t) (minor-mode-overriding-map-alist (list (cons 'lf-mode lf2-map)))) (list (minor-mode-key-binding "a") (minor-mode-key-binding "\C-cb")))
(let ((minor-mode-map-alist (list (cons 'lf-mode 'lf-map-fn) (cons 'lf2-mode lf2-map))) (lf-mode t) (lf2-mode t)) (fset 'lf-map-fn lf-map) (list (minor-mode-key-binding "a") (minor-mode-key-binding "\C-cbx")))
(let ((minor-mode-map-alist (list (cons 'lf-mode lf-map))) (lf-mode t)) (list (minor-mode-key-binding "ab") (minor-mode-key-binding "\C-cbb")))
