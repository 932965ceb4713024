// The Find page's status line: one rule, for every combination of choices
// (tests/browser/test_find_words.py tries them all). `asked` holds the words for each
// choice made, or nothing: { q, category, need, age, area, free, routes, near }; near is a
// postcode the results are ordered from.
import { plural } from "./search.js";

export function statusLine(asked, count) {
  const noun = asked.free ? "free service" : "service";
  const start = count ? plural(count, noun) : `No ${noun}s`;
  const parts = [];
  if (asked.q) parts.push(`matching “${asked.q}”`);
  if (asked.category) parts.push(`of the kind “${asked.category}”`);
  const who = [asked.need, asked.age ? `age ${asked.age}` : ""].filter(Boolean);
  if (who.length) parts.push(`for ${who.join(", ")}`);
  if (asked.area) parts.push(`in ${asked.area}`);
  if (asked.routes && asked.routes.length) parts.push(`that you can get by ${asked.routes.join(" or ")}`);
  const order = asked.near && count ? `, nearest to ${asked.near} first` : "";
  if (!parts.length) {
    return asked.free || !count || order ? `${start}${order}.` : `${start}, from A to Z.`;
  }
  return `${start} ${parts.join(" ")}${order}.`;
}
