// The Find support page: search words and filters over every service.
// Filters combine; each choice shows how many services it would give; the
// whole state lives in the URL, so a list can be bookmarked, shared, reloaded,
// and the back button steps through the changes. Filter names and values are
// those of local_offer/search_data.py.

import { ageFilters, ageWords, ageWordsOf, findAge, readAge } from "./family-words.js";
import { either, statusLine as statusWords } from "./find-words.js";
import { EVERY_SERVICE, distanceWords, locate, nearNote, nearestFirst, parsePostcode } from "./near-me.js";
import { DIGITS, aToZ as aToZIds, pageRows } from "./page-ids.js";
import { SHORTEST_SEARCH, afterTyping, pagefind, queryWords, resultItem, searchFile, services } from "./search.js";
import { _ } from "./words.js";

const PAGE_SIZE = 10; // results a phone shows, and downloads, at a time
const CHOICES = ["category", "need", "area", "language"]; // drop-down lists
const TICKS = ["free", "interpreter"]; // one box each: yes or not asked
const GROUPS = ["route", "attending", "when"]; // boxes, any of which will do
// choices that show a count
const COUNTED = ["category", "need", "area", "language", "free", "interpreter", ...GROUPS];

const page = document.querySelector("[data-lo-find]");
// This page's language's filter tables (local_offer/outputs/search_index.py): only its rows.
const TABLES = `filter-table/${encodeURIComponent(page.dataset.loIndexLanguage)}/`;
const form = page.querySelector("[data-lo-find-form]");
const fields = form.elements;
const results = page.querySelector("[data-lo-find-results]");
const status = page.querySelector("[data-lo-find-status]");
const list = page.querySelector("[data-lo-find-list]");
const more = page.querySelector("[data-lo-find-more]");
const relax = page.querySelector("[data-lo-find-relax]");
const suggestions = page.querySelector("[data-lo-find-suggestions]");
const ageError = page.querySelector("[data-lo-age-error]");
const choices = form.querySelector("fieldset");
// The ages families can ask for, and their words for them (data/family-words.yaml).
const known = ageWordsOf(page);
const { youngest, oldest } = known;

// ---- State: the URL, the form and the filters are three views of one state ----

// Boxes of one name: the filters a page has (a council may offer no languages).
const boxes = (name) => [...form.querySelectorAll(`input[name=${name}]`)];

function stateFromURL(search) {
  const params = new URLSearchParams(search);
  const state = { q: params.get("q") || "", age: params.get("age") || "" };
  for (const name of CHOICES) state[name] = params.get(name) || "";
  for (const name of TICKS) state[name] = params.get(name) === "yes";
  for (const name of GROUPS) state[name] = params.getAll(name);
  return state;
}

function readForm() {
  const state = { q: fields.q.value, age: fields.age.value.trim() };
  for (const name of CHOICES) state[name] = fields[name]?.value || "";
  for (const name of TICKS) state[name] = Boolean(fields[name]?.checked);
  for (const name of GROUPS) state[name] = boxes(name).filter((box) => box.checked).map((box) => box.value);
  return state;
}

function writeForm(state) {
  fields.q.value = state.q;
  fields.age.value = state.age;
  for (const name of TICKS) if (fields[name]) fields[name].checked = state[name];
  for (const name of GROUPS) for (const box of boxes(name)) box.checked = state[name].includes(box.value);
  for (const name of CHOICES) {
    if (!fields[name]) continue;
    const offered = [...fields[name].options].some((option) => option.value === state[name]);
    fields[name].value = offered ? state[name] : "";
  }
}

// An age phrase in the search words (a postcode is never one).
function ageIn(q) {
  return parsePostcode(q) ? null : findAge(q, known);
}

// An age phrase in the search words ("teenager autism") moves to the age box, when that is
// empty: on a search and on arriving with one, not while the family is typing.
function settled(state) {
  const found = state.age.trim() ? null : ageIn(state.q);
  return found ? { ...state, q: found.rest, age: found.phrase } : state;
}

// The ages asked for, in the age box or (while typing) in the search words; null for any age.
function agesOf(state) {
  if (state.age.trim()) return readAge(state.age, known);
  const found = ageIn(state.q);
  return found ? { from: found.from, to: found.to } : null;
}

// The search words, if there are enough to search by (one letter would fetch half the index).
function wordsOf(state) {
  const found = state.age.trim() ? null : ageIn(state.q);
  const words = found ? found.rest : state.q.trim();
  return words.length >= SHORTEST_SEARCH ? words : "";
}

// A postcode orders the results by distance instead of matching words (near-me.js);
// on a site with no postcode places it is words like any others.
let postcodesKnown = true;

function termOf(state) {
  return postcodesKnown && parsePostcode(state.q) ? EVERY_SERVICE : wordsOf(state);
}

function validAge(age) {
  return Boolean(readAge(age, known));
}

function toQuery(state) {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set("q", state.q.trim());
  for (const name of CHOICES) if (state[name]) params.set(name, state[name]);
  if (validAge(state.age)) params.set("age", /^\d+$/.test(state.age.trim()) ? String(Number(state.age)) : state.age.trim());
  for (const name of TICKS) if (state[name]) params.set(name, "yes");
  for (const name of GROUPS) for (const value of state[name]) params.append(name, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

// Pagefind filters for a state, leaving out one filter when asked.
function filtersFor(state, leaveOut = null) {
  const filters = {};
  for (const name of CHOICES) if (state[name] && name !== leaveOut) filters[name] = state[name];
  const range = agesOf(state);
  if (range && leaveOut !== "age") Object.assign(filters, ageFilters(range, known));
  for (const name of TICKS) if (state[name] && leaveOut !== name) filters[name] = "yes";
  for (const name of GROUPS) if (state[name].length && leaveOut !== name) filters[name] = { any: state[name] };
  return filters;
}

function isSet(state, name) {
  if (name === "q") return Boolean(wordsOf(state));
  if (name === "age") return Boolean(agesOf(state));
  if (GROUPS.includes(name)) return state[name].length > 0;
  return Boolean(state[name]);
}

function without(state, name) {
  if (name === "age") return { ...settled(state), age: "" };
  if (name === "q") return { ...settled(state), q: "" };
  return { ...state, [name]: TICKS.includes(name) ? false : GROUPS.includes(name) ? [] : "" };
}

// Words for what a state asks, for the status line and the suggestions.
function label(name, value) {
  if (GROUPS.includes(name)) {
    const box = boxes(name).find((b) => b.value === value);
    return box ? box.labels[0].firstChild.textContent.trim() : value;
  }
  const option = [...fields[name].options].find((o) => o.value === value);
  return option ? (option.dataset.label || option.textContent).trim() : value;
}

const lower = (name, state) => state[name].map((value) => label(name, value).toLowerCase());

function describe(state, name) {
  switch (name) {
    case "q": return _("the search words “%(words)s”", { words: wordsOf(state) });
    case "age": return ageWords(agesOf(state));
    case "free": return _("free only");
    case "interpreter": return _("interpreter on request");
    // "a or b or c"
    case "route": case "attending": case "when": return lower(name, state).reduce((a, b) => either([a, b]));
    case "area": return _("in %(area)s", { area: label("area", state.area) });
    case "language": return _("in %(language)s", { language: label("language", state.language) });
    default: return label(name, state[name]);
  }
}

// ---- Searching ----

// The results for some words by relevance (Pagefind); for none, every service from
// A to Z, from the tables alone: with no words there is no search to run.
async function search(term) {
  if (term) return (await (await pagefind()).search(term)).results;
  return alphabetical();
}

// ---- Filter tables (local_offer/outputs/search_index.py): for each filter, every
// service's values, a row a service in the order of Pagefind's page ids. A search is
// narrowed, and each choice counted, from them: only the filters it uses are loaded.

const tables = new Map();
const fragments = new Map();
let rowOrder = null;
let aToZ = null;

// A file of the index as text: Pagefind's files are gzipped (unless the server unzipped them).
async function indexText(path) {
  const response = await fetch(searchFile(path));
  if (!response.ok) throw new Error(`Search file ${path}: ${response.status}`);
  let bytes = await response.arrayBuffer();
  const head = new Uint8Array(bytes, 0, 2);
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    bytes = await new Response(stream).arrayBuffer();
  }
  return new TextDecoder().decode(bytes);
}

async function indexJSON(path) {
  return JSON.parse(await indexText(path));
}

function filterTable(name) {
  if (!tables.has(name)) tables.set(name, loadTable(name));
  return tables.get(name);
}

async function loadTable(name) {
  const { kind, width, rows, values, table } = await indexJSON(`${TABLES}${encodeURIComponent(name)}.pf_table`);
  const words = Math.ceil(values.length / 32);
  const bits = new Uint32Array(rows * words);
  for (let row = 0; row < rows; row += 1) {
    if (kind === "one") {
      const value = DIGITS.indexOf(table[row]) - 1;
      if (value >= 0) bits[row * words + (value >> 5)] |= 1 << (value & 31);
      continue;
    }
    for (let place = 0; place < width; place += 1) {
      const six = DIGITS.indexOf(table[row * width + place]);
      for (let bit = 0; bit < 6; bit += 1) {
        const value = place * 6 + bit;
        if (six & (1 << bit)) bits[row * words + (value >> 5)] |= 1 << (value & 31);
      }
    }
  }
  const has = (row, value) => (bits[row * words + (value >> 5)] >>> (value & 31)) & 1;
  return { rows, values, number: new Map(values.map((v, i) => [v, i])), has,
           of: (row) => values.filter((v, i) => has(row, i)) };
}

// Which row of the tables each of Pagefind's page ids is (assets/page-ids.js).
function rowIds() {
  rowOrder ??= indexJSON(`${TABLES}rows.pf_ids`).then(pageRows);
  return rowOrder;
}

// A service's result data, as Pagefind's own results give it, from its fragment.
function fragment(id) {
  if (!fragments.has(id)) {
    fragments.set(id, indexText(`fragment/${id}.pf_fragment`)
      .then((text) => JSON.parse(text.replace(/^pagefind_dcd/, ""))));
  }
  return fragments.get(id);
}

// Every service as a result, from A to Z.
function alphabetical() {
  aToZ ??= indexJSON(`${TABLES}a-z.pf_order`).then((written) =>
    aToZIds(written).map((id) => ({ id, data: () => fragment(id) })));
  return aToZ;
}

// A test of a row against one filter: {name: value} or {name: {any: [values]}}.
function accepting(table, wanted) {
  const numbers = (typeof wanted === "string" ? [wanted] : wanted.any)
    .map((value) => table.number.get(value)).filter((n) => n !== undefined);
  return (row) => numbers.some((n) => table.has(row, n));
}

async function tablesFor(names) {
  const [{ rows, row }, loaded] = await Promise.all([rowIds(), Promise.all(names.map(filterTable))]);
  if (loaded.some((table) => table.rows !== rows)) throw new Error("The filter tables do not match the index");
  return { row, table: Object.fromEntries(names.map((name, i) => [name, loaded[i]])) };
}

// The results for the words, narrowed by the filters, in search order.
async function matching(term, filters) {
  const names = Object.keys(filters);
  const [found, { row, table }] = await Promise.all([search(term), tablesFor(names)]);
  const tests = names.map((name) => accepting(table[name], filters[name]));
  return found.filter((result) => tests.every((test) => test(row(result.id))));
}

// Counts for each choice: with every other filter applied but not its own, so a
// list shows what picking another value would give. One pass over the services
// the words find: a service that fails one filter counts for that filter's choices
// only; one that fails none, for every filter's.
async function choiceCounts(state, term) {
  const filters = filtersFor(state);
  const names = [...new Set([...COUNTED, ...Object.keys(filters)])];
  const [found, { row, table }] = await Promise.all([search(term), tablesFor(names)]);
  const tests = Object.entries(filters).map(([name, wanted]) => [name, accepting(table[name], wanted)]);
  const counts = Object.fromEntries(COUNTED.map((name) => [name, {}]));
  for (const result of found) {
    const at = row(result.id);
    const failed = tests.filter(([, test]) => !test(at));
    if (failed.length > 1) continue;
    for (const name of COUNTED) {
      if (failed.length && failed[0][0] !== name) continue;
      for (const value of table[name].of(at)) counts[name][value] = (counts[name][value] || 0) + 1;
    }
  }
  return counts;
}

// When nothing matches: each single change that would give results.
async function relaxations(state, term) {
  // A postcode only orders the results: taking it away would give no more.
  const tries = ["q", "category", "need", "age", "area", "language", "free", "interpreter", ...GROUPS]
    .filter((name) => isSet(state, name) && !(name === "q" && term === EVERY_SERVICE))
    .map((name) => ({ text: _("Remove %(choice)s", { choice: describe(state, name) }), state: without(state, name) }));
  const words = queryWords(term);
  if (words.length > 1) {
    for (const word of words) tries.push({ text: _("Search for “%(word)s” only", { word }), state: { ...state, q: word } });
  }
  const counts = await Promise.all(tries.map(async (t) =>
    (await matching(termOf(t.state), filtersFor(t.state))).length));
  return tries.map((t, i) => ({ ...t, count: counts[i] })).filter((t) => t.count);
}

function showCounts(counts) {
  for (const name of CHOICES) {
    for (const option of fields[name]?.options || []) {
      if (!option.value) continue;
      option.dataset.label ??= option.textContent;
      option.textContent = `${option.dataset.label} (${counts[name][option.value] || 0})`;
    }
  }
  const ticks = [...TICKS, ...GROUPS].flatMap(boxes);
  for (const box of ticks) {
    const count = counts[box.name][box.value] || 0;
    box.labels[0].querySelector("[data-lo-count]").textContent = `(${count})`;
  }
}

function statusLine(state, count, near = "") {
  const chosen = (name) => (isSet(state, name) ? label(name, state[name]) : "");
  const range = agesOf(state);
  return statusWords({
    q: near ? "" : wordsOf(state),
    category: chosen("category"),
    need: chosen("need"),
    age: range ? (range.from === range.to ? String(range.from) : _("%(from)s to %(to)s", range)) : "",
    area: chosen("area"),
    language: chosen("language"),
    free: isSet(state, "free"),
    routes: lower("route", state),
    attending: lower("attending", state),
    when: lower("when", state),
    interpreter: isSet(state, "interpreter"),
    near,
  }, count);
}

let latest = 0;
let current = null; // the latest search, for "Show more"

// The results of a search in their order, a page at a time: { count, next(n) }, where
// next gives each result's data and, ordered by distance, how far it is.
async function found(state, term, located) {
  if (!located) {
    const results = await matching(term, filtersFor(state));
    let at = 0;
    return { count: results.length, next: (n) => {
      const slice = results.slice(at, at + n);
      at += slice.length;
      return Promise.all(slice.map(async (r) => ({ data: await r.data() })));
    } };
  }
  // Nearest first walks Pagefind's own filters by postcode district (near-me.js).
  const near = await nearestFirst(await pagefind(), filtersFor(state), located, term);
  return { count: near.total, next: async (n) => Promise.all((await near.next(n)).map(
    async ({ result, metres, inArea }) => ({ data: await result.data(), distance: metres === null
      ? (inArea ? _("No venue listed: serves %(area)s", { area: located.areaLabels[state.area || located.area] })
        : _("No venue listed"))
      : distanceWords(metres) }))) };
}

async function update(state) {
  const asked = ++latest;
  ageError.hidden = !state.age || validAge(state.age);
  ageError.textContent = _("Enter an age in whole years, from %(youngest)s to %(oldest)s, or words like “teenager”.",
    { youngest, oldest });
  fields.age.toggleAttribute("aria-invalid", !ageError.hidden);
  // A postcode: where it is, from the council's postcode places (loaded only now).
  const postcode = parsePostcode(state.q);
  const locating = postcode && postcodesKnown ? locate(postcode) : null;
  const located = await locating;
  if (postcode && located === null) postcodesKnown = false;
  if (asked !== latest) return;
  results.querySelector(".lo-near-note")?.remove();
  if (located?.unknown) {
    current = null;
    status.textContent = located.unknown;
    list.replaceChildren();
    suggestions.replaceChildren();
    relax.hidden = more.hidden = true;
    results.hidden = false;
    results.dataset.loDrawn = "";
    return;
  }
  const term = termOf(state);
  // Only the filters asked for are loaded for the results; the counts come next.
  let main;
  let first;
  let relaxed;
  try {
    main = await found(state, term, located);
    [first, relaxed] = await Promise.all([
      main.next(PAGE_SIZE),
      main.count ? [] : relaxations(state, term),
    ]);
  } catch (error) {
    if (asked !== latest) return;
    status.textContent = _("Search is not working at the moment. Please use the lists below.");
    results.hidden = false;
    results.dataset.loDrawn = "";
    return;
  }
  if (asked !== latest) return; // a newer change has its own answer
  current = { main, shown: first.length };
  status.textContent = statusLine(state, main.count, located ? located.text : "");
  list.replaceChildren(...first.map(findResult));
  if (located && main.count) more.parentElement.after(nearNote(located)); // under "Show more"
  suggestions.replaceChildren(...relaxed.map((s) => suggestion(s)));
  relax.hidden = main.count > 0;
  if (!main.count && !relaxed.length) {
    suggestions.replaceChildren(item(link("#other-ways", _("Browse the lists of services"))));
  }
  more.hidden = current.shown >= main.count;
  results.hidden = false;
  results.dataset.loDrawn = "";
  choices.setAttribute("aria-busy", "true"); // the counts are on their way
  const counts = await choiceCounts(state, term).catch(() => null);
  if (asked !== latest) return;
  if (counts) showCounts(counts);
  choices.removeAttribute("aria-busy");
}

// A result on this page is a heading, and can be saved to My list (assets/my-list.js
// adds the button to anything carrying a service's id, as results arrive).
function findResult({ data, distance }) {
  const result = resultItem(data, 3, distance);
  const id = data.meta?.service_id;
  if (id) result.dataset.serviceId = id;
  return result;
}

function item(child) {
  const li = document.createElement("li");
  li.append(child);
  return li;
}

function link(href, text) {
  const a = document.createElement("a");
  a.href = href;
  a.textContent = text;
  return a;
}

function suggestion({ text, count, state }) {
  const a = link(toQuery(state) || location.pathname, `${text} (${services(count)})`);
  a.addEventListener("click", (event) => {
    event.preventDefault();
    writeForm(state);
    commit("push");
  });
  return item(a);
}

more.addEventListener("click", async () => {
  const { main, shown } = current;
  const next = await main.next(PAGE_SIZE);
  const items = next.map(findResult);
  list.append(...items);
  current.shown = shown + next.length;
  more.hidden = !next.length || current.shown >= main.count;
  items[0]?.querySelector("a").focus(); // carry on reading where the new services start
});

// ---- History: every change is a step back; a burst of typing is one step ----

let typingHasEntry = false;

function commit(mode) {
  const state = readForm();
  const query = toQuery(state);
  if (query !== location.search) {
    const url = query || location.pathname;
    if (mode === "push") history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  }
  update(state);
}

const afterTypingPause = afterTyping(() => {
  commit(typingHasEntry ? "replace" : "push");
  typingHasEntry = true;
});

form.addEventListener("input", (event) => {
  if (event.target === fields.q || event.target === fields.age) afterTypingPause();
});
form.addEventListener("change", (event) => {
  typingHasEntry = false;
  if (event.target !== fields.q && event.target !== fields.age) commit("push");
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  typingHasEntry = false;
  writeForm(settled(readForm()));
  commit("push");
  results.querySelector("h2").focus();
});
page.querySelector("[data-lo-find-clear]").addEventListener("click", (event) => {
  event.preventDefault();
  writeForm(stateFromURL(""));
  typingHasEntry = false;
  commit("push");
});
window.addEventListener("popstate", () => {
  const state = stateFromURL(location.search);
  writeForm(state);
  typingHasEntry = false;
  update(state);
});

// ---- Start: the form replaces the no-JavaScript message (search.css does it first where
// the browser knows "scripting"), and the URL sets the state ----

page.querySelector("[data-lo-find-nojs]").hidden = true;
// Folded on a phone, so the first results come within the first screen; open when wide.
page.querySelector("[data-lo-find-filters]").open = matchMedia("(min-width: 60em)").matches;
form.hidden = false;
results.querySelector("h2").tabIndex = -1;
const start = settled(stateFromURL(location.search));
writeForm(start);
if (toQuery(start) !== location.search) history.replaceState(null, "", toQuery(start) || location.pathname);
update(readForm());
