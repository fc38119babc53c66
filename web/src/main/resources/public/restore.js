// A lab is its log. The browser keeps the newest log of each page in sessionStorage; when a page loads with
// a fresh lab but the browser kept a longer log (the server restarted, or forgot the lab), it posts the log
// back and the lab is rebuilt from it. Without JavaScript the forms carry the log with every click instead.
// A lesson done yourself keeps its progress beside its log, for the lesson list to show when the server
// has forgotten it.
(function () {
  function remember() {
    var lab = document.getElementById("lab");
    if (lab && lab.dataset.log) {
      sessionStorage.setItem("netns-lab:" + location.pathname, lab.dataset.log);
      if (lab.dataset.progress) {
        sessionStorage.setItem("netns-lab-progress:" + location.pathname, lab.dataset.progress);
      }
    }
  }
  function showProgress() {
    document.querySelectorAll("[data-progress-of]").forEach(function (p) {
      var kept = sessionStorage.getItem("netns-lab-progress:" + p.dataset.progressOf);
      if (!p.textContent.trim() && kept) {
        p.textContent = kept;
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    showProgress();
    var lab = document.getElementById("lab");
    if (!lab) {
      return;
    }
    var kept = sessionStorage.getItem("netns-lab:" + location.pathname);
    var fresh = !lab.dataset.log;
    if (fresh && kept && window.htmx) {
      htmx.ajax("POST", lab.dataset.restore, {target: "#lab", swap: "outerHTML", values: {log: kept}});
    } else {
      remember();
    }
  });
  document.addEventListener("htmx:afterSwap", remember);
})();
