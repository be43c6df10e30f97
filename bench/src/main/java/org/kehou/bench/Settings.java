package org.kehou.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The driver's options, from --key=value arguments (bench/run maps its environment onto them). */
record Settings(
    String host, int port, String token, String toUser, String content, String fullExpect,
    int warmupSeconds, int durationSeconds, int concurrency, int rate, int parents, int drainSeconds,
    int timeoutMillis, long botPid, List<String> runs) {

  static final int MAX_SECONDS = 300;

  static Settings parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("expected --key=value, got " + arg);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    Settings settings = new Settings(
        options.getOrDefault("host", "127.0.0.1"),
        number(options, "port", 18081, 1, 65535),
        options.getOrDefault("token", "kehou-bench-token"),
        options.getOrDefault("to-user", "gh_kehou_bench"),
        options.getOrDefault("content", "\u72b6\u6001"),
        options.getOrDefault("full-expect", "<Content>"),
        number(options, "warmup", 10, 0, MAX_SECONDS),
        number(options, "duration", 20, 1, MAX_SECONDS),
        number(options, "concurrency", 64, 1, 1000),
        number(options, "rate", 500, 1, 20_000),
        number(options, "parents", 200, 1, 1000),
        number(options, "drain", 10, 1, MAX_SECONDS),
        number(options, "timeout-ms", 10_000, 100, 60_000),
        Long.parseLong(options.getOrDefault("bot-pid", "0")),
        List.of(options.getOrDefault("runs", "floor-closed,full-closed,floor-open,full-open").split(",")));
    // Load only ever goes to this machine.
    if (!settings.host.equals("127.0.0.1") && !settings.host.equals("localhost")) {
      throw new IllegalArgumentException("the driver only targets 127.0.0.1, not " + settings.host);
    }
    return settings;
  }

  private static int number(Map<String, String> options, String key, int fallback, int min, int max) {
    String value = options.get(key);
    int n = value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    if (n < min || n > max) {
      throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", got " + n);
    }
    return n;
  }

  HttpConnection connection() {
    return new HttpConnection(host, port, timeoutMillis);
  }
}
