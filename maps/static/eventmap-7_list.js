/* The event list beside the map (a bottom sheet on a phone): the events the
 * range and filters let through, newest first, with text search; a row opens
 * its event on the map. */
(function (TM) {
  "use strict";
  var _ = TM._ = TM._ || {};
  var fmt = _.fmt, el = _.el, dayToIso = _.dayToIso;

  var PAGE_ROWS = 100; // rows added at a time: a DOM row per event would stall at 100,000

  /* Listed events, newest first (rows are sorted by first day), at most `limit`, and their total. */
  function listedRows(s, limit) {
    var rows = [], total = 0;
    for (var i = s.data.n - 1; i >= 0; i--) {
      if (!s.isListed(i)) continue;
      total += 1;
      if (rows.length < limit) rows.push(i);
    }
    return { rows: rows, total: total };
  }

  function rowNode(s, i, open) {
    var cols = s.data.cols, t = s.data.t[i];
    var row = el("button", "tm-row-event");
    row.type = "button";
    row.dataset.event = cols.ids[i];
    var head = el("span", "tm-row-head");
    var sw = el("span", "tm-swatch");
    sw.style.background = s.colours[t];
    head.appendChild(sw);
    head.appendChild(el("span", "tm-row-date", dayToIso(s.data.d0[i])));
    head.appendChild(el("strong", null, cols.st[i] >= 0 ? cols.st_names[cols.st[i]] : s.types[t]));
    row.appendChild(head);
    var where = _.placeText(cols, i) + (s.data.located[i] ? "" : " · not on map");
    row.appendChild(el("span", "tm-row-place", where));
    var refs = _.sourceRefs(cols, i), n = Math.max(s.data.nsrc[i], refs.length);
    var by = refs.length ? cols.outlets[cols.src_outlet[refs[0]]] || "" : "";
    if (n > 1) by += (by ? " + " : "") + fmt(n - (by ? 1 : 0)) + (by ? " more" : " sources");
    if (by) row.appendChild(el("span", "tm-row-source", by));
    row.addEventListener("click", function () { open(i); });
    return row;
  }

  function eventList(s, box) {
    box.className = "tm-list";
    box.setAttribute("aria-label", "Events in the chosen dates and filters");
    var head = el("div", "tm-list-head");
    var search = el("input", "tm-search");
    search.type = "search";
    search.placeholder = "Search places, text, sources";
    search.setAttribute("aria-label", "Search the events");
    head.appendChild(search);
    var close = el("button", "tm-list-close", "Close");
    close.type = "button";
    head.appendChild(close);
    var count = el("div", "tm-list-count");
    count.setAttribute("aria-live", "polite");
    head.appendChild(count);
    box.appendChild(head);
    var body = el("div", "tm-list-body");
    box.appendChild(body);
    var more = el("button", "tm-list-more", "Show more");
    more.type = "button";
    box.appendChild(more);

    var limit = PAGE_ROWS, frame = 0, timer = null;
    function open(i) {
      if (_.narrow(s.map)) box.classList.remove("tm-open");
      _.openEvent(s, i, { zoom: true });
    }
    function render() {
      frame = 0;
      var got = listedRows(s, limit);
      body.textContent = "";
      got.rows.forEach(function (i) { body.appendChild(rowNode(s, i, open)); });
      count.textContent = fmt(got.total) + (got.total === 1 ? " event" : " events") +
        (got.total > got.rows.length ? " · newest " + fmt(got.rows.length) + " listed" : "");
      count.dataset.total = got.total;
      more.style.display = got.total > got.rows.length ? "" : "none";
    }
    // After the map is painted: the list never delays a range change on screen.
    function later() { if (!frame) frame = requestAnimationFrame(function () { setTimeout(render, 0); }); }
    search.addEventListener("input", function () {
      if (timer) clearTimeout(timer);
      timer = setTimeout(function () { s.setFilters({ query: search.value.trim() }); }, 150);
    });
    more.addEventListener("click", function () { limit += PAGE_ROWS; render(); });
    close.addEventListener("click", function () { box.classList.remove("tm-open"); });
    s.on(function (why) {
      if (why === "popup") return;
      if (why !== "filters-typed" && document.activeElement !== search) search.value = s.query;
      limit = PAGE_ROWS;
      later();
    });
    render();
    return {
      node: box,
      toggle: function () { box.classList.toggle("tm-open"); },
      isOpen: function () { return box.classList.contains("tm-open"); },
    };
  }

  _.eventList = eventList;
})(window.TrackerMap = window.TrackerMap || {});
