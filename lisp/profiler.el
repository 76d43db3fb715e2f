;;; profiler.el --- run the sampling profiler and report on it  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.

;; The primitives (profiler.ts) keep logs: tables from a backtrace vector,
;; innermost frame first and padded with nil, to a count.  A profile wraps a
;; log with its type and time; a report turns it into a call tree in a buffer
;; whose lines each show a count, its share and a function.

(require 'cl-lib)

(defgroup profiler nil "The sampling profiler." :group 'lisp)
(defvar profiler-version "28.1" "The version written into saved profiles.")
(defvar profiler-sampling-interval 1000000 "Nanoseconds between two samples of the CPU profiler.")
(defvar profiler-report-closed-mark "+" "Mark of an entry whose children are hidden.")
(defvar profiler-report-open-mark "-" "Mark of an entry whose children are shown.")
(defvar profiler-report-leaf-mark " " "Mark of an entry without children.")
(defvar profiler-cpu-log nil "Unused; kept for programs that test it.")
(defvar profiler-memory-log nil "Unused; kept for programs that test it.")
(defvar-local profiler-report-profile nil "The profile the current report buffer shows.")
(defvar-local profiler-report-reversed nil "Non-nil when the report shows callees at the top.")
(defvar-local profiler-report-order nil "How the report sorts entries: nil or `descending', or `ascending'.")

;;;; Profiles

(cl-defstruct (profiler-profile (:type vector) :named
                                (:constructor profiler-make-profile
                                              (&key type log timestamp diff-p
                                                    (version profiler-version))))
  "A profile: what `profiler-report' shows."
  version type log timestamp diff-p)

(defun profiler-ensure-string (object) "OBJECT as a string: itself, a symbol's name, or its printed form."
  (cond ((stringp object) object)
        ((symbolp object) (symbol-name object))
        (t (format "%s" object))))

(defun profiler-format-number (number) "NUMBER with commas between its groups of three digits."
  (let* ((digits (number-to-string number))
         (neg (string-prefix-p "-" digits))
         (s (if neg (substring digits 1) digits))
         (out ""))
    (while (> (length s) 3)
      (setq out (concat "," (substring s -3) out)
            s (substring s 0 -3)))
    (concat (if neg "-" "") s out)))

(defun profiler-format-percent (number divisor) "NUMBER as a whole percentage of DIVISOR, with a % sign."
  (format "%d%%" (floor (* 100.0 number) divisor)))

(defun profiler-cpu-profile () "Take the CPU profiler's log as a profile, or nil when it has none."
  (let ((log (ignore-errors (profiler-cpu-log))))
    (and log (profiler-make-profile :type 'cpu :log log :timestamp (current-time)))))

(defun profiler-memory-profile () "Take the memory profiler's log as a profile, or nil when it has none."
  (let ((log (profiler-memory-log)))
    (and log (profiler-make-profile :type 'memory :log log :timestamp (current-time)))))

;;;; Starting and stopping

(defvar profiler--last-profiles nil "The profiles taken when the profiler last stopped, (CPU . MEMORY).")

(defun profiler-running-p (&optional mode) "Tell whether a profiler of MODE (`cpu', `mem', `cpu+mem' or nil for either) runs."
  (pcase mode
    ('cpu (profiler-cpu-running-p))
    ('mem (profiler-memory-running-p))
    (_ (or (profiler-cpu-running-p) (profiler-memory-running-p)))))

(defun profiler-start (mode) "Start profiling in MODE: `cpu', `mem' or `cpu+mem'; give the message shown."
  (interactive (list (intern (completing-read "Mode (default cpu): " '("cpu" "mem" "cpu+mem")
                                              nil t nil nil "cpu"))))
  (unless (memq mode '(cpu mem cpu+mem))
    (error "cl-ecase failed: %s, %s" mode '(cpu mem cpu+mem)))
  (when (memq mode '(cpu cpu+mem)) (profiler-cpu-start profiler-sampling-interval))
  (when (memq mode '(mem cpu+mem)) (profiler-memory-start))
  (message "%s profiler started"
           (pcase mode ('cpu "CPU") ('mem "Memory") (_ "CPU and memory"))))

(defun profiler-stop () "Stop the profilers that run; give the message shown."
  (interactive)
  (let* ((cpu (profiler-cpu-stop))
         (mem (profiler-memory-stop))
         (what (cond ((and cpu mem) "CPU and memory")
                     (cpu "CPU")
                     (mem "Memory"))))
    (message (if what (format "%s profiler stopped" what) "No profiler stopped"))))

(defun profiler-reset () "Stop the profilers and forget what they recorded."
  (interactive)
  (profiler-cpu-stop)
  (profiler-memory-stop)
  (ignore-errors (profiler-cpu-log))
  (profiler-memory-log)
  (setq profiler--last-profiles nil)
  t)

;;;; Call trees

(cl-defstruct (profiler-calltree (:constructor profiler-make-calltree))
  "A node of a call tree: a function, its count and share, its parent and children."
  entry (count 0) (count-percent "") parent children)

(defun profiler-calltree-leaf-p (tree) "Tell whether TREE has no children."
  (not (profiler-calltree-children tree)))

(defun profiler-calltree-find (tree entry) "The child of TREE for ENTRY, or nil."
  (seq-find (lambda (kid) (equal entry (profiler-calltree-entry kid)))
            (profiler-calltree-children tree)))

(defun profiler-calltree-depth (tree) "How many parents TREE has above it."
  (if (profiler-calltree-parent tree)
      (1+ (profiler-calltree-depth (profiler-calltree-parent tree)))
    0))

(defun profiler-calltree-walk (tree function) "Call FUNCTION on TREE and each node below it, parents first."
  (let ((todo (list tree)))
    (while todo
      (let ((node (pop todo)))
        (funcall function node)
        (setq todo (append (profiler-calltree-children node) todo))))))

(defun profiler-calltree-count< (a b) "Tell whether node A's count is below node B's."
  (< (profiler-calltree-count a) (profiler-calltree-count b)))

(defun profiler-calltree-count> (a b) "Tell whether node A's count is above node B's."
  (profiler-calltree-count< b a))

(defun profiler-calltree-sort (tree predicate) "Sort the children of TREE and of every node below it by PREDICATE."
  (profiler-calltree-walk
   tree (lambda (node) (setf (profiler-calltree-children node)
                             (sort (profiler-calltree-children node) predicate)))))

(defun profiler--frames (backtrace reverse) "The frames of BACKTRACE, outermost first (innermost first when REVERSE); a full one starts with `...'."
  (let ((frames (delq nil (append backtrace nil))))
    (cond (reverse frames)
          ((< (length frames) (length backtrace)) (nreverse frames))
          (t (cons '... (nreverse frames))))))

(defun profiler--adopt (node entry) "Give NODE a new last child for ENTRY and return it."
  (let ((kid (profiler-make-calltree :entry entry :parent node)))
    (setf (profiler-calltree-children node) (nconc (profiler-calltree-children node) (list kid)))
    kid))

(defun profiler--graft (node frames count) "Add COUNT to NODE and along the path FRAMES below it."
  (cl-incf (profiler-calltree-count node) count)
  (when frames
    (profiler--graft (or (profiler-calltree-find node (car frames))
                         (profiler--adopt node (car frames)))
                     (cdr frames) count)))

(defun profiler-calltree-build (log &rest keys) "The call tree of LOG; callees at the top when KEYS has a non-nil :reverse."
  (let* ((reverse (plist-get keys :reverse))
         (root (profiler-make-calltree)))
    ;; Callers first, the tree always has a `...' node for the backtraces cut off.
    (unless reverse (profiler--adopt root '...))
    (maphash (lambda (bt n) (profiler--graft root (profiler--frames bt reverse) n)) log)
    (profiler-calltree-compute-percentages root)
    ;; The root stands for no function: it reports nothing itself.
    (setf (profiler-calltree-count root) 0
          (profiler-calltree-count-percent root) "0%")
    root))

(defun profiler-calltree-compute-percentages (tree) "Fill in each node's share of TREE's total count."
  (let ((sum (profiler-calltree-count tree)))
    (profiler-calltree-walk
     tree (lambda (node)
            (setf (profiler-calltree-count-percent node)
                  (if (> sum 0) (profiler-format-percent (profiler-calltree-count node) sum) "0%"))))))

;;;; Reports

(defun profiler-format-entry (entry) "The name a report shows for ENTRY."
  (cond ((memq (car-safe entry) '(closure lambda)) (format "%S" entry))
        ((byte-code-function-p entry) "#<compiled>")
        ((or (symbolp entry) (stringp entry)) (profiler-ensure-string entry))
        (t (format "#<unknown 0x%x>" (sxhash-eq entry)))))

(defun profiler-report-make-buffer-name (profile) "The name of the report buffer for PROFILE."
  (concat "*" (if (eq (profiler-profile-type profile) 'cpu) "CPU" "Memory")
          "-Profiler-Report "
          (format-time-string "%F %T" (profiler-profile-timestamp profile)) "*"))

(defvar profiler-report-mode-map
  (let ((map (make-sparse-keymap)))
    (dolist (binding '(("n" . profiler-report-next-entry) ("p" . profiler-report-previous-entry)
                       ("\C-m" . profiler-report-toggle-entry) ("\t" . profiler-report-toggle-entry)
                       ("i" . profiler-report-toggle-entry) ("B" . profiler-report-render-reversed-calltree)
                       ("C" . profiler-report-render-calltree) ("A" . profiler-report-ascending-sort)
                       ("D" . profiler-report-descending-sort)))
      (define-key map (car binding) (cdr binding)))
    map)
  "Keys of report buffers.")

(define-derived-mode profiler-report-mode special-mode "Profiler-Report" "Mode of the buffers that show profiler reports."
  (setq-local truncate-lines t))

(defvar-local profiler-report--open nil "The nodes whose children the report shows.")

(defun profiler-report--open-p (tree) "Tell whether TREE's children are shown."
  (and (memq tree profiler-report--open) t))

(defun profiler--memory-report-p () "Tell whether the current report counts bytes."
  (eq (profiler-profile-type profiler-report-profile) 'memory))

(defun profiler-report--line (tree) "The report line of node TREE, with its newline."
  (let ((n (profiler-calltree-count tree)))
    (propertize
     (concat (if (profiler--memory-report-p)
                 (format "%15s" (profiler-format-number n))
               (format "%12d" n))
             (format "%5s" (profiler-calltree-count-percent tree))
             (make-string (profiler-calltree-depth tree) ?\s)
             (cond ((profiler-calltree-leaf-p tree) profiler-report-leaf-mark)
                   ((profiler-report--open-p tree) profiler-report-open-mark)
                   (t profiler-report-closed-mark))
             " " (profiler-format-entry (profiler-calltree-entry tree)) "\n")
     'calltree tree)))

(defvar-local profiler-report--tree nil "The call tree the report shows.")

(defun profiler-report-render-calltree-1 (profile &rest keys) "Show PROFILE's call tree in the current buffer; KEYS :reverse and :order."
  (let ((tree (profiler-calltree-build (profiler-profile-log profile)
                                       :reverse (plist-get keys :reverse)))
        (inhibit-read-only t))
    (profiler-calltree-sort tree (if (eq (plist-get keys :order) 'ascending)
                                     #'profiler-calltree-count< #'profiler-calltree-count>))
    (setq profiler-report--tree tree
          profiler-report--open nil)
    (erase-buffer)
    (mapc (lambda (top) (insert (profiler-report--line top))) (profiler-calltree-children tree))
    (goto-char (point-min))))

(defun profiler-report-rerender-calltree () "Show the report's call tree again, as its settings say."
  (profiler-report-render-calltree-1 profiler-report-profile
                                     :reverse profiler-report-reversed :order profiler-report-order))

(defun profiler-report-setup-buffer (profile) "Make PROFILE's report buffer and give it."
  (with-current-buffer (get-buffer-create (profiler-report-make-buffer-name profile))
    (profiler-report-mode)
    (setq-local profiler-report-profile profile)
    (setq-local profiler-report-order 'descending)
    (profiler-report-rerender-calltree)
    (current-buffer)))

(defun profiler-report-profile (profile) "Show PROFILE's report in the selected window; give its buffer."
  (switch-to-buffer (profiler-report-setup-buffer profile)))

(defun profiler-report () "Report on what the profilers recorded since the last report." (interactive)
  (let ((taken (cons (profiler-cpu-profile) (profiler-memory-profile))))
    (cond ((or (car taken) (cdr taken)) (setq profiler--last-profiles taken))
          ((null profiler--last-profiles) (user-error "No profiler run recorded")))
    (dolist (p (list (car profiler--last-profiles) (cdr profiler--last-profiles)))
      (when p (profiler-report-profile p)))))

(defun profiler-report-calltree-at-point (&optional point) "The call tree node of the line at POINT (default point)."
  (get-text-property (or point (point)) 'calltree))

(defun profiler-report-move-to-entry () "Move to the function name of the current line."
  (let ((node (profiler-report-calltree-at-point (line-beginning-position))))
    (when node
      (goto-char (+ (line-beginning-position) (if (profiler--memory-report-p) 20 17)
                    (profiler-calltree-depth node) 2)))))

(defun profiler--step-line (lines) "Move LINES lines and onto that line's entry."
  (forward-line lines)
  (profiler-report-move-to-entry))

(defun profiler-report-next-entry () "Move to the next line's entry." (interactive) (profiler--step-line 1))
(defun profiler-report-previous-entry () "Move to the previous line's entry." (interactive) (profiler--step-line -1))

(defun profiler--below-end () "Where the lines below the current one that are deeper than it end."
  (let ((depth (profiler-calltree-depth (profiler-report-calltree-at-point (line-beginning-position)))))
    (save-excursion
      (forward-line 1)
      (while (let ((n (profiler-report-calltree-at-point)))
               (and n (< depth (profiler-calltree-depth n))))
        (forward-line 1))
      (point))))

(defun profiler--replace-line (tree) "Draw TREE's line again in place of the current one, point at its start."
  (let ((inhibit-read-only t)
        (bol (line-beginning-position)))
    (delete-region bol (line-beginning-position 2))
    (goto-char bol)
    (insert (profiler-report--line tree))
    (goto-char bol)))

(defun profiler--show-kids (tree deep) "Insert at point the lines of TREE's children; all below when DEEP."
  (setq profiler-report--open (cons tree profiler-report--open))
  (dolist (kid (profiler-calltree-children tree))
    (insert (profiler-report--line kid))
    (and deep (profiler-calltree-children kid) (profiler--show-kids kid t))))

(defun profiler-report-expand-entry (&optional full) "Show the children of the entry at point, all levels below when FULL." (interactive "P")
  (let ((node (profiler-report-calltree-at-point)))
    (unless (or (null node) (profiler-calltree-leaf-p node) (profiler-report--open-p node))
      (save-excursion
        (setq profiler-report--open (cons node profiler-report--open))
        (profiler--replace-line node)
        (setq profiler-report--open (remq node profiler-report--open))
        (let ((inhibit-read-only t))
          (forward-line 1)
          (profiler--show-kids node full)))
      t)))

(defun profiler-report-collapse-entry () "Hide the children of the entry at point." (interactive)
  (let ((node (profiler-report-calltree-at-point)))
    (when (and node (profiler-report--open-p node))
      (save-excursion
        (let ((inhibit-read-only t)
              (gone (profiler--below-end)))
          (setq profiler-report--open
                (seq-remove (lambda (n) (let ((up n)) (while (and up (not (eq up node))) (setq up (profiler-calltree-parent up))) up))
                            profiler-report--open))
          (delete-region (line-beginning-position 2) gone)
          (profiler--replace-line node)))
      t)))

(defun profiler-report-toggle-entry (&optional arg) "Show or hide the children of the entry at point; with ARG, all levels." (interactive "P")
  (let ((node (profiler-report-calltree-at-point)))
    (if (and node (profiler-report--open-p node))
        (profiler-report-collapse-entry)
      (profiler-report-expand-entry arg))))

(defun profiler--view (reversed order) "Show the report with REVERSED and ORDER as its settings."
  (setq profiler-report-reversed reversed
        profiler-report-order order)
  (profiler-report-rerender-calltree))

(defun profiler-report-render-calltree () "Show the call tree with callers at the top." (interactive)
  (profiler--view nil profiler-report-order))
(defun profiler-report-render-reversed-calltree () "Show the call tree with callees at the top." (interactive)
  (profiler--view t profiler-report-order))
(defun profiler-report-ascending-sort () "Sort the report's entries by ascending count." (interactive)
  (profiler--view profiler-report-reversed 'ascending))
(defun profiler-report-descending-sort () "Sort the report's entries by descending count." (interactive)
  (profiler--view profiler-report-reversed 'descending))

;;;; Saving profiles

(defun profiler-write-profile (profile filename &optional confirm) "Write PROFILE to FILENAME, readably; with CONFIRM, ask before replacing a file."
  (when (and confirm (file-exists-p filename)
             (not (y-or-n-p (format "File `%s' exists; overwrite? " filename))))
    (user-error "Canceled"))
  (let ((text (let ((print-length nil) (print-level nil)) (prin1-to-string profile))))
    (with-temp-file filename (insert text))))

(defun profiler-read-profile (filename) "Read a profile written by `profiler-write-profile' from FILENAME."
  (car (read-from-string (with-temp-buffer (insert-file-contents filename) (buffer-string)))))

(defun profiler--profile-file (prompt) "Read a profile's file name with PROMPT, as a one-element list for `interactive'."
  (list (read-file-name prompt default-directory)))

(defun profiler-report-write-profile (filename &optional confirm) "Write the report's profile to FILENAME." (interactive (profiler--profile-file "Write profile: "))
  (profiler-write-profile profiler-report-profile filename confirm))

(defun profiler-find-profile (filename) "Show the report of the profile saved in FILENAME." (interactive (profiler--profile-file "Find profile: "))
  (let ((profile (profiler-read-profile filename)))
    (profiler-report-profile profile)))

(defun profiler-find-profile-other-window (filename) "Show the report of the profile saved in FILENAME (in batch, as `profiler-find-profile')." (interactive (profiler--profile-file "Find profile: "))
  (profiler-find-profile filename))

(defun profiler-find-profile-other-frame (filename) "Show the report of the profile saved in FILENAME (in batch, as `profiler-find-profile')." (interactive (profiler--profile-file "Find profile: "))
  (profiler-find-profile filename))

(provide 'profiler)
;;; profiler.el ends here
