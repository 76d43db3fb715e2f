;;; composite.el --- Compositions of characters, kept as text properties  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (test/corpus/lib-composite.el)
;; and the Emacs Lisp manual's "Special Properties" node (the `composition' property).
;;
;; Autoloaded.  tsmacs draws no glyphs, so a composition is only the `composition' text
;; property: ((LENGTH . COMPONENTS) . MODIFICATION-FUNCTION), as `compose-region' and
;; `compose-string' put it.  The glyph-string accessors work on the vectors the shaping
;; functions of a display would exchange; nothing here shapes text.

;;; Composition rules.

;; The twelve reference points of a glyph, in code order, then the other names they go by.
(defconst composite--points [tl tc tr Bl Bc Br bl bc br cl cc cr]
  "The reference points of a glyph, indexed by their code.")
(defconst composite--point-aliases
  '((top-left . tl) (top-center . tc) (top-right . tr) (base-left . Bl) (base-center . Bc)
    (base-right . Br) (bottom-left . bl) (bottom-center . bc) (bottom-right . br)
    (center-left . cl) (center-center . cc) (center-right . cr) (ml . Bl) (mc . cc) (mr . Br))
  "Other names of the reference points.")

(defun composite--point-code (point) "Return the code of the reference point named POINT, or POINT itself when it is no name."
  (if (symbolp point)
      (let ((name (or (cdr (assq point composite--point-aliases)) point)))
        (seq-position composite--points name))
    point))

(defun encode-composition-rule (rule) "Return the integer that encodes the composition RULE.
RULE is (GLOBAL-REF . NEW-REF) or (GLOBAL-REF NEW-REF XOFF YOFF), each
REF a reference point such as `tl' or `br', offsets from -100 to 100.
An integer RULE is already encoded and is returned as it is."
  (cond
   ((integerp rule) rule)
   ((not (consp rule)) (error "Invalid composition rule: %S" rule))
   (t
    (let* ((offsets (consp (cdr rule)))
           (here (composite--point-code (car rule)))
           (there (composite--point-code (if offsets (cadr rule) (cdr rule))))
           (code (+ (* here 12) there)))
      (if (not offsets)
          code
        (let ((dx (nth 2 rule)) (dy (nth 3 rule)))
          (unless (and (<= -100 dx 100) (<= -100 dy 100))
            (error "Invalid composition rule: %S" rule))
          (logior (ash (+ dx 128) 16) (ash (+ dy 128) 8) code)))))))

(defun decode-composition-rule (code) "Return the composition rule that the integer CODE encodes.
The value is (GLOBAL-REF . NEW-REF), or (GLOBAL-REF XOFF YOFF NEW-REF) when
CODE carries offsets."
  (unless (and (integerp code) (<= 0 code #xffffff))
    (error "Invalid encoded composition rule: %S" code))
  (let ((low (logand code #xff)))
    (unless (< low 144)
      (error "Invalid composition rule code: %S" low))
    (let ((here (aref composite--points (/ low 12)))
          (there (aref composite--points (% low 12))))
      (if (< code #x100)
          (cons here there)
        (list here (- (ash code -16) 128) (- (logand (ash code -8) #xff) 128) there)))))

(defun encode-composition-components (components &optional nocopy) "Return COMPONENTS with each composition rule in it encoded.
COMPONENTS is a list or vector alternating characters and rules.  It is
changed in place when NOCOPY is non-nil, else a copy is changed."
  (let ((seq (if (or nocopy (not (sequencep components))) components (copy-sequence components))))
    (cond
     ((vectorp seq)
      (let ((i 1))
        (while (< i (length seq))
          (aset seq i (encode-composition-rule (aref seq i)))
          (setq i (+ i 2)))))
     (t
      (let ((tail (cdr seq)))
        (while tail
          (setcar tail (encode-composition-rule (car tail)))
          (setq tail (cddr tail))))))
    seq))

(defun decode-composition-components (components &optional nocopy) "Return the vector COMPONENTS with its encoded rules decoded.
Every second element is a rule.  The vector is changed in place when
NOCOPY is non-nil, else a copy is changed."
  (let ((vec (if nocopy components (copy-sequence components)))
        (i 1))
    (while (< i (length vec))
      (aset vec i (decode-composition-rule (aref vec i)))
      (setq i (+ i 2)))
    vec))

;;; Making and finding compositions.

(defun composite--property (len components modification-func) "Return the `composition' property value for LEN characters made of COMPONENTS."
  (let ((head (cons len (if (consp components)
                            (encode-composition-components components)
                          components))))
    (if modification-func (cons head modification-func) (list head))))

(defun compose-region-internal (start end &optional components modification-func) "Compose the text from START to END into one glyph, as the `composition' property says.
COMPONENTS and MODIFICATION-FUNC are as in `compose-region'."
  (let ((from (min start end)) (to (max start end)))
    (unless (and (<= (point-min) from) (<= to (point-max)))
      (signal 'args-out-of-range (list (current-buffer) start end)))
    (put-text-property from to 'composition
                       (composite--property (- to from) components modification-func))))

(defun compose-string-internal (string start end &optional components modification-func) "Compose the characters of STRING from START to END; return STRING.
COMPONENTS and MODIFICATION-FUNC are as in `compose-region'."
  (let* ((len (length string))
         (from (if (< start 0) (+ len start) start))
         (to (if (< end 0) (+ len end) end)))
    (unless (and (<= 0 from) (<= from to) (<= to len))
      (signal 'args-out-of-range (list string start end)))
    (put-text-property from to 'composition
                       (composite--property (- to from) components modification-func)
                       string)
    string))

(defun compose-region (start end &optional components modification-func) "Compose the text from START to END, so that it shows as one glyph.
COMPONENTS says how: nil to overlay the characters, a character or a
string to show instead, or a list or vector alternating characters and
composition rules.  MODIFICATION-FUNC is called when the text changes.
The buffer is not counted as modified."
  (interactive "r")
  (with-silent-modifications
    (compose-region-internal start end components modification-func))
  t)

(defun decompose-region (start end) "Take away the compositions of the text from START to END.
The buffer is not counted as modified."
  (interactive "r")
  (with-silent-modifications
    (remove-text-properties start end '(composition nil)))
  t)

(defun compose-string (string &optional start end components modification-func) "Compose the characters of STRING from START (0) to END (its length); return STRING.
COMPONENTS and MODIFICATION-FUNC are as in `compose-region'."
  (let ((to (or end (length string))))
    (compose-string-internal string (or start 0) to components modification-func)))

(defun decompose-string (string) "Take away the compositions of STRING; return it."
  (remove-list-of-text-properties 0 (length string) '(composition) string)
  string)

(defun compose-chars (&rest args) "Return a string of the characters in ARGS, composed.
ARGS alternate characters and composition rules when the second is a rule;
otherwise they are characters only."
  (if (and (cdr args) (not (characterp (cadr args))))
      (let ((chars nil) (tail args))
        (while tail
          (push (car tail) chars)
          (setq tail (cddr tail)))
        (compose-string (apply #'string (nreverse chars)) 0 nil args))
    (compose-string (apply #'string args))))

(defun compose-last-chars (args) "Compose the characters before point as the event ARGS asks.
ARGS is (compose-last-chars N COMPONENTS): the N characters before point
are composed of COMPONENTS, when there are that many; with no COMPONENTS
nothing is done."
  (interactive "e")
  (let ((count (nth 1 args))
        (components (nth 2 args)))
    (and components
         (<= count (- (point) (point-min)))
         (compose-region (- (point) count) (point) components))))

(defun composite--run (pos object) "Return (START . END) of the stretch of OBJECT around POS with one `composition' value."
  (let* ((low (if object 0 (point-min)))
         (high (if object (length object) (point-max)))
         (start (or (previous-single-property-change (1+ pos) 'composition object) low))
         (end (or (next-single-property-change pos 'composition object) high)))
    (cons start end)))

(defun composite--describe (run prop object detail-p) "Return what `find-composition' says of the composition PROP over RUN of OBJECT."
  (let* ((start (car run)) (end (cdr run))
         (head (and (consp prop) (car prop)))
         (valid (and (consp head) (integerp (car head)) (= (car head) (- end start)))))
    (if (not (and valid detail-p))
        (list start end (and valid t))
      (let* ((given (cdr head))
             (relative (not (consp given)))
             (components
              (cond ((null given)
                     (vconcat (if object (substring-no-properties object start end)
                                (buffer-substring-no-properties start end))))
                    ((characterp given) (vector given))
                    ((consp given) (vconcat given))
                    (t (vconcat given))))
             (chars (if relative
                        (append components nil)
                      (let ((l nil) (i 0))
                        (while (< i (length components))
                          (push (aref components i) l)
                          (setq i (+ i 2)))
                        l)))
             (widths (mapcar #'char-width chars)))
        (list start end components relative (cdr prop)
              (if relative (apply #'max widths) (apply #'+ widths)))))))

(defun find-composition-internal (pos limit string detail-p) "Return the composition at POS in the current buffer or STRING, its rules encoded.
Arguments and value as in `find-composition'."
  (if string
      (unless (and (integerp pos) (<= 0 pos (length string)))
        (signal 'args-out-of-range (list string pos)))
    (unless (integer-or-marker-p pos)
      (signal 'wrong-type-argument (list 'integer-or-marker-p pos)))
    (setq pos (prefix-numeric-value pos))
    (unless (<= (point-min) pos (point-max))
      (signal 'args-out-of-range (list (current-buffer) pos))))
  (let* ((end (if string (length string) (point-max)))
         (at (and (< pos end) (get-text-property pos 'composition string)))
         (found (and at pos)))
    (when (and (not found) limit (not string) (> limit pos))
      ;; Forward: the first stretch with the property before LIMIT.
      (let ((next (next-single-property-change pos 'composition nil limit)))
        (when (and next (< next limit) (get-text-property next 'composition))
          (setq found next))))
    (when (and (not found) limit (< limit pos))
      ;; Backward: from the character before POS, skipping stretches without one.
      (let ((p (1- pos)))
        (while (and (not found) (>= p (if string 0 (point-min))) (>= (1+ p) limit))
          (if (get-text-property p 'composition string)
              (setq found p)
            (setq p (1- (or (previous-single-property-change (1+ p) 'composition string limit)
                            limit)))))))
    (when found
      (composite--describe (composite--run found string)
                           (get-text-property found 'composition string) string detail-p))))

(defun find-composition (pos &optional limit string detail-p) "Return the composition at POS in the current buffer, or in STRING.
The value is (FROM TO VALID-P), or with DETAIL-P and a valid composition
\(FROM TO COMPONENTS RELATIVE-P MODIFICATION-FUNC WIDTH).  When there is
none at POS and LIMIT is given, the nearest one between POS and LIMIT is
found instead.  nil means there is none."
  (let ((found (find-composition-internal pos limit string detail-p)))
    ;; The rules among the components are shown decoded.
    (when (and (nthcdr 3 found) (not (nth 3 found)))
      (setcar (nthcdr 2 found) (decode-composition-components (nth 2 found) t)))
    found))

;;; Glyph strings and glyphs, as vectors.

;; A glyph string is [HEADER ID GLYPH...] with HEADER [FONT CHAR...].
(defun lgstring-header (gstring) "Return the header of GSTRING." (aref gstring 0))
(defun lgstring-set-header (gstring header) "Give GSTRING the HEADER." (aset gstring 0 header))
(defun lgstring-font (gstring) "Return the font of GSTRING." (aref (aref gstring 0) 0))
(defun lgstring-char (gstring i) "Return the Ith character of GSTRING." (aref (aref gstring 0) (1+ i)))
(defun lgstring-char-len (gstring) "Return the number of characters of GSTRING." (1- (length (aref gstring 0))))
(defun lgstring-shaped-p (gstring) "Return GSTRING's id, non-nil once it is shaped." (aref gstring 1))
(defun lgstring-set-id (gstring id) "Give GSTRING the ID." (aset gstring 1 id))
(defun lgstring-glyph (gstring i) "Return the Ith glyph of GSTRING." (aref gstring (+ i 2)))
(defun lgstring-glyph-len (gstring) "Return the number of glyph slots of GSTRING." (- (length gstring) 2))
(defun lgstring-set-glyph (gstring i glyph) "Make GLYPH the Ith glyph of GSTRING." (aset gstring (+ i 2) glyph))

(defun lgstring-insert-glyph (gstring idx glyph) "Insert GLYPH into GSTRING at IDX, moving later glyphs up; return the glyph string.
The first empty slot takes the move; without one, a longer copy is made."
  (let* ((slot (let ((i 2))
                 (while (and (< i (length gstring)) (aref gstring i)) (setq i (1+ i)))
                 i))
         (gs (if (< slot (length gstring)) gstring (vconcat gstring '(nil))))
         (i slot))
    (while (> i (+ idx 2))
      (aset gs i (aref gs (1- i)))
      (setq i (1- i)))
    (aset gs (+ idx 2) glyph)
    gs))

(defun lgstring-remove-glyph (gstring idx) "Return a copy of GSTRING without its glyph IDX, an empty slot at the end instead."
  (vconcat (substring gstring 0 (+ idx 2)) (substring gstring (+ idx 3)) '(nil)))

;; A glyph is [FROM TO CHAR CODE WIDTH LBEARING RBEARING ASCENT DESCENT ADJUSTMENT].
(defun lglyph-from (glyph) "Return the index of GLYPH's first character." (aref glyph 0))
(defun lglyph-to (glyph) "Return the index of GLYPH's last character." (aref glyph 1))
(defun lglyph-char (glyph) "Return GLYPH's character." (aref glyph 2))
(defun lglyph-code (glyph) "Return GLYPH's code in its font." (aref glyph 3))
(defun lglyph-width (glyph) "Return GLYPH's width." (aref glyph 4))
(defun lglyph-lbearing (glyph) "Return GLYPH's left bearing." (aref glyph 5))
(defun lglyph-rbearing (glyph) "Return GLYPH's right bearing." (aref glyph 6))
(defun lglyph-ascent (glyph) "Return GLYPH's ascent." (aref glyph 7))
(defun lglyph-descent (glyph) "Return GLYPH's descent." (aref glyph 8))
(defun lglyph-adjustment (glyph) "Return GLYPH's adjustment [XOFF YOFF WADJUST]." (aref glyph 9))
(defun lglyph-set-from-to (glyph from to) "Give GLYPH the character indices FROM and TO."
  (aset glyph 0 from)
  (aset glyph 1 to))
(defun lglyph-set-char (glyph char) "Give GLYPH the CHAR." (aset glyph 2 char))
(defun lglyph-set-code (glyph code) "Give GLYPH the font CODE." (aset glyph 3 code))
(defun lglyph-set-width (glyph width) "Give GLYPH the WIDTH." (aset glyph 4 width))
(defun lglyph-set-adjustment (glyph &optional xoff yoff wadjust) "Give GLYPH the adjustment XOFF, YOFF and WADJUST (each 0 when nil)."
  (aset glyph 9 (vector (or xoff 0) (or yoff 0) (or wadjust 0))))
(defun lglyph-copy (glyph) "Return a copy of GLYPH." (copy-sequence glyph))

;;; The modes.

(defun auto-composition-mode (&optional arg) "Toggle composing characters automatically as they are shown in this buffer.
ARG as for any minor mode: positive or nil turns it on, `toggle' toggles."
  (interactive (list (or current-prefix-arg 'toggle)))
  (setq auto-composition-mode
        (if (eq arg 'toggle) (not auto-composition-mode) (> (prefix-numeric-value (or arg 1)) 0)))
  auto-composition-mode)

(defalias 'toggle-auto-composition #'auto-composition-mode)

(defun global-auto-composition-mode (&optional arg) "Toggle Auto Composition mode in the buffers that do not set it themselves.
ARG as for `auto-composition-mode'; the mode's state is the default value
of `auto-composition-mode'."
  (interactive (list (or current-prefix-arg 'toggle)))
  (let ((on (if (eq arg 'toggle)
                (not (default-value 'auto-composition-mode))
              (> (prefix-numeric-value (or arg 1)) 0))))
    (set-default 'auto-composition-mode on)
    on))

(provide 'composite)
