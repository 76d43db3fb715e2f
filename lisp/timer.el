;;; timer.el --- timers: functions run at a given time -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and its
;; manual.  A timer is a ten-slot vector, laid out as GNU's:
;;   0 triggered-p  1 high-seconds  2 low-seconds  3 usecs  4 repeat-delay
;;   5 function     6 args          7 idle-delay   8 psecs  9 integral-multiple
;; Active timers sit in `timer-list', soonest first.  Nothing runs them
;; by itself: the waiting primitives (`sleep-for', `accept-process-output'
;; and `sit-for' over them) call `timer-event-handler' for each timer
;; that is due.  Batch Emacs is never idle, so idle timers wait forever.

;;; Code:

(defvar timer-list nil "The active timers, each a timer object, soonest first.")
(defvar timer-idle-list nil "The active idle timers, each a timer object, shortest idle delay first.")
(defvar timer-event-last nil "The timer that `timer-event-handler' ran last.")
(defvar timer-event-last-1 nil "The timer `timer-event-handler' ran before `timer-event-last'.")
(defvar timer-event-last-2 nil "The timer `timer-event-handler' ran before `timer-event-last-1'.")
(defvar timer-max-repeats 10 "At most this many missed runs of a repeating timer are made up for at once.")

(defun timer--make-vector ()
  (make-vector 10 nil))

(defun timer-create () "Give a new timer object, not yet set up or active."
  (let ((v (timer--make-vector)))
    (aset v 0 t)
    v))

(defun timerp (object) "Give non-nil when OBJECT looks like a timer object."
  (and (vectorp object) (= (length object) 10)))

(defsubst timer--check (timer)
  (or (timerp timer) (signal 'wrong-type-argument (list 'timerp timer))))

(defun timer--triggered (timer) (aref timer 0))
(defun timer--repeat-delay (timer) (aref timer 4))
(defun timer--function (timer) (aref timer 5))
(defun timer--args (timer) (aref timer 6))
(defun timer--idle-delay (timer) (aref timer 7))
(defun timer--integral-multiple (timer) (aref timer 9))
(defun timer--high-seconds (timer) (aref timer 1))
(defun timer--low-seconds (timer) (aref timer 2))
(defun timer--usecs (timer) (aref timer 3))
(defun timer--psecs (timer) (aref timer 8))

(defun timer--time (timer) "Give the time TIMER is set for, as (HIGH LOW USEC PSEC)."
  (timer--check timer)
  (list (aref timer 1) (aref timer 2) (aref timer 3) (aref timer 8)))

(defun timer--store-time (timer time)
  (let ((parts (time-convert time 'list)))
    (aset timer 1 (nth 0 parts))
    (aset timer 2 (nth 1 parts))
    (aset timer 3 (nth 2 parts))
    (aset timer 8 (nth 3 parts))
    time))

(gv-define-simple-setter timer--time timer--store-time)
(gv-define-setter timer--function (val timer) `(aset ,timer 5 ,val))
(gv-define-setter timer--args (val timer) `(aset ,timer 6 ,val))
(gv-define-setter timer--repeat-delay (val timer) `(aset ,timer 4 ,val))
(gv-define-setter timer--triggered (val timer) `(aset ,timer 0 ,val))
(gv-define-setter timer--idle-delay (val timer) `(aset ,timer 7 ,val))

(defun timer-set-time (timer time &optional delta) "Make TIMER go off at TIME, and every DELTA seconds after when DELTA is a positive number."
  (timer--check timer)
  (timer--store-time timer time)
  (aset timer 4 (and (numberp delta) (> delta 0) delta))
  timer)

(defun timer-set-idle-time (timer secs &optional repeat) "Make TIMER an idle timer going off after SECS seconds of idleness; REPEAT non-nil repeats it."
  (timer--check timer)
  (timer--store-time timer secs)
  (aset timer 4 repeat)
  timer)

(defun timer-relative-time (time secs &optional usecs psecs) "Give TIME advanced by SECS seconds, USECS microseconds and PSECS picoseconds."
  (let ((shift secs))
    (when usecs (setq shift (time-add shift (list 0 0 usecs))))
    (when psecs (setq shift (time-add shift (list 0 0 0 psecs))))
    (time-add time shift)))

(defun timer-inc-time (timer secs &optional usecs psecs) "Move TIMER's time later by SECS seconds, USECS microseconds and PSECS picoseconds."
  (timer--store-time timer (timer-relative-time (timer--time timer) secs usecs psecs)))

(defun timer-set-time-with-usecs (timer time usecs &optional delta) "Make TIMER go off at TIME plus USECS microseconds, repeating every DELTA seconds."
  (timer-set-time timer (time-add time (list 0 0 usecs)) delta))

(defun timer-set-function (timer function &optional args) "Make TIMER call FUNCTION with the list ARGS when it goes off."
  (timer--check timer)
  (aset timer 5 function)
  (aset timer 6 args)
  timer)

(defun timer-next-integral-multiple-of-time (time secs) "Give the first time after TIME that is a whole multiple of SECS seconds since the epoch."
  ;; Exact arithmetic: both become tick counts at a common clock rate.
  (let* ((at (time-convert time t))
         (step (time-convert secs t))
         (hz (let ((a (cdr at)) (b (cdr step)))
               (while (/= b 0) (setq a (prog1 b (setq b (% a b)))))
               (* (cdr at) (/ (cdr step) a))))
         (at-ticks (* (car at) (/ hz (cdr at))))
         (step-ticks (* (car step) (/ hz (cdr step)))))
    (time-convert (cons (* step-ticks (1+ (floor at-ticks step-ticks))) hz) nil)))

(defun timer--earlier-p (a b)
  (time-less-p (timer--time a) (timer--time b)))

(defun timer--insert (timer idle)
  (let ((key (if idle
                 (lambda (x) (time-convert (timer--time x) 'list))
               #'timer--time)))
    (let ((before nil) (rest (if idle timer-idle-list timer-list)))
      (while (and rest (not (time-less-p (funcall key timer) (funcall key (car rest)))))
        (push (car rest) before)
        (setq rest (cdr rest)))
      (let ((new (nconc (nreverse before) (cons timer rest))))
        (if idle (setq timer-idle-list new) (setq timer-list new))))))

(defun timer--ready-p (timer)
  (and (timerp timer) (integerp (aref timer 1)) (integerp (aref timer 2))
       (integerp (aref timer 3)) (aref timer 5)))

(defun timer--activate (timer &optional triggered-p reuse-cell idle)
  "Put TIMER on `timer-idle-list' if IDLE is non-nil (recorded in the timer), else on `timer-list'.
TRIGGERED-P non-nil marks it as already triggered; REUSE-CELL is accepted and not needed."
  (ignore reuse-cell)
  (unless (timer--ready-p timer)
    (error "Invalid or uninitialized timer"))
  (cancel-timer timer)
  (aset timer 0 triggered-p)
  (aset timer 7 idle)
  (timer--insert timer idle)
  nil)

(defun timer-activate (timer &optional triggered-p reuse-cell) "Put TIMER on `timer-list' so that it goes off at its time.
TRIGGERED-P non-nil marks it as already triggered; REUSE-CELL is accepted and not needed."
  (timer--activate timer triggered-p reuse-cell nil))

(defun timer-activate-when-idle (timer &optional dont-wait reuse-cell) "Put TIMER on `timer-idle-list', to go off once Emacs has been idle for its time.
DONT-WAIT and REUSE-CELL are accepted; batch Emacs is never idle."
  (ignore dont-wait)
  (timer--activate timer nil reuse-cell 'idle))

(defalias 'disable-timeout #'cancel-timer)

(defun cancel-timer (timer) "Take TIMER off the lists of active timers."
  (timer--check timer)
  (setq timer-list (delq timer timer-list))
  (setq timer-idle-list (delq timer timer-idle-list))
  nil)

(defun cancel-function-timers (function) "Cancel every active timer whose function is FUNCTION."
  (interactive "aCancel timers of function: ")
  (dolist (tm (append timer-list timer-idle-list))
    (when (eq (aref tm 5) function)
      (cancel-timer tm))))

(defun timer-event-handler (timer) "Run TIMER, which is due: reschedule it when it repeats, then call its function.
An error from the function is shown as a message and goes no further."
  (setq timer-event-last-2 timer-event-last-1
        timer-event-last-1 timer-event-last
        timer-event-last timer)
  (when (timerp timer)
    (let ((was-active (or (memq timer timer-list) (memq timer timer-idle-list))))
      (cancel-timer timer)
      (when was-active
        (aset timer 0 t)
        (let ((delay (aref timer 4)))
          (when (and (numberp delay) (> delay 0) (not (aref timer 7)))
            ;; Late by several periods: skip ahead instead of running them all.
            (let ((late (float-time (time-subtract nil (timer--time timer)))))
              (if (> late (* delay timer-max-repeats))
                  (timer--store-time timer (time-add nil delay))
                (timer-inc-time timer delay)))
            (timer-activate timer t)))
        (condition-case err
            (apply (aref timer 5) (aref timer 6))
          (error
           (let ((f (aref timer 5)))
             (message "Error running timer%s: %S"
                      (if (symbolp f) (format-message " `%s'" f) "")
                      err))))))))

(defconst timer--duration-units
  '(("sec" . 1) ("second" . 1) ("min" . 60) ("minute" . 60) ("hour" . 3600)
    ("day" . 86400) ("week" . 604800) ("fortnight" . 1209600) ("month" . 2592000)
    ("year" . 31557600.0))
  "The unit words `timer-duration' knows, with their length in seconds.")

(defun timer--duration-unit (word)
  "The seconds in the unit WORD, singular or with one plural s, or nil."
  (or (cdr (assoc word timer--duration-units))
      (and (string-suffix-p "s" word)
           (cdr (assoc (substring word 0 -1) timer--duration-units)))))

(defun timer-duration (string) "Give the number of seconds STRING names, such as \"2 min 10 sec\", or nil.
A string of digits and dots alone is a number of seconds (the empty string 0).
Otherwise it is a series of NUMBER UNIT terms, each number optional (1) and
the terms apart by spaces or punctuation; a year counts 365.25 days."
  (if (string-match-p "\\`[0-9.]*\\'" string)
      (string-to-number string)
    (let ((pos 0) (total 0) (len (length string)))
      (while (and pos (< pos len))
        (if (and (eq (string-match "[^0-9.a-z]*\\([0-9.]+\\)?[ \t]*\\([a-z]+\\)[ \t]*"
                                   string pos)
                     pos)
                 (timer--duration-unit (match-string 2 string)))
            (setq total (+ total (* (if (match-beginning 1)
                                        (string-to-number (match-string 1 string))
                                      1)
                                    (timer--duration-unit (match-string 2 string))))
                  pos (match-end 0))
          (setq pos nil)))
      (and pos total))))

(defun timer--time-of-day (string)
  "The next time of day STRING names (\"11:23\", \"11pm\", \"1:05am\"), or nil."
  (when (string-match "\\`\\([0-9]+\\)\\(?::\\([0-9][0-9]\\)\\(am\\|pm\\)?\\|\\(am\\|pm\\)\\)" string)
    (let* ((hour (string-to-number (match-string 1 string)))
           (minute (if (match-beginning 2) (string-to-number (match-string 2 string)) 0))
           (half (or (match-string 3 string) (match-string 4 string)))
           (now (decode-time)))
      (when half
        (setq hour (+ (% hour 12) (if (equal half "pm") 12 0))))
      (let ((at (encode-time (list 0 minute hour (nth 3 now) (nth 4 now) (nth 5 now)
                                   nil -1 (nth 8 now)))))
        (if (time-less-p at nil) (time-add at 86400) at)))))

(defun timer--absolute-time (time repeat)
  (cond
   ((null time) (current-time))
   ((eq time t)
    (if (and (numberp repeat) (> repeat 0))
        (timer-next-integral-multiple-of-time nil repeat)
      (current-time)))
   ((numberp time) (time-add nil time))
   ((stringp time)
    (let ((secs (timer-duration time)))
      (cond
       (secs (time-add nil secs))
       ((timer--time-of-day time))
       (t (error "Invalid time specification")))))
   ((consp time) time)
   (t (error "Invalid time specification"))))

(defun run-at-time (time repeat function &rest args) "Call FUNCTION with ARGS at TIME, and every REPEAT seconds after when REPEAT is a number.
TIME is nil or a number of seconds from now, t (the next multiple of REPEAT),
a string such as \"10 sec\" or \"11:30\", or a time value.  Gives the timer."
  (interactive "sRun at time: \nNRepeat interval: \naFunction: ")
  (let ((tm (timer-create)))
    (timer-set-time tm (timer--absolute-time time repeat) repeat)
    (timer-set-function tm function args)
    (timer-activate tm)
    tm))

(defun run-with-timer (secs repeat function &rest args) "Call FUNCTION with ARGS SECS seconds from now, then every REPEAT seconds if it is a number."
  (interactive "sRun after delay (seconds): \nNRepeat interval: \naFunction: ")
  ;; run-at-time reads a number or a duration string as seconds from now.
  (apply #'run-at-time (cons secs (cons repeat (cons function args)))))

(defun add-timeout (secs function object &optional repeat) "Call FUNCTION with OBJECT after SECS seconds, then every REPEAT seconds if given."
  (run-with-timer secs repeat function object))

(defun run-with-idle-timer (secs repeat function &rest args)
  "Call FUNCTION with ARGS once Emacs has been idle SECS seconds; REPEAT non-nil does it at each idle period.
Batch Emacs is never idle, so the timer never goes off there.  Gives the timer."
  (interactive
   ;; The idle time is read as a Lisp object, the function from those defined.
   (let* ((idle (read-from-minibuffer "Run after idle (seconds): " nil nil t))
          (again (y-or-n-p "Repeat each time Emacs is idle? "))
          (name (completing-read "Function: " obarray #'fboundp t)))
     (list idle again (intern name))))
  (let ((tm (timer-create)))
    (timer-set-function tm function args)
    (timer-set-idle-time tm secs repeat)
    (timer-activate-when-idle tm t)
    tm))

(defvar with-timeout-timers nil "The timers of the `with-timeout' forms being evaluated, innermost first.")

(defmacro with-timeout (list &rest body) "Evaluate BODY, giving up after SECONDS, where LIST is (SECONDS TIMEOUT-FORMS...).
When time runs out, the value is that of TIMEOUT-FORMS.  Time only runs out
while BODY waits (`sleep-for', `accept-process-output', `sit-for')."
  (declare (indent 1) (debug ((form body) body)))
  (let ((seconds (car list))
        (fallback (cdr list))
        (tag (make-symbol "with-timeout-tag"))
        (timer (make-symbol "with-timeout-timer"))
        (result (make-symbol "with-timeout-result")))
    `(let* ((,tag (list 'with-timeout))
            (,timer nil)
            (,result
             (catch ,tag
               (setq ,timer (run-with-timer ,seconds nil #'throw ,tag ,tag))
               (let ((with-timeout-timers (cons ,timer with-timeout-timers)))
                 (unwind-protect (progn ,@body) (cancel-timer ,timer))))))
       (if (eq ,result ,tag)
           (progn ,@fallback)
         ,result))))

(defun with-timeout-suspend () "Stop the clocks of the enclosing `with-timeout' forms; give what `with-timeout-unsuspend' needs."
  (mapcar (lambda (tm)
            (cancel-timer tm)
            (cons tm (time-subtract (timer--time tm) nil)))
          with-timeout-timers))

(defun with-timeout-unsuspend (state) "Restart the clocks that `with-timeout-suspend' stopped, STATE being its value."
  (dolist (entry state)
    (let ((tm (car entry)))
      (timer--store-time tm (time-add nil (cdr entry)))
      (timer-activate tm))))

(defun sit-for (seconds &optional nodisp obsolete) "Wait SECONDS seconds, or until input arrives, and give t when it was not interrupted.
Batch Emacs has no input to wait for, so this waits the whole time and gives t.
NODISP is accepted; the three-argument obsolete form (SECONDS MILLISECONDS NODISP) too."
  (when (numberp nodisp)
    (setq seconds (+ seconds (* 1e-3 nodisp))
          nodisp obsolete))
  (ignore nodisp)
  (unless (numberp seconds) (signal 'wrong-type-argument (list 'numberp seconds)))
  ;; A wait of no time still gives due timers their turn.
  (if (> seconds 0)
      (sleep-for seconds)
    (accept-process-output nil 0))
  t)

(defun timer-until (timer time) "Give the seconds from TIME until TIMER goes off (negative when it is past)."
  (float-time (time-subtract (timer--time timer) time)))

(provide 'timer)
