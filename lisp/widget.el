;;; widget.el --- the preloaded part of the widget library  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and the Elisp
;; manual.  GNU keeps `define-widget' in a small file of its own that every
;; session has, so that libraries may declare their widget types without
;; loading the widget machinery; wid-edit.el, autoloaded, does the rest.

;;; Code:

(defun define-widget (name class doc &rest args) "Make NAME a widget type that inherits from CLASS.
ARGS are keyword and value pairs that override those CLASS gives; DOC
describes the new type.  The value is NAME."
  (put name 'widget-documentation doc)
  (put name 'widget-type `(,class ,@args))
  name)
;; Its third argument is a docstring, for the byte compiler and `checkdoc'.
(function-put 'define-widget 'doc-string-elt 3)

(defmacro define-widget-keywords (&rest _keywords) "Do nothing: widget keywords need no declaring any more."
  nil)
(make-obsolete 'define-widget-keywords nil "27.1")

;; A name kept from when `plist-member' was not in every Emacs.
(defalias 'widget-plist-member #'plist-member)

(provide 'widget)
