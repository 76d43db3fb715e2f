;;; process-fns.el --- subprocess conveniences over the process primitives -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and its
;; manual.  The primitives (make-process, call-process...) are in
;; src/emacs/process.ts and callproc.ts; these are the Lisp-level
;; functions built on them: start-process, process-lines, shell
;; commands, the default filter and sentinel, process properties.

;;; Code:

(defvar shell-command-switch "-c"
  "The switch that makes `shell-file-name' run the command given after it.")

(defvar shell-command-default-error-buffer
  nil
  "The buffer `shell-command' puts a command's error output in when none is given, or nil.")

(defvar process-file-side-effects
  t
  "Non-nil means `process-file' may change files on the remote host (kept for compatibility).")

(defun process-fns--insert-at-mark (process &rest texts) "Insert TEXTS in PROCESS's buffer at its mark, which moves past them.
Point follows when it was at the mark; a dead or missing buffer gets nothing."
  (let ((target (process-buffer process)))
    (and target (buffer-live-p target)
         (with-current-buffer target
           (let* ((mark (process-mark process))
                  (here (point))
                  (at (or (marker-position mark) (point-max)))
                  (follow (= here at)))
             (goto-char at)
             (apply #'insert texts)
             (set-marker mark (point))
             (unless follow (goto-char (if (> here at) (+ here (- mark at)) here))))))))

(defun internal-default-process-filter (process string) "Insert STRING, output of PROCESS, into its buffer at its mark and move the mark past it.
Point goes along when it was at the mark."
  (process-fns--insert-at-mark process string))

(defun internal-default-process-sentinel (process event) "Note EVENT, a change of PROCESS's status, at the end of its buffer's output."
  (process-fns--insert-at-mark process "\nProcess " (process-name process) " " event))

(defun start-process (name buffer program &rest program-args) "Start PROGRAM with PROGRAM-ARGS as an asynchronous process named NAME (made unique).
BUFFER (a buffer, a buffer name or nil) receives its output.  Gives the process."
  (make-process :name name :buffer buffer
                :command (if program (cons program program-args) (list program))))

(defun start-file-process (name buffer program &rest program-args) "Like `start-process', unless `default-directory' has a file name handler, which then starts it."
  (let ((handler (find-file-name-handler default-directory 'start-file-process)))
    (if handler
        (apply handler 'start-file-process name buffer program program-args)
      (apply #'start-process name buffer program program-args))))

(defun start-process-shell-command (name buffer command) "Start the shell command COMMAND as an asynchronous process named NAME with output to BUFFER."
  (start-process name buffer shell-file-name shell-command-switch command))

(defun start-file-process-shell-command (name buffer command) "Like `start-process-shell-command' (no remote directories here)."
  (start-process-shell-command name buffer command))

(defun process-file (program &optional infile buffer display &rest args) "Run PROGRAM synchronously as `call-process' does, unless `default-directory' has a file name handler, which then runs it."
  (let ((handler (find-file-name-handler default-directory 'process-file)))
    (if handler
        (apply handler 'process-file program infile buffer display args)
      (apply #'call-process program infile buffer display args))))

(defun call-process-shell-command (command &optional infile buffer display &rest args)
  "Run the shell command COMMAND synchronously as `call-process' would; ARGS are added to it, spaces between."
  (call-process shell-file-name infile buffer display shell-command-switch
                (if args (mapconcat #'identity (cons command args) " ") command)))

(defun process-file-shell-command (command &optional infile buffer display &rest args) "Like `call-process-shell-command' (no remote directories here)."
  (apply #'call-process-shell-command command infile buffer display args))

(defun process-send-region (process start end) "Send the text from START to END of the current buffer to PROCESS."
  (process-send-string process (buffer-substring start end)))

(define-obsolete-function-alias 'send-string #'process-send-string "28.1")
(define-obsolete-function-alias 'send-region #'process-send-region "28.1")

(unless (fboundp 'file-remote-p)
  ;; files.el has none yet; with no remote file name handlers, nothing is remote.
  (defalias 'file-remote-p
    (lambda (file &optional identification connected)
      (let ((h (find-file-name-handler file 'file-remote-p)))
        (if h (funcall h 'file-remote-p file identification connected))))
    "Give the remote part of FILE's name, or nil when FILE is local.
IDENTIFICATION and CONNECTED are passed to a file name handler, if FILE has one."))

(defun process-get (process propname) "Give the value of PROPNAME in PROCESS's property list."
  (let ((props (process-plist process)))
    (plist-get props propname)))

(defun process-put (process propname value) "Set PROPNAME to VALUE in PROCESS's property list; gives the new list."
  (set-process-plist process (plist-put (process-plist process) propname value)))

(defun process-kill-buffer-query-function () "Ask before killing a buffer whose process runs and wants to be asked about.
Gives non-nil when the buffer may be killed."
  (let ((proc (get-buffer-process (current-buffer))))
    (or (null proc)
        (not (memq (process-status proc) '(run stop open listen)))
        (not (process-query-on-exit-flag proc))
        (yes-or-no-p (format "Buffer %S has a running process; kill it? "
                             (buffer-name (current-buffer)))))))

(add-hook 'kill-buffer-query-functions #'process-kill-buffer-query-function)

(defun process-lines-handling-status (program status-handler &rest args) "Run PROGRAM with ARGS and give its output as a list of lines.
STATUS-HANDLER, when non-nil, is called with the exit status; when nil,
a nonzero status is an error."
  (let ((out (generate-new-buffer " *process-lines*" t)))
    (unwind-protect
        (let ((code (apply #'call-process program nil out nil args)))
          (cond (status-handler (funcall status-handler code))
                ((not (eql code 0))
                 (error "%s exited with status %s"
                        program code)))
          (let ((text (with-current-buffer out (buffer-string))))
            ;; Lines end at newlines; a last line without one still counts.
            (when (string-suffix-p "\n" text)
              (setq text (substring text 0 -1)))
            (if (equal text "")
                (and (> (with-current-buffer out (buffer-size)) 0) (list ""))
              (split-string text "\n"))))
      (kill-buffer out))))

(defun process-lines (program &rest args) "Run PROGRAM with ARGS and give its output as a list of lines; an error when it fails."
  (apply 'process-lines-handling-status program nil args))

(defun process-lines-ignore-status (program &rest args) "Run PROGRAM with ARGS and give its output as a list of lines, however it exits."
  (apply 'process-lines-handling-status program 'ignore args))

(defun shell-quote-argument (argument) "Quote ARGUMENT for the shell so that it is passed as one word, unchanged.
The quoting is for a POSIX shell."
  ;; GNU's error for each kind of non-string.
  (unless (stringp argument)
    (signal 'wrong-type-argument
            (list (cond ((null argument) 'arrayp) ((sequencep argument) 'stringp) (t 'sequencep))
                  argument)))
  (if (string= argument "")
      "''"
    ;; Each character but the few every shell leaves alone gets a backslash;
    ;; a newline is quoted instead, as a backslash-newline would vanish.
    (let ((out nil))
      (dotimes (i (length argument))
        (let ((c (aref argument i))
              (one (substring argument i (1+ i))))
          (push (cond
                 ((eq c ?\n) "'\n'")
                 ((or (and (>= c ?a) (<= c ?z)) (and (>= c ?A) (<= c ?Z))
                      (and (>= c ?0) (<= c ?9)) (memq c '(?- ?_ ?. ?/)))
                  one)
                 (t (concat "\\" one)))
                out)))
      (apply #'concat (nreverse out)))))

(defun shell-command-to-string (command) "Run the shell command COMMAND and give what it wrote, standard error included."
  (let ((collect (generate-new-buffer " *shell-output*" t)))
    (unwind-protect
        (progn
          (call-process shell-file-name nil collect nil shell-command-switch command)
          (with-current-buffer collect (buffer-string)))
      (kill-buffer collect))))

(defun shell-command--report (buffer status)
  ;; Batch Emacs has no window to show output in: report it as a message.
  (let ((text (with-current-buffer buffer (buffer-string))))
    (cond
     ((not (equal text ""))
      (message "%s" (if (string-suffix-p "\n" text) (substring text 0 -1) text)))
     ((eq status 0) (message "(Shell command succeeded with no output)"))
     ((stringp status) (message "(Shell command killed by signal %s)" status))
     (t (message "(Shell command failed with code %s and no output)" status)))))

(defun shell-command--into-buffer (run here how) "Call RUN with t to insert a command's output in the current buffer, as `shell-command-dont-erase-buffer' (HOW) says; give RUN's value.
HERE non-nil means the buffer is the one the command was given in: the
output goes in at point, which stays before it, unless HOW is `erase'."
  (cond
   ((or (eq how 'erase) (and (null how) (not here)))
    (erase-buffer)
    (prog1 (funcall run t) (when here (goto-char (point-min)))))
   (here
    (let ((from (point)))
      (prog1 (funcall run t) (goto-char from))))
   ((eq how 'end-last-out)
    ;; In at point, then point to the end (observed).
    (prog1 (funcall run t) (goto-char (point-max))))
   (t
    ;; `beg-last-out' and `save-point': the output goes at the end.
    (let ((saved (point))
          (from (goto-char (point-max))))
      (prog1 (funcall run t)
        (goto-char (if (eq how 'save-point) saved from)))))))

(defun shell-command (command &optional output-buffer error-buffer) "Run the shell command COMMAND and give its exit status.
Without OUTPUT-BUFFER the output goes to the buffer *Shell Command Output*
and is shown as a message; OUTPUT-BUFFER t (or another non-buffer non-nil
value) inserts it at point in the current buffer; a buffer or buffer name
receives it there.  ERROR-BUFFER, when given, receives standard error.  A
command ending in & runs asynchronously in *Async Shell Command*.
A file name handler of `default-directory' runs the command instead."
  (let ((handler (find-file-name-handler (directory-file-name default-directory) 'shell-command)))
    (if handler
        (funcall handler 'shell-command command output-buffer error-buffer)
      (process-fns--shell-command command output-buffer error-buffer))))

(defun process-fns--shell-command (command output-buffer error-buffer) "Run COMMAND as `shell-command' does with OUTPUT-BUFFER and ERROR-BUFFER, here and now."
  (let ((named (or (bufferp output-buffer) (stringp output-buffer)))
        (async (string-match "[ \t]*&[ \t]*\\'" command)))
    (if async
        (let ((dest (get-buffer-create (if named output-buffer "*Async Shell Command*"))))
          (with-current-buffer dest (let ((inhibit-read-only t)) (delete-region (point-min) (point-max))))
          (start-process-shell-command "Shell" dest (substring command 0 async))
          nil)
      (let* ((errors-to (or error-buffer shell-command-default-error-buffer))
             (err-file (and errors-to (make-temp-file "tsmacs-shell-err")))
             (run (lambda (dest)
                    (call-process shell-file-name nil (if err-file (list dest err-file) dest)
                                  nil shell-command-switch command)))
             result)
        (unwind-protect
            (progn
              (if (and output-buffer (not named))
                  ;; GNU's value here is that of its last step, moving back to the start.
                  (let ((from (progn (when (eq shell-command-dont-erase-buffer 'erase)
                                       (let ((inhibit-read-only t)) (erase-buffer)))
                                     (point))))
                    (funcall run t)
                    (push-mark nil t)
                    (setq result (goto-char from)))
                (let* ((dest (get-buffer-create (or output-buffer "*Shell Command Output*")))
                       (here (eq dest (current-buffer)))
                       (how shell-command-dont-erase-buffer))
                  (with-current-buffer dest
                    (let ((inhibit-read-only t))
                      (setq result (shell-command--into-buffer run here how))))
                  ;; Output put in the buffer the command ran from is not reported.
                  (unless here (shell-command--report dest result))))
              (when err-file
                (with-current-buffer (get-buffer-create errors-to)
                  (save-excursion (goto-char (point-max)) (insert-file-contents err-file)))))
          (and err-file (file-exists-p err-file) (delete-file err-file)))
        result))))

(defun open-network-stream (name buffer host service &rest parameters) "Connect to SERVICE on HOST as a network process named NAME, output going to BUFFER.
PARAMETERS are keywords: :type (nil, `network' or `plain': a plain stream; tsmacs has no TLS),
:nowait, :coding, :tls-parameters, and :return-list, which makes the value (PROCESS . PROPERTIES)."
  (let ((type (plist-get parameters :type)))
    (unless (memq type '(nil network plain tls ssl starttls shell))
      (error "Invalid connection type %s" type))
    (unless (memq type '(nil network plain))
      (error "Connection type %s needs TLS or a shell, which tsmacs does not provide" type))
    (let ((proc (make-network-process :name name :buffer buffer :host host :service service
                                      :nowait (plist-get parameters :nowait)
                                      :tls-parameters (plist-get parameters :tls-parameters)
                                      :coding (plist-get parameters :coding))))
      (if (plist-get parameters :return-list)
          (list proc :greeting nil :capabilities nil :type 'plain :error nil)
        proc))))

;; What make-network-process can do, as `featurep' asks it: GNU's list without the datagram and
;; seqpacket socket types, which tsmacs does not open.
(provide 'make-network-process
         '(:reuseaddr :priority :oobinline :linger :keepalive :dontroute :broadcast :bindtodevice
           (:server t) (:service t) (:family ipv6) (:family ipv4) (:family local) (:nowait t)))

(provide 'process-fns)
