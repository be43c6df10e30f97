package org.kehou.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium and ChromeDriver (packages chromium and chromium-driver; ./verify installs them). */
final class Chromium {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

  private Chromium() {
  }

  static WebDriver start(int width, int height, String log) {
    assertThat(CHROMIUM).as("headless Chromium is required: apt-get install chromium chromium-driver (./verify does)")
        .exists();
    assertThat(CHROMEDRIVER).as("chromedriver is required: apt-get install chromium-driver (./verify does)").exists();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--window-size=" + width + "," + height, "--lang=zh-CN");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
        .usingAnyFreePort().withLogFile(Path.of("target", log).toFile()).build();
    return new ChromeDriver(service, options);
  }
}
