package org.kehou.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.core.outbox.Outbox;
import org.kehou.core.staff.StaffAlerts;
import org.kehou.core.staff.StaffService;
import org.kehou.core.staff.StaffWechat;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Staff bind their own WeChat with a staff code and get their alerts there, besides the staff inbox. */
class StaffWechatTests extends WebhookTestSupport {

  @Autowired
  StaffWechat staffWechat;
  @Autowired
  StaffAlerts alerts;
  @Autowired
  StaffService staffService;
  @Autowired
  Outbox outbox;
  @Autowired
  TransactionTemplate transactions;

  @Test
  void staffBindsWechatWithStaffCode() {
    Fixture school = Fixture.school(jdbc);
    long teacher = staff(school, "张老师");
    String code = staffWechat.issueCode(teacher, teacher).code();
    String openid = WechatSimulator.openid();

    String reply = safe().say(openid, "绑定 " + code.substring(0, 5).toLowerCase() + " " + code.substring(5));

    assertThat(reply).contains("绑定成功", "张老师", "工作提醒");
    assertThat(staffWechat.liveOpenid(teacher)).contains(openid);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wechat_binding WHERE openid = ?", Integer.class, openid))
        .as("a staff binding makes nobody a guardian").isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_binding_code WHERE staff_id = ? AND code_sha256 = ?",
        Integer.class, teacher, code)).as("only the hash is kept").isZero();
    assertThat(safe().say(openid, "状态")).contains("还没有绑定");
  }

  @Test
  void guardianWhoIsAlsoStaffKeepsParentCommands() {
    Fixture school = Fixture.school(jdbc);
    long child = school.student(school.schoolClass(3, "三年级4班"), "刘小雨");
    long guardian = school.guardian("刘洋", child);
    String openid = WechatSimulator.openid();
    assertThat(safe().say(openid, "绑定 " + school.code(guardian))).contains("绑定成功", "刘小雨");
    String before = safe().say(openid, "状态");
    long teacher = staff(school, "刘洋老师");

    assertThat(safe().say(openid, "绑定 " + staffWechat.issueCode(teacher, teacher).code()))
        .contains("绑定成功", "刘洋老师", "家长功能照常使用");

    assertThat(safe().say(openid, "状态")).isEqualTo(before).contains("刘小雨");
    assertThat(jdbc.queryForObject("SELECT guardian_id FROM wechat_binding WHERE openid = ? AND active", Long.class,
        openid)).isEqualTo(guardian);
    assertThat(staffWechat.liveOpenid(teacher)).contains(openid);
  }

  @Test
  void staffWithoutWechatGetsInboxOnly() {
    Fixture school = Fixture.school(jdbc);
    long teacher = staff(school, "钱老师");

    assertThat(tell(teacher, "withdrawal:inbox-only")).isTrue();

    assertThat(jdbc.queryForObject("SELECT body FROM staff_notice WHERE staff_id = ?", String.class, teacher))
        .contains("王小明");
    assertThat(outbox.forStaff(teacher)).isEmpty();
  }

  @Test
  void deactivatedStaffWechatBindingEnds() {
    Fixture school = Fixture.school(jdbc);
    long teacher = staff(school, "孙老师");
    String openid = WechatSimulator.openid();
    safe().say(openid, "绑定 " + staffWechat.issueCode(teacher, teacher).code());
    tell(teacher, "withdrawal:before");
    String unusedCode = staffWechat.issueCode(teacher, teacher).code();

    staffService.setActive(teacher, false);

    assertThat(staffWechat.liveOpenid(teacher)).isEmpty();
    assertThat(staffWechat.accounts(teacher)).singleElement()
        .satisfies(a -> assertThat(a.endedBy()).isEqualTo("deactivated"));
    assertThat(outbox.forStaff(teacher)).singleElement()
        .satisfies(m -> assertThat(m.state().name()).isEqualTo("CANCELLED"));
    tell(teacher, "withdrawal:after");
    assertThat(outbox.forStaff(teacher)).hasSize(1);
    assertThat(safe().say(WechatSimulator.openid(), "绑定 " + unusedCode)).contains("不正确或已失效");
  }

  @Test
  void staffCodeSingleUseAndExpires() {
    Fixture school = Fixture.school(jdbc);
    long teacher = staff(school, "周老师");
    String code = staffWechat.issueCode(teacher, teacher).code();
    String first = WechatSimulator.openid();
    assertThat(safe().say(first, "绑定 " + code)).contains("绑定成功");

    String second = WechatSimulator.openid();
    assertThat(safe().say(second, "绑定 " + code)).contains("不正确或已失效");
    assertThat(staffWechat.liveOpenid(teacher)).contains(first);

    String superseded = staffWechat.issueCode(teacher, teacher).code();
    String expiring = staffWechat.issueCode(teacher, teacher).code();
    assertThat(safe().say(second, "绑定 " + superseded)).contains("不正确或已失效");
    jdbc.update("UPDATE staff_binding_code SET expires_at = NOW(3) - INTERVAL 1 MINUTE WHERE staff_id = ? AND live = 1",
        teacher);
    assertThat(safe().say(second, "绑定 " + expiring)).contains("不正确或已失效");
    assertThat(staffWechat.liveOpenid(teacher)).contains(first);
  }

  @Test
  void bindingAttemptsRateLimitedForStaffCodes() {
    Fixture school = Fixture.school(jdbc);
    long teacher = staff(school, "吴老师");
    String code = staffWechat.issueCode(teacher, teacher).code();
    String openid = WechatSimulator.openid();

    List<String> replies = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      replies.add(safe().say(openid, "绑定 SWRONG" + i + "XYZ"));
    }
    assertThat(replies).allSatisfy(r -> assertThat(r).contains("不正确或已失效"));

    assertThat(safe().say(openid, "绑定 " + code)).contains("一小时后再试");
    assertThat(staffWechat.liveOpenid(teacher)).isEmpty();
    assertThat(safe().say(WechatSimulator.openid(), "绑定 " + code)).as("the code was never looked at")
        .contains("绑定成功");
  }

  private boolean tell(long staffId, String occasion) {
    return Boolean.TRUE.equals(transactions.execute(tx -> alerts.tell(staffId, "withdrawal", occasion,
        "王小明的家长已办理退出课后服务", Map.of("child", "王小明", "endsOn", "2026-12-07"))));
  }

  private long staff(Fixture school, String name) {
    jdbc.update("INSERT INTO staff (school_id, username, display_name, password_hash, role) VALUES (?, ?, ?, 'x', "
        + "'CLASS_TEACHER')", school.schoolId, "t" + System.nanoTime(), name);
    return jdbc.queryForObject("SELECT id FROM staff WHERE school_id = ? AND display_name = ?", Long.class,
        school.schoolId, name);
  }
}
