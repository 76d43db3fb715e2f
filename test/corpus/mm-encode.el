;; The MIME type of a file to attach, from its name (mm-encode.el; issue 10).
(mapcar (lambda (f) (list (mm-default-file-type f) (mm-default-file-encoding f)))
        (list "/x/e.txt" "x.zzq" "x.txt2" "x.png" "x.html" "x.el" "x" "E.TXT" "x.gz" "x.pdf" "x.c"
              "dir.d/x" ".emacs" "a." "a.b.txt" "A.PNG" ""))
(get 'mm-default-file-encoding 'byte-obsolete-info)
(car (condition-case e (mm-default-file-type nil) (error e)))
