package org.kehou.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;

/**
 * The demo as somebody tries it: the packaged admin API and bot (demo profile) run as real processes, the school is
 * seeded through the admin API like ./demo does, and a parent walks binding, letter, application and agreement on the
 * simulated phone while the school reviews, publicises and ends it in the real staff console framed beside it.
 */
class DemoJourneyTests {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String SCHOOL_CODE = "demo-e2e-" + SUFFIX;
  private static final String ADMIN = "admin-" + SUFFIX;
  private static final String ADMIN_PASSWORD = "demo-admin";
  // The demo's WeChat values: the simulator page signs with the same token, so they are not secrets here.
  private static final String WECHAT_TOKEN = "kehoudemo";
  private static final String WECHAT_APP_ID = "wxkehoudemo000000";
  private static final String WECHAT_AES_KEY = "kehouDemoEncodingAesKey0123456789abcdefghij";

  private static AppProcess adminApi;
  private static AppProcess bot;
  private static Simulator simulator;
  private static AdminApi api;
  private static DemoSchool demoSchool;

  @BeforeAll
  static void startTheDemo() throws IOException {
    Map<String, String> shared = Map.of("KEHOU_DB_URL", TestSystem.DB_URL, "KEHOU_REDIS_URL", TestSystem.REDIS_URL);
    int apiPort = AppProcess.freePort();
    adminApi = AppProcess.start("admin-api", apiPort, with(shared, Map.of("KEHOU_API_PORT", "" + apiPort,
        "KEHOU_SCHOOL_CODE", SCHOOL_CODE, "KEHOU_SCHOOL_NAME", "春晖路小学（演示）",
        "KEHOU_ADMIN_USERNAME", ADMIN, "KEHOU_ADMIN_PASSWORD", ADMIN_PASSWORD)));
    // One after the other, as ./demo does: both would otherwise run the migrations of a fresh database at once.
    adminApi.awaitHealthy();
    int botPort = AppProcess.freePort();
    bot = AppProcess.start("bot", botPort, with(shared, Map.of("KEHOU_BOT_PORT", "" + botPort,
        "SPRING_PROFILES_ACTIVE", "demo", "KEHOU_DEMO_ADMIN_API_BASE", adminApi.base(),
        "KEHOU_WECHAT_API_BASE", "http://127.0.0.1:" + botPort + "/demo/wechat-api",
        "KEHOU_WECHAT_TOKEN", WECHAT_TOKEN, "KEHOU_WECHAT_APP_ID", WECHAT_APP_ID,
        "KEHOU_WECHAT_AES_KEY", WECHAT_AES_KEY, "KEHOU_WECHAT_SECRET", "demo-secret")));
    bot.awaitHealthy();
    api = new AdminApi(adminApi.base());
    api.logIn(ADMIN, ADMIN_PASSWORD);
    demoSchool = DemoSchool.seed(api, SUFFIX);
    simulator = Simulator.open();
  }

  @AfterAll
  static void stopTheDemo() {
    if (simulator != null) {
      simulator.quit();
    }
    if (bot != null) {
      bot.stop();
    }
    if (adminApi != null) {
      adminApi.stop();
    }
  }

  @Test
  void parentBindsReadsAppliesAndSignsWhileTheSchoolReviewsAndEndsItInTheStaffConsole() throws IOException,
      SQLException {
    long mother = guardian("张丽娟");
    openTheSimulator();
    assertThat(simulator.texts("#menu button")).containsExactly("☰ 课后服务", "☰ 协议", "☰ 更多");
    // The demo account has an EncodingAESKey: every message goes encrypted (the bot refuses plain ones), no switch.
    WebElement aes = simulator.browser.findElement(By.id("aes"));
    assertThat(aes.isSelected()).isTrue();
    assertThat(aes.isEnabled()).isFalse();
    // Beside the phone, the school's side is the admin API's own staff console, not a page of the bot's.
    assertThat(simulator.browser.findElement(By.id("console")).getAttribute("src"))
        .isEqualTo(adminApi.base() + "/console/");

    simulator.pick(mother);
    int before = simulator.chatSize();
    simulator.browser.findElement(By.id("bind")).click();
    assertThat(simulator.replyAfter(before, "绑定成功")).startsWith("AES").contains("张丽娟", "徐一诺");

    before = simulator.chatSize();
    simulator.tapMenu("☰ 课后服务", "告家长书");
    assertThat(simulator.replyAfter(before, "告家长书")).startsWith("AES").contains("春晖路小学（演示）");
    assertThat(simulator.say("已阅", "已记录")).contains("徐一诺");
    before = simulator.chatSize();
    simulator.tapMenu("☰ 课后服务", "报名");
    assertThat(simulator.replyAfter(before, "可选项目")).contains("作业辅导", "绘本阅读").doesNotContain("书法");
    assertThat(simulator.say("1", "确认")).contains("作业辅导");
    assertThat(simulator.say("确认", "已提交")).contains("徐一诺", "作业辅导");
    List<Integer> ids = JsonPath.read(api.get("/applications"), "$[?(@.studentName == '徐一诺')].id");
    long application = ids.get(0);
    String row = ".app-" + application;

    Console school = simulator.console();
    school.logIn(demoSchool.teacher(), demoSchool.teacherPassword());
    school.go("/applications");
    assertThat(school.await(row, "徐一诺")).contains(demoSchool.className(), "待班主任审核");
    school.click(row + " [data-test=class-approve]");
    school.await(row, "待学校复核");
    // The school's step is not the class teacher's: the console does not offer it to them.
    Boolean notOffered = school.waitFor(d -> d.findElements(By.cssSelector(row + " [data-test=school-approve]"))
        .isEmpty());
    assertThat(notOffered).isTrue();

    school.logIn(ADMIN, ADMIN_PASSWORD);
    school.go("/applications");
    school.click(row + " [data-test=school-approve]");
    school.await(row, "公示中");
    school.go("/publicity");
    assertThat(school.await("[data-test=publicity]", "徐*诺")).contains("一年级1班");
    assertThat(simulator.endPublicity()).contains("已结束 1 份报名的公示");

    WebElement card = simulator.waitFor(d -> d.findElements(By.cssSelector("#chat .card")).stream()
        .filter(c -> c.getText().contains("demo-agreement-ready")).findFirst().orElse(null));
    assertThat(card.getText()).contains("徐一诺", "委托协议待签署").containsPattern("\\d{2}:\\d{2}:\\d{2}");
    assertThat(simulator.say("协议", "课后服务委托协议")).contains("徐一诺", "作业辅导");
    assertThat(simulator.say("张丽娟", "已签署")).contains("徐一诺", "生效");
    assertThat(JsonPath.<List<String>>read(api.get("/applications"), "$[?(@.id == " + application + ")].state"))
        .containsExactly("ACTIVE");
    school.go("/applications");
    school.await(row, "服务中");
    school.click(row + " [data-test=history]");
    assertThat(school.await("[data-test=history]", "服务中")).contains("待班主任审核", "待学校复核", "公示中",
        "待签协议");
    screenshot(card);
    school.click(".el-drawer__close-btn");

    // Withdrawal, the school's way: the admin ends the enrolment in the console and the parent is told why.
    before = simulator.chatSize();
    school.click(row + " [data-test=end]");
    school.type(".el-message-box__input", "家长已搬家转学");
    assertThat(school.confirm()).contains("将通知 1 名学生的家长");
    school.await(row, "已终止");
    assertThat(simulator.replyAfter(before, "学校通知")).contains("徐一诺", "家长已搬家转学");
  }

  @Test
  void aParentScansTheSlipPrintedFromTheConsoleAndIsBound() throws SQLException {
    long grandmother = guardian("黄春梅");
    openTheSimulator();
    Console school = simulator.console();
    school.logIn(ADMIN, ADMIN_PASSWORD);
    school.go("/slips?class=" + demoSchool.className());
    // What a phone's camera reads from the slip's QR code, once the bot has had WeChat (here its fake) create it.
    String qrUrl = school.waitFor(d -> d.findElement(By.cssSelector(
        "[data-test=slips] .slip[data-guardian='" + grandmother + "'] img")).getAttribute("data-qr-url"));
    assertThat(qrUrl).startsWith("http://weixin.qq.com/q/");

    simulator.pick(grandmother);
    String bound = simulator.scan(qrUrl, "subscribe", "绑定成功");

    assertThat(bound).contains("黄春梅", "孙明哲");
    assertThat(simulator.replyAfter(0, "欢迎关注")).isNotBlank();
    school.go("/applications");
    school.go("/slips?class=" + demoSchool.className());
    assertThat(school.await(".bound", "黄春梅")).isNotBlank();
  }

  private static void openTheSimulator() {
    simulator.browser.get(bot.base() + "/demo/");
    simulator.waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
  }

  /** The agreement card at the top of the chat, the signing below it, the console beside: the README's picture. */
  private static void screenshot(WebElement card) throws IOException {
    ((JavascriptExecutor) simulator.browser).executeScript(
        "arguments[0].scrollIntoView({block: 'start'}); window.scrollTo(0, 0);", card);
    Path shot = Path.of("target", "demo-screenshot.png");
    Files.copy(((TakesScreenshot) simulator.browser).getScreenshotAs(OutputType.FILE).toPath(), shot,
        StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(shot)).isGreaterThan(10_000);
    // The README's picture is refreshed on request only, so that a test run never leaves the work tree modified.
    Path docs = Path.of("..", "docs");
    if (Boolean.getBoolean("kehou.e2e.refreshScreenshot") && Files.isDirectory(docs)) {
      Files.copy(shot, docs.resolve("demo-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static long guardian(String name) throws SQLException {
    try (Connection db = TestSystem.db();
        PreparedStatement query = db.prepareStatement("SELECT g.id FROM guardian g JOIN school s ON s.id = g.school_id "
            + "WHERE s.code = ? AND g.name = ?")) {
      query.setString(1, SCHOOL_CODE);
      query.setString(2, name);
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).as("guardian %s of the seeded roster", name).isTrue();
        return row.getLong(1);
      }
    }
  }

  private static Map<String, String> with(Map<String, String> shared, Map<String, String> own) {
    Map<String, String> all = new java.util.HashMap<>(shared);
    all.putAll(own);
    return all;
  }

}
