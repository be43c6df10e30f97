package org.kehou.admin.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.kehou.admin.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Reads a roster sent as the raw request body, never more than the limit the multipart upload has too: a larger body
 * is refused with 413 after at most that many bytes, so a wrong or hostile upload cannot fill the memory.
 */
@Component
class RosterUpload {

  private final DataSize limit;

  RosterUpload(@Value("${kehou.roster.max-file-size:10MB}") DataSize limit) {
    this.limit = limit;
  }

  byte[] read(InputStream body) throws IOException {
    long max = limit.toBytes();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int n; (n = body.read(buffer)) != -1; ) {
      total += n;
      if (total > max) {
        throw tooLarge();
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  ApiException tooLarge() {
    return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "ROSTER_TOO_LARGE", "roster.tooLarge",
        Map.of("max", readable(limit)));
  }

  static String readable(DataSize size) {
    long bytes = size.toBytes();
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return size.toMegabytes() + " MB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return size.toKilobytes() + " KB";
    }
    return bytes + " B";
  }
}
