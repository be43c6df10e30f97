package org.kehou.e2e;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff console (served by the admin API at /console/) in headless Chromium, read the way staff see it: in a
 * window of its own, or framed in another page (the demo's simulator), where every step is taken inside the frame.
 */
final class Console {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  final WebDriver browser;
  private final String base;
  /** The id of the iframe the console is shown in, or null in a window of its own. */
  private final String frame;

  private Console(WebDriver browser, String base, String frame) {
    this.browser = browser;
    this.base = base == null ? null : base + "/console/";
    this.frame = frame;
  }

  private Console(WebDriver browser, String base) {
    this(browser, base, null);
  }

  /** The console in the page's iframe {@code frameId}, on its own origin. */
  static Console framed(WebDriver browser, String frameId) {
    return new Console(browser, null, frameId);
  }

  static Console open(String adminApiBase) {
    return new Console(Chromium.start(1400, 900, "chromedriver-console.log"), adminApiBase);
  }

  /** The console on a phone (see {@link Chromium#phone}). */
  static Console openPhone(String adminApiBase) {
    return new Console(Chromium.phone("chromedriver-phone.log"), adminApiBase);
  }

  void logIn(String username, String password) {
    // A fresh tab per login: the token lives in sessionStorage, which a new login replaces.
    if (frame == null) {
      browser.get(base + "#/login");
      ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
      browser.navigate().refresh();
    } else {
      waitFor(d -> script(d, "window.kehouOld = true; sessionStorage.clear(); location.hash = '#/login'; "
          + "location.reload(); return true"));
      waitFor(d -> Boolean.TRUE.equals(script(d, "return !window.kehouOld && document.readyState === 'complete'")));
    }
    waitFor(d -> {
      d.findElement(By.cssSelector("input[name=username]")).sendKeys(username);
      d.findElement(By.cssSelector("input[name=password]")).sendKeys(password);
      d.findElement(By.cssSelector("[data-test=login]")).click();
      return true;
    });
    waitFor(d -> !String.valueOf(script(d, "return location.hash")).contains("/login"));
  }

  void go(String route) {
    if (frame == null) {
      browser.get(base + "#" + route);
    } else {
      waitFor(d -> script(d, "location.hash = arguments[0]; return true", "#" + route));
    }
  }

  private static Object script(WebDriver driver, String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  void click(String css) {
    waitFor(d -> {
      WebElement element = d.findElement(By.cssSelector(css));
      if (!element.isEnabled() || element.getAttribute("class").contains("is-disabled")) {
        return null;
      }
      element.click();
      return true;
    });
  }

  /** Picks the option of an open Element Plus select (its dropdown lives at the end of the page) by its text. */
  void choose(String option) {
    waitFor(d -> {
      WebElement item = d.findElements(By.cssSelector(".el-select-dropdown__item")).stream()
          .filter(e -> e.isDisplayed() && e.getText().equals(option)).findFirst().orElse(null);
      if (item == null) {
        return null;
      }
      item.click();
      return true;
    });
  }

  /** Types into an Element Plus input, whichever of its wrapper or its native field carries the selector. */
  void type(String css, String text) {
    waitFor(d -> {
      WebElement found = d.findElement(By.cssSelector(css));
      String tag = found.getTagName();
      WebElement field = tag.equals("input") || tag.equals("textarea") ? found
          : found.findElement(By.cssSelector("input, textarea"));
      field.sendKeys(text);
      return true;
    });
  }

  /** Replaces what an Element Plus input (or input number) holds, then leaves it, which is when it takes the value. */
  void fill(String css, String text) {
    waitFor(d -> {
      WebElement found = d.findElement(By.cssSelector(css));
      WebElement field = found.getTagName().equals("input") ? found : found.findElement(By.cssSelector("input"));
      field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
      return true;
    });
  }

  /** Picks a file in an Element Plus upload, whose file input is hidden behind its button. */
  void upload(String css, java.nio.file.Path file) {
    waitFor(d -> {
      WebElement input = d.findElement(By.cssSelector(css + " input[type=file]"));
      script(d, "arguments[0].style.display = 'block'", input);
      input.sendKeys(file.toAbsolutePath().toString());
      return true;
    });
  }

  /** The element's text once it shows some (an element still fading in reads as empty). */
  String text(String css) {
    return waitFor(d -> {
      String shown = d.findElement(By.cssSelector(css)).getText();
      return shown.isBlank() ? null : shown;
    });
  }

  /** Waits until the element's text contains what is expected, and answers it. */
  String await(String css, String expected) {
    return waitFor(d -> {
      List<WebElement> found = d.findElements(By.cssSelector(css));
      return found.stream().map(WebElement::getText).filter(t -> t.contains(expected)).findFirst().orElse(null);
    });
  }

  /** The open confirmation (ElMessageBox): its message, then confirmed. */
  String confirm() {
    // The box fades in: until it is shown, Selenium reads its text as empty.
    String message = waitFor(d -> {
      String shown = d.findElement(By.cssSelector(".el-message-box__message")).getText();
      return shown.isBlank() ? null : shown;
    });
    click(".el-message-box__btns .el-button--primary");
    return message;
  }

  /** The open Vant confirmation (the phone pages'): its message, then confirmed. */
  String confirmOnPhone() {
    String message = waitFor(d -> {
      List<WebElement> shown = d.findElements(By.cssSelector(".van-dialog__message"));
      return shown.stream().map(WebElement::getText).filter(t -> !t.isBlank()).findFirst().orElse(null);
    });
    click(".van-dialog__confirm");
    return message;
  }

  /** Waits for the condition, inside the console's frame when it has one (and back in the page after). */
  <T> T waitFor(Function<WebDriver, T> condition) {
    if (frame != null) {
      browser.switchTo().defaultContent().switchTo().frame(frame);
    }
    try {
      // An element still sliding in (a sheet, a dialog) is not interactable yet: try again, as a person would.
      return new WebDriverWait(browser, PATIENCE)
          .ignoring(StaleElementReferenceException.class, ElementNotInteractableException.class).until(condition);
    } catch (org.openqa.selenium.TimeoutException e) {
      Object page = script(browser, "return location.href + '\\n' + document.body.innerText");
      throw new AssertionError("The console did not show what was expected at " + page, e);
    } finally {
      if (frame != null) {
        browser.switchTo().defaultContent();
      }
    }
  }

  void quit() {
    browser.quit();
  }
}
