;; The special-uppercase, special-lowercase and special-titlecase character properties.
(mapcar (lambda (c) (list c (get-char-code-property c 'special-uppercase) (get-char-code-property c 'special-lowercase)
                          (get-char-code-property c 'special-titlecase)))
        '(?A ?a ?Ł ?ł ?Ǆ ?ǅ ?ǆ ?Σ ?σ ?ς ?ⅷ ?Ⅷ ?ﬁ ?ß ?İ ?ŉ ?ǰ ?ΐ ?ᾀ ?ᾈ ?ᾳ ?ᾼ ?ﬓ ?և))
(let (r) (dotimes (k #x20000) (let ((v (get-char-code-property k 'special-uppercase))) (when v (push (cons k v) r)))) (nreverse r))
(let (r) (dotimes (k #x20000) (let ((v (get-char-code-property k 'special-lowercase))) (when v (push (cons k v) r)))) (nreverse r))
(let (r) (dotimes (k #x20000) (let ((v (get-char-code-property k 'special-titlecase))) (when v (push (cons k v) r)))) (nreverse r))
(multibyte-string-p (get-char-code-property ?ß 'special-uppercase))
(list (upcase "ß") (upcase "ﬁsh") (capitalize "ﬁsh") (downcase "İ") (upcase-initials "ßa"))
