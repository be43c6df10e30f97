package org.kehou.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.bot.binding.ChildStep;
import org.kehou.core.agreement.AgreementService;
import org.kehou.core.lifecycle.Reviewer;
import org.kehou.core.review.ReviewService;
import org.kehou.core.text.Texts;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One guardian, two children: each step waiting for a child (an agreement, a seat offer) is taken for that child,
 * whichever child the chat is switched to; with the step waiting for both, the bot asks which.
 */
class TwoChildFamilyTests extends WebhookTestSupport {

  private static final int ALL_DAYS = 0b11111;
  private static final int ALL_GRADES = 0b111111;

  @Autowired ReviewService reviews;
  @Autowired AgreementService agreements;
  @Autowired Texts texts;
  @Autowired List<ChildStep> steps;

  WechatSimulator wechat;
  Fixture school;
  long elder;
  long younger;
  long third;
  String parent;

  @BeforeEach
  void newSchool() {
    wechat = safe();
    school = Fixture.school(jdbc);
  }

  /** 马丽 has 马骁 (grade 5) and 马小乐 (grade 2); both apply, and a third pupil holds the two one-seat clubs. */
  void twoChildrenApplied() {
    twoChildrenApplied(false);
  }

  /** As above; with {@code third}, 马丽 has a third child, 马小雨 (grade 1), who has not applied. */
  void twoChildrenApplied(boolean third) {
    elder = school.student(school.schoolClass(5, "五年级1班"), "马骁");
    younger = school.student(school.schoolClass(2, "二年级1班"), "马小乐");
    long other = school.student(school.schoolClass(3, "三年级2班"), "何子墨");
    school.offering("作业看护", ALL_DAYS, ALL_GRADES, 30);
    school.offering("围棋", ALL_DAYS, ALL_GRADES, 1);
    school.offering("书法", ALL_DAYS, ALL_GRADES, 1);
    parent = WechatSimulator.openid();
    String otherParent = WechatSimulator.openid();
    readTheLetter(otherParent, school.code(school.guardian("陈海燕", other)));
    wechat.say(otherParent, "报名");
    wechat.say(otherParent, "1 2 3");
    assertThat(wechat.say(otherParent, "确认")).contains("围棋", "书法", "已占名额");

    long[] children = third
        ? new long[] {elder, younger, this.third = school.student(school.schoolClass(1, "一年级3班"), "马小雨")}
        : new long[] {elder, younger};
    readTheLetter(parent, school.code(school.guardian("马丽", children)));
    wechat.say(parent, "报名");
    wechat.say(parent, "1 2");
    assertThat(wechat.say(parent, "确认")).contains("马骁", "围棋", "候补第1位");
    wechat.say(parent, "切换 2");
    wechat.say(parent, "报名");
    wechat.say(parent, "1 3");
    assertThat(wechat.say(parent, "确认")).contains("马小乐", "书法", "候补第1位");
    wechat.say(parent, "切换 1");
  }

  void readTheLetter(String openid, String code) {
    wechat.say(openid, "绑定 " + code);
    wechat.say(openid, "告家长书");
    wechat.say(openid, "已阅");
  }

  void agreementOffered(long studentId) {
    Reviewer admin = admin();
    long application = applicationOf(studentId);
    reviews.classApprove(admin, application);
    reviews.schoolApprove(admin, application);
    assertThat(agreements.offer(application)).isTrue();
  }

  long applicationOf(long studentId) {
    return jdbc.queryForObject("SELECT id FROM application WHERE student_id = ? AND live = 1", Long.class, studentId);
  }

  String state(long studentId) {
    return jdbc.queryForObject("SELECT state FROM application WHERE student_id = ? AND live = 1", String.class,
        studentId);
  }

  Reviewer admin() {
    String username = "admin-" + UUID.randomUUID();
    jdbc.update("INSERT INTO staff (school_id, username, display_name, password_hash, role) VALUES (?, ?, ?, ?, ?)",
        school.schoolId, username, "管理员", "x", "SCHOOL_ADMIN");
    long staffId = jdbc.queryForObject("SELECT id FROM staff WHERE username = ?", Long.class, username);
    return new Reviewer(staffId, school.schoolId, true);
  }

  @Test
  void guardianOfTwoSignsBothAgreementsAndAnswersTheSeatOffersForTheChildEachIsAbout() {
    twoChildrenApplied();
    agreementOffered(elder);
    agreementOffered(younger);

    String asked = wechat.say(parent, "协议");
    assertThat(asked).contains("要查看哪个孩子的", "1. 马骁（五年级1班）", "2. 马小乐（二年级1班）")
        .doesNotContain("可用指令");
    assertThat(wechat.say(parent, "3")).contains("没有序号为3的孩子", "1. 马骁", "2. 马小乐");
    assertThat(wechat.say(parent, "2")).contains("课后服务委托协议", "马小乐", "作业看护").doesNotContain("马骁");
    assertThat(wechat.say(parent, "马丽")).as("the name signs the agreement just shown")
        .contains("已签署", "马小乐", "生效", "马骁（五年级1班）的委托协议也在等待签署");
    assertThat(state(younger)).isEqualTo("ACTIVE");
    assertThat(state(elder)).isEqualTo("AGREEMENT_PENDING");

    wechat.say(parent, "切换 2");
    assertThat(wechat.say(parent, "协议")).as("the one agreement waiting, though another child is current")
        .contains("课后服务委托协议", "马骁", "作业看护");
    assertThat(wechat.say(parent, "马丽")).contains("已签署", "马骁").doesNotContain("也在等待签署");
    assertThat(state(elder)).isEqualTo("ACTIVE");
    assertThat(wechat.say(parent, "协议")).contains("目前没有需要签署的协议");

    String otherParent = jdbc.queryForObject("SELECT wb.openid FROM wechat_binding wb JOIN guardian g "
        + "ON g.id = wb.guardian_id WHERE g.school_id = ? AND g.name = '陈海燕'", String.class, school.schoolId);
    wechat.say(otherParent, "退出");
    assertThat(wechat.say(otherParent, "确认退出")).contains("何子墨");
    assertThat(offerBody(elder)).contains("马骁", "围棋");
    assertThat(offerBody(younger)).contains("马小乐", "书法");

    assertThat(wechat.say(parent, "确认")).contains("要为哪个孩子接受", "1. 马骁", "2. 马小乐");
    assertThat(wechat.say(parent, "1")).contains("已为马骁接受围棋的名额", "签署更新后的委托协议");
    assertThat(wechat.say(parent, "放弃")).as("the one offer left, though another child is current")
        .contains("已放弃书法的名额", "马小乐");
    assertThat(choiceStatus(elder, "围棋")).isEqualTo("SEATED");
    assertThat(choiceStatus(younger, "书法")).isEqualTo("RELEASED");

    wechat.say(parent, "切换 1");
    assertThat(wechat.say(parent, "状态")).as("the seat added to the active enrolment waits for its own signature")
        .contains("马骁", "服务中", "围棋", "待签署", "前签署");
    assertThat(wechat.say(parent, "协议")).contains("马骁新增的服务项目待签署", "围棋", "前签署", "课后服务委托协议");
    assertThat(wechat.say(parent, "马丽")).as("the agreement updated with the accepted seat")
        .contains("已签署更新后的协议", "马骁");
    assertThat(wechat.say(parent, "状态")).contains("服务中").doesNotContain("待签署");
    assertThat(pushesNamingAnotherChildOrNone()).isEmpty();
  }

  @Test
  void nameTypedWhileBothAgreementsWaitAsksWhichChildAndTheNumberSigns() {
    twoChildrenApplied();
    agreementOffered(elder);
    agreementOffered(younger);

    assertThat(wechat.say(parent, "我同意")).contains("登记的姓名");
    assertThat(wechat.say(parent, "马丽")).contains("要为哪个孩子签署", "1. 马骁", "2. 马小乐");
    assertThat(state(elder)).isEqualTo("AGREEMENT_PENDING");
    assertThat(wechat.say(parent, "2")).contains("已签署", "马小乐");
    assertThat(state(younger)).isEqualTo("ACTIVE");
    assertThat(state(elder)).isEqualTo("AGREEMENT_PENDING");
    assertThat(wechat.say(parent, "2")).as("the question is answered once").contains("请先回复“报名”");
  }

  @Test
  void aQuestionPutToOneGuardianIsNoAnswerOnceTheWechatUserIsBoundAsAnother() {
    twoChildrenApplied();
    String fatherCode = school.code(school.guardian("马强", elder, younger));
    agreementOffered(elder);
    agreementOffered(younger);
    assertThat(wechat.say(parent, "马丽")).contains("要为哪个孩子签署");

    wechat.say(parent, "解绑");
    wechat.say(parent, "确认解绑");
    assertThat(wechat.say(parent, "绑定 " + fatherCode)).contains("马强", "绑定成功");
    assertThat(wechat.say(parent, "1")).contains("已过期");
    assertThat(state(elder)).isEqualTo("AGREEMENT_PENDING");
    assertThat(state(younger)).isEqualTo("AGREEMENT_PENDING");
  }

  @Test
  void declineWithOffersForBothAsksWhichAndALoneOfferIsTakenWithoutAsking() {
    twoChildrenApplied();
    String otherParent = jdbc.queryForObject("SELECT wb.openid FROM wechat_binding wb JOIN guardian g "
        + "ON g.id = wb.guardian_id WHERE g.school_id = ? AND g.name = '陈海燕'", String.class, school.schoolId);
    wechat.say(otherParent, "退出");
    wechat.say(otherParent, "确认退出");

    assertThat(wechat.say(parent, "放弃")).contains("要放弃哪个孩子的", "1. 马骁", "2. 马小乐");
    assertThat(wechat.say(parent, "2")).contains("已放弃书法的名额", "马小乐");
    assertThat(choiceStatus(younger, "书法")).isEqualTo("RELEASED");
    assertThat(choiceStatus(elder, "围棋")).isEqualTo("OFFERED");

    wechat.say(parent, "确认");
    assertThat(choiceStatus(elder, "围棋")).as("one offer left: 确认 takes it without asking").isEqualTo("SEATED");
  }

  @Test
  void applyingForAThirdChildTakesTheNumbersBackFromAnOpenQuestion() {
    twoChildrenApplied(true);
    agreementOffered(elder);
    agreementOffered(younger);

    assertThat(wechat.say(parent, "协议")).contains("要查看哪个孩子的", "1. 马骁", "2. 马小乐");
    wechat.say(parent, "切换 3");
    assertThat(wechat.say(parent, "报名")).contains("马小雨", "1. 作业看护");
    assertThat(wechat.say(parent, "1")).as("a number now picks an offering").contains("马小雨", "作业看护：目前有名额");
    assertThat(wechat.say(parent, "确认")).contains("马小雨", "已提交");
    assertThat(state(third)).isEqualTo("SUBMITTED");
  }

  @Test
  void everyStepHasItsWhichChildQuestion() {
    assertThat(steps).extracting(ChildStep::id)
        .containsExactlyInAnyOrder("agreement", "sign", "accept", "decline");
    steps.forEach(step -> assertThat(texts.has("which." + step.id())).as(step.id()).isTrue());
  }

  String offerBody(long studentId) {
    return jdbc.queryForObject("SELECT body FROM outbox_message WHERE openid = ? AND kind = 'waitlist-offer' "
        + "AND student_id = ?", String.class, parent, studentId);
  }

  String choiceStatus(long studentId, String offering) {
    return jdbc.queryForObject("SELECT ac.status FROM application_choice ac JOIN application a "
        + "ON a.id = ac.application_id JOIN offering o ON o.id = ac.offering_id WHERE a.student_id = ? AND a.live = 1 "
        + "AND o.name = ?", String.class, studentId, offering);
  }

  /** Pushes to the guardian about one child that do not name that child, or name the other one. */
  List<Map<String, Object>> pushesNamingAnotherChildOrNone() {
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT kind, student_id, body FROM outbox_message "
        + "WHERE openid = ?", parent);
    assertThat(rows).extracting(r -> r.get("kind")).contains("agreement-ready", "waitlist-offer");
    return rows.stream().filter(r -> {
      String body = (String) r.get("body");
      boolean aboutElder = ((Number) r.get("student_id")).longValue() == elder;
      return !body.contains(aboutElder ? "马骁" : "马小乐") || body.contains(aboutElder ? "马小乐" : "马骁");
    }).toList();
  }
}
