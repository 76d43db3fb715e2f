;;; eieio-opt.el --- looking at EIEIO classes  -*- lexical-binding: t -*-

;; Written for tsmacs from the EIEIO manual and GNU Emacs 28.2's observed
;; behaviour.

(require 'eieio)

(defun eieio-build-class-alist (&optional class instantiable-only buildlist) "An alist of (NAME-STRING) for CLASS and every class below it.
CLASS defaults to `eieio-default-superclass'.  With INSTANTIABLE-ONLY,
abstract classes are left out.  The entries are added to BUILDLIST."
  (let* ((name (or class 'eieio-default-superclass))
         (record (eieio--class-or-error name)))
    (unless (or (assoc (symbol-name name) buildlist)
                (and instantiable-only (plist-get (aref record 11) :abstract)))
      (setq buildlist (cons (list (symbol-name name)) buildlist)))
    (dolist (child (aref record 6))
      (setq buildlist (eieio-build-class-alist child instantiable-only buildlist)))
    buildlist))

(defun eieio-browse (&optional root-class) "Show in a buffer the tree of classes below ROOT-CLASS, by default all of them." (interactive)
  (with-output-to-temp-buffer "*EIEIO OBJECT BROWSE*"
    (eieio--tree-print (or root-class 'eieio-default-superclass) "")))

(defun eieio--tree-print (class prefix) "Print CLASS's name after PREFIX, then its children indented."
  (princ prefix) (princ class) (princ "\n")
  (dolist (child (eieio-class-children class))
    (eieio--tree-print child (concat prefix "  "))))

(provide 'eieio-opt)
