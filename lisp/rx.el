;;; rx.el --- regular expressions in s-expression notation  -*- lexical-binding: t -*-

;; Written for tsmacs.  The `rx' macro, `rx-to-string', the definition
;; forms `rx-define', `rx-let' and `rx-let-eval', and the `rx' pcase
;; pattern, producing the same regexp strings as GNU Emacs 28.

;;; How it works:

;; Every rx item is compiled to a "piece": a cons (PARTS . LEVEL).
;; PARTS is a list of regexp strings to be concatenated; while the `rx'
;; macro runs, PARTS may also hold Lisp expressions (from `literal' and
;; `regexp' forms with non-constant arguments) evaluated at run time.
;; LEVEL says how tightly the piece binds:
;;
;;   t     an atom: a postfix operator may follow it directly ("a", "[ab]")
;;   seq   a plain concatenation ("ab", "a*")
;;   lseq  may only have seq or better to its right ("^a")
;;   rseq  may only have seq or better to its left ("a$")
;;   nil   an alternation ("a\\|b"); must be bracketed to be combined
;;
;; A piece with no PARTS is the empty regexp.

;;; Code:

(defvar macroexpand-all-environment nil)

(defconst rx--char-classes
  '((digit . digit) (numeric . digit) (num . digit)
    (control . cntrl) (cntrl . cntrl)
    (hex-digit . xdigit) (hex . xdigit) (xdigit . xdigit)
    (blank . blank)
    (graphic . graph) (graph . graph)
    (printing . print) (print . print)
    (alphanumeric . alnum) (alnum . alnum)
    (letter . alpha) (alphabetic . alpha) (alpha . alpha)
    (ascii . ascii) (nonascii . nonascii)
    (lower . lower) (lower-case . lower)
    (punctuation . punct) (punct . punct)
    (space . space) (whitespace . space) (white . space)
    (upper . upper) (upper-case . upper)
    (word . word) (wordchar . word)
    (unibyte . unibyte) (multibyte . multibyte))
  "The rx names of character classes, each with the class it stands for.")

(defvar rx-constituents nil
  "Alist of old-style rx extensions, for compatibility.
For new code, use `rx-define', `rx-let' or `rx-let-eval'.

Each element is (SYMBOL . DEF).

If DEF is a symbol, then SYMBOL is an alias of DEF.

If DEF is a string, then SYMBOL is a plain rx symbol defined as the
   regexp string DEF.

If DEF is a list on the form (FUN MIN-ARGS MAX-ARGS PRED), then
   SYMBOL is an rx form with at least MIN-ARGS and at most
   MAX-ARGS arguments.  If MAX-ARGS is nil, then there is no upper limit.
   FUN is a function taking the entire rx form as single argument
   and returning the translated regexp string.
   If PRED is non-nil, it is a predicate that all actual arguments must
   satisfy.")

(defvar rx--local-definitions nil
  "Local rx definitions in effect: a list of (NAME DEF) or (NAME ARGS DEF).")

(defvar rx--runtime-ok nil
  "Non-nil while the `rx' macro compiles: run-time expressions are allowed.")

(defvar rx--lazy t
  "Nil inside `minimal-match': the plain repetition operators are non-greedy.")

;;;; Small helpers

(defun rx--all (pred list)
  "Non-nil if PRED holds for every element of LIST."
  (let ((ok t))
    (while (and ok list)
      (setq ok (funcall pred (car list)))
      (setq list (cdr list)))
    (and ok t)))

(defun rx--one-arg (body what)
  "Signal unless BODY has exactly one element; WHAT names the form."
  (unless (and (consp body) (null (cdr body)))
    (error "rx `%s' form takes exactly one argument" what)))

(defun rx--nothing ()
  "A piece that can never match."
  (cons (list regexp-unmatchable) 'seq))

(defun rx--wrap (open piece-parts close)
  (cons open (append piece-parts (list close))))

(defun rx--shy (parts)
  "PARTS in a shy group."
  (rx--wrap "\\(?:" parts "\\)"))

(defun rx--as-atom (piece)
  "The parts of PIECE, bracketed unless it is already an atom."
  (if (eq (cdr piece) t)
      (car piece)
    (rx--shy (car piece))))

;;;; User definitions

(defun rx--definition (name)
  "The definition of NAME: (DEF) or (ARGS DEF), or nil."
  (let ((local (assq name rx--local-definitions)))
    (if local
        (cdr local)
      (get name 'rx-definition))))

(defun rx--expand-user (item)
  "ITEM expanded once if it uses a user definition, else nil."
  (cond
   ((symbolp item)
    (let ((def (rx--definition item)))
      (when def
        (when (cdr def)
          (error "Not an `rx' symbol definition: %s" item))
        (car def))))
   ((and (consp item) (symbolp (car item)))
    (let ((def (rx--definition (car item))))
      (when def
        (unless (cdr def)
          (error "Not an `rx' form definition: %s" (car item)))
        (rx--instantiate (car item) (cdr item) (car def) (car (cdr def))))))))

(defun rx--splice-args (alist form)
  "Replace the parameters of ALIST in FORM.
ALIST maps each parameter to the list of values it stands for.
Return a list of the values FORM becomes."
  (cond
   ((symbolp form)
    (let ((hit (assq form alist)))
      (if hit (cdr hit) (list form))))
   ((and (consp form) (listp (cdr form)))
    (let ((out nil))
      (dolist (elt form)
        (dolist (v (rx--splice-args alist elt))
          (push v out)))
      (list (nreverse out))))
   ((consp form)
    (let ((a (rx--splice-args alist (car form)))
          (d (rx--splice-args alist (cdr form))))
      (unless (and a (null (cdr a)) d (null (cdr d)))
        (error "Cannot substitute a &rest parameter into a dotted pair"))
      (list (cons (car a) (car d)))))
   (t (list form))))

(defun rx--instantiate (name args params template)
  "Expand the parametrised definition NAME applied to ARGS."
  (let ((alist nil)
        (rest args)
        (ps params))
    (while ps
      (let ((p (car ps)))
        (cond
         ((eq p '&rest)
          (unless (cdr ps)
            (error "Expanding rx def `%s': missing &rest parameter name" name))
          (push (cons (car (cdr ps)) rest) alist)
          (setq rest nil)
          (setq ps nil))
         (t
          (unless rest
            (error "Expanding rx def `%s': too few arguments (got %d, need %s%d)"
                   name (length args)
                   (if (memq '&rest params) "at least " "")
                   (- (length params) (length (memq '&rest params)))))
          (push (list p (car rest)) alist)
          (setq rest (cdr rest)))))
      (setq ps (cdr ps)))
    (when rest
      (error "Expanding rx def `%s': too many arguments (got %d, need %d)"
             name (length args) (length params)))
    (let ((result (rx--splice-args alist template)))
      (unless (and result (null (cdr result)))
        (error "Expanding rx def `%s': must result in a single value" name))
      (car result))))

(defun rx--compat-entry (name want-form)
  "The `rx-constituents' definition of NAME, following aliases.
WANT-FORM non-nil looks for a form definition, else for a string."
  (let ((entry (assq name rx-constituents)))
    (while (and entry
                (if want-form (not (consp (cdr entry))) (not (stringp (cdr entry)))))
      (setq entry
            (if (symbolp (cdr entry))
                (assq (cdr entry) rx-constituents)
              (assq (car entry) (cdr (memq entry rx-constituents))))))
    entry))

;;;; Sequences

(defun rx--join (a b)
  "The concatenation of pieces A and B."
  (cond
   ((null (car a)) b)
   ((null (car b)) a)
   (t
    (let* ((la (cdr a))
           (lb (cdr b))
           (pa (if (memq la '(nil rseq)) (progn (setq la t) (rx--shy (car a))) (car a)))
           (pb (if (memq lb '(nil lseq)) (progn (setq lb t) (rx--shy (car b))) (car b))))
      (cons (append pa pb)
            (cond ((and (eq la 'lseq) (eq lb 'rseq)) nil)
                  ((eq la 'lseq) 'lseq)
                  ((eq lb 'rseq) 'rseq)
                  (t 'seq)))))))

(defun rx--seq (items)
  "Compile the list ITEMS as a sequence."
  (if (null items)
      (cons nil 'seq)
    (let ((acc (rx--compile (car items))))
      (dolist (item (cdr items))
        (setq acc (rx--join acc (rx--compile item))))
      acc)))

;;;; Alternatives

(defun rx--or-normalize (item)
  "Characters to strings, user definitions and `eval' expanded, recursively."
  (cond
   ((characterp item) (char-to-string item))
   ((and (consp item) (memq (car item) '(or |)))
    (cons (car item) (mapcar #'rx--or-normalize (cdr item))))
   ((and (consp item) (eq (car item) 'eval))
    (rx--or-normalize (rx--eval-arg (cdr item))))
   (t
    (let ((exp (rx--expand-user item)))
      (if exp (rx--or-normalize exp) item)))))

(defun rx--or-strings (items)
  "All strings of ITEMS (flattening nested `or'), or the symbol `fail'."
  (let ((acc nil)
        (ok t))
    (while (and ok items)
      (let ((item (car items)))
        (cond
         ((stringp item) (push item acc))
         ((and (consp item) (memq (car item) '(or |)))
          (let ((sub (rx--or-strings (cdr item))))
            (if (eq sub 'fail)
                (setq ok nil)
              (setq acc (append (reverse sub) acc)))))
         (t (setq ok nil))))
      (setq items (cdr items)))
    (if ok (nreverse acc) 'fail)))

(defun rx--or (items)
  (cond
   ((null items) (rx--nothing))
   ((null (cdr items)) (rx--compile (car items)))
   (t
    (let* ((norm (mapcar #'rx--or-normalize items))
           (strings (rx--or-strings norm)))
      (cond
       ((and strings (not (eq strings 'fail)))
        (cons (list (regexp-opt strings nil)) t))
       ((rx--all #'rx--set-form-p norm)
        (rx--set-to-piece nil (rx--sets-union norm)))
       (t
        (let ((parts (car (rx--compile (car norm)))))
          (dolist (item (cdr norm))
            (setq parts (append parts (cons "\\|" (car (rx--compile item))))))
          (cons parts nil))))))))

;;;; Character sets

(defun rx--set-form-p (item)
  "Non-nil if ITEM is a character set built only from chars and set operations."
  (cond
   ((consp item)
    (or (and (memq (car item) '(any in char))
             (rx--all (lambda (x) (not (symbolp x))) (cdr item)))
        (and (memq (car item) '(not or | intersection))
             (rx--all #'rx--set-form-p (cdr item)))
        (let ((exp (rx--expand-user item)))
          (and exp (rx--set-form-p exp)))))
   ((characterp item) t)
   ((stringp item) (= (length item) 1))
   ((symbolp item)
    (let ((exp (rx--expand-user item)))
      (and exp (rx--set-form-p exp))))))

(defun rx--string-ranges (str)
  "The intervals that the `any' string STR denotes, as (FROM . TO) conses."
  (let ((conv (if (multibyte-string-p str) nil t))
        (n (length str))
        (i 0)
        (out nil))
    (while (< i n)
      (let ((c (aref str i)))
        (if conv (setq c (unibyte-char-to-multibyte c)))
        (if (and (< (+ i 2) n) (eq (aref str (1+ i)) ?-))
            (let ((e (aref str (+ i 2))))
              (if conv (setq e (unibyte-char-to-multibyte e)))
              (cond
               ((and (<= c #x7f) (>= e #x3fff80))
                (push (cons c #x7f) out)
                (push (cons #x3fff80 e) out))
               ((<= c e) (push (cons c e) out))
               (t (error "Invalid rx `any' range: %s" (substring str i (+ i 3)))))
              (setq i (+ i 3)))
          (push (cons c c) out)
          (setq i (1+ i)))))
    out))

(defun rx--merge-ranges (ranges)
  "Merge the sorted list RANGES where they touch or overlap (destructively)."
  (let ((cell ranges))
    (while (cdr cell)
      (let ((this (car cell))
            (next (car (cdr cell))))
        (if (>= (cdr this) (1- (car next)))
            (progn
              (setcdr this (max (cdr this) (cdr next)))
              (setcdr cell (cdr (cdr cell))))
          (setq cell (cdr cell)))))
    ranges))

(defun rx--parse-set (args)
  "Parse the arguments of `any'.  Return (RANGES . CLASSES)."
  (let ((ranges nil)
        (classes nil))
    (dolist (arg args)
      (cond
       ((stringp arg)
        (setq ranges (append (rx--string-ranges arg) ranges)))
       ((and (consp arg) (characterp (car arg)) (characterp (cdr arg))
             (<= (car arg) (cdr arg)))
        (push (cons (car arg) (cdr arg)) ranges))
       ((characterp arg)
        (push (cons arg arg) ranges))
       ((and (symbolp arg) (assq arg rx--char-classes))
        (let ((cls (cdr (assq arg rx--char-classes))))
          (unless (memq cls classes)
            (push cls classes))))
       (t (error "Invalid rx `any' argument: %s" arg))))
    (cons (rx--merge-ranges (sort ranges (lambda (a b) (< (car a) (car b)))))
          (nreverse classes))))

(defun rx--bracket-item (item)
  "Text of one element of a bracket expression."
  (cond
   ((symbolp item) (format "[:%s:]" item))
   ((eq (car item) (cdr item)) (char-to-string (car item)))
   ((eq (1+ (car item)) (cdr item)) (string (car item) (cdr item)))
   (t (string (car item) ?- (cdr item)))))

(defun rx--set-piece (negated ranges classes)
  "A piece matching one char of RANGES or CLASSES (or not, if NEGATED)."
  (let ((items (append (mapcar (lambda (r) (cons (car r) (cdr r))) ranges)
                       classes)))
    ;; A `]' (alone or starting a range) must come first.
    (let ((rb (assq ?\] items)))
      (when rb
        (setq items (cons rb (delq rb items)))))
    ;; A range ending in `]' is cut short, and a lone `]' put first.
    (let ((rb (rassq ?\] items)))
      (when (and rb (not (eq (car rb) ?\])))
        (setcdr rb ?\\)
        (push (cons ?\] ?\]) items)))
    ;; The range `,-' would print as `,-' and leave a dangling dash.
    (let ((d (rassq ?- items)))
      (when (and d (eq (car d) ?,))
        (setcdr d ?,)
        (setq items (append items (list (cons ?- ?-))))))
    ;; A `-' goes last; a range starting with `-' starts at `.' instead.
    (let ((d (assq ?- items)))
      (when d
        (if (eq (cdr d) ?-)
            (setq items (delq d items))
          (setcar d ?.))
        (setq items (append items (list (cons ?- ?-))))))
    ;; A leading `^' must not come first.
    (when (and (consp (car items)) (eq (car (car items)) ?^) (cdr items))
      (setq items (cons (car (cdr items)) (cons (car items) (cdr (cdr items))))))
    (cond
     ((null items)
      (if negated (rx--compile-symbol 'anychar) (rx--nothing)))
     ((and (not negated) (null (cdr items)) (consp (car items))
           (eq (car (car items)) (cdr (car items))))
      (cons (list (regexp-quote (char-to-string (car (car items))))) t))
     ((and negated (equal items '((?\n . ?\n))))
      (rx--compile-symbol 'nonl))
     (t
      (cons (list (concat "[" (if negated "^") (mapconcat #'rx--bracket-item items "") "]"))
            t)))))

(defun rx--any (negated args)
  (let ((parsed (rx--parse-set args)))
    (rx--set-piece negated (car parsed) (cdr parsed))))

(defun rx--ranges-complement (ranges)
  (let ((out nil)
        (next 0))
    (dolist (r ranges)
      (if (< next (car r))
          (push (cons next (1- (car r))) out))
      (setq next (1+ (cdr r))))
    (if (< next (max-char))
        (push (cons next (max-char)) out))
    (nreverse out)))

(defun rx--ranges-intersect (xs ys)
  (let ((out nil))
    (while (and xs ys)
      (let ((x (car xs))
            (y (car ys)))
        (cond
         ((< (cdr x) (car y)) (setq xs (cdr xs)))
         ((< (cdr y) (car x)) (setq ys (cdr ys)))
         (t
          (push (cons (max (car x) (car y)) (min (cdr x) (cdr y))) out)
          (setq xs (cdr xs) ys (cdr ys))
          (cond
           ((< (cdr x) (cdr y)) (push (cons (1+ (cdr x)) (cdr y)) ys))
           ((> (cdr x) (cdr y)) (push (cons (1+ (cdr y)) (cdr x)) xs)))))))
    (nreverse out)))

(defun rx--ranges-union (xs ys)
  (rx--ranges-complement
   (rx--ranges-intersect (rx--ranges-complement xs) (rx--ranges-complement ys))))

(defun rx--set-ranges (set)
  "The sorted, disjoint ranges of the character set SET."
  (cond
   ((and (consp set) (memq (car set) '(any in char)))
    (let ((parsed (rx--parse-set (cdr set))))
      (when (cdr parsed)
        (error "Character class not permitted in set operations: %S"
               (car (cdr parsed))))
      (car parsed)))
   ((and (consp set) (eq (car set) 'not) (consp (cdr set)) (null (cdr (cdr set))))
    (rx--ranges-complement (rx--set-ranges (car (cdr set)))))
   ((and (consp set) (memq (car set) '(or |)))
    (rx--sets-union (cdr set)))
   ((and (consp set) (eq (car set) 'intersection))
    (rx--sets-intersection (cdr set)))
   ((characterp set) (list (cons set set)))
   ((and (stringp set) (= (length set) 1))
    (let ((c (string-to-char set))) (list (cons c c))))
   (t
    (let ((exp (rx--expand-user set)))
      (if exp
          (rx--set-ranges exp)
        (error "Bad character set: %S" set))))))

(defun rx--sets-union (sets)
  (let ((acc nil))
    (dolist (r (mapcar #'rx--set-ranges sets))
      (setq acc (rx--ranges-union acc r)))
    acc))

(defun rx--sets-intersection (sets)
  (let ((acc (list (cons 0 (max-char)))))
    (dolist (r (mapcar #'rx--set-ranges sets))
      (setq acc (rx--ranges-intersect acc r)))
    acc))

(defun rx--set-to-piece (negated ranges)
  "A bracket expression for RANGES, complemented when that spans non-ASCII."
  (if (rx--all (lambda (r) (not (and (<= (car r) #x3ffeff) (<= #x3ffeff (cdr r)))))
               ranges)
      (rx--set-piece negated ranges nil)
    (rx--set-piece (not negated) (rx--ranges-complement ranges) nil)))

(defun rx--not (negated args)
  "Compile (not ARG) where ARGS is (ARG); NEGATED flips the sense again."
  (unless (and (consp args) (null (cdr args)))
    (error "rx `not' form takes exactly one argument"))
  (let* ((arg (car args))
         (head (car-safe arg))
         (flip (not negated)))
    (cond
     ((and (consp arg) (memq head '(any in char)))
      (rx--any flip (cdr arg)))
     ((and (consp arg) (eq head 'syntax))
      (rx--syntax flip (cdr arg)))
     ((and (consp arg) (eq head 'category))
      (rx--category flip (cdr arg)))
     ((and (consp arg) (eq head 'not))
      (rx--not flip (cdr arg)))
     ((and (consp arg) (memq head '(or |)))
      (rx--set-to-piece flip (rx--sets-union (cdr arg))))
     ((and (consp arg) (eq head 'intersection))
      (rx--set-to-piece flip (rx--sets-intersection (cdr arg))))
     ((and (symbolp arg) (assq arg rx--char-classes))
      (rx--set-piece flip nil (list (cdr (assq arg rx--char-classes)))))
     ((eq arg 'word-boundary)
      (rx--compile-symbol (if negated 'word-boundary 'not-word-boundary)))
     ((characterp arg)
      (rx--set-piece flip (list (cons arg arg)) nil))
     ((and (stringp arg) (= (length arg) 1))
      (let ((c (string-to-char arg)))
        (rx--set-piece flip (list (cons c c)) nil)))
     (t
      (let ((exp (rx--expand-user arg)))
        (if exp
            (rx--not negated (list exp))
          (error "Illegal argument to rx `not': %S" arg)))))))

;;;; Repetition

(defun rx--counted (lo hi body)
  "BODY repeated LO to HI times (HI nil: no upper bound)."
  (let ((operand (rx--seq body)))
    (if (null (car operand))
        operand
      (cons (append (rx--as-atom operand)
                    (list (concat "\\{" (number-to-string lo)
                                  (cond ((null hi) ",")
                                        ((< lo hi) (concat "," (number-to-string hi))))
                                  "\\}")))
            t))))

(defun rx--check-count (name min body)
  (unless (>= (length body) min)
    (error "rx `%s' requires at least %d argument%s"
           name min (if (= min 1) "" "s")))
  (unless (natnump (car body))
    (error "rx `%s' first argument must be nonnegative" name)))

(defun rx--bounded (name body)
  (let ((lo (car body))
        (hi (car (cdr body))))
    (unless (and (natnump lo) (natnump hi) (<= lo hi))
      (error "rx `%s' range error" name))
    (rx--counted lo hi (cdr (cdr body)))))

(defun rx--postfix (op greedy body)
  "BODY followed by the postfix operator OP, made lazy unless GREEDY."
  (let ((operand (rx--seq body)))
    (if (null (car operand))
        operand
      (cons (append (rx--as-atom operand)
                    (list (if greedy op (concat op "?"))))
            'seq))))

;;;; Syntax and categories

(defconst rx--syntax-letters
  '((whitespace . ?-) (punctuation . ?.) (word . ?w) (symbol . ?_)
    (open-parenthesis . ?\() (close-parenthesis . ?\))
    (expression-prefix . ?\') (string-quote . ?\")
    (paired-delimiter . ?$) (escape . ?\\) (character-quote . ?/)
    (comment-start . ?<) (comment-end . ?>)
    (string-delimiter . ?|) (comment-delimiter . ?!))
  "Syntax class names and their syntax code characters.")

(defun rx--syntax (negated args)
  (unless (and (consp args) (null (cdr args)))
    (error "rx `syntax' form takes exactly one argument"))
  (let* ((arg (car args))
         (code (cdr (assq arg rx--syntax-letters))))
    (unless code
      (cond
       ((and (characterp arg) (rassq arg rx--syntax-letters))
        (setq code arg))
       ((and (symbolp arg) (= (length (symbol-name arg)) 1)
             (rassq (aref (symbol-name arg) 0) rx--syntax-letters))
        (setq code (aref (symbol-name arg) 0))))
      (unless code
        (error "Unknown rx syntax name `%s'" arg)))
    (cons (list (string ?\\ (if negated ?S ?s) code)) t)))

(defconst rx--category-letters
  '((space-for-indent . ?\s) (base . ?.) (consonant . ?0)
    (base-vowel . ?1) (upper-diacritical-mark . ?2)
    (lower-diacritical-mark . ?3) (tone-mark . ?4) (symbol . ?5)
    (digit . ?6) (vowel-modifying-diacritical-mark . ?7)
    (vowel-sign . ?8) (semivowel-lower . ?9)
    (not-at-end-of-line . ?<) (not-at-beginning-of-line . ?>)
    (alpha-numeric-two-byte . ?A) (chinese-two-byte . ?C)
    (chinse-two-byte . ?C) (greek-two-byte . ?G)
    (japanese-hiragana-two-byte . ?H) (indian-two-byte . ?I)
    (japanese-katakana-two-byte . ?K) (strong-left-to-right . ?L)
    (korean-hangul-two-byte . ?N) (strong-right-to-left . ?R)
    (cyrillic-two-byte . ?Y) (combining-diacritic . ?^)
    (ascii . ?a) (arabic . ?b) (chinese . ?c) (ethiopic . ?e)
    (greek . ?g) (korean . ?h) (indian . ?i) (japanese . ?j)
    (japanese-katakana . ?k) (latin . ?l) (lao . ?o) (tibetan . ?q)
    (japanese-roman . ?r) (thai . ?t) (vietnamese . ?v)
    (hebrew . ?w) (cyrillic . ?y) (can-break . ?|))
  "Category names and their category letters.")

(defun rx--category (negated args)
  (unless (and (consp args) (null (cdr args)))
    (error "rx `category' form takes exactly one argument"))
  (let* ((arg (car args))
         (letter (cond
                  ((symbolp arg)
                   (let ((hit (assq arg rx--category-letters)))
                     (unless hit (error "Unknown rx category `%s'" arg))
                     (cdr hit)))
                  ((characterp arg) arg)
                  (t (error "Invalid rx `category' argument `%s'" arg)))))
    (cons (list (string ?\\ (if negated ?C ?c) letter)) t)))

;;;; Literals, regexps, eval

(defun rx--literal (args)
  (unless (and (consp args) (null (cdr args)))
    (error "rx `literal' form takes exactly one argument"))
  (let ((arg (car args)))
    (cond
     ((stringp arg)
      (cons (list (regexp-quote arg)) (if (= (length arg) 1) t 'seq)))
     (rx--runtime-ok (cons (list (list 'regexp-quote arg)) 'seq))
     (t (error "rx `literal' form with non-string argument")))))

(defconst rx--atom-regexp
  (concat "\\`\\(?:\\[\\^?]?\\(?:\\[:[a-z]+:]\\|[^]]\\)*]"
          "\\|[^$*+?[\\^]"
          "\\|\\\\\\(?:[^z-a]\\|[CS_cs][^z-a]\\|(\\(?:[^\\]\\|\\\\[^)]\\)*\\\\)\\)"
          "\\)\\'")
  "Matches regexps that certainly form a single unit (a bracket expression,
one ordinary char, a backslash construct or a group).")

(defun rx--regexp (args)
  (unless (and (consp args) (null (cdr args)))
    (error "rx `regexp' form takes exactly one argument"))
  (let ((arg (car args)))
    (cond
     ((stringp arg)
      (cons (list arg) (if (string-match-p rx--atom-regexp arg) t nil)))
     (rx--runtime-ok (cons (list arg) nil))
     (t (error "rx `regexp' form with non-string argument")))))

(defun rx--eval-arg (args)
  (unless (and (consp args) (null (cdr args)))
    (error "rx `eval' form takes exactly one argument"))
  (eval (car args)))

(defun rx--compat-form (def form)
  "Compile FORM with the `rx-constituents' definition DEF."
  (let ((fn (nth 0 def))
        (lo (nth 1 def))
        (hi (nth 2 def))
        (pred (nth 3 def))
        (n (length (cdr form))))
    (when (< n lo)
      (error "The `%s' form takes at least %d argument(s)" (car form) lo))
    (when (and hi (> n hi))
      (error "The `%s' form takes at most %d argument(s)" (car form) hi))
    (when (and pred (not (rx--all pred (cdr form))))
      (error "The `%s' form requires arguments satisfying `%s'" (car form) pred))
    (let ((s (funcall fn form)))
      (unless (stringp s)
        (error "The `%s' form did not expand to a string" (car form)))
      (cons (list s) nil))))

;;;; The dispatcher

(defun rx--compile-symbol (sym)
  (let ((fixed (cond
                ((memq sym '(nonl not-newline any)) '("." . t))
                ((memq sym '(anychar anything)) '("[^z-a]" . t))
                ((memq sym '(bol line-start)) '("^" . lseq))
                ((memq sym '(eol line-end)) '("$" . rseq))
                ((memq sym '(bos string-start bot buffer-start)) '("\\`" . t))
                ((memq sym '(eos string-end eot buffer-end)) '("\\'" . t))
                ((eq sym 'point) '("\\=" . t))
                ((memq sym '(bow word-start)) '("\\<" . t))
                ((memq sym '(eow word-end)) '("\\>" . t))
                ((eq sym 'word-boundary) '("\\b" . t))
                ((eq sym 'not-word-boundary) '("\\B" . t))
                ((eq sym 'symbol-start) '("\\_<" . t))
                ((eq sym 'symbol-end) '("\\_>" . t))
                ((eq sym 'not-wordchar) '("\\W" . t)))))
    (cond
     (fixed (cons (list (car fixed)) (cdr fixed)))
     ((eq sym 'unmatchable) (rx--nothing))
     ((assq sym rx--char-classes)
      (cons (list (concat "[[:" (symbol-name (cdr (assq sym rx--char-classes))) ":]]")) t))
     (t
      (let ((exp (rx--expand-user sym)))
        (if exp
            (rx--compile exp)
          (let ((entry (rx--compat-entry sym nil)))
            (if entry
                (cons (list (cdr entry)) nil)
              (error "Unknown rx symbol `%s'" sym)))))))))

(defun rx--compile-form (form)
  (let ((op (car form))
        (body (cdr form)))
    (cond
     ((memq op '(seq : and sequence)) (rx--seq body))
     ((memq op '(or |)) (rx--or body))
     ((memq op '(any in char)) (rx--any nil body))
     ((eq op 'not-char) (rx--any t body))
     ((eq op 'not) (rx--not nil body))
     ((eq op 'intersection) (rx--set-to-piece nil (rx--sets-intersection body)))
     ((eq op 'repeat)
      (rx--check-count 'repeat 2 body)
      (if (= (length body) 2)
          (rx--counted (car body) (car body) (cdr body))
        (rx--bounded 'repeat body)))
     ((eq op '=)
      (rx--check-count '= 1 body)
      (rx--counted (car body) (car body) (cdr body)))
     ((eq op '>=)
      (rx--check-count '>= 1 body)
      (rx--counted (car body) nil (cdr body)))
     ((eq op '**)
      (rx--check-count '** 2 body)
      (rx--bounded '** body))
     ((memq op '(zero-or-more 0+)) (rx--postfix "*" rx--lazy body))
     ((memq op '(one-or-more 1+)) (rx--postfix "+" rx--lazy body))
     ((memq op '(zero-or-one opt optional)) (rx--postfix "?" rx--lazy body))
     ((eq op '*) (rx--postfix "*" t body))
     ((eq op '+) (rx--postfix "+" t body))
     ((memq op '(\? ?\s)) (rx--postfix "?" t body))
     ((eq op '*?) (rx--postfix "*" nil body))
     ((eq op '+?) (rx--postfix "+" nil body))
     ((memq op '(\?? ??)) (rx--postfix "?" nil body))
     ((eq op 'minimal-match) (let ((rx--lazy nil)) (rx--seq body)))
     ((eq op 'maximal-match) (let ((rx--lazy t)) (rx--seq body)))
     ((memq op '(group submatch))
      (cons (rx--wrap "\\(" (car (rx--seq body)) "\\)") t))
     ((memq op '(group-n submatch-n))
      (unless (and (integerp (car body)) (> (car body) 0))
        (error "rx `group-n' requires a positive number as first argument"))
      (cons (rx--wrap (concat "\\(?" (number-to-string (car body)) ":")
                      (car (rx--seq (cdr body)))
                      "\\)")
            t))
     ((eq op 'backref)
      (unless (and (= (length body) 1) (integerp (car body)) (<= 1 (car body) 9))
        (error "rx `backref' requires an argument in the range 1..9"))
      (cons (list "\\" (number-to-string (car body))) t))
     ((eq op 'syntax) (rx--syntax nil body))
     ((eq op 'not-syntax) (rx--syntax t body))
     ((eq op 'category) (rx--category nil body))
     ((eq op 'literal) (rx--literal body))
     ((eq op 'eval) (rx--compile (rx--eval-arg body)))
     ((memq op '(regexp regex)) (rx--regexp body))
     ((not (symbolp op)) (error "Bad rx operator `%S'" op))
     (t
      (let ((exp (rx--expand-user form)))
        (if exp
            (rx--compile exp)
          (let ((entry (rx--compat-entry op t)))
            (if entry
                (rx--compat-form (cdr entry) form)
              (error "Unknown rx form `%s'" op)))))))))

(defun rx--compile (item)
  "Compile the rx expression ITEM to a piece."
  (cond
   ((stringp item)
    (if (equal item "")
        (cons nil 'seq)
      (cons (list (regexp-quote item)) (if (= (length item) 1) t 'seq))))
   ((characterp item)
    (cons (list (regexp-quote (char-to-string item))) t))
   ((symbolp item) (rx--compile-symbol item))
   ((consp item) (rx--compile-form item))
   (t (error "Bad rx expression: %S" item))))

(defconst rx--builtin-names
  (append '(seq sequence : and or | any in char not-char not intersection
            repeat = >= ** zero-or-more 0+ * one-or-more 1+ + zero-or-one
            opt optional \? *? +? \?? minimal-match maximal-match
            group submatch group-n submatch-n backref
            syntax not-syntax category literal eval regexp regex
            nonl not-newline any anychar anything unmatchable
            bol eol line-start line-end bos eos string-start string-end
            bow eow word-start word-end symbol-start symbol-end
            point word-boundary not-word-boundary not-wordchar)
          (mapcar #'car rx--char-classes))
  "Names that rx definitions may not redefine.")

;;;; Entry points

(defun rx-to-string (form &optional no-group)
  "Translate FORM from `rx' sexp syntax into a string regexp.
The arguments to `literal' and `regexp' forms inside FORM must be
constant strings.
If NO-GROUP is non-nil, don't bracket the result in a non-capturing
group.

For extending the `rx' notation in FORM, use `rx-define' or `rx-let-eval'."
  (let ((piece (rx--compile form)))
    (apply #'concat (if no-group (car piece) (rx--as-atom piece)))))

(defun rx--to-expr (form)
  "A Lisp expression computing the regexp for the rx expression FORM."
  (let* ((parts (let ((rx--runtime-ok t)) (car (rx--compile form))))
         (args nil)
         (text nil))
    (dolist (p parts)
      (if (stringp p)
          (push p text)
        (when text
          (let ((s (apply #'concat (nreverse text))))
            (unless (equal s "") (push s args)))
          (setq text nil))
        (push p args)))
    (when text
      (let ((s (apply #'concat (nreverse text))))
        (unless (equal s "") (push s args))))
    (setq args (nreverse args))
    (cond ((null args) "")
          ((cdr args) (cons 'concat args))
          (t (car args)))))

(defmacro rx (&rest regexps)
  "Translate regular expressions REGEXPS in sexp form to a regexp string.
Each argument is one of the forms below; RX is a subform, and RX... stands
for zero or more RXs.  For details, see Info node `(elisp) Rx Notation'.
See `rx-to-string' for the corresponding function.

STRING         Match a literal string.
CHAR           Match a literal character.

(seq RX...)    Match the RXs in sequence.  Alias: :, sequence, and.
(or RX...)     Match one of the RXs.  Alias: |.

(zero-or-more RX...) Match RXs zero or more times.  Alias: 0+.
(one-or-more RX...)  Match RXs one or more times.  Alias: 1+.
(zero-or-one RX...)  Match RXs or the empty string.  Alias: opt, optional.
(* RX...)       Match RXs zero or more times; greedy.
(+ RX...)       Match RXs one or more times; greedy.
(? RX...)       Match RXs or the empty string; greedy.
(*? RX...)      Match RXs zero or more times; non-greedy.
(+? RX...)      Match RXs one or more times; non-greedy.
(?? RX...)      Match RXs or the empty string; non-greedy.
(= N RX...)     Match RXs exactly N times.
(>= N RX...)    Match RXs N or more times.
(** N M RX...)  Match RXs N to M times.  Alias: repeat.
(minimal-match RX)  Non-greedy plain repetition operators inside RX.
(maximal-match RX)  Greedy plain repetition operators inside RX (the default).

(any SET...)    Match a character from one of the SETs: characters,
                strings, ranges \"A-Z\" or (?A . ?Z), character classes.
                Alias: in, char.
(not CHARSPEC)  Match one character not matched by CHARSPEC.
(intersection CHARSET...) Match all CHARSETs.
not-newline     Match any character except a newline.  Alias: nonl.
anychar         Match any character.  Alias: anything.
unmatchable     Never match anything at all.

CHARCLASS       digit, alpha, alnum, xdigit, cntrl, blank, space, lower,
                upper, graph, print, punct, word, ascii, nonascii and
                their aliases.

(syntax SYNTAX)  Match a character with syntax SYNTAX.
(category CAT)   Match a character in category CAT.

line-start, line-end, string-start, string-end, point, word-start,
word-end, word-boundary, not-word-boundary, symbol-start, symbol-end:
zero-width assertions.

(group RX...)  Match RXs and define a capture group.  Alias: submatch.
(group-n N RX...) Match RXs and define capture group N.  Alias: submatch-n.
(backref N)    Match the text that capture group N matched.

(literal EXPR) Match the literal string from evaluating EXPR at run time.
(regexp EXPR)  Match the string regexp from evaluating EXPR at run time.
(eval EXPR)    Match the rx sexp from evaluating EXPR at macro-expansion
                (compile) time.

Additional constructs can be defined using `rx-define' and `rx-let',
which see.

\(fn REGEXPS...)"
  (let ((rx--local-definitions
         (cdr (assq :rx-locals macroexpand-all-environment))))
    (rx--to-expr (cons 'seq regexps))))

(defun rx--make-binding (name tail)
  "The definition entry for NAME from TAIL, which is ([ARGLIST] RX)."
  (unless (symbolp name)
    (error "Bad `rx' definition name: %S" name))
  (when (memq name rx--builtin-names)
    (error "Cannot redefine built-in rx name `%s'" name))
  (cond
   ((and (consp tail) (null (cdr tail)))
    (list (car tail)))
   ((and (consp tail) (consp (cdr tail)) (null (cdr (cdr tail))))
    (let ((params (car tail)))
      (unless (and (listp params) (rx--all #'symbolp params))
        (error "Bad argument list for `rx' definition %s: %S" name params))
      (list params (car (cdr tail)))))
   (t (error "Bad `rx' definition of %s: %S" name tail))))

(defun rx--make-named-binding (spec)
  (unless (consp spec)
    (error "Bad `rx-let' binding: %S" spec))
  (cons (car spec) (rx--make-binding (car spec) (cdr spec))))

(defun rx--extend-local-defs (specs)
  (append (mapcar #'rx--make-named-binding specs) rx--local-definitions))

(defmacro rx-let-eval (bindings &rest body)
  "Evaluate BODY with local BINDINGS for `rx-to-string'.
BINDINGS, after evaluation, is a list of definitions each on the form
\(NAME [(ARGS...)] RX), in effect for calls to `rx-to-string' in BODY.

\(fn BINDINGS BODY...)"
  (declare (indent 1) (debug (form body)))
  `(let ((rx--local-definitions (rx--extend-local-defs ,bindings)))
     ,@body))

(defmacro rx-let (bindings &rest body)
  "Evaluate BODY with local BINDINGS for `rx'.
BINDINGS is an unevaluated list of bindings each on the form
\(NAME [(ARGS...)] RX).  They are available in `rx' expressions in
BODY only.

\(fn BINDINGS BODY...)"
  (declare (indent 1) (debug (sexp body)))
  (let* ((outer (cdr (assq :rx-locals macroexpand-all-environment)))
         (inner (append (mapcar #'rx--make-named-binding bindings) outer))
         (env (cons (cons :rx-locals inner) macroexpand-all-environment)))
    (let ((macroexpand-all-environment env))
      (macroexpand-all (cons 'progn body) env))))

(defmacro rx-define (name &rest definition)
  "Define NAME as a global `rx' definition.
If the ARGS list is omitted, define NAME as an alias for the `rx'
expression RX.  With ARGS, define NAME as an `rx' form whose
parameters are substituted in RX.

\(fn NAME [(ARGS...)] RX)"
  (declare (indent defun))
  `(eval-and-compile
     (put ',name 'rx-definition ',(rx--make-binding name definition))
     ',name))

;;;; The pcase pattern

(defvar rx--pcase-names nil
  "While building an `rx' pcase pattern: the names bound, last first.")

(defun rx--pcase-rewrite (form)
  "Rewrite `let' and named `backref' in FORM into plain rx."
  (cond
   ((and (consp form) (eq (car form) 'let) (consp (cdr form)))
    (let* ((name (car (cdr form)))
           (pos (length (memq name rx--pcase-names)))
           (n (if (> pos 0)
                  pos
                (push name rx--pcase-names)
                (length rx--pcase-names))))
      (list 'group-n n (rx--pcase-rewrite (cons 'seq (cdr (cdr form)))))))
   ((and (consp form) (eq (car form) 'backref) (consp (cdr form))
         (null (cdr (cdr form))) (symbolp (car (cdr form))))
    (let ((pos (length (memq (car (cdr form)) rx--pcase-names))))
      (when (= pos 0)
        (error "rx `backref' variable must be one of: %s"
               (mapconcat #'symbol-name rx--pcase-names " ")))
      (list 'backref pos)))
   ((and (consp form)
         (or (symbolp (car form)) (memq (car form) '(?\s ??)))
         (not (memq (car form) '(literal regexp regex eval))))
    (cons (car form) (mapcar #'rx--pcase-rewrite (cdr form))))
   (t form)))

(defun rx--nest-conses (items)
  "(a b c) -> (cons a (cons b c)) shape, built by calling `list' on pairs."
  (if (cdr items)
      (list 'cons (car items) (rx--nest-conses (cdr items)))
    (car items)))

(defun rx--nest-pattern (names)
  (if (cdr names)
      (cons (list '\, (car names)) (rx--nest-pattern (cdr names)))
    (list '\, (car names))))

(when (fboundp 'pcase-defmacro)
  (eval
   '(pcase-defmacro rx (&rest regexps)
      "A pattern that matches strings against `rx' REGEXPS in sexp form.
REGEXPS are interpreted as in `rx'.  The pattern matches any
string that is a match for REGEXPS, as if by `string-match'.

In addition to the usual `rx' syntax, REGEXPS can contain the
following constructs:

  (let REF RX...)  binds the symbol REF to a submatch that matches
                   the regular expressions RX.  REF is bound in
                   CODE to the string of the submatch or nil, but
                   can also be used in `backref'.
  (backref REF)    matches whatever the submatch REF matched.
                   REF can be a number, as usual, or a name
                   introduced by a previous (let REF ...)
                   construct."
      (let* ((rx--pcase-names nil)
             (re (rx--to-expr (rx--pcase-rewrite (cons 'seq regexps))))
             (count (length rx--pcase-names)))
        (list 'and '(pred stringp)
              (cond
               ((= count 0)
                (list 'pred (list 'string-match re)))
               ((= count 1)
                (list 'app
                      (list 'lambda '(s)
                            (list 'if (list 'string-match re 's)
                                  '(match-string 1 s)
                                  0))
                      (list 'and (car rx--pcase-names) '(pred (not numberp)))))
               (t
                (let ((gets nil) (i count))
                  (while (> i 0)
                    (push (list 'match-string i 's) gets)
                    (setq i (1- i)))
                  (list 'app
                        (list 'lambda '(s)
                              (list 'and (list 'string-match re 's)
                                    (rx--nest-conses gets)))
                        (list '\` (rx--nest-pattern
                                   (reverse rx--pcase-names))))))))))
   t))

(define-obsolete-function-alias 'rx-submatch-n 'rx-to-string "27.1")

(provide 'rx)

;;; rx.el ends here
