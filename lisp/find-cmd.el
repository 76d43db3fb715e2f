;;; find-cmd.el --- write find(1) command lines from Lisp forms  -*- lexical-binding: t -*-

;; Part of tsmacs.  Written from GNU Emacs 28.2's observed behaviour.
;;
;; (find-cmd FORM...) is the shell command running `find-program' on
;; `default-directory' with the tests the FORMs describe.  A form is a
;; string, used as it is, or a list (TEST ARG...).  TEST `and'/`a',
;; `or'/`o', `not'/`n' and `prune' combine other forms; any other TEST
;; is one of find's primaries, written -TEST ARG, with the arguments
;; shell-quoted (except for the -exec family) and several ARGs giving
;; one primary each, or-ed together (and-ed for the -exec family).
;; The top-level forms follow each other, which find reads as "and".

;;; Code:

(defconst find-constituents
  (let ((entry
         ;; What each test takes: for the combining ones the function of
         ;; the argument list, else `find-generic's arguments after the
         ;; option's name, the least number of arguments first.
         (lambda (name)
           (cons name
                 (cond ((memq name '(and a)) 'find-and)
                       ((memq name '(or o)) 'find-or)
                       ((memq name '(not n)) 'find-not)
                       ((memq name '(L P H empty executable false nogroup nouser perm readable
                                       true writable daystart depth mount noleaf
                                       ignore_readdir_race noignore_readdir_race xdev delete
                                       print0 print ls prune quit))
                        (list 0))
                       ((eq name 'xtype) (list nil))
                       ((eq name 'fprintf) (list 2))
                       ((memq name '(exec ok execdir okdir)) (list 1 'find-command t))
                       (t (list 1)))))))
    ;; In GNU's order: `prune' comes twice, first as the combining form.
    (append (mapcar entry '(and not or a n o))
            (list (cons 'prune 'find-prune))
            (mapcar entry '(L P H amin anewer atime cmin cnewer ctime empty executable false fstype
                              gid group ilname iname inum ipath iregex iwholename links lname mmin
                              mtime name newer nogroup nouser path perm readable regex samefile
                              size true type uid used user wholename writable xtype daystart depth
                              maxdepth mindepth mount noleaf ignore_readdir_race
                              noignore_readdir_race regextype xdev delete print0 printf fprintf
                              print fprint0 fprint ls fls prune quit exec ok execdir okdir))))
  "The tests `find-cmd' knows, as (NAME . HOW).
HOW is a function of the argument list for the forms that combine
others, else (ARGCOUNT [OPER [DONT-QUOTE]]) as `find-generic' takes
them.")

;;;###autoload
(defun find-cmd (&rest subfinds) "The find command line for the forms SUBFINDS, searching `default-directory'.
See `find-constituents' for the tests a form may use."
  (let ((where (shell-quote-argument (expand-file-name default-directory))))
    (format "%s %s %s" find-program where (apply #'concat (mapcar #'find-to-string subfinds)))))

(defun find-to-string (form) "The find arguments for FORM: a string as it is, a list (TEST ARG...) per `find-constituents'."
  (pcase form
    ((pred stringp) form)
    (`(,test . ,args)
     (pcase (assq test find-constituents)
       ('nil (error "Sorry I don't know how to handle `%s'" test))
       (`(,_ . ,(and combine (pred functionp))) (funcall combine args))
       (`(,_ ,least . ,more)
        (find-generic (symbol-name test) (car more) least args (cadr more)))))))

(defun find--group (forms joiner) "FORMS as find arguments, joined by JOINER inside escaped parentheses when more than one."
  (if (cdr forms)
      (concat "\\( " (mapconcat #'find-to-string forms joiner) "\\) ")
    (find-to-string (car forms))))

(defun find-and (form) "The find arguments true when all of the forms of the list FORM are." (find--group form "-and "))

(defun find-or (form) "The find arguments true when any of the forms of the list FORM is." (find--group form "-or "))

(defun find-not (form) "The find arguments true when the forms of the list FORM, or-ed, are not."
  (format "-not %s" (or (find-or form) "")))

(defun find-prune (form) "The find arguments pruning the directories the forms of the list FORM, or-ed, match."
  (format "\\( %s-prune -or -true \\) " (or (find-or form) "")))

(defun find-generic (option &optional oper argcount args dont-quote) "The find primary -OPTION once per element of ARGS.
ARGCOUNT is the least number of ARGS; the primaries are combined by
OPER, a function of their list (default `find-or'); unless DONT-QUOTE
the arguments are shell-quoted."
  (when (and argcount (< (length args) argcount))
    (error "`%s' needs at least %d arguments" option argcount))
  (let ((head (concat "-" option " ")))
    (funcall (or oper #'find-or)
             (if args
                 (mapcar (lambda (arg) (concat head (if dont-quote arg (shell-quote-argument arg)) " "))
                         args)
               (list head)))))

(defun find-command (form) "The commands of the list FORM for -exec, each ended by an escaped semicolon, and-ed."
  (let ((ended (mapcar (lambda (cmd) (format "%s\\;" cmd)) form)))
    (if (cdr ended)
        (format "\\( %s \\) " (mapconcat #'identity ended " -and "))
      (format "%s " (car ended)))))

(provide 'find-cmd)

;;; find-cmd.el ends here
