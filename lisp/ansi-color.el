;;; ansi-color.el --- turn SGR escape sequences into faces  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; Programs write ESC [ ... m (Select Graphic Rendition) to colour their
;; output.  This library removes those sequences from a string or a stretch
;; of a buffer and puts faces on the text they governed.  The rendition in
;; force is kept as a list of the SGR numbers that are on (latest first), so
;; that a sequence cut in two between two chunks of output, or a colour that
;; is still on at the end of a chunk, carries over to the next call.

;;; Code:

;; The faces.  Attribute faces first, then the sixteen colours as
;; (NAME COLOUR-FOR-TEXT COLOUR-FOR-BACKGROUND).
(custom-declare-group 'ansi-colors nil "Rendering of ANSI SGR escape sequences as faces."
                      :group 'processes :version "21.1")

(let ((attribute-faces '((ansi-color-bold 1 :inherit 'bold) (ansi-color-faint 2 :weight light)
                         (ansi-color-italic 3 :inherit 'italic)
                         (ansi-color-underline 4 :inherit 'underline)
                         (ansi-color-slow-blink 5 :box (:line-width -1))
                         (ansi-color-fast-blink 6 :box (:line-width -1))
                         (ansi-color-inverse 7 :inverse-video t)))
      (colour-faces '((black "black" "black") (red "red3" "red3") (green "green3" "green3")
                      (yellow "yellow3" "yellow3") (blue "blue2" "blue2")
                      (magenta "magenta3" "magenta3") (cyan "cyan3" "cyan3")
                      (white "grey90" "gray90") (bright-black "gray30" "gray30")
                      (bright-red "red2" "red2") (bright-green "green2" "green2")
                      (bright-yellow "yellow2" "yellow2") (bright-blue "blue1" "blue1")
                      (bright-magenta "magenta2" "magenta2") (bright-cyan "cyan2" "cyan2")
                      (bright-white "white" "white"))))
  (pcase-dolist (`(,name ,code . ,attrs) attribute-faces)
    (custom-declare-face name (list (cons t attrs)) (format "How text under SGR %d looks." code)
                         :group 'ansi-colors :version "28.1"))
  (pcase-dolist (`(,colour ,fg ,bg) colour-faces)
    (custom-declare-face (intern (format "ansi-color-%s" colour))
                         `((t :foreground ,fg :background ,bg))
                         (format "The %s of SGR colour codes." colour)
                         :group 'ansi-colors :version "28.1")))

(defmacro ansi-color--option (name value doc type &rest more)
  "Declare the user option NAME of the group, with VALUE, DOC, TYPE and MORE keywords."
  `(custom-declare-variable ',name ',value ,doc :group 'ansi-colors :type ',type ,@more))

(ansi-color--option ansi-color-basic-faces-vector
                    [nil ansi-color-bold ansi-color-faint ansi-color-italic ansi-color-underline
                         ansi-color-slow-blink ansi-color-fast-blink ansi-color-inverse]
                    "The faces SGR numbers 0 to 7 stand for." (vector face face face face face face face face))
(ansi-color--option ansi-color-normal-colors-vector
                    [ansi-color-black ansi-color-red ansi-color-green ansi-color-yellow
                                      ansi-color-blue ansi-color-magenta ansi-color-cyan ansi-color-white]
                    "The faces whose colours SGR numbers 30-37 and 40-47 take." (vector face face face face face face face face))
(ansi-color--option ansi-color-bright-colors-vector
                    [ansi-color-bright-black ansi-color-bright-red ansi-color-bright-green
                                             ansi-color-bright-yellow ansi-color-bright-blue ansi-color-bright-magenta
                                             ansi-color-bright-cyan ansi-color-bright-white]
                    "The faces whose colours SGR numbers 90-97 and 100-107 take." (vector face face face face face face face face))
(ansi-color--option ansi-color-bold-is-bright nil
                    "Non-nil: SGR 1 also switches the normal colours to the bright ones." boolean)
(ansi-color--option ansi-color-for-comint-mode t
                    "How `ansi-color-process-output' treats comint output.
t puts faces, `filter' only deletes the sequences, nil leaves the text alone."
                    (choice (const :tag "Do nothing" nil) (const :tag "Filter" filter)
                            (const :tag "Translate" t)))
(ansi-color--option ansi-color-for-compilation-mode t
                    "How `ansi-color-compilation-filter' treats output, as for comint."
                    (choice (const :tag "Do nothing" nil) (const :tag "Filter" filter)
                            (const :tag "Translate" t)))
;; The old colour map's options, for programs written for older Emacsen.
(ansi-color--option ansi-color-faces-vector [default bold default italic underline success warning error]
                    "The faces of SGR numbers 0 to 7 in the old colour map." (vector face face face face face face face face))
(ansi-color--option ansi-color-names-vector ["black" "red3" "green3" "yellow3" "blue2" "magenta3" "cyan3" "gray90"]
                    "The colour names of the old colour map." (vector color color color color color color color color))

(defvar ansi-color-control-seq-regexp "\e\\[[0-?]*[ -/]*[@-~]"
  "A complete control sequence introduced by ESC [.")
(defvar ansi-color-parameter-regexp "\\([0-9]*\\)[m;]"
  "One SGR parameter and what ends it.")

(defvar ansi-color-apply-face-function #'ansi-color-apply-overlay-face
  "Called with BEG END FACE to give a stretch of buffer text its FACE.")

(defvar-local ansi-color-context nil
  "What `ansi-color-apply' carries to its next call: (CODES FRAGMENT) or nil.")
(defvar-local ansi-color-context-region nil
  "What `ansi-color-apply-on-region' carries to its next call: (CODES POSITION) or nil.")

;;;; The state machine

(defun ansi-color--sgr-numbers (seq)
  "The parameters of the SGR sequence SEQ as numbers; an empty one is 0."
  (let ((body (substring seq 2 -1)))
    (mapcar (lambda (p) (if (string-match-p "\\`[0-9]+\\'" p) (string-to-number p) 0))
            (split-string body ";"))))

(defun ansi-color--drop (codes lo hi)
  "CODES without the numbers from LO to HI."
  (seq-remove (lambda (c) (and (<= lo c) (<= c hi))) codes))

(defun ansi-color--step (codes n)
  "The list of active CODES after SGR number N."
  (cond ((memq n '(1 2 3 4 5 6 7)) (cons n (delq n (copy-sequence codes))))
        ((= n 21) (remq 1 codes))
        ((= n 22) (remq 2 (remq 1 codes)))
        ((memq n '(23 24 27)) (remq (- n 20) codes))
        ((= n 25) (remq 6 (remq 5 codes)))
        ((or (<= 30 n 37) (<= 40 n 47) (<= 90 n 97) (<= 100 n 107))
         (let ((base (* 10 (/ n 10))))
           (cons n (ansi-color--drop codes base (+ base 7)))))
        ((memq n '(39 49 99 109))
         (let ((base (- n 9))) (ansi-color--drop codes base (+ base 7))))
        (t nil)))

(defun ansi-color-apply-sequence (escape-sequence codes)
  "The active codes after ESCAPE-SEQUENCE, starting from the active CODES.
Only an SGR sequence (ending in m) changes them."
  (if (not (string-suffix-p "m" escape-sequence))
      codes
    (let ((state codes))
      (dolist (n (ansi-color--sgr-numbers escape-sequence) state)
        (setq state (ansi-color--step state n))))))

(defun ansi-color-parse-sequence (escape-seq)
  "The SGR numbers of ESCAPE-SEQ, in order."
  (ansi-color--sgr-numbers escape-seq))

(defun ansi-color-get-face-1 (ansi-code &optional bright)
  "The face of the single ANSI-CODE; BRIGHT picks the bright colours for 30-47."
  (let ((colour (lambda (vec i attr)
                  (let ((face (aref vec i)))
                    (list attr (if (eq attr :foreground)
                                   (face-foreground face nil 'default)
                                 (face-background face nil 'default)))))))
    (cond ((<= 0 ansi-code 7) (aref ansi-color-basic-faces-vector ansi-code))
          ((<= 30 ansi-code 37)
           (funcall colour (if bright ansi-color-bright-colors-vector ansi-color-normal-colors-vector)
                    (- ansi-code 30) :foreground))
          ((<= 40 ansi-code 47)
           (funcall colour (if bright ansi-color-bright-colors-vector ansi-color-normal-colors-vector)
                    (- ansi-code 40) :background))
          ((<= 90 ansi-code 97)
           (funcall colour ansi-color-bright-colors-vector (- ansi-code 90) :foreground))
          ((<= 100 ansi-code 107)
           (funcall colour ansi-color-bright-colors-vector (- ansi-code 100) :background)))))

(defun ansi-color--find-face (codes)
  "The face for the active CODES: nil, one face, or a list of them."
  (let* ((bright (and ansi-color-bold-is-bright (memq 1 codes)))
         (faces (delq nil (mapcar (lambda (c) (ansi-color-get-face-1 c bright))
                                  (sort (copy-sequence codes) #'<)))))
    (if (cdr faces) faces (car faces))))

;;;; Strings

(defun ansi-color--scan-string (string colour)
  "Remove the control sequences of STRING, with the carried context.
With COLOUR, put `font-lock-face' on the text the codes govern.
Update `ansi-color-context' and give the text without the sequences."
  (let* ((codes (and colour (car ansi-color-context)))
         (carried (cadr ansi-color-context))
         (str (if carried (concat carried string) string))
         (pos 0) (stretch 0) (pieces nil) fragment)
    (while (string-match ansi-color-control-seq-regexp str pos)
      (let ((beg (match-beginning 0)) (end (match-end 0)))
        (when colour
          (let ((face (ansi-color--find-face codes)))
            (when (and face (< stretch beg))
              (put-text-property stretch beg 'font-lock-face face str))))
        (push (substring str stretch beg) pieces)
        (when colour
          (setq codes (ansi-color-apply-sequence (match-string 0 str) codes)))
        (setq pos end stretch end)))
    (when colour
      (let ((face (ansi-color--find-face codes)))
        (when (and face (< stretch (length str)))
          (put-text-property stretch (length str) 'font-lock-face face str))))
    (let ((esc (string-search "\e" str stretch)))
      (when esc
        (setq fragment (substring str esc))
        (setq str (substring str 0 esc))))
    (push (substring str stretch) pieces)
    (setq ansi-color-context (and (or codes fragment) (list codes fragment)))
    (apply #'concat (nreverse pieces))))

(defun ansi-color-apply (string) "Give STRING without its escape sequences, coloured by `font-lock-face'.
A colour still on, or a sequence begun, at the end is kept in
`ansi-color-context' for the next call."
  (ansi-color--scan-string string t))

(defun ansi-color-filter-apply (string) "Give STRING without its escape sequences, and without faces.
A sequence begun at the end is kept in `ansi-color-context' for the next call."
  (ansi-color--scan-string string nil))

;;;; Buffers

(defun ansi-color-make-extent (from to &optional buffer)
  "Make an overlay from FROM to TO in BUFFER for an SGR face."
  (let ((ov (make-overlay from to buffer)))
    (overlay-put ov 'evaporate t)
    (overlay-put ov 'modification-hooks '(ansi-color-freeze-overlay))
    (overlay-put ov 'insert-behind-hooks '(ansi-color-freeze-overlay))
    ov))

(defun ansi-color-set-extent-face (extent face)
  "Give the overlay EXTENT the FACE."
  (overlay-put extent 'face face)
  extent)

(defun ansi-color-freeze-overlay (overlay is-after begin end &optional len)
  "Keep OVERLAY from growing with text inserted at its end (a modification hook).
IS-AFTER, BEGIN, END and LEN are the hook's arguments."
  (ignore begin len)
  (let ((ov-end (overlay-end overlay)) (ov-start (overlay-start overlay)))
    (and is-after (= ov-end end) (< ov-start ov-end)
         (move-overlay overlay ov-start begin))))

(defun ansi-color-apply-overlay-face (beg end face)
  "Put FACE on the text from BEG to END with an overlay (when FACE is non-nil)."
  (if face (ansi-color-set-extent-face (ansi-color-make-extent beg end) face)))

(defun ansi-color-apply-text-property-face (beg end face)
  "Put FACE as the `font-lock-face' of the text from BEG to END (when non-nil)."
  (and face (add-text-properties beg end (list 'font-lock-face face))))

(defun ansi-color--scan-region (begin end mode)
  "Handle the control sequences between BEGIN and END.
MODE is `apply' (faces, sequences removed), `keep' (faces, sequences made
invisible) or `filter' (sequences removed, no faces)."
  (let* ((codes (car ansi-color-context-region))
         (from (or (cadr ansi-color-context-region) begin))
         (stop (copy-marker end))
         (stretch (copy-marker (if (markerp from) (marker-position from) from))))
    (save-excursion
      (goto-char stretch)
      (while (re-search-forward ansi-color-control-seq-regexp stop t)
        (let ((beg (match-beginning 0)) (seq (match-string 0)) (seq-end (point)))
          (unless (eq mode 'filter)
            (funcall ansi-color-apply-face-function stretch beg (ansi-color--find-face codes))
            (setq codes (ansi-color-apply-sequence seq codes)))
          (if (eq mode 'keep)
              (overlay-put (make-overlay beg seq-end) 'invisible t)
            (delete-region beg seq-end))
          (set-marker stretch (point))))
      (goto-char stretch)
      (let ((esc (search-forward "\e" stop t)))
        (if esc
            (let ((at (1- esc)))
              (unless (eq mode 'filter)
                (funcall ansi-color-apply-face-function stretch at (ansi-color--find-face codes)))
              (setq ansi-color-context-region
                    (list codes (if (eq mode 'filter) at (copy-marker at)))))
          (unless (eq mode 'filter)
            (funcall ansi-color-apply-face-function stretch stop (ansi-color--find-face codes)))
          (setq ansi-color-context-region
                (and codes (list codes (copy-marker stretch)))))))
    (set-marker stop nil)
    (set-marker stretch nil)))

(defun ansi-color-apply-on-region (begin end &optional preserve-sequences) "Turn the SGR sequences between BEGIN and END into faces.
The faces are put by `ansi-color-apply-face-function' (overlays by
default).  With PRESERVE-SEQUENCES the sequences stay in the buffer,
made invisible.  The codes still on at the end, and where they began,
are kept in `ansi-color-context-region' for the next call."
  (ansi-color--scan-region begin end (if preserve-sequences 'keep 'apply)))

(defun ansi-color-filter-region (begin end) "Delete the control sequences between BEGIN and END.
A sequence begun at the end is left in place and its position kept in
`ansi-color-context-region'."
  (ansi-color--scan-region begin end 'filter))

;;;; Comint and compilation

(defun ansi-color-process-output (ignored) "Colour or filter the output comint just inserted.
IGNORED is the output string; the region from `comint-last-output-start'
to the process mark is what is handled, as `ansi-color-for-comint-mode' says."
  (ignore ignored)
  (let ((start (and (boundp 'comint-last-output-start)
                    (marker-position comint-last-output-start)))
        (proc (get-buffer-process (current-buffer))))
    (when (and start proc)
      (let ((end (process-mark proc)))
        (pcase ansi-color-for-comint-mode
          ('nil nil)
          ('filter (ansi-color-filter-region start end))
          (_ (ansi-color-apply-on-region start end)))))))

(defun ansi-color-compilation-filter () "Colour or filter compilation output, as `ansi-color-for-compilation-mode' says.
The region is from `compilation-filter-start' to point."
  (let ((inhibit-read-only t)
        (start (and (boundp 'compilation-filter-start) compilation-filter-start)))
    (when start
      (cond ((eq ansi-color-for-compilation-mode 'filter)
             (ansi-color-filter-region start (point)))
            (ansi-color-for-compilation-mode
             (ansi-color-apply-on-region start (point)))))))

(defun ansi-color-for-comint-mode-on () "Make comint buffers colour their output."
  (interactive)
  (set-default 'ansi-color-for-comint-mode t))

(defun ansi-color-for-comint-mode-off () "Make comint buffers leave escape sequences alone."
  (interactive)
  (set-default 'ansi-color-for-comint-mode nil))

(defun ansi-color-for-comint-mode-filter () "Make comint buffers drop escape sequences without colouring."
  (interactive)
  (set-default 'ansi-color-for-comint-mode 'filter))

(provide 'ansi-color)

;;; ansi-color.el ends here
