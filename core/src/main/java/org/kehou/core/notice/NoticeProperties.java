package org.kehou.core.notice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pageUrl         the bot's public address: each guardian's link is {@code <pageUrl>/notice/<token>}
 * @param linkSecret      signs those links; when blank, a random key kept in the database is used (both
 *                        applications read the same one)
 * @param remindBefore    a notice to be confirmed is recalled to those who have not, this long before its deadline
 * @param escalateAfter   an urgent notice still unconfirmed this long after sending: its sender is told who
 */
@ConfigurationProperties("kehou.notices")
public record NoticeProperties(
    @DefaultValue("http://localhost:8081") String pageUrl,
    @DefaultValue("") String linkSecret,
    @DefaultValue("2h") Duration remindBefore,
    @DefaultValue("30m") Duration escalateAfter) {

  public NoticeProperties {
    pageUrl = pageUrl.endsWith("/") ? pageUrl.substring(0, pageUrl.length() - 1) : pageUrl;
  }
}
