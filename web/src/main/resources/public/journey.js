// The journey player beside the picture: a ping's first probe, hop by hop. The hops are the page's ordered
// list (what a screen reader reads); the player shows one of them in a live panel, highlights its place on the
// picture (the element with its data-port, else its bridge, else its namespace), and marks where the packet
// died once the player gets there. Play steps once a second; Pause, Previous hop and Next hop do what they say.
(function () {
  var timer = null;
  var at = 0;

  function player() {
    return document.querySelector("[data-journey]");
  }

  function hops(p) {
    return p.querySelectorAll(".journey-hops > li");
  }

  function placeOf(hop) {
    var svg = document.querySelector("svg.topology");
    if (!svg) {
      return null;
    }
    var port = hop.getAttribute("data-hop-port");
    var ns = hop.getAttribute("data-hop-namespace");
    var dev = hop.getAttribute("data-hop-device");
    var found = port ? svg.querySelector('[data-port="' + CSS.escape(port) + '"]') : null;
    if (!found && dev) {
      found = svg.querySelector('[data-bridge="' + CSS.escape(dev) + '"][data-namespace-of="' + CSS.escape(ns) + '"]');
    }
    return found || svg.querySelector('[data-namespace="' + CSS.escape(ns) + '"]');
  }

  function clearMarks(cls) {
    var marked = document.querySelectorAll("svg.topology ." + cls);
    for (var i = 0; i < marked.length; i++) {
      marked[i].classList.remove(cls);
    }
  }

  function show(i) {
    var p = player();
    if (!p) {
      return;
    }
    var all = hops(p);
    if (all.length === 0) {
      return;
    }
    at = Math.max(0, Math.min(i, all.length - 1));
    clearMarks("journey-here");
    clearMarks("journey-dropped");
    for (var k = 0; k < all.length; k++) {
      all[k].classList.toggle("current", k === at);
      if (k <= at && all[k].hasAttribute("data-dropped")) {
        var dead = placeOf(all[k]);
        if (dead) {
          dead.classList.add("journey-dropped");
        }
      }
    }
    var place = placeOf(all[at]);
    if (place) {
      place.classList.add("journey-here");
    }
    var now = p.querySelector(".journey-now");
    now.innerHTML = "";
    var parts = all[at].children;
    for (var j = 0; j < parts.length; j++) {
      now.appendChild(parts[j].cloneNode(true));
    }
  }

  function pause() {
    if (timer) {
      clearInterval(timer);
      timer = null;
    }
  }

  function play() {
    pause();
    var p = player();
    if (!p) {
      return;
    }
    if (at >= hops(p).length - 1) {
      show(0);
    }
    timer = setInterval(function () {
      var q = player();
      if (!q || at >= hops(q).length - 1) {
        pause();
        return;
      }
      show(at + 1);
    }, 1000);
  }

  // a new lab (htmx swaps it whole) brings a new player, from its first hop; the matrix loaded later does not
  function start() {
    var p = player();
    if (p && !p.hasAttribute("data-ready")) {
      pause();
      p.setAttribute("data-ready", "");
      show(0);
    }
  }

  document.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest("[data-journey-do]") : null;
    if (!b) {
      return;
    }
    var what = b.getAttribute("data-journey-do");
    if (what === "play") {
      play();
    } else if (what === "pause") {
      pause();
    } else if (what === "previous") {
      pause();
      show(at - 1);
    } else if (what === "next") {
      pause();
      show(at + 1);
    }
  });
  document.addEventListener("DOMContentLoaded", start);
  document.addEventListener("htmx:afterSettle", start);
  if (document.readyState !== "loading") {
    start();
  }
})();
