package org.kehou.core.staff;

import java.util.List;
import java.util.Optional;
import org.kehou.core.GeneratedId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: creation with a BCrypt hash, and password checks. */
@Service
public class StaffService {

  private static final Logger log = LoggerFactory.getLogger(StaffService.class);

  private final StaffMapper staff;
  private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
  /** Compared against when the username is unknown, so that a wrong username costs as long as a wrong password. */
  private final String decoyHash = encoder.encode("decoy-password-never-valid");

  public StaffService(StaffMapper staff) {
    this.staff = staff;
  }

  /** Creates an account; the caller checks that the username is free ({@link #usernameTaken}). */
  @Transactional
  public Staff create(long schoolId, String username, String displayName, String password, StaffRole role) {
    GeneratedId key = new GeneratedId();
    staff.insert(schoolId, username, displayName, encoder.encode(password), role, key);
    log.info("Created staff account {} ({}) in school {}", username, role, schoolId);
    return staff.findById(key.value()).orElseThrow();
  }

  public boolean usernameTaken(String username) {
    return staff.usernameTaken(username);
  }

  /** The active account these credentials open, if any. */
  public Optional<Staff> authenticate(String username, String password) {
    Optional<StaffMapper.Credentials> found = staff.findCredentials(username);
    String hash = found.map(StaffMapper.Credentials::passwordHash).orElse(decoyHash);
    boolean matches = password != null && encoder.matches(password, hash);
    return found.filter(c -> matches).flatMap(c -> staff.findById(c.id()));
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
}
