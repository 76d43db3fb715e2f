;;; simple-history.el --- moving through minibuffer history  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.

;; The commands work on the current buffer's text after `minibuffer-prompt-end',
;; so outside a minibuffer they edit the whole buffer, as GNU's do.  Position 0
;; is the user's own text (kept in `minibuffer-text-before-history' while away),
;; positive positions are history elements (1 the most recent), negative ones
;; the default values.

(defun simple-history--defaults () "The default values as a list."
  (if (listp minibuffer-default) minibuffer-default (list minibuffer-default)))

(defun simple-history--text () "The minibuffer's text after its prompt."
  (buffer-substring (minibuffer-prompt-end) (point-max)))

(defun simple-history--put (elt) "Replace the minibuffer's text with ELT, keeping point's offset unless it was at the end."
  (let* ((base (minibuffer-prompt-end))
         (off (- (point) base))
         (to-end (and (eobp) (> off 0))))
    (delete-region base (point-max))
    (insert elt)
    (goto-char (if to-end (point-max) (min (point-max) (+ base (max 0 off)))))))

(defun goto-history-element (nabs) "Show the history element NABS: 0 the user's own text, N>0 the Nth most recent, N<0 the -Nth default." (interactive "p")
  (let ((defaults (simple-history--defaults)))
    (when (> (- nabs) (length defaults))
      (user-error (if defaults "End of defaults; no next item"
                    "End of history; no default available")))
    (let ((hist (if (eq minibuffer-history-variable t) nil
                  (symbol-value minibuffer-history-variable))))
      (when (< (safe-length hist) nabs)
        (user-error "Beginning of history; no preceding item"))
      ;; Leaving the user's own text: keep it for the way back.
      (and (eql minibuffer-history-position 0) (/= nabs 0)
           (setq minibuffer-text-before-history (simple-history--text)))
      (setq minibuffer-history-position nabs)
      (simple-history--put (cond ((= nabs 0) (or minibuffer-text-before-history ""))
                                 ((> nabs 0) (elt hist (1- nabs)))
                                 (t (elt defaults (- -1 nabs))))))))

(defun simple-history--step (delta) "Show the history element DELTA places older than the one shown; t when DELTA is 0."
  (if (= delta 0) t (goto-history-element (+ delta minibuffer-history-position))))

(defun next-history-element (n) "Show the history element N places more recent (toward the defaults)." (interactive "p")
  (simple-history--step (- n)))

(defun previous-history-element (n) "Show the history element N places older." (interactive "p")
  (simple-history--step n))

(defun simple-history--find (test n) "Move N matching history elements away (older for N>0); TEST says whether an element matches; give the match's position."
  (let* ((hist (and (not (eq minibuffer-history-variable t)) (symbol-value minibuffer-history-variable)))
         (len (length hist))
         (pos minibuffer-history-position)
         (step (if (> n 0) 1 -1))
         (left (abs n)))
    (while (> left 0)
      (setq pos (+ pos step))
      (cond ((or (> pos len) (< pos 1))
             (user-error (if (> n 0) "No earlier matching history item"
                           "No later matching history item")))
            ((funcall test (let ((e (nth (1- pos) hist))) (if (stringp e) e (prin1-to-string e))))
             (setq left (1- left)))))
    pos))

(defun previous-matching-history-element (regexp n) "Show the Nth older history element that REGEXP matches, point at the match."
  (interactive (list (read-regexp "Previous element matching regexp") (prefix-numeric-value current-prefix-arg)))
  (let* ((case-fold-search (if (memq minibuffer-history-variable minibuffer-history-case-insensitive-variables)
                               t case-fold-search))
         (pos (simple-history--find (lambda (s) (string-match-p regexp s)) n)))
    (goto-history-element pos)
    ;; Going back, point lands on the last match's start; going forward, on the first match's end.
    (let ((base (minibuffer-prompt-end)))
      (if (< n 0)
          (progn (goto-char base) (re-search-forward regexp (point-max) t))
        (goto-char (point-max))
        (re-search-backward regexp base t)))
    nil))

(defun next-matching-history-element (regexp n) "Show the Nth more recent history element that REGEXP matches, point at the match."
  (interactive (list (read-regexp "Next element matching regexp") (prefix-numeric-value current-prefix-arg)))
  (previous-matching-history-element regexp (- n)))

(defun previous-complete-history-element (n) "Show the Nth older history element that starts with the text before point, point kept." (interactive "p")
  (let* ((start (minibuffer-prompt-end))
         (prefix (buffer-substring start (point)))
         (keep (point))
         (pos (simple-history--find (lambda (s) (string-prefix-p prefix s)) n)))
    (goto-history-element pos)
    (goto-char keep)))

(defun next-complete-history-element (n) "Show the Nth more recent history element that starts with the text before point, point kept." (interactive "p")
  (previous-complete-history-element (- n)))

(provide 'simple-history)
;;; simple-history.el ends here
