;; soundex.el: Knuth's Soundex codes.
(require 'soundex)
(mapcar (lambda (w) (soundex w)) '("a" "Tymczak" "Pfister" "Honeyman" "Ashcraft" "Robert" "Rupert" "Rubin" "Jackson" "O'Hara" "VanDeusen" "hello world" "123" "éclair" "Lee" "Gutierrez" "Washington" "Bb" "Ab" "Lloyd" "Lukasiewicz" "bbbbbbbb" "Aeiou" "Schmidt" "Burroughs" "Burrows" "Tymczakxyzqwerty" "ab-cd" "Ehwh" "Bwb" "Bab" "Bhb" "Sgt" "x" "a1b2" "zz" "Ghosh" "Hilbert" "Heilbronn" "Kant" "Ladd" "Lissajous" "Euler" "1abc" "ébc" "sbfpv"))
(soundex "")
(soundex 'foo)
(soundex nil)
soundex-alist
(mapcar #'soundex '("Euler" "Gauss" "Hilbert" "Knuth" "Lloyd" "Lukasiewicz" "Ellery" "Ghosh" "Heilbronn" "Kant" "Ladd" "Lissajous"))
(soundex "ẞtraße")
(soundex [?a ?b])
