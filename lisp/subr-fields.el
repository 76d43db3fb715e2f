;;; subr-fields.el --- field-at-pos and other small pieces of GNU's subr.el  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour; autoloaded.

(defun field-at-pos (pos) "Give the `field' property of the field that POS lies in."
  ;; The field's value is the one at its first character; a field empty at the
  ;; end of the text has none.
  (let* ((start (field-beginning pos))
         (value (and (< start (point-max)) (get-char-property start 'field))))
    ;; A field that begins on a `boundary' character takes its last character's value.
    (if (eq value 'boundary)
        (get-char-property (1- (field-end pos)) 'field)
      value)))

(provide 'subr-fields)
;;; subr-fields.el ends here
