package org.kehou.core.binding;

import java.time.LocalDateTime;

/**
 * A slip's QR code to create: the ticket's scene is the binding code, and it may not outlast the code. The code is a
 * secret as good as a key to the family's data: never log this record.
 */
public record SlipQrRequest(long id, String code, LocalDateTime codeExpiresAt, int attempts) {

  @Override
  public String toString() {
    return "SlipQrRequest[id=" + id + ", attempts=" + attempts + "]";
  }
}
