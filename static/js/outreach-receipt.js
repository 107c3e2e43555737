// Letter receipt: live per-office status and "copy the letter" buttons.
// The page works without this file (reload to refresh, select to copy).
(function () {
  "use strict";
  var receipt = document.getElementById("receipt");
  if (!receipt) { return; }

  document.querySelectorAll(".outreach-copy").forEach(function (button) {
    var target = document.getElementById(button.getAttribute("data-copy-target"));
    if (!target || !navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(target.value).then(function () {
        button.textContent = button.getAttribute("data-copied") || "✓";
      });
    });
  });

  var FINAL = ["sent", "failed", "needs_manual", "self_reported"];
  var YOURS_TO_SEND = ["failed", "needs_manual"];
  var url = receipt.getAttribute("data-status-url");
  var rounds = 0;

  function refresh() {
    rounds += 1;
    fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        var pending = false;
        var needsPage = false;
        data.deliveries.forEach(function (delivery) {
          var label = receipt.querySelector('[data-office="' + delivery.office + '"]');
          if (label && label.className.indexOf("--" + delivery.status) === -1) {
            label.textContent = delivery.label;
            label.className = "outreach-status outreach-status--" + delivery.status;
            if (YOURS_TO_SEND.indexOf(delivery.status) !== -1) {
              needsPage = true; // instructions for sending it yourself live in the page
            }
          }
          if (FINAL.indexOf(delivery.status) === -1) { pending = true; }
        });
        if (needsPage) { window.location.reload(); return; }
        var note = document.getElementById("receipt-refresh");
        if (!pending && note) { note.hidden = true; }
        if (pending && rounds < 60) { window.setTimeout(refresh, 5000); }
      })
      .catch(function () { /* offline: the page still shows the last known status */ });
  }

  if (receipt.getAttribute("data-pending") === "1") { window.setTimeout(refresh, 2000); }
})();
