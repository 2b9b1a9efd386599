import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../../platform/errors/app-error.ts';

// A spreadsheet as the importer sees it: header names, then data rows with their row number in
// the sheet (the header is row 1). Blank rows are skipped; every row has one cell per column.
export type SheetRow = { rowNo: number; cells: string[] };
export type ParsedSheet = { columns: string[]; rows: SheetRow[] };

export const MAX_IMPORT_ROWS = 100_000;

const fileError = (message: string) => new AppError('VALIDATION_FAILED', message, [{ field: 'fileBase64', message }]);

// Text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 — what Excel in
// China writes by default ("CSV (逗号分隔)" is GBK there).
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

// The delimiter of the header line: comma, or tab / semicolon when those clearly dominate.
function detectDelimiter(text: string): number {
  const end = text.search(/[\r\n]/);
  const head = end < 0 ? text : text.slice(0, end);
  const count = (ch: string) => head.split(ch).length - 1;
  const [comma, tab, semi] = [count(','), count('\t'), count(';')];
  if (tab > comma && tab >= semi) return 9;
  if (semi > comma && semi > tab) return 59;
  return 44;
}

// RFC 4180: fields separated by the delimiter, records by CRLF, LF or CR; a quoted field may hold
// delimiters, line breaks and doubled quotes. Lenient about text after a closing quote.
export function parseCsv(text: string, limit = Infinity): string[][] {
  const delim = detectDelimiter(text);
  const n = text.length;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const scanPlain = (from: number) => {
    let j = from;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === delim || c === LF || c === CR) break;
    }
    return j;
  };
  while (i < n && rows.length < limit) {
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      field = '';
      let start = i + 1;
      for (;;) {
        const q = text.indexOf('"', start);
        if (q < 0) {
          field += text.slice(start);
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          field += text.slice(start, q + 1);
          start = q + 2;
          continue;
        }
        field += text.slice(start, q);
        i = q + 1;
        break;
      }
      const j = scanPlain(i);
      field += text.slice(i, j);
      i = j;
    } else {
      const j = scanPlain(i);
      field = text.slice(i, j);
      i = j;
    }
    row.push(field);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === delim) {
      i++;
      if (i >= n) row.push('');
      continue;
    }
    rows.push(row);
    row = [];
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
  }
  if (row.length && rows.length < limit) rows.push(row);
  return rows;
}

type CellValue = ExcelJS.CellValue;

// A cell as text: numbers without exponent where exact, dates as YYYY-MM-DD (with time if any),
// formulas by their result, rich text and hyperlinks by their text.
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) {
    const s = v.toISOString();
    return s.endsWith('T00:00:00.000Z') ? s.slice(0, 10) : s.slice(0, 16).replace('T', ' ');
  }
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return cellText((v as ExcelJS.CellFormulaValue).result as CellValue);
  if ('text' in v) return typeof v.text === 'string' ? v.text : cellText(v.text as CellValue);
  return '';
}

async function readXlsx(bytes: Buffer, limit: number): Promise<{ rowNo: number; cells: string[] }[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  const out: { rowNo: number; cells: string[] }[] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as CellValue[];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
        out.push({ rowNo: row.number, cells });
        if (out.length >= limit) break;
      }
      break; // the first sheet only
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw fileError('无法读取该 Excel 文件，请确认文件完整并另存为 .xlsx 后重试');
  }
  return out;
}

function headerNames(raw: string[]): string[] {
  const cells = raw.map((c) => c.replace(/^\uFEFF/, '').replaceAll('\0', '').trim());
  while (cells.length && !cells[cells.length - 1]) cells.pop();
  const seen = new Map<string, number>();
  return cells.map((c, i) => {
    const base = c || `第${i + 1}列`;
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    return k === 1 ? base : `${base}_${k}`;
  });
}

// Parse an uploaded .xlsx or .csv. `limit` stops after that many data rows (for previews).
export async function parseSpreadsheet(fileName: string, bytes: Buffer, opts: { limit?: number } = {}): Promise<ParsedSheet> {
  const limit = opts.limit ?? MAX_IMPORT_ROWS + 1;
  if (!bytes.length) throw fileError('文件是空的');
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const isOle = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (isOle || /\.xls$/i.test(fileName)) throw fileError('不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 .csv 后上传');
  let records: { rowNo: number; cells: string[] }[];
  if (isZip) records = await readXlsx(bytes, limit + 1);
  else if (/\.(xlsx|xlsm)$/i.test(fileName)) throw fileError('文件不是有效的 .xlsx 格式');
  else records = parseCsv(decodeText(bytes), limit + 1).map((cells, i) => ({ rowNo: i + 1, cells }));
  const header = records.find((r) => r.cells.some((c) => c.trim()));
  if (!header) throw fileError('文件中没有表头');
  const columns = headerNames(header.cells);
  if (!columns.length) throw fileError('文件中没有表头');
  const rows: SheetRow[] = [];
  for (const r of records) {
    if (r.rowNo <= header.rowNo) continue;
    // PostgreSQL text cannot hold NUL characters; they are never meaningful in a spreadsheet cell.
    const cells = columns.map((_c, i) => (r.cells[i] ?? '').replaceAll('\0', '').trim());
    if (cells.some((c) => c)) rows.push({ rowNo: r.rowNo, cells });
  }
  return { columns, rows: rows.slice(0, limit) };
}
