package org.kehou.core.staff;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param wechatCodeTtl how long a staff member's binding code works: it is typed at once, so a short time limits what a
 *                      code left on a screen or in a chat can do
 */
@ConfigurationProperties("kehou.staff")
public record StaffWechatProperties(@DefaultValue("24h") Duration wechatCodeTtl) {
}
