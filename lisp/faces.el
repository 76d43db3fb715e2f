;;; faces.el --- faces: named sets of display attributes  -*- lexical-binding: t -*-

;; Written for tsmacs from the behaviour of GNU Emacs 28.2 in batch and the
;; Elisp manual's "Faces" chapter.  A batch session has one frame, a
;; monochrome terminal with a dark background, and no way to show a face;
;; what programs see is the attributes each face has there, and the
;; defaults for new frames.  Both are kept here per face, as vectors laid
;; out as GNU's internal face vectors are (so `facep' and
;; `internal-lisp-face-p' return what GNU's do).

(defconst faces--attribute-slots
  '((:family . 1) (:foundry . 2) (:width . 3) (:height . 4) (:weight . 5)
    (:slant . 6) (:underline . 7) (:inverse-video . 8) (:foreground . 9)
    (:background . 10) (:stipple . 11) (:overline . 12) (:strike-through . 13)
    (:box . 14) (:font . 15) (:inherit . 16) (:fontset . 17)
    (:distant-foreground . 18) (:extend . 19))
  "Each face attribute keyword and its slot in a face vector.")

(defconst faces--listed-attributes
  '(:family :foundry :width :height :weight :slant :underline :overline :extend
    :strike-through :box :inverse-video :foreground :background :stipple :inherit)
  "The attributes `face-all-attributes' reports, in its order.")

(defvar faces--frame-table (make-hash-table :test 'eq)
  "Each face's attribute vector on the session's frame, in order of creation.")
(defvar faces--new-frame-table (make-hash-table :test 'eq)
  "Each face's attribute vector for frames made from now on.")

(defun faces--blank-vector () "Return a fresh face vector with every attribute unspecified."
  (let ((v (make-vector 20 'unspecified)))
    (aset v 0 'face)
    v))

(defun faces--resolve (face) "Return FACE as a symbol naming a known face, or nil.
A string names the face of that name."
  (let ((sym (cond ((symbolp face) face)
                   ((stringp face) (intern-soft face)))))
    (and sym (gethash sym faces--frame-table) sym)))

(defun faces--check (face) "Return the known face FACE names, or signal an invalid-face error."
  (or (faces--resolve face) (signal 'error (list "Invalid face" face))))

(defun faces--vector (face frame) "Return the attribute vector of FACE for FRAME: t means new frames."
  (gethash face (if (eq frame t) faces--new-frame-table faces--frame-table)))

(defun faces--check-frame (frame) "Signal unless FRAME is nil, the only frame designator a batch session has."
  (when frame (signal 'wrong-type-argument (list 'frame-live-p frame))))

(defun faces--slot (attribute) "Return the vector slot of ATTRIBUTE, or signal that it is no attribute."
  (or (cdr (assq attribute faces--attribute-slots))
      (if (symbolp attribute)
          (signal 'error (list "Invalid face attribute name" attribute))
        (signal 'wrong-type-argument (list 'symbolp attribute)))))

(defun faces--create (face) "Register FACE with all attributes unspecified, unless it exists; return FACE."
  (unless (gethash face faces--frame-table)
    (put face 'face (hash-table-count faces--frame-table))
    (puthash face (faces--blank-vector) faces--frame-table)
    (puthash face (faces--blank-vector) faces--new-frame-table))
  face)

(defun internal-lisp-face-p (face &optional frame) "Return the attribute vector of FACE for new frames, or nil if FACE is no face.
FRAME must be nil: a batch session has no frame to name."
  (faces--check-frame frame)
  (let ((known (faces--resolve face)))
    (and known (faces--vector known t))))

(defun facep (face) "Return non-nil if FACE, a symbol or string, names a face."
  (let ((known (faces--resolve face)))
    (and known (faces--vector known t))))

(defun face-list () "Return the names of all faces, oldest first."
  (let ((names nil))
    (maphash (lambda (face _v) (push face names)) faces--frame-table)
    (nreverse names)))

(defun frame-face-alist (&optional _frame) "Return (FACE . VECTOR) for every face, VECTOR its attributes on the session's frame."
  (let ((pairs nil))
    (maphash (lambda (face v) (push (cons face v) pairs)) faces--frame-table)
    (nreverse pairs)))

(defun internal-make-lisp-face (face &optional _frame) "Make FACE a face with no attributes set, and return its vector."
  (unless (symbolp face) (signal 'wrong-type-argument (list 'symbolp face)))
  (faces--vector (faces--create face) t))

(defun make-face (face) "Define a new face named FACE, with no attributes set, and return FACE.
An existing face is left as it is."
  (unless (symbolp face) (signal 'wrong-type-argument (list 'symbolp face)))
  (unless (gethash face faces--frame-table)
    (faces--create face)
    (when (get face 'face-defface-spec)
      (face-spec-recalc face nil)))
  face)

(defun make-empty-face (face) "Define FACE as a face with no attributes set, unless it exists; return FACE."
  (make-face face))

(defun face-name (face) "Return the name of FACE, a symbol, as a string."
  (symbol-name face))

(defun face-id (face &optional _frame) "Return the number of FACE, in order of creation starting from 0."
  (let ((known (faces--resolve face)))
    (if known (get known 'face) (error "Not a face: %s" face))))

(defun faces--inheritance-valid-p (value) "Non-nil when VALUE may be the :inherit of a face: a symbol or a proper list of symbols.
The symbols need not name faces yet."
  (or (symbolp value)
      (and (proper-list-p value)
           (not (memq nil (mapcar #'symbolp value))))))

(defun faces--checked-value (attribute value) "Return VALUE checked as a value of ATTRIBUTE; signal GNU's errors for bad ones."
  (if (memq value '(unspecified reset ignore-defface))
      value
    (pcase attribute
      (:weight (faces--checked-symbol value '(ultra-light extra-light light semi-light normal medium semi-bold bold extra-bold ultra-bold thin ultralight extralight semilight regular book demibold semibold extrabold ultrabold heavy-but-not-heavy black ultra-heavy)
                                      "Invalid face weight"))
      (:slant (faces--checked-symbol value '(italic oblique normal reverse-italic reverse-oblique roman)
                                     "Invalid face slant"))
      (:width (faces--checked-symbol value '(ultra-condensed extra-condensed condensed semi-condensed normal semi-expanded expanded extra-expanded ultra-expanded)
                                     "Invalid face width"))
      (:height (if (or (and (integerp value) (> value 0)) (floatp value) (functionp value))
                   value
                 (signal 'error (list "Face height does not produce a positive integer" value))))
      ((or :foreground :background :distant-foreground)
       (cond ((not (stringp value)) (signal 'wrong-type-argument (list 'stringp value)))
             ((equal value "")
              (signal 'error (list (format "Empty %s color value" (substring (symbol-name attribute) 1)) value)))
             (t value)))
      ((or :inverse-video :extend)
       (if (symbolp value) value (signal 'wrong-type-argument (list 'symbolp value))))
      ((or :underline :overline :strike-through)
       (if (or (symbolp value) (stringp value) (consp value)) value
         (signal 'error (list (format "Invalid face %s" (substring (symbol-name attribute) 1)) value))))
      ;; As GNU's errors with a value: a proper list is spread into the data, anything else is one datum.
      (:inherit (if (faces--inheritance-valid-p value) value
                  (signal 'error (cons "Invalid face inheritance" (if (proper-list-p value) value (list value))))))
      (_ value))))

(defun faces--checked-symbol (value allowed message) "Return VALUE if it is one of ALLOWED; else signal MESSAGE, or wrong-type-argument for a non-symbol."
  (cond ((not (symbolp value)) (signal 'wrong-type-argument (list 'symbolp value)))
        ((memq value allowed) value)
        (t (signal 'error (list message value)))))

(defun faces--store (face frame attribute value) "Put VALUE as ATTRIBUTE of FACE on FRAME: nil means the session's frame and new frames."
  (let ((slot (faces--slot attribute))
        (value (faces--checked-value attribute value)))
    (unless (eq frame t) (aset (faces--vector face nil) slot value))
    (when (memq frame '(nil t)) (aset (faces--vector face t) slot value))))

(defun set-face-attribute (face frame &rest args) "Give FACE the attributes of the keyword/value pairs ARGS on FRAME.
FRAME nil means the session's frame and the defaults for new frames, t
only those defaults.  An :bold or :italic pair sets :weight or :slant."
  (let ((known (faces--check face)))
    (while args
      (let ((attribute (car args)))
        (unless (cdr args)
          (pcase attribute
            (:weight (error "Invalid face weight"))
            (:slant (error "Invalid face slant"))
            (_ (signal 'wrong-number-of-arguments (list 'set-face-attribute (length args))))))
        (let ((value (cadr args)))
          (pcase attribute
            (:bold (faces--store known frame :weight (if value 'bold 'normal)))
            (:italic (faces--store known frame :slant (if value 'italic 'normal)))
            (_ (faces--store known frame attribute value)))))
      (setq args (cddr args)))
    nil))

(defun internal-set-lisp-face-attribute (face attribute value &optional frame) "Set ATTRIBUTE of FACE to VALUE on FRAME (0 meaning all frames and new ones); return FACE."
  (faces--store (faces--check face) (if (eq frame 0) nil frame) attribute value)
  face)

(defun internal-get-lisp-face-attribute (face attribute &optional frame) "Return the value of ATTRIBUTE of FACE on FRAME, t meaning new frames."
  (aref (faces--vector (faces--check face) frame) (faces--slot attribute)))

(defun faces--inherited (face attribute frame seen) "Return ATTRIBUTE of FACE on FRAME, following :inherit; SEEN stops cycles."
  (let ((value (internal-get-lisp-face-attribute face attribute frame)))
    (if (not (eq value 'unspecified))
        value
      (let ((parents (internal-get-lisp-face-attribute face :inherit frame))
            (found 'unspecified))
        ;; nil parents are skipped; the first that is no face ends the search, as in GNU.
        (let ((todo (if (listp parents) parents (list parents))))
          (while todo
            (let ((parent (pop todo)))
              (cond ((or (null parent) (eq parent 'unspecified) (memq parent seen)))
                    ((not (and (symbolp parent) (faces--resolve parent))) (setq todo nil))
                    (t (setq found (faces--inherited parent attribute frame (cons parent seen)))
                       (unless (eq found 'unspecified) (setq todo nil)))))))
        found))))

(defun face-attribute (face attribute &optional frame inherit) "Return the value of ATTRIBUTE of FACE on FRAME.
FRAME nil is the session's frame, t the defaults for new frames.  With
INHERIT non-nil an unspecified value is looked for in the faces FACE
inherits from; INHERIT a face then also supplies what is still missing."
  (let ((known (faces--check face)))
    (faces--slot attribute)
    (let ((value (if inherit
                     (faces--inherited known attribute frame (list known))
                   (internal-get-lisp-face-attribute known attribute frame))))
      (if (and (eq value 'unspecified) inherit (not (eq inherit t)) (faces--resolve inherit))
          (face-attribute inherit attribute frame t)
        value))))

(defun face-all-attributes (face &optional frame) "Return (ATTRIBUTE . VALUE) for every attribute of FACE on FRAME.
FRAME nil means the defaults for new frames."
  (let ((known (faces--check face)))
    (mapcar (lambda (attribute)
              (cons attribute (internal-get-lisp-face-attribute known attribute (or frame t))))
            faces--listed-attributes)))

(defun face-attribute-relative-p (attribute value) "Non-nil if VALUE of ATTRIBUTE must be merged with another face's to be complete."
  (or (eq value 'unspecified)
      (and (eq attribute :height) (not (integerp value)))))

(defun merge-face-attribute (attribute value1 value2) "Return VALUE1 of ATTRIBUTE completed from VALUE2 when VALUE1 is relative."
  (cond ((not (face-attribute-relative-p attribute value1)) value1)
        ((eq value1 'unspecified) value2)
        ((functionp value1) (funcall value1 value2))
        ((and (floatp value1) (numberp value2))
         (let ((product (* value1 value2))) (if (integerp value2) (round product) product)))
        (t value1)))

(defun face-documentation (face) "Return the documentation string of FACE, or nil.
A face that is an alias of another says so, and gives the other's text."
  (let* ((target (get face 'face-alias))
         (own (get (or target face) 'face-documentation)))
    (cond ((null target) own)
          (own (concat (format "%s is an alias for the face `%s'." face target) "\n" own))
          (t (format "%s is an alias for the face `%s'." face target)))))

(defun set-face-documentation (face string) "Make STRING the documentation of FACE."
  (put face 'face-documentation string))

(defun copy-face (old-face new-face &optional frame new-frame) "Make NEW-FACE a face with the attributes of OLD-FACE; return NEW-FACE.
FRAME nil copies both the session's frame's attributes and the defaults."
  (let ((from (faces--check old-face)))
    (ignore new-frame)
    (faces--create new-face)
    (dolist (which (if frame (list frame) (list nil t)))
      (let ((src (faces--vector from which)) (dst (faces--vector new-face which)))
        (dotimes (i 19) (aset dst (1+ i) (aref src (1+ i))))))
    new-face))

(defun internal-copy-lisp-face (from to frame new-frame) "Copy the attributes of face FROM to face TO; return TO."
  (copy-face from to (if (eq frame t) t frame) new-frame))

(defun internal-lisp-face-equal-p (face1 face2 &optional frame) "Non-nil if FACE1 and FACE2 have equal attributes on FRAME."
  (equal (faces--vector (faces--check face1) frame) (faces--vector (faces--check face2) frame)))

(defun internal-lisp-face-empty-p (face &optional frame) "Non-nil if FACE has no attribute specified on FRAME."
  (let ((v (faces--vector (faces--check face) frame)) (empty t))
    (dotimes (i 19) (unless (eq (aref v (1+ i)) 'unspecified) (setq empty nil)))
    empty))

(defun face-differs-from-default-p (face &optional frame) "Non-nil if FACE, on FRAME, has an attribute set differently from the default face."
  (let ((known (faces--check face)) (differs nil))
    (dolist (attribute faces--listed-attributes)
      (unless (eq attribute :inherit)
        (let ((value (face-attribute known attribute (or frame t) t)))
          (unless (or (eq value 'unspecified)
                      (equal value (face-attribute 'default attribute (or frame t))))
            (setq differs t)))))
    differs))

(defun face-nontrivial-p (face &optional frame) "Non-nil if FACE has any attribute specified on FRAME."
  (not (internal-lisp-face-empty-p face frame)))

;;;; Reading attributes: the convenience accessors, made from a table of
;; (GETTER SETTER ATTRIBUTE KIND): KIND says what the getter answers and
;; what the setter's argument turns into.

(defun faces--specified (value) "VALUE, or nil when it is unspecified."
  (if (eq value 'unspecified) nil value))

(defmacro faces--accessors (&rest table) "Define a getter and a setter for each (GETTER SETTER ATTRIBUTE KIND) of TABLE."
  (let ((forms nil))
    (dolist (row table)
      (pcase-let ((`(,getter ,setter ,attr ,kind) row))
        (push `(defun ,getter (face &optional frame inherit)
                 ,(format "Return the %s of FACE on FRAME (through inherited faces if INHERIT); nil when it has none."
                          (substring (symbol-name attr) 1))
                 (faces--reading ',kind (face-attribute face ,attr frame inherit)))
              forms)
        (when setter
          (push `(defun ,setter (face value &optional frame)
                   ,(format "Set the %s of FACE on FRAME from VALUE." (substring (symbol-name attr) 1))
                   (set-face-attribute face frame ,attr (faces--writing ',kind value)))
                forms))))
    (cons 'progn (nreverse forms))))

(defun faces--reading (kind value) "Turn the attribute VALUE into what a getter of KIND answers."
  (pcase kind
    ('flag (eq value t))
    ('weight (memq value '(semi-bold bold extra-bold ultra-bold)))
    ('slant (memq value '(italic oblique)))
    (_ (faces--specified value))))

(defun faces--writing (kind value) "Turn a setter's VALUE of KIND into an attribute value."
  (pcase kind
    ('weight (if value 'bold 'normal))
    ('slant (if value 'italic 'normal))
    ('color (or value 'unspecified))
    (_ value)))

(faces--accessors
 (face-foreground set-face-foreground :foreground color)
 (face-background set-face-background :background color)
 (face-stipple set-face-stipple :stipple color)
 (face-underline-p set-face-underline :underline plain)
 (face-inverse-video-p set-face-inverse-video :inverse-video flag)
 (face-extend-p set-face-extend :extend flag)
 (face-bold-p set-face-bold :weight weight)
 (face-italic-p set-face-italic :slant slant))

(defun invert-face (face &optional frame) "Swap the foreground and background of FACE on FRAME; return FACE.
When FACE has neither, it gets those of `default' the other way round."
  (let* ((colors (list (face-attribute face :foreground frame) (face-attribute face :background frame)))
         (none (equal colors '(unspecified unspecified)))
         (new-fg (if none (face-attribute 'default :background frame) (nth 1 colors)))
         (new-bg (if none (face-attribute 'default :foreground frame) (nth 0 colors))))
    (set-face-attribute face frame :foreground new-fg :background new-bg)
    face))

;;;; Colours of the text at point.

(defun faces--real-color (value) "VALUE if it names a colour, nil if it is unspecified or one of the terminal's placeholders."
  (and (stringp value) (not (string-prefix-p "unspecified" value)) value))

(defun faces--attribute-of (face attribute) "Return colour ATTRIBUTE of FACE, a face, a list of faces or an attribute plist; nil if none says."
  (cond ((null face) nil)
        ((and (consp face) (keywordp (car face)))
         (faces--real-color (plist-get face attribute)))
        ((consp face)
         (let ((found nil))
           (while (and face (not found))
             (setq found (faces--attribute-of (car face) attribute)
                   face (cdr face)))
           found))
        ((and (symbolp face) (faces--resolve face))
         (faces--real-color (face-attribute face attribute nil t)))))

(defun faces--color-at-point (attribute) "Return the colour ATTRIBUTE of the face of the text at point, or of `default'."
  (or (faces--attribute-of (get-char-property (point) 'face) attribute)
      (face-attribute 'default attribute)))

(defun foreground-color-at-point () "Return the foreground colour of the text at point, a colour name or nil."
  (faces--color-at-point :foreground))

(defun background-color-at-point () "Return the background colour of the text at point, a colour name or nil."
  (faces--color-at-point :background))

(defun face-at-point (&optional thing multiple) "The face of the text at point: a `read-face-name' property, else its `face'.
With THING non-nil, a face named by the symbol at point comes first.  With
MULTIPLE non-nil, return every face so found, in order and without repeats;
otherwise only the first.  Anonymous faces (attribute lists) are passed over."
  (let ((faces nil))
    (let ((add (lambda (face)
                 (and (facep face) (not (member face faces)) (push face faces)))))
      (when thing
        (let ((word (thing-at-point 'symbol)))
          (when word (funcall add (intern-soft word)))))
      (let ((prop (or (get-char-property (point) 'read-face-name)
                      (get-char-property (point) 'face))))
        (if (and (consp prop)
                 (not (keywordp (car prop)))
                 (not (memq (car prop) '(foreground-color background-color))))
            (dolist (face prop) (funcall add face))
          (unless (consp prop) (funcall add prop)))))
    (setq faces (nreverse faces))
    (if multiple faces (car faces))))

(defun tty-find-type (pred type) "Return the longest prefix of terminal TYPE that PRED accepts, or nil.
Prefixes end before a `-' or a `.'; TYPE itself is tried first."
  (let ((candidate type) (found nil))
    (while (and candidate (not found))
      (if (funcall pred candidate)
          (setq found candidate)
        (setq candidate (and (string-match "[-.][^-.]*\\'" candidate)
                             (substring candidate 0 (match-beginning 0))))))
    found))

;;;; Face specs: which attributes a display gets.

(defun face-spec-set-match-display (display _frame) "Non-nil if the session's frame satisfies the DISPLAY conditions of a face spec.
The frame is a monochrome text terminal, its background as its
`background-mode' parameter says (dark at start)."
  (or (eq display t)
      (null display)
      (let ((ok t))
        (dolist (condition display)
          (when ok
            (let ((options (cdr condition)))
              (setq ok
                    (pcase (car condition)
                      ('type (memq 'tty options))
                      ('class (memq 'mono options))
                      ('background (memq (frame-parameter nil 'background-mode) options))
                      (_ nil))))))
        ok)))

(defun face-spec-choose (spec &optional frame no-match-retval) "Return the attributes of the first entry of SPEC whose display the frame matches.
The attributes of a default entry are put under the match's; when nothing
matches, NO-MATCH-RETVAL is returned."
  (let ((defaults nil) (chosen nil) (matched nil))
    (dolist (entry spec)
      (let* ((display (car-safe entry))
             (attrs (if (and (consp (cdr-safe entry)) (null (cddr entry)) (listp (cadr entry)))
                        (cadr entry)
                      (cdr-safe entry))))
        (cond ((eq display 'default) (setq defaults attrs))
              ((and (not matched) (face-spec-set-match-display display frame))
               (setq matched t chosen attrs)))))
    (cond (matched (if defaults (append chosen defaults) chosen))
          (defaults defaults)
          (t no-match-retval))))

(defun faces--apply-plist (face frame attrs) "Set each keyword/value pair of ATTRS on FACE for FRAME.
A keyword that names no face attribute is passed over; a bad value of a real
attribute signals its error, as GNU's face specs do."
  (while attrs
    (when (assq (car attrs) faces--attribute-slots)
      (set-face-attribute face frame (car attrs) (cadr attrs)))
    (setq attrs (cddr attrs))))

(defun face-spec-reset-face (face &optional frame) "Make every attribute of FACE on FRAME unspecified (those of `default' reset to the frame's own).
FRAME nil means the session's frame and the defaults for new frames."
  (let ((known (faces--check face)))
    (dolist (which (if frame (list frame) (list nil t)))
      (let ((v (faces--vector known which)))
        (dotimes (i 19) (aset v (1+ i) 'unspecified))))
    (when (eq known 'default)
      (faces--apply-plist known 'faces--frame-only faces--frame-default))))

(defun face-default-spec (face) "Return the spec FACE was defined with, or the theme's."
  (or (get face 'face-defface-spec) '((t nil))))

(defun face-user-default-spec (face) "Return the spec the user made FACE's default, else its definition's."
  (or (get face 'customized-face) (get face 'saved-face) (face-default-spec face)))

(defun face-spec-recalc (face frame) "Give FACE on FRAME the attributes its defface spec and override spec choose.
Only the session's frame gets them; the defaults for new frames are left unspecified."
  (face-spec-reset-face face frame)
  ;; A face some theme styles still extends past the end of line as its
  ;; definition says, unless a theme says otherwise.
  (when (get face 'theme-face)
    (let ((extend (plist-member (face-spec-choose (face-default-spec face) frame) :extend)))
      (when extend (faces--apply-plist face 'faces--frame-only (list :extend (cadr extend))))))
  ;; The specs of the themes in force replace the default one; the first theme's wins.
  (dolist (spec (append (or (mapcar #'cadr (reverse (get face 'theme-face)))
                            (list (face-user-default-spec face)))
                        (list (get face 'face-override-spec))))
    (when spec (faces--apply-plist face 'faces--frame-only (face-spec-choose spec frame)))))

(defun face-spec-set (face spec &optional spec-type) "Make SPEC the spec of FACE of kind SPEC-TYPE, and recompute FACE.
SPEC-TYPE nil sets the override spec, `face-defface-spec' the default one,
and another symbol is the property SPEC is stored in."
  (put face (or spec-type 'face-override-spec) spec)
  (faces--create face)
  (face-spec-recalc face nil)
  nil)

(defun custom-declare-face (face spec doc &rest args) "Make FACE a face defined by the display spec SPEC and documented by DOC.
It is what `defface' calls; the first definition wins, and the keyword
pairs ARGS are handled as for other customizable items."
  (when load-in-progress
    (push (cons 'defface face) current-load-list))
  (unless (get face 'face-defface-spec)
    (put face 'face-defface-spec (purecopy spec))
    (put face 'face-modified nil)
    (if doc (set-face-documentation face doc))
    (custom-handle-all-keywords face args 'custom-face)
    (faces--create face)
    (face-spec-recalc face nil)
    (custom--declared face))
  face)

(defun face-list-p (face-or-list) "Non-nil if FACE-OR-LIST is a list of faces rather than a single face.
A list of attributes, or an old-style (foreground-color . COLOR) pair, is one face."
  (cond ((not (listp face-or-list)) nil)
        ((keywordp (car face-or-list)) nil)
        (t (not (memq (car face-or-list) '(foreground-color background-color))))))

(defun face-spec-recalc-all () "Recompute every face from its specs."
  (dolist (face (face-list)) (face-spec-recalc face nil)))

(defcustom frame-background-mode nil "Whether frames are taken to have a `dark' or `light' background.
nil works it out from each frame's background color."
  :group 'faces
  :type '(choice (const dark) (const light) (const :tag "automatic" nil)))

(defun faces--background-mode-of (frame) "Return `dark' or `light': the background FRAME should be taken to have."
  (or frame-background-mode
      (let ((bg (frame-parameter frame 'background-color)))
        (cond ((member bg '(nil "unspecified-bg")) 'dark)
              ((equal bg "unspecified-fg") 'light)
              (t (let ((rgb (color-values bg frame)))
                   ;; Under half of white's brightness is a dark background.
                   (if (and rgb (< (apply #'+ rgb) (* 3 32768))) 'dark 'light)))))))

(defun faces--frame-plist (face frame) "Return FACE's attributes on FRAME as a property list."
  (mapcan (lambda (attr) (list attr (face-attribute face attr frame)))
          (cons :distant-foreground faces--listed-attributes)))

(defun frame-set-background-mode (frame &optional keep-face-specs) "Recompute FRAME's `background-mode' parameter; return nil.
When it changes, each face that has just what its specs give it is
computed anew for the new background, unless KEEP-FACE-SPECS.  A face
changed since (by `set-face-attribute', say) is left as it is."
  (unless (or (null frame) (framep frame))
    (signal 'wrong-type-argument (list 'framep frame)))
  (let ((mode (faces--background-mode-of frame)))
    (unless (eq mode (frame-parameter frame 'background-mode))
      (let ((follow nil))
        (unless keep-face-specs
          ;; Which faces still are what their specs make them: try it.
          (dolist (face (face-list))
            (let ((now (faces--frame-plist face frame)))
              (face-spec-recalc face frame)
              (if (equal now (faces--frame-plist face frame))
                  (push face follow)
                (faces--apply-plist face 'faces--frame-only now)))))
        (modify-frame-parameters frame (list (cons 'background-mode mode)))
        (dolist (face follow) (face-spec-recalc face frame))))
    nil))

;;;; The faces every session starts with.

(defconst faces--frame-default
  '(:family "default" :foundry "default" :width normal :height 1 :weight normal :slant normal :underline nil :overline nil :extend nil :strike-through nil :box nil :inverse-video nil :foreground "unspecified-fg" :background "unspecified-bg" :stipple nil :inherit nil)
  "The attributes of the `default' face on the session's frame.")

;; Each standard face, in GNU's order of creation, with the attributes it
;; has on a batch session's frame (its specs' choice for a monochrome dark
;; terminal).  The new-frame defaults of these faces stay unspecified, as
;; GNU leaves them in batch.
(defconst faces--standard
  '(
    (default)
    (bold :weight bold)
    (italic :slant italic)
    (bold-italic :weight bold :slant italic)
    (underline :underline t)
    (fixed-pitch :family "Monospace")
    (fixed-pitch-serif :family "Monospace Serif")
    (variable-pitch :family "Sans Serif")
    (shadow)
    (link :inherit underline)
    (link-visited :inherit link)
    (highlight :inverse-video t)
    (region :inverse-video t)
    (secondary-selection :inverse-video t)
    (trailing-whitespace :inverse-video t)
    (line-number :inherit (shadow default))
    (line-number-current-line :inherit line-number)
    (line-number-major-tick :inherit line-number)
    (line-number-minor-tick :inherit line-number)
    (fill-column-indicator :weight normal :slant normal :underline nil :overline nil :strike-through nil :box nil :inverse-video nil :inherit shadow)
    (escape-glyph :foreground "cyan")
    (homoglyph :foreground "cyan")
    (nobreak-space :inverse-video t)
    (nobreak-hyphen :foreground "cyan")
    (mode-line :inverse-video t)
    (mode-line-inactive :inherit mode-line)
    (mode-line-highlight :inherit highlight)
    (mode-line-emphasis :weight bold)
    (mode-line-buffer-id :weight bold)
    (header-line :underline t :inverse-video nil :inherit mode-line)
    (header-line-highlight :inherit mode-line-highlight)
    (vertical-border :inherit mode-line-inactive)
    (window-divider :foreground "gray60")
    (window-divider-first-pixel :foreground "gray80")
    (window-divider-last-pixel :foreground "gray40")
    (internal-border)
    (child-frame-border)
    (minibuffer-prompt :foreground "cyan")
    (fringe :background "gray")
    (scroll-bar :foreground "white")
    (border)
    (cursor :background "white")
    (mouse)
    (tool-bar :box (:line-width 1 :style released-button) :foreground "black")
    (tab-bar :background "grey")
    (tab-line :background "grey")
    (menu :inverse-video t)
    (help-argument-name :inherit italic)
    (help-key-binding :background "grey90")
    (glyphless-char :inherit underline)
    (error :weight bold :inverse-video t)
    (warning :weight bold)
    (success :weight bold)
    (read-multiple-choice-face :weight bold :inherit underline)
    (tty-menu-enabled-face :weight bold)
    (tty-menu-disabled-face :inherit shadow)
    (tty-menu-selected-face :inverse-video t)
    (show-paren-match :inherit underline)
    (show-paren-match-expression :inherit show-paren-match)
    (show-paren-mismatch :inverse-video t)
    (button :inherit link)
    (next-error :inherit region)
    (next-error-message :extend t :inherit highlight)
    (separator-line :foreground "ForestGreen")
    (help-for-help-header :height 1.26)
    (completions-group-title :slant italic :inherit shadow)
    (completions-group-separator :strike-through t :inherit shadow)
    (completions-annotations :inherit (italic shadow))
    (completions-first-difference :inherit bold)
    (completions-common-part)
    (font-lock-comment-face :weight bold :slant italic)
    (font-lock-comment-delimiter-face :inherit font-lock-comment-face)
    (font-lock-string-face :slant italic)
    (font-lock-doc-face :inherit font-lock-string-face)
    (font-lock-doc-markup-face :inherit font-lock-constant-face)
    (font-lock-keyword-face :weight bold)
    (font-lock-builtin-face :weight bold)
    (font-lock-function-name-face :weight bold :inverse-video t)
    (font-lock-variable-name-face :weight bold :slant italic)
    (font-lock-type-face :weight bold :underline t)
    (font-lock-constant-face :weight bold :underline t)
    (font-lock-warning-face :inherit error)
    (font-lock-negation-char-face)
    (font-lock-preprocessor-face :inherit font-lock-builtin-face)
    (font-lock-regexp-grouping-backslash :inherit bold)
    (font-lock-regexp-grouping-construct :inherit bold)
    (mouse-drag-and-drop-region :inherit region)
    (isearch :inverse-video t)
    (isearch-fail :inverse-video t)
    (lazy-highlight :underline t)
    (isearch-group-1 :inherit isearch)
    (isearch-group-2 :inherit isearch)
    (file-name-shadow :inherit shadow)
    (tab-bar-tab :inverse-video nil :inherit tab-bar)
    (tab-bar-tab-inactive :inverse-video t :inherit tab-bar-tab)
    (tab-bar-tab-group-current :weight bold :box nil :inherit tab-bar-tab)
    (tab-bar-tab-group-inactive :inherit (shadow tab-bar-tab-inactive))
    (tab-bar-tab-ungrouped :inherit (shadow tab-bar-tab-inactive))
    (query-replace :inherit isearch)
    (match :inverse-video t)
    (tabulated-list-fake-header :weight bold :underline t :overline t)
    (buffer-menu-buffer :weight bold)
    (vc-state-base)
    (vc-up-to-date-state :inherit vc-state-base)
    (vc-needs-update-state :inherit vc-state-base)
    (vc-locked-state :inherit vc-state-base)
    (vc-locally-added-state :inherit vc-state-base)
    (vc-conflict-state :inherit vc-state-base)
    (vc-removed-state :inherit vc-state-base)
    (vc-missing-state :inherit vc-state-base)
    (vc-edited-state :inherit vc-state-base)
    (elisp-shorthand-font-lock-face :foreground "cyan" :inherit font-lock-keyword-face)
    (eldoc-highlight-function-argument :inherit bold)
    (tooltip :inherit variable-pitch))
  "The standard faces and their attributes on the session's frame.")


(dolist (entry faces--standard)
  (let ((face (car entry)))
    (faces--create face)
    (put face 'face-defface-spec (list (list t (cdr entry))))
    (faces--apply-plist face nil nil)
    (let ((v (faces--vector face nil)) (attrs (if (eq face 'default) faces--frame-default (cdr entry))))
      (while attrs
        (aset v (faces--slot (car attrs)) (cadr attrs))
        (setq attrs (cddr attrs))))))
(put 'default 'face-defface-spec '((t nil)))

(provide 'faces)

;;; faces.el ends here
