/* The canvas layer that paints the shown events and finds those under the pointer. */
(function (TM) {
  "use strict";
  var _ = TM._ = TM._ || {};
  var REGION_RADIUS_M = _.REGION_RADIUS_M;
  var TOUCH = !!(window.matchMedia && window.matchMedia("(pointer: coarse)").matches);

  /* ------------------------------------------------------- canvas layer */

  function spriteFrom(rgba, side, half) {
    var dx = [], dy = [], px = [], alpha = [], red = [], green = [], blue = [];
    for (var y = 0; y < side; y++) {
      for (var x = 0; x < side; x++) {
        var o = (y * side + x) * 4;
        if (!rgba[o + 3]) continue;
        dx.push(x - half); dy.push(y - half);
        red.push(rgba[o]); green.push(rgba[o + 1]); blue.push(rgba[o + 2]); alpha.push(rgba[o + 3]);
        px.push(((rgba[o + 3] << 24) | (rgba[o + 2] << 16) | (rgba[o + 1] << 8) | rgba[o]) >>> 0);
      }
    }
    return {
      dx: Int16Array.from(dx), dy: Int16Array.from(dy), px: Uint32Array.from(px),
      a: Uint8Array.from(alpha), r: Uint8Array.from(red), g: Uint8Array.from(green), b: Uint8Array.from(blue),
    };
  }

  /* Copy sprites onto RGBA pixels (little-endian words): pts holds x, y and a
   * sprite index per point; edge pixels are blended over what is there. */
  function stamp(buf, W, H, pts, sprites) {
    for (var k = 0; k < pts.length; k += 3) {
      var cx = pts[k], cy = pts[k + 1], sp = sprites[pts[k + 2]], n = sp.dx.length;
      for (var j = 0; j < n; j++) {
        var x = cx + sp.dx[j], y = cy + sp.dy[j];
        if (x < 0 || y < 0 || x >= W || y >= H) continue;
        var idx = y * W + x, a = sp.a[j], dst = buf[idx], da = dst >>> 24;
        if (a === 255 || da === 0) { buf[idx] = sp.px[j]; continue; }
        var fa = a / 255, ia = 1 - fa;
        var red = (sp.r[j] * fa + (dst & 255) * ia) | 0;
        var green = (sp.g[j] * fa + ((dst >>> 8) & 255) * ia) | 0;
        var blue = (sp.b[j] * fa + ((dst >>> 16) & 255) * ia) | 0;
        var out = Math.min(255, (a + da * ia) | 0);
        buf[idx] = ((out << 24) | (blue << 16) | (green << 8) | red) >>> 0;
      }
    }
  }

  var CanvasLayer = L.Layer.extend({
    initialize: function (state) { this._state = state; this._frame = 0; },

    onAdd: function (map) {
      this._canvas = L.DomUtil.create("canvas", "tm-canvas leaflet-zoom-animated");
      map.getPanes().overlayPane.appendChild(this._canvas);
      map.on("moveend zoomend resize viewreset", this._reset, this);
      map.on("zoomanim", this._animateZoom, this);
      this._reset();
    },

    onRemove: function (map) {
      L.DomUtil.remove(this._canvas);
      map.off("moveend zoomend resize viewreset", this._reset, this);
      map.off("zoomanim", this._animateZoom, this);
    },

    _animateZoom: function (e) {
      var scale = this._map.getZoomScale(e.zoom);
      var offset = this._map._latLngBoundsToNewLayerBounds(this._map.getBounds(), e.zoom, e.center).min;
      L.DomUtil.setTransform(this._canvas, offset, scale);
    },

    _reset: function () {
      var map = this._map, size = map.getSize(), ratio = window.devicePixelRatio || 1;
      L.DomUtil.setPosition(this._canvas, map.containerPointToLayerPoint([0, 0]));
      this._canvas.width = size.x * ratio;
      this._canvas.height = size.y * ratio;
      this._canvas.style.width = size.x + "px";
      this._canvas.style.height = size.y + "px";
      this._ratio = ratio;
      this.schedule(); // a fit, a resize and the first view in one frame: one paint
    },

    /* Coalesce redraw requests to one paint per animation frame. */
    schedule: function () {
      if (this._frame) return;
      var self = this;
      this._frame = L.Util.requestAnimFrame(function () { self._frame = 0; self.redraw(); });
    },

    radii: function () {
      var z = this._map.getZoom();
      var r = z <= 5 ? 2.5 : z <= 7 ? 3.5 : z <= 9 ? 4.5 : 6;
      if (TOUCH || _.narrow(this._map)) r += 1.5; // a finger needs a visible target
      var centre = this._map.getCenter();
      var metresPerPx = 40075016.686 * Math.cos(centre.lat * Math.PI / 180) / (256 * Math.pow(2, z));
      return { solid: r, ring: r + 1.5, region: Math.max(r + 4, REGION_RADIUS_M / metresPerPx) };
    },

    /* Screen position of event i, or null when it is not on the map. */
    project: function (i, view) {
      var d = this._state.data;
      if (!d.located[i]) return null;
      return [d.x[i] * view.scale - view.ox, d.y[i] * view.scale - view.oy];
    },

    view: function () {
      var map = this._map, scale = Math.pow(2, map.getZoom());
      var origin = map.getPixelBounds().min;
      return { scale: scale, ox: origin.x, oy: origin.y };
    },

    /* Paint the shown events. Points are stamped into an ImageData buffer from
     * small pre-rendered sprites (software-rasterised canvas arcs cost ~6 ms per
     * 1,000 points; stamping costs a fraction), in date order so the newest
     * events are on top whatever their type, and a point whose sprite already
     * sits on the same pixel is skipped. Region-level circles are few distinct
     * centres, so they are drawn as canvas paths underneath. */
    redraw: function () {
      if (!this._map) return;
      if (this._frame) { L.Util.cancelAnimFrame(this._frame); this._frame = 0; }
      var s = this._state, d = s.data, ctx = this._canvas.getContext("2d");
      var size = this._map.getSize(), view = this.view(), radii = this.radii(), ratio = this._ratio;
      var W = this._canvas.width, H = this._canvas.height, pad = radii.region;
      var points = [], regions = [], seen = this._grid(W * H);
      for (var t = 0; t < s.types.length; t++) regions.push([]);
      for (var i = 0; i < d.n; i++) {
        if (!s.shown[i]) continue;
        var sx = d.x[i] * view.scale - view.ox, sy = d.y[i] * view.scale - view.oy;
        if (sx < -pad || sy < -pad || sx > size.x + pad || sy > size.y + pad) continue;
        var b = d.t[i] * 3 + (d.p[i] === 3 ? 2 : d.p[i] === 2 ? 1 : 0);
        var px = Math.round(sx * ratio), py = Math.round(sy * ratio);
        if (b < 32 && px >= 0 && py >= 0 && px < W && py < H) {
          var key = py * W + px, bit = 1 << b;
          if (seen[key] & bit) continue;
          seen[key] |= bit;
        }
        if (d.p[i] === 3) regions[d.t[i]].push(px, py);
        else points.push(px, py, b);
      }
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, W, H);
      this._drawRegions(ctx, regions, radii.region * ratio);
      this._stampPoints(ctx, points, radii, W, H);
      s.paints += 1;
      s.lastPaintAt = performance.now();
    },

    _grid: function (cells) {
      if (!this._seen || this._seen.length !== cells) this._seen = new Uint32Array(cells);
      else this._seen.fill(0);
      return this._seen;
    },

    _drawRegions: function (ctx, regions, r) {
      ctx.setLineDash([4 * this._ratio, 4 * this._ratio]);
      ctx.lineWidth = this._ratio;
      for (var t = 0; t < this._state.types.length; t++) {
        var pts = regions[t];
        if (!pts.length) continue;
        ctx.beginPath();
        for (var k = 0; k < pts.length; k += 2) {
          ctx.moveTo(pts[k] + r, pts[k + 1]);
          ctx.arc(pts[k], pts[k + 1], r, 0, 2 * Math.PI);
        }
        ctx.fillStyle = this._state.colours[t];
        ctx.globalAlpha = 0.05;
        ctx.fill();
        ctx.globalAlpha = 0.45;
        ctx.strokeStyle = this._state.colours[t];
        ctx.stroke();
      }
      ctx.setLineDash([]);
      ctx.globalAlpha = 1;
    },

    _stampPoints: function (ctx, points, radii, W, H) {
      if (!this._scratch || this._scratch.width !== W || this._scratch.height !== H) {
        this._scratch = document.createElement("canvas");
        this._scratch.width = W;
        this._scratch.height = H;
        this._image = this._scratch.getContext("2d").createImageData(W, H);
      }
      var sprites = [];
      for (var t = 0; t < this._state.types.length; t++) {
        sprites.push(this._sprite(t, "solid", radii.solid), this._sprite(t, "ring", radii.ring), null);
      }
      var buf = new Uint32Array(this._image.data.buffer);
      buf.fill(0);
      stamp(buf, W, H, points, sprites);
      this._scratch.getContext("2d").putImageData(this._image, 0, 0);
      ctx.drawImage(this._scratch, 0, 0);
    },

    /* A marker drawn once with canvas arcs, kept as the pixels it covers. */
    _sprite: function (t, kind, r) {
      var ratio = this._ratio, key = [t, kind, r, ratio].join("/");
      this._sprites = this._sprites || {};
      if (this._sprites[key]) return this._sprites[key];
      var half = Math.ceil((r + 2) * ratio), side = 2 * half + 1;
      var c = document.createElement("canvas");
      c.width = c.height = side;
      var g = c.getContext("2d"), colour = this._state.colours[t];
      g.setTransform(ratio, 0, 0, ratio, half + 0.5, half + 0.5);
      g.beginPath();
      g.arc(0, 0, r, 0, 2 * Math.PI);
      if (kind === "solid") {
        g.fillStyle = colour; g.globalAlpha = 0.9; g.fill();
        g.globalAlpha = 1; g.lineWidth = 0.75; g.strokeStyle = "rgba(255,255,255,0.9)"; g.stroke();
      } else {
        g.fillStyle = "#ffffff"; g.globalAlpha = 0.35; g.fill();
        g.globalAlpha = 0.95; g.lineWidth = 1.5; g.strokeStyle = colour; g.stroke();
      }
      this._sprites[key] = spriteFrom(g.getImageData(0, 0, side, side).data, side, half);
      return this._sprites[key];
    },

    /* Shown events within reach of a container point, newest first. */
    hits: function (point) {
      // A tap target at least 24 px across (WCAG 2.5.8), whatever the dot's size.
      var s = this._state, d = s.data, view = this.view(), reach = Math.max(12, this.radii().ring + 3);
      var found = [];
      for (var i = 0; i < d.n; i++) {
        if (!s.shown[i]) continue;
        var dx = d.x[i] * view.scale - view.ox - point.x, dy = d.y[i] * view.scale - view.oy - point.y;
        if (dx * dx + dy * dy <= reach * reach) found.push(i);
      }
      found.sort(function (a, b) { return d.d0[b] - d.d0[a]; });
      return found;
    },
  });

  _.CanvasLayer = CanvasLayer;
})(window.TrackerMap = window.TrackerMap || {});
