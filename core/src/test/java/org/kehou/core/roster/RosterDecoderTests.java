package org.kehou.core.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RosterDecoderTests {

  static final String TEXT = "年级,班级\n三年级,2班\n";

  @Test
  void utf8WithAndWithoutBomAndGbkAllDecodeToTheSameText() {
    byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[utf8.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, bom, 3, utf8.length);

    assertThat(RosterDecoder.decode(utf8)).contains(TEXT);
    assertThat(RosterDecoder.decode(bom)).contains(TEXT);
    assertThat(RosterDecoder.decode(TEXT.getBytes(Charset.forName("GBK")))).contains(TEXT);
  }

  @Test
  void bytesThatAreNeitherUtf8NorGbkAreRefused() {
    assertThat(RosterDecoder.decode(new byte[] {(byte) 0xFF, (byte) 0xFF})).isEmpty();
  }
}
