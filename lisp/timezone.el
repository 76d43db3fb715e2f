;;; timezone.el --- reading mail and news dates and moving them between time zones  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;;; Code:

(defvar timezone-world-timezones
  (append (let ((words (split-string "PST -800 PDT -700 MST -700 MDT -600 CST -600 CDT -500 EST -500 EDT -400
                                      AST -400 NST -330 UT 0 GMT 0 BST 100 MET 100 EET 200 JST 900"))
                (pairs nil))
            (while words
              (push (cons (car words) (string-to-number (cadr words))) pairs)
              (setq words (cddr words)))
            (nreverse pairs))
          (mapcar (lambda (h) (cons (format "GMT+%d" h) (* 100 h))) (number-sequence 1 13))
          (mapcar (lambda (h) (cons (format "GMT-%d" h) (* -100 h))) (number-sequence 1 12)))
  "Time zone names with their offsets from GMT written as signed HHMM numbers.")

(defvar timezone-months-assoc
  (let ((n 0))
    (mapcar (lambda (m) (setq n (1+ n)) (cons m n))
            (split-string "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC")))
  "Three-letter month names in upper case with their numbers.")

;;;; Reading

(defconst timezone--date-forms
  ;; Each: (REGEXP YEAR MONTH DAY TIME ZONE), the numbers being match groups (nil: none).
  (let ((time "\\([0-9]+:[0-9:]*[0-9]\\)")
        (zone "\\([-+a-zA-Z0-9]+\\)")
        (ws "[ \t]+"))
    (list
     ;; 22-AUG-1993 10:59:12.82
     (list (concat "\\([0-9]+\\)-\\([A-Za-z]+\\)-\\([0-9]+\\)" ws "\\([0-9]+:[0-9]+:[0-9]+\\)") 3 2 1 4 nil)
     ;; 1996-06-24 21:13:12 GMT, 1996-06-24T21:13-ZONE
     (list (concat "\\([0-9]+\\)-\\([0-9][0-9]\\)-\\([0-9][0-9]\\)[ \tT]+" time "[ \t]*\\([-+a-zA-Z][-+a-zA-Z0-9]*\\)?") 1 2 3 4 5)
     ;; 19960624T211312, 20200501 20:20
     (list "\\([0-9][0-9][0-9][0-9]\\)\\([0-9][0-9]\\)\\([0-9][0-9]\\)[ \tT]+\\([0-9][0-9:]*\\)" 1 2 3 4 nil)
     ;; 6 May 1992 1641-JST (Wednesday)
     (list (concat "\\([0-9]+\\)" ws "\\([A-Za-z]+\\)" ws "\\([0-9]+\\)" ws "\\([0-9][0-9][0-9][0-9]\\)\\([-+][a-zA-Z0-9]+\\)") 3 2 1 4 5)
     ;; [Fri, ]14 Apr 89 03:20[:12] [GMT]
     (list (concat "\\([0-9]+\\)" ws "\\([A-Za-z]+\\)" ws "\\([0-9]+\\)" ws time "\\(?:[ \t]*" zone "\\)?") 3 2 1 4 5)
     ;; Thu, 11 Apr 16:17:12 91 [MET]
     (list (concat "\\([0-9]+\\)" ws "\\([A-Za-z]+\\)" ws time ws "\\([0-9]+\\)\\(?:" ws zone "\\)?") 4 2 1 3 5)
     ;; Mon, 6  Jul 16:47:20 T 1992 [MET]
     (list (concat "\\([0-9]+\\)" ws "\\([A-Za-z]+\\)" ws time ws "T" ws "\\([0-9]+\\)\\(?:" ws zone "\\)?") 4 2 1 3 5)
     ;; Mon Jan 16 16:12[:37] [GMT] 1989
     (list (concat "[A-Za-z]+" ws "\\([A-Za-z]+\\)" ws "\\([0-9]+\\)" ws time "\\(?:" ws zone "\\)??" ws "\\([0-9]+\\)") 5 1 2 3 4)))
  "The date layouts `timezone-parse-date' knows, most specific first.")

(defun timezone--full-year (text) "The four-digit year for the year TEXT: 69-99 are 19xx, 0-68 20xx, 100-999 1900 later."
  (let ((y (string-to-number text)))
    (number-to-string (cond ((< y 69) (+ y 2000))
                            ((< y 1000) (+ y 1900))
                            (t y)))))

(defun timezone-parse-date (date) "The parts of the mail or news DATE as a vector of strings [YEAR MONTH DAY TIME ZONE].
ZONE is nil when DATE has none; a DATE of no known layout gives [\"0\" \"0\" \"0\" \"0\" nil]."
  (let ((found nil) (forms timezone--date-forms) (case-fold-search t))
    (while (and date (not found) forms)
      (let ((form (car forms)))
        (when (string-match (car form) date)
          (let* ((part (lambda (n) (and n (match-string n date))))
                 (month (funcall part (nth 2 form))))
            (when (string-match-p "\\`[A-Za-z]" month)
              (setq month (let ((hit (assoc (upcase (substring month 0 (min 3 (length month))))
                                            timezone-months-assoc)))
                            (and hit (number-to-string (cdr hit))))))
            (when month
              (setq found (vector (timezone--full-year (funcall part (nth 1 form)))
                                  month
                                  (funcall part (nth 3 form))
                                  (funcall part (nth 4 form))
                                  (funcall part (nth 5 form))))))))
      (setq forms (cdr forms)))
    (or found (vector "0" "0" "0" "0" nil))))

(defun timezone-parse-time (time) "The parts of TIME (HH:MM[:SS] or HHMM[SS]) as a vector of strings [HOUR MINUTE SECOND]."
  (cond ((string-match "\\`\\([0-9]+\\):\\([0-9]+\\)\\(?::\\([0-9]+\\)\\)?\\'" time)
         (vector (match-string 1 time) (match-string 2 time) (or (match-string 3 time) "0")))
        ((string-match "\\`\\([0-9][0-9]\\)\\([0-9][0-9]\\)\\([0-9][0-9]\\)?\\'" time)
         (vector (match-string 1 time) (match-string 2 time) (or (match-string 3 time) "0")))
        (t (vector "0" "0" "0"))))

(defun timezone-zone-to-minute (timezone) "The offset of TIMEZONE from GMT in minutes.
TIMEZONE is a name from `timezone-world-timezones', a signed HHMM string or number,
or a list whose first element is seconds, as `current-time-zone' gives."
  (cond ((null timezone) 0)
        ((consp timezone) (/ (car timezone) 60))
        (t
         (let ((hhmm (if (numberp timezone) timezone
                       (let ((name (upcase timezone)))
                         (or (cdr (assoc name timezone-world-timezones))
                             (and (string-match-p "\\`[-+][0-9]+\\'" name) (string-to-number name))
                             0)))))
           (* (if (< hhmm 0) -1 1) (+ (* 60 (/ (abs hhmm) 100)) (% (abs hhmm) 100)))))))

;;;; Writing

(defun timezone-make-time-string (hour minute second) "HOUR, MINUTE and SECOND as HH:MM:SS."
  (format "%02d:%02d:%02d" hour minute second))

(defun timezone-make-sortable-date (year month day time) "YEAR, MONTH, DAY and the string TIME as YYYYMMDDTIME, which sorts as dates do."
  (format "%4d%02d%02d%s" year month day time))

(defun timezone-make-arpa-date (year month day time &optional timezone) "The RFC 822 date \"DD Mon YYYY TIME ZONE\".
TIMEZONE is a string or number written as it is, or a `current-time-zone' list
\(nil for GMT) written as a signed HHMM."
  (format "%02d %s %04d %s %s"
          day (capitalize (downcase (car (rassq month timezone-months-assoc)))) year time
          (if (or (stringp timezone) (numberp timezone))
              timezone
            (let ((secs (or (car timezone) 0)))
              (format "%c%02d%02d" (if (< secs 0) ?- ?+) (/ (abs secs) 3600) (/ (% (abs secs) 3600) 60))))))

;;;; Calendar arithmetic

(defun timezone-leap-year-p (year) "Whether YEAR is a Gregorian leap year."
  (and (zerop (% year 4)) (or (not (zerop (% year 100))) (zerop (% year 400)))))

(defun timezone-last-day-of-month (month year) "The number of days in MONTH of YEAR."
  (if (= month 2)
      (if (timezone-leap-year-p year) 29 28)
    (if (memq month '(4 6 9 11)) 30 31)))

(defun timezone-day-number (month day year) "The day of YEAR that DAY of MONTH is, January 1 being 1."
  (let ((n day))
    (dotimes (m (1- month) n)
      (setq n (+ n (timezone-last-day-of-month (1+ m) year))))))

(defun timezone-absolute-from-gregorian (month day year) "The number of days from December 31 of 1 BC to DAY of MONTH of YEAR."
  (let ((before (1- year)))
    (+ (timezone-day-number month day year)
       (* 365 before) (/ before 4) (- (/ before 100)) (/ before 400))))

(defun timezone--gregorian (absolute) "The (YEAR MONTH DAY) of the day number ABSOLUTE."
  (let ((year (/ absolute 366)))
    (while (>= absolute (timezone-absolute-from-gregorian 1 1 (1+ year))) (setq year (1+ year)))
    (let ((month 1))
      (while (> absolute (timezone-absolute-from-gregorian month (timezone-last-day-of-month month year) year))
        (setq month (1+ month)))
      (list year month (1+ (- absolute (timezone-absolute-from-gregorian month 1 year)))))))

(defun timezone-time-from-absolute (date seconds) "The time (seconds since the epoch) of SECONDS into the day number DATE, UTC."
  (+ (* 86400 (- date (timezone-absolute-from-gregorian 1 1 1970))) seconds))

(defun timezone-time-zone-from-absolute (date seconds) "The `current-time-zone' at SECONDS into the day number DATE."
  (current-time-zone (timezone-time-from-absolute date seconds)))

;;;; Converting

(defun timezone-fix-time (date local timezone) "DATE moved to TIMEZONE, as [YEAR MONTH DAY HOUR MINUTE SECOND TIMEZONE].
The zone of DATE is the one it names, else LOCAL, else GMT; TIMEZONE defaults to
the system's `current-time-zone'.  Two-digit years below 50 are 20xx, others 19xx."
  (let* ((parts (timezone-parse-date date))
         (year (string-to-number (aref parts 0)))
         (year (cond ((< year 50) (+ year 2000)) ((< year 100) (+ year 1900)) (t year)))
         (month (string-to-number (aref parts 1)))
         (day (string-to-number (aref parts 2)))
         (clock (mapcar #'string-to-number (timezone-parse-time (aref parts 3))))
         (from (or (aref parts 4) local "GMT"))
         (to (or timezone (current-time-zone)))
         (minutes (+ (* 60 (nth 0 clock)) (nth 1 clock)
                     (- (timezone-zone-to-minute to) (timezone-zone-to-minute from))))
         (shift (floor minutes 1440)))
    (setq minutes (mod minutes 1440))
    (unless (zerop shift)
      (let ((ymd (timezone--gregorian (+ (timezone-absolute-from-gregorian month day year) shift))))
        (setq year (nth 0 ymd) month (nth 1 ymd) day (nth 2 ymd))))
    (vector year month day (/ minutes 60) (% minutes 60) (nth 2 clock) to)))

(defun timezone-make-date-arpa-standard (date &optional local timezone) "DATE rewritten as an RFC 822 date in TIMEZONE.
LOCAL is the zone of a DATE that names none; see `timezone-fix-time'."
  (let ((v (timezone-fix-time date local timezone)))
    (timezone-make-arpa-date (aref v 0) (aref v 1) (aref v 2)
                             (timezone-make-time-string (aref v 3) (aref v 4) (aref v 5))
                             (aref v 6))))

(defun timezone-make-date-sortable (date &optional local timezone) "DATE rewritten as YYYYMMDDHH:MM:SS in TIMEZONE, which sorts as dates do.
LOCAL is the zone of a DATE that names none; see `timezone-fix-time'."
  (let ((v (timezone-fix-time date local timezone)))
    (timezone-make-sortable-date (aref v 0) (aref v 1) (aref v 2)
                                 (timezone-make-time-string (aref v 3) (aref v 4) (aref v 5)))))

(provide 'timezone)

;;; timezone.el ends here
