package org.kehou.admin.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.admin.LifecycleApiTest;
import org.kehou.core.cache.CacheEpochs;
import org.kehou.core.cache.Region;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

class ReviewTests extends LifecycleApiTest {

  @Autowired
  CacheEpochs epochs;

  @Test
  void classTeacherApprovesThenTheSchoolApprovesAndTheHistorySaysWhoWhenFromAndTo() {
    Family family = apply(ownClass, "王小明", "NONE");

    ResponseEntity<Map> byTeacher = classReview(teacherToken, family.application(), "APPROVE", null);
    ResponseEntity<Map> bySchool = schoolReview(admin, family.application(), "APPROVE", null);
    ResponseEntity<List> history = getList("/api/v1/applications/" + family.application() + "/history", teacherToken);

    assertThat(byTeacher.getBody()).containsEntry("state", "CLASS_APPROVED");
    assertThat(bySchool.getBody()).containsEntry("state", "IN_PUBLICITY");
    assertThat(history.getStatusCode().value()).isEqualTo(200);
    List<Map<String, Object>> lines = history.getBody();
    assertThat(lines).extracting(l -> l.get("toState")).containsExactly("SUBMITTED", "CLASS_APPROVED", "IN_PUBLICITY");
    assertThat(lines.get(1)).containsEntry("fromState", "SUBMITTED").containsEntry("actorKind", "STAFF")
        .containsEntry("actorId", (int) teacher.id());
    assertThat(lines.get(2)).containsEntry("fromState", "CLASS_APPROVED");
    assertThat(lines.get(2).get("actorId")).isNotEqualTo((int) teacher.id());
    assertThat(lines).allSatisfy(l -> assertThat(l.get("at")).isNotNull());
    assertThat(jdbc.queryForObject("SELECT publicity_ends_at IS NOT NULL FROM application WHERE id = ?",
        Boolean.class, family.application())).isTrue();
  }

  @Test
  void aReviewInTheAdminApiMovesTheEpochSoEveryBotInstanceRereadsTheChildsStatus() {
    Family family = apply(ownClass, "王小明", "NONE");
    long before = epochs.current(Region.ENROLMENT);

    classReview(teacherToken, family.application(), "APPROVE", null);

    assertThat(epochs.current(Region.ENROLMENT)).isNotEqualTo(before);
  }

  @Test
  void rejectingNeedsAReasonWhichTheParentsAreTold() {
    Family family = apply(ownClass, "王小明", "NONE");

    ResponseEntity<Map> noReason = classReview(teacherToken, family.application(), "REJECT", null);
    ResponseEntity<Map> blank = classReview(teacherToken, family.application(), "REJECT", "  ");
    ResponseEntity<Map> noDecision = post("/api/v1/applications/" + family.application() + "/class-review",
        teacherToken, Map.of("reason", "本学期名额已满"));
    ResponseEntity<Map> rejected = classReview(teacherToken, family.application(), "REJECT", "本学期名额已满");

    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(noReason.getBody()).containsEntry("code", "INVALID");
    assertThat((String) noReason.getBody().get("detail")).contains("理由");
    assertThat(blank.getStatusCode().value()).isEqualTo(400);
    assertThat(noDecision.getStatusCode().value()).isEqualTo(400);
    assertThat(noDecision.getBody()).containsEntry("code", "INVALID_REQUEST");
    assertThat(rejected.getBody()).containsEntry("state", "REJECTED");
    assertThat(getList("/api/v1/applications/" + family.application() + "/history", admin).getBody())
        .last().satisfies(l -> assertThat((Map<String, Object>) l).containsEntry("reason", "本学期名额已满"));
    assertThat(jdbc.queryForObject("SELECT body FROM outbox_message WHERE student_id = ? AND kind = "
        + "'application-rejected'", String.class, family.student())).contains("本学期名额已满");
  }

  @Test
  void theSchoolCannotReviewBeforeTheClassTeacher() {
    Family family = apply(ownClass, "王小明", "NONE");

    ResponseEntity<Map> early = schoolReview(admin, family.application(), "APPROVE", null);
    ResponseEntity<Map> earlyReject = schoolReview(admin, family.application(), "REJECT", "不符合条件");

    assertThat(early.getStatusCode().value()).isEqualTo(409);
    assertThat(early.getBody()).containsEntry("code", "ILLEGAL_TRANSITION");
    assertThat((String) early.getBody().get("detail")).contains("已提交").contains("公示中");
    assertThat(earlyReject.getStatusCode().value()).isEqualTo(409);
    assertThat(school.state(family.application())).isEqualTo("SUBMITTED");
  }

  @Test
  void aRejectedOrWithdrawnApplicationCannotBeApproved() {
    Family rejected = apply(ownClass, "王小明", "NONE");
    Family withdrawn = apply(ownClass, "李小红", "NONE");
    classReview(teacherToken, rejected.application(), "REJECT", "重复报名");
    jdbc.update("UPDATE application SET state = 'WITHDRAWN', live = NULL WHERE id = ?", withdrawn.application());

    ResponseEntity<Map> again = classReview(teacherToken, rejected.application(), "APPROVE", null);
    ResponseEntity<Map> bySchool = schoolReview(admin, rejected.application(), "APPROVE", null);
    ResponseEntity<Map> afterWithdrawal = classReview(admin, withdrawn.application(), "APPROVE", null);

    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(bySchool.getStatusCode().value()).isEqualTo(409);
    assertThat(afterWithdrawal.getStatusCode().value()).isEqualTo(409);
    assertThat((String) afterWithdrawal.getBody().get("detail")).contains("已撤回");
    assertThat(school.state(rejected.application())).isEqualTo("REJECTED");
    assertThat(school.state(withdrawn.application())).isEqualTo("WITHDRAWN");
  }

  @Test
  void aClassTeacherListsAndReviewsOnlyTheirOwnClass() {
    Family own = apply(ownClass, "王小明", "LEFT_BEHIND");
    Family other = apply(otherClass, "李小红", "NONE");

    ResponseEntity<List> listed = getList("/api/v1/applications", teacherToken);
    ResponseEntity<Map> otherClassList = get("/api/v1/applications?classId=" + otherClass, teacherToken);
    ResponseEntity<Map> actOnOther = classReview(teacherToken, other.application(), "APPROVE", null);
    ResponseEntity<Map> otherHistory = get("/api/v1/applications/" + other.application() + "/history", teacherToken);
    classReview(teacherToken, own.application(), "APPROVE", null);
    ResponseEntity<Map> schoolStepByTeacher = schoolReview(teacherToken, own.application(), "APPROVE", null);

    assertThat(listed.getBody()).singleElement().satisfies(a -> assertThat((Map<String, Object>) a)
        .containsEntry("id", (int) own.application()).containsEntry("studentName", "王小明")
        .containsEntry("className", "三年级1班").containsEntry("offerings", "围棋"));
    assertThat(otherClassList.getStatusCode().value()).isEqualTo(403);
    assertThat(actOnOther.getStatusCode().value()).isEqualTo(403);
    assertThat(actOnOther.getBody()).containsEntry("code", "NOT_YOURS");
    assertThat(otherHistory.getStatusCode().value()).isEqualTo(403);
    assertThat(schoolStepByTeacher.getStatusCode().value()).isEqualTo(403);
    assertThat(school.state(other.application())).isEqualTo("SUBMITTED");
    assertThat(school.state(own.application())).isEqualTo("CLASS_APPROVED");
  }

  @Test
  void theAdminListsTheWholeSchoolByStateAndClassButNeverAnotherSchool() {
    Family own = apply(ownClass, "王小明", "NONE");
    Family other = apply(otherClass, "李小红", "NONE");
    classReview(admin, own.application(), "APPROVE", null);
    String elsewhere = adminToken(newSchool());

    ResponseEntity<List> all = getList("/api/v1/applications?termId=" + school.termId, admin);
    ResponseEntity<List> approved = getList("/api/v1/applications?state=CLASS_APPROVED", admin);
    ResponseEntity<List> otherOnly = getList("/api/v1/applications?classId=" + otherClass, admin);
    ResponseEntity<Map> badState = get("/api/v1/applications?state=PENDING", admin);
    ResponseEntity<Map> foreignTerm = get("/api/v1/applications?termId=" + school.termId, elsewhere);
    ResponseEntity<Map> foreignReview = classReview(elsewhere, other.application(), "APPROVE", null);
    ResponseEntity<Map> missing = get("/api/v1/applications/999999999/history", admin);

    assertThat(all.getBody()).hasSize(2);
    assertThat(approved.getBody()).extracting(a -> ((Map<?, ?>) a).get("id")).containsExactly((int) own.application());
    assertThat(otherOnly.getBody()).extracting(a -> ((Map<?, ?>) a).get("id"))
        .containsExactly((int) other.application());
    assertThat(badState.getStatusCode().value()).isEqualTo(400);
    assertThat(foreignTerm.getStatusCode().value()).isEqualTo(404);
    assertThat(foreignReview.getStatusCode().value()).isEqualTo(404);
    assertThat(foreignReview.getBody()).containsEntry("code", "NOT_FOUND");
    assertThat(missing.getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void bulkSchoolReviewAnswersPerIdAndOneBadIdUndoesNothing() {
    Family first = apply(ownClass, "王小明", "NONE");
    Family notYetReviewed = apply(ownClass, "李小红", "NONE");
    Family third = apply(otherClass, "赵小刚", "NONE");
    classReview(admin, first.application(), "APPROVE", null);
    classReview(admin, third.application(), "APPROVE", null);

    ResponseEntity<List> results = call(org.springframework.http.HttpMethod.POST,
        "/api/v1/applications/school-review", admin, Map.of("decision", "APPROVE", "ids",
            List.of(first.application(), notYetReviewed.application(), 999999999L, third.application())),
        List.class);
    ResponseEntity<Map> byTeacher = post("/api/v1/applications/school-review", teacherToken,
        Map.of("decision", "APPROVE", "ids", List.of(first.application())));
    ResponseEntity<List> rejectWithoutReason = call(org.springframework.http.HttpMethod.POST,
        "/api/v1/applications/school-review", admin, Map.of("decision", "REJECT", "ids", List.of(first.application())),
        List.class);
    ResponseEntity<Map> empty = post("/api/v1/applications/school-review", admin,
        Map.of("decision", "APPROVE", "ids", List.of()));

    assertThat(results.getStatusCode().value()).isEqualTo(200);
    List<Map<String, Object>> body = results.getBody();
    assertThat(body).extracting(r -> r.get("ok")).containsExactly(true, false, false, true);
    assertThat(body.get(1)).containsEntry("code", "ILLEGAL_TRANSITION");
    assertThat((String) body.get(1).get("detail")).contains("已提交");
    assertThat(body.get(2)).containsEntry("code", "NOT_FOUND");
    assertThat(school.state(first.application())).isEqualTo("IN_PUBLICITY");
    assertThat(school.state(notYetReviewed.application())).isEqualTo("SUBMITTED");
    assertThat(school.state(third.application())).isEqualTo("IN_PUBLICITY");
    assertThat(byTeacher.getStatusCode().value()).isEqualTo(403);
    assertThat(empty.getStatusCode().value()).isEqualTo(400);
    assertThat(rejectWithoutReason.getBody()).singleElement()
        .satisfies(r -> assertThat((Map<String, Object>) r).containsEntry("ok", false).containsEntry("code", "INVALID"));
  }

  @Test
  void aClassTeacherCannotRejectWhatTheSchoolApprovedAndPutInPublicity() {
    Family publicised = apply(ownClass, "王小明", "NONE");
    Family classApproved = apply(ownClass, "李小红", "NONE");
    publicise(publicised);
    classReview(teacherToken, classApproved.application(), "APPROVE", null);

    ResponseEntity<Map> rejectPublicised = classReview(teacherToken, publicised.application(), "REJECT", "改变主意");
    ResponseEntity<Map> rejectApproved = classReview(teacherToken, classApproved.application(), "REJECT", "改变主意");
    ResponseEntity<Map> adminThroughClassStep = classReview(admin, publicised.application(), "REJECT", "改变主意");

    assertThat(rejectPublicised.getStatusCode().value()).isEqualTo(409);
    assertThat(rejectPublicised.getBody()).containsEntry("code", "ILLEGAL_TRANSITION");
    assertThat((String) rejectPublicised.getBody().get("detail")).contains("公示中");
    assertThat(rejectApproved.getStatusCode().value()).isEqualTo(409);
    assertThat((String) rejectApproved.getBody().get("detail")).contains("班主任已审核");
    assertThat(adminThroughClassStep.getStatusCode().value()).isEqualTo(409);
    assertThat(school.state(publicised.application())).isEqualTo("IN_PUBLICITY");
    assertThat(school.state(classApproved.application())).isEqualTo("CLASS_APPROVED");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE student_id IN (?, ?) AND kind = "
        + "'application-rejected'", Integer.class, publicised.student(), classApproved.student())).isZero();
  }
}
