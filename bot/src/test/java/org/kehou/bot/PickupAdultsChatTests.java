package org.kehou.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 接送人 in the chat: a guardian lists, adds and removes the adults who may collect the child; the others are told. */
class PickupAdultsChatTests extends WebhookTestSupport {

  private WechatSimulator wechat;
  private String mother;
  private long child;
  private long father;

  @BeforeEach
  void twoGuardiansOfOneChild() {
    Fixture school = Fixture.school(jdbc);
    child = school.student(school.schoolClass(3, "三年级2班"), "孙小美");
    long motherId = school.guardian("孙妈妈", child);
    father = school.guardian("孙爸爸", child);
    wechat = safe();
    mother = WechatSimulator.openid();
    wechat.say(mother, "绑定 " + school.code(motherId));
    wechat.say(WechatSimulator.openid(), "绑定 " + school.code(father));
  }

  @Test
  void aGuardianAddsAnAdultAndTheOtherGuardianIsTold() {
    assertThat(wechat.say(mother, "接送人")).contains("孙小美", "孙妈妈", "孙爸爸", "其他接送人：暂无");

    assertThat(wechat.say(mother, "接送人 添加 孙奶奶 奶奶 138 1234 5678")).contains("已为孙小美（三年级2班）添加接送人",
        "孙奶奶（奶奶）", "138****5678").doesNotContain("13812345678");
    assertThat(wechat.say(mother, "接送人")).contains("1. 孙奶奶（奶奶）138****5678，孙妈妈添加");

    List<Map<String, Object>> told = jdbc.queryForList("SELECT guardian_id, body FROM outbox_message "
        + "WHERE student_id = ? AND kind = 'pickup-adults-changed'", child);
    assertThat(told).singleElement().satisfies(m -> {
      assertThat(((Number) m.get("guardian_id")).longValue()).as("the other guardian only").isEqualTo(father);
      assertThat((String) m.get("body")).contains("孙妈妈", "孙小美", "孙奶奶（奶奶）");
    });
  }

  @Test
  void aGuardianRemovesAnAddedAdultAndTheRowIsKeptWithWhoAndWhen() {
    wechat.say(mother, "接送人 添加 孙奶奶 奶奶 13812345678");
    wechat.say(mother, "接送人 添加 李阿姨 保姆 13987654321");

    assertThat(wechat.say(mother, "接送人 删除 3")).contains("没有序号为3");
    assertThat(wechat.say(mother, "接送人 删除 1")).contains("已删除孙小美（三年级2班）的接送人：孙奶奶（奶奶）");

    assertThat(wechat.say(mother, "接送人")).contains("1. 李阿姨（保姆）").doesNotContain("孙奶奶");
    Map<String, Object> removed = jdbc.queryForMap("SELECT live, removed_by, removed_at FROM pickup_adult "
        + "WHERE student_id = ? AND name = '孙奶奶'", child);
    assertThat(removed.get("live")).isNull();
    assertThat(removed.get("removed_at")).isNotNull();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE student_id = ? "
        + "AND kind = 'pickup-adults-changed' AND guardian_id = ?", Integer.class, child, father)).isEqualTo(3);
  }

  @Test
  void anUnreadableOrRepeatedAdultGetsAHelpfulReplyAndChangesNothing() {
    assertThat(wechat.say(mother, "接送人 添加 孙奶奶")).contains("没看懂要添加的接送人", "接送人 添加 张阿姨 保姆");
    assertThat(wechat.say(mother, "接送人 添加 孙奶奶 奶奶 12345")).contains("11位大陆手机号");
    assertThat(wechat.say(mother, "接送人 你好")).contains("接送人 添加 姓名 关系 手机号", "孙小美");

    wechat.say(mother, "接送人 添加 孙奶奶 奶奶 13812345678");
    assertThat(wechat.say(mother, "接送人 添加 孙姥姥 姥姥 13812345678")).contains("已经是孙小美（三年级2班）的接送人");
    String guardianPhone = jdbc.queryForObject("SELECT phone FROM guardian WHERE id = ?", String.class, father);
    assertThat(wechat.say(mother, "接送人 添加 孙爸爸 爸爸 " + guardianPhone)).contains("已经是孙小美（三年级2班）的接送人");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pickup_adult WHERE student_id = ?", Integer.class, child))
        .isEqualTo(1);
  }
}
