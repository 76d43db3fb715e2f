;;; dom.el --- trees of (TAG ATTRIBUTES . CHILDREN) nodes, as libxml gives them  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A node is a list (TAG ATTRIBUTES CHILD...): TAG a symbol, ATTRIBUTES an
;; alist of (NAME . VALUE), each CHILD a string or another node.  Where a
;; node is expected, a list whose first element is a node stands for that
;; node (libxml's parsers return such lists).

;;; Code:

(defun dom-ensure-node (node) "NODE itself, or its first element when NODE is a list of nodes.
A bare (TAG) gets its missing attribute list, nil, put in place."
  (let ((it (if (consp (car node)) (car node) node)))
    (when (and (consp it) (null (cdr it))) (setcdr it (list nil)))
    it))

(defun dom-tag (node) "The tag symbol of NODE." (car (dom-ensure-node node)))

(defun dom-attributes (node) "The attribute alist of NODE." (nth 1 (dom-ensure-node node)))

(defun dom-children (node) "The children of NODE: strings and nodes, in order." (cddr (dom-ensure-node node)))

(defmacro dom-attr (node attr) "The value NODE gives its attribute ATTR, a symbol; nil if it has none."
  `(cdr (assq ,attr (dom-attributes ,node))))

(defun dom-node (tag &optional attributes &rest children) "Make a node with TAG, ATTRIBUTES and CHILDREN."
  (cons tag (cons attributes children)))

(defun dom-non-text-children (node) "The children of NODE that are nodes, not strings."
  (let ((kids '()))
    (dolist (kid (dom-children node)) (unless (stringp kid) (push kid kids)))
    (nreverse kids)))

(defun dom-text (node) "The strings directly among NODE's children, joined by spaces."
  (let ((strings '()))
    (dolist (kid (dom-children node)) (when (stringp kid) (push kid strings)))
    (mapconcat #'identity (nreverse strings) " ")))

(defun dom-texts (node &optional separator)
  "All the text inside NODE, each child's in turn, joined by SEPARATOR (a space if nil).
The contents of `script' nodes are left out."
  (if (eq (dom-tag node) 'script) ""
    (mapconcat (lambda (kid) (if (stringp kid) kid (dom-texts kid separator)))
               (dom-children node) (or separator " "))))

(defun dom-strings (node) "Every string inside NODE, at any depth, in document order."
  (let ((found '()))
    (dolist (kid (dom-children node))
      (if (stringp kid) (push kid found)
        (setq found (nconc (nreverse (dom-strings kid)) found))))
    (nreverse found)))

(defun dom-search (node predicate) "The nodes in NODE's tree, NODE included, for which PREDICATE is non-nil.
Strings are not offered to PREDICATE; the order is the document's."
  (let ((hits '()) (todo (list (dom-ensure-node node))))
    (while todo
      (let ((here (pop todo)))
        (when (funcall predicate here) (push here hits))
        (setq todo (append (dom-non-text-children here) todo))))
    (nreverse hits)))

(defun dom-by-tag (node tag) "The nodes in NODE's tree whose tag is TAG (compared with `equal')."
  (dom-search node (lambda (n) (equal (dom-tag n) tag))))

(defun dom-elements (node attribute match) "The nodes in NODE's tree whose ATTRIBUTE value matches the regexp MATCH."
  (dom-search node (lambda (n) (let ((value (dom-attr n attribute)))
                                 (and value (string-match match value))))))

(defun dom-by-class (node match) "The nodes in NODE's tree whose class matches the regexp MATCH."
  (dom-elements node 'class match))

(defun dom-by-style (node match) "The nodes in NODE's tree whose style matches the regexp MATCH."
  (dom-elements node 'style match))

(defun dom-by-id (node match) "The nodes in NODE's tree whose id matches the regexp MATCH."
  (dom-elements node 'id match))

(defun dom-child-by-tag (node tag) "The first child of NODE, a node, whose tag is TAG."
  (let ((kids (dom-children node)) (hit nil))
    (while (and kids (not hit))
      (when (and (consp (car kids)) (equal (dom-tag (car kids)) tag)) (setq hit (car kids)))
      (setq kids (cdr kids)))
    hit))

(defun dom-parent (dom node) "The node in DOM's tree that has NODE (the very object) among its children."
  (car (dom-search dom (lambda (n) (memq node (dom-children n))))))

(defun dom-previous-sibling (dom node) "The child just before NODE in its parent within DOM, or nil."
  (let ((parent (dom-parent dom node)) (before nil))
    (when parent
      (let ((kids (dom-children parent)))
        (while (and kids (not (eq (car kids) node)))
          (setq before (car kids) kids (cdr kids)))))
    before))

(defun dom-append-child (node child) "Add CHILD after NODE's last child; return NODE."
  (setcdr (last node) (list child))
  node)

(defun dom-add-child-before (node child &optional before)
  "Put CHILD among NODE's children just before BEFORE, or first without BEFORE; return NODE.
BEFORE must be one of the children (the very object)."
  (let ((tail (cdr node)))
    (when before
      (while (and (cdr tail) (not (eq (cadr tail) before))) (setq tail (cdr tail)))
      (unless (cdr tail) (error "%s does not exist as a child" before)))
    (setcdr tail (cons child (cdr tail))))
  node)

(defun dom-set-attribute (node attribute value) "Give NODE's ATTRIBUTE the VALUE, adding it last if NODE lacks it."
  (let ((pair (assq attribute (dom-attributes node))))
    (if pair (setcdr pair value)
      (setcar (cdr node) (nconc (nth 1 node) (list (cons attribute value)))))))

(defun dom-set-attributes (node attributes) "Replace NODE's attribute alist by ATTRIBUTES."
  (setcar (cdr node) attributes))

(defun dom-remove-attribute (node attribute) "Remove NODE's ATTRIBUTE, a symbol, if it has one."
  (setcar (cdr node) (assq-delete-all attribute (nth 1 node))))

(defun dom-remove-node (dom node) "Remove NODE (the very object) from its parent within DOM."
  (let ((parent (dom-parent dom node)))
    (when parent (delq node (cdr parent)))
    nil))

(defun dom-pp (dom &optional remove-empty)
  "Insert DOM at point, one child per line, indented from the current column.
With REMOVE-EMPTY, strings of only whitespace are left out."
  (let ((left (current-column)))
    (insert "(" (format "%S" (dom-tag dom)) " ")
    (let ((attributes (dom-attributes dom)))
      (if (null attributes) (insert "nil")
        (let ((column (1+ (current-column))))
          (insert "(")
          (while attributes
            (insert (format "(%S . %S)" (caar attributes) (cdar attributes)))
            (setq attributes (cdr attributes))
            (when attributes (insert "\n" (make-string column ?\s))))
          (insert ")"))))
    (dolist (kid (dom-children dom))
      (unless (and remove-empty (stringp kid) (string-match-p "\\`[ \t\n\r]*\\'" kid))
        (insert "\n" (make-string (1+ left) ?\s))
        (if (stringp kid) (insert (format "%S" kid)) (dom-pp kid remove-empty))))
    (insert ")")))

(defun dom-print (dom &optional pretty _xml)
  "Insert DOM at point as HTML text.
With PRETTY, each child node starts a line indented two columns more
than its parent, and a parent with child nodes closes on a line of its
own.  Strings are inserted as they are."
  (let ((left (current-column)) (nested nil))
    (insert "<" (symbol-name (dom-tag dom)))
    (dolist (pair (dom-attributes dom))
      (insert (format " %s=%S" (car pair) (cdr pair))))
    (if (null (dom-children dom)) (insert " />")
      (insert ">")
      (dolist (kid (dom-children dom))
        (if (stringp kid) (insert kid)
          (setq nested t)
          (when pretty (insert "\n" (make-string (+ left 2) ?\s)))
          (dom-print kid pretty)))
      (when (and pretty nested) (insert "\n" (make-string left ?\s)))
      (insert "</" (symbol-name (dom-tag dom)) ">"))
    nil))

(provide 'dom)
