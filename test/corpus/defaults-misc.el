;; Start-up defaults found different from GNU 28.2 by comparing every bound variable, and locate-file's access-mode predicates.
exec-suffixes
(default-value 'buffer-file-coding-system)
(with-temp-buffer buffer-file-coding-system)
(list (locate-file "passwd" '("/etc") nil 4) (locate-file "passwd" '("/etc") nil 1) (locate-file "passwd" '("/etc") nil 0) (locate-file "passwd" '("/etc") nil 'writable) (locate-file "passwd" '("/etc") nil '(readable exists)))
(list (locate-file "sh" '("/bin" "/usr/bin") exec-suffixes 1) (locate-file "sh" '("/bin") nil 'executable))
