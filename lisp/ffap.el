;;; ffap.el --- find the file or URL named at point  -*- lexical-binding: t -*-

;; Part of tsmacs.  Written from GNU Emacs 28.2's manual ("FFAP" in "Finding Files") and from
;; how GNU's functions behave when run.
;;
;; `ffap-string-at-point' takes the text around point made of the characters a file name (or a
;; URL, or a host name: `ffap-string-at-point-mode-alist') is made of, less punctuation at its
;; ends.  `ffap-file-at-point' keeps it when it names an existing file, `ffap-url-at-point'
;; when it is a URL (or a mail address), `ffap-gopher-at-point' reads a gopher link written as
;; "Key = value" lines.  `find-file-at-point' (`ffap') proposes what it finds as the default
;; file name and visits it with `ffap-file-finder', a URL with `ffap-url-fetcher'.

;;; Code:

(defgroup ffap nil "Finding the file or URL at point." :group 'matching)

(defcustom ffap-string-at-point-mode-alist
  (let ((tex (list "--:\\\\$+<>@-Z_[:alpha:]~*?" "<@" "@>;.,!:")))
    (list (list 'file "--:\\\\${}+<>@-Z_[:alpha:]~*?#" "{<@" "@>;.,!:}")
          (list 'url "--:=&?$+@-Z_[:alpha:]~#,%;*()!'" "^[0-9a-zA-Z]" ":;.,!?")
          (list 'nocolon "--9$+<>@-Z_[:alpha:]~" "<@" "@>;.,!?")
          (list 'machine "-[:alnum:]." "" ".")
          (list 'math-mode ",-:$+<>@-Z_[:lower:]~`" "<" "@>;.,!?`:")
          (cons 'latex-mode tex)
          (cons 'tex-mode (copy-sequence tex))))
  "What the string at point is made of, by kind (a major mode or file, url, nocolon, machine):
entries (KIND CHARS BEGINNING-PUNCTUATION END-PUNCTUATION), each a `skip-chars-forward' set."
  :type 'sexp :group 'ffap)

(defcustom ffap-max-region-length 1024 "An active region longer than this is not taken as the string at point." :type 'integer :group 'ffap)
(defcustom ffap-file-name-with-spaces nil "Non-nil means a file name at point may hold spaces." :type 'boolean :group 'ffap)
(defcustom ffap-url-fetcher #'browse-url "Function of one argument, a URL, that fetches it." :type 'function :group 'ffap)
(defcustom ffap-file-finder #'find-file "Function of one argument, a file name, that visits it." :type 'function :group 'ffap)
(defcustom ffap-require-prefix nil "Non-nil means `ffap' looks at point only with a prefix argument." :type 'boolean :group 'ffap)
(defcustom ffap-url-regexp
  "\\(news\\(post\\)?:\\|mailto:\\|file:\\|\\(ftp\\|https?\\|telnet\\|gopher\\|www\\|wais\\)://\\)"
  "Regexp matching the start of a URL." :type '(choice (const nil) regexp) :group 'ffap)
(defcustom ffap-foo-at-bar-prefix "mailto" "The URL scheme given to a bare foo@bar.com." :type 'string :group 'ffap)
(defcustom ffap-lax-url t "Non-nil means URLs without a scheme (www.gnu.org) count too." :type 'boolean :group 'ffap)
(defcustom ffap-gopher-regexp "\\<\\(Type\\|Name\\|Path\\|Host\\|Port\\) *= *"
  "Regexp of a line of a gopher link written as Key = value; nil means none are looked for."
  :type '(choice (const nil) regexp) :group 'ffap)
(defcustom ffap-next-regexp (concat "[/:.~[:alpha:]]/" "\\|" "@[[:alpha:]][-[:alnum:]]*\\.") "Regexp `ffap-next' looks for: a slash after a name character, or an @ before a host." :type 'regexp :group 'ffap)
(defcustom ffap-newfile-prompt nil "Non-nil means a file that does not exist yet is offered too." :type 'boolean :group 'ffap)

(defvar ffap-string-at-point nil "The string the last `ffap-string-at-point' gave.")
(defvar ffap-string-at-point-region '(1 1) "Where that string was: (START END).")

;;; The string at point.

(defun ffap--bounds (chars start-punct end-punct)
  "Bounds (BEG . END) of the run of CHARS around point, less START-PUNCT and END-PUNCT at its ends."
  (let ((here (point)) beg end)
    (save-excursion
      (skip-chars-backward chars)
      (skip-chars-forward start-punct here)
      (setq beg (point))
      (goto-char here)
      (skip-chars-forward chars)
      (skip-chars-backward end-punct here)
      (setq end (point)))
    (cons beg end)))

(defconst ffap--separator "[/\\\\]" "A directory separator, Unix or Windows.")

(defun ffap--spaced-bounds (beg end)
  "Widen the file name from BEG to END over spaces, for `ffap-file-name-with-spaces'.
The name starts at the separator opening its first directory: of the word holding it, or of
an earlier word on the line, or after a drive letter.  Unless it already ends with an
extension, it goes on to the last separator of the line and then to the first extension
followed by a blank, or to the end of the line."
  (let ((here (point)))
   (save-excursion
    (let* ((bol (line-beginning-position)) (eol (line-end-position))
           (text (buffer-substring-no-properties beg end))
           (has-ext (string-match-p "\\.[[:alnum:]]+\\'" text))
           (start nil) (stop end))
      ;; Where the name starts.
      (goto-char beg)
      (cond ((looking-at "[[:alpha:]]:[/\\\\]") (setq start (+ beg 2)))
            ((looking-at ffap--separator) (setq start beg))
            (t
             ;; An earlier word on the line opening a directory name, reached over blanks.
             (let ((pos beg) found)
               (while (and (not found) (> pos bol)
                           (progn (goto-char pos) (skip-chars-backward " \t" bol) (< (point) pos)))
                 (skip-chars-backward "^ \t" bol)
                 (setq pos (point))
                 (cond ((looking-at "[[:alpha:]]:[/\\\\]") (setq found (+ pos 2)))
                       ((looking-at ffap--separator) (setq found pos))))
               (setq start (or found
                               (progn (goto-char beg) (and (re-search-forward ffap--separator end t) (match-beginning 0)))
                               (progn (goto-char end) (and (re-search-forward ffap--separator eol t) (match-beginning 0)))
                               (point-max))))))
      (when (>= start end)
        (setq stop (max end start)))
      ;; Where it ends.
      (unless has-ext
        (goto-char eol)
        (when (re-search-backward ffap--separator (max end start) t)
          (let ((last (match-end 0)))
            (goto-char last)
            (setq stop (if (re-search-forward "\\.[[:alnum:]]+\\(?:[ \t]\\|$\\)" eol t)
                           (progn (skip-chars-backward " \t") (point))
                         eol)))))
      (if (and (= start (point-max)) (not (string-match-p ffap--separator text)))
          ;; No directory at all: from point on, as GNU does.
          (cons (max beg (min end here)) end)
        (cons (min start stop) stop))))))

(defun ffap-string-at-point (&optional mode) "Give the file name, URL or host name around point, MODE saying which (default: by major mode, else file).
An active region not longer than `ffap-max-region-length' is taken instead.  Sets
`ffap-string-at-point-region' to where the string is."
  (let* ((kind (or mode (if (assq major-mode ffap-string-at-point-mode-alist) major-mode 'file)))
         (spec (cdr (assq kind ffap-string-at-point-mode-alist))))
    (if (and transient-mark-mode mark-active)
        (let ((beg (region-beginning)) (end (region-end)))
          (if (> (- end beg) ffap-max-region-length)
              (setq ffap-string-at-point-region (list 1 1)
                    ffap-string-at-point "")
            (setq ffap-string-at-point-region (list beg end)
                  ffap-string-at-point (buffer-substring-no-properties beg end))))
      (let ((bounds (apply #'ffap--bounds spec)))
        (when (and ffap-file-name-with-spaces (memq kind '(file)))
          (setq bounds (ffap--spaced-bounds (car bounds) (cdr bounds))))
        (setq ffap-string-at-point-region (list (car bounds) (cdr bounds))
              ffap-string-at-point (buffer-substring-no-properties (car bounds) (cdr bounds)))))))

;;; What the string names.

(defun ffap-url-p (string) "Non-nil when STRING starts like a URL (`ffap-url-regexp')."
  (and ffap-url-regexp (string-match-p (concat "\\`" ffap-url-regexp) string) string))

(defun ffap-url-at-point () "Give the URL at point, or nil: a URL, a bare mail address (with `ffap-foo-at-bar-prefix') or, with `ffap-lax-url', www.host."
  (let ((s (ffap-string-at-point 'url)))
    (cond ((string= s "") nil)
          ((ffap-url-p s) s)
          ((string-match-p "\\`[^@/: \t]+@[^@/: \t]+\\.[[:alpha:]]+\\'" s)
           (concat ffap-foo-at-bar-prefix ":" s))
          ((and ffap-lax-url (string-match-p "\\`www\\.[^ /]+\\." s)) (concat "http://" s)))))

(defun ffap-gopher-at-point () "Give the gopher URL written as Type/Name/Path/Host/Port = value lines around point, or nil.
Sets `ffap-string-at-point-region' to the lines."
  (when (and ffap-gopher-regexp
             (save-excursion (beginning-of-line) (looking-at ffap-gopher-regexp)))
    (save-excursion
      (beginning-of-line)
      (while (and (not (bobp))
                  (save-excursion (forward-line -1) (looking-at ffap-gopher-regexp)))
        (forward-line -1))
      (let ((start (point)) fields)
        (while (and (not (eobp)) (looking-at ffap-gopher-regexp))
          (let ((key (match-string 1)))
            (goto-char (match-end 0))
            (push (cons key (buffer-substring-no-properties (point) (line-end-position))) fields)
            (forward-line 1)))
        (setq ffap-string-at-point-region (list start (point)))
        (let ((get (lambda (k) (cdr (assoc k fields)))))
          (concat "gopher://" (funcall get "Host")
                  (let ((port (funcall get "Port"))) (if (and port (not (equal port "70"))) (concat ":" port) ""))
                  "/" (funcall get "Type") (funcall get "Path")))))))

(defun ffap-file-exists-string (file &optional nomodify) "Give FILE when it exists, or it with one of the compression suffixes (unless NOMODIFY)."
  (cond ((file-exists-p file) file)
        (nomodify nil)
        (t (let (found)
             (dolist (suffix '(".gz" ".Z") found)
               (when (and (not found) (file-exists-p (concat file suffix)))
                 (setq found (concat file suffix))))))))

(defun ffap-file-at-point () "Give the name of an existing file written at point, or nil."
  (let ((s (ffap-string-at-point 'file)))
    (unless (or (string= s "") (ffap-url-p s))
      (let* ((plain (if (string-match "\\`\\(.*?\\)\\(?::[0-9]+\\)+\\'" s) (match-string 1 s) s))
             (name (substitute-in-file-name plain)))
        (or (ffap-file-exists-string name)
            (and (file-name-absolute-p name) (file-directory-p (file-name-directory name))
                 ffap-newfile-prompt name))))))

(defun ffap-guess-file-name-at-point () "Give the file name or URL at point, for `file-name-at-point-functions'; nil in the minibuffer or when there is none."
  (unless (minibufferp)
    (let ((guess (or (ffap-url-at-point) (ffap-file-at-point))))
      (when guess
        (if (ffap-url-p guess) guess
          (abbreviate-file-name (expand-file-name guess)))))))

(defun ffap-guesser () "Give what point names: a gopher link, a URL or a file name, or nil."
  (or (ffap-gopher-at-point) (ffap-url-at-point) (ffap-file-at-point)))

(defun ffap-prompter (&optional guess) "Read a file name or URL, offering GUESS (or what point names) as the default."
  (let* ((found (or guess (ffap-guesser)))
         (default (and found (if (ffap-url-p found) found (abbreviate-file-name (expand-file-name found))))))
    (read-file-name (if default "Find file or URL: " "Find file: ")
                    (and default (not (ffap-url-p default)) (file-name-directory default))
                    default nil
                    (and default (not (ffap-url-p default)) (file-name-nondirectory default)))))

;;; Commands.

(defun find-file-at-point (&optional filename) "Visit the file or fetch the URL FILENAME; interactively, read it with what point names as the default."
  (interactive)
  (let ((name (or filename
                  (if (and ffap-require-prefix (not current-prefix-arg))
                      (read-file-name "Find file: ")
                    (ffap-prompter)))))
    (cond ((or (null name) (string= name "")) nil)
          ((ffap-url-p name) (funcall ffap-url-fetcher name))
          (t (funcall ffap-file-finder (expand-file-name name))))))

(defalias 'ffap #'find-file-at-point)

(defun ffap-other-window (&optional filename) "Like `find-file-at-point', showing a file in another window; a URL leaves the windows alone.
Return the buffer shown, or nil."
  (interactive)
  (let* ((name (or filename (ffap-prompter))))
    (if (ffap-url-p name)
        (progn (funcall ffap-url-fetcher name) nil)
      (let ((buf (find-file-noselect (expand-file-name name))))
        (switch-to-buffer-other-window buf)
        buf))))

(defun ffap-next (&optional back wrap) "Move to the next file name or URL in the buffer (before point with BACK) and give it; WRAP starts over at the end."
  (interactive "P")
  (let ((found nil) (start (point)))
    (while (and (not found)
                (if back (re-search-backward ffap-next-regexp nil t)
                  (re-search-forward ffap-next-regexp nil t)))
      (setq found (ffap-guesser))
      (when found (goto-char (if back (car ffap-string-at-point-region) (cadr ffap-string-at-point-region)))))
    (cond (found (message "%s" found) found)
          (wrap (goto-char (if back (point-max) (point-min))) (ffap-next back nil))
          (t (goto-char start) nil))))

(defun dired-at-point (&optional filename) "Run Dired on the directory FILENAME, by default the one point names."
  (interactive)
  (let ((name (or filename (ffap-prompter))))
    (dired (expand-file-name name))))

(defvar ffap-bindings
  '((global-set-key [remap find-file] 'find-file-at-point)
    (global-set-key [remap find-file-other-window] 'ffap-other-window)
    (global-set-key [remap dired] 'dired-at-point))
  "The forms `ffap-bindings' evaluates to bind ffap's commands in place of the plain ones.")

(defun ffap-bindings () "Bind ffap's commands in place of the plain file-finding ones (evaluate the variable `ffap-bindings')."
  (interactive)
  (mapc #'eval ffap-bindings))

(provide 'ffap)

;;; ffap.el ends here
