;;; debug.el --- breaking into the debugger on calls and on variable changes  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; The debugger itself (`debug') and the two functions that call it for
;; the marks set here (`debug--implement-debug-on-entry' and
;; `debug--implement-debug-watch') are primitives.  This file sets and
;; clears the marks: an advice that runs first on a function, a watcher
;; on a variable.  In batch the debugger prints the backtrace and ends
;; Emacs, as GNU's does.  The autoloads and the aliases `debug-watch'
;; and `cancel-debug-watch' are in autoloads.el.

;;; Code:

(defvar inhibit-debug-on-entry nil "While non-nil, calls of functions marked by `debug-on-entry' do not enter the debugger.")

;; Each kind of mark: (LISTER UNMARKER NOUN WHAT), NOUN and WHAT for the
;; questions and messages.
(defconst debug--kinds
  '((entry debug--function-list debug--unmark-function "function" "entry to")
    (watch debug--variable-list debug--unwatch-variable "variable" "set for")))

(defun debug--symbols-where (test) "Every symbol of the obarray for which TEST is non-nil."
  (let ((hits '()))
    (mapatoms (lambda (s) (if (funcall test s) (setq hits (cons s hits)))))
    hits))

(defun debug--function-list () "The functions marked by `debug-on-entry'."
  (debug--symbols-where
   (lambda (s) (advice-member-p 'debug--implement-debug-on-entry s))))

(defun debug--variable-list () "The variables watched by `debug-on-variable-change'."
  (debug--symbols-where
   (lambda (s) (memq 'debug--implement-debug-watch (get-variable-watchers s)))))

(defun debug--unmark-function (sym) "Drop SYM's debug-on-entry advice."
  (advice-remove sym 'debug--implement-debug-on-entry))

(defun debug--unwatch-variable (sym) "Drop SYM's debug watcher."
  (remove-variable-watcher sym 'debug--implement-debug-watch))

(defun debug--ask-unmark (kind) "Ask which mark of KIND to take away: a symbol, or nil for all."
  (pcase-let ((`(,lister ,_ ,noun ,what) (cdr (assq kind debug--kinds))))
    (let ((answer (completing-read
                   (format "Cancel debug on %s %s (default all %ss): " what noun noun)
                   (mapcar #'symbol-name (funcall lister)) nil t)))
      (if (string= answer "") nil (intern answer)))))

(defun debug--unmark-all (kind) "Take every mark of KIND away; give the symbols that had one."
  (pcase-let* ((`(,lister ,unmarker) (cdr (assq kind debug--kinds)))
               (marked (funcall lister)))
    (message "Canceling %s for all %s" (if (eq kind 'entry) "debug-on-entry" "debug-watch")
             (if (eq kind 'entry) "functions" "variables"))
    (dolist (sym marked) (funcall unmarker sym))
    marked))

(defun debug--ask-function (prompt) "Ask with PROMPT for a function name, offering the one at point; give the symbol."
  (let* ((near (function-called-at-point))
         (answer (completing-read (if near (format "%s (default %s): " prompt near) (concat prompt ": "))
                                  obarray 'fboundp t nil nil (and near (symbol-name near)))))
    (intern answer)))

(defun debug-on-entry (function) "Make every call of FUNCTION enter the debugger first.
FUNCTION may be any symbol, also one not defined yet; the mark stays
when it is redefined.  When the call returns, the debugger is entered
again.  `cancel-debug-on-entry' takes the mark away.  Gives FUNCTION."
  (interactive (list (debug--ask-function "Debug on entry to function")))
  ;; Outermost of all advice (lowest depth), so that it runs before any other.
  (let ((outermost '((depth . -100))))
    (advice-add function :before 'debug--implement-debug-on-entry outermost))
  function)

(defun cancel-debug-on-entry (&optional function) "Take the `debug-on-entry' mark off FUNCTION.
With FUNCTION nil (an empty answer when asked), every marked function
is freed, and the list of them is the value; otherwise the value is FUNCTION."
  (interactive (list (debug--ask-unmark 'entry)))
  (if (null function)
      (debug--unmark-all 'entry)
    (debug--unmark-function function)
    function))

(defun debug-on-variable-change (variable) "Enter the debugger whenever VARIABLE changes.
Setting it, binding it with `let', unbinding it, making it void and
aliasing it all count, for its default value and its buffer-local ones.
The debugger is told what the change is.  `cancel-debug-on-variable-change'
stops the watch."
  (interactive
   (list (intern (completing-read "Debug when setting variable: " obarray 'boundp))))
  (let ((watcher 'debug--implement-debug-watch))
    (add-variable-watcher variable watcher)))

(defun cancel-debug-on-variable-change (&optional variable) "Stop watching VARIABLE for `debug-on-variable-change'.
With VARIABLE nil (an empty answer when asked) every watched variable
is freed, and the list of them is the value."
  (interactive (list (debug--ask-unmark 'watch)))
  (if variable
      (debug--unwatch-variable variable)
    (debug--unmark-all 'watch)))

(provide 'debug)
