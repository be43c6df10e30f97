package org.kehou.core.records;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The daily attendance sheet: one worksheet per session, every child with the roll call's latest mark. */
class AttendanceSheetTests extends RecordsTestSupport {

  @Autowired AttendanceWorkbook workbook;

  @Test
  void theDailySheetListsEachChildWithTheLatestMarkLeaveAndEarlyLeave() throws Exception {
    DayRecord monday = records.day(school.schoolId, MONDAY);

    try (XSSFWorkbook book = open(out -> workbook.sessions("测试小学", MONDAY, monday.sessions(), null, out))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(1);
      XSSFSheet sheet = book.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("作业辅导 15.30");
      assertThat(cell(sheet, 0, 0)).isEqualTo("测试小学 2026年10月12日 作业辅导（15:30—16:30）出勤表");
      assertThat(row(sheet, 1, 8)).containsExactly("序号", "班级", "姓名", "出勤情况", "点名时间", "点名人", "早退时间",
          "早退原因");
      assertThat(row(sheet, 2, 8)).containsExactly(1L, "三年级1班", "王小明", "出勤", "15:35", "赵老师", null, null);
      assertThat(row(sheet, 3, 8)).containsExactly(2L, "三年级1班", "李雷", "缺勤", "15:36", "赵老师", null, null);
      assertThat(row(sheet, 4, 8)).containsExactly(3L, "三年级1班", "韩梅梅", "请假", null, null, null, null);
      assertThat(row(sheet, 5, 8)).containsExactly(4L, "三年级2班", "张伟", "出勤", "15:35", "赵老师", "16:05", "看牙");
      assertThat(cell(sheet, 6, 0)).isEqualTo(
          "合计：应到 3 人次，实到 2，缺勤 1，请假 1，早退 1，未点名 0，出勤率 66.7%；任课教师：赵老师");
      assertThat(sheet.getLastRowNum()).isEqualTo(6);
    }
  }

  @Test
  void everySheetPrintsOnA4FittedToTheWidthWithItsHeaderRepeatedAndFrozen() throws Exception {
    DayRecord monday = records.day(school.schoolId, MONDAY);

    try (XSSFWorkbook book = open(out -> workbook.sessions("测试小学", MONDAY, monday.sessions(), null, out))) {
      XSSFSheet sheet = book.getSheetAt(0);
      assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
      assertThat(sheet.getPrintSetup().getLandscape()).as("eight columns print landscape").isTrue();
      assertThat(sheet.getFitToPage()).isTrue();
      assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
      assertThat(sheet.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
      assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("1:2");
      PaneInformation pane = sheet.getPaneInformation();
      assertThat(pane.isFreezePane()).isTrue();
      assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 2);
      assertThat(sheet.getHeader().getCenter()).contains("出勤表");
      assertThat(sheet.getFooter().getCenter()).isEqualTo("第 &P 页，共 &N 页");
      assertThat(sheet.getMergedRegion(0).formatAsString()).isEqualTo("A1:H1");
    }
  }

  @Test
  void aClassTeachersSheetHoldsOnlyTheirClassAndADayWithoutServiceSaysSo() throws Exception {
    DayRecord monday = records.day(school.schoolId, MONDAY);
    DayRecord sunday = records.day(school.schoolId, MONDAY.minusDays(1));

    try (XSSFWorkbook book = open(out -> workbook.sessions("测试小学", MONDAY,
        monday.sessions().stream().map(s -> s.only(classTwo)).toList(), "三年级2班", out))) {
      XSSFSheet sheet = book.getSheetAt(0);
      assertThat(cell(sheet, 0, 0)).isEqualTo("测试小学 2026年10月12日 作业辅导（15:30—16:30）出勤表（三年级2班）");
      assertThat(row(sheet, 2, 3)).containsExactly(1L, "三年级2班", "张伟");
      assertThat(sheet.getLastRowNum()).isEqualTo(3);
    }
    assertThat(sunday.sessions()).isEmpty();
    try (XSSFWorkbook book = open(out -> workbook.sessions("测试小学", sunday.date(), sunday.sessions(), null, out))) {
      assertThat(cell(book.getSheetAt(0), 0, 0)).isEqualTo("2026年10月11日没有课后服务。");
    }
  }
}
