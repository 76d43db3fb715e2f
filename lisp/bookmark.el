;;; bookmark.el --- named places in files and buffers, kept across sessions  -*- lexical-binding: t -*-

;; Part of tsmacs.  Written from GNU Emacs 28.2's observed behaviour.
;;
;; Each entry of `bookmark-alist' is (NAME . PROPS): PROPS is an alist
;; with keys such as `filename', `position', the two context strings
;; used to find the place again after the text moved, `annotation' and
;; `handler' (a function that takes the entry and makes the target
;; buffer current).  Records from older files may hold their alist one
;; level down, as (NAME PROPS); the accessors look through that.
;;
;; The list lives in `bookmark-default-file', written as a version
;; stamp followed by the printed list.  `bookmark-bmenu-list' shows it
;; in a Tabulated List buffer with marks for selecting and deleting.

;;; Code:

;; The user options, each (NAME DEFAULT TYPE DOC), and the other
;; variables, each (NAME VALUE DOC), are listed in tables.
(defmacro bookmark--options (&rest specs) "Define the user options SPECS of the `bookmark' group."
     (cons 'progn (mapcar (lambda (spec)
                            `(defcustom ,(nth 0 spec) ,(nth 1 spec) ,(nth 3 spec) :group 'bookmark :type ',(nth 2 spec)))
                          specs)))

(defmacro bookmark--variables (&rest specs) "Define the variables SPECS; a fourth element `local' makes one buffer-local."
     (cons 'progn (mapcar (lambda (spec)
                            (list (if (nth 3 spec) 'defvar-local 'defvar) (nth 0 spec) (nth 1 spec) (nth 2 spec)))
                          specs)))

(defgroup bookmark nil "Named places in files, remembered between sessions." :prefix "bookmark-" :group 'matching)

(bookmark--options
 (bookmark-bmenu-use-header-line t boolean "Non-nil: the bookmark list names its columns in the header line.")
 (bookmark-menu-confirm-deletion nil boolean "Non-nil: `bookmark-bmenu-execute-deletions' asks before deleting.")
 (bookmark-set-fringe-mark t boolean "Non-nil: a line holding a bookmark set in this session gets a fringe mark.")
 (bookmark-search-delay 0.2 number "Seconds of idleness before `bookmark-bmenu-search' narrows the list.")
 (bookmark-menu-length 70 natnum "How many characters of a bookmark name a menu shows.")
 (bookmark-bmenu-toggle-filenames t boolean "Non-nil: the bookmark list shows its File column.")
 (bookmark-bmenu-file-column 30 natnum "The column the bookmark list shows file names at.")
 (bookmark-automatically-show-annotations t boolean "Non-nil: jumping to a bookmark displays its annotation, if any.")
 (bookmark-sort-flag t boolean "Non-nil: lists of bookmarks come in alphabetical order.")
 (bookmark-completion-ignore-case t boolean "Non-nil: bookmark names are looked up and completed regardless of case.")
 (bookmark-version-control 'nospecial (choice (const nil) (const never) (const nospecial) (other t))
                           "The `version-control' value used when the bookmark file is written.")
 (bookmark-watch-bookmark-file t (choice (const t) (const silent) (const nil))
                               "What to do when the bookmark file changed on disk: t ask, `silent' reload, nil nothing.")
 (bookmark-default-file (locate-user-emacs-file "bookmarks" ".emacs.bmk") file "The file bookmarks are read from and saved to.")
 (bookmark-save-flag t (choice (const nil) integer (other t)) "When bookmarks are written to their file.
t: when Emacs exits; nil: only on `bookmark-save'; a number N: after
every N changes (and at exit).")
 (bookmark-use-annotations nil boolean "Non-nil: setting a bookmark opens a buffer for typing its annotation."))

(dolist (old '(bookmark-file bookmark-old-default-file))
  (defvaralias old 'bookmark-default-file)
  (make-obsolete-variable old 'bookmark-default-file "27.1"))

(defface bookmark-menu-heading '((t (:inherit font-lock-type-face))) "Face of the column names in the bookmark list.")

(defface bookmark-menu-bookmark '((t (:weight bold))) "Face of the bookmark names in the bookmark list.")

(defface bookmark-face '((((class grayscale) (background light)) :foreground "DimGray")
                         (t :foreground "DarkOrange1" :distant-foreground "DarkOrange3"))
  "Face of the fringe mark beside a bookmarked line.")

(if (fboundp 'define-fringe-bitmap)
    (define-fringe-bitmap 'bookmark-fringe-mark [#x3c #x7e #xff #xff #xff #xff #x7e #x3c]))

(define-error 'bookmark-errors "Bookmark error")
(define-error 'bookmark-error-no-filename "Bookmark has no associated file (or directory)" 'bookmark-errors)

(bookmark--variables
 (bookmark--watch-already-asked-mtime nil "The modification time of the bookmark file the user was asked about.")
 (bookmark-end-of-version-stamp-marker "-*- End Of Bookmark File Format Version Stamp -*-\n" "The line that ends the stamp heading a bookmark file.")
 (bookmark-file-format-version 1 "The format version written to bookmark files.")
 (bookmark-bmenu-inline-header-height 2 "Lines taken by the column names when they are in the buffer.")
 (bookmark-bmenu-marks-width 2 "How many columns the marks of the bookmark list take.")
 (bookmark-bmenu-hidden-bookmarks () "Bookmarks left out of the listing.")
 (bookmark-bmenu-buffer "*Bookmark List*" "Name of the buffer listing the bookmarks.")
 (bookmark--annotation-from-bookmark-list nil "Non-nil when this annotation was started from the bookmark list." local)
 (bookmark-annotation-name nil "The bookmark whose annotation this buffer edits." local)
 (bookmark-edit-annotation-text-func #'bookmark-default-annotation-text "Function of a bookmark giving the text that starts its annotation buffer.")
 (bookmark-exit-hook nil "Hook run when Emacs exits, before the bookmarks are saved.")
 (bookmark-load-hook nil "Hook run when bookmark.el is loaded.")
 (bookmark-after-jump-hook nil "Hook run after jumping to a bookmark, in the buffer reached.")
 (bookmark-make-record-function #'bookmark-make-record-default "The function making this buffer's bookmark record.
It returns the properties, or (NAME . PROPERTIES) to give the name too." local)
 (bookmark-history nil "Bookmark names given to commands, most recent first.")
 (bookmark-quit-flag nil "Non-nil while bookmark menus are being left.")
 (bookmark-yank-point 0 "Where `bookmark-yank-word' takes its next word from.")
 (bookmark-current-buffer nil "The buffer a bookmark name is being read for.")
 (bookmark-search-size 16 "How many characters on each side of a bookmark are kept to find it again.")
 (bookmark-alist-modification-count 0 "How many changes were made to the bookmarks since they were saved.")
 (bookmark-current-bookmark nil "The bookmark this buffer was last set at or reached through." local)
 (bookmark-file-coding-system nil "The coding system the bookmark file was last read with, used to write it again.")
 (bookmarks-already-loaded nil "Non-nil once the default bookmark file was read.")
 (bookmark-bookmarks-timestamp nil "(FILE . MODTIME) of the bookmark file last read or written as the default one.")
 (bookmark-alist () "The bookmarks known: a list of (NAME . PROPERTIES)."))

(make-obsolete-variable 'bookmarks-already-loaded "no longer used" "27.1")
(make-obsolete-variable 'bookmark-load-hook "use `with-eval-after-load' instead." "28.1")

(defun bookmark--keymap (parent bindings) "Return a new keymap inheriting from PARENT, with BINDINGS: a list of KEY COMMAND ..."
  (let ((keys (make-sparse-keymap)) (rest bindings))
    (if parent (set-keymap-parent keys parent))
    (while rest
      (define-key keys (car rest) (cadr rest))
      (setq rest (cddr rest)))
    keys))

(defvar bookmark-minibuffer-read-name-map (bookmark--keymap minibuffer-local-map '("\C-w" bookmark-yank-word))
  "Keymap in force while a new bookmark's name is read.")

(defvar bookmark-map (bookmark--keymap nil '("s" bookmark-save "w" bookmark-write "l" bookmark-load "D" bookmark-delete-all
                          "d" bookmark-delete "r" bookmark-rename "f" bookmark-insert-location
                          "e" edit-bookmarks "i" bookmark-insert "5" bookmark-jump-other-frame
                          "o" bookmark-jump-other-window "g" bookmark-jump "j" bookmark-jump
                          "M" bookmark-set-no-overwrite "m" bookmark-set "x" bookmark-set))
  "Keymap holding the bookmark commands, for binding to a prefix key.")
(defalias 'bookmark-map bookmark-map)

;;;; Records and their properties

(defun bookmark-name-from-full-record (bookmark-record) "Return the name of BOOKMARK-RECORD, a whole (NAME . PROPS) entry." (car bookmark-record))

(defun bookmark-all-names () "Return the names of all bookmarks, in the order of `bookmark-alist'."
  (bookmark-maybe-load-default-file) (mapcar #'car bookmark-alist))

(defun bookmark-get-bookmark (bookmark-name-or-record &optional noerror) "Return the entry BOOKMARK-NAME-OR-RECORD stands for.
A record is its own entry; a name is looked up in `bookmark-alist',
signalling an error when none is found unless NOERROR."
  (if (consp bookmark-name-or-record)
      bookmark-name-or-record
    (and (stringp bookmark-name-or-record)
         (or (assoc-string bookmark-name-or-record bookmark-alist bookmark-completion-ignore-case)
             (if noerror nil (error "Invalid bookmark %s" bookmark-name-or-record))))))

(defun bookmark-get-bookmark-record (bookmark-name-or-record) "Return the property alist of BOOKMARK-NAME-OR-RECORD."
  (let ((props (cdr (bookmark-get-bookmark bookmark-name-or-record))))
    ;; The (NAME PROPS) layout: the first element is itself an alist.
    (if (and (consp (car props)) (consp (caar props)))
        (car props)
      props)))

(defun bookmark-set-name (bookmark-name-or-record newname) "Rename BOOKMARK-NAME-OR-RECORD to NEWNAME in place."
  (let ((entry (bookmark-get-bookmark bookmark-name-or-record)))
    (setcar entry newname)))

(defun bookmark-prop-get (bookmark-name-or-record prop) "Return property PROP of BOOKMARK-NAME-OR-RECORD, or nil."
  (alist-get prop (bookmark-get-bookmark-record bookmark-name-or-record)))

(defun bookmark-prop-set (bookmark-name-or-record prop val) "Give BOOKMARK-NAME-OR-RECORD the property PROP with value VAL."
  (let ((props (bookmark-get-bookmark-record bookmark-name-or-record)))
    (pcase (assq prop props)
      ('nil (nconc props (list (cons prop val))))
      (cell (setcdr cell val)))))

(defmacro bookmark--accessors (&rest specs) "Define a reader and a writer for each of SPECS, (PROPERTY READER WRITER ARG).
WRITER may be nil; ARG names the writer's value argument."
     (let ((forms ()))
       (pcase-dolist (`(,prop ,reader ,writer ,arg) specs)
         (push `(defun ,reader (bookmark-name-or-record)
                  ,(format "Return the `%s' property of BOOKMARK-NAME-OR-RECORD." prop)
                  (bookmark-prop-get bookmark-name-or-record ',prop))
               forms)
         (when writer
           (push `(defun ,writer (bookmark-name-or-record ,arg)
                    ,(format "Set the `%s' property of BOOKMARK-NAME-OR-RECORD to %s." prop (upcase (symbol-name arg)))
                    (bookmark-prop-set bookmark-name-or-record ',prop ,arg))
                 forms)))
       (cons 'progn (nreverse forms))))

(bookmark--accessors
 (handler bookmark-get-handler nil nil)
 (rear-context-string bookmark-get-rear-context-string bookmark-set-rear-context-string string)
 (front-context-string bookmark-get-front-context-string bookmark-set-front-context-string string)
 (position bookmark-get-position bookmark-set-position position)
 (filename bookmark-get-filename bookmark-set-filename filename)
 (annotation bookmark-get-annotation bookmark-set-annotation ann))

(defmacro bookmark-maybe-historicize-string (string) "Push STRING onto `bookmark-history'."
     (list 'push string 'bookmark-history))

(defun bookmark-maybe-message (format-string &rest args) "Show the message FORMAT-STRING made with ARGS."
  (apply #'message format-string args))

(defun bookmark--prepare (name) "Note NAME in the history and make sure the default bookmark file was read."
  (bookmark-maybe-historicize-string name)
  (bookmark-maybe-load-default-file))

(defun bookmark--ask (prompt) "Read a bookmark name with PROMPT, for an `interactive' form: return it in a list."
  (list (bookmark-completing-read prompt bookmark-current-bookmark)))

;;;; Making records

(defun bookmark--visited-directory () "The directory a Dired-like buffer shows, or nil."
  (let ((dir (and (boundp 'dired-directory) dired-directory)))
    (if (consp dir) (car dir) dir)))

(defun bookmark-buffer-file-name () "Return the (abbreviated) file or directory the current buffer shows.
Signal an error when it shows neither."
  (let ((shown (or buffer-file-name (bookmark--visited-directory)
                   (error "Buffer not visiting a file or directory"))))
    (abbreviate-file-name shown)))

(defun bookmark-buffer-name () "Return the name a bookmark of the current buffer is offered by default."
  (let ((dir (bookmark--visited-directory)))
    (cond (buffer-file-name (file-name-nondirectory buffer-file-name))
          (dir (file-name-nondirectory (directory-file-name dir)))
          (t (buffer-name)))))

(defun bookmark-make-record-default (&optional no-file no-context posn) "Return the properties of a bookmark at POSN (default point).
The file is left out with NO-FILE, and the context strings, taken
around point even when POSN is given, with NO-CONTEXT."
  (let* ((pt (point))
         (before (- pt bookmark-search-size))
         (after (+ pt bookmark-search-size))
         (props (list (cons 'position (or posn pt)))))
    (unless no-context
      (push (cons 'rear-context-string (and (>= before (point-min)) (buffer-substring-no-properties before pt)))
            props)
      (push (cons 'front-context-string (and (<= after (point-max)) (buffer-substring-no-properties pt after)))
            props))
    (if (not no-file)
        (cons (cons 'filename (bookmark-buffer-file-name)) props)
      props)))

(defun bookmark-make-record () "Return a full bookmark record for the current buffer at point.
Its name is the buffer's current bookmark or its file's name, and its
`defaults' property lists the names to offer."
  (pcase (funcall bookmark-make-record-function)
    ((and named `(,(pred stringp) . ,_)) named)
    (props
     (let* ((names (delete-dups (delq nil (list bookmark-current-bookmark (bookmark-buffer-name)))))
            (full (cons (car names) props)))
       (bookmark-prop-set full 'defaults names)
       full))))

;;;; Storing, setting and removing

(defun bookmark-time-to-save-p (&optional final-time) "Return non-nil when the bookmarks should be saved now.
FINAL-TIME means Emacs is exiting."
  (cond (final-time (and (> bookmark-alist-modification-count 0) bookmark-save-flag))
        ((integerp bookmark-save-flag) (>= bookmark-alist-modification-count bookmark-save-flag))))

(defun bookmark--note-change (&optional no-save) "Count one change to the bookmarks; save them if it is time, unless NO-SAVE."
  (setq bookmark-alist-modification-count (1+ bookmark-alist-modification-count))
  (and (not no-save) (bookmark-time-to-save-p) (bookmark-save)))

(defun bookmark-store (name alist no-overwrite) "Record the bookmark NAME with properties ALIST.
An existing bookmark of that name gets ALIST, unless NO-OVERWRITE, which
adds a new one in front of it."
  (bookmark-maybe-load-default-file)
  (let* ((plain (substring-no-properties name))
         (old (unless no-overwrite (bookmark-get-bookmark plain 'noerror))))
    (if old (setcdr old alist) (push (cons plain alist) bookmark-alist))
    (setq bookmark-current-bookmark plain))
  (bookmark--note-change)
  (bookmark-bmenu-surreptitiously-rebuild-list))

(defun bookmark--set-fringe-mark () "Put the bookmark fringe mark on the current line."
  (when bookmark-set-fringe-mark
    (let* ((bol (line-beginning-position)) (mark (make-overlay bol (1+ bol))) (last nil))
      (dolist (prop `((category . bookmark) (evaporate . t)
                      (before-string . ,(propertize "x" 'display '(left-fringe bookmark-fringe-mark bookmark-face))))
                    last)
        (setq last (overlay-put mark (car prop) (cdr prop)))))))

(defun bookmark--remove-fringe-mark (bm) "Take one fringe mark off the line of BM in the buffer visiting its file."
  (let* ((file (bookmark-get-filename bm))
         (pos (bookmark-get-position bm))
         (buf (and file pos (find-buffer-visiting file))))
    (when buf
      (with-current-buffer buf (let* ((bol (save-restriction (widen) (save-excursion (goto-char pos) (line-beginning-position))))
               (mark (seq-find (lambda (ov) (eq (overlay-get ov 'category) 'bookmark))
                               (overlays-in bol (1+ bol)))))
          (when mark (delete-overlay mark)))))))

(defun bookmark--read-name (prompt defaults) "Read a bookmark name with PROMPT, offering DEFAULTS; empty input gives the first."
  (let* ((bookmark-yank-point (point))
         (bookmark-current-buffer (current-buffer))
         (answer (read-from-minibuffer (format-prompt prompt (car defaults)) nil
                                       bookmark-minibuffer-read-name-map nil nil defaults)))
    (if (and (string= answer "") defaults) (car defaults) answer)))

(defun bookmark-set-internal (prompt name overwrite-or-push) "Set a bookmark at point called NAME, read with PROMPT when nil.
OVERWRITE-OR-PUSH says what to do when a bookmark of that name exists:
`overwrite' replaces it, `push' adds another, nil signals an error."
  (or (memq overwrite-or-push '(nil overwrite push))
      (error "Unrecognized value for `overwrite-or-push': %S" overwrite-or-push))
  (bookmark-maybe-load-default-file)
  (let* ((full (bookmark-make-record))
         (name (or name (bookmark--read-name prompt (bookmark-prop-get full 'defaults)))))
    (and (null overwrite-or-push)
         (bookmark-get-bookmark name 'noerror)
         (error "A bookmark named \"%s\" already exists" name))
    (bookmark-store name (assq-delete-all 'defaults (copy-sequence (cdr full)))
                    (eq overwrite-or-push 'push))
    (setq bookmark-yank-point nil bookmark-current-buffer nil)
    (let ((fringe (bookmark--set-fringe-mark)))
      (if bookmark-use-annotations (bookmark-edit-annotation name) fringe))))

(defun bookmark-set (&optional name no-overwrite) "Set a bookmark called NAME at point; read the name when nil.
With NO-OVERWRITE (interactively, a prefix argument), a bookmark of the
same name is kept and the new one goes in front of it."
  (interactive (list nil current-prefix-arg)) (bookmark-set-internal "Set bookmark" name (if no-overwrite 'push 'overwrite)))

(defun bookmark-set-no-overwrite (&optional name push-bookmark) "Set a bookmark called NAME at point, refusing to replace one.
With PUSH-BOOKMARK, a bookmark of the same name is kept and the new one
goes in front of it."
  (interactive (list nil current-prefix-arg)) (bookmark-set-internal "Set bookmark" name (and push-bookmark 'push)))

(defun bookmark-yank-word () "Add the next word of the buffer being bookmarked to the name being typed."
  (interactive)
  (let ((word (with-current-buffer bookmark-current-buffer
                (let* ((from bookmark-yank-point)
                       (to (save-excursion (goto-char from) (forward-word) (point))))
                  (setq bookmark-yank-point to)
                  (buffer-substring-no-properties from to)))))
    (insert (subst-char-in-string ?\n ?\s word))))

(defun bookmark-maybe-rename (full-record names) "Give FULL-RECORD a name not in NAMES, adding <2>, <3>... as needed."
  (let ((base (car full-record)) (candidate nil) (k 1))
    (when (member base names)
      (while (member (setq k (1+ k) candidate (format "%s<%d>" base k)) names))
      (bookmark-set-name full-record candidate))))

(defun bookmark-completing-read (prompt &optional default) "Read a bookmark name with PROMPT; DEFAULT is what empty input means."
  (bookmark-maybe-load-default-file)
  (if (and (null bookmark-alist) (not (called-interactively-p 'any)))
      (or default (error "No bookmarks"))
    (let* ((completion-ignore-case bookmark-completion-ignore-case)
           (plain (and default (substring-no-properties default)))
           (answer (completing-read (format-prompt prompt plain) (mapcar #'car (bookmark-maybe-sort-alist))
                                    nil 0 nil 'bookmark-history plain)))
      (if (equal answer "") plain answer))))

(defun bookmark-delete (bookmark-name &optional batch) "Delete the bookmark BOOKMARK-NAME (a record also does).
BATCH means the caller refreshes the bookmark list and saves itself."
  (interactive (bookmark--ask "Delete bookmark"))
  (let ((bm (bookmark-get-bookmark bookmark-name 'noerror)))
    (when bm
      (bookmark--remove-fringe-mark bm)
      (setq bookmark-alist (delq bm bookmark-alist))))
  (if (and (stringp bookmark-name) (equal bookmark-current-bookmark bookmark-name))
      (setq bookmark-current-bookmark nil))
  (or batch (bookmark-bmenu-surreptitiously-rebuild-list))
  (bookmark--note-change batch)
  nil)

(defun bookmark-delete-all (&optional no-confirm) "Delete every bookmark, after asking unless NO-CONFIRM."
  (interactive "P")
  (when (or no-confirm (yes-or-no-p "Permanently delete all bookmarks? "))
    (bookmark-maybe-load-default-file) (mapc (lambda (bm) (bookmark-delete bm t)) bookmark-alist)
    (setq bookmark-alist ())
    (bookmark-bmenu-surreptitiously-rebuild-list) (and (bookmark-time-to-save-p) (bookmark-save))))

(defun bookmark-rename (old-name &optional new-name) "Rename the bookmark OLD-NAME to NEW-NAME, read when nil."
  (interactive (bookmark--ask "Old bookmark name"))
  (bookmark--prepare old-name)
  (let ((final (or new-name
                   (let ((bookmark-yank-point (point)) (bookmark-current-buffer (current-buffer)))
                     (read-from-minibuffer "New name: " nil bookmark-minibuffer-read-name-map nil 'bookmark-history)))))
    (bookmark-set-name old-name final)
    (setq bookmark-current-bookmark final))
  (bookmark-bmenu-surreptitiously-rebuild-list) (bookmark--note-change)
  nil)

;;;; Going to bookmarks

(defun bookmark--target-buffer (file buf) "Return the buffer a bookmark of FILE or of the buffer BUF opens, or signal."
  (or (and file (file-readable-p file) (not (buffer-live-p buf)) (find-file-noselect file))
      (and buf (get-buffer buf))
      (signal 'bookmark-error-no-filename (list 'stringp file))))

(defun bookmark-default-handler (bmk-record) "Make current the buffer of BMK-RECORD and move to its place.
The place is the recorded position, moved to where the context strings
are found again; the buffer is the file's, or the `buffer' property's."
  (let ((after (bookmark-get-front-context-string bmk-record))
        (before (bookmark-get-rear-context-string bmk-record)))
    (set-buffer (bookmark--target-buffer (bookmark-get-filename bmk-record) (bookmark-prop-get bmk-record 'buffer)))
    (goto-char (or (bookmark-get-position bmk-record) (point)))
    (and after (search-forward after nil t) (goto-char (match-beginning 0)))
    (and before (search-backward before nil t) (goto-char (match-end 0)))
    nil))

(defun bookmark--missing-file (name err) "Offer to relocate the bookmark NAME whose file is gone, as ERR says.
Refused, report ERR again."
  (let ((file (nth 2 err)))
    (cond ((not (and file (stringp name))) nil)
          ((y-or-n-p (format "%s nonexistent.  Relocate \"%s\"? " file name))
           (bookmark-relocate name)
           (bookmark-handle-bookmark name))
          (t (message (concat "Bookmark not relocated; " "consider removing it (%s).") name)
             (signal (car err) (cdr err))))))

(defun bookmark-handle-bookmark (bookmark-name-or-record) "Make current the buffer of BOOKMARK-NAME-OR-RECORD, at its place.
When a named bookmark's file is gone, offer to relocate it."
  (let* ((bm (bookmark-get-bookmark bookmark-name-or-record))
         (handler (or (bookmark-get-handler bm) #'bookmark-default-handler)))
    (condition-case err
        (progn (funcall handler bm)
               (if (stringp bookmark-name-or-record)
                   (setq bookmark-current-bookmark bookmark-name-or-record)))
      (bookmark-error-no-filename (bookmark--missing-file bookmark-name-or-record err))))
  nil)

(defun bookmark--jump-via (bookmark-name-or-record display-function) "Go to BOOKMARK-NAME-OR-RECORD and show its buffer with DISPLAY-FUNCTION."
  (bookmark-handle-bookmark bookmark-name-or-record)
  (let ((target (current-buffer)) (place (point)))
    (save-current-buffer (funcall display-function target))
    (let ((window (get-buffer-window target 0)))
      (if window (set-window-point window place))))
  (run-hooks 'bookmark-after-jump-hook)
  (and bookmark-automatically-show-annotations
       (bookmark-show-annotation bookmark-name-or-record)))

(defun bookmark-jump (bookmark &optional display-func) "Go to BOOKMARK (a name or a record), shown with DISPLAY-FUNC.
DISPLAY-FUNC defaults to `pop-to-buffer-same-window'."
  (interactive (bookmark--ask "Jump to bookmark"))
  (or bookmark (error "No bookmark specified"))
  (bookmark-maybe-historicize-string bookmark)
  (bookmark--jump-via bookmark (or display-func #'pop-to-buffer-same-window)))

(defun bookmark-jump-other-window (bookmark) "Go to BOOKMARK in another window."
  (interactive (bookmark--ask "Jump to bookmark (in another window)"))
  (bookmark-jump bookmark #'switch-to-buffer-other-window))

(defun bookmark-jump-other-frame (bookmark) "Go to BOOKMARK in another frame."
  (interactive (bookmark--ask "Jump to bookmark (in another frame)"))
  (bookmark-jump bookmark (lambda (buf) (let ((pop-up-frames t)) (switch-to-buffer-other-window buf)))))

(defun bookmark-location (bookmark-name-or-record) "Return where BOOKMARK-NAME-OR-RECORD points, as text."
  (let ((bm (bookmark-get-bookmark bookmark-name-or-record)))
    (or (bookmark-prop-get bm 'location) (bookmark-prop-get bm 'filename) "-- Unknown location --")))

(defun bookmark-insert-location (bookmark-name &optional no-history) "Insert the location of BOOKMARK-NAME at point.
NO-HISTORY leaves `bookmark-history' alone."
  (interactive (bookmark--ask "Insert bookmark location"))
  (or no-history (bookmark-maybe-historicize-string bookmark-name))
  (insert (bookmark-location bookmark-name)))

(defalias 'bookmark-locate #'bookmark-insert-location)

(defun bookmark-insert (bookmark-name) "Insert the whole text of the buffer BOOKMARK-NAME points into, leaving point before it."
  (interactive (bookmark--ask "Insert bookmark contents"))
  (bookmark--prepare bookmark-name)
  (let ((here (point)))
    (insert (save-current-buffer (bookmark-handle-bookmark bookmark-name) (buffer-string)))
    (push-mark)
    (goto-char here)))

(defun bookmark-relocate (bookmark-name) "Point BOOKMARK-NAME at another file, read in the minibuffer."
  (interactive (bookmark--ask "Bookmark to relocate"))
  (bookmark--prepare bookmark-name)
  (let* ((old (bookmark-get-filename bookmark-name))
         (new (read-file-name (format "Relocate %s to: " bookmark-name) (and old (file-name-directory old)))))
    (bookmark-set-filename bookmark-name (abbreviate-file-name (expand-file-name new))))
  (bookmark--note-change)
  (bookmark-bmenu-surreptitiously-rebuild-list))

;;;; Annotations

(defun bookmark--has-annotation (bm) "Return the annotation of BM when it is not empty."
  (let ((text (bookmark-get-annotation bm)))
    (and text (not (equal text "")) text)))

(defun bookmark-default-annotation-text (bookmark-name) "Return the comment lines an annotation of BOOKMARK-NAME starts with."
  (format-message (mapconcat #'identity
                             (list (concat "#  Type the annotation for bookmark " "`%s' here.")
                                   (concat "#  All lines which start with a `#' " "will be deleted.")
                                   "#  Type C-c C-c when done." "#" "#  Author: %s <%s@%s>" "#  Date:    %s" "")
                             "\n")
                  bookmark-name (user-full-name) (user-login-name) (system-name) (current-time-string)))

(defun bookmark-insert-annotation (bookmark-name-or-record) "Insert the header and the annotation of BOOKMARK-NAME-OR-RECORD."
  (let ((bm (or (bookmark-get-bookmark bookmark-name-or-record 'noerror)
                (error "Invalid bookmark: %s" bookmark-name-or-record))))
    (insert (funcall bookmark-edit-annotation-text-func bookmark-name-or-record)
            (or (bookmark--has-annotation bm) ""))))

(defvar bookmark-edit-annotation-mode-map (bookmark--keymap nil '("\C-c\C-c" bookmark-send-edited-annotation))
  "Keymap of the buffer where an annotation is typed.")

(define-derived-mode bookmark-edit-annotation-mode text-mode "Edit Bookmark Annotation"
  "Mode of the buffer where a bookmark's annotation is typed.
Lines starting with `#' are comments; \\[bookmark-send-edited-annotation]
stores the rest as the annotation.")

(defun bookmark-edit-annotation (bookmark-name-or-record &optional from-bookmark-list) "Open a buffer to edit the annotation of BOOKMARK-NAME-OR-RECORD.
FROM-BOOKMARK-LIST means to go back to the bookmark list when done."
  (pop-to-buffer (generate-new-buffer "*Bookmark Annotation Compose*"))
  (bookmark-insert-annotation bookmark-name-or-record)
  (bookmark-edit-annotation-mode)
  (setq bookmark--annotation-from-bookmark-list from-bookmark-list
        bookmark-annotation-name bookmark-name-or-record))

(defun bookmark-kill-line (&optional newline-too) "Delete the rest of the line, and its newline too with NEWLINE-TOO."
  (let ((eol (line-end-position)))
    (delete-region (point) (if (and newline-too (< eol (point-max))) (1+ eol) eol))))

(defun bookmark-send-edited-annotation () "Store this buffer's text, less its `#' lines, as the bookmark's annotation."
  (interactive)
  (unless (derived-mode-p 'bookmark-edit-annotation-mode) (error "Not in bookmark-edit-annotation-mode"))
  (save-excursion (flush-lines "^#" (point-min) (point-max)))
  (let ((bm bookmark-annotation-name)
        (to-list bookmark--annotation-from-bookmark-list)
        (compose (current-buffer)))
    (bookmark-set-annotation bm (buffer-substring-no-properties (point-min) (point-max)))
    (bookmark--note-change t)
    (message "Annotation updated for \"%s\"" bm)
    (quit-window)
    (set-buffer (window-buffer (selected-window)))
    (when (and to-list (bookmark-bmenu-get-buffer))
      (bookmark-bmenu-surreptitiously-rebuild-list) (pop-to-buffer (bookmark-bmenu-get-buffer))
      (bookmark-bmenu-goto-bookmark (bookmark-name-from-full-record (bookmark-get-bookmark bm))))
    (kill-buffer compose)))

(defun bookmark--annotation-buffer (fill) "Fill the read-only buffer *Bookmark Annotation* by calling FILL there and return it."
  (with-current-buffer (get-buffer-create "*Bookmark Annotation*")
    (let ((inhibit-read-only t)) (delete-region (point-min) (point-max))
         (funcall fill))
    (setq buffer-read-only t)
    (goto-char (point-min)) (current-buffer)))

(defun bookmark-show-annotation (bookmark-name-or-record) "Display the annotation of BOOKMARK-NAME-OR-RECORD, if it has one."
  (let ((text (bookmark--has-annotation bookmark-name-or-record))
        (here (current-buffer)))
    (when text
      (display-buffer (bookmark--annotation-buffer (lambda () (insert text))))
      here)))

(defun bookmark-show-all-annotations () "Display the annotations of every bookmark, by name."
  (let ((all (bookmark-maybe-sort-alist)))
    (display-buffer
     (bookmark--annotation-buffer
      (lambda ()
        (dolist (bm all)
          (insert (car bm) ":\n")
          (let ((text (bookmark--has-annotation bm)))
            (when text
              (insert (replace-regexp-in-string "^" "    " text) "\n"))))))))
  t)

;;;; The bookmark file

(defun bookmark-maybe-sort-alist () "Return `bookmark-alist', sorted by name when `bookmark-sort-flag' says so."
  (if (not bookmark-sort-flag)
      bookmark-alist
    (sort (copy-sequence bookmark-alist) (lambda (a b) (string-lessp (car a) (car b))))))

(defun bookmark-insert-file-format-version-stamp (coding) "Insert the stamp that heads a bookmark file written with CODING."
  (insert (format ";;;; Emacs Bookmark Format Version %d;;;; -*- coding: %S; mode: lisp-data -*-
;;; This format is meant to be slightly human-readable;
;;; nevertheless, you probably don't want to edit it.
;;; %s" bookmark-file-format-version (or coding 'no-conversion) bookmark-end-of-version-stamp-marker)))

(defun bookmark-grok-file-format-version () "Return the format version the stamp at point names, 0 when there is none."
  (if (looking-at ";;;; Emacs Bookmark Format Version \\([0-9]+\\)")
      (string-to-number (match-string 1))
    0))

(defun bookmark-alist-from-buffer () "Return the bookmark list that follows the stamp in the current buffer."
  (let ((after-stamp (save-excursion
                       (goto-char (point-min)) (search-forward bookmark-end-of-version-stamp-marker nil t))))
    (cond (after-stamp (save-excursion (goto-char after-stamp) (read (current-buffer))))
          (buffer-file-name (error "File not in bookmark format: %s" buffer-file-name))
          (t (error "Buffer not in bookmark format: %s" (buffer-name))))))

(defun bookmark-upgrade-version-0-alist (old-list) "Return OLD-LIST, bookmarks of format version 0, in the current format."
  (mapcar (lambda (bm)
            (pcase-let ((`(,file ,front ,rear ,pos) (cadr bm)))
              (list (car bm) `((filename . ,file) (front-context-string . ,front)
                               (rear-context-string . ,rear) (position . ,pos) (annotation)))))
          old-list))

(defun bookmark-upgrade-file-format-from-0 () "Rewrite the current buffer, a version 0 bookmark file, in the current format."
  (let ((reporter (make-progress-reporter "Upgrading bookmark format from 0 to 1..."))
        (converted (bookmark-upgrade-version-0-alist (bookmark-alist-from-buffer))))
    (erase-buffer)
    (bookmark-insert-file-format-version-stamp buffer-file-coding-system) (pp converted (current-buffer))
    (progress-reporter-done reporter)))

(defun bookmark-maybe-upgrade-file-format () "Bring the bookmark file in the current buffer to the current format."
  (pcase (save-excursion (goto-char (point-min)) (bookmark-grok-file-format-version))
    ((pred (eql bookmark-file-format-version)) nil)
    (0 (bookmark-upgrade-file-format-from-0))
    (_ (error "Bookmark file format version strangeness"))))

(defun bookmark--print-record (bm) "Insert BM as the bookmark file shows it: the name, then a property a line."
  (insert ?\( (prin1-to-string (car bm)))
  (dolist (prop (cdr bm))
    ;; Each property starts a line after one space, and the lines `pp'
    ;; breaks it into are shifted right by that space too.
    (insert "\n " (replace-regexp-in-string "\n" "\n " (string-trim-right (pp-to-string prop) "\n+"))))
  (insert ?\) ?\n))

(defun bookmark-write-file (file) "Write the bookmarks to FILE, in the bookmark file format."
  (let ((reporter (make-progress-reporter (format "Saving bookmarks to file %s..." file)))
        (coding-system-for-write (or bookmark-file-coding-system 'utf-8-emacs))
        (version-control (pcase bookmark-version-control
                           ('nil nil) ('never 'never) ('nospecial version-control) (_ t))))
    (let ((all bookmark-alist))
      (with-temp-buffer
        (bookmark-insert-file-format-version-stamp coding-system-for-write)
        (let ((print-length nil) (print-level nil))
          (insert "(")
          (mapc #'bookmark--print-record all)
          (insert ")\n"))
        (write-region (point-min) (point-max) file nil 0)))
    (progress-reporter-done reporter)))

(defun bookmark--file-mtime (file) "Return FILE's modification time, or nil."
  (let ((attrs (file-attributes file))) (and attrs (file-attribute-modification-time attrs))))

(defun bookmark-save (&optional parg file make-default) "Save the bookmarks to FILE, by default the file they came from.
Interactively, a prefix argument PARG reads the file.  MAKE-DEFAULT
makes FILE the one reloaded and saved from now on."
  (interactive
  (if current-prefix-arg
      (list t (read-file-name "File to save bookmarks in: " nil
                              (or (car bookmark-bookmarks-timestamp) bookmark-default-file))
            (y-or-n-p "Use this file as the default bookmark file? "))
    (list nil nil nil)))
  (ignore parg)
  (let ((target (or file (car bookmark-bookmarks-timestamp) bookmark-default-file)))
    (bookmark-write-file target)
    (setq bookmark-alist-modification-count 0)
    (if (or make-default (equal target (car bookmark-bookmarks-timestamp)))
        (setq bookmark-bookmarks-timestamp (cons target (bookmark--file-mtime target))))))

(defun bookmark-write () "Save the bookmarks to a file read in the minibuffer."
  (interactive) (bookmark-save t (read-file-name "File to save bookmarks in: ")))

(defun bookmark-import-new-list (new-list) "Add the bookmarks of NEW-LIST, renaming those whose names are taken."
  (let ((taken (bookmark-all-names)))
    (dolist (bm new-list)
      (bookmark-maybe-rename bm taken)
      (push (car bm) taken))
    (setq bookmark-alist (append bookmark-alist new-list))
    nil))

(defun bookmark--read-file (file) "Return the bookmark list saved in FILE."
  (with-temp-buffer
    (let ((coding-system-for-read (or coding-system-for-read 'utf-8-emacs))) (insert-file-contents file t))
    (let ((found (bookmark-alist-from-buffer)))
      (set-buffer-modified-p nil)
      found)))

(defun bookmark-load (file &optional overwrite no-msg default) "Read the bookmarks saved in FILE.
They are added to the current ones, renamed where names clash, unless
OVERWRITE, which replaces them.  NO-MSG keeps quiet; DEFAULT makes FILE
the default bookmark file from now on."
  (interactive
  (list (read-file-name "Load bookmarks from: "
                        (file-name-directory (or (car bookmark-bookmarks-timestamp) bookmark-default-file))
                        nil t)
        current-prefix-arg))
  (let ((path (expand-file-name file)))
    (or (file-readable-p path)
        (user-error "Cannot read bookmark file %s" (abbreviate-file-name path)))
    (let* ((reporter (and (not no-msg) (make-progress-reporter (format "Loading bookmarks from %s..." path))))
           (loaded (bookmark--read-file path)))
      (or (listp loaded) (error "Invalid bookmark list in %s" path))
      (cond (overwrite (setq bookmark-alist loaded
                             bookmark-alist-modification-count 0))
            (t (bookmark-import-new-list loaded)
               (bookmark--note-change t)))
      (if default
          (setq bookmark-bookmarks-timestamp (cons path (bookmark--file-mtime path))))
      (bookmark-bmenu-surreptitiously-rebuild-list) (and reporter (progress-reporter-done reporter)))))

(defun bookmark-maybe-load-default-file () "Read `bookmark-default-file' unless it is the file last read."
  (let ((file (expand-file-name bookmark-default-file))
        (last (car bookmark-bookmarks-timestamp)))
    (unless (or (member last (list bookmark-default-file file))
                (not (file-readable-p file))
                ;; An empty file holds no bookmarks yet: nothing to read.
                (zerop (or (file-attribute-size (file-attributes file)) 0)))
      (bookmark-load bookmark-default-file t t)
      (setq bookmark-bookmarks-timestamp (cons bookmark-default-file (bookmark--file-mtime file))
            bookmarks-already-loaded bookmark-bookmarks-timestamp))
    nil))

(defun bookmark-exit-hook-internal () "Save the bookmarks when Emacs exits, if they changed and are to be saved."
  (run-hooks (quote bookmark-exit-hook))
  (and bookmark-alist (bookmark-time-to-save-p t) (bookmark-save)))

;;;; The bookmark list

(require 'tabulated-list)

(defvar bookmark-bmenu-mode-map
  (bookmark--keymap tabulated-list-mode-map
                    '([mouse-2] bookmark-bmenu-other-window-with-mouse "/" bookmark-bmenu-search
                      "e" bookmark-bmenu-edit-annotation "A" bookmark-bmenu-show-all-annotations
                      "a" bookmark-bmenu-show-annotation "t" bookmark-bmenu-toggle-filenames
                      "R" bookmark-bmenu-relocate "r" bookmark-bmenu-rename "l" bookmark-bmenu-load
                      "M" bookmark-bmenu-mark-all "m" bookmark-bmenu-mark "U" bookmark-bmenu-unmark-all
                      "u" bookmark-bmenu-unmark "\177" bookmark-bmenu-backup-unmark " " next-line
                      "D" bookmark-bmenu-delete-all "d" bookmark-bmenu-delete "x" bookmark-bmenu-execute-deletions
                      "\C-d" bookmark-bmenu-delete-backwards "k" bookmark-bmenu-delete
                      "\C-x\C-s" bookmark-bmenu-save "s" bookmark-bmenu-save
                      "\C-o" bookmark-bmenu-switch-other-window "o" bookmark-bmenu-other-window
                      "\C-m" bookmark-bmenu-this-window "f" bookmark-bmenu-this-window
                      "\C-c\C-c" bookmark-bmenu-this-window "j" bookmark-bmenu-this-window
                      "1" bookmark-bmenu-1-window "2" bookmark-bmenu-2-window "5" bookmark-bmenu-other-frame
                      "w" bookmark-bmenu-locate "v" bookmark-bmenu-select))
  "Keymap of the bookmark list.")

(defun bookmark-bmenu--compare (key a b) "Non-nil if list entry A's bookmark comes before B's, comparing KEY of each."
  (string< (funcall key (car a)) (funcall key (car b))))

(defun bookmark-bmenu--name-predicate (a b) "Non-nil if list entry A sorts before B by bookmark name."
  (bookmark-bmenu--compare #'bookmark-name-from-full-record a b))

(defun bookmark-bmenu--file-predicate (a b) "Non-nil if list entry A sorts before B by location."
  (bookmark-bmenu--compare #'bookmark-location a b))

(defun bookmark-bmenu--columns () "The column description of the bookmark list as it is shown now."
  (vconcat '(("" 1))
           `(("Bookmark" ,bookmark-bmenu-file-column bookmark-bmenu--name-predicate))
           (and bookmark-bmenu-toggle-filenames '(("File" 0 bookmark-bmenu--file-predicate)))))

(defun bookmark-bmenu--entry (bm) "The list entry (ID LABELS) showing the bookmark BM."
  (list bm (vconcat (list (if (bookmark--has-annotation bm) "*" "") (car bm))
                    (and bookmark-bmenu-toggle-filenames (list (bookmark-location bm))))))

(defun bookmark-bmenu--revert () "Print the bookmark list again from `bookmark-alist'."
  (setq tabulated-list-format (bookmark-bmenu--columns)
        tabulated-list-entries (mapcar #'bookmark-bmenu--entry bookmark-alist))
  (tabulated-list--redraw))

(defalias 'bookmark-bmenu-set-header #'tabulated-list-init-header)

(define-derived-mode bookmark-bmenu-mode tabulated-list-mode "Bookmark Menu" "Major mode of the list of bookmarks made by \\[bookmark-bmenu-list].
Each line shows a bookmark; mark lines with \\<bookmark-bmenu-mode-map>\\[bookmark-bmenu-mark]
or flag them for deletion with \\[bookmark-bmenu-delete], then delete with
\\[bookmark-bmenu-execute-deletions].  \\[bookmark-bmenu-this-window] goes to the bookmark."
  (setq tabulated-list-format (bookmark-bmenu--columns)
        tabulated-list-padding bookmark-bmenu-marks-width
        tabulated-list-sort-key (list "Bookmark")
        tabulated-list-use-header-line bookmark-bmenu-use-header-line
        buffer-read-only t truncate-lines t)
  (add-hook 'tabulated-list-revert-hook #'bookmark-bmenu--revert nil t))

(defun bookmark-bmenu-get-buffer () "Return the buffer listing the bookmarks, or nil."
  (get-buffer bookmark-bmenu-buffer))

(defun bookmark-bmenu-list () "Show the list of bookmarks, to jump to, mark and delete them."
  (interactive) (bookmark-maybe-load-default-file)
  (funcall (if (called-interactively-p 'interactive) #'pop-to-buffer #'set-buffer)
           (get-buffer-create bookmark-bmenu-buffer))
  (bookmark-bmenu-mode) (bookmark-bmenu--revert))

(defun bookmark-bmenu-surreptitiously-rebuild-list () "Refresh the bookmark list's buffer, if there is one, leaving the rest alone."
  (let ((menu (bookmark-bmenu-get-buffer)))
    (and menu
         (save-window-excursion
           (with-current-buffer menu (save-excursion (bookmark-bmenu--revert)))))))

(defun bookmark-bmenu-ensure-position () "Move off the end of the list onto its last line; return nil."
  (and (eobp) (not (bobp)) (forward-line -1))
  nil)

(defun bookmark-bmenu--record () "Return the bookmark on the current line of the list."
  (bookmark-bmenu-ensure-position) (tabulated-list-get-id))

(defun bookmark-bmenu-bookmark () "Return the name of the bookmark on the current line of the list."
  (car (bookmark-bmenu--record)))

(defun bookmark-bmenu-goto-bookmark (name) "Move to the line of the bookmark called NAME in the list."
  (goto-char (point-min))
  (while (and (not (eobp)) (not (equal (car (tabulated-list-get-id)) name))) (forward-line))
  (or (eobp) (forward-line 0)))

(defun bookmark-bmenu-show-filenames (&optional _) "Show the bookmark list with its File column."
  (interactive) (setq bookmark-bmenu-toggle-filenames t)
  (bookmark-bmenu--revert))

(defun bookmark-bmenu-hide-filenames (&optional _) "Show the bookmark list without its File column."
  (interactive) (setq bookmark-bmenu-toggle-filenames nil)
  (bookmark-bmenu--revert))

(defun bookmark-bmenu-toggle-filenames (&optional show) "Show or hide the File column of the bookmark list; SHOW always shows it."
  (interactive "P")
  (funcall (if (and bookmark-bmenu-toggle-filenames (not show))
               #'bookmark-bmenu-hide-filenames
             #'bookmark-bmenu-show-filenames)))

;; Marks: the first column of a line's padding holds `>' (marked for
;; `bookmark-bmenu-select'), `D' (flagged for deletion) or a space.

(defun bookmark-bmenu--tag-line (tag step) "Write TAG in the marks of the current line, then move STEP lines."
  (bookmark-bmenu-ensure-position) (tabulated-list-put-tag tag)
  (forward-line step))

(defun bookmark-bmenu--tag-all (tag) "Write TAG in the marks of every line, leaving point where it is."
  (save-excursion
    (goto-char (point-min))
    (while (tabulated-list-get-id)
      (tabulated-list-put-tag tag t))))

(defun bookmark-bmenu-mark () "Mark the bookmark on this line to be shown by \\[bookmark-bmenu-select]."
  (interactive) (bookmark-bmenu--tag-line ">" 1))

(defun bookmark-bmenu-mark-all () "Mark every bookmark of the list."
  (interactive) (bookmark-bmenu--tag-all ">"))

(defun bookmark-bmenu-unmark (&optional backup) "Remove the marks of this line and move down, or up with BACKUP."
  (interactive "P") (bookmark-bmenu--tag-line " " (if backup -1 1)))

(defun bookmark-bmenu-backup-unmark () "Move up a line and remove its marks."
  (interactive) (forward-line -1)
  (bookmark-bmenu--tag-line " " 0)
  (bookmark-bmenu-ensure-position))

(defun bookmark-bmenu-unmark-all () "Remove every mark of the list."
  (interactive) (bookmark-bmenu--tag-all " "))

(defun bookmark-bmenu-delete () "Flag the bookmark on this line for deletion and move down."
  (interactive) (bookmark-bmenu--tag-line "D" 1))

(defun bookmark-bmenu-delete-backwards () "Flag the bookmark on this line for deletion and move up."
  (interactive) (bookmark-bmenu--tag-line "D" -1))

(defun bookmark-bmenu-delete-all () "Flag every bookmark of the list for deletion."
  (interactive) (bookmark-bmenu--tag-all "D"))

(defun bookmark-bmenu--lines-tagged (char) "Return the bookmarks of the lines whose mark is CHAR, top to bottom."
  (let ((tagged ()) (line (point-min)))
    (while (tabulated-list-get-id line)
      (if (eq (char-after line) char) (push (tabulated-list-get-id line) tagged))
      (setq line (save-excursion (goto-char line) (forward-line) (point))))
    (nreverse tagged)))

(defun bookmark-bmenu-any-marks () "Return t if some line of the list has a mark or a deletion flag."
  (and (or (bookmark-bmenu--lines-tagged ?>) (bookmark-bmenu--lines-tagged ?D)) t))

(defun bookmark-bmenu-execute-deletions () "Delete the bookmarks flagged with D."
  (interactive)
  (when (or (not bookmark-menu-confirm-deletion) (yes-or-no-p "Delete selected bookmarks? "))
    (let ((progress (make-progress-reporter "Deleting bookmarks..."))
          (row (count-lines (point-min) (line-beginning-position))))
      (mapc (lambda (bm) (bookmark-delete bm t)) (bookmark-bmenu--lines-tagged ?D))
      (bookmark-bmenu--revert)
      (goto-char (point-min)) (forward-line row)
      (bookmark-bmenu-ensure-position) (and (bookmark-time-to-save-p) (bookmark-save))
      (progress-reporter-done progress))))

(defun bookmark-bmenu-filter-alist-by-regexp (regexp) "List only the bookmarks whose names match REGEXP."
  (let ((bookmark-alist (seq-filter (lambda (bm) (string-match-p regexp (car bm))) bookmark-alist)))
    (bookmark-bmenu--revert))
  (goto-char (point-min)))

(defun bookmark-bmenu-search () "Read a regexp and list only the bookmarks whose names match it."
  (interactive) (bookmark-bmenu-filter-alist-by-regexp (read-string "Pattern: ")))

(defun bookmark-bmenu-locate () "Show the location of this line's bookmark in the echo area."
  (interactive) (message "%s" (bookmark-location (bookmark-bmenu--record))))

;; Going to the bookmarks of the list.

(defun bookmark-bmenu--visit (how) "Go to this line's bookmark, showing its buffer with the function HOW."
  (bookmark--jump-via (bookmark-bmenu--record) how))

(defun bookmark-bmenu-this-window () "Go to this line's bookmark in the selected window."
  (interactive) (bookmark-bmenu--visit #'switch-to-buffer))

(defun bookmark-bmenu-other-window () "Go to this line's bookmark in another window."
  (interactive) (bookmark-bmenu--visit #'switch-to-buffer-other-window))

(defun bookmark-bmenu-switch-other-window () "Show this line's bookmark in another window, staying in the list."
  (interactive) (save-selected-window (bookmark-bmenu--visit #'display-buffer)))

(defun bookmark-bmenu-other-frame () "Go to this line's bookmark in another frame."
  (interactive) (let ((pop-up-frames t)) (bookmark-bmenu--visit #'switch-to-buffer-other-window)))

(defun bookmark-bmenu-other-window-with-mouse (event) "Go to the bookmark clicked on with EVENT, in another window."
  (interactive "e")
  (let ((end (event-end event)))
    (with-current-buffer (window-buffer (posn-window end))
      (goto-char (posn-point end))
      (bookmark-bmenu--visit #'switch-to-buffer-other-window))))

(defun bookmark-bmenu-1-window () "Go to this line's bookmark in the only window of the frame."
  (interactive) (bookmark-bmenu--visit #'pop-to-buffer) (delete-other-windows))

(defun bookmark-bmenu-2-window () "Show this line's bookmark beside the previous buffer, in two windows."
  (interactive)
  (let ((bm (bookmark-bmenu--record)) (listing (current-buffer)))
    (delete-other-windows) (switch-to-buffer (other-buffer) nil t)
    (bookmark--jump-via bm #'pop-to-buffer)
    (bury-buffer listing)))

(defun bookmark-bmenu-select () "Show this line's bookmark here and the marked ones in other windows."
  (interactive)
  (let* ((here (bookmark-bmenu--record))
         (listing (current-buffer))
         (others (delq here (bookmark-bmenu--lines-tagged ?>))))
    (delete-other-windows) (bookmark--jump-via here #'switch-to-buffer)
    (bury-buffer listing)
    (dolist (bm others)
      (save-selected-window (bookmark--jump-via bm #'display-buffer)))))

;; Editing the bookmarks from the list.

(defun bookmark-bmenu-rename () "Rename this line's bookmark."
  (interactive) (bookmark-rename (bookmark-bmenu-bookmark))
  (bookmark-bmenu-goto-bookmark bookmark-current-bookmark))

(defun bookmark-bmenu-relocate () "Point this line's bookmark at another file."
  (interactive) (bookmark-relocate (bookmark-bmenu-bookmark)))

(defun bookmark-bmenu-load () "Read bookmarks from a file into the list."
  (interactive) (save-window-excursion (call-interactively #'bookmark-load)))

(defun bookmark-bmenu-save () "Save the bookmarks."
  (interactive) (save-window-excursion (call-interactively #'bookmark-save)))

(defun bookmark-bmenu-show-annotation () "Show the annotation of this line's bookmark."
  (interactive) (bookmark-show-annotation (bookmark-bmenu--record)))

(defun bookmark-bmenu-show-all-annotations () "Show the annotations of all bookmarks."
  (interactive) (bookmark-show-all-annotations))

(defun bookmark-bmenu-edit-annotation () "Edit the annotation of this line's bookmark."
  (interactive) (bookmark-edit-annotation (bookmark-bmenu-bookmark) t))

(defun bookmark-unload-function () "Let `unload-feature' do the rest after bookmark.el's hook is taken off."
  (remove-hook 'kill-emacs-hook #'bookmark-exit-hook-internal)
  nil)

(provide 'bookmark)

(run-hooks 'bookmark-load-hook)

;;; bookmark.el ends here
