;;; ibuf-macs.el --- the macros Ibuffer's libraries are written with  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and the
;; Emacs manual's "Buffer Menus" node.  Columns, sorters, operations and
;; filters of Ibuffer are each declared with one macro here; each macro
;; hands its parts to an installer function in ibuffer.el.  The anaphoric
;; `ibuffer-aif'/`ibuffer-awhen' bind `it'.  The defining macros are
;; autoloaded (autoloads.el); ibuffer.el and ibuf-ext.el require this file.

;;; Code:

(eval-when-compile (require 'cl-lib))

(defmacro ibuffer-aif (test then &rest else) "Evaluate TEST; if non-nil run THEN with `it' bound to it, else ELSE."
  (declare (indent 2)) (let ((tmp (make-symbol "tmp"))) `(let ((,tmp ,test))
       (if (null ,tmp) (progn ,@else)
         (let ((it ,tmp)) ,then)))))

(defmacro ibuffer-awhen (test &rest forms) "Evaluate TEST; if non-nil run FORMS with `it' bound to it."
  (declare (indent 1)) (let ((tmp (make-symbol "tmp"))) `(let ((,tmp ,test))
       (when ,tmp (let ((it ,tmp)) ,@forms)))))

(defmacro ibuffer-save-marks (&rest forms) "Run FORMS, then give every listed buffer back the mark it had."
  (declare (indent 0)) (let ((before (make-symbol "before")) (where (make-symbol "where")))
    `(let* ((,where (current-buffer))
            (,before (ibuffer-current-state-list)))
       (unwind-protect (progn ,@forms)
         (ibuffer--restore-marks ,where ,before)))))

(cl-defmacro define-ibuffer-column (col (&key name props summarizer inline header-mouse-map) &rest forms) "Define the Ibuffer column COL, whose text in a buffer's line is FORMS' value.
FORMS run in that buffer with `buffer' and `mark' bound.  NAME titles the
column (COL's name capitalized by default); SUMMARIZER, a function of the
list of the column's texts, gives the summary line's text; PROPS are text
properties for the cell.  INLINE and HEADER-MOUSE-MAP are accepted and
have no effect here."
  (declare (indent defun)) (ignore inline header-mouse-map)
  (let ((docstring (and (stringp (car forms)) (cdr forms) (pop forms)))
        (value (if props `(apply #'propertize (progn ,@forms) (list ,@props)) `(progn ,@forms))))
    `(ibuffer--install-column ',col ,(or name (capitalize (symbol-name col))) ,summarizer
                              (lambda (buffer mark) ,@(and docstring (list docstring))
                                (ignore mark) (with-current-buffer buffer ,value)))))

(cl-defmacro define-ibuffer-sorter (mode documentation (&key description) &rest forms) "Define the sorting mode MODE: FORMS compare `a' and `b'.
Each is (BUFFER . MARK); FORMS return non-nil when A goes first.  Also
defines the command `ibuffer-do-sort-by-MODE' with DOCUMENTATION."
  (declare (indent 1) (doc-string 2)) `(ibuffer--install-sorter ',mode ,(or description (symbol-name mode)) ,documentation
                            (lambda (a b) (ignore a b) ,@forms)))

(cl-defmacro define-ibuffer-op (op args documentation
                                    (&key interactive mark modifier-p dangerous complex before after
                                          (opstring "operated on") (active-opstring "Operate on"))
                                    &rest forms) "Define `ibuffer-do-OP' (or OP when so named), acting on the marked buffers.
ARGS and INTERACTIVE are its arguments and `interactive' spec.  FORMS run
for each buffer marked (MARK `:deletion': marked for deletion) with `buf'
bound: in that buffer, or, with COMPLEX, in the Ibuffer buffer with their
value nil to stop, `kill' to remove the line.  DANGEROUS asks first, with
ACTIVE-OPSTRING; OPSTRING ends the final message.  MODIFIER-P non-nil
redisplays afterwards.  BEFORE and AFTER are forms run around the loop."
  (declare (indent 2) (doc-string 3)) (let* ((name (symbol-name op))
         (cmd (if (string-match-p "\\`ibuffer-do" name) op (intern (concat "ibuffer-do-" name))))
         (spec (cond ((stringp interactive) `(interactive ,interactive))
                     (interactive `(interactive ,interactive))
                     (t '(interactive)))))
    `(defun ,cmd ,args ,(or documentation "Operate on the marked buffers.")
       ,spec
       ,before
       (ibuffer--run-op ,(if (eq mark :deletion) 'ibuffer-deletion-char 'ibuffer-marked-char)
                        ,(and dangerous active-opstring) ,(and modifier-p t) ,opstring
                        ,(if complex `(lambda (buf) (ignore buf) ,@forms)
                           `(lambda (buf) (with-current-buffer buf ,@forms) t)))
       ,after)))

(cl-defmacro define-ibuffer-filter (filter documentation (&key description reader accept-list) &rest forms) "Define the filter FILTER; FORMS test `buf' against `qualifier'.
They return non-nil to keep the buffer listed.  READER is a form reading a
qualifier for the command `ibuffer-filter-by-FILTER' (DOCUMENTATION is its
docstring); DESCRIPTION names the filter in messages.  With ACCEPT-LIST,
a list qualifier becomes an `or' of one filter per element."
  (declare (indent 2) (doc-string 2)) `(ibuffer--install-filter ',filter ,(or description (symbol-name filter)) ,documentation
                            (lambda () ,reader) ,(and accept-list t)
                            (lambda (buf qualifier) (ignore buf qualifier) ,@forms)))

(provide 'ibuf-macs)
;;; ibuf-macs.el ends here
