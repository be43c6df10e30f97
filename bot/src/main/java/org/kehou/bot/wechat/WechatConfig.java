package org.kehou.bot.wechat;

import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpRedisConfigImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.RedisClient;

/**
 * The one WxJava client of the bot, its access token in Redis so every instance shares it; and the webhook's servlet.
 */
@Configuration(proxyBeanMethods = false)
class WechatConfig {

  static final String REDIS_PREFIX = "kehou:wechat";

  @Bean
  WxMpConfigStorage wxMpConfigStorage(WechatProperties properties, RedisClient redis,
      @Value("${kehou.outbox.concurrency:32}") int outboxConcurrency) {
    WxMpRedisConfigImpl config = new TokenConfig(new RedisClientWxRedisOps(redis), REDIS_PREFIX);
    // The Redis keys and lock names are built from the app id: it must be set before anything else.
    config.setAppId(properties.appId());
    config.setSecret(properties.secret());
    config.setToken(properties.token());
    config.setAesKey(properties.aesKey());
    // Several instances may refresh at once; the stable token makes that harmless.
    config.useStableAccessToken(true);
    String base = properties.apiBase().replaceAll("/+$", "");
    config.setHostConfig(WxMpHostConfig.builder().apiHost(base).mpHost(base).openHost(base).build());
    // Every send of the outbox in flight holds a connection; a few more for token refreshes and the menu. (The default
    // repeats OutboxProperties' own: the outbox's settings record is private to its package.)
    config.setApacheHttpClientBuilder(new WechatHttpClient(outboxConcurrency + 8));
    return config;
  }

  @Bean
  WxMpService wxMpService(WxMpConfigStorage config) {
    WxMpServiceImpl service = new WxMpServiceImpl();
    service.setWxMpConfigStorage(config);
    // WxJava would otherwise sleep up to ~31 s retrying "system busy" inside one send; the outbox retries with backoff.
    service.setRetrySleepMillis(300);
    service.setMaxRetryTimes(1);
    return service;
  }

  /** The webhook beside Spring MVC's dispatcher, which serves everything else (see PortalServlet). */
  @Bean
  ServletRegistrationBean<PortalServlet> wechatPortal(Portal portal) {
    ServletRegistrationBean<PortalServlet> registration =
        new ServletRegistrationBean<>(new PortalServlet(portal), "/wechat/portal");
    registration.setLoadOnStartup(1);
    return registration;
  }
}
