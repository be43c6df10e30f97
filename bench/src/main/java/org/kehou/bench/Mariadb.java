package org.kehou.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Statements through the mariadb client, so the driver needs no JDBC driver (plain JDK). */
record Mariadb(String database) {

  /** Runs the statements; a refused connection (the server's connection limit, shared with others) is tried again. */
  String run(String sql) throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return once(sql);
      } catch (IOException e) {
        if (attempt == 240 || !e.getMessage().contains("Too many connections")) {
          throw e;
        }
        Thread.sleep(250);
      }
    }
  }

  private String once(String sql) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(List.of("mariadb", "-uroot", "-h127.0.0.1", "-N", "-B",
        "--default-character-set=utf8mb4", database, "-e", sql)).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (process.waitFor() != 0) {
      throw new IOException("mariadb failed: " + out);
    }
    return out;
  }

  int count(String sql) throws IOException, InterruptedException {
    return Integer.parseInt(run(sql));
  }
}
