package org.kehou.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.core.outbox.OutboxClaims.Batch;
import org.kehou.core.testing.SchoolFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What is checked right before a row is sent. Quiet hours: a reminder that falls due at night (here a retry after
 * backoff, due at 23:00) is put back until the quiet hours end instead of going out; other messages are not held. And a
 * reminder dropped after a dispatcher claimed it is not sent.
 */
@SpringBootTest(properties = {"kehou.reminders.quiet-start=21:30", "kehou.reminders.quiet-end=07:00"})
class SendTimeChecksTests {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  // A past night, so that only this test's rows are due on these clocks.
  static final LocalDateTime ELEVEN_PM = LocalDateTime.of(2026, 1, 5, 23, 0);
  static final LocalDateTime SEVEN_AM = LocalDateTime.of(2026, 1, 6, 7, 0);
  static final LocalDateTime NOON = LocalDateTime.of(2026, 1, 6, 12, 0);

  @Autowired OutboxMapper mapper;
  @Autowired SendWindow quietHours;
  @Autowired Outbox outbox;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcTemplate jdbc;

  OutboxClaims claimsAt(LocalDateTime time) {
    return new OutboxClaims(mapper, Clock.fixed(time.atZone(BEIJING).toInstant(), BEIJING), quietHours);
  }

  Recipient recipient(SchoolFixture school) {
    long student = school.student(school.schoolClass(1, "一年级1班", null), "徐一诺", "NONE");
    long guardian = school.guardian("张丽娟", student, "母亲");
    school.bindWeChat(guardian);
    return new Recipient(school.schoolId, guardian, student);
  }

  @Test
  void aReminderDroppedAfterADispatcherClaimedItIsNotSent() {
    SchoolFixture school = new SchoolFixture(jdbc);
    Recipient recipient = recipient(school);
    tx.executeWithoutResult(status -> outbox.enqueue(recipient, "waitlist-offer-reminder",
        "claimed-reminder:" + school.schoolId, "请确认名额",
        Map.of("child", "王小明", "offering", "围棋", "expires", "12月3日 12:00")));
    jdbc.update("UPDATE outbox_message SET next_attempt_at = ? WHERE school_id = ?", NOON, school.schoolId);
    OutboxClaims noon = claimsAt(NOON);
    Batch batch = noon.claimDue(50, Duration.ofMinutes(2));
    OutboxMessage reminder = batch.messages().stream().filter(m -> m.schoolId() == school.schoolId).findFirst()
        .orElseThrow();

    tx.executeWithoutResult(status -> outbox.cancelPending(recipient.studentId(), "waitlist-offer-reminder"));

    assertThat(noon.holdForSending(batch, reminder, Duration.ofMinutes(2))).isFalse();
    assertThat(jdbc.queryForObject("SELECT state FROM outbox_message WHERE id = ?", String.class, reminder.id()))
        .isEqualTo("CANCELLED");
  }

  @Test
  void aReminderRetryDueAtElevenAtNightWaitsUntilSevenInTheMorning() {
    SchoolFixture school = new SchoolFixture(jdbc);
    Recipient recipient = recipient(school);
    tx.executeWithoutResult(status -> {
      outbox.enqueue(recipient, "agreement-reminder", "quiet-test-reminder:" + school.schoolId, "请签署协议",
          Map.of("child", "王小明", "deadline", "12月5日"));
      outbox.enqueue(recipient, "agreement-ready", "quiet-test-ready:" + school.schoolId, "协议已就绪",
          Map.of("child", "王小明", "title", "课后服务委托协议", "deadline", "12月5日"));
    });
    jdbc.update("UPDATE outbox_message SET attempts = 1, next_attempt_at = ? WHERE school_id = ?", ELEVEN_PM,
        school.schoolId);

    OutboxClaims night = claimsAt(ELEVEN_PM);
    Batch batch = night.claimDue(50, Duration.ofMinutes(2));
    assertThat(batch.messages()).extracting(OutboxMessage::kind)
        .containsExactlyInAnyOrder("agreement-reminder", "agreement-ready");
    for (OutboxMessage message : batch.messages()) {
      boolean send = night.holdForSending(batch, message, Duration.ofMinutes(2));
      assertThat(send).as(message.kind()).isEqualTo(!message.kind().equals("agreement-reminder"));
      if (send) {
        night.sent(batch, message, "CUSTOMER", null);
      }
    }

    Map<String, Object> reminder = jdbc.queryForMap("SELECT state, attempts, next_attempt_at FROM outbox_message "
        + "WHERE school_id = ? AND kind = 'agreement-reminder'", school.schoolId);
    assertThat(reminder).containsEntry("state", "PENDING").containsEntry("attempts", 1);
    assertThat(reminder.get("next_attempt_at")).isEqualTo(SEVEN_AM);

    OutboxClaims morning = claimsAt(SEVEN_AM);
    Batch due = morning.claimDue(50, Duration.ofMinutes(2));
    assertThat(due.messages()).extracting(OutboxMessage::kind).containsExactly("agreement-reminder");
    assertThat(morning.holdForSending(due, due.messages().get(0), Duration.ofMinutes(2))).isTrue();
    morning.sent(due, due.messages().get(0), "CUSTOMER", null);
  }

  @Test
  void aSchoolNoticeIsHeldAtNightButNothingWithdrawsItSoItsClaimIsTrusted() {
    for (String kind : List.of("notice", "notice-reminder")) {
      assertThat(quietHours.restricts(kind)).as(kind).isTrue();
      assertThat(quietHours.earliest(kind, ELEVEN_PM)).as(kind).isEqualTo(SEVEN_AM);
      assertThat(quietHours.withdrawable(kind)).as(kind).isFalse();
    }
    for (String kind : List.of("agreement-reminder", "waitlist-offer-reminder", "service-cancelled")) {
      assertThat(quietHours.withdrawable(kind)).as(kind).isTrue();
    }
    assertThat(quietHours.restricts("notice-urgent")).isFalse();
  }
}
