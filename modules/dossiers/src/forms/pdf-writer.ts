import fontkit from '@cantoo/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from '@cantoo/pdf-lib';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const A4: [number, number] = [595.28, 841.89];
const A4_LANDSCAPE: [number, number] = [841.89, 595.28];
const MARGIN = { top: 56, bottom: 56, left: 70, right: 50 };
const BLACK = rgb(0, 0, 0);

const fontFiles = new Map<string, Uint8Array>();
/** DejaVu Serif (npm `dejavu-fonts-ttf`): every Vietnamese letter, embedded as a subset. */
function fontFile(name: 'DejaVuSerif' | 'DejaVuSerif-Bold' | 'DejaVuSerif-Italic'): Uint8Array {
  let bytes = fontFiles.get(name);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`)));
    fontFiles.set(name, bytes);
  }
  return bytes;
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  italic?: boolean;
  align?: 'left' | 'center' | 'right';
}

/** A table column: header text and its share of the width. */
export interface Column {
  header: string;
  width: number;
}

/**
 * A small flowing layout over pdf-lib for official forms: wrapped paragraphs, two-column
 * headers, tables with wrapped cells and automatic page breaks, images. Text is NFC so the
 * embedded font's precomposed Vietnamese glyphs are used (pdftotext gives the same letters back).
 */
export class PdfWriter {
  private page!: PDFPage;
  private y = 0;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: { regular: PDFFont; bold: PDFFont; italic: PDFFont },
    private readonly size: [number, number],
  ) {
    this.newPage();
  }

  /**
   * Opens a document (A4 portrait unless landscape) with the fonts embedded. The metadata dates
   * are the form's own date, not the rendering time, so the same data gives the same bytes.
   */
  static async create(title: string, date: Date, options: { landscape?: boolean } = {}): Promise<PdfWriter> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(fontkit);
    doc.setTitle(title);
    doc.setLanguage('vi-VN');
    doc.setProducer('Motcua');
    doc.setCreator('Motcua');
    doc.setCreationDate(date);
    doc.setModificationDate(date);
    const embed = (name: Parameters<typeof fontFile>[0]) => doc.embedFont(fontFile(name), { subset: true });
    const fonts = { regular: await embed('DejaVuSerif'), bold: await embed('DejaVuSerif-Bold'), italic: await embed('DejaVuSerif-Italic') };
    return new PdfWriter(doc, fonts, options.landscape ? A4_LANDSCAPE : A4);
  }

  get contentWidth(): number {
    return this.size[0] - MARGIN.left - MARGIN.right;
  }

  private newPage(): void {
    this.page = this.doc.addPage(this.size);
    this.y = this.size[1] - MARGIN.top;
  }

  private ensureRoom(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  private font(style: TextStyle): PDFFont {
    return style.bold ? this.fonts.bold : style.italic ? this.fonts.italic : this.fonts.regular;
  }

  /** Splits text into lines no wider than `width`. */
  private wrap(text: string, width: number, style: TextStyle): string[] {
    const font = this.font(style);
    const size = style.size ?? 12;
    const lines: string[] = [];
    for (const paragraph of text.normalize('NFC').split('\n')) {
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (line && font.widthOfTextAtSize(candidate, size) > width) {
          lines.push(line);
          line = word;
        } else line = candidate;
      }
      lines.push(line);
    }
    return lines;
  }

  private drawLines(lines: string[], x: number, width: number, style: TextStyle): void {
    const font = this.font(style);
    const size = style.size ?? 12;
    for (const line of lines) {
      const lineWidth = font.widthOfTextAtSize(line, size);
      const left = style.align === 'center' ? x + (width - lineWidth) / 2 : style.align === 'right' ? x + width - lineWidth : x;
      this.page.drawText(line, { x: left, y: this.y - size, size, font, color: BLACK });
      this.y -= size * 1.35;
    }
  }

  /** A wrapped paragraph across the full width. */
  text(text: string, style: TextStyle = {}): this {
    const lines = this.wrap(text, this.contentWidth, style);
    this.ensureRoom((style.size ?? 12) * 1.35 * Math.min(lines.length, 3));
    for (const line of lines) {
      this.ensureRoom((style.size ?? 12) * 1.35);
      this.drawLines([line], MARGIN.left, this.contentWidth, style);
    }
    return this;
  }

  /** Vertical space. */
  gap(points = 8): this {
    this.y -= points;
    return this;
  }

  /** Side-by-side blocks of centred lines (the national header, the signature block). */
  columns(blocks: Array<Array<{ text: string } & TextStyle>>, widths?: number[]): this {
    const shares = widths ?? blocks.map(() => 1 / blocks.length);
    const top = this.y;
    let lowest = top;
    let x = MARGIN.left;
    blocks.forEach((block, i) => {
      const width = this.contentWidth * shares[i];
      this.y = top;
      for (const item of block) this.drawLines(this.wrap(item.text, width - 6, item), x, width, { align: 'center', ...item });
      lowest = Math.min(lowest, this.y);
      x += width;
    });
    this.y = lowest;
    return this;
  }

  /** A ruled table; cells wrap and rows never split across pages. */
  table(columns: Column[], rows: string[][], style: TextStyle = { size: 10 }): this {
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (this.contentWidth * c.width) / total);
    const size = style.size ?? 10;
    const drawRow = (cells: string[], rowStyle: TextStyle) => {
      const wrapped = cells.map((cell, i) => this.wrap(cell, widths[i] - 6, { ...rowStyle, size }));
      const height = Math.max(...wrapped.map((lines) => lines.length)) * size * 1.35 + 6;
      this.ensureRoom(height);
      const top = this.y;
      let x = MARGIN.left;
      wrapped.forEach((lines, i) => {
        this.page.drawRectangle({ x, y: top - height, width: widths[i], height, borderColor: BLACK, borderWidth: 0.5 });
        this.y = top - 3;
        this.drawLines(lines, x + 3, widths[i] - 6, { ...rowStyle, size });
        x += widths[i];
      });
      this.y = top - height;
    };
    drawRow(columns.map((c) => c.header), { bold: true, align: 'center' });
    for (const row of rows) drawRow(row, style);
    return this.gap(6);
  }

  /** A PNG (barcode, QR code) at the current position, left or right aligned; text does not flow around it. */
  async image(png: Uint8Array, width: number, height: number, align: 'left' | 'right' = 'left'): Promise<this> {
    const image = await this.doc.embedPng(png);
    this.ensureRoom(height);
    const x = align === 'left' ? MARGIN.left : MARGIN.left + this.contentWidth - width;
    this.page.drawImage(image, { x, y: this.y - height, width, height });
    return this;
  }

  /** Moves the cursor down by an image's height drawn with `image()` (lets text sit beside it first). */
  skip(points: number): this {
    this.y -= points;
    return this;
  }

  async save(): Promise<Uint8Array> {
    return this.doc.save();
  }
}
