package org.kehou.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A binding slip's QR code (scene = the binding code) binds as 绑定 <code> does: a parent who does not follow the
 * account gets subscribe with qrscene_<code>, a follower gets SCAN with the code; same limit, single use.
 */
class ScanBindingTests extends WebhookTestSupport {

  @Test
  void aParentWhoFollowsByScanningASlipIsWelcomedAndBoundAtOnce() {
    Fixture school = Fixture.school(jdbc);
    long guardian = school.guardian("王芳", school.student(school.schoolClass(3, "三年级2班"), "王小明"));
    String code = school.code(guardian);
    String openid = WechatSimulator.openid();

    String reply = scan(openid, "subscribe", "qrscene_" + code, 0);

    assertThat(reply).startsWith("欢迎关注学校课后服务！").contains("王芳，绑定成功", "王小明（三年级2班）", "告家长书");
    assertThat(boundGuardian(openid)).isEqualTo(guardian);
    assertThat(jdbc.queryForObject("SELECT used_at IS NOT NULL AND live IS NULL FROM binding_code WHERE code = ?",
        Boolean.class, code)).isTrue();
    assertThat(safe().say(openid, "状态")).contains("王小明");
  }

  @Test
  void aFollowerWhoScansASlipIsBoundWithTheSameAnswerAsTypingTheCode() {
    Fixture school = Fixture.school(jdbc);
    long classId = school.schoolClass(4, "四年级1班");
    long guardian = school.guardian("陈静", school.student(classId, "陈大宝"), school.student(classId, "陈小宝"));
    String code = school.code(guardian);
    String openid = WechatSimulator.openid();
    assertThat(scan(openid, "subscribe", "", 0)).contains("绑定 绑定码");

    String reply = scan(openid, "SCAN", code, 1);

    assertThat(reply).startsWith("陈静，绑定成功").contains("陈大宝", "陈小宝", "切换").doesNotContain("欢迎关注");
    assertThat(boundGuardian(openid)).isEqualTo(guardian);
  }

  @Test
  void aUsedSlipScannedAgainIsRefusedKindlyAndBindsNobodyElse() {
    Fixture school = Fixture.school(jdbc);
    long guardian = school.guardian("李强", school.student(school.schoolClass(1, "一年级1班"), "李小华"));
    String code = school.code(guardian);
    String parent = WechatSimulator.openid();
    scan(parent, "subscribe", "qrscene_" + code, 0);

    String again = scan(parent, "SCAN", code, 1);
    String stranger = WechatSimulator.openid();
    String strangers = scan(stranger, "subscribe", "qrscene_" + code, 0);

    assertThat(again).contains("已失效或已使用过", "已绑定家长“李强”", "李小华（一年级1班）", "无需再次扫码");
    assertThat(strangers).startsWith("欢迎关注").contains("已失效或已使用过", "未能绑定", "绑定 绑定码", "还可尝试4次");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wechat_binding WHERE openid = ?", Integer.class, stranger))
        .isZero();
    assertThat(boundGuardian(parent)).isEqualTo(guardian);
  }

  @Test
  void scansCountAgainstTheSameLimitOfWrongCodesAsTyping() {
    Fixture school = Fixture.school(jdbc);
    String code = school.code(school.guardian("赵敏", school.student(school.schoolClass(2, "二年级1班"), "赵小雨")));
    String openid = WechatSimulator.openid();

    List<String> replies = new ArrayList<>();
    replies.add(scan(openid, "subscribe", "qrscene_WRONG0XYZ", 0));
    for (int i = 1; i < 4; i++) {
      replies.add(scan(openid, "SCAN", "WRONG" + i + "XYZ", i));
    }
    replies.add(safe().say(openid, "绑定 WRONG4XYZ"));

    assertThat(replies.get(0)).contains("还可尝试4次");
    assertThat(replies.get(3)).contains("还可尝试1次");
    assertThat(replies.get(4)).contains("不正确或已失效", "0次");
    assertThat(scan(openid, "SCAN", code, 5)).contains("一小时后再试");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wechat_binding WHERE openid = ?", Integer.class, openid))
        .isZero();
    assertThat(jdbc.queryForObject("SELECT used_at IS NULL FROM binding_code WHERE code = ?", Boolean.class, code))
        .isTrue();
  }

  @Test
  void followingAgainThroughASlipThatNoLongerWorksStillRestoresThePausedBinding() {
    Fixture school = Fixture.school(jdbc);
    long guardian = school.guardian("孙丽", school.student(school.schoolClass(5, "五年级1班"), "孙悟"));
    String code = school.code(guardian);
    String openid = WechatSimulator.openid();
    safe().say(openid, "绑定 " + code);
    safe().post(WechatSimulator.eventXml(openid, "unsubscribe", WechatSimulator.now()));

    String reply = scan(openid, "subscribe", "qrscene_" + code, 1);

    assertThat(reply).startsWith("欢迎关注").contains("已绑定家长“孙丽”", "孙悟");
    assertThat(boundGuardian(openid)).isEqualTo(guardian);
  }

  @Test
  void weChatResendingAScanHasOneEffectAndTheSameReply() {
    Fixture school = Fixture.school(jdbc);
    long guardian = school.guardian("周洁", school.student(school.schoolClass(6, "六年级2班"), "周一"));
    String code = school.code(guardian);
    String openid = WechatSimulator.openid();
    String event = WechatSimulator.eventXml(openid, "subscribe", "qrscene_" + code, WechatSimulator.now());

    String first = safe().replyText(safe().post(event).getBody());
    String resent = safe().replyText(safe().post(event).getBody());

    assertThat(first).contains("绑定成功");
    assertThat(resent).isEqualTo(first);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wechat_binding WHERE guardian_id = ?", Integer.class,
        guardian)).isOne();
  }

  @Test
  void anotherQrCodeOfTheAccountWithANumericSceneIsAPlainFollowNotAWrongCode() {
    String openid = WechatSimulator.openid();

    assertThat(scan(openid, "subscribe", "qrscene_1001", 0)).contains("欢迎关注", "绑定 绑定码").doesNotContain("失效");
    assertThat(scan(openid, "SCAN", "1001", 1)).isEqualTo("success");
    assertThat(safe().say(openid, "绑定 WRONG0XYZ")).as("no attempt was spent").contains("还可尝试4次");
  }

  /** A scan as WeChat posts it; {@code later} seconds after now, so two scans of one code are not one resent. */
  String scan(String openid, String event, String eventKey, int later) {
    return safe().replyText(safe().post(WechatSimulator.eventXml(openid, event, eventKey,
        WechatSimulator.now() + later)).getBody());
  }

  Long boundGuardian(String openid) {
    return jdbc.queryForObject("SELECT guardian_id FROM wechat_binding WHERE openid = ? AND active", Long.class,
        openid);
  }
}
