;;; record-corpus.el --- record the differential corpus from GNU Emacs  -*- lexical-binding: t -*-

;; Usage: emacs -batch -Q -l scripts/record-corpus.el -f record-corpus-batch FILE.el
;; Writes one record line per top-level form of FILE.el to standard output.
;; The protocol is described in test/corpus/README.md; the TypeScript harness
;; implements the same one, so change both together.

(defun record-corpus-escape (s)
  "Return S with the record escapes applied, so that it fits on one line."
  (let ((out nil))
    (dotimes (i (length s))
      (let ((c (aref s i)))
        (cond
         ((eq c ?\\) (push "\\\\" out))
         ((eq c ?\n) (push "\\n" out))
         ((eq c ?\t) (push "\\t" out))
         ((eq c ?\r) (push "\\r" out))
         ;; Other control characters would be invisible or disturb a terminal.
         ((or (< c 32) (eq c 127)) (push (format "\\x%02x" c) out))
         ;; Raw bytes cannot be written as UTF-8: name the byte.
         ((>= c #x3fff80) (push (format "\\x%02x" (- c #x3fff00)) out))
         ;; Surrogates and chars beyond Unicode: name the Emacs code.
         ((or (> c #x10ffff) (and (>= c #xd800) (<= c #xdfff)))
          (push (format "\\u{%X}" c) out))
         (t (push (char-to-string c) out)))))
    (apply #'concat (nreverse out))))

(defun record-corpus-case (index form)
  "Evaluate FORM as case number INDEX and return its record line."
  (let* ((chars nil)
         (result
          (let ((standard-output (lambda (c) (push c chars))))
            (condition-case err
                (cons "=" (eval form t))
              (error (cons "!" err)))))
         (line (concat (number-to-string index) "\t" (car result)
                       (record-corpus-escape (prin1-to-string (cdr result))))))
    (if chars
        (concat line "\t>" (record-corpus-escape (apply #'string (nreverse chars))))
      line)))

(defun record-corpus-file (file)
  "Return the record lines of case FILE, read and evaluated form by form."
  (let ((text (with-temp-buffer
                (let ((coding-system-for-read 'utf-8-unix))
                  (insert-file-contents file))
                (buffer-string)))
        (pos 0) (index 0) (lines nil) (done nil))
    (while (not done)
      (let ((next (condition-case nil
                      (read-from-string text pos)
                    (end-of-file nil))))
        (if (null next)
            (progn
              (unless (string-match "\\`\\(?:[ \t\n\r\f]\\|;[^\n]*\\)*\\'"
                                    (substring text pos))
                (error "%s: unreadable text after case %d" file index))
              (setq done t))
          (setq pos (cdr next) index (1+ index))
          (push (record-corpus-case index (car next)) lines))))
    (nreverse lines)))

(defun record-corpus-batch ()
  "Record each case file named on the command line to standard output."
  (let ((files command-line-args-left))
    (setq command-line-args-left nil)
    (dolist (file files)
      (let ((out (mapconcat (lambda (l) (concat l "\n")) (record-corpus-file file) "")))
        (let ((coding-system-for-write 'utf-8-unix))
          (princ out))))))

;;; record-corpus.el ends here
