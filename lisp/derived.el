;;; derived.el --- define-derived-mode: major modes built on other major modes  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and the
;; Emacs Lisp manual ("Derived Modes").  Autoloaded by `define-derived-mode'.

(defun derived--names (child) "The names of CHILD's hook, keymap, syntax table and abbrev table variables."
  (mapcar (lambda (suffix) (intern (concat (symbol-name child) suffix)))
          '("-hook" "-map" "-syntax-table" "-abbrev-table")))

(defun derived--doc (child parent doc) "The docstring of the mode command CHILD derived from PARENT, DOC being the author's text."
  (let ((names (derived--names child)))
    (concat (or doc
                (if parent
                    (format "A major mode built on `%s' with `define-derived-mode'." parent)
                  "A major mode made with `define-derived-mode'."))
            (if (and doc (string-match-p (regexp-quote (symbol-name (car names))) doc))
                ""
              (format "\n\nEntering it runs `%s'%s." (car names)
                      (if parent ", after the hooks of the modes it derives from" "")))
            (if (and doc (string-match-p "\\\\[{<]" doc))
                ""
              (format "\n\n\\{%s}" (nth 1 names))))))

(defun derived--documented (var text) "Forms that define VAR (a `defvar' form) and give it the docstring TEXT unless it has one."
  (let ((name (nth 1 var)))
    (list var
          (list 'unless (list 'get (list 'quote name) ''variable-documentation)
                (list 'put (list 'quote name) ''variable-documentation text)))))

(defun derived--inherit (child parent map syntax abbrev) "The form that links CHILD's MAP, SYNTAX and ABBREV tables to PARENT's current ones.
SYNTAX or ABBREV is nil when the mode was given a table of its own."
  (let ((forms nil))
    (when abbrev
      (push (list 'unless (list 'or (list 'abbrev-table-get abbrev :parents)
                                (list 'eq abbrev 'local-abbrev-table))
                  (list 'abbrev-table-put abbrev :parents '(list local-abbrev-table)))
            forms))
    (when syntax
      ;; A table whose parent is still the standard one takes the parent mode's.
      (push (list 'let (list (list 'above (list 'char-table-parent syntax)))
                  (list 'unless '(and above (not (eq above (standard-syntax-table))))
                        (list 'set-char-table-parent syntax '(syntax-table))))
            forms))
    (push (list 'unless (list 'keymap-parent map)
                (list 'set-keymap-parent map '(current-local-map)))
          forms)
    (push (list 'when (list 'get (list 'quote parent) ''mode-class)
                (list 'put (list 'quote child) ''mode-class
                      (list 'get (list 'quote parent) ''mode-class)))
          forms)
    (cons 'progn forms)))

(defmacro define-derived-mode (child parent name &rest body) "Define CHILD as a major mode command that first runs PARENT, then BODY.
NAME is the mode line's name of the mode.  PARENT may be nil for a mode
built on nothing (the buffer's local variables are dropped first).  BODY
may open with a docstring and then keyword arguments:
  :group GROUP         the customization group of the mode;
  :syntax-table TABLE  the syntax table to use (nil: the parent's);
  :abbrev-table TABLE  the abbrev table to use (nil: the parent's);
  :after-hook FORM     evaluated after all the mode hooks have run;
  :interactive VALUE   nil makes the mode function no command.
CHILD gets its own hook CHILD-hook and, unless given others, its own
keymap CHILD-map, syntax table CHILD-syntax-table and abbrev table
CHILD-abbrev-table, which inherit from the parent's at each call."
  (declare (indent defun) (doc-string 4)
           (debug (&define name symbolp sexp [&optional stringp]
                           [&rest keywordp sexp] def-body)))
  (let* ((names (derived--names child))
         (hook (nth 0 names)) (map (nth 1 names))
         (syntax (nth 2 names)) (abbrev (nth 3 names))
         (doc (and (stringp (car body)) (pop body)))
         (own-syntax t) (own-abbrev t)
         (options nil))
    (if (eq parent 'fundamental-mode) (setq parent nil))
    ;; Keyword arguments come in pairs before the body proper.
    (while (keywordp (car body))
      (setq options (cons (cons (car body) (cadr body)) options)
            body (cddr body)))
    (let ((given (assq :syntax-table options)))
      (when given (setq syntax (cdr given) own-syntax nil)))
    (let ((given (assq :abbrev-table options)))
      (when given (setq abbrev (cdr given) own-abbrev nil)))
    (let* ((group (cdr (assq :group options)))
           (after (cdr (assq :after-hook options)))
           (command (let ((i (assq :interactive options))) (if i (cdr i) t)))
           (setup
            (append
             (list (if parent (list parent) '(kill-all-local-variables))
                   (list 'setq 'major-mode (list 'quote child))
                   (list 'setq 'mode-name name))
             (and parent
                  (list (derived--inherit child parent map
                                          (and own-syntax syntax) (and own-abbrev abbrev))))
             (list (list 'use-local-map map))
             (and syntax (list (list 'set-syntax-table syntax)))
             (and abbrev (list (list 'setq 'local-abbrev-table abbrev)))
             body))
           (fn-body
            (append
             (list (derived--doc child parent doc))
             (and command '((interactive)))
             (list (cons 'delay-mode-hooks setup))
             (and after
                  (list (list 'push (list 'lambda () after) 'delayed-after-hook-functions)))
             (list (list 'run-mode-hooks (list 'quote hook))))))
      (append
       '(progn)
       (derived--documented (list 'defvar hook nil)
                            (format "Normal hook run when entering `%s'." child))
       (list (list 'unless (list 'boundp (list 'quote map))
                   (list 'put (list 'quote map) ''definition-name (list 'quote child)))
             (list 'with-no-warnings (list 'defvar map '(make-sparse-keymap))))
       (cdr (derived--documented (list 'defvar map) (format "Keymap of `%s'." child)))
       (and own-syntax
            (derived--documented (list 'defvar syntax '(make-syntax-table))
                                 (format "Syntax table of `%s'." child)))
       (and own-abbrev
            (derived--documented
             (list 'defvar abbrev
                   (list 'progn (list 'define-abbrev-table (list 'quote abbrev) nil) abbrev))
             (format "Abbrev table of `%s'." child)))
       (list (list 'put (list 'quote child) ''derived-mode-parent (list 'quote parent)))
       (and group (list (list 'put (list 'quote child) ''custom-mode-group group)))
       (list (cons 'defun (cons child (cons nil fn-body))))))))

(defun derived-mode-init-mode-variables (child) "Make sure the hook, keymap, syntax table and abbrev table variables of CHILD exist."
  (let ((names (derived--names child)))
    (unless (boundp (nth 0 names)) (set (nth 0 names) nil))
    (unless (boundp (nth 1 names)) (set (nth 1 names) (make-sparse-keymap)))
    (unless (boundp (nth 2 names)) (set (nth 2 names) (make-syntax-table)))
    (unless (boundp (nth 3 names)) (define-abbrev-table (nth 3 names) nil))))

(provide 'derived)

;; End of derived.el.
