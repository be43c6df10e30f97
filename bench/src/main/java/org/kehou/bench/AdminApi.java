package org.kehou.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The few calls of the admin API the absence and notice benches make, as staff would through the web UI (JSON by hand). */
final class AdminApi {

  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  AdminApi(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** Logs in and answers the bearer token. */
  String login(String username, String password) throws IOException, InterruptedException {
    String body = call("POST", "/api/v1/auth/login", null,
        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", 200);
    return first(TOKEN, body, "token");
  }

  /** A duty-teacher account created by the admin; answers its id. */
  long createTeacher(String adminToken, String username, String displayName, String password)
      throws IOException, InterruptedException {
    String body = call("POST", "/api/v1/staff", adminToken, "{\"username\":\"" + username + "\",\"displayName\":\""
        + displayName + "\",\"password\":\"" + password + "\",\"role\":\"DUTY_TEACHER\"}", 201);
    return Long.parseLong(first(ID, body, "id"));
  }

  /** The session's roll call as the teacher sees it (nothing saved). */
  void readRollCall(String token, long offeringId, LocalDate date) throws IOException, InterruptedException {
    call("GET", path(offeringId, date), token, null, 200);
  }

  /** Saves the roll call: every child on the roster present except {@code absent}. */
  HttpRequest rollCall(String token, long offeringId, LocalDate date, List<Long> absent) {
    String json = "{\"allPresentExcept\":[" + absent.stream().map(String::valueOf).collect(Collectors.joining(","))
        + "]}";
    return request("PUT", path(offeringId, date), token, json);
  }

  /** Any call with a JSON body (or none), answering the body; anything but {@code expected} is an IOException. */
  String json(String method, String path, String token, String json, int expected)
      throws IOException, InterruptedException {
    return call(method, path, token, json, expected);
  }

  HttpClient http() {
    return http;
  }

  private static String path(long offeringId, LocalDate date) {
    return "/api/v1/sessions/" + offeringId + "/" + date + "/roll-call";
  }

  private String call(String method, String path, String token, String json, int expected)
      throws IOException, InterruptedException {
    HttpResponse<String> answer = http.send(request(method, path, token, json), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != expected) {
      throw new IOException(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
    }
    return answer.body();
  }

  private HttpRequest request(String method, String path, String token, String json) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder.build();
  }

  private static String first(Pattern pattern, String body, String what) throws IOException {
    Matcher matcher = pattern.matcher(body);
    if (!matcher.find()) {
      throw new IOException("no " + what + " in " + body);
    }
    return matcher.group(1);
  }
}
