-- Duties, sign-in and sign-out, teacher pay (课时补助) and staffing ratios (issue 15).

-- The name the subsidy sheet (补助资金月发放明细表) pays under: money is handed out by real name (实名发放), while
-- display_name is what colleagues and parents read (王老师). NULL until the school enters it.
ALTER TABLE staff ADD COLUMN real_name VARCHAR(60) NULL;

-- A term's rules for duties. Rates are integer fen per lesson hour (课时); one session counts lesson_tenths tenths of
-- a lesson hour (15 = the 1.5 hours some plans count). A sign-in counts from sign_in_opens_minutes before the start to
-- sign_in_grace_minutes after it; a sign-out counts from sign_out_early_minutes before the end on (0: not before the
-- end). A session needs a teacher for every pupils_per_teacher pupils or part of it, and a manager for every full
-- pupils_per_manager pupils.
CREATE TABLE term_duty_rule (
  term_id                BIGINT      PRIMARY KEY,
  teacher_rate_fen       INT         NOT NULL DEFAULT 3500,
  manager_rate_fen       INT         NOT NULL DEFAULT 3500,
  lesson_tenths          INT         NOT NULL DEFAULT 10,
  sign_in_opens_minutes  INT         NOT NULL DEFAULT 30,
  sign_in_grace_minutes  INT         NOT NULL DEFAULT 10,
  sign_out_early_minutes INT         NOT NULL DEFAULT 0,
  pupils_per_teacher     INT         NOT NULL DEFAULT 30,
  pupils_per_manager     INT         NOT NULL DEFAULT 90,
  changed_by             BIGINT      NULL,
  changed_at             DATETIME(3) NULL,
  CONSTRAINT fk_duty_rule_term FOREIGN KEY (term_id) REFERENCES term (id),
  CONSTRAINT fk_duty_rule_staff FOREIGN KEY (changed_by) REFERENCES staff (id),
  CONSTRAINT ck_duty_rule_rates CHECK (teacher_rate_fen BETWEEN 0 AND 100000 AND manager_rate_fen BETWEEN 0 AND 100000),
  CONSTRAINT ck_duty_rule_tenths CHECK (lesson_tenths BETWEEN 1 AND 100),
  CONSTRAINT ck_duty_rule_minutes CHECK (sign_in_opens_minutes BETWEEN 0 AND 240
    AND sign_in_grace_minutes BETWEEN 0 AND 240 AND sign_out_early_minutes BETWEEN 0 AND 240),
  CONSTRAINT ck_duty_rule_ratios CHECK (pupils_per_teacher BETWEEN 1 AND 1000 AND pupils_per_manager BETWEEN 1 AND 1000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Staff on duty for an offering's sessions besides its own teacher (offering.teacher_id, always a TEACHER duty):
-- every session of the offering (session_date NULL) or one date. Planning, not record: removing one deletes the row;
-- what was worked is in duty_sign.
CREATE TABLE duty_assignment (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id     BIGINT      NOT NULL,
  offering_id   BIGINT      NOT NULL,
  staff_id      BIGINT      NOT NULL,
  role          VARCHAR(10) NOT NULL,
  session_date  DATE        NULL,
  created_by    BIGINT      NOT NULL,
  created_at    DATETIME(3) NOT NULL,
  CONSTRAINT fk_duty_offering FOREIGN KEY (offering_id) REFERENCES offering (id),
  CONSTRAINT fk_duty_staff FOREIGN KEY (staff_id) REFERENCES staff (id),
  CONSTRAINT fk_duty_creator FOREIGN KEY (created_by) REFERENCES staff (id),
  CONSTRAINT ck_duty_role CHECK (role IN ('TEACHER', 'MANAGER'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_duty_offering ON duty_assignment (offering_id, session_date);
CREATE INDEX ix_duty_school ON duty_assignment (school_id, offering_id);

-- One sign-in and one sign-out per staff member and session, never changed: the sheet judges them against the term's
-- rule. role is the duty's at the sign-in, so a later change of plan does not rewrite what was worked.
CREATE TABLE duty_sign (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id     BIGINT      NOT NULL,
  offering_id   BIGINT      NOT NULL,
  session_date  DATE        NOT NULL,
  staff_id      BIGINT      NOT NULL,
  kind          VARCHAR(3)  NOT NULL,
  role          VARCHAR(10) NOT NULL,
  at            DATETIME(3) NOT NULL,
  channel       VARCHAR(10) NOT NULL,
  recorded_by   BIGINT      NOT NULL,
  CONSTRAINT fk_sign_offering FOREIGN KEY (offering_id) REFERENCES offering (id),
  CONSTRAINT fk_sign_staff FOREIGN KEY (staff_id) REFERENCES staff (id),
  CONSTRAINT fk_sign_recorder FOREIGN KEY (recorded_by) REFERENCES staff (id),
  CONSTRAINT uq_duty_sign UNIQUE (offering_id, session_date, staff_id, kind),
  CONSTRAINT ck_sign_kind CHECK (kind IN ('IN', 'OUT')),
  CONSTRAINT ck_sign_role CHECK (role IN ('TEACHER', 'MANAGER')),
  CONSTRAINT ck_sign_channel CHECK (channel IN ('CONSOLE', 'WECHAT'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_sign_school_day ON duty_sign (school_id, session_date);
CREATE INDEX ix_sign_staff_day ON duty_sign (staff_id, session_date);
