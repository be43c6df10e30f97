package org.kehou.e2e;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The simulator page in Debian's headless Chromium (chromium and chromium-driver; ./verify installs them): the phone on
 * the left, the staff console framed on the right, and patient ways to read both.
 */
final class Simulator {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  final WebDriver browser;

  private Simulator(WebDriver browser) {
    this.browser = browser;
  }

  static Simulator open() {
    return new Simulator(Chromium.start(1600, 1000, "chromedriver.log"));
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

  /** Scans a slip's QR code (its url, or a code) as WeChat reports it: {@code subscribe} or {@code SCAN}. */
  /** Chooses whose phone this is, and waits until the page has read that parent's code and slip afresh. */
  void pick(long guardian) {
    new Select(browser.findElement(By.id("guardian"))).selectByValue(Long.toString(guardian));
    waitFor(d -> Long.toString(guardian).equals(d.findElement(By.id("guardian")).getAttribute("data-picked")));
  }

  String scan(String text, String event, String expected) {
    int before = chatSize();
    WebElement field = browser.findElement(By.id("scan-text"));
    field.clear();
    field.sendKeys(text);
    new Select(browser.findElement(By.id("scan-as"))).selectByValue(event);
    browser.findElement(By.id("scan")).click();
    return replyAfter(before, expected);
  }

  // ---------- the school: the staff console beside the phone ----------

  /** The real staff console the page frames beside the phone. */
  Console console() {
    return Console.framed(browser, "console");
  }

  /** The demo's one shortcut: ends the publicity of the chosen parent's children now; answers what it says. */
  String endPublicity() {
    browser.findElement(By.id("end-publicity")).click();
    return waitFor(d -> {
      String text = d.findElement(By.id("shortcut-status")).getText();
      return text.isBlank() ? null : text;
    });
  }

  // ---------- waiting ----------

  <T> T waitFor(Function<WebDriver, T> condition) {
    try {
      return new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class).until(condition);
    } catch (org.openqa.selenium.TimeoutException e) {
      Object page = ((JavascriptExecutor) browser).executeScript(
          "return document.getElementById('chat').innerText + '\\n--- beside it ---\\n' "
              + "+ document.getElementById('school').innerText");
      throw new AssertionError("The simulator did not show what was expected. It shows:\n" + page, e);
    }
  }

  void quit() {
    browser.quit();
  }
}
