package org.kehou.core.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Optional;

/** Bytes read in one charset or not at all: a wrong guess is an error, never mojibake stored or acted on. */
public final class StrictDecoding {

  private StrictDecoding() {
  }

  public static Optional<String> decode(Charset charset, ByteBuffer bytes) {
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
