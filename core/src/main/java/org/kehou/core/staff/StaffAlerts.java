package org.kehou.core.staff;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import org.kehou.core.outbox.Outbox;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How anything in Kehou tells a staff member something: a row in their staff inbox ({@code GET /api/v1/notices}) and,
 * when they have bound their WeChat, an outbox message to it, sent by the bot as a template message of {@code kind}.
 * Written in the caller's transaction, so the alert commits or rolls back with the change that caused it.
 */
@Service
public class StaffAlerts {

  private final StaffAlertMapper mapper;
  private final StaffWechat wechat;
  private final Outbox outbox;
  private final Clock clock;

  StaffAlerts(StaffAlertMapper mapper, StaffWechat wechat, Outbox outbox, Clock clock) {
    this.mapper = mapper;
    this.wechat = wechat;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Tells one staff member of one occasion, once.
   *
   * @param kind        a staff kind declared in {@code MessageKinds} (its template fields must all be in {@code fields})
   * @param occasionKey what happened, unique per kind of event, e.g. {@code withdrawal:<application id>}: telling the
   *                    same staff member of the same occasion again writes nothing (a job re-run, a retried request)
   * @param body        the text in Chinese (from templates/), as the inbox shows it and WeChat sends it
   * @param fields      the same content as named values, for the kind's WeChat template
   * @return false when this staff member had been told of this occasion already
   * @throws IllegalArgumentException when the kind is not a declared staff kind or lacks one of its values
   */
  @Transactional
  public boolean tell(long staffId, String kind, String occasionKey, String body, Map<String, String> fields) {
    Outbox.checkStaffKind(kind, fields);
    try {
      mapper.insert(staffId, kind, body, occasionKey, LocalDateTime.now(clock));
    } catch (DuplicateKeyException e) {
      // MariaDB undoes the failed statement alone: the caller's transaction goes on.
      return false;
    }
    Optional<String> openid = wechat.liveOpenid(staffId);
    openid.ifPresent(o -> outbox.enqueueToStaff(wechat.schoolOf(staffId), staffId, o, kind,
        "staff:" + staffId + ":" + occasionKey, body, fields));
    return true;
  }
}
