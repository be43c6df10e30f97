package org.kehou.core.binding;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kehou.core.binding.BindingSlip.Bound;
import org.kehou.core.binding.BindingSlip.Child;
import org.kehou.core.binding.BindingSlip.QrState;
import org.kehou.core.binding.SlipQrMapper.SlipRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Binding slips to print, one per guardian not bound yet, each with the guardian's code and a WeChat QR code carrying
 * it. Codes are issued as for the CSV sheet; the QR codes are only asked for here (a row per code) and created by the
 * bot, the one process holding WeChat credentials, within seconds (see {@link SlipQrTickets}).
 */
@Service
public class BindingSlips {

  /** A slip printed now should work for at least this long, or until its code ends, whichever is sooner. */
  static final Duration MIN_QR_VALIDITY = Duration.ofDays(7);
  /** A QR code that could not be created is asked for again by a print this long after the failure, not sooner. */
  static final Duration RETRY_FAILED_AFTER = Duration.ofHours(1);

  private final BindingCodeService codes;
  private final SlipQrMapper qrs;
  private final Clock clock;

  BindingSlips(BindingCodeService codes, SlipQrMapper qrs, Clock clock) {
    this.codes = codes;
    this.qrs = qrs;
    this.clock = clock;
  }

  /**
   * The class's slips, issuing missing codes and asking for missing QR codes first.
   *
   * @throws BindingCodeNoTermException when the school has no current or upcoming term
   */
  @Transactional
  public BindingSlip.Sheet sheet(long schoolId, long classId, String className) {
    List<Long> unbound = codes.sheet(schoolId, classId).stream()
        .filter(row -> !row.bound() && row.code() != null)
        .map(BindingCodeSheetRow::guardianId).distinct().toList();
    LocalDateTime now = LocalDateTime.now(clock);
    if (!unbound.isEmpty()) {
      qrs.renew(unbound, now, now.plus(MIN_QR_VALIDITY), now.minus(RETRY_FAILED_AFTER));
      qrs.request(unbound, now);
    }
    return group(className, qrs.slips(classId, now));
  }

  private static BindingSlip.Sheet group(String className, List<SlipRow> rows) {
    Map<Long, List<SlipRow>> byGuardian = new LinkedHashMap<>();
    for (SlipRow row : rows) {
      byGuardian.computeIfAbsent(row.guardianId(), g -> new ArrayList<>()).add(row);
    }
    List<BindingSlip> slips = new ArrayList<>();
    List<Bound> bound = new ArrayList<>();
    for (List<SlipRow> guardianRows : byGuardian.values()) {
      SlipRow first = guardianRows.get(0);
      List<Child> children = guardianRows.stream()
          .map(r -> new Child(r.studentId(), r.studentName(), r.className(), r.relation())).toList();
      // The codes were issued in this transaction: every guardian not bound has one.
      if (first.bound()) {
        bound.add(new Bound(first.guardianId(), first.guardianName(), children));
      } else {
        slips.add(new BindingSlip(first.guardianId(), first.guardianName(), children, first.code(),
            first.codeExpiresAt(), state(first), first.qrUrl(), first.qrExpiresAt()));
      }
    }
    int pending = (int) slips.stream().filter(s -> s.qr() == QrState.PENDING).count();
    return new BindingSlip.Sheet(className, pending, List.copyOf(slips), List.copyOf(bound));
  }

  private static QrState state(SlipRow row) {
    if (row.qrUrl() != null) {
      return QrState.READY;
    }
    return "FAILED".equals(row.qrState()) ? QrState.UNAVAILABLE : QrState.PENDING;
  }
}
