// Quick exit: leave for a neutral site and replace this page in the tab's
// history so Back does not return here. Without JavaScript the control is a
// plain link to the same neutral site.
(function () {
  "use strict";
  var link = document.getElementById("quick-exit");
  if (!link) {
    return;
  }
  var target = link.getAttribute("data-quick-exit-url") || link.href;

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    // Blank the page first so nothing lingers on screen while the next page loads.
    document.body.hidden = true;
    document.title = "";
    window.location.replace(target);
  }

  link.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" || event.key === "Esc") {
      leave(event);
    }
  });
})();
