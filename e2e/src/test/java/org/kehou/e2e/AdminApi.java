package org.kehou.e2e;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The admin API over plain HTTP, as ./demo's curl calls use it: every call must succeed, else the test fails loudly. */
final class AdminApi {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private String token = "";

  AdminApi(String base) {
    this.base = base + "/api/v1";
  }

  void logIn(String username, String password) {
    token = JsonPath.read(post("/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"),
        "$.token");
  }

  String get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  String post(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  String put(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  String postCsv(String path, byte[] csv) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofByteArray(csv)));
  }

  /** A GET the API must refuse: answers its problem details' {@code detail}, as the API words it. */
  String refusal(String path) {
    return refusal(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** A PUT the API must refuse: answers its problem details' {@code detail}. */
  String refusalOfPut(String path, String json) {
    return refusal(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  private String refusal(HttpRequest.Builder request) {
    HttpRequest built = request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
    try {
      HttpResponse<String> answer = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (answer.statusCode() / 100 == 2) {
        throw new AssertionError(built.method() + " " + built.uri() + " was not refused: " + answer.body());
      }
      return JsonPath.read(answer.body(), "$.detail");
    } catch (IOException e) {
      throw new UncheckedIOException(built.method() + " " + built.uri() + ": no answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String send(HttpRequest.Builder request) {
    HttpRequest built = request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
    try {
      HttpResponse<String> answer = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (answer.statusCode() / 100 != 2) {
        throw new AssertionError(built.method() + " " + built.uri() + " answered " + answer.statusCode() + ": "
            + answer.body());
      }
      return answer.body();
    } catch (IOException e) {
      throw new UncheckedIOException(built.method() + " " + built.uri() + ": no answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
