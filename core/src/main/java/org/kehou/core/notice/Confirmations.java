package org.kehou.core.notice;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * A guardian's side of notices: the page their signed link opens, confirming there or in the chat ({@code 收到},
 * {@code 收到 3}), and their recent notices ({@code 通知}). A confirmation is recorded once; confirming again changes
 * nothing and says when it was.
 */
@Service
public class Confirmations {

  public enum Via { LINK, CHAT }

  /** What a confirmation did: {@code notice} as it stands afterwards; {@code now} false when it was confirmed before. */
  public record Outcome(ParentNotice notice, boolean now) {
  }

  private final NoticeMapper mapper;
  private final NoticeLinks links;
  private final Clock clock;

  Confirmations(NoticeMapper mapper, NoticeLinks links, Clock clock) {
    this.mapper = mapper;
    this.links = links;
    this.clock = clock;
  }

  /** The notice a link opens; empty for a link that was not signed by Kehou for a notice and guardian. */
  public Optional<ParentNotice> byLink(String token) {
    return links.verify(token).flatMap(t -> mapper.forGuardian(t.noticeId(), t.guardianId()))
        .map(this::withChildren);
  }

  public Optional<Outcome> confirmByLink(String token) {
    return links.verify(token).flatMap(t -> confirm(t.noticeId(), t.guardianId(), Via.LINK));
  }

  /** {@code 收到}: the guardian's newest notice not yet confirmed; empty when there is none. */
  public Optional<Outcome> confirmNewest(long guardianId) {
    return mapper.newestUnconfirmed(guardianId).flatMap(n -> confirmRead(n, Via.CHAT));
  }

  /** {@code 收到 3}: the guardian's notice numbered 3; empty when they have none of that number. */
  public Optional<Outcome> confirmNumber(long guardianId, int seq) {
    return mapper.bySeq(guardianId, seq).flatMap(n -> confirm(n.noticeId(), guardianId, Via.CHAT));
  }

  /** The guardian's latest notices, newest first. */
  public List<ParentNotice> recent(long guardianId, int limit) {
    return mapper.recent(guardianId, limit).stream().map(this::withChildren).toList();
  }

  public String link(ParentNotice notice) {
    return links.url(notice.noticeId(), notice.guardianId());
  }

  /**
   * As {@link #confirm} for a notice just read unconfirmed: when this confirmation is the one that counts, the row is
   * what was read plus its confirmation time, so it is not read again (one query less for each {@code 收到}).
   */
  private Optional<Outcome> confirmRead(NoticeMapper.GuardianNotice n, Via via) {
    // The column keeps milliseconds: the time answered is the time stored.
    LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    if (mapper.confirm(n.noticeId(), n.guardianId(), via.name(), now) == 1) {
      return Optional.of(new Outcome(withChildren(new NoticeMapper.GuardianNotice(n.noticeId(), n.guardianId(), n.seq(),
          n.title(), n.body(), n.senderName(), n.createdAt(), n.confirmRequired(), n.confirmBy(), n.urgent(), now)),
          true));
    }
    return mapper.forGuardian(n.noticeId(), n.guardianId()).map(read -> new Outcome(withChildren(read), false));
  }

  private Optional<Outcome> confirm(long noticeId, long guardianId, Via via) {
    boolean now = mapper.confirm(noticeId, guardianId, via.name(), LocalDateTime.now(clock)) == 1;
    return mapper.forGuardian(noticeId, guardianId).map(n -> new Outcome(withChildren(n), now));
  }

  private ParentNotice withChildren(NoticeMapper.GuardianNotice n) {
    return new ParentNotice(n.noticeId(), n.guardianId(), n.seq(), n.title(), n.body(), n.senderName(), n.createdAt(),
        n.confirmRequired(), n.confirmBy(), n.urgent(), n.confirmedAt(), mapper.childNames(n.noticeId(), n.guardianId()));
  }
}
