// What the page does around htmx's requests: while one runs (a kernel step can take seconds), a status line
// says so, for eyes and for screen readers (aria-live), and the lab is marked busy; when the new lab is in,
// the keyboard's focus goes back to the button that was pressed, so that the next Enter presses it again
// rather than running an empty command in the console.
(function () {
  var pressed = null;
  function status(text) {
    var s = document.getElementById("lab-status");
    if (s) {
      s.textContent = text;
    }
  }
  document.addEventListener("htmx:beforeRequest", function (e) {
    var lab = document.getElementById("lab");
    if (lab && e.detail.target === lab) {
      // only a request that replaces the lab moves the focus; the matrix measured after the page does not
      var active = document.activeElement;
      // a form marked data-focus-elsewhere gives the keyboard to what it opens (New terminal: the terminal)
      pressed = active && active.tagName === "BUTTON" && lab.contains(active) && !active.closest("[data-focus-elsewhere]")
        ? { text: active.textContent.trim(), action: active.form ? active.form.getAttribute("action") : null }
        : null;
      lab.setAttribute("aria-busy", "true");
      status("Running\u2026");
    }
  });
  document.addEventListener("htmx:afterRequest", function (e) {
    var lab = document.getElementById("lab");
    if (lab) {
      lab.removeAttribute("aria-busy");
    }
    status(e.detail.successful ? "" : "The request failed: try again, or reload the page.");
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (!pressed) {
      return;
    }
    var want = pressed;
    pressed = null;
    var buttons = document.querySelectorAll("#lab button");
    for (var i = 0; i < buttons.length; i++) {
      var b = buttons[i];
      if (b.textContent.trim() === want.text && (!b.form || b.form.getAttribute("action") === want.action)) {
        if (b.disabled) {
          // the last step: Next step is off; the step's status takes the focus instead
          var progress = document.querySelector("#lab .progress");
          if (progress) {
            progress.setAttribute("tabindex", "-1");
            progress.focus();
          }
        } else {
          b.focus();
        }
        return;
      }
    }
  });
})();
