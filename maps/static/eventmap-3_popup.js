/* Event cards and popups, built from DOM nodes: article text is only ever textContent.
 * Popups are sized and panned to stay clear of every panel (on a phone too). */
(function (TM) {
  "use strict";
  var _ = TM._ = TM._ || {};
  var dayToIso = _.dayToIso, fmt = _.fmt, el = _.el, safeHref = _.safeHref;
  var thresholdText = _.thresholdText, placeName = _.placeName, notesText = _.notesText;
  var sourceRefs = _.sourceRefs;

  /* --------------------------------------------------------------- cards */

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

  /* "Irpin, Kyiv Oblast"; a region-level event whose place is its region reads once. */
  function placeText(cols, i) {
    var place = placeName(cols, i), region = cols.adm[i] >= 0 ? cols.adm_names[cols.adm[i]] : "";
    if (place && region && place.toLowerCase() === region.toLowerCase()) region = "";
    return [place, region].filter(Boolean).join(", ") || "unnamed place";
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

  /* Who says so: a claim, an allegation, and how many outlets reported it. */
  function claimLines(s, i, card) {
    var cols = s.data.cols;
    if (cols.claim && cols.claim[i] >= 0) {
      card.appendChild(el("div", "tm-line tm-claim", "Claimed by " + cols.claim_names[cols.claim[i]]));
    }
    if (cols.alg && cols.alg[i]) {
      card.appendChild(el("div", "tm-line tm-alleged", "Alleged: reported as an accusation, not confirmed"));
    }
  }

  function sourcesBlock(s, i, card) {
    var cols = s.data.cols, refs = sourceRefs(cols, i), n = Math.max(s.data.nsrc[i], refs.length);
    if (!n) return;
    card.appendChild(el("div", "tm-line tm-reported",
      "Reported by " + fmt(n) + (n === 1 ? " source" : " sources") + (refs.length ? ":" : "")));
    var list = el("ul", "tm-sources");
    for (var k = 0; k < refs.length; k++) list.appendChild(sourceItem(cols, refs[k]));
    if (refs.length) card.appendChild(list);
  }

  function eventCard(s, i) {
    var cols = s.data.cols, t = s.data.t[i], card = el("div", "tm-card");
    card.dataset.event = cols.ids[i];
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
      "Location: " + (s.data.located[i] ? PRECISION_TEXT[s.data.p[i]] : "no place known: not on the map")));
    if (cols.fat[i] > 0) card.appendChild(el("div", "tm-line", "Reported fatalities: " + cols.fat[i]));
    claimLines(s, i, card);
    if (cols.cf && cols.cf[i] >= 0) card.appendChild(confidenceLine(s, i));
    var notes = notesText(cols, i);
    if (notes) card.appendChild(el("blockquote", "tm-notes", notes));
    sourcesBlock(s, i, card);
    var link = el("a", "tm-permalink", "Link to this event");
    link.href = "#event=" + encodeURIComponent(cols.ids[i]);
    card.appendChild(link);
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

  /* ------------------------------------------------------ clear of panels */

  /* How far the panels in the top and bottom corners reach into the map. With
   * `popupWidth`, a tall top panel that leaves room beside it for a popup of
   * that width counts as a side margin instead (a popup beside a tall legend
   * is panned next to it rather than squeezed under it). */
  function panelMargins(map, popupWidth) {
    var box = map.getContainer().getBoundingClientRect();
    var m = { top: 0, bottom: 0, left: 0, right: 0, width: box.width, height: box.height };
    map.getContainer().querySelectorAll(".leaflet-control").forEach(function (n) {
      var r = n.getBoundingClientRect();
      if (!r.height) return;
      if (n.closest(".leaflet-bottom")) { m.bottom = Math.max(m.bottom, box.bottom - r.top); return; }
      var side = n.closest(".leaflet-left") ? "left" : "right";
      var reach = side === "left" ? r.right - box.left : box.right - r.left;
      var beside = box.width - reach - (side === "left" ? m.right : m.left);
      if (popupWidth && r.height > box.height * 0.4 && beside >= popupWidth + 20) {
        m[side] = Math.max(m[side], reach);
      } else {
        m.top = Math.max(m.top, r.bottom - box.top);
      }
    });
    return m;
  }

  /* Open a popup of events at latlng, no larger than the space the panels
   * leave, and panned into that space, so no panel ever covers part of it. */
  function openPopup(s, hits, latlng) {
    var map = s.map, size = map.getSize(), gap = 8, tip = 24;
    var width = Math.max(180, Math.min(340, size.x - 2 * gap - 40)) + 44; // content + margins
    var m = panelMargins(map, width);
    var room = m.height - m.top - m.bottom - 2 * gap - tip - 30;
    var popup = L.popup({
      maxWidth: width - 44,
      minWidth: Math.min(240, width - 44),
      maxHeight: Math.max(120, Math.min(420, room)),
      autoPanPaddingTopLeft: [m.left + gap, m.top + gap],
      autoPanPaddingBottomRight: [m.right + gap, m.bottom + gap],
      className: "tm-leaflet-popup",
    });
    popup.setLatLng(latlng).setContent(popupContent(s, hits)).openOn(map);
    s.popupEvent = hits.length ? s.data.cols.ids[hits[0]] : null;
    popup.on("remove", function () {
      if (s.popup === popup) { s.popup = null; s.popupEvent = null; s._emit("popup"); }
    });
    s.popup = popup;
    s._emit("popup");
    return popup;
  }

  /* Open one event's popup, revealing it first if a filter hides it. */
  function openEvent(s, i, options) {
    var map = s.map, d = s.data;
    s.reveal(i);
    var at = d.located[i] ? L.latLng(d.lat[i], d.cols.lon[i] / 1e4) : map.getCenter();
    if (d.located[i] && (options || {}).zoom) {
      map.setView(at, Math.max(map.getZoom(), 7), { animate: false }); // close, with context
    }
    return openPopup(s, [i], at);
  }

  _.popupContent = popupContent;
  _.eventCard = eventCard;
  _.placeText = placeText;
  _.dateText = dateText;
  _.panelMargins = panelMargins;
  _.openPopup = openPopup;
  _.openEvent = openEvent;
})(window.TrackerMap = window.TrackerMap || {});
