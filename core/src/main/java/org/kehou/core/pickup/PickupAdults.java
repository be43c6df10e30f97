package org.kehou.core.pickup;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kehou.core.GeneratedId;
import org.kehou.core.lifecycle.GuardianNotices;
import org.kehou.core.text.Texts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may collect a child (接送人): the guardians on the roster, plus adults a guardian adds in the chat. Only a guardian
 * of the child changes the list (the binding vouches for that); every change is kept with who made it and when, and the
 * child's other guardians are told through the outbox.
 */
@Service
public class PickupAdults {

  public static final String CHANGED = "pickup-adults-changed";
  /** Beyond this many added adults a list stops being a list the gate can check. */
  static final int MAX_ADDED = 6;

  /** A child's list as staff read it: the adults authorised now, and every one removed, with who and when. */
  public record Listing(long studentId, String child, String className, List<PickupAdult> authorised,
      List<PickupAdult> removed) {
  }

  private final PickupMapper mapper;
  private final GuardianNotices notices;
  private final Texts texts;
  private final Clock clock;

  PickupAdults(PickupMapper mapper, GuardianNotices notices, Texts texts, Clock clock) {
    this.mapper = mapper;
    this.notices = notices;
    this.texts = texts;
    this.clock = clock;
  }

  /** The guardians, then the added adults in the order they were added (the numbers 删除 refers to). */
  public List<PickupAdult> authorised(long studentId) {
    List<PickupAdult> all = new ArrayList<>(mapper.guardians(studentId));
    all.addAll(mapper.liveAdded(studentId));
    return all;
  }

  /**
   * Who may collect each of these children (as {@link #authorised}, without phones), in two queries whatever their
   * number: a session's whole roster at the gate.
   */
  public Map<Long, List<PickupAdult>> authorisedOf(Collection<Long> studentIds) {
    Map<Long, List<PickupAdult>> byChild = new HashMap<>();
    if (studentIds.isEmpty()) {
      return byChild;
    }
    for (PickupMapper.Collector c : mapper.collectorsOf(studentIds)) {
      byChild.computeIfAbsent(c.studentId(), id -> new ArrayList<>()).add(new PickupAdult(c.id(), c.guardian(),
          c.name(), c.relation(), null, null, null, null, null, null, null));
    }
    return byChild;
  }

  /** Only the added adults, numbered from 1 in the chat. */
  public List<PickupAdult> added(long studentId) {
    return mapper.liveAdded(studentId);
  }

  /** A guardian adds an adult from the text after {@code 接送人 添加}. */
  @Transactional
  public PickupAdult add(long guardianId, long studentId, String text) {
    NewPickupAdult adult = NewPickupAdult.read(text);
    PickupMapper.Child child = lockedChild(studentId);
    if (authorised(studentId).stream().anyMatch(a -> a.phone().equals(adult.phone()))) {
      throw new PickupRefused(PickupRefused.Kind.ALREADY_LISTED, Map.of("name", adult.name()));
    }
    if (mapper.liveAdded(studentId).size() >= MAX_ADDED) {
      throw new PickupRefused(PickupRefused.Kind.TOO_MANY, Map.of("max", MAX_ADDED));
    }
    GeneratedId key = new GeneratedId();
    try {
      mapper.insert(child.schoolId(), studentId, adult, guardianId, now(), key);
    } catch (DuplicateKeyException e) {
      throw new PickupRefused(PickupRefused.Kind.ALREADY_LISTED, Map.of("name", adult.name()));
    }
    tellOthers(child, guardianId, key.value(), "added", adult.name(), adult.relation());
    return mapper.liveAdded(studentId).stream().filter(a -> a.id() == key.value()).findFirst().orElseThrow();
  }

  /** A guardian removes the added adult with this number (1-based, as {@link #added} lists them). */
  @Transactional
  public PickupAdult remove(long guardianId, long studentId, int number) {
    PickupMapper.Child child = lockedChild(studentId);
    List<PickupAdult> added = mapper.liveAdded(studentId);
    if (number < 1 || number > added.size()) {
      throw new PickupRefused(PickupRefused.Kind.NO_SUCH_NUMBER, Map.of("number", number, "count", added.size()));
    }
    PickupAdult gone = added.get(number - 1);
    mapper.remove(gone.id(), guardianId, now());
    tellOthers(child, guardianId, gone.id(), "removed", gone.name(), gone.relation());
    return gone;
  }

  /** Staff: the school admin reaches every child of the school, anyone else the children of their own classes. */
  public Listing forStaff(long staffId, long schoolId, boolean admin, long studentId) {
    PickupMapper.Child child = mapper.child(studentId).filter(c -> c.schoolId() == schoolId)
        .orElseThrow(() -> new PickupRefused(PickupRefused.Kind.NOT_FOUND, Map.of("id", studentId)));
    if (!admin && !Long.valueOf(staffId).equals(child.classTeacherId())) {
      throw new PickupRefused(PickupRefused.Kind.NOT_YOURS, Map.of("id", studentId));
    }
    List<PickupAdult> removed = mapper.allAdded(studentId).stream().filter(a -> !a.live()).toList();
    return new Listing(studentId, child.name(), child.className(), authorised(studentId), removed);
  }

  private PickupMapper.Child lockedChild(long studentId) {
    mapper.lockChild(studentId);
    return mapper.child(studentId)
        .orElseThrow(() -> new PickupRefused(PickupRefused.Kind.NOT_FOUND, Map.of("id", studentId)));
  }

  private void tellOthers(PickupMapper.Child child, long guardianId, long rowId, String change, String name,
      String relation) {
    String by = mapper.guardianName(guardianId);
    Map<String, Object> values = Map.of("child", child.name(), "by", by, "name", name, "relation", relation);
    String body = texts.message("pickup.changed." + change, values);
    Map<String, String> fields = Map.of("child", child.name(), "by", by,
        "change", texts.message("pickup.change." + change, values));
    notices.tell(child.schoolId(), child.id(), CHANGED + ":" + rowId + ":" + change, CHANGED, body, fields,
        guardianId);
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }
}
