// ElementFlow report page: filters for the findings table, and the link between table rows and map
// shapes (row f-N belongs to shape g-N). Plain ES5 so any browser opens the file offline.
(function () {
  'use strict';
  var body = document.body;
  window.addEventListener('error', function (e) { body.setAttribute('data-error', String(e.message)); });

  function all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  var rows = all('#findings-table tbody tr[data-f]');
  var hits = all('svg.map .hit');
  var filters = all('.filters select');
  var count = document.getElementById('filter-count');

  function applyFilters() {
    var wanted = {};
    filters.forEach(function (s) { wanted[s.getAttribute('data-key')] = s.value; });
    var shown = 0;
    rows.forEach(function (row) {
      var ok = Object.keys(wanted).every(function (k) { return !wanted[k] || row.getAttribute('data-' + k) === wanted[k]; });
      row.style.display = ok ? '' : 'none';
      var hit = document.getElementById('g-' + row.getAttribute('data-f'));
      if (hit) hit.classList.toggle('filtered', !ok);
      if (ok) shown++;
    });
    all('figure.plan-map').forEach(function (fig) {
      fig.style.display = !wanted.plan || fig.getAttribute('data-plan') === wanted.plan ? '' : 'none';
    });
    if (count) count.textContent = count.getAttribute('data-template').replace('{shown}', shown).replace('{total}', rows.length);
  }

  function select(n, from) {
    all('.selected').forEach(function (e) { e.classList.remove('selected'); });
    var row = document.getElementById('f-' + n);
    var hit = document.getElementById('g-' + n);
    if (row) row.classList.add('selected');
    if (hit) {
      hit.classList.add('selected');
      hit.parentNode.appendChild(hit); // draw the selected shape on top
    }
    if (from === 'map' && row) row.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (from === 'table' && hit) {
      zoomTo(hit);
      hit.ownerSVGElement.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    }
  }

  // Zoom and pan by changing the viewBox; strokes keep their width (non-scaling-stroke).
  function box(svg) { var v = svg.viewBox.baseVal; return { x: v.x, y: v.y, w: v.width, h: v.height }; }
  function setBox(svg, b) {
    svg.setAttribute('viewBox', [b.x, b.y, b.w, b.h].map(function (v) { return Math.round(v * 10) / 10; }).join(' '));
    scaleBar(svg);
  }

  // Plan metres per screen pixel, from the map's projection (data-scale: SVG units per metre) and its current zoom.
  function metresPerPixel(svg) {
    var r = svg.getBoundingClientRect();
    return r.width > 0 ? box(svg).w / r.width / Number(svg.getAttribute('data-scale')) : 0;
  }

  // A bar of a round length (1, 2 or 5 x 10^n m) close to 100 screen pixels.
  function scaleBar(svg) {
    var bar = svg.parentNode.querySelector('.scalebar');
    var mpp = metresPerPixel(svg);
    if (!bar || !(mpp > 0)) return;
    var target = mpp * 100, magnitude = Math.pow(10, Math.floor(Math.log(target) / Math.LN10)), metres = magnitude;
    [1, 2, 5, 10].forEach(function (m) { if (m * magnitude <= target) metres = m * magnitude; });
    bar.querySelector('i').style.width = Math.round(metres / mpp) + 'px';
    bar.querySelector('span').textContent = metres >= 1000 ? (metres / 1000) + ' km' : metres + ' m';
  }

  // The plan coordinates under the pointer.
  function readout(svg, e) {
    var out = svg.parentNode.querySelector('.readout');
    if (!out) return;
    var r = svg.getBoundingClientRect(), b = box(svg), scale = Number(svg.getAttribute('data-scale'));
    var ux = b.x + (e.clientX - r.left) / r.width * b.w, uy = b.y + (e.clientY - r.top) / r.height * b.h;
    var x = Number(svg.getAttribute('data-minx')) + ux / scale, y = Number(svg.getAttribute('data-maxy')) - uy / scale;
    out.textContent = out.getAttribute('data-template').replace('{x}', x.toFixed(1)).replace('{y}', y.toFixed(1)).replace('{crs}', svg.getAttribute('data-crs') || '');
  }
  function home(svg) { var p = svg.getAttribute('data-home').split(' ').map(Number); return { x: p[0], y: p[1], w: p[2], h: p[3] }; }
  function zoomTo(hit) {
    var svg = hit.ownerSVGElement, full = home(svg), b = hit.getBBox();
    var w = Math.max(b.width * 3, full.w / 5), h = Math.max(b.height * 3, full.h / 5);
    var scale = Math.max(w / full.w, h / full.h);
    setBox(svg, { x: b.x + b.width / 2 - full.w * scale / 2, y: b.y + b.height / 2 - full.h * scale / 2, w: full.w * scale, h: full.h * scale });
  }

  all('svg.map').forEach(function (svg) {
    svg.setAttribute('data-home', svg.getAttribute('viewBox'));
    scaleBar(svg);
    svg.addEventListener('mousemove', function (e) { readout(svg, e); });
    var drag = null;
    svg.addEventListener('wheel', function (e) {
      e.preventDefault();
      var b = box(svg), r = svg.getBoundingClientRect();
      var fx = (e.clientX - r.left) / r.width, fy = (e.clientY - r.top) / r.height;
      var k = e.deltaY < 0 ? 0.8 : 1.25;
      setBox(svg, { x: b.x + fx * b.w * (1 - k), y: b.y + fy * b.h * (1 - k), w: b.w * k, h: b.h * k });
    }, { passive: false });
    svg.addEventListener('mousedown', function (e) { drag = { x: e.clientX, y: e.clientY, b: box(svg), moved: false }; });
    window.addEventListener('mousemove', function (e) {
      if (!drag) return;
      var r = svg.getBoundingClientRect(), dx = (e.clientX - drag.x) * drag.b.w / r.width, dy = (e.clientY - drag.y) * drag.b.h / r.height;
      if (Math.abs(dx) + Math.abs(dy) > 0) drag.moved = true;
      setBox(svg, { x: drag.b.x - dx, y: drag.b.y - dy, w: drag.b.w, h: drag.b.h });
    });
    window.addEventListener('mouseup', function () { setTimeout(function () { drag = null; }, 0); });
    svg.addEventListener('dblclick', function () { setBox(svg, home(svg)); });
    svg.addEventListener('click', function (e) {
      var hit = e.target.closest ? e.target.closest('.hit') : null;
      if (hit && !(drag && drag.moved)) select(hit.getAttribute('data-f'), 'map');
    });
  });

  all('figure.plan-map button.reset').forEach(function (b) {
    b.addEventListener('click', function () {
      var svg = b.closest('figure').querySelector('svg.map');
      if (svg) setBox(svg, home(svg));
    });
  });
  rows.forEach(function (row) { row.addEventListener('click', function (e) { if (!e.target.closest('a')) select(row.getAttribute('data-f'), 'table'); }); });
  all('#findings-table a[href^="#g-"]').forEach(function (a) {
    a.addEventListener('click', function (e) { e.preventDefault(); select(a.getAttribute('href').slice(3), 'table'); });
  });
  filters.forEach(function (s) { s.addEventListener('change', applyFilters); });

  // Legend checkboxes show and hide a layer (or the violations) on their own map.
  all('figure.plan-map input[data-toggle]').forEach(function (box) {
    box.addEventListener('change', function () {
      var key = box.getAttribute('data-toggle'), svg = box.closest('figure').querySelector('svg.map');
      if (!svg) return;
      all(key === 'hits' ? 'g.hits' : '[data-layer="' + key + '"]', svg).forEach(function (e) { e.style.display = box.checked ? '' : 'none'; });
    });
  });
  window.addEventListener('resize', function () { all('svg.map').forEach(scaleBar); });

  // Printing shows every basis and fix, folded or not.
  var opened = [];
  window.addEventListener('beforeprint', function () {
    opened = all('details:not([open])');
    opened.forEach(function (d) { d.setAttribute('open', ''); });
  });
  window.addEventListener('afterprint', function () { opened.forEach(function (d) { d.removeAttribute('open'); }); });
  applyFilters();

  // A link to #f-N (a row) or #g-N (a shape) opens the page with that finding selected.
  function fromHash() {
    var m = /^#([fg])-(\d+)$/.exec(location.hash);
    if (m) select(m[2], m[1] === 'g' ? 'table' : 'map');
  }
  window.addEventListener('hashchange', fromHash);
  fromHash();

  // What the page drew, for people debugging it and for the headless-browser test.
  body.setAttribute('data-rows', rows.length);
  body.setAttribute('data-hits', hits.length);
  body.setAttribute('data-ready', 'true');
})();
