/* mkdocs-podcast-digest: click-to-load embeds.
 * A facade <button class="pd-embed__facade" data-pd-src="https://..."> loads nothing until it is
 * activated (click, or Enter/Space on the native button); then it is replaced by the real <iframe>.
 * Event delegation on document, so content swapped in later (Material's instant navigation) works. */
(function () {
  "use strict";
  if (window.pdEmbedsReady) return;
  window.pdEmbedsReady = true;

  function load(button) {
    var src = button.getAttribute("data-pd-src") || "";
    if (src.indexOf("https://") !== 0) return;
    var frame = document.createElement("iframe");
    frame.className = "pd-embed__iframe";
    frame.src = src;
    frame.title = button.getAttribute("data-pd-title") || "Embedded player";
    frame.setAttribute("allow", button.getAttribute("data-pd-allow") || "");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    var sandbox = button.getAttribute("data-pd-sandbox");
    if (sandbox) frame.setAttribute("sandbox", sandbox);
    if (button.hasAttribute("data-pd-fullscreen")) frame.setAttribute("allowfullscreen", "");
    var root = button.closest(".pd-embed");
    if (root) root.classList.add("pd-embed--loaded");
    button.parentNode.replaceChild(frame, button);
    frame.focus();  // keep keyboard users where they were: on the player
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var button = target && target.closest ? target.closest("button.pd-embed__facade") : null;
    if (button) {
      event.preventDefault();
      load(button);
    }
  });
})();
