;;; prog-mode.el --- Prettify Symbols mode and the indentation helpers of programming modes  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's manual and observed behaviour.
;;
;; `prog-mode' itself, and the variables below that must exist before
;; anything is loaded, are in modes.el.  What is here loads on first use
;; (autoloads.el).
;;
;; Prettify Symbols mode shows symbols such as `lambda' as one character.
;; GNU does this through font-lock: a keyword whose regexp matches the
;; symbols of `prettify-symbols-alist' and whose highlighter composes
;; each match.  tsmacs has no font-lock, so the keyword is computed and
;; kept as GNU keeps it, and the composing function works on the match
;; data it is given, but nothing runs it by itself after each redisplay.

;;;; Reindenting code

(defun prog-first-column () "Return the column at which top-level code starts: the car of `prog-indentation-context', or 0."
  (if prog-indentation-context (car prog-indentation-context) 0))

(defun prog-indent-sexp (&optional defun) "Reindent the expression that starts at point.
Inside a string or comment, that is the one the string or comment
starts.  With DEFUN non-nil, reindent the whole top-level form around
point instead."
  (interactive "P")
  (let ((span (save-excursion
                (if defun
                    (let ((end (progn (end-of-defun) (point))))
                      (cons (progn (beginning-of-defun) (point)) end))
                  (let ((in-literal (nth 8 (syntax-ppss))))
                    (if in-literal (goto-char in-literal)))
                  (cons (point) (progn (forward-sexp 1) (point)))))))
    (indent-region (car span) (cdr span))))

;;;; Prettify Symbols mode

(defun prettify-symbols--make-keywords () "Return the font-lock keywords composing the symbols of `prettify-symbols-alist', or nil if it is empty."
  (let ((table prettify-symbols-alist))
    (and table
         (let ((highlight `(prettify-symbols--compose-symbol ',table)))
           (list (list (regexp-opt (mapcar #'car table) t)
                       (list 0 highlight)))))))

(defun prettify-symbols-default-compose-p (start end _match) "Return non-nil if the text from START to END may be shown composed.
It may if it is neither inside a string or comment nor glued to a
neighbouring word or symbol of the same kind."
  (let* ((edge-kinds (lambda (pos) (if (memq (char-syntax (char-after pos)) '(?w ?_))
                                       '(?w ?_)
                                     '(?. ?\\))))
         (before (funcall edge-kinds start))
         (after (funcall edge-kinds (1- end))))
    (not (or (and (> start (point-min))
                  (memq (char-syntax (char-before start)) before))
             (and (< end (point-max))
                  (memq (char-syntax (char-after end)) after))
             (nth 8 (syntax-ppss))))))

(defun prettify-symbols--compose-symbol (alist) "Compose the text of the last match by the glyph ALIST gives it; return nil.
The match is that of a `prettify-symbols--make-keywords' keyword; the
composed text records where it starts and ends, so that it can be
shown plainly again."
  (let* ((span (list (match-beginning 0) (match-end 0)))
         (text (apply #'buffer-substring span)))
    (when (apply prettify-symbols-compose-predicate (append span (list text)))
      (with-silent-modifications
        (put-text-property (car span) (cadr span) 'composition
                           (list (cons (- (cadr span) (car span))
                                       (cdr (assoc text alist)))))
        (add-text-properties (car span) (cadr span)
                             (list 'prettify-symbols-start (car span)
                                   'prettify-symbols-end (cadr span)))))
    nil))

(defun prettify-symbols--uncompose (from to) "Take the composition off the text from FROM to TO, leaving the buffer's modified flag alone."
  (with-silent-modifications
    (remove-text-properties from to '(composition nil))))

(defun prettify-symbols--edges-at (pos) "Return (START END) of the prettified text covering POS, or nil."
  (let ((from (get-text-property pos 'prettify-symbols-start))
        (to (get-text-property pos 'prettify-symbols-end)))
    (and from to (list from to))))

(defun prettify-symbols--post-command-hook () "Show plainly the prettified symbol point is in, as `prettify-symbols-unprettify-at-point' asks.
When point has left the symbol shown plainly before, it may be
composed again."
  (let ((here (or (prettify-symbols--edges-at (point))
                  (and (eq prettify-symbols-unprettify-at-point 'right-edge)
                       (> (point) (point-min))
                       (prettify-symbols--edges-at (1- (point)))))))
    (when (and prettify-symbols--current-symbol-bounds
               (not (equal here prettify-symbols--current-symbol-bounds)))
      (when (fboundp 'font-lock-flush)
        (apply #'font-lock-flush prettify-symbols--current-symbol-bounds))
      (setq prettify-symbols--current-symbol-bounds nil))
    (when here
      (apply #'prettify-symbols--uncompose here)
      (setq prettify-symbols--current-symbol-bounds here))))

(defconst prettify-symbols--props '(composition prettify-symbols-start prettify-symbols-end)
  "The text properties Prettify Symbols mode puts on the text it composes.")

(defun prettify-symbols--switch-on () "Set up the buffer for Prettify Symbols mode, if it has symbols to prettify."
  (setq prettify-symbols--keywords (prettify-symbols--make-keywords))
  (when prettify-symbols--keywords
    (if (fboundp 'font-lock-add-keywords)
        (font-lock-add-keywords nil prettify-symbols--keywords))
    (let ((missing (seq-remove (lambda (p) (memq p font-lock-extra-managed-props))
                               prettify-symbols--props)))
      (when missing
        (setq-local font-lock-extra-managed-props
                    (append font-lock-extra-managed-props missing))))
    (if prettify-symbols-unprettify-at-point
        (add-hook 'post-command-hook #'prettify-symbols--post-command-hook nil t))
    (if (fboundp 'font-lock-flush) (font-lock-flush))))

(defun prettify-symbols--switch-off () "Undo what `prettify-symbols--switch-on' did, and show every symbol as written."
  (remove-hook 'post-command-hook #'prettify-symbols--post-command-hook t)
  (if (and prettify-symbols--keywords (fboundp 'font-lock-remove-keywords))
      (font-lock-remove-keywords nil prettify-symbols--keywords))
  (setq prettify-symbols--keywords nil)
  (when (memq (car prettify-symbols--props) font-lock-extra-managed-props)
    (setq font-lock-extra-managed-props
          (delq (car prettify-symbols--props)
                (copy-sequence font-lock-extra-managed-props)))
    (prettify-symbols--uncompose (point-min) (point-max))))

(define-minor-mode prettify-symbols-mode
  "Show the symbols of `prettify-symbols-alist' as single characters in this buffer.
The buffer's text does not change: only how it is displayed.  With
`prettify-symbols-unprettify-at-point', the symbol at point is shown
as written."
  :global nil
  (funcall (if prettify-symbols-mode
               #'prettify-symbols--switch-on
             #'prettify-symbols--switch-off)))

(defun turn-on-prettify-symbols-mode () "Turn on Prettify Symbols mode if the buffer has symbols to prettify."
  (when (or prettify-symbols-alist (default-value 'prettify-symbols-alist))
    (prettify-symbols-mode 1)))

(define-globalized-minor-mode global-prettify-symbols-mode
  prettify-symbols-mode turn-on-prettify-symbols-mode)

(defun prog--statement-indentation (pos) "The indentation of the line where the statement holding POS begins.
Lines inside the parentheses or brackets the statement opens count as
its own: the search goes out of them to the line that opened them."
  (save-excursion
    (goto-char pos)
    (let (open)
      (while (and (setq open (nth 1 (syntax-ppss (line-beginning-position))))
                  (memq (char-after open) '(?\( ?\[)))
        (goto-char open)))
    (current-indentation)))

(provide 'prog-mode)
