package org.kehou.bot.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A field that comes twice is refused, and the reader's work grows with the input's length, not its square. The large
 * inputs below are 2 MiB (the webhook takes 64 KiB): read linearly each takes milliseconds; a reader that searched the
 * rest of the input once per element, attribute or reference would need billions of steps, far beyond the generous
 * budget, so the budget can only be missed by quadratic work, never by a slow machine.
 */
class FlatXmlTests {

  private static final int LARGE = 2 * 1024 * 1024;
  private static final Duration GENEROUS = Duration.ofSeconds(20);

  @Test
  void aRepeatedFieldIsRefusedRatherThanOneCopyWinning() {
    assertThatThrownBy(() -> FlatXml.topLevelFields("<xml><FromUserName>o-parent</FromUserName>"
        + "<Content>状态</Content><FromUserName>o-someone-else</FromUserName></xml>"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeated element");
    assertThatThrownBy(() -> FlatXml.topLevelFields("<xml><Encrypt>a</Encrypt><Encrypt/></xml>"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeated element");
  }

  @Test
  void nestedElementsWithTheSameNameAsAFieldAreNotFields() {
    Map<String, String> fields = FlatXml.topLevelFields(
        "<xml><Event>CLICK</Event><Info><Event>inner</Event></Info></xml>");

    assertThat(fields).containsEntry("Event", "CLICK").containsEntry("Info", "");
  }

  @Test
  void thousandsOfAttributesInOneTagAreReadInLinearTime() {
    String tag = "<xml" + " a=\"1\"".repeat(LARGE / 6);
    refusedWithin(tag, "malformed start tag");
    parsedWithin(tag + "><Content>ok</Content></xml>", fields -> assertThat(fields).containsEntry("Content", "ok"));
  }

  @Test
  void deepNestingInsideAFieldIsReadInLinearTime() {
    int depth = LARGE / 8;
    parsedWithin("<xml><Content>" + "<a>".repeat(depth) + "</a>".repeat(depth) + "</Content></xml>",
        fields -> assertThat(fields).containsEntry("Content", ""));
    refusedWithin("<xml><Content>" + "<a>".repeat(depth), "element not closed");
  }

  @Test
  void manyReferencesAndCdataSectionsAreReadInLinearTime() {
    int count = LARGE / 16;
    parsedWithin("<xml><Content>" + "&amp;".repeat(count) + "</Content></xml>",
        fields -> assertThat(fields.get("Content")).hasSize(count).matches("&+"));
    parsedWithin("<xml><Content>" + "<![CDATA[x]]>".repeat(count) + "</Content></xml>",
        fields -> assertThat(fields.get("Content")).hasSize(count));
    refusedWithin("<xml><Content>" + "&".repeat(LARGE) + "</Content></xml>", "malformed reference");
    refusedWithin("<xml><Content>" + "&amp".repeat(count) + "</Content></xml>", "malformed reference");
  }

  @Test
  void manyFieldsCommentsAndUnclosedMarkupAreReadInLinearTime() {
    StringBuilder fields = new StringBuilder("<xml>");
    for (int i = 0; fields.length() < LARGE; i++) {
      fields.append("<f").append(i).append("/><!-- c -->");
    }
    parsedWithin(fields.append("</xml>").toString(),
        read -> assertThat(read).containsKey("f0").hasSizeGreaterThan(1000));
    refusedWithin("<xml><Content>" + "<!--".repeat(LARGE / 4), "comment not closed");
    refusedWithin("<xml>" + "<f/>".repeat(LARGE / 4) + "</xml>", "repeated element");
  }

  private static void parsedWithin(String xml, Consumer<Map<String, String>> check) {
    check.accept(assertTimeoutPreemptively(GENEROUS, () -> FlatXml.topLevelFields(xml)));
  }

  private static void refusedWithin(String xml, String why) {
    assertTimeoutPreemptively(GENEROUS, () -> {
      assertThatThrownBy(() -> FlatXml.topLevelFields(xml)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(why);
    });
  }
}
