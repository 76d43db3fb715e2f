;; bindings.el's menu helpers: bindings--define-key, bindings--menu-item-string, bindings--sort-menu-keymap.
(let ((m (make-sparse-keymap))) (list (bindings--define-key m "a" '(menu-item "Foo" ignore)) m))
(let ((m (make-sparse-keymap))) (list (bindings--define-key m [foo] '("Bar" . ignore)) m))
(let ((m (make-sparse-keymap))) (list (bindings--define-key m "b" 'ignore) (bindings--define-key m "cd" 'car) m))
(bindings--define-key 3 "a" 'ignore)
(list (bindings--menu-item-string '(menu-item "Foo" ignore)) (bindings--menu-item-string '("Bar" . ignore)) (bindings--menu-item-string 'ignore) (bindings--menu-item-string '(menu-item nil ignore)) (bindings--menu-item-string '(menu-item (concat "a" "b") ignore)) (bindings--menu-item-string nil) (bindings--menu-item-string '(a . b)))
(bindings--sort-menu-keymap (list 'keymap '(b menu-item "B" ignore) '(a menu-item "A" ignore) '(c menu-item "C" ignore)))
(bindings--sort-menu-keymap (list 'keymap '(b "Zed" . ignore) '(a menu-item "Alpha" ignore) '(c menu-item "Mid" ignore)))
(bindings--sort-menu-keymap (list 'keymap))
