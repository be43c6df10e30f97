package org.kehou.admin.term;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.admin.LifecycleApiTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

class TermSettingsTests extends LifecycleApiTest {

  @Test
  void anAdminLengthensPublicityAndSigningTimeAndOnlyStepsStartedAfterwardsTakeThem() {
    Family early = apply(ownClass, "赵一", "NONE");
    Family middle = apply(ownClass, "钱二", "NONE");
    Family late = apply(ownClass, "孙三", "NONE");
    publicise(early);
    agreements.offer(early.application());
    publicise(middle);

    ResponseEntity<Map> updated = put(school.termId, admin, term("2026学年", 5, 10));

    assertThat(updated.getStatusCode().value()).isEqualTo(200);
    assertThat(updated.getBody()).containsEntry("publicityDays", 5).containsEntry("signWithinDays", 10);
    publicise(late);
    agreements.offer(middle.application());
    assertThat(publicityDays(middle)).as("a window already open keeps its end").isEqualTo(3);
    assertThat(publicityDays(late)).isEqualTo(5);
    assertThat(signingDays(early)).as("a deadline already set stays").isEqualTo(7);
    assertThat(signingDays(middle)).isEqualTo(10);
    ResponseEntity<List> listed = call(HttpMethod.GET, "/api/v1/terms", admin, null, List.class);
    assertThat((List<Map<String, Object>>) listed.getBody()).singleElement()
        .satisfies(t -> assertThat(t).containsEntry("publicityDays", 5).containsEntry("signWithinDays", 10));
  }

  @Test
  void aNewTermSignsWithinSevenDaysUnlessTheAdminSaysOtherwise() {
    Map<String, Object> body = term("2027春季学期", 4, 14);
    body.put("startsOn", "2027-02-20");
    body.put("endsOn", "2027-07-01");
    ResponseEntity<Map> chosen = post("/api/v1/terms", admin, body);
    ResponseEntity<Map> defaults = post("/api/v1/terms", admin,
        Map.of("name", "2027秋季学期", "startsOn", "2027-09-01", "endsOn", "2028-01-20"));

    assertThat(chosen.getBody()).containsEntry("publicityDays", 4).containsEntry("signWithinDays", 14);
    assertThat(defaults.getBody()).containsEntry("publicityDays", 3).containsEntry("signWithinDays", 7);
  }

  @Test
  void termEditsAreValidatedAndOnlyTheSchoolsAdminsMakeThem() {
    post("/api/v1/terms", admin, Map.of("name", "2027春季学期", "startsOn", "2027-02-20", "endsOn", "2027-07-01"));
    String otherAdmin = adminToken(newSchool());

    ResponseEntity<Map> noTime = put(school.termId, admin, term("2026学年", 3, 0));
    ResponseEntity<Map> tooLong = put(school.termId, admin, term("2026学年", 31, 7));
    Map<String, Object> backwards = term("2026学年", 3, 7);
    backwards.put("endsOn", "2020-01-01");
    ResponseEntity<Map> datesBackwards = put(school.termId, admin, backwards);
    ResponseEntity<Map> nameInUse = put(school.termId, admin, term("2027春季学期", 3, 7));
    ResponseEntity<Map> byTeacher = put(school.termId, teacherToken, term("2026学年", 3, 7));
    ResponseEntity<Map> otherSchool = put(school.termId, otherAdmin, term("2026学年", 3, 7));

    assertThat(noTime.getStatusCode().value()).isEqualTo(400);
    assertThat(noTime.getBody()).containsEntry("code", "INVALID_REQUEST");
    assertThat((String) noTime.getBody().get("detail")).contains("signWithinDays");
    assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
    assertThat((String) tooLong.getBody().get("detail")).contains("publicityDays");
    assertThat(datesBackwards.getStatusCode().value()).isEqualTo(400);
    assertThat(datesBackwards.getBody()).containsEntry("code", "TERM_DATES_INVALID");
    assertThat(nameInUse.getStatusCode().value()).isEqualTo(409);
    assertThat(nameInUse.getBody()).containsEntry("code", "TERM_NAME_TAKEN");
    assertThat(byTeacher.getStatusCode().value()).isEqualTo(403);
    assertThat(otherSchool.getStatusCode().value()).isEqualTo(404);
    assertThat(otherSchool.getBody()).containsEntry("code", "TERM_NOT_FOUND");
    assertThat(jdbc.queryForMap("SELECT name, publicity_days, sign_within_days FROM term WHERE id = ?",
        school.termId)).as("nothing refused was written")
        .containsEntry("name", "2026学年").containsEntry("publicity_days", 3).containsEntry("sign_within_days", 7);
  }

  /** The fixture's term, dates unchanged, with the given lengths. */
  private Map<String, Object> term(String name, int publicityDays, int signWithinDays) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("startsOn", jdbc.queryForObject("SELECT starts_on FROM term WHERE id = ?", LocalDate.class,
        school.termId).toString());
    body.put("endsOn", jdbc.queryForObject("SELECT ends_on FROM term WHERE id = ?", LocalDate.class,
        school.termId).toString());
    body.put("publicityDays", publicityDays);
    body.put("signWithinDays", signWithinDays);
    return body;
  }

  private ResponseEntity<Map> put(long termId, String token, Object body) {
    return call(HttpMethod.PUT, "/api/v1/terms/" + termId, token, body, Map.class);
  }

  private int publicityDays(Family family) {
    return jdbc.queryForObject("SELECT TIMESTAMPDIFF(DAY, publicity_starts_at, publicity_ends_at) FROM application "
        + "WHERE id = ?", Integer.class, family.application());
  }

  private int signingDays(Family family) {
    return jdbc.queryForObject("SELECT TIMESTAMPDIFF(DAY, agreement_sent_at, agreement_deadline_at) FROM application "
        + "WHERE id = ?", Integer.class, family.application());
  }
}
