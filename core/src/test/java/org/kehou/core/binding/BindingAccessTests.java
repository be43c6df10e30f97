package org.kehou.core.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.core.testing.SchoolFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class BindingAccessTests {

  @Autowired WechatBindingService bindings;
  @Autowired BoundAccounts accounts;
  @Autowired JdbcTemplate jdbc;

  SchoolFixture school;
  long guardian;

  @BeforeEach
  void family() {
    school = new SchoolFixture(jdbc);
    long child = school.student(school.schoolClass(3, "三年级2班", null), "王小明", "NONE");
    guardian = school.guardian("王芳", child, "母亲");
  }

  @Test
  void anotherAccountBindingIsToldToTheAccountsAlreadyBoundAndToNoOneElse() {
    String first = openid();
    assertThat(bindings.redeem(first, code(guardian)).outcome()).isEqualTo(WechatBindingResult.Outcome.BOUND);
    assertThat(messages()).isEmpty();

    String second = openid();
    assertThat(bindings.redeem(second, code(guardian)).outcome()).isEqualTo(WechatBindingResult.Outcome.BOUND);

    assertThat(messages()).singleElement().satisfies(m -> {
      assertThat(m).containsEntry("openid", first).containsEntry("kind", "binding-added")
          .containsEntry("state", "PENDING");
      assertThat((String) m.get("body")).contains("另一个微信号", "王芳", "解除");
    });
  }

  @Test
  void anAccountThatUnbindsIsNotRestoredByFollowingAgainUnlikeOneThatUnfollowed() {
    String unbinding = openid();
    String unfollowing = openid();
    bindings.redeem(unbinding, code(guardian));
    bindings.redeem(unfollowing, code(guardian));

    assertThat(accounts.unbind(unbinding, guardian)).isTrue();
    bindings.deactivate(unfollowing);

    assertThat(bindings.find(unbinding)).isEmpty();
    assertThat(bindings.reactivate(unbinding)).isEmpty();
    assertThat(bindings.reactivate(unfollowing)).isPresent();
    assertThat(accounts.of(guardian)).extracting(BoundAccount::endedBy, BoundAccount::active)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("PARENT", false),
            org.assertj.core.groups.Tuple.tuple(null, true));
  }

  @Test
  void anAdminRevokesOneAccountOfTheGuardianAndOnlyThatOne() {
    String kept = openid();
    String revoked = openid();
    bindings.redeem(kept, code(guardian));
    bindings.redeem(revoked, code(guardian));
    long revokedId = jdbc.queryForObject("SELECT id FROM wechat_binding WHERE openid = ?", Long.class, revoked);
    long otherGuardian = school.guardian("李强", school.student(school.schoolClass(1, "一年级1班", null), "李雷",
        "NONE"), "父亲");

    assertThat(accounts.revoke(otherGuardian, revokedId)).isFalse();
    assertThat(accounts.revoke(guardian, revokedId)).isTrue();
    assertThat(accounts.revoke(guardian, revokedId)).isFalse();

    assertThat(bindings.find(revoked)).isEmpty();
    assertThat(bindings.reactivate(revoked)).isEmpty();
    assertThat(bindings.find(kept)).isPresent();
    List<BoundAccount> listed = accounts.of(guardian);
    assertThat(listed).extracting(BoundAccount::endedBy).containsExactly(null, "ADMIN");
    assertThat(listed).allSatisfy(a -> assertThat(a.account()).contains("****").doesNotContain(kept.substring(2, 20))
        .doesNotContain(revoked.substring(2, 20)));
  }

  @Test
  void endingAGuardiansAccessEndsEveryBindingAndRevokesTheLiveCode() {
    String phone = openid();
    bindings.redeem(phone, code(guardian));
    String unused = code(guardian);

    accounts.endAccessOf(List.of(guardian), BoundAccounts.BY_ROSTER);

    assertThat(bindings.find(phone)).isEmpty();
    assertThat(bindings.reactivate(phone)).isEmpty();
    assertThat(bindings.redeem(openid(), unused).outcome()).isEqualTo(WechatBindingResult.Outcome.WRONG_CODE);
  }

  @Test
  void theMigrationRevokesCodesThatReprintedSheetsGaveBoundGuardians() throws Exception {
    bindings.redeem(openid(), code(guardian));
    String reprinted = code(guardian);
    long unbound = school.guardian("李强", school.student(school.schoolClass(1, "一年级1班", null), "李雷", "NONE"),
        "父亲");
    String waiting = code(unbound);
    String migration;
    try (var in = getClass().getResourceAsStream("/db/migration/V38__binding_revoke_codes_of_bound.sql")) {
      migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    jdbc.execute(migration);

    assertThat(bindings.redeem(openid(), reprinted).outcome()).isEqualTo(WechatBindingResult.Outcome.WRONG_CODE);
    assertThat(bindings.redeem(openid(), waiting).outcome()).isEqualTo(WechatBindingResult.Outcome.BOUND);
  }

  String code(long guardianId) {
    String code = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    jdbc.update("UPDATE binding_code SET live = NULL, revoked_at = NOW(3) WHERE guardian_id = ? AND live = 1",
        guardianId);
    jdbc.update("INSERT INTO binding_code (school_id, guardian_id, code, expires_at) VALUES (?, ?, ?, ?)",
        school.schoolId, guardianId, code, Timestamp.valueOf(LocalDateTime.now().plusDays(30)));
    return code;
  }

  List<Map<String, Object>> messages() {
    return jdbc.queryForList("SELECT openid, kind, state, body FROM outbox_message WHERE guardian_id = ?", guardian);
  }

  static String openid() {
    return "o" + UUID.randomUUID().toString().replace("-", "");
  }
}
