;;; bindings-menu.el --- bindings.el's helpers for menu keymaps -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (test/corpus/bindings-menu.el).

;;; Code:

(defun bindings--define-key (map key item) "Bind KEY in MAP to ITEM, often a menu item, as `define-key' does; give ITEM."
  (define-key map key item)
  item)

(defun bindings--menu-item-string (item) "The label of the menu element ITEM: the name of a (menu-item NAME ...) (a form there is evaluated) or the string of a (STRING . DEFINITION); nil for anything else."
  (let ((head (car-safe item)))
    (cond ((stringp head) head)
          ((not (eq head 'menu-item)) nil)
          ((or (null (cadr item)) (stringp (cadr item))) (cadr item))
          (t (eval (cadr item))))))

(defun bindings--sort-menu-keymap (map) "Put the entries of the menu keymap MAP in the order of their labels, changing MAP; give MAP."
  (let ((label (lambda (entry) (or (bindings--menu-item-string (cdr-safe entry)) ""))))
    (setcdr map (sort (cdr map) (lambda (a b) (string< (funcall label a) (funcall label b)))))
    map))

(provide 'bindings-menu)

;;; bindings-menu.el ends here
