;;; filenotify.el --- the file notification interface, with no back end  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented interface (Elisp manual, "File
;; Notifications").  tsmacs has none of the kernel back ends (inotify, kqueue, gfile, w32notify),
;; so this is GNU's interface as a GNU built without them has it: `file-notify--library' is nil
;; and watching a local file signals `file-notify-error'.  A file name handler that implements
;; `file-notify-add-watch' (a remote file system, say) still gets the calls.

;;; Code:

(require 'cl-lib)

(defconst file-notify--library nil "The kernel notification library in use; none in tsmacs.")

(defvar file-notify-debug nil "Non-nil traces notification events.")

(defvar file-notify-descriptors (make-hash-table :test 'equal) "Watches made through file name handlers: descriptor -> (FILE . CALLBACK).")

(define-error 'file-notify-error "File notification error" 'file-error)

(defun file-notify-add-watch (file flags callback) "Watch FILE for the events FLAGS names (`change', `attribute-change'), calling CALLBACK with each.
Return a descriptor for `file-notify-rm-watch'.  Without a notification library only a file name
handler of FILE can watch it; otherwise this signals `file-notify-error'."
  (let* ((name (expand-file-name file))
         (handler (find-file-name-handler name 'file-notify-add-watch)))
    (unless (and (listp flags) (cl-every (lambda (f) (memq f '(change attribute-change))) flags))
      (signal 'wrong-type-argument (list 'listp flags)))
    (if handler
        (let ((desc (funcall handler 'file-notify-add-watch name flags callback)))
          (when desc (puthash desc (list name callback handler) file-notify-descriptors))
          desc)
      (signal 'file-notify-error (list "No file notification package available")))))

(defun file-notify-rm-watch (descriptor) "Stop the watch DESCRIPTOR names."
  (let ((entry (gethash descriptor file-notify-descriptors)))
    (when entry
      (remhash descriptor file-notify-descriptors)
      (funcall (nth 2 entry) 'file-notify-rm-watch descriptor))))

(defun file-notify-valid-p (descriptor) "Non-nil when the watch DESCRIPTOR is still active."
  (let ((entry (gethash descriptor file-notify-descriptors)))
    (and entry (funcall (nth 2 entry) 'file-notify-valid-p descriptor) t)))

(defun file-notify-rm-all-watches () "Stop every watch." (interactive)
  (maphash (lambda (d _) (file-notify-rm-watch d)) file-notify-descriptors))

(defun file-notify-handle-event (event) "Run the callback of the watch EVENT reports (EVENT is (file-notify (DESC ACTION FILE...) CALLBACK))." (interactive "e")
  (when (and (consp event) (eq (car event) 'file-notify) (functionp (nth 2 event)))
    (funcall (nth 2 event) (nth 1 event))))

(provide 'filenotify)

;;; filenotify.el ends here
