;;; char-fold.el --- search that lets a character match its variants  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; The table maps a character to a regexp matching it and every character
;; Unicode derives from it by decomposition (accented forms, compatibility
;; forms such as fullwidth or mathematical letters), plus the decomposed
;; spelling (base + combining marks).  Its extra slot holds, per character,
;; the alist (REST . COMPOSED) of characters whose decomposition starts with
;; it: "f" has ("i" . "ﬁ"), so that "fi" in a search also finds "ﬁ".

;;; Code:

(eval-and-compile (put 'char-fold-table 'char-table-extra-slots 1))

(defvar char-fold-table nil "Char-table of the regexp each character searches for when folding characters.
Its extra slot 0 holds the multi-character table: per character, an alist
\(REST . COMPOSED) of the characters whose decomposition is that character then REST.")

;; The defaults and the table's maker are also there when the file is compiled, so that the
;; table for the defaults is made then, once, and kept in the compiled file.
(eval-and-compile
  (defconst char-fold--default-include
    (mapcar (lambda (row) (cons (car row) (mapcar (lambda (x) (if (stringp x) x (string x))) (cdr row))))
            '((34 #xFF02 #x201C #x201D #x201D #x201E #x2E42 #x301E #x201F #x201F #x275E #x275D #x2760
                  #x201C #x201E #x301D #x301F #x1F677 #x1F676 #x1F678 #xAB #xBB)
              (39 #x275F #x275B #x275C #x2018 #x2019 #x201A #x201B #x201A #xE0022 #x276E #x276F #x2039 #x203A)
              (96 #x275B #x2018 #x201B #xE0022 #x276E #x2039)
              (#xDF "ss")
              (#x3B9 "\u03B9\u0308\u0301")
              (#x3C5 "\u03C5\u0308\u0301")))
    "What `char-fold-include' starts as.")

  (defconst char-fold--default-exclude '((?и "й")) "What `char-fold-exclude' starts as.")

  (defconst char-fold--default-symmetric nil "What `char-fold-symmetric' starts as.")

  (defun char-fold--strip-tags (decomposition) "DECOMPOSITION without its leading formatting tags (symbols such as `compat')."
    (while (and decomposition (symbolp (car decomposition)))
      (setq decomposition (cdr decomposition)))
    decomposition)

  (defun char-fold--decomposes (c &optional d) "The tag-stripped decomposition of C when it is not C itself, else nil.
  D, when given, is C's `decomposition' property, already looked up."
    (let ((d (or d (get-char-code-property c 'decomposition))))
      (unless (or (null d) (and (eq (car d) c) (null (cdr d))))
        (char-fold--strip-tags d))))

  (defun char-fold--ccc (c) "The canonical combining class of C." (or (get-char-code-property c 'canonical-combining-class) 0))

  (defun char-fold--accent-of-p (base rest) "Whether BASE followed by REST is a starter and the marks that combine with it."
    (and (= (char-fold--ccc base) 0)
         (not (memq nil (mapcar (lambda (m) (> (char-fold--ccc m) 0)) rest)))))

  (defun char-fold--make-table (include exclude symmetric) "A fresh folding table from the Unicode data and the customizations.
  INCLUDE, EXCLUDE and SYMMETRIC are as `char-fold-include', `char-fold-exclude' and
  `char-fold-symmetric'."
    (let ((variants (make-hash-table :test 'eq))
          (table (make-char-table 'char-fold-table))
          (multi (make-char-table 'char-fold-table)))
      (set-char-table-extra-slot table 0 multi)
      (let ((add (lambda (key str)
                   (let ((old (gethash key variants)))
                     (unless (member str old) (puthash key (cons str old) variants))))))
        (dotimes (c #x30000)
          (let* ((raw (get-char-code-property c 'decomposition))
                 (parts (char-fold--decomposes c raw)))
            (when parts
              (let ((tagged (symbolp (car raw)))
                    (base (car parts))
                    (rest (cdr parts))
                    (self (string c)))
                (if rest
                    (progn
                      (aset multi base (cons (cons (apply #'string rest) self) (aref multi base)))
                      (when (char-fold--accent-of-p base rest)
                        (funcall add base self)
                        (funcall add base (apply #'string parts)))
                      (unless tagged (funcall add c (apply #'string parts))))
                  (funcall add base self)
                  (unless tagged (funcall add c (string base))))
                ;; Whatever BASE itself comes from also finds C.
                (let ((up (char-fold--decomposes base)))
                  (while up
                    (funcall add (car up) self)
                    (setq up (char-fold--decomposes (car up)))))))))
        (dolist (entry include)
          (dolist (str (cdr entry)) (funcall add (car entry) str)))
        (dolist (entry exclude)
          (dolist (str (cdr entry))
            (puthash (car entry) (delete str (gethash (car entry) variants)) variants)))
        (when symmetric
          (let ((groups nil))
            (maphash (lambda (key strs) (push (cons key strs) groups)) variants)
            (dolist (group groups)
              (let ((members (cons (string (car group)) (cdr group))))
                (dolist (str members)
                  (if (= (length str) 1)
                      (dolist (other members) (unless (equal other str) (funcall add (aref str 0) other)))
                    ;; A longer variant ("ae" of æ) finds every one-character member through the multi table.
                    (dolist (other members)
                      (when (= (length other) 1)
                        (aset multi (aref str 0)
                              (cons (cons (substring str 1) other) (aref multi (aref str 0)))))))))))))
      (maphash (lambda (key strs)
                 (let ((all (delete-dups (cons (string key) (reverse strs)))))
                   (when (cdr all) (aset table key (regexp-opt all)))))
               variants)
      table)))

(defconst char-fold--table-of-defaults
  (eval-when-compile
    (char-fold--make-table char-fold--default-include char-fold--default-exclude char-fold--default-symmetric))
  "The folding table for the default customizations, made when this file is compiled.")

(defvar char-fold--previous nil "The customizations the table was last made with.")

(defun char-fold-update-table () "Rebuild `char-fold-table' when the customizations changed since it was made."
  (let ((now (list (bound-and-true-p char-fold-include) (bound-and-true-p char-fold-exclude)
                   (bound-and-true-p char-fold-symmetric))))
    (unless (and char-fold-table (equal now char-fold--previous))
      (setq char-fold-table
            (if (equal now (list char-fold--default-include char-fold--default-exclude char-fold--default-symmetric))
                char-fold--table-of-defaults
              (apply #'char-fold--make-table now))
            char-fold--previous now))))

(defun char-fold--set-and-update (var value) "Set the customization VAR to VALUE and rebuild the table."
  (set-default var value)
  (when (and (boundp 'char-fold-include) (boundp 'char-fold-exclude) (boundp 'char-fold-symmetric))
    (char-fold-update-table)))

(defgroup char-fold nil "Matching a character and its variants in searches." :group 'isearch)

(defcustom char-fold-include char-fold--default-include "Extra variants: a list of (CHAR STRING...), each STRING found by a search for CHAR."
  :type '(alist :key-type character :value-type (repeat string))
  :initialize #'custom-initialize-default :set #'char-fold--set-and-update
  :group 'char-fold :version "27.1")

(defcustom char-fold-exclude char-fold--default-exclude "Variants to drop: a list of (CHAR STRING...), each STRING not found by a search for CHAR."
  :type '(alist :key-type character :value-type (repeat string))
  :initialize #'custom-initialize-default :set #'char-fold--set-and-update
  :group 'char-fold :version "27.1")

(defcustom char-fold-symmetric char-fold--default-symmetric "Non-nil means every variant of a character also finds the character and the other variants."
  :type 'boolean
  :initialize #'custom-initialize-default :set #'char-fold--set-and-update
  :group 'char-fold :version "27.1")

(char-fold-update-table)

;;;; Regexps

(defun char-fold--make-space-string (n) "A regexp for N spaces: N literal spaces or N folded spaces."
  (let ((one (or (aref char-fold-table ?\s) " ")))
    (concat "\\(?:" (make-string n ?\s) "\\|"
            (apply #'concat (make-list n one)) "\\)")))

(defun char-fold--one (c) "The regexp for the single character C."
  (or (aref char-fold-table c) (regexp-quote (string c))))

(defun char-fold--span (string from to lax) "The folded regexp for STRING between FROM and TO.
LAX non-nil lets the last character stand for the start of any composed character.
Composed characters are left out for a STRING longer than 50 characters."
  (let ((multi (and (<= (length string) 50) (char-table-extra-slot char-fold-table 0)))
        (out nil) (i from))
    (while (< i to)
      (let ((c (aref string i)))
        (if (eq c ?\s)
            (let ((j i))
              (while (and (< j to) (eq (aref string j) ?\s)) (setq j (1+ j)))
              (push (char-fold--make-space-string (- j i)) out)
              (setq i j))
          (let* ((pairs (and multi (aref multi c)))
                 (last (and lax (= (1+ i) to)))
                 (hits nil) (end (1+ i)))
            (if last
                (setq hits (mapcar (lambda (p) (cons (cdr p) (1+ i))) pairs))
              (dolist (p pairs)
                (let ((stop (+ i 1 (length (car p)))))
                  (when (and (<= stop to) (string= (car p) (substring string (1+ i) stop)))
                    (push (cons (cdr p) stop) hits)
                    (setq end (max end stop))))))
            (if (null hits)
                (push (char-fold--one c) out)
              (push (concat "\\(?:" (char-fold--one c) (char-fold--span string (1+ i) end nil)
                            (mapconcat (lambda (hit)
                                         (concat "\\|" (car hit) (char-fold--span string (cdr hit) end nil)))
                                       hits "")
                            "\\)")
                    out))
            (setq i end)))))
    (apply #'concat (nreverse out))))

(defun char-fold-to-regexp (string &optional lax from) "A regexp matching STRING with each character folded to its variants.
A run of spaces matches that many spaces or as many folded spaces; characters that
start a composed character also match it (\"fi\" finds \"ﬁ\").  LAX non-nil lets the
last character match any composed character it starts.  FROM is where in STRING to begin."
  (unless (sequencep string) (signal 'wrong-type-argument (list 'sequencep string)))
  (char-fold--span string (or from 0) (length string) lax))

(defun char-fold--search (searcher string bound noerror count) "Call SEARCHER on STRING folded, with BOUND, NOERROR and COUNT."
  (funcall searcher (char-fold-to-regexp string) bound noerror count))

(defun char-fold-search-forward (string &optional bound noerror count) "Search forward for STRING with characters folded.
BOUND, NOERROR and COUNT are as for `re-search-forward'."
  (interactive "sSearch: ")
  (char-fold--search #'re-search-forward string bound noerror count))

(defun char-fold-search-backward (string &optional bound noerror count) "Search backward for STRING with characters folded.
BOUND, NOERROR and COUNT are as for `re-search-backward'."
  (interactive "sSearch backward: ")
  (char-fold--search #'re-search-backward string bound noerror count))

(provide 'char-fold)

;;; char-fold.el ends here
