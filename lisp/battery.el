;;; battery.el --- the battery's state, in the echo area and the mode line  -*- lexical-binding: t -*-

;; Part of tsmacs.  Written from GNU Emacs 28.2's observed behaviour.
;;
;; A status function (`battery-status-function') returns an alist from
;; format characters to strings; `battery-format' fills a template from
;; it (the `format-spec' directives, unknown ones dropped).  `battery'
;; shows `battery-echo-area-format' filled in; `display-battery-mode'
;; keeps `battery-mode-line-format' filled in, in `global-mode-string',
;; redone every `battery-update-interval' seconds.
;;
;; The status function written here reads Linux's power-supply class
;; (/sys/class/power_supply): every device with a `capacity' file is a
;; battery, its `uevent' file gives its figures, and the figures of all
;; batteries present are added up.  The characters it fills:
;;   %c charge left (energy over voltage)   %r power drawn, in W
;;   %B state as the kernel words it         %b "+" charging, "!"/"-" below
;;   %p load, in percent                        the critical/low levels
;;   %m, %h minutes, hours left to empty (to full when charging)
;;   %t the same as H:MM                     %d temperature
;;   %L the mains: "AC" on line, "BAT" off it
;; Anything not known is "N/A".  The other platforms' sources (APM,
;; ACPI's /proc files, UPower over D-Bus, BSD, macOS, Windows) are not
;; here, only the helpers GNU's tests exercise: the `rx' forms for
;; /proc/apm and ACPI figures, and the merging of UPower device states.

;;; Code:

(require 'rx)
(require 'format-spec)
(require 'seq)

(defgroup battery nil "The state of the computer's battery, shown on request or in the mode line."
  :prefix "battery-" :group 'hardware)

(defface battery-load-low '((t (:inherit warning))) "Face for the mode-line battery text once the load is under `battery-load-low'."
  :group 'battery :version "28.1")

(defface battery-load-critical '((t (:inherit error))) "Face for the mode-line battery text once the load is under `battery-load-critical'."
  :group 'battery :version "28.1")

(defconst battery--sysfs-directory "/sys/class/power_supply/" "Where Linux lists its power supplies.")

(defun battery--files (dir) "The files of directory DIR, with their directory, not counting . and ..; nil when DIR cannot be read."
  (ignore-errors (directory-files dir t directory-files-no-dot-files-regexp)))

(defun battery--find-linux-sysfs-batteries () "The power-supply devices of this Linux that are batteries (they have a `capacity')."
  (seq-filter (lambda (dir) (file-exists-p (expand-file-name "capacity" dir)))
              (battery--files battery--sysfs-directory)))

(defun battery--sysfs-fields (dir) "The POWER_SUPPLY_ figures of the `uevent' file of DIR, as an alist from names to strings."
  (with-temp-buffer
    (when (ignore-errors (insert-file-contents (expand-file-name "uevent" dir) nil nil nil t))
      (let ((fields nil))
        (while (re-search-forward (rx bol "POWER_SUPPLY_" (group (+ (any "A-Z" "0-9" "_"))) "=" (group (* nonl)) eol)
                                  nil t)
          (push (cons (match-string 1) (match-string 2)) fields))
        (nreverse fields)))))

(defun battery--sysfs-mains () "\"AC\" or \"BAT\" as the first mains adapter is on line or not; \"N/A\" without one."
  (catch 'done
    (dolist (name '("AC" "ACAD" "ADP1"))
      (with-temp-buffer
        (when (ignore-errors (insert-file-contents (concat battery--sysfs-directory name "/online") nil nil nil t))
          (cond ((looking-at-p "1") (throw 'done "AC"))
                ((looking-at-p "0") (throw 'done "BAT"))))))
    "N/A"))

(defun battery-linux-sysfs () "The state of the batteries Linux lists in /sys/class/power_supply, as an alist for `battery-format'."
  (let ((volts 10.8) (energy nil) (full nil) (rate nil) (state nil) (temp nil))
    (dolist (dir (battery--find-linux-sysfs-batteries))
      (let ((fields (battery--sysfs-fields dir)))
        (when (equal (cdr (assoc "PRESENT" fields)) "1")
          (let* ((num (lambda (key) (let ((v (cdr (assoc key fields)))) (and v (string-to-number v)))))
                 (v (funcall num "VOLTAGE_NOW")))
            (when v (setq volts (/ v 1e6)))
            ;; Figures in charge (µAh, µA) become energy (µWh, µW) at the voltage.
            (let ((now (or (funcall num "ENERGY_NOW")
                           (let ((c (funcall num "CHARGE_NOW"))) (and c (* c volts)))))
                  (top (or (funcall num "ENERGY_FULL")
                           (let ((c (funcall num "CHARGE_FULL"))) (and c (* c volts)))))
                  (draw (or (funcall num "POWER_NOW")
                            (let ((c (funcall num "CURRENT_NOW"))) (and c (* c volts))))))
              (when now (setq energy (+ (or energy 0) now)))
              (when top (setq full (+ (or full 0) top)))
              (when draw (setq rate (+ (or rate 0) draw))))
            (setq state (or state (cdr (assoc "STATUS" fields)))
                  temp (or temp (cdr (assoc "TEMP" fields))))))))
    (let* ((load (and energy full (> full 0) (/ (* 100.0 energy) full)))
           ;; Hours to empty, or to full unless discharging.
           (hours (and energy rate (> rate 0)
                       (if (equal state "Discharging")
                           (/ (float energy) rate)
                         (and full (/ (float (- full energy)) rate)))))
           (minutes (and hours (floor (* 60 hours)))))
      ;; Every figure not known is "N/A".
      (mapcar (lambda (entry) (cons (car entry) (or (cdr entry) "N/A")))
              `((?c . ,(and energy (number-to-string (/ energy volts))))
                (?r . ,(and rate (> rate 0) (format "%.1f" (/ rate 1e6))))
                (?m . ,(and minutes (number-to-string minutes)))
                (?h . ,(and hours (number-to-string (floor hours))))
                (?t . ,(and hours (format "%d:%02d" (floor hours) (floor (* 60 (- hours (floor hours)))))))
                (?d . ,temp)
                (?B . ,state)
                (?b . ,(cond ((equal state "Charging") "+")
                             ((null load) "")
                             ((< load battery-load-critical) "!")
                             ((< load battery-load-low) "-")
                             (t "")))
                (?p . ,(and load (format "%.1f" load)))
                (?L . ,(battery--sysfs-mains)))))))

(defcustom battery-status-function
  (and (eq system-type 'gnu/linux) (battery--find-linux-sysfs-batteries) #'battery-linux-sysfs)
  "Function of no arguments returning the battery's state, as an alist from format characters to strings.
nil when this system has no battery Emacs knows how to read."
  :group 'battery :type '(choice (const nil) function))

(defcustom battery-echo-area-format "Power %L, battery %B (%p%% load, remaining time %t)"
  "Template of the message of \\[battery], filled by `battery-format'; nil for none."
  :group 'battery :type '(choice string (const nil)))

(defcustom battery-mode-line-format (and battery-status-function "[%b%p%%] ")
  "Template of the mode-line text of `display-battery-mode', filled by `battery-format'; nil for none."
  :group 'battery :type '(choice string (const nil)))

(defcustom battery-mode-line-limit 100 "The load, in percent, above which the mode line shows nothing."
  :group 'battery :type 'integer :version "24.1")

(defcustom battery-update-interval 60 "Seconds between two updates of the mode-line battery text."
  :group 'battery :type 'integer)

(defcustom battery-load-low 25 "The load, in percent, under which the battery counts as low (face `battery-load-low', %b \"-\")."
  :group 'battery :type 'integer)

(defcustom battery-load-critical 10 "The load, in percent, under which the battery counts as critical (face `battery-load-critical', %b \"!\")."
  :group 'battery :type 'integer)

(defvar battery-mode-line-string nil "The battery text `display-battery-mode' puts in the mode line.")
(defvar battery-update-timer nil "The timer redoing `battery-mode-line-string', or nil.")

(defun battery-format (format alist) "Fill the template FORMAT from ALIST, an alist from characters to strings.
The directives are those of `format-spec'; one whose character ALIST
lacks is dropped."
  (format-spec format alist 'delete))

;;;###autoload
(defun battery () "Show the battery's state in the echo area, as `battery-echo-area-format' says."
  (interactive)
  (let ((text (and battery-status-function battery-echo-area-format
                    (battery-format battery-echo-area-format (funcall battery-status-function)))))
    (message "%s" (or text "Battery status not available"))))

(defun battery-update () "Recompute `battery-mode-line-string' from the battery's state."
  (let* ((state (and battery-status-function (funcall battery-status-function)))
         (load (cdr (assq ?p state)))
         (level (string-to-number load))
         (face (and (string-match-p "\\`[0-9.]+\\'" load)
                    (cond ((< level battery-load-critical) 'battery-load-critical)
                          ((< level battery-load-low) 'battery-load-low))))
         (text (if (and battery-mode-line-format (<= level battery-mode-line-limit))
                   (battery-format battery-mode-line-format state)
                 "")))
    (setq battery-mode-line-string
          (if (equal text "")
              text
            (apply #'propertize text 'help-echo "Battery status information"
                   (and face (list 'face face)))))
    (force-mode-line-update t)))

(defun battery-update-handler () "What `battery-update-timer' runs."
  (battery-update)
  (sit-for 0))

;;;###autoload
(define-minor-mode display-battery-mode "Show the battery's state in the mode line, as `battery-mode-line-format' says.
It is redone every `battery-update-interval' seconds."
  :group 'battery :global t
  (when (timerp battery-update-timer) (cancel-timer battery-update-timer))
  (setq battery-mode-line-string ""
        global-mode-string (or global-mode-string (list "")))
  (cond ((not display-battery-mode)
         (setq global-mode-string (delq 'battery-mode-line-string global-mode-string)))
        ((null battery-status-function)
         (setq display-battery-mode nil)
         (message "Battery status not available"))
        (t
         (unless (memq 'battery-mode-line-string global-mode-string)
           (setq global-mode-string (append global-mode-string '(battery-mode-line-string))))
         (battery-update)
         (setq battery-update-timer
               (run-at-time nil battery-update-interval #'battery-update-handler)))))

;;; The sources of other platforms: what GNU's tests call.

(rx-define battery--linux-proc-apm
  ;; Driver and BIOS versions, BIOS flags, mains, battery state and
  ;; flags in hexadecimal, the load, the time left and its unit.
  (sequence line-start
            (submatch (one-or-more (not (any " ")))) " "
            (submatch (one-or-more (not (any " "))))
            " 0x" (submatch (one-or-more hex-digit)) " 0x" (submatch (one-or-more hex-digit))
            " 0x" (submatch (one-or-more hex-digit)) " 0x" (submatch (one-or-more hex-digit))
            " " (submatch (opt "-") (one-or-more (any "0-9"))) "% "
            (submatch (opt "-") (one-or-more (any "0-9"))) " "
            (submatch (zero-or-more not-newline)) line-end))

(defvar battery-linux-proc-apm-regexp (rx battery--linux-proc-apm) "What a line of /proc/apm looks like, with a group per figure.")

(rx-define battery--acpi-rate () (sequence (submatch (one-or-more (any "0-9"))) " " (submatch "m" (any "AW"))))

(rx-define battery--acpi-capacity (sequence (submatch (one-or-more (any "0-9"))) " " (submatch "m" (any "AW") "h")))

(defun battery--upower-state (props state) "Merge the state of one UPower device, in its PROPS alist, into STATE.
STATE is what the devices seen so far add up to (a symbol, or nil for
unknown).  Charging beats discharging, which beats a pending charge,
which beats a pending discharge; a full device and an empty one make
an unknown state; a device whose state is unknown changes nothing."
  (let* ((ranks '((charging . 0) (discharging . 1) (pending-charge . 2)
                  (pending-discharge . 3) (empty . 4) (fully-charged . 4)))
         (code (cdr (assoc "State" props)))
         (new (and (integerp code) (car (rassq code '((charging . 1) (discharging . 2) (empty . 3)
                                                     (fully-charged . 4) (pending-charge . 5)
                                                     (pending-discharge . 6))))))
         (old (cdr (assq state ranks)))
         (rank (cdr (assq new ranks))))
    (cond ((null new) state)
          ((or (null old) (< rank old)) new)
          ((> rank old) state)
          ((eq new state) state))))

(provide 'battery)

;;; battery.el ends here
