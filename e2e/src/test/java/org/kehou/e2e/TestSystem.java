package org.kehou.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The parts the browser tests share: the database and Redis the packaged apps run on (KEHOU_DB_URL and KEHOU_REDIS_URL,
 * as .ci/run sets them), and the admin API started for the console's tests with a school and an admin of their own.
 */
final class TestSystem {

  static final String DB_URL = env("KEHOU_DB_URL",
      "jdbc:mysql://127.0.0.1:3306/kehou_h_e2e?createDatabaseIfNotExist=true&useUnicode=true&characterEncoding=utf8");
  static final String REDIS_URL = env("KEHOU_REDIS_URL", "redis://127.0.0.1:6379/8");

  private TestSystem() {
  }

  /**
   * The packaged admin API, healthy, its school and first admin those given. With -Dkehou.e2e.consoleFiles it serves
   * the console files `npm run build` last wrote instead of those in the jar, to iterate on the console.
   */
  static AppProcess adminApiFor(String schoolCode, String admin, String password) {
    int port = AppProcess.freePort();
    Map<String, String> env = new HashMap<>(Map.of("KEHOU_DB_URL", DB_URL, "KEHOU_REDIS_URL", REDIS_URL,
        "KEHOU_API_PORT", "" + port, "KEHOU_SCHOOL_CODE", schoolCode, "KEHOU_SCHOOL_NAME", "春晖路小学（演示）",
        "KEHOU_ADMIN_USERNAME", admin, "KEHOU_ADMIN_PASSWORD", password));
    String files = System.getProperty("kehou.e2e.consoleFiles", "");
    if (!files.isBlank()) {
      env.put("SPRING_WEB_RESOURCES_STATICLOCATIONS",
          "file:" + Path.of(files).toAbsolutePath() + "/,classpath:/static/");
    }
    AppProcess adminApi = AppProcess.start("admin-api", port, env);
    adminApi.awaitHealthy();
    return adminApi;
  }

  /** A connection to the apps' database, for what the tests seed as ./demo does (plain SQL) and read back. */
  static Connection db() throws SQLException {
    return DriverManager.getConnection(DB_URL, env("KEHOU_DB_USER", "root"), env("KEHOU_DB_PASSWORD", ""));
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
