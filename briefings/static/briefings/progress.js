// Live progress of briefing packs on the admin's "Briefing packs" page:
// polls each pack being built and updates its bar; reloads the page once
// all are finished (to show the download link). Without JavaScript the
// page refreshes itself every few seconds (a <noscript> meta refresh).
(function () {
  "use strict";
  var boxes = document.querySelectorAll("[data-progress-url]");
  if (!boxes.length) { return; }
  var pending = boxes.length;

  function poll(box) {
    var url = box.getAttribute("data-progress-url");
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        box.querySelector("progress").value = data.progress;
        box.querySelector("progress").textContent = data.progress + "%";
        box.querySelector(".pack-progress__percent").textContent = data.progress + "%";
        box.querySelector(".pack-progress__status").textContent = data.status_label;
        box.querySelector(".pack-progress__step").textContent = data.step;
        var error = box.querySelector(".pack-progress__error");
        error.textContent = data.error;
        error.hidden = !data.error;
        if (data.status === "done" || data.status === "failed") {
          box.setAttribute("data-status", data.status);
          pending -= 1;
          if (pending === 0) { window.location.reload(); }
          return;
        }
        window.setTimeout(function () { poll(box); }, 1000);
      })
      .catch(function () { window.setTimeout(function () { poll(box); }, 3000); });
  }

  boxes.forEach(poll);
}());
