/** Peak and mean of a series over [from, to): shared by the Epstein figures script and its tests. */
export function peak(a: ArrayLike<number>, from = 0, to = a.length): number {
  let m = 0;
  for (let t = from; t < to; t++) if (a[t] > m) m = a[t];
  return m;
}

export function average(a: ArrayLike<number>, from = 0, to = a.length): number {
  let s = 0;
  for (let t = from; t < to; t++) s += a[t];
  return s / (to - from);
}
