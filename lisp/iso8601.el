;;; iso8601.el --- read ISO 8601 dates, times, durations and intervals  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and the
;; standard.  Every reader gives a decoded time (a list of nine fields);
;; text it cannot read signals `wrong-type-argument' with the text as data.

;;; Code:

(require 'time-date)

(defun iso8601--fail (string) "Refuse STRING the way GNU does."
  (signal 'wrong-type-argument string))

(defun iso8601--num (string group) "GROUP of the last match in STRING as a number, or nil if it did not match."
  (and (match-beginning group) (string-to-number (match-string group string))))

(defun iso8601--year (sign digits) "The year written with SIGN (\"-\", \"+\" or nil) and DIGITS."
  (let ((y (string-to-number digits)))
    (if (equal sign "-") (- y) y)))

(defun iso8601--week-date (year week day) "Day DAY (1 = Monday) of ISO week WEEK of YEAR, as (DAY MONTH YEAR)."
  ;; Week 1 is the one holding January 4.
  (let* ((jan4 (time-date--absolute 4 1 year))
         (jan4-wday (mod jan4 7))          ; day 1 (0001-01-01) was a Monday: 1 = Monday
         (monday1 (- jan4 (mod (- jan4-wday 1) 7)))
         (abs (+ monday1 (* 7 (1- week)) (1- day)))
         (y (1- year)))
    (while (> abs (time-date--absolute 31 12 y)) (setq y (1+ y)))
    (let ((ord (- abs (time-date--absolute 31 12 (1- y)))))
      (let ((d (date-ordinal-to-time y ord)))
        (list (nth 3 d) (nth 4 d) (nth 5 d))))))

(defun iso8601-parse-date (string) "Read the ISO 8601 date STRING (calendar, week or ordinal form, possibly reduced)."
  (let ((year nil) (month nil) (day nil))
    (cond
     ((string-match "\\`\\([-+]\\)?\\([0-9]\\{4\\}\\)\\'" string)
      (setq year (iso8601--year (match-string 1 string) (match-string 2 string))))
     ((or (string-match "\\`\\([-+]\\)?\\([0-9]\\{4\\}\\)-\\([0-9][0-9]\\)\\(?:-\\([0-9][0-9]\\)\\)?\\'" string)
          (string-match "\\`\\([-+]\\)?\\([0-9]\\{4\\}\\)\\([0-9][0-9]\\)\\([0-9][0-9]\\)\\'" string))
      (setq year (iso8601--year (match-string 1 string) (match-string 2 string))
            month (iso8601--num string 3)
            day (iso8601--num string 4)))
     ((string-match "\\`--\\([0-9][0-9]\\)\\(?:-?\\([0-9][0-9]\\)\\)?\\'" string)
      (setq month (iso8601--num string 1) day (iso8601--num string 2)))
     ((string-match "\\`---\\([0-9][0-9]\\)\\'" string)
      (setq day (iso8601--num string 1)))
     ((string-match "\\`\\([-+]\\)?\\([0-9]\\{4\\}\\)-?W\\([0-9][0-9]\\)\\(?:-?\\([1-7]\\)\\)?\\'" string)
      (let ((d (iso8601--week-date (iso8601--year (match-string 1 string) (match-string 2 string))
                                   ;; A week without its day names the Sunday before it, as GNU has it.
                                   (iso8601--num string 3) (or (iso8601--num string 4) 0))))
        (setq day (nth 0 d) month (nth 1 d) year (nth 2 d))))
     ((string-match "\\`\\([-+]\\)?\\([0-9]\\{4\\}\\)-?\\([0-9]\\{3\\}\\)\\'" string)
      (let ((d (date-ordinal-to-time (iso8601--year (match-string 1 string) (match-string 2 string))
                                     (iso8601--num string 3))))
        (setq day (nth 3 d) month (nth 4 d) year (nth 5 d))))
     (t (iso8601--fail string)))
    (list nil nil nil day month year nil -1 nil)))

(defconst iso8601--zone-regexp "\\(Z\\|\\([-+]\\)\\([0-9][0-9]\\)\\(?::?\\([0-9][0-9]\\)\\)?\\)"
  "A zone: Z, or a sign with hours and optional minutes.")

(defun iso8601-parse-zone (string) "The offset in minutes east of UTC written in the ISO 8601 zone STRING."
  (unless (string-match (concat "\\`" iso8601--zone-regexp "\\'") string)
    (iso8601--fail string))
  ;; Matching folds case, as GNU's does: z is Z.
  (if (member (match-string 1 string) '("Z" "z"))
      0
    (* (if (equal (match-string 2 string) "-") -1 1)
       (+ (* 60 (iso8601--num string 3)) (or (iso8601--num string 4) 0)))))

(defun iso8601--seconds (whole fraction form) "Seconds WHOLE plus the decimal FRACTION text (digits, or nil); a (TICKS . HZ) pair with FORM t."
  ;; Trailing zeros do not count: 35.0 is 35, 35.00001 is 3500001/100000.
  (let ((digits (and fraction (replace-regexp-in-string "0+\\'" "" fraction))))
    (if (and form digits (not (equal digits "")))
        (let ((hz (expt 10 (length digits))))
          (cons (+ (* whole hz) (string-to-number digits)) hz))
      whole)))

(defun iso8601-parse-time (string &optional form) "Read the ISO 8601 time of day STRING, with an optional zone.
With FORM t, a fraction of a second is kept as a (TICKS . HZ) pair."
  (unless (string-match (concat "\\`\\([0-9][0-9]\\)\\(?::?\\([0-9][0-9]\\)\\(?::?\\([0-9][0-9]\\)\\)?\\)?"
                                "\\(?:[.,]\\([0-9]+\\)\\)?" iso8601--zone-regexp "?\\'")
                        string)
    (iso8601--fail string))
  (let* ((hour (iso8601--num string 1))
         (minute (iso8601--num string 2))
         (second (iso8601--num string 3))
         (fraction (match-string 4 string))
         (zone-text (match-string 5 string))
         (zone (and zone-text (* 60 (iso8601-parse-zone zone-text)))))
    (cond
     (second)
     ;; A fraction of the last component given carries into the smaller ones.
     ((and fraction minute)
      (let ((secs (* 60 (string-to-number (concat "0." fraction)))))
        (setq second (truncate secs)
              fraction nil)))
     ((and fraction hour)
      (let ((mins (* 60 (string-to-number (concat "0." fraction)))))
        (setq minute (truncate mins)
              second (truncate (* 60 (- mins (truncate mins))))
              fraction nil))))
    (list (iso8601--seconds (or second 0) fraction form) (or minute 0) hour
          nil nil nil nil (if zone nil -1) zone)))

(defun iso8601-parse (string &optional form) "Read the ISO 8601 date, optionally followed by T and a time, in STRING.
FORM is as for `iso8601-parse-time'."
  (unless (stringp string) (iso8601--fail string))
  (let ((split (string-search "T" string)))
    (condition-case nil
        (if (not split)
            (iso8601-parse-date string)
          (let ((date (iso8601-parse-date (substring string 0 split)))
                (time (iso8601-parse-time (substring string (1+ split)) form)))
            (append (seq-take time 3) (seq-subseq date 3 6) (seq-drop time 6))))
      (wrong-type-argument (iso8601--fail string)))))

(defun iso8601-valid-p (string) "Non-nil if STRING is an ISO 8601 date, time or combination that `iso8601-parse' reads."
  (and (condition-case nil (progn (iso8601-parse string) t) (wrong-type-argument nil)) 0))

(defun iso8601-parse-duration (string) "Read the ISO 8601 duration STRING (PnYnMnDTnHnMnS, PnW, or P followed by a date and time)."
  (cond
   ((string-match "\\`P\\([0-9]+\\)W\\'" string)
    (list nil nil nil (* 7 (iso8601--num string 1)) nil nil nil -1 nil))
   ((and (string-match (concat "\\`P\\(?:\\([0-9]+\\)Y\\)?\\(?:\\([0-9]+\\)M\\)?\\(?:\\([0-9]+\\)D\\)?"
                               "\\(?:T\\(?:\\([0-9]+\\)H\\)?\\(?:\\([0-9]+\\)M\\)?\\(?:\\([0-9]+\\)S\\)?\\)?\\'")
                       string)
         (> (length string) 1)
         (not (string-match-p "T\\'" string)))
    (let ((n (lambda (g) (or (iso8601--num string g) 0))))
      (list (funcall n 6) (funcall n 5) (funcall n 4) (funcall n 3) (funcall n 2) (funcall n 1)
            nil -1 nil)))
   ((string-match "\\`P\\(.+\\)\\'" string)
    ;; The alternative form: P, then a date and time standing for amounts.
    (condition-case nil
        (iso8601-parse (match-string 1 string))
      (wrong-type-argument (iso8601--fail string))))
   (t (iso8601--fail string))))

(defun iso8601--zero-fill (decoded) "A copy of the duration DECODED with its empty amounts made 0."
  (let ((d (copy-sequence decoded)))
    (dotimes (i 6) (unless (nth i d) (setf (nth i d) 0)))
    d))

(defun iso8601-parse-interval (string) "Read the ISO 8601 interval STRING: START/END, START/DURATION or DURATION/END.
Give (START END DURATION), all decoded times."
  (let ((slash (string-search "/" string)))
    (unless slash (iso8601--fail string))
    (let ((a (substring string 0 slash))
          (b (substring string (1+ slash))))
      (condition-case nil
      (cond
       ((string-prefix-p "P" b)
        (let* ((start (iso8601-parse a))
               (dur (iso8601--zero-fill (iso8601-parse-duration b))))
          (list start (decoded-time-add start dur) dur)))
       ((string-prefix-p "P" a)
        (let* ((end (iso8601-parse b))
               (dur (iso8601--zero-fill (iso8601-parse-duration a)))
               (back (mapcar (lambda (x) (if (numberp x) (- x) x)) (seq-take dur 6))))
          (list (decoded-time-add end (append back (list nil nil nil))) end dur)))
       (t
        (let* ((start (iso8601-parse a))
               (end (iso8601-parse b))
               (secs (time-subtract (encode-time (decoded-time-set-defaults (copy-sequence end)))
                                    (encode-time (decoded-time-set-defaults (copy-sequence start))))))
          (list start end (decode-time secs 0)))))
        (wrong-type-argument (iso8601--fail string))))))

(provide 'iso8601)
