-- A binding ended on purpose (the parent's 解绑, an admin's revocation, the guardian's last child leaving the roster) is
-- kept for the archive but, unlike one paused by unfollowing, never comes back when the account follows again.
ALTER TABLE wechat_binding
  ADD COLUMN ended_at DATETIME(3) NULL,
  ADD COLUMN ended_by VARCHAR(16) NULL;
