-- The WeChat QR code printed on a guardian's binding slip: a temporary parametric QR code whose scene is the binding
-- code, so scanning it binds as typing 绑定 <code> does. The admin API holds no WeChat credentials: it asks for one by
-- inserting a PENDING row, and a bot instance claims the row, creates the ticket (qrcode/create) and stores WeChat's
-- url and the ticket's end. The url is worth as much as the code it carries, so a row lives no longer than its code:
-- it is deleted when the code is used or revoked, and by the bot's sweep once the code or the ticket has expired.
-- One row per code: a new code (regenerated, reissued) gets a row of its own when slips are printed again.
CREATE TABLE binding_slip_qr (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  binding_code_id  BIGINT       NOT NULL,
  -- PENDING (no ticket yet, or being created), READY (url and expires_at set), FAILED (WeChat refused for good or
  -- after every retry; printing again later asks anew).
  state            VARCHAR(8)   NOT NULL,
  requested_at     DATETIME(3)  NOT NULL,
  url              VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NULL,
  expires_at       DATETIME(3)  NULL,
  attempts         INT          NOT NULL DEFAULT 0,
  next_attempt_at  DATETIME(3)  NOT NULL,
  last_error_code  INT          NULL,
  settled_at       DATETIME(3)  NULL,
  -- The claim of one bot instance, as the outbox's: the token names it, claimed_until ends it.
  claim_token      CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NULL,
  claimed_until    DATETIME(3)  NULL,
  CONSTRAINT fk_slip_qr_code FOREIGN KEY (binding_code_id) REFERENCES binding_code (id),
  CONSTRAINT uq_slip_qr_code UNIQUE (binding_code_id),
  CONSTRAINT ck_slip_qr_state CHECK (state IN ('PENDING', 'READY', 'FAILED')),
  CONSTRAINT ck_slip_qr_ready CHECK ((state = 'READY') = (url IS NOT NULL AND expires_at IS NOT NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_slip_qr_due ON binding_slip_qr (state, next_attempt_at);
