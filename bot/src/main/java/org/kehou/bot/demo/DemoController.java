package org.kehou.bot.demo;

import java.util.List;
import java.util.Map;
import org.kehou.bot.wechat.WechatProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the phone side of the simulator needs: demo guardians, the demo's WeChat settings, pushes and the menu. */
@RestController
@Profile("demo")
@RequestMapping("/demo/api")
class DemoController {

  private final DemoMapper mapper;
  private final FakePushes pushes;
  private final WechatProperties wechat;

  DemoController(DemoMapper mapper, FakePushes pushes, WechatProperties wechat) {
    this.mapper = mapper;
    this.pushes = pushes;
    this.wechat = wechat;
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
