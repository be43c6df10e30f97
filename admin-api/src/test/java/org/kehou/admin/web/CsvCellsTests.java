package org.kehou.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellsTests {

  @Test
  void cellsAFormulaWouldStartWithAreQuotedAndOthersLeftAlone() {
    assertThat(CsvCells.safe("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(CsvCells.safe("+86 138")).isEqualTo("'+86 138");
    assertThat(CsvCells.safe("-1+1")).isEqualTo("'-1+1");
    assertThat(CsvCells.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvCells.safe("\t=1")).isEqualTo("'\t=1");
    assertThat(CsvCells.safe("王小明")).isEqualTo("王小明");
    assertThat(CsvCells.safe("a=b")).isEqualTo("a=b");
    assertThat(CsvCells.safe("")).isEmpty();
    assertThat(CsvCells.safe((String) null)).isNull();
    assertThat(CsvCells.safe("三年级1班", null, "-x")).containsExactly("三年级1班", null, "'-x");
  }
}
