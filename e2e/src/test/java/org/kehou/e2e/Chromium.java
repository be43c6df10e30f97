package org.kehou.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium and ChromeDriver (packages chromium and chromium-driver; ./verify installs them). */
final class Chromium {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  /** Where the browsers save what the console downloads, for the tests to open (inside target/, never the tree). */
  static final Path DOWNLOADS = Path.of("target", "downloads").toAbsolutePath();

  private Chromium() {
  }

  static WebDriver start(int width, int height, String log) {
    return start(options(width, height), log, Map.of());
  }

  /**
   * A phone: a 390 × 844 screen emulated by Chromium (a desktop window is never narrower than 500 px), on the school's
   * time zone, since the console's phone pages take "today" from the browser's clock as a phone in China would.
   */
  static WebDriver phone(String log) {
    ChromeOptions options = options(390, 844);
    options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
        Map.of("width", 390, "height", 844, "pixelRatio", 1.0, "touch", false)));
    return start(options, log, Map.of("TZ", "Asia/Shanghai"));
  }

  private static ChromeOptions options(int width, int height) {
    assertThat(CHROMIUM).as("headless Chromium is required: apt-get install chromium chromium-driver (./verify does)")
        .exists();
    assertThat(CHROMEDRIVER).as("chromedriver is required: apt-get install chromium-driver (./verify does)").exists();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--window-size=" + width + "," + height, "--lang=zh-CN");
    options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
        "download.prompt_for_download", false));
    return options;
  }

  private static WebDriver start(ChromeOptions options, String log, Map<String, String> env) {
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
        .usingAnyFreePort().withEnvironment(env).withLogFile(Path.of("target", log).toFile()).build();
    return new ChromeDriver(service, options);
  }
}
