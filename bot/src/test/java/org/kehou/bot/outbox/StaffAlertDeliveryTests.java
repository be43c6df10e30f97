package org.kehou.bot.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kehou.bot.WebhookTestSupport;
import org.kehou.core.binding.WechatBindingResult;
import org.kehou.core.binding.WechatBindingService;
import org.kehou.core.outbox.Outbox;
import org.kehou.core.outbox.OutboxMessage;
import org.kehou.core.staff.StaffAlerts;
import org.kehou.core.staff.StaffWechat;
import org.kehou.core.testing.SchoolFixture;
import org.kehou.core.withdrawal.WithdrawalService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** A staff alert lands in the staff inbox and, for a staff member with a bound WeChat, as a template message there. */
@TestPropertySource(properties = {
    "kehou.outbox.templates.withdrawal.id=tmpl-staff-withdrawal",
    "kehou.outbox.templates.withdrawal.fields=thing1=child, time2=endsOn"})
class StaffAlertDeliveryTests extends WebhookTestSupport {

  static final String TEMPLATE = "/cgi-bin/message/template/send";

  @Autowired
  WeChatSender sender;
  @Autowired
  Outbox outbox;
  @Autowired
  StaffAlerts alerts;
  @Autowired
  StaffWechat staffWechat;
  @Autowired
  WechatBindingService bindings;
  @Autowired
  WithdrawalService withdrawals;
  @Autowired
  TransactionTemplate transactions;
  @Autowired
  JdbcTemplate db;

  @Test
  void staffAlertGoesToInboxAndBoundWechat() {
    SchoolFixture school = new SchoolFixture(db);
    long teacher = school.staff("CLASS_TEACHER");
    String openid = bindStaff(teacher);
    stubWechat(openid);
    Map<String, String> fields = Map.of("child", "王小明", "endsOn", "2026-12-07");

    for (int i = 0; i < 2; i++) {
      transactions.executeWithoutResult(tx -> alerts.tell(teacher, "withdrawal", "withdrawal:alert-test",
          "王小明的家长已办理退出课后服务", fields));
    }

    assertThat(db.queryForObject("SELECT COUNT(*) FROM staff_notice WHERE staff_id = ?", Integer.class, teacher))
        .isOne();
    OutboxMessage message = outbox.forStaff(teacher).get(0);
    assertThat(outbox.forStaff(teacher)).hasSize(1);
    assertThat(message.openid()).isEqualTo(openid);
    assertThat(message.guardianId()).isNull();
    assertThat(message.staffId()).isEqualTo(teacher);

    Delivery delivery = sender.send(message);

    assertThat(delivery.channel()).isEqualTo("TEMPLATE");
    assertThat(WECHAT_API.findAll(postRequestedFor(urlPathEqualTo(TEMPLATE)).withRequestBody(containing(openid))))
        .singleElement().satisfies(r -> assertThat(r.getBodyAsString())
            .contains("\"template_id\":\"tmpl-staff-withdrawal\"", "\"thing1\":{\"value\":\"王小明\""));
  }

  @Test
  void classTeacherWithBoundWechatHearsOfAWithdrawalThere() {
    SchoolFixture school = new SchoolFixture(db);
    long teacher = school.staff("CLASS_TEACHER");
    String openid = bindStaff(teacher);
    long child = school.student(school.schoolClass(2, "二年级" + System.nanoTime() % 1000 + "班", teacher), "陈小雨",
        "NONE");
    long guardian = school.guardian("陈静", child, "母亲");
    school.application(child, guardian, "WAITLISTED", school.offering("书法", 10));

    assertThat(withdrawals.withdraw(guardian, child)).isPresent();

    assertThat(db.queryForObject("SELECT body FROM staff_notice WHERE staff_id = ? AND kind = 'withdrawal'",
        String.class, teacher)).contains("陈小雨");
    assertThat(outbox.forStaff(teacher)).singleElement().satisfies(m -> {
      assertThat(m.openid()).isEqualTo(openid);
      assertThat(m.body()).contains("陈小雨");
      assertThat(m.templateFields()).contains("陈小雨", "endsOn");
    });
  }

  /** Rows left PENDING would be drained by the dispatcher tests' instances (the outbox is shared by every test). */
  @AfterEach
  void keepAwayFromDispatchers() {
    db.update("UPDATE outbox_message SET state = 'CANCELLED' WHERE staff_id IS NOT NULL AND state = 'PENDING'");
  }

  private String bindStaff(long staffId) {
    String openid = "o-staff-" + System.nanoTime();
    WechatBindingResult result = bindings.redeem(openid, staffWechat.issueCode(staffId, staffId).code());
    assertThat(result.outcome()).isEqualTo(WechatBindingResult.Outcome.STAFF_BOUND);
    return openid;
  }

  private static void stubWechat(String openid) {
    WECHAT_API.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token"))
        .willReturn(okJson("{\"access_token\":\"staff-alert-token\",\"expires_in\":7200}")));
    WECHAT_API.stubFor(post(urlPathEqualTo(TEMPLATE)).withRequestBody(containing(openid)).atPriority(2)
        .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + System.nanoTime() + "}")));
  }
}
