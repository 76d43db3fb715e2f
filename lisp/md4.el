;;; md4.el --- the MD4 message digest (RFC 1320)  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; The public helpers keep a 32-bit word as (HIGH . LOW), two 16-bit halves,
;; as GNU's do; the rounds themselves work on plain integers.

;;; Code:

(defvar md4-buffer (make-vector 4 '(0 . 0)) "The four words of the MD4 state, each (HIGH . LOW), as the last digest left them.")

(defun md4--word (pair) "The integer of the (HIGH . LOW) PAIR." (logior (ash (car pair) 16) (cdr pair)))

(defun md4--pair (word) "The (HIGH . LOW) pair of the 32-bit integer WORD." (cons (logand (ash word -16) #xffff) (logand word #xffff)))

(defun md4-add (x y) "The sum modulo 2^32 of the (HIGH . LOW) words X and Y."
  (md4--pair (logand (+ (md4--word x) (md4--word y)) #xffffffff)))

(defun md4-and (x y) "The bitwise and of the (HIGH . LOW) words X and Y."
  (cons (logand (car x) (car y)) (logand (cdr x) (cdr y))))

(defun md4-pack-int16 (int16) "The two bytes of the integer INT16, least significant first, as a unibyte string."
  (unibyte-string (logand int16 255) (logand (ash int16 -8) 255)))

(defun md4-pack-int32 (int32) "The four bytes of the (HIGH . LOW) word INT32, least significant first, as a unibyte string."
  (concat (md4-pack-int16 (cdr int32)) (md4-pack-int16 (car int32))))

(defun md4-unpack-int16 (str) "The integer of the two bytes of STR, least significant first."
  (unless (= (length str) 2) (error "%s is not 2 bytes long" str))
  (logior (aref str 0) (ash (aref str 1) 8)))

(defun md4-unpack-int32 (str) "The (HIGH . LOW) word of the four bytes of STR, least significant first."
  (unless (= (length str) 4) (error "%s is not 4 bytes long" str))
  (cons (logior (aref str 2) (ash (aref str 3) 8)) (logior (aref str 0) (ash (aref str 1) 8))))

(defun md4-copy64 (seq) "The sixteen (HIGH . LOW) little-endian words of the first 64 bytes of SEQ, as a vector."
  (let ((words (make-vector 16 nil)))
    (dotimes (j 16 words)
      (let* ((k (* 4 j))
             (high (logior (aref seq (+ k 2)) (ash (aref seq (+ k 3)) 8)))
             (low (logior (aref seq k) (ash (aref seq (+ k 1)) 8))))
        (aset words j (cons high low))))))

(defun md4--rotl (x n) "The 32-bit X rotated left by N bits."
  (logand (logior (ash x n) (ash x (- n 32))) #xffffffff))

(defun md4--rounds (state block) "STATE (a vector of four integers) after the three MD4 rounds over BLOCK, sixteen integers."
  (let ((a (aref state 0)) (b (aref state 1)) (c (aref state 2)) (d (aref state 3)))
    (dolist (round '((0 0 (3 7 11 19) (0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15))
                     (1 #x5a827999 (3 5 9 13) (0 4 8 12 1 5 9 13 2 6 10 14 3 7 11 15))
                     (2 #x6ed9eba1 (3 9 11 15) (0 8 4 12 2 10 6 14 1 9 5 13 3 11 7 15))))
      (let ((kind (nth 0 round)) (extra (nth 1 round)) (shifts (nth 2 round)) (i 0))
        (dolist (k (nth 3 round))
          (let* ((mix (pcase kind
                        (0 (logior (logand b c) (logand (lognot b) d)))
                        (1 (logior (logand b c) (logand b d) (logand c d)))
                        (_ (logxor b c d))))
                 (sum (logand (+ a mix (aref block k) extra) #xffffffff))
                 (new (md4--rotl sum (nth (% i 4) shifts))))
            ;; Rotate the roles: the word just made becomes the last of the four.
            (setq a d d c c b b new)
            (setq i (1+ i))))))
    ;; After sixteen steps the roles are back where they started, shifted by none.
    (vector (logand (+ (aref state 0) a) #xffffffff) (logand (+ (aref state 1) b) #xffffffff)
            (logand (+ (aref state 2) c) #xffffffff) (logand (+ (aref state 3) d) #xffffffff))))

(defun md4-64 (m) "Run the MD4 rounds over M, sixteen (HIGH . LOW) words, and add the result into `md4-buffer'."
  (let* ((state (vconcat (mapcar #'md4--word md4-buffer)))
         (block (vconcat (mapcar #'md4--word m)))
         (next (md4--rounds state block)))
    (dotimes (i 4) (aset md4-buffer i (md4--pair (aref next i))))
    md4-buffer))

(defun md4 (in n) "The 16-byte MD4 digest, a unibyte string, of the first N bytes of IN (a string or vector)."
  (let ((bytes (make-vector n 0)))
    (dotimes (i n) (aset bytes i (aref in i)))
    (let* ((bits (* 8 n))
           (padded (vconcat bytes [128] (make-vector (mod (- 55 n) 64) 0)
                            (let ((len (make-vector 8 0)))
                              (dotimes (i 8 len) (aset len i (logand (ash bits (* -8 i)) 255)))))))
      (setq md4-buffer (vector (md4--pair #x67452301) (md4--pair #xefcdab89)
                               (md4--pair #x98badcfe) (md4--pair #x10325476)))
      (let ((offset 0))
        (while (< offset (length padded))
          (md4-64 (md4-copy64 (substring padded offset (+ offset 64))))
          (setq offset (+ offset 64))))
      (apply #'concat (mapcar #'md4-pack-int32 md4-buffer)))))

(provide 'md4)

;;; md4.el ends here
