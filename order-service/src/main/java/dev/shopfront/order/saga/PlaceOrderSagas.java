package dev.shopfront.order.saga;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.shopfront.order.saga.PlaceOrderSaga.Step;
import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * The sagas.
 */
interface PlaceOrderSagas extends JpaRepository<PlaceOrderSaga, UUID> {

	/**
	 * The saga, locked until the end of the transaction: deciders of one saga (a reply, a
	 * sweeper, a customer's cancel, on any instance) take turns, and each reads the order
	 * as the previous one left it.
	 * @param orderId the order
	 * @return the saga
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from PlaceOrderSaga c where c.orderId = ?1")
	Optional<PlaceOrderSaga> findForDecision(UUID orderId);

	/** Sagas waiting for a payment whose deadline has passed, oldest first. */
	List<PlaceOrderSaga> findByStepAndPaymentDeadlineLessThanEqualOrderByPaymentDeadline(Step step, Instant now,
			Limit limit);

	/** Sagas in a step that have not moved since the given time, oldest first. */
	List<PlaceOrderSaga> findByStepAndUpdatedAtLessThanEqualOrderByUpdatedAt(Step step, Instant before, Limit limit);

}
