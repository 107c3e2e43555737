// The campaign builder, enhanced: merge fields inserted where the cursor is, and the
// letter's recipients and preview redrawn as the organizer types (the page works without
// this: saving shows the same panel). Talks only to this site.
(function () {
  "use strict";
  var form = document.querySelector("[data-builder]");
  if (!form) {
    return;
  }
  var panel = document.getElementById("letter-panel");
  var lastField = null;
  var timer = null;
  var sent = 0;

  // Ticking "offer this action" opens its settings.
  Array.prototype.forEach.call(form.querySelectorAll("input[name$='-offered']"), function (box) {
    box.addEventListener("change", function () {
      var details = box.closest("fieldset").querySelector(".builder-details");
      if (details && box.checked) {
        details.open = true;
      }
    });
  });

  form.addEventListener("focusin", function (event) {
    if (event.target.hasAttribute && event.target.hasAttribute("data-merge-fields")) {
      lastField = event.target;
    }
  });

  Array.prototype.forEach.call(form.querySelectorAll("[data-insert-field]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var field = lastField || form.querySelector("textarea[data-merge-fields]");
      if (!field) {
        return;
      }
      var text = "{{ " + button.getAttribute("data-insert-field") + " }}";
      var start = field.selectionStart || 0;
      var end = field.selectionEnd || start;
      field.value = field.value.slice(0, start) + text + field.value.slice(end);
      field.focus();
      field.selectionStart = field.selectionEnd = start + text.length;
      schedule();
    });
  });

  function letterData() {
    var data = new FormData(form);
    var language = form.querySelector("[name=language]");
    var fields = new FormData();
    data.forEach(function (value, name) {
      if (name.indexOf("letter-") === 0 || name === "member" || name === "csrfmiddlewaretoken") {
        if (typeof value === "string") {
          fields.append(name, value);
        }
      }
    });
    fields.append("language", language ? language.value : "");
    return fields;
  }

  function refresh() {
    if (!panel) {
      return;
    }
    var mine = ++sent;
    fetch(form.getAttribute("data-preview-url"), {
      method: "POST",
      body: letterData(),
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html !== null && mine === sent) {
          panel.innerHTML = html;
        }
      })
      .catch(function () {});
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 400);
  }

  form.addEventListener("input", function (event) {
    var name = event.target.name || "";
    if (name.indexOf("letter-") === 0) {
      schedule();
    }
  });
  form.addEventListener("change", function (event) {
    var name = event.target.name || "";
    if (name.indexOf("letter-") === 0 || name === "member" || name === "language") {
      schedule();
    }
  });
})();
