/**
 * The summary report as a PDF (001 七: 活动总结报告 for leadership), drawn with pdfkit in the
 * requester's language. Chinese needs a CJK font in the file: Noto Sans SC (SIL OFL) comes from
 * the npm registry (@expo-google-fonts/noto-sans-sc), so `npm ci` is all a machine needs, and
 * pdfkit embeds only the glyphs used, so a report is tens of kilobytes, not ten megabytes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { SummaryReport } from '#lib/analytics/report';
import { moment, reportText, type ReportColumn } from '#lib/analytics/report-format';
import { format, type Locale, type MessageKey } from '#lib/i18n/locale';

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | null = null;

/** Read once per process: the two weights are about 10 MB each, and every report uses them. */
function loadFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(
      require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')
    ),
    bold: readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'))
  };
  return fonts;
}

const MARGIN = 50;
const INK = '#1f2328';
const MUTED = '#59636e';
const RULE = '#d0d7de';
const HEAD = '#f3f4f6';

/** The report as PDF bytes. */
export async function reportPdf(report: SummaryReport, locale: Locale): Promise<Buffer> {
  const t = (key: MessageKey, params?: Record<string, string | number>) => format(locale, key, params);
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${t('report.title')} · ${report.title}`, Subject: report.boardTitle },
    lang: locale
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;

  const heading = (text: string) => {
    if (doc.y + 60 > bottom()) doc.addPage();
    doc.moveDown(0.8).font('bold').fontSize(13).fillColor(INK).text(text, MARGIN, doc.y, { width });
    doc.moveDown(0.3);
  };
  const note = (text: string) =>
    doc.font('regular').fontSize(10).fillColor(MUTED).text(text, MARGIN, doc.y, { width });

  const table = (cols: ReportColumn[], rows: string[][]) => {
    const xs: number[] = [];
    let x = MARGIN;
    for (const c of cols) {
      xs.push(x);
      x += c.width * width;
    }
    const pad = 4;
    const drawRow = (cells: string[], head: boolean) => {
      doc.font(head ? 'bold' : 'regular').fontSize(9.5);
      const h =
        Math.max(
          ...cells.map((c, i) => doc.heightOfString(c || ' ', { width: cols[i]!.width * width - 2 * pad }))
        ) +
        2 * pad;
      if (doc.y + h > bottom()) {
        doc.addPage();
        if (!head)
          drawRow(
            cols.map((c) => c.label),
            true
          );
        doc.font('regular').fontSize(9.5);
      }
      const y = doc.y;
      if (head) doc.rect(MARGIN, y, width, h).fill(HEAD);
      doc.fillColor(INK);
      cells.forEach((c, i) => {
        const col = cols[i]!;
        doc.text(c, xs[i]! + pad, y + pad, {
          width: col.width * width - 2 * pad,
          align: col.align ?? 'left'
        });
      });
      doc
        .moveTo(MARGIN, y + h)
        .lineTo(MARGIN + width, y + h)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      doc.x = MARGIN;
      doc.y = y + h;
    };
    drawRow(
      cols.map((c) => c.label),
      true
    );
    for (const r of rows) drawRow(r, false);
  };

  const text = reportText(report, locale);
  doc.font('bold').fontSize(20).fillColor(INK).text(t('report.title'), { width });
  doc.font('bold').fontSize(15).text(report.title, { width });
  doc.moveDown(0.4);
  for (const [k, v] of text.facts) {
    doc.font('bold').fontSize(10).fillColor(MUTED).text(`${k}：`, { continued: true });
    doc.font('regular').fillColor(INK).text(v, { width });
  }
  note(t('report.madeAt', { time: moment(report.at, locale) }));

  for (const section of text.sections) {
    heading(section.heading);
    if (section.table)
      table(section.table.columns, [
        ...section.table.rows,
        ...(section.table.foot ? [section.table.foot] : [])
      ]);
    else note(section.empty);
    if (section.id !== 'timeline') continue;
    doc
      .moveDown(0.5)
      .font('bold')
      .fontSize(11)
      .fillColor(INK)
      .text(t('report.revisions'), MARGIN, doc.y, { width });
    if (text.rounds.length === 0) note(t('report.noRevisions'));
    for (const r of text.rounds) {
      doc.font('regular').fontSize(10).fillColor(INK).text(r.title, MARGIN, doc.y, { width });
      if (r.reason) note(r.reason);
    }
  }

  heading(t('report.retro'));
  if (report.retro.trim())
    doc.font('regular').fontSize(10.5).fillColor(INK).text(report.retro, MARGIN, doc.y, { width });
  else note(t('report.noRetro'));

  doc.end();
  await done;
  return Buffer.concat(chunks);
}
