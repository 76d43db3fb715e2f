;; URLs as structures: url-generic-parse-url, url-recreate-url, ports, url-expand-file-name,
;; url-normalize-url and url-truncate-url-for-viewing (issue 10).
(require 'url-parse)
(require 'url-expand)
(mapcar #'url-generic-parse-url
        '("http://example.com/a/b?q=1#frag" "https://user:pw@Example.COM:8443/x" "ftp://ftp.gnu.org"
          "file:///etc/passwd" "/etc/passwd" "mailto:foo@bar.com" "data:text/plain,hello"
          "http://[::1]:80/" "//host/path" "foo" "" "http://a.b/c;d=e?x#y" "HTTP://X.Y" "file:/tmp/x"))
(mapcar #'url-generic-parse-url
        '("http://host:/p" "http://@host/" "http://u@host" "c:/foo" "http://host#f" "http://host?q"
          "a:b:c" "http://x/%20y" "http://u:@host" "http://:p@host" "http://a@b@host/x" "http://h:abc/p"
          "mailto:a#b" "x+y.z-1://h" "1x://h" "http:/x" "http:x" "http://h:8080" "http://[fe80::1]/p"
          "HTTP://U:P@H/X#Y" "#frag" "?q" "http://h/p#a#b" "http://h:08/" "http://\u00e9.com/\u00e9"))
(mapcar (lambda (u) (url-recreate-url (url-generic-parse-url u)))
        '("http://example.com/a/b?q=1#frag" "https://user:pw@Example.COM:8443/x" "http://[::1]:80/"
          "http://host:/p" "HTTP://U:P@H/X#Y" "http://h:08/" "http://u:@host" "mailto:a#b" "//host/path"))
(url-generic-parse-url nil)
(url-generic-parse-url 5)
(url-generic-parse-url 'x)
(url-recreate-url (url-parse-make-urlobj "http" "u" "p" "h" 80 "/f" "t" nil t))
(url-recreate-url (url-parse-make-urlobj "http" "u" "p" "h" 81 "/f" "t" nil t))
(url-recreate-url (url-parse-make-urlobj "http" nil nil "h" nil "f" nil nil nil))
(url-recreate-url (url-parse-make-urlobj "http" nil nil "h" nil "" nil '(("a" . "b")) t))
(url-recreate-url (url-parse-make-urlobj nil nil nil nil nil "/x" nil nil nil))
(url-recreate-url (url-parse-make-urlobj "http" nil "p" "h" nil "/" nil nil t))
(url-recreate-url (url-parse-make-urlobj "zz" nil nil "h" 80 "/" nil nil t))
(url-recreate-url (url-parse-make-urlobj "http" nil nil "::1" 80 "/" nil nil t))
(url-recreate-url (url-parse-make-urlobj "http" nil nil "h" "80" "/" nil nil t))
(mapcar (lambda (u) (url-port (url-generic-parse-url u)))
        '("http://h/" "https://h" "zz://h/" "ftp://h/" "file:///x" "mailto:a" "foo" "http://h:99/"))
(mapcar (lambda (s) (url-scheme-get-property s 'default-port))
        '("http" "https" "ftp" "file" "irc" "ldap" "imap" "news" "data" "zz"))
(mapcar (lambda (s) (url-scheme-get-property s 'asynchronous-p)) '("http" "file" "mailto" "zz"))
(url-path-and-query (url-generic-parse-url "http://h/p?q#f"))
(url-path-and-query (url-generic-parse-url "http://h/p"))
(list (url-port-if-non-default (url-generic-parse-url "http://h:80/p"))
      (url-port-if-non-default (url-generic-parse-url "http://h:81/p"))
      (url-port-if-non-default (url-generic-parse-url "http://h/p")))
(let ((o (url-generic-parse-url "http://h/x")))
  (list (url-p o) (url-p "x") (url-type o) (url-fullness o) (url-silent o) (url-use-cookies o)
        (url-asynchronous o) (url-attributes o)))
(mapcar (lambda (p) (condition-case e (apply #'url-expand-file-name p) (error e)))
        '(("../d" "http://h/a/b/c") ("./d" "http://h/a/b/c") ("/x" "http://h/a/b") ("//o/x" "http://h/a")
          ("?q" "http://h/a/b?z") ("#f" "http://h/a/b?z") ("" "http://h/a/b") ("g" "http://h/a/b")
          ("../../../../g" "http://h/a/b/c") ("http://x/y" "http://h/") ("a/./b/../c" "http://h/")
          ("mailto:x" "http://h/") ("g;x" "http://h/a/b;p?q") ("g?y" "http://h/a/b;p?q")
          ("d" "file:///tmp/x") ("x" nil) ("." "http://h/a/b/") (".." "http://h/a/b/") ("d" "ftp://h")
          ("/a/b/../c" "http://h")))
(mapcar (lambda (p) (condition-case e (apply #'url-expand-file-name p) (error e)))
        '(("HTTP://X/y/../z" "http://h/") ("g" "zz://h/a/b") ("g/" "http://h/a/b") ("../" "http://h/a/b/c")
          ("/./a" "http://h/") ("" "http://h/a/b#t") ("g" "http://h/a/b#t") ("?y" "http://h/a/b#t")
          ("g#s" "http://h/a/b") ("//g" "http://h/a") ("g" "http://u:p@h:81/a/b") ("g" "mailto:a@b")
          ("g" "/local/dir/x") ("g" "http://h") ("a/.." "http://h/x/") ("a/b/.." "http://h/x/")
          ("..." "http://h/x/") ("..g" "http://h/x/") ("g.." "http://h/x/") ("./g/." "http://h/x/y")
          ("g;x=1/../y" "http://h/b/c/d;p?q") ("http:g" "http://h/b/c/d;p?q") ("  g  " "http://h/x/")
          ("g\n" "http://h/x/")))
(car (condition-case e (url-expand-file-name (url-generic-parse-url "g") "http://h/") (error e)))
(let ((o (url-generic-parse-url "g"))) (url-default-expander o (url-generic-parse-url "http://h/a/b")) o)
(let ((o (url-generic-parse-url "g"))) (url-https-expand-file-name o (url-generic-parse-url "http://h/a/b")) o)
(let ((o (url-generic-parse-url "g"))) (url-identity-expander o (url-generic-parse-url "http://h/a/b")) o)
(let ((o (url-generic-parse-url "../g?x#y")))
  (list (url-default-expander o (url-generic-parse-url "http://u@h:81/a/b/c?q#z")) o))
(mapcar #'url-normalize-url
        '("http://WWW.GNU.org" "www.gnu.org" "gnu.org/x" "HTTP://h:80/" "http://h/a/../b" "ftp://x" ""
          "http://h#x" "/etc/x" "mailto:a"))
(let ((u "http://www.gnu.org/software/emacs/manual/html_node/elisp/index.html") (out ()))
  (dotimes (i 45) (push (url-truncate-url-for-viewing u (+ 25 i)) out))
  (nreverse out))
(let ((u "http://h/aaaaaaaaaa/bbbbbbbbbb/cccccccccc/dddddddddd/eeeeeeeeee") (out ()))
  (dotimes (i 50) (push (url-truncate-url-for-viewing u (+ 10 i)) out))
  (delete-dups (nreverse out)))
(mapcar (lambda (u) (url-truncate-url-for-viewing u (if (> (length u) 60) nil 20)))
        (list "http://h/a?q#tttttttttttttttttttttttttttttttt" "http://h/a/b#tttttttttttttttttttttttttttttttt"
              "http://h/aaaaaaaaaaaaaaaa/b?q" "http://h/a/b?qqqqqqqqqqqqqqqqqqqqqqqqqqqqqq"
              "http://h/aaaa/bbbb/cccc/dddd/#x" "ftp://h" "http://hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh"
              "foo/barrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr/baz" "/foo/barrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr/baz"
              (concat "http://h/" (make-string 70 ?a)) (concat "http://h/x/" (make-string 69 ?a))
              (concat "http://h/x/" (make-string 68 ?a)) "http://h/a//b/c/ddddddddddddddddddddddddd"
              "http://h/?qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq" "http://u:p@h:81/aaaa/bbbb/cccc/dddd?x=1#t"
              "mailto:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@bbbbbbbbbbbbbbbbbbb" "http://h/aaaa/bbbb/cccc/dddd/"))
(url-truncate-url-for-viewing nil 20)
