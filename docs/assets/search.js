// Site search for families: the search box in the header of every page.
// Its helpers (loading the index, showing a result) serve the Find page too.
// Without JavaScript the header shows a link to the browse lists instead.
// An age phrase in the words ("teenager", "7 year old autism") narrows the results to
// those ages, and the link to Find carries it as Find's age (assets/family-words.js).

import { ageFilters, ageWordsOf, findAge } from "./family-words.js";
import { distanceWords, locate, nearestFirst, parsePostcode } from "./near-me.js";
import { _, ngettext } from "./words.js";

const siteRoot = new URL("../", import.meta.url);
const SHOWN_IN_HEADER = 5;
const WAIT_AFTER_TYPING_MS = 100;
// Pagefind matches the last word as a prefix: "s" would fetch the index for every
// word in s. Two letters search (OT, EP); four start fetching while typing. (From
// three, "spe" fetched an index chunk that "speech" did not need: at 10,000
// services that is 17 KB more, which put a first search over its 250 KB budget;
// benchmarks/RESULTS.md.)
export const SHORTEST_SEARCH = 2;
const SHORTEST_PRELOAD = 4;

let loading = null;

// A file of the search index, in the site's pagefind/ folder.
export function searchFile(name) {
  return new URL(`pagefind/${name}`, siteRoot).href;
}

// Pagefind's index lives in the site's pagefind/ folder; nothing comes from elsewhere.
export function pagefind() {
  loading ??= import(searchFile("pagefind.js")).then(async (module) => {
    // No worker: one file fewer to download, and searches are quick on the main thread.
    const instance = module.createInstance({ noWorker: true });
    await instance.init();
    return instance;
  });
  return loading;
}

// "3 services", in the page's language (its plural forms: 2 usługi, 5 usług).
export function services(count) {
  return ngettext("%(count)s service", "%(count)s services", count);
}

// The words of a query, as Pagefind splits them, for suggestions when nothing matches.
export function queryWords(term) {
  return [...new Set(term.toLowerCase().split(/[^\p{L}\p{N}']+/u).filter(Boolean))];
}

function sentence(parts) {
  return parts.filter(Boolean).map((part) => part.replace(/[.\s]+$/, "")).join(". ") + ".";
}

// One service in a list of results: name, how far (in a search by postcode), summary,
// ages, areas, cost and last reviewed.
export function resultItem(data, headingLevel = 0, distance = "") {
  const meta = data.meta || {};
  const item = document.createElement("li");
  item.className = "lo-result";
  const name = document.createElement(headingLevel ? `h${headingLevel}` : "p");
  name.className = "lo-result__name";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = meta.title || data.url;
  name.append(link);
  item.append(name);
  if (distance) {
    const far = document.createElement("p");
    far.className = "lo-result__distance";
    far.textContent = distance;
    item.append(far);
  }
  if (meta.closed) {
    const closed = document.createElement("p");
    closed.className = "lo-item-alert";
    closed.textContent = meta.closed + ".";
    item.append(closed);
  }
  if (meta.summary) {
    const summary = document.createElement("p");
    summary.className = "lo-result__summary";
    summary.textContent = meta.summary;
    item.append(summary);
  }
  const facts = document.createElement("p");
  facts.className = "lo-result__facts";
  facts.textContent = sentence([meta.ages, meta.areas, meta.cost, meta.reviewed]);
  item.append(facts);
  return item;
}

// Runs a function once typing pauses; a later call cancels an earlier one.
export function afterTyping(run, wait = WAIT_AFTER_TYPING_MS) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => run(...args), wait);
  };
}

// ---- The header box ----

function enhanceHeader(box) {
  const form = box.querySelector("[data-lo-search-form]");
  const input = form.querySelector("input[name=q]");
  const status = box.querySelector("[data-lo-search-status]");
  const panel = box.querySelector("[data-lo-search-panel]");
  const list = box.querySelector("[data-lo-search-list]");
  const all = box.querySelector("[data-lo-search-all]");
  const findPage = new URL(form.getAttribute("action"), document.baseURI);
  const known = ageWordsOf(box);
  let latest = 0;

  box.querySelector("[data-lo-search-fallback]").hidden = true;
  form.hidden = false;

  let dismissed = false; // closed with Escape: stays closed until the words change
  const close = () => {
    panel.hidden = true;
  };

  const show = async (term) => {
    const asked = ++latest;
    if (term.length < SHORTEST_SEARCH) {
      list.replaceChildren();
      status.textContent = "";
      close();
      return;
    }
    // A postcode lists the nearest services (near-me.js); an unknown one says what to type.
    const postcode = parsePostcode(term);
    const locating = postcode ? locate(postcode) : null;
    let search;
    // "7 year old autism": autism services for age 7 (a postcode is never an age)
    const age = postcode ? null : findAge(term, known);
    const words = age ? age.rest : term;
    try {
      const pf = await pagefind();
      const located = await locating;
      if (located?.unknown) {
        search = { unknown: located.unknown };
      } else if (located) {
        const near = await nearestFirst(pf, {}, located);
        const first = await near.next(SHOWN_IN_HEADER);
        search = { located, count: near.total, shown: first.map(({ result, metres }) => ({
          data: result.data(), distance: metres === null ? "" : distanceWords(metres) })) };
      } else {
        search = await pf.search(words || null, age ? { filters: ageFilters(age, known) } : {});
      }
    } catch (error) {
      // No index (a preview without one, or a failed download): offer the browse lists again.
      if (asked !== latest) return;
      status.textContent = _("Search is not working at the moment.");
      box.querySelector("[data-lo-search-fallback]").hidden = false;
      box.dataset.loSearchFailed = "";
      return;
    }
    const found = search.shown
      || search.results?.slice(0, SHOWN_IN_HEADER).map((r) => ({ data: r.data() })) || [];
    const shown = await Promise.all(found.map(async (r) => ({ ...r, data: await r.data })));
    if (asked !== latest || dismissed) return; // a newer query has answered, or will
    const count = search.count ?? search.results?.length ?? 0;
    list.replaceChildren(...shown.map((r) => resultItem(r.data, 0, r.distance)));
    findPage.search = new URLSearchParams(age ? { ...(words ? { q: words } : {}), age: age.phrase }
      : { q: term }).toString();
    all.href = findPage.href;
    const findOrBrowse = _("Find support: search with filters, or browse the lists");
    const seeAll = ngettext("See all %(count)s service and filter them",
      "See all %(count)s services and filter them", count);
    if (search.unknown) {
      status.textContent = search.unknown;
      all.textContent = findOrBrowse;
    } else if (search.located && count) {
      status.textContent = ngettext("%(count)s service, nearest to %(place)s first.",
        "%(count)s services, nearest to %(place)s first.", count, { place: search.located.text });
      all.textContent = seeAll;
    } else if (!count) {
      status.textContent = _("No services found for “%(words)s”. Check the spelling or try other words.",
        { words: term });
      all.textContent = findOrBrowse;
    } else {
      status.textContent = ngettext("%(count)s service found for “%(words)s”.",
        "%(count)s services found for “%(words)s”.", count, { words: term });
      all.textContent = count > shown.length ? seeAll : _("Narrow these down by age, area and more");
    }
    panel.hidden = false;
  };

  const showSoon = afterTyping(show);
  input.addEventListener("focus", () => { pagefind().catch(() => {}); });
  input.addEventListener("input", () => {
    dismissed = false;
    const term = input.value.trim();
    if (term.length >= SHORTEST_PRELOAD && !parsePostcode(term)) pagefind().then((pf) => pf.preload(term)).catch(() => {});
    showSoon(term);
  });

  // Keyboard: arrows move between the box and the results, Escape closes the list.
  const links = () => [...list.querySelectorAll("a"), all];
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && !panel.hidden) {
      event.preventDefault();
      links()[0]?.focus();
    } else if (event.key === "Escape") {
      if (panel.hidden) input.value = "";
      dismissed = true;
      close();
    }
  });
  panel.addEventListener("keydown", (event) => {
    const targets = links();
    const at = targets.indexOf(document.activeElement);
    if (event.key === "Escape") {
      dismissed = true;
      close();
      input.focus();
    } else if (event.key === "ArrowDown" && at >= 0) {
      event.preventDefault();
      targets[Math.min(at + 1, targets.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : targets[at - 1]).focus();
    }
  });
  box.addEventListener("focusout", (event) => {
    if (!box.contains(event.relatedTarget)) close();
  });
  input.addEventListener("focus", () => {
    if (!dismissed && input.value.trim() && list.children.length) {
      panel.hidden = false;
    }
  });
}

const box = document.querySelector("[data-lo-search]");
if (box) enhanceHeader(box);
