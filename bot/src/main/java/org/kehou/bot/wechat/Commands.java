package org.kehou.bot.wechat;

import java.util.regex.Pattern;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Component;

/** The words parents type, from the templates so that the bot and its help text never disagree. */
@Component
public class Commands {

  private final Texts texts;

  Commands(Texts texts) {
    this.texts = texts;
  }

  /** The command word itself, e.g. {@code word("apply")}. */
  public String word(String command) {
    return texts.message("command." + command);
  }

  /** The word followed by anything: {@code 绑定 ABCD2345}, {@code 绑定ABCD2345}. */
  String withArgument(String command) {
    return Pattern.quote(word(command)) + "(?:\\s*\\S.*)?";
  }

  /** The word alone or followed by a number: {@code 切换}, {@code 切换 2}. */
  String withNumber(String command) {
    return Pattern.quote(word(command)) + "\\s*\\d*";
  }

  /** The text after the command word, trimmed. */
  public String argument(String command, String content) {
    String trimmed = content == null ? "" : content.strip();
    String word = word(command);
    return trimmed.startsWith(word) ? trimmed.substring(word.length()).strip() : "";
  }

  /** Offering numbers as parents type them: {@code 1 3}, {@code 1,3}, with full-width commas too. */
  static final String NUMBERS = "\\d+(?:[\\s,\\uFF0C\\u3001]+\\d+)*";
}
