-- Schools, terms, grades, classes, staff, students and guardians.
-- Every row belongs to one school: one deployment may serve several.

CREATE TABLE school (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  code        VARCHAR(32)  NOT NULL,
  name        VARCHAR(100) NOT NULL,
  created_at  DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT uq_school_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A term carries the facts the notice letter quotes: session times, the summer timetable, the fee.
CREATE TABLE term (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id            BIGINT       NOT NULL,
  name                 VARCHAR(60)  NOT NULL,
  starts_on            DATE         NOT NULL,
  ends_on              DATE         NOT NULL,
  summer_starts_on     DATE         NULL,
  summer_ends_on       DATE         NULL,
  session_starts_at    TIME         NOT NULL DEFAULT '15:30:00',
  winter_ends_at       TIME         NOT NULL DEFAULT '17:30:00',
  summer_ends_at       TIME         NOT NULL DEFAULT '18:00:00',
  fee_per_lesson_fen   INT          NOT NULL DEFAULT 350,
  publicity_days       INT          NOT NULL DEFAULT 3,
  created_at           DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT fk_term_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT uq_term_name UNIQUE (school_id, name),
  CONSTRAINT ck_term_dates CHECK (ends_on >= starts_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE staff (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id      BIGINT       NOT NULL,
  username       VARCHAR(64)  NOT NULL,
  display_name   VARCHAR(60)  NOT NULL,
  password_hash  VARCHAR(100) NOT NULL,
  role           VARCHAR(20)  NOT NULL,
  active         BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at     DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT fk_staff_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT uq_staff_username UNIQUE (username),
  CONSTRAINT ck_staff_role CHECK (role IN ('SCHOOL_ADMIN', 'CLASS_TEACHER', 'DUTY_TEACHER'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- level 1..6 is what offerings filter on; name is what the roster CSV says (一年级, 1年级...).
CREATE TABLE grade (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id  BIGINT      NOT NULL,
  level      TINYINT     NOT NULL,
  name       VARCHAR(20) NOT NULL,
  CONSTRAINT fk_grade_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT uq_grade_name UNIQUE (school_id, name),
  CONSTRAINT ck_grade_level CHECK (level BETWEEN 1 AND 6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- name is the full display name (三年级2班): what teachers type and what binding-code sheets print.
CREATE TABLE school_class (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id         BIGINT      NOT NULL,
  grade_id          BIGINT      NOT NULL,
  name              VARCHAR(40) NOT NULL,
  class_teacher_id  BIGINT      NULL,
  CONSTRAINT fk_class_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT fk_class_grade FOREIGN KEY (grade_id) REFERENCES grade (id),
  CONSTRAINT fk_class_teacher FOREIGN KEY (class_teacher_id) REFERENCES staff (id),
  CONSTRAINT uq_class_name UNIQUE (school_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- priority is confidential (left-behind / hardship): it orders waitlists and never leaves the school's staff views.
CREATE TABLE student (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id   BIGINT      NOT NULL,
  class_id    BIGINT      NOT NULL,
  student_no  VARCHAR(32) NOT NULL,
  name        VARCHAR(60) NOT NULL,
  priority    VARCHAR(16) NOT NULL DEFAULT 'NONE',
  created_at  DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at  DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT fk_student_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT fk_student_class FOREIGN KEY (class_id) REFERENCES school_class (id),
  CONSTRAINT uq_student_no UNIQUE (school_id, student_no),
  CONSTRAINT ck_student_priority CHECK (priority IN ('NONE', 'LEFT_BEHIND', 'HARDSHIP'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A guardian is identified by phone within a school: one parent of two pupils is one guardian.
CREATE TABLE guardian (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id   BIGINT      NOT NULL,
  name        VARCHAR(60) NOT NULL,
  phone       VARCHAR(20) NOT NULL,
  created_at  DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at  DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT fk_guardian_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT uq_guardian_phone UNIQUE (school_id, phone)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE student_guardian (
  student_id   BIGINT      NOT NULL,
  guardian_id  BIGINT      NOT NULL,
  relation     VARCHAR(20) NOT NULL,
  PRIMARY KEY (student_id, guardian_id),
  CONSTRAINT fk_sg_student FOREIGN KEY (student_id) REFERENCES student (id),
  CONSTRAINT fk_sg_guardian FOREIGN KEY (guardian_id) REFERENCES guardian (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_sg_guardian ON student_guardian (guardian_id);
