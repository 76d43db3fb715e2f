;;; autoinsert.el --- fill new files from templates  -*- lexical-binding: t -*-

;; Part of tsmacs.  Written from GNU Emacs 28.2's observed behaviour.
;;
;; `auto-insert' fills an empty buffer by the first rule of
;; `auto-insert-alist' that applies to it.  A rule is (CONDITION .
;; ACTION): CONDITION is a major mode (the buffer's mode or one it
;; derives from), a regexp matched against the file name, or either
;; consed to a description; ACTION is a file name (read from
;; `auto-insert-directory'), a skeleton, a function, or a vector of
;; these done in turn.  `auto-insert-mode' runs it on every file
;; visited; `define-auto-insert' adds to the rules.

;;; Code:

(require 'skeleton)
(require 'seq)

(defgroup auto-insert nil "Filling new files from templates."
  :group 'files :group 'convenience :prefix "auto-insert")

(let ((options
       ;; (NAME INITIAL DOC TYPE [VERSION]): the options of the group.
       (let ((by-name '(regexp :tag "Regexp matching file name"))
             (by-mode '(symbol :tag "Major mode"))
             ;; A choice of constants, then of anything else.
             (choices (lambda (constants other-tag other)
                        `(choice ,@(mapcar (lambda (c) (list 'const :tag (car c) (cdr c))) constants)
                                 (other :tag ,other-tag ,other)))))
         `((auto-insert not-modified
                        "What `auto-insert' does: nil nothing, t insert, anything else insert and leave the buffer unmodified."
                        ,(funcall choices '(("Insert if possible" . t) ("Do nothing" . nil))
                                  "insert if possible, mark as unmodified." 'not-modified))
           (auto-insert-query function "Non-nil asks before each insertion."
                              ,(funcall choices '(("Don't ask" . nil) ("Ask if called non-interactively" . function))
                                        "Ask" t))
           (auto-insert-prompt "Perform %s auto-insertion?"
                               "The question asked before an insertion; %s is the rule's description."
                               string "22.1")
           (auto-insert-directory "~/insert/" "Where the template files named in `auto-insert-alist' are found."
                                  directory)
           (auto-insert-alist nil "The rules of `auto-insert', as (CONDITION . ACTION).
CONDITION is a major mode, a regexp matched against the file name,
or (MODE-OR-REGEXP . DESCRIPTION).  ACTION is a file to insert, a
skeleton, a function to call or a vector of such actions."
                              (alist :key-type (choice ,by-name ,by-mode
                                                       (cons :tag "Condition and description"
                                                             (choice :tag "Condition" ,by-name ,by-mode)
                                                             (string :tag "Description")))
                                     :value-type (choice file function (sexp :tag "Skeleton or vector"))))))))
  (dolist (option options)
    (pcase-let ((`(,name ,initial ,doc ,type ,version) option))
      (custom-declare-variable name (list 'quote initial) doc :group 'auto-insert :type type
                               :version version))))

(defun auto-insert--applies-p (condition) "Non-nil when CONDITION (a mode or a file-name regexp) holds for this buffer."
  (if (symbolp condition)
      (derived-mode-p condition)
    (and buffer-file-name (string-match-p condition buffer-file-name))))

(defun auto-insert--do (action) "Carry out the auto-insert ACTION in this buffer."
  (cond ((vectorp action) (mapc #'auto-insert--do action))
        ((stringp action)
         (let ((file (expand-file-name action auto-insert-directory)))
           (when (file-readable-p file)
             (insert-file-contents file))))
        ((and (consp action) (not (memq (car action) '(lambda closure))))
         ;; Point goes to the skeleton's interesting place, else stays
         ;; where the skeleton started, as in GNU.
         (let ((start (point)))
           (skeleton-insert action)
           (unless skeleton--marked (goto-char start))))
        (t (funcall action))))

(defun auto-insert () "Fill this empty buffer by the first rule of `auto-insert-alist' that applies."
  (interactive)
  (when (and auto-insert (not buffer-read-only) (= (point-min) (point-max)))
    (let ((rule (seq-find (lambda (rule)
                            (let ((condition (car rule)))
                              (auto-insert--applies-p (if (consp condition) (car condition) condition))))
                          auto-insert-alist)))
      (when rule
        (let* ((condition (car rule))
               (what (if (consp condition) (cdr condition) condition)))
          (when (or (null auto-insert-query)
                    (and (eq auto-insert-query 'function) (called-interactively-p 'interactive))
                    (y-or-n-p (format auto-insert-prompt what)))
            (auto-insert--do (cdr rule))
            (unless (eq auto-insert t)
              (set-buffer-modified-p nil)))))))
  nil)

(defun define-auto-insert (condition action &optional after) "Add the rule CONDITION -> ACTION to `auto-insert-alist'.
A rule for CONDITION already there gets ACTION too, before its own
actions or, with AFTER, after them; they become a vector.  The value
is the new list of rules, or the rule's new vector of actions."
  (let ((known (assoc condition auto-insert-alist)))
    (if (null known)
        (setq auto-insert-alist (cons (cons condition action) auto-insert-alist))
      ;; A vector of actions grows (a new vector's actions are spliced in);
      ;; a single action becomes a vector of two.
      (let ((parts (if (vectorp (cdr known))
                       (list (if (vectorp action) action (vector action)) (cdr known))
                     (list (vector action) (vector (cdr known))))))
        (setcdr known (apply #'vconcat (if after (reverse parts) parts)))))))

(define-minor-mode auto-insert-mode "Fill each new file visited by `auto-insert'."
  :group 'auto-insert :global t
  (funcall (if auto-insert-mode #'add-hook #'remove-hook) 'find-file-hook #'auto-insert))

(provide 'autoinsert)

;;; autoinsert.el ends here
