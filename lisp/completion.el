;;; completion.el --- a database of words for dynamic completion  -*- lexical-binding: t -*-

;; Part of tsmacs.  Written from GNU Emacs 28.2's observed behaviour.
;;
;; The database of GNU's completion.el: every word worth completing is
;; an entry (STRING NUM-USES LAST-USE-TIME SOURCE), found by its
;; lower-case text, and filed under its first
;; `completion-prefix-min-length' characters in a list whose most
;; recently used entries come first (the list is kept as (HEAD . LAST
;; CONS), as `find-cmpl-prefix-entry' gives it).  Searches
;; (`completion-search-reset', `completion-search-next',
;; `completion-search-peek') walk the entries longer than a prefix, in
;; that order, ignoring case.  A completion that was used
;; (`completion-to-accept') counts one more use and moves to the head
;; before the next change or search.
;;
;; What is not here: `dynamic-completion-mode' itself (its keys,
;; recording the words around point as one edits, saving the database
;; to `save-completions-file-name'), and the search of the buffers'
;; text once the database has no more matches.

;;; Code:

(require 'seq)

(defgroup completion nil "Dynamic word completion." :group 'abbrev)

(defcustom completion-min-length 6 "Words shorter than this are not kept as completions."
  :group 'completion :type 'integer)

(defcustom completion-max-length 200 "Words longer than this are not kept as completions."
  :group 'completion :type 'integer)

(defcustom completion-prefix-min-length 3 "The length of the prefixes entries are filed under."
  :group 'completion :type 'integer)

(defconst *lisp-def-regexp* "\n(\\(\\w*:\\)?def\\(\\w\\|\\s_\\)*\\s +(*"
  "What the start of a Lisp definition looks like, up to the name it defines.")

(defvar completion-to-accept nil "The completion last inserted, to count as used at the next change or search.")
(defvar cmpl-completions-accepted-p nil "Non-nil once a completion was accepted.")

(defvar completion--entries (make-hash-table :test #'equal) "The entries, by their lower-case string.")
(defvar completion--by-prefix (make-hash-table :test #'equal) "The lists of entries, (HEAD . LAST-CONS), by lower-case prefix.")

;;; Case.

(defun cmpl-string-case-type (string) "How STRING's letters are cased: `:up', `:down', `:capitalized', `:mixed' or `:neither'."
  (let* ((case-fold-search nil)
         (upper (string-match-p "[[:upper:]]" string))
         (lower (string-match-p "[[:lower:]]" string)))
    (cond ((not (or upper lower)) :neither)
          ((not lower) :up)
          ((not upper) :down)
          ((and (= upper 0) (not (string-match-p "[[:upper:]]" string 1))) :capitalized)
          (t :mixed))))

(defun cmpl-merge-string-cases (string-to-coerce given-string) "STRING-TO-COERCE in the case of GIVEN-STRING.
A mixed-case STRING-TO-COERCE, or a GIVEN-STRING with no clear case,
leaves it as it is."
  (if (eq (cmpl-string-case-type string-to-coerce) :mixed)
      string-to-coerce
    (pcase (cmpl-string-case-type given-string)
      (:up (upcase string-to-coerce))
      (:down (downcase string-to-coerce))
      (:capitalized (if (string= string-to-coerce "")
                        string-to-coerce
                      (concat (upcase (substring string-to-coerce 0 1))
                              (downcase (substring string-to-coerce 1)))))
      (_ string-to-coerce))))

;;; The database.

(defun completion--key (string) "The lower-case prefix STRING is filed under."
  (downcase (substring string 0 completion-prefix-min-length)))

(defun find-exact-completion (string) "The entry of STRING (in any case), or nil."
  (gethash (downcase string) completion--entries))

(defun find-cmpl-prefix-entry (prefix) "The list of entries filed under the lower-case PREFIX, as (HEAD . LAST-CONS); nil if none."
  (gethash prefix completion--by-prefix))

(defun completion--file (entry at-head) "File ENTRY under its prefix, first when AT-HEAD, else last."
  (let* ((key (completion--key (car entry)))
         (list (gethash key completion--by-prefix)))
    (cond ((null list) (let ((cell (list entry))) (puthash key (cons cell cell) completion--by-prefix)))
          (at-head (setcar list (cons entry (car list))))
          (t (let ((cell (list entry)))
               (setcdr (cdr list) cell)
               (setcdr list cell))))))

(defun completion--unfile (entry) "Take ENTRY out of its prefix's list; the list's new head (nil when it was the last)."
  (let* ((key (completion--key (car entry)))
         (list (gethash key completion--by-prefix))
         (head (delq entry (car list))))
    (if (null head)
        (progn (remhash key completion--by-prefix) nil)
      (setcar list head)
      (setcdr list (last head))
      head)))

(defun add-completion-to-head (completion-string) "Make COMPLETION-STRING the first entry of its prefix, adding it if new.
An entry there already takes this spelling.  Returns the entry."
  ;; Too short a string has no prefix: GNU's args-out-of-range.
  (completion--key completion-string)
  (let ((entry (find-exact-completion completion-string)))
    (if entry
        (progn (completion--unfile entry)
               (setcar entry completion-string))
      (setq entry (list completion-string 0 nil 0))
      (puthash (downcase completion-string) entry completion--entries))
    (completion--file entry t)
    entry))

(defun add-completion-to-tail-if-new (string) "Add STRING as the last entry of its prefix unless known; its entry."
  (completion--key string)
  (or (find-exact-completion string)
      (let ((entry (list string 0 nil 0)))
        (puthash (downcase string) entry completion--entries)
        (completion--file entry nil)
        entry)))

(defun delete-completion (completion-string) "Forget COMPLETION-STRING; an error if it is not known.
Returns the new head of its prefix's list."
  (let ((entry (find-exact-completion completion-string)))
    (unless entry
      (error "Unknown completion `%s'" completion-string))
    (remhash (downcase completion-string) completion--entries)
    (completion--unfile entry)))

(defun kill-completion (string) "Forget the completion STRING."
  (interactive (list (read-string "Completion to kill: ")))
  (delete-completion string))

(defun accept-completion () "Count `completion-to-accept' as used once more and make it its prefix's first entry."
  (let ((entry (add-completion-to-head (prog1 completion-to-accept (setq completion-to-accept nil)))))
    (setcar (cdr entry) (1+ (nth 1 entry)))
    (setq cmpl-completions-accepted-p t)))

(defun add-completion (string &optional num-uses last-use-time) "Add STRING to the completions, as the first of its prefix.
NUM-USES and LAST-USE-TIME, when given, are set in its entry."
  (interactive (list (read-string "Completion to add: ")))
  (when (< (length string) completion-min-length)
    (user-error "The string `%s' is too short to be saved as a completion" string))
  (when completion-to-accept (accept-completion))
  (let ((entry (add-completion-to-head string)))
    (when num-uses (setcar (nthcdr 1 entry) num-uses))
    (when last-use-time (setcar (nthcdr 2 entry) last-use-time))))

;;; Searching.

(defvar completion--found nil "The entries the current search matches, in order.")
(defvar completion--index -1 "The index in `completion--found' of the entry last returned.")

(defun completion-search-reset (string) "Start a search for the completions of STRING, in any case."
  (when completion-to-accept (accept-completion))
  (let* ((list (find-cmpl-prefix-entry (completion--key string)))
         (prefix (downcase string))
         (size (length prefix)))
    (setq completion--found
          (seq-filter (lambda (entry)
                        (let ((text (downcase (car entry))))
                          (and (> (length text) size) (string-prefix-p prefix text))))
                      (car list))
          completion--index -1)
    nil))

(defun completion-search-next (index) "The entry number INDEX (from 0; negative from the end) of the current search."
  (setq completion--index (if (< index 0) (+ (length completion--found) index) index))
  (and (>= completion--index 0) (nth completion--index completion--found)))

(defun completion-search-peek (use-cache) "The entry after the one `completion-search-next' last gave, without moving.
USE-CACHE is accepted for compatibility."
  (ignore use-cache)
  (nth (1+ completion--index) completion--found))

(provide 'completion)

;;; completion.el ends here
