;;; subr-more3.el --- more of GNU's preloaded subr.el and keyboard.c helpers, loaded on first use  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's manual and observed behaviour
;; (test/corpus/subr-more3.el pins what is relied on).  GNU preloads these;
;; tsmacs autoloads them (lisp/autoloads.el).

;;; Code:

(require 'subr-more2)

;;;; Event symbols

(defconst subr-more3--modifier-masks
  '((alt . #x400000) (super . #x800000) (hyper . #x1000000) (shift . #x2000000)
    (control . #x4000000) (meta . #x8000000) (up . 1) (down . 2) (drag . 4)
    (click . 8) (double . 16) (triple . 32))
  "The bit each modifier of an event symbol stands for in its element mask.")

(defun internal-event-symbol-parse-modifiers (symbol) "Split the event SYMBOL into its base event and modifiers: (BASE MODIFIERS...).
The answer is also cached on SYMBOL's `event-symbol-elements' and
`event-symbol-element-mask' properties, as the key machinery reads them."
  (unless (symbolp symbol) (signal 'wrong-type-argument (list 'symbolp symbol)))
  (let* ((parsed (subr-more2--parse-event-symbol symbol))
         (mask 0))
    (dolist (m (cdr parsed))
      (setq mask (logior mask (cdr (assq m subr-more3--modifier-masks)))))
    (put symbol 'event-symbol-element-mask (list (car parsed) mask))
    (put symbol 'event-symbol-elements (cons (car parsed) (cdr parsed)))
    (cons (car parsed) (cdr parsed))))

;;;; Wrapper hooks (obsolete, still used by old packages)

(defun subr-more3--wrapper-functions (value name) "The wrapper functions of a hook whose value is VALUE, in calling order.
A t among them stands for those of the global value of the hook
variable NAME (when the hook was given as a variable)."
  (let ((out nil))
    (dolist (f (if (or (functionp value) (eq (car-safe value) 'lambda)) (list value) value))
      (cond ((not (eq f t)) (push f out))
            ((and name (boundp name))
             (let ((global (default-value name)))
               (dolist (g (if (functionp global) (list global) global))
                 (unless (eq g t) (push g out)))))))
    (nreverse out)))

(defmacro subr--with-wrapper-hook-no-warnings (hook args &rest body) "Like `with-wrapper-hook' (HOOK, ARGS and BODY alike), without its obsolescence warning."
  (declare (debug (form sexp def-body)))
  (list 'subr-more3--run-wrapped
        (list 'subr-more3--wrapper-functions hook (list 'quote (and (symbolp hook) hook)))
        (cons 'lambda (cons args body))
        (cons 'list args)))

(defmacro with-wrapper-hook (hook args &rest body) "Run BODY wrapped by the functions HOOK (a form, usually a hook variable) gives, passing them the values of the variables ARGS.
Each function gets a continuation and those values; calling the
continuation with (possibly changed) values runs the next function,
and after the last one BODY, with ARGS bound to what it was given."
  (declare (indent 2) (debug (form sexp body)))
  (cons 'subr--with-wrapper-hook-no-warnings (cons hook (cons args body))))

(defun subr-more3--run-wrapped (functions body args) "Call the first of FUNCTIONS with a continuation and ARGS; past the last, apply BODY to ARGS."
  (if functions
      (apply (car functions)
             (lambda (&rest next-args) (subr-more3--run-wrapped (cdr functions) body next-args))
             args)
    (apply body args)))

;;;; Keymap element helpers

(defun keymap--menu-item-binding (item) "The command a keymap element ITEM stands for: a menu item's binding, passed through its :filter if it has one; any other ITEM as it is."
  (pcase item
    (`(menu-item ,_ ,command . ,props)
     (let ((transform (plist-get props :filter)))
       (if transform (funcall transform command) command)))
    (_ item)))

(defun keymap--menu-item-with-binding (item binding) "A copy of the menu item ITEM that binds BINDING, its :filter (if any) set to nil."
  (let ((props (copy-sequence (nthcdr 3 item))))
    (when (plist-member props :filter)
      (setq props (plist-put props :filter nil)))
    (append (list (car item) (cadr item) binding) props)))

(defun keymap--merge-bindings (first second) "Combine the bindings FIRST and SECOND of one key, FIRST taking precedence.
Two keymaps (or a menu item's keymap and a keymap) become one keymap
made of both; otherwise FIRST wins."
  (let ((inner (keymap--menu-item-binding first)))
    (if (not (and (keymapp inner) (keymapp second)))
        first
      (let ((both (list 'keymap inner second)))
        (if (eq (car-safe first) 'menu-item)
            (keymap--menu-item-with-binding first both)
          both)))))

;;;; Compiler macros GNU attaches to some subr.el functions

(defun internal--compiler-macro-cXXr (form x) "Spell out FORM, a call of a cXXr function such as `caddr' on X, as nested `car' and `cdr' calls."
  (let* ((name (symbol-name (car form)))
         (letters (substring name 1 (1- (length name))))
         (out x))
    (dotimes (i (length letters))
      (setq out (list (if (eq (aref letters (- (length letters) i 1)) ?a) 'car 'cdr) out)))
    out))

(defun zerop--anon-cmacro (_whole arg) "Expand a call of `zerop' on ARG into a comparison with 0."
  (cons '= (cons 0 (list arg))))

;;;; Odds and ends

(defun bidi-string-mark-left-to-right (str) "Give STR with an invisible LEFT-TO-RIGHT MARK added at its end when it holds right-to-left text.
That keeps the text that follows STR on a line from being reordered with it."
  (cond ((not (stringp str)) (signal 'wrong-type-argument (list 'stringp str)))
        ((seq-some (lambda (c) (memq (get-char-code-property c 'bidi-class) '(R AL RLE RLO))) str)
         (concat str (propertize (string #x200e) 'invisible t)))
        (t str)))

(defun unmsys--file-name (file) "Give FILE as it is: only MS-Windows builds turn MSYS file names into native ones."
  file)

;;;; Transient keymaps

(defun subr-more3--transient-keep-p (map keep-pred) "Non-nil when the transient MAP should stay for the command about to run, as KEEP-PRED says."
  (pcase keep-pred
    ('nil nil)
    ('t (let ((binding (lookup-key map (this-command-keys-vector))))
          (and binding (eq binding this-command))))
    (_ (funcall keep-pred))))

(defun set-transient-map (map &optional keep-pred on-exit) "Make MAP the most urgent keymap for the next command, and give a function that ends that.
KEEP-PRED t keeps MAP active while the commands run are bound in it; a
function keeps it while the function says so; nil drops it before the
next command.  ON-EXIT is called with no arguments once MAP is dropped."
  (let* ((watcher (make-symbol "clear-transient-map"))
         (finish (lambda ()
                   (remove-hook 'pre-command-hook watcher)
                   (internal-pop-keymap map 'overriding-terminal-local-map)
                   (and on-exit (funcall on-exit)))))
    (defalias watcher (lambda ()
                        (or (subr-more3--transient-keep-p map keep-pred)
                            (funcall finish))))
    (internal-push-keymap map 'overriding-terminal-local-map)
    (add-hook 'pre-command-hook watcher)
    finish))

(defun memory-limit () "Give how much virtual memory this session uses, in kibibytes (0 when the system does not say)."
  (let ((attributes (process-attributes (emacs-pid))))
    (or (cdr (assq 'vsize attributes)) 0)))

;;;; Timers (GNU's timer.el)

(defun timer--create () "Give a new timer object, not yet set up or active (the timer structure's own constructor)."
  (timer-create))

(defun internal-timer-start-idle () "Mark every idle timer as not yet run, as a new period of idleness begins."
  (dolist (tm timer-idle-list)
    (when (timerp tm) (aset tm 0 nil))))

(defun y-or-n-p-with-timeout (prompt seconds default-value) "Ask PROMPT as `y-or-n-p' does, but answer DEFAULT-VALUE when no answer comes within SECONDS."
  (with-timeout (seconds default-value)
    (y-or-n-p prompt)))

;;;; Compiler macros of `add-to-list' and `eval-after-load'

(defun add-to-list--anon-cmacro (exp list-var element &optional append compare-fn) "Open-code EXP, a call of `add-to-list' on LIST-VAR, ELEMENT, APPEND and COMPARE-FN.
Only a quoted variable that is not special, with a constant APPEND, is
open-coded; any other call is given back as EXP.  ELEMENT is evaluated once."
  (let ((var (and (eq (car-safe list-var) 'quote) (cadr list-var))))
    (when (and var (not (symbolp var)))
      (signal 'wrong-type-argument (list 'symbolp var)))
    (if (or (null var) (booleanp var) (special-variable-p var)
            (not (macroexp-const-p append)))
        exp
      (let* ((simple (macroexp-copyable-p element))
             (elt (if simple element (make-symbol "x")))
             (test (if compare-fn
                       `(cl-member ,elt ,var :test ,compare-fn)
                     `(member ,elt ,var)))
             (add (if (eval append t)
                      `(setq ,var (append ,var (list ,elt)))
                    `(push ,elt ,var)))
             (body `(if ,test ,var ,add)))
        (if simple body `(let* ((,elt ,element)) ,body))))))

(defun eval-after-load--anon-cmacro (whole file form) "Turn the quoted FORM of WHOLE, a call of `eval-after-load' on FILE, into a function.
Anything but a quoted form leaves WHOLE as it is."
  (if (eq (car-safe form) 'quote)
      (list (car whole) file (list 'lambda nil (cadr form)))
    whole))

;;;; Flattening a keymap

(defun keymap-canonicalize (map) "A flat keymap with the same bindings as MAP and its parents, the first binding of each key kept.
Prefix bindings of one key are merged; runs of characters bound alike go to a
char-table."
  (let ((singles nil) (ranges nil)
        (prompt (and (keymapp map) (keymap-prompt map))))
    (when (keymapp map)
      (map-keymap
       (lambda (key item)
         (if (consp key)
             (push (cons key item) ranges)
           (let ((seen (assq key singles)))
             (cond ((null seen) (push (cons key item) singles))
                   ((and (keymapp (cdr seen)) (keymapp item))
                    (setcdr seen (list 'keymap (cdr seen) item)))))))
       map))
    (let ((table (when ranges
                   (let ((ct (make-char-table 'keymap)))
                     (dolist (r (nreverse ranges))
                       (set-char-table-range ct (car r) (cdr r)))
                     ct))))
      (append (list 'keymap)
              (and prompt (list prompt))
              (and table (list table))
              (nreverse singles)))))

;;;; Hooks that ask before going on after an error

(defun run-hook-query-error-with-timeout (hook) "Run the functions of HOOK; when one signals, ask (giving up after a while) whether to go on.
Return nil."
  (run-hook-wrapped
   hook
   (lambda (fn)
     (condition-case err
         (progn (funcall fn) nil)
       ((debug error)
        (not (y-or-n-p-with-timeout (format "Error %s; continue? " err) 30 t))))))
  nil)

;;;; Macros around threads and the mouse

(defmacro with-mutex (mutex &rest body) "Run BODY holding MUTEX, releasing it however BODY ends; give BODY's value."
  (declare (indent 1) (debug t))
  (let ((held (make-symbol "mutex")))
    `(let ((,held ,mutex))
       (mutex-lock ,held)
       (unwind-protect (progn ,@body)
         (mutex-unlock ,held)))))

(defmacro track-mouse (&rest body) "Run BODY with mouse motion reported as events; give BODY's value."
  (declare (indent 0) (debug t))
  `(internal--track-mouse (lambda () ,@body)))

;;;; Reading keys and answers in batch mode

(defun read-key (&optional _prompt _disable-fallbacks) "Read one key event and give it; the echo area is cleared after.
Batch mode shows no PROMPT."
  (let ((event (read-event)))
    (message nil)
    event))

(defun read-char-from-minibuffer (prompt &optional _chars _history) "Read a character with PROMPT through the minibuffer and give it.
In batch mode a line is read: its first character is the answer, an
empty line is RET.  The answer is shown after PROMPT."
  (let* ((line (read-from-minibuffer prompt))
         (answer (if (equal line "") ?\r (aref line 0))))
    (message "%s%s" prompt (char-to-string answer))
    answer))

(defun read-char-choice-with-read-key (prompt chars &optional inhibit-keyboard-quit) "Read key events with PROMPT until one is among CHARS, and give it.
Other events are passed over; C-g quits unless INHIBIT-KEYBOARD-QUIT."
  (let (answer)
    (while (not answer)
      (let ((event (read-event)))
        (cond ((and (eq event ?\C-g) (not inhibit-keyboard-quit)) (signal 'quit nil))
              ((memq event chars) (setq answer event)))))
    (message "%s%s" prompt (char-to-string answer))
    answer))

(defun read-char-choice (prompt chars &optional inhibit-keyboard-quit) "Ask with PROMPT for one of the characters CHARS and give the answer.
`read-char-choice-use-read-key' says whether keys or a minibuffer line are read."
  (cond ((not read-char-choice-use-read-key) (read-char-from-minibuffer prompt chars))
        (t (read-char-choice-with-read-key prompt chars inhibit-keyboard-quit))))

(defun subr-more3--natnum-near-point () "Give the whole number whose digits point is on or just after, or nil."
  (save-excursion
    (skip-chars-backward "0-9")
    (and (looking-at "[0-9]+")
         (string-to-number (match-string 0)))))

(defun goto-char--read-natnum-interactive (prompt) "Give a list of one number for an interactive spec: the prefix argument, else one read with PROMPT.
A number at point is the default."
  (list (if (and current-prefix-arg (atom current-prefix-arg))
            (prefix-numeric-value current-prefix-arg)
          (read-number prompt (subr-more3--natnum-near-point)))))

(provide 'subr-more3)

;;; subr-more3.el ends here
