package org.kehou.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WeChat API as the outbox sees it, on 127.0.0.1: hands out an access token at once and answers every message send
 * (customer-service or template) with success after a fixed delay. Counts each message by the marker in its text, so
 * duplicates show, and the most calls it ever had in flight. Also keeps, per recipient ({@code touser}), how many sends
 * arrived and when the first one did: the absence bench checks each guardian's alert by that.
 */
final class FakeWeChat implements AutoCloseable {

  static final Pattern MARKER = Pattern.compile("outbox-bench:[a-z0-9]+:\\d+;");
  private static final Pattern TOUSER = Pattern.compile("\"touser\"\\s*:\\s*\"([^\"]+)\"");

  private final HttpServer server;
  private final ExecutorService threads;
  private final long delayMillis;
  private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicLong msgIds = new AtomicLong(1_000_000);
  private final Map<String, Arrivals> byRecipient = new ConcurrentHashMap<>();
  private volatile long lastSendNanos;
  private volatile java.util.function.Consumer<String> onFirstArrival = recipient -> { };

  FakeWeChat(int port, long delayMillis) throws IOException {
    this.delayMillis = delayMillis;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    // One thread per call in flight: each sleeps through its delay like a slow server would.
    threads = Executors.newCachedThreadPool(r -> {
      Thread thread = new Thread(r, "fake-wechat");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (path.endsWith("/token") || path.endsWith("/stable_token")) {
      reply(exchange, "{\"access_token\":\"outbox-bench-token\",\"expires_in\":7200}");
      return;
    }
    if (!path.startsWith("/cgi-bin/message/")) {
      reply(exchange, "{\"errcode\":0,\"errmsg\":\"ok\"}");
      return;
    }
    // On arrival, before the answer's delay: the moment the message was handed to WeChat.
    Matcher recipient = TOUSER.matcher(body);
    if (recipient.find()) {
      long arrived = System.nanoTime();
      Arrivals arrivals = byRecipient.computeIfAbsent(recipient.group(1), k -> new Arrivals(arrived));
      if (arrivals.count.incrementAndGet() == 1) {
        onFirstArrival.accept(recipient.group(1));
      }
    }
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      Thread.sleep(delayMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Matcher marker = MARKER.matcher(body);
    if (marker.find()) {
      received.computeIfAbsent(marker.group(), k -> new AtomicInteger()).incrementAndGet();
    }
    lastSendNanos = System.nanoTime();
    inFlight.decrementAndGet();
    reply(exchange, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + msgIds.incrementAndGet() + "}");
  }

  private static void reply(HttpExchange exchange, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Distinct messages of one run received, and how many of them more than once. */
  Tally tally(String run) {
    String prefix = "outbox-bench:" + run + ":";
    int distinct = 0;
    int duplicated = 0;
    for (Map.Entry<String, AtomicInteger> entry : received.entrySet()) {
      if (entry.getKey().startsWith(prefix)) {
        distinct++;
        if (entry.getValue().get() > 1) {
          duplicated++;
        }
      }
    }
    return new Tally(distinct, duplicated);
  }

  record Tally(int distinct, int duplicated) {
  }

  /** The sends one recipient received: how many, and the arrival of the first. */
  static final class Arrivals {
    final long firstNanos;
    final AtomicInteger count = new AtomicInteger();

    Arrivals(long firstNanos) {
      this.firstNanos = firstNanos;
    }
  }

  /** Every recipient that received a send so far. */
  Map<String, Arrivals> byRecipient() {
    return Map.copyOf(byRecipient);
  }

  /** When the first send to {@code recipient} arrived ({@link System#nanoTime()}), 0 if none yet; no copy made. */
  long firstArrival(String recipient) {
    Arrivals arrivals = byRecipient.get(recipient);
    return arrivals == null ? 0 : arrivals.firstNanos;
  }

  /** Called with the recipient right after the first send to it was noted (on the fake's thread). */
  void onFirstArrival(java.util.function.Consumer<String> listener) {
    onFirstArrival = listener;
  }

  /** Forgets every recipient and message: what came before (a warm-up) is not counted. */
  void reset() {
    byRecipient.clear();
    received.clear();
    maxInFlight.set(0);
  }

  int takeMaxInFlight() {
    return maxInFlight.getAndSet(0);
  }

  long lastSendNanos() {
    return lastSendNanos;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
