;;; epg-config.el --- which GnuPG programs EasyPG runs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A configuration is an alist describing one GnuPG program: its
;; `program' and `version' and, for gpg, the algorithms it knows (from
;; `gpg --with-colons --list-config').  `epg-find-configuration' looks
;; for a program good enough for a protocol and remembers what it found.

;;; Code:

(require 'cl-lib)

(defgroup epg () "The EasyPG library." :group 'data)

(defcustom epg-gpg-program "gpg" "The gpg program EasyPG runs."
  :type 'string :version "25.1")

(defcustom epg-gpgsm-program "gpgsm" "The gpgsm program (for CMS) EasyPG runs."
  :type 'string)

(defcustom epg-gpgconf-program "gpgconf" "The gpgconf program."
  :version "25.1" :type 'string)

(defcustom epg-gpg-home-directory nil "The GnuPG home directory to pass to gpg, or nil for its own."
  :type '(choice directory (const :tag "Default" nil)))

(defcustom epg-passphrase-coding-system nil "The coding system passphrases are sent in."
  :type 'coding-system)

(defvar epg-gpg-minimum-version "1.4.3" "The oldest gpg EasyPG accepts.")

(defconst epg-config--program-alist
  (list (list 'OpenPGP 'epg-gpg-program
              (cons "gpg2" "2.1.6")
              (cons "gpg" (list (cons "1.4.3" "2.0") "2.1.6")))
        (list 'CMS 'epg-gpgsm-program (cons "gpgsm" "2.0.4")))
  "For each protocol, the variable naming its program and the candidate programs with their versions.
A version is a minimum, or a list of (LOW . HIGH) ranges and minima.")

(defvar epg--configurations nil "The configurations found, by (PROTOCOL . PROGRAM-ALIST).")

(defun epg-config--version-ok-p (version wanted)
  "Non-nil when VERSION satisfies WANTED: a minimum, or a list of minima and (LOW . HIGH) ranges."
  (cl-some (lambda (w)
             (if (consp w)
                 (and (version<= (car w) version) (version< version (cdr w)))
               (version<= w version)))
           (if (listp wanted) wanted (list wanted))))

(defun epg-config--program-version (program)
  "The version PROGRAM reports with --version, or nil."
  (with-temp-buffer
    (when (eq 0 (ignore-errors (call-process program nil t nil "--version")))
      (goto-char (point-min))
      (when (re-search-forward "^[^ \n]+ ([^)]*) \\([0-9][^ \n]*\\)" nil t)
        (match-string 1)))))

(defun epg-config--make-gpg-configuration (program)
  "The configuration of gpg PROGRAM, from its --list-config output."
  (let ((config nil))
    (with-temp-buffer
      (call-process program nil t nil "--with-colons" "--list-config")
      (goto-char (point-min))
      (while (re-search-forward "^cfg:\\([^:\n]+\\):\\(.*\\)$" nil t)
        (let ((key (intern (match-string 1))) (val (match-string 2)))
          (push (cons key (if (memq key '(pubkey cipher digest compress))
                              (mapcar #'string-to-number (split-string val ";" t))
                            val))
                config))))
    (cons (cons 'program program) config)))

(defun epg-config--make-gpgsm-configuration (program) "The configuration of gpgsm PROGRAM."
  (list (cons 'program program) (cons 'version (epg-config--program-version program))))

(defun epg-find-configuration (protocol &optional no-cache program-alist)
  "The configuration of the first program good enough for PROTOCOL (`OpenPGP' or `CMS'), or nil.
NO-CACHE looks again instead of using what was found before; PROGRAM-ALIST
replaces `epg-config--program-alist'."
  (let* ((alist (or program-alist epg-config--program-alist))
         (entry (assq protocol alist)))
    (unless entry (error "Unknown protocol `%s'" protocol))
    (let ((key (cons protocol alist)))
      (or (and (not no-cache) (cdr (assoc key epg--configurations)))
          (let* ((var (nth 1 entry))
                 (listed (nthcdr 2 entry))
                 (chosen (and (boundp var) (symbol-value var)))
                 ;; A program the user chose that is not listed is tried first.
                 (candidates (if (and (stringp chosen) (not (assoc chosen listed)))
                                 (cons (cons chosen (cdr (car (last listed)))) listed)
                               listed))
                 (found nil))
            (while (and candidates (not found))
              (let* ((cand (pop candidates))
                     (path (executable-find (car cand)))
                     (version (and path (epg-config--program-version path))))
                (when (and version (epg-config--version-ok-p version (cdr cand)))
                  (setq found (if (eq protocol 'OpenPGP)
                                  (epg-config--make-gpg-configuration path)
                                (epg-config--make-gpgsm-configuration path))))))
            (when found
              (push (cons key found) epg--configurations))
            found)))))

(defun epg-configuration () "The configuration of `epg-gpg-program' as it is named."
  (epg-config--make-gpg-configuration epg-gpg-program))

(defun epg-check-configuration (config &optional req-version)
  "Signal an error unless CONFIG's version is at least REQ-VERSION.
Without REQ-VERSION this always signals, as GNU's does."
  (let ((have (cdr (assq 'version config))))
    (unless (stringp have) (error "Undetermined version: %S" have))
    (cond ((null req-version) (error "Unsupported version: %s" have))
          ((not (stringp req-version)) (error "Version must be a string"))
          ((version< have req-version) (error "Unsupported version: %s" have))
          (t t))))

(defun epg-required-version-p (protocol required) "Non-nil when the program for PROTOCOL is at least version REQUIRED."
  (let ((config (epg-find-configuration protocol)))
    (and config (version<= required (alist-get 'version config)))))

(defun epg-expand-group (config group) "The members of GROUP in CONFIG's groups, or nil."
  (cdr (assoc group (alist-get 'groups config))))

(provide 'epg-config)
;;; epg-config.el ends here
