// Colour science of GNU lcms.c: CIEDE2000, the CIECAM02 appearance model and its CAM02-UCS space, black-body white points.
//
// GNU Emacs hands these to Little CMS 2. We do the arithmetic here, in plain doubles, and keep
// the published formulas' order of operations (the CIE's CIEDE2000 and CIECAM02 definitions as
// Little CMS, MIT-licensed, evaluates them), because a result is compared to GNU's to the last
// digit. The elementary functions are lcms-math.ts's, rounded as glibc's are (V8's Math ones
// miss the last bit for a few percent of arguments).

import { cons, consp, list, makeFloat, makeString, xcar, xcdr } from '../core/object.ts';
import type { Runtime } from '../core/runtime.ts';
import { xsignal, xsignal3 } from '../core/signal.ts';
import { DEFUN } from '../core/subr.ts';
import { Qargs_out_of_range, Qerror, Qnil, Qt } from '../core/symbols.ts';
import { makeFixnum } from '../heap/tags.ts';
import { POS_NAN, checkNumber, isNumber, numberValue } from './data.ts';
import { exactAtan, exactAtan2, exactCos, exactExp, exactLog, exactPow, exactSin } from './lcms-math.ts';

type Triple = [number, number, number];

/** The error data GNU gives with an offending value: a proper list is spliced in, anything else is one datum. */
function failWith(rt: Runtime, message: string, culprit: number): never {
  let tail = culprit;
  let steps = 0;
  while (consp(tail) && steps++ < 100000) tail = xcdr(rt, tail);
  const rest = tail === Qnil ? culprit : list(rt, culprit);
  return xsignal(Qerror, cons(rt, makeString(rt, message), rest));
}

/**
 * The first three numbers of X, a list that may run on (GNU reads a colour or white point with
 * three cars and never looks further); EXACT also wants the list to end there. Null when X is not
 * such a list.
 */
function threeNumbers(rt: Runtime, x: number, exact: boolean): Triple | null {
  const out: number[] = [];
  let tail = x;
  for (let i = 0; i < 3; i++) {
    if (!consp(tail)) return null;
    const v = xcar(rt, tail);
    if (!isNumber(rt, v)) return null;
    out.push(numberValue(rt, v));
    tail = xcdr(rt, tail);
  }
  if (exact && tail !== Qnil) return null;
  return out as Triple;
}

function colorArg(rt: Runtime, x: number, exact: boolean, blame = x): Triple {
  return threeNumbers(rt, x, exact) ?? failWith(rt, 'Invalid color', blame);
}

/** The XYZ of standard illuminant D65 that GNU assumes when no white point is given. */
const DEFAULT_WHITE: Triple = [0.950455, 1.0, 1.088753];

function whiteArg(rt: Runtime, x: number): Triple {
  if (x === Qnil) return DEFAULT_WHITE;
  return threeNumbers(rt, x, false) ?? failWith(rt, 'Invalid white point', x);
}

/** CIECAM02 viewing conditions: background luminance factor, adapting luminance, surround (1-4), degree of adaptation (-1: computed). */
interface Viewing { yb: number; la: number; surround: number; d: number }

const DEFAULT_VIEWING: Viewing = { yb: 20, la: 100, surround: 1, d: 1 };

/** VIEW as (YB LA SURROUND D), each checked; MESSAGE is what a malformed one is called (GNU words it two ways). */
function viewingArg(rt: Runtime, view: number, message: string): Viewing {
  if (view === Qnil) return DEFAULT_VIEWING;
  const parts: number[] = [];
  let tail = view;
  while (consp(tail) && parts.length < 5) {
    parts.push(xcar(rt, tail));
    tail = xcdr(rt, tail);
  }
  const [yb, la, surround, d] = parts;
  const wellFormed = parts.length === 4 && tail === Qnil && isNumber(rt, yb!) && isNumber(rt, la!)
    && (surround! & 3) === 2 && surround! >> 2 >= 0 && isNumber(rt, d!);
  if (!wellFormed) failWith(rt, message, view);
  const s = surround! >> 2;
  if (s < 1 || s > 4) xsignal3(rt, Qargs_out_of_range, surround!, makeFixnum(1), makeFixnum(4));
  return { yb: numberValue(rt, yb!), la: numberValue(rt, la!), surround: s, d: numberValue(rt, d!) };
}

const floats = (rt: Runtime, v: readonly number[]): number =>
  list(rt, ...v.map((x) => makeFloat(rt, x !== x ? POS_NAN : x)));

// ---- CIEDE2000 ---------------------------------------------------------------------------------

const toRadians = (deg: number): number => (deg * Math.PI) / 180;

/** The angle of (X, Y) in degrees, in [0, 360]; 0 for the origin. */
function hueDegrees(y: number, x: number): number {
  let h = y === 0 && x === 0 ? 0 : exactAtan2(y, x);
  h *= 180 / Math.PI;
  while (h > 360) h -= 360;
  while (h < 0) h += 360;
  return h;
}

function ciede2000(lab1: Triple, lab2: Triple, kl: number, kc: number, kh: number): number {
  const [l1, a1, b1] = lab1;
  const [l2, a2, b2] = lab2;
  const chroma1 = Math.sqrt(a1 * a1 + b1 * b1);
  const chroma2 = Math.sqrt(a2 * a2 + b2 * b2);
  const meanChroma7 = exactPow((chroma1 + chroma2) / 2, 7);
  const g = 0.5 * (1 - Math.sqrt(meanChroma7 / (exactPow((chroma1 + chroma2) / 2, 7) + exactPow(25, 7))));
  const ap1 = (1 + g) * a1;
  const ap2 = (1 + g) * a2;
  const cp1 = Math.sqrt(ap1 * ap1 + b1 * b1);
  const cp2 = Math.sqrt(ap2 * ap2 + b2 * b2);
  const hp1 = hueDegrees(b1, ap1);
  const hp2 = hueDegrees(b2, ap2);
  const cpMean = (cp1 + cp2) / 2;
  const hueSum = hp2 + hp1;
  const hueDiff = hp2 - hp1;
  let hpMean: number;
  if (Math.abs(hueDiff) <= 180.000001) hpMean = hueSum / 2;
  else if (hueSum < 360) hpMean = (hueSum + 360) / 2;
  else hpMean = (hueSum - 360) / 2;
  let dh: number;
  if (hueDiff <= -180.000001) dh = hueDiff + 360;
  else if (hueDiff > 180) dh = hueDiff - 360;
  else dh = hueDiff;
  const dL = l2 - l1;
  const dC = cp2 - cp1;
  const dH = 2 * Math.sqrt(cp2 * cp1) * exactSin(toRadians(dh) / 2);
  const t = 1 - 0.17 * exactCos(toRadians(hpMean - 30)) + 0.24 * exactCos(toRadians(2 * hpMean))
    + 0.32 * exactCos(toRadians(3 * hpMean + 6)) - 0.2 * exactCos(toRadians(4 * hpMean - 63));
  const lMid = (l2 + l1) / 2 - 50;
  const sl = 1 + (0.015 * (lMid * lMid)) / Math.sqrt(20 + ((l2 + l1) / 2 - 50) * ((l2 + l1) / 2 - 50));
  const sc = 1 + 0.045 * (cp1 + cp2) / 2;
  const sh = 1 + 0.015 * ((cp2 + cp1) / 2) * t;
  const rotation = (hpMean - 275) / 25;
  const dRo = 30 * exactExp(-(rotation * rotation));
  const rc = 2 * Math.sqrt(exactPow(cpMean, 7) / (exactPow(cpMean, 7) + exactPow(25, 7)));
  const rt = -exactSin(2 * toRadians(dRo)) * rc;
  const termL = dL / (sl * kl);
  const termC = dC / (sc * kc);
  const termH = dH / (sh * kh);
  return Math.sqrt(termL * termL + termC * termC + termH * termH + rt * termC * termH);
}

// ---- CIECAM02 ----------------------------------------------------------------------------------

/** The CAT02 cone response of an XYZ triple. */
function cat02(xyz: Triple): Triple {
  const [x, y, z] = xyz;
  return [
    (x * 0.7328) + (y * 0.4296) + (z * -0.1624),
    (x * -0.7036) + (y * 1.6975) + (z * 0.0061),
    (x * 0.0030) + (y * 0.0136) + (z * 0.9834),
  ];
}

// The Hunt-Pointer-Estevez matrix times CAT02's inverse, and the inverse product; each entry is
// summed from the two published matrices the way the reference implementation sums it.
const TO_HPE = [
  (0.38971 * 1.096124) + (0.68898 * 0.454369) + (-0.07868 * -0.009628),
  (0.38971 * -0.278869) + (0.68898 * 0.473533) + (-0.07868 * -0.005698),
  (0.38971 * 0.182745) + (0.68898 * 0.072098) + (-0.07868 * 1.015326),
  (-0.22981 * 1.096124) + (1.18340 * 0.454369) + (0.04641 * -0.009628),
  (-0.22981 * -0.278869) + (1.18340 * 0.473533) + (0.04641 * -0.005698),
  (-0.22981 * 0.182745) + (1.18340 * 0.072098) + (0.04641 * 1.015326),
  -0.009628, -0.005698, 1.015326,
];
const FROM_HPE = [
  (0.7328 * 1.910197) + (0.4296 * 0.370950),
  (0.7328 * -1.112124) + (0.4296 * 0.629054),
  (0.7328 * 0.201908) + (0.4296 * 0.000008) - 0.1624,
  (-0.7036 * 1.910197) + (1.6975 * 0.370950),
  (-0.7036 * -1.112124) + (1.6975 * 0.629054),
  (-0.7036 * 0.201908) + (1.6975 * 0.000008) + 0.0061,
  (0.0030 * 1.910197) + (0.0136 * 0.370950),
  (0.0030 * -1.112124) + (0.0136 * 0.629054),
  (0.0030 * 0.201908) + (0.0136 * 0.000008) + 0.9834,
];

const times3 = (m: readonly number[], v: Triple): Triple => [
  (v[0] * m[0]!) + (v[1] * m[1]!) + (v[2] * m[2]!),
  (v[0] * m[3]!) + (v[1] * m[4]!) + (v[2] * m[5]!),
  (v[0] * m[6]!) + (v[1] * m[7]!) + (v[2] * m[8]!),
];

/** [F, c, Nc] of each surround: average, dim, dark, cut-sheet. */
const SURROUNDS: Record<number, Triple> = { 1: [1.0, 0.69, 1.0], 2: [0.9, 0.59, 0.95], 3: [0.8, 0.525, 0.8], 4: [0.8, 0.41, 0.8] };

/** The luminance-level adaptation factor of an adapting luminance LA. */
function luminanceFactor(la: number): number {
  const k = 1.0 / ((5.0 * la) + 1.0);
  return 0.2 * exactPow(k, 4.0) * (5.0 * la) + 0.1 * exactPow(1.0 - exactPow(k, 4.0), 2.0) * exactPow(5.0 * la, 1.0 / 3.0);
}

interface Appearance {
  whiteY: number; whiteCone: Triple; whiteA: number;
  c: number; nc: number; n: number; z: number; nbb: number; fl: number; d: number;
}

/** The appearance model's constants for a white point WHITE (scaled to Y=100) under viewing conditions V. */
function appearance(white: Triple, v: Viewing): Appearance {
  const [f, c, nc] = SURROUNDS[v.surround]!;
  const n = v.yb / white[1];
  const fl = luminanceFactor(v.la);
  // D = -1 asks for the degree of adaptation to be computed. The CIECAM02 formula is F(1 - e/3.6);
  // the Little CMS that GNU links (2.14) computes F - e/3.6, the same only for an average surround.
  const d = v.d === -1 ? f - (1.0 / 3.6) * exactExp((-v.la - 42) / 92.0) : v.d;
  const model: Appearance = {
    whiteY: white[1], whiteCone: cat02(white), whiteA: 0,
    c, nc, n, z: 1.48 + exactPow(n, 0.5), nbb: 0.725 * exactPow(1.0 / n, 0.2), fl, d,
  };
  model.whiteA = compress(model, cat02(white)).achromatic;
  return model;
}

/** Adapt a cone response to the white, move it to HPE space and compress it; with the achromatic response. */
function compress(m: Appearance, cone: Triple): { rgb: Triple; achromatic: number } {
  const adapted = cone.map((v, i) => ((m.whiteY * (m.d / m.whiteCone[i]!)) + (1.0 - m.d)) * v) as Triple;
  const hpe = times3(TO_HPE, adapted);
  const rgb = hpe.map((v) => {
    if (v < 0) {
      const p = exactPow((-1.0 * m.fl * v / 100.0), 0.42);
      return (-1.0 * 400.0 * p) / (p + 27.13) + 0.1;
    }
    const p = exactPow((m.fl * v / 100.0), 0.42);
    return (400.0 * p) / (p + 27.13) + 0.1;
  }) as Triple;
  return { rgb, achromatic: (((2.0 * rgb[0]) + rgb[1] + (rgb[2] / 20.0)) - 0.305) * m.nbb };
}

// The model's own rounded value of pi, which its hue angles use.
const RAD_PER_DEG = 3.141592654 / 180.0;
const DEG_PER_RAD = 180.0 / 3.141592654;

function eccentricity(m: Appearance, h: number): number {
  return ((12500.0 / 13.0) * m.nc * m.nbb) * (exactCos((h * RAD_PER_DEG + 2.0)) + 3.8);
}

/** XYZ (Y=100 scale) to lightness J, chroma C and hue angle h. */
function xyzToJch(m: Appearance, xyz: Triple): Triple {
  const { rgb, achromatic } = compress(m, cat02(xyz));
  const a = rgb[0] - (12.0 * rgb[1] / 11.0) + (rgb[2] / 11.0);
  const b = (rgb[0] + rgb[1] - (2.0 * rgb[2])) / 9.0;
  let h: number;
  if (a === 0) h = b === 0 ? 0 : b > 0 ? 90 : 270;
  else if (a > 0) h = b > 0 ? DEG_PER_RAD * exactAtan(b / a) : b === 0 ? 0 : (DEG_PER_RAD * exactAtan(b / a)) + 360;
  else h = (DEG_PER_RAD * exactAtan(b / a)) + 180;
  const e = eccentricity(m, h);
  const j = 100.0 * exactPow((achromatic / m.whiteA), (m.c * m.z));
  const t = (e * exactPow(((a * a) + (b * b)), 0.5)) / (rgb[0] + rgb[1] + ((21.0 / 20.0) * rgb[2]));
  const chroma = exactPow(t, 0.9) * exactPow((j / 100.0), 0.5) * exactPow((1.64 - exactPow(0.29, m.n)), 0.73);
  return [j, chroma, h];
}

/** Lightness, chroma and hue back to XYZ (Y=100 scale). */
function jchToXyz(m: Appearance, jch: Triple): Triple {
  const [j, chroma, h] = jch;
  const t = exactPow((chroma / (exactPow((j / 100.0), 0.5) * (exactPow((1.64 - exactPow(0.29, m.n)), 0.73)))), (1.0 / 0.9));
  const e = eccentricity(m, h);
  const achromatic = m.whiteA * exactPow((j / 100.0), (1.0 / (m.c * m.z)));
  const p1 = e / t;
  const p2 = (achromatic / m.nbb) + 0.305;
  const p3 = 21.0 / 20.0;
  const hr = h * RAD_PER_DEG;
  const sin = exactSin(hr);
  const cos = exactCos(hr);
  let a: number;
  let b: number;
  if (Math.abs(sin) >= Math.abs(cos)) {
    b = (p2 * (2.0 + p3) * (460.0 / 1403.0))
      / ((p1 / sin) + (2.0 + p3) * (220.0 / 1403.0) * (cos / sin) - (27.0 / 1403.0) + p3 * (6300.0 / 1403.0));
    a = b * (cos / sin);
  } else {
    a = (p2 * (2.0 + p3) * (460.0 / 1403.0))
      / ((p1 / cos) + (2.0 + p3) * (220.0 / 1403.0) - ((27.0 / 1403.0) - p3 * (6300.0 / 1403.0)) * (sin / cos));
    b = a * (sin / cos);
  }
  const compressed: Triple = [
    ((460.0 / 1403.0) * p2) + ((451.0 / 1403.0) * a) + ((288.0 / 1403.0) * b),
    ((460.0 / 1403.0) * p2) - ((891.0 / 1403.0) * a) - ((261.0 / 1403.0) * b),
    ((460.0 / 1403.0) * p2) - ((220.0 / 1403.0) * a) - ((6300.0 / 1403.0) * b),
  ];
  const hpe = compressed.map((v) => {
    const off = Math.abs(v - 0.1);
    return ((v - 0.1) < 0 ? -1 : 1) * (100.0 / m.fl) * exactPow(((27.13 * off) / (400.0 - off)), (1.0 / 0.42));
  }) as Triple;
  const adapted = times3(FROM_HPE, hpe);
  const cone = adapted.map((v, i) => v / ((m.whiteY * m.d / m.whiteCone[i]!) + 1.0 - m.d)) as Triple;
  return [
    (cone[0] * 1.096124) + (cone[1] * -0.278869) + (cone[2] * 0.182745),
    (cone[0] * 0.454369) + (cone[1] * 0.473533) + (cone[2] * 0.072098),
    (cone[0] * -0.009628) + (cone[1] * -0.005698) + (cone[2] * 1.015326),
  ];
}

// ---- CAM02-UCS ---------------------------------------------------------------------------------

/** JCh to the uniform space J'a'b' under adapting luminance LA (GNU's forward scale is 43.86, its inverse 1/0.0228). */
function jchToJab(jch: Triple, la: number): Triple {
  const [j, chroma, h] = jch;
  const colourfulness = chroma * exactPow(luminanceFactor(la), 0.25);
  const mp = 43.86 * exactLog(1 + 0.0228 * colourfulness);
  const hr = h * Math.PI / 180;
  return [1.7 * j / (1 + 0.007 * j), mp * exactCos(hr), mp * exactSin(hr)];
}

function jabToJch(jab: Triple, la: number): Triple {
  const [jp, a, b] = jab;
  const mp = Math.sqrt(a * a + b * b);
  const chroma = (exactExp(0.0228 * mp) - 1) / (0.0228 * exactPow(luminanceFactor(la), 0.25));
  let h = exactAtan2(b, a) * 180 / Math.PI;
  if (h < 0) h += 360;
  return [jp / (0.007 * (100 - jp) + 1), chroma, h];
}

const scaled = (v: Triple, k: number): Triple => [v[0] * k, v[1] * k, v[2] * k];

// ---- primitives --------------------------------------------------------------------------------

DEFUN('lcms2-available-p', 0, 0, 'Say whether the colour functions of the lcms2 family can be used (t: they always can).', () => Qt);

DEFUN('lcms-cie-de2000', 2, 5, 'Give the CIEDE2000 colour difference of the CIE L*a*b* colours COLOR1 and COLOR2, each (L A B).\nKL, KC and KH weight lightness, chroma and hue; each is 1.0 when not given.',
  (rt, color1: number, color2: number, kL: number, kC: number, kH: number) => {
    const lab1 = colorArg(rt, color1, false);
    // GNU's complaint about a bad second colour names the first.
    const lab2 = colorArg(rt, color2, false, color1);
    let kl = 1.0;
    let kc = 1.0;
    let kh = 1.0;
    if (kL !== Qnil) kl = numberValue(rt, checkNumber(rt, kL));
    if (kC !== Qnil) kc = numberValue(rt, checkNumber(rt, kC));
    // GNU weighs hue only when a lightness weight was given too.
    if (kL !== Qnil) kh = numberValue(rt, checkNumber(rt, kH));
    return makeFloat(rt, ciede2000(lab1, lab2, kl, kc, kh));
  });

DEFUN('lcms-cam02-ucs', 2, 4, 'Give the distance in CAM02-UCS space between the CIE XYZ colours COLOR1 and COLOR2.\nWHITEPOINT is the XYZ of the white (default D65); VIEW is the viewing conditions (YB LA SURROUND D).',
  (rt, color1: number, color2: number, whitepoint: number, view: number) => {
    const xyz1 = colorArg(rt, color1, false);
    const xyz2 = colorArg(rt, color2, false);
    const white = whiteArg(rt, whitepoint);
    const v = viewingArg(rt, view, 'Invalid view conditions');
    const m = appearance(scaled(white, 100), v);
    const p = jchToJab(xyzToJch(m, scaled(xyz1, 100)), v.la);
    const q = jchToJab(xyzToJch(m, scaled(xyz2, 100)), v.la);
    const dj = p[0] - q[0];
    const da = p[1] - q[1];
    const db = p[2] - q[2];
    return makeFloat(rt, Math.sqrt(dj * dj + da * da + db * db));
  });

DEFUN('lcms-xyz->jch', 1, 3, 'Give the CIECAM02 (J C H) of the CIE XYZ colour COLOR (Y of white 1.0).\nWHITEPOINT is the XYZ of the white (default D65); VIEW is the viewing conditions (YB LA SURROUND D).',
  (rt, color: number, whitepoint: number, view: number) => {
    const xyz = colorArg(rt, color, false);
    const white = whiteArg(rt, whitepoint);
    const v = viewingArg(rt, view, 'Invalid viewing conditions');
    return floats(rt, xyzToJch(appearance(scaled(white, 100), v), scaled(xyz, 100)));
  });

DEFUN('lcms-jch->xyz', 1, 3, 'Give the CIE XYZ colour (Y of white 1.0) of the CIECAM02 colour COLOR, a list (J C H).\nWHITEPOINT is the XYZ of the white (default D65); VIEW is the viewing conditions (YB LA SURROUND D).',
  (rt, color: number, whitepoint: number, view: number) => {
    const jch = colorArg(rt, color, true);
    const white = whiteArg(rt, whitepoint);
    const v = viewingArg(rt, view, 'Invalid viewing conditions');
    return floats(rt, jchToXyz(appearance(scaled(white, 100), v), jch).map((x) => x / 100));
  });

DEFUN('lcms-jch->jab', 1, 3, 'Give the CAM02-UCS (J\' a\' b\') of the CIECAM02 colour COLOR, a list (J C H).\nWHITEPOINT is checked but does not matter; VIEW is the viewing conditions (YB LA SURROUND D).',
  (rt, color: number, whitepoint: number, view: number) => {
    const jch = colorArg(rt, color, true);
    whiteArg(rt, whitepoint);
    const v = viewingArg(rt, view, 'Invalid viewing conditions');
    return floats(rt, jchToJab(jch, v.la));
  });

DEFUN('lcms-jab->jch', 1, 3, 'Give the CIECAM02 (J C H) of the CAM02-UCS colour COLOR, a list (J\' a\' b\').\nWHITEPOINT is checked but does not matter; VIEW is the viewing conditions (YB LA SURROUND D).',
  (rt, color: number, whitepoint: number, view: number) => {
    const jab = colorArg(rt, color, false);
    whiteArg(rt, whitepoint);
    const v = viewingArg(rt, view, 'Invalid viewing conditions');
    return floats(rt, jabToJch(jab, v.la));
  });

DEFUN('lcms-temp->white-point', 1, 1, 'Give the CIE XYZ (Y of 1.0) of the white of a black body at TEMPERATURE kelvin, 4000 to 25000.',
  (rt, temperature: number) => {
    const t = numberValue(rt, checkNumber(rt, temperature));
    const t2 = t * t;
    const t3 = t2 * t;
    let x: number;
    // Two cubic fits in 1/T of the daylight locus, one each side of 7000 K.
    if (t >= 4000 && t <= 7000) x = -4.6070 * (1e9 / t3) + 2.9678 * (1e6 / t2) + 0.09911 * (1e3 / t) + 0.244063;
    else if (t > 7000 && t <= 25000) x = -2.0064 * (1e9 / t3) + 1.9018 * (1e6 / t2) + 0.24748 * (1e3 / t) + 0.237040;
    else return failWith(rt, 'Invalid temperature', temperature);
    const y = -3.000 * (x * x) + 2.870 * x - 0.275;
    return floats(rt, [(x / y) * 1.0, 1.0, ((1 - x - y) / y) * 1.0]);
  });
