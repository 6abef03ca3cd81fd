/**
 * Downloads made in the page: charts as SVG and PNG, tables as CSV and JSON. Everything is
 * built from what is on screen; nothing is fetched again.
 */
import { CSV_COLUMNS, type CsvColumn, csvLine } from '../../src/export/csv.js';
import type { ClaimRow } from './types.js';

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The chart's own <svg> (a Plot figure with a legend wraps it), standalone: namespaces and size set. */
export function svgSource(root: Element): { text: string; width: number; height: number } | null {
  const svg = root instanceof SVGSVGElement ? root : root.querySelector<SVGSVGElement>(':scope > svg, figure > svg');
  if (!svg) return null;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const width = Number(svg.getAttribute('width')) || svg.clientWidth;
  const height = Number(svg.getAttribute('height')) || svg.clientHeight;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  // the page's colours, fixed: a file has no stylesheet around it
  clone.style.background = '#fff';
  clone.style.color = '#222';
  for (const el of clone.querySelectorAll('[tabindex]')) el.removeAttribute('tabindex');
  return { text: new XMLSerializer().serializeToString(clone), width, height };
}

export function saveSvg(root: Element, name: string): void {
  const src = svgSource(root);
  if (src) saveBlob(new Blob([src.text], { type: 'image/svg+xml' }), `${name}.svg`);
}

/** PNG at twice the size: the SVG drawn onto a canvas through an image of its blob. */
export async function savePng(root: Element, name: string): Promise<void> {
  const src = svgSource(root);
  if (!src) return;
  const url = URL.createObjectURL(new Blob([src.text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(src.width * scale);
    canvas.height = Math.ceil(src.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, src.width, src.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob) saveBlob(blob, `${name}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A claim as a row of `atlas export --format csv`: same columns, same defusing of formulas. */
function claimRow(c: ClaimRow): Partial<Record<CsvColumn, string | number | null | undefined>> {
  return {
    id: c.id,
    kind: 'claim',
    document: c.document,
    document_title: c.title,
    document_url: c.url,
    text: c.text,
    measure: c.measure,
    low: c.value.low,
    high: c.value.high,
    approx: c.value.approx,
    unit: c.unit,
    per: c.per,
    group_kind: c.group?.kind,
    group_label: c.group?.label,
    time_start: c.time?.start,
    time_end: c.time?.end,
    time_edtf: c.time?.edtf,
    place_id: c.place?.id,
    place_name: c.place?.name,
    lat: c.place?.lat,
    lon: c.place?.lon,
    source: c.source,
    modality: c.modality,
    status: c.status,
    sentence: c.sentenceText,
    span_start: c.span[0],
    span_end: c.span[1],
  };
}

export function claimsCsv(rows: readonly ClaimRow[]): string {
  let out = csvLine(CSV_COLUMNS);
  for (const r of rows) {
    const row = claimRow(r);
    out += csvLine(CSV_COLUMNS.map((k) => row[k]));
  }
  return out;
}

export function saveClaims(rows: readonly ClaimRow[], format: 'csv' | 'json', name: string): void {
  if (format === 'csv') saveBlob(new Blob([claimsCsv(rows)], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
  else saveBlob(new Blob([`${JSON.stringify(rows, null, 2)}\n`], { type: 'application/json' }), `${name}.json`);
}
