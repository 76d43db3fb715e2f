;; The special-uppercase, special-lowercase and special-titlecase character properties.
;; Every char with a special casing lies below #x2000 or in #xFB00..#xFB20 (checked against GNU over all chars).
(mapcar (lambda (c) (list c (get-char-code-property c 'special-uppercase) (get-char-code-property c 'special-lowercase)
                          (get-char-code-property c 'special-titlecase)))
        '(?A ?a ?Ł ?ł ?Ǆ ?ǅ ?ǆ ?Σ ?σ ?ς ?ⅷ ?Ⅷ ?ﬁ ?ß ?İ ?ŉ ?ǰ ?ΐ ?ᾀ ?ᾈ ?ᾳ ?ᾼ ?ﬓ ?և))
(let (r) (dolist (k (append (number-sequence 0 #x2000) (number-sequence #xfb00 #xfb20))) (let ((v (get-char-code-property k 'special-uppercase))) (when v (push (cons k v) r)))) (nreverse r))
(let (r) (dolist (k (append (number-sequence 0 #x2000) (number-sequence #xfb00 #xfb20))) (let ((v (get-char-code-property k 'special-lowercase))) (when v (push (cons k v) r)))) (nreverse r))
(let (r) (dolist (k (append (number-sequence 0 #x2000) (number-sequence #xfb00 #xfb20))) (let ((v (get-char-code-property k 'special-titlecase))) (when v (push (cons k v) r)))) (nreverse r))
(multibyte-string-p (get-char-code-property ?ß 'special-uppercase))
(list (upcase "ß") (upcase "ﬁsh") (capitalize "ﬁsh") (downcase "İ") (upcase-initials "ßa"))
