package org.kehou.core.binding;

import java.util.List;

/**
 * An active WeChat binding: who is writing (the guardian) and the child the conversation is about.
 *
 * @param children every child of the guardian, in a stable order (the numbers {@code 切换 n} uses start at 1)
 * @param current  the child replies are about; never null, a guardian always has at least one child
 */
public record WechatBinding(String openid, long guardianId, String guardianName, long schoolId, List<Child> children,
    Child current) {

  /** A child as the bot may show it to its own guardian (the priority flag stays inside the school). */
  public record Child(long studentId, String name, String className, int gradeLevel) {
  }

  public boolean hasSeveralChildren() {
    return children.size() > 1;
  }
}
