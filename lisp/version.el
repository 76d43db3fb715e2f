;;; version.el --- the long description of this Emacs's version  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

(defun emacs-version (&optional here) "Describe this Emacs: its version, build number and configuration.
The text reads \"GNU Emacs VERSION (build N, CONFIGURATION)\", as GNU
Emacs 28.2 gives it, with \" of DATE\" on a second line when
`emacs-build-time' is known.  With HERE non-nil, insert the text at point
and give nil; called interactively, show it in the echo area; otherwise
give it as a string."
  (interactive "P")
  (let* ((built (and (boundp 'emacs-build-time) emacs-build-time))
         (text (concat "GNU Emacs " emacs-version
                       (format " (build %s, %s)" emacs-build-number
                               system-configuration)
                       (if built
                           (format-time-string "\n of %Y-%m-%d" built)
                         ""))))
    (cond (here (insert text) nil)
          ((called-interactively-p 'interactive) (message "%s" text))
          (t text))))

(provide 'version)
