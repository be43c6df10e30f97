package org.kehou.core.roster;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.kehou.core.text.StrictDecoding;

/**
 * Excel in China saves CSV as GBK unless told otherwise, and as UTF-8 with a BOM when it is: a file that is not valid
 * UTF-8 is read as GBK. Strict decoding on both sides, so a wrong guess is an error rather than mojibake in the database.
 */
final class RosterDecoder {

  private static final Charset GBK = Charset.forName("GBK");

  private RosterDecoder() {
  }

  static Optional<String> decode(byte[] bytes) {
    boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF;
    ByteBuffer body = bom ? ByteBuffer.wrap(bytes, 3, bytes.length - 3) : ByteBuffer.wrap(bytes);
    Optional<String> utf8 = StrictDecoding.decode(StandardCharsets.UTF_8, body.duplicate());
    if (utf8.isPresent() || bom) {
      return utf8;
    }
    return StrictDecoding.decode(GBK, body);
  }
}
