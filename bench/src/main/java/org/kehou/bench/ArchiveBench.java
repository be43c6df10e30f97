package org.kehou.bench;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Issue 15: the term archive of a whole school. Starts the admin API once (schema, school, admin), seeds a term of
 * {@link ArchiveSchool} straight into the database, starts the admin API again, asks for the term's archive as the
 * school admin and follows its progress until it is done (noting when each part started), then downloads the ZIP and
 * counts its files. See bench/README.md ("The term archive").
 */
public final class ArchiveBench {

  private static final String PASSWORD = "archive-bench-pass";
  private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"[^\"]*\"|[-\\d]+|null)");

  private ArchiveBench() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        System.err.println("archive bench: expected --key=value, got " + arg);
        System.exit(2);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    PrintStream log = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int children = Integer.parseInt(options.getOrDefault("children", "2000"));
    int weeks = Integer.parseInt(options.getOrDefault("weeks", "18"));
    int timeout = Integer.parseInt(options.getOrDefault("timeout", "300"));
    double target = Double.parseDouble(options.getOrDefault("target", "60"));
    int port = Integer.parseInt(options.get("api-port"));
    ArchiveSchool school = new ArchiveSchool(children, weeks,
        LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1));
    Mariadb db = new Mariadb(options.get("db"));
    Map<String, String> env = new HashMap<>();
    env.put("KEHOU_DB_URL", "jdbc:mysql://127.0.0.1:3306/" + options.get("db")
        + "?createDatabaseIfNotExist=true&useUnicode=true&characterEncoding=utf8");
    env.put("KEHOU_REDIS_URL", options.get("redis-url"));
    env.put("KEHOU_API_PORT", String.valueOf(port));
    env.put("KEHOU_SCHOOL_CODE", ArchiveSchool.CODE);
    env.put("KEHOU_SCHOOL_NAME", "归档测试小学");
    env.put("KEHOU_ADMIN_USERNAME", "archive-admin");
    env.put("KEHOU_ADMIN_PASSWORD", PASSWORD);
    File apiLog = new File("bench/target/archive-api.log");
    log.printf("archive bench: first start of the admin API on port %d (schema, school, admin)%n", port);
    try (JarProcess first = JarProcess.start(options.get("api-jar"), options.get("api-java-opts"), env, port,
        apiLog)) {
      log.println("archive bench: schema in place");
    }
    long seedStart = System.nanoTime();
    school.seed(db);
    String[] counts = school.counts(db).split("\\s+");
    log.printf(Locale.ROOT, "archive bench: seeded %d children, %s to %s, in %.1f s; starting the admin API again%n",
        children, school.firstDay(), school.lastDay(), (System.nanoTime() - seedStart) / 1e9);
    try (JarProcess api = JarProcess.start(options.get("api-jar"), options.get("api-java-opts"), env, port,
        apiLog)) {
      AdminApi http = new AdminApi(port);
      String token = http.login("archive-admin", PASSWORD);
      long asked = System.nanoTime();
      Map<String, String> started = fields(http.json("POST", "/api/v1/terms/1/archive", token, null, 202));
      String id = started.get("archiveId");
      Map<String, Double> partStarts = new LinkedHashMap<>();
      Map<String, String> status = started;
      long deadline = asked + Duration.ofSeconds(timeout).toNanos();
      while (!"\"DONE\"".equals(status.get("state")) && !"\"FAILED\"".equals(status.get("state"))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the archive is not done after " + timeout + " s: " + status);
        }
        Thread.sleep(100);
        status = fields(http.json("GET", "/api/v1/archives/" + id, token, null, 200));
        String part = status.get("currentPart");
        if (part != null && !"null".equals(part)) {
          partStarts.putIfAbsent(part.replace("\"", ""), (System.nanoTime() - asked) / 1e9);
        }
      }
      double built = (System.nanoTime() - asked) / 1e9;
      if (!"\"DONE\"".equals(status.get("state"))) {
        throw new IllegalStateException("the archive failed: " + status + "; see " + apiLog);
      }
      long downloadStart = System.nanoTime();
      HttpResponse<InputStream> zip = http.http().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
          + "/api/v1/archives/" + id + "/download")).header("Authorization", "Bearer " + token).GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
      int files = 0;
      long bytes = 0;
      try (ZipInputStream in = new ZipInputStream(zip.body(), StandardCharsets.UTF_8)) {
        for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          files++;
          bytes += in.transferTo(OutputStream.nullOutputStream());
        }
      }
      double downloaded = (System.nanoTime() - downloadStart) / 1e9;
      print(new PrintStream(System.out, true, StandardCharsets.UTF_8), school, counts, partStarts, built, status,
          files, bytes, downloaded, target);
    }
  }

  private static void print(PrintStream out, ArchiveSchool school, String[] counts, Map<String, Double> parts,
      double built, Map<String, String> status, int files, long unpacked, double downloaded, double target) {
    out.printf(Locale.ROOT, "Term archive: a school of %d children, %d weeks (%s to %s, %s service days), 6 homework "
        + "groups every weekday and a club twice a week; admin API -Xmx256m%n", school.children(), school.weeks(),
        school.firstDay(), school.lastDay(), counts[6]);
    out.printf(Locale.ROOT, "seeded: %s roll-call marks, %s hand-overs, %s absence cases, %s leave days, %s notice "
        + "recipients, %s fee statements, %d signed agreements%n%n", counts[0], counts[1], counts[2], counts[3],
        counts[4], counts[5], school.children());
    out.println("part           | started at s | took s");
    out.println("---------------+--------------+-------");
    String[] names = parts.keySet().toArray(String[]::new);
    for (int i = 0; i < names.length; i++) {
      double from = parts.get(names[i]);
      double to = i + 1 < names.length ? parts.get(names[i + 1]) : built;
      out.printf(Locale.ROOT, "%-14s | %12.2f | %6.2f%n", names[i], from, to - from);
    }
    out.printf(Locale.ROOT, "%nrequest to DONE: %.2f s; %s files, ZIP %s bytes (%d bytes unpacked), downloaded in "
        + "%.2f s (target < %.0f s: %s)%n", built, status.get("files"), status.get("sizeBytes"), unpacked, downloaded,
        target, built < target && files == Integer.parseInt(status.get("files")) ? "met" : "NOT met");
    out.printf("(part times are as seen by polling every 100 ms; a part shorter than that may not show)%n");
  }

  private static Map<String, String> fields(String json) {
    Map<String, String> fields = new HashMap<>();
    Matcher m = FIELD.matcher(json);
    while (m.find()) {
      fields.put(m.group(1), m.group(2));
    }
    return fields;
  }
}
