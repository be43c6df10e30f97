package org.kehou.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 独自离校 and 取消独自离校: a standing permission signed with the registered name, only where the school allows it. */
class HomeAloneChatTests extends WebhookTestSupport {

  private WechatSimulator wechat;
  private Fixture school;
  private String mother;
  private long olderChild;
  private long father;

  @BeforeEach
  void twoGuardiansOfAFifthGrader() {
    school = Fixture.school(jdbc);
    olderChild = school.student(school.schoolClass(5, "五年级1班"), "钱小军");
    long motherId = school.guardian("钱妈妈", olderChild);
    father = school.guardian("钱爸爸", olderChild);
    wechat = safe();
    mother = WechatSimulator.openid();
    wechat.say(mother, "绑定 " + school.code(motherId));
  }

  void schoolAllowsFromGrade(int grade) {
    jdbc.update("INSERT INTO staff (school_id, username, display_name, password_hash, role) VALUES (?, ?, '管理员', 'x', "
        + "'SCHOOL_ADMIN')", school.schoolId, "a" + UUID.randomUUID().toString().substring(0, 10));
    jdbc.update("INSERT INTO home_alone_rule (school_id, from_grade, set_by, set_at) SELECT ?, ?, MAX(id), NOW(3) "
        + "FROM staff WHERE school_id = ?", school.schoolId, grade, school.schoolId);
  }

  int livePermissions() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM home_alone_permission WHERE student_id = ? AND live = 1",
        Integer.class, olderChild);
  }

  @Test
  void whereTheSchoolDoesNotAllowItNothingCanBeSigned() {
    assertThat(wechat.say(mother, "独自离校")).contains("学校目前不允许", "钱小军");
    assertThat(wechat.say(mother, "钱妈妈")).doesNotContain("已签署");
    assertThat(livePermissions()).isZero();

    schoolAllowsFromGrade(6);
    assertThat(wechat.say(mother, "独自离校")).as("a fifth grader, allowed from grade 6").contains("学校目前不允许");
  }

  @Test
  void aGuardianSignsWithTheRegisteredNameAndTheOtherGuardianIsTold() {
    schoolAllowsFromGrade(4);

    assertThat(wechat.say(mother, "独自离校")).contains("钱小军", "回复您在学校登记的姓名签署");
    assertThat(wechat.say(mother, "好的")).contains("不是您在学校登记的姓名", "未签署");
    assertThat(livePermissions()).isZero();

    wechat.say(mother, "独自离校");
    assertThat(wechat.say(mother, "钱妈妈")).contains("已签署", "钱小军");
    assertThat(livePermissions()).isEqualTo(1);
    assertThat(wechat.say(mother, "独自离校")).contains("已由钱妈妈于", "取消独自离校");
    Map<String, Object> told = jdbc.queryForMap("SELECT guardian_id, body FROM outbox_message WHERE student_id = ? "
        + "AND kind = 'home-alone-changed'", olderChild);
    assertThat(((Number) told.get("guardian_id")).longValue()).isEqualTo(father);
    assertThat((String) told.get("body")).contains("钱妈妈已签署", "钱小军");
  }

  @Test
  void aGuardianWithdrawsTheSameWayAndTheRowIsKept() {
    schoolAllowsFromGrade(4);
    wechat.say(mother, "独自离校");
    wechat.say(mother, "钱妈妈");

    assertThat(wechat.say(mother, "取消独自离校")).contains("确认撤回请回复您在学校登记的姓名");
    assertThat(wechat.say(mother, "钱妈妈")).contains("已撤回", "须由监护人或登记的接送人接走");

    assertThat(livePermissions()).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM home_alone_permission WHERE student_id = ? "
        + "AND withdrawn_at IS NOT NULL AND withdrawn_by IS NOT NULL", Integer.class, olderChild)).isEqualTo(1);
    assertThat(wechat.say(mother, "取消独自离校")).contains("目前没有独自离校的许可");
  }
}
