package org.kehou.core.archive;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * Stores what is written to it in the database, one chunk of {@link #CHUNK} bytes at a time, so that any instance can
 * serve the finished ZIP and none holds it whole in memory. Each stored chunk also moves the build's heartbeat.
 */
final class ChunkStream extends OutputStream {

  static final int CHUNK = 1 << 20;

  /** Stores one chunk: (sequence number, bytes). */
  interface Sink {
    void store(int seq, byte[] data);
  }

  private final Sink sink;
  private final byte[] buffer = new byte[CHUNK];
  private int filled;
  private int seq;
  private long size;

  ChunkStream(Sink sink) {
    this.sink = sink;
  }

  @Override
  public void write(int b) {
    buffer[filled++] = (byte) b;
    size++;
    if (filled == CHUNK) {
      flushChunk();
    }
  }

  @Override
  public void write(byte[] b, int off, int len) {
    while (len > 0) {
      int n = Math.min(len, CHUNK - filled);
      System.arraycopy(b, off, buffer, filled, n);
      filled += n;
      off += n;
      len -= n;
      size += n;
      if (filled == CHUNK) {
        flushChunk();
      }
    }
  }

  /** Stores the last, partial chunk. */
  @Override
  public void close() {
    if (filled > 0) {
      flushChunk();
    }
  }

  long size() {
    return size;
  }

  private void flushChunk() {
    sink.store(seq++, Arrays.copyOf(buffer, filled));
    filled = 0;
  }
}
