;;; url-vars.el --- the URL library's settings and per-buffer state  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (issue 10).

;;; Code:

(defgroup url nil "Retrieving documents named by URLs." :group 'comm :prefix "url-")

(defcustom url-configuration-directory (locate-user-emacs-file "url/" ".url/") "Where the URL library keeps its files (cookies, history, cache)."
  :group 'url :type 'directory)

(defcustom url-automatic-caching nil "Non-nil stores every retrieved document in the cache." :type 'boolean :group 'url)

(defcustom url-standalone-mode nil "Non-nil means work offline: documents come from the cache only." :type 'boolean :group 'url)

(defvar-local url-current-object nil "The `url' structure of the document in this buffer.")


(defvar url-asynchronous t "Non-nil while a retrieval may finish after `url-retrieve' returns; nil in `url-retrieve-synchronously'.")

(provide 'url-vars)

;;; url-vars.el ends here
