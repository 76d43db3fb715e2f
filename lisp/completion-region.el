;;; completion-region.el --- completing the text of a region of the buffer  -*- lexical-binding: t -*-

;; Part of tsmacs.  GNU keeps `completion-in-region' in minibuffer.el; here it is a file of its
;; own, loaded when first called.  Written from GNU Emacs 28.2's manual and from how GNU behaves
;; in batch: the text between START and END is completed against COLLECTION with
;; `try-completion'; a longer common part replaces it, a sole match is reported, and when there
;; is no progress to make the candidates are listed in *Completions*.

;;; Code:

(defvar completion-in-region-function #'completion--in-region
  "The function `completion-in-region' calls, with the same arguments.")

(defvar completion-in-region-mode nil "Non-nil while a completion in a region is going on.")

(defun completion-in-region (start end collection &optional predicate) "Complete the text from START to END against COLLECTION, keeping to those PREDICATE allows.
Return nil when nothing matches, else non-nil."
  (unless (<= start (point) end) (error "Point is not within the region"))
  (let ((fn completion-in-region-function)) (funcall fn start end collection predicate)))

(defun completion--list-candidates (candidates) "Show CANDIDATES, sorted, in the *Completions* buffer."
  (message "Making completion list...")
  (let ((buf (get-buffer-create "*Completions*"))
        (text (mapconcat #'identity (sort (copy-sequence candidates) #'string-lessp) "\n")))
    (with-current-buffer buf
      (setq buffer-read-only nil)
      (delete-region (point-min) (point-max))
      (insert "In this buffer, type RET to select the completion near point.\n\n"
              "Possible completions are:\n" text)
      (set-buffer-modified-p nil)
      (goto-char 1))
    (display-buffer buf)))

(defun completion--in-region (start end collection &optional predicate) "Complete from START to END against COLLECTION and PREDICATE: `completion-in-region's usual way."
  (let* ((text (buffer-substring-no-properties start end))
         (best (try-completion text collection predicate)))
    (pcase best
      ('nil (minibuffer-message "No match") nil)
      ('t (goto-char end) (minibuffer-message "Sole completion") t)
      (_
       (let ((grew (not (string= best text))))
         (if grew
             (progn (delete-region start end) (goto-char start) (insert best))
           (goto-char (+ start (length best))))
         (let ((exact (test-completion best collection predicate))
               (all (all-completions best collection predicate)))
           (if (and exact (null (cdr all)))
               (minibuffer-message "Sole completion")
             (unless grew
               (if exact (minibuffer-message "Complete, but not unique")
                 (completion--list-candidates all)))))
         t)))))

(provide 'completion-region)

;;; completion-region.el ends here
