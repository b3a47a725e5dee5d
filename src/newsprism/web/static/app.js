// newsprism: click an entity (in the text or the list) to mark every mention of it.
// Loaded from /static so the Content-Security-Policy can forbid inline scripts.
"use strict";
(function () {
  var CLS = "hl";

  function select(ref) {
    var body = document.body;
    var again = body.dataset.selected === ref;
    document.querySelectorAll("." + CLS).forEach(function (el) { el.classList.remove(CLS); });
    var n = 0;
    if (!again && ref) {
      var sel = '.ent[data-ref="' + CSS.escape(ref) + '"], .entity-pick[data-ref="' + CSS.escape(ref) + '"]';
      document.querySelectorAll(sel).forEach(function (el) {
        el.classList.add(CLS);
        if (el.classList.contains("ent")) { n += 1; }
      });
    }
    body.dataset.selected = again ? "" : ref;
    body.dataset.highlighted = String(n);
    var url = new URL(window.location.href);
    if (again || !ref) { url.searchParams.delete("entity"); } else { url.searchParams.set("entity", ref); }
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
    if (!again && n > 0) {
      var first = document.querySelector(".ent." + CLS);
      if (first && first.scrollIntoView) { first.scrollIntoView({block: "center"}); }
    }
  }

  document.addEventListener("click", function (ev) {
    var el = ev.target instanceof Element ? ev.target.closest(".ent[data-ref], .entity-pick[data-ref]") : null;
    if (!el || !document.body.classList.contains("story-page")) { return; }
    ev.preventDefault();
    select(el.getAttribute("data-ref"));
  });

  document.addEventListener("DOMContentLoaded", function () {
    // The server already marked ?entity=...; count its marks so both paths report the same way.
    document.body.dataset.highlighted = String(document.querySelectorAll(".ent." + CLS).length);
    document.body.dataset.ready = "1";
  });
})();
