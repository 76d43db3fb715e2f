;;; simple-rest.el --- More of simple.el's and elisp-mode.el's commands, as batch sees them  -*- lexical-binding: t -*-

;; Written for tsmacs from the behaviour of GNU Emacs 28.2 and its manual:
;; line motion that falls through to the minibuffer history, commands with
;; alternative implementations, the undo list's emergency truncation, and
;; the Emacs Lisp mode commands that compile the visited file.

(defun simple--line-or-history (lines history-fn) "Move LINES lines (negative: up), or call HISTORY-FN with their count when the text ends first."
  (condition-case nil (line-move lines)
    ((beginning-of-buffer end-of-buffer) (funcall history-fn (abs lines)))))

(defun next-line-or-history-element (&optional arg) "Move down ARG lines; from the last line, go on to the next history element."
  (interactive "^p")
  (simple--line-or-history (or arg 1) #'next-history-element))

(defun previous-line-or-history-element (&optional arg) "Move up ARG lines; from the first line, go on to the previous history element."
  (interactive "^p")
  (simple--line-or-history (- (or arg 1)) #'previous-history-element))

(defmacro define-alternatives (command &rest customizations) "Define COMMAND as a command that runs the implementation the user picked among several.
The implementations are in the option COMMAND-alternatives, an alist of
(NAME . FUNCTION); the pick is kept in COMMAND--implementation.
CUSTOMIZATIONS are keyword arguments for the option's `defcustom'."
  (declare (indent defun))
  (let* ((name (symbol-name command))
         (options (intern (concat name "-alternatives")))
         (chosen (intern (concat name "--implementation"))))
    `(progn
       (defcustom ,options nil
         ,(format "The implementations `%s' can run, as (NAME . FUNCTION) pairs." command)
         :type '(alist :key-type string :value-type function)
         ,@customizations)
       (put ',options 'definition-name ',command)
       (defvar ,chosen nil ,(format "The implementation `%s' runs, once picked." command))
       (defun ,command (&optional arg)
         ,(format "Run the implementation of `%s' picked from `%s'.
The first call, or one with ARG, asks which one to use." command options)
         (interactive "P")
         (when (or arg (null ,chosen))
           (let ((pick (completing-read
                        ,(format-message "Select implementation for command `%s': " command)
                        ,options nil t)))
             (unless (equal pick "")
               (setq ,chosen (cdr (assoc-string pick ,options))))))
         (if ,chosen
             (call-interactively ,chosen)
           (message "%s" ,(format-message "No implementation selected for command `%s'" command)))))))

(defun undo-outer-limit-truncate (size) "Throw away the whole undo list of the current buffer, which has grown to SIZE bytes, and warn.
This is what happens when one command's changes exceed `undo-outer-limit'."
  (display-warning
   '(undo discard-info)
   (format-message "Buffer `%s' undo info was %d bytes long; dropped (over `undo-outer-limit')."
                   (buffer-name) size)
   :warning)
  (setq buffer-undo-list nil) t)

;;;; Emacs Lisp mode: compiling the visited file

(defun emacs-lisp--file-for-compiling () "Return the current buffer's file, saved if the user agrees, or signal that there is none."
  (let ((file (or buffer-file-name (error "The buffer must be saved in a file first"))))
    (and (buffer-modified-p) (y-or-n-p (format "Save buffer %s first? " (buffer-name))) (save-buffer))
    file))

(defun emacs-lisp-byte-compile () "Byte-compile the file the current buffer visits."
  (interactive nil emacs-lisp-mode)
  (byte-compile-file (emacs-lisp--file-for-compiling)))

(defun emacs-lisp-byte-compile-and-load () "Byte-compile the file the current buffer visits, then load the compiled file."
  (interactive nil emacs-lisp-mode)
  (let ((file (emacs-lisp--file-for-compiling)))
    (byte-compile-file file) (load (concat (file-name-sans-extension file) ".elc"))))

;;;###autoload
(defvar elisp-byte-code-mode-syntax-table
  ;; In compiled files `#@COUNT' skips COUNT bytes; the rest reads as Lisp.
  (make-syntax-table emacs-lisp-mode-syntax-table)
  "Syntax table of Elisp-Byte-Code mode.")

(defun elisp-byte-code-syntax-propertize (start end) "Give the skipped text of `#@COUNT' in the region START..END comment syntax."
  (goto-char start)
  (while (re-search-forward "#@\\([0-9]+\\) " end t)
    (let* ((count (string-to-number (match-string 1))) (from (match-beginning 0))
           (to (min (point-max) (+ (point) count))))
      (put-text-property from (1+ from) 'syntax-table (string-to-syntax "< b"))
      (when (> to (1+ from))
        (put-text-property (1- to) to 'syntax-table (string-to-syntax "> b")))
      (goto-char (max (point) to)))))

(define-derived-mode elisp-byte-code-mode emacs-lisp-mode "Elisp-Byte-Code"
  "Major mode for files of compiled Emacs Lisp."
  :syntax-table elisp-byte-code-mode-syntax-table
  (setq-local open-paren-in-column-0-is-defun-start nil
              syntax-propertize-function #'elisp-byte-code-syntax-propertize))

(provide 'simple-rest)
