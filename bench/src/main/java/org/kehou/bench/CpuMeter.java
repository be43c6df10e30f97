package org.kehou.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * CPU used by the driver and by the bot over the measured window, in cores: on two shared cores it tells whether the
 * driver stole the bot's CPU and how busy the bot really was.
 */
final class CpuMeter {

  // Linux reports /proc/<pid>/stat times in clock ticks; USER_HZ is 100 on every mainstream kernel.
  private static final long NANOS_PER_TICK = 10_000_000L;

  record Usage(double driverCores, double botCores) {
    static final Usage NONE = new Usage(Double.NaN, Double.NaN);
  }

  private final long botPid;
  private long startWall;
  private long startDriver;
  private long startBot;

  CpuMeter(long botPid) {
    this.botPid = botPid;
  }

  /** Parks the calling (coordinating) thread until the given System.nanoTime(), then starts measuring. */
  void startAt(long nanoTime) {
    parkUntil(nanoTime);
    startWall = System.nanoTime();
    startDriver = driverNanos();
    startBot = botNanos();
  }

  Usage stopAt(long nanoTime) {
    parkUntil(nanoTime);
    double wall = System.nanoTime() - startWall;
    long bot = botNanos();
    return new Usage((driverNanos() - startDriver) / wall,
        bot < 0 || startBot < 0 ? Double.NaN : (bot - startBot) / wall);
  }

  private static void parkUntil(long nanoTime) {
    for (long now = System.nanoTime(); now < nanoTime; now = System.nanoTime()) {
      LockSupport.parkNanos(nanoTime - now);
    }
  }

  private static long driverNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private long botNanos() {
    if (botPid <= 0) {
      return -1;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(botPid), "stat"));
      // Fields after the command name (which may hold spaces): state is first, utime 12th, stime 13th.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
