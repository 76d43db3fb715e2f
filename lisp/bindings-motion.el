;;; bindings-motion.el --- visual-order character and word motion  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (the arrow-key commands
;; of its bindings.el); autoloaded.

(defun bindings-motion--rtl-p () "Tell whether the current paragraph is shown right to left, so that visual left is logical forward."
  (and bidi-display-reordering
       (if (fboundp 'current-bidi-paragraph-direction)
           (eq (current-bidi-paragraph-direction) 'right-to-left)
         (pcase bidi-paragraph-direction
           ('right-to-left t)
           ('left-to-right nil)
           ;; Unset: the first strong character of the paragraph decides.
           (_ (save-excursion
                (let ((top (progn (if (re-search-backward "^[ \t\f]*$" nil t) (forward-line 1) (goto-char (point-min)))
                                  (point)))
                      (found nil))
                  (ignore top)
                  (while (and (not found) (not (eobp)) (not (looking-at-p "^[ \t\f]*$")))
                    (let ((class (get-char-code-property (following-char) 'bidi-class)))
                      (setq found (cond ((memq class '(R AL)) 'rtl) ((eq class 'L) 'ltr))))
                    (forward-char 1))
                  (eq found 'rtl))))))))

(defun bindings-motion--go (n ahead back to-right) "Move N units with AHEAD (or BACK), going TO-RIGHT or left on the screen."
  ;; On the screen, right is forward unless the paragraph runs right to left.
  (funcall (if (eq to-right (not (bindings-motion--rtl-p))) ahead back) n))

(defun right-char (&optional n) "Move point N characters to the right on the screen: forward, or back in a right-to-left paragraph." (interactive "^p")
  (bindings-motion--go n #'forward-char #'backward-char t))

(defun left-char (&optional n) "Move point N characters to the left on the screen: back, or forward in a right-to-left paragraph." (interactive "^p")
  (bindings-motion--go n #'forward-char #'backward-char nil))

(defun right-word (&optional n) "Move point N words to the right on the screen: forward, or back in a right-to-left paragraph." (interactive "^p")
  (bindings-motion--go n #'forward-word #'backward-word t))

(defun left-word (&optional n) "Move point N words to the left on the screen: back, or forward in a right-to-left paragraph." (interactive "^p")
  (bindings-motion--go n #'forward-word #'backward-word nil))

(provide 'bindings-motion)
;;; bindings-motion.el ends here
