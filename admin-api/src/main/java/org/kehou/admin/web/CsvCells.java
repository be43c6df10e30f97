package org.kehou.admin.web;

/**
 * Cells of every CSV the admin API hands out. A spreadsheet runs a cell that starts with {@code =}, {@code +},
 * {@code -} or {@code @} (or a tab or carriage return) as a formula, and a pupil's or guardian's name comes from an
 * uploaded roster: such a cell gets a leading single quote, as OWASP's CSV injection guidance says, and shows as
 * text.
 */
public final class CsvCells {

  private static final String FORMULA_STARTS = "=+-@\t\r";

  private CsvCells() {
  }

  /** The cells ready for {@code CSVPrinter.printRecord}; null stays an empty cell. */
  public static Object[] safe(Object... cells) {
    Object[] out = new Object[cells.length];
    for (int i = 0; i < cells.length; i++) {
      out[i] = cells[i] == null ? null : safe(cells[i].toString());
    }
    return out;
  }

  public static String safe(String cell) {
    if (cell == null || cell.isEmpty() || FORMULA_STARTS.indexOf(cell.charAt(0)) < 0) {
      return cell;
    }
    return "'" + cell;
  }
}
