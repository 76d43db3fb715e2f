;;; time.el --- the time, load and mail in the mode line; world clocks; Emacs's uptime  -*- lexical-binding: t -*-

;; Part of tsmacs.  Written from GNU Emacs 28.2's observed behaviour.
;;
;; `display-time-mode' keeps `display-time-string' in `global-mode-string'
;; and redoes it (`display-time-update') every `display-time-interval'
;; seconds: the forms of `display-time-string-forms' are evaluated, with
;; the time's parts, the load text and whether mail waits bound around
;; them, and their values concatenated.  `world-clock' lists the time in
;; the places of `world-clock-list' in a buffer of its own, redone every
;; `world-clock-timer-second' seconds.  `emacs-uptime' and
;; `emacs-init-time' say how long this Emacs has run and took to start.

;;; Code:

(require 'seq)

(defgroup display-time nil "The time, the load and waiting mail, in the mode line." :group 'mode-line)

(defgroup world-clock nil "The time of day in several places of the world at once." :group 'display-time)

(defmacro time--options (group &rest specs) "Define user options of GROUP, one per element of SPECS.
An element is (NAME INITIAL TYPE DOC [VERSION])."
  (let ((forms nil))
    (pcase-dolist (`(,name ,initial ,type ,doc ,version) specs)
      (push `(defcustom ,name ,(if (and (consp initial) (not (eq (car initial) 'time--pairs)))
                                   (list 'quote initial)
                                 initial)
                 ,doc
               :group ',group :type ',type ,@(and version (list :version version)))
            forms))
    (macroexp-progn (nreverse forms))))

(time--options
 display-time
 (display-time-mail-file nil (choice (const :tag "None" none) (const :tag "Default" nil) (file :format "%v"))
                         "The file checked for new mail; nil for the system's spool file, `none' for none.")
 (display-time-mail-directory nil (choice (const :tag "None" nil) (directory :format "%v"))
                              "A directory whose non-empty files mean new mail, checked instead of the spool file.")
 (display-time-mail-function nil (choice (const :tag "Default" nil) (function))
                             "A function of no arguments saying whether mail waits, instead of the file checks.")
 (display-time-default-load-average 0 (choice (const :tag "1 minute load" 0) (const :tag "5 minutes load" 1)
                                              (const :tag "15 minutes load" 2) (const :tag "None" nil))
                                    "Which load average the mode line shows: 0, 1 or 2 for 1, 5 or 15 minutes; nil for none.")
 (display-time-load-average-threshold 0.1 number "The load under which no load is shown.")
 (display-time-day-and-date nil boolean "Non-nil shows the day and date before the time (when `display-time-format' is nil).")
 (display-time-interval 60 integer "Seconds between two updates of the time in the mode line.")
 (display-time-24hr-format nil boolean "Non-nil shows the time as 0-23 hours instead of 1-12 with AM/PM.")
 (display-time-hook nil hook "Functions run after each update of the time in the mode line.")
 (display-time-mail-face nil (choice (const :tag "None" nil) face) "Face of the mail notice in the mode line." "22.1")
 (display-time-use-mail-icon nil boolean "Non-nil shows an icon instead of text for mail, on graphic displays.")
 (display-time-mail-string "Mail" (choice (const "Mail") (const :tag "Unicode letter character" "✉") string)
                           "Text shown when mail waits." "22.1")
 (display-time-format nil (choice (const :tag "Default" nil) string)
                      "A `format-time-string' template for the time in the mode line; nil for the default."))

(defvar display-time-load-average nil "Which load average is shown now (see `display-time-default-load-average').")
(defvar display-time-string nil "The text `display-time-mode' shows in the mode line.")
(put 'display-time-string 'risky-local-variable 't)
(defvar display-time-timer nil "The timer of `display-time-mode', or nil.")
(defvar read-mail-command)
(defvar display-time-mail-icon nil "The image descriptor of the mail icon, or nil.")

(defun display-time--clock (now) "The time NOW as the mode line shows it, per `display-time-format'."
  (let ((template (cond (display-time-format)
                        (display-time-24hr-format "%H:%M")
                        (t "%-I:%M%p"))))
    (concat (and display-time-day-and-date (null display-time-format)
                 (format-time-string "%a %b %e " now))
            (propertize (format-time-string template now)
                        'help-echo (format-time-string "%a %b %e, %Y" now)))))

(defun display-time--mail-notice (mail) "The mode-line notice of waiting mail when MAIL is non-nil, else \"\"."
  (if (not mail)
      ""
    (let ((keys (make-mode-line-mouse-map 'mouse-2 read-mail-command)))
      (concat " " (propertize display-time-mail-string 'local-map keys 'mouse-face 'mode-line-highlight
                              'help-echo "You have new mail; mouse-2: Read mail" 'face display-time-mail-face)))))

(defcustom display-time-string-forms
  '((display-time--clock now) load (display-time--mail-notice mail) " ")
  "Forms whose values, concatenated, make `display-time-string'.
They are evaluated with these variables bound: `now' (the time),
`time' (as `current-time-string' gives it), `year', `month', `day',
`24-hours', `12-hours', `minutes', `seconds', `am-pm', `dayname',
`monthname', `time-zone' (strings), `load' (the load text) and `mail'
(non-nil when mail waits)."
  :group 'display-time :type 'sexp)


(defun display-time-file-nonempty-p (file) "Non-nil when FILE, after its links, exists and is not empty."
  (let ((attributes (file-attributes (file-chase-links file))))
    (and attributes (> (file-attribute-size attributes) 0))))

(defun display-time-mail-check-directory () "The size of the first non-empty plain file of `display-time-mail-directory', or nil."
  (seq-some (lambda (file)
              (let ((size (and (file-regular-p file) (file-attribute-size (file-attributes file)))))
                (and size (> size 0) size)))
            (directory-files display-time-mail-directory t)))

(defun display-time-update--load () "The load-average text of the mode line, \"\" when none is to be shown."
  ;; No load where the system gives none.
  (let ((hundredths (and display-time-load-average
                         (ignore-errors (nth display-time-load-average (load-average))))))
    (if (or (null hundredths) (< (/ hundredths 100.0) display-time-load-average-threshold))
        ""
      (let ((span (nth display-time-load-average '("1 minute" "5 minutes" "15 minutes")))
            (keys (make-mode-line-mouse-map 'mouse-2 #'display-time-next-load-average)))
        (propertize (format " %d.%02d" (/ hundredths 100) (% hundredths 100))
                    'local-map keys 'mouse-face 'mode-line-highlight
                    'help-echo (format "System load average for past %s; mouse-2: next" span))))))

(defun display-time-update--mail () "Non-nil when mail waits, as the display-time-mail options say to check."
  (cond (display-time-mail-function (funcall display-time-mail-function))
        (display-time-mail-directory (display-time-mail-check-directory))
        ((eq display-time-mail-file 'none) nil)
        (t (display-time-file-nonempty-p
            (or display-time-mail-file (getenv "MAIL")
                (concat (bound-and-true-p rmail-spool-directory) (user-login-name)))))))

(defun display-time-update () "Recompute `display-time-string' from the time, the load and the mail."
  (let* ((clock (current-time))
         ;; What the forms may refer to, as a lexical environment for `eval'.
         (env `((now . ,clock) (time . ,(current-time-string clock))
                (load . ,(display-time-update--load)) (mail . ,(display-time-update--mail))
                ,@(mapcar (lambda (spec) (cons (car spec) (format-time-string (cdr spec) clock)))
                          '((year . "%Y") (month . "%m") (day . "%e") (24-hours . "%H") (12-hours . "%-I")
                            (minutes . "%M") (seconds . "%S") (am-pm . "%P") (dayname . "%a")
                            (monthname . "%b") (time-zone . "%Z"))))))
    (setq display-time-string (apply #'concat (mapcar (lambda (form) (eval form env)) display-time-string-forms)))
    (run-hooks 'display-time-hook)
    (force-mode-line-update 'all)))

(defun display-time-event-handler () "What `display-time-timer' runs."
  (display-time-update))

(defun display-time-next-load-average () "Show the next of the three load averages in the mode line."
  (interactive)
  (setq display-time-load-average (if (= display-time-load-average 2) 0 (1+ display-time-load-average)))
  (display-time-update))

(defun display-time () "Turn on `display-time-mode'." (interactive) (display-time-mode 'toggle-on))

(define-minor-mode display-time-mode "Show the time (and load, and waiting mail) in the mode line.
`display-time-string-forms' says what is shown."
  :group 'display-time :global t
  (when (timerp display-time-timer) (cancel-timer display-time-timer))
  (setq display-time-timer nil
        display-time-string ""
        display-time-load-average display-time-default-load-average
        global-mode-string (or global-mode-string (list "")))
  (cond ((not display-time-mode)
         (setq global-mode-string (delq 'display-time-string global-mode-string)))
        (t
         (unless (memq 'display-time-string global-mode-string)
           (setq global-mode-string (append global-mode-string '(display-time-string))))
         (setq display-time-timer (run-at-time t display-time-interval #'display-time-event-handler))
         (display-time-update))))

;;; World clocks.

(defface world-clock-label '((t (:inherit font-lock-variable-name-face))) "Face of the place names of a world clock."
  :group 'world-clock :version "28.1")

(defun time--pairs (&rest zones-and-labels) "The list of (ZONE LABEL) made of ZONES-AND-LABELS taken two by two."
  (and zones-and-labels
       (cons (list (car zones-and-labels) (cadr zones-and-labels))
             (apply #'time--pairs (cddr zones-and-labels)))))

(time--options
 world-clock
 (zoneinfo-style-world-list (time--pairs "America/Los_Angeles" "Seattle" "America/New_York" "New York"
                                         "Europe/London" "London" "Europe/Paris" "Paris"
                                         "Asia/Calcutta" "Bangalore" "Asia/Tokyo" "Tokyo")
                            (repeat (list string string))
                            "Places of `world-clock' when time zones have names such as Europe/Paris." "23.1")
 (legacy-style-world-list (time--pairs "PST8PDT" "Seattle" "EST5EDT" "New York" "GMT0BST" "London"
                                       "CET-1CDT" "Paris" "IST-5:30" "Bangalore" "JST-9" "Tokyo")
                          (repeat (list string string))
                          "Places of `world-clock' written as POSIX TZ rules, for systems without zone names." "23.1")
 (world-clock-list t (choice (const :tag "Default" t)
                             (repeat :tag "List of zones and labels" (list (string :tag "Zone") (string :tag "Label"))))
                   "The places of `world-clock', as (ZONE LABEL); t for one of the two lists above." "28.1")
 (world-clock-time-format "%A %d %B %R %Z" string "The `format-time-string' template of a world clock's times." "28.1")
 (world-clock-buffer-name "*wclock*" string "The name of the world clock's buffer." "28.1")
 (world-clock-timer-enable t boolean "Non-nil redoes the world clock every `world-clock-timer-second' seconds." "28.1")
 (world-clock-timer-second 60 integer "Seconds between two updates of the world clock." "28.1"))

(defvar world-clock--timer nil "The timer redoing the world clock, or nil.")

(defun world-clock--places () "The places `world-clock-list' means, as (ZONE LABEL)."
  (cond ((not (eq world-clock-list t)) world-clock-list)
        ;; Zone names are known when the system has its zone database.
        ((file-exists-p "/usr/share/zoneinfo") zoneinfo-style-world-list)
        (t legacy-style-world-list)))

(defun world-clock-display (alist) "Fill the current buffer with the time now in the places of ALIST, (ZONE LABEL) each."
  (delete-region (point-min) (point-max))
  (let ((width (apply #'max 0 (mapcar (lambda (place) (string-width (cadr place))) alist)))
        (clock (current-time)))
    (dolist (place alist)
      ;; The label is padded to the widest one, padding included in its face.
      (insert (propertize (concat (cadr place) (make-string (- width (string-width (cadr place))) ?\s))
                          'face 'world-clock-label)
              " " (format-time-string world-clock-time-format clock (car place))
              "\n")))
  ;; No newline after the last line: GNU's fails on an empty list here.
  (delete-char -1)
  (goto-char 1))

(defun world-clock-cancel-timer () "Stop updating the world clock."
  (when (timerp world-clock--timer)
    (cancel-timer world-clock--timer))
  (setq world-clock--timer nil))

(defun world-clock-update (&optional _arg _noconfirm) "Redo the world clock's buffer, if it is live; else stop its timer."
  (let ((buffer (get-buffer world-clock-buffer-name)))
    (cond ((buffer-live-p buffer)
           (with-current-buffer buffer
             (let ((line (line-number-at-pos)) (inhibit-read-only t))
               (world-clock-display (world-clock--places))
               (forward-line (1- line)))))
          (t (world-clock-cancel-timer)))))

(defvar world-clock-mode-map
  (let ((keys (make-sparse-keymap)))
    (dolist (binding '(("n" . next-line) ("p" . previous-line)))
      (define-key keys (car binding) (cdr binding)))
    keys)
  "Keys of the world clock's buffer.")

(define-derived-mode world-clock-mode special-mode "World clock"
  "Mode of the buffer `world-clock' shows; \\<world-clock-mode-map>\\[revert-buffer] redoes it."
  :interactive nil
  (setq-local show-trailing-whitespace nil
              revert-buffer-function #'world-clock-update))

(defun world-clock () "Show the time in the places of `world-clock-list', in a buffer of its own."
  (interactive)
  (and world-clock-timer-enable (null world-clock--timer)
       (setq world-clock--timer (run-at-time t world-clock-timer-second #'world-clock-update)))
  (pop-to-buffer (get-buffer-create world-clock-buffer-name))
  (let ((inhibit-read-only t)) (world-clock-display (world-clock--places)))
  (world-clock-mode)
  (add-hook 'kill-buffer-hook #'world-clock-cancel-timer nil t)
  (fit-window-to-buffer))

(dolist (old '((display-time-world . world-clock) (display-time-world-mode . world-clock-mode)
                (display-time-world-display . world-clock-display)
                (display-time-world-timer . world-clock-update)))
  (define-obsolete-function-alias (car old) (cdr old) "28.1"))
(dolist (old '((display-time-world-list . world-clock-list)
               (display-time-world-time-format . world-clock-time-format)
               (display-time-world-buffer-name . world-clock-buffer-name)
               (display-time-world-timer-enable . world-clock-timer-enable)
               (display-time-world-timer-second . world-clock-timer-second)))
  (define-obsolete-variable-alias (car old) (cdr old) "28.1"))

;;; How long Emacs has run.

(defun emacs-uptime (&optional format here) "How long this Emacs has run, as `format-seconds' writes it with FORMAT.
FORMAT defaults to \"%Y, %D, %H, %M, %z%S\".  Interactively, or with
HERE non-nil, the text is also shown (inserted at point with HERE)."
  (interactive)
  (let ((text (format-seconds (or format "%Y, %D, %H, %M, %z%S")
                              (time-convert (time-since before-init-time) 'integer))))
    (cond (here (insert text))
          ((called-interactively-p 'interactive) (message "%s" text)))
    text))

(defun emacs-init-time (&optional format) "How long this Emacs took to start, as `format' writes the seconds with FORMAT.
FORMAT defaults to \"%f seconds\".  Interactively the text is also shown."
  (interactive)
  (let* ((seconds (float-time (time-subtract after-init-time before-init-time)))
         (text (format (or format "%f seconds") seconds)))
    (if (called-interactively-p 'interactive) (message "%s" text) text)))

(provide 'time)

;;; time.el ends here
