// Redline console: keyboard shortcuts, wellness settings. No inline script; CSP allows 'self' only.
(function () {
  "use strict";
  var body = document.body;
  var store = window.localStorage;

  function setting(id, cls, fallback) {
    var box = document.getElementById(id);
    var saved = store ? store.getItem("redline." + id) : null;
    var on = saved === null ? fallback : saved === "1";
    body.classList.toggle(cls, on);
    if (box) {
      box.checked = on;
      box.addEventListener("change", function () {
        body.classList.toggle(cls, box.checked);
        if (store) { store.setItem("redline." + id, box.checked ? "1" : "0"); }
      });
    }
  }
  setting("grayscale", "grayscale", false);
  setting("blur-media", "blur-media", true);

  // Blurred evidence is shown on click, or Enter/space when focused.
  document.querySelectorAll(".media-blur").forEach(function (el) {
    if (!el.hasAttribute("tabindex")) { el.setAttribute("tabindex", "0"); }
    el.setAttribute("aria-label", "Evidence, blurred: press Enter to show");
    function show() { el.classList.add("unblurred"); el.removeAttribute("aria-label"); }
    el.addEventListener("click", show);
    el.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { show(); e.preventDefault(); }
    });
  });

  var help = document.getElementById("help");
  var helpButton = document.getElementById("help-open");
  function openHelp() { if (help && !help.open) { help.showModal(); } }
  if (helpButton) { helpButton.addEventListener("click", openHelp); }

  function typing(target) {
    var tag = target && target.tagName;
    if (tag === "INPUT") {  // radio buttons and checkboxes take no text: shortcuts still work
      return target.type !== "radio" && target.type !== "checkbox";
    }
    return tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  var pendingG = false;
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey && e.key === "Enter" && e.target && e.target.form) {
      e.preventDefault();
      e.target.form.requestSubmit();
      return;
    }
    if (e.key === "Escape" && typing(e.target)) { e.target.blur(); return; }
    if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (e.key === "?") { openHelp(); e.preventDefault(); return; }
    if (pendingG) {
      pendingG = false;
      if (e.key === "q") { window.location.assign("/console/queues"); }
      if (e.key === "a") { window.location.assign("/console/appeals"); }
      return;
    }
    if (e.key === "g") { pendingG = true; return; }
    if (e.key === "s") {
      var start = document.getElementById("start-reviewing");
      if (start) { start.click(); e.preventDefault(); }
      return;
    }
    var choice = document.querySelector('input[name="outcome"][data-key="' + e.key + '"]');
    if (choice) {
      choice.checked = true;
      choice.focus();
      e.preventDefault();
      return;
    }
    if (e.key === "r") {
      var reason = document.getElementById("reason") || document.getElementById("appeal-reason");
      if (reason) { reason.focus(); e.preventDefault(); }
    }
  });
})();
