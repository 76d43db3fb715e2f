;;; edmacro.el --- reading keyboard macro descriptions  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.  Batch has no
;; macro editing: this library reads key descriptions with the parser `kbd'
;; uses (lisp/keymap.el) and writes them back: runs of plain characters stay
;; together as words, other keys are named one by one, and repeats are
;; counted ("4*a", "2*SPC").

(defun read-kbd-macro (text &optional want-vector) "The key sequence described by the string TEXT, as `kbd' reads it.
A non-nil WANT-VECTOR asks for a vector whatever the events are.  Called
with two buffer positions (interactively: the region), the text between
them is read."
  (interactive "r")
  (cond ((stringp text) (keymap--parse-keys text want-vector))
        ;; Two positions: the description is the text between them.
        (t (keymap--parse-keys (buffer-substring text want-vector)))))

(defun edmacro-parse-keys (text &optional want-vector) "The key sequence the description TEXT stands for, as `kbd' reads it; a vector with WANT-VECTOR."
  (keymap--parse-keys text want-vector))

(defun edmacro--word-char-p (event) "Non-nil if EVENT is a character written as itself inside a word."
  (and (integerp event) (> event 32) (< event 127)))

(defun edmacro--free-events (events) "EVENTS paired with a flag: (EVENT . FREE), FREE t when EVENT starts a key of its own.
An event that goes on a prefix key is not free (nil): it is written
alone, never merged into a word or a run.  The digits of a prefix
argument are free as `arg': they make a word of their own."
  (let ((prefix nil) (in-arg nil) (out nil))
    (dolist (e events)
      (if (and in-arg (memq e '(?0 ?1 ?2 ?3 ?4 ?5 ?6 ?7 ?8 ?9 ?-)))
          (push (cons e 'arg) out)
        (push (cons e (null prefix)) out)
        (let ((b (ignore-errors (key-binding (vconcat prefix (list e))))))
          (setq in-arg (memq b '(universal-argument digit-argument negative-argument)))
          (setq prefix (and (keymapp b) (vconcat prefix (list e)))))))
    (nreverse out)))

(defun edmacro--runs (events) "Split EVENTS, (EVENT . FREE) pairs, into (COUNT EVENT FREE) runs of the same free event."
  (let ((runs nil) (last-free nil))
    (dolist (pair events)
      (if (and runs (eq last-free t) (eq (cdr pair) t) (equal (nth 1 (car runs)) (car pair)))
          (setcar (car runs) (1+ (caar runs)))
        (push (list 1 (car pair) (cdr pair)) runs))
      (setq last-free (cdr pair)))
    (nreverse runs)))

(defun edmacro-format-keys (macro &optional _verbose) "Describe the keyboard MACRO (a string or vector) in the notation `kbd' reads.
Plain characters next to each other make one word (of at most 30); a key
typed several times running is written N*KEY (characters of a word from
four times on).  Keys that go on a prefix key are written one by one."
  (let ((words nil) (word "") (kind nil))
    (dolist (run (edmacro--runs
                  (edmacro--free-events
                   (append (if (stringp macro)
                               (mapcar (lambda (c) (if (and (>= c 128) (< c 256) (not (multibyte-string-p macro)))
                                                       (logior (- c 128) #x8000000) c))
                                       macro)
                             macro)
                           nil))))
      (let ((tally (nth 0 run)) (event (nth 1 run)) (free (nth 2 run)))
        (unless (eq free kind)
          (unless (string= word "") (push word words) (setq word ""))
          (setq kind free))
        (if (and free (or (eq free 'arg) (edmacro--word-char-p event)) (< tally 4))
            (dotimes (_ tally)
              (when (= (length word) 30) (push word words) (setq word ""))
              (setq word (concat word (string event))))
          (unless (string= word "") (push word words) (setq word ""))
          (push (concat (if (> tally 1) (format "%d*" tally) "")
                        (single-key-description event))
                words))))
    (unless (string= word "") (push word words))
    (mapconcat #'identity (nreverse words) " ")))

(defun format-kbd-macro (&optional macro verbose) "Describe the keyboard MACRO (by default `last-kbd-macro') in `kbd' notation; see `edmacro-format-keys' for VERBOSE."
  (edmacro-format-keys (or macro last-kbd-macro) verbose))

(provide 'edmacro)
