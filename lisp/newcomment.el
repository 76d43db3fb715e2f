;;; newcomment.el --- the name packages require GNU's comment commands by  -*- lexical-binding: t -*-

;; Packages write (require 'newcomment); the commands live in comments.el.
(require 'comments) (provide 'newcomment)
