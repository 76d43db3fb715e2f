;;; japan-util.el --- kana and width conversions for Japanese text  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour.

;; Four conversions: hiragana <-> katakana, and full width (zenkaku) <->
;; half width (hankaku) for kana and for the ASCII symbols.  The tables
;; below were read off GNU's answers for every character below U+10000
;; and for every kana followed by a voicing mark.
;;
;; A region is rewritten left to right; each replaced piece gets its new
;; text inserted before it and is then deleted, so that markers and point
;; end up where GNU leaves them.  Strings go through a scratch buffer, so
;; unchanged characters keep their text properties and new ones have none.

;;; Code:

(defconst japan-util--katakana-halves
  "ｧ ｱ ｨ ｲ ｩ ｳ ｪ ｴ ｫ ｵ ｶ ｶﾞ ｷ ｷﾞ ｸ ｸﾞ ｹ ｹﾞ ｺ ｺﾞ ｻ ｻﾞ ｼ ｼﾞ ｽ ｽﾞ ｾ ｾﾞ ｿ ｿﾞ ﾀ ﾀﾞ ﾁ ﾁﾞ ｯ ﾂ ﾂﾞ ﾃ ﾃﾞ ﾄ ﾄﾞ ﾅ ﾆ ﾇ ﾈ ﾉ ﾊ ﾊﾞ ﾊﾟ ﾋ ﾋﾞ ﾋﾟ ﾌ ﾌﾞ ﾌﾟ ﾍ ﾍﾞ ﾍﾟ ﾎ ﾎﾞ ﾎﾟ ﾏ ﾐ ﾑ ﾒ ﾓ ｬ ﾔ ｭ ﾕ ｮ ﾖ ﾗ ﾘ ﾙ ﾚ ﾛ ﾜ ﾜ ｲ ｴ ｦ ﾝ ｳﾞ ｶ ｹ"
  "Half-width spelling of each katakana from U+30A1 to U+30F6, space-separated.")

(defconst japan-util--ascii-wide
  "　！″＃＄％＆′（）＊＋，−．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［￥］＾＿‘ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝〜"
  "The full-width form of each ASCII character from space to tilde, in order.")

(defconst japan-util--halfwidth-kana-wide
  "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜"
  "The full-width form of each half-width katakana from U+FF61 to U+FF9F, in order.")

(defconst japan-util--narrowing-pairs
  "´'‐-—-―-‘`’'“\"”\"′'″\"−-　 〈<〉>〜~！!＃#＄$％%＆&（(）)＊*＋+，,－-．.／/０0１1２2３3４4５5６6７7８8９9：:；;＜<＝=＞>？?＠@ＡAＢBＣCＤDＥEＦFＧGＨHＩIＪJＫKＬLＭMＮNＯOＰPＱQＲRＳSＴTＵUＶVＷWＸXＹYＺZ［[＼\\］]＾^＿_｀`ａaｂbｃcｄdｅeｆfｇgｈhｉiｊjｋkｌlｍmｎnｏoｐpｑqｒrｓsｔtｕuｖvｗwｘxｙyｚz｛{｜|｝}～~￥\\"
  "Pairs of characters, wide then narrow: what `japanese-hankaku' makes of each symbol.")

(defun japan-util--table (&rest alists) "Make a hash table of char keys from ALISTS of (CHAR . STRING), earlier alists winning."
  (let ((h (make-hash-table :test 'eql)))
    (dolist (al alists)
      (dolist (e al)
        (unless (gethash (car e) h) (puthash (car e) (cdr e) h))))
    h))

(defvar japan-util--maps nil "The conversion tables, built on first use: a plist.")

(defun japan-util--build () "Build the conversion tables from the constants above."
  (let* ((halves (split-string japan-util--katakana-halves " "))
         kata-to-hira hira-to-kata kana-to-half half-to-kata voiced-pairs
         ascii-to-wide wide-to-ascii punct-to-half)
    ;; Katakana U+30A1.. and their hiragana 0x60 below.
    (let ((code #x30a1))
      (dolist (h halves)
        (unless (equal h "-")
          ;; A single half-width character that widens back to another
          ;; katakana is given to a character argument as a string.
          (let ((v (if (and (= (length h) 1)
                            (/= code (aref japan-util--halfwidth-kana-wide (- (aref h 0) #xff61))))
                       (list h)
                     h)))
            (push (cons code v) kana-to-half)
            (when (<= code #x30f3) (push (cons (- code #x60) v) kana-to-half)))
          (when (= (length h) 2)
            (push (cons h (string code)) voiced-pairs)))
        (setq code (1+ code))))
    (dolist (c '(#x309b #x309c #x30fb #x30fc))
      (push (cons c (string (if (< c #x30a0) (+ c (- #xff9e #x309b)) (if (= c #x30fb) #xff65 #xff70))))
            kana-to-half))
    (dolist (c (append (number-sequence #x30a1 #x30f3) '(#x30fd #x30fe)))
      (push (cons c (string (- c #x60))) kata-to-hira)
      (push (cons (- c #x60) (string c)) hira-to-kata))
    (push (cons #x30f4 "う゛") kata-to-hira)
    (dotimes (i (length japan-util--halfwidth-kana-wide))
      (push (cons (+ #xff61 i) (string (aref japan-util--halfwidth-kana-wide i))) half-to-kata))
    (dotimes (i (length japan-util--ascii-wide))
      (push (cons (+ #x20 i) (string (aref japan-util--ascii-wide i))) ascii-to-wide))
    (let ((s japan-util--narrowing-pairs) (i 0))
      (while (< i (length s))
        (push (cons (aref s i) (string (aref s (1+ i)))) wide-to-ascii)
        (setq i (+ i 2))))
    (setq punct-to-half (list (cons #x3001 "､") (cons #x3002 "｡") (cons #x300c "｢") (cons #x300d "｣")))
    (let* ((half-to-hira
            (delq nil (mapcar (lambda (e)
                                (let ((h (assq (aref (cdr e) 0) kata-to-hira)))
                                  (and h (cons (car e) (cdr h)))))
                              half-to-kata)))
           (half-to-kata-proper
            (delq nil (mapcar (lambda (e) (and (assq (aref (cdr e) 0) kata-to-hira) e))
                              half-to-kata)))
           (pair-table (lambda (al)
                         (let ((h (make-hash-table :test 'equal)))
                           (dolist (e al) (puthash (car e) (cdr e) h))
                           h))))
      (setq japan-util--maps
            (list :katakana (japan-util--table hira-to-kata)
                  :katakana-pairs (funcall pair-table '(("う゛" . "ヴ")))
                  :katakana-char (japan-util--table hira-to-kata half-to-kata-proper)
                  :katakana-half (japan-util--table kana-to-half)
                  :katakana-half-char (japan-util--table kana-to-half punct-to-half)
                  :hiragana (japan-util--table kata-to-hira half-to-hira)
                  :hiragana-pairs (funcall pair-table
                                           (mapcar (lambda (p)
                                                     (cons (car p)
                                                           (cdr (assq (aref (cdr p) 0) kata-to-hira))))
                                                   voiced-pairs))
                  :hankaku (japan-util--table kana-to-half punct-to-half wide-to-ascii)
                  :hankaku-ascii (japan-util--table wide-to-ascii)
                  :zenkaku (japan-util--table ascii-to-wide half-to-kata)
                  :zenkaku-kana (japan-util--table half-to-kata)
                  :zenkaku-pairs (funcall pair-table voiced-pairs))))))

(defun japan-util--map (key) "The conversion table named KEY, building the tables if needed."
  (unless japan-util--maps (japan-util--build))
  (plist-get japan-util--maps key))

(defun japan-util--rewrite (from to singles pairs) "Rewrite the text from FROM to TO by the table SINGLES, trying two-char PAIRS first."
  (save-excursion
    (let ((end (copy-marker (max from to))))
      (goto-char (min from to))
      (while (< (point) end)
        (let* ((here (point))
               (two (and pairs (< (1+ here) end)
                         (gethash (buffer-substring-no-properties here (+ here 2)) pairs)))
               (new (or two (gethash (char-after) singles))))
          (when (consp new) (setq new (car new)))
          (if (null new)
              (forward-char 1)
            (insert new)
            (delete-region (point) (+ (point) (if two 2 1))))))
      (set-marker end nil)))
  nil)

(defun japan-util--convert (obj singles pairs char-table) "Convert OBJ, a string or a character, by SINGLES and PAIRS; a character by CHAR-TABLE."
  (cond
   ((stringp obj)
    (with-temp-buffer
      (insert obj)
      (japan-util--rewrite (point-min) (point-max) singles pairs)
      (buffer-string)))
   ((not (fixnump obj)) (signal 'wrong-type-argument (list 'fixnump obj)))
   ((not (characterp obj)) (signal 'wrong-type-argument (list 'characterp obj)))
   (t (let ((new (gethash obj char-table)))
        (cond ((null new) obj)
              ((consp new) (car new))
              ((= (length new) 1) (aref new 0))
              (t new))))))

(defun japanese-katakana (obj &optional hankaku) "Return OBJ, a string or a character, with hiragana turned into katakana.
With HANKAKU non-nil the katakana are half-width ones, and full-width
katakana are narrowed too."
  (if hankaku
      (japan-util--convert obj (japan-util--map :katakana-half) nil
                           (japan-util--map :katakana-half-char))
    (japan-util--convert obj (japan-util--map :katakana) (japan-util--map :katakana-pairs)
                         (japan-util--map :katakana-char))))

(defun japanese-hiragana (obj) "Return OBJ, a string or a character, with katakana (of either width) turned into hiragana."
  (japan-util--convert obj (japan-util--map :hiragana) (japan-util--map :hiragana-pairs)
                       (japan-util--map :hiragana)))

(defun japanese-hankaku (obj &optional ascii-only) "Return OBJ, a string or a character, with full-width characters made half-width.
With ASCII-ONLY non-nil only the characters of ASCII's repertoire are
narrowed and kana stay as they are."
  (let ((table (japan-util--map (if ascii-only :hankaku-ascii :hankaku))))
    (japan-util--convert obj table nil table)))

(defun japanese-zenkaku (obj) "Return OBJ, a string or a character, with ASCII and half-width katakana made full-width."
  (let ((table (japan-util--map :zenkaku)))
    (japan-util--convert obj table (japan-util--map :zenkaku-pairs) table)))

(defun japanese-katakana-region (from to &optional hankaku) "Turn the hiragana between FROM and TO into katakana; half-width ones if HANKAKU."
  (interactive "r\nP")
  (if hankaku
      (japan-util--rewrite from to (japan-util--map :katakana-half) nil)
    (japan-util--rewrite from to (japan-util--map :katakana) (japan-util--map :katakana-pairs))))

(defun japanese-hiragana-region (from to) "Turn the katakana of either width between FROM and TO into hiragana."
  (interactive "r")
  (japan-util--rewrite from to (japan-util--map :hiragana) (japan-util--map :hiragana-pairs)))

(defun japanese-hankaku-region (from to &optional ascii-only) "Make the full-width characters between FROM and TO half-width.
With ASCII-ONLY non-nil leave kana alone."
  (interactive "r\nP")
  (japan-util--rewrite from to (japan-util--map (if ascii-only :hankaku-ascii :hankaku)) nil))

(defun japanese-zenkaku-region (from to &optional katakana-only) "Make ASCII and half-width katakana between FROM and TO full-width.
With KATAKANA-ONLY non-nil only the katakana are widened."
  (interactive "r\nP")
  (japan-util--rewrite from to (japan-util--map (if katakana-only :zenkaku-kana :zenkaku))
                       (japan-util--map :zenkaku-pairs)))

(defun read-hiragana-string (prompt &optional initial-input) "Read a string in the minibuffer with PROMPT, meant to be typed in hiragana.
INITIAL-INPUT is the text the minibuffer starts with."
  (read-multilingual-string prompt initial-input "japanese-hiragana"))

(defun setup-japanese-environment-internal () "Set up what the Japanese language environment needs: CJK character widths."
  (use-cjk-char-width-table 'ja_JP))

(provide 'japan-util)

;;; japan-util.el ends here
