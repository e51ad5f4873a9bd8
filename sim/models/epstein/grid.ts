/**
 * Torus grid helpers for Epstein's (2002) models: the vision (neighbourhood) of every cell as a
 * precomputed table of cell indices, so that the hot loop reads `table[cell * size + j]` and
 * never wraps coordinates or allocates.
 *
 * Cells are numbered row by row: cell = y * width + x. A vision never contains the agent's own
 * cell (Mesa's `get_neighborhood(include_center=False)`), lists each torus cell at most once (on a
 * grid narrower than the vision, offsets that wrap onto the same cell are merged, as Mesa's
 * breadth-first neighbourhood does), and lists the cells in one fixed order: offsets by row
 * (dy from -r to r), then by column (dx from -r to r).
 *
 * Shapes and radius v (fractional radii allowed):
 *   von-neumann: |dx| + |dy| <= floor(v)        Manhattan ball (Mesa's OrthogonalVonNeumannGrid;
 *                                                v = 7 gives 2 v (v + 1) = 112 cells)
 *   euclidean:   dx^2 + dy^2 <= v^2             disc of patch centres (NetLogo `in-radius`;
 *                                                v = 7 gives 148 cells, v = 1.7 gives the 8
 *                                                Moore neighbours, as in Epstein's run 1)
 *   moore:       max(|dx|, |dy|) <= floor(v)    Chebyshev square ((2 floor(v) + 1)^2 - 1 cells)
 * The two lattice shapes count whole steps, so they use floor(v); the disc uses v itself.
 */

export type NeighbourhoodShape = 'von-neumann' | 'euclidean' | 'moore';

export const NEIGHBOURHOOD_SHAPES: readonly NeighbourhoodShape[] = ['von-neumann', 'euclidean', 'moore'];

/** Largest table (cells x vision size, in entries) built in full; larger grids fill per call. */
const FULL_TABLE_LIMIT = 1 << 23;

/** Is offset (dx, dy) within radius v for this shape? (The centre is excluded by the caller.) */
export function inShape(shape: NeighbourhoodShape, v: number, dx: number, dy: number): boolean {
  const ax = dx < 0 ? -dx : dx;
  const ay = dy < 0 ? -dy : dy;
  switch (shape) {
    case 'von-neumann':
      return ax + ay <= Math.floor(v);
    case 'moore':
      return (ax > ay ? ax : ay) <= Math.floor(v);
    case 'euclidean':
      return dx * dx + dy * dy <= v * v;
  }
}

/** The offsets (dx, dy) of a neighbourhood on an unbounded grid, centre excluded, in fixed order. */
export function neighbourOffsets(shape: NeighbourhoodShape, v: number): { dx: Int32Array; dy: Int32Array } {
  const r = Math.floor(v);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let dy = -r; dy <= r; dy++) {
    for (let dx = -r; dx <= r; dx++) {
      if ((dx !== 0 || dy !== 0) && inShape(shape, v, dx, dy)) {
        xs.push(dx);
        ys.push(dy);
      }
    }
  }
  return { dx: Int32Array.from(xs), dy: Int32Array.from(ys) };
}

/** Number of cells in a neighbourhood on an unbounded grid (centre excluded). */
export function neighbourhoodSize(shape: NeighbourhoodShape, v: number): number {
  return neighbourOffsets(shape, v).dx.length;
}

/**
 * A vision on a width x height torus. `data` holds the cells of a neighbourhood: either the full
 * table (cell c's cells at data[c * size .. c * size + size)) or, on grids too large for a full
 * table, a scratch row that `visionBase` refills for the cell asked about.
 */
export interface VisionTable {
  readonly width: number;
  readonly height: number;
  readonly shape: NeighbourhoodShape;
  readonly radius: number;
  /** Cells in every neighbourhood (the same for every cell on a torus). */
  readonly size: number;
  /** True when `data` is the full table; false when it is a one-row scratch. */
  readonly full: boolean;
  readonly data: Int32Array;
  readonly dx: Int32Array;
  readonly dy: Int32Array;
  /** Last stamp written per cell, to merge offsets that wrap onto the same cell. */
  readonly stamp: Int32Array;
  stampNow: number;
}

/** Write the neighbourhood of `cell` into `out` from `at`; returns the number of cells written. */
function fillRow(vt: VisionTable, cell: number, out: Int32Array, at: number): number {
  const { width: W, height: H, dx, dy, stamp } = vt;
  const x = cell % W;
  const y = (cell - x) / W;
  if (vt.stampNow >= 0x3fffffff) {
    stamp.fill(0); // a long run on the scratch path: start the stamps again
    vt.stampNow = 0;
  }
  const s = ++vt.stampNow;
  stamp[cell] = s; // never list the centre, even when an offset wraps back onto it
  let k = 0;
  for (let j = 0; j < dx.length; j++) {
    let nx = (x + dx[j]) % W;
    if (nx < 0) nx += W;
    let ny = (y + dy[j]) % H;
    if (ny < 0) ny += H;
    const n = ny * W + nx;
    if (stamp[n] === s) continue;
    stamp[n] = s;
    out[at + k++] = n;
  }
  return k;
}

/** Build the vision of every cell of a width x height torus. */
export function buildVisionTable(width: number, height: number, shape: NeighbourhoodShape, radius: number): VisionTable {
  const { dx, dy } = neighbourOffsets(shape, radius);
  const cells = width * height;
  const probe: VisionTable = {
    width, height, shape, radius, size: 0, full: false,
    data: new Int32Array(dx.length), dx, dy, stamp: new Int32Array(cells), stampNow: 0,
  };
  // On a torus every cell sees the same number of distinct cells (translation symmetry).
  const size = cells > 0 ? fillRow(probe, 0, probe.data, 0) : 0;
  const full = cells * size <= FULL_TABLE_LIMIT;
  const vt: VisionTable = { ...probe, size, full, data: new Int32Array(full ? cells * size : Math.max(dx.length, 1)) };
  if (full) for (let c = 0; c < cells; c++) fillRow(vt, c, vt.data, c * size);
  return vt;
}

/** Where the neighbourhood of `cell` starts in `vt.data` (refilling the scratch row if needed). */
export function visionBase(vt: VisionTable, cell: number): number {
  if (vt.full) return cell * vt.size;
  fillRow(vt, cell, vt.data, 0);
  return 0;
}
