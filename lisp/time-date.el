;;; time-date.el --- calendar arithmetic on time values and decoded times  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.  Days are
;; counted from the proleptic Gregorian date 0001-01-01 (day 1), in local
;; time; decoded times are the nine-element lists of `decode-time'.  The
;; public functions are autoloaded (see autoloads.el).

;;; Code:

;;;; Calendar facts

(defun date-leap-year-p (year) "Non-nil if YEAR is a Gregorian leap year."
  (and (zerop (% year 4)) (or (not (zerop (% year 100))) (zerop (% year 400)))))

(defun date-days-in-month (year month) "How many days MONTH (1-12) of YEAR has."
  (unless (and (numberp month) (<= 1 month 12)) (error "Month %s is invalid" month))
  ;; Months are looked up by `eq', so a float month other than 2 counts as 30 days, as in GNU.
  (cond ((eql month 2) (if (date-leap-year-p year) 29 28))
        ((memq month '(1 3 5 7 8 10 12)) 31)
        (t 30)))

(defun time-date--ordinal (day month year) "The day of the year of DAY MONTH YEAR, 1 for January 1."
  (let ((n day))
    (dotimes (m (1- month))
      (setq n (+ n (date-days-in-month year (1+ m)))))
    n))

(defun time-date--absolute (day month year) "The day number of DAY MONTH YEAR, counting 0001-01-01 as 1."
  (let ((before (1- year)))
    (+ (time-date--ordinal day month year)
       (* 365 before)
       (- (floor before 4) (floor before 100))
       (floor before 400))))

;;;; Time values and days

(defun days-to-time (days) "The time value DAYS days after the epoch."
  (if (integerp days)
      (let ((secs (* days 86400)))
        (list (ash secs -16) (logand secs #xffff)))
    (time-convert (* 86400.0 days) 'list)))

(defun time-to-days (time) "The day number (0001-01-01 is day 1) of TIME in local time."
  (let ((d (decode-time time)))
    (time-date--absolute (nth 3 d) (nth 4 d) (nth 5 d))))

(defun time-to-day-in-year (time) "The day of the year (1 for January 1) of TIME in local time."
  (let ((d (decode-time time)))
    (time-date--ordinal (nth 3 d) (nth 4 d) (nth 5 d))))

(defun date-ordinal-to-time (year ordinal) "The decoded time (date fields only) of day ORDINAL (1 for January 1) of YEAR."
  (let ((month 1) (day ordinal))
    (while (> day (date-days-in-month year month))
      (setq day (- day (date-days-in-month year month))
            month (1+ month)))
    (list nil nil nil day month year nil nil nil)))

(defun time-to-number-of-days (time) "TIME, a span of time, as a number of days (a float)."
  (/ (float-time time) 86400))

(defun time-since (time) "The time elapsed since TIME (a time value, or a date string)."
  (time-subtract nil (if (stringp time) (date-to-time time) time)))

;;;; Dates as text

(defun date-to-time (date) "The time value of the date string DATE; signal an error when it cannot be read."
  (condition-case nil
      (let ((d (parse-time-string date)))
        (unless (and (nth 5 d) (nth 0 d)) (error "incomplete"))
        (encode-time d))
    (error (error "Invalid date: %s" date))))

(defun safe-date-to-time (date) "Like `date-to-time' for DATE, but give time zero for a date that cannot be read."
  (condition-case nil (date-to-time date) (error '(0 0))))

(defun date-to-day (date) "The day number of the date string DATE."
  (time-to-days (date-to-time date)))

(defun days-between (date1 date2) "How many days DATE1 comes after DATE2 (both date strings)."
  (- (date-to-day date1) (date-to-day date2)))

;;;; Durations as text

(defconst time-date--units
  '((?y "year" 31536000) (?d "day" 86400) (?h "hour" 3600) (?m "minute" 60) (?s "second" 1))
  "The units of `format-seconds', largest first: letter, name, seconds.")

(defun time-date--directives (string) "The directives of the `format-seconds' STRING, in order.
Each is (START END LETTER FLAGS COMMA): positions in STRING, the
lowercased unit letter (or ?% or ?z), the width text for `format', and
the digits after a comma, if any."
  (let ((pos 0) (found ()))
    (while (string-match "%\\(\\.?[0-9]*\\)\\(?:,\\([0-9]*\\)\\)?\\(.\\)?" string pos)
      (let* ((width (match-string 1 string))
             (comma (match-string 2 string))
             (flags (if comma (concat width "," comma) width))
             (c (and (match-beginning 3) (aref (match-string 3 string) 0)))
             (lc (and c (downcase c))))
        (cond ((null c) (push (list (match-beginning 0) (match-end 0) ?% "" nil) found))
              ((or (eq c ?%) (and (eq lc ?z) (equal flags "")))
               (push (list (match-beginning 0) (match-end 0) c "" nil) found))
              ((assq lc time-date--units)
               (when (seq-find (lambda (d) (eq (nth 2 d) lc)) found)
                 (error "Multiple instances of specifier: `%c'" c))
               (push (list (match-beginning 0) (match-end 0) lc
                           (replace-regexp-in-string "\\`\\." "0" width)
                           (and comma (string-to-number comma))
                           c)
                     found))
              ((eq lc ?z) (push (list (match-beginning 0) (match-end 0) 'literal "" nil) found))
              (t (error "Bad format specifier: `%c'" c)))
        (setq pos (match-end 0))))
    (nreverse found)))

(defun format-seconds (string seconds) "Describe the duration SECONDS as STRING says.
%y, %d, %h, %m and %s stand for the number of years (365 days), days,
hours, minutes and seconds, each unit taking what the larger ones
leave; the upper-case forms add the unit's name (\"2 days\").  A width
or .N (zero-padded to N digits) may come after the %; ,N shows
seconds with N decimals.  %z drops the units before it up to the first
one that is not zero.  %% is a percent sign."
  (let* ((dirs (time-date--directives string))
         (units (delq nil (mapcar (lambda (d) (and (assq (nth 2 d) time-date--units) d)) dirs)))
         (z (seq-find (lambda (d) (memq (nth 2 d) '(?z ?Z))) dirs))
         (fractional (seq-some (lambda (d) (nth 4 d)) units))
         (whole (if (numberp seconds) seconds (float-time seconds)))
         (left (round whole))
         (extra (if fractional (- whole (truncate whole)) 0))
         (values ()))
    (when z
      (let ((sizes (mapcar (lambda (d) (nth 2 (assq (nth 2 d) time-date--units))) units)))
        (unless (equal sizes (sort (copy-sequence sizes) #'>))
          (error "Units are not in decreasing order of size"))))
    ;; Largest unit first, whatever the order in STRING.
    (dolist (u time-date--units)
      (let ((d (seq-find (lambda (d) (eq (nth 2 d) (car u))) units)))
        (when d
          (let ((n (floor left (nth 2 u))))
            (setq left (- left (* n (nth 2 u))))
            (push (cons d n) values)))))
    (let* ((out ())
           (pos 0)
           (start-at 0))
      ;; With %z, the output starts at the first non-zero unit before it, or after it.
      (when z
        (let ((first (seq-find (lambda (d) (and (< (car d) (car z))
                                                (let ((v (cdr (assq d values)))) (and v (/= v 0)))))
                               units)))
          (setq start-at (if first (car first) (nth 1 z)))))
      (dolist (d dirs)
        (when (>= (car d) start-at)
          (push (substring string (max pos start-at) (car d)) out)
          (let ((c (nth 2 d)))
            (push
             (cond ((eq c ?%) "%")
                   ((memq c '(?z ?Z)) "")
                   ((eq c 'literal) (substring string (car d) (nth 1 d)))
                   (t
                    (let* ((n (cdr (assq d values)))
                           (n (if (and (eq c ?s) fractional) (+ n extra) n))
                           (text (if (nth 4 d)
                                     (format (format "%%%s.%df" (nth 3 d) (nth 4 d)) n)
                                   (format (concat "%" (nth 3 d) "d") n))))
                      (if (eq (nth 5 d) (upcase c))
                          (concat text " " (nth 1 (assq c time-date--units)) (if (eql n 1) "" "s"))
                        text))))
             out)))
        (setq pos (max pos (nth 1 d))))
      (push (substring string (max pos start-at)) out)
      (apply #'concat (nreverse out)))))

(defconst time-date--string-units
  '((1 "ms" 0.001) (100 "s" 1) (6000 "m" 60.0) (108000 "h" 3600.0) (34560000 "d" 86400.0) (nil "y" 31557600.0))
  "For `seconds-to-string': below what size (seconds) each unit is used, its suffix and size.")

(defun seconds-to-string (delay) "Describe DELAY seconds briefly in the largest fitting unit, as \"1.50s\" or \"2.00h\"."
  (if (zerop delay)
      "0s"
    (let ((u (seq-find (lambda (u) (or (null (car u)) (< (abs delay) (car u)))) time-date--string-units)))
      (format "%.2f%s" (/ delay (nth 2 u)) (nth 1 u)))))

;;;; Decoded times

(defun make-decoded-time (&rest fields)
  "A decoded time whose fields are given by the keywords :second, :minute, :hour, :day, :month, :year, :dst and :zone in FIELDS."
  (let ((get (lambda (k) (plist-get fields k))))
    (list (funcall get :second) (funcall get :minute) (funcall get :hour)
          (funcall get :day) (funcall get :month) (funcall get :year)
          nil (funcall get :dst) (funcall get :zone))))

(defun time-date--seconds-number (s) "The seconds field S as a number (it may be a (TICKS . HZ) pair)."
  (if (consp s) (/ (float (car s)) (cdr s)) s))

(defun decoded-time-period (time) "The length in seconds of the decoded time TIME read as a duration (years of 365 days, months of 30)."
  (+ (or (time-date--seconds-number (nth 0 time)) 0)
     (* 60 (or (nth 1 time) 0))
     (* 3600 (or (nth 2 time) 0))
     (* 86400 (or (nth 3 time) 0))
     (* 2592000 (or (nth 4 time) 0))
     (* 31536000 (or (nth 5 time) 0))))

(defun time-date--shift-days (time n) "Move the date of the decoded TIME by N days, in place."
  (while (> n 0)
    (let ((room (- (date-days-in-month (nth 5 time) (nth 4 time)) (nth 3 time))))
      (if (< n (1+ room))
          (setf (nth 3 time) (+ (nth 3 time) n) n 0)
        (setq n (- n (1+ room)))
        (setf (nth 3 time) 1)
        (if (= (nth 4 time) 12)
            (setf (nth 4 time) 1 (nth 5 time) (1+ (nth 5 time)))
          (setf (nth 4 time) (1+ (nth 4 time)))))))
  (while (< n 0)
    (if (> (nth 3 time) (- n))
        (setf (nth 3 time) (+ (nth 3 time) n) n 0)
      (setq n (+ n (nth 3 time)))
      (if (= (nth 4 time) 1)
          (setf (nth 4 time) 12 (nth 5 time) (1- (nth 5 time)))
        (setf (nth 4 time) (1- (nth 4 time))))
      (setf (nth 3 time) (date-days-in-month (nth 5 time) (nth 4 time)))))
  time)

(defun decoded-time-add (time delta) "Give the decoded time TIME moved on by the decoded time DELTA.
Years and months move the calendar date, keeping the day where the
month allows (else its last day); days, hours, minutes and seconds
carry into each other.  TIME itself is not changed."
  (let ((new (copy-sequence time)))
    (when (nth 5 delta)
      (setf (nth 5 new) (+ (nth 5 new) (nth 5 delta))))
    (when (nth 4 delta)
      (let ((months (+ (1- (nth 4 new)) (nth 4 delta))))
        ;; GNU 28 carries whole years toward zero but takes the month modulo 12,
        ;; so going back from January by one month stays in the same year.
        (setf (nth 5 new) (+ (nth 5 new) (truncate months 12))
              (nth 4 new) (1+ (mod months 12)))))
    (when (or (nth 5 delta) (nth 4 delta))
      (setf (nth 3 new) (min (nth 3 new) (date-days-in-month (nth 5 new) (nth 4 new)))))
    (when (nth 3 delta)
      (time-date--shift-days new (nth 3 delta)))
    ;; A zone in DELTA counts as that many more seconds, as GNU 28 has it.
    (when (or (nth 0 delta) (nth 1 delta) (nth 2 delta) (nth 8 delta))
      (let* ((clock (+ (or (nth 0 new) 0) (* 60 (or (nth 1 new) 0)) (* 3600 (or (nth 2 new) 0))
                       (or (nth 0 delta) 0) (* 60 (or (nth 1 delta) 0)) (* 3600 (or (nth 2 delta) 0))
                       (or (nth 8 delta) 0)))
             (days (floor clock 86400))
             (rest (- clock (* days 86400))))
        (setf (nth 0 new) (mod rest 60)
              (nth 1 new) (mod (floor rest 60) 60)
              (nth 2 new) (floor rest 3600))
        (time-date--shift-days new days)))
    new))

(defun decoded-time-set-defaults (time &optional default-zone) "Fill the empty date and clock fields of the decoded TIME (1970-01-01 00:00:00), in place.
An empty zone becomes DEFAULT-ZONE when given; an empty dst then stays, else becomes -1."
  (dotimes (i 3) (unless (nth i time) (setf (nth i time) 0)))
  (unless (nth 3 time) (setf (nth 3 time) 1))
  (unless (nth 4 time) (setf (nth 4 time) 1))
  (unless (nth 5 time) (setf (nth 5 time) 1970))
  (if (and (null (nth 8 time)) default-zone)
      (setf (nth 8 time) default-zone)
    (unless (nth 7 time) (setf (nth 7 time) -1)))
  time)

(provide 'time-date)
