;;; lisp-mnt.el --- read the conventional headers of an Emacs Lisp file  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and the Emacs
;; Lisp manual ("Library Headers"); the names are GNU's.  The functions read
;; the current buffer, or with `lm-with-file' a file.  What is here: the
;; header lines (Author, Maintainer, Version, Keywords, URL, Created...), the
;; summary on the first line, the section headings (Commentary, Code), the
;; copyright line and the parsing of author addresses.  Not here: GNU's
;; `lm-verify', `lm-report-bug', `lm-commentary' text and `lm-crack-copyright'.

(require 'subr-x)

(defun lm--read (source reader) "Call READER with no argument in a buffer visiting the file SOURCE, or in this buffer (point kept) when SOURCE is nil."
  (if (null source)
      (save-excursion (funcall reader))
    (with-temp-buffer
      (insert-file-contents source)
      (emacs-lisp-mode)
      (funcall reader))))

(defconst lm--section-affixes '("^;;;;* \\(" . "\\):[ \t]*$")
  "What comes before and after the name in the regexp of a section heading.")

(defconst lm--header-affixes '("^;+[ \t]+\\(@(#)\\)?[ \t]*\\$?\\(" . "\\)[ \t]*:[ \t]*")
  "What comes before and after the name in the regexp of a header line.")

(defun lm-get-header-re (header &optional mode) "Give the regexp that finds the header line HEADER (a regexp).
With MODE `section', it finds a section heading instead: three or more
semicolons, HEADER and a colon alone on the line."
  (let ((affixes (if (eq mode 'section) lm--section-affixes lm--header-affixes)))
    (concat (car affixes) header (cdr affixes))))

(defun lm--find-header (header &optional mode) "Move after the first header HEADER (ignoring case) of the buffer; give non-nil if found."
  (let ((case-fold-search t))
    (goto-char (point-min))
    (re-search-forward (lm-get-header-re header mode) nil t)))

(defun lm-header (header) "Give the text of the first header line HEADER of the buffer, nil if there is none.
Point is left at the start of the text (at the buffer's start if none)."
  (and (lm--find-header header)
       (< (point) (line-end-position))
       (buffer-substring-no-properties (point) (line-end-position))))

(defun lm-header-multiline (header) "Give the lines of the header HEADER as a list: its own text and the indented comment lines after it."
  (save-excursion
    (let ((first (lm-header header)) more)
      (when first
        (while (and (zerop (forward-line 1))
                    (looking-at "^;+\\(?:\t\\|[\t ]\\{2,\\}\\)\\(.+\\)"))
          (push (match-string-no-properties 1) more))
        (cons first (nreverse more))))))

(defun lm-section-start (header &optional after) "Give the position of the section heading HEADER, or nil.
With AFTER non-nil, the position of the line after the heading."
  (save-excursion
    (and (lm--find-header header 'section)
         (if after (line-beginning-position 2) (line-beginning-position)))))

(defun lm-code-start () "Give the position of the ;;; Code: heading, or nil."
  (lm-section-start "Code"))

(defun lm-commentary-start () "Give the position of the ;;; Commentary: (or Documentation) heading, or nil."
  (lm-section-start "Commentary\\|Documentation"))

(defun lm-history-start () "Give the position of the ;;; Change Log: (or History) heading, or nil."
  (lm-section-start "Change ?Log\\|History"))

;; GNU's older names of the three.
(dolist (old-new '((lm-code-mark . lm-code-start) (lm-commentary-mark . lm-commentary-start)
                   (lm-history-mark . lm-history-start)))
  (defalias (car old-new) (cdr old-new)))

(defun lm-copyright-mark () "Give the position just after \"Copyright\" and any (C) on the buffer's copyright line, or nil."
  (save-excursion
    (goto-char (point-min))
    (let ((case-fold-search nil))
      (and (re-search-forward "Copyright[ \t]+\\(?:([Cc])[ \t]+\\)?" nil t)
           (point)))))

(defun lm--first-line () "Match the first-line summary \";;; NAME --- TEXT\"; give non-nil if the buffer starts with one."
  (save-excursion
    (goto-char (point-min))
    (looking-at "^;;;[ \t]+\\([^ \t\n]+\\)[ \t]+---+[ \t]*\\(.*\\)$")))

(defun lm-get-package-name () "Give the file name the buffer's first line announces, or nil."
  (and (lm--first-line) (match-string-no-properties 1)))

(defun lm-summary (&optional file) "Give the one-line description on the first line of FILE (default: the buffer), without a -*- cookie."
  (let ((line (lm--read file (lambda () (and (lm--first-line) (match-string-no-properties 2))))))
    (and line
         (if (string-match "[ \t]*-\\*-.*-\\*-" line) (substring line 0 (match-beginning 0)) line))))

(defun lm--address (text) "Give (NAME . ADDRESS) for one author TEXT, or nil when it holds no address."
  (let ((s (string-trim text)))
    (cond
     ;; Name <address>, perhaps with comments in parentheses around.
     ((string-match "\\`\\([^<]*\\)<\\([^>]*\\)>" s)
      (let ((name (string-trim (replace-regexp-in-string "([^)]*)" "" (match-string 1 s))))
            (addr (replace-regexp-in-string "[ \t]+" "" (match-string 2 s))))
        (cons (and (not (equal name "")) name) addr)))
     ;; address (Name)
     ((string-match "\\`\\([^ \t(]*@[^ \t(]*\\)[ \t]*(\\([^)]*\\))" s)
      (cons (string-trim (match-string 2 s)) (match-string 1 s)))
     ((string-match "\\`[^ \t]*@[^ \t]*\\'" s)
      (cons nil s)))))

(defun lm-crack-address (x) "Split the author line X into a list of (NAME . ADDRESS), one per comma-separated author.
NAME is nil when only an address is given; an author without an address
is left out."
  (and x (delq nil (mapcar #'lm--address (split-string x ",")))))

(defun lm--addresses (header) "Give the (NAME . ADDRESS) entries of every line of the header HEADER."
  (mapcan #'lm-crack-address (lm-header-multiline header)))

(defun lm-authors (&optional file) "Give the authors of FILE (default: the buffer) as a list of (NAME . ADDRESS)."
  (lm--read file (lambda () (lm--addresses "author"))))

(defun lm-maintainers (&optional file) "Give the maintainers of FILE (default: the buffer) as a list of (NAME . ADDRESS); the authors if none is named."
  (lm--read file (lambda () (or (lm--addresses "maintainer") (lm--addresses "author")))))

(defun lm-maintainer (&optional file) "Give the first maintainer of FILE (default: the buffer) as (NAME . ADDRESS)."
  (car (lm-maintainers file)))

;; Readers of one header line each, for FILE or the buffer.
(dolist (reader '((lm-creation-date "created" "Give the Created header of FILE (default: the buffer).")
                  (lm-last-modified-date "last-modified" "Give the Last-Modified header of FILE (default: the buffer).")
                  (lm-version "version" "Give the Version header of FILE (default: the buffer).")))
  (let ((header (nth 1 reader)))
    (defalias (car reader)
      (lambda (&optional file) (lm--read file (lambda () (lm-header header))))
      (nth 2 reader))))

(defun lm-keywords (&optional file) "Give the Keywords header of FILE (default: the buffer), its lines joined by spaces, in lower case."
  (let ((parts (lm--read file (lambda () (lm-header-multiline "keywords")))))
    (when parts
      (downcase (string-join parts " ")))))

(defun lm-keywords-list (&optional file) "Give the keywords of FILE (default: the buffer) as a list of strings.
They are separated by commas if the header has any, else by whitespace."
  (let ((words (lm-keywords file)))
    (cond ((null words) nil)
          ((string-search "," words) (mapcar #'string-trim (split-string words ",")))
          (t (split-string words)))))

(defun lm-website (&optional file) "Give the URL (or X-URL, Homepage) header of FILE (default: the buffer), without angle brackets."
  (let ((link (lm--read file (lambda () (lm-header "\\(?:x-\\)?url\\|homepage")))))
    (if (and link (string-match "\\`<\\(.*\\)>" link))
        (match-string 1 link)
      link)))
(define-obsolete-function-alias 'lm-homepage #'lm-website "28.1")

(defmacro lm-with-file (file &rest body) "Run BODY in a buffer holding the file FILE, or in the current buffer if FILE is nil."
  (declare (debug t) (indent 1))
  `(lm--read ,file (lambda () ,@body)))

(provide 'lisp-mnt)

;;; lisp-mnt.el ends here
