package org.kehou.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class BindingTests extends WebhookTestSupport {

  @Test
  void parentBindsWithTheirCodeTypedCarelesslyAndSeesTheirChild() {
    Fixture school = Fixture.school(jdbc);
    long child = school.student(school.schoolClass(3, "三年级2班"), "王小明");
    long guardian = school.guardian("王芳", child);
    String code = school.code(guardian);
    String openid = WechatSimulator.openid();

    String reply = safe().say(openid, "绑定 " + code.substring(0, 4).toLowerCase() + " " + code.substring(4));

    assertThat(reply).contains("绑定成功", "王芳", "王小明", "三年级2班");
    assertThat(jdbc.queryForObject("SELECT guardian_id FROM wechat_binding WHERE openid = ? AND active",
        Long.class, openid)).isEqualTo(guardian);
    assertThat(jdbc.queryForObject("SELECT used_at IS NOT NULL AND live IS NULL FROM binding_code WHERE code = ?",
        Boolean.class, code)).isTrue();
  }

  @Test
  void aPhoneThatRedeemsAnotherGuardiansCodeIsAnsweredForTheNewChildAtOnce() {
    Fixture school = Fixture.school(jdbc);
    long classId = school.schoolClass(4, "四年级1班");
    String first = school.code(school.guardian("周伟", school.student(classId, "周一鸣")));
    String second = school.code(school.guardian("吴芳", school.student(classId, "吴思远")));
    String openid = WechatSimulator.openid();
    safe().say(openid, "绑定 " + first);
    assertThat(safe().say(openid, "状态")).contains("周一鸣");

    // Redeeming writes the binding and then reads it back within the same message: it must not see its cached self.
    assertThat(safe().say(openid, "绑定 " + second)).contains("吴芳", "吴思远").doesNotContain("周一鸣");
    assertThat(safe().say(openid, "状态")).contains("吴思远");
  }

  @Test
  void usedCodeCannotBindASecondPhone() {
    Fixture school = Fixture.school(jdbc);
    long guardian = school.guardian("李强", school.student(school.schoolClass(1, "一年级1班"), "李小华"));
    String code = school.code(guardian);
    safe().say(WechatSimulator.openid(), "绑定 " + code);

    String stranger = WechatSimulator.openid();
    assertThat(safe().say(stranger, "绑定 " + code)).contains("不正确或已失效");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wechat_binding WHERE openid = ?", Integer.class, stranger))
        .isZero();
  }

  @Test
  void sixthAttemptAfterFiveWrongCodesIsRefusedEvenWithTheRightCode() {
    Fixture school = Fixture.school(jdbc);
    long guardian = school.guardian("赵敏", school.student(school.schoolClass(2, "二年级1班"), "赵小雨"));
    String code = school.code(guardian);
    String openid = WechatSimulator.openid();

    List<String> replies = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      replies.add(safe().say(openid, "绑定 WRONG" + i + "XYZ"));
    }
    assertThat(replies).allSatisfy(r -> assertThat(r).contains("不正确或已失效"));
    assertThat(replies.get(0)).contains("4次");

    assertThat(safe().say(openid, "绑定 " + code)).contains("一小时后再试");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wechat_binding WHERE openid = ?", Integer.class, openid))
        .isZero();
    assertThat(jdbc.queryForObject("SELECT used_at IS NULL FROM binding_code WHERE code = ?", Boolean.class, code))
        .isTrue();
  }

  @Test
  void unboundParentIsToldToBindFirst() {
    String openid = WechatSimulator.openid();
    for (String command : List.of("报名", "状态", "告家长书", "已阅", "切换")) {
      assertThat(safe().say(openid, command)).as(command).contains("还没有绑定");
    }
  }

  @Test
  void guardianOfTwoChildrenSwitchesAndEveryReplyNamesTheChild() {
    Fixture school = Fixture.school(jdbc);
    long elder = school.student(school.schoolClass(5, "五年级1班"), "陈大宝");
    long younger = school.student(school.schoolClass(2, "二年级3班"), "陈小宝");
    String code = school.code(school.guardian("陈静", elder, younger));
    String openid = WechatSimulator.openid();

    assertThat(safe().say(openid, "绑定 " + code)).contains("陈大宝", "陈小宝", "切换");
    assertThat(safe().say(openid, "切换")).contains("1. 陈大宝", "2. 陈小宝", "切换 2");
    assertThat(safe().say(openid, "切换 2")).contains("已切换到陈小宝（二年级3班）");
    assertThat(jdbc.queryForObject("SELECT current_student_id FROM wechat_binding WHERE openid = ?", Long.class,
        openid)).isEqualTo(younger);
    assertThat(safe().say(openid, "切换 3")).contains("没有序号为3的孩子");
    assertThat(safe().say(openid, "状态")).contains("陈小宝");
  }

  @Test
  void unfollowingKeepsTheBindingInactiveAndFollowingAgainRestoresIt() {
    Fixture school = Fixture.school(jdbc);
    String code = school.code(school.guardian("孙丽", school.student(school.schoolClass(4, "四年级1班"), "孙悟")));
    String openid = WechatSimulator.openid();
    safe().say(openid, "绑定 " + code);

    ResponseEntity<String> bye =
        safe().post(WechatSimulator.eventXml(openid, "unsubscribe", WechatSimulator.now()));
    assertThat(bye.getBody()).isEqualTo("success");
    assertThat(jdbc.queryForObject("SELECT NOT active AND deactivated_at IS NOT NULL FROM wechat_binding "
        + "WHERE openid = ?", Boolean.class, openid)).isTrue();
    assertThat(safe().say(openid, "状态")).contains("还没有绑定");

    ResponseEntity<String> back = safe().post(WechatSimulator.eventXml(openid, "subscribe", WechatSimulator.now()));
    assertThat(safe().replyText(back.getBody())).contains("欢迎回来", "孙丽", "孙悟");
    assertThat(jdbc.queryForObject("SELECT active FROM wechat_binding WHERE openid = ?", Boolean.class, openid))
        .isTrue();
  }

  @Test
  void weChatRetriesOfOneMessageHaveOneEffectAndTheSameReply() {
    Fixture school = Fixture.school(jdbc);
    long guardian = school.guardian("周洁", school.student(school.schoolClass(6, "六年级2班"), "周一"));
    String code = school.code(guardian);
    String openid = WechatSimulator.openid();
    WechatSimulator wechat = safe();
    String xml = WechatSimulator.textXml(openid, "绑定 " + code, WechatSimulator.nextMsgId());

    List<String> replies = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      replies.add(wechat.replyText(wechat.post(xml).getBody()));
    }

    assertThat(replies.get(0)).contains("绑定成功", "周一");
    assertThat(replies).containsOnly(replies.get(0));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wechat_binding WHERE guardian_id = ?", Integer.class,
        guardian)).isOne();
  }

  @Test
  void weChatRetriesOfOneEventAreRecognisedByUserAndTime() {
    String openid = WechatSimulator.openid();
    WechatSimulator wechat = safe();
    String event = WechatSimulator.eventXml(openid, "subscribe", WechatSimulator.now());
    String first = wechat.replyText(wechat.post(event).getBody());
    String retry = wechat.replyText(wechat.post(event).getBody());
    assertThat(first).contains("绑定 绑定码");
    assertThat(retry).isEqualTo(first);
  }
}
