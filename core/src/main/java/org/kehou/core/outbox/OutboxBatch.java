package org.kehou.core.outbox;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Messages to guardians queued with a handful of statements whatever their number (one row per active binding of the
 * guardian, keyed {@code <dedupKey>:<openid>}; a guardian with none gets a NO_RECIPIENT row): when sessions end,
 * thousands of pickup messages fall due in the same second, and queuing them one guardian at a time took longer than
 * parents should wait. {@link Outbox#enqueue} is the one-message case.
 */
@Service
public class OutboxBatch {

  /** A message to one guardian: the same arguments as {@link Outbox#enqueue}. */
  public record Message(Recipient recipient, String kind, String dedupKey, String body, Map<String, String> fields,
      String link) {

    public Message(Recipient recipient, String kind, String dedupKey, String body, Map<String, String> fields) {
      this(recipient, kind, dedupKey, body, fields, null);
    }
  }

  private static final int CHUNK = 500;
  private static final JsonMapper JSON = JsonMapper.shared();

  private final OutboxMapper mapper;
  private final Clock clock;

  OutboxBatch(OutboxMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  /** @return how many rows were written (keys already queued are left alone, as by {@link Outbox#enqueue}) */
  @Transactional(propagation = Propagation.MANDATORY)
  public int enqueueAll(List<Message> messages) {
    if (messages.isEmpty()) {
      return 0;
    }
    Set<Long> guardians = new LinkedHashSet<>();
    for (Message m : messages) {
      MessageKinds.check(m.kind(), m.fields());
      guardians.add(m.recipient().guardianId());
    }
    Map<Long, List<String>> openids = new HashMap<>();
    for (List<Long> chunk : chunks(new ArrayList<>(guardians))) {
      mapper.activeOpenidsOf(chunk).forEach(g -> openids.computeIfAbsent(g.guardianId(), id -> new ArrayList<>())
          .add(g.openid()));
    }
    List<OutboxMapper.NewRow> rows = new ArrayList<>();
    for (Message m : messages) {
      String json = m.fields() == null || m.fields().isEmpty() ? null : JSON.writeValueAsString(m.fields());
      List<String> bound = openids.getOrDefault(m.recipient().guardianId(), List.of());
      if (bound.isEmpty()) {
        rows.add(new OutboxMapper.NewRow(m.recipient(), null, m.kind(), m.dedupKey() + ":-", m.body(), json,
            OutboxState.NO_RECIPIENT, m.link()));
      }
      for (String openid : bound) {
        rows.add(new OutboxMapper.NewRow(m.recipient(), openid, m.kind(), m.dedupKey() + ":" + openid, m.body(), json,
            OutboxState.PENDING, m.link()));
      }
    }
    // Keys already queued are found by a plain read and left alone. The insert would find them too, but its duplicate
    // check locks the gap below each key until the transaction ends, and a job queuing reminders again on every run
    // would hold such gaps against every seat transaction inserting a message there.
    Set<String> queued = new HashSet<>();
    for (List<OutboxMapper.NewRow> chunk : chunks(rows)) {
      queued.addAll(mapper.queuedAmong(chunk.stream().map(OutboxMapper.NewRow::dedupKey).toList()));
    }
    List<OutboxMapper.NewRow> fresh = rows.stream().filter(r -> !queued.contains(r.dedupKey())).toList();
    LocalDateTime now = LocalDateTime.now(clock);
    int written = 0;
    for (List<OutboxMapper.NewRow> chunk : chunks(fresh)) {
      written += mapper.insertAll(chunk, now);
    }
    return written;
  }

  private static <T> List<List<T>> chunks(List<T> all) {
    List<List<T>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
    }
    return chunks;
  }
}
