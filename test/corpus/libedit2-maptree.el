;; A table of bindings puts each binding at the first multiple of 16 columns
;; past the key and one more column.
(let (out)
  (dolist (k '("C-a" "<f1>" "C-c C-a" "C-c C-x C-a" "C-c C-x C-y C" "C-c C-x C-y C-"
               "C-c C-x C-y C-a" "C-c C-x C-y C-a b" "C-c C-x C-y C-a b c d e f"
               "C-c C-x C-y C-a b c d e f g h i" "C-c C-x C-y C-a b c d e f g h i j"))
    (with-temp-buffer
      (let ((standard-output (current-buffer))
            (map (make-sparse-keymap)))
        (define-key map (kbd k) 'foo)
        (describe-map-tree map nil nil nil nil nil nil nil nil)
        (push (buffer-substring-no-properties 50 (point-max)) out))))
  (nreverse out))
(with-temp-buffer
  (let ((standard-output (current-buffer))
        (map '(keymap . ((1 . foo)
                         (menu-bar keymap
                                   (foo menu-item "Foo" foo
                                        :enable mark-active
                                        :help "Help text"))))))
    (describe-map-tree map nil nil nil nil nil nil nil nil)
    (buffer-substring-no-properties (point-min) (point-max))))
(let ((map (make-sparse-keymap)))
  (define-key map (kbd "C-c C-x C-y C-a") 'le2-cmd)
  (define-key map (kbd "M-<f12>") 'le2-cmd)
  (defvar le2-map-var nil)
  (setq le2-map-var map)
  (substring-no-properties (substitute-command-keys "\\{le2-map-var}")))
