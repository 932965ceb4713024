// Near me: a search by postcode, nearest first, with nothing asked of anyone else.
// A family types a postcode or the start of one (ME7 5HT, ME7 5, ME7) on the Find page
// or in the header. Only then the page loads postcode-places.json (site/urls.py
// POSTCODE_PLACES, made by outputs/postcode_places.py): the centre of each postcode
// district and sector the council covers, a few KB. Each service's search entry holds
// where its venues are (the "near-<area>" filters of site/search_data.py: hundreds of
// metres on the British National Grid), so one filter search per venue position gives
// the services nearest first, and says how far each is, with no other download.

import { _, ngettext } from "./words.js";

const siteRoot = new URL("../", import.meta.url);
const PLACES_FILE = "postcode-places.json";
const NEAR = "near-"; // and an area: the filters of where venues are (site/search_data.py)
const NO_VENUE = "-";
const GRID = 100; // metres in one unit of a "near" value
// The word every service's entry has (site/search_data.py EVERY_SERVICE): searching for it
// lists every service and loads one part of the index; searching for no words loads all.
export const EVERY_SERVICE = "qqeveryservice";
const METRES_IN_A_MILE = 1609.344;

// The same rules as local_offer/records/postcodes.py parse_postcode.
const DISTRICT = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;
const WHOLE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9])([A-Z]{2})$/;

// The postcode a family typed: { district, sector, text }, or null when it is not one.
export function parsePostcode(typed) {
  const spaced = typed.toUpperCase().split(/\s+/).filter(Boolean);
  const whole = spaced.join("").match(WHOLE);
  if (whole) {
    const sector = `${whole[1]} ${whole[2]}`;
    return { district: whole[1], sector, text: `${sector}${whole[3]}` };
  }
  if (!spaced.length || !DISTRICT.test(spaced[0])) return null;
  if (spaced.length === 1) return { district: spaced[0], sector: "", text: spaced[0] };
  if (spaced.length === 2 && /^[0-9]$/.test(spaced[1])) {
    const sector = spaced.join(" ");
    return { district: spaced[0], sector, text: sector };
  }
  return null;
}

// How far, in the words of the page: one rule, for every result.
export function distanceWords(metres) {
  const miles = metres / METRES_IN_A_MILE;
  if (miles < 1) return _("less than a mile away");
  return ngettext("about %(count)s mile away", "about %(count)s miles away", Math.round(miles));
}

let places = null;

// The council's postcode places, or null when the site has none (no search by postcode).
function loadPlaces() {
  places ??= fetch(new URL(PLACES_FILE, siteRoot))
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null);
  return places;
}

// Where a typed postcode is: { point, area, areaLabel, text, places }; { unknown: message }
// when the council does not cover it; null when the site has no postcode places.
export async function locate(postcode) {
  const data = await loadPlaces();
  if (!data) return null;
  // Typed without its space, ME75 is the district ME75; when there is none, the sector ME7 5.
  const squeezed = postcode.sector ? "" : postcode.district;
  const asSector = squeezed.length > 2 ? `${squeezed.slice(0, -1)} ${squeezed.slice(-1)}` : "";
  const key = [postcode.sector, postcode.district, asSector].find((k) => k && data.places[k]);
  if (!key) {
    return { unknown: _("We could not find “%(postcode)s” in %(area)s. Type a postcode in "
      + "%(area)s, like %(example)s, or part of one, like %(district)s.", { postcode: postcode.text,
      area: data.area_name, example: data.example, district: data.example_district }) };
  }
  const [easting, northing, area] = data.places[key];
  return { point: [easting, northing], area, areaLabel: data.areas[area] || area,
           areaIds: Object.keys(data.areas), areaLabels: data.areas, areaWide: data.area_wide,
           text: key === asSector ? key : postcode.text, centre: key,
           attribution: data.attribution, licence: data.licence };
}

function metresTo(cell, [easting, northing]) {
  const [e, n] = cell.split("-").map((unit) => Number(unit) * GRID);
  return Math.hypot(e - easting, n - northing);
}

// Services nearest first: first those that serve the postcode's area (its own and the
// area-wide ones), then the rest; within each, by the nearest venue, and those with no
// venue last, with no distance. Venues are in one filter per area served ("near-gillingham",
// site/search_data.py): the first part needs only the postcode's area's and the whole
// area's, and the others load only when a family asks for more.
// Returns { total, next(count) }: next gives the following results as { result, metres,
// inArea } (metres null: no venue; inArea: serving the postcode's area, listed first).
export async function nearestFirst(pf, filters, located, term = EVERY_SERVICE) {
  const own = filters.area || located.area;
  const firstAreas = [own, located.areaWide];
  // Another area chosen: every result serves it, so there is no second part.
  const otherAreas = filters.area ? [] : located.areaIds.filter((id) => !firstAreas.includes(id));
  const total = (await pf.search(term, { filters })).results.length;
  // The places of one part, nearest first, no venue last. Naming a filter (matching every
  // service) loads it, so its counts come back.
  const places = async (areas, first) => {
    const cells = [];
    await Promise.all(areas.map(async (area) => {
      const name = NEAR + area;
      const found = await pf.search(term, { filters: { ...filters, [name]: { none: ["none"] } } });
      for (const [value, count] of Object.entries(found.filters[name] || {})) {
        if (count) {
          cells.push({ name, value, count, first,
                       metres: value === NO_VENUE ? null : metresTo(value, located.point) });
        }
      }
    }));
    return cells.sort((a, b) => (a.metres ?? Infinity) - (b.metres ?? Infinity));
  };
  const parts = [() => places(firstAreas, true), () => places(otherAreas, false)];
  const queue = [];
  const nextCell = async () => {
    while (!queue.length && parts.length) queue.push(...await parts.shift()());
    return queue.shift() || null;
  };
  const seen = new Set();
  const waiting = []; // found, not yet given
  let done = false;
  const next = async (count) => {
    while (waiting.length < count && !done) {
      // Enough places for the results asked, searched at once.
      const batch = [];
      for (let wanted = count - waiting.length; wanted > 0;) {
        const cell = await nextCell();
        if (!cell) {
          done = true;
          break;
        }
        batch.push(cell);
        wanted -= cell.count;
      }
      const searches = await Promise.all(batch.map((cell) =>
        pf.search(term, { filters: { ...filters, [cell.name]: cell.value } })));
      searches.forEach((found, i) => {
        for (const result of found.results) {
          if (seen.has(result.id)) continue; // nearer, or listed first
          seen.add(result.id);
          waiting.push({ result, metres: batch[i].metres, inArea: batch[i].first });
        }
      });
    }
    return waiting.splice(0, count);
  };
  return { total, next };
}

// The words under results ordered by distance: how distance is measured, and whose data.
export function nearNote(located) {
  const note = document.createElement("p");
  note.className = "lo-near-note";
  // The licence's name is a link, wherever the language puts it in the sentence.
  const [before, after = ""] = _("Used under the %(licence)s.").split("%(licence)s");
  note.append(_("Distances are in a straight line from the middle of %(place)s to each venue.",
    { place: located.centre }) + ` ${located.attribution} ${before}`);
  const link = document.createElement("a");
  link.href = located.licence;
  link.textContent = "Open Government Licence v3.0";
  note.append(link, after);
  return note;
}
