// Shared by the benchmarks: summary statistics of a list of millisecond samples.

/** Median, 95th percentile and minimum of `samples` (nearest-rank). */
export function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  return { median: at(0.5), p95: at(0.95), p99: at(0.99), min: s[0] };
}
