;;; eieio-base.el --- ready-made EIEIO classes to inherit from  -*- lexical-binding: t -*-

;; Written for tsmacs from the EIEIO manual and GNU Emacs 28.2's observed
;; behaviour: objects that inherit slot values from the object they were
;; cloned from, objects listed in a variable, classes with one object,
;; objects saved to and read from files, and named objects.

(eval-and-compile (require 'eieio))

;;;; Inheriting from a parent instance

(defclass eieio-instance-inheritor () ((parent-instance :initarg :parent-instance :type eieio-instance-inheritor
                    :documentation "The object this one was cloned from; slots it leaves unbound come from there."))
  :abstract t "Objects whose unbound slots read through to the object they were cloned from.")

(cl-defmethod slot-unbound ((inst eieio-instance-inheritor) _class slot _fn)
  (if (not (slot-boundp inst 'parent-instance))
      (cl-call-next-method)
    (eieio-oref (eieio-oref inst 'parent-instance) slot)))

(cl-defmethod clone ((original eieio-instance-inheritor) &rest initargs)
  (let ((copy (cl-call-next-method original)))
    (dotimes (i (length (aref (eieio--object-class original) 4)))
      (aset copy (1+ i) eieio--unbound))
    (eieio-oset copy 'parent-instance original)
    (if (stringp (car initargs)) (setq initargs (cdr initargs)))
    (and initargs (shared-initialize copy initargs))
    copy))

(cl-defgeneric eieio-instance-inheritor-slot-boundp (object slot) "Non-nil if SLOT of OBJECT has a value, its own or one it inherits from its parent instance.")

(cl-defmethod eieio-instance-inheritor-slot-boundp ((object eieio-instance-inheritor) slot)
  (cond ((slot-boundp object slot) t)
        ((slot-boundp object 'parent-instance)
         (eieio-instance-inheritor-slot-boundp (oref object parent-instance) slot))))

;;;; Tracking every instance

(defclass eieio-instance-tracker () ((tracking-symbol :type symbol :allocation :class
                    :documentation "The variable whose list holds every object of the class."))
  :abstract t "Objects that list themselves in the variable named by `tracking-symbol'.")

(cl-defmethod initialize-instance :after ((inst eieio-instance-tracker) &rest _)
  (let ((var (eieio-oref inst 'tracking-symbol)))
    (or (memq inst (symbol-value var))
        (set var (nconc (copy-sequence (symbol-value var)) (list inst))))))

(cl-defgeneric delete-instance (this) "Take THIS out of the list its class keeps of its objects.")

(cl-defmethod delete-instance ((inst eieio-instance-tracker))
  (let ((var (eieio-oref inst 'tracking-symbol)))
    (set var (delq inst (symbol-value var)))))

(defun eieio-instance-tracker-find (key slot list-symbol) "The first object in LIST-SYMBOL's value whose SLOT is `equal' to KEY."
  (cl-find-if (lambda (obj) (equal (eieio-oref obj slot) key)) (symbol-value list-symbol)))

;;;; One object per class

(defclass eieio-singleton () ((singleton :type eieio-singleton :allocation :class
              :documentation "The one object of the class, once made."))
  :abstract t "Classes of which `make-instance' makes one object and then returns it each time.")

(cl-defmethod make-instance ((cls (subclass eieio-singleton)) &rest _)
  (or (and (slot-boundp cls 'singleton) (eieio-oref-default cls 'singleton))
      (eieio-oset-default cls 'singleton (cl-call-next-method))))

;;;; Saving objects to files

(defclass eieio-persistent () ((file :initarg :file :type string
         :documentation "The file this object is saved to and read from.")
   (do-backups :type boolean :allocation :class :initform t
               :documentation "Non-nil means saving makes a backup of the old file.")
   (file-header-line :type string :allocation :class
                     :initform ";; EIEIO PERSISTENT OBJECT"
                     :documentation "The comment line that starts the file.")
   (extension :type string :allocation :class :initform ".eieio"
              :documentation "What the names of files saved from objects of the class end with."))
  :abstract t "Objects that can be saved to a file and read back.")

(cl-defgeneric eieio-persistent-save (this &optional file) "Write THIS to FILE, by default the file its `file' slot names.")

(cl-defgeneric eieio-persistent-path-relative (this file) "FILE as a name relative to the directory of THIS's file.")

(cl-defmethod eieio-persistent-path-relative ((inst eieio-persistent) name)
  (let ((home (file-name-directory (expand-file-name (eieio-oref inst 'file)))))
    (file-relative-name (expand-file-name name) home)))

(cl-defmethod eieio-persistent-save ((inst eieio-persistent) &optional where)
  (let* ((kept (eieio-oref inst 'file))
         (target (or where kept))
         (text (with-temp-buffer
                 ;; object-write starts a new line where the buffer is not at one.
                 (let ((standard-output (current-buffer)))
                   (unwind-protect
                       (progn (eieio-oset inst 'file (file-name-nondirectory target))
                              (object-write inst (eieio-oref inst 'file-header-line)))
                     (eieio-oset inst 'file kept)))
                 (buffer-string)))
         (coding-system-for-write 'utf-8-emacs))
    (write-region text nil target nil 'quiet)))

(defalias 'eieio-persistent-save-interactive #'eieio-persistent-save)

(defun eieio--persistent-value (form) "The value the written slot FORM stands for; objects are rebuilt, nothing is evaluated."
  (cond
   ((and (consp form) (eq (car form) 'quote)) (cadr form))
   ((and (consp form) (eq (car form) 'list)) (mapcar #'eieio--persistent-value (cdr form)))
   ((and (consp form) (symbolp (car form)) (class-p (car form)))
    (eieio--persistent-object form))
   ((and (vectorp form) (not (eieio-object-p form)))
    (apply #'vector (mapcar #'eieio--persistent-value form)))
   ((hash-table-p form)
    (maphash (lambda (k v) (puthash k (eieio--persistent-value v) form)) form)
    form)
   (t form)))

(defun eieio--persistent-object (inputlist) "Build the object that the written form INPUTLIST, (CLASS NAME INITARG VALUE...), describes."
  (let ((class (car inputlist)) (args (cdr inputlist)) (initargs '()))
    (unless (class-p class) (error "Invalid object: %S is not a class" class))
    (when (stringp (car args)) (pop args))
    (while args
      (push (pop args) initargs)
      (push (eieio--persistent-value (pop args)) initargs))
    (apply #'make-instance class (nreverse initargs))))

(defun eieio-persistent-read (filename &optional class allow-subclass) "Read the object saved in FILENAME, checking it is of CLASS.
With ALLOW-SUBCLASS non-nil, an object of a subclass of CLASS will do."
  (let* ((form (read (with-temp-buffer (insert-file-contents filename) (buffer-string))))
         (obj (eieio--persistent-object form)))
    (when (and class (not (funcall (if allow-subclass #'object-of-class-p #'same-class-p)
                                   obj class)))
      (error "Invalid object: %s is not an object of class %s nor a subclass"
             (car form) class))
    (oset obj file filename)
    obj))

;;;; Named objects

(defclass eieio-named () ((object-name :initarg :object-name :initform nil))
  :abstract t "Objects that carry a name of their own.")

(cl-defmethod eieio-object-name-string ((inst eieio-named))
  (let ((own (eieio-oref inst 'object-name))) (if own own (cl-call-next-method))))

(cl-defmethod shared-initialize ((inst eieio-named) slots)
  ;; A leading string is the name, as the old constructors took it.
  (when (stringp (car slots))
    (eieio-oset inst 'object-name (car slots))
    (setq slots (cdr slots)))
  (cl-call-next-method inst slots))

(cl-defmethod eieio-object-set-name-string ((inst eieio-named) new-name)
  (eieio-oset inst 'object-name new-name))

(cl-defmethod clone ((original eieio-named) &rest initargs)
  (let* ((given (and (stringp (car initargs)) (car initargs)))
         (initargs (if given (cdr initargs) initargs))
         (copy (apply #'cl-call-next-method original initargs)))
    (cond (given (eieio-oset copy 'object-name given))
          ((plist-get initargs :object-name))
          (t (let ((old (eieio-object-name-string original)))
               (eieio-oset copy 'object-name
                     (if (string-match "-\\([0-9]+\\)\\'" old)
                         (format "%s-%d" (substring old 0 (match-beginning 0))
                                 (1+ (string-to-number (match-string 1 old))))
                       (concat old "-1"))))))
    copy))

(provide 'eieio-base) ; eieio-base.el ends here
