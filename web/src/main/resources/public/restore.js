// A lab is its log. The browser keeps the newest log of each page in sessionStorage; when a page loads with
// a fresh lab but the browser kept a longer log (the server restarted, or forgot the lab), it posts the log
// back and the lab is rebuilt from it. Without JavaScript the forms carry the log with every click instead.
(function () {
  function remember() {
    var lab = document.getElementById("lab");
    if (lab && lab.dataset.log) {
      sessionStorage.setItem("netns-lab:" + location.pathname, lab.dataset.log);
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
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
