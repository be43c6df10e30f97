package org.kehou.core.outbox;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every push to a parent starts. Called inside the transaction of the state change that causes the message, so
 * the change and the message commit or roll back together; the bot's dispatcher does the sending later.
 */
@Service
public class Outbox {

  private static final JsonMapper JSON = JsonMapper.shared();

  private final OutboxMapper mapper;
  private final OutboxBatch batch;
  private final Clock clock;

  Outbox(OutboxMapper mapper, OutboxBatch batch, Clock clock) {
    this.mapper = mapper;
    this.batch = batch;
    this.clock = clock;
  }

  /**
   * Queues one message to each active WeChat binding of the guardian.
   *
   * @param dedupKey the logical message, e.g. {@code agreement-sent:<application id>}: queuing it again is a no-op
   * @param fields   the content as named values (child, deadline…) that a kind's template maps onto its field keys
   * @return how many rows were written (0 when every one existed already)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int enqueue(Recipient recipient, String kind, String dedupKey, String body, Map<String, String> fields) {
    return batch.enqueueAll(List.of(new OutboxBatch.Message(recipient, kind, dedupKey, body, fields)));
  }

  /**
   * Queues one message to a staff member's bound WeChat (see {@code org.kehou.core.staff.StaffAlerts}, the only
   * caller). The row names the staff member, not a guardian.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int enqueueToStaff(long schoolId, long staffId, String openid, String kind, String dedupKey, String body,
      Map<String, String> fields) {
    checkStaffKind(kind, fields);
    String key = dedupKey + ":" + openid;
    if (mapper.queued(key)) {
      return 0;
    }
    return mapper.insertToStaff(schoolId, staffId, openid, kind, key, body, toJson(fields), OutboxState.PENDING,
        LocalDateTime.now(clock));
  }

  /** @throws IllegalArgumentException unless {@code kind} is a staff kind and {@code fields} carry all its values */
  public static void checkStaffKind(String kind, Map<String, String> fields) {
    if (!MessageKinds.isStaffKind(kind)) {
      throw new IllegalArgumentException(kind + " is not a staff message kind");
    }
    MessageKinds.check(kind, fields);
  }

  /** Drops what was still to be sent to a staff member whose WeChat binding ended. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int cancelPendingToStaff(long staffId) {
    return mapper.cancelPendingToStaff(staffId);
  }

  /** What a staff member was sent on WeChat or is still to be sent, newest first. */
  public List<OutboxMessage> forStaff(long staffId) {
    return mapper.forStaff(staffId);
  }

  /** Drops reminders not yet sent once the step they nudge is done: a parent who signed hears no more about it. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int cancelPending(long studentId, String kind) {
    return cancel(mapper.pendingRows(studentId, kind));
  }

  /** Records WeChat's report on the template message it accepted with {@code msgId}; false when no row awaited it. */
  public boolean templateReported(String msgId, DeliveryStatus status) {
    return mapper.templateReported(msgId, status, LocalDateTime.now(clock)) > 0;
  }

  /** Drops what was still to be sent to accounts whose binding just ended: they no longer speak for the family. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int cancelPendingTo(Collection<String> openids) {
    return openids.isEmpty() ? 0 : mapper.cancelPendingTo(openids);
  }

  /** Drops what was still to be sent to a guardian about a child the roster no longer gives them. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int cancelPendingAbout(long guardianId, long studentId) {
    return mapper.cancelPendingAbout(guardianId, studentId);
  }

  /** As {@link #cancelPending(long, String)} for one logical message, named by the dedup key it was queued with. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int cancelPending(String dedupKey) {
    return cancel(mapper.pendingMessageRows(dedupKey));
  }

  /**
   * Rows found by a plain read are cancelled by id. A locking scan of the index range would also wait on the row just
   * past it, which another seat transaction may hold while it waits for this one's choices: a deadlock (SeatRaceTests).
   * A reminder another transaction queues meanwhile is not seen here; the jobs that queue reminders check, under the
   * step's lock, that the step is still open.
   */
  private int cancel(List<Long> ids) {
    return ids.isEmpty() ? 0 : mapper.cancelRows(ids);
  }

  /** What a guardian was sent or is still to be sent, newest first. */
  public List<OutboxMessage> forGuardian(long guardianId) {
    return mapper.forGuardian(guardianId);
  }

  /** What the guardians of a pupil were sent about that pupil, newest first. */
  public List<OutboxMessage> forStudent(long studentId) {
    return mapper.forStudent(studentId);
  }

  private static String toJson(Map<String, String> fields) {
    if (fields == null || fields.isEmpty()) {
      return null;
    }
    return JSON.writeValueAsString(fields);
  }
}
