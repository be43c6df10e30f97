package org.kehou.admin.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tokenTtl how long a login token stays valid
 * @param maxFailures wrong passwords for one username before logins are refused for the rest of the window
 * @param failureWindow the window the failures are counted in
 */
@ConfigurationProperties("kehou.auth")
record AuthProperties(
    @DefaultValue("8h") Duration tokenTtl,
    @DefaultValue("5") int maxFailures,
    @DefaultValue("15m") Duration failureWindow) {
}
