package org.kehou.core.binding;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.kehou.core.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Taking access back: a parent ends their own binding, an admin revokes one, the roster takes a child from a guardian.
 * An ended binding stays for the archive, is not restored by following the account again, and what was still queued
 * for that account is not sent.
 */
@Service
public class BoundAccounts {

  public static final String BY_PARENT = "PARENT";
  public static final String BY_ADMIN = "ADMIN";
  public static final String BY_ROSTER = "ROSTER";
  private static final Logger log = LoggerFactory.getLogger(BoundAccounts.class);

  private final WechatBindingMapper bindings;
  private final BindingCodeMapper codes;
  private final Outbox outbox;
  private final Clock clock;

  BoundAccounts(WechatBindingMapper bindings, BindingCodeMapper codes, Outbox outbox, Clock clock) {
    this.bindings = bindings;
    this.codes = codes;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Every account ever bound to the guardian, in binding order; the caller checks the guardian is theirs to see. */
  public List<BoundAccount> of(long guardianId) {
    return bindings.ofGuardian(guardianId).stream().map(BoundAccount::of).toList();
  }

  /** {@code 确认解绑}: ends this account's binding to the guardian it was asked about; false when it is not bound. */
  @Transactional
  public boolean unbind(String openid, long guardianId) {
    boolean ended = bindings.activeBindingId(openid).map(id -> end(id, guardianId, BY_PARENT)).orElse(false);
    if (ended) {
      log.info("A parent ended their WeChat binding to guardian {}", guardianId);
    }
    return ended;
  }

  /** An admin ends one of the guardian's bindings; false when it is not the guardian's or had ended already. */
  @Transactional
  public boolean revoke(long guardianId, long bindingId) {
    boolean ended = end(bindingId, guardianId, BY_ADMIN);
    if (ended) {
      log.info("Binding {} of guardian {} revoked by an admin", bindingId, guardianId);
    }
    return ended;
  }

  /** The roster took a child from a guardian: nothing more about the child reaches them, nor is the child selected. */
  @Transactional
  public void childRemoved(long guardianId, long studentId) {
    bindings.forgetChild(guardianId, studentId);
    outbox.cancelPendingAbout(guardianId, studentId);
  }

  /** Ends every binding of these guardians and takes their live codes out of use, in the caller's transaction. */
  @Transactional
  public int endAccessOf(Collection<Long> guardianIds, String endedBy) {
    if (guardianIds.isEmpty()) {
      return 0;
    }
    LocalDateTime now = LocalDateTime.now(clock);
    codes.revoke(guardianIds, now, false);
    outbox.cancelPendingTo(bindings.openidsNotEnded(guardianIds));
    return bindings.endAll(guardianIds, now, endedBy);
  }

  private boolean end(long bindingId, long guardianId, String endedBy) {
    String openid = bindings.openidOf(bindingId);
    if (openid == null || bindings.end(bindingId, guardianId, LocalDateTime.now(clock), endedBy) != 1) {
      return false;
    }
    outbox.cancelPendingTo(List.of(openid));
    return true;
  }
}
