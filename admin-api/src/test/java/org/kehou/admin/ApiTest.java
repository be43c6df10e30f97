package org.kehou.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.kehou.core.GeneratedId;
import org.kehou.core.school.SchoolMapper;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.kehou.core.staff.StaffService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** Base of the API tests: each test makes its own school with unique codes and usernames. */
@AutoConfigureTestRestTemplate
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTest {

  public static final String PASSWORD = "correct-horse-battery";

  @Autowired
  protected TestRestTemplate http;
  @Autowired
  protected JdbcTemplate jdbc;
  @Autowired
  protected SchoolMapper schools;
  @Autowired
  protected StaffService staffService;
  @Autowired
  protected RedisClient redis;

  /**
   * Failed-login counters live in Redis, keyed by staff id and address (LoginThrottle). Each test run has a fresh
   * database whose staff ids start again at 1, while Redis keeps the counters of an earlier run for their window: every
   * test starts with none, so neither an earlier run nor an earlier test locks a new account out.
   */
  @BeforeEach
  void noFailedLoginsLeftOver() {
    ScanParams failures = new ScanParams().match("kehou:auth:failures:*").count(500);
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = redis.scan(cursor, failures);
      if (!page.getResult().isEmpty()) {
        redis.del(page.getResult().toArray(String[]::new));
      }
      cursor = page.getCursor();
    } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
  }

  protected static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  protected long newSchool() {
    GeneratedId key = new GeneratedId();
    schools.insertSchool(unique("s"), "Test school", key);
    return key.value();
  }

  protected Staff newStaff(long schoolId, StaffRole role) {
    return staffService.create(schoolId, unique("u"), "Teacher", PASSWORD, role);
  }

  protected String login(Staff staff) {
    ResponseEntity<Map> response = http.postForEntity("/api/v1/auth/login",
        Map.of("username", staff.username(), "password", PASSWORD), Map.class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return (String) response.getBody().get("token");
  }

  protected String adminToken(long schoolId) {
    return login(newStaff(schoolId, StaffRole.SCHOOL_ADMIN));
  }

  protected static HttpHeaders bearer(String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  protected <T> ResponseEntity<T> call(HttpMethod method, String path, String token, Object body, Class<T> type) {
    return http.exchange(path, method, new HttpEntity<>(body, bearer(token)), type);
  }

  protected ResponseEntity<Map> importRoster(String token, String csv) {
    HttpHeaders headers = bearer(token);
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    ResponseEntity<Map> response = http.exchange("/api/v1/roster/import", HttpMethod.POST,
        new HttpEntity<>(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers), Map.class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response;
  }

  protected long classId(long schoolId, String name) {
    return jdbc.queryForObject("SELECT id FROM school_class WHERE school_id = ? AND name = ?", Long.class, schoolId, name);
  }

  protected ResponseEntity<Map> get(String path, String token) {
    return call(HttpMethod.GET, path, token, null, Map.class);
  }

  protected ResponseEntity<Map> post(String path, String token, Object body) {
    return call(HttpMethod.POST, path, token, body, Map.class);
  }
}
