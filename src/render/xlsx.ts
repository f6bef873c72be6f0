/** XLSX rendering with ExcelJS: typed cells, number formats, frozen header, totals row. */
import ExcelJS from 'exceljs';
import { moneyFormat, type TabularReport, toMajor } from './tabular.ts';

export async function renderXlsx(report: TabularReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Encours';
  const sheet = workbook.addWorksheet(report.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  sheet.addRow([report.title]).font = { bold: true, size: 14 };
  for (const line of report.subtitle) sheet.addRow([line]).font = { italic: true };
  const headerRow = sheet.addRow(report.columns.map((column) => column.header));
  headerRow.font = { bold: true };
  headerRow.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: headerRow.number }];
  const money = moneyFormat(report.currency);
  const formats: Record<string, string | undefined> = {
    money,
    percent: '0.0%',
    number: '#,##0.0',
    integer: '#,##0',
    date: 'dd/mm/yyyy',
  };
  const addRow = (values: (string | number | null)[], bold = false) => {
    const row = sheet.addRow(
      values.map((value, index) => {
        const kind = report.columns[index]?.kind;
        if (value === null) return null;
        if (kind === 'money' && typeof value === 'number') return toMajor(value, report.currency);
        if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
          return new Date(`${value}T00:00:00Z`);
        }
        return value;
      }),
    );
    report.columns.forEach((column, index) => {
      const format = formats[column.kind];
      if (format) row.getCell(index + 1).numFmt = format;
    });
    if (bold) row.font = { bold: true };
  };
  for (const values of report.rows) addRow(values);
  if (report.totals) addRow(report.totals, true);
  report.columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width ?? (column.kind === 'text' ? 28 : 15);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
