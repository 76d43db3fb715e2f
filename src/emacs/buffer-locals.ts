// The built-in per-buffer variables and the buffer-wide operations on local variables (GNU buffer.c's half of them).
//
// GNU keeps these variables in slots of its buffer struct; tsmacs makes each an ordinary
// localized symbol (eval.ts) whose record carries its number here, and keeps their values in the
// buffer's local alist like any other binding. The numbers follow GNU's slot order, which is
// what `buffer-local-variables' shows (last slot first). Some are local in every buffer from
// its creation (GNU's slots of index -1); the rest become local when set, as
// `make-variable-buffer-local' variables do. `enable-multibyte-characters' reads BUF_MULTIBYTE.

import { BUF_CATEGORY_TABLE, BUF_KEYMAP, BUF_LOCAL_VAR_ALIST, BUF_MULTIBYTE, BUF_NAME, PVEC_BUFFER, SYM_DECLARED_SPECIAL, SYM_TRAPPED_MASK, SYM_TRAPPED_SHIFT, SYM_TRAPWRITE, SYM_NOWRITE } from '../heap/layout.ts';
import { isFixnum, makeFixnum, Lisp_Float, Lisp_String, Lisp_Symbol } from '../heap/tags.ts';
import {
  aref, aset, cons, consp, getProp, isPvec, list, makeString, putProp, schars, sdata, setSymbolFlags, setSymbolRawValue, symbolFlags,
  symbolRawValue, xcar, xcdr, xsetcdr,
} from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { wrongTypeArgument, xsignal2 } from '../core/signal.ts';
import { DEFSYM, Qerror, Qintegerp, Qnil, Qnumberp, Qstringp, Qsymbolp, Qt, Qunbound } from '../core/symbols.ts';
import { DEFINIT, DEFUN, DEFVAR } from '../core/subr.ts';
import {
  BLV_ALWAYS_LOCAL, BLV_BUILTIN_SHIFT, BLV_FWD_SHIFT, BLV_LOCAL_IF_SET, PER_BUFFER_CHECKS, blvFlags, currentBufferObject,
  defaultValue, findSymbolValue, isLocalized, localize, localizedValue, notifyWatchers, runHookWithArgs, setLocalBindings,
} from './eval.ts';
import { isBignum } from './data.ts';

const Qbufferp = DEFSYM('bufferp');
const Qpermanent_local = DEFSYM('permanent-local');
const Qpermanent_local_hook = DEFSYM('permanent-local-hook');
const Qmakunbound = DEFSYM('makunbound');
const Qfundamental_mode = DEFSYM('fundamental-mode');
const Qbuffer_read_only = DEFSYM('buffer-read-only');
const Qbuffer_undo_list = DEFSYM('buffer-undo-list');
const Qchange_major_mode_hook = DEFVAR('change-major-mode-hook', () => Qnil,
  'Normal hook that `kill-all-local-variables\' runs first, while the buffer\'s local values are still in place.');

type Check = (rt: Runtime, v: number) => boolean;
const integerCheck: Check = (rt, v) => isFixnum(v) || isBignum(rt, v);
const numberCheck: Check = (rt, v) => integerCheck(rt, v) || (v & 7) === Lisp_Float;

interface PerBufferVar {
  /** The variable, a literal DEFSYM (the build puts its word in place; a computed name is a table search at every start). */
  readonly sym: number;
  /** Local in every buffer from its creation (GNU's index -1 slots). */
  readonly always: boolean;
  /** The default value, made in a fresh runtime; omitted when another module DEFVARs the variable. */
  readonly init?: (rt: Runtime) => number;
  /** The value a new buffer starts with (always-local ones); the default when omitted. */
  readonly fresh?: (rt: Runtime, buf: number) => number;
  /** What a non-nil value must satisfy: a type predicate, the values allowed, or the unit range. */
  readonly pred?: number;
  readonly choices?: readonly string[];
  readonly unitRange?: boolean;
  /** GNU gives it a non-nil `permanent-local' property. */
  readonly permanent?: boolean;
  /** The BUF_* slot holding the value instead of the local alist. */
  readonly fwd?: number;
}

const nil = (): number => Qnil;
const t = (): number => Qt;
const zero = (): number => makeFixnum(0);
const sym = (name: string): (() => number) => {
  const s = DEFSYM(name);
  return () => s;
};

// GNU's slots in order (each checked against GNU Emacs 28.2: its `buffer-local-variables' order,
// defaults, `local-variable-p' in a new buffer, the type errors of `set' and `permanent-local').
const PER_BUFFER: readonly PerBufferVar[] = [
  { sym: DEFSYM('buffer-file-name'), always: true, init: nil, pred: Qstringp, permanent: true },
  { sym: DEFSYM('default-directory'), always: true, pred: Qstringp, permanent: true,
    fresh: (rt) => findSymbolValue(rt, DEFSYM('default-directory')) },
  { sym: DEFSYM('buffer-backed-up'), always: true, init: nil, permanent: true },
  { sym: DEFSYM('buffer-saved-size'), always: true, init: zero, pred: Qintegerp, permanent: true },
  { sym: DEFSYM('buffer-auto-save-file-name'), always: true, init: nil, pred: Qstringp, permanent: true },
  { sym: DEFSYM('buffer-read-only'), always: true, permanent: true, fresh: nil },
  { sym: DEFSYM('major-mode'), always: true, init: sym('fundamental-mode'), pred: Qsymbolp, fresh: () => Qfundamental_mode },
  { sym: DEFSYM('local-minor-modes'), always: true, init: nil },
  { sym: DEFSYM('mode-name'), always: true, init: nil, fresh: (rt) => makeString(rt, 'Fundamental') },
  { sym: DEFSYM('mode-line-format'), always: false, init: (rt) => modeLineFormat(rt) },
  { sym: DEFSYM('header-line-format'), always: false, init: nil },
  { sym: DEFSYM('tab-line-format'), always: false, init: nil },
  { sym: DEFSYM('local-abbrev-table'), always: false, init: nil },
  { sym: DEFSYM('case-fold-search'), always: false },
  { sym: DEFSYM('tab-width'), always: false, init: () => makeFixnum(8), pred: Qintegerp },
  { sym: DEFSYM('fill-column'), always: false, init: () => makeFixnum(70), pred: Qintegerp },
  { sym: DEFSYM('left-margin'), always: false, init: zero, pred: Qintegerp },
  { sym: DEFSYM('auto-fill-function'), always: false, init: nil },
  { sym: DEFSYM('truncate-lines'), always: false, init: nil, permanent: true },
  { sym: DEFSYM('word-wrap'), always: false, init: nil },
  { sym: DEFSYM('ctl-arrow'), always: false, init: t },
  { sym: DEFSYM('bidi-display-reordering'), always: false, init: t },
  { sym: DEFSYM('bidi-paragraph-direction'), always: false, init: nil },
  { sym: DEFSYM('bidi-paragraph-separate-re'), always: false, init: nil },
  { sym: DEFSYM('bidi-paragraph-start-re'), always: false, init: nil },
  { sym: DEFSYM('selective-display'), always: false, init: nil },
  { sym: DEFSYM('selective-display-ellipses'), always: false, init: t },
  { sym: DEFSYM('overwrite-mode'), always: false, init: nil, choices: ['nil', 'overwrite-mode-textual', 'overwrite-mode-binary'] },
  { sym: DEFSYM('abbrev-mode'), always: false, init: nil },
  { sym: DEFSYM('buffer-display-table'), always: false, init: nil },
  { sym: DEFSYM('mark-active'), always: true, permanent: true, fresh: nil },
  { sym: DEFSYM('enable-multibyte-characters'), always: true, init: t, permanent: true, fwd: BUF_MULTIBYTE },
  { sym: DEFSYM('buffer-file-coding-system'), always: false, init: sym('utf-8-unix'), permanent: true },
  { sym: DEFSYM('buffer-file-format'), always: true, init: nil, permanent: true },
  { sym: DEFSYM('buffer-auto-save-file-format'), always: true, init: t, permanent: true },
  { sym: DEFSYM('cache-long-scans'), always: false, init: t },
  { sym: DEFSYM('point-before-scroll'), always: true, init: nil, permanent: true },
  { sym: DEFSYM('buffer-file-truename'), always: true, init: nil, pred: Qstringp, permanent: true },
  { sym: DEFSYM('buffer-invisibility-spec'), always: true, init: t, fresh: t },
  { sym: DEFSYM('buffer-display-count'), always: true, init: zero, pred: Qintegerp, permanent: true },
  { sym: DEFSYM('left-margin-width'), always: false, init: zero, pred: Qintegerp },
  { sym: DEFSYM('right-margin-width'), always: false, init: zero, pred: Qintegerp },
  { sym: DEFSYM('left-fringe-width'), always: false, init: nil, pred: Qintegerp },
  { sym: DEFSYM('right-fringe-width'), always: false, init: nil, pred: Qintegerp },
  { sym: DEFSYM('fringes-outside-margins'), always: false, init: nil },
  { sym: DEFSYM('scroll-bar-width'), always: false, init: nil, pred: Qintegerp },
  { sym: DEFSYM('scroll-bar-height'), always: false, init: nil, pred: Qintegerp },
  { sym: DEFSYM('vertical-scroll-bar'), always: false, init: t, choices: ['nil', 't', 'left', 'right'] },
  { sym: DEFSYM('horizontal-scroll-bar'), always: false, init: t },
  { sym: DEFSYM('indicate-empty-lines'), always: false, init: nil },
  { sym: DEFSYM('indicate-buffer-boundaries'), always: false, init: nil },
  { sym: DEFSYM('fringe-indicator-alist'), always: false, init: nil },
  { sym: DEFSYM('fringe-cursor-alist'), always: false, init: nil },
  { sym: DEFSYM('buffer-display-time'), always: true, init: nil, permanent: true },
  { sym: DEFSYM('scroll-up-aggressively'), always: false, init: nil, unitRange: true },
  { sym: DEFSYM('scroll-down-aggressively'), always: false, init: nil, unitRange: true },
  { sym: DEFSYM('cursor-type'), always: false, init: t },
  { sym: DEFSYM('line-spacing'), always: false, init: nil, pred: Qnumberp },
  { sym: DEFSYM('cursor-in-non-selected-windows'), always: false, init: t },
  { sym: DEFSYM('buffer-undo-list'), always: true, init: nil, permanent: true, fresh: (rt, buf) => (nameStartsWithSpace(rt, buf) ? Qt : Qnil) },
];

// GNU's default mode line, as its default value reads after start-up: strings and symbols. Each
// symbol a literal DEFSYM, which the build makes its word: a DEFSYM of a computed name searches the
// table, and a regexp test to tell the strings apart compiled its regexp, at every start.
const MODE_LINE_PARTS: readonly (string | number)[] = ['%e', DEFSYM('mode-line-front-space'), DEFSYM('mode-line-mule-info'),
  DEFSYM('mode-line-client'), DEFSYM('mode-line-modified'), DEFSYM('mode-line-remote'), DEFSYM('mode-line-frame-identification'),
  DEFSYM('mode-line-buffer-identification'), '   ', DEFSYM('mode-line-position'), DEFSYM('vc-mode'), '  ', DEFSYM('mode-line-modes'),
  DEFSYM('mode-line-misc-info'), DEFSYM('mode-line-end-spaces')];

function modeLineFormat(rt: Runtime): number {
  const vc = DEFSYM('vc-mode');
  // (vc-mode vc-mode): shown only while the variable vc-mode is non-nil.
  return list(rt, ...MODE_LINE_PARTS.map((p) => (typeof p === 'string' ? makeString(rt, p) : p === vc ? list(rt, vc, vc) : p)));
}

function nameStartsWithSpace(rt: Runtime, buf: number): boolean {
  const name = aref(rt, buf, BUF_NAME);
  return (name & 7) === Lisp_String && schars(rt, name) > 0 && rt.u8[sdata(rt, name)] === 0x20;
}

// Symbols only: the modules that use a variable DEFVAR it (insdel.ts buffer-read-only, indent.ts
// tab-width...); the others get their default value here at start-up.
const SYMS = PER_BUFFER.map((v) => v.sym);

// GNU's C variables that its C code makes local when set (they live in the local alist, not in
// slots), with the default each gets here when no module defines it.
const LOCAL_WHEN_SET: readonly [number, (() => number) | null][] = [
  [DEFSYM('lexical-binding'), null], [DEFSYM('indent-tabs-mode'), null], [DEFSYM('deactivate-mark'), null],
  [DEFSYM('line-prefix'), nil], [DEFSYM('wrap-prefix'), nil], [DEFSYM('fontification-functions'), nil],
  [DEFSYM('comment-end-can-be-escaped'), nil],
];

function choiceMessage(choices: readonly string[]): string {
  const names = choices.slice(0, -1).join(', ');
  return `One of ${names} or ${choices[choices.length - 1]!} should be specified`;
}

// The checks eval.ts applies when a value is stored into a buffer's binding.
PER_BUFFER.forEach((v, i) => {
  if (v.pred === Qintegerp) PER_BUFFER_CHECKS[i] = { pred: Qintegerp, test: integerCheck };
  else if (v.pred === Qnumberp) PER_BUFFER_CHECKS[i] = { pred: Qnumberp, test: numberCheck };
  else if (v.pred === Qstringp) PER_BUFFER_CHECKS[i] = { pred: Qstringp, test: (_rt, x) => (x & 7) === Lisp_String };
  else if (v.pred === Qsymbolp) PER_BUFFER_CHECKS[i] = { pred: Qsymbolp, test: (_rt, x) => (x & 7) === Lisp_Symbol };
  else if (v.choices) {
    const allowed = v.choices.map((c) => DEFSYM(c));
    const message = choiceMessage(v.choices);
    PER_BUFFER_CHECKS[i] = {
      pred: Qnil,
      test: (rt, x) => {
        if (!allowed.includes(x)) xsignal2(rt, Qerror, makeString(rt, message), x);
        return true;
      },
    };
  } else if (v.unitRange) {
    PER_BUFFER_CHECKS[i] = {
      pred: Qnil,
      test: (rt, x) => {
        const n = isFixnum(x) ? x >> 2 : (x & 7) === Lisp_Float ? rt.f64[(x & -8) >>> 3]! : NaN;
        if (!(n >= 0 && n <= 1)) xsignal2(rt, Qerror, makeString(rt, 'Value should be from 0.0 to 1.0'), x);
        return true;
      },
    };
  } else PER_BUFFER_CHECKS[i] = null;
});

DEFINIT((rt) => {
  PER_BUFFER.forEach((v, i) => {
    const s = SYMS[i]!;
    if (symbolRawValue(rt, s) === Qunbound && v.init) setSymbolRawValue(rt, s, v.init(rt));
    setSymbolFlags(rt, s, symbolFlags(rt, s) | SYM_DECLARED_SPECIAL);
    let flags = ((i + 1) << BLV_BUILTIN_SHIFT) | (v.always ? BLV_ALWAYS_LOCAL : BLV_LOCAL_IF_SET);
    if (v.fwd !== undefined) flags |= (v.fwd + 1) << BLV_FWD_SHIFT;
    localize(rt, s, flags);
    if (v.permanent) putProp(rt, s, Qpermanent_local, Qt);
  });
  // GNU's C variables that are ordinary local-when-set ones, of those tsmacs has.
  for (const [s, init] of LOCAL_WHEN_SET) {
    if (symbolRawValue(rt, s) === Qunbound && init) setSymbolRawValue(rt, s, init());
    setSymbolFlags(rt, s, symbolFlags(rt, s) | SYM_DECLARED_SPECIAL);
    localize(rt, s, BLV_LOCAL_IF_SET);
  }
  // Only `set-buffer-multibyte' changes it (GNU makes it a constant for Lisp).
  const mb = SYMS[PER_BUFFER.findIndex((v) => v.fwd === BUF_MULTIBYTE)]!;
  setSymbolFlags(rt, mb, (symbolFlags(rt, mb) & ~SYM_TRAPPED_MASK) | (SYM_NOWRITE << SYM_TRAPPED_SHIFT));
});

/** Where PER_BUFFER[I] goes in a new buffer's alist: the variables every edit reads last (at the head). */
const editRank = (i: number): number => (PER_BUFFER[i]!.sym === Qbuffer_read_only ? 2 : PER_BUFFER[i]!.sym === Qbuffer_undo_list ? 3 : 1);

/**
 * Give the new buffer BUF the bindings every buffer has (its name must be set already): the
 * always-local built-in variables with a new buffer's values. buffer.ts calls this when it makes
 * a buffer, while the buffer that was current (whose `default-directory' BUF inherits) still is.
 */
export function initBufferLocals(rt: Runtime, buf: number): void {
  const sp = rt.sp;
  rt.push(buf);
  let alist = Qnil;
  // Every edit reads buffer-read-only (and buffer-undo-list, PER_BUFFER's last, so consed last
  // anyway) by walking this alist: they go in last, at its head. Its order is not visible:
  // buffer-local-variables lists the built-ins in PER_BUFFER's order.
  const order = PER_BUFFER.map((_, i) => i).sort((a, b) => editRank(a) - editRank(b));
  for (const i of order) {
    const v = PER_BUFFER[i]!;
    if (!v.always || v.fwd !== undefined) continue;
    const s = SYMS[i]!;
    // A new buffer's values are fixed ones, whatever the defaults have become.
    const value = v.fresh ? v.fresh(rt, buf) : v.init ? v.init(rt) : defaultValue(rt, s);
    rt.push(alist);
    alist = cons(rt, cons(rt, s, value), alist);
  }
  setLocalBindings(rt, buf, alist);
  rt.sp = sp;
}

/**
 * Drop BUF's local bindings as `kill-all-local-variables' does, after its hook has run: those of
 * variables with a `permanent-local' property stay (a hook whose property is
 * `permanent-local-hook' keeps only `t' and the functions marked `permanent-local-hook'), and of
 * GNU's own slots the always-local ones and those its table makes permanent. Watchers are told
 * of each binding dropped. KILLING (`kill-buffer') drops every ordinary binding, permanent or
 * not, and tells no watcher, as GNU. Either way the mode's name and the invisibility spec reset.
 */
export function resetBufferLocals(rt: Runtime, buf: number, killing: boolean): void {
  const sp = rt.sp;
  rt.push(buf);
  const kept: number[] = [];
  const dropped: number[] = [];
  for (let l = aref(rt, buf, BUF_LOCAL_VAR_ALIST); consp(l); l = xcdr(rt, l)) {
    const cell = xcar(rt, l);
    const s = xcar(rt, cell);
    if (!isLocalized(rt, s)) continue; // a built-in that makunbound made ordinary: its cell is stale
    const flags = blvFlags(rt, s);
    const builtin = (flags >>> BLV_BUILTIN_SHIFT) & 0xff;
    if (builtin !== 0) {
      // GNU's own slots ignore the property: its table says which survive.
      if ((flags & BLV_ALWAYS_LOCAL) !== 0 || (!killing && PER_BUFFER[builtin - 1]!.permanent)) kept.push(cell);
      else dropped.push(cell);
      continue;
    }
    const prop = killing ? Qnil : getProp(rt, s, Qpermanent_local);
    if (prop === Qnil) {
      dropped.push(cell);
      continue;
    }
    if (prop === Qpermanent_local_hook) xsetcdr(rt, cell, permanentHookFunctions(rt, xcdr(rt, cell)));
    kept.push(cell);
  }
  let alist = Qnil;
  for (let i = kept.length - 1; i >= 0; i--) alist = cons(rt, kept[i]!, alist);
  for (const cell of dropped) rt.push(cell);
  for (const cell of killing ? [] : dropped) {
    const s = xcar(rt, cell);
    if (((symbolFlags(rt, s) & SYM_TRAPPED_MASK) >> SYM_TRAPPED_SHIFT) === SYM_TRAPWRITE) {
      rt.push(alist);
      notifyWatchers(rt, s, Qnil, Qmakunbound, buf);
    }
  }
  setLocalBindings(rt, buf, alist);
  // The local keymap goes with the mode, as GNU's per-buffer slot does.
  if (!killing) aset(rt, buf, BUF_KEYMAP, Qnil);
  {
    // GNU resets these three of its always-local slots with the mode.
    for (const s of [DEFSYM('major-mode'), DEFSYM('mode-name'), DEFSYM('buffer-invisibility-spec')]) {
      const i = PER_BUFFER.findIndex((v) => v.sym === s);
      for (let l = alist; consp(l); l = xcdr(rt, l)) {
        const cell = xcar(rt, l);
        if (xcar(rt, cell) === SYMS[i]) xsetcdr(rt, cell, PER_BUFFER[i]!.fresh ? PER_BUFFER[i]!.fresh!(rt, buf) : defaultValue(rt, SYMS[i]!));
      }
    }
  }
  rt.sp = sp;
}

/** The elements of a hook's local value that survive kill-all-local-variables: t and the marked functions. */
function permanentHookFunctions(rt: Runtime, value: number): number {
  if (!consp(value)) return value;
  const keep: number[] = [];
  for (let l = value; consp(l); l = xcdr(rt, l)) {
    const f = xcar(rt, l);
    if (f === Qt || ((f & 7) === Lisp_Symbol && getProp(rt, f, Qpermanent_local_hook) !== Qnil)) keep.push(f);
  }
  let r = Qnil;
  for (let i = keep.length - 1; i >= 0; i--) r = cons(rt, keep[i]!, r);
  return r;
}

DEFUN('kill-all-local-variables', 0, 0, 'Drop the current buffer\'s local values but for the permanent ones, after running `change-major-mode-hook\'.\nA variable whose `permanent-local\' property is non-nil keeps its value; a hook whose property is `permanent-local-hook\' keeps only its functions that have a non-nil `permanent-local-hook\' property. The major mode becomes `fundamental-mode\'.', (rt) => {
  runHookWithArgs(rt, Qchange_major_mode_hook, [], null);
  const buf = currentBufferObject(rt);
  if (buf !== Qnil) {
    resetBufferLocals(rt, buf, false);
    // GNU resets the category table slot too (nil here stands for the standard table).
    rt.i32[((buf & -8) >>> 2) + 1 + BUF_CATEGORY_TABLE] = Qnil;
  }
  return Qnil;
});

DEFUN('buffer-local-variables', 0, 1, 'Give the variables that have values of their own in BUFFER (the current buffer when nil), as (SYMBOL . VALUE) pairs, or bare symbols for void ones.\nThe built-in per-buffer variables come first.', (rt, buffer: number) => {
  let buf = buffer;
  if (buf === Qnil) buf = currentBufferObject(rt);
  else if (!isPvec(rt, buf, PVEC_BUFFER)) wrongTypeArgument(rt, Qbufferp, buf);
  if (buf === Qnil) return Qnil;
  const sp = rt.sp;
  // Ordinary bindings oldest first (the alist is newest first), after the built-ins.
  let result = Qnil;
  for (let l = aref(rt, buf, BUF_LOCAL_VAR_ALIST); consp(l); l = xcdr(rt, l)) {
    const cell = xcar(rt, l);
    const s = xcar(rt, cell);
    // Built-ins come below; one that makunbound made ordinary left a stale cell.
    if (!isLocalized(rt, s) || ((blvFlags(rt, s) >>> BLV_BUILTIN_SHIFT) & 0xff) !== 0) continue;
    result = cons(rt, xcdr(rt, cell) === Qunbound ? s : cons(rt, s, xcdr(rt, cell)), result);
    rt.push(result);
  }
  for (let i = 0; i < PER_BUFFER.length; i++) {
    const s = SYMS[i]!;
    if (!isLocalized(rt, s)) continue;
    const v = PER_BUFFER[i]!;
    let value: number;
    if (v.fwd !== undefined) value = aref(rt, buf, v.fwd);
    else {
      let cell = Qnil;
      for (let l = aref(rt, buf, BUF_LOCAL_VAR_ALIST); consp(l); l = xcdr(rt, l)) {
        if (xcar(rt, xcar(rt, l)) === s) {
          cell = xcar(rt, l);
          break;
        }
      }
      if (cell === Qnil) continue;
      value = xcdr(rt, cell);
    }
    result = cons(rt, value === Qunbound ? s : cons(rt, s, value), result);
    rt.push(result);
  }
  rt.sp = sp;
  return result;
});


/**
 * Give TO (a new clone of FROM, `make-indirect-buffer' with CLONE) FROM's local bindings: fresh
 * cells holding the same values, in the same order, as GNU's clone copies its slots and alist.
 */
export function cloneBufferLocals(rt: Runtime, from: number, to: number): void {
  const sp = rt.sp;
  rt.push(from);
  rt.push(to);
  const cells: number[] = [];
  for (let l = aref(rt, from, BUF_LOCAL_VAR_ALIST); consp(l); l = xcdr(rt, l)) cells.push(xcar(rt, l));
  let alist = Qnil;
  for (let i = cells.length - 1; i >= 0; i--) {
    rt.push(alist);
    alist = cons(rt, cons(rt, xcar(rt, cells[i]!), xcdr(rt, cells[i]!)), alist);
  }
  setLocalBindings(rt, to, alist);
  rt.sp = sp;
}

/** BUF's own binding cell of SYM (a cons (SYM . VALUE)), or nil. */
export function localBindingCell(rt: Runtime, buf: number, sym: number): number {
  for (let l = aref(rt, buf, BUF_LOCAL_VAR_ALIST); consp(l); l = xcdr(rt, l)) if (xcar(rt, xcar(rt, l)) === sym) return xcar(rt, l);
  return Qnil;
}

const Qbuffer_file_name = DEFSYM('buffer-file-name');

DEFUN('buffer-file-name', 0, 1, 'Give the name of the file BUFFER (by default the current one) visits, or nil when it visits none.', (rt, buffer: number) => {
  let buf = buffer;
  if (buf === Qnil) buf = currentBufferObject(rt);
  else if (!isPvec(rt, buf, PVEC_BUFFER)) wrongTypeArgument(rt, Qbufferp, buf);
  return localizedValue(rt, Qbuffer_file_name, buf);
});
