-- Offerings (服务项目) and applications to them.

-- weekdays: bit 0 = Monday .. bit 4 = Friday. grades: bit 0 = grade 1 .. bit 5 = grade 6.
CREATE TABLE offering (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id    BIGINT       NOT NULL,
  term_id      BIGINT       NOT NULL,
  name         VARCHAR(60)  NOT NULL,
  kind         VARCHAR(20)  NOT NULL,
  weekdays     TINYINT      NOT NULL,
  grades       TINYINT      NOT NULL,
  capacity     INT          NOT NULL,
  room         VARCHAR(60)  NULL,
  teacher_id   BIGINT       NULL,
  starts_at    TIME         NOT NULL,
  ends_at      TIME         NOT NULL,
  status       VARCHAR(10)  NOT NULL DEFAULT 'OPEN',
  created_at   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT fk_offering_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT fk_offering_term FOREIGN KEY (term_id) REFERENCES term (id),
  CONSTRAINT fk_offering_teacher FOREIGN KEY (teacher_id) REFERENCES staff (id),
  CONSTRAINT uq_offering_name UNIQUE (term_id, name),
  CONSTRAINT ck_offering_kind CHECK (kind IN ('HOMEWORK', 'CLUB')),
  CONSTRAINT ck_offering_status CHECK (status IN ('OPEN', 'CLOSED')),
  CONSTRAINT ck_offering_capacity CHECK (capacity >= 0),
  CONSTRAINT ck_offering_weekdays CHECK (weekdays BETWEEN 1 AND 31),
  CONSTRAINT ck_offering_grades CHECK (grades BETWEEN 1 AND 63)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- live = 1 while the application is alive; NULL once withdrawn or ended, so a child has at most one live application a term.
CREATE TABLE application (
  id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id             BIGINT      NOT NULL,
  term_id               BIGINT      NOT NULL,
  student_id            BIGINT      NOT NULL,
  applicant_guardian_id BIGINT      NOT NULL,
  state                 VARCHAR(24) NOT NULL,
  live                  TINYINT     NULL DEFAULT 1,
  submitted_at          DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at            DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT fk_app_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT fk_app_term FOREIGN KEY (term_id) REFERENCES term (id),
  CONSTRAINT fk_app_student FOREIGN KEY (student_id) REFERENCES student (id),
  CONSTRAINT fk_app_guardian FOREIGN KEY (applicant_guardian_id) REFERENCES guardian (id),
  CONSTRAINT uq_app_live UNIQUE (term_id, student_id, live)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per chosen offering: SEATED holds a seat, WAITLISTED queues (priority, then id = application order).
CREATE TABLE application_choice (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  application_id  BIGINT      NOT NULL,
  offering_id     BIGINT      NOT NULL,
  status          VARCHAR(12) NOT NULL,
  created_at      DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at      DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT fk_choice_app FOREIGN KEY (application_id) REFERENCES application (id),
  CONSTRAINT fk_choice_offering FOREIGN KEY (offering_id) REFERENCES offering (id),
  CONSTRAINT uq_choice UNIQUE (application_id, offering_id),
  CONSTRAINT ck_choice_status CHECK (status IN ('SEATED', 'WAITLISTED', 'RELEASED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_choice_offering ON application_choice (offering_id, status);

-- Append-only: rows are inserted, never updated or deleted.
CREATE TABLE application_history (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  application_id  BIGINT      NOT NULL,
  from_state      VARCHAR(24) NULL,
  to_state        VARCHAR(24) NOT NULL,
  actor_kind      VARCHAR(12) NOT NULL,
  actor_id        BIGINT      NULL,
  reason          VARCHAR(500) NULL,
  at              DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT fk_history_app FOREIGN KEY (application_id) REFERENCES application (id),
  CONSTRAINT ck_history_actor CHECK (actor_kind IN ('GUARDIAN', 'STAFF', 'SYSTEM'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_history_app ON application_history (application_id, id);
