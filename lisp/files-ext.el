;;; files-ext.el --- file-name helpers of GNU's files.el, loaded on first use  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's manual and observed behaviour.
;; GNU preloads these; tsmacs autoloads them (lisp/autoloads.el).

(defun wildcard-to-regexp (wildcard) "A regexp matching the whole file names that the shell WILDCARD matches.
`*' and `?' match any characters but NUL, [...] is a character set
\([!...] its complement) and regexp-special characters stand for
themselves."
  (unless (stringp wildcard) (signal 'wrong-type-argument (list 'stringp wildcard)))
  (let ((i 0) (n (length wildcard)) (parts '()))
    (while (< i n)
      (let ((c (aref wildcard i)))
        (setq i (1+ i))
        (cond
         ((eq c ?*) (push "[^\0]*" parts))
         ((eq c ??) (push "[^\0]" parts))
         ((and (eq c ?\[) (< i n) (eq (aref wildcard i) ?\]))
          ;; "[]" cannot open a set: the bracket is literal.
          (push "\\[" parts))
         ((eq c ?\[)
          (let ((set "["))
            (cond ((and (< i n) (eq (aref wildcard i) ?!))
                   (setq set "[^" i (1+ i)))
                  ((and (< i n) (eq (aref wildcard i) ?^))
                   ;; A NUL first keeps a literal caret from negating.
                   (setq set "[\0^" i (1+ i))))
            (when (and (< i n) (eq (aref wildcard i) ?\]))
              (setq set (concat set "]") i (1+ i)))
            (let ((close (string-search "]" wildcard i)))
              (if close
                  (setq set (concat set (substring wildcard i (1+ close)))
                        i (1+ close))
                (setq set (concat set (substring wildcard i))
                      i n)))
            (push set parts)))
         ((memq c '(?. ?+ ?^ ?$ ?\\)) (push (string ?\\ c) parts))
         (t (push (string c) parts)))))
    (concat "\\`" (apply #'concat (nreverse parts)) "\\'")))

(defun shell-quote-wildcard-pattern (pattern) "Quote PATTERN for a shell, leaving its wildcard characters *, ?, [ and ] active."
  (let ((start 0) (parts '()))
    (while (string-match "[][*?]+" pattern start)
      (when (> (match-beginning 0) start)
        (push (shell-quote-argument (substring pattern start (match-beginning 0))) parts))
      (push (match-string 0 pattern) parts)
      (setq start (match-end 0)))
    (when (< start (length pattern))
      (push (shell-quote-argument (substring pattern start)) parts))
    (apply #'concat (nreverse parts))))

(defun convert-standard-filename (filename) "FILENAME made valid for this system; on GNU/Linux every name already is."
  filename)

(defun file-nlinks (filename) "The number of names (hard links) FILENAME has, or nil if it does not exist."
  (file-attribute-link-number (file-attributes filename)))

(defvar user-emacs-directory)
(defun locate-user-emacs-file (new-name &optional old-name) "The name of the file NEW-NAME in `user-emacs-directory'.
When OLD-NAME (relative to the home directory) exists and NEW-NAME
does not, OLD-NAME is used instead, as GNU does for older layouts."
  (let ((new (abbreviate-file-name (expand-file-name new-name user-emacs-directory))))
    (if (and old-name
             (not (file-exists-p new))
             (file-exists-p (expand-file-name old-name "~")))
        (abbreviate-file-name (expand-file-name old-name "~"))
      new)))

(defun files-ext--wild-p (name) "Non-nil if NAME holds a wildcard character."
  (string-match-p "[[*?]" name))

(defun file-expand-wildcards (pattern &optional full) "The existing files whose names match the shell wildcard PATTERN.
Wildcards may appear in directory parts too.  Names come as PATTERN
writes them (relative stays relative) unless FULL asks for absolute
ones.  Files of one directory are sorted; a wildcard directory part
gives its later matches first."
  (let* ((dir (file-name-directory pattern))
         (base (file-name-nondirectory pattern))
         (dirs (cond ((null dir) (list nil))
                     ((files-ext--wild-p dir)
                      (mapcar #'file-name-as-directory
                              (seq-filter #'file-directory-p
                                          (file-expand-wildcards
                                           (directory-file-name dir)))))
                     (t (list dir))))
         (found '()))
    (unless (string= base "")
      (dolist (d dirs)
        (let ((names
               (if (files-ext--wild-p base)
                   (and (file-directory-p (or d default-directory))
                        (seq-remove (lambda (f) (member f '("." "..")))
                                    (directory-files (or d default-directory) nil
                                                     (wildcard-to-regexp base))))
                 (and (file-exists-p (concat d base)) (list base)))))
          (push (mapcar (lambda (f)
                          (if full (expand-file-name f d) (concat d f)))
                        names)
                found))))
    (apply #'nconc found)))

(provide 'files-ext)
