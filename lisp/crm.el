;;; crm.el --- read several strings with completion, separated by commas  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; `completing-read-multiple' reads one line of elements separated by
;; matches of `crm-separator' and gives them as a list.  While reading, the
;; completion commands work on the element around point: the collection is
;; wrapped in a table that completes only the text after the last separator.

(defvar crm-default-separator "[ \t]*,[ \t]*" "The regexp `crm-separator' starts as: a comma, with blanks around it.")

(defvar crm-separator crm-default-separator "The regexp that separates the elements `completing-read-multiple' reads.")

(defvar crm-completion-table nil "The collection the element being read is completed against (bound while reading).")

(defun crm--keymap (parent remaps) "A keymap under PARENT where each command of REMAPS, (OLD . NEW) pairs, is replaced by NEW."
  (let ((km (make-sparse-keymap)))
    (set-keymap-parent km parent)
    (pcase-dolist (`(,old . ,new) remaps)
      (define-key km (vector 'remap old) new))
    km))

(defconst crm--element-commands
  '((minibuffer-complete . crm-complete) (minibuffer-complete-word . crm-complete-word)
    (minibuffer-completion-help . crm-completion-help))
  "The completion commands that `completing-read-multiple' replaces by ones acting on one element.")

(defvar crm-local-completion-map (crm--keymap minibuffer-local-completion-map crm--element-commands)
  "The minibuffer map of `completing-read-multiple' when any element is accepted.")

(defvar crm-local-must-match-map
  (crm--keymap minibuffer-local-must-match-map
               (append crm--element-commands '((minibuffer-complete-and-exit . crm-complete-and-exit))))
  "The minibuffer map of `completing-read-multiple' when each element must match.")

(defun crm--collection-fn (string predicate flag) "Complete the last element of STRING against `crm-completion-table'.
PREDICATE and FLAG are as for `all-completions' and its kin: the text
before the last separator is kept as it is in what is given back."
  (let ((start 0))
    ;; START: where the last element begins.
    (while (string-match crm-separator string start) (setq start (match-end 0)))
    (let ((head (substring string 0 start))
          (tail (substring string start)))
      (pcase flag
        ('nil (let ((r (try-completion tail crm-completion-table predicate)))
                (if (stringp r) (concat head r) r)))
        (`(boundaries . ,suffix)
         (let ((b (completion-boundaries tail crm-completion-table predicate suffix)))
           (cons 'boundaries (cons (+ start (car b)) (cdr b)))))
        ;; The list of completions, the test of a match and the metadata
        ;; are the table's own.
        (_ (complete-with-action flag crm-completion-table tail predicate))))))

(defun crm--current-element () "Give (START . END) of the element around point in the minibuffer.
The element runs from the end of the separator found searching back
from point to the start of the one found searching forward."
  (let ((here (point))
        (floor (minibuffer-prompt-end))
        from)
    (unwind-protect
        (progn
          (setq from (if (re-search-backward crm-separator floor t) (match-end 0) floor))
          (goto-char here)
          (cons from (if (re-search-forward crm-separator nil t) (match-beginning 0) (point-max))))
      (goto-char here))))

(defmacro crm--completion-command (beg end &rest body) "Run BODY with BEG and END bound to the bounds of the element at point."
  (declare (indent 2))
  (let ((whole 'crm--boundaries))
    (cons 'let* (cons (list (list whole '(crm--current-element))
                            (list beg (list 'car whole))
                            (list end (list 'cdr whole)))
                      body))))

(defun crm--in-element (from to fn) "Call FN with the minibuffer narrowed to FROM..TO, completing against the element's table."
  (let ((minibuffer-completion-table crm-completion-table))
    (save-restriction (narrow-to-region from to) (funcall fn))))

(defun crm-complete () "Complete the element at point, as `minibuffer-complete' completes the whole input."
  (interactive)
  (crm--completion-command from to
    (completion-in-region from to crm-completion-table minibuffer-completion-predicate)))

(defun crm-complete-word () "Complete the element at point by at most one word."
  (interactive)
  (crm--completion-command from to (crm--in-element from to #'minibuffer-complete-word)))

(defun crm-completion-help () "List the completions of the element at point."
  (interactive)
  (crm--completion-command from to (crm--in-element from to #'minibuffer-completion-help)))

(defun crm-complete-and-exit () "End the reading when each element is a complete match; else complete the first that is not."
  (interactive)
  (let* ((floor (minibuffer-prompt-end))
         (text (buffer-substring-no-properties floor (point-max)))
         (at 0)
         (bad nil))
    (while (and (not bad) at)
      (let* ((sep (string-match crm-separator text at))
             (elt (substring text at sep)))
        (unless (or (equal elt "")
                    (test-completion elt crm-completion-table minibuffer-completion-predicate))
          (setq bad (+ floor (or sep (length text)))))
        (setq at (and sep (< (match-end 0) (length text)) (match-end 0)))))
    (if (not bad)
        (exit-minibuffer)
      (goto-char bad)
      (crm-complete))))

(defun crm--choose-completion-string (choice buffer base-position &rest _) "Put CHOICE, picked from *Completions*, in place of the element being read in BUFFER.
BASE-POSITION is (START . END) of the text replaced."
  (with-current-buffer buffer
    (let* ((here (crm--current-element))
           (from (or (car-safe base-position) (car here))))
      (delete-region from (cdr here))
      (save-excursion (goto-char from) (insert choice))
      (goto-char (+ from (length choice)))
      t)))

(defun completing-read-multiple (prompt table &optional predicate require-match initial-input hist def inherit-input-method) "Read a list of strings in the minibuffer, completing each against TABLE.
The elements are typed on one line, separated by matches of
`crm-separator' (by default a comma with blanks around it); empty ones
are dropped.  An empty input reads DEF when it is a string (split the
same way) or a list of strings (its first).  The other arguments are
as for `completing-read'.  Give the list of the elements read."
  (let ((typed (let ((crm-completion-table table)
                     (minibuffer-completion-table #'crm--collection-fn)
                     (minibuffer-completion-confirm (and (not (eq require-match t)) require-match))
                     (minibuffer-completion-predicate predicate))
                 (read-from-minibuffer prompt initial-input
                                       (if require-match crm-local-must-match-map crm-local-completion-map)
                                       nil hist def inherit-input-method))))
    (split-string (if (and def (string= typed "")) (if (consp def) (car def) def) typed)
                  crm-separator t)))

(provide 'crm)
