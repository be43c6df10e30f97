package org.kehou.core.roster;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

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
    Optional<String> utf8 = strict(StandardCharsets.UTF_8, body.duplicate());
    if (utf8.isPresent() || bom) {
      return utf8;
    }
    return strict(GBK, body);
  }

  private static Optional<String> strict(Charset charset, ByteBuffer bytes) {
    try {
      return Optional.of(charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
