/* Region shading by the number of events shown. */
(function (TM) {
  "use strict";
  var _ = TM._ = TM._ || {};
  var fmt = _.fmt, el = _.el;

  /* -------------------------------------------------------- choropleth */

  // Neutral greys: no shade of a region can be mistaken for an event type's colour.
  var SCALE = ["#ffffff", "#e4e4e4", "#c9c9c9", "#a8a8a8", "#858585", "#5f5f5f"];

  function breaks(max) {
    // Log-spaced class limits: one town with thousands of strikes must not flatten the rest.
    // No class starts above the largest count, so the legend shows no empty classes.
    var out = [1];
    for (var k = 1; k < SCALE.length - 1; k++) {
      var b = Math.round(Math.pow(Math.max(max, 1), k / (SCALE.length - 1)));
      b = Math.max(b, out[out.length - 1] + 1);
      if (b > max) break;
      out.push(b);
    }
    return out;
  }

  function colourFor(count, limits) {
    if (!count) return null;
    var k = 0;
    while (k < limits.length && count >= limits[k]) k++;
    return SCALE[k];
  }

  function choropleth(map, s, options) {
    map.createPane("tmRegions").style.zIndex = 350;
    var names = options.regionNames, layers = [];
    function regionLabel(k) {
      var n = s.regionCount[k];
      return el("span", null, names[k] + ": " + fmt(n) + (n === 1 ? " event" : " events") + " shown");
    }
    // Without a boundaries file the regions are the basemap's oblasts, sent once.
    var geo = L.geoJSON(options.boundaries || _.basemap.regions, {
      pane: "tmRegions",
      style: function () { return { color: "#8a8a8a", weight: 0.6, fillOpacity: 0, fillColor: "#fff" }; },
      onEachFeature: function (feature, layer) {
        var k = layers.length;
        layers.push(layer);
        layer.bindTooltip(function () { return regionLabel(k); }, { sticky: true });
      },
    });
    var legend = el("div", "tm-regions");
    var toggleLabel = el("label", "tm-type-row");
    var toggle = el("input");
    toggle.type = "checkbox";
    toggle.checked = options.regionsOn !== false;
    toggle.className = "tm-regions-toggle";
    toggleLabel.appendChild(toggle);
    toggleLabel.appendChild(el("span", null, "Shade regions by events shown"));
    legend.appendChild(toggleLabel);
    var scale = el("div", "tm-scale");
    legend.appendChild(scale);
    var api = { legend: legend, on: toggle.checked };
    function restyle() {
      var max = 0;
      for (var k = 0; k < s.regionCount.length; k++) max = Math.max(max, s.regionCount[k]);
      var limits = breaks(max);
      layers.forEach(function (layer, k) {
        var fill = colourFor(s.regionCount[k], limits);
        layer.setStyle({ fillColor: fill || "#ffffff", fillOpacity: fill ? 0.5 : 0 });
        if (layer.isTooltipOpen()) layer.setTooltipContent(regionLabel(k));
      });
      scale.textContent = "";
      limits.forEach(function (low, k) {
        var item = el("span", "tm-scale-item");
        var sw = el("span", "tm-swatch");
        sw.style.background = SCALE[k + 1];
        item.appendChild(sw);
        var hiLimit = k + 1 < limits.length ? limits[k + 1] - 1 : null;
        var label = fmt(low);
        if (hiLimit === null) label += "+";
        else if (hiLimit > low) label += "–" + fmt(hiLimit);
        item.appendChild(el("span", null, label));
        scale.appendChild(item);
      });
    }
    function show(on) {
      api.on = on;
      toggle.checked = on;
      if (on) geo.addTo(map); else geo.remove();
      scale.style.display = on ? "" : "none";
    }
    toggle.addEventListener("change", function () { show(toggle.checked); s._emit("regions"); });
    api.show = show;
    s.on(restyle);
    restyle();
    show(toggle.checked);
    return api;
  }

  _.choropleth = choropleth;
})(window.TrackerMap = window.TrackerMap || {});
