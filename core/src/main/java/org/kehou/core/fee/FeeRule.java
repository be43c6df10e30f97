package org.kehou.core.fee;

/**
 * How a term's fee is counted: one session counts {@code lessonTenths} tenths of a lesson (15: the 1.5 lessons a day
 * some plans count), and a hardship (困难) child pays {@code hardshipPercent} percent less (100: exempt).
 */
public record FeeRule(long termId, int lessonTenths, int hardshipPercent) {

  static FeeRule standard(long termId) {
    return new FeeRule(termId, 10, 0);
  }
}
