;;; gmm-utils.el --- small helpers shared by Gnus and the message libraries  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (issue 10).

;;; Code:

(defgroup gmm nil "Helpers shared by Gnus, Message and MML." :prefix "gmm-" :group 'lisp)

(defcustom gmm-verbose 7 "Messages of a level above this one are not shown (0 shows almost nothing, 10 everything)."
  :group 'gmm :type 'integer)

(defun gmm-regexp-concat (regexp) "One regexp matching any of the list REGEXP, each alternative in a group.
A string is returned as it is, and nil stays nil."
  (cond ((stringp regexp) regexp)
        ((and regexp (listp regexp))
         (mapconcat (lambda (alt) (concat "\\(" alt "\\)")) regexp "\\|"))))

(defun gmm--shown-p (lvl) "Non-nil if messages of level LVL are shown under `gmm-verbose'."
  (<= lvl gmm-verbose))

(defun gmm-message (lvl &rest format-args) "Format FORMAT-ARGS as `message' does; show the text when LVL is shown (`gmm-verbose').
The formatted text is returned either way."
  (if (gmm--shown-p lvl) (apply #'message format-args) (apply #'format format-args)))

(defun gmm-error (lvl &rest format-args) "Show FORMAT-ARGS formatted, and beep, when LVL is shown (`gmm-verbose'); return nil."
  (and (gmm--shown-p lvl)
       (progn (message "%s" (apply #'format-message format-args)) (ding) nil)))

(defun gmm-widget-p (symbol) "Non-nil (its widget definition) if SYMBOL names a widget type."
  (let ((definition (get symbol 'widget-type))) definition))

(defvar tool-bar-map)
(defun gmm-tool-bar-from-list (icon-list zap-list default-map) "A tool bar keymap made from ICON-LIST, ZAP-LIST and DEFAULT-MAP.
tsmacs has no tool bar: `tool-bar-map' is void, as in GNU's batch mode,
and using it signals that."
  (ignore icon-list zap-list default-map)
  (copy-keymap tool-bar-map))

(provide 'gmm-utils)

;;; gmm-utils.el ends here
