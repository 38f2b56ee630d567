/* The map state: decoded columns, the date range, type toggles, the
 * low-confidence switch and counts. */
(function (TM) {
  "use strict";
  var _ = TM._ = TM._ || {};
  var NO_COORD = _.NO_COORD, lowerBound = _.lowerBound;

  /* ---------------------------------------------------------------- data */

  function decode(cols, hideBelow) {
    var n = cols.d0.length;
    var d0 = new Int32Array(n), d1 = new Int32Array(n), day = 0;
    for (var i = 0; i < n; i++) {
      day += cols.d0[i];
      d0[i] = day;
      d1[i] = day + cols.span[i];
    }
    var byStart = new Uint32Array(n);
    for (i = 0; i < n; i++) byStart[i] = i; // rows come sorted by first day
    var byEnd = byLastDay(d1, n);
    var x = new Float64Array(n), y = new Float64Array(n), located = new Uint8Array(n);
    var lat = new Float64Array(n);
    for (i = 0; i < n; i++) {
      if (cols.lat[i] === NO_COORD) continue;
      lat[i] = cols.lat[i] / 1e4;
      x[i] = mercatorX(cols.lon[i] / 1e4);
      y[i] = mercatorY(lat[i]);
      located[i] = 1;
    }
    var nsrc = cols.nsrc || new Int32Array(n);
    return {
      n: n, d0: d0, d1: d1, byStart: byStart, byEnd: byEnd, x: x, y: y, lat: lat,
      located: located, t: cols.t, p: cols.p, cols: cols, low: lowFlags(cols, n, hideBelow),
      nsrc: nsrc,
    };
  }

  /* Leaflet's EPSG:3857 pixel position at zoom 0 (256 px world), without a
   * LatLng object per event: 100,000 of them cost a tenth of a second. */
  var MAX_LAT = 85.0511287798;
  function mercatorX(lon) { return (lon + 180) / 360 * 256; }
  function mercatorY(lat) {
    var s = Math.sin(Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI / 180);
    return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * 256;
  }

  /* Rows ordered by last day: a counting sort over the days (a comparison
   * sort of 100,000 rows with a callback costs ten times more). */
  function byLastDay(d1, n) {
    var lo = Infinity, hi = -Infinity, i;
    for (i = 0; i < n; i++) { if (d1[i] < lo) lo = d1[i]; if (d1[i] > hi) hi = d1[i]; }
    var order = new Uint32Array(n);
    if (!n) return order;
    var start = new Int32Array(hi - lo + 2);
    for (i = 0; i < n; i++) start[d1[i] - lo + 1] += 1;
    for (i = 1; i < start.length; i++) start[i] += start[i - 1];
    for (i = 0; i < n; i++) order[start[d1[i] - lo]++] = i;
    return order;
  }

  /* 1 for an event whose confidence (cf, in thousandths; -1 unknown) is below
   * the threshold; an unknown confidence is never called low. */
  function lowFlags(cols, n, hideBelow) {
    var low = new Uint8Array(n), cf = cols.cf;
    if (!cf || !(hideBelow > 0)) return low;
    for (var i = 0; i < n; i++) low[i] = cf[i] >= 0 && cf[i] < hideBelow ? 1 : 0;
    return low;
  }

  /* --------------------------------------------------------------- state */

  function EventMap(map, cols, options) {
    this.map = map;
    this.options = options;
    this.data = decode(cols, options.hideBelow);
    this.types = cols.types;
    this.colours = cols.colours;
    this.first = options.firstDay;
    this.last = options.lastDay;
    this.from = this.first;
    this.to = this.last;
    this.typeOn = this.types.map(function () { return true; });
    this.hideBelow = options.hideBelow > 0 && cols.cf ? options.hideBelow : 0;
    this.lowOn = false; // low-confidence events start hidden
    this.query = ""; // text search
    this.minSources = 1; // 2: only events reported by two sources or more
    this.minConf = 0; // thousandths; 0: no minimum beyond the switch
    this.pass = new Uint8Array(this.data.n).fill(1); // passes search, sources and minimum
    this.inRange = new Uint8Array(this.data.n);
    this.shown = new Uint8Array(this.data.n);
    this.rangeTotal = new Int32Array(this.types.length); // in range, per type
    this.rangeUnlocated = new Int32Array(this.types.length);
    this.rangeLow = new Int32Array(this.types.length); // of those, low-confidence
    this.rangeLowUnlocated = new Int32Array(this.types.length);
    this.regionCount = new Int32Array(options.regionCount || 0);
    this.visible = 0;
    this.listeners = [];
    this.paints = 0;
    this.lastPaintAt = 0;
    this._initialRange();
  }

  EventMap.prototype.on = function (fn) { this.listeners.push(fn); };

  EventMap.prototype._emit = function (why) {
    for (var i = 0; i < this.listeners.length; i++) this.listeners[i](why);
  };

  EventMap.prototype._initialRange = function () {
    var d = this.data;
    for (var i = 0; i < d.n; i++) {
      if (d.d0[i] <= this.to && d.d1[i] >= this.from) this._setInRange(i, 1);
    }
  };

  EventMap.prototype._isShown = function (i) {
    return this.isListed(i) && this.data.located[i] ? 1 : 0;
  };

  /* In the date range and let through by every filter, with or without a place:
   * what the event list shows. */
  EventMap.prototype.isListed = function (i) {
    var d = this.data, confident = this.lowOn || !d.low[i];
    return this.inRange[i] && this.pass[i] && this.typeOn[d.t[i]] && confident ? 1 : 0;
  };

  EventMap.prototype._setInRange = function (i, flag) {
    if (this.inRange[i] === flag) return;
    this.inRange[i] = flag;
    if (!this.pass[i]) return; // counted only while it passes the other filters
    var t = this.data.t[i], delta = flag ? 1 : -1, located = this.data.located[i];
    if (located) this.rangeTotal[t] += delta; else this.rangeUnlocated[t] += delta;
    if (this.data.low[i]) {
      if (located) this.rangeLow[t] += delta; else this.rangeLowUnlocated[t] += delta;
    }
    this._refreshShown(i);
  };

  EventMap.prototype._refreshShown = function (i) {
    var now = this._isShown(i);
    if (this.shown[i] === now) return;
    this.shown[i] = now;
    this.visible += now ? 1 : -1;
    var rg = this.data.cols.rg;
    if (rg && rg[i] >= 0) this.regionCount[rg[i]] += now ? 1 : -1;
  };

  /* Move the date range, visiting only events whose start or end day lies
   * between the old and the new bound: those are the only ones that can
   * enter or leave the range. */
  EventMap.prototype.setRange = function (from, to) {
    from = Math.max(this.first, Math.min(from, this.last));
    to = Math.max(from, Math.min(to, this.last));
    if (from === this.from && to === this.to) return;
    var d = this.data, oldFrom = this.from, oldTo = this.to;
    this.from = from; this.to = to;
    var self = this;
    function revisit(order, values, lo, hi) {
      for (var p = lowerBound(values, order, lo); p < order.length; p++) {
        var i = order[p];
        if (values[i] >= hi) break;
        self._setInRange(i, d.d0[i] <= to && d.d1[i] >= from ? 1 : 0);
      }
    }
    if (to !== oldTo) revisit(d.byStart, d.d0, Math.min(to, oldTo) + 1, Math.max(to, oldTo) + 1);
    if (from !== oldFrom) revisit(d.byEnd, d.d1, Math.min(from, oldFrom), Math.max(from, oldFrom));
    this._emit("range");
  };

  /* Text search, "two sources or more" and the minimum confidence: they decide
   * pass[i]; the counts are then taken again from scratch (a few ms at 100,000). */
  EventMap.prototype.setFilters = function (changes) {
    var self = this;
    ["query", "minSources", "minConf"].forEach(function (k) {
      if (changes[k] !== undefined) self[k] = changes[k];
    });
    var d = this.data, words = this.query.toLowerCase().split(/\s+/).filter(Boolean);
    var hay = words.length ? this.searchText() : null, cf = d.cols.cf;
    for (var i = 0; i < d.n; i++) {
      var ok = d.nsrc[i] >= this.minSources || this.minSources <= 1;
      if (ok && this.minConf > 0 && cf && cf[i] >= 0) ok = cf[i] >= this.minConf;
      for (var w = 0; ok && w < words.length; w++) ok = hay[i].indexOf(words[w]) >= 0;
      this.pass[i] = ok ? 1 : 0;
    }
    this._recount();
    this._emit("filters");
  };

  /* Lower-case text of each event that the search looks in, built on first use. */
  EventMap.prototype.searchText = function () {
    if (this._hay) return this._hay;
    var d = this.data, c = d.cols, out = new Array(d.n);
    for (var i = 0; i < d.n; i++) {
      var parts = [this.types[d.t[i]], c.st[i] >= 0 ? c.st_names[c.st[i]] : "", _.placeName(c, i),
        c.adm[i] >= 0 ? c.adm_names[c.adm[i]] : "", _.notesText(c, i),
        c.claim && c.claim[i] >= 0 ? c.claim_names[c.claim[i]] : "", c.ids[i]];
      _.sourceRefs(c, i).forEach(function (k) {
        parts.push(c.outlets[c.src_outlet[k]] || "", c.src_title[k] || "");
      });
      out[i] = parts.join(" \n ").toLowerCase();
    }
    this._hay = out;
    return out;
  };

  EventMap.prototype._recount = function () {
    var d = this.data;
    [this.rangeTotal, this.rangeUnlocated, this.rangeLow, this.rangeLowUnlocated,
      this.regionCount].forEach(function (a) { a.fill(0); });
    this.shown.fill(0);
    this.visible = 0;
    for (var i = 0; i < d.n; i++) {
      if (this.inRange[i]) { this.inRange[i] = 0; this._setInRange(i, 1); }
    }
  };

  /* Make event i visible whatever the filters hid it by (a permalink to it). */
  EventMap.prototype.reveal = function (i) {
    var d = this.data;
    if (!this.pass[i]) this.setFilters({ query: "", minSources: 1, minConf: 0 });
    if (!this.typeOn[d.t[i]]) this.setType(d.t[i], true);
    if (d.low[i] && !this.lowOn) this.setLowShown(true);
    if (!this.inRange[i]) this.setRange(Math.min(this.from, d.d0[i]), Math.max(this.to, d.d1[i]));
  };

  /* The row of an event id: the page keeps ids cut to a unique prefix, so a
   * full id and that prefix both find it. -1 when there is none. */
  EventMap.prototype.findEvent = function (id) {
    var ids = this.data.cols.ids, cut = this.data.cols.id_chars || 0;
    id = String(id || "");
    var key = cut && id.length > cut ? id.slice(0, cut) : id;
    if (!key) return -1;
    for (var i = 0; i < ids.length; i++) if (ids[i] === key) return i;
    return -1;
  };

  EventMap.prototype.setType = function (typeIndex, on) {
    if (this.typeOn[typeIndex] === on) return;
    this.typeOn[typeIndex] = on;
    var d = this.data;
    for (var i = 0; i < d.n; i++) if (d.t[i] === typeIndex && this.inRange[i]) this._refreshShown(i);
    this._emit("types");
  };

  /* Show or hide the events below the confidence threshold. */
  EventMap.prototype.setLowShown = function (on) {
    if (this.lowOn === on) return;
    this.lowOn = on;
    var d = this.data;
    for (var i = 0; i < d.n; i++) if (d.low[i] && this.inRange[i]) this._refreshShown(i);
    this._emit("confidence");
  };

  /* Events of type t in the date range that the confidence switch lets through. */
  EventMap.prototype.typeCount = function (t) {
    var all = this.rangeTotal[t] + this.rangeUnlocated[t];
    return this.lowOn ? all : all - this.rangeLow[t] - this.rangeLowUnlocated[t];
  };

  /* In range, of a shown type, let through by the switch, but with no place. */
  EventMap.prototype.unlocatedInView = function () {
    var total = 0;
    for (var t = 0; t < this.types.length; t++) {
      if (!this.typeOn[t]) continue;
      total += this.rangeUnlocated[t] - (this.lowOn ? 0 : this.rangeLowUnlocated[t]);
    }
    return total;
  };

  /* In range, of a shown type, and hidden only by the confidence switch
   * (with or without a place): visible + not on map + this = every event the
   * date and type filters select. */
  EventMap.prototype.lowHiddenInView = function () {
    if (this.lowOn) return 0;
    var total = 0;
    for (var t = 0; t < this.types.length; t++) {
      if (this.typeOn[t]) total += this.rangeLow[t] + this.rangeLowUnlocated[t];
    }
    return total;
  };

  _.EventMap = EventMap;
})(window.TrackerMap = window.TrackerMap || {});
