;;; hierarchy.el --- trees of items built from parent and children functions  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A hierarchy keeps its items in `equal' hash tables: each item's parent,
;; each item's children (in the order they were added, until
;; `hierarchy-sort'), and every item seen (in the order seen, which is the
;; order of `hierarchy-items' and `hierarchy-leafs').  Roots are kept as a
;; list in the order they first appeared.  Tree widgets
;; (`hierarchy-tree-display') are not available: tsmacs has no widget
;; library.

;;; Code:

(require 'cl-lib)
(require 'seq)

(cl-defstruct (hierarchy (:constructor hierarchy--make) (:copier nil) (:conc-name hierarchy--))
  (tops nil)
  (up (make-hash-table :test 'equal))
  (down (make-hash-table :test 'equal))
  (known (make-hash-table :test 'equal)))

(defun hierarchy--add-relation (hierarchy item parent acceptfn) "Make PARENT the parent of ITEM in HIERARCHY if ACCEPTFN accepts ITEM.
An item can have one parent only: another one is an error."
  (when (funcall acceptfn item)
    (let ((parents (hierarchy--up hierarchy)))
      (pcase (gethash item parents 'hierarchy--none)
        ('hierarchy--none
         (puthash item parent parents)
         (setf (hierarchy--tops hierarchy) (delete item (hierarchy--tops hierarchy)))
         (let ((siblings (gethash parent (hierarchy--down hierarchy))))
           (unless (member item siblings)
             (puthash parent (append siblings (list item)) (hierarchy--down hierarchy)))))
        ((pred (equal parent)) nil)
        (old (error "An item (%s) can only have one parent: '%s' vs '%s'" item old parent))))))

(defun hierarchy--note-item (hierarchy item) "Record ITEM as an item of HIERARCHY; a new one starts as a root."
  (unless (hierarchy--seen-p hierarchy item)
    (puthash item t (hierarchy--known hierarchy))
    (unless (gethash item (hierarchy--up hierarchy))
      (setf (hierarchy--tops hierarchy)
            (append (hierarchy--tops hierarchy) (list item))))))

(defun hierarchy--seen-p (hierarchy item) "Return non-nil if ITEM is already in HIERARCHY."
  (gethash item (hierarchy--known hierarchy)))

(defun hierarchy--set-equal (list1 list2 &rest cl-keys) "Return non-nil if LIST1 and LIST2 hold the same elements.
CL-KEYS are `cl-set-difference''s keywords (:test, :key)."
  (and (null (apply #'cl-set-difference list1 list2 cl-keys))
       (null (apply #'cl-set-difference list2 list1 cl-keys))))

(defun hierarchy-add-list (hierarchy list &optional wrap childrenfn) "Add to HIERARCHY the tree LIST, whose children CHILDRENFN gives (default `cdr').
With WRAP, each item becomes (ID . ITEM), ID counting from 1, so that
equal subtrees stay distinct."
  (let ((children-of (or childrenfn #'cdr)))
    (if (not wrap)
        (hierarchy-add-tree hierarchy list nil children-of)
      (let* ((counter (list 0))
             (numbered (make-hash-table :test 'eq))
             (wrap-children
              (lambda (wrapped)
                (or (gethash wrapped numbered)
                    (puthash wrapped
                             (mapcar (lambda (child) (cons (setcar counter (1+ (car counter))) child))
                                     (funcall children-of (cdr wrapped)))
                             numbered)))))
        (hierarchy-add-tree hierarchy (cons (setcar counter 1) list) nil wrap-children)))))

(defun hierarchy-add-tree (hierarchy item parentfn &optional childrenfn acceptfn) "Add ITEM to HIERARCHY with its ancestors and descendants.
PARENTFN, if non-nil, returns an item's parent (nil for none); CHILDRENFN,
if non-nil, the list of its children.  ACCEPTFN, if non-nil, says which
items to take (all by default)."
  (let* ((accept (or acceptfn #'always))
         (up (and parentfn (funcall accept item) (funcall parentfn item)))
         (linked (and up (funcall accept up))))
    (when (and (funcall accept item) (not (hierarchy--seen-p hierarchy item)))
      (progn
        (if linked (hierarchy--add-relation hierarchy item up accept))
        (hierarchy--note-item hierarchy item)
        (if linked (hierarchy-add-tree hierarchy up parentfn childrenfn accept))
        (when childrenfn
          (dolist (child (funcall childrenfn item))
            (when (funcall accept child)
              (hierarchy--add-relation hierarchy child item accept)
              (hierarchy-add-tree hierarchy child parentfn childrenfn accept))))))))

(defun hierarchy-add-trees (hierarchy items parentfn &optional childrenfn acceptfn) "Add each of ITEMS to HIERARCHY as `hierarchy-add-tree' does."
  (dolist (item items)
    (hierarchy-add-tree hierarchy item parentfn childrenfn acceptfn)))

(defun hierarchy-child-p (hierarchy item1 item2) "Return non-nil if ITEM1 is a child of ITEM2 in HIERARCHY."
  (equal item2 (gethash item1 (hierarchy--up hierarchy))))

(defun hierarchy-children (hierarchy parent) "Return PARENT's children in HIERARCHY."
  (gethash parent (hierarchy--down hierarchy)))

(defun hierarchy-copy (hierarchy) "Return a copy of HIERARCHY with the same items."
  (hierarchy-map-hierarchy #'hierarchy--first-arg hierarchy))

(defun hierarchy--first-arg (x &rest _) "Return X, ignoring any other argument."
  x)

(defun hierarchy-descendant-p (hierarchy item1 item2) "Return non-nil if ITEM1 is below ITEM2 in HIERARCHY (not ITEM2 itself)."
  (let ((up (hierarchy-parent hierarchy item1)) (found nil))
    (while (and up (not found))
      (if (equal up item2) (setq found t) (setq up (hierarchy-parent hierarchy up))))
    found))

(defun hierarchy-empty-p (hierarchy) "Return non-nil if HIERARCHY has no item."
  (null (hierarchy--tops hierarchy)))

(defun hierarchy-equal (hierarchy1 hierarchy2) "Return non-nil if HIERARCHY1 and HIERARCHY2 have the same items and relations."
  (and (hierarchy--set-equal (hierarchy-roots hierarchy1) (hierarchy-roots hierarchy2) :test #'equal)
       (hierarchy--set-equal (hierarchy-items hierarchy1) (hierarchy-items hierarchy2) :test #'equal)
       (seq-every-p (lambda (item)
                      (and (equal (hierarchy-parent hierarchy1 item) (hierarchy-parent hierarchy2 item))
                           (hierarchy--set-equal (hierarchy-children hierarchy1 item)
                                                 (hierarchy-children hierarchy2 item)
                                                 :test #'equal)))
                    (hierarchy-items hierarchy1))))

(defun hierarchy-extract-tree (hierarchy item) "Return a new hierarchy of ITEM with its ancestors and descendants in HIERARCHY.
Return nil if ITEM is not in HIERARCHY."
  (and (hierarchy--seen-p hierarchy item)
    (let ((tree (hierarchy--make)))
      (hierarchy-add-tree tree item
                          (lambda (i) (gethash i (hierarchy--up hierarchy)))
                          (lambda (i)
                            (and (or (equal i item) (hierarchy-descendant-p hierarchy i item))
                                 (gethash i (hierarchy--down hierarchy)))))
      tree)))

(defun hierarchy-from-list (list &optional wrap childrenfn) "Return a new hierarchy holding the tree LIST; WRAP and CHILDRENFN as for `hierarchy-add-list'."
  (let ((hierarchy (hierarchy-new)))
    (hierarchy-add-list hierarchy list wrap childrenfn)
    hierarchy))

(defun hierarchy-has-item (hierarchy item) "Return non-nil if ITEM is in HIERARCHY."
  (and (hierarchy--seen-p hierarchy item) t))

(defun hierarchy-has-root (hierarchy root) "Return non-nil if ROOT is one of HIERARCHY's roots."
  (and (member root (hierarchy--tops hierarchy)) t))

(defun hierarchy-items (hierarchy) "Return the items of HIERARCHY, in the order they were added."
  (let ((items nil))
    (maphash (lambda (item _) (push item items)) (hierarchy--known hierarchy))
    (nreverse items)))

(defun hierarchy-labelfn-button (labelfn actionfn) "Return LABELFN whose output is a button calling ACTIONFN with the item and its depth."
  (lambda (node depth)
    (let ((from (point)))
      (funcall labelfn node depth)
      (make-text-button from (point) 'action
                        (apply-partially #'hierarchy--act actionfn node depth)))))

(defun hierarchy--act (actionfn node depth &rest _) "Call ACTIONFN with NODE and DEPTH (a button's action)."
  (funcall actionfn node depth))

(defun hierarchy-labelfn-button-if (labelfn condition actionfn) "Return LABELFN made a button (see `hierarchy-labelfn-button') where CONDITION holds.
CONDITION gets the item and its depth."
  (lambda (node depth)
    (funcall (if (funcall condition node depth)
                 (hierarchy-labelfn-button labelfn actionfn)
               labelfn)
             node depth)))

(defun hierarchy-labelfn-indent (labelfn &optional indent-string) "Return LABELFN preceded by INDENT-STRING (default two spaces) once per level."
  (let ((pad (or indent-string "  ")))
    (lambda (node depth)
      (insert (apply #'concat (make-list depth pad)))
      (funcall labelfn node depth))))

(defun hierarchy-labelfn-to-string (labelfn item indent) "Return the text LABELFN inserts for ITEM at depth INDENT."
  (hierarchy--output-of labelfn item indent))

(defun hierarchy--output-of (fn &rest args) "Return the text FN inserts when called with ARGS in an empty buffer."
  (let ((scratch (generate-new-buffer " *hierarchy-output*" t)))
    (unwind-protect
        (with-current-buffer scratch
          (apply fn args)
          (buffer-string))
      (kill-buffer scratch))))

(defun hierarchy-leafs (hierarchy &optional node) "Return the items of HIERARCHY without children, in the order they were added.
With NODE, only those below NODE."
  (seq-filter (lambda (item)
                (and (null (hierarchy-children hierarchy item))
                     (or (null node) (hierarchy-descendant-p hierarchy item node))))
              (hierarchy-items hierarchy)))

(defun hierarchy-length (hierarchy) "Return how many items HIERARCHY has."
  (hash-table-count (hierarchy--known hierarchy)))

(defun hierarchy-map (func hierarchy &optional indent) "Return the results of FUNC on every item of HIERARCHY, root by root, depth first.
FUNC gets an item and its depth, roots being at INDENT (default 0)."
  (let ((results nil))
    (dolist (top (hierarchy--tops hierarchy))
      (setq results (nconc results (hierarchy-map-item func top hierarchy indent))))
    results))

(defun hierarchy-map-hierarchy (function hierarchy) "Return a new hierarchy shaped as HIERARCHY whose items are FUNCTION's values.
FUNCTION gets an item and its depth."
  (let ((images (make-hash-table :test 'equal))
        (result (hierarchy-new)))
    (hierarchy-map (lambda (item depth) (puthash item (funcall function item depth) images))
                   hierarchy)
    (let ((originals (make-hash-table :test 'equal)))
      (maphash (lambda (item image) (puthash image item originals)) images)
      (dolist (item (hierarchy-map (lambda (item _) item) hierarchy))
        (hierarchy-add-tree result (gethash item images)
                            (lambda (image)
                              (let ((parent (hierarchy-parent hierarchy (gethash image originals))))
                                (and parent (gethash parent images)))))))
    result))

(defun hierarchy-map-item (func item hierarchy &optional indent) "Return the results of FUNC on ITEM and the items below it in HIERARCHY, depth first.
FUNC gets an item and its depth, counted from INDENT (default 0) at ITEM."
  (let* ((depth (or indent 0))
         (here (list (funcall func item depth))))
    (dolist (kid (gethash item (hierarchy--down hierarchy)))
      (setq here (nconc here (hierarchy-map-item func kid hierarchy (1+ depth)))))
    here))

(defun hierarchy-map-tree (function hierarchy &optional item indent) "Fold HIERARCHY from ITEM (default its first root) upwards with FUNCTION.
FUNCTION gets an item, its depth (from INDENT, default 0) and the list of
its values for the item's children."
  (let* ((node (if item item (car (hierarchy--tops hierarchy))))
         (level (if indent indent 0))
         (below (gethash node (hierarchy--down hierarchy)))
         (folded nil))
    (dolist (kid below)
      (push (hierarchy-map-tree function hierarchy kid (1+ level)) folded))
    (funcall function node level (nreverse folded))))

(defun hierarchy-new () "Return a new, empty hierarchy."
  (hierarchy--make))

(defun hierarchy-parent (hierarchy item) "Return ITEM's parent in HIERARCHY, or nil."
  (gethash item (hierarchy--up hierarchy)))

(defun hierarchy-print (hierarchy &optional to-string) "Insert HIERARCHY, one item a line, indented by depth.
TO-STRING (default `format' with %s) makes an item's text."
  (let* ((show (or to-string (lambda (node) (format "%s" node))))
         (line (hierarchy-labelfn-indent (lambda (node _) (insert (funcall show node) ?\n)))))
    (hierarchy-map line hierarchy)))

(defun hierarchy-roots (hierarchy) "Return the items of HIERARCHY that have no parent."
  (hierarchy--tops hierarchy))

(defun hierarchy-sort (hierarchy &optional sortfn) "Sort the roots and every list of children of HIERARCHY by SORTFN (default `string<')."
  (let ((less (or sortfn #'string<)))
    (setf (hierarchy--tops hierarchy) (sort (hierarchy--tops hierarchy) less))
    (let ((table (hierarchy--down hierarchy)))
      (maphash (lambda (parent children) (puthash parent (sort children less) table))
               table))))

(defun hierarchy-tabulated-display (hierarchy labelfn &optional buffer) "Show HIERARCHY as a table in BUFFER (default a new one), LABELFN making each line.
Return BUFFER."
  (let ((target (or buffer (generate-new-buffer "hierarchy-tabulated"))))
    (with-current-buffer target
      (hierarchy-tabulated-mode)
      (setq tabulated-list-entries
            (hierarchy-map (lambda (node depth)
                             (list node (vector (hierarchy-labelfn-to-string labelfn node depth))))
                           hierarchy))
      (tabulated-list-print))
    target))

(define-derived-mode hierarchy-tabulated-mode tabulated-list-mode "Hierarchy tabulated"
  "Major mode of the tables `hierarchy-tabulated-display' makes."
  (setq tabulated-list-format [("Item name" 0 nil)])
  (setq tabulated-list-padding 0)
  (tabulated-list-init-header))

(defun hierarchy-to-string (hierarchy &optional to-string) "Return the text `hierarchy-print' inserts for HIERARCHY and TO-STRING."
  (hierarchy--output-of #'hierarchy-print hierarchy to-string))

(provide 'hierarchy)

;;; hierarchy.el ends here
