package org.kehou.admin.auth;

import org.kehou.core.GeneratedId;
import org.kehou.core.school.School;
import org.kehou.core.school.SchoolMapper;
import org.kehou.core.staff.StaffRole;
import org.kehou.core.staff.StaffService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On start, gives a fresh deployment its school and first school admin from the configuration, so somebody can log in
 * and create everything else. Does nothing once the configured school has an admin.
 */
@Component
class FirstAdmin implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

  private final SchoolMapper schools;
  private final StaffService staff;
  private final String schoolCode;
  private final String schoolName;
  private final String username;
  private final String password;

  FirstAdmin(SchoolMapper schools, StaffService staff,
      @Value("${kehou.school.code:school}") String schoolCode,
      @Value("${kehou.school.name:Kehou School}") String schoolName,
      @Value("${kehou.admin.username:admin}") String username,
      @Value("${kehou.admin.password:}") String password) {
    this.schools = schools;
    this.staff = staff;
    this.schoolCode = schoolCode;
    this.schoolName = schoolName;
    this.username = username;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    ensure(schoolCode, schoolName, username, password);
  }

  enum Outcome { CREATED, ADMIN_EXISTS, NO_PASSWORD, PASSWORD_TOO_LONG, USERNAME_TAKEN }

  Outcome ensure(String code, String name, String adminUsername, String adminPassword) {
    School school = schools.findSchoolByCode(code).orElse(null);
    if (school != null && staff.hasActiveAdmin(school.id())) {
      return Outcome.ADMIN_EXISTS;
    }
    if (adminPassword == null || adminPassword.isBlank()) {
      log.warn("School '{}' has no school admin and kehou.admin.password (env KEHOU_ADMIN_PASSWORD) is blank: "
          + "no admin was created, nobody can log in to the admin API until it is set and the API restarted", code);
      return Outcome.NO_PASSWORD;
    }
    if (StaffService.passwordTooLong(adminPassword)) {
      log.warn("School '{}' has no school admin and kehou.admin.password is longer than {} bytes, more than BCrypt "
          + "reads: no admin was created; choose a shorter password", code, StaffService.MAX_PASSWORD_BYTES);
      return Outcome.PASSWORD_TOO_LONG;
    }
    if (staff.usernameTaken(adminUsername)) {
      log.warn("School '{}' has no school admin but the username '{}' (kehou.admin.username) is taken: "
          + "no admin was created; choose another username", code, adminUsername);
      return Outcome.USERNAME_TAKEN;
    }
    long schoolId;
    if (school == null) {
      GeneratedId key = new GeneratedId();
      schools.insertSchool(code, name, key);
      schoolId = key.value();
      log.info("Created school '{}'", code);
    } else {
      schoolId = school.id();
    }
    staff.create(schoolId, adminUsername, adminUsername, adminPassword, StaffRole.SCHOOL_ADMIN);
    log.info("Created the first school admin '{}' of school '{}'", adminUsername, code);
    return Outcome.CREATED;
  }
}
