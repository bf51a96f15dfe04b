// The page's half of the browser pygame (game/web/shim/pygame): surfaces are canvases.
//
// The Python side keeps the state pygame has (rects, clip rects, fonts, key codes); each
// drawing call comes here once, with plain numbers, so a frame crosses from Python to
// JavaScript once per blit or shape and never per pixel. A surface is
// {c: canvas, x: its 2d context, ox, oy: where it sits in that canvas (subsurfaces share
// their parent's pixels), w, h, alpha: has per-pixel alpha, cl: [x, y, w, h] the clip}.
"use strict";

const pg = (() => {
  const make = (w, h) => {
    const c = new OffscreenCanvas(Math.max(1, w), Math.max(1, h));
    const x = c.getContext("2d");
    x.imageSmoothingEnabled = false;
    return [c, x];
  };

  const rgba = (r, g, b, a) => `rgba(${r},${g},${b},${a / 255})`;

  function surface(w, h, alpha) {
    const [c, x] = make(w, h);
    if (!alpha) {
      x.fillStyle = "#000";
      x.fillRect(0, 0, w, h);
    }
    return { c, x, ox: 0, oy: 0, w, h, alpha: !!alpha, cl: [0, 0, w, h] };
  }

  function onCanvas(canvas, w, h) {
    canvas.width = w;
    canvas.height = h;
    const x = canvas.getContext("2d", { alpha: false });
    x.imageSmoothingEnabled = false;
    x.fillStyle = "#000";
    x.fillRect(0, 0, w, h);
    return { c: canvas, x, ox: 0, oy: 0, w, h, alpha: false, cl: [0, 0, w, h] };
  }

  function subsurface(s, x, y, w, h) {
    return { c: s.c, x: s.x, ox: s.ox + x, oy: s.oy + y, w, h, alpha: s.alpha, cl: [0, 0, w, h] };
  }

  // the part of rect [x, y, w, h] (surface coordinates) inside the clip; null if none
  function clipped(s, x, y, w, h) {
    const [cx, cy, cw, ch] = s.cl;
    const x0 = Math.max(x, cx), y0 = Math.max(y, cy);
    const x1 = Math.min(x + w, cx + cw), y1 = Math.min(y + h, cy + ch);
    return x1 > x0 && y1 > y0 ? [x0, y0, x1 - x0, y1 - y0] : null;
  }

  function setClip(s, x, y, w, h) {
    const x0 = Math.max(0, x), y0 = Math.max(0, y);
    const x1 = Math.min(s.w, x + w), y1 = Math.min(s.h, y + h);
    s.cl = [x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0)];
  }

  const whole = (s) => s.cl[0] === 0 && s.cl[1] === 0 && s.cl[2] === s.w && s.cl[3] === s.h
    && s.ox === 0 && s.oy === 0 && s.w === s.c.width && s.h === s.c.height;

  // pygame writes a fill's pixels as they are (alpha too): clear, then paint. The Python
  // side has already cut the box to the clip rect.
  function fill(s, css, x, y, w, h) {
    if (s.alpha) s.x.clearRect(s.ox + x, s.oy + y, w, h);
    s.x.fillStyle = css;
    s.x.fillRect(s.ox + x, s.oy + y, w, h);
  }

  function blit(d, s, sx, sy, w, h, dx, dy) {
    d.x.drawImage(s.c, s.ox + sx, s.oy + sy, w, h, d.ox + dx, d.oy + dy, w, h);
  }

  // paths (lines, circles, polygons) are clipped by the canvas when the surface needs it
  function withClip(s, paint) {
    const x = s.x;
    x.save();
    if (!whole(s)) {
      x.beginPath();
      x.rect(s.ox + s.cl[0], s.oy + s.cl[1], s.cl[2], s.cl[3]);
      x.clip();
    }
    x.translate(s.ox, s.oy);
    paint(x);
    x.restore();
  }

  function rect(s, css, x, y, w, h, width, radius) {
    radius = Math.min(radius, w / 2, h / 2);
    withClip(s, (c) => {
      c.beginPath();
      if (width > 0) {
        c.roundRect(x + width / 2, y + width / 2, w - width, h - width, Math.max(0, radius - width / 2));
        c.lineWidth = width;
        c.strokeStyle = css;
        c.stroke();
      } else {
        c.roundRect(x, y, w, h, radius);
        c.fillStyle = css;
        c.fill();
      }
    });
  }

  function line(s, css, x0, y0, x1, y1, width) {
    withClip(s, (c) => {
      c.beginPath();
      c.moveTo(x0 + 0.5, y0 + 0.5);
      c.lineTo(x1 + 0.5, y1 + 0.5);
      c.lineWidth = width;
      c.lineCap = "butt";
      c.strokeStyle = css;
      c.stroke();
    });
  }

  function path(c, points, closed) {
    c.beginPath();
    c.moveTo(points[0] + 0.5, points[1] + 0.5);
    for (let i = 2; i < points.length; i += 2) c.lineTo(points[i] + 0.5, points[i + 1] + 0.5);
    if (closed) c.closePath();
  }

  function polyline(s, css, points, closed, width) {
    if (width < 1 || points.length < 4) return;
    withClip(s, (c) => {
      path(c, points, closed);
      c.lineWidth = width;
      c.lineJoin = "miter";
      c.strokeStyle = css;
      c.stroke();
    });
  }

  function polygon(s, css, points, width) {
    if (width > 0) return polyline(s, css, points, true, width);
    withClip(s, (c) => {
      path(c, points, true);
      c.fillStyle = css;
      c.fill();
      c.lineWidth = 1;  // pygame's fill covers the edge pixels too
      c.strokeStyle = css;
      c.stroke();
    });
  }

  function circle(s, css, cx, cy, radius, width) {
    withClip(s, (c) => {
      c.beginPath();
      if (width > 0 && width < radius) {
        c.arc(cx, cy, radius - width / 2, 0, 2 * Math.PI);
        c.lineWidth = width;
        c.strokeStyle = css;
        c.stroke();
      } else {
        c.arc(cx, cy, radius, 0, 2 * Math.PI);
        c.fillStyle = css;
        c.fill();
      }
    });
  }

  function ellipse(s, css, x, y, w, h, width) {
    withClip(s, (c) => {
      c.beginPath();
      if (width > 0 && 2 * width < Math.min(w, h)) {
        c.ellipse(x + w / 2, y + h / 2, (w - width) / 2, (h - width) / 2, 0, 0, 2 * Math.PI);
        c.lineWidth = width;
        c.strokeStyle = css;
        c.stroke();
      } else {
        c.ellipse(x + w / 2, y + h / 2, w / 2, h / 2, 0, 0, 2 * Math.PI);
        c.fillStyle = css;
        c.fill();
      }
    });
  }

  // a copy with or without per-pixel alpha (convert / convert_alpha / copy)
  function copy(s, alpha) {
    const t = surface(s.w, s.h, alpha);
    t.x.drawImage(s.c, s.ox, s.oy, s.w, s.h, 0, 0, s.w, s.h);
    return t;
  }

  function pixel(s, x, y) {
    return Array.from(s.x.getImageData(s.ox + x, s.oy + y, 1, 1).data);
  }

  function pixels(s) {
    return s.x.getImageData(s.ox, s.oy, s.w, s.h).data;
  }

  function putPixels(s, data) {
    s.x.putImageData(new ImageData(data, s.w, s.h), s.ox, s.oy);
  }

  // special_flags=BLEND_RGBA_MULT: each channel times the colour's, as pygame does
  function multiply(s, r, g, b, a, x, y, w, h) {
    const img = s.x.getImageData(s.ox + x, s.oy + y, w, h);
    const p = img.data;
    const m = [r, g, b, a];
    for (let i = 0; i < p.length; i++) p[i] = (p[i] * m[i & 3] + 255) >> 8;
    s.x.putImageData(img, s.ox + x, s.oy + y);
  }

  // the smallest rect holding every pixel with alpha >= min_alpha (get_bounding_rect)
  function bounds(s, least) {
    if (!s.alpha) return [0, 0, s.w, s.h];
    const p = pixels(s);
    let x0 = s.w, y0 = s.h, x1 = -1, y1 = -1;
    for (let y = 0; y < s.h; y++) {
      for (let x = 0; x < s.w; x++) {
        if (p[(y * s.w + x) * 4 + 3] >= least) {
          if (x < x0) x0 = x;
          if (x > x1) x1 = x;
          if (y < y0) y0 = y;
          if (y > y1) y1 = y;
        }
      }
    }
    return x1 < 0 ? [0, 0, 0, 0] : [x0, y0, x1 - x0 + 1, y1 - y0 + 1];
  }

  function scaled(s, w, h, smooth, into) {
    const t = into || surface(w, h, s.alpha);
    if (t.alpha) t.x.clearRect(t.ox, t.oy, w, h);
    t.x.imageSmoothingEnabled = smooth;
    // halving exactly (the split screen's shops): bilinear samples fall between four pixels,
    // so "low" is their average, pygame's own box filter, at a fraction of "high"'s cost
    t.x.imageSmoothingQuality = w * 2 === s.w && h * 2 === s.h ? "low" : "high";
    t.x.drawImage(s.c, s.ox, s.oy, s.w, s.h, t.ox, t.oy, w, h);
    t.x.imageSmoothingEnabled = false;
    return t;
  }

  function flipped(s, fx, fy) {
    const t = surface(s.w, s.h, s.alpha);
    if (s.alpha) t.x.clearRect(0, 0, s.w, s.h);
    t.x.save();
    t.x.translate(fx ? s.w : 0, fy ? s.h : 0);
    t.x.scale(fx ? -1 : 1, fy ? -1 : 1);
    t.x.drawImage(s.c, s.ox, s.oy, s.w, s.h, 0, 0, s.w, s.h);
    t.x.restore();
    return t;
  }

  // text: the page's web font, laid out with pygame's own line metrics (the Python side)
  const measure = make(1, 1)[1];
  function textWidth(font, str, spacing) {
    measure.font = font;
    measure.letterSpacing = `${spacing}px`;
    return measure.measureText(str).width;
  }

  // target: the width pygame gives the text (its hinted letters are wider than the
  // browser's): the text is stretched to it; null: the browser's own width
  function text(font, str, w, h, ascent, css, embolden, bg, spacing, target) {
    const s = surface(w, h, bg == null);
    const x = s.x;
    if (bg != null) {
      x.fillStyle = bg;
      x.fillRect(0, 0, w, h);
    }
    x.font = font;
    x.letterSpacing = `${spacing}px`;
    x.textBaseline = "alphabetic";
    const natural = x.measureText(str).width;
    if (target != null && natural > 0) x.setTransform(target / natural, 0, 0, 1, 0, 0);
    x.fillStyle = css;
    x.fillText(str, 0, ascent);
    if (embolden > 0) {
      x.lineWidth = embolden;
      x.lineJoin = "round";
      x.strokeStyle = css;
      x.strokeText(str, 0, ascent);
    }
    x.setTransform(1, 0, 0, 1, 0, 0);
    return s;
  }

  function fromBitmap(bitmap) {
    const s = surface(bitmap.width, bitmap.height, true);
    s.x.drawImage(bitmap, 0, 0);
    return s;
  }

  return {
    surface, onCanvas, subsurface, setClip, fill, blit, rect, line, polyline, polygon, circle,
    ellipse, copy, pixel, pixels, putPixels, multiply, bounds, scaled, flipped, textWidth, text,
    fromBitmap,
  };
})();

globalThis.pgcanvas = pg;
