;;; buttons-tests.el --- buttons: types, overlay and text buttons, motion, activation  -*- lexical-binding: t -*-

(require 'ert)

(defmacro lisp-modes--in (mode text &rest body)
  "Run BODY in a temporary buffer in MODE holding TEXT, point at the start."
  (declare (indent 2))
  `(with-temp-buffer (funcall ,mode) (insert ,text) (goto-char (point-min)) ,@body))

(defun lisp-modes--flat (text)
  "TEXT with every line's indentation removed."
  (replace-regexp-in-string "^[ \t]+" "" text))

;;; Buttons.

(ert-deftest lisp-modes-button-types-and-actions ()
  (define-button-type 'lisp-modes--btn 'action (lambda (b) (button-put b 'pushed t)) 'face 'bold)
  (with-temp-buffer
    (let ((b (insert-button "click" 'type 'lisp-modes--btn)))
      (should (eq (button-type b) 'lisp-modes--btn))
      (should (button-has-type-p b 'button))
      (should (eq (button-get b 'face) 'bold))
      (should (equal (button-label b) "click"))
      (should (push-button 1))
      (should (button-get b 'pushed))
      (should-not (push-button (point-max))))))

(ert-deftest lisp-modes-text-buttons-and-motion ()
  (with-temp-buffer
    (insert "x ")
    (insert-text-button "one" 'button-data 1 'action #'identity)
    (insert " ")
    (insert-text-button "two" 'skip t)
    (insert " ")
    (insert-text-button "three")
    (goto-char (point-min))
    (should (equal (button-label (forward-button 1)) "one"))
    (should (equal (button-label (forward-button 1)) "three"))
    (should-error (forward-button 1) :type 'user-error)
    (should (equal (button-label (forward-button 1 t)) "one"))
    (should (equal (button-activate (button-at (point))) 1))
    (should (markerp (button-at (point))))
    (should-not (button-at 1))))

(ert-deftest lisp-modes-button-category-refused ()
  (with-temp-buffer
    (insert "abc")
    (should-error (make-button 1 3 'category 'x))
    (should-error (define-button-type 'lisp-modes--bad :supertype 'lisp-modes--no-such-type))))

(ert-deftest lisp-modes-button-subtypes ()
  (define-button-type 'lisp-modes--base 'help-echo "base" 'follow-link t)
  (define-button-type 'lisp-modes--derived :supertype 'lisp-modes--base 'face 'italic)
  (should (button-type-subtype-p 'lisp-modes--derived 'lisp-modes--base))
  (should (button-type-subtype-p 'lisp-modes--derived 'button))
  (should-not (button-type-subtype-p 'lisp-modes--base 'lisp-modes--derived))
  (should (equal (button-type-get 'lisp-modes--derived 'help-echo) "base"))
  (button-type-put 'lisp-modes--base 'help-echo "changed")
  (should (equal (button-type-get 'lisp-modes--derived 'help-echo) "base")))

(ert-deftest lisp-modes-button-next-previous ()
  (with-temp-buffer
    (insert "aa bb cc")
    (make-button 1 3)
    (make-text-button 4 6)
    (make-button 7 9)
    (should (= (button-start (next-button 1)) 4))
    (should (= (button-start (next-button 1 t)) 1))
    (should (= (button-start (previous-button 8)) 4))
    (should (= (button-start (previous-button 8 t)) 7))
    (should-not (previous-button 1))
    (should-not (next-button 8))))

(ert-deftest lisp-modes-button-put-and-strings ()
  (with-temp-buffer
    (insert "xyz")
    (make-text-button 1 4 'flag 1)
    (let ((b (button-at 2)))
      (button-put b 'flag 2)
      (should (equal (get-text-property 1 'flag) 2))
      (should (equal (get-text-property 3 'flag) 2))
      (should (= (button-end b) 4))))
  (let* ((label "press")
         (copy (make-text-button label nil 'action #'ignore)))
    (should-not (text-properties-at 0 label))
    (should (get-text-property 0 'button copy))
    (should (eq (get-text-property 0 'action copy) 'ignore))))

(ert-deftest lisp-modes-button-mode-keys ()
  (with-temp-buffer
    (button-mode 1)
    (should button-mode)
    (should (eq (key-binding "\t") 'forward-button))
    (button-mode -1)
    (should-not button-mode)))

;;; buttons-tests.el ends here
