/* The basemap that ships with the page, and the page tools: list button,
 * share link, embed code and print. */
(function (TM) {
  "use strict";
  var _ = TM._ = TM._ || {};
  var el = _.el, fmt = _.fmt, dayToIso = _.dayToIso;

  /* ------------------------------------------------------------ basemap */

  /* Oblast outlines and the main cities, drawn under the events with no
   * network at all; online tiles, when the map has them, lie above the land. */
  function addBasemap(map, basemap) {
    _.basemap = basemap;
    map.getContainer().classList.add("tm-has-basemap");
    map.createPane("tmLand").style.zIndex = 150;
    map.createPane("tmCities").style.zIndex = 390;
    map.getPane("tmCities").style.pointerEvents = "none";
    L.geoJSON(basemap.regions, {
      pane: "tmLand",
      interactive: false,
      style: function () {
        return { color: "#b3aca2", weight: 0.8, fillColor: "#f7f5f0", fillOpacity: 1 };
      },
    }).addTo(map);
    var big = L.layerGroup(), small = L.layerGroup();
    basemap.cities.forEach(function (c) {
      var label = el("span", "tm-city-label", c[0]);
      var icon = L.divIcon({ className: "tm-city", html: label, iconSize: null });
      L.marker([c[1], c[2]], { icon: icon, pane: "tmCities", interactive: false, keyboard: false })
        .addTo(c[3] >= 400000 ? big : small);
    });
    big.addTo(map);
    function byZoom() {
      if (map.getZoom() >= 7) small.addTo(map); else small.remove();
    }
    map.on("zoomend", byZoom);
    byZoom();
    map.attributionControl.addAttribution(basemap.credit);
  }

  /* ---------------------------------------------------------- page tools */

  function button(text, className, onClick) {
    var b = el("button", "tm-tool " + className, text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  /* A small dialog with a read-only text to copy (the link or the iframe code). */
  function copyDialog(map, title, text) {
    var old = map.getContainer().querySelector(".tm-dialog");
    if (old) old.remove();
    var box = el("div", "tm-panel tm-dialog");
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", title);
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    box.appendChild(el("div", "tm-heading", title));
    var area = el("textarea", "tm-copy-text");
    area.readOnly = true;
    area.value = text;
    area.rows = 3;
    box.appendChild(area);
    var row = el("div", "tm-row");
    var copy = button("Copy", "tm-copy", function () {
      area.select();
      var done = function () { copy.textContent = "Copied"; };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, function () {});
      else { try { document.execCommand("copy"); done(); } catch (e) { /* select and copy by hand */ } }
    });
    row.appendChild(copy);
    row.appendChild(button("Close", "tm-close", function () { box.remove(); }));
    box.appendChild(row);
    map.getContainer().appendChild(box);
    area.focus();
    area.select();
    return box;
  }

  function shareUrl(s) {
    _.writeHash(s.map, s, s.regions || null);
    return location.href;
  }

  /* The iframe snippet a CMS takes; the title becomes the frame's accessible name. */
  function embedCode(s, title) {
    var frame = document.createElement("iframe");
    frame.setAttribute("src", shareUrl(s));
    frame.setAttribute("title", title);
    frame.setAttribute("width", "100%");
    frame.setAttribute("height", "640");
    frame.setAttribute("style", "border:0");
    frame.setAttribute("loading", "lazy");
    frame.setAttribute("allowfullscreen", "");
    return frame.outerHTML;
  }

  /* Title, range, counts and credits: on paper, where no control can be read. */
  function printHeader(s, options) {
    var head = el("header", "tm-print-head");
    head.appendChild(el("h1", null, options.title));
    if (options.description) head.appendChild(el("p", null, options.description));
    var line = el("p", "tm-print-range");
    head.appendChild(line);
    var credit = el("p", "tm-print-credit");
    head.appendChild(credit);
    function render() {
      line.textContent = "Events from " + dayToIso(s.from) + " to " + dayToIso(s.to) + ": " +
        fmt(s.visible) + " on the map" + (s.query ? ", matching \u201c" + s.query + "\u201d" : "");
      credit.textContent = "Generated " + options.generated + " from " + fmt(options.outlets.length) +
        " outlets. Map: " + s.map.attributionControl.getContainer().textContent;
    }
    s.on(render);
    window.addEventListener("beforeprint", render);
    render();
    document.body.insertBefore(head, document.body.firstChild);
    return head;
  }

  function pageTools(s, options, list) {
    var row = el("div", "tm-tools");
    row.appendChild(button("List", "tm-list-button", function () { list.toggle(); }));
    row.appendChild(button("Share", "tm-share", function () { copyDialog(s.map, "Link to this view", shareUrl(s)); }));
    row.appendChild(button("Embed", "tm-embed", function () {
      copyDialog(s.map, "Embed code (paste into the article's HTML)", embedCode(s, options.title));
    }));
    row.appendChild(button("Print", "tm-print", function () { window.print(); }));
    printHeader(s, options);
    return row;
  }

  _.addBasemap = addBasemap;
  _.pageTools = pageTools;
})(window.TrackerMap = window.TrackerMap || {});
