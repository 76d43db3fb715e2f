;;; whitespace.el --- show blanks and clean up the bad ones  -*- lexical-binding: t -*-

;; Part of tsmacs.  Written from GNU Emacs 28.2's manual ("Useless Whitespace") and from how
;; GNU's commands behave when run.
;;
;; Two halves.  Visualizing: `whitespace-mode' marks the kinds of blank named in
;; `whitespace-style' with faces (Font Lock keywords) and, for `space-mark', `tab-mark' and
;; `newline-mark', with glyphs in the buffer's display table, saved when the mode starts and put
;; back when it ends.  As in GNU, the mode itself does nothing in a batch session; its two halves,
;; `whitespace-turn-on' and `whitespace-turn-off', do.  Cleaning: `whitespace-cleanup' and
;; `whitespace-cleanup-region' fix what the style names: blank lines at the ends of the buffer
;; (`empty'), blanks at line ends (`trailing'), indentation of the wrong kind (`indentation'),
;; spaces before a tab (`space-before-tab') and runs of `tab-width' spaces after one
;; (`space-after-tab').  The plain kinds follow `indent-tabs-mode'; a `::tab' kind always makes
;; tabs and a `::space' kind always makes spaces.

;;; Code:

;; A display table has six extra slots (truncation, continuation... glyphs) in GNU.
(unless (get 'display-table 'char-table-extra-slots) (put 'display-table 'char-table-extra-slots 6))

(defgroup whitespace nil "Showing and cleaning up blanks." :group 'convenience)

(defcustom whitespace-style
  '(face tabs spaces trailing lines space-before-tab newline indentation empty space-after-tab
         space-mark tab-mark newline-mark missing-newline-at-eof)
  "The kinds of blank Whitespace mode shows and `whitespace-cleanup' fixes.
Faces: face, tabs, spaces, trailing, lines, lines-tail, newline, empty,
indentation (and ::tab, ::space), big-indent, space-after-tab (and ::tab,
::space), space-before-tab (and ::tab, ::space), missing-newline-at-eof.
Display table marks: space-mark, tab-mark, newline-mark."
  :type '(repeat symbol) :group 'whitespace)

(defcustom whitespace-action nil
  "What happens besides showing: a list of cleanup, report-on-bogus, auto-cleanup,
abort-on-bogus and warn-if-read-only."
  :type '(repeat symbol) :group 'whitespace)

(defcustom whitespace-display-mappings
  '((space-mark 32 [183] [46]) (space-mark 160 [164] [95])
    (newline-mark 10 [36 10]) (tab-mark 9 [187 9] [92 9]))
  "How marks show blanks: entries (KIND CHAR VECTOR...), the first VECTOR all of whose
characters the display can show being used."
  :type '(repeat (list symbol character (repeat :inline t vector))) :group 'whitespace)

(defcustom whitespace-line-column 80 "Lines longer than this are long for `lines' and `lines-tail'; nil means `fill-column'."
  :type '(choice integer (const nil)) :group 'whitespace)
(defcustom whitespace-global-modes t "Major modes where Global Whitespace mode applies: t, a list, or (not MODE...)."
  :type 'sexp :group 'whitespace)

(defcustom whitespace-space-regexp "\\( +\\)" "Regexp whose first group is a run of spaces." :type 'regexp :group 'whitespace)
(defcustom whitespace-hspace-regexp "\\(\u00A0+\\)" "Regexp whose first group is a run of no-break spaces." :type 'regexp :group 'whitespace)
(defcustom whitespace-tab-regexp "\\(\t+\\)" "Regexp whose first group is a run of tabs." :type 'regexp :group 'whitespace)
(defcustom whitespace-trailing-regexp "\\([\t \u00A0]+\\)$" "Regexp whose first group is the blanks ending a line." :type 'regexp :group 'whitespace)
(defcustom whitespace-space-before-tab-regexp "\\( +\\)\\(\t+\\)" "Regexp: spaces (group 1) followed by tabs (group 2)." :type 'regexp :group 'whitespace)
(defcustom whitespace-indentation-regexp
  '("^\t*\\(\\( \\{%d\\}\\)+\\)[^\n\t]" . "^ *\\(\t+\\)[^\n]")
  "Bad indentation: (SPACES . TABS), the first with %d for `tab-width'." :type '(cons regexp regexp) :group 'whitespace)
(defcustom whitespace-empty-at-bob-regexp "\\`\\(\\([ \t]*\n\\)+\\)" "Regexp for the blank lines opening the buffer." :type 'regexp :group 'whitespace)
(defcustom whitespace-empty-at-eob-regexp "^\\([ \t\n]+\\)\\'" "Regexp for the blank lines closing the buffer." :type 'regexp :group 'whitespace)
(defcustom whitespace-space-after-tab-regexp
  '("\t+\\(\\( \\{%d,\\}\\)+\\)" . "\\(\t+\\) \\{%d,\\}")
  "Spaces after a tab: (SPACES . TABS), each with %d for `tab-width'." :type '(cons regexp regexp) :group 'whitespace)
(defcustom whitespace-big-indent-regexp "^\\(\\(?:\t\\{4,\\}\\| \\{32,\\}\\)[\t ]*\\)" "Regexp for a very deep indentation." :type 'regexp :group 'whitespace)

(defface whitespace-space '((t :foreground "lightgray")) "Face of spaces." :group 'whitespace)
(defface whitespace-hspace '((t :foreground "lightgray")) "Face of no-break spaces." :group 'whitespace)
(defface whitespace-tab '((t :foreground "lightgray")) "Face of tabs." :group 'whitespace)
(defface whitespace-newline '((t :foreground "lightgray" :weight normal)) "Face of newline marks." :group 'whitespace)
(defface whitespace-trailing '((t :background "red1" :foreground "yellow" :weight bold)) "Face of trailing blanks." :group 'whitespace)
(defface whitespace-line '((t :background "gray20" :foreground "violet")) "Face of the part of a line past `whitespace-line-column'." :group 'whitespace)
(defface whitespace-space-before-tab '((t :background "DarkOrange" :foreground "firebrick")) "Face of spaces before a tab." :group 'whitespace)
(defface whitespace-indentation '((t :background "yellow" :foreground "firebrick")) "Face of indentation of the wrong kind." :group 'whitespace)
(defface whitespace-big-indent '((t :background "red" :foreground "firebrick")) "Face of a very deep indentation." :group 'whitespace)
(defface whitespace-missing-newline-at-eof '((t :background "#d0d040" :foreground "black")) "Face of a last line with no newline." :group 'whitespace)
(defface whitespace-empty '((t :background "yellow" :foreground "firebrick")) "Face of blank lines at the ends of the buffer." :group 'whitespace)
(defface whitespace-space-after-tab '((t :background "yellow" :foreground "firebrick")) "Face of spaces after a tab." :group 'whitespace)

(defvar whitespace-active-style nil "The style in effect in this buffer while Whitespace mode is on.")
(make-variable-buffer-local 'whitespace-active-style)
(defvar whitespace-display-table nil "The display table Whitespace mode made for this buffer.")
(make-variable-buffer-local 'whitespace-display-table)
(defvar whitespace-display-table-was nil "`buffer-display-table' as it was before Whitespace mode changed it.")
(make-variable-buffer-local 'whitespace-display-table-was)
(defvar whitespace--table-saved nil "Non-nil once this buffer's own display table has been put aside.")
(make-variable-buffer-local 'whitespace--table-saved)
(defvar whitespace-font-lock-keywords nil "The Font Lock keywords Whitespace mode added to this buffer.")
(make-variable-buffer-local 'whitespace-font-lock-keywords)

;;; Cleaning up.

(defun whitespace--kind (variant)
  "Which blank a problem of style VARIANT (a symbol such as `indentation::tab') wants: `tab' or `space'."
  (let ((name (symbol-name variant)))
    (cond ((string-suffix-p "::tab" name) 'tab)
          ((string-suffix-p "::space" name) 'space)
          (indent-tabs-mode 'tab)
          (t 'space))))

(defun whitespace--tab-only-p (variant)
  "Non-nil when a cleanup of style VARIANT always makes tabs, whatever `indent-tabs-mode' says."
  (string-suffix-p "::tab" (symbol-name variant)))

(defun whitespace--style-variant (base)
  "The member of `whitespace-style' for the problem BASE (`indentation' say), or nil."
  (let ((prefix (symbol-name base)) found)
    (dolist (s whitespace-style)
      (when (and (not found) (symbolp s)
                 (or (eq s base) (string-prefix-p (concat prefix "::") (symbol-name s))))
        (setq found s)))
    found))

(defun whitespace--each-match (regexp start end fn)
  "Call FN after each match of REGEXP from START up to END (a marker)."
  (save-excursion
    (goto-char start)
    (let ((next (make-marker)))
      (while (and (< (point) end) (re-search-forward regexp end t))
        (set-marker next (if (= (match-beginning 0) (match-end 0)) (1+ (match-end 0)) (match-end 0)))
        (save-match-data (funcall fn))
        (goto-char (min next (point-max))))
      (set-marker next nil))))

(defun whitespace--clean-region (start end)
  "Fix the problems `whitespace-style' names between START and END (empty lines aside)."
  (let ((end (copy-marker end)) (tw tab-width)
        (by-mode (lambda (b e) (if indent-tabs-mode (tabify b e) (untabify b e)))))
    (unwind-protect
        (progn
          (when (memq 'trailing whitespace-style)
            (whitespace--each-match whitespace-trailing-regexp start end
                                    (lambda () (delete-region (match-beginning 1) (match-end 1)))))
          (let ((variant (whitespace--style-variant 'indentation)))
            (when variant
              (whitespace--each-match
               (if (eq (whitespace--kind variant) 'tab) (format (car whitespace-indentation-regexp) tw)
                 (cdr whitespace-indentation-regexp))
               start end
               (lambda ()
                 (let ((bol (line-beginning-position)))
                   (goto-char bol)
                   (skip-chars-forward " \t")
                   (funcall (if (whitespace--tab-only-p variant) #'tabify by-mode) bol (point)))))))
          (let ((variant (whitespace--style-variant 'space-before-tab)))
            (when variant
              (whitespace--each-match
               whitespace-space-before-tab-regexp start end
               (lambda ()
                 (funcall (pcase (whitespace--kind variant)
                            ((guard (not (string-match-p "::" (symbol-name variant)))) by-mode)
                            ('tab #'tabify) (_ #'untabify))
                          (match-beginning 0) (match-end 0))))))
          (let ((variant (whitespace--style-variant 'space-after-tab)))
            (when variant
              (if (eq (whitespace--kind variant) 'tab)
                  (whitespace--each-match
                   (format (car whitespace-space-after-tab-regexp) tw) start end
                   (lambda () (funcall (if (whitespace--tab-only-p variant) #'tabify by-mode)
                                       (match-beginning 0) (match-end 0))))
                ;; Spaces wanted: only the tabs (group 1) are touched.
                (whitespace--each-match
                 (format (cdr whitespace-space-after-tab-regexp) tw) start end
                 (lambda () (funcall by-mode (match-beginning 1) (match-end 1))))))))
      (set-marker end nil))))

(defun whitespace-warn-read-only (msg) "Say that MSG cannot be done in a read-only buffer, if `whitespace-action' asks for it."
  (and (memq 'warn-if-read-only whitespace-action)
       (message "Can't %s: %s is read-only" msg (buffer-name))))

(defun whitespace-cleanup-region (start end) "Fix, between START and END, the blank problems `whitespace-style' names.
Blank lines at the ends of the buffer are left to `whitespace-cleanup'."
  (interactive "@r")
  (cond (buffer-read-only (whitespace-warn-read-only "cleanup region"))
        ((> start end) (whitespace--clean-region end start))
        (t (whitespace--clean-region start end)))
  nil)

(defun whitespace--drop-blank-ends () "Delete the blank lines that open and close the buffer."
  (save-excursion
    ;; Opening: whole lines of blanks, up to the line of the first non-blank.
    (goto-char (point-min))
    (skip-chars-forward " \t\n")
    (let ((bol (line-beginning-position)))
      (when (> bol (point-min)) (delete-region (point-min) bol)))
    ;; Closing: from the line after the last non-blank to the end.
    (goto-char (point-max))
    (skip-chars-backward " \t\n")
    (let ((from (if (bolp) (point) (and (search-forward "\n" nil t) (point)))))
      (when (and from (< from (point-max))) (delete-region from (point-max))))))

(defun whitespace-cleanup () "Fix the blank problems `whitespace-style' names, in the region when it is active or with a prefix argument, else in the whole buffer.
On the whole buffer, with `empty' in the style, blank lines at its start and end go too."
  (interactive "@")
  (if buffer-read-only
      (whitespace-warn-read-only "cleanup")
    (if (or current-prefix-arg (and transient-mark-mode mark-active))
        (whitespace-cleanup-region (region-beginning) (region-end))
      (and (memq 'empty whitespace-style) (whitespace--drop-blank-ends))
      (whitespace-cleanup-region (point-min) (point-max)))))

;;; Showing.

(defun whitespace--displayable-vector (vectors)
  "The first of VECTORS whose characters can all be displayed, or nil."
  (let (found)
    (while (and vectors (not found))
      (let ((ok t))
        (mapc (lambda (c) (when (and (characterp c) (not (char-displayable-p c))) (setq ok nil))) (car vectors))
        (when ok (setq found (car vectors))))
      (setq vectors (cdr vectors)))
    found))

(defun whitespace--marks-on ()
  "Put the marks of `whitespace-style' into a display table of this buffer's own."
  (when (or (memq 'space-mark whitespace-active-style) (memq 'tab-mark whitespace-active-style)
            (memq 'newline-mark whitespace-active-style))
    (unless whitespace--table-saved
      (setq whitespace-display-table-was buffer-display-table
            whitespace--table-saved t))
    (let ((table (if buffer-display-table (copy-sequence buffer-display-table)
                   (make-char-table 'display-table))))
      (dolist (entry whitespace-display-mappings)
        (when (memq (car entry) whitespace-active-style)
          (let ((vec (whitespace--displayable-vector (cddr entry))))
            (when vec (aset table (nth 1 entry) (copy-sequence vec))))))
      (setq whitespace-display-table table
            buffer-display-table table))))

(defun whitespace--marks-off ()
  "Give the buffer back the display table it had before Whitespace mode."
  (when whitespace--table-saved
    (setq buffer-display-table whitespace-display-table-was
          whitespace-display-table-was nil
          whitespace-display-table nil
          whitespace--table-saved nil)))

(defun whitespace--keywords ()
  "The Font Lock keywords for the faces `whitespace-active-style' asks for."
  (let ((style whitespace-active-style) kws)
    (when (memq 'face style)
      (when (memq 'spaces style)
        (push (list whitespace-space-regexp 1 ''whitespace-space t) kws)
        (push (list whitespace-hspace-regexp 1 ''whitespace-hspace t) kws))
      (when (memq 'tabs style) (push (list whitespace-tab-regexp 1 ''whitespace-tab t) kws))
      (when (memq 'trailing style) (push (list whitespace-trailing-regexp 1 ''whitespace-trailing t) kws))
      (when (or (memq 'lines style) (memq 'lines-tail style))
        (let ((col (or whitespace-line-column fill-column)))
          (push (list (format "^\\([^\n]\\{%d\\}\\)\\([^\n]+\\)$" col)
                      (if (memq 'lines style) 0 2) ''whitespace-line 'prepend)
                kws)))
      (let ((v (whitespace--style-variant 'space-before-tab)))
        (when v (push (list whitespace-space-before-tab-regexp
                            (if (eq (whitespace--kind v) 'tab) 1 2) ''whitespace-space-before-tab t)
                      kws)))
      (let ((v (whitespace--style-variant 'indentation)))
        (when v (push (list (if (eq (whitespace--kind v) 'tab)
                                (format (car whitespace-indentation-regexp) tab-width)
                              (cdr whitespace-indentation-regexp))
                            1 ''whitespace-indentation t)
                      kws)))
      (when (memq 'big-indent style) (push (list whitespace-big-indent-regexp 1 ''whitespace-big-indent t) kws))
      (when (memq 'empty style)
        (push (list whitespace-empty-at-bob-regexp 1 ''whitespace-empty t) kws)
        (push (list whitespace-empty-at-eob-regexp 1 ''whitespace-empty t) kws))
      (let ((v (whitespace--style-variant 'space-after-tab)))
        (when v (push (list (format (if (eq (whitespace--kind v) 'tab) (car whitespace-space-after-tab-regexp)
                                      (cdr whitespace-space-after-tab-regexp))
                                    tab-width)
                            1 ''whitespace-space-after-tab t)
                      kws)))
      (when (memq 'missing-newline-at-eof style)
        (push (list "[^\n]\\'" 0 ''whitespace-missing-newline-at-eof t) kws)))
    (nreverse kws)))

(defun whitespace-turn-on () "Start showing the blanks `whitespace-style' names in this buffer."
  (setq whitespace-active-style (copy-sequence whitespace-style))
  (whitespace--marks-on)
  (whitespace--set-keywords (and (memq 'face whitespace-active-style) (whitespace--keywords))))

(defun whitespace--set-keywords (keywords) "Make KEYWORDS this buffer's Whitespace Font Lock keywords, replacing those it had."
  (let ((old whitespace-font-lock-keywords))
    (setq whitespace-font-lock-keywords keywords)
    (when old (font-lock-remove-keywords nil old))
    (when keywords (font-lock-add-keywords nil keywords t))
    (when (or old keywords) (font-lock-flush))))

(defun whitespace-turn-off () "Stop showing blanks in this buffer and restore its display table."
  (whitespace--set-keywords nil)
  (whitespace--marks-off)
  (setq whitespace-active-style nil))

(defun whitespace-action-when-on () "Do what `whitespace-action' asks for when Whitespace mode starts."
  (let ((actions whitespace-action))
    (if (memq 'cleanup actions) (whitespace-cleanup)
      (and (memq 'report-on-bogus actions) (whitespace-report nil t)))))

(defun whitespace-report-region (start end &optional force report-if-bogus) "Say which blank problems of `whitespace-style' occur between START and END.
Return non-nil when there is one.  With FORCE, look for all of them; with REPORT-IF-BOGUS
show the report only when something is wrong."
  (interactive "r")
  (let* ((style (if force '(empty trailing indentation space-before-tab space-after-tab) whitespace-style))
         (checks
          (list (cons 'empty (and (memq 'empty style)
                                  (save-excursion
                                    (goto-char (point-min))
                                    (or (and (looking-at whitespace-empty-at-bob-regexp) (<= (match-end 1) end)
                                             (>= (match-beginning 1) start))
                                        (and (re-search-forward whitespace-empty-at-eob-regexp nil t)
                                             (< (match-beginning 1) end))))))
                (cons 'trailing (and (memq 'trailing style)
                                     (save-excursion (goto-char start) (re-search-forward whitespace-trailing-regexp end t))))
                (cons 'indentation (and (whitespace--style-variant 'indentation)
                                        (save-excursion
                                          (goto-char start)
                                          (re-search-forward
                                           (if (eq (whitespace--kind (whitespace--style-variant 'indentation)) 'tab)
                                               (format (car whitespace-indentation-regexp) tab-width)
                                             (cdr whitespace-indentation-regexp))
                                           end t))))
                (cons 'space-before-tab (and (whitespace--style-variant 'space-before-tab)
                                             (save-excursion (goto-char start)
                                                             (re-search-forward whitespace-space-before-tab-regexp end t))))
                (cons 'space-after-tab (and (whitespace--style-variant 'space-after-tab)
                                            (save-excursion (goto-char start)
                                                            (re-search-forward (format (car whitespace-space-after-tab-regexp) tab-width)
                                                                               end t))))))
         (bogus (delq nil (mapcar (lambda (c) (and (cdr c) (car c))) checks))))
    (when (or (not report-if-bogus) bogus)
      (with-current-buffer (get-buffer-create "*Whitespace Report*")
        (let ((inhibit-read-only t))
          (erase-buffer)
          (insert " Whitespace Report\n\n Problems found:\n")
          (dolist (c checks) (insert (format "  %-18s %s\n" (car c) (if (cdr c) "yes" "no"))))
          (insert (format "\n indent-tabs-mode = %s\n tab-width        = %d\n" indent-tabs-mode tab-width)))))
    (and bogus t)))

(defun whitespace-report (&optional force report-if-bogus) "Say which blank problems of `whitespace-style' the buffer has; see `whitespace-report-region'."
  (interactive "P")
  (save-restriction (widen) (whitespace-report-region 1 (1+ (buffer-size)) force report-if-bogus)))

(define-minor-mode whitespace-mode "Toggle showing blanks (Whitespace mode) in this buffer; `whitespace-style' says which.
In a batch session nothing is shown and the mode stays off."
  :lighter " ws" :group 'whitespace
  (if (not whitespace-mode) (whitespace-turn-off)
    (if noninteractive
        (setq whitespace-mode nil)      ; nothing is ever shown in batch
      (whitespace-turn-on)
      (whitespace-action-when-on))))

(defconst whitespace--newline-style '(newline-mark newline face) "The style of the newline-only modes.")

(define-minor-mode whitespace-newline-mode "Toggle showing newlines (and only them) in this buffer."
  :lighter " nl" :group 'whitespace
  (let ((whitespace-style whitespace--newline-style))
    (whitespace-mode (if whitespace-newline-mode 1 -1))
    (setq whitespace-newline-mode whitespace-mode)))

(defun whitespace--wanted-here-p () "Non-nil when Global Whitespace mode applies to the current buffer."
  (unless (or noninteractive (memq (aref (buffer-name) 0) '(?\s ?*)))
    (pcase whitespace-global-modes
      ('t t)
      (`(not . ,modes) (not (apply #'derived-mode-p modes)))
      (modes (apply #'derived-mode-p modes)))))

(defun whitespace-turn-on-if-enabled () "Start Whitespace mode here when Global Whitespace mode applies."
  (when (whitespace--wanted-here-p) (whitespace-mode 1)))

(define-minor-mode global-whitespace-mode "Toggle Whitespace mode in every buffer `whitespace-global-modes' allows."
  :global t :lighter " WS" :group 'whitespace
  (if (and global-whitespace-mode (not noninteractive))
      (progn (add-hook 'find-file-hook #'whitespace-turn-on-if-enabled)
             (add-hook 'after-change-major-mode-hook #'whitespace-turn-on-if-enabled)
             (dolist (b (buffer-list)) (with-current-buffer b (whitespace-turn-on-if-enabled))))
    (setq global-whitespace-mode nil)
    (remove-hook 'find-file-hook #'whitespace-turn-on-if-enabled)
    (remove-hook 'after-change-major-mode-hook #'whitespace-turn-on-if-enabled)
    (dolist (b (buffer-list)) (with-current-buffer b (when whitespace-mode (whitespace-mode -1))))))

(define-minor-mode global-whitespace-newline-mode "Toggle showing newlines in every buffer."
  :global t :lighter " NL" :group 'whitespace
  (let ((whitespace-style whitespace--newline-style))
    (global-whitespace-mode (if global-whitespace-newline-mode 1 -1))
    (setq global-whitespace-newline-mode global-whitespace-mode)))

(defun whitespace-unload-function () "Turn Whitespace mode off everywhere before the library is unloaded."
  (global-whitespace-mode -1)
  (dolist (b (buffer-list)) (with-current-buffer b (when whitespace-active-style (whitespace-turn-off))))
  nil)

(provide 'whitespace)

;;; whitespace.el ends here
