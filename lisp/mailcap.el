;;; mailcap.el --- file name extensions to MIME types  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (issue 10).
;; Only the part the URL library needs: which MIME type a file name
;; extension stands for, from a built-in table and the system's
;; mime.types files (read the first time one is looked up).

;;; Code:

(defconst mailcap--builtin-types
  ;; (TYPE EXTENSION...), extensions without their dot, in lookup order.
  '(
    (text/plain "" "1" "3" "8") (audio/x-mpeg "abs") (audio/aiff "aif" "aifc" "aiff")
    (application/x-annotator "ano") (audio/ulaw "au") (video/x-msvideo "avi")
    (application/x-bcpio "bcpio") (application/octet-stream "bin") (application/x-netcdr "cdf")
    (application/x-cpio "cpio") (application/x-csh "csh") (text/css "css")
    (application/x-dvi "dvi") (text/x-patch "diff" "dpatch") (application/emacs-lisp "el")
    (application/postscript "eps") (text/x-setext "etx") (application/octet-stream "exe")
    (image/x-fax "fax") (image/gif "gif") (application/x-hdf "hdf")
    (application/mac-binhex40 "hqx") (text/html "htm" "html") (image/x-icon "icon")
    (image/ief "ief") (image/jpeg "jpg") (image/x-macpaint "macp") (application/x-troff-man "man")
    (application/x-troff-me "me") (application/mif "mif") (video/quicktime "mov")
    (video/x-sgi-movie "movie") (audio/x-mpeg "mp2" "mp3") (audio/x-mpeg2 "mp2a")
    (audio/x-mpeg "mpa") (audio/x-mpeg2 "mpa2") (video/mpeg "mpe" "mpeg") (audio/x-mpeg "mpega")
    (video/mpeg "mpegv" "mpg" "mpv") (application/x-troff-ms "ms") (application/x-netcdf "nc" "nc")
    (application/oda "oda") (text/x-patch "patch") (image/x-portable-bitmap "pbm")
    (application/pdf "pdf") (image/portable-graymap "pgm") (image/pict "pict") (image/png "png")
    (image/x-portable-anymap "pnm") (text/plain "pod") (image/portable-pixmap "ppm")
    (application/postscript "ps") (video/quicktime "qt") (image/x-raster "ras") (image/x-rgb "rgb")
    (application/rtf "rtf") (text/richtext "rtx") (application/x-sh "sh")
    (application/x-stuffit "sit") (application/sieve "siv") (audio/basic "snd") (text/dns "soa")
    (application/x-wais-source "src") (archive/tar "tar") (application/x-tcl "tcl")
    (application/x-tex "tex") (application/texinfo "texi") (image/x-targa "tga")
    (image/tiff "tif" "tiff") (application/x-troff "tr" "troff") (text/tab-separated-values "tsv")
    (text/plain "txt") (video/mpeg "vbs") (audio/basic "vox") (x-world/x-vrml "vrml")
    (audio/x-wav "wav") (application/vnd.ms-excel "xls") (x-world/x-vrml "wrl") (image/xbm "xbm")
    (image/xpm "xpm") (image/windowdump "xwd") (application/zip "zip")
    (application/postscript "ai") (image/jpeg "jpe" "jpeg") (text/x-org "org"))
  "The MIME types tsmacs knows without reading a mime.types file.")

(defvar mailcap-mime-extensions
  (let ((alist ()))
    (dolist (row mailcap--builtin-types (nreverse alist))
      (dolist (ext (cdr row))
        (push (cons (if (equal ext "") "" (concat "." ext)) (symbol-name (car row))) alist))))
  "An alist of (EXTENSION . MIME-TYPE); the first entry for an extension counts.")

(defvar mailcap-mimetypes-parsed-p nil "Non-nil once the mime.types files have been read.")

(defconst mailcap--mimetypes-files
  '("~/.mime-types" "/etc/mime.types" "/usr/etc/mime-types" "/usr/local/etc/mime-types"
    "/usr/local/www/conf/mime-types")
  "The mime.types files read when $MIMETYPES does not name others.")

(defun mailcap--read-mimetypes-file (file) "Put the extensions of the mime.types FILE in front of `mailcap-mime-extensions'."
  (let ((lines (with-temp-buffer (insert-file-contents file) (split-string (buffer-string) "\n"))))
    (dolist (line lines)
      (unless (string-match-p "\\`[ \t]*\\(#\\|\\'\\)" line)
        (let ((words (split-string line "[ \t]+" t)))
          (dolist (ext (cdr words))
            (push (cons (concat "." ext) (car words)) mailcap-mime-extensions)))))))

(defun mailcap-parse-mimetypes (&optional path force) "Read the mime.types files on PATH (a colon-separated string) into `mailcap-mime-extensions'.
PATH defaults to $MIMETYPES, else the usual places.  Nothing is read a
second time unless FORCE."
  (when (or force (not mailcap-mimetypes-parsed-p))
    (let ((files (cond (path (split-string path path-separator t))
                       ((getenv "MIMETYPES") (split-string (getenv "MIMETYPES") path-separator t))
                       (t mailcap--mimetypes-files))))
      (dolist (file files)
        (let ((name (expand-file-name file)))
          (when (and (file-readable-p name) (not (file-directory-p name)))
            (mailcap--read-mimetypes-file name)))))
    (setq mailcap-mimetypes-parsed-p t)))

(defun mailcap-extension-to-mime (extn) "The MIME type of the file name extension EXTN (\".txt\" or \"txt\"), or nil."
  (let ((key (downcase (if (string-prefix-p "." extn) extn (concat "." extn)))))
    (unless mailcap-mimetypes-parsed-p (mailcap-parse-mimetypes))
    (and (> (length key) 1) (cdr (assoc key mailcap-mime-extensions)))))

(provide 'mailcap)

;;; mailcap.el ends here
