;;; ibuf-ext.el --- Ibuffer's filters, filter groups and marking commands  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and the
;; Emacs manual's "Buffer Menus" node.  A filter is (NAME . QUALIFIER)
;; with NAME in `ibuffer-filtering-alist', or a combination: (or F...),
;; (and F...), (not . F) and (saved . "NAME") of `ibuffer-saved-filters'.
;; A filter group is (GROUP-NAME FILTER...).  Loaded by the entry points
;; ibuffer.el autoloads.

;;; Code:

(require 'ibuffer)

(let ((any-of (lambda (&rest parts) (cons 'or (mapcar (lambda (p) (cons (car p) (cadr p))) parts)))))
  (custom-declare-variable 'ibuffer-saved-filters
   `',(list (list "programming" (funcall any-of '(derived-mode prog-mode) '(mode ess-mode) '(mode compilation-mode)))
            (list "text document" (list 'and (cons 'derived-mode 'text-mode) (list 'not (list 'starred-name))))
            (list "TeX" (funcall any-of '(derived-mode tex-mode) '(mode latex-mode) '(mode context-mode)
                                 '(mode ams-tex-mode) '(mode bibtex-mode)))
            (list "web" (funcall any-of '(derived-mode sgml-mode) '(derived-mode css-mode) '(mode javascript-mode)
                                 '(mode js2-mode) '(mode scss-mode) '(derived-mode haml-mode) '(mode sass-mode)))
            (list "gnus" (funcall any-of '(mode message-mode) '(mode mail-mode) '(mode gnus-group-mode)
                                  '(mode gnus-summary-mode) '(mode gnus-article-mode))))
   "Named filters: a list of (NAME FILTER...) whose filters all apply."
   :type '(repeat sexp) :group 'ibuffer))
(dolist (opt '((ibuffer-saved-filter-groups nil (repeat sexp)
                                            "Named sets of filter groups: a list of (NAME (GROUP-NAME FILTER...)...).")
               (ibuffer-save-with-custom t boolean "Non-nil means saving filters saves them with Customize.")
               (ibuffer-show-empty-filter-groups t boolean "Non-nil means filter groups without buffers are shown.")))
  (custom-declare-variable (car opt) (nth 1 opt) (nth 3 opt) :type (nth 2 opt) :group 'ibuffer))

;;; Evaluating filters.

(defun ibuffer-unary-operand (filter) "Return what the (not ...) FILTER negates: (not F) and (not . F) both give F."
  (let ((operand (cdr filter)))
    (if (and (consp operand) (null (cdr operand)) (consp (car operand))) (car operand) operand)))

(defun ibuffer--saved (name) "The filters saved as NAME.
If there are none, drop the filters in effect and signal an error."
  (let ((entry (assoc name ibuffer-saved-filters)))
    (unless entry (ibuffer-assert-ibuffer-mode) (setq ibuffer-filtering-qualifiers nil) (error "Unknown saved filter %s" name)) (cdr entry)))

(defun ibuffer-included-in-filter-p (buf filter) "Non-nil if BUF passes FILTER."
  (let ((kind (car filter)) (rest (cdr filter)))
    (cond ((eq kind 'not) (not (ibuffer-included-in-filter-p buf (ibuffer-unary-operand filter))))
          ((eq kind 'or) (and (cl-member-if (lambda (f) (ibuffer-included-in-filter-p buf f)) rest) t))
          ((eq kind 'and) (null (cl-member-if-not (lambda (f) (ibuffer-included-in-filter-p buf f)) rest)))
          ((eq kind 'saved) (ibuffer-included-in-filters-p buf (ibuffer--saved rest)))
          (t (let ((test (nth 2 (assq kind ibuffer-filtering-alist))))
               (if test (funcall test buf rest) (error "Undefined filter %s" kind)))))))

(defun ibuffer-included-in-filters-p (buf filters) "Non-nil if BUF passes every filter of FILTERS."
  (not (cl-member-if-not (lambda (f) (ibuffer-included-in-filter-p buf f)) filters)))

(defun ibuffer-format-qualifier (qualifier) "Describe the filter QUALIFIER as \" [DESCRIPTION: VALUE]\"."
  (let ((kind (car qualifier)))
    (pcase kind
      ((or 'or 'and) (format " [%s%s]" (upcase (symbol-name kind)) (mapconcat #'ibuffer-format-qualifier (cdr qualifier) "")))
      ('not (format " [NOT%s]" (ibuffer-format-qualifier (ibuffer-unary-operand qualifier))))
      ('saved (format " [filter: %s]" (cdr qualifier)))
      (_ (format " [%s: %s]" (or (cadr (assq kind ibuffer-filtering-alist)) "") (cdr qualifier))))))

;;; The filters.

(defun ibuffer--mode-name-reader (prompt &optional every-mode) "Read a major mode's name with PROMPT, offering the modes in use.
EVERY-MODE non-nil offers every function whose name ends in -mode."
  (let* ((here (buffer-local-value 'major-mode (or (ibuffer-current-buffer) (current-buffer))))
         (choices (if every-mode
                      (let (acc)
                        (mapatoms (lambda (s) (and (fboundp s) (string-suffix-p "-mode" (symbol-name s))
                                                   (push (symbol-name s) acc))))
                        acc)
                    (delete-dups (mapcar (lambda (b) (symbol-name (buffer-local-value 'major-mode b))) (buffer-list))))))
    (intern (completing-read (format "%s (default %s): " prompt here) choices nil t nil nil (symbol-name here)))))

(defun ibuffer--visited-file (buf) "The file BUF visits, or nil."
  (buffer-local-value 'buffer-file-name buf))
(defun ibuffer--text-matches (buf regexp) "Non-nil if REGEXP matches somewhere in BUF's whole text."
  (with-current-buffer buf (save-restriction (widen) (save-excursion (goto-char (point-min)) (re-search-forward regexp nil t)))))
(defun ibuffer--read-regexp-qualifier (what) "Read the regexp a filter by WHAT uses."
  (read-from-minibuffer (format "Filter by %s: " what)))
(defun ibuffer--star-name-p (buf) "Non-nil if BUF's name is within stars, perhaps with a <N> suffix." (string-match "\\`\\*[^*]+\\*\\(?:<[[:digit:]]+>\\)?\\'" (buffer-name buf)))

;; The filters, in the order they are defined: (NAME DESCRIPTION READER TEST DOC).
(dolist (f `((mode "major mode" ,(lambda () (ibuffer--mode-name-reader "Filter by major mode"))
                   ,(lambda (buf q) (eq (buffer-local-value 'major-mode buf) q))
                   "Keep only the buffers whose major mode is QUALIFIER.")
             (used-mode "major mode in use" ,(lambda () (ibuffer--mode-name-reader "Filter by major mode"))
                        ,(lambda (buf q) (eq (buffer-local-value 'major-mode buf) q))
                        "Keep only the buffers whose major mode, chosen among those in use, is QUALIFIER.")
             (derived-mode "derived mode" ,(lambda () (ibuffer--mode-name-reader "Filter by derived mode" t))
                           ,(lambda (buf q) (with-current-buffer buf (derived-mode-p q)))
                           "Keep only the buffers whose major mode is or derives from QUALIFIER.")
             (name "buffer name" ,(lambda () (ibuffer--read-regexp-qualifier "name (regexp)"))
                   ,(lambda (buf q) (string-match q (buffer-name buf)))
                   "Keep only the buffers whose name matches the regexp QUALIFIER.")
             (process "process" ignore ,(lambda (buf _q) (get-buffer-process buf))
                      "Keep only the buffers with a process.")
             (starred-name "starred buffer name" ignore ,(lambda (buf _q) (ibuffer--star-name-p buf))
                           "Keep only the buffers named within stars, like *scratch* or *grep*<2>.")
             (filename "full file name" ,(lambda () (ibuffer--read-regexp-qualifier "full file name (regexp)"))
                       ,(lambda (buf q) (let ((f (ibuffer--file-name buf))) (and f (string-match q f))))
                       "Keep only the buffers whose file's full name matches the regexp QUALIFIER.")
             (basename "file basename" ,(lambda () (ibuffer--read-regexp-qualifier "file name, without directory part (regex)"))
                       ,(lambda (buf q) (let ((f (ibuffer--visited-file buf))) (and f (string-match q (file-name-nondirectory f)))))
                       "Keep only the buffers whose file's name, directory left out, matches the regexp QUALIFIER.")
             (file-extension "filename extension"
                             ,(lambda () (ibuffer--read-regexp-qualifier "filename extension without separator (regex)"))
                             ,(lambda (buf q) (let ((f (ibuffer--visited-file buf))) (and f (string-match q (or (file-name-extension f) "")))))
                             "Keep only the buffers whose file's extension matches the regexp QUALIFIER.")
             (directory "directory name" ,(lambda () (ibuffer--read-regexp-qualifier "directory name (regex)"))
                        ,(lambda (buf q) (let ((f (ibuffer--visited-file buf)))
                                           (string-match q (if f (file-name-directory f) (buffer-local-value 'default-directory buf)))))
                        "Keep only the buffers whose file's directory, or default directory, matches the regexp QUALIFIER.")
             (size-gt "size greater than" ,(lambda () (string-to-number (read-from-minibuffer "Filter by size greater than: ")))
                      ,(lambda (buf q) (> (buffer-size buf) q))
                      "Keep only the buffers of more than QUALIFIER characters.")
             (size-lt "size less than" ,(lambda () (string-to-number (read-from-minibuffer "Filter by size less than: ")))
                      ,(lambda (buf q) (< (buffer-size buf) q))
                      "Keep only the buffers of fewer than QUALIFIER characters.")
             (modified "modified" ignore ,(lambda (buf _q) (buffer-modified-p buf))
                       "Keep only the modified buffers.")
             (visiting-file "visiting a file" ignore ,(lambda (buf _q) (ibuffer--visited-file buf))
                            "Keep only the buffers visiting a file.")
             (content "content" ,(lambda () (ibuffer--read-regexp-qualifier "content (regexp)"))
                      ,(lambda (buf q) (ibuffer--text-matches buf q))
                      "Keep only the buffers whose text matches the regexp QUALIFIER.")
             (predicate "predicate" ,(lambda () (read-minibuffer "Filter by predicate (form): "))
                        ,(lambda (buf q) (with-current-buffer buf (eval q t)))
                        "Keep only the buffers in which the form QUALIFIER evaluates non-nil.")))
  (ibuffer--install-filter (nth 0 f) (nth 1 f) (nth 4 f) (nth 2 f) nil (nth 3 f)))

(defun ibuffer-add-filter-checked (filter description value) "Put FILTER in front of the filters in effect, then update.
Should the update fail (the filter signals an error), take FILTER back out
and signal the error again.  DESCRIPTION and VALUE make the message."
  (if (member filter ibuffer-filtering-qualifiers)
      (message "Filter by %s already applied:  %s" description value)
    (message "Filter by %s added:  %s" description value)
    (push filter ibuffer-filtering-qualifiers)
    (condition-case err (ibuffer--relist) (error (setq ibuffer-filtering-qualifiers (delete filter ibuffer-filtering-qualifiers)) (ibuffer--relist) (signal (car err) (cdr err))))))

;;; Commands on the filters in effect.

(defun ibuffer--require-filters (n what) "Signal an error unless N filters are in effect; WHAT names the need."
  (when (< (length ibuffer-filtering-qualifiers) n)
    (error (if (= n 1) "No filters in effect" "Need two filters to %s") what)))

(defun ibuffer-filter-disable (&optional delete-filter-groups) "Remove every filter in effect; with DELETE-FILTER-GROUPS, the groups too."
  (interactive "P") (setq ibuffer-filtering-qualifiers nil) (when delete-filter-groups (setq ibuffer-filter-groups nil)) (ibuffer--relist))

(defun ibuffer-pop-filter () "Remove the filter added last."
  (interactive) (ibuffer--require-filters 1 nil) (pop ibuffer-filtering-qualifiers) (ibuffer--relist))

(defun ibuffer-decompose-filter () "Replace the first filter by its parts: those of an AND, an OR or a saved filter, or the operand of a NOT."
  (interactive) (ibuffer--require-filters 1 nil)
  (let* ((f (car ibuffer-filtering-qualifiers))
         (parts (pcase (car f)
                  ((or 'or 'and) (cdr f))
                  ('saved (copy-sequence (ibuffer--saved (cdr f))))
                  ('not (list (ibuffer-unary-operand f)))
                  (name (error "Filter type %s is not compound" name)))))
    (setq ibuffer-filtering-qualifiers (append parts (cdr ibuffer-filtering-qualifiers)))) (ibuffer--relist))

(defun ibuffer-exchange-filters () "Swap the first two filters."
  (interactive) (ibuffer--require-filters 2 "exchange")
  (let ((a (pop ibuffer-filtering-qualifiers)) (b (pop ibuffer-filtering-qualifiers)))
    (setq ibuffer-filtering-qualifiers (cons b (cons a ibuffer-filtering-qualifiers)))) (ibuffer--relist))

(defun ibuffer-negate-filter () "Negate the first filter."
  (interactive) (ibuffer--require-filters 1 nil)
  (let ((f (pop ibuffer-filtering-qualifiers)))
    (push (if (eq (car f) 'not) (ibuffer-unary-operand f) (cons 'not f)) ibuffer-filtering-qualifiers)) (ibuffer--relist))

(defun ibuffer--join-filters (op decompose) "Join the first two filters with OP (`and' or `or'); or DECOMPOSE the first OP."
  (let ((word (upcase (symbol-name op))))
    (if decompose (let ((f (car ibuffer-filtering-qualifiers)))
          (unless (eq (car-safe f) op) (error "Top filter is not an %s" word))
          (setq ibuffer-filtering-qualifiers (append (cdr f) (cdr ibuffer-filtering-qualifiers))))
      (ibuffer--require-filters 2 word)
      (let* ((a (pop ibuffer-filtering-qualifiers))
             (b (pop ibuffer-filtering-qualifiers))
             (parts (lambda (f) (if (eq (car f) op) (cdr f) (list f)))))
        (push (cons op (append (funcall parts a) (funcall parts b))) ibuffer-filtering-qualifiers)))) (ibuffer--relist))

(defun ibuffer-or-filter (&optional decompose) "Replace the first two filters by their OR; with DECOMPOSE, split the first OR."
  (interactive "P") (ibuffer--join-filters 'or decompose))

(defun ibuffer-and-filter (&optional decompose) "Replace the first two filters by their AND; with DECOMPOSE, split the first AND."
  (interactive "P") (ibuffer--join-filters 'and decompose))

;;; Saved filters.

(defun ibuffer--store (var) "Keep VAR's new value: with Customize when `ibuffer-save-with-custom'."
  (when ibuffer-save-with-custom (if (fboundp 'customize-save-variable)
        (customize-save-variable var (symbol-value var))
      (message "Not saved permanently: Customize is not available"))))

(defun ibuffer-save-filters (name filters) "Save FILTERS as NAME in `ibuffer-saved-filters', replacing any of that name."
  (interactive (if (null ibuffer-filtering-qualifiers)
                   (error "No filters currently in effect") (list (read-from-minibuffer "Save current filters as: ") ibuffer-filtering-qualifiers)))
  (setq ibuffer-saved-filters (if (assoc name ibuffer-saved-filters)
            (mapcar (lambda (e) (if (equal (car e) name) (cons name filters) e)) ibuffer-saved-filters)
          (cons (cons name filters) ibuffer-saved-filters)))
  (ibuffer--store 'ibuffer-saved-filters))

(defun ibuffer--read-saved (prompt alist) "Read with PROMPT the name of an entry of ALIST."
  (unless alist (error "No saved filters"))
  (completing-read prompt alist nil t))

(defun ibuffer-delete-saved-filters (name) "Remove the saved filters NAME."
  (interactive (list (ibuffer--read-saved "Delete saved filters: " ibuffer-saved-filters)))
  (setq ibuffer-saved-filters (cl-remove name ibuffer-saved-filters :key #'car :test #'equal))
  (ibuffer--store 'ibuffer-saved-filters) (ibuffer--relist))

(defun ibuffer-add-saved-filters (name) "Add the saved filters NAME to the filters in effect."
  (interactive (list (ibuffer--read-saved "Add saved filters: " ibuffer-saved-filters)))
  (ibuffer--saved name) (push (cons 'saved name) ibuffer-filtering-qualifiers) (ibuffer--relist))

(defun ibuffer-switch-to-saved-filters (name) "Make the saved filters NAME the only filter in effect."
  (interactive (list (ibuffer--read-saved "Switch to saved filters: " ibuffer-saved-filters)))
  (ibuffer--saved name) (setq ibuffer-filtering-qualifiers (list (cons 'saved name))) (ibuffer--relist))

(defun ibuffer-filter-chosen-by-completion () "Read the name of a filter and call its command."
  (interactive) (let* ((names (mapcar (lambda (e) (cons (nth 1 e) (car e))) ibuffer-filtering-alist))
         (pick (cdr (assoc (completing-read "Filter by: " names nil t) names))))
    (call-interactively (intern (format "ibuffer-filter-by-%s" pick)))))

;;; Filter groups.

(defun ibuffer--group-names () "Names of the filter groups in effect."
  (mapcar #'car ibuffer-filter-groups))

(defun ibuffer--read-group (prompt) "Read with PROMPT the name of a filter group in effect."
  (unless ibuffer-filter-groups (error "No filter groups active"))
  (completing-read prompt (ibuffer--group-names) nil t))

(defun ibuffer-filters-to-filter-group (name) "Make the filters in effect a filter group NAME, in front."
  (interactive "sName for filtering group: ") (unless ibuffer-filtering-qualifiers (error "No filters in effect")) (push (cons name ibuffer-filtering-qualifiers) ibuffer-filter-groups) (setq ibuffer-filtering-qualifiers nil) (ibuffer--relist))

(defun ibuffer-set-filter-groups-by-mode () "Make one filter group per major mode in use."
  (interactive) (let (modes)
    (dolist (b (buffer-list)) (unless (eq b (current-buffer))
        (cl-pushnew (buffer-local-value 'major-mode b) modes)))
    (setq ibuffer-filter-groups (mapcar (lambda (m) (list (symbol-name m) (cons 'mode m))) (nreverse modes)))) (ibuffer--relist))

(defun ibuffer-pop-filter-group () "Remove the first filter group."
  (interactive) (unless ibuffer-filter-groups (error "No filter groups active"))
  (setq ibuffer-hidden-filter-groups (delete (car (pop ibuffer-filter-groups)) ibuffer-hidden-filter-groups)) (ibuffer--relist))

(defun ibuffer-decompose-filter-group (group) "Remove the filter group GROUP and make its filters the ones in effect."
  (interactive (list (ibuffer--read-group "Decompose filter group: ")))
  (let ((g (assoc group ibuffer-filter-groups)))
    (setq ibuffer-filter-groups (remove g ibuffer-filter-groups)
          ibuffer-hidden-filter-groups (delete group ibuffer-hidden-filter-groups)
          ibuffer-filtering-qualifiers (if g (copy-sequence (cdr g)) ibuffer-filtering-qualifiers))) (ibuffer--relist))

(defun ibuffer-clear-filter-groups () "Remove every filter group."
  (interactive) (setq ibuffer-filter-groups nil ibuffer-hidden-filter-groups nil) (ibuffer--relist))

(defun ibuffer-kill-filter-group (name) "Remove the filter group NAME, keeping it for `ibuffer-yank'."
  (interactive (list (ibuffer--read-group "Kill filter group: ")))
  (let ((g (assoc name ibuffer-filter-groups)))
    (unless g (error "No filter group named %s" name))
    (push g ibuffer-filter-group-kill-ring)
    (setq ibuffer-filter-groups (remove g ibuffer-filter-groups))) (ibuffer--relist))

(defun ibuffer-kill-line (&optional arg interactive-p) "Kill the filter group on this line, or the buffer lines (ARG of them)."
  (interactive "P\np") (ignore interactive-p)
  (let ((g (get-text-property (line-beginning-position) 'ibuffer-filter-group-name)))
    (if g (ibuffer-kill-filter-group g)
      (dotimes (_ (prefix-numeric-value arg)) (let ((b (ibuffer-current-buffer t)) (inhibit-read-only t))
          (setq ibuffer--buffers (cl-remove b ibuffer--buffers :key #'car))
          (delete-region (line-beginning-position) (min (point-max) (1+ (line-end-position)))))))))

(defun ibuffer-yank () "Put back the filter group killed last, before the group at point."
  (interactive) (ibuffer-yank-filter-group (or (get-text-property (line-beginning-position) 'ibuffer-filter-group-name)
                                 (get-text-property (line-beginning-position) 'ibuffer-filter-group))))

(defun ibuffer-yank-filter-group (name) "Put back the filter group killed last, before the group NAME."
  (unless ibuffer-filter-group-kill-ring (error "The filter group kill ring is empty"))
  (let* ((g (pop ibuffer-filter-group-kill-ring))
         (pos (or (cl-position name ibuffer-filter-groups :key #'car :test #'equal) (length ibuffer-filter-groups))))
    (setq ibuffer-filter-groups (append (cl-subseq ibuffer-filter-groups 0 pos) (list g)
                                        (nthcdr pos ibuffer-filter-groups)))) (ibuffer--relist))

(defun ibuffer-save-filter-groups (name groups) "Save the filter groups GROUPS as NAME."
  (interactive (if (null ibuffer-filter-groups) (error "No filter groups active")
                 (list (read-from-minibuffer "Save current filter groups as: ") ibuffer-filter-groups)))
  (setq ibuffer-saved-filter-groups (cons (cons name groups) (cl-remove name ibuffer-saved-filter-groups :key #'car :test #'equal)))
  (ibuffer--store 'ibuffer-saved-filter-groups))

(defun ibuffer-delete-saved-filter-groups (name) "Remove the saved filter groups NAME."
  (interactive (list (ibuffer--read-saved "Delete saved filter group: " ibuffer-saved-filter-groups)))
  (setq ibuffer-saved-filter-groups (cl-remove name ibuffer-saved-filter-groups :key #'car :test #'equal))
  (ibuffer--store 'ibuffer-saved-filter-groups) (ibuffer--relist))

(defun ibuffer-switch-to-saved-filter-groups (name) "Make the saved filter groups NAME the groups in effect."
  (interactive (list (ibuffer--read-saved "Switch to saved filter group: " ibuffer-saved-filter-groups)))
  (setq ibuffer-filter-groups (copy-tree (cdr (assoc name ibuffer-saved-filter-groups))) ibuffer-hidden-filter-groups nil) (ibuffer--relist))

(defun ibuffer-toggle-filter-group () "Hide or show the lines of the filter group on this line."
  (interactive) (let ((g (get-text-property (line-beginning-position) 'ibuffer-filter-group-name)))
    (unless g (error "No filtering group name present"))
    (setq ibuffer-hidden-filter-groups (if (member g ibuffer-hidden-filter-groups) (delete g ibuffer-hidden-filter-groups)
            (cons g ibuffer-hidden-filter-groups))) (ibuffer-redisplay t)))

(defun ibuffer--group-starts () "Positions of the filter group title lines."
  (let (out)
    (save-excursion (goto-char (point-min)) (while (not (eobp)) (when (get-text-property (point) 'ibuffer-filter-group-name) (push (point) out)) (forward-line 1))) (nreverse out)))

(defun ibuffer-forward-filter-group (&optional count) "Move to the next filter group's title; with COUNT, COUNT of them."
  (interactive "P") (dotimes (_ (prefix-numeric-value count))
    (let ((starts (ibuffer--group-starts)))
      (goto-char (or (cl-find-if (lambda (p) (> p (line-beginning-position))) starts) (car starts) (point))))))

(defun ibuffer-backward-filter-group (&optional count) "Move to the previous filter group's title; with COUNT, COUNT of them."
  (interactive "P") (dotimes (_ (prefix-numeric-value count))
    (let ((starts (reverse (ibuffer--group-starts))))
      (goto-char (or (cl-find-if (lambda (p) (< p (line-beginning-position))) starts) (car starts) (point))))))

(defun ibuffer-jump-to-filter-group (name) "Move to the title of the filter group NAME."
  (interactive (list (completing-read "Jump to filter group: " (append (ibuffer--group-names) '("Default")) nil t)))
  (let ((p (cl-find-if (lambda (p) (equal (get-text-property p 'ibuffer-filter-group-name) name)) (ibuffer--group-starts))))
    (if p (goto-char p) (error "No filter group with name %s" name))))

;;; Sorting.

(defun ibuffer--sort-key (buf) "BUF's file name, or its process's name, or its name."
  (or (ibuffer--file-name buf)
      (let ((p (get-buffer-process buf))) (and p (process-name p))) (buffer-name buf)))

;; (MODE DESCRIPTION KEY-FUNCTION LESS-P DOC): buffers compare by KEY-FUNCTION's values.
(dolist (s `((major-mode "major mode" ,(lambda (b) (downcase (symbol-name (buffer-local-value 'major-mode b)))) string-lessp
                         "Sort the buffers by their major mode's name.")
             (mode-name "major mode name" ,(lambda (b) (downcase (ibuffer--mode-name b))) string-lessp
                        "Sort the buffers by their mode name, as the mode line shows it.")
             (alphabetic "buffer name" buffer-name string-lessp "Sort the buffers by name.")
             (size "size" buffer-size < "Sort the buffers by size, smallest first.")
             (filename/process "file name" ibuffer--sort-key string-lessp
                               "Sort the buffers by file name, else process name, else buffer name.")))
  (let ((key (nth 2 s)) (less (nth 3 s)))
    (ibuffer--install-sorter (car s) (nth 1 s) (nth 4 s)
                             (lambda (x y) (funcall less (funcall key (car x)) (funcall key (car y)))))))

(defun ibuffer-toggle-sorting-mode () "Switch to the next sorting mode, the modes taken in alphabetical order."
  (interactive) (let* ((names (sort (mapcar (lambda (e) (symbol-name (car e))) ibuffer-sorting-functions-alist) #'string<))
         (after (cdr (member (symbol-name ibuffer-sorting-mode) names)))
         (mode (intern (if after (car after) (car names)))))
    (setq ibuffer-sorting-mode mode)
    (message "Sorting by %s" (nth 1 (assq mode ibuffer-sorting-functions-alist)))) (ibuffer-redisplay t))

(defun ibuffer-invert-sorting () "Reverse the sorting order."
  (interactive) (message "Sorting order %s" (if (setq ibuffer-sorting-reversep (not ibuffer-sorting-reversep)) "reversed" "normal")) (ibuffer-redisplay t))

;;; Marking.

(defun ibuffer-mark-on-buffer (pred &optional mark group) "Give MARK (`ibuffer-marked-char') to the lines whose buffer passes PRED.
GROUP non-nil: only the lines of that filter group.  Report how many."
  (let* ((char (or mark ibuffer-marked-char))
         (count (ibuffer-map-lines (lambda (buf _m) (when (funcall pred buf) (ibuffer-set-mark-1 char) t))
                                   nil group))) (ibuffer-redisplay t) (unless (eq char ?\s) (message "Marked %s buffers" count))
    count))

;; Commands marking by a regexp read with a prompt: (COMMAND PROMPT STRING-OF-BUFFER DOC).
(dolist (m `((ibuffer-mark-by-name-regexp "Mark by name (regexp): " buffer-name
                                          "Mark the buffers whose name matches REGEXP.")
             (ibuffer-mark-by-mode-regexp "Mark by major mode (regexp): " ibuffer--mode-name
                                          "Mark the buffers whose mode name matches REGEXP.")
             (ibuffer-mark-by-file-name-regexp "Mark by file name (regexp): " ibuffer--file-name
                                               "Mark the buffers whose file name matches REGEXP.")))
  (let ((prompt (nth 1 m)) (text-of (nth 2 m)))
    (defalias (car m)
      (lambda (regexp) (interactive (list (read-regexp prompt)))
        (ibuffer-mark-on-buffer (lambda (buf) (let ((s (funcall text-of buf))) (and s (string-match regexp s))))))
      (nth 3 m))))

(defun ibuffer-mark-by-content-regexp (regexp &optional all-buffers) "Mark the buffers whose text matches REGEXP.
ALL-BUFFERS is accepted for compatibility."
  (interactive (list (read-regexp "Mark by content (regexp): ") current-prefix-arg))
  (ignore all-buffers)
  (ibuffer-mark-on-buffer (lambda (buf) (ibuffer--text-matches buf regexp))))

(defun ibuffer-mark-by-mode (mode) "Mark the buffers whose major mode is MODE."
  (interactive (list (ibuffer--mode-name-reader "Mark by major mode")))
  (ibuffer-mark-on-buffer (apply-partially #'ibuffer--mode-is mode)))
(defun ibuffer--mode-is (mode buf) "Non-nil if BUF's major mode is MODE."
  (eq mode (buffer-local-value 'major-mode buf)))

;; Commands marking the buffers that pass a test: (COMMAND TEST DOC).
(dolist (m `((ibuffer-mark-modified-buffers buffer-modified-p "Mark the modified buffers.")
             (ibuffer-mark-unsaved-buffers ,(lambda (b) (and (ibuffer--visited-file b) (buffer-modified-p b)))
                                           "Mark the modified buffers that visit a file.")
             (ibuffer-mark-dissociated-buffers ,(lambda (b) (let ((f (ibuffer--file-name b))) (and f (not (file-exists-p f)))))
                                               "Mark the buffers whose file no longer exists.")
             (ibuffer-mark-help-buffers ,(lambda (b) (memq (buffer-local-value 'major-mode b) ibuffer-help-buffer-modes))
                                        "Mark the buffers in a mode of `ibuffer-help-buffer-modes'.")
             (ibuffer-mark-compressed-file-buffers
              ,(lambda (b) (let ((f (ibuffer--visited-file b))) (and f (string-match ibuffer-compressed-file-name-regexp f))))
              "Mark the buffers visiting compressed files.")
             (ibuffer-mark-old-buffers
              ,(lambda (b) (let ((shown (ibuffer--shown-time b)))
                             (and (not (eq shown 0))
                                  (> (float-time (time-since shown)) (* 3600 ibuffer-old-time)))))
              "Mark the buffers not shown for `ibuffer-old-time' hours.")
             (ibuffer-mark-special-buffers ibuffer--star-name-p "Mark the buffers named within stars.")
             (ibuffer-mark-read-only-buffers ,(lambda (b) (buffer-local-value 'buffer-read-only b))
                                             "Mark the read-only buffers.")
             (ibuffer-mark-dired-buffers ,(lambda (b) (eq (buffer-local-value 'major-mode b) 'dired-mode))
                                         "Mark the Dired buffers.")
             (ibuffer-mark-by-locked ,(lambda (b) (and (local-variable-p 'emacs-lock-mode b) (buffer-local-value 'emacs-lock-mode b)))
                                     "Mark the buffers locked by Emacs Lock mode.")))
  (let ((test (nth 1 m)))
    (defalias (car m) (lambda () (interactive) (ibuffer-mark-on-buffer test)) (nth 2 m))))

(defun ibuffer-forward-next-marked (&optional count mark direction) "Move to the COUNTth next line marked MARK (any mark by default).
DIRECTION negative moves backward."
  (interactive "P") (let ((marked (cl-remove-if-not (lambda (pos) (let ((m (cadr (get-text-property pos 'ibuffer-properties))))
                                                  (if mark (eq m mark) (not (eq m ?\s)))))
                                  (ibuffer--line-starts))))
    (unless marked (error "No buffers with mark %c" (or mark ibuffer-marked-char)))
    (ibuffer--step (* (prefix-numeric-value count) (if (and direction (< direction 0)) -1 1)) marked)))

(defun ibuffer-backwards-next-marked (&optional count mark) "Move to the COUNTth previous line marked MARK." (interactive "P") (ibuffer-forward-next-marked count mark -1))

;;; Operations.

(defun ibuffer-do-kill-lines () "Remove the marked lines from the listing (the buffers stay)."
  (interactive) (let ((n (ibuffer-map-marked-lines (lambda (_buf _m) 'kill))))
    (ibuffer-redisplay t) (message "Killed %s lines" n)))

;; (COMMAND PROMPT VARIABLE DOC): remember a regexp of buffer names to hide or to show.
(dolist (c '((ibuffer-add-to-tmp-hide "Never show buffers matching: " ibuffer-tmp-hide-regexps
                                      "Hide the buffers whose name matches REGEXP until `ibuffer-update' with an argument.")
             (ibuffer-add-to-tmp-show "Always show buffers matching: " ibuffer-tmp-show-regexps
                                      "List the buffers whose name matches REGEXP even when they would be hidden.")))
  (let ((prompt (nth 1 c)) (var (nth 2 c)))
    (defalias (car c)
      (lambda (regexp) (interactive (list (read-regexp prompt (regexp-quote (buffer-name (ibuffer-current-buffer t))))))
        (set var (cons regexp (symbol-value var))))
      (nth 3 c))))

(defun ibuffer-jump-to-buffer (name) "Move to the line of the buffer NAME."
  (interactive (list (read-buffer "Jump to buffer: " nil t)))
  (let ((p (cl-find-if (lambda (p) (equal (buffer-name (car (get-text-property p 'ibuffer-properties))) name))
                       (ibuffer--line-starts))))
    (if p (goto-char p) (error "No buffer with name %s" name))))

(defun ibuffer-copy-filename-as-kill (&optional arg) "Put the marked buffers' file names in the kill ring.
With ARG 0, full names; otherwise without directory."
  (interactive "P") (let ((names (delq nil (mapcar (lambda (b) (let ((f (ibuffer--file-name b)))
                                                (and f (if (eq arg 0) f (file-name-nondirectory f)))))
                                 (ibuffer-get-marked-buffers)))))
    (if (null names) (message (format-message "No buffers marked; use `m' to mark a buffer"))
      (kill-new (mapconcat #'identity names " "))
      (message "%s" (car kill-ring)))))

(defun ibuffer-copy-buffername-as-kill (&optional _arg) "Put the marked buffers' names in the kill ring."
  (interactive "P") (let ((names (mapcar #'buffer-name (ibuffer-get-marked-buffers))))
    (if (null names) (message (format-message "No buffers marked; use `m' to mark a buffer"))
      (kill-new (mapconcat #'identity names " "))
      (message "%s" (car kill-ring)))))

(defun ibuffer--in-each-marked (verb fn &optional question) "Run FN in each marked buffer, then report VERB; QUESTION asks first."
  (ibuffer--run-op ibuffer-marked-char question t verb
                   (lambda (buf) (with-current-buffer buf (funcall fn)) t)))

(defun ibuffer-do-eval (form) "Evaluate FORM in each marked buffer."
  (interactive (list (read--expression "Eval in buffers (form): ")))
  (ibuffer--in-each-marked "evaluated in" (lambda () (eval form t))))

(defun ibuffer-do-rename-uniquely () "Give the marked buffers names that differ from every other buffer's."
  (interactive) (ibuffer--in-each-marked "renamed" #'rename-uniquely))

(defun ibuffer-do-revert () "Revert the marked buffers from their files."
  (interactive) (ibuffer--in-each-marked "reverted" (lambda () (revert-buffer t t)) "revert"))

(defun ibuffer-do-replace-regexp (from-str to-str) "Replace each match of FROM-STR by TO-STR in the marked buffers."
  (interactive (list (read-regexp "Replace regexp: ") (read-from-minibuffer "Replace with: ")))
  (let ((fold ibuffer-case-fold-search))
    (ibuffer--in-each-marked "replaced in"
                             (lambda ()
                               (let ((case-fold-search fold) (here (point)))
                                 (goto-char (point-min)) (while (re-search-forward from-str nil t) (replace-match to-str))
                                 (goto-char (min here (point-max))))))))

(defun ibuffer-do-shell-command-pipe (command) "Give each marked buffer's text to the shell command COMMAND as input."
  (interactive "sPipe to shell command: ")
  (ibuffer--in-each-marked "Shell command executed on"
                           (lambda () (shell-command-on-region (point-min) (point-max) command))))

(defun ibuffer-do-shell-command-pipe-replace (command) "Replace each marked buffer's text by what COMMAND outputs given it."
  (interactive "sPipe to shell command (replace): ")
  (ibuffer--in-each-marked "Buffer contents replaced in"
                           (lambda () (let ((inhibit-read-only t))
                                        (shell-command-on-region (point-min) (point-max) command nil t)))
                           "replace buffer contents in"))

(defun ibuffer-do-shell-command-file (command) "Run the shell command COMMAND with each marked buffer's file as argument."
  (interactive "sShell command on buffer's file: ")
  (ibuffer--in-each-marked "Shell command executed on"
                           (lambda () (shell-command (format "%s %s" command
                                                             (shell-quote-argument (or buffer-file-name (make-temp-file (buffer-name)))))))))

(provide 'ibuf-ext)
;;; ibuf-ext.el ends here
