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

;; Undo in the region (Transient Mark mode, region active), then redo.
(defun undo-commands--equiv ()
  (let ((v (gethash (undo-commands--sans buffer-undo-list) undo-equiv-table)))
    (if (consp v) (length v) v)))
(defun undo-commands--sans (l) (while (and (consp l) (null (car l))) (setq l (cdr l))) l)

(defvar undo-commands--region (generate-new-buffer "undo-commands-region"))
(with-current-buffer undo-commands--region
  (transient-mark-mode)
  (buffer-enable-undo)
  (dolist (s '("a" "b" "c" "d" "e")) (insert s) (undo-boundary))
  (buffer-string))

(defvar undo-commands--messages nil)
(defun undo-commands--note (fmt &rest args)
  (let ((text (apply #'format fmt args)))
    (when (string-match-p "\\`\\(Undo\\|Redo\\|No\\)" text)
      (push text undo-commands--messages))))

(defun undo-commands--rstep (cmds)
  (with-current-buffer undo-commands--region
    (setq undo-commands--messages nil)
    (advice-add 'message :before #'undo-commands--note)
    (list (unwind-protect
              (condition-case err (progn (undo-commands--run cmds) 'ok) (error err))
            (advice-remove 'message #'undo-commands--note))
          (buffer-string) (point) (mark t) mark-active buffer-undo-list (undo-commands--equiv)
          (reverse undo-commands--messages))))

(undo-commands--rstep '(move-beginning-of-line push-mark-command forward-char forward-char undo))
(undo-commands--rstep '(move-beginning-of-line push-mark-command forward-char forward-char undo-only))
(undo-commands--rstep '(undo-redo))
(undo-commands--rstep '(undo-redo))
(undo-commands--rstep '(undo-redo))
(undo-commands--rstep '(end-of-buffer push-mark-command backward-char backward-char undo undo))
(undo-commands--rstep '(backward-char undo))
(with-current-buffer undo-commands--region (deactivate-mark 'force))
(undo-commands--rstep '(backward-char undo undo undo))
(undo-commands--rstep '(undo undo undo undo undo undo undo undo undo undo undo undo))

;; `undo-equiv-table' after undo, redo, undo in region, the last undo, and an empty undo.
(defvar undo-commands--equiv (generate-new-buffer "undo-commands-equiv"))
(with-current-buffer undo-commands--equiv
  (buffer-enable-undo)
  (transient-mark-mode)
  (dolist (x '("a" "b" "c")) (insert x) (undo-boundary))
  (list (progn (undo-commands--run '(undo)) (list (buffer-string) (undo-commands--equiv)))
        (progn (undo-commands--run '(backward-char undo)) (list (buffer-string) (undo-commands--equiv)))
        (progn (undo-commands--run '(backward-char push-mark-command move-end-of-line undo))
               (list (buffer-string) (undo-commands--equiv)))
        (progn (deactivate-mark 'force)
               (undo-commands--run '(backward-char undo undo undo undo undo undo))
               (list (buffer-string) (undo-commands--equiv)))
        (progn (insert "a") (undo-boundary) (push nil buffer-undo-list)
               (undo-commands--run '(backward-char undo))
               (list (buffer-string) (undo-commands--equiv)))))

;; The same, started afresh (no undo run going on).
(with-current-buffer (generate-new-buffer "undo-commands-equiv-2")
  (buffer-enable-undo)
  (transient-mark-mode)
  (setq this-command nil pending-undo-list nil)
  (dolist (x '("a" "b" "c")) (insert x) (undo-boundary))
  (list (progn (undo-commands--run '(undo)) (list (buffer-string) (undo-commands--equiv)))
        (progn (undo-commands--run '(backward-char undo)) (list (buffer-string) (undo-commands--equiv)))
        (progn (undo-commands--run '(backward-char push-mark-command move-end-of-line undo))
               (list (buffer-string) (undo-commands--equiv)))
        (progn (deactivate-mark 'force)
               (undo-commands--run '(backward-char undo undo undo undo undo undo))
               (list (buffer-string) (undo-commands--equiv)))
        (progn (insert "a") (undo-boundary) (push nil buffer-undo-list)
               (undo-commands--run '(backward-char undo))
               (list (buffer-string) (undo-commands--equiv)))))

;; An undo that undoes nothing leaves the mapping of an undo's change as it was.
(with-current-buffer (generate-new-buffer "undo-commands-equiv-3")
  (buffer-enable-undo)
  (setq this-command nil pending-undo-list nil)
  (insert "e") (undo-boundary)
  (let ((e-list (undo-commands--sans buffer-undo-list)))
    (insert "a") (undo-boundary)
    (undo-commands--run '(backward-char undo))
    (push nil buffer-undo-list)
    (undo-commands--run '(ignore undo))
    (list (buffer-string) (eq (gethash (undo-commands--sans buffer-undo-list) undo-equiv-table) e-list))))
