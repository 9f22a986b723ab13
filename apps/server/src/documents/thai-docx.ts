/**
 * Thai DOCX documents with the `docx` package in the official style: Sarabun for Latin and Thai
 * (complex-script) text, 16 pt body, A4 with 2.5/2 cm margins, bordered tables. Word and
 * LibreOffice break Thai lines themselves (they have Thai dictionaries), so text goes in as is.
 */
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type ISectionOptions } from 'docx';

export const DOC_FONT = 'Sarabun';
const FONT = { ascii: DOC_FONT, hAnsi: DOC_FONT, cs: DOC_FONT, eastAsia: DOC_FONT };

export function run(text: string, o: { bold?: boolean; size?: number } = {}): TextRun {
  const size = (o.size ?? 16) * 2;
  return new TextRun({ text, font: FONT, size, sizeComplexScript: size, bold: o.bold ?? false, boldComplexScript: o.bold ?? false });
}

export function para(text: string, o: { bold?: boolean; size?: number; align?: 'left' | 'center' | 'right'; indentCm?: number; spacingAfter?: number } = {}): Paragraph {
  return new Paragraph({
    children: [run(text, o)],
    alignment: o.align === 'center' ? AlignmentType.CENTER : o.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: o.indentCm ? { left: Math.round(o.indentCm * 567) } : undefined,
    spacing: { after: o.spacingAfter ?? 60 },
  });
}

export function heading(text: string, level: 1 | 2 = 1): Paragraph {
  return new Paragraph({ children: [run(text, { bold: true, size: level === 1 ? 18 : 16 })], heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, spacing: { before: 200, after: 100 } });
}

export function bullets(items: string[]): Paragraph[] {
  return items.map((t, i) => para(`${i + 1}. ${t}`, { indentCm: 1 }));
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

export function table(header: string[], rows: string[][], o: { widths?: number[]; size?: number; boldRows?: ReadonlySet<number>; alignRight?: ReadonlySet<number> } = {}): Table {
  const size = o.size ?? 14;
  const total = (o.widths ?? header.map(() => 1)).reduce((s, w) => s + w, 0);
  const pct = (i: number) => Math.round(((o.widths?.[i] ?? 1) / total) * 5000);
  const cell = (text: string, i: number, bold: boolean) =>
    new TableCell({
      children: String(text).split('\n').map((line) => new Paragraph({ children: [run(line, { bold, size })], alignment: o.alignRight?.has(i) && !bold ? AlignmentType.RIGHT : AlignmentType.LEFT })),
      width: { size: pct(i), type: WidthType.PERCENTAGE },
      borders: { top: border, bottom: border, left: border, right: border },
    });
  return new Table({
    width: { size: 5000, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r, k) => new TableRow({ children: r.map((c, i) => cell(c, i, o.boldRows?.has(k) ?? false)) })),
    ],
  });
}

export type DocxBlock = Paragraph | Table;

/** Sections of blocks → DOCX bytes. A landscape section suits wide budget tables. */
export async function docxBuffer(meta: { title: string; creator?: string }, sections: Array<{ blocks: DocxBlock[]; landscape?: boolean }>): Promise<Buffer> {
  const doc = new Document({
    title: meta.title,
    creator: meta.creator ?? 'Prongsai (โปร่งใส)',
    styles: { default: { document: { run: { font: FONT, size: 32, sizeComplexScript: 32 } } } },
    sections: sections.map(
      (s): ISectionOptions => ({
        properties: { page: { size: { orientation: s.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT, width: 11906, height: 16838 }, margin: { top: 1418, bottom: 1134, left: 1418, right: 1134 } } },
        children: s.blocks,
      }),
    ),
  });
  return Packer.toBuffer(doc);
}
