// What batch mode keeps of GNU's xdisp.c (the redisplay engine): `format-mode-line'.
//
// A batch session's only frame is the initial terminal frame, which GNU never displays: its
// windows have no mode line to format, so GNU checks the arguments and answers the empty
// string without looking at FORMAT (an `:eval' in it is not run). This file gives the same.

import { makeString } from '../core/object.ts';
import { wrongTypeArgument } from '../core/signal.ts';
import { Qnil } from '../core/symbols.ts';
import { DEFUN } from '../core/subr.ts';
import { Qbufferp, bufferp } from './buffer.ts';
import { Qwindowp, windowp } from './window.ts';

DEFUN('format-mode-line', 1, 4, 'Give the text that the mode line format FORMAT makes (see `mode-line-format\').\nFACE is the face for characters FORMAT gives none (t: the window\'s mode-line face; an integer:\nno text properties), WINDOW and BUFFER the context (the selected window and its buffer by default).\nIn batch mode the initial frame shows nothing, so the value is always the empty string and FORMAT\nis not evaluated, as in GNU Emacs; WINDOW and BUFFER are still checked.', (rt, _format: number, _face: number, window: number, buffer: number) => {
  if (window !== Qnil && !windowp(rt, window)) wrongTypeArgument(rt, Qwindowp, window);
  if (buffer !== Qnil && !bufferp(rt, buffer)) wrongTypeArgument(rt, Qbufferp, buffer);
  return makeString(rt, '');
});
