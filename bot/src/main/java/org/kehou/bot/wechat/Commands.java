package org.kehou.bot.wechat;

import java.util.regex.Pattern;
import me.chanjar.weixin.mp.api.WxMpMessageMatcher;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Component;

/** The words parents type, from the templates so that the bot and its help text never disagree. */
@Component
public class Commands {

  /** Offering numbers as parents type them: {@code 1 3}, {@code 1,3}, with full-width commas too. */
  static final WxMpMessageMatcher NUMBERS = matching("\\d+(?:[\\s,\\uFF0C\\u3001]+\\d+)*");

  private final Texts texts;

  Commands(Texts texts) {
    this.texts = texts;
  }

  /** The command word itself, e.g. {@code word("apply")}. */
  public String word(String command) {
    return texts.message("command." + command);
  }

  /** The word followed by anything: {@code 绑定 ABCD2345}, {@code 绑定ABCD2345}. */
  WxMpMessageMatcher withArgument(String command) {
    return matching(Pattern.quote(word(command)) + "(?:\\s*\\S.*)?");
  }

  /** The word alone or followed by a number: {@code 切换}, {@code 切换 2}. */
  WxMpMessageMatcher withNumber(String command) {
    return matching(Pattern.quote(word(command)) + "\\s*\\d*");
  }

  /**
   * Like {@link #withNumber}, with the marks people end an acknowledgement with in class groups: {@code 收到！},
   * {@code 收到 3。}.
   */
  WxMpMessageMatcher acknowledging(String command) {
    return matching(Pattern.quote(word(command)) + "\\s*\\d*\\s*[!\\uFF01.\\u3002~\\uFF5E]*");
  }

  /**
   * The trimmed text matches the whole pattern, as WxJava's rContent would, but compiled once: rContent compiles its
   * regular expression again for every message it tests.
   */
  private static WxMpMessageMatcher matching(String regex) {
    Pattern pattern = Pattern.compile(regex);
    return message -> message.getContent() != null && pattern.matcher(message.getContent().trim()).matches();
  }

  /** The text after the command word, trimmed. */
  public String argument(String command, String content) {
    String trimmed = content == null ? "" : content.strip();
    String word = word(command);
    return trimmed.startsWith(word) ? trimmed.substring(word.length()).strip() : "";
  }
}
