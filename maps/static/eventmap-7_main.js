/* Wiring: the public TrackerMap functions the page's components call. */
(function (TM) {
  "use strict";
  var _ = TM._ = TM._ || {};
  var el = _.el;
  var dayToIso = _.dayToIso,
    isoToDay = _.isoToDay,
    EventMap = _.EventMap,
    CanvasLayer = _.CanvasLayer,
    popupContent = _.popupContent,
    timeControl = _.timeControl,
    legendControl = _.legendControl,
    infoControl = _.infoControl,
    choropleth = _.choropleth,
    readHash = _.readHash,
    syncHash = _.syncHash;

  /* --------------------------------------------------------------- main */

  function control(position, node) {
    var C = L.Control.extend({ onAdd: function () { return node; } });
    return new C({ position: position });
  }

  /* Keyboard readers: arrows pan, +/- zoom (Leaflet), Enter lists the events
   * under the ring drawn at the centre of the focused map. */
  function keyboardPopups(map, s, layer) {
    var box = map.getContainer();
    box.setAttribute("aria-label", "Map of events. Arrow keys move, plus and minus zoom, " +
      "Enter lists the events under the centre ring.");
    box.addEventListener("keydown", function (e) {
      if (e.key !== "Enter" || e.target !== box) return;
      var hits = layer.hits(map.getSize().divideBy(2));
      var content = hits.length ? popupContent(s, hits) : el("div", "tm-popup", "No event under the ring.");
      L.popup({ maxWidth: 340, maxHeight: 360 }).setLatLng(map.getCenter()).setContent(content).openOn(map);
    });
  }

  /* The components below are called in this order by the page's scripts:
   * create, then any of addRegions / addInfo / addLegend / addTimeControl,
   * then shareView and markReady. */

  function create(map, cols, options) {
    var s = new EventMap(map, cols, options);
    var layer = new CanvasLayer(s).addTo(map);
    s.layer = layer;
    s.on(function () { layer.schedule(); });
    map.attributionControl.addAttribution(
      'Places: <a href="https://www.geonames.org/" target="_blank" rel="noopener">GeoNames</a> (CC BY 4.0)' +
      " · Events: sources in each popup");
    map.on("click", function (e) {
      var hits = layer.hits(e.containerPoint);
      if (hits.length) L.popup({ maxWidth: 340, maxHeight: 360 }).setLatLng(e.latlng)
        .setContent(popupContent(s, hits)).openOn(map);
    });
    keyboardPopups(map, s, layer);
    map.on("mousemove", L.Util.throttle(function (e) {
      map.getContainer().style.cursor = layer.hits(e.containerPoint).length ? "pointer" : "";
    }, 60));
    return s;
  }

  /* Inflate the deflated, base64-encoded columns (DecompressionStream: Chrome 80,
   * Firefox 113, Safari 16.4) and build the map state from them. */
  function load(map, packed, options) {
    var bytes = Uint8Array.from(atob(packed), function (c) { return c.charCodeAt(0); });
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Response(stream).arrayBuffer().then(function (buffer) {
      return create(map, unpack(buffer), options);
    });
  }

  /* Layout (see maps/pack.py encode_columns): uint32 header length, JSON header,
   * then int32 columns and NUL-joined UTF-8 text lists at the offsets it lists. */
  function unpack(buffer) {
    var size = new DataView(buffer).getUint32(0, true);
    var cols = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, size)));
    var body = 4 + size;
    Object.keys(cols._bin).forEach(function (name) {
      var spec = cols._bin[name];
      cols[name] = new Int32Array(buffer, body + spec[0], spec[1]);
    });
    var utf8 = new TextDecoder();
    Object.keys(cols._txt).forEach(function (name) {
      var spec = cols._txt[name];
      var text = utf8.decode(new Uint8Array(buffer, body + spec[0], spec[1]));
      cols[name] = spec[2] ? text.split("\u0000") : [];
    });
    delete cols._bin;
    delete cols._txt;
    return cols;
  }

  function addRegions(s, options) {
    s.regions = choropleth(s.map, s, options);
  }

  function addInfo(s, options) {
    control("topleft", infoControl(options)).addTo(s.map);
  }

  function addLegend(s) {
    control("topright", legendControl(s, s.regions || null)).addTo(s.map);
  }

  function addTimeControl(s) {
    control("bottomleft", timeControl(s, s.layer)).addTo(s.map);
  }

  function shareView(s) {
    syncHash(s.map, s, s.regions || null);
  }

  /* On a narrow screen the time panel spans the width: the attribution goes
   * under it, in the same corner, instead of covering its slider. */
  function placeAttribution(map) {
    var node = map.attributionControl.getContainer();
    var corner = map._controlCorners[map.getSize().x < 600 ? "bottomleft" : "bottomright"];
    if (node.parentNode !== corner) corner.appendChild(node);
  }

  /* How far the panels in the top and bottom corners reach into the map, so
   * the first view keeps every event out from under them. Capped, so a phone
   * still gets a usable map when the panels are tall. */
  function panelMargins(map) {
    var box = map.getContainer().getBoundingClientRect();
    var top = 0, bottom = 0;
    map.getContainer().querySelectorAll(".leaflet-control").forEach(function (n) {
      var r = n.getBoundingClientRect();
      if (n.closest(".leaflet-top")) top = Math.max(top, r.bottom - box.top);
      else if (n.closest(".leaflet-bottom")) bottom = Math.max(bottom, box.bottom - r.top);
    });
    var cap = box.height * 0.35;
    return [Math.min(top, cap) + 10, Math.min(bottom, cap) + 10];
  }

  function fitClear(s) {
    if (!s.options.bounds || readHash().view) return;
    var m = panelMargins(s.map);
    s.map.fitBounds(s.options.bounds, {
      paddingTopLeft: [30, m[0]], paddingBottomRight: [30, m[1]], maxZoom: 12, animate: false,
    });
  }

  function markReady(s) {
    placeAttribution(s.map);
    fitClear(s);
    s.map.on("resize", function () { placeAttribution(s.map); });
    s.layer.redraw();
    s.ready = true;
    window.trackerMaps = window.trackerMaps || [];
    window.trackerMaps.push(s);
    document.documentElement.setAttribute("data-map-ready", "1");
  }

  Object.assign(TM, {
    load: load, create: create, addRegions: addRegions, addInfo: addInfo, addLegend: addLegend,
    addTimeControl: addTimeControl, shareView: shareView, markReady: markReady,
    dayToIso: dayToIso, isoToDay: isoToDay,
  });
})(window.TrackerMap = window.TrackerMap || {});
