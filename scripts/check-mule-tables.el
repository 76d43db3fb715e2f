;;; check-mule-tables.el --- whole-table checks of the CJK charsets and coding systems  -*- lexical-binding: t -*-

;; Prints one line per check: a name and the MD5 of everything it computed,
;; so the output of GNU Emacs 28.2 and of tsmacs can be compared line by line
;; (scripts/check-mule-tables.sh does that).  Each charset: `decode-char' over
;; every code of its code space, and `encode-char' of every character that
;; gave.  Each coding system: every two-byte sequence of its lead and trail
;; ranges decoded in one string (with the charset text properties), and every
;; character of the charsets it names encoded in one string.

(defvar cmt-charsets
  '(chinese-gb2312 chinese-gbk big5 japanese-jisx0208 japanese-jisx0208-1978
    japanese-jisx0212 japanese-jisx0213-1 japanese-jisx0213-2 japanese-jisx0213-a
    cp932-2-byte korean-ksc5601 cp949-2-byte gb18030-2-byte gb18030-4-byte-bmp
    big5-hkscs chinese-cns11643-1 chinese-cns11643-2 chinese-cns11643-3
    chinese-cns11643-4 chinese-cns11643-5 chinese-cns11643-6 chinese-cns11643-7
    chinese-big5-1 chinese-big5-2 katakana-jisx0201 latin-jisx0201 katakana-sjis)
  "The charsets checked whole.")

(defun cmt-codes (cs) "Every code of charset CS, lowest byte varying fastest."
  (let* ((space (plist-get (charset-plist cs) :code-space))
         (dim (charset-dimension cs)) (codes (list 0)) (b (1- dim)))
    (while (>= b 0)
      (let ((lo (aref space (* 2 b))) (hi (aref space (1+ (* 2 b)))) (next nil))
        (dolist (c codes)
          (let ((v lo)) (while (<= v hi) (push (+ (* c 256) v) next) (setq v (1+ v)))))
        (setq codes (nreverse next)))
      (setq b (1- b)))
    codes))

(defun cmt-line (name data) "Print NAME and the MD5 of DATA printed."
  (princ (format "%s %s\n" name (md5 (prin1-to-string data)))))

(dolist (cs cmt-charsets)
  (let ((dec nil) (enc nil))
    (dolist (code (cmt-codes cs))
      (let ((c (decode-char cs code)))
        (push c dec)
        (when c (push (encode-char c cs) enc))))
    (cmt-line (format "decode-char:%s" cs) dec)
    (cmt-line (format "encode-char:%s" cs) enc)))

(defun cmt-pairs (leads trails) "A unibyte string of every pair of a byte of LEADS and one of TRAILS, (LO . HI) ranges."
  (let ((out nil))
    (let ((a (car leads)))
      (while (<= a (cdr leads))
        (let ((b (car trails)))
          (while (<= b (cdr trails)) (push b out) (push a out) (setq b (1+ b))))
        (setq a (1+ a))))
    (apply #'unibyte-string (nreverse out))))

(dolist (spec '((japanese-iso-8bit (#xa1 . #xfe) (#xa1 . #xfe))
                (japanese-shift-jis (#x81 . #xfc) (#x40 . #xfc))
                (cp932 (#x81 . #xfc) (#x40 . #xfc))
                (chinese-big5 (#xa1 . #xfe) (#x40 . #xfe))
                (chinese-iso-8bit (#xa1 . #xfe) (#xa1 . #xfe))
                (chinese-gbk (#x81 . #xfe) (#x40 . #xfe))
                (gb18030 (#x81 . #xfe) (#x40 . #xfe))
                (korean-iso-8bit (#xa1 . #xfe) (#xa1 . #xfe))
                (cp949 (#x81 . #xfe) (#x41 . #xfe))
                (utf-16be (#x00 . #xff) (#x00 . #xff))))
  (let* ((cs (car spec))
         (s (decode-coding-string (cmt-pairs (nth 1 spec) (nth 2 spec)) cs)))
    ;; Without text properties: over text this long, GNU decodes in chunks and a run of the
    ;; `charset' property breaks at each chunk's end (the corpus checks the property).
    (cmt-line (format "decode-coding-string:%s" cs) (list (substring-no-properties s) last-coding-system-used))))

(dolist (spec '((japanese-iso-8bit japanese-jisx0208 japanese-jisx0212 katakana-jisx0201)
                (japanese-shift-jis japanese-jisx0208 katakana-jisx0201)
                (cp932 cp932-2-byte)
                (iso-2022-jp japanese-jisx0208 latin-jisx0201)
                (chinese-big5 big5)
                (chinese-iso-8bit chinese-gb2312)
                (chinese-gbk chinese-gbk)
                (gb18030 gb18030-2-byte gb18030-4-byte-bmp)
                (korean-iso-8bit korean-ksc5601)
                (cp949 cp949-2-byte)
                (utf-16 japanese-jisx0208 chinese-gbk)
                (utf-7 japanese-jisx0208)))
  (let ((chars nil))
    (dolist (charset (cdr spec))
      (dolist (code (cmt-codes charset))
        (let ((c (decode-char charset code))) (when c (push c chars)))))
    (let ((s (encode-coding-string (apply #'string (nreverse chars)) (car spec))))
      (cmt-line (format "encode-coding-string:%s" (car spec)) s))))
