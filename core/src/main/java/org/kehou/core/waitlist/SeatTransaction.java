package org.kehou.core.waitlist;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A transaction that may free, offer or take seats (see {@link SeatKeeper}). Read committed: the keeper's locking
 * counts then lock only the choices they count, where repeatable read would also lock the gap into the next
 * offering's choices and let two offerings' writers deadlock each other.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Transactional(isolation = Isolation.READ_COMMITTED)
public @interface SeatTransaction {
}
