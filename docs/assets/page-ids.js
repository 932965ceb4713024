// Pagefind's page ids and the filter tables' rows, read from the files
// local_offer/outputs/search_index.py writes (row_ids and a_to_z, which describe them).
// Arithmetic, not bit operations, on an id's number: it may not fit in 32 bits.

// Six bits a character, as local_offer/outputs/search_index.py writes them (DIGITS there).
export const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// The bits of a string of DIGITS, one at a time, highest first.
function bitReader(text) {
  const sixes = Uint8Array.from(text, (c) => DIGITS.indexOf(c));
  let at = 0;
  return () => {
    const bit = Math.floor(sixes[Math.floor(at / 6)] / 2 ** (5 - (at % 6))) % 2;
    at += 1;
    return bit;
  };
}

function unary(bit) {
  let count = 0;
  while (bit()) count += 1;
  return count;
}

// rows.pf_ids: { rows, row(id) }, row giving a page id's row in the tables. Only for ids
// the tables have: it does not hold the ids, only what tells them apart.
export function pageRows({ rows, groups }) {
  let first = 0;
  const read = groups.map(({ prefix, width, first: lowest, count, low, bits }) => {
    const bit = bitReader(bits);
    const buckets = 2 ** (4 * width - low);
    const before = new Int32Array(buckets + 1); // the group's ids in the buckets before
    for (let bucket = 0; bucket < buckets; bucket += 1) before[bucket + 1] = before[bucket] + unary(bit);
    // split[r]: the first low bit in which ids r and r + 1 of one bucket differ
    const split = new Uint8Array(count);
    for (let bucket = 0; bucket < buckets; bucket += 1) {
      for (let r = before[bucket]; r < before[bucket + 1] - 1; r += 1) split[r] = unary(bit);
    }
    const group = { prefix, width, lowest: parseInt(lowest, 16), first, low, before, split };
    first += count;
    return group;
  });
  const row = (id) => {
    const cut = id.lastIndexOf("_") + 1;
    const prefix = id.slice(0, cut);
    const digits = id.slice(cut);
    const number = parseInt(digits, 16);
    let group;
    for (const g of read) if (g.prefix === prefix && g.width === digits.length && g.lowest <= number) group = g;
    if (!group) return undefined;
    const { low, before, split } = group;
    const bucket = Math.floor(number / 2 ** low);
    const rest = number - bucket * 2 ** low;
    // As in a trie: the neighbours that differ highest split the bucket; the id's bit there
    // says which side it is on.
    let lo = before[bucket];
    let hi = before[bucket + 1];
    while (hi - lo > 1) {
      let at = lo;
      for (let r = lo + 1; r < hi - 1; r += 1) if (split[r] < split[at]) at = r;
      if (Math.floor(rest / 2 ** (low - 1 - split[at])) % 2) lo = at + 1;
      else hi = at + 1;
    }
    return group.first + lo;
  };
  return { rows, row };
}

// a-z.pf_order: the page ids from A to Z.
export function aToZ({ rows, prefix, width, widths, ids }) {
  const bit = bitReader(ids);
  const other = new Map(widths);
  const order = [];
  for (let place = 0; place < rows; place += 1) {
    const digits = other.get(place) ?? width;
    let number = 0;
    for (let k = 0; k < 4 * digits; k += 1) number = number * 2 + bit();
    order.push(prefix + number.toString(16).padStart(digits, "0"));
  }
  return order;
}
