;;; simple-undo-auto.el --- automatic undo boundaries and amalgamating commands -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and the Emacs Lisp manual
;; (test/corpus/undo-auto.el pins what is relied on).  GNU's command loop puts an undo boundary
;; in every buffer a command changed; a timer does so during long-running changes; commands
;; such as `self-insert-command' call `undo-auto-amalgamate' so that runs of them undo together.
;; The state lives in `undo-auto--last-boundary-cause' (set by `undo-boundary' too) and
;; `undo-auto--undoably-changed-buffers'.

;;; Code:

;; The variables are in autoloads.el: GNU has them bound from the start.

(defun undo-auto--last-boundary-amalgamating-number () "How many amalgamating commands ran before the last boundary: the car of its recorded cause, or nil."
  (let ((cause undo-auto--last-boundary-cause))
    (and (consp cause) (car cause))))

(defun undo-auto--needs-boundary-p () "Non-nil (the newest undo record) when the current buffer's undo list does not start at a boundary."
  (and (consp buffer-undo-list) (car buffer-undo-list)))

(defun undo-auto--ensure-boundary (cause) "Put a boundary at the head of the current buffer's undo list if it lacks one, recording CAUSE; give what was recorded, else nil.
For CAUSE `amalgamate' the record is the count of amalgamating commands so
far and the buffers changed."
  (if (not (undo-auto--needs-boundary-p))
      nil
    (let ((record (if (eq cause 'amalgamate)
                      (let ((n (undo-auto--last-boundary-amalgamating-number)))
                        (cons (if (integerp n) (+ n 1) 0) undo-auto--undoably-changed-buffers))
                    cause)))
      (undo-boundary)
      (setq undo-auto--last-boundary-cause record))))

(defun undo-auto--boundaries (cause) "Put a boundary, for CAUSE, in each live buffer changed since the last time, and forget them."
  (let ((pending undo-auto--undoably-changed-buffers) (seen nil))
    (setq undo-auto--undoably-changed-buffers nil)
    (while pending
      (let ((b (pop pending)))
        (unless (or (memq b seen) (not (buffer-live-p b)))
          (push b seen)
          (with-current-buffer b (undo-auto--ensure-boundary cause)))))))

(defun undo-auto--undoable-change () "Note that the current buffer changed with undo on, so that it gets a boundary later."
  (let ((b (current-buffer)))
    (or (memq b undo-auto--undoably-changed-buffers)
        (setq undo-auto--undoably-changed-buffers (cons b undo-auto--undoably-changed-buffers))))
  (undo-auto--boundary-ensure-timer)
  nil)

(defun undo-auto--drop-leading-boundary () "Take the boundary off the head of the current buffer's undo list, if one is there."
  (when (and (consp buffer-undo-list) (not (car buffer-undo-list)))
    (setq buffer-undo-list (cdr buffer-undo-list))))

(defun undo-auto-amalgamate () "Make the changes of this command undo together with those of the same command just before.
Up to 20 commands in a row amalgamate: the boundaries the command loop put
after the previous ones are taken out again."
  (setq undo-auto--this-command-amalgamating t)
  (let ((n (undo-auto--last-boundary-amalgamating-number)))
    (cond ((not (integerp n)) nil)
          ((or (>= n 20) (not (eq last-command this-command)))
           (setq undo-auto--last-boundary-cause 0))
          (t (dolist (b (cdr undo-auto--last-boundary-cause))
               (and (buffer-live-p b)
                    (with-current-buffer b (undo-auto--drop-leading-boundary))))))))

(defun undo-auto--boundary-ensure-timer () "Start the timer that adds boundaries to changed buffers ten seconds from now, unless it is already running."
  (or (timerp undo-auto-current-boundary-timer)
      (setq undo-auto-current-boundary-timer
            (run-at-time 10 nil 'undo-auto--boundary-timer))))

(defun undo-auto--boundary-timer () "Put boundaries in the buffers changed lately; the timer `undo-auto--boundary-ensure-timer' starts calls this."
  (setq undo-auto-current-boundary-timer nil)
  (undo-auto--boundaries 'timer)
  nil)

(defun undo-auto--add-boundary () "Put boundaries in the buffers the last command changed, as the command loop does after each command."
  (undo-auto--boundaries 'command))

(provide 'simple-undo-auto)

;;; simple-undo-auto.el ends here
