package org.kehou.bot.wechat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The official account's credentials (from the WeChat admin console, via environment variables only).
 *
 * @param apiBase          WeChat's API host; tests and the demo point it at a fake
 * @param maxBodyBytes     larger webhook bodies are refused (WeChat's own messages are a few kilobytes)
 * @param maxMessageAge    in safe mode, older signed timestamps are refused as replays
 * @param dedupTtl         how long a message id is remembered: longer than WeChat's three retries (about 15 s)
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
    @DefaultValue("60s") Duration dedupTtl) {
}
