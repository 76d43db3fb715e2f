;;; url-util.el --- percent-encoding and query strings, as GNU's url-util has them  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.  The
;; functions here are autoloaded; `url-encode-url' carries its own small
;; URL splitter, since tsmacs has no url-parse.

;;; Code:

(defconst url-unreserved-chars
  (append (number-sequence ?a ?z) (number-sequence ?A ?Z) (number-sequence ?0 ?9) (list ?- ?_ ?. ?~))
  "The characters RFC 3986 leaves unescaped anywhere in a URL.")

(defun url--byte-allowed-p (byte allowed) "Non-nil if BYTE may stay as it is under ALLOWED (a list of characters or a vector indexed by byte)."
  (if (vectorp allowed) (aref allowed byte) (memq byte allowed)))

(defun url-hexify-string (string &optional allowed-chars) "Percent-encode STRING: every byte not in ALLOWED-CHARS becomes %XX.
ALLOWED-CHARS is a list of characters or a vector whose element for a
byte is non-nil when the byte is allowed; it defaults to
`url-unreserved-chars'.  Multibyte text is encoded as UTF-8 first."
  (let ((allowed (or allowed-chars url-unreserved-chars))
        (bytes (if (multibyte-string-p string) (encode-coding-string string 'utf-8) string)))
    (mapconcat (lambda (b) (if (url--byte-allowed-p b allowed) (string b) (format "%%%02X" b)))
               bytes "")))

(defun url-unhex-string (str &optional allow-newlines) "Decode each %XX escape of STR into its byte.
An escaped newline or carriage return becomes a space unless ALLOW-NEWLINES."
  (let ((pieces ()) (from 0))
    (while (string-match "%\\([0-9a-fA-F][0-9a-fA-F]\\)" str from)
      (let ((byte (string-to-number (match-string 1 str) 16)))
        (push (substring str from (match-beginning 0)) pieces)
        (push (if (and (memq byte '(?\n ?\r)) (not allow-newlines)) " " (byte-to-string byte)) pieces)
        (setq from (match-end 0))))
    (push (substring str from) pieces)
    (apply #'concat (nreverse pieces))))

(defun url-build-query-string (query &optional semicolons keep-empty) "Make a query string from QUERY, a list of (KEY VALUE...) entries.
Each value gives one KEY=VALUE, both percent-encoded; a key without
values gives KEY alone, or KEY= with KEEP-EMPTY.  Entries are joined by
& or, with SEMICOLONS, by ;."
  (let ((parts ()))
    (dolist (entry query)
      (let ((key (url-hexify-string (format "%s" (car entry))))
            (vals (cdr entry)))
        (if (null vals)
            (push (if keep-empty (concat key "=") key) parts)
          (dolist (v vals)
            (push (concat key "=" (url-hexify-string (format "%s" v))) parts)))))
    (mapconcat #'identity (nreverse parts) (if semicolons ";" "&"))))

(defun url-parse-query-string (query &optional downcase allow-newlines) "Split QUERY (KEY=VALUE pairs joined by & or ;) into an alist (KEY VALUE...).
Keys and values are percent-decoded (ALLOW-NEWLINES as in
`url-unhex-string'); with DOWNCASE keys are downcased.  A key met
again gets its new value in front; the newest key comes first."
  (let ((result ()))
    (dolist (pair (split-string query "[;&]"))
      (let* ((eq-at (string-search "=" pair))
             (key (url-unhex-string (substring pair 0 eq-at) allow-newlines))
             (val (if eq-at (url-unhex-string (substring pair (1+ eq-at)) allow-newlines) ""))
             (key (if downcase (downcase key) key))
             (known (assoc key result)))
        (if known
            (setcdr known (cons val (cdr known)))
          (push (list key val) result))))
    result))

;;;; url-encode-url

(defconst url--encode-keep
  (let ((v (make-vector 256 nil)))
    ;; Everything printable but space and " < > [ \ ] ^ ` { | } stays, % included.
    (dolist (c (number-sequence 33 126))
      (unless (memq c '(?\" ?< ?> ?\[ ?\\ ?\] ?^ ?` ?{ ?| ?}))
        (aset v c t)))
    v)
  "Bytes `url-encode-url' leaves alone in the parts of a URL.")

(defconst url--default-ports '(("http" . 80) ("https" . 443) ("ftp" . 21))
  "Ports that go without saying for a scheme, left out of rebuilt URLs.")

(defun url--encode-part (text &optional also) "Escape TEXT for a URL part, escaping the characters ALSO too."
  (if also
      (let ((v (copy-sequence url--encode-keep)))
        (dolist (c also) (aset v c nil))
        (url-hexify-string text v))
    (url-hexify-string text url--encode-keep)))

(defun url-encode-url (url) "Percent-encode the characters of URL that may not appear in it, part by part.
Existing escapes are kept; the scheme and host are downcased and a
scheme's default port is dropped."
  ;; GNU parses URL in a buffer: a character is inserted like a string.
  (cond ((characterp url) (setq url (string url)))
        ((not (stringp url)) (signal 'wrong-type-argument (list 'char-or-string-p url))))
  (string-match (concat "\\`\\(?:\\([a-zA-Z][-a-zA-Z0-9+.]*\\):\\)?"
                        "\\(?://\\([^/?#]*\\)\\)?"
                        "\\([^?#]*\\)\\(?:\\?\\([^#]*\\)\\)?\\(?:#\\(.*\\)\\)?\\'")
                url)
  (let ((scheme (match-string 1 url))
        (authority (match-string 2 url))
        (path (match-string 3 url))
        (query (match-string 4 url))
        (fragment (match-string 5 url)))
    (concat
     (and scheme (concat (downcase scheme) ":"))
     (and authority
          (let* ((at (string-search "@" authority))
                 (user (and at (substring authority 0 at)))
                 (hostport (if at (substring authority (1+ at)) authority))
                 (colon (and (string-match ":\\([^]:]*\\)\\'" hostport) (match-beginning 0)))
                 (host (downcase (substring hostport 0 colon)))
                 (port (and colon (substring hostport (1+ colon)))))
            (when (and port (or (equal port "")
                                (equal (string-to-number port)
                                       (cdr (assoc (and scheme (downcase scheme)) url--default-ports)))))
              (setq port nil))
            (concat "//" (and user (concat (url--encode-part user) "@"))
                    host (and port (concat ":" port)))))
     (url--encode-part path)
     (and query (concat "?" (url--encode-part query)))
     (and fragment (concat "#" (url--encode-part fragment '(?#)))))))

;;;; File parts of URLs, argument lists, entities, dates

(defun url--strip-query (file) "FILE without a query part (from the first \"?\")."
  (let ((q (string-search "?" file)))
    (if q (substring file 0 q) file)))

(defun url-file-directory (file) "The directory part of the URL path FILE: up to and including its last slash.
Nil when FILE has no slash; \"\" for nil."
  (if (null file) ""
    (let* ((path (url--strip-query file))
           (slash (string-match-p "/[^/]*\\'" path)))
      (and slash (substring path 0 (1+ slash))))))

(defalias 'url-basepath #'url-file-directory)

(defun url-file-nondirectory (file) "The last part of the URL path FILE, after its last slash (\"\" for nil)."
  (if (null file) ""
    (let* ((path (url--strip-query file))
           (slash (string-match-p "/[^/]*\\'" path)))
      (if slash (substring path (1+ slash)) path))))

(defun url-file-extension (fname &optional x) "The extension of the last part of the URL FNAME, dot included, or \"\".
With X non-nil, that last part without its extension instead."
  (let* ((base (url-file-nondirectory fname))
         (dot (string-match-p "\\.[^.]*\\'" base)))
    (cond (x (if dot (substring base 0 dot) base))
          (dot (substring base dot))
          (t ""))))

(defun url-strip-leading-spaces (string) "STRING without its leading whitespace."
  (if (string-match "\\`[ \t\n]+" string) (substring string (match-end 0)) string))

(defun url-eat-trailing-space (x) "X without its trailing whitespace."
  (if (string-match "[ \t\n]+\\'" x) (substring x 0 (match-beginning 0)) x))

(defun url-parse-args (str &optional nodowncase) "Parse the \";\"-separated NAME=VALUE settings of STR into an alist, last first.
Names are downcased unless NODOWNCASE; quotes around a value are dropped; a name alone gives (NAME)."
  (let ((out nil))
    (dolist (part (split-string (or str "") ";"))
      (let ((item (string-trim part)))
        (unless (equal item "")
          (let* ((eq (string-search "=" item))
                 (name (string-trim (if eq (substring item 0 eq) item)))
                 (value (and eq (string-trim (substring item (1+ eq))))))
            (when (and value (string-match "\\`\"\\(.*\\)\"\\'" value))
              (setq value (match-string 1 value)))
            (push (cons (if nodowncase name (downcase name)) value) out)))))
    out))

(defun url-insert-entities-in-string (string) "STRING with &, <, > and \" written as HTML entities."
  (if (string-match-p "[&<>\"]" string)
      (mapconcat (lambda (c)
                   (pcase c
                     (?& "&amp;") (?< "&lt;") (?> "&gt;") (?\" "&quot;")
                     (_ (string c))))
                 string "")
    string))

(defun url-percentage (x y) "X as a whole percentage of Y."
  (round (* 100 (/ x (float y)))))

(defun url-get-normalized-date (&optional specified-time) "SPECIFIED-TIME (default now) as an HTTP date in GMT, such as \"Thu, 01 Jan 1970 00:00:00 GMT\"."
  (let ((system-time-locale "C"))
    (format-time-string "%a, %d %b %Y %T GMT" specified-time t)))

;;;###autoload
(defvar url-debug nil "Non-nil (or a list of tags) logs URL package debugging messages.")

(defun url-debug (tag &rest args) "Log the message ARGS under TAG when `url-debug' asks for it."
  (when (or (eq url-debug t) (memq tag url-debug))
    (with-current-buffer (get-buffer-create "*URL-DEBUG*")
      (goto-char (point-max))
      (insert (symbol-name tag) " -> " (apply #'format args) "\n")))
  nil)

(defun url-lazy-message (&rest args) "Show the message ARGS, as `message' does."
  (apply #'message args))

(defun url-display-percentage (fmt _perc &rest args) "Show the progress message FMT with ARGS (the percentage PERC has no display in batch)."
  (apply #'message fmt args))

(eval-when-compile (require 'url-parse))
(declare-function url-generic-parse-url "url-parse" (url))
(declare-function url-recreate-url "url-parse" (urlobj))

(defun url-normalize-url (url) "URL written again in its usual form: scheme and host in lower case, no usual port, no fragment."
  (require 'url-parse)
  (let ((obj (url-generic-parse-url url)))
    (setf (url-target obj) nil)
    (url-recreate-url obj)))

(defun url-truncate-url-for-viewing (url &optional width) "URL shortened to fit WIDTH columns (default: the window's width).
Directories at the start of the path give way to \"...\" one by one, and
a query shows as \"?...\"; the last part of the path always stays."
  (require 'url-parse)
  (let ((limit (or width (window-width))))
    (if (or (null url) (< (length url) limit))
        url
      (let* ((obj (url-generic-parse-url url))
             (path (or (url-filename obj) ""))
             (tail (and (url-target obj) (concat "#" (url-target obj))))
             (shortened nil)
             head)
        (when (string-match "?" path)
          (setq path (concat (substring path 0 (match-beginning 0)) "?...") tail nil))
        (setf (url-filename obj) "" (url-target obj) nil)
        (setq head (url-recreate-url obj)
              path (if (string-prefix-p "/" path) (substring path 1) path))
        ;; Once shortened, a result just as wide as LIMIT is accepted.
        (while (and (>= (+ (length head) (if shortened 4 1) (length path) (length tail)) limit)
                    (string-match "\\`[^/]*/\\(.+\\)" path))
          (setq path (match-string 1 path) shortened t))
        (concat head (if shortened "/.../" "/") path tail)))))

(provide 'url-util)
