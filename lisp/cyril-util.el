;;; cyril-util.el --- Cyrillic utilities  -*- lexical-binding: t -*-

;; Written for tsmacs.  The functions live in mule-compat.el; this file
;; gives `(require \='cyril-util)' something to load.

;;; Code:

(require 'mule-compat)

(provide 'cyril-util)

;;; cyril-util.el ends here
