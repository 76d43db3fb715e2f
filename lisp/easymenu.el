;;; easymenu.el --- menus described as lists and vectors, turned into keymaps  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and the
;; Elisp manual's "Easy Menu" node.  A menu is (NAME [KEYWORD ARG]... ITEM...);
;; an item is a string (a separator or plain label), a submenu list, or a
;; vector [NAME COMMAND ENABLE] / [NAME COMMAND KEYWORD ARG...].  tsmacs
;; shows no menus, but the keymaps built here are GNU's, so programs that
;; define menus, or read them back, run unchanged.  Autoloaded (autoloads.el).

(defvar easy-menu--symbol-count 0 "How many command symbols `easy-menu-make-symbol' has made.")

(defvar easy-menu--converted (make-hash-table :test 'equal :weakness 'key) "Items converted already, each to its (KEY . BINDING); equal items share one.")

(defun easy-menu-intern (s) "Return the symbol named S when S is a string, else S itself."
  (if (stringp s) (intern s) s))

(defun easy-menu-always-true-p (x) "Return non-nil if the form X always gives non-nil: t, a constant, or a quoted non-nil value."
  (cond ((symbolp x) (eq x t))
        ((not (consp x)) t)
        ((eq (car x) 'quote) (car-safe (cdr x)))))

(defun easy-menu--never-p (form) "Return non-nil if the condition FORM is nil written plainly or quoted."
  (or (null form) (equal form ''nil)))

(defun easy-menu--as-condition (form) "Return FORM as a menu property's condition: nil becomes (quote nil)."
  (if form form ''nil))

(defun easy-menu-make-symbol (callback &optional noexp) "Return a new command symbol running CALLBACK.
CALLBACK is a form to evaluate, or with NOEXP a function to call."
  (let ((sym (make-symbol (format "menu-function-%d" easy-menu--symbol-count))))
    (setq easy-menu--symbol-count (1+ easy-menu--symbol-count))
    (fset sym (if noexp
                  callback
                (lambda () (interactive) (eval callback t))))
    sym))

(defun easy-menu--take-keywords (items) "Split the keyword arguments from the head of ITEMS: return (PLIST . REST)."
  (let ((plist nil))
    (while (and (consp items) (keywordp (car items)))
      (setq plist (plist-put plist (car items) (car-safe (cdr items)))
            items (cdr-safe (cdr items))))
    (cons plist items)))

(defun easy-menu--submenu-binding (menu) "Convert the submenu list MENU (NAME KEYWORD ARG... ITEM...) to (KEY . BINDING)."
  (pcase-let* ((name (car menu))
               (`(,plist . ,items) (easy-menu--take-keywords (cdr menu)))
               (filter (plist-get plist :filter))
               (enable (if (plist-member plist :enable) (plist-get plist :enable)
                         (plist-get plist :active)))
               (visible (plist-get plist :visible))
               (props nil))
    (when (plist-member plist :help)
      (setq props (list :help (plist-get plist :help))))
    (when (or (plist-member plist :enable) (plist-member plist :active))
      (unless (easy-menu-always-true-p enable)
        (setq props (append props (list :enable (easy-menu--as-condition enable))))))
    (when (and (plist-member plist :visible) (not (easy-menu-always-true-p visible)))
      (setq props (append props (list :visible (easy-menu--as-condition visible)))))
    (if (and (plist-member plist :visible) (easy-menu--never-p visible))
        (list (easy-menu-intern name))
    (cons (easy-menu-intern name)
          (append (list 'menu-item (or (plist-get plist :label) name)
                        (if filter
                            items
                          (easy-menu-create-menu name items)))
                  props
                  (and filter
                       (list :filter (lambda (menu)
                                       (easy-menu-filter-return (funcall filter menu) name)))))))))

(defun easy-menu--vector-binding (item) "Convert the menu item vector ITEM [NAME COMMAND ...] to (KEY . BINDING)."
  (let* ((name (aref item 0))
         (command (and (> (length item) 1) (aref item 1)))
         (rest (append (substring item (min 2 (length item))) nil))
         (plist (if (keywordp (car rest))
                    (car (easy-menu--take-keywords rest))
                  (and rest (list :enable (car rest)))))
         (has (lambda (k) (plist-member plist k)))
         (enable (cond ((funcall has :enable) (plist-get plist :enable))
                       ((funcall has :active) (plist-get plist :active))
                       (t t)))
         (visible (cond ((funcall has :visible) (plist-get plist :visible))
                        ((funcall has :included) (plist-get plist :included))
                        (t t)))
         (style (plist-get plist :style))
         (label (if (funcall has :label) (plist-get plist :label) name))
         (suffix (plist-get plist :suffix))
         (props nil))
    (cond
     ((stringp suffix) (setq label (concat label " " suffix)))
     (suffix (setq label `(concat ,(concat label " ") ,suffix))))
    (when (eq style 'button) (setq label (concat "[" label "]")))
    (unless (symbolp command)
      (setq command (easy-menu-make-symbol command))
      (unless (funcall has :keys)
        (setq plist (plist-put plist :key-sequence (plist-get plist :key-sequence)))))
    (when (and (funcall has :key-sequence) (not (plist-get plist :keys)))
      (setq props (list :key-sequence (plist-get plist :key-sequence))))
    (unless (easy-menu-always-true-p enable)
      (setq props (append props (list :enable (easy-menu--as-condition enable)))))
    (unless (easy-menu-always-true-p visible)
      (setq props (append props (list :visible visible))))
    (when (plist-get plist :keys)
      (setq props (append props (list :keys (plist-get plist :keys)))))
    (when (and (memq style '(toggle radio)) (funcall has :selected))
      (setq props (append props (list :button (cons (intern (format ":%s" style))
                                                    (easy-menu--as-condition
                                                     (plist-get plist :selected)))))))
    (when (funcall has :help)
      (setq props (append props (list :help (plist-get plist :help)))))
    (if (and (or (funcall has :visible) (funcall has :included)) (easy-menu--never-p visible))
        ;; An item never shown is only its key.
        (list (easy-menu-intern name))
      (cons (easy-menu-intern name) (append (list 'menu-item label command) props)))))

(defun easy-menu-convert-item-1 (item) "Convert the menu ITEM to (KEY . BINDING) for a menu keymap."
  (cond
   ((stringp item) (list nil 'menu-item item))
   ((consp item) (easy-menu--submenu-binding item))
   ((vectorp item) (easy-menu--vector-binding item))
   (t (error "Invalid menu item in easymenu"))))

(defun easy-menu-convert-item (item) "Convert the menu ITEM to (KEY . BINDING), reusing an earlier conversion of the same object."
  (or (gethash item easy-menu--converted)
      (puthash item (easy-menu-convert-item-1 item) easy-menu--converted)))

(defun easy-menu-create-menu (menu-name menu-items) "Return a menu keymap called MENU-NAME holding MENU-ITEMS."
  (let ((items (cdr (easy-menu--take-keywords menu-items)))
        (entries nil)
        (used nil))
    (let ((index 0))
      (dolist (item items)
        (let* ((entry (easy-menu-convert-item item))
               (key (car entry)))
          ;; A key met before gets the item's position as a suffix.
          (when (memq key used)
            (setq key (intern (format "%s-%d" key index))
                  entry (cons key (cdr entry))))
          (push key used)
          (push entry entries)
          (setq index (1+ index)))))
    (cons 'keymap (cons menu-name (nreverse entries)))))

(defun easy-menu-filter-return (menu &optional name) "Return MENU as a keymap: a list of items becomes a menu keymap called NAME."
  (if (keymapp menu)
      menu
    (easy-menu-create-menu name menu)))

(defun easy-menu-binding (menu &optional item-name) "Return the (menu-item NAME MENU) binding that shows the keymap MENU under ITEM-NAME."
  (list 'menu-item
        (or item-name (and (keymapp menu) (keymap-prompt menu)) "")
        (and (keymapp menu) menu)))

(defun easy-menu-do-define (symbol maps doc menu) "Make MENU's keymap the value of SYMBOL and put it in the menu bar of MAPS.
MAPS is a keymap or a list of keymaps; SYMBOL also becomes a command
popping the menu up, documented by DOC."
  (let* ((converted (easy-menu-convert-item menu))
         (binding (cdr converted))
         (keymap (nth 2 binding)))
    (when symbol
      (set symbol keymap)
      (fset symbol (lambda (event)
                     (interactive "@e")
                     (x-popup-menu event (symbol-value symbol)))))
    (let ((key (vector 'menu-bar (intern (downcase (car menu))))))
      (dolist (map (if (keymapp maps) (list maps) maps))
        (define-key map key binding)))))

(defmacro easy-menu-define (symbol maps doc menu) "Define SYMBOL as the menu MENU, shown in the menu bar of MAPS; DOC documents it.
MENU is (NAME [KEYWORD ARG]... ITEM...)."
  (declare (indent defun) (debug (symbolp body)) (doc-string 3))
  (list 'progn
        (and symbol (list 'defvar symbol nil doc))
        (list 'easy-menu-do-define (list 'quote symbol) maps doc menu)))


;;; Finding and changing items.

(defun easy-menu-name-match (name item) "Return non-nil if the binding ITEM, (menu-item LABEL ...) or (LABEL . DEF), is labelled NAME."
  (and (consp item)
       (if (eq (car item) 'menu-item)
           (and (equal (car-safe (cdr item)) name) (cdr item))
         (and (equal (car item) name) item))))

(defun easy-menu--entry-named-p (entry name) "Return non-nil if the keymap ENTRY (KEY . BINDING) is the item called NAME."
  (and (consp entry)
       (or (eq (car entry) (easy-menu-intern name))
           (easy-menu-name-match name (cdr entry)))))

(defun easy-menu--entry-binding (entry) "Return what the keymap ENTRY binds, looking through menu item wrappers."
  (let ((b (cdr entry)))
    (cond ((eq (car-safe b) 'menu-item) (nth 2 b))
          ((stringp (car-safe b)) (cdr b))
          (t b))))

(defun easy-menu-get-map (map path &optional to-modify) "Return the keymap reached from MAP by the submenu names PATH, making missing ones.
MAP nil means the global menu bar.  TO-MODIFY is not used by tsmacs."
  (ignore to-modify)
  (let ((here (or map (lookup-key global-map [menu-bar])))
        (steps path))
    (while steps
      (let* ((name (car steps))
             (entry (seq-find (lambda (e) (easy-menu--entry-named-p e name)) (cdr here)))
             (inner (and entry (easy-menu--entry-binding entry))))
        (if (keymapp inner)
            (setq here inner)
          ;; A missing submenu: the last of PATH is named, those on the way are not.
          (let ((new (if (cdr steps) (make-sparse-keymap) (make-sparse-keymap name))))
            (define-key here (vector (easy-menu-intern name))
              (if (cdr steps) new (cons name new)))
            (setq here new))))
      (setq steps (cdr steps)))
    here))

(defun easy-menu-lookup-name (map name) "Return the key under which MAP holds the item called NAME, or nil."
  (car (seq-find (lambda (e) (easy-menu--entry-named-p e name)) (cdr map))))

(defun easy-menu-return-item (menu name) "Return the item called NAME in MENU as (LABEL . BINDING), or nil."
  (let ((entry (seq-find (lambda (e) (easy-menu--entry-named-p e name)) (cdr menu))))
    (when entry
      (let ((b (cdr entry)))
        (if (eq (car-safe b) 'menu-item)
            (cons (nth 1 b) (nth 2 b))
          b)))))

(defun easy-menu-item-present-p (map path name) "Return the item called NAME in the submenu at PATH of MAP, or nil."
  (let ((submenu (easy-menu-get-map map path)))
    (easy-menu-return-item submenu name)))

(defun easy-menu-define-key (menu key item &optional before) "Bind KEY to ITEM in the keymap MENU, before the entry BEFORE if given, else at the end.
A KEY bound already keeps its place and gets ITEM."
  (let ((old (assq key (cdr menu))))
    (if old
        (setcdr old item)
      (let ((cell menu)
            (wanted (and before (easy-menu-intern before))))
        (while (and (cdr cell)
                    (not (and wanted (consp (cadr cell))
                              (or (eq (car (cadr cell)) wanted)
                                  (easy-menu--entry-named-p (cadr cell) before)))))
          (setq cell (cdr cell)))
        (setcdr cell (cons (cons key item) (cdr cell)))))))

(defun easy-menu-add-item (map path item &optional before) "Add ITEM to the submenu at PATH of MAP, before the item called BEFORE or at the end.
ITEM is a menu item as in `easy-menu-define', or a menu keymap."
  (let* ((menu (easy-menu-get-map map path))
         (converted (if (keymapp item)
                        (cons (easy-menu-intern (keymap-prompt item))
                              (easy-menu-binding item))
                      (easy-menu-convert-item item))))
    (easy-menu-define-key menu (car converted) (cdr converted) before)))

(defun easy-menu-remove-item (map path name) "Remove the item called NAME from the submenu at PATH of MAP; return it as `easy-menu-return-item' does."
  (let* ((menu (easy-menu-get-map map path))
         (entry (seq-find (lambda (e) (easy-menu--entry-named-p e name)) (cdr menu)))
         (found (and entry (easy-menu-return-item menu name))))
    (when entry
      (setcdr menu (delq entry (cdr menu))))
    found))

(defun easy-menu-change (path name items &optional before map) "Make the submenu NAME at PATH of MAP hold ITEMS, before the item BEFORE if given."
  (let ((submenu (easy-menu-create-menu name items)))
    (easy-menu-add-item map path submenu before)))

(defun add-submenu (menu-path submenu &optional before in-menu) "Add the menu SUBMENU under the menu bar of the keymap IN-MENU, at MENU-PATH, before the item BEFORE."
  (easy-menu-add-item in-menu (cons "menu-bar" menu-path) submenu before))

(provide 'easymenu)
