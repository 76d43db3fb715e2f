// Tests for src/emacs/floatfns.ts: rounding, conversions and elementary functions (expected values from GNU Emacs 28.2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { show, num, int } from './support/numbers.ts';

// Each expected string is what GNU Emacs 28.2 prints for the form (prin1), or `!! ERROR` for a signal.
const CASES: [string, string][] = [
  ["(abs -5)", "5"],
  ["(abs -0.0)", "0.0"],
  ["(abs (- (ash 1 100)))", "1267650600228229401496703205376"],
  ["(round 2.5)", "2"],
  ["(round 3.5)", "4"],
  ["(round -2.5)", "-2"],
  ["(round 5 2)", "2"],
  ["(round 7 2)", "4"],
  ["(round -5 2)", "-2"],
  ["(round 5.0 2)", "2"],
  ["(round 2.5 1)", "2"],
  ["(round 1 0)", "!! (arith-error)"],
  ["(round 1.0 0)", "!! (arith-error)"],
  ["(round 1 0.0)", "!! (arith-error)"],
  ["(truncate 1.0e+INF)", "!! (overflow-error)"],
  ["(truncate 0.0e+NaN)", "!! (overflow-error)"],
  ["(truncate -7 2)", "-3"],
  ["(floor -7 2)", "-4"],
  ["(ceiling -7 2)", "-3"],
  ["(ceiling 7 2)", "4"],
  ["(floor 7.5 2)", "3"],
  ["(floor -0.5)", "-1"],
  ["(floor 1e20)", "100000000000000000000"],
  ["(truncate 1e20 3)", "33333333333333333333"],
  ["(floor 'a)", "!! (wrong-type-argument numberp a)"],
  ["(floor 5 'a)", "!! (wrong-type-argument numberp a)"],
  ["(ffloor 2.5)", "2.0"],
  ["(ffloor 2)", "!! (wrong-type-argument floatp 2)"],
  ["(fround 2.5)", "2.0"],
  ["(fround -2.5)", "-2.0"],
  ["(fround 0.5)", "0.0"],
  ["(fround -0.4)", "-0.0"],
  ["(ftruncate -2.5)", "-2.0"],
  ["(fceiling -0.5)", "-0.0"],
  ["(float 1)", "1.0"],
  ["(float 1.5)", "1.5"],
  ["(float (ash 1 100))", "1.2676506002282294e+30"],
  ["(float 'a)", "!! (wrong-type-argument numberp a)"],
  ["(abs 'a)", "!! (wrong-type-argument numberp a)"],
  ["(sqrt -1)", "-0.0e+NaN"],
  ["(sqrt 4)", "2.0"],
  ["(sqrt -0.0)", "-0.0"],
  ["(exp 1)", "2.718281828459045"],
  ["(expt 2 10)", "1024"],
  ["(expt 2 100)", "1267650600228229401496703205376"],
  ["(expt 2 -1)", "0.5"],
  ["(expt 2.0 -1)", "0.5"],
  ["(expt 0 0)", "1"],
  ["(expt 0 -1)", "1.0e+INF"],
  ["(expt -1 -1)", "-1.0"],
  ["(expt 1 -5)", "1.0"],
  ["(expt 2 0.5)", "1.4142135623730951"],
  ["(expt -8 (/ 1.0 3))", "-0.0e+NaN"],
  ["(expt 3 (ash 1 100))", "!! (overflow-error)"],
  ["(expt 1 (ash 1 100))", "1"],
  ["(expt -1 (ash 1 100))", "1"],
  ["(expt -1 (1+ (ash 1 100)))", "-1"],
  ["(expt 'a 1)", "!! (wrong-type-argument numberp a)"],
  ["(expt -3 41)", "-36472996377170786403"],
  ["(expt 2 65536)", "!! (overflow-error)"],
  ["(expt 1.0 0.0e+NaN)", "1.0"],
  ["(expt 0.0e+NaN 0)", "1.0"],
  ["(log 8 2)", "3.0"],
  ["(log 100 10)", "2.0"],
  ["(log 0)", "-1.0e+INF"],
  ["(log -1)", "-0.0e+NaN"],
  ["(log 8 2.0)", "3.0"],
  ["(log 1000 10)", "3.0"],
  ["(log 2 0)", "-0.0"],
  ["(log 2 1)", "1.0e+INF"],
  ["(log 8 -2)", "-0.0e+NaN"],
  ["(atan 1 1)", "0.7853981633974483"],
  ["(atan 1)", "0.7853981633974483"],
  ["(atan 0 -1)", "3.141592653589793"],
  ["(asin 2)", "0.0e+NaN"],
  ["(acos 2)", "0.0e+NaN"],
  ["(sin 1.0e+INF)", "-0.0e+NaN"],
  ["(isnan 0.0e+NaN)", "t"],
  ["(isnan 1)", "!! (wrong-type-argument floatp 1)"],
  ["(copysign 1.0 -0.0)", "-1.0"],
  ["(copysign 1 -1.0)", "!! (wrong-type-argument floatp 1)"],
  ["(copysign 0.0e+NaN -1.0)", "-0.0e+NaN"],
  ["(frexp 8.0)", "(0.5 . 4)"],
  ["(frexp 0.0)", "(0.0 . 0)"],
  ["(frexp -0.0)", "(-0.0 . 0)"],
  ["(frexp 1)", "(0.5 . 1)"],
  ["(frexp 1.0e+INF)", "(1.0e+INF . 0)"],
  ["(frexp 0.0e+NaN)", "(0.0e+NaN . 0)"],
  ["(frexp 1.0e-320)", "(0.98828125 . -1063)"],
  ["(frexp 1.0e300)", "(0.7466108948025751 . 997)"],
  ["(ldexp 1.0 10)", "1024.0"],
  ["(ldexp 1 10)", "1024.0"],
  ["(ldexp 1.0 1.0)", "!! (wrong-type-argument fixnump 1.0)"],
  ["(ldexp 1.0 -1074)", "5e-324"],
  ["(ldexp 1.0 -1075)", "0.0"],
  ["(ldexp 1.5 -1074)", "1e-323"],
  ["(ldexp 1.0 1024)", "1.0e+INF"],
  ["(ldexp 0.75 1024)", "1.348269851146737e+308"],
  ["(logb 8)", "3"],
  ["(logb 10.5)", "3"],
  ["(logb 0)", "-1.0e+INF"],
  ["(logb 0.0)", "-1.0e+INF"],
  ["(logb 1.0e+INF)", "1.0e+INF"],
  ["(logb (ash 1 100))", "100"],
  ["(logb 0.0e+NaN)", "0.0e+NaN"],
  ["(logb -8)", "3"],
  ["(logb 1.0e-320)", "-1064"],
  ["(round 1.0e+INF)", "!! (overflow-error)"],
  ["(round 1e300)", "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160"],
  ["(floor 5 2.5)", "2"],
  ["(round (ash 1 100) 3)", "422550200076076467165567735125"],
  ["(truncate 4.611686018427388e+18)", "4611686018427387904"],
  ["(round -0.5)", "0"],
  ["(round 0.49999999999999994)", "0"],
  ["(round 2.5 2)", "1"],
  ["(round -3 2)", "-2"],
  ["(round 3 -2)", "-2"],
  ["(sin 0)", "0.0"],
  ["(cos 0)", "1.0"],
  ["(tan 0)", "0.0"],
  ["(exp 1000)", "1.0e+INF"],
  ["(sqrt (ash 1 100))", "1125899906842624.0"],
  ["(truncate 2.5 0.5)", "5"],
  ["(floor 1.0 0.0)", "!! (arith-error)"],
  ["(floor 1 0.0)", "!! (arith-error)"],
  ["(floor 1 0.0e+NaN)", "!! (overflow-error)"],
  ["(floor 1.0e+INF 2)", "!! (overflow-error)"],
  ["(truncate 1 1.0e+INF)", "0"],
  ["(floor -1 1.0e+INF)", "0"],
  ["(round 0.1 0.01)", "10"],
  ["(floor 1e-300 1e300)", "0"],
  ["(ceiling 1e-300 1e300)", "1"],];

test('floatfns.c primitives agree with GNU Emacs 28.2', () => {
  for (const [src, expected] of CASES) assert.equal(show(src), expected, src);
});

test('float results as numbers', () => {
  assert.equal(num('(exp 1)'), 2.718281828459045);
  assert.equal(num('(expt 2 0.5)'), 1.4142135623730951);
  assert.equal(num('(atan 1 1)'), 0.7853981633974483);
  assert.ok(Object.is(num('(fceiling -0.5)'), -0));
  assert.ok(Object.is(num('(fround -0.4)'), -0));
  assert.ok(Object.is(num('(fround 0.5)'), 0));
  assert.equal(num('(ldexp 1.0 -1074)'), 5e-324);
  assert.equal(num('(ldexp 1.5 -1074)'), 1e-323);
  assert.equal(num('(ldexp 0.75 1024)'), 1.348269851146737e308);
});

test('rounding with divisors is exact and may give bignums', () => {
  assert.equal(int('(floor 1e20)'), 100000000000000000000n);
  assert.equal(int('(truncate 1e20 3)'), 33333333333333333333n);
  assert.equal(int('(round (ash 1 100) 3)'), 422550200076076467165567735125n);
  assert.equal(int('(floor most-negative-fixnum -1)'), 536870912n);
  assert.equal(int('(abs most-negative-fixnum)'), 536870912n);
  assert.equal(int('(expt 2 100)'), 1n << 100n);
  assert.equal(int('(expt -3 41)'), (-3n) ** 41n);
});
