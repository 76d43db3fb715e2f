;;; parse-time.el --- read dates written in the usual mail, log and ISO styles  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.
;; `parse-time-string' (autoloaded) reads the pieces of a date that it
;; recognises and leaves the rest of the decoded time empty.

;;; Code:

(defconst parse-time--months
  '("jan" "feb" "mar" "apr" "may" "jun" "jul" "aug" "sep" "oct" "nov" "dec")
  "Month name prefixes, January first.")

(defconst parse-time--weekdays '("sun" "mon" "tue" "wed" "thu" "fri" "sat")
  "Weekday name prefixes, Sunday (0) first.")

(defconst parse-time--zones
  '(("ut" 0 nil) ("gmt" 0 nil)
    ("est" -18000 nil) ("edt" -14400 t) ("cst" -21600 nil) ("cdt" -18000 t)
    ("mst" -25200 nil) ("mdt" -21600 t) ("pst" -28800 nil) ("pdt" -25200 t))
  "Zone names: offset in seconds and whether it is daylight-saving time.")

(defun parse-time--name-index (word names) "The index in NAMES of the name WORD starts with (at least three letters), or nil."
  (and (>= (length word) 3)
       (seq-position names (downcase (substring word 0 3)))))

(defun parse-time--iso (string) "Decode STRING if it is a whole ISO 8601 date and time, else give nil."
  (when (string-match (concat "\\`\\([0-9]\\{4\\}\\)-\\([0-9][0-9]\\)-\\([0-9][0-9]\\)[Tt]"
                              "\\([0-9][0-9]\\):\\([0-9][0-9]\\)\\(?::\\([0-9][0-9]\\)\\(?:[.,][0-9]+\\)?\\)?"
                              "\\([Zz]\\|[-+][0-9][0-9]\\(?::?[0-9][0-9]\\)?\\)?\\'")
                      string)
    (let* ((num (lambda (i) (and (match-beginning i) (string-to-number (match-string i string)))))
           (zone-text (match-string 7 string))
           (zone (and zone-text (parse-time--offset zone-text))))
      (list (or (funcall num 6) 0) (funcall num 5) (funcall num 4)
            (funcall num 3) (funcall num 2) (funcall num 1)
            nil (if zone nil -1) zone))))

(defun parse-time--offset (text) "Seconds east of UTC for the zone TEXT: Z, +HH, +HHMM or +HH:MM."
  (if (member text '("Z" "z"))
      0
    (let* ((digits (replace-regexp-in-string ":" "" (substring text 1)))
           (hours (string-to-number (substring digits 0 2)))
           (minutes (if (> (length digits) 2) (string-to-number (substring digits 2 4)) 0)))
      (* (if (eq (aref text 0) ?-) -1 1) (+ (* 3600 hours) (* 60 minutes))))))

(defun parse-time-string (string) "Read the date and time in STRING into a decoded time.
Fields the text does not give are nil, but for dst, which is -1 unless
a named zone says.  Mail style (\"Thu, 04 Mar 2021 05:06:07 +0100\"),
ctime style, ISO 8601 and dates with month names are understood."
  (or (parse-time--iso string)
      (let ((sec nil) (min nil) (hour nil) (day nil) (month nil) (year nil)
            (wday nil) (dst -1) (zone nil))
        (dolist (tok (split-string string "[ \t\n,]+" t))
          (let ((low (downcase tok)))
            (cond
             ((string-match "\\`\\([0-9]?[0-9]\\):\\([0-9][0-9]\\)\\(?::\\([0-9][0-9]\\)\\(?:[.,][0-9]*\\)?\\)?\\'" tok)
              (setq hour (string-to-number (match-string 1 tok))
                    min (string-to-number (match-string 2 tok))
                    sec (if (match-beginning 3) (string-to-number (match-string 3 tok)) 0)))
             ((string-match "\\`\\([0-9]\\{4\\}\\)-\\([0-9][0-9]\\)-\\([0-9][0-9]\\)\\'" tok)
              (setq year (string-to-number (match-string 1 tok))
                    month (string-to-number (match-string 2 tok))
                    day (string-to-number (match-string 3 tok))))
             ((string-match "\\`[-+][0-9][0-9]:?[0-9][0-9]\\'" tok)
              (setq zone (parse-time--offset tok)))
             ((string-match "\\`[0-9]+\\'" tok)
              (let ((n (string-to-number tok)))
                (cond ((and (null day) (<= 1 n 31) (< (length tok) 3)) (setq day n))
                      ((null year)
                       (setq year (cond ((>= (length tok) 3) n)
                                        ((< n 50) (+ n 2000))
                                        (t (+ n 1900))))))))
             ((assoc low parse-time--zones)
              (let ((z (cdr (assoc low parse-time--zones))))
                (setq zone (car z) dst (cadr z))))
             ((parse-time--name-index low parse-time--months)
              (setq month (1+ (parse-time--name-index low parse-time--months))))
             ((parse-time--name-index low parse-time--weekdays)
              (setq wday (parse-time--name-index low parse-time--weekdays))))))
        (list sec min hour day month year wday dst zone))))

(defun parse-iso8601-time-string (date-string) "The time value of DATE-STRING, an ISO 8601 date and time, or nil if it is not one.
Without a zone the time is local."
  (let ((d (parse-time--iso date-string)))
    (and d (encode-time d))))

(provide 'parse-time)
