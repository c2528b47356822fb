/**
 * Small but real draft files for tests, built in code so no binary sits in the repository: a ZIP
 * (stored entries, valid CRCs) and the Office files that are ZIPs, and a PDF of several pages
 * that pdf.js renders.
 */
import { crc32 } from 'node:zlib';

const u16 = (n: number) => Buffer.from([n & 0xff, (n >> 8) & 0xff]);
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

/** A ZIP of `entries` (name → content), stored uncompressed, in the given order. */
export function zipOf(entries: Readonly<Record<string, string>>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    // version, flags, method (stored), time, date, crc, sizes, name length, extra length
    const common = [u16(0), u16(0), u16(0), u16(0), u32(crc), u32(data.length), u32(data.length)];
    const local = Buffer.concat([
      Buffer.from('PK\x03\x04', 'latin1'),
      u16(20),
      ...common,
      u16(fileName.length),
      u16(0),
      fileName,
      data
    ]);
    centrals.push(
      Buffer.concat([
        Buffer.from('PK\x01\x02', 'latin1'),
        u16(20),
        u16(20),
        ...common,
        u16(fileName.length),
        u16(0),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(offset),
        fileName
      ])
    );
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  const count = u16(centrals.length);
  const end = Buffer.concat([
    Buffer.from('PK\x05\x06', 'latin1'),
    u16(0),
    u16(0),
    count,
    count,
    u32(central.length),
    u32(offset),
    u16(0)
  ]);
  return Buffer.concat([...locals, central, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** The skeleton of an Office file whose main part lies under `folder` (word, ppt, xl). */
export function officeFile(folder: 'word' | 'ppt' | 'xl'): Buffer {
  return zipOf({
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': '<?xml version="1.0"?><Relationships/>',
    [`${folder}/document.xml`]: '<?xml version="1.0"?><document/>'
  });
}

/** A PDF of `pages` pages, each saying "Page n" in large type (a standard font, not embedded). */
export function pdfOf(pages: number): Buffer {
  const objects: string[] = [];
  const pageIds = Array.from({ length: pages }, (_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  pageIds.forEach((id, i) => {
    const stream = `BT /F1 48 Tf 72 700 Td (Page ${i + 1}) Tj ET`;
    objects[id] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
