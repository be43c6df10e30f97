package org.kehou.bot.wechat;

import java.util.List;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.bean.menu.WxMenuButton;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import org.kehou.core.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Installs the official account's custom menu at start-up when kehou.wechat.install-menu is true. Each button is
 * labelled with a command word from the templates and carries that word as its key, so a tap is answered like the
 * typed word ({@link MenuClick}).
 */
@Component
@ConditionalOnProperty(name = "kehou.wechat.install-menu", havingValue = "true")
class MenuInstaller implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(MenuInstaller.class);

  private final WxMpService wechat;
  private final Texts texts;
  private final Commands commands;

  MenuInstaller(WxMpService wechat, Texts texts, Commands commands) {
    this.wechat = wechat;
    this.texts = texts;
    this.commands = commands;
  }

  @Override
  public void run(ApplicationArguments args) {
    try {
      wechat.getMenuService().menuCreate(menu());
      log.info("Installed the custom menu");
    } catch (WxErrorException e) {
      // The bot works without its menu (parents can type every command): report and carry on.
      log.warn("Could not install the custom menu: {} {}", e.getError().getErrorCode(), e.getError().getErrorMsg());
    } catch (RuntimeException e) {
      log.warn("Could not install the custom menu: {}", e.toString());
    }
  }

  WxMenu menu() {
    WxMenu menu = new WxMenu();
    menu.setButtons(List.of(
        group("menu.group.service", "letter", "apply", "status"),
        group("menu.group.agreement", "agreement", "withdraw"),
        group("menu.group.more", "switch", "notices", "help")));
    return menu;
  }

  private WxMenuButton group(String nameKey, String... commandNames) {
    WxMenuButton group = new WxMenuButton();
    group.setName(texts.message(nameKey));
    for (String command : commandNames) {
      WxMenuButton button = new WxMenuButton();
      button.setType(WxConsts.MenuButtonType.CLICK);
      button.setName(commands.word(command));
      button.setKey(commands.word(command));
      group.getSubButtons().add(button);
    }
    return group;
  }
}
