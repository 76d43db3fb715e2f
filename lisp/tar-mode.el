;;; tar-mode.el --- browse and extract the members of tar archives  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and the
;; Emacs manual's "File Archives" node.  Visiting a .tar file shows one
;; line per member (mode, owner/group, size, name); the archive's bytes
;; are kept in a hidden buffer (`tar-data-buffer') and described by
;; `tar-parse-info', a list of `tar-header' vectors.  `tar-extract' shows
;; a member in a buffer of its own.  Autoloaded (autoloads.el); the
;; .tar entry of `auto-mode-alist' is in modes.el.

;;; Code:

(require 'cl-lib)

(defgroup tar nil "Viewing and editing the members of tar archives." :group 'data)
(dolist (opt '((tar-mode-show-date nil boolean "Non-nil means each line also shows the member's date.")
               (tar-anal-blocksize 20 integer "Blocking factor used when writing archives.")
               (tar-update-datestamp nil boolean "Non-nil means saving a member changes its date.")
               (tar-mode-hook nil hook "Run when a buffer enters Tar mode.")))
  (custom-declare-variable (car opt) (nth 1 opt) (nth 3 opt) :type (nth 2 opt) :group 'tar))

(cl-defstruct (tar-header (:type vector) :named (:constructor tar--make-header))
  data-start name mode uid gid size date checksum link-type link-name magic uname gname dmaj dmin header-start)

(defvar-local tar-parse-info nil "The archive's members: a list of `tar-header' vectors, in order.")
(defvar-local tar-data-buffer nil "The hidden buffer holding the archive's bytes.")
(defvar-local tar-superior-buffer nil "In a member's buffer, the Tar mode buffer it came from.")
(defvar-local tar-superior-descriptor nil "In a member's buffer, its `tar-header'.")

(defun tar-grind-file-mode (mode) "MODE's permission bits as nine characters: rwxr-xr-x with s, S, t, T for the special bits."
  (let ((out (make-string 9 ?-)))
    (dotimes (i 9) (when (/= 0 (logand mode (ash 1 (- 8 i))))
        (aset out i (aref "rwxrwxrwx" i))))
    (cl-loop for (bit . pos) in '((#o4000 . 2) (#o2000 . 5) (#o1000 . 8)) do
             (when (/= 0 (logand mode bit))
               (aset out pos (if (eq (aref out pos) ?x)
                                 (if (= bit #o1000) ?t ?s)
                               (if (= bit #o1000) ?T ?S)))))
    out))

;;; Parsing.

(defun tar--field (block from len) "The NUL-terminated text of BLOCK (a unibyte string) at FROM, at most LEN bytes."
  (let* ((raw (substring block from (+ from len)))
         (nul (string-search "\0" raw)))
    (substring raw 0 nul)))

(defun tar--octal (block from len) "The octal number of BLOCK at FROM, LEN bytes; nil if there is none."
  (let ((text (string-trim (tar--field block from len))))
    (and (string-match-p "\\`[0-7]+\\'" text) (string-to-number text 8))))

(defun tar--link-type (flag) "The link type a header's type FLAG byte means: nil for a plain file, else a number or the character."
  (cond ((memq flag '(0 ?0)) nil)
        ((<= ?1 flag ?7) (- flag ?0))
        (t flag)))

(defun tar--parse (data) "Parse the archive in the unibyte buffer DATA: a list of `tar-header'."
  (with-current-buffer data
    (let ((pos (point-min)) (out nil) (long-name nil) (long-link nil))
      (while (<= (+ pos 512) (point-max))
        (let ((block (buffer-substring-no-properties pos (+ pos 512))))
          (if (string-match-p "\\`\0*\\'" block)
              (setq pos (point-max))
            (let* ((size (or (tar--octal block 124 12) 0))
                   (flag (aref block 156))
                   (magic (tar--field block 257 6))
                   (prefix (if (equal magic "ustar") (tar--field block 345 155) ""))
                   (name (or long-name (if (equal prefix "") (tar--field block 0 100)
                                         (concat prefix "/" (tar--field block 0 100)))))
                   (start (+ pos 512))
                   (body-end (+ start (* 512 (ceiling size 512.0)))))
              (cond
               ((memq flag '(?L ?K))
                (let ((text (buffer-substring-no-properties start (min (point-max) (+ start size)))))
                  (setq text (substring text 0 (string-search "\0" text)))
                  (if (eq flag ?L) (setq long-name text) (setq long-link text))))
               (t
                (push (tar--make-header
                       :data-start (copy-marker start) :name (decode-coding-string name 'utf-8)
                       :mode (or (tar--octal block 100 8) 0) :uid (or (tar--octal block 108 8) 0)
                       :gid (or (tar--octal block 116 8) 0) :size size
                       :date (or (tar--octal block 136 12) 0) :checksum (tar--octal block 148 8)
                       :link-type (tar--link-type flag)
                       :link-name (decode-coding-string (or long-link (tar--field block 157 100)) 'utf-8)
                       :magic (substring block 257 263) :uname (tar--field block 265 32) :gname (tar--field block 297 32)
                       :dmaj (or (tar--octal block 329 8) 0) :dmin (or (tar--octal block 337 8) 0))
                      out)
                (setq long-name nil long-link nil)))
              (setq pos body-end))))) (nreverse out))))

;;; The summary.

(defun tar--type-char (type) "The character showing a member's link TYPE in its summary line."
  (pcase type
    ('nil ?-) (1 ?h) (2 ?l) (3 ?c) (4 ?b) (5 ?d) (6 ?p) (7 ?-)
    ((pred characterp) type) (_ ??)))

(defconst tar--name-help "mouse-2: extract this file into a buffer" "The `help-echo' of member names.")

(defun tar-header-block-summarize (header &optional mod-p) "The summary line of HEADER; MOD-P non-nil marks it modified."
  (let ((type (tar-header-link-type header)))
    (concat (if mod-p "*" " ") (string (tar--type-char type))
            (tar-grind-file-mode (tar-header-mode header))
            (format "%14s" (format "%s/%s" (let ((u (tar-header-uname header))) (if (equal u "") (tar-header-uid header) u))
                                   (let ((g (tar-header-gname header))) (if (equal g "") (tar-header-gid header) g))))
            (format "%10d" (tar-header-size header))
            (if tar-mode-show-date (format-time-string " %Y-%m-%d %H:%M" (tar-header-date header)) "")
            " " (propertize (tar-header-name header) 'mouse-face 'highlight 'help-echo tar--name-help)
            (pcase type (1 (concat " ==> " (tar-header-link-name header)))
                   (2 (concat " --> " (tar-header-link-name header)))
                   (_ "")))))

(defun tar-summarize-buffer () "Describe the archive's members, one line each, in the current buffer."
  (let ((inhibit-read-only t)) (erase-buffer) (dolist (h tar-parse-info)
      (let ((line (tar-header-block-summarize h)) (start (point)))
        (insert (substring-no-properties line) "\n")
        (let ((name-at (+ start (next-single-property-change 0 'mouse-face line))))
          (put-text-property name-at (+ name-at (length (tar-header-name h))) 'help-echo tar--name-help)
          (put-text-property name-at (+ name-at (length (tar-header-name h))) 'mouse-face 'highlight)))) (set-buffer-modified-p nil) (goto-char (point-min))))

(defun tar-current-descriptor (&optional noerror) "The `tar-header' of the member on this line; NOERROR: nil instead of an error."
  (or (nth (count-lines (point-min) (line-beginning-position)) tar-parse-info)
      (unless noerror (error "This line does not describe a tar-file entry"))))

(defun tar--goto-name () "Move point to the start of the member name on this line."
  (beginning-of-line) (let ((h (tar-current-descriptor t)))
    (when h
      (let ((at (string-search (tar-header-name h) (buffer-substring (point) (line-end-position)))))
        (when at (forward-char at))))))

;;; Commands.

(defun tar-next-line (arg) "Move down ARG lines and to the member's name."
  (interactive "p") (forward-line arg) (tar--goto-name))

(defun tar-previous-line (arg) "Move up ARG lines and to the member's name." (interactive "p") (tar-next-line (- arg)))

(defun tar--set-flag (char arg) "Put CHAR in the first column of ARG lines from point, moving down (up if ARG < 0)."
  (let ((inhibit-read-only t) (step (if (< arg 0) -1 1)))
    (dotimes (_ (abs arg)) (tar-current-descriptor)
      (beginning-of-line) (delete-char 1) (insert char) (forward-line step)) (set-buffer-modified-p (buffer-modified-p))))

(defun tar-flag-deleted (arg &optional unflag) "Flag ARG members for deletion by \\[tar-expunge]; UNFLAG removes the flag."
  (interactive "p") (tar--set-flag (if unflag " " "D") arg))

(defun tar-unflag (arg) "Remove the deletion flag of ARG members."
  (interactive "p") (tar-flag-deleted arg t))

(defun tar-unflag-backwards (arg) "Remove the deletion flag of ARG members, moving up."
  (interactive "p") (tar-flag-deleted (- arg) t))

(defun tar--member-bytes (h) "The bytes of the member H."
  (with-current-buffer tar-data-buffer (let ((start (marker-position (tar-header-data-start h))))
      (buffer-substring-no-properties start (+ start (tar-header-size h))))))

(defun tar-extract (&optional other-window-p) "Show the member on this line in a buffer of its own and return that buffer.
OTHER-WINDOW-P: `view' views it without selecting, `display' only
displays it, other non-nil values select it in another window."
  (interactive) (let* ((h (tar-current-descriptor))
         (name (tar-header-name h))
         (archive (current-buffer))
         (bufname (format "%s (%s)" (file-name-nondirectory name) (buffer-name archive))))
    (when (eq (tar-header-link-type h) 5) (error "This is a directory, not a real file"))
    (when (memq (tar-header-link-type h) '(1 2)) (error "This is a link, not a real file"))
    (let ((buf (get-buffer bufname)))
      (unless buf
        (setq buf (get-buffer-create bufname))
        (let ((bytes (tar--member-bytes h)))
          (with-current-buffer buf (let ((buffer-file-name (expand-file-name name (file-name-directory (or (buffer-file-name archive) default-directory)))))
              (insert (decode-coding-string bytes (car (detect-coding-string bytes))))
              (goto-char (point-min)) (set-auto-mode)) (setq tar-superior-buffer archive tar-superior-descriptor h)
            (set-buffer-modified-p nil)))) (pcase other-window-p
        ('nil (switch-to-buffer buf))
        ('display (display-buffer buf))
        ('view (display-buffer buf))
        (_ (switch-to-buffer-other-window buf)))
      buf)))

;; The other ways to show a member: (COMMAND HOW DOC), HOW as `tar-extract' takes it.
(dolist (v '((tar-extract-other-window t "Show the member on this line in another window.")
             (tar-display-other-window display "Display the member on this line in another window, staying here.")
             (tar-view view "View the member on this line.")))
  (let ((how (nth 1 v)))
    (defalias (car v) (lambda () (interactive) (tar-extract how)) (nth 2 v))))

(defun tar-copy (to-file) "Write the member on this line to the file TO-FILE."
  (interactive (list (read-file-name "Copy to: ")))
  (let ((bytes (tar--member-bytes (tar-current-descriptor))))
    (when (file-directory-p to-file)
      (setq to-file (expand-file-name (file-name-nondirectory (tar-header-name (tar-current-descriptor))) to-file)))
    (with-temp-buffer (set-buffer-multibyte nil) (insert bytes)
      (let ((coding-system-for-write 'no-conversion)) (write-region nil nil to-file nil 'quiet nil t)))
    (message "Copied tar entry %s to %s" (tar-header-name (tar-current-descriptor)) to-file)))

(defun tar-expunge (&optional noconfirm) "Remove the members flagged for deletion from the archive; NOCONFIRM skips the question."
  (interactive) (let (doomed)
    (save-excursion (goto-char (point-min)) (let ((i 0)) (while (not (eobp)) (when (eq (char-after) ?D) (push i doomed))
          (setq i (1+ i)) (forward-line 1)))) (if (null doomed) (message "Nothing to expunge")
      (when (or noconfirm (y-or-n-p "Expunge files marked for deletion? "))
        (dolist (i doomed)
          (let* ((h (nth i tar-parse-info))
                 (start (- (marker-position (tar-header-data-start h)) 512))
                 (end (+ start 512 (* 512 (ceiling (tar-header-size h) 512.0)))))
            (with-current-buffer tar-data-buffer (let ((inhibit-read-only t)) (delete-region start end)))))
        (setq tar-parse-info (tar--parse tar-data-buffer))
        (tar-summarize-buffer) (set-buffer-modified-p t) (message "Files deleted")))))

(defvar tar-mode-map (let ((map (make-keymap))) (suppress-keymap map) (dolist (b '(("SPC" . tar-next-line) ("n" . tar-next-line) ("p" . tar-previous-line)
                 ("C-n" . tar-next-line) ("C-p" . tar-previous-line) ("DEL" . tar-unflag-backwards)
                 ("d" . tar-flag-deleted) ("C-d" . tar-flag-deleted) ("u" . tar-unflag) ("x" . tar-expunge)
                 ("e" . tar-extract) ("f" . tar-extract) ("RET" . tar-extract) ("o" . tar-extract-other-window)
                 ("C-o" . tar-display-other-window) ("v" . tar-view) ("c" . tar-copy) ("g" . revert-buffer)
                 ("q" . quit-window)))
      (define-key map (kbd (car b)) (cdr b)))
    map)
  "Keymap of Tar mode.")

(define-derived-mode tar-mode special-mode "Tar" "Major mode for viewing a tar archive: one line per member.
\\{tar-mode-map}"
  (let* ((file buffer-file-name) (raw (if (and file (file-readable-p file) (not (buffer-modified-p)))
                 (with-temp-buffer (set-buffer-multibyte nil) (insert-file-contents-literally file) (buffer-string)) (if enable-multibyte-characters (encode-coding-string (buffer-string) (or buffer-file-coding-system 'raw-text))
                 (buffer-string))))) (setq tar-data-buffer (generate-new-buffer (format " *tar-data %s*" (buffer-name))))
    (with-current-buffer tar-data-buffer (set-buffer-multibyte nil) (insert raw))
    (let ((reporter (make-progress-reporter "Parsing tar file...")))
      (setq tar-parse-info (tar--parse tar-data-buffer))
      (progress-reporter-done reporter)) (tar-summarize-buffer) (setq buffer-read-only nil) (tar-next-line 0)
    (add-hook 'kill-buffer-hook #'tar-mode-kill-buffer-hook nil t)))

(defun tar-mode-kill-buffer-hook () "Kill the hidden data buffer with the archive's buffer." (when (buffer-live-p tar-data-buffer) (kill-buffer tar-data-buffer)))

(provide 'tar-mode)
;;; tar-mode.el ends here
