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

;;; Which commit and branch the sources are at (GNU's `emacs-repository-*').

;; Both ask git in DIR and tell "Waiting for git..." first; when git
;; cannot even be started the error is shown as a message.
(defun emacs-repository--ask-git (dir what args) "Run git with ARGS in DIR; give (STATUS . FIRST-LINE), STATUS nil when git could not run.
WHAT is the command's name for the message about such a failure."
  (message "Waiting for git...")
  (let ((default-directory (file-name-as-directory dir))
        (out (generate-new-buffer " *git-version*")))
    (unwind-protect
        (let ((status (condition-case err
                          (apply #'call-process "git" nil (list out nil) nil args)
                        (error (message "Error running git %s: %S" what err) nil))))
          (cons status
                (with-current-buffer out
                  (save-excursion
                    (goto-char 1)
                    (and (not (eobp)) (buffer-substring 1 (line-end-position)))))))
      (kill-buffer out))))

(defun emacs-repository-version-git (dir) "The commit hash git reports for HEAD in directory DIR, or nil."
  (let ((answer (emacs-repository--ask-git dir "rev-parse" '("rev-parse" "HEAD"))))
    (and (eql (car answer) 0) (cdr answer))))

(defun emacs-repository-branch-git (dir) "The branch git reports HEAD is on in directory DIR, or nil.
When git cannot be run at all this signals, as GNU 28.2's does."
  (let ((answer (emacs-repository--ask-git dir "rev-parse --abbrev-ref"
                                           '("rev-parse" "--abbrev-ref" "HEAD"))))
    ;; GNU 28.2 tests the status with `zerop' even when git never ran.
    (if (zerop (car answer)) (cdr answer))))

(defun emacs-repository-get-version (&optional dir _external) "The commit the Emacs sources in DIR are at, as a string.
DIR defaults to `source-directory'.  Nil when DIR is not a git work
tree or git cannot say.  EXTERNAL is accepted and has no effect.  The
answer is about the sources as they are now, not the running Emacs."
  (emacs-repository-version-git (if dir dir source-directory)))

(defun emacs-repository-get-branch (&optional dir) "The branch the Emacs sources in DIR are on, as a string.
DIR defaults to `source-directory'; nil when git cannot tell."
  (emacs-repository-branch-git (if dir dir source-directory)))

(define-obsolete-function-alias
  'emacs-bzr-get-version #'emacs-repository-get-version "24.4")
