package org.kehou.core.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.core.agreement.AgreementService;
import org.kehou.core.enrolment.ApplicationView;
import org.kehou.core.enrolment.EnrolmentService;
import org.kehou.core.lifecycle.Reviewer;
import org.kehou.core.offering.Offering;
import org.kehou.core.offering.OfferingDraft;
import org.kehou.core.offering.OfferingMapper;
import org.kehou.core.offering.OfferingService;
import org.kehou.core.review.ReviewService;
import org.kehou.core.testing.SchoolFixture;
import org.kehou.core.withdrawal.WithdrawalService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class DrawTests {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @Autowired Draws draws;
  @Autowired EnrolmentService enrolment;
  @Autowired OfferingService offerings;
  @Autowired OfferingMapper offeringRows;
  @Autowired ReviewService reviews;
  @Autowired AgreementService agreements;
  @Autowired WithdrawalService withdrawals;
  @Autowired JdbcTemplate jdbc;

  SchoolFixture school;
  long classId;
  long teacherId;

  @BeforeEach
  void school() {
    school = new SchoolFixture(jdbc);
    teacherId = school.staff("CLASS_TEACHER");
    classId = school.schoolClass(3, "三年级1班", teacherId);
  }

  record Child(long student, long guardian, String name) {
  }

  /** An offering allocated at close, still collecting applications for an hour. */
  long drawOffering(String name, int capacity) {
    long id = school.offering(name, capacity);
    jdbc.update("UPDATE offering SET allocation = 'AT_CLOSE', closes_at = ? WHERE id = ?",
        LocalDateTime.now(BEIJING).plusHours(1), id);
    return id;
  }

  /** The closing time passes (the offering stops collecting; its draw is due). */
  void close(long... offeringIds) {
    for (long id : offeringIds) {
      jdbc.update("UPDATE offering SET closes_at = ? WHERE id = ?", LocalDateTime.now(BEIJING).minusMinutes(1), id);
    }
  }

  Child child(String name, String priority) {
    long student = school.student(classId, name, priority);
    long guardian = school.guardian(name.charAt(0) + "妈妈", student, "母亲");
    school.bindWeChat(guardian);
    return new Child(student, guardian, name);
  }

  ApplicationView apply(Child child, long... offeringIds) {
    List<Long> ids = new ArrayList<>();
    for (long id : offeringIds) {
      ids.add(id);
    }
    return enrolment.submit(school.schoolId, school.termId, child.student(), 3, child.guardian(), ids)
        .application().orElseThrow();
  }

  ApplicationView.Choice choice(Child child, long offeringId) {
    return enrolment.latestApplication(school.termId, child.student()).orElseThrow().choices().stream()
        .filter(c -> c.offeringId() == offeringId).findFirst().orElseThrow();
  }

  String status(Child child, long offeringId) {
    return jdbc.queryForObject("SELECT c.status FROM application_choice c JOIN application a "
        + "ON a.id = c.application_id WHERE a.student_id = ? AND c.offering_id = ?", String.class, child.student(), offeringId);
  }

  long applicationOf(Child child) {
    return jdbc.queryForObject("SELECT id FROM application WHERE student_id = ?", Long.class, child.student());
  }

  int held(long offeringId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM application_choice WHERE offering_id = ? "
        + "AND status IN ('SEATED', 'OFFERED')", Integer.class, offeringId);
  }

  int capacity(long offeringId) {
    return jdbc.queryForObject("SELECT capacity FROM offering WHERE id = ?", Integer.class, offeringId);
  }

  @Test
  void anApplicationBeforeTheCloseEntersTheDrawAndHoldsNoSeat() {
    long chess = drawOffering("围棋", 5);
    Child child = child("王小明", "NONE");

    ApplicationView submitted = apply(child, chess);

    assertThat(submitted.choices()).singleElement().satisfies(c -> {
      assertThat(c.status()).isEqualTo("IN_DRAW");
      assertThat(c.position()).isNull();
      assertThat(c.closesAt()).isNotNull();
    });
    assertThat(held(chess)).isZero();
    assertThat(enrolment.openOfferings(school.termId, 3)).filteredOn(o -> o.id() == chess).singleElement()
        .satisfies(o -> assertThat(o.inDraw(LocalDateTime.now(BEIJING))).isTrue());
    assertThat(draws.drawDue()).doesNotContain(chess);
    assertThat(status(child, chess)).as("nothing is drawn before the close").isEqualTo("IN_DRAW");
  }

  @Test
  void priorityChildrenAreSeatedBeforeLotteryOrderAndTheOfferingIsNeverOverCapacity() {
    long chess = drawOffering("围棋", 3);
    List<Child> plain = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      plain.add(child("普通" + i, "NONE"));
    }
    Child leftBehind = child("留守甲", "LEFT_BEHIND");
    Child hardship = child("困难乙", "HARDSHIP");
    plain.forEach(c -> apply(c, chess));
    apply(leftBehind, chess);
    apply(hardship, chess);
    close(chess);

    assertThat(draws.drawDue()).contains(chess);

    assertThat(status(leftBehind, chess)).isEqualTo("SEATED");
    assertThat(status(hardship, chess)).isEqualTo("SEATED");
    assertThat(plain.stream().filter(c -> status(c, chess).equals("SEATED"))).hasSize(1);
    assertThat(plain.stream().filter(c -> status(c, chess).equals("WAITLISTED"))).hasSize(7);
    assertThat(held(chess)).isEqualTo(capacity(chess));
    assertThat(jdbc.queryForList("SELECT draw_reason FROM application_choice WHERE offering_id = ? "
        + "AND draw_outcome = 'SEATED' ORDER BY draw_reason", String.class, chess))
        .containsExactly("LOTTERY", "PRIORITY", "PRIORITY");
    // The lottery child seated is the first in lottery order among those without a priority flag.
    Child luckiest = plain.stream().min(Comparator.comparingInt(c -> rank(c, chess))).orElseThrow();
    assertThat(status(luckiest, chess)).isEqualTo("SEATED");
    assertThat(jdbc.queryForObject("SELECT CONCAT(free_seats, '/', entrants, '/', seated) FROM offering_draw "
        + "WHERE offering_id = ?", String.class, chess)).isEqualTo("3/10/3");
  }

  int rank(Child child, long offeringId) {
    return jdbc.queryForObject("SELECT c.draw_rank FROM application_choice c JOIN application a "
        + "ON a.id = c.application_id WHERE a.student_id = ? AND c.offering_id = ?", Integer.class, child.student(),
        offeringId);
  }

  @Test
  void drawIsReproducibleFromTheStoredSeedAlone() throws Exception {
    long chess = drawOffering("围棋", 2);
    List<Child> children = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Child c = child("孩子" + i, i == 4 ? "HARDSHIP" : "NONE");
      children.add(c);
      apply(c, chess);
    }
    close(chess);
    draws.drawDue();

    String seed = jdbc.queryForObject("SELECT seed FROM offering_draw WHERE offering_id = ?", String.class, chess);
    assertThat(seed).matches("[0-9a-f]{64}");
    // Recomputed here without the production code: lowercase hex SHA-256 of "<seed>:<application id>", ascending.
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    List<Map.Entry<String, Child>> keyed = new ArrayList<>();
    for (Child c : children) {
      String key = HexFormat.of().formatHex(sha256.digest((seed + ":" + applicationOf(c))
          .getBytes(StandardCharsets.UTF_8)));
      keyed.add(Map.entry(key, c));
    }
    keyed.sort(Map.Entry.comparingByKey());
    for (int i = 0; i < keyed.size(); i++) {
      assertThat(rank(keyed.get(i).getValue(), chess)).as("lottery rank").isEqualTo(i + 1);
    }
    Child firstWithoutFlag = keyed.stream().map(Map.Entry::getValue).filter(c -> c != children.get(4))
        .findFirst().orElseThrow();
    assertThat(children.stream().filter(c -> status(c, chess).equals("SEATED")))
        .containsExactlyInAnyOrder(children.get(4), firstWithoutFlag);

    DrawReport report = draws.report(chess).orElseThrow();
    assertThat(report.draw().seed()).isEqualTo(seed);
    assertThat(report.order()).extracting(DrawEntrant::reason).first().isEqualTo("PRIORITY");
    assertThat(report.order()).extracting(DrawEntrant::outcome)
        .containsExactly("SEATED", "SEATED", "WAITLISTED", "WAITLISTED", "WAITLISTED", "WAITLISTED");
  }

  @Test
  void theDrawRunsOnceWithTwoInstancesAndAReRunChangesNothing() throws Exception {
    long chess = drawOffering("围棋", 2);
    for (int i = 0; i < 5; i++) {
      apply(child("孩子" + i, "NONE"), chess);
    }
    close(chess);
    CyclicBarrier together = new CyclicBarrier(2);
    CompletableFuture<List<Long>> first = CompletableFuture.supplyAsync(() -> drawTogether(together));
    CompletableFuture<List<Long>> second = CompletableFuture.supplyAsync(() -> drawTogether(together));
    List<Long> a = first.get(30, TimeUnit.SECONDS);
    List<Long> b = second.get(30, TimeUnit.SECONDS);
    String before = snapshot(chess);

    assertThat(a.contains(chess) ^ b.contains(chess)).as("exactly one instance drew it").isTrue();
    assertThat(draws.drawDue()).doesNotContain(chess);
    assertThat(snapshot(chess)).as("a re-run changes nothing").isEqualTo(before);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM offering_draw WHERE offering_id = ?", Integer.class, chess))
        .isOne();
    assertThat(held(chess)).isEqualTo(2);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE kind = 'draw-result' AND school_id = ?",
        Integer.class, school.schoolId)).as("one message per guardian, once").isEqualTo(5);
  }

  List<Long> drawTogether(CyclicBarrier together) {
    try {
      together.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return draws.drawDue();
  }

  String snapshot(long offeringId) {
    return jdbc.queryForList("SELECT CONCAT(id, ':', status, ':', draw_rank) FROM application_choice "
        + "WHERE offering_id = ? ORDER BY id", String.class, offeringId) + " "
        + jdbc.queryForObject("SELECT CONCAT(seed, drawn_at) FROM offering_draw WHERE offering_id = ?", String.class,
        offeringId);
  }

  @Test
  void aLatecomerWaitsBehindTheDrawnChildrenAndARaisedCapacityGoesToTheWaitlistInOrder() {
    long chess = drawOffering("围棋", 2);
    List<Child> entrants = List.of(child("甲", "NONE"), child("乙", "NONE"), child("丙", "NONE"));
    entrants.forEach(c -> apply(c, chess));
    close(chess);
    Child late = child("迟到", "NONE");
    assertThat(apply(late, chess).choices()).singleElement()
        .satisfies(c -> assertThat(c.status()).as("after the close, before the draw").isEqualTo("WAITLISTED"));

    draws.drawDue();
    Child unlucky = entrants.stream().filter(c -> status(c, chess).equals("WAITLISTED")).findFirst().orElseThrow();
    Child afterDraw = child("更晚", "NONE");
    apply(afterDraw, chess);

    assertThat(choice(unlucky, chess).position()).isEqualTo(1);
    assertThat(choice(late, chess).position()).isEqualTo(2);
    assertThat(choice(afterDraw, chess)).satisfies(c -> {
      assertThat(c.status()).as("first come after the draw, behind everyone waiting").isEqualTo("WAITLISTED");
      assertThat(c.position()).isEqualTo(3);
    });

    Offering o = offeringRows.findById(chess).orElseThrow();
    offerings.update(chess, new OfferingDraft(o.name(), o.kind(), o.weekdays(), o.grades(), 3, o.room(),
        o.teacherId(), o.startsAt(), o.endsAt(), o.allocation(), o.closesAt()));
    assertThat(status(unlucky, chess)).isEqualTo("OFFERED");
    assertThat(status(late, chess)).isEqualTo("WAITLISTED");
    assertThat(held(chess)).isEqualTo(3);
  }

  @Test
  void seatsTheEntrantsLeaveAreOfferedToWhoeverAppliedAfterTheClose() {
    long chess = drawOffering("围棋", 3);
    Child entrant = child("甲", "NONE");
    apply(entrant, chess);
    close(chess);
    Child late = child("迟到", "NONE");
    apply(late, chess);

    draws.drawDue();

    assertThat(status(entrant, chess)).isEqualTo("SEATED");
    assertThat(status(late, chess)).isEqualTo("OFFERED");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE guardian_id = ? AND kind = 'draw-result'",
        Integer.class, late.guardian())).as("not in the draw: told of the offer, not of a draw").isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE guardian_id = ? "
        + "AND kind = 'waitlist-offer'", Integer.class, late.guardian())).isOne();
  }

  @Test
  void noSeatIsOfferedToALatecomerBeforeTheDrawEvenWhenAnEntrantWithdrawsOrTheCapacityGrows() {
    long chess = drawOffering("围棋", 1);
    Child entrant = child("甲", "NONE");
    Child leaving = child("乙", "NONE");
    apply(entrant, chess);
    apply(leaving, chess);
    close(chess);
    Child late = child("迟到", "NONE");
    apply(late, chess);

    withdrawals.withdraw(leaving.guardian(), leaving.student());
    Offering o = offeringRows.findById(chess).orElseThrow();
    offerings.update(chess, new OfferingDraft(o.name(), o.kind(), o.weekdays(), o.grades(), 2, o.room(),
        o.teacherId(), o.startsAt(), o.endsAt(), o.allocation(), o.closesAt()));
    assertThat(status(late, chess)).as("the seats are the entrants' to draw for").isEqualTo("WAITLISTED");
    assertThat(held(chess)).isZero();

    draws.drawDue();

    assertThat(status(entrant, chess)).isEqualTo("SEATED");
    assertThat(status(leaving, chess)).isEqualTo("RELEASED");
    assertThat(status(late, chess)).as("the seat the entrants left").isEqualTo("OFFERED");
    assertThat(jdbc.queryForObject("SELECT entrants FROM offering_draw WHERE offering_id = ?", Integer.class, chess))
        .as("a withdrawn entrant is not in the draw").isOne();
  }

  @Test
  void submissionsRacingTheCloseNeitherJoinADrawThatRanNorPushTheOfferingOverCapacity() throws Exception {
    long chess = drawOffering("围棋", 4);
    List<Child> children = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      children.add(child("孩子" + i, i % 5 == 0 ? "HARDSHIP" : "NONE"));
    }
    // Submissions every 150 ms for 3.6 s across a close 2 s away, while the draw is tried every 50 ms.
    jdbc.update("UPDATE offering SET closes_at = ? WHERE id = ?", LocalDateTime.now(BEIJING).plusSeconds(2), chess);
    List<CompletableFuture<ApplicationView>> submissions = new ArrayList<>();
    for (int i = 0; i < children.size(); i++) {
      Child c = children.get(i);
      long delay = 150L * i;
      submissions.add(CompletableFuture.supplyAsync(() -> apply(c, chess),
          CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS)));
    }
    List<Long> drawnBy = new ArrayList<>();
    while (!submissions.stream().allMatch(CompletableFuture::isDone)) {
      drawnBy.addAll(draws.drawDue());
      Thread.sleep(50);
    }
    drawnBy.addAll(draws.drawDue());

    assertThat(drawnBy).filteredOn(id -> id == chess).as("drawn once").hasSize(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application_choice WHERE offering_id = ? "
        + "AND status = 'IN_DRAW'", Integer.class, chess)).as("nobody left in a draw that ran").isZero();
    assertThat(held(chess)).isLessThanOrEqualTo(4);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application_choice WHERE offering_id = ? "
        + "AND draw_rank IS NOT NULL", Integer.class, chess)).isEqualTo(jdbc.queryForObject(
        "SELECT entrants FROM offering_draw WHERE offering_id = ?", Integer.class, chess));
  }

  @Test
  void eachGuardianGetsOneOutcomeMessageNamingEveryChildAndOffering() {
    long chess = drawOffering("围棋", 1);
    long art = drawOffering("美术", 5);
    Child elder = child("马大", "NONE");
    long younger = school.student(classId, "马小", "NONE");
    jdbc.update("INSERT INTO student_guardian (student_id, guardian_id, relation) VALUES (?, ?, '母亲')", younger,
        elder.guardian());
    Child youngerChild = new Child(younger, elder.guardian(), "马小");
    Child other = child("赵一", "LEFT_BEHIND");
    apply(elder, chess, art);
    apply(youngerChild, chess);
    apply(other, chess);
    close(chess, art);

    draws.drawDue();

    List<Map<String, Object>> family = jdbc.queryForList("SELECT body, student_id, template_fields FROM outbox_message "
        + "WHERE guardian_id = ? AND kind = 'draw-result'", elder.guardian());
    assertThat(family).hasSize(1);
    String body = (String) family.get(0).get("body");
    assertThat(body).contains("马大：围棋，未抽中，候补第", "马大：美术，已获得名额", "马小：围棋，未抽中，候补第",
        "同组顺序");
    assertThat(family.get(0).get("student_id")).as("about two children, so about neither alone").isNull();
    assertThat((String) family.get(0).get("template_fields")).contains("马大、马小", "围棋、美术", "部分获得名额");
    List<String> others = jdbc.queryForList("SELECT body FROM outbox_message WHERE guardian_id = ? "
        + "AND kind = 'draw-result'", String.class, other.guardian());
    assertThat(others).singleElement().asString().contains("赵一：围棋，已获得名额").doesNotContain("留守", "优先");
  }

  @Test
  void waitlistPositionCountsOnlyTheChildsOwnPriorityGroup() {
    long chess = school.offering("围棋", 0);
    Child first = child("先来", "NONE");
    Child flagged = child("留守", "LEFT_BEHIND");
    Child second = child("后到", "NONE");
    Child flaggedToo = child("困难", "HARDSHIP");
    for (Child c : List.of(first, flagged, second, flaggedToo)) {
      apply(c, chess);
    }

    assertThat(choice(first, chess).position()).isEqualTo(1);
    assertThat(choice(second, chess).position()).as("the flagged child ahead is not counted").isEqualTo(2);
    assertThat(choice(flagged, chess).position()).isEqualTo(1);
    assertThat(choice(flaggedToo, chess).position()).isEqualTo(2);
  }

  @Test
  void aSeatDrawnForAChildWhoseAgreementIsOutJoinsTheAgreement() {
    long homework = school.offering("作业辅导", 5);
    long chess = drawOffering("围棋", 5);
    Child child = child("王小明", "NONE");
    apply(child, homework, chess);
    long application = applicationOf(child);
    reviews.classApprove(new Reviewer(teacherId, school.schoolId, false), application);
    reviews.schoolApprove(new Reviewer(school.staff("SCHOOL_ADMIN"), school.schoolId, true), application);
    jdbc.update("UPDATE application SET publicity_ends_at = ? WHERE id = ?",
        LocalDateTime.now(BEIJING).minusDays(1), application);
    assertThat(agreements.offer(application)).isTrue();
    assertThat(agreements.pendingText(child.student()).orElseThrow()).contains("作业辅导").doesNotContain("围棋");
    close(chess);

    draws.drawDue();

    assertThat(status(child, chess)).isEqualTo("SEATED");
    assertThat(agreements.pendingText(child.student()).orElseThrow()).contains("作业辅导", "围棋");
  }
}
