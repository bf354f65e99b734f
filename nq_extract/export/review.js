/* nq_extract review page: click a check (or a reference, unit, person) to
   highlight its operands in the text; legend boxes hide a kind; the batch
   index filters and sorts. No network, no globals besides one IIFE. */
(function () {
  "use strict";
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  function setupReview(root) {
    var text = root.querySelector(".doctext");
    if (!text) { return; }
    var current = null;
    function clear() {
      each(root.querySelectorAll(".hl"), function (el) { el.classList.remove("hl"); });
      each(root.querySelectorAll("button.target[aria-pressed='true']"), function (b) { b.setAttribute("aria-pressed", "false"); });
    }
    function activate(button) {
      var group = button.getAttribute("data-target");
      clear();
      if (current === group) { current = null; return; }
      current = group;
      button.setAttribute("aria-pressed", "true");
      var marks = text.querySelectorAll("[data-g~='" + group.replace(/[^\w-]/g, "") + "']");
      each(marks, function (el) { el.classList.add("hl"); });
      if (marks.length) {
        marks[0].scrollIntoView({ block: "center", behavior: "auto" });
      }
      root.setAttribute("data-active", group);
    }
    each(root.querySelectorAll("button.target"), function (b) {
      b.addEventListener("click", function () { activate(b); });
    });
    // Clicking a highlighted operand in the text selects the first check that uses it.
    text.addEventListener("click", function (ev) {
      var el = ev.target;
      while (el && el !== text) {
        var groups = el.getAttribute && el.getAttribute("data-g");
        if (groups) {
          var first = groups.split(" ").filter(function (g) { return g.charAt(0) === "c"; })[0];
          if (first) {
            var b = root.querySelector("button.target[data-target='" + first + "']");
            if (b) { activate(b); b.scrollIntoView({ block: "nearest" }); }
            return;
          }
        }
        el = el.parentNode;
      }
    });
    each(root.querySelectorAll(".legend input[data-kind]"), function (box) {
      box.addEventListener("change", function () {
        text.classList.toggle("hide-" + box.getAttribute("data-kind"), !box.checked);
      });
    });
  }

  function setupIndex(root) {
    var table = root.querySelector("table.index");
    if (!table) { return; }
    var body = table.tBodies[0];
    var filter = root.querySelector("input.filter");
    if (filter) {
      filter.addEventListener("input", function () {
        var q = filter.value.toLowerCase();
        each(body.rows, function (row) { row.hidden = q !== "" && row.textContent.toLowerCase().indexOf(q) < 0; });
      });
    }
    each(table.tHead.rows[0].cells, function (th, col) {
      th.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        each(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute("data-v") || a.cells[col].textContent;
          var y = b.cells[col].getAttribute("data-v") || b.cells[col].textContent;
          var nx = parseFloat(x), ny = parseFloat(y);
          var r = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, "vi");
          return asc ? r : -r;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  each(document.querySelectorAll(".nqx"), function (root) {
    if (root.getAttribute("data-ready")) { return; }
    root.setAttribute("data-ready", "1");
    setupReview(root);
    setupIndex(root);
  });
})();
