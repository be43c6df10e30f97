package org.kehou.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class UnbindTests extends WebhookTestSupport {

  @Test
  void parentUnbindsAfterConfirmingAndFollowingAgainDoesNotBringTheBindingBack() {
    Fixture school = Fixture.school(jdbc);
    long guardian = school.guardian("孙丽", school.student(school.schoolClass(4, "四年级1班"), "孙悟"));
    String openid = WechatSimulator.openid();
    safe().say(openid, "绑定 " + school.code(guardian));

    assertThat(safe().say(openid, "解绑")).contains("孙丽", "孙悟（四年级1班）", "确认解绑");
    assertThat(safe().say(openid, "状态")).contains("孙悟");
    assertThat(safe().say(openid, "确认解绑")).contains("已解除", "孙丽");

    assertThat(safe().say(openid, "状态")).contains("还没有绑定");
    assertThat(jdbc.queryForObject("SELECT ended_by FROM wechat_binding WHERE openid = ?", String.class, openid))
        .isEqualTo("PARENT");
    safe().post(WechatSimulator.eventXml(openid, "unsubscribe", WechatSimulator.now()));
    ResponseEntity<String> back = safe().post(WechatSimulator.eventXml(openid, "subscribe", WechatSimulator.now()));
    assertThat(safe().replyText(back.getBody())).doesNotContain("欢迎回来").contains("绑定 绑定码");
    assertThat(safe().say(openid, "状态")).contains("还没有绑定");
  }

  @Test
  void confirmingWithoutAskingFirstUnbindsNothing() {
    Fixture school = Fixture.school(jdbc);
    long guardian = school.guardian("钱多", school.student(school.schoolClass(2, "二年级2班"), "钱小多"));
    String openid = WechatSimulator.openid();
    safe().say(openid, "绑定 " + school.code(guardian));

    assertThat(safe().say(openid, "确认解绑")).contains("请先回复“解绑”");
    assertThat(safe().say(openid, "状态")).contains("钱小多");
    assertThat(jdbc.queryForObject("SELECT active AND ended_at IS NULL FROM wechat_binding WHERE openid = ?",
        Boolean.class, openid)).isTrue();
  }

  @Test
  void whenASecondPhoneBindsTheFirstIsToldThroughTheOutbox() {
    Fixture school = Fixture.school(jdbc);
    long guardian = school.guardian("周伟", school.student(school.schoolClass(5, "五年级1班"), "周一鸣"));
    String first = WechatSimulator.openid();
    String second = WechatSimulator.openid();
    safe().say(first, "绑定 " + school.code(guardian));

    assertThat(safe().say(second, "绑定 " + school.code(guardian))).contains("绑定成功");

    assertThat(jdbc.queryForList("SELECT openid FROM outbox_message WHERE guardian_id = ? AND kind = 'binding-added'",
        String.class, guardian)).containsExactly(first);
  }
}
