package org.kehou.admin.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.admin.LifecycleApiTest;
import org.kehou.core.testing.SettableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** 书法 on a Tuesday 15:30–17:30, taught by the class teacher of 三年级1班: the hand-over at the gate. */
@Import(SettableClock.Config.class)
class HandoverApiTests extends LifecycleApiTest {

  static final LocalDate TUESDAY = LocalDate.now(SettableClock.BEIJING).plusDays(7)
      .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));

  @Autowired SettableClock clock;

  long calligraphy;
  long child;
  long mother;
  long grandma;

  @BeforeEach
  void aPresentChildWithAnAddedGrandmother() {
    clock.set(TUESDAY.atTime(15, 40));
    jdbc.update("INSERT INTO offering (school_id, term_id, name, kind, weekdays, grades, capacity, starts_at, ends_at, "
        + "teacher_id) VALUES (?, ?, '书法', 'CLUB', 31, 63, 20, '15:30', '17:30', ?)", school.schoolId, school.termId,
        teacher.id());
    calligraphy = jdbc.queryForObject("SELECT id FROM offering WHERE term_id = ? AND name = '书法'", Long.class,
        school.termId);
    child = school.student(ownClass, "王小明", "NONE");
    mother = school.guardian("王妈妈", child, "母亲");
    school.bindWeChat(mother);
    long application = school.application(child, mother, "SEATED", calligraphy);
    jdbc.update("UPDATE application SET state = 'ACTIVE', active_from = ? WHERE id = ?", TUESDAY.minusDays(1),
        application);
    jdbc.update("INSERT INTO pickup_adult (school_id, student_id, name, relation, phone, added_by, added_at) "
        + "VALUES (?, ?, '王秀英', '奶奶', '13812345678', ?, NOW(3))", school.schoolId, child, mother);
    grandma = jdbc.queryForObject("SELECT id FROM pickup_adult WHERE student_id = ?", Long.class, child);
    assertThat(call(HttpMethod.PUT, "/api/v1/sessions/" + calligraphy + "/" + TUESDAY + "/roll-call", teacherToken,
        Map.of("allPresentExcept", List.of()), Map.class).getStatusCode().value()).isEqualTo(200);
  }

  ResponseEntity<Map> handOver(String token, Map<String, Object> collector) {
    return call(HttpMethod.PUT, "/api/v1/sessions/" + calligraphy + "/" + TUESDAY + "/handovers/" + child, token,
        collector, Map.class);
  }

  List<String> guardianMessages(String kind) {
    return jdbc.queryForList("SELECT body FROM outbox_message WHERE student_id = ? AND kind = ? ORDER BY id",
        String.class, child, kind);
  }

  @Test
  void theTeacherHandsTheChildToTheGrandmotherAndTheGuardiansAreToldWhoAndWhen() {
    clock.set(TUESDAY.atTime(17, 32));

    ResponseEntity<Map> recorded = handOver(teacherToken, Map.of("pickupAdultId", grandma));

    assertThat(recorded.getStatusCode().value()).isEqualTo(200);
    Map<String, Object> latest = (Map<String, Object>) ((List<Map<String, Object>>) recorded.getBody().get("children"))
        .get(0).get("latest");
    assertThat(latest).containsEntry("kind", "HANDED_OVER").containsEntry("collectorName", "王秀英");
    assertThat(guardianMessages("handed-over")).containsExactly("王小明已由王秀英（奶奶）于17:32接走。");
  }

  @Test
  void anAdultNotOnTheListIsRefusedWithTheListOfWhoMayCollect() {
    long stranger = school.guardian("陌生人", school.student(otherClass, "李雷", "NONE"), "父亲");

    ResponseEntity<Map> refused = handOver(teacherToken, Map.of("guardianId", stranger));

    assertThat(refused.getStatusCode().value()).isEqualTo(409);
    assertThat(refused.getBody()).containsEntry("code", "NOT_AUTHORISED").containsEntry("homeAlone", false);
    assertThat((List<Map<String, Object>>) refused.getBody().get("authorised")).extracting(a -> a.get("name"))
        .containsExactly("王妈妈", "王秀英");
    assertThat(handOver(teacherToken, Map.of("homeAlone", true)).getStatusCode().value())
        .as("no signed permission").isEqualTo(409);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM handover WHERE student_id = ?", Integer.class, child))
        .isZero();
  }

  @Test
  void theSessionListsWhoMayCollectEachChildWithoutTheirPhones() {
    ResponseEntity<Map> read = call(HttpMethod.GET, "/api/v1/sessions/" + calligraphy + "/" + TUESDAY + "/handovers",
        teacherToken, null, Map.class);

    Map<String, Object> row = (Map<String, Object>) ((List<Map<String, Object>>) read.getBody().get("children"))
        .get(0);
    List<Map<String, Object>> collectors = (List<Map<String, Object>>) row.get("collectors");
    assertThat(collectors).extracting(c -> c.get("name")).containsExactly("王妈妈", "王秀英");
    assertThat(((Number) collectors.get(0).get("guardianId")).longValue()).isEqualTo(mother);
    assertThat(collectors.get(0)).containsEntry("relation", "母亲").containsEntry("pickupAdultId", null);
    assertThat(((Number) collectors.get(1).get("pickupAdultId")).longValue()).isEqualTo(grandma);
    // Named by the keys, not by "138" in the text: an id (guardianId 1385) may hold those digits.
    assertThat(collectors).allSatisfy(c -> assertThat(c).containsOnlyKeys("guardianId", "pickupAdultId", "name",
        "relation"));
    assertThat(collectors.toString()).doesNotContain("13812345678");
    assertThat(row).containsEntry("homeAlone", false);
  }

  @Test
  void theSessionSaysWhichChildrenMayGoHomeAloneUnderASignedPermission() {
    jdbc.update("INSERT INTO home_alone_rule (school_id, from_grade, set_by, set_at) VALUES (?, 1, ?, NOW(3))",
        school.schoolId, teacher.id());
    jdbc.update("INSERT INTO home_alone_permission (school_id, student_id, signed_by, signed_name, signed_at) "
        + "VALUES (?, ?, ?, '王妈妈', NOW(3))", school.schoolId, child, mother);

    ResponseEntity<Map> read = call(HttpMethod.GET, "/api/v1/sessions/" + calligraphy + "/" + TUESDAY + "/handovers",
        teacherToken, null, Map.class);

    assertThat(((List<Map<String, Object>>) read.getBody().get("children")).get(0)).containsEntry("homeAlone", true);
  }

  @Test
  void aCorrectionIsANewRecordNamingTheOneItCorrects() {
    clock.set(TUESDAY.atTime(17, 35));
    handOver(teacherToken, Map.of("pickupAdultId", grandma));
    clock.set(TUESDAY.atTime(17, 36));

    ResponseEntity<Map> corrected = handOver(teacherToken, Map.of("guardianId", mother));

    Map<String, Object> row = (Map<String, Object>) ((List<Map<String, Object>>) corrected.getBody().get("children"))
        .get(0);
    assertThat((List<?>) row.get("history")).hasSize(2);
    assertThat((Map<String, Object>) row.get("latest")).containsEntry("collectorName", "王妈妈")
        .containsKey("corrects");
    assertThat(guardianMessages("handed-over")).last().asString().startsWith("更正：王小明已由王妈妈（母亲）");
  }

  @Test
  void earlyLeaveNeedsAReasonAndTellsTheGuardians() {
    clock.set(TUESDAY.atTime(16, 5));
    String path = "/api/v1/sessions/" + calligraphy + "/" + TUESDAY + "/early-leave/" + child;

    assertThat(post(path, teacherToken, Map.of("guardianId", mother)).getStatusCode().value()).isEqualTo(400);
    ResponseEntity<Map> left = post(path, teacherToken, Map.of("guardianId", mother, "reason", "看牙医"));

    assertThat(left.getStatusCode().value()).isEqualTo(200);
    assertThat(guardianMessages("early-leave")).containsExactly("王小明已于16:05提前离校，由王妈妈（母亲）接走，原因：看牙医。");
  }

  @Test
  void onlyTheSessionsTeacherOrAnAdminRecordsAndOnlyForAChildMarkedPresent() {
    assertThat(handOver(otherTeacherToken, Map.of("guardianId", mother)).getStatusCode().value()).isEqualTo(403);
    call(HttpMethod.PUT, "/api/v1/sessions/" + calligraphy + "/" + TUESDAY + "/roll-call", teacherToken,
        Map.of("absent", List.of(child)), Map.class);

    ResponseEntity<Map> absent = handOver(admin, Map.of("guardianId", mother));

    assertThat(absent.getStatusCode().value()).isEqualTo(409);
    assertThat(absent.getBody()).containsEntry("code", "NOT_PRESENT");
  }
}
