;;; unsafep.el --- decide whether a form is safe to evaluate  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; `unsafep' answers nil for a form it can show harmless, else a reason:
;; (function F) for a call of a function not known to be safe,
;; (global-variable V) for setting a variable that is neither bound by the
;; form itself nor local to the buffer, (risky-local-variable V) for binding
;; or setting a risky one, (unquoted X) for a function argument given as an
;; expression, and (variable X) for something bound that is not a symbol.
;; Macros are expanded (autoloaded ones are not loaded: they are unsafe).

;;; Code:

(defvar safe-functions nil "Functions to treat as safe besides the known harmless ones; t for all.")

(defvar unsafep-vars nil "The variables bound by the form `unsafep' is looking at, around the current subform.")
(put 'unsafep-vars 'risky-local-variable t)

(defconst unsafep--harmless
  (let ((table (make-hash-table :test 'eq)))
    (dolist (name '(
  % * + - / /= 1+ 1- < <= = > >= abs acos always and append aref arrayp ash asin assq atan
  atom bignump bobp bolp bool-vector-count-consecutive bool-vector-count-population
  bool-vector-p bool-vector-subsetp boundp buffer-end buffer-file-name buffer-list
  buffer-local-variables buffer-modified-p buffer-size buffer-string buffer-substring
  bufferp butlast byte-code-function-p caar cadr capitalize car car-less-than-car car-safe
  case-table-p cdar cddr cdr cdr-safe ceiling char-after char-before char-equal
  char-or-string-p char-to-string char-width characterp charsetp cl--class-docstring
  cl--class-index-table cl--class-name cl--class-p cl--class-parents cl--class-slots
  cl--generic-dispatches cl--generic-generalizer-name cl--generic-generalizer-p
  cl--generic-generalizer-priority cl--generic-generalizer-specializers-function
  cl--generic-generalizer-tagcode-function cl--generic-make cl--generic-make-method
  cl--generic-method-function cl--generic-method-qualifiers cl--generic-method-specializers
  cl--generic-method-table cl--generic-method-uses-cnm cl--generic-name cl--generic-options
  cl--make-slot-descriptor cl--slot-descriptor-initform cl--slot-descriptor-name
  cl--slot-descriptor-props cl--slot-descriptor-type cl--struct-cl--generic-method-p
  cl--struct-cl--generic-p cl--struct-class-children-sym cl--struct-class-docstring
  cl--struct-class-index-table cl--struct-class-name cl--struct-class-named
  cl--struct-class-p cl--struct-class-parents cl--struct-class-print cl--struct-class-slots
  cl--struct-class-tag cl--struct-class-type cl--struct-new-class
  cl-generic-make-generalizer cl-slot-descriptor-p cl-struct-p commandp compare-strings
  compare-window-configurations concat cons consp coordinates-in-window-p copy-alist
  copy-marker copy-sequence copysign cos count-lines current-buffer current-global-map
  current-indentation current-local-map current-minor-mode-maps current-time
  current-time-string current-time-zone custom-variable-p decode-char decode-time
  decoded-time-day decoded-time-dst decoded-time-hour decoded-time-minute
  decoded-time-month decoded-time-second decoded-time-weekday decoded-time-year
  decoded-time-zone default-boundp default-value degrees-to-radians ding documentation
  downcase elt encode-char encode-time eobp eolp eq equal error-message-string eventp exp
  expt fboundp fceiling featurep ffloor file-directory-p file-exists-p file-locked-p
  file-name-absolute-p file-name-concat file-newer-than-file-p file-readable-p
  file-symlink-p file-writable-p fixnump float float-time floatp floor following-char
  format format-time-string frame-first-window frame-root-window frame-selected-window
  frame-visible-p framep fround ftruncate get get-buffer get-buffer-window get-file-buffer
  get-largest-window get-lru-window getenv gethash hash-table-count hash-table-p identity
  if int-to-string integer-or-marker-p integerp interactive-p intern-soft
  invocation-directory invocation-name isearch--get-state isearch--state-barrier
  isearch--state-case-fold-search isearch--state-error isearch--state-forward
  isearch--state-match-data isearch--state-message isearch--state-other-end
  isearch--state-p isearch--state-point isearch--state-pop-fun isearch--state-string
  isearch--state-success isearch--state-word isearch--state-wrapped isnan json-parse-string
  json-serialize kbd keymap-parent keymapp keywordp last lax-plist-get ldexp length length<
  length= length> line-beginning-position line-end-position lisp-indent-initial-state
  lisp-indent-state-p lisp-indent-state-ppss lisp-indent-state-ppss-point
  lisp-indent-state-stack list listp local-variable-if-set-p local-variable-p locale-info
  log log10 logand logb logcount logior lognot logxor lsh make-byte-code make-list
  make-marker make-ppss make-string make-symbol make-xref-elisp-location mark mark-marker
  marker-buffer markerp match-beginning match-end match-string match-string-no-properties
  max max-char member member-ignore-case memory-limit memq memql min
  minibuffer-selected-window minibuffer-window mod mouse-movement-p
  multibyte-char-to-unibyte natnump next-window nlistp not nth nthcdr null
  number-or-marker-p number-to-string numberp one-window-p or overlayp parse-colon-path
  plist-get plist-member point point-marker point-max point-min ppss-comment-depth
  ppss-comment-or-string-start ppss-comment-style ppss-depth ppss-innermost-start
  ppss-last-complete-sexp-start ppss-min-depth ppss-open-parens ppss-quoted-p
  ppss-string-terminator ppss-two-character-syntax preceding-char prefix-numeric-value
  previous-window prin1-to-string processp prog1 prog2 progn proper-list-p propertize
  radians-to-degrees random rassoc rassq read-from-string recent-keys recursion-depth
  regexp-opt regexp-quote region-beginning region-end registerv--make registerv-data
  registerv-insert-func registerv-jump-func registerv-p registerv-print-func remove remq
  reverse round safe-length save-match-data selected-frame selected-window sequencep sin
  sleep-for split-string sqrt standard-case-table standard-syntax-table string
  string-as-multibyte string-as-unibyte string-equal string-greaterp string-lessp
  string-make-multibyte string-make-unibyte string-match string-prefix-p string-replace
  string-search string-suffix-p string-to-char string-to-multibyte string-to-number
  string-to-syntax string< string= string> stringp subrp substring sxhash sxhash-eq
  sxhash-eql sxhash-equal symbol-function symbol-name symbol-plist symbol-value symbolp
  syntax-table syntax-table-p tan this-command-keys this-command-keys-vector
  this-single-command-keys this-single-command-raw-keys time-convert timer--args
  timer--create timer--function timer--high-seconds timer--idle-delay
  timer--integral-multiple timer--low-seconds timer--psecs timer--repeat-delay
  timer--triggered timer--usecs truncate type-of unibyte-char-to-multibyte
  uniquify-item-base uniquify-item-buffer uniquify-item-dirname
  uniquify-item-original-dirname uniquify-item-p uniquify-item-proposed uniquify-make-item
  unless unwind-protect upcase user-full-name user-login-name user-original-login-name
  user-real-login-name user-real-uid user-uid vconcat vector vectorp visible-frame-list
  when while wholenump window-absolute-pixel-edges window-at window-body-height
  window-body-width window-buffer window-combination-limit window-configuration-p
  window-dedicated-p window-display-table window-edges window-frame window-fringes
  window-height window-hscroll window-inside-absolute-pixel-edges window-inside-edges
  window-inside-pixel-edges window-left-child window-left-column window-live-p
  window-margins window-minibuffer-p window-new-normal window-new-total window-next-buffers
  window-next-sibling window-normal-size window-parameter window-parameters window-parent
  window-pixel-edges window-point window-prev-buffers window-prev-sibling
  window-redisplay-end-trigger window-scroll-bars window-start window-text-height
  window-top-child window-top-line window-total-height window-total-width window-use-time
  window-valid-p window-vscroll window-width windowp xor xref-elisp-location-file
  xref-elisp-location-p xref-elisp-location-symbol xref-elisp-location-type
  xref-make-elisp-location zerop                    ))
      (puthash name t table))
    table)
  "The functions that cannot change anything outside their result.")

(defconst unsafep--takes-function '(apply mapc mapcar mapconcat)
  "Functions whose first argument is a function to call, which must be written quoted.")

(defun unsafep-function (fun) "Return nil if calling FUN is safe, else the reason (function FUN).
FUN may be a symbol or a lambda expression."
  (cond ((and (consp fun) (eq (car fun) 'lambda))
         (unsafep fun unsafep-vars))
        ((and (symbolp fun)
              (or (eq safe-functions t)
                  (memq fun safe-functions)
                  (gethash fun unsafep--harmless)
                  (get fun 'side-effect-free)
                  (get fun 'safe-function)))
         nil)
        (t (list 'function fun))))

(defun unsafep--first (forms) "Return the first reason some form of FORMS is unsafe, or nil."
  (let ((reason nil))
    (while (and forms (not reason))
      (setq reason (unsafep (pop forms) unsafep-vars)))
    reason))

(defun unsafep-progn (forms) "Return nil if every form of FORMS is safe; else throw the first reason to the tag `unsafep'."
  (let ((reason (unsafep--first forms)))
    (when reason (throw 'unsafep reason))))

(defun unsafep--check-variable (var &optional setting) "Return why binding (or with SETTING, setting) VAR is unsafe, or nil."
  (cond ((not (symbolp var)) (list 'variable var))
        ((risky-local-variable-p var) (list 'risky-local-variable var))
        ((and setting (not (memq var unsafep-vars)) (not (local-variable-p var)))
         (list 'global-variable var))))

(defun unsafep--binding (binding) "Return why the `let' BINDING is unsafe, or nil.
BINDING is a symbol or (SYMBOL VALUE)."
  (let ((var (if (consp binding) (car binding) binding)))
    (or (unsafep--check-variable var)
        (and (consp binding) (unsafep (cadr binding) unsafep-vars)))))

(defun unsafep-let (binding) "Return the variable the `let' BINDING binds if it is safe; else throw the reason to the tag `unsafep'."
  (let ((reason (unsafep--binding binding)))
    (if reason (throw 'unsafep reason)
      (if (consp binding) (car binding) binding))))

(defun unsafep--quoted-function (arg) "Return why ARG, a function argument, is unsafe, or nil; it must be quoted or a lambda."
  (cond ((memq (car-safe arg) '(quote function)) (unsafep-function (cadr arg)))
        ((eq (car-safe arg) 'lambda) (unsafep-function arg))
        (t (list 'unquoted arg))))

(defun unsafep--lambda (arglist body) "Return why a lambda with ARGLIST and BODY is unsafe, or nil."
  (let ((unsafep-vars unsafep-vars))
    (dolist (a arglist)
      (unless (memq a '(&optional &rest)) (push a unsafep-vars)))
    (unsafep--first body)))

(defun unsafep--call (form) "Return why FORM, a call of a symbol, is unsafe, or nil."
  (let ((fun (car form)) (args (cdr form)))
    (cond
     ((memq fun unsafep--takes-function)
      (or (unsafep--quoted-function (car args))
          (unsafep--first (cdr args))))
     ((eq fun 'add-to-list)
      (if (eq (car-safe (car args)) 'quote)
          (or (unsafep--check-variable (cadr (car args)) t)
              (unsafep--first (cdr args)))
        (list 'unquoted (car args))))
     ;; The list-walking and list-changing macros and backquote are
     ;; expanded; another macro is treated as a call: it must be known
     ;; harmless, and its arguments are looked at as forms.
     ((eq (car-safe (and (fboundp fun) (symbol-function fun))) 'macro)
      (cond ((memq fun '(dolist dotimes push pop \`)) (unsafep (macroexpand form) unsafep-vars))
            ((unsafep-function fun))
            (t (unsafep--first args))))
     (t (or (unsafep-function fun) (unsafep--first args))))))

(defun unsafep (form &optional unsafep-vars) "Return nil if evaluating FORM cannot do harm, else a reason why it might.
UNSAFEP-VARS lists the variables bound around FORM by the code it is in.
With `safe-functions' t every form is safe."
  (let ((unsafep-vars unsafep-vars))
    (unless (eq safe-functions t)
      (catch 'unsafep
        (unsafep--form form)))))

(defun unsafep--form (form) "Return why FORM is unsafe, or nil, `unsafep-vars' holding the variables bound around it."
  (cond
   ((not (consp form)) nil)
   ((eq (car form) 'quote) nil)
   ((eq (car form) 'lambda) (unsafep--lambda (nth 1 form) (nthcdr 2 form)))
   ((eq (car-safe (car form)) 'lambda)
    (or (unsafep-function (car form)) (unsafep--first (cdr form))))
   ((memq (car form) '(let let*))
    (let ((sequential (eq (car form) 'let*))
          (reason nil)
          (bound nil))
      (dolist (b (nth 1 form))
        (unless reason
          (setq reason (let ((unsafep-vars (if sequential (append bound unsafep-vars)
                                             unsafep-vars)))
                         (unsafep--binding b)))
          (push (if (consp b) (car b) b) bound)))
      (or reason
          (let ((unsafep-vars (append bound unsafep-vars)))
            (unsafep--first (nthcdr 2 form))))))
   ((eq (car form) 'setq)
    (let ((pairs (cdr form)) (reason nil))
      (while (and pairs (not reason))
        (setq reason (or (unsafep--check-variable (car pairs) t)
                         (unsafep (cadr pairs) unsafep-vars)))
        (setq pairs (cddr pairs)))
      reason))
   ((eq (car form) 'cond)
    (let ((reason nil))
      (dolist (clause (cdr form))
        (unless reason (setq reason (unsafep--first clause))))
      reason))
   ((eq (car form) 'condition-case)
    (let ((var (nth 1 form)))
      (or (unsafep--check-variable var)
          (let ((unsafep-vars (cons var unsafep-vars)))
            (or (unsafep (nth 2 form) unsafep-vars)
                (let ((reason nil))
                  (dolist (handler (nthcdr 3 form))
                    (unless reason (setq reason (unsafep--first (cdr handler)))))
                  reason))))))
   ((symbolp (car form)) (unsafep--call form))
   (t (unsafep-function (car form)))))

(provide 'unsafep)

;;; unsafep.el ends here
