import ExcelJS from 'exceljs';
import {
  COMPLAINT_CHANNEL_LABELS, COMPLAINT_STATUS_LABELS, ESCALATION_LEVEL_LABELS, SEVERITY_LABELS, SPECIALTY_LABELS,
} from '../../../common/complaints.ts';
import type { ComplaintReport } from '../../../common/contracts/complaint-reports.ts';
import { formatShanghaiTime } from '../../../common/time.ts';
import type { Rate, Share } from './report-stats.ts';

const PERCENT = '0.0%';
const bold = { bold: true } as const;
const time = (iso: string | null) => (iso ? formatShanghaiTime(new Date(iso)) : '');

function header(ws: ExcelJS.Worksheet, columns: { header: string; width: number }[]) {
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = bold;
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

function overview(wb: ExcelJS.Workbook, r: ComplaintReport, generatedAt: Date) {
  const ws = wb.addWorksheet('概况');
  ws.columns = [{ width: 30 }, { width: 12 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }];
  const title = ws.addRow([`投诉${r.period.kind === 'week' ? '周报' : '月报'}：${r.period.label}`]);
  title.font = { bold: true, size: 14 };
  ws.addRow(['范围', r.scopeLabel]);
  ws.addRow(['统计区间', `${time(r.period.from)} 至 ${time(r.period.to)}（不含）`]);
  ws.addRow(['生成时间', formatShanghaiTime(generatedAt)]);
  ws.addRow([]);
  ws.addRow(['指标', '数值', '目标', '分子', '分母', '是否达标']).font = bold;
  const s = r.summary;
  ws.addRow(['本期受理', s.received]);
  ws.addRow(['本期关闭', s.closed]);
  ws.addRow(['期末未关闭', s.openAtEnd]);
  ws.addRow(['期末超时未解决', s.overdueAtEnd]);
  const rateRow = (label: string, x: Rate) => {
    const row = ws.addRow([label, x.value, x.target, x.numerator, x.denominator, x.met === null ? '—' : x.met ? '达标' : '未达标']);
    row.getCell(2).numFmt = PERCENT;
    row.getCell(3).numFmt = PERCENT;
    if (x.value === null) row.getCell(2).value = '—';
  };
  rateRow('满意度（最近一次回访 4 分及以上，目标须高于）', s.satisfaction);
  rateRow('处理及时率（按时限解决 / 已解决）', s.onTime);
  rateRow('关闭率（已关闭 / 本期受理）', s.closure);
  rateRow('回访率（已回访 / 已解决）', s.callback);
}

function shares(wb: ExcelJS.Workbook, name: string, first: string, rows: Share[]) {
  const ws = wb.addWorksheet(name);
  header(ws, [{ header: first, width: 24 }, { header: '投诉量', width: 10 }, { header: '占比', width: 10 }]);
  for (const x of rows) ws.addRow([x.label, x.count, x.share]).getCell(3).numFmt = PERCENT;
  const total = rows.reduce((sum, x) => sum + x.count, 0);
  const sum = ws.addRow(['合计', total, total > 0 ? rows.reduce((acc, x) => acc + x.share, 0) : 0]);
  sum.font = bold;
  sum.getCell(3).numFmt = PERCENT;
}

function notable(wb: ExcelJS.Workbook, r: ComplaintReport) {
  const ws = wb.addWorksheet('重点投诉');
  header(ws, [
    { header: '投诉编号', width: 18 }, { header: '项目', width: 14 }, { header: '楼栋', width: 10 }, { header: '房号', width: 8 }, { header: '标题', width: 30 },
    { header: '专业', width: 10 }, { header: '性质', width: 6 }, { header: '状态', width: 8 }, { header: '处理层级', width: 9 }, { header: '受理渠道', width: 12 },
    { header: '投诉人', width: 10 }, { header: '联系电话', width: 14 }, { header: '责任人', width: 10 }, { header: '登记时间', width: 17 },
    { header: '处理时限', width: 17 }, { header: '关闭时间', width: 17 }, { header: '是否超时', width: 8 },
  ]);
  for (const c of r.notable) {
    ws.addRow([
      c.no, c.projectName, c.buildingName ?? '', c.unitNumber ?? '', c.title, SPECIALTY_LABELS[c.specialty], SEVERITY_LABELS[c.severity], COMPLAINT_STATUS_LABELS[c.status],
      ESCALATION_LEVEL_LABELS[c.escalationLevel], COMPLAINT_CHANNEL_LABELS[c.channel], c.contactName, c.contactMobile, c.handler?.name ?? '',
      time(c.filedAt), time(c.resolutionDueAt), time(c.closedAt), c.overdue ? '是' : '否',
    ]);
  }
}

// The report as a workbook: 概况, 按专业, 按性质, 按项目, 重点投诉 (mobiles already masked).
export async function buildReportXlsx(r: ComplaintReport, generatedAt: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '客源 Keyuan';
  wb.created = generatedAt;
  overview(wb, r, generatedAt);
  shares(wb, '按专业', '专业', r.bySpecialty);
  shares(wb, '按性质', '性质', r.bySeverity);
  shares(wb, '按项目', '项目', r.byProject);
  notable(wb, r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
