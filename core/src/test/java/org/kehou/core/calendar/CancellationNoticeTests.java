package org.kehou.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.core.offering.Weekday;
import org.kehou.core.outbox.SendWindow;
import org.springframework.beans.factory.annotation.Autowired;

class CancellationNoticeTests extends CalendarTestSupport {

  @Autowired CalendarTicker ticker;
  @Autowired SendWindow sendWindow;

  long homework;
  long mondayClub;

  void offerings() {
    homework = offering("作业辅导", mask(Weekday.WED, Weekday.THU, Weekday.FRI), "15:30", "17:30");
    mondayClub = offering("书法", mask(Weekday.MON), "15:30", "16:30");
  }

  @Test
  void cancellationForTomorrowToldAtOnce() {
    offerings();
    Family wang = enrolled("王小明", WEDNESDAY, homework);
    Family sister = sibling(wang, "王小红", WEDNESDAY, homework);
    Family li = enrolled("李雷", WEDNESDAY, homework);
    Family mondaysOnly = enrolled("赵小丽", WEDNESDAY, mondayClub);
    Family notYet = enrolled("孙小强", THURSDAY.plusDays(1), homework);

    CalendarEntry entry = add(THURSDAY, DayKind.CANCELLED, null, "暴雨橙色预警");

    assertThat(entry.notifiedAt()).isNotNull();
    List<Map<String, Object>> rows = messages("service-cancelled");
    assertThat(rows).extracting(r -> r.get("guardian_id")).containsExactlyInAnyOrder(wang.guardian(), li.guardian());
    String toTheWangs = body(rows, wang.guardian());
    assertThat(toTheWangs).contains("王小明", "王小红", "暴雨橙色预警", THURSDAY.getMonthValue() + "月"
        + THURSDAY.getDayOfMonth() + "日（星期四）");
    assertThat(rows).filteredOn(r -> r.get("guardian_id").equals(wang.guardian()))
        .allSatisfy(r -> assertThat(r.get("student_id")).as("one message about two children").isNull());
    assertThat(rows).filteredOn(r -> r.get("guardian_id").equals(li.guardian()))
        .allSatisfy(r -> assertThat(r.get("student_id")).isEqualTo(li.student()));
    assertThat(sister.guardian()).isEqualTo(wang.guardian());
    assertThat(mondaysOnly.guardian()).isNotIn(rows.stream().map(r -> r.get("guardian_id")).toList());
    assertThat(notYet.guardian()).isNotIn(rows.stream().map(r -> r.get("guardian_id")).toList());
  }

  @Test
  void aCancellationMadeAtNightReachesTheGuardiansWhenTheQuietHoursEnd() {
    LocalDateTime lateEvening = WEDNESDAY.atTime(22, 30);
    for (String kind : List.of("service-cancelled", "service-resumed", "season-times")) {
      assertThat(sendWindow.restricts(kind)).isTrue();
      assertThat(sendWindow.earliest(kind, lateEvening)).isEqualTo(THURSDAY.atTime(7, 0));
      assertThat(sendWindow.earliest(kind, THURSDAY.atTime(12, 0))).isEqualTo(THURSDAY.atTime(12, 0));
    }
  }

  @Test
  void laterCancellationToldTheEveningBefore() {
    offerings();
    Family wang = enrolled("王小明", WEDNESDAY, homework, mondayClub);
    LocalDate nextMonday = MONDAY;

    CalendarEntry entry = add(nextMonday, DayKind.CANCELLED, null, "全校运动会");

    assertThat(entry.notifyAt()).isEqualTo(nextMonday.minusDays(1).atTime(18, 0));
    assertThat(messages("service-cancelled")).isEmpty();
    ticker.tickAt(nextMonday.minusDays(1).atTime(17, 59));
    assertThat(messages("service-cancelled")).as("not before the evening before").isEmpty();

    ticker.tickAt(nextMonday.minusDays(1).atTime(18, 0));
    ticker.tickAt(nextMonday.minusDays(1).atTime(18, 1));

    assertThat(messages("service-cancelled")).hasSize(1).first()
        .satisfies(row -> assertThat(row.get("guardian_id")).isEqualTo(wang.guardian()));
  }

  @Test
  void twoNodesRunningTheJobAtOnceTellTheGuardiansOnce() throws Exception {
    offerings();
    Family wang = enrolled("王小明", WEDNESDAY, homework, mondayClub);
    enrolled("李雷", WEDNESDAY, mondayClub);
    add(MONDAY, DayKind.CANCELLED, null, "全校运动会");

    twiceAtOnce(ticker, MONDAY.minusDays(1).atTime(18, 0));
    twiceAtOnce(ticker, MONDAY.minusDays(1).atTime(18, 1));

    assertThat(messages("service-cancelled")).hasSize(2).extracting(r -> r.get("guardian_id"))
        .contains(wang.guardian()).doesNotHaveDuplicates();
  }

  @Test
  void removingACancellationBeforeItIsSentCancelsItsMessage() {
    offerings();
    enrolled("王小明", WEDNESDAY, homework);
    CalendarEntry entry = add(THURSDAY, DayKind.CANCELLED, null, "期中考试");
    assertThat(messages("service-cancelled")).extracting(r -> r.get("state")).containsExactly("PENDING");

    calendar.remove(school.schoolId, school.termId, entry.id(), admin);

    assertThat(messages("service-cancelled")).extracting(r -> r.get("state")).containsExactly("CANCELLED");
    assertThat(messages("service-resumed")).as("nobody read it, nobody is told otherwise").isEmpty();
    assertThat(sessionNames(THURSDAY)).containsExactly("作业辅导");
  }

  @Test
  void removingACancellationAlreadySentTellsThatTheServiceRunsAfterAll() {
    offerings();
    Family read = enrolled("王小明", WEDNESDAY, homework);
    Family notYetSent = enrolled("李雷", WEDNESDAY, homework);
    CalendarEntry entry = add(THURSDAY, DayKind.CANCELLED, null, "台风");
    jdbc.update("UPDATE outbox_message SET state = 'SENT' WHERE school_id = ? AND guardian_id = ?", school.schoolId,
        read.guardian());

    calendar.remove(school.schoolId, school.termId, entry.id(), admin);

    assertThat(messages("service-resumed")).extracting(r -> r.get("guardian_id")).containsExactly(read.guardian());
    assertThat(body(messages("service-resumed"), read.guardian())).contains("王小明", "照常");
    assertThat(messages("service-cancelled")).filteredOn(r -> r.get("guardian_id").equals(notYetSent.guardian()))
        .extracting(r -> r.get("state")).containsExactly("CANCELLED");
  }

  @Test
  void changingOnlyTheNoteTellsNobodyAgain() {
    offerings();
    enrolled("王小明", WEDNESDAY, homework);
    CalendarEntry entry = add(THURSDAY, DayKind.CANCELLED, null, "台风");

    calendar.change(school.schoolId, school.termId, entry.id(),
        new EntryDraft(THURSDAY, DayKind.CANCELLED, null, "台风（红色预警）"), admin);

    assertThat(messages("service-cancelled")).hasSize(1);
    assertThat(calendar.entries(school.schoolId, school.termId, THURSDAY, THURSDAY)).extracting(CalendarEntry::note)
        .containsExactly("台风（红色预警）");
  }

  private List<Map<String, Object>> messages(String kind) {
    return jdbc.queryForList("SELECT guardian_id, student_id, state, body FROM outbox_message WHERE school_id = ? "
        + "AND kind = ? ORDER BY id", school.schoolId, kind);
  }

  private static String body(List<Map<String, Object>> rows, long guardian) {
    return rows.stream().filter(r -> r.get("guardian_id").equals(guardian)).map(r -> (String) r.get("body"))
        .findFirst().orElseThrow();
  }
}
