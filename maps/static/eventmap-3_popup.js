/* Popups built from DOM nodes: article text is only ever textContent. */
(function (TM) {
  "use strict";
  var _ = TM._ = TM._ || {};
  var dayToIso = _.dayToIso, fmt = _.fmt, el = _.el, safeHref = _.safeHref;
  var thresholdText = _.thresholdText;

  /* --------------------------------------------------------------- popup */

  var PRECISION_TEXT = {
    1: "exact place (the settlement itself)",
    2: "approximate: near this place",
    3: "approximate: only the region is known; the point is the region's centre",
    0: "precision unknown",
  };

  function dateText(s, i) {
    var d = s.data;
    if (d.d0[i] === d.d1[i]) return dayToIso(d.d0[i]);
    return dayToIso(d.d0[i]) + " to " + dayToIso(d.d1[i]) + " (exact day unknown)";
  }

  function placeText(cols, i) {
    var parts = [];
    if (cols.loc[i] >= 0) parts.push(cols.loc_names[cols.loc[i]]);
    if (cols.adm[i] >= 0) parts.push(cols.adm_names[cols.adm[i]]);
    return parts.join(", ") || "unnamed place";
  }

  function sourceItem(cols, k) {
    var li = el("li");
    var outlet = cols.outlets[cols.src_outlet[k]] || "unknown outlet";
    li.appendChild(el("span", "tm-outlet", outlet));
    var title = cols.src_title[k] || cols.src_url[k] || "(untitled)";
    var href = safeHref(cols.src_url[k]);
    li.appendChild(document.createTextNode(": "));
    if (href) {
      var a = el("a", null, title);
      a.href = href;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      li.appendChild(a);
    } else {
      li.appendChild(el("span", null, title));
    }
    return li;
  }

  /* Two decimals, rounded down like the cf column, so a value shown is never
   * above the threshold that hid it. */
  function confidenceLine(s, i) {
    var text = "Confidence: " + (Math.floor(s.data.cols.cf[i] / 10) / 100).toFixed(2);
    if (s.data.low[i]) text += " (low: below " + thresholdText(s.hideBelow) + ")";
    return el("div", "tm-line tm-confidence-line" + (s.data.low[i] ? " tm-low" : ""), text);
  }

  function eventCard(s, i) {
    var cols = s.data.cols, t = s.data.t[i], card = el("div", "tm-card");
    var head = el("div", "tm-card-head");
    var swatch = el("span", "tm-swatch");
    swatch.style.background = s.colours[t];
    head.appendChild(swatch);
    head.appendChild(el("strong", null, cols.st[i] >= 0 ? cols.st_names[cols.st[i]] : s.types[t]));
    head.appendChild(el("span", "tm-type", " · " + s.types[t]));
    card.appendChild(head);
    card.appendChild(el("div", "tm-line", "Date: " + dateText(s, i)));
    card.appendChild(el("div", "tm-line", "Place: " + placeText(cols, i)));
    card.appendChild(el("div", "tm-line tm-precision-" + s.data.p[i],
      "Location: " + PRECISION_TEXT[s.data.p[i]]));
    if (cols.fat[i] > 0) card.appendChild(el("div", "tm-line", "Reported fatalities: " + cols.fat[i]));
    if (cols.cf && cols.cf[i] >= 0) card.appendChild(confidenceLine(s, i));
    if (cols.notes[i]) card.appendChild(el("blockquote", "tm-notes", cols.notes[i]));
    var refs = cols.src_more[i] || (cols.src1[i] >= 0 ? [cols.src1[i]] : []);
    var list = el("ul", "tm-sources");
    for (var k = 0; k < refs.length; k++) list.appendChild(sourceItem(cols, refs[k]));
    if (refs.length) {
      card.appendChild(el("div", "tm-line", refs.length === 1 ? "Source:" : refs.length + " sources:"));
      card.appendChild(list);
    }
    return card;
  }

  var POPUP_MAX = 8;

  function popupContent(s, hits) {
    var box = el("div", "tm-popup");
    if (hits.length > 1) box.appendChild(el("div", "tm-popup-count", fmt(hits.length) + " events here"));
    for (var k = 0; k < Math.min(hits.length, POPUP_MAX); k++) box.appendChild(eventCard(s, hits[k]));
    if (hits.length > POPUP_MAX) {
      box.appendChild(el("div", "tm-more", "and " + fmt(hits.length - POPUP_MAX) +
        " more here; narrow the dates or zoom in to see them"));
    }
    return box;
  }

  _.popupContent = popupContent;
})(window.TrackerMap = window.TrackerMap || {});
