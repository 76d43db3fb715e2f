;;; font-lock.el --- Font Lock: faces put on text by syntax and by keywords  -*- lexical-binding: t -*-

;; Written for tsmacs from the behaviour of GNU Emacs 28.2 in batch and the
;; Elisp manual's "Font Lock Mode" section.  In a batch session the mode
;; itself never stays on (nothing is ever displayed), but a program can
;; fontify a buffer on demand: `font-lock-ensure', `font-lock-fontify-region'
;; and `font-lock-fontify-buffer' put `face' properties just as redisplay
;; would have them put.  Fontifying runs in two passes over whole lines:
;; strings and comments from the syntax table, then the search-based
;; keywords of `font-lock-keywords'.

;;;; Variables.  They are declared from tables: (NAME VALUE DOC [local]),
;; `local' making the variable buffer-local whenever it is set.

(defmacro font-lock--declare (&rest table) "Declare each variable of TABLE, entries (NAME VALUE-FORM DOC [local])."
  `(progn
     ,@(mapcan (pcase-lambda (`(,name ,value ,doc . ,flags))
                 (list `(defvar ,name ,value ,doc)
                       (and (eq (car flags) 'local) `(make-variable-buffer-local ',name))))
               table)))

;; The faces keywords name through a variable, each holding its own name.
(font-lock--declare
 (font-lock-comment-face 'font-lock-comment-face "Face name used for comments.")
 (font-lock-comment-delimiter-face 'font-lock-comment-delimiter-face "Face name used for comment starters and enders.")
 (font-lock-string-face 'font-lock-string-face "Face name used for strings.")
 (font-lock-doc-face 'font-lock-doc-face "Face name used for documentation strings.")
 (font-lock-doc-markup-face 'font-lock-doc-markup-face "Face name used for markup inside documentation.")
 (font-lock-keyword-face 'font-lock-keyword-face "Face name used for keywords.")
 (font-lock-builtin-face 'font-lock-builtin-face "Face name used for builtins.")
 (font-lock-function-name-face 'font-lock-function-name-face "Face name used for the names of functions being defined.")
 (font-lock-variable-name-face 'font-lock-variable-name-face "Face name used for the names of variables being defined.")
 (font-lock-type-face 'font-lock-type-face "Face name used for type and class names.")
 (font-lock-constant-face 'font-lock-constant-face "Face name used for constants and labels.")
 (font-lock-warning-face 'font-lock-warning-face "Face name used for things that deserve attention.")
 (font-lock-negation-char-face 'font-lock-negation-char-face "Face name used for negation characters.")
 (font-lock-preprocessor-face 'font-lock-preprocessor-face "Face name used for preprocessor directives."))

;; What a buffer's fontification is made from.
(font-lock--declare
 (font-lock-defaults nil "Where the current buffer's Font Lock settings come from, set by its major mode.
A list (KEYWORDS KEYWORDS-ONLY CASE-FOLD SYNTAX-ALIST SYNTAX-BEGIN
VARIABLE-SETTINGS...)." local)
 (font-lock-keywords nil "The search-based fontification rules of the current buffer.")
 (font-lock-keywords-only nil "Non-nil means strings and comments are not fontified from the syntax." local)
 (font-lock-keywords-case-fold-search nil "Non-nil means the keywords' regexps match without regard to case." local)
 (font-lock-syntax-table nil "The syntax table used while fontifying, or nil for the buffer's own." local)
 (font-lock-syntactic-keywords nil "Obsolete rules putting `syntax-table' properties before fontifying." local)
 (font-lock-syntactic-face-function (lambda (state) (if (nth 3 state) font-lock-string-face font-lock-comment-face))
  "Function of a parse state inside a string or comment returning the face to use." local)
 (font-lock-mark-block-function nil "Function that marks a block worth refontifying, or nil." local)
 (font-lock-multiline nil "Non-nil means a keyword match may span lines; t marks such matches." local)
 (font-lock-comment-start-skip nil "Regexp matching a comment's starter, or nil to use `comment-start-skip'." local)
 (font-lock-comment-end-skip nil "Regexp matching a comment's ender, or nil to use `comment-end-skip'." local)
 (font-lock-keywords-alist nil "Keywords added per major mode: (MODE (KEYWORDS . HOW)...).")
 (font-lock-removed-keywords-alist nil "Keywords removed per major mode: (MODE KEYWORD...).")
 (font-lock-beginning-of-syntax-function nil "Obsolete: a function moving back to a place outside strings and comments.")
 (font-lock-ignore nil "Rules for keywords not to use."))

;; User options.
(font-lock--declare
 (font-lock-maximum-decoration t "How many levels of keywords to use: t for all, a number for that level, or an alist by mode.")
 (font-lock-maximum-size 256000 "Obsolete: the largest buffer fontified whole.")
 (font-lock-verbose nil "Non-nil to report progress of whole-buffer fontification.")
 (font-lock-support-mode 'jit-lock-mode "The mode that fontifies text as it is shown.")
 (font-lock-global-modes t "The major modes Global Font Lock mode turns Font Lock on in: t for all."))

;; The state of a buffer's fontification.
(font-lock--declare
 (font-lock-fontified nil "Non-nil once the whole buffer has been fontified." local)
 (font-lock-set-defaults nil "Non-nil once the buffer's Font Lock settings have been made from its defaults." local)
 (font-lock-major-mode nil "The major mode the buffer's Font Lock settings were made for." local)
 (font-lock-dont-widen nil "Non-nil means fontification stays inside the accessible part of the buffer." local))

(defvar font-lock-beg) (defvar font-lock-end) ; The region being extended, bound while it is.

;; The functions that do the work, replaceable per buffer.
(font-lock--declare
 (font-lock-extend-region-functions
  '(font-lock-extend-region-wholelines font-lock-extend-region-multiline)
  "Functions widening the region between `font-lock-beg' and `font-lock-end' before fontifying." local)
 (font-lock-extend-after-change-region-function nil "Function widening the region a change refontifies, or nil." local)
 (font-lock-fontify-buffer-function #'font-lock-default-fontify-buffer "Function fontifying the whole buffer." local)
 (font-lock-unfontify-buffer-function #'font-lock-default-unfontify-buffer "Function removing the fontification of the whole buffer." local)
 (font-lock-fontify-region-function #'font-lock-default-fontify-region "Function of BEG, END and LOUDLY fontifying a region." local)
 (font-lock-unfontify-region-function #'font-lock-default-unfontify-region "Function of BEG and END removing fontification from a region." local)
 (font-lock-ensure-function
  (lambda (from to) (or font-lock-fontified (save-excursion (font-lock-fontify-region from to))))
  "Function of BEG and END making sure that region is fontified." local)
 (font-lock-flush-function #'font-lock-after-change-function "Function of BEG and END declaring that region out of date." local))

;;;; The modes.

(defvar-local font-lock-mode nil "Non-nil when Font Lock mode is on in the buffer.")
(defvar font-lock-mode-hook nil "Hook run when Font Lock mode is turned on or off.")
(defvar global-font-lock-mode nil "Non-nil when Font Lock mode is turned on in every buffer that wants it.")
(defvar global-font-lock-mode-hook nil "Hook run when Global Font Lock mode is turned on or off.")

(defun font-lock--mode-arg (arg current) "Return whether a mode switch with argument ARG turns on a mode now CURRENT."
  (cond ((eq arg 'toggle) (not current))
        ((null arg) t)
        ((numberp arg) (> arg 0))
        (t t)))

(defun font-lock-mode (&optional arg) "Turn Font Lock mode on when ARG is positive or nil, off when it is not.
A batch session displays nothing, so the mode does not stay on in it; as
in GNU Emacs, asking for it only takes the buffer's fontification off,
and programs fontify with `font-lock-ensure' instead."
  (interactive (list (if current-prefix-arg (prefix-numeric-value current-prefix-arg) 'toggle)))
  ;; Nothing is shown in batch, nor in a buffer whose name starts with a space.
  (let ((wanted (and (not noninteractive) (not (eq (aref (buffer-name) 0) ?\s))
                     (font-lock--mode-arg arg font-lock-mode))))
    (setq font-lock-mode wanted)
    (font-lock-mode-internal (and wanted t))
    (run-hooks 'font-lock-mode-hook)
    wanted))

(defun font-lock-mode-internal (on) "Set the buffer's fontification machinery going when ON is non-nil, else stop it and unfontify."
  (cond (on (font-lock-set-defaults) (font-lock-flush))
        ((font-lock-specified-p t)
         (save-restriction (widen) (font-lock-unfontify-region (point-min) (point-max))))))

(defun turn-on-font-lock () "Turn on Font Lock mode in the current buffer." (font-lock-mode 1))

(defun turn-on-font-lock-if-desired () "Turn on Font Lock mode if `font-lock-global-modes' wants it for this buffer."
  (and (or font-lock-defaults (assq major-mode font-lock-keywords-alist))
       (pcase font-lock-global-modes
         ('t t)
         (`(not . ,excluded) (not (memq major-mode excluded)))
         (modes (memq major-mode modes)))
       (font-lock-mode 1)))

(defun global-font-lock-mode (&optional arg) "Turn Global Font Lock mode on when ARG is positive or nil, off when it is not."
  (interactive (list (if current-prefix-arg (prefix-numeric-value current-prefix-arg) 'toggle)))
  (let ((on (font-lock--mode-arg arg global-font-lock-mode)))
    (setq global-font-lock-mode on)
    (if on
        (add-hook 'after-change-major-mode-hook #'font-lock--global-enable)
      (remove-hook 'after-change-major-mode-hook #'font-lock--global-enable))
    (run-hooks 'global-font-lock-mode-hook)
    on))

(defun font-lock--global-enable () "Ask for Font Lock mode in a buffer that just got its major mode, as Global Font Lock mode does."
  (when global-font-lock-mode (turn-on-font-lock-if-desired)))

(defun font-lock-specified-p (mode) "Non-nil if the buffer has something to fontify with.
That is Font Lock defaults, or keywords; with MODE non-nil, also settings
made for a major mode the buffer has since left."
  (cond (font-lock-defaults)
        ((and (boundp 'font-lock-keywords) font-lock-keywords))
        ((null mode) nil)
        (t (and font-lock-set-defaults font-lock-major-mode
                (not (eq major-mode font-lock-major-mode))))))

;;;; Settings from `font-lock-defaults'.

(defun font-lock-value-in-major-mode (values) "Return the element of VALUES for the current major mode.
VALUES is a value or an alist of (MODE . VALUE), t standing for any mode."
  (if (not (consp values))
      values
    (let ((cell (assq major-mode values)))
      (cdr (or cell (assq t values))))))

(defun font-lock-choose-keywords (keywords level) "Return the element of the list KEYWORDS for decoration LEVEL.
LEVEL t or nil means the last (most decorated) or first element."
  (if (or (not (listp keywords)) (not (symbolp (car keywords))))
      keywords                          ; a single list of keywords
    (let ((deepest (car (last keywords))))
      (cond ((eq level t) deepest)
            ((numberp level) (if (>= level (length keywords)) deepest (nth level keywords)))
            (t (car keywords))))))

(defun font-lock-eval-keywords (keywords) "Return the list of keywords KEYWORDS stands for: a function is called, a variable read."
  (while (and keywords (symbolp keywords))
    (setq keywords (if (fboundp keywords) (funcall keywords) (eval keywords t))))
  keywords)

(defun font-lock--keywords-from-defaults () "Return the uncompiled keywords the buffer's `font-lock-defaults' and mode additions give."
  (let* ((level (font-lock-value-in-major-mode font-lock-maximum-decoration))
         (chosen (font-lock-eval-keywords
                  (font-lock-choose-keywords (car font-lock-defaults) level)))
         (added (cdr (assq major-mode font-lock-keywords-alist)))
         (removed (cdr (assq major-mode font-lock-removed-keywords-alist))))
    (dolist (entry added)
      (setq chosen (font-lock--merge-keywords chosen (car entry) (cdr entry))))
    (dolist (kw removed)
      (setq chosen (delete kw (copy-sequence chosen))))
    chosen))

(defun font-lock-set-defaults () "Make the buffer's Font Lock settings from its `font-lock-defaults', unless done already."
  (unless (and font-lock-set-defaults (eq font-lock-major-mode major-mode))
    (setq font-lock-set-defaults t font-lock-major-mode major-mode)
    (pcase-let ((`(,_ ,only ,fold ,syntax-alist ,_ . ,settings) font-lock-defaults))
      (setq-local font-lock-keywords-only only)
      (setq-local font-lock-keywords-case-fold-search (not (null fold)))
      (setq-local font-lock-syntax-table (and syntax-alist (font-lock--syntax-table syntax-alist)))
      (pcase-dolist (`(,var . ,value) settings)
        (set (make-local-variable var) value))
      (let ((compiled (font-lock-compile-keywords (font-lock--keywords-from-defaults))))
        (setq-local font-lock-keywords compiled)))))

(defun font-lock--syntax-table (changes) "Return a copy of the buffer's syntax table with CHANGES, ((CHARS . SYNTAX)...), made."
  (let ((copy (copy-syntax-table (syntax-table))))
    (pcase-dolist (`(,chars . ,syntax) changes)
      (mapc (lambda (c) (modify-syntax-entry c syntax copy))
            (if (characterp chars) (list chars) chars)))
    copy))

(defun font-lock-refresh-defaults () "Make the buffer's Font Lock settings afresh from `font-lock-defaults'."
  (font-lock-mode -1) (kill-local-variable 'font-lock-set-defaults) (font-lock-mode 1))

;;;; Compiling keywords.

(defun font-lock-compile-keyword (keyword) "Return KEYWORD in the compiled form (MATCHER HIGHLIGHT...)."
  (if (eq (car-safe keyword) 'eval)
      (font-lock-compile-keyword (eval (cdr keyword) t))
    (let ((matcher (if (consp keyword) (car keyword) keyword))
          (rest (if (consp keyword) (cdr keyword) nil)))
      (cons matcher
            (cond ((not (consp keyword)) (list (list 0 'font-lock-keyword-face)))
                  ((numberp rest) (list (list rest 'font-lock-keyword-face)))
                  ((symbolp rest) (list (list 0 rest)))
                  ((memq (car rest) '(quote function)) (list (list 0 rest)))
                  ((numberp (car rest)) (list rest))
                  ((or (stringp (car rest)) (symbolp (car rest))) (list rest))
                  (t rest))))))

(defun font-lock-compile-keywords (keywords &optional _syntactic-keywords) "Return KEYWORDS compiled: (t ORIGINAL COMPILED-KEYWORD...).
Keywords already compiled are returned as they are."
  (cond ((not font-lock-set-defaults) (error "Font-lock trying to use keywords before setting them up"))
        ((eq (car-safe keywords) t) keywords)
        (t (let ((plain (font-lock-eval-keywords keywords)))
             (cons t (cons plain (mapcar #'font-lock-compile-keyword plain)))))))

(defun font-lock--uncompiled (keywords) "Return the original list of KEYWORDS, compiled or not."
  (if (eq (car-safe keywords) t) (cadr keywords) keywords))

(defun font-lock--without (list unwanted) "Return the elements of LIST not `equal' to any of UNWANTED."
  (let ((kept nil))
    (dolist (x list) (unless (member x unwanted) (push x kept)))
    (nreverse kept)))

(defun font-lock--merge-keywords (old new how) "Return the keywords OLD with NEW added: HOW `set' replaces, other non-nil appends, nil prepends."
  (cond ((eq how 'set) new)
        (how (append old (font-lock--without new old)))
        (t (append new (font-lock--without old new)))))

(defun font-lock-add-keywords (mode keywords &optional how) "Add KEYWORDS to the Font Lock keywords of MODE, or of the current buffer if MODE is nil.
HOW `set' replaces them, another non-nil value puts KEYWORDS last, nil first."
  (if mode
      (let ((cell (assq mode font-lock-keywords-alist))
            (entry (cons keywords how)))
        (if cell
            (setcdr cell (if how (append (cdr cell) (list entry)) (cons entry (cdr cell))))
          (push (list mode entry) font-lock-keywords-alist))
        (let ((removed (assq mode font-lock-removed-keywords-alist)))
          (when removed
            (setcdr removed (font-lock--without (cdr removed) keywords))))
        (dolist (buf (buffer-list))
          (with-current-buffer buf
            (and font-lock-set-defaults (eq major-mode mode) (font-lock--add-to-buffer keywords how)))))
    (font-lock-set-defaults) (font-lock--add-to-buffer keywords how)))

(defun font-lock--add-to-buffer (keywords how) "Add KEYWORDS to the current buffer's keywords as HOW says, and compile the result."
  (let ((merged (font-lock--merge-keywords (font-lock--uncompiled font-lock-keywords) keywords how)))
    (setq-local font-lock-keywords (font-lock-compile-keywords merged))))

(defun font-lock-remove-keywords (mode keywords) "Take KEYWORDS out of the Font Lock keywords of MODE, or of the current buffer if MODE is nil."
  (if mode
      (let ((cell (assq mode font-lock-keywords-alist)))
        (when cell
          (setcdr cell (delq nil (mapcar (lambda (entry)
                                           (let ((left (font-lock--without (car entry) keywords)))
                                             (and left (cons left (cdr entry)))))
                                         (cdr cell))))
          (unless (cdr cell) (setq font-lock-keywords-alist (delq cell font-lock-keywords-alist))))
        (let ((removed (assq mode font-lock-removed-keywords-alist)))
          (if removed
              (dolist (k keywords) (unless (member k (cdr removed)) (setcdr removed (append (cdr removed) (list k)))))
            (push (cons mode (copy-sequence keywords)) font-lock-removed-keywords-alist)))
        nil)
    (font-lock-set-defaults) (let ((left (font-lock--without (font-lock--uncompiled font-lock-keywords) keywords)))
      (setq-local font-lock-keywords (font-lock-compile-keywords left))
      nil)))

;;;; Fontifying.

(defmacro font-lock--quietly (&rest body) "Run BODY with the buffer's text properties changeable without marking it modified."
  (declare (debug t) (indent 0))
  `(with-silent-modifications
     (let ((case-fold-search nil) (inhibit-point-motion-hooks t))
       ,@body)))

(defun font-lock-extend-region-wholelines () "Widen the region `font-lock-beg'..`font-lock-end' to whole lines; non-nil if it grew."
  (let ((old-beg font-lock-beg) (old-end font-lock-end))
    (save-excursion
      (goto-char old-beg)
      (setq font-lock-beg (line-beginning-position))
      (goto-char old-end)
      (or (bolp) (setq font-lock-end (min (point-max) (1+ (line-end-position))))))
    (not (and (= old-beg font-lock-beg) (= old-end font-lock-end)))))

(defun font-lock-extend-region-multiline () "Widen the region over text marked `font-lock-multiline'; non-nil if it grew."
  (let ((old-beg font-lock-beg) (old-end font-lock-end))
    (if (and (> old-beg (point-min)) (get-text-property (1- old-beg) 'font-lock-multiline))
        (setq font-lock-beg (font-lock--multiline-edge old-beg -1)))
    (if (and (< old-end (point-max)) (get-text-property old-end 'font-lock-multiline))
        (setq font-lock-end (font-lock--multiline-edge old-end 1)))
    (not (and (= old-beg font-lock-beg) (= old-end font-lock-end)))))

(defun font-lock--multiline-edge (pos direction) "Return where the run of `font-lock-multiline' text at POS ends, going back (DIRECTION -1) or on."
  (if (< direction 0)
      (or (previous-single-property-change pos 'font-lock-multiline) (point-min))
    (or (next-single-property-change pos 'font-lock-multiline) (point-max))))

(defun font-lock--extend-region (beg end) "Return (BEG . END) widened by `font-lock-extend-region-functions' until none widens it."
  (let ((font-lock-beg beg) (font-lock-end end) (grew t))
    ;; Each function runs once more after any of them widened the region.
    (while grew
      (setq grew (let ((any nil))
                   (dolist (fn font-lock-extend-region-functions any)
                     (if (funcall fn) (setq any t))))))
    (cons font-lock-beg font-lock-end)))

(defun font-lock-default-unfontify-region (beg end) "Remove the faces and other managed properties Font Lock put from BEG to END."
  (let ((managed (append '(face font-lock-multiline) font-lock-extra-managed-props)))
    (remove-list-of-text-properties beg end managed)))

(defun font-lock-unfontify-region (beg end) "Remove fontification from BEG to END, through `font-lock-unfontify-region-function'."
  (with-silent-modifications (funcall font-lock-unfontify-region-function beg end)))

(defun font-lock-default-fontify-region (beg end loudly) "Fontify BEG..END widened to whole lines: syntactically, then by keywords.
LOUDLY is accepted and ignored."
  (ignore loudly)
  (font-lock--quietly
    (save-excursion
      (save-restriction
        (or font-lock-dont-widen (widen))
        (pcase-let ((old-table (syntax-table))
                    (`(,from . ,to) (font-lock--extend-region beg end)))
          (unwind-protect
              (progn
                (if font-lock-syntax-table (set-syntax-table font-lock-syntax-table))
                (font-lock-unfontify-region from to)
                (or font-lock-keywords-only (font-lock-fontify-syntactically-region from to))
                (font-lock-fontify-keywords-region from to))
            (set-syntax-table old-table))
          `(jit-lock-bounds ,from . ,to))))))

(defun font-lock-fontify-region (beg end &optional loudly) "Fontify the text from BEG to END, setting up the buffer's Font Lock settings first."
  (font-lock-set-defaults) (funcall font-lock-fontify-region-function beg end loudly))

(defun font-lock--on-whole-buffer (fn widen-always) "Call FN with the buffer's bounds, widened first when WIDEN-ALWAYS or `font-lock-dont-widen' is nil."
  (save-restriction
    (if (or widen-always (not font-lock-dont-widen)) (widen))
    (funcall fn (point-min) (point-max))))

(defun font-lock-default-fontify-buffer () "Fontify the whole buffer and note that it is."
  (font-lock--on-whole-buffer (lambda (from to) (font-lock-fontify-region from to font-lock-verbose)) nil)
  (setq font-lock-fontified t))

(defun font-lock-default-unfontify-buffer () "Remove the fontification of the whole buffer."
  (font-lock--on-whole-buffer #'font-lock-unfontify-region t)
  (setq font-lock-fontified nil))

(defun font-lock-fontify-buffer (&optional _interactively) "Fontify the whole current buffer."
  (interactive "p") (font-lock-set-defaults) (funcall font-lock-fontify-buffer-function))

(defun font-lock-unfontify-buffer () "Remove Font Lock's faces from the whole current buffer." (funcall font-lock-unfontify-buffer-function))

(defun font-lock--whole (fn from to) "Call FN with FROM and TO, each nil standing for its end of the buffer."
  (funcall fn (if from from (point-min)) (if to to (point-max))))

(defun font-lock-ensure (&optional beg end) "Make sure the text from BEG to END (the whole buffer by default) is fontified.
A buffer with no Font Lock settings at all is left alone."
  (when (font-lock-specified-p t)
    (font-lock-set-defaults)
    (font-lock--whole font-lock-ensure-function beg end)))

(defun font-lock-flush (&optional beg end) "Declare the text from BEG to END (the whole buffer by default) in need of fontifying again.
It takes effect only where Font Lock mode is on and has fontified."
  (and font-lock-mode font-lock-fontified
       (font-lock--whole font-lock-flush-function beg end)))

(defun font-lock-after-change-function (beg end &optional _old-len) "Refontify BEG..END after a change, when Font Lock mode is on."
  (and font-lock-mode (save-match-data (save-excursion (font-lock-fontify-region beg end)))))

(defun font-lock-update (&optional _arg) "Fontify the current buffer again."
  (interactive "P")
  (save-excursion (font-lock-fontify-buffer)))

(defun font-lock-debug-fontify () "Fontify the whole buffer again from scratch."
  (interactive)
  (font-lock--on-whole-buffer #'font-lock-fontify-region t))

;;;; Strings and comments.

(defun font-lock--comment-delimiters (start end) "Give the starter of the comment at START, and its ender before END, the delimiter face.
Return the (BODY-START . BODY-END) left for the comment face."
  (let ((body-start start) (body-end end))
    (save-excursion
      (goto-char start)
      (let ((skip (or font-lock-comment-start-skip comment-start-skip)))
        (when (and skip (looking-at skip))
          (setq body-start (match-end 0))
          (put-text-property start body-start 'face font-lock-comment-delimiter-face)))
      (let ((skip (or font-lock-comment-end-skip (bound-and-true-p comment-end-skip))))
        (when (and skip (> end body-start))
          (goto-char end)
          (when (re-search-backward skip body-start t)
            (when (and (= (match-end 0) end) (< (match-beginning 0) end))
              (setq body-end (match-beginning 0))
              (put-text-property body-end end 'face font-lock-comment-delimiter-face))))))
    (cons body-start body-end)))

(defun font-lock-fontify-syntactically-region (start end &optional _loudly) "Give the strings and comments between START and END their faces."
  (let ((state (syntax-ppss start)))
    (save-excursion
      (goto-char start)
      (while (< (point) end)
        (if (nth 8 state)
            (let* ((from (max start (nth 8 state)))
                   (whole-comment (and (nth 4 state) (= from (nth 8 state))))
                   (face (funcall font-lock-syntactic-face-function state)))
              (setq state (parse-partial-sexp (point) (point-max) nil nil state 'syntax-table))
              (let ((to (point)))
                (when face
                  (if (and whole-comment (eq face 'font-lock-comment-face))
                      (let ((body (font-lock--comment-delimiters from to)))
                        (when (< (car body) (cdr body))
                          (put-text-property (car body) (cdr body) 'face face)))
                    (if (and (consp face) (eq (car face) 'face))
                        (add-text-properties from to face)
                      (put-text-property from to 'face face))))))
          (setq state (parse-partial-sexp (point) end nil nil state 'syntax-table)))))))

;;;; Keywords.

(defun font-lock--plist-without-face (plist) "Return PLIST without its `face' pair."
  (let ((kept nil) (tail plist))
    (while tail
      (let ((prop (pop tail)) (val (pop tail)))
        (unless (eq prop 'face) (setq kept (nconc kept (list prop val))))))
    kept))

(defun font-lock--apply-props (start end value override) "Put VALUE, a face or a (face FACE PROP VAL...) list, on START..END as OVERRIDE says."
  (let ((props (if (and (consp value) (eq (car value) 'face)) value (list 'face value))))
    ;; The other properties go on first, then the face, as GNU orders them.
    (let ((others (font-lock--plist-without-face props)) (face (plist-get props 'face)))
      (while others
        (put-text-property start end (pop others) (pop others)))
      (pcase override
        ('nil (or (text-property-not-all start end 'face nil)
                  (put-text-property start end 'face face)))
        ('t (put-text-property start end 'face face))
        ('keep (font-lock-fillin-text-property start end 'face face))
        ('prepend (font-lock-prepend-text-property start end 'face face))
        ('append (font-lock-append-text-property start end 'face face)))))
  nil)

(defun font-lock-apply-highlight (highlight) "Fontify the subexpression of the last match that HIGHLIGHT names."
  (pcase-let* ((`(,subexp ,face-form ,override ,laxmatch) highlight)
               (from (match-beginning subexp))
               (to (match-end subexp)))
    (cond (from (let ((value (eval face-form t)))
                  (and value (< from to) (font-lock--apply-props from to value override))))
          ((not laxmatch) (error "No match %d in highlight %S" subexp highlight)))))

(defun font-lock--search (matcher limit) "Find the next match of MATCHER, a regexp or a function, before LIMIT."
  (if (not (stringp matcher)) (funcall matcher limit) (re-search-forward matcher limit t)))

(defun font-lock-fontify-anchored-keywords (keywords limit) "Fontify the anchored KEYWORDS (MATCHER PRE POST HIGHLIGHT...) after the last match, up to LIMIT."
  (pcase-let* ((`(,matcher ,pre-form ,post-form . ,highlights) keywords)
               (eol (line-end-position))
               (pre (eval pre-form t))
               (bound (if (and (numberp pre) (> pre (point))) (min pre limit) eol)))
    (and font-lock-multiline (numberp pre) (> pre eol)
         (put-text-property (line-beginning-position) pre 'font-lock-multiline t))
    (save-match-data
      (while (and (< (point) bound) (font-lock--search matcher bound))
        (mapc #'font-lock-apply-highlight highlights)
        ;; An empty match would match again where it is: step on.
        (and (= (match-end 0) (match-beginning 0))
             (if (< (point) bound) (forward-char 1) (goto-char bound)))))
    (eval post-form t)))

(defun font-lock-fontify-keywords-region (start end &optional _loudly) "Fontify the text from START to END by the buffer's keywords."
  (unless (eq (car-safe font-lock-keywords) t)
    (setq-local font-lock-keywords (font-lock-compile-keywords font-lock-keywords)))
  (let ((case-fold-search font-lock-keywords-case-fold-search))
    (save-excursion (pcase-dolist (`(,matcher . ,highlights) (cddr font-lock-keywords))
      (goto-char start)
      (while (and (< (point) end) (font-lock--search matcher end))
        (let ((mb (match-beginning 0)) (me (match-end 0)))
          (and font-lock-multiline (> me mb)
               (< (save-excursion (goto-char mb) (line-end-position)) me)
               (put-text-property mb me 'font-lock-multiline t))
          (dolist (h highlights)
            (if (numberp (car h))
                (font-lock-apply-highlight h)
              (save-match-data (font-lock-fontify-anchored-keywords h end))))
          ;; A matcher that left point at or before its match's start (an
          ;; empty match, or a function that searched without moving) would
          ;; find the same match again: go on from the next character.
          (and (<= (point) mb) (< (point) end) (forward-char 1))))))
    nil))

;;;; Just-in-time fontification, as far as a batch session has it: the
;; registry of fontifying functions (nothing is displayed, so nothing
;; ever calls them by itself).

(defvar-local jit-lock-mode nil "Non-nil when just-in-time fontification is on in the buffer.")
(defvar-local jit-lock-functions nil "Functions of BEG and END that fontify a region on demand.")
(defvar jit-lock-chunk-size 1500 "How many characters just-in-time fontification does at once.")
(defvar jit-lock-stealth-time nil "Idle seconds before fontifying unseen text, or nil for never.")
(defvar jit-lock-defer-time nil "Idle seconds to put fontification off for, or nil for never.")
(defvar jit-lock-contextually 'syntax-driven "Whether later lines are refontified after a change.")
(defvar jit-lock-context-time 0.5 "Idle seconds before contextual refontification.")

(defun jit-lock-register (fun &optional _contextual) "Add FUN to the functions that fontify the buffer on demand."
  (add-hook 'jit-lock-functions fun nil t))

(defun jit-lock-unregister (fun) "Take FUN out of the functions that fontify the buffer on demand."
  (remove-hook 'jit-lock-functions fun t))

(defun jit-lock-refontify (&optional beg end) "Mark BEG..END (the whole buffer by default) as needing fontification."
  (with-silent-modifications
    (save-restriction (widen) (put-text-property (or beg (point-min)) (or end (point-max)) 'fontified nil))))

(defun jit-lock-fontify-now (&optional start end) "Run the on-demand fontifying functions over START..END now."
  (let ((from (or start (point-min))) (to (or end (point-max))))
    (with-silent-modifications (run-hook-with-args 'jit-lock-functions from to) (put-text-property from to 'fontified t))))

(defun jit-lock-mode (arg) "Turn just-in-time fontification on if ARG is non-nil, else off."
  (setq jit-lock-mode (and arg t)))

;; GNU splits Font Lock mode's switch (`font-lock-mode', `global-font-lock-mode',
;; `turn-on-font-lock') into font-core.el; this file has both halves.
(provide 'font-core)
(provide 'jit-lock)
(provide 'font-lock)

;;; font-lock.el ends here
