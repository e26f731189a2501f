// Filters (rule, speaker, problems only) and keyboard navigation for the interp_align report.
// No network, no libraries. The URL hash mirrors the filters (#rule=IA101&speaker=rodriguez),
// so a filtered view can be shared and opened directly.
(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("[data-row]"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.pair"));
  var ruleSel = document.getElementById("filter-rule");
  var speakerSel = document.getElementById("filter-speaker");
  var problems = document.getElementById("filter-problems");
  var count = document.getElementById("visible-count");

  function apply() {
    var rule = ruleSel.value, speaker = speakerSel.value, onlyProblems = problems.checked;
    var shown = 0;
    rows.forEach(function (row) {
      var rules = (row.getAttribute("data-rules") || "").split(" ");
      var ok = (!rule || rules.indexOf(rule) >= 0) &&
               (!speaker || row.getAttribute("data-speaker") === speaker) &&
               (!onlyProblems || row.getAttribute("data-problem") === "1");
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    sections.forEach(function (section) {
      section.hidden = !section.querySelector("[data-row]:not([hidden])") && section.querySelector("[data-row]") !== null;
    });
    count.textContent = shown + " of " + rows.length + " rows shown";
    var parts = [];
    if (rule) { parts.push("rule=" + encodeURIComponent(rule)); }
    if (speaker) { parts.push("speaker=" + encodeURIComponent(speaker)); }
    if (onlyProblems) { parts.push("problems=1"); }
    var hash = parts.length ? "#" + parts.join("&") : "";
    if (window.location.hash !== hash) { history.replaceState(null, "", hash || window.location.pathname); }
  }

  function fromHash() {
    var params = {};
    window.location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0) { params[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1)); }
    });
    if (params.rule !== undefined) { ruleSel.value = params.rule; }
    if (params.speaker !== undefined) { speakerSel.value = params.speaker; }
    problems.checked = params.problems === "1";
  }

  function visibleRows() { return rows.filter(function (r) { return !r.hidden; }); }
  function move(step) {
    var list = visibleRows();
    if (!list.length) { return; }
    var i = list.indexOf(document.activeElement);
    var next = list[Math.max(0, Math.min(list.length - 1, i < 0 ? 0 : i + step))];
    next.focus();
    next.scrollIntoView({ block: "nearest" });
  }
  function nextProblem(step) {
    var list = visibleRows().filter(function (r) { return r.getAttribute("data-problem") === "1"; });
    if (!list.length) { return; }
    var all = visibleRows(), here = all.indexOf(document.activeElement), target = null;
    for (var k = 0; k < list.length; k++) {
      var pos = all.indexOf(list[step > 0 ? k : list.length - 1 - k]);
      if ((step > 0 && pos > here) || (step < 0 && pos < here)) { target = all[pos]; break; }
    }
    (target || list[step > 0 ? 0 : list.length - 1]).focus();
  }

  document.addEventListener("keydown", function (event) {
    var tag = (event.target && event.target.tagName) || "";
    if (tag === "SELECT" || tag === "INPUT" || event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (event.key === "j" || event.key === "ArrowDown") { move(1); event.preventDefault(); }
    else if (event.key === "k" || event.key === "ArrowUp") { move(-1); event.preventDefault(); }
    else if (event.key === "n") { nextProblem(1); event.preventDefault(); }
    else if (event.key === "p") { nextProblem(-1); event.preventDefault(); }
    else if (event.key === "/") { ruleSel.focus(); event.preventDefault(); }
  });
  [ruleSel, speakerSel, problems].forEach(function (el) { el.addEventListener("change", apply); });
  document.getElementById("filter-reset").addEventListener("click", function () {
    ruleSel.value = ""; speakerSel.value = ""; problems.checked = false; apply();
  });
  window.addEventListener("hashchange", function () { fromHash(); apply(); });
  fromHash();
  apply();
  document.body.setAttribute("data-ready", "1");
})();
