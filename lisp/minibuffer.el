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

;;;###autoload
(defvar completion-pcm--delim-wild-regex nil "Regexp of the characters that end a word for partial completion, and `*'.")

(defun completion-pcm--prepare-delim-re (delims) "Set `completion-pcm--delim-wild-regex' from the delimiter characters DELIMS."
  (setq completion-pcm--delim-wild-regex (concat "[" delims "*]")))

(completion-pcm--prepare-delim-re completion-pcm-word-delimiters)

;;;###autoload
(defvar completion-flex-nospace nil "Non-nil means the flex style does not complete strings that hold a space.")

;;; Tables.

(defun complete-with-action (op collection input predicate) "Do completion OP on INPUT in COLLECTION with PREDICATE.
A function COLLECTION is called; otherwise OP picks
`try-completion', `all-completions' or `test-completion', and
boundaries and metadata are nil."
  (cond ((functionp collection) (funcall collection input predicate op))
        ((memq op '(meta)) nil)
        ((eq (car-safe op) 'boundaries) nil)
        ((null op) (try-completion input collection predicate))
        ((eq op t) (all-completions input collection predicate))
        (t (test-completion input collection predicate))))

(defun completion-boundaries (input collection filter sfx) "The (START . END) of the field being completed around INPUT and SFX.
START is a position in INPUT, END one in SFX; a table reports them
for (boundaries . SFX), others give (0 . (length SFX))."
  (let ((answer (and (functionp collection)
                     (funcall collection input filter (cons 'boundaries sfx)))))
    (if (eq (car-safe answer) 'boundaries)
        (cons (or (cadr answer) 0) (or (cddr answer) (length sfx)))
      (cons 0 (length sfx)))))

(defun completion-metadata (input coll filter) "The metadata of COLL for completing INPUT, as (metadata . ALIST)."
  (let ((md (and (functionp coll) (funcall coll input filter 'metadata))))
    (cons 'metadata (and (eq (car-safe md) 'metadata) (cdr md)))))

(defun completion-metadata-get (meta prop) "The value of PROP in META."
  (cdr (assq prop meta)))

(defun completion--field-metadata (field-start) "The metadata of the minibuffer's table for the text from FIELD-START to point."
  (completion-metadata (buffer-substring-no-properties field-start (point))
                       (bound-and-true-p minibuffer-completion-table)
                       (bound-and-true-p minibuffer-completion-predicate)))

(defun completion-table-dynamic (fun &optional _switch-buffer) "A completion table that calls FUN with the string to get the candidates.
FUN's answer is then completed as a list; boundaries and metadata are nil."
  (lambda (input filter op)
    (unless (or (eq op 'metadata) (eq (car-safe op) 'boundaries))
      (complete-with-action op (funcall fun input) input filter))))

(defun completion-table-with-cache (fun &optional ignore-case) "Like `completion-table-dynamic', but FUN's last answer is reused.
It is reused for strings that extend the last one (ignoring case with
IGNORE-CASE), as FUN's answer must then contain all their candidates."
  (let ((cached-for nil) (cached nil)) (completion-table-dynamic
					(lambda (input)
					  (if (and cached-for (string-prefix-p cached-for input ignore-case))
					      cached
					    (setq cached (funcall fun input) cached-for input)
					    cached)))))

(defmacro lazy-completion-table (var fun) "A table whose candidates FUN computes once, the first time they are needed.
VAR must hold the table itself at first; it is set to FUN's answer."
  (let ((ignored (make-symbol "string")))
    `(completion-table-dynamic
      (lambda (,ignored)
        (ignore ,ignored)
        (when (functionp ,var) (setq ,var (funcall #',fun)))
        ,var) 'do-switch-buffer)))

(defun completion-table-case-fold (coll &optional dont-fold) "COLL completed with `completion-ignore-case' on (or off, with DONT-FOLD)."
  (lambda (input filter op) (let ((completion-ignore-case (not dont-fold)))
			      (complete-with-action op coll input filter))))

(defun completion--some (fun xs) "The first non-nil (FUN X) for X in XS.
Errors are held back until every X has been tried; then the first is
signalled again."
  (let ((found nil) (first-error nil))
    (while (and xs (not found)) (condition-case err
				    (setq found (funcall fun (car xs)))
				  (error (unless first-error (setq first-error err)))) (setq xs (cdr xs)))
    (or found (and first-error (signal (car first-error) (cdr first-error))))))

(defun completion-table-in-turn (&rest tables) "A table answering from the first of TABLES that has an answer."
  (lambda (input filter op)
    (completion--some (lambda (coll) (complete-with-action op coll input filter))
                      tables)))

(defun completion-table-merge (&rest tables) "A table whose candidates are those of all TABLES together."
  (lambda (input filter op)
    (cond ((null op)
           (let ((answers (mapcar (lambda (coll) (try-completion input coll filter)) tables)))
             (if (member input answers)
                 input
               (try-completion input
                               (mapcar (lambda (a) (if (eq a t) input a)) (delq nil answers))
                               filter))))
          ((eq op t)
           (apply #'append (mapcar (lambda (coll) (all-completions input coll filter)) tables)))
          (t (completion--some (lambda (coll) (complete-with-action op coll input filter))
                               tables)))))

(defun completion-table-subvert (coll s1 s2) "COLL seen with the prefix S2 of its strings replaced by S1."
  (lambda (input filter op)
    (let* ((inner (and (string-prefix-p s1 input completion-ignore-case)
                       (concat s2 (substring input (length s1)))))
           (ans (and inner (complete-with-action op coll inner filter)))
           (shift (- (length s1) (length s2))))
      (cond ((eq (car-safe op) 'boundaries)
             ;; Answered even when COLL has no boundaries of its own: the
             ;; field never starts inside S1.
             (let ((found (and (eq (car-safe ans) 'boundaries) (cdr ans))))
               (cons 'boundaries
                     (cons (max (length s1) (+ (or (car found) 0) shift))
                           (cdr found)))))
            ((null ans) nil)
            ((stringp ans)
             (and (string-prefix-p s2 ans completion-ignore-case)
                  (concat s1 (substring ans (length s2)))))
            ((eq op t)
             (let ((field-start (car (completion-boundaries inner coll filter ""))))
               (if (>= field-start (length s2))
                   ans
                 ;; The candidates still hold the part of S2 inside the field.
                 (let ((lead (concat "\\`" (regexp-quote (substring s2 field-start)))))
                   (delq nil (mapcar (lambda (c) (and (string-match lead c)
                                                      (substring c (match-end 0))))
                                     ans))))))
            (t ans)))))

(defun completion-table-with-context (prefix coll input filter op) "Complete INPUT in COLL as if PREFIX were before it.
FILTER gets candidates with PREFIX added; OP is as for any table."
  (let ((wrapped (and filter
                      (lambda (c &rest _)
                        (funcall filter (concat prefix (cond ((consp c) (car c))
                                                             ((symbolp c) (symbol-name c))
                                                             (t c))))))))
    (if (eq (car-safe op) 'boundaries)
        (let ((b (completion-boundaries input coll wrapped (cdr op))))
          (cons 'boundaries (cons (+ (car b) (length prefix)) (cdr b))))
      (let ((ans (complete-with-action op coll input wrapped)))
        (if (stringp ans) (concat prefix ans) ans)))))

(defun completion-table-with-terminator (terminator coll input filter op) "Complete INPUT in COLL, adding TERMINATOR after a unique completion.
TERMINATOR is a string or (INPUT . REGEXP), the regexp finding it in
the text after point.  Testing a string always answers nil."
  (let ((term (if (consp terminator) (car terminator) terminator)))
    (cond ((eq (car-safe op) 'boundaries)
           (let* ((after (cdr op))
                  (b (completion-boundaries input coll filter after))
                  (re (if (consp terminator) (cdr terminator) (regexp-quote terminator)))
                  (at (and re (string-match re after))))
             (cons 'boundaries (cons (car b) (min (cdr b) (or at (length after)))))))
          ((null op)
           (let ((ans (try-completion input coll filter)))
             (cond ((eq ans t) (concat input term))
                   ((and (stringp ans) (> (length ans) 0)
                         (eq t (try-completion ans coll filter)))
                    (concat ans term))
                   (t ans))))
          ((eq op 'lambda) nil)
          (t (complete-with-action op coll input filter)))))

(defun completion-table-with-predicate (coll pred1 strict input pred2 op) "Complete INPUT in COLL keeping only candidates PRED1 accepts, and PRED2.
Unless STRICT, candidates PRED1 refuses are still used when nothing else
matches, and testing ignores PRED1."
  (if (and (not strict) (eq op 'lambda))
      (test-completion input coll pred2)
    (or (complete-with-action op coll input
                              (cond ((and pred1 pred2)
                                     (lambda (&rest c) (and (apply pred1 c) (apply pred2 c))))
                                    (t (or pred1 pred2)))) (and (not strict) pred1
			      (complete-with-action op coll input pred2)))))

(defun completion-table-with-quoting (coll unquote requote) "COLL for text that is quoted: UNQUOTE maps typed text to (TEXT . UNQUOTE-POS-FN).
REQUOTE maps a completion and position back.  tsmacs completes the
unquoted text and requotes answers that are strings."
  (lambda (input filter op)
    (let* ((pair (funcall unquote input))
           (plain (if (consp pair) (car pair) pair)))
      (cond ((eq op 'metadata)
             (append (completion-metadata plain coll filter) '((completion--unquote-requote . t))))
            ((eq (car-safe op) 'boundaries)
             (completion-boundaries plain coll filter (cdr op)))
            ((null op)
             (let ((ans (try-completion plain coll filter))) (if (stringp ans)
								 (let ((back (funcall requote ans (length ans))))
								   (if (consp back) (car back) back))
							       ans)))
            (t (complete-with-action op coll plain filter))))))

(defun internal-complete-buffer-except (&optional buffer) "A table of buffer names without the name of BUFFER (default the current one)."
  (let ((except (if (stringp buffer) buffer (buffer-name (or buffer (current-buffer))))))
    (lambda (input filter op)
      (complete-with-action op
                            (delete except (mapcar #'buffer-name (buffer-list)))
                            input filter))))

;;; Styles: choosing one.

(defun completion--category-override (category tag) "The (TAG . VALUE) entry for CATEGORY, from the overrides or else the defaults."
  (or (assq tag (cdr (assq category completion-category-overrides)))
      (assq tag (cdr (assq category completion-category-defaults)))))

(defun completion--styles (meta) "The styles to use for a table with META: its category's first, then `completion-styles'."
  (let ((over (completion--category-override (completion-metadata-get meta 'category)
                                             'styles)))
    (if over (delete-dups (append (cdr over) (copy-sequence completion-styles)))
      completion-styles)))

(defun completion--nth-completion (n input coll filter point meta) "Run function N (1 try, 2 all) of each style in turn on INPUT and POINT."
  (let* ((md (or meta (completion-metadata (substring input 0 point) coll filter)))
         (found (completion--some (lambda (style)
				    (let ((ans (funcall (nth n (assq style completion-styles-alist))
							input coll filter point)))
				      (and ans (cons ans style)))) (completion--styles md)))
         (adjust (and found (get (cdr found) 'completion--adjust-metadata))))
    (when (and adjust meta)
      (setcdr meta (cdr (funcall adjust meta))))
    (car found)))

(defun completion-try-completion (input coll filter point &optional meta) "Complete INPUT, with point at POINT, in COLL by the first style that can.
Returns nil (no match), t (INPUT is the only one) or (NEWSTRING . NEWPOINT)."
  (completion--nth-completion 1 input coll filter point meta))

(defun completion-all-completions (input coll filter point &optional meta) "The completions of INPUT, point at POINT, in COLL by the first style with any.
The list's last cdr is the length of the text before the field."
  (completion--nth-completion 2 input coll filter point meta))

;;; All the completions of the minibuffer's input, best first.

;;;###autoload
(defvar-local completion-all-sorted-completions nil
  "The sorted completions `completion-all-sorted-completions' found last, or nil to look again.")

(defun completion--history-rank (candidates base) "Sort CANDIDATES (after the text BASE) by where BASE + each comes in the minibuffer history.
Those not there keep their order, after the others.  No history is used
when `minibuffer-history-variable' is t."
  (let ((hist (and (not (eq minibuffer-history-variable t))
                   (boundp minibuffer-history-variable)
                   (symbol-value minibuffer-history-variable)))
        (rank (make-hash-table :test 'equal))
        (i 0))
    (dolist (h hist)
      (when (and (stringp h) (string-prefix-p base h))
        (let ((key (substring h (length base))))
          (unless (gethash key rank) (puthash key i rank))))
      (setq i (1+ i)))
    (if (zerop (hash-table-count rank))
        candidates
      (sort candidates (lambda (a b)
                         (< (gethash a rank most-positive-fixnum)
                            (gethash b rank most-positive-fixnum)))))))

(defun completion-all-sorted-completions (&optional start end) "Return the completions of the minibuffer input from START to END, sorted.
The table's `cycle-sort-function' sorts them if it has one; else the
shorter come first (equal lengths alphabetically), then those in the
minibuffer history by recency, and the default first of all.  The last
cdr is the length of the text before the field completed.  The answer
is kept in `completion-all-sorted-completions' until the input changes."
  (or completion-all-sorted-completions
      (let* ((start (or start (minibuffer-prompt-end)))
             (end (or end (point-max)))
             (input (buffer-substring start end))
             (meta (completion--field-metadata start))
             (found (completion-all-completions input minibuffer-completion-table
                                                minibuffer-completion-predicate
                                                (- (point) start) meta))
             (tail (last found))
             (base-size (or (cdr tail) 0))
             (base (substring input 0 (min base-size (length input))))
             (sorter (completion-metadata-get meta 'cycle-sort-function)))
        (when tail
          (setcdr tail nil)
          (setq found (delete-dups found))
          (if sorter
              (setq found (funcall sorter found))
            (setq found (sort found (lambda (a b)
                                      (or (< (length a) (length b))
                                          (and (= (length a) (length b)) (string< a b))))))
            (setq found (completion--history-rank found base))
            (let ((def (if (consp minibuffer-default) (car minibuffer-default) minibuffer-default)))
              (when (and (stringp def) (string-prefix-p base def))
                (let ((own (substring def (length base))))
                  (when (member own found)
                    (setq found (cons own (delete own found))))))))
          ;; Kept until the text changes.
          (add-hook 'after-change-functions #'completion--flush-all-sorted-completions nil t)
          (setq completion-all-sorted-completions (nconc found base-size))))))

(defun completion--flush-all-sorted-completions (&rest _) "Forget the completions `completion-all-sorted-completions' kept."
  (remove-hook 'after-change-functions #'completion--flush-all-sorted-completions t)
  (setq completion-all-sorted-completions nil))

;;; Highlighting.

(defun completion-hilit-commonality (cands prefix-len &optional base-size) "Copies of CANDS with the faces of a prefix of PREFIX-LEN - BASE-SIZE characters.
The common part gets `completions-common-part', the next character
`completions-first-difference'; BASE-SIZE becomes the final cdr."
  (when cands
    (let ((common (- prefix-len (or base-size 0))))
      (nconc (mapcar (lambda (item)
                       (let ((cand (copy-sequence (if (consp item) (car item) item))))
			 (completion--prepend-face 0 (min common (length cand)) 'completions-common-part cand)
			 (when (> (length cand) common)
			   (completion--prepend-face common (1+ common) 'completions-first-difference cand))
			 (if (consp item) (cons cand (cdr item)) cand)))
		     cands) base-size))))

(defun completion--prepend-face (from to face input) "Put FACE in front of the `face' list of INPUT from FROM to TO."
  (let ((pos from)) (while (< pos to)
		      (let* ((next (next-single-property-change pos 'face input to))
			     (old (get-text-property pos 'face input)))
			(put-text-property pos next 'face (cons face (if (listp old) old (list old))) input)
			(setq pos next)))))

;;; Partial completion patterns.
;; A pattern is a list of strings and the symbols `any' (any text),
;; `any-delim' (delimiters), `star' (from a typed *), `point' and
;; `prefix' (any text before, for substring matching).

(defun completion-pcm--string->pattern (input &optional point) "The partial-completion pattern of INPUT, with `point' at POINT if inside it.
Each word delimiter is preceded by `any', and followed by `any-delim'
when a word follows; a `*' becomes `star'."
  (let ((out nil) (word "") (n (length input)) (i 0))
    (while (< i n)
      (let ((ch (aref input i)))
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
               (let ((next (and (< (1+ i) n) (aref input (1+ i)))))
                 (when (and next (not (eq next ?*))
                            (not (string-match-p completion-pcm--delim-wild-regex (string next)))
                            (not (and point (= (1+ i) point))))
                   (push 'any-delim out))))
              (t (setq word (concat word (string ch)))))) (setq i (1+ i)))
    (unless (equal word "") (push word out))
    (nreverse out)))

(defun completion-pcm--optimize-pattern (pat) "PAT with empty strings gone, `any' before `any' or `point' dropped, and no final `point'."
  (let ((out nil) (rest (delete "" (copy-sequence pat))))
    (while rest (let ((item (car rest)))
		  (unless (and (memq item '(any any-delim)) (memq (cadr rest) '(any point)))
		    (push item out))) (setq rest (cdr rest)))
    (when (eq (car out) 'point) (setq out (cdr out))) (nreverse out)))

(defun completion-pcm--pattern->regex (pat &optional group) "A regexp matching from the start what PAT matches.
GROUP t puts each wildcard in a group; a list puts the listed kinds.
A wildcard right after another adds nothing to what is matched."
  (let ((parts (list "\\`")) (after-wild nil))
    (dolist (item pat)
      (push (if (stringp item)
                (regexp-quote item)
              (let ((body (cond (after-wild "")
                                ((eq item 'any-delim) (concat completion-pcm--delim-wild-regex "*?"))
                                (t ".*?"))))
                (if (if (consp group) (memq item group) group)
                    (concat "\\(" body "\\)")
                  body)))
            parts)
      (setq after-wild (not (stringp item))))
    (apply #'concat (nreverse parts))))

(defun completion-pcm--pattern->string (pat) "The text of PAT: its strings, with `*' for each `star'."
  (mapconcat (lambda (item) (cond ((stringp item) item) ((eq item 'star) "*") (t "")))
             pat ""))

(defun completion-pcm--pattern-trivial-p (pat) "Non-nil if PAT is one string, maybe followed by `point'."
  (and (stringp (car pat))
       (or (null (cdr pat)) (equal (cdr pat) '(point)))))

(defun completion-pcm--pattern-point-idx (pat) "The group number of `point' in the regexp of PAT, or nil."
  (let ((n 0) (found nil))
    (dolist (item pat)
      (unless (or found (stringp item)) (setq n (1+ n))
              (when (eq item 'point) (setq found n))))
    found))

(defun completion-pcm--all-completions (prefix pat coll filter) "The candidates of COLL after PREFIX that PAT matches."
  (if (completion-pcm--pattern-trivial-p pat)
      (all-completions (concat prefix (car pat)) coll filter)
    (let* ((re (completion-pcm--pattern->regex pat)) (case-fold-search completion-ignore-case)
           (cands (all-completions (concat prefix (if (stringp (car pat)) (car pat) ""))
                                   coll filter)))
      (seq-filter (lambda (c) (string-match-p re c)) cands))))

(defun completion--common-suffix (strs) "The longest string that ends every string of STRS."
  (let* ((rev (mapcar #'reverse strs))
         (common (try-completion "" rev)))
    (if (stringp common) (reverse common) (if (eq common t) (car strs) ""))))

(defun completion-pcm--merge-completions (strs pat) "A pattern, in reverse order, for what all of STRS (matches of PAT) share.
Each wildcard's common leading text is kept, and for `star', `point'
and `prefix' the common trailing text too; a wildcard that matched the
same text everywhere is replaced by it."
  (if (null (cdr strs))
      (list (car strs))
    (let* ((re (completion-pcm--pattern->regex pat 'group))
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
                        (push (substring s from) acc) (nreverse acc)))
                    strs))
           (out nil) (fixed ""))
      (dolist (item (append pat '(any))) (if (stringp item)
					     (setq fixed (concat fixed item))
					   (let* ((chunks (delete-dups (mapcar #'car pieces)))
						  (common (try-completion fixed chunks))
						  (unique (or (and (eq common t) (setq common fixed))
							      (and (stringp common) (eq t (try-completion common chunks))))))
					     (setq pieces (mapcar #'cdr pieces))
					     (unless (or (eq item 'prefix) (equal common "")) (push common out))
					     (unless unique
					       (push item out)
					       (when (memq item '(star point prefix))
						 (let ((tail (completion--common-suffix
							      (mapcar (lambda (c) (substring c (min (length c) (length common))))
								      chunks))))
						   (unless (equal tail "") (push tail out)))))
					     (setq fixed ""))))
      out)))

(defun completion--merge-suffix (completion point sfx) "SFX without the text that COMPLETION already has after POINT at its end."
  (let ((after (substring completion point)))
    (if (and (> (length sfx) 0)
             (string-match "\\(.+\\)\n\\1" (concat after "\n" sfx))
             (= (match-end 1) (length after)))
        (substring sfx (length (match-string 1 (concat after "\n" sfx))))
      sfx)))

(defun completion-pcm--merge-try (pat hits prefix sfx) "The try-completion answer for the matches HITS of PAT between PREFIX and SFX."
  (cond ((not (consp hits)) hits)
        ((and (null (cdr hits))
              (equal (completion-pcm--pattern->string pat) (car hits)))
         t)
        (t
         (let* ((merged (completion-pcm--merge-completions hits pat))
                ;; MERGED is reversed: point goes after the last `point',
                ;; else the last `any' or `star', else at the end.
                (at (or (memq 'point merged) (memq 'any merged) (memq 'star merged) merged))
                (before (completion-pcm--pattern->string (reverse at)))
                (text (completion-pcm--pattern->string (reverse merged)))
                (rest (completion--merge-suffix text (length before) sfx)))
           (cons (concat prefix text rest) (+ (length prefix) (length before)))))))

(defun completion-pcm--hilit-commonality (pat cands) "Copies of CANDS with the parts PAT's strings matched in `completions-common-part'.
The character at `point' (or after the match) gets
`completions-first-difference', and the first character a
`completion-score' property: matched length over length times one
plus the cost of the gaps between the matched parts."
  (when cands
    (let* ((re (completion-pcm--pattern->regex pat 'group))
           (point-group (completion-pcm--pattern-point-idx pat))
           (case-fold-search completion-ignore-case))
      (mapcar (lambda (item)
		(let ((cand (copy-sequence item)))
		  (unless (string-match re cand)
		    (error "Internal error: %s does not match %s" re cand))
		  (progn
		    (let ((pos 0) (group 0) (matched 0) (gaps 0) (last-end nil)
			  (diff (if point-group (match-beginning point-group) (match-end 0))))
		      (dolist (p pat) (if (stringp p)
					  (let ((end (+ pos (length p))))
					    (when (> (length p) 0)
					      (add-face-text-property pos end 'completions-common-part nil cand)
					      ;; A gap of N characters costs 1 + (N - 1)^(1/3).
					      (when (and last-end (> pos last-end))
						(setq gaps (+ gaps 1 (expt (float (- pos last-end 1)) (/ 1.0 3)))))
					      (setq matched (+ matched (length p)) last-end end)) (setq pos end))
					(setq group (1+ group) pos (match-end group))))
		      (when (> (length cand) diff)
			(add-face-text-property diff (1+ diff) 'completions-first-difference nil cand))
		      (when (> (length cand) 0)
			(put-text-property 0 1 'completion-score
					   (/ matched (* (length cand) (1+ gaps)) 1.0)
					   cand))))
		  cand))
	      cands))))

(defun completion-pcm--find-all-completions (input coll filter point &optional filter)
  "(PAT HITS PREFIX SFX) for partial completion of INPUT with point at POINT.
FILTER, if given, is applied to the candidates."
  (let* ((before (substring input 0 point))
         (after (substring input point))
         (bounds (completion-boundaries before coll filter after))
         (prefix (substring before 0 (car bounds)))
         (sfx (substring after (cdr bounds)))
         (pat (completion-pcm--optimize-pattern (completion-pcm--string->pattern
						 (substring input (car bounds) (+ point (cdr bounds)))
						 (- point (car bounds)))))
         (hits (completion-pcm--all-completions prefix pat coll filter)))
    (list pat (if filter (funcall filter hits) hits) prefix sfx)))

(defun completion-pcm--filename-try-filter (hits) "HITS without the file names `completion-ignored-extensions' ends, unless that leaves none."
  (let* ((exts (and (boundp 'completion-ignored-extensions) completion-ignored-extensions))
         (re (and exts (concat "\\(?:\\`\\.\\.?/\\|" (regexp-opt exts) "\\)\\'")))
         (kept (if re (seq-remove (lambda (f) (string-match-p re f)) hits) hits)))
    (or kept hits)))

(defun completion-pcm-try-completion (input coll filter point) "The partial-completion style's try function."
  (pcase-let ((`(,pat ,hits ,prefix ,sfx)
               (completion-pcm--find-all-completions input coll filter point)))
    (when (bound-and-true-p minibuffer-completing-file-name)
      (setq hits (completion-pcm--filename-try-filter hits)))
    (completion-pcm--merge-try pat hits prefix sfx)))

(defun completion-pcm-all-completions (input coll filter point) "The partial-completion style's all function."
  (pcase-let ((`(,pat ,hits ,prefix ,_suffix)
               (completion-pcm--find-all-completions input coll filter point)))
    (when hits
      (nconc (completion-pcm--hilit-commonality pat hits) (length prefix)))))

;;; The other styles.

(defun completion-emacs21-try-completion (input coll filter _point) "The emacs21 style's try function: complete the whole string as a prefix."
  (let ((ans (try-completion input coll filter)))
    (if (stringp ans) (cons ans (length ans)) ans)))

(defun completion-emacs21-all-completions (input coll filter _point) "The emacs21 style's all function."
  (completion-hilit-commonality (all-completions input coll filter) (length input)
                                (car (completion-boundaries input coll filter ""))))

(defun completion-emacs22-try-completion (input coll filter point) "The emacs22 style's try function: complete the text before point, keep the rest."
  (let* ((after (substring input point))
         (ans (try-completion (substring input 0 point) coll filter)))
    (cond ((not (stringp ans)) ans)
          (t (cons (concat ans after) (length ans))))))

(defun completion-emacs22-all-completions (input coll filter point) "The emacs22 style's all function."
  (let ((before (substring input 0 point)))
    (completion-hilit-commonality (all-completions before coll filter) point
                                  (car (completion-boundaries before coll filter "")))))

(defun completion-basic--pattern (beforepoint afterpoint bounds) "The basic style's pattern: the field's text before point, `point', the field's text after."
  (list (substring beforepoint (car bounds)) 'point (substring afterpoint 0 (cdr bounds))))

(defun completion-basic-try-completion (input coll filter point) "The basic style's try function: text before point as a prefix, text after it later on."
  (let* ((before (substring input 0 point))
         (after (substring input point))
         (bounds (completion-boundaries before coll filter after))) (if (zerop (cdr bounds))
         (let ((ans (try-completion before coll filter))) (if (stringp ans)
							      (cons (concat ans (completion--merge-suffix ans point after)) (length ans))
							    ans))
	 (let* ((sfx (substring after (cdr bounds)))
		(prefix (substring before 0 (car bounds)))
		(pat (completion-pcm--optimize-pattern (completion-basic--pattern before after bounds)))
		(hits (completion-pcm--all-completions prefix pat coll filter)))
           (when (bound-and-true-p minibuffer-completing-file-name)
             (setq hits (completion-pcm--filename-try-filter hits)))
           (completion-pcm--merge-try pat hits prefix sfx)))))

(defun completion-basic-all-completions (input coll filter point) "The basic style's all function."
  (let* ((before (substring input 0 point))
         (after (substring input point))
         (bounds (completion-boundaries before coll filter after))
         (prefix (substring before 0 (car bounds)))
         (pat (completion-pcm--optimize-pattern (completion-basic--pattern before after bounds)))
         (hits (completion-pcm--all-completions prefix pat coll filter)))
    (completion-hilit-commonality hits point (car bounds))))

(defun completion-substring--all-completions (input coll filter point &optional transform)
  "(HITS PAT PREFIX SFX START) for matching the field of INPUT anywhere.
TRANSFORM, if given, turns the pattern into another (see flex)."
  (let* ((before (substring input 0 point))
         (after (substring input point))
         (bounds (completion-boundaries before coll filter after))
         (sfx (substring after (cdr bounds)))
         (prefix (substring before 0 (car bounds)))
         (basic (completion-basic--pattern before after bounds))
         (pat (if (stringp (car basic)) (cons 'prefix basic) basic))
         (pat (completion-pcm--optimize-pattern (if transform (funcall transform pat) pat)))
         (hits (completion-pcm--all-completions prefix pat coll filter)))
    (list hits pat prefix sfx (car bounds))))

(defun completion-substring-try-completion (input coll filter point) "The substring style's try function."
  (pcase-let ((`(,hits ,pat ,prefix ,sfx ,_start)
               (completion-substring--all-completions input coll filter point)))
    (when (bound-and-true-p minibuffer-completing-file-name)
      (setq hits (completion-pcm--filename-try-filter hits)))
    (completion-pcm--merge-try pat hits prefix sfx)))

(defun completion-substring-all-completions (input coll filter point) "The substring style's all function."
  (pcase-let ((`(,hits ,pat ,prefix ,_suffix ,_start)
               (completion-substring--all-completions input coll filter point)))
    (when hits
      (nconc (completion-pcm--hilit-commonality pat hits) (length prefix)))))

(defun completion-flex--make-flex-pattern (pat) "PAT with an `any' after each character of its strings."
  (let ((out nil))
    (dolist (item pat) (if (stringp item)
			   (dolist (ch (string-to-list item))
			     (push (string ch) out)
			     (push 'any out))
			 (push item out))) (nreverse out)))

(defun completion-flex-try-completion (input coll filter point) "The flex style's try function: the typed characters in order, anything between."
  (unless (and completion-flex-nospace (string-search " " input))
    (pcase-let ((`(,hits ,pat ,prefix ,sfx ,_start)
                 (completion-substring--all-completions input coll filter point
                                                        #'completion-flex--make-flex-pattern)))
      (when (bound-and-true-p minibuffer-completing-file-name)
        (setq hits (completion-pcm--filename-try-filter hits)))
      (completion-pcm--merge-try pat hits prefix sfx))))

(defun completion-flex-all-completions (input coll filter point) "The flex style's all function."
  (unless (and completion-flex-nospace (string-search " " input))
    (pcase-let ((`(,hits ,pat ,prefix ,_suffix ,_start)
                 (completion-substring--all-completions input coll filter point
                                                        #'completion-flex--make-flex-pattern)))
      (when hits
        (nconc (completion-pcm--hilit-commonality pat hits) (length prefix))))))

(defun completion--flex-adjust-metadata (meta) "META with its sort functions ranking by `completion-score' first."
  (let ((by-score (lambda (cands)
                    (sort (copy-sequence cands) (lambda (a b)
						  (> (or (get-text-property 0 'completion-score a) 0)
						     (or (get-text-property 0 'completion-score b) 0)))))))
    `(metadata (display-sort-function . ,by-score)
               (cycle-sort-function . ,by-score)
               ,@(cdr meta))))

(put 'flex 'completion--adjust-metadata #'completion--flex-adjust-metadata)

(defun completion-initials-expand (cand coll filter) "CAND with a delimiter between its characters, or nil if it already has one.
The delimiter is `-', or `/' when the table's field starts after a boundary."
  (unless (or (equal cand "") (string-match-p completion-pcm--delim-wild-regex cand))
    (let ((delim (if (> (car (completion-boundaries cand coll filter "")) 0) "/" "-")))
      (mapconcat #'string cand delim))))

(defun completion-initials-all-completions (input coll filter _point) "The initials style's all function."
  (let ((expanded (completion-initials-expand input coll filter)))
    (and expanded (completion-pcm-all-completions expanded coll filter (length expanded)))))

(defun completion-initials-try-completion (input coll filter _point) "The initials style's try function."
  (let ((expanded (completion-initials-expand input coll filter)))
    (and expanded (completion-pcm-try-completion expanded coll filter (length expanded)))))

(defun completion-shorthand-try-completion (_string _table _pred _point) "The shorthand style's try function: tsmacs has no symbol shorthands, so nil."
  nil)

(defun completion-shorthand-all-completions (_string _table _pred _point) "The shorthand style's all function: tsmacs has no symbol shorthands, so nil."
  nil)

(defun completion--string-equal-p (s1 s2) "Non-nil if S1 and S2 are equal, ignoring case."
  (eq t (compare-strings s1 nil nil s2 nil nil 'ignore-case)))

;;; Reading in batch.

(defun format-prompt (prompt default &rest format-args) "PROMPT (formatted with FORMAT-ARGS) with DEFAULT shown and \": \" after.
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

(defun minibuffer-message (message &rest args) "Show MESSAGE (formatted with ARGS) briefly; in batch it is `message'."
  (apply #'message message args))

(defun set-minibuffer-message (message) "Show MESSAGE as a minibuffer message; in batch it is `message'."
  (message "%s" message))

(defun clear-minibuffer-message () "Remove a message shown by `set-minibuffer-message'; nothing to do in batch."
  nil)

(defun minibuffer--double-dollars (cand) "CAND with each `$' doubled, so `substitute-in-file-name' keeps it."
  (replace-regexp-in-string "\\$" "$$" cand t t))

(provide 'minibuffer)

;;; minibuffer.el ends here

;;;; Reading file names

(defun read-file-name-default (prompt &optional dir default-filename mustmatch initial predicate)
  "Read a file name with PROMPT, as `read-file-name' does by default.
DIR (default `default-directory') is where a relative answer belongs; in
batch mode the line read is given back as typed, and DEFAULT-FILENAME,
MUSTMATCH, INITIAL and PREDICATE only matter to interactive completion."
  (let* ((dir (abbreviate-file-name (expand-file-name (or dir default-directory))))
         (start (if insert-default-directory (concat dir (or initial "")) initial)))
    (ignore default-filename)
    (completing-read prompt 'read-file-name-internal (or predicate 'file-exists-p)
                     mustmatch start 'file-name-history nil)))

(defun read-no-blanks-input (prompt &optional initial inherit-input-method) "Read a line with PROMPT, starting from INITIAL, in a minibuffer where space and TAB end the input.
INHERIT-INPUT-METHOD as for `read-from-minibuffer'.  In batch the whole line
is read, as GNU Emacs reads it there."
  (read-from-minibuffer prompt initial nil nil 'minibuffer-history nil inherit-input-method))

(defun read-file-name (prompt &optional dir default-filename mustmatch initial predicate)
  "Read a file name with PROMPT through `read-file-name-function' (default
`read-file-name-default'), passing DIR, DEFAULT-FILENAME, MUSTMATCH,
INITIAL and PREDICATE on."
  (funcall (or read-file-name-function #'read-file-name-default)
           prompt dir default-filename mustmatch initial predicate))

(defun read-directory-name (prompt &optional dir default-dirname mustmatch initial) "Read a directory name with PROMPT, as `read-file-name' does with
`file-directory-p' as the predicate; DEFAULT-DIRNAME defaults to DIR (itself
`default-directory' by default), or to INITIAL expanded in DIR."
  (let ((dir (or dir default-directory)))
    (read-file-name prompt dir
                    (or default-dirname (if initial (expand-file-name initial dir) dir))
                    mustmatch initial #'file-directory-p)))
