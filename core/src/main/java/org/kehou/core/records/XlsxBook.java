package org.kehou.core.records;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.io.output.CloseShieldOutputStream;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A workbook as every sheet Kehou prints is laid out: a title row, a header row that is frozen and repeated on every
 * printed page, A4 fitted to the page width (landscape for wide sheets), the title and page numbers in the page header
 * and footer. Streaming (SXSSF): only a window of rows stays in memory, so a term's sheets for a whole school fit.
 */
public final class XlsxBook implements AutoCloseable {

  /** Wider than this many columns prints landscape. */
  private static final int PORTRAIT_COLUMNS = 6;

  private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
  private final Set<String> names = new HashSet<>();
  private final String footer;
  final CellStyle title;
  final CellStyle header;
  final CellStyle text;
  final CellStyle number;
  final CellStyle percent;

  /** @param footer the page footer, with {@code &P} for the page and {@code &N} for the pages (a template text) */
  public XlsxBook(String footer) {
    this.footer = footer;
    Font bold = workbook.createFont();
    bold.setBold(true);
    Font big = workbook.createFont();
    big.setBold(true);
    big.setFontHeightInPoints((short) 14);
    title = workbook.createCellStyle();
    title.setFont(big);
    title.setAlignment(HorizontalAlignment.CENTER);
    header = bordered();
    header.setFont(bold);
    header.setAlignment(HorizontalAlignment.CENTER);
    header.setVerticalAlignment(VerticalAlignment.CENTER);
    header.setWrapText(true);
    header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    text = bordered();
    number = bordered();
    percent = bordered();
    percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
  }

  /**
   * A new sheet with its title (row 1) and headers (row 2). {@code widths} in character widths (a Chinese character is
   * two), one per header.
   */
  public XlsxSheet sheet(String name, String heading, List<String> headers, int[] widths) {
    SXSSFSheet sheet = workbook.createSheet(uniqueName(name));
    PrintSetup print = sheet.getPrintSetup();
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    print.setLandscape(headers.size() > PORTRAIT_COLUMNS);
    sheet.setFitToPage(true);
    print.setFitWidth((short) 1);
    print.setFitHeight((short) 0);
    sheet.setRepeatingRows(CellRangeAddress.valueOf("1:2"));
    sheet.createFreezePane(0, 2);
    sheet.setHorizontallyCenter(true);
    sheet.getHeader().setCenter(heading);
    sheet.getFooter().setCenter(footer);
    for (int i = 0; i < widths.length; i++) {
      sheet.setColumnWidth(i, Math.min(255, widths[i]) * 256);
    }
    XlsxSheet out = new XlsxSheet(this, sheet);
    out.title(heading, headers.size());
    out.headers(headers);
    return out;
  }

  public void write(OutputStream out) {
    try {
      // The caller's stream stays open: a workbook is often one entry of a ZIP.
      workbook.write(CloseShieldOutputStream.wrap(out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      workbook.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CellStyle bordered() {
    CellStyle style = workbook.createCellStyle();
    style.setBorderTop(BorderStyle.THIN);
    style.setBorderBottom(BorderStyle.THIN);
    style.setBorderLeft(BorderStyle.THIN);
    style.setBorderRight(BorderStyle.THIN);
    return style;
  }

  private String uniqueName(String wanted) {
    String base = WorkbookUtil.createSafeSheetName(wanted == null || wanted.isBlank() ? "Sheet" : wanted);
    String name = base;
    for (int n = 2; !names.add(name.toLowerCase()); n++) {
      String suffix = "(" + n + ")";
      name = (base.length() + suffix.length() > 31 ? base.substring(0, 31 - suffix.length()) : base) + suffix;
    }
    return name;
  }
}
