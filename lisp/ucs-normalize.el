;;; ucs-normalize.el --- Unicode normalization forms of strings and buffer text  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's observed behaviour (test/corpus/lib-ucs-normalize.el
;; pins it) and the Unicode normalization forms.  The conversion itself is the primitive
;; `tsmacs--ucs-normalize' (src/emacs/ucs-normalize.ts), which also carries the places where
;; GNU's tables depart from the Unicode algorithm.
;;
;; A region is rewritten piece by piece, only where the text changes: unchanged text keeps its
;; properties, and each changed piece is new text without properties, put after point and
;; after any marker at its start (as GNU does).

(defun ucs-normalize--rewrite (beg end form hfs) "Normalize the text from BEG to END to FORM, HFS+ style when HFS; return nil."
  (save-excursion
    (save-restriction
      ;; Narrowing checks BEG and END the way GNU reports bad ones.
      (narrow-to-region beg end)
      (let ((base (point-min)))
        ;; The changes come last first, so earlier positions stay valid as we go.
        (dolist (change (tsmacs--ucs-normalize
                         (buffer-substring-no-properties base (point-max)) form hfs))
          (goto-char (+ base (car change)))
          (delete-region (point) (+ base (cadr change)))
          (insert (nth 2 change))))))
  nil)

(defun ucs-normalize--in-temp-buffer (str form hfs) "Return STR normalized to FORM (HFS+ style when HFS), going through a buffer as GNU does."
  (with-temp-buffer
    (insert str)
    (ucs-normalize--rewrite (point-min) (point-max) form hfs)
    (buffer-string)))

(defmacro ucs-normalize--define (suffix form hfs) "Define the region command and the string function of the normalization SUFFIX (FORM, HFS)."
  (let ((region (intern (format "ucs-normalize-%s-region" suffix)))
        (string (intern (format "ucs-normalize-%s-string" suffix))))
    `(progn
       (defun ,region (from to)
         ,(format "Convert the text between FROM and TO to Unicode normalization form %s." suffix)
         (interactive "r")
         (ucs-normalize--rewrite from to ',form ,hfs))
       (defun ,string (str)
         ,(format "Return a copy of STR converted to Unicode normalization form %s." suffix)
         (ucs-normalize--in-temp-buffer str ',form ,hfs)))))

(ucs-normalize--define "NFD" nfd nil)
(ucs-normalize--define "NFC" nfc nil)
(ucs-normalize--define "NFKD" nfkd nil)
(ucs-normalize--define "NFKC" nfkc nil)
(ucs-normalize--define "HFS-NFD" nfd t)
(ucs-normalize--define "HFS-NFC" nfc t)

(provide 'ucs-normalize)
