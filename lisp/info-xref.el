;;; info-xref.el --- checking the cross-references of Info manuals  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; Every "*Note ... (MANUAL)NODE" reference in a buffer or an Info file is followed with
;; `Info-goto-node' in a scratch Info buffer: a node that is there is good, one that is not
;; is bad, a manual that cannot be found is unavailable (said once per manual).  The results
;; go to `info-xref-output-buffer', one "FILE:LINE:COLUMN: " line per problem, so that
;; compilation mode can visit them, then a count.

;;; Code:

(eval-and-compile (require 'info))

(defgroup info-xref nil "Checking the references between Info manuals." :group 'docs)

(defvar info-xref-output-buffer "*info-xref results*" "The buffer the checks report to.")

(defvar info-xref-output-heading ""
  "A line to write before the next report, naming what is checked; \"\" once written.")

(defvar info-xref-good 0 "How many references the current check found good.")
(defvar info-xref-bad 0 "How many references the current check found bad.")
(defvar info-xref-unavail 0 "How many references the current check could not check (manual not found).")

(defvar info-xref-in-progress nil "Non-nil while a check is running.")

(defvar info-xref-xfile-alist nil
  "The manuals looked for so far, as (\"(MANUAL)\" . FOUND), FOUND nil for one not there.")

(defvar info-xref-filename nil "The name the reports give for what is being checked.")

(defvar info-xref--scratch nil "The Info buffer references are followed in.")

(defmacro info-xref-with-output (&rest body) "Run BODY as a check: a fresh `info-xref-output-buffer' and counts, then the totals."
  (declare (debug t) (indent 0))
  `(progn
     (info-xref--start)
     (unwind-protect
         (progn ,@body)
       (info-xref--finish))))

(defun info-xref--start () "Begin a check: empty the output buffer, zero the counts."
  (with-current-buffer (get-buffer-create info-xref-output-buffer)
    (let ((inhibit-read-only t)) (erase-buffer)
      (insert ";; info-xref output -*- mode: compilation -*-\n\n")))
  (setq info-xref-good 0 info-xref-bad 0 info-xref-unavail 0
        info-xref-in-progress t))

(defun info-xref--finish () "End a check: report the totals and drop the scratch Info buffer."
  (setq info-xref-in-progress nil)
  (when (buffer-live-p info-xref--scratch) (kill-buffer info-xref--scratch))
  (setq info-xref--scratch nil)
  (apply #'info-xref-output "done, %d good, %d bad, %d unavailable"
         (list info-xref-good info-xref-bad info-xref-unavail)))

(defun info-xref-output (fmt &rest args) "Write the line that FMT and ARGS make (as `format') to the output buffer."
  (with-current-buffer (get-buffer-create info-xref-output-buffer)
    (save-excursion (goto-char (point-max))
      (let ((inhibit-read-only t))
        (unless (string= info-xref-output-heading "")
          (insert info-xref-output-heading "\n")
          (setq info-xref-output-heading ""))
        (insert (apply #'format fmt args) "\n")))))

(defun info-xref-output-error (fmt &rest args) "Report a problem at point: \"FILE:LINE:COLUMN: \" then FMT and ARGS."
  (info-xref-output "%s:%s:%s: %s" info-xref-filename (line-number-at-pos) (1+ (current-column))
                    (apply #'format fmt args)))

(defun info-xref-goto-node-p (node) "Non-nil when NODE, \"(MANUAL)NODE\", can be gone to."
  (unless (buffer-live-p info-xref--scratch)
    (setq info-xref--scratch (generate-new-buffer " *info-xref-scratch*")))
  (with-current-buffer info-xref--scratch
    (unless (derived-mode-p 'Info-mode) (Info-mode))
    (not (condition-case err (ignore (Info-goto-node node))
           (error err)))))

(defun info-xref--manual-present-p (manual) "Non-nil when the Info MANUAL, \"(NAME)\", can be found; remembered in `info-xref-xfile-alist'."
  (let ((known (assoc manual info-xref-xfile-alist)))
    (if known
        (cdr known)
      (let ((present (and (Info-find-file (substring manual 1 -1) t) t)))
        (push (cons manual present) info-xref-xfile-alist)
        (unless present
          (info-xref-output-error "Not available to check: %s\n    (this reported once per file)" manual))
        present))))

(defun info-xref-check-node (node) "Check the reference to NODE, \"(MANUAL)NODE\", reported at point."
  (when (string-match "\\`\\(([^)]*)\\)" node)
    (if (not (info-xref--manual-present-p (match-string 1 node)))
        (setq info-xref-unavail (1+ info-xref-unavail))
      (if (info-xref-goto-node-p node)
          (setq info-xref-good (1+ info-xref-good))
        (setq info-xref-bad (1+ info-xref-bad))
        (info-xref-output-error "No such node: %s" node)))))

(defun info-xref-check-buffer () "Check each \"*Note\" reference to another manual in this buffer."
  (let ((info-xref-filename (or info-xref-filename (buffer-file-name))))
    (save-excursion (goto-char (point-min))
      (while (re-search-forward
              "\\*[Nn]ote[ \t\n]+\\(?:[^:]*:[ \t\n]+\\)?\\((\\([^)]*\\))\\([^.,]+\\)\\)[.,]" nil t)
        (let ((node (concat "(" (match-string-no-properties 2) ")"
                            (replace-regexp-in-string
                             "::\\'" "" (replace-regexp-in-string
                                         "[ \t\n]+" " " (string-trim (match-string-no-properties 3))))))
              (after (point)))
          (goto-char (match-beginning 1))
          (info-xref-check-node node)
          (goto-char after))))))

(defun info-xref-check (filename) "Check the cross-references of the Info file FILENAME, reporting in `info-xref-output-buffer'."
  (interactive (list (read-file-name "Info file: " nil nil t)))
  (info-xref-with-output
    (let ((info-xref-filename filename)
          (info-xref-output-heading (format "Info file %s" filename)))
      (with-temp-buffer (insert-file-contents filename)
        (info-xref-check-buffer))))
  (if (called-interactively-p 'interactive) (display-buffer info-xref-output-buffer)))

(provide 'info-xref)

;;; info-xref.el ends here
