package org.kehou.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 账单 in the chat: the current child's latest statements as they were issued, with any correction they carry. */
class FeeChatTests extends WebhookTestSupport {

  Fixture school;
  WechatSimulator wechat;
  String openid;
  long child;

  @BeforeEach
  void aBoundParent() {
    school = Fixture.school(jdbc);
    child = school.student(school.schoolClass(1, "一年级1班"), "陈小雨");
    long guardian = school.guardian("陈妈妈", child);
    wechat = safe();
    openid = WechatSimulator.openid();
    assertThat(wechat.say(openid, "绑定 " + school.code(guardian))).contains("绑定成功");
  }

  @Test
  void beforeAnyStatementTheParentIsToldWhenTheyCome() {
    assertThat(wechat.say(openid, "账单")).contains("陈小雨", "还没有", "每月结束后");
  }

  @Test
  void theLatestStatementsAreShownNewestFirstWithTheirCorrection() {
    long october = statement("2026-10-01", 19, 9975, 0);
    long november = statement("2026-11-01", 21, 11025, -525);
    jdbc.update("INSERT INTO fee_adjustment (statement_id, for_month, delta_sessions, delta_fen) "
        + "VALUES (?, '2026-10-01', -1, -525)", november);

    String reply = wechat.say(openid, "账单");

    assertThat(october).isPositive();
    assertThat(reply).contains("陈小雨2026年11月", "21次", "更正2026年10月：-1次服务，-5.25元", "本次应缴105.00元",
        "2026年10月", "99.75元");
    assertThat(reply.indexOf("2026年11月")).isLessThan(reply.indexOf("陈小雨2026年10月"));
  }

  private long statement(String month, int sessions, int charged, int adjustment) {
    jdbc.update("INSERT INTO fee_statement (school_id, term_id, student_id, month, sessions, lesson_tenths, "
        + "tenths_per_session, hardship_percent, leave_days, fee_per_lesson_fen, gross_fen, reduction_fen, "
        + "charged_fen, adjustment_fen, amount_fen, created_at) VALUES (?, ?, ?, ?, ?, ?, 15, 0, 0, 350, ?, 0, ?, ?, ?, "
        + "NOW())", school.schoolId, school.termId, child, month, sessions, sessions * 15, charged, charged,
        adjustment, charged + adjustment);
    return jdbc.queryForObject("SELECT id FROM fee_statement WHERE student_id = ? AND month = ?", Long.class, child,
        month);
  }
}
