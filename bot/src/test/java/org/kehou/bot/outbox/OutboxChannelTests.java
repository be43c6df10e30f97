package org.kehou.bot.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kehou.bot.WebhookPosts;
import org.kehou.bot.WebhookTestSupport;
import org.kehou.core.outbox.Outbox;
import org.kehou.core.outbox.OutboxBatch;
import org.kehou.core.outbox.OutboxMessage;
import org.kehou.core.outbox.Recipient;
import org.kehou.core.testing.SchoolFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which channel a push takes: customer-service text only inside the 48-hour window the webhook records, the kind's
 * template outside it or when WeChat says the window is closed, and WeChat's later report on each template message.
 */
@TestPropertySource(properties = {
    "kehou.outbox.templates.agreement-ready.id=tmpl-agreement",
    "kehou.outbox.templates.agreement-ready.fields=thing1=child, thing2=title, time3=deadline",
    "kehou.outbox.templates.waitlist-offer.id=tmpl-offer",
    "kehou.outbox.templates.waitlist-offer.fields=thing4=child, thing7=offering, phrase2=child, "
        + "character_string9=offering, time3=expires",
    "kehou.outbox.templates.notice.id=tmpl-notice",
    "kehou.outbox.templates.notice.fields=thing1=title, thing2=child, time3=sentAt"})
@ExtendWith(OutputCaptureExtension.class)
class OutboxChannelTests extends WebhookTestSupport {

  static final String CUSTOMER = "/cgi-bin/message/custom/send";
  static final String TEMPLATE = "/cgi-bin/message/template/send";
  static final String LONG_OFFERING = "少儿编程与机器人创意搭建进阶课程周一三五班";

  @Autowired
  WeChatSender sender;
  @Autowired
  Outbox outbox;
  @Autowired
  TransactionTemplate transactions;
  @Autowired
  OutboxBatch batch;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcTemplate db;

  SchoolFixture school;
  long student;
  long guardian;
  String openid;

  @BeforeEach
  void boundParent() {
    school = new SchoolFixture(db);
    student = school.student(school.schoolClass(3, "三年级" + System.nanoTime() % 1000 + "班", null), "欧阳思远", "NONE");
    guardian = school.guardian("欧阳立新", student, "父亲");
    openid = school.bindWeChat(guardian);
    WECHAT_API.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token"))
        .willReturn(okJson("{\"access_token\":\"channel-test-token\",\"expires_in\":7200}")));
    WECHAT_API.stubFor(post(urlPathEqualTo(CUSTOMER)).withRequestBody(containing(openid)).atPriority(2)
        .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    WECHAT_API.stubFor(post(urlPathEqualTo(TEMPLATE)).withRequestBody(containing(openid)).atPriority(2)
        .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + System.nanoTime() + "}")));
  }

  @Test
  void aParentWhoWroteRecentlyGetsTheFullTextAsACustomerServiceMessage() {
    assertThat(WebhookPosts.post(rest, WebhookPosts.text(openid, "状态")).getStatusCode().value()).isEqualTo(200);
    OutboxMessage message = queue("agreement-ready", agreementFields());

    Delivery delivery = sender.send(message);

    assertThat(delivery).isEqualTo(Delivery.sent("CUSTOMER", null));
    assertThat(requests(CUSTOMER)).singleElement().satisfies(r -> assertThat(r.getBodyAsString()).contains("请签署"));
    assertThat(requests(TEMPLATE)).isEmpty();
  }

  @Test
  void theWindowsOfAClaimedBatchAreReadTogetherAndChooseTheSameChannel() {
    OutboxMessage before = queue("agreement-ready", agreementFields());
    assertThat(sender.openWindows(List.of(before))).as("the parent has not written yet").isEmpty();
    assertThat(sender.send(before, Set.of()).channel()).isEqualTo("TEMPLATE");

    WebhookPosts.post(rest, WebhookPosts.text(openid, "状态"));
    OutboxMessage after = queue("agreement-ready", agreementFields());
    Set<String> open = sender.openWindows(List.of(after, after));

    assertThat(open).containsExactly(openid);
    assertThat(sender.send(after, open)).isEqualTo(Delivery.sent("CUSTOMER", null));
  }

  @Test
  void wechatsOwnReportsAboutAParentDoNotOpenTheWindow() {
    report("7199999" + System.nanoTime() % 100000, "success");
    WebhookPosts.post(rest, "<xml><ToUserName><![CDATA[" + WebhookPosts.ACCOUNT + "]]></ToUserName><FromUserName>"
        + "<![CDATA[" + openid + "]]></FromUserName><CreateTime>" + System.currentTimeMillis() / 1000 + "</CreateTime>"
        + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[VIEW]]></Event>"
        + "<EventKey><![CDATA[https://example.org/]]></EventKey></xml>");

    Delivery delivery = sender.send(queue("agreement-ready", agreementFields()));

    assertThat(delivery.channel()).isEqualTo("TEMPLATE");
    assertThat(requests(CUSTOMER)).isEmpty();
  }

  @Test
  void aParentSilentForTwoDaysGetsTheTemplateWithEachValueFittedToItsFieldType() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("child", "欧阳思远");
    fields.put("offering", LONG_OFFERING);
    fields.put("expires", "2026-12-04 17:30");
    OutboxMessage message = queue("waitlist-offer", fields);

    Delivery delivery = sender.send(message);

    assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.SENT);
    assertThat(delivery.channel()).isEqualTo("TEMPLATE");
    assertThat(delivery.wechatMsgId()).isNotBlank();
    assertThat(requests(CUSTOMER)).isEmpty();
    String body = requests(TEMPLATE).get(0).getBodyAsString();
    assertThat(body).contains("\"template_id\":\"tmpl-offer\"")
        .contains("\"thing4\":{\"value\":\"欧阳思远\"")
        .contains("\"thing7\":{\"value\":\"" + LONG_OFFERING.substring(0, 19) + "…\"")
        .contains("\"phrase2\":{\"value\":\"欧阳思远\"")
        .contains("\"character_string9\":{\"value\":\"" + LONG_OFFERING + "\"")
        .contains("\"time3\":{\"value\":\"2026-12-04 17:30\"")
        .doesNotContain("keyword");
  }

  @Test
  void wechatSayingTheWindowIsClosedSendsTheKindsTemplateInstead() {
    WebhookPosts.post(rest, WebhookPosts.text(openid, "状态"));
    WECHAT_API.stubFor(post(urlPathEqualTo(CUSTOMER)).withRequestBody(containing(openid)).atPriority(1)
        .willReturn(okJson("{\"errcode\":45015,\"errmsg\":\"response out of time limit\"}")));

    Delivery delivery = sender.send(queue("agreement-ready", agreementFields()));

    assertThat(delivery.channel()).isEqualTo("TEMPLATE");
    assertThat(requests(CUSTOMER)).hasSize(1);
    assertThat(requests(TEMPLATE)).singleElement()
        .satisfies(r -> assertThat(r.getBodyAsString()).contains("tmpl-agreement", "委托协议待签署"));
  }

  @Test
  void aKindWithoutTemplateOutsideTheWindowFailsForGoodWithWechatsCode(CapturedOutput output) {
    WECHAT_API.stubFor(post(urlPathEqualTo(CUSTOMER)).withRequestBody(containing(openid)).atPriority(1)
        .willReturn(okJson("{\"errcode\":45015,\"errmsg\":\"response out of time limit\"}")));

    Delivery delivery = sender.send(queue("agreement-lapsed", Map.of("child", "欧阳思远")));

    assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.FAILED);
    assertThat(delivery.errorCode()).isEqualTo(45015);
    assertThat(requests(TEMPLATE)).isEmpty();
    String token = accessToken(requests(CUSTOMER).get(0));
    assertThat(output.getAll()).contains("errcode 45015").doesNotContain(token).doesNotContain(openid)
        .doesNotContain("欧阳思远");
  }

  @Test
  void neitherTokenNorOpenidNorChildsNameReachTheLogWhenWechatRefusesATemplate(CapturedOutput output) {
    WECHAT_API.stubFor(post(urlPathEqualTo(TEMPLATE)).withRequestBody(containing(openid)).atPriority(1)
        .willReturn(okJson("{\"errcode\":40037,\"errmsg\":\"invalid template_id\"}")));

    Delivery delivery = sender.send(queue("agreement-ready", agreementFields()));

    assertThat(delivery.errorCode()).isEqualTo(40037);
    String token = accessToken(requests(TEMPLATE).get(0));
    assertThat(token).isNotBlank();
    assertThat(output.getAll()).contains("errcode 40037").doesNotContain(token).doesNotContain(openid)
        .doesNotContain("欧阳思远");
  }

  @Test
  void wechatsTemplateReportSaysWhetherTheMessageArrived() {
    OutboxMessage delivered = queue("agreement-ready", agreementFields());
    OutboxMessage blocked = queue("waitlist-offer", Map.of("child", "欧阳思远", "offering", "围棋", "expires", "明天"));
    markSentAsTemplate(delivered, "7100001" + delivered.id());
    markSentAsTemplate(blocked, "7100002" + blocked.id());

    ResponseEntity<String> success = report("7100001" + delivered.id(), "success");
    ResponseEntity<String> refused = report("7100002" + blocked.id(), "failed:user block");

    assertThat(success.getBody()).isEqualTo("success");
    assertThat(refused.getBody()).isEqualTo("success");
    assertThat(db.queryForMap("SELECT state, delivery_status FROM outbox_message WHERE id = ?", delivered.id()))
        .containsEntry("state", "SENT").containsEntry("delivery_status", "DELIVERED");
    assertThat(db.queryForMap("SELECT state, delivery_status FROM outbox_message WHERE id = ?", blocked.id()))
        .containsEntry("state", "FAILED").containsEntry("delivery_status", "USER_BLOCKED");
  }

  @Test
  void operatorsSeeTheKindsWithoutTemplateOnTheirHealthGroupOnly() {
    String group = rest.getForObject("/actuator/health/templates", String.class);
    String plain = rest.getForObject("/actuator/health", String.class);

    assertThat(group).contains("kindsWithoutTemplate", "agreement-lapsed", "application-rejected")
        .doesNotContain("\"agreement-ready\"").doesNotContain("\"waitlist-offer\"");
    assertThat(plain).contains("UP").doesNotContain("agreement-lapsed").doesNotContain("details");
  }

  private ResponseEntity<String> report(String msgId, String status) {
    return WebhookPosts.post(rest, "<xml><ToUserName><![CDATA[" + WebhookPosts.ACCOUNT + "]]></ToUserName>"
        + "<FromUserName><![CDATA[" + openid + "]]></FromUserName><CreateTime>" + System.currentTimeMillis() / 1000
        + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event>"
        + "<MsgID>" + msgId + "</MsgID><Status><![CDATA[" + status + "]]></Status></xml>");
  }

  private void markSentAsTemplate(OutboxMessage message, String msgId) {
    db.update("UPDATE outbox_message SET state = 'SENT', channel = 'TEMPLATE', wechat_msg_id = ? WHERE id = ?", msgId,
        message.id());
  }

  @Test
  void aNoticesTemplateMessageOpensTheNoticesPage() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("child", "欧阳思远");
    fields.put("title", "明天停课");
    fields.put("sender", "张校长");
    fields.put("sentAt", "12月7日 09:30");
    String link = "https://kehou.example.edu.cn/notice/7." + guardian + ".abcdefghijklmnopqrstuv";
    transactions.executeWithoutResult(tx -> batch.enqueueAll(List.of(new OutboxBatch.Message(
        new Recipient(school.schoolId, guardian, student), "notice", "notice:test:" + System.nanoTime(),
        "明天停课。查看通知：" + link, fields, link))));
    db.update("UPDATE outbox_message SET state = 'CANCELLED' WHERE guardian_id = ? AND state = 'PENDING'", guardian);

    Delivery delivery = sender.send(outbox.forGuardian(guardian).get(0));

    assertThat(delivery.channel()).isEqualTo("TEMPLATE");
    assertThat(requests(TEMPLATE).get(0).getBodyAsString()).contains("\"template_id\":\"tmpl-notice\"",
        "\"url\":\"" + link + "\"", "\"thing1\":{\"value\":\"明天停课\"");
  }

  private OutboxMessage queue(String kind, Map<String, String> fields) {
    String body = "欧阳思远的委托协议请签署";
    transactions.executeWithoutResult(tx -> outbox.enqueue(new Recipient(school.schoolId, guardian, student), kind,
        kind + ":" + System.nanoTime(), body, fields));
    // Kept away from any dispatcher: this test hands the row to the sender itself.
    db.update("UPDATE outbox_message SET state = 'CANCELLED' WHERE guardian_id = ? AND state = 'PENDING'", guardian);
    return outbox.forGuardian(guardian).get(0);
  }

  private static Map<String, String> agreementFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("child", "欧阳思远");
    fields.put("title", "委托协议待签署");
    fields.put("deadline", "2026-12-05 18:00");
    return fields;
  }

  private List<LoggedRequest> requests(String path) {
    return WECHAT_API.findAll(postRequestedFor(urlPathEqualTo(path)).withRequestBody(containing(openid)));
  }

  private static String accessToken(LoggedRequest request) {
    return request.queryParameter("access_token").firstValue();
  }
}
