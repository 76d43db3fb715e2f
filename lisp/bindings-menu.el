;;; bindings-menu.el --- bindings.el's helpers for menu keymaps and the mode line -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (test/corpus/bindings-menu.el).

;;; Code:

(defun bindings--define-key (map key item) "Bind KEY in MAP to ITEM, often a menu item, as `define-key' does; give ITEM."
  (define-key map key item)
  item)

(defun bindings--menu-item-string (item) "The label of the menu element ITEM: the name of a (menu-item NAME ...) (a form there is evaluated) or the string of a (STRING . DEFINITION); nil for anything else."
  (let ((head (car-safe item)))
    (cond ((stringp head) head)
          ((not (eq head 'menu-item)) nil)
          ((or (null (cadr item)) (stringp (cadr item))) (cadr item))
          (t (eval (cadr item))))))

(defun bindings--sort-menu-keymap (map) "Put the entries of the menu keymap MAP in the order of their labels, changing MAP; give MAP."
  (let ((label (lambda (entry) (or (bindings--menu-item-string (cdr-safe entry)) ""))))
    (setcdr map (sort (cdr map) (lambda (a b) (string< (funcall label a) (funcall label b)))))
    map))

;;;; Mode-line pieces

(defun make-mode-line-mouse-map (mouse function) "A keymap that runs FUNCTION for the event MOUSE on the mode line."
  (let ((inner (make-sparse-keymap))
        (outer (make-sparse-keymap)))
    (define-key inner (vector mouse) function)
    (define-key outer [mode-line] inner)
    outer))

(defvar bindings--eol-desc-made nil "The last mode-line end-of-line string made: (MNEMONIC HELP . STRING), reused while they stay the same.")

(defun mode-line-eol-desc () "The mode line's end-of-line indicator for the current buffer's coding system.
It shows the mnemonic of the coding system's end-of-line style, and clicking
mouse-1 on it cycles the style."
  (let* ((eol (coding-system-eol-type buffer-file-coding-system))
         (pair (pcase eol
                 (0 (cons eol-mnemonic-unix "Unix-style LF"))
                 (1 (cons eol-mnemonic-dos "DOS-style CRLF"))
                 (2 (cons eol-mnemonic-mac "Mac-style CR"))
                 (_ (cons eol-mnemonic-undecided "Undecided"))))
         (help (concat "End-of-line style: " (cdr pair) "\nmouse-1: Cycle")))
    (if (and bindings--eol-desc-made
             (equal (car bindings--eol-desc-made) (car pair))
             (equal (cadr bindings--eol-desc-made) help))
        (cddr bindings--eol-desc-made)
      (let ((shown (propertize (car pair)
                               'help-echo help
                               'keymap (make-mode-line-mouse-map 'mouse-1 #'mode-line-change-eol)
                               'mouse-face 'mode-line-highlight)))
        (setq bindings--eol-desc-made (cons (car pair) (cons help shown)))
        shown))))

;;;###autoload
(defvar mode-line-buffer-identification-keymap
  (let ((map (make-sparse-keymap)))
    ;; Clicks cycle through the buffers; on the header line the presses are swallowed.
    (dolist (area '(mode-line header-line))
      (dolist (button '(1 3))
        (when (eq area 'header-line)
          (define-key map (vector area (intern (format "down-mouse-%d" button))) #'ignore))
        (define-key map (vector area (intern (format "mouse-%d" button)))
                    (if (= button 1) #'mode-line-previous-buffer #'mode-line-next-buffer))))
    map)
  "Keys on the buffer's name in the mode line and the header line.")

(defconst bindings--buffer-name-help
  (mapconcat #'identity '("Buffer name" "mouse-1: Previous buffer" "mouse-3: Next buffer") "\n")
  "The tooltip of the buffer's name in the mode line.")

(defun propertized-buffer-identification (fmt) "The mode-line construct showing the buffer's name by FMT: a one-string list, clickable and highlighted."
  (let ((shown (copy-sequence fmt)))
    ;; Put on one by one, in the order GNU's string lists them.
    (dolist (prop (list (cons 'local-map mode-line-buffer-identification-keymap)
                        (cons 'mouse-face 'mode-line-highlight)
                        (cons 'help-echo bindings--buffer-name-help)
                        (cons 'face 'mode-line-buffer-id)))
      (put-text-property 0 (length shown) (car prop) (cdr prop) shown))
    (list shown)))

(defun mode-line-frame-control () "The mode line's frame name construct: \"-%F  \" on a terminal (and in batch), spaces on a window system."
  (if (memq (bound-and-true-p window-system) '(nil pc)) "-%F  " "  "))

(defun bindings--window-buffer (window) "The buffer WINDOW shows; the current buffer when WINDOW is nil or windows are not available."
  (if (and window (fboundp 'window-buffer)) (window-buffer window) (current-buffer)))

(defun bindings--flag-help (window flag yes no action) "A tooltip saying WINDOW's buffer is YES or NO as FLAG, called there, says; then what mouse-1 does, ACTION."
  (concat "Buffer is "
          (if (with-current-buffer (bindings--window-buffer window) (funcall flag)) yes no)
          "\nmouse-1: " action))

(defun mode-line-modified-help-echo (window _object _point) "The tooltip of the modified flag of WINDOW's buffer."
  (bindings--flag-help window #'buffer-modified-p "modified" "not modified" "Toggle modification state"))

(defun mode-line-read-only-help-echo (window _object _point) "The tooltip of the read-only flag of WINDOW's buffer."
  (bindings--flag-help window (lambda () buffer-read-only) "read-only" "writable" "Toggle"))

(defun mode-line-mule-info-help-echo (window _object _point) "The tooltip of the coding-system indicator of WINDOW's buffer."
  (with-current-buffer (bindings--window-buffer window)
    (let ((coding buffer-file-coding-system))
      (if (not coding)
          "Buffer coding system: none specified"
        (concat (format "Buffer coding system (%s): %s"
                        (if enable-multibyte-characters "multi-byte" "unibyte") coding)
                "\nmouse-1: Describe coding system\nmouse-3: Set coding system")))))

(defun mode-line-other-buffer () "Switch to the buffer most recently shown before this one (`other-buffer')." (interactive)
  (switch-to-buffer (other-buffer)))

(provide 'bindings-menu)

;;; bindings-menu.el ends here
