package org.kehou.bot.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kehou.bot.BotApplication;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Settings that would leave the webhook open stop the bot before it takes a message, saying what to set. */
class WechatSettingsTests {

  @EnableConfigurationProperties(WechatProperties.class)
  static class Settings {
  }

  private final ApplicationContextRunner settings = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
      .withUserConfiguration(Settings.class);

  @Test
  void theBotDoesNotStartWithABlankToken() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(BotApplication.class)
        .run("--server.port=0", "--spring.quartz.auto-startup=false", "--kehou.wechat.token= "))
        .rootCause().hasMessageContaining("kehou.wechat.token (KEHOU_WECHAT_TOKEN) is blank");
  }

  @Test
  void aTokenIsEnoughForTheDefaults() {
    settings.withPropertyValues("kehou.wechat.token=t").run(context -> {
      assertThat(context).hasNotFailed();
      WechatProperties properties = context.getBean(WechatProperties.class);
      assertThat(properties.dedupTtl()).isGreaterThanOrEqualTo(properties.maxMessageAge());
    });
  }

  @Test
  void aRetryMemoryShorterThanTheWindowIsRefused() {
    settings.withPropertyValues("kehou.wechat.token=t", "kehou.wechat.max-message-age=5m",
        "kehou.wechat.dedup-ttl=60s").run(context -> assertThat(context).getFailure()
        .rootCause().hasMessageContaining("kehou.wechat.dedup-ttl").hasMessageContaining("max-message-age"));
  }
}
