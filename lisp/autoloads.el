;;; autoloads.el --- entry points of the libraries loaded on first use  -*- lexical-binding: t -*-

;; Written for tsmacs.  The same functions GNU Emacs 28 autoloads from these
;; libraries, so that calling one loads its file, as there.

(let ((entries
       '(("cl-lib" cl-incf t)
         ("ert" ert-deftest t) ("ert" ert-run-tests-batch nil) ("ert" ert-run-tests-batch-and-exit nil)
         ("subr-x" if-let t) ("subr-x" when-let t) ("subr-x" string-clean-whitespace nil)
         ("subr-x" string-lines nil) ("subr-x" string-truncate-left nil)
         ("let-alist" let-alist t)
         ("ring" make-ring nil) ("ring" ring-p nil)
         ("rx" rx t) ("rx" rx-define t) ("rx" rx-let t) ("rx" rx-let-eval t) ("rx" rx-to-string nil)
         ("seq" seq-every-p nil) ("seq" seq-filter nil) ("seq" seq-find nil) ("seq" seq-group-by nil)
         ("seq" seq-intersection nil) ("seq" seq-max nil) ("seq" seq-position nil) ("seq" seq-reduce nil)
         ("seq" seq-remove nil) ("seq" seq-some nil) ("seq" seq-sort-by nil) ("seq" seq-subseq nil)
         ("seq" seq-take nil) ("seq" seq-union nil) ("seq" seq-uniq nil))))
  (while entries
    (let ((e (car entries)))
      (autoload (nth 1 e) (car e) nil nil (if (nth 2 e) 'macro nil)))
    (setq entries (cdr entries))))
