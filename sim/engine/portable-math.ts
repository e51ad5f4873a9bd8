/**
 * The transcendental functions sim/ may use. JavaScript engines implement Math.log, Math.exp,
 * Math.cos and the like as they please (the spec asks only for an approximation), and Node 20's
 * V8 and Chromium's differ in the last bit on a few per cent of inputs: enough to change a
 * threshold comparison and so a run's hash. These are stdlib's ports of fdlibm, plain JavaScript
 * made of IEEE-754 arithmetic and bit manipulation, so every engine computes the same bits.
 * Everything else in sim/ keeps to correctly rounded operations (test/house-rules.test.ts).
 */
import cos from '@stdlib/math-base-special-cos';
import exp from '@stdlib/math-base-special-exp';
import ln from '@stdlib/math-base-special-ln';

export { cos, exp, ln };
