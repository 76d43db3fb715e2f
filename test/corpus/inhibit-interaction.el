;; inhibit-interaction: the event readers signal inhibited-interaction before reading anything, even with events waiting in unread-command-events.
(condition-case e (let ((inhibit-interaction t)) (read-char "foo: ")) (error e))
(condition-case e (let ((inhibit-interaction t)) (read-event "foo: ")) (error e))
(condition-case e (let ((inhibit-interaction t)) (read-char-exclusive "foo: ")) (error e))
(let ((unread-command-events (list ?a))) (list (condition-case e (let ((inhibit-interaction t)) (read-char)) (error e)) unread-command-events))
(let ((unread-command-events (list ?b ?c))) (list (read-char) (read-event) unread-command-events))
(list (special-variable-p 'inhibit-interaction) inhibit-interaction (get 'inhibited-interaction 'error-message))
