package org.kehou.core.records;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * One sheet of an {@link XlsxBook}, written row by row: text as text, whole numbers as numbers, a {@link Double} as a
 * percentage (a rate), null as an empty cell. {@link #rows()} counts the data rows, below the title and headers.
 */
public final class XlsxSheet {

  private final XlsxBook book;
  private final SXSSFSheet sheet;
  private int next;
  private int rows;

  XlsxSheet(XlsxBook book, SXSSFSheet sheet) {
    this.book = book;
    this.sheet = sheet;
  }

  void title(String heading, int columns) {
    Row row = sheet.createRow(next++);
    row.setHeightInPoints(24);
    Cell cell = row.createCell(0);
    cell.setCellValue(heading);
    cell.setCellStyle(book.title);
    if (columns > 1) {
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
    }
  }

  void headers(List<String> headers) {
    Row row = sheet.createRow(next++);
    for (int i = 0; i < headers.size(); i++) {
      Cell cell = row.createCell(i);
      cell.setCellValue(headers.get(i));
      cell.setCellStyle(book.header);
    }
  }

  public XlsxSheet row(Object... values) {
    Row row = sheet.createRow(next++);
    rows++;
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      Cell cell = row.createCell(i);
      if (v == null) {
        cell.setCellStyle(book.text);
      } else if (v instanceof Double d) {
        cell.setCellValue(d);
        cell.setCellStyle(book.percent);
      } else if (v instanceof Number n) {
        cell.setCellValue(n.doubleValue());
        cell.setCellStyle(book.number);
      } else if (v instanceof Boolean b) {
        cell.setCellValue(b);
        cell.setCellStyle(book.text);
      } else {
        cell.setCellValue(v.toString());
        cell.setCellStyle(book.text);
      }
    }
    return this;
  }

  public int rows() {
    return rows;
  }
}
