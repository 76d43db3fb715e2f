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
;; one-byte charset given by a map, the characters by code (from the code
;; space's first code); BY-CHAR is the reverse of it, made when first needed.

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
  (plist-get (charset-plist charset) propname))

(defun put-charset-property (charset propname value) "Set CHARSET's property PROPNAME to VALUE."
  (set-charset-plist charset (plist-put (charset-plist charset) propname value)))

(defun charset-id-internal (&optional charset) "Give the internal number of CHARSET."
  (aref (mule--charset charset) 1))

(defun charset-dimension (charset) "Give how many bytes a code of CHARSET has."
  (get-charset-property charset :dimension))

(defun mule--space (rec) "The code space of charset record REC as a list of (MIN . MAX) per byte, lowest byte first."
  (let* ((pl (aref rec 2))
         (v (plist-get pl :code-space))
         (dim (or (plist-get pl :dimension) (/ (length v) 2)))
         (out nil) (k 0))
    (while (< k dim)
      (push (cons (aref v (* 2 k)) (aref v (1+ (* 2 k)))) out)
      (setq k (1+ k)))
    (nreverse out)))

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
  (let ((bytes nil) (ok t) (s space))
    (while (and ok s)
      (let ((b (logand code 255)))
        (if (and (>= b (caar s)) (<= b (cdar s)))
            (push b bytes)
          (setq ok nil)))
      (setq code (ash code -8) s (cdr s)))
    (and ok (= code 0) (nreverse bytes))))

(defun mule--code-index (code space) "The place of CODE among the codes of SPACE counted from 0, or nil."
  (let ((bytes (mule--code-bytes code space)) (idx 0) (mult 1))
    (when bytes
      (while bytes
        (setq idx (+ idx (* mult (- (car bytes) (caar space))))
              mult (* mult (1+ (- (cdar space) (caar space))))
              bytes (cdr bytes) space (cdr space)))
      idx)))

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

(defun mule--decode (rec code) "The character of code CODE in charset record REC, or nil."
  (let* ((pl (aref rec 2)) (space (mule--space rec)) (idx (mule--code-index code space)))
    (when (and idx (mule--code-limits-ok code pl))
      (cond
       ((eq (aref rec 0) 'emacs) (and (<= code #x3fff7f) code))
       ((plist-get pl :code-offset)
        (let ((lo (plist-get pl :min-code)))
          (+ (plist-get pl :code-offset) idx
             (- (if lo (mule--code-index (mule--code-number lo) space) 0)))))
       ((aref rec 3)
        (let ((v (aref rec 3)) (i (- code (caar space))))
          (and (< i (length v)) (aref v i))))
       ((plist-get pl :subset)
        (let* ((sub (plist-get pl :subset)) (pc (- code (nth 3 sub))))
          (and (>= pc (nth 1 sub)) (<= pc (nth 2 sub))
               (mule--decode (mule--charset (car sub)) pc))))
       ((plist-get pl :superset)
        (let ((parts (plist-get pl :superset)) (found nil))
          (while (and parts (not found))
            (let* ((p (car parts)) (cs (if (consp p) (car p) p)) (off (if (consp p) (cdr p) 0)))
              (when (>= code off)
                (setq found (mule--decode (mule--charset cs) (- code off)))))
            (setq parts (cdr parts)))
          found))))))

(defun mule--encode (rec c) "The code of character C in charset record REC, or nil."
  (let ((pl (aref rec 2)))
    (cond
     ((eq (aref rec 0) 'emacs) (and (<= c #x3fff7f) c))
     ((plist-get pl :code-offset)
      (let* ((space (mule--space rec)) (lo (plist-get pl :min-code))
             (idx (+ (- c (plist-get pl :code-offset))
                     (if lo (mule--code-index (mule--code-number lo) space) 0)))
             (code (and (>= idx 0) (mule--index-code idx space))))
        (and code (mule--code-limits-ok code pl) code)))
     ((aref rec 3)
      (unless (aref rec 4)
        (let ((h (make-hash-table)) (v (aref rec 3)) (first (car (car (mule--space rec)))) (i 0))
          (while (< i (length v))
            (when (and (aref v i) (not (gethash (aref v i) h)))
              (puthash (aref v i) (+ first i) h))
            (setq i (1+ i)))
          (aset rec 4 h)))
      (gethash c (aref rec 4)))
     ((plist-get pl :subset)
      (let* ((sub (plist-get pl :subset)) (pc (mule--encode (mule--charset (car sub)) c)))
        (and pc (>= pc (nth 1 sub)) (<= pc (nth 2 sub))
             (let ((code (+ pc (nth 3 sub))))
               (and (mule--code-bytes code (mule--space rec)) code)))))
     ((plist-get pl :superset)
      (let ((parts (plist-get pl :superset)) (found nil))
        (while (and parts (not found))
          (let* ((p (car parts)) (cs (if (consp p) (car p) p)) (off (if (consp p) (cdr p) 0))
                 (code (mule--encode (mule--charset cs) c)))
            (when code (setq found (+ code off))))
          (setq parts (cdr parts)))
        found)))))

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
  (if restriction
      (let ((found nil))
        (while (and restriction (not found))
          (when (mule--encode (mule--charset (car restriction)) ch)
            (setq found (car restriction)))
          (setq restriction (cdr restriction)))
        found)
    (mule--char-charset ch)))

(defun mule--first-holder (c list) "The first charset of LIST that holds character C, or nil."
  (let ((found nil))
    (while (and list (not found))
      (when (mule--encode (gethash (car list) mule--charsets) c)
        (setq found (car list)))
      (setq list (cdr list)))
    found))

(defun mule--char-charset (c) "The charset `char-charset' gives character C with no restriction."
  (cond ((< c 128) 'ascii)
        ((mule--first-holder c mule--charset-preferred))
        ((<= c #x10ffff) 'unicode)
        ((mule--first-holder c mule--charset-order))))

(defun charset-after (&optional pos) "Give the charset of the character at POS (default point), or nil past the end."
  (let ((c (char-after pos)))
    (and c (mule--char-charset c))))

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
    (dotimes (i (length str))
      (let ((c (aref str i)))
        (puthash (cond ((< c 128) 'ascii) (multi (mule--char-charset c)) (t 'eight-bit)) t found)))
    (mule--charsets-by-id found)))

(defun find-charset-region (beg end &optional _table) "Give the charsets of the characters between BEG and END, by charset id."
  (when (or (< (min beg end) (point-min)) (> (max beg end) (point-max)))
    (signal 'args-out-of-range (list (current-buffer) beg end)))
  (let ((found (make-hash-table :test 'eq)) (multi enable-multibyte-characters)
        (pos (min beg end)) (stop (max beg end)))
    (while (< pos stop)
      (let ((c (char-after pos)))
        (puthash (cond ((< c 128) 'ascii) (multi (mule--char-charset c)) (t 'eight-bit)) t found))
      (setq pos (1+ pos)))
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
      (let ((l charset-list) (found nil))
        (while (and l (not found))
          (let ((pl (charset-plist (car l))))
            (when (and (eq (plist-get pl :iso-final-char) final-char)
                       (eql (plist-get pl :dimension) dimension)
                       (eql (mule--iso-chars pl) chars))
              (setq found (car l))))
          (setq l (cdr l)))
        found)))

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
  (let ((n -1))
    (maphash (lambda (_ r) (setq n (max n (aref r 1)))) mule--charsets)
    (1+ n)))

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
        (props nil))
    (while keys
      (when (car args) (setq props (append props (list (car keys) (car args)))))
      (setq keys (cdr keys) args (cdr args)))
    (apply #'define-charset name nil (append props (car args)))))

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

(provide 'mule)
