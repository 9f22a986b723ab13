/**
 * Thai PDF documents with pdfkit and the Sarabun font. pdfkit breaks lines with UAX #14, which has
 * no Thai dictionary, so every line here is broken by `wrapThai` (Intl.Segmenter words) and drawn
 * with `lineBreak: false` (docs/platform.md §6). Reusable by any module: headings, paragraphs,
 * label/value lines and tables with wrapped cells and repeated headers.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { wrapThai } from './thai-text.ts';

const require = createRequire(import.meta.url);
export const SARABUN_REGULAR = require.resolve('@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf');
export const SARABUN_BOLD = require.resolve('@expo-google-fonts/sarabun/700Bold/Sarabun_700Bold.ttf');

export interface PdfColumn {
  header: string;
  /** Relative width. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface ThaiPdf {
  doc: PDFKit.PDFDocument;
  title(text: string): void;
  heading(text: string): void;
  paragraph(text: string, options?: { indent?: number; bold?: boolean; size?: number; align?: 'left' | 'center' | 'right' }): void;
  bullet(items: string[]): void;
  table(columns: PdfColumn[], rows: string[][], options?: { size?: number; boldRows?: ReadonlySet<number> }): void;
  space(lines?: number): void;
  pageBreak(): void;
  finish(): Promise<Buffer>;
}

export function createThaiPdf(meta: { title: string; author?: string; landscape?: boolean }): ThaiPdf {
  const doc = new PDFDocument({ size: 'A4', layout: meta.landscape ? 'landscape' : 'portrait', margins: { top: 56, bottom: 56, left: 64, right: 48 }, info: { Title: meta.title, Author: meta.author ?? 'Prongsai', Creator: 'Prongsai (โปร่งใส)' }, bufferPages: true });
  doc.registerFont('th', SARABUN_REGULAR);
  doc.registerFont('th-bold', SARABUN_BOLD);
  doc.font('th').fontSize(14);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const left = () => doc.page.margins.left;
  const usable = () => doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  function lines(text: string, width: number, font: string, size: number, align: 'left' | 'center' | 'right' = 'left', x = left()) {
    doc.font(font).fontSize(size);
    const lh = doc.currentLineHeight(true) * 1.05;
    for (const line of wrapThai(text, width, (s) => doc.widthOfString(s))) {
      if (doc.y + lh > bottom()) doc.addPage();
      const y = doc.y;
      doc.text(line, x, y, { width, lineBreak: false, align });
      doc.y = y + lh;
    }
  }

  const pdf: ThaiPdf = {
    doc,
    title(text) {
      lines(text, usable(), 'th-bold', 18, 'center');
      doc.moveDown(0.5);
    },
    heading(text) {
      if (doc.y + 60 > bottom()) doc.addPage();
      doc.moveDown(0.4);
      lines(text, usable(), 'th-bold', 15);
      doc.moveDown(0.2);
    },
    paragraph(text, o = {}) {
      const indent = o.indent ?? 0;
      lines(text, usable() - indent, o.bold ? 'th-bold' : 'th', o.size ?? 14, o.align ?? 'left', left() + indent);
    },
    bullet(items) {
      items.forEach((t, i) => pdf.paragraph(`${i + 1}. ${t}`, { indent: 18 }));
    },
    table(columns, rows, o = {}) {
      const size = o.size ?? 12;
      const total = columns.reduce((s, c) => s + c.width, 0);
      const widths = columns.map((c) => (c.width / total) * usable());
      const pad = 3;
      const drawRow = (cells: string[], bold: boolean) => {
        doc.font(bold ? 'th-bold' : 'th').fontSize(size);
        const lh = doc.currentLineHeight(true);
        const wrapped = cells.map((c, i) => wrapThai(c ?? '', widths[i]! - 2 * pad, (s) => doc.widthOfString(s)));
        const height = Math.max(1, ...wrapped.map((w) => w.length)) * lh + 2 * pad;
        if (doc.y + height > bottom()) {
          doc.addPage();
          if (!bold) drawRow(columns.map((c) => c.header), true);
          doc.font('th').fontSize(size);
        }
        const top = doc.y;
        let x = left();
        wrapped.forEach((w, i) => {
          doc.rect(x, top, widths[i]!, height).lineWidth(0.5).stroke();
          w.forEach((line, k) => doc.font(bold ? 'th-bold' : 'th').fontSize(size).text(line, x + pad, top + pad + k * lh, { width: widths[i]! - 2 * pad, lineBreak: false, align: columns[i]!.align ?? 'left' }));
          x += widths[i]!;
        });
        doc.x = left();
        doc.y = top + height;
      };
      drawRow(columns.map((c) => c.header), true);
      rows.forEach((r, i) => drawRow(r, o.boldRows?.has(i) ?? false));
      doc.font('th').fontSize(14);
      doc.moveDown(0.5);
    },
    space(n = 1) {
      doc.moveDown(n);
    },
    pageBreak() {
      doc.addPage();
    },
    async finish() {
      const range = doc.bufferedPageRange();
      for (let i = range.start; i < range.start + range.count; i++) {
        doc.switchToPage(i);
        const margin = doc.page.margins.bottom;
        doc.page.margins.bottom = 0;
        doc.font('th').fontSize(10).text(`- ${i + 1} -`, left(), doc.page.height - 40, { width: usable(), align: 'center', lineBreak: false });
        doc.page.margins.bottom = margin;
      }
      const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
      doc.end();
      return done;
    },
  };
  return pdf;
}
