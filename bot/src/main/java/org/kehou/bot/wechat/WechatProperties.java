package org.kehou.bot.wechat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The official account's credentials (from the WeChat admin console, via environment variables only).
 *
 * @param token            the server token: without it every webhook signature would be computable by anyone
 * @param aesKey           the EncodingAESKey; once set, only encrypted messages are accepted (no downgrade to plain)
 * @param apiBase          WeChat's API host; tests and the demo point it at a fake
 * @param maxBodyBytes     larger webhook bodies are refused (WeChat's own messages are a few kilobytes)
 * @param maxMessageAge    how far a signed timestamp may be from now; each signature is accepted for one message only,
 *                         for as long as its timestamp lies in this window
 * @param dedupTtl         how long a message and its reply are remembered for WeChat's retries: at least the window,
 *                         so a message cannot be handled twice while its signature is still good
 */
@ConfigurationProperties("kehou.wechat")
public record WechatProperties(
    @DefaultValue("") String appId,
    @DefaultValue("") String secret,
    @DefaultValue("") String token,
    @DefaultValue("") String aesKey,
    @DefaultValue("https://api.weixin.qq.com") String apiBase,
    @DefaultValue("65536") int maxBodyBytes,
    @DefaultValue("5m") Duration maxMessageAge,
    @DefaultValue("5m") Duration dedupTtl) {

  public WechatProperties {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("kehou.wechat.token (KEHOU_WECHAT_TOKEN) is blank: set it to the token of the"
          + " WeChat console's server configuration (服务器配置 → 令牌); without it anyone could sign webhook calls");
    }
    if (maxMessageAge == null || maxMessageAge.toSeconds() < 1) {
      throw new IllegalArgumentException("kehou.wechat.max-message-age must be at least one second");
    }
    if (dedupTtl == null || dedupTtl.compareTo(maxMessageAge) < 0) {
      throw new IllegalArgumentException("kehou.wechat.dedup-ttl (" + dedupTtl + ") must be at least"
          + " kehou.wechat.max-message-age (" + maxMessageAge + "): a message whose signature is still good must"
          + " still be recognised when it comes again");
    }
  }
}
