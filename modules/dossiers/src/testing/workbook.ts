import ExcelJS from 'exceljs';

/**
 * The cell texts of an Excel file's first sheet, row by row (empty cells skipped), so a test
 * outside the module (the admin's browser test of the tracking book) can read a download
 * without depending on exceljs itself.
 *
 * @example
 * const rows = await worksheetTexts(Buffer.from(book.contentBase64, 'base64'));
 * expect(rows.some((row) => row.includes('Nguyễn Văn An'))).toBe(true);
 */
export async function worksheetTexts(xlsx: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(xlsx) as never);
  const rows: string[][] = [];
  workbook.worksheets[0]?.eachRow((row) => {
    const texts: string[] = [];
    row.eachCell((cell) => texts.push(String(cell.value)));
    rows.push(texts);
  });
  return rows;
}
