;;; files.el --- file-name functions written in Lisp  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; --- file names (files.el), without regexps; no remote names or handlers ---
(defun files--version-tail-p (name from end)
  "Non-nil if NAME[FROM..END) is a backup version body: version chars, optionally ~DIGITS."
  (let ((i from))
    (while (and (< i end)
                (let ((c (aref name i)))
                  (or (and (>= c ?a) (<= c ?z)) (and (>= c ?A) (<= c ?Z))
                      (and (>= c ?0) (<= c ?9)) (>= c 128)
                      (memq c '(?- ?: ?# ?@ ?^ ?. ?_)))))
      (setq i (1+ i)))
    (and (> i from)
         (or (= i end)
             (and (eq (aref name i) ?~)
                  (< (1+ i) end)
                  (let ((j (1+ i)))
                    (while (and (< j end) (>= (aref name j) ?0) (<= (aref name j) ?9))
                      (setq j (1+ j)))
                    (= j end)))))))
(defun files--version-start (name)
  "Index where NAME's version or backup suffix (\".~V~\" or \"~\") starts, or nil."
  (let ((n (length name)))
    (when (and (> n 0) (eq (aref name (1- n)) ?~))
      (let ((i 0) (found nil))
        (while (and (not found) (< (+ i 2) (1- n)))
          (if (and (eq (aref name i) ?.) (eq (aref name (1+ i)) ?~)
                   (files--version-tail-p name (+ i 2) (1- n)))
              (setq found i)
            (setq i (1+ i))))
        (or found (1- n))))))
(defun file-name-sans-versions (name &optional keep-backup-version)
  "Return NAME without a trailing version or backup suffix (kept when KEEP-BACKUP-VERSION)."
  (substring name 0 (unless keep-backup-version (files--version-start name))))
(defun files--extension-dot (file)
  "Index of the last period of FILE when it starts an extension (not at 0), else nil."
  (let ((i (1- (length file))))
    (while (and (>= i 0) (not (eq (aref file i) ?.)))
      (setq i (1- i)))
    (and (> i 0) i)))
(defun file-name-extension (filename &optional period)
  "Return FILENAME's extension (after its last period, not counting a leading one), or nil.
With PERIOD, include the period, and return \"\" when there is no extension."
  (let* ((file (file-name-sans-versions (file-name-nondirectory filename)))
         (dot (files--extension-dot file)))
    (cond (dot (substring file (if period dot (1+ dot))))
          (period ""))))
(defun file-name-sans-extension (filename)
  "Return FILENAME without its extension."
  (let* ((file (file-name-sans-versions (file-name-nondirectory filename)))
         (dot (files--extension-dot file)))
    (if (null dot)
        filename
      (concat (or (file-name-directory filename) "") (substring file 0 dot)))))
(defun file-name-base (&optional filename)
  "Return FILENAME without its directory and extension."
  (file-name-sans-extension (file-name-nondirectory filename)))
(defun file-relative-name (filename &optional directory)
  "Return FILENAME relative to DIRECTORY (default `default-directory')."
  (let ((dir (file-name-as-directory (expand-file-name (or directory default-directory))))
        (file (expand-file-name filename))
        (up "."))
    ;; Climb from DIR until it is a prefix of FILE (or of FILE as a directory).
    (while (not (or (string-prefix-p dir (file-name-as-directory file))
                    (string-prefix-p dir file)))
      (setq dir (file-name-directory (substring dir 0 -1)))
      (setq up (if (equal up ".") ".." (concat "../" up))))
    (if (not (string-prefix-p dir file))
        up
      (let ((rest (substring file (length dir))))
        (if (and (equal up ".") (not (equal rest "")))
            rest
          (concat (file-name-as-directory up) rest))))))
(defun file-name-quoted-p (name &optional _top)
  "Return non-nil if NAME starts with the quoting prefix \"/:\"."
  (string-prefix-p "/:" name))
(defun file-name-quote (name &optional top)
  "Return NAME with the quoting prefix \"/:\" (unchanged if already quoted)."
  (if (file-name-quoted-p name top) name (concat "/:" name)))
(defun file-name-unquote (name &optional top)
  "Return NAME without its quoting prefix \"/:\"."
  (cond ((not (file-name-quoted-p name top)) name)
        ;; Unquoting "/:" alone leaves the root.
        ((equal name "/:") "/")
        (t (substring name 2))))
