package org.kehou.bench;

import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issue 12: from the end of the sessions to every guardian's pickup message handed to WeChat. Starts two bots (each
 * with a fake WeChat API of its own, so the sends split by instance shows), seeds a school ({@link PickupSchool}) whose
 * sessions all end at the same whole minute two to three minutes ahead, every child marked present; then waits past
 * that minute until the fakes have received every guardian's message and every row is SENT. See bench/README.md
 * ("Pickup messages").
 */
public final class PickupBench {

  private PickupBench() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        System.err.println("pickup bench: expected --key=value, got " + arg);
        System.exit(2);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    PrintStream log = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int children = Integer.parseInt(options.getOrDefault("children", "2000"));
    int sessions = Integer.parseInt(options.getOrDefault("sessions", "6"));
    long delay = Long.parseLong(options.getOrDefault("delay-ms", "50"));
    int timeout = Integer.parseInt(options.getOrDefault("timeout", "120"));
    ZoneId zone = ZoneId.of(options.getOrDefault("timezone", "Asia/Shanghai"));
    if (sessions < 1 || sessions > children) {
      throw new IllegalArgumentException("need 1 <= sessions <= children");
    }
    refuseNearMidnight(ZonedDateTime.now(zone).toLocalTime(), zone);
    String[] botPorts = options.get("bot-ports").split(",");
    Mariadb db = new Mariadb(options.get("db"));
    try (FakeWeChat first = new FakeWeChat(0, delay); FakeWeChat second = new FakeWeChat(0, delay);
        JarProcess bot1 = startBot(options, first, botPorts[0], 1, zone, log);
        JarProcess bot2 = startBot(options, second, botPorts[1], 2, zone, log)) {
      // Both bots are up (Flyway has made the schema): the end is fixed now, so their start-up time does not eat into
      // the two to three minutes the job's first tick after seeding needs.
      ZonedDateTime now = ZonedDateTime.now(zone);
      refuseNearMidnight(now.toLocalTime(), zone);
      ZonedDateTime end = now.plusMinutes(2).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
      LocalTime startsAt = now.toLocalTime().isBefore(LocalTime.of(0, 30)) ? LocalTime.MIDNIGHT
          : now.toLocalTime().minusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
      PickupSchool school = new PickupSchool(children, sessions, now.toLocalDate(), startsAt, end.toLocalTime());
      school.seed(db);
      Set<String> expected = new HashSet<>();
      for (long child = 1; child <= children; child++) {
        school.guardiansOf(child).forEach(g -> expected.add(PickupSchool.openid(g)));
      }
      // The end as a System.nanoTime() moment, so it compares with the fakes' arrival times.
      long endNanos = System.nanoTime()
          + Duration.between(ZonedDateTime.now(zone).toInstant(), end.toInstant()).toNanos();
      log.printf("pickup bench: seeded %d children (%d guardians), %d sessions from %s ending at %s %s; waiting%n",
          children, expected.size(), sessions, startsAt, end.toLocalTime(), zone);
      PickupResult result = await(endNanos, expected, db, first, second, timeout);
      new PickupReport(school, expected.size(), delay, Double.parseDouble(options.getOrDefault("target", "10")))
          .print(new PrintStream(System.out, true, StandardCharsets.UTF_8), result);
    }
  }

  /** Too close to midnight the sessions could not end today (the term's end times are 23:59), nor have started. */
  private static void refuseNearMidnight(LocalTime now, ZoneId zone) {
    if (now.isAfter(LocalTime.of(23, 50)) || now.isBefore(LocalTime.of(0, 10))) {
      throw new IllegalStateException("within 10 minutes of midnight in " + zone + ": run it later");
    }
  }

  private static JarProcess startBot(Map<String, String> options, FakeWeChat wechat, String port, int instance,
      ZoneId zone, PrintStream log) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("KEHOU_DB_URL", "jdbc:mysql://127.0.0.1:3306/" + options.get("db")
        + "?createDatabaseIfNotExist=true&useUnicode=true&characterEncoding=utf8");
    env.put("KEHOU_REDIS_URL", options.get("redis-url"));
    env.put("KEHOU_TIMEZONE", zone.getId());
    env.put("KEHOU_WECHAT_TOKEN", "kehou-pickup-bench");
    env.put("KEHOU_WECHAT_APP_ID", "wxpickupbench0000");
    env.put("KEHOU_WECHAT_SECRET", "pickup-bench-secret");
    env.put("KEHOU_WECHAT_API_BASE", "http://127.0.0.1:" + wechat.port());
    env.put("KEHOU_BOT_PORT", port);
    log.printf("pickup bench: starting bot %d on port %s, its fake WeChat API on 127.0.0.1:%d%n", instance, port,
        wechat.port());
    return JarProcess.start(options.get("bot-jar"), options.get("bot-java-opts"), env, Integer.parseInt(port),
        new File("bench/target/pickup-bot-" + instance + ".log"));
  }

  private static PickupResult await(long endNanos, Set<String> expected, Mariadb db, FakeWeChat first,
      FakeWeChat second, int timeoutSeconds) throws Exception {
    long deadline = endNanos + Duration.ofSeconds(timeoutSeconds).toNanos();
    long allSent = 0;
    while (System.nanoTime() < deadline && allSent == 0) {
      Set<String> received = new HashSet<>(first.byRecipient().keySet());
      received.addAll(second.byRecipient().keySet());
      if (System.nanoTime() > endNanos && received.containsAll(expected)
          && db.count("SELECT COUNT(*) FROM outbox_message WHERE kind = 'pickup-ready' AND state <> 'SENT'") == 0) {
        allSent = System.nanoTime();
      } else {
        Thread.sleep(100);
      }
    }
    // A little longer, so a second send of a message already counted (a retry) would still show as a duplicate.
    Thread.sleep(3000);
    String[] rows = db.run("SELECT COUNT(*), COALESCE(SUM(state = 'SENT'), 0), MIN(created_at), MAX(created_at) "
        + "FROM outbox_message WHERE kind = 'pickup-ready'").split("\t");
    return PickupResult.of(endNanos, allSent, expected, List.of(first.byRecipient(), second.byRecipient()),
        Integer.parseInt(rows[0]), Integer.parseInt(rows[1]), rows[2], rows[3]);
  }
}
