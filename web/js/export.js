// Client-side exports: CSV (RFC 4180, UTF-8 with a byte-order mark, column
// headers in the UI language) and Markdown, downloaded through a Blob and an
// <a download>.
import { t } from './i18n.js';

// One CSV field. Cells that a spreadsheet would take for a formula
// (= + - @, or a leading tab / carriage return) get a leading apostrophe.
export function csvField(value) {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  if (/[",\r\n]/.test(s) || /^\s|\s$/.test(s)) s = '"' + s.replace(/"/g, '""') + '"';
  return s;
}

// rows: arrays of values; the first row is the header. CRLF line ends.
export function toCsv(rows) {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

// The header row of a CSV: column keys (rank, title, …) as labels in the UI
// language (i18n keys col_KEY).
export function csvHeader(keys) {
  return keys.map((k) => t('col_' + k));
}

export function download(filename, text, type) {
  // A byte-order mark lets spreadsheet programs read UTF-8 (Cyrillic) right;
  // a text that has one already (a CSV from the server) keeps only that one.
  const body = type.startsWith('text/csv') ? '\ufeff' + String(text).replace(/^\ufeff/, '') : text;
  const blob = new Blob([body], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function downloadCsv(filename, rows) { download(filename, toCsv(rows), 'text/csv;charset=utf-8'); }
export function downloadCsvText(filename, text) { download(filename, text, 'text/csv;charset=utf-8'); }
export function downloadMarkdown(filename, text) { download(filename, text, 'text/markdown;charset=utf-8'); }

// Markdown-safe inline text, as the server's brief writes it (markdown_text,
// server/csv.h): one line, the characters that would start markup or an HTML
// entity escaped, and a leading list marker ("- ", "1. ") too.
export function mdText(s) {
  return String(s || '').replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim()
    .replace(/([\\`*_[\]<>#|~&])/g, '\\$1')
    .replace(/^([-+])/, '\\$1').replace(/^(\d{1,10})([.)])/, '$1\\$2');
}

// File-name-safe slug.
export function slug(s) {
  return String(s || '').toLowerCase().normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'export';
}

export function today() { return new Date().toISOString().slice(0, 10); }
