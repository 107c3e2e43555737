// A form sent back with errors: move focus to its summary, so a screen reader reads what
// to fix and a keyboard user starts from there (each item links to its field).
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
})();
