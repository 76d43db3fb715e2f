;;; xref.el --- cross-references: backends, the marker stack, items  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.
;; Only the part programs call without a user: which backend a buffer uses,
;; whether the stack of places jumped from is empty, and xref items.

(mapc #'require '(cl-lib ring))

(defun etags--xref-backend () "Return `etags', the backend that looks definitions up in tags tables." 'etags)

(defun xref-find-backend () "Return the xref backend of the current buffer, from `xref-backend-functions'."
  ;; The first function with an answer gives it.
  (let ((backend (run-hook-with-args-until-success 'xref-backend-functions)))
    backend))

(defvar xref-marker-ring-length 16 "How many places jumped from the marker stack keeps.")

(defvar xref--marker-ring (make-ring xref-marker-ring-length) "The places jumped from, most recent first.")

(defun xref-marker-stack-empty-p () "Return t if no place jumped from is remembered."
  (= (ring-length xref--marker-ring) 0))

(cl-defstruct (xref-item (:constructor xref-make (summary location)))
  "A reference to a place: a SUMMARY string describing it and its LOCATION."
  summary location)

(provide 'xref)

;;; xref.el ends here
