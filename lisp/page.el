;;; page.el --- moving by pages, the text between page delimiters  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A page ends where `page-delimiter' matches.  A delimiter at the very
;; start of a line point is on belongs to the page before it, so moving
;; forward from there passes over it.

(defun page--last-delimiter (limit) "Give (BEG . END) of the last delimiter match before LIMIT, or nil."
  (save-excursion (goto-char limit)
    (and (re-search-backward page-delimiter nil t)
         (cons (match-beginning 0) (match-end 0)))))

(defun page--step (ahead) "Move over one page boundary: forward when AHEAD is non-nil, else backward."
  (if ahead
      (progn
        ;; A delimiter starting the line point is on is passed over.
        (when (bolp) (forward-char 1))
        (re-search-forward page-delimiter nil 'move))
    (let ((d (page--last-delimiter (point))))
      (when (and d (= (cdr d) (point))) (goto-char (car d)))
      (unless (bobp) (backward-char))
      (setq d (page--last-delimiter (point)))
      (goto-char (if d (cdr d) (point-min))))))

(defun forward-page (&optional count) "Move forward COUNT page boundaries (backward when COUNT is negative)." (interactive "p")
  (let ((left (or count 1)))
    (while (cond ((> left 0) (not (eobp)))
                 ((< left 0) (not (bobp))))
      (page--step (> left 0))
      (setq left (if (> left 0) (1- left) (1+ left))))
    nil))

(defun backward-page (&optional count) "Move backward COUNT page boundaries (forward when COUNT is negative)." (interactive "p")
  (forward-page (- (prefix-numeric-value count))))

(defun mark-page (&optional arg) "Put point at the start of this page and the mark at its end.
A non-zero ARG first moves that many pages forward or back." (interactive "P")
  (let ((n (if arg (prefix-numeric-value arg) 0)))
    (unless (zerop n) (forward-page (if (< n 0) (1- n) n)))
    (forward-page 1) (push-mark (point) t t) (backward-page 1)))

(defun page--bounds () "Give (BEG . END) of the page point is on, without its delimiters."
  (save-excursion (forward-page 1)
    (let* ((d (page--last-delimiter (point)))
           (stop (if (and d (= (cdr d) (point))) (car d) (point))))
      (backward-page 1)
      (cons (point) (max (point) stop)))))

(defun narrow-to-page (&optional arg) "Narrow the buffer to the page point is on; ARG first moves that many pages.
Point stays where it was when that is inside the page, else goes to its nearer end." (interactive "P")
  (let ((n (if arg (prefix-numeric-value arg) 0))
        from to)
    (widen)
    (save-excursion
      ;; Going back N pages means passing N+1 boundaries, the first only
      ;; reaching the start of the page point is on, unless point is right
      ;; after a delimiter that opens its line: then N are enough.
      (cond ((> n 0) (forward-page n))
            ((< n 0)
             (let ((here (point)))
               (forward-page (if (save-excursion
                                   (beginning-of-line)
                                   (and (looking-at page-delimiter) (= (match-end 0) here)))
                                 n
                               (1- n))))))
      ;; The page ends where the delimiter that the step forward found
      ;; starts; when it found none (a delimiter at point is passed over
      ;; unsearched), at the end of the buffer.
      (setq to (if (eobp)
                   (point)
                 (let ((searched-from (if (bolp) (1+ (point)) (point))))
                   (forward-page 1)
                   (let ((d (page--last-delimiter (point))))
                     (if (and d (= (cdr d) (point)) (>= (car d) searched-from))
                         (car d)
                       (point))))))
      (goto-char to)
      (backward-page 1)
      ;; A delimiter alone on its line leaves its newline out of the page.
      (when (and (eolp) (not (bobp)) (< (point) to)) (forward-char 1))
      (setq from (point)))
    (narrow-to-region from to)))

(defun page--count-lines-page () "Give (TOTAL BEFORE AFTER): the lines of this page, those before point and those after."
  (save-excursion
    (let* ((span (page--bounds)) (here (point)))
      (list (count-lines (car span) (cdr span))
            (count-lines (car span) here)
            (count-lines here (cdr span))))))

(defun count-lines-page () "Say how many lines the current page has, and how many lie before and after point." (interactive)
  (let* ((counts (page--count-lines-page))
         (total (car counts)))
    (message "Page has %d line%s (%d + %d)" total (if (= total 1) "" "s")
             (nth 1 counts) (nth 2 counts))))

(defun page--what-page () "Give (PAGE LINE): the page number of point and its line number in the whole buffer."
  (save-restriction (widen) (save-excursion
      (let ((here (point)) (pages 1))
        (goto-char (point-min))
        (while (and (re-search-forward page-delimiter here t)
                    (not (= (match-beginning 0) (match-end 0))))
          (setq pages (1+ pages)))
        (goto-char here) (list pages (line-number-at-pos))))))

(defun what-page () "Say which page point is on, and which line of the buffer." (interactive)
  (apply #'message "Page %d, line %d" (page--what-page)))

(provide 'page)
