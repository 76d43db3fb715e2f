;;; imenu.el --- an index of the definitions in a buffer  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A buffer's index is an alist: (NAME . POSITION) for an entry,
;; (NAME POSITION FUNCTION ARGS...) for one that FUNCTION visits, and
;; (TITLE ENTRY...) for a submenu.  `imenu-create-index-function' makes
;; it; by default from `imenu-generic-expression', a list of
;; (MENU-TITLE REGEXP INDEX [FUNCTION ARGS...]), or by walking back over
;; definitions with `imenu-prev-index-position-function' and
;; `imenu-extract-index-name-function'.  The command `imenu' reads an
;; entry with completion and goes there.

;;; Code:

(require 'cl-lib) ; as GNU's imenu, which programs may count on

(defgroup imenu nil "An index of the definitions in a buffer, as a menu or with completion." :group 'matching)

(defcustom imenu-max-index-time 5 "Seconds the index may take to build before it is given up."
  :group 'imenu :version "28.1" :type 'number)

(defcustom imenu-generic-skip-comments-and-strings t "Non-nil means matches of `imenu-generic-expression' inside comments and strings are left out."
  :group 'imenu :version "24.4" :type 'boolean)

(defcustom imenu-level-separator ":" "The string between the levels of a nested entry's name."
  :group 'imenu :type 'string)

(defcustom imenu-space-replacement "." "What a space in an entry's name becomes for completion; nil keeps spaces."
  :group 'imenu :type '(choice (const nil) string))

(defcustom imenu-max-items 25 "The most entries one menu level shows before it is split."
  :group 'imenu :type 'integer)

;;;###autoload
(defcustom imenu-sort-function nil "Nil to keep the index in buffer order, or a predicate on two entries that sorts it."
  :group 'imenu
  :type (list 'choice '(const :tag "No sorting" nil) '(const :tag "Sort by name" imenu--sort-by-name)
              '(function :tag "Another function")))

(defcustom imenu-after-jump-hook nil "Functions run after `imenu' goes to an entry."
  :group 'imenu :type 'hook)

(defcustom imenu-eager-completion-buffer t "Non-nil means the completion list shows at once when `imenu' reads an entry."
  :group 'imenu :version "22.1" :type 'boolean)

(defcustom imenu-use-popup-menu 'on-mouse "When `imenu' offers a menu: never (nil), always (t), or when invoked by the mouse."
  :group 'imenu
  :type (list 'choice '(const :tag "On Mouse" on-mouse) '(const :tag "Never" nil) '(other :tag "Always" t)))

(defcustom imenu-auto-rescan-maxout 600000 "Buffers larger than this are not rescanned automatically."
  :group 'imenu :type 'integer)

(defcustom imenu-auto-rescan nil "Non-nil means the index is made anew each time it is used."
  :group 'imenu :type 'boolean)

(defcustom imenu-max-item-length 60 "Index names longer than this many characters are cut; nil means no limit."
  :group 'imenu :type '(choice (const :tag "Unlimited" nil) integer))

(defcustom imenu-use-markers t "Non-nil means index positions are markers, which follow edits; nil means numbers."
  :group 'imenu :type 'boolean)

(defvar-local imenu-generic-expression nil "How `imenu-default-create-index-function' finds entries: a list of (MENU-TITLE REGEXP INDEX [FUNCTION ARGS...]).
REGEXP's group INDEX is the name; MENU-TITLE nil puts the entries at the
top level, a string in a submenu of that name.")
(put 'imenu-generic-expression 'risky-local-variable t) ; it holds regexps and functions

(defvar-local imenu-create-index-function #'imenu-default-create-index-function "The function, of no arguments, that makes the buffer's index alist.")

;;;###autoload
(defvar-local imenu-prev-index-position-function #'beginning-of-defun "A function moving point back to the previous definition and returning nil when there is none.")

;;;###autoload
(defvar-local imenu-extract-index-name-function nil "A function returning the name of the definition at point, for `imenu-default-create-index-function'.")

;;;###autoload
(defvar-local imenu-name-lookup-function nil "A function of a name and an index entry's name that says whether they match; nil compares them as strings.")

;;;###autoload
(defvar-local imenu-default-goto-function #'imenu-default-goto-function "The function `imenu' calls with an entry's name and position to go there.")

;;;###autoload
(defvar-local imenu-syntax-alist nil "Changes to the syntax table while `imenu-generic-expression' is searched: (CHARS . SYNTAX) pairs.")

(defvar-local imenu-case-fold-search t "Non-nil means the searches of `imenu-generic-expression' ignore case.")

(defvar imenu--rescan-item '("*Rescan*" . -99) "The entry that asks for the index to be made anew.")

(defvar-local imenu--index-alist nil "The buffer's index, as last made.")

(defvar-local imenu--last-menubar-index-alist nil "The index the menu bar showed last.")

(defvar imenu--history-list nil "The history of entries read by `imenu'.")

(defvar imenu--cleanup-seen nil "The lists `imenu--cleanup' has been through.")

(defvar-local imenu--menubar-keymap nil "The keymap of the buffer's Index menu.")

(defvar imenu-buffer-menubar nil "Kept for compatibility; not used.")

(defvar-local imenu-menubar-modified-tick 0 "The buffer's modification count when the Index menu was last made.")

(define-error 'imenu-unavailable "imenu unavailable" 'error)

(defun imenu-unavailable-error (format &rest args) "Signal `imenu-unavailable' with the message FORMAT makes of ARGS."
  (signal 'imenu-unavailable (list (apply #'format-message format args))))

(defmacro imenu-progress-message (_prevpos &optional _relpos _reverse) "Once showed the progress of scanning; now does nothing."
  (declare (obsolete nil "28.1")) nil)

;;;; Entries.

(defun imenu--subalist-p (item) "Non-nil when the index entry ITEM is a submenu (TITLE ENTRY...)."
  (pcase item
    (`(,_ (lambda . ,_) . ,_) nil)
    (`(,_ ,(pred listp) . ,_) t)))

(defun imenu--position (item) "The position of the index entry ITEM, plain or with a function."
  (let ((where (cdr item)))
    (if (consp where) (car where) where)))

(defun imenu--sort-by-position (item1 item2) "Whether ITEM1 comes before ITEM2 in the buffer."
  (let ((p1 (imenu--position item1)) (p2 (imenu--position item2)))
    (< p1 p2)))

(defun imenu--sort-by-name (item1 item2) "Whether ITEM1's name sorts before ITEM2's."
  (let ((n1 (car item1)) (n2 (car item2)))
    (string< n1 n2)))

(defun imenu--relative-position (&optional reverse) "How far through the buffer point is, as a percentage (from the end with REVERSE)."
  (let ((done (- (point) (point-min)))
        (all (max 1 (- (point-max) (point-min)))))
    (if reverse (- 100 (/ (* 100 done) all)) (/ (* 100 done) all))))

(defun imenu--split (list n) "LIST cut into lists of N elements, the last maybe shorter."
  (let ((pieces nil))
    (while list
      (push (seq-take list n) pieces)
      (setq list (nthcdr n list)))
    (nreverse pieces)))

(defun imenu--split-menu (menulist title) "The menu TITLE over MENULIST: submenus first, the rest sorted by `imenu-sort-function' and cut into \"From: \" pieces of `imenu-max-items'."
  (let* ((subs (seq-filter #'imenu--subalist-p menulist))
         (rest (seq-remove #'imenu--subalist-p menulist)))
    (when imenu-sort-function
      (setq rest (sort (copy-sequence rest) imenu-sort-function)))
    (when (> (length rest) imenu-max-items)
      (setq rest (mapcar (lambda (piece) (cons (format "From: %s" (caar piece)) piece))
                         (imenu--split rest imenu-max-items))))
    (cons title (nconc subs rest))))

(defun imenu--split-submenus (alist) "ALIST with each submenu split by `imenu--split-menu'."
  (cl-loop for entry in alist
           collect (if (imenu--subalist-p entry) (imenu--split-menu (cdr entry) (car entry)) entry)))

(defun imenu--truncate-items (menulist) "Cut the names in MENULIST, and in its submenus, to `imenu-max-item-length'; return MENULIST."
  (let ((limit imenu-max-item-length))
    (mapc (lambda (entry) (pcase entry
              ((pred imenu--subalist-p) (imenu--truncate-items (cdr entry)))
              (`(,(and (pred stringp) name) . ,_)
               (if (and (integerp limit) (> (length name) limit))
                   (setcar entry (substring name 0 limit))))))
          menulist)))

(defun imenu--cleanup (&optional alist) "Drop the markers of ALIST (the buffer's index by default), freeing them."
  (let ((imenu--cleanup-seen (or imenu--cleanup-seen (list t))))
    (dolist (item (or alist imenu--index-alist))
      (cond ((and (consp item) (markerp (cdr item))) (set-marker (cdr item) nil))
            ((and (consp item) (consp (cdr item)) (markerp (cadr item))) (set-marker (cadr item) nil))
            ((and (imenu--subalist-p item) (not (memq (cdr item) imenu--cleanup-seen)))
             (push (cdr item) imenu--cleanup-seen)
             (imenu--cleanup (cdr item))))))
  t)

(defun imenu--in-alist (str alist) "The entry of ALIST, searched into submenus, named STR (by `imenu-name-lookup-function' when set)."
  (let ((same (or imenu-name-lookup-function #'string=)))
    (seq-some (lambda (entry)
                (if (imenu--subalist-p entry)
                    (imenu--in-alist str (cdr entry))
                  (and (funcall same str (car entry)) entry)))
              alist)))

;;;; Making the index.

(defun imenu--make-position (pos) "POS as an index position: a marker or a number, per `imenu-use-markers'."
  (if imenu-use-markers (copy-marker pos) pos))

(defun imenu--syntax-table () "The syntax table for searching entries: the buffer's, changed by `imenu-syntax-alist'."
  (let ((table (syntax-table)))
    (when imenu-syntax-alist
      (setq table (copy-syntax-table table)) ; the buffer's stays as it is
      (pcase-dolist (`(,chars . ,syntax) imenu-syntax-alist)
        (mapc (lambda (c) (modify-syntax-entry c syntax table))
              (if (numberp chars) (list chars) chars))))
    table))

(defun imenu--pattern-entries (regexp index call) "The entries REGEXP's group INDEX names, in buffer order, each with CALL (FUNCTION ARGS...) when given."
  (let ((entries nil))
    (goto-char (point-min)) ; the accessible part only
    (while (re-search-forward regexp nil t)
      (let ((beg (match-beginning 0)) ; where the entry goes
            (name (match-string-no-properties index)))
        (if (and name (> (length name) 0)
                 (not (and imenu-generic-skip-comments-and-strings
                           (save-excursion (save-match-data (nth 8 (syntax-ppss beg)))))))
            (let ((where (imenu--make-position beg)))
              (push (if call `(,name ,where ,@call) (cons name where)) entries)))
        (if (= beg (match-end 0))
            (if (eobp) (goto-char (point-max)) (forward-char 1)))))
    (nreverse entries))) ; buffer order

(defun imenu--generic-function (patterns) "The index of the buffer's accessible part by PATTERNS, in the form of `imenu-generic-expression'."
  (let ((submenus nil) (plain nil))
    (save-excursion (save-match-data
        (with-syntax-table (imenu--syntax-table)
          (let ((case-fold-search imenu-case-fold-search))
            (pcase-dolist (`(,title ,regexp ,index . ,call) patterns)
              (let ((found (imenu--pattern-entries regexp index call))
                    (menu (and title (assoc title submenus))))
                (cond ((null title) (setq plain (nconc plain found)))
                      (menu (setcdr menu (nconc (cdr menu) found)))
                      (found (setq submenus (nconc submenus (list (cons title found))))))))))))
    (let ((by-place (lambda (entries) (sort entries #'imenu--sort-by-position))))
      (nconc (mapcar (lambda (menu) (cons (car menu) (funcall by-place (cdr menu)))) submenus)
             (funcall by-place plain)))))

(defun imenu-default-create-index-function () "Make the index from `imenu-generic-expression', or with the previous-definition and name functions."
  (cond ((and imenu-prev-index-position-function imenu-extract-index-name-function)
         (let ((backwards nil))
           (save-excursion
             (goto-char (point-max)) ; walk back, so the list comes out in order
             (while (funcall imenu-prev-index-position-function)
               (let ((name (save-excursion (funcall imenu-extract-index-name-function))))
                 (if name (push (cons name (imenu--make-position (point))) backwards)))))
           backwards))
        ((null imenu-generic-expression)
         (imenu-unavailable-error "This buffer cannot use `imenu-default-create-index-function'"))
        (t (imenu--generic-function imenu-generic-expression))))

(defun imenu--make-index-alist (&optional noerror) "The buffer's index with the rescan entry first, made when needed.
Signal an error when there are no entries, unless NOERROR.  With
`imenu-auto-rescan' the index is remade each time and has no rescan entry."
  (let ((fresh (or (null imenu--index-alist)
                   (and imenu-auto-rescan (<= (buffer-size) imenu-auto-rescan-maxout)))))
    (when fresh
      (imenu--cleanup) ; free the old markers
      ;; An empty index is kept as (nil): made, with nothing in it.
      (setq imenu--index-alist
            (imenu--truncate-items (or (save-excursion (funcall imenu-create-index-function))
                                       (list nil)))))
    (if (and (not noerror) (equal imenu--index-alist '(nil)))
        (imenu-unavailable-error "No items suitable for an index found in this buffer")
      (if imenu-auto-rescan imenu--index-alist (cons imenu--rescan-item imenu--index-alist)))))

;;;; Choosing an entry and going there.

(defun imenu-find-default (guess completions) "The name among COMPLETIONS that GUESS (the symbol at point, say) stands for: the one equal to it, else the first it begins, case ignored; or nil."
  (let ((completion-ignore-case t)) ; for `all-completions'
    (or (car (assoc-string guess completions t))
        (car (all-completions guess completions)))))

(defun imenu--completion-name (name) "NAME as completion offers it, its spaces replaced by `imenu-space-replacement'."
  (if imenu-space-replacement
      (replace-regexp-in-string " " imenu-space-replacement name t t)
    name))

(defun imenu--completion-buffer (index-alist &optional prompt) "Read an entry of INDEX-ALIST with completion, going into submenus; return it."
  (let* ((choices (mapcar (lambda (item) (cons (imenu--completion-name (car item)) item))
                          index-alist))
         (guess (thing-at-point 'symbol t))
         (default (and guess (imenu-find-default guess choices)))
         (name (completing-read (or prompt (format-prompt "Index item" default))
                                choices nil t nil 'imenu--history-list default))
         (choice (cdr (assoc (if (equal name "") default name) choices))))
    (cond ((imenu--subalist-p choice) (imenu--completion-buffer (cdr choice) prompt))
          (t choice))))

(defun imenu--mouse-menu (index-alist event &optional title) "Offer INDEX-ALIST as a pop-up menu at EVENT and return the entry chosen."
  (let* ((menu (imenu--split-menu index-alist (or title (buffer-name))))
         (map (imenu--create-keymap (car menu) (cdr menu)))
         (path (x-popup-menu event map)))
    (and path (imenu--in-alist (format "%s" (car (last path))) index-alist))))

(defun imenu--create-keymap (title alist &optional cmd) "A menu keymap TITLE with an item per entry of ALIST, submenus nested; items run CMD (or give the entry)."
  (let ((map (make-sparse-keymap title))
        (n 0))
    (dolist (item alist)
      (setq n (1+ n))
      (define-key-after map (vector (intern (format "imenu-%d" n)))
        (if (imenu--subalist-p item)
            (cons (car item) (imenu--create-keymap (car item) (cdr item) cmd))
          (cons (car item)
                (if cmd
                    (lambda () (interactive) (funcall cmd item))
                  item)))))
    map))

(defun imenu-choose-buffer-index (&optional prompt alist) "Read an entry of the index (ALIST, or the buffer's) with completion, prompting with PROMPT.
Choosing the rescan entry makes the index anew and asks again."
  (let ((index (or alist (imenu--make-index-alist)))
        (result t))
    (while (eq result t)
      (setq result (imenu--completion-buffer index prompt))
      (when (equal result imenu--rescan-item)
        (imenu--cleanup)
        (setq imenu--index-alist nil
              index (or alist (imenu--make-index-alist))
              result t)))
    result))

(defun imenu-default-goto-function (name position &rest rest) "Go to POSITION, widening first when it is outside the accessible part; NAME and REST are not needed."
  (ignore name rest)
  (unless (<= (point-min) position (point-max)) (widen))
  (goto-char position))

(defun imenu (index-item) "Go to the index entry INDEX-ITEM, read with completion from the buffer's index.
INDEX-ITEM may also be an entry's name."
  (interactive (list (imenu-choose-buffer-index))) ; an entry, or nil
  (let ((entry (if (stringp index-item)
                   (imenu--in-alist index-item (imenu--make-index-alist))
                 index-item)))
    (when entry
      (push-mark nil t) ; to come back with C-u C-SPC
      (if (consp (cdr entry))
          (apply (nth 2 entry) (car entry) (nth 1 entry) (nthcdr 3 entry))
        (funcall (or imenu-default-goto-function #'imenu-default-goto-function) (car entry) (cdr entry)))
      (run-hooks 'imenu-after-jump-hook))))

;;;; The Index menu.

(defun imenu--menubar-select (item) "Go to ITEM chosen from the Index menu, rescanning first when it is the rescan entry."
  (cond ((not (equal item imenu--rescan-item)) (imenu item) nil)
        (t (imenu--cleanup)
           (setq imenu--index-alist nil) ; made anew below
           (imenu-update-menubar)
           t)))

(defun imenu-update-menubar () "Remake the Index menu when the buffer changed since it was made."
  (let ((tick (buffer-chars-modified-tick)))
    (when (and imenu--menubar-keymap (/= tick imenu-menubar-modified-tick))
      (setq imenu-menubar-modified-tick tick)
      (let ((index (imenu--make-index-alist t)))
        (unless (equal index imenu--last-menubar-index-alist)
          (setq imenu--last-menubar-index-alist index)
          (let ((menu (imenu--split-menu index (buffer-name))))
            (setcdr imenu--menubar-keymap
                    (cdr (imenu--create-keymap (car menu) (cdr menu) #'imenu--menubar-select)))))))))

(defun imenu-add-to-menubar (name) "Add an Index menu called NAME to this buffer's menu bar."
  (interactive "sImenu menu item name: ") ; GNU's prompt
  (unless (or (and imenu-prev-index-position-function imenu-extract-index-name-function)
              (not (eq imenu-create-index-function #'imenu-default-create-index-function))
              imenu-generic-expression)
    (imenu-unavailable-error "The mode `%s' does not support Imenu" (format-mode-line mode-name)))
  (let ((local (make-sparse-keymap))
        (index-menu (make-sparse-keymap "Imenu")))
    (set-keymap-parent local (current-local-map))
    (define-key local [menu-bar index] (cons name index-menu))
    (setq imenu--menubar-keymap index-menu)
    (use-local-map local)
    (add-hook 'menu-bar-update-hook #'imenu-update-menubar)))

(defun imenu-add-menubar-index () "Add an Index menu to this buffer's menu bar, as `imenu-add-to-menubar' with \"Index\"."
  (interactive) (imenu-add-to-menubar "Index"))

(provide 'imenu)

;;; imenu.el ends here
