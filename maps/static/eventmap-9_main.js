/* Wiring: the public TrackerMap functions the page's components call. */
(function (TM) {
  "use strict";
  var _ = TM._ = TM._ || {};
  var el = _.el;

  /* --------------------------------------------------------------- main */

  function control(position, node) {
    var C = L.Control.extend({ onAdd: function () { return node; } });
    return new C({ position: position });
  }

  /* Keyboard readers: arrows pan, +/- zoom (Leaflet), Enter lists the events
   * under the ring drawn at the centre of the focused map. The ring shows only
   * while the keyboard is in use, never after a click. */
  function keyboardPopups(map, s, layer) {
    var box = map.getContainer();
    box.setAttribute("aria-label", "Map of events. Arrow keys move, plus and minus zoom, " +
      "Enter lists the events under the centre ring.");
    document.addEventListener("keydown", function () { document.documentElement.classList.add("tm-keyboard"); }, true);
    document.addEventListener("pointerdown", function () { document.documentElement.classList.remove("tm-keyboard"); }, true);
    box.addEventListener("keydown", function (e) {
      if (e.key !== "Enter" || e.target !== box) return;
      var hits = layer.hits(map.getSize().divideBy(2));
      if (hits.length) { _.openPopup(s, hits, map.getCenter()); return; }
      L.popup().setLatLng(map.getCenter()).setContent(el("div", "tm-popup", "No event under the ring.")).openOn(map);
    });
  }

  /* The components below are called in this order by the page's scripts:
   * addBasemap (before the data), create (through load), then any of
   * addRegions / addInfo / addLegend / addTimeControl / addList, then
   * shareView and markReady. */

  function create(map, cols, options) {
    var s = new _.EventMap(map, cols, options);
    var layer = new _.CanvasLayer(s).addTo(map);
    s.layer = layer;
    s.on(function (why) { if (why !== "popup") layer.schedule(); });
    map.attributionControl.setPrefix(
      '<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>');
    map.attributionControl.addAttribution(
      'Places and cities: <a href="https://www.geonames.org/" target="_blank" rel="noopener">GeoNames</a> (CC BY 4.0)' +
      " · Events: sources in each popup");
    map.on("click", function (e) {
      var hits = layer.hits(e.containerPoint);
      if (hits.length) _.openPopup(s, hits, e.latlng);
    });
    keyboardPopups(map, s, layer);
    map.on("mousemove", L.Util.throttle(function (e) {
      map.getContainer().style.cursor = layer.hits(e.containerPoint).length ? "pointer" : "";
    }, 60));
    return s;
  }

  /* The deflated columns as bytes, from base64 text (a string or the data
   * block holding it) or as they are (an ArrayBuffer, e.g. fetched from a
   * server). atob and a loop beat a data: URL fetch several times over. */
  function deflatedBytes(source) {
    if (source instanceof ArrayBuffer) return source;
    var text = atob(typeof source === "string" ? source : source.textContent.trim());
    var n = text.length, bytes = new Uint8Array(n);
    for (var i = 0; i < n; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }

  /* Inflate the deflated columns (DecompressionStream: Chrome 80, Firefox 113,
   * Safari 16.4) and build the map state from them. */
  function load(map, source, options) {
    var stream = new Blob([deflatedBytes(source)]).stream()
      .pipeThrough(new DecompressionStream("deflate"));
    return new Response(stream).arrayBuffer().then(function (buffer) {
      return create(map, unpack(buffer), options);
    });
  }

  /* One integer column from its byte planes (low bytes first), sign-extended
   * from the bytes per value the writer chose (1, 2 or 4). */
  function intColumn(buffer, at, n, width) {
    var b = new Uint8Array(buffer, at, n * width), out = new Int32Array(n), i;
    if (width === 1) for (i = 0; i < n; i++) out[i] = (b[i] << 24) >> 24;
    else if (width === 2) for (i = 0; i < n; i++) out[i] = ((b[i] | (b[n + i] << 8)) << 16) >> 16;
    else for (i = 0; i < n; i++) out[i] = b[i] | (b[n + i] << 8) | (b[2 * n + i] << 16) | (b[3 * n + i] << 24);
    return out;
  }

  /* Layout (see maps/pack.py encode_columns): uint32 header length, JSON header,
   * then integer columns as byte planes and NUL-joined UTF-8 text lists at the
   * offsets it lists; site columns are expanded to one entry per event. */
  function unpack(buffer) {
    var size = new DataView(buffer).getUint32(0, true);
    var cols = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, size)));
    var body = 4 + size;
    Object.keys(cols._bin).forEach(function (name) {
      var spec = cols._bin[name];
      cols[name] = intColumn(buffer, body + spec[0], spec[1], spec[2]);
    });
    var utf8 = new TextDecoder();
    Object.keys(cols._txt).forEach(function (name) {
      var spec = cols._txt[name];
      var text = utf8.decode(new Uint8Array(buffer, body + spec[0], spec[1]));
      cols[name] = spec[2] ? text.split("\u0000") : [];
    });
    if (cols.site) {
      ["lat", "lon", "loc", "adm"].forEach(function (name) {
        var table = cols[name], out = new Int32Array(cols.site.length);
        for (var i = 0; i < out.length; i++) out[i] = table[cols.site[i]];
        cols[name] = out;
      });
    }
    delete cols._bin;
    delete cols._txt;
    return cols;
  }

  function addRegions(s, options) {
    s.regions = _.choropleth(s.map, s, options);
  }

  function addInfo(s, options) {
    var box = _.infoControl(options);
    box.appendChild(_.pageTools(s, options, {
      toggle: function () { if (s.list) s.list.toggle(); },
    }));
    control("topleft", box).addTo(s.map);
  }

  function addLegend(s) {
    control("topright", _.legendControl(s, s.regions || null)).addTo(s.map);
  }

  function addTimeControl(s) {
    control("bottomleft", _.timeControl(s, s.layer)).addTo(s.map);
  }

  /* The list sits beside the map (a sheet over it on a phone), in the <aside>
   * the page placed there before the map was sized (see maps/elements.py). */
  function addList(s, id) {
    var node = id && document.getElementById(id);
    if (!node) { // a page without the placeholder: make room now
      node = el("aside");
      s.map.getContainer().parentNode.classList.add("tm-with-list");
      s.map.getContainer().parentNode.appendChild(node);
      s.map.invalidateSize({ animate: false });
    }
    s.list = _.eventList(s, node);
  }

  function shareView(s) {
    _.syncHash(s.map, s, s.regions || null);
  }

  /* On a narrow screen the time panel spans the width: the attribution goes
   * under it, in the same corner, instead of covering its slider. */
  function placeAttribution(map) {
    var node = map.attributionControl.getContainer();
    var corner = map._controlCorners[_.narrow(map) ? "bottomleft" : "bottomright"];
    if (node.parentNode !== corner) corner.appendChild(node);
  }

  /* The first view keeps every event out from under the panels; the margins
   * are capped, so a phone still gets a usable map when the panels are tall. */
  function fitClear(s) {
    var h = _.readHash();
    if (!s.options.bounds || h.view) return;
    var m = _.panelMargins(s.map), cap = m.height * 0.35, right = 30;
    var legend = s.map.getContainer().querySelector(".tm-legend");
    if (legend && !_.narrow(s.map)) right = Math.min(legend.offsetWidth + 20, m.width * 0.4);
    s.map.fitBounds(s.options.bounds, {
      paddingTopLeft: [30, Math.min(m.top, cap) + 10],
      paddingBottomRight: [right, Math.min(m.bottom, cap) + 10],
      maxZoom: 12, animate: false,
    });
  }

  function openLinkedEvent(s) {
    var h = _.readHash(), i = h.event ? s.findEvent(h.event) : -1;
    if (i >= 0) _.openEvent(s, i, { zoom: !h.view });
  }

  function markReady(s) {
    placeAttribution(s.map);
    fitClear(s);
    openLinkedEvent(s);
    s.map.on("resize", function () { placeAttribution(s.map); });
    s.layer.redraw(); // the one paint before "ready"; earlier requests were only scheduled
    s.ready = true;
    window.trackerMaps = window.trackerMaps || [];
    window.trackerMaps.push(s);
    document.documentElement.setAttribute("data-map-ready", "1");
  }

  Object.assign(TM, {
    load: load, create: create, addBasemap: _.addBasemap, addRegions: addRegions, addInfo: addInfo,
    addLegend: addLegend, addTimeControl: addTimeControl, addList: addList, shareView: shareView,
    markReady: markReady, dayToIso: _.dayToIso, isoToDay: _.isoToDay,
  });
})(window.TrackerMap = window.TrackerMap || {});
