// Filters (rule, severity, speaker, text, problems only) and keyboard navigation for the interp_align report.
// No network, no libraries. The URL hash mirrors the filters (#rule=IA101&severity=1&q=frontera),
// so a filtered view can be shared and opened directly. Rows and the findings list filter alike.
(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("[data-row]"));
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-finding]"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.pair"));
  var ruleSel = document.getElementById("filter-rule");
  var severitySel = document.getElementById("filter-severity");
  var speakerSel = document.getElementById("filter-speaker");
  var text = document.getElementById("filter-text");
  var problems = document.getElementById("filter-problems");
  var count = document.getElementById("visible-count");
  var byId = {};
  rows.forEach(function (row) { byId[row.id] = row; });

  function fold(s) {  // case- and accent-insensitive search: "frontera" finds "FRONTERA", "mexico" finds "México"
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var rowText = rows.map(function (row) { return fold(row.textContent || ""); });
  var itemText = items.map(function (item) { return fold(item.textContent || ""); });

  function apply() {
    var rule = ruleSel.value, speaker = speakerSel.value, onlyProblems = problems.checked;
    var severity = severitySel.value === "" ? -1 : parseInt(severitySel.value, 10);
    var query = fold(text.value.trim());
    var shown = 0, shownItems = 0;
    rows.forEach(function (row, i) {
      var rules = (row.getAttribute("data-rules") || "").split(" ");
      var ok = (!rule || rules.indexOf(rule) >= 0) &&
               (severity < 0 || parseInt(row.getAttribute("data-severity"), 10) >= severity) &&
               (!speaker || row.getAttribute("data-speaker") === speaker) &&
               (!onlyProblems || row.getAttribute("data-problem") === "1") &&
               (!query || rowText[i].indexOf(query) >= 0);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    items.forEach(function (item, i) {
      var target = byId[item.getAttribute("data-target")];
      var ok = (!rule || item.getAttribute("data-rule") === rule) &&
               (severity < 0 || parseInt(item.getAttribute("data-severity"), 10) >= severity) &&
               (!speaker || (target && target.getAttribute("data-speaker") === speaker)) &&
               (!query || itemText[i].indexOf(query) >= 0 || (target && !target.hidden));
      item.hidden = !ok;
      if (ok) { shownItems += 1; }
    });
    sections.forEach(function (section) {
      section.hidden = !section.querySelector("[data-row]:not([hidden])") && section.querySelector("[data-row]") !== null;
    });
    count.textContent = shown + " of " + rows.length + " rows shown · " + shownItems + " of " + items.length + " findings";
    var parts = [];
    if (rule) { parts.push("rule=" + encodeURIComponent(rule)); }
    if (severity >= 0) { parts.push("severity=" + severity); }
    if (speaker) { parts.push("speaker=" + encodeURIComponent(speaker)); }
    if (query) { parts.push("q=" + encodeURIComponent(text.value.trim())); }
    if (onlyProblems) { parts.push("problems=1"); }
    var hash = parts.length ? "#" + parts.join("&") : "";
    if (window.location.hash !== hash && !/^#(row|f|pair|turn|findings)/.test(window.location.hash)) {
      history.replaceState(null, "", hash || window.location.pathname);
    }
  }

  function fromHash() {
    var params = {};
    window.location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0) { params[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1)); }
    });
    if (params.rule !== undefined) { ruleSel.value = params.rule; }
    if (params.severity !== undefined) { severitySel.value = params.severity; }
    if (params.speaker !== undefined) { speakerSel.value = params.speaker; }
    if (params.q !== undefined) { text.value = params.q; }
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
  // a link to a row or a finding shows it even when the filters hide it
  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("a[href^='#']") : null;
    if (!link) { return; }
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (target && target.hidden) { target.hidden = false; }
    if (target && target.closest("section") && target.closest("section").hidden) { target.closest("section").hidden = false; }
  });
  [ruleSel, severitySel, speakerSel, problems].forEach(function (el) { el.addEventListener("change", apply); });
  text.addEventListener("input", apply);
  document.getElementById("filter-reset").addEventListener("click", function () {
    ruleSel.value = ""; severitySel.value = ""; speakerSel.value = ""; text.value = ""; problems.checked = false; apply();
  });
  window.addEventListener("hashchange", function () {
    if (!/^#(row|f|pair|turn|findings)/.test(window.location.hash)) { fromHash(); apply(); }
  });
  if (!/^#(row|f|pair|turn|findings)/.test(window.location.hash)) { fromHash(); }
  apply();
  document.body.setAttribute("data-ready", "1");
})();
