// Keymaps (GNU keymap.c): lists headed by `keymap', their bindings, parents, lookups and key descriptions.
//
// A keymap is a list (keymap ELT...). An ELT is a binding (EVENT . DEF), a char-table of purpose
// `keymap' (full keymaps: the bindings of plain characters), a vector (old dense keymaps, indexed
// by char), a string (the prompt), or a keymap of its own (a composed keymap searched in place).
// A tail of the list that starts with `keymap' again is the parent: its bindings are inherited.
// Definitions may be wrapped as menu items, (STRING . DEF), (STRING HELP . DEF) or
// (menu-item NAME DEF . PROPS); lookups see through them. Keys are strings or vectors of events:
// chars with modifier bits, symbols (function keys, their modifiers spelt in the name: C-f1), or
// lists of modifier names ending in a base, as (control ?a). A meta char is stored under the
// `meta-prefix-char' (ESC) prefix, as GNU does.

import { BUF_KEYMAP } from '../heap/layout.ts';
import { fixnumValue, isFixnum, makeFixnum } from '../heap/tags.ts';
import { DEFGLOBAL, type Runtime } from '../core/runtime.ts';
import { error, wrongTypeArgument, xsignal1 } from '../core/signal.ts';
import { DEFINIT, DEFUN, DEFVAR } from '../core/subr.ts';
import { DEFSYM, Qarrayp, Qautoload, Qcharacterp, Qcircular_list, Qnil, Qsequencep, Qstringp, Qt, Qunbound } from '../core/symbols.ts';
import {
  cons, consp, list, schars, stringMultibyte, stringp, symbolp, vectorp, xcar, xcdr, xsetcdr,
  pvecSize, aref as vref, setSymbolFunction, jsString, symbolName, getProp, makeString, makeStringFromChars, integerp, integerValue, listFromArray, vectorFromArray, TailWalker,
} from '../core/object.ts';
import { intern } from '../core/obarray.ts';
import { currentBuffer, slotBase } from './buffer.ts';
import { charTableP, charTableRef, charTableSet, charTableSetRange, makeCharTable, mapCharTableJs } from './chartab.ts';
import { aref, fset } from './data.ts';
import { concatToString, copySequence, equalp, substring } from './fns.ts';
import { checkCharacter } from './character.ts';
import { call1, findSymbolValue, funcall, indirectFunction, listElements, setDefault, symbolValue } from './eval.ts';

export const Qkeymap = DEFSYM('keymap');
const Qkeymapp = DEFSYM('keymapp');
const Qmenu_item = DEFSYM('menu-item');
const Qmenu_bar = DEFSYM('menu-bar');
const Qfilter = DEFSYM(':filter');
const Qautoload_do_load = DEFSYM('autoload-do-load');
const Qmeta_prefix_char = DEFVAR('meta-prefix-char', () => makeFixnum(27), 'The event that stands for the meta modifier in key sequences: a meta char is stored and looked up after it.');
const Qglobal_map = DEFVAR('global-map', () => Qnil, 'The default global keymap, in force while no `use-global-map\' changed it.');
const Qesc_map = DEFVAR('esc-map', () => Qnil, 'The keymap of the ESC (meta) prefix, `ESC-prefix\'s definition.');
const Qctl_x_map = DEFVAR('ctl-x-map', () => Qnil, 'The keymap of the C-x prefix, `Control-X-prefix\'s definition.');
const QESC_prefix = DEFSYM('ESC-prefix');
const QControl_X_prefix = DEFSYM('Control-X-prefix');

/** The keymap `current-global-map' gives. */
const G_CURRENT_GLOBAL_MAP = DEFGLOBAL('current-global-map');

// Modifier bits of a char event, as GNU's.
export const ALT = 1 << 22;
export const SUPER = 1 << 23;
export const HYPER = 1 << 24;
export const SHIFT = 1 << 25;
export const CTRL = 1 << 26;
export const META = 1 << 27;
export const MODIFIER_MASK = ALT | SUPER | HYPER | SHIFT | CTRL | META;

const isKeymapList = (rt: Runtime, x: number): boolean => consp(x) && xcar(rt, x) === Qkeymap;

/**
 * The keymap OBJECT stands for: a keymap list, or a symbol whose function definition is one.
 * An autoload of type `keymap' is loaded when AUTOLOAD says so, else counts as a keymap (and
 * is returned as it is). Anything else is an error when ERROR_IF_NOT, else nil.
 */
export function getKeymap(rt: Runtime, object: number, errorIfNot: boolean, autoload: boolean): number {
  if (object === Qnil) {
    if (errorIfNot) wrongTypeArgument(rt, Qkeymapp, object);
    return Qnil;
  }
  if (isKeymapList(rt, object)) return object;
  const f = symbolp(object) ? indirectFunction(rt, object) : object;
  if (isKeymapList(rt, f)) return f;
  // Not asked to fail, an autoloaded keymap counts as one; asked to fail, it must be loaded.
  if (consp(f) && xcar(rt, f) === Qautoload && symbolp(object) && (autoload || !errorIfNot) && autoloadType(rt, f) === Qkeymap) {
    if (!autoload) return object;
    call1(rt, Qautoload_do_load, f);
    const g = indirectFunction(rt, object);
    if (isKeymapList(rt, g)) return g;
  }
  if (errorIfNot) wrongTypeArgument(rt, Qkeymapp, object);
  return Qnil;
}

/** The TYPE of (autoload FILE DOC INTERACTIVE TYPE). */
function autoloadType(rt: Runtime, f: number): number {
  let l = f;
  for (let i = 0; i < 4 && consp(l); i++) l = xcdr(rt, l);
  return consp(l) ? xcar(rt, l) : Qnil;
}

export const keymapp = (rt: Runtime, x: number): boolean => getKeymap(rt, x, false, false) !== Qnil;

DEFUN('keymapp', 1, 1, 'Tell whether OBJECT is a keymap: a list whose car is `keymap\', or a symbol whose function definition is one (or an autoload of a keymap).',
  (rt, object: number) => (keymapp(rt, object) ? Qt : Qnil));

DEFUN('make-sparse-keymap', 0, 1, 'Make a keymap with no bindings, (keymap), or (keymap PROMPT) when PROMPT, a string, is given.',
  (rt, prompt: number) => (prompt === Qnil ? list(rt, Qkeymap) : list(rt, Qkeymap, prompt)));

/** A full keymap: a char-table for the plain characters, then PROMPT when given. */
export function makeFullKeymap(rt: Runtime, prompt: number): number {
  const tail = prompt === Qnil ? Qnil : list(rt, prompt);
  return cons(rt, Qkeymap, cons(rt, makeCharTable(rt, Qkeymap, Qnil), tail));
}

DEFUN('make-keymap', 0, 1, 'Make a full keymap, (keymap CHARTABLE), whose char-table holds the bindings of the characters without modifiers; PROMPT, a string, is kept after it.',
  (rt, prompt: number) => makeFullKeymap(rt, prompt));

/** The parent of KEYMAP (a keymap list), or nil: the first tail that is a keymap itself. */
export function keymapParent(rt: Runtime, keymap: number, autoload: boolean): number {
  let l = xcdr(rt, keymap);
  for (let n = 0; consp(l); l = xcdr(rt, l)) {
    if (xcar(rt, l) === Qkeymap) return l;
    if (++n > 1e7) return Qnil; // a circular spine has no parent
  }
  return getKeymap(rt, l, false, autoload);
}

DEFUN('keymap-parent', 1, 1, 'Give the keymap KEYMAP inherits from, or nil.', (rt, keymap: number) =>
  keymapParent(rt, getKeymap(rt, keymap, true, true), true));

DEFUN('set-keymap-parent', 2, 2, 'Make KEYMAP inherit from PARENT (nil: from nothing), replacing any parent it had, and give PARENT.', (rt, keymap: number, parent: number) => {
  keymap = getKeymap(rt, keymap, true, true);
  if (parent !== Qnil) {
    parent = getKeymap(rt, parent, true, false);
    // A keymap among PARENT's ancestors would make a loop.
    for (let p = parent, n = 0; p !== Qnil; p = keymapParent(rt, p, false)) {
      if (p === keymap || ++n > 1e5) error(rt, 'Cyclic keymap inheritance');
    }
  }
  // The last cons of KEYMAP's own part gets PARENT as its cdr.
  let prev = keymap;
  for (let n = 0; ; n++) {
    const rest = xcdr(rt, prev);
    if (!consp(rest) || xcar(rt, rest) === Qkeymap) break;
    if (n > 1e7) xsignal1(rt, Qcircular_list, keymap);
    prev = rest;
  }
  xsetcdr(rt, prev, parent);
  return parent;
});

/** (control ?a)-style event lists: a list whose last element is the base. */
const lucidEventList = (rt: Runtime, x: number): boolean => {
  // A circular list is none (GNU's walk stops at the cycle and finds no nil end).
  const walk = new TailWalker();
  walk.reset(x);
  let l = x;
  for (; consp(l); l = xcdr(rt, l)) {
    const e = xcar(rt, l);
    if (!symbolp(e) && !isFixnum(e)) return false;
    if (walk.step(xcdr(rt, l))) return false;
  }
  return consp(x) && l === Qnil;
};

// ---------------------------------------------------------------------------------------------
// Modifier names of symbol events.

interface ParsedSym { mods: number; base: string; }
const MOD_LETTERS: [string, number][] = [['A', ALT], ['C', CTRL], ['H', HYPER], ['M', META], ['S', SHIFT], ['s', SUPER]];
// Click-kind modifiers of mouse events, spelt as words; bits above the char ones.
const DOWN = 1 << 0;
const DRAG = 1 << 1;
const DOUBLE = 1 << 2;
const TRIPLE = 1 << 3;
const UP = 1 << 4;
const WORD_MODS: [string, number][] = [['down-', DOWN], ['drag-', DRAG], ['double-', DOUBLE], ['triple-', TRIPLE], ['up-', UP]];

/** Split a symbol event's name into its modifier prefixes and base; a prefix needs something after it. */
export function parseSymbolModifiers(name: string): { mods: number; clicks: number; base: string } {
  let mods = 0;
  let clicks = 0;
  let i = 0;
  for (;;) {
    if (i + 2 < name.length + 0 && name[i + 1] === '-' && i + 2 < name.length) {
      const m = MOD_LETTERS.find(([l]) => l === name[i]);
      if (m) {
        mods |= m[1];
        i += 2;
        continue;
      }
    }
    const w = WORD_MODS.find(([p]) => name.startsWith(p, i) && name.length > i + p.length);
    if (w) {
      clicks |= w[1];
      i += w[0].length;
      continue;
    }
    break;
  }
  return { mods, clicks, base: name.slice(i) };
}

function modifierPrefix(mods: number, clicks: number): string {
  let s = '';
  for (const [l, bit] of MOD_LETTERS) if (mods & bit) s += l + '-';
  // GNU's order for the click kinds.
  if (clicks & DOUBLE) s += 'double-';
  if (clicks & TRIPLE) s += 'triple-';
  if (clicks & DOWN) s += 'down-';
  if (clicks & DRAG) s += 'drag-';
  if (clicks & UP) s += 'up-';
  return s;
}

/** A symbol event with its modifiers in the canonical order (M-C-x names C-M-x). */
export function reorderModifiers(rt: Runtime, sym: number): number {
  const name = jsString(rt, symbolName(rt, sym));
  const p = parseSymbolModifiers(name);
  if (p.mods === 0 && p.clicks === 0) return sym;
  const canon = modifierPrefix(p.mods, p.clicks) + p.base;
  return canon === name ? sym : intern(rt, canon);
}
export type { ParsedSym };

/** The event a key element stands for, as stored in keymaps. */
function canonEvent(rt: Runtime, ev: number): number {
  if (consp(ev)) ev = xcar(rt, ev); // a mouse event: its kind; a range (FROM . TO): its first char
  if (symbolp(ev) && ev !== Qnil && ev !== Qt) return reorderModifiers(rt, ev);
  if (isFixnum(ev)) return makeFixnum(fixnumValue(ev) & (META | (META - 1)));
  return ev;
}

// ---------------------------------------------------------------------------------------------
// Lookup.

/** See through menu-item wrappings of a definition (GNU's get_keyelt). */
export function getKeyelt(rt: Runtime, object: number): number {
  for (let n = 0; n < 1000; n++) {
    if (!consp(object)) return object;
    const head = xcar(rt, object);
    if (head === Qmenu_item) {
      // (menu-item NAME DEFN . PROPS); a :filter is applied to DEFN.
      let rest = xcdr(rt, object);
      if (!consp(rest)) return Qnil;
      rest = xcdr(rt, rest);
      if (!consp(rest)) return Qnil;
      let def = xcar(rt, rest);
      for (let p = xcdr(rt, rest); consp(p) && consp(xcdr(rt, p)); p = xcdr(rt, xcdr(rt, p))) {
        if (xcar(rt, p) === Qfilter) {
          const sp = rt.sp;
          rt.push(def);
          def = call1(rt, xcar(rt, xcdr(rt, p)), def);
          rt.sp = sp;
          break;
        }
      }
      return def;
    }
    if (stringp(head)) {
      // (STRING . DEFN) or (STRING HELP-STRING . DEFN).
      object = xcdr(rt, object);
      if (consp(object) && stringp(xcar(rt, object))) object = xcdr(rt, object);
      continue;
    }
    return object;
  }
  return error(rt, 'Menu item nesting too deep');
}

DEFUN('keymap--get-keyelt', 2, 2, 'Give the definition OBJECT, a keymap element, stands for: menu items are seen through (and their :filter run).',
  (rt, object: number) => getKeyelt(rt, object));

/**
 * The binding of the event IDX in MAP, through its parents unless NOINHERIT; Qunbound when it
 * has none. A binding of t is the default, used when T_OK. Several prefix keymaps bound to IDX
 * along the chain are merged, the nearer first, as GNU does.
 */
export function accessKeymap(rt: Runtime, map: number, idx: number, tOk: boolean, noinherit: boolean, autoload: boolean, depth = 0): number {
  // A keymap that holds itself (as an element or a menu item) would recurse without end.
  if (depth > 100) error(rt, 'Keymap nesting too deep (does a keymap contain itself?)');
  idx = canonEvent(rt, idx);
  if (isFixnum(idx) && (fixnumValue(idx) & META) !== 0) {
    // A meta char is the plain char in the map of the meta prefix.
    const metaPrefix = symbolValue(rt, Qmeta_prefix_char);
    const b = accessKeymap(rt, map, metaPrefix, tOk, noinherit, autoload, depth + 1);
    const sub = b === Qunbound ? Qnil : getKeymap(rt, b, false, autoload);
    if (consp(sub)) {
      map = sub;
      idx = makeFixnum(fixnumValue(idx) & ~META);
    } else if (tOk) {
      idx = Qt;
    } else return b === Qnil || b === Qunbound ? b : Qunbound;
  }
  let tBinding = Qunbound;
  let retval = Qunbound;
  let retvalTail = Qnil;
  let l = xcdr(rt, map);
  const sp = rt.sp;
  rt.push(map);
  let n = 0;
  for (; ; l = xcdr(rt, l)) {
    let parent = Qnil;
    if (!consp(l)) {
      // A symbol tail naming a keymap is a parent too.
      if (l === Qnil) break;
      parent = getKeymap(rt, l, false, autoload);
      if (!consp(parent)) break;
    } else if (xcar(rt, l) === Qkeymap) parent = l;
    if (parent !== Qnil) {
      if (noinherit) break;
      if (retval !== Qunbound && retval !== Qnil) {
        // A prefix keymap found here is merged with the one the parent binds.
        const inherited = accessKeymap(rt, parent, idx, tOk, false, autoload, depth + 1);
        if (inherited !== Qunbound && keymapp(rt, inherited)) retval = cons(rt, Qkeymap, cons(rt, retval, inherited));
        break;
      }
      l = parent;
      continue;
    }
    if (++n > 1e7) break;
    const binding = xcar(rt, l);
    let val = Qunbound;
    if (consp(binding)) {
      const key = xcar(rt, binding);
      if (key === Qkeymap) {
        // A keymap inside the keymap, searched in place.
        val = accessKeymap(rt, binding, idx, tOk, false, autoload, depth + 1);
      } else if (key === idx) val = xcdr(rt, binding);
      else if (tOk && key === Qt) {
        tBinding = xcdr(rt, binding);
        tOk = false;
      }
    } else if (vectorp(rt, binding)) {
      if (isFixnum(idx) && idx >= 0 && fixnumValue(idx) < pvecSize(rt, binding)) val = vref(rt, binding, fixnumValue(idx));
    } else if (charTableP(rt, binding)) {
      if (isFixnum(idx) && (fixnumValue(idx) & MODIFIER_MASK) === 0) {
        val = charTableRef(rt, binding, fixnumValue(idx));
        // nil there means unbound; t stands for an explicit nil that hides the parent's.
        if (val === Qnil) val = Qunbound;
      }
    }
    if (val === Qunbound) continue;
    if (val === Qt) val = Qnil;
    val = getKeyelt(rt, val);
    rt.push(val);
    if (!keymapp(rt, val)) {
      if (retval === Qunbound) retval = val;
      if (val !== Qunbound) break;
    } else if (retval === Qnil || retval === Qunbound) retval = val;
    else if (consp(retvalTail)) {
      const cell = list(rt, val);
      xsetcdr(rt, retvalTail, cell);
      retvalTail = cell;
    } else {
      retvalTail = list(rt, val);
      retval = cons(rt, Qkeymap, cons(rt, retval, xcar(rt, retvalTail)));
      retvalTail = xcdr(rt, retval);
    }
    rt.push(retval);
  }
  rt.sp = sp;
  return retval !== Qunbound ? retval : getKeyelt(rt, tBinding);
}

/** The key event at index I of KEY, a string or vector: meta bits of unibyte strings made modifiers. */
function keyEvent(rt: Runtime, key: number, i: number): number {
  let c = aref(rt, key, makeFixnum(i));
  if (stringp(key) && !stringMultibyte(rt, key) && (fixnumValue(c) & 0x80) !== 0) c = makeFixnum((fixnumValue(c) & 0x7f) | META);
  return c;
}

const keyLength = (rt: Runtime, key: number): number => (stringp(key) ? schars(rt, key) : pvecSize(rt, key));

function checkKey(rt: Runtime, key: number): void {
  if (!stringp(key) && !vectorp(rt, key)) wrongTypeArgument(rt, Qarrayp, key);
}

/** Convert an event list (control ?a) to its event (GNU's event-convert-list); see keymap-events. */
export const eventConvertHook = { fn: (_rt: Runtime, ev: number): number => ev };

/** GNU's lookup_key_1: a binding, or the number of events that made a complete key when KEY is longer. */
function lookupKey1(rt: Runtime, keymap: number, key: number, tOk: boolean): number {
  const len = keyLength(rt, key);
  if (len === 0) return keymap;
  for (let i = 0; ;) {
    let c = keyEvent(rt, key, i++);
    if (consp(c) && lucidEventList(rt, c)) c = eventConvertHook.fn(rt, c);
    // Strings are not events, but GNU lets them through as keys matching nothing.
    if (!isFixnum(c) && !symbolp(c) && !consp(c) && !stringp(c)) wrongTypeArgument(rt, Qstringp, c);
    const cmd = accessKeymap(rt, keymap, c, tOk, false, true);
    if (i === len) return cmd === Qunbound ? Qnil : cmd;
    keymap = getKeymap(rt, cmd === Qunbound ? Qnil : cmd, false, true);
    if (!consp(keymap)) return makeFixnum(i);
  }
}

export function lookupKey(rt: Runtime, keymap: number, key: number, acceptDefault: number): number {
  checkKey(rt, key);
  if (keymap !== Qnil && !keymapp(rt, keymap) && consp(keymap)) {
    // A list of keymaps: the first that binds KEY.
    let found = Qnil;
    for (let l = keymap, n = 0; consp(l) && n < 1e6; l = xcdr(rt, l), n++) {
      const m = xcar(rt, l);
      if (m === Qnil) continue;
      const r = lookupKey1(rt, getKeymap(rt, m, true, true), key, acceptDefault !== Qnil);
      if (r !== Qnil && !isFixnum(r)) return r;
      if (found === Qnil) found = r;
    }
    return found;
  }
  if (keymap === Qnil) return Qnil;
  keymap = getKeymap(rt, keymap, true, true);
  const found = lookupKey1(rt, keymap, key, acceptDefault !== Qnil);
  if ((found !== Qnil && !isFixnum(found)) || !vectorp(rt, key) || pvecSize(rt, key) === 0 || vref(rt, key, 0) !== Qmenu_bar) return found;
  // Menu bar items were once named in mixed case and with spaces: GNU retries the key
  // with its symbols lowercased, then with their spaces made dashes too.
  const sp = rt.sp;
  rt.push(keymap);
  rt.push(key);
  for (const dashes of [false, true]) {
    const evs: number[] = [];
    for (let i = 0; i < pvecSize(rt, key); i++) {
      const e = vref(rt, key, i);
      if (!symbolp(e) || e === Qnil) evs.push(e);
      else {
        let name = jsString(rt, symbolName(rt, e)).toLowerCase();
        if (dashes) name = name.replace(/ /g, '-');
        evs.push(intern(rt, name));
      }
    }
    const k2 = vectorFromArray(rt, evs);
    rt.push(k2);
    const r = lookupKey1(rt, keymap, k2, acceptDefault !== Qnil);
    if (r !== Qnil && !isFixnum(r)) {
      rt.sp = sp;
      return r;
    }
  }
  rt.sp = sp;
  return found;
}

DEFUN('lookup-key', 2, 3, 'Give the binding of KEY, a string or vector of events, in KEYMAP (or a list of keymaps): a definition, nil when unbound, or the number of leading events that make a complete key when KEY is longer.\nACCEPT-DEFAULT non-nil lets default bindings (of t) count.',
  (rt, keymap: number, key: number, acceptDefault: number) => lookupKey(rt, keymap, key, acceptDefault));

// ---------------------------------------------------------------------------------------------
// Defining.

/** Bind the event IDX in KEYMAP to DEF (GNU's store_in_keymap). */
export function storeInKeymap(rt: Runtime, keymap: number, idx: number, def: number): number {
  if (consp(idx) && isFixnum(xcar(rt, idx))) {
    // A range of chars (FROM . TO).
    const to = xcdr(rt, idx);
    if (!isFixnum(to) || fixnumValue(to) < 0 || fixnumValue(to) > 0x3fffff) wrongTypeArgument(rt, Qcharacterp, to);
  } else idx = canonEvent(rt, idx);
  let insertionPoint = keymap;
  const entered: number[] = [keymap];
  const sp = rt.sp;
  rt.push(keymap);
  rt.push(idx);
  rt.push(def);
  let n = 0;
  for (let tail = xcdr(rt, keymap); consp(tail); tail = xcdr(rt, tail)) {
    if (++n > 1e7) break;
    const elt = xcar(rt, tail);
    if (vectorp(rt, elt)) {
      if (isFixnum(idx) && idx >= 0 && fixnumValue(idx) < pvecSize(rt, elt)) {
        rt.i32[((elt & -8) >>> 2) + 1 + fixnumValue(idx)] = def;
        rt.sp = sp;
        return def;
      }
      if (consp(idx) && isFixnum(xcar(rt, idx))) {
        const from = fixnumValue(xcar(rt, idx));
        const to = Math.min(fixnumValue(xcdr(rt, idx)), pvecSize(rt, elt) - 1);
        for (let c = Math.max(0, from); c <= to; c++) rt.i32[((elt & -8) >>> 2) + 1 + c] = def;
        rt.sp = sp;
        return def;
      }
      insertionPoint = tail;
    } else if (charTableP(rt, elt)) {
      // nil in a char-table means unbound: an explicit nil binding is stored as t.
      const v = def === Qnil ? Qt : def;
      if (isFixnum(idx) && (fixnumValue(idx) & MODIFIER_MASK) === 0) {
        charTableSet(rt, elt, fixnumValue(idx), v);
        rt.sp = sp;
        return def;
      }
      if (consp(idx) && isFixnum(xcar(rt, idx))) {
        charTableSetRange(rt, elt, fixnumValue(xcar(rt, idx)), fixnumValue(xcdr(rt, idx)), v);
        rt.sp = sp;
        return def;
      }
      insertionPoint = tail;
    } else if (consp(elt)) {
      if (xcar(rt, elt) === Qkeymap) {
        // A keymap in the keymap: the binding goes into it (once: it may hold itself).
        if (entered.includes(elt)) break;
        entered.push(elt);
        tail = insertionPoint = elt;
        continue;
      }
      if (xcar(rt, elt) === idx) {
        xsetcdr(rt, elt, def);
        rt.sp = sp;
        return def;
      }
    } else if (elt === Qkeymap) break; // the parent starts: new bindings go before it
  }
  if (consp(idx) && isFixnum(xcar(rt, idx))) {
    // A range with no char-table to hold it: make one.
    const ct = makeCharTable(rt, Qkeymap, Qnil);
    charTableSetRange(rt, ct, fixnumValue(xcar(rt, idx)), fixnumValue(xcdr(rt, idx)), def === Qnil ? Qt : def);
    xsetcdr(rt, insertionPoint, cons(rt, ct, xcdr(rt, insertionPoint)));
  } else {
    xsetcdr(rt, insertionPoint, cons(rt, cons(rt, idx, def), xcdr(rt, insertionPoint)));
  }
  rt.sp = sp;
  return def;
}

/** The description of KEY for error messages; key-description when it is defined. */
export const describeKeyHook = { fn: (rt: Runtime, key: number, _prefix: number): number => key };

export function defineKey(rt: Runtime, keymap: number, key: number, def: number): number {
  keymap = getKeymap(rt, keymap, true, true);
  checkKey(rt, key);
  const len = keyLength(rt, key);
  if (len === 0) return Qnil;
  const sp = rt.sp;
  rt.push(keymap);
  rt.push(key);
  rt.push(def);
  const metaBit = stringp(key) && !stringMultibyte(rt, key) ? 0x80 : META;
  let metized = false;
  for (let idx = 0; ;) {
    let c = aref(rt, key, makeFixnum(idx));
    if (consp(c) && lucidEventList(rt, c)) c = eventConvertHook.fn(rt, c);
    if (isFixnum(c) && (fixnumValue(c) & metaBit) !== 0 && !metized) {
      c = symbolValue(rt, Qmeta_prefix_char);
      metized = true;
    } else {
      if (isFixnum(c)) c = makeFixnum(fixnumValue(c) & ~metaBit);
      metized = false;
      idx++;
    }
    if (!isFixnum(c) && !symbolp(c) && (!consp(c) || (isFixnum(xcar(rt, c)) && idx !== len))) {
      if (stringp(c)) {
        // GNU only reports such an event, then goes on with it.
        rt.sp = sp;
        return def;
      }
      wrongTypeArgument(rt, Qstringp, c);
    }
    if (idx === len) {
      const r = storeInKeymap(rt, keymap, c, def);
      rt.sp = sp;
      return r;
    }
    let cmd = accessKeymap(rt, keymap, c, false, true, true);
    if (cmd === Qnil || cmd === Qunbound) cmd = storeInKeymap(rt, keymap, c, list(rt, Qkeymap));
    const sub = getKeymap(rt, cmd, false, true);
    if (!consp(sub)) {
      const whole = describeKeyHook.fn(rt, key, Qnil);
      rt.push(whole);
      const head = describeKeyHook.fn(rt, substring(rt, key, makeFixnum(0), makeFixnum(idx)), Qnil);
      const trailing = c === symbolValue(rt, Qmeta_prefix_char) && metized ? (idx === 0 ? 'ESC' : ' ESC') : '';
      error(rt, `Key sequence ${jsString(rt, whole)} starts with non-prefix key ${jsString(rt, head)}${trailing}`);
    }
    keymap = sub;
    rt.push(keymap);
  }
}

DEFUN('define-key', 3, 3, 'In KEYMAP, bind KEY (a string or vector of events) to DEF, making prefix keymaps for its leading events as needed, and give DEF.\nDEF may be a command, a keymap (KEY becomes a prefix), a string or vector (a keyboard macro), a menu item, or nil (unbound). A meta char is bound after `meta-prefix-char\'; [remap CMD] remaps the command CMD.',
  (rt, keymap: number, key: number, def: number) => defineKey(rt, keymap, key, def));

// ---------------------------------------------------------------------------------------------
// The global and local maps.

DEFUN('current-global-map', 0, 0, 'Give the global keymap in force.', (rt) => rt.globals[G_CURRENT_GLOBAL_MAP]!);

DEFUN('use-global-map', 1, 1, 'Make KEYMAP the global keymap.', (rt, keymap: number) => {
  rt.globals[G_CURRENT_GLOBAL_MAP] = getKeymap(rt, keymap, true, true);
  return Qnil;
});

export function currentLocalMap(rt: Runtime): number {
  const b = currentBuffer(rt);
  return b === Qnil ? Qnil : rt.i32[slotBase(b) + BUF_KEYMAP]!;
}

DEFUN('current-local-map', 0, 0, 'Give the current buffer\'s local keymap, or nil.', (rt) => currentLocalMap(rt));

DEFUN('use-local-map', 1, 1, 'Make KEYMAP the current buffer\'s local keymap (nil: none).', (rt, keymap: number) => {
  if (keymap !== Qnil) keymap = getKeymap(rt, keymap, true, true);
  const b = currentBuffer(rt);
  if (b !== Qnil) rt.i32[slotBase(b) + BUF_KEYMAP] = keymap;
  return Qnil;
});

export const currentGlobalMap = (rt: Runtime): number => rt.globals[G_CURRENT_GLOBAL_MAP]!;

DEFINIT((rt) => {
  // GNU's initial maps: a full global map, whose ESC and C-x are the prefix commands
  // ESC-prefix and Control-X-prefix, defined as esc-map and ctl-x-map.
  const global = makeFullKeymap(rt, Qnil);
  setDefault(rt, Qglobal_map, global);
  rt.globals[G_CURRENT_GLOBAL_MAP] = global;
  const esc = makeFullKeymap(rt, Qnil);
  setDefault(rt, Qesc_map, esc);
  setSymbolFunction(rt, QESC_prefix, esc);
  const ctlx = makeFullKeymap(rt, Qnil);
  setDefault(rt, Qctl_x_map, ctlx);
  setSymbolFunction(rt, QControl_X_prefix, ctlx);
  charTableSet(rt, xcar(rt, xcdr(rt, global)), 27, QESC_prefix);
  charTableSet(rt, xcar(rt, xcdr(rt, global)), 24, QControl_X_prefix);
});


// ---------------------------------------------------------------------------------------------
// Describing keys.

const ctlBase = (c: number): number => (c === 0 ? 64 : c < 27 ? c + 96 : c + 64);

/** The description of the char event C, modifiers first (GNU's push_key_description). */
export function charEventDescription(c: number): number[] {
  const base = c & 0x3fffff;
  const out: number[] = [];
  const add = (s: string): void => {
    for (const ch of s) out.push(ch.codePointAt(0)!);
  };
  // A meta TAB reads as C-M-i; otherwise TAB, RET and ESC keep their names.
  const tabAsCi = base === 9 && (c & META) !== 0;
  const plainCtl = base < 32 && base !== 27 && (base !== 9 || tabAsCi) && base !== 13;
  if (c & ALT) add('A-');
  if ((c & CTRL) || plainCtl) add('C-');
  if (c & HYPER) add('H-');
  if (c & META) add('M-');
  if (c & SHIFT) add('S-');
  if (c & SUPER) add('s-');
  if (base < 32) {
    if (base === 27) add('ESC');
    else if (base === 9 && !tabAsCi) add('TAB');
    else if (base === 13) add('RET');
    else out.push(ctlBase(base));
  } else if (base === 127) add('DEL');
  else if (base === 32) add('SPC');
  else out.push(base);
  return out;
}

/** How many leading modifier prefixes a symbol's description keeps outside its angle brackets. */
function symbolDescription(name: string): string {
  let i = 0;
  while (i + 1 < name.length && 'ACHMSs'.includes(name[i]!) && name[i + 1] === '-' && name.length - (i + 2) >= 2) i += 2;
  return `${name.slice(0, i)}<${name.slice(i)}>`;
}

/** The modifier and char bits of an integer event; bignums keep their low bits, as GNU's wider fixnums do. */
function integerEventBits(rt: Runtime, key: number): number {
  return isFixnum(key) ? fixnumValue(key) : Number(BigInt.asIntN(32, integerValue(rt, key)));
}

export function singleKeyDescription(rt: Runtime, key: number, noAngles: boolean): number {
  if (consp(key) && lucidEventList(rt, key)) key = eventConvertList(rt, key);
  if (consp(key) && isFixnum(xcar(rt, key)) && isFixnum(xcdr(rt, key))) {
    // A range of chars, as map-keymap gives for a char-table.
    const a = singleKeyDescription(rt, xcar(rt, key), noAngles);
    rt.push(a);
    const b = singleKeyDescription(rt, xcdr(rt, key), noAngles);
    rt.sp--;
    return concatToString(rt, [a, makeString(rt, '..'), b]);
  }
  if (consp(key)) key = xcar(rt, key);
  if (integerp(rt, key)) return makeStringFromChars(rt, charEventDescription(integerEventBits(rt, key)));
  if (symbolp(key)) {
    if (noAngles) return symbolName(rt, key);
    return makeMultibyteIfNeeded(rt, symbolDescription(jsString(rt, symbolName(rt, key))));
  }
  if (stringp(key)) return copySequence(rt, key);
  return error(rt, 'KEY must be an integer, cons, symbol, or string');
}

const makeMultibyteIfNeeded = (rt: Runtime, s: string): number => makeStringFromChars(rt, Array.from(s, (ch) => ch.codePointAt(0)!));

DEFUN('single-key-description', 1, 2, 'Describe the event KEY in words, as C-x or C-<f1>; with NO-ANGLES, symbols are given without angle brackets.',
  (rt, key: number, noAngles: number) => singleKeyDescription(rt, key, noAngles !== Qnil));

/** The events of a key sequence, a string (meta bytes of unibyte strings made meta chars), vector or list. */
function keySequenceEvents(rt: Runtime, keys: number): number[] {
  if (keys === Qnil) return [];
  if (consp(keys)) return listElements(rt, keys);
  if (stringp(keys) || vectorp(rt, keys)) {
    const out: number[] = [];
    for (let i = 0, n = keyLength(rt, keys); i < n; i++) {
      let c = keyEvent(rt, keys, i);
      // Unlike lookups, descriptions read chars 128..255 of multibyte strings as meta chars too.
      if (stringp(keys) && isFixnum(c) && fixnumValue(c) >= 0x80 && fixnumValue(c) <= 0xff) c = makeFixnum((fixnumValue(c) & 0x7f) | META);
      out.push(c);
    }
    return out;
  }
  return wrongTypeArgument(rt, Qsequencep, keys);
}

export function keyDescription(rt: Runtime, keys: number, prefix: number): number {
  const events = [...keySequenceEvents(rt, prefix), ...keySequenceEvents(rt, keys)];
  const sp = rt.sp;
  for (const e of events) rt.push(e);
  const metaPrefix = symbolValue(rt, Qmeta_prefix_char);
  const parts: number[] = [];
  let addMeta = false;
  const escDesc = (): number => singleKeyDescription(rt, metaPrefix, false);
  for (let key of events) {
    if (addMeta) {
      // ESC then a plain char reads as that char with meta.
      if (!isFixnum(key) || key === metaPrefix || (fixnumValue(key) & META) !== 0) {
        parts.push(escDesc());
        rt.push(parts[parts.length - 1]!);
        if (key === metaPrefix) continue;
      } else key = makeFixnum(fixnumValue(key) | META);
      addMeta = false;
    } else if (key === metaPrefix) {
      addMeta = true;
      continue;
    }
    parts.push(singleKeyDescription(rt, key, false));
    rt.push(parts[parts.length - 1]!);
  }
  if (addMeta) parts.push(escDesc());
  const pieces: number[] = [];
  const sep = makeString(rt, ' ');
  parts.forEach((p, i) => {
    if (i > 0) pieces.push(sep);
    pieces.push(p);
  });
  const r = concatToString(rt, pieces);
  rt.sp = sp;
  return r;
}

DEFUN('key-description', 1, 2, 'Describe the key sequence KEYS (a string, vector or list of events) in words, as C-x C-f; PREFIX, events typed before KEYS, is described first.',
  (rt, keys: number, prefix: number) => keyDescription(rt, keys, prefix));

DEFUN('text-char-description', 1, 1, 'Describe the character CHARACTER as it shows in text: a control char as ^C, DEL as ^?.', (rt, character: number) => {
  const c = checkCharacter(rt, character);
  if (c < 32) return makeStringFromChars(rt, [94, c + 64]);
  if (c === 127) return makeString(rt, '^?');
  return makeStringFromChars(rt, [c]);
});

// ---------------------------------------------------------------------------------------------
// Event lists: (control meta ?a), (shift f1).

const MODIFIER_NAMES: [string, number, number][] = [
  ['control', CTRL, 0], ['ctrl', CTRL, 0], ['meta', META, 0], ['shift', SHIFT, 0], ['super', SUPER, 0], ['hyper', HYPER, 0], ['alt', ALT, 0],
  ['down', 0, DOWN], ['drag', 0, DRAG], ['double', 0, DOUBLE], ['triple', 0, TRIPLE], ['up', 0, UP], ['click', 0, 0],
];

/** The char C with the control modifier applied, as the keyboard makes control chars. */
function controlChar(c: number): number {
  const high = c & ~0x7f & ~CTRL;
  if ((c & 0x3fffff) > 127) return c | CTRL;
  const a = c & 0x7f;
  if (a >= 64 && a < 96) return (a & ~96) | high | (a >= 65 && a <= 90 ? SHIFT : 0);
  if (a >= 97 && a <= 122) return (a & ~96) | high;
  if (a >= 32) return a | CTRL | high;
  return a | high;
}

export function eventConvertList(rt: Runtime, desc: number): number {
  let mods = 0;
  let clicks = 0;
  let base = Qunbound;
  for (let l = desc; consp(l); l = xcdr(rt, l)) {
    const e = xcar(rt, l);
    const last = !consp(xcdr(rt, l));
    const m = symbolp(e) && !last ? MODIFIER_NAMES.find(([n]) => n === jsString(rt, symbolName(rt, e))) : undefined;
    if (m) {
      mods |= m[1];
      clicks |= m[2];
      continue;
    }
    if (base !== Qunbound) error(rt, 'Two bases given in one event');
    base = e;
  }
  if (base === Qunbound) return Qnil;
  if (symbolp(base)) {
    if (mods === 0 && clicks === 0) return base;
    const p = parseSymbolModifiers(jsString(rt, symbolName(rt, base)));
    return intern(rt, modifierPrefix(p.mods | mods, p.clicks | clicks) + p.base);
  }
  if (isFixnum(base)) {
    let c = fixnumValue(base);
    if ((mods & SHIFT) && c >= 97 && c <= 122) {
      c -= 32;
      mods &= ~SHIFT;
    }
    if (mods & CTRL) c = controlChar(c);
    return makeFixnum(c | (mods & ~CTRL));
  }
  return error(rt, 'Invalid base event');
}

eventConvertHook.fn = eventConvertList;
describeKeyHook.fn = keyDescription;

DEFUN('event-convert-list', 1, 1, 'Make the event EVENT-DESC describes, a list of modifier names (control, meta, shift, super, hyper, alt, down, drag, double, triple, click) ending in a base char or symbol.',
  (rt, desc: number) => eventConvertList(rt, desc));


// ---------------------------------------------------------------------------------------------
// Walking keymaps.

/**
 * Call FN(EVENT, DEF) for each binding of MAP in order, a char-table's runs of chars with one
 * definition as (FROM . TO) and its explicit nil bindings as nil; composed keymaps inside MAP
 * are walked in place, the parent after MAP's own bindings unless NOINHERIT. FN may not call
 * Lisp: the bindings are collected first by mapKeymap.
 */
function walkKeymap(rt: Runtime, map: number, noinherit: boolean, fn: (ev: number, def: number) => void, depth = 0): void {
  if (depth > 100) error(rt, 'Possible infinite recursion when walking keymap');
  let l = xcdr(rt, map);
  let n = 0;
  for (; ; l = xcdr(rt, l)) {
    if (!consp(l)) {
      if (l === Qnil || noinherit) return;
      const p = getKeymap(rt, l, false, false);
      if (!consp(p)) return;
      l = p;
      continue;
    }
    if (++n > 1e7) return;
    const elt = xcar(rt, l);
    if (elt === Qkeymap) {
      if (noinherit) return;
      continue;
    }
    if (consp(elt)) {
      if (xcar(rt, elt) === Qkeymap) walkKeymap(rt, elt, false, fn, depth + 1);
      else fn(xcar(rt, elt), xcdr(rt, elt));
    } else if (vectorp(rt, elt)) {
      for (let i = 0; i < pvecSize(rt, elt); i++) fn(makeFixnum(i), vref(rt, elt, i));
    } else if (charTableP(rt, elt)) {
      let runFrom = -1;
      let runTo = -1;
      let runVal = Qnil;
      const flush = (): void => {
        if (runFrom < 0) return;
        const v = runVal === Qt ? Qnil : runVal;
        fn(runFrom === runTo ? makeFixnum(runFrom) : cons(rt, makeFixnum(runFrom), makeFixnum(runTo)), v);
        runFrom = -1;
      };
      mapCharTableJs(rt, elt, (from, to, v) => {
        if (runFrom >= 0 && from === runTo + 1 && v === runVal) runTo = to;
        else {
          flush();
          runFrom = from;
          runTo = to;
          runVal = v;
        }
      });
      flush();
    }
  }
}

/** The bindings of MAP as [event, def] pairs, every value rooted on the runtime stack (caller restores rt.sp). */
function keymapBindings(rt: Runtime, map: number, noinherit: boolean): [number, number][] {
  const out: [number, number][] = [];
  walkKeymap(rt, map, noinherit, (ev, def) => {
    rt.push(ev);
    out.push([ev, def]);
  });
  return out;
}

function mapKeymapLisp(rt: Runtime, fn: number, keymap: number, noinherit: boolean, sortFirst: boolean): number {
  const sp = rt.sp;
  rt.push(fn);
  const map = getKeymap(rt, keymap, true, true);
  rt.push(map);
  const pairs = keymapBindings(rt, map, noinherit);
  if (sortFirst) {
    // Chars first by code, then symbols by name, as a stable order.
    const rank = (ev: number): [number, string] => (isFixnum(ev) ? [0, String(fixnumValue(ev)).padStart(12, '0')] : consp(ev) ? [0, String(fixnumValue(xcar(rt, ev))).padStart(12, '0')] : [1, symbolp(ev) ? jsString(rt, symbolName(rt, ev)) : '']);
    pairs.sort((a, b) => {
      const [ka, na] = rank(a[0]);
      const [kb, nb] = rank(b[0]);
      return ka - kb || (na < nb ? -1 : na > nb ? 1 : 0);
    });
  }
  for (const [ev, def] of pairs) funcall(rt, fn, [ev, def]);
  rt.sp = sp;
  return Qnil;
}

DEFUN('map-keymap', 2, 3, 'Call FUNCTION with each binding of KEYMAP, an event (a range of chars as (FROM . TO)) and its definition, its parents\' bindings after its own.\nSORT-FIRST non-nil gives the bindings in the order of their events.',
  (rt, fn: number, keymap: number, sortFirst: number) => mapKeymapLisp(rt, fn, keymap, false, sortFirst !== Qnil));

DEFUN('map-keymap-internal', 2, 2, 'Call FUNCTION with each binding of KEYMAP itself, not of its parent, an event and its definition.',
  (rt, fn: number, keymap: number) => mapKeymapLisp(rt, fn, keymap, true, false));

/** A copy of a definition: keymaps in it (also in menu items) are copied, anything else shared. */
function copyKeymapItem(rt: Runtime, elt: number, depth: number): number {
  if (!consp(elt)) return elt;
  const head = xcar(rt, elt);
  if (head === Qkeymap) return copyKeymapList(rt, elt, depth + 1);
  if (head === Qmenu_item) {
    // (menu-item NAME DEF . PROPS): a fresh spine down to DEF.
    const rest = xcdr(rt, elt);
    if (consp(rest) && consp(xcdr(rt, rest))) {
      const defCell = xcdr(rt, rest);
      const def = copyKeymapItem(rt, xcar(rt, defCell), depth);
      rt.push(def);
      const r = cons(rt, Qmenu_item, cons(rt, xcar(rt, rest), cons(rt, def, xcdr(rt, defCell))));
      rt.sp--;
      return r;
    }
    return elt;
  }
  if (stringp(head)) {
    // (STRING . DEF) or (STRING HELP . DEF).
    const rest = xcdr(rt, elt);
    if (consp(rest) && stringp(xcar(rt, rest))) {
      const def = copyKeymapItem(rt, xcdr(rt, rest), depth);
      rt.push(def);
      const r = cons(rt, head, cons(rt, xcar(rt, rest), def));
      rt.sp--;
      return r;
    }
    const def = copyKeymapItem(rt, rest, depth);
    rt.push(def);
    const r = cons(rt, head, def);
    rt.sp--;
    return r;
  }
  return elt;
}

function copyKeymapList(rt: Runtime, keymap: number, depth: number): number {
  if (depth > 100) error(rt, 'Possible infinite recursion when copying keymap');
  const sp = rt.sp;
  const copy = list(rt, Qkeymap);
  rt.push(copy);
  let last = copy;
  let l = xcdr(rt, keymap);
  for (; consp(l) && xcar(rt, l) !== Qkeymap; l = xcdr(rt, l)) {
    let elt = xcar(rt, l);
    if (charTableP(rt, elt)) {
      const src = elt;
      elt = makeCharTable(rt, Qkeymap, Qnil);
      rt.push(elt);
      const runs: [number, number, number][] = [];
      mapCharTableJs(rt, src, (from, to, v) => runs.push([from, to, v]));
      for (const [from, to, v] of runs) {
        const cv = copyKeymapItem(rt, v, depth);
        if (from === to) charTableSet(rt, elt, from, cv);
        else charTableSetRange(rt, elt, from, to, cv);
      }
    } else if (vectorp(rt, elt)) {
      const src = elt;
      elt = copySequence(rt, src);
      rt.push(elt);
      for (let i = 0; i < pvecSize(rt, elt); i++) rt.i32[((elt & -8) >>> 2) + 1 + i] = copyKeymapItem(rt, vref(rt, elt, i), depth);
    } else if (consp(elt)) {
      if (xcar(rt, elt) === Qkeymap) elt = copyKeymapList(rt, elt, depth + 1);
      else {
        const def = copyKeymapItem(rt, xcdr(rt, elt), depth);
        rt.push(def);
        elt = cons(rt, xcar(rt, elt), def);
      }
      rt.push(elt);
    }
    const cell = list(rt, elt);
    xsetcdr(rt, last, cell);
    last = cell;
  }
  // The parent is shared, not copied.
  xsetcdr(rt, last, l);
  rt.sp = sp;
  return copy;
}

DEFUN('copy-keymap', 1, 1, 'Give a copy of KEYMAP: its prefix keymaps (not those named by symbols) are copied too, its parent is shared.',
  (rt, keymap: number) => copyKeymapList(rt, getKeymap(rt, keymap, true, false), 0));

function keymapPrompt(rt: Runtime, map: number, depth: number): number {
  if (depth > 100) return Qnil;
  let l = xcdr(rt, map);
  for (let n = 0; ; l = xcdr(rt, l)) {
    if (!consp(l)) {
      const p = l === Qnil ? Qnil : getKeymap(rt, l, false, false);
      if (!consp(p)) return Qnil;
      l = p;
      continue;
    }
    if (++n > 1e7) return Qnil;
    const elt = xcar(rt, l);
    if (stringp(elt)) return elt;
    if (consp(elt) && xcar(rt, elt) === Qkeymap) {
      const p = keymapPrompt(rt, elt, depth + 1);
      if (p !== Qnil) return p;
    }
  }
}

DEFUN('keymap-prompt', 1, 1, 'Give the prompt string of KEYMAP (or of a keymap it holds or inherits from), or nil.',
  (rt, keymap: number) => {
    const map = getKeymap(rt, keymap, false, true);
    return consp(map) ? keymapPrompt(rt, map, 0) : Qnil;
  });

DEFUN('define-prefix-command', 1, 3, 'Make COMMAND a prefix command: its function definition becomes a new sparse keymap (with prompt NAME), which is also made the value of MAPVAR, or of COMMAND itself when MAPVAR is nil. Give COMMAND.',
  (rt, command: number, mapvar: number, name: number) => {
    const map = name === Qnil ? list(rt, Qkeymap) : list(rt, Qkeymap, name);
    rt.push(map);
    fset(rt, command, map);
    funcall(rt, Qset, [mapvar !== Qnil ? mapvar : command, map]);
    rt.sp--;
    return command;
  });

/**
 * Whether SUB is already listed under a sequence that begins THISSEQ (the sequence of the keymap
 * holding the binding): following it again would go round a cycle. The same keymap under
 * sequences that do not begin one another is listed under each, as GNU lists help-map under
 * C-h, <f1> and <help>.
 */
function reachedAbove(maps: number[], seqs: number[][], sub: number, thisSeq: number[]): boolean {
  for (let k = 0; k < maps.length; k++) {
    if (maps[k] !== sub) continue;
    const seq = seqs[k]!;
    if (seq.length > thisSeq.length) continue;
    let i = 0;
    while (i < seq.length && seq[i] === thisSeq[i]) i++;
    if (i === seq.length) return true;
  }
  return false;
}

/** The alist of (SEQUENCE . KEYMAP) of every prefix keymap reachable from MAP, breadth first. */
function accessibleKeymaps(rt: Runtime, keymap: number, prefix: number): number {
  const sp = rt.sp;
  let start: number;
  let startSeq: number[];
  if (prefix !== Qnil && keyLength(rt, prefix) > 0) {
    const tem = lookupKey(rt, keymap, prefix, Qt);
    start = getKeymap(rt, tem, false, false);
    if (!consp(start)) return Qnil;
    startSeq = [];
    for (let i = 0, n = keyLength(rt, prefix); i < n; i++) startSeq.push(keyEvent(rt, prefix, i));
  } else {
    start = getKeymap(rt, keymap, true, false);
    startSeq = [];
  }
  rt.push(start);
  const metaPrefix = symbolValue(rt, Qmeta_prefix_char);
  const seqs: number[][] = [startSeq];
  const maps: number[] = [start];
  for (let k = 0; k < maps.length; k++) {
    const thisSeq = seqs[k]!;
    const metized = thisSeq.length > 0 && thisSeq[thisSeq.length - 1] === metaPrefix;
    const pairs = keymapBindings(rt, maps[k]!, false);
    for (const [ev, def] of pairs) {
      const sub = getKeymap(rt, getKeyelt(rt, def), false, false);
      if (!consp(sub) || reachedAbove(maps, seqs, sub, thisSeq)) continue;
      rt.push(sub);
      maps.push(sub);
      if (metized && isFixnum(ev)) seqs.push([...thisSeq.slice(0, -1), makeFixnum(fixnumValue(ev) | META)]);
      else seqs.push([...thisSeq, ev]);
      if (maps.length > 1e6) break;
    }
  }
  const cells: number[] = [];
  for (let k = 0; k < maps.length; k++) {
    const v = vectorFromArray(rt, seqs[k]!);
    rt.push(v);
    cells.push(cons(rt, v, maps[k]!));
    rt.push(cells[k]!);
  }
  const r = listFromArray(rt, cells);
  rt.sp = sp;
  return r;
}

DEFUN('accessible-keymaps', 1, 2, 'Give an alist of (KEY . MAP) for every prefix keymap reachable from KEYMAP, KEY being the events that lead to MAP; with PREFIX, only those reached through it.',
  (rt, keymap: number, prefix: number) => accessibleKeymaps(rt, keymap, prefix));

// ---------------------------------------------------------------------------------------------
// The active maps, key-binding, where-is.

const Qminor_mode_map_alist = DEFVAR('minor-mode-map-alist', () => Qnil, 'Alist of (VARIABLE . KEYMAP): KEYMAP is active while VARIABLE is non-nil.');
const Qminor_mode_overriding_map_alist = DEFVAR('minor-mode-overriding-map-alist', () => Qnil, 'Alist of (VARIABLE . KEYMAP), as `minor-mode-map-alist\', that a major mode uses to replace minor modes\' maps.');
const Qemulation_mode_map_alists = DEFVAR('emulation-mode-map-alists', () => Qnil, 'A list of alists like `minor-mode-map-alist\' (or symbols whose values are such), searched before it.');
const Qoverriding_local_map = DEFVAR('overriding-local-map', () => Qnil, 'A keymap that replaces the buffer\'s local and minor-mode maps when non-nil.');
const Qoverriding_terminal_local_map = DEFVAR('overriding-terminal-local-map', () => Qnil, 'A keymap searched before every other when non-nil.');
const Qremap = DEFSYM('remap');
const Qset = DEFSYM('set');
const Qnon_ascii = DEFSYM('non-ascii');
const Qtool_bar = DEFSYM('tool-bar');
const QCadvertised_binding = DEFSYM(':advertised-binding');

const boundValue = (rt: Runtime, sym: number): number => {
  if (!symbolp(sym)) return Qnil;
  const v = findSymbolValue(rt, sym);
  return v === Qunbound ? Qnil : v;
};

/** The keymaps of the minor modes that are on, emulation alists first (GNU's current_minor_maps). */
function currentMinorMaps(rt: Runtime): number[] {
  const out: number[] = [];
  const seen: number[] = [];
  const scan = (alist: number, remember: boolean, skipSeen: boolean): void => {
    let n = 0;
    for (let l = alist; consp(l) && ++n < 1e6; l = xcdr(rt, l)) {
      const e = xcar(rt, l);
      if (!consp(e)) continue;
      const v = xcar(rt, e);
      if (!symbolp(v) || boundValue(rt, v) === Qnil) continue;
      if (skipSeen && seen.includes(v)) continue;
      if (remember) seen.push(v);
      const map = getKeymap(rt, xcdr(rt, e), false, true);
      if (consp(map)) {
        rt.push(map);
        out.push(map);
      }
    }
  };
  for (let l = boundValue(rt, Qemulation_mode_map_alists); consp(l); l = xcdr(rt, l)) {
    const a = xcar(rt, l);
    scan(symbolp(a) ? boundValue(rt, a) : a, false, false);
  }
  scan(boundValue(rt, Qminor_mode_overriding_map_alist), true, false);
  scan(boundValue(rt, Qminor_mode_map_alist), false, true);
  return out;
}

DEFUN('current-minor-mode-maps', 0, 0, 'Give the keymaps of the minor modes now on (and of `emulation-mode-map-alists\'), the first searched first.', (rt) => {
  const sp = rt.sp;
  const r = listFromArray(rt, currentMinorMaps(rt));
  rt.sp = sp;
  return r;
});

/** The active keymaps, the first searched first: with OLP the overriding maps count. */
function currentActiveMaps(rt: Runtime, olp: boolean): number[] {
  const maps: number[] = [];
  const otl = boundValue(rt, Qoverriding_terminal_local_map);
  const olm = boundValue(rt, Qoverriding_local_map);
  if (olp && otl !== Qnil) maps.push(otl);
  if (olp && olm !== Qnil) maps.push(olm);
  else {
    for (const m of currentMinorMaps(rt)) maps.push(m);
    const local = currentLocalMap(rt);
    if (local !== Qnil) maps.push(local);
  }
  maps.push(currentGlobalMap(rt));
  return maps;
}

DEFUN('current-active-maps', 0, 2, 'Give the keymaps now active, the first searched first: minor modes\' maps, the local map, the global map. OLP non-nil puts `overriding-local-map\' (which then replaces the minor-mode and local maps) and `overriding-terminal-local-map\' in front. POSITION is ignored in batch.',
  (rt, olp: number) => {
    const sp = rt.sp;
    const r = listFromArray(rt, currentActiveMaps(rt, olp !== Qnil));
    rt.sp = sp;
    return r;
  });

/** The first binding of KEY in MAPS that is neither nil nor a number (GNU's lookup through a keymap list). */
function lookupInMaps(rt: Runtime, maps: number[], key: number, acceptDefault: boolean): number {
  for (const m of maps) {
    const r = lookupKey(rt, m, key, acceptDefault ? Qt : Qnil);
    if (r !== Qnil && !isFixnum(r)) return r;
  }
  return Qnil;
}

function commandRemapping(rt: Runtime, command: number, maps: number[]): number {
  if (!symbolp(command) || command === Qnil) return Qnil;
  const key = vectorFromArray(rt, [Qremap, command]);
  rt.push(key);
  const r = lookupInMaps(rt, maps, key, false);
  rt.sp--;
  return r;
}

DEFUN('command-remapping', 1, 3, 'Give the command COMMAND is remapped to by a [remap COMMAND] binding in the active keymaps (or in KEYMAPS, a list), or nil.',
  (rt, command: number, _position: number, keymaps: number) => {
    const sp = rt.sp;
    const maps = keymaps === Qnil ? currentActiveMaps(rt, true) : consp(keymaps) && !isKeymapList(rt, keymaps) ? listElements(rt, keymaps) : [keymaps];
    for (const m of maps) rt.push(m);
    const r = commandRemapping(rt, command, maps);
    rt.sp = sp;
    return r;
  });

DEFUN('key-binding', 1, 4, 'Give the binding of KEY in the active keymaps, or nil: the first of the overriding, minor-mode, local and global maps that binds it. ACCEPT-DEFAULT lets default bindings count; a command remapped by [remap CMD] gives its replacement unless NO-REMAP.',
  (rt, key: number, acceptDefault: number, noRemap: number) => {
    checkKey(rt, key);
    const sp = rt.sp;
    const maps = currentActiveMaps(rt, true);
    for (const m of maps) rt.push(m);
    let value = lookupInMaps(rt, maps, key, acceptDefault !== Qnil);
    if (value !== Qnil && noRemap === Qnil && symbolp(value)) {
      const remap = commandRemapping(rt, value, maps);
      if (remap !== Qnil) value = remap;
    }
    rt.sp = sp;
    return value;
  });

DEFUN('local-key-binding', 1, 2, 'Give the binding of KEYS in the current local keymap, or nil.', (rt, keys: number, acceptDefault: number) => {
  const m = currentLocalMap(rt);
  return m === Qnil ? Qnil : lookupKey(rt, m, keys, acceptDefault);
});

DEFUN('global-key-binding', 1, 2, 'Give the binding of KEYS in the current global keymap, or nil.', (rt, keys: number, acceptDefault: number) =>
  lookupKey(rt, currentGlobalMap(rt), keys, acceptDefault));

const asciiSequence = (rt: Runtime, seq: number): boolean => {
  for (let i = 0; i < pvecSize(rt, seq); i++) {
    const e = vref(rt, seq, i);
    if (!isFixnum(e) || (fixnumValue(e) & ~META) >= 0x80) return false;
  }
  return true;
};

/** Every key sequence of MAPS bound to DEFINITION (without the shadowing check), in the order found. */
function sequencesFor(rt: Runtime, maps: number[], definition: number, noindirect: boolean, remaps = false): number[] {
  const out: number[] = [];
  const metaPrefix = symbolValue(rt, Qmeta_prefix_char);
  for (const m of maps) {
    const alist = accessibleKeymaps(rt, m, Qnil);
    rt.push(alist);
    for (let l = alist; consp(l); l = xcdr(rt, l)) {
      const prefix = xcar(rt, xcar(rt, l));
      const n = pvecSize(rt, prefix);
      if (n > 0 && (vref(rt, prefix, 0) === Qremap) !== remaps) continue;
      const pairs = keymapBindings(rt, xcdr(rt, xcar(rt, l)), false);
      for (const [ev, def0] of pairs) {
        const def = noindirect ? def0 : getKeyelt(rt, def0);
        if (!(def === definition || (consp(definition) && equalp(rt, def, definition)))) continue;
        const evs: number[] = [];
        for (let i = 0; i < n; i++) evs.push(vref(rt, prefix, i));
        if (n > 0 && evs[n - 1] === metaPrefix && isFixnum(ev)) evs[n - 1] = makeFixnum(fixnumValue(ev) | META);
        else evs.push(ev);
        const seq = vectorFromArray(rt, evs);
        rt.push(seq);
        if (!out.some((o) => equalp(rt, o, seq))) out.push(seq);
      }
    }
  }
  return out;
}

DEFUN('where-is-internal', 1, 5, 'Give the key sequences that invoke DEFINITION in KEYMAP (a keymap, searched with the global map; a list of keymaps; or nil for the active maps).\nFIRSTONLY `non-ascii\' gives the first sequence found, another non-nil value the first made of ASCII chars (meta allowed). NOINDIRECT leaves menu items unresolved. Sequences of commands remapped to DEFINITION are included unless NO-REMAP.',
  (rt, definition: number, keymap: number, firstonly: number, noindirect: number, noRemap: number) => {
    const sp = rt.sp;
    let maps: number[];
    if (keymap === Qnil) maps = currentActiveMaps(rt, false);
    else if (keymapp(rt, keymap)) maps = [getKeymap(rt, keymap, true, true), currentGlobalMap(rt)];
    else maps = listElements(rt, keymap);
    for (const m of maps) rt.push(m);
    const found: number[] = [];
    // With NO-REMAP, [remap CMD] sequences count as any other.
    const consider = (def: number): void => {
      for (const seq of sequencesFor(rt, maps, def, noindirect !== Qnil, false)) {
        // A sequence shadowed by another binding is not one that invokes DEF.
        const b = lookupInMaps(rt, maps, seq, false);
        if (b !== def && !(consp(def) && equalp(rt, b, def))) continue;
        if (!found.some((o) => equalp(rt, o, seq))) found.push(seq);
      }
    };
    // A command remapped to another is reached through that one's keys.
    if (noRemap === Qnil && symbolp(definition) && definition !== Qnil) {
      const r = commandRemapping(rt, definition, maps);
      if (r !== Qnil) definition = r;
    }
    rt.push(definition);
    consider(definition);
    if (noRemap === Qnil && symbolp(definition) && definition !== Qnil) {
      // Commands remapped to DEFINITION: their keys invoke it too.
      for (const seq of sequencesFor(rt, maps, definition, noindirect !== Qnil, true)) {
        if (pvecSize(rt, seq) === 2 && vref(rt, seq, 0) === Qremap) consider(vref(rt, seq, 1));
      }
    }
    if (noRemap !== Qnil) {
      for (const seq of sequencesFor(rt, maps, definition, noindirect !== Qnil, true)) {
        if (!found.some((o) => equalp(rt, o, seq))) found.push(seq);
      }
    }
    const kept = noRemap !== Qnil ? found : found.filter((seq) => !(pvecSize(rt, seq) > 0 && vref(rt, seq, 0) === Qremap));
    let r: number;
    // With FIRSTONLY, the command's :advertised-binding wins when it is one of its keys.
    const adv = firstonly !== Qnil && symbolp(definition) && definition !== Qnil ? getProp(rt, definition, QCadvertised_binding) : Qnil;
    const advertised = adv === Qnil ? undefined : kept.find((seq) => equalp(rt, seq, adv));
    if (firstonly === Qnil) r = listFromArray(rt, kept);
    else if (advertised !== undefined) r = advertised;
    else if (firstonly === Qnon_ascii) r = kept.length ? kept[0]! : Qnil;
    else {
      const isMenu = (seq: number): boolean => pvecSize(rt, seq) > 0 && (vref(rt, seq, 0) === Qmenu_bar || vref(rt, seq, 0) === Qtool_bar);
      r = kept.find((seq) => asciiSequence(rt, seq)) ?? kept.find((seq) => !isMenu(seq)) ?? Qnil;
    }
    rt.sp = sp;
    return r;
  });

export { Qmeta_prefix_char, Qglobal_map, Qminor_mode_map_alist };
