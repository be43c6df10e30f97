package org.kehou.core.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.core.staff.Staff;

/**
 * November 2026: the children have service from Wednesday the 4th to Monday the 9th (four sessions). The term pays
 * teachers 50 yuan and managers 33.33 yuan a lesson hour, a session counting 1.5 hours; sign-in no later than ten
 * minutes after the 15:30 start, sign-out not before the 17:30 end.
 */
class SubsidyTests extends DutyTestSupport {

  static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  static final LocalDate THURSDAY = WEDNESDAY.plusDays(1);
  static final LocalDate FRIDAY = WEDNESDAY.plusDays(2);
  static final LocalDate MONDAY = WEDNESDAY.plusDays(5);

  @BeforeEach
  void fourSessionsWithChildren() {
    rules.set(new DutyRule(school.termId, 5000, 3333, 15, 30, 10, 0, 30, 90), admin.id());
    enrol(homework, 5, WEDNESDAY, MONDAY.plusDays(1));
  }

  @Test
  void teacherSignedInAndOutIsPaidTheSessionsLessonHours() {
    signIn(teacher, WEDNESDAY, LocalTime.of(15, 25));
    signOut(teacher, WEDNESDAY, LocalTime.of(17, 31));
    duties.setRealName(admin, teacher.id(), " 王丽华 ");

    SubsidySheet.Row row = rowOf(teacher);

    assertThat(row).extracting(SubsidySheet.Row::realName, SubsidySheet.Row::role, SubsidySheet.Row::rateFen,
        SubsidySheet.Row::sessions, SubsidySheet.Row::lessonTenths, SubsidySheet.Row::amountFen)
        .containsExactly("王丽华", DutyRole.TEACHER, 5000, 1, 15, 7500L);
  }

  @Test
  void teacherWithoutSignOutIsNotPaidForTheSession() {
    signIn(teacher, THURSDAY, LocalTime.of(15, 35));

    SubsidySheet.Row row = rowOf(teacher);

    assertThat(row.sessions()).isZero();
    assertThat(row.amountFen()).isZero();
    assertThat(row.forfeited()).extracting(SubsidySheet.Forfeit::date, SubsidySheet.Forfeit::reason)
        .contains(tuple(THURSDAY, DutyOutcome.NO_SIGN_OUT));
  }

  @Test
  void lateSignInEarlySignOutAndNoSignInForfeitTheirSessions() {
    signIn(teacher, WEDNESDAY, LocalTime.of(15, 40));
    signOut(teacher, WEDNESDAY, LocalTime.of(17, 30));
    signIn(teacher, THURSDAY, LocalTime.of(15, 41));
    signOut(teacher, THURSDAY, LocalTime.of(17, 45));
    signIn(teacher, FRIDAY, LocalTime.of(15, 0));
    signOut(teacher, FRIDAY, LocalTime.of(17, 29));

    SubsidySheet.Row row = rowOf(teacher);

    assertThat(row.sessions()).as("ten minutes late still counts; eleven does not").isEqualTo(1);
    assertThat(row.amountFen()).isEqualTo(7500);
    assertThat(row.forfeited()).extracting(SubsidySheet.Forfeit::date, SubsidySheet.Forfeit::reason)
        .containsExactly(tuple(THURSDAY, DutyOutcome.LATE_SIGN_IN), tuple(FRIDAY, DutyOutcome.EARLY_SIGN_OUT),
            tuple(MONDAY, DutyOutcome.NO_SIGN_IN));
  }

  @Test
  void aManagerPlannedForOneDayIsPaidTheManagersRateRoundedOnce() {
    Staff manager = staff("CLASS_TEACHER");
    duties.assign(admin, homework, manager.id(), DutyRole.MANAGER, WEDNESDAY);
    signIn(manager, WEDNESDAY, LocalTime.of(15, 30));
    signOut(manager, WEDNESDAY, LocalTime.of(17, 30));
    at(LocalDate.of(2026, 12, 2), LocalTime.of(9, 0));

    SubsidySheet sheet = sheets.month(school.schoolId, NOVEMBER);

    SubsidySheet.Row row = sheet.rows().stream().filter(r -> r.staffId() == manager.id()).findFirst().orElseThrow();
    // 1.5 hours at 33.33 yuan = 49.995 yuan: 50.00, rounded half up once.
    assertThat(row).extracting(SubsidySheet.Row::role, SubsidySheet.Row::sessions, SubsidySheet.Row::amountFen,
        SubsidySheet.Row::realName, SubsidySheet.Row::forfeited).containsExactly(DutyRole.MANAGER, 1, 5000L, null,
        java.util.List.of());
    assertThat(sheet.totalFen()).as("the teacher signed nothing").isEqualTo(5000);
  }

  @Test
  void aMonthStillRunningCountsUpToYesterday() {
    signIn(teacher, WEDNESDAY, LocalTime.of(15, 25));
    at(THURSDAY, LocalTime.of(16, 0));

    SubsidySheet sheet = sheets.month(school.schoolId, NOVEMBER);

    assertThat(sheet.countedTo()).isEqualTo(WEDNESDAY);
    assertThat(sheet.rows()).singleElement().satisfies(r -> assertThat(r.forfeited())
        .extracting(SubsidySheet.Forfeit::reason).containsExactly(DutyOutcome.NO_SIGN_OUT));
  }

  @Test
  void aClosedMonthKeepsTheRatesAndNamesItWasPaidUnderWhenTheyChangeLater() {
    signIn(teacher, WEDNESDAY, LocalTime.of(15, 25));
    signOut(teacher, WEDNESDAY, LocalTime.of(17, 31));
    duties.setRealName(admin, teacher.id(), "王丽华");
    at(LocalDate.of(2026, 12, 1), LocalTime.of(9, 10));

    assertThat(sheets.close(school.schoolId, NOVEMBER)).isTrue();
    rules.set(new DutyRule(school.termId, 8000, 3333, 10, 30, 10, 0, 30, 90), admin.id());
    duties.setRealName(admin, teacher.id(), "王丽");
    at(LocalDate.of(2026, 12, 2), LocalTime.of(9, 0));

    SubsidySheet november = sheets.month(school.schoolId, NOVEMBER);
    assertThat(november.closedAt()).isEqualTo(LocalDate.of(2026, 12, 1).atTime(9, 10));
    assertThat(november.rows()).filteredOn(r -> r.staffId() == teacher.id())
        .extracting(SubsidySheet.Row::realName, SubsidySheet.Row::rateFen, SubsidySheet.Row::lessonTenths,
            SubsidySheet.Row::amountFen)
        .containsExactly(tuple("王丽华", 5000, 15, 7500L));
    assertThat(november.rows()).filteredOn(r -> r.staffId() == teacher.id()).first()
        .satisfies(r -> assertThat(r.forfeited()).extracting(SubsidySheet.Forfeit::date).contains(MONDAY));
    assertThat(sheets.close(school.schoolId, NOVEMBER)).as("closed once").isFalse();
  }

  @Test
  void aMonthStillRunningCannotBeClosedAndCountsUnderTheCurrentRule() {
    signIn(teacher, WEDNESDAY, LocalTime.of(15, 25));
    signOut(teacher, WEDNESDAY, LocalTime.of(17, 31));
    at(LocalDate.of(2026, 11, 30), LocalTime.of(20, 0));

    assertThatThrownBy(() -> sheets.close(school.schoolId, NOVEMBER)).isInstanceOf(IllegalArgumentException.class);
    rules.set(new DutyRule(school.termId, 8000, 3333, 10, 30, 10, 0, 30, 90), admin.id());

    SubsidySheet november = sheets.month(school.schoolId, NOVEMBER);
    assertThat(november.closedAt()).isNull();
    assertThat(november.rows()).filteredOn(r -> r.staffId() == teacher.id())
        .extracting(SubsidySheet.Row::rateFen, SubsidySheet.Row::amountFen).containsExactly(tuple(8000, 8000L));
  }

  private SubsidySheet.Row rowOf(Staff who) {
    at(LocalDate.of(2026, 12, 2), LocalTime.of(9, 0));
    return sheets.month(school.schoolId, NOVEMBER).rows().stream().filter(r -> r.staffId() == who.id()).findFirst()
        .orElseThrow();
  }

  private void signIn(Staff who, LocalDate date, LocalTime time) {
    at(date, time);
    signs.signIn(who, who.id(), homework, date, SignChannel.CONSOLE);
  }

  private void signOut(Staff who, LocalDate date, LocalTime time) {
    at(date, time);
    signs.signOut(who, who.id(), homework, date, SignChannel.WECHAT);
  }
}
