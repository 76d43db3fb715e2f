;; time-stamp.el: the format language of `time-stamp-string' and the
;; updating of templates by `time-stamp'.  Fixed times, Universal Time.
(require 'time-stamp)
(require 'cl-lib)
(require 'seq)
(setq time-stamp-time-zone t)
(defvar ts-t1 '(17337 16613))
(defvar ts-t3 '(21377 34956))
(let ((buffer-file-name "/a/b.c") (user-full-name "Full Name") (user-login-name "login"))
  (mapcar (lambda (f) (cons f (time-stamp-string f ts-t1)))
          '("%(stuffB" "%)B" "%&B" "%" "%5" "%-" "abc%" "%c" "%j" "%E" "%EY" "%@B" "%4A"
            "%10A" "%2A" "%0A" "%-A" "%_A" "%^3a" "%#3A" "%:3A" "%10B" "%3:b" "%-a" "%_a"
            "%#10A" "%^:a" "%#:a" "%3d" "%03d" "%_3d" "%-3d" "%:3d" "%:d" "%::d" "%:-d")))
(let ((buffer-file-name "/a/b.c") (user-full-name "Full Name") (user-login-name "login"))
  (mapcar (lambda (f) (cons f (time-stamp-string f ts-t1)))
          '("%y" "%0y" "%1y" "%2y" "%02y" "%_2y" "%-2y" "%:y" "%:2y" "%:6y" "%:06y" "%-:y"
            "%Y" "%3Y" "%05Y" "%-Y" "%_Y" "%6Y" "%0d" "%0H" "%_0d" "%-0d" "%_1d" "%8d" "%08d"
            "%-08d" "%_08d" "%0_8d" "%-_d" "%_-d" "%#d" "%I" "%_I" "%w" "%-w" "%3w" "%03w" "%_w")))
(let ((buffer-file-name "/a/b.c") (user-full-name "Full Name") (user-login-name "login"))
  (mapcar (lambda (f) (cons f (time-stamp-string f ts-t3)))
          '("%p" "%#p" "%P" "%#P" "%^#p" "%-p" "%3p" "%#3p" "%Z" "%#Z" "%-Z" "%10Z" "%07Z"
            "%f" "%F" "%-f" "%3f" "%10F" "%U" "%L" "%3U" "%_U" "%u" "%l" "%%" "%5%" "%0%"
            "%_%" "%05a" "%((a)b)B" "%(a\\(b)B" "%\\B" "%(a" "%.B" "%,,B" "% B" "%@@3B"
            "%3(x)B" "%(x)3B" "%H%" "%2%%" "%H:%M:%S" "No percent")))
(mapcar (lambda (f) (cons f (time-stamp-string f ts-t1)))
        '("%-z" "%:z" "%::z" "%:::z" "%5z" "%_z" "%10z" "%06z" "%012:z" "%#z" "%^5z"
          "%-:::z" "%_:z" "%.:z" "%:::5z" "%E5z" "%(x)5z"))
(mapcar (lambda (zone) (let ((time-stamp-time-zone zone))
                         (list (time-stamp-string "%H %Z %5z %:::z %_z %-12z|" ts-t1)
                               (time-stamp-string "%::z %06:::z %012z|" ts-t1))))
        '("PST8" "CET-1" "UTC0" 1800 -1830 (3600 "ABC") 45296))
;; Offsets of 100 hours and more (no %H: GNU's clock wraps those zones).
(mapcar (lambda (zone) (let ((time-stamp-time-zone zone))
                         (time-stamp-string "%5z %:::z %_z %-12z %::z %06:::z %012z|" ts-t1)))
        '(-362730 360030 (-360000 "X")))
(mapcar (lambda (args) (apply #'time-stamp-formatz-from-parsed-options args))
        '((nil nil nil 0 0 0) (?- nil nil 0 0 1800) (nil ?_ nil 0 7 -30) (nil nil ?0 1 9 3600)
          (nil nil nil 3 0 -45) (?- ?_ nil 0 0 0) (nil nil nil 2 12 360000)))
;; The old %z: a warning in a buffer, and the zone's lower-case name.
(progn (when (get-buffer "*Time-stamp-compatibility*") (kill-buffer "*Time-stamp-compatibility*"))
       (list (time-stamp-string "%z %4y %^z" ts-t1)
             (with-current-buffer "*Time-stamp-compatibility*" (buffer-string))))
(let ((user-login-name "me")) (list (time-stamp-string nil ts-t1) (time-stamp-string 'x ts-t1) (time-stamp-string "" ts-t1)))
(mapcar #'time-stamp-zone-type-p '(t nil wall floor "s" 0 3.5 (0) (0 . "A") (0 "A") (0 0) ("A" "A")))
(mapcar (lambda (v) (get v 'safe-local-variable))
        '(time-stamp-format time-stamp-time-zone time-stamp-line-limit time-stamp-start
          time-stamp-end time-stamp-inserts-lines time-stamp-count time-stamp-pattern))
(list time-stamp-format time-stamp-start time-stamp-end time-stamp-line-limit time-stamp-count
      time-stamp-inserts-lines time-stamp-pattern time-stamp-active time-stamp-warn-inactive)
(get 'time-stamp-time-zone 'custom-type)
;; Updating buffers.
(defun ts-run (text &rest bindings)
  "Stamp a buffer holding TEXT with BINDINGS (VAR VALUE ...) in force."
  (with-temp-buffer
    (insert text)
    (goto-char 3)
    (cl-progv (cl-loop for (var _) on bindings by #'cddr collect var)
        (cl-loop for (_ val) on bindings by #'cddr collect val)
      (cl-letf (((symbol-function 'time-stamp-string)
                 (let ((real (symbol-function 'time-stamp-string)))
                   (lambda (&optional fmt) (funcall real fmt ts-t1)))))
        (list (time-stamp) (buffer-string) (point) (buffer-modified-p))))))
(ts-run "Time-stamp: <>\n" 'time-stamp-format "%Y-%m-%d %H:%M:%S")
(ts-run "x\nTime-stamp: \"old\"\n" 'time-stamp-format "%Y")
(ts-run "Time-stamp: <2006>\n" 'time-stamp-format "%Y")
(ts-run "a\nb\nTime-stamp: <>\n" 'time-stamp-line-limit 2 'time-stamp-format "%Y")
(ts-run "a\nb\nTime-stamp: <>\n" 'time-stamp-line-limit -2 'time-stamp-format "%Y")
(ts-run "Time-stamp: <>\nb\nc" 'time-stamp-line-limit -2 'time-stamp-format "%Y")
(ts-run "Time-stamp: <>\nTime-stamp: <>\nTime-stamp: <>\nTime-stamp: <>\n" 'time-stamp-count 3 'time-stamp-format "%Y")
(ts-run "Time-stamp: <>\nTime-stamp: <>\nTime-stamp: <\n" 'time-stamp-count 3 'time-stamp-format "%Y%m%d%H%M%S%%%%")
(ts-run "Time-stamp: <x>\nTime-stamp: <x>\n" 'time-stamp-count 'a 'time-stamp-format "%Y")
(ts-run "Time-stamp: <x>\nTime-stamp: <x>\n" 'time-stamp-count -3 'time-stamp-format "%Y")
(ts-run "Time-stamp: <x>\n" 'time-stamp-active nil)
(ts-run "Time-stamp: <x>\n" 'time-stamp-format 12)
(ts-run "TS: <x>\n" 'time-stamp-pattern "TS: <%Y>")
(ts-run "TS: <x> end\n" 'time-stamp-pattern "TS: <%:y-%(a)m> end")
(ts-run "xx\nTS: <x>\n" 'time-stamp-pattern "1/TS: <%Y>")
(ts-run "Time-stamp: <x>\n" 'time-stamp-pattern "%H")
(ts-run "Updated: <\n>\n" 'time-stamp-start "Updated: <" 'time-stamp-end ">" 'time-stamp-format "%Y")
(ts-run "Updated: <\n>\n" 'time-stamp-start "Updated: <" 'time-stamp-end "\n>" 'time-stamp-format "%Y")
(ts-run "Updated: <>\nfoo>\n" 'time-stamp-start "Updated: <" 'time-stamp-end ">" 'time-stamp-format "\n%Y")
(ts-run "On:\n\n" 'time-stamp-start "On:" 'time-stamp-end "$" 'time-stamp-format "\n  %Y")
(ts-run "On:\n  2006\n" 'time-stamp-start "On:" 'time-stamp-end "$" 'time-stamp-format "\n  %Y" 'time-stamp-inserts-lines t)
(ts-run "In: <\t\t>" 'time-stamp-start "In: <\t" 'time-stamp-end "\t>" 'time-stamp-format "\t%Y\t")
(ts-run "Updated: <\t\tx>\n" 'time-stamp-start "Updated: <" 'time-stamp-end ">" 'time-stamp-format "%Y\t%Y")
(let ((time-stamp-active t))
  (list (time-stamp-toggle-active) time-stamp-active (time-stamp-toggle-active 1) time-stamp-active
        (time-stamp-toggle-active -1) time-stamp-active (time-stamp-toggle-active '(4)) time-stamp-active))
