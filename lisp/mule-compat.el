;;; mule-compat.el --- older mule.el entry points: compound text tables, charset arguments  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.

;;; Code:

(defun ctext-non-standard-encodings-table () "Pair each name in `ctext-non-standard-encodings' with its charset and entry.
Each element is (CHARSET NAME CODING-SYSTEM BYTES-PER-CHAR CHARSET), the
entry of `ctext-non-standard-encodings-alist' behind its charset."
  (let (table)
    (dolist (name ctext-non-standard-encodings)
      ;; An unknown name still gets an element: (nil).
      (let ((entry (assoc name ctext-non-standard-encodings-alist)))
        (push (cons (nth 3 entry) entry) table)))
    (nreverse table)))

(defvar mule-compat--next-code #xF0000 "The first code point not yet given to a charset made from an old-style definition.")

(defun convert-define-charset-argument (emacs-mule-id info-vector) "Turn an old-style charset INFO-VECTOR into `define-charset' properties for EMACS-MULE-ID.
INFO-VECTOR is [DIMENSION CHARS WIDTH DIRECTION ISO-FINAL-CHAR ...]; the
charset gets the next free block of private code points."
  (let* ((dim (aref info-vector 0))
         (chars (aref info-vector 1))
         (low (if (= chars 96) 32 33))
         (high (if (= chars 96) 127 126))
         (offset mule-compat--next-code))
    (setq mule-compat--next-code (+ offset (if (> dim 1) (* chars chars) chars)))
    (list :dimension dim
          :code-space (if (> dim 1) (vector low high low high) (vector low high))
          :iso-final-char (aref info-vector 4)
          :code-offset offset
          :emacs-mule-id emacs-mule-id)))

(defun read-charset (prompt &optional default-value initial-input) "Read the name of a charset with PROMPT and give it as a symbol.
An empty answer gives DEFAULT-VALUE (a string), or nil without one;
INITIAL-INPUT is the minibuffer's first text."
  (let ((answer (completing-read prompt (and (boundp 'charset-list) (symbol-value 'charset-list))
                                 nil t initial-input 'charset-history default-value)))
    (if (= (length answer) 0) nil (intern answer))))

(defun mule-compat--byte-in (charset char) "The code CHARSET gives CHAR (one byte for these charsets), or nil if it has none."
  (encode-char char charset))

;; cyril-util.el and viet-util.el: single characters to their bytes.
(defun cyrillic-encode-koi8-r-char (char) "The KOI8-R byte of CHAR, or nil when KOI8-R has no CHAR."
  (mule-compat--byte-in 'koi8 char))

(defun cyrillic-encode-alternativnyj-char (char) "The Alternativnyj byte of CHAR, or nil when that code page has no CHAR."
  (mule-compat--byte-in 'alternativnyj char))

(defun viet-encode-viscii-char (char) "The VISCII byte of CHAR, or nil when VISCII has no CHAR."
  (mule-compat--byte-in 'viscii char))

(defconst mule-compat--tibetan-charsets '(tibetan tibetan-1-column) "The charsets whose characters `tibetan-char-p' accepts.")

(defun tibetan-char-p (ch) "Non-nil if CH belongs to a Tibetan charset: the tail of the charset list from it.
With Unicode charsets first, as they are by default, no character does."
  (memq (char-charset ch) mule-compat--tibetan-charsets))

(defun setup-korean-environment-internal () "Set up what the Korean language environment needs beyond its data; batch needs nothing more."
  nil)

(defvar charset-history nil "Charset names read before, most recent first.")

(provide 'mule-compat)

;;; mule-compat.el ends here
