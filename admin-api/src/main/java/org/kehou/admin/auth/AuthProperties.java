package org.kehou.admin.auth;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tokenTtl how long a login token stays valid
 * @param maxFailures wrong passwords for one account from one address (or unknown usernames from one address) before
 *     each further attempt has to wait
 * @param failureWindow how long failures are remembered after the last one (plus the wait it imposed)
 * @param firstDelay the wait after {@code maxFailures} failures, doubled by every further failure
 * @param maxDelay the longest wait
 * @param trustedProxies addresses of reverse proxies whose X-Forwarded-For names the client; empty: the connection's
 *     own address is the client's
 */
@ConfigurationProperties("kehou.auth")
record AuthProperties(
    @DefaultValue("8h") Duration tokenTtl,
    @DefaultValue("5") int maxFailures,
    @DefaultValue("15m") Duration failureWindow,
    @DefaultValue("1m") Duration firstDelay,
    @DefaultValue("15m") Duration maxDelay,
    @DefaultValue List<String> trustedProxies) {
}
