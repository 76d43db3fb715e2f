;;; undo-commands.el --- `undo', `undo-only' and `undo-redo' run as commands, one after another  -*- lexical-binding: t -*-
;; Each command runs as the command loop would: `last-command' and `this-command' set, then a
;; boundary after it.  A non-undo command (backward-char) in between breaks the undo run.

(defun undo-commands--run (cmds)
  (dolist (cmd cmds)
    (setq last-command this-command
          this-command cmd)
    (command-execute cmd)
    (undo-boundary)))

(defvar undo-commands--buf (generate-new-buffer "undo-commands"))

(with-current-buffer undo-commands--buf
  (buffer-enable-undo)
  (dolist (s '("a" "b" "c" "d" "e")) (insert s) (undo-boundary))
  (buffer-string))

(defun undo-commands--step (cmds)
  (with-current-buffer undo-commands--buf
    (list (condition-case err (progn (undo-commands--run cmds) 'ok) (error err))
          (buffer-string) (point) buffer-undo-list)))

(undo-commands--step '(undo undo))
(undo-commands--step '(backward-char undo))
(undo-commands--step '(undo))
(undo-commands--step '(backward-char undo undo))
(undo-commands--step '(backward-char undo-redo))
(undo-commands--step '(undo))
(undo-commands--step '(backward-char undo-redo undo-redo))
(undo-commands--step '(undo undo))
(undo-commands--step '(backward-char undo-only undo-only))
(undo-commands--step '(backward-char undo-redo undo-redo))
(undo-commands--step '(backward-char undo-redo undo-redo))
(undo-commands--step '(backward-char undo-redo))
(undo-commands--step '(undo-redo undo))
(undo-commands--step '(backward-char undo undo-redo undo))
(undo-commands--step '(backward-char undo-only undo-redo))
(undo-commands--step '(backward-char undo undo undo undo undo undo))
(undo-commands--step '(undo))

;; A change that is not an undo, then undo-redo: nothing to redo.
(with-current-buffer undo-commands--buf
  (goto-char (point-max)) (insert "z") (undo-boundary)
  (undo-commands--step '(undo-redo)))

;; The changes the command loop notes for its boundaries.
(with-temp-buffer
  (setq buffer-undo-list nil)
  (insert "x")
  (list (and (memq (current-buffer) undo-auto--undoably-changed-buffers) t)
        (timerp undo-auto-current-boundary-timer)
        (undo-auto--boundaries 'test)
        buffer-undo-list))

(with-temp-buffer
  (insert "x")
  (memq (current-buffer) undo-auto--undoably-changed-buffers))
