;;; format.el --- Converting buffer text to and from file formats  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (test/corpus/lib-format.el)
;; and the Emacs Lisp manual's "Format Conversion" node.
;;
;; Autoloaded.  A format is an entry of `format-alist':
;; (NAME DOC-STRING REGEXP FROM-FN TO-FN MODIFY MODE-FN PRESERVE).  Decoding runs FROM-FN
;; over the text (a function of BEGIN and END returning the new end, or a shell command
;; filtering the region); encoding runs TO-FN, which either rewrites the text (MODIFY
;; non-nil) or returns annotations, (POSITION . STRING) pairs, to insert.

(defvar format-alist) ; Defined with its value in autoloads.el.

;;; List helpers.

(defalias 'format-proper-list-p #'proper-list-p
  "Return the length of OBJECT when it is a proper list, else nil.")

(defun format-delq-cons (cell list) "Remove the cons CELL from LIST, by changing LIST; return the resulting list.
Signal an error when CELL is not one of LIST's conses."
  (if (eq cell list)
      (cdr list)
    (let ((before list))
      (while (and before (not (eq (cdr before) cell)))
        (setq before (cdr before)))
      (unless before (error "format-delq-cons: Not an element"))
      (setcdr before (cdr cell))
      list)))

(defun format-make-relatively-unique (a b) "Return (A2 . B2): A and B with the elements they share taken out.
Each element of A found in B (by `equal') takes one occurrence out of
both.  A and B are not changed."
  (let ((rest-b (copy-sequence b))
        (kept-a nil))
    (dolist (x a)
      (let ((cell (member x rest-b)))
        (if cell
            (setq rest-b (format-delq-cons cell rest-b))
          (push x kept-a))))
    (cons (nreverse kept-a) rest-b)))

(defun format-subtract-regions (minu subtra) "Return the regions of MINU less those of SUBTRA, each region (START . END) inclusive.
Both lists go in increasing order, and they are walked together: a region
of MINU that meets one of SUBTRA gives its pieces outside that one, and
the walk moves past both."
  (let ((ms minu) (ss subtra) (out nil))
    (while (and ms ss)
      (let ((m-from (caar ms)) (m-to (cdar ms))
            (s-from (caar ss)) (s-to (cdar ss)))
        (cond ((< s-to m-from) (pop ss))
              ((> s-from m-to) (push (pop ms) out))
              (t
               (if (< m-from s-from) (push (cons m-from (1- s-from)) out))
               (if (> m-to s-to) (push (cons (1+ s-to) m-to) out))
               (pop ms)
               (pop ss)))))
    (nconc out (copy-sequence ms))))

(defun format-reorder (items order) "Return the elements of ITEMS, those in ORDER first in ORDER's order.
Each element of ORDER takes one matching element out of ITEMS; the rest
follow in their original order."
  (let ((rest (copy-sequence items))
        (front nil))
    (dolist (wanted order)
      (let ((cell (member wanted rest)))
        (when cell
          (push (car cell) front)
          (setq rest (format-delq-cons cell rest)))))
    (nconc (nreverse front) rest)))

(defun format-annotate-value (old new) "Return the annotations for a change from OLD to NEW: (CLOSE . OPEN), each a list of at most one value."
  (cons (and old (list old)) (and new (cons new nil))))

;;; Working on buffer text.

(defun format-property-increment-region (from to prop delta default) "Add DELTA to the numeric property PROP of the text from FROM to TO.
Where the text has no PROP, DEFAULT stands for it."
  (let ((pos from))
    (while (< pos to)
      (let ((next (min to (next-single-property-change pos prop nil to)))
            (value (or (get-text-property pos prop) default)))
        (put-text-property pos next prop (+ value delta))
        (setq pos next)))
    nil))

(defun format-replace-strings (alist &optional reverse beg end) "Replace, in the buffer from BEG to END, each FROM of ALIST's (FROM . TO) with TO.
The pairs are applied one after the other over the whole stretch; with
REVERSE each TO is replaced with its FROM.  The replacements take the
text properties of what they replace."
  (save-excursion
    (let ((stop (copy-marker (or end (point-max)) t)))
      (dolist (pair alist)
        (let ((old (if reverse (cdr pair) (car pair)))
              (new (if reverse (car pair) (cdr pair))))
          (goto-char (or beg (point-min)))
          (while (search-forward old stop t)
            ;; The replacement takes the properties of the text before it.
            (let ((start (match-beginning 0)))
              (delete-region start (point))
              (insert-and-inherit new)))))
      (set-marker stop nil)))
  nil)

(defun format-insert-annotations (list &optional offset) "Insert the annotations of LIST, (POSITION . STRING) pairs in order, into the buffer.
OFFSET, 1 when nil, is the buffer position that position 1 of LIST stands for."
  (let ((shift (1- (or offset 1))))
    (dolist (entry (reverse list))
      (goto-char (+ (car entry) shift))
      (insert (cdr entry)))))

(defun format--shell-filter (command from to) "Replace the text from FROM to TO with its output through the shell COMMAND; return the new end."
  (let ((size (buffer-size)))
    (apply #'call-process-region from to shell-file-name t t nil
           (list shell-command-switch command))
    (- (+ to (buffer-size)) size)))

(defun format-decode-run-method (method from to &optional _buffer) "Decode the text from FROM to TO with METHOD; return the new end.
METHOD is a shell command filtering the text, or a function of FROM and TO."
  (if (stringp method)
      (format--shell-filter method from to)
    (funcall method from to)))

(defun format-encode-run-method (method from to buffer) "Encode the text of BUFFER from FROM to TO with METHOD.
METHOD is a shell command filtering the text (the value is then nil), or a
function of FROM, TO and BUFFER whose value is returned."
  (if (stringp method)
      (progn (format--shell-filter method from to) nil)
    (funcall method from to buffer)))

(defun format--entry (name) "Return the entry of `format-alist' for the format NAME, or signal an error."
  (or (assq name format-alist) (error "Unknown format %s" name)))

(defun format-decode (format length &optional visit-flag) "Decode the LENGTH characters after point from FORMAT; return their new length.
FORMAT is a format name or a list of them, applied in order; nil means
recognize formats by their regexps at point, as many as match in turn.
VISIT-FLAG non-nil records the formats in `buffer-file-format' and turns
on their modes."
  (let* ((begin (point))
         (end (+ begin length))
         (decode-one
          (lambda (entry)
            (when (nth 3 entry)
              (setq end (format-decode-run-method (nth 3 entry) begin end (current-buffer))))
            (when visit-flag
              (when (nth 6 entry) (funcall (nth 6 entry) 1))
              (setq buffer-file-format (cons (car entry) (delq (car entry) buffer-file-format)))))))
    (if format
        (dolist (name (if (listp format) format (list format)))
          (funcall decode-one (format--entry name)))
      ;; Guessing: decode whatever format's regexp matches at BEGIN, then look again,
      ;; each format once (GNU would loop on a format whose header stays).
      (let ((again t) (done nil))
        (while again
          (setq again nil)
          (dolist (entry format-alist)
            (when (and (nth 2 entry)
                       (not (memq (car entry) done))
                       (save-excursion (goto-char begin) (looking-at (nth 2 entry))))
              (push (car entry) done)
              (funcall decode-one entry)
              (setq again t))))))
    (- end begin)))

(defun format--region-and-format (prompt) "Return the region's bounds and a format read with PROMPT, as a list."
  (let ((format (format-read prompt)))
    (list (region-beginning) (region-end) format)))

(defun format-decode-region (from to &optional format) "Decode the text from FROM to TO from FORMAT (guessed when nil); return its new length."
  (interactive (format--region-and-format "Translate region from format (default guess): "))
  (let ((len (- to from)))
    (save-excursion
      (goto-char from)
      (format-decode format len))))

(defun format-decode-buffer (&optional format) "Decode the whole buffer from FORMAT (guessed when nil), recording it as the buffer's format.
Return the buffer's new size."
  (interactive (list (format-read "Translate buffer from format (default guess): ")))
  (let ((size (buffer-size)))
    (save-excursion
      (goto-char (point-min))
      (format-decode format size 'visit))))

(defun format-encode-region (beg end &optional format) "Encode the text from BEG to END into FORMAT, a format name or a list of them.
Unknown names are skipped."
  (interactive (format--region-and-format "Translate region to format: "))
  (let ((stop (copy-marker end)))
    (dolist (name (if (listp format) format (list format)))
      (let ((entry (assq name format-alist)))
        (when (and entry (nth 4 entry))
          (if (nth 5 entry)
              (format-encode-run-method (nth 4 entry) beg stop (current-buffer))
            (save-excursion
              (format-insert-annotations
               (format-encode-run-method (nth 4 entry) beg stop (current-buffer))))))))
    (set-marker stop nil)
    nil))

(defun format-encode-buffer (&optional format) "Encode the whole buffer into FORMAT (the buffer's own when nil)."
  (interactive (list (format-read "Translate buffer to format: ")))
  (format-encode-region (point-min) (point-max) (or format buffer-file-format)))

(defun format-read (&optional prompt) "Read the name of a file format with PROMPT, as a symbol; nil when empty."
  (let* ((names (mapcar (lambda (entry) (symbol-name (car entry))) format-alist))
         (answer (completing-read (or prompt "Format: ") names nil t)))
    (and (not (string= answer "")) (intern answer))))

(defun format--file-and-format (file-prompt format-prompt) "Read a file name with FILE-PROMPT and a format with FORMAT-PROMPT; return both."
  (let* ((file (read-file-name file-prompt))
         (format (format-read format-prompt)))
    (list file format)))

(defun format-find-file (filename format) "Visit FILENAME, decoding it from FORMAT rather than guessing."
  (interactive (format--file-and-format "Find file: " "Read file in format: "))
  ;; Visit without guessing, then decode as told.
  (let ((format-alist nil))
    (find-file filename))
  (and format (format-decode-buffer format)))

(defun format-insert-file (filename format &optional beg end) "Insert FILENAME (from BEG to END of it) decoded from FORMAT; return (FILENAME LENGTH)."
  (interactive (format--file-and-format "Insert file: " "Read file in format: "))
  (let* ((result (let ((format-alist nil))
                   (insert-file-contents filename nil beg end)))
         (size (cadr result)))
    (if format
        (setq size (save-excursion (format-decode format size))))
    (list (car result) size)))

(defun format-write-file (filename format &optional confirm) "Write the buffer into FILENAME in FORMAT, which becomes the buffer's format.
CONFIRM non-nil asks before overwriting an existing file."
  (interactive (append (format--file-and-format "Write file: " "Write file in format: ") '(t)))
  (setq buffer-file-format (if (listp format) format (list format)))
  (write-file filename confirm))

(provide 'format)
