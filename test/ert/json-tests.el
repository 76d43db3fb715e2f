;;; json-tests.el --- JSON both ways: the native primitives and json.el  -*- lexical-binding: t -*-

;; Written for tsmacs, as a third-party package would test its JSON handling:
;; round trips, the options, and the errors a caller relies on.

(require 'ert)
(require 'json)

(defconst json-tests--doc
  "{\"name\":\"tsmacs\",\"tags\":[\"lisp\",\"ts\"],\"stars\":42,\"ratio\":0.5,\"ok\":true,\"bad\":false,\"none\":null,\"nested\":{\"k\":[1,{\"deep\":[]}]}}")

(ert-deftest json-tests-native-hash-default ()
  (let ((h (json-parse-string json-tests--doc)))
    (should (hash-table-p h))
    (should (eq (hash-table-test h) 'equal))
    (should (equal (gethash "name" h) "tsmacs"))
    (should (equal (gethash "tags" h) ["lisp" "ts"]))
    (should (eq (gethash "bad" h) :false))
    (should (eq (gethash "none" h) :null))
    (should (eq (gethash "ok" h) t))))

(ert-deftest json-tests-native-alist-plist ()
  (let ((a (json-parse-string json-tests--doc :object-type 'alist :array-type 'list)))
    (should (equal (alist-get 'tags a) '("lisp" "ts")))
    (should (equal (alist-get 'stars a) 42)))
  (let ((p (json-parse-string json-tests--doc :object-type 'plist :null-object nil :false-object nil)))
    (should (equal (plist-get p :ratio) 0.5))
    (should (null (plist-get p :bad)))
    (should (equal (plist-get (plist-get p :nested) :k) [1 (:deep [])]))))

(ert-deftest json-tests-native-round-trip ()
  (dolist (v (list [1 2.5 "x" t :false :null] '((a . 1) (b . [])) '(:x (:y "é")) "tab\tquote\"" -7 [[[]]]))
    (let ((text (json-serialize v)))
      (should (stringp text))
      (should (equal (json-serialize (json-parse-string text :object-type (if (and (consp v) (keywordp (car v))) 'plist 'alist)))
                     text)))))

(ert-deftest json-tests-native-errors ()
  ;; Once json.el is loaded, json-end-of-file is an end-of-file and a json-error, no longer a json-parse-error.
  (should (eq (car (should-error (json-parse-string "[1,") :type 'json-error)) 'json-end-of-file))
  (should (eq (car (should-error (json-parse-string "[1] 2") :type 'json-parse-error)) 'json-trailing-content))
  (let ((err (should-error (json-parse-string "{\"a\" 1}") :type 'json-parse-error)))
    (should (equal (cdr err) '("':' expected near '1'" "<string>" 1 6 6))))
  (should-error (json-serialize 'sym) :type 'wrong-type-argument)
  (should-error (json-serialize 1.0e+INF) :type 'json-out-of-memory)
  (should-error (json-parse-string "1" :object-type 'vector) :type 'error))

(ert-deftest json-tests-native-buffer ()
  (with-temp-buffer
    (insert "{\"a\":1} [2,3] tail")
    (goto-char (point-min))
    (should (equal (json-parse-buffer :object-type 'alist) '((a . 1))))
    (should (= (point) 8))
    (should (equal (json-parse-buffer) [2 3]))
    (should (looking-at " tail"))
    (goto-char (point-max))
    (json-insert '(:k "v"))
    (should (equal (buffer-substring 19 (point-max)) "{\"k\":\"v\"}"))))

(ert-deftest json-tests-native-numbers ()
  (should (= (json-parse-string "9223372036854775807") 9223372036854775807))
  (should (equal (json-parse-string "1e3") 1000.0))
  (should (equal (json-serialize [0.1 1e20 -0.0]) "[0.10000000000000001,1e20,-0.0]"))
  (should-error (json-serialize (expt 2 64)) :type 'args-out-of-range))

(ert-deftest json-tests-lib-read-options ()
  (should (equal (json-read-from-string "{\"a\":[1,2]}") '((a . [1 2]))))
  (let ((json-object-type 'plist) (json-array-type 'list))
    (should (equal (json-read-from-string "{\"a\":[1,2]}") '(:a (1 2)))))
  (let ((json-object-type 'hash-table) (json-key-type 'symbol))
    (should (equal (gethash 'a (json-read-from-string "{\"a\":1}")) 1)))
  (let ((json-false 'no) (json-null 'nothing))
    (should (equal (json-read-from-string "[false,null]") [no nothing]))))

(ert-deftest json-tests-lib-errors ()
  (should-error (json-read-from-string "") :type 'json-end-of-file)
  (should-error (json-read-from-string "") :type 'end-of-file)
  (should (equal (should-error (json-read-from-string "[1 2]")) '(json-array-format "," 50)))
  (should (equal (should-error (json-read-from-string "nope")) '(json-unknown-keyword "nope")))
  (should (equal (should-error (json-read-from-string "@")) '(json-readtable-error 64)))
  (should (equal (should-error (json-encode '((1 . 2)))) '(json-key-format 1))))

(ert-deftest json-tests-lib-encode ()
  (should (equal (json-encode '((a . 1) (b . [t :json-false nil]))) "{\"a\":1,\"b\":[true,false,null]}"))
  (should (equal (json-encode '(:k "v")) "{\"k\":\"v\"}"))
  (should (equal (json-encode '(1 "two" 3.0)) "[1,\"two\",3.0]"))
  (should (equal (json-encode "line\nbreak\u0001") "\"line\\nbreak\\u0001\""))
  (let ((json-encoding-pretty-print t))
    (should (equal (json-encode '((a . [1]))) "{\n  \"a\": [\n    1\n  ]\n}")))
  (let ((json-encoding-object-sort-predicate #'string<))
    (should (equal (json-encode '((b . 1) (a . 2))) "{\"a\":2,\"b\":1}"))))

(ert-deftest json-tests-lib-pretty-print-buffer ()
  (with-temp-buffer
    (insert "{\"b\":[1,{}],\"a\":null}")
    (json-pretty-print-buffer-ordered)
    (should (equal (buffer-string) "{\n  \"a\": null,\n  \"b\": [\n    1,\n    {}\n  ]\n}"))
    (json-pretty-print-buffer t)
    (should (equal (buffer-string) "{\"a\":null,\"b\":[1,{}]}"))))

(ert-deftest json-tests-lib-agrees-with-native ()
  (let ((json-object-type 'hash-table) (json-array-type 'vector) (json-false :false) (json-null :null))
    (let ((lib (json-read-from-string json-tests--doc))
          (native (json-parse-string json-tests--doc)))
      (should (equal (json-serialize lib) (json-serialize native))))))

(ert-deftest json-tests-expected-failure-demo ()
  "Documents that json.el keeps duplicate keys where the primitive drops them."
  :expected-result :failed
  (should (equal (json-encode '((a . 1) (a . 2))) (json-serialize '((a . 1) (a . 2))))))
