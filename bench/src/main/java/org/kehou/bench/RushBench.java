package org.kehou.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sign-up rush of issue 10: thousands of bound parents who have read the letter run the whole 报名 conversation
 * (报名, the numbers, 确认) at the moment sign-up opens, open loop, against the running bot; then the database is
 * checked. See bench/README.md ("The sign-up rush").
 */
public final class RushBench {

  /** One measured run: a window, an allocation mode, its own school. */
  record Run(String allocation, int windowSeconds, RushSchool school) {

    boolean atClose() {
      return allocation.equals("at-close");
    }
  }

  /** What a run gave: the driver's figures and the database afterwards; both null when the build cannot run it. */
  record Measured(Run run, RushDriver.Outcome outcome, RushCheck check) {
  }

  private RushBench() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        System.err.println("rush: expected --key=value, got " + arg);
        System.exit(2);
      }
      o.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    PrintStream log = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int parents = number(o, "parents", 3000);
    String allocation = o.getOrDefault("allocation", "both");
    if (!List.of("first-come", "at-close", "both").contains(allocation)) {
      throw new IllegalArgumentException("allocation must be first-come, at-close or both, not " + allocation);
    }
    List<Integer> windows = Arrays.stream(o.getOrDefault("windows", "60,10").split(",")).map(String::trim)
        .map(Integer::valueOf).toList();
    Mariadb db = new Mariadb(o.get("db"));
    ReplyTemplates templates = ReplyTemplates.load(Path.of(o.getOrDefault("templates",
        "templates/src/main/resources/kehou/templates/zh-CN/messages.properties")));
    SignedMessages messages = new SignedMessages(o.getOrDefault("token", "kehou-bench-token"),
        o.getOrDefault("to-user", "gh_kehou_bench"), RushParent.APPLY_WORD);
    long botPid = Long.parseLong(o.getOrDefault("bot-pid", "0"));
    // Issue 10's allocation at close adds these two columns; a build without them cannot run the at-close rush.
    boolean atCloseBuilt = db.count("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() "
        + "AND table_name = 'offering' AND column_name IN ('allocation', 'closes_at')") == 2;

    List<Run> runs = new ArrayList<>();
    for (String mode : allocation.equals("both") ? List.of("first-come", "at-close") : List.of(allocation)) {
      for (int window : windows) {
        int id = 100 + runs.size();
        runs.add(new Run(mode, window, new RushSchool(id, mode + " " + window + " s", parents, mode.equals("at-close"))));
      }
    }
    int warmupParents = number(o, "warmup-parents", 500);
    RushSchool warmup = new RushSchool(99, "warm-up", warmupParents, false);
    List<RushSchool> schools = new ArrayList<>();
    if (warmupParents > 0) {
      schools.add(warmup);
    }
    runs.stream().filter(r -> atCloseBuilt || !r.atClose()).forEach(r -> schools.add(r.school()));
    for (RushSchool school : schools) {
      school.seed(db);
      showLetterOnce(o, messages, templates, school);
      log.printf("rush: seeded %s (school %d): %d bound parents, %d letter receipts%n", school.label(), school.id(),
          school.parents(), school.receipts(db));
    }

    RushDriver.Plan first = plan(o, number(o, "warmup-seconds", 15), "expect-first-come");
    if (warmupParents > 0) {
      RushDriver.Outcome w = RushDriver.run(first, warmup, messages, templates, botPid);
      log.printf(Locale.ROOT, "rush: warm-up, %d conversations over %d s: %d confirmed, %d errors%n", warmupParents,
          first.windowSeconds(), w.confirmed(), w.all().errorCount());
    }
    List<Measured> results = new ArrayList<>();
    for (Run run : runs) {
      if (run.atClose() && !atCloseBuilt) {
        results.add(new Measured(run, null, null));
        continue;
      }
      Thread.sleep(number(o, "pause", 5) * 1000L);
      RushDriver.Plan plan = plan(o, run.windowSeconds(), run.atClose() ? "expect-at-close" : "expect-first-come");
      log.printf("rush: %s ...%n", run.school().label());
      RushDriver.Outcome outcome = RushDriver.run(plan, run.school(), messages, templates, botPid);
      RushCheck check = RushCheck.of(db, run.school(), outcome.chosen());
      log.printf(Locale.ROOT, "rush: %s: p99 %.1f ms, %d errors%n", run.school().label(),
          Result.percentile(outcome.all().okMicros(), 0.99), outcome.all().errorCount());
      results.add(new Measured(run, outcome, check));
    }
    RushReport.print(new PrintStream(System.out, true, StandardCharsets.UTF_8), first, parents, results);
  }

  private static RushDriver.Plan plan(Map<String, String> o, int windowSeconds, String expectKey) {
    // Per step, the template keys its reply may come from: steps separated by ',', alternatives by '|'.
    List<List<String>> expect = Arrays.stream(o.getOrDefault(expectKey, "apply.list,apply.summary,apply.submitted")
        .split(",")).map(step -> List.of(step.trim().split("\\|"))).toList();
    if (expect.size() != RushParent.Step.values().length) {
      throw new IllegalArgumentException(expectKey + " needs one entry per step (apply, pick, confirm)");
    }
    return new RushDriver.Plan("127.0.0.1", number(o, "port", 18081), number(o, "connections", 200), windowSeconds,
        number(o, "think-ms", 0), number(o, "timeout-ms", 5000), number(o, "drain", 60),
        number(o, "seed", 1), expect);
  }

  /** The bot archives the letter the first time it shows it; the receipts then point at that version. */
  private static void showLetterOnce(Map<String, String> o, SignedMessages messages, ReplyTemplates templates,
      RushSchool school) throws IOException {
    SignedMessages.Request request = messages.text(RushDriver.PORTAL, school.openid(0), "\u544a\u5bb6\u957f\u4e66");
    try (HttpConnection connection = new HttpConnection("127.0.0.1", number(o, "port", 18081), 10_000)) {
      HttpConnection.Response response = connection.post(request.pathAndQuery(), request.body());
      String text = ReplyTemplates.content(response.body());
      if (response.status() != 200 || text == null || templates.matches(text, "letter.none")
          || templates.matches(text, "binding.needed")) {
        throw new IllegalStateException("the bot did not show the letter to " + school.openid(0) + ": HTTP "
            + response.status() + " " + response.body());
      }
    }
  }

  private static int number(Map<String, String> o, String key, int fallback) {
    String value = o.get(key);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }
}
