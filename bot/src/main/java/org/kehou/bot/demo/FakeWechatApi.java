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
 * customer-service and template message and the custom menu, so the simulator page can show them.
 */
@RestController
@Profile("demo")
@RequestMapping("/demo/wechat-api/cgi-bin")
class FakeWechatApi {

  private final FakePushes pushes;

  FakeWechatApi(FakePushes pushes) {
    this.pushes = pushes;
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

  @PostMapping("/menu/create")
  Map<String, Object> menuCreate(@RequestBody Map<String, Object> body) {
    pushes.menu(body);
    return Map.of("errcode", 0, "errmsg", "ok");
  }
}
