package org.kehou.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outbox's fan-out: due rows handed to a fake WeChat API that answers every send after a fixed delay, drained by the
 * bot jar (started here, once per run, with its own outbox settings) one message at a time and then concurrently.
 * See bench/README.md ("Outbox fan-out").
 */
public final class OutboxBench {

  record Run(String name, String label, int rows, int concurrency, int maxPerSecond) {
  }

  record Measured(Run run, int delivered, int duplicated, int sentInDb, double seconds, double insertSeconds,
      int maxInFlight) {
    double rowsPerSecond() {
      return sentInDb / seconds;
    }
  }

  private OutboxBench() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        System.err.println("outbox bench: expected --key=value, got " + arg);
        System.exit(2);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    PrintStream log = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    Mariadb db = new Mariadb(options.get("db"));
    int rows = Integer.parseInt(options.getOrDefault("rows", "10000"));
    List<Run> runs = List.of(
        new Run("serial", "one at a time", Integer.parseInt(options.getOrDefault("serial-rows", "500")), 1, 0),
        new Run("fanout", "concurrent", rows, Integer.parseInt(options.getOrDefault("concurrency", "192")),
            Integer.parseInt(options.getOrDefault("max-per-second", "2000"))));
    long delay = Long.parseLong(options.getOrDefault("delay-ms", "50"));
    List<Measured> results = new ArrayList<>();
    try (FakeWeChat wechat = new FakeWeChat(Integer.parseInt(options.getOrDefault("api-port", "0")), delay)) {
      log.printf("outbox bench: fake WeChat API on 127.0.0.1:%d, %d ms a send%n", wechat.port(), delay);
      boolean seeded = false;
      for (Run run : runs) {
        Process bot = startBot(options, run, wechat.port(), log);
        try {
          if (!seeded) {
            seed(db);
            seeded = true;
          }
          results.add(measure(run, db, wechat, log));
        } finally {
          bot.destroy();
          if (!bot.waitFor(Duration.ofSeconds(60).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            bot.destroyForcibly();
          }
        }
      }
    }
    print(new PrintStream(System.out, true, StandardCharsets.UTF_8), results, delay,
        options.getOrDefault("batch-size", "100"));
  }

  private static Process startBot(Map<String, String> options, Run run, int apiPort, PrintStream log)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("java", "-Xmx256m"));
    String extra = options.getOrDefault("bot-java-opts", "").trim();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    command.addAll(List.of("-jar", options.get("bot-jar")));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(new File("bench/target/outbox-bot-" + run.name() + ".log"));
    Map<String, String> env = builder.environment();
    env.put("KEHOU_DB_URL", "jdbc:mysql://127.0.0.1:3306/" + options.get("db")
        + "?createDatabaseIfNotExist=true&useUnicode=true&characterEncoding=utf8");
    env.put("KEHOU_REDIS_URL", options.get("redis-url"));
    env.put("KEHOU_BOT_PORT", options.get("bot-port"));
    env.put("KEHOU_WECHAT_TOKEN", "kehou-outbox-bench");
    env.put("KEHOU_WECHAT_APP_ID", "wxoutboxbench0000");
    env.put("KEHOU_WECHAT_SECRET", "outbox-bench-secret");
    env.put("KEHOU_WECHAT_API_BASE", "http://127.0.0.1:" + apiPort);
    env.put("KEHOU_OUTBOX_CONCURRENCY", String.valueOf(run.concurrency()));
    env.put("KEHOU_OUTBOX_MAXPERSECOND", String.valueOf(run.maxPerSecond()));
    env.put("KEHOU_OUTBOX_BATCHSIZE", options.getOrDefault("batch-size", "100"));
    env.put("KEHOU_OUTBOX_POLLINTERVAL", options.getOrDefault("poll-interval", "200ms"));
    log.printf("outbox bench: starting the bot for '%s' (concurrency %d) on port %s%n", run.label(),
        run.concurrency(), options.get("bot-port"));
    Process bot = builder.start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI health = URI.create("http://127.0.0.1:" + options.get("bot-port") + "/actuator/health");
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      if (!bot.isAlive()) {
        throw new IllegalStateException("the bot exited during start; see bench/target/outbox-bot-" + run.name()
            + ".log");
      }
      try {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(health).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        if (answer.body().contains("\"UP\"")) {
          return bot;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    bot.destroyForcibly();
    throw new IllegalStateException("the bot is not healthy after 180 s");
  }

  /** A school with 1,000 guardians, each bound to WeChat (the outbox rows refer to them). */
  private static void seed(Mariadb db) throws IOException, InterruptedException {
    db.run("INSERT INTO school (id, code, name) VALUES (1, 'OBENCH', 'Outbox Bench School');"
        + "INSERT INTO guardian (id, school_id, name, phone) SELECT seq, 1, CONCAT('Parent ', seq), "
        + "CONCAT('139', LPAD(seq, 8, '0')) FROM seq_1_to_1000;"
        + "INSERT INTO wechat_binding (openid, guardian_id) SELECT CONCAT('obench-', LPAD(seq, 4, '0')), seq "
        + "FROM seq_1_to_1000;");
  }

  private static Measured measure(Run run, Mariadb db, FakeWeChat wechat, PrintStream log)
      throws IOException, InterruptedException {
    wechat.takeMaxInFlight();
    String key = "outbox-bench:" + run.name() + ":";
    long start = System.nanoTime();
    // Due long ago, so every row is due the moment the insert commits.
    db.run("INSERT INTO outbox_message (school_id, guardian_id, openid, kind, dedup_key, body, state, "
        + "next_attempt_at, created_at) SELECT 1, 1 + (seq - 1) % 1000, CONCAT('obench-', LPAD(1 + (seq - 1) % 1000, 4, "
        + "'0')), 'bench', CONCAT('" + key + "', seq), CONCAT('Kehou notice " + key + "', seq, ';'), 'PENDING', "
        + "'2000-01-01', NOW(3) FROM seq_1_to_" + run.rows());
    double insertSeconds = (System.nanoTime() - start) / 1e9;
    log.printf(Locale.ROOT, "outbox bench: %d rows due for '%s' (insert took %.2f s)%n", run.rows(), run.label(),
        insertSeconds);
    long deadline = start + Duration.ofMinutes(20).toNanos();
    int sent = 0;
    while (System.nanoTime() < deadline) {
      if (wechat.tally(run.name()).distinct() >= run.rows()) {
        sent = db.count("SELECT COUNT(*) FROM outbox_message WHERE dedup_key LIKE '" + key + "%' AND state = 'SENT'");
        if (sent >= run.rows()) {
          break;
        }
      }
      Thread.sleep(50);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    FakeWeChat.Tally tally = wechat.tally(run.name());
    log.printf(Locale.ROOT, "outbox bench: '%s': %d delivered, %d SENT in %.2f s%n", run.label(), tally.distinct(),
        sent, seconds);
    return new Measured(run, tally.distinct(), tally.duplicated(), sent, seconds, insertSeconds,
        wechat.takeMaxInFlight());
  }

  private static void print(PrintStream out, List<Measured> results, long delay, String batchSize) {
    out.printf("Outbox fan-out: fake WeChat API answering every send after %d ms; bot -Xmx256m, batch size %s%n%n",
        delay, batchSize);
    out.println("sender        | concurrency | max/s |  rows | delivered | duplicates | SENT in db | seconds |  rows/s "
        + "| max in flight");
    out.println("--------------+-------------+-------+-------+-----------+------------+------------+---------+---------"
        + "+--------------");
    for (Measured m : results) {
      out.printf(Locale.ROOT, "%-13s | %11d | %5s | %5d | %9d | %10d | %10d | %7.2f | %7.1f | %13d%n",
          m.run().label(), m.run().concurrency(), m.run().maxPerSecond() == 0 ? "none" : m.run().maxPerSecond(),
          m.run().rows(), m.delivered(), m.duplicated(), m.sentInDb(), m.seconds(), m.rowsPerSecond(),
          m.maxInFlight());
    }
    Measured serial = results.get(0);
    Measured fanout = results.get(1);
    double speedUp = fanout.rowsPerSecond() / serial.rowsPerSecond();
    boolean complete = fanout.sentInDb() == fanout.run().rows() && fanout.duplicated() == 0;
    out.printf(Locale.ROOT, "%nseconds: from the start of the INSERT of the due rows (%.2f s and %.2f s of it) until the"
        + " last row is SENT in the database%n", serial.insertSeconds(), fanout.insertSeconds());
    out.printf(Locale.ROOT, "one at a time, extrapolated to %d rows: %.0f s%n", fanout.run().rows(),
        fanout.run().rows() / serial.rowsPerSecond());
    out.printf(Locale.ROOT, "%d rows concurrently in %.2f s (target <= 10 s, all delivered once: %s)%n",
        fanout.run().rows(), fanout.seconds(), complete && fanout.seconds() <= 10 ? "met" : "NOT met");
    out.printf(Locale.ROOT, "speed-up over one at a time: %.1fx (target >= 40x: %s)%n", speedUp,
        speedUp >= 40 ? "met" : "NOT met");
  }
}
