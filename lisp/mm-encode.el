;;; mm-encode.el --- the MIME type of a file to attach  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (issue 10).
;; Only the guess of a file's MIME type from its name.

;;; Code:

(defun mm-default-file-type (file) "The MIME type FILE's name suggests, from its last \".EXT\" (see `mailcap-extension-to-mime').
A name with no extension is \"application/octet-stream\"; an unknown
extension gives nil."
  (let ((dot (string-match "\\.[^.]+\\'" file)))
    (if dot
        (mailcap-extension-to-mime (substring file dot))
      "application/octet-stream")))

;; The old name, obsolete since GNU 28.1.
(defalias 'mm-default-file-encoding #'mm-default-file-type)
(make-obsolete 'mm-default-file-encoding 'mm-default-file-type "28.1")

(provide 'mm-encode)

;;; mm-encode.el ends here
