;;; hi-lock.el --- highlight what a regexp matches, on demand or from the file  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A highlighting pattern is a Font Lock keyword (MATCHER (SUBEXP 'FACE
;; prepend)) whose matcher searches with the case folding and the
;; meaning of spaces chosen when the pattern was made.  Where Font Lock
;; runs, the patterns become keywords of the buffer; elsewhere each match
;; gets an overlay marked `hi-lock-overlay'.  Patterns can also be stored
;; in the file itself, on comment lines that start with "Hi-lock:".

;;; Code:

;; Font Lock is preloaded; its keywords carry the patterns where it runs.

(defgroup hi-lock nil "Highlighting text matched by regexps, interactively or from the file."
  :group 'font-lock :link '(custom-manual "(emacs)Highlight Interactively"))

(defgroup hi-lock-faces nil "The faces Hi Lock offers for highlighting."
  :group 'faces :group 'hi-lock)

(defcustom hi-lock-auto-select-face nil "Non-nil means the highlighting commands take the next unused face without asking."
  :group 'hi-lock :version "24.4" :type 'boolean)

(defcustom hi-lock-exclude-modes '(rmail-mode mime/viewer-mode gnus-article-mode term-mode)
  "Major modes in which Global Hi Lock mode leaves Hi Lock mode off."
  :group 'hi-lock :type '(repeat symbol))

(defcustom hi-lock-highlight-range 2000000 "Around point, how much of the buffer gets overlays when Font Lock does not run."
  :type 'integer :group 'hi-lock)

(defcustom hi-lock-file-patterns-policy 'ask "Whether the patterns stored in a file are used: `never', `ask', or a function of the patterns."
  :type (list 'choice
              '(const :tag "Do not use file patterns" never)
              '(const :tag "Ask about file patterns" ask)
              '(function :tag "Function to check file patterns"))
  :version "22.1" :group 'hi-lock)

(defcustom hi-lock-file-patterns-range 10000 "How far from the start of the buffer the \"Hi-lock:\" lines of a file are looked for."
  :group 'hi-lock :type 'integer)

;; The faces: a background in light or dark frames (with black text on
;; dark ones), richer on 88-colour displays when RICH differs from PLAIN;
;; or a bold foreground, again richer on 88-colour displays.
(eval-and-compile ; the defface forms below call these
  (defun hi-lock--background-spec (rich plain) "A face spec: background RICH on 88-colour displays, PLAIN elsewhere; black text on dark backgrounds."
    (let ((dark '((background dark))) (many '((min-colors 88))))
      (append (unless (equal rich plain)
                `((,(append many dark) (:background ,rich :foreground "black"))))
              `((,dark (:background ,plain :foreground "black")))
              (unless (equal rich plain)
                `((,many (:background ,rich))))
              `((t (:background ,plain))))))
  (defun hi-lock--bold-spec (rich plain) "A face spec: bold text coloured RICH on 88-colour displays, PLAIN elsewhere."
    `((((min-colors 88)) (:weight bold :foreground ,rich))
      (t (:weight bold :foreground ,plain)))))

(defface hi-yellow (hi-lock--background-spec "yellow1" "yellow") "Default face for hi-lock mode." :group 'hi-lock-faces)
(defface hi-pink (hi-lock--background-spec "pink" "pink") "Face for hi-lock mode." :group 'hi-lock-faces)
(defface hi-green (hi-lock--background-spec "light green" "green") "Face for hi-lock mode." :group 'hi-lock-faces)
(defface hi-blue (hi-lock--background-spec "light blue" "light blue") "Face for hi-lock mode." :group 'hi-lock-faces)
(defface hi-salmon (hi-lock--background-spec "light salmon" "red") "Face for hi-lock mode." :group 'hi-lock-faces)
(defface hi-aquamarine (hi-lock--background-spec "aquamarine" "blue") "Face for hi-lock mode." :group 'hi-lock-faces)
(defface hi-black-b '((t :weight bold)) "Face for hi-lock mode." :group 'hi-lock-faces)
(defface hi-blue-b (hi-lock--bold-spec "blue1" "blue") "Face for hi-lock mode." :group 'hi-lock-faces)
(defface hi-green-b (hi-lock--bold-spec "green3" "green") "Face for hi-lock mode." :group 'hi-lock-faces)
(defface hi-red-b (hi-lock--bold-spec "firebrick2" "red") "Face for hi-lock mode." :group 'hi-lock-faces)
(defface hi-black-hb '((t :weight bold :height 1.67 :inherit variable-pitch)) "Face for hi-lock mode." :group 'hi-lock-faces)

(defvar-local hi-lock-file-patterns nil "The patterns read from the \"Hi-lock:\" lines of this buffer.")
(defvar-local hi-lock-interactive-patterns nil "The patterns added by the highlighting commands in this buffer, newest first.")
(defvar-local hi-lock-interactive-lighters nil "An alist (LIGHTER . PATTERN): the name under which each interactive pattern is removed.")
(dolist (var '(hi-lock-file-patterns hi-lock-interactive-patterns hi-lock-interactive-lighters))
  (put var 'permanent-local t))

(defvar hi-lock-face-defaults ; names, as completion reads them
  (mapcar #'symbol-name '(hi-yellow hi-pink hi-green hi-blue hi-salmon hi-aquamarine hi-black-b hi-blue-b hi-red-b hi-green-b hi-black-hb))
  "The names of the faces the highlighting commands offer, in the order they are handed out.")

(defvar hi-lock-file-patterns-prefix "Hi-lock" "The word that starts a line of stored patterns, before its colon.")

(defvar hi-lock-archaic-interface-message-used nil "Whether the notice about the old key bindings was shown; kept for compatibility.")
(defvar hi-lock-archaic-interface-deduce nil "Whether the old key bindings are guessed; kept for compatibility.")

(defvar-local hi-lock--unused-faces nil "Names of the faces not yet handed out in this buffer.")

(defvar hi-lock-menu
  (let ((menu (make-sparse-keymap "Hi Lock")))
    (pcase-dolist (`(,title ,command ,needs-patterns ,help)
                   '(("Highlight Regexp..." highlight-regexp nil
                      "Highlight every match of a regexp.")
                     ("Highlight Phrase..." highlight-phrase nil
                      "Highlight a phrase, its spaces matching any blanks.")
                     ("Highlight Lines..." highlight-lines-matching-regexp nil
                      "Highlight whole lines holding a match of a regexp.")
                     ("Highlight Symbol at Point" highlight-symbol-at-point nil
                      "Highlight the symbol at point, in the next face.")
                     ("Remove Highlighting..." unhighlight-regexp t
                      "Remove one of the highlights made so far.")
                     ("Patterns to Buffer" hi-lock-write-interactive-patterns t
                      "Store the highlights in the buffer as Hi-lock: lines.")
                     ("Patterns from Buffer" hi-lock-find-patterns nil
                      "Use the Hi-lock: lines at the top of the buffer.")))
      (define-key-after menu (vector (intern title))
        `(menu-item ,title ,command
                    ,@(and needs-patterns '(:enable hi-lock-interactive-patterns))
                    :help ,help)))
    menu)
  "The Hi Lock menu.")

(defvar hi-lock-map ; the C-x w keys
  (let ((keys (make-sparse-keymap "Hi Lock")))
    (dolist (binding '((?i . hi-lock-find-patterns) (?l . highlight-lines-matching-regexp)
                       (?p . highlight-phrase) (?h . highlight-regexp)
                       (?. . highlight-symbol-at-point) (?r . unhighlight-regexp)
                       (?b . hi-lock-write-interactive-patterns)))
      (define-key keys (vector ?\C-x ?w (car binding)) (cdr binding)))
    keys)
  "The keys of Hi Lock mode, under C-x w.")

;;;; The modes.

(define-minor-mode hi-lock-mode
  "Toggle highlighting by regexps in this buffer (Hi Lock mode).
The commands \\[highlight-regexp], \\[highlight-phrase],
\\[highlight-lines-matching-regexp] and \\[highlight-symbol-at-point]
add patterns, \\[unhighlight-regexp] removes them, and
\\[hi-lock-write-interactive-patterns] stores them in the buffer as
\"Hi-lock:\" comment lines that \\[hi-lock-find-patterns] reads back."
  :lighter (:eval (if (or hi-lock-interactive-patterns hi-lock-file-patterns) " Hi" ""))
  :keymap hi-lock-map :group 'hi-lock
  (if hi-lock-mode ; on: take Font Lock's hook and the file's patterns
      (progn (add-hook 'font-lock-mode-hook #'hi-lock-font-lock-hook nil t)
             (hi-lock-find-patterns))
    (remove-hook 'font-lock-mode-hook #'hi-lock-font-lock-hook t)
    (hi-lock--drop-everything)))

(defun hi-lock--drop-everything () "Remove every pattern of the buffer, interactive and from the file, with its highlighting."
  (let ((gone (append hi-lock-interactive-patterns hi-lock-file-patterns)))
    (setq hi-lock-interactive-lighters nil)
    (setq hi-lock-interactive-patterns nil)
    (setq hi-lock-file-patterns nil)
    (when gone
      (font-lock-remove-keywords nil gone)
      (remove-overlays (point-min) (point-max) 'hi-lock-overlay t)
      (font-lock-flush)))) ; refontify without them

(defun turn-on-hi-lock-if-enabled () "Turn on Hi Lock mode in this buffer unless its major mode is in `hi-lock-exclude-modes'."
  (setq hi-lock-archaic-interface-message-used t) ; nothing to tell any more
  (or (memq major-mode hi-lock-exclude-modes) (hi-lock-mode 1)))

(define-globalized-minor-mode global-hi-lock-mode hi-lock-mode turn-on-hi-lock-if-enabled :group 'hi-lock)

(defun hi-lock-font-lock-hook () "Give Font Lock the buffer's patterns when it is turned on."
  (if font-lock-mode ; off: nothing to give
      (dolist (set (list hi-lock-file-patterns hi-lock-interactive-patterns))
        (font-lock-add-keywords nil set t))))

;;;; Reading a regexp and a face.

;;;###autoload
(defvar search-whitespace-regexp "[ \t]+" "What a space in a phrase matches when searching (isearch.el's option).")

(defun hi-lock--case-fold (regexp) "Whether searching for REGEXP ignores case: as isearch decides, by `search-upper-case'."
  (cond ((not (and case-fold-search search-upper-case)) case-fold-search)
        (t (let ((letters (replace-regexp-in-string "\\\\." "" regexp t t)))
             (string= letters (downcase letters))))))

(defun hi-lock-regexp-okay (regexp) "Return REGEXP, or signal an error when it is nil or matches the empty string."
  (if (null regexp)
      (error "Regexp cannot match nil")
    (if (string-match regexp "") (error "Regexp cannot match an empty string"))
    regexp))

(defun hi-lock-keyword->face (keyword) "The face symbol a highlighting pattern KEYWORD applies."
  (let ((face-form (nth 1 (nth 1 keyword))))
    (if (eq (car-safe face-form) 'quote) (nth 1 face-form) face-form)))

(defun hi-lock-read-face-name () "Choose the face for a new highlight.
The next unused face when `hi-lock-auto-select-face' is non-nil (and no
prefix argument), else one read with completion, that face first."
  (if (null hi-lock-interactive-patterns) ; a fresh start: all faces unused
      (setq hi-lock--unused-faces (copy-sequence hi-lock-face-defaults)))
  (let* ((newest (car hi-lock-interactive-patterns))
         (after-newest (and newest (cdr (member (symbol-name (hi-lock-keyword->face newest))
                                                hi-lock-face-defaults))))
         (offered (append hi-lock--unused-faces after-newest hi-lock-face-defaults))
         (first (car offered))
         (chosen (if (and hi-lock-auto-select-face (not current-prefix-arg))
                     first
                   (completing-read (format-prompt "Highlight using face" first)
                                    obarray #'facep t nil 'face-name-history offered))))
    (if (equal chosen "") (setq chosen first))
    (setq hi-lock--unused-faces (delete chosen hi-lock--unused-faces))
    (intern chosen)))

(defun hi-lock--give-back (face) "Put FACE's name back among the unused faces, first, unless it is there; return the list."
  (add-to-list 'hi-lock--unused-faces (if (symbolp face) (symbol-name face) face)))

;;;; Adding and removing patterns.

(defvar hi-lock--hashcons-hash (make-hash-table :test #'equal :weakness t)
  "One shared copy of each regexp the patterns search for.")

(defun hi-lock--hashcons (string) "The shared copy of STRING, equal to it, made on first use."
  (let ((table hi-lock--hashcons-hash))
    (or (gethash string table) (puthash string string table))))

(defvar hi-lock--pattern-info (make-hash-table :test #'eq :weakness 'key)
  "For each matcher of a pattern, the list (REGEXP CASE-FOLD SPACES-REGEXP) it searches with.")

(defun hi-lock--matcher (regexp fold spaces) "A Font Lock matcher searching for REGEXP with `case-fold-search' FOLD and `search-spaces-regexp' SPACES."
  (let* ((shared (list (hi-lock--hashcons regexp)))
         (matcher (lambda (limit)
                    (let ((case-fold-search fold) (search-spaces-regexp spaces))
                      (re-search-forward (car shared) limit t)))))
    (puthash matcher (list (car shared) fold spaces) hi-lock--pattern-info)
    matcher))

(defun hi-lock--overlay-matches (regexp face group name fold spaces) "Put an overlay of FACE on each match of REGEXP (its group GROUP) around point; return how many.
NAME is what `unhighlight-regexp' later knows them by; FOLD and SPACES
are the `case-fold-search' and `search-spaces-regexp' of the search."
  (let* ((from (max (point-min) (- (point) (/ hi-lock-highlight-range 2))))
         (to (min (point-max) (+ (point) hi-lock-highlight-range)))
         (made 0))
    (save-excursion (goto-char from)
      (let ((case-fold-search fold) (search-spaces-regexp spaces))
        (while (and (< (point) to) (re-search-forward regexp to t))
          (let ((beg (match-beginning group)) (end (match-end group)))
            (when beg
              (let ((ov (make-overlay beg end)))
                (overlay-put ov 'hi-lock-overlay t)
                (overlay-put ov 'hi-lock-overlay-regexp name)
                (overlay-put ov 'face face))
              (setq made (1+ made))))
          (if (< (match-beginning 0) (match-end 0))
              nil
            (if (eobp) (goto-char to) (forward-char 1))))))
    made))

(defun hi-lock--font-lock-p () "Non-nil when Font Lock, not overlays, shows the buffer's highlights."
  (and font-lock-mode (font-lock-specified-p major-mode)))

(defun hi-lock--record (name pattern) "Add PATTERN, known as NAME, to the buffer's interactive patterns."
  (push (cons name pattern) hi-lock-interactive-lighters)
  (push pattern hi-lock-interactive-patterns))

(defun hi-lock-set-pattern (regexp face &optional subexp lighter case-fold spaces-regexp) "Highlight REGEXP's matches (group SUBEXP, 0 by default) with FACE.
LIGHTER names the pattern for `unhighlight-regexp' (REGEXP by default);
CASE-FOLD and SPACES-REGEXP are the `case-fold-search' and
`search-spaces-regexp' its searches use.  A regexp already highlighted
is left alone, and so is one that matches nothing when Font Lock does
not run; either way FACE is given back to the unused faces."
  (let* ((group (or subexp 0))
         (name (or lighter regexp))
         (keyword (list (hi-lock--matcher regexp case-fold spaces-regexp)
                        (list group (list 'quote face) 'prepend))))
    (cond ((assoc name hi-lock-interactive-lighters)
           (hi-lock--give-back face))
          ((hi-lock--font-lock-p)
           (hi-lock--record name keyword)
           (font-lock-add-keywords nil (list keyword) t)
           (font-lock-flush)) ; Font Lock shows it
          ((> (hi-lock--overlay-matches regexp face group name case-fold spaces-regexp) 0)
           (hi-lock--record name keyword)
           nil)
          (t (hi-lock--give-back face)
             nil))))

(defun hi-lock--ensure-mode () "Turn on Hi Lock mode in this buffer unless it is on."
  (or hi-lock-mode (hi-lock-mode 1)))

(defun hi-lock--read-regexp (prompt) "Read a regexp to highlight with PROMPT, the region's text as default when it is active."
  (let ((default 'regexp-history-last))
    (when (use-region-p) ; the region's text, once
      (setq default (buffer-substring (region-beginning) (region-end))) (deactivate-mark))
    (hi-lock-regexp-okay (read-regexp prompt default))))

(defun hi-lock-face-buffer (regexp &optional face subexp lighter) "Highlight the matches of REGEXP in this buffer with FACE (`hi-yellow' by default).
SUBEXP (the prefix argument) chooses the group of REGEXP to highlight;
LIGHTER names the pattern for \\[unhighlight-regexp].  Case is ignored
as Isearch would for REGEXP, and spaces mean `search-spaces-regexp'."
  (interactive (list (hi-lock--read-regexp "Regexp to highlight") (hi-lock-read-face-name) current-prefix-arg))
  (hi-lock--ensure-mode)
  (hi-lock-set-pattern regexp (if (facep face) face 'hi-yellow)
                       (and subexp (prefix-numeric-value subexp)) lighter
                       (hi-lock--case-fold regexp) search-spaces-regexp))

(defalias 'highlight-regexp #'hi-lock-face-buffer)

(defun hi-lock-face-phrase-buffer (regexp &optional face) "Highlight the phrase REGEXP with FACE: its spaces match any run of blanks.
Case is ignored as Isearch would for REGEXP."
  (interactive (list (hi-lock--read-regexp "Phrase to highlight") (hi-lock-read-face-name)))
  (hi-lock--ensure-mode)
  (hi-lock-set-pattern regexp (if (facep face) face 'hi-yellow) nil nil
                       (hi-lock--case-fold regexp) search-whitespace-regexp))

(defalias 'highlight-phrase #'hi-lock-face-phrase-buffer)

(defun hi-lock-line-face-buffer (regexp &optional face) "Highlight with FACE each whole line holding a match of REGEXP."
  (interactive (list (hi-lock-regexp-okay (read-regexp "Regexp to highlight line" 'regexp-history-last))
                     (hi-lock-read-face-name)))
  (hi-lock--ensure-mode)
  (hi-lock-set-pattern (format "^.*\\(?:%s\\).*\\(?:$\\)\n?" regexp)
                       (if (facep face) face 'hi-yellow) nil nil
                       (hi-lock--case-fold regexp) search-spaces-regexp))

(defalias 'highlight-lines-matching-regexp #'hi-lock-line-face-buffer)

(defun hi-lock-face-symbol-at-point () "Highlight the symbol at point wherever it occurs as a symbol.
The face is the next unused one, or read with a prefix argument."
  (interactive)
  (let ((regexp (hi-lock-regexp-okay (find-tag-default-as-symbol-regexp))))
    (let ((face (let ((hi-lock-auto-select-face t)) (hi-lock-read-face-name))))
      (hi-lock--ensure-mode)
      (hi-lock-set-pattern regexp face nil nil (hi-lock--case-fold regexp) nil))))

(defalias 'highlight-symbol-at-point #'hi-lock-face-symbol-at-point)

(defun hi-lock--regexps-at-point () "The names of the interactive patterns highlighting the text at point.
With overlays, the one whose overlay shows at point.  With Font Lock,
those whose face the text at point (or else just before it) has and
whose regexp matches where that face starts or just before it."
  (if (hi-lock--font-lock-p)
      (let* ((pos (if (or (bobp) (get-text-property (point) 'face)) (point) (1- (point))))
             (at (get-text-property pos 'face))
             (faces (if (listp at) at (list at)))
             (start (or (previous-single-property-change (1+ pos) 'face) (point-min)))
             (found nil))
        (when at
          (dolist (entry hi-lock-interactive-lighters)
            (let ((info (gethash (cadr entry) hi-lock--pattern-info)))
              (when (and info (memq (hi-lock-keyword->face (cdr entry)) faces))
                (let ((case-fold-search (nth 1 info))
                      (search-spaces-regexp (nth 2 info)))
                  (when (or (save-excursion (goto-char start) (looking-at (car info)))
                            (looking-back (car info) (line-beginning-position)))
                    (push (car entry) found)))))))
        found)
    (let ((name (get-char-property (point) 'hi-lock-overlay-regexp)))
      (if name (list name)))))

(defun hi-lock-unface-buffer (regexp) "Remove the highlighting named REGEXP (a regexp or lighter); t removes all of it.
Interactively, read the name with completion, the highlighting at point
first; with a prefix argument remove everything."
  (interactive (if current-prefix-arg
       '(t)
     (unless hi-lock-interactive-patterns (user-error "No highlighting to remove"))
     (let* ((names (mapcar #'car hi-lock-interactive-lighters))
            (defaults (or (hi-lock--regexps-at-point) names)))
       (list (completing-read (format-prompt "Regexp to unhighlight" (car defaults))
                              names nil t nil nil defaults)))))
  (let ((doomed (if (eq regexp t)
                    (copy-sequence hi-lock-interactive-lighters)
                  (delq nil (list (assoc regexp hi-lock-interactive-lighters))))))
    (pcase-dolist (`(,name . ,keyword) doomed)
      (setq hi-lock-interactive-lighters (delq (assoc name hi-lock-interactive-lighters) hi-lock-interactive-lighters))
      (setq hi-lock-interactive-patterns (delq keyword hi-lock-interactive-patterns))
      (hi-lock--give-back (hi-lock-keyword->face keyword))
      (font-lock-remove-keywords nil (list keyword))
      (remove-overlays (point-min) (point-max) 'hi-lock-overlay-regexp name)
      (font-lock-flush))))

(defalias 'unhighlight-regexp #'hi-lock-unface-buffer)

;;;; Patterns stored in the file.

(defun hi-lock-write-interactive-patterns () "Insert the interactive patterns at point as \"Hi-lock:\" comment lines."
  (interactive) (or hi-lock-interactive-patterns (user-error "There are no interactive patterns"))
  (let ((beg (point))) ; the lines are commented as a whole
    (dolist (keyword hi-lock-interactive-patterns)
      (insert (format "%s: %S\n" hi-lock-file-patterns-prefix (list keyword))))
    (comment-region beg (point)))) ; in the mode's comment syntax

(defun hi-lock--stored-patterns () "The patterns of the \"Hi-lock:\" lines within `hi-lock-file-patterns-range' of the start, the later lines' first."
  (let ((all nil)
        (tag (concat (regexp-quote hi-lock-file-patterns-prefix) ":")))
    (save-restriction (widen)
      (save-excursion (goto-char 1)
        (while (re-search-forward tag (min (point-max) (+ 1 hi-lock-file-patterns-range)) t)
          (let ((these (condition-case nil (read (current-buffer)) (error nil))))
            (if (consp these) (setq all (append these all)))))))
    all))

(defun hi-lock-find-patterns () "Read the \"Hi-lock:\" lines near the top of the buffer and use their patterns.
Whether they are used is up to `hi-lock-file-patterns-policy'."
  (interactive)
  (let ((stored (and hi-lock-mode (hi-lock--stored-patterns))))
    (when (and stored
               (pcase hi-lock-file-patterns-policy
                 ('never nil)
                 ('ask (y-or-n-p "Add patterns from this buffer to hi-lock? "))
                 ((pred functionp) (funcall hi-lock-file-patterns-policy stored))))
      (hi-lock-set-file-patterns stored)
      (if (called-interactively-p 'interactive)
          (message "Hi-lock added %d patterns." (length stored))))))

(defun hi-lock-set-file-patterns (patterns) "Make PATTERNS the buffer's file patterns, in place of those it had."
  (let ((old hi-lock-file-patterns))
    (setq hi-lock-file-patterns patterns)
    (font-lock-remove-keywords nil old)
    (font-lock-add-keywords nil patterns t)
    (font-lock-flush)))

(defun hi-lock-unload-function () "Turn Hi Lock mode off in every buffer before the library is unloaded."
  (mapc (lambda (b) (with-current-buffer b (if hi-lock-mode (hi-lock-mode -1))))
        (buffer-list))
  nil)

(provide 'hi-lock)

;;; hi-lock.el ends here
