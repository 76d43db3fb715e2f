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

(defvar mode-line-buffer-identification-keymap
  (let ((map (make-sparse-keymap)))
    (define-key map [mode-line mouse-1] #'mode-line-previous-buffer)
    (define-key map [mode-line mouse-3] #'mode-line-next-buffer)
    (define-key map [header-line down-mouse-1] #'ignore)
    (define-key map [header-line mouse-1] #'mode-line-previous-buffer)
    (define-key map [header-line down-mouse-3] #'ignore)
    (define-key map [header-line mouse-3] #'mode-line-next-buffer)
    map)
  "Keys on the buffer's name in the mode line and the header line.")

(defun propertized-buffer-identification (fmt) "The mode-line construct showing the buffer's name by FMT: a one-string list, clickable and highlighted."
  (list (propertize fmt
                    'face 'mode-line-buffer-id
                    'help-echo "Buffer name\nmouse-1: Previous buffer\nmouse-3: Next buffer"
                    'mouse-face 'mode-line-highlight
                    'local-map mode-line-buffer-identification-keymap)))

(defun mode-line-frame-control () "The mode line's frame name construct: \"-%F  \" on a terminal (and in batch), spaces on a window system."
  (if (memq (bound-and-true-p window-system) '(nil pc)) "-%F  " "  "))

(defun bindings--window-buffer (window) "The buffer WINDOW shows; the current buffer when WINDOW is nil or windows are not available."
  (if (and window (fboundp 'window-buffer)) (window-buffer window) (current-buffer)))

(defun mode-line-modified-help-echo (window _object _point) "The tooltip of the modified flag of WINDOW's buffer."
  (format "Buffer is %s\nmouse-1: Toggle modification state"
          (if (buffer-modified-p (bindings--window-buffer window)) "modified" "not modified")))

(defun mode-line-read-only-help-echo (window _object _point) "The tooltip of the read-only flag of WINDOW's buffer."
  (format "Buffer is %s\nmouse-1: Toggle"
          (if (buffer-local-value 'buffer-read-only (bindings--window-buffer window))
              "read-only" "writable")))

(defun mode-line-mule-info-help-echo (window _object _point) "The tooltip of the coding-system indicator of WINDOW's buffer."
  (with-current-buffer (bindings--window-buffer window)
    (if (null buffer-file-coding-system)
        "Buffer coding system: none specified"
      (format "Buffer coding system (%s): %s\nmouse-1: Describe coding system\nmouse-3: Set coding system"
              (if enable-multibyte-characters "multi-byte" "unibyte")
              (symbol-name buffer-file-coding-system)))))

(defun mode-line-other-buffer () "Switch to the buffer most recently shown before this one (`other-buffer')." (interactive)
  (switch-to-buffer (other-buffer)))

(provide 'bindings-menu)

;;; bindings-menu.el ends here
