package org.kehou.bench;

import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 13: a notice to a whole school, from the admin API's call that sends it to the last message handed to WeChat,
 * with parents confirming by {@code 收到} meanwhile. Starts two bots (each with a fake WeChat API of its own, so the
 * sends split by instance shows) and the admin API, seeds a school ({@link NoticeSchool}), logs in as its admin and
 * sends one urgent notice to the school; then waits until the fakes have received every guardian's message and every
 * row is SENT, while {@link NoticeConfirmations} sends the parents' {@code 收到}. See bench/README.md ("Notices").
 */
public final class NoticeBench {

  private static final String PASSWORD = "notice-bench-pass";
  private static final String TOKEN = "kehou-notice-bench";
  private static final Pattern NOTICE_ID = Pattern.compile("\"noticeId\"\\s*:\\s*(\\d+)");

  private NoticeBench() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        System.err.println("notice bench: expected --key=value, got " + arg);
        System.exit(2);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    PrintStream log = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int guardians = Integer.parseInt(options.getOrDefault("guardians", "10000"));
    int confirmers = Integer.parseInt(options.getOrDefault("confirmers", "2000"));
    int window = Integer.parseInt(options.getOrDefault("window", "60"));
    long delay = Long.parseLong(options.getOrDefault("delay-ms", "50"));
    int timeout = Integer.parseInt(options.getOrDefault("timeout", "300"));
    int warmupSeconds = Integer.parseInt(options.getOrDefault("warmup-seconds", "120"));
    boolean urgent = Boolean.parseBoolean(options.getOrDefault("urgent", "true"));
    LocalTime beijing = LocalTime.now(ZoneId.of("Asia/Shanghai"));
    if (!urgent && (beijing.isAfter(LocalTime.of(21, 29)) || beijing.isBefore(LocalTime.of(7, 0)))) {
      // A notice that is not urgent waits for the morning: there would be nothing to measure.
      throw new IllegalStateException("NOTICE_URGENT=false only outside the quiet hours (21:30-07:00 Beijing time); "
          + "it is " + beijing.withNano(0) + " there");
    }
    String zone = options.getOrDefault("timezone", "Asia/Shanghai");
    String[] botPorts = options.get("bot-ports").split(",");
    int apiPort = Integer.parseInt(options.get("api-port"));
    Map<String, String> botEnv = parseEnv(options.getOrDefault("bot-env", ""));
    NoticeSchool school = new NoticeSchool(guardians, LocalDate.now(ZoneId.of(zone)));
    Mariadb db = new Mariadb(options.get("db"));
    try (FakeWeChat first = new FakeWeChat(0, delay); FakeWeChat second = new FakeWeChat(0, delay);
        JarProcess bot1 = startBot(options, botEnv, first, botPorts[0], 1, zone, log);
        JarProcess bot2 = startBot(options, botEnv, second, botPorts[1], 2, zone, log)) {
      school.seed(db);
      log.printf("notice bench: seeded %d guardians (%d children); starting the admin API on port %d%n", guardians,
          school.children(), apiPort);
      Map<String, String> env = common(options, zone, "http://127.0.0.1:" + first.port(), botPorts[0]);
      env.put("KEHOU_API_PORT", String.valueOf(apiPort));
      env.put("KEHOU_SCHOOL_CODE", NoticeSchool.CODE);
      env.put("KEHOU_ADMIN_USERNAME", "notice-admin");
      env.put("KEHOU_ADMIN_PASSWORD", PASSWORD);
      try (JarProcess api = JarProcess.start(options.get("api-jar"), options.get("api-java-opts"), env, apiPort,
          new File("bench/target/notice-api.log"))) {
        NoticeResult result = run(school, confirmers, window, timeout, warmupSeconds, urgent, new AdminApi(apiPort), db,
            new int[] {Integer.parseInt(botPorts[0]), Integer.parseInt(botPorts[1])}, List.of(first, second),
            List.of(bot1.pid(), bot2.pid(), api.pid()), log);
        new NoticeReport(school, confirmers, window, delay, options.getOrDefault("outbox-label", "as deployed"), urgent)
            .print(new PrintStream(System.out, true, StandardCharsets.UTF_8), result);
      }
    }
  }

  private static NoticeResult run(NoticeSchool school, int confirmerCount, int window, int timeoutSeconds, int warmupSeconds, boolean urgent,
      AdminApi api, Mariadb db, int[] botPorts, List<FakeWeChat> fakes, List<Long> pids, PrintStream log)
      throws Exception {
    String admin = api.login("notice-admin", PASSWORD);
    String draft = "{\"audience\":\"SCHOOL\",\"title\":\"明天下午停课\",\"body\":\"因全校教师培训，明天下午课后服务暂停一次，"
        + "请家长按时接孩子。\",\"confirmRequired\":false,\"urgent\":" + urgent + "}";
    // What the console shows the sender before they confirm: the same audience, counted, nothing sent. It also warms
    // the audience's query up, as a sender's look at the counts would.
    String preview = api.json("POST", "/api/v1/parent-notices/preview", admin, draft, 200);
    log.printf("notice bench: preview %s%n", preview);
    SignedMessages messages = new SignedMessages(TOKEN, "gh_kehou_notice", "收到");
    warmUp(api, admin, db, fakes, warmupSeconds, urgent, school, botPorts, messages, log);
    warmWebhooks(botPorts, messages);
    List<String> confirmers = school.confirmers(confirmerCount, 13).stream().map(NoticeSchool::openid).toList();
    List<String> expected = school.openids();
    log.printf("notice bench: sending the notice to %d guardians; %d of them confirm over %d s%n", expected.size(),
        confirmers.size(), window);
    List<CpuMeter> meters = pids.stream().map(CpuMeter::new).toList();
    long sent = System.nanoTime();
    meters.forEach(m -> m.startAt(sent));
    CompletableFuture<NoticeConfirmations.Outcome> confirmations =
        confirming(sent, confirmers, window, 30, 7, botPorts, messages, fakes);
    String answer = api.json("POST", "/api/v1/parent-notices", admin, draft, 201);
    long returned = System.nanoTime();
    Matcher id = NOTICE_ID.matcher(answer);
    if (!id.find()) {
      throw new IllegalStateException("no noticeId in " + answer);
    }
    long noticeId = Long.parseLong(id.group(1));
    log.printf(java.util.Locale.ROOT, "notice bench: sent in %.2f s: %s%n", (returned - sent) / 1e9, answer);
    long deadline = sent + Duration.ofSeconds(timeoutSeconds).toNanos();
    long allSent = 0;
    while (System.nanoTime() < deadline && allSent == 0) {
      if (allReceived(expected, fakes) && db.count("SELECT COUNT(*) FROM outbox_message WHERE dedup_key LIKE "
          + "'notice:" + noticeId + ":%' AND state <> 'SENT'") == 0) {
        allSent = System.nanoTime();
      } else {
        Thread.sleep(100);
      }
    }
    List<CpuMeter.Usage> cpu = new ArrayList<>();
    long until = allSent == 0 ? System.nanoTime() : allSent;
    meters.forEach(m -> cpu.add(m.stopAt(until)));
    log.printf("notice bench: %s; waiting for the confirmations%n", allSent == 0 ? "timed out" : "all SENT");
    NoticeConfirmations.Outcome confirmed = confirmations.join();
    // Long after the last send (the confirmations ran on): a second send of a message would show as a duplicate.
    String[] rows = db.run("SELECT COUNT(*), COALESCE(SUM(state = 'SENT'), 0) FROM outbox_message WHERE dedup_key "
        + "LIKE 'notice:" + noticeId + ":%'").split("\\s+");
    String[] inDb = db.run("SELECT COALESCE(SUM(confirmed_at IS NOT NULL), 0), COALESCE(SUM(confirmed_via = 'CHAT'), 0) "
        + "FROM parent_notice_guardian WHERE notice_id = " + noticeId).split("\\s+");
    String status = api.json("GET", "/api/v1/parent-notices/" + noticeId, admin, null, 200);
    return NoticeResult.of(sent, returned, allSent, expected, List.of(fakes.get(0).byRecipient(),
        fakes.get(1).byRecipient()), Integer.parseInt(rows[0]), Integer.parseInt(rows[1]), answer, confirmed,
        Integer.parseInt(inDb[0]), Integer.parseInt(inDb[1]), counts(status), cpu);
  }

  /**
   * Notices to whole grades first, one after the other for {@code seconds}, not measured, each confirmed by
   * {@code 收到} from a fifth of the grade's families while it goes out: bots and an admin API that have served a school
   * for days have compiled their sending and confirming paths; ones just started spend the measured notice compiling
   * (after one warm-up notice, and still after four, the bots' JIT compiler threads used more CPU than their senders
   * all through the measured notice). After each, the fakes forget its messages, so the measured notice's count per
   * guardian is its own.
   */
  private static void warmUp(AdminApi api, String admin, Mariadb db, List<FakeWeChat> fakes, int seconds,
      boolean urgent, NoticeSchool school, int[] botPorts, SignedMessages messages, PrintStream log) throws Exception {
    long warmUntil = System.nanoTime() + seconds * 1_000_000_000L;
    for (int round = 1; System.nanoTime() < warmUntil; round++) {
      int grade = 1 + (round - 1) % 6;
      String warm = "{\"audience\":\"GRADE\",\"audienceId\":" + grade + ",\"title\":\"年级家长会\","
          + "\"body\":\"本周五下午年级家长会，请准时参加。\",\"confirmRequired\":false,\"urgent\":" + urgent + "}";
      List<String> confirmers = school.ofGrade(grade, 5).stream().map(NoticeSchool::openid).toList();
      long start = System.nanoTime();
      CompletableFuture<NoticeConfirmations.Outcome> confirmed =
          confirming(start, confirmers, 6, 20, round, botPorts, messages, fakes);
      Matcher id = NOTICE_ID.matcher(api.json("POST", "/api/v1/parent-notices", admin, warm, 201));
      if (!id.find()) {
        throw new IllegalStateException("no noticeId for a warm-up notice");
      }
      String pending = "SELECT COUNT(*) FROM outbox_message WHERE dedup_key LIKE 'notice:" + id.group(1)
          + ":%' AND state <> 'SENT'";
      long deadline = start + Duration.ofSeconds(120).toNanos();
      while (db.count(pending) > 0) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("a warm-up notice was not sent within 120 s");
        }
        Thread.sleep(200);
      }
      confirmed.join();
      log.printf(java.util.Locale.ROOT, "notice bench: warm-up notice %d (grade %d, %d confirming) done in %.1f s%n",
          round, grade, confirmers.size(), (System.nanoTime() - start) / 1e9);
      fakes.forEach(FakeWeChat::reset);
    }
    Thread.sleep(2000);
  }

  /** Parents sending 收到 in the background (16 connections per bot, 5 s timeout) while a notice goes out. */
  private static CompletableFuture<NoticeConfirmations.Outcome> confirming(long start, List<String> openids,
      int windowSeconds, int drainSeconds, long seed, int[] botPorts, SignedMessages messages, List<FakeWeChat> fakes) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return NoticeConfirmations.run(start, openids, windowSeconds, drainSeconds, seed, botPorts, 16, 5000, messages,
            fakes);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    });
  }

  /**
   * A few messages from accounts that are not bound (the bot asks them to bind) to each bot first: a bot that has
   * served parents for days is warm; one just started would spend the first confirmations compiling.
   */
  private static void warmWebhooks(int[] botPorts, SignedMessages messages) throws Exception {
    for (int port : botPorts) {
      try (HttpConnection connection = new HttpConnection("127.0.0.1", port, 5000)) {
        for (int i = 0; i < 1000; i++) {
          SignedMessages.Request request = messages.text(NoticeConfirmations.PORTAL,
              String.format("notice-warm-%04d", i), "收到");
          connection.post(request.pathAndQuery(), request.body());
        }
      }
    }
  }

  private static boolean allReceived(List<String> expected, List<FakeWeChat> fakes) {
    for (String openid : expected) {
      boolean found = false;
      for (FakeWeChat fake : fakes) {
        found |= fake.firstArrival(openid) != 0;
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /** The status's counts of children (top level of the JSON), for the table. */
  private static String counts(String status) {
    StringBuilder out = new StringBuilder();
    for (String key : List.of("children", "confirmed", "delivered", "pending", "failed")) {
      Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(\\d+)").matcher(status);
      out.append(out.isEmpty() ? "" : ", ").append(key).append(' ').append(m.find() ? m.group(1) : "?");
    }
    return out.toString();
  }

  private static Map<String, String> common(Map<String, String> options, String zone, String wechatBase,
      String pagePort) {
    Map<String, String> env = new HashMap<>();
    env.put("KEHOU_DB_URL", "jdbc:mysql://127.0.0.1:3306/" + options.get("db")
        + "?createDatabaseIfNotExist=true&useUnicode=true&characterEncoding=utf8");
    env.put("KEHOU_REDIS_URL", options.get("redis-url"));
    env.put("KEHOU_TIMEZONE", zone);
    env.put("KEHOU_WECHAT_TOKEN", TOKEN);
    env.put("KEHOU_WECHAT_APP_ID", "wxnoticebench0000");
    env.put("KEHOU_WECHAT_SECRET", "notice-bench-secret");
    env.put("KEHOU_WECHAT_API_BASE", wechatBase);
    env.put("KEHOU_NOTICES_PAGEURL", "http://127.0.0.1:" + pagePort);
    return env;
  }

  private static JarProcess startBot(Map<String, String> options, Map<String, String> botEnv, FakeWeChat wechat,
      String port, int instance, String zone, PrintStream log) throws Exception {
    Map<String, String> env = common(options, zone, "http://127.0.0.1:" + wechat.port(), port);
    env.put("KEHOU_BOT_PORT", port);
    // Parents outside their 48-hour window get the notice as a template message with its link, as in production.
    env.put("KEHOU_OUTBOX_TEMPLATES_NOTICEURGENT_ID", "notice-bench-template");
    env.put("KEHOU_OUTBOX_TEMPLATES_NOTICEURGENT_FIELDS", "thing1=child,thing2=title,thing3=sender,time4=sentAt");
    env.put("KEHOU_OUTBOX_TEMPLATES_NOTICE_ID", "notice-bench-template");
    env.put("KEHOU_OUTBOX_TEMPLATES_NOTICE_FIELDS", "thing1=child,thing2=title,thing3=sender,time4=sentAt");
    env.putAll(botEnv);
    log.printf("notice bench: starting bot %d on port %s, its fake WeChat API on 127.0.0.1:%d%n", instance, port,
        wechat.port());
    return JarProcess.start(options.get("bot-jar"), options.get("bot-java-opts"), env, Integer.parseInt(port),
        new File("bench/target/notice-bot-" + instance + ".log"));
  }

  /** {@code KEY=value KEY2=value2}: extra environment for both bots (outbox settings under test). */
  private static Map<String, String> parseEnv(String spec) {
    Map<String, String> env = new HashMap<>();
    for (String pair : spec.trim().split("\\s+")) {
      if (!pair.isEmpty()) {
        if (!pair.contains("=")) {
          throw new IllegalArgumentException("--bot-env: expected KEY=value, got " + pair);
        }
        env.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    return env;
  }
}
