package org.kehou.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** WeChat refuses a whole template message (47003) for one value over its field type's limit. */
class TemplateValuesTests {

  @Test
  void aLongThingIsShortenedToTwentyCharactersEndingInAnEllipsis() {
    String offering = "少儿编程与机器人创意搭建进阶课程周一三五班";

    String fitted = TemplateValues.fit("thing2", offering);

    assertThat(offering).hasSize(21);
    assertThat(fitted).hasSize(20).isEqualTo("少儿编程与机器人创意搭建进阶课程周一三…");
  }

  @Test
  void eachTypeKeepsToItsOwnLimit() {
    assertThat(TemplateValues.fit("phrase4", "未通过学校审核")).isEqualTo("未通过学校");
    assertThat(TemplateValues.fit("character_string3", "A".repeat(40))).isEqualTo("A".repeat(32));
    assertThat(TemplateValues.fit("name1", "阿卜杜热合曼·买买提艾力江")).hasSize(10).endsWith("…");
    assertThat(TemplateValues.fit("short_thing5", "课后服务报名")).isEqualTo("课后服务…");
    assertThat(TemplateValues.fit("time3", "2026-12-05 18:00")).isEqualTo("2026-12-05 18:00");
  }

  @Test
  void charactersOutsideTheBasicPlaneCountOnceAndAreNeverSplit() {
    String name = "𠮷".repeat(25);

    String fitted = TemplateValues.fit("thing1", name);

    assertThat(fitted.codePointCount(0, fitted.length())).isEqualTo(20);
    assertThat(fitted).isEqualTo("𠮷".repeat(19) + "…");
  }

  @Test
  void shortValuesAreLeftAsTheyAre() {
    assertThat(TemplateValues.fit("thing1", " 王小明 ")).isEqualTo("王小明");
    assertThat(TemplateValues.fit("thing1", null)).isEmpty();
  }
}
