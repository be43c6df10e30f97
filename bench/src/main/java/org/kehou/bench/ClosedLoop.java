package org.kehou.bench;

import java.util.ArrayList;
import java.util.List;

/** C parents on C keep-alive connections, each sending its next message as soon as the last is answered. */
final class ClosedLoop {

  private ClosedLoop() {
  }

  static Result run(Settings settings, Target target, SignedMessages messages, Samples samples)
      throws InterruptedException {
    int concurrency = settings.concurrency();
    List<HttpConnection> connections = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      connections.add(settings.connection().connected());
    }
    long start = System.nanoTime();
    long measureFrom = start + settings.warmupSeconds() * 1_000_000_000L;
    long end = measureFrom + settings.durationSeconds() * 1_000_000_000L;
    List<Recorder> recorders = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      int parent = i;
      Recorder recorder = new Recorder();
      recorders.add(recorder);
      HttpConnection opened = connections.get(i);
      threads.add(new Thread(() -> {
        try (HttpConnection connection = opened) {
          for (long sent = System.nanoTime(); sent < end; sent = System.nanoTime()) {
            Exchange.send(connection, target, messages, parent, sent, sent >= measureFrom, recorder, samples);
          }
        }
      }, "closed-" + i));
    }
    threads.forEach(Thread::start);
    CpuMeter cpu = new CpuMeter(settings.botPid());
    cpu.startAt(measureFrom);
    CpuMeter.Usage usage = cpu.stopAt(end);
    for (Thread thread : threads) {
      thread.join();
    }
    Recorder.Merged merged = Recorder.merge(recorders);
    double seconds = settings.durationSeconds();
    return Result.of(target.name(), "closed", concurrency + " parents", merged.okMicros().length / seconds, merged,
        usage);
  }
}
