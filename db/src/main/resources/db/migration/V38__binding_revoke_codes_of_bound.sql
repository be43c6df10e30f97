-- Reprinting a class sheet used to issue a fresh code to guardians who were bound already, so anyone holding such a
-- sheet could add a WeChat account to the family. Sheets no longer do; the codes they handed out stop working now.
-- A bound guardian who needs a new code gets one from the admin's explicit reissue.
UPDATE binding_code bc
   SET live = NULL, revoked_at = CURRENT_TIMESTAMP(3)
 WHERE bc.live = 1
   AND EXISTS (SELECT 1 FROM wechat_binding wb WHERE wb.guardian_id = bc.guardian_id);
