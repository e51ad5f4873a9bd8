/**
 * The population's social network: a Watts-Strogatz small world (ring lattice with a few
 * rewired shortcuts) stored as compressed sparse rows. Neighbours on the ring are neighbours in
 * memory too, which keeps the daily neighbour count cache-friendly at a million agents.
 */
import type { Uniform } from '../../engine/streams';

export interface Network {
  /** Neighbours of agent i are nbrs[offsets[i] .. offsets[i + 1]). */
  readonly offsets: Int32Array;
  readonly nbrs: Int32Array;
}

export function smallWorld(n: number, degree: number, rewiring: number, u: Uniform): Network {
  const half = Math.max(1, Math.min(Math.floor(degree / 2), Math.floor((n - 1) / 2)));
  const m = n * half;
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  let e = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 1; j <= half; j++) {
      let t = (i + j) % n;
      // Rewire the far end to a random agent (Watts-Strogatz); a self-tie is left on the lattice.
      if (u() < rewiring) {
        const r = Math.floor(u() * n);
        if (r !== i) t = r;
      }
      src[e] = i;
      dst[e] = t;
      e++;
    }
  }
  const offsets = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) {
    offsets[src[k] + 1]++;
    offsets[dst[k] + 1]++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, n);
  const nbrs = new Int32Array(2 * m);
  for (let k = 0; k < m; k++) {
    nbrs[fill[src[k]]++] = dst[k];
    nbrs[fill[dst[k]]++] = src[k];
  }
  return { offsets, nbrs };
}
