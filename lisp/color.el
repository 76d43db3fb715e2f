;;; color.el --- converting colors between RGB, HSV, HSL, CIE XYZ and L*a*b*  -*- lexical-binding: t -*-

;; Written for tsmacs from GNU Emacs 28.2's documented and observed behaviour.

;; RGB components are floats in [0,1]; hues are in [0,1] for HSL and in
;; radians for HSV; XYZ is relative to a white point whose Y is 1.

;;; Code:

(defun color-name-to-rgb (color &optional frame) "COLOR (a name or spec) as a list of three floats in [0,1], or nil if undefined.
The values are those `color-values' gives on FRAME."
  (let ((sixteen (color-values color frame)))
    (and sixteen (mapcar (lambda (v) (/ v 65535.0)) sixteen))))

(defun color-rgb-to-hex (red green blue &optional digits-per-component) "The #RRRRGGGGBBBB spec of RED, GREEN and BLUE (each in [0,1]).
DIGITS-PER-COMPONENT 2 gives #RRGGBB; anything else gives four hex digits a component."
  (let* ((two (eql digits-per-component 2))
         (scale (if two 255 65535))
         (spec (if two "#%02x%02x%02x" "#%04x%04x%04x")))
    (format spec (* red scale) (* green scale) (* blue scale))))

(defun color-complement (color-name) "The RGB complement of COLOR-NAME: each component subtracted from 1."
  (mapcar (lambda (c) (- 1.0 c)) (color-name-to-rgb color-name)))

(defun color-complement-hex (color) "The #RRRRGGGGBBBB spec of the complement of COLOR."
  (let ((v (color-values color)))
    (format "#%04x%04x%04x" (- 65535 (nth 0 v)) (- 65535 (nth 1 v)) (- 65535 (nth 2 v)))))

(defun color-gradient (start stop step-number) "STEP-NUMBER colors evenly spaced between the RGB lists START and STOP, both left out."
  (let* ((parts (+ step-number 1.0))
         (step (mapcar (lambda (i) (/ (- (nth i stop) (nth i start)) parts)) '(0 1 2)))
         (here start)
         (colors nil))
    (dotimes (_ step-number)
      (setq here (list (+ (nth 0 here) (nth 0 step)) (+ (nth 1 here) (nth 1 step)) (+ (nth 2 here) (nth 2 step))))
      (push here colors))
    (nreverse colors)))

(defun color-hue-to-rgb (v1 v2 h) "One RGB component from the HSL helpers V1 and V2 at hue H (in [0,1], not wrapped)."
  (let ((span (- v2 v1)) (upper (/ 2.0 3)))
    (cond ((>= h upper) v1)
          ((>= h 0.5) (+ v1 (* span (- upper h) 6.0)))
          ((>= h (/ 1.0 6)) v2)
          (t (+ v1 (* span h 6.0))))))

(defun color-hsl-to-rgb (h s l) "The (RED GREEN BLUE) of hue H, saturation S and luminance L, each in [0,1]."
  (if (= s 0)
      (list l l l)
    (let* ((hi (if (<= l 0.5) (* l (+ s 1)) (- (+ l s) (* l s))))
           (lo (- (* l 2) hi))
           (third (/ 1.0 3)))
      (list (color-hue-to-rgb lo hi (mod (+ h third) 1))
            (color-hue-to-rgb lo hi (mod h 1))
            (color-hue-to-rgb lo hi (mod (- h third) 1))))))

(defun color--hue-sixths (red green blue top spread) "The hue of RED, GREEN, BLUE in sixths of a turn, TOP their largest, SPREAD largest less smallest."
  (cond ((= red top) (mod (/ (- green blue) spread) 6))
        ((= green top) (+ 2 (/ (- blue red) spread)))
        (t (+ 4 (/ (- red green) spread)))))

(defun color-rgb-to-hsv (red green blue) "The (HUE SATURATION VALUE) of RED, GREEN, BLUE; HUE in radians, the others in [0,1]."
  (let* ((top (float (max red green blue)))
         (bottom (float (min red green blue)))
         (spread (- top bottom)))
    (if (< spread 1e-8)
        (list 0.0 0.0 top)
      (list (* (/ (color--hue-sixths red green blue top spread) 6.0) 2 float-pi)
            (- 1 (/ bottom top))
            top))))

(defun color-rgb-to-hsl (red green blue) "The (HUE SATURATION LUMINANCE) of RED, GREEN, BLUE, each in [0,1]."
  (let* ((top (max red green blue))
         (bottom (min red green blue))
         (spread (- top bottom))
         (light (/ (+ top bottom) 2.0)))
    (if (= spread 0)
        (list 0.0 0.0 light)
      (list (/ (color--hue-sixths red green blue top spread) 6.0)
            (if (> light 0.5) (/ spread (- 2 top bottom)) (/ spread (+ top bottom)))
            light))))

(defun color--linear (c) "The linear-light value of the sRGB component C."
  (if (<= c 0.04045) (/ c 12.95) (expt (/ (+ c 0.055) 1.055) 2.4)))

(defun color--gamma (c) "The sRGB component of the linear-light value C."
  (if (<= c 0.0031308) (* c 12.92) (- (* 1.055 (expt c (/ 1 2.4))) 0.055)))

(defconst color--to-xyz
  '((0.4124564 0.3575761 0.1804375) (0.21266729 0.7151522 0.0721750) (0.0193339 0.1191920 0.9503041))
  "Rows turning linear sRGB into CIE XYZ (D65).")

(defconst color--from-xyz
  '((3.2404542 -1.5371385 -0.4985314) (-0.9692660 1.8760108 0.0415560) (0.0556434 -0.2040259 1.0572252))
  "Rows turning CIE XYZ (D65) into linear sRGB.")

(defun color--rows (rows u v w) "Each of ROWS (three coefficients) applied to U, V, W."
  (mapcar (lambda (row) (+ (* (car row) u) (* (cadr row) v) (* (nth 2 row) w))) rows))

(defun color-srgb-to-xyz (red green blue) "The CIE XYZ (D65) of the sRGB color RED, GREEN, BLUE."
  (color--rows color--to-xyz (color--linear red) (color--linear green) (color--linear blue)))

(defun color-xyz-to-srgb (x y z) "The sRGB (RED GREEN BLUE) of the CIE XYZ (D65) color X, Y, Z."
  (mapcar #'color--gamma (color--rows color--from-xyz x y z)))

(defconst color-d65-xyz (list 0.950455 1.0 1.088753) "The CIE XYZ of the D65 white point.")
(defconst color-d55-xyz (list 0.9568 1.0 0.9215) "The CIE XYZ of the D55 white point.")
(defconst color-d50-xyz (list 0.9642 1.0 0.8249) "The CIE XYZ of the D50 white point.")
(defconst color-d75-xyz (list 0.9497 1.0 1.2264) "The CIE XYZ of the D75 white point.")

(defconst color-cie-ε (/ 216 24389.0) "The CIE's epsilon, 216/24389.")
(defconst color-cie-κ (/ 24389 27.0) "The CIE's kappa, 24389/27.")

(defun color--lab-f (ratio) "The CIE's companding function of RATIO, a component over its white."
  (if (<= ratio color-cie-ε)
      (/ (+ (* color-cie-κ ratio) 16) 116.0)
    (expt ratio (/ 1.0 3))))

(defun color-xyz-to-lab (x y z &optional white-point) "The CIE L*a*b* of X, Y, Z, relative to WHITE-POINT (default `color-d65-xyz')."
  (let* ((ref (or white-point color-d65-xyz))
         (fs (list (color--lab-f (/ x (float (nth 0 ref))))
                   (color--lab-f (/ y (float (nth 1 ref))))
                   (color--lab-f (/ z (float (nth 2 ref)))))))
    (list (- (* 116 (nth 1 fs)) 16)
          (* 500 (- (nth 0 fs) (nth 1 fs)))
          (* 200 (- (nth 1 fs) (nth 2 fs))))))

(defun color-lab-to-xyz (l a b &optional white-point) "The CIE XYZ of L*, A*, B*, relative to WHITE-POINT (default `color-d65-xyz')."
  (let* ((white (or white-point color-d65-xyz))
         (fy (/ (+ l 16) 116.0))
         (fz (- fy (/ b 200.0)))
         (fx (+ (/ a 500.0) fy))
         (cube-or-line (lambda (f) (let ((c (expt f 3)))
                                     (if (> c color-cie-ε) c (/ (- (* 116 f) 16) color-cie-κ)))))
         (yr (if (> l (* color-cie-κ color-cie-ε)) (expt (/ (+ l 16) 116.0) 3) (/ l color-cie-κ))))
    (list (* (funcall cube-or-line fx) (nth 0 white))
          (* yr (nth 1 white))
          (* (funcall cube-or-line fz) (nth 2 white)))))

(defun color-srgb-to-lab (red green blue) "The CIE L*a*b* (D65) of the sRGB color RED, GREEN, BLUE."
  (apply #'color-xyz-to-lab (color-srgb-to-xyz red green blue)))

(defun color-lab-to-srgb (l a b) "The sRGB (RED GREEN BLUE) of the CIE L*a*b* (D65) color L, A, B."
  (apply #'color-xyz-to-srgb (color-lab-to-xyz l a b)))

(defun color-xyz-to-xyy (x y z) "The CIE xyY of X, Y, Z."
  (let ((sum (float (+ x y z))))
    (list (/ x sum) (/ y sum) y)))

(defun color-xyy-to-xyz (x y y-big) "The CIE XYZ of the chromaticity X, Y and luminance Y-BIG."
  (list (/ (* x y-big) (float y)) y-big (/ (* (- 1 x y) y-big) (float y))))

(defun color-lab-to-lch (l a b) "The (L C H) of L*, A*, B*: chroma and hue angle in radians."
  (list l (sqrt (+ (* a a) (* b b))) (atan b a)))

(defun color-lch-to-lab (l c h) "The (L A B) of lightness L, chroma C and hue angle H in radians."
  (list l (* c (cos h)) (* c (sin h))))

(defun color-cie-de2000 (color1 color2 &optional kl kc kh) "The CIEDE2000 color difference of the L*a*b* colors COLOR1 and COLOR2.
KL, KC and KH weigh lightness, chroma and hue (each 1 by default)."
  (let* ((kl (or kl 1.0)) (kc (or kc 1.0)) (kh (or kh 1.0))
         (l1 (float (nth 0 color1))) (a1 (float (nth 1 color1))) (b1 (float (nth 2 color1)))
         (l2 (float (nth 0 color2))) (a2 (float (nth 1 color2))) (b2 (float (nth 2 color2)))
         (c1 (sqrt (+ (* a1 a1) (* b1 b1))))
         (c2 (sqrt (+ (* a2 a2) (* b2 b2))))
         (cmean7 (expt (/ (+ c1 c2) 2.0) 7))
         (g (* 0.5 (- 1 (sqrt (/ cmean7 (+ cmean7 (expt 25.0 7)))))))
         (a1p (* a1 (+ 1 g)))
         (a2p (* a2 (+ 1 g)))
         (c1p (sqrt (+ (* a1p a1p) (* b1 b1))))
         (c2p (sqrt (+ (* a2p a2p) (* b2 b2))))
         (angle (lambda (b a) (if (and (= a 0) (= b 0)) 0.0
                                (let ((h (radians-to-degrees (atan b a))))
                                  (if (< h 0) (+ h 360) h)))))
         (h1p (funcall angle b1 a1p))
         (h2p (funcall angle b2 a2p))
         (dlp (- l2 l1))
         (dcp (- c2p c1p))
         (dhp (cond ((= (* c1p c2p) 0) 0.0)
                    ((<= (abs (- h2p h1p)) 180) (- h2p h1p))
                    ((> (- h2p h1p) 180) (- h2p h1p 360))
                    (t (+ (- h2p h1p) 360))))
         (dhbig (* 2 (sqrt (* c1p c2p)) (sin (degrees-to-radians (/ dhp 2.0)))))
         (lmean (/ (+ l1 l2) 2.0))
         (cmeanp (/ (+ c1p c2p) 2.0))
         (hmeanp (cond ((= (* c1p c2p) 0) (+ h1p h2p))
                       ((<= (abs (- h1p h2p)) 180) (/ (+ h1p h2p) 2.0))
                       ((< (+ h1p h2p) 360) (/ (+ h1p h2p 360) 2.0))
                       (t (/ (+ h1p h2p -360) 2.0))))
         (tt (+ 1
                (* -0.17 (cos (degrees-to-radians (- hmeanp 30))))
                (* 0.24 (cos (degrees-to-radians (* 2 hmeanp))))
                (* 0.32 (cos (degrees-to-radians (+ (* 3 hmeanp) 6))))
                (* -0.20 (cos (degrees-to-radians (- (* 4 hmeanp) 63))))))
         (dtheta (* 30 (exp (- (expt (/ (- hmeanp 275) 25.0) 2)))))
         (cmeanp7 (expt cmeanp 7))
         (rc (* 2 (sqrt (/ cmeanp7 (+ cmeanp7 (expt 25.0 7))))))
         (lm50 (expt (- lmean 50) 2))
         (sl (+ 1 (/ (* 0.015 lm50) (sqrt (+ 20 lm50)))))
         (sc (+ 1 (* 0.045 cmeanp)))
         (sh (+ 1 (* 0.015 cmeanp tt)))
         (rt (* -1 (sin (degrees-to-radians (* 2 dtheta))) rc))
         (termL (/ dlp (* kl sl)))
         (termC (/ dcp (* kc sc)))
         (termH (/ dhbig (* kh sh))))
    (sqrt (+ (* termL termL) (* termC termC) (* termH termH) (* rt termC termH)))))

(defun color-clamp (value) "VALUE as a float limited to [0,1]."
  (min 1.0 (max 0.0 (float value))))

(defun color-saturate-hsl (h s l percent) "H, S, L with the saturation raised by PERCENT points (clamped to [0,1])."
  (list h (color-clamp (+ s (/ percent 100.0))) l))

(defun color-desaturate-hsl (h s l percent) "H, S, L with the saturation lowered by PERCENT points (clamped to [0,1])."
  (color-saturate-hsl h s l (- percent)))

(defun color-lighten-hsl (h s l percent) "H, S, L with the luminance raised by PERCENT points (clamped to [0,1])."
  (list h s (color-clamp (+ l (/ percent 100.0)))))

(defun color-darken-hsl (h s l percent) "H, S, L with the luminance lowered by PERCENT points (clamped to [0,1])."
  (color-lighten-hsl h s l (- percent)))

(defun color--via-hsl (name change percent) "The spec of NAME after CHANGE (an HSL adjuster) by PERCENT."
  (let* ((hsl (apply #'color-rgb-to-hsl (color-name-to-rgb name)))
         (moved (apply change (append hsl (list percent)))))
    (apply #'color-rgb-to-hex (apply #'color-hsl-to-rgb moved))))

(defun color-saturate-name (name percent) "The spec of the color NAME with its saturation raised by PERCENT points."
  (color--via-hsl name #'color-saturate-hsl percent))

(defun color-desaturate-name (name percent) "The spec of the color NAME with its saturation lowered by PERCENT points."
  (color--via-hsl name #'color-desaturate-hsl percent))

(defun color-lighten-name (name percent) "The spec of the color NAME with its luminance raised by PERCENT points."
  (color--via-hsl name #'color-lighten-hsl percent))

(defun color-darken-name (name percent) "The spec of the color NAME with its luminance lowered by PERCENT points."
  (color--via-hsl name #'color-darken-hsl percent))

;;;###autoload
(defvar color-luminance-dark-limit 0.325 "Relative luminance below which `color-dark-p' calls a color dark.")

(defun color-dark-p (rgb) "Whether the color RGB (three floats in [0,1]) reads better against white than black."
  (dolist (c rgb)
    (unless (and (numberp c) (<= 0 c 1))
      (error "RGB components %S not in [0,1]" rgb)))
  (< (+ (* 0.2126 (expt (nth 0 rgb) 2.2))
        (* 0.7152 (expt (nth 1 rgb) 2.2))
        (* 0.0722 (expt (nth 2 rgb) 2.2)))
     color-luminance-dark-limit))

(provide 'color)

;;; color.el ends here
