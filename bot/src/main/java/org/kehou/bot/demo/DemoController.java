package org.kehou.bot.demo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kehou.bot.wechat.WechatProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the simulator needs: demo guardians, the demo's WeChat settings, pushes, the menu, and where the staff console
 * it shows beside the phone is.
 */
@RestController
@Profile("demo")
@RequestMapping("/demo/api")
class DemoController {

  private final DemoMapper mapper;
  private final FakePushes pushes;
  private final FakeQrCodes qrCodes;
  private final WechatProperties wechat;
  private final String console;

  DemoController(DemoMapper mapper, FakePushes pushes, FakeQrCodes qrCodes, WechatProperties wechat,
      @Value("${kehou.demo.admin-api-base:http://127.0.0.1:8082}") String adminApiBase) {
    this.mapper = mapper;
    this.pushes = pushes;
    this.qrCodes = qrCodes;
    this.wechat = wechat;
    this.console = adminApiBase.replaceAll("/+$", "") + "/console/";
  }

  /** The admin API's staff console, which the page frames beside the phone: the school's side of the demo. */
  @GetMapping("/console")
  Map<String, String> console() {
    return Map.of("url", console);
  }

  @GetMapping("/guardians")
  List<DemoMapper.DemoGuardian> guardians() {
    return mapper.guardians();
  }

  /** The token and AES key are demo values the page needs to sign and encrypt like WeChat does. */
  @GetMapping("/wechat")
  Map<String, String> wechat() {
    return Map.of("token", wechat.token(), "appId", wechat.appId(), "aesKey", wechat.aesKey());
  }

  /**
   * What a phone's WeChat reads from a slip's QR code: the scene behind a url the fake API handed out. A typed code
   * stands for itself, as if its slip had been scanned. 404 for anything else (not this account's QR code).
   */
  @GetMapping("/scan")
  ResponseEntity<Map<String, String>> scan(@RequestParam String text) {
    String trimmed = text.trim();
    Optional<String> scene = trimmed.startsWith("http") ? qrCodes.scene(trimmed)
        : Optional.of(trimmed.replaceAll("\\s+", "").toUpperCase(Locale.ROOT))
            .filter(code -> code.matches("[A-Z0-9]{1,16}"));
    return scene.map(s -> ResponseEntity.ok(Map.of("scene", s))).orElseGet(() -> ResponseEntity.notFound().build());
  }

  @GetMapping("/pushes")
  List<FakePushes.Push> pushes(@RequestParam String openid, @RequestParam(defaultValue = "0") long after) {
    return pushes.after(openid, after);
  }

  @GetMapping("/menu")
  Map<String, Object> menu() {
    Map<String, Object> menu = pushes.menu();
    return menu == null ? Map.of() : menu;
  }
}
