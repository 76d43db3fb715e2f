;; Network processes: make-network-process listeners and clients on localhost (ports asked of the
;; system, Unix sockets in a fresh temporary folder), their contacts, filters, sentinels and event
;; strings, open-network-stream, errors for a refused port and bad arguments, lookups of literal
;; addresses, set-network-process-option, and serial ports that are not there. Port numbers and
;; socket file names are printed as PORT and SOCK; every wait is for a condition, not a time.
(defvar nt-ports nil)
(defvar nt-sock nil)
(defun nt-mask (x) (cond ((and (integerp x) (or (memq x nt-ports) (<= 1024 x 65535))) 'PORT) ((and (stringp x) nt-sock (equal x nt-sock)) 'SOCK) ((stringp x) (replace-regexp-in-string "[0-9][0-9][0-9][0-9]+" "PORT" x)) ((vectorp x) (vconcat (mapcar #'nt-mask x))) ((consp x) (cons (nt-mask (car x)) (nt-mask (cdr x)))) (t x)))
(defun nt-until (pred) (let ((n 0)) (while (and (not (funcall pred)) (< n 200)) (accept-process-output nil 0.05) (setq n (1+ n))) (funcall pred)))
(defvar nt-log nil)
(setq kill-buffer-query-functions nil)
(defun nt-sentinel (p e) (push (list 'sentinel (process-name p) (process-status p) e) nt-log))
(defun nt-filter (p s) (push (list 'filter (process-name p) s) nt-log))
(defun nt-echo (p s) (push (list 'server-got (process-name p) s) nt-log) (process-send-string p (concat "echo:" s)))
(defun nt-server (&rest args) (let ((s (apply #'make-network-process :name "srv" :server t :host 'local :service t :family 'ipv4 :noquery t args))) (push (process-contact s :service) nt-ports) s))
(defun nt-free-port () (let* ((s (make-network-process :name "tmp" :server t :host 'local :service t :family 'ipv4)) (port (process-contact s :service))) (delete-process s) (push port nt-ports) port))
(defun nt-conn (server) (seq-find (lambda (p) (and (not (eq p server)) (string-prefix-p (concat (process-name server) " <") (process-name p)))) (process-list)))
(defun nt-cleanup () (mapc #'delete-process (process-list)) (setq nt-log nil) t)
;; A listener: its status, type, contact and what process-contact gives for each key.
(let ((s (nt-server :sentinel #'nt-sentinel :filter #'nt-echo))) (prog1 (nt-mask (list (process-status s) (process-type s) (process-live-p s) (process-contact s) (process-contact s t) (process-buffer s) (process-command s) (process-id s) (process-contact s :host) (process-contact s :local) (process-contact s :server) (process-contact s :family) (process-contact s :nowait) (process-contact s :bogus))) (nt-cleanup)))
;; A client and the server's connection: names, contacts, the "open from" event, data both ways, deletion.
(let* ((s (nt-server :sentinel #'nt-sentinel :filter #'nt-echo)) (c (make-network-process :name "cl" :host "127.0.0.1" :service (process-contact s :service) :sentinel #'nt-sentinel :filter #'nt-filter :noquery t))) (nt-until (lambda () (nt-conn s))) (let ((conn (nt-conn s))) (process-send-string c "hello") (nt-until (lambda () (assq 'filter nt-log))) (prog1 (nt-mask (list (process-status c) (process-type c) (process-live-p c) (process-contact c) (process-contact c t) (process-command c) (process-id c) (process-name conn) (process-contact conn) (process-contact conn t) (process-buffer conn) (reverse nt-log))) (nt-cleanup))))
(let* ((s (nt-server :sentinel #'nt-sentinel :filter #'nt-echo)) (c (make-network-process :name "cl" :host "127.0.0.1" :service (process-contact s :service) :sentinel #'nt-sentinel :noquery t))) (nt-until (lambda () (nt-conn s))) (let ((conn (nt-conn s))) (setq nt-log nil) (delete-process c) (nt-until (lambda () (eq (process-status conn) 'closed))) (prog1 (nt-mask (list (reverse nt-log) (process-status c) (process-status conn) (process-exit-status conn) (memq conn (process-list)) (memq s (process-list)))) (nt-cleanup))))
;; The peer closing: "connection broken by remote peer", status closed, exit status 256.
(let* ((s (nt-server :sentinel #'nt-sentinel)) (c (make-network-process :name "cl" :host "127.0.0.1" :service (process-contact s :service) :buffer "nt-cb" :sentinel #'nt-sentinel :noquery t))) (nt-until (lambda () (nt-conn s))) (let ((conn (nt-conn s))) (process-send-string conn "from-server\n") (nt-until (lambda () (> (buffer-size (get-buffer "nt-cb")) 0))) (setq nt-log nil) (delete-process conn) (nt-until (lambda () (eq (process-status c) 'closed))) (prog1 (nt-mask (list (reverse nt-log) (process-status c) (process-exit-status c) (with-current-buffer "nt-cb" (buffer-string)) (marker-position (process-mark c)) (condition-case e (process-send-string c "x") (error e)) (memq c (process-list)))) (kill-buffer "nt-cb") (nt-cleanup))))
;; Half-closing with process-send-eof closes both ends.
(let* ((s (nt-server :sentinel #'nt-sentinel)) (c (make-network-process :name "cl" :host "127.0.0.1" :service (process-contact s :service) :sentinel #'nt-sentinel :noquery t))) (nt-until (lambda () (nt-conn s))) (let ((conn (nt-conn s))) (setq nt-log nil) (process-send-eof c) (nt-until (lambda () (and (eq (process-status c) 'closed) (eq (process-status conn) 'closed)))) (prog1 (nt-mask (list (sort (mapcar #'prin1-to-string nt-log) #'string<) (process-status c) (process-status conn) (process-exit-status conn))) (nt-cleanup))))
;; A listener's buffer: each connection gets a buffer named after it; the server's settings are inherited.
(let* ((s (nt-server :buffer "nt-sb" :plist '(a 1) :coding 'latin-1)) (c (make-network-process :name "cl" :host 'local :service (process-contact s :service) :noquery t))) (nt-until (lambda () (nt-conn s))) (let ((conn (nt-conn s))) (process-send-string c "abc") (nt-until (lambda () (> (buffer-size (process-buffer conn)) 0))) (prog1 (nt-mask (list (buffer-name (process-buffer conn)) (with-current-buffer (process-buffer conn) (buffer-string)) (process-coding-system conn) (process-plist conn) (process-filter conn) (process-query-on-exit-flag conn) (process-coding-system s) (process-plist s) (process-coding-system c))) (kill-buffer (process-buffer conn)) (kill-buffer "nt-sb") (nt-cleanup))))
(let* ((s (nt-server)) (c (make-network-process :name "cl" :host 'local :service (process-contact s :service) :noquery t))) (nt-until (lambda () (nt-conn s))) (let ((conn (nt-conn s))) (prog1 (nt-mask (list (buffer-name (process-buffer conn)) (marker-buffer (process-mark conn)))) (kill-buffer (process-buffer conn)) (nt-cleanup))))
(let* ((s (nt-server :filter #'ignore)) (c (make-network-process :name "cl" :host 'local :service (process-contact s :service) :noquery t))) (nt-until (lambda () (nt-conn s))) (prog1 (process-buffer (nt-conn s)) (nt-cleanup)))
;; Signals: a listener is not a subprocess, but it can be stopped and continued.
(let ((s (nt-server))) (prog1 (list (condition-case e (interrupt-process s) (error e)) (condition-case e (kill-process s) (error e)) (process-status s) (progn (stop-process s) (process-status s)) (progn (continue-process s) (process-status s)) (condition-case e (process-send-string s "x") (error e))) (nt-cleanup)))
(let ((s (nt-server :sentinel #'nt-sentinel))) (delete-process s) (prog1 (list (process-status s) (process-live-p s) (reverse nt-log)) (nt-cleanup)))
;; Refused ports and :nowait.
(let ((port (nt-free-port))) (nt-mask (condition-case e (make-network-process :name "c" :host "127.0.0.1" :service port) (error e))))
(let ((port (nt-free-port))) (nt-mask (condition-case e (open-network-stream "c" nil "127.0.0.1" port) (error e))))
(let* ((port (nt-free-port)) (c (make-network-process :name "nw" :host "127.0.0.1" :service port :nowait t :sentinel #'nt-sentinel))) (let ((before (list (process-status c) (process-contact c)))) (nt-until (lambda () nt-log)) (prog1 (nt-mask (list before (process-status c) (reverse nt-log) (process-exit-status c) (process-live-p c) (and (memq c (process-list)) t))) (delete-process c) (nt-cleanup))))
(let* ((s (nt-server :sentinel #'nt-sentinel)) (c (make-network-process :name "nw2" :host "127.0.0.1" :service (process-contact s :service) :nowait t :buffer "nt-cb" :sentinel #'nt-sentinel))) (let ((before (process-status c))) (nt-until (lambda () (eq (process-status c) 'open))) (nt-until (lambda () (nt-conn s))) (prog1 (nt-mask (list before (process-status c) (sort (mapcar #'prin1-to-string nt-log) #'string<) (process-contact c t))) (kill-buffer "nt-cb") (nt-cleanup))))
;; open-network-stream.
(let* ((s (nt-server)) (r (open-network-stream "o" nil "127.0.0.1" (process-contact s :service) :return-list t))) (prog1 (nt-mask (list r (cdr r))) (nt-cleanup)))
(let* ((s (nt-server)) (o (open-network-stream "o" "nt-ob" "127.0.0.1" (process-contact s :service) :type 'plain))) (nt-until (lambda () (nt-conn s))) (prog1 (nt-mask (list (process-contact o t) (process-buffer o))) (kill-buffer "nt-ob") (nt-cleanup)))
(let ((s (nt-server))) (prog1 (condition-case e (open-network-stream "o" nil "127.0.0.1" (process-contact s :service) :type 'bogus) (error e)) (nt-cleanup)))
;; Argument errors.
(condition-case e (make-network-process :host "127.0.0.1" :service 80) (error e))
(condition-case e (make-network-process :name "c") (error e))
(condition-case e (make-network-process :name "c" :host "127.0.0.1") (error e))
(condition-case e (make-network-process :name "c" :server t :service 'foo) (error e))
(condition-case e (make-network-process :name "c8" :host "127.0.0.1" :service 80 :family 'bogus) (error e))
(condition-case e (make-network-process :name "c8" :host 5 :service 80) (error e))
(condition-case e (make-network-process :name "c8" :host "127.0.0.1" :service 80 :type 'bogus) (error e))
(condition-case e (make-network-process :name "x" :host "127.0.0.1" :service 1.5) (error e))
(condition-case e (make-network-process :name "c" :host "127.0.0.1" :service "nosuchservice") (error e))
(let ((s (nt-server))) (prog1 (nt-mask (condition-case e (make-network-process :name "s2" :server t :host 'local :service (process-contact s :service)) (error e))) (nt-cleanup)))
;; Listeners without a host, with a backlog, and clients by service name string.
(let ((s (make-network-process :name "s0" :server t :service t :noquery t))) (push (process-contact s :service) nt-ports) (prog1 (nt-mask (process-contact s t)) (nt-cleanup)))
(let* ((s (make-network-process :name "s7" :server 5 :host "127.0.0.1" :service 0 :family 'ipv4)) (port (process-contact s :service)) (c (make-network-process :name "c7" :host "127.0.0.1" :service (number-to-string port)))) (push port nt-ports) (nt-until (lambda () (nt-conn s))) (prog1 (nt-mask (list (process-contact s t) (process-contact c t) (process-contact c))) (nt-cleanup)))
;; Unix sockets.
(let* ((dir (make-temp-file "nt" t)) (sock (setq nt-sock (expand-file-name "s" dir))) (u (make-network-process :name "u" :server t :family 'local :service sock :sentinel #'nt-sentinel)) (uc (make-network-process :name "uc" :family 'local :service sock))) (nt-until (lambda () (nt-conn u))) (prog1 (nt-mask (list (process-contact u t) (process-contact u) (process-contact uc t) (process-contact uc) (process-name (nt-conn u)) (process-contact (nt-conn u)) (process-contact (nt-conn u) t) (reverse nt-log) (buffer-name (process-buffer (nt-conn u))) (process-status u) (process-type u) (condition-case e (make-network-process :name "u2" :server t :family 'local :service sock) (error e)))) (kill-buffer (process-buffer (nt-conn u))) (nt-cleanup) (delete-directory dir t)))
(let ((dir (make-temp-file "nt" t))) (prog1 (condition-case e (car (make-network-process :name "uc" :family 'local :service (expand-file-name "none" dir))) (error (list (car e) (nth 1 e) (nth 2 e)))) (delete-directory dir t)))
;; Socket options.
(let ((s (nt-server))) (prog1 (list (set-network-process-option s :reuseaddr t) (condition-case e (set-network-process-option s :bogus t) (error e)) (set-network-process-option s :keepalive t) (set-network-process-option s :keepalive t t) (condition-case e (set-network-process-option s :nodelay t) (error e)) (set-network-process-option s :nodelay t t) (set-network-process-option s :broadcast t) (set-network-process-option s :dontroute t) (set-network-process-option s :linger t) (set-network-process-option s :oobinline t) (set-network-process-option s :priority 1) (set-network-process-option s :bindtodevice "lo")) (nt-cleanup)))
(let ((p (make-process :name "cat" :command '("cat") :noquery t :connection-type 'pipe))) (prog1 (list (condition-case e (set-network-process-option p :keepalive t) (error e)) (process-contact p) (process-contact p t) (process-contact p :name)) (delete-process p) (nt-cleanup)))
(condition-case e (set-network-process-option 'x :keepalive t) (error e))
(list (featurep 'make-network-process) (featurep 'make-network-process '(:nowait t)) (featurep 'make-network-process '(:family local)) (featurep 'make-network-process '(:family ipv6)) (featurep 'make-network-process '(:server t)) (featurep 'make-network-process '(:service t)) (featurep 'make-network-process '(:family ipv4)) (featurep 'make-network-process :keepalive))
;; Lookups of literal addresses and of localhost (in /etc/hosts).
(network-lookup-address-info "127.0.0.1")
(network-lookup-address-info "127.0.0.1" 'ipv4)
(network-lookup-address-info "::1" 'ipv6)
(network-lookup-address-info "127.0.0.1" 'ipv6)
(network-lookup-address-info "localhost" 'ipv4)
(condition-case e (network-lookup-address-info "localhost" 'foo) (error e))
(condition-case e (network-lookup-address-info "127.0.0.1" nil 'numeric) (error e))
;; Serial ports that are not there, and a file that is no terminal.
(condition-case e (make-serial-process :port "/dev/nosuchtty" :speed 9600) (error e))
(condition-case e (make-serial-process :speed 9600) (error e))
(condition-case e (make-serial-process :port "/dev/nosuchtty") (error e))
(condition-case e (make-serial-process :port "/dev/null" :speed 9600) (error e))
(condition-case e (serial-process-configure :process "x" :speed 9600) (error e))
(with-temp-buffer (condition-case e (serial-process-configure :speed 9600) (error (car e))))
(let ((p (make-process :name "cat" :command '("cat") :noquery t :connection-type 'pipe))) (prog1 (condition-case e (serial-process-configure :process p :speed 9600) (error e)) (delete-process p) (nt-cleanup)))
;; interrupt-process's default function.
(let ((p (make-process :name "s" :command '("sleep" "5") :noquery t :connection-type 'pipe))) (list (eq (internal-default-interrupt-process p) p) (progn (while (process-live-p p) (accept-process-output p 0.05)) (process-status p)) (condition-case e (internal-default-interrupt-process 5) (error e)) (with-temp-buffer (condition-case e (internal-default-interrupt-process) (error (car e)))) (condition-case e (internal-default-interrupt-process "nonexist") (error e)) interrupt-process-functions (func-arity 'internal-default-interrupt-process)))
