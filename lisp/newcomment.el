;;; newcomment.el --- the name GNU's comment commands are required by  -*- lexical-binding: t -*-

;; Packages write (require 'newcomment): the commands themselves live in
;; comments.el, which this loads.

(require 'comments)

(provide 'newcomment)

;;; newcomment.el ends here
