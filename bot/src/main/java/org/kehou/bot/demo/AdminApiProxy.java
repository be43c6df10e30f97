package org.kehou.bot.demo;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Same-origin door to the real admin API for the simulator's school panel, so the admin API needs no CORS. It reaches
 * the configured admin API's {@code /api/v1} and nothing else: no other host, no other path, whatever the request says.
 */
@RestController
@Profile("demo")
class AdminApiProxy {

  private static final String PREFIX = "/demo/admin-api";
  /** Plain path segments only: no dot segments, no encoded slashes or dots, nothing that could start an authority. */
  private static final Pattern API_PATH = Pattern.compile("/api/v1(?:/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final URI base;

  AdminApiProxy(@Value("${kehou.demo.admin-api-base:http://127.0.0.1:8082}") String base) {
    URI configured = URI.create(base.replaceAll("/+$", ""));
    this.base = URI.create(configured.getScheme() + "://" + configured.getRawAuthority());
  }

  @RequestMapping(PREFIX + "/**")
  ResponseEntity<byte[]> forward(HttpServletRequest request, @RequestBody(required = false) byte[] body)
      throws InterruptedException {
    String path = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
    URI target = target(path, request.getQueryString());
    if (target == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    HttpRequest.Builder out = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
        .method(request.getMethod(), body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    copy(request, out, HttpHeaders.AUTHORIZATION);
    copy(request, out, HttpHeaders.CONTENT_TYPE);
    copy(request, out, HttpHeaders.ACCEPT);
    try {
      HttpResponse<byte[]> answer = http.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
      ResponseEntity.BodyBuilder reply = ResponseEntity.status(answer.statusCode());
      answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).ifPresent(t -> reply.header(HttpHeaders.CONTENT_TYPE, t));
      return reply.body(answer.body());
    } catch (IOException e) {
      return ResponseEntity.status(HttpStatus.BAD_GATEWAY).build();
    }
  }

  /** The admin API URL for this path and query, or null when the path is not one of the API's. */
  URI target(String rawPath, String rawQuery) {
    if (!API_PATH.matcher(rawPath).matches()) {
      return null;
    }
    URI target;
    try {
      target = URI.create(base + rawPath + (rawQuery == null ? "" : "?" + rawQuery));
    } catch (IllegalArgumentException e) {
      return null;
    }
    boolean sameServer = Objects.equals(target.getRawAuthority(), base.getRawAuthority())
        && Objects.equals(target.getScheme(), base.getScheme()) && rawPath.equals(target.getRawPath());
    return sameServer ? target : null;
  }

  private static void copy(HttpServletRequest from, HttpRequest.Builder to, String header) {
    String value = from.getHeader(header);
    if (value != null) {
      to.header(header, value);
    }
  }
}
