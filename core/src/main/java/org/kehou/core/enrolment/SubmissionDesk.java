package org.kehou.core.enrolment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Group commit for submissions. Every submission locks the offerings it chooses, and in a sign-up rush nearly every
 * parent chooses the same one: one at a time, each holding that lock for several round trips to the database, they
 * queue far longer than WeChat waits. Here one thread per instance takes whatever submissions are waiting and writes
 * them in one transaction ({@link SubmissionBatch}); the callers wait for their own outcome. A batch that cannot be
 * written as a whole (another instance's race on the same child, a deadlock, an offering closed meanwhile) is rolled
 * back and each of its submissions is written on its own ({@link SingleSubmission}).
 */
@Component
class SubmissionDesk implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(SubmissionDesk.class);
  private static final int MAX_BATCH = 200;
  /** Far beyond WeChat's 5 seconds: only a database that stopped answering gets here. */
  private static final long WAIT_SECONDS = 60;

  private record Pending(NewApplication request, CompletableFuture<Submission> outcome) {
  }

  private final SubmissionBatch batch;
  private final SingleSubmission single;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread worker;
  private volatile boolean closed;

  SubmissionDesk(SubmissionBatch batch, SingleSubmission single) {
    this.batch = batch;
    this.single = single;
    this.worker = new Thread(this::work, "submission-desk");
    this.worker.setDaemon(true);
    this.worker.start();
  }

  /**
   * The submission's outcome; a submission written in a batch comes with its application as read inside the batch,
   * one written on its own without (the caller reads it).
   */
  Submission submit(NewApplication request) {
    if (closed) {
      throw new IllegalStateException("The submission desk is closed");
    }
    Pending pending = new Pending(request, new CompletableFuture<>());
    queue.add(pending);
    try {
      return pending.outcome().get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("No outcome for a submission after " + WAIT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a submission", e);
    }
  }

  private void work() {
    List<Pending> taken = new ArrayList<>();
    while (!closed) {
      Pending first;
      try {
        // Polls, so that closing never interrupts a transaction under way.
        first = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        break;
      }
      if (first == null) {
        continue;
      }
      taken.add(first);
      queue.drainTo(taken, MAX_BATCH - 1);
      settle(taken);
      taken.clear();
    }
    Pending left;
    while ((left = queue.poll()) != null) {
      left.outcome().completeExceptionally(new IllegalStateException("The submission desk closed"));
    }
  }

  private void settle(List<Pending> taken) {
    try {
      List<Submission> outcomes = batch.run(taken.stream().map(Pending::request).toList());
      for (int i = 0; i < taken.size(); i++) {
        taken.get(i).outcome().complete(outcomes.get(i));
      }
      return;
    } catch (RuntimeException e) {
      log.info("A batch of {} submissions is written one by one instead ({})", taken.size(),
          e.getClass().getSimpleName());
    }
    for (Pending pending : taken) {
      try {
        pending.outcome().complete(new Submission(single.submit(pending.request()), Optional.empty()));
      } catch (RuntimeException e) {
        pending.outcome().completeExceptionally(e);
      }
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    closed = true;
    worker.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
  }
}
