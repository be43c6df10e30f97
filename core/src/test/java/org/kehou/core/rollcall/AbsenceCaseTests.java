package org.kehou.core.rollcall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.core.outbox.OutboxState;
import org.kehou.core.outbox.SendWindow;
import org.kehou.core.staff.Staff;
import org.springframework.beans.factory.annotation.Autowired;

class AbsenceCaseTests extends RollCallTestSupport {

  @Autowired SendWindow sendWindow;

  @Test
  void absentChildOpensCaseAndGuardiansGetUrgentMessageInQuietHours() {
    at(LocalTime.of(21, 45)); // inside the default quiet hours (21:30–07:00), still the session's day
    Child li = children.get(1);

    allPresentExcept(dutyTeacher, li);

    AbsenceCase opened = casesOfTheDay(admin).stream().filter(AbsenceCase::open).findFirst().orElseThrow();
    assertThat(opened.studentId()).isEqualTo(li.student());
    List<Map<String, Object>> messages = jdbc.queryForList("SELECT guardian_id, kind, state, next_attempt_at, body "
        + "FROM outbox_message WHERE student_id = ?", li.student());
    assertThat(messages).singleElement().satisfies(m -> {
      assertThat(m).containsEntry("guardian_id", li.guardian()).containsEntry("kind", AbsenceCases.KIND)
          .containsEntry("state", "PENDING");
      assertThat((String) m.get("body")).contains("李雷", "作业辅导", "点名未到");
    });
    assertThat(sendWindow.earliest(AbsenceCases.KIND, now())).as("not held until the morning").isEqualTo(now());
    assertThat(sendWindow.restricts(AbsenceCases.KIND)).isFalse();
    assertThat(notices(classTeacher, "absence")).isEqualTo(1);
    assertThat(notices(dutyTeacher, "absence")).isEqualTo(1);
    assertThat(cases.timeline(admin, opened.id()).events()).extracting(CaseEvent::kind).containsExactly(
        AbsenceCases.OPENED, AbsenceCases.GUARDIANS_MESSAGED, AbsenceCases.STAFF_TOLD);
  }

  @Test
  void classTeacherWithBoundWechatGetsTheAbsenceAlertThereAtNightTooAndOnlyOnce() {
    at(LocalTime.of(21, 45));
    String openid = bindWechat(classTeacher);
    Child li = children.get(1);

    allPresentExcept(dutyTeacher, li);
    allPresentExcept(admin, li);

    assertThat(notices(classTeacher, AbsenceCases.STAFF_ALERT)).isEqualTo(1);
    assertThat(wechatTo(classTeacher)).singleElement().satisfies(m -> {
      assertThat(m.openid()).isEqualTo(openid);
      assertThat(m.kind()).isEqualTo(AbsenceCases.STAFF_ALERT);
      assertThat(m.state()).isEqualTo(OutboxState.PENDING);
      assertThat(m.body()).contains("李雷", "作业辅导", "点名未到");
      assertThat(m.templateFields()).contains("李雷", "三年级1班", "作业辅导", "15:30");
    });
    assertThat(notices(dutyTeacher, AbsenceCases.STAFF_ALERT)).as("no WeChat bound: the inbox").isEqualTo(1);
    assertThat(wechatTo(dutyTeacher)).isEmpty();
    assertThat(sendWindow.restricts(AbsenceCases.STAFF_ALERT)).as("a child's safety: not held at night").isFalse();
    assertThat(sendWindow.earliest(AbsenceCases.STAFF_ALERT, now())).isEqualTo(now());
  }

  @Test
  void savingTheSameAbsenceAgainOpensNoSecondCase() {
    allPresentExcept(dutyTeacher, children.get(0));
    allPresentExcept(admin, children.get(0));

    assertThat(casesOfTheDay(admin)).hasSize(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE student_id = ?", Integer.class,
        children.get(0).student())).isEqualTo(1);
  }

  @Test
  void guardianReplyIsAttachedToOpenCase() {
    Child wang = children.get(0);
    allPresentExcept(dutyTeacher, wang);

    assertThat(cases.attachReply(wang.guardian(), "孩子发烧了，在家休息")).containsExactly("王小明");
    assertThat(cases.attachReply(children.get(2).guardian(), "你好")).as("no open case").isEmpty();

    AbsenceCase open = casesOfTheDay(classTeacher).get(0);
    assertThat(cases.timeline(classTeacher, open.id()).events()).filteredOn(e -> e.kind()
        .equals(AbsenceCases.GUARDIAN_REPLY)).singleElement().satisfies(e -> {
          assertThat(e.text()).isEqualTo("孩子发烧了，在家休息");
          assertThat(e.guardianName()).isEqualTo("王妈妈");
        });
  }

  @Test
  void caseOutcomeClosesIt() {
    allPresentExcept(dutyTeacher, children.get(0));
    long id = casesOfTheDay(admin).get(0).id();
    at(LocalTime.of(15, 55));

    CaseTimeline closed = cases.recordOutcome(classTeacher, id, Outcome.CHILD_AT_HOME, "奶奶已接回家");

    assertThat(closed.absenceCase().open()).isFalse();
    assertThat(closed.absenceCase().outcome()).isEqualTo("CHILD_AT_HOME");
    assertThat(closed.absenceCase().outcomeNote()).isEqualTo("奶奶已接回家");
    assertThat(closed.absenceCase().closedBy()).isEqualTo(classTeacher.id());
    assertThat(closed.events().get(closed.events().size() - 1)).satisfies(e -> {
      assertThat(e.kind()).isEqualTo(AbsenceCases.CLOSED);
      assertThat(e.staffId()).isEqualTo(classTeacher.id());
      assertThat(e.at().toLocalTime()).isEqualTo(LocalTime.of(15, 55));
    });
    assertThatThrownBy(() -> cases.recordOutcome(admin, id, Outcome.REACHED_GUARDIAN, null))
        .isInstanceOfSatisfying(RollCallRefused.class,
            e -> assertThat(e.kind()).isEqualTo(RollCallRefused.Kind.CASE_CLOSED));
    assertThat(cases.attachReply(children.get(0).guardian(), "谢谢")).as("closed: nothing attached").isEmpty();
  }

  @Test
  void openCaseEscalatesAfterThirtyMinutesOnce() throws Exception {
    bindWechat(admin);
    allPresentExcept(dutyTeacher, children.get(0), children.get(1));
    long settled = casesOfTheDay(admin).stream().filter(c -> c.studentId() == children.get(1).student())
        .findFirst().orElseThrow().id();
    cases.recordOutcome(admin, settled, Outcome.REACHED_GUARDIAN, "妈妈说孩子请了病假");

    at(LocalTime.of(16, 9));
    ticker.tickAt(now());
    assertThat(notices(admin, "absence-escalated")).as("29 minutes").isZero();

    at(LocalTime.of(16, 10));
    RollCallTests.twiceAtOnce(() -> ticker.tickAt(now()));
    at(LocalTime.of(16, 20));
    ticker.tickAt(now());

    assertThat(notices(admin, AbsenceCases.ESCALATION_ALERT)).as("the open case only, once").isEqualTo(1);
    assertThat(wechatTo(admin)).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(AbsenceCases.ESCALATION_ALERT);
      assertThat(m.body()).contains("王小明", "30");
    });
    assertThat(sendWindow.restricts(AbsenceCases.ESCALATION_ALERT)).isFalse();
    AbsenceCase open = casesOfTheDay(admin).stream().filter(AbsenceCase::open).findFirst().orElseThrow();
    assertThat(open.escalatedAt().toLocalTime()).isEqualTo(LocalTime.of(16, 10));
    assertThat(cases.timeline(admin, open.id()).events()).extracting(CaseEvent::kind)
        .containsOnlyOnce(AbsenceCases.ESCALATED);
  }

  @Test
  void classTeacherSeesOnlyOwnCases() {
    Staff otherTeacher = staff("CLASS_TEACHER");
    long otherClass = school.schoolClass(3, "三年级2班", otherTeacher.id());
    Child other = child("刘洋", otherClass, homework);
    allPresentExcept(dutyTeacher, children.get(0), other);

    assertThat(casesOfTheDay(admin)).extracting(AbsenceCase::studentName).containsExactlyInAnyOrder("王小明", "刘洋");
    assertThat(casesOfTheDay(dutyTeacher)).as("the session taught").hasSize(2);
    assertThat(casesOfTheDay(classTeacher)).extracting(AbsenceCase::studentName).containsExactly("王小明");
    assertThat(casesOfTheDay(otherTeacher)).extracting(AbsenceCase::studentName).containsExactly("刘洋");
    long othersCase = casesOfTheDay(otherTeacher).get(0).id();
    assertThatThrownBy(() -> cases.timeline(classTeacher, othersCase)).isInstanceOf(RollCallRefused.class);
    assertThatThrownBy(() -> cases.recordOutcome(classTeacher, othersCase, Outcome.OTHER, "x"))
        .isInstanceOf(RollCallRefused.class);
  }
}
