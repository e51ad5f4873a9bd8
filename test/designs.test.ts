/**
 * The sampling designs of analysis/designs.ts and the Sobol' points under them (analysis/sobol.ts):
 * the plain sequence against SciPy 1.17's scipy.stats.qmc.Sobol(d, scramble=False) (the same
 * Joe-Kuo direction numbers), the structure each design promises (strata, one-factor steps of
 * exactly Delta, the Saltelli block layout, the odometer order of a full factorial), and
 * determinism: the same seed gives the same design.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { SALTELLI_MAX_FACTORS, fullFactorial, latinHypercube, morrisTrajectories, saltelli } from '../analysis/designs';
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from '../analysis/sobol';

const rng = (seed: string) => seedrandom.alea(seed);

/** The sorted values floor(x * m) of one column: 0..m-1 each once when the column has one point per stratum. */
const strata = (points: number[][], j: number, m: number) => points.map((p) => Math.floor(p[j] * m)).sort((a, b) => a - b);
const range = (m: number) => Array.from({ length: m }, (_, i) => i);

describe('Sobol points', () => {
  it('match SciPy\'s plain sequence: the first points of dimensions 1-5', () => {
    // scipy.stats.qmc.Sobol(5, scramble=False).random(8)
    expect(sobolPoints(8, 5)).toEqual([
      [0, 0, 0, 0, 0],
      [0.5, 0.5, 0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25, 0.25, 0.75],
      [0.25, 0.75, 0.75, 0.75, 0.25],
      [0.375, 0.375, 0.625, 0.875, 0.375],
      [0.875, 0.875, 0.125, 0.375, 0.875],
      [0.625, 0.125, 0.875, 0.625, 0.625],
      [0.125, 0.625, 0.375, 0.125, 0.125],
    ]);
  });

  it('match SciPy\'s plain sequence in all 256 dimensions over 2048 points (every direction number used there)', () => {
    // For each dimension j of scipy.stats.qmc.Sobol(256, scramble=False).random(2048): with
    // v_i = x_ij * 2048 (an integer), h = (h * 48271 + v_i) mod (2^31 - 1) over i = 0..2047.
    const want = [
  1128386353, 1465182924, 623437356, 265226113, 1360223795, 2026177712, 1896726182, 530548390, 1189772826, 1720591040,
  1039368650, 320424653, 1396002382, 878614228, 1839714249, 718636633, 692656175, 156676178, 1360289706, 1825452389,
  1719472266, 1798762948, 1611928984, 972557752, 2051702019, 852029281, 2020530943, 289332633, 1395829643, 65032362,
  1604660749, 1129817664, 878835031, 84643332, 788381395, 268680570, 1752370058, 838982570, 1963670066, 494753705,
  1234463796, 1025290629, 439860231, 162477196, 990472688, 292137543, 1099067587, 1101021998, 838388871, 351447340,
  919888968, 543007088, 779793660, 726193265, 979143227, 1811094351, 715579627, 2066005312, 1470953066, 124806485,
  273150789, 4532788, 1615628339, 873736123, 1303463750, 1488864063, 1366264716, 682384551, 1351208199, 1558374938,
  1607802225, 873566265, 1701047918, 161763830, 771989740, 1462902842, 699029053, 1826014178, 429101477, 885792359,
  624503679, 2091983310, 197305714, 88229568, 409084288, 1133954850, 1167418600, 1216220177, 1104674151, 1973815874,
  1418284006, 1965669717, 652279294, 1607819781, 303074258, 32028828, 984965898, 1405120245, 225289203, 349634564,
  1832489170, 648178481, 1921447136, 2076483226, 759168042, 1606888920, 462724482, 1042408987, 1713303452, 1716391486,
  2128190885, 1742585921, 97460758, 453964141, 1025565379, 1603570061, 1150871311, 285137523, 937323742, 606056739,
  607265190, 1282510114, 507264462, 1720065092, 606988870, 876883825, 691822594, 1079575816, 183938512, 1053515249,
  1477448702, 1171049010, 1343897632, 443076210, 747607158, 286314162, 1812512791, 170407116, 1128782954, 541257536,
  1177122335, 1213802279, 1134637857, 694506619, 1856976810, 1911074490, 1009841679, 1683147749, 799924328, 1455290596,
  1802038396, 2138578090, 1390856634, 1658954062, 1615895661, 670236146, 1489783111, 510103255, 755194623, 860426473,
  604373144, 648941424, 2075353548, 414159545, 616249986, 163408224, 1957943666, 1838074556, 969311388, 551794733,
  1409351356, 962036709, 1449944122, 10241882, 129367394, 1096199109, 515792768, 382964989, 1622470431, 741021255,
  1693855899, 1215901561, 435347957, 269684807, 392813924, 242884495, 2019783213, 807304898, 1484668593, 579344759,
  1566593059, 1745319171, 773232628, 642888545, 328895310, 575080257, 207395075, 907507298, 877312933, 1686486724,
  1653616498, 1454502712, 1368046377, 536053016, 1744024069, 2097350300, 858151224, 1958858400, 1905564444, 148481755,
  937854841, 1439922793, 934857762, 1830746419, 1829708918, 949328918, 1430031136, 829910335, 236429357, 1035810044,
  1069610955, 1607881673, 1875196963, 299485842, 303067332, 1887066710, 1754889120, 2006626940, 108673968, 514313607,
  1347524376, 213145906, 1127771193, 862442977, 2071909527, 1615912654, 1900630405, 919511254, 1260236497, 1784481287,
  2124252017, 336775313, 811985735, 1093989226, 580033827, 1126685114, 1549205135, 564612475, 1669467280, 1253041330,
  1124554399, 376828489, 228180143, 600698387, 1616773275, 995984292,
    ];
    const points = sobolPoints(2048, 256);
    const got = range(256).map((j) => points.reduce((h, p) => (h * 48271 + p[j] * 2048) % 2147483647, 0));
    expect(got).toEqual(want);
  });

  it('scrambled, keep the net: 256 points put exactly one point in every elementary box of dimensions 1 and 2', () => {
    const points = sobolPoints(256, 3, rng('net'));
    for (let a = 0; a <= 8; a++) {
      // Boxes 2^-a wide in x and 2^-(8-a) in y: 256 of them, one point each.
      const boxes = points.map((p) => Math.floor(p[0] * 2 ** a) * 2 ** (8 - a) + Math.floor(p[1] * 2 ** (8 - a)));
      expect(boxes.sort((x, y) => x - y), `a = ${a}`).toEqual(range(256));
    }
    for (const p of points) for (const v of p) expect(v >= 0 && v < 1).toBe(true);
    expect(points[0]).not.toEqual([0, 0, 0]); // the shift moves the origin
  });

  it('scrambled, differ by seed and repeat by seed', () => {
    expect(sobolPoints(16, 4, rng('s'))).toEqual(sobolPoints(16, 4, rng('s')));
    expect(sobolPoints(16, 4, rng('s'))).not.toEqual(sobolPoints(16, 4, rng('t')));
  });

  it('refuse dimensions beyond the direction numbers held', () => {
    expect(SOBOL_MAX_DIMENSIONS).toBe(256);
    expect(() => sobolPoints(4, 257)).toThrow(/1\.\.256/);
    expect(() => sobolPoints(4, 0)).toThrow(RangeError);
  });
});

describe('fullFactorial', () => {
  it('lists every combination of levels, the last factor fastest', () => {
    expect(fullFactorial([2, 3])).toEqual([
      [0, 0], [0, 1], [0, 2],
      [1, 0], [1, 1], [1, 2],
    ]);
  });

  it('has the product of the level counts, each combination once', () => {
    const rows = fullFactorial([3, 1, 4, 2]);
    expect(rows.length).toBe(24);
    expect(new Set(rows.map((r) => r.join(','))).size).toBe(24);
    expect(rows[rows.length - 1]).toEqual([2, 0, 3, 1]);
    expect(fullFactorial([])).toEqual([[]]);
  });

  it('refuses a count that is not a positive integer', () => {
    expect(() => fullFactorial([2, 0])).toThrow(/levelCounts\[1\]/);
    expect(() => fullFactorial([1.5])).toThrow(RangeError);
  });
});

describe('latinHypercube', () => {
  const n = 40;
  const points = latinHypercube(n, 5, rng('lhs'));

  it('puts exactly one point in each of the n strata of every column', () => {
    expect(points.length).toBe(n);
    for (let j = 0; j < 5; j++) expect(strata(points, j, n), `column ${j}`).toEqual(range(n));
  });

  it('places points at random within their strata, not at the centres', () => {
    const offsets = points.flatMap((p) => p.map((v) => v * n - Math.floor(v * n)));
    expect(Math.min(...offsets)).toBeLessThan(0.1);
    expect(Math.max(...offsets)).toBeGreaterThan(0.9);
  });

  it('pairs the strata of different columns at random', () => {
    const rankOf0 = points.map((p) => Math.floor(p[0] * n));
    const rankOf1 = points.map((p) => Math.floor(p[1] * n));
    expect(rankOf0).not.toEqual(rankOf1);
  });

  it('is the same design for the same seed, another for another', () => {
    expect(latinHypercube(n, 5, rng('lhs'))).toEqual(points);
    expect(latinHypercube(n, 5, rng('other'))).not.toEqual(points);
  });
});

describe('morrisTrajectories', () => {
  const r = 30;
  const k = 5;
  const p = 4;
  const delta = p / (2 * (p - 1));
  const design = morrisTrajectories(r, k, p, rng('morris'));

  it('lays out r trajectories of k + 1 points, trajectory t from point t(k + 1)', () => {
    expect(design.points.length).toBe(r * (k + 1));
    expect(design.trajectories.map((t) => t.start)).toEqual(range(r).map((t) => t * (k + 1)));
  });

  it('each step changes exactly the factor it names, by exactly its +/-Delta, and every factor once', () => {
    for (const t of design.trajectories) {
      expect([...t.factorOrder].sort()).toEqual(range(k));
      for (let s = 0; s < k; s++) {
        const before = design.points[t.start + s];
        const after = design.points[t.start + s + 1];
        const changed = range(k).filter((i) => after[i] !== before[i]);
        expect(changed).toEqual([t.factorOrder[s]]);
        expect(Math.abs(t.deltas[s])).toBe(delta);
        expect(after[changed[0]] - before[changed[0]]).toBeCloseTo(t.deltas[s], 12);
      }
    }
  });

  it('keeps every point on the p-level grid in [0, 1], visiting every level', () => {
    const seen = new Set<number>();
    for (const pt of design.points) {
      for (const v of pt) {
        const level = v * (p - 1);
        expect(Math.abs(level - Math.round(level))).toBeLessThan(1e-12);
        expect(v >= 0 && v <= 1).toBe(true);
        seen.add(Math.round(level));
      }
    }
    expect([...seen].sort()).toEqual(range(p));
  });

  it('moves both up and down', () => {
    const signs = new Set(design.trajectories.flatMap((t) => t.deltas.map(Math.sign)));
    expect([...signs].sort()).toEqual([-1, 1]);
  });

  it('is the same design for the same seed, another for another', () => {
    expect(morrisTrajectories(r, k, p, rng('morris'))).toEqual(design);
    expect(morrisTrajectories(r, k, p, rng('else'))).not.toEqual(design);
  });

  it('refuses an odd number of levels (Delta would fall between grid points)', () => {
    expect(() => morrisTrajectories(2, 3, 5, rng('x'))).toThrow(/even/);
  });
});

describe('saltelli', () => {
  const n = 64;
  const k = 4;
  const design = saltelli(n, k, rng('saltelli'));
  const block = (b: number) => design.points.slice(b * n, (b + 1) * n);

  it('has n(k + 2) points in the order A, B, AB_1 .. AB_k', () => {
    expect(design.points.length).toBe(n * (k + 2));
    expect(design).toMatchObject({ layout: 'saltelli-2010', n, k });
  });

  it('AB_i equals A except in column i, which is B\'s', () => {
    const [a, b] = [block(0), block(1)];
    for (let i = 0; i < k; i++) {
      const abi = block(i + 2);
      for (let j = 0; j < n; j++) {
        for (let c = 0; c < k; c++) expect(abi[j][c], `AB_${i + 1} row ${j} column ${c}`).toBe(c === i ? b[j][c] : a[j][c]);
      }
    }
    // A and B are different samples.
    expect(a.some((row, j) => row.some((v, c) => v !== b[j][c]))).toBe(true);
  });

  it('draws A and B from a Sobol sequence: with n a power of 2, one point per 1/n slice of every column', () => {
    for (const b of [0, 1]) for (let c = 0; c < k; c++) expect(strata(block(b), c, n)).toEqual(range(n));
  });

  it('is the same design for the same seed, another for another', () => {
    expect(saltelli(n, k, rng('saltelli'))).toEqual(design);
    expect(saltelli(n, k, rng('else')).points).not.toEqual(design.points);
  });

  it('takes up to half the Sobol dimensions as factors', () => {
    expect(SALTELLI_MAX_FACTORS).toBe(128);
    expect(saltelli(2, 128, rng('wide')).points[0].length).toBe(128);
    expect(() => saltelli(2, 129, rng('wide'))).toThrow(/at most 128/);
  });
});
