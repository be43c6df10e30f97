package org.kehou.core.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.core.enrolment.ApplicationView;
import org.kehou.core.enrolment.EnrolmentService;
import org.kehou.core.testing.SchoolFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The place a family is told counts its own priority group only, also after the roster changes a child's flag. */
@SpringBootTest
class WaitlistPlacesTests {

  @Autowired EnrolmentService enrolment;
  @Autowired JdbcTemplate jdbc;

  SchoolFixture school;
  long classId;
  long chess;

  @BeforeEach
  void aFullOffering() {
    school = new SchoolFixture(jdbc);
    classId = school.schoolClass(3, "三年级1班", null);
    chess = school.offering("围棋", 1);
  }

  long submit(String name, String priority) {
    long student = school.student(classId, name, priority);
    long guardian = school.guardian(name + "妈妈", student, "母亲");
    enrolment.submit(school.schoolId, school.termId, student, 3, guardian, List.of(chess));
    return student;
  }

  Integer place(long student) {
    ApplicationView view = enrolment.liveApplication(school.termId, student).orElseThrow();
    return view.choices().get(0).position();
  }

  @Test
  void aRosterChangeToAChildsFlagMovesItsPlaceToTheOtherGroup() {
    submit("王一", "NONE");
    long second = submit("王二", "NONE");
    long third = submit("王三", "NONE");
    long hardship = submit("王四", "HARDSHIP");
    assertThat(List.of(place(second), place(third), place(hardship))).containsExactly(1, 2, 1);

    // What a roster import does when the school marks a child left-behind.
    jdbc.update("UPDATE student SET priority = 'LEFT_BEHIND' WHERE id = ?", third);

    assertThat(List.of(place(second), place(third), place(hardship))).containsExactly(1, 1, 2);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application_choice c JOIN application a "
        + "ON a.id = c.application_id WHERE a.student_id = ? AND c.priority_group = 1", Integer.class, third))
        .isEqualTo(1);
  }
}
