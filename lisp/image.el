;;; image.el --- image descriptors, image types and where image files are found  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; tsmacs draws no images, as GNU Emacs built without a window system ("nox"): no image type
;; is available and `image-type-available-p' says nil for each.  What does not need a display
;; works as there: recognising a type from a file name or from data, image descriptors and
;; their properties, the overlays and text properties that show an image, the search of the
;; image load path.  A descriptor whose type is unavailable is refused (`create-image').

;;; Code:

(defgroup image () "Image support." :group 'multimedia)

(define-error 'unknown-image-type "Unknown image type" 'error)

(defconst image-type-header-regexps (list
        (cons "\\`/[\t\n\r ]*\\*.*XPM.\\*/" 'xpm)
        (cons (concat "\\`P[1-6]\\(?:\\(?:\\(?:#[^\r\n]*[\r\n]\\)*[[:space:]]\\)+"
                      "\\(?:\\(?:#[^\r\n]*[\r\n]\\)*[0-9]\\)+\\)\\{2\\}")
              'pbm)
        (cons "\\`GIF8[79]a" 'gif)
        (cons "\\`\211PNG\r\n\032\n" 'png)
        (cons (concat "\\`[\t\n\r ]*#define \\([a-z0-9_]+\\)_width [0-9]+\n"
                      "#define \\1_height [0-9]+\n"
                      "\\(#define \\1_x_hot [0-9]+\n#define \\1_y_hot [0-9]+\n\\)?"
                      "static \\(unsigned \\)?char \\1_bits")
              'xbm)
        (cons "\\`\\(?:MM\0\\*\\|II\\*\0\\)" 'tiff)
        (cons "\\`[\t\n\r ]*%!PS" 'postscript)
        (cons "\\`\377\330" 'jpeg)
        (let ((blank "[ \t\r\n]") (comment "<\\(?:!--\\(?:[^-]\\|-[^-]\\)*-->[ \t\r\n]*<\\)*"))
          (cons (concat "\\(?:<\\?xml" blank "+[^>]*>\\)?" blank "*" comment
                        "\\(?:!DOCTYPE" blank "+[^>]*>" blank "*<" blank "*"
                        (substring comment 1) "\\)?[Ss][Vv][Gg]")
                'svg)))
  "How the start of an image's data tells its type: (REGEXP . TYPE), tried in order.")

(defconst image-type-file-name-regexps
  (mapcar (lambda (word)
            (let* ((parts (split-string word ":"))
                   (suffix (car parts)))
              (cons (format "\\.%s\\'" suffix)
                    (intern (or (cadr parts) (replace-regexp-in-string "[?].*" "" suffix))))))
          (split-string "png gif jpe?g:jpeg bmp xpm pbm xbm ps:postscript tiff?:tiff svgz?:svg"))
  "How a file's name tells its image type: (REGEXP . TYPE), tried in order, ignoring case.")

(defvar image-type-auto-detectable (mapcar
  (lambda (type)
            (cons type (cond ((memq type '(xbm xpm postscript)) nil)
                             ((eq type 'pbm) t)
                             (t 'maybe))))
          '(pbm xbm bmp gif png xpm jpeg tiff svg postscript))
  "For each image type, whether data of that type is safely recognised: t, maybe or nil.")

(defvar image-format-suffixes (mapcar (lambda (kind) (list (intern (concat "image/x-" (car kind))) (cdr kind)))
          '(("rgb" . "rgb") ("icon" . "ico")))
  "File name suffixes to try for MIME image types that have no suffix of their own.")

(defcustom image-load-path `(,(expand-file-name "images/" data-directory) data-directory load-path)
  "Where `find-image' looks for image files: directories, and variables holding one or a list."
  :group 'image :type '(repeat (choice directory variable)))

(defcustom image-scaling-factor 'auto "How much to scale images by default: a number, or `auto' to follow the frame's font."
  :group 'image :type '(choice number (const :tag "Automatically compute" auto)))

(defcustom image-use-external-converter nil "Non-nil means images of unsupported types may be converted with an outside program."
  :group 'image :type 'boolean)

(defvar image-default-frame-delay 0.1 "Seconds between the frames of an animation that gives no delay.")

(defvar image-minimum-frame-delay 0.01 "The shortest delay between the frames of an animation.")

(defvar find-image--cache (make-hash-table :test #'equal)
  "The images `find-image' found, by their specification, when it was asked to remember them.")

(defvar image-map (let ((keys (make-sparse-keymap)))
    (pcase-dolist (`(,key . ,command)
                   '(("-" . image-decrease-size) ("+" . image-increase-size)
                     ([C-wheel-down] . image-mouse-decrease-size) ([C-mouse-5] . image-mouse-decrease-size)
                     ([C-wheel-up] . image-mouse-increase-size) ([C-mouse-4] . image-mouse-increase-size)
                     ("r" . image-rotate) ("o" . image-save)))
      (define-key keys key command))
    keys)
  "The keys active on an image that `insert-image' or `put-image' shows.")

(defun image-type-available-p (type) "Non-nil when images of TYPE can be shown; in tsmacs, which draws no images, never."
  (ignore type)
  nil)

(defun image-type-from-data (data) "The image type whose header DATA starts with (per `image-type-header-regexps'), or nil."
  (seq-some (lambda (entry)
              (and (string-match-p (car entry) data)
                   (if (functionp (cdr entry)) (funcall (cdr entry) data) (cdr entry))))
            image-type-header-regexps))

(defun image--showable-type (head) "The type of image data starting with HEAD when that type can be shown, else nil."
  (let ((type (image-type-from-data head)))
    (if (image-type-available-p type) type)))

(defun image-type-from-buffer () "The type of the image whose data this buffer starts with, if that type can be shown."
  (let ((from (point-min)))
    (image--showable-type (buffer-substring-no-properties from (min (point-max) (+ from 256))))))

(defun image-type-from-file-header (file) "The type of the image in FILE, judged by its first bytes, if that type can be shown."
  (and (file-readable-p file)
       (image--showable-type
        (with-temp-buffer (set-buffer-multibyte nil)
          (insert-file-contents-literally file nil 0 256)
          (buffer-substring (point-min) (point-max))))))

(defun image-type-from-file-name (file) "The image type that FILE's name says (per `image-type-file-name-regexps'), or nil."
  (let* ((case-fold-search t))
    (cdr (seq-find (lambda (entry) (string-match-p (car entry) file))
                   image-type-file-name-regexps))))

(defun image-type (source &optional type data-p) "The image type of SOURCE, a file name or (DATA-P non-nil) image data; TYPE when given.
Signal `unknown-image-type' when no type can be told, an error when the type cannot be shown."
  (let ((found (cond (type)
                     (data-p (image-type-from-data source))
                     (t (or (image-type-from-file-header source)
                            (image-type-from-file-name source))))))
    (cond ((null found) (signal 'unknown-image-type "Cannot determine image type"))
          ((image-type-available-p found) found)
          (t (error "Invalid image type `%s'" found)))))

(defun image-type-auto-detected-p () "Non-nil when this buffer holds image data of a type that is safely recognised."
  (let ((type (image-type-from-buffer)))
    (and type (eq (cdr (assq type image-type-auto-detectable)) t))))

(defun image-compute-scaling-factor (scaling) "The factor SCALING means: a number as is, `auto' one per ten pixels of character width (at least 1)."
  (pcase scaling
    ('auto (let ((width (frame-char-width)))
             (if (<= width 10) 1 (/ width 10.0))))
    ((pred numberp) scaling)
    (_ (error "Invalid scaling factor %s" scaling))))

(defun create-image (file-or-data &optional type data-p &rest props) "An image descriptor for FILE-OR-DATA, a file or (DATA-P non-nil) data, of TYPE, with PROPS."
  (setq type (condition-case nil (image-type file-or-data type data-p)
               (unknown-image-type nil)))
  (when type
    (unless (plist-member props :scale)
      (setq props (plist-put props :scale (image-compute-scaling-factor image-scaling-factor))))
    (append (list 'image :type type (if data-p :data :file) file-or-data) props)))

(defun image-property (image property) "The value of PROPERTY in the image descriptor IMAGE, or nil."
  (cadr (plist-member (cdr image) property)))

(defun image--set-property (image property value) "Set PROPERTY of IMAGE to VALUE in place; nil VALUE removes it.  Return VALUE."
  (if value
      (setcdr image (plist-put (cdr image) property value))
    (let ((cell image))
      (while (consp (cdr cell))
        (if (eq (cadr cell) property)
            (setcdr cell (nthcdr 3 cell))
          (setq cell (cddr cell))))))
  value)

(gv-define-simple-setter image-property image--set-property)

(defun image--display-spec (image area) "The display property that shows IMAGE in AREA (nil for the text area)."
  (or (eq 'image (car-safe image)) (error "Not an image: %s" image))
  (unless (memq area '(nil left-margin right-margin)) (error "Invalid area %s" area))
  (if area (list (list 'margin area) image) image))

(defun put-image (image pos &optional string area) "Show IMAGE before POS with an overlay; STRING (\"x\") stands for it in text."
  (let* ((spec (image--display-spec image area))
         (shown (propertize (or string "x") 'display spec))
         (overlay (make-overlay pos pos (current-buffer))))
    (dolist (prop `((put-image . t) (before-string . ,shown) (map . ,image-map)) overlay)
      (overlay-put overlay (car prop) (cdr prop)))))

(defun insert-image (image &optional string area slice) "Insert STRING (\" \") at point, shown as IMAGE (in AREA, or only its SLICE (X Y WIDTH HEIGHT))."
  (let ((spec (image--display-spec image area))
        (from (point)))
    (when slice (setq spec (list (cons 'slice slice) spec)))
    (insert (or string " "))
    (add-text-properties from (point) `(display ,spec rear-nonsticky t keymap ,image-map))))

(defun insert-sliced-image (image &optional string area rows cols) "Insert IMAGE cut into ROWS by COLS slices (one of each by default), a row per line."
  (let* ((rows (or rows 1)) (cols (or cols 1))
         (dx (/ 1.0001 cols)) (dy (/ 1.0001 rows))
         (spec (image--display-spec image area)))
    (dotimes (row rows)
      (dotimes (col cols)
        (let ((from (point)))
          (insert (or string " "))
          (add-text-properties from (point)
                               `(display ((slice ,(* col dx) ,(* row dy) ,dx ,dy) ,spec)
                                 rear-nonsticky (display) keymap ,image-map))))
      (insert "\n")
      (put-text-property (1- (point)) (point) 'line-height t))))

(defun remove-images (start end &optional buffer) "Delete the images `put-image' placed in BUFFER between START and END.
As GNU's, the overlays examined are the current buffer's."
  (let ((target (or buffer (current-buffer))))
    (mapc (lambda (overlay)
            (and (overlay-get overlay 'put-image) (eq (overlay-buffer overlay) target)
                 (delete-overlay overlay)))
          (overlays-in start end))))

(defun image-search-load-path (file &optional path) "The first FILE found along PATH (`image-load-path' by default), or nil.
An element is a directory, or a variable holding one or a list of them."
  (catch 'image--found
    (dolist (place (or path image-load-path))
      (dolist (dir (cond ((stringp place) (list place))
                         ((and (symbolp place) (boundp place))
                          (let ((value (symbol-value place)))
                            (if (listp value) value (list value))))))
        (let ((candidate (and (stringp dir) (expand-file-name file dir))))
          (if (and candidate (file-readable-p candidate)) (throw 'image--found candidate)))))
    nil))

(defun find-image (specs &optional cache) "The first of SPECS, image specifications, whose type can be shown and whose file or data is there, as an image.
With CACHE non-nil, an image found is remembered for the same SPECS."
  (or (and cache (gethash specs find-image--cache))
      (let ((image (seq-some #'image--from-spec specs)))
        (when (and image cache) (puthash specs image find-image--cache))
        image)))

(defun image--from-spec (spec) "The image SPEC, a property list, gives: nil when its type cannot be shown or its file is missing."
  (and (image-type-available-p (plist-get spec :type))
       (pcase (plist-get spec :file)
         ((and (pred stringp) name)
          (let ((where (image-search-load-path name)))
            (if where `(image ,@(plist-put (copy-sequence spec) :file where)))))
         (_ (if (plist-get spec :data) `(image ,@spec))))))

(defmacro defimage (symbol specs &optional doc) "Define SYMBOL as a variable holding the image `find-image' finds for SPECS; DOC documents it."
  (declare (indent defun) (doc-string 3))
  `(defvar ,symbol (find-image ',specs) ,doc))

(defun image-current-frame (image) "The index of the frame IMAGE shows (0 for the first)."
  (let ((index (image-property image :index))) (if index index 0)))

(defun image--get-image (&optional position) "The image shown at POSITION (point by default), or an error."
  (pcase (get-char-property (or position (point)) 'display)
    ((and `(image . ,_) found) found)
    (_ (error "No image under point"))))

(defun image--get-imagemagick-and-warn (&optional position) "The image at POSITION, when this Emacs can transform images."
  ;; As in GNU Emacs built without a window system: `image-transforms-p' is not defined.
  (unless (image-transforms-p) (error "Cannot transform images"))
  (image--get-image position))

(defun image-rotate (&optional angle) "Rotate the image at point by ANGLE degrees (90 by default; -90 with a prefix argument)."
  (interactive (list (* 90 (if current-prefix-arg -1 1))))
  (let* ((image (image--get-imagemagick-and-warn))
         (before (or (image-property image :rotation) 0)))
    (image--set-property image :rotation (float (mod (+ before (or angle 90)) 360)))))

(defun image--change-size (factor &optional position) "Scale the image at POSITION by FACTOR."
  (let ((image (image--get-imagemagick-and-warn position)))
    (image--set-property image :scale (* (or (image-property image :scale) 1) factor))))

(defun image-increase-size (&optional n position) "Make the image at POSITION larger: by 20%, or N tenths."
  (interactive "P")
  (image--change-size (+ 1 (image--step n)) position))

(defun image-decrease-size (&optional n position) "Make the image at POSITION smaller: by 20%, or N tenths."
  (interactive "P")
  (image--change-size (- 1 (image--step n)) position))

(defun image--step (arg) "The change of scale the prefix argument ARG asks for: ARG tenths, or a fifth."
  (if arg (/ (prefix-numeric-value arg) 10.0) 0.2))

(defun image-mouse-increase-size (&optional event) "Make the image EVENT was on larger."
  (interactive "e")
  (image--change-size 1.2 (image--event-position event)))

(defun image-mouse-decrease-size (&optional event) "Make the image EVENT was on smaller."
  (interactive "e")
  (image--change-size 0.8 (image--event-position event)))

(defun image--event-position (event) "The buffer position of mouse EVENT, or nil without one."
  (if event (posn-point (event-start event))))

(defun image-save () "Write the image at point to a file, asked for."
  (interactive)
  (let* ((image (image--get-image))
         (data (image-property image :data))
         (file (image-property image :file))
         (target (read-file-name "Write image to file: ")))
    (with-temp-buffer (set-buffer-multibyte nil)
      (if data (insert data) (insert-file-contents-literally file))
      (write-region nil nil target))))

(provide 'image)

;;; image.el ends here
