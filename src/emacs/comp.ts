// The primitives of GNU's comp.c, for an Emacs without libgccjit (`native-comp-available-p' is nil
// here): tsmacs compiles Lisp to JavaScript instead (compile-lisp.ts). What needs no native code
// works (a primitive's signature, releasing a context that is not there, whether the compiler's
// options take effect: they do not); what would make or load native code is an error naming
// why, never a pretended success. comp.c's error symbols are defined here as GNU's.

import type { Runtime } from '../core/runtime.ts';
import { PVEC_SUBR } from '../heap/layout.ts';
import { isPvec, list, makeString, putProp, stringp } from '../core/object.ts';
import { error, wrongTypeArgument, xsignal } from '../core/signal.ts';
import { DEFINIT, DEFUN } from '../core/subr.ts';
import { DEFSYM, Qerror, Qerror_conditions, Qerror_message, Qnil, Qstringp, Qt } from '../core/symbols.ts';
import { funcall } from './eval.ts';

const Qnative_compiler_error = DEFSYM('native-compiler-error');
const Qnative_ice = DEFSYM('native-ice');
const Qnative_lisp_load_failed = DEFSYM('native-lisp-load-failed');
const Qnative_lisp_wrong_reloc = DEFSYM('native-lisp-wrong-reloc');
const Qnative_lisp_file_inconsistent = DEFSYM('native-lisp-file-inconsistent');
const Qsubrp = DEFSYM('subrp');
const Qfile_exists_p = DEFSYM('file-exists-p');
const Qexpand_file_name = DEFSYM('expand-file-name');
const Qformat = DEFSYM('format');
const Qsubr_name = DEFSYM('subr-name');
const Qsubr_arity = DEFSYM('subr-arity');

DEFINIT((rt) => {
  const def = (sym: number, parents: number[], msg: string): void => {
    putProp(rt, sym, Qerror_conditions, list(rt, sym, ...parents));
    putProp(rt, sym, Qerror_message, makeString(rt, msg));
  };
  def(Qnative_compiler_error, [Qerror], 'Native compiler error');
  def(Qnative_ice, [Qnative_compiler_error, Qerror], 'Internal native compiler error');
  def(Qnative_lisp_load_failed, [Qerror], 'Native elisp load failed');
  def(Qnative_lisp_wrong_reloc, [Qnative_lisp_load_failed, Qerror], 'Primitive redefined or wrong relocation');
  def(Qnative_lisp_file_inconsistent, [Qnative_lisp_load_failed, Qerror],
    'eln file inconsistent with current runtime configuration, please recompile');
});

/** What GNU's comp.el says when Emacs has no native compiler. */
const noNativeCompiler = (rt: Runtime): never =>
  error(rt, 'Emacs was not compiled with native compiler support (--with-native-compilation)');

// Compilation contexts, registration of compiled functions and trampolines only exist while a
// native compilation runs, which never happens here.
DEFUN('comp--init-ctxt', 0, 0, 'Set up the context of a native compilation: impossible without a native compiler.', (rt) => noNativeCompiler(rt));
DEFUN('comp--release-ctxt', 0, 0, 'Free the context of a native compilation; none is ever set up here, so there is nothing to free: t.', () => Qt);
DEFUN('comp--compile-ctxt-to-file', 1, 1, 'Write the native code of the current compilation context to BASE-NAME: impossible without a native compiler.',
  (rt, _base: number) => noNativeCompiler(rt));
DEFUN('comp--register-subr', 7, 7, 'Make a function of natively compiled code known to Lisp: there is no native code here.', (rt) => noNativeCompiler(rt));
DEFUN('comp--register-lambda', 7, 7, 'Make an anonymous function of natively compiled code known to Lisp: there is no native code here.', (rt) => noNativeCompiler(rt));
DEFUN('comp--late-register-subr', 7, 7, 'Make a late-loaded function of natively compiled code known to Lisp: there is no native code here.', (rt) => noNativeCompiler(rt));
DEFUN('comp--install-trampoline', 2, 2, 'Route native calls of primitive SUBR-NAME through TRAMPOLINE, a native function: none can exist here.',
  (rt, _name: number, trampoline: number) => {
    if (!isPvec(rt, trampoline, PVEC_SUBR)) wrongTypeArgument(rt, Qsubrp, trampoline);
    return noNativeCompiler(rt);
  });
DEFUN('comp-libgccjit-version', 0, 0, 'Give the version of libgccjit as a list of three numbers: there is none here.', (rt) => noNativeCompiler(rt));

DEFUN('comp--subr-signature', 1, 1, 'Give the text naming primitive SUBR and its arity, as trampolines are keyed: NAME(MIN . MAX).', (rt, subr: number) => {
  if (!isPvec(rt, subr, PVEC_SUBR)) wrongTypeArgument(rt, Qsubrp, subr);
  const name = funcall(rt, Qsubr_name, [subr]);
  const arity = funcall(rt, Qsubr_arity, [subr]);
  return funcall(rt, Qformat, [makeString(rt, '%s%S'), name, arity]);
});

// Without libgccjit the driver and compiler options have no effect.
DEFUN('comp-native-driver-options-effective-p', 0, 0, 'Say whether `native-comp-driver-options\' take effect: not without libgccjit, nil.', () => Qnil);
DEFUN('comp-native-compiler-options-effective-p', 0, 0, 'Say whether `native-comp-compiler-options\' take effect: not without libgccjit, nil.', () => Qnil);

DEFUN('native-elisp-load', 1, 2, 'Load the native code file FILENAME (LATE-LOAD: its functions after the rest).\nNo native code can be loaded here: a missing file fails as in GNU, any other with the reason.',
  (rt, file: number, _late: number) => {
    if (!stringp(file)) wrongTypeArgument(rt, Qstringp, file);
    const full = funcall(rt, Qexpand_file_name, [file]);
    if (funcall(rt, Qfile_exists_p, [full]) === Qnil)
      xsignal(Qnative_lisp_load_failed, list(rt, makeString(rt, 'file does not exists'), full));
    const why = funcall(rt, Qformat, [makeString(rt, '%s: Emacs was not compiled with native compiler support'), full]);
    return xsignal(Qnative_lisp_load_failed, list(rt, full, why));
  });
