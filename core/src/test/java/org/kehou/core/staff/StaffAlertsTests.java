package org.kehou.core.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.core.testing.SchoolFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class StaffAlertsTests {

  private static final Map<String, String> FIELDS = Map.of("offering", "作业辅导", "date", "2026-11-04",
      "startsAt", "15:30");

  @Autowired StaffAlerts alerts;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void aStaffMemberIsToldOfAnOccasionOnceAndTheSecondTellingSaysSo() {
    SchoolFixture school = new SchoolFixture(jdbc);
    long teacher = school.staff("DUTY_TEACHER");

    boolean first = alerts.tell(teacher, "roll-call-missing", "roll-call-missing:1:2026-11-04", "作业辅导还没有点名",
        FIELDS);
    boolean again = alerts.tell(teacher, "roll-call-missing", "roll-call-missing:1:2026-11-04", "作业辅导还没有点名",
        FIELDS);

    assertThat(first).isTrue();
    assertThat(again).isFalse();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_notice WHERE staff_id = ?", Integer.class, teacher))
        .isEqualTo(1);
  }

  @Test
  void aRepeatedTellingInsideACallersTransactionLeavesTheRestOfItsWorkStanding() {
    SchoolFixture school = new SchoolFixture(jdbc);
    long teacher = school.staff("DUTY_TEACHER");
    long colleague = school.staff("DUTY_TEACHER");
    alerts.tell(teacher, "roll-call-missing", "roll-call-missing:2:2026-11-04", "作业辅导还没有点名", FIELDS);

    transactions.executeWithoutResult(tx -> {
      alerts.tell(teacher, "roll-call-missing", "roll-call-missing:2:2026-11-04", "作业辅导还没有点名", FIELDS);
      alerts.tell(colleague, "roll-call-missing", "roll-call-missing:2:2026-11-04", "作业辅导还没有点名", FIELDS);
    });

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_notice WHERE staff_id IN (?, ?)", Integer.class,
        teacher, colleague)).isEqualTo(2);
  }
}
