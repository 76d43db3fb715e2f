;;; viet-util.el --- Vietnamese utilities  -*- lexical-binding: t -*-

;; Written for tsmacs.  The functions live in mule-compat.el; this file
;; gives `(require \='viet-util)' something to load.

;;; Code:

(require 'mule-compat)

(provide 'viet-util)

;;; viet-util.el ends here
