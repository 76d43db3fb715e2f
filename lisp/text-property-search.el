;;; text-property-search.el --- find regions by the value of a text property  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A search looks at the runs of one property (stretches where its value
;; stays the same, as `next-single-property-change' sees them) and tests
;; each run's value against VALUE with PREDICATE.  The region found starts
;; at the first run that passes.  It takes in the following runs that pass
;; when PREDICATE is nil and VALUE is not; otherwise (t, a function, or both
;; nil) it is that one run only, so that a loop over
;; `(text-property-search-forward PROP)' visits each distinct non-nil value
;; separately.

;;; Code:

(require 'cl-lib)

(cl-defstruct (prop-match) beginning end value)

(defun text-property--match-p (value prop-value predicate) "Return non-nil if PROP-VALUE passes PREDICATE against VALUE.
PREDICATE t asks for `equal' values, nil for values that are not
`equal', and a function is called with VALUE and PROP-VALUE."
  (cond ((eq predicate t) (equal value prop-value))
        ((null predicate) (not (equal value prop-value)))
        (t (funcall predicate value prop-value))))

(defun text-property-search--read-property () "Read a property name in the minibuffer; nil for an empty answer."
  (let ((name (completing-read "Search for property: " obarray)))
    (unless (equal name "") (intern name))))

(defun text-property-search--run-end (pos property) "Return where the run of PROPERTY containing the character at POS ends."
  (or (next-single-property-change pos property) (point-max)))

(defun text-property-search--run-start (pos property) "Return where the run of PROPERTY containing the character before POS starts."
  (or (previous-single-property-change pos property) (point-min)))

(defun text-property-search-forward (property &optional value predicate not-current) "Find the next region whose PROPERTY matches VALUE by PREDICATE.
PREDICATE t wants values `equal' to VALUE, nil values that are not (the
default), and a function is called with VALUE and the property's value.
With NOT-CURRENT, the run of PROPERTY at point is skipped first.  On
success move point to the region's end and return a `prop-match' with its
beginning, end and PROPERTY's value at its beginning; otherwise return nil
and leave point."
  (interactive (list (text-property-search--read-property)))
  (unless (eobp)
    (let ((limit (point-max))
          (pos (point)))
      (when not-current
        (setq pos (text-property-search--run-end pos property)))
      (while (and (< pos limit)
                  (not (text-property--match-p value (get-text-property pos property) predicate)))
        (setq pos (text-property-search--run-end pos property)))
      (when (< pos limit)
        (let ((start pos)
              (found (get-text-property pos property)))
          (setq pos (text-property-search--run-end pos property))
          (when (and value (null predicate))
            (while (and (< pos limit)
                        (text-property--match-p value (get-text-property pos property) predicate))
              (setq pos (text-property-search--run-end pos property))))
          (goto-char pos)
          (make-prop-match :beginning start :end pos :value found))))))

(defun text-property-search-backward (property &optional value predicate not-current) "Find the previous region whose PROPERTY matches VALUE by PREDICATE.
The arguments are those of `text-property-search-forward'; on success
point moves to the region's beginning."
  (interactive (list (text-property-search--read-property)))
  (unless (bobp)
    (let ((limit (point-min))
          (end (point)))
      (when not-current
        (setq end (text-property-search--run-start end property)))
      (unless (or (<= end limit)
                  (text-property--match-p value (get-text-property (1- end) property) predicate))
        ;; Step back over runs until the one before a run start matches.
        (let ((pos (1- end)) (searching t))
          (setq end nil)
          (while searching
            (let ((change (and (> pos limit) (previous-single-property-change pos property))))
              (cond ((null change) (setq searching nil))
                    ((text-property--match-p value (get-text-property (1- change) property)
                                             predicate)
                     (setq end change searching nil))
                    (t (setq pos (1- change))))))))
      (when (and end (> end limit))
        (let ((pos (text-property-search--run-start end property)))
          (unless (and (null value) (null predicate))
            (while (and (> pos limit)
                        (text-property--match-p value (get-text-property (1- pos) property)
                                                predicate))
              (setq pos (text-property-search--run-start pos property))))
          (goto-char pos)
          (make-prop-match :beginning pos :end end
                           :value (get-text-property pos property)))))))

(provide 'text-property-search)

;;; text-property-search.el ends here
