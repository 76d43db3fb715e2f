;; completion-all-sorted-completions: shorter first (then alphabetical), then
;; the history by recency, the default first; kept until the text changes.
(require 'cl-lib)
(defun le2-plain (all)
  (let (out)
    (while (consp all) (push (substring-no-properties (car all)) out) (setq all (cdr all)))
    (cons (nreverse out) all)))
(defun le2-sorted (base def history-var history-list &optional table)
  (with-temp-buffer
    (insert base)
    (cl-letf (((symbol-function #'minibufferp) (lambda (&rest _) t)))
      (let ((completion-styles '(basic))
            (completion-category-defaults nil)
            (completion-category-overrides nil)
            (minibuffer-history-variable history-var)
            (minibuffer-history history-list)
            (minibuffer-default def)
            (minibuffer-completion-table
             (or table
                 (lambda (str pred action)
                   (pcase action
                     (`(boundaries . ,_) `(boundaries ,(length base) . 0))
                     (_ (complete-with-action
                         action
                         '("epsilon" "alpha" "gamma" "beta" "delta")
                         (substring str (length base)) pred)))))))
        (le2-plain (completion-all-sorted-completions))))))
(le2-sorted "" nil t nil)
(le2-sorted "" "gamma" t nil)
(le2-sorted "" "gamma" 'minibuffer-history nil)
(le2-sorted "" '("gamma" "zeta") 'minibuffer-history nil)
(le2-sorted "" "gamma" 'minibuffer-history '("other" "epsilon" "delta"))
(le2-sorted "base/" "base/gamma" 'minibuffer-history '("some/alpha" "base/epsilon" "base/delta"))
(le2-sorted "base/" "gamma" 'minibuffer-history '("some/alpha" "base/epsilon" "base/delta"))
(le2-sorted "" "zeta" 'minibuffer-history '("delta" "epsilon" "delta"))
(le2-sorted "b" nil t nil '("beta" "bb" "alpha" "bb" "b"))
(le2-sorted "zz" nil t nil '("beta" "bb"))
(with-temp-buffer
  (insert "b")
  (cl-letf (((symbol-function 'minibufferp) (lambda (&rest _) t)))
    (let ((minibuffer-completion-table '("beta" "bb" "alpha" "bb")))
      (list (le2-plain (completion-all-sorted-completions))
            (and completion-all-sorted-completions t)
            (memq 'completion--flush-all-sorted-completions after-change-functions)
            (progn (insert "e") completion-all-sorted-completions)
            (memq 'completion--flush-all-sorted-completions after-change-functions)
            (le2-plain (completion-all-sorted-completions))))))
