;;; paren.el --- Show Paren mode: the matching parenthesis of the one at point  -*- lexical-binding: t -*-

;; Written for tsmacs from the behaviour of GNU Emacs 28.2 and its manual.
;; The mode is on from the start, as in GNU: its switch, options and idle
;; timer are made by autoloads.el and dumped; this library, which does the
;; work, loads when the mode or `show-paren-function' is first called.

(defface show-paren-match '((t :inherit region))
  "Face of a paren and its match when they pair up.")
(defface show-paren-match-expression '((t :inherit show-paren-match))
  "Face of the whole expression between a paren and its match.")
(defface show-paren-mismatch '((t :inverse-video t))
  "Face of a paren whose partner is missing or of the wrong kind.")

;; Two overlays, reused from call to call: one over the paren near point, one
;; over its partner (or over the whole expression).
(defvar show-paren--overlay
  (let ((ov (make-overlay 1 1))) (delete-overlay ov) ov)
  "The overlay on the partner paren, or on the expression they enclose.")
(defvar show-paren--overlay-1
  (let ((ov (make-overlay 1 1))) (delete-overlay ov) ov)
  "The overlay on the paren next to point.")

(defun show-paren--restart-timer () "Start the idle timer that calls `show-paren-function', dropping any earlier one."
  (when (timerp show-paren--idle-timer)
    (cancel-timer show-paren--idle-timer))
  (setq show-paren--idle-timer
        (run-with-idle-timer show-paren-delay t #'show-paren-function)))

(defun show-paren--delete-overlays () "Take both Show Paren overlays out of their buffer."
  (delete-overlay show-paren--overlay)
  (delete-overlay show-paren--overlay-1))

(define-minor-mode show-paren-mode "Toggle highlighting of the paren matching the one at point, in every buffer."
  :global t :init-value t :group 'paren-showing
  ;; A buffer that chose for itself keeps its choice.
  (dolist (buf (buffer-list))
    (with-current-buffer buf
      (when (local-variable-p 'show-paren-mode)
        (kill-local-variable 'show-paren-mode))))
  (show-paren--restart-timer)
  (unless show-paren-mode (show-paren--delete-overlays)))

(define-minor-mode show-paren-local-mode "Toggle Show Paren mode in this buffer only."
  :variable ((buffer-local-value 'show-paren-mode (current-buffer))
             . (lambda (on)
                 ;; A buffer that agrees with the global switch follows it.
                 (kill-local-variable 'show-paren-mode)
                 (unless (eq on show-paren-mode)
                   (setq-local show-paren-mode on))))
  (unless show-paren-mode
    (when (eq (overlay-buffer show-paren--overlay-1) (current-buffer))
      (show-paren--delete-overlays))))

(defun show-paren--unescaped-p (pos) "Return t unless the character at POS follows an odd number of escape characters."
  (let ((n 0) (p (1- pos)))
    (while (and (>= p (point-min))
                (memq (car-safe (syntax-after p)) '(9 10)))
      (setq n (1+ n) p (1- p)))
    (= (% n 2) 0)))

(defun show-paren--categorize-paren (pos) "Say whether the character at POS is a paren: (1 . POS) for an opener, (-1 . END) for a closer ending at END, else nil."
  (when (and (>= pos (point-min)) (< pos (point-max)))
    (let ((class (car-safe (syntax-after pos))))
      (cond ((and (eq class 4) (show-paren--unescaped-p pos)) (cons 1 pos))
            ((and (eq class 5) (show-paren--unescaped-p pos)) (cons -1 (1+ pos)))))))

(defun show-paren--locate-near-paren () "Find the paren that point is next to, as `show-paren--categorize-paren' describes it, or nil."
  (let* ((pt (point))
         (after-close (let ((c (show-paren--categorize-paren (1- pt))))
                        (and c (< (car c) 0) c)))
         (before-open (let ((c (show-paren--categorize-paren pt)))
                        (and c (> (car c) 0) c))))
    (or after-close
        before-open
        (and show-paren-when-point-inside-paren
             (or (let ((c (show-paren--categorize-paren (1- pt))))
                   (and c (> (car c) 0) c))
                 (let ((c (show-paren--categorize-paren pt)))
                   (and c (< (car c) 0) c))))
        (and show-paren-when-point-in-periphery
             (let* ((indent-end (save-excursion (back-to-indentation) (point)))
                    (text-end (save-excursion
                                (end-of-line)
                                (skip-chars-backward " \t" (line-beginning-position))
                                (point)))
                    (opener (let ((c (show-paren--categorize-paren indent-end)))
                              (and c (> (car c) 0) c)))
                    (closer (let ((c (show-paren--categorize-paren (1- text-end))))
                              (and c (< (car c) 0) (> text-end (line-beginning-position)) c))))
               ;; In the indentation the line's first paren is preferred,
               ;; and its last one is taken too; in the trailing blanks only
               ;; the last.
               (cond ((<= pt indent-end) (or opener closer))
                     ((>= pt text-end) closer)))))))

(defun show-paren--default () "Find the paren at point and its partner: (HERE-BEG HERE-END THERE-BEG THERE-END MISMATCH), or nil."
  (pcase (show-paren--locate-near-paren)
    (`(,dir . ,outside)
     (let* ((mine (if (> dir 0) outside (1- outside)))
            (scanned (ignore-errors (scan-sexps outside dir)))
            (partner (and scanned (if (> dir 0) (1- scanned) scanned))))
       (if (not partner)
           (list mine (1+ mine) nil nil t)
         (list mine (1+ mine) partner (1+ partner)
               ;; A pair only when each is the other's matching paren.
               (not (eq (char-after partner) (matching-paren (char-after mine))))))))))

(defun show-paren--place (ov from to face) "Put the overlay OV over FROM..TO in this buffer with FACE at Show Paren's priority."
  (move-overlay ov from to (current-buffer))
  (overlay-put ov 'face face)
  (overlay-put ov 'priority show-paren-priority))

(defun show-paren-function () "Highlight the paren next to point and its partner, as Show Paren mode does when Emacs is idle."
  (pcase (and show-paren-mode (funcall show-paren-data-function))
    ('nil (show-paren--delete-overlays))
    (`(,a1 ,a2 ,b1 ,b2 ,bad)
     (let* ((span (memq show-paren-style '(expression mixed)))
            (face (if bad 'show-paren-mismatch
                    (if span 'show-paren-match-expression 'show-paren-match))))
       (and bad show-paren-ring-bell-on-mismatch (beep))
       ;; The partner (or the whole expression) first, then the paren at point.
       (if b1
           (show-paren--place show-paren--overlay (if span (min a1 b1) b1) (if span (max a2 b2) b2) face)
         (delete-overlay show-paren--overlay))
       ;; An opening paren at point is left plain when the user asks so.
       (if (or show-paren-highlight-openparen (not (eq (car-safe (syntax-after a1)) 4)))
           (show-paren--place show-paren--overlay-1 a1 a2 face)
         (delete-overlay show-paren--overlay-1))))))

(provide 'paren)

;;; paren.el ends here
