// The words our scripts write, in the page's language: gettext for our JavaScript.
// A script writes _("message", values) and ngettext(singular, plural, count, values);
// `make catalogues` extracts them (babel.cfg) into the site's .po files, beside the
// templates' words, so translators have one set. A page in another language carries their
// translations in a JSON data block (partials/script-words.html, made from the catalogues
// by local_offer/site/script_words.py); a page in the main language carries none, and the
// messages show as they are. "%(name)s" in a message is values.name.
// A plural's translation has a form for each of the language's plural categories (Polish:
// one, few, many), which the browser's Intl.PluralRules picks for the count.

let translations = null;
let rules = null;
const block = document.getElementById("lo-words");

function translated() {
  if (translations === null) {
    try {
      translations = JSON.parse(block?.textContent || "{}");
    } catch {
      translations = {}; // words left in English, never a page without them
    }
  }
  return translations;
}

function fill(message, values = {}) {
  return message.replace(/%\((\w+)\)s|%%/g, (whole, name) =>
    (name === undefined ? "%" : name in values ? String(values[name]) : whole));
}

export function _(message, values) {
  const found = translated()[message];
  return fill(typeof found === "string" ? found : message, values);
}

// The count is also there for the message as %(count)s.
export function ngettext(singular, plural, count, values = {}) {
  const forms = translated()[singular];
  const all = { count, ...values };
  if (forms && typeof forms === "object") {
    // The catalogue's language (the block says which), whose forms these are.
    rules ??= new Intl.PluralRules(block?.dataset.lang || document.documentElement.lang || "en");
    return fill(forms[rules.select(count)] ?? Object.values(forms).at(-1), all);
  }
  return fill(count === 1 ? singular : plural, all);
}
