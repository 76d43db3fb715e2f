;; The features GNU's preloaded files and C code provide at start, and requiring them by name.
(mapcar (lambda (f) (cons f (and (featurep f) t))) '(emacs simple files regexp-opt backquote macroexp syntax text-mode obarray base64 md5 sha1 hashtable-print-readable lisp-float-type text-properties lcms2 case-table cl-generic cl-preloaded nadvice timer button abbrev lisp-mode elisp-mode mule jka-cmpr-hook leim-list custom cus-face env))
(mapcar (lambda (f) (condition-case e (require f) (error (car e)))) '(simple files regexp-opt backquote macroexp syntax text-mode obarray base64 md5 newcomment))
(list (featurep 'newcomment) (fboundp 'comment-region) (boundp 'comment-start) (special-variable-p 'comment-start))
;; The file name handlers at start, in GNU's order.
(mapcar #'cdr file-name-handler-alist)
