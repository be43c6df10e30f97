package org.kehou.e2e;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The simulator page in Debian's headless Chromium (chromium and chromium-driver; ./verify installs them): the phone on
 * the left, the school panel on the right, and patient ways to read both.
 */
final class Simulator {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  final WebDriver browser;

  private Simulator(WebDriver browser) {
    this.browser = browser;
  }

  static Simulator open() {
    return new Simulator(Chromium.start(1400, 1000, "chromedriver.log"));
  }

  // ---------- the phone ----------

  void tapMenu(String group, String item) {
    browser.findElements(By.cssSelector("#menu button")).stream().filter(b -> b.getText().equals(group))
        .findFirst().orElseThrow().click();
    waitFor(d -> d.findElements(By.cssSelector("#submenu button")).stream().filter(b -> b.getText().equals(item))
        .findFirst().orElse(null)).click();
  }

  String say(String text, String expected) {
    int before = chatSize();
    browser.findElement(By.id("text")).sendKeys(text);
    browser.findElement(By.id("send")).click();
    return replyAfter(before, expected);
  }

  /** The first answer from the account, after the chat's first {@code before} entries, that contains the text. */
  String replyAfter(int before, String expected) {
    return waitFor(d -> {
      List<WebElement> entries = d.findElements(By.cssSelector("#chat > div"));
      return entries.subList(Math.min(before, entries.size()), entries.size()).stream()
          .filter(e -> !"me".equals(e.getAttribute("data-who")))
          .map(WebElement::getText).filter(t -> t.contains(expected)).findFirst().orElse(null);
    });
  }

  int chatSize() {
    return browser.findElements(By.cssSelector("#chat > div")).size();
  }

  List<String> texts(String css) {
    return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  // ---------- the school panel ----------

  void logIn(String username, String password) {
    WebElement name = browser.findElement(By.id("username"));
    name.clear();
    name.sendKeys(username);
    WebElement secret = browser.findElement(By.id("password"));
    secret.clear();
    secret.sendKeys(password);
    browser.findElement(By.cssSelector("#login button")).click();
    waitFor(d -> d.findElement(By.id("whoami")).getText().contains(username));
  }

  /** Clicks a step's button in the application's row; answers the status line once the panel has its result. */
  String click(long application, String action) {
    return click(application, action, null);
  }

  /** As {@link #click(long, String)}, typing {@code reason} into the panel's prompt for it. */
  String click(long application, String action, String reason) {
    By row = row(application);
    String before = status();
    // The panel redraws its table after every step: find and click in one go, again if the row was redrawn meanwhile.
    waitFor(d -> {
      d.findElement(row).findElement(By.className("act-" + action)).click();
      return true;
    });
    if (reason != null) {
      Alert prompt = new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.alertIsPresent());
      prompt.sendKeys(reason);
      prompt.accept();
    }
    return waitFor(d -> {
      String text = status();
      return text.startsWith("#" + application) && !text.equals(before) ? text : null;
    });
  }

  String rowText(long application) {
    return waitFor(d -> d.findElement(row(application)).getText());
  }

  void awaitRow(long application, String expected) {
    waitFor(d -> d.findElement(row(application)).getText().contains(expected));
  }

  String status() {
    return browser.findElement(By.id("school-status")).getText();
  }

  // ---------- waiting ----------

  <T> T waitFor(Function<WebDriver, T> condition) {
    try {
      return new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class).until(condition);
    } catch (org.openqa.selenium.TimeoutException e) {
      Object page = ((JavascriptExecutor) browser).executeScript(
          "return document.getElementById('chat').innerText + '\\n--- panel ---\\n' "
              + "+ document.getElementById('school').innerText");
      throw new AssertionError("The simulator did not show what was expected. It shows:\n" + page, e);
    }
  }

  void quit() {
    browser.quit();
  }

  private static By row(long application) {
    return By.cssSelector("tr[data-application='" + application + "']");
  }
}
