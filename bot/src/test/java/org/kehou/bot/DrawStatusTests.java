package org.kehou.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.kehou.core.draw.Draws;
import org.springframework.beans.factory.annotation.Autowired;

/** 报名 and 状态 for an offering allocated at close: the draw until the close, then its outcome. */
class DrawStatusTests extends WebhookTestSupport {

  private static final int ALL_DAYS = 0b11111;
  private static final int ALL_GRADES = 0b111111;

  @Autowired Draws draws;

  @Test
  void statusSaysTheApplicationIsInTheDrawUntilTheCloseThenGivesItsOutcome() {
    Fixture school = Fixture.school(jdbc);
    long classId = school.schoolClass(3, "三年级1班");
    long child = school.student(classId, "林小溪");
    long rival = school.student(classId, "周一帆", "LEFT_BEHIND");
    String code = school.code(school.guardian("林女士", child));
    school.guardian("周先生", rival);
    school.offering("作业看护", ALL_DAYS, ALL_GRADES, 30);
    long chess = school.offering("围棋", ALL_DAYS, ALL_GRADES, 1);
    LocalDateTime closes = LocalDateTime.now(Fixture.BEIJING).plusDays(2).withSecond(0).withNano(0);
    jdbc.update("UPDATE offering SET allocation = 'AT_CLOSE', closes_at = ? WHERE id = ?", closes, chess);
    String closing = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(closes);
    WechatSimulator wechat = safe();
    String openid = WechatSimulator.openid();
    wechat.say(openid, "绑定 " + code);
    wechat.say(openid, "告家长书");
    wechat.say(openid, "已阅");

    assertThat(wechat.say(openid, "报名")).contains("1. 作业看护", "剩余30个名额", "2. 围棋", closing + " 截止后摇号")
        .doesNotContain("剩余1个名额");
    assertThat(wechat.say(openid, "2")).contains("围棋：提交后参加摇号", closing);
    assertThat(wechat.say(openid, "确认")).contains("林小溪", "围棋", "已参加摇号", closing);
    assertThat(wechat.say(openid, "状态")).contains("林小溪", "已提交", "围棋", "已参加摇号", closing + " 报名截止后摇号");
    jdbc.update("INSERT INTO application (school_id, term_id, student_id, applicant_guardian_id, state) "
        + "SELECT school_id, term_id, ?, (SELECT guardian_id FROM student_guardian WHERE student_id = ?), 'SUBMITTED' "
        + "FROM offering WHERE id = ?", rival, rival, chess);
    jdbc.update("INSERT INTO application_choice (application_id, offering_id, status) "
        + "SELECT id, ?, 'IN_DRAW' FROM application WHERE student_id = ?", chess, rival);

    jdbc.update("UPDATE offering SET closes_at = ? WHERE id = ?", LocalDateTime.now(Fixture.BEIJING).minusMinutes(1),
        chess);
    draws.drawDue();

    String status = wechat.say(openid, "状态");
    assertThat(status).contains("林小溪", "围棋", "候补第1位", "同组顺序").doesNotContain("摇号，", "截止后摇号");
    assertThat(jdbc.queryForList("SELECT body FROM outbox_message m JOIN student_guardian sg "
        + "ON sg.guardian_id = m.guardian_id WHERE sg.student_id = ? AND m.kind = 'draw-result'", String.class, child))
        .singleElement().asString().contains("林小溪：围棋，未抽中，候补第1位").doesNotContain("周一帆");
  }
}
