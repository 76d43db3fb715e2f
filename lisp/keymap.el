;;; keymap.el --- key parsing, key-setting commands, the standard prefix maps, substitute-command-keys  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and its manual.
;; The keymap primitives themselves are src/emacs/keymap.ts.

;;;; Reading key descriptions: "C-x C-f", "<f1>", "M-RET".

(defconst keymap--named-chars
  '(("NUL" . 0) ("RET" . 13) ("LFD" . 10) ("TAB" . 9) ("ESC" . 27) ("SPC" . 32) ("DEL" . 127))
  "The words a key description uses for some characters.")

(defconst keymap--modifier-bits
  '((?A . #x400000) (?s . #x800000) (?H . #x1000000) (?S . #x2000000) (?C . #x4000000) (?M . #x8000000))
  "Modifier letters of key descriptions and the bits they set in a char event.")

(defun keymap--word-events (word) "The events the single WORD of a key description stands for, as a list."
  (let ((count 1))
    ;; A leading N* repeats what follows N times.
    (when (string-match "\\`\\([0-9]+\\)\\*." word)
      (setq count (string-to-number (match-string 1 word))
            word (substring word (1+ (match-end 1)))))
    (let ((events
           (cond
            ;; <NAME>, possibly after modifiers: a function key; <RET> and the
            ;; like name chars (TAB is not among them: <TAB> is a symbol).
            ((string-match "\\`\\(\\([ACHMsS]-\\)*\\)<\\(.+\\)>\\'" word)
             (let ((name (match-string 3 word)))
               (setq word (concat (match-string 1 word) name))
               (if (member name '("NUL" "RET" "LFD" "ESC" "SPC" "DEL"))
                   (keymap--char-word-events word)
                 (list (intern word)))))
            (t (keymap--char-word-events word)))))
      (if (= count 1) events
        (apply #'append (make-list count events))))))

(defun keymap--char-word-events (word) "The char events of WORD, a key description word without angle brackets."
  (let ((bits 0) (prefix "") (rest word))
    ;; Modifier prefixes "C-" etc. and "^" need something after them.
    (while (cond ((and (> (length rest) 2) (eq (aref rest 1) ?-)
                       (assq (aref rest 0) keymap--modifier-bits))
                  (setq bits (logior bits (cdr (assq (aref rest 0) keymap--modifier-bits)))
                        prefix (concat prefix (substring rest 0 2))
                        rest (substring rest 2)))
                 ((and (> (length rest) 1) (eq (aref rest 0) ?^))
                  (setq bits (logior bits #x4000000)
                        prefix (concat prefix "^")
                        rest (substring rest 1)))))
    (let ((named (assoc rest keymap--named-chars)))
      (cond
       ((and (= bits 0) (not named)) (string-to-list rest))
       ((and (= bits #x8000000) (not named) (string-match "\\`-?[0-9]+\\'" rest))
        (mapcar (lambda (c) (logior c bits)) rest))
       ((and (not named) (/= (length rest) 1))
        (error "%s must prefix a single character, not %s" prefix rest))
       (t
        (let ((c (if named (cdr named) (aref rest 0))))
          (if (and (/= (logand bits #x4000000) 0) (not named)
                   (or (and (>= c ?@) (<= c ?_)) (and (>= c ?a) (<= c ?z))))
              ;; Control of @..._ and letters is the ASCII control char.
              (list (logior (logand c 31) (logand bits (lognot #x4000000))))
            (list (logior c bits)))))))))

(defun keymap--parse-keys (string &optional need-vector)
  "The key sequence STRING describes: a string when every event is an ASCII char and NEED-VECTOR is nil, else a vector."
  (let ((events nil))
    ;; A word starting with ;; comments out the rest of its line.
    (dolist (line (split-string string "\n"))
      (let ((words (split-string line "[ \t\f]+" t)))
        (while words
          (if (string-prefix-p ";;" (car words))
              (setq words nil)
            (setq events (append events (keymap--word-events (car words)))
                  words (cdr words))))))
    (if (and (not need-vector)
             (let ((ok t))
               (dolist (e events ok)
                 (unless (and (integerp e) (>= e 0) (<= e 127)) (setq ok nil)))))
        (apply #'string events)
      (vconcat events))))

(defun kbd (keys) "The key sequence that KEYS, a key description as `key-description' gives, stands for.
For example \"C-x C-f\", \"<f1> a\", \"M-RET\"; the value is a string when every
event is an ASCII char, else a vector."
  (keymap--parse-keys keys))

;;;; Building keymaps.

(defun make-composed-keymap (maps &optional parent) "A keymap that looks keys up in MAPS (a keymap or a list of them) in turn, then in PARENT."
  `(keymap ,@(if (keymapp maps) (list maps) maps) ,@parent))

(defun undefined () "Beep: the key pressed has no command."
  (interactive)
  (ding)
  (message "%s is undefined" (key-description (this-single-command-keys))))

(defun suppress-keymap (map &optional nodigits) "Make the self-inserting chars of MAP undefined, through a remap of `self-insert-command'.
Unless NODIGITS, digits and - give a prefix argument."
  (define-key map [remap self-insert-command] #'undefined)
  (unless nodigits
    (define-key map "-" #'negative-argument)
    (let ((c ?0))
      (while (<= c ?9) (define-key map (string c) #'digit-argument) (setq c (1+ c))))))

;;;; Commands that set keys.

(defun keymap--check-command (command)
  (unless (or (vectorp command) (stringp command) (commandp command) (null command))
    (signal 'wrong-type-argument (list 'commandp command))))

(defun global-set-key (key command) "Bind KEY to COMMAND in the current global keymap."
  (interactive "KSet key globally: \nCSet key %s to command: ")
  (or (vectorp key) (stringp key) (signal 'wrong-type-argument (list 'arrayp key)))
  (define-key (current-global-map) key command))

(defun local-set-key (key command) "Bind KEY to COMMAND in the current buffer's local keymap, making one when there is none."
  (interactive "KSet key locally: \nCSet key %s locally to command: ")
  (or (vectorp key) (stringp key) (signal 'wrong-type-argument (list 'arrayp key)))
  (let ((map (current-local-map)))
    (unless map
      (setq map (make-sparse-keymap))
      (use-local-map map))
    (define-key map key command)))

(defun global-unset-key (key) "Remove the global binding of KEY."
  (interactive "kUnset key globally: ")
  (global-set-key key nil))

(defun local-unset-key (key) "Remove the local binding of KEY."
  (interactive "kUnset key locally: ")
  (if (current-local-map) (local-set-key key nil))
  nil)

;;;; The standard prefix maps present at start.

(let ((prefix-command
       (lambda (command var key)
         (define-prefix-command command var)
         (define-key global-map key command))))
  (funcall prefix-command 'mode-specific-command-prefix 'mode-specific-map "\C-c")
  (funcall prefix-command 'help-command 'help-map "\C-h")
  (funcall prefix-command 'ctl-x-4-prefix 'ctl-x-4-map "\C-x4")
  (funcall prefix-command 'ctl-x-5-prefix 'ctl-x-5-map "\C-x5"))
;; Made above, they are global special variables too (a `let' of one rebinds the map), as GNU's.
(defvar mode-specific-map nil "Keymap of the C-c prefix, where modes and users bind their own commands.")
(defvar help-map nil "Keymap of the C-h prefix (help commands).")
(defvar ctl-x-4-map nil "Keymap of the C-x 4 prefix (commands acting in another window).")
(defvar ctl-x-5-map nil "Keymap of the C-x 5 prefix (commands acting in another frame).")
;; The function keys that GNU also gives the help prefix.
(define-key global-map [help] 'help-command)
(define-key global-map [f1] 'help-command)

(defvar ctl-x-r-map (make-sparse-keymap) "Keymap of the C-x r prefix (registers and rectangles).")
(defvar goto-map (make-sparse-keymap) "Keymap of the M-g prefix (going places).")
(defvar search-map (make-sparse-keymap) "Keymap of the M-s prefix (searching).")
(defvar narrow-map (make-sparse-keymap) "Keymap of the C-x n prefix (narrowing).")
(defvar abbrev-map (make-sparse-keymap) "Keymap of the C-x a prefix (abbrevs).")
(defvar ctl-x-x-map (make-sparse-keymap) "Keymap of the C-x x prefix (buffer commands).")
(defvar tab-prefix-map (make-sparse-keymap) "Keymap of the C-x t prefix (tabs).")
(define-key ctl-x-map "r" ctl-x-r-map)
(define-key esc-map "g" goto-map)
(define-key esc-map "s" search-map)
(define-key ctl-x-map "n" narrow-map)
(define-key ctl-x-map "a" abbrev-map)
(define-key ctl-x-map "x" ctl-x-x-map)
(define-key ctl-x-map "t" tab-prefix-map)

;; The binding help texts name first for these commands (`where-is-internal' with FIRSTONLY
;; takes it when it is still bound), as GNU has them at start.
(dolist (advertised
         '((undo . [?\C-x ?u]) (set-mark-command . [?\C-\s])
           (next-buffer . [?\C-x right]) (previous-buffer . [?\C-x left])
           (highlight-regexp . [?\M-s ?h ?r]) (highlight-phrase . [?\M-s ?h ?p])
           (highlight-lines-matching-regexp . [?\M-s ?h ?l])
           (highlight-symbol-at-point . [?\M-s ?h ?.]) (unhighlight-regexp . [?\M-s ?h ?u])
           (hi-lock-find-patterns . [?\M-s ?h ?f])
           (hi-lock-write-interactive-patterns . [?\M-s ?h ?w])
           (widget-backward . [(shift tab)])
           (isearch-edit-string . "\M-se") (isearch-symbol-regexp . "\M-s_")
           (isearch-toggle-case-fold . "\M-sc") (isearch-toggle-regexp . "\M-sr")
           (word-search-regexp . "\M-sw") (char-fold-to-regexp . "\M-s'")))
  (put (car advertised) :advertised-binding (cdr advertised)))

;; GNU Emacs 28.2's global key bindings at start, menus and mouse events left out (recorded
;; from it with accessible-keymaps and map-keymap-internal, newest first, so that defining
;; them in this order rebuilds its order). Many name commands of libraries tsmacs lacks:
;; key-binding and where-is still answer as GNU's do. The list is garbage once loaded.
(dolist (binding
         '(([24 118 77 76] . vc-log-mergebase) ([24 118 77 68] . vc-diff-mergebase) 
    ([24 114 27 119] . copy-rectangle-as-kill) ([24 97 105 103] . inverse-add-global-abbrev) 
    ([24 97 105 108] . inverse-add-mode-abbrev) ([help 52 105] . info-other-window) 
    ([f1 52 105] . info-other-window) ([134217831 27 103] . goto-line) 
    ([134217831 27 110] . next-error) ([134217831 27 112] . previous-error) 
    ([134217843 27 119] . eww-search-words) ([134217843 27 46] . isearch-forward-thing-at-point) 
    ([134217843 104 114] . highlight-regexp) ([134217843 104 112] . highlight-phrase) 
    ([134217843 104 108] . highlight-lines-matching-regexp) 
    ([134217843 104 46] . highlight-symbol-at-point) ([134217843 104 117] . unhighlight-regexp) 
    ([134217843 104 102] . hi-lock-find-patterns) 
    ([134217843 104 119] . hi-lock-write-interactive-patterns) ([24 120 102] . font-lock-update) 
    ([24 120 103] . revert-buffer-quick) ([24 120 114] . rename-buffer) 
    ([24 120 117] . rename-uniquely) ([24 120 110] . clone-buffer) ([24 120 105] . insert-buffer) 
    ([24 120 116] . toggle-truncate-lines) ([24 118 97] . vc-update-change-log) 
    ([24 118 98] . vc-switch-backend) ([24 118 100] . vc-dir) ([24 118 103] . vc-annotate) 
    ([24 118 71] . vc-ignore) ([24 118 104] . vc-region-history) ([24 118 105] . vc-register) 
    ([24 118 108] . vc-print-log) ([24 118 76] . vc-print-root-log) ([24 118 73] . vc-log-incoming) 
    ([24 118 79] . vc-log-outgoing) ([24 118 109] . vc-merge) ([24 118 114] . vc-retrieve-tag) 
    ([24 118 115] . vc-create-tag) ([24 118 117] . vc-revert) ([24 118 118] . vc-next-action) 
    ([24 118 43] . vc-update) ([24 118 80] . vc-push) ([24 118 61] . vc-diff) 
    ([24 118 68] . vc-root-diff) ([24 118 126] . vc-revision-other-window) 
    ([24 118 120] . vc-delete-file) ([24 116 100] . dired-other-tab) 
    ([24 116 112] . project-other-tab-command) ([24 116 110] . tab-duplicate) 
    ([24 116 78] . tab-new-to) ([24 116 50] . tab-new) ([24 116 49] . tab-close-other) 
    ([24 116 48] . tab-close) ([24 116 117] . tab-undo) ([24 116 111] . tab-next) 
    ([24 116 79] . tab-previous) ([24 116 109] . tab-move) ([24 116 77] . tab-move-to) 
    ([24 116 71] . tab-group) ([24 116 114] . tab-rename) ([24 116 13] . tab-switch) 
    ([24 116 98] . switch-to-buffer-other-tab) ([24 116 102] . find-file-other-tab) 
    ([24 116 6] . find-file-other-tab) ([24 116 18] . find-file-read-only-other-tab) 
    ([24 116 116] . other-tab-prefix) ([24 114 99] . clear-rectangle) 
    ([24 114 107] . kill-rectangle) ([24 114 100] . delete-rectangle) 
    ([24 114 121] . yank-rectangle) ([24 114 111] . open-rectangle) 
    ([24 114 116] . string-rectangle) ([24 114 78] . rectangle-number-lines) 
    ([24 114 0] . point-to-register) ([24 114 67108896] . point-to-register) 
    ([24 114 32] . point-to-register) ([24 114 106] . jump-to-register) 
    ([24 114 115] . copy-to-register) ([24 114 120] . copy-to-register) 
    ([24 114 105] . insert-register) ([24 114 103] . insert-register) 
    ([24 114 114] . copy-rectangle-to-register) ([24 114 110] . number-to-register) 
    ([24 114 43] . increment-register) ([24 114 119] . window-configuration-to-register) 
    ([24 114 102] . frameset-to-register) ([24 114 98] . bookmark-jump) 
    ([24 114 109] . bookmark-set) ([24 114 77] . bookmark-set-no-overwrite) 
    ([24 114 108] . bookmark-bmenu-list) ([24 112 33] . project-shell-command) 
    ([24 112 38] . project-async-shell-command) ([24 112 102] . project-find-file) 
    ([24 112 70] . project-or-external-find-file) ([24 112 98] . project-switch-to-buffer) 
    ([24 112 115] . project-shell) ([24 112 100] . project-find-dir) ([24 112 68] . project-dired) 
    ([24 112 118] . project-vc-dir) ([24 112 99] . project-compile) ([24 112 101] . project-eshell) 
    ([24 112 107] . project-kill-buffers) ([24 112 112] . project-switch-project) 
    ([24 112 103] . project-find-regexp) ([24 112 71] . project-or-external-find-regexp) 
    ([24 112 114] . project-query-replace-regexp) ([24 112 120] . project-execute-extended-command) 
    ([24 110 110] . narrow-to-region) ([24 110 119] . widen) ([24 110 103] . goto-line-relative) 
    ([24 110 100] . narrow-to-defun) ([24 110 112] . narrow-to-page) 
    ([24 97 108] . add-mode-abbrev) ([24 97 1] . add-mode-abbrev) ([24 97 103] . add-global-abbrev) 
    ([24 97 43] . add-mode-abbrev) ([24 97 45] . inverse-add-global-abbrev) 
    ([24 97 101] . expand-abbrev) ([24 97 39] . expand-abbrev) 
    ([24 97 112] . expand-jump-to-previous-slot) ([24 97 110] . expand-jump-to-next-slot) 
    ([24 56 13] . insert-char) ([24 54 50] . 2C-two-columns) ([24 54 f2] . 2C-two-columns) 
    ([24 54 98] . 2C-associate-buffer) ([24 54 115] . 2C-split) 
    ([24 53 109] . compose-mail-other-frame) ([24 53 98] . switch-to-buffer-other-frame) 
    ([24 53 102] . find-file-other-frame) ([24 53 6] . find-file-other-frame) 
    ([24 53 114] . find-file-read-only-other-frame) ([24 53 15] . display-buffer-other-frame) 
    ([24 53 100] . dired-other-frame) ([24 53 112] . project-other-frame-command) 
    ([24 53 46] . xref-find-definitions-other-frame) ([24 53 50] . make-frame-command) 
    ([24 53 49] . delete-other-frames) ([24 53 48] . delete-frame) ([24 53 111] . other-frame) 
    ([24 53 53] . other-frame-prefix) ([24 53 99] . clone-frame) 
    ([24 52 109] . compose-mail-other-window) ([24 52 10] . dired-jump-other-window) 
    ([24 52 97] . add-change-log-entry-other-window) 
    ([24 52 99] . clone-indirect-buffer-other-window) ([24 52 48] . kill-buffer-and-window) 
    ([24 52 49] . same-window-prefix) ([24 52 52] . other-window-prefix) 
    ([24 52 102] . find-file-other-window) ([24 52 114] . find-file-read-only-other-window) 
    ([24 52 6] . find-file-other-window) ([24 52 98] . switch-to-buffer-other-window) 
    ([24 52 15] . display-buffer) ([24 52 100] . dired-other-window) 
    ([24 52 112] . project-other-window-command) ([24 52 46] . xref-find-definitions-other-window) 
    ([24 27 27] . repeat-complex-command) ([24 27 58] . repeat-complex-command) 
    ([24 13 102] . set-buffer-file-coding-system) ([24 13 114] . revert-buffer-with-coding-system) 
    ([24 13 70] . set-file-name-coding-system) ([24 13 116] . set-terminal-coding-system) 
    ([24 13 107] . set-keyboard-coding-system) ([24 13 112] . set-buffer-process-coding-system) 
    ([24 13 120] . set-selection-coding-system) ([24 13 88] . set-next-selection-coding-system) 
    ([24 13 28] . set-input-method) ([24 13 99] . universal-coding-system-argument) 
    ([24 13 108] . set-language-environment) ([24 11] . kmacro-keymap)
    ([8 52 105] . info-other-window) ([f2 50] . 2C-two-columns) 
    ([f2 f2] . 2C-two-columns) ([f2 98] . 2C-associate-buffer) ([f2 115] . 2C-split) 
    ([help 8] . help-for-help) ([help help] . help-for-help) ([help f1] . help-for-help) 
    ([help 46] . display-local-help) ([help 63] . help-for-help) ([help 1] . about-emacs) 
    ([help 3] . describe-copying) ([help 4] . view-emacs-debugging) 
    ([help 5] . view-external-packages) ([help 6] . view-emacs-FAQ) 
    ([help 13] . view-order-manuals) ([help 14] . view-emacs-news) 
    ([help 15] . describe-distribution) ([help 16] . view-emacs-problems) 
    ([help 19] . search-forward-help-for-help) ([help 20] . view-emacs-todo) 
    ([help 23] . describe-no-warranty) ([help 28] . describe-input-method) 
    ([help 67] . describe-coding-system) ([help 70] . Info-goto-emacs-command-node) 
    ([help 73] . describe-input-method) ([help 75] . Info-goto-emacs-key-command-node) 
    ([help 76] . describe-language-environment) ([help 83] . info-lookup-symbol) 
    ([help 97] . apropos-command) ([help 98] . describe-bindings) 
    ([help 99] . describe-key-briefly) ([help 100] . apropos-documentation) 
    ([help 101] . view-echo-area-messages) ([help 102] . describe-function) 
    ([help 103] . describe-gnu-project) ([help 104] . view-hello-file) ([help 105] . info) 
    ([help 107] . describe-key) ([help 108] . view-lossage) ([help 109] . describe-mode) 
    ([help 111] . describe-symbol) ([help 110] . view-emacs-news) ([help 112] . finder-by-keyword) 
    ([help 80] . describe-package) ([help 114] . info-emacs-manual) 
    ([help 82] . info-display-manual) ([help 115] . describe-syntax) 
    ([help 116] . help-with-tutorial) ([help 118] . describe-variable) ([help 119] . where-is) 
    ([help 120] . describe-command) ([help 113] . help-quit) ([f1 8] . help-for-help) 
    ([f1 help] . help-for-help) ([f1 f1] . help-for-help) ([f1 46] . display-local-help) 
    ([f1 63] . help-for-help) ([f1 1] . about-emacs) ([f1 3] . describe-copying) 
    ([f1 4] . view-emacs-debugging) ([f1 5] . view-external-packages) ([f1 6] . view-emacs-FAQ) 
    ([f1 13] . view-order-manuals) ([f1 14] . view-emacs-news) ([f1 15] . describe-distribution) 
    ([f1 16] . view-emacs-problems) ([f1 19] . search-forward-help-for-help) 
    ([f1 20] . view-emacs-todo) ([f1 23] . describe-no-warranty) ([f1 28] . describe-input-method) 
    ([f1 67] . describe-coding-system) ([f1 70] . Info-goto-emacs-command-node) 
    ([f1 73] . describe-input-method) ([f1 75] . Info-goto-emacs-key-command-node) 
    ([f1 76] . describe-language-environment) ([f1 83] . info-lookup-symbol) 
    ([f1 97] . apropos-command) ([f1 98] . describe-bindings) ([f1 99] . describe-key-briefly) 
    ([f1 100] . apropos-documentation) ([f1 101] . view-echo-area-messages) 
    ([f1 102] . describe-function) ([f1 103] . describe-gnu-project) ([f1 104] . view-hello-file) 
    ([f1 105] . info) ([f1 107] . describe-key) ([f1 108] . view-lossage) 
    ([f1 109] . describe-mode) ([f1 111] . describe-symbol) ([f1 110] . view-emacs-news) 
    ([f1 112] . finder-by-keyword) ([f1 80] . describe-package) ([f1 114] . info-emacs-manual) 
    ([f1 82] . info-display-manual) ([f1 115] . describe-syntax) ([f1 116] . help-with-tutorial) 
    ([f1 118] . describe-variable) ([f1 119] . where-is) ([f1 120] . describe-command) 
    ([f1 113] . help-quit) ([134217755 27] . keyboard-escape-quit) 
    ([134217755 58] . eval-expression) ([134217831 99] . goto-char) ([134217831 103] . goto-line) 
    ([134217831 110] . next-error) ([134217831 112] . previous-error) 
    ([134217831 9] . move-to-column) ([134217843 111] . occur) 
    ([134217843 119] . isearch-forward-word) ([134217843 95] . isearch-forward-symbol) 
    ([134217843 46] . isearch-forward-symbol-at-point) ([27 67108912] . digit-argument) 
    ([27 67108913] . digit-argument) ([27 67108914] . digit-argument) 
    ([27 67108915] . digit-argument) ([27 67108916] . digit-argument) 
    ([27 67108917] . digit-argument) ([27 67108918] . digit-argument) 
    ([27 67108919] . digit-argument) ([27 67108920] . digit-argument) 
    ([27 67108921] . digit-argument) ([27 67108909] . negative-argument) 
    ([27 home] . beginning-of-buffer-other-window) ([27 next] . scroll-other-window) 
    ([27 prior] . scroll-other-window-down) ([27 33554454] . scroll-other-window-down) 
    ([27 end] . end-of-buffer-other-window) ([27 begin] . beginning-of-buffer-other-window) 
    ([27 right] . forward-word) ([27 left] . backward-word) ([27 C-left] . backward-sexp) 
    ([27 C-right] . forward-sexp) ([27 C-up] . backward-up-list) ([27 C-down] . down-list) 
    ([27 C-home] . beginning-of-defun) ([27 C-end] . end-of-defun) ([27 67108896] . mark-sexp) 
    ([27 C-delete] . backward-kill-sexp) ([27 C-backspace] . backward-kill-sexp) 
    ([27 33554444] . recenter-other-window) ([27 67108911] . dabbrev-completion) 
    ([27 67108910] . xref-find-apropos) ([27 f10] . toggle-frame-maximized) 
    ([27 67108901] . query-replace-regexp) ([27 127] . backward-kill-word) 
    ([27 126] . not-modified) ([27 125] . forward-paragraph) ([27 124] . shell-command-on-region) 
    ([27 123] . backward-paragraph) ([27 122] . zap-to-char) ([27 121] . yank-pop) 
    ([27 120] . execute-extended-command) ([27 119] . kill-ring-save) 
    ([27 118] . scroll-down-command) ([27 117] . upcase-word) ([27 116] . transpose-words) 
    ([27 114] . move-to-window-line-top-bottom) ([27 113] . fill-paragraph) 
    ([27 109] . back-to-indentation) ([27 108] . downcase-word) ([27 107] . kill-sentence) 
    ([27 106] . default-indent-new-line) ([27 105] . tab-to-tab-stop) ([27 104] . mark-paragraph) 
    ([27 102] . forward-word) ([27 101] . forward-sentence) ([27 100] . kill-word) 
    ([27 99] . capitalize-word) ([27 98] . backward-word) ([27 97] . backward-sentence) 
    ([27 96] . tmm-menubar) ([27 94] . delete-indentation) ([27 92] . delete-horizontal-space) 
    ([27 88] . execute-extended-command-for-buffer) ([27 64] . mark-word) 
    ([27 63] . xref-find-references) ([27 62] . end-of-buffer) ([27 61] . count-words-region) 
    ([27 60] . beginning-of-buffer) ([27 59] . comment-dwim) ([27 58] . eval-expression) 
    ([27 47] . dabbrev-expand) ([27 46] . xref-find-definitions) ([27 45] . negative-argument) 
    ([27 44] . xref-pop-marker-stack) ([27 41] . move-past-close-and-reindent) 
    ([27 40] . insert-parentheses) ([27 39] . abbrev-prefix-mark) ([27 38] . async-shell-command) 
    ([27 37] . query-replace) ([27 36] . ispell-word) ([27 33] . shell-command) 
    ([27 32] . just-one-space) ([27 31] . undo-redo) ([27 28] . indent-region) 
    ([27 23] . append-next-kill) ([27 22] . scroll-other-window) ([27 21] . backward-up-list) 
    ([27 20] . transpose-sexps) ([27 19] . isearch-forward-regexp) 
    ([27 18] . isearch-backward-regexp) ([27 16] . backward-list) ([27 15] . split-line) 
    ([27 14] . forward-list) ([27 12] . reposition-window) ([27 11] . kill-sexp) 
    ([27 10] . default-indent-new-line) ([27 9] . complete-symbol) ([27 8] . mark-defun) 
    ([27 6] . forward-sexp) ([27 5] . end-of-defun) ([27 4] . down-list) 
    ([27 3] . exit-recursive-edit) ([27 2] . backward-sexp) ([27 1] . beginning-of-defun) 
    ([27 0] . mark-sexp) ([24 right] . next-buffer) ([24 C-right] . next-buffer) 
    ([24 left] . previous-buffer) ([24 C-left] . previous-buffer) ([24 67108896] . pop-global-mark) 
    ([24 67108923] . comment-line) ([24 67108907] . text-scale-adjust) 
    ([24 67108909] . text-scale-adjust) ([24 67108925] . text-scale-adjust) 
    ([24 67108912] . text-scale-adjust) ([24 127] . backward-kill-sentence) 
    ([24 125] . enlarge-window-horizontally) ([24 123] . shrink-window-horizontally) 
    ([24 122] . repeat) ([24 117] . undo) ([24 115] . save-some-buffers) 
    ([24 113] . kbd-macro-query) ([24 111] . other-window) ([24 109] . compose-mail) 
    ([24 108] . count-lines-page) ([24 107] . kill-buffer) ([24 105] . insert-file) 
    ([24 104] . mark-whole-buffer) ([24 102] . set-fill-column) 
    ([24 101] . kmacro-end-and-call-macro) ([24 100] . dired) ([24 98] . switch-to-buffer) 
    ([24 96] . next-error) ([24 94] . enlarge-window) ([24 93] . forward-page) 
    ([24 92] . activate-transient-input-method) ([24 91] . backward-page) ([24 62] . scroll-right) 
    ([24 61] . what-cursor-position) ([24 60] . scroll-left) ([24 59] . comment-set-column) 
    ([24 51] . split-window-right) ([24 50] . split-window-below) ([24 49] . delete-other-windows) 
    ([24 48] . delete-window) ([24 46] . set-fill-prefix) 
    ([24 45] . shrink-window-if-larger-than-buffer) ([24 43] . balance-windows) 
    ([24 42] . calc-dispatch) ([24 41] . kmacro-end-macro) ([24 40] . kmacro-start-macro) 
    ([24 39] . expand-abbrev) ([24 36] . set-selective-display) ([24 32] . rectangle-mark-mode) 
    ([24 26] . suspend-frame) ([24 24] . exchange-point-and-mark) ([24 23] . write-file) 
    ([24 22] . find-alternate-file) ([24 21] . upcase-region) ([24 20] . transpose-lines) 
    ([24 19] . save-buffer) ([24 18] . find-file-read-only) ([24 17] . read-only-mode) 
    ([24 16] . mark-page) ([24 15] . delete-blank-lines) ([24 14] . set-goal-column) 
    ([24 12] . downcase-region) ([24 10] . dired-jump) ([24 9] . indent-rigidly) 
    ([24 6] . find-file) ([24 5] . eval-last-sexp) ([24 4] . list-directory) 
    ([24 3] . save-buffers-kill-terminal) ([24 2] . list-buffers) ([24 0] . pop-global-mark) 
    ([8 8] . help-for-help) ([8 help] . help-for-help) ([8 f1] . help-for-help) 
    ([8 46] . display-local-help) ([8 63] . help-for-help) ([8 1] . about-emacs) 
    ([8 3] . describe-copying) ([8 4] . view-emacs-debugging) ([8 5] . view-external-packages) 
    ([8 6] . view-emacs-FAQ) ([8 13] . view-order-manuals) ([8 14] . view-emacs-news) 
    ([8 15] . describe-distribution) ([8 16] . view-emacs-problems) 
    ([8 19] . search-forward-help-for-help) ([8 20] . view-emacs-todo) 
    ([8 23] . describe-no-warranty) ([8 28] . describe-input-method) 
    ([8 67] . describe-coding-system) ([8 70] . Info-goto-emacs-command-node) 
    ([8 73] . describe-input-method) ([8 75] . Info-goto-emacs-key-command-node) 
    ([8 76] . describe-language-environment) ([8 83] . info-lookup-symbol) 
    ([8 97] . apropos-command) ([8 98] . describe-bindings) ([8 99] . describe-key-briefly) 
    ([8 100] . apropos-documentation) ([8 101] . view-echo-area-messages) 
    ([8 102] . describe-function) ([8 103] . describe-gnu-project) ([8 104] . view-hello-file) 
    ([8 105] . info) ([8 107] . describe-key) ([8 108] . view-lossage) ([8 109] . describe-mode) 
    ([8 111] . describe-symbol) ([8 110] . view-emacs-news) ([8 112] . finder-by-keyword) 
    ([8 80] . describe-package) ([8 114] . info-emacs-manual) ([8 82] . info-display-manual) 
    ([8 115] . describe-syntax) ([8 116] . help-with-tutorial) ([8 118] . describe-variable) 
    ([8 119] . where-is) ([8 120] . describe-command) ([8 113] . help-quit) 
    ([select-window] . handle-select-window) ([67108911] . undo) ([67108927] . undo-redo) 
    ([XF86Forward] . next-buffer) ([XF86Back] . previous-buffer) ([67108912] . digit-argument) 
    ([67108913] . digit-argument) ([67108914] . digit-argument) ([67108915] . digit-argument) 
    ([67108916] . digit-argument) ([67108917] . digit-argument) ([67108918] . digit-argument) 
    ([67108919] . digit-argument) ([67108920] . digit-argument) ([67108921] . digit-argument) 
    ([67108909] . negative-argument) ([67108896] . set-mark-command) ([find] . search-forward) 
    ([Scroll_Lock] . scroll-lock-mode) ([C-S-backspace] . kill-whole-line) 
    ([home] . move-beginning-of-line) ([C-home] . beginning-of-buffer) 
    ([M-home] . beginning-of-buffer-other-window) ([left] . left-char) ([up] . previous-line) 
    ([right] . right-char) ([down] . next-line) ([prior] . scroll-down-command) 
    ([next] . scroll-up-command) ([C-up] . backward-paragraph) ([C-down] . forward-paragraph) 
    ([C-prior] . scroll-right) ([C-next] . scroll-left) ([M-next] . scroll-other-window) 
    ([M-prior] . scroll-other-window-down) ([end] . move-end-of-line) ([C-end] . end-of-buffer) 
    ([M-end] . end-of-buffer-other-window) ([begin] . beginning-of-buffer) 
    ([M-begin] . beginning-of-buffer-other-window) ([execute] . execute-extended-command) 
    ([insert] . overwrite-mode) ([C-insert] . kill-ring-save) ([S-insert] . yank) 
    ([insertchar] . overwrite-mode) ([C-insertchar] . kill-ring-save) ([S-insertchar] . yank) 
    ([undo] . undo) ([redo] . repeat-complex-command) ([again] . repeat-complex-command) 
    ([open] . find-file) ([insertline] . open-line) ([deleteline] . kill-line) 
    ([deletechar] . delete-forward-char) ([M-right] . right-word) ([M-left] . left-word) 
    ([C-right] . right-word) ([C-left] . left-word) ([C-delete] . kill-word) 
    ([C-backspace] . backward-kill-word) ([S-delete] . kill-region) ([C-M-left] . backward-sexp) 
    ([C-M-right] . forward-sexp) ([C-M-up] . backward-up-list) ([C-M-down] . down-list) 
    ([C-M-home] . beginning-of-defun) ([C-M-end] . end-of-defun) 
    ([f3] . kmacro-start-macro-or-insert-counter) ([f4] . kmacro-end-or-call-macro) 
    ([compose-last-chars] . compose-last-chars) ([f11] . toggle-frame-fullscreen) 
    ([M-f10] . toggle-frame-maximized) ([S-f10] . context-menu-open) ([f10] . menu-bar-open) 
    ([C-f10] . buffer-menu-open) ([127] . delete-backward-char) ([31] . undo) 
    ([29] . abort-recursive-edit) ([28] . toggle-input-method) ([26] . suspend-frame) ([25] . yank) 
    ([23] . kill-region) ([22] . scroll-up-command) ([21] . universal-argument) 
    ([20] . transpose-chars) ([19] . isearch-forward) ([18] . isearch-backward) 
    ([17] . quoted-insert) ([16] . previous-line) ([15] . open-line) ([14] . next-line) 
    ([13] . newline) ([12] . recenter-top-bottom) ([11] . kill-line) 
    ([10] . electric-newline-and-maybe-indent) ([9] . indent-for-tab-command) ([7] . keyboard-quit) 
    ([6] . forward-char) ([5] . move-end-of-line) ([4] . delete-char) ([2] . backward-char) 
    ([1] . move-beginning-of-line) ([0] . set-mark-command)))
  ;; <f1> and <help> lead to help-map itself (bound above), which its C-h keys fill.
  (unless (memq (aref (car binding) 0) '(f1 help))
    (define-key global-map (car binding) (cdr binding))))
(set-char-table-range (cadr global-map) '(32 . 126) 'self-insert-command)
(set-char-table-range (cadr global-map) (cons 128 (max-char)) 'self-insert-command)

;;;; Translating function keys: what `read-key-sequence' turns an unbound key into.

(defvar function-key-map (make-sparse-keymap) "Keymap of translations tried on a key that is bound nowhere: keypad keys
become the keys they stand for, `backspace' and `delete' become DEL, and so on.  A
binding is a key (string or vector) or a function of the prompt giving one.")

(let ((mods '("" "C-" "M-" "C-M-" "S-" "C-S-" "M-S-" "C-M-S-"))
      (bits '(0 #x4000000 #x8000000 #xc000000 #x2000000 #x6000000 #xa000000 #xe000000)))
  ;; Keypad keys that move or edit: the same key off the keypad, modifiers kept.
  (dolist (name '("delete" "insert" "end" "down" "next" "left" "begin" "right" "home" "up" "prior" "enter"))
    (dolist (m mods)
      (define-key function-key-map (vector (intern (concat m "kp-" name)))
        (cond ((and (string= m "") (string= name "enter")) [13])
              ((and (string= m "") (string= name "delete")) [127])
              (t (vector (intern (concat m name))))))))
  ;; Keypad keys that type: the character, modifiers as its bits.
  (dolist (key '(("decimal" . ?.) ("0" . ?0) ("1" . ?1) ("2" . ?2) ("3" . ?3) ("4" . ?4) ("5" . ?5)
                 ("6" . ?6) ("7" . ?7) ("8" . ?8) ("9" . ?9) ("add" . ?+) ("subtract" . ?-)
                 ("multiply" . ?*) ("divide" . ?/)))
    (let ((ms mods) (bs bits))
      (while ms
        (define-key function-key-map (vector (intern (concat (car ms) "kp-" (car key))))
          (vector (logior (cdr key) (car bs))))
        (setq ms (cdr ms) bs (cdr bs))))))
(dolist (tr '((backspace . 127) (delete . 127) (0 . #x4000020) (S-tab . backtab)))
  (define-key function-key-map (vector (car tr)) (vector (cdr tr))))
(dolist (m '((?h . event-apply-hyper-modifier) (?s . event-apply-super-modifier) (?m . event-apply-meta-modifier)
             (?a . event-apply-alt-modifier) (?S . event-apply-shift-modifier) (?c . event-apply-control-modifier)))
  (define-key function-key-map (vector ?\C-x ?@ (car m)) (cdr m)))
(dolist (tr '((kp-space . 32) (kp-tab . 9) (kp-separator . ?,) (kp-equal . ?=)
              (tab . 9) (linefeed . 10) (clear . 12) (return . 13) (escape . 27)))
  (define-key function-key-map (vector (car tr)) (vector (cdr tr))))

(defvar local-function-key-map (let ((map (make-sparse-keymap))) (set-keymap-parent map function-key-map) map)
  "The terminal's own translations of unbound keys, on top of `function-key-map'.")
(defvar input-decode-map (make-sparse-keymap) "Keymap of translations of the raw events a terminal sends, tried on every key before its lookup.")

;;;; The minibuffer's keymaps.  Batch reads whole lines from standard input and
;;;; never looks keys up in them, but programs bind keys in them as they load.

(defun keymap--bind-all (map bindings)
  "Bind each (KEY . COMMAND) of BINDINGS in MAP, last first, so MAP lists them in BINDINGS' order."
  (dolist (b (reverse bindings))
    (define-key map (car b) (cdr b)))
  map)

(defun keymap--minibuffer-menu (items)
  "A \"Minibuf\" menu-bar keymap made of ITEMS, each (KEY NAME COMMAND HELP . MORE)."
  (let ((menu (list 'keymap "Minibuf")))
    (dolist (item (reverse items))
      (setcdr menu (cons (append (list (car item) 'menu-item (nth 1 item) (nth 2 item))
                                 (nthcdr 4 item)
                                 (list :help (nth 3 item)))
                         (cdr menu))))
    (list 'keymap (cons 'minibuf (cons "Minibuf" menu)))))

(defvar minibuffer-local-map
  (let ((map (make-sparse-keymap)))
    (keymap--bind-all
     map
     `(([menu-bar] . ,(keymap--minibuffer-menu
                       '((previous "Previous History Item" previous-history-element
                                   "Put previous minibuffer history element in the minibuffer")
                         (next "Next History Item" next-history-element
                               "Put next minibuffer history element in the minibuffer")
                         (isearch-backward "Isearch History Backward" isearch-backward
                                           "Incrementally search minibuffer history backward")
                         (isearch-forward "Isearch History Forward" isearch-forward
                                          "Incrementally search minibuffer history forward")
                         (return "Enter" exit-minibuffer
                                 "Terminate input and exit minibuffer" :key-sequence "\r")
                         (quit "Quit" abort-recursive-edit "Abort input and exit minibuffer"))))
       ("\r" . exit-minibuffer) ("\n" . exit-minibuffer) ("\C-g" . abort-minibuffers)
       ([C-tab] . file-cache-minibuffer-complete) ("\t" . self-insert-command)
       ([XF86Back] . previous-history-element) ([up] . previous-line-or-history-element)
       ([prior] . previous-history-element) ([XF86Forward] . next-history-element)
       ([down] . next-line-or-history-element) ([next] . next-history-element)
       ("\M-<" . minibuffer-beginning-of-buffer) ("\M-r" . previous-matching-history-element)
       ("\M-s" . next-matching-history-element) ("\M-p" . previous-history-element)
       ("\M-n" . next-history-element))))
  "The keymap of the minibuffer when it reads plain text.")

(defvar minibuffer-mode-map minibuffer-local-map
  "The keymap of `minibuffer-mode': the same keymap as `minibuffer-local-map'.")

(defvar minibuffer-local-ns-map
  (let ((map (make-sparse-keymap)))
    (set-keymap-parent map minibuffer-local-map)
    (keymap--bind-all map '(("?" . self-insert-and-exit) ("\t" . exit-minibuffer)
                            (" " . exit-minibuffer))))
  "The minibuffer's keymap when space and TAB end the input, as in `read-no-blanks-input'.")

(defvar minibuffer-local-completion-map
  (let ((map (make-sparse-keymap)))
    (set-keymap-parent map minibuffer-local-map)
    (keymap--bind-all
     map
     `(([menu-bar] . ,(let ((menu (keymap--minibuffer-menu
                                   '((tab "Complete" minibuffer-complete "Complete as far as possible")
                                     (space "Complete Word" minibuffer-complete-word
                                            "Complete at most one word")
                                     (63 "List Completions" minibuffer-completion-help
                                         "Display all possible completions")))))
                        menu))
       ("\M-g\M-c" . switch-to-completions) ("\M-v" . switch-to-completions)
       ([prior] . switch-to-completions) ("?" . minibuffer-completion-help)
       (" " . minibuffer-complete-word) ("\t" . minibuffer-complete))))
  "The minibuffer's keymap while it completes.")

(defvar minibuffer-local-must-match-map
  (let ((map (make-sparse-keymap)))
    (set-keymap-parent map minibuffer-local-completion-map)
    (keymap--bind-all map '(("\n" . minibuffer-complete-and-exit)
                            ("\r" . minibuffer-complete-and-exit))))
  "The minibuffer's keymap while it completes and only a completion is accepted.")

(defvar minibuffer-local-filename-completion-map
  (let ((map (make-sparse-keymap)))
    (define-key map " " nil)
    map)
  "Bindings added to the completion keymaps while a file name is read.")

(defvar minibuffer-local-isearch-map
  (let ((map (make-sparse-keymap)))
    (set-keymap-parent map minibuffer-local-map)
    (keymap--bind-all map '(([right] . isearch-yank-char-in-minibuffer)
                            ("\C-f" . isearch-yank-char-in-minibuffer)
                            ("\C-r" . isearch-reverse-exit-minibuffer)
                            ("\C-s" . isearch-forward-exit-minibuffer)
                            ("\M-\t" . isearch-complete-edit)
                            ("\r" . exit-minibuffer))))
  "The minibuffer's keymap while an incremental search string is edited.")

(defvar read-key-empty-map (make-sparse-keymap)
  "An empty keymap, which `read-key' makes active while it reads.")

(defvar read-expression-map
  (let ((map (make-sparse-keymap)))
    (set-keymap-parent map minibuffer-local-map)
    (keymap--bind-all map '(("\n" . read--expression-try-read)
                            ("\r" . read--expression-try-read)
                            ("\t" . completion-at-point)
                            ("\M-g\M-c" . read-expression-switch-to-completions)
                            ("\M-\t" . completion-at-point))))
  "The minibuffer's keymap while it reads a Lisp expression.")

;;;; substitute-command-keys

(defvar keymap--plain-keys nil
  "Non-nil while `substitute-command-keys' was told to leave keys without a face.")

(defun keymap--key-face (string)
  (if keymap--plain-keys
      string
    (propertize string 'face 'help-key-binding 'font-lock-face 'help-key-binding)))

(defun keymap--command-keys (command map) "The description of a key that runs COMMAND in MAP (nil: the active maps), or M-x COMMAND."
  (let ((key (where-is-internal command map t)))
    (keymap--key-face
     (if key (key-description key) (concat "M-x " (symbol-name command))))))

(defun keymap--binding-tabs (width) "The tabs after a key WIDTH columns wide in a table of bindings.
The binding goes to the first multiple of 16 columns past the key and one
more column, with tabs 8 columns apart; past 31 columns, to column 32 of
the next line."
  (if (>= width 31)
      "\n\t\t\t\t"
    (let ((goal (* 16 (1+ (/ (1+ width) 16)))))
      (make-string (- (/ goal 8) (/ width 8)) ?\t))))

(defun keymap--describe-section (map prefix &optional keep) "Lines of the bindings MAP has itself, sorted, each key described after PREFIX.
KEEP, when given, is called with each event and binding: nil leaves the
binding out, `shadowed' adds a line saying it is shadowed."
  (let (entries (notes nil))
    (map-keymap-internal
     (lambda (ev def)
       (let* ((def (if (and (consp def) (eq (car def) 'menu-item)) (nth 2 def) def))
              (verdict (and def (if keep (funcall keep ev def) t))))
         (when verdict
           (when (eq verdict 'shadowed) (push ev notes))
           (push (cons ev def) entries))))
     map)
    (setq entries
          (sort entries
                (lambda (a b)
                  (let ((ka (car a)) (kb (car b)))
                    (cond ((and (integerp ka) (integerp kb)) (< ka kb))
                          ((integerp ka) t)
                          ((integerp kb) nil)
                          (t (string< (format "%s" ka) (format "%s" kb))))))))
    (mapconcat
     (lambda (e)
       (let ((key (key-description (vector (car e)) prefix)))
        (concat (keymap--key-face key)
               (propertize (keymap--binding-tabs (string-width key)) 'font-lock-face nil 'face nil)
               (cond ((keymapp (cdr e))
                      (if (symbolp (cdr e)) (symbol-name (cdr e)) "Prefix Command"))
                     ((symbolp (cdr e)) (symbol-name (cdr e)))
                     ((or (stringp (cdr e)) (vectorp (cdr e))) "Keyboard Macro")
                     (t "??"))
               "\n"
               (if (memq (car e) notes) "  (this binding is currently shadowed)\n" ""))))
     entries "")))

(defun keymap--describe-map (map) "The table substitute-command-keys shows for \\{MAP}."
  (let ((pieces (list "key             binding\n---             -------\n")))
    (dolist (pm (accessible-keymaps map))
      (let ((section (keymap--describe-section (cdr pm) (car pm))))
        (unless (equal section "")
          (push "\n" pieces)
          (push section pieces))))
    ;; Each copy of a propertized string reverses its property lists (in GNU too): the
    ;; extra copy puts the table's in the order GNU's gives after the caller's concat.
    (concat (apply #'concat (nreverse (cons "\n" pieces))))))

(defun keymap--quote-char (c)
  (pcase text-quoting-style
    ('grave c)
    ('straight ?')
    (_ (if (eq c ?`) ?‘ ?’))))

(defun substitute-command-keys (string &optional no-face) "STRING with its key references replaced by what they stand for now.
\\=\\[COMMAND] becomes a key that runs COMMAND (or M-x COMMAND), \\=\\{MAP} a table of
MAP's bindings, \\=\\<MAP> makes MAP the keymap of the \\=\\[...] after it, \\=\\= quotes
the next character; grave accents and apostrophes become the quotes of
`text-quoting-style'.  Keys get the face `help-key-binding' unless NO-FACE."
  ;; A character stands for the string of it; anything else that is not a string is refused.
  (cond ((or (null string) (stringp string)))
        ((characterp string) (setq string (string string)))
        (t (signal 'wrong-type-argument (list 'char-or-string-p string))))
  (let ((keymap--plain-keys no-face))
  (when string
    (let ((i 0) (n (length string)) (map nil) (parts nil) (start 0))
      (while (< i n)
        (let ((c (aref string i)))
          (cond
           ((and (eq c ?\\) (< (1+ i) n) (eq (aref string (1+ i)) ?=))
            (if (= (+ i 2) n)
                (setq i n)              ; a final \\\\= stays as it is
              (push (substring string start i) parts)
              (setq i (+ i 2) start i)
              (push (substring string i (1+ i)) parts)
              (setq i (1+ i) start i)))
           ((and (eq c ?\\) (< (1+ i) n) (memq (aref string (1+ i)) '(?\[ ?\{ ?<))
                 (string-match (pcase (aref string (1+ i))
                                 (?\[ "\\\\\\[\\([^]]*\\)]")
                                 (?\{ "\\\\{\\([^}]*\\)}")
                                 (?< "\\\\<\\([^>]*\\)>"))
                               string i)
                 (= (match-beginning 0) i))
            (push (substring string start i) parts)
            (let ((kind (aref string (1+ i)))
                  (name (intern (match-string 1 string))))
              (setq i (match-end 0) start i)
              (pcase kind
                (?\[ (push (keymap--command-keys name map) parts))
                (_
                 (let ((m (and (boundp name) (symbol-value name))))
                   (cond ((not (keymapp m))
                          (push (concat "\nUses keymap " (string (keymap--quote-char ?`))
                                        (symbol-name name) (string (keymap--quote-char ?'))
                                        ", which is not currently defined.\n")
                                parts))
                         ((eq kind ?<) (setq map m))
                         (t (push (keymap--describe-map m) parts))))))))
           ((memq c '(?` ?'))
            (push (substring string start i) parts)
            (push (string (keymap--quote-char c)) parts)
            (setq i (1+ i) start i))
           (t (setq i (1+ i))))))
      (push (substring string start) parts)
      ;; GNU's result is always multibyte (it is made in a buffer): an empty multibyte part
      ;; makes `concat' give one.
      (apply #'concat (make-string 0 ?\s t) (nreverse parts))))))

;;;; Running commands.

(defvar prefix-arg nil "The raw prefix argument for the next command.")
(defvar current-prefix-arg nil "The raw prefix argument of the command being run.")
(defvar last-prefix-arg nil "The raw prefix argument of the previous command.")
(defvar real-this-command nil "The command being run, as read from the keyboard.")
(defvar last-repeatable-command nil "The last command run that was not only a prefix argument; what `repeat' repeats.")
(defvar command-history nil "Commands run through the minibuffer or recorded by `call-interactively', as forms, newest first.")

(defun keymap--region-args ()
  (let ((m (mark t)))
    (unless m (error "The mark is not set now, so there is no region"))
    (list (min (point) m) (max (point) m))))

(defun keymap--string-spec-args (spec) "The arguments the interactive string SPEC gives, reading from the minibuffer where a code asks.
Each line's prompt is first formatted with the arguments read before it."
  (let ((i 0) (n (length spec)))
    ;; Leading flags: * (buffer must be writable), @ and ^ (nothing to do in batch).
    (while (and (< i n) (memq (aref spec i) '(?* ?@ ?^)))
      (when (and (eq (aref spec i) ?*) buffer-read-only)
        (signal 'buffer-read-only (list (current-buffer))))
      (setq i (1+ i)))
    (let ((args nil))
      (dolist (line (split-string (substring spec i) "\n"))
        (unless (equal line "")
          (let ((prompt (apply #'format-message (substring line 1) (reverse args))))
            (pcase (aref line 0)
              (?p (push (prefix-numeric-value current-prefix-arg) args))
              (?P (push current-prefix-arg args))
              (?d (push (point) args))
              (?i (push nil args))
              (?U (push nil args))
              (?m (push (or (mark t) (error "The mark is not set now")) args))
              (?r (let ((r (keymap--region-args))) (push (car r) args) (push (cadr r) args)))
              (?a (push (intern (completing-read prompt obarray #'fboundp t)) args))
              (?C (push (intern (completing-read prompt obarray #'commandp t)) args))
              (?b (push (read-buffer prompt (current-buffer) t) args))
              (?B (push (read-buffer prompt (other-buffer (current-buffer)) nil) args))
              (?D (push (read-directory-name prompt nil default-directory t) args))
              (?f (push (read-file-name prompt nil nil t) args))
              (?F (push (read-file-name prompt nil nil nil) args))
              (?G (push (read-file-name prompt nil "" nil) args))
              (?s (push (read-string prompt) args))
              (?M (push (read-string prompt nil nil nil t) args))
              (?S (push (intern (read-no-blanks-input prompt)) args))
              (?n (push (read-number prompt) args))
              (?N (push (if current-prefix-arg
                            (prefix-numeric-value current-prefix-arg)
                          (read-number prompt))
                        args))
              (?v (push (read-variable prompt) args))
              (?x (push (read-minibuffer prompt) args))
              (?X (push (eval-minibuffer prompt) args))
              (?z (push (read-coding-system prompt) args))
              (?Z (push (and current-prefix-arg (read-non-nil-coding-system prompt)) args))
              (?e (error "command must be bound to an event with parameters"))
              (code (error "Interactive code %c reads keyboard input, which batch call-interactively does not do" code))))))
      (nreverse args))))

(defun call-interactively (function &optional record-flag keys) "Call FUNCTION, a command, with the arguments its interactive spec gives.
A string spec is read code by code, the codes that ask for input reading it from
the minibuffer (standard input in batch); any other spec is evaluated to the list
of arguments. RECORD-FLAG non-nil
records the call in `command-history'. KEYS is unused in batch."
  (ignore keys)
  (unless (commandp function t)
    (signal 'wrong-type-argument (list 'commandp function)))
  (let* ((form (interactive-form function))
         (spec (cadr form))
         (fn (indirect-function function)))
    (when (autoloadp fn)
      (setq fn (autoload-do-load fn function)
            form (interactive-form function)
            spec (cadr form)))
    (let ((args (cond ((null spec) nil)
                      ((stringp spec) (keymap--string-spec-args spec))
                      ((eq (car-safe fn) 'closure)
                       (eval spec (or (cadr fn) t)))
                      (t (eval spec t)))))
      (when record-flag (setq command-history (cons (cons function args) command-history)))
      (apply #'funcall-interactively function args))))

(defun funcall-interactively (function &rest arguments) "Call FUNCTION with ARGUMENTS as if it had been called interactively."
  (apply function arguments))

(defun command-execute (cmd &optional record-flag keys special) "Run CMD as a command: a keyboard macro (string or vector) or a function called interactively.
Unless SPECIAL, the pending `prefix-arg' becomes `current-prefix-arg'. RECORD-FLAG and
KEYS go to `call-interactively'; a macro is recorded in `command-history' as a call
of `execute-kbd-macro' when RECORD-FLAG."
  (let ((final (indirect-function cmd)))
    (unless special
      (setq current-prefix-arg prefix-arg
            prefix-arg nil))
    (cond
     ((or (stringp final) (vectorp final))
      ;; A macro run as a command is remembered as the call that runs it again.
      (when record-flag
        (add-to-history 'command-history
                        (list 'execute-kbd-macro final (and (not special) current-prefix-arg))
                        nil t))
      (if (fboundp 'execute-kbd-macro)
          (execute-kbd-macro final current-prefix-arg)
        (error "Keyboard macros cannot be run in batch")))
     (t (call-interactively cmd record-flag keys)))))

(defun minor-mode-key-binding (key &optional accept-default) "Return the binding of KEY in the first active minor mode keymap that has one, as ((MODE . BINDING)), or nil.
The maps are tried as the command loop tries them: those of
`emulation-mode-map-alists', then `minor-mode-overriding-map-alist', then
`minor-mode-map-alist'.  ACCEPT-DEFAULT non-nil lets default bindings count."
  (let ((alists nil) (seen nil))
    (dolist (a emulation-mode-map-alists)
      (push (if (symbolp a) (and (boundp a) (symbol-value a)) a) alists))
    (push minor-mode-overriding-map-alist alists)
    (push minor-mode-map-alist alists)
    (catch 'found
      (dolist (alist (nreverse alists))
        (dolist (entry alist)
          (let ((mode (car-safe entry)))
            (when (and mode (symbolp mode) (not (memq mode seen))
                       (boundp mode) (symbol-value mode))
              (when (eq alist minor-mode-overriding-map-alist) (push mode seen))
              (unless (arrayp key) (signal 'wrong-type-argument (list 'arrayp key)))
              (let* ((map (cdr entry))
                     (map (if (and (symbolp map) (fboundp map)) (indirect-function map) map))
                     (binding (and (keymapp map) (lookup-key map key accept-default))))
                (when (and binding (not (integerp binding)))
                  (throw 'found (list (cons mode binding))))))))))))
