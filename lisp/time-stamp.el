;;; time-stamp.el --- keep a "last saved" stamp current in a file's text  -*- lexical-binding: t -*-

;; Part of tsmacs.  Written from GNU Emacs 28.2's observed behaviour:
;; `time-stamp' looks for a template near the start of the buffer (by
;; default "Time-stamp: <>" or "Time-stamp: \" \"" in the first eight
;; lines) and writes the current time between its delimiters, in the
;; little %-language of `time-stamp-format'.  That language predates
;; `format-time-string' and keeps several of its old readings.

;;; Code:

(defgroup time-stamp nil "Keep a time stamp in the text of a file up to date." :group 'data)

(defcustom time-stamp-format "%Y-%02m-%02d %02H:%02M:%02S %l" "How `time-stamp' writes the time: a string of %-conversions.
Conversions: %a %A %b %B names of day and month (# or ^ upper case,
: the full name), %d %H %I %m %M %S %w %y %Y numbers, %p %P AM or PM,
%Z the zone's name, %5z and its kin the zone's offset, %f %F the
visited file, %h %s %Q %q host names, %l %u login, %L %U full name,
%% a percent sign.  A number after % is the field's width."
  :type 'string)

(defcustom time-stamp-active t "When nil, `time-stamp' leaves buffers as they are." :type 'boolean)

(defcustom time-stamp-warn-inactive t "When non-nil, say so when a stamp is skipped for `time-stamp-active'." :type 'boolean)

(defcustom time-stamp-time-zone nil "The zone stamps are written in: as ZONE of `format-time-string'.
nil is local time, t Universal Time, `wall' the system's clock, a
string a TZ value, an integer seconds east of UTC, or a list of such
an offset and an abbreviation."
  :type (let ((offset '(integer :tag "Offset (seconds east of UTC)")))
          `(choice ,@(mapcar (lambda (c) (list 'const :tag (cdr c) (car c)))
                             '((nil . "Emacs local time") (t . "Universal Time")
                               (wall . "system wall clock time")))
                   ,(list 'string :tag "TZ environment variable value")
                   (list :tag "Offset and name" ,offset (string :tag "Time zone abbreviation"))
                   ,offset)))

;;; Where the template is: usually set as file-local variables.

(defvar time-stamp-count 1 "How many templates `time-stamp' updates (at least one).")

(defvar time-stamp-start "Time-stamp:[ \t]+\\\\?[\"<]+" "Regexp matched just before a stamp.")

(defvar time-stamp-inserts-lines nil "Non-nil lets a format holding newlines add lines each time.")

(defvar time-stamp-end "\\\\?[\">]" "Regexp matched just after a stamp, on the line it begins on.")

(defvar time-stamp-pattern nil "The other template variables in one string: \"[LIMIT/]START%FORMAT...END\".
Parts left out keep the value of their own variable; a format of
just \"%%\" also keeps `time-stamp-format'.")

(defvar time-stamp-line-limit 8 "Lines searched for a template: first N, last -N, or all for 0.")

(defvar time-stamp-conversion-warn t "Non-nil: note obsolescent conversions in a buffer as they are met.")




;;; The command.

(defmacro time-stamp--widened (&rest body)
  "Run BODY with the whole buffer visible, keeping point and narrowing."
  (declare (indent 0))
  `(save-excursion (save-restriction (widen) ,@body)))

(defun time-stamp--lines-in (string)
  "Count the newline characters in STRING (0 for a non-string)."
  (if (stringp string) (- (length string) (length (string-replace "\n" "" string))) 0))

(defun time-stamp--split-pattern (pattern)
  "Take PATTERN apart: a list (LIMIT START FORMAT END), nil for parts absent.
The format runs from the first % to the end of the last conversion."
  (let* ((head (and (string-match "\\`\\(-?[0-9]+\\)/" pattern) (match-end 0)))
         (limit (and head (string-to-number (match-string 1 pattern))))
         (first (string-search "%" pattern (or head 0)))
         (last nil) (at first))
    ;; Here a conversion is % and modifiers (parentheses among them, not
    ;; nesting) then a letter; LAST ends up after the final one.
    (while at
      (setq at (string-search "%" pattern
                              (if (eq (string-match "%[-.,:@+_ #^()0-9]*[A-Za-z%]" pattern at) at)
                                  (setq last (match-end 0))
                                (1+ at)))))
    (setq last (or last first))
    (let ((start (substring pattern (or head 0) first))
          (fmt (and first (substring pattern first last))))
      (list limit
            (and (> (length start) 0) start)
            (and fmt (not (equal fmt "%%")) fmt)
            (and last (< last (length pattern)) (substring pattern last))))))

(defun time-stamp--region (lines)
  "Where templates are searched for when LINES is the line limit: (FROM . BOUND)."
  (time-stamp--widened
    (if (or (not (integerp lines)) (= lines 0))
        (cons (point-min) (point-max))
      ;; Count LINES from the top, or -LINES back from the bottom.
      (goto-char (if (> lines 0) (point-min) (point-max)))
      (forward-line lines)
      (if (> lines 0) (cons (point-min) (point)) (cons (point) (point-max))))))

(defun time-stamp () "Write the current time into the buffer's time-stamp template.
The template is text matching `time-stamp-start' and, on the same line,
`time-stamp-end', within `time-stamp-line-limit' lines; the text between
is replaced by the time as `time-stamp-format' says.  At most
`time-stamp-count' templates are updated.  `time-stamp-pattern', when
set, gives all of these at once.  Meant for `before-save-hook'."
  (interactive)
  (pcase-let* ((`(,limit ,start-re ,fmt ,end-re)
                (and (stringp time-stamp-pattern)
                     (time-stamp--split-pattern time-stamp-pattern)))
               (start-re (or start-re time-stamp-start))
               (`(,from . ,bound) (time-stamp--region (or limit time-stamp-line-limit))))
    (if time-stamp-active
        (let ((fmt (or fmt time-stamp-format))
              (end-re (or end-re time-stamp-end))
              (left (if (integerp time-stamp-count)
                        (max time-stamp-count 1)
                      (message "%s is not an integer" 'time-stamp-count)
                      1)))
          ;; BOUND stays the number it was, however the stamps change the text.
          (while (and from (< from bound) (>= (setq left (1- left)) 0))
            (setq from (time-stamp-once from bound start-re end-re fmt
                                        (time-stamp--lines-in fmt)
                                        (1+ (time-stamp--lines-in end-re))))))
      (and time-stamp-warn-inactive (stringp start-re)
           (time-stamp--widened (goto-char from) (re-search-forward start-re bound t))
           (message "Warning: %s is off; did not time-stamp buffer." 'time-stamp-active)))
    nil))

(defun time-stamp-once (start search-limit ts-start ts-end ts-format format-lines end-lines) "Update one template found after START; return where to go on, or nil.
SEARCH-LIMIT bounds the search for TS-START; TS-END must follow on the
same line, or END-LINES - 1 lines further.  Unless
`time-stamp-inserts-lines', the stamp's FORMAT-LINES newlines must
replace as many in the old text."
  (time-stamp--widened
    (goto-char start)
    (let* ((old-beg (and (re-search-forward ts-start search-limit 'move) (point)))
           (look-from (and old-beg
                           (progn (unless (or time-stamp-inserts-lines (<= format-lines 0))
                                    (forward-line format-lines))
                                  (point))))
           ;; The end may not reach past SEARCH-LIMIT either.
           (look-to (and old-beg (progn (forward-line (1- end-lines))
                                        (min (line-end-position) search-limit)))))
      (when (and old-beg (<= look-from look-to)
                 (progn (goto-char look-from) (re-search-forward ts-end look-to t)))
        (let* ((old-end (match-beginning 0))
               (resume (match-end 0))
               (new (time-stamp-string ts-format)))
          (if (or (not (stringp new))
                  (string= new (buffer-substring old-beg old-end)))
              resume
            (delete-region old-beg old-end)
            (goto-char old-beg)
            (insert new)
            ;; Tabs of the format become spaces, at the columns they land on.
            (untabify old-beg (point))
            (+ resume (- (point) old-end))))))))

(defun time-stamp-toggle-active (&optional arg) "Switch `time-stamp-active' over; with ARG, on if positive and off if not."
  (interactive "P")
  (setq time-stamp-active (not (if arg (<= (prefix-numeric-value arg) 0) time-stamp-active)))
  (message "time-stamp is now %s." (if time-stamp-active 'active 'off)))

;;; The format language.

(defun time-stamp-zone-type-p (zone) "Say whether ZONE is a value `time-stamp-time-zone' may hold."
  (cond ((memq zone '(nil t wall)))
        ((or (stringp zone) (integerp zone)) t)
        ((consp zone) (and (integerp (car zone)) (consp (cdr zone))
                           (stringp (cadr zone)) (null (cddr zone))))))

(defun time-stamp--read-spec (fmt i)
  "Read the conversion whose text starts at index I of FMT, just after a %.
Return (SPEC . NEXT): SPEC is a list (LETTER FLAGS WIDTH COLONS UP
CHANGE); LETTER is the conversion's character or nil at the string's
end, FLAGS the characters among - _ 0 in the order given, WIDTH nil or
the number, COLONS how many, UP and CHANGE whether ^ or # came."
  (let ((n (length fmt)) flags width (colons 0) up change letter done)
    (while (and (not done) (< i n))
      (let ((c (aref fmt i)))
        (cond
         ((memq c '(?- ?_)) (push c flags) (setq i (1+ i)))
         ((and (eq c ?0) (null width)) (push ?0 flags) (setq width 0 i (1+ i)))
         ((and (>= c ?0) (<= c ?9))
          (setq width (+ (* 10 (or width 0)) (- c ?0)) i (1+ i)))
         ((eq c ?:) (setq colons (1+ colons) i (1+ i)))
         ((eq c ?^) (setq up t i (1+ i)))
         ((eq c ?#) (setq change t i (1+ i)))
         ((memq c '(?. ?, ?@ ?+ ?\s)) (setq i (1+ i)))
         ((eq c ?\()
          ;; A parenthesised comment, nesting, with \ quoting one char.
          (let ((depth 1) (j (1+ i)))
            (while (and (< j n) (> depth 0))
              (pcase (aref fmt j)
                (?\\ (setq j (+ j 1)))
                (?\( (setq depth (1+ depth)))
                (?\) (setq depth (1- depth))))
              (setq j (1+ j)))
            ;; Unclosed, it swallows the rest of the string.
            (if (> depth 0) (setq i n done 'broken) (setq i j))))
         (t (setq letter c i (1+ i) done t)))))
    (cons (list (and (eq done t) letter) (nreverse flags) width colons up change)
          (min i n))))

(defun time-stamp--fit (text width)
  "TEXT cut to WIDTH characters or padded on the left with spaces to it."
  (cond ((null width) text)
        ((> (length text) width) (substring text 0 width))
        (t (concat (make-string (- width (length text)) ?\s) text))))

(defun time-stamp--pad-number (n width zeros)
  "N in decimal, padded on the left to WIDTH with zeros if ZEROS, else spaces."
  (let ((digits (number-to-string n)))
    (if (and width (< (length digits) width))
        (concat (make-string (- width (length digits)) (if zeros ?0 ?\s)) digits)
      digits)))

(defun time-stamp-conv-warn (old-form new-form) "Note in a buffer that OLD-FORM is obsolescent and NEW-FORM is its spelling now."
  (when time-stamp-conversion-warn
    (let* ((name "*Time-stamp-compatibility*") (old (get-buffer name)))
      (with-current-buffer (or old (get-buffer-create name))
        (goto-char (+ (point-min) (- (buffer-size) (- (point-min) 1))))
        (unless old
          (insert (format (concat "The formats recognized in %s will change in a future release\n"
                                  "to be more compatible with the %s function.\n\n"
                                  "The following obsolescent %s construct(s) were found:\n\n")
                          'time-stamp-format 'format-time-string 'time-stamp-format)))
        (insert (format "\"%s\" -- use %s\n" old-form new-form))))))

(defun time-stamp--one (spec time zone)
  "The expansion of the conversion SPEC (see `time-stamp--read-spec') at TIME in ZONE."
  (let* ((letter (nth 0 spec)) (flags (nth 1 spec)) (given (nth 2 spec))
         (colons (nth 3 spec)) (up (nth 4 spec)) (change (nth 5 spec))
         (mode (car (last flags)))
         (width (or given (cond ((eq mode ?-) 1) ((eq mode ?_) 2))))
         (zeros (and given (eq mode ?0)))
         (ftime (lambda (f) (format-time-string f time zone)))
         (number
          (lambda (n)
            ;; Two-digit fields: zero-padded to two unless told otherwise.
            (cond ((> colons 0) (if width (time-stamp--fit "" width) (number-to-string n)))
                  ((null width) (time-stamp--pad-number n 2 t))
                  (t (time-stamp--pad-number n width zeros)))))
         (name
          (lambda (short long)
            (cond ((> colons 0) (time-stamp--fit (if width "" (funcall ftime long)) width))
                  ((or up change) (time-stamp--fit (upcase (funcall ftime short)) width))
                  (t (time-stamp--fit (funcall ftime short) width)))))
         (long-name
          (lambda (long)
            (time-stamp--fit (if (or up change width)
                                 (upcase (funcall ftime long))
                               (funcall ftime long))
                             width))))
    (pcase letter
      (?% (time-stamp--fit "%" width))
      (?a (funcall name "%a" "%A"))
      (?A (funcall long-name "%A"))
      (?b (funcall name "%b" "%B"))
      (?B (funcall long-name "%B"))
      (?d (funcall number (decoded-time-day (decode-time time zone))))
      (?H (funcall number (decoded-time-hour (decode-time time zone))))
      (?I (funcall number (let ((h (% (decoded-time-hour (decode-time time zone)) 12)))
                            (if (= h 0) 12 h))))
      (?m (funcall number (decoded-time-month (decode-time time zone))))
      (?M (funcall number (decoded-time-minute (decode-time time zone))))
      (?S (funcall number (decoded-time-second (decode-time time zone))))
      (?w (time-stamp--pad-number (decoded-time-weekday (decode-time time zone)) width nil))
      (?y (let ((year (decoded-time-year (decode-time time zone))))
            (cond ((> colons 0) (time-stamp--pad-number year given zeros))
                  ((and given (> given 2))
                   (time-stamp-conv-warn (format "%%%s%dy" (if (memq ?0 flags) "0" "") given)
                                         "%Y")
                   (time-stamp--pad-number year given zeros))
                  (t (funcall number (% year 100))))))
      (?Y (time-stamp--pad-number (decoded-time-year (decode-time time zone)) given zeros))
      (?p (time-stamp--fit (if change (downcase (funcall ftime "%p")) (funcall ftime "%p")) width))
      (?P (time-stamp--fit (funcall ftime "%p") width))
      (?Z (time-stamp--fit (if change (downcase (funcall ftime "%Z")) (funcall ftime "%Z")) width))
      (?z (cond (change "")
                ((and (null flags) (null given) (= colons 0))
                 ;; The letter's reading before 2019, kept for now.
                 (time-stamp-conv-warn "%z" "%#Z")
                 (downcase (funcall ftime "%Z")))
                (t (let ((offset (cond ((integerp zone) zone)
                                       ((consp zone) (car zone))
                                       (t (car (current-time-zone time zone))))))
                     (time-stamp-formatz-from-parsed-options
                      (memq ?- flags) (memq ?_ flags) (memq ?0 flags) colons (or given 0)
                      offset)))))
      (?f (time-stamp--fit (if buffer-file-name (file-name-nondirectory buffer-file-name)
                             "(no file)")
                           width))
      (?F (time-stamp--fit (or buffer-file-name "(no file)") width))
      (?h (time-stamp--fit (or mail-host-address (system-name)) width))
      ((or ?s ?Q) (time-stamp--fit (system-name) width))
      (?q (let ((host (system-name)))
            (time-stamp--fit (substring host 0 (string-search "." host)) width)))
      ((or ?U ?L) (time-stamp--fit user-full-name width))
      ((or ?u ?l) (time-stamp--fit user-login-name width))
      (_ (time-stamp--fit "" width)))))

(defun time-stamp-formatz-from-parsed-options (flag-minimize flag-pad-with-spaces flag-pad-with-zeros colon-count field-width offset-secs) "Write the zone offset OFFSET-SECS as a %z conversion with these options says.
FLAG-MINIMIZE (-) drops zero minutes, FLAG-PAD-WITH-SPACES (_) always
gives seconds, FLAG-PAD-WITH-ZEROS (0) adds parts to reach FIELD-WIDTH;
COLON-COUNT 1 gives +hh:mm, 2 +hh:mm:ss, 3 only what is needed.
Combinations that contradict each other give the empty string."
  (let ((flag-count (+ (if flag-minimize 1 0) (if flag-pad-with-spaces 1 0)
                       (if flag-pad-with-zeros 1 0))))
    (if (or (> flag-count 1)
            (and (or flag-minimize flag-pad-with-spaces) (> colon-count 0)))
        ""
      (let* ((sign (if (< offset-secs 0) "-" "+"))
             (total (abs offset-secs))
             (hh (/ total 3600)) (mm (% (/ total 60) 60)) (ss (% total 60))
             (sep (if (or (> colon-count 0) (> hh 99)) ":" ""))
             ;; Parts shown: 1 hours, 2 and minutes, 3 and seconds.
             (parts (cond (flag-pad-with-spaces 3)
                          (flag-minimize 1)
                          ((= colon-count 2) 3)
                          ((= colon-count 3) 1)
                          (t 2)))
             (render (lambda (k)
                       (concat sign (format "%02d" hh)
                               (if (>= k 2) (format "%s%02d" sep mm) "")
                               (if (>= k 3) (format "%s%02d" sep ss) ""))))
             out)
        (when (/= ss 0) (setq parts 3))
        (when (and (< parts 2) (or (/= mm 0) (> hh 99))) (setq parts 2))
        (setq out (funcall render parts))
        (when flag-pad-with-zeros
          (while (and (< parts 3) (< (length out) field-width))
            (setq parts (1+ parts) out (funcall render parts))))
        (if (< (length out) field-width)
            (concat out (make-string (- field-width (length out)) ?\s))
          out)))))

(defun time-stamp-string (&optional ts-format time) "The text of a stamp: TIME (default now) written as TS-FORMAT says.
TS-FORMAT defaults to `time-stamp-format'; when it is not a string the
value is nil.  The zone is `time-stamp-time-zone'."
  (unless ts-format (setq ts-format time-stamp-format))
  (when (stringp ts-format)
    (let ((moment (or time (current-time))) (zone time-stamp-time-zone)
          (done 0) (out nil) pct)
      ;; Literal text is copied; each %-conversion is replaced by its value.
      (while (setq pct (string-search "%" ts-format done))
        (push (substring ts-format done pct) out)
        (let* ((spec+next (time-stamp--read-spec ts-format (1+ pct)))
               (next (cdr spec+next)))
          (push (time-stamp--one (car spec+next) moment zone)
                out)
          (setq done next)))
      (apply #'concat (nreverse (cons (substring ts-format done) out))))))

(provide 'time-stamp)

;;; time-stamp.el ends here
