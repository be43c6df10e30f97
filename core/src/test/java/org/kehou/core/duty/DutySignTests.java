package org.kehou.core.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.core.staff.Staff;

class DutySignTests extends DutyTestSupport {

  @BeforeEach
  void childrenOnWednesday() {
    enrol(homework, 3, WEDNESDAY.minusDays(2), null);
  }

  @Test
  void aTeacherCannotSignAnothersDuty() {
    Staff colleague = staff("DUTY_TEACHER");
    at(WEDNESDAY, LocalTime.of(15, 25));

    assertThatThrownBy(() -> signs.signIn(colleague, teacher.id(), homework, WEDNESDAY, SignChannel.CONSOLE))
        .isInstanceOfSatisfying(DutyRefused.class, e -> assertThat(e.kind()).isEqualTo(DutyRefused.Kind.NOT_YOURS));
    assertThatThrownBy(() -> signs.signIn(colleague, colleague.id(), homework, WEDNESDAY, SignChannel.CONSOLE))
        .isInstanceOfSatisfying(DutyRefused.class,
            e -> assertThat(e.kind()).isEqualTo(DutyRefused.Kind.NOT_ON_DUTY));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM duty_sign WHERE offering_id = ?", Integer.class, homework))
        .isZero();
  }

  @Test
  void anAdminRecordsASignInForAColleagueUnderTheirOwnName() {
    at(WEDNESDAY, LocalTime.of(15, 28));

    SessionDuty duty = signs.signIn(admin, teacher.id(), homework, WEDNESDAY, SignChannel.CONSOLE);

    assertThat(duty.signedInAt()).isEqualTo(WEDNESDAY.atTime(15, 28));
    assertThat(duty.offeringTeacher()).isTrue();
    assertThat(jdbc.queryForObject("SELECT recorded_by FROM duty_sign WHERE offering_id = ?", Long.class, homework))
        .isEqualTo(admin.id());
  }

  @Test
  void signInOpensBeforeTheStartAndIsTakenOnce() {
    at(WEDNESDAY, LocalTime.of(14, 59));
    assertThatThrownBy(() -> signs.signIn(teacher, teacher.id(), homework, WEDNESDAY, SignChannel.WECHAT))
        .isInstanceOfSatisfying(DutyRefused.class, e -> assertThat(e.kind()).isEqualTo(DutyRefused.Kind.TOO_EARLY));

    at(WEDNESDAY, LocalTime.of(15, 0));
    signs.signIn(teacher, teacher.id(), homework, WEDNESDAY, SignChannel.WECHAT);
    at(WEDNESDAY, LocalTime.of(15, 5));

    assertThatThrownBy(() -> signs.signIn(teacher, teacher.id(), homework, WEDNESDAY, SignChannel.WECHAT))
        .isInstanceOfSatisfying(DutyRefused.class,
            e -> assertThat(e.kind()).isEqualTo(DutyRefused.Kind.ALREADY_SIGNED));
    assertThat(signs.mine(teacher, WEDNESDAY)).singleElement()
        .satisfies(d -> assertThat(d.signedInAt()).isEqualTo(WEDNESDAY.atTime(15, 0)));
  }

  @Test
  void signOutNeedsASignInAndSaysWhenItIsEarly() {
    at(WEDNESDAY, LocalTime.of(16, 0));
    assertThatThrownBy(() -> signs.signOutNext(teacher, SignChannel.WECHAT)).isInstanceOfSatisfying(
        DutyRefused.class, e -> assertThat(e.kind()).isEqualTo(DutyRefused.Kind.NOTHING_TO_SIGN));
    assertThatThrownBy(() -> signs.signOut(teacher, teacher.id(), homework, WEDNESDAY, SignChannel.WECHAT))
        .isInstanceOfSatisfying(DutyRefused.class,
            e -> assertThat(e.kind()).isEqualTo(DutyRefused.Kind.NOT_SIGNED_IN));

    SessionDuty late = signs.signInNext(teacher, SignChannel.WECHAT);
    at(WEDNESDAY, LocalTime.of(17, 0));
    SessionDuty early = signs.signOutNext(teacher, SignChannel.WECHAT);

    assertThat(late.lateSignIn()).isTrue();
    assertThat(early).extracting(SessionDuty::signedOutAt, SessionDuty::earlySignOut, SessionDuty::signOutChannel)
        .containsExactly(WEDNESDAY.atTime(17, 0), true, SignChannel.WECHAT);
  }

  @Test
  void onlyTheAdminPlansDutiesAndAStaffMemberIsPlannedOncePerSession() {
    Staff manager = staff("CLASS_TEACHER");

    assertThatThrownBy(() -> duties.assign(teacher, homework, manager.id(), DutyRole.MANAGER, null))
        .isInstanceOfSatisfying(DutyRefused.class, e -> assertThat(e.kind()).isEqualTo(DutyRefused.Kind.NOT_YOURS));
    DutyAssignment every = duties.assign(admin, homework, manager.id(), DutyRole.MANAGER, null);
    assertThatThrownBy(() -> duties.assign(admin, homework, manager.id(), DutyRole.TEACHER, WEDNESDAY))
        .isInstanceOfSatisfying(DutyRefused.class,
            e -> assertThat(e.kind()).isEqualTo(DutyRefused.Kind.ALREADY_ON_DUTY));
    assertThatThrownBy(() -> duties.assign(admin, homework, teacher.id(), DutyRole.TEACHER, null))
        .as("the offering's own teacher").isInstanceOf(DutyRefused.class);

    assertThat(every).extracting(DutyAssignment::role, DutyAssignment::sessionDate)
        .containsExactly(DutyRole.MANAGER, null);
    at(WEDNESDAY, LocalTime.of(15, 20));
    assertThat(signs.ofSession(admin, homework, WEDNESDAY)).extracting(SessionDuty::staffId, SessionDuty::role)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(teacher.id(), DutyRole.TEACHER),
            org.assertj.core.groups.Tuple.tuple(manager.id(), DutyRole.MANAGER));
    duties.remove(admin, homework, every.id());
    assertThat(signs.mine(manager, WEDNESDAY)).isEmpty();
  }
}
