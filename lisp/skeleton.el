;;; skeleton.el --- insert text from templates (skeletons)  -*- lexical-binding: t -*-

;; Part of tsmacs.  Written from GNU Emacs 28.2's observed behaviour.
;;
;; A skeleton is (INTERACTOR ELEMENT...).  The INTERACTOR gives `str'
;; when an element asks for it: nil (then `str' is what the caller
;; passed), a prompt string for `read-string', or a Lisp form.  The
;; elements are inserted in turn:
;;   a string or character    inserted (strings through
;;                            `skeleton-transformation-function')
;;   a negative number -N     the N characters before point deleted
;;   \n                       a newline, indented; nothing at the start
;;                            of a line
;;   >                        the line indented for the mode
;;   _ or -                   an interesting place: point ends at the
;;                            first one (else after the skeleton)
;;   @                        the place pushed on `skeleton-positions'
;;   & ELEMENT                ELEMENT only when the one before inserted
;;                            something; | ELEMENT only when it did not
;;   'FORM                    FORM evaluated, its value ignored
;;   str                      the interactor's answer, asked for once
;;   (INTERACTOR ELEMENT...)  a sub-skeleton, inserted once per answer of
;;                            its interactor until an empty one
;;   resume: and nil          nothing
;;   any other form           evaluated, its value inserted as an element
;; What is not here: wrapping the region or words around point (a
;; REGIONS argument other than nil or 0), `skeleton-pair' insertion and
;; the end-of-skeleton newline.

;;; Code:

(eval-when-compile (require 'cl-lib))
(require 'cl-lib)

(defvar skeleton-transformation-function #'identity "Function applied to each string a skeleton inserts.")
(defvar skeleton-end-hook nil "Hook run after a skeleton is inserted.")
(defvar skeleton-end-newline t "Non-nil when a skeleton is to end at a new line (not acted on here).")
(defvar skeleton-further-elements nil "Variable bindings (VAR VALUE) added for the elements of a skeleton.")
(defvar skeleton-autowrap t "Non-nil when an active region is wrapped by the first interesting place.")
(defvar skeleton-debug nil "Non-nil shows the skeleton being inserted, for debugging.")
(defvar skeleton-pair nil "Non-nil makes `skeleton-pair-insert-maybe' insert matching pairs.")
(defvar skeleton-newline-indent-rigidly nil "Non-nil indents a skeleton's new lines like the first one.")
(defvar v1 nil "A variable a skeleton may use freely; nil at its start.")
(defvar v2 nil "A second variable a skeleton may use freely; nil at its start.")
(defvar skeleton-positions nil "The places the last skeleton's @ elements marked, latest first.")

(defvar skeleton--marked nil "Non-nil when the last skeleton inserted had an interesting place (`_' or `-').")

(defvar skeleton--answer nil "The interactor and answer of the skeleton being inserted, as (INTERACTOR . STR).")

(defun skeleton--str () "The answer of the current interactor, asked for the first time it is needed."
  (let ((cell skeleton--answer))
    (unless (cdr cell)
      (let ((ask (car cell)))
        (setcdr cell (cons 'answered
                           (cond ((stringp ask) (read-string ask))
                                 ((null ask) nil)
                                 (t (eval ask t)))))))
    (cddr cell)))

(defun skeleton--element (element moved) "Insert the skeleton ELEMENT; MOVED says whether the one before inserted something.
Returns the list of interesting places it marked."
  (cond ((null element) nil)
        ((stringp element) (insert (funcall skeleton-transformation-function element)) nil)
        ((integerp element)
         (if (< element 0)
             (delete-char element)
           (insert (funcall skeleton-transformation-function (char-to-string element))))
         nil)
        ((eq element '\n)
         (unless (and (bolp) moved)
           (newline)
           (indent-according-to-mode))
         nil)
        ((memq element '(_ -)) (list (point)))
        ((memq element '(> @ resume:))
         (pcase element
           ('> (indent-according-to-mode))
           ('@ (setq skeleton-positions (cons (point) skeleton-positions))))
         nil)
        ((eq element 'str) (skeleton--element (skeleton--str) moved))
        ((eq (car-safe element) 'quote) (eval (cadr element) t) nil)
        ((and (consp element) (or (null (car element)) (stringp (car element)) (consp (car element))))
         ;; A sub-skeleton, again and again while its interactor is
         ;; answered: an empty answer takes back that round's text.
         (let ((marks nil) (again t))
           (while again
             (let* ((start (point))
                    (skeleton--answer (list (car element)))
                    (round (skeleton--elements (cdr element)))
                    (answer (cdr skeleton--answer)))
               (if (and answer (equal (cdr answer) ""))
                   (progn (delete-region start (point)) (setq again nil))
                 (setq marks (append marks round)
                       ;; A round that asked nothing would never end.
                       again (and answer t)))))
           marks))
        ((or (consp element) (symbolp element))
         (skeleton--element (eval element t) moved))
        (t (signal 'wrong-type-argument (list 'skeleton-element element)))))

(defun skeleton--elements (elements) "Insert the skeleton ELEMENTS in turn; the interesting places they marked."
  (let ((marks nil) (moved nil))
    (while elements
      (let ((element (pop elements)))
        (pcase element
          ('& (unless moved (pop elements)))
          ('| (when moved (pop elements)))
          (_ (let ((before (point)))
               (setq marks (append marks (skeleton--element element moved))
                     moved (/= before (point))))))))
    marks))

(defun skeleton-insert (skeleton &optional regions str) "Insert SKELETON at point: (INTERACTOR ELEMENT...).
See the commentary of skeleton.el for the elements.  STR, when
non-nil, is the answer of the top-level interactor.  REGIONS must
be nil or 0: wrapping text around point is not supported.  Point
ends at the first interesting place (`_' or `-'), if any."
  (unless (memq regions '(nil 0))
    (error "Skeleton regions are not supported: %S" regions))
  (let* ((skeleton--answer (cons (car skeleton) (and str (cons 'answered str))))
         (extra skeleton-further-elements)
         (marks (progn
                  (setq skeleton-positions nil)
                  (cl-progv (cons 'v1 (cons 'v2 (mapcar #'car extra)))
                      (cons nil (cons nil (mapcar (lambda (binding) (eval (cadr binding) t)) extra)))
                    (skeleton--elements (cdr skeleton))))))
    (setq skeleton--marked (consp marks))
    (let ((target (and marks (copy-marker (car marks)))))
      (run-hooks 'skeleton-end-hook)
      (when target
        (goto-char target)
        (set-marker target nil)))
    nil))

(defun skeleton-proxy-new (skeleton &optional str arg) "Insert SKELETON as a command made by `define-skeleton' does.
STR is the answer of its interactor; ARG, a prefix argument, must
be nil or 0."
  (skeleton-insert skeleton (and arg (prefix-numeric-value arg)) str)
  t)

(defmacro define-skeleton (command documentation &rest skeleton) "Define COMMAND, with DOCUMENTATION, to insert SKELETON.
The command takes the optional arguments STR (the interactor's
answer) and ARG (the prefix argument)."
  (declare (doc-string 2) (indent 1))
  (let ((doc (concat documentation "\n\nA skeleton command: see `skeleton-insert'.")))
    `(progn
       (defun ,command (&optional str arg) ,doc
              (interactive "*P\nP")
              (skeleton-proxy-new ',skeleton str arg))
       (put ',command 'no-self-insert t)
       ',command)))

(provide 'skeleton)

;;; skeleton.el ends here
