import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export type XlsxColumn = { header: string; width: number };
export type AddRow = (cells: (string | number | null)[]) => void;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// A one-sheet workbook written with exceljs's streaming writer (rows are flushed as they are
// added, so memory stays flat), collected into a buffer. `fill` adds the rows, page by page.
export async function buildXlsx(sheetName: string, columns: XlsxColumn[], fill: (add: AddRow) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  await fill((cells) => ws.addRow(cells).commit());
  ws.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

// Content-Disposition with a Chinese file name (RFC 6266 filename*, ASCII fallback).
export function attachment(asciiName: string, name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
