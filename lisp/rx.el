;;; rx.el --- regexps written as Lisp trees, for tsmacs  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;;; Commentary:

;; The translator walks an rx tree bottom-up and turns every node into
;; a fragment, a cons (PREC . CHUNKS).  Concatenating CHUNKS gives the
;; regexp text.  A chunk is a string or, while the `rx' macro expands,
;; a Lisp form that computes a string at run time (from `literal' or
;; `regexp' with a non-constant argument).  No chunks at all means the
;; empty regexp.
;;
;; PREC records what may be put next to the fragment without brackets:
;;
;;   atom  a postfix operator after it applies to all of it
;;   seq   anything may go before or after it, but a postfix operator
;;         needs a shy group around it
;;   bol   it begins with `^', which only anchors at the very start, so
;;         nothing may go in front of it
;;   eol   it ends with `$'; nothing may go after it
;;   alt   neither side is free (an alternation, or "^...$")

;;; Code:

;; `macroexpand-all-environment', which `rx-let' binds, is declared
;; special by macroexp.el, preloaded before this file.

(defvar rx-constituents nil "Old-style rx extensions, still honoured for old code.
Each entry is (NAME . DEF).  DEF may be another NAME to use instead,
a regexp string that the symbol NAME stands for, or a list
\(FUNCTION MIN-ARGS MAX-ARGS PREDICATE) describing a form (NAME ARGS...):
FUNCTION receives the whole form and returns its regexp, MAX-ARGS nil
means any number, and PREDICATE, if non-nil, must hold for each argument.
New code should use `rx-define', `rx-let' or `rx-let-eval' instead.")

(defvar rx--local-definitions nil "Definitions made by `rx-let' and `rx-let-eval' that are in force.
A list of (NAME RX) and (NAME PARAMS RX) entries, innermost first.")

(defvar rx--allow-runtime nil "Non-nil when `literal' and `regexp' may take run-time expressions.")

(defvar rx--greedy t "Nil inside `minimal-match', where the word-named repetitions are lazy.")

;;;; Tables

(defconst rx--class-table
  '((digit numeric num) (cntrl control) (xdigit hex-digit hex) (blank)
    (graph graphic) (print printing) (alnum alphanumeric)
    (alpha letter alphabetic) (ascii) (nonascii) (lower lower-case)
    (punct punctuation) (space whitespace white) (upper upper-case)
    (word wordchar) (unibyte) (multibyte))
  "Character classes: each entry is the class name followed by its aliases.")

(defun rx--first (pred list) "Return the first element of LIST for which PRED returns non-nil, or nil."
  (while (and list (not (funcall pred (car list))))
    (pop list))
  (car list))

(defun rx--class-of (sym) "Return the character class that the rx symbol SYM names, or nil."
  (car (rx--first (lambda (names) (memq sym names)) rx--class-table)))

(defconst rx--syntax-chars
  '((?- whitespace) (?. punctuation) (?w word) (?_ symbol)
    (?\( open-parenthesis) (?\) close-parenthesis) (?\' expression-prefix)
    (?\" string-quote) (?$ paired-delimiter) (?\\ escape)
    (?/ character-quote) (?< comment-start) (?> comment-end)
    (?| string-delimiter) (?! comment-delimiter))
  "Syntax code characters, each with the rx name for it.")

(defconst rx--category-codes
  '((?\s space-for-indent) (?. base) (?0 consonant) (?1 base-vowel)
    (?2 upper-diacritical-mark) (?3 lower-diacritical-mark) (?4 tone-mark)
    (?5 symbol) (?6 digit) (?7 vowel-modifying-diacritical-mark)
    (?8 vowel-sign) (?9 semivowel-lower) (?< not-at-end-of-line)
    (?> not-at-beginning-of-line) (?A alpha-numeric-two-byte)
    (?C chinese-two-byte chinse-two-byte) (?G greek-two-byte)
    (?H japanese-hiragana-two-byte) (?I indian-two-byte)
    (?K japanese-katakana-two-byte) (?L strong-left-to-right)
    (?N korean-hangul-two-byte) (?R strong-right-to-left)
    (?Y cyrillic-two-byte) (?^ combining-diacritic) (?a ascii) (?b arabic)
    (?c chinese) (?e ethiopic) (?g greek) (?h korean) (?i indian)
    (?j japanese) (?k japanese-katakana) (?l latin) (?o lao) (?q tibetan)
    (?r japanese-roman) (?t thai) (?v vietnamese) (?w hebrew) (?y cyrillic)
    (?| can-break))
  "Category letters, each with the rx names for it.")

(defun rx--code-named (name table) "Return the character of TABLE whose names include NAME, or nil."
  (car (rx--first (lambda (entry) (memq name (cdr entry))) table)))

(defconst rx--plain-symbols
  '(("." atom nonl not-newline any)
    ("[^z-a]" atom anychar anything)
    ("^" bol bol line-start)
    ("$" eol eol line-end)
    ("\\`" atom bos string-start bot buffer-start)
    ("\\'" atom eos string-end eot buffer-end)
    ("\\=" atom point)
    ("\\<" atom bow word-start)
    ("\\>" atom eow word-end)
    ("\\b" atom word-boundary)
    ("\\B" atom not-word-boundary)
    ("\\_<" atom symbol-start)
    ("\\_>" atom symbol-end)
    ("\\W" atom not-wordchar))
  "Fixed rx symbols: (REGEXP PREC NAMES...).")

(defconst rx--reserved-names
  (let ((names (list 'seq : 'and 'sequence 'or '| 'any 'in 'char 'not-char
                     'not 'intersection 'repeat '= '>= '** 'zero-or-more '0+
                     '* 'one-or-more '1+ '+ 'zero-or-one 'opt 'optional '\?
                     '*? '+? '\?? 'minimal-match 'maximal-match 'group
                     'submatch 'group-n 'submatch-n 'backref 'syntax
                     'not-syntax 'category 'literal 'eval 'regexp 'regex
                     'unmatchable)))
    ;; The old names of the buffer anchors stay free for definitions.
    (dolist (entry rx--plain-symbols)
      (dolist (sym (cddr entry))
        (unless (memq sym '(bot eot buffer-start buffer-end))
          (push sym names))))
    (dolist (aliases rx--class-table)
      (setq names (append aliases names)))
    names)
  "Names that `rx-define' and `rx-let' refuse to define.")

;;;; Fragments

(defconst rx--empty '(seq) "The fragment for the empty regexp.")

(defun rx--atomize (frag) "Return FRAG inside a shy group, unless it is an atom already."
  (if (eq (car frag) 'atom)
      frag
    (cons 'atom (append '("\\(?:") (cdr frag) '("\\)")))))

(defun rx--glue (left right) "Concatenate the fragments LEFT and RIGHT, bracketing where required."
  (cond
   ((null (cdr left)) right)
   ((null (cdr right)) left)
   (t
    (when (memq (car left) '(eol alt))
      (setq left (rx--atomize left)))
    (when (memq (car right) '(bol alt))
      (setq right (rx--atomize right)))
    (let ((anchored-start (eq (car left) 'bol))
          (anchored-end (eq (car right) 'eol)))
      (cons (cond ((and anchored-start anchored-end) 'alt)
                  (anchored-start 'bol)
                  (anchored-end 'eol)
                  (t 'seq))
            (append (cdr left) (cdr right)))))))

(defun rx--tr-seq (items) "Translate ITEMS one after the other.
ITEMS may be any sequence; GNU Emacs accepts a string here as its characters."
  (let ((acc rx--empty))
    (dolist (frag (mapcar #'rx--tr items))
      (setq acc (rx--glue acc frag)))
    acc))

(defun rx--unmatchable () "Return a fragment that matches nothing."
  (list 'seq regexp-unmatchable))

(defun rx--quoted (text) "Return the fragment matching the string TEXT literally."
  (cons (if (= (length text) 1) 'atom 'seq) (list (regexp-quote text))))

;;;; User definitions

(defun rx--def-of (name) "Return the rx definition of NAME, (RX) or (PARAMS RX), or nil if none."
  (let ((local (assq name rx--local-definitions)))
    (if local
        (cdr local)
      (get name 'rx-definition))))

(defun rx--bind-args (name params args) "Match the actual ARGS of NAME to PARAMS.
Return (SINGLES . REST): SINGLES an alist of plain parameters and their
values, REST nil or (PARAM . VALUES) for the &rest parameter."
  (let ((singles nil)
        (rest-seen nil)
        (rest-var nil)
        (left args))
    (dolist (p params)
      (cond
       (rest-seen (unless rest-var (setq rest-var p)))
       ((eq p '&rest) (setq rest-seen t))
       (t (push (cons p (car left)) singles)
          (setq left (cdr left)))))
    (when (and rest-seen (null rest-var))
      (error "Expanding rx def `%s': missing &rest parameter name" name))
    (when (< (length args) (length singles))
      (error "Expanding rx def `%s': too few arguments (got %d, need %s%d)"
             name (length args) (if rest-seen "at least " "") (length singles)))
    (when (and left (not rest-seen))
      (error "Expanding rx def `%s': too many arguments (got %d, need %d)"
             name (length args) (length singles)))
    (cons singles (and rest-seen (cons rest-var left)))))

(defun rx--subst (binding tree) "Return the list of values TREE becomes under BINDING.
BINDING comes from `rx--bind-args'.
A plain parameter becomes its argument and the &rest parameter the
arguments it collected, spliced into the enclosing list."
  (let ((single (and (symbolp tree) (assq tree (car binding))))
        (rest (cdr binding)))
    (cond
     (single (list (cdr single)))
     ((and rest (eq tree (car rest))) (copy-sequence (cdr rest)))
     ((atom tree) (list tree))
     ((listp (cdr tree))
      ;; A list: splice in the values of each element.  A dotted end
      ;; deeper down is an error, as `car' finds out.
      (let ((acc nil))
        (dolist (elt tree)
          (dolist (v (rx--subst binding elt))
            (push v acc)))
        (list (nreverse acc))))
     (t
      ;; A pair with an atom in the cdr: each half must stay one value.
      (let ((head (rx--subst binding (car tree)))
            (tail (rx--subst binding (cdr tree))))
        (unless (and head tail (null (cdr head)) (null (cdr tail)))
          (error "Cannot substitute a &rest parameter into a dotted pair"))
        (list (cons (car head) (car tail))))))))

(defun rx--apply-def (name def args) "Expand the parametrised definition DEF of NAME for the arguments ARGS."
  (let ((values (rx--subst (rx--bind-args name (car def) args) (cadr def))))
    (if (and values (null (cdr values)))
        (car values)
      (error "Expanding rx def `%s': must result in a single value" name))))

(defun rx--expand (item) "Return ITEM with one user definition expanded, or nil if it uses none."
  (let* ((form-p (consp item))
         (name (if form-p (car item) item))
         (def (and (symbolp name) (rx--def-of name))))
    (cond
     ((null def) nil)
     ((and form-p (cdr def)) (rx--apply-def name def (cdr item)))
     (form-p (error "Not an `rx' form definition: %s" name))
     ((cdr def) (error "Not an `rx' symbol definition: %s" name))
     (t (car def)))))

(defun rx--old-style (name want) "Return the `rx-constituents' definition of NAME of kind WANT, or nil.
The definition is returned in a one-element list.
WANT is `stringp' for symbols and `consp' for forms.  Entries of the
other kind are skipped, but the first entry that names another symbol
ends the search: its answer is the one for that symbol."
  (let ((entries rx-constituents)
        (answer nil)
        (settled nil))
    (while (and entries (not settled))
      (let ((entry (pop entries)))
        (when (eq (car-safe entry) name)
          (let ((def (cdr entry)))
            (cond ((funcall want def)
                   (setq answer (list def) settled t))
                  ((symbolp def)
                   (setq answer (rx--old-style def want) settled t)))))))
    answer))

(defun rx--old-style-form (def form) "Translate FORM by the old-style form definition DEF."
  (let ((name (car form))
        (nargs (length (cdr form))))
    (apply
     (lambda (fn lo hi &optional pred &rest _)
       (cond
        ((< nargs lo)
         (error "The `%s' form takes at least %d argument(s)" name lo))
        ((and hi (> nargs hi))
         (error "The `%s' form takes at most %d argument(s)" name hi))
        ((and pred (memq nil (mapcar pred (cdr form))))
         (error "The `%s' form requires arguments satisfying `%s'" name pred)))
       (let ((text (funcall fn form)))
         (unless (stringp text)
           (error "The `%s' form did not expand to a string" name))
         (list 'alt text)))
     def)))

;;;; Character sets as interval lists

;; A set is a list of (LOW . HIGH) code intervals, sorted, disjoint and
;; never adjacent.

(defun rx--ivs-tidy (ivs) "Sort the intervals IVS and merge those that overlap or touch."
  (let ((sorted (sort (mapcar (lambda (iv) (cons (car iv) (cdr iv))) ivs)
                      (lambda (a b) (< (car a) (car b)))))
        (merged nil))
    (dolist (iv sorted)
      (if (and merged (<= (car iv) (1+ (cdar merged))))
          (setcdr (car merged) (max (cdar merged) (cdr iv)))
        (push iv merged)))
    (nreverse merged)))

(defun rx--ivs-invert (ivs) "Return the intervals of all characters not in IVS."
  (let ((next 0)
        (gaps nil))
    (dolist (iv ivs)
      (when (< next (car iv))
        (push (cons next (1- (car iv))) gaps))
      (setq next (1+ (cdr iv))))
    (when (<= next (max-char))
      (push (cons next (max-char)) gaps))
    (nreverse gaps)))

(defun rx--ivs-meet (a b) "Return the intervals of characters in both A and B."
  ;; Both lists are sorted and gapped, so the pieces come out sorted
  ;; and gapped too.
  (let ((common nil))
    (dolist (x a)
      (dolist (y b)
        (let ((lo (max (car x) (car y)))
              (hi (min (cdr x) (cdr y))))
          (when (<= lo hi)
            (push (cons lo hi) common)))))
    (nreverse common)))

(defun rx--string-ivs (str) "Return the intervals that the string STR stands for in `any'."
  (let* ((codes (if (multibyte-string-p str)
                    (vconcat str)
                  (vconcat (mapcar #'unibyte-char-to-multibyte str))))
         (count (length codes))
         (pos 0)
         (out nil))
    (while (< pos count)
      (let* ((lo (aref codes pos))
             (range (and (< (+ pos 2) count) (eq (aref codes (1+ pos)) ?-)))
             (hi (if range (aref codes (+ pos 2)) lo)))
        (cond
         ((> lo hi)
          (error "Invalid rx `any' range: %s" (substring str pos (+ pos 3))))
         ;; A span from ASCII into the raw bytes leaves out the
         ;; non-ASCII characters in between.
         ((and (<= lo #x7f) (>= hi #x3fff80))
          (push (cons lo #x7f) out)
          (push (cons #x3fff80 hi) out))
         (t (push (cons lo hi) out)))
        (setq pos (+ pos (if range 3 1)))))
    out))

(defun rx--any-args (args) "Parse the arguments ARGS of an `any' form.
Return (INTERVALS . CLASSES), the classes in order of first mention."
  (let ((ivs nil)
        (classes nil))
    (dolist (spec args)
      (let ((class (and (symbolp spec) (rx--class-of spec))))
        (cond
         ((stringp spec) (setq ivs (append (rx--string-ivs spec) ivs)))
         ((characterp spec) (push (cons spec spec) ivs))
         ((and (characterp (car-safe spec)) (characterp (cdr-safe spec))
               (<= (car spec) (cdr spec)))
          (push (cons (car spec) (cdr spec)) ivs))
         (class (unless (memq class classes)
                  (setq classes (append classes (list class)))))
         (t (error "Invalid rx `any' argument: %s" spec)))))
    (cons (rx--ivs-tidy ivs) classes)))

(defun rx--tr-any (negated args) "Translate the arguments ARGS of an `any' form, complemented if NEGATED."
  (let ((parsed (rx--any-args args)))
    (rx--render-set negated (car parsed) (cdr parsed))))

(defun rx--bracket-text (item) "Return the bracket expression text for ITEM, an interval or class."
  (cond
   ((symbolp item) (concat "[:" (symbol-name item) ":]"))
   ((= (car item) (cdr item)) (string (car item)))
   ((= (1+ (car item)) (cdr item)) (string (car item) (cdr item)))
   (t (string (car item) ?- (cdr item)))))

(defun rx--render-set (negated ivs classes) "Return a fragment matching a character in IVS or CLASSES.
If NEGATED, match a character in neither instead."
  (cond
   ((and (null ivs) (null classes))
    (if negated (list 'atom "[^z-a]") (rx--unmatchable)))
   ((and (null classes) (null (cdr ivs)) (= (caar ivs) (cdar ivs)))
    (cond ((not negated) (rx--quoted (string (caar ivs))))
          ((eq (caar ivs) ?\n) (list 'atom "."))
          (t (rx--bracket negated ivs nil))))
   (t (rx--bracket negated ivs classes))))

(defun rx--bracket (negated ivs classes) "Return a bracket expression for IVS and CLASSES, complemented if NEGATED."
  (let ((members nil)
        (close nil)
        (dash nil))
    (dolist (iv ivs)
      (let ((lo (car iv))
            (hi (cdr iv)))
        ;; `-' must be last, where it cannot make a range.
        (cond
         ((= lo ?-) (setq dash t lo (1+ lo)))
         ((and (= lo ?,) (= hi ?-)) (setq dash t hi ?,)))
        ;; `]' must be first, where it cannot close the bracket.
        (cond
         ((> lo hi))
         ((= lo ?\]) (setq close (cons lo hi)))
         ((and (= hi ?\]) (< lo hi))
          (setq close (cons ?\] ?\]))
          (push (cons lo (1- hi)) members))
         (t (push (cons lo hi) members)))))
    (setq members (append (and close (list close))
                          (nreverse members)
                          classes
                          (and dash (list (cons ?- ?-)))))
    ;; A leading `^' would negate the set: move it one place on.
    (when (and (cdr members) (consp (car members)) (= (caar members) ?^))
      (setq members (cons (cadr members) (cons (car members) (cddr members)))))
    (list 'atom
          (concat "[" (if negated "^" "")
                  (mapconcat #'rx--bracket-text members "")
                  "]"))))

(defun rx--render-ivs (negated ivs) "Return a fragment for the set IVS, complemented if NEGATED.
A set holding the character #x3ffeff is written as the negation of its
complement, as GNU Emacs does."
  (let ((big nil))
    (dolist (iv ivs)
      (when (<= (car iv) #x3ffeff (cdr iv))
        (setq big t)))
    (if big
        (rx--render-set (not negated) (rx--ivs-invert ivs) nil)
      (rx--render-set negated ivs nil))))

(defun rx--char-of (item) "Return ITEM's character if it is a character or a one-character string."
  (cond ((characterp item) item)
        ((and (stringp item) (= (length item) 1)) (aref item 0))))

(defun rx--set-ivs (set) "Return the intervals of SET, an rx character set in a set operation."
  (let ((head (car-safe set))
        (char (rx--char-of set)))
    (cond
     (char (list (cons char char)))
     ((memq head '(any in char))
      (let ((parsed (rx--any-args (cdr set))))
        (if (null (cdr parsed))
            (car parsed)
          (error "Character class not permitted in set operations: %S"
                 (cadr parsed)))))
     ((and (eq head 'not) (consp (cdr set)) (null (cddr set)))
      (rx--ivs-invert (rx--set-ivs (cadr set))))
     ((memq head '(or |))
      (rx--ivs-tidy (apply #'append (mapcar #'rx--set-ivs (cdr set)))))
     ((eq head 'intersection) (rx--intersect-all (cdr set)))
     (t (rx--set-ivs (or (rx--expand set)
                         (error "Bad character set: %S" set)))))))

(defun rx--intersect-all (sets) "Return the intervals of the characters that are in every one of SETS."
  (let ((acc (list (cons 0 (max-char)))))
    (dolist (s sets)
      (setq acc (rx--ivs-meet acc (rx--set-ivs s))))
    acc))

(defun rx--plain-set-p (item) "Return non-nil if ITEM is a character set usable in set operations."
  (let ((head (car-safe item)))
    (cond
     ((rx--char-of item) t)
     ((memq head '(any in char)) (not (memq t (mapcar #'symbolp (cdr item)))))
     ((memq head '(not or | intersection))
      (not (memq nil (mapcar #'rx--plain-set-p (cdr item)))))
     ((or (symbolp item) (consp item))
      (let ((expanded (rx--expand item)))
        (and expanded (rx--plain-set-p expanded)))))))

;;;; Negation

(defun rx--tr-not (arg negated) "Translate ARG as a character matcher, complemented if NEGATED."
  (let ((head (car-safe arg))
        (class (and (symbolp arg) (rx--class-of arg)))
        (char (rx--char-of arg)))
    (cond
     ((memq head '(any in char)) (rx--tr-any negated (cdr arg)))
     ((eq head 'syntax) (rx--tr-syntax (cdr arg) negated))
     ((eq head 'category) (rx--tr-category (cdr arg) negated))
     ((eq head 'not) (rx--tr-not-form (cdr arg) (not negated)))
     ((memq head '(or |)) (rx--render-ivs negated (rx--set-ivs arg)))
     ((eq head 'intersection)
      (rx--render-ivs negated (rx--intersect-all (cdr arg))))
     (class (rx--render-set negated nil (list class)))
     ((eq arg 'word-boundary) (list 'atom (if negated "\\B" "\\b")))
     (char (rx--render-set negated (list (cons char char)) nil))
     (t (rx--tr-not (or (rx--expand arg)
                        (error "Illegal argument to rx `not': %S" arg))
                    negated)))))

(defun rx--tr-not-form (args negated) "Translate the arguments ARGS of a `not' form; NEGATED is its sense."
  (rx--tr-not (rx--one-arg 'not args) negated))

;;;; Alternatives

(defun rx--alt-arg (item) "Prepare ITEM for an `or': characters as strings, definitions expanded.
`eval' forms are evaluated, and nested `or' forms prepared likewise."
  (let ((expanded nil))
    (cond
     ((characterp item) (string item))
     ((memq (car-safe item) '(or |))
      (cons (car item) (mapcar #'rx--alt-arg (cdr item))))
     ((eq (car-safe item) 'eval)
      (rx--alt-arg (rx--eval-arg (cdr item))))
     ((setq expanded (rx--expand item)) (rx--alt-arg expanded))
     (t item))))

(defun rx--alt-strings (items) "Return the strings of ITEMS and of `or' forms nested in them, in order.
Return the symbol `no' if anything else is among them."
  (catch 'rx--mixed
    (mapcan #'rx--item-strings items)))

(defun rx--item-strings (item) "Return a fresh list of the strings that ITEM offers to an `or'.
A string offers itself, an `or' form the strings of its arguments;
anything else throws `no' to `rx--mixed'."
  (cond ((stringp item) (list item))
        ((memq (car-safe item) '(or |)) (mapcan #'rx--item-strings (cdr item)))
        (t (throw 'rx--mixed 'no))))

(defun rx--tr-or (args) "Translate the arguments ARGS of an `or' form."
  (cond
   ((null args) (rx--unmatchable))
   ((null (cdr args)) (rx--tr (car args)))
   (t
    (let* ((items (mapcar #'rx--alt-arg args))
           (strings (rx--alt-strings items)))
      (cond
       ((listp strings) (list 'atom (regexp-opt strings nil)))
       ((not (memq nil (mapcar #'rx--plain-set-p items)))
        (rx--render-ivs nil (rx--set-ivs (cons 'or items))))
       (t
        ;; Join the alternatives with \\|, dropping the first separator.
        (let ((chunks nil))
          (dolist (alt items)
            (setq chunks (append chunks (list "\\|") (cdr (rx--tr alt)))))
          (cons 'alt (cdr chunks)))))))))

;;;; Repetition

(defun rx--postfix (op lazy body) "Translate BODY followed by the postfix operator OP, non-greedy if LAZY."
  (let ((inner (rx--tr-seq body)))
    (if (null (cdr inner))
        inner
      (cons 'seq (append (cdr (rx--atomize inner))
                         (list (if lazy (concat op "?") op)))))))

(defun rx--counted (lo hi body) "Translate BODY repeated LO to HI times; HI nil means no upper limit."
  (let ((inner (rx--tr-seq body)))
    (if (null (cdr inner))
        inner
      (cons 'atom
            (append (cdr (rx--atomize inner))
                    (list (format "\\{%d%s\\}" lo
                                  (cond ((null hi) ",")
                                        ((= lo hi) "")
                                        (t (format ",%d" hi))))))))))

(defun rx--check-count (op args min) "Check that the form OP has at least MIN ARGS, the first a natural number."
  (when (< (length args) min)
    (error "rx `%s' requires at least %d argument%s"
           op min (if (= min 1) "" "s")))
  (unless (natnump (car args))
    (error "rx `%s' first argument must be nonnegative" op)))

(defun rx--tr-range (op args) "Translate a `**' or `repeat' form OP whose ARGS are (LO HI BODY...)."
  (rx--check-count op args 2)
  (let ((lo (car args))
        (hi (cadr args)))
    (unless (and (natnump hi) (<= lo hi))
      (error "rx `%s' range error" op))
    (rx--counted lo hi (cddr args))))

;;;; Groups, syntax, categories

(defun rx--tr-group (open body) "Translate BODY inside a group that starts with OPEN."
  (cons 'atom (append (list open) (cdr (rx--tr-seq body)) (list "\\)"))))

(defun rx--tr-syntax (args negated) "Translate the arguments ARGS of a `syntax' form, complemented if NEGATED."
  (let* ((arg (rx--one-arg 'syntax args))
         (letter (cond ((characterp arg) arg)
                       ((and (symbolp arg) (= (length (symbol-name arg)) 1))
                        (aref (symbol-name arg) 0))))
         (code (or (rx--code-named arg rx--syntax-chars)
                   (car (assq letter rx--syntax-chars))
                   (error "Unknown rx syntax name `%s'" arg))))
    (list 'atom (string ?\\ (if negated ?S ?s) code))))

(defun rx--tr-category (args negated) "Translate the arguments ARGS of a `category' form, complemented if NEGATED."
  (let* ((arg (rx--one-arg 'category args))
         (code (cond ((characterp arg) arg)
                     ((not (symbolp arg))
                      (error "Invalid rx `category' argument `%s'" arg))
                     ((rx--code-named arg rx--category-codes))
                     (t (error "Unknown rx category `%s'" arg)))))
    (list 'atom (string ?\\ (if negated ?C ?c) code))))

;;;; Literal text, raw regexps, eval

(defun rx--one-arg (name args) "Return the single element of ARGS, the arguments of the form NAME."
  (unless (and args (null (cdr args)))
    (error "rx `%s' form takes exactly one argument" name))
  (car args))

(defun rx--text-arg (name args) "Return the single element of ARGS, the arguments of the form NAME.
It must be a string, except while the `rx' macro expands: there any
expression is accepted, to be evaluated at run time."
  (let ((arg (rx--one-arg name args)))
    (unless (or (stringp arg) rx--allow-runtime)
      (error "rx `%s' form with non-string argument" name))
    arg))

(defun rx--tr-literal (args) "Translate the arguments ARGS of a `literal' form."
  (let ((arg (rx--text-arg 'literal args)))
    (cond ((stringp arg) (rx--quoted arg))
          (t (list 'seq (list 'regexp-quote arg))))))

(defun rx--unit-p (re) "Return non-nil if the regexp RE surely acts as one unit before `*'."
  (let ((n (length re)))
    (cond
     ((= n 0) nil)
     ((= n 1) (not (memq (aref re 0) '(?^ ?$ ?* ?+ ?? ?\[ ?\\))))
     ((eq (aref re 0) ?\\)
      (cond
       ((= n 2) t)
       ((and (= n 3) (memq (aref re 1) '(?c ?C ?s ?S ?_))) t)
       ((eq (aref re 1) ?\() (rx--group-unit-p re))))
     ((eq (aref re 0) ?\[) (rx--bracket-unit-p re)))))

(defun rx--group-unit-p (re) "Return non-nil if RE, which starts with a group opener, is one group."
  (let ((pos 2)
        (last (1- (length re))))
    ;; Step over plain characters and escape pairs to the first closer.
    (while (and (< pos last)
                (not (and (eq (aref re pos) ?\\) (eq (aref re (1+ pos)) ?\)))))
      (setq pos (+ pos (if (eq (aref re pos) ?\\) 2 1))))
    (and (= pos (1- last))
         (eq (aref re pos) ?\\)
         (eq (aref re last) ?\)))))

(defun rx--class-token-end (re pos) "Return the end of a class token like [:alpha:] at POS in RE, or nil."
  (let ((tail (substring re pos)))
    (and (string-match-p "\\`\\[:[a-z]+:]" tail)
         (+ pos 2 (string-search ":]" tail)))))

(defun rx--bracket-unit-p (re) "Return non-nil if RE, which starts with `[', is one bracket expression."
  (let* ((last (1- (length re)))
         (start (if (eq (aref re 1) ?^) 2 1))
         ;; A `]' right after the opening is an ordinary member.
         (pos (if (and (< start last) (eq (aref re start) ?\])) (1+ start) start)))
    (while (and (< pos last) (not (eq (aref re pos) ?\])))
      (let ((end (rx--class-token-end re pos)))
        (setq pos (if (and end (<= end last)) end (1+ pos)))))
    (and (= pos last) (eq (aref re last) ?\]))))

(defun rx--tr-regexp (args) "Translate the arguments ARGS of a `regexp' form."
  (let ((arg (rx--text-arg 'regexp args)))
    (list (if (and (stringp arg) (rx--unit-p arg)) 'atom 'alt) arg)))

(defun rx--eval-arg (args) "Evaluate the expression in ARGS, the arguments of an `eval' form."
  (eval (rx--one-arg 'eval args)))

;;;; The translator

(defun rx--tr-symbol (sym) "Translate the rx symbol SYM."
  (let ((fixed (rx--first (lambda (e) (memq sym (cddr e))) rx--plain-symbols))
        (class (rx--class-of sym))
        expanded old)
    (cond
     (fixed (list (nth 1 fixed) (car fixed)))
     (class (list 'atom (format "[[:%s:]]" class)))
     ((eq sym 'unmatchable) (rx--unmatchable))
     ((setq expanded (rx--expand sym)) (rx--tr expanded))
     ((setq old (rx--old-style sym #'stringp)) (list 'alt (car old)))
     (t (error "Unknown rx symbol `%s'" sym)))))

(defun rx--tr-form (form) "Translate the rx form FORM, a list."
  (let ((op (car form))
        (args (cdr form))
        expanded old)
    (cond
     ((memq op '(seq : and sequence)) (rx--tr-seq args))
     ((memq op '(or |)) (rx--tr-or args))
     ((memq op '(any in char)) (rx--tr-any nil args))
     ((eq op 'not-char) (rx--tr-any t args))
     ((eq op 'not) (rx--tr-not-form args t))
     ((eq op 'intersection) (rx--render-ivs nil (rx--intersect-all args)))
     ((memq op '(zero-or-more 0+)) (rx--postfix "*" (not rx--greedy) args))
     ((memq op '(one-or-more 1+)) (rx--postfix "+" (not rx--greedy) args))
     ((memq op '(zero-or-one opt optional))
      (rx--postfix "?" (not rx--greedy) args))
     ((eq op '*) (rx--postfix "*" nil args))
     ((eq op '+) (rx--postfix "+" nil args))
     ((memq op '(\? ?\s)) (rx--postfix "?" nil args))
     ((eq op '*?) (rx--postfix "*" t args))
     ((eq op '+?) (rx--postfix "+" t args))
     ((memq op '(\?? ??)) (rx--postfix "?" t args))
     ((memq op '(minimal-match maximal-match))
      (let ((rx--greedy (eq op 'maximal-match)))
        (rx--tr-seq args)))
     ((eq op '=)
      (rx--check-count op args 1)
      (rx--counted (car args) (car args) (cdr args)))
     ((eq op '>=)
      (rx--check-count op args 1)
      (rx--counted (car args) nil (cdr args)))
     ((or (eq op '**) (and (eq op 'repeat) (cddr args))) (rx--tr-range op args))
     ((eq op 'repeat)
      ;; Two arguments mean an exact count, like `='.
      (rx--check-count op args 2)
      (rx--counted (car args) (car args) (cdr args)))
     ((memq op '(group submatch)) (rx--tr-group "\\(" args))
     ((memq op '(group-n submatch-n))
      (let ((n (car-safe args)))
        (unless (and (integerp n) (> n 0))
          (error "rx `group-n' requires a positive number as first argument"))
        (rx--tr-group (format "\\(?%d:" n) (cdr args))))
     ((eq op 'backref)
      (let ((n (car-safe args)))
        (unless (and (integerp n) (null (cdr args)) (<= 1 n 9))
          (error "rx `backref' requires an argument in the range 1..9"))
        (list 'atom (format "\\%d" n))))
     ((eq op 'syntax) (rx--tr-syntax args nil))
     ((eq op 'not-syntax) (rx--tr-syntax args t))
     ((eq op 'category) (rx--tr-category args nil))
     ((eq op 'literal) (rx--tr-literal args))
     ((memq op '(regexp regex)) (rx--tr-regexp args))
     ((eq op 'eval) (rx--tr (rx--eval-arg args)))
     ((not (symbolp op)) (error "Bad rx operator `%S'" op))
     ((setq expanded (rx--expand form)) (rx--tr expanded))
     ((setq old (rx--old-style op #'consp)) (rx--old-style-form (car old) form))
     (t (error "Unknown rx form `%s'" op)))))

(defun rx--tr (item) "Translate the rx item ITEM to a fragment."
  (cond
   ((stringp item) (if (equal item "") rx--empty (rx--quoted item)))
   ((characterp item) (rx--quoted (string item)))
   ((symbolp item) (rx--tr-symbol item))
   ((consp item) (rx--tr-form item))
   (t (error "Bad rx expression: %S" item))))

(defun rx--chunks-form (chunks) "Return a Lisp expression concatenating CHUNKS, adjacent strings joined."
  (let ((args nil))
    (dolist (c chunks)
      (if (and (stringp c) (stringp (car args)))
          (setcar args (concat (car args) c))
        (push c args)))
    (setq args (nreverse (delete "" args)))
    (cond ((null args) "")
          ((cdr args) (cons 'concat args))
          (t (car args)))))

(defun rx--expression-for (items) "Return a Lisp expression computing the regexp for the rx ITEMS.
Here `literal' and `regexp' may take run-time expressions."
  (let ((rx--allow-runtime t))
    (rx--chunks-form (cdr (rx--tr-seq items)))))

;;;; Public interface

(defun rx-to-string (form &optional no-group) "Return the regexp that the rx expression FORM stands for.
Unless NO-GROUP is non-nil, the result is put in a shy group when a
postfix operator would not otherwise apply to all of it.  Arguments of
`literal' and `regexp' in FORM must be strings.  Local definitions come
from `rx-let-eval'; global ones from `rx-define'."
  (let* ((rx--allow-runtime nil)
         (frag (rx--tr form)))
    (apply #'concat (cdr (if no-group frag (rx--atomize frag))))))

(defmacro rx (&rest regexps) "Return a regexp matching REGEXPS, rx items in sequence.
An item is a string or character (matched literally), a symbol such as
`digit', `bol', `word-start' or `anychar', or a form: (seq RX...),
\(or RX...), (any SET...), (not CHARSET), (intersection CHARSET...),
repetitions (* RX...), (+ RX...), (? RX...), their non-greedy `*?' `+?'
`??', (= N RX...), (>= N RX...), (** N M RX...), (group RX...),
\(group-n N RX...), (backref N), (syntax NAME), (category NAME),
\(literal EXPR), (regexp EXPR) and (eval EXPR).  `literal' and `regexp'
may take expressions evaluated at run time.  Names made with
`rx-define' and `rx-let' can be used too.  The Info node
`(elisp) Rx Notation' has the full list.

\(fn REGEXPS...)"
  (let ((rx--local-definitions (rx--env-locals)))
    (rx--expression-for regexps)))

(defun rx--env-locals () "Return the local definitions of the `rx-let' forms around this expansion.
They travel in `macroexpand-all-environment', under the key :rx-locals."
  (cdr (assq :rx-locals macroexpand-all-environment)))

(defun rx--parse-def (name tail) "Check the definition TAIL, ([PARAMS] RX), of NAME.
Return it as (RX) or (PARAMS RX)."
  (cond ((not (symbolp name))
         (error "Bad `rx' definition name: %S" name))
        ((memq name rx--reserved-names)
         (error "Cannot redefine built-in rx name `%s'" name)))
  (cond
   ((and (consp tail) (null (cdr tail))) (list (car tail)))
   ((and (consp tail) (consp (cdr tail)) (null (cddr tail)))
    (let ((params (car tail)))
      (unless (and (listp params) (not (memq nil (mapcar #'symbolp params))))
        (error "Bad argument list for `rx' definition %s: %S" name params))
      (list params (cadr tail))))
   (t (error "Bad `rx' definition of %s: %S" name tail))))

(defun rx--extend-local-defs (bindings) "Return the local definitions in force with BINDINGS added in front.
Each of BINDINGS is (NAME [PARAMS] RX)."
  (nconc (mapcar #'rx--parse-binding bindings) rx--local-definitions))

(defun rx--parse-binding (binding) "Check BINDING, (NAME [PARAMS] RX), and return it as a local definition."
  (unless (consp binding)
    (error "Bad `rx-let' binding: %S" binding))
  (cons (car binding) (rx--parse-def (car binding) (cdr binding))))

(defmacro rx-let-eval (bindings &rest body) "Run BODY with the rx definitions that BINDINGS evaluates to.
The value of BINDINGS is a list of (NAME [PARAMS] RX); the names can be
used in the rx expressions given to `rx-to-string' while BODY runs.

\(fn BINDINGS BODY...)" (declare (indent 1) (debug (form body)))
  `(let ((rx--local-definitions (rx--extend-local-defs ,bindings))) ,@body))

(defmacro rx-let (bindings &rest body) "Make the rx definitions BINDINGS available to `rx' calls in BODY.
BINDINGS is a literal list of (NAME [PARAMS] RX).  The definitions
apply where BODY is macro-expanded, not to code it calls.

\(fn BINDINGS BODY...)" (declare (indent 1) (debug (sexp body)))
  (let* ((outer (rx--env-locals))
         (inner (let ((rx--local-definitions outer))
                  (rx--extend-local-defs bindings)))
         (macroexpand-all-environment
          (cons (cons :rx-locals inner) macroexpand-all-environment)))
    (macroexpand-all (cons 'progn body) macroexpand-all-environment)))

(defmacro rx-define (name &rest definition) "Make NAME an rx name everywhere, standing for the rx expression RX.
With a parameter list PARAMS, NAME is used as a form (NAME ARGS...)
whose arguments replace the parameters in RX; `&rest' collects the
remaining arguments and splices them in.

\(fn NAME [(PARAMS...)] RX)" (declare (indent defun))
  `(eval-and-compile (put ',name 'rx-definition ',(rx--parse-def name definition)) ',name))

;;;; The pcase pattern

(defvar rx--pattern-vars nil "Variables that `let' bound in the rx pattern being built, newest first.")

(defun rx--pcase-walk (form) "Rewrite FORM's `let' into numbered groups and resolve named `backref'."
  (let ((head (car-safe form)))
    (cond
     ((and (eq head 'let) (consp (cdr form)))
      (let ((var (cadr form)))
        (unless (memq var rx--pattern-vars)
          (push var rx--pattern-vars))
        (cons 'group-n
              (cons (length (memq var rx--pattern-vars))
                    (mapcar #'rx--pcase-walk (cddr form))))))
     ((and (eq head 'backref) (consp (cdr form)) (symbolp (cadr form)))
      (unless (memq (cadr form) rx--pattern-vars)
        (error "rx `backref' variable must be one of: %s"
               (mapconcat #'symbol-name rx--pattern-vars " ")))
      (list 'backref (length (memq (cadr form) rx--pattern-vars))))
     ((and (or (symbolp head) (memq head '(?\s ??)))
           (not (memq head '(literal regexp regex eval)))
           (proper-list-p form))
      (cons head (mapcar #'rx--pcase-walk (cdr form))))
     (t form))))

(when (fboundp 'pcase-defmacro)
  (eval
   '(pcase-defmacro rx (&rest regexps)
      "Match a string that `string-match' finds REGEXPS in.
REGEXPS are rx items as for `rx', plus two more forms:
\(let VAR RX...) matches RX... and binds VAR to the matched text (nil
if that part did not take part in the match), and (backref VAR)
matches the text an earlier `let' bound to VAR."
      (let* ((rx--pattern-vars nil)
             (re (rx--expression-for (mapcar #'rx--pcase-walk regexps)))
             (vars (reverse rx--pattern-vars)))
        ;; The matcher function names its argument `s', so run-time
        ;; `literal' and `regexp' expressions mentioning `s' see the
        ;; subject string, exactly as in GNU Emacs.
        (list
         'and '(pred stringp)
         (cond
          ((null vars) `(pred (string-match ,re)))
          ((null (cdr vars))
           ;; One variable: 0 stands for "no match", as a submatch is a
           ;; string or nil.
           `(app (lambda (s) (if (string-match ,re s) (match-string 1 s) 0))
                 (and ,(car vars) (pred (not numberp)))))
          (t
           ;; Several: the submatches in a dotted list, taken apart by a
           ;; backquote pattern of the same shape, built from the end.
           (let* ((backwards (reverse vars))
                  (group (length vars))
                  (value `(match-string ,group s))
                  (pattern (list '\, (car backwards))))
             (dolist (v (cdr backwards))
               (setq group (1- group)
                     value `(cons (match-string ,group s) ,value)
                     pattern (cons (list '\, v) pattern)))
             `(app (lambda (s) (and (string-match ,re s) ,value))
                   ,(list '\` pattern))))))))
   t))

(defalias 'rx-submatch-n #'rx-to-string)
(make-obsolete 'rx-submatch-n 'rx-to-string "27.1")

(provide 'rx)
