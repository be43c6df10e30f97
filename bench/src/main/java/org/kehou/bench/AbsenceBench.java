package org.kehou.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Issue 11: from a roll call's save to the guardians' absence alerts handed to WeChat. Starts a fake WeChat API, the
 * bot (outbox dispatcher) and the admin API, seeds a school ({@link AbsenceSchool}), logs in as each session's teacher
 * and saves every session's roll call at the same moment, some children absent; then waits until the fake API has
 * received every guardian's alert and every row is SENT. See bench/README.md ("Absence alerts").
 */
public final class AbsenceBench {

  private static final String PASSWORD = "absence-bench-pass";

  private AbsenceBench() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        System.err.println("absence bench: expected --key=value, got " + arg);
        System.exit(2);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    PrintStream log = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int children = Integer.parseInt(options.getOrDefault("children", "2000"));
    int absent = Integer.parseInt(options.getOrDefault("absent", "100"));
    int sessions = Integer.parseInt(options.getOrDefault("sessions", "6"));
    long delay = Long.parseLong(options.getOrDefault("delay-ms", "50"));
    int timeout = Integer.parseInt(options.getOrDefault("timeout", "300"));
    String zone = options.getOrDefault("timezone", "Asia/Shanghai");
    if (absent < 1 || absent > children || sessions < 1 || sessions > children) {
      throw new IllegalArgumentException("need 1 <= absent <= children and 1 <= sessions <= children");
    }
    ZonedDateTime now = ZonedDateTime.now(ZoneId.of(zone));
    if (now.toLocalTime().isAfter(LocalTime.of(23, 55))) {
      throw new IllegalStateException("too close to midnight in " + zone + ": the sessions end at 23:59");
    }
    // Started half an hour ago (or at midnight): the roll call may be taken, the session has not ended.
    LocalTime startsAt = now.toLocalTime().isBefore(LocalTime.of(0, 30)) ? LocalTime.MIDNIGHT
        : now.toLocalTime().minusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
    AbsenceSchool school = new AbsenceSchool(children, sessions,
        Integer.parseInt(options.getOrDefault("classes-per-grade", "8")), now.toLocalDate(), startsAt);
    Mariadb db = new Mariadb(options.get("db"));
    try (FakeWeChat wechat = new FakeWeChat(Integer.parseInt(options.getOrDefault("wechat-port", "0")), delay)) {
      Map<String, String> env = new HashMap<>();
      env.put("KEHOU_DB_URL", "jdbc:mysql://127.0.0.1:3306/" + options.get("db")
          + "?createDatabaseIfNotExist=true&useUnicode=true&characterEncoding=utf8");
      env.put("KEHOU_REDIS_URL", options.get("redis-url"));
      env.put("KEHOU_TIMEZONE", zone);
      env.put("KEHOU_WECHAT_TOKEN", "kehou-absence-bench");
      env.put("KEHOU_WECHAT_APP_ID", "wxabsencebench000");
      env.put("KEHOU_WECHAT_SECRET", "absence-bench-secret");
      env.put("KEHOU_WECHAT_API_BASE", "http://127.0.0.1:" + wechat.port());
      env.put("KEHOU_BOT_PORT", options.get("bot-port"));
      log.printf("absence bench: fake WeChat API on 127.0.0.1:%d; starting the bot on port %s%n", wechat.port(),
          options.get("bot-port"));
      try (JarProcess bot = JarProcess.start(options.get("bot-jar"), options.get("bot-java-opts"), env,
          Integer.parseInt(options.get("bot-port")), new File("bench/target/absence-bot.log"))) {
        school.seed(db);
        log.printf("absence bench: seeded %d children, %d sessions from %s today (%s); starting the admin API on "
            + "port %s%n", children, sessions, startsAt, school.today(), options.get("api-port"));
        env.put("KEHOU_API_PORT", options.get("api-port"));
        env.put("KEHOU_SCHOOL_CODE", AbsenceSchool.CODE);
        env.put("KEHOU_ADMIN_USERNAME", "absence-admin");
        env.put("KEHOU_ADMIN_PASSWORD", PASSWORD);
        int apiPort = Integer.parseInt(options.get("api-port"));
        try (JarProcess api = JarProcess.start(options.get("api-jar"), options.get("api-java-opts"), env, apiPort,
            new File("bench/target/absence-api.log"))) {
          AbsenceResult result = run(school, absent, new AdminApi(apiPort), db, wechat, timeout, log);
          new AbsenceReport(school, absent, delay, options.getOrDefault("target", "60"))
              .print(new PrintStream(System.out, true, StandardCharsets.UTF_8), result);
        }
      }
    }
  }

  private static AbsenceResult run(AbsenceSchool school, int absentTotal, AdminApi api, Mariadb db,
      FakeWeChat wechat, int timeoutSeconds, PrintStream log) throws Exception {
    String admin = api.login("absence-admin", PASSWORD);
    List<String> tokens = new ArrayList<>();
    for (int session = 1; session <= school.sessions(); session++) {
      String username = "absence-teacher-" + session;
      school.assignTeacher(db, session, api.createTeacher(admin, username, "值班老师" + session, PASSWORD));
      tokens.add(api.login(username, PASSWORD));
    }
    List<List<Long>> absentees = school.absentees(absentTotal);
    Set<String> expected = new HashSet<>();
    for (int session = 1; session <= school.sessions(); session++) {
      // Warms the admin API's path up as a teacher opening the page would, and checks each roster is in place.
      api.readRollCall(tokens.get(session - 1), session, school.today());
      absentees.get(session - 1).forEach(child -> school.guardiansOf(child)
          .forEach(g -> expected.add(AbsenceSchool.openid(g))));
    }
    List<HttpRequest> puts = new ArrayList<>();
    for (int session = 1; session <= school.sessions(); session++) {
      puts.add(api.rollCall(tokens.get(session - 1), session, school.today(), absentees.get(session - 1)));
    }
    log.printf("absence bench: saving %d roll calls at once, %d children absent, %d guardians to alert%n",
        puts.size(), absentTotal, expected.size());
    long sent = System.nanoTime();
    List<CompletableFuture<Long>> returned = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (HttpRequest put : puts) {
      returned.add(api.http().sendAsync(put, HttpResponse.BodyHandlers.ofString()).thenApply(answer -> {
        if (answer.statusCode() != 200) {
          synchronized (refused) {
            refused.add(answer.statusCode() + " " + answer.body());
          }
        }
        return System.nanoTime();
      }));
    }
    long lastReturned = returned.stream().mapToLong(CompletableFuture::join).max().orElseThrow();
    if (!refused.isEmpty()) {
      throw new IllegalStateException("roll calls refused: " + refused);
    }
    long deadline = sent + Duration.ofSeconds(timeoutSeconds).toNanos();
    long allSent = 0;
    while (System.nanoTime() < deadline && allSent == 0) {
      if (wechat.byRecipient().keySet().containsAll(expected)
          && db.count("SELECT COUNT(*) FROM outbox_message WHERE kind = 'absence-alert' AND state <> 'SENT'") == 0) {
        allSent = System.nanoTime();
      } else {
        Thread.sleep(100);
      }
    }
    // A little longer, so a second send of an alert already counted (a retry) would still show as a duplicate.
    Thread.sleep(3000);
    String[] rows = db.run("SELECT COUNT(*), COALESCE(SUM(state = 'SENT'), 0) FROM outbox_message "
        + "WHERE kind = 'absence-alert'").split("\\s+");
    return AbsenceResult.of(sent, lastReturned, allSent, expected, wechat.byRecipient(),
        db.count("SELECT COUNT(*) FROM absence_case"), Integer.parseInt(rows[0]), Integer.parseInt(rows[1]));
  }
}
