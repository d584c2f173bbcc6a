/**
 * Charts in documents: the same chart as SVG, PNG, in a .docx and in a tagged PDF, read
 * back with independent readers (mammoth for the .docx, unpdf for the PDF text, the raw
 * PDF objects for its structure tree).
 */
import { inflateRawSync } from 'node:zlib';

import { Document, Packer } from 'docx';
import mammoth from 'mammoth';
import PDFDocument from 'pdfkit';
import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';

import { barChart } from '../../app/models/charts/bar';
import { stackedBarChart } from '../../app/models/charts/stacked-bar';
import {
  chartDocxBlocks,
  chartPng,
  chartSvgString,
  drawChartInPdf,
  registerChartFonts,
} from '../../app/models/documents/chart-images.server';
import { clearPngCache, pngCacheStats } from '../../app/models/documents/svg-png.server';

const chartSpec: Parameters<typeof stackedBarChart>[0] = {
  id: 'stand-van-zaken',
  title: 'Stand van zaken per hoofdstuk',
  categoryHeader: 'Hoofdstuk',
  segments: [
    { key: 'afgerond', label: 'Afgerond' },
    { key: 'te_laat', label: 'Te laat' },
    { key: 'loopt', label: 'Loopt', phrase: 'lopend' },
  ],
  categories: [
    { key: '1', label: '1.3.a Bereik NT1-ers', values: { afgerond: 5, te_laat: 3, loopt: 4 } },
    { key: '2', label: '1.3.b Bereik jongvolwassenen', values: { afgerond: 2, loopt: 1 } },
  ],
  totalPhrase: (n) => `${n} acties`,
  notes: ['Te laat: de termijn is voorbij en de actie is nog niet afgerond.'],
};
const chart = stackedBarChart(chartSpec, { width: 560 });
const DESCRIPTION =
  '1.3.a Bereik NT1-ers: 12 acties, waarvan 5 afgerond, 3 te laat en 4 lopend. 1.3.b Bereik jongvolwassenen: 3 acties, waarvan 2 afgerond en 1 lopend.';

const money = barChart(
  {
    id: 'financieel',
    title: 'Financieel overzicht',
    categoryHeader: 'Jaar',
    valueFormat: 'money',
    series: [
      { key: 'ontvangen', label: 'Ontvangen' },
      { key: 'besteed', label: 'Besteed' },
    ],
    categories: [{ key: '2021', label: '2021', values: { ontvangen: 123456700, besteed: 98765432 } }],
  },
  { width: 560 },
);

function zipEntries(zip: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let offset = zip.readUInt32LE(end + 16);
  const total = zip.readUInt16LE(end + 10);
  for (let i = 0; i < total; i++) {
    const method = zip.readUInt16LE(offset + 10);
    const size = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(raw) : raw);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** A PDF string object's text: (literal) or <hex>, either in UTF-16BE after a byte order mark, as pdfkit writes them. */
function pdfString(raw: string): string {
  const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  const bytes = raw.startsWith('<')
    ? Buffer.from(raw.slice(1, -1).replace(/\s/g, ''), 'hex')
    : Buffer.from(
        raw
          .slice(1, -1)
          .replace(/\\([0-7]{1,3}|.)/g, (_, code: string) =>
            /^[0-7]+$/.test(code) ? String.fromCharCode(Number.parseInt(code, 8)) : (ESCAPES[code] ?? code),
          ),
        'latin1',
      );
  if (bytes[0] !== 0xfe || bytes[1] !== 0xff) return bytes.toString('latin1');
  const units: number[] = [];
  for (let i = 2; i + 1 < bytes.length; i += 2) units.push(bytes.readUInt16BE(i));
  return String.fromCharCode(...units);
}

describe('a chart as a picture', () => {
  it('is an SVG file with its title and text alternative, and a PNG with its text drawn', () => {
    const svg = chartSvgString(chart);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 560 \d+" width="560" height="\d+" role="img"/);
    expect(svg).toContain('<title id="stand-van-zaken-titel">Stand van zaken per hoofdstuk</title>');
    expect(svg).toContain(`<desc id="stand-van-zaken-beschrijving">${DESCRIPTION}</desc>`);

    const png = chartPng(chart, { scale: 2 });
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1120); // width from the IHDR chunk
    // Text rendered in Noto Sans makes the picture much larger than the same bars without their labels.
    const withoutText = chartPng(
      {
        ...chart,
        body: chart.body.map((node) => ({ ...node, children: node.children.filter((c) => typeof c === 'string' || c.tag !== 'text') })),
      },
      { scale: 2 },
    );
    expect(png.length).toBeGreaterThan(withoutText.length * 1.2);
  });

  it('is drawn once for the same figures and size, and again when a figure or the size changes', () => {
    clearPngCache();
    const first = chartPng(chart, { scale: 2 });
    expect(chartPng(chart, { scale: 2 })).toBe(first); // the kept picture, not a new drawing
    expect(pngCacheStats().entries).toBe(1);

    const changed = stackedBarChart(
      { ...chartSpec, categories: chartSpec.categories.map((c, i) => (i === 0 ? { ...c, values: { ...c.values, afgerond: 6 } } : c)) },
      { width: 560 },
    );
    const redrawn = chartPng(changed, { scale: 2 });
    expect(redrawn).not.toBe(first);
    expect(redrawn.equals(first)).toBe(false);
    expect(chartPng(chart, { scale: 1 }).readUInt32BE(16)).toBe(560);
    expect(pngCacheStats().entries).toBe(3);
  });
});

describe('a chart in a .docx', () => {
  it('is an SVG picture with a PNG fallback and alt text, followed by a table with the same figures', async () => {
    const document = new Document({
      sections: [{ children: [...chartDocxBlocks(chart), ...chartDocxBlocks(money)] }],
    });
    const buffer = await Packer.toBuffer(document);

    const { value: html } = await mammoth.convertToHtml({ buffer });
    const images = [...html.matchAll(/<img [^>]*alt="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    expect(images).toHaveLength(2);
    expect(images[0]).toBe(DESCRIPTION);
    expect(images[1]).toBe('2021: ontvangen €\u00a01.234.567,00 en besteed €\u00a0987.654,32.');
    expect(html).toContain('<p><strong>Stand van zaken per hoofdstuk</strong></p>');
    const { value: text } = await mammoth.extractRawText({ buffer });
    expect(text).toContain('Stand van zaken per hoofdstuk: de cijfers');
    expect(text).toMatch(/1\.3\.a Bereik NT1-ers\s+5\s+3\s+4\s+12/);
    expect(text).toMatch(/Totaal\s+7\s+3\s+5\s+15/);
    expect(text).toContain('€\u00a01.234.567,00');

    const parts = zipEntries(buffer);
    const media = [...parts.keys()].filter((name) => name.startsWith('word/media/'));
    expect(media.filter((name) => name.endsWith('.svg'))).toHaveLength(2);
    expect(media.filter((name) => name.endsWith('.png'))).toHaveLength(2);
    const xml = parts.get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('title="Stand van zaken per hoofdstuk"');
    expect(xml).toContain('<w:tblHeader/>');
  });
});

describe('a chart in a PDF', () => {
  it('is vector drawing inside a Figure with its Alt text, and a tagged table with the same figures', async () => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 64, left: 64, right: 64 },
      pdfVersion: '1.7',
      tagged: true,
      lang: 'nl-NL',
    });
    const fonts = registerChartFonts(doc);
    doc.font(fonts.regular);
    const root = doc.struct('Document');
    doc.addStructure(root);
    drawChartInPdf(doc, root, chart, { fonts });
    drawChartInPdf(doc, root, money, { fonts });
    root.end();
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.end();
    const bytes = await done;

    const { text } = await extractText(new Uint8Array(bytes), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    // The drawing's own labels are real text, set in the embedded Noto Sans.
    expect(flat).toContain('1.3.a Bereik NT1-ers');
    expect(flat).toContain('Afgerond');
    expect(flat).toContain('Stand van zaken per hoofdstuk: de cijfers');
    expect(flat).toContain('1.234.567,00');

    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
    const figures = [...raw.matchAll(/\/S \/Figure\n(?:\/[^\n]*\n)*?\/Alt (\([^\n]*\)|<[0-9a-fA-F\s]*>)/g)].map((m) => pdfString(m[1]));
    expect(figures).toEqual([DESCRIPTION, money.description]);
    expect(raw).toMatch(/\/S \/Figure\n[\s\S]*?\/BBox \[/);
    for (const tag of ['Table', 'THead', 'TBody', 'TR', 'TH', 'TD', 'Caption']) expect(raw, tag).toContain(`/S /${tag}\n`);
    expect(raw).toContain('/Scope /Column');
    expect(raw).toContain('/Scope /Row');
  });
});
