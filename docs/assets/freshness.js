/* Shows the "may be out of date" warning once the reader's own date is past the entry's
   review date (data-lo-review-due, YYYY-MM-DD), because a site built in May may still be
   online in December. Without JavaScript, the state decided when the site was built shows. */
(function () {
  "use strict";

  function two(number) {
    return (number < 10 ? "0" : "") + number;
  }

  // Today in the reader's own time zone, written like the due dates so strings compare.
  function today() {
    var now = new Date();
    return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
  }

  function showOverdueNotices() {
    var day = today();
    var notices = document.querySelectorAll("[data-lo-review-due]");
    for (var i = 0; i < notices.length; i++) {
      if (day > notices[i].getAttribute("data-lo-review-due")) {
        notices[i].hidden = false;
      }
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(showOverdueNotices);  // Material's instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", showOverdueNotices);
  } else {
    showOverdueNotices();
  }
})();
