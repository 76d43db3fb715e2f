;; toggle-debug-on-error and toggle-debug-on-quit flip the options' default values.
(list (toggle-debug-on-error) debug-on-error (toggle-debug-on-error) debug-on-error (toggle-debug-on-quit) debug-on-quit (toggle-debug-on-quit) debug-on-quit)
(list (func-arity 'toggle-debug-on-quit) (interactive-form 'toggle-debug-on-quit) (commandp 'toggle-debug-on-error) (func-arity 'toggle-debug-on-error))
(list (let ((debug-on-error t)) (list (toggle-debug-on-error) debug-on-error (default-value 'debug-on-error))) debug-on-error)
(with-temp-buffer (setq-local debug-on-error 5) (prog1 (list (toggle-debug-on-error) debug-on-error (default-value 'debug-on-error)) (toggle-debug-on-error)))
