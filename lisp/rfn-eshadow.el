;;; rfn-eshadow.el --- File Name Shadow mode: dim the part of a file name the minibuffer ignores  -*- lexical-binding: t -*-

;; Written for tsmacs from the behaviour of GNU Emacs 28.2 and its manual.
;; When a file name is read in the minibuffer, text before a `//' or `~/'
;; does not count; this mode puts an overlay on that text.  The switch and
;; its options are dumped (autoloads.el); this library loads when the
;; minibuffer first asks for it.

(defface file-name-shadow '((t :inherit shadow))
  "Face of the ignored part of a file name in the minibuffer.")

;;;###autoload
(defvar rfn-eshadow-overlay nil "The overlay over the ignored part of the file name in the minibuffer.")
;;;###autoload
(defvar rfn-eshadow-frobbed-minibufs nil "The minibuffers given an overlay and a post-command function by this mode.")
;;;###autoload
(defvar rfn-eshadow-setup-minibuffer-hook nil "Functions run after a minibuffer was set up for shadowing.")
;;;###autoload
(defvar rfn-eshadow-update-overlay-hook nil "Functions run after the shadow overlay was moved.")

(define-minor-mode file-name-shadow-mode "Toggle dimming of the ignored part of a file name read in the minibuffer."
  :global t :init-value t :group 'minibuffer
  (cond (file-name-shadow-mode (add-hook 'minibuffer-setup-hook #'rfn-eshadow-setup-minibuffer))
        (t (remove-hook 'minibuffer-setup-hook #'rfn-eshadow-setup-minibuffer)
           ;; Undo what was done in the minibuffers set up so far.
           (dolist (mb rfn-eshadow-frobbed-minibufs)
             (and (buffer-live-p mb)
                  (with-current-buffer mb (remove-hook 'post-command-hook #'rfn-eshadow-update-overlay t))))
           (setq rfn-eshadow-frobbed-minibufs nil))))

(defun rfn-eshadow-setup-minibuffer () "Prepare the current minibuffer for shadowing when it reads a file name."
  (when (and file-name-shadow-mode minibuffer-completing-file-name)
    (setq rfn-eshadow-overlay (make-overlay (point-min) (point-min)))
    (delete-overlay rfn-eshadow-overlay)
    (let ((plist (if (display-graphic-p) file-name-shadow-properties file-name-shadow-tty-properties)))
      (while plist (overlay-put rfn-eshadow-overlay (pop plist) (pop plist))))
    (add-hook 'post-command-hook #'rfn-eshadow-update-overlay nil t)
    (push (current-buffer) rfn-eshadow-frobbed-minibufs)
    (run-hooks 'rfn-eshadow-setup-minibuffer-hook)))

(defun rfn-eshadow-update-overlay () "Move the shadow overlay over the part of the minibuffer's file name that is ignored."
  (let* ((start (if (fboundp 'minibuffer-prompt-end) (minibuffer-prompt-end) (point-min)))
         (text (buffer-substring-no-properties start (point-max)))
         (cut (and (string-match ".*\\(?:/\\(/\\)\\|/\\(~\\)\\)" text)
                   (or (match-beginning 1) (match-beginning 2)))))
    (if cut
        (move-overlay rfn-eshadow-overlay start (+ start cut) (current-buffer))
      (delete-overlay rfn-eshadow-overlay))
    (run-hooks 'rfn-eshadow-update-overlay-hook)))

(provide 'rfn-eshadow)
