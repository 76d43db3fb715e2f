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
  (null (profiler-calltree-children tree)))

(defun profiler-calltree-find (tree entry) "The child of TREE for ENTRY, or nil."
  (cl-find entry (profiler-calltree-children tree) :key #'profiler-calltree-entry :test #'equal))

(defun profiler-calltree-depth (tree) "How many parents TREE has above it."
  (let ((n 0))
    (while (setq tree (profiler-calltree-parent tree)) (setq n (1+ n)))
    n))

(defun profiler-calltree-walk (tree function) "Call FUNCTION on TREE and each node below it, parents first."
  (funcall function tree)
  (dolist (c (profiler-calltree-children tree)) (profiler-calltree-walk c function)))

(defun profiler-calltree-count< (a b) "Tell whether node A's count is below node B's."
  (< (profiler-calltree-count a) (profiler-calltree-count b)))

(defun profiler-calltree-count> (a b) "Tell whether node A's count is above node B's."
  (> (profiler-calltree-count a) (profiler-calltree-count b)))

(defun profiler-calltree-sort (tree predicate) "Sort the children of TREE and of every node below it by PREDICATE."
  (setf (profiler-calltree-children tree) (sort (profiler-calltree-children tree) predicate))
  (dolist (c (profiler-calltree-children tree)) (profiler-calltree-sort c predicate)))

(defun profiler--frames (backtrace reverse) "The frames of BACKTRACE, outermost first (innermost first when REVERSE); a full one starts with `...'."
  (let* ((frames (cl-remove nil (append backtrace nil)))
         (full (= (length frames) (length backtrace))))
    (cond (reverse frames)
          (full (cons '... (reverse frames)))
          (t (reverse frames)))))

(defun profiler-calltree-build (log &rest keys) "The call tree of LOG; callees at the top when KEYS has a non-nil :reverse."
  (let ((root (profiler-make-calltree))
        (reverse (plist-get keys :reverse)))
    ;; Callers first, the tree always has a `...' node for the backtraces cut off.
    (unless reverse
      (push (profiler-make-calltree :entry '... :parent root) (profiler-calltree-children root)))
    (maphash
     (lambda (backtrace count)
       (let ((node root))
         (cl-incf (profiler-calltree-count node) count)
         (dolist (f (profiler--frames backtrace reverse))
           (let ((child (profiler-calltree-find node f)))
             (unless child
               (setq child (profiler-make-calltree :entry f :parent node))
               (push child (profiler-calltree-children node)))
             (cl-incf (profiler-calltree-count child) count)
             (setq node child)))))
     log)
    (profiler-calltree-walk root (lambda (n) (setf (profiler-calltree-children n)
                                                   (nreverse (profiler-calltree-children n)))))
    (profiler-calltree-compute-percentages root)
    ;; The root stands for no function: it reports nothing itself.
    (setf (profiler-calltree-count root) 0 (profiler-calltree-count-percent root) "0%")
    root))

(defun profiler-calltree-compute-percentages (tree) "Fill in each node's share of TREE's total count."
  (let ((total (profiler-calltree-count tree)))
    (profiler-calltree-walk
     tree (lambda (n) (setf (profiler-calltree-count-percent n)
                            (if (zerop total) "0%"
                              (profiler-format-percent (profiler-calltree-count n) total)))))))

;;;; Reports

(defun profiler-format-entry (entry) "The name a report shows for ENTRY."
  (cond ((memq (car-safe entry) '(closure lambda)) (format "%S" entry))
        ((byte-code-function-p entry) "#<compiled>")
        ((or (symbolp entry) (stringp entry)) (profiler-ensure-string entry))
        (t (format "#<unknown 0x%x>" (sxhash-eq entry)))))

(defun profiler-report-make-buffer-name (profile) "The name of the report buffer for PROFILE."
  (format "*%s-Profiler-Report %s*"
          (pcase (profiler-profile-type profile) ('cpu "CPU") (_ "Memory"))
          (format-time-string "%Y-%m-%d %T" (profiler-profile-timestamp profile))))

(defvar profiler-report-mode-map (make-sparse-keymap) "Keys of report buffers.")
(define-key profiler-report-mode-map "n" #'profiler-report-next-entry)
(define-key profiler-report-mode-map "p" #'profiler-report-previous-entry)
(define-key profiler-report-mode-map "\C-m" #'profiler-report-toggle-entry)
(define-key profiler-report-mode-map "\t" #'profiler-report-toggle-entry)
(define-key profiler-report-mode-map "i" #'profiler-report-toggle-entry)
(define-key profiler-report-mode-map "B" #'profiler-report-render-reversed-calltree)
(define-key profiler-report-mode-map "C" #'profiler-report-render-calltree)
(define-key profiler-report-mode-map "A" #'profiler-report-ascending-sort)
(define-key profiler-report-mode-map "D" #'profiler-report-descending-sort)

(define-derived-mode profiler-report-mode special-mode "Profiler-Report" "Mode of the buffers that show profiler reports."
  (setq truncate-lines t))

(defun profiler-report--line (tree) "The report line of node TREE, with its newline."
  (let* ((memory (eq (profiler-profile-type profiler-report-profile) 'memory))
         (count (profiler-calltree-count tree))
         (mark (cond ((profiler-calltree-leaf-p tree) profiler-report-leaf-mark)
                     ((profiler-report--open-p tree) profiler-report-open-mark)
                     (t profiler-report-closed-mark))))
    (propertize
     (concat (format (if memory "%15s%5s" "%12s%5s")
                     (if memory (profiler-format-number count) (number-to-string count))
                     (profiler-calltree-count-percent tree))
             " " (make-string (1- (profiler-calltree-depth tree)) ?\s)
             mark " " (profiler-format-entry (profiler-calltree-entry tree)) "\n")
     'calltree tree)))

(defvar-local profiler-report--open nil "The nodes whose children the report shows.")
(defun profiler-report--open-p (tree) "Tell whether TREE's children are shown."
  (memq tree profiler-report--open))

(defvar-local profiler-report--tree nil "The call tree the report shows.")

(defun profiler-report-render-calltree-1 (profile &rest keys) "Show PROFILE's call tree in the current buffer; KEYS :reverse and :order."
  (let ((inhibit-read-only t))
    (setq profiler-report--tree
          (profiler-calltree-build (profiler-profile-log profile) :reverse (plist-get keys :reverse)))
    (profiler-calltree-sort profiler-report--tree
                            (if (eq (plist-get keys :order) 'ascending)
                                #'profiler-calltree-count< #'profiler-calltree-count>))
    (setq profiler-report--open nil)
    (erase-buffer)
    (dolist (c (profiler-calltree-children profiler-report--tree))
      (insert (profiler-report--line c)))
    (goto-char (point-min))))

(defun profiler-report-rerender-calltree () "Show the report's call tree again, as its settings say."
  (profiler-report-render-calltree-1 profiler-report-profile
                                     :reverse profiler-report-reversed :order profiler-report-order))

(defun profiler-report-setup-buffer (profile) "Make PROFILE's report buffer and give it."
  (let ((buf (get-buffer-create (profiler-report-make-buffer-name profile))))
    (with-current-buffer buf
      (profiler-report-mode)
      (setq profiler-report-profile profile
            profiler-report-reversed nil
            profiler-report-order 'descending)
      (profiler-report-rerender-calltree))
    buf))

(defun profiler-report-profile (profile) "Show PROFILE's report; give its buffer."
  (let ((buf (profiler-report-setup-buffer profile)))
    (set-buffer buf)
    buf))

(defun profiler-report () "Report on what the profilers recorded since the last report."
  (interactive)
  (let ((cpu (profiler-cpu-profile))
        (mem (profiler-memory-profile)))
    (if (or cpu mem)
        (setq profiler--last-profiles (cons cpu mem))
      (unless profiler--last-profiles (user-error "No profiler run recorded"))
      (setq cpu (car profiler--last-profiles) mem (cdr profiler--last-profiles)))
    (let (buf)
      (when cpu (setq buf (profiler-report-profile cpu)))
      (when mem (setq buf (profiler-report-profile mem)))
      buf)))

(defun profiler-report-calltree-at-point (&optional point) "The call tree node of the line at POINT (default point)."
  (get-text-property (or point (point)) 'calltree))

(defun profiler-report-move-to-entry () "Move to the function name of the current line."
  (beginning-of-line)
  (let ((tree (profiler-report-calltree-at-point)))
    (when tree
      (forward-char (+ (if (eq (profiler-profile-type profiler-report-profile) 'memory) 20 17)
                       (profiler-calltree-depth tree) 2))
      (point))))

(defun profiler-report-next-entry () "Move to the next line's entry."
  (interactive)
  (forward-line 1)
  (profiler-report-move-to-entry))

(defun profiler-report-previous-entry () "Move to the previous line's entry."
  (interactive)
  (forward-line -1)
  (profiler-report-move-to-entry))

(defun profiler-report--insert-children (tree all) "Insert the lines of TREE's children after point; below them too when ALL."
  (push tree profiler-report--open)
  (dolist (c (profiler-calltree-children tree))
    (insert (profiler-report--line c))
    (when (and all (not (profiler-calltree-leaf-p c)))
      (profiler-report--insert-children c t))))

(defun profiler-report--redraw-line (tree) "Redraw the line of TREE, point on it."
  (let ((inhibit-read-only t))
    (delete-region (line-beginning-position) (line-beginning-position 2))
    (insert (profiler-report--line tree))
    (forward-line -1)))

(defun profiler-report-expand-entry (&optional full) "Show the children of the entry at point, all levels below when FULL."
  (interactive "P")
  (let ((tree (profiler-report-calltree-at-point)))
    (when (and tree (not (profiler-calltree-leaf-p tree)) (not (profiler-report--open-p tree)))
      (let ((inhibit-read-only t))
        (save-excursion
          (push tree profiler-report--open)
          (profiler-report--redraw-line tree)
          (forward-line 1)
          (setq profiler-report--open (delq tree profiler-report--open))
          (profiler-report--insert-children tree full)))
      t)))

(defun profiler-report-collapse-entry () "Hide the children of the entry at point."
  (interactive)
  (let ((tree (profiler-report-calltree-at-point)))
    (when (and tree (profiler-report--open-p tree))
      (let ((inhibit-read-only t)
            (depth (profiler-calltree-depth tree)))
        (save-excursion
          (setq profiler-report--open (delq tree profiler-report--open))
          (profiler-report--redraw-line tree)
          (forward-line 1)
          (let ((start (point)))
            (while (let ((n (profiler-report-calltree-at-point)))
                     (and n (> (profiler-calltree-depth n) depth)))
              (setq profiler-report--open (delq (profiler-report-calltree-at-point) profiler-report--open))
              (forward-line 1))
            (delete-region start (point)))))
      t)))

(defun profiler-report-toggle-entry (&optional arg) "Show or hide the children of the entry at point; with ARG, all levels."
  (interactive "P")
  (or (profiler-report-expand-entry arg) (profiler-report-collapse-entry)))

(defun profiler-report-render-calltree () "Show the call tree with callers at the top."
  (interactive)
  (setq profiler-report-reversed nil)
  (profiler-report-rerender-calltree))

(defun profiler-report-render-reversed-calltree () "Show the call tree with callees at the top."
  (interactive)
  (setq profiler-report-reversed t)
  (profiler-report-rerender-calltree))

(defun profiler-report-ascending-sort () "Sort the report's entries by ascending count."
  (interactive)
  (setq profiler-report-order 'ascending)
  (profiler-report-rerender-calltree))

(defun profiler-report-descending-sort () "Sort the report's entries by descending count."
  (interactive)
  (setq profiler-report-order 'descending)
  (profiler-report-rerender-calltree))

;;;; Saving profiles

(defun profiler-write-profile (profile filename &optional confirm) "Write PROFILE to FILENAME, readably; CONFIRM as `write-file''s."
  (with-temp-buffer
    (let ((print-length nil) (print-level nil))
      (prin1 profile (current-buffer)))
    (write-file filename confirm)))

(defun profiler-read-profile (filename) "Read a profile written by `profiler-write-profile' from FILENAME."
  (with-temp-buffer
    (insert-file-contents filename)
    (goto-char (point-min))
    (read (current-buffer))))

(defun profiler-report-write-profile (filename &optional confirm) "Write the report's profile to FILENAME."
  (interactive (list (read-file-name "Write profile: " default-directory)))
  (profiler-write-profile profiler-report-profile filename confirm))

(defun profiler-find-profile (filename) "Show the report of the profile saved in FILENAME."
  (interactive (list (read-file-name "Find profile: " default-directory)))
  (profiler-report-profile (profiler-read-profile filename)))

(defun profiler-find-profile-other-window (filename) "Show the report of the profile saved in FILENAME (in batch, as `profiler-find-profile')."
  (interactive (list (read-file-name "Find profile: " default-directory)))
  (profiler-find-profile filename))

(defun profiler-find-profile-other-frame (filename) "Show the report of the profile saved in FILENAME (in batch, as `profiler-find-profile')."
  (interactive (list (read-file-name "Find profile: " default-directory)))
  (profiler-find-profile filename))

(provide 'profiler)
;;; profiler.el ends here
