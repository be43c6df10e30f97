-- How an offering's seats are allocated. FIRST_COME: a seat while one is free and nobody waits (what every offering did
-- before). AT_CLOSE: applications are collected until closes_at, then one draw seats priority children first and the
-- others in lottery order. drawn_at is set, on the offering row itself, in the draw's transaction: a submission reads
-- it with the row locked, so it can never join a draw that has already run.
ALTER TABLE offering
  ADD COLUMN allocation VARCHAR(10) NOT NULL DEFAULT 'FIRST_COME',
  ADD COLUMN closes_at  DATETIME(3) NULL,
  ADD COLUMN drawn_at   DATETIME(3) NULL,
  ADD CONSTRAINT ck_offering_allocation CHECK (allocation IN ('FIRST_COME', 'AT_CLOSE')),
  ADD CONSTRAINT ck_offering_closes_at CHECK ((allocation = 'AT_CLOSE') = (closes_at IS NOT NULL));
CREATE INDEX ix_offering_draw_due ON offering (allocation, drawn_at, closes_at);

-- IN_DRAW: applied to an AT_CLOSE offering before its close; holds no seat until the draw decides.
-- draw_rank: the choice's place in its offering's lottery order (1 = first), set by the draw; waitlists are ordered by
-- priority, then draw_rank (choices that never were in a draw last), then id. draw_reason: what gave the choice its
-- place (PRIORITY: a left-behind or hardship child, LOTTERY: the lottery rank). draw_outcome: SEATED or WAITLISTED as
-- the draw left it, kept while the status moves on (withdrawn, offered a freed seat...). Staff only: never shown to
-- parents.
ALTER TABLE application_choice DROP CONSTRAINT ck_choice_status;
ALTER TABLE application_choice
  ADD COLUMN draw_rank    INT         NULL,
  ADD COLUMN draw_reason  VARCHAR(10) NULL,
  ADD COLUMN draw_outcome VARCHAR(12) NULL,
  ADD CONSTRAINT ck_choice_status CHECK (status IN ('SEATED', 'WAITLISTED', 'OFFERED', 'RELEASED', 'IN_DRAW')),
  ADD CONSTRAINT ck_choice_draw_reason CHECK (draw_reason IS NULL OR draw_reason IN ('PRIORITY', 'LOTTERY')),
  ADD CONSTRAINT ck_choice_draw_outcome CHECK (draw_outcome IS NULL OR draw_outcome IN ('SEATED', 'WAITLISTED'));

-- One row per draw, written in the draw's transaction. The seed (64 hex characters, from SecureRandom at the close) and
-- the entrants' application ids are all it takes to compute the lottery order again: rank by the lowercase hex SHA-256
-- of "<seed>:<application id>", ascending. free_seats is what the draw had to give: capacity minus seats already held.
CREATE TABLE offering_draw (
  offering_id  BIGINT      NOT NULL PRIMARY KEY,
  seed         CHAR(64)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  drawn_at     DATETIME(3) NOT NULL,
  closes_at    DATETIME(3) NOT NULL,
  capacity     INT         NOT NULL,
  free_seats   INT         NOT NULL,
  entrants     INT         NOT NULL,
  seated       INT         NOT NULL,
  CONSTRAINT fk_draw_offering FOREIGN KEY (offering_id) REFERENCES offering (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
