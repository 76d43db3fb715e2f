;;; kbd-macro.el --- recording and running keyboard macros  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed batch behaviour.  GNU
;; has these in C (keyboard.c, macros.c): here the event readers of
;; src/emacs/keyboard.ts take their events from `executing-kbd-macro'
;; first, and this file runs a small command loop over a macro's keys.
;;
;; A batch session has no keyboard, so nothing a user types is recorded:
;; events given to `store-kbd-macro-event' only count once a command of
;; the command loop has finished (as in GNU, where a macro being defined
;; outside any command ends up empty).

(defvar kbd-macro--pending nil "Events stored for the macro being defined, newest first, not yet part of it.")
(defvar kbd-macro--kept nil "Events of the macro being defined that a finished command made part of it, newest first.")

(defun kbd-macro--lookup-key (events) "The binding of the key EVENTS (a list) in the active keymaps; a mouse event counts by its kind."
  (key-binding (vconcat (mapcar (lambda (e) (if (consp e) (car e) e)) events)) t))

(defun kbd-macro--translate (events prompt) "EVENTS (a list) with a tail that `local-function-key-map' translates replaced.
Return (t . NEW-EVENTS) when a tail was replaced, (nil . EVENTS) when a tail
is the start of a longer translation, or nil."
  (let ((tail events) (found nil))
    (while (and tail (not found))
      (let ((to (lookup-key local-function-key-map (vconcat (mapcar (lambda (e) (if (consp e) (car e) e)) tail)))))
        (when (and to (not (integerp to)) (not (keymapp to)) (functionp to))
          (setq to (funcall to prompt)))
        (cond ((or (stringp to) (vectorp to))
               (setq found (cons t (append (butlast events (length tail)) (append to nil)))))
              ((keymapp to) (setq found (cons nil events)))))
      (setq tail (cdr tail)))
    found))

(defun kbd-macro--unshift (event) "EVENT without its shift (a capital letter made small), or nil when it has none."
  (cond ((and (integerp event) (/= 0 (logand event #x2000000))) (logand event (lognot #x2000000)))
        ((and (integerp event) (<= ?A (logand event #x3fffff) ?Z)) (+ event 32))
        ((and (symbolp event) (memq 'shift (event-modifiers event)))
         (event-convert-list (append (delq 'shift (delq 'click (event-modifiers event)))
                                     (list (event-basic-type event)))))))

(defun read-key-sequence (prompt &rest _options) "Read events until they make a complete key of the active keymaps and give them.
PROMPT, a string, is shown first.  A key bound nowhere is translated by
`local-function-key-map' (so <backspace> reads as DEL), or failing that read
without its shift.  The key is a string when every event is a plain
character below 128, otherwise a vector."
  (let ((events nil) (finished nil) (shifted nil))
    (while (not finished)
      (setq events (append events (list (read-event (and (null events) prompt)))))
      (let ((binding (kbd-macro--lookup-key events)))
        (cond ((keymapp binding))
              (binding (setq finished t))
              (t (let ((tr (kbd-macro--translate events prompt)))
                   (cond ((car tr)
                          (setq events (cdr tr))
                          (unless (keymapp (kbd-macro--lookup-key events)) (setq finished t)))
                         (tr)
                         (t (let ((plain (kbd-macro--unshift (car (last events)))))
                              (when (and plain (kbd-macro--lookup-key (append (butlast events) (list plain))))
                                (setq events (append (butlast events) (list plain)) shifted t)))
                            (setq finished t))))))))
    (when shifted (setq this-command-keys-shift-translated t))
    (if (seq-every-p (lambda (e) (and (integerp e) (<= 0 e 127))) events)
        (concat events)
      (vconcat events))))

(defun read-key-sequence-vector (prompt &rest options) "Like `read-key-sequence' with PROMPT and OPTIONS, but the key is always a vector."
  (vconcat (apply #'read-key-sequence prompt options)))

(defun kbd-macro--run-keys (macro) "Run the commands that the keys of MACRO (already being read from) call, until it is used up."
  (while (< executing-kbd-macro-index (length macro))
    (let* ((keys (progn (setq this-command-keys-shift-translated nil) (read-key-sequence nil)))
           (cmd (key-binding keys t))
           (arg prefix-arg))
      (setq last-command-event (aref keys (1- (length keys)))
            this-command cmd
            real-this-command cmd)
      (set--this-command-keys (if (stringp keys) keys (key-description keys)))
      (run-hooks 'pre-command-hook)
      (if (null cmd)
          (progn (ding) (setq executing-kbd-macro-index (length macro)))
        (command-execute cmd))
      ;; What the command ran with is the previous prefix argument for the next one.
      (setq last-prefix-arg arg)
      (run-hooks 'post-command-hook)
      ;; Only a command that is more than a prefix argument is one `repeat' repeats.
      (unless prefix-arg (setq last-repeatable-command real-this-command))
      (setq last-command this-command)
      (when defining-kbd-macro (setq kbd-macro--kept kbd-macro--pending))
      ;; The command loop goes back to the selected window's buffer.
      (set-buffer (window-buffer)))))

(defun execute-kbd-macro (macro &optional count loopfunc) "Run the keyboard MACRO (a string, a vector, or a symbol whose function is one) COUNT times.
COUNT is read as a prefix argument; 0 means until LOOPFUNC (or an error)
stops it.  LOOPFUNC, when given, is called before each run and a nil
value ends the loop.  Runs `kbd-macro-termination-hook' at the end."
  (let ((keys (if (and macro (symbolp macro)) (indirect-function macro) macro))
        (runs (prefix-numeric-value count)))
    (unless (or (stringp keys) (vectorp keys))
      (error "Keyboard macros must be strings or vectors"))
    (let ((executing-kbd-macro keys)
          (executing-kbd-macro-index 0)
          (done 0)
          (caller this-command))
      ;; As a command loop entered anew, the macro's first command sees the command running
      ;; the macro (nil from Lisp) as the last one; that command is current again afterwards.
      (setq last-command caller)
      (unwind-protect
          (while (and (or (= runs 0) (< done runs))
                      (or (null loopfunc) (funcall loopfunc)))
            (setq executing-kbd-macro-index 0
                  done (1+ done))
            (kbd-macro--run-keys keys))
        (setq this-command caller)))
    (run-hooks 'kbd-macro-termination-hook)
    nil))

(defun start-kbd-macro (append &optional no-exec) "Start recording a keyboard macro; with APPEND add to `last-kbd-macro'.
Appending runs the last macro first, unless NO-EXEC."
  (interactive "P")
  (when defining-kbd-macro (error "Already defining kbd macro"))
  (if (and append last-kbd-macro)
      (progn
        (setq kbd-macro--pending (reverse (append last-kbd-macro nil)))
        (unless no-exec (execute-kbd-macro last-kbd-macro))
        (message "Appending to kbd macro..."))
    (setq kbd-macro--pending nil)
    (message "Defining kbd macro..."))
  (setq kbd-macro--kept kbd-macro--pending
        defining-kbd-macro t)
  nil)

;; GNU's C names one function both ways: the same object under a second name.
(defalias 'defining-kbd-macro (symbol-function 'start-kbd-macro))

(defun end-kbd-macro (&optional repeat loopfunc) "Stop recording the keyboard macro and make it `last-kbd-macro'.
REPEAT (a prefix argument) runs it REPEAT - 1 more times, or with 0
until LOOPFUNC (or an error) stops it."
  (interactive "p")
  (unless defining-kbd-macro (error "Not defining kbd macro"))
  (let ((events (reverse kbd-macro--kept)))
    (setq defining-kbd-macro nil
          kbd-macro--pending nil kbd-macro--kept nil
          last-kbd-macro (if (seq-every-p (lambda (e) (and (integerp e) (<= 0 e 127))) events)
                             (concat events)
                           (vconcat events)))
    (message "Keyboard macro defined"))
  (let ((tally (prefix-numeric-value repeat)))
    (cond ((= tally 0) (execute-kbd-macro last-kbd-macro 0 loopfunc))
          ((> tally 1) (execute-kbd-macro last-kbd-macro (1- tally) loopfunc))))
  nil)

(defun call-last-kbd-macro (&optional prefix loopfunc) "Run `last-kbd-macro' PREFIX times (0: until LOOPFUNC or an error stops it)."
  (interactive "p")
  (when defining-kbd-macro (error "Can't execute anonymous macro while defining one"))
  (unless last-kbd-macro (error "No kbd macro has been defined"))
  (execute-kbd-macro last-kbd-macro prefix loopfunc))

(defun store-kbd-macro-event (event) "Add EVENT to the keyboard macro being recorded; it counts once the current command is over."
  (when defining-kbd-macro (push event kbd-macro--pending))
  nil)

(defun cancel-kbd-macro-events () "Drop the events stored for the keyboard macro since the last command ended."
  (setq kbd-macro--pending kbd-macro--kept)
  nil)

(defun kbd-macro--event-text (event) "EVENT written as a `?' character or a symbol, for a macro vector."
  (if (integerp event)
      (let ((name (single-key-description event)))
        (if (and (< event 128) (>= event 32) (/= event 127))
            (concat "?" (if (memq event '(?\( ?\) ?\[ ?\] ?\\ ?\; ?\" ?\s ?' ?` ?# ?,)) "\\" "")
                    (string event))
          (concat "?\\" (replace-regexp-in-string "\\`<\\|>\\'" "" name))))
    (prin1-to-string event)))

(defun kbd-macro--string-text (keys) "The macro string KEYS written as a string constant, control characters as \\C-."
  (concat "\""
          (mapconcat (lambda (c)
                       (cond ((memq c '(?\" ?\\)) (string ?\\ c))
                             ((= c 127) "\\C-?")
                             ((< c 32) (format "\\C-%c" (+ c 96)))
                             (t (string c))))
                     keys "")
          "\""))

(defun insert-kbd-macro (macroname &optional keys) "Insert Lisp that defines the keyboard macro MACRONAME again (the last one for the empty name).
With KEYS, also bind it to the keys it is bound to now."
  (interactive "CInsert kbd macro (name): \nP")
  (let ((definition (if (string= (symbol-name macroname) "")
                        last-kbd-macro
                      (symbol-function macroname))))
    (insert (if (string= (symbol-name macroname) "")
                "(setq last-kbd-macro\n   "
              (format "(fset '%s\n   " (symbol-name macroname))))
    (insert (cond ((stringp definition) (kbd-macro--string-text definition))
                  ((vectorp definition)
                   (concat "[" (mapconcat #'kbd-macro--event-text definition " ") "]"))
                  (t (prin1-to-string definition))))
    (insert ")\n")
    (when (and keys (not (string= (symbol-name macroname) "")))
      (dolist (key (where-is-internal macroname))
        (insert (format "(global-set-key %S '%s)\n" key macroname))))))

(defun kbd-macro-query (_flag) "Mark a place in a keyboard macro where it asks whether to go on.
Outside a macro being defined or run this is a `user-error'.  The
question itself needs a terminal (GNU's batch Emacs waits on standard
input for it); here the macro simply goes on."
  (interactive "P")
  (unless (or defining-kbd-macro executing-kbd-macro)
    (user-error "Not defining or executing kbd macro")))

(provide 'kbd-macro)

;;; kbd-macro.el ends here
