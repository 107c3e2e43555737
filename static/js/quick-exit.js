// Quick exit: leave for a neutral site and replace this page in the tab's
// history so Back does not return here. Without JavaScript the control is a
// plain link to the same neutral site (in a partner's frame, with target="_top").
//
// The key is Esc pressed twice within a second: one Esc is what people press to
// close a menu or a suggestion list while typing, and must not throw away a
// letter half written.
(function () {
  "use strict";
  var link = document.getElementById("quick-exit");
  if (!link) {
    return;
  }
  var target = link.getAttribute("data-quick-exit-url") || link.href;
  var endSession = link.getAttribute("data-quick-exit-end");

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    // Blank the page first so nothing lingers on screen while the next page loads.
    document.body.hidden = true;
    // End the visit's session on the server too; the beacon outlives the page.
    if (endSession && navigator.sendBeacon) {
      navigator.sendBeacon(endSession);
    }
    document.title = "";
    leaveWindow(target);
  }

  // In a partner's frame, leave the partner's page too, not just the frame: whoever looks
  // at the screen sees the page around the frame. A frame may navigate the page holding it
  // once the visitor has used the frame (typed or clicked in it); if the page forbids it (a
  // sandboxed frame) the browser throws, and if the visitor has not used the frame yet the
  // browser refuses without a word. Either way, the frame itself leaves.
  function leaveWindow(url) {
    if (window.top !== window.self) {
      try {
        window.top.location.replace(url);
        window.setTimeout(function () {
          window.location.replace(url);
        }, 300);
        return;
      } catch (error) {
        // fall through: leave the frame
      }
    }
    window.location.replace(url);
  }

  var PANIC_WINDOW_MS = 1000;
  var lastEscape = 0;

  link.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") {
      lastEscape = 0;
      return;
    }
    if (event.repeat) {
      return; // a key held down is one press
    }
    var now = Date.now();
    if (now - lastEscape <= PANIC_WINDOW_MS) {
      leave(event);
    }
    lastEscape = now;
  });
})();
