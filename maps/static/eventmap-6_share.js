/* Filters and view kept in the URL fragment. */
(function (TM) {
  "use strict";
  var _ = TM._ = TM._ || {};
  var dayToIso = _.dayToIso, isoToDay = _.isoToDay;

  /* ----------------------------------------------------- shareable URL */

  function readHash(hash) {
    var out = {};
    (hash === undefined ? location.hash || "" : hash).replace(/^#/, "").split("&").forEach(function (part) {
      var eq = part.indexOf("=");
      if (eq > 0) {
        try {
          out[part.slice(0, eq)] = decodeURIComponent(part.slice(eq + 1));
        } catch (e) { /* a mangled part of a hand-edited link is ignored */ }
      }
    });
    return out;
  }

  function applyHash(map, s, regions, initial, hash) {
    var h = readHash(hash);
    var f = isoToDay(h.from), t = isoToDay(h.to);
    if (f !== null || t !== null) s.setRange(f === null ? s.first : f, t === null ? s.last : t);
    if (h.hide !== undefined) {
      var hidden = h.hide ? h.hide.split("|") : [];
      s.types.forEach(function (name, k) { s.setType(k, hidden.indexOf(name) < 0); });
    }
    if (regions && h.regions !== undefined) regions.show(h.regions !== "0");
    if (s.hideBelow && h.low !== undefined) s.setLowShown(h.low === "1");
    if (h.q !== undefined || h.src !== undefined || h.minconf !== undefined) {
      s.setFilters({ query: h.q || "", minSources: h.src === "2" ? 2 : 1, minConf: +h.minconf || 0 });
    }
    var v = (h.view || "").split(",").map(Number);
    if (v.length === 3 && v.every(isFinite)) map.setView([v[0], v[1]], v[2], { animate: false });
    if (h.event && !initial) { // the first event link is opened once the view is fitted
      var i = s.findEvent(h.event);
      if (i >= 0 && s.popupEvent !== s.data.cols.ids[i]) _.openEvent(s, i, { zoom: !v[2] });
    }
  }

  function writeHash(map, s, regions) {
    var c = map.getCenter(), parts = [];
    parts.push("from=" + dayToIso(s.from), "to=" + dayToIso(s.to));
    var hidden = s.types.filter(function (_, k) { return !s.typeOn[k]; });
    if (hidden.length) parts.push("hide=" + encodeURIComponent(hidden.join("|")));
    if (regions) parts.push("regions=" + (regions.on ? "1" : "0"));
    if (s.hideBelow) parts.push("low=" + (s.lowOn ? "1" : "0"));
    if (s.query) parts.push("q=" + encodeURIComponent(s.query));
    if (s.minSources > 1) parts.push("src=" + s.minSources);
    if (s.minConf) parts.push("minconf=" + s.minConf);
    parts.push("view=" + c.lat.toFixed(4) + "," + c.lng.toFixed(4) + "," + map.getZoom());
    if (s.popupEvent) parts.push("event=" + encodeURIComponent(s.popupEvent));
    var hash = "#" + parts.join("&");
    if (hash !== location.hash) {
      try { history.replaceState(null, "", hash); } catch (e) { /* sandboxed frame: keep working */ }
    }
  }

  function syncHash(map, s, regions) {
    applyHash(map, s, regions, true);
    // At most one write per 250 ms, and always the last state: while Play runs
    // (a step every 250 ms) the link keeps following instead of waiting for it to stop.
    var timer = null, due = false;
    function later() {
      due = true;
      if (timer) return;
      timer = setTimeout(function flush() {
        timer = null;
        if (!due) return;
        due = false;
        writeHash(map, s, regions);
        timer = setTimeout(flush, 250);
      }, 0);
    }
    s.on(later);
    map.on("moveend", later);
    // The link as navigated to (e.newURL): the page may have rewritten location
    // since, with the state from before the change.
    window.addEventListener("hashchange", function (e) {
      var at = e.newURL.indexOf("#");
      applyHash(map, s, regions, false, at < 0 ? "" : e.newURL.slice(at));
    });
  }

  _.readHash = readHash;
  _.writeHash = writeHash;
  _.syncHash = syncHash;
})(window.TrackerMap = window.TrackerMap || {});
