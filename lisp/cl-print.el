;;; cl-print.el --- printing through a generic function: cl-prin1 and its helpers  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and the
;; printing chapter of the CL manual; see test/corpus/cl-print.el for the
;; cases that pin it.

;; `cl-prin1' prints an object by calling the generic function
;; `cl-print-object', whose methods decide how each type looks: structures
;; show their slot names, hash tables and compiled functions a short
;; summary, strings and sequences obey `print-length' and `print-level'.
;; Where such a limit cuts something off, an ellipsis "..." is written; in
;; a buffer it carries a `cl-print-ellipsis' text property saying what was
;; left out, which `cl-print-expand-ellipsis' can print later.
;;
;; The property's value is (OBJECT START LABELS STACK): the object whose
;; rest is missing, where that rest starts (0 for the whole object, a count
;; of elements for sequences, (POSITION) for a string's property runs), the
;; `print-circle' label table in force, and the objects being printed at
;; that moment, innermost first.  GNU Emacs stores the same four things.

;;; Options.

(defvar cl-print-readably nil "Non-nil means `cl-prin1' prints what `read' can read back.
Structures, hash tables and compiled functions then print as `prin1'
prints them, and ellipses carry no text property.")

(defvar cl-print-compiled nil "How `cl-prin1' shows a compiled function.
nil shows its argument list, interactive spec and a hash of its code;
`static' adds its vector of constants.")

(defvar cl-print-compiled-button t "Non-nil means the code part of a printed compiled function is a button.
The text gets the `help-byte-code-button' category, as in GNU Emacs, when
the output goes to a buffer.")

;;; State of one top-level print.

(defvar cl-print--labels nil "Under `print-circle', a hash table from each object seen to t or its label.
A label is negative until the object's first printing writes #N=.")

(defvar cl-print--stack nil "The objects being printed, innermost first, when `print-circle' is nil.
An object met again while it is still on the stack prints as #N, N being
the number of entries below it.")

(defvar cl-print--depth 0 "How deep the current object sits, for `print-level'.")

;;; The functions callers use.

(defun cl-print--put (text stream) "Write TEXT on STREAM; every piece of printed text goes through here."
  (princ text stream))

(cl-defgeneric cl-print-object (object stream) "Print OBJECT on STREAM, choosing the form by OBJECT's type.
Add methods to change how a type prints; call `cl-prin1' rather than this
function to print something.")

(cl-defgeneric cl-print-object-contents (object start stream) "Print the part of OBJECT that an ellipsis left out, from START, on STREAM."
  (ignore object start stream)
  (error "Missing cl-print-object-contents method"))

(defun cl-prin1 (object &optional stream) "Print OBJECT on STREAM (default `standard-output') with `cl-print-object'.
An error while printing becomes a message."
  (with-demoted-errors "cl-prin1: %S"
    (let ((cl-print--labels (and print-circle (cl-print--find-shared object)))
          (cl-print--stack nil)
          (cl-print--depth 0))
      (cl-print-object object stream))))

(defun cl-prin1-to-string (object) "Return the text `cl-prin1' prints for OBJECT, ellipsis properties included."
  (with-output-to-string (cl-prin1 object)))

(defun cl-print-to-string-with-limit (print-function value limit) "Print VALUE with PRINT-FUNCTION into a string of fewer than LIMIT characters.
PRINT-FUNCTION is called with VALUE and a buffer.  `print-length' and
`print-level' start loose and tighten until the text fits or the level is
down to 2.  A LIMIT of nil or 0 means print without limits."
  (with-temp-buffer
    (if (or (null limit) (eql limit 0))
        (let ((print-length nil) (print-level nil)) (funcall print-function value (current-buffer)))
      (let* ((length (min limit 50))
             (level (min 8 (truncate (log limit))))
             (length-step (max 1 (/ length level)))
             (done nil))
        (while (not done)
          (erase-buffer)
          (let ((print-length length) (print-level level))
            (funcall print-function value (current-buffer)))
          (let ((size (- (point-max) (point-min))))
            (if (or (< size limit) (<= level 2))
                (setq done t)
              (let ((drop (max 1 (min (- level 2) (/ size limit)))))
                (setq level (- level drop)
                      length (- length (* length-step drop)))))))))
    (buffer-string)))

(defun cl-print-expand-ellipsis (value button) "Print the part of an object that an ellipsis left out.
VALUE is the ellipsis's `cl-print-ellipsis' property.  BUTTON must be nil:
the text goes to `standard-output'."
  (when button (error "cl-print-expand-ellipsis: only a nil BUTTON is supported"))
  (let ((object (nth 0 value))
        (start (nth 1 value))
        (cl-print--labels (nth 2 value))
        ;; The object itself is pushed again as it prints.
        (cl-print--stack (cdr (nth 3 value)))
        (cl-print--depth 1))
    (if (eql start 0)
        (cl-print-object object nil)
      (cl-print-object-contents object start nil))
    nil))

(defun cl-print-insert-ellipsis (object start stream) "Write an ellipsis on STREAM for the rest of OBJECT from START.
In a buffer it carries the `cl-print-ellipsis' property; when printing
readably it is plain."
  (let ((dest (or stream standard-output)))
    (if (and (bufferp dest) (not cl-print-readably))
        (with-current-buffer dest
          (insert (propertize "..." 'cl-print-ellipsis
                              (list object start cl-print--labels cl-print--stack))))
      (cl-print--put "..." stream))))

;;; Sharing and cycles.

(defun cl-print--labelled-p (object) "Non-nil if OBJECT can carry a #N= label under `print-circle'."
  (or (consp object)
      (stringp object)
      (vectorp object)
      (recordp object)
      (byte-code-function-p object)
      (char-table-p object)
      (hash-table-p object)
      (and print-gensym (symbolp object) object
           (not (eq object (intern-soft (symbol-name object)))))))

(defun cl-print--parts (object) "The objects inside OBJECT that the sharing walk visits, in print order."
  (cond
   ((consp object) (list (car object) (cdr object)))
   ((or (vectorp object) (recordp object) (byte-code-function-p object))
    (let ((parts '()) (i (length object)))
      (while (> i 0) (setq i (- i 1)) (push (aref object i) parts))
      parts))
   ((hash-table-p object)
    (let ((parts '()))
      (maphash (lambda (k v) (push k parts) (push v parts)) object)
      (nreverse parts)))
   ((stringp object)
    (let ((parts '()))
      (dolist (run (object-intervals object))
        (when (nth 2 run) (push (nth 2 run) parts)))
      (nreverse parts)))))

(defun cl-print--find-shared (object) "Walk OBJECT depth first and label what it reaches twice.
Return a hash table mapping each object seen to t, or to -N for the Nth
object met a second time."
  (let ((table (make-hash-table :test 'eq :rehash-size 2.0))
        (count 0)
        (pending (list object)))
    (while pending
      (let ((obj (pop pending)))
        (when (cl-print--labelled-p obj)
          (let ((seen (gethash obj table)))
            (cond ((eq seen t)
                   (setq count (+ count 1))
                   (puthash obj (- count) table))
                  ((null seen)
                   (puthash obj t table)
                   (setq pending (nconc (cl-print--parts obj) pending))))))))
    table))

(defun cl-print--back-reference (object) "The #N text for OBJECT, found on `cl-print--stack'."
  (format "#%d" (length (cdr (memq object cl-print--stack)))))

(cl-defmethod cl-print-object :around (object stream)
  ;; Labels under print-circle, back references (#N) without it: both are
  ;; decided here so that every method, ours or a user's, gets them.
  (cond
   (cl-print--labels
    (let ((label (and (cl-print--labelled-p object)
                      (gethash object cl-print--labels))))
      (cond ((and (integerp label) (> label 0))
             (cl-print--put (format "#%d#" label) stream))
            (t
             (when (integerp label)
               (puthash object (- label) cl-print--labels)
               (cl-print--put (format "#%d=" (- label)) stream))
             (cl-call-next-method)))))
   ((and (cl-print--labelled-p object) (not (symbolp object)))
    (if (memq object cl-print--stack)
        (cl-print--put (cl-print--back-reference object) stream)
      (let ((cl-print--stack (cons object cl-print--stack)))
        (cl-call-next-method))))
   (t (cl-call-next-method))))

(defun cl-print--too-deep-p () "Non-nil if an object at the current depth is past `print-level'."
  (and (natnump print-level) (>= cl-print--depth print-level)))

(defun cl-print--limit () "`print-length' if it is a usable limit, else nil."
  (and (natnump print-length) print-length))

;;; The default: the C printer.

(cl-defmethod cl-print-object (object stream)
  (prin1 object stream))

(defun cl-print--as-prin1 (object stream) "When printing readably, print OBJECT on STREAM with `prin1' and return t.
Strings, hash tables and compiled functions then have no form of their own."
  (when cl-print-readably
    (prin1 object stream)
    t))

;;; Lists.

(defconst cl-print--quote-prefixes
  '((quote . "'") (function . "#'") (\` . "`") (\, . ",") (\,@ . ",@") (\,. . ",."))
  "The short syntax of each quoting form `print-quoted' abbreviates.")

(defun cl-print--list-elements (tail count first stream) "Print the elements of TAIL, COUNT of its list having been printed already.
FIRST non-nil means TAIL's first element needs no separating space and
has no cycle check, being the list being printed itself.  Stop at
`print-length' with an ellipsis; a dotted or circular end prints as such."
  (let ((limit (cl-print--limit))
        (cl-print--stack cl-print--stack)
        (dotted nil))
    (while (and (consp tail) (not dotted))
      (cond
       ((and (not first) cl-print--labels
             (integerp (gethash tail cl-print--labels)))
        (setq dotted t))
       ((and (not first) (not cl-print--labels) (memq tail cl-print--stack))
        (setq dotted t))
       (t
        (unless (or first cl-print--labels)
          (push tail cl-print--stack))
        (unless first (cl-print--put " " stream))
        (setq first nil)
        (if (and limit (>= count limit))
            (progn
              (cl-print-insert-ellipsis tail print-length stream)
              (setq tail nil))
          (cl-print-object (car tail) stream)
          (setq count (1+ count)
                tail (cdr tail))))))
    (when tail
      (cl-print--put " . " stream)
      (if (and (not cl-print--labels) (consp tail) (memq tail cl-print--stack))
          (cl-print--put (cl-print--back-reference tail) stream)
        (cl-print-object tail stream)))))

(cl-defmethod cl-print-object ((object cons) stream)
  (if (and (not cl-print-readably) (cl-print--too-deep-p))
      (cl-print-insert-ellipsis object 0 stream)
    (let ((prefix (and print-quoted
                       (consp (cdr object)) (null (cddr object))
                       (cdr (assq (car object) cl-print--quote-prefixes)))))
      (if (and (cl-print--too-deep-p) cl-print-readably)
          (cl-print--put "..." stream)
        (let ((cl-print--depth (1+ cl-print--depth)))
          (if prefix
              (progn (cl-print--put prefix stream)
                     (cl-print-object (cadr object) stream))
            (cl-print--put "(" stream)
            (cl-print-object (car object) stream)
            (cl-print--list-elements (cdr object) 1 nil stream)
            (cl-print--put ")" stream)))))))

(cl-defmethod cl-print-object-contents ((object cons) _start stream)
  (let ((cl-print--stack (if cl-print--labels cl-print--stack
                           (cons object cl-print--stack))))
    (cl-print--list-elements object 0 t stream)))

;;; Vectors.

(defun cl-print--slots (object from start stream) "Print elements FROM (an index) on of the array OBJECT, space-separated.
START is where this print began (the first element printed has no space
before it); `print-length' counts from there."
  (let ((limit (cl-print--limit))
        (i from)
        (end (length object)))
    (while (< i end)
      (if (and limit (>= (- i start) limit))
          (progn
            (cl-print--put " " stream)
            (cl-print-insert-ellipsis object i stream)
            (setq i end))
        (unless (= i start) (cl-print--put " " stream))
        (cl-print-object (aref object i) stream)
        (setq i (+ i 1))))))

(cl-defmethod cl-print-object ((object vector) stream)
  (if (and (not cl-print-readably) (cl-print--too-deep-p))
      (cl-print-insert-ellipsis object 0 stream)
    (cl-print--put "[" stream)
    (let ((cl-print--depth (1+ cl-print--depth)))
      (cl-print--slots object 0 0 stream))
    (cl-print--put "]" stream)))

(cl-defmethod cl-print-object-contents ((object vector) start stream)
  (cl-print--slots object start start stream))

;;; Records made by cl-defstruct.

(defun cl-print--slot-names (object) "The slot names of the structure OBJECT, in order."
  (let ((class (get (type-of object) 'cl--class)))
    (mapcar (lambda (slot) (aref slot 1)) (aref class 4))))

(defun cl-print--struct-slots (object start first stream) "Print the slots of OBJECT from index START as :NAME VALUE pairs.
FIRST non-nil means the first pair needs no space before it."
  (let ((limit (cl-print--limit))
        (names (nthcdr start (cl-print--slot-names object)))
        (i start))
    (while names
      (if (and limit (>= (- i (if first start 0)) limit))
          (progn
            (cl-print--put " " stream)
            (cl-print-insert-ellipsis object i stream)
            (setq names nil))
        (unless (and first (= i start)) (cl-print--put " " stream))
        (cl-print--put (format ":%s " (car names)) stream)
        (cl-print-object (aref object (1+ i)) stream)
        (setq i (1+ i) names (cdr names))))))

(cl-defmethod cl-print-object ((object cl-structure-object) stream)
  (cond
   (cl-print-readably
    ;; The #s(TYPE SLOT...) form, the type counting as an element.
    (cl-print--put "#s(" stream)
    (let ((cl-print--depth (1+ cl-print--depth)))
      (cl-print--slots object 0 0 stream))
    (cl-print--put ")" stream))
   ((cl-print--too-deep-p)
    (cl-print-insert-ellipsis object 0 stream))
   (t
    (cl-print--put "#s(" stream)
    (prin1 (type-of object) stream)
    (let ((cl-print--depth (1+ cl-print--depth)))
      (cl-print--struct-slots object 0 nil stream))
    (cl-print--put ")" stream))))

(cl-defmethod cl-print-object-contents ((object cl-structure-object) start stream)
  (cl-print--struct-slots object start t stream))

;;; Strings.

(defun cl-print--escaped-text (string) "STRING's characters as `prin1' escapes them, without the quotes."
  (let ((text (prin1-to-string (substring-no-properties string))))
    (substring text 1 -1)))

(defun cl-print--string-text (object stream) "Print OBJECT's characters in quotes, cut at `print-length' with an ellipsis."
  (let ((limit (cl-print--limit)))
    (if (and limit (< limit (length object)) (not cl-print-readably))
        (progn
          (cl-print--put "\"" stream)
          (cl-print--put (cl-print--escaped-text (substring object 0 limit)) stream)
          (cl-print-insert-ellipsis object limit stream)
          (cl-print--put "\"" stream))
      (prin1 (substring-no-properties object) stream))))

(defun cl-print--runs (object from first stream) "Print OBJECT's property runs from position FROM as START END PLIST.
Runs without properties are skipped.  The first run printed always
shows; past it, one that would take `print-length' beyond its value (a
run counting three) becomes an ellipsis.  FIRST non-nil means the first
run needs no space before it."
  (let ((limit (cl-print--limit))
        (count 0)
        (runs (object-intervals object)))
    (while runs
      (let* ((run (pop runs))
             (beg (max from (nth 0 run)))
             (end (nth 1 run))
             (plist (nth 2 run)))
        (cond
         ((<= end from))
         ((and limit (> count 0) (> (+ count 3) limit))
          (cl-print--put " " stream)
          (cl-print-insert-ellipsis object (list beg) stream)
          (setq runs nil))
         (plist
          (unless (and first (= count 0)) (cl-print--put " " stream))
          (cl-print--put (format "%d %d " beg end) stream)
          (cl-print-object plist stream)
          (setq count (+ count 3))))))))

(cl-defmethod cl-print-object ((object string) stream)
  (cond
   ((cl-print--as-prin1 object stream) nil)
   ((not (cl-print--any-props-p object))
    (cl-print--string-text object stream)
    nil)
   ((cl-print--too-deep-p)
    (cl-print-insert-ellipsis object 0 stream))
   (t
    (cl-print--put "#(" stream)
    (cl-print--string-text object stream)
    (let ((cl-print--depth (1+ cl-print--depth)))
      (cl-print--runs object 0 nil stream))
    (cl-print--put ")" stream))))

(defun cl-print--any-props-p (string) "Non-nil if some run of STRING has properties."
  (let ((found nil))
    (dolist (run (object-intervals string))
      (when (nth 2 run) (setq found t)))
    found))

(cl-defmethod cl-print-object-contents ((object string) start stream)
  (if (consp start)
      (cl-print--runs object (car start) t stream)
    (let* ((limit (cl-print--limit))
           (end (if limit (min (length object) (+ start limit)) (length object))))
      (cl-print--put (cl-print--escaped-text (substring object start end)) stream)
      (when (< end (length object))
        (cl-print-insert-ellipsis object end stream)))))

;;; Hash tables, printed by their contents.

(cl-defmethod cl-print-object ((object hash-table) stream)
  (unless (cl-print--as-prin1 object stream)
    (cl-print--put (format "#<hash-table %s %d/%d %#x>"
                   (hash-table-test object) (hash-table-count object)
                   (hash-table-size object) (sxhash-eq object))
           stream)))

;;; Compiled functions.

(defun cl-print--arglist (function) "FUNCTION's argument list, with made-up names when only its arity is known."
  (let ((spec (aref function 0)))
    (if (not (integerp spec))
        spec
      (let ((required (logand spec 127))
            ;; A count of positional arguments below the required ones is ignored.
            (positional (max (logand spec 127) (ash spec -8)))
            (names '())
            (i 1))
        (while (<= i positional)
          (when (= i (1+ required)) (push '&optional names))
          (push (intern (format "arg%d" i)) names)
          (setq i (+ i 1)))
        (when (/= 0 (logand spec 128))
          (push '&rest names)
          (push 'rest names))
        (nreverse names)))))

(cl-defmethod cl-print-object ((object compiled-function) stream)
  (unless (cl-print--as-prin1 object stream)
    (cl-print--put "#f(compiled-function " stream)
    (let ((args (cl-print--arglist object)))
      (if args (prin1 args stream) (cl-print--put "()" stream)))
    (let ((cl-print--depth (1+ cl-print--depth)))
      (when (> (length object) 5)
        (let ((spec (aref object 5)))
          (cl-print--put " " stream)
          (cl-print-object (list 'interactive (if (vectorp spec) (aref spec 0) spec))
                           stream)))
      (cl-print--put " " stream)
      (let* ((dest (or stream standard-output))
             (button (and cl-print-compiled-button (bufferp dest)))
             (beg (and button (with-current-buffer dest (point)))))
        (cl-print--put (format "#<bytecode %#x>" (sxhash-equal object)) stream)
        (when (eq cl-print-compiled 'static)
          (cl-print--put " " stream)
          (cl-print-object (aref object 2) stream))
        (when button
          (with-current-buffer dest
            (add-text-properties beg (point)
                                 (list 'button '(t)
                                       'category 'help-byte-code-button
                                       'byte-code-function object))))))
    (cl-print--put ")" stream)))

(provide 'cl-print)
