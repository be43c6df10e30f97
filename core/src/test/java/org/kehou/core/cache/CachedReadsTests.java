package org.kehou.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.core.GeneratedId;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.kehou.core.enrolment.ApplicationView;
import org.kehou.core.enrolment.EnrolmentService;
import org.kehou.core.lifecycle.Reviewer;
import org.kehou.core.offering.Offering;
import org.kehou.core.offering.OfferingDraft;
import org.kehou.core.offering.OfferingService;
import org.kehou.core.review.ReviewService;
import org.kehou.core.roster.RosterImportService;
import org.kehou.core.school.CurrentTerms;
import org.kehou.core.school.SchoolMapper;
import org.kehou.core.school.Term;
import org.kehou.core.testing.CachedTableWrites;
import org.kehou.core.testing.SchoolFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.RedisClient;

/**
 * Bindings and 状态 answers are cached in each instance's memory and checked against epochs in Redis: a committed write
 * through any mapper shows at once, everywhere; nothing else moves them.
 */
@SpringBootTest
class CachedReadsTests {

  @Autowired CacheEpochs epochs;
  @Autowired EnrolmentService enrolment;
  @Autowired ReviewService reviews;
  @Autowired OfferingService offerings;
  @Autowired WechatBindingService bindings;
  @Autowired RosterImportService roster;
  @Autowired PlatformTransactionManager transactions;
  @Autowired RedisClient redis;
  @Autowired JdbcTemplate jdbc;
  @Autowired CurrentTerms terms;
  @Autowired SchoolMapper schools;

  SchoolFixture school;
  Reviewer admin;
  Reviewer teacher;
  long student;
  long offering;
  long application;

  @BeforeEach
  void aChildWithASubmittedApplication() {
    school = new SchoolFixture(jdbc);
    long teacherId = school.staff("CLASS_TEACHER");
    admin = new Reviewer(school.staff("SCHOOL_ADMIN"), school.schoolId, true);
    teacher = new Reviewer(teacherId, school.schoolId, false);
    long classId = school.schoolClass(2, "二年级1班", teacherId);
    student = school.student(classId, "李小红", "NONE");
    long guardian = school.guardian("李妈妈", student, "母亲");
    offering = school.offering("书法", 10);
    application = school.application(student, guardian, "SEATED", offering);
  }

  @Test
  void everyMapperWriteToACachedTableDeclaresTheRegionItChanges() {
    assertThat(CachedTableWrites.mappers("org.kehou")).hasSizeGreaterThanOrEqualTo(13);
    assertThat(CachedTableWrites.undeclared("org.kehou")).isEmpty();
    assertThat(InvalidatingWrites.regionsOf("org.kehou.core.lifecycle.ReviewMapper.moveTo"))
        .containsExactly(Region.ENROLMENT);
  }

  @Test
  void aChildsStatusShowsTheReviewAsSoonAsItCommits() {
    assertThat(state()).isEqualTo("SUBMITTED");

    reviews.classApprove(teacher, application);

    assertThat(state()).isEqualTo("CLASS_APPROVED");
    reviews.schoolApprove(admin, application);
    assertThat(state()).isEqualTo("IN_PUBLICITY");
  }

  @Test
  void aChangeMadeBehindTheApplicationsBackWaitsForTheNextWriteThroughIt() {
    assertThat(state()).isEqualTo("SUBMITTED");
    jdbc.update("UPDATE application SET state = 'CLASS_APPROVED' WHERE id = ?", application);

    String cached = state();
    offerings.update(offering, draft("书法（软笔）"));

    assertThat(cached).isEqualTo("SUBMITTED");
    assertThat(state()).isEqualTo("CLASS_APPROVED");
    assertThat(enrolment.latestApplication(school.termId, student).orElseThrow().choices())
        .extracting(ApplicationView.Choice::name).containsExactly("书法（软笔）");
  }

  @Test
  void aTransactionOfManyWritesMovesTheEpochOnceAndOnlyAfterItCommits() {
    long before = epochs.current(Region.ENROLMENT);

    long during = seatTransaction().execute(tx -> {
      offerings.update(offering, draft("书法（一）"));
      offerings.update(offering, draft("书法（二）"));
      return epochs.current(Region.ENROLMENT);
    });

    assertThat(during).isEqualTo(before);
    assertThat(epochs.current(Region.ENROLMENT)).isEqualTo(before + 1);
  }

  /** A capacity edit counts seats, which only a read-committed transaction may do (see SeatKeeper). */
  private TransactionTemplate seatTransaction() {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    return tx;
  }

  @Test
  void aRolledBackWriteMovesNoEpoch() {
    long before = epochs.current(Region.ENROLMENT);

    seatTransaction().executeWithoutResult(tx -> {
      offerings.update(offering, draft("不会留下的名字"));
      tx.setRollbackOnly();
    });

    assertThat(epochs.current(Region.ENROLMENT)).isEqualTo(before);
    offerings.update(offering, draft("书法"));
    assertThat(epochs.current(Region.ENROLMENT)).isNotEqualTo(before);
  }

  @Test
  void aWriteThatMatchesNoRowKeepsEveryCachedReadWarm() {
    long before = epochs.current(Region.BINDINGS);

    bindings.deactivate("o-nobody-" + System.nanoTime());

    assertThat(epochs.current(Region.BINDINGS)).isEqualTo(before);
    bindings.deactivate(school.bindWeChat(jdbc.queryForObject(
        "SELECT guardian_id FROM student_guardian WHERE student_id = ?", Long.class, student)));
    assertThat(epochs.current(Region.BINDINGS)).isNotEqualTo(before);
  }

  @Test
  void anotherInstancesCopyIsDroppedByTheSameCommit() {
    EpochCache<Long, String> otherInstance = new EpochCache<>(epochs, Region.ENROLMENT, 10);
    assertThat(otherInstance.get(application, () -> school.state(application))).isEqualTo("SUBMITTED");

    reviews.classApprove(teacher, application);

    assertThat(otherInstance.get(application, () -> school.state(application))).isEqualTo("CLASS_APPROVED");
  }

  @Test
  void callersMissingTheSameEntryAtTheSameEpochShareOneLoad() throws Exception {
    EpochCache<Long, String> cache = new EpochCache<>(epochs, Region.ENROLMENT, 10);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger loads = new AtomicInteger();
    Supplier<String> load = () -> {
      loads.incrementAndGet();
      awaitQuietly(release);
      return school.state(application);
    };
    AtomicReference<String> firstAnswer = new AtomicReference<>();
    AtomicReference<String> secondAnswer = new AtomicReference<>();
    Thread first = new Thread(() -> firstAnswer.set(cache.get(application, load)));
    first.start();
    while (loads.get() == 0) {
      Thread.onSpinWait();
    }
    Thread second = new Thread(() -> secondAnswer.set(cache.get(application, load)));
    second.start();
    // Either it waits for the first load, or (wrongly) it runs a second one.
    while (!waitingForAnotherLoad(second) && loads.get() < 2) {
      Thread.onSpinWait();
    }
    release.countDown();
    first.join();
    second.join();

    assertThat(loads).hasValue(1);
    assertThat(secondAnswer).hasValue("SUBMITTED");
    assertThat(firstAnswer).hasValue("SUBMITTED");
  }

  @Test
  void aLoadBegunBeforeAWriteIsNotSharedWithACallerWhoSeesTheWritesEpoch() throws Exception {
    EpochCache<Long, String> cache = new EpochCache<>(epochs, Region.ENROLMENT, 10);
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread early = new Thread(() -> cache.get(application, () -> {
      String state = school.state(application);
      loading.countDown();
      awaitQuietly(release);
      return state;
    }));
    early.start();
    loading.await();

    reviews.classApprove(teacher, application);
    AtomicReference<String> later = new AtomicReference<>();
    Thread reader = new Thread(() -> later.set(cache.get(application, () -> school.state(application))));
    reader.start();
    while (reader.isAlive() && !waitingForAnotherLoad(reader)) {
      Thread.onSpinWait();
    }
    release.countDown();
    reader.join();
    early.join();

    assertThat(later).hasValue("CLASS_APPROVED");
  }

  private static boolean waitingForAnotherLoad(Thread thread) {
    return thread.getState() == Thread.State.WAITING && Arrays.stream(thread.getStackTrace())
        .anyMatch(frame -> frame.getClassName().equals(CompletableFuture.class.getName()));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void epochsForgottenByRedisStartAgainWhereNoOldEntryCanMatch() {
    assertThat(state()).isEqualTo("SUBMITTED");
    jdbc.update("UPDATE application SET state = 'CLASS_APPROVED' WHERE id = ?", application);
    redis.del(Arrays.stream(Region.values()).map(Region::epochKey).toArray(String[]::new));

    assertThat(state()).isEqualTo("CLASS_APPROVED");
  }

  @Test
  void aRosterImportRenamingAChildShowsInTheNextBindingRead() {
    SchoolFixture other = new SchoolFixture(jdbc);
    roster.importCsv(other.schoolId, csv("王小明"));
    long guardian = jdbc.queryForObject("SELECT id FROM guardian WHERE school_id = ? AND name = '王爸爸'", Long.class,
        other.schoolId);
    String openid = other.bindWeChat(guardian);
    assertThat(bindings.find(openid).map(b -> b.current().name())).contains("王小明");

    roster.importCsv(other.schoolId, csv("王晓明"));

    assertThat(bindings.find(openid).map(WechatBinding::current).map(WechatBinding.Child::name)).contains("王晓明");
  }

  @Test
  void aTermCreatedForASchoolIsItsCurrentTermAtOnce() {
    long schoolId = new SchoolFixture(jdbc).schoolId;
    jdbc.update("DELETE FROM term WHERE school_id = ?", schoolId);
    assertThat(terms.of(schoolId)).isEmpty();

    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    schools.insertTerm(new Term(0, schoolId, "2027春季学期", today.minusDays(1), today.plusDays(90), null, null,
        LocalTime.of(15, 30), LocalTime.of(17, 30), LocalTime.of(18, 0), 350, 5, 7), new GeneratedId());

    assertThat(terms.of(schoolId)).map(Term::name).contains("2027春季学期");
  }

  private String state() {
    return enrolment.latestApplication(school.termId, student).map(ApplicationView::state).orElse("NONE");
  }

  private static byte[] csv(String childName) {
    return ("grade,class,student_no,student_name,priority,guardian_name,guardian_phone,relation\n"
        + "三年级,2班,20260301," + childName + ",none,王爸爸,13900000301,父亲\n").getBytes(StandardCharsets.UTF_8);
  }

  private static OfferingDraft draft(String name) {
    return new OfferingDraft(name, Offering.Kind.CLUB, 31, 63, 10, "A101", null, LocalTime.of(15, 30),
        LocalTime.of(16, 30));
  }
}
