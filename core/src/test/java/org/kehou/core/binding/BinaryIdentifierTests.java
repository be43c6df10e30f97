package org.kehou.core.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.core.binding.WechatBindingResult.Outcome;
import org.kehou.core.testing.SchoolFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Codes, openids and dedup keys are compared byte for byte by the database, not case- and accent-insensitively. */
@SpringBootTest
class BinaryIdentifierTests {

  @Autowired WechatBindingService bindings;
  @Autowired JdbcTemplate jdbc;

  SchoolFixture school;
  long guardian;

  @BeforeEach
  void aGuardian() {
    school = new SchoolFixture(jdbc);
    long classId = school.schoolClass(2, "二年级1班", null);
    long student = school.student(classId, "钱小雨", "NONE");
    guardian = school.guardian("钱妈妈", student, "母亲");
  }

  @Test
  void aBindingCodeDifferingOnlyByAnAccentDoesNotBind() {
    String code = "A" + new BindingCodeService(null, null, Clock.systemUTC()).newCode().substring(1);
    jdbc.update("INSERT INTO binding_code (school_id, guardian_id, code, expires_at) VALUES (?, ?, ?, ?)",
        school.schoolId, guardian, code, LocalDateTime.now().plusDays(30));
    String stranger = "o" + UUID.randomUUID().toString().replace("-", "");

    WechatBindingResult accented = bindings.redeem(stranger, "Á" + code.substring(1));

    assertThat(accented.outcome()).isEqualTo(Outcome.WRONG_CODE);
    assertThat(jdbc.queryForObject("SELECT used_at IS NULL FROM binding_code WHERE code = ?", Boolean.class, code))
        .isTrue();
    // What the parent types is folded to the printed upper case before it reaches the database.
    assertThat(bindings.redeem(stranger, code.toLowerCase()).outcome()).isEqualTo(Outcome.BOUND);
  }

  @Test
  void anOpenidDifferingOnlyInCaseOrAccentIsSomebodyElse() {
    String openid = school.bindWeChat(guardian);
    String upper = openid.toUpperCase();
    String accented = "ó" + openid.substring(1);

    assertThat(bindings.find(openid)).isPresent();
    assertThat(bindings.find(upper)).isEmpty();
    assertThat(bindings.find(accented)).isEmpty();
    jdbc.update("INSERT INTO wechat_binding (openid, guardian_id) VALUES (?, ?)", upper, guardian);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wechat_binding WHERE openid = ?", Integer.class, openid))
        .isEqualTo(1);
  }

  @Test
  void dedupKeysDifferingOnlyInCaseAreTwoMessages() {
    String key = "agreement-ready:" + UUID.randomUUID();
    String insert = "INSERT INTO outbox_message (school_id, guardian_id, kind, dedup_key, body, next_attempt_at, "
        + "created_at) VALUES (?, ?, 'test', ?, 'x', NOW(3), NOW(3)) ON DUPLICATE KEY UPDATE id = id";

    jdbc.update(insert, school.schoolId, guardian, key.toLowerCase());
    jdbc.update(insert, school.schoolId, guardian, key.toUpperCase());

    assertThat(jdbc.queryForList("SELECT dedup_key FROM outbox_message WHERE guardian_id = ? ORDER BY id", String.class,
        guardian)).containsExactly(key.toLowerCase(), key.toUpperCase());
  }
}
