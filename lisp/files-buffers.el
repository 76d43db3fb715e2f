;;; files-buffers.el --- files.el's commands over many buffers and the find-file variants  -*- lexical-binding: t -*-

;; Killing buffers by name or one by one with a question, saving every
;; modified file buffer, and the `find-file' relatives that visit read-only,
;; insist on an existing file, or replace the current buffer.  Questions are
;; read from standard input in batch mode, as the minibuffer would read them.

;;;; Killing and saving many buffers

(defun files--internal-buffer-p (buffer) "Non-nil if BUFFER's name starts with a space, as internal buffers' names do."
  (eq (aref (buffer-name buffer) 0) ?\s))

(defun kill-buffer-ask (buffer) "Ask whether to kill BUFFER (saying whether it was edited), and kill it if so."
  (let* ((edited (buffer-modified-p buffer))
         (question (concat "Buffer " (buffer-name buffer)
                           (if edited " HAS BEEN EDITED" " is unmodified")
                           ".  Kill? ")))
    (and (yes-or-no-p question) (kill-buffer buffer))))

(defun kill-matching-buffers (regexp &optional internal-too no-ask) "Kill the buffers whose names REGEXP matches, asking about each unless NO-ASK.
Buffers whose names start with a space are spared unless INTERNAL-TOO."
  (interactive "sKill buffers matching this regular expression: \nP")
  (let ((how (if no-ask #'kill-buffer #'kill-buffer-ask)))
    (mapc (lambda (candidate)
            (and (buffer-live-p candidate)
                 (or internal-too (not (files--internal-buffer-p candidate)))
                 (string-match regexp (buffer-name candidate))
                 (funcall how candidate)))
          (buffer-list))
    nil))

(defun kill-some-buffers (&optional list) "Ask about each buffer of LIST (default: all buffers) whether to kill it.
Buffers whose names start with a space are not offered."
  (interactive)
  (mapc (lambda (candidate)
          (when (and (buffer-live-p candidate) (not (files--internal-buffer-p candidate)))
            (kill-buffer-ask candidate)))
        (or list (buffer-list)))
  nil)

(defvar save-some-buffers-default-predicate nil "The PRED `save-some-buffers' uses when called without one.
A function called with no argument in each candidate buffer.  When its
symbol has a non-nil `save-some-buffers-function' property it is called
once, in the buffer `save-some-buffers' starts from, and what it gives
is the predicate.")

(put 'save-some-buffers-root 'save-some-buffers-function t)

(defun files--save-predicate (pred) "The test `save-some-buffers' applies for its argument PRED (t, nil or a function)."
  (let ((test (or pred save-some-buffers-default-predicate)))
    (if (and (null pred) (symbolp test) test (get test 'save-some-buffers-function))
        (funcall test)
      test)))

(defun files--save-candidate-p (buffer test) "Whether `save-some-buffers' with the effective predicate TEST offers BUFFER.
A changed buffer visiting a file is offered; one visiting none only when
its `buffer-offer-save' is `always', or is non-nil and TEST is."
  (and (buffer-live-p buffer)
       (buffer-modified-p buffer)
       (not (files--internal-buffer-p buffer))
       (with-current-buffer buffer
         (and (or buffer-file-name
                  (eq buffer-offer-save 'always)
                  (and buffer-offer-save test))
              (or (not (functionp test)) (funcall test))))))

(defun files--save-view (buffer) "Show BUFFER in view mode, to look at it before answering; nil, so the question is asked again."
  (view-buffer buffer (lambda (_) (exit-recursive-edit)))
  (recursive-edit)
  nil)

(defun save-some-buffers (&optional arg pred) "Offer to save each changed buffer that visits a file; with ARG non-nil, save them without asking.
Buffers visiting no file are offered when their `buffer-offer-save' is
`always', or is non-nil and PRED is.  PRED t offers those too; a function
PRED is called with no argument in each buffer and must give non-nil for
it to be offered; nil means `save-some-buffers-default-predicate'.
Give non-nil when some buffer was offered."
  (interactive "P")
  (let* ((test (files--save-predicate pred))
         (candidates (seq-filter (lambda (b) (files--save-candidate-p b test)) (buffer-list))))
    ;; Even with nothing to offer, the walk clears the echo area (an empty line in batch).
    (map-y-or-n-p
     (lambda (b)
       (or arg
           (with-current-buffer b
             (if buffer-file-name (format "Save file %s? " buffer-file-name)
               (format "Save buffer %s? " (buffer-name))))))
     (lambda (b) (with-current-buffer b (save-buffer)))
     candidates
     '("buffer" "buffers" "save")
     `((?\C-r ,#'files--save-view "view this buffer")
       (?\C-f ,(lambda (b) (view-buffer b) (signal 'quit nil)) "view this buffer and quit")
       (?d ,(lambda (b) (diff-buffer-with-file b) nil) "view changes in this buffer")))
    (and candidates t)))

;;;; Visiting in other ways

(defun files--buffers-of (visited) "VISITED, what `find-file' gave (a buffer or a list of them), as a list."
  (if (bufferp visited) (list visited) visited))

(defun find-file--read-only (fun filename wildcards) "Visit FILENAME with FUN (given FILENAME and WILDCARDS) and make the buffers read-only.
The file must exist unless WILDCARDS lets FILENAME be a pattern."
  (unless (or (file-exists-p filename) (files--wildcards-asked-p filename wildcards))
    (error "%s does not exist" filename))
  (let ((visited (funcall fun filename wildcards)))
    (mapc (lambda (b) (with-current-buffer b (read-only-mode 1)))
          (files--buffers-of visited))
    visited))

(defun find-file-read-only (filename &optional wildcards) "Visit the existing file FILENAME read-only, as `find-file' would visit it."
  (interactive (list (read-file-name "Find file read-only: ") t))
  (find-file--read-only #'find-file filename wildcards))

(defun find-file-existing (filename) "Visit FILENAME as `find-file' does, but only when it exists."
  (interactive (list (read-file-name "Find existing file: ")))
  (or (file-exists-p filename) (error "%s does not exist" filename))
  (find-file filename))

(defun find-alternate-file (filename &optional wildcards) "Kill the current buffer and visit FILENAME in its place.
A modified buffer visiting a file is only given up after a yes-or-no question."
  (interactive (list (read-file-name "Find alternate file: ") t))
  (when (and buffer-file-name (buffer-modified-p))
    (unless (yes-or-no-p (format-message "Kill and replace buffer `%s' without saving it? " (buffer-name)))
      (user-error "Aborted")))
  (let ((replaced (current-buffer)))
    (find-file filename wildcards)
    (let ((now (current-buffer)))
      (if (eq now replaced)
          t
        (with-current-buffer replaced (set-buffer-modified-p nil))
        (prog1 (kill-buffer replaced)
          (set-buffer now))))))

;; Batch mode has one window and no frames: the variants that would visit
;; elsewhere visit in place, each as its plain twin.
(defmacro files--define-in-place (name twin prompt) "Define NAME as a command visiting like TWIN, reading its file with PROMPT."
  `(defun ,name (filename &optional wildcards)
     ,(format "Visit FILENAME as `%s' does: in batch mode there is no other window or frame." twin)
     (interactive (list (read-file-name ,prompt) t))
     (,twin filename wildcards)))

(files--define-in-place find-file-other-window find-file "Find file in other window: ")
(files--define-in-place find-file-other-frame find-file "Find file in other frame: ")
(files--define-in-place find-file-read-only-other-window find-file-read-only "Find file read-only other window: ")
(files--define-in-place find-file-read-only-other-frame find-file-read-only "Find file read-only other frame: ")
(files--define-in-place find-alternate-file-other-window find-file "Find alternate file in other window: ")

;;;; Small helpers of files.el

(defvar confirm-nonexistent-file-or-buffer 'after-completion "Whether visiting a file or buffer that does not exist asks first:
nil never, `after-completion' only after completion, anything else always.")

(defun confirm-nonexistent-file-or-buffer () "What the minibuffer's REQUIRE-MATCH should be, going by `confirm-nonexistent-file-or-buffer'."
  (pcase confirm-nonexistent-file-or-buffer
    ('after-completion 'confirm-after-completion)
    ('nil nil)
    (_ 'confirm)))

(defun files--name-absolute-system-p (file) "Non-nil if FILE is absolute as the system sees it: absolute, and not a ~ name."
  (and (not (string-prefix-p "~" file))
       (file-name-absolute-p file)))

(defun files--force (no-such fn &rest args) "Call FN with ARGS; with NO-SUCH non-nil a `file-missing' error gives NO-SUCH instead."
  (condition-case failure
      (apply fn args)
    (file-missing
     (unless no-such (signal (car failure) (cdr failure)))
     no-such)))

;;; files-buffers.el ends here
