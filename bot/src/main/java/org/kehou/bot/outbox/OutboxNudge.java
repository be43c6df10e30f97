package org.kehou.bot.outbox;

/**
 * Told by a job of this instance that it has just queued messages that should leave now (the end of a session): the
 * dispatcher drains at once instead of at its next poll. Other instances still find the rows at their next poll.
 */
public interface OutboxNudge {

  void queued();
}
