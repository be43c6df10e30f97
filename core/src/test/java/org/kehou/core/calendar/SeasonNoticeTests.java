package org.kehou.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SeasonNoticeTests extends CalendarTestSupport {

  @Autowired CalendarTicker ticker;

  @Test
  void seasonNoticeSentOnce() {
    // Summer time (18:00) starts next Monday; the notice goes three days ahead, from Friday.
    jdbc.update("UPDATE term SET summer_starts_on = ?, summer_ends_on = ends_on - INTERVAL 1 DAY WHERE id = ?", MONDAY,
        school.termId);
    long homework = offering("作业辅导", 0b11111, "15:30", "17:30");
    long club = offering("绘本阅读", 0b11111, "15:30", "16:30");
    Family wang = enrolled("王小明", WEDNESDAY, homework);
    Family clubOnly = enrolled("李雷", WEDNESDAY, club);
    long applied = school.student(classId, "韩梅梅", "NONE");
    school.application(applied, school.guardian("韩妈妈", applied, "母亲"), "SEATED", homework);

    ticker.tickAt(MONDAY.minusDays(4).atTime(12, 0));
    assertThat(notices()).as("Thursday: too early").isEmpty();

    ticker.tickAt(MONDAY.minusDays(3).atTime(8, 0));
    ticker.tickAt(MONDAY.minusDays(3).atTime(8, 1));
    ticker.tickAt(MONDAY.minusDays(1).atTime(8, 0));

    assertThat(notices()).hasSize(1);
    assertThat(jdbc.queryForObject("SELECT guardian_id FROM outbox_message WHERE school_id = ? AND kind = "
        + "'season-times'", Long.class, school.schoolId)).isEqualTo(wang.guardian());
    assertThat(notices().get(0)).contains("18:00", "王小明");
    assertThat(clubOnly.guardian()).as("a club ending at 16:30 keeps its time").isNotEqualTo(wang.guardian());
  }

  @Test
  void twoNodesRunningTheJobAtOnceQueueTheNoticeOnce() throws Exception {
    jdbc.update("UPDATE term SET summer_starts_on = ?, summer_ends_on = ends_on - INTERVAL 1 DAY WHERE id = ?", MONDAY,
        school.termId);
    Family wang = enrolled("王小明", WEDNESDAY, offering("作业辅导", 0b11111, "15:30", "17:30"));
    sibling(wang, "王小红", WEDNESDAY, offering("绘本阅读", 0b11111, "15:30", "18:00"));

    twiceAtOnce(ticker, MONDAY.minusDays(2).atTime(9, 0));

    assertThat(notices()).as("one message to the mother of two").hasSize(1);
    assertThat(notices().get(0)).contains("王小明", "王小红");
  }

  private List<String> notices() {
    return jdbc.queryForList("SELECT body FROM outbox_message WHERE school_id = ? AND kind = 'season-times'",
        String.class, school.schoolId);
  }
}
