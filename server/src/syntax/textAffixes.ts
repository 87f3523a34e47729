/**
 * Where two versions of a text start and stop differing: the reparse of an
 * edited document and the minimal edit of a formatted one both ask.
 *
 * Equal runs are compared as whole strings (a memory comparison) in chunks
 * that double while they match and halve once one does not, so a common part
 * of n characters costs O(log n) comparisons rather than n / 256 of them;
 * the last chunk is searched character by character.
 */

const CHUNK = 256;

/** The length of the longest common prefix of `a` and `b`. */
export function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  let step = CHUNK;
  while (i < max) {
    const n = Math.min(step, max - i);
    if (a.slice(i, i + n) === b.slice(i, i + n)) {
      i += n;
      step *= 2;
    } else if (n > CHUNK) step = n >> 1;
    else break;
  }
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The length of the longest common suffix of `a` and `b`, at most `max`. */
export function commonSuffix(a: string, b: string, max: number): number {
  let n = 0;
  let step = CHUNK;
  while (n < max) {
    const k = Math.min(step, max - n);
    if (a.slice(a.length - n - k, a.length - n) === b.slice(b.length - n - k, b.length - n)) {
      n += k;
      step *= 2;
    } else if (k > CHUNK) step = k >> 1;
    else break;
  }
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}
