package org.kehou.bench;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.locks.LockSupport;

/** One message sent and judged, shared by both loops; the caller says from when latency counts. */
final class Exchange {

  private Exchange() {
  }

  /**
   * @param latencyFrom the send time (closed loop) or the scheduled time (open loop), in System.nanoTime()
   * @param counted     whether the message falls in the measured window; warm-up messages are sent but not recorded
   */
  static void send(HttpConnection connection, Target target, SignedMessages messages, int parent,
      long latencyFrom, boolean counted, Recorder recorder, Samples samples) {
    SignedMessages.Request request = messages.next(target.path(), parent);
    String failure;
    boolean answered = true;
    HttpConnection.Response response = null;
    try {
      response = connection.post(request.pathAndQuery(), request.body());
      failure = target.verdict(response);
    } catch (SocketTimeoutException e) {
      failure = "timeout";
      answered = false;
    } catch (IOException | RuntimeException e) {
      failure = "I/O: " + e.getClass().getSimpleName();
      answered = false;
    }
    long done = System.nanoTime();
    if (response != null) {
      samples.offer(target, failure == null, response);
    }
    if (counted) {
      if (failure == null) {
        recorder.success(done - latencyFrom, done);
      } else {
        recorder.failure(failure, done - latencyFrom, done, answered);
      }
    }
    if (!answered) {
      // A refused or dead server must not turn the driver into a busy loop.
      LockSupport.parkNanos(1_000_000);
    }
  }
}
