package dev.shopfront.order.checkout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.shopfront.order.checkout.Checkout.Step;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The sagas.
 */
interface Checkouts extends JpaRepository<Checkout, UUID> {

	/** Sagas waiting for a payment whose deadline has passed, oldest first. */
	List<Checkout> findByStepAndPaymentDeadlineLessThanEqualOrderByPaymentDeadline(Step step, Instant now, Limit limit);

	/** Sagas in a step that have not moved since the given time, oldest first. */
	List<Checkout> findByStepAndUpdatedAtLessThanEqualOrderByUpdatedAt(Step step, Instant before, Limit limit);

}
