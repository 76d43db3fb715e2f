;;; info.el --- reading Info manuals: files, nodes, pointers, menus  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; An Info file is a series of nodes, each after a ^_ line and a header
;; "File: F,  Node: N,  Next: ...,  Prev: ...,  Up: ...".  A large manual is split: its main
;; file lists the pieces ("Indirect:") and where each node starts ("Tag Table:").  Here the
;; Info buffer holds the whole manual (the pieces one after another) and is narrowed to the
;; node shown; nodes are found by their headers, anchors through the tag table.  Compressed
;; files are read through `insert-file-contents' (auto-compression).  Not here: Info's faces
;; and header line, index and apropos searches, the virtual "dir" of several directories
;; (the first "dir" file found is shown).

;;; Code:

(defgroup info nil "Info subsystem." :group 'help :group 'docs)

;;;###autoload
(defvar Info-default-directory-list
  (let ((found ()))
    (dolist (dir '("/usr/local/share/info/" "/usr/share/info/") (nreverse found))
      (when (file-directory-p dir) (push dir found))))
  "The directories Info searches when neither INFOPATH nor `Info-directory-list' says otherwise.")

(defvar Info-directory-list nil "The directories searched for Info files, in order; set from INFOPATH or `Info-default-dirs' at first use.")

(defcustom Info-additional-directory-list nil "Directories searched for Info files after `Info-directory-list'."
  :group 'info :type '(repeat directory))

(defvar Info-suffix-list
  (let ((out ()))
    (dolist (stem '(".info" "-info" "" ".inf"))
      (dolist (packing '("" ".gz" ".bz2" ".xz" ".Z"))
        (push (concat stem packing) out)))
    (nreverse out))
  "The endings tried after an Info file's name, in order.")

(defvar-local Info-current-file nil "The Info file shown in this buffer (its name without the ending), or nil.")
(defvar-local Info-current-node nil "The name of the node shown in this buffer.")
(defvar-local Info-current-subfile nil "The piece of a split manual the current node is in, or nil.")
(defvar-local Info--pieces nil "Where each piece of the loaded split manual starts: (OFFSET . POSITION), first first.")
(defvar Info-history nil "The nodes visited before the current one, latest first: (FILE NODE POINT).")
(defvar Info-history-forward nil "The nodes left by `Info-history-back', latest first.")

(defun Info-default-dirs () "The directories to search for Info files when INFOPATH is not set."
  (let ((dirs (copy-sequence Info-default-directory-list)))
    (dolist (dir (list (expand-file-name "../info/" data-directory)))
      (when (and (file-directory-p dir) (not (member dir dirs)))
        (setq dirs (append dirs (list dir)))))
    dirs))

(defun info-initialize () "Set `Info-directory-list' from INFOPATH (an empty element meaning the defaults) or `Info-default-dirs'."
  (unless Info-directory-list
    (let ((path (getenv "INFOPATH")))
      (setq Info-directory-list
            (if (not path)
                (Info-default-dirs)
              (apply #'append
                     (mapcar (lambda (dir) (if (string= dir "") (Info-default-dirs) (list dir)))
                             (split-string path path-separator))))))))

(defun Info-find-file (filename &optional noerror _no-pop-to-dir) "The Info file FILENAME names, found along the Info directories with its endings.
Signal a `user-error' if there is none, or return nil when NOERROR."
  (info-initialize)
  (let* ((dirs (if (file-name-absolute-p filename)
                   (list (file-name-directory filename))
                 (append Info-directory-list Info-additional-directory-list)))
         (base (if (file-name-absolute-p filename) (file-name-nondirectory filename) filename))
         (found
          (if (string= (downcase base) "dir")
              "dir"
            (catch 'found
              (dolist (dir dirs)
                (dolist (name (delete-dups (list base (downcase base))))
                  (dolist (ending Info-suffix-list)
                    (let ((file (expand-file-name (concat name ending) dir)))
                      (when (and (file-regular-p file) (file-readable-p file))
                        (throw 'found (expand-file-name name dir)))))))))))
    (cond (found found)
          (noerror nil)
          (t (user-error "Info file `%s' does not exist; consider installing it" filename)))))

(defun Info--readable-with-ending (file) "FILE with the first ending of `Info-suffix-list' that names a readable file, or nil."
  (seq-some (lambda (ending)
              (let ((full (concat file ending)))
                (and (file-regular-p full) (file-readable-p full) full)))
            Info-suffix-list))

(defun Info--insert-manual (file) "Insert the manual FILE (without its ending) whole, its pieces after each other, and record where they start."
  (let ((jka-compr-verbose nil)
        (main (or (Info--readable-with-ending file) (error "Info file %s does not exist" file)))
        (pieces ()))
    (ignore jka-compr-verbose)
    (insert-file-contents main)
    (goto-char (point-min))
    (when (re-search-forward "^\^_\nIndirect:\n" nil t)
      (let ((table (buffer-substring (point) (progn (search-forward "\^_") (1- (point)))))
            (dir (file-name-directory main)))
        (erase-buffer)
        (dolist (line (split-string table "\n" t))
          (when (string-match "\\`\\(.*\\): *\\([0-9]+\\)\\'" line)
            (let* ((name (match-string 1 line))
                   (offset (string-to-number (match-string 2 line)))
                   (piece (or (Info--readable-with-ending (expand-file-name name dir))
                              (error "Info file %s does not exist" name))))
              (goto-char (point-max))
              (let ((from (point)))
                (insert-file-contents piece)
                ;; Drop the piece's preamble: its first node starts at OFFSET.
                (when (search-forward "\^_" nil t)
                  (delete-region from (1- (point))))
                (push (list offset from name) pieces)))))
        ;; The tag table of the main file, for the anchors.
        (goto-char (point-max))
        (let ((tags (with-temp-buffer
                      (insert-file-contents main)
                      (goto-char (point-min))
                      (and (re-search-forward "^\^_\nTag Table:\n" nil t)
                           (buffer-substring (match-beginning 0) (point-max))))))
          (when tags (insert tags)))))
    (setq Info--pieces (nreverse pieces))))

(defun Info--node-start (nodename ignore-case) "The start (the ^_ line) of the node NODENAME in this buffer's manual, or nil.
Names are compared exactly unless IGNORE-CASE."
  (save-excursion (save-restriction (widen)
      (goto-char (point-min))
      (let ((case-fold-search ignore-case)
            (header (concat "^\^_\n\\(?:[^\n]*\n\\)?File: *[^,\n]*, *Node: *"
                            (regexp-quote nodename) " *[,\t\n\^?]")))
        (if (re-search-forward header nil t)
            (match-beginning 0)
          (Info--anchor-start nodename))))))

(defun Info--anchor-start (name) "The start of the node holding the anchor NAME, per the tag table, or nil."
  (goto-char (point-min))
  (when (re-search-forward (concat "^Ref: " (regexp-quote name) "\^?\\([0-9]+\\)$") nil t)
    (let* ((offset (string-to-number (match-string 1)))
           (piece (car (last (seq-filter (lambda (p) (<= (car p) offset)) Info--pieces))))
           (pos (if piece (+ (nth 1 piece) (- offset (car piece))) (1+ offset))))
      (goto-char (min (max pos (point-min)) (point-max)))
      (when (search-backward "\n\^_\n" nil t) (1+ (point))))))

(defun Info-find-node (filename nodename &optional no-going-back strict-case) "Show the node NODENAME of the Info file FILENAME (the current file when nil).
Unless NO-GOING-BACK, the node left is remembered in `Info-history'."
  (info-initialize)
  (let ((file (if filename (Info-find-file filename) Info-current-file)))
    (unless (derived-mode-p 'Info-mode)
      (switch-to-buffer (get-buffer-create "*info*"))
      (Info-mode))
    (when (and Info-current-file (not no-going-back))
      (push (list Info-current-file Info-current-node (point)) Info-history))
    (setq nodename (if (or (null nodename) (string= nodename "")) "Top" nodename))
    (let ((inhibit-read-only t))
      (unless (equal file Info-current-file)
        (widen)
        (erase-buffer)
        (setq Info-current-file nil Info--pieces nil)
        (if (equal file "dir")
            (Info--insert-directory)
          (Info--insert-manual file))
        (set-buffer-modified-p nil)
        (setq Info-current-file file))
      ;; As GNU's: a node of a manual named explicitly may differ in case.
      (let ((start (or (Info--node-start nodename nil)
                       (and filename (not strict-case) (Info--node-start nodename t)))))
        (unless start
          (when (and Info-history (not no-going-back)) (pop Info-history))
          (user-error "No such node or anchor: %s" nodename))
        (widen)
        (goto-char start) (forward-line 1)
        (let ((header-start (point)))
          (setq Info-current-node
                (progn (re-search-forward "Node: *\\([^,\t\n]*[^ ,\t\n]\\)" (line-end-position) t)
                       (match-string-no-properties 1)))
          (setq Info-current-subfile
                (let ((piece (car (last (seq-filter (lambda (p) (<= (nth 1 p) header-start)) Info--pieces)))))
                  (and piece (nth 2 piece))))
          (narrow-to-region header-start
                            (if (search-forward "\n\^_" nil t) (1- (point)) (point-max)))
          (goto-char header-start)
          (forward-line 1)
          nil)))))

(defun Info--insert-directory () "Insert the first \"dir\" file along the Info directories."
  (let ((dir (seq-some (lambda (d) (Info--readable-with-ending (expand-file-name "dir" d)))
                       (append Info-directory-list Info-additional-directory-list))))
    (unless dir (error "Can't find the Info directory node"))
    (insert-file-contents dir)))

(defun Info--split-name (nodename) "NODENAME as (FILE . NODE): \"(FILE)NODE\" or a node of the current file (FILE nil)."
  (if (string-match "\\`[ \t]*(\\([^)]*\\))[ \t]*\\(.*\\)\\'" nodename)
      (cons (match-string 1 nodename) (string-trim (match-string 2 nodename)))
    (cons nil (string-trim nodename))))

(defun Info-goto-node (nodename &optional fork strict-case) "Go to the node NODENAME, \"(FILE)NODE\" or a node of this manual.
FORK non-nil shows it in a new Info buffer (its name from FORK when a string)."
  (interactive (list (read-string "Go to node: ") current-prefix-arg))
  (let ((parts (Info--split-name nodename)))
    (when fork
      (let ((name (if (stringp fork) (format "*info-%s*" fork) (generate-new-buffer-name "*info*"))))
        (switch-to-buffer (get-buffer-create name))
        (unless (derived-mode-p 'Info-mode) (Info-mode))))
    (Info-find-node (car parts) (cdr parts) nil strict-case)))

(defun info (&optional file-or-node buffer) "Read Info manuals: FILE-OR-NODE (a file, or \"(FILE)NODE\"), else the directory, in BUFFER (\"*info*\")."
  (interactive (list (and current-prefix-arg (read-file-name "Info file name: " nil nil t))))
  (switch-to-buffer (get-buffer-create (or buffer "*info*")))
  (unless (derived-mode-p 'Info-mode) (Info-mode))
  (cond ((null file-or-node)
         (unless Info-current-file (Info-find-node "dir" "Top")))
        ((string-match-p "\\`[ \t]*(" file-or-node) (Info-goto-node file-or-node))
        (t (Info-find-node file-or-node "Top"))))

(defun Info-extract-pointer (name &optional errorname) "The node the header's NAME pointer (\"next\", \"up\"...) names; an error, or nil when ERRORNAME is t, without one."
  (save-excursion (goto-char (point-min))
    (let ((case-fold-search t))
      (if (re-search-forward (concat name ":[ \t]*\\(([^)]*)[^,\t\n]*\\|[^,\t\n]*\\)") (line-end-position) t)
          (string-trim-right (match-string-no-properties 1))
        (unless (eq errorname t)
          (user-error "Node has no %s" (capitalize (or errorname name))))))))

(defun Info-next () "Go to the next node." (interactive) (Info-goto-node (Info-extract-pointer "next")))
(defun Info-prev () "Go to the previous node." (interactive) (Info-goto-node (Info-extract-pointer "prev[ious]*" "previous")))
(defun Info-up () "Go to the node above this one." (interactive) (Info-goto-node (Info-extract-pointer "up")))
(defun Info-top-node () "Go to this manual's Top node." (interactive) (Info-goto-node "Top"))
(defun Info-directory () "Go to the Info directory." (interactive) (Info-find-node "dir" "Top"))

(defun Info-history-back () "Go back to the node shown before this one."
  (interactive)   (unless Info-history (user-error "This is the first Info node you looked at"))
  (let ((back (pop Info-history)))
    (push (list Info-current-file Info-current-node (point)) Info-history-forward)
    (Info-find-node (nth 0 back) (nth 1 back) t)
    (goto-char (nth 2 back))))
(defalias 'Info-last #'Info-history-back)

(defun Info--menu-entries () "The menu entries of this node, as (ITEM . NODE)."
  (save-excursion (goto-char (point-min))
    (let ((entries ()))
      (when (re-search-forward "^\\* Menu:" nil t)
        (while (re-search-forward "^\\* +\\([^:\n]+\\):\\(:\\|[ \t]*\\(([^)]*)[^.,\t\n]*\\|[^.,\t\n]+\\)\\)" nil t)
          (push (cons (match-string-no-properties 1)
                      (if (match-beginning 3) (string-trim (match-string-no-properties 3))
                        (match-string-no-properties 1)))
                entries)))
      (nreverse entries))))

(defun Info-menu (menu-item &optional fork) "Go to the node of this node's menu entry MENU-ITEM (FORK as `Info-goto-node')."
  (interactive (list (completing-read "Menu item: " (Info--menu-entries) nil t) current-prefix-arg))
  (let ((entry (or (assoc menu-item (Info--menu-entries))
                   (assoc-string menu-item (Info--menu-entries) t)
                   (user-error "No such item in menu"))))
    (Info-goto-node (cdr entry) fork)))

(defun Info-follow-reference (footnotename &optional fork) "Go to the node of the cross-reference FOOTNOTENAME in this node."
  (interactive (list (read-string "Follow reference named: ") current-prefix-arg))
  (save-excursion (goto-char (point-min))
    (if (re-search-forward (concat "\\*[Nn]ote[ \n\t]+" (regexp-quote footnotename)
                                   ":\\(:\\|[ \n\t]*\\(([^)]*)[^.,\t]*\\|[^.,\t]+\\)\\)")
                           nil t)
        (Info-goto-node (if (match-beginning 2)
                            (replace-regexp-in-string "[ \n\t]+" " " (match-string-no-properties 2))
                          footnotename)
                        fork)
      (user-error "No cross-reference named %s" footnotename))))

(defun Info-exit () "Leave Info: bury its buffer." (interactive) (quit-window))

(defvar Info-mode-map
  (let ((map (make-sparse-keymap)))
    (suppress-keymap map)
    (pcase-dolist (`(,key . ,command)
                   '(("n" . Info-next) ("p" . Info-prev) ("u" . Info-up) ("t" . Info-top-node)
                     ("d" . Info-directory) ("l" . Info-history-back) ("L" . Info-history-back)
                     ("m" . Info-menu) ("f" . Info-follow-reference) ("g" . Info-goto-node)
                     ("q" . Info-exit) ("SPC" . scroll-up-command) ("DEL" . scroll-down-command)))
      (define-key map (kbd key) command))
    map)
  "The keys of Info mode.")

(define-derived-mode Info-mode nil "Info" "Major mode for reading Info manuals: n, p and u follow the node's pointers, m a menu entry, f a cross-reference, l goes back."
  (setq buffer-read-only t)
  (setq case-fold-search t))

(provide 'info)

;;; info.el ends here
