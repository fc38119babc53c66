// The terminal pane: a line terminal, as the lab's commands are lines. ArrowUp and ArrowDown walk the lab's
// history (the commands of its log, which the page carries as data-history), Tab asks the server for the
// candidates of the word at the cursor (the lab's grammar and state), Ctrl-C stops what holds the terminal
// (or, with text selected, copies it), Ctrl-L and `clear` clear the screen, which scrolls inside the pane
// while the prompt stays below it. Without JavaScript it is a form that runs one command at a time.
(function () {
  "use strict";

  function termOf(el) {
    return el && el.closest ? el.closest(".term[data-terminal]") : null;
  }

  function screenOf(term) {
    return term.querySelector(".screen");
  }

  function clearedKey(term) {
    return "netns-lab-cleared:" + location.pathname + ":" + term.dataset.terminal;
  }

  // the terminal to give the keyboard back to once the page comes back: the one typed in, or a new one
  var focusAfterSwap = null;

  // what was cleared stays cleared when the page comes back from the server: entries before the mark hide
  function applyCleared(term) {
    var typed = parseInt(term.dataset.typed || "0", 10);
    var mark = parseInt(sessionStorage.getItem(clearedKey(term)) || "0", 10);
    if (mark > typed) {
      // a fresh lab (Reset): nothing of it was cleared
      sessionStorage.removeItem(clearedKey(term));
      mark = 0;
    }
    term.querySelectorAll(".entry[data-seq]").forEach(function (e) {
      e.classList.toggle("cleared", parseInt(e.dataset.seq, 10) < mark);
    });
  }

  function clearScreen(term) {
    sessionStorage.setItem(clearedKey(term), term.dataset.typed || "0");
    screenOf(term).querySelectorAll(".local").forEach(function (e) { e.remove(); });
    applyCleared(term);
  }

  function scrollToEnd(term) {
    var screen = screenOf(term);
    screen.scrollTop = screen.scrollHeight;
  }

  // a line that only this page shows (^C at the prompt, Tab's candidates), as a terminal shows it
  function show(term, cls, text) {
    var div = document.createElement("div");
    div.className = "local " + cls;
    div.textContent = text;
    screenOf(term).appendChild(div);
    scrollToEnd(term);
  }

  // the history walk of core's History: ArrowUp keeps the line being typed, ArrowDown gives it back
  var walks = new WeakMap();
  function walk(term) {
    var w = walks.get(term);
    if (!w) {
      var lines = [];
      try {
        lines = JSON.parse(term.dataset.history || "[]");
      } catch (e) {
        lines = [];
      }
      w = {lines: lines, position: lines.length, draft: ""};
      walks.set(term, w);
    }
    return w;
  }

  function previous(term, current) {
    var w = walk(term);
    if (w.position === w.lines.length) {
      w.draft = current;
    }
    if (w.position === 0) {
      return current;
    }
    w.position--;
    return w.lines[w.position];
  }

  function next(term, current) {
    var w = walk(term);
    if (w.position >= w.lines.length) {
      return current;
    }
    w.position++;
    return w.position === w.lines.length ? w.draft : w.lines[w.position];
  }

  function setLine(input, text) {
    input.value = text;
    input.setSelectionRange(text.length, text.length);
  }

  function commonPrefix(words) {
    var p = words[0] || "";
    words.forEach(function (w) {
      var i = 0;
      while (i < p.length && i < w.length && p[i] === w[i]) {
        i++;
      }
      p = p.substring(0, i);
    });
    return p;
  }

  function complete(term, input) {
    var form = input.form;
    var line = input.value;
    var cursor = input.selectionStart;
    var body = new URLSearchParams();
    body.set("line", line);
    body.set("cursor", String(cursor));
    body.set("terminal", term.dataset.terminal);
    body.set("log", form.elements.log ? form.elements.log.value : "");
    fetch(term.dataset.complete, {method: "POST", body: body, credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.json() : {start: cursor, words: []}; })
      .then(function (found) {
        if (input.value !== line || !found.words.length) {
          return;
        }
        var typed = line.substring(found.start, cursor);
        var put = found.words.length === 1 ? found.words[0] + " " : commonPrefix(found.words);
        if (put.length > typed.length) {
          var text = line.substring(0, found.start) + put + line.substring(cursor);
          input.value = text;
          var at = found.start + put.length;
          input.setSelectionRange(at, at);
        } else if (found.words.length > 1) {
          // bash lists them when Tab cannot add a letter
          var prompt = form.querySelector(".prompt").textContent;
          show(term, "candidates", prompt + line + "\n" + found.words.join("  "));
        }
      })
      .catch(function () {});
  }

  function interrupt(term, input) {
    var form = input.form;
    var prompt = form.querySelector(".prompt").textContent;
    show(term, "cmd", prompt + input.value + "^C");
    setLine(input, "");
    walks.delete(term);
    if (term.dataset.holding === "true" && window.htmx) {
      focusAfterSwap = term.dataset.terminal;
      htmx.ajax("POST", form.getAttribute("action"), {target: "#lab", swap: "outerHTML",
        values: {log: form.elements.log.value, signal: "INT", command: "", terminal: term.dataset.terminal}});
    }
  }

  function selected(input) {
    var inInput = input.selectionStart !== input.selectionEnd;
    var onPage = window.getSelection && String(window.getSelection()).length > 0;
    return inInput || onPage;
  }

  document.addEventListener("keydown", function (ev) {
    var input = ev.target;
    if (!input || input.name !== "command") {
      return;
    }
    var term = termOf(input);
    if (!term) {
      return;
    }
    if (ev.key === "Enter") {
      focusAfterSwap = term.dataset.terminal;
    }
    if (ev.key === "ArrowUp" && !ev.altKey && !ev.ctrlKey) {
      ev.preventDefault();
      setLine(input, previous(term, input.value));
    } else if (ev.key === "ArrowDown" && !ev.altKey && !ev.ctrlKey) {
      ev.preventDefault();
      setLine(input, next(term, input.value));
    } else if (ev.key === "Tab" && !ev.shiftKey && !ev.ctrlKey && !ev.altKey && input.value.trim() !== "") {
      // an empty line lets Tab leave the terminal, so the keyboard alone still moves on
      ev.preventDefault();
      complete(term, input);
    } else if (ev.ctrlKey && !ev.altKey && !ev.metaKey && (ev.key === "c" || ev.key === "C")) {
      if (!selected(input)) {
        ev.preventDefault();
        interrupt(term, input);
      }
    } else if (ev.ctrlKey && !ev.altKey && (ev.key === "l" || ev.key === "L")) {
      ev.preventDefault();
      clearScreen(term);
    } else if (ev.key === "Enter" && input.value.trim() === "clear") {
      ev.preventDefault();
      setLine(input, "");
      clearScreen(term);
    }
  });

  function settle() {
    document.querySelectorAll(".term[data-terminal]").forEach(function (term) {
      applyCleared(term);
      scrollToEnd(term);
    });
  }

  document.addEventListener("DOMContentLoaded", settle);
  document.addEventListener("submit", function (ev) {
    if (ev.target && ev.target.classList && ev.target.classList.contains("new-terminal")) {
      focusAfterSwap = "newest";
    }
  }, true);

  document.addEventListener("htmx:afterSettle", function () {
    settle();
    var terms = document.querySelectorAll(".term[data-terminal]");
    var term = null;
    if (focusAfterSwap === "newest") {
      term = terms[terms.length - 1];
    } else if (focusAfterSwap) {
      term = document.querySelector(".term[data-terminal='" + focusAfterSwap + "']");
    }
    focusAfterSwap = null;
    // a swap that no terminal asked for (the matrix that loads after the page) leaves the keyboard where it is
    var input = term ? term.querySelector("input[name='command']") : null;
    if (input) {
      input.focus({preventScroll: true});
      input.scrollIntoView({block: "nearest"});
    }
  });
})();
