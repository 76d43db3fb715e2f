;; Start-up defaults found different from GNU 28.2 by comparing every bound variable, and locate-file's access-mode predicates.
exec-suffixes
(default-value 'buffer-file-coding-system)
(with-temp-buffer buffer-file-coding-system)
(list (locate-file "passwd" '("/etc") nil 4) (locate-file "passwd" '("/etc") nil 1) (locate-file "passwd" '("/etc") nil 0) (locate-file "passwd" '("/etc") nil 'writable) (locate-file "passwd" '("/etc") nil '(readable exists)))
(list (locate-file "sh" '("/bin" "/usr/bin") exec-suffixes 1) (locate-file "sh" '("/bin") nil 'executable))
(list (progn (set-default-coding-systems 'utf-8) (default-value 'buffer-file-coding-system)) (progn (set-default-coding-systems 'latin-1) (default-value 'buffer-file-coding-system)) (progn (set-default-coding-systems 'latin-1-dos) (default-value 'buffer-file-coding-system)) (progn (prefer-coding-system 'latin-1-mac) (default-value 'buffer-file-coding-system)) (progn (prefer-coding-system 'utf-8-dos) (default-value 'buffer-file-coding-system)) (progn (prefer-coding-system 'utf-8) (default-value 'buffer-file-coding-system)) (progn (set-default-coding-systems 'utf-8-unix) (default-value 'buffer-file-coding-system)))
