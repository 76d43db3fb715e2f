;;; jsonrpc.el --- JSON-RPC 2.0 between Emacs and other programs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A `jsonrpc-connection' talks JSON-RPC 2.0: it sends requests and
;; notifications, answers the peer's requests through its request
;; dispatcher and hands notifications to its notification dispatcher.
;; `jsonrpc-process-connection' does this over a process (a subprocess or
;; a network stream), each message framed by a Content-Length header.
;;
;; A request may be deferred: it waits, stashed in the connection's
;; deferred actions, until `jsonrpc-connection-ready-p' says the
;; connection is ready for it, which is asked again every time a message
;; comes in.

;;; Code:

(require 'cl-lib)
(require 'eieio)
(require 'subr-x)

(define-error 'jsonrpc-error "jsonrpc-error")

(defvar jsonrpc-default-request-timeout 10 "Seconds `jsonrpc-request' waits for an answer when given no :timeout.")

(defvar jsonrpc-inhibit-debug-on-error nil "Non-nil keeps `debug-on-error' off while a dispatcher runs.")

;;; Connections

(defclass jsonrpc-connection ()
  ((name :documentation "What the connection is called in buffers and messages."
         :initarg :name :initform nil :accessor jsonrpc-name)
   (-request-dispatcher
    :documentation "Called with the connection, a method symbol and params to answer a request."
    :initarg :request-dispatcher :initform #'ignore :accessor jsonrpc--request-dispatcher)
   (-notification-dispatcher
    :documentation "Called with the connection, a method symbol and params for a notification."
    :initarg :notification-dispatcher :initform #'ignore :accessor jsonrpc--notification-dispatcher)
   (last-error :documentation "The error of the last request that failed."
               :initform nil :accessor jsonrpc-last-error)
   (-request-continuations :documentation "Request ids to (SUCCESS-FN ERROR-FN TIMER)."
                           :initform nil :accessor jsonrpc--request-continuations)
   (-events-buffer :documentation "Where the messages are logged."
                   :initform nil :accessor jsonrpc--events-buffer)
   (-events-buffer-scrollback-size
    :documentation "Characters the events buffer keeps; nil keeps all."
    :initarg :events-buffer-scrollback-size :initform nil
    :accessor jsonrpc--events-buffer-scrollback-size)
   (-deferred-actions :documentation "Deferred requests waiting for the connection to be ready, by key."
                      :initform nil :accessor jsonrpc--deferred-actions)
   (-next-request-id :documentation "The id the next request gets."
                     :initform 0 :accessor jsonrpc--next-request-id))
  :documentation "A JSON-RPC connection, over some transport a subclass provides.")

(cl-defmethod initialize-instance :after ((conn jsonrpc-connection) &rest _)
  "Give CONN its own tables and events buffer."
  (setf (jsonrpc--request-continuations conn) (make-hash-table))
  (setf (jsonrpc--deferred-actions conn) (make-hash-table :test #'equal))
  (jsonrpc-events-buffer conn))

(cl-defgeneric jsonrpc-connection-send (connection &rest args &key id method params result error)
  "Send a JSON-RPC message made of ARGS over CONNECTION.")

(cl-defgeneric jsonrpc-shutdown (connection &optional cleanup)
  "End CONNECTION; with CLEANUP also kill its buffers.")

(cl-defgeneric jsonrpc-running-p (connection)
  "Non-nil while CONNECTION can still carry messages.")

(cl-defgeneric jsonrpc-connection-ready-p (connection what)
  "Non-nil when CONNECTION may send a request deferred as WHAT."
  (:method (_conn _what) t))

(defun jsonrpc-events-buffer (connection) "CONNECTION's events buffer, made when first wanted."
  (let ((known (jsonrpc--events-buffer connection)))
    (unless (buffer-live-p known)
      (setq known (get-buffer-create (concat "*" (format "%s" (jsonrpc-name connection)) " events*")))
      (with-current-buffer known
        (setq buffer-read-only t)
        (buffer-disable-undo))
      (setf (jsonrpc--events-buffer connection) known))
    known))

;;; Messages to the user

(defun jsonrpc--message (format &rest args) "Show FORMAT and ARGS as a jsonrpc message."
  (message "%s" (concat "[jsonrpc] " (apply #'format format args))))

(defun jsonrpc--debug (server format &rest args) "Log FORMAT and ARGS in SERVER's events buffer."
  (jsonrpc--log-event server (list :message (apply #'format format args)) 'internal))

(defun jsonrpc--warn (format &rest args) "Warn with FORMAT and ARGS."
  (let ((text (apply #'format format args)))
    (jsonrpc--message "%s" text)
    (display-warning 'jsonrpc text :warning)))

(defun jsonrpc--log-event (connection message &optional type)
  "Write MESSAGE, sent or received (TYPE `client', `server' or `internal'), in CONNECTION's events buffer."
  (with-current-buffer (jsonrpc-events-buffer connection)
    (let* ((inhibit-read-only t)
           (id (plist-get message :id))
           (kind (cond ((plist-get message :method) (if id "request" "notification"))
                       ((plist-get message :error) "error")
                       (id "reply")
                       (t "message"))))
      (save-excursion
        (goto-char (point-max))
        (insert (format "[%s]%s%s %s:\n%S\n"
                        (or type 'internal) (format "-%s" kind)
                        (if id (format " (id:%s)" id) "")
                        (format-time-string "%H:%M:%S.%3N")
                        message)))
      (let ((keep (jsonrpc--events-buffer-scrollback-size connection)))
        (when (and (natnump keep) (> (buffer-size) keep))
          (delete-region (point-min) (- (point-max) keep)))))))

(defun jsonrpc-error (&rest args)
  "Signal a `jsonrpc-error'.
ARGS are either `format' arguments giving the message (the code is
then 32603), or the keywords :code, :message and :data."
  (if (keywordp (car args))
      (signal 'jsonrpc-error
              (list "[jsonrpc] error "
                    (cons 'jsonrpc-error-code (plist-get args :code))
                    (cons 'jsonrpc-error-message (plist-get args :message))
                    (cons 'jsonrpc-error-data (plist-get args :data))))
    (let ((text (apply #'format-message args)))
      (signal 'jsonrpc-error (list text (cons 'jsonrpc-error-code 32603)
                                   (cons 'jsonrpc-error-message text))))))

(defmacro jsonrpc-lambda (cl-lambda-list &rest body)
  "A function of one plist, taken apart by CL-LAMBDA-LIST (a `&key' list), running BODY."
  (declare (indent 1) (debug (sexp &rest form)))
  (let ((arg (make-symbol "plist")))
    `(lambda (,arg) (apply (cl-function (lambda ,cl-lambda-list ,@body)) ,arg))))

;;; JSON

(defun jsonrpc--json-encode (object) "OBJECT as JSON text, encoded in UTF-8."
  (encode-coding-string (json-serialize object :null-object nil :false-object :json-false)
                        'utf-8 t))

(defun jsonrpc--json-read (text) "The object JSON TEXT (UTF-8 bytes) stands for, objects as plists."
  (json-parse-string (decode-coding-string text 'utf-8 t)
                     :object-type 'plist :null-object nil :false-object :json-false))

(defun jsonrpc--method-name (method) "The JSON name of METHOD, a symbol; nil for anything else, as GNU's."
  (when (and method (symbolp method))
    (let ((name (symbol-name method)))
      (if (keywordp method) (substring name 1) name))))

;;; Receiving

(defun jsonrpc--reply-error (err) "The JSON-RPC error object for the Lisp error ERR a dispatcher signalled."
  (if (eq (car err) 'jsonrpc-error)
      (let ((data (cdr err)))
        (list :code (or (alist-get 'jsonrpc-error-code data) -32603)
              :message (or (alist-get 'jsonrpc-error-message data) "Internal error")))
    (list :code -32603 :message "Internal error")))

(defun jsonrpc--answer (connection id method params)
  "Answer request ID of CONNECTION for METHOD with PARAMS through the request dispatcher."
  (let ((reply (condition-case err
                   (let ((debug-on-error (and debug-on-error (not jsonrpc-inhibit-debug-on-error))))
                     (list :result (funcall (jsonrpc--request-dispatcher connection)
                                            connection (intern method) params)))
                 (error (list :error (jsonrpc--reply-error err))))))
    (condition-case err
        (apply #'jsonrpc-connection-send connection :id id reply)
      (error
       (jsonrpc-connection-send connection :id id
                                :error (list :code -32603 :message (error-message-string err)))))))

(cl-defgeneric jsonrpc-connection-receive (connection message)
  "Handle MESSAGE, a plist, that arrived over CONNECTION.")

(cl-defmethod jsonrpc-connection-receive ((connection jsonrpc-connection) message)
  "Answer a request, pass on a notification, or settle the request a reply is for."
  (jsonrpc--log-event connection message 'server)
  (let ((id (plist-get message :id))
        (method (plist-get message :method))
        (params (plist-get message :params))
        (err (plist-get message :error)))
    (when err (setf (jsonrpc-last-error connection) err))
    (cond ((and method id) (jsonrpc--answer connection id method params))
          (method (funcall (jsonrpc--notification-dispatcher connection)
                           connection (intern method) params))
          (id (let ((cont (gethash id (jsonrpc--request-continuations connection))))
                (if (null cont)
                    (jsonrpc--debug connection "No continuation for id %s" id)
                  (remhash id (jsonrpc--request-continuations connection))
                  (when (nth 2 cont) (cancel-timer (nth 2 cont)))
                  (if err
                      (funcall (nth 1 cont) err)
                    (funcall (nth 0 cont) (plist-get message :result))))))))
  (jsonrpc--call-deferred connection))

(defun jsonrpc--call-deferred (connection) "Try again each request CONNECTION holds back."
  (let (actions)
    (maphash (lambda (_k v) (push v actions)) (jsonrpc--deferred-actions connection))
    (dolist (action (nreverse actions))
      (funcall action))))

;;; Sending requests

(cl-defun jsonrpc--async-request-1 (connection method params
                                               &key success-fn error-fn timeout-fn
                                               (timeout jsonrpc-default-request-timeout)
                                               deferred)
  "Send (or hold back, when DEFERRED and CONNECTION is not ready) a request; give (ID TIMER)."
  (let* ((id (cl-incf (jsonrpc--next-request-id connection)))
         (key (list deferred (current-buffer)))
         (actions (jsonrpc--deferred-actions connection))
         (success-fn (or success-fn
                         (lambda (&rest _) (jsonrpc--debug connection "Request %s answered" id))))
         (error-fn (or error-fn
                       (jsonrpc-lambda (&key code message &allow-other-keys)
                         (jsonrpc--debug connection "Request %s failed: %s (%s)" id message code))))
         (timeout-fn (or timeout-fn
                         (lambda () (jsonrpc--debug connection "Request %s timed out" id))))
         (timer (and timeout
                     (run-with-timer timeout nil
                                     (lambda ()
                                       (when deferred (remhash key actions))
                                       (remhash id (jsonrpc--request-continuations connection))
                                       (funcall timeout-fn)))))
         (attempt nil))
    (setq attempt
          (lambda ()
            (if (and deferred (not (jsonrpc-connection-ready-p connection deferred)))
                (puthash key attempt actions)
              (when deferred (remhash key actions))
              (puthash id (list success-fn error-fn timer)
                       (jsonrpc--request-continuations connection))
              (jsonrpc-connection-send connection :id id :method method :params params))))
    (funcall attempt)
    (list id timer)))

(cl-defun jsonrpc-async-request (connection method params &rest args
                                            &key success-fn error-fn timeout-fn timeout deferred)
  "Send METHOD with PARAMS over CONNECTION and return at once.
ARGS: :success-fn (called with the result), :error-fn (with the
error plist), :timeout-fn, :timeout (seconds) and :deferred."
  (ignore success-fn error-fn timeout-fn timeout deferred)
  (apply #'jsonrpc--async-request-1 connection method params args)
  nil)

(cl-defun jsonrpc-request (connection method params &key deferred timeout
                                      cancel-on-input cancel-on-input-retval)
  "Send METHOD with PARAMS over CONNECTION and wait for its result.
A failed request signals `jsonrpc-error'.  DEFERRED and TIMEOUT are as
for `jsonrpc-async-request'; with CANCEL-ON-INPUT, input gives up
waiting and returns CANCEL-ON-INPUT-RETVAL."
  (let* ((tag (make-symbol "jsonrpc-request"))
         (sent nil)
         (outcome
          (unwind-protect
              (catch tag
                (setq sent (jsonrpc--async-request-1
                            connection method params
                            :success-fn (lambda (result) (throw tag (list 'done result)))
                            :error-fn (jsonrpc-lambda (&key code message data)
                                        (throw tag (list 'error (cons 'jsonrpc-error-code code)
                                                         (cons 'jsonrpc-error-message message)
                                                         (cons 'jsonrpc-error-data data))))
                            :timeout-fn (lambda ()
                                          (throw tag '(error (jsonrpc-error-message . "Timed out"))))
                            :deferred deferred
                            :timeout (or timeout jsonrpc-default-request-timeout)))
                (while t
                  (jsonrpc--drain connection)
                  (if cancel-on-input
                      (unless (sit-for 30) (throw tag (list 'cancelled cancel-on-input-retval)))
                    (accept-process-output nil 30))))
            (when sent
              (when (nth 1 sent) (cancel-timer (nth 1 sent)))
              (remhash (car sent) (jsonrpc--request-continuations connection))))))
    (pcase (car outcome)
      ('error (signal 'jsonrpc-error (cons (format "request id=%s failed:" (car sent))
                                           (cdr outcome))))
      (_ (cadr outcome)))))

(defun jsonrpc-notify (connection method params) "Send notification METHOD with PARAMS over CONNECTION."
  (jsonrpc-connection-send connection :method method :params params))

(defun jsonrpc-forget-pending-continuations (connection) "Drop every request CONNECTION is waiting on."
  (maphash (lambda (_id cont) (when (nth 2 cont) (cancel-timer (nth 2 cont))))
           (jsonrpc--request-continuations connection))
  (clrhash (jsonrpc--request-continuations connection)))

;;; Over a process

(defclass jsonrpc-process-connection (jsonrpc-connection)
  ((-process :documentation "The process (or a function making it) messages go over."
             :initarg :process :accessor jsonrpc--process)
   (-expected-bytes :documentation "The size of the message being read, once its header is in."
                    :initform nil :accessor jsonrpc--expected-bytes)
   (-on-shutdown :documentation "Called with the connection when its process ends."
                 :initarg :on-shutdown :initform #'ignore :accessor jsonrpc--on-shutdown))
  :documentation "A JSON-RPC connection over a process.")

(cl-defmethod initialize-instance :after ((conn jsonrpc-process-connection) &rest _)
  "Set up CONN's process to carry JSON-RPC messages."
  (let ((proc (jsonrpc--process conn)))
    (when (functionp proc)
      (setq proc (funcall proc))
      (setf (jsonrpc--process conn) proc))
    (set-process-coding-system proc 'binary 'binary)
    (process-put proc 'jsonrpc-connection conn)
    (process-put proc 'jsonrpc-pending "")
    (set-process-filter proc #'jsonrpc--process-filter)
    (set-process-sentinel proc #'jsonrpc--process-sentinel)))

(cl-defmethod jsonrpc-connection-send ((connection jsonrpc-process-connection)
                                       &rest args &key id method params result error)
  "Frame ARGS as a JSON-RPC 2.0 message and write it to CONNECTION's process."
  (let ((message (list :jsonrpc "2.0")))
    (cl-loop for (k v) on args by #'cddr
             when (or v (and (eq k :result) id (not method) (not error)))
             do (setq message (append message (list k (if (eq k :method) (jsonrpc--method-name v) v)))))
    (ignore params result)
    (let ((json (jsonrpc--json-encode message)))
      (process-send-string (jsonrpc--process connection)
                           (concat (format "Content-Length: %d\r\n\r\n" (length json)) json))
      (jsonrpc--log-event connection message 'client))))

(cl-defmethod jsonrpc-running-p ((connection jsonrpc-process-connection))
  "Non-nil while CONNECTION's process lives."
  (process-live-p (jsonrpc--process connection)))

(cl-defmethod jsonrpc-shutdown ((connection jsonrpc-process-connection) &optional cleanup)
  "End CONNECTION's process, waiting for its sentinel; with CLEANUP kill its buffers."
  (let ((proc (jsonrpc--process connection)))
    (unless (process-get proc 'jsonrpc-sentinel-done)
      (delete-process proc)
      (while (not (process-get proc 'jsonrpc-sentinel-done))
        (accept-process-output nil 0.1)))
    (when cleanup
      (when (buffer-live-p (process-buffer proc)) (kill-buffer (process-buffer proc)))
      (when (buffer-live-p (jsonrpc--events-buffer connection))
        (kill-buffer (jsonrpc--events-buffer connection))))))

(defun jsonrpc--process-sentinel (proc change) "Note that PROC ended (CHANGE says how) and tell its connection."
  (let ((conn (process-get proc 'jsonrpc-connection)))
    (jsonrpc--debug conn "Connection state changed to %S" change)
    (unless (process-live-p proc)
      (unless (process-get proc 'jsonrpc-sentinel-done)
        (process-put proc 'jsonrpc-sentinel-done t)
        (jsonrpc--message "Server exited with status %s" (process-exit-status proc))
        (maphash (lambda (_id cont) (when (nth 2 cont) (cancel-timer (nth 2 cont))))
                 (jsonrpc--request-continuations conn))
        (clrhash (jsonrpc--request-continuations conn))
        (clrhash (jsonrpc--deferred-actions conn))
        (funcall (jsonrpc--on-shutdown conn) conn)))))

(defun jsonrpc--next-message (proc)
  "Take the next whole message out of PROC's unread bytes; nil when none is complete."
  (let ((pending (process-get proc 'jsonrpc-pending)))
    (when (string-match "\r\n\r\n" pending)
      (let* ((body-start (match-end 0))
             (header (substring pending 0 (match-beginning 0)))
             (size (and (string-match "^Content-Length: *\\([0-9]+\\)" header)
                        (string-to-number (match-string 1 header)))))
        (cond ((null size)
               ;; A header without a length: drop it, as nothing can be read after it.
               (process-put proc 'jsonrpc-pending (substring pending body-start))
               (list 'bad header))
              ((>= (- (length pending) body-start) size)
               (process-put proc 'jsonrpc-pending (substring pending (+ body-start size)))
               (list 'ok (substring pending body-start (+ body-start size)))))))))

(defun jsonrpc--drain (connection) "Handle every whole message CONNECTION's process has brought."
  (let* ((proc (jsonrpc--process connection)) next)
    (while (and (process-get proc 'jsonrpc-pending)
                (setq next (jsonrpc--next-message proc)))
      (if (eq (car next) 'bad)
          (jsonrpc--warn "Invalid JSON-RPC header: %S" (cadr next))
        (let ((message (condition-case err (jsonrpc--json-read (cadr next))
                         (error (jsonrpc--warn "Invalid JSON: %s %S" (cdr err) (cadr next))
                                nil))))
          (when message
            (with-temp-buffer
              (jsonrpc-connection-receive connection message))))))))

(defun jsonrpc--process-filter (proc string) "Collect STRING from PROC and handle each whole message."
  (when (process-get proc 'jsonrpc-connection)
    (process-put proc 'jsonrpc-pending (concat (process-get proc 'jsonrpc-pending) string))
    (jsonrpc--drain (process-get proc 'jsonrpc-connection))))

(provide 'jsonrpc)
;;; jsonrpc.el ends here
