package org.kehou.bot.demo;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Same-origin door to the real admin API for the simulator's school panel, so the admin API needs no CORS. */
@RestController
@Profile("demo")
class AdminApiProxy {

  private static final String PREFIX = "/demo/admin-api";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  AdminApiProxy(@Value("${kehou.demo.admin-api-base:http://127.0.0.1:8082}") String base) {
    this.base = base.replaceAll("/+$", "");
  }

  @RequestMapping(PREFIX + "/**")
  ResponseEntity<byte[]> forward(HttpServletRequest request, @RequestBody(required = false) byte[] body)
      throws InterruptedException {
    String path = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
    String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
    HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(base + path + query)).timeout(Duration.ofSeconds(30))
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

  private static void copy(HttpServletRequest from, HttpRequest.Builder to, String header) {
    String value = from.getHeader(header);
    if (value != null) {
      to.header(header, value);
    }
  }
}
