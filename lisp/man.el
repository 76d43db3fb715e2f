;;; man.el --- reading formatted manual pages: references, faces, apropos output  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; The parts of GNU's man.el that work on the text "man" prints: turning its overstrikes
;; (X^HX, _^HX) and SGR escapes into faces, marking section headings, making buttons of the
;; references to other pages (in SEE ALSO), to header files (#include in SYNOPSIS) and to
;; files (in FILES), reading "man -k" output, and rewriting "name(section)" references as
;; "man" arguments.  Text arrives from a process in pieces (`Man-bgproc-filter'): each line
;; is formatted once it is complete, the last one by `Man-bgproc-sentinel'.

;;; Code:

(defgroup man nil "Browse UNIX manual pages." :group 'external :group 'help :prefix "Man-")

(pcase-dolist (`(,face ,parent ,what) '((Man-overstrike bold "overstruck (bold)")
                                       (Man-underline underline "underlined")
                                       (Man-reverse highlight "reverse video")))
  (custom-declare-face face `((t :inherit ,parent)) (format "Face for %s text in manual pages." what)
                       :group 'man))

(defcustom manual-program "man" "The program that formats manual pages." :group 'man :type 'string)

(defcustom Man-switches "" "Options always given to `manual-program'." :group 'man :type 'string)

(defcustom Man-fontify-manpage-flag t "Non-nil means give manual pages faces; nil means only clean them up."
  :group 'man :type 'boolean)

(defcustom Man-header-file-path
  (let ((dirs (list "/usr/include" "/usr/local/include"))
        (arch (ignore-errors (car (process-lines "gcc" "-print-multiarch")))))
    (if (and arch (> (length arch) 0)) (append dirs (list (concat "/usr/include/" arch))) dirs))
  "Where `Man-view-header-file' looks for the header files pages mention."
  :type '(repeat string) :group 'man)

(defvar Man-specified-section-option "" "The option that announces a section to `manual-program' (empty on GNU/Linux).")

(defconst Man-name-regexp "[-[:alnum:]_\u00ad+][-[:alnum:]_.:\u00ad+]*" "A manual page's name.")

(defconst Man-section-regexp "[0-9][a-zA-Z0-9+]*\\|[LNln]" "A manual section.")

(defconst Man-heading-regexp "^\\([[:upper:]][[:upper:]0-9 /-]+\\)$" "A section heading of a formatted page.")

(defconst Man-see-also-regexp
  (concat "\\(" (mapconcat #'identity
                           '("SEE ALSO" "VOIR AUSSI" "SIEHE AUCH" "VÉASE TAMBIÉN" "VEJA TAMBÉM"
                             "VEDERE ANCHE" "ZOBACZ TAKŻE" "İLGİLİ BELGELER" "参照"
                             "参见 SEE ALSO" "參見 SEE ALSO")
                           "\\|")
          "\\)")
  "The headings of the section that lists related pages.")

(defconst Man-reference-regexp
  (concat "\\(" Man-name-regexp "\\(\\([-\u2010]\n\\)?[ \t]+" Man-name-regexp "\\)*\\)[ \t]*(\\("
          Man-section-regexp "\\))")
  "A reference to a page, \"name(section)\"; the name may be hyphenated across a line break.")

(defconst Man-hyphenated-reference-regexp
  (concat "\\(" Man-name-regexp "\\)\\((\\(" Man-section-regexp "\\))\\)?")
  "A page name, perhaps with its section.")

(defconst Man-first-heading-regexp "^NAME$\\|^[ \t]*No manual entry fo.*$" "The first heading of a page, or man's complaint.")

(defconst Man--include-regexp "#[ \t]*include[ \t]*[<\"]\\([^>\"\n]+\\)[>\"]" "An #include line's file.")

(defconst Man--files-heading "FILES" "The heading of the section listing files.")

(defvar-local Man-arguments "" "The arguments `manual-program' was given for this buffer's page.")

;;; Buttons

(defun Man-xref-button-action (button) "Show the page BUTTON refers to."
  (let* ((target (button-get button 'Man-target-string))
         (page (if (not (functionp target)) target
                 (save-excursion (goto-char (button-start button)) (funcall target)))))
    (funcall (button-get button 'func) page)))

(defun Man--open-header (button) "Show the header file BUTTON names."
  (let ((name (button-get button 'Man-target-string)))
    (or (Man-view-header-file name) (error "Cannot find header file: %s" name))))

(defun Man--open-file (button) "Show the file BUTTON names."
  (let ((name (substitute-in-file-name (button-get button 'Man-target-string))))
    (cond ((not (file-exists-p name)) (error "Cannot find a file: %s" name))
          ((file-readable-p name) (view-file name))
          (t (error "Cannot read a file: %s" name)))))

(define-button-type 'Man-abstract-xref-man-page
  'func nil 'action #'Man-xref-button-action 'follow-link t
  'help-echo "mouse-2, RET: display this man page")

(define-button-type 'Man-xref-man-page 'func 'man-follow :supertype 'Man-abstract-xref-man-page)

(define-button-type 'Man-xref-header-file
  'help-echo "mouse-2: display this header file" 'follow-link t 'action #'Man--open-header)

(define-button-type 'Man-xref-normal-file
  'help-echo "mouse-2: display this file" 'follow-link t 'action #'Man--open-file)

(defun Man-view-header-file (file) "Visit the header FILE found along `Man-header-file-path'; nil when it is not there."
  (let ((found (locate-file file Man-header-file-path)))
    (when found (view-file found) t)))

;;; Page references

(defun Man-translate-references (ref) "REF, \"name(section)\" or other arguments, as `manual-program' arguments.
A reference becomes \"section name\"; anything else has the shell's special characters quoted."
  (if (string-match (concat "\\`[ \t]*\\(" Man-name-regexp "\\)[ \t]*(\\(" Man-section-regexp
                            "\\))[ \t]*\\'")
                    ref)
      (concat Man-specified-section-option (match-string 2 ref) " " (match-string 1 ref))
    (replace-regexp-in-string "[^-a-zA-Z0-9_.,/:@% \t]" "\\\\\\&" ref)))

(defun Man-default-man-entry (&optional pos) "The page reference at POS (point by default), \"name(section)\" or a name; \"\" when there is none."
  (save-excursion
    (when pos (goto-char pos))
    (skip-chars-backward "-[:alnum:]_.:\u00ad+")
    (if (looking-at Man-hyphenated-reference-regexp)
        (concat (match-string-no-properties 1)
                (if (match-beginning 2) (match-string-no-properties 2) ""))
      "")))

(defun Man--button (from to type target) "Make FROM..TO a button of TYPE aimed at TARGET, unless it is one already."
  (unless (button-at from)
    (make-text-button from to 'type type 'Man-target-string target)))

(defun Man--section-bounds (heading-regexp limit need-end) "The start and end of the first section whose heading matches HEADING-REGEXP, searching up to LIMIT.
The section ends before the next line that starts with a non-blank character; when NEED-END
is non-nil and no such line comes before LIMIT, nil."
  (save-excursion (goto-char (point-min))
    (let ((case-fold-search nil))
      (when (re-search-forward (concat "^" heading-regexp "$") limit t)
        (let ((start (line-beginning-position 2)))
          (goto-char start)
          (if (re-search-forward "^[^ \t\n]" limit t)
              (cons start (match-beginning 0))
            (and (not need-end) (cons start limit))))))))

(defun Man--buttonize (bounds regexp group type target) "Make a button of TYPE of each match of REGEXP (its GROUP) within BOUNDS.
TARGET is the button's target, or the number of the group whose text is."
  (when bounds
    (save-excursion (goto-char (car bounds))
      (while (re-search-forward regexp (cdr bounds) t)
        (Man--button (match-beginning group) (match-end group) type
                     (if (integerp target) (match-string-no-properties target) target))))))

(defun Man-highlight-references (&optional limit) "Make buttons of the references this buffer's page makes, up to LIMIT.
Pages in the SEE ALSO section, header files in SYNOPSIS, files in FILES; a section other than
SYNOPSIS counts only once the heading after it is there."
  (let ((limit (or limit (point-max))))
    (Man--buttonize (Man--section-bounds "SYNOPSIS" limit nil) Man--include-regexp 0
                    'Man-xref-header-file 1)
    (Man--buttonize (Man--section-bounds Man-see-also-regexp limit t) Man-reference-regexp 1
                    'Man-xref-man-page 'Man-default-man-entry)
    (Man--buttonize (Man--section-bounds "FILES" limit t) "\\([^ \t\n,]*/[^ \t\n,]*\\)" 1
                    'Man-xref-normal-file 1)))

;;; Faces from overstrikes and escapes

(defconst Man--sgr-colors ["black" "red3" "green3" "yellow3" "blue2" "magenta3" "cyan3" "gray90"]
  "The foreground colours of SGR codes 30 to 37.")

(defun Man--apply-sgr (from to) "Turn the SGR escapes between FROM and TO into `font-lock-face' properties and delete them."
  (save-excursion (goto-char from)
    (let ((end (copy-marker to)) (face nil) (start nil))
      (while (re-search-forward "\e\\[\\([0-9;]*\\)m" end t)
        (let ((codes (mapcar #'string-to-number (split-string (match-string 1) ";" t))))
          (replace-match "")
          (when (and face start (< start (point)))
            (put-text-property start (point) 'font-lock-face face))
          (dolist (code (or codes '(0)))
            (setq face (cond ((memq code '(0 22 24 27 39)) nil)
                             ((= code 1) 'Man-overstrike)
                             ((= code 4) 'Man-underline)
                             ((= code 7) 'Man-reverse)
                             ((<= 30 code 37) (list :foreground (aref Man--sgr-colors (- code 30))))
                             (t face))))
          (setq start (point))))
      (when (and face start (< start end))
        (put-text-property start end 'font-lock-face face))
      (move-marker end nil))))

(defun Man--apply-overstrikes (from to fontify) "Resolve the X^HY pairs between FROM and TO, with faces when FONTIFY."
  (save-excursion (goto-char from)
    (let ((end (copy-marker to)))
      (while (re-search-forward "\\(.\\)\b\\(.\\)" end t)
        (let* ((a (char-after (match-beginning 1)))
               (b (char-after (match-beginning 2)))
               (keep (if (= a ?_) b (if (= b ?_) a b)))
               (face (cond ((or (= a ?_) (= b ?_)) 'Man-underline)
                           ((= a b) 'Man-overstrike)
                           ((and (memq a '(?+ ?o)) (memq b '(?+ ?o))) (setq keep ?o) 'bold))))
          (replace-match (string keep) t t)
          (when (and fontify face)
            (put-text-property (1- (point)) (point) 'font-lock-face face))
          ;; A character struck over several times: look at it again.
          (backward-char 1)))
      (move-marker end nil))))

(defun Man--format-lines (from to) "Format the complete lines between FROM and TO as `Man-fontify-manpage-flag' says."
  (let ((inhibit-read-only t) (fontify Man-fontify-manpage-flag))
    (save-excursion
      (let ((end (copy-marker to)))
        (if fontify (Man--apply-sgr from end)
          (save-excursion (goto-char from)
                          (while (re-search-forward "\e\\[[0-9;]*m" end t) (replace-match ""))))
        (Man--apply-overstrikes from end fontify)
        (when fontify
          (goto-char from)
          (while (re-search-forward Man-heading-regexp end t)
            (put-text-property (match-beginning 0) (match-end 0) 'font-lock-face 'Man-overstrike)))
        (Man-highlight-references end)
        (move-marker end nil)))))

(defun Man-fontify-manpage () "Give this buffer's manual page its faces and buttons."
  (interactive)
  (let ((Man-fontify-manpage-flag t)) (Man--format-lines (point-min) (point-max))))

(defun Man-cleanup-manpage (&optional interactive) "Remove the overstrikes and escapes of this buffer's page, giving no faces.
INTERACTIVE non-nil (as a command) reports when done."
  (interactive (list t))
  (let ((Man-fontify-manpage-flag nil)) (Man--format-lines (point-min) (point-max)))
  (when interactive (message "Cleaning manpage...done")))

(defun Man-bgproc-filter (process string) "Add STRING, output of the man PROCESS, to its buffer and format the lines it completes."
  (let ((output (process-buffer process)))
    (if (buffer-live-p output)
      (with-current-buffer output
        (save-excursion
          (let* ((inhibit-read-only t)
                 (mark (process-mark process))
                 (old (marker-position mark)))
            (goto-char old)
            (insert string)
            (set-marker mark (point))
            ;; Format from the start of the line that was incomplete to the last newline.
            (let ((from (progn (goto-char old) (line-beginning-position)))
                  (to (progn (goto-char mark) (line-beginning-position))))
              (when (< from to) (Man--format-lines from to)))))))))

(defun Man-bgproc-sentinel (process _msg) "Format what the man PROCESS left unformatted once it ends."
  (let ((output (process-buffer process)))
    (when (and (memq (process-status process) '(exit signal)) (buffer-live-p output))
      (with-current-buffer output
        (let ((mark (process-mark process)))
          (save-excursion (goto-char mark)
            (let ((from (line-beginning-position)))
              (when (< from (point-max)) (Man--format-lines from (point-max))))))))))

;;; man -k

(defun Man-parse-man-k () "The pages listed by the \"man -k\" output in this buffer, as \"name(section)\" strings whose help-echo is the description."
  (save-excursion (goto-char (point-min))
    (let ((found ())
          (entry (concat "\\`\\(.*?\\)[ \t]*(\\(" Man-section-regexp "\\))[ \t]*-[ \t]*\\(.*\\)\\'"))
          (one (concat "\\(" Man-name-regexp "\\)(\\(" Man-section-regexp "\\))")))
      (dolist (line (split-string (buffer-string) "\n" t))
        (when (string-match entry line)
          (let ((names (match-string 1 line))
                (section (match-string 2 line))
                (doc (match-string 3 line)))
            (if (string-match-p "(" names)
                ;; "a(3), b(3), c" (each with its own section but the last).
                (let ((start 0))
                  (while (string-match one names start)
                    (push (propertize (concat (match-string 1 names) "(" (match-string 2 names) ")")
                                      'help-echo doc)
                          found)
                    (setq start (match-end 0)))
                  (when (string-match (concat "\\(" Man-name-regexp "\\)[ \t]*\\'") names start)
                    (push (propertize (concat (match-string 1 names) "(" section ")") 'help-echo doc)
                          found)))
              (setq names (replace-regexp-in-string "\\[[^]]*\\]" "" names))
              (let ((parts (split-string names "," t "[ \t]+")))
                ;; "name page (section)": only the first word is the entry.
                (when (and (= (length parts) 1) (string-match-p "[ \t]" (car parts)))
                  (setq parts (list (car (split-string (car parts))))))
                (dolist (name parts)
                  (push (propertize (concat name "(" section ")") 'help-echo doc) found)))))))
      (nreverse found))))

(provide 'man)

;;; man.el ends here
