-- Fees (课后服务费), settled monthly on the service actually given (按月据实结算). A term's fee per lesson is
-- term.fee_per_lesson_fen; its rule says how many lessons one session counts (in tenths: 15 = 1.5 lessons) and what a
-- hardship (困难) child pays (hardship_percent off: 100 exempts, 0 charges in full).
CREATE TABLE term_fee_rule (
  term_id           BIGINT      PRIMARY KEY,
  lesson_tenths     INT         NOT NULL DEFAULT 10,
  hardship_percent  INT         NOT NULL DEFAULT 0,
  changed_by        BIGINT      NULL,
  changed_at        DATETIME(3) NULL,
  CONSTRAINT fk_fee_rule_term FOREIGN KEY (term_id) REFERENCES term (id),
  CONSTRAINT fk_fee_rule_staff FOREIGN KEY (changed_by) REFERENCES staff (id),
  CONSTRAINT ck_fee_rule_tenths CHECK (lesson_tenths BETWEEN 1 AND 100),
  CONSTRAINT ck_fee_rule_hardship CHECK (hardship_percent BETWEEN 0 AND 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One statement per child and month, written once and never changed: what was counted then, and what it cost.
-- Amounts are integer fen. charged_fen = gross_fen - reduction_fen for the month itself; amount_fen adds the
-- adjustments to earlier months found since (fee_adjustment), which is what the guardians are asked to pay.
CREATE TABLE fee_statement (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id           BIGINT      NOT NULL,
  term_id             BIGINT      NOT NULL,
  student_id          BIGINT      NOT NULL,
  month               DATE        NOT NULL,
  sessions            INT         NOT NULL,
  lesson_tenths       INT         NOT NULL,
  -- The month's own rule, kept so a later correction prices the month as it was billed, not by a newer rule.
  tenths_per_session  INT         NOT NULL,
  hardship_percent    INT         NOT NULL,
  leave_days          INT         NOT NULL,
  fee_per_lesson_fen  INT         NOT NULL,
  gross_fen           INT         NOT NULL,
  reduction_fen       INT         NOT NULL,
  charged_fen         INT         NOT NULL,
  adjustment_fen      INT         NOT NULL,
  amount_fen          INT         NOT NULL,
  created_at          DATETIME(3) NOT NULL,
  CONSTRAINT fk_fee_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT fk_fee_term FOREIGN KEY (term_id) REFERENCES term (id),
  CONSTRAINT fk_fee_student FOREIGN KEY (student_id) REFERENCES student (id),
  CONSTRAINT uq_fee_statement UNIQUE (student_id, month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_fee_school_month ON fee_statement (school_id, month);

-- A correction to a month already billed (leave recorded after the fact, a cancellation added later), carried on the
-- next statement: delta_fen is what the earlier month costs now minus what was billed for it so far.
CREATE TABLE fee_adjustment (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  statement_id   BIGINT NOT NULL,
  for_month      DATE   NOT NULL,
  delta_sessions INT    NOT NULL,
  delta_fen      INT    NOT NULL,
  CONSTRAINT fk_adjustment_statement FOREIGN KEY (statement_id) REFERENCES fee_statement (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_adjustment_statement ON fee_adjustment (statement_id);
