;;; trace.el --- log the calls and returns of chosen functions  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A traced function gets an `:around' advice (named `trace-function ', run
;; outside the other advice) that writes a line when it is entered and one
;; when it returns into a trace buffer, indented by call depth:
;;   1 -> (fib 2)
;;   | 2 -> (fib 1)
;;   | 2 <- fib: 1
;;   1 <- fib: 2
;; Each outermost call starts with `trace-separator'.

;;;###autoload
(defvar trace-buffer "*trace-output*" "The buffer traced calls are written to unless another is given.")

(defvar trace-level 0 "How deep the traced calls now running are nested.")

(defvar inhibit-trace nil "Non-nil stops traced functions from writing anything.")

(defvar trace-separator (concat (make-string 70 ?=) "\n") "The line written before each outermost traced call.")

(defconst trace-advice-name (intern "trace-function ") "The name of the advice that traces a function.")

(defun trace--indent (level) "The bars that show nesting LEVEL."
  (let ((bars ""))
    (dotimes (_ (max 0 (1- level)) bars)
      (setq bars (concat bars "| ")))))

(defun trace-entry-message (function level args context) "The line saying FUNCTION was called with ARGS at nesting LEVEL, CONTEXT after it."
  (format "%s%s -> %S%s\n" (trace--indent level) level (cons function args) context))

(defun trace-exit-message (function level value context) "The line saying FUNCTION returned VALUE at nesting LEVEL, CONTEXT after it."
  (format "%s%s <- %s: %S%s\n" (trace--indent level) level function value context))

(defun trace--display-buffer (buf) "Show BUF, the trace buffer, without selecting it."
  (unless (get-buffer-window buf) (display-buffer buf)))

(defun trace--write (buf text) "Add TEXT at the end of BUF, made when missing."
  (with-current-buffer (get-buffer-create buf)
    (save-excursion
      (goto-char (point-max))
      (let ((deactivate-mark nil)) (insert text)))))

(defun trace-values (&rest values) "Write VALUES into the current trace buffer as a call of `trace-values' at the present depth.
Called inside a traced function, the line goes with that function's trace."
  (let ((depth trace-level)
        (out trace-buffer))
    (if inhibit-trace nil
      (trace--write out (trace-entry-message 'trace-values depth values ""))
      nil)))

(defun trace-make-advice (function buffer background context) "The `:around' advice that traces FUNCTION into BUFFER.
BACKGROUND nil shows BUFFER at each call; CONTEXT is a function whose
value is written after each line."
  (lambda (orig &rest args)
    (let ((trace-level (1+ trace-level))
          (trace-buffer buffer))
      (if inhibit-trace
          (apply orig args)
        (let ((ctx (if context (format "%s" (funcall context)) "")))
          (trace--write buffer (concat (if (= trace-level 1) trace-separator "")
                                       (trace-entry-message function trace-level args ctx)))
          (unless background (trace--display-buffer buffer))
          (let ((value '!non-local\ exit!))
            (unwind-protect
                (setq value (apply orig args))
              (unless inhibit-trace
                (trace--write buffer (trace-exit-message function trace-level value ctx))
                (unless background (trace--display-buffer buffer))))
            value))))))

(defun trace--start (function context buffer quiet) "Trace FUNCTION into BUFFER (or `trace-buffer'), CONTEXT after each line; QUIET non-nil: never show BUFFER."
  (let ((how (list (cons 'name trace-advice-name) (cons 'depth -100))))
    (advice-add function :around (trace-make-advice function (or buffer trace-buffer) quiet context) how)))

(defun trace-is-traced (function) "Non-nil if FUNCTION is traced."
  (advice-member-p trace-advice-name function))

(defun trace--read-args (prompt) "Read a function name with PROMPT; with a prefix argument also a buffer and a context expression."
  (let* ((fn (intern (completing-read prompt obarray #'fboundp t)))
         (more (and current-prefix-arg
                    (list (read-buffer "Output to buffer: " trace-buffer)
                          (read--expression "Context expression: ")))))
    (if (null more) (list fn)
      (let ((form (nth 1 more)))
        (list fn (car more) (lambda () (format " [%S]" (eval form t))))))))

(defun trace-function-foreground (fn &optional out ctx) "Trace FUNCTION: write each call and return into BUFFER (`trace-buffer' by default), shown at each call.
CONTEXT, a function of no arguments, gives text written after each line.
Tracing goes on until `untrace-function' or `untrace-all'.

\(fn FUNCTION &optional BUFFER CONTEXT)"
  (interactive (trace--read-args "Trace function: "))
  (trace--start fn ctx out nil))

(defun trace-function-background (fn &optional out ctx) "Trace FUNCTION as `trace-function-foreground' does, without showing BUFFER.

\(fn FUNCTION &optional BUFFER CONTEXT)"
  (interactive (trace--read-args "Trace function in background: "))
  (trace--start fn ctx out t))

(defalias 'trace-function #'trace-function-foreground)

(defun trace--read-traced () "Read the name of a traced function."
  (intern (completing-read "Untrace function: " obarray #'trace-is-traced t)))

(defun untrace-function (function) "Stop tracing FUNCTION."
  (interactive (list (trace--read-traced)))
  (ignore (advice-remove function trace-advice-name)))

(defun untrace-all () "Stop tracing every traced function."
  (interactive)
  (mapatoms (lambda (sym) (and (fboundp sym) (trace-is-traced sym) (untrace-function sym)))))

(provide 'trace)
