;;; quail.el --- defining Quail input method packages  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and the
;; Emacs Lisp Reference Manual.

;; A Quail package is a list of sixteen slots (name, title, map, guidance,
;; docstring, translation keymap, forget-last-selection, deterministic,
;; kbd-translate, show-layout, decode map, maximum-shortest, overlay plist,
;; update-translation function, conversion keymap, simple), kept in
;; `quail-package-alist'.  Its map is a tree: each node is
;; (TRANSLATION . ALIST) and ALIST pairs a key character with the node
;; reached by typing it.  Batch Emacs reads no keys through an input
;; method, so only the definitions and the map lookups are here.

;;; Code:

(defvar quail-package-alist nil "The Quail packages defined, newest first: each a list of sixteen slots.")
(defvar quail-current-package nil "The Quail package that definitions and lookups apply to.")
(make-variable-buffer-local 'quail-current-package)
(put 'quail-current-package 'permanent-local t)
(defvar quail-guidance-str "" "The text Quail shows as guidance for the current input.")

(defvar quail-translation-keymap (make-sparse-keymap) "The keymap Quail uses while translating; batch uses none.")
(defvar quail-simple-translation-keymap (make-sparse-keymap) "The keymap of simple Quail packages while translating.")
(defvar quail-conversion-keymap (make-sparse-keymap) "The keymap Quail uses while converting; batch uses none.")

(defun quail-package (name) "The Quail package named NAME, or nil."
  (assoc name quail-package-alist))

(defun quail-select-package (name) "Make the Quail package named NAME current and return it."
  (let ((package (quail-package name)))
    (unless package (error "No Quail package `%s'" name))
    (setq quail-current-package package)))

(defmacro quail--slot (n) "The slot N of the current Quail package."
  `(nth ,n quail-current-package))

(defun quail-name () "The name of the current Quail package." (quail--slot 0))
(defun quail-map () "The map of the current Quail package." (quail--slot 2))
(defun quail-guidance () "Whether the current Quail package shows guidance." (quail--slot 3))
(defun quail-docstring () "The documentation of the current Quail package." (quail--slot 4))
(defun quail-translation-keymap () "The translation keymap of the current Quail package." (quail--slot 5))
(defun quail-forget-last-selection () "Whether the current Quail package forgets the last selection." (quail--slot 6))
(defun quail-deterministic () "Whether the current Quail package picks the first candidate at once." (quail--slot 7))
(defun quail-kbd-translate () "Whether the current Quail package translates the keyboard layout." (quail--slot 8))
(defun quail-show-layout () "Whether the current Quail package shows the keyboard layout." (quail--slot 9))
(defun quail-decode-map () "The decode map of the current Quail package." (quail--slot 10))
(defun quail-maximum-shortest () "Whether the current Quail package prefers its shortest keys." (quail--slot 11))
(defun quail-overlay-plist () "The overlay properties of the current Quail package." (quail--slot 12))
(defun quail-update-translation-function () "The translation-updating function of the current Quail package." (quail--slot 13))
(defun quail-conversion-keymap () "The conversion keymap of the current Quail package." (quail--slot 14))
(defun quail-simple () "Whether the current Quail package is a simple one." (quail--slot 15))

(defun quail-title () "The title of the current Quail package, with its conditional parts worked out.
A title that is a list joins its strings and, of each (SYMBOL THEN ELSE),
THEN when SYMBOL's value is non-nil and ELSE otherwise."
  (let ((title (quail--slot 1)))
    (if (stringp title)
        title
      (condition-case nil
          (mapconcat (lambda (part)
                       (cond ((stringp part) part)
                             ((symbol-value (car part)) (nth 1 part))
                             (t (nth 2 part))))
                     title "")
        (error "")))))

(defun quail--keymap (keys base) "A keymap of BASE with the (KEY . COMMAND) pairs of KEYS added."
  (if (null keys)
      base
    (let ((map (copy-keymap base)))
      (dolist (k keys)
        (define-key map (car k) (cdr k)))
      map)))

(defun quail-define-package (name language title &optional guidance docstring translation-keys forget-last-selection deterministic kbd-translate show-layout create-decode-map maximum-shortest overlay-plist update-translation-function conversion-keys simple) "Define the Quail package NAME for LANGUAGE, shown as TITLE, and make it current.
It is registered as an input method too.  The optional arguments fill
the package's slots; CREATE-DECODE-MAP non-nil starts an empty decode
map, and TRANSLATION-KEYS and CONVERSION-KEYS are (KEY . COMMAND) pairs
added to the standard keymaps.  Return NAME."
  (let ((package
         (list name title (list nil) guidance (or docstring "")
               (quail--keymap translation-keys
                              (if simple quail-simple-translation-keymap quail-translation-keymap))
               forget-last-selection deterministic kbd-translate show-layout
               (and create-decode-map (list 'decode-map))
               maximum-shortest overlay-plist update-translation-function
               (and conversion-keys (quail--keymap conversion-keys quail-conversion-keymap))
               simple))
        (old (quail-package name)))
    (if old
        (setcdr old (cdr package))
      (push package quail-package-alist))
    (setq quail-current-package (or old package))
    (register-input-method name language 'quail-use-package title (or docstring ""))
    name))

(defun quail--valid-translation-p (trans) "Whether TRANS can be the translation of a Quail map node."
  (or (null trans) (characterp trans) (stringp trans) (vectorp trans) (symbolp trans)
      (and (consp trans) (consp (car trans)) (vectorp (cdr trans)))))

(defun quail-map-p (map) "Whether MAP has the shape of a Quail map: (TRANSLATION . ((CHAR . MAP)...))."
  (and (consp map)
       (quail--valid-translation-p (car map))
       (let ((ok t) (alist (cdr map)))
         (if (functionp alist)
             t
           (while (and ok (consp alist))
             (let ((e (car alist)))
               (setq ok (and (consp e) (integerp (car e))
                             (or (symbolp (cdr e)) (consp (cdr e))))))
             (setq alist (cdr alist)))
           ok))))

(defun quail-install-map (map &optional name) "Make MAP the map of the Quail package NAME, else of the current one; return MAP."
  (unless (quail-map-p map)
    (error "Invalid Quail map `%s'" map))
  (when name (quail-select-package name))
  (setcar (nthcdr 2 quail-current-package) map))

(defun quail-install-decode-map (decode-map &optional name) "Make DECODE-MAP the decode map of the Quail package NAME, else of the current one.
DECODE-MAP is a list starting with `decode-map' or a char-table."
  (unless (or (char-table-p decode-map) (eq (car-safe decode-map) 'decode-map))
    (error "Invalid Quail decode map `%s'" decode-map))
  (when name (quail-select-package name))
  (setcar (nthcdr 10 quail-current-package) decode-map))

(defun quail--candidates (trans) "The candidates TRANS offers, as a list."
  (cond ((stringp trans) (append trans nil))
        ((vectorp trans) (append trans nil))
        ((and (consp trans) (vectorp (cdr trans))) (append (cdr trans) nil))
        ((null trans) nil)
        (t (list trans))))

(defun quail--merge (old new) "The translation that offers the candidates of OLD, then those of NEW not already there."
  (let ((all (quail--candidates old)))
    (dolist (c (quail--candidates new))
      (unless (member c all) (setq all (append all (list c)))))
    (if (and (= (length all) 1) (not (vectorp old)))
        (car all)
      (cons (list 0 0 0 0 nil) (vconcat all)))))

(defun quail-defrule-internal (key trans map &optional append _decode-map _props) "Make KEY translate to TRANS in the Quail MAP; with APPEND add TRANS to what KEY offers.
Return the translation KEY now has."
  (unless (or (stringp key) (vectorp key))
    (error "Invalid Quail key `%s'" key))
  (let ((node map))
    (mapc (lambda (ch)
            (let ((next (assq ch (cdr node))))
              (unless next
                (setq next (list ch nil))
                (setcdr node (cons next (cdr node))))
              (setq node (cdr next))))
          key)
    (setcar node (if (and append (car node)) (quail--merge (car node) trans) trans))))

(defun quail-defrule (key translation &optional name append) "Make KEY translate to TRANSLATION in the Quail package NAME, else the current one.
With APPEND add TRANSLATION to the candidates KEY has.  Return the
translation KEY now has."
  (when name (quail-select-package name))
  (unless (or (stringp key) (vectorp key))
    (error "Invalid Quail key `%s'" key))
  (quail-defrule-internal key translation (quail-map) append))

(defun quail--rule-translation (trans) "TRANS of a `quail-define-rules' rule as the map keeps it: characters become strings in a vector."
  (cond ((characterp trans) (vector (string trans)))
        ((stringp trans) (vconcat (mapcar #'string trans)))
        ((vectorp trans) (vconcat (mapcar (lambda (c) (if (characterp c) (string c) c)) trans)))
        (t trans)))

(defmacro quail-define-rules (&rest rules) "Define the RULES, each (KEY TRANSLATION), in the current Quail package.
A first element that is a list of properties may hold (append . t): then
each translation is added to what its key already offers."
  (let ((append (and (consp (car rules)) (consp (caar rules))
                     (cdr (assq 'append (car rules))))))
    (when (and (consp (car rules)) (consp (caar rules)))
      (setq rules (cdr rules)))
    `(progn
       ,@(mapcar (lambda (rule)
                   `(quail--define-one-rule ,(car rule) ',(cadr rule) ,append))
                 rules)
       nil)))

(defun quail--define-one-rule (key trans append) "Define KEY as TRANS the way `quail-define-rules' does, APPEND saying whether to add."
  (let* ((node (quail--node (quail-map) key))
         (old (and node (car node))))
    (quail-defrule-internal key
                            (if (or append old)
                                (quail--merge old (quail--rule-translation trans))
                              (quail--rule-translation trans))
                            (quail-map))))

(defun quail--node (map key) "The node of MAP reached by KEY, or nil."
  (let ((node map) (i 0))
    (while (and node (< i (length key)))
      (setq node (cdr (assq (aref key i) (cdr node)))
            i (1+ i)))
    node))

(defun quail--tidy-translation (node) "Give NODE's translation the form lookups leave: one character, or an indexed vector."
  (let ((trans (car node)))
    (when (vectorp trans)
      (setcar node (if (and (= (length trans) 1) (stringp (aref trans 0))
                            (= (length (aref trans 0)) 1))
                       (aref (aref trans 0) 0)
                     (cons (list 0 0 0 0 nil) trans))))))

(defun quail-lookup-key (key &optional len _not-reset) "The node of the current Quail map that the first LEN characters of KEY reach, or nil.
The node and its children get their translations in the form lookups use."
  (let ((node (quail--node (quail-map) (if len (substring key 0 len) key))))
    (when node
      (quail--tidy-translation node)
      (unless (functionp (cdr node))
        (dolist (child (cdr node))
          (when (consp (cdr child)) (quail--tidy-translation (cdr child))))))
    node))

(defun quail-use-package (package-name &rest libraries) "Turn on the Quail package PACKAGE-NAME, loading LIBRARIES first if it is not defined.
This is the activation function `quail-define-package' registers."
  (unless (quail-package package-name)
    (dolist (lib libraries) (load lib t t))
    (unless (quail-package package-name)
      (error "Can't use the Quail package `%s'" package-name)))
  (quail-select-package package-name)
  (setq deactivate-current-input-method-function #'quail-deactivate)
  (setq describe-current-input-method-function #'ignore)
  (setq-local input-method-function #'quail-input-method)
  nil)

(defun quail-deactivate () "Turn off the Quail input method of the current buffer."
  (kill-local-variable 'input-method-function)
  nil)

(defun quail-input-method (key) "Give KEY back untranslated: batch Emacs translates no keys."
  (list key))

(provide 'quail)

;;; quail.el ends here
