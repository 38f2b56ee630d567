/* Conflict-event map: events drawn on one canvas, filtered by date range and type.
 *
 * The eventmap-*.js files are concatenated in name order into the page (see
 * maps/elements.py). Each adds its parts to TrackerMap._ ; eventmap-7_main.js
 * exposes the functions the page's components call.
 *
 * Small helpers: day numbers, formatting, safe DOM nodes, binary search. */
(function (TM) {
  "use strict";
  var _ = TM._ = TM._ || {};

  var DAY_MS = 86400000;
  var REGION_RADIUS_M = 25000; // drawn radius of a region-level event: "somewhere around here"
  var NO_COORD = -2147483648; // latitude of an event with no place (maps/pack.py)

  function dayToIso(day) {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }

  function isoToDay(text) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text || "")) return null;
    var t = Date.parse(text + "T00:00:00Z");
    return isNaN(t) ? null : Math.round(t / DAY_MS);
  }

  function fmt(n) {
    return n.toLocaleString("en-US");
  }

  /* "0.5" for a confidence threshold of 500 thousandths (maps/pack.py). */
  function thresholdText(perMille) {
    return String(perMille / 1000);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /* A labelled checkbox row; onChange receives the new state. */
  function checkRow(className, text, onChange) {
    var label = el("label", "tm-type-row"), input = el("input", className);
    input.type = "checkbox";
    input.addEventListener("change", function () { onChange(input.checked); });
    label.appendChild(input);
    label.appendChild(el("span", "tm-type-name", text));
    return { label: label, input: input };
  }

  function safeHref(url) {
    return /^https?:\/\//i.test(url || "") ? url : null;
  }

  function lowerBound(values, order, target) {
    // First position p in `order` with values[order[p]] >= target (order sorts values).
    var lo = 0, hi = order.length;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
      if (values[order[mid]] < target) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /* The place name of event i ("" when none). */
  function placeName(cols, i) {
    return cols.loc[i] >= 0 ? cols.loc_names[cols.loc[i]] : "";
  }

  /* The notes of event i: the pack step replaced the place name inside them
   * with \u0001 (maps/pack.py encode_columns), put back here. */
  function notesText(cols, i) {
    var text = cols.notes[i] || "";
    return cols.place_marks ? text.split("\u0001").join(placeName(cols, i)) : text;
  }

  /* Indexes into the source table of event i's sources. */
  function sourceRefs(cols, i) {
    return cols.src_more[i] || (cols.src1[i] >= 0 ? [cols.src1[i]] : []);
  }

  /* A phone or a narrow frame: panels become sheets, targets grow. */
  function narrow(map) {
    return map.getSize().x < 600;
  }

  _.placeName = placeName;
  _.notesText = notesText;
  _.sourceRefs = sourceRefs;
  _.narrow = narrow;
  _.DAY_MS = DAY_MS;
  _.REGION_RADIUS_M = REGION_RADIUS_M;
  _.NO_COORD = NO_COORD;
  _.dayToIso = dayToIso;
  _.isoToDay = isoToDay;
  _.fmt = fmt;
  _.thresholdText = thresholdText;
  _.el = el;
  _.safeHref = safeHref;
  _.checkRow = checkRow;
  _.lowerBound = lowerBound;
})(window.TrackerMap = window.TrackerMap || {});
