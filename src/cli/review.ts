/**
 * The review page of `chiso extract --review out.html`: every figure read from the reports, its quote
 * highlighted in the text around it, and why it got its indicator, region and period; a reviewer
 * accepts, corrects or rejects each one and saves `<report>.corrections.json`, which the next run
 * applies. The page runs under a strict Content-Security-Policy: its script and style are files next
 * to it (`out.js`, `out.css`), the data a JSON block that is never run, every string from a report set
 * as text, never as markup.
 */
import type { ExtractedObservation } from '../extract/index.js';

export interface ReviewedReport {
  /** The report's file name, as the corrections file will name it. */
  report: string;
  /** Where `<report>.corrections.json` belongs, relative to where the command ran. */
  correctionsPath: string;
  text: string;
  observations: ExtractedObservation[];
}

export interface ReviewPage {
  html: string;
  js: string;
  css: string;
}

/** JSON that is safe inside a `<script type="application/json">`: no `<`, `>`, `&` or line separators raw. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text for an HTML text node or attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** How much of the report is shown around each quote. */
const CONTEXT = 160;

export function reviewPage(reports: ReviewedReport[], assetBase: string): ReviewPage {
  const data = reports.map((r) => ({
    report: r.report,
    correctionsPath: r.correctionsPath,
    figures: r.observations.map((o) => {
      const from = Math.max(0, o.start - CONTEXT);
      const to = Math.min(r.text.length, o.end + CONTEXT);
      return {
        indicator: o.indicator, series: o.series, region: o.region, period: o.period, value: o.value, qualifier: o.qualifier,
        denominator: o.denominator, unit: o.unit, confidence: o.confidence, reason: o.reason, quote: o.quote, start: o.start, end: o.end,
        before: r.text.slice(from, o.start), after: r.text.slice(o.end, to), review: o.review ?? null,
      };
    }),
  }));
  const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";
  const html = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Duyệt số liệu trích / Review extracted figures</title>
<link rel="stylesheet" href="${escapeHtml(assetBase)}.css">
<script type="application/json" id="chiso-review-data">${jsonForScript(data)}</script>
<script src="${escapeHtml(assetBase)}.js" defer></script>
</head>
<body>
<header>
<h1>Duyệt số liệu trích / Review extracted figures</h1>
<p>Chấp nhận, sửa hoặc loại từng số liệu, rồi lưu tệp hiệu chỉnh cạnh báo cáo: lần chạy sau sẽ áp dụng.
Accept, correct or reject each figure, then save the corrections file next to its report: the next run applies it.</p>
</header>
<main id="reports"><noscript>Trang này cần JavaScript / This page needs JavaScript.</noscript></main>
</body>
</html>
`;
  return { html, js: REVIEW_JS, css: REVIEW_CSS };
}

const REVIEW_CSS = `body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1a1a1a}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc}
.figure{border:1px solid #ddd;border-radius:6px;padding:.6rem .8rem;margin:.8rem 0}
.figure.rejected{opacity:.55}.figure.edited{border-color:#b36b00}.figure.accepted{border-color:#2e7d32}
.what{font-weight:600}.quote{background:#f7f7f7;padding:.4rem;border-radius:4px;white-space:pre-wrap}
mark{background:#ffe58a;padding:0 .1rem}.why{font-size:.85rem;color:#444;margin:.3rem 0 0 1.1rem;padding:0}
.actions{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center;margin-top:.4rem}
.edit{display:none;gap:.4rem;flex-wrap:wrap;margin-top:.4rem}.edit.open{display:flex}
.edit label{font-size:.85rem;display:flex;flex-direction:column}
input[type=text]{font:inherit;padding:.15rem .3rem;min-width:8rem}
button{font:inherit;padding:.3rem .8rem;cursor:pointer}.save{margin:.6rem 0}
.low{color:#b00020}
`;

/** The page's script: builds the list from the JSON block with DOM calls only (textContent, never innerHTML). */
const REVIEW_JS = `'use strict';
(function () {
  var data = JSON.parse(document.getElementById('chiso-review-data').textContent);
  var FIELDS = ['indicator', 'series', 'region', 'period', 'value', 'denominator', 'unit'];
  var root = document.getElementById('reports');
  root.textContent = '';
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  data.forEach(function (report) {
    var section = el('section');
    section.appendChild(el('h2', null, report.report + ' (' + report.figures.length + ')'));
    var states = report.figures.map(function (f) { return { action: f.review === 'accepted' ? 'accept' : null, set: {}, note: '' }; });
    report.figures.forEach(function (f, i) {
      var box = el('div', 'figure');
      var value = (f.qualifier || '') + f.value + (f.denominator !== null ? '/' + f.denominator : '') + ' ' + f.unit;
      box.appendChild(el('div', 'what', f.indicator + (f.series ? ' [' + f.series + ']' : '') + ' · ' + f.region + ' · ' + f.period + ' · ' + value));
      var conf = el('div', f.confidence < 0.7 ? 'low' : null, 'Độ tin cậy / confidence ' + f.confidence);
      box.appendChild(conf);
      var quote = el('div', 'quote');
      quote.appendChild(document.createTextNode('…' + f.before));
      quote.appendChild(el('mark', null, f.quote));
      quote.appendChild(document.createTextNode(f.after + '…'));
      box.appendChild(quote);
      var why = el('ul', 'why');
      String(f.reason).split('; ').forEach(function (part) { why.appendChild(el('li', null, part)); });
      box.appendChild(why);
      var actions = el('div', 'actions');
      var edit = el('div', 'edit');
      var name = 'f-' + report.report + '-' + i;
      [['accept', 'Chấp nhận / Accept'], ['edit', 'Sửa / Correct'], ['reject', 'Loại / Reject']].forEach(function (a) {
        var label = el('label');
        var input = el('input');
        input.type = 'radio';
        input.name = name;
        input.value = a[0];
        if (states[i].action === a[0]) input.checked = true;
        input.addEventListener('change', function () {
          states[i].action = a[0];
          box.className = 'figure ' + (a[0] === 'accept' ? 'accepted' : a[0] === 'reject' ? 'rejected' : 'edited');
          edit.className = a[0] === 'edit' ? 'edit open' : 'edit';
        });
        label.appendChild(input);
        label.appendChild(document.createTextNode(' ' + a[1]));
        actions.appendChild(label);
      });
      FIELDS.forEach(function (field) {
        var label = el('label', null, field);
        var input = el('input');
        input.type = 'text';
        input.value = f[field] === null ? '' : String(f[field]);
        input.addEventListener('input', function () {
          var v = input.value.trim();
          var original = f[field] === null ? '' : String(f[field]);
          if (v === original) { delete states[i].set[field]; return; }
          states[i].set[field] = v === '' ? null : (field === 'value' || field === 'denominator') && !isNaN(Number(v)) ? Number(v) : v;
        });
        label.appendChild(input);
        edit.appendChild(label);
      });
      var note = el('input');
      note.type = 'text';
      note.placeholder = 'Ghi chú / note';
      note.addEventListener('input', function () { states[i].note = note.value; });
      actions.appendChild(note);
      box.appendChild(actions);
      box.appendChild(edit);
      section.appendChild(box);
    });
    var save = el('button', 'save', 'Lưu ' + report.correctionsPath + ' / Save');
    save.type = 'button';
    save.addEventListener('click', function () {
      var corrections = [];
      report.figures.forEach(function (f, i) {
        var s = states[i];
        if (!s.action) return;
        var c = { quote: f.quote, start: f.start, end: f.end, action: s.action };
        if (s.action === 'edit') {
          if (Object.keys(s.set).length === 0) return;
          c.set = s.set;
        }
        if (s.note) c.note = s.note;
        corrections.push(c);
      });
      var blob = new Blob([JSON.stringify({ report: report.report, corrections: corrections }, null, 2) + '\\n'], { type: 'application/json' });
      var a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = report.correctionsPath.split(/[\\\\/]/).pop();
      document.body.appendChild(a);
      a.click();
      a.remove();
    });
    section.appendChild(save);
    root.appendChild(section);
  });
})();
`;
