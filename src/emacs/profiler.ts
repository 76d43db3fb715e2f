// What the profiler (GNU profiler.c) exposes besides sampling, which tsmacs does not do.

import { DEFUN } from '../core/subr.ts';
import { Qnil, Qt } from '../core/symbols.ts';

DEFUN('function-equal', 2, 2, 'Tell whether the functions F1 and F2 are the same object, as the profiler compares backtrace entries.', (_rt, f1: number, f2: number) =>
  (f1 === f2 ? Qt : Qnil));
