// What batch mode keeps of GNU's dispnew.c (the display engine's entry points): the bell, and
// `redisplay', which has no frame to bring up to date.

import { Qnil, Qt } from '../core/symbols.ts';
import { DEFUN } from '../core/subr.ts';

DEFUN('ding', 0, 1, 'Ring the bell: in batch mode, a BEL character (07) on standard output.\nARG is accepted as in GNU Emacs, where nil also ends a keyboard macro being run; there are none here.', (rt) => {
  rt.host.write(1, new Uint8Array([7]));
  return Qnil;
});

DEFUN('redisplay', 0, 1, 'Bring the display up to date now, even with input pending when FORCE is non-nil.\nIn batch mode there is no frame to update: nothing is done and the value is t, as in GNU Emacs.', () => Qt);
