-- Withdrawal, the school ending a service, waitlist offers, and notices for staff (class teachers are not on WeChat).

ALTER TABLE application ADD COLUMN ends_on DATE NULL;

-- OFFERED: a freed seat held for this waitlisted child until offer_expires_at.
ALTER TABLE application_choice DROP CONSTRAINT ck_choice_status;
ALTER TABLE application_choice
  ADD COLUMN offered_at       DATETIME(3) NULL,
  ADD COLUMN offer_expires_at DATETIME(3) NULL,
  ADD CONSTRAINT ck_choice_status CHECK (status IN ('SEATED', 'WAITLISTED', 'OFFERED', 'RELEASED'));

CREATE TABLE staff_notice (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  staff_id    BIGINT       NOT NULL,
  kind        VARCHAR(40)  NOT NULL,
  body        VARCHAR(1000) NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  read_at     DATETIME(3)  NULL,
  CONSTRAINT fk_notice_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_notice_staff ON staff_notice (staff_id, id);
