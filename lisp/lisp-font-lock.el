;;; lisp-font-lock.el --- Font Lock keywords of the Lisp modes  -*- lexical-binding: t -*-

;; Written for tsmacs from the behaviour of GNU Emacs 28.2 in batch.  The
;; regexps are the values GNU's Lisp modes use (as `regexp-opt' would build
;; them from the lists of defining forms and keywords); the functions that
;; match what a regexp cannot say are ours, written from what they highlight.

(defun lisp-fl--defined-name-face () "Return the face for the name the defining form just matched defines, or nil.
Group 1 is the defining form, 2 an opening paren before the name, 4 a
`setf' in (setf NAME)."
  (pcase (get (intern-soft (match-string 1)) 'lisp-define-type)
    ('var font-lock-variable-name-face)
    ('type font-lock-type-face)
    (_ (if (or (match-beginning 4) (null (match-beginning 2)))
           font-lock-function-name-face))))

(defconst lisp-fl--definer-face '(lisp-fl--defined-name-face)
  "Form choosing the face of the name a defining form defines.")

(dolist (pair '((defvar . var) (defconst . var) (defcustom . var) (defvar-local . var)
                (defvaralias . var) (defface . var) (defparameter . var) (defconstant . var)
                (define-symbol-macro . var) (cl-defstruct . type) (cl-deftype . type)
                (defclass . type) (defgroup . type) (deftheme . type) (defpackage . type)
                (deftype . type) (defstruct . type)))
  (put (car pair) 'lisp-define-type (cdr pair)))

(defconst lisp-fl--hidden-arg-highlight
  '(0 '(face font-lock-warning-face
           help-echo "Easy to misread; consider moving the element to the next line")
      prepend)
  "How an argument hidden after a multi-line sexp is highlighted.")

(defun lisp-fl--string-state-p (pos) "Non-nil if POS is inside a string."
  (nth 3 (save-excursion (syntax-ppss pos))))

(defun lisp-fl--position-in-list (open pos) "Return (HEAD . INDEX): the head symbol of the list opening at OPEN, and the index there of the element starting at POS."
  (save-excursion (goto-char (1+ open))
    (let ((index 0) (head nil) (stop nil))
      (ignore-errors
        (while (not stop)
          (forward-comment most-positive-fixnum)
          (if (<= pos (point))
              (setq stop t)
            (let ((elt-start (point)))
              (forward-sexp)
              (if (zerop index)
                  (setq head (intern-soft (buffer-substring-no-properties elt-start (point)))))
              (setq index (+ index 1))))))
      (cons head index))))

(defconst lisp-fl--binding-forms '(let let* letrec dlet)
  "Forms whose first argument is a list of variable bindings, not a call.")

(defun lisp--el-funcall-position-p (pos) "Non-nil if the list opening at POS is in the place of a call, as Lisp keywords want.
A quoted list is not, nor is a `let' variable list or one of its bindings,
nor a `condition-case' handler."
  (save-excursion (goto-char pos)
    (if (and (eq (char-before) ?') (not (eq (char-before (1- (point))) ?#)))
        nil
      (let ((outer (nth 1 (syntax-ppss pos))))
        (or (null outer)
            (let* ((place (lisp-fl--position-in-list outer pos))
                   (head (car place)) (index (cdr place)))
              (cond
               ((and (memq head lisp-fl--binding-forms) (= index 1)) nil)
               ((and (eq head 'condition-case) (>= index 3)) nil)
               (t
                (let ((grand (nth 1 (syntax-ppss outer))))
                  (or (null grand)
                      (let ((up (lisp-fl--position-in-list grand outer)))
                        (not (and (memq (car up) lisp-fl--binding-forms) (= (cdr up) 1))))))))))))))

(defun lisp--el-match-keyword (limit) "Find the next call of a special form or macro before LIMIT; its name is group 1."
  (let ((hit nil))
    (while (and (not hit)
                (re-search-forward "(\\(\\(?:\\sw\\|\\s_\\|\\\\.\\)+\\)\\_>" limit t))
      (let ((sym (intern-soft (match-string 1))))
        (when (and sym
                   (or (special-form-p sym) (macrop sym))
                   (not (get sym 'no-font-lock-keyword))
                   (save-match-data (lisp--el-funcall-position-p (match-beginning 0))))
          (setq hit t))))
    hit))

(defun lisp--match-hidden-arg (limit) "Find, before LIMIT, an argument that follows on the line where a multi-line sexp ends.
The match runs from it to the end of its line."
  (let ((hit nil))
    (while (and (not hit) (re-search-forward ")" limit t))
      (let ((close (point)))
        (unless (save-excursion (nth 8 (syntax-ppss (1- close))))
          (let ((open (condition-case nil (scan-lists close -1 0) (error nil))))
            (when (and open
                       (< open (line-beginning-position))
                       (save-excursion (skip-chars-forward "\t ")
                         (not (or (eolp) (memq (char-after) '(?\) ?\;))))))
              (skip-chars-forward "\t ")
              (set-match-data (list (point) (line-end-position)))
              (end-of-line)
              (setq hit t))))))
    hit))

(defun lisp--match-confusable-symbol-character (limit) "Find, before LIMIT, an unescaped quotation mark that Lisp would read as part of a symbol."
  (let ((hit nil))
    (while (and (not hit) (re-search-forward "[\u2018\u2019\u201b\u201c\u201d\u201f\u301e\uff02\uff07]" limit t))
      (unless (eq (char-before (match-beginning 0)) ?\\)
        (setq hit t)))
    hit))

(defconst lisp-fl--string-escapes (string-to-list "abdefnrstvxuUN01234567CMSHA^ \n")
  "The characters a backslash in a string may stand before and mean something.")

(defun elisp--font-lock-backslash () "Return the warning face for the backslash of the last match if it is a misleading single escape in a string."
  (let ((at (match-beginning 1)))
    (and (lisp-fl--string-state-p at)
         (save-excursion (goto-char at)
           (= 0 (% (- (skip-chars-backward "\\\\")) 2)))
         (not (memq (char-after (1+ at)) lisp-fl--string-escapes))
         '(face font-lock-warning-face help-echo "This \\ has no effect"))))

(defun lisp-fl--match-regexp-grouping (limit) "Find, before LIMIT, a regexp grouping construct written in a string; the backslashes are group 1, the construct group 3."
  (catch 'lisp-fl--grouping
    (while (re-search-forward "\\(\\\\\\\\\\)\\(?:\\(\\\\\\\\\\)\\|\\((\\(?:\\?[0-9]*:\\)?\\|[|)]\\)\\)" limit t)
      (and (null (match-beginning 2))
           (eq (get-text-property (match-beginning 1) 'face) 'font-lock-string-face)
           (throw 'lisp-fl--grouping t)))
    nil))

(defconst lisp-el-font-lock-keywords-1
  `(("(\\(cl-def\\(?:generic\\|m\\(?:acro\\|ethod\\)\\|s\\(?:\\(?:truc\\|ubs\\)t\\)\\|type\\|un\\)\\|def\\(?:a\\(?:dvice\\|lias\\)\\|c\\(?:lass\\|onst\\|ustom\\)\\|face\\|g\\(?:eneric\\|roup\\)\\|ine-\\(?:advice\\|derived-mode\\|g\\(?:\\(?:eneric\\|lobal\\(?:\\(?:ized\\)?-minor\\)\\)-mode\\)\\|inline\\|minor-mode\\|skeleton\\|widget\\)\\|m\\(?:acro\\|ethod\\)\\|subst\\|theme\\|un\\|var\\(?:-local\\|alias\\)?\\)\\|ert-deftest\\)\\_>[ 	']*\\(([ 	']*\\)?\\(\\(setf\\)[ 	]+\\(?:\\sw\\|\\s_\\|\\\\.\\)+\\|\\(?:\\sw\\|\\s_\\|\\\\.\\)+\\)?" (1 font-lock-keyword-face) (3 ,lisp-fl--definer-face nil t))
    ("^;;;###\\([-a-z]*autoload\\)" 1 font-lock-warning-face prepend))
  "Emacs Lisp mode's first level of Font Lock keywords: definitions.")

(defconst lisp-el-font-lock-keywords-2
  `(,@lisp-el-font-lock-keywords-1
    ("\\[\\(\\^\\)" 1 font-lock-negation-char-face prepend)
    ("(\\(cl-\\(?:assert\\|check-type\\)\\|error\\|signal\\|user-error\\|warn\\)\\_>" (1 font-lock-warning-face))
    (lisp--el-match-keyword . 1)
    ("(\\(catch\\|throw\\|featurep\\|provide\\|require\\)\\_>[ 	']*\\(\\(?:\\sw\\|\\s_\\|\\\\.\\)+\\)?" (1 font-lock-keyword-face) (2 font-lock-constant-face nil t))
    ("\\\\\\\\\\[\\(\\(?:\\sw\\|\\s_\\|\\\\.\\)+\\)\\]" (1 font-lock-constant-face prepend))
    ("\\(\\\\\\)\\([^\"\\]\\)" (1 (elisp--font-lock-backslash) prepend))
    ("[`‘']\\(\\(?:\\sw\\|\\s_\\|\\\\.\\)+\\)['’]" (1 font-lock-constant-face prepend))
    ("\\_<:\\(?:\\sw\\|\\s_\\|\\\\.\\)+\\_>" (0 font-lock-builtin-face))
    ("\\_<&\\(?:\\sw\\|\\s_\\|\\\\.\\)+\\_>" . font-lock-type-face)
    (lisp-fl--match-regexp-grouping
     (1 'font-lock-regexp-grouping-backslash prepend)
     (3 'font-lock-regexp-grouping-construct prepend))
    (lisp--match-hidden-arg ,lisp-fl--hidden-arg-highlight)
    (lisp--match-confusable-symbol-character
     0 '(face font-lock-warning-face help-echo "Confusable character")))
  "Emacs Lisp mode's second level of Font Lock keywords: also calls of macros and special forms, constants and warnings.")

(defvar lisp-el-font-lock-keywords lisp-el-font-lock-keywords-1 "Emacs Lisp mode's default Font Lock keywords.")

(defconst lisp-cl-font-lock-keywords-1
  `(("(\\(def\\(?:c\\(?:lass\\|onstant\\)\\|generic\\|ine-\\(?:co\\(?:mpiler-macro\\|ndition\\)\\|m\\(?:ethod-combination\\|odify-macro\\)\\|s\\(?:etf-expander\\|ymbol-macro\\)\\)\\|m\\(?:acro\\|ethod\\)\\|pa\\(?:ckage\\|rameter\\)\\|s\\(?:etf\\|\\(?:truc\\|ubs\\)t\\)\\|type\\|un\\|var\\)\\)\\_>[ 	']*\\(([ 	']*\\)?\\(\\(setf\\)[ 	]+\\(?:\\sw\\|\\s_\\|\\\\.\\)+\\|\\(?:\\sw\\|\\s_\\|\\\\.\\)+\\)?" (1 font-lock-keyword-face) (3 ,lisp-fl--definer-face nil t)))
  "Lisp mode's first level of Font Lock keywords: definitions.")

(defconst lisp-cl-font-lock-keywords-2
  `(,@lisp-cl-font-lock-keywords-1
    ("\\[\\(\\^\\)" 1 font-lock-negation-char-face prepend)
    ("(\\(b\\(?:\\(?:loc\\|rea\\)k\\)\\|c\\(?:ase\\|case\\|o\\(?:mpiler-let\\|nd\\(?:ition-case\\)?\\)\\|typecase\\)\\|d\\(?:e\\(?:cla\\(?:im\\|re\\)\\|structuring-bind\\)\\|o\\(?:\\*\\|list\\|times\\)?\\)\\|e\\(?:case\\|typecase\\|val-when\\)\\|flet\\*?\\|go\\|handler-\\(?:bind\\|case\\)\\|i\\(?:f\\|gnore-errors\\|n-package\\)\\|l\\(?:a\\(?:bels\\|mbda\\)\\|et[*f]?\\|o\\(?:cally\\|op\\)\\)\\|m\\(?:acrolet\\|ultiple-value-\\(?:bind\\|prog1\\)\\)\\|pro\\(?:claim\\|g[*12nv]?\\)\\|re\\(?:start-\\(?:bind\\|case\\)\\|turn\\(?:-from\\)?\\)\\|symbol-macrolet\\|t\\(?:agbody\\|\\(?:h\\|ypecas\\)e\\)\\|un\\(?:less\\|wind-protect\\)\\|w\\(?:h\\(?:en\\|ile\\)\\|ith-\\(?:accessors\\|co\\(?:mpilation-unit\\|ndition-restarts\\)\\|hash-table-iterator\\|input-from-string\\|o\\(?:pen-\\(?:file\\|stream\\)\\|utput-to-string\\)\\|package-iterator\\|s\\(?:imple-restart\\|lots\\|tandard-io-syntax\\)\\)\\)\\)\\_>" . 1)
    ("(\\(catch\\|throw\\|provide\\|require\\)\\_>[ 	']*\\(\\(?:\\sw\\|\\s_\\|\\\\.\\)+\\)?" (1 font-lock-keyword-face) (2 font-lock-constant-face nil t))
    ("(\\(a\\(?:\\(?:bo\\|sse\\)rt\\)\\|c\\(?:error\\|heck-type\\)\\|error\\|signal\\|warn\\)\\_>" (1 font-lock-warning-face))
    ("[`‘]\\(\\(?:\\sw\\|\\s_\\|\\\\.\\)+\\)['’]" (1 font-lock-constant-face prepend))
    ("#:\\(?:\\sw\\|\\s_\\|\\\\.\\)+" 0 font-lock-builtin-face)
    ("\\_<:\\(?:\\sw\\|\\s_\\|\\\\.\\)+\\_>" (0 font-lock-builtin-face))
    ("\\_<&\\(?:\\sw\\|\\s_\\|\\\\.\\)+\\_>" . font-lock-type-face)
    ("(\\(\\(do-\\|with-\\)\\(?:\\sw\\|\\s_\\|\\\\.\\)+\\)" (1 font-lock-keyword-face))
    (lisp--match-hidden-arg ,lisp-fl--hidden-arg-highlight))
  "Lisp mode's second level of Font Lock keywords.")

(defvar lisp-cl-font-lock-keywords lisp-cl-font-lock-keywords-1 "Lisp mode's default Font Lock keywords.")
(defvar lisp-font-lock-keywords lisp-el-font-lock-keywords-1 "The default Font Lock keywords of Lisp modes.")
(defvar lisp-font-lock-keywords-1 lisp-el-font-lock-keywords-1 "The first level of the Lisp modes' keywords.")
(defvar lisp-font-lock-keywords-2 lisp-el-font-lock-keywords-2 "The second level of the Lisp modes' keywords.")

(defun lisp-fl--defaults (elisp) "Return the `font-lock-defaults' of a Lisp mode: of Emacs Lisp when ELISP is non-nil."
  (list (if elisp
            '(lisp-el-font-lock-keywords lisp-el-font-lock-keywords-1 lisp-el-font-lock-keywords-2)
          '(lisp-cl-font-lock-keywords lisp-cl-font-lock-keywords-1 lisp-cl-font-lock-keywords-2))
        nil (not elisp) nil nil
        '(font-lock-mark-block-function . mark-defun)
        '(font-lock-extra-managed-props help-echo)
        '(font-lock-syntactic-face-function . lisp-font-lock-syntactic-face-function)))

(font-lock-add-keywords 'emacs-lisp-mode '((shorthands-font-lock-shorthands)) t)

(provide 'lisp-font-lock)

;;; lisp-font-lock.el ends here
