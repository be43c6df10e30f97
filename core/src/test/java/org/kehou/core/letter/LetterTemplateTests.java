package org.kehou.core.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.kehou.core.school.Term;
import org.kehou.core.text.Texts;

class LetterTemplateTests {

  private final Texts texts = new Texts();

  private static Term term(LocalDate summerStart, LocalDate summerEnd, int feeFen) {
    return new Term(1, 1, "2026学年第一学期", LocalDate.of(2026, 9, 1), LocalDate.of(2027, 1, 20), summerStart,
        summerEnd, LocalTime.of(15, 30), LocalTime.of(17, 30), LocalTime.of(18, 0), feeFen, 3, 7);
  }

  @Test
  void letterRendersWordForWordAsTheGoldenCopy() throws IOException {
    Texts.Rendered letter = texts.document(LetterService.TEMPLATE, LetterService.values(texts, "阳光小学",
        term(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), 350)));

    assertThat(letter.text()).isEqualTo(golden("letter-golden.txt"));
  }

  @Test
  void letterFitsInOnePassiveWeChatReply() {
    String longest = texts.document(LetterService.TEMPLATE, LetterService.values(texts, "某某县某某镇第一中心小学附属分校",
        term(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 9, 30), 12345))).text();
    assertThat(longest.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
  }

  @Test
  void letterWithoutSummerDatesSaysTheSchoolWillAnnounceThem() {
    String text = texts.document(LetterService.TEMPLATE, LetterService.values(texts, "阳光小学", term(null, null, 400)))
        .text();
    assertThat(text).contains("由学校另行通知", "4.00元");
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = LetterTemplateTests.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
