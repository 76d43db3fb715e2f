;;; lpr.el --- sending buffer text to the system's print spooler  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; The text goes to `lpr-command' through `print-region-function' (by default
;; `call-process-region').  The "print" commands ask for page headers: they come from the
;; spooler's own options when `lpr-headers-switches' names them, otherwise from running
;; `lpr-page-header-program' over a copy of the text first.

;;; Code:

(defgroup lpr nil "Print Emacs buffer on line printer." :group 'text :prefix "lpr-")

(defcustom lpr-add-switches
  (memq system-type '(berkeley-unix gnu/linux))
  "Non-nil means name the print job (\"-J\") and, with header switches, title it (\"-T\")."
  :type 'boolean :group 'lpr)

(defcustom lpr-command "lpr" "Name of program for printing a file."
  :type 'string :group 'lpr)

(defcustom lpr-switches nil "Options (strings) always handed to `lpr-command'."
  :type '(repeat (string :tag "Argument")) :group 'lpr)

(defcustom lpr-headers-switches nil "Options that make `lpr-command' write page headers itself; nil means use `lpr-page-header-program'."
  :type '(choice (const :tag "None" nil) (string :tag "Single argument")
                 (repeat :tag "Multiple arguments" (string :tag "Argument")))
  :group 'lpr)

(defcustom lpr-lp-system nil "Non-nil when the spooler is System V's \"lp\" rather than \"lpr\"."
  :type 'boolean :group 'lpr)

(defcustom lpr-windows-system nil "Non-nil on MS-DOS and MS-Windows printing."
  :type 'boolean :group 'lpr)

(defcustom lpr-printer-switch (if lpr-lp-system "-d " "-P")
  "The option that precedes `printer-name' on the spooler's command line."
  :type 'string :group 'lpr)

(defcustom printer-name (and (eq system-type 'ms-dos) "PRN") "The printer to use, or nil for the spooler's default."
  :type '(choice (file :tag "Name") (const :tag "Default" nil)) :group 'lpr)

(defcustom lpr-page-header-program "pr" "The program that paginates text and adds page headers."
  :type 'string :group 'lpr)

(defcustom lpr-page-header-switches (list "-h" "%s" "-F") "Arguments of `lpr-page-header-program'; each is a `format' string given the job's title."
  :type '(repeat (string :tag "Argument")) :group 'lpr)

(defcustom print-region-function #'call-process-region
  "The function that spools text, called like `call-process-region'; nil means that function."
  :type '(choice (const nil) function) :group 'lpr)

(defun lpr-customize () "Open the customization buffer of the printing options."
  (interactive) (customize-group 'lpr))

(defun lpr-eval-switch (arg) "The value of the switch ARG: a string as is, a variable's value, a function's result or a (FUNCTION . ARGS) call; nil otherwise."
  (cond ((and arg (symbolp arg)) (symbol-value arg))
        ((or (stringp arg) (atom arg)) (and (stringp arg) arg))
        ((functionp arg) (funcall arg))
        (t (apply (car arg) (cdr arg)))))

(defun lpr-flatten-list (tree) "The atoms of TREE, left to right, nils left out; an atom alone gives a one-element list."
  (if (consp tree)
      (nconc (lpr-flatten-list (car tree)) (lpr-flatten-list (cdr tree)))
    (and tree (list tree))))

(defun print-region-new-buffer (ostart oend) "Copy OSTART..OEND of this buffer into \" *spool temp*\" and make it current; return its bounds there."
  (let ((spool (get-buffer-create " *spool temp*")))
    (if (eq spool (current-buffer))
        (cons ostart oend)
      (let ((text (buffer-substring ostart oend)))
        (set-buffer spool)
        (widen) (erase-buffer) (insert text)
        (cons 1 (1+ (length text)))))))

(defun lpr--job-arguments (name headers) "The spooler's arguments other than the user's switches, for the job NAME; HEADERS non-nil when the spooler writes the headers."
  (append (and lpr-add-switches (list "-J" name))
          (and lpr-add-switches headers (list "-T" name))
          (and (stringp printer-name) (list (concat lpr-printer-switch printer-name)))))

(defun lpr-print-region (start end switches name) "Hand START..END to `lpr-command' with SWITCHES; NAME titles the job."
  (let ((shown (if switches (concat " with options " (mapconcat #'identity switches " ")) ""))
        (out (generate-new-buffer " *temp*" t)))
    (message "Spooling%s..." shown)
    (unwind-protect (let* ((status (apply (or print-region-function #'call-process-region)
                              start end lpr-command nil out nil
                              (lpr-flatten-list
                               (append (lpr--job-arguments name lpr-headers-switches)
                                       (mapcar #'lpr-eval-switch switches)))))
               (said (with-current-buffer out (buffer-string)))
               (tail (if (string= said "") "" ": ")))
          (if (or (null status) (eql status 0))
              (message "Spooling%s...done%s%s" shown tail said)
            (user-error "Spooling%s...done%s%s" shown tail said)))
      (kill-buffer out))))

(defun print-region-1 (start end switches page-headers) "Spool START..END with SWITCHES, with page headers when PAGE-HEADERS."
  (let ((width tab-width) (name (format "%s Emacs buffer" (buffer-name))))
    (save-excursion
      (when (and page-headers lpr-headers-switches)
        (setq switches (append (if (listp lpr-headers-switches) lpr-headers-switches
                                 (list lpr-headers-switches))
                               switches)))
      (unless (= width 8)
        (let ((span (print-region-new-buffer start end)))
          (setq start (car span) end (cdr span)))
        (setq tab-width width)
        (setq end (set-marker (make-marker) end))
        (untabify start end))
      (when (and page-headers (not lpr-headers-switches))
        (let ((span (print-region-new-buffer start end)))
          (setq start (car span) end (cdr span)))
        (apply #'call-process-region start end lpr-page-header-program t t nil
               (mapcar (lambda (arg) (format arg name)) lpr-page-header-switches))
        (setq start (point-min) end (point-max)))
      (prog1 (lpr-print-region start end switches name)
        (when (markerp end) (set-marker end nil))))))

(defun print-buffer () "Print this buffer's text with page headers, through `lpr-page-header-program' unless `lpr-headers-switches' does it."
  (interactive) (lpr--spool-span nil nil t))

(defun lpr-buffer () "Print this buffer's text as it is, without page headers."
  (interactive) (lpr--spool-span nil nil nil))

(defun print-region (start end) "Print the text from START to END with page headers (see `print-buffer')."
  (interactive "r") (lpr--spool-span start end t))

(defun lpr-region (start end) "Print the text from START to END as it is."
  (interactive "r") (lpr--spool-span start end nil))

(defun lpr--spool-span (from to headers) "Spool FROM..TO (the whole buffer when nil) with `lpr-switches', with page headers when HEADERS."
  (print-region-1 (or from (point-min)) (or to (point-max)) lpr-switches headers))

(defun printify-region (begin end) "Write the control characters and raw bytes between BEGIN and END as visible escapes.
A control character C but tab, newline, formfeed and return becomes \\^ and the letter
of C+64; DEL and the raw bytes become a backslash and their code in hex."
  (interactive "r") (unless (and (integer-or-marker-p begin) (integer-or-marker-p end))
    (signal 'wrong-type-argument (list 'integer-or-marker-p (if (integer-or-marker-p begin) end begin))))
  (when (or (< (min begin end) (point-min)) (> (max begin end) (point-max)))
    (signal 'args-out-of-range (list begin end)))
  (let ((stop (copy-marker (max begin end)))
        (unibyte (not enable-multibyte-characters)))
    (save-excursion
      (goto-char (min begin end))
      (while (< (point) stop)
        (let* ((c (following-char))
               (escape (cond ((and (< c 32) (not (memq c '(9 10 12 13))))
                              (string ?\\ ?^ (+ c 64)))
                             ((or (= c 127) (>= c #x3fff80) (and unibyte (>= c 128)))
                              (format "\\%02x" c)))))
          (if escape (progn (delete-char 1) (insert escape)) (forward-char 1)))))
    (set-marker stop nil)
    nil))

(provide 'lpr)

;;; lpr.el ends here
