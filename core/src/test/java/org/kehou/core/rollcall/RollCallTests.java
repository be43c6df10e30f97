package org.kehou.core.rollcall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kehou.core.rollcall.RollCall.ChildMarks;
import org.kehou.core.staff.Staff;

class RollCallTests extends RollCallTestSupport {

  @Test
  void rollCallMarksAllPresentExceptTwo() {
    RollCall call = allPresentExcept(dutyTeacher, children.get(1), children.get(3));

    assertThat(call.taken()).isTrue();
    assertThat(call.children()).extracting(ChildMarks::name, ChildMarks::present).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("王小明", true), org.assertj.core.groups.Tuple.tuple("李雷", false),
        org.assertj.core.groups.Tuple.tuple("韩梅梅", true), org.assertj.core.groups.Tuple.tuple("张伟", false));
    assertThat(call.children()).allSatisfy(c -> assertThat(c.history()).singleElement()
        .satisfies(m -> assertThat(m.markedBy()).isEqualTo(dutyTeacher.id())));
  }

  @Test
  void correctionIsRecordedNotOverwritten() {
    allPresentExcept(dutyTeacher, children.get(1));
    at(LocalTime.of(16, 5));

    RollCall corrected = rollCalls.take(admin, homework, WEDNESDAY,
        new RollCallInput(List.of(children.get(1).student()), null, null));

    ChildMarks li = corrected.children().stream().filter(c -> c.name().equals("李雷")).findFirst().orElseThrow();
    assertThat(li.present()).as("the latest mark counts").isTrue();
    assertThat(li.history()).extracting(Mark::present, Mark::markedBy, m -> m.markedAt().toLocalTime())
        .containsExactly(org.assertj.core.groups.Tuple.tuple(false, dutyTeacher.id(), LocalTime.of(15, 40)),
            org.assertj.core.groups.Tuple.tuple(true, admin.id(), LocalTime.of(16, 5)));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM roll_call_mark WHERE offering_id = ?", Integer.class,
        homework)).as("four first marks and one correction, none updated").isEqualTo(5);
    assertThat(casesOfTheDay(admin)).singleElement().satisfies(c -> {
      assertThat(c.open()).isFalse();
      assertThat(c.outcome()).isEqualTo(Outcome.MARKED_PRESENT_BY_MISTAKE.name());
      assertThat(c.closedBy()).isEqualTo(admin.id());
    });
  }

  @Test
  void rollCallBeforeStartRefused() {
    at(LocalTime.of(15, 29));

    assertThatThrownBy(() -> allPresentExcept(dutyTeacher)).isInstanceOfSatisfying(RollCallRefused.class,
        e -> assertThat(e.kind()).isEqualTo(RollCallRefused.Kind.NOT_STARTED));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM roll_call_mark WHERE offering_id = ?", Integer.class,
        homework)).isZero();
  }

  @Test
  void childrenNotOnTheRosterAreNamedAndNothingIsSaved() {
    Staff other = staff("CLASS_TEACHER");
    long otherClass = school.schoolClass(3, "三年级2班", other.id());
    long stranger = school.student(otherClass, "陌生", "NONE");

    assertThatThrownBy(() -> rollCalls.take(dutyTeacher, homework, WEDNESDAY,
        new RollCallInput(null, List.of(stranger, children.get(0).student()), null)))
        .isInstanceOfSatisfying(RollCallRefused.class, e -> {
          assertThat(e.kind()).isEqualTo(RollCallRefused.Kind.NOT_ON_ROSTER);
          assertThat((String) e.values().get("names")).contains("陌生");
        });
    assertThat(casesOfTheDay(admin)).isEmpty();
  }

  @Test
  void onlyTheSessionsTeacherOrAnAdminTakesTheRollCall() {
    assertThatThrownBy(() -> allPresentExcept(classTeacher)).isInstanceOfSatisfying(RollCallRefused.class,
        e -> assertThat(e.kind()).isEqualTo(RollCallRefused.Kind.NOT_YOURS));
    assertThat(allPresentExcept(admin).taken()).isTrue();
  }

  @Test
  void missingRollCallAlertsTeacherAndAdminOnce() throws Exception {
    String openid = bindWechat(dutyTeacher);
    at(LocalTime.of(15, 44));
    ticker.tickAt(now());
    assertThat(notices(dutyTeacher, RollCallTicker.MISSING)).as("14 minutes after the start").isZero();

    at(LocalTime.of(15, 45));
    twiceAtOnce(() -> ticker.tickAt(now()));
    at(LocalTime.of(15, 50));
    ticker.tickAt(now());

    assertThat(notices(dutyTeacher, RollCallTicker.MISSING)).isEqualTo(1);
    assertThat(notices(admin, RollCallTicker.MISSING)).isEqualTo(1);
    assertThat(notices(classTeacher, RollCallTicker.MISSING)).isZero();
    assertThat(wechatTo(dutyTeacher)).as("re-runs and a second node add nothing").singleElement().satisfies(m -> {
      assertThat(m.openid()).isEqualTo(openid);
      assertThat(m.kind()).isEqualTo(RollCallTicker.MISSING);
      assertThat(m.body()).contains("作业辅导", "未点名");
    });
    assertThat(wechatTo(admin)).as("no WeChat bound").isEmpty();
  }

  @Test
  void aRollCallTakenInTimeAlertsNobody() {
    allPresentExcept(dutyTeacher);
    at(LocalTime.of(16, 0));

    ticker.tickAt(now());

    assertThat(notices(dutyTeacher, RollCallTicker.MISSING)).isZero();
    assertThat(notices(admin, RollCallTicker.MISSING)).isZero();
  }

  /** Two nodes running the job at one moment. */
  static void twiceAtOnce(Runnable run) throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(pool.submit(() -> {
          start.await();
          run.run();
          return null;
        }));
      }
      start.countDown();
      for (java.util.concurrent.Future<?> f : runs) {
        f.get(30, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdown();
    }
  }
}
