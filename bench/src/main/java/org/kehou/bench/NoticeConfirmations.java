package org.kehou.bench;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Parents confirming with {@code 收到} through the signed webhook while the notice goes out, open loop: each parent's
 * message is drawn uniformly over the window from the moment the notice was sent, whatever the bots do; but nobody
 * confirms a message they have not received, so a parent drawn before their message reached a fake WeChat API is due
 * at that arrival instead (the fakes call back on each first arrival, so no polling delay of ours is counted).
 * Latency runs from the moment a message was due, so waiting for a driver connection counts.
 * Parents alternate between the two bots, as WeChat's calls would between instances behind a load balancer.
 */
final class NoticeConfirmations {

  static final String PORTAL = "/wechat/portal";
  static final String UNSENT = "not sent before the drain deadline";
  static final String NEVER_RECEIVED = "never received the notice";

  /**
   * {@code replies}: the first reply texts, for the reader. {@code dueAndMicros}: per answered message, the moment it
   * was due and its latency in microseconds, so the report can tell those due while the notice was going out.
   */
  record Outcome(Recorder.Merged all, List<Recorder.Merged> perBot, Map<String, String> replies,
      List<long[]> dueAndMicros) {
  }

  private static final class Parent implements Delayed {
    final String openid;
    final int bot;
    final long drawn;
    long at;
    long due;

    Parent(String openid, int bot, long drawn) {
      this.openid = openid;
      this.bot = bot;
      this.drawn = drawn;
      this.at = drawn;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(at - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(at, ((Parent) other).at);
    }
  }

  private NoticeConfirmations() {
  }

  /**
   * Runs until every parent was answered or the drain deadline (window + {@code drainSeconds}) passed.
   *
   * @param start the moment the notice was sent: the window's start
   */
  static Outcome run(long start, List<String> openids, int windowSeconds, int drainSeconds, long seed,
      int[] botPorts, int connectionsPerBot, int timeoutMillis, SignedMessages messages, List<FakeWeChat> fakes)
      throws InterruptedException {
    Random random = new Random(seed);
    long window = windowSeconds * 1_000_000_000L;
    List<DelayQueue<Parent>> queues = new ArrayList<>();
    for (int b = 0; b < botPorts.length; b++) {
      queues.add(new DelayQueue<>());
    }
    for (int i = 0; i < openids.size(); i++) {
      int bot = i % botPorts.length;
      queues.get(bot).add(new Parent(openids.get(i), bot, start + (long) (random.nextDouble() * window)));
    }
    long deadline = start + window + drainSeconds * 1_000_000_000L;
    // Parents whose moment came before their message did: the first arrival at a fake puts them in their queue.
    Map<String, Parent> waiting = new ConcurrentHashMap<>();
    for (FakeWeChat fake : fakes) {
      fake.onFirstArrival(openid -> {
        Parent parent = waiting.remove(openid);
        if (parent != null) {
          ready(parent, received(parent, fakes), queues.get(parent.bot));
        }
      });
    }
    List<long[]> samples = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger unfinished = new AtomicInteger(openids.size());
    Map<String, String> replies = new ConcurrentHashMap<>();
    List<List<Recorder>> recorders = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int b = 0; b < botPorts.length; b++) {
      List<Recorder> ofBot = new ArrayList<>();
      recorders.add(ofBot);
      DelayQueue<Parent> queue = queues.get(b);
      for (int c = 0; c < connectionsPerBot; c++) {
        Recorder mine = new Recorder();
        ofBot.add(mine);
        HttpConnection opened = new HttpConnection("127.0.0.1", botPorts[b], timeoutMillis).connected();
        threads.add(new Thread(() -> {
          try (HttpConnection connection = opened) {
            work(queue, waiting, connection, mine, messages, fakes, unfinished, deadline, replies, samples);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }, "confirm-" + b + "-" + c));
      }
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    fakes.forEach(fake -> fake.onFirstArrival(openid -> { }));
    for (Parent left : waiting.values()) {
      recorders.get(left.bot).get(0).notSent(NEVER_RECEIVED, 1);
    }
    List<Recorder.Merged> perBot = new ArrayList<>();
    List<Recorder> every = new ArrayList<>();
    for (int b = 0; b < botPorts.length; b++) {
      for (Parent left : queues.get(b).toArray(new Parent[0])) {
        recorders.get(b).get(0).notSent(received(left, fakes) == 0 ? NEVER_RECEIVED : UNSENT, 1);
      }
      perBot.add(Recorder.merge(recorders.get(b)));
      every.addAll(recorders.get(b));
    }
    return new Outcome(Recorder.merge(every), perBot, Map.copyOf(replies), List.copyOf(samples));
  }

  private static void work(DelayQueue<Parent> queue, Map<String, Parent> waiting, HttpConnection connection,
      Recorder recorder, SignedMessages messages, List<FakeWeChat> fakes, AtomicInteger unfinished, long deadline,
      Map<String, String> replies, List<long[]> samples) throws InterruptedException {
    while (true) {
      Parent parent = queue.poll(50, TimeUnit.MILLISECONDS);
      long now = System.nanoTime();
      if (parent == null) {
        if (unfinished.get() == waiting.size() && (unfinished.get() == 0 || now > deadline)) {
          return;
        }
        continue;
      }
      if (parent.due == 0) {
        // Waiting first, then looking: either this look sees the arrival or the fake's callback sees the parent.
        waiting.put(parent.openid, parent);
        long arrived = received(parent, fakes);
        if (arrived == 0 || waiting.remove(parent.openid) == null) {
          continue;
        }
        parent.due = Math.max(parent.drawn, arrived);
      }
      if (now > deadline) {
        recorder.notSent(UNSENT, 1);
        unfinished.decrementAndGet();
        continue;
      }
      if (send(connection, parent, messages, recorder, replies)) {
        samples.add(new long[] {parent.due, (System.nanoTime() - parent.due) / 1000});
      }
      unfinished.decrementAndGet();
    }
  }

  /** The parent's message arrived: due at that moment, or at its drawn moment if later. */
  private static void ready(Parent parent, long arrived, DelayQueue<Parent> queue) {
    parent.due = Math.max(parent.drawn, arrived);
    parent.at = parent.due;
    queue.add(parent);
  }

  /** When the parent's notice first reached any fake WeChat API; 0 if it has not. */
  private static long received(Parent parent, List<FakeWeChat> fakes) {
    long first = 0;
    for (FakeWeChat fake : fakes) {
      long at = fake.firstArrival(parent.openid);
      if (at != 0 && (first == 0 || at < first)) {
        first = at;
      }
    }
    return first;
  }

  private static boolean send(HttpConnection connection, Parent parent, SignedMessages messages, Recorder recorder,
      Map<String, String> replies) {
    SignedMessages.Request request = messages.text(PORTAL, parent.openid, "收到");
    String failure;
    boolean answered = true;
    try {
      HttpConnection.Response response = connection.post(request.pathAndQuery(), request.body());
      String text = response.status() == 200 ? ReplyTemplates.content(response.body()) : null;
      if (response.status() != 200) {
        failure = "HTTP " + response.status();
      } else if (text == null) {
        failure = "200 without a text reply";
      } else {
        failure = null;
        if (replies.size() < 6) {
          replies.putIfAbsent(text.length() > 120 ? text.substring(0, 120) + "…" : text, parent.openid);
        }
      }
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
}
