package org.kehou.core.staff;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.kehou.core.GeneratedId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: creation with a BCrypt hash, password checks, deactivation and password resets. Usernames are folded
 * ({@link #foldUsername}) wherever they come in, so look-alikes of one name are one account.
 */
@Service
public class StaffService {

  /** BCrypt reads at most this many bytes of a password; longer ones are refused rather than silently cut. */
  public static final int MAX_PASSWORD_BYTES = 72;

  private static final Logger log = LoggerFactory.getLogger(StaffService.class);

  private final StaffMapper staff;
  private final StaffWechat wechat;
  private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
  /** Compared against when the username is unknown, so that a wrong username costs as long as a wrong password. */
  private final String decoyHash = encoder.encode("decoy-password-never-valid");

  public StaffService(StaffMapper staff, StaffWechat wechat) {
    this.staff = staff;
    this.wechat = wechat;
  }

  /**
   * The form a username is stored and looked up in: NFKC (full-width letters become plain ones), trimmed and
   * case-folded. Accents are kept, so 'ádmin' stays a different name from 'admin'; the column compares in binary.
   */
  public static String foldUsername(String raw) {
    if (raw == null) {
      return "";
    }
    String nfkc = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
    return Normalizer.normalize(nfkc.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
  }

  public static boolean passwordTooLong(String password) {
    return password != null && password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
  }

  /** Creates an account; the caller checks that the username is free and the password fits. */
  @Transactional
  public Staff create(long schoolId, String username, String displayName, String password, StaffRole role) {
    requireFits(password);
    GeneratedId key = new GeneratedId();
    String folded = foldUsername(username);
    staff.insert(schoolId, folded, displayName, encoder.encode(password), role, key);
    log.info("Created staff account {} ({}) in school {}", folded, role, schoolId);
    return staff.findById(key.value()).orElseThrow();
  }

  public boolean usernameTaken(String username) {
    return staff.usernameTaken(foldUsername(username));
  }

  /** The id of the active account a typed username names, if any. */
  public OptionalLong activeAccount(String username) {
    return staff.findCredentials(foldUsername(username)).map(c -> OptionalLong.of(c.id())).orElse(OptionalLong.empty());
  }

  /** The active account these credentials open, if any. */
  public Optional<Staff> authenticate(String username, String password) {
    Optional<StaffMapper.Credentials> found = staff.findCredentials(foldUsername(username));
    String hash = found.map(StaffMapper.Credentials::passwordHash).orElse(decoyHash);
    boolean matches = password != null && !passwordTooLong(password) && encoder.matches(password, hash);
    return found.filter(c -> matches).flatMap(c -> staff.findById(c.id()));
  }

  /** Deactivated accounts cannot log in and their WeChat binding ends; the caller ends their sessions. */
  @Transactional
  public void setActive(long id, boolean active) {
    staff.setActive(id, active);
    if (!active) {
      wechat.accountDeactivated(id);
    }
    log.info("Staff account {} {}", id, active ? "reactivated" : "deactivated");
  }

  @Transactional
  public void resetPassword(long id, String password) {
    requireFits(password);
    staff.setPasswordHash(id, encoder.encode(password));
    log.info("Password of staff account {} was reset", id);
  }

  public Optional<Staff> find(long id) {
    return staff.findById(id);
  }

  public List<Staff> list(long schoolId) {
    return staff.listBySchool(schoolId);
  }

  public boolean hasActiveAdmin(long schoolId) {
    return staff.hasActiveAdmin(schoolId);
  }

  private static void requireFits(String password) {
    if (passwordTooLong(password)) {
      throw new IllegalArgumentException("Password longer than " + MAX_PASSWORD_BYTES + " bytes");
    }
  }
}
