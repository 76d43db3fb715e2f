;;; subr-fields.el --- field-at-pos and other small pieces of GNU's subr.el  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour; autoloaded.

(defun field-at-pos (pos) "Give the `field' property of the field that POS lies in."
  ;; The field's value is the one at its first character (none for an empty
  ;; field at the end of the text); a first character marked `boundary' defers
  ;; to the field's last character.
  (let ((from (field-beginning pos)))
    (when (< from (point-max))
      (let ((value (get-char-property from 'field)))
        (if (not (eq value 'boundary))
            value
          (let ((last (1- (field-end pos))))
            (get-char-property last 'field)))))))

(provide 'subr-fields)
;;; subr-fields.el ends here
