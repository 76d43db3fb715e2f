;;; lisp-mode.el --- Lisp mode helpers: parse states, the defun at point, docstring positions  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.  The Lisp
;; modes themselves are in modes.el and indentation in lisp-indent.el;
;; these are the helpers around them that programs call.  Autoloaded
;; (autoloads.el).

(defun lisp-ppss (&optional pos) "Return the parse state at POS (default point), counted from the innermost list around it.
Like `syntax-ppss', except that the last complete expression and the
least depth are those seen from that list's start (or the buffer's)."
  (let* ((pos (or pos (point)))
         (state (syntax-ppss pos))
         (from (or (nth 1 state) (point-min))))
    (if (= from pos)
        state
      (parse-partial-sexp from pos nil nil (syntax-ppss from)))))

(defun lisp-current-defun-name () "Return the name of the definition around point, as text, or nil.
The name is the expression after the head of the top-level form: a
quote before it and an opening paren around it are skipped."
  (save-excursion
    (end-of-defun) (beginning-of-defun)
    (when (eq (char-after) ?\()
      ;; Past the paren and the head, then any quote or paren.
      (forward-char 1) (forward-sexp 1) (skip-chars-forward " \t\n'(")
      (let ((start (point)))
        (forward-sexp 1)
        (and (< start (point)) (buffer-substring-no-properties start (point)))))))

(defun lisp-find-tag-default () "Return the symbol at point as a tag name, any package prefix before a colon dropped."
  (let ((tag (find-tag-default)))
    (if (and tag (string-match ":+\\([^:]+\\)\\'" tag))
        (match-string 1 tag)
      tag)))

(defun lisp-string-after-doc-keyword-p (listbeg startpos) "Return non-nil if the string at STARTPOS follows the keyword :documentation in the list at LISTBEG."
  (and listbeg
       (save-excursion
         (goto-char startpos)
         (let ((after (point)))
           (ignore-errors (forward-sexp -1))
           (and (< (point) after) (looking-at ":documentation\\_>"))))))

(defun lisp-string-in-doc-position-p (listbeg startpos) "Return non-nil if the string at STARTPOS is where the form at LISTBEG keeps a docstring.
The form's head names a function or macro whose `doc-string-elt'
property gives that position."
  (save-excursion
    (goto-char (1+ listbeg))
    (let* ((head (ignore-errors (read (current-buffer))))
           (elt (and (symbolp head) head (function-get head 'doc-string-elt)))
           (index 1))
      ;; A function computes the index from the form after its head.
      (when (and elt (symbolp elt) (fboundp elt))
        (setq elt (save-excursion (funcall elt))))
      (when (integerp elt)
        (condition-case nil
            (progn
              (while (progn (forward-comment (point-max)) (< (point) startpos))
                (forward-sexp 1)
                (setq index (1+ index)))
              (and (= (point) startpos) (= index elt)))
          (error nil))))))

;;; The state `lisp-indent-region' carries from line to line.

(defun lisp-adaptive-fill () "Return the fill prefix for the line at point if it is only an indented string, else nil.
Such a line gets the empty prefix: the string stays where it is."
  (and (looking-at "\\s-+\"[^\n\"]+\"\\s-*$") ""))

(defun lisp-font-lock-syntactic-face-function (state) "Return the face for the string or comment that the parse STATE is in.
A string where its list keeps a docstring, or after :documentation,
gets `font-lock-doc-face', any other string `font-lock-string-face',
and a comment `font-lock-comment-face'."
  ;; The faces' variables, so that a buffer may rebind them.
  (if (not (nth 3 state))
      font-lock-comment-face
    (let ((open (nth 1 state))
          (string-start (nth 8 state)))
      (if (and open
               (or (lisp-string-in-doc-position-p open string-start)
                   (lisp-string-after-doc-keyword-p open string-start)))
          font-lock-doc-face
        font-lock-string-face))))

;;;###autoload
(defvar cl-struct-lisp-indent-state-tags nil "The tags of `lisp-indent-state' records.")
(cl-struct-define 'lisp-indent-state "State carried by Lisp indentation from one line to the next."
                  'cl-structure-object 'record nil
                  '((cl-tag-slot) (stack) (ppss) (ppss-point))
                  'cl-struct-lisp-indent-state-tags 'lisp-indent-state t)

(defun lisp-indent-state-p (object) "Return t if OBJECT is a `lisp-indent-state' record."
  (and (memq (type-of object) cl-struct-lisp-indent-state-tags) t))

(defun lisp-indent--state-slot (state n) "Return slot N of the indentation STATE, checking its type."
  (or (lisp-indent-state-p state)
      (signal 'wrong-type-argument (list 'lisp-indent-state state)))
  (aref state n))

(defun lisp-indent-state-stack (state) "Return the column stack of the indentation STATE."
  (lisp-indent--state-slot state 1))
(defun lisp-indent-state-ppss (state) "Return the parse state held by the indentation STATE."
  (lisp-indent--state-slot state 2))
(defun lisp-indent-state-ppss-point (state) "Return the position the parse state of STATE is for."
  (lisp-indent--state-slot state 3))
(dolist (slot '((lisp-indent-state-stack . 1) (lisp-indent-state-ppss . 2)
                (lisp-indent-state-ppss-point . 3)))
  (let ((n (cdr slot)))
    (put (car slot) 'gv-expander
         (lambda (do state)
           (gv-letplace (_get _set) state
             (funcall do `(aref ,state ,n)
                      (lambda (v) `(aset ,state ,n ,v))))))))

(defalias 'copy-lisp-indent-state #'copy-sequence)

(defun lisp-indent-initial-state () "Return the indentation state at point: its parse state and an empty column stack."
  (let ((state (lisp-ppss)))
    (record 'lisp-indent-state (make-list (1+ (car state)) nil) state (point))))

(provide 'lisp-mode)
