;; The minibuffer's keymaps as GNU 28.2 builds them, their parents, and a lookup in each.
minibuffer-local-map
(list (keymapp minibuffer-local-map) (lookup-key minibuffer-local-map "\r") (lookup-key minibuffer-local-map " ") (lookup-key minibuffer-local-map "\M-n") (lookup-key minibuffer-local-map [menu-bar minibuf return]))
minibuffer-local-ns-map
(list (keymapp minibuffer-local-ns-map) (lookup-key minibuffer-local-ns-map "\r") (lookup-key minibuffer-local-ns-map " ") (lookup-key minibuffer-local-ns-map "\M-n") (lookup-key minibuffer-local-ns-map [menu-bar minibuf return]))
minibuffer-local-completion-map
(list (keymapp minibuffer-local-completion-map) (lookup-key minibuffer-local-completion-map "\r") (lookup-key minibuffer-local-completion-map " ") (lookup-key minibuffer-local-completion-map "\M-n") (lookup-key minibuffer-local-completion-map [menu-bar minibuf return]))
minibuffer-local-must-match-map
(list (keymapp minibuffer-local-must-match-map) (lookup-key minibuffer-local-must-match-map "\r") (lookup-key minibuffer-local-must-match-map " ") (lookup-key minibuffer-local-must-match-map "\M-n") (lookup-key minibuffer-local-must-match-map [menu-bar minibuf return]))
minibuffer-local-filename-completion-map
(list (keymapp minibuffer-local-filename-completion-map) (lookup-key minibuffer-local-filename-completion-map "\r") (lookup-key minibuffer-local-filename-completion-map " ") (lookup-key minibuffer-local-filename-completion-map "\M-n") (lookup-key minibuffer-local-filename-completion-map [menu-bar minibuf return]))
minibuffer-local-isearch-map
(list (keymapp minibuffer-local-isearch-map) (lookup-key minibuffer-local-isearch-map "\r") (lookup-key minibuffer-local-isearch-map " ") (lookup-key minibuffer-local-isearch-map "\M-n") (lookup-key minibuffer-local-isearch-map [menu-bar minibuf return]))
read-key-empty-map
(list (keymapp read-key-empty-map) (lookup-key read-key-empty-map "\r") (lookup-key read-key-empty-map " ") (lookup-key read-key-empty-map "\M-n") (lookup-key read-key-empty-map [menu-bar minibuf return]))
minibuffer-mode-map
(list (keymapp minibuffer-mode-map) (lookup-key minibuffer-mode-map "\r") (lookup-key minibuffer-mode-map " ") (lookup-key minibuffer-mode-map "\M-n") (lookup-key minibuffer-mode-map [menu-bar minibuf return]))
read-expression-map
(list (keymapp read-expression-map) (lookup-key read-expression-map "\r") (lookup-key read-expression-map " ") (lookup-key read-expression-map "\M-n") (lookup-key read-expression-map [menu-bar minibuf return]))
(list (eq minibuffer-mode-map minibuffer-local-map) (eq (keymap-parent minibuffer-local-ns-map) minibuffer-local-map) (eq (keymap-parent minibuffer-local-completion-map) minibuffer-local-map) (eq (keymap-parent minibuffer-local-must-match-map) minibuffer-local-completion-map) (keymap-parent minibuffer-local-filename-completion-map) (eq (keymap-parent read-expression-map) minibuffer-local-map))
(let ((m (copy-keymap minibuffer-local-map))) (define-key m (kbd "C-c a") 'ignore) (list (lookup-key m (kbd "C-c a")) (lookup-key minibuffer-local-map (kbd "C-c a"))))
