package org.kehou.bench;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The rush, open loop: each parent's 报名 is due at a moment drawn uniformly over the window, whatever the bot does;
 * each later step is due when the previous reply arrived (plus the think time). A message's latency runs from the
 * moment it was due, so waiting for one of the driver's connections counts. A parent whose step fails stops there, and
 * the steps it never sent count as errors too.
 */
final class RushDriver {

  static final String PORTAL = "/wechat/portal";
  static final String SKIPPED = "not sent: an earlier step failed";
  static final String UNSENT = "not sent before the drain deadline";

  /** How a run is driven. {@code expect} holds the acceptable template keys per step. */
  record Plan(String host, int port, int connections, int windowSeconds, long thinkMillis, int timeoutMillis,
      int drainSeconds, long seed, List<List<String>> expect) {
  }

  /** What a run measured: per step, merged over the workers; chosen counts the confirmed picks per offering name. */
  record Outcome(List<Recorder.Merged> steps, Recorder.Merged all, double seconds, CpuMeter.Usage cpu,
      Map<String, Integer> chosen, int confirmed) {
  }

  private RushDriver() {
  }

  static Outcome run(Plan plan, RushSchool school, SignedMessages messages, ReplyTemplates templates, long botPid)
      throws InterruptedException {
    int steps = RushParent.Step.values().length;
    Random random = new Random(plan.seed() + school.id());
    long start = System.nanoTime() + 200_000_000L; // time to start the threads
    long window = plan.windowSeconds() * 1_000_000_000L;
    DelayQueue<RushParent> queue = new DelayQueue<>();
    for (int i = 0; i < school.parents(); i++) {
      queue.add(new RushParent(i, school.openid(i), RushSchool.wishes(i), start + (long) (random.nextDouble() * window)));
    }
    long deadline = start + window + plan.drainSeconds() * 1_000_000_000L;
    AtomicInteger unfinished = new AtomicInteger(school.parents());
    Map<String, Integer> chosen = new ConcurrentHashMap<>();
    AtomicInteger confirmed = new AtomicInteger();
    Recorder[][] recorders = new Recorder[plan.connections()][steps];
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < plan.connections(); w++) {
      Recorder[] mine = recorders[w];
      for (int s = 0; s < steps; s++) {
        mine[s] = new Recorder();
      }
      HttpConnection opened = new HttpConnection(plan.host(), plan.port(), plan.timeoutMillis()).connected();
      threads.add(new Thread(() -> {
        try (HttpConnection connection = opened) {
          while (true) {
            RushParent parent = queue.poll(50, TimeUnit.MILLISECONDS);
            long now = System.nanoTime();
            if (parent == null) {
              if (unfinished.get() == 0 || now > deadline) {
                return;
              }
              continue;
            }
            if (now > deadline) {
              giveUp(parent, mine, UNSENT);
              unfinished.decrementAndGet();
              continue;
            }
            boolean ok = step(connection, parent, messages, templates, plan, mine[parent.step.ordinal()]);
            long done = System.nanoTime();
            if (ok && parent.step != RushParent.Step.CONFIRM) {
              parent.step = RushParent.Step.values()[parent.step.ordinal() + 1];
              parent.due = done + plan.thinkMillis() * 1_000_000L;
              queue.add(parent);
              continue;
            }
            if (ok) {
              confirmed.incrementAndGet();
              parent.chosen.forEach(name -> chosen.merge(name, 1, Integer::sum));
            } else if (parent.step != RushParent.Step.CONFIRM) {
              parent.step = RushParent.Step.values()[parent.step.ordinal() + 1];
              giveUp(parent, mine, SKIPPED);
            }
            unfinished.decrementAndGet();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "rush-" + w));
    }
    threads.forEach(Thread::start);
    CpuMeter cpu = new CpuMeter(botPid);
    cpu.startAt(start);
    for (Thread thread : threads) {
      thread.join();
    }
    CpuMeter.Usage usage = cpu.stopAt(System.nanoTime());
    // A step due after the deadline (a long think time) is still queued: unsent as well.
    for (RushParent left : queue.toArray(new RushParent[0])) {
      giveUp(left, recorders[0], UNSENT);
    }
    List<Recorder.Merged> perStep = new ArrayList<>();
    List<Recorder> every = new ArrayList<>();
    for (int s = 0; s < steps; s++) {
      List<Recorder> ofStep = new ArrayList<>();
      for (Recorder[] worker : recorders) {
        ofStep.add(worker[s]);
        every.add(worker[s]);
      }
      perStep.add(Recorder.merge(ofStep));
    }
    Recorder.Merged all = Recorder.merge(every);
    double seconds = Math.max(1, all.lastCompletionNanos() - start) / 1e9;
    return new Outcome(perStep, all, seconds, usage, Map.copyOf(chosen), confirmed.get());
  }

  /** The parent's remaining steps, from the current one, each an error of its step. */
  private static void giveUp(RushParent parent, Recorder[] recorders, String why) {
    for (int s = parent.step.ordinal(); s < recorders.length; s++) {
      recorders[s].notSent(why, 1);
    }
  }

  /** Sends the parent's current step and judges the reply; true when it is the expected next step. */
  private static boolean step(HttpConnection connection, RushParent parent, SignedMessages messages,
      ReplyTemplates templates, Plan plan, Recorder recorder) {
    SignedMessages.Request request = messages.text(PORTAL, parent.openid, parent.content());
    String failure;
    boolean answered = true;
    try {
      HttpConnection.Response response = connection.post(request.pathAndQuery(), request.body());
      failure = verdict(response, parent, templates, plan.expect().get(parent.step.ordinal()));
    } catch (SocketTimeoutException e) {
      failure = "timeout";
      answered = false;
    } catch (IOException | RuntimeException e) {
      failure = "I/O: " + e.getClass().getSimpleName();
      answered = false;
    }
    long done = System.nanoTime();
    if (failure == null) {
      recorder.success(done - parent.due, done);
    } else {
      recorder.failure(failure, done - parent.due, done, answered);
    }
    if (!answered) {
      // A refused or dead server must not turn the driver into a busy loop.
      LockSupport.parkNanos(1_000_000);
    }
    return failure == null;
  }

  private static String verdict(HttpConnection.Response response, RushParent parent, ReplyTemplates templates,
      List<String> expected) {
    if (response.status() != 200) {
      return "HTTP " + response.status();
    }
    String text = ReplyTemplates.content(response.body());
    if (text == null) {
      return "200 without a text reply";
    }
    if (expected.stream().noneMatch(key -> templates.matches(text, key))) {
      return parent.step.label + " answered with " + templates.identify(text);
    }
    if (parent.step == RushParent.Step.APPLY && parent.pick(text) == null) {
      return "apply: a wished offering missing from the list";
    }
    return null;
  }
}
