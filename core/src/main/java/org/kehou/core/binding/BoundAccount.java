package org.kehou.core.binding;

import java.time.LocalDateTime;

/**
 * A WeChat account bound to a guardian, as staff see it: enough to tell the accounts apart and revoke one, never the
 * openid itself.
 *
 * @param account  the openid masked to its first two and last four characters
 * @param active   whether the account reaches the bot now (false after unfollowing or once ended)
 * @param endedAt  when the binding was ended for good, or null (an unfollowed binding comes back on a re-follow)
 * @param endedBy  {@code PARENT} (解绑 in the chat), {@code ADMIN} (revoked) or {@code ROSTER} (no child left), or null
 */
public record BoundAccount(long id, String account, LocalDateTime boundAt, boolean active, LocalDateTime endedAt,
    String endedBy) {

  static BoundAccount of(WechatBindingMapper.AccountRow row) {
    return new BoundAccount(row.id(), mask(row.openid()), row.boundAt(), row.active(), row.endedAt(), row.endedBy());
  }

  static String mask(String openid) {
    if (openid.length() <= 8) {
      return "****";
    }
    return openid.substring(0, 2) + "****" + openid.substring(openid.length() - 4);
  }
}
