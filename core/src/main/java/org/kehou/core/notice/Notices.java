package org.kehou.core.notice;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kehou.core.GeneratedId;
import org.kehou.core.outbox.OutboxBatch;
import org.kehou.core.outbox.Recipient;
import org.kehou.core.staff.Staff;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a staff member's notice to an audience: one message per guardian account naming each of their children in
 * it, all queued in the outbox in the transaction that records the notice, so a notice is either sent to everyone
 * or to no one.
 */
@Service
public class Notices {

  public static final String KIND = "notice";
  public static final String URGENT_KIND = "notice-urgent";
  static final int TITLE_MAX = 20;
  static final int BODY_MAX = 1000;
  private static final int CHUNK = 500;

  private final NoticeMapper mapper;
  private final Audiences audiences;
  private final NoticeTexts texts;
  private final NoticeLinks links;
  private final OutboxBatch outbox;
  private final TransactionTemplate tx;
  private final Clock clock;

  Notices(NoticeMapper mapper, Audiences audiences, NoticeTexts texts, NoticeLinks links, OutboxBatch outbox,
      PlatformTransactionManager txManager, Clock clock) {
    this.mapper = mapper;
    this.audiences = audiences;
    this.texts = texts;
    this.links = links;
    this.outbox = outbox;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
  }

  /** How many would be reached, without sending: what the console shows before the sender confirms. */
  public SentNotice preview(Staff me, NoticeDraft draft) {
    NoticeDraft checked = validate(draft);
    Audiences.Resolved audience = audiences.resolve(me, checked.audience(), checked.audienceId());
    Set<Long> guardians = audience.members().stream().map(Member::guardianId)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    int bound = 0;
    for (List<Long> chunk : chunks(new ArrayList<>(guardians))) {
      bound += mapper.boundAmong(chunk);
    }
    return new SentNotice(null, children(audience.members()), guardians.size(), bound);
  }

  /**
   * @throws NoticeRefused INVALID for a bad field, FORBIDDEN / NOT_FOUND for an audience out of reach,
   *                       EMPTY_AUDIENCE when it has nobody
   */
  public SentNotice send(Staff me, NoticeDraft draft) {
    NoticeDraft checked = validate(draft);
    for (int attempt = 1; ; attempt++) {
      try {
        return tx.execute(status -> sendNow(me, checked));
      } catch (DuplicateKeyException e) {
        // Another notice numbered one of the same guardians' notices at the same moment: number them again.
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private SentNotice sendNow(Staff me, NoticeDraft draft) {
    Audiences.Resolved audience = audiences.resolve(me, draft.audience(), draft.audienceId());
    if (audience.members().isEmpty()) {
      throw new NoticeRefused(NoticeRefused.Kind.EMPTY_AUDIENCE, "parentNotice.emptyAudience",
          Map.of("audience", audience.name()));
    }
    LocalDateTime now = LocalDateTime.now(clock);
    GeneratedId key = new GeneratedId();
    mapper.insertNotice(me.schoolId(), me.id(), draft, audience.name(), now, key);
    long noticeId = key.value();
    for (List<Member> chunk : chunks(audience.members())) {
      mapper.insertChildren(noticeId, chunk);
    }
    Map<Long, List<Member>> families = audience.members().stream()
        .collect(Collectors.groupingBy(Member::guardianId, LinkedHashMap::new, Collectors.toList()));
    Map<Long, Integer> seqs = new HashMap<>();
    List<NoticeMapper.NewGuardian> numbered = new ArrayList<>();
    for (List<Long> chunk : chunks(new ArrayList<>(families.keySet()))) {
      mapper.lastSeqs(chunk).forEach(row -> seqs.put(row.guardianId(), row.seq()));
    }
    families.keySet().forEach(g -> numbered.add(new NoticeMapper.NewGuardian(g, seqs.getOrDefault(g, 0) + 1)));
    for (List<NoticeMapper.NewGuardian> chunk : chunks(numbered)) {
      mapper.insertGuardians(noticeId, chunk);
    }
    NoticeRow notice = mapper.notice(noticeId).orElseThrow();
    List<OutboxBatch.Message> messages = new ArrayList<>();
    for (NoticeMapper.NewGuardian g : numbered) {
      List<Member> theirs = families.get(g.guardianId());
      List<String> names = theirs.stream().map(Member::studentName).distinct().toList();
      String link = links.url(noticeId, g.guardianId());
      NoticeTexts.Rendered text = texts.push(notice, g.seq(), names, link);
      // A message about one child is listed under that child; one about several under none of them.
      Long studentId = theirs.stream().map(Member::studentId).distinct().count() == 1 ? theirs.get(0).studentId()
          : null;
      messages.add(new OutboxBatch.Message(new Recipient(me.schoolId(), g.guardianId(), studentId),
          draft.urgent() ? URGENT_KIND : KIND, "notice:" + noticeId + ":" + g.guardianId(), text.body(),
          text.fields(), link));
    }
    outbox.enqueueAll(messages);
    int bound = 0;
    for (List<Long> chunk : chunks(new ArrayList<>(families.keySet()))) {
      bound += mapper.boundAmong(chunk);
    }
    return new SentNotice(noticeId, children(audience.members()), families.size(), bound);
  }

  private NoticeDraft validate(NoticeDraft d) {
    if (d == null) {
      throw Audiences.invalid("title");
    }
    String title = d.title() == null ? "" : d.title().strip();
    String body = d.body() == null ? "" : d.body().strip();
    if (title.isEmpty() || title.codePointCount(0, title.length()) > TITLE_MAX) {
      throw Audiences.invalid("title");
    }
    if (body.isEmpty() || body.codePointCount(0, body.length()) > BODY_MAX) {
      throw Audiences.invalid("body");
    }
    if (d.confirmRequired() != (d.confirmBy() != null)
        || d.confirmBy() != null && !d.confirmBy().isAfter(LocalDateTime.now(clock))) {
      throw Audiences.invalid("confirmBy");
    }
    return new NoticeDraft(d.audience(), d.audienceId(), title, body, d.confirmRequired(), d.confirmBy(), d.urgent());
  }

  private static int children(List<Member> members) {
    return (int) members.stream().map(Member::studentId).distinct().count();
  }

  static <T> List<List<T>> chunks(List<T> all) {
    List<List<T>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
    }
    return chunks;
  }
}
