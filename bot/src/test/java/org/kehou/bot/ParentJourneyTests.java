package org.kehou.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import redis.clients.jedis.RedisClient;

class ParentJourneyTests extends WebhookTestSupport {

  @Autowired
  RedisClient redis;

  private static final int MON_WED_FRI = 0b10101;
  private static final int ALL_DAYS = 0b11111;
  private static final int ALL_GRADES = 0b111111;
  private static final int LOWER_GRADES = 0b000111;
  private static final int UPPER_GRADES = 0b111000;

  @Test
  void guardianOfTwoChildrenReadsTheLetterAndAppliesForEachChildInSafeMode() {
    Fixture school = Fixture.school(jdbc);
    long elder = school.student(school.schoolClass(5, "五年级1班"), "马骁");
    long younger = school.student(school.schoolClass(2, "二年级1班"), "马小乐");
    String code = school.code(school.guardian("马丽", elder, younger));
    school.offering("作业看护", ALL_DAYS, ALL_GRADES, 30);
    school.offering("合唱社团", MON_WED_FRI, LOWER_GRADES, 0);
    school.offering("篮球社团", MON_WED_FRI, UPPER_GRADES, 10);
    WechatSimulator wechat = safe();
    String openid = WechatSimulator.openid();

    assertThat(wechat.say(openid, "绑定 " + code)).contains("马骁", "马小乐");
    assertThat(wechat.say(openid, "报名")).contains("请先阅读告家长书", "马骁");
    wechat.say(openid, "告家长书");
    wechat.say(openid, "已阅");

    String list = wechat.say(openid, "报名");
    assertThat(list).contains("马骁（五年级1班）", "1. 作业看护：每周一、二、三、四、五 15:30-17:30，剩余30个名额",
        "2. 篮球社团：每周一、三、五").doesNotContain("合唱社团");
    assertThat(wechat.say(openid, "1 2")).contains("马骁", "作业看护：目前有名额", "篮球社团：目前有名额", "确认");
    assertThat(wechat.say(openid, "确认")).contains("马骁", "已提交", "作业看护", "已占名额", "班主任审核");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application_choice c JOIN application a "
        + "ON a.id = c.application_id WHERE a.student_id = ? AND c.status = 'SEATED'", Integer.class, elder))
        .isEqualTo(2);
    assertThat(jdbc.queryForObject("SELECT to_state FROM application_history h JOIN application a "
        + "ON a.id = h.application_id WHERE a.student_id = ? AND h.from_state IS NULL AND h.actor_kind = 'GUARDIAN'",
        String.class, elder)).isEqualTo("SUBMITTED");
    assertThat(wechat.say(openid, "状态")).contains("马骁", "已提交，待班主任审核", "篮球社团", "已占名额", "等待班主任审核");
    assertThat(wechat.say(openid, "报名")).contains("马骁", "已有一份报名", "状态");

    wechat.say(openid, "切换 2");
    String youngerList = wechat.say(openid, "报名");
    assertThat(youngerList).contains("马小乐（二年级1班）", "2. 合唱社团", "已满（可候补）").doesNotContain("篮球社团");
    assertThat(wechat.say(openid, "2")).contains("马小乐", "合唱社团：已满，提交后进入候补");
    assertThat(wechat.say(openid, "确认")).contains("马小乐", "合唱社团", "候补第1位");
    assertThat(wechat.say(openid, "状态")).contains("马小乐", "候补第1位");
  }

  @Test
  void twoGuardiansOfOneChildSeeTheSameApplicationAndCannotSubmitTwice() {
    Fixture school = Fixture.school(jdbc);
    long child = school.student(school.schoolClass(3, "三年级4班"), "何田田");
    String motherCode = school.code(school.guardian("何妈妈", child));
    String fatherCode = school.code(school.guardian("何爸爸", child));
    school.offering("作业看护", ALL_DAYS, ALL_GRADES, 20);
    WechatSimulator wechat = safe();
    String mother = WechatSimulator.openid();
    String father = WechatSimulator.openid();
    for (String[] parent : new String[][] {{mother, motherCode}, {father, fatherCode}}) {
      wechat.say(parent[0], "绑定 " + parent[1]);
      wechat.say(parent[0], "告家长书");
      wechat.say(parent[0], "已阅");
      assertThat(wechat.say(parent[0], "报名")).contains("何田田", "1. 作业看护");
      assertThat(wechat.say(parent[0], "1")).contains("作业看护：目前有名额");
    }

    assertThat(wechat.say(mother, "确认")).contains("已提交", "已占名额");
    assertThat(wechat.say(father, "确认")).contains("何田田", "已有一份报名");

    assertThat(wechat.say(father, "状态")).isEqualTo(wechat.say(mother, "状态")).contains("何田田", "作业看护");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application WHERE student_id = ?", Integer.class, child))
        .isOne();
  }

  @Test
  void cancelDropsTheDraftAndNothingIsSubmitted() {
    Fixture school = Fixture.school(jdbc);
    long child = school.student(school.schoolClass(1, "一年级2班"), "林一一");
    String code = school.code(school.guardian("林女士", child));
    school.offering("作业看护", ALL_DAYS, ALL_GRADES, 20);
    WechatSimulator wechat = safe();
    String openid = WechatSimulator.openid();
    wechat.say(openid, "绑定 " + code);
    wechat.say(openid, "告家长书");
    wechat.say(openid, "已阅");
    wechat.say(openid, "报名");

    assertThat(wechat.say(openid, "3")).contains("序号无效", "1-1");
    wechat.say(openid, "1");
    assertThat(wechat.say(openid, "取消")).contains("已取消", "林一一");
    assertThat(wechat.say(openid, "确认")).contains("没有待确认的报名");
    assertThat(wechat.say(openid, "状态")).contains("林一一", "还没有报名");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application WHERE student_id = ?", Integer.class, child))
        .isZero();
  }

  @Test
  void numbersOutsideTheApplicationConversationPointToTheCommand() {
    Fixture school = Fixture.school(jdbc);
    String code = school.code(school.guardian("高先生", school.student(school.schoolClass(2, "二年级5班"), "高飞")));
    String openid = WechatSimulator.openid();
    safe().say(openid, "绑定 " + code);

    assertThat(safe().say(openid, "1 3")).contains("请先回复“报名”");
  }

  @Test
  void brokenConversationStateGetsAPoliteTryAgainRatherThanAnError() {
    Fixture school = Fixture.school(jdbc);
    String code = school.code(school.guardian("钱女士", school.student(school.schoolClass(2, "二年级6班"), "钱多多")));
    String openid = WechatSimulator.openid();
    safe().say(openid, "绑定 " + code);
    redis.hset("kehou:conversation:" + openid, Map.of("studentId", "not-a-number", "termId", "x"));
    redis.expire("kehou:conversation:" + openid, 60);

    ResponseEntity<String> response = safe().post(WechatSimulator.textXml(openid, "确认", WechatSimulator.nextMsgId()));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(safe().replyText(response.getBody())).contains("请稍后再发一次").doesNotContain("Exception");
  }

  @Test
  void offeringClosedBetweenPickAndConfirmSubmitsNothing() {
    Fixture school = Fixture.school(jdbc);
    long child = school.student(school.schoolClass(4, "四年级3班"), "冯宁");
    String code = school.code(school.guardian("冯先生", child));
    long offering = school.offering("围棋社团", MON_WED_FRI, ALL_GRADES, 10);
    String openid = WechatSimulator.openid();
    WechatSimulator wechat = safe();
    wechat.say(openid, "绑定 " + code);
    wechat.say(openid, "已阅");
    wechat.say(openid, "报名");
    wechat.say(openid, "1");
    jdbc.update("UPDATE offering SET status = 'CLOSED' WHERE id = ?", offering);

    assertThat(wechat.say(openid, "确认")).contains("已关闭或有变动", "冯宁");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application WHERE student_id = ?", Integer.class, child))
        .isZero();
  }
}
