package org.kehou.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.core.agreement.AgreementService;
import org.kehou.core.lifecycle.Reviewer;
import org.kehou.core.review.ReviewService;
import org.springframework.beans.factory.annotation.Autowired;

/** The chain after applying, as parents live it in WeChat: sign the agreement, withdraw, take up a freed seat. */
class AgreementAndWithdrawalJourneyTests extends WebhookTestSupport {

  @Autowired ReviewService reviews;
  @Autowired AgreementService agreements;

  long applicationOf(long studentId) {
    return jdbc.queryForObject("SELECT id FROM application WHERE student_id = ? AND live = 1", Long.class, studentId);
  }

  Reviewer admin(Fixture school) {
    long staffId = jdbc.queryForObject("SELECT id FROM staff WHERE username = ?", Long.class, insertAdmin(school));
    return new Reviewer(staffId, school.schoolId, true);
  }

  String insertAdmin(Fixture school) {
    String username = "admin-" + UUID.randomUUID();
    jdbc.update("INSERT INTO staff (school_id, username, display_name, password_hash, role) VALUES (?, ?, ?, ?, ?)",
        school.schoolId, username, "管理员", "x", "SCHOOL_ADMIN");
    return username;
  }

  void applyFor(WechatSimulator wechat, String openid, String code) {
    wechat.say(openid, "绑定 " + code);
    wechat.say(openid, "告家长书");
    wechat.say(openid, "已阅");
    wechat.say(openid, "报名");
    wechat.say(openid, "1");
    wechat.say(openid, "确认");
  }

  @Test
  void parentSignsWithTheirNameWithdrawsAndTheWaitlistedChildTakesTheSeat() {
    Fixture school = Fixture.school(jdbc);
    long classId = school.schoolClass(2, "二年级1班");
    school.offering("围棋", 0b00100, 0b000010, 1);
    long xinyi = school.student(classId, "朱欣怡");
    long mother = school.guardian("高春梅", xinyi);
    long father = school.guardian("朱国强", xinyi);
    long zimo = school.student(classId, "何子墨");
    long zimoMother = school.guardian("陈海燕", zimo);
    WechatSimulator wechat = safe();
    String motherOpenid = WechatSimulator.openid();
    String fatherOpenid = WechatSimulator.openid();
    String zimoOpenid = WechatSimulator.openid();
    applyFor(wechat, motherOpenid, school.code(mother));
    wechat.say(fatherOpenid, "绑定 " + school.code(father));
    applyFor(wechat, zimoOpenid, school.code(zimoMother));
    assertThat(wechat.say(zimoOpenid, "状态")).contains("何子墨", "候补第1位");

    Reviewer admin = admin(school);
    long application = applicationOf(xinyi);
    reviews.classApprove(admin, application);
    reviews.schoolApprove(admin, application);
    assertThat(wechat.say(motherOpenid, "状态")).contains("名单公示中");
    assertThat(wechat.say(motherOpenid, "协议")).contains("目前没有需要签署的协议");
    agreements.offer(application);

    assertThat(wechat.say(motherOpenid, "协议")).contains("课后服务委托协议", "朱欣怡", "围棋", "每周三", "3.5");
    assertThat(wechat.say(motherOpenid, "我同意")).contains("登记的姓名");
    assertThat(wechat.say(motherOpenid, "高春梅")).contains("已签署", "朱欣怡", "生效");
    assertThat(wechat.say(fatherOpenid, "协议")).as("one guardian's signature suffices")
        .contains("目前没有需要签署的协议");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE openid = ? AND kind = 'agreement-signed'",
        Integer.class, fatherOpenid)).isEqualTo(1);
    assertThat(wechat.say(motherOpenid, "状态")).contains("服务中");

    assertThat(wechat.say(motherOpenid, "确认退出")).as("withdrawing needs 退出 first").contains("请先回复“退出”");
    assertThat(wechat.say(motherOpenid, "退出")).contains("朱欣怡", "确认退出");
    assertThat(wechat.say(motherOpenid, "确认退出")).contains("已办理", "朱欣怡");
    assertThat(jdbc.queryForObject("SELECT state FROM application WHERE id = ?", String.class, application))
        .isEqualTo("ENDED");
    assertThat(wechat.say(motherOpenid, "状态")).as("the parent learns how it ended").contains("服务已结束", "报名");

    assertThat(jdbc.queryForObject("SELECT body FROM outbox_message WHERE openid = ? AND kind = 'waitlist-offer'",
        String.class, zimoOpenid)).contains("围棋", "何子墨", "确认");
    assertThat(wechat.say(zimoOpenid, "状态")).contains("回复“确认”接受");
    assertThat(wechat.say(zimoOpenid, "确认")).contains("已为何子墨接受围棋的名额");
    assertThat(wechat.say(zimoOpenid, "状态")).contains("已占名额");
    assertThat(wechat.say(zimoOpenid, "放弃")).contains("目前没有为何子墨");
  }
}
