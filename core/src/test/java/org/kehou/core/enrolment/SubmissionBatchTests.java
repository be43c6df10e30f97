package org.kehou.core.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.core.enrolment.Submission.Outcome;
import org.kehou.core.testing.SchoolFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class SubmissionBatchTests {

  @Autowired SubmissionBatch batch;
  @Autowired EnrolmentService enrolment;
  @Autowired JdbcTemplate jdbc;

  SchoolFixture school;
  long classId;

  @BeforeEach
  void school() {
    school = new SchoolFixture(jdbc);
    classId = school.schoolClass(3, "三年级1班", school.staff("CLASS_TEACHER"));
  }

  NewApplication request(String child, long... offeringIds) {
    long student = school.student(classId, child, "NONE");
    long guardian = school.guardian(child + "妈妈", student, "母亲");
    return new NewApplication(school.schoolId, school.termId, student, 3, guardian,
        Arrays.stream(offeringIds).boxed().toList());
  }

  String choice(NewApplication request, long offeringId) {
    return jdbc.queryForObject("SELECT c.status FROM application_choice c JOIN application a ON a.id = c.application_id "
        + "WHERE a.student_id = ? AND c.offering_id = ?", String.class, request.studentId(), offeringId);
  }

  int applications(NewApplication request) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM application WHERE student_id = ?", Integer.class,
        request.studentId());
  }

  @Test
  void aBatchSeatsInTheOrderParentsConfirmedAndWaitlistsTheRestInThatOrder() {
    long chess = school.offering("围棋", 2);
    long homework = school.offering("作业辅导", 10);
    NewApplication first = request("王一", chess, homework);
    NewApplication second = request("王二", chess);
    NewApplication third = request("王三", homework, chess);
    NewApplication fourth = request("王四", chess);

    assertThat(batch.run(List.of(first, second, third, fourth))).extracting(Submission::outcome)
        .containsOnly(Outcome.SUBMITTED);

    assertThat(choice(first, chess)).isEqualTo("SEATED");
    assertThat(choice(second, chess)).isEqualTo("SEATED");
    assertThat(choice(third, chess)).isEqualTo("WAITLISTED");
    assertThat(choice(fourth, chess)).isEqualTo("WAITLISTED");
    assertThat(choice(third, homework)).isEqualTo("SEATED");
    List<Long> waitlist = jdbc.queryForList("SELECT a.student_id FROM application_choice c JOIN application a "
        + "ON a.id = c.application_id WHERE c.offering_id = ? AND c.status = 'WAITLISTED' ORDER BY c.id", Long.class,
        chess);
    assertThat(waitlist).containsExactly(third.studentId(), fourth.studentId());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application_history h JOIN application a "
        + "ON a.id = h.application_id WHERE a.student_id IN (?, ?, ?, ?) AND h.to_state = 'SUBMITTED' "
        + "AND h.actor_kind = 'GUARDIAN'", Integer.class, first.studentId(), second.studentId(), third.studentId(),
        fourth.studentId())).isEqualTo(4);
  }

  @Test
  void eachSubmittedApplicationComesBackAsAFreshReadShowsItWithItsPlaceInItsOwnPriorityGroup() {
    long chess = school.offering("围棋", 1);
    long homework = school.offering("作业辅导", 10);
    long seated = school.student(classId, "郑坐", "NONE");
    school.application(seated, school.guardian("郑妈妈", seated, "母亲"), "SEATED", chess);
    long waiting = school.student(classId, "郑等", "NONE");
    school.application(waiting, school.guardian("郑爸爸", waiting, "父亲"), "WAITLISTED", chess);
    NewApplication plain = request("钱一", chess, homework);
    long flagged = school.student(classId, "钱二", "LEFT_BEHIND");
    NewApplication priority = new NewApplication(school.schoolId, school.termId, flagged, 3,
        school.guardian("钱奶奶", flagged, "祖母"), List.of(chess));
    NewApplication plainAgain = request("钱三", chess);

    List<Submission> submissions = batch.run(List.of(plain, priority, plainAgain));

    List<NewApplication> requests = List.of(plain, priority, plainAgain);
    for (int i = 0; i < requests.size(); i++) {
      assertThat(submissions.get(i).application()).as("as a read after the commit shows it")
          .isEqualTo(enrolment.liveApplication(school.termId, requests.get(i).studentId()));
    }
    assertThat(submissions.get(0).application().orElseThrow().choices())
        .extracting(ApplicationView.Choice::status, ApplicationView.Choice::position)
        .containsExactly(tuple("WAITLISTED", 2),
            tuple("SEATED", null));
    assertThat(submissions.get(1).application().orElseThrow().choices()).singleElement()
        .extracting(ApplicationView.Choice::position).as("first of the priority group").isEqualTo(1);
    assertThat(submissions.get(2).application().orElseThrow().choices()).singleElement()
        .extracting(ApplicationView.Choice::position).isEqualTo(3);
  }

  @Test
  void aBatchCountsTheSeatsAlreadyTakenAndANewcomerNeverPassesTheWaitlist() {
    long chess = school.offering("围棋", 2);
    long seated = school.student(classId, "李坐", "NONE");
    school.application(seated, school.guardian("李妈妈", seated, "母亲"), "SEATED", chess);
    NewApplication takesTheLast = request("赵一", chess);
    NewApplication waits = request("赵二", chess);

    batch.run(List.of(takesTheLast, waits));
    assertThat(choice(takesTheLast, chess)).isEqualTo("SEATED");
    assertThat(choice(waits, chess)).isEqualTo("WAITLISTED");

    jdbc.update("UPDATE offering SET capacity = 5 WHERE id = ?", chess);
    NewApplication later = request("赵三", chess);
    batch.run(List.of(later));
    assertThat(choice(later, chess)).as("a free seat while someone waits is the waitlist's").isEqualTo("WAITLISTED");
  }

  @Test
  void theSameChildTwiceOrAnOfferingNotForTheChildIsRefusedWithoutTouchingTheOthers() {
    long chess = school.offering("围棋", 5);
    long closed = school.offering("停办的社团", 5);
    jdbc.update("UPDATE offering SET status = 'CLOSED' WHERE id = ?", closed);
    long otherTerm = new SchoolFixture(jdbc).offering("别校的围棋", 5);
    NewApplication mother = request("孙一", chess);
    NewApplication father = new NewApplication(school.schoolId, school.termId, mother.studentId(), 3,
        school.guardian("孙爸爸", mother.studentId(), "父亲"), List.of(chess));
    NewApplication toClosed = request("孙二", chess, closed);
    NewApplication toOtherTerm = request("孙三", otherTerm);
    NewApplication fine = request("孙四", chess);

    assertThat(batch.run(List.of(mother, father, toClosed, toOtherTerm, fine))).extracting(Submission::outcome)
        .containsExactly(Outcome.SUBMITTED,
        Outcome.ALREADY_APPLIED, Outcome.OFFERING_UNAVAILABLE, Outcome.OFFERING_UNAVAILABLE, Outcome.SUBMITTED);
    assertThat(applications(mother)).isEqualTo(1);
    assertThat(applications(toClosed)).isZero();
    assertThat(applications(toOtherTerm)).isZero();
    assertThat(choice(fine, chess)).isEqualTo("SEATED");
  }

  @Test
  void aBatchThatLosesARaceWritesNothingAndTheDeskAnswersEachParentOnItsOwn() {
    long chess = school.offering("围棋", 5);
    NewApplication racing = request("周一", chess);
    NewApplication other = request("周二", chess);
    // Another instance committed this child's application between the batch's check and its insert.
    jdbc.execute("CREATE TRIGGER race_" + racing.studentId() + " BEFORE INSERT ON application FOR EACH ROW "
        + "BEGIN IF NEW.student_id = " + racing.studentId() + " AND NEW.applicant_guardian_id = "
        + racing.guardianId() + " THEN SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'Duplicate entry', "
        + "MYSQL_ERRNO = 1062; END IF; END");
    try {
      assertThatThrownBy(() -> batch.run(List.of(other, racing))).isInstanceOf(DuplicateKeyException.class);
      assertThat(applications(other)).as("the batch rolled back as a whole").isZero();

      Submission lost = enrolment.submit(school.schoolId, school.termId, racing.studentId(), 3,
          racing.guardianId(), List.of(chess));
      Submission alone = enrolment.submit(school.schoolId, school.termId, other.studentId(), 3, other.guardianId(),
          List.of(chess));
      assertThat(lost.outcome()).isEqualTo(Outcome.ALREADY_APPLIED);
      assertThat(alone.outcome()).isEqualTo(Outcome.SUBMITTED);
      assertThat(choice(other, chess)).isEqualTo("SEATED");
    } finally {
      jdbc.execute("DROP TRIGGER race_" + racing.studentId());
    }
  }

  @Test
  void parentsConfirmingAtOnceAreAllAnsweredAndNoSeatIsGivenTwice() throws Exception {
    long chess = school.offering("围棋", 7);
    List<NewApplication> requests = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      requests.add(request("吴" + i, chess));
    }
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<CompletableFuture<Submission>> answers = requests.stream().map(r -> CompletableFuture.supplyAsync(
          () -> enrolment.submit(r.schoolId(), r.termId(), r.studentId(), 3, r.guardianId(), r.offeringIds()),
          pool)).toList();
      for (CompletableFuture<Submission> answer : answers) {
        assertThat(answer.get().outcome()).isEqualTo(Outcome.SUBMITTED);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application_choice WHERE offering_id = ? "
        + "AND status = 'SEATED'", Integer.class, chess)).isEqualTo(7);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application_choice WHERE offering_id = ? "
        + "AND status = 'WAITLISTED'", Integer.class, chess)).isEqualTo(33);
  }
}
