// Buffers (GNU buffer.c): the buffer objects, the current buffer and the list of live buffers.
//
// A buffer is a vectorlike of BUFFER_SLOTS Lisp words (heap/layout.ts BUF_*); docs/buffers.md
// draws it. The current buffer and the buffer list are global Lisp slots, so they are rooted
// and dumped like every other global.

import { DEFGLOBAL, type Runtime } from '../core/runtime.ts';

/** The current buffer: a buffer object, or nil before the first buffer is made. */
export const G_CURRENT_BUFFER = DEFGLOBAL('current-buffer');
/** The live buffers, in `buffer-list` order: a Lisp list. */
export const G_BUFFER_LIST = DEFGLOBAL('buffer-list');

/** The current buffer's object (nil only while a bare runtime has made none). */
export const currentBuffer = (rt: Runtime): number => rt.globals[G_CURRENT_BUFFER]!;
