;; Issue 9's benchmark: 10,000 regexp searches over a 1 MB buffer of code and prose (1 line in 8 with non-ASCII), of the usual kinds.
;; Literal words, char classes, `^' anchors, alternations, symbol/word boundaries, a rare
;; backreference; case-folded (the default) and exact; forward and backward; from 10,000
;; start positions spread over the buffer, each search bounded to 64 KB.
(defconst bench-words
  ["lorem" "ipsum" "dolor" "sit" "amet" "consectetur" "adipiscing" "elit" "sed" "do" "eiusmod"
   "tempor" "incididunt" "ut" "labore" "et" "dolore" "magna" "aliqua" "Enim" "ad" "minim"
   "veniam" "quis" "nostrud" "exercitation" "ullamco" "laboris" "nisi" "aliquip" "ex" "ea"
   "commodo" "consequat" "Duis" "aute" "irure" "in" "reprehenderit" "voluptate" "velit" "esse"])

(defconst bench-patterns
  ;; (REGEXP CASE-FOLD BACKWARD)
  '(("consequat" t nil)
    ("reprehenderit voluptate" nil nil)
    ("[0-9]+" nil nil)
    ("^(defun \\([-a-z0-9]+\\) (\\([^)]*\\))" nil nil)
    ("\\(amet\\|elit\\|magna\\)" t nil)
    ("[[:upper:]][[:lower:]]+" nil nil)
    ("^;;+ \\(.*\\)$" nil t)
    ("\\_<\\(let\\*?\\|when\\|unless\\)\\_>" nil nil)
    ("\\bex\\b" t nil)
    ("\"[^\"\n]*\"" nil nil)
    ("ullamco laboris" t t)
    ("^[ \t]+(setq \\([a-z]+\\) " nil nil)
    ("caf[ée]\\|na[ïi]ve" t nil)
    ("\\(\\w\\)\\1" nil nil)
    ("[a-z]+ing\\b" nil nil)
    ("^$" nil nil)
    ("tempor\\s-+incididunt" t nil)
    ("(\\(?:car\\|cdr\\|cons\\) " nil t)
    ("#x[0-9a-f]+" t nil)
    ("zzyzx" t nil)))

(with-temp-buffer
  (let ((k 0) (nw (length bench-words)))
    (while (< (buffer-size) 1000000)
      (let ((w (aref bench-words (% k nw))) (v (aref bench-words (% (* k 7) nw))))
        (cond
         ((= (% k 10) 0) (insert (format "(defun bench-fn-%d (%s %s)\n" k w v)))
         ((= (% k 10) 9) (insert "\n"))
         ((= (% k 7) 3) (insert (format ";; %s %s %s, see `%s'.\n" v w (aref bench-words (% (* k 3) nw)) w)))
         ((= (% k 8) 5) (insert (format "  (message \"%s café %s\" (cons %d #x%x))\n" w v k k)))
         ((= (% k 8) 6) (insert (format "  (when (> %s %d) (let* ((%s (car %s))) %s))\n" w k v w v)))
         (t (insert (format "  (setq %s (+ %s %d)) ; %s %s %s naïve %s\n"
                            w v k (aref bench-words (% (* k 5) nw)) (aref bench-words (% (* k 11) nw))
                            (aref bench-words (% (* k 13) nw)) (aref bench-words (% (* k 17) nw)))))))
      (setq k (1+ k))))
  (let* ((size (buffer-size)) (n (length bench-patterns)) (hits 0) (sum 0) (groups 0) (i 0))
    (while (< i 10000)
      (let* ((p (nth (% i n) bench-patterns))
             (case-fold-search (nth 1 p))
             (start (1+ (% (* i 7919) size))))
        (goto-char start)
        (when (if (nth 2 p)
                  (re-search-backward (car p) (max (point-min) (- start 65536)) t)
                (re-search-forward (car p) (min (point-max) (+ start 65536)) t))
          (setq hits (1+ hits))
          (setq sum (% (+ sum (- (match-end 0) (match-beginning 0)) (% (match-beginning 0) 97)) 1000000))
          (when (match-beginning 1) (setq groups (1+ groups)))))
      (setq i (1+ i)))
    (princ (list hits sum groups size))))
