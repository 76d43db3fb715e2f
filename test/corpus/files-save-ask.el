;; save-some-buffers' questions and choices, save-buffers-kill-emacs' checks, file-local
;; settings that need confirmation, precious saving, and programs run from a quoted directory.
;; `sa-run' makes a fresh directory, runs its body with `read-event' answering from ANSWERS
;; (and counting the questions), prints the result with the directory shown as "D", then
;; kills the buffers it made.
(progn
  (require 'cl-lib)
  (setq use-dialog-box nil)
  (defvar sa-dir nil)
  (defvar sa-asked 0)
  (defmacro sa-run (answers &rest body)
    `(let* ((sa-dir (file-name-as-directory (make-temp-file "sac" t)))
            (before (buffer-list))
            (keys ,answers)
            (sa-asked 0)
            (inhibit-message t))
       (unwind-protect
           (cl-letf (((symbol-function 'read-event) (lambda (&rest _) (setq sa-asked (1+ sa-asked)) (pop keys))))
             (string-replace (directory-file-name sa-dir) "D" (prin1-to-string (progn ,@body))))
         (dolist (b (buffer-list))
           (unless (memq b before)
             (with-current-buffer b (set-buffer-modified-p nil))
             (kill-buffer b)))
         (delete-directory sa-dir t))))
  (defun sa-visit (name)
    (let ((b (find-file-noselect (expand-file-name name sa-dir))))
      (with-current-buffer b (insert "text\n"))
      b))
  (defun sa-plain (name offer)
    (let ((b (generate-new-buffer name)))
      (with-current-buffer b (setq buffer-offer-save offer) (insert "x"))
      b))
  'ok)

;; Nothing changed: nothing asked, nil.
(sa-run nil (list (save-some-buffers) sa-asked))
(sa-run nil (list (save-some-buffers t) sa-asked))

;; One changed file, declined, accepted, saved without asking.
(sa-run '(?n) (let ((b (sa-visit "a"))) (list (save-some-buffers) sa-asked (buffer-modified-p b))))
(sa-run '(?y) (let ((b (sa-visit "a"))) (list (save-some-buffers) sa-asked (buffer-modified-p b))))
(sa-run '(?\s) (let ((b (sa-visit "a"))) (list (save-some-buffers) (buffer-modified-p b) (file-exists-p (expand-file-name "a" sa-dir)))))
(sa-run nil (let ((b (sa-visit "a"))) (list (save-some-buffers t) sa-asked (buffer-modified-p b))))

;; `q' stops, `!' saves the rest, `.' saves this one and stops.
(sa-run '(?q) (let ((a (sa-visit "a")) (b (sa-visit "b"))) (list (save-some-buffers) sa-asked (buffer-modified-p a) (buffer-modified-p b))))
(sa-run '(?!) (let ((a (sa-visit "a")) (b (sa-visit "b"))) (list (save-some-buffers) sa-asked (buffer-modified-p a) (buffer-modified-p b))))
(sa-run '(?.) (let ((a (sa-visit "a")) (b (sa-visit "b"))) (list sa-asked (save-some-buffers) sa-asked (length (seq-filter #'buffer-modified-p (list a b))))))

;; PRED: a function called in each buffer; t, which offers buffers with `buffer-offer-save'.
(sa-run nil (let ((a (sa-visit "a.foo")) (b (sa-visit "b.bar")))
              (list (save-some-buffers t (lambda () (string-suffix-p ".foo" buffer-file-name)))
                    (buffer-modified-p a) (buffer-modified-p b))))
(sa-run '(?n ?n ?n ?n) (progn (sa-visit "a") (sa-plain "p-t" t) (sa-plain "p-always" 'always) (sa-plain "p-nil" nil)
                              (list (save-some-buffers) sa-asked)))
(sa-run '(?n ?n ?n ?n) (progn (sa-visit "a") (sa-plain "p-t" t) (sa-plain "p-always" 'always) (sa-plain "p-nil" nil)
                              (list (save-some-buffers nil t) sa-asked)))
(sa-run '(?n ?n ?n ?n) (progn (sa-plain "p-t" t) (list (save-some-buffers nil #'always) sa-asked)))

;; The default predicate, and one whose symbol says it makes the predicate.
(sa-run nil (let ((a (sa-visit "a.foo")) (b (sa-visit "b.bar")))
              (let ((save-some-buffers-default-predicate (lambda () (string-suffix-p ".bar" buffer-file-name))))
                (list (save-some-buffers t) (buffer-modified-p a) (buffer-modified-p b)))))
(sa-run nil (let* ((sub (expand-file-name "sub/" sa-dir))
                   (a (progn (make-directory sub) (sa-visit "sub/a")))
                   (b (sa-visit "b")))
              (with-current-buffer a
                (let ((save-some-buffers-default-predicate 'save-some-buffers-root))
                  (list (save-some-buffers t) (buffer-modified-p a) (buffer-modified-p b))))))
(list (get 'save-some-buffers-root 'save-some-buffers-function) buffer-offer-save
      (local-variable-if-set-p 'buffer-offer-save) (get 'buffer-offer-save 'permanent-local))

;; A buffer with no file asks for one.
(sa-run nil (let ((p (sa-plain "p" 'always)) asked)
              (cl-letf (((symbol-function 'read-file-name)
                         (lambda (prompt &rest r) (setq asked (list prompt (nth 0 r) (file-name-nondirectory (nth 1 r))))
                           (expand-file-name "saved" sa-dir))))
                (list (save-some-buffers t) asked (buffer-modified-p p) (buffer-file-name p)))))
(with-temp-buffer
  (setq write-contents-functions (list (lambda () 'done)))
  (set-buffer-modified-p t)
  (let ((read-file-name-function (lambda (&rest _) (error "Asked for a file"))))
    (list (save-buffer) (buffer-modified-p) buffer-file-name)))
(with-temp-buffer
  (set-buffer-modified-p t)
  (let ((read-file-name-function (lambda (&rest _) (error "Asked for a file"))))
    (condition-case e (save-buffer) (error e))))

;; save-buffers-kill-emacs: unsaved files, processes, the query functions, confirm-kill-emacs.
(list confirm-kill-emacs confirm-kill-processes)
(sa-run '(?n)
  (let (log)
    (cl-letf (((symbol-function 'yes-or-no-p) (lambda (q) (push q log) nil))
              ((symbol-function 'kill-emacs) (lambda (&rest a) (push (cons 'kill a) log))))
      (sa-visit "a")
      (list (save-buffers-kill-emacs) (reverse log)))))
(sa-run nil
  (let (log)
    (cl-letf (((symbol-function 'yes-or-no-p) (lambda (q) (push q log) nil))
              ((symbol-function 'kill-emacs) (lambda (&rest a) (push (cons 'kill a) log))))
      (let ((kill-emacs-query-functions (list (lambda () (push 'query log) t)))
            (confirm-kill-emacs (lambda (q) (push q log) nil)))
        (list (save-buffers-kill-emacs) (reverse log))))))
(sa-run nil
  (let (log)
    (cl-letf (((symbol-function 'yes-or-no-p) (lambda (q) (push q log) nil))
              ((symbol-function 'kill-emacs) (lambda (&rest a) (push (cons 'kill a) log))))
      (let* ((p (make-process :name "sa-sleep" :command (list "sleep" "30")))
             (r (list (let ((confirm-kill-processes nil)) (save-buffers-kill-emacs t))
                      (progn (set-process-query-on-exit-flag p nil) (save-buffers-kill-emacs t)))))
        (delete-process p)
        (list r (reverse log))))))

;; File-local settings that are not known to be safe go to hack-local-variables-confirm.
(progn
  (defvar sa-safe nil)
  (put 'sa-safe 'safe-local-variable #'booleanp)
  (defvar sa-unsafe nil)
  (defun sa-locals (elv ele text answer)
    (with-temp-buffer
      (insert "x\n;; Local Variables:\n" text ";; End:\n")
      (setq-local sa-safe nil)
      (setq-local sa-unsafe nil)
      (let ((enable-local-variables elv) (enable-local-eval ele) (log nil))
        (cl-letf (((symbol-function 'hack-local-variables-confirm) (lambda (&rest a) (push a log) answer)))
          (hack-local-variables))
        (list sa-safe sa-unsafe (reverse log)))))
  'ok)
(sa-locals t t ";; sa-safe: t\n;; sa-unsafe: t\n" nil)
(sa-locals t t ";; sa-safe: t\n;; sa-unsafe: t\n" t)
(sa-locals 'maybe t ";; sa-safe: t\n" nil)
(sa-locals 'maybe t ";; sa-safe: t\n" t)
(sa-locals t 'maybe ";; eval: (setq sa-unsafe 1)\n;; sa-safe: t\n" nil)
(sa-locals t nil ";; eval: (setq sa-unsafe 1)\n;; sa-safe: t\n" t)
(sa-locals t t ";; eval: (setq sa-unsafe 1)\n;; sa-safe: t\n" nil)
(sa-locals :safe t ";; eval: (setq sa-unsafe 1)\n;; sa-safe: t\n" nil)
(sa-locals :safe 'maybe ";; eval: (setq sa-unsafe 1)\n;; sa-safe: t\n" nil)
(sa-locals :all 'maybe ";; eval: (setq sa-unsafe 1)\n;; sa-safe: t\n" nil)
(sa-locals :all nil ";; eval: (setq sa-unsafe 1)\n;; sa-safe: t\n" nil)
(sa-locals t t ";; sa-safe: t\n;; load-path: (\"x\")\n" nil)
(sa-locals t t ";; sa-safe: 1\n" nil)
(sa-locals nil t ";; sa-safe: t\n;; sa-unsafe: t\n" t)

;; file-precious-flag: the file is replaced, not written in place.
(sa-run nil
  (let* ((b (sa-visit "p")) (seen nil)
         (note (lambda (_s _e file &rest _) (push (file-name-nondirectory file) seen))))
    (advice-add 'write-region :before note)
    (unwind-protect
        (with-current-buffer b
          (setq-local file-precious-flag t)
          (list (save-buffer) (buffer-modified-p) (equal seen '("p"))
                (with-temp-buffer (insert-file-contents (expand-file-name "p" sa-dir)) (buffer-string))
                (directory-files sa-dir nil "\\`[^.]")))
      (advice-remove 'write-region note))))

;; Programs and a quoted or missing default-directory.
(let ((default-directory "/:/nonexistent-sac/dir/"))
  (mapcar (lambda (f) (condition-case e (funcall f) (error e)))
          (list (lambda () (call-process "true"))
                (lambda () (start-process "sac" nil "true"))
                (lambda () (process-file "true"))
                (lambda () (start-file-process "sac" nil "true"))
                (lambda () (call-process "no-such-program-sac"))
                (lambda () (call-process "true" "/no-such-input-sac")))))
(let ((default-directory "/nonexistent-sac/"))
  (condition-case e (make-process :name "sac" :command '("true")) (error e)))
(let ((default-directory "/etc/passwd/"))
  (condition-case e (call-process "true") (error e)))
(let ((default-directory nil))
  (condition-case e (call-process "true") (error e)))
(let ((default-directory "/:/tmp/"))
  (with-temp-buffer
    (list (call-process "/:/bin/echo" "/:/dev/null" t nil "/:/a")
          (process-file "/:/bin/echo" nil t nil "b")
          (shell-command "/:/bin/echo c /:/d" t)
          (condition-case e (call-process "true" "/:/no-such-input-sac") (error e))
          (buffer-string))))
