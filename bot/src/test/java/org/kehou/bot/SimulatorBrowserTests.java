package org.kehou.bot;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The WeChat simulator in headless Chromium (Debian's chromium and chromium-driver; .ci/run installs them): a parent
 * binds, reads the letter in safe mode, applies from the menu; the school panel approves and ends the publicity early;
 * the agreement arrives as a template card and the parent signs. The admin API's login is a WireMock stand-in: the bot
 * module cannot start the admin API, and the review steps themselves run on the real core services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("demo")
@Order(1)
@DirtiesContext
class SimulatorBrowserTests {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final int PORT = freePort();
  private static final WireMockServer ADMIN_API = new WireMockServer(WireMockConfiguration.options().dynamicPort());

  private static WebDriver browser;

  static {
    ADMIN_API.start();
  }

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  TestRestTemplate http;

  @DynamicPropertySource
  static void demo(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("kehou.bot.port", () -> PORT);
    registry.add("kehou.wechat.api-base", () -> "http://127.0.0.1:" + PORT + "/demo/wechat-api");
    // An app id of its own, so the access token this fake hands out never meets the other tests' WireMock.
    registry.add("kehou.wechat.app-id", () -> "wxkehoubrowsertest");
    registry.add("kehou.wechat.secret", () -> "browser-secret");
    registry.add("kehou.wechat.token", () -> "kehoubrowser");
    registry.add("kehou.wechat.aes-key", () -> WechatSimulator.AES_KEY);
    registry.add("kehou.demo.admin-api-base", ADMIN_API::baseUrl);
  }

  @BeforeAll
  static void chromium() {
    assertThat(CHROMIUM).as("headless Chromium is required: apt-get install chromium chromium-driver (.ci/run does)")
        .exists();
    assertThat(CHROMEDRIVER).as("chromedriver is required: apt-get install chromium-driver (.ci/run does)").exists();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--window-size=1400,1000", "--lang=zh-CN");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.quit();
    }
    ADMIN_API.stop();
  }

  @Test
  void fakeWechatApiHandsOutTokensAndTheBotInstalledItsMenuThere() {
    assertThat(http.getForObject("/demo/wechat-api/cgi-bin/token?grant_type=client_credential", String.class))
        .contains("access_token");
    assertThat(http.getForObject("/demo/api/menu", String.class)).contains("报名", "状态", "协议", "告家长书");
    assertThat(http.getForObject("/demo/", String.class)).contains("微信模拟器");
  }

  @Test
  void parentBindsReadsAppliesAndSignsWhileTheSchoolReviewsInThePanel() throws IOException {
    Fixture school = Fixture.school(jdbc);
    long classId = school.schoolClass(1, "一年级" + (char) ('A' + school.termId % 26) + "班");
    long child = school.student(classId, "林小雨");
    long mother = school.guardian("林美华", child);
    school.code(mother);
    school.offering("书法社", 0b11111, 0b1, 10);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String teacher = "t" + suffix;
    String admin = "a" + suffix;
    long teacherId = staff(school, teacher, "CLASS_TEACHER");
    staff(school, admin, "SCHOOL_ADMIN");
    jdbc.update("UPDATE school_class SET class_teacher_id = ? WHERE id = ?", teacherId, classId);
    ADMIN_API.stubFor(post(urlEqualTo("/api/v1/auth/login")).willReturn(okJson("{\"token\":\"panel-token\"}")));

    browser.get("http://127.0.0.1:" + PORT + "/demo/");
    waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    assertThat(texts("#menu button")).containsExactly("☰ 课后服务", "☰ 协议", "☰ 更多");

    new Select(browser.findElement(By.id("guardian"))).selectByValue(Long.toString(mother));
    int before = chatSize();
    browser.findElement(By.id("bind")).click();
    assertThat(replyAfter(before, "绑定成功")).contains("林美华", "林小雨");

    browser.findElement(By.id("aes")).click();
    before = chatSize();
    tapMenu("☰ 课后服务", "告家长书");
    assertThat(replyAfter(before, "告家长书")).startsWith("AES").contains(school.schoolName);
    assertThat(say("已阅", "已记录")).contains("林小雨");
    before = chatSize();
    tapMenu("☰ 课后服务", "报名");
    assertThat(replyAfter(before, "可选项目")).contains("书法社");
    assertThat(say("1", "确认")).contains("书法社");
    assertThat(say("确认", "已提交")).contains("林小雨", "书法社");
    long application = jdbc.queryForObject("SELECT id FROM application WHERE student_id = ?", Long.class, child);

    logIn(teacher);
    refused(application, "school-approve");
    step(application, "class-approve", "CLASS_APPROVED");
    logIn(admin);
    step(application, "school-approve", "IN_PUBLICITY");
    browser.findElement(By.id("publicity")).click();
    waitFor(d -> d.findElement(By.id("school-output")).getText().contains("林*雨"));
    browser.findElement(By.id("end-publicity")).click();
    waitFor(d -> d.findElement(By.id("school-status")).getText().contains("已结束"));

    WebElement card = waitFor(d -> d.findElements(By.cssSelector("#chat .card")).stream()
        .filter(c -> c.getText().contains("demo-agreement-ready")).findFirst().orElse(null));
    assertThat(card.getText()).contains("林小雨", "委托协议待签署").containsPattern("\\d{2}:\\d{2}:\\d{2}");
    assertThat(say("协议", "课后服务委托协议")).contains("林小雨", "书法社");
    assertThat(say("林美华", "已签署")).contains("林小雨", "生效");
    assertThat(jdbc.queryForObject("SELECT state FROM application WHERE id = ?", String.class, application))
        .isEqualTo("ACTIVE");

    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    Path shot = Path.of("target", "demo-screenshot.png");
    Files.createDirectories(shot.getParent());
    Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot,
        StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(shot)).isGreaterThan(10_000);
  }

  private long staff(Fixture school, String username, String role) {
    jdbc.update("INSERT INTO staff (school_id, username, display_name, password_hash, role) VALUES (?, ?, ?, ?, ?)",
        school.schoolId, username, username, "{noop}unused", role);
    return jdbc.queryForObject("SELECT id FROM staff WHERE username = ?", Long.class, username);
  }

  private void logIn(String username) {
    WebElement name = browser.findElement(By.id("username"));
    name.clear();
    name.sendKeys(username);
    browser.findElement(By.id("password")).sendKeys("any-password");
    browser.findElement(By.cssSelector("#login button")).click();
    waitFor(d -> d.findElement(By.id("whoami")).getText().contains(username));
  }

  private void step(long application, String action, String expectedState) {
    By row = By.cssSelector("tr[data-application='" + application + "']");
    // The panel redraws its table after every step: find and click in one go, again if the row was redrawn meanwhile.
    waitFor(d -> {
      d.findElement(row).findElement(By.className("act-" + action)).click();
      return true;
    });
    waitFor(d -> d.findElement(By.id("school-status")).getText().endsWith("：完成"));
    waitFor(d -> d.findElement(row).getText().contains(expectedState));
  }

  /** A step the logged-in staff member may not take: the panel says so in words, and the state stays. */
  private void refused(long application, String action) {
    By row = By.cssSelector("tr[data-application='" + application + "']");
    String stateBefore = browser.findElement(row).getText();
    waitFor(d -> {
      d.findElement(row).findElement(By.className("act-" + action)).click();
      return true;
    });
    String status = waitFor(d -> {
      String text = d.findElement(By.id("school-status")).getText();
      return text.contains("未能完成") ? text : null;
    });
    assertThat(status).doesNotContain("review.", "HTTP");
    assertThat(browser.findElement(row).getText()).isEqualTo(stateBefore);
  }

  private void tapMenu(String group, String item) {
    browser.findElements(By.cssSelector("#menu button")).stream().filter(b -> b.getText().equals(group))
        .findFirst().orElseThrow().click();
    waitFor(d -> d.findElements(By.cssSelector("#submenu button")).stream().filter(b -> b.getText().equals(item))
        .findFirst().orElse(null)).click();
  }

  private String say(String text, String expected) {
    int before = chatSize();
    WebElement input = browser.findElement(By.id("text"));
    input.sendKeys(text);
    browser.findElement(By.id("send")).click();
    return replyAfter(before, expected);
  }

  /** The first answer from the account, after the chat's first {@code before} entries, that contains the text. */
  private String replyAfter(int before, String expected) {
    return waitFor(d -> {
      List<WebElement> entries = d.findElements(By.cssSelector("#chat > div"));
      return entries.subList(Math.min(before, entries.size()), entries.size()).stream()
          .filter(e -> !"me".equals(e.getAttribute("data-who")))
          .map(WebElement::getText).filter(t -> t.contains(expected)).findFirst().orElse(null);
    });
  }

  private int chatSize() {
    return browser.findElements(By.cssSelector("#chat > div")).size();
  }

  private List<String> texts(String css) {
    return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  private static <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
    try {
      return new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class).until(condition);
    } catch (org.openqa.selenium.TimeoutException e) {
      Object chat = ((JavascriptExecutor) browser).executeScript(
          "return document.getElementById('chat').innerText + '\\n--- panel ---\\n' "
              + "+ document.getElementById('school').innerText");
      throw new AssertionError("The simulator did not show what was expected. It shows:\n" + chat, e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
