// Tests for the formatting half of src/emacs/editfns.ts: format calls against results recorded from GNU Emacs 28.2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../src/emacs/eval.ts';
import '../src/emacs/fns.ts';
import '../src/emacs/lread.ts';
import '../src/emacs/print.ts';
import '../src/emacs/editfns.ts';
import { createRuntime } from '../src/core/init.ts';
import { nodeHost } from '../src/host/node.ts';
import { cons, listToArray, makeFixnum, makeString, schars, stringMultibyte } from '../src/core/object.ts';
import { LispSignal } from '../src/core/signal.ts';
import { intern } from '../src/core/obarray.ts';
import { readFromString } from '../src/emacs/lread.ts';
import { specbind, unbindTo } from '../src/emacs/eval.ts';
import { prin1ToJs } from '../src/emacs/print.ts';
import { charToString, styledFormat } from '../src/emacs/editfns.ts';

const rt = createRuntime({ host: nodeHost() });
const read = (src: string): number => readFromString(rt, makeString(rt, src)).obj;

// [the arguments of format, prin1 of its result (or ERR and the error) in GNU Emacs 28.2]
const CASES: [string, string][] = [
[
"(\"%d\" 42)",
"\"42\""
],
[
"(\"%5d|%-5d|%05d|%+d|% d\" 42 42 42 42 42)",
"\"   42|42   |00042|+42| 42\""
],
[
"(\"%d %d %d %d\" -3.7 3.7 -0.5 1e30)",
"\"-3 3 0 1000000000000000019884624838656\""
],
[
"(\"%x %X %o %x %o\" 255 255 8 -255 -8)",
"\"ff FF 10 -ff -10\""
],
[
"(\"%#x %#o %#X %#x %#o %#.3x %#.5o\" 255 8 255 0 0 5 8)",
"\"0xff 010 0XFF 0 0 0x005 00010\""
],
[
"(\"%x %d %+d %040d| %.30x %#x\" 1180591620717411303424 -1180591620717411303424 1180591620717411303424 1180591620717411303424 1180591620717411303424 1180591620717411303424)",
"\"400000000000000000 -1180591620717411303424 +1180591620717411303424 0000000000000000001180591620717411303424| 000000000000400000000000000000 0x400000000000000000\""
],
[
"(\"%x %x %o %x\" 1.9 -1.5 7.9 1.5e30)",
"\"1 -1 7 12eec2eb3869af000000000000\""
],
[
"(\"%c %c %5c| %-5c| %c %c %c %c\" ?é 65 ?a ?x 0 128 255 1)",
"\"é A     a| x    | \u0000  ÿ \u0001\""
],
[
"(\"%s %S %s %S %s\" sym \"str\" \"str\" (1 \"a\") (1 \"a\"))",
"\"sym \\\"str\\\" str (1 \\\"a\\\") (1 a)\""
],
[
"(\"%.2s|%5s|%-5s|%.2S|%5.3S|%.0s|%.s|%5.2s|\" \"abcdef\" \"ab\" \"cd\" \"abc\" \"abcdef\" \"abc\" \"abc\" \"abc\")",
"\"ab|   ab|cd   |\\\"a|  \\\"ab|||   ab|\""
],
[
"(\"%e %f %g %.3e %.10f %g %g %g\" 1.5 1.5 1.5 12345.678 0.1 1e20 0.0001 0.00001)",
"\"1.500000e+00 1.500000 1.5 1.235e+04 0.1000000000 1e+20 0.0001 1e-05\""
],
[
"(\"%#g %#.3g %.0f %.0f %.0f %.1f %.1f\" 1.0 1.0 2.5 0.5 1.5 0.25 0.35)",
"\"1.00000 1.00 2 0 2 0.2 0.3\""
],
[
"(\"%e %f %f %e\" 1 3 1e30 1180591620717411303424)",
"\"1.000000e+00 3.000000 1000000000000000019884624838656.000000 1.180592e+21\""
],
[
"(\"%f %f %f %d %d %5.0f|%05f\" 1.0e+INF -1.0e+INF 0.0e+NaN 1.0e+INF 0.0e+NaN 0.0e+NaN -1.0e+INF)",
"\"inf -inf nan inf nan   nan| -inf\""
],
[
"(\"%1$s %1$s %2$d\" \"a\" 3)",
"\"a a 3\""
],
[
"(\"%-08d|%08.3f|%+.2e|% 5d|%+5s|%-+5d|%05s|%.3d|%08.3d|\" 5 -1.5 1.0 3 \"a\" 3 \"a\" 5 5)",
"\"5       |-001.500|+1.00e+00|    3|    a|+3   |    a|005|     005|\""
],
[
"(\"%s %s %s %s %s\" 1.5 nil 100000000000000000.0 [1 2] 1.0e+INF)",
"\"1.5 nil 1e+17 [1 2] 1.0e+INF\""
],
[
"(\"%#5.0f|%#e|%.0e|%g|%g|%g|%.20g|% 8.3f|%#5.0e|%#g|%g|%e|%g|%.0g|%#.0g|%5.1g|%.3g|%.17g\" 3.0 2.0 25.0 123456.0 1234567.0 100000.0 0.1 3.14159 3.0 0.0 0.0 0.0 -0.0 15.0 15.0 0.05 0.0001234 1.0)",
"\"   3.|2.000000e+00|2e+01|123456|1.23457e+06|100000|0.10000000000000000555|   3.142|3.e+00|0.00000|0|0.000000e+00|-0|2e+01|2.e+01| 0.05|0.000123|1\""
],
[
"(\"%-#x|%+x|% x|%05x|%+.0f|%+05d|% 05d|%-05d\" 255 5 5 -5 0.0 3 3 3)",
"\"0xff|+5| 5|-0005|+0|+0003| 0003|3    \""
],
[
"(\"%i %.3d|%+d|%05d\" 3 5.0 3.7 -3.7)",
"\"3 005|+3|-0003\""
],
[
"(\"%c\" a)",
"\"a\""
],
[
"(\"%5s|%5s|%5s|%5s|%.1s|%.2s|%5s|\" \"中\" \"\\1\" \"e\\u0301\" \"😀\" \"中a\" \"中a\" \"\\u200b\")",
"\"   中|   \u0001|    é|   😀||中|     ​|\""
],
[
"(\"x%sy %s\" \"é\" \"\\377\")",
"\"xéy \\377\""
],
[
"(\"%s%s\" \"é\" \"\\377\")",
"\"é\\377\""
],
[
"(\"%S %s %S\" a\\,b a\\,b \"a\\nb\")",
"\"a\\\\,b a,b \\\"a\nb\\\"\""
],
[
"(\"abc\" 1 2)",
"\"abc\""
],
[
"(\"%%|%5%|%d\" 3)",
"\"%|%|3\""
],
[
"(\"%s\")",
"ERR (error \"Not enough arguments for format string\")"
],
[
"(\"%q\" 1)",
"ERR (error \"Invalid format operation %q\")"
],
[
"(\"%d\" \"x\")",
"ERR (error \"Format specifier doesn’t match argument type\")"
],
[
"(\"%c\" \"x\")",
"ERR (error \"Format specifier doesn’t match argument type\")"
],
[
"(\"%c\" 1.0)",
"ERR (error \"Format specifier doesn’t match argument type\")"
],
[
"(\"a%\")",
"ERR (error \"Format string ends in middle of format specifier\")"
],
[
"(\"%-1$s\" \"a\")",
"ERR (error \"Invalid format operation %$\")"
],
[
"(\"%d %s\" 1)",
"ERR (error \"Not enough arguments for format string\")"
],
[
"(\"%3$s\" 1 2)",
"ERR (error \"Not enough arguments for format string\")"
],
[
"(\"%x\" 1.0e+INF)",
"ERR (overflow-error)"
],
[
"(\"%é\" 1)",
"ERR (error \"Invalid format operation %é\")"
],
[
"(\"%c\" -1)",
"ERR (wrong-type-argument characterp -1)"
],
[
"(\"%s %S\" 1180591620717411303424 -5)",
"\"1180591620717411303424 -5\""
]
];

function run(args: number[], message = false): string {
  try {
    return prin1ToJs(rt, styledFormat(rt, args, message));
  } catch (e) {
    if (e instanceof LispSignal) return 'ERR ' + prin1ToJs(rt, cons(rt, e.symbol, e.data));
    throw e;
  }
}

for (const [src, expected] of CASES) {
  test(`format ${src}`, () => {
    assert.equal(run(listToArray(rt, read(src))), expected);
  });
}

test('format-message curves quotes as text-quoting-style says', () => {
  assert.equal(run([makeString(rt, "`a' %s"), makeString(rt, "`b'")], true), '"‘a’ `b\'"');
  const count = rt.specCount;
  try {
    specbind(rt, intern(rt, 'text-quoting-style'), intern(rt, 'straight'));
    assert.equal(run([makeString(rt, "`a'")], true), '"\'a\'"');
    specbind(rt, intern(rt, 'text-quoting-style'), intern(rt, 'grave'));
    assert.equal(run([makeString(rt, "`a'")], true), '"`a\'"');
  } finally {
    unbindTo(rt, count);
  }
});

test('results are unibyte unless something multibyte took part', () => {
  assert.equal(stringMultibyte(rt, styledFormat(rt, [makeString(rt, 'a'), makeString(rt, 'é')], false)), false);
  assert.equal(stringMultibyte(rt, styledFormat(rt, [makeString(rt, '%c'), makeFixnum(200)], false)), true);
  const s = charToString(rt, makeFixnum(0x4e2d));
  assert.equal(schars(rt, s), 1);
  assert.equal(prin1ToJs(rt, s), '"中"');
});
