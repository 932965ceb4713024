/* My list: families save services in this browser, then see, print and share them.
 *
 * Nothing is sent anywhere: the list is a list of service ids in localStorage.
 * Every control is made here, so without JavaScript (or without storage) no
 * broken control shows; the My list page explains what it needs. A share link
 * carries the ids after "#", which browsers never send to a server.
 * Buttons go on every element with data-service-id (service pages, lists of
 * services, and search results that carry it, even ones added later).
 */
(function () {
  "use strict";

  const KEY = "localOffer.myList";
  const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  // This file is assets/my-list.js, so the site's root is one folder up.
  const ROOT = new URL("../", document.currentScript ? document.currentScript.src
                                                     : document.baseURI);
  const storage = openStorage();

  // The page's words. A page in another language carries their translations (read by
  // assets/words.js, which this loads then); on one without, the messages as they are.
  let words = {
    _: function (message, values) {
      return message.replace(/%\((\w+)\)s/g, function (whole, name) {
        return values && name in values ? values[name] : whole;
      });
    },
    ngettext: function (one, many, count, values) {
      return words._(count === 1 ? one : many, Object.assign({ count: count }, values));
    },
  };
  function _(message, values) { return words._(message, values); }
  function ngettext(one, many, count, values) { return words.ngettext(one, many, count, values); }
  // The words of the My list page alone, which only that page carries (site/script_words.py).
  const listPage_ = _;
  const listPageNgettext = ngettext;

  // A page of the site in this page's language: a page under /pl/ links to pl/my-list/.
  const here = window.location.href.startsWith(ROOT.href)
    ? window.location.href.slice(ROOT.href.length).split("/")[0] : "";
  const PREFIX = here && here === document.documentElement.lang ? here + "/" : "";
  function pageIn(path) {
    return PREFIX + path;
  }

  function withWords(then) {
    if (!document.getElementById("lo-words")) return then();
    import(new URL("assets/words.js", ROOT).href)
      .then(function (loaded) { words = loaded; }, function () {})
      .then(then);
  }

  function openStorage() {
    try {
      const store = window.localStorage;
      store.setItem(KEY + ".check", "1");
      store.removeItem(KEY + ".check");
      return store;
    } catch (error) {
      return null; // storage turned off, or a private window that refuses it
    }
  }

  // ---- The saved list ----

  function cleanIds(ids) {
    const seen = [];
    ids.forEach(function (id) {
      if (typeof id === "string" && ID.test(id) && seen.indexOf(id) < 0) seen.push(id);
    });
    return seen;
  }

  function savedIds() {
    if (!storage) return [];
    try {
      const ids = JSON.parse(storage.getItem(KEY) || "[]");
      return Array.isArray(ids) ? cleanIds(ids) : [];
    } catch (error) {
      return [];
    }
  }

  function keep(ids) {
    storage.setItem(KEY, JSON.stringify(cleanIds(ids)));
    refresh();
  }

  function isSaved(id) {
    return savedIds().indexOf(id) >= 0;
  }

  function inYourList(count) {
    return ngettext("%(count)s service in your list.", "%(count)s services in your list.", count);
  }

  // ---- Small helpers that build elements from text, never from HTML ----

  function make(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text) element.textContent = text;
    return element;
  }

  function button(text, className, onClick) {
    const control = make("button", "md-button lo-js-control " + (className || ""), text);
    control.type = "button";
    control.addEventListener("click", onClick);
    return control;
  }

  function link(text, href) {
    const anchor = make("a", "", text);
    anchor.href = href;
    return anchor;
  }

  // One polite live region tells screen reader users what changed.
  let live = null;
  function announce(text) {
    if (!live) return;
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 100);
  }

  // ---- "Save to my list" buttons ----

  function serviceName(element) {
    const heading = element.querySelector("h1, h2, h3");
    return element.getAttribute("data-service-name") ||
      (heading ? heading.textContent.trim() : element.getAttribute("data-service-id"));
  }

  function saveButton(id, name) {
    const control = button("", "lo-save", function () {
      const ids = savedIds();
      if (ids.indexOf(id) >= 0) {
        keep(ids.filter(function (other) { return other !== id; }));
        announce(_("%(name)s removed from your list.", { name: name }) + " " + inYourList(ids.length - 1));
      } else {
        keep(ids.concat([id]));
        announce(_("%(name)s saved to your list.", { name: name }) + " " + inYourList(ids.length + 1));
      }
    });
    control.setAttribute("data-save-id", id);
    control.append(make("span", "lo-save__tick", "\u2713 "), _("Save to my list"));
    control.firstChild.setAttribute("aria-hidden", "true");
    // The name starts with the words shown, then says which service (WCAG 2.5.3).
    control.setAttribute("aria-label", _("Save to my list: %(name)s", { name: name }));
    showState(control);
    return control;
  }

  function showState(control) {
    const saved = isSaved(control.getAttribute("data-save-id"));
    control.setAttribute("aria-pressed", saved ? "true" : "false");
    control.classList.toggle("lo-save--saved", saved);
  }

  function addSaveButton(element) {
    const id = element.getAttribute("data-service-id");
    if (!ID.test(id || "") || element.hasAttribute("data-save-ready")) return;
    element.setAttribute("data-save-ready", "");
    const row = make("p", "lo-save-row lo-js-control");
    row.append(saveButton(id, serviceName(element)));
    const title = element.querySelector("h1");
    if (title) {
      // On a service's own page: under its name, alert and summary, with the way to the list.
      row.append(" ", link(_("See my list"), new URL(pageIn("my-list/"), ROOT).href));
      (element.querySelector(".lo-summary") || title).after(row);
    } else {
      element.append(row);
    }
  }

  function addSaveButtons(root) {
    if (root.matches && root.matches("[data-service-id]")) addSaveButton(root);
    if (root.querySelectorAll) root.querySelectorAll("[data-service-id]").forEach(addSaveButton);
  }

  function refresh() {
    document.querySelectorAll("[data-save-id]").forEach(showState);
    // A shared list stays as it is: only its buttons change.
    if (myList && !sharedIds()) myList.draw();
  }

  // ---- The My list page ----

  let myList = null;

  function sharedIds() {
    const match = /(?:^#|&)ids=([^&]*)/.exec(window.location.hash);
    return match ? cleanIds(decodeURIComponent(match[1]).split(",")) : null;
  }

  function shareLink(ids) {
    return new URL(pageIn("my-list/") + "#ids=" + ids.join(","), ROOT).href;
  }

  function contactList(service) {
    const list = make("ul", "lo-contact");
    if (service.phone) {
      const item = make("li", "", listPage_("Phone:") + " ");
      item.append(link(service.phone, "tel:" + service.phone.replace(/\s+/g, "")));
      list.append(item);
    }
    if (service.email) {
      const item = make("li", "", listPage_("Email:") + " ");
      item.append(link(service.email, "mailto:" + service.email));
      list.append(item);
    }
    if (/^https?:\/\//.test(service.website || "")) {
      const item = make("li");
      item.append(link(listPage_("%(name)s website", { name: service.name }), service.website));
      list.append(item);
    }
    return list;
  }

  function serviceItem(service, control) {
    const item = make("li", "lo-service-item");
    const name = make("h2", "lo-service-item__name");
    name.append(link(service.name, new URL(pageIn(service.url), ROOT).href));
    item.append(name);
    if (service.alert) item.append(make("p", "lo-item-alert", service.alert));
    item.append(make("p", "", service.summary), contactList(service));
    const row = make("p", "lo-save-row lo-js-control");
    row.append(control);
    item.append(row);
    return item;
  }

  function removeButton(service) {
    const control = button(listPage_("Remove from my list"), "lo-remove", function () {
      const ids = savedIds().filter(function (id) { return id !== service.id; });
      keep(ids);
      announce(listPage_("%(name)s removed from your list.", { name: service.name }) + " " +
               inYourList(ids.length));
    });
    control.setAttribute("aria-label", listPage_("Remove from my list: %(name)s", { name: service.name }));
    return control;
  }

  function shareSection(ids) {
    const section = make("div", "lo-share lo-js-control");
    const heading = make("h2", "", listPage_("Share your list"));
    heading.id = "share-your-list";
    const hint = make("p", "", listPage_("Send this link to someone, or open it on another device, " +
                      "to see the same services. It holds only which services are in the list."));
    const label = make("label", "", listPage_("Link to your list"));
    label.htmlFor = "lo-share-link";
    const field = make("input", "lo-share__link");
    field.id = "lo-share-link";
    field.type = "text";
    field.readOnly = true;
    field.value = shareLink(ids);
    const copy = button(listPage_("Copy the link"), "", function () {
      field.select();
      const done = function () { announce(listPage_("The link to your list is copied.")); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () {
          announce(listPage_("Select the link and copy it."));
        });
      } else {
        document.execCommand("copy");
        done();
      }
    });
    section.append(heading, hint, label, field, copy);
    return section;
  }

  function MyListPage(container, services) {
    const view = make("div", "lo-my-list__view");
    container.append(view);

    function drawShared(ids) {
      const found = ids.filter(function (id) { return services[id]; });
      if (!found.length) {
        view.append(make("p", "lo-summary", listPage_("None of the services in this shared list are " +
                         "listed in the Local Offer any more.")));
        return;
      }
      view.append(make("p", "lo-summary", listPageNgettext("Someone shared %(count)s service with you. " +
        "Save them to keep them in your list on this device.", "Someone shared %(count)s services " +
        "with you. Save them to keep them in your list on this device.", found.length)));
      if (found.length < ids.length) {
        view.append(make("p", "lo-item-alert", listPageNgettext("%(count)s service in the link is no " +
          "longer listed in the Local Offer.", "%(count)s services in the link are no longer " +
          "listed in the Local Offer.", ids.length - found.length)));
      }
      if (storage) {
        view.append(button(listPage_("Save all to my list"), "md-button--primary", function () {
          keep(savedIds().concat(found));
          announce(listPageNgettext("%(count)s service saved to your list.",
                            "%(count)s services saved to your list.", found.length));
        }));
      }
      drawItems(found, function (service) {
        return storage ? saveButton(service.id, service.name) : make("span");
      });
      const own = make("p");
      own.append(link(listPage_("See your own list"), new URL(pageIn("my-list/"), ROOT).href));
      view.append(own);
    }

    function drawSaved() {
      const ids = savedIds();
      const gone = ids.filter(function (id) { return !services[id]; });
      const listed = ids.filter(function (id) { return services[id]; });
      if (!ids.length) {
        const empty = make("p", "", listPage_("Your list is empty. Use the \u201cSave to my list\u201d " +
                           "button on a service's page, or in a list of services, to add it.") + " ");
        empty.append(link(listPage_("Browse services"), new URL(pageIn("browse/"), ROOT).href));
        view.append(empty);
        return;
      }
      const count = make("p", "lo-my-list__count", inYourList(listed.length));
      count.tabIndex = -1;
      view.append(count);
      if (gone.length) {
        const note = make("p", "lo-item-alert", listPageNgettext("%(count)s service you saved is no " +
          "longer listed in the Local Offer.", "%(count)s services you saved are no longer " +
          "listed in the Local Offer.", gone.length) + " ");
        note.append(button(listPageNgettext("Take it off my list", "Take them off my list", gone.length), "",
          function () {
            keep(savedIds().filter(function (id) { return services[id]; }));
            announce(listPage_("Services no longer listed are taken off your list."));
          }));
        view.append(note);
      }
      const actions = make("p", "lo-js-control");
      actions.append(button(listPage_("Print my list"), "", function () { window.print(); }));
      view.append(actions);
      drawItems(listed, removeButton);
      view.append(shareSection(listed));
    }

    function drawItems(ids, controlFor) {
      const list = make("ul", "lo-service-list lo-my-list__items");
      ids.forEach(function (id) {
        list.append(serviceItem(services[id], controlFor(services[id])));
      });
      view.append(list);
    }

    this.draw = function () {
      const focused = document.activeElement && view.contains(document.activeElement);
      view.replaceChildren();
      const shared = sharedIds();
      if (shared) drawShared(shared); else drawSaved();
      // A redraw must not drop keyboard focus into the void: it goes to the count.
      if (focused) (view.querySelector(".lo-my-list__count") || container).focus();
    };
  }

  function startMyList(container) {
    container.tabIndex = -1;
    const noScript = container.querySelector(".lo-my-list__no-js");
    if (!storage && noScript) {
      noScript.textContent = listPage_("This browser is not letting the Local Offer keep a list on " +
        "this device. This can happen in a private window. You can still open a shared list, " +
        "and bookmark or print any service's page.");
    } else if (noScript) {
      noScript.remove();
    }
    const loading = make("p", "", listPage_("Loading your list\u2026"));
    container.append(loading);
    fetch(new URL(container.getAttribute("data-index"), window.location.href))
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        const services = {};
        data.services.forEach(function (service) { services[service.id] = service; });
        loading.remove();
        myList = new MyListPage(container, services);
        myList.draw();
        window.addEventListener("hashchange", myList.draw);
      })
      .catch(function () {
        loading.textContent = listPage_("Your list could not be loaded. Check your connection, " +
          "then reload this page.");
      });
  }

  // ---- Start ----

  function start() {
    const container = document.querySelector("[data-my-list]");
    if (storage || container) {
      live = make("div", "lo-visually-hidden");
      live.setAttribute("role", "status");
      live.setAttribute("aria-live", "polite");
      document.body.append(live);
    }
    if (container) startMyList(container);
    if (!storage) return;
    addSaveButtons(document.body);
    // Search results appear after the page loads: give them buttons as they come.
    new MutationObserver(function (changes) {
      changes.forEach(function (change) { change.addedNodes.forEach(addSaveButtons); });
    }).observe(document.body, { childList: true, subtree: true });
    // A list changed in another tab shows here too.
    window.addEventListener("storage", function (event) {
      if (event.key === KEY) refresh();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { withWords(start); });
  } else {
    withWords(start);
  }
})();
