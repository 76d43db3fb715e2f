;; Faces under themes keep the :extend of their definition; the background
;; mode of the frame is recomputed by frame-set-background-mode.
(progn
  (defface le2-f1 '((t :extend t :weight bold :foreground "red" :underline t)) "")
  (deftheme le2-th1 "x")
  (custom-theme-set-faces 'le2-th1 '(le2-f1 ((t (:foreground "Khaki" :weight normal)))))
  (enable-theme 'le2-th1)
  (list (face-attribute 'le2-f1 :extend) (face-attribute 'le2-f1 :weight)
        (face-attribute 'le2-f1 :foreground) (face-attribute 'le2-f1 :underline)))
(progn
  (defface le2-f2 '((t :weight bold :extend t :foreground "red")) "")
  (custom-set-faces '(le2-f2 ((t (:foreground "blue")))))
  (list (face-attribute 'le2-f2 :extend) (face-attribute 'le2-f2 :weight) (face-attribute 'le2-f2 :foreground)))
(progn
  (defface le2-f3 '((t :weight bold :extend t)) "")
  (custom-set-faces '(le2-f3 ((t (:foreground "blue" :extend nil)))))
  (face-attribute 'le2-f3 :extend))
(progn
  (defface le2-f4 '((t :weight bold :extend nil)) "")
  (custom-set-faces '(le2-f4 ((t (:foreground "blue")))))
  (face-attribute 'le2-f4 :extend))
(progn
  (defface le2-f5 '((t :weight bold)) "")
  (custom-set-faces '(le2-f5 ((t (:foreground "blue")))))
  (face-attribute 'le2-f5 :extend))
(list frame-background-mode (frame-parameter nil 'background-mode) (frame-parameter nil 'display-type))
(progn
  (defface le2-g1 '((((background light)) :foreground "black") (((background dark)) :foreground "white")) "")
  (face-attribute 'le2-g1 :foreground))
(let ((frame-background-mode 'light))
  (list (frame-set-background-mode (selected-frame))
        (frame-parameter nil 'background-mode) (face-attribute 'le2-g1 :foreground)))
(progn
  (list (frame-set-background-mode (selected-frame) t)
        (frame-parameter nil 'background-mode) (face-attribute 'le2-g1 :foreground)))
(progn
  (face-spec-recalc 'le2-g1 (selected-frame))
  (face-attribute 'le2-g1 :foreground))
(progn
  (set-face-attribute 'le2-g1 nil :foreground "red" :weight 'bold)
  (let ((frame-background-mode 'light))
    (frame-set-background-mode (selected-frame)))
  (list (face-attribute 'le2-g1 :foreground) (face-attribute 'le2-g1 :weight) (frame-parameter nil 'background-mode)))
(progn
  (set-face-attribute 'le2-g1 (selected-frame) :foreground "green")
  (frame-set-background-mode (selected-frame))
  (list (face-attribute 'le2-g1 :foreground) (frame-parameter nil 'background-mode)))
(progn
  (frame-set-background-mode nil)
  (list (face-attribute 'le2-g1 :foreground) (frame-parameter nil 'background-mode)))
(condition-case e (frame-set-background-mode 'foo) (error e))
(let ((frame-background-mode nil))
  (set-frame-parameter nil 'background-color "white")
  (prog1 (list (frame-set-background-mode (selected-frame)) (frame-parameter nil 'background-mode)
               (face-attribute 'le2-g1 :foreground))
    (set-frame-parameter nil 'background-color "unspecified-bg")
    (frame-set-background-mode (selected-frame))))
(list (frame-parameter nil 'background-mode) (face-attribute 'le2-g1 :foreground))
(get 'frame-background-mode 'custom-type)
