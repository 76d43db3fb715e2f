;;; subr-more2.el --- more of GNU's preloaded subr/byte-run/macroexp/syntax/timer helpers, loaded on first use  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's manual and observed behaviour
;; (test/corpus/lib-subr-more2.el pins what is relied on).  GNU preloads
;; these; tsmacs autoloads them (lisp/autoloads.el) so that the image stays
;; small while the names are fbound at start-up as in GNU.

;;;; Input events

(defconst subr-more2--modifier-bits
  ;; In the order GNU lists the modifiers of a character event.
  '((alt . #x400000) (super . #x800000) (hyper . #x1000000)
    (shift . #x2000000) (control . #x4000000) (meta . #x8000000))
  "Modifier names of character events with the bit each sets.")

(defconst subr-more2--symbol-prefixes
  '(("A-" . alt) ("C-" . control) ("H-" . hyper) ("M-" . meta) ("S-" . shift)
    ("s-" . super) ("down-" . down) ("drag-" . drag) ("double-" . double)
    ("triple-" . triple) ("up-" . up))
  "Prefixes of event symbol names, with the modifier each stands for.")

(defconst subr-more2--symbol-modifier-order
  '(meta control shift hyper super alt triple double click drag down up)
  "The order in which the modifiers of a symbol event are listed.")

(defun subr-more2--parse-event-symbol (sym) "Split the event symbol SYM into (BASE . MODIFIERS), MODIFIERS in listing order."
  (let ((name (symbol-name sym)) (found nil) (more t))
    (while more
      (setq more nil)
      (let ((tail subr-more2--symbol-prefixes))
        (while tail
          (let ((p (caar tail)))
            (if (and (>= (length name) (length p))
                     (string= p (substring name 0 (length p)))
                     ;; "C-" followed by nothing still counts; a word
                     ;; prefix needs something after it.
                     (or (= (length p) 2) (> (length name) (length p))))
                (progn (push (cdar tail) found)
                       (setq name (substring name (length p)) tail nil
                             more (> (length name) 0)))
              (setq tail (cdr tail)))))))
    (when (and (string-match-p "\\`\\(?:mouse-[0-9]\\|wheel-.+\\)\\'" name)
               (not (memq 'down found)) (not (memq 'drag found))
               (not (memq 'double found)) (not (memq 'triple found)))
      (push 'click found))
    (cons (if found (intern name) sym)
          (delq nil (mapcar (lambda (m) (and (memq m found) m))
                            subr-more2--symbol-modifier-order)))))

(defun eventp (object) "Non-nil if OBJECT is an input event: a character, a symbol other than nil or a keyword, or a list headed by a symbol."
  (pcase object
    ((pred integerp) t)
    (`(,(pred symbolp) . ,_) t)
    ((pred keywordp) nil)
    ((pred symbolp) (not (null object)))))

(defun subr-more2--event-type (event) "The symbol or character that tells what kind of event EVENT is."
  (if (consp event) (car event) event))

(defun subr-more2--char-modifiers (char) "The modifiers of the character event CHAR, in GNU's order."
  (let ((low (logand char (1- #x400000))) (out nil))
    (dolist (m subr-more2--modifier-bits)
      (when (or (/= 0 (logand char (cdr m)))
                (pcase (car m)
                  ('control (< low 32))
                  ('shift (/= low (downcase low)))))
        (setq out (cons (car m) out))))
    (nreverse out)))

(defun event-modifiers (event) "The list of modifier keys and mouse-click kinds of EVENT, as symbols.
For a character these are among alt, super, hyper, shift, control and meta;
for a symbol or mouse event also click, down, drag, double, triple and up."
  (let ((kind (subr-more2--event-type event)))
    (cond ((symbolp kind) (cdr (subr-more2--parse-event-symbol kind)))
          (t (subr-more2--char-modifiers kind)))))

(defun event-basic-type (event) "EVENT without its modifiers: a lower-case character or a bare event symbol."
  (let ((kind (subr-more2--event-type event)))
    (cond ((symbolp kind) (car (subr-more2--parse-event-symbol kind)))
          (t (let ((low (logand kind (1- #x400000))))
               (downcase (+ low (if (< low 32) 64 0))))))))

(defconst subr-more2--mouse-kinds '(mouse-1 mouse-2 mouse-3 mouse-movement)
  "The basic event types `mouse-event-p' accepts; its value is the tail from the match.")

(defun mouse-event-p (object) "Non-nil if OBJECT is an event of the first three mouse buttons or a mouse movement."
  (let ((basic (event-basic-type object)))
    (memq basic subr-more2--mouse-kinds)))

(defun mouse-movement-p (object) "Non-nil if OBJECT is a mouse movement event."
  (and (consp object) (eq 'mouse-movement (car object))))

(defun subr-more2--point-position () "A position list for point in the selected window, as events without one get."
  (list (selected-window) (point) '(0 . 0) 0))

(defun event-start (event) "The position where the mouse EVENT began; for a non-mouse event, point's position."
  (if (atom event) (subr-more2--point-position) (cadr event)))

(defun event-end (event) "The position where the mouse EVENT ended (its start unless it is a drag)."
  (cond ((atom event) (subr-more2--point-position))
        ((consp (nth 2 event)) (nth 2 event))
        (t (cadr event))))

(defun event-click-count (event) "How many clicks EVENT stands for: 1 for a single click."
  (let ((n (and (consp event) (nth 2 event))))
    (if (integerp n) n 1)))

(defun event-line-count (event) "How many lines the wheel EVENT scrolls: 1 unless it says otherwise."
  (let ((n (and (consp event) (nth 3 event))))
    (if (integerp n) n 1)))

(defun posnp (obj) "Non-nil if OBJ looks like a mouse position list: a window or frame followed by an area or position."
  (pcase obj
    (`(,win ,area ,(pred consp) . ,_)
     (and (or (and (fboundp 'windowp) (windowp win))
              (and (fboundp 'framep) (framep win)))
          (let ((a (if (consp area) (car area) area)))
            (or (integerp a) (symbolp a)))))))

;; The plain accessors of a position list, each one element of it.
(pcase-dolist (`(,name ,index ,doc)
               '((posn-window 0 "The window of the mouse POSITION.")
                 (posn-x-y 2 "The pixel (X . Y) of the mouse POSITION.")
                 (posn-timestamp 3 "The time of the mouse POSITION, in milliseconds.")
                 (posn-string 4 "The (STRING . INDEX) under the mouse POSITION, or nil.")
                 (posn-actual-col-row 6 "The (COL . ROW) the mouse POSITION recorded.")
                 (posn-image 7 "The image under the mouse POSITION, or nil.")
                 (posn-object-x-y 8 "The pixel (X . Y) of the mouse POSITION within its object.")
                 (posn-object-width-height 9 "The pixel (WIDTH . HEIGHT) of the object under the mouse POSITION.")))
  (defalias name (lambda (position) (nth index position)) doc))

(defun posn-area (position) "The window area (a symbol such as `mode-line') of the mouse POSITION, or nil for the text area."
  (let ((a (cadr position)))
    (if (consp a) (setq a (car a)))
    (if (symbolp a) a)))

(defun posn-point (position) "The buffer position of the mouse POSITION, or else what its second element holds."
  (let ((second (cadr position)))
    (cond ((nth 5 position))
          ((consp second) (car second))
          ((integerp second) second))))

(defun posn-object (position) "The image, or else the (STRING . INDEX), under the mouse POSITION."
  (or (nth 7 position) (nth 4 position)))

(defun listify-key-sequence (key) "The events of the key sequence KEY as a list; meta characters of a string become meta-modified events."
  (cond ((stringp key)
         (mapcar (lambda (c) (if (<= c 127) c (logxor c (logior 128 #x8000000)))) key))
        (t (mapcar #'identity key))))

;;;; Groups of changes undone together

(defun prepare-change-group (&optional buffer) "A handle for the changes to BUFFER (default the current one) made from now on.
Give it to `activate-change-group' and then to `accept-change-group' or
`cancel-change-group'."
  (let ((b (if buffer buffer (current-buffer))))
    (list (cons b (with-current-buffer b buffer-undo-list)))))

(defconst subr-more2--group-start '(apply ignore nil) "The undo entry that marks where an active change group starts (undoing it does nothing).")

(defun activate-change-group (handle) "Start recording the changes of HANDLE's buffers, turning undo on in them if needed."
  (pcase-dolist ((and entry `(,buf . ,old)) handle)
    (with-current-buffer buf
      ;; A start entry of our own gives a group opened on an empty undo
      ;; list a cons to stop at.
      (setq buffer-undo-list
            (cons (copy-sequence subr-more2--group-start)
                  (if (eq buffer-undo-list t) nil buffer-undo-list)))
      (setcdr entry (cons old buffer-undo-list)))))

(defun subr-more2--group-parts (entry) "For a change-group ENTRY: (OLD-LIST . START-CONS), handling a not yet activated group."
  (let ((rest (cdr entry)))
    (if (and (consp rest) (consp (cdr rest))
             (equal subr-more2--group-start (cadr rest)))
        rest
      (list rest))))

(defun subr-more2--drop-cell (list cell) "LIST without the cons CELL, which is cut out of it in place."
  (if (eq list cell)
      (cdr list)
    (let ((prev list))
      (while (and (consp (cdr prev)) (not (eq cell (cdr prev))))
        (setq prev (cdr prev)))
      (when (eq cell (cdr prev)) (setcdr prev (cdr cell)))
      list)))

(defun accept-change-group (handle) "Keep the changes of HANDLE's buffers, as recorded since it was activated."
  (dolist (entry handle)
    (pcase-let ((`(,old . ,start) (subr-more2--group-parts entry)))
      (with-current-buffer (car entry)
        (cond ((eq old t) (setq buffer-undo-list t))
              (start (setq buffer-undo-list
                           (subr-more2--drop-cell buffer-undo-list start))))))))

(defun cancel-change-group (handle) "Undo the changes made to HANDLE's buffers since it was activated, and forget them."
  (dolist (entry handle)
    (pcase-let ((`(,old . ,start) (subr-more2--group-parts entry)))
      (with-current-buffer (car entry)
        (let* ((stop (or start old))
               (todo (let ((acc nil) (tail buffer-undo-list))
                       (while (and (consp tail) (not (eq tail stop)))
                         (setq acc (cons (car tail) acc) tail (cdr tail)))
                       (nreverse acc)))
               (inhibit-read-only t))
          (let ((buffer-undo-list t))
            (while todo
              (setq todo (if (null (car todo)) (cdr todo) (primitive-undo 1 todo)))))
          (setq buffer-undo-list old))))))

(defmacro atomic-change-group (&rest body) "Run BODY so that its buffer changes all stay or, on a non-local exit, all go."
  (declare (indent 0) (debug t))
  (let ((g (make-symbol "group")) (done (make-symbol "done")))
    `(let* ((,g (prepare-change-group)) (,done nil)
            ;; Undo entries must not be discarded while the group is open.
            (undo-outer-limit nil) (undo-limit most-positive-fixnum)
            (undo-strong-limit most-positive-fixnum))
       (activate-change-group ,g)
       (unwind-protect (prog1 (progn ,@body) (setq ,done t))
         (funcall (if ,done #'accept-change-group #'cancel-change-group) ,g)))))

;;;###autoload
(defvar combine-after-change-calls nil "Non-nil lets the after-change hooks of several changes run once, when the combining ends.")

(defmacro combine-after-change-calls (&rest body) "Run BODY with `combine-after-change-calls' bound to t, then the combined after-change hooks."
  (declare (indent 0) (debug t))
  `(prog1 (let ((combine-after-change-calls t)) ,@body)
     (if (fboundp 'combine-after-change-execute) (combine-after-change-execute))))

(defun undo--wrap-and-run-primitive-undo (beg end list) "Undo the entries of LIST as one change of the region BEG..END, running the change hooks once."
  (combine-change-calls-1
   beg end (lambda () (let ((l list)) (while l (setq l (primitive-undo 1 l)))))))

(defun combine-change-calls-1 (beg end body) "Call BODY, which changes only BEG..END, so that the change hooks run once for the whole region.
The undo entries BODY makes become a single entry that undoes them together."
  (if (or inhibit-modification-hooks
          (not (or before-change-functions after-change-functions)))
      (funcall body)
    (let* ((len (- end beg))
           (undo-before buffer-undo-list)
           (tail-marker (copy-marker end t))
           value new-end)
      (run-hook-with-args 'before-change-functions beg end)
      (let ((inhibit-modification-hooks t))
        (setq value (funcall body)))
      (setq new-end (prog1 (marker-position tail-marker) (set-marker tail-marker nil)))
      (when (listp buffer-undo-list)
        (let ((made (let ((acc nil) (l buffer-undo-list))
                      (while (and (consp l) (not (eq l undo-before)))
                        (setq acc (cons (car l) acc) l (cdr l)))
                      (nreverse acc))))
          (when made
            (setq buffer-undo-list
                  (cons `(apply ,(- len (- new-end beg)) ,beg ,new-end
                                undo--wrap-and-run-primitive-undo ,beg ,new-end ,made)
                        undo-before)))))
      (run-hook-with-args 'after-change-functions beg new-end len)
      value)))

(defmacro combine-change-calls (beg end &rest body) "Run BODY, which changes only BEG..END, running the change hooks once for the region."
  (declare (indent 2) (debug (form form def-body)))
  (list 'combine-change-calls-1 beg end (cons 'lambda (cons nil body))))

;;;; Messages, input, hooks

(defmacro with-temp-message (message &rest body) "Show MESSAGE while BODY runs, then restore the echo area's previous message."
  (declare (debug t) (indent 1))
  (let ((m (make-symbol "m")) (before (make-symbol "before")))
    `(let* ((,m ,message)
            (,before (and ,m (fboundp 'current-message) (current-message))))
       (if ,m (message "%s" ,m))
       (unwind-protect (progn ,@body)
         (when ,m (if ,before (message "%s" ,before) (message nil)))))))

(defvar throw-on-input nil "When non-nil, input arriving throws to this tag (see `while-no-input').")

(defmacro while-no-input (&rest body) "Run BODY unless input arrives first; give BODY's value, or t if input was pending or arrived.
In batch mode no input ever interrupts BODY."
  (declare (debug t) (indent 0))
  (let ((tag (make-symbol "input")))
    `(with-local-quit
       (catch ',tag
         (let ((throw-on-input ',tag))
           (if (and (fboundp 'input-pending-p) (input-pending-p)) t
             ,@body))))))

;;;; Questions read from the minibuffer (in batch mode, from standard input)

(defun y-or-n-p (prompt) "Ask PROMPT as a yes-or-no question answered with \"y\" or \"n\"; t for y.
In batch mode each answer is a line of standard input; any other line asks again."
  (let* ((question (concat prompt (if (string-suffix-p " " prompt) "" " ") "(y or n) "))
         (asking question) (answer 'none))
    (while (eq answer 'none)
      (pcase (read-string asking)
        ((or "y" "Y") (setq answer t))
        ((or "n" "N") (setq answer nil))
        (_ (setq asking (concat "Please answer y or n.  " question)))))
    answer))

(defun read-number (prompt &optional default hist) "Read a number, prompting with PROMPT; an empty answer gives DEFAULT (its first element if a list).
Anything that does not read as a number is asked again."
  (let* ((fallback (if (consp default) (car default) default))
         (asking (cond ((null default) prompt)
                       ;; " (default N)" goes before a final colon, else at the end.
                       ((string-match ":[ \t]*\\'" prompt)
                        (concat (substring prompt 0 (match-beginning 0))
                                (format " (default %s)" (number-to-string fallback))
                                (substring prompt (match-beginning 0))))
                       (t (format "%s(default %s)" prompt (number-to-string fallback)))))
         (result nil))
    (while (null result)
      (let ((text (read-from-minibuffer asking nil nil nil (or hist 'read-number-history))))
        (setq result
              (if (and (equal text "") fallback)
                  fallback
                (let ((n (condition-case nil (car (read-from-string text)) (error nil))))
                  (if (numberp n) n
                    (message "Please enter a number.")
                    nil))))))
    result))

(defun read-passwd (prompt &optional confirm default) "Read a password, prompting with PROMPT, and give it as a string.
With CONFIRM, ask for it twice until both agree.  An empty answer gives DEFAULT when that is non-nil.
In batch mode the password is a line of standard input, echoed as stars."
  (let ((result nil))
    (while (null result)
      (let ((first (subr-more2--read-hidden prompt default)))
        (if (not confirm)
            (setq result first)
          (if (equal first (subr-more2--read-hidden "Confirm password: " default))
              (setq result first)
            (message "Password not repeated accurately; please start over")))))
    result))

(defun subr-more2--read-hidden (prompt default) "Read a line after PROMPT, echoed as a star per character; give it (DEFAULT if empty and non-nil)."
  (let ((line (or (let ((read-hide-char (or read-hide-char ?*))) (read-string prompt nil t)) "")))
    (if (and (equal line "") default) default line)))

;;;; Motion by syntax

(defun forward-whitespace (arg) "Move over ARG runs of whitespace or newlines (backward if ARG is negative)."
  (interactive "^p")
  (let ((space-or-newline "[ \t]+\\|\n"))
    (if (>= arg 0)
        (re-search-forward space-or-newline nil 'move arg)
      (dotimes (_ (- arg))
        ;; A backward search finds only the last blank of a run: extend it.
        (and (re-search-backward space-or-newline nil 'move)
             (not (eq ?\n (char-after (point))))
             (skip-chars-backward " \t"))))))

(defun forward-symbol (arg) "Move to the end of the ARGth symbol after point (to the start, going back, if ARG is negative)."
  (interactive "^p")
  (let ((symbol-re "\\(\\sw\\|\\s_\\)+"))
    (if (>= arg 0)
        (re-search-forward symbol-re nil 'move arg)
      (dotimes (_ (- arg))
        (and (re-search-backward symbol-re nil 'move)
             (skip-syntax-backward "w_"))))))

(defun forward-same-syntax (&optional arg) "Move over ARG runs of characters of one syntax class (backward if ARG is negative)."
  (interactive "^p")
  (let ((n (or arg 1)))
    (while (/= n 0)
      (if (< n 0)
          (progn (skip-syntax-backward (string (char-syntax (char-before))))
                 (setq n (1+ n)))
        (skip-syntax-forward (string (char-syntax (char-after))))
        (setq n (1- n))))))

;;;###autoload
(defvar find-word-boundary-function-table (make-char-table nil) "Char-table of functions that find word boundaries in scripts without spaces.")

(defun forward-word-strictly (&optional arg) "Move forward ARG words, ignoring any `find-word-boundary-function-table' rules."
  (subr-more2--strict-words #'forward-word arg))

(defun subr-more2--strict-words (move arg) "Call MOVE with ARG while no script-specific word boundary functions apply."
  (let ((find-word-boundary-function-table (make-char-table nil)))
    (funcall move arg)))

(defun backward-word-strictly (&optional arg) "Move backward ARG words, ignoring any `find-word-boundary-function-table' rules."
  (subr-more2--strict-words #'backward-word arg))

;;;; The tag around point

(defvar find-tag-default-function nil "A function giving the default tag at point, or nil to use the symbol there.")

(defun find-tag-default-bounds () "The (START . END) of the symbol around point, or nil if point is not on or just after one."
  (let ((start (save-excursion (skip-syntax-backward "w_") (point))))
    (let ((stop (save-excursion (goto-char start) (skip-syntax-forward "w_") (point))))
      (if (< start stop) (cons start stop)))))

(defun find-tag-default () "The symbol around point as a string without properties, or nil."
  (pcase (find-tag-default-bounds)
    (`(,from . ,to) (buffer-substring-no-properties from to))))

(defun subr-more2--tag-function () "The function that finds the default tag in this buffer."
  (cond (find-tag-default-function)
        ((get major-mode 'find-tag-default-function))
        (t #'find-tag-default)))

(defun find-tag-default-as-regexp () "A regexp matching exactly the default tag at point, or nil if there is none."
  (let ((tag (funcall (subr-more2--tag-function))))
    (and tag (regexp-quote tag))))

(defun find-tag-default-as-symbol-regexp () "Like `find-tag-default-as-regexp', anchored at symbol boundaries unless a mode-specific function found the tag."
  (let ((re (find-tag-default-as-regexp)))
    (if (and re (eq (subr-more2--tag-function) #'find-tag-default))
        (concat "\\_<" re "\\_>")
      re)))

;;;; Yanking

;;;###autoload
(defvar yank-excluded-properties
  (list 'category 'field 'follow-link 'fontified 'font-lock-face 'help-echo 'intangible
        'invisible 'keymap 'local-map 'mouse-face 'read-only 'yank-handler)
  "Text properties that yanking removes from the text it inserts; t for all of them.")

;;;###autoload
(defvar yank-handled-properties
  (list (cons 'font-lock-face #'yank-handle-font-lock-face-property)
        (cons 'category #'yank-handle-category-property))
  "Text properties yanking treats specially, each with the function that does it.")

;;;###autoload
(defvar yank-undo-function nil "A function to undo the last yank, set by a yank handler.")

(defun remove-yank-excluded-properties (beg end) "Process the yanked text between BEG and END: run `yank-handled-properties', drop excluded ones."
  (let ((inhibit-read-only t))
    (pcase-dolist (`(,prop . ,handler) yank-handled-properties)
      ;; Each run of one value of PROP goes to HANDLER.
      (let ((at beg))
        (while (< at end)
          (let ((run-end (next-single-property-change at prop nil end))
                (v (get-text-property at prop)))
            (if v (funcall handler v at run-end))
            (setq at run-end)))))
    (cond ((eq t yank-excluded-properties) (set-text-properties beg end nil))
          (t (remove-list-of-text-properties beg end yank-excluded-properties)))))

(defun yank-handle-font-lock-face-property (face start end) "Turn the `font-lock-face' FACE of START..END into a `face' when font-lock is off."
  (or (bound-and-true-p font-lock-defaults)
      (add-text-properties start end (list 'face face))))

(defun yank-handle-category-property (category start end) "Give START..END the properties of the symbol CATEGORY; the text's own properties win."
  (when (and category (symbolp category))
    ;; Run by run of unchanged properties: CATEGORY's list first, then what the run had on top.
    (let ((pos start))
      (while (< pos end)
        (let ((run-end (next-property-change pos nil end))
              (own (text-properties-at pos)))
          (set-text-properties pos run-end (symbol-plist category))
          (add-text-properties pos run-end own)
          (setq pos run-end))))))

(defun insert-for-yank (string) "Insert STRING as yanked text: each part with a `yank-handler' property goes its own way."
  (let ((from 0) (len (length string)))
    (while (< from len)
      (let ((next (or (next-single-property-change from 'yank-handler string) len)))
        (insert-for-yank-1 (if (and (= from 0) (= next len)) string
                             (substring string from next)))
        (setq from next)))
    (if (= len 0) (insert-for-yank-1 string))))

(defun insert-for-yank-1 (string) "Insert STRING, one run of a single `yank-handler', as yanked text."
  (pcase-let* ((`(,fn ,param ,noexclude ,undo ,after)
                (and (stringp string) (get-text-property 0 'yank-handler string)))
               (start (point)))
    (setq yank-undo-function t)
    (funcall (or fn #'insert) (or param string))
    (let ((stop (point)))
      (or noexclude (remove-yank-excluded-properties start stop))
      ;; What is typed right after the yanked text does not inherit its properties.
      (if (and (< start stop) (text-properties-at (1- stop)))
          (put-text-property (1- stop) stop 'rear-nonsticky t))
      (setq yank-undo-function undo)
      (if after (funcall after start stop)))))

(defun insert-buffer-substring-as-yank (buffer &optional start end) "Insert BUFFER's text from START to END as yanked text, its excluded properties removed."
  (let ((here (point-marker)))
    (insert-buffer-substring buffer start end)
    (remove-yank-excluded-properties here (point))
    (set-marker here nil)))

(defun insert-into-buffer (buffer &optional start end) "Insert the current buffer's text from START to END into BUFFER at its point."
  (let ((source (current-buffer)))
    (set-buffer buffer)
    (unwind-protect (insert-buffer-substring source start end)
      (set-buffer source))))

;;;; Regexps

(defun subregexp-context-p (regexp pos &optional start) "Non-nil if position POS of REGEXP is outside any bracket expression, where a group may begin.
The scan starts at START (default 0), assumed to be such a position."
  (let ((at (or start 0)) (end (length regexp)) (in-set nil))
    (while (< at pos)
      (pcase (aref regexp at)
        (?\\ (setq at (+ at 2)))
        (?\[
         ;; Skip the whole set: a leading "^" and "]" belong to it, and a
         ;; class like [:alpha:] has a "]" of its own.
         (setq at (1+ at))
         (if (and (< at end) (eq (aref regexp at) ?^)) (setq at (1+ at)))
         (if (and (< at end) (eq (aref regexp at) ?\])) (setq at (1+ at)))
         (setq in-set t)
         (while (and in-set (< at end))
           (cond ((eq (aref regexp at) ?\]) (setq in-set nil))
                 ((and (eq (aref regexp at) ?\[) (< (1+ at) end)
                       (eq (aref regexp (1+ at)) ?:)
                       (string-match ":]" regexp (+ at 2)))
                  (setq at (1- (match-end 0)))))
           (setq at (1+ at))))
        (_ (setq at (1+ at)))))
    (and (not in-set) (= at pos))))

;;;; Loading and definitions

;;;###autoload
(defvar definition-prefixes (make-hash-table :test 'equal) "Maps a name prefix to the files that define names starting with it.")

(defun register-definition-prefixes (file prefixes) "Record that FILE defines names beginning with each of PREFIXES."
  (mapc (lambda (p) (push file (gethash p definition-prefixes))) prefixes)
  nil)

(defun package--description-file (dir) "The name of the package description file of the package directory DIR."
  (let ((base (file-name-nondirectory (directory-file-name dir))))
    (concat (if (string-match "\\([^.].*?\\)-[0-9]+\\(?:[.][0-9]+\\|\\(?:pre\\|beta\\|alpha\\)[0-9]+\\)*" base)
                (match-string 1 base)
              base)
            "-pkg.el")))

(defun values--store-value (value) "Push VALUE onto `values', the list of values `eval-expression' has given."
  (when (boundp 'values) (push value values))
  value)

;;;; Invisibility

(defun add-to-invisibility-spec (element) "Add ELEMENT to `buffer-invisibility-spec', so text with that `invisible' property is hidden."
  (setq buffer-invisibility-spec
        (cons element (if (eq t buffer-invisibility-spec) '(t) buffer-invisibility-spec))))

(defun remove-from-invisibility-spec (element) "Take ELEMENT out of the current buffer's invisibility spec."
  (let ((spec buffer-invisibility-spec))
    (setq buffer-invisibility-spec
          (if (and spec (listp spec)) (delete element spec) (list t)))))

;;;; Keys and keymaps

;;;###autoload
(defvar keyboard-translate-table nil "A char-table (or string or vector) translating characters as they are read from the keyboard.")

(defun keyboard-translate (from to) "Make the keyboard character FROM read as TO, through `keyboard-translate-table'."
  (unless (char-table-p keyboard-translate-table)
    (setq keyboard-translate-table (make-char-table 'keyboard-translate-table)))
  (set-char-table-range keyboard-translate-table from to)
  to)

(defun define-key-after (keymap key definition &optional after) "Bind KEY to DEFINITION in KEYMAP, placing the new binding just after the one for AFTER.
AFTER t, or nil, means at the end; only the last event of KEY is placed so."
  (or (keymapp keymap) (signal 'wrong-type-argument (list 'keymapp keymap)))
  (let* ((events (append key nil))
         (map (if (cdr events) (lookup-key keymap (vconcat (butlast events))) keymap))
         (event (car (last events)))
         (anchor (or after t))
         (cell (cons event definition)))
    ;; Any old binding of EVENT in this map's own part goes first.
    (let ((p map))
      (while (and (consp (cdr p)) (not (eq (cadr p) 'keymap)))
        (if (eq (car-safe (cadr p)) event) (setcdr p (cddr p)) (setq p (cdr p)))))
    ;; Then the new one: after ANCHOR's binding, or at the end of this
    ;; map's own bindings (before an inherited parent).
    (let ((p map) (placed nil))
      (while (not placed)
        (if (or (and (not (eq anchor t)) (eq (car-safe (car p)) anchor))
                (null (cdr p)) (eq (cadr p) 'keymap))
            (progn (setcdr p (cons cell (cdr p))) (setq placed t))
          (setq p (cdr p)))))
    definition))

(defun substitute-key-definition (olddef newdef keymap &optional oldmap) "Bind NEWDEF in KEYMAP wherever OLDDEF is bound there (or, with OLDMAP, wherever it is bound in OLDMAP)."
  (subr-more2--substitute olddef newdef keymap (or oldmap keymap) [] (list keymap)))

(defun subr-more2--substitute (olddef newdef keymap scan prefix seen) "Substitute in KEYMAP under PREFIX the bindings of OLDDEF found in SCAN; SEEN stops loops."
  (map-keymap
   (lambda (event def)
     (let ((key (vconcat prefix (vector event))))
       (cond ((or (eq def olddef)
                  (and (or (stringp olddef) (vectorp olddef)) (equal def olddef)))
              (define-key keymap key newdef))
             ((and (keymapp def) (not (memq (indirect-function def) seen)))
              (subr-more2--substitute olddef newdef keymap def key
                                      (cons (indirect-function def) seen))))))
   scan))

(defun substitute-key-definition-key (defn olddef newdef prefix keymap) "If DEFN is OLDDEF, bind the key PREFIX to NEWDEF in KEYMAP."
  (when (or (eq defn olddef) (and (or (stringp olddef) (vectorp olddef)) (equal defn olddef)))
    (define-key keymap prefix newdef)))

(defun map-keymap-sorted (function keymap) "Call FUNCTION on each event and binding of KEYMAP, runs of characters in increasing order."
  (let ((all nil))
    (map-keymap (lambda (ev def) (setq all (cons (cons ev def) all))) keymap)
    ;; A stable sort that only orders characters among themselves.
    (pcase-dolist (`(,ev . ,def)
                   (sort (nreverse all)
                         (lambda (x y) (and (integerp (car x)) (integerp (car y))
                                            (< (car x) (car y))))))
      (funcall function ev def))))

(defvar overriding-terminal-local-map nil "A keymap consulted before all others, for the current terminal.")

(defun internal-push-keymap (keymap symbol) "Make KEYMAP the first of the maps in the keymap variable SYMBOL."
  (let ((current (symbol-value symbol)))
    (unless (memq keymap (cdr-safe current))
      (set symbol
           (cond ((and (eq (car-safe current) 'keymap) (keymapp (car-safe (cdr current))))
                  ;; Already a composed map: add to its front.
                  (cons 'keymap (cons keymap (cdr current))))
                 (current (list 'keymap keymap current))
                 (t (list 'keymap keymap)))))))

(defun internal-pop-keymap (keymap symbol) "Remove KEYMAP from the maps in the keymap variable SYMBOL."
  (let ((current (symbol-value symbol)))
    (when (consp current)
      (let ((left (remq keymap (cdr current))))
        (set symbol (cond ((null left) nil)
                          ((and (null (cdr left)) (keymapp (car left))) (car left))
                          (t (cons 'keymap left))))))))

;;;; Warnings

(defvar delayed-warnings-list nil "Warnings to show once the current command ends: each a list of arguments to `display-warning'.")

(defun collapse-delayed-warnings () "Merge runs of identical warnings in `delayed-warnings-list', noting how many times each repeats."
  (let ((merged nil))
    (dolist (w delayed-warnings-list)
      (if (equal w (car-safe (car merged)))
          (setcdr (car merged) (1+ (cdar merged)))
        (push (cons w 1) merged)))
    (setq delayed-warnings-list
          (mapcar (pcase-lambda (`(,w . ,n))
                    (if (= n 1) w
                      `(,(car w) ,(format "%s [%d times]" (cadr w) n) ,@(cddr w))))
                  (nreverse merged)))))

(defun display-delayed-warnings () "Show every warning of `delayed-warnings-list', then empty it."
  (let ((pending delayed-warnings-list))
    (setq delayed-warnings-list nil)
    (mapc (lambda (w) (apply #'display-warning w)) pending)
    nil))

;;;; Processes

(defun call-shell-region (start end &optional command delete buffer) "Feed START..END to the shell COMMAND, like `call-process-region' with the shell as program."
  (apply #'call-process-region start end shell-file-name delete buffer nil
         (list shell-command-switch command)))

;;;; Modes and mail agents

;;;###autoload
(defvar-local major-mode--suspended nil "The major mode `major-mode-suspend' left, for `major-mode-restore'.")
;; It has to outlive `kill-all-local-variables'.
(put 'major-mode--suspended 'permanent-local 't)

(put 'major-mode--suspended 'permanent-local t)

(defun major-mode-suspend () "Leave the current major mode, remembering it for `major-mode-restore'."
  (let ((leaving major-mode))
    (kill-all-local-variables)
    (setq-local major-mode--suspended leaving)))

(defun major-mode-restore (&optional avoided-modes) "Return to the major mode `major-mode-suspend' left, or else choose one, avoiding AVOIDED-MODES."
  (let ((mode major-mode--suspended))
    (if mode
        (progn (setq major-mode--suspended nil) (funcall mode))
      (let ((auto-mode-alist (seq-remove (lambda (e) (memq (cdr-safe e) avoided-modes))
                                         auto-mode-alist)))
        (set-auto-mode)))))

(defun define-mail-user-agent (symbol composefunc sendfunc &optional abortfunc hookvar) "Register SYMBOL as a mail user agent with its compose, send and abort functions and hook."
  (let ((props (list 'composefunc composefunc 'sendfunc sendfunc
                     'abortfunc (or abortfunc 'kill-buffer)
                     'hookvar (or hookvar 'mail-send-hook)))
        (last nil))
    (while props
      (setq last (put symbol (car props) (cadr props)) props (cddr props)))
    last))

(defun frame-configuration-p (object) "Non-nil if OBJECT is a frame configuration, as `current-frame-configuration' makes."
  (and (consp object) (eq (car object) 'frame-configuration)))

;;;; Docstring text

(defun internal--fill-string-single-line (str) "Fill STR, which holds no newline, at `fill-column' (65 when unset)."
  (let ((width (or (and (boundp 'fill-column) (default-value 'fill-column)) 70))
        (lines nil) (line ""))
    (dolist (word (split-string str " "))
      (if (and (> (length line) 0) (> (+ (length line) 1 (length word)) width))
          (progn (push line lines) (setq line word))
        (setq line (if (equal line "") word (concat line " " word)))))
    (push line lines)
    (mapconcat #'identity (nreverse lines) "\n")))

(defun internal--format-docstring-line (string &rest objects) "Format STRING with OBJECTS as one line of a docstring, filled at `fill-column'."
  (let ((s (apply #'format string objects)))
    (when (string-match-p "\n" s)
      (error "Unable to fill string containing newline: %S" s))
    (internal--fill-string-single-line s)))

;;;; byte-run

;;;###autoload
(defvar advertised-signature-table (make-hash-table :test 'eq :weakness 'key)
  "Maps functions to the argument lists callers should use, when those differ from the real ones.")

(defun set-advertised-calling-convention (function signature _when) "Record that FUNCTION should be called with the arguments of SIGNATURE (for warnings only)."
  (puthash (indirect-function function) signature advertised-signature-table))

(defmacro define-obsolete-face-alias (obsolete-face current-face when) "Make OBSOLETE-FACE an obsolete alias of CURRENT-FACE, obsolete since WHEN."
  (list 'progn
        (list 'put obsolete-face ''face-alias current-face)
        (list 'put obsolete-face ''obsolete-face (list 'or (list 'purecopy when) t))))

(defun byte-compile-info (string &optional message type) "Format STRING as a compilation progress note: \"TYPE STRING...\" (TYPE default \"Compiling\").
With MESSAGE non-nil also show it, and give nil."
  (let ((s (format "  %-9s%s" (or type "INFO") string)))
    (when message (message "%s" s))
    s))

(defun byte-compile-info-string (&rest args) "Obsolete: format ARGS as a compilation progress note."
  (byte-compile-info (apply 'format args) nil))

(defun byte-compile-info-message (&rest args) "Obsolete: show ARGS as a compilation progress note."
  (byte-compile-info (apply 'format args) 'message))

;;;; macroexp

(defun macroexp--cons (car cdr original) "The cons of CAR and CDR, or ORIGINAL itself when it already holds them."
  (if (and (eq (car original) car) (eq (cdr original) cdr)) original
    (cons car cdr)))

(defmacro macroexp--accumulate (var+list &rest body) "Bind VAR to each element of LIST, build the list of BODY's values, sharing LIST's cells when equal.
VAR+LIST is (VAR LIST)."
  (declare (indent 1) (debug ((symbolp form) body)))
  (let ((var (car var+list)) (list (cadr var+list))
        (in (make-symbol "in")) (out (make-symbol "out")) (same (make-symbol "same")))
    `(let* ((,in ,list) (,out nil) (,same t))
       (let ((tail ,in))
         (while tail
           (let* ((,var (car tail)) (v (progn ,@body)))
             (unless (eq v ,var) (setq ,same nil))
             (push v ,out))
           (setq tail (cdr tail))))
       (if ,same ,in (nreverse ,out)))))

(defun macroexp--all-clauses (clauses &optional skip) "Expand fully the forms of each of CLAUSES, after the first SKIP forms of each."
  (macroexp--accumulate (c clauses)
    (if (consp c) (macroexp--all-forms c skip) c)))

(defun macroexp--const-symbol-p (symbol &optional any-value) "Non-nil if SYMBOL is a constant: nil, t or a keyword, or with ANY-VALUE one the compiler treats so."
  (cond ((memq symbol '(nil t)))
        ((keywordp symbol))
        (any-value (memq symbol (symbol-value 'byte-compile-const-variables)))))

(defun macroexp-if (test then else) "A form like (if TEST THEN ELSE), a nested `if' or `cond' in ELSE merged into one `cond'."
  (let ((first (cons test (macroexp-unprogn then))))
    (pcase else
      (`(if ,test2 ,then2 . ,else2)
       (append (list 'cond first (cons test2 (macroexp-unprogn then2)))
               (and else2 (list (cons t else2)))))
      (`(cond . ,clauses) (cons 'cond (cons first clauses)))
      ('nil (list 'if test then))
      (_ (cons 'if (cons test (cons then (macroexp-unprogn else))))))))

(defun macroexp--fgrep (bindings sexp) "The BINDINGS (lists whose car is a symbol) whose symbol occurs somewhere in SEXP."
  (let ((used nil) (todo (list sexp)) (visited nil))
    (while todo
      (let ((x (pop todo)))
        (cond ((symbolp x) (push x used))
              ((consp x)
               (unless (memq x visited)
                 (push x visited)
                 (setq todo (cons (car x) (cons (cdr x) todo)))))
              ((or (vectorp x) (recordp x))
               (setq todo (append (append x nil) todo))))))
    (seq-filter (lambda (b) (memq (car b) used)) bindings)))

(defun macroexp--maxsize (exp size) "SIZE minus the size of EXP: one for each atom, list and vector in it."
  (if (or (consp exp) (vectorp exp))
      (let ((left (1- size)))
        (mapc (lambda (e) (setq left (macroexp--maxsize e left))) exp)
        left)
    (1- size)))

(defun macroexp--unfold-lambda (form &optional _name) "Turn FORM, a call ((lambda ARGS . BODY) . ACTUALS), into a `let' binding ARGS to ACTUALS."
  (let* ((fun (car form)) (actuals (cdr form))
         (params (cadr fun)) (body (cddr fun)) (bindings nil) (mode nil))
    (dolist (p params)
      (cond ((eq p '&optional) (setq mode 'optional))
            ((eq p '&rest) (setq mode 'rest))
            ((eq mode 'rest) (push (list p (and actuals `(list ,@actuals))) bindings)
             (setq actuals nil))
            (actuals (push (list p (car actuals)) bindings) (setq actuals (cdr actuals)))
            ((eq mode 'optional) (push (list p nil) bindings))
            (t (error "Not enough args to inline %S" fun))))
    (when actuals (error "Too many args to inline %S" fun))
    (if bindings `(let ,(nreverse bindings) ,@body) (macroexp-progn body))))

(defun macroexp--compiler-macro (handler form) "Apply the compiler-macro HANDLER to FORM; if it signals, warn and keep FORM."
  (condition-case failure (apply handler form (cdr form))
    (error (message "Compiler-macro error for %S: %S" (car form) failure)
           form)))

(defun macroexp--obsolete-warning (fun obsolescence-data type) "The text of the warning that FUN of TYPE is obsolete, as OBSOLESCENCE-DATA says."
  (pcase-let ((`(,instead ,_ ,since) obsolescence-data))
    (concat (format-message "`%s' is an obsolete %s" fun (or type "function"))
            (if since (format " (as of %s)" since) "")
            (pcase instead
              ('nil ".")
              ((pred stringp) (concat "; " (substitute-command-keys instead)))
              (_ (format-message "; use `%s' instead." instead))))))

;;;; syntax

(defun syntax-ppss-depth (ppss) "The parenthesis depth recorded in the parse state PPSS."
  (car ppss))

(defmacro syntax-propertize-precompile-rules (&rest rules) "RULES of `syntax-propertize-rules', as a value to name in other rule sets."
  (declare (debug (&rest &or symbolp (form &rest (numberp form)))))
  (list 'quote rules))

;;;; timers

(defun timer--time-less-p (t1 t2) "Non-nil if timer T1 is due before timer T2."
  (let ((a (timer--time t1)) (b (timer--time t2)))
    (time-less-p a b)))

(defun timer--time-setter (timer time) "Set TIMER's due time to TIME, giving TIME."
  (timer--store-time timer time)
  time)

(defun cancel-timer-internal (timer) "Take TIMER off the timer lists; give the list cell that held it, for reuse."
  (let ((cell (or (memq timer timer-list) (memq timer timer-idle-list))))
    (setq timer-list (delq timer timer-list)
          timer-idle-list (delq timer timer-idle-list))
    cell))

(defun timeout-event-p (event) "Non-nil if EVENT is the event a timer's timeout produces."
  (and (listp event) (eq 'timer-event (car event))))

;;; subr-more2.el ends here
(provide 'subr-more2)
