package org.kehou.core.draw;

/**
 * A child in a draw, for staff only (the reason says whether the child has a priority flag).
 *
 * @param lotteryRank the child's rank in the lottery order (1 first), whatever the reason
 * @param outcome     SEATED or WAITLISTED, as the draw left it
 * @param reason      PRIORITY (placed ahead of the lottery as a left-behind or hardship child) or LOTTERY
 * @param status      the choice's status now (a seated child may have withdrawn, a waitlisted one been offered a seat)
 */
public record DrawEntrant(int lotteryRank, long applicationId, long studentId, String child, String className,
    String outcome, String reason, String status) {
}
