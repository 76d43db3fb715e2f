;;; european.el --- Turkish case conversion  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (issue 10).
;; Of GNU's European language environments, only the switch of the
;; standard case table between the Turkish dotted/dotless i pairs and the
;; usual ones.

;;; Code:

(defun turkish-case-conversion-enable () "Make the standard case table Turkish: i and İ are a pair, and ı and I."
  (pcase-dolist (`(,upper . ,lower) '((?İ . ?i) (?I . ?ı)))
    (set-case-syntax-pair upper lower (standard-case-table)))
  nil)

(defun turkish-case-conversion-disable () "Give the standard case table back its usual i and I pair; İ and ı are then their own case."
  (let ((std (standard-case-table)))
    (set-case-syntax-pair ?I ?i std)
    (set-case-syntax ?İ "w" std)
    (set-case-syntax ?ı "w" std))
  nil)

(provide 'european)

;;; european.el ends here
