// Every primitive module, imported for its DEFUNs and DEFVARs: the one list of what makes up the Lisp machine (GNU's syms_of_* calls in emacs.c).

import './eval.ts';
import './data.ts';
import './fns.ts';
import './alloc.ts';
import './lread.ts';
import './print.ts';
import './editfns.ts';
import './floatfns.ts';
import './character.ts';
import './casefiddle.ts';
import './chartab.ts';
import './fileio.ts';
import './emacs.ts';
import './minibuf.ts';
import './coding.ts';
import './doc.ts';
import './search.ts';
import './regex-emacs.ts';
import './buffer.ts';
import './debug.ts';
import '../dump/pdumper.ts';
