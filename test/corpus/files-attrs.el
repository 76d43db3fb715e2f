;; file-extended-attributes, set-file-extended-attributes, files--transform-file-name.
(let ((f (make-temp-file "lc5x"))) (unwind-protect (progn (set-file-modes f #o600) (file-extended-attributes f)) (delete-file f)))
(file-extended-attributes "/lc5/none")
(let ((f (make-temp-file "lc5x"))) (unwind-protect (list (set-file-extended-attributes f '((acl . "user::rwx\ngroup::---\nother::---\n"))) (file-modes f) (set-file-extended-attributes f '((selinux-context nil nil nil nil))) (set-file-extended-attributes f nil) (set-file-extended-attributes f '((foo . 1))) (set-file-extended-attributes f (list (cons 'acl "user::r--\ngroup::r--\nother::r--\n") (list 'selinux-context nil nil nil nil))) (file-modes f)) (delete-file f)))
(let ((f (make-temp-file "lc5x")) (g (make-temp-file "lc5y"))) (unwind-protect (progn (set-file-modes f #o640) (set-file-extended-attributes g (file-extended-attributes f)) (file-modes g)) (delete-file f) (delete-file g)))
(list (files--transform-file-name "/tmp/foo" '(("\\`/tmp/\\(.*\\)" "/var/\\1")) "x-" nil) (files--transform-file-name "/tmp/foo" '(("\\`/tmp/\\(.*\\)" "/var/\\1" t)) "x-" nil) (files--transform-file-name "/tmp/foo" nil "x-" ".y") (files--transform-file-name "/tmp/foo" '(("\\`/tmp/\\(.*\\)" "/var/\\1")) "x-" ".y"))
(list (files--transform-file-name "/a/b/c.txt" '(("\\`/zz/" "/q/") (".*/\\([^/]*\\)\\'" "/tmp/\\1" t)) "#" "#") (files--transform-file-name "/a/b/c.txt" '((".*" "/save/" t)) "" "") (files--transform-file-name "/a/b/c.txt" '((".*/" "/save/")) ".#" ""))
(files--transform-file-name "/a/b/c.txt" '((".*" "/save/" "sha1")) "" "")
(files--transform-file-name "/a/b/c.txt" '((".*" "/save/" "md5")) "p" "s")
