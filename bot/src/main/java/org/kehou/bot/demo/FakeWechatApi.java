package org.kehou.bot.demo;

import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The WeChat API as the demo's bot sees it (kehou.wechat.api-base points here): hands out a token, and records every
 * customer-service and template message and the custom menu, so the simulator page can show them, and creates the
 * binding slips' QR codes as WeChat would (a ticket and a url the simulator can scan).
 */
@RestController
@Profile("demo")
@RequestMapping("/demo/wechat-api/cgi-bin")
class FakeWechatApi {

  /** WeChat's longest temporary QR code. */
  static final long MAX_SECONDS = 2_592_000;

  private final FakePushes pushes;
  private final FakeQrCodes qrCodes;

  FakeWechatApi(FakePushes pushes, FakeQrCodes qrCodes) {
    this.pushes = pushes;
    this.qrCodes = qrCodes;
  }

  @GetMapping("/token")
  Map<String, Object> token() {
    return Map.of("access_token", "demo-access-token", "expires_in", 7200);
  }

  @PostMapping("/stable_token")
  Map<String, Object> stableToken() {
    return token();
  }

  @PostMapping("/message/custom/send")
  Map<String, Object> customSend(@RequestBody Map<String, Object> body) {
    pushes.record("CUSTOMER", String.valueOf(body.get("touser")), body);
    return Map.of("errcode", 0, "errmsg", "ok");
  }

  @PostMapping("/message/template/send")
  Map<String, Object> templateSend(@RequestBody Map<String, Object> body) {
    long id = pushes.record("TEMPLATE", String.valueOf(body.get("touser")), body);
    return Map.of("errcode", 0, "errmsg", "ok", "msgid", 1_000_000 + id);
  }

  /** A temporary QR code with a string scene, as qrcode/create answers: WeChat's rules on the request are kept. */
  @PostMapping("/qrcode/create")
  Map<String, Object> qrCodeCreate(@RequestBody Map<String, Object> body) {
    long seconds = body.get("expire_seconds") instanceof Number n ? n.longValue() : 60;
    String scene = body.get("action_info") instanceof Map<?, ?> info && info.get("scene") instanceof Map<?, ?> s
        && s.get("scene_str") instanceof String str ? str : "";
    if (!"QR_STR_SCENE".equals(body.get("action_name")) || scene.isEmpty() || scene.length() > 64
        || seconds < 60 || seconds > MAX_SECONDS) {
      return Map.of("errcode", 40097, "errmsg", "invalid args");
    }
    FakeQrCodes.Ticket ticket = qrCodes.create(scene, seconds);
    return Map.of("ticket", ticket.ticket(), "expire_seconds", seconds, "url", ticket.url());
  }

  @PostMapping("/menu/create")
  Map<String, Object> menuCreate(@RequestBody Map<String, Object> body) {
    pushes.menu(body);
    return Map.of("errcode", 0, "errmsg", "ok");
  }
}
