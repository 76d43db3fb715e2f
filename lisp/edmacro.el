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

(defun edmacro--runs (events) "Split EVENTS into (COUNT . EVENT) runs of the same event."
  (let ((runs nil))
    (dolist (e events)
      (if (and runs (equal (cdar runs) e))
          (setcar (car runs) (1+ (caar runs)))
        (push (cons 1 e) runs)))
    (nreverse runs)))

(defun edmacro-format-keys (macro &optional _verbose) "Describe the keyboard MACRO (a string or vector) in the notation `kbd' reads.
Plain characters next to each other make one word; a key typed several
times running is written N*KEY (characters of a word from four times on)."
  (let ((words nil) (word ""))
    (dolist (run (edmacro--runs (append (if (stringp macro)
                                                (mapcar (lambda (c) (if (and (>= c 128) (< c 256) (not (multibyte-string-p macro)))
                                                                        (logior (- c 128) #x8000000) c))
                                                        macro)
                                              macro)
                                            nil)))
      (let ((tally (car run)) (event (cdr run)))
        (if (and (edmacro--word-char-p event) (< tally 4))
            (setq word (concat word (make-string tally event)))
          (unless (string= word "") (push word words) (setq word ""))
          (push (concat (if (> tally 1) (format "%d*" tally) "")
                        (single-key-description event))
                words))))
    (unless (string= word "") (push word words))
    (mapconcat #'identity (nreverse words) " ")))

(defun format-kbd-macro (&optional macro verbose) "Describe the keyboard MACRO (by default `last-kbd-macro') in `kbd' notation; see `edmacro-format-keys' for VERBOSE."
  (edmacro-format-keys (or macro last-kbd-macro) verbose))

(provide 'edmacro)
