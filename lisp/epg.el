;;; epg.el --- EasyPG: GnuPG from Lisp  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A context (`epg-make-context') says which program runs and how
;; (home directory, ASCII armor, text mode, signers...).  Each operation
;; runs gpg once, with its input in a file, reading what gpg writes to
;; standard output and the status lines it writes to a status file; the
;; status lines become the context's result (signatures, errors...).
;; Passphrases are asked for by gpg-agent's pinentry, as GNU's EasyPG
;; does with GnuPG 2.1 and later.

;;; Code:

(require 'cl-lib)
(require 'epg-config)

(define-error 'epg-error "GPG error")

(defvar epg-debug nil "Non-nil keeps what gpg says in the `*epg-debug*' buffer.")

(defcustom epg-pinentry-mode nil "The pinentry mode passed to gpg; nil leaves gpg-agent's own."
  :type '(choice (const nil) (const ask) (const cancel) (const error) (const loopback)) :group 'epg)

(defvar epg-user-id-alist nil "Key ids to the user ids seen with them.")

(cl-defstruct (epg-data (:constructor epg-data--new) (:copier nil) (:predicate nil))
  "Data given to gpg: a file name or a string."
  (file nil :documentation "The file holding the data, or nil." :read-only t)
  (string nil :documentation "The data itself, or nil." :read-only t))

(defun epg-make-data-from-file (file) "Data read from FILE."
  (epg-data--new :file file))

(defun epg-make-data-from-string (string) "Data that is STRING."
  (epg-data--new :string string))

(defun epg--default-program (protocol) "The program that runs PROTOCOL: the one found, else the variable's."
  (let ((config (epg-find-configuration protocol)))
    (if config
        (alist-get 'program config)
      (symbol-value (cadr (assq protocol epg-config--program-alist))))))

(cl-defstruct (epg-context (:constructor epg-context--new) (:copier nil) (:predicate nil))
  "How gpg is run, and what its last run found."
  (protocol 'OpenPGP :documentation "`OpenPGP' or `CMS'.")
  (program nil :documentation "The program run.")
  (home-directory epg-gpg-home-directory :documentation "The --homedir, or nil.")
  (armor nil :documentation "Non-nil for ASCII-armored output.")
  (textmode nil :documentation "Non-nil for canonical text.")
  (include-certs nil :documentation "Certificates to include (CMS).")
  (cipher-algorithm nil :documentation "The cipher, or nil for gpg's choice.")
  (digest-algorithm nil :documentation "The digest, or nil for gpg's choice.")
  (compress-algorithm nil :documentation "The compression, or nil for gpg's choice.")
  (passphrase-callback (list #'epa-passphrase-callback-function)
                       :documentation "(FUNCTION . DATA) asked for passphrases.")
  (progress-callback nil :documentation "(FUNCTION . DATA) told of progress.")
  (edit-callback nil :documentation "(FUNCTION . DATA) for key edits.")
  (signers nil :documentation "The keys signatures are made with.")
  (sig-notations nil :documentation "Notations put in signatures.")
  (process nil :documentation "The gpg process, while one runs.")
  (output-file nil :documentation "Where output goes.")
  (result nil :documentation "What the last run found, an alist.")
  (operation nil :documentation "The last operation.")
  (pinentry-mode epg-pinentry-mode :documentation "The --pinentry-mode, or nil.")
  (error-output "" :documentation "What gpg wrote to its standard error last.")
  (error-buffer nil :documentation "A buffer showing errors, or nil."))

(cl-defstruct (epg-signature (:constructor epg-signature--new) (:copier nil) (:predicate nil))
  "A signature gpg reported."
  (status nil :documentation "`good', `bad', `expired', `expired-key', `revoked-key' or `error'.")
  (key-id nil :documentation "The signing key's id.")
  (creation-time nil :documentation "When it was made.")
  (expiration-time nil :documentation "When it expires.")
  (pubkey-algorithm nil :documentation "The public key algorithm's number.")
  (digest-algorithm nil :documentation "The digest algorithm's number.")
  (class nil :documentation "The signature class.")
  (version nil :documentation "The signature packet version.")
  (fingerprint nil :documentation "The signing key's fingerprint.")
  (notations nil :documentation "Its notations.")
  (validity nil :documentation "How far the signing key is trusted."))

(defun epg-make-signature (status &optional key-id) "A signature of STATUS made by KEY-ID."
  (epg-signature--new :status status :key-id key-id))

(cl-defstruct (epg-key (:constructor epg-key--new) (:copier nil) (:predicate nil))
  "A key: its trust, sub keys and user ids."
  (owner-trust nil :documentation "The owner trust.")
  (sub-key-list nil :documentation "The sub keys, the primary key first.")
  (user-id-list nil :documentation "The user ids."))

(defun epg-make-key (owner-trust) "A key trusted OWNER-TRUST, as yet without sub keys or user ids."
  (epg-key--new :owner-trust owner-trust))

(cl-defstruct (epg-sub-key (:constructor epg-sub-key--new) (:copier nil) (:predicate nil))
  "A primary key or sub key."
  (validity nil :documentation "Its validity.")
  (capability nil :documentation "What it can do: `encrypt', `sign', `certify', `authentication'.")
  (secret-p nil :documentation "Non-nil when the secret part is at hand.")
  (algorithm nil :documentation "The algorithm's number.")
  (length nil :documentation "Its size in bits.")
  (id nil :documentation "Its id.")
  (creation-time nil :documentation "When it was made.")
  (expiration-time nil :documentation "When it expires.")
  (fingerprint nil :documentation "Its fingerprint."))

(defun epg-make-sub-key (validity capability secret-p algorithm length id
                                  creation-time expiration-time)
  "A sub key with these properties, as yet without a fingerprint."
  (epg-sub-key--new :validity validity :capability capability :secret-p secret-p
                    :algorithm algorithm :length length :id id
                    :creation-time creation-time :expiration-time expiration-time))

(cl-defstruct (epg-user-id (:constructor epg-user-id--new) (:copier nil) (:predicate nil))
  "A user id of a key."
  (validity nil :documentation "Its validity.")
  (string nil :documentation "The user id text.")
  (signature-list nil :documentation "Its key signatures."))

(defun epg-make-user-id (validity string) "The user id STRING, of VALIDITY."
  (epg-user-id--new :validity validity :string string))

(defun epg-make-context (&optional protocol armor textmode include-certs
                                   cipher-algorithm digest-algorithm compress-algorithm)
  "A new context for PROTOCOL (`OpenPGP' by default) with the given options."
  (let ((proto (or protocol 'OpenPGP)))
    (epg-context--new :protocol proto :program (epg--default-program proto)
                      :armor armor :textmode textmode :include-certs include-certs
                      :cipher-algorithm cipher-algorithm :digest-algorithm digest-algorithm
                      :compress-algorithm compress-algorithm)))

(defun epg-context-set-armor (context armor) "Make CONTEXT's output ASCII-armored when ARMOR."
  (setf (epg-context-armor context) armor))

(defun epg-context-set-textmode (context textmode) "Make CONTEXT treat its input as text when TEXTMODE."
  (setf (epg-context-textmode context) textmode))

(defun epg-context-set-passphrase-callback (context callback)
  "Give CONTEXT CALLBACK, a function or (FUNCTION . DATA), for passphrases."
  (setf (epg-context-passphrase-callback context)
        (if (functionp callback) (list callback) callback)))

(defun epg-context-set-progress-callback (context callback) "Give CONTEXT CALLBACK for progress reports."
  (setf (epg-context-progress-callback context)
        (if (functionp callback) (list callback) callback)))

(defun epg-context-set-signers (context signers) "Make CONTEXT sign with the keys SIGNERS."
  (setf (epg-context-signers context) signers))

(defun epg-context-result-for (context name) "The part NAME of CONTEXT's last result."
  (alist-get name (epg-context-result context)))

(defun epg-context-set-result-for (context name value) "Set the part NAME of CONTEXT's result to VALUE."
  (let ((cell (assq name (epg-context-result context))))
    (if cell
        (setcdr cell value)
      (setf (epg-context-result context)
            (cons (cons name value) (epg-context-result context))))))

;;; Running gpg

(defun epg--base-args (context) "The options every gpg run of CONTEXT gets."
  (append (list "--no-tty" "--batch" "--yes")
          (let ((home (epg-context-home-directory context)))
            (and home (list "--homedir" (expand-file-name home))))
          (and (epg-context-armor context) (list "--armor"))
          (and (epg-context-textmode context) (list "--textmode"))
          (let ((mode (epg-context-pinentry-mode context)))
            (and mode (list "--pinentry-mode" (symbol-name mode))))))

(defun epg--status-lines (file) "The (KEYWORD . ARGS-TEXT) of each status line gpg wrote to FILE."
  (let (lines)
    (with-temp-buffer
      (insert-file-contents file)
      (goto-char (point-min))
      (while (re-search-forward "^\\[GNUPG:\\] \\([A-Z_0-9]+\\) ?\\(.*\\)$" nil t)
        (push (cons (match-string 1) (match-string 2)) lines)))
    (nreverse lines)))

(defun epg--run (context operation args &optional input)
  "Run CONTEXT's program with ARGS for OPERATION, INPUT (a string) on its standard input.
Give what it wrote to standard output, as a unibyte string; the status
lines become CONTEXT's result."
  (let ((status-file (make-temp-file "epg-status"))
        (error-file (make-temp-file "epg-error"))
        (input-file (and input (make-temp-file "epg-input"))))
    (unwind-protect
        (progn
          (when input
            (let ((coding-system-for-write 'binary))
              (write-region (if (multibyte-string-p input) (encode-coding-string input 'utf-8) input)
                            nil input-file nil 'silent)))
          (setf (epg-context-operation context) operation
                (epg-context-result context) nil)
          (with-temp-buffer
            (set-buffer-multibyte nil)
            (let* ((coding-system-for-read 'binary)
                   (code (apply #'call-process (epg-context-program context) input-file
                                (list t error-file) nil
                                (append (epg--base-args context)
                                        (list "--status-file" status-file)
                                        args)))
                   (statuses (epg--status-lines status-file)))
              (setf (epg-context-error-output context)
                    (with-temp-buffer (insert-file-contents error-file) (buffer-string)))
              (when epg-debug
                (with-current-buffer (get-buffer-create "*epg-debug*")
                  (goto-char (point-max))
                  (insert (format "%S => %s\n" args code))
                  (dolist (s statuses) (insert (format "[GNUPG:] %s %s\n" (car s) (cdr s))))))
              (epg--read-statuses context statuses)
              (epg-context-set-result-for context 'exit-code code)
              (buffer-string))))
      (dolist (f (list status-file error-file input-file))
        (when (and f (file-exists-p f)) (delete-file f))))))

(defconst epg--signature-statuses
  '(("GOODSIG" . good) ("EXPSIG" . expired) ("EXPKEYSIG" . expired-key)
    ("REVKEYSIG" . revoked-key) ("BADSIG" . bad))
  "Status keywords that start a signature, and the status each gives it.")

(defun epg--read-statuses (context statuses) "Record in CONTEXT's result what STATUSES say."
  (let ((sigs nil) (errors nil))
    (dolist (s statuses)
      (let ((words (split-string (cdr s) " ")))
        (pcase (car s)
          ((and kw (guard (assoc kw epg--signature-statuses)))
           (let ((sig (epg-make-signature (cdr (assoc kw epg--signature-statuses)) (car words))))
             (let ((uid (mapconcat #'identity (cdr words) " ")))
               (when (and (car words) (> (length uid) 0))
                 (push (cons (car words) uid) epg-user-id-alist)))
             (push sig sigs)))
          ("ERRSIG"
           (let ((sig (epg-make-signature 'error (car words))))
             (setf (epg-signature-pubkey-algorithm sig) (string-to-number (or (nth 1 words) "0"))
                   (epg-signature-digest-algorithm sig) (string-to-number (or (nth 2 words) "0")))
             (push sig sigs)))
          ("VALIDSIG"
           (when sigs
             (let ((sig (car sigs)))
               (setf (epg-signature-fingerprint sig) (nth 0 words)
                     (epg-signature-creation-time sig) (nth 2 words)
                     (epg-signature-version sig) (string-to-number (or (nth 6 words) "0"))
                     (epg-signature-pubkey-algorithm sig) (string-to-number (or (nth 8 words) "0"))
                     (epg-signature-digest-algorithm sig) (string-to-number (or (nth 9 words) "0"))))))
          ((and kw (guard (string-prefix-p "TRUST_" kw)))
           (when sigs
             (setf (epg-signature-validity (car sigs))
                   (intern (downcase (substring kw (length "TRUST_")))))))
          ("DECRYPTION_FAILED" (push '(decryption-failed) errors))
          ("NO_SECKEY" (push (list 'no-seckey (cons 'key-id (car words))) errors))
          ("NO_PUBKEY" (push (list 'no-pubkey (cons 'key-id (car words))) errors))
          ("BAD_PASSPHRASE" (push (list 'bad-passphrase (cons 'key-id (car words))) errors))
          ("DECRYPTION_OKAY" (epg-context-set-result-for context 'decryption-okay t))
          ("IMPORT_OK" (push (list (string-to-number (car words)) (nth 1 words))
                             (alist-get 'import-status (epg-context-result context))))
          ("IMPORT_RES" (epg-context-set-result-for context 'import-result
                                                    (mapcar #'string-to-number words)))
          ("SIG_CREATED" (epg-context-set-result-for
                          context 'sign
                          (cons (list (intern (downcase (car words))) (nth 4 words))
                                (epg-context-result-for context 'sign))))
          ("FAILURE" (push (list 'failure (cons 'source (car words))) errors)))))
    (when sigs (epg-context-set-result-for context 'verify (nreverse sigs)))
    (when errors (epg-context-set-result-for context 'error (nreverse errors)))))

(defun epg--check (context what output)
  "Signal `epg-error' saying WHAT failed when CONTEXT's run failed; else give OUTPUT."
  (let ((code (epg-context-result-for context 'exit-code))
        (errors (epg-context-result-for context 'error)))
    (if (and (eq code 0) (not (assq 'decryption-failed errors)))
        output
      (signal 'epg-error (list what (or errors (string-trim (epg-context-error-output context))))))))

;;; Operations

(defun epg--key-ids (keys) "The ids gpg knows KEYS (`epg-key' objects) by."
  (mapcar (lambda (key) (epg-sub-key-id (car (epg-key-sub-key-list key)))) keys))

(defun epg--signer-args (context) "The --local-user options for CONTEXT's signers."
  (cl-mapcan (lambda (id) (list "-u" id)) (epg--key-ids (epg-context-signers context))))

(defun epg-decrypt-string (context cipher) "Decrypt CIPHER with CONTEXT and give the plain text."
  (epg--check context "Decryption failed"
              (epg--run context 'decrypt '("--decrypt") cipher)))

(defun epg-decrypt-file (context cipher plain)
  "Decrypt file CIPHER with CONTEXT into file PLAIN, or give the text when PLAIN is nil."
  (let ((out (epg-decrypt-string context (with-temp-buffer
                                           (set-buffer-multibyte nil)
                                           (insert-file-contents-literally cipher)
                                           (buffer-string)))))
    (if plain
        (let ((coding-system-for-write 'binary)) (write-region out nil plain nil 'silent))
      out)))

(defun epg-encrypt-string (context plain recipients &optional sign always-trust)
  "Encrypt PLAIN with CONTEXT for RECIPIENTS (keys), or with a passphrase when RECIPIENTS is nil.
SIGN also signs it with CONTEXT's signers; ALWAYS-TRUST trusts the recipients' keys."
  (epg--check context "Encrypt failed"
              (epg--run context 'encrypt
                        (append (if recipients
                                    (cons "--encrypt"
                                          (cl-mapcan (lambda (id) (list "-r" id))
                                                     (epg--key-ids recipients)))
                                  (list "--symmetric"))
                                (and sign (cons "--sign" (epg--signer-args context)))
                                (and always-trust (list "--always-trust")))
                        plain)))

(defun epg-sign-string (context plain &optional mode)
  "Sign PLAIN with CONTEXT's signers: MODE nil a normal signature, t a detached one, `clear' clear text."
  (epg--check context "Sign failed"
              (epg--run context 'sign
                        (append (list (pcase mode
                                        ('nil "--sign")
                                        ((or 't 'detached) "--detach-sign")
                                        ((or 'clear 'clearsign) "--clearsign")
                                        (_ "--sign")))
                                (epg--signer-args context))
                        plain)))

(defun epg-verify-string (context signature &optional signed-text)
  "Verify SIGNATURE with CONTEXT; give the signed text (nil for a detached SIGNED-TEXT).
The signatures found are `(epg-context-result-for CONTEXT \\='verify)'."
  (if signed-text
      (let ((sig-file (make-temp-file "epg-signature")))
        (unwind-protect
            (progn
              (let ((coding-system-for-write 'binary))
                (write-region signature nil sig-file nil 'silent))
              (epg--run context 'verify (list "--verify" sig-file "-") signed-text)
              nil)
          (delete-file sig-file)))
    (epg--run context 'verify '("--decrypt") signature)))

(defun epg-import-keys-from-string (context keys) "Import the keys in KEYS with CONTEXT."
  (epg--check context "Import keys failed" (epg--run context 'import-keys '("--import") keys))
  nil)

(defun epg-import-keys-from-file (context keys) "Import the keys in file KEYS with CONTEXT."
  (epg--check context "Import keys failed"
              (epg--run context 'import-keys (list "--import" (expand-file-name keys))))
  nil)

(defun epg-export-keys-to-string (context keys) "The keys KEYS exported with CONTEXT."
  (epg--check context "Export keys failed"
              (epg--run context 'export-keys (cons "--export" (epg--key-ids keys)))))

(defun epg--colon-fields (line) "The fields of a --with-colons LINE."
  (split-string line ":"))

(defun epg--validity (text) "The validity symbol of a --with-colons validity TEXT."
  (cdr (assoc text '(("o" . unknown) ("i" . invalid) ("d" . disabled) ("r" . revoked)
                     ("e" . expired) ("-" . none) ("q" . undefined) ("n" . never)
                     ("m" . marginal) ("f" . full) ("u" . ultimate)))))

(defun epg--capabilities (text) "The capability symbols of a --with-colons TEXT."
  (delq nil (mapcar (lambda (c) (cdr (assq c '((?e . encrypt) (?s . sign) (?c . certify)
                                               (?a . authentication)))))
                    (string-to-list text))))

(defun epg-list-keys (context &optional name mode)
  "The keys CONTEXT knows whose user id matches NAME (a string or a list); with MODE the secret ones."
  (let* ((names (if (listp name) name (list name)))
         (text (epg--run context 'list-keys
                         (append (list "--with-colons" "--with-fingerprint" "--fixed-list-mode"
                                       (if mode "--list-secret-keys" "--list-keys"))
                                 (and names (cons "--" names)))))
         (keys nil) (last-sub nil))
    (dolist (line (split-string text "\n" t))
      (let ((f (epg--colon-fields line)))
        (pcase (car f)
          ((or "pub" "sec")
           (let ((key (epg-make-key (epg--validity (nth 8 f)))))
             (push key keys)
             (setq last-sub nil)
             (setq f (cons (car f) (cdr f)))
             (setq last-sub (epg--add-sub-key key f (equal (car f) "sec")))))
          ((or "sub" "ssb")
           (when keys (setq last-sub (epg--add-sub-key (car keys) f (equal (car f) "ssb")))))
          ("fpr" (when last-sub (setf (epg-sub-key-fingerprint last-sub) (nth 9 f))))
          ("uid" (when keys
                   (setf (epg-key-user-id-list (car keys))
                         (append (epg-key-user-id-list (car keys))
                                 (list (epg-make-user-id (epg--validity (nth 1 f)) (nth 9 f))))))))))
    (nreverse keys)))

(defun epg--add-sub-key (key fields secret) "Add to KEY the sub key FIELDS describe; give it."
  (let ((sub (epg-make-sub-key (epg--validity (nth 1 fields)) (epg--capabilities (nth 11 fields))
                               secret (string-to-number (nth 3 fields))
                               (string-to-number (nth 2 fields)) (nth 4 fields)
                               (nth 5 fields) (let ((e (nth 6 fields))) (and (> (length e) 0) e)))))
    (setf (epg-key-sub-key-list key) (append (epg-key-sub-key-list key) (list sub)))
    sub))

(provide 'epg)
;;; epg.el ends here
