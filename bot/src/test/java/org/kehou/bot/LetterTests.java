package org.kehou.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LetterTests extends WebhookTestSupport {

  @Test
  void letterQuotesTheSchoolsRealTimesFeeAndRulesWithinOneReply() {
    Fixture school = Fixture.school(jdbc);
    String openid = bind(school, "刘洋", "刘小溪");

    String letter = safe().say(openid, "告家长书");

    assertThat(letter).contains(school.schoolName, "自愿", "15:30", "17:30", "18:00",
        "2026年5月1日至2026年9月30日", "3.50元", "每月结算", "作业", "社团", "授权", "随时请假或退出", "留守", "困难", "安全",
        "已阅");
    assertThat(letter.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
  }

  @Test
  void letterIsArchivedOncePerTermWithTheHashOfTheExactText() throws Exception {
    Fixture school = Fixture.school(jdbc);
    String first = safe().say(bind(school, "吴刚", "吴小桂"), "告家长书");
    String second = safe().say(bind(school, "吴梅", "吴小兰"), "告家长书");

    assertThat(second).isEqualTo(first);
    Map<String, Object> row = jdbc.queryForMap("SELECT sha256, body, template_version FROM letter_version "
        + "WHERE term_id = ?", school.termId);
    assertThat(row.get("body").toString().strip()).isEqualTo(first.strip());
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(row.get("body").toString().getBytes(StandardCharsets.UTF_8)));
    assertThat(row.get("sha256")).isEqualTo(sha);
    assertThat(row.get("template_version")).isEqualTo("2026.1");
  }

  @Test
  void readReceiptIsRecordedOnceForThisGuardianAndVersion() {
    Fixture school = Fixture.school(jdbc);
    String openid = bind(school, "郑和", "郑小舟");
    safe().say(openid, "告家长书");

    assertThat(safe().say(openid, "已阅")).contains("已记录", "郑小舟", "报名");
    safe().say(openid, "已阅");

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM letter_receipt r JOIN letter_version v "
        + "ON v.id = r.letter_version_id WHERE v.term_id = ? AND r.openid = ?", Integer.class, school.termId, openid))
        .isOne();
  }

  private String bind(Fixture school, String guardianName, String childName) {
    long child = school.student(school.schoolClass(3, "三年级" + childName), childName);
    String code = school.code(school.guardian(guardianName, child));
    String openid = WechatSimulator.openid();
    assertThat(safe().say(openid, "绑定 " + code)).contains("绑定成功");
    return openid;
  }
}
