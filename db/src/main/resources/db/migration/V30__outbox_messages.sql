-- The outbox: every message the system decides to push to a parent is a row written in the same transaction as the
-- state change that caused it. The bot's dispatcher claims due rows, sends them through WeChat and records the outcome.
-- The admin API writes here and never calls WeChat.

CREATE TABLE outbox_message (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id        BIGINT       NOT NULL,
  guardian_id      BIGINT       NOT NULL,
  student_id       BIGINT       NULL,
  -- NULL when the guardian had no active WeChat binding at the time: kept so staff can see who was not reached.
  openid           VARCHAR(64)  NULL,
  kind             VARCHAR(40)  NOT NULL,
  -- One logical message per key (e.g. agreement-reminder-24h:<application>:<openid>): a job re-run writes nothing new.
  dedup_key        VARCHAR(160) NOT NULL,
  body             TEXT         NOT NULL,
  template_fields  TEXT         NULL,
  state            VARCHAR(12)  NOT NULL DEFAULT 'PENDING',
  attempts         INT          NOT NULL DEFAULT 0,
  next_attempt_at  DATETIME(3)  NOT NULL,
  claim_token      CHAR(36)     NULL,
  claimed_until    DATETIME(3)  NULL,
  channel          VARCHAR(12)  NULL,
  wechat_msg_id    VARCHAR(40)  NULL,
  last_error_code  INT          NULL,
  last_error       VARCHAR(300) NULL,
  created_at       DATETIME(3)  NOT NULL,
  sent_at          DATETIME(3)  NULL,
  CONSTRAINT fk_outbox_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT fk_outbox_guardian FOREIGN KEY (guardian_id) REFERENCES guardian (id),
  CONSTRAINT fk_outbox_student FOREIGN KEY (student_id) REFERENCES student (id),
  CONSTRAINT uq_outbox_dedup UNIQUE (dedup_key),
  CONSTRAINT ck_outbox_state CHECK (state IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'NO_RECIPIENT', 'CANCELLED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_outbox_due ON outbox_message (state, next_attempt_at, id);
CREATE INDEX ix_outbox_guardian ON outbox_message (guardian_id, id);
CREATE INDEX ix_outbox_student ON outbox_message (student_id, id);
