;;; advice.el --- the old `defadvice' interface, built on nadvice  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; Each advised function keeps its old-style pieces on the property
;; `ad--pieces': a list of records (CLASS NAME ENABLED FORMS), in the
;; order they run within their class.  Activation combines the enabled ones
;; into a single function, stored as `ad-Advice-FUNCTION', and puts that
;; around FUNCTION with `advice-add'; deactivation takes it off again.
;; Supported: before, around (with `ad-do-it' and `ad-return-value') and
;; after pieces, positions, the activate flag, enabling and removing.
;; Not supported: `ad-get-arg' and friends, activation/deactivation
;; classes, freezing.

(defun ad--flag-p (flags prefix) "Non-nil if one of FLAGS abbreviates the flag PREFIX stands for."
  (catch 'ad--hit
    (dolist (flag flags nil)
      (let ((abbrev (symbol-name flag)))
        (and (>= (length abbrev) 3)
             (string-prefix-p abbrev (symbol-name prefix))
             (throw 'ad--hit t))))))

(defun ad--of-class (pieces pred) "The records of PIECES that PRED accepts, in order."
  (delq nil (mapcar (lambda (p) (and (funcall pred p) p)) pieces)))

(defun ad--combiner (function)
  (intern (format "ad-Advice-%s" function)))

(defun ad--arglist (function) "The argument list the combined advice of FUNCTION takes, from its current definition."
  (let* ((def (advice--cd*r (advice--symbol-function function)))
         (def (if (and (symbolp def) (fboundp def)) (indirect-function def) def)))
    (cond ((eq (car-safe def) 'closure) (nth 2 def))
          ((eq (car-safe def) 'lambda) (nth 1 def))
          (t '(&rest ad--args)))))

(defun ad--call-form (arglist) "A form calling the advised function with the arguments named in ARGLIST."
  (let ((fixed nil) (rest nil) (after-rest nil))
    (dolist (arg arglist)
      (cond ((eq arg '&optional))
            ((eq arg '&rest) (setq after-rest t))
            (after-rest (setq rest arg))
            (t (push arg fixed))))
    (if rest
        `(setq ad-return-value (apply ad--orig ,@(nreverse fixed) ,rest))
      `(setq ad-return-value (funcall ad--orig ,@(nreverse fixed))))))

(defun ad--substitute (form replacement) "FORM with each `ad-do-it' outside quoted data replaced by REPLACEMENT."
  (cond ((eq form 'ad-do-it) replacement)
        ((not (consp form)) form)
        ((eq (car form) 'quote) form)
        (t (let ((out nil))
             (while (consp form)
               (push (ad--substitute (car form) replacement) out)
               (setq form (cdr form)))
             (nconc (nreverse out) form)))))

(defun ad--body (forms) "FORMS without a leading docstring and interactive form."
  (when (and (stringp (car-safe forms)) (cdr forms)) (setq forms (cdr forms)))
  (when (eq (car-safe (car-safe forms)) 'interactive) (setq forms (cdr forms)))
  forms)

(defun ad--combine (function) "The function running FUNCTION's enabled pieces around the original, or nil if none is enabled."
  (let ((pieces (ad--of-class (get function 'ad--pieces) (lambda (p) (nth 2 p))))
        (arglist (ad--arglist function))
        (command nil))
    (when pieces
      (let ((core (ad--call-form arglist)))
        (dolist (p pieces)
          (let ((i (assq 'interactive (nth 3 p))))
            (when i (setq command i))))
        (dolist (p (reverse pieces))
          (when (eq (car p) 'around)
            (setq core (macroexp-progn
                        (ad--substitute (ad--body (nth 3 p)) core)))))
        (eval
         `(function
           (lambda (ad--orig ,@arglist)
             ,@(and command (list command))
             (let ((ad-return-value nil))
               ,@(apply #'append
                        (mapcar (lambda (p) (and (eq (car p) 'before) (ad--body (nth 3 p))))
                                pieces))
               ,core
               ,@(apply #'append
                        (mapcar (lambda (p) (and (eq (car p) 'after) (ad--body (nth 3 p))))
                                pieces))
               ad-return-value)))
         nil)))))

(defun ad-activate (function &optional _compile) "Combine FUNCTION's enabled old-style advice and put it around FUNCTION.
With no piece enabled, this deactivates FUNCTION."
  (let ((combined (ad--combine function))
        (name (ad--combiner function)))
    (advice-remove function name)
    (fmakunbound name)
    (when combined
      (fset name combined)
      (advice-add function :around name)
      function)))

(defun ad-deactivate (function) "Take FUNCTION's old-style advice off it, keeping the pieces for a later `ad-activate'."
  (advice-remove function (ad--combiner function))
  (fmakunbound (ad--combiner function))
  function)

(defun ad-is-active (function) "Return non-nil if FUNCTION's old-style advice is in effect."
  (and (advice-member-p (ad--combiner function) function) t))

(defun ad-is-advised (function) "Return non-nil if FUNCTION has old-style pieces of advice, active or not."
  (and (get function 'ad--pieces) t))

(defun ad--find (function class name)
  (catch 'ad--hit
    (dolist (p (get function 'ad--pieces) nil)
      (and (eq (car p) class) (eq (nth 1 p) name) (throw 'ad--hit p)))))

(defun ad-add-advice (function advice class position) "Add ADVICE, a list (NAME PROTECTED ENABLED (advice lambda ARGS . BODY)), to FUNCTION's CLASS.
POSITION is `first', `last' or an index among that class's pieces.  A piece
of the same class and name is replaced where it stands."
  (let* ((name (car advice))
         (enabled (nth 2 advice))
         (forms (nthcdr 2 (nth 3 advice)))
         (record (list class name enabled forms))
         (pieces (get function 'ad--pieces))
         (old (ad--find function class name)))
    (if old
        (setcdr old (cdr record))
      (let* ((same (ad--of-class pieces (lambda (p) (eq (car p) class))))
             (index (cond ((eq position 'last) (length same))
                          ((integerp position) (max 0 (min position (length same))))
                          (t 0)))
             (before (nth index same)))
        ;; Insert before the INDEXth piece of the class, or after the class's last.
        (setq pieces
              (if (not before)
                  (append pieces (list record))
                (let ((tail (memq before pieces)))
                  (append (butlast pieces (length tail)) (cons record tail)))))
        (put function 'ad--pieces pieces)))
    nil))

(defun ad-remove-advice (function class name) "Remove FUNCTION's piece of advice of CLASS called NAME; it takes effect at the next activation."
  (let ((old (ad--find function class name)))
    (unless old
      (error "ad-remove-advice: `%s' has no %s advice `%s'" function class name))
    (put function 'ad--pieces (delq old (get function 'ad--pieces)))
    nil))

(defun ad--set-enabled (caller function class name value)
  (unless (get function 'ad--pieces)
    (error "%s: `%s' is not advised" caller function))
  (let ((changed nil))
    (dolist (p (get function 'ad--pieces))
      (when (and (or (eq class 'any) (eq (car p) class))
                 (if (stringp name)
                     (string-match-p name (symbol-name (nth 1 p)))
                   (eq (nth 1 p) name)))
        (setcar (nthcdr 2 p) value)
        (setq changed t)))
    (unless changed
      (error "%s: `%s' has no %s advice matching `%s'" caller function class name))
    nil))

(defun ad-enable-advice (function class name) "Enable FUNCTION's piece of CLASS called NAME (a regexp string matches several)."
  (ad--set-enabled 'ad-enable-advice function class name t))

(defun ad-disable-advice (function class name) "Disable FUNCTION's piece of CLASS called NAME (a regexp string matches several)."
  (ad--set-enabled 'ad-disable-advice function class name nil))

(defun ad-unadvise (function) "Deactivate FUNCTION and forget all its old-style pieces of advice."
  (ad-deactivate function)
  (put function 'ad--pieces nil)
  nil)

(defmacro defadvice (function args &rest body) "Define a piece of old-style advice of FUNCTION.
ARGS is (CLASS NAME [POSITION] [ARGLIST] FLAG...): CLASS is `before',
`around' or `after'; POSITION `first', `last' or a number; FLAGS may
include `activate' and `disable' (abbreviations of three letters or more
are accepted).  In around advice, `ad-do-it' runs what is wrapped, whose
value is in `ad-return-value'; the value of the advised call is always
`ad-return-value'.  BODY sees the function's arguments by name."
  (declare (doc-string 3) (indent 2))
  (let* ((class (nth 0 args))
         (name (nth 1 args))
         (rest (nthcdr 2 args))
         (position (if (or (memq (car rest) '(first last)) (integerp (car rest)))
                       (pop rest)
                     nil))
         (_arglist (and (listp (car rest)) (pop rest)))
         (flags rest))
    (unless (memq class '(before around after activation deactivation))
      (error "defadvice: Invalid advice class: %s" class))
    `(progn
       (ad-add-advice ',function
                      '(,name nil ,(not (ad--flag-p flags 'disable))
                              (advice lambda nil ,@body))
                      ',class ',position)
       ,@(and (ad--flag-p flags 'activate) `((ad-activate ',function nil)))
       ',function)))

(provide 'advice)
