/* mkdocs-podcast-digest: sort a taxonomy index by name or by post count. The list works
   without this script (it is served sorted by count); with it, two buttons reorder it in place. */
(function () {
  "use strict";
  function setup(root) {
    if (root.dataset.pdReady) return;
    root.dataset.pdReady = "1";
    var bar = root.querySelector(".pd-terms__sort");
    var list = root.querySelector(".pd-terms__list");
    if (!bar || !list) return;
    bar.hidden = false;
    var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });
    bar.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-pd-sort]");
      if (!button) return;
      var by = button.getAttribute("data-pd-sort");
      var items = Array.prototype.slice.call(list.children);
      items.sort(function (a, b) {
        if (by === "count") {
          var d = Number(b.dataset.count) - Number(a.dataset.count);
          if (d) return d;
        }
        return collator.compare(a.dataset.name, b.dataset.name);
      });
      items.forEach(function (li) { list.appendChild(li); });
      bar.querySelectorAll("button").forEach(function (b) {
        b.setAttribute("aria-pressed", String(b === button));
      });
    });
  }
  function scan() { document.querySelectorAll("[data-pd-sortable]").forEach(setup); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
  /* Material's instant navigation swaps pages without a reload. */
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(scan);
})();
