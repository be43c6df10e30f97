package org.kehou.admin.records;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A file handed to staff: its type and a Chinese file name. The name goes as RFC 5987 {@code filename*} (UTF-8,
 * percent-encoded), which every current browser reads, beside a plain ASCII {@code filename} for older clients.
 */
final class Downloads {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  static final MediaType ZIP = MediaType.parseMediaType("application/zip");

  private Downloads() {
  }

  static <T> ResponseEntity<T> file(MediaType type, String asciiName, String name, T body) {
    return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noStore())
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition(asciiName, name)).body(body);
  }

  static String disposition(String asciiName, String name) {
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + encoded;
  }
}
