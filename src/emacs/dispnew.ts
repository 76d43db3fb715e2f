// What batch mode keeps of GNU's dispnew.c (the display engine's entry points): the bell.

import { Qnil } from '../core/symbols.ts';
import { DEFUN } from '../core/subr.ts';

DEFUN('ding', 0, 1, 'Ring the bell: in batch mode, a BEL character (07) on standard output.\nARG is accepted as in GNU Emacs, where nil also ends a keyboard macro being run; there are none here.', (rt) => {
  rt.host.write(1, new Uint8Array([7]));
  return Qnil;
});
