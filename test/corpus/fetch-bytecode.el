;; fetch-bytecode: every object comes back as it is (no compiled function is left lazily in its file).
(fetch-bytecode 3)
(fetch-bytecode "s")
(fetch-bytecode nil)
(let ((f (byte-compile (lambda (x) (* x 2))))) (list (eq (fetch-bytecode f) f) (funcall (fetch-bytecode f) 4)))
(let ((l '(lambda (x) x))) (eq (fetch-bytecode l) l))
(func-arity 'fetch-bytecode)
(condition-case e (fetch-bytecode) (error e))
