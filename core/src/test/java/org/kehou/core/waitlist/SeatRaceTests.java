package org.kehou.core.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kehou.core.enrolment.EnrolmentService;
import org.kehou.core.offering.Offering;
import org.kehou.core.offering.OfferingCapacityException;
import org.kehou.core.offering.OfferingDraft;
import org.kehou.core.offering.OfferingMapper;
import org.kehou.core.offering.OfferingService;
import org.kehou.core.testing.SchoolFixture;
import org.kehou.core.withdrawal.WithdrawalService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Withdrawals, declines, acceptances, offer expiries, halfway reminders, capacity edits and new submissions race on the
 * same offerings; afterwards no offering holds more seats than its capacity and no waiting priority child was passed
 * over. Quiet hours are off (start = end) so the reminder job runs at any hour.
 */
@SpringBootTest(properties = {"kehou.reminders.quiet-start=00:00", "kehou.reminders.quiet-end=00:00"})
class SeatRaceTests {

  private static final int OFFERINGS = 3;
  private static final int THREADS = 8;
  private static final int STEPS = 40;

  @Autowired OfferingService offerings;
  @Autowired OfferingMapper offeringRows;
  @Autowired EnrolmentService enrolment;
  @Autowired WithdrawalService withdrawals;
  @Autowired WaitlistService waitlist;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  record Child(long student, long guardian) {
  }

  @Test
  void racingSeatChangesNeverOverbookAnOfferingNorPassOverAWaitingPriorityChild() throws Exception {
    SchoolFixture school = new SchoolFixture(jdbc);
    long classId = school.schoolClass(4, "四年级1班", school.staff("CLASS_TEACHER"));
    List<Long> offeringIds = new ArrayList<>();
    List<Child> applicants = new ArrayList<>();
    // Priority children neither withdraw nor decline: they leave the waitlist only through an offer, so the time of
    // that offer tells until when nobody else may have been given a seat.
    List<Child> leavers = new ArrayList<>();
    for (int o = 0; o < OFFERINGS; o++) {
      long offering = school.offering("社团" + o, 3);
      offeringIds.add(offering);
      for (int i = 0; i < 16; i++) {
        // Three seated, then a waitlist where the priority children applied later than most others.
        String priority = i == 13 || i == 15 ? "LEFT_BEHIND" : i == 14 ? "HARDSHIP" : "NONE";
        long student = school.student(classId, "学生" + o + "_" + i, priority);
        long guardian = school.guardian("家长" + o + "_" + i, student, "母亲");
        school.application(student, guardian, i < 3 ? "SEATED" : "WAITLISTED", offering);
        applicants.add(new Child(student, guardian));
        if (priority.equals("NONE")) {
          leavers.add(new Child(student, guardian));
        }
      }
    }
    List<Child> newcomers = new ArrayList<>();
    for (int i = 0; i < THREADS * STEPS; i++) {
      long student = school.student(classId, "新生" + i, "NONE");
      newcomers.add(new Child(student, school.guardian("新家长" + i, student, "父亲")));
    }
    long startedWith = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM application_choice", Long.class);
    // Offers carry the service's clock, a new choice the database's: compare them in whole hours' difference.
    Duration dbToService = Duration.ofHours(Math.round(Duration.between(
        jdbc.queryForObject("SELECT NOW(3)", LocalDateTime.class), LocalDateTime.now(clock)).toMinutes() / 60.0));

    ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> seatedAtOnce = new ConcurrentLinkedQueue<>();
    AtomicInteger done = new AtomicInteger();
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> runs = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      Random random = new Random(7919L * t);
      int thread = t;
      runs.add(pool.submit(() -> {
        start.await();
        for (int step = 0; step < STEPS; step++) {
          Child child = applicants.get(random.nextInt(applicants.size()));
          Child leaver = leavers.get(random.nextInt(leavers.size()));
          long offering = offeringIds.get(random.nextInt(OFFERINGS));
          try {
            switch (random.nextInt(7)) {
              case 0 -> withdrawals.withdraw(leaver.guardian(), leaver.student());
              case 1 -> waitlist.decline(leaver.student());
              case 2 -> waitlist.accept(child.guardian(), child.student());
              case 3 -> {
                // By primary key, so this stand-in for the clock holds one row lock and joins no lock cycle.
                jdbc.queryForList("SELECT id FROM application_choice WHERE offering_id = ? AND status = 'OFFERED' "
                    + "ORDER BY id LIMIT 1", Long.class, offering).forEach(id -> jdbc.update(
                        "UPDATE application_choice SET offer_expires_at = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?", id));
                waitlist.expireOffers();
              }
              case 4 -> capacity(offering, 2 + random.nextInt(4));
              case 5 -> {
                // An offer made a moment ago is brought past its halfway point by moving its expiry (when it was made
                // is what the checks below compare), and the reminder job runs.
                LocalDateTime now = LocalDateTime.now(clock);
                jdbc.queryForList("SELECT id FROM application_choice WHERE offering_id = ? AND status = 'OFFERED' "
                    + "ORDER BY id DESC LIMIT 1", Long.class, offering).forEach(id -> jdbc.update(
                        "UPDATE application_choice SET offer_expires_at = TIMESTAMPADD(MICROSECOND, "
                        + "TIMESTAMPDIFF(MICROSECOND, offered_at, ?) DIV 2, ?) WHERE id = ? AND offered_at < ?",
                        now, now, id, now));
                waitlist.remindHalfway();
              }
              default -> {
                Child newcomer = newcomers.get(thread * STEPS + step);
                enrolment.submit(school.schoolId, school.termId, newcomer.student(), 4, newcomer.guardian(),
                    List.of(offering)).application().filter(a -> a.choices().get(0).status().equals("SEATED"))
                    .ifPresent(a -> seatedAtOnce.add(a.id()));
              }
            }
            done.incrementAndGet();
          } catch (OfferingCapacityException e) {
            done.incrementAndGet();
          } catch (RuntimeException e) {
            unexpected.add(e);
          }
        }
        return null;
      }));
    }
    for (Future<?> run : runs) {
      run.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    // Offers brought near their expiry for the reminder get their validity back: the expiry job runs over every school,
    // and tests that follow count what it expires.
    jdbc.update("UPDATE application_choice c JOIN offering o ON o.id = c.offering_id SET c.offer_expires_at = "
        + "TIMESTAMPADD(HOUR, 48, c.offered_at) WHERE o.term_id = ? AND c.status = 'OFFERED'", school.termId);

    for (long offering : offeringIds) {
      Map<String, Object> seats = jdbc.queryForMap("SELECT o.capacity, (SELECT COUNT(*) FROM application_choice c "
          + "WHERE c.offering_id = o.id AND c.status IN ('SEATED', 'OFFERED')) AS held FROM offering o "
          + "WHERE o.id = ?", offering);
      assertThat(((Number) seats.get("held")).intValue()).as("seats held in offering %d", offering)
          .isLessThanOrEqualTo(((Number) seats.get("capacity")).intValue());
      // A waiting priority child leaves the list only by an offer (or waits still): nobody else may have been
      // offered a seat, or have taken one on applying, before the last of them was offered.
      List<Map<String, Object>> priority = jdbc.queryForList("SELECT c.status, c.offered_at FROM application_choice c "
          + "JOIN application a ON a.id = c.application_id JOIN student s ON s.id = a.student_id "
          + "WHERE c.offering_id = ? AND s.priority <> 'NONE'", offering);
      LocalDateTime lastPriorityOffer = priority.stream()
          .map(row -> row.get("offered_at") == null ? LocalDateTime.MAX : (LocalDateTime) row.get("offered_at"))
          .max(LocalDateTime::compareTo).orElseThrow();
      List<LocalDateTime> othersGranted = new ArrayList<>(jdbc.queryForList("SELECT c.offered_at "
          + "FROM application_choice c JOIN application a ON a.id = c.application_id "
          + "JOIN student s ON s.id = a.student_id WHERE c.offering_id = ? AND s.priority = 'NONE' "
          + "AND c.offered_at IS NOT NULL", LocalDateTime.class, offering));
      for (long application : seatedAtOnce) {
        jdbc.queryForList("SELECT created_at FROM application_choice WHERE application_id = ? AND offering_id = ?",
            LocalDateTime.class, application, offering).forEach(at -> othersGranted.add(at.plus(dbToService)));
      }
      assertThat(othersGranted).as("seats given while a priority child waited in offering %d", offering)
          .allSatisfy(at -> assertThat(at).isAfterOrEqualTo(lastPriorityOffer));
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application_choice c JOIN offering o "
        + "ON o.id = c.offering_id WHERE o.term_id = ? AND (c.offered_at IS NOT NULL OR c.id > ?)", Integer.class,
        school.termId, startedWith)).as("the race did move seats").isPositive();
    // No step may lose a deadlock: none is tried again. The race found one on a fresh database, where stale table
    // statistics made the seat counts scan every offering's choices with locks (see SeatMapper#seatedLocked).
    assertThat(unexpected).as("no step failed, none lost a deadlock").isEmpty();
    assertThat(done.get()).isEqualTo(THREADS * STEPS);
  }

  private void capacity(long offeringId, int capacity) {
    Offering o = offeringRows.findById(offeringId).orElseThrow();
    offerings.update(offeringId, new OfferingDraft(o.name(), o.kind(), o.weekdays(), o.grades(), capacity, o.room(),
        o.teacherId(), o.startsAt(), o.endsAt()));
  }
}
