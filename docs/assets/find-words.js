// The Find page's status line: one rule, for every combination of choices
// (tests/browser/test_find_words.py tries them all). `asked` holds the words for each
// choice made, or nothing: { q, category, need, age, area, language, free, routes,
// attending, when, interpreter, near }. age is "7" or "13 to 19"; the lists are lowercase labels.
// near is a postcode the results are ordered from.
import { plural } from "./search.js";

// "a", "a or b", "a, b or c"
function either(words) {
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} or ${words.at(-1)}` : words[0];
}

export function statusLine(asked, count) {
  const noun = asked.free ? "free service" : "service";
  const start = count ? plural(count, noun) : `No ${noun}s`;
  const parts = [];
  if (asked.q) parts.push(`matching “${asked.q}”`);
  if (asked.category) parts.push(`of the kind “${asked.category}”`);
  const age = asked.age ? `${asked.age.includes(" ") ? "ages" : "age"} ${asked.age}` : "";
  const who = [asked.need, age].filter(Boolean);
  if (who.length) parts.push(`for ${who.join(", ")}`);
  if (asked.area) parts.push(`in ${asked.area}`);
  if (asked.language) parts.push(`in ${asked.language}`);
  if (asked.routes?.length) parts.push(`that you can get by ${either(asked.routes)}`);
  const also = [];
  if (asked.attending?.length) also.push(`offered ${either(asked.attending)}`);
  if (asked.when?.length) also.push(`open ${either(asked.when)}`);
  if (asked.interpreter) also.push("with an interpreter on request");
  if (also.length) parts.push((parts.length ? ", " : "") + also.join(", "));
  const order = asked.near && count ? `, nearest to ${asked.near} first` : "";
  if (!parts.length) {
    return asked.free || !count || order ? `${start}${order}.` : `${start}, from A to Z.`;
  }
  return `${start} ${parts.join(" ")}${order}.`.replace(" , ", ", ");
}
