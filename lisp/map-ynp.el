;;; map-ynp.el --- ask about each of many objects; ask for one of several answers  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; `map-y-or-n-p' walks a list (or a generator) of objects, asking a
;; single-key question about each and acting on the ones the user accepts.
;; `read-answer' reads one of a list of long answers in the minibuffer (or,
;; with `read-answer-short', one key standing for each).
;; In batch a question after no mouse event goes to the dialog branch, where
;; there is no dialog to show: the walk ends in `quit', as GNU's does.

(defvar read-answer-short 'auto "How `read-answer' takes its answers.
t: a single key stands for each answer.  nil: the whole word must be
typed.  `auto': single keys when `use-short-answers' is non-nil or
`yes-or-no-p' has been made `y-or-n-p'.")

(defun map-ynp--items (list) "A function giving the objects of LIST one by one, then nil.
LIST is a list, or already such a function."
  (if (functionp list) list
    (lambda () (prog1 (car list) (setq list (cdr list))))))

(defun map-ynp--help (help object action-alist) "Show in *Help* what each key does for OBJECT.
HELP is (OBJECT-WORD OBJECTS-WORD VERB), ACTION-ALIST the extra keys."
  (let ((word (or (nth 0 help) "object"))
        (words (or (nth 1 help) "objects"))
        (verb (or (nth 2 help) "act on")))
    (with-help-window (help-buffer)
      (princ (format "Keys for each %s asked about:\n" word))
      (princ (format "  y, Y or SPC: %s it\n  n, N or DEL: leave it\n" verb))
      (princ (format "  !: %s it and every later one of the %s without asking\n" verb words))
      (princ (format "  .: %s it and ask no more\n  q, ESC or RET: ask no more\n  C-g: give up the whole command\n" verb))
      (dolist (entry action-alist)
        (princ (format "  %s: %s\n" (single-key-description (car entry)) (nth 2 entry)))))))

(defun map-ynp--ask (question help object action-alist no-cursor) "Ask QUESTION about OBJECT until a key with a meaning is typed.
Give `act', `skip', `all', `last', `stop' or (ACTION . FUNCTION) for a key
of ACTION-ALIST.  HELP and NO-CURSOR are as for `map-y-or-n-p'."
  (if (and (listp last-nonmenu-event) use-dialog-box)
      ;; The dialog box; a terminal that cannot show one answers nil, a quit.
      (or (and (fboundp 'x-popup-dialog)
               (x-popup-dialog t (list question '("Yes" . act) '("No" . skip)
                                       '("Yes All" . all) '("No All" . stop))))
          (signal 'quit nil))
    (let ((keys (concat "(y, n, !, ., q, "
                        (mapconcat (lambda (e) (single-key-description (car e))) action-alist ", ")
                        (if action-alist " or " "or ")
                        (key-description (vector help-char)) ") "))
          (what nil))
      (while (null what)
        (let* ((cursor-in-echo-area (not no-cursor))
               (key (progn (message "%s%s" question keys) (read-event)))
               (extra (assq key action-alist)))
          ;; The answer is echoed after the question.
          (message "%s%s%s" question keys (if (characterp key) (single-key-description key) key))
          (setq what
                (cond ((memq key '(?y ?Y ?\s)) 'act)
                      ((memq key '(?n ?N ?\d)) 'skip)
                      ((eq key ?!) 'all)
                      ((eq key ?.) 'last)
                      ((memq key '(?q ?\e ?\r)) 'stop)
                      (extra (cons 'action (nth 1 extra)))
                      ((memq key (list help-char ??)) (map-ynp--help help object action-alist) nil)
                      (t (message "Type %s for help." (key-description (vector help-char)))
                         (ding) (sit-for 1) nil)))))
      what)))

(defun map-y-or-n-p (prompter actor list &optional help action-alist no-cursor-in-echo-area) "Ask about each object of LIST, calling ACTOR on those accepted.
LIST is a list, or a function that gives the next object each time it
is called and nil when there are no more.  PROMPTER is a format string
with one %s for the object, or a function of the object giving the
question, t to act without asking, or nil to skip the object.
Keys: y, Y or SPC act; n, N or DEL skip; ! acts on this and every later
object without asking; . acts on this one and stops; q, ESC or RET stop.
HELP is (OBJECT OBJECTS VERB) for the help text; ACTION-ALIST holds more
keys, each (CHAR FUNCTION DESCRIPTION): FUNCTION is called on the object
and counts as acting when it gives non-nil.  NO-CURSOR-IN-ECHO-AREA
non-nil keeps the cursor out of the echo area.
Give the number of objects acted on."
  (let ((next (map-ynp--items list))
        (acted 0)
        (ask t)
        (going t)
        object)
    (while (and going (setq object (funcall next)))
      (let ((question (if (stringp prompter) (format prompter object) (funcall prompter object))))
        (when question
          (let ((what (if (or (not ask) (not (stringp question))) 'act
                        (map-ynp--ask question help object action-alist no-cursor-in-echo-area))))
            (pcase what
              ('act (funcall actor object) (setq acted (1+ acted)))
              ('all (funcall actor object) (setq acted (1+ acted) ask nil))
              ('last (funcall actor object) (setq acted (1+ acted) going nil))
              ('stop (setq going nil))
              (`(action . ,fn) (when (funcall fn object) (setq acted (1+ acted)))))))))
    (message "")
    acted))

;;;; Reading one of several answers

(defun read-answer--short-p () "Whether `read-answer' takes single keys now."
  (if (eq read-answer-short 'auto)
      (or use-short-answers (eq (symbol-function 'yes-or-no-p) 'y-or-n-p))
    read-answer-short))

(defun read-answer--help (entries short) "Show in *Help* what each of ENTRIES, (LONG KEY MEANING), stands for."
  (let ((lines (mapcar (lambda (e)
                         (concat (if short (format "`%s' (%s)" (key-description (vector (nth 1 e))) (car e))
                                   (format "`%s'" (car e)))
                                 " to " (nth 2 e)))
                       entries)))
    (with-help-window (help-buffer)
      (princ (concat "Type:\n" (mapconcat #'identity lines ",\n") ".\n")))))

(defun read-answer (question answers) "Ask QUESTION and give the long answer typed, one of ANSWERS.
Each of ANSWERS is (LONG-ANSWER SHORT-ANSWER HELP-MESSAGE): a string, a
character, and what the answer does.  The answers are shown after
QUESTION; \"help\" (or ?, with short answers) shows what each means.
With `read-answer-short' (which see) a single key is enough; otherwise
the whole word is typed and ended with RET.  Any other answer asks
again."
  (let* ((short (read-answer--short-p))
         (entries (if (assoc "help" answers) answers
                    (append answers '(("help" ?? "show this help message")))))
         (names (mapcar (lambda (e) (if short (key-description (vector (nth 1 e))) (car e))) entries))
         (asked (concat question "(" (mapconcat #'identity names ", ") ") "))
         (map (make-sparse-keymap))
         (found nil))
    (set-keymap-parent map minibuffer-local-map)
    (when short
      ;; Each key puts its long answer in the minibuffer and ends the reading.
      (dolist (e entries)
        (define-key map (vector (nth 1 e))
          (let ((long (car e)))
            (lambda () (interactive) (delete-minibuffer-contents) (insert long) (exit-minibuffer))))))
    (while (not found)
      (let ((typed (downcase (read-from-minibuffer asked nil map))))
        (cond ((equal typed "help") (read-answer--help entries short))
              ((setq found (assoc typed answers)))
              (t (message "Please answer %s."
                          (mapconcat (lambda (n) (format-message "`%s'" n)) names " or "))
                 (sit-for 2)))))
    (car found)))


