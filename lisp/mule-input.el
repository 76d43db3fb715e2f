;;; mule-input.el --- input methods and other mule-cmds entry points  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour and the
;; Emacs Lisp Reference Manual ("Input Methods").

;; An input method is registered by name in `input-method-alist' (its
;; start-up value is in leim-list.el) and turned on in the current buffer
;; by calling its activation function.  Batch Emacs never runs an input
;; method on what it reads, so the readers here take a plain line from
;; standard input as GNU's batch minibuffer does.

;;; Code:

(defun mule-input--name (name) "NAME of an input method or language environment as a string: symbols give their names."
  (if (symbolp name) (symbol-name name) name))

(defun register-input-method (input-method lang-env activate-func title description &rest args) "Register INPUT-METHOD for the language environment LANG-ENV.
ACTIVATE-FUNC is called with INPUT-METHOD and ARGS to turn it on; TITLE
is its mode-line indicator and DESCRIPTION a one-line summary.  A method
registered again keeps its place in `input-method-alist'."
  (let* ((name (mule-input--name input-method))
         (data (append (list (mule-input--name lang-env) activate-func title description) args))
         (old (assoc name input-method-alist)))
    (if old
        (setcdr old data)
      (push (cons name data) input-method-alist))))

(defun read-input-method-name (prompt &optional default inhibit-null) "Read the name of an input method with PROMPT, DEFAULT for an empty answer.
An empty answer without DEFAULT gives nil, or an error if INHIBIT-NULL."
  (let* ((default (and default (mule-input--name default)))
         (answer (completing-read prompt input-method-alist nil t nil
                                  'input-method-history default)))
    (cond ((and answer (not (equal answer ""))) answer)
          (inhibit-null (error "No valid input method is specified"))
          (t nil))))

(defun activate-input-method (input-method) "Turn on INPUT-METHOD (a name) in the current buffer; nil does nothing.
An input method already on is turned off first, unless it is the same."
  (let* ((name (and input-method (mule-input--name input-method)))
         (entry (and name (assoc name input-method-alist))))
    (cond ((or (null name) (equal name current-input-method)))
          (t (if current-input-method (deactivate-input-method))
             (or entry (error "Can't activate input method `%s'" name))
             (apply (nth 2 entry) name (nthcdr 5 entry))
             (setq current-input-method name
                   current-input-method-title (nth 3 entry))
             (mule-input--announce 'input-method-activate-hook))))
  nil)

(defun mule-input--announce (hook) "Run HOOK, then have the mode line redrawn even if HOOK fails."
  (unwind-protect (run-hooks hook)
    (force-mode-line-update)))

(defun deactivate-input-method () "Turn off the input method of the current buffer; give what its turning-off function gives."
  (if (null current-input-method)
      nil
    (or (equal current-input-method (car input-method-history))
        (add-to-history 'input-method-history current-input-method))
    (let ((off deactivate-current-input-method-function))
      ;; The hook still sees the method's name; it is forgotten after it.
      (unwind-protect
          (progn (setq input-method-function nil) (funcall off))
        (unwind-protect (mule-input--announce 'input-method-deactivate-hook)
          (setq current-input-method-title nil
                current-input-method nil))))))

(defvar current-transient-input-method nil "The input method turned on for the next character only, or nil.")
(defvar mule-input--previous-method nil "The input method a transient one replaced.")

(defun deactivate-transient-input-method () "Turn off the input method turned on for one character, restoring the one before."
  (when current-transient-input-method
    (let ((before mule-input--previous-method))
      (deactivate-input-method)
      (setq current-transient-input-method nil
            mule-input--previous-method nil)
      (when before (activate-input-method before)))))

(defun describe-current-input-method () "Describe the input method of the current buffer, or say there is none."
  (let ((describer describe-current-input-method-function))
    (cond ((null current-input-method) (error "No input method is activated now"))
          ((null describer)
           (message "No way to describe the current input method `%s'" current-input-method))
          (t (let ((standard-output (get-buffer-create "*Help*")))
               (funcall describer))))
    nil))

(defun read-multilingual-string (prompt &optional initial-input input-method) "Read a string with PROMPT while INPUT-METHOD is on in the minibuffer.
INPUT-METHOD defaults to the current one, then `default-input-method',
else it is asked for.  INITIAL-INPUT is the minibuffer's first text."
  (let ((method (or input-method current-input-method default-input-method
                    (read-input-method-name "Input method: " nil t))))
    ;; GNU turns the method on before the prompt shows and off once the
    ;; line is read, in the buffer current when it was asked.
    (activate-input-method method)
    (unwind-protect
        (read-string prompt initial-input nil nil t)
      (deactivate-input-method))))

(defun mule-input--hex-or-name (answer) "The character ANSWER names: hex digits, a #-radix number, or a Unicode name."
  (let ((case-fold-search nil))
    (cond
     ((string-match-p "\\`[0-9a-fA-F]+\\'" answer) (string-to-number answer 16))
     ((string-match-p "\\`#\\([bBoOxX]\\|[0-9]+[rR]\\)[0-9a-zA-Z]+\\'" answer)
      (condition-case nil (car (read-from-string answer)) (error nil)))
     (t (gethash (upcase answer) (ucs-names))))))

(defun read-char-by-name (prompt) "Read a character with PROMPT, given by its Unicode name or code point.
Hexadecimal digits are a code point, and so is a number in Lisp's #x,
#o, #b or #NrN syntax; anything else is looked up as a name regardless of
case.  Signal an error when the answer names no character."
  (let ((char (mule-input--hex-or-name (completing-read prompt (ucs-names)))))
    (if (characterp char) char (error "Invalid character"))))

(defun ucs-insert (character &optional count inherit) "Insert COUNT copies of CHARACTER (one if COUNT is nil); with INHERIT take the text properties around.
Interactively the character is read by its Unicode name or code point."
  (interactive (list (read-char-by-name "Insert character (Unicode name or hex): ")
                     (prefix-numeric-value current-prefix-arg)
                     t))
  (unless (characterp character)
    (signal 'wrong-type-argument (list 'characterp character)))
  (let ((n (or count 1)))
    (while (> n 0)
      (if inherit (insert-and-inherit character) (insert character))
      (setq n (1- n))))
  nil)

(defun set-input-method (input-method &optional interactive) "Turn on INPUT-METHOD in the current buffer and make it the default one.
INTERACTIVE non-nil means the command was run by the user."
  (interactive (let ((default (or (car input-method-history) default-input-method)))
                 (list (read-input-method-name (format-prompt "Select input method" default)
                                               default t)
                       t)))
  (ignore interactive)
  (activate-input-method input-method)
  (setq default-input-method input-method))

(defun toggle-input-method (&optional arg interactive) "Turn the current buffer's input method off, or on: the default one, else one asked for.
With ARG, ask for the input method even when there is a default.
INTERACTIVE non-nil means the command was run by the user."
  (interactive "P\np")
  (if current-input-method
      (deactivate-input-method)
    (let ((default default-input-method))
      (if (and default (not arg))
          (activate-input-method default)
        (set-input-method (read-input-method-name (format-prompt "Input method" default) default t)
                          interactive))))
  nil)

(defun mule--ucs-names-affixation (names) "Give each of NAMES the prefix showing its character and a tab, for completion lists."
  (mapcar (lambda (name)
            (let ((char (gethash name ucs-names)))
              (list name (concat (if char (string char) " ") "\t") "")))
          names))

(defconst mule-input--script-ranges
  "0-7f latin  a0-24f latin  250-2af phonetic  2b0-36f latin  370-3e1 greek  3e2-3ef coptic
3f0-3ff greek  400-52f cyrillic  530-58f armenian  590-5ff hebrew  600-6ff arabic  700-74f
syriac  750-77f arabic  780-7bf thaana  7c0-7ff nko  800-83f samaritan  840-85f mandaic  860-86f
syriac  870-8ff arabic  900-97f devanagari  980-9ff bengali  a00-a7f gurmukhi  a80-aff gujarati
b00-b7f oriya  b80-bff tamil  c00-c7f telugu  c80-cff kannada  d00-d7f malayalam  d80-dff
sinhala  e00-e7f thai  e80-eff lao  f00-fff tibetan  1000-109f burmese  10a0-10ff georgian
1100-11ff hangul  1200-139f ethiopic  13a0-13ff cherokee  1400-167f canadian-aboriginal
1680-169f ogham  16a0-16ff runic  1700-171f tagalog  1720-173f hanunoo  1740-175f buhid
1760-177f tagbanwa  1780-17ff khmer  1800-18af mongolian  18b0-18ff canadian-aboriginal
1900-194f limbu  1950-197f tai-le  1980-19df tai-lue  19e0-19ff khmer  1a00-1a1f buginese
1a20-1aaf tai-tham  1ab0-1aff latin  1b00-1b7f balinese  1b80-1bbf sundanese  1bc0-1bff batak
1c00-1c4f lepcha  1c50-1c7f ol-chiki  1c80-1c8f cyrillic  1c90-1cbf georgian  1cc0-1ccf
sundanese  1cd0-1cff vedic  1d00-1dbf phonetic  1dc0-1eff latin  1f00-1fff greek  2000-2319
symbol  231a-231b emoji  231c-23e8 symbol  23e9-23ec emoji  23ed-23ef symbol  23f0 emoji
23f1-23f2 symbol  23f3 emoji  23f4-25fc symbol  25fd-25fe emoji  25ff-2613 symbol  2614-2615
emoji  2616-2647 symbol  2648-2653 emoji  2654-267e symbol  267f emoji  2680-2692 symbol  2693
emoji  2694-26a0 symbol  26a1 emoji  26a2-26a9 symbol  26aa-26ab emoji  26ac-26bc symbol
26bd-26be emoji  26bf-26c3 symbol  26c4-26c5 emoji  26c6-26cd symbol  26ce emoji  26cf-26d3
symbol  26d4 emoji  26d5-26e9 symbol  26ea emoji  26eb-26f1 symbol  26f2-26f3 emoji  26f4 symbol
26f5 emoji  26f6-26f9 symbol  26fa emoji  26fb-26fc symbol  26fd emoji  26fe-2704 symbol  2705
emoji  2706-2709 symbol  270a-270b emoji  270c-2727 symbol  2728 emoji  2729-274b symbol  274c
emoji  274d symbol  274e emoji  274f-2752 symbol  2753-2755 emoji  2756 symbol  2757 emoji
2758-2794 symbol  2795-2797 emoji  2798-27af symbol  27b0 emoji  27b1-27be symbol  27bf emoji
27c0-27ff symbol  2800-28ff braille  2900-2b1a symbol  2b1b-2b1c emoji  2b1d-2b4f symbol  2b50
emoji  2b51-2b54 symbol  2b55 emoji  2b56-2bff symbol  2c00-2c5f glagolitic  2c60-2c7f latin
2c80-2cff coptic  2d00-2d2f georgian  2d30-2d7f tifinagh  2d80-2ddf ethiopic  2de0-2dff cyrillic
2e00-2e7f symbol  2e80-2fdf han  2ff0-2fff ideographic-description  3000-303f cjk-misc
3040-30ff kana  3100-312f bopomofo  3130-318f hangul  3190-319f kanbun  31a0-31bf bopomofo
31c0-31ef cjk-misc  31f0-31ff kana  3200-9fff han  a000-a4cf yi  a4d0-a4ff lisu  a500-a63f vai
a640-a69f cyrillic  a6a0-a6ff bamum  a700-a7ff latin  a800-a82f syloti-nagri  a830-a83f
north-indic-number  a840-a87f phags-pa  a880-a8df saurashtra  a8e0-a8ff devanagari  a900-a92f
kayah-li  a930-a95f rejang  a960-a97f hangul  a980-a9df javanese  a9e0-a9ff burmese  aa00-aa5f
cham  aa60-aa7f burmese  aa80-aadf tai-viet  aae0-aaff meetei-mayek  ab00-ab2f ethiopic
ab30-ab6f latin  ab70-abbf cherokee  abc0-abff meetei-mayek  ac00-d7ff hangul  f900-faff han
fb00-fb06 latin  fb13-fb17 armenian  fb1d-fb4f hebrew  fb50-fdff arabic  fe00-fe0f emoji
fe10-fe1f vertical-form  fe20-fe2f latin  fe30-fe4f han  fe50-fe6f symbol  fe70-feff arabic
ff00-ff60 cjk-misc  ff61-ff9f kana  ffa0-ffdf hangul  ffe0-ffef cjk-misc  10000-100ff linear-b
10100-1013f aegean-number  10140-1018f ancient-greek-number  10190-101cf ancient-symbol
101d0-101ff phaistos-disc  10280-1029f lycian  102a0-102df carian  102e0-102ff coptic
10300-1032f old-italic  10330-1034f gothic  10350-1037f old-permic  10380-1039f ugaritic
103a0-103df old-persian  10400-1044f deseret  10450-1047f shavian  10480-104af osmanya
104b0-104ff osage  10500-1052f elbasan  10530-1056f caucasian-albanian  10570-105bf vithkuqi
10600-1077f linear-a  10780-107bf latin  10800-1083f cypriot-syllabary  10840-1085f aramaic
10860-1087f palmyrene  10880-108af nabataean  108e0-108ff hatran  10900-1091f phoenician
10920-1093f lydian  10980-109ff meroitic  10a00-10a5f kharoshthi  10a60-10a7f old-south-arabian
10a80-10a9f old-north-arabian  10ac0-10aff manichaean  10b00-10b3f avestan  10b40-10b5f
inscriptional-parthian  10b60-10b7f inscriptional-pahlavi  10b80-10baf psalter-pahlavi
10c00-10c4f old-turkic  10c80-10cff old-hungarian  10d00-10d3f hanifi-rohingya  10e60-10e7f
rumi-number  10e80-10ebf yezidi  10f00-10f2f old-sogdian  10f30-10f6f sogdian  10f70-10faf
old-uyghur  10fb0-10fdf chorasmian  10fe0-10fff elymaic  11000-1107f brahmi  11080-110cf kaithi
110d0-110ff sora-sompeng  11100-1114f chakma  11150-1117f mahajani  11180-111df sharada
111e0-111ff sinhala-archaic-number  11200-1124f khojki  11280-112af multani  112b0-112ff
khudawadi  11300-1137f grantha  11400-1147f newa  11480-114df tirhuta  11580-115ff siddham
11600-1165f modi  11660-1167f mongolian  11680-116cf takri  11700-1174f ahom  11800-1184f dogra
118a0-118ff warang-citi  11900-1195f dives-akuru  119a0-119ff nandinagari  11a00-11a4f
zanabazar-square  11a50-11aaf soyombo  11ab0-11abf canadian-aboriginal  11ac0-11aff pau-cin-hau
11c00-11c6f bhaiksuki  11c70-11cbf marchen  11d00-11d5f masaram-gondi  11d60-11daf gunjala-gondi
11ee0-11eff makasar  11fb0-11fbf lisu  11fc0-11fff tamil  12000-123ff cuneiform  12400-1247f
cuneiform-numbers-and-punctuation  12480-1254f cuneiform  12f90-12fff cypro-minoan  13000-1343f
egyptian  14400-1467f anatolian  16800-16a3f bamum  16a40-16a6f mro  16a70-16acf tangsa
16ad0-16aff bassa-vah  16b00-16b8f pahawh-hmong  16e40-16e9f medefaidrin  16f00-16f9f miao
16fe0-16fff symbol  17000-187ff tangut  18800-18aff tangut-components  18b00-18cff
khitan-small-script  18d00-18d7f tangut  1aff0-1b16f kana  1b170-1b2ff nushu  1bc00-1bcaf
duployan-shorthand  1cf00-1cfcf znamenny-musical-notation  1d000-1d0ff byzantine-musical-symbol
1d100-1d1ff musical-symbol  1d200-1d24f ancient-greek-musical-notation  1d2e0-1d2ff
mayan-numeral  1d300-1d35f tai-xuan-jing-symbol  1d360-1d37f counting-rod-numeral  1d400-1d7ff
mathematical  1d800-1daaf sutton-sign-writing  1df00-1dfff latin  1e000-1e02f glagolitic
1e100-1e14f nyiakeng-puachue-hmong  1e290-1e2bf toto  1e2c0-1e2ff wancho  1e7e0-1e7ff ethiopic
1e800-1e8df mende-kikakui  1e900-1e95f adlam  1ec70-1ecbf indic-siyaq-number  1ed00-1ed4f
ottoman-siyaq-number  1ee00-1eeff arabic  1f000-1f003 mahjong-tile  1f004 emoji  1f005-1f02f
mahjong-tile  1f030-1f09f domino-tile  1f0a0-1f0ce playing-cards  1f0cf emoji  1f0d0-1f0ff
playing-cards  1f100-1f18d symbol  1f18e emoji  1f18f-1f190 symbol  1f191-1f19a emoji
1f19b-1f1e5 symbol  1f1e6-1f1ff emoji  1f200 han  1f201 emoji  1f202-1f219 han  1f21a emoji
1f21b-1f22e han  1f22f emoji  1f230-1f231 han  1f232-1f236 emoji  1f237 han  1f238-1f23a emoji
1f23b-1f24f han  1f250-1f251 emoji  1f252-1f2ff han  1f300-1f320 emoji  1f321-1f32c symbol
1f32d-1f335 emoji  1f336 symbol  1f337-1f37c emoji  1f37d symbol  1f37e-1f393 emoji  1f394-1f39f
symbol  1f3a0-1f3ca emoji  1f3cb-1f3ce symbol  1f3cf-1f3d3 emoji  1f3d4-1f3df symbol
1f3e0-1f3f0 emoji  1f3f1-1f3f3 symbol  1f3f4 emoji  1f3f5-1f3f7 symbol  1f3f8-1f43e emoji  1f43f
symbol  1f440 emoji  1f441 symbol  1f442-1f4fc emoji  1f4fd-1f4fe symbol  1f4ff-1f53d emoji
1f53e-1f54a symbol  1f54b-1f54e emoji  1f54f symbol  1f550-1f567 emoji  1f568-1f579 symbol
1f57a emoji  1f57b-1f594 symbol  1f595-1f596 emoji  1f597-1f5a3 symbol  1f5a4 emoji  1f5a5-1f5fa
symbol  1f5fb-1f64f emoji  1f650-1f67f symbol  1f680-1f6c5 emoji  1f6c6-1f6cb symbol  1f6cc
emoji  1f6cd-1f6cf symbol  1f6d0-1f6d2 emoji  1f6d3-1f6d4 symbol  1f6d5-1f6d7 emoji  1f6d8-1f6dc
symbol  1f6dd-1f6df emoji  1f6e0-1f6ea symbol  1f6eb-1f6ec emoji  1f6ed-1f6f3 symbol
1f6f4-1f6fc emoji  1f6fd-1f7df symbol  1f7e0-1f7eb emoji  1f7ec-1f7ef symbol  1f7f0 emoji
1f7f1-1f90b symbol  1f90c-1f93a emoji  1f93b symbol  1f93c-1f945 emoji  1f946 symbol
1f947-1f9ff emoji  1fa00-1fa6f chess-symbol  1fa70-1fa74 emoji  1fa75-1fa77 symbol  1fa78-1fa7c
emoji  1fa7d-1fa7f symbol  1fa80-1fa86 emoji  1fa87-1fa8f symbol  1fa90-1faac emoji  1faad-1faaf
symbol  1fab0-1faba emoji  1fabb-1fabf symbol  1fac0-1fac5 emoji  1fac6-1facf symbol
1fad0-1fad9 emoji  1fada-1fadf symbol  1fae0-1fae7 emoji  1fae8-1faef symbol  1faf0-1faf6 emoji
1faf7-1fbff symbol  20000-2a6df han  2a700-2ebef han  2f800-2fa1f han  30000-3134f han
190000-1901d5 tibetan"
  "Ranges of code points and the script of each, as GNU's `char-script-table' has them.")

(defvar mule-input--scripts nil "A char-table of scripts built from `mule-input--script-ranges'.")

(defun mule-input--script (char) "The script CHAR belongs to, a symbol, or nil."
  (if (boundp 'char-script-table)
      (aref (symbol-value 'char-script-table) char)
    (unless mule-input--scripts
      (let ((table (make-char-table 'mule-input-scripts))
            (words (split-string mule-input--script-ranges)))
        (while words
          (let* ((range (split-string (pop words) "-"))
                 (from (string-to-number (car range) 16))
                 (to (if (cdr range) (string-to-number (cadr range) 16) from)))
            (set-char-table-range table (cons from to) (intern (pop words)))))
        (setq mule-input--scripts table)))
    (aref mule-input--scripts char)))

(defun mule--ucs-names-group (name transform) "Give NAME back if TRANSFORM, else the script of the character NAME names."
  (if transform
      name
    (let ((char (gethash name ucs-names)))
      (if char
          (symbol-name (or (mule-input--script char) 'ungrouped))
        "ungrouped"))))

(defun mule--ucs-names-sort-by-code (names) "Sort NAMES by the code points of the characters they name."
  (sort names (lambda (a b) (< (gethash a ucs-names) (gethash b ucs-names)))))

(defun select-safe-coding-system--format-list (list) "Insert a table of LIST: each (CODING (POS . CHAR)...) gives up to five rows."
  (insert (format "  %-20s %6s  %-10s %s\n" "Coding System" "Pos" "Codepoint" "Char"))
  (dolist (entry list)
    (let ((name (symbol-name (car entry))) (shown 0))
      (catch 'enough
        (dolist (spot (cdr entry))
          (when (= shown 5)
            (insert (format "  %-20s %6s  %-10s %s\n" "" "..." "" ""))
            (throw 'enough nil))
          (insert (format "  %-20s %6d  %-10s %s\n" (if (= shown 0) name "")
                          (car spot) (format "#x%X" (cdr spot)) (string (cdr spot))))
          (setq shown (1+ shown))))))
  (insert "\n")
  nil)

(defun select-safe-coding-system-interactively (from to codings unsafe &optional rejected default) "Ask for a coding system for the text FROM TO that CODINGS can encode.
UNSAFE lists coding systems that cannot; REJECTED those refused already;
DEFAULT is the one offered first.  Batch reads the answer from standard
input: an empty line gives nil."
  (ignore from to codings unsafe rejected default)
  (read-coding-system "Select coding system: "))

(defun update-leim-list-file (&rest dirs) "Remake the input method list file of each of DIRS; tsmacs has none, so nothing is done."
  (ignore dirs)
  nil)

(defun mule-cmds--prefixed-command-echo () "Give the echo text of a pending prefixed coding-system command: none in batch."
  nil)

(defun mule-cmds--prefixed-command-pch () "Finish a prefixed coding-system command after the next command; nothing pends in batch."
  nil)

(defun mule-cmds--prefixed-command-preserve () "Carry a prefixed coding-system command over to the next key; nothing pends in batch."
  nil)

(defun set-display-table-and-terminal-coding-system (language-name &optional coding-system display) "Make the terminal use the coding LANGUAGE-NAME's unibyte text shows with.
CODING-SYSTEM, if given, is used instead; DISPLAY is ignored.  Batch
has no terminal, so only the language's unibyte display table applies."
  (ignore display)
  (let ((coding (or coding-system (get-language-info language-name 'unibyte-display))))
    (when coding (set-terminal-coding-system coding))
    nil))

(defun standard-display-european-internal () "Make Latin-1 characters show as themselves; batch has no display, so nothing changes."
  nil)

(provide 'mule-input)

;;; mule-input.el ends here
