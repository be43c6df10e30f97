package org.kehou.core.lifecycle;

import java.util.EnumSet;
import java.util.Set;

/**
 * The policy chain an application walks: the class teacher approves, the school reviews, the list is publicised, the
 * guardian signs the entrustment agreement, the child attends. The allowed moves are listed here and nowhere else.
 */
public enum ApplicationState {
  SUBMITTED,
  CLASS_APPROVED,
  IN_PUBLICITY,
  AGREEMENT_PENDING,
  ACTIVE,
  REJECTED,
  WITHDRAWN,
  LAPSED,
  ENDED;

  private static final Set<ApplicationState> FINAL = EnumSet.of(REJECTED, WITHDRAWN, LAPSED, ENDED);

  public boolean isFinal() {
    return FINAL.contains(this);
  }

  public boolean canMoveTo(ApplicationState next) {
    return switch (this) {
      case SUBMITTED -> next == CLASS_APPROVED || next == REJECTED || next == WITHDRAWN;
      case CLASS_APPROVED -> next == IN_PUBLICITY || next == REJECTED || next == WITHDRAWN;
      case IN_PUBLICITY -> next == AGREEMENT_PENDING || next == REJECTED || next == WITHDRAWN;
      case AGREEMENT_PENDING -> next == ACTIVE || next == LAPSED || next == WITHDRAWN;
      case ACTIVE -> next == ENDED;
      case REJECTED, WITHDRAWN, LAPSED, ENDED -> false;
    };
  }
}
