// Families' own words for ages: the one parser of a typed phrase, for the header search
// and the Find page. "teenager", "toddler" (the council's words, data/family-words.yaml,
// handed over in a data-lo-age-words attribute) and the patterns with a number in them
// ("7 year old", "age 7", "under 5s", "16+", "over 18", "5 to 11") each give the ages they
// mean, youngest and oldest. tests/browser/test_family_filters.py tries them.

import { _ } from "./words.js";

const N = "(\\d{1,2})";
const YEARS = "(?:years?|yrs?)";
// Each pattern, as whole words; the first that matches wins, so the longer come first.
const PATTERNS = [
  // 5 to 11, 5-11, aged 5 to 11, between 5 and 11, 5 to 11 year olds
  [`(?:aged?\\s+|ages\\s+|between\\s+)?${N}\\s*(?:-|–|to|and)\\s*${N}(?:\\s*${YEARS})?(?:[\\s-]*olds?)?`,
    (a, b) => [Number(a), Number(b)]],
  // under 5s, under 5, under-5s, below 5: up to the year before
  [`(?:under|below)[\\s-]*${N}(?:'?s)?`, (a) => [0, Number(a) - 1]],
  // 16+, 16 plus, 16 and over, over 16s, over 16
  [`${N}\\s*(?:\\+|plus\\b|and\\s+(?:over|above|older|up))|(?:over|above)\\s+${N}(?:'?s)?`,
    (a, b) => [Number(a ?? b), Infinity]],
  // 7 year old, 7-year-old, 7 years old, 7 yr old, 7 years, 7yo, aged 7, age 7
  [`(?:aged?\\s+)?${N}[\\s-]*(?:${YEARS}(?:[\\s-]*olds?)?|yo|y\\/o)|aged?\\s+${N}`,
    (a, b) => [Number(a ?? b), Number(a ?? b)]],
];
const EDGE_BEFORE = "(?<![\\p{L}\\p{N}])";
const EDGE_AFTER = "(?![\\p{L}\\p{N}])";

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// The council's words and the ages they mean: [{ words: [...], min, max }], from the page.
export function ageWordsOf(element) {
  try {
    const data = JSON.parse(element?.dataset.loAgeWords || "{}");
    return { youngest: data.youngest ?? 0, oldest: data.oldest ?? 25, words: data.words || [] };
  } catch {
    return { youngest: 0, oldest: 25, words: [] };
  }
}

function matchers(known) {
  const words = known.words
    .flatMap((entry) => entry.words.map((word) => [word.toLowerCase(), entry]))
    .sort((a, b) => b[0].length - a[0].length);
  const named = words.length
    ? [[new RegExp(EDGE_BEFORE + "(?:" + words.map(([w]) => escape(w).replace(/\s+/g, "\\s+")).join("|") + ")" + EDGE_AFTER, "iu"),
      (phrase) => {
        const folded = phrase.toLowerCase().replace(/\s+/g, " ");
        const entry = words.find(([w]) => w === folded)[1];
        return [entry.min, entry.max];
      }]]
    : [];
  return [...named, ...PATTERNS.map(([source, ages]) => [
    new RegExp(EDGE_BEFORE + "(?:" + source + ")" + EDGE_AFTER, "iu"),
    (phrase, ...groups) => ages(...groups)])];
}

// Youngest and oldest within the site's ages, or null when they make no sense (20 to 5).
function clamp([from, to], known) {
  if (!(from <= to)) return null;
  const low = Math.max(from, known.youngest);
  const high = Math.min(to, known.oldest);
  return low <= high ? { from: low, to: high } : null;
}

// A phrase in some words: { from, to, phrase, rest } (rest: the other words), or null.
export function findAge(text, known) {
  for (const [pattern, ages] of matchers(known)) {
    const match = pattern.exec(text);
    if (!match) continue;
    const range = clamp(ages(match[0], ...match.slice(1)), known);
    if (!range) return null;
    const rest = (text.slice(0, match.index) + " " + text.slice(match.index + match[0].length))
      .replace(/\s+/g, " ").trim();
    return { ...range, phrase: match[0].trim(), rest };
  }
  return null;
}

// What a family typed in an age box: a whole number, or a phrase and nothing else.
export function readAge(text, known) {
  const typed = text.trim();
  if (/^\d{1,2}$/.test(typed)) {
    const age = Number(typed);
    return age >= known.youngest && age <= known.oldest ? { from: age, to: age } : null;
  }
  const found = findAge(typed, known);
  return found && !found.rest ? { from: found.from, to: found.to } : null;
}

// The ages in words: "age 7", "ages 13 to 19".
export function ageWords(range) {
  return range.from === range.to ? _("age %(age)s", { age: range.from })
    : _("ages %(ages)s", { ages: _("%(from)s to %(to)s", range) });
}

function years(from, to) {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

// Pagefind filters for services that serve any of these ages: a service holds its youngest
// and oldest age (search_data.py), so it starts by the oldest asked and ends from the youngest.
export function ageFilters(range, known) {
  return { "age-from": { any: years(known.youngest, range.to) },
           "age-to": { any: years(range.from, known.oldest) } };
}
