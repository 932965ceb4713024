// The Find page's status line: one rule, for every combination of choices
// (tests/browser/test_find_words.py tries them all). `asked` holds the words for each
// choice made, or nothing: { q, category, need, age, area, language, free, routes,
// attending, when, interpreter, near }. age is "7" or "13 to 19"; the lists are lowercase
// labels; near is a postcode the results are ordered from.
// Each part is a message of the site's catalogues (assets/words.js), so the line is in the
// page's language.
import { services } from "./search.js";
import { _, ngettext } from "./words.js";

// "a", "a or b", "a, b or c"
export function either(words) {
  return words.length > 1
    ? _("%(first)s or %(second)s", { first: words.slice(0, -1).join(", "), second: words.at(-1) })
    : words[0];
}

function opening(asked, count) {
  if (asked.free) {
    return count ? ngettext("%(count)s free service", "%(count)s free services", count)
      : _("No free services");
  }
  return count ? services(count) : _("No services");
}

export function statusLine(asked, count) {
  const start = opening(asked, count);
  const parts = [];
  if (asked.q) parts.push(_("matching “%(words)s”", { words: asked.q }));
  if (asked.category) parts.push(_("of the kind “%(kind)s”", { kind: asked.category }));
  // "7", or a range: "13 to 19"
  const age = !asked.age ? "" : /\D/.test(asked.age) ? _("ages %(ages)s", { ages: asked.age })
    : _("age %(age)s", { age: asked.age });
  const who = [asked.need, age].filter(Boolean);
  if (who.length) parts.push(_("for %(who)s", { who: who.join(", ") }));
  if (asked.area) parts.push(_("in %(area)s", { area: asked.area }));
  if (asked.language) parts.push(_("in %(language)s", { language: asked.language }));
  if (asked.routes?.length) parts.push(_("that you can get by %(routes)s", { routes: either(asked.routes) }));
  const also = [];
  if (asked.attending?.length) also.push(_("offered %(ways)s", { ways: either(asked.attending) }));
  if (asked.when?.length) also.push(_("open %(when)s", { when: either(asked.when) }));
  if (asked.interpreter) also.push(_("with an interpreter on request"));
  if (also.length) parts.push((parts.length ? ", " : "") + also.join(", "));
  const order = asked.near && count ? _(", nearest to %(place)s first", { place: asked.near }) : "";
  if (!parts.length) {
    return asked.free || !count || order ? `${start}${order}.` : _("%(services)s, from A to Z.", { services: start });
  }
  return `${start} ${parts.join(" ")}${order}.`.replace(" , ", ", ");
}
