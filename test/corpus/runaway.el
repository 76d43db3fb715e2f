;; Runaways: circular or huge Lisp data given to primitives must end in GNU's error, not loop.
;; error-message-string over a circular error (GNU's test/src/print-tests.el hung on this).
;; The error data is the tail where the cycle was seen, checked by its first elements: GNU 28.2
;; leaves the partial message in its print buffer after the signal (the next prin1-to-string
;; starts with it), so each case prints once to throw that away before returning.
(let ((c (list (quote file-error) 5))) (setcdr (cdr c) c) (put 'runaway-err2 'error-conditions c) (error-message-string (list 'runaway-err2 "m" 1)))
(let ((err (list 'error))) (setcdr err err) (condition-case e (error-message-string err) (error (prin1-to-string nil) (list (car e) (car (cadr e)) (cadr (cadr e)) (caddr (cadr e))))))
(let ((err (list 'error "a" 2))) (setcdr (cddr err) err) (condition-case e (error-message-string err) (error (prin1-to-string nil) (list (car e) (car (cadr e)) (cadr (cadr e)) (caddr (cadr e))))))
(let ((c (list 4 5))) (setcdr (cdr c) c) (condition-case e (error-message-string (cons 'error (cons "a" (cons 2 (cons 3 c))))) (error (prin1-to-string nil) (list (car e) (car (cadr e)) (cadr (cadr e)) (caddr (cadr e))))))
(let ((c (list 4 5))) (setcdr (cdr c) c) (condition-case e (error-message-string (cons 'wrong-type-argument c)) (error (prin1-to-string nil) (list (car e) (car (cadr e)) (cadr (cadr e)) (caddr (cadr e))))))
(let ((c (list 4 5))) (setcdr (cdr c) c) (condition-case e (error-message-string (cons 'file-error (cons "x" c))) (error (prin1-to-string nil) (list (car e) (car (cadr e)) (cadr (cadr e)) (caddr (cadr e))))))
(let ((c (list 4 5))) (setcdr (cdr c) c) (put 'runaway-err 'error-conditions c) (condition-case e (error-message-string (list 'runaway-err 1)) (error (prin1-to-string nil) (list (car e) (car (cadr e)) (cadr (cadr e)) (caddr (cadr e))))))
(let ((c (list 'error 5))) (setcdr (cdr c) c) (put 'runaway-err3 'error-conditions c) (put 'runaway-err3 'error-message "M") (condition-case e (error-message-string (list 'runaway-err3 "m" 1)) (error (prin1-to-string nil) (list (car e) (car (cadr e)) (cadr (cadr e)) (caddr (cadr e))))))
(prin1-to-string (list 1 "x"))
