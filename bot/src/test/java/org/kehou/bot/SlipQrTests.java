package org.kehou.bot;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.bot.binding.SlipQrTestCreators;
import org.kehou.core.binding.BindingSlip;
import org.kehou.core.binding.BindingSlip.QrState;
import org.kehou.core.binding.BindingSlips;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The QR codes of binding slips: asked for by printing (as the admin API does, through the same core service), created
 * by the bot through WeChat's qrcode/create (WireMock here), once per code whatever the number of instances, with
 * retries after WeChat errors, and forgotten with their code.
 */
class SlipQrTests extends WebhookTestSupport {

  static final String CREATE = "/cgi-bin/qrcode/create";

  @Autowired
  BindingSlips slips;
  @Autowired
  ApplicationContext context;

  @BeforeEach
  void token() {
    WECHAT_API.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token"))
        .willReturn(okJson("{\"access_token\":\"slip-qr-token\",\"expires_in\":7200}")));
  }

  @Test
  void printingAsksOnceAndTheBotFillsInTheUrlTheSlipsThenCarry() {
    Fixture school = Fixture.school(jdbc);
    long classId = school.schoolClass(3, "三年级2班");
    long guardian = school.guardian("王芳", school.student(classId, "王小明"), school.student(classId, "王小红"));
    String code = school.code(guardian);
    answer(code, 2592000);

    BindingSlip.Sheet first = slips.sheet(school.schoolId, classId, "三年级2班");
    BindingSlip.Sheet again = slips.sheet(school.schoolId, classId, "三年级2班");

    assertThat(first.pending()).isOne();
    assertThat(first.slips()).singleElement().satisfies(s -> {
      assertThat(s.code()).isEqualTo(code);
      assertThat(s.qr()).isEqualTo(QrState.PENDING);
      assertThat(s.qrUrl()).isNull();
      assertThat(s.children()).extracting(BindingSlip.Child::name).containsExactlyInAnyOrder("王小明", "王小红");
    });
    assertThat(again.pending()).isOne();
    assertThat(rows(code)).isOne();

    assertThat(creator().getAsInt()).isOne();
    assertThat(creator().getAsInt()).as("nothing left to create").isZero();

    BindingSlip.Sheet ready = slips.sheet(school.schoolId, classId, "三年级2班");
    assertThat(ready.pending()).isZero();
    assertThat(ready.slips()).singleElement().satisfies(s -> {
      assertThat(s.qr()).isEqualTo(QrState.READY);
      assertThat(s.qrUrl()).isEqualTo(url(code));
      assertThat(s.qrExpiresAt()).isAfter(LocalDateTime.now(Fixture.BEIJING).plusDays(29));
    });
    assertThat(calls(code)).singleElement().satisfies(r -> assertThat(r.getBodyAsString())
        .contains("\"action_name\":\"QR_STR_SCENE\"", "\"scene_str\":\"" + code + "\"", "\"expire_seconds\":2592000"));
  }

  @Test
  void aTicketNeverOutlivesItsCode() {
    Fixture school = Fixture.school(jdbc);
    long classId = school.schoolClass(2, "二年级1班");
    String code = school.code(school.guardian("赵敏", school.student(classId, "赵小雨")));
    jdbc.update("UPDATE binding_code SET expires_at = ? WHERE code = ?",
        Timestamp.valueOf(LocalDateTime.now(Fixture.BEIJING).plusDays(3)), code);
    answer(code, 259200);
    slips.sheet(school.schoolId, classId, "二年级1班");

    creator().getAsInt();

    int seconds = Integer.parseInt(calls(code).get(0).getBodyAsString().replaceAll(".*\"expire_seconds\":(\\d+).*",
        "$1"));
    assertThat(seconds).isBetween(3 * 86400 - 120, 3 * 86400);
    assertThat(jdbc.queryForObject("SELECT q.expires_at <= bc.expires_at FROM binding_slip_qr q "
        + "JOIN binding_code bc ON bc.id = q.binding_code_id WHERE bc.code = ?", Boolean.class, code)).isTrue();
  }

  @Test
  void twoInstancesNeverCreateATicketForTheSameCodeTwice() throws Exception {
    Fixture school = Fixture.school(jdbc);
    long classId = school.schoolClass(4, "四年级3班");
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String code = school.code(school.guardian("家长" + i, school.student(classId, "学生" + i)));
      codes.add(code);
      answer(code, 2592000);
    }
    assertThat(slips.sheet(school.schoolId, classId, "四年级3班").pending()).isEqualTo(30);

    IntSupplier one = creator();
    IntSupplier other = creator();
    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(one::getAsInt);
    CompletableFuture<Integer> second = CompletableFuture.supplyAsync(other::getAsInt);

    // Rows other tests left behind are due too: the database is shared.
    assertThat(first.get() + second.get()).isGreaterThanOrEqualTo(30);
    for (String code : codes) {
      assertThat(calls(code)).as("tickets created for " + code).hasSize(1);
    }
    assertThat(slips.sheet(school.schoolId, classId, "四年级3班").slips())
        .allSatisfy(s -> assertThat(s.qrUrl()).isEqualTo(url(s.code())));
  }

  @Test
  void aWeChatErrorIsRetriedAfterABackoffAndTheSlipWaitsMeanwhile() {
    Fixture school = Fixture.school(jdbc);
    long classId = school.schoolClass(5, "五年级2班");
    String code = school.code(school.guardian("孙丽", school.student(classId, "孙悟")));
    WECHAT_API.stubFor(post(urlPathEqualTo(CREATE)).withRequestBody(containing(code)).atPriority(1)
        .willReturn(okJson("{\"errcode\":45009,\"errmsg\":\"reach max api daily quota limit\"}")));
    slips.sheet(school.schoolId, classId, "五年级2班");

    creator().getAsInt();
    creator().getAsInt();

    assertThat(calls(code)).as("the second run waits for the backoff").hasSize(1);
    assertThat(jdbc.queryForMap("SELECT q.state, q.attempts, q.last_error_code, q.url FROM binding_slip_qr q "
        + "JOIN binding_code bc ON bc.id = q.binding_code_id WHERE bc.code = ?", code))
        .containsEntry("state", "PENDING").containsEntry("attempts", 1).containsEntry("last_error_code", 45009)
        .containsEntry("url", null);
    assertThat(jdbc.queryForObject("SELECT q.next_attempt_at FROM binding_slip_qr q JOIN binding_code bc "
        + "ON bc.id = q.binding_code_id WHERE bc.code = ?", LocalDateTime.class, code))
        .isAfter(LocalDateTime.now(Fixture.BEIJING));
    assertThat(slips.sheet(school.schoolId, classId, "五年级2班").pending()).isOne();

    // The backoff has passed, and WeChat answers again.
    jdbc.update("UPDATE binding_slip_qr q JOIN binding_code bc ON bc.id = q.binding_code_id "
        + "SET q.next_attempt_at = ? WHERE bc.code = ?",
        Timestamp.valueOf(LocalDateTime.now(Fixture.BEIJING).minusSeconds(1)), code);
    answer(code, 2592000);
    creator().getAsInt();

    assertThat(calls(code)).hasSize(2);
    assertThat(slips.sheet(school.schoolId, classId, "五年级2班").slips()).singleElement()
        .satisfies(s -> assertThat(s.qrUrl()).isEqualTo(url(code)));
  }

  @Test
  void anAccountThatMayNotCreateQrCodesGetsSlipsWithTheCodeOnly() {
    Fixture school = Fixture.school(jdbc);
    long classId = school.schoolClass(6, "六年级1班");
    String code = school.code(school.guardian("周洁", school.student(classId, "周一")));
    WECHAT_API.stubFor(post(urlPathEqualTo(CREATE)).withRequestBody(containing(code)).atPriority(1)
        .willReturn(okJson("{\"errcode\":48001,\"errmsg\":\"api unauthorized\"}")));
    slips.sheet(school.schoolId, classId, "六年级1班");

    creator().getAsInt();

    BindingSlip.Sheet sheet = slips.sheet(school.schoolId, classId, "六年级1班");
    assertThat(sheet.pending()).isZero();
    assertThat(sheet.slips()).singleElement().satisfies(s -> {
      assertThat(s.qr()).isEqualTo(QrState.UNAVAILABLE);
      assertThat(s.code()).isEqualTo(code);
    });
    assertThat(calls(code)).hasSize(1);
  }

  @Test
  void aSlipScannedBindsAndItsQrUrlIsForgottenWithTheUsedCode() {
    Fixture school = Fixture.school(jdbc);
    long classId = school.schoolClass(1, "一年级2班");
    long guardian = school.guardian("李强", school.student(classId, "李小华"));
    String code = school.code(guardian);
    answer(code, 2592000);
    slips.sheet(school.schoolId, classId, "一年级2班");
    creator().getAsInt();
    assertThat(rows(code)).isOne();

    String openid = WechatSimulator.openid();
    String reply = safe().replyText(safe().post(WechatSimulator.eventXml(openid, "subscribe", "qrscene_" + code,
        WechatSimulator.now())).getBody());

    assertThat(reply).contains("李强，绑定成功", "李小华");
    assertThat(rows(code)).isZero();
    BindingSlip.Sheet after = slips.sheet(school.schoolId, classId, "一年级2班");
    assertThat(after.slips()).isEmpty();
    assertThat(after.bound()).extracting(BindingSlip.Bound::guardianId).containsExactly(guardian);
  }

  IntSupplier creator() {
    return SlipQrTestCreators.instance(context);
  }

  /** WeChat's answer to qrcode/create for this scene: a ticket and a url naming the code (real ones name neither). */
  static void answer(String code, int seconds) {
    WECHAT_API.stubFor(post(urlPathEqualTo(CREATE)).withRequestBody(matchingJsonPath("$.action_info.scene.scene_str",
            com.github.tomakehurst.wiremock.client.WireMock.equalTo(code))).atPriority(1)
        .willReturn(okJson("{\"ticket\":\"gQ" + code + "\",\"expire_seconds\":" + seconds + ",\"url\":\""
            + url(code) + "\"}")));
  }

  static String url(String code) {
    return "http://weixin.qq.com/q/test-" + code;
  }

  static List<LoggedRequest> calls(String code) {
    return WECHAT_API.findAll(postRequestedFor(urlPathEqualTo(CREATE)).withRequestBody(containing(code)));
  }

  int rows(String code) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM binding_slip_qr q JOIN binding_code bc "
        + "ON bc.id = q.binding_code_id WHERE bc.code = ?", Integer.class, code);
  }
}
