;;; minibuffer.el --- completion tables, boundaries, metadata and completion styles  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; A completion table is a list, alist, obarray, hash table or function
;; of (STRING PRED ACTION).  ACTION is nil (try), t (all), `lambda'
;; (test), (boundaries . SUFFIX) or `metadata'.  The styles of
;; `completion-styles' turn what the user typed into matches: each has a
;; try function giving nil, t or (STRING . POINT), and an all function
;; giving the matches with the faces of the common part and, as the final
;; cdr, the length of the text before the field.

;;; Variables (those GNU has at start-up are made in lisp/autoloads.el).

(defvar completion-pcm--delim-wild-regex nil
  "Regexp of the characters that end a word for partial completion, and `*'.")

(defun completion-pcm--prepare-delim-re (delims)
  "Set `completion-pcm--delim-wild-regex' from the delimiter characters DELIMS."
  (setq completion-pcm--delim-wild-regex (concat "[" delims "*]")))

(completion-pcm--prepare-delim-re completion-pcm-word-delimiters)

(defvar completion-flex-nospace nil
  "Non-nil means the flex style does not complete strings that hold a space.")

;;; Tables.

(defun complete-with-action (action collection string predicate)
  "Do completion ACTION on STRING in COLLECTION with PREDICATE.
A function COLLECTION is called; otherwise ACTION picks
`try-completion', `all-completions' or `test-completion', and
boundaries and metadata are nil."
  (cond ((functionp collection) (funcall collection string predicate action))
        ((memq action '(metadata)) nil)
        ((eq (car-safe action) 'boundaries) nil)
        ((null action) (try-completion string collection predicate))
        ((eq action t) (all-completions string collection predicate))
        (t (test-completion string collection predicate))))

(defun completion-boundaries (string collection pred suffix)
  "The (START . END) of the field being completed around STRING and SUFFIX.
START is a position in STRING, END one in SUFFIX; a table reports them
for (boundaries . SUFFIX), others give (0 . (length SUFFIX))."
  (let ((answer (and (functionp collection)
                     (funcall collection string pred (cons 'boundaries suffix)))))
    (if (eq (car-safe answer) 'boundaries)
        (cons (or (cadr answer) 0) (or (cddr answer) (length suffix)))
      (cons 0 (length suffix)))))

(defun completion-metadata (string table pred)
  "The metadata of TABLE for completing STRING, as (metadata . ALIST)."
  (let ((md (and (functionp table) (funcall table string pred 'metadata))))
    (cons 'metadata (and (eq (car-safe md) 'metadata) (cdr md)))))

(defun completion-metadata-get (metadata prop)
  "The value of PROP in METADATA."
  (cdr (assq prop metadata)))

(defun completion--field-metadata (field-start)
  "The metadata of the minibuffer's table for the text from FIELD-START to point."
  (completion-metadata (buffer-substring-no-properties field-start (point))
                       (bound-and-true-p minibuffer-completion-table)
                       (bound-and-true-p minibuffer-completion-predicate)))

(defun completion-table-dynamic (fun &optional _switch-buffer)
  "A completion table that calls FUN with the string to get the candidates.
FUN's answer is then completed as a list; boundaries and metadata are nil."
  (lambda (string pred action)
    (unless (or (eq action 'metadata) (eq (car-safe action) 'boundaries))
      (complete-with-action action (funcall fun string) string pred))))

(defun completion-table-with-cache (fun &optional ignore-case)
  "Like `completion-table-dynamic', but FUN's last answer is reused.
It is reused for strings that extend the last one (ignoring case with
IGNORE-CASE), as FUN's answer must then contain all their candidates."
  (let ((cached-for nil) (cached nil))
    (completion-table-dynamic
     (lambda (string)
       (if (and cached-for (string-prefix-p cached-for string ignore-case))
           cached
         (setq cached (funcall fun string) cached-for string)
         cached)))))

(defmacro lazy-completion-table (var fun)
  "A table whose candidates FUN computes once, the first time they are needed.
VAR must hold the table itself at first; it is set to FUN's answer."
  (let ((ignored (make-symbol "string")))
    `(completion-table-dynamic
      (lambda (,ignored)
        (ignore ,ignored)
        (when (functionp ,var) (setq ,var (funcall #',fun)))
        ,var)
      'do-switch-buffer)))

(defun completion-table-case-fold (table &optional dont-fold)
  "TABLE completed with `completion-ignore-case' on (or off, with DONT-FOLD)."
  (lambda (string pred action)
    (let ((completion-ignore-case (not dont-fold)))
      (complete-with-action action table string pred))))

(defun completion--some (fun xs)
  "The first non-nil (FUN X) for X in XS.
Errors are held back until every X has been tried; then the first is
signalled again."
  (let ((found nil) (first-error nil))
    (while (and xs (not found))
      (condition-case err
          (setq found (funcall fun (car xs)))
        (error (unless first-error (setq first-error err))))
      (setq xs (cdr xs)))
    (or found (and first-error (signal (car first-error) (cdr first-error))))))

(defun completion-table-in-turn (&rest tables)
  "A table answering from the first of TABLES that has an answer."
  (lambda (string pred action)
    (completion--some (lambda (table) (complete-with-action action table string pred))
                      tables)))

(defun completion-table-merge (&rest tables)
  "A table whose candidates are those of all TABLES together."
  (lambda (string pred action)
    (cond ((null action)
           (let ((answers (mapcar (lambda (table) (try-completion string table pred)) tables)))
             (if (member string answers)
                 string
               (try-completion string
                               (mapcar (lambda (a) (if (eq a t) string a)) (delq nil answers))
                               pred))))
          ((eq action t)
           (apply #'append (mapcar (lambda (table) (all-completions string table pred)) tables)))
          (t (completion--some (lambda (table) (complete-with-action action table string pred))
                               tables)))))

(defun completion-table-subvert (table s1 s2)
  "TABLE seen with the prefix S2 of its strings replaced by S1."
  (lambda (string pred action)
    (let* ((inner (and (string-prefix-p s1 string completion-ignore-case)
                       (concat s2 (substring string (length s1)))))
           (res (and inner (complete-with-action action table inner pred))))
      (when res
        (cond ((eq (car-safe action) 'boundaries)
               (let ((start (or (and (eq (car-safe res) 'boundaries) (cadr res)) 0)))
                 (cons 'boundaries
                       (cons (max (length s1) (+ start (- (length s1) (length s2))))
                             (and (eq (car-safe res) 'boundaries) (cddr res))))))
              ((stringp res)
               (and (string-prefix-p s2 res completion-ignore-case)
                    (concat s1 (substring res (length s2)))))
              ((eq action t)
               (let ((start (car (completion-boundaries inner table pred ""))))
                 (if (>= start (length s2))
                     res
                   (let ((lead (concat "\\`" (regexp-quote (substring s2 start)))))
                     (delq nil (mapcar (lambda (c) (and (string-match lead c)
                                                        (substring c (match-end 0))))
                                       res))))))
              (t res))))))

(defun completion-table-with-context (prefix table string pred action)
  "Complete STRING in TABLE as if PREFIX were before it.
PRED gets candidates with PREFIX added; ACTION is as for any table."
  (let ((wrapped (and pred
                      (lambda (c &rest _)
                        (funcall pred (concat prefix (cond ((consp c) (car c))
                                                           ((symbolp c) (symbol-name c))
                                                           (t c))))))))
    (if (eq (car-safe action) 'boundaries)
        (let ((b (completion-boundaries string table wrapped (cdr action))))
          (cons 'boundaries (cons (+ (car b) (length prefix)) (cdr b))))
      (let ((res (complete-with-action action table string wrapped)))
        (if (stringp res) (concat prefix res) res)))))

(defun completion-table-with-terminator (terminator table string pred action)
  "Complete STRING in TABLE, adding TERMINATOR after a unique completion.
TERMINATOR is a string or (STRING . REGEXP), the regexp finding it in
the text after point.  Testing a string always answers nil."
  (let ((term (if (consp terminator) (car terminator) terminator)))
    (cond ((eq (car-safe action) 'boundaries)
           (let* ((after (cdr action))
                  (b (completion-boundaries string table pred after))
                  (re (if (consp terminator) (cdr terminator) (regexp-quote terminator)))
                  (at (and re (string-match re after))))
             (cons 'boundaries (cons (car b) (min (cdr b) (or at (length after)))))))
          ((null action)
           (let ((res (try-completion string table pred)))
             (cond ((eq res t) (concat string term))
                   ((and (stringp res) (> (length res) 0)
                         (eq t (try-completion res table pred)))
                    (concat res term))
                   (t res))))
          ((eq action 'lambda) nil)
          (t (complete-with-action action table string pred)))))

(defun completion-table-with-predicate (table pred1 strict string pred2 action)
  "Complete STRING in TABLE keeping only candidates PRED1 accepts, and PRED2.
Unless STRICT, candidates PRED1 refuses are still used when nothing else
matches, and testing ignores PRED1."
  (if (and (not strict) (eq action 'lambda))
      (test-completion string table pred2)
    (or (complete-with-action action table string
                              (cond ((and pred1 pred2)
                                     (lambda (&rest c) (and (apply pred1 c) (apply pred2 c))))
                                    (t (or pred1 pred2))))
        (and (not strict) pred1
             (complete-with-action action table string pred2)))))

(defun completion-table-with-quoting (table unquote requote)
  "TABLE for text that is quoted: UNQUOTE maps typed text to (TEXT . UNQUOTE-POS-FN).
REQUOTE maps a completion and position back.  tsmacs completes the
unquoted text and requotes answers that are strings."
  (lambda (string pred action)
    (let* ((pair (funcall unquote string))
           (plain (if (consp pair) (car pair) pair)))
      (cond ((eq action 'metadata)
             (append (completion-metadata plain table pred)
                     '((completion--unquote-requote . t))))
            ((eq (car-safe action) 'boundaries)
             (completion-boundaries plain table pred (cdr action)))
            ((null action)
             (let ((res (try-completion plain table pred)))
               (if (stringp res)
                   (let ((back (funcall requote res (length res))))
                     (if (consp back) (car back) back))
                 res)))
            (t (complete-with-action action table plain pred))))))

(defun internal-complete-buffer-except (&optional buffer)
  "A table of buffer names without the name of BUFFER (default the current one)."
  (let ((except (if (stringp buffer) buffer (buffer-name (or buffer (current-buffer))))))
    (lambda (string pred action)
      (complete-with-action action
                            (delete except (mapcar #'buffer-name (buffer-list)))
                            string pred))))

;;; Styles: choosing one.

(defun completion--category-override (category tag)
  "The (TAG . VALUE) entry for CATEGORY, from the overrides or else the defaults."
  (or (assq tag (cdr (assq category completion-category-overrides)))
      (assq tag (cdr (assq category completion-category-defaults)))))

(defun completion--styles (metadata)
  "The styles to use for a table with METADATA: its category's first, then `completion-styles'."
  (let ((over (completion--category-override (completion-metadata-get metadata 'category)
                                             'styles)))
    (if over
        (delete-dups (append (cdr over) (copy-sequence completion-styles)))
      completion-styles)))

(defun completion--nth-completion (n string table pred point metadata)
  "Run function N (1 try, 2 all) of each style in turn on STRING and POINT."
  (let* ((md (or metadata (completion-metadata (substring string 0 point) table pred)))
         (found (completion--some
                 (lambda (style)
                   (let ((res (funcall (nth n (assq style completion-styles-alist))
                                       string table pred point)))
                     (and res (cons res style))))
                 (completion--styles md)))
         (adjust (and found (get (cdr found) 'completion--adjust-metadata))))
    (when (and adjust metadata)
      (setcdr metadata (cdr (funcall adjust metadata))))
    (car found)))

(defun completion-try-completion (string table pred point &optional metadata)
  "Complete STRING, with point at POINT, in TABLE by the first style that can.
Returns nil (no match), t (STRING is the only one) or (NEWSTRING . NEWPOINT)."
  (completion--nth-completion 1 string table pred point metadata))

(defun completion-all-completions (string table pred point &optional metadata)
  "The completions of STRING, point at POINT, in TABLE by the first style with any.
The list's last cdr is the length of the text before the field."
  (completion--nth-completion 2 string table pred point metadata))

;;; Highlighting.

(defun completion-hilit-commonality (completions prefix-len &optional base-size)
  "Copies of COMPLETIONS with the faces of a prefix of PREFIX-LEN - BASE-SIZE characters.
The common part gets `completions-common-part', the next character
`completions-first-difference'; BASE-SIZE becomes the final cdr."
  (when completions
    (let ((common (- prefix-len (or base-size 0))))
      (nconc
       (mapcar (lambda (elem)
                 (let ((str (copy-sequence (if (consp elem) (car elem) elem))))
                   (completion--prepend-face 0 (min common (length str)) 'completions-common-part str)
                   (when (> (length str) common)
                     (completion--prepend-face common (1+ common) 'completions-first-difference str))
                   (if (consp elem) (cons str (cdr elem)) str)))
               completions)
       base-size))))

(defun completion--prepend-face (from to face string)
  "Put FACE in front of the `face' list of STRING from FROM to TO."
  (let ((pos from))
    (while (< pos to)
      (let* ((next (next-single-property-change pos 'face string to))
             (old (get-text-property pos 'face string)))
        (put-text-property pos next 'face (cons face (if (listp old) old (list old))) string)
        (setq pos next)))))

;;; Partial completion patterns.
;; A pattern is a list of strings and the symbols `any' (any text),
;; `any-delim' (delimiters), `star' (from a typed *), `point' and
;; `prefix' (any text before, for substring matching).

(defun completion-pcm--string->pattern (string &optional point)
  "The partial-completion pattern of STRING, with `point' at POINT if inside it.
Each word delimiter is preceded by `any', and followed by `any-delim'
when a word follows; a `*' becomes `star'."
  (let ((out nil) (word "") (n (length string)) (i 0))
    (while (< i n)
      (let ((ch (aref string i)))
        (when (and point (= i point))
          (unless (equal word "") (push word out) (setq word ""))
          (push 'point out))
        (cond ((eq ch ?*)
               (unless (equal word "") (push word out) (setq word ""))
               (push 'star out))
              ((string-match-p completion-pcm--delim-wild-regex (string ch))
               (unless (equal word "") (push word out) (setq word ""))
               (push 'any out)
               (push (string ch) out)
               (let ((next (and (< (1+ i) n) (aref string (1+ i)))))
                 (when (and next (not (eq next ?*))
                            (not (string-match-p completion-pcm--delim-wild-regex (string next)))
                            (not (and point (= (1+ i) point))))
                   (push 'any-delim out))))
              (t (setq word (concat word (string ch))))))
      (setq i (1+ i)))
    (unless (equal word "") (push word out))
    (nreverse out)))

(defun completion-pcm--optimize-pattern (pattern)
  "PATTERN with empty strings gone, `any' before `any' or `point' dropped, and no final `point'."
  (let ((out nil) (rest (delete "" (copy-sequence pattern))))
    (while rest
      (let ((elem (car rest)))
        (unless (and (memq elem '(any any-delim)) (memq (cadr rest) '(any point)))
          (push elem out)))
      (setq rest (cdr rest)))
    (when (eq (car out) 'point) (setq out (cdr out)))
    (nreverse out)))

(defun completion-pcm--pattern->regex (pattern &optional group)
  "A regexp matching from the start what PATTERN matches.
GROUP t puts each wildcard in a group; a list puts the listed kinds.
A wildcard right after another adds nothing to what is matched."
  (let ((parts (list "\\`")) (after-wild nil))
    (dolist (elem pattern)
      (push (if (stringp elem)
                (regexp-quote elem)
              (let ((body (cond (after-wild "")
                                ((eq elem 'any-delim) (concat completion-pcm--delim-wild-regex "*?"))
                                (t ".*?"))))
                (if (if (consp group) (memq elem group) group)
                    (concat "\\(" body "\\)")
                  body)))
            parts)
      (setq after-wild (not (stringp elem))))
    (apply #'concat (nreverse parts))))

(defun completion-pcm--pattern->string (pattern)
  "The text of PATTERN: its strings, with `*' for each `star'."
  (mapconcat (lambda (elem) (cond ((stringp elem) elem) ((eq elem 'star) "*") (t "")))
             pattern ""))

(defun completion-pcm--pattern-trivial-p (pattern)
  "Non-nil if PATTERN is one string, maybe followed by `point'."
  (and (stringp (car pattern))
       (or (null (cdr pattern)) (equal (cdr pattern) '(point)))))

(defun completion-pcm--pattern-point-idx (pattern)
  "The group number of `point' in the regexp of PATTERN, or nil."
  (let ((n 0) (found nil))
    (dolist (elem pattern)
      (unless (or found (stringp elem))
        (setq n (1+ n))
        (when (eq elem 'point) (setq found n))))
    found))

(defun completion-pcm--all-completions (prefix pattern table pred)
  "The candidates of TABLE after PREFIX that PATTERN matches."
  (if (completion-pcm--pattern-trivial-p pattern)
      (all-completions (concat prefix (car pattern)) table pred)
    (let* ((re (completion-pcm--pattern->regex pattern))
           (case-fold-search completion-ignore-case)
           (cands (all-completions (concat prefix (if (stringp (car pattern)) (car pattern) ""))
                                   table pred)))
      (seq-filter (lambda (c) (string-match-p re c)) cands))))

(defun completion--common-suffix (strs)
  "The longest string that ends every string of STRS."
  (let* ((rev (mapcar #'reverse strs))
         (common (try-completion "" rev)))
    (if (stringp common) (reverse common) (if (eq common t) (car strs) ""))))

(defun completion-pcm--merge-completions (strs pattern)
  "A pattern, in reverse order, for what all of STRS (matches of PATTERN) share.
Each wildcard's common leading text is kept, and for `star', `point'
and `prefix' the common trailing text too; a wildcard that matched the
same text everywhere is replaced by it."
  (if (null (cdr strs))
      (list (car strs))
    (let* ((re (completion-pcm--pattern->regex pattern 'group))
           (case-fold-search completion-ignore-case)
           (pieces
            ;; For each string, the text up to the end of each group,
            ;; then the rest for the implicit `any' at the end.
            (mapcar (lambda (s)
                      (unless (string-match re s)
                        (error "Internal error: %s doesn't match %s" s re))
                      (let ((from 0) (i 1) (acc nil))
                        (while (match-end i)
                          (push (substring s from (match-end i)) acc)
                          (setq from (match-end i) i (1+ i)))
                        (push (substring s from) acc)
                        (nreverse acc)))
                    strs))
           (out nil) (fixed ""))
      (dolist (elem (append pattern '(any)))
        (if (stringp elem)
            (setq fixed (concat fixed elem))
          (let* ((chunks (delete-dups (mapcar #'car pieces)))
                 (common (try-completion fixed chunks))
                 (unique (or (and (eq common t) (setq common fixed))
                             (and (stringp common) (eq t (try-completion common chunks))))))
            (setq pieces (mapcar #'cdr pieces))
            (unless (or (eq elem 'prefix) (equal common "")) (push common out))
            (unless unique
              (push elem out)
              (when (memq elem '(star point prefix))
                (let ((tail (completion--common-suffix
                             (mapcar (lambda (c) (substring c (min (length c) (length common))))
                                     chunks))))
                  (unless (equal tail "") (push tail out)))))
            (setq fixed ""))))
      out)))

(defun completion--merge-suffix (completion point suffix)
  "SUFFIX without the text that COMPLETION already has after POINT at its end."
  (let ((after (substring completion point)))
    (if (and (> (length suffix) 0)
             (string-match "\\(.+\\)\n\\1" (concat after "\n" suffix))
             (= (match-end 1) (length after)))
        (substring suffix (length (match-string 1 (concat after "\n" suffix))))
      suffix)))

(defun completion-pcm--merge-try (pattern all prefix suffix)
  "The try-completion answer for the matches ALL of PATTERN between PREFIX and SUFFIX."
  (cond ((not (consp all)) all)
        ((and (null (cdr all))
              (equal (completion-pcm--pattern->string pattern) (car all)))
         t)
        (t
         (let* ((merged (completion-pcm--merge-completions all pattern))
                ;; MERGED is reversed: point goes after the last `point',
                ;; else the last `any' or `star', else at the end.
                (at (or (memq 'point merged) (memq 'any merged) (memq 'star merged) merged))
                (before (completion-pcm--pattern->string (reverse at)))
                (text (completion-pcm--pattern->string (reverse merged)))
                (rest (completion--merge-suffix text (length before) suffix)))
           (cons (concat prefix text rest) (+ (length prefix) (length before)))))))

(defun completion-pcm--hilit-commonality (pattern completions)
  "Copies of COMPLETIONS with the parts PATTERN's strings matched in `completions-common-part'.
The character at `point' (or after the match) gets
`completions-first-difference', and the first character a
`completion-score' property: matched length over length times one
plus the cost of the gaps between the matched parts."
  (when completions
    (let* ((re (completion-pcm--pattern->regex pattern 'group))
           (point-group (completion-pcm--pattern-point-idx pattern))
           (case-fold-search completion-ignore-case))
      (mapcar
       (lambda (elem)
         (let ((str (copy-sequence elem)))
           (unless (string-match re str)
             (error "Internal error: %s does not match %s" re str))
           (progn
             (let ((pos 0) (group 0) (matched 0) (gaps 0) (last-end nil)
                   (diff (if point-group (match-beginning point-group) (match-end 0))))
               (dolist (p pattern)
                 (if (stringp p)
                     (let ((end (+ pos (length p))))
                       (when (> (length p) 0)
                         (add-face-text-property pos end 'completions-common-part nil str)
                         ;; A gap of N characters costs 1 + (N - 1)^(1/3).
                         (when (and last-end (> pos last-end))
                           (setq gaps (+ gaps 1 (expt (float (- pos last-end 1)) (/ 1.0 3)))))
                         (setq matched (+ matched (length p)) last-end end))
                       (setq pos end))
                   (setq group (1+ group) pos (match-end group))))
               (when (> (length str) diff)
                 (add-face-text-property diff (1+ diff) 'completions-first-difference nil str))
               (when (> (length str) 0)
                 (put-text-property 0 1 'completion-score
                                    (/ matched (* (length str) (1+ gaps)) 1.0)
                                    str))))
           str))
       completions))))

(defun completion-pcm--find-all-completions (string table pred point &optional filter)
  "(PATTERN ALL PREFIX SUFFIX) for partial completion of STRING with point at POINT.
FILTER, if given, is applied to the candidates."
  (let* ((before (substring string 0 point))
         (after (substring string point))
         (bounds (completion-boundaries before table pred after))
         (prefix (substring before 0 (car bounds)))
         (suffix (substring after (cdr bounds)))
         (pattern (completion-pcm--optimize-pattern
                   (completion-pcm--string->pattern
                    (substring string (car bounds) (+ point (cdr bounds)))
                    (- point (car bounds)))))
         (all (completion-pcm--all-completions prefix pattern table pred)))
    (list pattern (if filter (funcall filter all) all) prefix suffix)))

(defun completion-pcm--filename-try-filter (all)
  "ALL without the file names `completion-ignored-extensions' ends, unless that leaves none."
  (let* ((exts (and (boundp 'completion-ignored-extensions) completion-ignored-extensions))
         (re (and exts (concat "\\(?:\\`\\.\\.?/\\|" (regexp-opt exts) "\\)\\'")))
         (kept (if re (seq-remove (lambda (f) (string-match-p re f)) all) all)))
    (or kept all)))

(defun completion-pcm-try-completion (string table pred point)
  "The partial-completion style's try function."
  (pcase-let ((`(,pattern ,all ,prefix ,suffix)
               (completion-pcm--find-all-completions string table pred point)))
    (when (bound-and-true-p minibuffer-completing-file-name)
      (setq all (completion-pcm--filename-try-filter all)))
    (completion-pcm--merge-try pattern all prefix suffix)))

(defun completion-pcm-all-completions (string table pred point)
  "The partial-completion style's all function."
  (pcase-let ((`(,pattern ,all ,prefix ,_suffix)
               (completion-pcm--find-all-completions string table pred point)))
    (when all
      (nconc (completion-pcm--hilit-commonality pattern all) (length prefix)))))

;;; The other styles.

(defun completion-emacs21-try-completion (string table pred _point)
  "The emacs21 style's try function: complete the whole string as a prefix."
  (let ((res (try-completion string table pred)))
    (if (stringp res) (cons res (length res)) res)))

(defun completion-emacs21-all-completions (string table pred _point)
  "The emacs21 style's all function."
  (completion-hilit-commonality (all-completions string table pred) (length string)
                                (car (completion-boundaries string table pred ""))))

(defun completion-emacs22-try-completion (string table pred point)
  "The emacs22 style's try function: complete the text before point, keep the rest."
  (let* ((after (substring string point))
         (res (try-completion (substring string 0 point) table pred)))
    (cond ((not (stringp res)) res)
          (t (cons (concat res after) (length res))))))

(defun completion-emacs22-all-completions (string table pred point)
  "The emacs22 style's all function."
  (let ((before (substring string 0 point)))
    (completion-hilit-commonality (all-completions before table pred) point
                                  (car (completion-boundaries before table pred "")))))

(defun completion-basic--pattern (beforepoint afterpoint bounds)
  "The basic style's pattern: the field's text before point, `point', the field's text after."
  (list (substring beforepoint (car bounds)) 'point (substring afterpoint 0 (cdr bounds))))

(defun completion-basic-try-completion (string table pred point)
  "The basic style's try function: text before point as a prefix, text after it later on."
  (let* ((before (substring string 0 point))
         (after (substring string point))
         (bounds (completion-boundaries before table pred after)))
    (if (zerop (cdr bounds))
        (let ((res (try-completion before table pred)))
          (if (stringp res)
              (cons (concat res (completion--merge-suffix res point after)) (length res))
            res))
      (let* ((suffix (substring after (cdr bounds)))
             (prefix (substring before 0 (car bounds)))
             (pattern (completion-pcm--optimize-pattern (completion-basic--pattern before after bounds)))
             (all (completion-pcm--all-completions prefix pattern table pred)))
        (when (bound-and-true-p minibuffer-completing-file-name)
          (setq all (completion-pcm--filename-try-filter all)))
        (completion-pcm--merge-try pattern all prefix suffix)))))

(defun completion-basic-all-completions (string table pred point)
  "The basic style's all function."
  (let* ((before (substring string 0 point))
         (after (substring string point))
         (bounds (completion-boundaries before table pred after))
         (prefix (substring before 0 (car bounds)))
         (pattern (completion-pcm--optimize-pattern (completion-basic--pattern before after bounds)))
         (all (completion-pcm--all-completions prefix pattern table pred)))
    (completion-hilit-commonality all point (car bounds))))

(defun completion-substring--all-completions (string table pred point &optional transform)
  "(ALL PATTERN PREFIX SUFFIX START) for matching the field of STRING anywhere.
TRANSFORM, if given, turns the pattern into another (see flex)."
  (let* ((before (substring string 0 point))
         (after (substring string point))
         (bounds (completion-boundaries before table pred after))
         (suffix (substring after (cdr bounds)))
         (prefix (substring before 0 (car bounds)))
         (basic (completion-basic--pattern before after bounds))
         (pattern (if (stringp (car basic)) (cons 'prefix basic) basic))
         (pattern (completion-pcm--optimize-pattern (if transform (funcall transform pattern) pattern)))
         (all (completion-pcm--all-completions prefix pattern table pred)))
    (list all pattern prefix suffix (car bounds))))

(defun completion-substring-try-completion (string table pred point)
  "The substring style's try function."
  (pcase-let ((`(,all ,pattern ,prefix ,suffix ,_start)
               (completion-substring--all-completions string table pred point)))
    (when (bound-and-true-p minibuffer-completing-file-name)
      (setq all (completion-pcm--filename-try-filter all)))
    (completion-pcm--merge-try pattern all prefix suffix)))

(defun completion-substring-all-completions (string table pred point)
  "The substring style's all function."
  (pcase-let ((`(,all ,pattern ,prefix ,_suffix ,_start)
               (completion-substring--all-completions string table pred point)))
    (when all
      (nconc (completion-pcm--hilit-commonality pattern all) (length prefix)))))

(defun completion-flex--make-flex-pattern (pattern)
  "PATTERN with an `any' after each character of its strings."
  (let ((out nil))
    (dolist (elem pattern)
      (if (stringp elem)
          (dolist (ch (string-to-list elem))
            (push (string ch) out)
            (push 'any out))
        (push elem out)))
    (nreverse out)))

(defun completion-flex-try-completion (string table pred point)
  "The flex style's try function: the typed characters in order, anything between."
  (unless (and completion-flex-nospace (string-search " " string))
    (pcase-let ((`(,all ,pattern ,prefix ,suffix ,_start)
                 (completion-substring--all-completions string table pred point
                                                        #'completion-flex--make-flex-pattern)))
      (when (bound-and-true-p minibuffer-completing-file-name)
        (setq all (completion-pcm--filename-try-filter all)))
      (completion-pcm--merge-try pattern all prefix suffix))))

(defun completion-flex-all-completions (string table pred point)
  "The flex style's all function."
  (unless (and completion-flex-nospace (string-search " " string))
    (pcase-let ((`(,all ,pattern ,prefix ,_suffix ,_start)
                 (completion-substring--all-completions string table pred point
                                                        #'completion-flex--make-flex-pattern)))
      (when all
        (nconc (completion-pcm--hilit-commonality pattern all) (length prefix))))))

(defun completion--flex-adjust-metadata (metadata)
  "METADATA with its sort functions ranking by `completion-score' first."
  (let ((by-score (lambda (cands)
                    (sort (copy-sequence cands)
                          (lambda (a b)
                            (> (or (get-text-property 0 'completion-score a) 0)
                               (or (get-text-property 0 'completion-score b) 0)))))))
    `(metadata (display-sort-function . ,by-score)
               (cycle-sort-function . ,by-score)
               ,@(cdr metadata))))

(put 'flex 'completion--adjust-metadata #'completion--flex-adjust-metadata)

(defun completion-initials-expand (str table pred)
  "STR with a delimiter between its characters, or nil if it already has one.
The delimiter is `-', or `/' when the table's field starts after a boundary."
  (unless (or (equal str "") (string-match-p completion-pcm--delim-wild-regex str))
    (let ((delim (if (> (car (completion-boundaries str table pred "")) 0) "/" "-")))
      (mapconcat #'string str delim))))

(defun completion-initials-all-completions (string table pred _point)
  "The initials style's all function."
  (let ((expanded (completion-initials-expand string table pred)))
    (and expanded (completion-pcm-all-completions expanded table pred (length expanded)))))

(defun completion-initials-try-completion (string table pred _point)
  "The initials style's try function."
  (let ((expanded (completion-initials-expand string table pred)))
    (and expanded (completion-pcm-try-completion expanded table pred (length expanded)))))

(defun completion-shorthand-try-completion (_string _table _pred _point)
  "The shorthand style's try function: tsmacs has no symbol shorthands, so nil."
  nil)

(defun completion-shorthand-all-completions (_string _table _pred _point)
  "The shorthand style's all function: tsmacs has no symbol shorthands, so nil."
  nil)

(defun completion--string-equal-p (s1 s2)
  "Non-nil if S1 and S2 are equal, ignoring case."
  (eq t (compare-strings s1 nil nil s2 nil nil 'ignore-case)))

;;; Reading in batch.

(defun format-prompt (prompt default &rest format-args)
  "PROMPT (formatted with FORMAT-ARGS) with DEFAULT shown and \": \" after.
DEFAULT may be a list (its first element is shown); nil or \"\" shows none."
  (let ((shown (if (consp default) (car default) default)))
    (concat (if format-args (apply #'format prompt format-args) prompt)
            (if (and shown (not (equal shown "")))
                (format minibuffer-default-prompt-format
                        (if (stringp shown) shown (format "%s" shown)))
              "")
            ": ")))

(defun completing-read-default (prompt collection &optional predicate require-match
                                       initial-input hist def inherit-input-method)
  "Read a string with PROMPT, completing in COLLECTION; in batch, a line of input.
An empty answer gives DEF (its first element if a list).  PREDICATE
and REQUIRE-MATCH say which answers complete; HIST is the history."
  (let* ((initial (if (consp initial-input) (car initial-input) initial-input))
         (answer (read-from-minibuffer prompt initial nil nil hist def inherit-input-method)))
    (ignore collection predicate require-match)
    (if (and (equal answer "") def)
        (if (consp def) (car def) def)
      answer)))

(defun minibuffer-message (message &rest args)
  "Show MESSAGE (formatted with ARGS) briefly; in batch it is `message'."
  (apply #'message message args))

(defun set-minibuffer-message (message)
  "Show MESSAGE as a minibuffer message; in batch it is `message'."
  (message "%s" message))

(defun clear-minibuffer-message ()
  "Remove a message shown by `set-minibuffer-message'; nothing to do in batch."
  nil)

(defun minibuffer--double-dollars (str)
  "STR with each `$' doubled, so `substitute-in-file-name' keeps it."
  (replace-regexp-in-string "\\$" "$$" str t t))

(provide 'minibuffer)

;;; minibuffer.el ends here
