;;; xref.el --- cross-references: backends, the marker stack, items  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.
;; Only the part programs call without a user: which backend a buffer uses,
;; whether the stack of places jumped from is empty, and xref items.

(mapc #'require '(cl-lib ring cl-generic))
;; The `elisp' backend's methods live with Emacs Lisp mode; load them first so
;; that the generic functions below extend theirs.
(require 'elisp-mode)

(defun etags--xref-backend () "Return `etags', the backend that looks definitions up in tags tables." 'etags)

(defun xref-find-backend () "Return the xref backend of the current buffer, from `xref-backend-functions'."
  ;; The first function with an answer gives it.
  (let ((backend (run-hook-with-args-until-success 'xref-backend-functions)))
    backend))

(defvar xref-marker-ring-length 16 "How many places jumped from the marker stack keeps.")

(defvar xref--marker-ring (make-ring xref-marker-ring-length) "The places jumped from, most recent first.")

(defun xref-marker-stack-empty-p () "Return t if no place jumped from is remembered."
  (= (ring-length xref--marker-ring) 0))

(cl-defstruct (xref-item (:constructor xref-make (summary location)))
  "A reference to a place: a SUMMARY string describing it and its LOCATION."
  summary location)

;; Matches found by searching files carry how long the match is.
(cl-defstruct (xref-match-item (:include xref-item)
                               (:constructor xref-make-match (summary location length)))
  "A match of a search: its SUMMARY, LOCATION and the LENGTH of the matched text."
  length)

;;;; Locations

(cl-defstruct (xref-file-location (:constructor xref-make-file-location (file line column)))
  "A place in FILE given by its LINE (from 1) and COLUMN (from 0)."
  file line column)

(cl-defstruct (xref-buffer-location (:constructor xref-make-buffer-location (buffer position)))
  "A POSITION in BUFFER."
  buffer position)

(cl-defstruct (xref-bogus-location (:constructor xref-make-bogus-location (message)))
  "No place at all; MESSAGE says why."
  message)

(cl-defgeneric xref-match-length (_item) "Return the length of the text ITEM matched, or nil if it is no match." nil)

(cl-defmethod xref-match-length ((item xref-match-item)) (xref-match-item-length item))

(cl-defgeneric xref-location-line (_location) "Return the line number of LOCATION, or nil if it has none." nil)

(cl-defmethod xref-location-line ((l xref-file-location)) (xref-file-location-line l))

(cl-defmethod xref-location-group ((l xref-file-location)) (xref-file-location-file l))

(cl-defmethod xref-location-group ((l xref-buffer-location))
  (format "(buffer %s)" (buffer-name (xref-buffer-location-buffer l))))

(cl-defmethod xref-location-group ((_l xref-bogus-location)) "(No location)")

(cl-defmethod xref-location-marker ((l xref-file-location))
  (let* ((buf (find-file-noselect (xref-file-location-file l)))
         (line (xref-file-location-line l))
         (col (xref-file-location-column l)))
    (with-current-buffer buf
      (save-restriction
        (widen)
        ;; Lines count from 1; the column counts characters, not display
        ;; columns, and may run past the line.
        (let ((bol (progn (goto-char 1) (line-beginning-position line))))
          (copy-marker (min (point-max) (+ bol col))))))))

(cl-defmethod xref-location-marker ((l xref-buffer-location))
  (let ((m (make-marker))) (set-marker m (xref-buffer-location-position l) (xref-buffer-location-buffer l))))

(cl-defmethod xref-location-marker ((l xref-bogus-location))
  (user-error "%s" (xref-bogus-location-message l)))

;;;; Searching files

(defvar xref-search-program 'grep "The program that searches files for `xref-matches-in-files'.")

(defvar xref-file-name-display 'project-relative "How the file names of groups are shown: `abs', `nondirectory' or `project-relative'.")

(defun xref--line-matches (regexp file line-no line-start line-end) "Return match items for REGEXP on the line of FILE between LINE-START and LINE-END.
LINE-NO is the line's number.  Each item's summary is the part of the
line from its match to the next match, the first reaching back to the
line's start and the last to its end."
  (let ((starts nil))
    (save-excursion (goto-char line-start)
      (let ((go t))
        (while (and go (<= (point) line-end) (re-search-forward regexp line-end t))
          (push (cons (match-beginning 0) (match-end 0)) starts)
          (cond ((= (match-beginning 0) (match-end 0))
                 (if (< (point) line-end) (forward-char 1) (setq go nil)))))))
    (setq starts (nreverse starts))
    (let ((acc nil) (rest starts) (first t))
      (while rest
        (let* ((m (car rest))
               (from (if first line-start (car m)))
               (to (if (cdr rest) (car (cadr rest)) line-end))
               (text (buffer-substring-no-properties from to)))
          (when (< (car m) (cdr m))
            (add-face-text-property (- (car m) from) (- (min (cdr m) to) from) 'xref-match t text))
          (push (xref-make-match text
                                 (xref-make-file-location file line-no (- (car m) line-start))
                                 (- (cdr m) (car m)))
                acc)
          (setq first nil rest (cdr rest))))
      (nreverse acc))))

(defun xref--file-matches (regexp file) "Return match items for REGEXP in FILE."
  (when (file-readable-p file) (with-temp-buffer (insert-file-contents file) (goto-char (point-min)) (let ((acc nil) (line-no 1))
        (while (not (eobp)) (let ((start (point)) (end (line-end-position)))
            ;; A line is taken only if the pattern matches it with case
            ;; respected, as a search program would; its matches then follow
            ;; `case-fold-search'.
            (when (let ((case-fold-search nil)) (save-excursion (re-search-forward regexp end t)))
              (setq acc (nconc acc (xref--line-matches regexp file line-no start end))))
            (forward-line 1) (setq line-no (1+ line-no))
            (when (and (eobp) (= (point) end)) (goto-char (point-max)))))
        acc))))

(defun xref-matches-in-files (regexp files) "Return xref items for the matches of REGEXP in FILES, the files in the order of their names."
  ;; The search program takes no symbol boundaries: GNU's finds nothing
  ;; for a pattern that uses them, and so do we.
  (unless (string-match-p "\\\\_[<>]" regexp)
    (cl-mapcan (lambda (f) (xref--file-matches regexp f))
               (sort (mapcar #'expand-file-name files) #'string<))))

(defun xref-matches-in-directory (regexp files dir ignores) "Return xref items for REGEXP in the files under DIR whose names match the glob FILES.
IGNORES lists glob patterns, relative to DIR, of what to leave out."
  (require 'project) (xref-matches-in-files regexp (project--files-in-directory dir ignores files)))

(defvar xref--mode-file-patterns
  '((emacs-lisp-mode . "*.el") (lisp-interaction-mode . "*.el") (lisp-data-mode . "*.el")
    (lisp-mode . "*.lisp") (c-mode . "*.[ch]") (c++-mode . "*.[ch]pp") (python-mode . "*.py")
    (sh-mode . "*.sh") (js-mode . "*.js") (ruby-mode . "*.rb") (perl-mode . "*.pl"))
  "Which files a search for references looks in, by the major mode of the current buffer.")

(defun xref--references-pattern () "Return the glob of the files to search for references, from the current major mode, or nil."
  (let ((mode major-mode) (found nil))
    (while (and mode (not found))
      (setq found (cdr (assq mode xref--mode-file-patterns))
            mode (get mode 'derived-mode-parent)))
    found))

(defun xref-references-in-directory (symbol dir) "Return xref items for the uses of SYMBOL, a string, in the files under DIR.
The files searched are those of the current buffer's language; a buffer
of no known language searches none."
  (require 'project) (let* ((dir (file-name-as-directory (expand-file-name dir)))
         (pr (project-current nil dir))
         (ignores (project-ignores (or pr (cons 'transient dir)) dir))
         (pattern (xref--references-pattern))
         (re (concat "\\_<" (regexp-quote symbol) "\\_>")))
    (when pattern (cl-mapcan (lambda (f) (xref--file-matches re f))
                 (sort (project--files-in-directory dir ignores pattern) #'string<)))))

;;;; Commands

(defun xref-push-marker-stack (&optional m) "Remember marker M (default: point) as a place jumped from."
  (let ((where (if m m (point-marker))))
    (ring-insert xref--marker-ring where)))

(defun xref-pop-marker-stack () "Go back to the last place jumped from."
  (interactive nil) (when (ring-empty-p xref--marker-ring)
    (user-error "Marker stack is empty")) (let ((m (ring-remove xref--marker-ring 0)))
    (switch-to-buffer (or (marker-buffer m) (user-error "The marked buffer has been deleted")))
    (goto-char (marker-position m)) (set-marker m nil nil)))

(defalias 'pop-tag-mark #'xref-pop-marker-stack)

(defun xref--read-identifier (prompt) "Read an identifier with PROMPT, the one at point as default."
  (let* ((backend (xref-find-backend)) (def (xref-backend-identifier-at-point backend)))
    (if (and def (not current-prefix-arg))
        def
      (let ((answer (completing-read (if def (format "%s (default %s): " (substring prompt 0 -2) def) prompt)
                                     (xref-backend-identifier-completion-table backend) nil nil nil nil def))) (if (equal answer "") (user-error "There is no default identifier") answer)))))

(defun xref--goto-item (item) "Go to the place of the xref ITEM in the selected window."
  (let ((m (xref-location-marker (xref-item-location item))))
    (switch-to-buffer (marker-buffer m))
    (unless (and (>= m (point-min)) (<= m (point-max))) (widen))
    (goto-char m)))

(defun xref--show-xrefs (fetcher display-action) "Show the items FETCHER returns: go to a lone one, else list them in *xref*.
DISPLAY-ACTION says where a lone item is shown."
  (ignore display-action)
  ;; The place is remembered before the items are fetched, even when
  ;; fetching fails.
  (xref-push-marker-stack) (let ((items (funcall fetcher)))
    (if (null (cdr items))
        (xref--goto-item (car items))
      (with-current-buffer (get-buffer-create "*xref*")
        (let ((inhibit-read-only t) (group nil))
          (erase-buffer) (dolist (item items) (let ((g (xref-location-group (xref-item-location item)))
                  (line (xref-location-line (xref-item-location item))))
              (unless (equal g group)
                (insert (propertize g 'face 'xref-file-header 'xref-group t) "\n")
                (setq group g))
              (insert (propertize (concat "  " (if line (format "%d: " line) "")
                                          (xref-item-summary item))
                                  'xref-item item)
                      "\n")))
          (goto-char (point-min)) (setq buffer-read-only t))) (pop-to-buffer "*xref*"))
    items))

(defun xref--definitions-or-fail (backend id) "Return the definitions BACKEND has for ID, or signal a user error."
  (let ((found (xref-backend-definitions backend id)))
    (unless found (user-error "No definitions found for: %s" id))
    found))

(defun xref--find-definitions (id display-action) "Find the definitions of ID and show them with DISPLAY-ACTION."
  (xref--show-xrefs (apply-partially #'xref--definitions-or-fail (xref-find-backend) id) display-action))

(defun xref--definitions-prompt () "Read the identifier the definition commands look up."
  (list (xref--read-identifier "Find definitions of: ")))

(defun xref-find-definitions (identifier) "Go to the definition of IDENTIFIER, or list its definitions if there are several."
  (interactive (xref--definitions-prompt))
  (xref--find-definitions identifier nil))

(defun xref-find-definitions-other-window (identifier) "Like `xref-find-definitions', showing IDENTIFIER's definition in another window."
  (interactive (xref--definitions-prompt))
  (xref--find-definitions identifier 'window))

(defun xref-find-definitions-other-frame (identifier) "Like `xref-find-definitions', showing IDENTIFIER's definition in another frame."
  (interactive (xref--definitions-prompt))
  (xref--find-definitions identifier 'frame))

(defun xref--references-or-fail (backend id) "Return the uses BACKEND finds of ID, or signal a user error."
  (or (xref-backend-references backend id)
      (user-error "No references found for: %s" id)))

(defun xref-find-references (identifier) "List the references to IDENTIFIER."
  (interactive (progn (list (xref--read-identifier "Find references of: "))))
  (xref--show-xrefs (apply-partially #'xref--references-or-fail (xref-find-backend) identifier) nil))

(defun xref-find-apropos (pattern) "List the definitions of the symbols matching PATTERN."
  (interactive (list (read-string "Search for pattern (word list or regexp): ")))
  (require 'apropos) (let ((backend (xref-find-backend)))
    (xref--show-xrefs (lambda ()
                        (or (xref-backend-apropos backend pattern)
                            (user-error "No matches for: %s" pattern)))
                      nil)))

(defun xref--identifier-at-mouse (event) "Return the identifier at the position of mouse EVENT."
  (let ((pos (posn-point (event-start event)))) (with-current-buffer (window-buffer (posn-window (event-start event))) (save-excursion (goto-char pos) (xref-backend-identifier-at-point (xref-find-backend))))))

(defun xref-find-definitions-at-mouse (event) "Find the definitions of the identifier where mouse EVENT happened."
  (interactive "e") (let ((id (xref--identifier-at-mouse event)))
    (if id (xref-find-definitions id) (user-error "No identifier here"))))

(defun xref-find-references-at-mouse (event) "Find the references to the identifier where mouse EVENT happened."
  (interactive "e") (let ((id (xref--identifier-at-mouse event)))
    (if id (xref-find-references id) (user-error "No identifier here"))))

(cl-defgeneric xref-backend-references (_backend identifier) "Return xref items for the uses of IDENTIFIER, searched in the current project."
  (require 'project) (let* ((pr (project-current))
         (dirs (if pr (cons (project-root pr) (project-external-roots pr)) (list default-directory))))
    (cl-mapcan (lambda (d) (xref-references-in-directory identifier d)) dirs)))

(provide 'xref)

;;; xref.el ends here
