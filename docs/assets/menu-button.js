// The menu button on narrow screens and when zoomed in. Material draws it as a <label>
// for a hidden checkbox, which a keyboard cannot reach or press: make it a real button.
// Without JavaScript the closed menu stays out of the Tab order (see local-offer.css)
// and every page is still reached through the links on the pages themselves.
(function () {
  var drawer = document.getElementById("__drawer");
  var button = document.querySelector('.md-header label.md-header__button[for="__drawer"]');
  if (!drawer || !button) return;
  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-label", "Menu");
  // In the page's language, on a page that carries its words (assets/words.js).
  if (document.getElementById("lo-words") && document.currentScript) {
    import(new URL("words.js", document.currentScript.src).href).then(function (words) {
      button.setAttribute("aria-label", words._("Menu"));
    }, function () {});
  }
  button.setAttribute("aria-controls", "__drawer");
  // While the menu is open it covers the page: what lies under it leaves the Tab order,
  // so focus never lands on something hidden behind the menu.
  var covered = document.querySelectorAll(".lo-search, .md-content, .md-footer");
  function show() {
    button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
    // On a wide screen the menu is a sidebar beside the page, not over it.
    var over = drawer.checked && button.getClientRects().length > 0;
    covered.forEach(function (element) { element.inert = over; });
  }
  function toggle(open) {
    if (drawer.checked !== open) drawer.click();
    show();
  }
  button.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") {
      // Material also clicks a focused label on Enter; stop it so the menu toggles once.
      event.preventDefault();
      event.stopPropagation();
      toggle(!drawer.checked);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked) {
      toggle(false);
      button.focus();
    }
  });
  drawer.addEventListener("change", show);
  window.addEventListener("resize", show);
  show();
})();
