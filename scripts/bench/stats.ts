/**
 * Measurement helpers shared by the parts of `npm run bench`: medians and
 * percentiles, timing loops, sizes and the plain-text tables every part prints.
 */

/** The median of `xs` (NaN for none). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** The nearest-rank `p`th percentile of `xs` (NaN for none). */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1))] as number;
}

/** The largest of `xs` (NaN for none). */
export function max(xs: readonly number[]): number {
  return xs.length === 0 ? Number.NaN : Math.max(...xs);
}

/** Median wall time of `fn` in ms, after warming up. */
export function timeMedian(fn: () => unknown, runs: number, warmups: number): number {
  let sink = 0;
  for (let i = 0; i < warmups; i++) sink += fn() ? 1 : 0;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink += fn() ? 1 : 0;
    times.push(performance.now() - t0);
  }
  if (sink < 0) console.log(sink); // keeps the results alive
  return median(times);
}

/**
 * Times `fn(i)` `count` times in a row (after `warmups` calls), stopping early
 * once `budgetMs` of wall time is spent and at least `min` samples are in:
 * on a slow build the bench still ends in minutes, and says how many it took.
 */
export async function sample(fn: (i: number) => Promise<unknown>, options: { warmups: number; count: number; min?: number; budgetMs?: number }): Promise<number[]> {
  for (let i = 0; i < options.warmups; i++) await fn(i);
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < options.count; i++) {
    const t0 = performance.now();
    await fn(options.warmups + i);
    times.push(performance.now() - t0);
    const spent = performance.now() - started;
    if (options.budgetMs !== undefined && spent > options.budgetMs && times.length >= (options.min ?? 1)) break;
  }
  return times;
}

/** UTF-8 size of `s` in bytes. */
export const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
/** Throughput in MB/s. */
export const mbps = (size: number, ms: number): number => size / 1e6 / (ms / 1000);
/** A number with a fixed count of decimals, or `-` when it was not measured. */
export const fmt = (x: number, digits = 1): string => (Number.isFinite(x) ? x.toFixed(digits) : '-');
/** A ratio such as `2.41×`. */
export const times = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '-');

/** Prints a table: the first `left` columns left-aligned (one by default), the others right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], left = 1): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i < left ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}
