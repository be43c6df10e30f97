package org.kehou.bot.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.kehou.core.outbox.OutboxClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;

/**
 * Records sent messages as SENT several at a time: one UPDATE, one commit, for every send that finished while the
 * previous UPDATE ran. Recording each send with a statement of its own made the database's commits (a log flush each)
 * the ceiling of a notice to a whole school, at about 450 messages a second over two instances, and slowed every
 * query of the webhook meanwhile. A sender waits until its row is recorded, as before, so a drain still returns only
 * once its sends are settled; nothing waits for a timer, so a lone send is recorded at once.
 */
final class SentRecorder {

  private static final Logger log = LoggerFactory.getLogger(SentRecorder.class);
  /** Most rows in one UPDATE: its statement stays small and its locks few. */
  static final int MAX_ROWS = 200;

  private record Pending(OutboxClaims.Sent sent, CompletableFuture<Void> recorded) {
  }

  private final OutboxClaims claims;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closed;

  SentRecorder(OutboxClaims claims) {
    this.claims = claims;
    this.thread = new Thread(this::run, "outbox-sent-recorder");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Records one sent message, returning once it is recorded.
   *
   * @throws RuntimeException when the database failed us: the row comes back after its lease, as before
   */
  void record(OutboxClaims.Sent sent) {
    Pending pending = new Pending(sent, new CompletableFuture<>());
    queue.add(pending);
    // Closed after its last look at the queue: nobody would record it. (Closing marks first, then looks.)
    if (closed && queue.remove(pending)) {
      throw new IllegalStateException("the outbox is stopping; message " + sent.message().id() + " not recorded");
    }
    try {
      pending.recorded().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private void run() {
    List<Pending> group = new ArrayList<>();
    try {
      while (true) {
        group.add(queue.take());
        queue.drainTo(group, MAX_ROWS - 1);
        try {
          recordRetryingDeadlocks(group);
          group.forEach(p -> p.recorded().complete(null));
        } catch (RuntimeException e) {
          log.warn("Could not record {} sent outbox messages", group.size(), e);
          group.forEach(p -> p.recorded().completeExceptionally(e));
        }
        group.clear();
      }
    } catch (InterruptedException e) {
      // Closing: whoever still waits is told, so no sender hangs.
      closed = true;
      queue.drainTo(group);
      IllegalStateException stopped = new IllegalStateException("the outbox is stopping");
      group.forEach(p -> p.recorded().completeExceptionally(stopped));
    }
  }

  /** As a single row's outcome, the UPDATE that lost a deadlock is simply tried again. */
  private void recordRetryingDeadlocks(List<Pending> group) {
    List<OutboxClaims.Sent> sent = group.stream().map(Pending::sent).toList();
    for (int attempt = 1; ; attempt++) {
      try {
        claims.sentAll(sent);
        return;
      } catch (TransientDataAccessException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /** After the senders have stopped. */
  void close() {
    thread.interrupt();
  }
}
