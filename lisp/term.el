;;; term.el --- a terminal emulator in a buffer  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and the
;; Emacs manual's "Terminal emulator" node.  `term-emulate-terminal' reads
;; a program's output the way a VT100-like "eterm-color" terminal does:
;; the screen is the last `term-height' lines of the buffer from
;; `term-home-marker', the cursor is point (and the process mark), text
;; gets a `font-lock-face' from the SGR state, and escape sequences split
;; between chunks of output wait for their end.  `term' and `ansi-term'
;; are autoloaded (autoloads.el).

;;; Code:

(require 'ansi-color)

(defgroup term nil "Running programs under a terminal emulated in a buffer." :group 'processes)

(dolist (opt '((term-term-name "eterm-color" string "Name of the terminal type programs run under `term' are told.")
               (term-input-autoexpand nil symbol "Ignored here: no history expansion.")
               (term-scroll-to-bottom-on-output nil symbol "Non-nil means the window follows new output.")
               (term-scroll-show-maximum-output nil boolean "Non-nil means keep as much output in view as fits.")
               (term-buffer-maximum-size 8192 integer "Lines a term buffer keeps; 0 means no limit.")
               (term-suppress-hard-newline nil boolean "Non-nil means wrapped lines are not marked.")
               (term-mode-hook nil hook "Run when a buffer enters Term mode.")
               (term-exec-hook nil hook "Run when `term-exec' has started a process.")
               (term-input-ring-size 500 integer "Number of inputs `term-line-mode' remembers.")
               (term-prompt-regexp "^" regexp "Regexp matching the prompt, in line mode.")
               (term-set-terminal-size nil boolean "Non-nil means tell the program the window's size.")
               (term-char-mode-buffer-read-only t boolean "Non-nil means a buffer in char mode is read-only.")
               (term-char-mode-point-at-process-mark t boolean "Non-nil means char mode keeps point at the process mark.")))
  (custom-declare-variable (car opt) `',(nth 1 opt) (nth 3 opt) :type (nth 2 opt) :group 'term))

;;; Faces.

(defface term '((t :inherit default)) "Default face of text in a term buffer.")
(defface term-bold '((t :bold t)) "Face of bold text in a term buffer.")
(defface term-underline '((t :underline t)) "Face of underlined text in a term buffer.")
(defface term-slow-blink '((t :inherit term-bold)) "Face of slowly blinking text in a term buffer.")
(defface term-fast-blink '((t :inherit term-bold)) "Face of quickly blinking text in a term buffer.")

(defconst term--color-names '(black red green yellow blue magenta cyan white)
  "The eight colour names, in SGR order.")
(defvar ansi-term-color-vector (vconcat '(term)
           (mapcar (lambda (c) (intern (format "term-color-%s" c))) term--color-names)
           (mapcar (lambda (c) (intern (format "term-color-bright-%s" c))) term--color-names))
  "Faces of the terminal's colours: `term', then the eight normal ones, then the bright ones.")
(dolist (bright '(nil t))
  (dolist (c term--color-names)
    (let ((ansi (intern (format "ansi-color-%s%s" (if bright "bright-" "") c))))
      (custom-declare-face (intern (format "term-color-%s%s" (if bright "bright-" "") c))
                           `((t :inherit ,ansi))
                           (format "Face of the terminal's %s%s colour." (if bright "bright " "") c)
                           :group 'term))))

;;; Per-buffer state.

(dolist (v '((term-width . "Width of the terminal, in columns.")
             (term-height . "Height of the terminal, in lines.")
             (term-home-marker . "Where the screen's first line starts.")
             (term-current-row . "The cursor's screen line, from 0.")
             (term-current-column . "The cursor's column, from 0.")
             (term-scroll-start . "Top line of the scrolling region, from 0.")
             (term-scroll-end . "Bottom line of the scrolling region, from 0; nil for the screen's bottom.")
             (term-scroll-with-delete . "Non-nil when the scrolling region is smaller than the screen.")
             (term-insert-mode . "Non-nil when printed characters are inserted rather than overwriting.")
             (term-ansi-current-bold . "Non-nil when SGR bold is on.")
             (term-ansi-current-underline . "Non-nil when SGR underline is on.")
             (term-ansi-current-reverse . "Non-nil when SGR reverse video is on.")
             (term-ansi-current-invisible . "Non-nil when SGR concealed is on.")
             (term-ansi-current-color . "Foreground colour index (1-16), or 0 for the default.")
             (term-ansi-current-bg-color . "Background colour index (1-16), or 0 for the default.")
             (term-current-face . "The face printed text gets.")
             (term-ansi-at-host . "Host name the program last reported.")
             (term-ansi-at-user . "User name the program last reported.")
             (term-ansi-at-dir . "Directory the program last reported.")
             (term-ansi-at-message . "Message the program last sent.")
             (term-saved-cursor . "The cursor saved by ESC 7 or CSI s, as (ROW . COLUMN).")
             (term-terminal-undecoded-bytes . "Bytes of an incomplete multibyte character, waiting for the rest.")
             (term--pending . "The start of an escape sequence, waiting for the rest.")
             (term--wrap-pending . "Non-nil when the cursor sits past the last column.")
             (term-pending-delete-marker . nil)
             (term-old-mode-map . "The keymap line mode uses.")
             (term-input-ring . "Ring of the inputs sent in line mode.")))
  (eval `(defvar ,(car v) nil) t)
  (make-variable-buffer-local (car v))
  (when (cdr v) (put (car v) 'variable-documentation (cdr v))))
(setq-default term-width 80 term-height 24 term-current-face 'term
              term-ansi-current-color 0 term-ansi-current-bg-color 0)

;;; The screen.

(defun term--row-start (row) "Position where screen line ROW starts, adding empty lines as needed."
  (goto-char term-home-marker) (let* ((short (forward-line row))
         (missing (if (and (eobp) (not (bolp))) (1+ short) short)))
    (when (> missing 0)
      (insert (propertize (make-string missing ?\n) 'font-lock-face 'default))))
  (point))

(defun term--place (&optional column) "Put point where the cursor is (at COLUMN if given), adding missing lines and padding in one insertion."
  (goto-char term-home-marker) (let* ((want (or column term-current-column))
         (short (forward-line term-current-row))
         (missing (if (and (eobp) (not (bolp))) (1+ short) short))
         (col (if (> missing 0) 0 (move-to-column want)))
         (pad (- want col)))
    (when (or (> missing 0) (> pad 0))
      (insert (propertize (concat (make-string missing ?\n) (make-string (max 0 pad) ?\s))
                          'font-lock-face 'default)))))

(defun term--screen-rows () "Number of lines from the home marker to the end of the buffer."
  (save-excursion (goto-char term-home-marker) (1+ (count-lines (point) (point-max)))))

(defun term--delete-rows (row n) "Delete N whole screen lines from ROW."
  (let ((from (term--row-start row)))
    (goto-char from) (delete-region from (progn (forward-line n) (point)))))

(defun term--open-rows (row n) "Insert N empty lines before screen line ROW (nothing to do past the end)."
  (goto-char (term--row-start row))
  (unless (eobp) (insert (propertize (make-string n ?\n) 'font-lock-face 'default))))

(defun term--linefeed () "Move the cursor one line down, scrolling at the bottom of the scrolling region."
  (setq term--wrap-pending nil)
  (cond ((/= term-current-row (term--bottom))
         (setq term-current-row (1+ term-current-row)))
        (term-scroll-with-delete
         (term--delete-rows term-scroll-start 1)
         (term--open-rows (term--bottom) 1))
        (t (goto-char term-home-marker)
           (forward-line 1) (when (and (eobp) (not (bolp))) (insert (propertize "\n" 'font-lock-face 'default)))
           (set-marker term-home-marker (point)))))

(defun term--reverse-index () "Move the cursor one line up, scrolling down at the top of the scrolling region."
  (if (/= term-current-row term-scroll-start)
      (setq term-current-row (max 0 (1- term-current-row)))
    (term--delete-rows (term--bottom) 1)
    (term--open-rows term-scroll-start 1)))

(defun term--print (text) "Print TEXT, a string of ordinary characters, at the cursor."
  (let ((face term-current-face) (from 0) (len (length text)))
    (while (< from len)
      (when term--wrap-pending
        (term--place)
        (when (and (eolp) (eobp))
          (insert (if term-suppress-hard-newline "\n"
                    (propertize "\n" 'rear-nonsticky t 'term-line-wrap t 'font-lock-face face))))
        (setq term-current-column 0) (term--linefeed))
      (term--place)
      ;; As many characters as fit on this line, one at a time when some are wide.
      (let* ((room (- term-width term-current-column))
             (to (min len (+ from (max 1 room))))
             (piece (substring text from to)))
        (while (and (> (length piece) 1) (> (string-width piece) (max 1 room)))
          (setq to (1- to) piece (substring text from to)))
        (unless term-insert-mode
          (delete-region (point) (min (line-end-position) (+ (point) (length piece)))))
        (insert (propertize piece 'font-lock-face face))
        (setq from to term-current-column (current-column))
        (when (>= term-current-column term-width)
          (setq term-current-column term-width term--wrap-pending t))))))

;;; Escape sequences.

(defun term--sgr-face () "The face the SGR state gives printed text."
  (let* ((bright (and term-ansi-current-bold ansi-color-bold-is-bright))
         (pick (lambda (index getter blank)
                 (if (zerop index) blank
                   (funcall getter (aref ansi-term-color-vector
                                         (if (and bright (<= index 8)) (+ index 8) index))
                            nil 'default)))) (fg (funcall pick term-ansi-current-color #'face-foreground "unspecified-fg"))
         (bg (funcall pick term-ansi-current-bg-color #'face-background "unspecified-bg")))
    (if term-ansi-current-invisible (list :background bg :foreground bg)
      (let ((face (list :foreground fg :background bg :inverse-video term-ansi-current-reverse)))
        (when term-ansi-current-bold (setq face (list face :inherit 'term-bold)))
        (when term-ansi-current-underline (setq face (list face :inherit 'term-underline)))
        face))))

(defun term--sgr (params) "Apply the SGR parameters PARAMS (a list of numbers) to the attributes."
  (dolist (p (or params '(0)))
    (cond ((memq p '(0 nil))
           (setq term-ansi-current-bold nil term-ansi-current-underline nil term-ansi-current-reverse nil
                 term-ansi-current-invisible nil term-ansi-current-color 0 term-ansi-current-bg-color 0))
          ((memq p '(1 5)) (setq term-ansi-current-bold t))
          ((memq p '(2 22 25)) (setq term-ansi-current-bold nil))
          ((= p 4) (setq term-ansi-current-underline t))
          ((= p 24) (setq term-ansi-current-underline nil))
          ((= p 7) (setq term-ansi-current-reverse t))
          ((= p 27) (setq term-ansi-current-reverse nil))
          ((= p 8) (setq term-ansi-current-invisible t))
          ((= p 28) (setq term-ansi-current-invisible nil))
          ((<= 30 p 37) (setq term-ansi-current-color (- p 29)))
          ((memq p '(38 39)) (setq term-ansi-current-color 0))
          ((<= 40 p 47) (setq term-ansi-current-bg-color (- p 39)))
          ((memq p '(48 49)) (setq term-ansi-current-bg-color 0))
          ((<= 90 p 97) (setq term-ansi-current-color (- p 81)))
          ((<= 100 p 107) (setq term-ansi-current-bg-color (- p 91)))))
  (setq term-current-face (term--sgr-face)))

(defun term--bottom () "The bottom line of the scrolling region, from 0."
  (min (1- term-height) (or term-scroll-end term-height)))

(defun term--set-region (top bottom) "Make lines TOP to BOTTOM (from 1; nil or 0 for the edges) the scrolling region.
A BOTTOM at or past the last line means the screen's bottom, whatever its height."
  (setq term-scroll-start (max 0 (min (1- term-height) (1- (if (and top (> top 0)) top 1))))
        term-scroll-end (and bottom (> bottom 0) (< bottom term-height) (max term-scroll-start (1- bottom)))
        term-scroll-with-delete (or (> term-scroll-start 0) (and term-scroll-end t))
        term-current-row 0 term-current-column 0 term--wrap-pending nil))

(defun term-reset-terminal () "Erase the screen and put every attribute and mode back to its default."
  (erase-buffer) (set-marker term-home-marker (point-min))
  (setq term-current-row 0 term-current-column 0 term--wrap-pending nil term-insert-mode nil
        term-current-face 'term term-ansi-current-bold nil term-ansi-current-underline nil
        term-ansi-current-reverse nil term-ansi-current-invisible nil
        term-ansi-current-color 0 term-ansi-current-bg-color 0)
  (term--set-region nil nil))

(defun term--erase-display (how) "Erase the screen: after the cursor (HOW 0), before it (1) or all of it (2)."
  (term--place)
  (pcase how
    (1 (let ((here (point)))
         (delete-region (line-beginning-position) here)
         (let ((row term-current-row))
           (while (> row 0)
             (setq row (1- row))
             (term--row-start row)
             (delete-region (point) (line-end-position)))))) (2 (delete-region term-home-marker (point-max)))
    (_ (delete-region (point) (point-max)))))

(defun term--erase-line (how) "Erase in the cursor's line: to its end (HOW 0 or 2) or up to the cursor (1)."
  (term--place)
  (if (eql how 1)
      (let* ((end (min (line-end-position) (1+ (point))))
             (n (- end (line-beginning-position))))
        (delete-region (line-beginning-position) end)
        (goto-char (line-beginning-position)) (insert (propertize (make-string n ?\s) 'font-lock-face 'default))) (delete-region (point) (line-end-position))))

(defun term--csi (params private final) "Carry out the control sequence ending in FINAL with PARAMS.
PRIVATE is non-nil for the `?' sequences (modes), which are ignored."
  (let ((n (or (car params) 0)) (n1 (max 1 (or (car params) 1))))
    (unless private
      (pcase final
        (?A (setq term-current-row (max 0 (- term-current-row n1))))
        (?B (setq term-current-row (+ term-current-row n1)))
        (?C (setq term-current-column (min (1- term-width) (+ term-current-column n1))))
        (?D (setq term-current-column (max 0 (- (min term-current-column (1- term-width)) n1))))
        ((or ?H ?f) (setq term-current-row (1- (max 1 (or n 1)))
                          term-current-column (min (1- term-width) (1- (max 1 (or (nth 1 params) 1))))))
        (?G (setq term-current-column (min (1- term-width) n)))
        (?J (term--erase-display n) (when (= n 2) (term--place)))
        (?K (term--erase-line n))
        (?L (when (<= term-scroll-start term-current-row (term--bottom))
              (let ((k (min n1 (- (term--bottom) term-current-row -1))))
                (term--row-start (- (term--bottom) k -1))
                (delete-region (point) (progn (forward-line k) (point)))
                (term--open-rows term-current-row k)))
            (setq term-current-column 0))
        (?M (when (<= term-scroll-start term-current-row (term--bottom))
              (let ((k (min n1 (- (term--bottom) term-current-row -1))))
                (term--delete-rows term-current-row k)
                (term--open-rows (- (term--bottom) k -1) k)))
            (setq term-current-column 0))
        (?@ (term--place)
            (insert (propertize (make-string n1 ?\s) 'font-lock-face 'default))
            (let ((cut (+ (line-beginning-position) term-width)))
              (when (< cut (line-end-position)) (delete-region cut (line-end-position)))))
        (?P (term--place) (delete-region (point) (min (line-end-position) (+ (point) n1))))
        (?m (term--sgr params))
        (?r (term--set-region (car params) (nth 1 params)))
        (?n (when (= n 6)
              (let ((proc (get-buffer-process (current-buffer)))) (when proc (process-send-string proc (format "\e[%d;%dR" (1+ term-current-row)
                                                              (1+ term-current-column)))))))
        (?h (when (eql n 4) (setq term-insert-mode t)))
        (?l (when (eql n 4) (setq term-insert-mode nil)))))
    (unless (memq final '(?m ?n ?h ?l)) (setq term--wrap-pending nil))))

(defun term--handle-ansi-message (kind text) "Act on the program's report KIND (?u, ?h, ?c or ?e) of TEXT."
  (pcase kind
    (?u (setq term-ansi-at-user text))
    (?h (setq term-ansi-at-host text))
    (?e (setq term-ansi-at-message text))
    (?c (setq term-ansi-at-dir text)
        (setq default-directory (file-name-as-directory (if (and (equal term-ansi-at-user (user-real-login-name))
                        (member term-ansi-at-host (list (system-name) nil)))
                   (expand-file-name text)
                 (format "/-:%s@%s:%s" (or term-ansi-at-user "") (or term-ansi-at-host "") text)))))))

(defun term--interpret (text) "Interpret TEXT, decoded output, on the screen.
Return the unfinished escape sequence it ends with, or nil."
  (let ((i 0) (len (length text)) (rest nil))
    (while (and (< i len) (not rest))
      (let ((plain (string-match "[\0-\37\177]" text i)))
        (if (not (eql plain i))
            (progn (term--print (substring text i plain)) (setq i (or plain len)))
          (let ((c (aref text i)))
            (setq i (1+ i)) (pcase c
              (?\r (setq term-current-column 0 term--wrap-pending nil))
              (?\n (term--linefeed))
              (?\b (setq term-current-column (max 0 (1- (min term-current-column (1- term-width))))
                         term--wrap-pending nil))
              (?\t (setq term-current-column (min (1- term-width) (* 8 (1+ (/ term-current-column 8))))))
              (?\e
               (cond
                ((>= i len) (setq rest "\e"))
                ((eq (aref text i) ?\[)
                 (if (string-match "\\[\\(\\??\\)\\([0-9;]*\\)\\([@-~]\\)" text i)
                     (if (/= (match-beginning 0) i) (setq i (1+ i))
                       (let* ((private (> (length (match-string 1 text)) 0))
                              (final (aref (match-string 3 text) 0))
                              (end (match-end 0)) (params (mapcar (lambda (s) (and (> (length s) 0) (string-to-number s)))
                                              (split-string (match-string 2 text) ";"))))
                         (setq i end)
                         (term--csi (if (equal params '(nil)) nil params) private final)))
                   (if (string-match "\\`\\[\\??[0-9;]*\\'" (substring text i))
                       (setq rest (substring text (1- i)))
                     (setq i (1+ i))))) ((eq (aref text i) ?A)
                 (cond ((string-match "AnSiT\\(.\\) \\([^\n]*\\)\n" text i)
                        (if (/= (match-beginning 0) i) (setq i (1+ i))
                          (setq i (match-end 0)) (term--handle-ansi-message (aref (match-string 1 text) 0) (match-string 2 text))))
                       ((string-prefix-p (substring text i) "AnSiT") (setq rest (substring text (1- i))))
                       ((and (string-prefix-p "AnSiT" (substring text i)) (not (string-search "\n" text i)))
                        (setq rest (substring text (1- i))))
                       (t (setq i (1+ i)))))
                (t (let ((e (aref text i)))
                     (setq i (1+ i)) (pcase e
                       (?M (term--reverse-index))
                       (?7 (setq term-saved-cursor (cons term-current-row term-current-column)))
                       (?8 (when term-saved-cursor
                             (setq term-current-row (car term-saved-cursor)
                                   term-current-column (cdr term-saved-cursor))))
                       (?c (term-reset-terminal))
                       (?D (term--linefeed))
                       (?E (setq term-current-column 0) (term--linefeed))
                       (_ (setq i (1- i))))))))
              (?\a (ding t))
              (_ nil)))))) rest))

(defun term--decode (bytes) "Decode BYTES with `locale-coding-system', keeping the bytes of an unfinished character."
  (if (multibyte-string-p bytes) bytes
    (let* ((all (concat term-terminal-undecoded-bytes bytes))
           (keep (if (eq (coding-system-base (or locale-coding-system 'undecided)) 'utf-8)
                     (term--unfinished-utf-8 all) 0)))
      (setq term-terminal-undecoded-bytes (substring all (- (length all) keep)))
      (decode-coding-string (substring all 0 (- (length all) keep)) (or locale-coding-system 'utf-8)))))

(defun term--unfinished-utf-8 (s) "How many bytes at the end of the unibyte S start a UTF-8 character without finishing it."
  (let ((i (1- (length s))) (tail 0) (found 0))
    (while (and (>= i 0) (< tail 4) (zerop found) (<= #x80 (aref s i) #xbf))
      (setq i (1- i) tail (1+ tail)))
    (when (>= i 0)
      (let* ((lead (aref s i))
             (need (cond ((<= #xc2 lead #xdf) 1) ((<= #xe0 lead #xef) 2) ((<= #xf0 lead #xf4) 3) (t 0))))
        (when (< tail need) (setq found (1+ tail)))))
    found))

(defun term-emulate-terminal (proc str) "Show STR, output of PROC, in PROC's buffer as a terminal would."
  (let ((buf (process-buffer proc))) (when (buffer-live-p buf) (with-current-buffer buf (let ((inhibit-read-only t) (text (concat term--pending (term--decode str))))
          (setq term--pending nil)
          (save-restriction (widen) (setq term--pending (term--interpret text))
            ;; A cursor past the last column shows on the last character.
            (term--place (and term--wrap-pending (1- term-width)))
            (set-marker (process-mark proc) (point))))))))

;;; Modes and commands.

(defvar term-mode-map (let ((map (make-sparse-keymap))) (define-key map "\r" #'term-send-input)
    (define-key map "\C-c\C-j" #'term-line-mode)
    (define-key map "\C-c\C-k" #'term-char-mode)
    (define-key map "\C-c\C-c" #'term-interrupt-subjob)
    (define-key map "\C-c\C-d" #'term-send-eof)
    map)
  "Keymap of Term mode in line mode.")

(defvar term-raw-map (let ((map (make-keymap))) (define-key map [remap self-insert-command] #'term-send-raw)
    (dotimes (c 32) (unless (= c ?\C-c) (define-key map (vector c) #'term-send-raw)))
    (define-key map (vector 127) #'term-send-raw)
    (define-key map "\C-c\C-j" #'term-line-mode)
    (define-key map "\C-c\C-k" #'term-char-mode)
    (define-key map "\C-c\C-c" #'term-send-raw)
    map)
  "Keymap of Term mode in char mode: keys go to the program as typed.")

(defun term-maybe-reset-size (size) "Pass SIZE on, after resizing the terminal to it when it changed."
  (when (and size (or (/= (car size) term-width) (/= (cdr size) term-height)))
    (setq term-width (car size) term-height (cdr size))
    (term--set-region nil nil))
  size)

(define-derived-mode term-mode fundamental-mode "Term" "Major mode for a terminal emulator in a buffer.
In char mode (\\[term-char-mode]) each key goes to the program; in line
mode (\\[term-line-mode]) a line is edited, then sent with \\[term-send-input].
\\{term-mode-map}"
  (setq term-home-marker (copy-marker (point-min)))
  (setq term-width (max 1 (if (get-buffer-window) (window-max-chars-per-line) 80))
        term-height (max 1 (if (get-buffer-window) (window-text-height) 24))
        term-current-row 0 term-current-column 0 term-current-face 'term
        term-ansi-at-host (system-name) term-ansi-at-user (user-real-login-name)
        term-ansi-at-dir default-directory term-old-mode-map term-mode-map)
  (term--set-region nil nil)
  (setq-local truncate-lines t) (setq-local indent-tabs-mode nil) (setq-local font-lock-defaults '(nil t)) (add-function :filter-return (local 'window-adjust-process-window-size-function)
                #'term-maybe-reset-size))

(defun term-in-char-mode () "Non-nil when the current buffer's terminal is in char mode."
  (eq (current-local-map) term-raw-map))
(defun term-in-line-mode () "Non-nil when the current buffer's terminal is in line mode."
  (not (term-in-char-mode)))

(defun term-char-mode () "Send each key typed straight to the program."
  (interactive) (let ((mark (process-mark (get-buffer-process (current-buffer)))))
    (when term-char-mode-point-at-process-mark (goto-char mark)))
  (use-local-map term-raw-map) (setq mode-line-process '(": char"))
  (when term-char-mode-buffer-read-only (setq buffer-read-only t)))

(defun term-line-mode () "Edit a line in the buffer, sent to the program with RET."
  (interactive) (use-local-map term-old-mode-map) (setq mode-line-process '(": line") buffer-read-only nil))

(defun term-send-string (proc str) "Send STR to PROC, a process or a buffer's."
  (process-send-string (if (processp proc) proc (get-buffer-process proc)) str))

(defun term-send-raw-string (chars) "Send the string CHARS to the current buffer's program."
  (let ((proc (get-buffer-process (current-buffer)))) (if proc (process-send-string proc chars) (error "Current buffer has no process"))))

(defun term-send-raw () "Send the key just typed to the program."
  (interactive) (term-send-raw-string (string last-command-event)))

(defun term-send-input () "Send the text between the process mark and the end of the line, and a newline."
  (interactive) (let* ((proc (or (get-buffer-process (current-buffer)) (error "Current buffer has no process")))
         (from (marker-position (process-mark proc)))
         (text (buffer-substring-no-properties from (line-end-position))))
    (delete-region from (line-end-position))
    (process-send-string proc (concat text "\n"))))

(defun term-send-eof () "Send an end of file to the program."
  (interactive) (process-send-eof (get-buffer-process (current-buffer))))

(defun term-interrupt-subjob () "Interrupt the program."
  (interactive) (interrupt-process (get-buffer-process (current-buffer))))

(defun term-sentinel (proc msg) "Note in PROC's buffer that it ended, with MSG."
  (let ((buf (process-buffer proc))) (when (and (memq (process-status proc) '(exit signal)) (buffer-live-p buf))
      (with-current-buffer buf (let ((inhibit-read-only t)) (goto-char (point-max)) (insert "\nProcess " (process-name proc) " " msg)
          (term-line-mode))))))

(defun term-exec (buffer name command startfile switches) "Start COMMAND with SWITCHES in BUFFER as process NAME, under the terminal.
STARTFILE, if non-nil, names a file whose contents are sent to it first."
  (with-current-buffer buffer (let ((old (get-buffer-process buffer)))
      (when old (delete-process old)))
    (let* ((process-environment (append (list (format "TERM=%s" term-term-name) "TERMINFO="
                                              (format "INSIDE_EMACS=%s,term:%s" emacs-version "0.96")
                                              (format "LINES=%d" term-height) (format "COLUMNS=%d" term-width))
                                        process-environment)) (proc (apply #'start-process name buffer command switches)))
      (set-process-filter proc #'term-emulate-terminal) (set-process-sentinel proc #'term-sentinel) (set-marker (process-mark proc) (point-max))
      (when startfile (process-send-string proc (with-temp-buffer (insert-file-contents startfile) (buffer-string))))
      (run-hooks 'term-exec-hook) buffer)))

(defun make-term (name program &optional startfile &rest switches) "Make a buffer *NAME* running PROGRAM with SWITCHES in a terminal."
  (let ((buffer (get-buffer-create (concat "*" name "*")))) (unless (get-buffer-process buffer)
      (with-current-buffer buffer (term-mode))
      (term-exec buffer name program startfile switches))
    buffer))

(defun term (program) "Run PROGRAM in a terminal emulator buffer *terminal*, in char mode."
  (interactive (list (read-from-minibuffer "Run program: " (or explicit-shell-file-name (getenv "ESHELL") shell-file-name)))) (set-buffer (make-term "terminal" program)) (term-char-mode) (switch-to-buffer (current-buffer)))

(defvar explicit-shell-file-name nil)
(defvar term-ansi-buffer-name nil "Name of the last buffer `ansi-term' made.")
(defun ansi-term (program &optional new-buffer-name) "Run PROGRAM in a new terminal buffer, named from NEW-BUFFER-NAME (*ansi-term* by default)."
  (interactive (list (read-from-minibuffer "Run program: " (or explicit-shell-file-name (getenv "ESHELL") shell-file-name))))
  (let* ((base (or new-buffer-name "ansi-term"))
         (name (generate-new-buffer-name (concat "*" base "*"))))
    (setq term-ansi-buffer-name name)
    (set-buffer (make-term (substring name 1 -1) program)) (term-char-mode) (switch-to-buffer (current-buffer))))

(provide 'term)
;;; term.el ends here
