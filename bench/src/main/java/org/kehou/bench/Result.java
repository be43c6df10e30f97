package org.kehou.bench;

import java.util.Map;

/**
 * One line of the table. Latencies describe successful messages; when there were none they describe the failed
 * answers instead and {@code failedLatencies} says so.
 */
record Result(String target, String mode, String offered, double messagesPerSecond, double p50, double p99,
    double max, long errors, Map<String, Long> errorKinds, boolean failedLatencies, CpuMeter.Usage cpu) {

  static Result of(String target, String mode, String offered, double messagesPerSecond, Recorder.Merged merged,
      CpuMeter.Usage cpu) {
    boolean failedOnly = merged.okMicros().length == 0;
    int[] micros = failedOnly ? merged.failedMicros() : merged.okMicros();
    return new Result(target, mode, offered, messagesPerSecond, percentile(micros, 0.50), percentile(micros, 0.99),
        micros.length == 0 ? Double.NaN : micros[micros.length - 1] / 1000.0, merged.errorCount(), merged.errors(),
        failedOnly && micros.length > 0, cpu);
  }

  /** Nearest rank on sorted microseconds, in milliseconds. */
  static double percentile(int[] sortedMicros, double p) {
    if (sortedMicros.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p * sortedMicros.length);
    return sortedMicros[Math.max(0, rank - 1)] / 1000.0;
  }
}
