;;; buff-menu.el --- the buffer list: a table of buffers to mark, save, delete and visit  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; `list-buffers' fills "*Buffer List*" (Buffer Menu mode, a Tabulated List) with a line per
;; buffer: C (. for the buffer that was current), R (% when read-only), M (* when modified),
;; the name, the size, the mode and the file.  Buffers whose names start with a space are left
;; out unless they visit a file.  Flags put in the first column (D to delete, S to save, > to
;; show) are carried out by `Buffer-menu-execute'.

;;; Code:

(require 'tabulated-list)

(defgroup Buffer-menu nil "Show a menu of all buffers in a buffer." :group 'tools :group 'convenience)

(defun Buffer-menu--dynamic-name-width (buffers) "A width for the name column that fits the names of BUFFERS: at least 19, at most a fifth of the window."
  (let ((longest (apply #'max 0 (mapcar (lambda (b) (string-width (buffer-name b))) buffers))))
    (max 19 (min longest (/ (window-width) 5)))))

;;;###autoload
(defcustom Buffer-menu-name-width #'Buffer-menu--dynamic-name-width
  "Width of the buffer name column: a number, or a function given the buffers listed."
  :group 'Buffer-menu :type '(choice function natnum))
;;;###autoload
(defcustom Buffer-menu-size-width 7 "Width of the buffer size column." :group 'Buffer-menu :type 'natnum)
;;;###autoload
(defcustom Buffer-menu-mode-width 16 "Width of the mode column." :group 'Buffer-menu :type 'natnum)
;;;###autoload
(defcustom Buffer-menu-use-header-line t "Non-nil means column headings go in the header line." :group 'Buffer-menu :type 'boolean)

(defvar-local Buffer-menu-buffer-list nil "The buffers the list shows, or nil for all of them.")
;;;###autoload
(defvar-local Buffer-menu-files-only nil "Non-nil when the list shows only buffers that visit files.")

(defvar Buffer-menu-mode-map (let ((map (make-sparse-keymap))) (set-keymap-parent map tabulated-list-mode-map)
    (pcase-dolist (`(,key . ,command)
                   '(("d" . Buffer-menu-delete) ("k" . Buffer-menu-delete) ("s" . Buffer-menu-save)
                     ("u" . Buffer-menu-unmark) ("x" . Buffer-menu-execute) ("m" . Buffer-menu-mark)
                     ("f" . Buffer-menu-this-window) ("RET" . Buffer-menu-this-window)
                     ("~" . Buffer-menu-not-modified) ("%" . Buffer-menu-toggle-read-only)
                     ("T" . Buffer-menu-toggle-files-only)))
      (define-key map (kbd key) command))
    map)
  "The keys of Buffer Menu mode.")

(define-derived-mode Buffer-menu-mode tabulated-list-mode "Buffer Menu" "Major mode for the buffer list: mark buffers with d, s or m, then x carries the marks out."
  (setq-local buffer-stale-function (lambda (&optional _noconfirm) 'fast))
  (add-hook 'tabulated-list-revert-hook #'list-buffers--refresh nil t))

(defun Buffer-menu--mode-name (buffer) "What the Mode column shows for BUFFER.
As GNU's in batch, where `format-mode-line' has no window to format for, nothing."
  (ignore buffer)
  "")

(defun Buffer-menu--entry (buffer current) "The table entry of BUFFER; CURRENT is the buffer that was current."
  (let ((flag (lambda (on mark) (if on mark " "))))
    (with-current-buffer buffer
      `(,buffer [,(funcall flag (eq buffer current) ".") ,(funcall flag buffer-read-only "%")
                 ,(funcall flag (buffer-modified-p) "*")
                 ,(propertize (buffer-name) 'font-lock-face 'buffer-menu-buffer 'mouse-face 'highlight)
                 ,(format "%d" (buffer-size)) ,(Buffer-menu--mode-name buffer)
                 ,(or buffer-file-name list-buffers-directory "")]))))

(defun Buffer-menu--listed-p (buffer) "Non-nil when the buffer list shows BUFFER: a live buffer other than the list, named without a leading space or visiting a file, and visiting one when only files are listed."
  (and (buffer-live-p buffer) (not (eq buffer (current-buffer)))
       (let ((file (buffer-file-name buffer)))
         (if file t (not (or Buffer-menu-files-only (string-prefix-p " " (buffer-name buffer))))))))

(defun list-buffers--refresh (&optional buffer-list old-buffer) "Fill the table: the buffers of BUFFER-LIST (all by default), OLD-BUFFER marked current."
  (let* ((current (or old-buffer (current-buffer)))
         (shown (seq-filter #'Buffer-menu--listed-p (or buffer-list Buffer-menu-buffer-list (buffer-list))))
         (width Buffer-menu-name-width))
    (setq tabulated-list-entries (mapcar (lambda (b) (Buffer-menu--entry b current)) shown)
          tabulated-list-use-header-line Buffer-menu-use-header-line
          tabulated-list-format
          `[("C" 1 t :pad-right 0) ("R" 1 t :pad-right 0) ("M" 1 t)
            ("Buffer" ,(if (functionp width) (funcall width shown) width) t)
            ("Size" ,Buffer-menu-size-width tabulated-list-entry-size-> :right-align t)
            ("Mode" ,Buffer-menu-mode-width t) ("File" 1 t)])
    (tabulated-list-init-header)))

(defun list-buffers-noselect (&optional files-only buffer-list) "Make \"*Buffer List*\" list the buffers (only those visiting files with FILES-ONLY, or BUFFER-LIST) and return it."
  (let ((old (current-buffer)))
    (with-current-buffer (get-buffer-create "*Buffer List*")
      (Buffer-menu-mode)
      (setq Buffer-menu-buffer-list buffer-list
            Buffer-menu-files-only (and files-only (natnump (prefix-numeric-value files-only))))
      (list-buffers--refresh buffer-list old)
      (tabulated-list-print)
      (current-buffer))))

(defun list-buffers (&optional arg) "Show the buffer list in another window; with ARG, only buffers visiting files."
  (interactive "P")
  (let ((menu (list-buffers-noselect arg))) (display-buffer menu)))

(defun buffer-menu (&optional arg) "Show the buffer list in the selected window; with ARG, only buffers visiting files."
  (interactive "P")
  (let ((menu (list-buffers-noselect arg))) (switch-to-buffer menu)))

(defun Buffer-menu-buffer (&optional error-if-non-existent-p) "The buffer of this line; nil on a line without one, or an error when ERROR-IF-NON-EXISTENT-P."
  (let ((here (tabulated-list-get-id)))
    (if (and here (buffer-live-p here))
        here
      (when error-if-non-existent-p
        (error (if here "This buffer has been killed" "No buffer on this line"))))))

(defun Buffer-menu--flag (column flag) "Put FLAG in COLUMN (0 or 2) of this line and go to the next one."
  (when (Buffer-menu-buffer t)
    (tabulated-list-set-col column flag t))
  (forward-line 1))

(defun Buffer-menu-mark () "Flag this line's buffer to be shown by \\[Buffer-menu-execute]." (interactive) (Buffer-menu--flag 0 ">"))
(defun Buffer-menu-delete (&optional arg) "Flag this line's buffer (ARG lines') to be killed." (interactive "p")
  (dotimes (_ (or arg 1)) (Buffer-menu--flag 0 "D")))
(defun Buffer-menu-save () "Flag this line's buffer to be saved." (interactive) (Buffer-menu--flag 2 "S"))

(defun Buffer-menu-unmark () "Remove the flags of this line."
  (interactive) (let ((buffer (Buffer-menu-buffer t)))
    (tabulated-list-set-col 0 (if (eq buffer (current-buffer)) "." " ") t)
    (tabulated-list-set-col 2 (if (buffer-modified-p buffer) "*" " ") t))
  (forward-line 1))

(defun Buffer-menu-not-modified (&optional arg) "Mark this line's buffer unmodified (modified with ARG)."
  (interactive "P") (let ((buffer (Buffer-menu-buffer t)))
    (with-current-buffer buffer (set-buffer-modified-p arg))
    (tabulated-list-set-col 2 (if arg "*" " ") t)))

(defun Buffer-menu-toggle-read-only () "Toggle the read-only state of this line's buffer."
  (interactive) (let ((buffer (Buffer-menu-buffer t)))
    (with-current-buffer buffer (setq buffer-read-only (not buffer-read-only)))
    (tabulated-list-set-col 1 (if (buffer-local-value 'buffer-read-only buffer) "%" " ") t)))

(defun Buffer-menu-toggle-files-only (arg) "Toggle showing only buffers that visit files (show them with ARG positive)."
  (interactive "P") (setq Buffer-menu-files-only (if arg (> (prefix-numeric-value arg) 0) (not Buffer-menu-files-only)))
  (revert-buffer))

(defun Buffer-menu-this-window () "Show this line's buffer in the selected window."
  (interactive) (switch-to-buffer (Buffer-menu-buffer t)))

(defun Buffer-menu-execute () "Save the buffers flagged S and kill those flagged D, then list the buffers again."
  (interactive)
  (dolist (entry (save-excursion
                   (goto-char (point-min))
                   (let (found)
                     (while (< (point) (point-max))
                       (let ((id (tabulated-list-get-id)))
                         (if id (push (cons id (tabulated-list-get-entry)) found)))
                       (forward-line 1))
                     found)))
    (let ((buffer (car entry)) (cols (cdr entry)))
      (when (buffer-live-p buffer)
        (if (equal (aref cols 2) "S") (with-current-buffer buffer (save-buffer)))
        (if (and (equal (aref cols 0) "D") (not (eq buffer (current-buffer)))) (kill-buffer buffer)))))
  (revert-buffer))

;; GNU's buff-menu.el, preloaded, provides no feature: (require 'buff-menu) fails there too.

;;; buff-menu.el ends here
