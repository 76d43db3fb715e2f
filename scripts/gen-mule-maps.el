;;; gen-mule-maps.el --- record GNU Emacs 28.2's multi-byte charset maps  -*- lexical-binding: t -*-

;; Run: LANG=C.UTF-8 emacs -Q --batch -l scripts/gen-mule-maps.el > etc/mule-maps.txt
;;
;; Writes, for each charset named below, what `decode-char' gives over every
;; code of its code space, and where `encode-char' does not simply invert that.
;; The file is read by src/emacs/mule-maps.ts the first time a charset's map is
;; needed.  Line format, one charset per line:
;;
;;   NAME SPACE TEXT
;;
;; SPACE is the code space, the lowest and highest value of each byte of a
;; code separated by commas, lowest byte first.  TEXT holds one entry per code, codes in order (the first byte of a code
;; varying fastest over its range, then the second, as the code space lists
;; them).  An entry is the decoded character itself, or a run of codes that
;; decode to nothing of their own, written U+0001 then the run length in
;; decimal and a `;'.  For a charset with a code offset, "nothing of its own"
;; means the character is the offset one (no Unicode unification); for a
;; charset given by a map, that the code has no character.
;;
;; Lines "=NAME C1 CODE1 C2 CODE2 ..." (hexadecimal) list the characters whose
;; `encode-char' is not the first code that decodes to them, CODE "-" for nil.

(defconst gmm-charsets
  '(chinese-gb2312 chinese-gbk big5 japanese-jisx0208 japanese-jisx0208-1978
    japanese-jisx0212 japanese-jisx0213-1 japanese-jisx0213-2 japanese-jisx0213-a
    cp932-2-byte korean-ksc5601 cp949-2-byte gb18030-2-byte gb18030-4-byte-bmp
    big5-hkscs chinese-cns11643-1 chinese-cns11643-2 chinese-cns11643-3
    chinese-cns11643-4 chinese-cns11643-5 chinese-cns11643-6 chinese-cns11643-7
    chinese-big5-1 chinese-big5-2)
  "The charsets whose maps are recorded.")

(defun gmm-codes (cs) "Every code of charset CS's code space, in order."
  (let* ((space (plist-get (charset-plist cs) :code-space))
         (dim (charset-dimension cs))
         (codes (list 0)))
    ;; Highest byte outermost: build from the top byte down.
    (let ((b (1- dim)))
      (while (>= b 0)
        (let ((lo (aref space (* 2 b))) (hi (aref space (1+ (* 2 b)))) (next nil))
          (dolist (c codes)
            (let ((v lo)) (while (<= v hi) (push (+ (* c 256) v) next) (setq v (1+ v)))))
          (setq codes (nreverse next)))
        (setq b (1- b))))
    codes))

(defun gmm-own (cs code) "The character CODE of CS decodes to when it is not its offset character, else nil."
  (let ((c (decode-char cs code)) (off (plist-get (charset-plist cs) :code-offset)))
    (and c (not (and off (>= c #x110000))) c)))

(let ((coding-system-for-write 'utf-8-unix))
  (dolist (cs gmm-charsets)
    (let ((first (make-hash-table)) (gap 0) (parts nil) (exc nil))
      (dolist (code (gmm-codes cs))
        (let ((c (gmm-own cs code)))
          (if (null c) (setq gap (1+ gap))
            (when (> gap 0) (push (format "\1%d;" gap) parts) (setq gap 0))
            (push (string c) parts)
            (unless (gethash c first) (puthash c code first)))))
      (when (> gap 0) (push (format "\1%d;" gap) parts))
      (princ (format "%s %s %s\n" cs (mapconcat #'number-to-string (plist-get (charset-plist cs) :code-space) ",")
                     (apply #'concat (nreverse parts))))
      (let ((c #x80))
        (while (< c #x30000)
          (let ((e (encode-char c cs)) (want (gethash c first)))
            (unless (eql e want)
              (push (format " %x %s" c (if e (format "%x" e) "-")) exc)))
          (setq c (1+ c))))
      (when exc (princ (format "=%s%s\n" cs (apply #'concat (nreverse exc))))))))
