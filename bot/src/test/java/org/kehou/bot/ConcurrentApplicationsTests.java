package org.kehou.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kehou.core.enrolment.ApplicationView;
import org.kehou.core.enrolment.EnrolmentService;
import org.kehou.core.enrolment.Submission;
import org.kehou.core.withdrawal.WithdrawalService;
import org.springframework.beans.factory.annotation.Autowired;

class ConcurrentApplicationsTests extends WebhookTestSupport {

  @Autowired
  WithdrawalService withdrawals;

  @Autowired
  EnrolmentService enrolment;

  @Test
  void thirtyParentsAtOnceForFiveSeatsSeatExactlyFiveAndQueueTheRestInOrder() throws Exception {
    Fixture school = Fixture.school(jdbc);
    long classId = school.schoolClass(3, "三年级1班");
    long offering = school.offering("科学社团", 0b00100, 0b000100, 5);
    List<long[]> families = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      long child = school.student(classId, "学生" + i);
      families.add(new long[] {child, school.guardian("家长" + i, child)});
    }

    ExecutorService pool = Executors.newFixedThreadPool(30);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Submission>> results = new ArrayList<>();
    for (long[] family : families) {
      Callable<Submission> apply = () -> {
        start.await();
        return enrolment.submit(school.schoolId, school.termId, family[0], 3, family[1], List.of(offering));
      };
      results.add(pool.submit(apply));
    }
    start.countDown();
    List<ApplicationView.Choice> choices = new ArrayList<>();
    for (Future<Submission> result : results) {
      Submission submission = result.get(60, TimeUnit.SECONDS);
      assertThat(submission.outcome()).isEqualTo(Submission.Outcome.SUBMITTED);
      choices.add(submission.application().orElseThrow().choices().get(0));
    }
    pool.shutdown();

    assertThat(choices).filteredOn(c -> c.status().equals("SEATED")).hasSize(5);
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT c.id, c.status, a.student_id FROM application_choice c "
        + "JOIN application a ON a.id = c.application_id WHERE c.offering_id = ? ORDER BY c.id", offering);
    assertThat(rows).hasSize(30);
    assertThat(rows.subList(0, 5)).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("SEATED"));
    assertThat(rows.subList(5, 30)).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("WAITLISTED"));
    for (int i = 5; i < 30; i++) {
      long student = ((Number) rows.get(i).get("student_id")).longValue();
      ApplicationView view = enrolment.liveApplication(school.termId, student).orElseThrow();
      assertThat(view.choices().get(0).position()).isEqualTo(i - 4);
    }
  }

  /** Ahead for the next seat; the place each family is told counts only its own priority group. */
  @Test
  void leftBehindPupilGoesAheadOnTheWaitlist() {
    Fixture school = Fixture.school(jdbc);
    long classId = school.schoolClass(4, "四年级1班");
    long offering = school.offering("美术社团", 0b00010, 0b001000, 1);
    long[] children = {school.student(classId, "甲"), school.student(classId, "乙"), school.student(classId, "丙"),
        school.student(classId, "丁", "LEFT_BEHIND")};
    long[] guardians = new long[children.length];
    for (int i = 0; i < children.length; i++) {
      guardians[i] = school.guardian("家长", children[i]);
      enrolment.submit(school.schoolId, school.termId, children[i], 4, guardians[i], List.of(offering));
    }

    List<ApplicationView.Choice> waitlist = new ArrayList<>();
    for (int i = 1; i < children.length; i++) {
      waitlist.add(enrolment.liveApplication(school.termId, children[i]).orElseThrow().choices().get(0));
    }
    assertThat(waitlist).extracting(ApplicationView.Choice::position).containsExactly(1, 2, 1);
    withdrawals.withdraw(guardians[0], children[0]);
    assertThat(enrolment.liveApplication(school.termId, children[3]).orElseThrow().choices().get(0).status())
        .as("the freed seat goes to the left-behind pupil").isEqualTo("OFFERED");
    assertThat(enrolment.liveApplication(school.termId, children[1]).orElseThrow().choices().get(0).status())
        .isEqualTo("WAITLISTED");
  }

  @Test
  void thirtyParentsConfirmingThroughWeChatAtOnceNeverOverbook() throws Exception {
    Fixture school = Fixture.school(jdbc);
    long classId = school.schoolClass(2, "二年级2班");
    long offering = school.offering("书法社团", 0b01000, 0b000010, 5);
    WechatSimulator wechat = safe();
    List<String> openids = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String openid = WechatSimulator.openid();
      wechat.say(openid, "绑定 " + school.code(school.guardian("家长" + i, school.student(classId, "孩子" + i))));
      wechat.say(openid, "已阅");
      assertThat(wechat.say(openid, "报名")).contains("1. 书法社团");
      wechat.say(openid, "1");
      openids.add(openid);
    }

    ExecutorService pool = Executors.newFixedThreadPool(30);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> replies = new ArrayList<>();
    for (String openid : openids) {
      replies.add(pool.submit(() -> {
        start.await();
        return wechat.say(openid, "确认");
      }));
    }
    start.countDown();
    List<String> texts = new ArrayList<>();
    for (Future<String> reply : replies) {
      texts.add(reply.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();

    assertThat(texts).filteredOn(t -> t.contains("已占名额")).hasSize(5);
    List<Integer> positions = texts.stream().filter(t -> t.contains("候补第"))
        .map(t -> Integer.parseInt(t.replaceAll("(?s).*候补第(\\d+)位.*", "$1"))).sorted().toList();
    assertThat(positions).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 25).boxed().toList());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application_choice WHERE offering_id = ? AND status = 'SEATED'",
        Integer.class, offering)).isEqualTo(5);
  }
}
