/* The time panel, the legend (with the type and confidence switches) and the title panel. */
(function (TM) {
  "use strict";
  var _ = TM._ = TM._ || {};
  var dayToIso = _.dayToIso, isoToDay = _.isoToDay, fmt = _.fmt, el = _.el;
  var thresholdText = _.thresholdText;

  /* ----------------------------------------------------------- controls */

  function timeControl(s, layer) {
    var box = el("div", "tm-panel tm-time");
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    var row = el("div", "tm-row");
    var play = el("button", "tm-play", "▶ Play");
    play.type = "button";
    play.title = "Animate: slide the current window forward in time";
    var from = el("input", "tm-from"), to = el("input", "tm-to");
    [from, to].forEach(function (input) {
      input.type = "date";
      input.min = dayToIso(s.first);
      input.max = dayToIso(s.last);
    });
    from.setAttribute("aria-label", "From date");
    to.setAttribute("aria-label", "To date");
    row.appendChild(play);
    row.appendChild(el("label", null, "From"));
    row.appendChild(from);
    row.appendChild(el("label", null, "to"));
    row.appendChild(to);
    var count = el("div", "tm-count");
    count.setAttribute("aria-live", "polite");
    row.appendChild(count);
    box.appendChild(row);
    var hist = el("canvas", "tm-hist");
    box.appendChild(hist);
    var sliders = el("div", "tm-sliders");
    var lo = el("input", "tm-lo"), hi = el("input", "tm-hi");
    [lo, hi].forEach(function (input) {
      input.type = "range";
      input.min = s.first;
      input.max = s.last;
      input.step = 1;
      sliders.appendChild(input);
    });
    lo.setAttribute("aria-label", "Start of the date range");
    hi.setAttribute("aria-label", "End of the date range");
    box.appendChild(sliders);

    var pending = null;
    function request(f, t) {
      // Coalesce slider input to one update per animation frame.
      var first = pending === null;
      pending = [f, t];
      if (first) L.Util.requestAnimFrame(function () {
        var next = pending; pending = null;
        s.setRange(next[0], next[1]);
      });
    }
    lo.addEventListener("input", function () {
      var v = +lo.value, other = pending ? pending[1] : s.to;
      if (v > other) { v = other; lo.value = v; }
      request(v, other);
    });
    hi.addEventListener("input", function () {
      var v = +hi.value, other = pending ? pending[0] : s.from;
      if (v < other) { v = other; hi.value = v; }
      request(other, v);
    });
    function onDate(edited) {
      // The field just edited wins: a "from" after "to" pulls "to" along, and vice versa.
      var f = isoToDay(from.value), t = isoToDay(to.value);
      if (f === null || t === null) return;
      if (f > t) { if (edited === from) t = f; else f = t; }
      s.setRange(f, t);
    }
    from.addEventListener("change", function () { onDate(from); });
    to.addEventListener("change", function () { onDate(to); });

    var timer = null;
    function stop() {
      if (timer) clearInterval(timer);
      timer = null;
      play.textContent = "▶ Play";
      play.classList.remove("tm-playing");
    }
    function step() {
      var width = s.to - s.from;
      var stride = Math.max(1, Math.round((width + 1) / 7));
      if (s.to >= s.last) { stop(); return; }
      var t = Math.min(s.last, s.to + stride);
      s.setRange(t - width, t);
    }
    play.addEventListener("click", function () {
      if (timer) { stop(); return; }
      if (s.from === s.first && s.to === s.last) s.setRange(s.first, Math.min(s.last, s.first + 29));
      else if (s.to >= s.last) s.setRange(s.first, s.first + (s.to - s.from));
      play.textContent = "❚❚ Pause";
      play.classList.add("tm-playing");
      timer = setInterval(step, 250);
    });

    var histogram = weeklyCounts(s);
    if (window.ResizeObserver) {
      new ResizeObserver(function () { drawHistogram(hist, histogram, s); }).observe(hist);
    }
    s.playing = function () { return timer !== null; };
    function render() {
      from.value = dayToIso(s.from);
      to.value = dayToIso(s.to);
      lo.value = s.from;
      hi.value = s.to;
      var away = s.unlocatedInView(), low = s.lowHiddenInView();
      count.textContent = fmt(s.visible) + (s.visible === 1 ? " event" : " events") + " on map" +
        (away ? " · " + fmt(away) + " not on map (no place known)" : "") +
        (low ? " · " + lowHiddenText(low) : "");
      count.dataset.visible = s.visible;
      count.dataset.unlocated = away;
      count.dataset.lowHidden = low;
      drawHistogram(hist, histogram, s);
    }
    s.on(render);
    render();
    return box;
  }

  function weeklyCounts(s) {
    var d = s.data, bins = Math.max(1, Math.ceil((s.last - s.first + 1) / 7));
    var counts = new Int32Array(bins);
    for (var i = 0; i < d.n; i++) counts[Math.floor((d.d0[i] - s.first) / 7)] += 1;
    return counts;
  }

  var AXIS_PX = 13; // room under the bars for the date labels
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  /* Date ticks for the axis: years, quarters, months or weeks, whichever
   * leaves about 60 px per label. */
  function axisTicks(first, last, width) {
    var span = last - first + 1, perPx = span / Math.max(width, 1), ticks = [];
    var stepMonths = perPx * 60 > 400 ? 12 : perPx * 60 > 150 ? 3 : perPx * 60 > 25 ? 1 : 0;
    var d = new Date(first * _.DAY_MS);
    if (!stepMonths) {
      for (var day = first + ((4 - first % 7) + 7) % 7; day <= last; day += 7) {
        var w = new Date(day * _.DAY_MS);
        ticks.push([day, w.getUTCDate() + " " + MONTHS[w.getUTCMonth()]]);
      }
      return ticks;
    }
    var y = d.getUTCFullYear(), m = d.getUTCMonth();
    m = Math.ceil((m + (d.getUTCDate() > 1 ? 1 : 0)) / stepMonths) * stepMonths;
    for (;; m += stepMonths) {
      var t = Math.round(Date.UTC(y, m, 1) / _.DAY_MS);
      if (t > last) break;
      var at = new Date(t * _.DAY_MS), mm = at.getUTCMonth();
      ticks.push([t, stepMonths === 12 || mm === 0 ? String(at.getUTCFullYear()) : MONTHS[mm]]);
    }
    return ticks;
  }

  /* Weekly bars at the device's pixel ratio (sharp on any screen), the chosen
   * range dark, with a date axis under them. */
  function drawHistogram(canvas, counts, s) {
    var w = canvas.clientWidth, h = canvas.clientHeight, ratio = window.devicePixelRatio || 1;
    if (!w || !h) return; // not laid out yet: the ResizeObserver draws it
    if (canvas.width !== Math.round(w * ratio) || canvas.height !== Math.round(h * ratio)) {
      canvas.width = Math.round(w * ratio);
      canvas.height = Math.round(h * ratio);
    }
    var ctx = canvas.getContext("2d"), bars = h - AXIS_PX;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, w, h);
    var max = 1;
    for (var k = 0; k < counts.length; k++) max = Math.max(max, counts[k]);
    var span = s.last - s.first + 1, pxPerDay = w / span;
    for (k = 0; k < counts.length; k++) {
      var start = s.first + k * 7, inside = start + 6 >= s.from && start <= s.to;
      ctx.fillStyle = inside ? "#444" : "#c8c8c8";
      var bh = Math.max(counts[k] ? 1.5 : 0, (counts[k] / max) * (bars - 2));
      var x0 = k * 7 * pxPerDay, x1 = Math.min(w, (k + 1) * 7 * pxPerDay);
      ctx.fillRect(x0, bars - bh, Math.max(1, x1 - x0 - (x1 - x0 > 3 ? 0.5 : 0)), bh);
    }
    ctx.fillStyle = "#999";
    ctx.fillRect(0, bars, w, 1);
    ctx.fillStyle = "#555";
    ctx.font = "10px system-ui, sans-serif";
    ctx.textBaseline = "top";
    var lastRight = -Infinity;
    axisTicks(s.first, s.last, w).forEach(function (tick) {
      var x = (tick[0] - s.first) * pxPerDay, tw = ctx.measureText(tick[1]).width;
      ctx.fillRect(x, bars, 1, 3);
      var tx = Math.min(Math.max(0, x - tw / 2), w - tw);
      if (tx > lastRight + 4) { ctx.fillText(tick[1], tx, bars + 3); lastRight = tx + tw; }
    });
  }

  function legendControl(s, regions) {
    var box = el("div", "tm-panel tm-legend");
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    var toggle = el("button", "tm-legend-toggle", "Legend");
    toggle.type = "button";
    toggle.addEventListener("click", function () { box.classList.toggle("tm-open"); });
    box.appendChild(toggle);
    var body = el("div", "tm-legend-body");
    body.appendChild(el("div", "tm-heading", "Event types"));
    var counts = [];
    s.types.forEach(function (name, t) {
      var label = el("label", "tm-type-row");
      var check = el("input");
      check.type = "checkbox";
      check.checked = s.typeOn[t];
      check.dataset.type = name;
      check.addEventListener("change", function () { s.setType(t, check.checked); });
      var swatch = el("span", "tm-swatch");
      swatch.style.background = s.colours[t];
      var c = el("span", "tm-type-count");
      counts.push([c, check]);
      label.appendChild(check);
      label.appendChild(swatch);
      label.appendChild(el("span", "tm-type-name", name));
      label.appendChild(c);
      body.appendChild(label);
    });
    body.appendChild(el("div", "tm-heading", "How exact is the place?"));
    [["tm-key-solid", "the settlement itself"], ["tm-key-ring", "near a place (approximate)"],
     ["tm-key-region", "region only: somewhere around here"]].forEach(function (row) {
      var line = el("div", "tm-key-row");
      line.appendChild(el("span", "tm-key " + row[0]));
      line.appendChild(el("span", null, row[1]));
      body.appendChild(line);
    });
    var confidence = s.hideBelow ? confidenceSwitch(s) : null;
    if (confidence) body.appendChild(confidence.node);
    var filters = filterControls(s);
    body.appendChild(filters.node);
    if (regions) body.appendChild(regions.legend);
    box.appendChild(body);
    function render() {
      counts.forEach(function (pair, t) {
        pair[0].textContent = fmt(s.typeCount(t));
        pair[1].checked = s.typeOn[t];
      });
      if (confidence) confidence.render();
      filters.render();
    }
    s.on(render);
    render();
    return box;
  }

  var MIN_CONFIDENCE = [0, 300, 500, 700, 900]; // thousandths offered by the select

  /* "Reported by 2 sources or more" and a minimum confidence: stricter views
   * for a newsroom that publishes only corroborated events. */
  function filterControls(s) {
    var node = el("div", "tm-filters");
    node.appendChild(el("div", "tm-heading", "Corroboration"));
    var two = _.checkRow("tm-two-sources", "Only events reported by 2 or more sources",
      function (on) { s.setFilters({ minSources: on ? 2 : 1 }); }).input;
    node.appendChild(two.parentNode);
    var pick = null;
    if (s.data.cols.cf) {
      var row = el("label", "tm-type-row");
      row.appendChild(el("span", "tm-type-name", "Minimum confidence"));
      pick = el("select", "tm-min-confidence");
      MIN_CONFIDENCE.forEach(function (v) {
        var o = el("option", null, v ? "≥ " + thresholdText(v) : "any");
        o.value = v;
        pick.appendChild(o);
      });
      pick.addEventListener("change", function () { s.setFilters({ minConf: +pick.value }); });
      row.appendChild(pick);
      node.appendChild(row);
    }
    return {
      node: node,
      render: function () {
        two.checked = s.minSources >= 2;
        if (pick) pick.value = String(s.minConf);
      },
    };
  }

  function lowHiddenText(n) {
    return fmt(n) + " low-confidence hidden";
  }

  /* The switch that shows the events below the confidence threshold, off at
   * first, with the number it hides in the chosen dates and types. */
  function confidenceSwitch(s) {
    var node = el("div", "tm-confidence");
    node.appendChild(el("div", "tm-heading", "Confidence"));
    var check = _.checkRow("tm-low-toggle",
      "Show low-confidence events (<\u00a0" + thresholdText(s.hideBelow) + ")",
      function (on) { s.setLowShown(on); }).input;
    node.appendChild(check.parentNode);
    var note = el("div", "tm-low-count");
    note.setAttribute("aria-live", "polite");
    node.appendChild(note);
    return {
      node: node,
      render: function () {
        var hidden = s.lowHiddenInView();
        check.checked = s.lowOn;
        note.textContent = s.lowOn ? "Low-confidence events are shown" : lowHiddenText(hidden);
        note.dataset.hidden = hidden;
      },
    };
  }

  function infoControl(options) {
    var box = el("div", "tm-panel tm-info");
    L.DomEvent.disableClickPropagation(box);
    box.appendChild(el("h1", "tm-title", options.title));
    if (options.description) box.appendChild(el("p", "tm-description", options.description));
    var meta = el("div", "tm-meta", "Generated " + options.generated + " · " +
      fmt(options.nEvents) + " events from " + fmt(options.outlets.length) +
      (options.outlets.length === 1 ? " outlet" : " outlets"));
    box.appendChild(meta);
    if (options.outlets.length) {
      var details = el("details", "tm-outlets");
      details.appendChild(el("summary", null, "Sources"));
      details.appendChild(el("p", null, options.outlets.join(", ")));
      box.appendChild(details);
    }
    return box;
  }

  _.timeControl = timeControl;
  _.legendControl = legendControl;
  _.infoControl = infoControl;
})(window.TrackerMap = window.TrackerMap || {});
