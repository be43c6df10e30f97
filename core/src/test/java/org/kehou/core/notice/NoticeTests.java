package org.kehou.core.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.kehou.core.testing.SchoolFixture;
import org.kehou.core.testing.SettableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Notices from the sender's call to the guardians' confirmations, reminders and the urgent alert, on the clock of a
 * school day. A class of its own per test: 王小明 with two guardians, 李雷 with one, all bound to WeChat.
 */
@SpringBootTest
@Import(SettableClock.Config.class)
class NoticeTests {

  static final LocalDate DAY = LocalDate.now(SettableClock.BEIJING).plusDays(3);

  @Autowired JdbcTemplate jdbc;
  @Autowired SettableClock clock;
  @Autowired Notices notices;
  @Autowired Confirmations confirmations;
  @Autowired NoticeReminders reminders;
  @Autowired NoticeLinks links;

  SchoolFixture school;
  Staff teacher;
  long classId;
  long mother;
  long father;
  long liMother;

  @BeforeEach
  void aClassWithTwoFamilies() {
    clock.set(DAY.atTime(10, 0));
    school = new SchoolFixture(jdbc);
    long teacherId = school.staff("CLASS_TEACHER");
    teacher = new Staff(teacherId, school.schoolId, "t", "老师", StaffRole.CLASS_TEACHER, true);
    classId = school.schoolClass(2, "二年级1班", teacherId);
    long xiaoming = school.student(classId, "王小明", "NONE");
    mother = school.guardian("王妈妈", xiaoming, "母亲");
    father = school.guardian("王爸爸", xiaoming, "父亲");
    long lilei = school.student(classId, "李雷", "NONE");
    liMother = school.guardian("李妈妈", lilei, "母亲");
    for (long g : List.of(mother, father, liMother)) {
      school.bindWeChat(g);
    }
  }

  @Test
  void eachGuardiansNoticesAreNumberedAndReceivedConfirmsTheNewest() {
    long first = send(false, null).noticeId();
    long second = send(false, null).noticeId();

    Confirmations.Outcome newest = confirmations.confirmNewest(mother).orElseThrow();
    Confirmations.Outcome byNumber = confirmations.confirmNumber(mother, 1).orElseThrow();
    Confirmations.Outcome again = confirmations.confirmNumber(mother, 1).orElseThrow();

    assertThat(newest.notice().noticeId()).isEqualTo(second);
    assertThat(newest.notice().seq()).isEqualTo(2);
    assertThat(newest.now()).isTrue();
    assertThat(byNumber.notice().noticeId()).isEqualTo(first);
    assertThat(again.now()).as("confirming twice records nothing new").isFalse();
    assertThat(confirmations.confirmNewest(mother)).as("nothing left to confirm").isEmpty();
    assertThat(confirmations.confirmNumber(mother, 3)).isEmpty();
    assertThat(confirmations.recent(father, 10)).extracting(ParentNotice::seq, ParentNotice::confirmed)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, false), org.assertj.core.groups.Tuple.tuple(1, false));
  }

  @Test
  void aLinkOpensOnlyItsOwnGuardiansNotice() {
    long id = send(false, null).noticeId();
    String token = links.token(id, mother);
    String[] parts = token.split("\\.");

    assertThat(confirmations.byLink(token)).map(ParentNotice::guardianId).contains(mother);
    assertThat(confirmations.byLink(token).orElseThrow().children()).containsExactly("王小明");
    assertThat(confirmations.byLink(parts[0] + "." + father + "." + parts[2])).as("another guardian's id").isEmpty();
    assertThat(confirmations.byLink(parts[0] + "." + parts[1] + "." + "A".repeat(22))).isEmpty();
    assertThat(confirmations.byLink(token + "x")).isEmpty();
    assertThat(confirmations.byLink(null)).isEmpty();
    assertThat(confirmations.confirmByLink(links.token(id, father))).map(Confirmations.Outcome::now).contains(true);
  }

  @Test
  void theReminderGoesOnceAndOnlyToFamiliesNobodyConfirmedFor() {
    long id = send(false, DAY.atTime(15, 0)).noticeId();
    confirmations.confirmNewest(mother);
    clock.set(DAY.atTime(12, 30));
    assertThat(reminders.tick()).as("not yet: two hours before the deadline").isZero();

    clock.set(DAY.atTime(13, 5));
    int queued = reminders.tick();

    assertThat(queued).isEqualTo(1);
    assertThat(jdbc.queryForList("SELECT guardian_id FROM outbox_message WHERE kind = 'notice-reminder' "
        + "AND dedup_key LIKE ?", Long.class, "notice-reminder:" + id + ":%"))
        .as("王小明 is confirmed by his mother: his father is not reminded").containsExactly(liMother);
    assertThat(jdbc.queryForObject("SELECT body FROM outbox_message WHERE kind = 'notice-reminder' AND guardian_id = ?",
        String.class, liMother)).contains("李雷", "收到 1", "/notice/" + links.token(id, liMother));
    clock.set(DAY.atTime(13, 30));
    assertThat(reminders.tick()).as("at most once per notice").isZero();
  }

  @Test
  void noReminderInTheQuietHoursUnlessUrgent() {
    clock.set(DAY.atTime(18, 0));
    long calm = send(false, DAY.atTime(23, 30)).noticeId();
    long urgent = send(true, DAY.atTime(23, 30)).noticeId();
    clock.set(DAY.atTime(21, 45));

    reminders.tick();

    assertThat(remindersOf(calm)).isZero();
    assertThat(jdbc.queryForList("SELECT DISTINCT kind FROM outbox_message WHERE dedup_key LIKE ?", String.class,
        "notice-reminder:" + urgent + ":%")).containsExactly("notice-urgent-reminder");
    assertThat(remindersOf(urgent)).isEqualTo(3);
  }

  @Test
  void twoInstancesTickingAtOnceRemindEachFamilyOnce() throws Exception {
    long id = send(false, DAY.atTime(15, 0)).noticeId();
    clock.set(DAY.atTime(13, 5));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> ticks = pool.invokeAll(List.<Callable<Integer>>of(reminders::tick, reminders::tick));
      for (Future<Integer> tick : ticks) {
        tick.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(remindersOf(id)).isEqualTo(3);
    assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT guardian_id) FROM outbox_message WHERE dedup_key LIKE ?",
        Integer.class, "notice-reminder:" + id + ":%")).isEqualTo(3);
  }

  @Test
  void anUrgentNoticeStillUnconfirmedTellsItsSenderWhoOnce() {
    long id = send(true, null).noticeId();
    confirmations.confirmNewest(father);
    clock.set(DAY.atTime(10, 20));
    reminders.tick();
    assertThat(alerts()).as("before the escalation time").isEmpty();

    clock.set(DAY.atTime(10, 31));
    reminders.tick();
    reminders.tick();

    assertThat(alerts()).hasSize(1);
    assertThat(alerts().get(0)).contains("李雷", "1名").doesNotContain("王小明");
    assertThat(jdbc.queryForObject("SELECT escalated_at IS NOT NULL FROM parent_notice WHERE id = ?", Boolean.class,
        id)).isTrue();
  }

  @Test
  void anUrgentNoticeEveryoneConfirmedAlertsNobody() {
    send(true, null);
    confirmations.confirmNewest(mother);
    confirmations.confirmNewest(liMother);
    clock.set(DAY.atTime(10, 31));

    reminders.tick();

    assertThat(alerts()).isEmpty();
  }

  private SentNotice send(boolean urgent, LocalDateTime confirmBy) {
    return notices.send(teacher, new NoticeDraft(AudienceKind.CLASS, classId, "提前放学", "今天16:30放学。",
        confirmBy != null, confirmBy, urgent));
  }

  private int remindersOf(long noticeId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE dedup_key LIKE ?", Integer.class,
        "notice-reminder:" + noticeId + ":%");
  }

  private List<String> alerts() {
    return jdbc.queryForList("SELECT body FROM staff_notice WHERE staff_id = ? AND kind = 'notice-unconfirmed'",
        String.class, teacher.id());
  }
}
