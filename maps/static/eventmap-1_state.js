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
    var byStart = new Uint32Array(n), byEnd = new Uint32Array(n);
    for (i = 0; i < n; i++) { byStart[i] = i; byEnd[i] = i; }
    byEnd.sort(function (a, b) { return d1[a] - d1[b]; });
    var x = new Float64Array(n), y = new Float64Array(n), located = new Uint8Array(n);
    var lat = new Float64Array(n);
    for (i = 0; i < n; i++) {
      if (cols.lat[i] === NO_COORD) continue;
      lat[i] = cols.lat[i] / 1e4;
      var p = L.CRS.EPSG3857.latLngToPoint(L.latLng(lat[i], cols.lon[i] / 1e4), 0);
      x[i] = p.x; y[i] = p.y; located[i] = 1;
    }
    return {
      n: n, d0: d0, d1: d1, byStart: byStart, byEnd: byEnd, x: x, y: y, lat: lat,
      located: located, t: cols.t, p: cols.p, cols: cols, low: lowFlags(cols, n, hideBelow),
    };
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
    var d = this.data, confident = this.lowOn || !d.low[i];
    return this.inRange[i] && this.typeOn[d.t[i]] && d.located[i] && confident ? 1 : 0;
  };

  EventMap.prototype._setInRange = function (i, flag) {
    if (this.inRange[i] === flag) return;
    this.inRange[i] = flag;
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
