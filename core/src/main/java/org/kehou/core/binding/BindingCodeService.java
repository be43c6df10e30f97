package org.kehou.core.binding;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kehou.core.school.SchoolMapper;
import org.kehou.core.school.Term;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues binding codes: one live code per guardian, created when a sheet is printed for guardians lacking one and not
 * bound yet, valid until the end of the current term (Beijing time), single use (the bot retires it on redemption).
 */
@Service
public class BindingCodeService {

  /** No 0/O or 1/I: parents copy these from paper. */
  public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  public static final int LENGTH = 8;
  private static final int ATTEMPTS = 5;
  private static final Logger log = LoggerFactory.getLogger(BindingCodeService.class);

  private final BindingCodeMapper codes;
  private final SchoolMapper schools;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  BindingCodeService(BindingCodeMapper codes, SchoolMapper schools, Clock clock) {
    this.codes = codes;
    this.schools = schools;
    this.clock = clock;
  }

  /**
   * The printable sheet of a class, issuing codes first to guardians who have no usable one and are not bound: a
   * bound family is never handed a fresh code by printing again (see {@link #reissue}).
   *
   * @throws BindingCodeNoTermException when the school has no current or upcoming term
   */
  @Transactional
  public List<BindingCodeSheetRow> sheet(long schoolId, long classId) {
    LocalDateTime expiresAt = expiry(schoolId);
    List<Long> guardians = codes.guardiansOfClass(classId);
    if (!guardians.isEmpty()) {
      LocalDateTime now = LocalDateTime.now(clock);
      codes.lockGuardians(guardians);
      codes.revoke(guardians, now, true);
      Set<Long> covered = new HashSet<>(codes.guardiansWithUsableCode(guardians, now));
      covered.addAll(codes.boundGuardians(guardians));
      List<Long> lacking = guardians.stream().filter(g -> !covered.contains(g)).toList();
      issue(schoolId, lacking, expiresAt, now);
    }
    return codes.sheet(classId);
  }

  /**
   * Revokes the live codes of a class's guardians and issues new ones to those not bound; returns how many were
   * issued.
   */
  @Transactional
  public int regenerateForClass(long schoolId, long classId) {
    expiry(schoolId);
    List<Long> guardians = codes.guardiansOfClass(classId);
    if (guardians.isEmpty()) {
      return 0;
    }
    codes.lockGuardians(guardians);
    Set<Long> bound = new HashSet<>(codes.boundGuardians(guardians));
    codes.revoke(guardians, LocalDateTime.now(clock), false);
    return regenerate(schoolId, guardians.stream().filter(g -> !bound.contains(g)).toList());
  }

  /**
   * Revokes a guardian's live code and issues a new one; false when the guardian is not in this school.
   *
   * @throws GuardianBoundException when the guardian is bound: that takes the explicit {@link #reissue}
   */
  @Transactional
  public boolean regenerateForGuardian(long schoolId, long guardianId) {
    if (!codes.guardianInSchool(guardianId, schoolId)) {
      return false;
    }
    codes.lockGuardians(List.of(guardianId));
    if (!codes.boundGuardians(List.of(guardianId)).isEmpty()) {
      throw new GuardianBoundException(guardianId);
    }
    regenerate(schoolId, List.of(guardianId));
    return true;
  }

  /**
   * An admin's deliberate new code for one guardian, bound or not (a parent with a new phone); the old code stops
   * working. Empty when the guardian is not in this school.
   */
  @Transactional
  public Optional<IssuedCode> reissue(long schoolId, long guardianId) {
    if (!codes.guardianInSchool(guardianId, schoolId)) {
      return Optional.empty();
    }
    regenerate(schoolId, List.of(guardianId));
    return Optional.of(codes.liveCode(guardianId));
  }

  private int regenerate(long schoolId, List<Long> guardians) {
    LocalDateTime expiresAt = expiry(schoolId);
    if (guardians.isEmpty()) {
      return 0;
    }
    LocalDateTime now = LocalDateTime.now(clock);
    codes.lockGuardians(guardians);
    int revoked = codes.revoke(guardians, now, false);
    issue(schoolId, guardians, expiresAt, now);
    log.info("Regenerated binding codes of {} guardians in school {} ({} revoked)", guardians.size(), schoolId, revoked);
    return guardians.size();
  }

  private LocalDateTime expiry(long schoolId) {
    Term term = schools.findCurrentTerm(schoolId, LocalDate.now(clock))
        .orElseThrow(() -> new BindingCodeNoTermException(schoolId));
    return term.endsOn().plusDays(1).atStartOfDay();
  }

  private void issue(long schoolId, List<Long> guardians, LocalDateTime expiresAt, LocalDateTime now) {
    for (long guardian : guardians) {
      insertWithFreshCode(schoolId, guardian, expiresAt, now);
    }
    if (!guardians.isEmpty()) {
      log.info("Issued {} binding codes in school {}", guardians.size(), schoolId);
    }
  }

  /** Codes are unique across schools; a clash (one in 10^12 per pair) just draws again. */
  private void insertWithFreshCode(long schoolId, long guardian, LocalDateTime expiresAt, LocalDateTime now) {
    for (int attempt = 1; ; attempt++) {
      try {
        codes.insert(schoolId, guardian, newCode(), expiresAt, now);
        return;
      } catch (DuplicateKeyException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /**
   * A code with at least one letter: a slip's QR code carries the code as its scene, and a scene of digits only is
   * taken for another QR code of the account (see the bot's ScanBindHandler). Redrawn about once in 65,000 codes.
   */
  String newCode() {
    while (true) {
      char[] code = new char[LENGTH];
      boolean letter = false;
      for (int i = 0; i < LENGTH; i++) {
        code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        letter |= Character.isLetter(code[i]);
      }
      if (letter) {
        return new String(code);
      }
    }
  }
}
