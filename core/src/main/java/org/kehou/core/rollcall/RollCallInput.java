package org.kehou.core.rollcall;

import java.util.List;

/**
 * One save of a roll call: either {@code allPresentExcept} (every child on the roster present but these), or the
 * children marked {@code present} and {@code absent}; a child left out keeps its current mark.
 */
public record RollCallInput(List<Long> present, List<Long> absent, List<Long> allPresentExcept) {
}
