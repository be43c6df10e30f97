-- The waitlist place a parent is told counts the choices ahead within the child's own priority group
-- (SeatMapper.GROUP_POSITION). Joining every choice ahead to its application and student cost about 3 ms of the server
-- per reply in a sign-up rush; the group is kept on the choice instead, by triggers so that no write path can forget
-- it: set when a choice is inserted, moved when a roster change flips the child's priority. Nobody is ever shown it.
ALTER TABLE application_choice ADD COLUMN priority_group TINYINT NOT NULL DEFAULT 0;

UPDATE application_choice c JOIN application a ON a.id = c.application_id JOIN student s ON s.id = a.student_id
  SET c.priority_group = (s.priority <> 'NONE');

CREATE INDEX ix_choice_waitlist_group ON application_choice (offering_id, status, priority_group, draw_rank);

CREATE TRIGGER choice_priority_group BEFORE INSERT ON application_choice FOR EACH ROW
  SET NEW.priority_group = (SELECT s.priority <> 'NONE' FROM application a JOIN student s ON s.id = a.student_id
                            WHERE a.id = NEW.application_id);

CREATE TRIGGER student_priority_group AFTER UPDATE ON student FOR EACH ROW
  UPDATE application_choice c JOIN application a ON a.id = c.application_id
     SET c.priority_group = (NEW.priority <> 'NONE')
   WHERE a.student_id = NEW.id AND (OLD.priority <> 'NONE') <> (NEW.priority <> 'NONE');
