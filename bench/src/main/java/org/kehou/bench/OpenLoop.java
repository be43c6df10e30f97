package org.kehou.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Messages due at a fixed rate whatever the bot does; each message's latency runs from the moment it was due, so
 * time spent waiting for a free connection counts (no coordinated omission). Message i comes from parent i mod P.
 */
final class OpenLoop {

  private OpenLoop() {
  }

  static Result run(Settings settings, Target target, SignedMessages messages, Samples samples)
      throws InterruptedException {
    int rate = settings.rate();
    int parents = settings.parents();
    double periodNanos = 1e9 / rate;
    long total = (long) (settings.warmupSeconds() + settings.durationSeconds()) * rate;
    long firstCounted = (long) settings.warmupSeconds() * rate;
    List<HttpConnection> connections = new ArrayList<>();
    for (int i = 0; i < parents; i++) {
      connections.add(settings.connection().connected());
    }
    long start = System.nanoTime() + 100_000_000L; // time to start the threads
    long measureFrom = start + settings.warmupSeconds() * 1_000_000_000L;
    long scheduleEnd = measureFrom + settings.durationSeconds() * 1_000_000_000L;
    long drainDeadline = scheduleEnd + settings.drainSeconds() * 1_000_000_000L;
    AtomicLong next = new AtomicLong();
    List<Recorder> recorders = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < parents; c++) {
      Recorder recorder = new Recorder();
      recorders.add(recorder);
      HttpConnection opened = connections.get(c);
      threads.add(new Thread(() -> {
        try (HttpConnection connection = opened) {
          for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
            long due = start + (long) (i * periodNanos);
            for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
              LockSupport.parkNanos(due - now);
            }
            if (System.nanoTime() > drainDeadline) {
              // Give up on the backlog: everything still queued is an error, each index counted once.
              long taken = next.getAndSet(total);
              long notTaken = Math.max(0, total - Math.max(taken, firstCounted));
              recorder.unsent(notTaken + (i >= firstCounted ? 1 : 0));
              break;
            }
            Exchange.send(connection, target, messages, (int) (i % parents), due, i >= firstCounted, recorder,
                samples);
          }
        }
      }, "open-" + c));
    }
    threads.forEach(Thread::start);
    CpuMeter cpu = new CpuMeter(settings.botPid());
    cpu.startAt(measureFrom);
    CpuMeter.Usage usage = cpu.stopAt(scheduleEnd);
    for (Thread thread : threads) {
      thread.join();
    }
    Recorder.Merged merged = Recorder.merge(recorders);
    double seconds = Math.max(merged.lastCompletionNanos(), scheduleEnd) - measureFrom;
    double achieved = merged.okMicros().length / (seconds / 1e9);
    return Result.of(target.name(), "open", rate + "/s, " + parents + " parents", achieved, merged,
        usage);
  }
}
