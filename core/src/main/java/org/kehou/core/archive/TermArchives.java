package org.kehou.core.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kehou.core.GeneratedId;
import org.kehou.core.records.AttendanceRecords;
import org.kehou.core.school.School;
import org.kehou.core.school.SchoolMapper;
import org.kehou.core.school.Term;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The term archive: requested by the school admin, built in the background, downloaded once done. A build is a row
 * of {@code term_archive}; whichever instance claims it writes it (one attempt at a time, see
 * {@link ArchiveMapper#claim}), with its progress in the row, so any instance can report it and serve the ZIP, which
 * is stored in the database in chunks. A build whose instance died is claimed again once its heartbeat is older than
 * {@code kehou.archive.stale-after}.
 */
@Service
public class TermArchives {

  private static final Logger log = LoggerFactory.getLogger(TermArchives.class);
  /** This process, as the owner of the builds it runs. */
  private static final String OWNER = "admin-" + UUID.randomUUID().toString().substring(0, 18);

  private final ArchiveMapper mapper;
  private final SchoolMapper schools;
  private final AttendanceRecords records;
  private final ArchiveIndex index;
  private final List<ArchivePart> parts;
  private final Clock clock;
  private final Duration staleAfter;

  TermArchives(ArchiveMapper mapper, SchoolMapper schools, AttendanceRecords records, ArchiveIndex index,
      List<ArchivePart> parts, Clock clock, @Value("${kehou.archive.stale-after:2m}") Duration staleAfter) {
    this.mapper = mapper;
    this.schools = schools;
    this.records = records;
    this.index = index;
    this.parts = List.copyOf(parts);
    this.clock = clock;
    this.staleAfter = staleAfter;
  }

  /** A new build of the term's archive, queued; empty when the term is not the school's. */
  public Optional<Long> request(long schoolId, long termId, long staffId) {
    if (schools.findTerm(termId).filter(t -> t.schoolId() == schoolId).isEmpty()) {
      return Optional.empty();
    }
    GeneratedId key = new GeneratedId();
    mapper.insert(schoolId, termId, staffId, LocalDateTime.now(clock), parts.size(), key);
    return Optional.of(key.value());
  }

  /** The build, if it is the school's. */
  public Optional<ArchiveStatus> status(long schoolId, long id) {
    return mapper.find(id).filter(s -> s.schoolId() == schoolId);
  }

  /** The term's latest builds, newest first, so the console can show them again after a reload. */
  public List<ArchiveStatus> ofTerm(long schoolId, long termId, int limit) {
    return mapper.ofTerm(schoolId, termId, limit);
  }

  /** Whether nobody is building it any more: queued or running with no heartbeat for {@code stale-after}. */
  public boolean abandoned(ArchiveStatus status) {
    LocalDateTime stale = LocalDateTime.now(clock).minus(staleAfter);
    return switch (status.state()) {
      case QUEUED -> status.requestedAt().isBefore(stale);
      case RUNNING -> status.heartbeatAt() == null || status.heartbeatAt().isBefore(stale);
      default -> false;
    };
  }

  /**
   * Builds the archive if this caller claims it (a build that another instance runs is left alone).
   *
   * @return whether this call built it
   */
  public boolean build(long id) {
    LocalDateTime now = LocalDateTime.now(clock);
    if (mapper.claim(id, OWNER, now, now.minus(staleAfter)) == 0) {
      return false;
    }
    ArchiveStatus status = mapper.find(id).orElseThrow();
    int attempt = status.attempt();
    long started = System.nanoTime();
    try {
      Term term = schools.findTerm(status.termId()).orElseThrow();
      School school = schools.findSchool(status.schoolId()).orElseThrow();
      ArchiveScope scope = new ArchiveScope(school, term, now,
          (from, to) -> records.days(school.id(), from, to));
      ChunkStream chunks = new ChunkStream((seq, data) -> {
        mapper.chunk(id, attempt, seq, data);
        beat(id, attempt, -1, null);
      });
      ArchiveWriter zip = new ArchiveWriter(chunks);
      int done = 0;
      for (ArchivePart part : parts) {
        beat(id, attempt, done, part.name());
        part.write(scope, zip);
        done++;
      }
      index.write(scope, zip);
      zip.finish();
      chunks.close();
      if (mapper.done(id, attempt, zip.entries().size(), chunks.size(), LocalDateTime.now(clock)) == 1) {
        mapper.dropOtherAttempts(id, attempt);
      }
      log.info("Term archive {} built: {} files, {} bytes in {} ms", id, zip.entries().size(), chunks.size(),
          (System.nanoTime() - started) / 1_000_000);
      return true;
    } catch (Superseded e) {
      log.warn("Term archive {} attempt {} was taken over by another attempt", id, attempt);
      return false;
    } catch (IOException | RuntimeException e) {
      // The message may quote data; the log names the build and the kind of failure only.
      log.error("Term archive {} failed: {}", id, e.getClass().getName());
      mapper.failed(id, attempt, e.getClass().getSimpleName(), LocalDateTime.now(clock));
      return false;
    }
  }

  /** Streams the finished ZIP; false when the build is not done. */
  public boolean download(ArchiveStatus status, OutputStream out) throws IOException {
    if (status.state() != ArchiveStatus.State.DONE) {
      return false;
    }
    for (int seq : mapper.chunks(status.id(), status.attempt())) {
      try (InputStream in = mapper.data(status.id(), status.attempt(), seq)) {
        in.transferTo(out);
      }
    }
    return true;
  }

  public int partCount() {
    return parts.size();
  }

  /** {@code done} below 0 only moves the heartbeat. */
  private void beat(long id, int attempt, int done, String part) {
    int changed = done < 0 ? mapper.heartbeat(id, attempt, LocalDateTime.now(clock))
        : mapper.progress(id, attempt, done, part, LocalDateTime.now(clock));
    if (changed == 0) {
      throw new Superseded();
    }
  }

  private static final class Superseded extends RuntimeException {
    Superseded() {
      super(null, null, false, false);
    }
  }
}
