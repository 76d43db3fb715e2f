;;; code-cache-warm.el --- the run whose compiled code the build keeps  -*- lexical-binding: t -*-

;; scripts/build.mjs runs this once after making the default image, as the first start of the
;; new build: the launcher then writes V8's code cache (dist/tsmacs-core.jsc) at its exit, and the
;; cache holds the bytecode of every function that run compiled.  A bare start would leave out
;; everything editing needs (inserting, searching, regexps, syntax scanning, match data), which
;; each later program then parsed and compiled from source at its first use.  So this touches the
;; common editing primitives a little each, in no particular program's order; what it computes
;; is thrown away.  Nothing here may depend on the machine, the clock or the files around.

(defconst code-cache-warm--text
  ";; Some Lisp to edit.
(defun code-cache-warm-sample (a &optional b)
  \"Add A and B; a \\\"quoted\\\" word and a (paren) in a doc string.\"
  (let ((c (or b 1)) (v [1 2 (3 . 4) \"four\"]))
    (if (> a 10) `(many ,a ,@(list c)) (list ?\\( 'x (+ a c (length v)) #x2A 2.5e2))))
"
  "Text the warm-up edits: a definition with strings, chars, vectors and quoting.")

(defun code-cache-warm--buffer ()
  "Fill a temporary buffer with copies of the sample and work on it."
  (with-temp-buffer
    (dotimes (_ 40) (insert code-cache-warm--text))
    (insert-char ?\s 3)
    (insert "tail words here\n")
    (goto-char (point-min))
    ;; Searching: regexps with groups and anchors, literals, both directions.
    (while (re-search-forward "^(defun \\([a-z-]+\\) .*$" nil t)
      (ignore (match-string 1) (match-beginning 0) (match-end 1)))
    (goto-char (point-min))
    (dotimes (_ 30)
      (goto-char (point-min))
      (re-search-forward "doc string\\.\"\n  (let" nil t))
    (goto-char (point-max))
    (while (re-search-backward "[0-9]+\\.[0-9]+e[0-9]" nil t))
    (goto-char (point-min))
    (re-search-forward "no such text" nil t)
    (goto-char (point-max))
    (search-backward "no such text" nil t)
    (goto-char (point-min))
    (while (search-forward "four" nil t)
      (replace-match "FOUR" t t))
    (goto-char (point-min))
    (while (re-search-forward "\\(many\\) \\(,a\\)" nil t)
      (replace-match "\\2 \\1"))
    (goto-char (point-min))
    (let ((case-fold-search t))
      (search-forward "SAMPLE" nil t)
      (looking-at "[ \t]*(a &optional")
      (looking-back "sample" (line-beginning-position)))
    ;; Text that is not all ASCII takes the JS matcher (the WebAssembly one reads only ASCII
    ;; text): the same kinds of search once more, after a line of accented words.
    (goto-char (point-max))
    (insert "caf\u00e9 na\u00efve r\u00e9sum\u00e9\n")
    (dolist (re '("^(defun \\([a-z-]+\\) .*$" "[0-9]+\\.[0-9]+e[0-9]" "r\u00e9sum\u00e9$" "no such text"))
      (goto-char (point-min))
      (while (re-search-forward re nil t) (ignore (match-string 0)))
      (goto-char (point-max))
      (while (re-search-backward re nil t)))
    (dotimes (_ 30)
      (goto-char (point-min))
      (re-search-forward "doc string\\.\"\n  (let" nil t))
    ;; Syntax: parsing whole and in steps, sexp motion, comments, skipping.
    (with-syntax-table emacs-lisp-mode-syntax-table
      (let ((state nil) (pos (point-min)))
        (parse-partial-sexp (point-min) (point-max))
        (while (< pos (point-max))
          (let ((next (min (point-max) (+ pos 500))))
            (setq state (parse-partial-sexp pos next nil nil state))
            (setq pos next))))
      (goto-char (point-min))
      (forward-comment 1)
      (dotimes (_ 60) (condition-case nil (forward-sexp 1) (scan-error nil)))
      (goto-char (point-min))
      (ignore (scan-lists (point) 1 0) (syntax-ppss (/ (point-max) 2)))
      (skip-syntax-forward "^(")
      (forward-word 2)
      (skip-chars-forward "^\n")
      (forward-line 3)
      (ignore (char-after) (char-before) (bolp) (eolp) (current-column)))
    ;; Line and region work.
    (goto-char (point-min))
    (while (not (eobp)) (end-of-line) (forward-line 1))
    (ignore (count-lines (point-min) (point-max)) (line-number-at-pos))
    (let ((s (buffer-substring (point-min) (min (point-max) 400))))
      (ignore (string-match "(\\(let\\)" s) (split-string s "\n" t) (upcase s)))
    (delete-region (point-min) (min (point-max) 100))
    (goto-char (point-min))
    (insert (format "%s %d %S\n" "head" 42 '(a "b")))
    (buffer-string)))

(code-cache-warm--buffer)
(kill-emacs)

;;; code-cache-warm.el ends here
