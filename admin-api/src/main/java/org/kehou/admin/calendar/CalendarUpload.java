package org.kehou.admin.calendar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.kehou.admin.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * A calendar file holds a line per special day of a term, a few kilobytes: anything beyond {@link #MAX_BYTES} is a
 * wrong file, refused with 413 after reading at most that much.
 */
final class CalendarUpload {

  static final int MAX_BYTES = 1024 * 1024;

  private CalendarUpload() {
  }

  static byte[] read(InputStream body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int total = 0;
    for (int n; (n = body.read(buffer)) != -1; ) {
      total += n;
      if (total > MAX_BYTES) {
        throw tooLarge();
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  static byte[] check(byte[] file) {
    if (file.length > MAX_BYTES) {
      throw tooLarge();
    }
    return file;
  }

  private static ApiException tooLarge() {
    return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "CALENDAR_TOO_LARGE", "calendar.tooLarge",
        Map.of("max", "1 MB"));
  }
}
