;;; mule.el --- charsets and coding systems: the Lisp side of multilingual text  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and the Elisp
;; manual.  GNU splits this between charset.c, coding.c, mule.el and
;; mule-cmds.el; here the charset and coding-system registries are Lisp
;; data (built from lisp/mule-data.el, which a script records from a
;; running GNU Emacs) and the functions that read and change them are Lisp
;; too.  Converting text stays in coding.ts: the coding systems it cannot
;; convert are known here by name and properties only.

;;; Code:

(require 'mule-data)

;;;; Charsets

;; A charset is a record [NAME ID PLIST CHARS BY-CHAR]: CHARS is, for a
;; one-byte charset given by a map, a string of its characters by code (from
;; the code space's first code; NUL where a code has none); BY-CHAR is the
;; reverse of it, a hash table made when first needed.

(defvar mule--charsets (make-hash-table :test 'eq) "Every charset name and alias, mapped to its record.")

(defvar mule--charset-order nil "The charsets by priority, highest first.")

(defvar mule--charset-preferred nil "The charsets last given to `set-charset-priority', which win over Unicode in `char-charset'.")

(defvar mule--iso-overrides nil "Entries ((DIMENSION CHARS FINAL) . CHARSET) made by `declare-equiv-charset'.")

(defvar charset-list nil "The names of every charset, newest first.")

(let ((recs mule--charset-records))
  (while recs
    (let ((r (car recs)))
      (puthash (car r) (vector (car r) (nth 1 r) (nth 2 r) (nth 3 r) nil) mule--charsets)
      (setq charset-list (cons (car r) charset-list)))
    (setq recs (cdr recs)))
  (setq charset-list (nreverse charset-list)
        mule--charset-order (copy-sequence mule--charset-priority-start)))

(defun charsetp (object) "Tell whether OBJECT names a charset."
  (and (symbolp object) (gethash object mule--charsets) t))

(defun mule--charset (cs) "The record of charset CS; signal `wrong-type-argument' when CS is none."
  (or (and (symbolp cs) (gethash cs mule--charsets))
      (signal 'wrong-type-argument (list 'charsetp cs))))

(defun charset-plist (charset) "Give the property list of CHARSET."
  (aref (mule--charset charset) 2))

(defun set-charset-plist (charset plist) "Make PLIST the property list of CHARSET and give PLIST."
  (aset (mule--charset charset) 2 plist)
  plist)

(defun get-charset-property (charset propname) "Give CHARSET's property PROPNAME."
  (plist-get (aref (mule--charset charset) 2) propname))

(defun put-charset-property (charset propname value) "Set CHARSET's property PROPNAME to VALUE."
  (let ((rec (mule--charset charset)))
    (aset rec 2 (plist-put (aref rec 2) propname value))))

(defun charset-id-internal (&optional charset) "Give the internal number of CHARSET."
  (aref (mule--charset charset) 1))

(defun charset-dimension (charset) "Give how many bytes a code of CHARSET has."
  (get-charset-property charset :dimension))

(defun mule--space (rec) "The code space of charset record REC as a list of (MIN . MAX) per byte, lowest byte first."
  (let* ((pl (aref rec 2))
         (v (plist-get pl :code-space))
         (dim (or (plist-get pl :dimension) (/ (length v) 2)))
         (ranges nil))
    ;; Built from the highest byte down, so that the list comes out lowest first.
    (dotimes (j dim)
      (let ((k (- dim j 1)))
        (push (cons (aref v (* 2 k)) (aref v (1+ (* 2 k)))) ranges)))
    ranges))

(defun charset-chars (charset &optional dimension) "Give how many codes CHARSET's byte number DIMENSION (default 1) can take."
  (let ((pair (nth (1- (or dimension 1)) (mule--space (mule--charset charset)))))
    (if pair (1+ (- (cdr pair) (car pair))) 0)))

(defun charset-iso-final-char (charset) "Give CHARSET's ISO 2022 final character, or -1 when it has none."
  (or (get-charset-property charset :iso-final-char) -1))

(defun charset-description (charset) "Give the documentation of CHARSET."
  (get-charset-property charset :docstring))

(defmacro charset-short-name (charset) "Give CHARSET's short name; the argument is taken unevaluated, when the macro expands."
  (get-charset-property charset :short-name))

(defmacro charset-long-name (charset) "Give CHARSET's long name; the argument is taken unevaluated, when the macro expands."
  (get-charset-property charset :long-name))

(defun charset-info (charset) "Give a vector describing CHARSET, in the layout of old Emacs versions."
  (let ((pl (charset-plist charset)))
    (vector (charset-id-internal charset) 0 (charset-dimension charset) (charset-chars charset)
            0 0 0 0 (charset-iso-final-char charset) 0 -1
            (plist-get pl :short-name) (plist-get pl :short-name)
            (plist-get pl :docstring) pl)))

(defun mule--code-bytes (code space) "The bytes of CODE, lowest first, checked against SPACE; nil when CODE lies outside."
  (catch 'outside
    (let ((bytes nil))
      (dolist (range space)
        (let ((b (logand code 255)))
          (or (<= (car range) b (cdr range)) (throw 'outside nil))
          (push b bytes)
          (setq code (ash code -8))))
      (and (= code 0) (nreverse bytes)))))

(defun mule--code-index (code space) "The place of CODE among the codes of SPACE counted from 0, or nil."
  (let ((bytes (mule--code-bytes code space)) (idx 0) (scale 1))
    (and bytes
         (progn
           (dolist (b bytes)
             (let ((range (pop space)))
               (setq idx (+ idx (* scale (- b (car range))))
                     scale (* scale (1+ (- (cdr range) (car range)))))))
           idx))))

(defun mule--index-code (idx space) "The code at place IDX of SPACE, or nil when SPACE is smaller."
  (let ((code 0) (shift 0))
    (while space
      (let ((n (1+ (- (cdar space) (caar space)))))
        (setq code (logior code (ash (+ (caar space) (% idx n)) shift))
              idx (/ idx n) shift (+ shift 8) space (cdr space))))
    (and (= idx 0) code)))

(defun mule--code-number (code) "CODE as a number: a cons is HIGH and LOW 16-bit halves."
  (if (consp code) (logior (ash (car code) 16) (cdr code)) code))

(defun mule--code-limits-ok (code pl) "Tell whether CODE lies within the :min-code and :max-code of plist PL."
  (let ((lo (plist-get pl :min-code)) (hi (plist-get pl :max-code)))
    (and (or (null lo) (>= code (mule--code-number lo)))
         (or (null hi) (<= code (mule--code-number hi))))))

(defun mule--table-char (table i) "The character at place I of a charset's TABLE of characters, or nil: a NUL after place 0 is no character."
  (let ((c (aref table i)))
    (and (or (> c 0) (= i 0)) c)))

(defun mule--decode (rec code) "The character of code CODE in charset record REC, or nil."
  (let* ((pl (aref rec 2)) (space (mule--space rec)) (idx (mule--code-index code space)))
    (when (and idx (mule--code-limits-ok code pl))
      (cond
       ((eq (aref rec 0) 'emacs) (and (<= code #x3fff7f) code))
       ;; A big charset's recorded map; where it has nothing, the offset character if any.
       ((and (mule--map-p (mule--map-name rec)) (mule--map-decode (mule--map-name rec) code)))
       ((and (mule--map-p (mule--map-name rec)) (not (plist-get pl :code-offset))) nil)
       ((plist-get pl :code-offset)
        (let ((lo (plist-get pl :min-code)))
          (+ (plist-get pl :code-offset) idx
             (- (if lo (mule--code-index (mule--code-number lo) space) 0)))))
       ((aref rec 3)
        (let ((v (aref rec 3)) (i (- code (caar space))))
          (and (< i (length v)) (mule--table-char v i))))
       ((plist-get pl :subset)
        (let* ((sub (plist-get pl :subset)) (pc (- code (nth 3 sub))))
          (and (>= pc (nth 1 sub)) (<= pc (nth 2 sub))
               (mule--decode (mule--charset (car sub)) pc))))
       ((plist-get pl :superset)
        (catch 'decoded
          (dolist (part (plist-get pl :superset))
            (let ((off (if (consp part) (cdr part) 0)))
              (and (>= code off)
                   (let ((ch (mule--decode (mule--charset (if (consp part) (car part) part)) (- code off))))
                     (if ch (throw 'decoded ch))))))
          nil))))))

(defun mule--map-name (rec) "The name under which charset record REC's map is recorded."
  (or (plist-get (aref rec 2) :name) (aref rec 0)))

(defun mule--offset-encode (rec c) "The code of character C in charset record REC, which has a code offset, or nil."
  (let* ((pl (aref rec 2)) (space (mule--space rec)) (lo (plist-get pl :min-code))
         (idx (+ (- c (plist-get pl :code-offset))
                 (if lo (mule--code-index (mule--code-number lo) space) 0)))
         (code (and (>= idx 0) (mule--index-code idx space))))
    (and code (mule--code-limits-ok code pl) code)))

(defun mule--encode (rec c) "The code of character C in charset record REC, or nil."
  (let ((pl (aref rec 2)))
    (cond
     ((eq (aref rec 0) 'emacs) (and (<= c #x3fff7f) c))
     ((mule--map-p (mule--map-name rec))
      (or (mule--map-encode (mule--map-name rec) c)
          (and (>= c #x110000) (plist-get pl :code-offset) (mule--offset-encode rec c))))
     ((plist-get pl :code-offset) (mule--offset-encode rec c))
     ((aref rec 3)
      (unless (aref rec 4)
        (let ((h (make-hash-table)) (v (aref rec 3)) (first (car (car (mule--space rec)))))
          (dotimes (i (length v))
            (let ((ch (mule--table-char v i)))
              (and ch (not (gethash ch h)) (puthash ch (+ first i) h))))
          (aset rec 4 h)))
      (gethash c (aref rec 4)))
     ((plist-get pl :subset)
      (let* ((sub (plist-get pl :subset)) (pc (mule--encode (mule--charset (car sub)) c)))
        (and pc (>= pc (nth 1 sub)) (<= pc (nth 2 sub))
             (let ((code (+ pc (nth 3 sub))))
               (and (mule--code-bytes code (mule--space rec)) code)))))
     ((plist-get pl :superset)
      (catch 'encoded
        (dolist (part (plist-get pl :superset))
          (let ((code (mule--encode (mule--charset (if (consp part) (car part) part)) c)))
            (if code (throw 'encoded (+ code (if (consp part) (cdr part) 0))))))
        nil)))))

(defun mule--check-char (c) "Signal unless C is a character."
  (unless (characterp c) (signal 'wrong-type-argument (list 'characterp c))))

(defun mule--code-arg (code) "CODE given to `decode-char' as a non-negative integer."
  (cond ((and (integerp code) (>= code 0)) code)
        ((and (floatp code) (>= code 0) (= code (ffloor code))) (truncate code))
        ((and (consp code) (natnump (car code)) (natnump (cdr code))) (mule--code-number code))
        (t (error "Not an in-range integer, integral float, or cons of integers"))))

(defun decode-char (charset code-point) "Give the character whose code in CHARSET is CODE-POINT, or nil."
  (let ((rec (mule--charset charset)))
    (mule--decode rec (mule--code-arg code-point))))

(defun encode-char (ch charset) "Give the code of character CH in CHARSET, or nil when CHARSET lacks it."
  (let ((rec (mule--charset charset)))
    (mule--check-char ch)
    (mule--encode rec ch)))

(defun char-charset (ch &optional restriction) "Give the charset that holds character CH, first by priority.
With RESTRICTION, a list of charsets, only those are tried, in order."
  (mule--check-char ch)
  (if (null restriction)
      (mule--char-charset ch)
    (catch 'holder
      (dolist (cs restriction)
        (if (mule--encode (mule--charset cs) ch) (throw 'holder cs)))
      nil)))

(defun mule--first-holder (c list) "The first charset of LIST that holds character C, or nil."
  (catch 'holder
    (dolist (cs list)
      (if (mule--encode (gethash cs mule--charsets) c) (throw 'holder cs)))
    nil))

(defun mule--char-charset (c) "The charset `char-charset' gives character C with no restriction."
  (cond ((< c 128) 'ascii)
        ((mule--first-holder c mule--charset-preferred))
        ((<= c #x10ffff) 'unicode)
        ((mule--first-holder c mule--charset-order))))

(defun charset-after (&optional pos) "Give the charset of the character at POS (default point), or nil past the end."
  (let ((ch (char-after pos)))
    (and ch (mule--char-charset ch))))

(defun split-char (ch) "Give a list of CH's charset followed by the bytes of its code, highest first."
  (mule--check-char ch)
  (let* ((cs (mule--char-charset ch))
         (code (mule--encode (gethash cs mule--charsets) ch))
         (dim (charset-dimension cs))
         (out nil))
    (dotimes (_ dim)
      (push (logand code 255) out)
      (setq code (ash code -8)))
    (cons cs out)))

(defun make-char (charset &optional code1 code2 code3 code4) "Give the character of CHARSET whose code has the bytes CODE1 to CODE4, highest first.
A byte left out is the lowest one the code space allows."
  (let* ((rec (mule--charset charset))
         (space (reverse (mule--space rec)))
         (args (list code1 code2 code3 code4))
         (code 0))
    (dolist (pair space)
      (let ((b (car args)))
        (if (null b)
            (setq b (car pair))
          (unless (natnump b) (signal 'wrong-type-argument (list 'wholenump b)))
          ;; A 7-bit charset takes bytes with the high bit set as their low 7 bits.
          (when (and (>= b 128) (<= (cdr pair) 127))
            (setq b (logand b 127))))
        (setq code (logior (ash code 8) b) args (cdr args))))
    (or (mule--decode rec code) (error "Invalid code(s)"))))

(defun make-char-internal (charset &optional code1 code2 code3 code4) "Give the character of CHARSET with code bytes CODE1 to CODE4 (see `make-char')."
  (make-char charset code1 code2 code3 code4))

(defun charset-priority-list (&optional highestp) "Give the charsets by priority, highest first; with HIGHESTP only the highest."
  (if highestp (car mule--charset-order) (copy-sequence mule--charset-order)))

(defun set-charset-priority (&rest charsets) "Give CHARSETS, in order, the highest priority of all charsets."
  (dolist (cs charsets) (mule--charset cs))
  (let ((rest mule--charset-order))
    (dolist (cs charsets) (setq rest (delq cs rest)))
    (setq mule--charset-order (append charsets rest)
          mule--charset-preferred (copy-sequence charsets)))
  nil)

(defun sort-charsets (charsets) "Sort the list CHARSETS by priority, highest first; the list is changed."
  (sort charsets (lambda (a b) (< (or (mule--rank a) most-positive-fixnum)
                                  (or (mule--rank b) most-positive-fixnum)))))

(defun mule--rank (cs) "The place of charset CS in the priority order."
  (let ((n 0) (l mule--charset-order))
    (while (and l (not (eq (car l) cs))) (setq n (1+ n) l (cdr l)))
    (and l n)))

(defun mule--charsets-by-id (found) "The charsets that are keys of hash table FOUND, ordered by their ids."
  (let (out)
    (maphash (lambda (k _) (push k out)) found)
    (sort out (lambda (a b) (< (charset-id-internal a) (charset-id-internal b))))))

(defun find-charset-string (str &optional _table) "Give the charsets of the characters of STR, by charset id."
  (unless (stringp str) (signal 'wrong-type-argument (list 'stringp str)))
  (let ((found (make-hash-table :test 'eq)) (multi (multibyte-string-p str)))
    (mapc (lambda (ch) (puthash (mule--charset-of ch multi) t found)) str)
    (mule--charsets-by-id found)))

(defun mule--charset-of (ch multi) "The charset `find-charset-string' counts CH in; MULTI nil means CH is a raw byte."
  (cond ((< ch 128) 'ascii) (multi (mule--char-charset ch)) (t 'eight-bit)))

(defun find-charset-region (beg end &optional _table) "Give the charsets of the characters between BEG and END, by charset id."
  (when (or (< (min beg end) (point-min)) (> (max beg end) (point-max)))
    (signal 'args-out-of-range (list (current-buffer) beg end)))
  (let ((found (make-hash-table :test 'eq)) (multi enable-multibyte-characters)
        (from (min beg end)))
    (dotimes (k (- (max beg end) from))
      (puthash (mule--charset-of (char-after (+ from k)) multi) t found))
    (if (= beg end) (list 'ascii) (mule--charsets-by-id found))))

(defun mule--check-iso (dimension chars final-char) "Signal unless DIMENSION, CHARS and FINAL-CHAR make an ISO 2022 charset's designation."
  (unless (fixnump dimension) (signal 'wrong-type-argument (list 'fixnump dimension)))
  (unless (fixnump chars) (signal 'wrong-type-argument (list 'fixnump chars)))
  (unless (memq dimension '(1 2 3)) (error "Invalid DIMENSION %d, it should be 1, 2, or 3" dimension))
  (unless (memq chars '(94 96)) (error "Invalid CHARS %d, it should be 94 or 96" chars))
  (when final-char
    (unless (characterp final-char) (signal 'wrong-type-argument (list 'characterp final-char)))
    (unless (<= ?0 final-char ?~)
      (error (format-message "Invalid FINAL-CHAR `%c', it should be `0'..`~'" final-char)))))

(defun mule--iso-chars (pl) "The ISO 2022 size (94 or 96) of the charset with plist PL: 96 when its codes start at 32."
  (if (eq (aref (plist-get pl :code-space) 0) 32) 96 94))

(defun iso-charset (dimension chars final-char) "Give the charset of ISO 2022 DIMENSION, CHARS (94 or 96) and FINAL-CHAR, or nil."
  (mule--check-iso dimension chars final-char)
  (or (cdr (assoc (list dimension chars final-char) mule--iso-overrides))
      (catch 'designated
        (dolist (cs charset-list)
          (let ((pl (charset-plist cs)))
            (and (eq (plist-get pl :iso-final-char) final-char)
                 (eql (plist-get pl :dimension) dimension)
                 (eql (mule--iso-chars pl) chars)
                 (throw 'designated cs))))
        nil)))

(defun declare-equiv-charset (dimension chars final-char charset) "Make (iso-charset DIMENSION CHARS FINAL-CHAR) give CHARSET."
  (mule--charset charset)
  (push (cons (list dimension chars final-char) charset) mule--iso-overrides)
  nil)

(defun get-unused-iso-final-char (dimension chars) "Give a final character from 0 to ? that no charset of DIMENSION and CHARS uses, or nil."
  (mule--check-iso dimension chars nil)
  (let ((f ?0) (found nil))
    (while (and (<= f ??) (not found))
      (unless (iso-charset dimension chars f) (setq found f))
      (setq f (1+ f)))
    found))

(defun map-charset-chars (function charset &optional arg from-code to-code) "Call FUNCTION on each run (FROM . TO) of characters of CHARSET, with ARG.
FROM-CODE and TO-CODE limit the codes looked at."
  (let* ((rec (mule--charset charset))
         (space (mule--space rec))
         (first (or from-code (mule--index-code 0 space)))
         (last (or to-code (mule--index-code (1- (apply #'* (mapcar (lambda (p) (1+ (- (cdr p) (car p)))) space))) space)))
         (pl (aref rec 2)))
    (if (or (plist-get pl :code-offset) (eq (aref rec 0) 'emacs))
        ;; Codes map to characters in one straight run.
        (let ((a (mule--decode rec first)) (b (mule--decode rec last)))
          (when (and (eq (aref rec 0) 'emacs) (null b)) (setq b #x3fff7f))
          (when (and a b) (funcall function (cons a b) arg)))
      (let ((code first) (run-start nil) (run-end nil))
        (while (<= code last)
          (let ((c (and (mule--code-bytes code space) (mule--decode rec code))))
            (cond ((and c run-end (= c (1+ run-end))) (setq run-end c))
                  (t (when run-start (funcall function (cons run-start run-end) arg))
                     (setq run-start c run-end c))))
          (setq code (1+ code)))
        (when run-start (funcall function (cons run-start run-end) arg)))))
  nil)

(defun mule--next-charset-id () "A charset id no charset has yet."
  (let ((top -1))
    (maphash (lambda (_ r) (setq top (max top (aref r 1)))) mule--charsets)
    (1+ top)))

(defun define-charset (name docstring &rest props) "Define NAME as a charset documented by DOCSTRING, with the properties PROPS."
  (let* ((pl (append (list :name name :docstring docstring) (copy-sequence props)))
         (old (gethash name mule--charsets)))
    (unless (plist-member pl :dimension)
      (setq pl (append pl (list :dimension (/ (length (plist-get pl :code-space)) 2)))))
    (unless (plist-member pl :short-name)
      (setq pl (append pl (list :short-name (symbol-name name)))))
    (unless (plist-member pl :long-name)
      (setq pl (append pl (list :long-name (plist-get pl :short-name)))))
    (setq pl (append pl (list :base name)))
    (puthash name (vector name (if old (aref old 1) (mule--next-charset-id)) pl nil nil) mule--charsets)
    (unless old
      (push name charset-list)
      ;; A new charset ranks after the others defined at start-up, before `emacs'.
      (let ((l mule--charset-order) (before nil))
        (while (and l (not (eq (car l) 'emacs))) (push (car l) before) (setq l (cdr l)))
        (setq mule--charset-order (nconc (nreverse before) (cons name l)))))
    nil))

(defun define-charset-internal (name &rest args) "Define charset NAME from ARGS given in the order of `charset-arg-list'."
  (let ((keys '(:dimension :code-space :min-code :max-code :iso-final-char :iso-revision
                :emacs-mule-id :ascii-compatible-p :supplementary-p :invalid-code :code-offset
                :map :subset :superset :unify-map))
        (given nil))
    (dolist (key keys)
      (let ((value (pop args)))
        (if value (setq given (nconc given (list key value))))))
    (apply #'define-charset name nil (append given (car args)))))

(defun define-charset-alias (alias charset) "Make ALIAS another name of CHARSET."
  (puthash alias (mule--charset charset) mule--charsets)
  (push alias charset-list)
  nil)

(defun unify-charset (charset &optional unify-map _deunify) "Unify CHARSET's characters with Unicode by its map or UNIFY-MAP."
  (unless (or unify-map (get-charset-property charset :unify-map))
    (error "Can’t unify charset: %s" charset))
  nil)

(defun clear-charset-maps () "Drop cached charset maps; there are none to drop here." nil)

(defun charset-bytes (_charset) "Give 0: charsets have no byte count now." 0)


;;;; Coding systems

;; A coding system is a record [NAME PLIST ALIASES EOL VARIANT-ALIASES]:
;; ALIASES are its names, the own first; EOL is its end-of-line type as
;; `coding-system-eol-type' gives it for the undecided name (a vector of the
;; three variants, or a number); VARIANT-ALIASES holds, per line-end number,
;; names made aliases of one variant alone.  Every name maps to a cons
;; (RECORD . LINE-END), LINE-END nil for a name without one.

(defvar mule--codings (make-hash-table :test 'eq) "Every coding-system name, mapped to (RECORD . LINE-END).")

(defvar mule--coding-bases nil "The records of the base coding systems, oldest first.")

(defvar mule--coding-categories nil "The detection priority: pairs (CATEGORY . CODING-SYSTEM), highest first.")

(defconst mule--eol-suffixes ["-unix" "-dos" "-mac"] "What the name of each line-end variant ends with.")

(defun mule--add-coding-names (rec) "Enter the names of coding-system record REC and of its variants."
  (dolist (name (aref rec 2))
    (puthash name (cons rec nil) mule--codings)
    (when (vectorp (aref rec 3))
      (dotimes (k 3)
        (puthash (intern (concat (symbol-name name) (aref mule--eol-suffixes k)))
                 (cons rec k) mule--codings)))))

(let ((recs mule--coding-records))
  (while recs
    (let* ((r (car recs))
           (pl (nth 3 r))
           (rec (vector (car r) pl (copy-sequence (nth 1 r)) (nth 2 r) (vector nil nil nil))))
      ;; The data holds charset lists as vectors.
      (when (vectorp (plist-get pl :charset-list))
        (plist-put pl :charset-list (append (plist-get pl :charset-list) nil)))
      (push rec mule--coding-bases)
      (mule--add-coding-names rec))
    (setq recs (cdr recs)))
  (dolist (pair mule--coding-variant-aliases)
    (let* ((cell (gethash (cdr pair) mule--codings)) (rec (car cell)))
      (aset (aref rec 4) (cdr cell) (append (aref (aref rec 4) (cdr cell)) (list (car pair))))
      (puthash (car pair) cell mule--codings)))
  (dolist (pair mule--coding-categories-start)
    (set (car pair) (cdr pair)))
  (setq mule--coding-categories
        (mapcar (lambda (cs) (cons (plist-get (aref (car (gethash cs mule--codings)) 1) :category) cs))
                mule--coding-priority-start)))

(defun mule--coding-cell (cs) "The (RECORD . LINE-END) of coding system CS (nil is `no-conversion'); signal `coding-system-error' for others."
  (or (gethash (or cs 'no-conversion) mule--codings)
      (let ((auto (and (symbolp cs) (assq cs mule--coding-autoloads))))
        (when auto
          (setq mule--coding-autoloads (delq auto mule--coding-autoloads))
          (eval (cdr auto) t)
          (gethash cs mule--codings)))
      (signal 'coding-system-error (list cs))))

(defun coding-system-p (object) "Tell whether OBJECT is nil or names a coding system, defined or to be autoloaded."
  (or (null object)
      (and (symbolp object) (or (gethash object mule--codings) (assq object mule--coding-autoloads)) t)))

(defun check-coding-system (coding-system) "Give CODING-SYSTEM back when it is nil or a coding system; signal `coding-system-error' otherwise."
  (if (coding-system-p coding-system) coding-system
    (signal 'coding-system-error (list coding-system))))

(defun coding-system-plist (coding-system) "Give the property list of CODING-SYSTEM."
  (aref (car (mule--coding-cell coding-system)) 1))

(defun coding-system-get (coding-system prop) "Give CODING-SYSTEM's property PROP; a plain symbol PROP also finds the keyword of its name."
  (let ((pl (coding-system-plist coding-system)))
    (if (or (keywordp prop) (plist-member pl prop))
        (plist-get pl prop)
      (plist-get pl (intern (concat ":" (symbol-name prop)))))))

(defun coding-system-put (coding-system prop val) "Set CODING-SYSTEM's property PROP to VAL, for all its names and variants."
  (let ((rec (car (mule--coding-cell coding-system))))
    (aset rec 1 (plist-put (aref rec 1) prop val))
    val))

(defun coding-system-type (coding-system) "Give the type of CODING-SYSTEM, such as `utf-8', `charset' or `iso-2022'."
  (coding-system-get coding-system :coding-type))

(defun coding-system-category (coding-system) "Give the coding category of CODING-SYSTEM."
  (coding-system-get coding-system :category))

(defun coding-system-charset-list (coding-system) "Give the charsets CODING-SYSTEM can encode."
  (coding-system-get coding-system :charset-list))

(defun coding-system-mnemonic (coding-system) "Give the character that stands for CODING-SYSTEM in a mode line."
  (or (coding-system-get coding-system :mnemonic) ?-))

(defun coding-system-doc-string (coding-system) "Give the documentation of CODING-SYSTEM."
  (coding-system-get coding-system :docstring))

(defun coding-system-eol-type (coding-system) "Give how CODING-SYSTEM ends lines: 0 (LF), 1 (CRLF), 2 (CR), or a vector of the three variants when it detects it."
  (if (and coding-system (not (coding-system-p coding-system)))
      nil
    (let ((cell (mule--coding-cell coding-system)))
      (or (cdr cell) (aref (car cell) 3)))))

(defun coding-system-base (coding-system) "Give the base coding system of CODING-SYSTEM: its own name with no line-end variant."
  (aref (car (mule--coding-cell coding-system)) 0))

(defun coding-system-aliases (coding-system) "Give every name of CODING-SYSTEM, its own first."
  (let* ((cell (mule--coding-cell coding-system)) (rec (car cell)) (k (cdr cell)))
    (if (null k)
        (copy-sequence (aref rec 2))
      (if (not (vectorp (aref rec 3)))
          (copy-sequence (aref rec 2))
        (append (mapcar (lambda (n) (intern (concat (symbol-name n) (aref mule--eol-suffixes k))))
                        (aref rec 2))
                (aref (aref rec 4) k))))))

(defun coding-system-list (&optional base-only) "Give the names of every coding system, with BASE-ONLY the base ones alone."
  (mapcan (if base-only
              (lambda (rec) (list (aref rec 0)))
            ;; Base by base, each one's names newest first.
            (lambda (rec) (reverse (aref rec 2))))
          mule--coding-bases))

(defun define-coding-system-alias (alias coding-system) "Make ALIAS another name of CODING-SYSTEM."
  (let* ((cell (mule--coding-cell coding-system)) (rec (car cell)) (k (cdr cell)))
    (if (or (null k) (not (vectorp (aref rec 3))))
        (progn (aset rec 2 (append (aref rec 2) (list alias)))
               (puthash alias (cons rec k) mule--codings)
               (when (vectorp (aref rec 3))
                 (dotimes (j 3)
                   (puthash (intern (concat (symbol-name alias) (aref mule--eol-suffixes j)))
                            (cons rec j) mule--codings))))
      (aset (aref rec 4) k (append (aref (aref rec 4) k) (list alias)))
      (puthash alias (cons rec k) mule--codings))
    nil))

(defun coding-system-equal (coding-system-1 coding-system-2) "Tell whether CODING-SYSTEM-1 and CODING-SYSTEM-2 are the same coding system with the same line ends."
  (let ((a (mule--coding-cell coding-system-1)) (b (mule--coding-cell coding-system-2)))
    (and (eq (car a) (car b)) (equal (cdr a) (cdr b)))))

(defun coding-system-lessp (x y) "Tell whether coding system X sorts before Y: by mode-line mnemonic, then by name."
  (let ((mx (coding-system-mnemonic x)) (my (coding-system-mnemonic y)))
    (if (= mx my) (string< x y) (< mx my))))

(defvar eol-mnemonic-unix ":" "What a mode line shows for LF line ends.")
(defvar eol-mnemonic-dos "(DOS)" "What a mode line shows for CRLF line ends.")
(defvar eol-mnemonic-mac "(Mac)" "What a mode line shows for CR line ends.")
(defvar eol-mnemonic-undecided ":" "What a mode line shows for line ends not known yet.")
(defvar inhibit-eol-conversion nil "Non-nil means no coding system converts line ends.")
(defvar network-coding-system-alist nil "Rules (REGEXP . CODING) choosing the coding systems of network streams by service.")
(defvar enable-character-translation t "Non-nil means coding systems apply their translation tables.")
(defvar translation-table-for-input nil "A char table translating characters read from the keyboard, or nil.")

(defun coding-system-eol-type-mnemonic (coding-system) "Give the mode-line text for the line ends of CODING-SYSTEM."
  (let ((eol (coding-system-eol-type coding-system)))
    (cond ((eq eol 0) eol-mnemonic-unix) ((eq eol 1) eol-mnemonic-dos)
          ((eq eol 2) eol-mnemonic-mac) (t eol-mnemonic-undecided))))

(defun coding-system-change-eol-conversion (coding-system eol-type) "Give the variant of CODING-SYSTEM whose line ends are EOL-TYPE (unix, dos, mac, 0, 1, 2); nil gives the base."
  (and coding-system
    (let ((k (cond ((eq eol-type 'unix) 0) ((eq eol-type 'dos) 1) ((eq eol-type 'mac) 2)
                   ((null eol-type) nil)
                   ((integerp eol-type) eol-type)
                   (t (signal 'wrong-type-argument (list 'number-or-marker-p eol-type)))))
          (vec (coding-system-eol-type coding-system)))
      (cond ((null k)
             (if (vectorp vec) coding-system (coding-system-base coding-system)))
            ((vectorp vec) (aref vec k))
            (t (let ((base-vec (coding-system-eol-type (coding-system-base coding-system))))
                 (and (vectorp base-vec) (aref base-vec k))))))))

(defun coding-system-change-text-conversion (coding text-coding) "Give TEXT-CODING's coding system with the line ends of CODING."
  (let ((eol (coding-system-eol-type coding)))
    (if (numberp eol)
        (coding-system-change-eol-conversion text-coding eol)
      (coding-system-base text-coding))))

(defun merge-coding-systems (first second) "Fill what FIRST leaves undecided, its text conversion or its line ends, from SECOND."
  (when first
    (let* ((text (if (and second (eq (coding-system-base first) 'undecided)) second first))
           (eol (coding-system-eol-type first)))
      (cond ((numberp eol) (coding-system-change-eol-conversion text eol))
            ((numberp (coding-system-eol-type second))
             (coding-system-change-eol-conversion text (coding-system-eol-type second)))
            ((eq text first) first)
            (t (coding-system-change-eol-conversion text nil))))))

(defun canonicalize-coding-system-name (name) "Give NAME reduced for comparing coding-system names: no ISO prefix, Windows as CP, no dashes or underscores."
  (let ((s name))
    (when (string-match "\\`[iI][sS][oO]" s) (setq s (substring s 3)))
    (when (string-match "\\`[wW][iI][nN][dD][oO][wW][sS]-?" s) (setq s (concat "cp" (substring s (match-end 0)))))
    (replace-regexp-in-string "[-_]" "" s)))

(defun coding-system-from-name (name) "Give the coding system that NAME (a string or symbol) names, loosely matched, or nil."
  (let ((sym (if (symbolp name) name (intern-soft name))))
    (if (and sym (coding-system-p sym))
        sym
      (let ((want (downcase (canonicalize-coding-system-name (if (symbolp name) (symbol-name name) name)))))
        (catch 'named
          (dolist (cs (coding-system-list))
            (if (equal want (downcase (canonicalize-coding-system-name (symbol-name cs))))
                (throw 'named cs)))
          nil)))))

;;;; Defining coding systems

(defvar mule--coding-autoloads nil "Coding-system names not defined yet, each (NAME . FORM): FORM defines it when first used.")

(defconst mule--coding-type-categories
  '((charset . coding-category-charset) (utf-8 . coding-category-utf-8)
    (utf-16 . coding-category-utf-16-auto) (iso-2022 . coding-category-iso-8-else)
    (emacs-mule . coding-category-emacs-mule) (shift-jis . coding-category-sjis)
    (ccl . coding-category-ccl) (raw-text . coding-category-raw-text)
    (big5 . coding-category-big5) (undecided . coding-category-undecided))
  "The coding category of each coding-system type.")

(defun mule--new-coding-category (type props) "The coding category of a new coding system of TYPE with properties PROPS."
  (pcase type
    ('utf-8 (pcase (plist-get props :bom)
              ('nil 'coding-category-utf-8)
              ((pred consp) 'coding-category-utf-8-auto)
              (_ 'coding-category-utf-8-sig)))
    ('utf-16 (let ((bom (plist-get props :bom)) (little (eq (plist-get props :endian) 'little)))
               (cond ((consp bom) 'coding-category-utf-16-auto)
                     (bom (if little 'coding-category-utf-16-le 'coding-category-utf-16-be))
                     (t (if little 'coding-category-utf-16-le-nosig 'coding-category-utf-16-be-nosig)))))
    (_ (cdr (assq type mule--coding-type-categories)))))

(defun mule--new-coding-ascii-p (type props) "Whether a new coding system of TYPE with properties PROPS leaves ASCII as it is."
  (if (plist-member props :ascii-compatible-p)
      (and (plist-get props :ascii-compatible-p) t)
    (pcase type
      ('utf-8 (null (plist-get props :bom)))
      ('utf-16 nil)
      ('charset (let ((first (car (plist-get props :charset-list))))
                  (and first (charsetp first)
                       (or (eq first 'ascii) (and (get-charset-property first :ascii-compatible-p) t)))))
      ('ccl nil)
      (_ t))))

(defun define-coding-system (name docstring &rest props) "Define NAME as a coding system documented by DOCSTRING, with the properties PROPS.
PROPS must give :coding-type and :mnemonic; :eol-type `unix', `dos' or
`mac' fixes the line ends, otherwise NAME gets -unix, -dos and -mac
variants."
  (let* ((type (plist-get props :coding-type))
         (category (mule--new-coding-category type props)))
    (unless category (error "Invalid coding system type: %s" type))
    (unless (characterp (plist-get props :mnemonic))
      (signal 'wrong-type-argument (list 'characterp (plist-get props :mnemonic))))
    (let* ((eol (plist-get props :eol-type))
           (eol-num (cond ((null eol) nil) ((eq eol 'unix) 0) ((eq eol 'dos) 1) ((eq eol 'mac) 2)
                          (t (error "Invalid eol-type"))))
           (plist (append (list :ascii-compatible-p (mule--new-coding-ascii-p type props)
                                :category category :name name :docstring docstring)
                          (copy-sequence props)))
           (rec (vector name plist (list name)
                        (or eol-num (vector (intern (format "%s-unix" name)) (intern (format "%s-dos" name))
                                            (intern (format "%s-mac" name))))
                        (vector nil nil nil)))
           (old (gethash name mule--codings)))
      (setq mule--coding-autoloads (assq-delete-all name mule--coding-autoloads))
      (if (and old (null (cdr old)) (eq (aref (car old) 0) name))
          ;; Defining an existing coding system again changes it in place.
          (let ((same (car old)))
            (aset same 1 plist) (aset same 3 (aref rec 3)))
        (setq mule--coding-bases (append mule--coding-bases (list rec))))
      (mule--add-coding-names (if (and old (null (cdr old)) (eq (aref (car old) 0) name)) (car old) rec))
      nil)))

(defun define-coding-system-internal (name mnemonic coding-type charset-list ascii-compatible-p
                                           decode-translation-table encode-translation-table
                                           post-read-conversion pre-write-conversion default-char
                                           for-unibyte plist eol-type &rest _type-specific) "Define coding system NAME from the arguments `define-coding-system' derives from its properties."
  (apply #'define-coding-system name (plist-get plist :docstring)
         (append (list :mnemonic mnemonic :coding-type coding-type :charset-list charset-list
                       :ascii-compatible-p ascii-compatible-p)
                 (and decode-translation-table (list :decode-translation-table decode-translation-table))
                 (and encode-translation-table (list :encode-translation-table encode-translation-table))
                 (and post-read-conversion (list :post-read-conversion post-read-conversion))
                 (and pre-write-conversion (list :pre-write-conversion pre-write-conversion))
                 (and default-char (list :default-char default-char))
                 (and for-unibyte (list :for-unibyte for-unibyte))
                 (and (symbolp eol-type) eol-type (list :eol-type eol-type)))))

(defun autoload-coding-system (symbol form) "Make SYMBOL a coding system that FORM defines when it is first used."
  (unless (gethash symbol mule--codings)
    (push (cons symbol form) mule--coding-autoloads))
  nil)

(defun add-to-coding-system-list (coding-system) "Note CODING-SYSTEM among the coding systems; they are all noted already here."
  (check-coding-system coding-system)
  (coding-system-list))

;;;; Priorities

(defun coding-system-priority-list (&optional highestp) "Give the coding systems by detection priority; with HIGHESTP the highest alone."
  (if highestp (cdar mule--coding-categories) (mapcar #'cdr mule--coding-categories)))

(defvar coding-category-list (mapcar #'car mule--coding-categories-start) "The coding categories, each a variable holding the coding system detection names for it.")

(defun set-coding-system-priority (&rest coding-systems) "Give CODING-SYSTEMS, in order, the highest detection priority.
Each takes the place of the one of its coding category."
  (dolist (cs coding-systems) (check-coding-system cs))
  (let ((front nil) (rest mule--coding-categories))
    (dolist (cs coding-systems)
      (let* ((base (coding-system-base cs)) (cat (coding-system-category base)))
        (unless (assq cat front)
          (push (cons cat base) front)
          ;; Detection names the coding system as it was given.
          (when (boundp cat) (set cat cs))
          (setq rest (seq-remove (lambda (p) (eq (car p) cat)) rest)))))
    (setq mule--coding-categories (nconc (nreverse front) rest))
    (let ((moved (mapcar #'car front)))
      (setq coding-category-list
            (append (reverse moved) (seq-remove (lambda (c) (memq c moved)) coding-category-list)))))
  nil)

(defun prefer-coding-system (coding-system) "Prefer CODING-SYSTEM above all in detection, and use it by default for new buffers and processes."
  (unless (and coding-system (coding-system-p coding-system))
    (error "Invalid coding system `%s'" coding-system))
  (let ((base (coding-system-base coding-system)) (eol (coding-system-eol-type coding-system)))
    (set-coding-system-priority base)
    (set-default-coding-systems (if (numberp eol) (coding-system-change-eol-conversion base eol) base))
    nil))

(defun set-default-coding-systems (coding-system) "Make CODING-SYSTEM the default for new buffers, processes and file names."
  (check-coding-system coding-system)
  (set-default 'buffer-file-coding-system coding-system)
  (let ((unix (coding-system-change-eol-conversion coding-system 'unix)))
    (setq default-file-name-coding-system unix
          default-process-coding-system (cons unix unix)))
  nil)

(defmacro with-coding-priority (coding-systems &rest body) "Run BODY with CODING-SYSTEMS given the highest detection priority for its time."
  (declare (indent 1) (debug t))
  `(let ((current (coding-system-priority-list)))
     (apply #'set-coding-system-priority ,coding-systems)
     (unwind-protect (progn ,@body)
       (apply #'set-coding-system-priority current))))

(defun sort-coding-systems (codings) "Sort the list CODINGS, best first: by detection priority, then the rest, raw ones last."
  (let ((prio (coding-system-priority-list)))
    (sort codings (lambda (x y) (< (mule--coding-rank x prio) (mule--coding-rank y prio))))))

(defun mule--coding-rank (cs prio) "Where coding system CS sorts against the priority list PRIO."
  (let ((base (coding-system-base cs)) (n 0) (l prio))
    (while (and l (not (eq (car l) base))) (setq n (1+ n) l (cdr l)))
    (cond ((memq (coding-system-type base) '(raw-text undecided)) 10000)
          (l n)
          (t 1000))))

(defun sanitize-coding-system-list (codings) "Replace in CODINGS each base coding system by the one its MIME charset names, when that is one."
  (mapcar (lambda (coding)
            (let ((mime (and (vectorp (coding-system-eol-type coding)) (coding-system-get coding :mime-charset))))
              (if (and mime (coding-system-p mime)) mime coding)))
          codings))

;;;; Detection

(defun mule--bytes-of (text) "The bytes of unibyte TEXT, or of multibyte TEXT's ASCII and raw bytes, as a list; nil if TEXT holds other characters."
  (let ((multi (multibyte-string-p text)) (acc nil))
    (catch 'not-bytes
      (mapc (lambda (c)
              (push (cond ((or (not multi) (< c 128)) c)
                          ((>= c #x3fff80) (- c #x3fff00))
                          (t (throw 'not-bytes nil)))
                    acc))
            text)
      (cons t (nreverse acc)))))

(defun mule--detect-eol (bytes) "The line-end number BYTES show: the first CR decides, nil when they have none."
  (let ((tail bytes))
    (while (and tail (not (memq (car tail) '(10 13))))
      (pop tail))
    (and (eq (car tail) 13) (if (eq (cadr tail) 10) 1 2))))

(defun mule--valid-utf-8-p (bytes) "Tell whether the list BYTES is well-formed UTF-8."
  (catch 'malformed
    (while bytes
      (let* ((lead (pop bytes))
             (more (cond ((< lead #x80) 0) ((< lead #xc2) nil) ((< lead #xe0) 1) ((< lead #xf0) 2) ((< lead #xf5) 3))))
        (or more (throw 'malformed nil))
        (dotimes (_ more)
          (if (and bytes (<= #x80 (car bytes) #xbf)) (pop bytes) (throw 'malformed nil)))))
    t))

(defun mule--detect-iso-escapes (bytes) "The ISO 2022 categories the escape sequences and shifts of BYTES allow: a list of category symbols, or nil."
  (let ((l bytes) (ok t) (jp t) (locking nil) (seen nil))
    (while (and ok l)
      (let ((b (car l)))
        (cond
         ((memq b '(14 15)) (setq locking t))
         ((= b 27)
          (let* ((b1 (cadr l)) (b2 (nth 2 l)) (b3 (nth 3 l))
                 (spec (cond ((and (eq b1 ?$) (memq b2 '(?@ ?A ?B))) (list 2 94 b2 0))
                             ((and (eq b1 ?$) b2 (<= ?\( b2 ?+) b3) (list 2 94 b3 (- b2 ?\()))
                             ((and (eq b1 ?$) b2 (<= ?, b2 ?/) b3) (list 2 96 b3 (- b2 ?,)))
                             ((and b1 (<= ?\( b1 ?+) b2) (list 1 94 b2 (- b1 ?\()))
                             ((and b1 (<= ?, b1 ?/) b2) (list 1 96 b2 (- b1 ?,)))))
                 (cs (and spec (natnump (nth 2 spec)) (<= 48 (nth 2 spec) 126)
                          (iso-charset (nth 0 spec) (nth 1 spec) (nth 2 spec)))))
            (if (null cs) (setq ok nil)
              (setq seen t)
              (unless (and (= (nth 3 spec) 0)
                           (memq cs '(ascii japanese-jisx0208 japanese-jisx0208-1978 latin-jisx0201)))
                (setq jp nil))
              (when (> (nth 3 spec) 0) (setq locking t))))))
        (setq l (cdr l))))
    (and ok seen
         (append (unless locking '(coding-category-iso-7))
                 (and jp (not locking) '(coding-category-iso-7-tight))
                 '(coding-category-iso-7-else coding-category-iso-8-else)))))

(defun mule--detect-sjis-p (bytes) "Tell whether BYTES read as Shift-JIS, to their end."
  (catch 'malformed
    (while bytes
      (let ((lead (car bytes)) (trail (cadr bytes)))
        (setq bytes (cond ((or (< lead #x80) (<= #xa0 lead #xdf)) (cdr bytes))
                          ((and (or (<= #x81 lead #x9f) (<= #xe0 lead #xef))
                                trail (<= #x40 trail #xfc) (/= trail #x7f))
                           (cddr bytes))
                          (t (throw 'malformed nil))))))
    t))

(defun mule--detect-big5-p (bytes) "Tell whether BYTES read as Big5, to their end."
  (catch 'malformed
    (while bytes
      (let ((lead (car bytes)) (trail (cadr bytes)))
        (setq bytes (cond ((< lead #x80) (cdr bytes))
                          ((and (<= #xa1 lead #xfe) trail (or (<= #x40 trail #x7e) (<= #xa1 trail #xfe)))
                           (cddr bytes))
                          (t (throw 'malformed nil))))))
    t))

(defun mule--detect-euc-p (bytes &optional shifts) "Tell whether BYTES read as two-byte EUC; a sequence the end cuts short passes.
With SHIFTS, SS2 before one byte and SS3 before two are allowed."
  (catch 'malformed
    (while bytes
      (let ((lead (car bytes)) (trail (cadr bytes)))
        (setq bytes
              (cond ((< lead #x80) (cdr bytes))
                    ((and shifts (= lead #x8e) trail (>= trail #xa0)) (cddr bytes))
                    ((and shifts (= lead #x8f) trail (>= trail #xa0)
                          (or (null (cddr bytes)) (>= (nth 2 bytes) #xa0)))
                     (nthcdr 3 bytes))
                    ((and (>= lead #xa0) (null trail)) nil)
                    ((and (>= lead #xa0) (>= trail #xa0)) (cddr bytes))
                    (t (throw 'malformed nil))))))
    t))

(defun mule--emacs-mule-tail (b) "How many bytes of 0xA0 and above must follow byte B in emacs-mule; nil when B cannot start a character."
  (cond ((< b #x80) 0)
        ((<= #x81 b #x8f) 1)
        ((<= #x90 b #x9b) 2)
        ((<= #x9c b #x9d) 3)
        ((< b #xa0) nil)
        ((or (<= #xa0 b #xa5) (memq b '(#xa7 #xe0 #xe1))) 2)
        ((or (<= #xf0 b #xfc) (= b #xfe)) 3)
        (t 0)))

(defun mule--detect-emacs-mule-p (bytes) "Tell whether BYTES read as emacs-mule, to their end."
  (catch 'malformed
    (while bytes
      (let ((more (or (mule--emacs-mule-tail (pop bytes)) (throw 'malformed nil))))
        (dotimes (_ more)
          (if (and bytes (>= (car bytes) #xa0)) (pop bytes) (throw 'malformed nil)))))
    t))

(defun mule--detect-charset-p (bytes coding) "Tell whether every byte of BYTES decodes by the charsets of CODING, a coding system of type `charset'."
  (let* ((units (vconcat bytes))
         (chars (car (mule--decode-charset-type units coding nil))))
    (not (seq-some (lambda (c) (>= c #x3fff80)) chars))))

(defun mule--c1-outside-shifts-p (bytes) "Non-nil when BYTES have a C1 control that is no EUC single shift before a high byte."
  (let ((tail bytes) (hit nil))
    (while (and tail (not hit))
      (let ((b (pop tail)))
        (setq hit (and (<= #x80 b #x9f)
                       (not (and (memq b '(#x8e #x8f)) tail (>= (car tail) #xa0)))))))
    hit))

(defun mule--detect (text highest) "What `detect-coding-string' gives for TEXT, with HIGHEST the best alone."
  (let* ((got (mule--bytes-of text))
         (bytes (cdr got))
         (eol (and got (mule--detect-eol bytes)))
         (found
          (cond
           ((null got) '(utf-8 utf-8-auto iso-2022-7bit))
           ((memq 0 bytes) '(no-conversion))
           ((not (seq-some (lambda (b) (or (>= b 128) (= b 27))) bytes)) '(undecided))
           (t
            (let* ((c1 (seq-some (lambda (b) (<= #x80 b #x9f)) bytes))
                   ;; SS2 and SS3 of an EUC that uses them do not count as C1 controls.
                   (euc (cdr (assq 'coding-category-iso-8-2 mule--coding-categories)))
                   (shifts (and euc (memq 'single-shift (coding-system-get euc :flags))))
                   (c1-loose (if shifts (mule--c1-outside-shifts-p bytes) c1))
                   (high (seq-some (lambda (b) (>= b 128)) bytes))
                   (iso (and (not high) (mule--detect-iso-escapes bytes)))
                   (cats nil) (weak nil))
              (if (not high)
                  (setq cats iso)
                (when (mule--valid-utf-8-p bytes)
                  (push 'coding-category-utf-8 cats)
                  (push 'coding-category-utf-8-auto cats)
                  (when (equal (seq-take bytes 3) '(#xef #xbb #xbf)) (push 'coding-category-utf-8-sig cats)))
                (cond ((equal (seq-take bytes 2) '(#xfe #xff))
                       (push 'coding-category-utf-16-auto cats) (push 'coding-category-utf-16-be cats))
                      ((equal (seq-take bytes 2) '(#xff #xfe))
                       (push 'coding-category-utf-16-auto cats) (push 'coding-category-utf-16-le cats)))
                (unless c1-loose
                  (push 'coding-category-iso-8-1 cats)
                  (setq weak (list 'coding-category-iso-8-else)))
                (unless c1 (push 'coding-category-charset cats))
                (when (and (not c1-loose) (mule--detect-euc-p bytes shifts)) (push 'coding-category-iso-8-2 cats))
                (when (mule--detect-emacs-mule-p bytes) (push 'coding-category-emacs-mule cats))
                (when (mule--detect-sjis-p bytes) (push 'coding-category-sjis cats))
                (when (mule--detect-big5-p bytes) (push 'coding-category-big5 cats))
                (when c1-loose (setq weak (list 'coding-category-raw-text))))
              (let ((names nil))
                (dolist (pair mule--coding-categories)
                  (when (cond ((not (eq (car pair) 'coding-category-charset)) (memq (car pair) cats))
                              ((not high) nil)
                              ((eq (cdr pair) 'iso-latin-1) (not c1))
                              (t (mule--detect-charset-p bytes (cdr pair))))
                    (let* ((given (and (boundp (car pair)) (symbol-value (car pair))))
                           (cs (if (and given (coding-system-p given)
                                        (eq (coding-system-base given) (cdr pair)))
                                   given
                                 (cdr pair))))
                      (unless (memq cs names) (push cs names)))))
                (dolist (cat weak)
                  (let ((pair (assq cat mule--coding-categories)))
                    (if pair (push (cdr pair) names))))
                (or (nreverse names) '(raw-text))))))))
    ;; Text that is not all ASCII names its line ends even when they are LF.
    (when (and got (null eol) (memq 10 bytes) (not (memq (car found) '(undecided no-conversion))))
      (setq eol 0))
    (when (and eol (not (eq (car found) 'no-conversion)))
      (setq found (mapcar (lambda (cs) (coding-system-change-eol-conversion cs eol)) found)))
    (if highest (car found) found)))

(defun detect-coding-string (string &optional highest) "Give the coding systems STRING's bytes may be in, most likely first; with HIGHEST only that one."
  (unless (stringp string) (signal 'wrong-type-argument (list 'stringp string)))
  (mule--detect string highest))

(defun mule--check-region (start end) "Signal `args-out-of-range' unless START and END lie in the accessible part of the buffer."
  (unless (and (integer-or-marker-p start) (integer-or-marker-p end)
               (<= (point-min) (min start end)) (<= (max start end) (point-max)))
    (signal 'args-out-of-range (list (current-buffer) start end))))

(defun detect-coding-region (start end &optional highest) "Give the coding systems the text from START to END may be in, most likely first; with HIGHEST only that one."
  (mule--check-region start end)
  (mule--detect (buffer-substring-no-properties (min start end) (max start end)) highest))

;;;; Converting strings for coding.ts

;; coding.ts converts utf-8, latin-1, ASCII and the raw coding systems itself
;; and asks here for the others: aliases of those, and coding systems of type
;; `charset' whose charsets are all one-byte ones.

(defun mule--one-byte-charsets (cs) "The charset records of coding system CS when it is of type `charset' with one-byte charsets only, else nil."
  (when (eq (coding-system-type cs) 'charset)
    (let ((recs nil) (ok t))
      (dolist (name (coding-system-charset-list cs))
        (let ((rec (gethash name mule--charsets)))
          (if (and rec (eql (plist-get (aref rec 2) :dimension) 1)
                   (or (aref rec 3) (plist-get (aref rec 2) :code-offset)
                       (plist-get (aref rec 2) :subset)))
              (push rec recs)
            (setq ok nil))))
      (and ok recs (nreverse recs)))))

(defconst mule--native-bases '(utf-8 utf-8-emacs prefer-utf-8 undecided us-ascii iso-latin-1 raw-text no-conversion)
  "The base coding systems coding.ts converts itself.")

(defun mule--utf-8-signed (string coding eol encode) "Convert STRING with CODING, a UTF-8 coding system with a :bom, as `mule--string-coding' does.
A :bom of t writes the signature EF BB BF first and drops one when reading;
a pair (SIGNED . PLAIN) writes none, and reading names SIGNED or PLAIN in
`last-coding-system-used' by whether the text starts with the signature."
  (let ((bom (coding-system-get coding :bom))
        (plain (if eol (coding-system-change-eol-conversion 'utf-8 eol) 'utf-8)))
    (if encode
        (let ((bytes (encode-coding-string string plain t)))
          (setq last-coding-system-used coding)
          (if (eq bom t) (concat "\357\273\277" bytes) bytes))
      (let* ((signed (and (string-prefix-p "\357\273\277" string)
                          (or (eq bom t) (> (length string) 3))))
             ;; Decoded whole (the signature is U+FEFF, dropped after), so that the
             ;; line ends are named as for text with bytes above ASCII.
             (text (let ((all (decode-coding-string string plain t)))
                     (if signed (substring all 1) all)))
             (seen (coding-system-eol-type last-coding-system-used))
             (name (cond ((eq bom t) coding)
                         ;; Invalid UTF-8 leaves the choice undecided.
                         ((seq-some (lambda (c) (>= c #x3fff80)) text) coding)
                         (signed (car bom))
                         (t (cdr bom)))))
        (setq last-coding-system-used
              (if (numberp seen) (coding-system-change-eol-conversion name seen) name))
        text))))

(defun mule--string-coding (string coding encode) "Convert STRING with CODING, encoding when ENCODE; nil when CODING cannot be converted here."
  (let* ((cell (gethash coding mule--codings))
         (base (and cell (aref (car cell) 0)))
         (eol (and cell (or (cdr cell) (and (numberp (aref (car cell) 3)) (aref (car cell) 3))))))
    (cond
     ((null cell) nil)
     ((and (eq (coding-system-type coding) 'utf-8) (coding-system-get coding :bom))
      (mule--utf-8-signed string coding eol encode))
     ((memq base mule--native-bases)
      (let ((r (if encode
                   (encode-coding-string string (if eol (coding-system-change-eol-conversion base eol) base) t)
                 (decode-coding-string string (if eol (coding-system-change-eol-conversion base eol) base) t))))
        (unless (and (not encode) (null eol) (not (eq last-coding-system-used base)))
          (setq last-coding-system-used coding))
        r))
     ((mule--one-byte-charsets coding)
      (if encode (mule--encode-bytes string coding eol) (mule--decode-bytes string coding eol)))
     ;; UTF-7 and UTF-16 convert even ASCII text.
     ((memq (mule--mb-kind coding) '(utf-7 utf-16))
      (if encode (mule--mb-encode string coding eol (mule--mb-kind coding))
        (mule--mb-decode string coding eol (mule--mb-kind coding))))
     ;; ASCII text is itself in any ASCII-compatible coding system.
     ((and (or (coding-system-get coding :ascii-compatible-p)
               (and (eq (coding-system-type coding) 'iso-2022) (not (string-match-p "\e" string))))
           (not (string-match-p "[^\0-\x7f]" string)))
      (let* ((found (and (null eol) (not encode)
                         (or (mule--detect-eol (append string nil)) (and (string-match-p "\n" string) 0))))
             (r (if encode (encode-coding-string string (if eol (coding-system-change-eol-conversion 'us-ascii eol) 'us-ascii) t)
                  (decode-coding-string string (coding-system-change-eol-conversion 'us-ascii (or eol found 0)) t))))
        ;; A decoder that found CRLF or CR names that variant; one that is not
        ;; ASCII-compatible names LF too.
        (setq last-coding-system-used
              (if (and found (or (memq found '(1 2)) (not (coding-system-get coding :ascii-compatible-p))))
                  (coding-system-change-eol-conversion coding found)
                coding))
        r))
     ((mule--mb-kind coding)
      (if encode (mule--mb-encode string coding eol (mule--mb-kind coding))
        (mule--mb-decode string coding eol (mule--mb-kind coding)))))))

(defun mule--first-code (recs c) "The code of C in the first charset record of RECS that has one, or nil."
  (let ((code nil))
    (while (and recs (not code)) (setq code (mule--encode (pop recs) c)))
    code))

(defun mule--first-char (recs code) "The character of CODE in the first charset record of RECS that has one, or nil."
  (let ((ch nil))
    (while (and recs (not ch)) (setq ch (mule--decode (pop recs) code)))
    ch))

(defun mule--encode-bytes (string coding eol) "Encode STRING with the one-byte charset coding system CODING and line ends EOL."
  (let ((recs (mule--one-byte-charsets coding))
        (default (or (coding-system-get coding :default-char) ?\s))
        (out nil))
    (dolist (c (append string nil))
      (cond ((and (eq c ?\n) (eq eol 1)) (push ?\r out) (push ?\n out))
            ((and (eq c ?\n) (eq eol 2)) (push ?\r out))
            ((>= c #x3fff80) (push (- c #x3fff00) out))
            ((and (< c 256) (not (multibyte-string-p string))) (push c out))
            (t (push (or (mule--first-code recs c) default) out))))
    (setq last-coding-system-used coding)
    (apply #'unibyte-string (nreverse out))))

(defun mule--decode-bytes (string coding eol) "Decode STRING with the one-byte charset coding system CODING and line ends EOL (nil: find them)."
  (let* ((recs (mule--one-byte-charsets coding))
         (charset (or (plist-get (aref (car recs) 2) :name) (aref (car recs) 0)))
         (chars (append (if (multibyte-string-p string) string (string-to-multibyte string)) nil))
         (found-eol eol)
         (pieces nil) (run nil))
    ;; Find the line ends from the first CR or LF among the bytes.
    (unless found-eol
      (let ((tail chars))
        (while (and tail (not (memq (car tail) '(?\n ?\r)))) (pop tail))
        (setq found-eol (pcase (car tail) (?\n 0) (?\r (if (eq (cadr tail) ?\n) 1 2))))))
    (let* ((any-high nil)
           (flush (lambda ()
                   (when run
                     (let* ((bytes (nreverse run)) (text nil) (high nil))
                       (while bytes
                         (let ((b (pop bytes)))
                           (when (>= b 128) (setq high t any-high t))
                           (cond ((and (eq b ?\r) (eq found-eol 1) (eq (car bytes) ?\n)))
                                 ((and (eq b ?\r) (eq found-eol 2)) (push ?\n text))
                                 (t (push (or (mule--first-char recs b) (mule--raw b)) text)))))
                       (let ((piece (apply #'string (nreverse text))))
                         (when (and high (> (length piece) 0))
                           (put-text-property 0 (length piece) 'charset charset piece))
                         (push piece pieces)))
                     (setq run nil)))))
      (dolist (c chars)
        (cond ((< c 128) (push c run))
              ((>= c #x3fff80) (push (- c #x3fff00) run))
              (t (funcall flush) (push (string c) pieces))))
      (funcall flush)
      ;; The line ends found are named when they are CRLF or CR, or the text was not all ASCII.
      (setq last-coding-system-used
            (if (and (null eol) found-eol (vectorp (coding-system-eol-type coding))
                     (or any-high (memq found-eol '(1 2))))
                (coding-system-change-eol-conversion coding found-eol)
              coding)))
    (apply #'concat (nreverse pieces))))

;;;; Multi-byte coding systems: CJK charsets, ISO 2022, UTF-16, UTF-7

;; A conversion works on a vector of units: a byte (0..255) for each ASCII
;; char, raw byte or unibyte byte of the input, and for a decode of multibyte
;; text, (- -1 C) for each other character C, which passes through unchanged.

(defun mule--units (string) "The units of STRING for decoding: bytes, and (- -1 C) for a character C that is text already."
  (let ((multi (multibyte-string-p string)))
    (vconcat (mapcar (lambda (c) (cond ((or (not multi) (< c 128)) c)
                                        ((>= c #x3fff80) (- c #x3fff00))
                                        (t (- -1 c))))
                     string))))

(defun mule--raw (b) "The character byte B decodes to when it is no part of a valid sequence."
  (if (< b 128) b (+ b #x3fff00)))

(defun mule--mb-kind (coding) "How CODING converts: `utf-7', `utf-16', `iso-2022', `shift-jis', `charset', or nil."
  (let ((type (coding-system-type coding))
        (post (coding-system-get coding :post-read-conversion)))
    (cond ((memq post '(utf-7-post-read-conversion utf-7-imap-post-read-conversion)) 'utf-7)
          ((eq type 'utf-16) 'utf-16)
          ((eq type 'iso-2022) 'iso-2022)
          ((eq type 'shift-jis) 'shift-jis)
          ((memq type '(charset big5))
           (and (not (mule--one-byte-charsets coding)) 'charset)))))

(defun mule--charset-code-fits (rec bytes) "Tell whether the list BYTES (first byte highest) lies in the code space of charset record REC."
  (let ((low-first (reverse bytes)))
    (catch 'outside
      (dolist (range (mule--space rec))
        (let ((b (pop low-first)))
          (or (and b (<= (car range) b (cdr range))) (throw 'outside nil))))
      (null low-first))))

(defun mule--bytes-number (bytes) "The code whose bytes, highest first, are the list BYTES."
  (let ((n 0)) (dolist (b bytes) (setq n (+ (* n 256) b))) n))

(defun mule--number-bytes (code dim) "The DIM bytes of CODE, highest first."
  (let ((high-first nil))
    (dotimes (_ dim) (push (logand code 255) high-first) (setq code (ash code -8)))
    high-first))

;;; Decoding the units

(defun mule--mb-decode-chars (units coding kind) "Decode the vector UNITS with CODING of KIND; give (CHARS . RUNS), RUNS the charsets by char index."
  (pcase kind
    ('utf-16 (mule--decode-utf-16 units coding))
    ('utf-7 (mule--decode-utf-7 units coding))
    ('iso-2022 (mule--decode-iso-2022 units coding))
    (_ (mule--decode-charset-type units coding (eq kind 'shift-jis)))))

(defun mule--sjis-to-jis (s1 s2) "The JIS X 0208 code of Shift-JIS bytes S1 and S2, or nil when they are none."
  (when (and (or (<= #x81 s1 #x9f) (<= #xe0 s1 #xef))
             (<= #x40 s2 #xfc) (/= s2 #x7f))
    (let ((c1 (+ #x21 (* 2 (if (< s1 #xa0) (- s1 #x81) (- s1 #xc1))))))
      (if (>= s2 #x9f)
          (+ (* 256 (1+ c1)) (- s2 #x7e))
        (+ (* 256 c1) (- s2 (if (>= s2 #x80) #x20 #x1f)))))))

(defun mule--jis-to-sjis (code) "The two Shift-JIS bytes of JIS code CODE, as a list."
  (let* ((c1 (ash code -8)) (c2 (logand code 255))
         (s1 (+ (ash (- c1 #x21) -1) (if (<= c1 #x5e) #x81 #xc1)))
         (s2 (if (= (logand c1 1) 1) (+ c2 (if (>= c2 #x60) #x20 #x1f)) (+ c2 #x7e))))
    (list s1 s2)))

(defun mule--decode-charset-type (units coding sjis) "Decode UNITS by the charsets of CODING, trying each in turn (Shift-JIS codes when SJIS)."
  (let* ((big5 (eq (coding-system-type coding) 'big5))
         (recs (mapcar (lambda (cs) (cons cs (mule--charset cs))) (coding-system-charset-list coding)))
         (n (length units)) (i 0) (out nil) (runs nil) (k 0))
    (while (< i n)
      (let ((b (aref units i)) (got nil))
        (cond
         ((< b 0) (setq got (list (- -1 b) nil 1)))
         ((< b 128) (setq got (list b 'ascii 1)))
         (sjis
          (let ((kana (and (<= #xa1 b #xdf) (assq 'katakana-jisx0201 recs))))
            (if kana
                (setq got (list (mule--decode (cdr kana) (- b #x80)) 'katakana-jisx0201 1))
              (let* ((b2 (and (< (1+ i) n) (aref units (1+ i))))
                     (jis (and b2 (>= b2 0) (mule--sjis-to-jis b b2)))
                     (c (and jis (mule--decode (mule--charset 'japanese-jisx0208) jis))))
                (when c (setq got (list c 'japanese-jisx0208 2)))))))
         (t
          (let ((l recs))
            (while (and l (not got))
              (let* ((rec (cdar l)) (dim (or (plist-get (aref rec 2) :dimension) 1)))
                (unless (eq (caar l) 'ascii)
                  (when (<= (+ i dim) n)
                    (let ((bytes (append (substring units i (+ i dim)) nil)))
                      (when (and (mule--all-p #'natnump bytes) (mule--charset-code-fits rec bytes)
                                 ;; Big5 trail bytes skip DEL and 0x80 to 0xA0.
                                 (not (and big5 (= dim 2) (< #x7e (cadr bytes) #xa1))))
                        (let ((c (mule--decode rec (mule--bytes-number bytes))))
                          (when c (setq got (list c (caar l) dim)))))))))
              (setq l (cdr l))))))
        (unless got
          ;; A lead byte the end of the text cuts short ends the charset run before it.
          (when (and (= (1+ i) n)
                     (if sjis (or (<= #x81 b #x9f) (<= #xe0 b #xef))
                       (seq-some (lambda (r) (let ((space (mule--space (cdr r))))
                                               (and (> (length space) 1)
                                                    (<= (car (car (last space))) b (cdr (car (last space)))))))
                                 recs)))
            (push (list k nil nil) runs))
          (setq got (list (mule--raw b) nil 1)))
        (push (car got) out)
        (when (and (cadr got) (not (eq (cadr got) 'ascii)))
          (push (list k (cadr got) (or (< (car got) #x110000) (not (mule--map-p (cadr got))))) runs))
        (setq k (1+ k) i (+ i (nth 2 got)))))
    (cons (nreverse out) (nreverse runs))))

(defun mule--designation-slot (designation charset) "The graphic register (0 to 3) DESIGNATION gives CHARSET, or nil."
  (let ((slot nil))
    (dotimes (g 4)
      (let ((d (aref designation g)))
        (when (and (null slot) (or (eq d charset) (and (consp d) (memq charset d))))
          (setq slot g))))
    slot))

(defun mule--iso-initial (designation) "The charsets DESIGNATION puts in the four graphic registers at the start."
  (let ((v (make-vector 4 nil)))
    (dotimes (g 4)
      (let ((d (aref designation g)))
        (aset v g (if (consp d) (and (symbolp (car d)) (not (eq (car d) t)) (car d)) d))))
    v))

(defun mule--iso-allowed-p (coding charset) "Tell whether CODING may use CHARSET."
  (let ((cl (coding-system-charset-list coding)))
    (if (eq cl 'iso-2022) (> (charset-iso-final-char charset) 0) (memq charset cl))))

(defun mule--decode-iso-2022 (units coding) "Decode UNITS with the ISO 2022 coding system CODING."
  (let* ((pl (coding-system-plist coding))
         (designation (or (plist-get pl :designation) (vector 'ascii nil nil nil)))
         (g (mule--iso-initial designation))
         (n (length units)) (i 0) (out nil) (runs nil) (k 0) (shift 0) (single nil)
         (flags (plist-get pl :flags)))
    (while (< i n)
      (let ((b (aref units i)) (got nil))
        (cond
         ((< b 0) (setq got (list (- -1 b) nil 1)))
         ((= b 27)
          ;; An escape sequence: a designation or a single shift.
          (let* ((b1 (and (< (1+ i) n) (aref units (1+ i))))
                 (b2 (and (< (+ i 2) n) (aref units (+ i 2))))
                 (b3 (and (< (+ i 3) n) (aref units (+ i 3))))
                 (spec (cond ((and (eq b1 ?$) (memq b2 '(?@ ?A ?B))) (list 2 94 b2 0 3))
                             ((and (eq b1 ?$) b2 (<= ?\( b2 ?+) b3) (list 2 94 b3 (- b2 ?\() 4))
                             ((and (eq b1 ?$) b2 (<= ?, b2 ?/) b3) (list 2 96 b3 (- b2 ?,) 4))
                             ((and b1 (<= ?\( b1 ?+) b2) (list 1 94 b2 (- b1 ?\() 3))
                             ((and b1 (<= ?, b1 ?/) b2) (list 1 96 b2 (- b1 ?,) 3))))
                 (cs (and spec (natnump (nth 2 spec)) (<= 48 (nth 2 spec) 126)
                          (iso-charset (nth 0 spec) (nth 1 spec) (nth 2 spec)))))
            (cond ((and cs (mule--iso-allowed-p coding cs))
                   (aset g (nth 3 spec) cs)
                   (setq got (list nil nil (nth 4 spec))))
                  ((and (memq b1 '(?N ?O)) (memq 'single-shift flags))
                   (setq single (if (eq b1 ?N) 2 3) got (list nil nil 2)))
                  (t (setq got (list 27 nil 1))))))
         ((and (= b 14) (aref g 1) (memq 'locking-shift flags)) (setq shift 1 got (list nil nil 1)))
         ((and (= b 15) (memq 'locking-shift flags)) (setq shift 0 got (list nil nil 1)))
         ((and (memq b '(#x8e #x8f)) (aref g (if (= b #x8e) 2 3)) (< (1+ i) n)
               (natnump (aref units (1+ i))) (>= (aref units (1+ i)) #xa0))
          (setq single (if (= b #x8e) 2 3) got (list nil nil 1)))
         ((or (< b 33) (= b 127)) (setq got (list b nil 1)))
         (t
          (let* ((reg (cond (single single) ((>= b 128) 1) (t shift)))
                 (cs (aref g reg))
                 (rec (and cs (not (eq cs 'ascii)) (mule--charset cs)))
                 (dim (if rec (or (plist-get (aref rec 2) :dimension) 1) 1))
                 (high (>= b 128)))
            (setq single nil)
            (if (and (null rec) (not high))
                (setq got (list b nil 1))
              (when (and rec (<= (+ i dim) n))
                (let ((bytes (append (substring units i (+ i dim)) nil)) (ok t))
                  (dolist (x bytes)
                    (unless (and (natnump x) (eq (>= x 128) high)
                                 (<= 32 (logand x 127) 127))
                      (setq ok nil)))
                  (when ok
                    (let ((c (mule--decode rec (mule--bytes-number (mapcar (lambda (x) (logand x 127)) bytes)))))
                      (when c (setq got (list c cs dim)))))))
              (unless got
                ;; A sequence the end of the text cuts short ends the charset's run;
                ;; one that is invalid before the end still belongs to it.
                (when (and rec (<= 33 (logand b 127) 126))
                  (push (list k (and (<= (+ i dim) n) cs) t) runs))
                (setq got (list (mule--raw b) nil 1)))))))
        (when (car got)
          (push (car got) out)
          (when (cadr got)
            (push (list k (cadr got) (or (< (car got) #x110000) (not (mule--map-p (cadr got))))) runs))
          (setq k (1+ k)))
        (setq i (+ i (nth 2 got)))))
    (cons (nreverse out) (nreverse runs))))

(defvar mule--utf-16-used nil "The coding system a UTF-16 decoder found by a byte order mark, or nil.")

(defun mule--decode-utf-16 (units coding) "Decode UNITS with the UTF-16 coding system CODING; give (CHARS . nil) and set `mule--utf-16-used'."
  (let* ((pl (coding-system-plist coding))
         (bom (plist-get pl :bom)) (little (eq (plist-get pl :endian) 'little))
         (n (length units)) (i 0) (out nil))
    (setq mule--utf-16-used nil)
    (cond ((consp bom)
           (cond ((and (>= n 2) (eql (aref units 0) #xff) (eql (aref units 1) #xfe))
                  (setq little t i 2 mule--utf-16-used (car bom)))
                 ((and (>= n 2) (eql (aref units 0) #xfe) (eql (aref units 1) #xff))
                  (setq little nil i 2 mule--utf-16-used (cdr bom)))))
          (bom (when (and (>= n 2) (eql (aref units (if little 1 0)) #xfe) (eql (aref units (if little 0 1)) #xff))
                 (setq i 2))))
    (let ((unit (lambda (j) (let ((a (aref units j)) (b (aref units (1+ j))))
                              (and (natnump a) (natnump b) (if little (+ a (* 256 b)) (+ b (* 256 a))))))))
      (while (< i n)
        (let ((u (and (< (1+ i) n) (funcall unit i))))
          (cond
           ((null u) (let ((b (aref units i))) (push (if (< b 0) (- -1 b) (mule--raw b)) out)) (setq i (1+ i)))
           ;; A high surrogate: with a low one, a character; before anything else, its two
           ;; bytes as characters; at the end, nothing.
           ((<= #xd800 u #xdbff)
            (let ((u2 (and (< (+ i 3) n) (funcall unit (+ i 2)))))
              (cond ((and u2 (<= #xdc00 u2 #xdfff))
                     (push (+ #x10000 (ash (- u #xd800) 10) (- u2 #xdc00)) out) (setq i (+ i 4)))
                    ((< (+ i 2) n)
                     (push (aref units i) out) (push (aref units (1+ i)) out) (setq i (+ i 2)))
                    (t (setq i (+ i 2))))))
           (t (push u out) (setq i (+ i 2)))))))
    (cons (nreverse out) nil)))

(defconst mule--base64-chars "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
  "The digits of base 64, in order.")

(defun mule--decode-utf-7 (units coding) "Decode UNITS with UTF-7 (or its IMAP form when CODING is that)."
  (let* ((imap (eq (coding-system-get coding :post-read-conversion) 'utf-7-imap-post-read-conversion))
         (shift-char (if imap ?& ?+))
         (n (length units)) (i 0) (out nil))
    (while (< i n)
      (let ((b (aref units i)))
        (cond
         ((< b 0) (push (- -1 b) out) (setq i (1+ i)))
         ((/= b shift-char) (push (mule--raw b) out) (setq i (1+ i)))
         ((and (< (1+ i) n) (eql (aref units (1+ i)) ?-)) (push shift-char out) (setq i (+ i 2)))
         ((= (1+ i) n) (push shift-char out) (setq i n))
         (t
          (setq i (1+ i))
          (let ((bits 0) (nbits 0) (bytes nil) (go t))
            (while (and go (< i n))
              (let* ((c (aref units i))
                     (d (cond ((not (natnump c)) nil)
                          ((and imap (eq c ?,)) 63)
                          ((and imap (eq c ?/)) nil)
                          (t (seq-position mule--base64-chars c)))))
                (if (null d) (setq go nil)
                  (setq bits (logior (ash bits 6) d) nbits (+ nbits 6) i (1+ i))
                  (when (>= nbits 8)
                    (push (logand (ash bits (- 8 nbits)) 255) bytes)
                    (setq nbits (- nbits 8) bits (logand bits (1- (ash 1 nbits))))))))
            (when (and (= nbits 6) (null bytes)) (signal 'wrong-type-argument (list 'wholenump nil)))
            (when (and (< i n) (eql (aref units i) ?-)) (setq i (1+ i)))
            (let ((chars (car (mule--decode-utf-16 (vconcat (nreverse bytes)) 'utf-16be))))
              (dolist (c chars) (push c out))))))))
    (cons (nreverse out) nil)))

(defun mule--eol-convert (chars eol) "CHARS with their line ends of convention EOL (0 LF, 1 CRLF, 2 CR) made LF."
  (cond ((eq eol 1)
         (let ((out nil))
           (while chars
             (unless (and (eq (car chars) ?\r) (eq (cadr chars) ?\n)) (push (car chars) out))
             (setq chars (cdr chars)))
           (nreverse out)))
        ((eq eol 2) (mapcar (lambda (c) (if (eq c ?\r) ?\n c)) chars))
        (t chars)))

(defun mule--mb-decode (string coding eol kind) "Decode STRING with CODING of KIND and line ends EOL (nil: find them)."
  (let* ((units (mule--units string))
         (got (mule--mb-decode-chars units coding kind))
         (chars (car got)) (runs (cdr got))
         (found (or eol (let ((l chars) (f nil))
                          (while (and l (not f))
                            (cond ((eq (car l) ?\n) (setq f 0))
                                  ((eq (car l) ?\r) (setq f (if (eq (cadr l) ?\n) 1 2))))
                            (setq l (cdr l)))
                          f)))
         (text nil))
    ;; The charset runs are placed before line ends are converted: count the CRs dropped.
    (when (and (eq found 1) runs)
      (let ((shift (make-vector (1+ (length chars)) 0)) (l chars) (j 0) (drop 0))
        (while l
          (aset shift j drop)
          (when (and (eq (car l) ?\r) (eq (cadr l) ?\n)) (setq drop (1+ drop)))
          (setq l (cdr l) j (1+ j)))
        (aset shift j drop)
        (setq runs (mapcar (lambda (r) (cons (- (car r) (aref shift (car r))) (cdr r))) runs))))
    (setq chars (mule--eol-convert chars found))
    (setq text (apply #'string chars))
    ;; The `charset' property: from each character of a new charset up to the next such one;
    ;; a run whose characters of its charset are all unmapped (offset) ones gets none.
    (let ((l runs) (len (length text)) (cur nil) (from 0) (real nil))
      (while l
        (let ((r (car l)))
          (if (eq (nth 1 r) cur)
              (when (nth 2 r) (setq real t))
            (when (and cur real) (put-text-property from (car r) 'charset cur text))
            (setq cur (nth 1 r) from (car r) real (nth 2 r))))
        (setq l (cdr l)))
      (when (and cur real (< from len)) (put-text-property from len 'charset cur text)))
    (let ((used (or (and (eq kind 'utf-16) mule--utf-16-used) coding)))
      (setq last-coding-system-used
            (if (and (or (null eol) (not (eq used coding))) found (vectorp (coding-system-eol-type used))
                     (or (memq found '(1 2)) (not (eq kind 'charset-ascii))))
                (coding-system-change-eol-conversion used found)
              used)))
    text))

;;; Encoding

(defun mule--encode-charsets (coding) "The charsets CODING encodes with, in the order they are tried."
  (let ((cl (coding-system-charset-list coding)))
    (if (eq cl 'iso-2022)
        (seq-filter (lambda (cs) (> (charset-iso-final-char cs) 0)) (charset-priority-list))
      cl)))

(defun mule--find-charset (c charsets) "The first of CHARSETS that holds C, with its code, as (CHARSET . CODE), or nil."
  (let ((found nil))
    (while (and charsets (not found))
      (let ((code (mule--encode (mule--charset (car charsets)) c)))
        (when code (setq found (cons (car charsets) code))))
      (setq charsets (cdr charsets)))
    found))

(defun mule--mb-encode (string coding eol kind) "Encode STRING with CODING of KIND and line ends EOL."
  (let* ((chars (append (if (multibyte-string-p string) string (string-to-multibyte string)) nil))
         (bytes (pcase kind
                  ('utf-16 (mule--encode-utf-16 chars coding eol))
                  ('utf-7 (mule--encode-utf-7 chars coding eol))
                  ('iso-2022 (mule--encode-iso-2022 chars coding eol))
                  (_ (mule--encode-charset-type chars coding eol (eq kind 'shift-jis))))))
    (setq last-coding-system-used coding)
    (apply #'unibyte-string bytes)))

(defun mule--eol-bytes (eol) "The bytes a line end is written as under convention EOL."
  (cond ((eq eol 1) (list 13 10)) ((eq eol 2) (list 13)) (t (list 10))))

(defun mule--encode-charset-type (chars coding eol sjis) "The bytes of CHARS in the charset coding system CODING (Shift-JIS codes when SJIS)."
  (let ((charsets (remq 'ascii (coding-system-charset-list coding))) (out nil))
    (dolist (c chars)
      (cond ((eq c ?\n) (dolist (b (mule--eol-bytes eol)) (push b out)))
            ((< c 128) (push c out))
            ((>= c #x3fff80) (push (- c #x3fff00) out))
            (t (let ((hit (mule--find-charset c charsets)))
                 (if (null hit) (push ?\s out)
                   (let ((bytes (cond ((and sjis (eq (car hit) 'katakana-jisx0201)) (list (+ (cdr hit) #x80)))
                                      (sjis (mule--jis-to-sjis (cdr hit)))
                                      (t (mule--number-bytes (mule--code-number (cdr hit))
                                                             (charset-dimension (car hit)))))))
                     (dolist (b bytes) (push b out))))))))
    (nreverse out)))

(defun mule--iso-designate (cs reg) "The escape sequence that designates charset CS to register REG, as bytes."
  (let* ((dim (charset-dimension cs)) (final (charset-iso-final-char cs))
         (chars96 (= (charset-chars cs) 96)))
    (append (list 27)
            (cond ((and (= dim 2) (= reg 0) (memq final '(?@ ?A ?B))) (list ?$))
                  ((= dim 2) (list ?$ (+ reg (if chars96 ?, ?\())))
                  (t (list (+ reg (if chars96 ?, ?\()))))
            (list final))))

(defun mule--encode-iso-2022 (chars coding eol) "The bytes of CHARS in the ISO 2022 coding system CODING."
  (let* ((pl (coding-system-plist coding))
         (flags (plist-get pl :flags))
         (seven (memq '7-bit flags))
         (designation (or (plist-get pl :designation) (vector 'ascii nil nil nil)))
         (initial (mule--iso-initial designation))
         (g (copy-sequence initial))
         (charsets (remq 'ascii (mule--encode-charsets coding)))
         (out nil)
         (to-ascii (lambda () (unless (eq (aref g 0) 'ascii)
                                (dolist (b (mule--iso-designate 'ascii 0)) (push b out))
                                (aset g 0 'ascii)))))
    (dolist (c chars)
      (cond ((eq c ?\n) (funcall to-ascii) (dolist (b (mule--eol-bytes eol)) (push b out)))
            ((< c 32) (funcall to-ascii) (push c out))
            ((< c 128)
             ;; A G0 set that has the ASCII character as itself (JIS X 0201 Roman) keeps it.
             (unless (and (not seven) (not (eq (aref g 0) 'ascii)) (<= 33 c 126)
                          (= (charset-dimension (aref g 0)) 1)
                          (eq (mule--decode (mule--charset (aref g 0)) c) c))
               (funcall to-ascii))
             (push c out))
            ((>= c #x3fff80) (push (- c #x3fff00) out))
            (t
             (let ((hit (mule--find-charset c charsets)))
               (if (null hit) (progn (funcall to-ascii) (push ?\s out))
                 (let* ((cs (car hit))
                        (reg (or (mule--designation-slot designation cs) 0))
                        (bytes (mule--number-bytes (mule--code-number (cdr hit)) (charset-dimension cs))))
                   (when (and (= reg 1) seven) (setq reg 0))
                   (unless (eq (aref g reg) cs)
                     (dolist (b (mule--iso-designate cs reg)) (push b out))
                     (aset g reg cs))
                   (cond ((= reg 0) (dolist (b bytes) (push b out)))
                         ((= reg 1) (dolist (b bytes) (push (logior b 128) out)))
                         (t (push (if (= reg 2) #x8e #x8f) out)
                            (dolist (b bytes) (push (logior b 128) out))))))))))
    (funcall to-ascii)
    (nreverse out)))

(defun mule--encode-utf-16 (chars coding eol) "The bytes of CHARS in the UTF-16 coding system CODING."
  (let* ((pl (coding-system-plist coding))
         (little (eq (plist-get pl :endian) 'little))
         (out nil)
         (put (lambda (u) (if little (progn (push (logand u 255) out) (push (ash u -8) out))
                            (push (ash u -8) out) (push (logand u 255) out)))))
    (when (plist-get pl :bom) (funcall put #xfeff))
    (dolist (c chars)
      (cond ((eq c ?\n) (dolist (b (mule--eol-bytes eol)) (funcall put b)))
            ((> c #x10ffff) (funcall put ?\s))
            ((>= c #x10000)
             (funcall put (+ #xd800 (ash (- c #x10000) -10)))
             (funcall put (+ #xdc00 (logand (- c #x10000) #x3ff))))
            (t (funcall put c))))
    (nreverse out)))

(defun mule--encode-utf-7 (chars coding eol) "The bytes of CHARS in UTF-7 (or its IMAP form when CODING is that)."
  (let* ((imap (eq (coding-system-get coding :pre-write-conversion) 'utf-7-imap-pre-write-conversion))
         (shift-char (if imap ?& ?+))
         (direct (lambda (c) (and (< c 128)
                                  (or (memq c '(?\t ?\n ?\r)) (<= 32 c 126))
                                  (not (eq c shift-char))
                                  (or imap (not (memq c '(?\\ ?~)))))))
         (out nil) (run nil))
    (let ((flush
           (lambda (last)
             (when run
               (let ((bytes nil))
                 (dolist (c (nreverse run))
                   (when (> c #x10ffff) (setq c ?\s))
                   (if (>= c #x10000)
                       (let ((hi (+ #xd800 (ash (- c #x10000) -10))) (lo (+ #xdc00 (logand (- c #x10000) #x3ff))))
                         (setq bytes (append (list (logand lo 255) (ash lo -8) (logand hi 255) (ash hi -8)) bytes)))
                     (setq bytes (append (list (logand c 255) (ash c -8)) bytes))))
                 (let ((b64 (base64-encode-string (apply #'unibyte-string (nreverse bytes)) t)))
                   (setq b64 (replace-regexp-in-string "=+\\'" "" b64))
                   ;; GNU keeps only the first 76 digits of a long run (its first line of base 64).
                   (when (> (length b64) 76) (setq b64 (substring b64 0 76)))
                   (when imap (setq b64 (subst-char-in-string ?/ ?, b64)))
                   (push shift-char out)
                   (dolist (b (append b64 nil)) (push b out))
                   (unless (and last (not imap)) (push ?- out))))
               (setq run nil)))))
      (dolist (c chars)
        (cond ((funcall direct c)
               (funcall flush nil)
               (if (eq c ?\n) (dolist (b (mule--eol-bytes eol)) (push b out)) (push c out)))
              ((eq c shift-char) (funcall flush nil) (push shift-char out) (push ?- out))
              (t (push c run))))
      (funcall flush t))
    (nreverse out)))

;;; Shift-JIS and Big5 codes of single characters

(defun mule--check-natnum (x) "Signal unless X is a non-negative integer."
  (unless (natnump x) (signal 'wrong-type-argument (list 'wholenump x))))

(defun mule--sjis-two-byte-charsets () "The two-byte charsets of the newest Shift-JIS coding system."
  (seq-filter (lambda (cs) (= (charset-dimension cs) 2))
              (coding-system-charset-list 'japanese-shift-jis-2004)))

(defun decode-sjis-char (code) "Give the character whose Shift-JIS code is CODE."
  (mule--check-natnum code)
  (or (cond ((< code #x80) code)
            ((<= #xa1 code #xdf) (decode-char 'katakana-jisx0201 (- code #x80)))
            ((<= code #xffff)
             (let ((jis (mule--sjis-to-jis (ash code -8) (logand code 255))) (found nil))
               (when jis
                 (dolist (cs (mule--sjis-two-byte-charsets))
                   (unless found (setq found (decode-char cs jis)))))
               found)))
      (error "Invalid code: %d" code)))

(defun encode-sjis-char (ch) "Give the Shift-JIS code of character CH.
GNU Emacs 28.2 crashes for a character Shift-JIS lacks; here that is an error."
  (mule--check-char ch)
  (let ((kana (encode-char ch 'katakana-jisx0201)))
    (cond ((< ch #x80) ch)
          ;; GNU runs a one-byte kana code through the two-byte formula too.
          (kana (let ((b (mule--jis-to-sjis kana))) (+ (* 256 (car b)) (cadr b))))
          (t (let ((jis nil))
               (dolist (cs (mule--sjis-two-byte-charsets))
                 (unless jis (setq jis (encode-char ch cs))))
               (unless (and jis (<= #x2121 jis #x7e7e))
                 (error "Can't encode to Shift-JIS: %d" ch))
               (let ((b (mule--jis-to-sjis jis))) (+ (* 256 (car b)) (cadr b))))))))

(defun decode-big5-char (code) "Give the character whose Big5 code is CODE."
  (mule--check-natnum code)
  (or (cond ((< code #x80) code)
            ((and (<= #xa140 code #xfefe)
                  (let ((lo (logand code 255))) (or (<= #x40 lo #x7e) (<= #xa1 lo #xfe))))
             (decode-char 'big5 code)))
      (error "Invalid code: %d" code)))

(defun encode-big5-char (ch) "Give the Big5 code of character CH.
GNU Emacs 28.2 crashes for a character Big5 lacks; here that is an error."
  (mule--check-char ch)
  (if (< ch #x80) ch
    (or (encode-char ch 'big5) (error "Can't encode to Big5: %d" ch))))

;;; UTF-7 as GNU's conversion functions

(defun mule--utf-7-post-read (len imap) "Decode the LEN characters after point from UTF-7 (IMAP's form when IMAP); give the new length."
  (let* ((from (point)) (to (+ from len))
         (text (decode-coding-string (string-to-unibyte (buffer-substring-no-properties from to))
                                     (if imap 'utf-7-imap 'utf-7))))
    (save-excursion
      (delete-region from to)
      (goto-char from)
      (insert text))
    (length text)))

(defun mule--utf-7-pre-write (from to imap) "Put in a new current buffer the UTF-7 encoding (IMAP's form when IMAP) of FROM to TO, or of the string FROM."
  (let ((text (if (stringp from) from (buffer-substring-no-properties from to))))
    (set-buffer (generate-new-buffer " *temp*" t))
    (insert (encode-coding-string text (if imap 'utf-7-imap 'utf-7)))
    nil))

(defun utf-7-post-read-conversion (len) "Decode the LEN characters after point from UTF-7 and give the length of the result."
  (mule--utf-7-post-read len nil))

(defun utf-7-imap-post-read-conversion (len) "Decode the LEN characters after point from IMAP's UTF-7 and give the length of the result."
  (mule--utf-7-post-read len t))

(defun utf-7-pre-write-conversion (from to) "Make a new buffer current holding the UTF-7 encoding of the text from FROM to TO (or of the string FROM)."
  (mule--utf-7-pre-write from to nil))

(defun utf-7-imap-pre-write-conversion (from to) "Make a new buffer current holding IMAP's UTF-7 encoding of the text from FROM to TO (or of the string FROM)."
  (mule--utf-7-pre-write from to t))

;;; Terminal and keyboard coding systems (batch: recorded, never used)

(defvar mule--terminal-coding 'locale "The coding system of terminal output; `locale' until one is set: the locale's.")
(defvar mule--keyboard-coding 'locale "The coding system of keyboard input; `locale' until one is set: the locale's.")

(defun set-terminal-coding-system-internal (coding-system &optional _terminal) "Make CODING-SYSTEM the coding system of terminal output."
  (check-coding-system coding-system)
  (setq mule--terminal-coding coding-system)
  nil)

(defun set-safe-terminal-coding-system-internal (coding-system) "Make CODING-SYSTEM the coding system of terminal output for unsafe text."
  (check-coding-system coding-system)
  nil)

(defun set-keyboard-coding-system-internal (coding-system &optional _terminal) "Make CODING-SYSTEM the coding system of keyboard input."
  (check-coding-system coding-system)
  (setq mule--keyboard-coding
        (and coding-system (coding-system-change-eol-conversion coding-system 'unix)))
  nil)

(defun set-terminal-coding-system (coding-system &optional terminal) "Make CODING-SYSTEM the coding system of terminal output."
  (interactive "zCoding system for terminal display (default nil): ")
  (set-terminal-coding-system-internal coding-system terminal))

(defun set-keyboard-coding-system (coding-system &optional terminal) "Make CODING-SYSTEM the coding system of keyboard input."
  (interactive "zCoding system for the keyboard (default nil): ")
  (set-keyboard-coding-system-internal coding-system terminal))

;;;; Converting regions

(defun mule--convert-region (start end text destination) "Put TEXT, the conversion of START to END, where DESTINATION asks; give its length or TEXT."
  (cond ((eq destination t) text)
        ((bufferp destination)
         (with-current-buffer destination
           (save-excursion (insert text)))
         (length text))
        (t (let* ((from (min start end)) (to (max start end)) (pt (point))
                  (delta (- (length text) (- to from))))
             (goto-char from)
             (delete-region from to)
             (insert text)
             ;; Point after the region moves with its end; inside it, to its start.
             (goto-char (cond ((>= pt to) (+ pt delta)) ((> pt from) from) (t pt)))
             (length text)))))

(defun encode-coding-region (start end coding-system &optional destination) "Encode the text from START to END with CODING-SYSTEM, in place unless DESTINATION says otherwise.
DESTINATION t gives the encoded string; a buffer receives it at its point."
  (mule--check-region start end)
  (let ((bytes (encode-coding-string (buffer-substring-no-properties (min start end) (max start end)) coding-system t)))
    (mule--convert-region start end (if (eq destination t) bytes (string-to-multibyte bytes)) destination)))

(defun decode-coding-region (start end coding-system &optional destination) "Decode the bytes from START to END with CODING-SYSTEM, in place unless DESTINATION says otherwise.
DESTINATION t gives the decoded string; a buffer receives it at its point."
  (mule--check-region start end)
  (check-coding-system coding-system)
  (let ((text (decode-coding-string (buffer-substring-no-properties (min start end) (max start end)) coding-system t)))
    (when (and (memq (coding-system-base coding-system) '(iso-latin-1)) (> (length text) 0))
      (put-text-property 0 (length text) 'charset 'iso-8859-1 text))
    (mule--convert-region start end text destination)))

(defun decode-coding-inserted-region (from to filename &optional visit beg end replace) "Decode the text from FROM to TO as `insert-file-contents' would decode FILENAME's.
VISIT, BEG, END and REPLACE are as for it."
  (ignore visit beg end replace)
  (let ((coding (or coding-system-for-read
                    (car (find-operation-coding-system 'insert-file-contents filename))
                    'undecided)))
    (unless (coding-system-p coding) (setq coding 'undecided))
    (decode-coding-region from to coding)))

(defun recode-region (start end new-coding coding) "Re-decode the text from START to END, wrongly decoded with CODING, as NEW-CODING."
  (save-restriction
    (narrow-to-region start end)
    (encode-coding-region (point-min) (point-max) coding)
    (decode-coding-region (point-min) (point-max) new-coding)))

;;;; What a coding system can encode

(defun mule--encodable-p (c charsets) "Tell whether character C is encodable by a coding system whose charset list is CHARSETS."
  (or (< c 128)
      (>= c #x3fff80)
      (and charsets (symbolp charsets))
      (let ((found nil))
        (while (and charsets (not found))
          (let ((rec (gethash (car charsets) mule--charsets)))
            (when (and rec (mule--encode rec c)) (setq found t)))
          (setq charsets (cdr charsets)))
        found)))

(defun mule--text-chars (start end) "The characters from START to END of the buffer, or of the string START (END ignored)."
  (let ((text (if (stringp start) start
                (mule--check-region start end)
                (buffer-substring-no-properties (min start end) (max start end)))))
    ;; In unibyte text, bytes from 128 up are raw bytes.
    (append (if (multibyte-string-p text) text (string-to-multibyte text)) nil)))

(defun mule--unencodable (chars charsets limit) "Positions (counted from 0) of the first LIMIT members of CHARS not encodable with CHARSETS."
  (let ((i 0) (out nil) (n 0))
    (while (and chars (or (null limit) (< n limit)))
      (unless (mule--encodable-p (car chars) charsets)
        (push i out) (setq n (1+ n)))
      (setq chars (cdr chars) i (1+ i)))
    (nreverse out)))

(defun find-coding-systems-region-internal (start end &optional _exclude) "Give the base coding systems that can encode the text from START to END, or t when any can."
  (let ((chars (seq-filter (lambda (c) (and (>= c 128) (< c #x3fff80))) (mule--text-chars start end))))
    (if (null chars)
        t
      (let (out)
        (dolist (rec mule--coding-bases)
          (let ((cl (plist-get (aref rec 1) :charset-list)))
            (when (and cl (not (memq (plist-get (aref rec 1) :coding-type) '(raw-text undecided)))
                       (null (mule--unencodable chars cl 1)))
              (push (aref rec 0) out))))
        (nreverse out)))))

(defun find-coding-systems-region (from to) "Give the coding systems that can encode the text from FROM to TO, best first; (undecided) when any can."
  (let ((found (find-coding-systems-region-internal from to)))
    (if (eq found t) (list 'undecided) (sort-coding-systems found))))

(defun find-coding-systems-string (string) "Give the coding systems that can encode STRING, best first; (undecided) when any can."
  (find-coding-systems-region string nil))

(defun mule--all-p (pred list) "Tell whether PRED holds for every member of LIST."
  (let ((ok t))
    (while (and ok list)
      (unless (funcall pred (car list)) (setq ok nil))
      (setq list (cdr list)))
    ok))

(defun find-coding-systems-for-charsets (charsets) "Give the coding systems that can encode every charset of CHARSETS."
  (if (mule--all-p (lambda (cs) (eq cs 'ascii)) charsets)
      (list 'undecided)
    (let (out)
      (dolist (rec mule--coding-bases)
        (let ((cl (plist-get (aref rec 1) :charset-list)))
          (when (and cl (listp cl)
                     (mule--all-p (lambda (cs) (or (eq cs 'ascii) (memq cs cl))) charsets))
            (push (aref rec 0) out))))
      (sort-coding-systems (nreverse out)))))

(defun check-coding-systems-region (start end coding-system-list) "Tell which of CODING-SYSTEM-LIST cannot encode the text from START to END.
Give a list of (CODING-SYSTEM POSITION...) for each that cannot; START may be a string."
  (let ((chars (mule--text-chars start end)) (base (if (stringp start) 0 (min start end))) (out nil))
    (dolist (cs coding-system-list)
      (let ((bad (mule--unencodable chars (mule--coding-charsets cs) nil)))
        (when bad (push (cons cs (mapcar (lambda (i) (+ i base)) bad)) out))))
    (nreverse out)))

(defun mule--coding-charsets (cs) "The charset list of coding system CS for encodability: nil for those that encode ASCII only."
  (let ((type (coding-system-type cs)))
    (if (eq type 'undecided) nil (coding-system-get cs :charset-list))))

(defun unencodable-char-position (start end coding-system &optional count string) "Give the position of the first character from START to END that CODING-SYSTEM cannot encode, or nil.
With COUNT give a list of up to COUNT positions; with STRING look there, counting from 0."
  (let* ((chars (if string
                    (append (substring string start end) nil)
                  (mule--text-chars start end)))
         (base (if string start (min start end)))
         (bad (mule--unencodable chars (mule--coding-charsets coding-system) (or count 1))))
    (setq bad (mapcar (lambda (i) (+ i base)) bad))
    (if count bad (car bad))))

(defun encode-coding-char (char coding-system &optional _charset) "Give the bytes CODING-SYSTEM encodes CHAR to, as a string, or nil when it cannot encode CHAR."
  (let ((cl (coding-system-get coding-system :charset-list)))
    (when (or (null cl) (mule--encodable-p char cl))
      (encode-coding-string (string char) coding-system))))

(defun search-unencodable-char (coding-system) "Move to the next character after point that CODING-SYSTEM cannot encode and give its position, or nil."
  (let ((pos (unencodable-char-position (point) (point-max) coding-system)))
    (when pos (goto-char (1+ pos)) pos)))

(defun select-safe-coding-system (from to &optional default-coding-system _accept-default-p _file) "Choose a coding system that can encode the text from FROM to TO.
Try DEFAULT-CODING-SYSTEM (one or a list) first, then the buffer's
`buffer-file-coding-system', then the coding systems by priority."
  (let* ((defaults (if (listp default-coding-system) default-coding-system (list default-coding-system)))
         (candidates (append (delq nil (copy-sequence defaults))
                             (and (not (memq (coding-system-base (or buffer-file-coding-system 'undecided)) '(undecided)))
                                  (list buffer-file-coding-system))
                             (coding-system-priority-list)))
         (chars (if (stringp from) (append from nil) (mule--text-chars from to)))
         (found nil))
    (while (and candidates (not found))
      (let ((cs (car candidates)))
        (when (and (coding-system-p cs) (null (mule--unencodable chars (mule--coding-charsets cs) 1)))
          (setq found cs)))
      (setq candidates (cdr candidates)))
    (or found 'utf-8)))

(defun select-message-coding-system () "Choose a coding system for the message in the current buffer."
  (select-safe-coding-system (point-min) (point-max)))

(defun find-multibyte-characters (from to &optional maxcount excludes) "Give ((CHARSET COUNT CHAR...) ...) for the non-ASCII characters from FROM to TO.
MAXCOUNT limits the characters listed per charset; EXCLUDES is a list of charsets to skip."
  (let ((table nil))
    (dolist (c (mule--text-chars from to))
      (unless (< c 128)
        (let* ((cs (mule--char-charset c)) (e (assq cs table)))
          (unless (memq cs excludes)
            (if e
                (progn (setcar (cdr e) (1+ (cadr e)))
                       (when (and (or (null maxcount) (< (length (cddr e)) maxcount))
                                  (not (memq c (cddr e))))
                         (setcdr (cdr e) (append (cddr e) (list c)))))
              (push (list cs 1 c) table))))))
    (nreverse table)))

;;;; Choosing a coding system for an operation

(defvar file-coding-system-alist (copy-tree mule--file-coding-system-alist-start) "Rules (REGEXP . CODING) choosing the coding systems of files by name.")
(defvar auto-coding-alist (copy-tree mule--auto-coding-alist-start) "Rules (REGEXP . CODING) choosing the coding system of a file by its name, first of all.")
(defvar auto-coding-regexp-alist (copy-tree mule--auto-coding-regexp-alist-start) "Rules (REGEXP . CODING) choosing the coding system of a file by how its text starts.")
(defvar auto-coding-functions (copy-sequence mule--auto-coding-functions-start) "Functions of SIZE that may choose the coding system of the text after point.")

(defun find-operation-coding-system (operation &rest arguments) "Give the (DECODING . ENCODING) coding systems OPERATION would use on ARGUMENTS, or nil."
  (let* ((spec (assq operation '((insert-file-contents 0 file) (write-region 2 file)
                                 (call-process 0 process) (call-process-region 2 process)
                                 (start-process 2 process) (open-network-stream 3 network))))
         (_ (unless spec (error "Invalid first argument")))
         (_ (when (<= (length arguments) (nth 1 spec)) (error "Too few arguments")))
         (target (nth (nth 1 spec) arguments))
         (alist (pcase (nth 2 spec)
                  ('file file-coding-system-alist)
                  ('process process-coding-system-alist)
                  (_ network-coding-system-alist))))
    (unless (or (stringp target) (and (integerp target) (not (eq (nth 2 spec) 'file))))
      (error (format-message "Invalid argument %d of operation `%s'" (1+ (nth 1 spec)) operation)))
    (let ((found nil))
      (while (and alist (not found))
        (let ((entry (car alist)))
          (when (and (consp entry) (stringp (car entry)) (stringp target)
                     (string-match-p (car entry) target))
            (setq found entry)))
        (setq alist (cdr alist)))
      (when found
        (let ((val (cdr found)))
          (cond ((consp val) val)
                ((coding-system-p val) (cons val val))
                ((functionp val)
                 (let ((r (funcall val (cons operation arguments))))
                   (cond ((consp r) r) ((and r (coding-system-p r)) (cons r r)))))))))))

(defun modify-coding-system-alist (target-type regexp coding-system) "Make files (TARGET-TYPE `file'), processes or network streams matching REGEXP use CODING-SYSTEM.
CODING-SYSTEM is one coding system or (DECODING . ENCODING)."
  (if (consp coding-system)
      (progn (check-coding-system (car coding-system)) (check-coding-system (cdr coding-system)))
    (check-coding-system coding-system)
    (setq coding-system (cons coding-system coding-system)))
  (let ((var (pcase target-type
               ('file 'file-coding-system-alist)
               ('process 'process-coding-system-alist)
               ('network 'network-coding-system-alist)
               (_ (error "Invalid target type: %s" target-type)))))
    (let ((entry (assoc regexp (symbol-value var))))
      (if entry
          (setcdr entry coding-system)
        (set var (cons (cons regexp coding-system) (symbol-value var)))))))

(defun set-buffer-file-coding-system (coding-system &optional force nomodify) "Make CODING-SYSTEM the buffer's coding system for saving.
Line ends it leaves undecided are kept from the present one, unless FORCE;
the buffer is marked modified unless NOMODIFY."
  (check-coding-system coding-system)
  (let ((cs coding-system))
    (when (and cs (not force) buffer-file-coding-system
               (vectorp (coding-system-eol-type cs))
               (coding-system-p buffer-file-coding-system)
               (numberp (coding-system-eol-type buffer-file-coding-system)))
      (setq cs (coding-system-change-eol-conversion cs (coding-system-eol-type buffer-file-coding-system))))
    (setq buffer-file-coding-system cs))
  (unless nomodify (set-buffer-modified-p t))
  nil)

(defun set-buffer-process-coding-system (decoding encoding) "Make the buffer's process use DECODING for its output and ENCODING for its input."
  (let ((proc (get-buffer-process (current-buffer))))
    (if proc
        (set-process-coding-system proc decoding encoding)
      (error "No process"))))

(defun set-file-name-coding-system (coding-system) "Make CODING-SYSTEM the coding system of file names."
  (check-coding-system coding-system)
  (setq file-name-coding-system coding-system)
  nil)

(defvar file-name-coding-system nil "The coding system of file names, or nil for the default.")
(defvar default-file-name-coding-system 'utf-8-unix "The coding system of file names when `file-name-coding-system' is nil.")

(defun keyboard-coding-system (&optional _terminal) "Give the coding system of keyboard input."
  (if (eq mule--keyboard-coding 'locale) locale-coding-system mule--keyboard-coding))

(defun terminal-coding-system (&optional _terminal) "Give the coding system of terminal output."
  (if (eq mule--terminal-coding 'locale) locale-coding-system mule--terminal-coding))

;;;; Coding from a file's name and text

(defun auto-coding-alist-lookup (filename) "Give the coding system `auto-coding-alist' chooses for FILENAME, or nil."
  (let ((case-fold-search (memq system-type '(windows-nt ms-dos))) (l auto-coding-alist) (found nil))
    (while (and l (not found))
      (when (string-match-p (caar l) filename) (setq found (cdar l)))
      (setq l (cdr l)))
    found))

(defun auto-coding-regexp-alist-lookup (from to) "Give the coding system `auto-coding-regexp-alist' chooses for the text from FROM to TO, or nil."
  (let ((text (buffer-substring-no-properties from to)) (l auto-coding-regexp-alist) (found nil)
        (case-fold-search nil))
    (setq text (encode-coding-string text 'raw-text))
    (while (and l (not found))
      (when (string-match-p (string-to-unibyte (caar l)) text) (setq found (cdar l)))
      (setq l (cdr l)))
    found))

(defun mule--coding-tag (text) "The coding named by a -*- ... -*- line or a Local Variables list in TEXT, as a symbol, or nil."
  (let ((case-fold-search t))
    (cond ((string-match "-\\*-\\(?:.*?[ \t;]\\)?coding:[ \t]*\\([^ \t;]+?\\)[ \t;]*\\(?:-\\*-\\|$\\)" text)
           (intern (match-string 1 text)))
          ((string-match "^\\(.*\\)[ \t]*Local Variables:[ \t]*\\(.*\\)$" text)
           (let* ((prefix (regexp-quote (string-trim-right (match-string 1 text))))
                  (rest (substring text (match-end 0))))
             (when (string-match (concat "^" prefix "[ \t]*coding:[ \t]*\\([^ \t\n]+\\)") rest)
               (intern (match-string 1 rest))))))))

(defun find-auto-coding (filename size) "Find the coding system for the SIZE characters after point, visited from FILENAME.
Give (CODING . SOURCE), SOURCE naming the rule that chose it, or nil."
  (let ((end (min (point-max) (+ (point) size))) found)
    (let ((cs (auto-coding-alist-lookup filename)))
      (when cs (setq found (cons cs 'auto-coding-alist))))
    (unless found
      (let ((cs (auto-coding-regexp-alist-lookup (point) end)))
        (when cs (setq found (cons cs 'auto-coding-regexp-alist)))))
    (unless found
      (let* ((head (buffer-substring-no-properties
                    (point) (save-excursion (forward-line 2) (min end (point)))))
             (cs (and (string-match-p "-\\*-" head) (mule--coding-tag head))))
        (unless cs
          (let ((tail (buffer-substring-no-properties (max (point) (- end 3000)) end)))
            (when (string-match-p "Local Variables:" tail) (setq cs (mule--coding-tag tail)))))
        (when cs (setq found (cons cs :coding)))))
    (unless found
      (let ((fns auto-coding-functions))
        (while (and fns (not found))
          (let ((cs (save-excursion (ignore-errors (funcall (car fns) (- end (point)))))))
            (when cs (setq found (cons cs 'auto-coding-functions))))
          (setq fns (cdr fns)))))
    found))

(defun set-auto-coding (filename size) "Give the coding system for the SIZE characters after point, visited from FILENAME, or nil."
  (car (find-auto-coding filename size)))

(defun sgml-xml-auto-coding-function (size) "Give the coding system an XML declaration in the SIZE characters after point names, or nil."
  (let ((end (+ (point) size)))
    (when (> end (point-max)) (signal 'args-out-of-range (list (current-buffer) (point) end)))
    (save-excursion
      ;; The declaration is looked for from the start of the buffer.
      (goto-char (point-min))
      (when (re-search-forward "\\=[\n\t ]*<\\?xml[ \t\n]" nil t)
        (let ((decl-end (save-excursion (search-forward "?>" nil t))))
          (if (and decl-end (re-search-forward "encoding=[\"']\\([^\"']+\\)[\"']" decl-end t))
              (let ((cs (intern (downcase (match-string 1)))))
                (if (coding-system-p cs) cs (coding-system-from-name (match-string 1))))
            'utf-8))))))

(defun sgml-html-meta-auto-coding-function (size) "Give the coding system a <meta> charset in the SIZE characters after point names, or nil."
  (let ((end (min (point-max) (+ (point) size))) (case-fold-search t))
    (save-excursion
      (when (re-search-forward "<meta[^>]*charset=[\"']?\\([-A-Za-z0-9_]+\\)" end t)
        (coding-system-from-name (match-string 1))))))

(defun xml-find-file-coding-system (args) "Choose the coding system of an XML file from ARGS, (OPERATION FILENAME ...)."
  (let ((file (nth 1 args)))
    (if (and (eq (car args) 'insert-file-contents) (stringp file) (file-readable-p file))
        (with-temp-buffer
          (let ((coding-system-for-read 'raw-text))
            (insert-file-contents file nil 0 1024))
          (goto-char (point-min))
          (or (sgml-xml-auto-coding-function (- (point-max) (point))) 'utf-8))
      'utf-8)))

(defun find-new-buffer-file-coding-system (coding) "Give the coding system a buffer should save with after reading with CODING, or nil to keep its own."
  (when coding
    (let ((eol (coding-system-eol-type coding)) (old buffer-file-coding-system))
      (if (and old (not (eq (coding-system-base coding) 'undecided)))
          (merge-coding-systems coding old)
        (unless (vectorp eol) coding)))))

(defun after-insert-file-set-coding (inserted &optional _visit) "After inserting INSERTED characters from a file, make the buffer save with the coding system read with."
  (when (and last-coding-system-used (coding-system-p last-coding-system-used))
    (setq buffer-file-coding-system last-coding-system-used))
  inserted)

(defun load-with-code-conversion (fullname file &optional noerror nomessage) "Load FULLNAME, the file found for FILE, decoding it first.
NOERROR and NOMESSAGE are as for `load'."
  (ignore file)
  (load fullname noerror nomessage t))

;;;; Translation tables

(put 'translation-table 'char-table-extra-slots 2)

(defvar mule--translation-table-count 9 "The id of the last translation table defined.")

(defun make-translation-table (&rest args) "Make a translation table from ARGS, each a list of (FROM . TO) character pairs."
  (let ((tb (make-char-table 'translation-table)))
    (dolist (alist args)
      (dolist (pair alist)
        (aset tb (car pair) (cdr pair))))
    tb))

(defun make-translation-table-from-alist (alist) "Make a translation table from ALIST, a list of (FROM . TO) pairs."
  (make-translation-table alist))

(defun make-translation-table-from-vector (vec) "Make a translation table mapping each byte I to (aref VEC I); its first extra slot holds the reverse."
  (let ((tb (make-char-table 'translation-table)) (rev (make-char-table 'translation-table)))
    (dotimes (i (length vec))
      (let ((to (aref vec i)))
        (when to
          (aset tb i to)
          (aset rev to i))))
    (set-char-table-extra-slot tb 0 rev)
    tb))

(defun define-translation-table (symbol &rest args) "Define SYMBOL as the name of a translation table made from ARGS."
  (let ((tb (if (and (= (length args) 1) (char-table-p (car args))) (car args)
              (apply #'make-translation-table args))))
    (setq mule--translation-table-count (1+ mule--translation-table-count))
    (put symbol 'translation-table tb)
    (put symbol 'translation-table-id mule--translation-table-count)
    tb))

(defun define-translation-hash-table (symbol table) "Define SYMBOL as the name of TABLE, a hash table translating characters."
  (put symbol 'translation-hash-table table))

(defun coding-system-translation-table-for-decode (coding-system) "Give the translation table CODING-SYSTEM applies when decoding."
  (coding-system-get coding-system :decode-translation-table))

(defun coding-system-translation-table-for-encode (coding-system) "Give the translation table CODING-SYSTEM applies when encoding."
  (coding-system-get coding-system :encode-translation-table))

(defun coding-system-post-read-conversion (coding-system) "Give the function CODING-SYSTEM runs after decoding."
  (coding-system-get coding-system :post-read-conversion))

(defun coding-system-pre-write-conversion (coding-system) "Give the function CODING-SYSTEM runs before encoding."
  (coding-system-get coding-system :pre-write-conversion))

;;;; Language environments

(defvar language-info-alist mule--language-records "The language environments, each (NAME (KEY . INFO) ...).")

(defvar current-language-environment "English" "The name of the language environment in effect.")

(defun get-language-info (lang-env key) "Give the information KEY of language environment LANG-ENV (a string or symbol)."
  (when (symbolp lang-env) (setq lang-env (symbol-name lang-env)))
  (let ((entry (assoc-string lang-env language-info-alist t)))
    (cdr (assq key (cdr entry)))))

(defun set-language-info-internal (lang-env key info) "Store INFO as the information KEY of language environment LANG-ENV."
  (when (symbolp lang-env) (setq lang-env (symbol-name lang-env)))
  (let ((entry (assoc-string lang-env language-info-alist t)))
    (unless entry
      (setq entry (list lang-env)
            language-info-alist (cons entry language-info-alist)))
    (let ((slot (assq key (cdr entry))))
      (if slot (setcdr slot info)
        (setcdr entry (cons (cons key info) (cdr entry)))))
    info))

(defun set-language-info (lang-env key info) "Store INFO as the information KEY of language environment LANG-ENV."
  (set-language-info-internal lang-env key info))

(defun set-language-info-alist (lang-env alist &optional _parents) "Store each (KEY . INFO) of ALIST as information of language environment LANG-ENV."
  (when (symbolp lang-env) (setq lang-env (symbol-name lang-env)))
  (dolist (kv alist) (set-language-info lang-env (car kv) (cdr kv)))
  nil)

;;;; Switching language environments

(defvar set-language-environment-hook nil "Functions run after a language environment is set up.")
(defvar exit-language-environment-hook nil "Functions run before leaving a language environment.")
(defvar default-input-method nil "The input method a language environment proposes, or nil.")

;; Input methods: the state mule-input.el's functions keep.  The per-buffer
;; ones survive a change of major mode, as in GNU.
(dolist (spec '((current-input-method "The name of the input method on in this buffer, or nil.")
                (current-input-method-title "The mode-line indicator of the input method on in this buffer.")
                (input-method-history "Input methods turned off before, most recent first.")
                (deactivate-current-input-method-function "The function that turns off this buffer's input method.")
                (describe-current-input-method-function "The function that describes this buffer's input method.")
                (current-transient-input-method "The input method on for the next character only, or nil.")))
  (set-default (car spec) nil)
  (put (car spec) 'variable-documentation (cadr spec))
  (make-variable-buffer-local (car spec))
  (put (car spec) 'permanent-local t))
(defvar input-method-function 'list "The function that turns the next input event into the events to use.")
(put 'input-method-function 'permanent-local t)
(defvar input-method-activate-hook nil "Functions run after an input method is turned on.")
(defvar input-method-deactivate-hook nil "Functions run while an input method is turned off.")
(defvar input-method-after-insert-chunk-hook nil "Functions run after an input method inserts text.")
(defvar input-method-verbose-flag 'default "Whether input methods show their guidance verbosely.")
(defvar input-method-highlight-flag t "Whether the text being composed by an input method is highlighted.")
(defvar input-method-use-echo-area nil "Whether input methods show what is being composed in the echo area.")
(defvar input-method-exit-on-first-char nil "Whether an input method stops after the first character it gives.")
(defvar input-method-previous-message nil "The message shown when the input method took over, or nil.")
(defvar leim-list-file-name "leim-list.el" "The name of the file that registers the input methods of a directory.")

(defun mule--language-entry (lang-env) "The entry of LANG-ENV (a string or symbol) in `language-info-alist'; signal when it has none."
  (let ((name (if (symbolp lang-env) (symbol-name lang-env) lang-env)))
    (or (assoc-string name language-info-alist t)
        (error "Language environment not defined: %S" name))))

(defun reset-language-environment () "Put charset and coding-system priorities and default coding systems back as no language environment sets them."
  (set-charset-priority 'iso-8859-1)
  (setq mule--coding-categories
        (mapcar (lambda (cs) (cons (coding-system-category cs) cs)) mule--coding-priority-start))
  (setq-default buffer-file-coding-system nil)
  (setq default-process-coding-system
        (cons 'undecided-unix (coding-system-change-eol-conversion (coding-system-priority-list t) 'unix)))
  nil)

(defun set-language-environment-charset (language-name) "Give the charsets of LANGUAGE-NAME the highest priority.
After its own charsets come those of its preferred coding systems."
  (let ((charsets nil))
    (dolist (cs (append (get-language-info language-name 'charset)
                        (apply #'append
                               (mapcar (lambda (c) (let ((l (and (coding-system-p c) (coding-system-charset-list c))))
                                                     (and (listp l) l)))
                                       (get-language-info language-name 'coding-priority)))))
      (when (charsetp cs)
        (let ((name (or (get-charset-property cs :name) cs)))
          (unless (memq name charsets) (push name charsets)))))
    (when charsets (apply #'set-charset-priority (nreverse charsets)))))

(defun set-language-environment-coding-systems (language-name) "Make the coding systems of LANGUAGE-NAME preferred and the defaults."
  (let ((prio (get-language-info language-name 'coding-priority)))
    (when prio
      ;; The default keeps the end-of-line convention it had.
      (set-default-coding-systems
       (merge-coding-systems (car prio) (default-value 'buffer-file-coding-system)))
      (apply #'set-coding-system-priority prio))))

(defun set-language-environment-input-method (language-name) "Make the input method of LANGUAGE-NAME the default one."
  (let ((im (get-language-info language-name 'input-method)))
    (when im (setq default-input-method im))))

(defun set-language-environment-nonascii-translation (language-name) "Set up how LANGUAGE-NAME turns bytes into characters in unibyte text; nothing to do here."
  (ignore language-name))

(defun set-language-environment-unibyte (language-name) "Set up unibyte text for LANGUAGE-NAME; nothing to do here."
  (ignore language-name))

(defun set-language-environment (language-name) "Switch to the language environment LANGUAGE-NAME (a string or symbol).
Its charsets and coding systems become the preferred ones."
  (let* ((entry (mule--language-entry language-name))
         (name (car entry))
         (exit (get-language-info current-language-environment 'exit-function)))
    (run-hooks 'exit-language-environment-hook)
    (when (functionp exit) (funcall exit))
    (reset-language-environment)
    (set-language-environment-charset name)
    (set-language-environment-coding-systems name)
    (set-language-environment-input-method name)
    (setq current-language-environment name)
    (let ((setup (get-language-info name 'setup-function)))
      (when (functionp setup) (funcall setup)))
    (run-hooks 'set-language-environment-hook)
    t))

(defvar mule--cjk-width-locale nil "The locale last given to `use-cjk-char-width-table', or nil.")

(defun use-cjk-char-width-table (locale-name) "Note that the CJK language environment of LOCALE-NAME is in effect for character widths.
Display widths are not changed here: the East Asian ambiguous widths are not modelled."
  (setq mule--cjk-width-locale locale-name)
  nil)

(defun use-default-char-width-table () "Go back to the character widths of no CJK language environment."
  (setq mule--cjk-width-locale nil)
  nil)

(defun setup-specified-language-environment () "Switch to the language environment the command that runs this is named after."
  (interactive)
  (set-language-environment (symbol-name last-command-event)))

;;;; Locales

(defvar locale-language-names (copy-tree mule--locale-language-names-start) "Rules (REGEXP . LANGUAGE) or (REGEXP LANGUAGE CODING) relating locale names to language environments.")
(defvar locale-charset-language-names (copy-tree mule--locale-charset-language-names-start) "Rules (REGEXP . LANGUAGE) relating the charset part of locale names to language environments.")
(defvar locale-preferred-coding-systems (copy-tree mule--locale-preferred-coding-systems-start) "Rules (REGEXP . CODING) relating locale names to the coding systems they prefer.")
(defvar locale-charset-alist nil "Pairs (CHARSET-NAME . CODING) for the charset names of locales that no coding system is named after.")
(defvar locale-translation-file-name
  (let ((files '("/usr/lib/X11/locale/locale.alias" "/usr/X11R6/lib/X11/locale/locale.alias"
                 "/usr/openwin/lib/locale/locale.alias" "/usr/share/X11/locale/locale.alias"))
        (found nil))
    (while (and files (not found))
      (when (file-exists-p (car files)) (setq found (car files)))
      (setq files (cdr files)))
    found)
  "The file of locale aliases, or nil.")

(defun locale-name-match (key alist) "Give the value of the first rule of ALIST whose regexp matches the whole start of KEY, or nil."
  (let ((found nil))
    (while (and alist (not found))
      (when (string-match (concat "\\`\\(?:" (caar alist) "\\)") key)
        (setq found (cdar alist)))
      (setq alist (cdr alist)))
    found))

(defun mule--charset-name-key (name) "NAME lowered and without dashes."
  (replace-regexp-in-string "-" "" (downcase name)))

(defun locale-charset-match-p (charset1 charset2) "Tell whether the locale charset names CHARSET1 and CHARSET2 name the same charset."
  (string= (mule--charset-name-key charset1) (mule--charset-name-key charset2)))

(defun locale-charset-to-coding-system (charset) "Give the coding system of the locale charset name CHARSET, or nil."
  (let ((cs (or (cdr (assoc-string charset locale-charset-alist t))
                (coding-system-from-name charset))))
    (and cs (coding-system-base cs))))

(defun locale-translate (locale) "Give what the locale alias file says LOCALE stands for, or LOCALE."
  (or (and locale-translation-file-name (file-readable-p locale-translation-file-name)
           (with-temp-buffer
             (insert-file-contents locale-translation-file-name)
             (and (re-search-forward (concat "^" (regexp-quote locale) ":?[ \t]+\\([^ \t\n]+\\)") nil t)
                  (match-string 1))))
      locale))

(defun get-locale-names () "Give the names of the locales the system has, from `locale -a'."
  (ignore-errors (process-lines "locale" "-a")))

;;;; Character code properties of Lisp's own

(defvar char-code-property-alist nil "Pairs (PROPERTY . CHAR-TABLE) of character properties besides the Unicode ones.")

(defun define-char-code-property (name table &optional docstring) "Define NAME as a character property whose values TABLE holds.
TABLE is a char-table of subtype `char-code-property-table' or the name of
a file that makes one; DOCSTRING describes the property."
  (unless (or (stringp table)
              (and (char-table-p table) (eq (char-table-subtype table) 'char-code-property-table)))
    (error "Invalid char-table: %S" table))
  (let ((entry (assq name char-code-property-alist)))
    (if entry (setcdr entry table)
      (push (cons name table) char-code-property-alist)))
  (put name 'char-code-property-documentation docstring))

(defun put-char-code-property (char propname value) "Make VALUE CHAR's value of the character property PROPNAME."
  (let ((entry (assq propname char-code-property-alist)))
    (unless (and entry (char-table-p (cdr entry)))
      (let ((tb (make-char-table 'char-code-property-table)))
        (if entry (setcdr entry tb)
          (setq entry (cons propname tb))
          (push entry char-code-property-alist))))
    (aset (cdr entry) char value)))

(put 'char-code-property-table 'char-table-extra-slots 5)

;;;; Small helpers of mule-cmds and mule-util

(defun encoded-string-description (str coding-system) "Describe the bytes of the unibyte string STR, encoded by CODING-SYSTEM, in hexadecimal."
  (ignore coding-system)
  (when (multibyte-string-p str)
    (signal 'cl-assertion-failed (list '(not (multibyte-string-p str)))))
  (mapconcat (lambda (b) (format "#x%02X" b)) str " "))

(defun char-displayable-p (char) "Tell whether CHAR can be shown: t for ASCII, else the charset the terminal would show it by."
  (if (< char 128) t (char-charset char)))

(defun unify-8859-on-decoding-mode (&optional _arg) "Do nothing: Latin characters are unified with Unicode always." t)

(defun unify-8859-on-encoding-mode (&optional _arg) "Do nothing: Latin characters are unified with Unicode always." t)

(defun detect-coding-with-language-environment (from to lang-env) "Detect the coding of the text from FROM to TO with the coding priorities of LANG-ENV."
  (let ((prio (get-language-info lang-env 'coding-priority)))
    (when prio
      (with-coding-priority prio (detect-coding-region from to)))))

(defun read-coding-system (prompt &optional default-coding-system) "Read a coding system name in the minibuffer with PROMPT; empty input gives DEFAULT-CODING-SYSTEM."
  (let* ((names (mapcar #'symbol-name (coding-system-list)))
         (answer (completing-read prompt names nil t nil 'coding-system-history
                                  (and default-coding-system (format "%s" default-coding-system)))))
    (and (> (length answer) 0) (intern answer))))

(defun read-non-nil-coding-system (prompt) "Read a coding system name in the minibuffer with PROMPT, insisting on one."
  (let ((cs nil))
    (while (null cs) (setq cs (read-coding-system prompt)))
    cs))

(defun read-language-name (key prompt &optional default) "Read the name of a language environment that has information KEY, with PROMPT and DEFAULT."
  (let* ((names (delq nil (mapcar (lambda (e) (and (or (null key) (assq key (cdr e))) (car e)))
                                  language-info-alist)))
         (answer (completing-read prompt names nil t nil nil default)))
    (and (> (length answer) 0) answer)))

(defvar coding-system-history nil "The coding-system names read in the minibuffer.")

;;;; Nested alists (mule-util)

(defun nested-alist-p (obj) "Return t if OBJ could be a nested alist: a cons whose cdr is a list."
  (and (consp obj) (listp (cdr obj))))

(defun lookup-nested-alist (keyseq alist &optional len start nil-for-too-long) "Find the node of the nested ALIST that the keys of KEYSEQ from START to LEN lead to.
When a key is missing, give the index where the search stopped, or nil
with NIL-FOR-TOO-LONG."
  (let ((i (or start 0)) (n (or len (length keyseq))) (node alist) (missing nil))
    (while (and (< i n) (not missing))
      (let ((entry (assoc (elt keyseq i) (cdr node))))
        (if entry (setq node (cdr entry) i (1+ i)) (setq missing t))))
    (cond ((not missing) node)
          (nil-for-too-long nil)
          (t i))))

(defun set-nested-alist (keyseq value alist &optional len _branches) "Make the keys of KEYSEQ (the first LEN) lead to VALUE in the nested ALIST."
  (let ((i 0) (n (or len (length keyseq))) (node alist))
    (while (< i n)
      (let ((entry (assoc (elt keyseq i) (cdr node))))
        (unless entry
          (setq entry (list (elt keyseq i) t))
          (setcdr node (cons entry (cdr node))))
        (setq node (cdr entry) i (1+ i))))
    (setcar node value)))

;;;; Positions in a file against positions in a buffer (mule-util)

(defun mule--file-coding (coding-system) "CODING-SYSTEM, else the buffer's, checked to say how lines end."
  (let ((cs (or coding-system buffer-file-coding-system)))
    (unless (numberp (coding-system-eol-type cs))
      (error "Unknown EOL format in coding system: %s" cs))
    cs))

(defun bufferpos-to-filepos (position &optional _quality coding-system) "Give the byte offset in the file of buffer POSITION, saved with CODING-SYSTEM."
  (let ((cs (mule--file-coding coding-system)))
    (length (encode-coding-string (buffer-substring-no-properties (point-min) position) cs t))))

(defun filepos-to-bufferpos (byte &optional _quality coding-system) "Give the buffer position of byte offset BYTE of the file, saved with CODING-SYSTEM."
  (let ((cs (mule--file-coding coding-system)) (pos (point-min)))
    (while (and (< pos (point-max))
                (< (length (encode-coding-string (buffer-substring-no-properties (point-min) (1+ pos)) cs t)) (1+ byte)))
      (setq pos (1+ pos)))
    pos))

;; ---- selection coding, XEmacs-style coding arguments, compound text, re-reading a file

(defun set-selection-coding-system (coding-system) "Make CODING-SYSTEM the one used for text put into or taken from selections; give it."
  (interactive "zCoding system for X selection: ")
  (check-coding-system coding-system)
  (setq selection-coding-system coding-system))

(defalias 'set-clipboard-coding-system #'set-selection-coding-system)

(defun set-next-selection-coding-system (coding-system) "Make CODING-SYSTEM the one used for the next selection transfer only; give it."
  (interactive (list (read-coding-system "Coding system for the next selection: ")))
  (check-coding-system coding-system)
  (setq next-selection-coding-system coding-system))

(defun read-buffer-file-coding-system () "Read in the minibuffer a coding system to save the current buffer's file with, and give it.
The default offered is the global default when the buffer has a coding system of its own, else Latin-1."
  (let* ((global (default-value 'buffer-file-coding-system))
         (offer (if (eq buffer-file-coding-system global) 'iso-latin-1 global)))
    (read-coding-system (format "Coding system for saving file (default %s): " offer) offer)))

(defun revert-buffer-with-coding-system (coding-system &optional force) "Visit the current buffer's file again, decoding it with CODING-SYSTEM.
FORCE non-nil uses CODING-SYSTEM even where the file's own coding cookie says otherwise."
  (interactive (list (read-coding-system "Coding system for visited file (default nil): ") current-prefix-arg))
  (check-coding-system coding-system)
  (let ((coding-system-for-read coding-system))
    (ignore force)
    (revert-buffer)))

(defconst mule--xemacs-coding-types '((shift-jis . 1) (iso2022 . 2) (big5 . 3) (ccl . 4))
  "The XEmacs coding system types `transform-make-coding-system-args' understands, with the old numeric types they become.")

(defun transform-make-coding-system-args (name type &optional doc-string props) "Turn XEmacs-style `make-coding-system' arguments into the old Emacs form.
NAME, TYPE (shift-jis, iso2022, big5 or ccl), DOC-STRING and the plist PROPS become
\(NAME TYPE-NUMBER MNEMONIC DOC-STRING FLAGS PROPERTIES EOL-TYPE)."
  (let ((num (cdr (assq type mule--xemacs-coding-types)))
        (whole (list name type doc-string props)))
    (let ((m (plist-get props 'mnemonic)))
      (when (and m (not (stringp m)))
        (signal 'wrong-type-argument (list 'stringp m))))
    (unless num
      (error "Unsupported XEmacs style make-coding-style arguments: %S" whole))
    (let* ((mnemonic (let ((m (plist-get props 'mnemonic))) (if m (aref m 0) ??)))
           (eol (let ((e (plist-get props 'eol-type)))
                  (pcase e ('lf 'unix) ('crlf 'dos) ('cr 'mac) (_ e))))
           (properties (append (and (plist-get props 'post-read-conversion)
                                    (list 'post-read-conversion (plist-get props 'post-read-conversion)))
                               (and (plist-get props 'pre-write-conversion)
                                    (list 'pre-write-conversion (plist-get props 'pre-write-conversion)))))
           (flags
            (pcase type
              ('ccl (cons (plist-get props 'decode) (plist-get props 'encode)))
              ('iso2022
               (when (plist-get props 'escape-quoted)
                 (error "escape-quoted is not supported: %S" whole))
               (dolist (key '(input-charset-conversion output-charset-conversion))
                 (let ((v (plist-get props key)))
                   (unless (listp v) (signal 'wrong-type-argument (list 'listp v)))))
               (let ((register
                      (lambda (n)
                        (let ((cs (plist-get props (intern (format "charset-g%d" n))))
                              (force-key (intern (format "force-g%d-on-output" n))))
                          (cond ((or (> n 1) (null cs)) cs)
                                ((not (plist-member props force-key)) (and cs (list cs t)))
                                ((plist-get props force-key) (list nil cs))
                                (t cs))))))
                 (list (funcall register 0) (funcall register 1) (funcall register 2) (funcall register 3)
                       (and (plist-get props 'short) t)
                       (not (plist-get props 'no-ascii-eol))
                       (not (plist-get props 'no-ascii-cntl))
                       (and (plist-get props 'seven) t)
                       t
                       (not (plist-get props 'lock-shift))
                       nil nil
                       (and (plist-get props 'no-iso6429) t)
                       nil nil nil nil))))))
      (list name num mnemonic doc-string flags properties eol))))

(defun mule--ctext-charset (ch) "Give the ISO 2022 charset, first by priority, that has character CH."
  (let ((found nil) (l (charset-priority-list)))
    (while (and l (not found))
      (when (and (plist-get (charset-plist (car l)) :iso-final-char) (encode-char ch (car l)))
        (setq found (car l)))
      (setq l (cdr l)))
    found))

(defun ctext-pre-write-conversion (from to) "Prepare the text from FROM to TO for encoding as compound text: mark each non-ASCII character with the charset it goes out in.
FROM a string puts that string in a work buffer, \" *temp\", which becomes current. Gives nil."
  (when (stringp from)
    (set-buffer (get-buffer-create " *temp"))
    (erase-buffer)
    (insert from)
    (setq from (point-min) to (point-max)))
  (goto-char from)
  (save-excursion
    (while (re-search-forward "[^\u0000-\u007f]" to t)
      (let ((cs (mule--ctext-charset (char-before))))
        (when cs
          (put-text-property (1- (point)) (point) 'charset cs)))))
  nil)

(defun ctext-post-read-conversion (len) "Finish decoding LEN characters of compound text after point; give LEN.
Extended segments, which carry other encodings inside compound text, are left as they are."
  (let ((end (+ (point) len)))
    (when (> end (1+ (buffer-size)))
      (signal 'args-out-of-range (list (point) end)))
    len))

(provide 'mule)

;; GNU defines the language environments and the extra coding systems above
;; in files of their own, all preloaded, each providing a feature; here they
;; come from mule-data.el with the rest, so their features are provided
;; here, oldest first as GNU loads them.
(dolist (feature '(code-pages chinese cyrillic indian ethiopic european czech
                   slovak romanian greek hebrew cp51932 eucjp-ms japanese
                   korean lao tai-viet thai tibetan vietnamese misc-lang
                   utf-8-lang georgian cham))
  (provide feature))
